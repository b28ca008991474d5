//! *Export → Public summary*: the customer-facing summary as editable
//! Markdown, with the redaction check listing every name, address, ticket
//! id and blameless finding in it. Each finding is edited away or accepted;
//! until then nothing can be downloaded. The file is exactly the text shown
//! (the HTML file is that text rendered as a page).

use std::collections::BTreeSet;

use afterword_core::export::file_name;
use afterword_core::public::{public_html, public_markdown, redaction_check, replace, Redaction};
use leptos::prelude::*;

use crate::browser::download;
use crate::components::fields::dom_id;
use crate::session::Session;
use crate::state::use_app;

#[component]
pub fn PublicSummary(session: Session, on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(session.doc.with_untracked(public_markdown));
    let accepted = RwSignal::new(BTreeSet::<String>::new());
    let findings = Memo::new(move |_| {
        let t = text.get();
        session.doc.with_untracked(|d| redaction_check(&t, d))
    });
    let open = Memo::new(move |_| {
        accepted
            .with(|a| findings.with(|f| f.iter().filter(|r| !a.contains(&r.fingerprint())).count()))
    });
    let feedback = RwSignal::new(String::new());
    let title_id = dom_id("public-title");
    let labelled_by = title_id.clone();
    let area_id = dom_id("public-text");
    let area_for = area_id.clone();
    let save = move |ext: &'static str| {
        let md = text.get_untracked();
        let (mime, body) = if ext == "html" {
            ("text/html", public_html(&md))
        } else {
            ("text/markdown", md)
        };
        let name = session.doc.with_untracked(|d| {
            file_name(d, ext).replacen(&format!(".{ext}"), &format!("-public.{ext}"), 1)
        });
        match download(&name, mime, &body) {
            Ok(()) => {
                session.doc.with_untracked(|doc| {
                    app.emit_exported(doc, &format!("public-{ext}"), &name, &body)
                });
                feedback.set(format!("Downloaded {name}."));
            }
            Err(e) => feedback.set(format!("Could not download {name}: {e}.")),
        }
    };
    let restart = move |_| {
        text.set(session.doc.with_untracked(public_markdown));
        accepted.set(BTreeSet::new());
    };
    view! {
        <div class="panel public-summary" role="dialog" aria-labelledby=labelled_by data-testid="public-summary">
            <h2 id=title_id>"Public summary"</h2>
            <p class="hint">
                "A short version for customers or a status page: what they experienced, when, what was done and the action items marked "
                <em>"Public"</em>
                ". People, owners, links and tickets are left out. Edit the text freely; the file is exactly this text."
            </p>
            <label for=area_for>"Text of the summary (Markdown)"</label>
            <textarea id=area_id rows="14" class="public-text" prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <h3>"Redaction check"</h3>
            <p role="status" class="public-count">{move || match (findings.with(Vec::len), open.get()) {
                (0, _) => "Nothing found: no names, addresses, ticket ids or blameless-language findings.".to_owned(),
                (n, 0) => format!("{}, all accepted.", afterword_core::words::count(n, "finding", "findings")),
                (n, o) => format!("{}; {o} to edit or accept before downloading.", afterword_core::words::count(n, "finding", "findings")),
            }}</p>
            <ul class="public-findings">
                {move || findings.get().into_iter().map(|r| view! { <FindingRow r=r text=text accepted=accepted /> }).collect_view()}
            </ul>
            <div class="actions">
                <button class="btn btn-small btn-primary" disabled=move || { open.get() > 0 } on:click=move |_| save("md")>"Download Markdown"</button>
                <button class="btn btn-small" disabled=move || { open.get() > 0 } on:click=move |_| save("html")>"Download HTML"</button>
                <button class="btn btn-small" on:click=restart>"Start again from the document"</button>
                <button class="btn btn-small" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <p class="export-feedback" role="status" aria-live="polite">{move || feedback.get()}</p>
        </div>
    }
}

#[component]
fn FindingRow(
    r: Redaction,
    text: RwSignal<String>,
    accepted: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let fp = r.fingerprint();
    let fp2 = fp.clone();
    let is_accepted = Memo::new(move |_| accepted.with(|a| a.contains(&fp)));
    let place = format!("Line {}, column {}", r.line, r.column);
    let what = format!("{}: “{}”", r.kind.label(), r.text);
    let why = r.why.clone();
    let replace_label = if r.suggestion.is_empty() {
        "Remove it".to_owned()
    } else {
        format!("Replace with “{}”", r.suggestion)
    };
    let fix = {
        let r = r.clone();
        move |_| {
            let with = r.suggestion.clone();
            text.update(|t| *t = replace(t, &r, &with));
        }
    };
    let toggle = move |_| {
        accepted.update(|a| {
            if !a.remove(&fp2) {
                a.insert(fp2.clone());
            }
        })
    };
    view! {
        <li class=move || if is_accepted.get() { "public-finding is-accepted" } else { "public-finding" }>
            <span class="event-date">{place}</span>" · "<strong>{what}</strong>" · "<span>{why}</span>
            <span class="button-row">
                <button type="button" class="btn btn-small" on:click=fix>{replace_label}</button>
                <button type="button" class="btn btn-small" aria-pressed=move || if is_accepted.get() { "true" } else { "false" } on:click=toggle>
                    {move || if is_accepted.get() { "Accepted (undo)" } else { "Accept" }}
                </button>
            </span>
        </li>
    }
}
