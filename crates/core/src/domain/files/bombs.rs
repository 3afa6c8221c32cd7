//! Archives that would unpack to far more than they weigh ("zip bombs"): a ZIP's central
//! directory and a gzip's trailer say how large their content is without unpacking anything.
//! An attachment is refused when that is over [`MAX_UNPACKED`], or over [`MAX_RATIO`] times
//! its own size and more than [`RATIO_FLOOR`], or when a ZIP lists more than [`MAX_ENTRIES`]
//! files.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// The most an attachment may unpack to.
pub const MAX_UNPACKED: u64 = 1 << 30;
/// The highest unpacked-to-packed ratio accepted past [`RATIO_FLOOR`].
pub const MAX_RATIO: u64 = 100;
/// Below this unpacked size any ratio is fine (a small text compresses well).
pub const RATIO_FLOOR: u64 = 20 * 1024 * 1024;
/// The most files one ZIP may list.
pub const MAX_ENTRIES: u64 = 10_000;

/// Whether the file at `path` is an archive that would unpack out of proportion.
pub fn is_bomb(path: &Path) -> std::io::Result<bool> {
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic)?;
    let unpacked = if n >= 4 && magic == *b"PK\x03\x04" {
        match zip_sizes(&mut file, size)? {
            Some((_, entries)) if entries > MAX_ENTRIES => return Ok(true),
            Some((total, _)) => total,
            // A ZIP without a readable directory: nothing to unpack by this reckoning.
            None => 0,
        }
    } else if n >= 2 && magic[..2] == [0x1f, 0x8b] && size >= 18 {
        // The gzip trailer's ISIZE: the unpacked size modulo 4 GiB.
        file.seek(SeekFrom::End(-4))?;
        let mut isize = [0u8; 4];
        file.read_exact(&mut isize)?;
        u64::from(u32::from_le_bytes(isize))
    } else {
        return Ok(false);
    };
    Ok(unpacked > MAX_UNPACKED || (unpacked > RATIO_FLOOR && unpacked / size.max(1) > MAX_RATIO))
}

fn u16_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 2)
        .map_or(0, |s| u64::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 4).map_or(0, |s| {
        u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    })
}

/// The total unpacked size and entry count a ZIP's central directory declares. A size of
/// 0xFFFFFFFF (ZIP64) counts as 4 GiB, which is over the limit whatever the real size.
fn zip_sizes(file: &mut std::fs::File, size: u64) -> std::io::Result<Option<(u64, u64)>> {
    // The end-of-central-directory record sits in the last 22 + 65535 bytes.
    let tail_len = size.min(22 + 65_535);
    file.seek(SeekFrom::Start(size - tail_len))?;
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or(0)];
    file.read_exact(&mut tail)?;
    let Some(eocd) = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..i + 4] == *b"PK\x05\x06")
    else {
        return Ok(None);
    };
    let entries = u16_at(&tail, eocd + 10);
    let dir_size = u32_at(&tail, eocd + 12);
    let dir_offset = u32_at(&tail, eocd + 16);
    if entries == 0xFFFF || dir_offset == 0xFFFF_FFFF {
        // ZIP64 directory: treat as too large to judge cheaply.
        return Ok(Some((u64::MAX, entries)));
    }
    if dir_offset + dir_size > size || dir_size > 64 * 1024 * 1024 {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(dir_offset))?;
    let mut dir = vec![0u8; usize::try_from(dir_size).unwrap_or(0)];
    file.read_exact(&mut dir)?;
    let (mut at, mut total, mut count) = (0usize, 0u64, 0u64);
    while at + 46 <= dir.len() && dir[at..at + 4] == *b"PK\x01\x02" {
        let unpacked = u32_at(&dir, at + 24);
        total = total.saturating_add(if unpacked == 0xFFFF_FFFF {
            1 << 32
        } else {
            unpacked
        });
        count += 1;
        let name = usize::try_from(u16_at(&dir, at + 28)).unwrap_or(0);
        let extra = usize::try_from(u16_at(&dir, at + 30)).unwrap_or(0);
        let comment = usize::try_from(u16_at(&dir, at + 32)).unwrap_or(0);
        at += 46 + name + extra + comment;
    }
    Ok(Some((total, count.max(entries))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A ZIP with one stored entry declaring `unpacked` bytes.
    fn zip(declared: u32, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&[1, 0, 0, 0]);
        out.push(b'a');
        out.extend_from_slice(data);
        let dir_at = u32::try_from(out.len()).expect("small");
        let mut dir = Vec::new();
        dir.extend_from_slice(b"PK\x01\x02");
        dir.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        dir.extend_from_slice(&u32::try_from(data.len()).expect("small").to_le_bytes());
        dir.extend_from_slice(&declared.to_le_bytes());
        dir.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        dir.push(b'a');
        out.extend_from_slice(&dir);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
        out.extend_from_slice(&u32::try_from(dir.len()).expect("small").to_le_bytes());
        out.extend_from_slice(&dir_at.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    fn judged(bytes: &[u8]) -> bool {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(bytes).expect("write");
        is_bomb(f.path()).expect("read")
    }

    #[test]
    fn archives_are_judged_by_what_they_would_unpack_to() {
        assert!(!judged(&zip(2_000, &[0; 1000])), "an ordinary zip");
        assert!(judged(&zip(3_000_000_000, &[0; 1000])), "3 GB declared");
        assert!(judged(&zip(500_000_000, &[0; 1000])), "a 500,000:1 ratio");
        assert!(!judged(b"plain text, not an archive"));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; 30 * 1024 * 1024]).expect("gzip");
        assert!(
            judged(&gz.finish().expect("gzip")),
            "30 MB of zeros gzipped"
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(b"a log line\n").expect("gzip");
        assert!(!judged(&gz.finish().expect("gzip")), "a small gzip");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Broken archives (any bytes after a ZIP or gzip signature) are judged without error
        /// or panic.
        #[test]
        fn broken_archives_are_judged(
            zip: bool,
            body in proptest::collection::vec(proptest::num::u8::ANY, 0..400),
        ) {
            let mut bytes = if zip { b"PK\x03\x04".to_vec() } else { vec![0x1f, 0x8b] };
            bytes.extend_from_slice(&body);
            if zip {
                bytes.extend_from_slice(b"PK\x05\x06");
                bytes.extend_from_slice(&body[..body.len().min(18)]);
            }
            let mut f = tempfile::NamedTempFile::new().expect("temp");
            f.write_all(&bytes).expect("write");
            proptest::prop_assert!(is_bomb(f.path()).is_ok());
        }
    }
}
