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

/// The `use` paths and `crate::` paths a source file names (comments left out).
fn named_paths(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| {
            l.match_indices("crate::")
                .map(move |(i, _)| {
                    l[i..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_page_layout_depends_on_no_page_module() {
    // What the frame may use: its own parts, the request's visitor, addresses, the route table
    // (access rules for the menu), the list's address, static files.
    const ALLOWED: &[&str] = &[
        "crate::web::ui",
        "crate::web::paths",
        "crate::web::visitor",
        "crate::web::csrf",
        "crate::web::flash",
        "crate::web::routes",
        "crate::web::list_query",
        "crate::web::static_files",
    ];
    let mut files = Vec::new();
    sources(&root().join("src/web/ui"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for path in named_paths(&text) {
            if path.starts_with("crate::web::") && !ALLOWED.iter().any(|a| path.starts_with(a)) {
                found.push(format!("{}: {path}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn generic_mail_knows_nothing_of_tickets() {
    let mut files = Vec::new();
    sources(&root().join("crates/core/src/domain/mail"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for path in named_paths(&text) {
            assert!(
                !path.starts_with("crate::domain::tickets"),
                "{} names {path}: ticket mails belong to tickets::mails",
                file.display()
            );
        }
    }
}
