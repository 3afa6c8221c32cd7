//! CSV export of a list (`/export/tickets.csv` with the list's own address): every page, or
//! with `rows=page` the page shown only; every visible column and the numbers behind them; UTF-8 with a byte-order mark so that spreadsheets
//! read accents right; `;` or `,` as set; cells that a spreadsheet would run as a formula are
//! neutralised.

use axum::extract::{RawQuery, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::domain::worklist::columns::Column;
use crate::domain::worklist::listing::Row;
use crate::domain::{clock, settings};
use crate::i18n::Lang;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::state::AppState;

use crate::web::list_query::{ListQuery, pairs};

/// A cell's value with a leading `'` before what a spreadsheet would take for a formula.
fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A cell as CSV: quoted, quotes doubled, and a leading `'` before what a spreadsheet would
/// take for a formula (a line of one cell, without its end).
#[cfg(test)]
fn cell(value: &str) -> String {
    let mut one = line(&[value.to_owned()], ";");
    one.truncate(one.len().saturating_sub(2));
    one
}

/// One line of a CSV file: `values` as cells (every one quoted, formulas neutralised) joined by
/// `separator`, ended as spreadsheets expect (CRLF), written by the `csv` crate.
pub fn line(values: &[String], separator: &str) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.bytes().next().unwrap_or(b';'))
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(values.len() * 16));
    let guarded = values.iter().map(|v| guard(v).into_owned());
    // Writing to memory cannot fail.
    if writer.write_record(guarded).is_err() {
        return String::new();
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The start of a CSV file: the byte-order mark, then the header of `keys` in `lang`.
pub fn head(lang: Lang, keys: &[&str], separator: &str) -> String {
    let names: Vec<String> = keys.iter().map(|k| lang.t(k)).collect();
    format!("\u{feff}{}", line(&names, separator))
}

/// A moment as the exports write it: local time, `YYYY-MM-DD HH:MM`.
pub fn moment(at: i64) -> String {
    jiff::Timestamp::from_second(at)
        .map(|t| {
            jiff::tz::TimeZone::system()
                .to_datetime(t)
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

fn value(row: &Row, c: Column, lang: Lang) -> String {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    match c {
        Column::Number => row.id.to_string(),
        Column::Type => s(&row.type_name),
        Column::Technician => s(&row.technician),
        Column::Requester => s(&row.requester),
        Column::Company => s(&row.company),
        Column::Service => s(&row.service),
        Column::SenderService => s(&row.sender_service),
        Column::TimeSpent => row.time_spent_minutes.to_string(),
        Column::Billable => lang.t(if row.billable {
            "choice-yes"
        } else {
            "choice-no"
        }),
        Column::Agency => s(&row.agency),
        Column::Place => s(&row.place),
        Column::Asset => s(&row.asset),
        Column::Category => s(&row.category),
        Column::Subcategory => s(&row.subcategory),
        Column::Title => row.title.clone(),
        Column::Created => moment(row.created_at),
        Column::HopeDate => s(&row.hope_date),
        Column::ResolvedAt => row.resolved_at.map(moment).unwrap_or_default(),
        Column::Modified => moment(row.modified_at),
        Column::Priority => row
            .priority
            .as_ref()
            .map(|b| b.label.clone())
            .unwrap_or_default(),
        Column::Criticality => row
            .criticality
            .as_ref()
            .map(|b| b.label.clone())
            .unwrap_or_default(),
        Column::State if row.awaiting_validation => {
            format!("{} ({})", row.state.label, lang.t("validation-mark"))
        }
        Column::State => row.state.label.clone(),
    }
}

const ID_HEADERS: [&str; 7] = [
    "state_id",
    "requester_id",
    "technician_id",
    "category_id",
    "subcategory_id",
    "priority_id",
    "criticality_id",
];

/// The whole file.
pub fn csv(lang: Lang, columns: &[Column], rows: &[Row], separator: &str) -> String {
    let mut out = String::from("\u{feff}");
    let mut header: Vec<String> = columns
        .iter()
        .map(|c| match c {
            // Exported as a number of minutes, which the header says.
            Column::TimeSpent => lang.t("col-time-spent-minutes"),
            _ => lang.t(c.label()),
        })
        .collect();
    header.extend(ID_HEADERS.iter().map(|h| (*h).to_owned()));
    out.push_str(&line(&header, separator));
    let id = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    for row in rows {
        let mut cells: Vec<String> = columns.iter().map(|c| value(row, *c, lang)).collect();
        let i = row.ids;
        for v in [
            Some(i.state),
            i.requester,
            i.technician,
            i.category,
            i.subcategory,
            i.priority,
            i.criticality,
        ] {
            cells.push(id(v));
        }
        out.push_str(&line(&cells, separator));
    }
    out
}

/// `GET /export/tickets.csv`.
pub async fn download(
    State(state): State<AppState>,
    authed: Authed,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let reader = visitor.reader.clone().ok_or(WebError::Forbidden)?;
    let asked = pairs(raw.as_deref());
    let every_page = !asked.iter().any(|(k, v)| k == "rows" && v == "page");
    let q = ListQuery::read(&asked, &reader);
    if !q.view.scope.allowed(&reader) {
        return Err(WebError::NotFound);
    }
    let req = q.request(reader.order(), reader.settings.rows_per_page());
    let mut columns = Column::visible(&reader);
    if !columns.contains(&Column::Number) {
        columns.insert(0, Column::Number);
    }
    let r = reader.clone();
    let rows =
        crate::domain::worklist::use_cases::export_rows(state.db(), r, req, lang, every_page)
            .await?;
    let body = csv(
        lang,
        &columns,
        &rows,
        reader.settings.raw(settings::CSV_SEPARATOR),
    );
    Ok(attachment(body, "tickets"))
}

/// `body` as a CSV file to download, named `<stem>-<today>.csv`, kept by no cache.
pub fn attachment(body: String, stem: &str) -> Response {
    let name = format!(
        "attachment; filename=\"{stem}-{}.csv\"",
        clock::date_text(clock::now())
    );
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(cell("plain"), "\"plain\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for risky in ["+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(cell(risky).starts_with("\"'"), "{risky}");
        }
        assert_eq!(cell("a;b,c\nd"), "\"a;b,c\nd\"");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Every cell reads back as its value (with the guard) and never starts a formula.
        #[test]
        fn any_value_is_one_safe_cell(value in "\\PC{0,60}|[=+@\\-\t\r\"][^\n]{0,20}") {
            let quoted = cell(&value);
            // One quoted field: quotes around, inner quotes doubled, nothing else.
            proptest::prop_assert!(quoted.len() >= 2 && quoted.starts_with('"') && quoted.ends_with('"'));
            let inner = &quoted[1..quoted.len() - 1];
            proptest::prop_assert!(!inner.replace("\"\"", "").contains('"'), "{quoted:?}");
            let got = inner.replace("\"\"", "\"");
            proptest::prop_assert!(!got.starts_with(['=', '+', '-', '@', '\t', '\r']), "{got:?}");
            let expected = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{value}")
            } else {
                value.clone()
            };
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
