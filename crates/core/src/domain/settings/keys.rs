//! Setting keys typed by what their value is: a [`Flag`] is read as yes or no, a [`Number`] as
//! a number, a [`Text`] as text. Each constant is checked against the declarations while the
//! program is compiled: a key that is not declared, or declared with another kind, does not
//! compile. Keys that arrive as text (a form, the command line) go through [`super::registry::find`]
//! and are refused when unknown.
//!
//! ```compile_fail
//! use gestdesk_core::domain::settings::Flag;
//! // "rows_per_page" is a number: reading it as yes/no does not compile.
//! const ROWS: Flag = Flag::declared("rows_per_page");
//! let _ = ROWS;
//! ```
//!
//! ```compile_fail
//! use gestdesk_core::domain::settings::Text;
//! // Nothing is declared under this name.
//! const NOPE: Text = Text::declared("no_such_setting");
//! let _ = NOPE;
//! ```
//!
//! ```
//! use gestdesk_core::domain::settings::{Flag, Number};
//! const ROWS: Number = Number::declared("rows_per_page");
//! const AGENCY: Flag = Flag::declared("user_agency");
//! assert_eq!((ROWS.name(), AGENCY.name()), ("rows_per_page", "user_agency"));
//! ```

use super::registry::{Def, Kind};

/// A yes/no setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Flag(&'static str);

/// A whole-number setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number(&'static str);

/// Any other setting (text, choice, address, colour, secret ...), read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(&'static str);

/// A typed setting key.
pub trait Key: Copy {
    /// The key as stored.
    fn name(self) -> &'static str;
}

impl Key for Flag {
    fn name(self) -> &'static str {
        self.0
    }
}

impl Flag {
    /// The key as stored.
    pub const fn name(self) -> &'static str {
        self.0
    }
}

impl Key for Number {
    fn name(self) -> &'static str {
        self.0
    }
}

impl Number {
    /// The key as stored.
    pub const fn name(self) -> &'static str {
        self.0
    }
}

impl Key for Text {
    fn name(self) -> &'static str {
        self.0
    }
}

impl Text {
    /// The key as stored.
    pub const fn name(self) -> &'static str {
        self.0
    }
}

/// The shapes a declaration can have, as keys read them.
#[derive(Clone, Copy)]
enum Shape {
    Flag,
    Number,
    Text,
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn shape_of(kind: Kind) -> Shape {
    match kind {
        Kind::Flag => Shape::Flag,
        Kind::Number { .. } => Shape::Number,
        _ => Shape::Text,
    }
}

/// Whether `key` is declared in `defs` with `shape`.
const fn declared_in(defs: &[Def], key: &str, shape: Shape) -> bool {
    let mut i = 0;
    while i < defs.len() {
        if same(defs[i].key, key) {
            return matches!(
                (shape_of(defs[i].kind), shape),
                (Shape::Flag, Shape::Flag)
                    | (Shape::Number, Shape::Number)
                    | (Shape::Text, Shape::Text)
            );
        }
        i += 1;
    }
    false
}

const fn declared(key: &str, shape: Shape) -> bool {
    declared_in(super::defs::DEFS, key, shape)
        || declared_in(super::mail_registry::DEFS, key, shape)
        || declared_in(super::network_registry::DEFS, key, shape)
        || declared_in(super::directory_registry::DEFS, key, shape)
}

impl Flag {
    /// The key of a declared yes/no setting; anything else stops the build.
    pub const fn declared(key: &'static str) -> Flag {
        assert!(declared(key, Shape::Flag), "not a declared yes/no setting");
        Flag(key)
    }
}

impl Number {
    /// The key of a declared number setting; anything else stops the build.
    pub const fn declared(key: &'static str) -> Number {
        assert!(
            declared(key, Shape::Number),
            "not a declared number setting"
        );
        Number(key)
    }
}

impl Text {
    /// The key of a declared text setting; anything else stops the build.
    pub const fn declared(key: &'static str) -> Text {
        assert!(declared(key, Shape::Text), "not a declared text setting");
        Text(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_declared_only_under_its_own_kind() {
        assert!(declared("rows_per_page", Shape::Number));
        assert!(!declared("rows_per_page", Shape::Flag));
        assert!(declared("smtp.enabled", Shape::Flag));
        assert!(declared("smtp.host", Shape::Text));
        assert!(!declared("no_such_setting", Shape::Text));
    }
}
