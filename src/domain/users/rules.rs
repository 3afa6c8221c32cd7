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

/// Checks a new password and its confirmation.
pub fn check_new_password(password: &str, confirm: &str, errors: &mut FieldErrors) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        errors.add(
            "password",
            msg("error-password-too-short").arg("min", MIN_PASSWORD_CHARS),
        );
    } else if password.len() > MAX_PASSWORD_BYTES {
        errors.add(
            "password",
            msg("error-password-too-long").arg("max", MAX_PASSWORD_BYTES),
        );
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
        assert!(errors_of(|e| check_new_password("long enough", "long enough", e)).is_empty());
        assert_eq!(
            errors_of(|e| check_new_password("short", "short", e)),
            ["error-password-too-short"]
        );
        assert_eq!(
            errors_of(|e| check_new_password("long enough", "long enougH", e)),
            ["error-password-mismatch"]
        );
        let long = "é".repeat(40); // 80 bytes
        assert_eq!(
            errors_of(|e| check_new_password(&long, &long, e)),
            ["error-password-too-long"]
        );
    }
}
