//! The mail settings: the SMTP connector (`smtp.*` keys), which automatic mails go out, and what
//! mails look like (GestSup's `mail_*` names); and the scheduled backups' settings.

use super::keys::{Flag, Number, Text};
use super::registry::{Def, Kind, Section};

pub const SMTP_ENABLED: Flag = Flag::declared("smtp.enabled");
pub const SMTP_HOST: Text = Text::declared("smtp.host");
pub const SMTP_PORT: Number = Number::declared("smtp.port");
pub const SMTP_SECURITY: Text = Text::declared("smtp.security");
pub const SMTP_ACCEPT_INVALID_CERTS: Flag = Flag::declared("smtp.accept_invalid_certs");
pub const SMTP_AUTH: Flag = Flag::declared("smtp.auth");
pub const SMTP_USERNAME: Text = Text::declared("smtp.username");
pub const SMTP_PASSWORD: Text = Text::declared("smtp.password");
pub const SMTP_FROM: Text = Text::declared("smtp.from");
pub const SMTP_FROM_NAME: Text = Text::declared("smtp.from_name");
pub const SMTP_CC: Text = Text::declared("smtp.cc");
/// To the requester when a technician opens or closes a ticket.
pub const MAIL_AUTO: Flag = Flag::declared("mail_auto");
/// To the requester when a technician adds or changes a visible reply.
pub const MAIL_AUTO_USER_MODIFY: Flag = Flag::declared("mail_auto_user_modify");
/// The requester's automatic mails go to the ticket's observers too.
pub const MAIL_OBSERVERS: Flag = Flag::declared("mail_observers");
/// To the technician when the requester changes the ticket or replies.
pub const MAIL_AUTO_TECH_MODIFY: Flag = Flag::declared("mail_auto_tech_modify");
/// To [`MAIL_NEWTICKET_ADDRESS`] when a user opens a ticket.
pub const MAIL_NEWTICKET: Flag = Flag::declared("mail_newticket");
pub const MAIL_NEWTICKET_ADDRESS: Text = Text::declared("mail_newticket_address");
/// Text at the start of every mail (HTML allowed, sanitized; tags `[tech_name]` ...).
pub const MAIL_TXT: Text = Text::declared("mail_txt");
/// Text at the end of every mail; empty gives the technician's name, phone and the link.
pub const MAIL_TXT_END: Text = Text::declared("mail_txt_end");
/// A link to the ticket at the end of mails.
pub const MAIL_LINK: Flag = Flag::declared("mail_link");
/// Newest replies first in mails.
pub const MAIL_ORDER: Flag = Flag::declared("mail_order");
pub const MAIL_COLOR_TITLE: Text = Text::declared("mail_color_title");
pub const MAIL_COLOR_BG: Text = Text::declared("mail_color_bg");
pub const MAIL_COLOR_TEXT: Text = Text::declared("mail_color_text");

/// What becomes of a mail from an address no account has: `create` (an account is made for
/// it) or `refuse` (a reply says so).
pub const MAIL_IN_UNKNOWN_SENDER: Text = Text::declared("mail_in.unknown_sender");
pub const UNKNOWN_SENDER_CREATE: &str = "create";
pub const UNKNOWN_SENDER_REFUSE: &str = "refuse";
/// A ticket opened by mail is acknowledged to its requester.
pub const MAIL_IN_ACKNOWLEDGE: Flag = Flag::declared("mail_in.acknowledge");

/// Daily backups on or off.
pub const BACKUP_AUTO: Flag = Flag::declared("backup_auto");
/// The hour (server time, 0–23) of the daily backup.
pub const BACKUP_HOUR: Number = Number::declared("backup_hour");
/// How many backup archives are kept.
pub const BACKUP_KEEP: Number = Number::declared("backup_keep");

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
        "smtp.enabled",
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-enabled",
        "setting-smtp-enabled-help",
    ),
    def(
        "smtp.host",
        Kind::Host,
        "",
        Section::Smtp,
        "setting-smtp-host",
        "setting-smtp-host-help",
    ),
    def(
        "smtp.port",
        Kind::Number { min: 1, max: 65535 },
        "587",
        Section::Smtp,
        "setting-smtp-port",
        "setting-smtp-port-help",
    ),
    def(
        "smtp.security",
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
        "smtp.accept_invalid_certs",
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-accept-invalid-certs",
        "setting-smtp-accept-invalid-certs-help",
    ),
    def(
        "smtp.auth",
        Kind::Flag,
        "0",
        Section::Smtp,
        "setting-smtp-auth",
        "setting-smtp-auth-help",
    ),
    def(
        "smtp.username",
        Kind::Text { max: 200 },
        "",
        Section::Smtp,
        "setting-smtp-username",
        "setting-smtp-username-help",
    ),
    def(
        "smtp.password",
        Kind::Secret { max: 200 },
        "",
        Section::Smtp,
        "setting-smtp-password",
        "setting-smtp-password-help",
    ),
    def(
        "smtp.from",
        Kind::Email,
        "",
        Section::Smtp,
        "setting-smtp-from",
        "setting-smtp-from-help",
    ),
    def(
        "smtp.from_name",
        Kind::Text { max: 100 },
        "",
        Section::Smtp,
        "setting-smtp-from-name",
        "setting-smtp-from-name-help",
    ),
    def(
        "smtp.cc",
        Kind::Email,
        "",
        Section::Smtp,
        "setting-smtp-cc",
        "setting-smtp-cc-help",
    ),
    def(
        "mail_auto",
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto",
        "setting-mail-auto-help",
    ),
    def(
        "mail_auto_user_modify",
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto-user-modify",
        "setting-mail-auto-user-modify-help",
    ),
    def(
        "mail_observers",
        Kind::Flag,
        "1",
        Section::MailAuto,
        "setting-mail-observers",
        "setting-mail-observers-help",
    ),
    def(
        "mail_auto_tech_modify",
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-auto-tech-modify",
        "setting-mail-auto-tech-modify-help",
    ),
    def(
        "mail_newticket",
        Kind::Flag,
        "0",
        Section::MailAuto,
        "setting-mail-newticket",
        "setting-mail-newticket-help",
    ),
    def(
        "mail_newticket_address",
        Kind::Email,
        "",
        Section::MailAuto,
        "setting-mail-newticket-address",
        "setting-mail-newticket-address-help",
    ),
    def(
        "mail_in.unknown_sender",
        Kind::Choice(&[
            (UNKNOWN_SENDER_CREATE, "setting-mail-in-unknown-create"),
            (UNKNOWN_SENDER_REFUSE, "setting-mail-in-unknown-refuse"),
        ]),
        UNKNOWN_SENDER_CREATE,
        Section::MailIn,
        "setting-mail-in-unknown-sender",
        "setting-mail-in-unknown-sender-help",
    ),
    def(
        "mail_in.acknowledge",
        Kind::Flag,
        "1",
        Section::MailIn,
        "setting-mail-in-acknowledge",
        "setting-mail-in-acknowledge-help",
    ),
    def(
        "mail_txt",
        Kind::Html { max: 4000 },
        "",
        Section::MailContent,
        "setting-mail-txt",
        "setting-mail-txt-help",
    ),
    def(
        "mail_txt_end",
        Kind::Html { max: 4000 },
        "",
        Section::MailContent,
        "setting-mail-txt-end",
        "setting-mail-txt-end-help",
    ),
    def(
        "mail_link",
        Kind::Flag,
        "1",
        Section::MailContent,
        "setting-mail-link",
        "setting-mail-link-help",
    ),
    def(
        "mail_order",
        Kind::Flag,
        "0",
        Section::MailContent,
        "setting-mail-order",
        "setting-mail-order-help",
    ),
    def(
        "mail_color_title",
        Kind::Color,
        "#1f5f99",
        Section::MailContent,
        "setting-mail-color-title",
        "setting-mail-color-title-help",
    ),
    def(
        "mail_color_bg",
        Kind::Color,
        "#f4f6f8",
        Section::MailContent,
        "setting-mail-color-bg",
        "setting-mail-color-bg-help",
    ),
    def(
        "mail_color_text",
        Kind::Color,
        "#1d2329",
        Section::MailContent,
        "setting-mail-color-text",
        "setting-mail-color-text-help",
    ),
    def(
        "backup_auto",
        Kind::Flag,
        "1",
        Section::Backups,
        "setting-backup-auto",
        "setting-backup-auto-help",
    ),
    def(
        "backup_hour",
        Kind::Number { min: 0, max: 23 },
        "2",
        Section::Backups,
        "setting-backup-hour",
        "setting-backup-hour-help",
    ),
    def(
        "backup_keep",
        Kind::Number { min: 1, max: 365 },
        "7",
        Section::Backups,
        "setting-backup-keep",
        "setting-backup-keep-help",
    ),
];
