//! The API's OpenAPI document, generated from the handlers' annotations and the types they
//! answer (utoipa), served at `/api/v1/openapi.json` and read by the reference page at `/api`.
//! A test checks that it describes exactly the routes the router serves.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{list, lists, me, problem, tickets, users};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Gestdesk API",
        description = "Tickets and the people and lists around them, for other programs. Every call carries an API token made in Administration > API (`Authorization: Bearer gd_...`) and acts as the token's user, with that user's rights: a call sees and changes exactly what the user could on the pages. Errors are problem documents (RFC 9457) with the pages' messages in the user's language. Each token may make 600 calls a minute (then `429` with `Retry-After`)."
    ),
    paths(
        me::show,
        list::list,
        tickets::create,
        tickets::show,
        tickets::update,
        lists::show,
        users::list,
        users::show
    ),
    components(schemas(problem::Problem, problem::FieldProblem)),
    modifiers(&Bearer),
    tags(
        (name = "account", description = "Who the token acts as"),
        (name = "tickets", description = "Tickets, their thread and files"),
        (name = "lists", description = "The values a ticket's fields take"),
        (name = "users", description = "Accounts"),
    )
)]
pub struct ApiDoc;

/// The token scheme.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("gd_ followed by 64 hex digits")
                    .build(),
            ),
        );
    }
}

/// The document, with this build's version.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc
}

/// `GET /api/v1/openapi.json` (no token needed: it holds no data).
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tickets::fields::Field;

    #[test]
    fn the_document_describes_exactly_the_routes_served() {
        let doc = document();
        let mut described: Vec<(String, String)> = Vec::new();
        for (path, item) in &doc.paths.paths {
            for (method, op) in [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PATCH", &item.patch),
                ("PUT", &item.put),
                ("DELETE", &item.delete),
            ] {
                if op.is_some() {
                    described.push((method.to_owned(), path.clone()));
                }
            }
        }
        let mut served: Vec<(String, String)> = super::super::table()
            .iter()
            .map(|r| (r.method.to_string(), r.path.to_owned()))
            .collect();
        described.sort();
        served.sort();
        assert_eq!(described, served);
    }

    #[test]
    fn the_change_body_lists_every_field_of_the_ticket_form() {
        let json = serde_json::to_value(document()).expect("JSON");
        let properties = &json["components"]["schemas"]["TicketPatch"]["properties"];
        for field in Field::ALL {
            assert!(
                properties.get(field.name()).is_some(),
                "{} is missing from TicketPatch",
                field.name()
            );
        }
    }
}
