//! Certificates for HTTPS: checking the PEM certificate and key an administrator gives (they
//! parse, the key is the certificate's, the dates hold), reading what a certificate says (its
//! names, dates and SHA-256 fingerprint), and making a self-signed one for this machine's names
//! and addresses.

use std::sync::Arc;

use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::sign::CertifiedKey;

/// The largest PEM text taken (a chain of a few certificates and a key).
pub const MAX_PEM_BYTES: usize = 64 * 1024;
/// How long a self-signed certificate is valid.
pub const SELF_SIGNED_DAYS: i64 = 730;
/// How long before the end of its validity the system page warns.
pub const WARN_DAYS: i64 = 30;

/// Why a certificate and key were refused (each a translation key for the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("no certificate found in the PEM text")]
    NoCertificate,
    #[error("the certificate cannot be read")]
    UnreadableCertificate,
    #[error("no private key found in the PEM text")]
    NoKey,
    #[error("the private key cannot be used")]
    UnusableKey,
    #[error("the private key is not the certificate's")]
    KeyMismatch,
    #[error("the certificate is not valid yet")]
    NotYetValid,
    #[error("the certificate has expired")]
    Expired,
    #[error("the PEM text is too long")]
    TooLong,
    #[error("the certificate could not be made")]
    Generation,
}

impl CertError {
    /// The message's translation key.
    pub fn key(self) -> &'static str {
        match self {
            CertError::NoCertificate => "https-error-no-certificate",
            CertError::UnreadableCertificate => "https-error-unreadable",
            CertError::NoKey => "https-error-no-key",
            CertError::UnusableKey => "https-error-unusable-key",
            CertError::KeyMismatch => "https-error-key-mismatch",
            CertError::NotYetValid => "https-error-not-yet-valid",
            CertError::Expired => "https-error-expired",
            CertError::TooLong => "https-error-too-long",
            CertError::Generation => "https-error-generation",
        }
    }

    /// Whether it is about the key rather than the certificate.
    pub fn is_about_key(self) -> bool {
        matches!(
            self,
            CertError::NoKey | CertError::UnusableKey | CertError::KeyMismatch
        )
    }
}

/// What a certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub subject: String,
    pub issuer: String,
    /// The names and addresses it covers.
    pub names: Vec<String>,
    /// Unix seconds.
    pub not_before: i64,
    pub not_after: i64,
    /// SHA-256 of the certificate, as colon-separated upper-case hex.
    pub fingerprint: String,
    pub self_signed: bool,
}

impl Info {
    /// Whether it ends within [`WARN_DAYS`] of `now` (or has ended).
    pub fn ends_soon(&self, now: i64) -> bool {
        self.not_after - now < WARN_DAYS * 86_400
    }
}

/// A certificate chain with its key, checked and ready to serve.
#[derive(Debug, Clone)]
pub struct Checked {
    pub key: Arc<CertifiedKey>,
    pub info: Info,
}

/// The SHA-256 fingerprint of `der`.
pub fn fingerprint(der: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, der);
    digest
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// Reads what the certificate `der` says.
pub fn info(der: &[u8]) -> Result<Info, CertError> {
    let (_, cert) =
        x509_parser::parse_x509_certificate(der).map_err(|_| CertError::UnreadableCertificate)?;
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for name in &san.value.general_names {
            match name {
                x509_parser::extensions::GeneralName::DNSName(n) => names.push((*n).to_owned()),
                x509_parser::extensions::GeneralName::IPAddress(bytes) => {
                    let ip: Option<std::net::IpAddr> = match bytes.len() {
                        4 => <[u8; 4]>::try_from(*bytes).ok().map(Into::into),
                        16 => <[u8; 16]>::try_from(*bytes).ok().map(Into::into),
                        _ => None,
                    };
                    if let Some(ip) = ip {
                        names.push(ip.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    let subject = cert.subject().to_string();
    let issuer = cert.issuer().to_string();
    Ok(Info {
        self_signed: subject == issuer,
        subject,
        issuer,
        names,
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        fingerprint: fingerprint(der),
    })
}

/// Checks a PEM certificate (the server's first, then its chain) and PEM private key at `now`.
pub fn check(cert_pem: &str, key_pem: &str, now: i64) -> Result<Checked, CertError> {
    if cert_pem.len() > MAX_PEM_BYTES || key_pem.len() > MAX_PEM_BYTES {
        return Err(CertError::TooLong);
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|_| CertError::UnreadableCertificate)?;
    let first = chain.first().ok_or(CertError::NoCertificate)?;
    let info = info(first)?;
    let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).map_err(|e| match e {
        rustls::pki_types::pem::Error::NoItemsFound => CertError::NoKey,
        _ => CertError::UnusableKey,
    })?;
    let signing =
        rustls::crypto::ring::sign::any_supported_type(&key).map_err(|_| CertError::UnusableKey)?;
    let certified = CertifiedKey::new(chain, signing);
    certified.keys_match().map_err(|_| CertError::KeyMismatch)?;
    if now < info.not_before {
        return Err(CertError::NotYetValid);
    }
    if now > info.not_after {
        return Err(CertError::Expired);
    }
    Ok(Checked {
        key: Arc::new(certified),
        info,
    })
}

/// A new self-signed certificate for `names` (host names and addresses), valid from yesterday
/// for [`SELF_SIGNED_DAYS`]: its PEM certificate and PEM key.
pub fn self_signed(names: &[String], common_name: &str) -> Result<(String, String), CertError> {
    let mut params =
        rcgen::CertificateParams::new(names.to_vec()).map_err(|_| CertError::Generation)?;
    // The day `offset` days from today, as a year, month and day.
    let day = |offset: i64| -> Result<(i32, u8, u8), CertError> {
        let date = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_hours(offset * 24))
            .map_err(|_| CertError::Generation)?
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        Ok((
            i32::from(date.year()),
            u8::try_from(date.month()).map_err(|_| CertError::Generation)?,
            u8::try_from(date.day()).map_err(|_| CertError::Generation)?,
        ))
    };
    let (y, m, d) = day(-1)?;
    params.not_before = rcgen::date_time_ymd(y, m, d);
    let (y, m, d) = day(SELF_SIGNED_DAYS)?;
    params.not_after = rcgen::date_time_ymd(y, m, d);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, common_name);
    params
        .distinguished_name
        .push(rcgen::DnType::OrganizationName, "Gestdesk");
    let key = rcgen::KeyPair::generate().map_err(|_| CertError::Generation)?;
    let cert = params
        .self_signed(&key)
        .map_err(|_| CertError::Generation)?;
    Ok((cert.pem(), key.serialize_pem()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_signed_certificate_covers_its_names_and_passes_its_own_check() {
        let names = vec![
            "localhost".to_owned(),
            "helpdesk.lan".to_owned(),
            "192.168.1.20".to_owned(),
        ];
        let (cert, key) = self_signed(&names, "Gestdesk on helpdesk").expect("made");
        let now = jiff::Timestamp::now().as_second();
        let checked = check(&cert, &key, now).expect("checked");
        assert_eq!(checked.info.names, names);
        assert!(checked.info.self_signed);
        assert!(!checked.info.ends_soon(now));
        assert!(checked.info.ends_soon(checked.info.not_after - 86_400));
        assert_eq!(checked.info.fingerprint.len(), 32 * 3 - 1);
        assert_eq!(
            check(&cert, &key, checked.info.not_after + 1).err(),
            Some(CertError::Expired)
        );
        assert_eq!(
            check(&cert, &key, checked.info.not_before - 1).err(),
            Some(CertError::NotYetValid)
        );
    }

    #[test]
    fn a_key_that_is_not_the_certificates_or_missing_text_is_refused() {
        let names = vec!["localhost".to_owned()];
        let (cert, _) = self_signed(&names, "one").expect("made");
        let (_, other_key) = self_signed(&names, "two").expect("made");
        let now = jiff::Timestamp::now().as_second();
        assert_eq!(
            check(&cert, &other_key, now).err(),
            Some(CertError::KeyMismatch)
        );
        assert_eq!(
            check("", &other_key, now).err(),
            Some(CertError::NoCertificate)
        );
        assert_eq!(check(&cert, "", now).err(), Some(CertError::NoKey));
        assert_eq!(
            check(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                &other_key,
                now
            )
            .err(),
            Some(CertError::UnreadableCertificate)
        );
        assert_eq!(
            check(&"x".repeat(MAX_PEM_BYTES + 1), "", now).err(),
            Some(CertError::TooLong)
        );
    }
}
