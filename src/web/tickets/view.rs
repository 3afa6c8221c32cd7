//! The ticket form's fields: each shown as an input, as read-only text, or not at all, as the
//! viewer's access says; a mandatory field carries a star and the server checks it.

use crate::domain::rights::names as right;
use std::collections::HashMap;

use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::tickets::fields::{Access, Field, Mode};
use crate::domain::tickets::options::TicketOptions;
use crate::domain::tickets::values::Values;
use crate::i18n::{Lang, Msg, format_datetime, msg};
use crate::web::paths;
use crate::web::ui::icons;
use crate::web::ui::safe;
use crate::web::visitor::Visitor;

/// What the form shows.
pub struct FormView<'a> {
    pub visitor: &'a Visitor,
    pub access: &'a Access,
    /// What each field holds, as text, by field name.
    pub values: &'a HashMap<String, String>,
    pub options: &'a TicketOptions,
    pub errors: &'a FieldErrors,
    /// The ticket as saved now, to show beside fields someone else changed meanwhile.
    pub current: Option<&'a Values>,
    /// The saved description as HTML, shown when it may not be changed.
    pub description_html: Option<&'a crate::markdown::SafeHtml>,
    /// Where pictures pasted into the description go (see [`md_toolbar`]).
    pub description_paste: Paste<'a>,
}

/// What a text box does with a pasted or dropped picture.
#[derive(Debug, Clone, Copy)]
pub enum Paste<'a> {
    /// Nothing (no right to insert pictures there).
    Nothing,
    /// Sends it to this address, which attaches it to the ticket, and shows it in the text.
    Upload(&'a str),
    /// Adds it to the form's file input (`#id`): the ticket does not exist yet.
    FileInput(&'a str),
}

/// The Markdown toolbar over text box `id`, the same on descriptions and replies; with `paste`,
/// pictures pasted or dropped into the box are attached.
pub fn md_toolbar(lang: Lang, id: &str, paste: Paste<'_>) -> Markup {
    let (upload, files) = match paste {
        Paste::Nothing => (None, None),
        Paste::Upload(url) => (Some(url), None),
        Paste::FileInput(input) => (None, Some(input)),
    };
    html! {
        div.md-toolbar data-md-for=(id) role="toolbar" aria-label=(lang.t("md-toolbar"))
            data-paste-for=[paste_target(paste, id)] data-paste-url=[upload] data-paste-files=[files]
            data-paste-busy=[upload.map(|_| lang.t("md-paste-busy"))]
            data-paste-failed=[upload.map(|_| lang.t("md-paste-failed"))] {
            button type="button" data-md="bold" title=(lang.t("md-bold")) { strong { "B" } }
            button type="button" data-md="italic" title=(lang.t("md-italic")) { em { "I" } }
            button type="button" data-md="list" title=(lang.t("md-list")) { "•" }
            button type="button" data-md="link" title=(lang.t("md-link")) { (icons::icon(icons::LINK)) }
            button type="button" data-md="code" title=(lang.t("md-code")) { code { "</>" } }
            button type="button" data-md="quote" title=(lang.t("md-quote")) { "❝" }
            @if !matches!(paste, Paste::Nothing) {
                span.md-paste-hint.muted { (icons::icon(icons::IMAGE)) " " (lang.t("md-paste-hint")) }
            }
        }
    }
}

fn paste_target<'a>(paste: Paste<'_>, id: &'a str) -> Option<&'a str> {
    (!matches!(paste, Paste::Nothing)).then_some(id)
}

/// The form's text values of `v`.
pub fn texts(v: &Values) -> HashMap<String, String> {
    Field::ALL
        .iter()
        .map(|f| (f.name().to_owned(), v.text(*f)))
        .collect()
}

fn label_key(field: Field) -> &'static str {
    match field {
        Field::Requester => "ticket-field-requester",
        Field::Type => "ticket-field-type",
        Field::AnswerType => "ticket-field-answer-type",
        Field::Technician => "ticket-field-technician",
        Field::Category => "ticket-field-category",
        Field::Subcategory => "ticket-field-subcategory",
        Field::Place => "ticket-field-place",
        Field::Asset => "ticket-field-asset",
        Field::Service => "ticket-field-service",
        Field::Agency => "ticket-field-agency",
        Field::Title => "ticket-field-title",
        Field::Description => "ticket-field-description",
        Field::CreatedAt => "ticket-field-created",
        Field::HopeDate => "ticket-field-hope-date",
        Field::ResolvedAt => "ticket-field-resolved",
        Field::TimeSpent => "ticket-field-time-spent",
        Field::TimeHope => "ticket-field-time-hope",
        Field::Priority => "ticket-field-priority",
        Field::Criticality => "ticket-field-criticality",
        Field::State => "ticket-field-state",
        Field::Billable => "ticket-field-billable",
    }
}

fn choices(field: Field, o: &TicketOptions) -> Vec<(String, String)> {
    match field {
        Field::Requester => o
            .requesters
            .iter()
            .map(|p| (p.value.clone(), p.label.clone()))
            .collect(),
        Field::Technician => o.technicians.clone(),
        Field::Type => o.types.clone(),
        Field::AnswerType => o.answer_types.clone(),
        Field::Category => o.categories.clone(),
        Field::Subcategory => o
            .subcategories
            .iter()
            .map(|s| (s.id.to_string(), s.label.clone()))
            .collect(),
        Field::Place => o.places.clone(),
        Field::Asset => o.assets.clone(),
        Field::Service => o.services.clone(),
        Field::Agency => o.agencies.clone(),
        Field::TimeSpent | Field::TimeHope => o.times.clone(),
        Field::Priority => o.priorities.clone(),
        Field::Criticality => o.criticalities.clone(),
        Field::State => o.states.clone(),
        Field::Billable => o.yes_no.clone(),
        _ => Vec::new(),
    }
}

/// The text shown for a value of a choice field.
fn label_of(field: Field, value: &str, o: &TicketOptions, lang: Lang) -> String {
    if value.is_empty() || (matches!(field, Field::TimeSpent | Field::TimeHope) && value == "0") {
        return lang.t("choice-none");
    }
    choices(field, o)
        .into_iter()
        .find(|(v, _)| v == value)
        .map_or_else(|| value.to_owned(), |(_, l)| l)
}

/// The text of any field for read-only display.
fn display(field: Field, value: &str, o: &TicketOptions, lang: Lang) -> String {
    match field {
        Field::Title | Field::HopeDate => value.to_owned(),
        Field::CreatedAt | Field::ResolvedAt => {
            crate::domain::tickets::values::parse_datetime(value)
                .map(|t| format_datetime(lang, t))
                .unwrap_or_default()
        }
        _ => label_of(field, value, o, lang),
    }
}

fn is_choice(field: Field) -> bool {
    !matches!(
        field,
        Field::Title | Field::Description | Field::CreatedAt | Field::HopeDate | Field::ResolvedAt
    )
}

/// One field.
fn field(view: &FormView<'_>, field: Field) -> Markup {
    let a = view.access.of(field);
    if a.mode == Mode::Hidden {
        return html! {};
    }
    let lang = view.visitor.lang;
    let name = field.name();
    let id = format!("f-{name}");
    let value = view.values.get(name).cloned().unwrap_or_default();
    let error = view.errors.get(name);
    let changed_meanwhile = error.is_some_and(|e| e.key == "error-field-changed-meanwhile");
    let warn_empty = matches!(field, Field::Requester | Field::Technician) && value.is_empty();
    html! {
        div class=(format!("field field-{name}{}", if error.is_some() { " has-error" } else { "" })) {
            label for=(id) {
                @if warn_empty {
                    span.field-warning title=(lang.t("ticket-warning-empty")) aria-hidden="true" { "⚠" }
                }
                (lang.t(label_key(field)))
                @if a.mandatory { span.required aria-hidden="true" { " *" } }
            }
            @if a.mode == Mode::ReadOnly {
                @if field == Field::Description {
                    div.markdown id=(id) {
                        @if let Some(html) = view.description_html { (safe::html(html)) } @else { (safe::markdown(&value)) }
                    }
                } @else {
                    p.read-only id=(id) { (display(field, &value, view.options, lang)) }
                }
            } @else {
                (input(view, field, &id, &value, a.mandatory))
            }
            @if let Some(e) = error {
                p.field-error { (e.render(lang)) }
            }
            @if changed_meanwhile && let Some(current) = view.current {
                p.hint { (lang.t_args("ticket-now-value", &[("value", &display(field, &current.text(field), view.options, lang))])) }
            }
            @if field == Field::Requester { (requester_details(view, &value)) }
        }
    }
}

fn input(view: &FormView<'_>, field: Field, id: &str, value: &str, required: bool) -> Markup {
    let lang = view.visitor.lang;
    let name = field.name();
    let o = view.options;
    match field {
        Field::Title => html! {
            input id=(id) name=(name) type="text" value=(value) maxlength="200" required[required] autocomplete="off" form="ticket-form";
        },
        Field::Description => {
            let editor = html! {
                (md_toolbar(lang, id, view.description_paste))
                textarea id=(id) name=(name) rows="8" required[required] form="ticket-form" { (value) }
                p.hint { (lang.t("md-hint")) }
            };
            match (view.current, view.description_html) {
                // On a ticket, the description reads as the start of the conversation; it
                // opens for editing on demand (or at once when it was changed or refused).
                (Some(current), Some(shown)) => {
                    let open = current.description != value || view.errors.get(name).is_some();
                    html! {
                        div.markdown.description-shown { (safe::html(shown)) }
                        details.description-edit open[open] {
                            summary.button.button-small { (lang.t("ticket-description-edit")) }
                            (editor)
                        }
                    }
                }
                _ => editor,
            }
        }
        Field::CreatedAt | Field::ResolvedAt => html! {
            input id=(id) name=(name) type="datetime-local" value=(value) required[required] form="ticket-form";
        },
        Field::HopeDate => html! {
            input id=(id) name=(name) type="date" value=(value) required[required] form="ticket-form";
        },
        Field::Requester => html! {
            div.with-actions {
                select id=(id) name=(name) required[required] form="ticket-form" data-warn-empty data-requester-info="#requester-info"
                    data-combobox data-combobox-label=(lang.t("ticket-requester-search"))
                    data-combobox-none=(lang.t("ticket-requester-search-none"))
                    data-search-url=[o.requester_search.then_some(paths::USER_CHOICES)] {
                    option value="" { (lang.t("choice-none")) }
                    @for p in o.requesters.iter() {
                        option value=(p.value) selected[p.value == value] data-mail=(p.mail) data-phone=(p.phone) data-detail=(p.detail) { (p.label) }
                    }
                }
                @if view.visitor.has_right(right::TICKET_USER_ACTIONS) {
                    button.button.button-small type="button" data-quick-user=(format!("#{id}")) data-quick-prefix="u"
                        data-quick-url=(paths::QUICK_USER_NEW) data-quick-title=(lang.t("quick-user-title"))
                        title=(lang.t("quick-user-new")) { "+" }
                    button.button.button-small type="button" data-quick-edit=(format!("#{id}"))
                        data-quick-url=(paths::QUICK_USER) data-quick-title=(lang.t("quick-user-edit-title"))
                        title=(lang.t("quick-user-edit")) { "✎" }
                }
            }
        },
        Field::Subcategory => html! {
            div.with-actions {
                select id=(id) name=(name) required[required] form="ticket-form" data-follows="#f-category_id" {
                    option value="" { (lang.t("choice-none")) }
                    @for s in &o.subcategories {
                        @let v = s.id.to_string();
                        option value=(v) data-category=(s.category_id) selected[v == value] { (s.label) }
                    }
                }
                @if view.visitor.has_right(right::TICKET_CAT_ACTIONS) {
                    button.button.button-small type="button" data-quick-subcategory=(format!("#{id}"))
                        data-category-from="#f-category_id" data-quick-url=(paths::QUICK_SUBCATEGORY)
                        data-quick-title=(lang.t("quick-subcategory-title")) title=(lang.t("quick-subcategory-title")) { "+" }
                }
            }
        },
        _ if is_choice(field) => {
            let mut opts = choices(field, o);
            if !value.is_empty() && value != "0" && !opts.iter().any(|(v, _)| v == value) {
                opts.push((value.to_owned(), value.to_owned()));
            }
            let empty = !matches!(field, Field::State | Field::Billable);
            let person = field == Field::Technician;
            // With many assets, the asset field searches the others as one types.
            let asset_search = field == Field::Asset && o.asset_search;
            let combobox = person || asset_search;
            let combobox_label = if person {
                "ticket-technician-search"
            } else {
                "ticket-asset-search"
            };
            html! {
                select id=(id) name=(name) required[required] form="ticket-form"
                    data-warn-empty[person]
                    data-combobox[combobox] data-combobox-label=[combobox.then(|| lang.t(combobox_label))]
                    data-combobox-none=[combobox.then(|| lang.t("ticket-requester-search-none"))]
                    data-search-url=[asset_search.then_some(paths::ASSET_CHOICES)] {
                    @if empty {
                        option value=(if matches!(field, Field::TimeSpent | Field::TimeHope) { "0" } else { "" }) { (lang.t("choice-none")) }
                    }
                    @for (v, l) in &opts {
                        option value=(v) selected[*v == value] data-detail=[person.then(|| o.technician_logins.get(v)).flatten()] { (l) }
                    }
                }
            }
        }
        _ => html! {},
    }
}

/// The requester's mail and phone as links, updated by the page script on change; on a phone
/// screen only for holders of `ticket_user_info_mobile`.
fn requester_details(view: &FormView<'_>, value: &str) -> Markup {
    let lang = view.visitor.lang;
    let person = view.options.requesters.iter().find(|p| p.value == value);
    let (mail, phone) = person.map_or((String::new(), String::new()), |p| {
        (p.mail.clone(), p.phone.clone())
    });
    html! {
        p.requester-info.on-phones[view.visitor.has_right(right::TICKET_USER_INFO_MOBILE)] #requester-info data-mail-label=(lang.t("ticket-requester-mail")) data-phone-label=(lang.t("ticket-requester-phone")) {
            @if !mail.is_empty() {
                a.requester-mail href=(format!("mailto:{mail}")) { (mail) }
            }
            @if !phone.is_empty() {
                " " a.requester-phone href=(format!("tel:{}", phone.replace(' ', ""))) { (phone) }
            }
        }
    }
}

fn group(view: &FormView<'_>, title: &'static str, list: &[Field]) -> Markup {
    let any = list.iter().any(|f| view.access.shown(*f));
    html! {
        @if any {
            fieldset.form-section {
                legend { (view.visitor.lang.t(title)) }
                div.field-grid {
                    @for f in list { (field(view, *f)) }
                }
            }
        }
    }
}

/// The title and the description.
pub fn request_fields(view: &FormView<'_>) -> Markup {
    group(
        view,
        "ticket-section-request",
        &[Field::Title, Field::Description],
    )
}

/// Every field but the title and the description, in groups.
pub fn side_fields(view: &FormView<'_>) -> Markup {
    html! {
        (group(view, "ticket-section-people", &[Field::Requester, Field::Technician, Field::Service, Field::Agency]))
        (group(view, "ticket-section-classification", &[Field::Type, Field::AnswerType, Field::Category, Field::Subcategory, Field::Place, Field::Asset, Field::Priority, Field::Criticality, Field::State]))
        (group(view, "ticket-section-dates", &[Field::CreatedAt, Field::HopeDate, Field::ResolvedAt, Field::TimeSpent, Field::TimeHope, Field::Billable]))
    }
}

/// Every field, in groups (the new-ticket form).
pub fn fields(view: &FormView<'_>) -> Markup {
    html! {
        (group(view, "ticket-section-people", &[Field::Requester, Field::Technician, Field::Service, Field::Agency]))
        (group(view, "ticket-section-classification", &[Field::Type, Field::AnswerType, Field::Category, Field::Subcategory, Field::Place, Field::Asset, Field::Priority, Field::Criticality, Field::State]))
        (request_fields(view))
        (group(view, "ticket-section-dates", &[Field::CreatedAt, Field::HopeDate, Field::ResolvedAt, Field::TimeSpent, Field::TimeHope, Field::Billable]))
    }
}

/// Hidden inputs carrying what the form showed, to detect changes made meanwhile.
pub fn originals(original: &HashMap<String, String>, version: i64) -> Markup {
    html! {
        input type="hidden" name="version" value=(version);
        @for f in Field::ALL {
            input type="hidden" name=(format!("orig.{}", f.name())) value=(original.get(f.name()).cloned().unwrap_or_default());
        }
    }
}

/// A size in KB or MB.
pub fn size_text(lang: Lang, bytes: i64) -> String {
    crate::i18n::format_bytes(lang, u64::try_from(bytes).unwrap_or(0))
}

/// The icon of a file, by type.
pub fn file_icon(content_type: &str) -> Markup {
    let (kind, icon) = if content_type.starts_with("image/") {
        ("image", icons::IMAGE)
    } else {
        ("file", icons::FILE)
    };
    html! { span class={ "file-icon file-icon-" (kind) } { (icons::icon(icon)) } }
}

/// The message for a ticket's state badge.
pub fn state_badge(state_id: i64, options: &TicketOptions) -> String {
    options
        .states
        .iter()
        .find(|(v, _)| *v == state_id.to_string())
        .map_or_else(String::new, |(_, l)| l.clone())
}

/// "#12 · created on ..." line.
pub fn summary(lang: Lang, id: i64, v: &Values) -> Msg {
    msg("ticket-summary")
        .arg("id", id)
        .arg("date", format_datetime(lang, v.created_at))
}
