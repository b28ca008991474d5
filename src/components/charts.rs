//! The incident-trend charts of the review screen, drawn as inline SVG:
//! postmortems per month by severity (stacked bars), median times to detect
//! and to resolve (lines with gaps for months without data), and incidents
//! per category (horizontal bars). Every chart is a `<figure>` with a
//! caption, axis labels, a legend, and the same numbers as a table.
//!
//! Colours come from the theme's CSS variables (classes in
//! style/review.css); each severity also has its own fill pattern, and each
//! line its own dash and marker shape, so colour is never the only cue.

use afterword_core::metrics::format_duration;
use afterword_core::model::Category;
use afterword_core::review::{MonthStats, Trends, SEVERITY_COLUMNS};
use chrono::{Datelike, Duration};
use leptos::prelude::*;

const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 52.0;

fn plot_width() -> f64 {
    WIDTH - LEFT - RIGHT
}

fn plot_height() -> f64 {
    HEIGHT - TOP - BOTTOM
}

/// Where a value sits on the y axis, for a top value of `max`.
fn y_of(v: f64, max: f64) -> f64 {
    TOP + plot_height() - v / max * plot_height()
}

/// A round top for the y axis and its step: 1, 2 or 5 times a power of ten,
/// four or five steps at most.
fn nice_scale(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let step = step.max(if max < 4.0 { 1.0 } else { step });
    ((max / step).ceil() * step, step)
}

fn fmt_tick(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Month labels on the x axis: every month when there is room, else every
/// n-th; the year is shown under January and under the first month.
fn x_labels(months: &[MonthStats], x_center: impl Fn(usize) -> f64) -> impl IntoView {
    let every = months.len().div_ceil(12).max(1);
    months
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, m)| {
            let x = x_center(i);
            let year = (i == 0 || m.month.month() == 1).then(|| m.month.format("%Y").to_string());
            view! {
                <text class="chart-tick" x=x y=TOP + plot_height() + 16.0 text-anchor="middle">
                    {m.month.format("%b").to_string()}
                </text>
                {year.map(|y| view! {
                    <text class="chart-tick" x=x y=TOP + plot_height() + 29.0 text-anchor="middle">{y}</text>
                })}
            }
        })
        .collect_view()
}

/// Horizontal grid lines and y tick labels.
fn y_grid(top: f64, step: f64, tick: impl Fn(f64) -> String) -> impl IntoView {
    let n = (top / step).round() as usize;
    (0..=n)
        .map(|k| {
            let v = step * k as f64;
            let y = y_of(v, top);
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y />
                <text class="chart-tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{tick(v)}</text>
            }
        })
        .collect_view()
}

fn axis_titles(x: &'static str, y: &'static str) -> impl IntoView {
    let mid_y = TOP + plot_height() / 2.0;
    view! {
        <text class="chart-axis-title" x=LEFT + plot_width() / 2.0 y=HEIGHT - 6.0 text-anchor="middle">{x}</text>
        <text
            class="chart-axis-title"
            x=12.0
            y=mid_y
            text-anchor="middle"
            transform=format!("rotate(-90 12 {mid_y})")
        >
            {y}
        </text>
    }
}

/// The scales of a chart over months: one slot per month along x, and a
/// round y scale from 0 to `top` in steps of `step`.
#[derive(Clone, Copy)]
struct MonthScale {
    slot: f64,
    top: f64,
    step: f64,
}

impl MonthScale {
    /// For `months` months and a largest value of `max`.
    fn new(months: usize, max: f64) -> Self {
        let (top, step) = nice_scale(max);
        MonthScale {
            slot: plot_width() / months.max(1) as f64,
            top,
            step,
        }
    }

    /// The middle of month `i`'s slot.
    fn x(self, i: usize) -> f64 {
        LEFT + self.slot * (i as f64 + 0.5)
    }

    fn y(self, v: f64) -> f64 {
        y_of(v, self.top)
    }
}

/// The frame every chart over months shares: the SVG (labelled by its
/// caption), the grid with the y ticks, the x axis with the month labels
/// and both axis titles. `under` is drawn before the x axis line and
/// `over` after it.
fn month_chart(
    caption_id: &'static str,
    months: &[MonthStats],
    scale: MonthScale,
    y_title: &'static str,
    under: impl IntoView,
    over: impl IntoView,
) -> impl IntoView {
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=caption_id>
            {y_grid(scale.top, scale.step, fmt_tick)}
            {under}
            <line class="chart-axis" x1=LEFT x2=WIDTH - RIGHT y1=TOP + plot_height() y2=TOP + plot_height() />
            {over}
            {x_labels(months, move |i| scale.x(i))}
            {axis_titles("Month of the incident", y_title)}
        </svg>
    }
}

/// The "Show as table" part of a chart over months: the same numbers as a
/// table that scrolls on its own, under `region_label`, one row a month
/// headed by its name, with `head` and `cells` giving the other columns.
fn month_table(
    region_label: &'static str,
    caption: &'static str,
    head: impl IntoView,
    trends: Memo<Trends>,
    cells: fn(&MonthStats) -> AnyView,
) -> impl IntoView {
    let rows = move || {
        trends.with(|t| {
            t.months
                .iter()
                .map(|m| {
                    view! {
                        <tr>
                            <th scope="row">{m.label.clone()}</th>
                            {cells(m)}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="chart-table">
            <summary>"Show as table"</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=region_label>
                <table>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Month"</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// The fill patterns of the six severity columns, one per column of
/// [`SEVERITY_COLUMNS`]. Defined once per page (ids must be unique) and
/// used by the bars and by the legend swatches.
fn severity_patterns() -> impl IntoView {
    view! {
        <svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
            <defs>
                <pattern id="aw-sev-0" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect class="sev-fill-0" width="8" height="8" />
                </pattern>
                <pattern id="aw-sev-1" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="sev-fill-1" width="8" height="8" />
                    <line class="sev-mark" x1="0" y1="0" x2="0" y2="8" stroke-width="3" />
                </pattern>
                <pattern id="aw-sev-2" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect class="sev-fill-2" width="8" height="8" />
                    <circle class="sev-dot" cx="4" cy="4" r="1.8" />
                </pattern>
                <pattern id="aw-sev-3" width="8" height="8" patternUnits="userSpaceOnUse">
                    <rect class="sev-fill-3" width="8" height="8" />
                    <line class="sev-mark" x1="0" y1="4" x2="8" y2="4" stroke-width="2.5" />
                </pattern>
                <pattern id="aw-sev-4" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="sev-fill-4" width="8" height="8" />
                    <line class="sev-mark" x1="0" y1="0" x2="0" y2="8" stroke-width="2" />
                    <line class="sev-mark" x1="0" y1="0" x2="8" y2="0" stroke-width="2" />
                </pattern>
                <pattern id="aw-sev-5" width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect class="sev-fill-5" width="6" height="6" />
                    <circle class="sev-ring" cx="3" cy="3" r="1.2" />
                </pattern>
            </defs>
        </svg>
    }
}

fn swatch(fill: String, class: &'static str) -> impl IntoView {
    view! {
        <svg class="chart-swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
            <rect class=class x="0.75" y="0.75" width="16.5" height="12.5" rx="2" fill=fill />
        </svg>
    }
}

fn severity_legend() -> impl IntoView {
    view! {
        <ul class="chart-legend" aria-label="Legend">
            {SEVERITY_COLUMNS
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let label = if i == 5 { "No severity" } else { label };
                    view! {
                        <li>{swatch(format!("url(#aw-sev-{i})"), "chart-swatch-box")}{label}</li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Postmortems per month, one stacked bar per month (SEV1 at the bottom).
#[component]
pub fn SeverityChart(trends: Memo<Trends>) -> impl IntoView {
    let chart = move || {
        trends.with(|t| {
            let months = &t.months;
            let max = months.iter().map(|m| m.total).max().unwrap_or(0) as f64;
            let scale = MonthScale::new(months.len(), max.max(1.0));
            let bar = (scale.slot * 0.7).max(1.0);
            let bars = months
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let x = scale.x(i) - bar / 2.0;
                    let mut below = 0.0;
                    m.by_severity
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(|(s, n)| {
                            let y1 = scale.y(below + *n as f64);
                            let y0 = scale.y(below);
                            below += *n as f64;
                            let name = if s == 5 { "no severity" } else { SEVERITY_COLUMNS[s] };
                            view! {
                                <rect class="chart-segment" x=x y=y1 width=bar height=y0 - y1 fill=format!("url(#aw-sev-{s})")>
                                    <title>{format!("{}: {n} {name}", m.label)}</title>
                                </rect>
                            }
                        })
                        .collect_view()
                })
                .collect_view();
            let totals = months
                .iter()
                .enumerate()
                .filter(|(_, m)| m.total > 0)
                .map(|(i, m)| {
                    view! {
                        <text class="chart-value" x=scale.x(i) y=scale.y(m.total as f64) - 4.0 text-anchor="middle">
                            {m.total.to_string()}
                        </text>
                    }
                })
                .collect_view();
            month_chart(
                "chart-severity-caption",
                months,
                scale,
                "Postmortems",
                (bars, totals),
                (),
            )
        })
    };
    view! {
        <figure class="chart-figure" data-testid="chart-severity">
            <figcaption id="chart-severity-caption">
                {move || format!("Postmortems per month by severity ({} in the range)", trends.with(|t| t.total()))}
            </figcaption>
            {severity_patterns()}
            <div class="chart-scroll" tabindex="0" role="region" aria-label="Chart of postmortems by severity, scrolls sideways on small screens">{chart}</div>
            {severity_legend()}
            {month_table(
                "Postmortems per month by severity, as a table",
                "Postmortems per month by severity",
                view! {
                    {SEVERITY_COLUMNS.iter().map(|c| {
                        let c = if *c == "Unset" { "No severity" } else { c };
                        view! { <th scope="col">{c}</th> }
                    }).collect_view()}
                    <th scope="col">"Total"</th>
                },
                trends,
                |m| view! {
                    {m.by_severity.iter().map(|n| view! { <td>{n.to_string()}</td> }).collect_view()}
                    <td>{m.total.to_string()}</td>
                }
                .into_any(),
            )}
        </figure>
    }
}

fn minutes(d: Option<Duration>) -> Option<f64> {
    d.map(|d| d.num_seconds() as f64 / 60.0)
}

/// One line of the times chart: segments joined only between neighbouring
/// months that both have a value, so a month without data is a gap.
fn line_path(points: &[Option<(f64, f64)>]) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for p in points {
        match p {
            Some((x, y)) => {
                d.push_str(&format!(
                    "{}{x:.1},{y:.1} ",
                    if pen_down { "L" } else { "M" }
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

fn duration_cell(d: Option<Duration>, samples: usize) -> String {
    match d {
        Some(d) => format!("{} (from {samples})", format_duration(d)),
        None => "no data".to_owned(),
    }
}

/// Median time to detect and to resolve per month.
#[component]
pub fn TimesChart(trends: Memo<Trends>) -> impl IntoView {
    let chart = move || {
        trends.with(|t| {
            let months = &t.months;
            let detect: Vec<Option<f64>> = months.iter().map(|m| minutes(m.median_time_to_detect)).collect();
            let resolve: Vec<Option<f64>> = months.iter().map(|m| minutes(m.median_time_to_resolve)).collect();
            let max = detect.iter().chain(resolve.iter()).flatten().fold(0.0f64, |a, b| a.max(*b));
            // Hours once the longest median passes two hours, else minutes.
            let (unit, per) = if max > 120.0 { ("Median, hours", 60.0) } else { ("Median, minutes", 1.0) };
            let scale = MonthScale::new(months.len(), (max / per).max(1.0));
            let to_points = |vals: &[Option<f64>]| -> Vec<Option<(f64, f64)>> {
                vals.iter()
                    .enumerate()
                    .map(|(i, v)| v.map(|v| (scale.x(i), scale.y(v / per))))
                    .collect()
            };
            let d_points = to_points(&detect);
            let r_points = to_points(&resolve);
            let labels: Vec<String> = months.iter().map(|m| m.label.clone()).collect();
            let markers = |points: &[Option<(f64, f64)>], square: bool, what: &'static str, vals: &[Option<Duration>]| {
                points
                    .iter()
                    .zip(vals)
                    .zip(&labels)
                    .filter_map(|((p, v), label)| {
                        let (x, y) = (*p)?;
                        let title = format!("{label}: median time to {what} {}", format_duration((*v)?));
                        Some(if square {
                            view! {
                                <rect class="chart-marker-resolve" x=x - 4.0 y=y - 4.0 width="8" height="8"><title>{title}</title></rect>
                            }.into_any()
                        } else {
                            view! {
                                <circle class="chart-marker-detect" cx=x cy=y r="4.5"><title>{title}</title></circle>
                            }.into_any()
                        })
                    })
                    .collect_view()
            };
            let d_vals: Vec<Option<Duration>> = months.iter().map(|m| m.median_time_to_detect).collect();
            let r_vals: Vec<Option<Duration>> = months.iter().map(|m| m.median_time_to_resolve).collect();
            let lines = view! {
                <path class="chart-line-resolve" d=line_path(&r_points) />
                <path class="chart-line-detect" d=line_path(&d_points) />
                {markers(&r_points, true, "resolve", &r_vals)}
                {markers(&d_points, false, "detect", &d_vals)}
            };
            month_chart("chart-times-caption", months, scale, unit, (), lines)
        })
    };
    view! {
        <figure class="chart-figure" data-testid="chart-times">
            <figcaption id="chart-times-caption">
                "Median time to detect and to resolve, per month (months without data are gaps)"
            </figcaption>
            <div class="chart-scroll" tabindex="0" role="region" aria-label="Chart of median times, scrolls sideways on small screens">{chart}</div>
            <ul class="chart-legend" aria-label="Legend">
                <li>
                    <svg class="chart-swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
                        <line class="chart-line-detect" x1="2" y1="7" x2="32" y2="7" />
                        <circle class="chart-marker-detect" cx="17" cy="7" r="4" />
                    </svg>
                    "Time to detect (solid line, circles)"
                </li>
                <li>
                    <svg class="chart-swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
                        <line class="chart-line-resolve" x1="2" y1="7" x2="32" y2="7" />
                        <rect class="chart-marker-resolve" x="13" y="3" width="8" height="8" />
                    </svg>
                    "Time to resolve (dashed line, squares)"
                </li>
            </ul>
            {month_table(
                "Median times per month, as a table",
                "Median time to detect and to resolve per month, with the number of incidents each median is taken over",
                view! {
                    <th scope="col">"Median time to detect"</th>
                    <th scope="col">"Median time to resolve"</th>
                },
                trends,
                |m| view! {
                    <td>{duration_cell(m.median_time_to_detect, m.ttd_samples)}</td>
                    <td>{duration_cell(m.median_time_to_resolve, m.ttr_samples)}</td>
                }
                .into_any(),
            )}
        </figure>
    }
}

fn category_label(c: Option<Category>) -> &'static str {
    c.map(Category::label).unwrap_or("No category")
}

/// Incidents in the range per category, most frequent first.
#[component]
pub fn CategoryChart(trends: Memo<Trends>) -> impl IntoView {
    const ROW: f64 = 40.0;
    const W: f64 = 420.0;
    const PAD: f64 = 8.0;
    let chart = move || {
        trends.with(|t| {
            let cats = &t.by_category;
            if cats.is_empty() {
                return view! { <p class="hint">"No postmortems in this range."</p> }.into_any();
            }
            let max = cats.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
            let bar_max = W - PAD * 2.0 - 36.0;
            let height = cats.len() as f64 * ROW + PAD;
            let rows = cats
                .iter()
                .enumerate()
                .map(|(i, (c, n))| {
                    let y = PAD + i as f64 * ROW;
                    let w = (*n as f64 / max * bar_max).max(2.0);
                    view! {
                        <text class="chart-label" x=PAD y=y + 12.0>{category_label(*c)}</text>
                        <rect class="chart-bar" x=PAD y=y + 17.0 width=w height="16" rx="2">
                            <title>{format!("{}: {n}", category_label(*c))}</title>
                        </rect>
                        <text class="chart-value" x=PAD + w + 6.0 y=y + 30.0>{n.to_string()}</text>
                    }
                })
                .collect_view();
            view! {
                <svg class="chart chart-categories" viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby="chart-categories-caption">
                    {rows}
                </svg>
            }
            .into_any()
        })
    };
    let table = move || {
        trends.with(|t| {
            t.by_category
                .iter()
                .map(|(c, n)| view! { <tr><th scope="row">{category_label(*c)}</th><td>{n.to_string()}</td></tr> })
                .collect_view()
        })
    };
    view! {
        <figure class="chart-figure" data-testid="chart-categories">
            <figcaption id="chart-categories-caption">"Postmortems per category in the range (bar length = number of postmortems)"</figcaption>
            {chart}
            <details class="chart-table">
                <summary>"Show as table"</summary>
                <table>
                    <caption class="visually-hidden">"Postmortems per category"</caption>
                    <thead><tr><th scope="col">"Category"</th><th scope="col">"Postmortems"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </figure>
    }
}
