//! Administration pages. Each route declares the right it needs (see [`crate::web::routes`]).

mod agency_move;
mod api_tokens;
mod backups;
mod directory;
mod directory_sync;
mod groups;
pub(crate) mod https;
mod intranet_form;
mod lists;
pub mod logo;
mod mail;
mod mail_in;
mod model_picture;
pub mod network;
mod outbox;
mod rights;
pub(crate) mod settings;
mod settings_log;
mod system;
mod system_logs;
mod system_panels;
pub mod user_actions;
mod user_erase;
pub mod users;
mod webhooks;

use crate::domain::rights::names;

use super::paths;
use super::routes::{Access, Routes};

const ADMIN: Access = Access::Right(names::ADMIN);
const GROUPS: Access = Access::AnyRight(names::ANY_GROUPS);
const LISTS: Access = Access::AnyRight(names::ANY_LISTS);
const BACKUPS: Access = Access::AnyRight(names::ANY_BACKUP);
/// Another user's personal views are changed from their account page, which only
/// administrators open: the section needs its own right on top.
const USER_VIEWS: Access = Access::AllRights(&[names::ADMIN, names::ADMIN_USER_VIEW]);

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::ADMIN_SYSTEM, ADMIN, system::page)
        .get(paths::ADMIN_API, ADMIN, api_tokens::page)
        .post(paths::ADMIN_API, ADMIN, api_tokens::create)
        .post(paths::ADMIN_API_REVOKE, ADMIN, api_tokens::revoke)
        .post(paths::ADMIN_API_SETTINGS, ADMIN, api_tokens::save_settings)
        .get(paths::ADMIN_INTRANET, ADMIN, intranet_form::page)
        .post(paths::ADMIN_INTRANET, ADMIN, intranet_form::save)
        .get(paths::ADMIN_WEBHOOKS, ADMIN, webhooks::list)
        .post(paths::ADMIN_WEBHOOKS, ADMIN, webhooks::create)
        .get(paths::ADMIN_WEBHOOK, ADMIN, webhooks::show)
        .post(paths::ADMIN_WEBHOOK, ADMIN, webhooks::update)
        .post(paths::ADMIN_WEBHOOK_DELETE, ADMIN, webhooks::delete)
        .post(paths::ADMIN_WEBHOOK_PING, ADMIN, webhooks::ping)
        .post(paths::ADMIN_WEBHOOK_RETRY, ADMIN, webhooks::retry)
        .post(paths::ADMIN_THROTTLE_CLEAR, ADMIN, system::clear_throttle)
        .post(paths::ADMIN_SYSTEM_RUN, ADMIN, system::run_now)
        .get(paths::ADMIN_HTTPS, ADMIN, https::page)
        .post(paths::ADMIN_HTTPS, ADMIN, https::save)
        .post(
            paths::ADMIN_HTTPS_CERTIFICATE,
            ADMIN,
            https::save_certificate,
        )
        .post(paths::ADMIN_HTTPS_RENEW, ADMIN, https::renew)
        .post(paths::ADMIN_SYSTEM_INTEGRITY, ADMIN, system::integrity)
        .get(paths::ADMIN_SYSTEM_LOGS, ADMIN, system_logs::page)
        .get(
            paths::ADMIN_SYSTEM_LOG_DOWNLOAD,
            ADMIN,
            system_logs::download,
        )
        .get(paths::ADMIN_SETTINGS, ADMIN, settings::page)
        .post(paths::ADMIN_SETTINGS, ADMIN, settings::save)
        .get(paths::ADMIN_SETTINGS_LOG, ADMIN, settings_log::page)
        .get(paths::ADMIN_BACKUPS, BACKUPS, backups::page)
        .post(paths::ADMIN_BACKUPS, BACKUPS, backups::create)
        .post(paths::ADMIN_BACKUPS_SETTINGS, BACKUPS, backups::save)
        .get(paths::ADMIN_BACKUP, BACKUPS, backups::download)
        .post(
            paths::ADMIN_BACKUP_RESTORE_LIST,
            BACKUPS,
            backups::restore_list,
        )
        .get(paths::ADMIN_MAIL, ADMIN, mail::page)
        .post(paths::ADMIN_MAIL, ADMIN, mail::save)
        .post(paths::ADMIN_MAIL_TEST, ADMIN, mail::test)
        .get(paths::ADMIN_DIRECTORY, ADMIN, directory::page)
        .post(paths::ADMIN_DIRECTORY, ADMIN, directory::save)
        .post(paths::ADMIN_DIRECTORY_TEST, ADMIN, directory::test)
        .post(
            paths::ADMIN_DIRECTORY_SIMULATE,
            ADMIN,
            directory_sync::simulate,
        )
        .post(
            paths::ADMIN_DIRECTORY_SYNC,
            ADMIN,
            directory_sync::synchronise,
        )
        .get(paths::ADMIN_DIRECTORY_RUNS, ADMIN, directory_sync::history)
        .get(paths::ADMIN_MAIL_IN, ADMIN, mail_in::page)
        .post(paths::ADMIN_MAIL_IN, ADMIN, mail_in::save)
        .get(paths::ADMIN_MAILBOX_NEW, ADMIN, mail_in::new_page)
        .post(paths::ADMIN_MAILBOX_NEW, ADMIN, mail_in::create)
        .post(paths::ADMIN_MAILBOX_TEST, ADMIN, mail_in::test)
        .get(paths::ADMIN_MAIL_FETCHES, ADMIN, mail_in::fetches)
        .get(paths::ADMIN_MAIL_REJECTED, ADMIN, mail_in::rejected)
        .get(paths::ADMIN_MAIL_REJECTED_RAW, ADMIN, mail_in::rejected_raw)
        .post(
            paths::ADMIN_MAIL_REJECTED_DELETE,
            ADMIN,
            mail_in::rejected_delete,
        )
        .get(paths::ADMIN_MAILBOX, ADMIN, mail_in::edit_page)
        .post(paths::ADMIN_MAILBOX, ADMIN, mail_in::update)
        .post(paths::ADMIN_MAILBOX_FETCH, ADMIN, mail_in::fetch)
        .post(paths::ADMIN_MAILBOX_DELETE, ADMIN, mail_in::delete)
        .get(paths::ADMIN_NETWORK, ADMIN, network::page)
        .post(paths::ADMIN_NETWORK, ADMIN, network::save)
        .post(paths::ADMIN_NETWORK_PING_ALL, ADMIN, network::ping_all)
        .get(paths::ADMIN_OUTBOX, ADMIN, outbox::page)
        .post(paths::ADMIN_OUTBOX_RETRY, ADMIN, outbox::retry)
        .post(paths::ADMIN_OUTBOX_DELETE, ADMIN, outbox::delete)
        .post(paths::ADMIN_LOGO, ADMIN, logo::upload)
        .post(paths::ADMIN_LOGO_DELETE, ADMIN, logo::remove)
        .get(paths::LOGO, Access::Anyone, logo::serve)
        .post(paths::ADMIN_NEXT_NUMBER, ADMIN, settings::save_next_number)
        .get(paths::ADMIN_USERS, ADMIN, users::list)
        .post(paths::ADMIN_USERS, ADMIN, users::create)
        .get(paths::ADMIN_USER_NEW, ADMIN, users::new_page)
        .get(paths::ADMIN_USER, ADMIN, users::edit_page)
        .post(paths::ADMIN_USER, ADMIN, users::update)
        .post(paths::ADMIN_USER_DISABLE, ADMIN, user_actions::disable)
        .post(paths::ADMIN_USER_ENABLE, ADMIN, user_actions::enable)
        .post(paths::ADMIN_USER_UNLOCK, ADMIN, user_actions::unlock)
        .post(
            paths::ADMIN_USER_TWO_FACTOR_RESET,
            ADMIN,
            user_actions::reset_two_factor,
        )
        .get(paths::ADMIN_USER_ERASE, ADMIN, user_erase::page)
        .post(paths::ADMIN_USER_ERASE, ADMIN, user_erase::erase)
        .post(
            paths::ADMIN_USER_REQUESTERS,
            ADMIN,
            user_actions::add_requester,
        )
        .post(
            paths::ADMIN_USER_REQUESTER_DELETE,
            ADMIN,
            user_actions::remove_requester,
        )
        .post(paths::ADMIN_USER_VIEWS, USER_VIEWS, user_actions::add_view)
        .post(
            paths::ADMIN_USER_VIEW_DELETE,
            USER_VIEWS,
            user_actions::remove_view,
        )
        .get(paths::ADMIN_RIGHTS, ADMIN, rights::page)
        .post(paths::ADMIN_RIGHTS_TOGGLE, ADMIN, rights::toggle)
        .get(paths::ADMIN_GROUPS, GROUPS, groups::list)
        .post(paths::ADMIN_GROUPS, GROUPS, groups::create)
        .get(paths::ADMIN_GROUP, GROUPS, groups::show)
        .post(paths::ADMIN_GROUP, GROUPS, groups::rename)
        .post(paths::ADMIN_GROUP_DELETE, GROUPS, groups::delete)
        .post(paths::ADMIN_GROUP_MEMBERS, GROUPS, groups::add_member)
        .post(
            paths::ADMIN_GROUP_MEMBER_DELETE,
            GROUPS,
            groups::remove_member,
        )
        .get(paths::ADMIN_LISTS, LISTS, lists::index)
        .get(paths::ADMIN_LIST, LISTS, lists::show)
        .post(paths::ADMIN_LIST, LISTS, lists::add)
        .get(paths::ADMIN_LIST_ENTRY, LISTS, lists::edit)
        .post(paths::ADMIN_LIST_ENTRY, LISTS, lists::update)
        .post(paths::ADMIN_LIST_ENTRY_DELETE, LISTS, lists::delete)
        .post(paths::ADMIN_LIST_ENTRY_TOGGLE, LISTS, lists::toggle)
        .get(paths::ADMIN_AGENCY_MOVE, ADMIN, agency_move::page)
        .post(paths::ADMIN_AGENCY_MOVE, ADMIN, agency_move::submit)
        .post_upload(
            paths::ADMIN_LIST_ENTRY_PICTURE,
            LISTS,
            model_picture::upload,
            // The picture and the form around it; a larger one is read to say so.
            4 * crate::domain::assets::pictures::MAX_BYTES,
        )
        .post(
            paths::ADMIN_LIST_ENTRY_PICTURE_DELETE,
            LISTS,
            model_picture::remove,
        )
}
