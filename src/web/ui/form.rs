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

    /// Required when `yes`.
    #[must_use]
    pub fn required_if(mut self, yes: bool) -> Self {
        self.required = yes;
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

/// A multi-line text field with its label and error.
pub fn textarea(
    lang: Lang,
    name: &'static str,
    label: &Msg,
    value: &str,
    rows: u8,
    errors: &FieldErrors,
) -> Markup {
    let id = format!("f-{name}");
    let error = errors.get(name);
    let error_id = format!("{id}-error");
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label.render(lang)) }
            textarea id=(id) name=(name) rows=(rows)
                aria-invalid=[error.map(|_| "true")]
                aria-describedby=[error.map(|_| error_id.as_str())] { (value) }
            @if let Some(e) = error {
                p.field-error id=(error_id) { (e.render(lang)) }
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

/// A choice list (single or multiple).
pub struct Select<'a> {
    pub name: &'static str,
    pub label: Msg,
    /// `(value, label)` pairs.
    pub options: &'a [(String, String)],
    /// The selected values.
    pub selected: &'a [String],
    pub multiple: bool,
    pub required: bool,
    /// The label of an empty first option, if the field may be left empty.
    pub empty: Option<Msg>,
}

impl<'a> Select<'a> {
    /// A single choice.
    pub fn one(
        name: &'static str,
        label: Msg,
        options: &'a [(String, String)],
        selected: &'a [String],
    ) -> Self {
        Self {
            name,
            label,
            options,
            selected,
            multiple: false,
            required: false,
            empty: None,
        }
    }

    /// Several choices.
    #[must_use]
    pub fn multiple(mut self) -> Self {
        self.multiple = true;
        self
    }

    /// An empty first option with this label.
    #[must_use]
    pub fn empty(mut self, label: Msg) -> Self {
        self.empty = Some(label);
        self
    }

    #[must_use]
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Renders the label, the list and its error. A selected value missing from the options
    /// (an entry retired since) is kept as an option so that saving does not lose it.
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
                select id=(id) name=(self.name) multiple[self.multiple] required[self.required]
                    size=[self.multiple.then_some(self.options.len().clamp(3, 8))]
                    aria-invalid=[error.map(|_| "true")]
                    aria-describedby=[error.map(|_| error_id.as_str())] {
                    @if let Some(empty) = &self.empty {
                        option value="" { (empty.render(lang)) }
                    }
                    @for (value, label) in self.options {
                        option value=(value) selected[self.selected.contains(value)] { (label) }
                    }
                }
                @if let Some(e) = error {
                    p.field-error id=(error_id) { (e.render(lang)) }
                }
            }
        }
    }
}

/// A checkbox with its label.
pub fn checkbox(
    lang: Lang,
    name: &'static str,
    label: &Msg,
    checked: bool,
    help: Option<&Msg>,
) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.field.field-check {
            input type="checkbox" id=(id) name=(name) value="1" checked[checked];
            label for=(id) { (label.render(lang)) }
            @if let Some(h) = help {
                p.hint { (h.render(lang)) }
            }
        }
    }
}

/// A button that posts a small form (delete, disable...), with an optional confirmation.
pub fn action_button(
    visitor: &Visitor,
    action: &str,
    label: &str,
    class: &str,
    confirm: Option<&str>,
) -> Markup {
    action_button_with(visitor, action, &[], label, class, confirm)
}

/// [`action_button`] sending `fields` (name, value) along.
pub fn action_button_with(
    visitor: &Visitor,
    action: &str,
    fields: &[(&str, &str)],
    label: &str,
    class: &str,
    confirm: Option<&str>,
) -> Markup {
    html! {
        form.inline-form method="post" action=(action) data-confirm=[confirm] {
            (csrf_field(visitor))
            @for (name, value) in fields {
                input type="hidden" name=(name) value=(value);
            }
            button class=(format!("button button-small {class}").trim_end()) type="submit" { (label) }
        }
    }
}
