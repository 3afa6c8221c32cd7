//! GestSup import benchmark.
//!
//!     cargo bench --bench import
//!
//! Writes a GestSup backup file the size of a busy site (5,000 users, 100,000 tickets with HTML
//! descriptions, 500,000 thread entries, in mysqldump's extended inserts), then times
//! `gestdesk import gestsup --from` into a new instance and follows its memory (the high-water
//! mark of its resident memory, and of its allocated part apart from the database file's pages
//! it maps). Targets: under 60 s, peak memory under 300 MB.
//!
//! Where MariaDB is installed (`installer/install-test-deps.sh`), the same site is then loaded
//! into a private MariaDB (`tests/peers/setup-mariadb.sh`, on a free loopback port) and imported
//! again, read directly (`--from mysql://...`), into another new instance.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{BIN, status_kib, verdict};

const USERS: usize = 5_000;
const TICKETS: usize = 100_000;
const THREADS_PER_TICKET: usize = 5;
const CHUNK: usize = 500;

fn inserts(
    out: &mut impl Write,
    table: &str,
    columns: &[&str],
    rows: usize,
    row: impl Fn(usize) -> String,
) {
    let mut create = format!("CREATE TABLE `{table}` (\n");
    for c in columns {
        let kind = if *c == "id" { "int" } else { "text" };
        create.push_str(&format!("  `{c}` {kind} NOT NULL,\n"));
    }
    create.push_str("  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;\n");
    out.write_all(create.as_bytes()).expect("write");
    let mut n = 0;
    while n < rows {
        let end = (n + CHUNK).min(rows);
        let values: Vec<String> = (n..end).map(|i| format!("({})", row(i))).collect();
        writeln!(out, "INSERT INTO `{table}` VALUES {};", values.join(",")).expect("write");
        n = end;
    }
}

fn backup(path: &Path) {
    let file = std::fs::File::create(path).expect("file");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    writeln!(out, "-- GestSup-sized backup for the import benchmark").expect("write");
    inserts(
        &mut out,
        "tcategory",
        &[
            "id",
            "number",
            "name",
            "service",
            "technician",
            "technician_group",
            "type",
        ],
        21,
        |i| format!("{i},{i},'Catégorie {i}',0,0,0,0"),
    );
    inserts(&mut out, "tcompany", &["id", "name", "disable"], 51, |i| {
        format!("{i},'Société {i}',0")
    });
    inserts(
        &mut out,
        "tgroups",
        &["id", "name", "type", "service", "disable"],
        6,
        |i| format!("{i},'Groupe {i}',1,0,0"),
    );
    let hash = "$2y$04$abcdefghijklmnopqrstuu5zFpIk8wdnZyxl6a4.o6bJ0b6Fbm9b2";
    let description = "<p>Bonjour,</p><p>L\\'imprimante du <b>2e étage</b> ne r&eacute;pond plus depuis ce matin.<br>Merci de regarder.</p><ul><li>Modèle : HP 4250</li><li>Salle 204</li></ul>";
    inserts(
        &mut out,
        "tincidents",
        &[
            "id",
            "type",
            "technician",
            "t_group",
            "title",
            "description",
            "user",
            "u_service",
            "date_create",
            "date_hope",
            "date_res",
            "date_modif",
            "state",
            "priority",
            "criticality",
            "time",
            "creator",
            "category",
            "subcat",
            "techread",
            "userread",
            "disable",
        ],
        TICKETS,
        |i| {
            let id = i + 1;
            let tech = USERS - 40 + id % 40;
            let user = 1 + id % (USERS - 40);
            format!(
                "{id},1,{tech},0,'Ticket {id} : imprimante en panne','{description}',{user},0,\
                 '2024-01-{:02} 09:{:02}:00','0000-00-00','0000-00-00 00:00:00','2024-02-01 10:00:00',\
                 {},0,0,{},{tech},{},0,1,1,0",
                id % 28 + 1,
                id % 60,
                [1, 2, 3, 5, 6][id % 5],
                id % 90,
                id % 20 + 1
            )
        },
    );
    inserts(
        &mut out,
        "tthreads",
        &[
            "id",
            "ticket",
            "date",
            "author",
            "text",
            "type",
            "tech1",
            "tech2",
            "group1",
            "group2",
            "user",
            "state",
            "private",
            "dest_mail",
            "time",
        ],
        TICKETS * THREADS_PER_TICKET,
        |i| {
            let ticket = i / THREADS_PER_TICKET + 1;
            let tech = USERS - 40 + ticket % 40;
            match i % THREADS_PER_TICKET {
                0 => format!(
                    "{},{ticket},'2024-01-10 10:00:00',{tech},'',1,{tech},0,0,0,0,0,0,'',0",
                    i + 1
                ),
                4 => format!(
                    "{},{ticket},'2024-01-10 12:00:00',{tech},'',5,0,0,0,0,0,2,0,'',0",
                    i + 1
                ),
                _ => format!(
                    "{},{ticket},'2024-01-10 11:00:00',{tech},'<p>Réponse {i} : je passe voir &agrave; 10h.</p>',0,0,0,0,0,0,0,{},'',10",
                    i + 1,
                    u8::from(i % 7 == 0)
                ),
            }
        },
    );
    inserts(
        &mut out,
        "tusers",
        &[
            "id",
            "login",
            "password",
            "salt",
            "firstname",
            "lastname",
            "profile",
            "mail",
            "company",
            "disable",
            "language",
        ],
        USERS,
        |i| {
            let id = i + 1;
            let profile = if id > USERS - 40 { 0 } else { 2 };
            format!(
                "{id},'user{id}','{hash}','','Prénom{id}','Nom{id}',{profile},'user{id}@example.test',{},0,'fr_FR'",
                id % 50 + 1
            )
        },
    );
    out.flush().expect("flush");
}

/// A new instance in `data`, with its administrator.
fn fresh_instance(data: &Path) {
    let init = Command::new(BIN)
        .args(["create-admin", "--init", "--login", "admin"])
        .env("GESTDESK_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .expect("stdin")
                .write_all(b"benchmark admin password\n")?;
            c.wait_with_output()
        })
        .expect("create-admin");
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
}

/// Times `gestdesk import gestsup --from FROM` into the new instance `data` and prints the
/// figures under `what`.
fn import(data: &Path, from: &str, what: &str) {
    fresh_instance(data);
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(["import", "gestsup", "--from", from])
        .env("GESTDESK_DATA_DIR", data)
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("import");
    let pid = child.id();
    let (mut hwm, mut anon) = (0u64, 0u64);
    while child.try_wait().expect("wait").is_none() {
        hwm = hwm.max(status_kib(pid, "VmHWM:"));
        anon = anon.max(status_kib(pid, "RssAnon:"));
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let out = child.wait_with_output().expect("output");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!("tincidents: read {TICKETS}, imported {TICKETS},")),
        "{text}"
    );
    assert!(text.contains("integrity_check: ok"), "{text}");
    println!(
        "{what}: {:.1} s, {:.0} tickets/s (target < 60 s): {}",
        took.as_secs_f64(),
        TICKETS as f64 / took.as_secs_f64(),
        verdict(took < Duration::from_secs(60))
    );
    println!(
        "  memory: peak resident {:.0} MB (with the database pages it maps), peak allocated {:.0} MB (target < 300 MB): {}",
        hwm as f64 / 1024.0,
        anon as f64 / 1024.0,
        verdict(hwm < 300 * 1024)
    );
}

/// A private MariaDB holding the site of `backup`; its address, and its process to stop.
fn mariadb(backup: &Path) -> Option<(String, std::process::Child, std::path::PathBuf)> {
    if Command::new("mariadbd").arg("--version").output().is_err() {
        println!("MariaDB is not installed: the direct database read is not measured");
        return None;
    }
    let port = common::free_port();
    let dir = std::path::PathBuf::from(format!("/tmp/gd-mariadb-bench-{port}"));
    std::fs::create_dir_all(&dir).expect("dir");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/setup-mariadb.sh");
    let ok = Command::new("bash")
        .arg(script)
        .arg(&dir)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .status()
        .expect("setup-mariadb.sh");
    assert!(ok.success(), "setup-mariadb.sh");
    let cnf = format!("--defaults-file={}", dir.join("my.cnf").display());
    let server = Command::new("mariadbd")
        .arg(&cnf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("mariadbd");
    let up = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            up.elapsed() < Duration::from_secs(30),
            "MariaDB did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let sql = |input: Option<&Path>, statements: &str| {
        let mut c = Command::new("mariadb");
        c.arg(&cnf).arg("-uroot");
        match input {
            Some(file) => c
                .arg("gestsup")
                .stdin(std::fs::File::open(file).expect("backup")),
            None => c.args(["-e", statements]),
        };
        let out = c.output().expect("mariadb");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    sql(
        None,
        "CREATE DATABASE gestsup CHARACTER SET utf8mb4;
         CREATE USER 'gestsup'@'127.0.0.1' IDENTIFIED BY 'gestsup-pass';
         GRANT SELECT ON gestsup.* TO 'gestsup'@'127.0.0.1';",
    );
    let loading = Instant::now();
    sql(Some(backup), "");
    println!(
        "site loaded into MariaDB in {:.1} s",
        loading.elapsed().as_secs_f64()
    );
    Some((
        format!("mysql://gestsup:gestsup-pass@127.0.0.1:{port}/gestsup"),
        server,
        dir,
    ))
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("backup-gestsup.sql");
    let written = Instant::now();
    backup(&file);
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "backup file written: {USERS} users, {TICKETS} tickets, {} thread entries, {:.0} MB in {:.1} s",
        TICKETS * THREADS_PER_TICKET,
        size as f64 / 1e6,
        written.elapsed().as_secs_f64()
    );
    import(
        &dir.path().join("data"),
        file.to_str().expect("path"),
        "gestdesk import gestsup --from FILE",
    );
    if let Some((address, mut server, mariadb_dir)) = mariadb(&file) {
        import(
            &dir.path().join("data-direct"),
            &address,
            "gestdesk import gestsup --from mysql://...",
        );
        let _ = server.kill();
        let _ = server.wait();
        let _ = std::fs::remove_dir_all(mariadb_dir);
    }
}
