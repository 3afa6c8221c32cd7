//! The company logo: checked to be a real PNG, JPEG or WebP picture of sensible size (never SVG,
//! which can carry scripts), kept as one file in the data folder.

use std::path::{Path, PathBuf};

use crate::i18n::{Msg, msg};

/// The largest logo file accepted.
pub const MAX_BYTES: usize = 512 * 1024;
/// The largest width or height accepted, in pixels.
const MAX_SIDE: u32 = 4096;

/// The picture formats accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Webp,
}

impl ImageKind {
    /// The MIME type served.
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Webp => "image/webp",
        }
    }
}

/// A checked logo: its format and size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logo {
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        0,
    ]))
}

/// PNG: the signature, then the IHDR chunk with width and height.
fn png(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(b"\x89PNG\r\n\x1a\n") || b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// JPEG: walks the segments to the first start-of-frame marker.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut at = 2;
    loop {
        while *b.get(at)? != 0xFF {
            at += 1;
        }
        while *b.get(at)? == 0xFF {
            at += 1;
        }
        let marker = *b.get(at)?;
        at += 1;
        if matches!(marker, 0xD8 | 0x01 | 0xD0..=0xD7) {
            continue;
        }
        let len = usize::try_from(be16(b, at)?).ok()?;
        let frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if frame {
            return Some((be16(b, at + 5)?, be16(b, at + 3)?));
        }
        if marker == 0xD9 || len < 2 {
            return None;
        }
        at += len;
    }
}

/// WebP: the RIFF header, then a VP8, VP8L or VP8X chunk with the size.
fn webp(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(0..4)? != b"RIFF" || b.get(8..12)? != b"WEBP" {
        return None;
    }
    match b.get(12..16)? {
        b"VP8 " => {
            if b.get(23..26)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF))
        }
        b"VP8L" => {
            if *b.get(20)? != 0x2F {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}

/// What picture `bytes` are, read from their own headers (never from a name or a declared
/// type): a PNG, JPEG or WebP picture and its size, or none.
pub fn inspect(bytes: &[u8]) -> Option<Logo> {
    let (kind, (width, height)) = png(bytes)
        .map(|d| (ImageKind::Png, d))
        .or_else(|| jpeg(bytes).map(|d| (ImageKind::Jpeg, d)))
        .or_else(|| webp(bytes).map(|d| (ImageKind::Webp, d)))?;
    Some(Logo {
        kind,
        width,
        height,
    })
}

/// Whether a picture of `width` × `height` pixels is of a size worth showing.
pub fn sensible_size(width: u32, height: u32) -> bool {
    width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
}

/// The largest width or height accepted, in pixels.
pub const MAX_PICTURE_SIDE: u32 = MAX_SIDE;

/// Checks that `bytes` are a logo Gestdesk will show.
pub fn check(bytes: &[u8]) -> Result<Logo, Msg> {
    if bytes.len() > MAX_BYTES {
        return Err(msg("error-logo-size").arg("max", MAX_BYTES / 1024));
    }
    let Some(logo) = inspect(bytes) else {
        return Err(msg("error-logo-type"));
    };
    if !sensible_size(logo.width, logo.height) {
        return Err(msg("error-logo-dimensions").arg("max", MAX_SIDE));
    }
    Ok(logo)
}

/// Where the logo lives in data folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join("logo")
}

/// Replaces the logo with checked `bytes` (written aside, then renamed into place).
pub fn save(dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = dir.join("logo.uploading");
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path(dir))
}

/// Removes the logo, if there is one.
pub fn remove(dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path(dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The logo's version (its modification time in milliseconds), or `None` without a logo.
pub fn version(dir: &Path) -> Option<u64> {
    let modified = std::fs::metadata(path(dir)).ok()?.modified().ok()?;
    modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| u64::try_from(d.as_millis()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 PNG.
    pub const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];

    #[test]
    fn pictures_are_recognised_by_their_content() {
        let logo = check(PNG).expect("png");
        assert_eq!((logo.kind, logo.width, logo.height), (ImageKind::Png, 1, 1));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0,
        ];
        let logo = check(&jpeg).expect("jpeg");
        assert_eq!(
            (logo.kind, logo.width, logo.height),
            (ImageKind::Jpeg, 30, 20)
        );
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X\x0a\0\0\0\0\0\0\0".to_vec();
        webp.extend([63, 0, 0, 31, 0, 0]);
        let logo = check(&webp).expect("webp");
        assert_eq!(
            (logo.kind, logo.width, logo.height),
            (ImageKind::Webp, 64, 32)
        );
    }

    #[test]
    fn anything_else_is_refused() {
        let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
        assert!(check(svg).is_err());
        assert!(check(b"").is_err());
        assert!(check(&PNG[..20]).is_err());
        let mut huge = PNG.to_vec();
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(check(&huge).is_err());
        assert!(check(&vec![0u8; MAX_BYTES + 1]).is_err());
        // A JPEG that never reaches a frame header.
        assert!(check(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0]).is_err());
    }
}
