//! The asset import folder: CSV files dropped in `imports/assets/` of the data directory are
//! imported as the stock view's import does (same checks, every accepted line in one
//! transaction), then moved to `done/` — or to `failed/` when the file could not be imported
//! at all — with a report in the server's language next to them (`<file>.report.txt`). A file
//! is taken once it has not changed for [`SETTLED`], so that one still being copied is left
//! for the next round.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::db::Db;
use crate::domain::assets::import::log::Source;
use crate::domain::assets::import::sheet::MAX_BYTES;
use crate::domain::assets::import::use_cases;

/// How often the folder is looked at.
pub const EVERY: Duration = Duration::from_secs(10);
/// How long a file must stay unchanged before it is taken.
pub const SETTLED: Duration = Duration::from_secs(5);
/// Most files imported in one round.
const PER_ROUND: usize = 20;

/// The folder watched in data directory `data_dir`.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("imports").join("assets")
}

/// The CSV files waiting in `dir`, oldest first, that have settled.
fn waiting(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let now = SystemTime::now();
    let mut found: Vec<(SystemTime, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let meta = entry.metadata()?;
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if !meta.is_file() || !is_csv {
            continue;
        }
        let modified = meta.modified()?;
        if now.duration_since(modified).unwrap_or_default() >= SETTLED {
            found.push((modified, path));
        }
    }
    found.sort();
    Ok(found.into_iter().take(PER_ROUND).map(|(_, p)| p).collect())
}

/// Moves `file` into `dir/<sub>/` under a name no earlier file holds, with its report.
fn file_away(dir: &Path, sub: &str, file: &Path, report: &str) -> std::io::Result<()> {
    let target_dir = dir.join(sub);
    std::fs::create_dir_all(&target_dir)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import.csv".to_owned());
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S");
    let target = target_dir.join(format!("{stamp}-{name}"));
    std::fs::rename(file, &target)?;
    let mut report_path = target.into_os_string();
    report_path.push(".report.txt");
    std::fs::write(report_path, report)
}

/// The start of `file`, at most [`MAX_BYTES`] and one byte.
async fn read_bounded(file: &Path) -> std::io::Result<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_BYTES).unwrap_or(u64::MAX) + 1;
    tokio::fs::File::open(file)
        .await?
        .take(limit)
        .read_to_end(&mut bytes)
        .await?;
    Ok(bytes)
}

/// One round: imports every settled file of the folder. Says how many.
pub async fn run(db: &Db, data_dir: &Path) -> Result<String, String> {
    let dir = folder(data_dir);
    let listed = {
        let dir = dir.clone();
        tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&dir)?;
            waiting(&dir)
        })
        .await
        .map_err(|e| e.to_string())?
    };
    let files = listed.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut done = 0usize;
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // At most one byte past the limit is read: the import refuses a larger file as such.
        let bytes = read_bounded(&file)
            .await
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let imported = use_cases::as_server(db, &name, bytes, Source::Folder, false)
            .await
            .map_err(|e| format!("could not import {name}: {e}"))?;
        let (sub, text) = match &imported.report {
            Ok(report) => ("done", report.text(imported.lang)),
            Err(why) => ("failed", format!("{}\n", why.render(imported.lang))),
        };
        let (d, f) = (dir.clone(), file.clone());
        tokio::task::spawn_blocking(move || file_away(&d, sub, &f, &text))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| format!("cannot move {}: {e}", file.display()))?;
        tracing::info!(file = %name, result = sub, "asset import from the folder");
        done += 1;
    }
    Ok(if done == 0 {
        String::new()
    } else {
        format!("imported {done} asset file(s)")
    })
}
