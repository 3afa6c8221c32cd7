//! The table of the network tools' runs (pings of every asset, discoveries): when, what, who
//! asked, how hosts were probed, how many answered, what a discovery changed, how long.

use maud::{Markup, html};

use crate::domain::assets::network::Run;
use crate::i18n::{Lang, format_datetime};

/// What the table is about: its heading, what it says when empty, its anchor, and whether its
/// runs are discoveries (with the network and what they changed).
pub struct Titles {
    pub id: &'static str,
    pub heading: &'static str,
    pub none: &'static str,
    pub discoveries: bool,
}

/// The panel listing `runs`.
pub fn panel(lang: Lang, titles: &Titles, runs: &[Run]) -> Markup {
    html! {
        section.panel id=(titles.id) {
            h2 { (lang.t(titles.heading)) }
            @if runs.is_empty() {
                p.muted { (lang.t(titles.none)) }
            } @else {
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th scope="col" { (lang.t("net-run-when")) }
                            @if titles.discoveries {
                                th scope="col" { (lang.t("net-scan-network")) }
                            }
                            th scope="col" { (lang.t("net-run-by")) }
                            th scope="col" { (lang.t("net-run-method")) }
                            th scope="col" { (lang.t("net-run-answered")) }
                            @if titles.discoveries {
                                th scope="col" { (lang.t("net-scan-created")) }
                                th scope="col" { (lang.t("net-scan-filled")) }
                            }
                            th scope="col" { (lang.t("net-run-took")) }
                        } }
                        tbody {
                            @for r in runs {
                                tr {
                                    td {
                                        (format_datetime(lang, r.started_at))
                                        @if r.dry_run { " · " (lang.t("net-scan-dry-run")) }
                                        @if r.stopped { " · " (lang.t("net-run-stopped")) }
                                    }
                                    @if titles.discoveries {
                                        td { (r.network.clone().unwrap_or_default()) }
                                    }
                                    td { (r.author.clone().unwrap_or_else(|| lang.t("net-run-by-schedule"))) }
                                    td { (lang.t(crate::net_tools::method_keys(&r.method).0)) }
                                    td { (r.answered) " / " (r.probed) }
                                    @if titles.discoveries {
                                        td { (r.created) }
                                        td { (r.filled) }
                                    }
                                    td { (lang.t_args("net-run-seconds", &[("seconds", &(r.finished_at - r.started_at).to_string())])) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
