//! Personal preferences: themes, ticket sort orders and the default state at login.

use crate::i18n::{Msg, msg};

/// The themes, by code.
pub const THEMES: &[(&str, &str)] = &[
    ("blue", "theme-blue"),
    ("black", "theme-black"),
    ("pink", "theme-pink"),
    ("grey", "theme-grey"),
];

/// The ticket sort orders, by code; the ticket list maps each to its columns.
pub const TICKET_ORDERS: &[(&str, &str)] = &[
    ("state", "order-state"),
    ("created_desc", "order-created-desc"),
    ("created_asc", "order-created-asc"),
    ("number_desc", "order-number-desc"),
    ("priority", "order-priority"),
    ("criticality", "order-criticality"),
    ("hope_date", "order-hope-date"),
    ("modified_desc", "order-modified-desc"),
];

/// The default-state value meaning the "to handle" meta-state.
pub const META_STATE: &str = "meta";

/// The label of a theme code.
pub fn theme_label(code: &str) -> Option<Msg> {
    THEMES.iter().find(|(c, _)| *c == code).map(|(_, k)| msg(k))
}

/// Whether `code` is a known sort order.
pub fn is_order(code: &str) -> bool {
    TICKET_ORDERS.iter().any(|(c, _)| *c == code)
}

/// Whether `code` is a known theme.
pub fn is_theme(code: &str) -> bool {
    THEMES.iter().any(|(c, _)| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_translated() {
        for (_, key) in THEMES.iter().chain(TICKET_ORDERS) {
            for lang in crate::i18n::Lang::ALL {
                assert!(lang.has(key), "{} {key}", lang.code());
            }
        }
    }
}
