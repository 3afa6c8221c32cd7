//! Reading ticket lists as a user sees them: the menu's counters, the rows of a list, one row,
//! the user bar's figures, and CSV exports.

use reqwest::StatusCode;

use super::{Client, TestApp};

/// Creates a ticket through the full form as `client`; returns its number.
pub async fn open_ticket(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> i64 {
    let reply = client.send_ticket_form("/tickets/new", fields, &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.location().expect("redirect").to_owned();
    let id: i64 = location
        .trim_start_matches("/tickets/")
        .parse()
        .expect("ticket number");
    assert!(app.count(&format!("SELECT count(*) FROM tickets WHERE id = {id}")) == 1);
    id
}

/// The counter beside the menu entry that links to `href` (as written in the address bar), or
/// `None` when the menu has no such entry.
pub fn menu_count(html: &str, href: &str) -> Option<i64> {
    let menu_start = html.find("id=\"sidebar\"")?;
    let menu = &html[menu_start..html[menu_start..].find("</nav>")? + menu_start];
    let anchor = format!("href=\"{}\"", href.replace('&', "&amp;"));
    let at = menu.find(&anchor)?;
    let entry = &menu[at..at + menu[at..].find("</a>")?];
    let count = entry.split("class=\"menu-count\">").nth(1)?;
    count[..count.find('<')?].parse().ok()
}

/// The ticket numbers of a list page, in order.
pub fn listed(html: &str) -> Vec<i64> {
    html.split("<tr data-ticket=\"")
        .skip(1)
        .filter_map(|part| part[..part.find('"')?].parse().ok())
        .collect()
}

/// The markup of ticket `id`'s row in a list page.
pub fn row(html: &str, id: i64) -> &str {
    let start = html
        .find(&format!("<tr data-ticket=\"{id}\">"))
        .unwrap_or_else(|| panic!("ticket {id} is not listed"));
    let end = html[start..].find("</tr>").expect("row end") + start;
    &html[start..end]
}

/// The user bar's markup.
pub fn userbar(html: &str) -> &str {
    let start = html.find("id=\"userbar\"").expect("user bar");
    let end = html[start..].find("</div>").expect("bar end") + start;
    &html[start..end]
}

/// A CSV text cut into rows of cells (quoted cells, doubled quotes, `sep` between cells).
pub fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, c) if c == sep => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}
