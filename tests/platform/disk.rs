//! A full disk: the data directory on a small tmpfs (mounting one needs root, as in CI; the
//! story says so and stops early otherwise). Saving then answers a clear page and a log line,
//! nothing is half-written, and once space is freed everything works again. (A folder turned
//! read-only under a running server cannot be played here: the kernel refuses to remount a
//! file system read-only while the database is open for writing; the mapping of SQLite's
//! read-only and I/O errors to their page is a unit test in `web::error`.)

use std::path::Path;
use std::process::Command;

use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

/// Mounts a tmpfs of `mb` megabytes on `dir`; false when this machine does not allow it.
fn mount_small(dir: &Path, mb: u32) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={mb}m"), "tmpfs"])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success())
}

/// Unmounts when dropped, even when the story fails.
struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.0).status();
    }
}

#[tokio::test]
async fn a_full_disk_gives_a_clear_page_loses_nothing_and_recovers() {
    let outer = tempfile::tempdir().expect("dir");
    let data = outer.path().join("data");
    std::fs::create_dir_all(&data).expect("dir");
    if !mount_small(&data, 8) {
        println!("skipped: mounting a tmpfs needs root");
        return;
    }
    let _mounted = Mounted(&data);
    {
        let dir = tempfile::Builder::new().tempdir_in(&data).expect("dir");
        let app = TestApp::resume(dir).await;
        let admin = app.client();
        admin.create_first_admin(&app).await;
        let first = open_ticket(&app, &admin, &[("requester", "u1"), ("title", "Before")]).await;
        // Fill the disk, leaving almost nothing.
        let filler = data.join("filler");
        let mut size = 8 * 1024 * 1024;
        while size > 4096 {
            let wrote = std::fs::write(&filler, vec![0u8; size]);
            if wrote.is_err() {
                size /= 2;
                let _ = std::fs::remove_file(&filler);
                continue;
            }
            break;
        }
        // Use what is left with more fillers.
        for n in 0.. {
            if std::fs::write(data.join(format!("fill-{n}")), vec![0u8; 64 * 1024]).is_err() {
                break;
            }
        }
        for n in 0.. {
            if std::fs::write(data.join(format!("small-{n}")), vec![0u8; 1024]).is_err() {
                break;
            }
        }
        let mut refused = None;
        for n in 0..50 {
            let reply = admin
                .send_ticket_form(
                    "/tickets/new",
                    &[
                        ("requester", "u1"),
                        ("title", &format!("On a full disk {n}")),
                        ("description", &"A long description. ".repeat(400)),
                    ],
                    &[],
                )
                .await;
            if reply.status != StatusCode::SEE_OTHER {
                refused = Some(reply);
                break;
            }
        }
        let refused = refused.expect("the disk never filled up");
        assert_eq!(
            refused.status,
            StatusCode::INSUFFICIENT_STORAGE,
            "{}",
            refused.body
        );
        refused.assert_contains("The server's disk is full");
        // Free the space: the server carries on, the data is whole.
        for e in std::fs::read_dir(&data).expect("dir").flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == "filler" || name.starts_with("fill-") || name.starts_with("small-") {
                let _ = std::fs::remove_file(e.path());
            }
        }
        let after = open_ticket(&app, &admin, &[("requester", "u1"), ("title", "After")]).await;
        assert!(after > first);

        let ok: String = app
            .sql()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(ok, "ok");
        app.stop().await;
    }
}
