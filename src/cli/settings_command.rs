//! `settings`: the settings page's keys, read and changed from the shell.

use super::*;

/// `gestdesk settings …`.
pub(super) async fn settings_command(app: &App, action: SettingsAction) -> Result<(), AppError> {
    let lang = cli_lang();
    let unknown = |key: &str| {
        AppError::Io(std::io::Error::other(format!(
            "{key}: {}",
            lang.t("error-setting-unknown")
        )))
    };
    let current = app
        .db()
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await?;
    match action {
        SettingsAction::List => {
            for def in registry::all() {
                say(&format!("{} = {}", def.key, def.shown(current.value(def))))?;
            }
        }
        SettingsAction::Get { key } => {
            let def = registry::find(&key).ok_or_else(|| unknown(&key))?;
            say(def.shown(current.value(def)))?;
        }
        SettingsAction::Set { key, value } => {
            let def = registry::find(&key).ok_or_else(|| unknown(&key))?;
            let value = if value == "-" {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                line.trim_end_matches(['\n', '\r']).to_owned()
            } else {
                value
            };
            settings::save_all(
                app.db(),
                vec![(def.key, value)],
                None,
                settings::Source::CommandLine,
            )
            .await
            .map_err(explain)?;
            let now = app
                .db()
                .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
                .await?;
            say(&format!("{} = {}", def.key, def.shown(now.value(def))))?;
        }
    }
    Ok(())
}
