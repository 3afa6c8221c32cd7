//! The account form's fields, shared by Administration > Users, the own profile page, the quick
//! dialog and self-registration. Which fields appear follows the same [`FieldPolicy`] that the
//! domain uses to read them back.

use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::domain::profiles::Profile;
use crate::domain::users::options::UserFormOptions;
use crate::domain::users::preferences::{self, META_STATE};
use crate::domain::users::record::{FieldPolicy, UserInput};
use crate::i18n::{Lang, msg};

use super::ui::form::{Input, Select, checkbox};

/// What the form shows.
pub struct UserFormView<'a> {
    pub values: &'a UserInput,
    pub policy: FieldPolicy,
    pub options: &'a UserFormOptions,
    pub errors: &'a FieldErrors,
    /// A new account: the password is required.
    pub creating: bool,
}

fn one(v: String) -> Vec<String> {
    vec![v]
}

/// The fields, grouped in fieldsets.
pub fn fields(lang: Lang, view: &UserFormView<'_>) -> Markup {
    let p = view.policy;
    let v = view.values;
    let e = view.errors;
    let text = |name: &'static str, label: &'static str| {
        Input::text(name, msg(label), &v.text(name)).render(lang, e)
    };
    html! {
        @if p.login || p.contact || p.password {
            fieldset.form-section {
                legend { (lang.t("user-section-identity")) }
                @if p.contact {
                    div.row {
                        (Input::text("firstname", msg("user-field-firstname"), &v.text("firstname"))
                            .autocomplete("given-name").render(lang, e))
                        (Input::text("lastname", msg("user-field-lastname"), &v.text("lastname"))
                            .required().autocomplete("family-name").render(lang, e))
                    }
                }
                @if p.login {
                    (Input::text("login", msg("user-field-login"), &v.text("login"))
                        .required().autocomplete("off").render(lang, e))
                }
                @if p.contact {
                    div.row {
                        (Input::text("mail", msg("user-field-mail"), &v.text("mail")).kind("email")
                            .autocomplete("email").required_if(p.mail_required).render(lang, e))
                        (Input::text("phone", msg("user-field-phone"), &v.text("phone"))
                            .kind("tel").autocomplete("tel").render(lang, e))
                    }
                }
                @if p.password {
                    div.row {
                        (Input::password("password", msg("user-field-password"), "new-password")
                            .required_if(view.creating && !p.password_optional).render(lang, e))
                        (Input::password("password_confirm", msg("user-field-password-confirm"), "new-password")
                            .required_if(view.creating && !p.password_optional).render(lang, e))
                    }
                    p.hint {
                        @if view.creating && p.password_optional {
                            (lang.t("user-password-optional"))
                        } @else if view.creating {
                            (lang.t_args("password-hint", &[("min", &view.options.password_min_chars.to_string())]))
                        } @else {
                            (lang.t("user-password-keep"))
                        }
                    }
                }
            }
        }
        @if p.advanced || p.company {
            fieldset.form-section {
                legend { (lang.t("user-section-details")) }
                @if p.company {
                    (Select::one("company", msg("user-field-company"), &view.options.companies, &one(v.text("company")))
                        .empty(msg("choice-none")).render(lang, e))
                }
                @if p.advanced {
                    div.row {
                        (Input::text("mobile", msg("user-field-mobile"), &v.text("mobile")).kind("tel").render(lang, e))
                        (Input::text("fax", msg("user-field-fax"), &v.text("fax")).kind("tel").render(lang, e))
                    }
                    (text("function", "user-field-function"))
                    (text("address1", "user-field-address1"))
                    (text("address2", "user-field-address2"))
                    div.row {
                        (text("zip", "user-field-zip"))
                        (text("city", "user-field-city"))
                    }
                    div.row {
                        (text("custom1", "user-field-custom1"))
                        (text("custom2", "user-field-custom2"))
                    }
                }
            }
        }
        @if p.services || p.agencies || p.profile || p.must_change_password {
            fieldset.form-section {
                legend { (lang.t("user-section-organisation")) }
                @if p.services {
                    (Select::one("services", msg("user-field-services"), &view.options.services, &v.all("services"))
                        .multiple().render(lang, e))
                }
                @if p.agencies {
                    (Select::one("agencies", msg("user-field-agencies"), &view.options.agencies, &v.all("agencies"))
                        .multiple().render(lang, e))
                }
                @if p.profile {
                    @let profiles: Vec<(String, String)> = Profile::ALL.iter()
                        .map(|p| (p.id().to_string(), p.name().render(lang))).collect();
                    (Select::one("profile", msg("user-field-profile"), &profiles, &one(v.text("profile")))
                        .required().render(lang, e))
                }
                @if p.must_change_password {
                    (checkbox(lang, "must_change_password", &msg("user-field-must-change"),
                        v.checked("must_change_password"), None))
                }
            }
        }
        @if p.preferences {
            (preference_fields(lang, view))
        }
        @if p.limits {
            fieldset.form-section {
                legend { (lang.t("user-section-limits")) }
                div.row {
                    (Input::text("limit_ticket_number", msg("user-field-limit-number"), &v.text("limit_ticket_number"))
                        .kind("number").render(lang, e))
                    (Input::text("limit_ticket_days", msg("user-field-limit-days"), &v.text("limit_ticket_days"))
                        .kind("number").render(lang, e))
                    (Input::text("limit_ticket_date_start", msg("user-field-limit-start"), &v.text("limit_ticket_date_start"))
                        .kind("date").render(lang, e))
                }
                p.hint { (lang.t("user-limit-hint")) }
            }
        }
    }
}

fn preference_fields(lang: Lang, view: &UserFormView<'_>) -> Markup {
    let v = view.values;
    let e = view.errors;
    let mut languages = vec![(String::new(), lang.t("profile-language-browser"))];
    languages.extend(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), l.t("language-name"))),
    );
    let mut themes = vec![(String::new(), lang.t("choice-default"))];
    themes.extend(
        preferences::THEMES
            .iter()
            .map(|(c, k)| ((*c).to_owned(), lang.t(k))),
    );
    // Any view of the menu: the user's own tickets or all tickets, by state.
    let mut states = vec![(String::new(), lang.t("choice-default"))];
    for (scope, title) in [("", "menu-your-tickets"), ("all|", "menu-all-tickets")] {
        let title = lang.t(title);
        states.push((
            format!("{scope}{META_STATE}"),
            format!("{title} · {}", lang.t("state-meta")),
        ));
        states.push((
            format!("{scope}all"),
            format!("{title} · {}", lang.t("state-all")),
        ));
        states.extend(
            view.options
                .states
                .iter()
                .map(|(v, l)| (format!("{scope}{v}"), format!("{title} · {l}"))),
        );
    }
    let mut orders = vec![(String::new(), lang.t("choice-default"))];
    orders.extend(
        preferences::TICKET_ORDERS
            .iter()
            .map(|(c, k)| ((*c).to_owned(), lang.t(k))),
    );
    html! {
        fieldset.form-section {
            legend { (lang.t("user-section-preferences")) }
            div.row {
                (Select::one("language", msg("user-field-language"), &languages, &one(v.text("language"))).render(lang, e))
                (Select::one("theme", msg("user-field-theme"), &themes, &one(v.text("theme"))).render(lang, e))
            }
            div.row {
                (Select::one("default_ticket_state", msg("user-field-default-state"), &states, &one(v.text("default_ticket_state"))).render(lang, e))
                (Select::one("ticket_order", msg("user-field-order"), &orders, &one(v.text("ticket_order"))).render(lang, e))
            }
        }
    }
}
