//! Availability's use cases: its configuration (lists and targets, for administrators), the
//! report over a period, and a ticket's unavailability (shown, corrected, reset).

use super::repo::{self, Row};
use super::rules::{self, Figures, Period, Window};
use super::{Condition, List, Scope, Target};
use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::settings::{
    AVAILABILITY_ALL, AVAILABILITY_CONDITION, AVAILABILITY_DEPENDENCIES, FUNCTION_AVAILABILITY,
    Settings,
};
use crate::domain::tickets::values::parse_datetime;
use crate::domain::{Actor, DomainError, FieldErrors, clock, run};
use crate::i18n::{Lang, msg};

/// Reads the condition setting: `criticality:<id>` or `type:<id>`.
pub fn condition(settings: &Settings) -> Condition {
    let text = settings.raw(AVAILABILITY_CONDITION);
    let id = |s: &str| s.parse::<i64>().ok();
    match text.split_once(':') {
        Some(("criticality", v)) => id(v).map_or(Condition::Unset, Condition::Criticality),
        Some(("type", v)) => id(v).map_or(Condition::Unset, Condition::Type),
        _ => Condition::Unset,
    }
}

/// Everything the configuration page shows and offers.
#[derive(Debug, Clone)]
pub struct Config {
    pub monitored: Vec<Scope>,
    pub dependencies: Vec<Scope>,
    pub targets: Vec<Target>,
    pub categories: Vec<(i64, String)>,
    /// Id, category id, "Category › Subcategory".
    pub subcategories: Vec<(i64, i64, String)>,
    /// The conditions offered: setting value and label.
    pub conditions: Vec<(String, String)>,
}

/// `table`'s entries (a constant of the code: `criticalities` ordered by position,
/// `ticket_types` by id), with their names.
fn list(
    conn: &rusqlite::Connection,
    table: &str,
    lang: Lang,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let order = if table == "criticalities" {
        "position, id"
    } else {
        "id"
    };
    crate::domain::lists::named_rows(
        conn,
        &format!("SELECT id, name, name_key FROM {table} ORDER BY {order}"),
        lang,
    )
}

/// The configuration, in `lang`.
pub async fn config(db: &Db, lang: Lang) -> Result<Config, DomainError> {
    run::read(db, move |c| {
        let mut conditions = Vec::new();
        for (id, name) in list(c, "criticalities", lang)? {
            conditions.push((
                format!("criticality:{id}"),
                msg("availability-condition-criticality")
                    .arg("name", name)
                    .render(lang),
            ));
        }
        for (id, name) in list(c, "ticket_types", lang)? {
            conditions.push((
                format!("type:{id}"),
                msg("availability-condition-type")
                    .arg("name", name)
                    .render(lang),
            ));
        }
        Ok(Config {
            monitored: repo::scopes(c, List::Monitored, lang)?,
            dependencies: repo::scopes(c, List::Dependencies, lang)?,
            targets: repo::targets(c, lang)?,
            categories: repo::categories(c, lang)?,
            subcategories: repo::subcategories(c, lang)?,
            conditions,
        })
    })
    .await
}

/// Adds category `category` (or its subcategory `sub`) to `list`.
pub async fn add_scope(
    db: &Db,
    list_of: List,
    category: Option<i64>,
    sub: Option<i64>,
) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        let mut errors = FieldErrors::new();
        let Some(category) = category.filter(|&c| repo::category_exists(tx, c).unwrap_or(false))
        else {
            errors.add("category", msg("availability-error-category"));
            return Err(DomainError::Invalid(errors));
        };
        if let Some(s) = sub
            && !repo::sub_of(tx, s, category)?
        {
            errors.add("subcategory", msg("availability-error-subcategory"));
            return Err(DomainError::Invalid(errors));
        }
        if repo::add_scope(tx, list_of, category, sub)? {
            Ok(())
        } else {
            Err(DomainError::Conflict(msg("availability-already-listed")))
        }
    })
    .await
}

pub async fn remove_scope(db: &Db, list_of: List, id: i64) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        if repo::remove_scope(tx, list_of, id)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// Sets the target of subcategory `sub` for `year` from the typed texts.
pub async fn set_target(
    db: &Db,
    sub: String,
    year: String,
    target: String,
) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        let mut errors = FieldErrors::new();
        let sub = sub.trim().parse::<i64>().ok();
        let known: bool = match sub {
            Some(s) => tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM subcategories WHERE id = ?1)",
                [s],
                |r| r.get(0),
            )?,
            None => false,
        };
        if !known {
            errors.add("subcategory", msg("availability-error-subcategory"));
        }
        let year = year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2200).contains(y));
        if year.is_none() {
            errors.add(
                "year",
                msg("error-number-range").arg("min", 2000).arg("max", 2200),
            );
        }
        let target = target
            .trim()
            .replace(',', ".")
            .trim_end_matches('%')
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|t| t.is_finite() && (0.0..=100.0).contains(t));
        if target.is_none() {
            errors.add("target", msg("availability-error-target"));
        }
        errors.into_result()?;
        if let (Some(s), Some(y), Some(t)) = (sub, year, target) {
            repo::set_target(tx, s, y, t)?;
        }
        Ok(())
    })
    .await
}

pub async fn remove_target(db: &Db, sub: i64, year: i32) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        if repo::remove_target(tx, sub, year)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// The monitored subcategories and the dependency rule, as read from the settings and lists.
struct Watch {
    /// Id and label of each monitored subcategory.
    services: Vec<(i64, String)>,
    dependencies: Vec<(i64, Option<i64>)>,
}

impl Watch {
    fn load(c: &rusqlite::Connection, s: &Settings, lang: Lang) -> rusqlite::Result<Watch> {
        let subs = repo::subcategories(c, lang)?;
        let services = if s.flag(AVAILABILITY_ALL) {
            subs.into_iter().map(|(id, _, l)| (id, l)).collect()
        } else {
            let listed = repo::scopes(c, List::Monitored, lang)?;
            subs.into_iter()
                .filter(|(id, cat, _)| {
                    listed.iter().any(|m| {
                        m.subcategory_id == Some(*id)
                            || (m.subcategory_id.is_none() && m.category_id == *cat)
                    })
                })
                .map(|(id, _, l)| (id, l))
                .collect()
        };
        let dependencies = if s.flag(AVAILABILITY_DEPENDENCIES) {
            repo::scopes(c, List::Dependencies, lang)?
                .into_iter()
                .map(|d| (d.category_id, d.subcategory_id))
                .collect()
        } else {
            Vec::new()
        };
        Ok(Watch {
            services,
            dependencies,
        })
    }

    fn is_dependency(&self, category: Option<i64>, sub: Option<i64>) -> bool {
        self.dependencies.iter().any(|(c, s)| match s {
            Some(s) => sub == Some(*s),
            None => category == Some(*c),
        })
    }

    fn monitors(&self, sub: Option<i64>) -> bool {
        sub.is_some_and(|s| self.services.iter().any(|(id, _)| *id == s))
    }
}

/// A ticket behind a figure.
#[derive(Debug, Clone)]
pub struct Incident {
    pub ticket_id: i64,
    pub title: String,
    pub window: Window,
    /// Counted because the others depend on its subcategory.
    pub dependency: bool,
}

/// One monitored service over the period.
#[derive(Debug, Clone)]
pub struct Service {
    pub subcategory_id: i64,
    pub label: String,
    pub figures: Figures,
    /// The target of the period's year, if set.
    pub target: Option<f64>,
    /// Each month of the period with its figures.
    pub months: Vec<(Period, Figures)>,
    pub incidents: Vec<Incident>,
}

/// The availability report.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    pub condition: Condition,
    pub services: Vec<Service>,
}

/// The report over `period`.
pub async fn report(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    period: Period,
) -> Result<Report, DomainError> {
    let settings = actor.settings.clone();
    run::read(db, move |c| {
        let condition = condition(&settings);
        let watch = Watch::load(c, &settings, lang)?;
        let (from, to) = period.bounds();
        let now = clock::now();
        let rows: Vec<Row> = repo::incidents(c, condition, from, to, now)?;
        let year = i32::from(period.first.year());
        let targets = repo::targets_of(c, year)?;
        let months = period.months();
        let services = watch
            .services
            .iter()
            .map(|(id, label)| {
                let incidents: Vec<Incident> = rows
                    .iter()
                    .filter_map(|r| {
                        let dependency = r.subcategory_id != Some(*id)
                            && watch.is_dependency(r.category_id, r.subcategory_id);
                        (r.subcategory_id == Some(*id) || dependency).then(|| Incident {
                            ticket_id: r.id,
                            title: r.title.clone(),
                            window: r.window,
                            dependency,
                        })
                    })
                    .collect();
                let windows: Vec<Window> = incidents.iter().map(|i| i.window).collect();
                Service {
                    subcategory_id: *id,
                    label: label.clone(),
                    figures: rules::figures(&windows, from, to, now),
                    target: targets.iter().find(|t| t.0 == *id).map(|t| t.1),
                    months: months
                        .iter()
                        .map(|m| {
                            let (f, t) = m.bounds();
                            (*m, rules::figures(&windows, f, t, now))
                        })
                        .collect(),
                    incidents,
                }
            })
            .collect();
        Ok(Report {
            period,
            condition,
            services,
        })
    })
    .await
}

/// A ticket's unavailability as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketWindow {
    pub window: Window,
    /// Whether a technician corrected it (else it follows the ticket's dates).
    pub corrected: bool,
    /// Whether the actor may correct it (`ticket_availability`).
    pub may_change: bool,
}

/// Ticket `ticket`'s unavailability, when the function is on, `actor` may see it
/// (`ticket_availability_disp`) and the ticket counts (it meets the condition, and its
/// subcategory is monitored or one the others depend on).
pub fn ticket_window(
    c: &rusqlite::Connection,
    actor: &Actor,
    lang: Lang,
    ticket: TicketId,
) -> rusqlite::Result<Option<TicketWindow>> {
    let s = &actor.settings;
    if !s.flag(FUNCTION_AVAILABILITY) || !actor.has(right::TICKET_AVAILABILITY_DISP) {
        return Ok(None);
    }
    let Some(f) = repo::ticket_facts(c, ticket.0)? else {
        return Ok(None);
    };
    let meets = match condition(s) {
        Condition::Criticality(v) => f.criticality_id == Some(v),
        Condition::Type(v) => f.type_id == Some(v),
        Condition::Unset => false,
    };
    if !meets {
        return Ok(None);
    }
    let watch = Watch::load(c, s, lang)?;
    if !watch.monitors(f.subcategory_id) && !watch.is_dependency(f.category_id, f.subcategory_id) {
        return Ok(None);
    }
    Ok(Some(TicketWindow {
        corrected: f.corrected.is_some(),
        window: f.corrected.unwrap_or(Window {
            start: f.created_at,
            end: f.resolved_at,
            planned: false,
        }),
        may_change: actor.has(right::TICKET_AVAILABILITY),
    }))
}

/// The unavailability form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub start: String,
    pub end: String,
    pub planned: bool,
}

/// Corrects ticket `ticket`'s unavailability (which `actor` must see, and which must count).
pub async fn save_window(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    ticket: TicketId,
    draft: Draft,
) -> Result<(), DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        if !viewer.sees(tx, ticket)? {
            return Err(DomainError::NotFound);
        }
        if ticket_window(tx, &actor, lang, ticket)?.is_none() {
            return Err(DomainError::Conflict(msg("availability-not-counted")));
        }
        let mut errors = FieldErrors::new();
        let start = parse_datetime(&draft.start);
        if start.is_none() {
            errors.add("unavailable_from", msg("error-datetime"));
        }
        let end = if draft.end.trim().is_empty() {
            None
        } else {
            let e = parse_datetime(&draft.end);
            if e.is_none() {
                errors.add("unavailable_to", msg("error-datetime"));
            }
            e
        };
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            errors.add("unavailable_to", msg("calendar-error-end-before-start"));
        }
        errors.into_result()?;
        let window = Window {
            start: start.unwrap_or_default(),
            end,
            planned: draft.planned,
        };
        repo::save_window(tx, ticket.0, &window, actor.id().0, clock::now())?;
        Ok(())
    })
    .await
}

/// Makes ticket `ticket`'s unavailability follow its dates again.
pub async fn reset_window(db: &Db, actor: &Actor, ticket: TicketId) -> Result<(), DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        if !viewer.sees(tx, ticket)? {
            return Err(DomainError::NotFound);
        }
        repo::reset_window(tx, ticket.0)?;
        Ok(())
    })
    .await
}
