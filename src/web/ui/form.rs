//! Form components: labelled fields that show their error and keep what the user typed.

use maud::{Markup, html};

use crate::domain::FieldErrors;
use crate::i18n::{Lang, Msg};
use crate::web::csrf;
use crate::web::visitor::Visitor;

/// The hidden CSRF field every form carries.
pub fn csrf_field(visitor: &Visitor) -> Markup {
    html! { input type="hidden" name=(csrf::FIELD) value=(visitor.csrf); }
}

/// A text-like input.
pub struct Input<'a> {
    pub name: &'static str,
    pub label: Msg,
    pub value: &'a str,
    /// `text`, `password`, `email`, ...
    pub kind: &'static str,
    pub required: bool,
    pub autocomplete: &'static str,
    pub autofocus: bool,
}

impl<'a> Input<'a> {
    /// A text input.
    pub fn text(name: &'static str, label: Msg, value: &'a str) -> Self {
        Self {
            name,
            label,
            value,
            kind: "text",
            required: false,
            autocomplete: "off",
            autofocus: false,
        }
    }

    /// A password input (its value is never re-shown).
    pub fn password(name: &'static str, label: Msg, autocomplete: &'static str) -> Self {
        Self {
            kind: "password",
            autocomplete,
            ..Self::text(name, label, "")
        }
    }

    #[must_use]
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    #[must_use]
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    #[must_use]
    pub fn autocomplete(mut self, value: &'static str) -> Self {
        self.autocomplete = value;
        self
    }

    #[must_use]
    pub fn autofocus(mut self) -> Self {
        self.autofocus = true;
        self
    }

    /// Renders the label, the input and its error, if any.
    pub fn render(&self, lang: Lang, errors: &FieldErrors) -> Markup {
        let id = format!("f-{}", self.name);
        let error = errors.get(self.name);
        let error_id = format!("{id}-error");
        html! {
            div.field.has-error[error.is_some()] {
                label for=(id) {
                    (self.label.render(lang))
                    @if self.required { span.required aria-hidden="true" { " *" } }
                }
                input id=(id) name=(self.name) type=(self.kind) value=(self.value)
                    autocomplete=(self.autocomplete) required[self.required]
                    autofocus[self.autofocus]
                    aria-invalid=[error.map(|_| "true")]
                    aria-describedby=[error.map(|_| error_id.as_str())];
                @if let Some(e) = error {
                    p.field-error id=(error_id) { (e.render(lang)) }
                }
            }
        }
    }
}

/// A banner listing a form-wide error.
pub fn form_error(lang: Lang, message: Option<&Msg>) -> Markup {
    html! {
        @if let Some(m) = message {
            div.alert.alert-error role="alert" { (m.render(lang)) }
        }
    }
}
