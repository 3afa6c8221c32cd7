//! The declaration of every setting: key (GestSup's name where it had one), kind, default,
//! and the translation keys of its label and help text.

use crate::i18n::{Msg, msg};

pub use super::defs::{DEFAULT_STATES, DEFS, LANGUAGES, NAME_ORDERS, VALIDATION_PERIMETERS};

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
    /// What incoming mail does (Administration > Settings > Incoming mail).
    MailIn,
    /// What mails look like.
    MailContent,
    /// Scheduled backups (Administration > Backups).
    Backups,
    /// The network tools (Administration > Settings > Network).
    Network,
    /// The directory connector (Administration > Settings > Directory).
    Directory,
    /// The API's pace and call log (Administration > API).
    Api,
    /// The calendar's week and hours, and its mails (Administration > Settings).
    Calendar,
    /// What availability monitors and counts (Administration > Availability).
    Availability,
    /// What triggers a satisfaction survey and what follows its answer (Administration >
    /// Surveys).
    Surveys,
    /// Whether the server speaks HTTPS, with which certificate (Administration > HTTPS).
    Https,
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
                let uri = value.parse::<http::Uri>().map_err(|_| msg("error-url"))?;
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
pub(crate) fn check_host(value: &str) -> Result<String, Msg> {
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

/// Every setting: the general ones, then the mail ones, then the network tools' ones.
pub fn all() -> impl Iterator<Item = &'static Def> {
    DEFS.iter()
        .chain(super::mail_registry::DEFS.iter())
        .chain(super::network_registry::DEFS.iter())
        .chain(super::directory_registry::DEFS.iter())
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
        let rows = find(super::super::ROWS_PER_PAGE.name()).expect("declared");
        assert_eq!(rows.validate(" 25 ").as_deref(), Ok("25"));
        assert!(rows.validate("2").is_err());
        assert!(rows.validate("ten").is_err());
        let flag = find(super::super::USER_AGENCY.name()).expect("declared");
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
        let url = find(super::super::SERVER_URL.name()).expect("declared");
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
