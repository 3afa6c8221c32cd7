//! Who is acting: the signed-in user, the rights of their profile and the settings of the
//! moment, built once per request and handed to every use case. Capabilities read what they need
//! from it (ticket rules in [`crate::domain::tickets`], the list reader in
//! [`crate::domain::worklist::reader`], the procedures reader) rather than each keeping their own
//! idea of the user.

use std::sync::Arc;

use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::rights::{Right, RightSet};
use crate::domain::settings::Settings;
use crate::domain::users::User;

/// The acting user.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub rights: RightSet,
    pub settings: Arc<Settings>,
}

impl Actor {
    /// The user's id.
    pub fn id(&self) -> UserId {
        self.user.id
    }

    /// Whether the user's profile holds `right`.
    pub fn has(&self, right: Right) -> bool {
        self.rights.has(right)
    }

    /// Technicians and administrators handle tickets.
    pub fn is_technician(&self) -> bool {
        matches!(
            self.user.profile,
            Profile::Technician | Profile::Administrator
        )
    }
}
