//! What the procedure pages do, each in one call: list and search, read one, the form's choices,
//! store a new or changed procedure with its files, delete one, and download or remove a file.
//! Every use case takes the acting user and applies [`Reader`]'s rule itself.

use crate::db::Db;
use crate::domain::files::{self as stored_files, Attachment, Store};
use crate::domain::rendered::{self, Text};
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, run, settings};
use crate::i18n::{Lang, msg};
use crate::markdown::{self, SafeHtml};

use super::choices::{Choices, Names};
use super::repo::{self, Found, Query};
use super::{Procedure, ProcedureId, Reader, Typed, files, rules};
use crate::domain::ids::AttachmentId;

/// A page of the list, with the names its rows show and the search form's choices.
#[derive(Debug, Clone)]
pub struct Listed {
    pub found: Found,
    pub names: Names,
    pub choices: Choices,
}

/// The procedures `actor` sees that match `query`.
pub async fn list(db: &Db, actor: &Actor, query: Query, lang: Lang) -> Result<Listed, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let reader = Reader::of(c, &actor)?;
        Ok(Listed {
            found: repo::search(c, &reader, &query)?,
            names: Names::load(c, lang)?,
            choices: Choices::load(c, lang, query.category, None, None)?,
        })
    })
    .await
}

/// One procedure as its page shows it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub procedure: Procedure,
    pub html: SafeHtml,
    pub names: Names,
    pub files: Vec<Attachment>,
}

/// Procedure `id`, if `actor` sees it.
pub async fn show(
    db: &Db,
    actor: &Actor,
    id: ProcedureId,
    lang: Lang,
) -> Result<Shown, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let reader = Reader::of(c, &actor)?;
        let procedure = repo::get_visible(c, &reader, id)?.ok_or(DomainError::NotFound)?;
        let html = rendered::kept(c, Text::Procedure, id)?
            .unwrap_or_else(|| markdown::render_html(&procedure.body));
        Ok(Shown {
            procedure,
            html,
            names: Names::load(c, lang)?,
            files: files::list(c, id)?,
        })
    })
    .await
}

/// Procedure `id` as stored, if `actor` sees it (to fill the edit form).
pub async fn get(db: &Db, actor: &Actor, id: ProcedureId) -> Result<Procedure, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        repo::get_visible(c, &Reader::of(c, &actor)?, id)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// What the form shows besides the typed fields.
#[derive(Debug, Clone)]
pub struct FormData {
    pub choices: Choices,
    /// The files of the procedure being edited.
    pub stored: Vec<Attachment>,
    /// Files sent with an earlier attempt of this form, not yet linked.
    pub pending: Vec<Attachment>,
}

/// The choices of a form showing `typed`, the files of procedure `editing` and the files the
/// form already sent (`pending` tokens, `actor`'s own uploads only).
pub async fn form(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    editing: Option<ProcedureId>,
    typed: &Typed,
    pending: Vec<String>,
) -> Result<FormData, DomainError> {
    let id_of = |v: &str| v.trim().parse::<i64>().ok();
    let (category, subcategory, company) = (
        id_of(&typed.category),
        id_of(&typed.subcategory),
        id_of(&typed.company),
    );
    let me = actor.id().0;
    run::read(db, move |c| {
        Ok(FormData {
            choices: Choices::load(c, lang, category, subcategory, company)?,
            stored: match editing {
                Some(id) => files::list(c, id)?,
                None => Vec::new(),
            },
            pending: stored_files::pending(c, me, &pending)?,
        })
    })
    .await
}

/// How many new files a form for procedure `editing` (or a new one) may bring; not found when
/// `actor` does not see it. Asked before the form's files are read, so that nothing is stored
/// for a procedure one may not see.
pub async fn room(
    db: &Db,
    actor: &Actor,
    editing: Option<ProcedureId>,
) -> Result<i64, DomainError> {
    let actor = actor.clone();
    let max = actor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    run::read(db, move |c| {
        files::room(c, &Reader::of(c, &actor)?, editing, max)
    })
    .await
}

/// A procedure form as sent.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The procedure changed and the version the form was based on; none for a new one.
    pub editing: Option<(ProcedureId, i64)>,
    pub typed: Typed,
    /// Tokens of the files sent with the form.
    pub pending: Vec<String>,
}

/// Stores a new procedure or a change, with its files; returns its id. A change based on an
/// older version than the stored one is a conflict (the form shows the stored version again).
pub async fn store(db: &Db, actor: &Actor, sent: Submission) -> Result<ProcedureId, DomainError> {
    // Rendered off the writers' turn; kept when the checked text is the one rendered.
    let text = sent.typed.body.trim_end().to_owned();
    let html = if text.chars().count() <= rules::MAX_BODY {
        Some(markdown::render_html_async(text.clone()).await)
    } else {
        None
    };
    let actor = actor.clone();
    let me = actor.id().0;
    let may_company = actor.has(right::PROCEDURE_COMPANY);
    let max_files = actor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    run::write(db, move |tx| {
        let current = match sent.editing {
            Some((id, _)) => Some(
                repo::get_visible(tx, &Reader::of(tx, &actor)?, id)?
                    .ok_or(DomainError::NotFound)?,
            ),
            None => None,
        };
        let keep_company = current.as_ref().and_then(|p| p.company_id);
        let checked = rules::check(tx, &sent.typed, may_company, keep_company)?
            .map_err(DomainError::Invalid)?;
        let id = match (sent.editing, &current) {
            (Some((id, version)), Some(now)) => {
                if version != now.version {
                    return Err(DomainError::Conflict(msg("procedures-conflict")));
                }
                repo::update(tx, id, version, &checked, me)?;
                id
            }
            _ => repo::create(tx, &checked, me)?,
        };
        match &html {
            Some(html) if checked.body == text => rendered::keep(tx, Text::Procedure, id, html)?,
            _ => rendered::forget(tx, Text::Procedure, id)?,
        }
        files::link(tx, id, me, &sent.pending, max_files)?;
        Ok(id)
    })
    .await
}

/// Deletes procedure `id` (which `actor` must see) and its files.
pub async fn delete(
    db: &Db,
    store: &Store,
    actor: &Actor,
    id: ProcedureId,
) -> Result<(), DomainError> {
    let actor = actor.clone();
    let stored = run::write(db, move |tx| {
        repo::get_visible(tx, &Reader::of(tx, &actor)?, id)?.ok_or(DomainError::NotFound)?;
        repo::delete(tx, id)
    })
    .await?;
    files::delete_files(store, &stored);
    Ok(())
}

/// File `id` of procedure `procedure` and its stored name, if `actor` sees the procedure.
pub async fn download(
    db: &Db,
    actor: &Actor,
    procedure: ProcedureId,
    id: AttachmentId,
) -> Result<(Attachment, String), DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        files::for_download(c, &Reader::of(c, &actor)?, procedure, id)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// Removes file `id` from procedure `procedure` (which `actor` must see).
pub async fn remove_file(
    db: &Db,
    store: &Store,
    actor: &Actor,
    procedure: ProcedureId,
    id: AttachmentId,
) -> Result<(), DomainError> {
    let who = actor.clone();
    let reader = run::read(db, move |c| Ok(Reader::of(c, &who)?)).await?;
    files::remove(db, store, reader, procedure, id).await
}
