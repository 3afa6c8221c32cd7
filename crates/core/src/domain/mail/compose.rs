//! What every mail looks like, in the recipient's language: the administrators' start and end
//! texts with their tags filled in and the colours ([`look`]), and the mails that are about no
//! ticket (the connector's test, the forgotten password). Mails about a ticket are written by
//! the tickets capability (`tickets::mails`) with the same look.

use crate::domain::mail::templates::{self, Body, Content, Look};
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;
use crate::i18n::Lang;

fn escape(text: &str) -> String {
    crate::markdown::escape(text)
}

/// Who signs a mail about a ticket (its technician) and the ticket's address, for the tags of
/// the administrators' texts.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub name: String,
    pub phone: String,
    pub link: Option<String>,
}

/// The start and end texts with `[tech_name]`, `[tech_phone]` and `[link]` filled in (values
/// escaped, since the texts are HTML), and the colours.
pub fn look(settings: &Settings, signature: Option<&Signature>, lang: Lang) -> Look {
    let signature = signature.cloned().unwrap_or_default();
    let (name, phone, link) = (signature.name, signature.phone, signature.link);
    let link_html = link
        .as_deref()
        .map(|l| format!("<a href=\"{0}\">{0}</a>", escape(l)))
        .unwrap_or_default();
    let fill = |text: &str| {
        text.replace("[tech_name]", &escape(&name))
            .replace("[tech_phone]", &escape(&phone))
            .replace("[link]", &link_html)
    };
    let custom_end = settings.raw(keys::MAIL_TXT_END);
    let end = if custom_end.trim().is_empty() {
        let mut lines = Vec::new();
        if !name.is_empty() {
            lines.push(escape(
                &crate::i18n::msg("mail-end-technician")
                    .arg("name", &name)
                    .render(lang),
            ));
        }
        if !phone.is_empty() {
            lines.push(escape(
                &crate::i18n::msg("mail-end-phone")
                    .arg("phone", &phone)
                    .render(lang),
            ));
        }
        lines
            .iter()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    } else {
        fill(custom_end)
    };
    Look {
        title_color: settings.raw(keys::MAIL_COLOR_TITLE).to_owned(),
        background: settings.raw(keys::MAIL_COLOR_BG).to_owned(),
        text_color: settings.raw(keys::MAIL_COLOR_TEXT).to_owned(),
        start: fill(settings.raw(keys::MAIL_TXT)),
        end,
        company: settings.company_name().to_owned(),
    }
}

/// The connector's test mail, in `lang`.
pub fn test_body(settings: &Settings, lang: Lang) -> (String, Body) {
    let subject = lang.t("mail-test-subject");
    let content = Content {
        heading: subject.clone(),
        message: Some(lang.t("mail-test-body")),
        facts: Vec::new(),
        description: None,
        thread: None,
        attachments: None,
        link: None,
        lang: lang.code(),
        marker: None,
    };
    let body = templates::render(&content, &look(settings, None, lang));
    (subject, body)
}

/// The forgotten-password mail, in `lang`: the link to choose a new password.
pub fn password_reset_body(
    settings: &Settings,
    lang: Lang,
    url: &str,
    minutes: i64,
) -> (String, Body) {
    let subject = lang.t("reset-mail-subject");
    let content = Content {
        heading: subject.clone(),
        message: Some(lang.t_args("reset-mail-body", &[("minutes", &minutes.to_string())])),
        facts: Vec::new(),
        description: None,
        thread: None,
        attachments: None,
        link: Some((lang.t("reset-mail-link"), url.to_owned())),
        lang: lang.code(),
        marker: None,
    };
    let body = templates::render(&content, &look(settings, None, lang));
    (subject, body)
}

/// The reply to a sender whose mail was refused (no account has their address, and the
/// settings refuse unknown senders), in `lang`.
pub fn refused_body(settings: &Settings, lang: Lang, subject: &str) -> (String, Body) {
    let heading = lang.t("mail-in-refused-title");
    let content = Content {
        heading: heading.clone(),
        message: Some(lang.t("mail-in-refused-body")),
        facts: vec![(lang.t("mail-in-refused-subject"), subject.to_owned())],
        description: None,
        thread: None,
        attachments: None,
        link: None,
        lang: lang.code(),
        marker: None,
    };
    let body = templates::render(&content, &look(settings, None, lang));
    let one_line: String = subject.chars().filter(|c| !c.is_control()).collect();
    (format!("{heading}: {one_line}"), body)
}
