//! Where the settings meet the mail adapter: the SMTP connector's plain configuration read from
//! the domain's settings, so that the adapter itself never reads them.

use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;
use crate::mail::smtp::{Security, SmtpConfig};

/// The SMTP connector's configuration, read from the settings.
pub fn smtp_config(s: &Settings) -> SmtpConfig {
    let security = match s.raw(keys::SMTP_SECURITY) {
        keys::SECURITY_NONE => Security::None,
        keys::SECURITY_TLS => Security::Tls,
        _ => Security::StartTls,
    };
    let fallback_name = if s.company_name().is_empty() {
        "Gestdesk".to_owned()
    } else {
        s.company_name().to_owned()
    };
    let from_name = s.raw(keys::SMTP_FROM_NAME);
    SmtpConfig {
        enabled: s.flag(keys::SMTP_ENABLED),
        host: s.raw(keys::SMTP_HOST).to_owned(),
        port: u16::try_from(s.number(keys::SMTP_PORT)).unwrap_or(25),
        security,
        accept_invalid_certs: s.flag(keys::SMTP_ACCEPT_INVALID_CERTS),
        auth: s.flag(keys::SMTP_AUTH).then(|| {
            (
                s.raw(keys::SMTP_USERNAME).to_owned(),
                s.raw(keys::SMTP_PASSWORD).to_owned(),
            )
        }),
        from: s.raw(keys::SMTP_FROM).to_owned(),
        from_name: if from_name.is_empty() {
            fallback_name
        } else {
            from_name.to_owned()
        },
        cc: s.raw(keys::SMTP_CC).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::mail::address;

    #[test]
    fn the_addresses_the_forms_accept_are_the_ones_the_sender_accepts() {
        for good in [
            "ana@example.com",
            "ana.b+tag@example.com",
            "ana@[192.0.2.1]",
            "ana@société.example",
        ] {
            assert!(address::check(good).is_ok(), "{good:?}");
            assert!(good.parse::<lettre::Address>().is_ok(), "{good:?}");
        }
        for bad in [
            "ana",
            "ana@",
            "@example.com",
            "ana@exa mple.com",
            "a\"b@example.com",
        ] {
            assert!(address::check(bad).is_err(), "{bad:?}");
        }
    }
}
