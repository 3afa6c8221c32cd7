//! `gestdesk-update-signer`: the publisher's tool for the desktop app's update check.
//!
//! ```text
//! gestdesk-update-signer keygen KEY_FILE          makes a key pair; prints the public key
//! gestdesk-update-signer public-key KEY_FILE      prints the public key of a secret key
//! gestdesk-update-signer sign --key KEY_FILE --version V --url URL
//!     [--platform linux-x86_64-deb] [--notes TEXT] [--manifest latest.json] PACKAGE
//!                                                 writes PACKAGE.sig and the manifest
//! ```
//!
//! The public key goes into the desktop app's build (`GESTDESK_UPDATE_PUBKEY`) or its
//! `--update-key` option; the manifest and the packages go on the update address.

mod sign;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sign::Release;

const USAGE: &str = "usage:
  gestdesk-update-signer keygen KEY_FILE
  gestdesk-update-signer public-key KEY_FILE
  gestdesk-update-signer sign --key KEY_FILE --version VERSION --url DOWNLOAD_URL
      [--platform linux-x86_64-deb] [--notes TEXT] [--manifest latest.json] PACKAGE";

/// The value following `--name`.
fn option(args: &[String], name: &str) -> Option<String> {
    let flag = format!("--{name}");
    args.iter()
        .position(|a| *a == flag)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The arguments that are neither an option nor its value.
fn positional(args: &[String]) -> Vec<&String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if a.starts_with("--") {
            skip = true;
        } else {
            out.push(a);
        }
    }
    out
}

fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let files = positional(rest);
    let one_file = || -> Result<&Path, String> {
        match files.as_slice() {
            [file] => Ok(Path::new(file.as_str())),
            _ => Err(USAGE.to_owned()),
        }
    };
    match command.as_str() {
        "keygen" => sign::generate(one_file()?).map_err(|e| e.to_string()),
        "public-key" => sign::load(one_file()?)
            .and_then(|(_, pk)| sign::public_key_text(&pk))
            .map_err(|e| e.to_string()),
        "sign" => {
            let need =
                |name| option(rest, name).ok_or_else(|| format!("--{name} is missing\n{USAGE}"));
            let key = sign::load(Path::new(&need("key")?)).map_err(|e| e.to_string())?;
            let version = need("version")?;
            let url = need("url")?;
            let package = one_file()?;
            let platform = option(rest, "platform").unwrap_or_else(|| "linux-x86_64-deb".into());
            let notes = option(rest, "notes").unwrap_or_default();
            let signature = sign::sign_file(&key, package, &version).map_err(|e| e.to_string())?;
            let mut sig_path = package.as_os_str().to_owned();
            sig_path.push(".sig");
            let sig_path = PathBuf::from(sig_path);
            std::fs::write(&sig_path, &signature)
                .map_err(|e| format!("{}: {e}", sig_path.display()))?;
            let manifest = option(rest, "manifest")
                .map_or_else(|| package.with_file_name("latest.json"), PathBuf::from);
            let release = Release {
                version: &version,
                notes: &notes,
                platform: &platform,
                url: &url,
                signature: &signature,
            };
            sign::write_manifest(&manifest, &release).map_err(|e| e.to_string())?;
            Ok(format!(
                "signed {} ({platform}, version {version}); manifest {}",
                package.display(),
                manifest.display()
            ))
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gestdesk-update-signer: {e}");
            ExitCode::from(2)
        }
    }
}
