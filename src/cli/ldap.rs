//! `ldap sync`: synchronises the users from the directory now (or, with `--dry-run`, prints
//! what it would change), like the Synchronise and Simulate buttons.

use super::*;
use crate::directory_sync::{self, SyncError};
use crate::domain::directory::Trigger;

/// `gestdesk ldap sync [--dry-run]`.
pub(super) async fn ldap_sync(app: &App, dry_run: bool) -> Result<(), AppError> {
    let lang = cli_lang();
    let fail = |text: String| AppError::Io(std::io::Error::other(text));
    let outcome = match directory_sync::run(app.db(), None, Trigger::Command, dry_run).await {
        Ok(o) => o,
        Err(SyncError::Domain(e)) => return Err(explain(e)),
        Err(e) => {
            let said = lang.t(directory_sync::failure_key(&e));
            return Err(fail(match e {
                SyncError::Directory(d) => format!("{said} ({d})"),
                _ => said,
            }));
        }
    };
    let plan = &outcome.plan;
    for n in &plan.create {
        say(&format!("+ {}", n.entry.login))?;
    }
    for u in &plan.update {
        for c in &u.changes {
            say(&format!(
                "~ {}: {}: {} -> {}",
                u.login,
                lang.t(c.field.label()),
                c.old,
                c.new
            ))?;
        }
    }
    for t in &plan.disable {
        say(&format!("- {} ({})", t.login, lang.t(t.reason.label())))?;
    }
    for t in &plan.enable {
        say(&format!("* {}", t.login))?;
    }
    for m in &plan.memberships {
        say(&format!(
            "{} {}: {}",
            if m.added { "+" } else { "-" },
            m.login,
            m.name
        ))?;
    }
    for p in &plan.problems {
        say(&format!("! {}", p.message().render(lang)))?;
    }
    let c = crate::domain::directory::runs::Counts::of(plan);
    say(&format!(
        "{} {}",
        lang.t(if dry_run {
            "directory-run-simulation"
        } else {
            "directory-run-sync"
        }),
        c.message().render(lang)
    ))?;
    Ok(())
}
