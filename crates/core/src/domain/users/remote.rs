//! Accounts made and changed by another program (the API), administrators only, with the
//! administration form's rules: an account made from named fields, or changed field by field
//! (the fields left out keep their values), and disabled or enabled again.

use crate::db::Db;
use crate::domain::actor::Actor;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::rights::names;
use crate::i18n::msg;

use super::form::UserInput;
use super::{manage, policy};

/// The fields a program may give, by the administration form's names (`profile` also takes a
/// profile's code, `password` is confirmed by itself).
pub const FIELDS: [&str; 18] = [
    "login",
    "password",
    "firstname",
    "lastname",
    "mail",
    "phone",
    "mobile",
    "fax",
    "function",
    "company",
    "address1",
    "address2",
    "zip",
    "city",
    "custom1",
    "custom2",
    "profile",
    "language",
];

fn admin_only(actor: &Actor) -> Result<(), DomainError> {
    if actor.has(names::ADMIN) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// `fields` written over `input` as the form would send them; unknown names are refused.
fn apply(input: &mut UserInput, fields: Vec<(String, String)>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    for (name, value) in fields {
        if !FIELDS.contains(&name.as_str()) {
            errors.add("fields", msg("api-unknown-field").arg("name", &name));
            continue;
        }
        let value = match name.as_str() {
            "profile" => Profile::ALL
                .into_iter()
                .find(|p| p.code() == value)
                .map_or(value, |p| p.id().to_string()),
            "password" => {
                input.set("password_confirm", value.clone());
                value
            }
            _ => value,
        };
        input.set(&name, value);
    }
    errors.into_result()
}

/// Makes an account from `fields`; answers its id.
pub async fn create(
    db: &Db,
    actor: &Actor,
    fields: Vec<(String, String)>,
    ip: String,
) -> Result<UserId, DomainError> {
    admin_only(actor)?;
    let mut input =
        UserInput::from_pairs(vec![("profile".to_owned(), Profile::User.id().to_string())]);
    apply(&mut input, fields)?;
    let policy = policy::administration(&actor.settings, &actor.rights);
    let id = manage::create(db, input, policy, Profile::User, Some(actor.id()), ip).await?;
    Ok(UserId(id))
}

/// Changes the `fields` given of account `id` (the others keep their values), then disables or
/// enables it when `disabled` says so.
pub async fn change(
    db: &Db,
    actor: &Actor,
    id: UserId,
    fields: Vec<(String, String)>,
    disabled: Option<bool>,
    ip: String,
) -> Result<(), DomainError> {
    admin_only(actor)?;
    // Refused before anything is written, so that a change asking for it is not half made.
    if disabled == Some(true) && id == actor.id() {
        return Err(DomainError::Conflict(msg("error-cannot-disable-self")));
    }
    if !fields.is_empty() {
        let mut input = UserInput::from_record(&manage::record(db, id).await?);
        apply(&mut input, fields)?;
        let policy = policy::administration(&actor.settings, &actor.rights);
        manage::update(db, id, input, policy, actor.id(), ip.clone()).await?;
    }
    if let Some(disabled) = disabled {
        manage::set_disabled(db, id, disabled, actor.id(), ip).await?;
    }
    Ok(())
}
