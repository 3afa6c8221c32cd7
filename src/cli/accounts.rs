//! `repair-admin`: a working administrator again, from the shell.

use super::*;

/// `gestdesk repair-admin LOGIN`: says what it changed.
pub(super) async fn repair_admin(app: &App, login: &str) -> Result<(), AppError> {
    let lang = cli_lang();
    let done = users::repair_admin(app.db(), login)
        .await
        .map_err(|e| match e {
            DomainError::NotFound => AppError::Io(std::io::Error::other(
                lang.t_args("cli-no-such-login", &[("login", login)]),
            )),
            other => explain(other),
        })?;
    let mut lines = Vec::new();
    if !done.granted.is_empty() {
        lines.push(lang.t_args(
            "cli-repair-granted",
            &[("rights", &done.granted.join(", "))],
        ));
    }
    if done.made_administrator {
        lines.push(lang.t("cli-repair-profile"));
    }
    if done.enabled {
        lines.push(lang.t("cli-repair-enabled"));
    }
    if done.unlocked {
        lines.push(lang.t("cli-repair-unlocked"));
    }
    if lines.is_empty() {
        lines.push(lang.t("cli-repair-nothing"));
    }
    for l in lines {
        say(&l)?;
    }
    say(&lang.t_args("cli-repair-done", &[("login", login)]))?;
    Ok(())
}
