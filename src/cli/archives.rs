//! `backup` and `restore`.

use super::*;

/// `gestdesk backup`.
pub(super) async fn backup(app: &App, to: Option<PathBuf>) -> Result<(), AppError> {
    let lang = cli_lang();
    let (db, config) = (app.db().clone(), app.config().clone());
    let created = tokio::task::spawn_blocking(move || {
        crate::backup::create(
            &db,
            config.data_dir(),
            &config.attachments_dir(),
            &config.backups_dir(),
            to.as_deref(),
        )
    })
    .await
    .map_err(|e| AppError::Io(std::io::Error::other(e)))?
    .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
    let c = created.manifest.counts;
    say(&lang.t_args(
        "cli-backup-done",
        &[
            ("path", &created.path.display().to_string()),
            (
                "size",
                &crate::i18n::format_decimal(lang, created.size as f64 / 1_048_576.0),
            ),
            ("seconds", &format!("{:.1}", created.took.as_secs_f64())),
            ("tickets", &c.tickets.to_string()),
            ("attachments", &c.attachments.to_string()),
        ],
    ))?;
    Ok(())
}

/// `gestdesk restore FILE`.
pub(super) fn restore(config: &Config, file: &std::path::Path) -> Result<(), AppError> {
    let lang = cli_lang();
    let done = crate::backup::restore(config, file).map_err(|e| match e {
        crate::backup::BackupError::InUse => {
            AppError::Io(std::io::Error::other(lang.t("cli-restore-in-use")))
        }
        other => AppError::Io(std::io::Error::other(other.to_string())),
    })?;
    let c = done.manifest.counts;
    say(&lang.t_args(
        "cli-restore-done",
        &[
            ("tickets", &c.tickets.to_string()),
            ("users", &c.users.to_string()),
            ("attachments", &c.attachments.to_string()),
            ("kept", &done.kept_in.display().to_string()),
            ("seconds", &format!("{:.1}", done.took.as_secs_f64())),
        ],
    ))?;
    Ok(())
}
