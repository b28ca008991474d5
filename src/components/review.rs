//! The follow-up review screen (`#/review`): every action item of every
//! postmortem outside the trash in one list, with filters, sorting, status
//! changes in place, the incident trends, and the Markdown and CSV files a
//! team takes into its review meeting.
//!
//! The drafts are read and parsed once when the screen opens; filters and
//! sorting then work on the rows in memory. A status change writes the one
//! postmortem it belongs to and replaces it in memory.

use std::borrow::Borrow;

use afterword_core::model::{ActionKind, ActionStatus, Postmortem, Severity};
use afterword_core::review::{
    collect_actions, count_actions, review_csv, review_markdown, sort_actions, summary_line,
    trends, ActionFilter, ActionRow, SortColumn, Trends,
};
use afterword_core::store::{SaveError, StoreError};
use chrono::{Local, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{download, now};
use crate::components::charts::{CategoryChart, SeverityChart, TimesChart};
use crate::state::{use_app, AppState, Route};

/// Rows shown before "Show more": keeps the first paint fast with
/// thousands of items.
const PAGE: usize = 100;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Every readable postmortem outside the trash.
fn load_docs(app: AppState) -> Vec<Postmortem> {
    app.library()
        .load()
        .drafts
        .into_iter()
        .filter(|(meta, _)| meta.trashed_at.is_none())
        .map(|(_, doc)| doc)
        .collect()
}

/// A row and its place in the full list, so the filtered, sorted view can
/// refer to rows without copying them.
struct Indexed<'a>(usize, &'a ActionRow);

impl Borrow<ActionRow> for Indexed<'_> {
    fn borrow(&self) -> &ActionRow {
        self.1
    }
}

fn month_value(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// "2026-03" → 1 March 2026.
fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Notice {
    None,
    Done,
    Problem,
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let app = use_app();
    let today = today();
    // Parsed once; everything below works on these in memory.
    let docs = RwSignal::new(load_docs(app));
    // Another tab (or editor on the page) changed a draft: read them again.
    Effect::new(move |first: Option<()>| {
        app.foreign_writes.track();
        if first.is_some() {
            docs.set(load_docs(app));
        }
    });
    let rows = Memo::new(move |_| docs.with(|d| collect_actions(d.iter(), today)));

    let filter = RwSignal::new(ActionFilter::default());
    let sort = RwSignal::new((SortColumn::Due, false));
    let limit = RwSignal::new(PAGE);
    // Indices into `rows`, filtered and sorted.
    let visible = Memo::new(move |_| {
        let (column, descending) = sort.get();
        rows.with(|rows| {
            filter.with(|f| {
                let mut kept: Vec<Indexed> = rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| f.matches(r))
                    .map(|(i, r)| Indexed(i, r))
                    .collect();
                sort_actions(&mut kept, column, descending);
                kept.into_iter().map(|r| r.0).collect::<Vec<usize>>()
            })
        })
    });
    let visible_rows = move || -> Vec<ActionRow> {
        rows.with(|rows| visible.with(|v| v.iter().map(|&i| rows[i].clone()).collect()))
    };

    let (first, last) = afterword_core::review::default_range(today);
    let from = RwSignal::new(first);
    let to = RwSignal::new(last);
    let range_problem = RwSignal::new(None::<String>);
    let trend = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        docs.with(|d| trends(d.iter(), from, to))
    });

    let message = RwSignal::new((Notice::None, String::new()));

    view! {
        <section class="review" aria-labelledby="review-title">
            <div class="home-head">
                <h1 id="review-title">"Follow-up review"</h1>
                <a href="#/" on:click=move |_| app.route.set(Route::Home)>"← All postmortems"</a>
            </div>
            <p class="hint">
                "Every action item of every postmortem outside the trash. Filter, sort, and change a status right here; it is saved in its postmortem."
            </p>
            <Filters filter=filter limit=limit />
            <p class="review-summary" data-testid="review-summary" aria-live="polite">
                {move || {
                    let shown = visible_rows();
                    let all = rows.with(|r| r.len());
                    let line = summary_line(&count_actions(&shown));
                    if shown.len() == all {
                        format!("{line}.")
                    } else {
                        format!("{line} (filtered from {all}).")
                    }
                }}
            </p>
            <Outputs visible_rows=visible_rows trend=trend message=message today=today />
            <div
                class=move || match message.get().0 {
                    Notice::Problem => "panel panel-error review-message",
                    _ => "review-message",
                }
                role="status"
                data-testid="review-message"
            >
                {move || message.get().1}
            </div>
            <ActionTable rows=rows visible=visible sort=sort limit=limit docs=docs message=message />
            <section class="trends" aria-labelledby="trends-title">
                <h2 id="trends-title">"Incident trends"</h2>
                <div class="trend-range">
                    <div class="field">
                        <label for="trend-from">"From month"</label>
                        <input
                            id="trend-from"
                            type="month"
                            value=month_value(from.get_untracked())
                            on:change=move |ev| set_month(&event_target_value(&ev), from, to, true, range_problem)
                        />
                    </div>
                    <div class="field">
                        <label for="trend-to">"To month"</label>
                        <input
                            id="trend-to"
                            type="month"
                            value=month_value(to.get_untracked())
                            on:change=move |ev| set_month(&event_target_value(&ev), from, to, false, range_problem)
                        />
                    </div>
                </div>
                <p class="field-error" role="alert">{move || range_problem.get()}</p>
                <SeverityChart trends=trend />
                <TimesChart trends=trend />
                <CategoryChart trends=trend />
            </section>
        </section>
    }
}

/// Applies a typed month to the range; bad input changes nothing and says why.
fn set_month(
    value: &str,
    from: RwSignal<NaiveDate>,
    to: RwSignal<NaiveDate>,
    is_from: bool,
    problem: RwSignal<Option<String>>,
) {
    let Some(month) = parse_month(value) else {
        problem.set(Some(
            "Enter a month as year and month, for example 2026-03.".into(),
        ));
        return;
    };
    let (f, t) = if is_from {
        (month, to.get_untracked())
    } else {
        (from.get_untracked(), month)
    };
    if f > t {
        problem.set(Some(
            "The first month is after the last month: the charts still show the previous range."
                .into(),
        ));
        return;
    }
    problem.set(None);
    from.set(f);
    to.set(t);
}

fn opt_select(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Filters(filter: RwSignal<ActionFilter>, limit: RwSignal<usize>) -> impl IntoView {
    let update = move |f: &dyn Fn(&mut ActionFilter)| {
        filter.update(|flt| f(flt));
        limit.set(PAGE);
    };
    let mut statuses = vec![("", "Any status"), ("active", "Open or in progress")];
    statuses.extend(ActionStatus::ALL.iter().map(|s| (s.key(), s.label())));
    let mut kinds = vec![("", "Any kind")];
    kinds.extend(ActionKind::ALL.iter().map(|k| (k.key(), k.label())));
    let mut severities = vec![("", "Any severity")];
    severities.extend(Severity::ALL.iter().map(|s| (s.label(), s.label())));
    view! {
        <form class="review-filters" aria-label="Filter action items" on:submit=|ev| ev.prevent_default()>
            {opt_select("filter-status", "Status", statuses, move |v| {
                let status = match v.as_str() {
                    "" => None,
                    "active" => Some(vec![ActionStatus::Open, ActionStatus::InProgress]),
                    key => ActionStatus::from_key(key).map(|s| vec![s]),
                };
                update(&|f| f.status = status.clone());
            })}
            <div class="field">
                <label for="filter-owner">"Owner"</label>
                <input
                    id="filter-owner"
                    type="search"
                    placeholder="Any owner"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|f| f.owner = Some(v.clone()));
                    }
                />
            </div>
            {opt_select("filter-kind", "Kind", kinds, move |v| {
                let kind = ActionKind::from_key(&v);
                update(&|f| f.kind = kind);
            })}
            {opt_select("filter-severity", "Incident severity", severities, move |v| {
                let sev = Severity::from_label(&v).map(|s| vec![s]);
                update(&|f| f.severity = sev.clone());
            })}
            <div class="field">
                <label for="filter-due">"Due before"</label>
                <input
                    id="filter-due"
                    type="date"
                    on:input=move |ev| {
                        let v = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d").ok();
                        update(&|f| f.due_before = v);
                    }
                />
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|f| f.overdue_only = on);
                    }
                />
                " Overdue only"
            </label>
        </form>
    }
}

fn stamp() -> String {
    today().format("%Y-%m-%d").to_string()
}

/// Writes `text` to the clipboard. Looked up by name so the app needs no
/// extra browser bindings; the promise's failure is reported.
async fn copy_text(text: String) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or("this browser does not offer the clipboard here")?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("this browser does not offer the clipboard here")?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &text.into())
        .map_err(|_| "the browser refused")?
        .dyn_into()
        .map_err(|_| "the browser refused")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused access to the clipboard".to_owned())
}

#[component]
fn Outputs(
    visible_rows: impl Fn() -> Vec<ActionRow> + Copy + Send + Sync + 'static,
    trend: Memo<Trends>,
    message: RwSignal<(Notice, String)>,
    today: NaiveDate,
) -> impl IntoView {
    let markdown = move || trend.with_untracked(|t| review_markdown(&visible_rows(), t, today));
    let say = move |ok: bool, text: String| {
        message.set((if ok { Notice::Done } else { Notice::Problem }, text));
    };
    view! {
        <div class="review-outputs" role="group" aria-label="Review documents">
            <button
                class="btn btn-small"
                on:click=move |_| {
                    let name = format!("afterword-review-{}.md", stamp());
                    if let Err(e) = download(&name, "text/markdown", &markdown()) {
                        say(false, format!("The Markdown could not be downloaded: {e}."));
                    }
                }
            >
                "Download Markdown"
            </button>
            <button
                class="btn btn-small"
                on:click=move |_| {
                    let text = markdown();
                    leptos::task::spawn_local(async move {
                        match copy_text(text).await {
                            Ok(()) => say(true, "The review Markdown is on the clipboard.".into()),
                            Err(e) => say(false, format!("Could not copy: {e}. Use Download Markdown instead.")),
                        }
                    });
                }
            >
                "Copy Markdown"
            </button>
            <button
                class="btn btn-small"
                on:click=move |_| {
                    let name = format!("afterword-review-actions-{}.csv", stamp());
                    if let Err(e) = download(&name, "text/csv", &review_csv(&visible_rows())) {
                        say(false, format!("The CSV could not be downloaded: {e}."));
                    }
                }
            >
                "Download CSV"
            </button>
            <span class="hint">"Of the items shown by the filters."</span>
        </div>
    }
}

fn aria_sort(sort: (SortColumn, bool), column: SortColumn) -> Option<&'static str> {
    (sort.0 == column).then_some(if sort.1 { "descending" } else { "ascending" })
}

#[component]
fn ActionTable(
    rows: Memo<Vec<ActionRow>>,
    visible: Memo<Vec<usize>>,
    sort: RwSignal<(SortColumn, bool)>,
    limit: RwSignal<usize>,
    docs: RwSignal<Vec<Postmortem>>,
    message: RwSignal<(Notice, String)>,
) -> impl IntoView {
    let header = move || {
        // The core's column order is the order shown.
        SortColumn::ALL.iter().map(move |&column| {
            view! {
                <th scope="col" aria-sort=move || aria_sort(sort.get(), column)>
                    <button
                        class="sort"
                        type="button"
                        on:click=move |_| {
                            sort.update(|s| {
                                *s = if s.0 == column { (column, !s.1) } else { (column, false) };
                            })
                        }
                    >
                        {column.label()}
                        <span class="sort-mark" aria-hidden="true">
                            {move || match aria_sort(sort.get(), column) {
                                Some("ascending") => "▲",
                                Some(_) => "▼",
                                None => "↕",
                            }}
                        </span>
                    </button>
                </th>
            }
        })
        .collect_view()
    };
    let shown = move || {
        let n = limit.get();
        rows.with(|rows| {
            visible.with(|v| {
                v.iter()
                    .take(n)
                    .map(|&i| rows[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! {
                <div class="empty">
                    <p>"No action items yet."</p>
                    <p class="hint">"Action items you add to postmortems appear here, from every postmortem at once. Use \"Try with sample postmortems\" on the home screen to see how a review looks."</p>
                </div>
            }
        >
            <div class="table-scroll review-table-wrap" tabindex="0" role="region" aria-labelledby="actions-caption">
                <table class="review-table" data-testid="review-table">
                    <caption id="actions-caption" class="visually-hidden">"Action items (sortable by column)"</caption>
                    <thead><tr>{header()}</tr></thead>
                    <tbody>
                        <For
                            each=shown
                            key=|r| (r.draft_id.clone(), r.item.id.clone(), r.item.status, r.overdue)
                            let:row
                        >
                            <ActionRowView row=row docs=docs message=message />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || visible.with(|v| v.is_empty())>
                <p class="hint">"No action item matches these filters."</p>
            </Show>
            <Show when=move || { visible.with(|v| v.len()) > limit.get() }>
                <button class="btn" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || format!("Show more ({} of {} shown)", limit.get(), visible.with(|v| v.len()))}
                </button>
            </Show>
        </Show>
    }
}

fn dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_owned()
    }
}

/// Saves `status` on one item of one postmortem, replacing the postmortem
/// in memory; the error is a sentence for the person.
fn save_status(
    app: AppState,
    docs: RwSignal<Vec<Postmortem>>,
    draft_id: &str,
    item_id: &str,
    status: ActionStatus,
) -> Result<String, String> {
    let Some(mut doc) = docs.with_untracked(|d| d.iter().find(|d| d.id == draft_id).cloned())
    else {
        return Err("That postmortem is no longer in this review.".into());
    };
    let title = doc.display_title().to_owned();
    if doc.workflow.status == afterword_core::model::WorkflowStatus::Closed {
        return Err(format!(
            "\u{201c}{title}\u{201d} is closed, so its action items are read-only. Reopen it to change them."
        ));
    }
    let Some(item) = doc.action_items.iter_mut().find(|i| i.id == item_id) else {
        return Err(format!(
            "That action item is no longer in \u{201c}{title}\u{201d}."
        ));
    };
    item.status = status;
    let item_title = dash(&item.title);
    let replace = move |doc: Postmortem| {
        docs.update(|d| {
            if let Some(slot) = d.iter_mut().find(|d| d.id == doc.id) {
                *slot = doc;
            }
        })
    };
    match app.library().save(&mut doc, now()) {
        Ok(meta) => {
            replace(doc);
            app.upsert_meta(meta);
            Ok(format!(
                "\u{201c}{item_title}\u{201d} is now {}.",
                status.label().to_lowercase()
            ))
        }
        Err(SaveError::Conflict { theirs }) => {
            replace(*theirs);
            Err(format!(
                "\u{201c}{title}\u{201d} was changed in another tab or window since this review opened, so the status was not changed. Its latest version is shown now: check the item and change it again if needed."
            ))
        }
        Err(SaveError::Store(StoreError::QuotaExceeded)) => Err(format!(
            "Browser storage is full, so the new status of \u{201c}{item_title}\u{201d} was not saved. Empty the trash or delete old drafts, then try again."
        )),
        Err(e) => Err(format!(
            "The new status of \u{201c}{item_title}\u{201d} was not saved: {e}."
        )),
    }
}

#[component]
fn ActionRowView(
    row: ActionRow,
    docs: RwSignal<Vec<Postmortem>>,
    message: RwSignal<(Notice, String)>,
) -> impl IntoView {
    let app = use_app();
    let item = row.item.clone();
    let href = Route::Draft(row.draft_id.clone()).to_hash();
    let select_id = format!("status-{}-{}", row.draft_id, item.id);
    let old = item.status;
    let draft_id = row.draft_id.clone();
    let item_id = item.id.clone();
    let focus_id = select_id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(status) = ActionStatus::from_key(&event_target_value(&ev)) else {
            return;
        };
        // The rows around this one, in case it leaves the table.
        let row_el = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("tr").ok().flatten());
        // The nearest rows after it, then before it, that can take the
        // keyboard (a closed postmortem's rows are read-only).
        let usable = |r: &web_sys::Element| {
            r.query_selector(".status-select:not([disabled])")
                .ok()
                .flatten()
                .map(|s| s.id())
        };
        let neighbours: Vec<String> = row_el
            .map(|tr| {
                let after =
                    std::iter::successors(tr.next_element_sibling(), |r| r.next_element_sibling());
                let before = std::iter::successors(tr.previous_element_sibling(), |r| {
                    r.previous_element_sibling()
                });
                after
                    .filter_map(|r| usable(&r))
                    .take(1)
                    .chain(before.filter_map(|r| usable(&r)).take(1))
                    .collect()
            })
            .unwrap_or_default();
        match save_status(app, docs, &draft_id, &item_id, status) {
            Ok(text) => {
                message.set((Notice::Done, text.clone()));
                // The row is drawn anew for its new status: keep the
                // keyboard where it was, or, when the item no longer
                // matches the filters, on the next row (the one before
                // when it was the last), and say so.
                let own = focus_id.clone();
                request_animation_frame(move || {
                    if let Some(el) = app.find_id(&own) {
                        let _ = el.focus();
                        return;
                    }
                    let next = neighbours.iter().find_map(|id| app.find_id(id));
                    let moved = match &next {
                        Some(el) => {
                            let _ = el.focus();
                            "the next item has the focus"
                        }
                        None => {
                            if let Some(region) = app.find(".review-table-wrap") {
                                let _ = region.focus();
                            }
                            "no other item matches"
                        }
                    };
                    message.try_set((
                        Notice::Done,
                        format!(
                            "{text} It no longer matches the filters and left the table; {moved}."
                        ),
                    ));
                });
            }
            Err(text) => {
                if let Some(select) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                {
                    select.set_value(old.key());
                }
                message.set((Notice::Problem, text));
            }
        }
    };
    let title = dash(&item.title);
    // The item's own link opens its postmortem at the item.
    let (open_draft, open_path) = (
        row.draft_id.clone(),
        afterword_core::lint::action_title_path(&item.id),
    );
    let open_item = move |_| app.focus_on_open(&open_draft, &open_path);
    view! {
        <tr class:overdue=row.overdue>
            <th scope="row" data-label="Action">
                <a href=href.clone() title="Open in its postmortem" on:click=open_item>{title}</a>
            </th>
            <td data-label="Owner">{dash(&item.owner)}</td>
            <td data-label="Due">
                <span>
                    {item.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}
                    {row.overdue.then(|| view! {
                        <span class="overdue-flag"><span aria-hidden="true">"⚠ "</span>"Overdue"</span>
                    })}
                </span>
            </td>
            <td data-label="Status">
                <label class="visually-hidden" for=select_id.clone()>
                    {format!("Status of {}", dash(&item.title))}
                </label>
                <select id=select_id class="status-select" on:change=on_change disabled=row.closed
                    title=row.closed.then_some("The postmortem is closed: reopen it to change its action items")>
                    {ActionStatus::ALL
                        .iter()
                        .map(|s| view! { <option value=s.key() selected=*s == old>{s.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td data-label="Kind">{item.kind.map(|k| k.label()).unwrap_or("—")}</td>
            <td data-label="Priority">{item.priority.map(|p| p.label()).unwrap_or("—")}</td>
            <td data-label="Severity">
                {row.severity.map(|s| {
                    let class = format!("badge badge-{}", s.label().to_lowercase());
                    view! { <span class=class>{s.label()}</span> }.into_any()
                }).unwrap_or_else(|| "—".into_any())}
            </td>
            <td data-label="Postmortem"><a href=href>{row.draft_title.clone()}</a></td>
            <td data-label="Incident date">
                {row.incident_date.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}
            </td>
        </tr>
    }
}
