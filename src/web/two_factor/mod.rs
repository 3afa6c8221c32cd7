//! Two-factor login: the code asked after the password (`login`), turning it on and off and new
//! recovery codes on the profile (`profile`), and the QR code an authenticator app reads
//! (`qr`). The rules are in [`crate::domain::auth::second_factor`].

mod login;
mod profile;
mod qr;

pub use login::password_accepted;

use super::paths;
use super::routes::{Access, Routes};

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::LOGIN_CODE, Access::Anyone, login::page)
        .post(paths::LOGIN_CODE, Access::Anyone, login::submit)
        .get(paths::PROFILE_TWO_FACTOR, Access::LoggedIn, profile::page)
        .post(
            paths::PROFILE_TWO_FACTOR_CONFIRM,
            Access::LoggedIn,
            profile::confirm,
        )
        .post(
            paths::PROFILE_TWO_FACTOR_OFF,
            Access::LoggedIn,
            profile::turn_off,
        )
        .post(
            paths::PROFILE_TWO_FACTOR_CODES,
            Access::LoggedIn,
            profile::new_codes,
        )
}
