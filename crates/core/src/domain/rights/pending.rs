//! The rights of GestSup's matrix that take no effect in this version, each with the function
//! that will read it. They are kept (an imported GestSup site keeps its grants, and they will
//! apply once their function exists) and the rights page says of each that it does nothing yet.
//! Every other right takes effect on the server: a story walks them all, and another reads the
//! code to check that each one not listed here is read somewhere.

/// Why a right does nothing yet: its function is not in this version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Function(Function),
}

/// A function this version does not have yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Assets,
    Projects,
    Contracts,
}

impl Pending {
    /// The translation key of the sentence that says so.
    pub fn message_key(self) -> &'static str {
        match self {
            Pending::Function(Function::Assets) => "rights-pending-assets",
            Pending::Function(Function::Projects) => "rights-pending-projects",
            Pending::Function(Function::Contracts) => "rights-pending-contracts",
        }
    }

    /// The work item that brings the function, by its number in the product's backlog; none
    /// for GestSup functions no item plans yet (projects and contracts).
    pub fn planned_in(self) -> Option<u32> {
        match self {
            Pending::Function(Function::Assets) => Some(18),
            Pending::Function(Function::Projects | Function::Contracts) => None,
        }
    }
}

use super::{Right, names};
use Function::{Assets, Contracts, Projects};

/// Every right without effect in this version.
pub const PENDING: &[(Right, Pending)] = &[
    (names::PROJECT, Pending::Function(Projects)),
    (names::CONTRACT, Pending::Function(Contracts)),
    (names::ASSET_LIST_TENANT_ONLY, Pending::Function(Assets)),
    (names::ASSET_LIST_COL_TENANT, Pending::Function(Assets)),
    (names::TICKET_ASSET_TYPE, Pending::Function(Assets)),
    (names::TICKET_ASSET_MODEL, Pending::Function(Assets)),
];

/// Why `right` does nothing yet, if it does nothing yet.
pub fn pending(right: &str) -> Option<Pending> {
    PENDING
        .iter()
        .find(|(r, _)| r.name() == right)
        .map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pending_right_is_listed_once() {
        for (i, (a, _)) in PENDING.iter().enumerate() {
            assert!(
                PENDING[i + 1..].iter().all(|(b, _)| a != b),
                "{a} listed twice"
            );
        }
    }
}
