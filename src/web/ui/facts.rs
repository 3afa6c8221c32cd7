//! A panel of label/value pairs (profile information, system facts).

use maud::{Markup, html};

/// Renders `rows` as a definition list inside a panel.
pub fn panel(rows: &[(String, String)]) -> Markup {
    html! {
        section.panel {
            dl.facts {
                @for (label, value) in rows {
                    dt { (label) }
                    dd { (value) }
                }
            }
        }
    }
}
