//! The values of a ticket's fields as one record, how they are read from a form, checked, and
//! written back as text (for forms and for comparing versions).

use std::collections::HashMap;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::domain::FieldErrors;
use crate::domain::users::choices::Who;
use crate::i18n::msg;

use super::fields::{Access, Field, Mode};

/// Every field of a ticket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    pub requester: Option<Who>,
    pub type_id: Option<i64>,
    pub answer_type_id: Option<i64>,
    pub technician: Option<Who>,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub place_id: Option<i64>,
    pub asset_id: Option<i64>,
    pub service_id: Option<i64>,
    pub agency_id: Option<i64>,
    pub title: String,
    pub description: String,
    /// Seconds since the epoch.
    pub created_at: i64,
    /// `YYYY-MM-DD`.
    pub hope_date: Option<String>,
    pub resolved_at: Option<i64>,
    pub time_spent: i64,
    pub time_hope: i64,
    pub priority_id: Option<i64>,
    pub criticality_id: Option<i64>,
    pub state_id: i64,
    pub billable: bool,
}

/// A `datetime-local` value (`YYYY-MM-DDTHH:MM`) in the server's time zone.
pub fn datetime_text(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| {
            t.to_zoned_datetime(TimeZone::system())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Reads a `datetime-local` value in the server's time zone.
pub fn parse_datetime(text: &str) -> Option<i64> {
    let dt: DateTime = text.trim().parse().ok()?;
    dt.to_zoned_datetime(TimeZone::system())
        .ok()
        .map(|z| z.timestamp().as_second())
}

fn opt_id(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn who_text(w: Option<Who>) -> String {
    w.map(Who::value).unwrap_or_default()
}

impl Values {
    /// The value of `field` as a form shows it.
    pub fn text(&self, field: Field) -> String {
        match field {
            Field::Requester => who_text(self.requester),
            Field::Type => opt_id(self.type_id),
            Field::AnswerType => opt_id(self.answer_type_id),
            Field::Technician => who_text(self.technician),
            Field::Category => opt_id(self.category_id),
            Field::Subcategory => opt_id(self.subcategory_id),
            Field::Place => opt_id(self.place_id),
            Field::Asset => opt_id(self.asset_id),
            Field::Service => opt_id(self.service_id),
            Field::Agency => opt_id(self.agency_id),
            Field::Title => self.title.clone(),
            Field::Description => self.description.clone(),
            Field::CreatedAt => datetime_text(self.created_at),
            Field::HopeDate => self.hope_date.clone().unwrap_or_default(),
            Field::ResolvedAt => self.resolved_at.map(datetime_text).unwrap_or_default(),
            Field::TimeSpent => self.time_spent.to_string(),
            Field::TimeHope => self.time_hope.to_string(),
            Field::Priority => opt_id(self.priority_id),
            Field::Criticality => opt_id(self.criticality_id),
            Field::State => self.state_id.to_string(),
            Field::Billable => if self.billable { "1" } else { "0" }.to_owned(),
        }
    }
}

/// Normalises typed text so that two spellings of the same value compare equal.
pub fn normalize(field: Field, text: &str) -> String {
    match field {
        Field::Description => text.replace("\r\n", "\n").trim_end().to_owned(),
        _ => text.trim().to_owned(),
    }
}

fn parse_id(text: &str) -> Result<Option<i64>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(Some)
        .ok_or(())
}

fn parse_who(text: &str) -> Result<Option<Who>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    Who::parse(text).map(Some).ok_or(())
}

/// The longest title accepted.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest description accepted (about 100 pages).
pub const MAX_DESCRIPTION_CHARS: usize = 200_000;

/// Reads the editable fields of `form` over `base` and checks their shape (not whether the
/// chosen entries exist, which [`super::checks`] answers against the database).
pub fn read_form(
    form: &HashMap<String, String>,
    access: &Access,
    base: &Values,
) -> Result<Values, FieldErrors> {
    let mut v = base.clone();
    let mut errors = FieldErrors::new();
    let get = |f: Field| normalize(f, form.get(f.name()).map_or("", String::as_str));
    for field in Field::ALL {
        // A field the form did not carry at all keeps its value.
        if access.of(field).mode != Mode::Editable || !form.contains_key(field.name()) {
            continue;
        }
        let text = get(field);
        let name = field.name();
        let bad_choice = |errors: &mut FieldErrors| errors.add(name, msg("error-unknown-choice"));
        match field {
            Field::Requester => match parse_who(&text) {
                Ok(w) => v.requester = w,
                Err(()) => bad_choice(&mut errors),
            },
            Field::Technician => match parse_who(&text) {
                Ok(w) => v.technician = w,
                Err(()) => bad_choice(&mut errors),
            },
            Field::Type
            | Field::AnswerType
            | Field::Category
            | Field::Subcategory
            | Field::Place
            | Field::Asset
            | Field::Service
            | Field::Agency
            | Field::Priority
            | Field::Criticality => match parse_id(&text) {
                Ok(id) => match field {
                    Field::Type => v.type_id = id,
                    Field::AnswerType => v.answer_type_id = id,
                    Field::Category => v.category_id = id,
                    Field::Subcategory => v.subcategory_id = id,
                    Field::Place => v.place_id = id,
                    Field::Asset => v.asset_id = id,
                    Field::Service => v.service_id = id,
                    Field::Agency => v.agency_id = id,
                    Field::Priority => v.priority_id = id,
                    _ => v.criticality_id = id,
                },
                Err(()) => bad_choice(&mut errors),
            },
            Field::State => match parse_id(&text) {
                Ok(Some(id)) => v.state_id = id,
                _ => bad_choice(&mut errors),
            },
            Field::Billable => match text.as_str() {
                "1" => v.billable = true,
                "0" | "" => v.billable = false,
                _ => bad_choice(&mut errors),
            },
            Field::Title => {
                if text.chars().count() > MAX_TITLE_CHARS {
                    errors.add(name, msg("error-too-long").arg("max", MAX_TITLE_CHARS));
                } else if text.chars().any(char::is_control) {
                    errors.add(name, msg("error-invalid-characters"));
                }
                v.title = text;
            }
            Field::Description => {
                if text.chars().count() > MAX_DESCRIPTION_CHARS {
                    errors.add(
                        name,
                        msg("error-too-long").arg("max", MAX_DESCRIPTION_CHARS),
                    );
                }
                v.description = text;
            }
            Field::CreatedAt => match parse_datetime(&text) {
                Some(t) => v.created_at = t,
                None => errors.add(name, msg("error-datetime")),
            },
            Field::ResolvedAt => {
                if text.is_empty() {
                    v.resolved_at = None;
                } else {
                    match parse_datetime(&text) {
                        Some(t) => v.resolved_at = Some(t),
                        None => errors.add(name, msg("error-datetime")),
                    }
                }
            }
            Field::HopeDate => {
                if text.is_empty() {
                    v.hope_date = None;
                } else if text.len() == 10 && text.parse::<Date>().is_ok() {
                    v.hope_date = Some(text);
                } else {
                    errors.add(name, msg("error-date"));
                }
            }
            Field::TimeSpent | Field::TimeHope => {
                let minutes = if text.is_empty() {
                    Ok(0)
                } else {
                    text.parse::<i64>()
                };
                match minutes {
                    Ok(m) if (0..=10_000_000).contains(&m) => {
                        if field == Field::TimeSpent {
                            v.time_spent = m;
                        } else {
                            v.time_hope = m;
                        }
                    }
                    _ => bad_choice(&mut errors),
                }
            }
        }
    }
    // Mandatory fields and the rules between fields.
    for field in Field::ALL {
        let a = access.of(field);
        if a.mode == Mode::Editable && a.mandatory && v.text(field).trim().is_empty() {
            errors.add(field.name(), msg("error-required"));
        }
    }
    if access.editable(Field::Subcategory) && v.subcategory_id.is_some() && v.category_id.is_none()
    {
        errors.add(
            Field::Subcategory.name(),
            msg("error-subcategory-without-category"),
        );
    }
    if let Some(hope) = &v.hope_date {
        let created = datetime_text(v.created_at);
        if access.editable(Field::HopeDate) && hope.as_str() < created.get(..10).unwrap_or("") {
            errors.add(Field::HopeDate.name(), msg("error-hope-before-created"));
        }
    }
    if let Some(res) = v.resolved_at
        && access.editable(Field::ResolvedAt)
        && res < v.created_at
    {
        errors.add(
            Field::ResolvedAt.name(),
            msg("error-resolved-before-created"),
        );
    }
    if errors.is_empty() {
        Ok(v)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_round_trips_in_the_local_zone() {
        let t = parse_datetime("2026-11-27T09:30").expect("parse");
        assert_eq!(datetime_text(t), "2026-11-27T09:30");
        assert!(parse_datetime("2026-13-01T00:00").is_none());
    }

    #[test]
    fn descriptions_compare_without_line_ending_noise() {
        assert_eq!(normalize(Field::Description, "a\r\nb \n"), "a\nb");
        assert_eq!(normalize(Field::Title, "  x "), "x");
    }
}
