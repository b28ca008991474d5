//! The editor's Export menu: Markdown, JSON and action-item CSV downloads,
//! copying the Markdown, the printable report and the public summary. A disclosure button with a
//! list of buttons, so it works with the keyboard and screen readers alike.

use afterword_core::export::{action_items_csv, file_name, to_json, to_markdown};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::download;
use crate::components::fields::dom_id;
use crate::components::public_summary::PublicSummary;
use crate::components::report::request_print;
use crate::components::transfer::{markdown_options, markdown_options_with_checklist};
use crate::session::Session;
use crate::state::{use_app, Route};

#[component]
pub fn ExportMenu(session: Session) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let with_checklist = RwSignal::new(false);
    let feedback = RwSignal::new(String::new());
    // Set when the clipboard refused: the text to copy by hand.
    let manual_copy = RwSignal::new(None::<String>);
    let public_open = RwSignal::new(false);
    let menu_id = dom_id("export-menu");
    let checklist_id = dom_id("export-checklist");
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let first_ref = NodeRef::<leptos::html::Button>::new();
    let menu_ref = NodeRef::<leptos::html::Div>::new();
    let close = move |focus_toggle: bool| {
        open.set(false);
        if focus_toggle {
            if let Some(b) = toggle_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let markdown = move || {
        let doc = session.doc.get_untracked();
        let opts = if with_checklist.get_untracked() {
            markdown_options_with_checklist(&app, &doc)
        } else {
            markdown_options(&app, &doc)
        };
        (file_name(&doc, "md"), to_markdown(&doc, &opts))
    };
    let offer = move |name: String, mime: &str, text: String| {
        match download(&name, mime, &text) {
            Ok(()) => {
                // A host page embedding the editor hears of every export.
                let format = name.rsplit('.').next().unwrap_or_default().to_owned();
                session
                    .doc
                    .with_untracked(|doc| app.emit_exported(doc, &format, &name, &text));
                feedback.set(format!("Downloaded {name}."))
            }
            Err(e) => feedback.set(format!("Could not download {name}: {e}.")),
        }
        close(true);
    };

    let download_md = move |_| {
        let (name, text) = markdown();
        offer(name, "text/markdown", text);
    };
    let download_json = move |_| {
        let doc = session.doc.get_untracked();
        offer(file_name(&doc, "json"), "application/json", to_json(&doc));
    };
    let download_csv = move |_| {
        let doc = session.doc.get_untracked();
        offer(
            file_name(&doc, "csv"),
            "text/csv",
            action_items_csv(&[&doc]),
        );
    };
    let copy = move |_| {
        let (name, text) = markdown();
        close(true);
        leptos::task::spawn_local(async move {
            match crate::clipboard::write_text(&text).await {
                Ok(()) => {
                    session.doc.try_with_untracked(|doc| {
                        app.emit_exported(doc, "clipboard", &name, &text)
                    });
                    // The editor may be gone by now: try_set ignores that.
                    manual_copy.try_set(None);
                    feedback.try_set("Copied the Markdown to the clipboard.".to_owned());
                }
                Err(why) => {
                    feedback.try_set(format!(
                        "Could not copy: {why}. The Markdown is selected below; copy it with Ctrl+C (⌘C on a Mac)."
                    ));
                    manual_copy.try_set(Some(text));
                }
            }
        });
    };
    let print = move |_| {
        session.flush();
        close(false);
        request_print();
        app.navigate(Route::Report(session.id()));
    };
    let open_public = move |_| {
        close(false);
        public_open.set(true);
    };
    let view_report = move |_| {
        session.flush();
        close(false);
        app.navigate(Route::Report(session.id()));
    };

    // Leaving the menu with Tab or a click elsewhere closes it.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        // Also fires while the menu is being removed (leaving the page), so
        // nothing here may assume the component is still alive.
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap_ref.try_get_untracked().flatten())
            .is_some_and(|(node, wrap)| wrap.contains(Some(&node)));
        if !inside {
            open.try_set(false);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close(true);
        }
    };
    let toggle = move |_| {
        let now_open = !open.get_untracked();
        open.set(now_open);
        if now_open {
            // Show the menu now rather than when the view next updates, so the
            // first item has the focus before the next key arrives.
            if let Some(menu) = menu_ref.get_untracked() {
                menu.set_hidden(false);
            }
            if let Some(b) = first_ref.get_untracked() {
                let _ = b.focus();
            }
        }
    };

    view! {
        <div class="export" node_ref=wrap_ref on:focusout=on_focusout on:keydown=on_keydown>
            <button
                class="btn btn-small"
                node_ref=toggle_ref
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=menu_id.clone()
                on:click=toggle
            >
                "Export" <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="export-menu" id=menu_id.clone() node_ref=menu_ref hidden=move || !open.get()>
                <ul role="list" aria-label="Export this postmortem">
                    <li><button class="export-item" node_ref=first_ref on:click=download_md>"Download Markdown (.md)"</button></li>
                    <li><button class="export-item" on:click=download_json>"Download JSON (.json)"</button></li>
                    <li><button class="export-item" on:click=download_csv>"Download action items (.csv)"</button></li>
                    <li><button class="export-item" on:click=copy>"Copy Markdown"</button></li>
                    <li><button class="export-item" on:click=view_report>"View as report"</button></li>
                    <li><button class="export-item" on:click=print>"Print / Save as PDF"</button></li>
                    <li><button class="export-item" on:click=open_public>"Public summary…"</button></li>
                </ul>
                <div class="export-option">
                    <input
                        type="checkbox"
                        id=checklist_id.clone()
                        on:change=move |ev| with_checklist.set(event_target_checked(&ev))
                    />
                    <label for=checklist_id.clone()>"Include checklist status"</label>
                    <p class="hint">"Adds the \"Before you share\" checklist, open items included."</p>
                </div>
            </div>
            <p class="export-feedback" role="status" aria-live="polite">{move || feedback.get()}</p>
            {move || manual_copy.get().map(|text| view! { <ManualCopy text=text on_close=move || manual_copy.set(None) /> })}
            {move || public_open.get().then(|| view! { <PublicSummary session=session on_close=Callback::new(move |_| public_open.set(false)) /> })}
        </div>
    }
}

/// The Markdown in a selected text box, for when the clipboard refused.
#[component]
fn ManualCopy(text: String, on_close: impl Fn() + Send + Sync + Copy + 'static) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let title_id = dom_id("manual-copy-title");
    let labelled_by = title_id.clone();
    let area_id = dom_id("manual-copy-text");
    let area_for = area_id.clone();
    request_animation_frame(move || {
        if let Some(a) = area.try_get_untracked().flatten() {
            let _ = a.focus();
            a.select();
        }
    });
    view! {
        <div class="panel manual-copy" role="dialog" aria-labelledby=labelled_by>
            <h2 id=title_id>"Copy the Markdown"</h2>
            <label for=area_for>"The Markdown of this postmortem, selected: press Ctrl+C (⌘C on a Mac) to copy it."</label>
            <textarea id=area_id node_ref=area readonly rows="10" prop:value=text></textarea>
            <button class="btn btn-small" on:click=move |_| on_close()>"Close"</button>
        </div>
    }
}
