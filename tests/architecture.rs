//! The architecture the compiler alone cannot hold: the core crate depends on no web, HTML,
//! mail-transport or networking crate, and the web layer never reaches the database itself.

use std::path::PathBuf;
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
