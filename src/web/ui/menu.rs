//! The left menu, built from the user's rights: an entry appears only when its right is
//! granted, and only capabilities that exist have entries.

use crate::domain::rights::names;
use crate::i18n::{Msg, msg};
use crate::web::paths;
use crate::web::visitor::Visitor;

/// A section of the left menu.
pub struct Section {
    /// The heading, if the section has one.
    pub title: Option<Msg>,
    pub entries: Vec<Entry>,
}

/// One link of the left menu.
pub struct Entry {
    pub label: Msg,
    pub href: &'static str,
    pub icon: &'static str,
}

struct Definition {
    section: Option<&'static str>,
    label: &'static str,
    href: &'static str,
    icon: &'static str,
    right: Option<&'static str>,
}

const ENTRIES: &[Definition] = &[
    Definition {
        section: None,
        label: "menu-home",
        href: paths::HOME,
        icon: "⌂",
        right: None,
    },
    Definition {
        section: Some("menu-administration"),
        label: "menu-system",
        href: paths::ADMIN_SYSTEM,
        icon: "⚙",
        right: Some(names::ADMIN),
    },
];

/// The sections the visitor may see, in order; empty sections are left out.
pub fn for_visitor(visitor: &Visitor) -> Vec<Section> {
    if visitor.session.is_none() {
        return Vec::new();
    }
    let mut sections: Vec<Section> = Vec::new();
    for d in ENTRIES {
        if d.right.is_some_and(|r| !visitor.has_right(r)) {
            continue;
        }
        let entry = Entry {
            label: msg(d.label),
            href: d.href,
            icon: d.icon,
        };
        let title = d.section.map(msg);
        match sections.last_mut() {
            Some(last) if last.title == title => last.entries.push(entry),
            _ => sections.push(Section {
                title,
                entries: vec![entry],
            }),
        }
    }
    sections
}
