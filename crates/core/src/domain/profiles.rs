//! The five profiles. GestSup's numeric ids are kept so that its data can be imported as is.

use crate::i18n::{Msg, msg};

/// A profile: the set of rights a user gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Handles tickets.
    Technician,
    /// A user who may also open tickets.
    PowerUser,
    /// Follows their own tickets.
    User,
    /// Sees all tickets and statistics, no administration.
    Supervisor,
    /// Everything; the rights of this profile can be tuned.
    Administrator,
}

impl Profile {
    /// Every profile, from the least to the most privileged.
    pub const ALL: [Profile; 5] = [
        Profile::User,
        Profile::PowerUser,
        Profile::Supervisor,
        Profile::Technician,
        Profile::Administrator,
    ];

    /// GestSup's id, also ours.
    pub fn id(self) -> i64 {
        match self {
            Profile::Technician => 0,
            Profile::PowerUser => 1,
            Profile::User => 2,
            Profile::Supervisor => 3,
            Profile::Administrator => 4,
        }
    }

    /// The profile with GestSup id `id`.
    pub fn from_id(id: i64) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The profile's name in logs and on the command line (as in the `profiles` table).
    pub fn code(self) -> &'static str {
        match self {
            Profile::Technician => "technician",
            Profile::PowerUser => "power_user",
            Profile::User => "user",
            Profile::Supervisor => "supervisor",
            Profile::Administrator => "administrator",
        }
    }

    /// The translated name.
    pub fn name(self) -> Msg {
        match self {
            Profile::Technician => msg("profile-technician"),
            Profile::PowerUser => msg("profile-power-user"),
            Profile::User => msg("profile-user"),
            Profile::Supervisor => msg("profile-supervisor"),
            Profile::Administrator => msg("profile-administrator"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_gestsups() {
        assert_eq!(Profile::Technician.id(), 0);
        assert_eq!(Profile::Administrator.id(), 4);
        for p in Profile::ALL {
            assert_eq!(Profile::from_id(p.id()), Some(p));
        }
        assert_eq!(Profile::from_id(9), None);
    }
}
