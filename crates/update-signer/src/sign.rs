//! Keys, signatures and the update manifest, in the formats the desktop app's updater reads:
//! each key and signature is minisign's text form, encoded in base64 as one line; the
//! signature's trusted comment names the file and the version it was made for, so that a
//! manifest cannot pair a newer version number with an older signed package.

use std::fs;
use std::io::Write;
use std::path::Path;

use data_encoding::BASE64;
use minisign::{KeyPair, PublicKey, SecretKey, SecretKeyBox};
use serde_json::{Map, Value, json};

/// What went wrong, with the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} exists already: a signing key is never overwritten")]
    KeyExists(String),
    #[error("{path} is not a signing key: {reason}")]
    BadKey { path: String, reason: String },
    #[error("{path} is not an update manifest: {reason}")]
    BadManifest { path: String, reason: String },
    #[error("signing failed: {0}")]
    Minisign(#[from] minisign::PError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SignError + '_ {
    move |source| SignError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The public key in the updater's form (base64 of minisign's public key file).
pub fn public_key_text(pk: &PublicKey) -> Result<String, SignError> {
    Ok(BASE64.encode(pk.to_box()?.to_string().as_bytes()))
}

/// Makes a key pair, writes the secret key to `path` (mode 0600 on Unix; refused when the file
/// exists) and returns the public key in the updater's form.
pub fn generate(path: &Path) -> Result<String, SignError> {
    let KeyPair { pk, sk } = KeyPair::generate_unencrypted_keypair()?;
    let text = BASE64.encode(
        sk.to_box(Some("Gestdesk update signing key"))?
            .into_string()
            .as_bytes(),
    );
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            SignError::KeyExists(path.display().to_string())
        } else {
            io(path)(e)
        }
    })?;
    file.write_all(text.as_bytes()).map_err(io(path))?;
    file.write_all(b"\n").map_err(io(path))?;
    public_key_text(&pk)
}

/// Reads a secret key written by [`generate`] (or an unencrypted one from `tauri signer`).
pub fn load(path: &Path) -> Result<(SecretKey, PublicKey), SignError> {
    let raw = fs::read_to_string(path).map_err(io(path))?;
    let bad = |reason: String| SignError::BadKey {
        path: path.display().to_string(),
        reason,
    };
    let decoded = BASE64
        .decode(raw.trim().as_bytes())
        .map_err(|e| bad(e.to_string()))?;
    let text = String::from_utf8(decoded).map_err(|e| bad(e.to_string()))?;
    let sk = SecretKeyBox::from_string(&text)
        .and_then(SecretKeyBox::into_unencrypted_secret_key)
        .map_err(|e| bad(e.to_string()))?;
    let pk = PublicKey::from_secret_key(&sk).map_err(|e| bad(e.to_string()))?;
    Ok((sk, pk))
}

/// Signs `artifact` for `version` and returns the signature in the updater's form.
pub fn sign_file(
    key: &(SecretKey, PublicKey),
    artifact: &Path,
    version: &str,
) -> Result<String, SignError> {
    let file = fs::File::open(artifact).map_err(io(artifact))?;
    let name = artifact
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let trusted = format!(
        "timestamp:{}\tfile:{name}\tversion:{version}",
        jiff::Timestamp::now().as_second()
    );
    let signature = minisign::sign(
        Some(&key.1),
        &key.0,
        std::io::BufReader::new(file),
        Some(&trusted),
        Some("signature from the Gestdesk update signing key"),
    )?;
    Ok(BASE64.encode(signature.into_string().as_bytes()))
}

/// One release in the manifest: its version, notes, and one package per platform key
/// (`linux-x86_64-deb`, `windows-x86_64-nsis`, `darwin-aarch64-app`, …).
pub struct Release<'a> {
    pub version: &'a str,
    pub notes: &'a str,
    pub platform: &'a str,
    pub url: &'a str,
    pub signature: &'a str,
}

/// Writes the manifest at `path`, keeping the other platforms of an existing manifest for the
/// same version (packages for several systems are signed one by one).
pub fn write_manifest(path: &Path, release: &Release) -> Result<(), SignError> {
    let bad = |reason: String| SignError::BadManifest {
        path: path.display().to_string(),
        reason,
    };
    let mut platforms = Map::new();
    if path.exists() {
        let raw = fs::read_to_string(path).map_err(io(path))?;
        let old: Value = serde_json::from_str(&raw).map_err(|e| bad(e.to_string()))?;
        if old.get("version").and_then(Value::as_str) == Some(release.version)
            && let Some(kept) = old.get("platforms").and_then(Value::as_object)
        {
            platforms = kept.clone();
        }
    }
    platforms.insert(
        release.platform.to_owned(),
        json!({ "url": release.url, "signature": release.signature }),
    );
    let manifest = json!({
        "version": release.version,
        "notes": release.notes,
        "pub_date": jiff::Timestamp::now().round(jiff::Unit::Second).map_err(|e| bad(e.to_string()))?.to_string(),
        "platforms": platforms,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| bad(e.to_string()))?;
    fs::write(path, text + "\n").map_err(io(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks a signature the way the desktop app's updater does.
    fn verify(public: &str, signature: &str, data: &[u8]) -> Result<String, String> {
        let decode = |s: &str| {
            String::from_utf8(BASE64.decode(s.as_bytes()).map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())
        };
        let pk = minisign_verify::PublicKey::decode(&decode(public)?).map_err(|e| e.to_string())?;
        let sig =
            minisign_verify::Signature::decode(&decode(signature)?).map_err(|e| e.to_string())?;
        pk.verify(data, &sig, true).map_err(|e| e.to_string())?;
        Ok(sig.trusted_comment().to_owned())
    }

    #[test]
    fn a_signed_package_verifies_with_the_public_key_and_names_its_version() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let key_path = dir.path().join("update.key");
        let public = generate(&key_path).expect("a key pair");
        let package = dir.path().join("gestdesk_0.2.0_amd64.deb");
        fs::write(&package, b"the package's bytes").expect("written");
        let key = load(&key_path).expect("the key reads back");
        assert_eq!(public_key_text(&key.1).expect("encoded"), public);
        let signature = sign_file(&key, &package, "0.2.0").expect("signed");
        let trusted = verify(&public, &signature, b"the package's bytes").expect("verifies");
        assert!(
            trusted.contains("\tfile:gestdesk_0.2.0_amd64.deb\tversion:0.2.0"),
            "{trusted}"
        );
        // Other bytes, or another key, do not verify.
        assert!(verify(&public, &signature, b"other bytes").is_err());
        let other = generate(&dir.path().join("other.key")).expect("a second key pair");
        assert!(verify(&other, &signature, b"the package's bytes").is_err());
    }

    #[test]
    fn a_key_is_never_overwritten_and_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("update.key");
        generate(&path).expect("a key pair");
        let before = fs::read(&path).expect("read");
        assert!(matches!(generate(&path), Err(SignError::KeyExists(_))));
        assert_eq!(fs::read(&path).expect("read"), before);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        fs::write(dir.path().join("junk.key"), "not a key").expect("written");
        assert!(matches!(
            load(&dir.path().join("junk.key")),
            Err(SignError::BadKey { .. })
        ));
    }

    #[test]
    fn the_manifest_keeps_other_platforms_of_the_same_version_only() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("latest.json");
        let release = |version, platform| Release {
            version,
            notes: "Fixes",
            platform,
            url: "https://updates.example/pkg",
            signature: "c2ln",
        };
        write_manifest(&path, &release("0.2.0", "linux-x86_64-deb")).expect("written");
        write_manifest(&path, &release("0.2.0", "windows-x86_64-nsis")).expect("written");
        let read = || -> Value {
            serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("json")
        };
        let manifest = read();
        assert_eq!(manifest["version"], "0.2.0");
        assert_eq!(manifest["platforms"].as_object().map(Map::len), Some(2));
        assert_eq!(
            manifest["platforms"]["linux-x86_64-deb"]["signature"],
            "c2ln"
        );
        write_manifest(&path, &release("0.3.0", "linux-x86_64-deb")).expect("written");
        let manifest = read();
        assert_eq!(manifest["platforms"].as_object().map(Map::len), Some(1));
        let date = manifest["pub_date"].as_str().unwrap_or_default();
        assert!(date.parse::<jiff::Timestamp>().is_ok(), "{date}");
    }
}
