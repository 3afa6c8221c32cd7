//! Procedures (the "procedure" function switch): the list with its search, a procedure's page,
//! the form that writes one, and its files. Every route is behind the switch: while it is off
//! they answer "not found" and the menu has no entry.

mod edit;
mod files;
mod list;
mod show;

use crate::domain::rights::{Right, names};
use crate::domain::settings::FUNCTION_PROCEDURES;

use super::paths;
use super::routes::{Access, Routes};
use super::tickets::upload;

/// Rights of this area (GestSup's names).
pub const SEE_ALL: Right = names::PROCEDURE;
pub const ADD: Right = names::PROCEDURE_ADD;
pub const MODIFY: Right = names::PROCEDURE_MODIFY;
pub const DELETE: Right = names::PROCEDURE_DELETE;
pub const COMPANY: Right = names::PROCEDURE_COMPANY;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::PROCEDURES, Access::Right(SEE_ALL), list::page)
        .get(paths::PROCEDURE_NEW, Access::Right(ADD), edit::new_page)
        .post_upload(
            paths::PROCEDURES,
            Access::Right(ADD),
            edit::create,
            upload::MAX_REQUEST_BYTES,
        )
        // Requesters read published procedures from their tickets.
        .get(paths::PROCEDURE, Access::LoggedIn, show::page)
        .get(
            paths::PROCEDURE_EDIT,
            Access::Right(MODIFY),
            edit::edit_page,
        )
        .post_upload(
            paths::PROCEDURE,
            Access::Right(MODIFY),
            edit::save,
            upload::MAX_REQUEST_BYTES,
        )
        .post(paths::PROCEDURE_DELETE, Access::Right(DELETE), edit::delete)
        .get(paths::PROCEDURE_FILE, Access::LoggedIn, files::download)
        .post(
            paths::PROCEDURE_FILE_DELETE,
            Access::Right(MODIFY),
            files::delete,
        )
        .behind_function(FUNCTION_PROCEDURES)
}
