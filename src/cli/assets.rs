//! `assets import FILE [--dry-run]`: an asset CSV file imported from the shell, as the server
//! itself, with the import page's rules; prints what each line did (or would do).

use std::path::Path;

use super::*;
use crate::domain::assets::import::log::Source;
use crate::domain::assets::import::sheet::MAX_BYTES;
use crate::domain::assets::import::use_cases;

/// `gestdesk assets import`.
pub(super) async fn import(app: &App, file: &Path, dry_run: bool) -> Result<(), AppError> {
    let lang = cli_lang();
    let size = std::fs::metadata(file)?.len();
    if usize::try_from(size).unwrap_or(usize::MAX) > MAX_BYTES {
        let why = crate::i18n::msg("asset-import-too-big").arg("max", MAX_BYTES / (1024 * 1024));
        return Err(AppError::Io(std::io::Error::other(why.render(lang))));
    }
    let bytes = std::fs::read(file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = use_cases::as_server(app.db(), &name, bytes, Source::Shell, dry_run)
        .await
        .map_err(explain)?;
    match imported.report {
        Ok(report) => {
            if dry_run {
                say(&lang.t("cli-assets-dry-run"))?;
            }
            print!("{}", report.text(lang));
            Ok(())
        }
        Err(why) => Err(AppError::Io(std::io::Error::other(why.render(lang)))),
    }
}
