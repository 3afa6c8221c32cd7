//! The API's OpenAPI document, generated from the handlers' annotations and the types they
//! answer (utoipa), served at `/api/v1/openapi.json` and read by the reference page at `/api`.
//! A test checks that it describes exactly the routes the router serves.

use axum::Json;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};
use utoipa::{Modify, OpenApi};

use super::{accounts, assets, files, list, lists, me, problem, tickets, users};

/// The document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Gestdesk API",
        description = "Tickets and the people and lists around them, for other programs. Every call carries an API token made in Administration > API (`Authorization: Bearer gd_...`) and acts as the token's user, with that user's rights: a call sees and changes exactly what the user could on the pages. Errors are problem documents (RFC 9457) with the pages' messages in the user's language. Each token may make 600 calls a minute unless the administrator set another pace (then `429` with `Retry-After`)."
    ),
    paths(
        me::show,
        list::list,
        tickets::create,
        tickets::show,
        tickets::update,
        files::upload,
        files::download,
        lists::show,
        users::list,
        users::show,
        accounts::create,
        accounts::update,
        assets::list,
        assets::show,
        assets::create,
        assets::update
    ),
    components(schemas(problem::Problem, problem::FieldProblem)),
    modifiers(&Bearer, &Common),
    tags(
        (name = "account", description = "Who the token acts as"),
        (name = "tickets", description = "Tickets, their thread and files"),
        (name = "lists", description = "The values a ticket's fields take"),
        (name = "users", description = "Accounts"),
        (name = "assets", description = "The inventory (when the asset function is on)"),
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

/// What every operation may answer whatever it does, each operation's unique id, and the
/// bodies' closed sets of fields.
struct Common;

/// A problem document answered with `status`.
fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            problem::PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .into()
}

impl Modify for Common {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in &mut openapi.paths.paths {
            let slug = path
                .trim_start_matches("/api/v1/")
                .replace(['{', '}'], "")
                .replace('/', "_");
            for (method, op) in [
                ("get", &mut item.get),
                ("post", &mut item.post),
                ("patch", &mut item.patch),
                ("put", &mut item.put),
                ("delete", &mut item.delete),
            ] {
                let Some(op) = op else { continue };
                op.operation_id = Some(format!("{method}_{slug}"));
                let answers = &mut op.responses.responses;
                answers.entry("400".into()).or_insert_with(|| {
                    problem("A parameter or the body cannot be read (a number out of range, a malformed value)")
                });
                answers
                    .entry("401".into())
                    .or_insert_with(|| problem("No valid token"));
                answers.entry("429".into()).or_insert_with(|| {
                    let mut r = ResponseBuilder::new()
                        .description("The token made too many calls this minute")
                        .header(
                            "Retry-After",
                            HeaderBuilder::new()
                                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                                .description(Some("Seconds to wait"))
                                .build(),
                        );
                    r = r.content(
                        problem::PROBLEM_JSON,
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("Problem")))
                            .build(),
                    );
                    r.into()
                });
                if op.request_body.is_some() {
                    answers
                        .entry("415".into())
                        .or_insert_with(|| problem("The body is not sent as `application/json`"));
                    answers.entry("403".into()).or_insert_with(|| {
                        problem("A read-only token, or a change the user may not make")
                    });
                }
            }
        }
        // A body names only fields the form has: any other is refused.
        if let Some(components) = openapi.components.as_mut() {
            for body in [
                "TicketPatch",
                "AccountChange",
                "AssetChange",
                "InterfaceChange",
            ] {
                if let Some(RefOr::T(Schema::Object(object))) = components.schemas.get_mut(body) {
                    object.additional_properties =
                        Some(Box::new(AdditionalProperties::FreeForm(false)));
                }
            }
        }
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
