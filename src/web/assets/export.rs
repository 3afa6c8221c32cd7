//! `GET /assets/export.csv`: the list as its address asks (its search, state, filters and
//! order), every page or with `rows=page` the page shown only, with every interface; UTF-8
//! with a byte-order mark, `;` or `,` as set, formulas neutralised as in the ticket export.

use axum::extract::{RawQuery, State};
use axum::response::Response;

use crate::domain::assets::use_cases;
use crate::domain::settings;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::list_query::pairs;
use crate::web::state::AppState;
use crate::web::worklist::export::{attachment, line};

use super::list::read;

/// `GET /assets/export.csv`.
pub async fn csv(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = authed.visitor.clone();
    let lang = visitor.lang;
    let asked = read(&visitor, raw.as_deref());
    let one_page = pairs(raw.as_deref())
        .iter()
        .any(|(k, v)| k == "rows" && v == "page");
    let listed = if one_page {
        use_cases::list(state.db(), authed.actor(), asked.query, lang).await?
    } else {
        use_cases::all(state.db(), authed.actor(), asked.query, lang).await?
    };
    let names = &listed.names;
    let separator = visitor.settings.raw(settings::CSV_SEPARATOR);
    let header = [
        "asset-field-name",
        "asset-field-type",
        "asset-field-model",
        "asset-field-state",
        "asset-field-user",
        "asset-field-sn-manufacturer",
        "asset-field-location",
        "asset-field-warranty-end",
        "asset-field-virtual",
        "asset-iface-ip",
        "asset-iface-last-seen",
    ];
    let mut out = String::from("\u{feff}");
    let mut cells: Vec<String> = vec!["id".to_owned()];
    cells.extend(header.iter().map(|k| lang.t(k)));
    out.push_str(&line(&cells, separator));
    let name = |map: &std::collections::HashMap<i64, String>, id: Option<i64>| {
        id.and_then(|i| map.get(&i)).cloned().unwrap_or_default()
    };
    for r in &listed.found.rows {
        let row = [
            r.id.to_string(),
            r.name.clone(),
            name(&names.types, r.type_id),
            name(&names.models, r.model_id),
            names
                .state(r.state_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            r.user.clone(),
            r.sn_manufacturer.clone(),
            name(&names.locations, r.location_id),
            r.warranty_end.clone().unwrap_or_default(),
            lang.t(if r.is_virtual {
                "asset-yes"
            } else {
                "asset-no"
            }),
            r.ips.join(" "),
            r.last_seen
                .map(crate::web::worklist::export::moment)
                .unwrap_or_default(),
        ];
        out.push_str(&line(&row, separator));
    }
    Ok(attachment(out, "assets"))
}
