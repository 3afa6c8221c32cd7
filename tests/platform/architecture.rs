//! The architecture the compiler alone cannot hold: the core crate depends on no web, HTML,
//! mail-transport or networking crate, and the web layer never reaches the database itself.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates the core must never depend on, directly or not.
const NOT_IN_CORE: &[&str] = &[
    "axum",
    "axum-core",
    "maud",
    "hyper",
    "hyper-util",
    "tower",
    "tower-http",
    "lettre",
    "reqwest",
    "rustls",
    "tokio-rustls",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_crate_depends_on_no_web_mail_or_network_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .current_dir(root())
        .args([
            "tree",
            "--offline",
            "-p",
            "gestdesk-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-f",
            "{p}|{f}",
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("gestdesk-core"), "{tree}");
    for line in tree.lines() {
        let (package, features) = line.split_once('|').unwrap_or((line, ""));
        let name = package.split_whitespace().next().unwrap_or("");
        assert!(
            !NOT_IN_CORE.contains(&name),
            "gestdesk-core depends on {name}:\n{tree}"
        );
        if name == "tokio" {
            for banned in ["net", "process", "signal", "full"] {
                assert!(
                    !features.split(',').any(|f| f.trim() == banned),
                    "gestdesk-core turns on tokio's {banned}: {line}"
                );
            }
        }
    }
}
/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// What a file reaching the database itself would contain.
const DATABASE_ACCESS: &[&str] = &[
    "rusqlite",
    "read_blocking",
    "write_blocking",
    "db.read(",
    "db.write(",
    ".read(move |",
    ".write(move |",
    ".read(|",
    ".write(|",
    "transaction(",
    "prepare(",
    "prepare_cached(",
    "query_row(",
    "execute(",
];

#[test]
fn the_web_layer_never_reaches_the_database_itself() {
    let mut files = Vec::new();
    sources(&root().join("src/web"), &mut files);
    assert!(files.len() > 20, "{files:?}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(p) = DATABASE_ACCESS.iter().find(|p| line.contains(*p)) {
                found.push(format!("{}:{}: {p}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "pages call the domain's use cases, never the database:\n{}",
        found.join("\n")
    );
}
