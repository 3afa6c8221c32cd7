//! Codes of an authenticator app, made by an independent TOTP implementation (Python's pyotp,
//! installed by `tests/peers/api-tools.sh`), and waiting for a moment well inside a time step.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn python() -> PathBuf {
    std::env::var_os("GESTDESK_API_TOOLS")
        .map_or_else(
            || PathBuf::from("/var/tmp/gestdesk-api-tools"),
            PathBuf::from,
        )
        .join("bin/python")
}

/// The code an app set up with `key` (base32, spaces allowed) shows at `unix_seconds`.
pub fn code_at(key: &str, unix_seconds: i64) -> String {
    let key: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let out = Command::new(python())
        .args([
            "-c",
            "import sys, pyotp; print(pyotp.TOTP(sys.argv[1]).at(int(sys.argv[2])))",
            &key,
            &unix_seconds.to_string(),
        ])
        .output()
        .expect("pyotp runs (tests/peers/api-tools.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Now, in Unix seconds, after waiting until it is at least 3 seconds from either end of a
/// 30-second step: a code made now is still of this step when the server checks it.
pub async fn now_inside_a_step() -> i64 {
    loop {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs_f64();
        let into = now % 30.0;
        if (3.0..27.0).contains(&into) {
            // Whole seconds: the fraction is kept from crossing an end by the margin.
            return now as i64;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// The code an app set up with `key` shows now (well inside its step).
pub async fn code_now(key: &str) -> String {
    code_at(key, now_inside_a_step().await)
}
