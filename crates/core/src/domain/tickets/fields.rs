//! Which ticket fields a person sees, may change and must fill, from the `ticket_*` rights of
//! their profile and the settings. The page renders with it and the save reads with it, so a
//! field that is hidden or read-only cannot be changed by a crafted request.

use crate::domain::rights::Right;
use crate::domain::rights::RightSet;
use crate::domain::rights::names as right;
use crate::domain::settings::{self, Settings};

/// A field of the ticket form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Requester,
    Type,
    /// How the ticket was answered (`ticket_type_answer_disp`).
    AnswerType,
    Technician,
    Category,
    Subcategory,
    Place,
    /// The asset the ticket is about (the asset function).
    Asset,
    Service,
    Agency,
    Title,
    Description,
    CreatedAt,
    HopeDate,
    ResolvedAt,
    TimeSpent,
    TimeHope,
    Priority,
    Criticality,
    State,
    /// Whether the work is billed (`ticket_billable`).
    Billable,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 21] = [
        Field::Requester,
        Field::Type,
        Field::AnswerType,
        Field::Technician,
        Field::Category,
        Field::Subcategory,
        Field::Place,
        Field::Asset,
        Field::Service,
        Field::Agency,
        Field::Title,
        Field::Description,
        Field::CreatedAt,
        Field::HopeDate,
        Field::ResolvedAt,
        Field::TimeSpent,
        Field::TimeHope,
        Field::Priority,
        Field::Criticality,
        Field::State,
        Field::Billable,
    ];

    /// The form field name.
    pub fn name(self) -> &'static str {
        match self {
            Field::Requester => "requester",
            Field::Type => "type_id",
            Field::AnswerType => "answer_type_id",
            Field::Technician => "technician",
            Field::Category => "category_id",
            Field::Subcategory => "subcategory_id",
            Field::Place => "place_id",
            Field::Asset => "asset_id",
            Field::Service => "service_id",
            Field::Agency => "agency_id",
            Field::Title => "title",
            Field::Description => "description",
            Field::CreatedAt => "created_at",
            Field::HopeDate => "hope_date",
            Field::ResolvedAt => "resolved_at",
            Field::TimeSpent => "time_spent",
            Field::TimeHope => "time_hope",
            Field::Priority => "priority_id",
            Field::Criticality => "criticality_id",
            Field::State => "state_id",
            Field::Billable => "billable",
        }
    }

    /// The `(shown, editable, mandatory)` rights on an existing ticket.
    fn rights(self) -> (Option<Right>, Right, Option<Right>) {
        match self {
            Field::Requester => (
                Some(right::TICKET_USER_DISP),
                right::TICKET_USER,
                Some(right::TICKET_USER_MANDATORY),
            ),
            Field::Type => (
                Some(right::TICKET_TYPE_DISP),
                right::TICKET_TYPE,
                Some(right::TICKET_TYPE_MANDATORY),
            ),
            // GestSup has no right of its own to change it: the type's.
            Field::AnswerType => (
                Some(right::TICKET_TYPE_ANSWER_DISP),
                right::TICKET_TYPE,
                None,
            ),
            Field::Technician => (
                Some(right::TICKET_TECH_DISP),
                right::TICKET_TECH,
                Some(right::TICKET_TECH_MANDATORY),
            ),
            Field::Category => (
                Some(right::TICKET_CAT_DISP),
                right::TICKET_CAT,
                Some(right::TICKET_CAT_MANDATORY),
            ),
            Field::Subcategory => (Some(right::TICKET_SUBCAT_DISP), right::TICKET_CAT, None),
            Field::Place => (
                None,
                right::TICKET_PLACE,
                Some(right::TICKET_PLACE_MANDATORY),
            ),
            Field::Asset => (
                Some(right::TICKET_ASSET_DISP),
                right::TICKET_ASSET,
                Some(right::TICKET_ASSET_MANDATORY),
            ),
            Field::Service => (
                Some(right::TICKET_SERVICE_DISP),
                right::TICKET_SERVICE,
                Some(right::TICKET_SERVICE_MANDATORY),
            ),
            Field::Agency => (
                Some(right::TICKET_AGENCY),
                right::TICKET_AGENCY,
                Some(right::TICKET_AGENCY_MANDATORY),
            ),
            Field::Title => (
                Some(right::TICKET_TITLE_DISP),
                right::TICKET_TITLE,
                Some(right::TICKET_TITLE_MANDATORY),
            ),
            Field::Description => (
                Some(right::TICKET_DESCRIPTION_DISP),
                right::TICKET_DESCRIPTION,
                Some(right::TICKET_DESCRIPTION_MANDATORY),
            ),
            Field::CreatedAt => (
                Some(right::TICKET_DATE_CREATE_DISP),
                right::TICKET_DATE_CREATE,
                None,
            ),
            Field::HopeDate => (
                Some(right::TICKET_DATE_HOPE_DISP),
                right::TICKET_DATE_HOPE,
                Some(right::TICKET_DATE_HOPE_MANDATORY),
            ),
            Field::ResolvedAt => (
                Some(right::TICKET_DATE_RES_DISP),
                right::TICKET_DATE_RES,
                None,
            ),
            Field::TimeSpent => (Some(right::TICKET_TIME_DISP), right::TICKET_TIME, None),
            Field::TimeHope => (
                Some(right::TICKET_TIME_HOPE_DISP),
                right::TICKET_TIME_HOPE,
                None,
            ),
            Field::Priority => (
                Some(right::TICKET_PRIORITY_DISP),
                right::TICKET_PRIORITY,
                Some(right::TICKET_PRIORITY_MANDATORY),
            ),
            Field::Criticality => (
                Some(right::TICKET_CRITICALITY_DISP),
                right::TICKET_CRITICALITY,
                Some(right::TICKET_CRITICALITY_MANDATORY),
            ),
            Field::State => (Some(right::TICKET_STATE_DISP), right::TICKET_STATE, None),
            Field::Billable => (Some(right::TICKET_BILLABLE), right::TICKET_BILLABLE, None),
        }
    }

    /// The `(shown, editable)` rights that replace the above on a new ticket, if any.
    fn new_ticket_rights(self) -> Option<(Right, Right)> {
        match self {
            Field::Requester => Some((right::TICKET_NEW_USER_DISP, right::TICKET_NEW_USER)),
            Field::Type => Some((right::TICKET_NEW_TYPE_DISP, right::TICKET_NEW_TYPE)),
            Field::Technician => Some((right::TICKET_NEW_TECH_DISP, right::TICKET_TECH)),
            Field::Category => Some((right::TICKET_NEW_CAT_DISP, right::TICKET_NEW_CAT)),
            Field::Subcategory => Some((right::TICKET_NEW_CAT_DISP, right::TICKET_NEW_CAT)),
            Field::Service => Some((right::TICKET_NEW_SERVICE_DISP, right::TICKET_NEW_SERVICE)),
            Field::Asset => Some((right::TICKET_NEW_ASSET_DISP, right::TICKET_ASSET)),
            _ => None,
        }
    }

    /// The setting that must be on for the field to exist at all.
    fn setting(self) -> Option<settings::Flag> {
        match self {
            Field::Type | Field::AnswerType => Some(settings::TICKET_TYPE),
            Field::Place => Some(settings::TICKET_PLACES),
            Field::Asset => Some(settings::FUNCTION_ASSETS),
            Field::Agency => Some(settings::USER_AGENCY),
            _ => None,
        }
    }
}

/// How a field appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Hidden,
    ReadOnly,
    Editable,
}

/// How one field appears, and whether it must be filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldAccess {
    pub mode: Mode,
    pub mandatory: bool,
}

/// Which form is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// An existing ticket.
    Existing,
    /// A new ticket, full form (for those who may choose the requester).
    NewFull,
    /// A new ticket sent in by its requester: type, category, subcategory, title, description,
    /// attachments, criticality.
    NewSimple,
}

/// The access to every field.
#[derive(Debug, Clone)]
pub struct Access {
    fields: [FieldAccess; 21],
    /// Which profiles the technician field offers.
    pub technicians: TechnicianOffer,
}

/// Which profiles the technician field offers besides technicians: administrators with
/// `ticket_tech_admin`, supervisors with `ticket_tech_super` (GestSup's rights).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TechnicianOffer {
    pub administrators: bool,
    pub supervisors: bool,
}

impl TechnicianOffer {
    /// What someone holding `rights` is offered.
    pub fn of(rights: &RightSet) -> TechnicianOffer {
        TechnicianOffer {
            administrators: rights.has(right::TICKET_TECH_ADMIN),
            supervisors: rights.has(right::TICKET_TECH_SUPER),
        }
    }

    /// The profiles offered.
    pub fn profiles(self) -> Vec<crate::domain::profiles::Profile> {
        use crate::domain::profiles::Profile;
        let mut out = vec![Profile::Technician];
        if self.administrators {
            out.push(Profile::Administrator);
        }
        if self.supervisors {
            out.push(Profile::Supervisor);
        }
        out
    }
}

impl Access {
    /// Computes the access of someone holding `rights`.
    pub fn compute(rights: &RightSet, s: &Settings, form: Form) -> Access {
        let fields = Field::ALL.map(|f| field_access(f, rights, s, form));
        Access {
            fields,
            technicians: TechnicianOffer::of(rights),
        }
    }

    /// The access to `field`.
    pub fn of(&self, field: Field) -> FieldAccess {
        let index = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
        self.fields[index]
    }

    /// Whether `field` may be changed.
    pub fn editable(&self, field: Field) -> bool {
        self.of(field).mode == Mode::Editable
    }

    /// The same fields, none of them editable (a ticket the actor sees but may not change).
    pub fn read_only(mut self) -> Access {
        for f in &mut self.fields {
            if f.mode == Mode::Editable {
                *f = FieldAccess {
                    mode: Mode::ReadOnly,
                    mandatory: false,
                };
            }
        }
        self
    }

    /// Whether `field` is shown (read-only or editable).
    pub fn shown(&self, field: Field) -> bool {
        self.of(field).mode != Mode::Hidden
    }
}

fn field_access(field: Field, rights: &RightSet, s: &Settings, form: Form) -> FieldAccess {
    const HIDDEN: FieldAccess = FieldAccess {
        mode: Mode::Hidden,
        mandatory: false,
    };
    if field.setting().is_some_and(|k| !s.flag(k)) {
        return HIDDEN;
    }
    let (disp, edit, mandatory) = field.rights();
    let (disp, edit) = match (form, field.new_ticket_rights()) {
        (Form::NewFull | Form::NewSimple, Some((d, e))) => (Some(d), e),
        _ => (disp, edit),
    };
    if form == Form::NewSimple {
        // The requester's form: only what a requester describes.
        let editable = match field {
            Field::Title | Field::Description | Field::Criticality => true,
            Field::Type | Field::Category | Field::Subcategory => {
                disp.is_none_or(|d| rights.has(d)) && rights.has(edit)
            }
            _ => false,
        };
        return FieldAccess {
            mode: if editable {
                Mode::Editable
            } else {
                Mode::Hidden
            },
            mandatory: editable
                && (field == Field::Title || mandatory.is_some_and(|m| rights.has(m))),
        };
    }
    if disp.is_some_and(|d| !rights.has(d)) {
        return HIDDEN;
    }
    let creating = form != Form::Existing;
    // Whoever writes a new ticket writes its title and description; an existing ticket's
    // fields are saved only with `ticket_save` (without it, replies and files only).
    let editable = (rights.has(edit) && (creating || rights.has(right::TICKET_SAVE)))
        || (creating && matches!(field, Field::Title | Field::Description));
    let mode = if editable {
        Mode::Editable
    } else {
        Mode::ReadOnly
    };
    FieldAccess {
        mode,
        mandatory: editable
            && ((creating && field == Field::Title) || mandatory.is_some_and(|m| rights.has(m))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rights(names: &[&str]) -> RightSet {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn display_edit_and_mandatory_rights_combine() {
        let s = Settings::default();
        let r = rights(&[
            "ticket_save",
            "ticket_title_disp",
            "ticket_priority_disp",
            "ticket_priority",
            "ticket_priority_mandatory",
        ]);
        let a = Access::compute(&r, &s, Form::Existing);
        assert_eq!(a.of(Field::Title).mode, Mode::ReadOnly);
        assert_eq!(
            a.of(Field::Priority),
            FieldAccess {
                mode: Mode::Editable,
                mandatory: true
            }
        );
        assert_eq!(a.of(Field::State).mode, Mode::Hidden);
        // Without `ticket_save` an existing ticket's fields are shown, not changed.
        let unsaved = rights(&[
            "ticket_title_disp",
            "ticket_priority_disp",
            "ticket_priority",
            "ticket_priority_mandatory",
        ]);
        let a = Access::compute(&unsaved, &s, Form::Existing);
        assert_eq!(a.of(Field::Priority).mode, Mode::ReadOnly);
        assert_eq!(
            Access::compute(&unsaved, &s, Form::NewFull)
                .of(Field::Priority)
                .mode,
            Mode::Editable
        );
    }

    #[test]
    fn settings_hide_type_place_and_agency() {
        let r = rights(&[
            "ticket_type_disp",
            "ticket_type",
            "ticket_place",
            "ticket_agency",
        ]);
        let off = Access::compute(&r, &Settings::default(), Form::Existing);
        assert_eq!(off.of(Field::Type).mode, Mode::Hidden);
        assert_eq!(off.of(Field::Place).mode, Mode::Hidden);
        assert_eq!(off.of(Field::Agency).mode, Mode::Hidden);
    }

    #[test]
    fn the_simple_form_shows_only_what_a_requester_describes() {
        let r = rights(&[
            "ticket_new_cat_disp",
            "ticket_new_cat",
            "ticket_state",
            "ticket_state_disp",
        ]);
        let a = Access::compute(&r, &Settings::default(), Form::NewSimple);
        assert!(a.editable(Field::Title) && a.of(Field::Title).mandatory);
        assert!(
            a.editable(Field::Category)
                && a.editable(Field::Description)
                && a.editable(Field::Criticality)
        );
        assert!(
            !a.shown(Field::State) && !a.shown(Field::Requester) && !a.shown(Field::Technician)
        );
    }
}
