//! Files as a shared capability: what tickets, procedures and assets hold. A file is
//! received and checked once ([`accept`]: name, content, archive bombs, size), stored under a
//! generated name ([`Store`]), linked to its [`Owner`], served as an attachment by its owner's
//! pages, and kept in agreement with its row ([`purge_stale`], [`reconcile`]).

pub mod bombs;
pub mod checks;
mod stored;

pub use checks::{
    ALLOWED_EXTENSIONS, accept_attribute, check_content, check_name, content_type_for,
};
pub use stored::*;

use crate::domain::ids::{AssetId, ProcedureId, TicketId};

/// What a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Ticket(TicketId),
    Procedure(ProcedureId),
    Asset(AssetId),
}

impl Owner {
    /// The column of `attachments` naming this kind of owner (fixed names, never typed input).
    fn column(self) -> &'static str {
        match self {
            Owner::Ticket(_) => "ticket_id",
            Owner::Procedure(_) => "procedure_id",
            Owner::Asset(_) => "asset_id",
        }
    }

    /// The owner's id.
    fn id(self) -> i64 {
        match self {
            Owner::Ticket(TicketId(id))
            | Owner::Procedure(ProcedureId(id))
            | Owner::Asset(AssetId(id)) => id,
        }
    }
}
