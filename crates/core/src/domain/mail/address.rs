//! Mail addresses as typed in settings, profiles and the manual mail form: one bare address
//! (`name@domain`), no display name, nothing that could start another header.

use std::net::IpAddr;

use email_address::EmailAddress;

use crate::i18n::{Msg, msg};

/// The longest address accepted (RFC 5321's path limit).
const MAX_LEN: usize = 254;

/// Checks one address and returns it trimmed.
pub fn check(value: &str) -> Result<String, Msg> {
    let value = value.trim();
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(msg("error-mail-address").arg("value", printable(value)));
    }
    if value.len() > MAX_LEN || !well_formed(value) {
        return Err(msg("error-mail-address").arg("value", printable(value)));
    }
    Ok(value.to_owned())
}

/// Checks a list of addresses separated by commas, semicolons, spaces or new lines; the first
/// wrong one is named in the message. Duplicates are dropped, case aside.
pub fn check_list(value: &str) -> Result<Vec<String>, Msg> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split([',', ';', ' ', '\n', '\r', '\t']) {
        if part.trim().is_empty() {
            continue;
        }
        let address = check(part)?;
        if !out.iter().any(|a| a.eq_ignore_ascii_case(&address)) {
            out.push(address);
        }
    }
    Ok(out)
}

/// Whether `value` is a usable address (for addresses read from user records).
pub fn is_valid(value: &str) -> bool {
    !value.trim().is_empty() && check(value).is_ok()
}

/// Whether `value` is `local@domain` with a valid local part and a domain name or IP literal,
/// the rules the SMTP adapter applies when it sends (internationalised domains included).
fn well_formed(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    let domain_ok = |d: &str| {
        EmailAddress::is_valid_domain(d)
            || d.strip_prefix('[')
                .and_then(|ip| ip.strip_suffix(']'))
                .unwrap_or(d)
                .parse::<IpAddr>()
                .is_ok()
    };
    EmailAddress::is_valid_local_part(local)
        && (domain_ok(domain) || idna::domain_to_ascii(domain).is_ok_and(|d: String| domain_ok(&d)))
}

/// A typed value made safe to repeat in a message: control characters shown as `?`, cut short.
fn printable(value: &str) -> String {
    value
        .chars()
        .take(80)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_addresses_pass_and_header_tricks_do_not() {
        assert_eq!(check(" ana@example.com ").as_deref(), Ok("ana@example.com"));
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example.com\r\nBcc: all@evil.test",
            "ana@example.com\nX: y",
            "Ana <ana@example.com>",
            "ana @example.com",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
        assert!(check(&format!("{}@example.com", "a".repeat(250))).is_err());
        for good in [
            "ana.b+tag@example.com",
            "ana@[192.0.2.1]",
            "ana@société.example",
        ] {
            assert!(check(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn lists_split_on_usual_separators() {
        assert_eq!(
            check_list("a@x.test, b@x.test;c@x.test\nA@x.test").expect("valid"),
            vec!["a@x.test", "b@x.test", "c@x.test"]
        );
        assert_eq!(check_list("  ").expect("valid"), Vec::<String>::new());
        let e = check_list("a@x.test, nope").expect_err("second is wrong");
        assert_eq!(e.args, vec![("value", "nope".to_owned())]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// An accepted address or list never carries what could start another header.
        #[test]
        fn accepted_addresses_are_single_clean_lines(typed in "\\PC{0,60}|[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,4}[\r\n ,;<>\"]{0,3}[a-zA-Z:@. ]{0,20}") {
            if let Ok(a) = check(&typed) {
                proptest::prop_assert!(!a.chars().any(|c| c.is_control() || c.is_whitespace()), "{a:?}");
                proptest::prop_assert!(a.contains('@') && !a.contains(['<', '>', ',', ';']), "{a:?}");
            }
            if let Ok(list) = check_list(&typed) {
                for a in list {
                    proptest::prop_assert!(!a.chars().any(|c| c.is_control() || c.is_whitespace()), "{a:?}");
                }
            }
        }
    }
}
