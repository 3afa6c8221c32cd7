//! What a form's submission becomes, in one place for every form: what was saved goes on
//! (usually a redirect with a one-shot message); input the rules refuse shows the form again,
//! with what was typed and the messages, as 422; any other failure goes through the one mapping
//! of [`super::error`] (not found, conflict, a full disk ...).

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use crate::domain::{DomainError, FieldErrors};

use super::error::WebError;

/// Saved: `saved` answers; refused input: `reshow` renders the form again with the errors.
pub async fn save_or_reshow<T, Fut>(
    result: Result<T, DomainError>,
    saved: impl FnOnce(T) -> Response,
    reshow: impl FnOnce(FieldErrors) -> Fut,
) -> Result<Response, WebError>
where
    Fut: Future<Output = Result<Markup, WebError>>,
{
    match result {
        Ok(value) => Ok(saved(value)),
        Err(DomainError::Invalid(errors)) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, reshow(errors).await?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Why a form comes back: the fields refused, or the whole of it refused for a reason (a
/// conflict with what is stored now, shown above the form).
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    pub errors: FieldErrors,
    pub reason: Option<crate::i18n::Msg>,
}

/// [`save_or_reshow`] for forms that can also be refused as a whole: refused fields come back
/// as 422, a conflict as 409 with its reason; anything else is an error page.
pub async fn save_or_reshow_refusal<T, Fut>(
    result: Result<T, DomainError>,
    saved: impl FnOnce(T) -> Response,
    reshow: impl FnOnce(Refusal) -> Fut,
) -> Result<Response, WebError>
where
    Fut: Future<Output = Result<Markup, WebError>>,
{
    let (status, refusal) = match result {
        Ok(value) => return Ok(saved(value)),
        Err(DomainError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Refusal {
                errors,
                reason: None,
            },
        ),
        Err(DomainError::Conflict(why)) => (
            StatusCode::CONFLICT,
            Refusal {
                errors: FieldErrors::new(),
                reason: Some(why),
            },
        ),
        Err(e) => return Err(e.into()),
    };
    Ok((status, reshow(refusal).await?).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::msg;

    fn page(errors: &FieldErrors) -> Markup {
        maud::html! { p { (errors.0.len()) " errors" } }
    }

    #[tokio::test]
    async fn saved_refused_and_failed_submissions_answer_differently() {
        let saved = save_or_reshow(
            Ok(7),
            |id| format!("saved {id}").into_response(),
            |e| async move { Ok(page(&e)) },
        )
        .await
        .expect("saved");
        assert_eq!(saved.status(), StatusCode::OK);

        let mut errors = FieldErrors::new();
        errors.add("title", msg("error-required"));
        let refused = save_or_reshow(
            Err::<i64, _>(DomainError::Invalid(errors)),
            |_| StatusCode::OK.into_response(),
            |e| async move { Ok(page(&e)) },
        )
        .await
        .expect("shown again");
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let missing = save_or_reshow(
            Err::<i64, _>(DomainError::NotFound),
            |_| StatusCode::OK.into_response(),
            |e| async move { Ok(page(&e)) },
        )
        .await;
        assert!(matches!(missing, Err(WebError::NotFound)));

        let conflict = save_or_reshow_refusal(
            Err::<i64, _>(DomainError::Conflict(msg("error-last-administrator"))),
            |_| StatusCode::OK.into_response(),
            |r| async move {
                assert_eq!(r.reason.map(|m| m.key), Some("error-last-administrator"));
                Ok(page(&r.errors))
            },
        )
        .await
        .expect("shown again");
        assert_eq!(conflict.status(), StatusCode::CONFLICT);
    }
}
