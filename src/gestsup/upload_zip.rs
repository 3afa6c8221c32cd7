//! GestSup's `upload/` folder sent as a ZIP (the set-up page's "Move from GestSup"), unpacked
//! into a staging folder with bounds an archive cannot get past: only plain files, each under
//! the folder (no absolute path, no `..`, no link), at most [`MAX_ENTRIES`] of them, and at
//! most `max_bytes` written in all whatever the sizes the archive declares. Where the folder
//! is inside (`upload/` at the top, one folder holding everything, or the top itself) is found
//! after.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Entries an archive may hold.
pub const MAX_ENTRIES: usize = 1_000_000;

/// Why the archive was refused.
#[derive(Debug, thiserror::Error)]
pub enum ZipError {
    #[error("the files' archive is not a ZIP file we can read: {0}")]
    Unreadable(#[from] zip::result::ZipError),
    #[error("unpacking the files: {0}")]
    Io(#[from] std::io::Error),
    #[error("the files' archive holds more than {MAX_ENTRIES} entries")]
    TooManyEntries,
    #[error("the files' archive unpacks to more than {0} bytes")]
    TooLarge(u64),
}

/// Unpacks `archive` into `into`; returns GestSup's upload folder inside it and the entries
/// left out (links, and paths outside the folder).
pub fn unpack(
    archive: &Path,
    into: &Path,
    max_bytes: u64,
) -> Result<(PathBuf, Vec<String>), ZipError> {
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(std::fs::File::open(archive)?))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ZipError::TooManyEntries);
    }
    let mut written = 0u64;
    let mut left_out = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        let Some(relative) = entry.enclosed_name() else {
            left_out.push(entry.name().map(|n| n.into_owned()).unwrap_or_default());
            continue;
        };
        if entry.is_symlink() {
            left_out.push(entry.name().map(|n| n.into_owned()).unwrap_or_default());
            continue;
        }
        let path = into.join(&relative);
        if entry.is_dir() {
            std::fs::create_dir_all(&path)?;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut out = std::fs::File::create(&path)?;
        // One byte more than what is left tells an archive that lies about its sizes.
        let room = max_bytes - written;
        let copied = std::io::copy(&mut (&mut entry).take(room + 1), &mut out)?;
        if copied > room {
            return Err(ZipError::TooLarge(max_bytes));
        }
        written += copied;
    }
    Ok((upload_folder(into), left_out))
}

/// Where GestSup's folder is in what was unpacked at `root`: the first of the top, its
/// `upload/`, the one folder it holds and that folder's `upload/`, that looks like it.
fn upload_folder(root: &Path) -> PathBuf {
    let mut candidates = vec![root.to_owned(), root.join("upload")];
    let entries: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    if let [only] = entries.as_slice() {
        candidates.push(only.clone());
        candidates.push(only.join("upload"));
    }
    candidates
        .into_iter()
        .find(|c| looks_like_upload(c))
        .unwrap_or_else(|| root.to_owned())
}

/// Whether `dir` holds what GestSup's upload folder holds: `ticket/`, `procedure/`, `asset/`
/// or `logo/`, or (before 3.2) a folder per ticket number.
fn looks_like_upload(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|d| {
        d.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            e.path().is_dir()
                && (matches!(name.as_str(), "ticket" | "procedure" | "asset" | "logo")
                    || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())))
        })
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn archive(dir: &Path, entries: &[(&str, &[u8])]) -> PathBuf {
        let path = dir.join("files.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("zip"));
        for (name, data) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("entry");
            zip.write_all(data).expect("data");
        }
        zip.finish().expect("finish");
        path
    }

    #[test]
    fn the_upload_folder_is_found_and_nothing_escapes() {
        let dir = tempfile::tempdir().expect("dir");
        let zip = archive(
            dir.path(),
            &[
                ("gestsup/upload/ticket/1_a.png", b"png"),
                ("../../escape.txt", b"no"),
                ("/gestsup/upload/absolute.txt", b"inside"),
            ],
        );
        let into = dir.path().join("out");
        std::fs::create_dir(&into).expect("out");
        let (upload, left_out) = unpack(&zip, &into, 1_000).expect("unpacked");
        assert_eq!(upload, into.join("gestsup/upload"));
        assert_eq!(
            std::fs::read(upload.join("ticket/1_a.png")).expect("file"),
            b"png"
        );
        assert_eq!(left_out, ["../../escape.txt"]);
        assert!(!dir.path().join("escape.txt").exists());
        assert!(
            !Path::new("/gestsup").exists(),
            "an absolute path stays inside"
        );
    }

    #[test]
    fn an_archive_larger_than_allowed_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let zip = archive(
            dir.path(),
            &[("ticket/a", &[0u8; 600]), ("ticket/b", &[0u8; 600])],
        );
        let into = dir.path().join("out");
        std::fs::create_dir(&into).expect("out");
        assert!(matches!(
            unpack(&zip, &into, 1_000),
            Err(ZipError::TooLarge(1_000))
        ));
        let (upload, _) = unpack(&zip, &into, 2_000).expect("fits");
        assert_eq!(upload, into, "files at the top: the top is the folder");
    }
}
