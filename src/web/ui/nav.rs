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
    // The first page, the last, and two on either side of the current one: picked directly,
    // not by walking every page (a million tickets make tens of thousands of them).
    let mut shown: Vec<i64> = Vec::with_capacity(7);
    shown.push(1);
    shown.extend((page - 2).max(2)..=(page + 2).min(pages - 1));
    shown.push(pages);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The page numbers a pager shows, in order, and the one shown as current.
    fn shown(page: i64, pages: i64) -> (Vec<i64>, Option<i64>) {
        let html = pager(Lang::En, page, pages, |p| format!("?page={p}")).into_string();
        let links = html
            .split("href=\"?page=")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok());
        let current = html
            .split("aria-current=\"page\">")
            .nth(1)
            .and_then(|s| s.split('<').next()?.parse().ok());
        let mut all: Vec<i64> = links.chain(current).collect();
        all.sort_unstable();
        all.dedup();
        (all, current)
    }

    #[test]
    fn the_pager_shows_the_ends_and_two_pages_around_the_current_one() {
        assert_eq!(shown(1, 1), (vec![], None), "one page needs no pager");
        assert_eq!(shown(1, 2), (vec![1, 2], Some(1)));
        assert_eq!(shown(1, 40_000), (vec![1, 2, 3, 40_000], Some(1)));
        assert_eq!(
            shown(20_000, 40_000),
            (
                vec![1, 19_998, 19_999, 20_000, 20_001, 20_002, 40_000],
                Some(20_000)
            )
        );
        assert_eq!(
            shown(40_000, 40_000),
            (vec![1, 39_998, 39_999, 40_000], Some(40_000))
        );
        assert_eq!(shown(4, 6), (vec![1, 2, 3, 4, 5, 6], Some(4)));
    }
}
