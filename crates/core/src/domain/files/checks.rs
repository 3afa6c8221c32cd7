//! What files may be uploaded: by name (allowed extensions, no program hidden behind a second
//! extension, no invisible characters) and by content (what the first bytes say), and the
//! type they are served with.

use crate::i18n::{Msg, msg};

/// The kinds of file that may be attached, by extension: documents, pictures, text, mail,
/// archives, sound and video. Anything else (programs, scripts, shortcuts, consoles, disk
/// images, documents with macros, web pages, help files) is refused, whatever its content.
pub const ALLOWED_EXTENSIONS: &[&str] = &[
    // Documents.
    "pdf", "doc", "docx", "dot", "dotx", "xls", "xlsx", "xlt", "xltx", "ppt", "pptx", "pps", "ppsx",
    "odt", "ods", "odp", "odg", "ott", "ots", "otp", "rtf", "vsd", "vsdx", "pub", "epub", "xps",
    "oxps", // Text and data.
    "txt", "log", "csv", "tsv", "md", "json", "yaml", "yml", "ini", "cfg", "conf", "ics", "vcf",
    "diff", "patch", "pcap", "pcapng", // Mail.
    "eml", "msg", // Pictures.
    "jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "heic", "heif", "avif", "ico",
    // Archives.
    "zip", "7z", "rar", "gz", "tgz", "tar", "bz2", "xz", "zst", // Sound and video.
    "mp3", "wav", "ogg", "oga", "m4a", "flac", "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv",
];

/// The file input's `accept` attribute: the allowed extensions, so that the file picker offers
/// them first.
pub fn accept_attribute() -> String {
    ALLOWED_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Extensions that make a name dangerous even before the last dot (`invoice.exe.pdf`).
const DANGEROUS_INNER: &[&str] = &[
    "php", "phtml", "phar", "cgi", "pl", "py", "rb", "sh", "asp", "aspx", "jsp", "js", "jse",
    "mjs", "vbs", "vbe", "wsf", "wsh", "wsc", "ps1", "psm1", "bat", "cmd", "com", "exe", "dll",
    "msi", "msp", "scr", "pif", "cpl", "jar", "hta", "lnk", "reg", "html", "htm", "svg", "chm",
    "msc", "scf", "url",
];

/// How much of a file is read to recognise dangerous content.
pub(super) const SNIFF_BYTES: usize = 4096;

/// The name to keep for an uploaded file: its last path component, without control or
/// invisible formatting characters (a right-to-left override can disguise an extension), at
/// most 200 characters; refused when empty, when its extension is not among
/// [`ALLOWED_EXTENSIONS`], or when an earlier one is a program's or a script's.
pub fn check_name(sent: &str) -> Result<String, Msg> {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let clean = crate::domain::text::visible(base);
    let clean = clean.trim().trim_start_matches('.').trim().to_owned();
    if clean.is_empty() {
        return Err(msg("error-attachment-name"));
    }
    let clean: String = clean.chars().take(200).collect();
    let clean = clean.trim_end().to_owned();
    let lower = clean.to_lowercase();
    let mut parts = lower.split('.').map(str::trim);
    let _stem = parts.next();
    let extensions: Vec<&str> = parts.collect();
    let allowed = extensions
        .last()
        .is_some_and(|ext| ALLOWED_EXTENSIONS.contains(ext));
    let disguised = extensions.iter().any(|ext| DANGEROUS_INNER.contains(ext));
    if !allowed || disguised {
        return Err(msg("error-attachment-kind"));
    }
    Ok(clean)
}

/// Refuses content that is a program or a page whatever its name says.
pub fn check_content(head: &[u8]) -> Result<(), Msg> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"MZ")
        || starts(b"\x7fELF")
        || starts(b"#!")
        || starts(&[0xCF, 0xFA, 0xED, 0xFE])
        || starts(&[0xCA, 0xFE, 0xBA, 0xBE])
    {
        return Err(msg("error-attachment-type"));
    }
    let text = String::from_utf8_lossy(head).to_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let markers = [
        "<?php",
        "<script",
        "<html",
        "<!doctype html",
        "<svg",
        "<?xml",
    ];
    if markers.iter().any(|m| text.starts_with(m))
        || text.contains("<script")
        || text.contains("<?php")
    {
        return Err(msg("error-attachment-type"));
    }
    Ok(())
}

/// The content type a file is stored with.
pub fn content_type_for(name: &str) -> String {
    mime_guess::from_path(name)
        .first_raw()
        .unwrap_or("application/octet-stream")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_reduced_to_a_safe_base_name() {
        assert_eq!(
            check_name("C:\\Users\\me\\report.pdf").as_deref(),
            Ok("report.pdf")
        );
        assert_eq!(
            check_name("../../etc/passwd.txt").as_deref(),
            Ok("passwd.txt")
        );
        assert_eq!(check_name("..hidden.txt").as_deref(), Ok("hidden.txt"));
        assert!(check_name("").is_err());
        for bad in [
            "shell.php",
            "x.PHP5",
            "a.tar.exe",
            "page.html",
            "logo.svg",
            "run.sh",
            "tool.php.jpg",
            "y.JS",
            // Once let through by a list of refused types.
            "x.jse",
            "x.wsc",
            "help.chm",
            "console.msc",
            "explorer.scf",
            "site.url",
            "disk.iso",
            "disk.vhd",
            "macro.xlsm",
            "macro.docm",
            "page.mht",
            "README",
            "noextension.",
            "invoice.exe.pdf",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name("photo.jpeg").is_ok());
        assert!(check_name("Report 2026.PDF").is_ok());
        assert!(check_name("logs.tar.gz").is_ok());
        // A right-to-left override hid ".exe" behind a ".pdf"-looking name.
        assert!(check_name("invoice\u{202e}fdp.exe").is_err());
        assert_eq!(
            check_name("invoice\u{202e}xslx.pdf").as_deref(),
            Ok("invoicexslx.pdf")
        );
        assert_eq!(check_name("a\u{200b}.txt").as_deref(), Ok("a.txt"));
    }

    #[test]
    fn programs_and_pages_are_recognised_by_content() {
        for bad in [
            &b"MZ\x90\x00"[..],
            b"\x7fELF\x02",
            b"#!/bin/sh\n",
            b"<?php echo 1;",
            b"  <html><body>",
            b"<svg onload=alert(1)>",
            b"hello <script>x</script>",
        ] {
            assert!(
                check_content(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(check_content(b"%PDF-1.7").is_ok());
        assert!(check_content(b"\x89PNG\r\n").is_ok());
        assert!(check_content(b"plain text notes").is_ok());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// A kept name is a plain base name without a forbidden extension.
        #[test]
        fn any_sent_name_gives_a_safe_name_or_a_refusal(sent in "\\PC{0,80}") {
            if let Ok(name) = check_name(&sent) {
                proptest::prop_assert!(!name.is_empty() && name.chars().count() <= 200);
                proptest::prop_assert!(!name.contains(['/', '\\']) && !name.starts_with('.'), "{name:?}");
                proptest::prop_assert!(!name.chars().any(|c| c.is_control() || crate::domain::text::is_format_char(c)), "{name:?}");
                let ext = name.rsplit('.').next().unwrap_or("").trim().to_lowercase();
                proptest::prop_assert!(ALLOWED_EXTENSIONS.contains(&ext.as_str()), "{name:?}");
            }
        }

        /// Any content is judged without panicking, and programs are always refused.
        #[test]
        fn any_content_is_judged(head in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let _ = check_content(&head);
            let mut exe = b"MZ".to_vec();
            exe.extend_from_slice(&head);
            proptest::prop_assert!(check_content(&exe).is_err());
        }
    }
}
