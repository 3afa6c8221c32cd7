//! What the user administration pages read, each in one call: the account list, the form's
//! choices, and everything shown beside an account's form.

use crate::db::Db;
use crate::domain::auth::throttle;
use crate::domain::ids::UserId;
use crate::domain::views::{self, View};
use crate::domain::{DomainError, clock, groups, run};
use crate::i18n::Lang;

use super::assignments;
use super::choices::{self, Choice};
use super::options::UserFormOptions;
use super::record::{self, UserRecord};
use super::search::{self, UserPage, UserQuery};

/// Accounts matching `q`.
pub async fn find(db: &Db, q: UserQuery) -> Result<UserPage, DomainError> {
    run::read(db, move |c| Ok(search::search(c, &q)?)).await
}

/// The choices of the new-account form.
pub async fn form_options(db: &Db, lang: Lang) -> Result<UserFormOptions, DomainError> {
    run::read(db, move |c| Ok(UserFormOptions::load(c, lang, None)?)).await
}

/// Everything shown beside an account's form.
#[derive(Debug, Clone)]
pub struct Extras {
    pub record: UserRecord,
    pub assignments: Vec<assignments::Assignment>,
    pub requesters: Vec<Choice>,
    pub views: Vec<View>,
    pub view_targets: Vec<(String, String)>,
    pub groups: Vec<groups::Group>,
    pub options: UserFormOptions,
    /// When the account is locked after failed logins: until when.
    pub locked_until: Option<i64>,
    /// The account logs in with a second factor.
    pub second_factor: bool,
}

/// Account `id` with everything its page shows beside the form.
pub async fn account(db: &Db, user: UserId, lang: Lang) -> Result<Extras, DomainError> {
    let id = user.0;
    run::read(db, move |c| {
        let record = record::get(c, id)?.ok_or(DomainError::NotFound)?;
        let now = clock::now();
        let locked_until = throttle::account_lock(c, &record.login, now)?.map(|secs| now + secs);
        let second_factor: bool = c
            .prepare_cached("SELECT totp_secret IS NOT NULL FROM users WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        Ok(Extras {
            locked_until,
            second_factor,
            assignments: assignments::list(c, id)?,
            requesters: choices::requesters(c)?,
            views: views::list(c, id, lang)?,
            view_targets: views::targets(c, lang)?,
            groups: groups::of_user(c, user)?,
            options: UserFormOptions::load(c, lang, Some(&record))?,
            record,
        })
    })
    .await
}

/// What a user's own profile page shows.
#[derive(Debug, Clone)]
pub struct Profile {
    pub record: UserRecord,
    pub options: UserFormOptions,
    pub views: Vec<View>,
    pub targets: Vec<(String, String)>,
    pub groups: Vec<groups::Group>,
    /// Their assets (none while the asset function is off).
    pub assets: Vec<crate::domain::assets::repo::Owned>,
    /// Their password is their directory account's (changed there, not here).
    pub directory_password: bool,
}

/// `actor`'s own profile.
pub async fn profile(
    db: &Db,
    actor: &crate::domain::Actor,
    lang: Lang,
) -> Result<Profile, DomainError> {
    let user = actor.id();
    let id = user.0;
    let assets_on = actor
        .settings
        .flag(crate::domain::settings::FUNCTION_ASSETS);
    run::read(db, move |c| {
        let record = record::get(c, id)?.ok_or(DomainError::NotFound)?;
        Ok(Profile {
            assets: if assets_on {
                crate::domain::assets::repo::owned_by(c, id, lang)?
            } else {
                Vec::new()
            },
            options: UserFormOptions::load(c, lang, Some(&record))?,
            record,
            views: views::list(c, id, lang)?,
            targets: views::targets(c, lang)?,
            groups: groups::of_user(c, user)?,
            directory_password: crate::domain::directory::login::account(c, user)?.is_some(),
        })
    })
    .await
}
