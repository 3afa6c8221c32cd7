//! Navigation components: tabs and page links.

use maud::{Markup, html};

use crate::i18n::Lang;

/// A row of tabs; `(href, label, current)`.
pub fn tabs(label: &str, items: &[(String, String, bool)]) -> Markup {
    html! {
        nav.tabs aria-label=(label) {
            @for (href, text, current) in items {
                a.tab href=(href) aria-current=[current.then_some("page")] { (text) }
            }
        }
    }
}

/// Links to the other pages of a paged list; `href(page)` builds each link.
pub fn pager(lang: Lang, page: i64, pages: i64, href: impl Fn(i64) -> String) -> Markup {
    if pages <= 1 {
        return html! {};
    }
    let shown: Vec<i64> = (1..=pages)
        .filter(|p| *p == 1 || *p == pages || (*p - page).abs() <= 2)
        .collect();
    html! {
        nav.pager aria-label=(lang.t("pager-label")) {
            @if page > 1 {
                a href=(href(page - 1)) rel="prev" { (lang.t("pager-previous")) }
            }
            @for (i, p) in shown.iter().enumerate() {
                @if i > 0 && shown[i - 1] + 1 < *p {
                    span.pager-gap { "…" }
                }
                @if *p == page {
                    span.pager-current aria-current="page" { (p) }
                } @else {
                    a href=(href(*p)) { (p) }
                }
            }
            @if page < pages {
                a href=(href(page + 1)) rel="next" { (lang.t("pager-next")) }
            }
        }
    }
}
