//! The mail settings: the SMTP connector (`smtp.*` keys), which automatic mails go out, and what
//! mails look like (GestSup's `mail_*` names); and the scheduled backups' settings.

use super::registry::{Def, Kind, Section};

pub const SMTP_ENABLED: &str = "smtp.enabled";
pub const SMTP_HOST: &str = "smtp.host";
pub const SMTP_PORT: &str = "smtp.port";
pub const SMTP_SECURITY: &str = "smtp.security";
pub const SMTP_ACCEPT_INVALID_CERTS: &str = "smtp.accept_invalid_certs";
pub const SMTP_AUTH: &str = "smtp.auth";
pub const SMTP_USERNAME: &str = "smtp.username";
pub const SMTP_PASSWORD: &str = "smtp.password";
pub const SMTP_FROM: &str = "smtp.from";
pub const SMTP_FROM_NAME: &str = "smtp.from_name";
pub const SMTP_CC: &str = "smtp.cc";
/// To the requester when a technician opens or closes a ticket.
pub const MAIL_AUTO: &str = "mail_auto";
/// To the requester when a technician adds or changes a visible reply.
pub const MAIL_AUTO_USER_MODIFY: &str = "mail_auto_user_modify";
/// To the technician when the requester changes the ticket or replies.
pub const MAIL_AUTO_TECH_MODIFY: &str = "mail_auto_tech_modify";
/// To [`MAIL_NEWTICKET_ADDRESS`] when a user opens a ticket.
pub const MAIL_NEWTICKET: &str = "mail_newticket";
pub const MAIL_NEWTICKET_ADDRESS: &str = "mail_newticket_address";
/// Text at the start of every mail (HTML allowed, sanitized; tags `[tech_name]` ...).
pub const MAIL_TXT: &str = "mail_txt";
/// Text at the end of every mail; empty gives the technician's name, phone and the link.
pub const MAIL_TXT_END: &str = "mail_txt_end";
/// A link to the ticket at the end of mails.
pub const MAIL_LINK: &str = "mail_link";
/// Newest replies first in mails.
pub const MAIL_ORDER: &str = "mail_order";
pub const MAIL_COLOR_TITLE: &str = "mail_color_title";
pub const MAIL_COLOR_BG: &str = "mail_color_bg";
pub const MAIL_COLOR_TEXT: &str = "mail_color_text";

/// Daily backups on or off.
pub const BACKUP_AUTO: &str = "backup_auto";
/// The hour (server time, 0–23) of the daily backup.
pub const BACKUP_HOUR: &str = "backup_hour";
/// How many backup archives are kept.
pub const BACKUP_KEEP: &str = "backup_keep";

/// Values of [`SMTP_SECURITY`].
pub const SECURITY_NONE: &str = "none";
pub const SECURITY_STARTTLS: &str = "starttls";
pub const SECURITY_TLS: &str = "tls";

const fn def(
    key: &'static str,
    kind: Kind,
    default: &'static str,
    section: Section,
    label: &'static str,
    help: &'static str,
) -> Def {
    Def {
        key,
        kind,
        default,
        section,
        label,
        help,
    }
}

/// Every mail setting, in page order.
pub const DEFS: &[Def] = &[
    def(
        SMTP_ENABLED,
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-enabled",
        "setting-smtp-enabled-help",
    ),
    def(
        SMTP_HOST,
        Kind::Host,
        "",
        Section::Smtp,
        "setting-smtp-host",
        "setting-smtp-host-help",
    ),
    def(
        SMTP_PORT,
        Kind::Number { min: 1, max: 65535 },
        "587",
        Section::Smtp,
        "setting-smtp-port",
        "setting-smtp-port-help",
    ),
    def(
        SMTP_SECURITY,
        Kind::Choice(&[
            (SECURITY_NONE, "setting-smtp-security-none"),
            (SECURITY_STARTTLS, "setting-smtp-security-starttls"),
            (SECURITY_TLS, "setting-smtp-security-tls"),
        ]),
        SECURITY_STARTTLS,
        Section::Smtp,
        "setting-smtp-security",
        "setting-smtp-security-help",
    ),
    def(
        SMTP_ACCEPT_INVALID_CERTS,
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-accept-invalid-certs",
        "setting-smtp-accept-invalid-certs-help",
    ),
    def(
        SMTP_AUTH,
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-auth",
        "setting-smtp-auth-help",
    ),
    def(
        SMTP_USERNAME,
        Kind::Text { max: 200 },
        "",
        Section::Smtp,
        "setting-smtp-username",
        "setting-smtp-username-help",
    ),
    def(
        SMTP_PASSWORD,
        Kind::Secret { max: 200 },
        "",
        Section::Smtp,
        "setting-smtp-password",
        "setting-smtp-password-help",
    ),
    def(
        SMTP_FROM,
        Kind::Email,
        "",
        Section::Smtp,
        "setting-smtp-from",
        "setting-smtp-from-help",
    ),
    def(
        SMTP_FROM_NAME,
        Kind::Text { max: 100 },
        "",
        Section::Smtp,
        "setting-smtp-from-name",
        "setting-smtp-from-name-help",
    ),
    def(
        SMTP_CC,
        Kind::Email,
        "",
        Section::Smtp,
        "setting-smtp-cc",
        "setting-smtp-cc-help",
    ),
    def(
        MAIL_AUTO,
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto",
        "setting-mail-auto-help",
    ),
    def(
        MAIL_AUTO_USER_MODIFY,
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto-user-modify",
        "setting-mail-auto-user-modify-help",
    ),
    def(
        MAIL_AUTO_TECH_MODIFY,
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto-tech-modify",
        "setting-mail-auto-tech-modify-help",
    ),
    def(
        MAIL_NEWTICKET,
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-newticket",
        "setting-mail-newticket-help",
    ),
    def(
        MAIL_NEWTICKET_ADDRESS,
        Kind::Email,
        "",
        Section::MailAuto,
        "setting-mail-newticket-address",
        "setting-mail-newticket-address-help",
    ),
    def(
        MAIL_TXT,
        Kind::Html { max: 4000 },
        "",
        Section::MailContent,
        "setting-mail-txt",
        "setting-mail-txt-help",
    ),
    def(
        MAIL_TXT_END,
        Kind::Html { max: 4000 },
        "",
        Section::MailContent,
        "setting-mail-txt-end",
        "setting-mail-txt-end-help",
    ),
    def(
        MAIL_LINK,
        Kind::Flag,
        "1",
        Section::MailContent,
        "setting-mail-link",
        "setting-mail-link-help",
    ),
    def(
        MAIL_ORDER,
        Kind::Flag,
        "0",
        Section::MailContent,
        "setting-mail-order",
        "setting-mail-order-help",
    ),
    def(
        MAIL_COLOR_TITLE,
        Kind::Color,
        "#1f5f99",
        Section::MailContent,
        "setting-mail-color-title",
        "setting-mail-color-title-help",
    ),
    def(
        MAIL_COLOR_BG,
        Kind::Color,
        "#f4f6f8",
        Section::MailContent,
        "setting-mail-color-bg",
        "setting-mail-color-bg-help",
    ),
    def(
        MAIL_COLOR_TEXT,
        Kind::Color,
        "#1d2329",
        Section::MailContent,
        "setting-mail-color-text",
        "setting-mail-color-text-help",
    ),
    def(
        BACKUP_AUTO,
        Kind::Flag,
        "1",
        Section::Backups,
        "setting-backup-auto",
        "setting-backup-auto-help",
    ),
    def(
        BACKUP_HOUR,
        Kind::Number { min: 0, max: 23 },
        "2",
        Section::Backups,
        "setting-backup-hour",
        "setting-backup-hour-help",
    ),
    def(
        BACKUP_KEEP,
        Kind::Number { min: 1, max: 365 },
        "7",
        Section::Backups,
        "setting-backup-keep",
        "setting-backup-keep-help",
    ),
];
