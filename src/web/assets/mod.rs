//! Assets (the "asset" function switch): the list with its search, state tabs, filters and
//! CSV export, an asset's sheet with its interfaces, tickets and history, and the form that
//! writes one. Every route is behind the switch: while it is off they answer "not found" and
//! the menu has no entry. The domain checks the same rights again for every write.

mod batch;
mod choices;
mod discovery;
mod edit;
mod export;
mod files;
mod free_ip;
mod import;
mod list;
mod network;
mod picture;
mod sheet;

use crate::domain::rights::{Right, names};
use crate::domain::settings::FUNCTION_ASSETS;

use super::paths;
use super::routes::{Access, Routes};

/// Rights of this area (GestSup's names).
pub const SEE: Right = names::ASSET;
pub const CREATE: Right = names::SIDE_ASSET_CREATE;
pub const DELETE: Right = names::ASSET_DELETE;
pub const VIEW_ONLY: Right = names::ASSET_LIST_VIEW_ONLY;
pub const ALL_STATES: Right = names::SIDE_ASSET_ALL_STATE;
pub const LOCATION: Right = names::ASSET_LOCATION_DISP;
pub const VIRTUALIZATION: Right = names::ASSET_VIRTUALIZATION_DISP;
pub const COL_LOCATION: Right = names::ASSET_LIST_COL_LOCATION;
pub const COL_SERIAL: Right = names::ASSET_LIST_COL_SN_MANUFACTURER;
pub const NET_SCAN: Right = names::ASSET_NET_SCAN;

/// The remote control link to address `ip` (an IPv6 address in brackets).
pub fn vnc_href(ip: &str) -> String {
    if ip.contains(':') {
        format!("vnc://[{ip}]")
    } else {
        format!("vnc://{ip}")
    }
}

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::ASSETS, Access::Right(SEE), list::page)
        .get(paths::ASSETS_EXPORT, Access::Right(SEE), export::csv)
        .get(paths::ASSETS_FREE_IP, Access::Right(SEE), free_ip::page)
        // The ticket's asset field, for those who may set it.
        .get(
            paths::ASSET_CHOICES,
            Access::Right(names::TICKET_ASSET),
            choices::search,
        )
        .get(
            paths::ASSET_NEW,
            Access::AllRights(&[SEE, CREATE]),
            edit::new_page,
        )
        .post(
            paths::ASSETS,
            Access::AllRights(&[SEE, CREATE]),
            edit::create,
        )
        .get(
            paths::ASSETS_BATCH,
            Access::AllRights(&[SEE, CREATE]),
            batch::page,
        )
        .post(
            paths::ASSETS_BATCH,
            Access::AllRights(&[SEE, CREATE]),
            batch::create,
        )
        .get(
            paths::ASSETS_IMPORT,
            Access::AllRights(&[SEE, CREATE]),
            import::page,
        )
        .get(
            paths::ASSETS_IMPORT_TEMPLATE,
            Access::AllRights(&[SEE, CREATE]),
            import::template,
        )
        .post_upload(
            paths::ASSETS_IMPORT,
            Access::AllRights(&[SEE, CREATE]),
            import::upload,
            // Files up to eight times the largest one imported are read to say so in the form;
            // a larger request is refused as too large.
            8 * crate::domain::assets::import::sheet::MAX_BYTES,
        )
        .get(
            paths::ASSET_IMPORT,
            Access::AllRights(&[SEE, CREATE]),
            import::previewed,
        )
        .post(
            paths::ASSET_IMPORT,
            Access::AllRights(&[SEE, CREATE]),
            import::confirm,
        )
        .get(
            paths::ASSET_MODEL_PICTURE,
            Access::Right(SEE),
            picture::serve,
        )
        .get(paths::ASSET, Access::Right(SEE), sheet::page)
        .get(paths::ASSET_EDIT, Access::Right(SEE), edit::edit_page)
        .post(paths::ASSET, Access::Right(SEE), edit::save)
        .post(paths::ASSET_NOTE, Access::Right(SEE), sheet::note)
        // Behind the IP switch as well (checked by the use cases): ping for whoever sees the
        // asset, wake for whoever may change it.
        .post(paths::ASSET_PING, Access::Right(SEE), sheet::ping)
        .post(paths::ASSET_WAKE, Access::Right(SEE), sheet::wake)
        .post(
            paths::ASSETS_NETWORK,
            Access::Right(SEE),
            network::selected_action,
        )
        .get(
            paths::ASSETS_DISCOVERY,
            Access::AllRights(&[SEE, NET_SCAN]),
            discovery::page,
        )
        .post(
            paths::ASSETS_DISCOVERY_DRY_RUN,
            Access::AllRights(&[SEE, NET_SCAN]),
            discovery::dry_run,
        )
        .post(
            paths::ASSETS_DISCOVERY_RUN,
            Access::AllRights(&[SEE, NET_SCAN]),
            discovery::run,
        )
        .post(
            paths::ASSETS_DISCOVERY_STOP,
            Access::AllRights(&[SEE, NET_SCAN]),
            discovery::stop,
        )
        .post(
            paths::ASSET_DELETE,
            Access::AllRights(&[SEE, DELETE]),
            sheet::delete,
        )
        .post_upload(
            paths::ASSET_FILES,
            Access::Right(SEE),
            files::upload,
            super::tickets::upload::MAX_REQUEST_BYTES,
        )
        .get(paths::ASSET_FILE, Access::Right(SEE), files::download)
        .post(paths::ASSET_FILE_DELETE, Access::Right(SEE), files::delete)
        .behind_function(FUNCTION_ASSETS)
}
