//! "Move from GestSup" on the first-run set-up page, for people who never open a shell: the
//! backup file (or the database's address) and the upload folder as a ZIP, a check that
//! changes nothing or the import itself, run in the background with a progress bar (the page
//! refreshes itself, no script needed), then the report and who can log in. Only the holder
//! of the set-up link reaches it; the import is the one of `gestdesk import gestsup`.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use tokio::io::AsyncWriteExt;

use crate::domain::FieldErrors;
use crate::gestsup::Source;
use crate::gestsup::database::{Address, Database};
use crate::gestsup::moving::{self, FilesIn, Order, Stage};
use crate::i18n::{Msg, msg};

use super::error::WebError;
use super::extract::Page;
use super::paths;
use super::routes::{Access, Routes};
use super::setup::{dead_link, link_is_live, server_address};
use super::state::AppState;
use super::ui::form::{Input, csrf_field, form_error};
use super::ui::layout;
use super::visitor::Visitor;

/// The largest backup file taken (GestSup's are text: a site of 100,000 tickets is under 1 GB).
const MAX_BACKUP: u64 = 8 << 30;
/// The largest files' archive taken, and what it may unpack to.
const MAX_ZIP: u64 = 32 << 30;
const MAX_UNPACKED: u64 = 64 << 30;
/// The largest text field read, and how many parts a form may have (it has ten).
const MAX_FIELD: usize = 4096;
const MAX_PARTS: usize = 32;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::SETUP_MOVE, Access::Anyone, form_page)
        .post_upload(
            paths::SETUP_MOVE,
            Access::Anyone,
            submit,
            usize::try_from(MAX_BACKUP + MAX_ZIP + (1 << 20)).unwrap_or(usize::MAX),
        )
        .get(paths::SETUP_MOVE_PROGRESS, Access::Anyone, progress_page)
        .post(paths::SETUP_MOVE_CONFIRM, Access::Anyone, confirm)
}

/// The form's address for set-up token `token`.
pub fn form_path(token: &str) -> String {
    format!("{}/gestsup", crate::domain::setup::path(token))
}

fn progress_path(token: &str) -> String {
    format!("{}/progress", form_path(token))
}

/// What the form holds (the password is never shown again).
#[derive(Debug, Default)]
struct MoveForm {
    from: String,
    host: String,
    port: String,
    database: String,
    user: String,
    password: String,
}

impl MoveForm {
    fn from_fields(f: &HashMap<String, String>) -> MoveForm {
        let get = |k: &str| f.get(k).cloned().unwrap_or_default();
        MoveForm {
            from: get("from"),
            host: get("host"),
            port: get("port"),
            database: get("database"),
            user: get("user"),
            password: get("password"),
        }
    }
}

/// `GET /setup/{token}/gestsup`.
async fn form_page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if state
        .moves()
        .of(&token)
        .is_some_and(|m| !m.stage.finished())
    {
        return Ok(Redirect::to(&progress_path(&token)).into_response());
    }
    if !link_is_live(&state, &token).await? {
        return dead_link(&state, &visitor).await;
    }
    let form = MoveForm {
        from: "file".into(),
        port: "3306".into(),
        ..MoveForm::default()
    };
    Ok(form_view(&visitor, &token, &form, &FieldErrors::new(), None).into_response())
}

/// Streams file field `part` into `to`, at most `max` bytes; false when it held more. Returns
/// the bytes written.
async fn save_part(
    part: &mut axum::extract::multipart::Field<'_>,
    to: &std::path::Path,
    max: u64,
) -> Result<Option<u64>, WebError> {
    let mut out = tokio::fs::File::create(to)
        .await
        .map_err(|e| WebError::internal(e.to_string()))?;
    let mut written = 0u64;
    while let Some(chunk) = part.chunk().await.map_err(refused)? {
        written += chunk.len() as u64;
        if written > max {
            return Ok(None);
        }
        out.write_all(&chunk)
            .await
            .map_err(|e| WebError::internal(e.to_string()))?;
    }
    out.flush()
        .await
        .map_err(|e| WebError::internal(e.to_string()))?;
    Ok(Some(written))
}

fn refused(e: axum::extract::multipart::MultipartError) -> WebError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        WebError::TooLarge
    } else {
        WebError::BadRequest
    }
}

/// The first bytes of the file at `path`.
fn head_of(path: &std::path::Path) -> Vec<u8> {
    use std::io::Read;
    let mut head = Vec::with_capacity(512);
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(512).read_to_end(&mut head);
    }
    head
}

/// `POST /setup/{token}/gestsup`: the form, with its files streamed to a staging folder.
async fn submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    headers: axum::http::HeaderMap,
    Path(token): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    if !link_is_live(&state, &token).await? {
        return dead_link(&state, &visitor).await;
    }
    if state.moves().running() {
        return Ok(Redirect::to(&progress_path(&token)).into_response());
    }
    let config = state.app().config();
    let staging = tempfile::Builder::new()
        .prefix(moving::STAGING_PREFIX)
        .tempdir_in(config.data_dir())
        .map_err(|e| WebError::internal(e.to_string()))?;
    let backup = staging.path().join("backup.sql");
    let zip = staging.path().join("files.zip");
    let mut fields: HashMap<String, String> = HashMap::new();
    let (mut backup_size, mut zip_size) = (Some(0u64), Some(0u64));
    let mut parts = 0;
    while let Some(mut part) = multipart.next_field().await.map_err(refused)? {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(WebError::BadRequest);
        }
        let name = part.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "backup" => backup_size = save_part(&mut part, &backup, MAX_BACKUP).await?,
            "files" => zip_size = save_part(&mut part, &zip, MAX_ZIP).await?,
            _ => {
                let mut text = Vec::new();
                while let Some(chunk) = part.chunk().await.map_err(refused)? {
                    if text.len() + chunk.len() > MAX_FIELD {
                        return Err(WebError::BadRequest);
                    }
                    text.extend_from_slice(&chunk);
                }
                fields.insert(name, String::from_utf8_lossy(&text).into_owned());
            }
        }
    }
    let form = MoveForm::from_fields(&fields);
    let dry_run = fields.get("mode").is_some_and(|m| m == "check");
    let mut errors = FieldErrors::new();

    let files = match zip_size {
        None => {
            errors.add("files", msg("move-files-too-big").arg("max", MAX_ZIP >> 30));
            FilesIn::None
        }
        Some(0) => FilesIn::None,
        Some(_) if !head_of(&zip).starts_with(b"PK") => {
            errors.add("files", msg("move-files-not-zip"));
            FilesIn::None
        }
        Some(_) => FilesIn::Zip(zip),
    };
    let source = if form.from == "database" {
        let port = form.port.trim().parse::<u16>().ok().filter(|p| *p > 0);
        for (field, value) in [
            ("host", &form.host),
            ("database", &form.database),
            ("user", &form.user),
        ] {
            if value.trim().is_empty() {
                errors.add(field, msg("error-required"));
            }
        }
        if port.is_none() {
            errors.add("port", msg("move-port-invalid"));
        }
        match port {
            Some(port) if errors.is_empty() => Some(Address::from_parts(
                &form.host,
                port,
                &form.user,
                &form.password,
                &form.database,
            )),
            _ => None,
        }
        .map(Source::Database)
    } else {
        let head = head_of(&backup);
        match backup_size {
            None => errors.add(
                "backup",
                msg("move-backup-too-big").arg("max", MAX_BACKUP >> 30),
            ),
            Some(0) => errors.add("backup", msg("move-backup-missing")),
            Some(_) if head.starts_with(b"PK") || head.starts_with(&[0x1f, 0x8b]) => {
                errors.add("backup", msg("move-backup-compressed"));
            }
            Some(_) if head.contains(&0) => errors.add("backup", msg("move-backup-not-sql")),
            Some(_) => {}
        }
        Some(Source::Dump(backup))
    };
    // The database is tried now, so that a wrong address is said beside the form.
    if let (true, Some(Source::Database(address))) = (errors.is_empty(), &source) {
        let address = address.clone();
        let tried = tokio::task::spawn_blocking(move || Database::connect(&address).map(drop))
            .await
            .map_err(|e| WebError::internal(e.to_string()))?;
        if let Err(e) = tried {
            errors.add("host", moving::explain_database(&e));
        }
    }
    let source = match source {
        Some(source) if errors.is_empty() => source,
        _ => {
            let banner = msg("form-has-errors");
            let page = form_view(&visitor, &token, &form, &errors, Some(&banner));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let order = Order {
        token: token.clone(),
        source,
        files,
        staging,
        dry_run,
        data_dir: config.data_dir().to_owned(),
        attachments_dir: config.attachments_dir(),
        max_unpacked: MAX_UNPACKED,
        server_url: server_address(&headers, &state, visitor.secure),
        language: visitor.lang,
    };
    moving::start(state.db(), state.moves(), order);
    Ok(Redirect::to(&progress_path(&token)).into_response())
}

/// `POST /setup/{token}/gestsup/confirm`: the import, with what the check was given.
async fn confirm(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if !link_is_live(&state, &token).await? {
        return dead_link(&state, &visitor).await;
    }
    if !state.moves().running()
        && let Some(order) = state.moves().take_checked(&token)
    {
        moving::start(state.db(), state.moves(), order);
    }
    Ok(Redirect::to(&progress_path(&token)).into_response())
}

/// `GET /setup/{token}/gestsup/progress`: how far it is, then the report.
async fn progress_page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let Some(current) = state.moves().of(&token) else {
        if link_is_live(&state, &token).await? {
            return Ok(Redirect::to(&form_path(&token)).into_response());
        }
        return dead_link(&state, &visitor).await;
    };
    let lang = visitor.lang;
    let heading = if current.dry_run {
        lang.t("move-checking")
    } else {
        lang.t("move-importing")
    };
    let content = match &current.stage {
        Stage::Unpacking | Stage::Reading(_) => html! {
            h2 { (heading) }
            (progress_bar(&visitor, &current.stage))
            p.muted { (lang.t("move-wait")) }
        },
        Stage::Failed(why) => html! {
            h2 { (heading) }
            div.alert.alert-error role="alert" { (why.render(lang)) }
            p { (lang.t("move-nothing-changed")) }
            p { a.button href=(form_path(&token)) { (lang.t("move-again")) } }
        },
        Stage::Done {
            report,
            kept,
            administrators,
        } => html! {
            h2 { (heading) }
            @if current.dry_run {
                div.alert.alert-success role="status" { (lang.t("move-checked")) }
                @if state.moves().has_checked(&token) {
                    form method="post" action=(format!("{}/confirm", form_path(&token))) {
                        (csrf_field(&visitor))
                        button.button.button-primary type="submit" { (lang.t("move-import-now")) }
                    }
                }
                p { a href=(form_path(&token)) { (lang.t("move-again")) } }
            } @else {
                div.alert.alert-success role="status" { (lang.t("move-done")) }
                p { (msg("move-log-in-as").arg("logins", administrators.join(", ")).render(lang)) }
                @if let Some(file) = kept {
                    p.muted { (msg("move-report-kept").arg("file", file.display().to_string()).render(lang)) }
                }
                p { a.button.button-primary href=(paths::LOGIN) { (lang.t("login-title")) } }
            }
            h3 { (lang.t("move-report")) }
            pre.move-report { (report.text(lang)) }
        },
    };
    let mut response = layout::card_page(&visitor, &lang.t("move-title"), content).into_response();
    if !current.stage.finished() {
        // The page comes again every second until the import ends: no script needed.
        response
            .headers_mut()
            .insert("refresh", HeaderValue::from_static("1"));
    }
    Ok(response)
}

fn progress_bar(visitor: &Visitor, stage: &Stage) -> Markup {
    let lang = visitor.lang;
    match stage {
        Stage::Reading(step) if step.all_total > 0 => {
            let percent = step.all_done * 100 / step.all_total;
            html! {
                label for="move-progress" {
                    (msg("move-progress").arg("percent", percent).render(lang))
                }
                progress #move-progress value=(step.all_done) max=(step.all_total) { (percent) " %" }
                p.muted {
                    (msg("cli-import-progress")
                        .arg("table", step.table.clone())
                        .arg("done", step.done)
                        .arg("total", step.total)
                        .arg("rate", format!("{:.0}", step.rate))
                        .render(lang))
                }
            }
        }
        Stage::Unpacking => html! {
            label for="move-progress" { (lang.t("move-unpacking")) }
            progress #move-progress {}
        },
        _ => html! {
            label for="move-progress" { (lang.t("move-reading")) }
            progress #move-progress {}
        },
    }
}

fn form_view(
    visitor: &Visitor,
    token: &str,
    form: &MoveForm,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let action = format!(
        "{}?{}={}",
        form_path(token),
        super::csrf::FIELD,
        visitor.csrf
    );
    let field_error = |name: &str| {
        html! {
            @if let Some(e) = errors.get(name) {
                p.field-error id=(format!("f-{name}-error")) { (e.render(lang)) }
            }
        }
    };
    let database = form.from == "database";
    let content = html! {
        p.lead { (lang.t("move-intro")) }
        (form_error(lang, banner))
        form.stack method="post" action=(action) enctype="multipart/form-data" novalidate {
            fieldset {
                legend { (lang.t("move-from")) }
                label.choice {
                    input type="radio" name="from" value="file" checked[!database];
                    " " (lang.t("move-from-file"))
                }
                div.field.has-error[errors.get("backup").is_some()] {
                    label for="f-backup" { (lang.t("move-backup")) }
                    input #f-backup type="file" name="backup" accept=".sql,text/plain,application/sql";
                    p.hint { (lang.t("move-backup-hint")) }
                    (field_error("backup"))
                }
                label.choice {
                    input type="radio" name="from" value="database" checked[database];
                    " " (lang.t("move-from-database"))
                }
                div.row {
                    (Input::text("host", msg("move-host"), &form.host).render(lang, errors))
                    (Input::text("port", msg("move-port"), &form.port).kind("number").render(lang, errors))
                }
                div.row {
                    (Input::text("database", msg("move-database"), &form.database).render(lang, errors))
                    (Input::text("user", msg("move-user"), &form.user).autocomplete("off").render(lang, errors))
                }
                (Input::password("password", msg("move-password"), "off").render(lang, errors))
            }
            div.field.has-error[errors.get("files").is_some()] {
                label for="f-files" { (lang.t("move-files")) }
                input #f-files type="file" name="files" accept=".zip,application/zip";
                p.hint { (lang.t("move-files-hint")) }
                (field_error("files"))
            }
            div.actions {
                button.button type="submit" name="mode" value="check" { (lang.t("move-check")) }
                button.button.button-primary type="submit" name="mode" value="import" { (lang.t("move-import")) }
            }
        }
        p { a href=(crate::domain::setup::path(token)) { (lang.t("move-back")) } }
    };
    layout::card_page(visitor, &lang.t("move-title"), content)
}
