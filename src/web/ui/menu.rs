//! The left menu, built from the user's rights: "New ticket", the ticket views with their
//! counters (your tickets, all tickets, groups, company, services, agencies, personal views),
//! the functions switched on in the settings (procedures), and the administration pages. An
//! entry appears only when its right is granted (and its function is on).

use crate::domain::rights::names as right;
use crate::domain::rights::names;
use crate::domain::worklist::counters::{Label, Title};
use crate::domain::worklist::scope::{Scope, View};
use crate::i18n::{Lang, msg};
use crate::web::paths;
use crate::web::routes::Access;
use crate::web::visitor::Visitor;

use super::icons::{self, Icon};

/// A section of the left menu.
pub struct Section {
    /// The heading, if the section has one.
    pub title: Option<String>,
    pub entries: Vec<Entry>,
}

/// One link of the left menu.
pub struct Entry {
    pub label: String,
    pub href: String,
    pub icon: Icon,
    /// A short note beside the label (tickets left).
    pub note: Option<String>,
    /// A ticket count.
    pub count: Option<i64>,
    pub current: bool,
    /// Opens in another tab (the supervision screen).
    pub new_tab: bool,
}

struct Definition {
    label: &'static str,
    href: &'static str,
    icon: Icon,
    access: Access,
}

const fn admin(label: &'static str, href: &'static str, icon: Icon, access: Access) -> Definition {
    Definition {
        label,
        href,
        icon,
        access,
    }
}

const ADMIN: &[Definition] = &[
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
        "menu-backups",
        paths::ADMIN_BACKUPS,
        icons::ARCHIVE,
        Access::AnyRight(names::ANY_BACKUP),
    ),
    admin(
        "menu-system",
        paths::ADMIN_SYSTEM,
        icons::INFO,
        Access::Right(names::ADMIN),
    ),
];

/// The address of a view's list.
pub fn view_href(view: &View) -> String {
    let state = view.state.code();
    if state.is_empty() {
        format!("{}?view={}", paths::TICKETS, view.scope.code())
    } else {
        format!(
            "{}?view={}&state={state}",
            paths::TICKETS,
            view.scope.code()
        )
    }
}

/// The view the visitor is looking at, read from the address (the home page shows their
/// default view).
fn current_view(visitor: &Visitor) -> Option<View> {
    let (path, query) = visitor
        .path
        .split_once('?')
        .unwrap_or((visitor.path.as_str(), ""));
    let reader = visitor.reader.as_deref()?;
    if path == paths::HOME {
        return Some(View::at_login(reader));
    }
    if path != paths::TICKETS {
        return None;
    }
    let pairs = crate::web::list_query::pairs(Some(query));
    Some(crate::web::list_query::ListQuery::read(&pairs, reader).view)
}

fn label_text(lang: Lang, label: &Label) -> String {
    match label {
        Label::Meta => lang.t("state-meta-short"),
        Label::AllStates => lang.t("menu-all-states"),
        Label::Unread => lang.t("menu-unread"),
        Label::State { name, key } => name
            .clone()
            .filter(|n| !n.is_empty())
            .or_else(|| key.as_ref().map(|k| lang.t(k)))
            .unwrap_or_default(),
        Label::Named(n) => n.clone(),
        Label::Observed => lang.t("menu-observed"),
    }
}

fn title_text(lang: Lang, title: Title) -> String {
    lang.t(match title {
        Title::Your => "menu-your-tickets",
        Title::All => "menu-all-tickets",
        Title::Shared => "menu-shared-views",
        Title::Personal => "menu-personal-views",
    })
}

/// The sections the visitor may see, in order; empty sections are left out.
pub fn for_visitor(visitor: &Visitor) -> Vec<Section> {
    let Some(session) = visitor.session.as_deref() else {
        return Vec::new();
    };
    let lang = visitor.lang;
    let has = |r: crate::domain::rights::Right| session.actor.rights.has(r);
    let mut sections: Vec<Section> = Vec::new();
    if has(right::SIDE_OPEN_TICKET) {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-new-ticket"),
                href: paths::TICKET_NEW.to_owned(),
                icon: icons::PLUS,
                note: {
                    let notes: Vec<String> = [
                        visitor
                            .tickets_left
                            .map(|left| msg("menu-tickets-left").arg("count", left).render(lang)),
                        visitor.hours_left.map(|h| {
                            msg("menu-hours-left")
                                .arg("hours", crate::i18n::format_decimal(lang, h))
                                .render(lang)
                        }),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    (!notes.is_empty()).then(|| notes.join(" · "))
                },
                count: None,
                current: visitor.path == paths::TICKET_NEW,
                new_tab: false,
            }],
        });
    }
    let current = current_view(visitor);
    // `side`: the ticket views of the menu (the links to functions stay, so that nobody is
    // left without a way to the administration).
    let frame = visitor.frame.get().filter(|_| has(right::SIDE));
    if let Some(frame) = frame {
        for s in &frame.sections {
            let mut entries: Vec<Entry> = s
                .entries
                .iter()
                .map(|e| Entry {
                    label: label_text(lang, &e.label),
                    href: view_href(&e.view),
                    icon: match e.view.scope {
                        Scope::Your | Scope::All => icons::INBOX,
                        Scope::Personal(_) => icons::LIST,
                        Scope::Observed => icons::EYE,
                        _ => icons::GROUP,
                    },
                    note: None,
                    count: Some(e.count),
                    current: current == Some(e.view),
                    new_tab: false,
                })
                .collect();
            if s.title == Title::All && has(right::SIDE_ALL) {
                entries.push(Entry {
                    label: lang.t("menu-supervision"),
                    href: paths::SUPERVISION.to_owned(),
                    icon: icons::MONITOR,
                    note: None,
                    count: None,
                    current: false,
                    new_tab: true,
                });
            }
            sections.push(Section {
                title: Some(title_text(lang, s.title)),
                entries,
            });
        }
    }
    if visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_PROCEDURES)
        && has(right::PROCEDURE)
    {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-procedures"),
                href: paths::PROCEDURES.to_owned(),
                icon: icons::BOOK,
                note: None,
                count: None,
                current: visitor.path == paths::PROCEDURES
                    || visitor.path.starts_with("/procedures/")
                    || visitor.path.starts_with("/procedures?"),
                new_tab: false,
            }],
        });
    }
    if visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_CALENDAR)
        && has(right::PLANNING)
    {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-calendar"),
                href: paths::CALENDAR.to_owned(),
                icon: icons::CALENDAR,
                note: None,
                count: None,
                current: visitor.path == paths::CALENDAR
                    || visitor.path.starts_with("/calendar?")
                    || visitor.path.starts_with("/calendar/"),
                new_tab: false,
            }],
        });
    }
    if visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_AVAILABILITY)
        && has(right::AVAILABILITY)
    {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-availability"),
                href: paths::AVAILABILITY.to_owned(),
                icon: icons::ACTIVITY,
                note: None,
                count: None,
                current: visitor.path == paths::AVAILABILITY
                    || visitor.path.starts_with("/availability?"),
                new_tab: false,
            }],
        });
    }
    if has(right::STAT) {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-statistics"),
                href: paths::STATISTICS.to_owned(),
                icon: icons::BAR_CHART,
                note: None,
                count: None,
                current: visitor.path == paths::STATISTICS
                    || visitor.path.starts_with("/statistics?"),
                new_tab: false,
            }],
        });
    }
    if visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_SURVEYS)
        && (has(right::ADMIN) || has(right::STAT))
    {
        sections.push(Section {
            title: None,
            entries: vec![Entry {
                label: lang.t("menu-surveys"),
                href: paths::SURVEY_ANSWERS.to_owned(),
                icon: icons::SMILE,
                note: None,
                count: None,
                current: visitor.path == paths::SURVEY_ANSWERS
                    || visitor.path.starts_with("/surveys?"),
                new_tab: false,
            }],
        });
    }
    if visitor
        .settings
        .flag(crate::domain::settings::FUNCTION_ASSETS)
        && has(right::ASSET)
    {
        let on_assets = visitor.path == paths::ASSETS
            || visitor.path.starts_with("/assets/")
            || visitor.path.starts_with("/assets?");
        let warranty = visitor.path.contains("warranty=");
        let mut entries = vec![Entry {
            label: lang.t("menu-assets"),
            href: paths::ASSETS.to_owned(),
            icon: icons::MONITOR,
            note: None,
            count: None,
            current: on_assets && !warranty,
            new_tab: false,
        }];
        if visitor
            .settings
            .flag(crate::domain::settings::FUNCTION_ASSET_WARRANTY)
        {
            entries.push(Entry {
                label: lang.t("menu-asset-warranties"),
                href: format!("{}?warranty=under", paths::ASSETS),
                icon: icons::CLOCK,
                note: None,
                count: None,
                current: on_assets && warranty,
                new_tab: false,
            });
        }
        sections.push(Section {
            title: Some(lang.t("menu-assets")),
            entries,
        });
    }
    let admin: Vec<Entry> = ADMIN
        .iter()
        .filter(|d| d.access.allows(Some(&has)))
        .map(|d| Entry {
            label: lang.t(d.label),
            href: d.href.to_owned(),
            icon: d.icon,
            note: None,
            count: None,
            current: visitor.path.split('?').next() == Some(d.href),
            new_tab: false,
        })
        .collect();
    if !admin.is_empty() {
        sections.push(Section {
            title: Some(lang.t("menu-administration")),
            entries: admin,
        });
    }
    sections
}
