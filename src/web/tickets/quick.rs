//! Quick add of a subcategory from the ticket form (right `ticket_cat_actions`): a small form in
//! a dialog; success answers the new choice as JSON.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::lists::{self, repo};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, csrf_field, form_error};
use crate::web::visitor::Visitor;

#[derive(Debug, Default, Deserialize)]
pub struct CategoryQuery {
    #[serde(default)]
    category: String,
}

fn fragment(visitor: &Visitor, category: &str, name: &str, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    html! {
        form.stack method="post" action=(paths::QUICK_SUBCATEGORY) data-quick-form novalidate {
            (csrf_field(visitor))
            (form_error(lang, errors.get("category_id")))
            input type="hidden" name="category_id" value=(category);
            (Input::text("name", msg("list-col-name"), name).required().render(lang, errors))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-add")) }
                button.button type="button" data-dialog-close { (lang.t("action-cancel")) }
            }
        }
    }
}

/// `GET /subcategories/quick?category=ID`.
pub async fn form(authed: Authed, Query(q): Query<CategoryQuery>) -> Response {
    fragment(&authed.visitor, &q.category, "", &FieldErrors::new()).into_response()
}

/// `POST /subcategories/quick`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let def = lists::find("subcategories").ok_or(WebError::NotFound)?;
    let map: HashMap<String, String> = form.to_map();
    match lists::save(
        state.db(),
        def,
        None,
        map.clone(),
        &visitor.settings,
        visitor.lang,
    )
    .await
    {
        Ok(id) => {
            let lang = visitor.lang;
            let entry = lists::entry(state.db(), def, id).await?;
            let category = map.get("category_id").cloned().unwrap_or_default();
            Ok(axum::Json(serde_json::json!({
                "value": id.to_string(),
                "label": repo::display_name(def, &entry, lang),
                "category": category,
            }))
            .into_response())
        }
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fragment(visitor, form.get("category_id"), form.get("name"), &errors),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}
