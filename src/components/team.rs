//! The team library on screen: the *Team library* page (connect, sign in,
//! state, disconnect, the drafts kept local only), the choice a draft
//! offers when it changed here and in the team library, and the home
//! list's "shared / local only" mark.

use afterword_core::sync::Choice;
use leptos::prelude::*;

use crate::browser::{local_clock, local_when};
use crate::components::fields::signal_input;
use crate::components::notice::dismissible;
use crate::session::Session;
use crate::state::{use_app, Route};
use crate::team::{use_team, Link};

/// `#/team`.
#[component]
pub fn TeamPage() -> impl IntoView {
    let team = use_team();
    let connected = move || {
        team.version.track();
        team.config().is_some()
    };
    view! {
        <section class="team" aria-labelledby="team-title">
            <h1 id="team-title">"Team library"</h1>
            <p class="hint">
                "Share postmortems with your team through a CouchDB database. Drafts sync both ways, "
                "work offline, and a draft changed on both sides is never overwritten: you choose. "
                "Without a team library everything stays in this browser, as before."
            </p>
            <TeamStatus />
            {move || {
                if !connected() || team.link.get() == Link::SignedOut {
                    view! { <ConnectForm /> }.into_any()
                } else {
                    view! { <Connected /> }.into_any()
                }
            }}
        </section>
    }
}

/// The one line that says where the team library stands.
#[component]
pub fn TeamStatus() -> impl IntoView {
    let team = use_team();
    let text = move || {
        team.version.track();
        if team.config().is_none() {
            return vec!["Not connected".to_owned()];
        }
        let mut lines = Vec::new();
        match team.link.get() {
            Link::NotConnected => lines.push("Not connected".to_owned()),
            Link::Connecting => lines.push("Connecting…".to_owned()),
            Link::SignedOut => lines.push("Signed out by the server: sign in again.".to_owned()),
            Link::Unreachable(why) => {
                lines.push(format!("Cannot reach the server: {why}. Retrying."))
            }
            Link::Live => {}
        }
        if team.link.get() != Link::SignedOut {
            if let Some(user) = team.user.get() {
                lines.push(format!("Signed in as {user}"));
            }
        }
        if let Some(n) = team.received.get() {
            lines.push(format!("First sync: {n} drafts received so far…"));
        }
        match team.waiting.get() {
            0 => {
                if let Some(at) = team.synced_at.get() {
                    lines.push(format!("Synced {}", local_clock(at)));
                }
            }
            1 => lines.push("1 change waiting".to_owned()),
            n => lines.push(format!("{n} changes waiting")),
        }
        let conflicts = team.with_state(|s| s.conflicts.len());
        if conflicts > 0 {
            lines.push(format!(
                "{conflicts} {} changed here and in the team library: open {} to choose",
                if conflicts == 1 { "draft" } else { "drafts" },
                if conflicts == 1 { "it" } else { "each" },
            ));
        }
        lines
    };
    view! {
        <div role="status" data-testid="team-status">
            <ul class="team-status">
                {move || text().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </div>
        {move || team.message.get().map(|m| {
            dismissible("panel panel-warn", "alert", None, view! { <p>{m}</p> }, move || team.message.set(None))
        })}
    }
}

#[component]
fn ConnectForm() -> impl IntoView {
    let team = use_team();
    let known = team.config();
    let url = RwSignal::new(
        known
            .as_ref()
            .map(|c| c.url.clone())
            .or_else(|| team.preset_url.get_value())
            .unwrap_or_default(),
    );
    let name = RwSignal::new(known.map(|c| c.user).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let preset = team.preset_url.get_value().is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (u, n, p) = (
            url.get_untracked(),
            name.get_untracked(),
            password.get_untracked(),
        );
        wasm_bindgen_futures::spawn_local(async move {
            let result = team.connect(&u, &n, &p).await;
            // The password is forgotten whatever happened.
            let _ = password.try_set(String::new());
            let _ = busy.try_set(false);
            if let Err(e) = result {
                let _ = error.try_set(Some(e));
            }
        });
    };
    view! {
        <form class="team-connect" on:submit=submit>
            {signal_input(
                "team-url",
                "Database address",
                url,
                view! {
                    <{..}
                        type="text"
                        inputmode="url"
                        autocomplete="url"
                        placeholder="https://couch.example.com/postmortems"
                        readonly=preset
                    />
                },
                "",
            )}
            {signal_input(
                "team-name",
                "Your name on the server",
                name,
                view! { <{..} type="text" autocomplete="username" /> },
                "",
            )}
            {signal_input(
                "team-password",
                "Password",
                password,
                view! { <{..} type="password" autocomplete="current-password" /> },
                "Sent to the server to sign in, never stored by Afterword.",
            )}
            <button class="btn btn-primary" type="submit" disabled=move || busy.get()>
                {move || if busy.get() { "Connecting…" } else { "Connect" }}
            </button>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="team-error">{e}</p> })}
        </form>
    }
}

#[component]
fn Connected() -> impl IntoView {
    let team = use_team();
    let app = use_app();
    let url = team.config().map(|c| c.url).unwrap_or_default();
    // Only the drafts that need a look: a library of thousands is not
    // listed here (the home list marks each draft, and a draft is kept
    // local only from its editor).
    let rows = move || {
        team.with_state(|state| {
            app.drafts.with(|d| {
                d.iter()
                    .filter_map(|m| {
                        let conflict = state.conflicts.contains_key(&m.id);
                        let local = state.is_local_only(&m.id);
                        (conflict || local)
                            .then(|| (m.id.clone(), m.title.clone(), local, conflict))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <p>"Connected to " <code>{url}</code></p>
        <button class="btn" on:click=move |_| team.disconnect()>"Disconnect"</button>
        <h2>"Drafts to look at"</h2>
        <p class="hint">
            "Drafts changed on both sides, and drafts kept local only. A draft is kept local only "
            "from its editor; its copy in the team library, if any, stays as it was."
        </p>
        <ul class="draft-list" aria-label="Drafts to look at">
            {move || rows().into_iter().map(|(id, title, local, conflict)| {
                let toggle_id = id.clone();
                let href = Route::Draft(id.clone()).to_hash();
                view! {
                    <li class="draft">
                        <a class="draft-title" href=href>{title.clone()}</a>
                        <div class="draft-meta">
                            {if conflict {
                                view! { <span class="badge badge-warn">"Changed on both sides"</span> }.into_any()
                            } else {
                                view! { <span class="badge badge-local">"Local only"</span> }.into_any()
                            }}
                        </div>
                        {local.then(|| view! {
                            <div class="draft-actions">
                                <button
                                    class="btn btn-small"
                                    aria-label=format!("Share {title}")
                                    on:click=move |_| team.set_local_only(&toggle_id, false)
                                >
                                    "Share"
                                </button>
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// In the editor, when a team library is connected: keep this draft out
/// of it, or share it.
#[component]
pub fn TeamShare(session: Session) -> impl IntoView {
    let team = use_team();
    let id = session.id();
    move || {
        if !team.is_configured() {
            return None;
        }
        let local = team.with_state(|s| s.is_local_only(&id));
        let toggle = id.clone();
        Some(view! {
            <label class="team-share">
                <input
                    type="checkbox"
                    prop:checked=local
                    on:change=move |ev| team.set_local_only(&toggle, event_target_checked(&ev))
                />
                " Keep this draft local only (not in the team library)"
            </label>
        })
    }
}

/// The home list's mark for one draft, when a team library is connected.
#[component]
pub fn TeamMark(id: String) -> impl IntoView {
    let team = use_team();
    move || {
        if !team.is_configured() {
            return None;
        }
        let (conflict, shared) =
            team.with_state(|s| (s.conflicts.contains_key(&id), s.is_shared(&id)));
        Some(if conflict {
            view! { <span class="badge badge-warn">"Changed on both sides"</span> }.into_any()
        } else if shared {
            view! { <span class="badge badge-shared">"Shared"</span> }.into_any()
        } else {
            view! { <span class="badge badge-local">"Local only"</span> }.into_any()
        })
    }
}

/// In the editor: the draft changed here and in the team library (or was
/// deleted there). The same choice as between two tabs.
#[component]
pub fn TeamConflict(session: Session) -> impl IntoView {
    let team = use_team();
    let id = session.id();
    move || {
        let c = team.with_state(|s| s.conflicts.get(&id).cloned())?;
        let (a, b, c2) = (id.clone(), id.clone(), id.clone());
        let who = if c.by.is_empty() {
            "A teammate".to_owned()
        } else {
            c.by.clone()
        };
        Some(match c.theirs_doc() {
            Some(theirs) => {
                let when = c.at.map(local_when).unwrap_or_default();
                view! {
                    <div class="panel panel-error" role="alert" data-testid="team-conflict">
                        <h2>"This draft was changed in the team library too"</h2>
                        <p>
                            {who} " changed the team library's copy (" {when} ", titled \u{201c}"
                            {theirs.display_title().to_owned()} "\u{201d}) since this browser last synced, "
                            "and it was edited here as well. Nothing was overwritten. Choose what to keep:"
                        </p>
                        <div class="actions">
                            <button class="btn btn-primary" on:click=move |_| team.resolve(&a, Choice::KeepBoth)>
                                "Keep both (save mine as a copy)"
                            </button>
                            <button class="btn" on:click=move |_| team.resolve(&b, Choice::KeepMine)>
                                "Keep mine (replace theirs)"
                            </button>
                            <button class="btn btn-danger" on:click=move |_| team.resolve(&c2, Choice::TakeTheirs)>
                                "Take theirs (discard mine)"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <div class="panel panel-error" role="alert" data-testid="team-conflict">
                    <h2>"This draft was deleted in the team library"</h2>
                    <p>"Someone deleted it from the team library while it was being edited here. Your copy is kept. Choose:"</p>
                    <div class="actions">
                        <button class="btn btn-primary" on:click=move |_| team.resolve(&b, Choice::KeepMine)>
                            "Keep mine (share it again)"
                        </button>
                        <button class="btn" on:click=move |_| team.resolve(&c2, Choice::TakeTheirs)>
                            "Delete it here too (to the trash, local only)"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}
