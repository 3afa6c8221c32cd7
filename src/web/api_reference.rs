//! `/api`: the API's reference, a page drawn from the OpenAPI document the code generates
//! (`web::api::doc`), so that it always says what the server does: how to authenticate, each
//! operation with its parameters, body and answers, and each type with its fields. Nothing is
//! fetched from elsewhere. The descriptions come from the code's comments (Markdown, through
//! the sanitizer) and are in English; the page's own words are translated.

use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde_json::Value;

use super::extract::Page;
use super::paths;
use super::ui::{layout, safe};

/// The name a `$ref` points to (`#/components/schemas/Ticket` → `Ticket`).
fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

/// A schema's type as a reader says it: a link to a named type, `array of ...`, or the JSON type
/// (with its format).
fn type_of(schema: &Value) -> Markup {
    if let Some(name) = ref_name(schema) {
        return html! { a href=(format!("#schema-{name}")) { (name) } };
    }
    if let Some(any) = schema.get("oneOf").and_then(Value::as_array) {
        return html! {
            @for (i, s) in any.iter().enumerate() {
                @if i > 0 { " | " }
                (type_of(s))
            }
        };
    }
    let kind = match schema.get("type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ => String::from("object"),
    };
    html! {
        @if kind.starts_with("array") {
            "array of " (schema.get("items").map_or_else(|| html! { "values" }, type_of))
        } @else {
            (kind)
            @if let Some(f) = schema.get("format").and_then(Value::as_str) { " (" (f) ")" }
        }
    }
}

/// A text of the document (descriptions are Markdown, shown through the sanitizer).
fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn operation(lang: crate::i18n::Lang, method: &str, path: &str, op: &Value) -> Markup {
    let id = format!(
        "op-{}-{}",
        method.to_lowercase(),
        path.replace(['/', '{', '}'], "-")
    );
    let summary = text(&op["summary"]);
    html! {
        section.panel.api-operation id=(id) {
            h3 { code.api-method { (method) } " " code { (path) } }
            @if !summary.is_empty() { p { strong { (summary) } } }
            @if let Some(d) = op.get("description").and_then(Value::as_str) { (safe::markdown(d)) }
            @if let Some(params) = op.get("parameters").and_then(Value::as_array) {
                h4 { (lang.t("api-ref-parameters")) }
                div.table-wrap { table.data-table {
                    thead { tr {
                        th scope="col" { (lang.t("api-ref-name")) }
                        th scope="col" { (lang.t("api-ref-in")) }
                        th scope="col" { (lang.t("api-ref-type")) }
                        th scope="col" { (lang.t("api-ref-description")) }
                    } }
                    tbody { @for p in params { tr {
                        td { code { (text(&p["name"])) } }
                        td { (text(&p["in"])) }
                        td { (type_of(&p["schema"])) }
                        td { (safe::markdown(text(&p["description"]))) }
                    } } }
                } }
            }
            @if let Some(body) = op.get("requestBody") {
                h4 { (lang.t("api-ref-body")) }
                @if let Some(content) = body.get("content").and_then(Value::as_object) {
                    @for (media, c) in content {
                        p { code { (media) } " — " (type_of(&c["schema"])) }
                    }
                }
            }
            @if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                h4 { (lang.t("api-ref-responses")) }
                div.table-wrap { table.data-table {
                    thead { tr {
                        th scope="col" { (lang.t("api-ref-status")) }
                        th scope="col" { (lang.t("api-ref-description")) }
                        th scope="col" { (lang.t("api-ref-type")) }
                    } }
                    tbody { @for (status, r) in responses { tr {
                        td { code { (status) } }
                        td { (text(&r["description"])) }
                        td {
                            @if let Some(content) = r.get("content").and_then(Value::as_object) {
                                @for (media, c) in content {
                                    (type_of(&c["schema"])) " " small.muted { (media) } br;
                                }
                            }
                        }
                    } } }
                } }
            }
        }
    }
}

fn schema(lang: crate::i18n::Lang, name: &str, s: &Value) -> Markup {
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    html! {
        section.panel.api-schema id=(format!("schema-{name}")) {
            h3 { code { (name) } }
            @if let Some(d) = s.get("description").and_then(Value::as_str) { (safe::markdown(d)) }
            @if let Some(props) = s.get("properties").and_then(Value::as_object) {
                div.table-wrap { table.data-table {
                    thead { tr {
                        th scope="col" { (lang.t("api-ref-field")) }
                        th scope="col" { (lang.t("api-ref-type")) }
                        th scope="col" { (lang.t("api-ref-required")) }
                        th scope="col" { (lang.t("api-ref-description")) }
                    } }
                    tbody { @for (field, p) in props { tr {
                        td { code { (field) } }
                        td { (type_of(p)) }
                        td { @if required.contains(&field.as_str()) { (lang.t("api-ref-yes")) } }
                        td { (safe::markdown(text(&p["description"]))) }
                    } } }
                } }
            }
        }
    }
}

/// `GET /api`.
pub async fn page(Page(visitor): Page) -> Response {
    let lang = visitor.lang;
    let doc = serde_json::to_value(super::api::doc::document()).unwrap_or_default();
    let methods = ["get", "post", "put", "patch", "delete"];
    let content = html! {
        (safe::markdown(text(&doc["info"]["description"])))
        p.hint {
            (lang.t("api-ref-document")) " "
            a href=(paths::API_OPENAPI) { code { (paths::API_OPENAPI) } }
            " · " (lang.t("api-ref-version")) " " (text(&doc["info"]["version"]))
        }
        h2 { (lang.t("api-ref-operations")) }
        @if let Some(paths) = doc["paths"].as_object() {
            @for (path, item) in paths {
                @for m in methods {
                    @if let Some(op) = item.get(m) {
                        (operation(lang, &m.to_uppercase(), path, op))
                    }
                }
            }
        }
        h2 { (lang.t("api-ref-types")) }
        @if let Some(schemas) = doc["components"]["schemas"].as_object() {
            @for (name, s) in schemas { (schema(lang, name, s)) }
        }
    };
    layout::page(&visitor, &lang.t("api-ref-title"), content).into_response()
}
