//! Translations: Fluent files under `assets/i18n/<lang>/`, embedded at build time.
//!
//! Every user-visible string goes through [`Lang::t`] or [`Lang::t_args`] with a literal key, or
//! through [`msg`] where a key is carried as a value (menus, validation errors). Tests scan the
//! sources for those three forms and check each key exists in every language.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use rust_embed::RustEmbed;
use rustc_hash::FxHashMap;
use unic_langid::{LanguageIdentifier, langid};

mod simple;

static_loader! {
    static LOCALES = {
        locales: "../../assets/i18n",
        fallback_language: "fr",
        // Fluent wraps placeables in Unicode isolation marks by default; pages don't need them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");
static DE: LanguageIdentifier = langid!("de");

/// The same translation files, read to list which messages each language defines.
#[derive(RustEmbed)]
#[folder = "../../assets/i18n/"]
struct Sources;

/// The message ids defined in `lang`'s files: lines that start with an identifier and ` =`
/// (Fluent messages start at the first column; comments, terms and continuations do not).
fn defined(lang: Lang) -> &'static HashSet<String> {
    static DEFINED: OnceLock<HashMap<&'static str, HashSet<String>>> = OnceLock::new();
    let all = DEFINED.get_or_init(|| {
        let mut map: HashMap<&'static str, HashSet<String>> = HashMap::new();
        for path in Sources::iter() {
            let Some((code, _)) = path.split_once('/') else {
                continue;
            };
            let Some(lang) = Lang::from_code(code) else {
                continue;
            };
            let Some(file) = Sources::get(&path) else {
                continue;
            };
            let text = String::from_utf8_lossy(&file.data).into_owned();
            let ids = map.entry(lang.code()).or_default();
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =") {
                    let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                        && id
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    if is_id {
                        ids.insert(id.to_owned());
                    }
                }
            }
        }
        map
    });
    static EMPTY: OnceLock<HashSet<String>> = OnceLock::new();
    all.get(lang.code())
        .unwrap_or_else(|| EMPTY.get_or_init(HashSet::new))
}

/// The messages of `lang` read without arguments, each resolved once: a page shows a few
/// hundred, and resolving one through Fluent each time cost more than the rest of the page's
/// text. Messages that need arguments are left out (and resolved on each use).
fn plain(lang: Lang) -> &'static FxHashMap<&'static str, String> {
    static PLAIN: [OnceLock<FxHashMap<&'static str, String>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    PLAIN[lang as usize].get_or_init(|| {
        let mut out = FxHashMap::default();
        for key in defined(lang) {
            if let Ok(text) = LOCALES.lookup_single_language::<&str>(lang.id(), key, None)
                && !text.contains("{$")
            {
                out.insert(key.as_str(), text);
            }
        }
        out
    })
}

/// Keys looked up but missing, kept so that tests can assert none was met.
static MISSING: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// A language Gestdesk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
    /// Spanish.
    Es,
    /// German.
    De,
}

/// A translation key carried as a value, with optional arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The Fluent message id.
    pub key: &'static str,
    /// Named arguments for the message.
    pub args: Vec<(&'static str, String)>,
}

/// Wraps a literal translation key.
pub const fn msg(key: &'static str) -> Msg {
    Msg {
        key,
        args: Vec::new(),
    }
}

impl Msg {
    /// Adds a named argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            lang.t(self.key)
        } else {
            let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            lang.t_args(self.key, &args)
        }
    }
}

impl Lang {
    /// Every language, in the order offered to users.
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Es, Lang::De];

    /// The short code stored in settings and cookies.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::De => "de",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::De => &DE,
        }
    }

    /// Reads a language code such as `fr`, `fr-FR`, `fr_FR` or `EN-us`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let Some(lang) = Lang::from_code(tag) else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, p, _)) => quality > q || (quality == q && position < p),
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        match plain(self).get(key) {
            Some(text) => text.clone(),
            None => self.lookup(key, None),
        }
    }

    /// The message `key` in this language, with named arguments.
    pub fn t_args(self, key: &str, args: &[(&str, &str)]) -> String {
        if let Some(pieces) = simple::messages(self).get(key)
            && let Some(text) = simple::fill(pieces, args)
        {
            return text;
        }
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Owned((*k).to_owned()), fluent_value(v)))
            .collect();
        self.lookup(key, Some(&map))
    }

    fn lookup(
        self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        match LOCALES.lookup_single_language(self.id(), key, args) {
            Ok(text) => text,
            Err(_) => {
                tracing::warn!(key, lang = self.code(), "missing translation");
                MISSING
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(format!("{}:{key}", self.code()));
                LOCALES
                    .try_lookup_complete(&FR, key, args)
                    .unwrap_or_else(|| key.to_owned())
            }
        }
    }

    /// Whether `key` exists in this language (without falling back to another one).
    pub fn has(self, key: &str) -> bool {
        defined(self).contains(key)
    }

    /// Every message id this language defines.
    pub fn keys(self) -> BTreeSet<String> {
        defined(self).iter().cloned().collect()
    }
}

/// A canonical whole number becomes a Fluent number (so that plural forms apply); anything else
/// stays text.
fn fluent_value(v: &str) -> FluentValue<'static> {
    match v.parse::<i64>() {
        Ok(n) if n.to_string() == v => FluentValue::from(n),
        _ => FluentValue::from(v.to_owned()),
    }
}

/// The translation keys that were looked up and missing since the process started.
pub fn missing_keys() -> Vec<String> {
    MISSING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_quality_then_order() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,fr;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("it-IT, fr;q=0.5, en;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("it, nl"), None);
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.5"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::from_accept_language("fr;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn numbers_choose_plural_forms() {
        assert_eq!(
            Lang::En.t_args("usage-tickets", &[("count", "1")]),
            "used by one ticket"
        );
        assert_eq!(
            Lang::En.t_args("usage-tickets", &[("count", "3")]),
            "used by 3 tickets"
        );
        assert_eq!(
            Lang::Fr.t_args("usage-tickets", &[("count", "1")]),
            "utilisée par un ticket"
        );
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr_FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("xx"), None);
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let text = Lang::En.t_args("home-welcome", &[("name", "Ada")]);
        assert!(text.contains("Ada"), "{text}");
        assert!(!text.contains('\u{2068}'));
    }
}

/// A moment as the reader expects it: `27/11/2026 14:05` in French and Spanish,
/// `11/27/2026 2:05 PM` in English, `27.11.2026 14:05` in German, in the server's time zone.
pub fn format_datetime(lang: Lang, unix_seconds: i64) -> String {
    let Ok(ts) = jiff::Timestamp::from_second(unix_seconds) else {
        return String::new();
    };
    let zoned = ts.to_zoned_datetime(jiff::tz::TimeZone::system());
    let pattern = match lang {
        Lang::Fr | Lang::Es => "%d/%m/%Y %H:%M",
        Lang::En => "%m/%d/%Y %-I:%M %p",
        Lang::De => "%d.%m.%Y %H:%M",
    };
    zoned.strftime(pattern).to_string()
}

const WEEKDAYS: [&str; 7] = [
    "calendar-weekday-1",
    "calendar-weekday-2",
    "calendar-weekday-3",
    "calendar-weekday-4",
    "calendar-weekday-5",
    "calendar-weekday-6",
    "calendar-weekday-7",
];

const MONTHS: [&str; 12] = [
    "calendar-month-1",
    "calendar-month-2",
    "calendar-month-3",
    "calendar-month-4",
    "calendar-month-5",
    "calendar-month-6",
    "calendar-month-7",
    "calendar-month-8",
    "calendar-month-9",
    "calendar-month-10",
    "calendar-month-11",
    "calendar-month-12",
];

/// The short name of `day` of the week (`Mon`, `lun.`).
pub fn weekday_name(lang: Lang, day: jiff::civil::Weekday) -> String {
    let i = usize::try_from(day.to_monday_zero_offset()).unwrap_or(0);
    lang.t(WEEKDAYS[i % 7])
}

/// The name of month `month` (1 to 12).
pub fn month_name(lang: Lang, month: i8) -> String {
    let i = usize::try_from(month - 1).unwrap_or(0);
    lang.t(MONTHS[i % 12])
}

/// A time of day as the reader expects it (`14:05`, `2:05 PM`), in the server's time zone.
pub fn format_time(lang: Lang, unix_seconds: i64) -> String {
    let Ok(ts) = jiff::Timestamp::from_second(unix_seconds) else {
        return String::new();
    };
    let zoned = ts.to_zoned_datetime(jiff::tz::TimeZone::system());
    let pattern = match lang {
        Lang::En => "%-I:%M %p",
        Lang::Fr | Lang::Es | Lang::De => "%H:%M",
    };
    zoned.strftime(pattern).to_string()
}

/// A span of time: `08/12/2026 09:00 – 11:30` (the end's day left out when it is the same
/// day), or whole days ending at the midnight `ends` (`08/12/2026 – 09/12/2026`, one day alone).
pub fn format_span(lang: Lang, starts: i64, ends: i64, all_day: bool) -> String {
    if all_day {
        let (first, last) = (format_date(lang, starts), format_date(lang, ends - 1));
        return if first == last {
            first
        } else {
            format!("{first} – {last}")
        };
    }
    if format_date(lang, starts) == format_date(lang, ends) {
        format!(
            "{} – {}",
            format_datetime(lang, starts),
            format_time(lang, ends)
        )
    } else {
        format!(
            "{} – {}",
            format_datetime(lang, starts),
            format_datetime(lang, ends)
        )
    }
}

/// A day as the reader expects it (`27/11/2026`, `11/27/2026`), in the server's time zone.
pub fn format_date(lang: Lang, unix_seconds: i64) -> String {
    let Ok(ts) = jiff::Timestamp::from_second(unix_seconds) else {
        return String::new();
    };
    let date = jiff::tz::TimeZone::system().to_datetime(ts).date();
    format_civil_date(lang, date)
}

/// A `YYYY-MM-DD` day as the reader expects it; anything else is shown as it is.
pub fn format_day(lang: Lang, day: &str) -> String {
    day.parse::<jiff::civil::Date>()
        .map_or_else(|_| day.to_owned(), |d| format_civil_date(lang, d))
}

fn format_civil_date(lang: Lang, date: jiff::civil::Date) -> String {
    let pattern = match lang {
        Lang::Fr | Lang::Es => "%d/%m/%Y",
        Lang::En => "%m/%d/%Y",
        Lang::De => "%d.%m.%Y",
    };
    date.strftime(pattern).to_string()
}

/// A size in bytes with one decimal and the reader's decimal separator and units.
pub fn format_bytes(lang: Lang, bytes: u64) -> String {
    let units: [&str; 4] = match lang {
        Lang::Fr => ["o", "Ko", "Mo", "Go"],
        Lang::En | Lang::Es | Lang::De => ["B", "KB", "MB", "GB"],
    };
    // Precision loss is irrelevant for a human-readable size.
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = if unit == 0 {
        format!("{bytes}")
    } else {
        format_decimal(lang, value)
    };
    format!("{text} {}", units[unit])
}

/// A number with one decimal and the reader's decimal separator (`1.5` in English, `1,5` in
/// French, Spanish and German).
pub fn format_decimal(lang: Lang, value: f64) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::En => text,
        Lang::Fr | Lang::Es | Lang::De => text.replace('.', ","),
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    #[test]
    fn sizes_use_the_readers_separator() {
        assert_eq!(format_bytes(Lang::En, 512), "512 B");
        assert_eq!(format_bytes(Lang::En, 1536), "1.5 KB");
        assert_eq!(format_bytes(Lang::Fr, 1536), "1,5 Ko");
        assert_eq!(format_bytes(Lang::De, 1536), "1,5 KB");
        assert_eq!(format_decimal(Lang::Es, 2.5), "2,5");
    }

    #[test]
    fn dates_follow_the_language_order() {
        // 2026-11-27 12:00:00 UTC; the day and month are the same in every time zone at noon
        // give or take twelve hours, so only check the order of the fields.
        let fr = format_datetime(Lang::Fr, 1_795_780_800);
        let en = format_datetime(Lang::En, 1_795_780_800);
        assert!(
            fr.starts_with("27/11/2026") || fr.starts_with("28/11/2026"),
            "{fr}"
        );
        assert!(
            en.starts_with("11/27/2026") || en.starts_with("11/28/2026"),
            "{en}"
        );
    }
}
