//! Satisfaction surveys (the "survey" function switch): their administration, the page a
//! requester reaches from the mailed link (no login), and the answers over a period with their
//! export. Every route is behind the switch.

mod admin;
mod answers;
mod public;

use crate::domain::rights::names;
use crate::domain::settings::FUNCTION_SURVEYS;

use super::paths;
use super::routes::{Access, Routes};

/// Who reads the answers: administrators and holders of the statistics right.
const READERS: &[crate::domain::rights::Right] = &[names::ADMIN, names::STAT];

/// The routes of this area.
pub fn routes() -> Routes {
    let admin = Access::Right(names::ADMIN);
    Routes::new()
        .get(paths::ADMIN_SURVEYS, admin, admin::page)
        .post(paths::ADMIN_SURVEYS, admin, admin::save)
        .post(paths::ADMIN_SURVEY_QUESTIONS, admin, admin::add_question)
        .get(paths::ADMIN_SURVEY_QUESTION, admin, admin::question_page)
        .post(paths::ADMIN_SURVEY_QUESTION, admin, admin::change_question)
        .post(
            paths::ADMIN_SURVEY_QUESTION_DELETE,
            admin,
            admin::remove_question,
        )
        .post(
            paths::ADMIN_SURVEY_QUESTION_MOVE,
            admin,
            admin::move_question,
        )
        .post(paths::ADMIN_SURVEY_MAIL, admin, admin::save_mail)
        .get(paths::SURVEY, Access::Anyone, public::page)
        .post(paths::SURVEY, Access::Anyone, public::submit)
        .get(
            paths::SURVEY_ANSWERS,
            Access::AnyRight(READERS),
            answers::page,
        )
        .get(
            paths::SURVEY_ANSWERS_CSV,
            Access::AnyRight(READERS),
            answers::csv,
        )
        .behind_function(FUNCTION_SURVEYS)
}
