//! The user bar in the top bar: resolved tickets for everyone; for technicians with `userbar`,
//! the activity view, what is to handle, the workload and a red inbox for new tickets nobody
//! has yet (reminders have their own clock beside the bar). Each figure links to its list; the bar refreshes live.

use crate::domain::rights::names as right;
use maud::{Markup, html};

use crate::domain::tickets::states;
use crate::domain::worklist::scope::{Scope, StateSel, View};
use crate::i18n::format_decimal;
use crate::web::paths;
use crate::web::visitor::Visitor;

use super::icons;
use super::menu::view_href;

fn your(state: StateSel) -> String {
    view_href(&View {
        scope: Scope::Your,
        state,
    })
}

/// The bar, or nothing for visitors who are not logged in.
pub fn render(visitor: &Visitor) -> Markup {
    let Some(frame) = visitor.frame.get() else {
        return html! {};
    };
    let lang = visitor.lang;
    let bar = frame.bar;
    let resolved = your(StateSel::One(states::RESOLVED));
    html! {
        div.userbar #userbar data-live-region {
            @if let Some(t) = bar.tech {
                @if t.unassigned > 0 && visitor.has_right(right::SIDE_ALL) {
                    a.bar-item.bar-new href=(view_href(&View { scope: Scope::All, state: StateSel::One(states::UNASSIGNED) }))
                        title=(lang.t("bar-new-help")) {
                        (icons::icon(icons::INBOX))
                        span.bar-label { (lang.t("bar-new")) }
                        span.bar-value { (t.unassigned) }
                        span.visually-hidden { (lang.t("bar-new-help")) }
                    }
                }
                a.bar-item href=(paths::ACTIVITY) title=(lang.t("bar-activity-help")) {
                    (icons::icon(icons::ACTIVITY))
                    span.bar-label { (lang.t("bar-activity")) }
                }
                span.bar-item.bar-pair title=(lang.t("bar-to-handle-help")) {
                    span.bar-label { (lang.t("bar-to-handle")) }
                    a.bar-value href=(your(StateSel::Active)) aria-label=(lang.t_args("bar-active-label", &[("count", &t.active.to_string())])) { (t.active) }
                    " / "
                    a.bar-value href=(your(StateSel::Meta)) aria-label=(lang.t_args("bar-meta-label", &[("count", &t.to_handle.to_string())])) { (t.to_handle) }
                }
                a.bar-item href=(your(StateSel::Meta)) title=(lang.t("bar-workload-help")) {
                    span.bar-label { (lang.t("bar-workload")) }
                    span.bar-value { (lang.t_args("bar-hours", &[("hours", &format_decimal(lang, t.workload_minutes as f64 / 60.0))])) }
                }
            }
            a.bar-item href=(resolved) title=(lang.t("bar-resolved-help")) {
                span.bar-label { (lang.t("bar-resolved")) }
                span.bar-value { (bar.resolved) }
            }
        }
    }
}
