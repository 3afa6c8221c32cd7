//! A service's monthly availability as a bar chart drawn on the server in SVG: one bar per
//! month (below the target in the error colour), the target as a dashed line, the scale from a
//! little under the lowest figure to 100%. Colours come from the theme (`currentColor` and CSS
//! classes), so it reads in every theme and in print; the numbers are in the table beside it.

use maud::{Markup, html};

use crate::domain::availability::{Figures, Period};
use crate::i18n::Lang;

const BAR: f64 = 36.0;
const GAP: f64 = 8.0;
const HEIGHT: f64 = 140.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 10.0;

/// The rate as the page prints it: two decimals and a percent sign.
pub fn percent(lang: Lang, rate: f64) -> String {
    let text = format!("{rate:.2}");
    match lang {
        Lang::En => format!("{text}%"),
        Lang::Fr | Lang::Es | Lang::De => format!("{} %", text.replace('.', ",")),
    }
}

/// A whole percentage for the scale, with the reader's spacing (`99%`, `99 %`).
fn whole_percent(lang: Lang, rate: f64) -> String {
    match lang {
        Lang::En => format!("{rate:.0}%"),
        Lang::Fr | Lang::Es | Lang::De => format!("{rate:.0} %"),
    }
}

/// The chart of `months` against `target`, titled `title`.
pub fn bars(
    lang: Lang,
    title: &str,
    months: &[(Period, Figures)],
    target: Option<f64>,
    month_label: impl Fn(&Period) -> String,
) -> Markup {
    let lowest = months
        .iter()
        .map(|(_, f)| f.rate())
        .chain(target)
        .fold(100.0_f64, f64::min);
    // A floor a little under the lowest figure, on a round number, so that 99.2% and 99.9%
    // look different.
    let floor = (lowest - (100.0 - lowest).max(0.5) * 0.25)
        .floor()
        .clamp(0.0, 99.0);
    let y = |rate: f64| TOP + (100.0 - rate.clamp(floor, 100.0)) / (100.0 - floor) * HEIGHT;
    let width = LEFT + months.len() as f64 * (BAR + GAP) + GAP;
    let total = TOP + HEIGHT + 34.0;
    let desc = months
        .iter()
        .map(|(p, f)| format!("{}: {}", month_label(p), percent(lang, f.rate())))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.availability-chart viewBox=(format!("0 0 {width:.0} {total:.0}")) role="img"
            preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            desc { (desc) }
            line.axis x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(TOP + HEIGHT) {}
            line.axis x1=(LEFT) y1=(TOP + HEIGHT) x2=(width) y2=(TOP + HEIGHT) {}
            text.tick x=(LEFT - 4.0) y=(TOP + 4.0) text-anchor="end" { (whole_percent(lang, 100.0)) }
            text.tick x=(LEFT - 4.0) y=(TOP + HEIGHT) text-anchor="end" { (whole_percent(lang, floor)) }
            @for (i, (p, f)) in months.iter().enumerate() {
                @let x = LEFT + GAP + i as f64 * (BAR + GAP);
                @let top = y(f.rate());
                @let below = target.is_some_and(|t| f.rate() < t);
                rect.bar.below[below] x=(format!("{x:.1}")) y=(format!("{top:.1}")) width=(BAR)
                    height=(format!("{:.1}", (TOP + HEIGHT - top).max(0.5))) {
                    title { (month_label(p)) ": " (percent(lang, f.rate())) }
                }
                text.tick x=(format!("{:.1}", x + BAR / 2.0)) y=(TOP + HEIGHT + 14.0) text-anchor="middle" {
                    (month_label(p))
                }
            }
            @if let Some(t) = target {
                line.target x1=(LEFT) x2=(width) y1=(format!("{:.1}", y(t))) y2=(format!("{:.1}", y(t))) {}
            }
        }
    }
}
