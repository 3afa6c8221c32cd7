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
    }
}
