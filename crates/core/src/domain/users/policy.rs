//! Which account fields a person may change, from their rights and the settings.

use crate::domain::rights::{RightSet, names};
use crate::domain::settings::{self, Settings};

use super::record::FieldPolicy;

/// An administrator editing (or creating) an account: the profile only with
/// `admin_user_profile`, the advanced fields only with "advanced user properties", agencies
/// only when agencies are on, the ticket limit only when per-user limits are on.
pub fn administration(s: &Settings, rights: &RightSet) -> FieldPolicy {
    FieldPolicy {
        login: true,
        password: true,
        password_optional: false,
        contact: true,
        mail_required: false,
        advanced: s.flag(settings::USER_ADVANCED),
        company: s.flag(settings::USER_ADVANCED),
        services: true,
        agencies: s.flag(settings::USER_AGENCY),
        profile: rights.has(names::ADMIN_USER_PROFILE),
        must_change_password: true,
        preferences: true,
        limits: s.flag(settings::USER_LIMIT_TICKET),
    }
}

/// A user editing their own information: never login, profile or limits; company, services
/// and agencies only with the `user_profil_*` rights, and never while they decide what the user
/// may see or open (see [`company_is_a_boundary`], [`services_are_a_boundary`]): only
/// administrators set those.
pub fn own_information(s: &Settings, rights: &RightSet) -> FieldPolicy {
    FieldPolicy {
        contact: true,
        advanced: s.flag(settings::USER_ADVANCED),
        company: s.flag(settings::USER_ADVANCED)
            && rights.has(names::USER_PROFIL_COMPANY)
            && !company_is_a_boundary(s),
        services: rights.has(names::USER_PROFIL_SERVICE) && !services_are_a_boundary(s),
        agencies: s.flag(settings::USER_AGENCY) && rights.has(names::USER_PROFIL_AGENCY),
        ..FieldPolicy::default()
    }
}

/// Whether a user's company decides what they see or may open: their company's tickets
/// (`user_company_view`), the procedures published to it (procedures on), or the company's
/// ticket limit (`company_limit_ticket`).
pub fn company_is_a_boundary(s: &Settings) -> bool {
    s.flag(settings::USER_COMPANY_VIEW)
        || s.flag(settings::FUNCTION_PROCEDURES)
        || s.flag(settings::COMPANY_LIMIT_TICKET)
}

/// Whether a user's services decide which tickets they see (service partitioning,
/// `user_limit_service`).
pub fn services_are_a_boundary(s: &Settings) -> bool {
    s.flag(settings::USER_LIMIT_SERVICE)
}

/// A user changing their own preferences (language, theme, default state, sort order).
pub fn own_preferences() -> FieldPolicy {
    FieldPolicy {
        preferences: true,
        ..FieldPolicy::default()
    }
}

/// The short form used to add or correct a requester from another form.
pub fn quick() -> FieldPolicy {
    FieldPolicy {
        login: true,
        password: true,
        password_optional: true,
        contact: true,
        ..FieldPolicy::default()
    }
}
