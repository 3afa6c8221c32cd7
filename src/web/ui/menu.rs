//! The left menu, built from the user's rights: an entry appears only when its right is
//! granted, and only capabilities that exist have entries.

use crate::domain::rights::names;
use crate::i18n::{Msg, msg};
use crate::web::paths;
use crate::web::routes::Access;
use crate::web::visitor::Visitor;

use super::icons;

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
    /// An SVG path drawn in a 24×24 box.
    pub icon: &'static str,
    /// A short note beside the label (tickets left).
    pub note: Option<Msg>,
}

struct Definition {
    section: Option<&'static str>,
    label: &'static str,
    href: &'static str,
    icon: &'static str,
    access: Access,
}

const fn admin(
    label: &'static str,
    href: &'static str,
    icon: &'static str,
    access: Access,
) -> Definition {
    Definition {
        section: Some("menu-administration"),
        label,
        href,
        icon,
        access,
    }
}

const ENTRIES: &[Definition] = &[
    Definition {
        section: None,
        label: "menu-home",
        href: paths::HOME,
        icon: icons::HOME,
        access: Access::LoggedIn,
    },
    Definition {
        section: None,
        label: "menu-new-ticket",
        href: paths::TICKET_NEW,
        icon: icons::PLUS,
        access: Access::Right("side_open_ticket"),
    },
    admin(
        "menu-users",
        paths::ADMIN_USERS,
        icons::USER,
        Access::Right(names::ADMIN),
    ),
    admin(
        "menu-groups",
        paths::ADMIN_GROUPS,
        icons::GROUP,
        Access::AnyRight(names::ANY_GROUPS),
    ),
    admin(
        "menu-lists",
        paths::ADMIN_LISTS,
        icons::LIST,
        Access::AnyRight(names::ANY_LISTS),
    ),
    admin(
        "menu-rights",
        paths::ADMIN_RIGHTS,
        icons::KEY,
        Access::Right(names::ADMIN),
    ),
    admin(
        "menu-settings",
        paths::ADMIN_SETTINGS,
        icons::SETTINGS,
        Access::Right(names::ADMIN),
    ),
    admin(
        "menu-system",
        paths::ADMIN_SYSTEM,
        icons::INFO,
        Access::Right(names::ADMIN),
    ),
];

/// The sections the visitor may see, in order; empty sections are left out.
pub fn for_visitor(visitor: &Visitor) -> Vec<Section> {
    let Some(session) = visitor.session.as_deref() else {
        return Vec::new();
    };
    let has = |r: &str| session.rights.has(r);
    let mut sections: Vec<Section> = Vec::new();
    for d in ENTRIES {
        if !d.access.allows(Some(&has)) {
            continue;
        }
        let note = (d.href == paths::TICKET_NEW)
            .then_some(visitor.tickets_left)
            .flatten()
            .map(|left| msg("menu-tickets-left").arg("count", left));
        let entry = Entry {
            label: msg(d.label),
            href: d.href,
            icon: d.icon,
            note,
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
