//! The private test LAN of `tests/peers/net-up.sh` (network namespaces joined by a bridge:
//! hosts that answer pings, one that answers only TCP, one that answers nothing, one where
//! magic packets are listened for) and a way to run a story inside its scanner namespace: a
//! thread moved into `gd-scan` builds its own runtime, so that the server, its probes and the
//! story's HTTP client all live on that LAN. Needs root; without it the stories say so and
//! pass without checking anything.

use std::future::Future;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// Where the server runs.
pub const SCANNER: &str = "gd-scan";
/// A host that answers pings (and TCP).
pub const ICMP_HOST: &str = "10.79.0.2";
/// A host that ignores pings and answers TCP.
pub const TCP_HOST: &str = "10.79.0.3";
/// A host that answers nothing.
pub const MUTE_HOST: &str = "10.79.0.4";
/// The host that listens for magic packets, and its MAC address.
pub const WOL_HOST: &str = "10.79.0.5";
pub const WOL_MAC: &str = "02:79:00:00:00:05";
pub const WOL_NAMESPACE: &str = "gd-wol";

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/peers")
        .join(name)
}

/// Whether the LAN is up (made once per test binary); `false`, with the reason printed, when
/// this process may not make it.
pub fn lan() -> bool {
    static UP: OnceLock<Result<(), String>> = OnceLock::new();
    let up = UP.get_or_init(|| {
        if !rustix::process::geteuid().is_root() {
            return Err("not root: network namespaces cannot be made".to_owned());
        }
        let out = Command::new("bash")
            .arg(script("net-up.sh"))
            .output()
            .map_err(|e| format!("net-up.sh: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "net-up.sh failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    });
    match up {
        Ok(()) => true,
        Err(why) => {
            eprintln!("SKIPPED, network story without a test LAN: {why}");
            false
        }
    }
}

/// Runs `story` to its end inside the scanner namespace, on a runtime of its own.
pub fn inside<F, Fut>(story: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let handle = std::thread::spawn(move || {
        let ns = std::fs::File::open(format!("/run/netns/{SCANNER}")).expect("scanner namespace");
        rustix::thread::move_into_link_name_space(
            std::os::fd::AsFd::as_fd(&ns),
            Some(rustix::thread::LinkNameSpaceType::Network),
        )
        .expect("enter the scanner namespace");
        // Threads started from here on (the runtime's, the blocking pool's) are born in it.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(story());
    });
    if let Err(panic) = handle.join() {
        std::panic::resume_unwind(panic);
    }
}

/// A process started inside namespace `ns` (`ip netns exec`), its output piped.
pub fn spawn_in(ns: &str, program: &str, args: &[&str]) -> Child {
    Command::new("ip")
        .args(["netns", "exec", ns, program])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start in namespace")
}

/// A magic packet listener in the Wake-on-LAN host, bound when this returns; give it to
/// [`heard`] to read what it received.
pub fn listen_for_magic(seconds: u32) -> Child {
    let mut child = spawn_in(
        WOL_NAMESPACE,
        "/usr/bin/python3",
        &[
            script("wol_listen.py").to_str().expect("path"),
            &seconds.to_string(),
        ],
    );
    let stdout = child.stdout.as_mut().expect("stdout");
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
        .expect("listener says ready");
    assert_eq!(line.trim(), "ready", "listener did not start");
    child
}

/// What the listener printed after "ready", once it has stopped (a magic packet heard, or its
/// time up): one `source hex` line per datagram.
pub fn heard(child: Child) -> Vec<String> {
    let out = child.wait_with_output().expect("listener output");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| *l != "ready" && *l != "timeout")
        .map(str::to_owned)
        .collect()
}

/// Runs the `gestdesk` binary in the scanner namespace on data directory `dir`, first putting
/// `wrapper` (a command and its arguments, such as `setpriv` dropping a capability) before it.
pub fn gestdesk_in_lan(dir: &std::path::Path, wrapper: &[&str], args: &[&str]) -> (bool, String) {
    let mut command = Command::new("ip");
    command.args(["netns", "exec", SCANNER]);
    command.args(wrapper);
    command.arg(env!("CARGO_BIN_EXE_gestdesk"));
    command.arg("--data-dir").arg(dir);
    command.args(args);
    command.env("LANG", "en_US.UTF-8").env_remove("LC_ALL");
    let out = command.output().expect("gestdesk");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The Windows-like host answering NetBIOS questions, its name and MAC address.
pub const NBNS_HOST: &str = "10.79.0.6";
pub const NBNS_NAME: &str = "FILESERVER-01";
pub const NBNS_MAC: &str = "02:79:00:00:00:06";
