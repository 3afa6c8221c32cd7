//! Charts drawn on the server as SVG, for surveys and statistics: horizontal bars (a share per
//! technician, state, answer...) and columns over time (one or more series). Each carries a
//! title and a description that reads the figures out, for screen readers; the pages show the
//! same figures in a table beside it. Colours come from the theme (CSS classes and
//! `currentColor`), so a chart reads in every theme and on paper.

use maud::{Markup, html};

const ROW: f64 = 22.0;
const LABEL: f64 = 150.0;
const BAR_SPACE: f64 = 230.0;
const VALUE: f64 = 70.0;

/// The first characters of `label`, for the space left of a bar.
fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars: one row per `(label, value)`, the value written with `shown`.
pub fn hbars(title: &str, rows: &[(String, f64)], shown: &dyn Fn(f64) -> String) -> Markup {
    let max = rows.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    let height = ROW * rows.len().max(1) as f64 + 6.0;
    let width = LABEL + BAR_SPACE + VALUE;
    let desc = rows
        .iter()
        .map(|(l, v)| format!("{l}: {}", shown(*v)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.chart.chart-hbars viewBox=(format!("0 0 {width:.0} {height:.0}")) role="img"
            preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            desc { (desc) }
            @for (i, (label, value)) in rows.iter().enumerate() {
                @let y = 3.0 + i as f64 * ROW;
                @let w = if max > 0.0 { value / max * BAR_SPACE } else { 0.0 };
                text.tick x=(LABEL - 6.0) y=(format!("{:.1}", y + ROW / 2.0 + 4.0)) text-anchor="end" {
                    (short(label, 24))
                }
                rect.bar x=(LABEL) y=(format!("{:.1}", y + 3.0))
                    width=(format!("{:.1}", w.max(if *value > 0.0 { 1.0 } else { 0.0 })))
                    height=(format!("{:.1}", ROW - 6.0)) {
                    title { (label) ": " (shown(*value)) }
                }
                text.tick x=(format!("{:.1}", LABEL + w + 4.0)) y=(format!("{:.1}", y + ROW / 2.0 + 4.0)) {
                    (shown(*value))
                }
            }
        }
    }
}

const COL_HEIGHT: f64 = 150.0;
const COL_LEFT: f64 = 40.0;
const COL_TOP: f64 = 10.0;

/// A round step for a scale up to `max`, in about four steps.
fn step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let n = raw / magnitude;
    let nice = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    (nice * magnitude).max(1.0)
}

/// Lines over time: one per series (`names`, in order), a point per `(label, values)`; a
/// value that is not a number (NaN) is a gap. The labels under the axis are thinned out so
/// that they never overlap.
pub fn lines(
    title: &str,
    names: &[String],
    points: &[(String, Vec<f64>)],
    shown: &dyn Fn(f64) -> String,
) -> Markup {
    let max = points
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let step = step(max);
    let top = (max / step).ceil().max(1.0) * step;
    let gap = (560.0 / points.len().max(1) as f64).clamp(4.0, 48.0);
    let width = COL_LEFT + gap * points.len().max(1) as f64 + 10.0;
    let total = COL_TOP + COL_HEIGHT + 30.0;
    let x = |i: usize| COL_LEFT + gap * (i as f64 + 0.5);
    let y = |v: f64| COL_TOP + COL_HEIGHT - v / top * COL_HEIGHT;
    // About 6 units per character at the ticks' size: enough labels never to overlap.
    let widest = points
        .iter()
        .map(|(l, _)| l.chars().count().min(10))
        .max()
        .unwrap_or(1) as f64;
    let every = ((widest * 6.0 + 6.0) / gap).ceil().max(1.0) as usize;
    let desc = names
        .iter()
        .enumerate()
        .map(|(s, name)| {
            let values = points
                .iter()
                .filter(|(_, v)| v.get(s).is_some_and(|x| x.is_finite()))
                .map(|(l, v)| format!("{l} {}", shown(v.get(s).copied().unwrap_or(0.0))))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{name}: {values}")
        })
        .collect::<Vec<_>>()
        .join("; ");
    let ticks: Vec<f64> = (0..=((top / step) as usize))
        .map(|i| i as f64 * step)
        .collect();
    html! {
        svg.chart.chart-lines viewBox=(format!("0 0 {width:.0} {total:.0}")) role="img"
            preserveAspectRatio="xMinYMin meet" {
            title { (title) }
            desc { (desc) }
            @for t in &ticks {
                line.grid x1=(COL_LEFT) x2=(format!("{width:.1}")) y1=(format!("{:.1}", y(*t))) y2=(format!("{:.1}", y(*t))) {}
                text.tick x=(COL_LEFT - 4.0) y=(format!("{:.1}", y(*t) + 3.0)) text-anchor="end" { (shown(*t)) }
            }
            line.axis x1=(COL_LEFT) y1=(COL_TOP + COL_HEIGHT) x2=(format!("{width:.1}")) y2=(COL_TOP + COL_HEIGHT) {}
            @for (i, (label, _)) in points.iter().enumerate() {
                @if i % every == 0 {
                    text.tick x=(format!("{:.1}", x(i))) y=(COL_TOP + COL_HEIGHT + 14.0) text-anchor="middle" { (short(label, 10)) }
                }
            }
            @for (s, name) in names.iter().enumerate() {
                @for path in segments(points, s, &x, &y) {
                    polyline.line.(format!("series-{}", s % 8)) points=(path) {
                        title { (name) }
                    }
                }
                @for (i, (label, v)) in points.iter().enumerate() {
                    @let value = v.get(s).copied().unwrap_or(0.0);
                    @if value.is_finite() {
                        circle.dot.(format!("series-{}", s % 8)) cx=(format!("{:.1}", x(i))) cy=(format!("{:.1}", y(value))) r="2.5" {
                            title { (name) " — " (label) ": " (shown(value)) }
                        }
                    }
                }
            }
        }
        @if names.len() > 1 {
            ul.chart-legend {
                @for (s, name) in names.iter().enumerate() {
                    li { span.swatch.(format!("series-{}", s % 8)) aria-hidden="true" {} (name) }
                }
            }
        }
    }
}

/// The runs of series `s` between its gaps, as SVG point lists.
fn segments(
    points: &[(String, Vec<f64>)],
    s: usize,
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for (i, (_, v)) in points.iter().enumerate() {
        let value = v.get(s).copied().unwrap_or(0.0);
        if value.is_finite() {
            run.push(format!("{:.1},{:.1}", x(i), y(value)));
        } else if !run.is_empty() {
            out.push(run.join(" "));
            run.clear();
        }
    }
    if !run.is_empty() {
        out.push(run.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(step(0.0), 1.0);
        assert_eq!(step(3.0), 1.0);
        assert_eq!(step(37.0), 10.0);
        assert_eq!(step(180.0), 50.0);
    }

    #[test]
    fn a_chart_reads_its_figures_out() {
        let svg = hbars(
            "States",
            &[("Open".into(), 3.0), ("<Closed>".into(), 1.0)],
            &|v| format!("{v:.0}"),
        )
        .into_string();
        assert!(svg.contains("<desc>Open: 3, &lt;Closed&gt;: 1</desc>"));
        assert!(svg.contains("role=\"img\""));
    }
}
