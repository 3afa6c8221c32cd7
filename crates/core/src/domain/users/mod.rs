//! User accounts: creating administrators, passwords, and reading an account.

pub mod assignments;
pub mod by_address;
pub mod choices;
pub mod erase;
pub mod form;
pub mod manage;
pub mod options;
pub mod pages;
pub mod password;
pub mod policy;
pub mod preferences;
pub mod record;
pub mod remote;
pub mod repo;
pub mod rules;
pub mod search;

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::{DomainError, FieldErrors, clock, sessions, token};
use crate::i18n::msg;

/// An account as the rest of the application sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub login: String,
    pub firstname: String,
    pub lastname: String,
    pub mail: String,
    pub profile: Profile,
    /// The chosen language code, if any.
    pub language: Option<String>,
    /// The chosen theme, if any.
    pub theme: Option<String>,
    pub disabled: bool,
    pub must_change_password: bool,
    pub last_login_at: Option<i64>,
    /// The name as shown, in the order the settings choose (the login when both names are empty).
    pub name: String,
}

impl User {
    /// The name as shown everywhere (see [`User::name`]).
    pub fn display_name(&self) -> String {
        self.name.clone()
    }
}

/// The fields of a new administrator account, as typed.
#[derive(Debug, Clone, Default)]
pub struct NewAdmin {
    pub login: String,
    pub firstname: String,
    pub lastname: String,
    pub mail: String,
    pub password: String,
    pub password_confirm: String,
    /// A language code, or empty for "the browser's".
    pub language: String,
}

impl NewAdmin {
    /// Trims the text fields (not the passwords).
    fn normalized(mut self) -> Self {
        self.login = self.login.trim().to_owned();
        self.firstname = self.firstname.trim().to_owned();
        self.lastname = self.lastname.trim().to_owned();
        self.mail = self.mail.trim().to_owned();
        self.language = self.language.trim().to_owned();
        self
    }

    fn validate(
        &self,
        names_required: bool,
        policy: rules::PasswordPolicy,
    ) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        rules::check_login(&self.login, &mut errors);
        rules::check_name("firstname", &self.firstname, names_required, &mut errors);
        rules::check_name("lastname", &self.lastname, names_required, &mut errors);
        rules::check_mail(&self.mail, &mut errors);
        rules::check_new_password(
            policy,
            &self.login,
            &self.password,
            &self.password_confirm,
            &mut errors,
        );
        rules::check_language(&self.language, &mut errors);
        errors.into_result()
    }
}

/// Who asked for an administrator account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminOrigin {
    /// The one-time set-up page: only allowed while no account exists.
    FirstRunSetup,
    /// `gestdesk create-admin` on the server.
    CommandLine,
}

/// Creates an administrator account.
///
/// From the set-up page the names are required and the account must be the first one; the
/// check is made in the same transaction as the insert, so two set-up submissions cannot both
/// succeed.
pub async fn create_admin(
    db: &Db,
    input: NewAdmin,
    origin: AdminOrigin,
    ip: String,
) -> Result<User, DomainError> {
    let input = input.normalized();
    let policy = password_policy(db).await?;
    input.validate(origin == AdminOrigin::FirstRunSetup, policy)?;
    let login = input.login.clone();
    if db
        .read(move |c| repo::login_exists(c, &login).map_err(DomainError::from))
        .await?
    {
        return Err(login_taken());
    }
    let hash = password::hash(input.password.clone()).await?;
    db.write(move |tx| {
        if origin == AdminOrigin::FirstRunSetup && repo::count(tx)? > 0 {
            return Err(DomainError::Conflict(msg("setup-already-done")));
        }
        if repo::login_exists(tx, &input.login)? {
            return Err(login_taken());
        }
        let language = Some(input.language.as_str()).filter(|l| !l.is_empty());
        let id = repo::insert(
            tx,
            &repo::NewUserRow {
                login: &input.login,
                firstname: &input.firstname,
                lastname: &input.lastname,
                mail: &input.mail,
                profile: Profile::Administrator,
                password_hash: &hash,
                language,
                must_change_password: false,
            },
        )?;
        let how = match origin {
            AdminOrigin::FirstRunSetup => "set-up page",
            AdminOrigin::CommandLine => "command line",
        };
        events::record(
            tx,
            EventKind::AdminCreated,
            &format!("administrator {} created from the {how}", input.login),
            Some(id),
            &ip,
        )?;
        repo::get(tx, id)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// What new passwords must be, from the settings.
pub async fn password_policy(db: &Db) -> Result<rules::PasswordPolicy, DomainError> {
    db.read(|c| {
        crate::domain::settings::Settings::load(c)
            .map(|s| rules::PasswordPolicy::from_settings(&s))
            .map_err(DomainError::from)
    })
    .await
}

/// What [`repair_admin`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repaired {
    /// Rights granted back to the Administrator profile.
    pub granted: Vec<&'static str>,
    /// The account was of another profile.
    pub made_administrator: bool,
    /// The account was disabled.
    pub enabled: bool,
    /// The account had failed logins counted against it.
    pub unlocked: bool,
}

/// The rights a working administrator needs: the Administration menu and its pages, and
/// changing users' profiles.
const REPAIR_RIGHTS: [crate::domain::rights::Right; 2] = [
    crate::domain::rights::names::ADMIN,
    crate::domain::rights::names::ADMIN_USER_PROFILE,
];

/// Makes account `login` a working administrator again (from the shell, when nobody can
/// administer any more): of the Administrator profile, enabled, not locked, and that profile
/// holding the administration rights. Logged.
pub async fn repair_admin(db: &Db, login: &str) -> Result<Repaired, DomainError> {
    let login = login.trim().to_owned();
    db.write(move |tx| {
        let (user, _) = repo::get_with_hash_by_login(tx, &login)?.ok_or(DomainError::NotFound)?;
        let mut done = Repaired::default();
        for right in REPAIR_RIGHTS {
            if !crate::domain::rights::is_granted(tx, Profile::Administrator, right.name())? {
                crate::domain::rights::set(tx, Profile::Administrator, right.name(), true)?;
                done.granted.push(right.name());
            }
        }
        if user.profile != Profile::Administrator {
            tx.execute(
                "UPDATE users SET profile_id = ?2 WHERE id = ?1",
                rusqlite::params![user.id.0, Profile::Administrator.id()],
            )?;
            done.made_administrator = true;
        }
        if user.disabled {
            tx.execute("UPDATE users SET disabled = 0 WHERE id = ?1", [user.id.0])?;
            done.enabled = true;
        }
        done.unlocked = crate::domain::auth::throttle::clear_account(tx, &user.login)? > 0;
        events::record(
            tx,
            EventKind::AdminRepaired,
            &format!(
                "administrator {} repaired from the command line: {:?}",
                user.login, done
            ),
            Some(user.id),
            "",
        )?;
        Ok(done)
    })
    .await
}

fn login_taken() -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add("login", msg("error-login-taken"));
    DomainError::Invalid(errors)
}

/// Gives account `login` a new temporary password that must be changed at the next login, ends
/// its sessions and lifts any login lock on it. Returns the temporary password.
pub async fn reset_password(db: &Db, login: &str) -> Result<String, DomainError> {
    let login = login.trim().to_owned();
    let user = db
        .read({
            let login = login.clone();
            move |c| repo::get_with_hash_by_login(c, &login).map_err(DomainError::from)
        })
        .await?
        .map(|(u, _)| u)
        .ok_or(DomainError::NotFound)?;
    let temporary = token::temporary_password();
    let hash = password::hash(temporary.clone()).await?;
    db.write(move |tx| {
        repo::set_password(tx, user.id, &hash, true)?;
        sessions::end_all_for_user(tx, user.id)?;
        crate::domain::auth::clear_failures_for_login(tx, &user.login)?;
        events::record(
            tx,
            EventKind::PasswordReset,
            &format!(
                "temporary password set for {} from the command line",
                user.login
            ),
            Some(user.id),
            "",
        )?;
        Ok::<(), DomainError>(())
    })
    .await?;
    Ok(temporary)
}

/// The fields of the change-password form.
#[derive(Debug, Clone, Default)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

/// Changes the password of `user` after checking the current one. Other sessions of the user are
/// ended; the session `keep_session` (a token hash) stays. Wrong current passwords are counted
/// like failed logins (under their own kind): after five, password changes are refused for a
/// while, so that a session left open does not let anyone guess the password.
pub async fn change_password(
    db: &Db,
    gate: &std::sync::Arc<crate::domain::auth::Gate>,
    user: UserId,
    change: PasswordChange,
    keep_session: Option<String>,
    ip: String,
) -> Result<(), DomainError> {
    use crate::domain::auth::throttle::{self, Kind};
    let (login, directory) = db
        .read(move |c| {
            let login = repo::get(c, user)?.map(|u| u.login);
            let directory = crate::domain::directory::login::account(c, user)?.is_some();
            Ok::<_, DomainError>(login.map(|l| (l, directory)))
        })
        .await?
        .ok_or(DomainError::NotFound)?;
    // A directory account's password is the directory's: changed there.
    if directory {
        let mut errors = FieldErrors::new();
        errors.add("current", msg("password-from-directory"));
        return Err(DomainError::Invalid(errors));
    }
    let policy = password_policy(db).await?;
    let mut errors = FieldErrors::new();
    if change.current.is_empty() {
        errors.add("current", msg("error-required"));
    }
    rules::check_new_password(policy, &login, &change.new, &change.confirm, &mut errors);
    if errors.is_empty() && change.new == change.current {
        errors.add("password", msg("error-password-unchanged"));
    }
    errors.into_result()?;
    let Some(_pass) = gate
        .enter(&login, &ip, crate::domain::auth::throttle::TURN_WAIT)
        .await
    else {
        let mut errors = FieldErrors::new();
        errors.add("current", msg("login-error-busy"));
        return Err(DomainError::Invalid(errors));
    };
    let now = clock::now();
    let reserved = db
        .write({
            let (login, ip) = (login.clone(), ip.clone());
            move |tx| {
                let reservation =
                    throttle::reserve(tx, Kind::Password, &login, Some(user), &ip, now)?;
                Ok::<_, DomainError>((reservation, repo::password_hash(tx, user)?))
            }
        })
        .await?;
    let (reservation, stored) = match reserved {
        (Ok(r), stored) => (r, stored),
        (Err(refusal), _) => {
            let mut errors = FieldErrors::new();
            errors.add(
                "current",
                msg("error-password-locked").arg("minutes", refusal.minutes()),
            );
            return Err(DomainError::Invalid(errors));
        }
    };
    if !password::verify(change.current.clone(), stored).await {
        throttle::failed(reservation);
        let mut errors = FieldErrors::new();
        errors.add("current", msg("error-password-wrong"));
        return Err(DomainError::Invalid(errors));
    }
    let hash = password::hash(change.new).await?;
    db.write(move |tx| {
        throttle::succeeded(tx, reservation, Kind::Password, &login, user, &ip, now)?;
        repo::set_password(tx, user, &hash, false)?;
        sessions::end_others_for_user(tx, user, keep_session.as_deref())?;
        events::record(
            tx,
            EventKind::PasswordChanged,
            "password changed by its owner",
            Some(user),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// The account with id `id`.
pub async fn get(db: &Db, id: UserId) -> Result<User, DomainError> {
    db.read(move |c| repo::get(c, id).map_err(DomainError::from))
        .await?
        .ok_or(DomainError::NotFound)
}

/// Account `id` as `actor` may read it from another program (the API): their own account, or
/// any account for administrators. Any other is "not found", so that ids cannot be probed.
pub async fn readable(
    db: &Db,
    actor: &crate::domain::Actor,
    id: UserId,
) -> Result<User, DomainError> {
    if actor.id() != id && !actor.has(crate::domain::rights::names::ADMIN) {
        return Err(DomainError::NotFound);
    }
    get(db, id).await
}

/// Accounts matching `q`, for administrators (the API's user list).
pub async fn find_as(
    db: &Db,
    actor: &crate::domain::Actor,
    q: search::UserQuery,
) -> Result<search::UserPage, DomainError> {
    if !actor.has(crate::domain::rights::names::ADMIN) {
        return Err(DomainError::Forbidden);
    }
    pages::find(db, q).await
}

/// Whether at least one account exists.
pub async fn any_exists(db: &Db) -> Result<bool, DomainError> {
    db.read(|c| repo::count(c).map(|n| n > 0).map_err(DomainError::from))
        .await
}
