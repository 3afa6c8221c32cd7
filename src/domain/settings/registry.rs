//! The declaration of every setting: key (GestSup's name where it had one), kind, default,
//! and the translation keys of its label and help text.

use crate::i18n::{Msg, msg};

/// What values a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Stored as "1" or "0".
    Flag,
    /// A whole number within bounds.
    Number { min: i64, max: i64 },
    /// Free text up to a length.
    Text { max: usize },
    /// One of fixed values, each with the translation key of its label.
    Choice(&'static [(&'static str, &'static str)]),
    /// An `http` or `https` address, or nothing.
    Url,
    /// A password or key: stored so that it can be used, never shown back, logged masked.
    Secret { max: usize },
    /// One mail address, or nothing.
    Email,
    /// A colour as `#rrggbb`; the `#` may be left out when typing.
    Color,
    /// Text that may hold HTML (sanitized where it is used), several lines, up to a length.
    Html { max: usize },
    /// A host name or an IP address, or nothing.
    Host,
}

/// Which part of the settings page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    General,
    Tickets,
    Users,
    /// The optional functions, each shown or hidden as a whole.
    Functions,
    /// The SMTP connector (Administration > Settings > Mail).
    Smtp,
    /// Which automatic mails are sent.
    MailAuto,
    /// What mails look like.
    MailContent,
    /// Scheduled backups (Administration > Backups).
    Backups,
}

/// One setting.
#[derive(Debug, Clone, Copy)]
pub struct Def {
    pub key: &'static str,
    pub kind: Kind,
    pub default: &'static str,
    pub section: Section,
    /// Translation key of the label.
    pub label: &'static str,
    /// Translation key of the help text.
    pub help: &'static str,
}

impl Def {
    /// Whether the value is a secret, never shown or logged in clear.
    pub fn is_secret(&self) -> bool {
        matches!(self.kind, Kind::Secret { .. })
    }

    /// The value as shown outside the program: secrets masked, an empty secret left empty.
    pub fn shown<'a>(&self, value: &'a str) -> &'a str {
        if self.is_secret() && !value.is_empty() {
            "********"
        } else {
            value
        }
    }

    /// Checks and normalises a value typed for this setting.
    pub fn validate(&self, value: &str) -> Result<String, Msg> {
        if let Kind::Secret { max } = self.kind {
            // Passwords keep their spaces.
            return if value.chars().count() > max {
                Err(msg("error-too-long").arg("max", max))
            } else if value.chars().any(char::is_control) {
                Err(msg("error-invalid-characters"))
            } else {
                Ok(value.to_owned())
            };
        }
        let value = value.trim();
        match self.kind {
            Kind::Secret { .. } => Ok(value.to_owned()),
            Kind::Email => {
                if value.is_empty() {
                    Ok(String::new())
                } else {
                    crate::domain::mail::address::check(value)
                }
            }
            Kind::Color => {
                let hex = value.strip_prefix('#').unwrap_or(value);
                if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    Ok(format!("#{}", hex.to_ascii_lowercase()))
                } else {
                    Err(msg("error-color"))
                }
            }
            Kind::Html { max } => {
                if value.chars().count() > max {
                    Err(msg("error-too-long").arg("max", max))
                } else if value
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                {
                    Err(msg("error-invalid-characters"))
                } else {
                    Ok(value.replace("\r\n", "\n"))
                }
            }
            Kind::Host => check_host(value),
            Kind::Flag => match value {
                "1" | "true" | "on" | "yes" => Ok("1".to_owned()),
                "0" | "false" | "off" | "no" | "" => Ok("0".to_owned()),
                _ => Err(msg("error-setting-flag")),
            },
            Kind::Number { min, max } => match value.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(n.to_string()),
                _ => Err(msg("error-number-range").arg("min", min).arg("max", max)),
            },
            Kind::Choice(values) => values
                .iter()
                .find(|(v, _)| *v == value)
                .map(|(v, _)| (*v).to_owned())
                .ok_or_else(|| msg("error-unknown-choice")),
            Kind::Url => {
                if value.is_empty() {
                    return Ok(String::new());
                }
                let uri = value
                    .parse::<axum::http::Uri>()
                    .map_err(|_| msg("error-url"))?;
                let web = matches!(uri.scheme_str(), Some("http" | "https"));
                let host = uri.host().is_some_and(|h| !h.is_empty());
                if web && host && value.chars().count() <= 200 {
                    Ok(value.trim_end_matches('/').to_owned())
                } else {
                    Err(msg("error-url"))
                }
            }
            Kind::Text { max } => {
                if value.chars().count() > max {
                    Err(msg("error-too-long").arg("max", max))
                } else if value.chars().any(char::is_control) {
                    Err(msg("error-invalid-characters"))
                } else {
                    Ok(value.to_owned())
                }
            }
        }
    }
}

/// A host name (letters, digits, `-` and `.`) or an IP address.
fn check_host(value: &str) -> Result<String, Msg> {
    if value.is_empty() || value.parse::<std::net::IpAddr>().is_ok() {
        return Ok(value.to_owned());
    }
    let labels_ok = value.len() <= 253
        && value.trim_end_matches('.').split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if labels_ok {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(msg("error-host"))
    }
}

const fn function(key: &'static str, label: &'static str, help: &'static str) -> Def {
    Def {
        key,
        kind: Kind::Flag,
        default: "0",
        section: Section::Functions,
        label,
        help,
    }
}

const fn flag(key: &'static str, label: &'static str, help: &'static str) -> Def {
    Def {
        key,
        kind: Kind::Flag,
        default: "0",
        section: Section::Users,
        label,
        help,
    }
}

/// The lists a user lands on after logging in, unless they chose their own: "to handle", every
/// state, or one built-in state (by id).
pub const DEFAULT_STATES: &[(&str, &str)] = &[
    ("meta", "state-meta"),
    ("all", "state-all"),
    ("5", "state-unassigned"),
    ("1", "state-waiting"),
    ("2", "state-in-progress"),
    ("6", "state-waiting-user"),
    ("3", "state-resolved"),
    ("4", "state-rejected"),
];

/// The languages pages and mails are written in, each with its own name.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("fr", "lang-choice-fr"),
    ("en", "lang-choice-en"),
    ("es", "lang-choice-es"),
    ("de", "lang-choice-de"),
];

/// The orders people's names are shown in (kept in `users.display_name`, see migration V16).
pub const NAME_ORDERS: &[(&str, &str)] = &[
    ("first_last", "name-order-first-last"),
    ("last_first", "name-order-last-first"),
];

/// Which tickets ask their requester to accept the resolution.
pub const VALIDATION_PERIMETERS: &[(&str, &str)] = &[
    ("type", "validation-perimeter-type"),
    ("all", "validation-perimeter-all"),
];

/// Every setting.
pub const DEFS: &[Def] = &[
    Def {
        key: super::COMPANY_NAME,
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::General,
        label: "setting-company-name",
        help: "setting-company-name-help",
    },
    Def {
        key: super::SESSION_TIMEOUT_MINUTES,
        kind: Kind::Number {
            min: 5,
            max: 43_200,
        },
        default: "1440",
        section: Section::General,
        label: "setting-session-timeout",
        help: "setting-session-timeout-help",
    },
    Def {
        key: super::ROWS_PER_PAGE,
        kind: Kind::Number { min: 5, max: 500 },
        default: "10",
        section: Section::General,
        label: "setting-rows-per-page",
        help: "setting-rows-per-page-help",
    },
    Def {
        key: super::SERVER_URL,
        kind: Kind::Url,
        default: "",
        section: Section::General,
        label: "setting-server-url",
        help: "setting-server-url-help",
    },
    Def {
        key: super::LOGIN_MESSAGE,
        kind: Kind::Text { max: 500 },
        default: "",
        section: Section::Users,
        label: "setting-login-message",
        help: "setting-login-message-help",
    },
    Def {
        key: super::DEFAULT_LANGUAGE,
        kind: Kind::Choice(LANGUAGES),
        default: "fr",
        section: Section::General,
        label: "setting-default-language",
        help: "setting-default-language-help",
    },
    Def {
        key: super::USER_VALIDATION,
        kind: Kind::Flag,
        default: "0",
        section: Section::Users,
        label: "setting-user-validation",
        help: "setting-user-validation-help",
    },
    Def {
        key: super::USER_VALIDATION_DELAY,
        kind: Kind::Number { min: 1, max: 365 },
        default: "7",
        section: Section::Users,
        label: "setting-user-validation-delay",
        help: "setting-user-validation-delay-help",
    },
    Def {
        key: super::USER_VALIDATION_PERIMETER,
        kind: Kind::Choice(VALIDATION_PERIMETERS),
        default: "type",
        section: Section::Users,
        label: "setting-user-validation-perimeter",
        help: "setting-user-validation-perimeter-help",
    },
    Def {
        key: super::NAME_ORDER,
        kind: Kind::Choice(NAME_ORDERS),
        default: "first_last",
        section: Section::General,
        label: "setting-name-order",
        help: "setting-name-order-help",
    },
    Def {
        key: super::FLASH_MS,
        kind: Kind::Number {
            min: 1000,
            max: 60_000,
        },
        default: "6000",
        section: Section::General,
        label: "setting-flash-ms",
        help: "setting-flash-ms-help",
    },
    Def {
        key: super::LIVE_UPDATES,
        kind: Kind::Flag,
        default: "1",
        section: Section::General,
        label: "setting-live-updates",
        help: "setting-live-updates-help",
    },
    Def {
        key: super::SESSION_MAX_HOURS,
        kind: Kind::Number { min: 0, max: 8760 },
        default: "0",
        section: Section::General,
        label: "setting-session-max",
        help: "setting-session-max-help",
    },
    Def {
        key: super::PASSWORD_MIN_LENGTH,
        kind: Kind::Number { min: 8, max: 64 },
        default: "8",
        section: Section::General,
        label: "setting-password-min-length",
        help: "setting-password-min-length-help",
    },
    Def {
        key: super::PASSWORD_REFUSE_COMMON,
        kind: Kind::Flag,
        default: "1",
        section: Section::General,
        label: "setting-password-refuse-common",
        help: "setting-password-refuse-common-help",
    },
    Def {
        key: super::DEBUG,
        kind: Kind::Flag,
        default: "0",
        section: Section::General,
        label: "setting-debug",
        help: "setting-debug-help",
    },
    function(
        super::FUNCTION_AVAILABILITY,
        "setting-availability",
        "setting-availability-help",
    ),
    function(
        super::FUNCTION_CALENDAR,
        "setting-calendar",
        "setting-calendar-help",
    ),
    function(
        super::FUNCTION_ASSETS,
        "setting-assets",
        "setting-assets-help",
    ),
    function(
        super::FUNCTION_ASSET_IP,
        "setting-asset-ip",
        "setting-asset-ip-help",
    ),
    function(
        super::FUNCTION_ASSET_WARRANTY,
        "setting-asset-warranty",
        "setting-asset-warranty-help",
    ),
    function(
        super::FUNCTION_ASSET_VNC,
        "setting-asset-vnc",
        "setting-asset-vnc-help",
    ),
    function(
        super::FUNCTION_PROCEDURES,
        "setting-procedures",
        "setting-procedures-help",
    ),
    function(
        super::FUNCTION_SURVEYS,
        "setting-surveys",
        "setting-surveys-help",
    ),
    Def {
        key: super::ATTACHMENT_MAX_COUNT,
        kind: Kind::Number { min: 0, max: 50 },
        default: "5",
        section: Section::Tickets,
        label: "setting-attachment-max-count",
        help: "setting-attachment-max-count-help",
    },
    Def {
        key: super::ATTACHMENT_MAX_MB,
        kind: Kind::Number { min: 1, max: 100 },
        default: "10",
        section: Section::Tickets,
        label: "setting-attachment-max-mb",
        help: "setting-attachment-max-mb-help",
    },
    Def {
        key: super::TICKET_TYPE,
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-ticket-type",
        help: "setting-ticket-type-help",
    },
    Def {
        key: super::TICKET_PLACES,
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-ticket-places",
        help: "setting-ticket-places-help",
    },
    Def {
        key: super::META_STATE,
        kind: Kind::Flag,
        default: "1",
        section: Section::Tickets,
        label: "setting-meta-state",
        help: "setting-meta-state-help",
    },
    Def {
        key: super::TICKET_ORDER,
        kind: Kind::Choice(crate::domain::users::preferences::TICKET_ORDERS),
        default: "state",
        section: Section::Tickets,
        label: "setting-ticket-order",
        help: "setting-ticket-order-help",
    },
    Def {
        key: super::THEME,
        kind: Kind::Choice(crate::domain::users::preferences::THEMES),
        default: "blue",
        section: Section::General,
        label: "setting-theme",
        help: "setting-theme-help",
    },
    Def {
        key: super::DEFAULT_STATE,
        kind: Kind::Choice(DEFAULT_STATES),
        default: "meta",
        section: Section::Tickets,
        label: "setting-default-state",
        help: "setting-default-state-help",
    },
    Def {
        key: super::NOTIFY,
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-notify",
        help: "setting-notify-help",
    },
    Def {
        key: super::REPLY_REOPENS,
        kind: Kind::Flag,
        default: "1",
        section: Section::Tickets,
        label: "setting-reply-reopens",
        help: "setting-reply-reopens-help",
    },
    Def {
        key: super::CSV_SEPARATOR,
        kind: Kind::Choice(&[(";", "setting-csv-semicolon"), (",", "setting-csv-comma")]),
        default: ";",
        section: Section::General,
        label: "setting-csv-separator",
        help: "setting-csv-separator-help",
    },
    flag(
        super::USER_ADVANCED,
        "setting-user-advanced",
        "setting-user-advanced-help",
    ),
    flag(
        super::USER_REGISTER,
        "setting-user-register",
        "setting-user-register-help",
    ),
    flag(
        super::USER_LIMIT_TICKET,
        "setting-user-limit-ticket",
        "setting-user-limit-ticket-help",
    ),
    flag(
        super::COMPANY_LIMIT_TICKET,
        "setting-company-limit-ticket",
        "setting-company-limit-ticket-help",
    ),
    flag(
        super::COMPANY_LIMIT_HOUR,
        "setting-company-limit-hour",
        "setting-company-limit-hour-help",
    ),
    flag(
        super::USER_COMPANY_VIEW,
        "setting-user-company-view",
        "setting-user-company-view-help",
    ),
    flag(
        super::USER_AGENCY,
        "setting-user-agency",
        "setting-user-agency-help",
    ),
    flag(
        super::USER_LIMIT_SERVICE,
        "setting-user-limit-service",
        "setting-user-limit-service-help",
    ),
];

/// Every setting: the general ones, then the mail ones.
pub fn all() -> impl Iterator<Item = &'static Def> {
    DEFS.iter().chain(super::mail_registry::DEFS.iter())
}

/// The declaration of `key`.
pub fn find(key: &str) -> Option<&'static Def> {
    all().find(|d| d.key == key)
}

/// The settings of one section, in page order.
pub fn in_section(section: Section) -> impl Iterator<Item = &'static Def> {
    all().filter(move |d| d.section == section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_valid() {
        for d in all() {
            assert_eq!(d.validate(d.default).as_deref(), Ok(d.default), "{}", d.key);
        }
    }

    #[test]
    fn every_label_and_help_is_translated() {
        for d in all() {
            for lang in crate::i18n::Lang::ALL {
                assert!(lang.has(d.label), "{} {}", lang.code(), d.label);
                assert!(lang.has(d.help), "{} {}", lang.code(), d.help);
            }
        }
    }

    #[test]
    fn values_are_checked_by_kind() {
        let rows = find(super::super::ROWS_PER_PAGE).expect("declared");
        assert_eq!(rows.validate(" 25 ").as_deref(), Ok("25"));
        assert!(rows.validate("2").is_err());
        assert!(rows.validate("ten").is_err());
        let flag = find(super::super::USER_AGENCY).expect("declared");
        assert_eq!(flag.validate("on").as_deref(), Ok("1"));
        assert!(flag.validate("maybe").is_err());
    }

    #[test]
    fn mail_kinds_are_checked() {
        let host = find("smtp.host").expect("declared");
        assert_eq!(
            host.validate(" SMTP.Example.com ").as_deref(),
            Ok("smtp.example.com")
        );
        assert_eq!(host.validate("10.0.0.1").as_deref(), Ok("10.0.0.1"));
        assert_eq!(host.validate("::1").as_deref(), Ok("::1"));
        for bad in [
            "smtp example.com",
            "-x.com",
            "a..b",
            "smtp.example.com:25",
            "x/y",
        ] {
            assert!(host.validate(bad).is_err(), "{bad}");
        }
        let color = find("mail_color_title").expect("declared");
        assert_eq!(color.validate("FFAA00").as_deref(), Ok("#ffaa00"));
        assert!(color.validate("#ffaa0").is_err());
        assert!(color.validate("red").is_err());
        let password = find("smtp.password").expect("declared");
        assert_eq!(password.validate(" a b ").as_deref(), Ok(" a b "));
        assert_eq!(password.shown("secret"), "********");
        assert_eq!(password.shown(""), "");
        let from = find("smtp.from").expect("declared");
        assert_eq!(
            from.validate(" help@example.com ").as_deref(),
            Ok("help@example.com")
        );
        assert!(
            from.validate("help@example.com\r\nBcc: x@evil.test")
                .is_err()
        );
        assert!(from.validate("not an address").is_err());
    }

    #[test]
    fn server_addresses_are_web_addresses() {
        let url = find(super::super::SERVER_URL).expect("declared");
        assert_eq!(url.validate("").as_deref(), Ok(""));
        assert_eq!(
            url.validate(" https://help.example.com/ ").as_deref(),
            Ok("https://help.example.com")
        );
        assert_eq!(
            url.validate("http://10.0.0.5:8080/desk").as_deref(),
            Ok("http://10.0.0.5:8080/desk")
        );
        for bad in [
            "help.example.com",
            "ftp://help.example.com",
            "javascript:alert(1)",
            "https://",
            "http://exa mple.com",
            "https://x\u{7}y",
        ] {
            assert!(url.validate(bad).is_err(), "{bad}");
        }
    }
}
