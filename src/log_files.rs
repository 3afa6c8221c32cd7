//! Reading the server's daily log files for the system page: which files there are, their lines
//! newest first with a level and a text filter, and the whole file for download, each line with
//! anything that looks like a secret hidden (a password, a token, a key, a cookie, the password
//! of an address like `ldap://user:password@host`).

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The most bytes read from the end of a file for the viewer; older lines are in the download.
pub const TAIL_BYTES: u64 = 8 * 1024 * 1024;
/// The most lines shown.
pub const SHOWN_LINES: usize = 500;

/// What replaces a hidden value.
const HIDDEN: &str = "[hidden]";

/// The words after which a value is hidden (`word=value`, `word: value`).
const SECRET_WORDS: [&str; 8] = [
    "password",
    "passwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "authorization",
    "cookie",
];

/// A log file, by its name in the logs folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFile {
    pub name: String,
    pub size: u64,
}

/// Whether `name` is a daily log file's name (`gestdesk.YYYY-MM-DD.log`): only such names are
/// opened, so no other file of the machine can be asked for.
pub fn is_log_name(name: &str) -> bool {
    let Some(day) = name
        .strip_prefix("gestdesk.")
        .and_then(|r| r.strip_suffix(".log"))
    else {
        return false;
    };
    day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The log files in `dir`, the newest first.
pub fn list(dir: &Path) -> std::io::Result<Vec<LogFile>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_log_name(&name) && entry.file_type()?.is_file() {
            out.push(LogFile {
                name,
                size: entry.metadata()?.len(),
            });
        }
    }
    // The date in the name sorts them.
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

/// The path of log file `name` in `dir`, when the name is a log file's.
pub fn path_of(dir: &Path, name: &str) -> Option<PathBuf> {
    is_log_name(name).then(|| dir.join(name))
}

/// A line's level, as the log writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

impl Level {
    /// Every level, the most serious first.
    pub const ALL: [Level; 5] = [
        Level::Error,
        Level::Warn,
        Level::Info,
        Level::Debug,
        Level::Trace,
    ];

    /// Its name in the log and in addresses.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Trace => "TRACE",
            Level::Debug => "DEBUG",
            Level::Info => "INFO",
            Level::Warn => "WARN",
            Level::Error => "ERROR",
        }
    }

    /// The level named `s`, in any case.
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }
}

/// One line of a log, secrets hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The time as written (RFC 3339), empty on a line that continues the one before.
    pub at: String,
    pub level: Option<Level>,
    /// The rest: where it was written from and what it says.
    pub text: String,
}

/// Splits a line as the log writes it: `2026-12-07T10:44:35.123456Z  INFO target: message`.
pub fn parse(raw: &str) -> Line {
    let raw = redact(raw);
    let mut parts = raw.trim_end().splitn(2, char::is_whitespace);
    let first = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default().trim_start();
    let looks_like_time = first.len() >= 20 && first.as_bytes().get(4) == Some(&b'-');
    if looks_like_time {
        let mut more = rest.splitn(2, char::is_whitespace);
        let level = more.next().and_then(Level::parse);
        if let Some(level) = level {
            return Line {
                at: first.to_owned(),
                level: Some(level),
                text: more.next().unwrap_or_default().trim_start().to_owned(),
            };
        }
    }
    Line {
        at: String::new(),
        level: None,
        text: raw.trim_end().to_owned(),
    }
}

/// What the viewer shows of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// The lines kept, the newest first.
    pub lines: Vec<Line>,
    /// Whether more lines matched than are shown.
    pub more: bool,
    /// Whether the file is longer than what was read (only its end was searched).
    pub cut: bool,
}

/// The lines of the log file at `path` at `min` level or more serious and containing `text` (in
/// any case), the newest first, from the file's last [`TAIL_BYTES`].
pub fn read(path: &Path, min: Option<Level>, text: &str) -> std::io::Result<Shown> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let cut = len > TAIL_BYTES;
    if cut {
        file.seek(SeekFrom::Start(len - TAIL_BYTES))?;
    }
    let mut bytes = Vec::new();
    file.take(TAIL_BYTES).read_to_end(&mut bytes)?;
    let content = String::from_utf8_lossy(&bytes);
    let mut lines = content.lines();
    if cut {
        // The first line read is most likely a piece of one.
        lines.next();
    }
    let needle = text.trim().to_lowercase();
    let mut shown = Shown {
        cut,
        ..Shown::default()
    };
    for raw in lines.rev() {
        let line = parse(raw);
        if min.is_some_and(|m| line.level.is_none_or(|l| l < m)) {
            continue;
        }
        if !needle.is_empty()
            && !line.text.to_lowercase().contains(&needle)
            && !line.at.contains(&needle)
        {
            continue;
        }
        if shown.lines.len() == SHOWN_LINES {
            shown.more = true;
            break;
        }
        shown.lines.push(line);
    }
    Ok(shown)
}

/// The whole file at `path`, each line with its secrets hidden, for download.
pub fn redacted_file(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let content = String::from_utf8_lossy(&bytes);
    let mut out = String::with_capacity(content.len());
    for line in content.lines() {
        out.push_str(&redact(line));
        out.push('\n');
    }
    Ok(out)
}

/// `line` with the values that look like secrets replaced by `[hidden]`: what follows a secret
/// word and `=` or `:` (up to the next space, comma or semicolon, or the closing quote), and
/// the password in an address's `user:password@`.
pub fn redact(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    // Byte ranges to hide, in order.
    let mut hide: Vec<(usize, usize)> = Vec::new();
    for word in SECRET_WORDS {
        let mut from = 0;
        while let Some(found) = lower[from..].find(word) {
            let after = from + found + word.len();
            from = after;
            let rest = &lower[after..];
            // Letters may follow the word ("password_hash", "tokens"), then the separator.
            let name_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            let rest_after_name = &rest[name_end..];
            let trimmed = rest_after_name.trim_start_matches([' ', '"', '\'']);
            let Some(sep) = trimmed.chars().next().filter(|c| *c == '=' || *c == ':') else {
                continue;
            };
            let mut start = after + name_end + (rest_after_name.len() - trimmed.len()) + 1;
            let value = &lower[start..];
            let skipped = value.len() - value.trim_start().len();
            start += skipped;
            let quote = lower[start..]
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'');
            let end = match quote {
                Some(q) => {
                    start += 1;
                    lower[start..].find(q).map_or(lower.len(), |i| start + i)
                }
                None => {
                    // "Authorization: Bearer xyz": the scheme is shown, the credential hidden.
                    let mut value_start = start;
                    if sep == ':'
                        && word == "authorization"
                        && let Some(sp) = lower[start..].find(' ')
                    {
                        value_start = start + sp + 1;
                    }
                    start = value_start;
                    lower[start..]
                        .find([' ', ',', ';', '&', ')', '}'])
                        .map_or(lower.len(), |i| start + i)
                }
            };
            if end > start {
                hide.push((start, end));
            }
        }
    }
    // user:password@host in an address.
    let mut from = 0;
    while let Some(found) = lower[from..].find("://") {
        let start_user = from + found + 3;
        from = start_user;
        let authority_end = lower[start_user..]
            .find(['/', ' ', '"', '\''])
            .map_or(lower.len(), |i| start_user + i);
        let authority = &lower[start_user..authority_end];
        if let Some(at) = authority.rfind('@')
            && let Some(colon) = authority[..at].find(':')
        {
            hide.push((start_user + colon + 1, start_user + at));
        }
    }
    if hide.is_empty() {
        return line.to_owned();
    }
    hide.sort_unstable();
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (start, end) in hide {
        if start < at {
            // Overlaps one hidden already.
            at = at.max(end);
            continue;
        }
        out.push_str(&line[at..start]);
        out.push_str(HIDDEN);
        at = end;
    }
    out.push_str(&line[at.min(line.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_hidden_wherever_they_appear() {
        for (line, shown) in [
            ("login ok for alice", "login ok for alice"),
            (
                "smtp: password=hunter2 host=mail",
                "smtp: password=[hidden] host=mail",
            ),
            (
                "config {\"smtp_password\": \"s3cr3t word\", \"port\": 25}",
                "config {\"smtp_password\": \"[hidden]\", \"port\": 25}",
            ),
            (
                "Authorization: Bearer abc.def",
                "Authorization: Bearer [hidden]",
            ),
            ("token=abc;next", "token=[hidden];next"),
            (
                "bind to ldap://admin:pa55@dc.example:389 failed",
                "bind to ldap://admin:[hidden]@dc.example:389 failed",
            ),
            ("Cookie: gd_session=xyz", "Cookie: [hidden]"),
            ("PASSWORD : topsecret", "PASSWORD : [hidden]"),
            ("the password was wrong", "the password was wrong"),
        ] {
            assert_eq!(redact(line), shown, "{line}");
        }
    }

    #[test]
    fn only_daily_log_names_are_opened() {
        assert!(is_log_name("gestdesk.2026-12-07.log"));
        for bad in [
            "gestdesk.log",
            "../gestdesk.2026-12-07.log",
            "gestdesk.2026-12-07.log/..",
            "gestdesk.2026-1a-07.log",
            "other.2026-12-07.log",
            "gestdesk.2026-12-07.log.gz",
        ] {
            assert!(!is_log_name(bad), "{bad}");
        }
    }

    #[test]
    fn lines_are_read_newest_first_with_their_level() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("gestdesk.2026-12-07.log");
        std::fs::write(
            &path,
            "2026-12-07T10:00:00.000001Z  INFO gestdesk: started\n\
             2026-12-07T10:00:01.000001Z  WARN gestdesk::jobs: mail fetch: refused password=abc\n\
             2026-12-07T10:00:02.000001Z ERROR gestdesk::jobs: backups: disk full\n",
        )
        .expect("written");
        let all = read(&path, None, "").expect("read");
        assert_eq!(all.lines.len(), 3);
        assert_eq!(all.lines[0].level, Some(Level::Error));
        assert_eq!(all.lines[0].text, "gestdesk::jobs: backups: disk full");
        let warned = read(&path, Some(Level::Warn), "").expect("read");
        assert_eq!(warned.lines.len(), 2);
        assert!(warned.lines[1].text.ends_with("password=[hidden]"));
        let searched = read(&path, None, "STARTED").expect("read");
        assert_eq!(searched.lines.len(), 1);
        assert!(
            redacted_file(&path)
                .expect("read")
                .contains("password=[hidden]")
        );
    }
}
