//! Pure validation rules for account fields.

use crate::domain::FieldErrors;
use crate::i18n::{Lang, msg};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// bcrypt only reads the first 72 bytes; longer passwords are refused rather than cut.
pub const MAX_PASSWORD_BYTES: usize = 72;
/// The longest login accepted.
pub const MAX_LOGIN_CHARS: usize = 64;
/// The longest first or last name accepted.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest mail address accepted.
pub const MAX_MAIL_CHARS: usize = 254;

/// Checks a login: present, not too long, no spaces or control characters.
pub fn check_login(login: &str, errors: &mut FieldErrors) {
    if login.is_empty() {
        errors.add("login", msg("error-login-required"));
    } else if login.chars().count() > MAX_LOGIN_CHARS {
        errors.add("login", msg("error-too-long").arg("max", MAX_LOGIN_CHARS));
    } else if login
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '/' | '\\' | '"' | '<' | '>'))
    {
        errors.add("login", msg("error-login-invalid"));
    }
}

/// Checks a first or last name.
pub fn check_name(field: &'static str, value: &str, required: bool, errors: &mut FieldErrors) {
    if required && value.is_empty() {
        errors.add(field, msg("error-required"));
    } else if value.chars().count() > MAX_NAME_CHARS {
        errors.add(field, msg("error-too-long").arg("max", MAX_NAME_CHARS));
    } else if value.chars().any(char::is_control) {
        errors.add(field, msg("error-invalid-characters"));
    }
}

/// Checks an optional mail address: one `@`, something on both sides, a dot-free local part is
/// fine, no spaces, and an address a mail can be sent to.
pub fn check_mail(mail: &str, errors: &mut FieldErrors) {
    if mail.is_empty() {
        return;
    }
    if mail.chars().count() > MAX_MAIL_CHARS {
        errors.add("mail", msg("error-too-long").arg("max", MAX_MAIL_CHARS));
        return;
    }
    let valid = match mail.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !mail.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    // The same rule as for sending: what is stored can be mailed.
    if !valid || crate::domain::mail::address::check(mail).is_err() {
        errors.add("mail", msg("error-mail-invalid"));
    }
}

/// What a new password must be, from the settings: long enough, and (unless switched off) not
/// one of the passwords everybody tries first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    pub min_chars: usize,
    pub refuse_common: bool,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            min_chars: MIN_PASSWORD_CHARS,
            refuse_common: true,
        }
    }
}

impl PasswordPolicy {
    /// The policy set in Administration > Settings.
    pub fn from_settings(s: &crate::domain::settings::Settings) -> Self {
        use crate::domain::settings::{PASSWORD_MIN_LENGTH, PASSWORD_REFUSE_COMMON};
        PasswordPolicy {
            min_chars: usize::try_from(s.number(PASSWORD_MIN_LENGTH))
                .unwrap_or(MIN_PASSWORD_CHARS)
                .max(MIN_PASSWORD_CHARS),
            refuse_common: s.flag(PASSWORD_REFUSE_COMMON),
        }
    }
}

/// The passwords too common to protect anything (lower case).
fn common_passwords() -> &'static std::collections::HashSet<String> {
    static LIST: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../../../../assets/security/common-passwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Whether `password` is one everybody tries first: a common password (with or without digits
/// or punctuation after it), the login itself, or one character repeated.
pub fn is_common(password: &str, login: &str) -> bool {
    let lower = password.to_lowercase();
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let list = common_passwords();
    let login = login.trim().to_lowercase();
    let mut chars = lower.chars();
    let repeated = chars.next().is_some_and(|first| chars.all(|c| c == first));
    list.contains(&lower)
        || (!stem.is_empty() && list.contains(stem))
        || (!login.is_empty() && (lower == login || stem == login))
        || repeated
}

/// Checks a new password for account `login` and its confirmation, under `policy`.
pub fn check_new_password(
    policy: PasswordPolicy,
    login: &str,
    password: &str,
    confirm: &str,
    errors: &mut FieldErrors,
) {
    if password.chars().count() < policy.min_chars {
        errors.add(
            "password",
            msg("error-password-too-short").arg("min", policy.min_chars),
        );
    } else if password.len() > MAX_PASSWORD_BYTES {
        errors.add(
            "password",
            msg("error-password-too-long").arg("max", MAX_PASSWORD_BYTES),
        );
    } else if policy.refuse_common && is_common(password, login) {
        errors.add("password", msg("error-password-common"));
    } else if password != confirm {
        errors.add("password_confirm", msg("error-password-mismatch"));
    }
}

/// Checks an optional language code.
pub fn check_language(code: &str, errors: &mut FieldErrors) {
    if !code.is_empty() && Lang::from_code(code).is_none() {
        errors.add("language", msg("error-language-unknown"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(f: impl FnOnce(&mut FieldErrors)) -> Vec<&'static str> {
        let mut e = FieldErrors::new();
        f(&mut e);
        e.0.iter().map(|(_, m)| m.key).collect()
    }

    #[test]
    fn logins() {
        assert!(errors_of(|e| check_login("j.doe@corp", e)).is_empty());
        assert_eq!(errors_of(|e| check_login("", e)), ["error-login-required"]);
        assert_eq!(
            errors_of(|e| check_login("a b", e)),
            ["error-login-invalid"]
        );
        assert_eq!(
            errors_of(|e| check_login(&"x".repeat(65), e)),
            ["error-too-long"]
        );
    }

    #[test]
    fn mails() {
        assert!(errors_of(|e| check_mail("", e)).is_empty());
        assert!(errors_of(|e| check_mail("ada@example.test", e)).is_empty());
        for bad in [
            "ada",
            "@x.test",
            "ada@",
            "a b@x.test",
            "a@b@c",
            "a@.x",
            "ada@exa mple.test",
            "ada,bob@x.test",
        ] {
            assert_eq!(
                errors_of(|e| check_mail(bad, e)),
                ["error-mail-invalid"],
                "{bad}"
            );
        }
    }

    #[test]
    fn passwords() {
        let p = PasswordPolicy::default();
        let check =
            |pw: &str, confirm: &str| errors_of(|e| check_new_password(p, "ada", pw, confirm, e));
        assert!(check("long enough", "long enough").is_empty());
        assert_eq!(check("short", "short"), ["error-password-too-short"]);
        assert_eq!(
            check("long enough", "long enougH"),
            ["error-password-mismatch"]
        );
        let long = "é".repeat(40); // 80 bytes
        assert_eq!(check(&long, &long), ["error-password-too-long"]);
        let longer = PasswordPolicy { min_chars: 12, ..p };
        assert_eq!(
            errors_of(|e| check_new_password(longer, "ada", "eleven char", "eleven char", e)),
            ["error-password-too-short"]
        );
    }

    #[test]
    fn the_passwords_everybody_tries_first_are_refused() {
        for common in [
            "password",
            "Password123!",
            "azertyuiop",
            "motdepasse2026",
            "Passwort1",
            "contraseña",
            "11111111",
            "qwertzuiop",
            "gestdesk2026",
            "ada.lovelace1",
        ] {
            assert!(is_common(common, "ada.lovelace"), "{common}");
        }
        for fine in [
            "correct horse battery",
            "Tr0ub4dor&3x",
            "password manager rocks",
        ] {
            assert!(!is_common(fine, "ada"), "{fine}");
        }
        let off = PasswordPolicy {
            refuse_common: false,
            ..PasswordPolicy::default()
        };
        assert!(
            errors_of(|e| check_new_password(off, "ada", "password", "password", e)).is_empty()
        );
    }
}
