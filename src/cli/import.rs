//! `import gestsup`: a GestSup backup file or database (and the files of its `upload/` folder)
//! imported into this instance (which holds no ticket yet), with progress on standard error,
//! the report printed and kept in the data folder, and the database's integrity checked after;
//! `--dry-run` reads everything and changes nothing.

use super::*;
use crate::gestsup::{self, ImportError};

/// `gestdesk import gestsup --from FILE|mysql://... [--files DIR] [--dry-run]`.
pub(super) async fn import_gestsup(
    app: &App,
    from: &str,
    upload: Option<std::path::PathBuf>,
    dry_run: bool,
) -> Result<(), AppError> {
    let lang = cli_lang();
    let fail = |text: String| AppError::Io(std::io::Error::other(text));
    let progress: gestsup::Progress = Box::new(move |step| {
        let line = crate::i18n::msg("cli-import-progress")
            .arg("table", step.table.clone())
            .arg("done", step.done)
            .arg("total", step.total)
            .arg("rate", format!("{:.0}", step.rate));
        eprintln!("{}", line.render(lang));
    });
    let files = match upload {
        Some(dir) if !dir.is_dir() => {
            return Err(fail(lang.t_args(
                "cli-import-no-upload",
                &[("dir", &dir.display().to_string())],
            )));
        }
        Some(upload) => Some(gestsup::Files {
            upload,
            store: crate::domain::files::Store::new(&app.config().attachments_dir()),
        }),
        None => None,
    };
    let source = if from.starts_with("mysql://") || from.starts_with("mariadb://") {
        match gestsup::database::Address::parse(from) {
            Ok(address) => gestsup::Source::Database(address),
            Err(e) => return Err(fail(format!("{}: {e}", lang.t("cli-import-failed")))),
        }
    } else {
        gestsup::Source::Dump(from.into())
    };
    let report = match gestsup::import(app.db(), source, files, dry_run, false, progress).await {
        Ok(r) => r,
        Err(ImportError::Domain(e)) => return Err(explain(e)),
        Err(e) => {
            return Err(fail(format!("{}: {e}", lang.t("cli-import-failed"))));
        }
    };
    let text = report.text(lang);
    say(&text)?;
    if dry_run {
        say(&lang.t("cli-import-dry-run"))?;
        return Ok(());
    }
    let file = gestsup::keep_report(app.config().data_dir(), &text)?;
    say(&lang.t_args(
        "cli-import-report-kept",
        &[("file", &file.display().to_string())],
    ))?;
    let integrity = gestsup::integrity(app.db())
        .await
        .map_err(|e| fail(e.to_string()))?;
    say(&format!("integrity_check: {integrity}"))?;
    Ok(())
}
