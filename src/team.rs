//! The team library in the browser: signs in to the team's CouchDB
//! (`POST /_session`, the password is never stored), sends the drafts that
//! changed after each autosave (`_bulk_docs`), follows the `_changes` feed
//! (longpoll, resumed from the stored sequence, with back-off while the
//! server cannot be reached) and hands every decision to
//! `afterword_core::sync`. Only the configured origin is ever contacted,
//! and only once the person has connected.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use afterword_core::sync::{self, Choice, Incoming, Pushed, SyncState, TeamConfig};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::{entropy, now};
use crate::state::AppState;

/// How many changes one read of the feed takes: the first sync of a large
/// library arrives in steps, with progress shown and the app usable.
const BATCH: usize = 250;
/// How long the server holds a longpoll open when nothing changes.
const LONGPOLL_MS: u32 = 25_000;
/// Waits between attempts while the server cannot be reached.
const BACKOFF_FIRST: Duration = Duration::from_secs(1);
const BACKOFF_MAX: Duration = Duration::from_secs(30);

/// Where the team library stands, as the Team library screen says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    NotConnected,
    Connecting,
    /// Signed in and following the feed.
    Live,
    /// The server cannot be reached; retrying.
    Unreachable(String),
    /// The server no longer knows the session: sign in again.
    SignedOut,
}

/// The team library of one app (one namespace). Cheap to copy.
#[derive(Clone, Copy)]
pub struct Team {
    app: AppState,
    pub link: RwSignal<Link>,
    /// Who the server says is signed in.
    pub user: RwSignal<Option<String>>,
    pub synced_at: RwSignal<Option<DateTime<Utc>>>,
    /// Local changes not yet on the server.
    pub waiting: RwSignal<usize>,
    /// While a large first sync runs: drafts received so far.
    pub received: RwSignal<Option<usize>>,
    /// The last message for the person (a refusal, a document set aside).
    pub message: RwSignal<Option<String>>,
    /// Bumped whenever the stored sync state changes (conflicts, shared
    /// marks), for the screens that show it.
    pub version: RwSignal<u64>,
    /// Which run of the sync loop is current; a disconnect ends the others.
    run: StoredValue<u64>,
    push_timer: StoredValue<Option<TimeoutHandle>>,
    pushing: StoredValue<bool>,
    /// The database address an embedding page gave this editor.
    pub preset_url: StoredValue<Option<String>>,
    /// The stored sync state, read once per change for every screen.
    shared: Memo<SyncState>,
    configured: Memo<bool>,
}

impl Team {
    /// Set up for `app`; resumes syncing when the namespace is connected.
    pub fn new(app: AppState, preset_url: Option<String>) -> Team {
        let version = RwSignal::new(0);
        let team = Team {
            app,
            link: RwSignal::new(Link::NotConnected),
            user: RwSignal::new(None),
            synced_at: RwSignal::new(None),
            waiting: RwSignal::new(0),
            received: RwSignal::new(None),
            message: RwSignal::new(None),
            version,
            run: StoredValue::new(0),
            push_timer: StoredValue::new(None),
            pushing: StoredValue::new(false),
            preset_url: StoredValue::new(preset_url),
            shared: Memo::new(move |_| {
                version.track();
                app.library().team_state()
            }),
            configured: Memo::new(move |_| {
                version.track();
                app.library().team_config().is_some()
            }),
        };
        if let Some(config) = app.library().team_config() {
            team.synced_at.set(app.library().team_state().synced_at);
            team.user
                .set(Some(config.user.clone()).filter(|u| !u.is_empty()));
            team.resume(config);
        }
        // Back online: try at once rather than at the end of the back-off.
        let online = window_event_listener_untyped("online", move |_| {
            if matches!(team.link.get_untracked(), Link::Unreachable(_)) {
                if let Some(config) = team.config() {
                    team.resume(config);
                }
            }
        });
        on_cleanup(move || online.remove());
        // Every save and trash change updates the draft list: send soon.
        Effect::new(move |_| {
            app.drafts.track();
            team.schedule_push();
        });
        team
    }

    pub fn config(&self) -> Option<TeamConfig> {
        self.app.library().team_config()
    }

    pub fn state(&self) -> SyncState {
        self.shared.get()
    }

    /// Reads the sync state without copying it (one row of a long list).
    pub fn with_state<T>(&self, f: impl FnOnce(&SyncState) -> T) -> T {
        self.shared.with(f)
    }

    /// True while a team library is configured (tracked).
    pub fn is_configured(&self) -> bool {
        self.configured.get()
    }

    /// Connects to the database at `url` as `name`. The message says what
    /// went wrong, in plain words.
    pub async fn connect(&self, url: &str, name: &str, password: &str) -> Result<(), String> {
        let db = Database::parse(url)?;
        self.link.set(Link::Connecting);
        let result = sign_in(&db, name, password).await;
        let user = match result {
            Ok(user) => user,
            Err(e) => {
                self.link.set(Link::NotConnected);
                return Err(e);
            }
        };
        if let Err(e) = check_database(&db).await {
            self.link.set(Link::NotConnected);
            return Err(e);
        }
        let lib = self.app.library();
        let same_db = lib.team_config().is_some_and(|c| c.url == db.url);
        if !same_db {
            // Another database: compare everything afresh.
            let _ = lib.save_team_state(&SyncState::default());
        }
        let config = TeamConfig {
            url: db.url.clone(),
            user: user.clone(),
        };
        lib.save_team_config(&config)
            .map_err(|e| format!("The connection could not be kept in this browser: {e}."))?;
        self.user.set(Some(user));
        self.message.set(None);
        self.start(db);
        Ok(())
    }

    /// Signs out on the server and forgets the team library here. The
    /// drafts stay in this browser.
    pub fn disconnect(&self) {
        self.run.update_value(|r| *r += 1);
        if let Some(config) = self.config() {
            if let Ok(db) = Database::parse(&config.url) {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = fetch_json("DELETE", &db.session_url(), None).await;
                });
            }
        }
        let _ = self.app.library().forget_team();
        self.link.set(Link::NotConnected);
        self.user.set(None);
        self.synced_at.set(None);
        self.waiting.set(0);
        self.received.set(None);
        self.version.update(|v| *v += 1);
    }

    /// After a reload: asks the server whether the session still holds.
    fn resume(&self, config: TeamConfig) {
        let Ok(db) = Database::parse(&config.url) else {
            self.link.set(Link::NotConnected);
            return;
        };
        self.start(db);
    }

    fn start(&self, db: Database) {
        self.run.update_value(|r| *r += 1);
        let run = self.run.get_value();
        let team = *self;
        self.link.set(Link::Connecting);
        wasm_bindgen_futures::spawn_local(async move { team.follow(db, run).await });
    }

    fn current(&self, run: u64) -> bool {
        self.run.try_get_value() == Some(run)
    }

    /// The sync loop: send, then read the feed; on failure wait and retry.
    async fn follow(self, db: Database, run: u64) {
        let mut backoff = BACKOFF_FIRST;
        loop {
            if !self.current(run) {
                return;
            }
            let round = async {
                self.push(&db).await?;
                self.pull(&db, run).await
            };
            match round.await {
                Ok(()) => backoff = BACKOFF_FIRST,
                Err(NetError::SignedOut) => {
                    if self.current(run) {
                        self.link.set(Link::SignedOut);
                    }
                    return;
                }
                Err(e) => {
                    if !self.current(run) {
                        return;
                    }
                    // A full storage is said by its own message, not as
                    // a server that cannot be reached.
                    if !matches!(e, NetError::Storage(_)) {
                        self.link.set(Link::Unreachable(e.to_string()));
                    }
                    sleep(backoff).await;
                    backoff = (backoff * 2).min(BACKOFF_MAX);
                }
            }
        }
    }

    /// Sends soon (after a save), unless a send is already under way.
    pub fn schedule_push(&self) {
        if !matches!(self.link.get_untracked(), Link::Live) {
            self.refresh_waiting();
            return;
        }
        if let Some(h) = self.push_timer.get_value() {
            h.clear();
        }
        let team = *self;
        let handle = set_timeout_with_handle(
            move || {
                if team.app.is_alive() {
                    team.push_now()
                }
            },
            Duration::from_millis(300),
        )
        .ok();
        self.push_timer.set_value(handle);
    }

    fn push_now(&self) {
        let Some(config) = self.config() else { return };
        let Ok(db) = Database::parse(&config.url) else {
            return;
        };
        let team = *self;
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = team.push(&db).await {
                // The loop retries; say why meanwhile.
                if !matches!(e, NetError::SignedOut) {
                    team.link.set(Link::Unreachable(e.to_string()));
                } else {
                    team.link.set(Link::SignedOut);
                }
            }
        });
    }

    fn refresh_waiting(&self) {
        let lib = self.app.library();
        if lib.team_config().is_none() {
            self.waiting.set(0);
            return;
        }
        let state = lib.team_state();
        let n = self
            .app
            .drafts
            .with_untracked(|d| state.waiting(d, |id| lib.revision_of(id)));
        self.waiting.set(n);
    }

    /// Sends every change waiting here.
    async fn push(&self, db: &Database) -> Result<(), NetError> {
        if self.pushing.get_value() {
            return Ok(());
        }
        self.pushing.set_value(true);
        let result = self.push_inner(db).await;
        self.pushing.set_value(false);
        self.refresh_waiting();
        result
    }

    async fn push_inner(&self, db: &Database) -> Result<(), NetError> {
        let lib = self.app.library();
        if let Some(Some(s)) = self.app.open.0.try_get_untracked() {
            s.flush();
        }
        let who = self.user.get_untracked().unwrap_or_default();
        let templates = sync::outgoing_templates(&lib, &lib.team_state(), &who);
        if !templates.is_empty() {
            let docs: Vec<Value> = templates.iter().map(|o| o.body.clone()).collect();
            let answers = self.bulk_docs(db, docs).await?;
            let mut state = lib.team_state();
            sync::pushed_templates(&mut state, &templates, &answers);
            self.save_state(&state);
        }
        let drafts = self.app.drafts.get_untracked();
        let out = sync::outgoing(&lib, &lib.team_state(), &drafts, &who);
        if out.is_empty() {
            return Ok(());
        }
        for chunk in out.chunks(BATCH) {
            let docs: Vec<Value> = chunk.iter().map(|o| o.body.clone()).collect();
            let answers = self.bulk_docs(db, docs).await?;
            // Read again: the feed may have changed the state meanwhile.
            let mut state = lib.team_state();
            let refused = sync::pushed(&mut state, chunk, &answers);
            self.save_state(&state);
            if let Some(first) = refused.first() {
                self.message.set(Some(first.clone()));
            }
        }
        Ok(())
    }

    /// One `_bulk_docs` write; the server's answer for each document.
    async fn bulk_docs(&self, db: &Database, docs: Vec<Value>) -> Result<Vec<Pushed>, NetError> {
        let body = serde_json::json!({ "docs": docs }).to_string();
        let (status, answer) = fetch_json("POST", &db.at("_bulk_docs"), Some(body)).await?;
        if status == 401 {
            return Err(NetError::SignedOut);
        }
        if !(200..300).contains(&status) {
            return Err(NetError::Server(status, reason(&answer)));
        }
        Ok(answer
            .as_array()
            .map(|rows| rows.iter().map(read_answer).collect())
            .unwrap_or_default())
    }

    fn save_state(&self, state: &SyncState) {
        if let Err(e) = self.app.library().save_team_state(state) {
            self.message.set(Some(format!(
                "What was exchanged with the team library could not be noted in this browser ({e}); it will be compared again."
            )));
        }
        self.version.update(|v| *v += 1);
    }

    /// Reads the feed from the stored sequence and applies what came.
    async fn pull(&self, db: &Database, run: u64) -> Result<(), NetError> {
        let lib = self.app.library();
        let since = lib.team_state().since;
        let first = since.is_empty();
        let live = matches!(self.link.get_untracked(), Link::Live);
        let feed = if live { "longpoll" } else { "normal" };
        let url = db.at(&format!(
            "_changes?feed={feed}&include_docs=true&conflicts=true&limit={BATCH}&timeout={LONGPOLL_MS}&since={}",
            encode(if first { "0" } else { &since })
        ));
        let (status, answer) = fetch_json("GET", &url, None).await?;
        if !self.current(run) {
            return Ok(());
        }
        if status == 401 || status == 403 {
            return Err(NetError::SignedOut);
        }
        if status == 404 {
            return Err(NetError::Server(
                status,
                "the database is not there any more".into(),
            ));
        }
        if !(200..300).contains(&status) {
            return Err(NetError::Server(status, reason(&answer)));
        }
        let rows = answer
            .get("results")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        // What is typed in the open draft is stored first, so it counts as
        // a change here.
        if !rows.is_empty() {
            if let Some(Some(s)) = self.app.open.0.try_get_untracked() {
                s.flush();
            }
        }
        let mut state = lib.team_state();
        let mut touched = Vec::new();
        let mut stopped = None;
        for row in &rows {
            match sync::incoming(&lib, &mut state, row) {
                Ok(Incoming::NeedRevisions { id, winner, revs }) => {
                    for rev in revs {
                        let url = db.at(&format!(
                            "{}?rev={}",
                            encode(&sync::server_id(&id)),
                            encode(&rev)
                        ));
                        let (status, loser) = fetch_json("GET", &url, None).await?;
                        if (200..300).contains(&status) {
                            // Read again: a send may have changed it.
                            let mut fresh = lib.team_state();
                            fresh.since = state.since.clone();
                            sync::server_conflict(&mut fresh, &id, &winner, &rev, &loser);
                            state = fresh;
                        }
                    }
                    touched.push(id);
                }
                Ok(Incoming::Applied(id) | Incoming::Removed(id) | Incoming::Conflicted(id)) => {
                    touched.push(id)
                }
                Ok(Incoming::SetAside { id, reason, .. }) => {
                    self.message.set(Some(format!(
                        "Draft {id} from the team library could not be read ({reason}); it was set aside under \u{201c}Drafts that could not be read\u{201d}."
                    )));
                }
                Ok(Incoming::Unchanged) => {}
                Err(e) => {
                    stopped = Some(e);
                    break;
                }
            }
            state.since = sync::seq_text(&row["seq"]);
        }
        if stopped.is_none() {
            state.since = sync::seq_text(&answer["last_seq"]);
        }
        let caught_up = stopped.is_none() && rows.len() < BATCH;
        if caught_up {
            state.synced_at = Some(now());
            self.synced_at.set(state.synced_at);
            self.received.set(None);
        } else if first || self.received.get_untracked().is_some() {
            self.received
                .update(|r| *r = Some(r.unwrap_or(0) + rows.len()));
        }
        self.save_state(&state);
        if !touched.is_empty() {
            self.app.reload();
            // Screens that keep their own copy (templates, review) read again.
            self.app.foreign_writes.update(|n| *n += 1);
            if let Some(Some(s)) = self.app.open.0.try_get_untracked() {
                if touched.contains(&s.id()) {
                    s.external_change();
                }
            }
        }
        if let Some(e) = stopped {
            self.message.set(Some(format!(
                "Receiving from the team library stopped: {e}. Nothing was lost; it goes on when there is room (delete drafts for good or download a backup)."
            )));
            return Err(NetError::Storage(e.to_string()));
        }
        if caught_up {
            self.link.set(Link::Live);
        }
        Ok(())
    }

    /// Carries out the person's choice for a conflict on draft `id`.
    pub fn resolve(&self, id: &str, choice: Choice) {
        let lib = self.app.library();
        let open = self.app.open.0.get_untracked().filter(|s| s.id() == id);
        if let Some(s) = open {
            s.flush();
        }
        let mut state = lib.team_state();
        match sync::resolve(&lib, &mut state, id, choice, now(), entropy()) {
            Ok(copy) => {
                self.save_state(&state);
                self.app.reload();
                if let Some(s) = open {
                    if let Ok(Some(doc)) = lib.open(id) {
                        s.replace(doc);
                    }
                }
                if let Some(copy) = copy {
                    self.app.notify(format!(
                        "Your edits were kept as a separate draft ({copy}); the team library's copy is shown here."
                    ));
                }
                self.schedule_push();
            }
            Err(e) => self
                .app
                .notify(format!("The choice could not be carried out: {e}.")),
        }
    }

    /// Keeps a draft out of the team library, or shares it again.
    pub fn set_local_only(&self, id: &str, local_only: bool) {
        let lib = self.app.library();
        let mut state = lib.team_state();
        state.set_local_only(id, local_only);
        self.save_state(&state);
        self.schedule_push();
    }
}

/// A database address, checked.
#[derive(Debug, Clone, PartialEq)]
struct Database {
    /// The address as the person gave it, without a final `/`.
    url: String,
    /// The server's root (the address without the database name).
    root: String,
    origin: String,
    name: String,
}

impl Database {
    fn parse(url: &str) -> Result<Database, String> {
        let url = url.trim().trim_end_matches('/');
        let bad = || {
            format!(
                "\u{201c}{url}\u{201d} is not a database address. Give the whole address, for example https://couch.example.com/postmortems."
            )
        };
        let parsed = web_sys::Url::new(url).map_err(|_| bad())?;
        let protocol = parsed.protocol();
        if protocol != "https:" && protocol != "http:" {
            return Err(bad());
        }
        let path = parsed.pathname();
        let path = path.trim_end_matches('/');
        let (root_path, name) = path.rsplit_once('/').unwrap_or(("", ""));
        if name.is_empty() {
            return Err(format!(
                "\u{201c}{url}\u{201d} names a server but no database: add the database's name, for example {}/postmortems.",
                parsed.origin()
            ));
        }
        Ok(Database {
            url: format!("{}{path}", parsed.origin()),
            root: format!("{}{root_path}", parsed.origin()),
            origin: parsed.origin(),
            name: name.to_owned(),
        })
    }

    fn at(&self, rest: &str) -> String {
        format!("{}/{rest}", self.url)
    }

    fn session_url(&self) -> String {
        format!("{}/_session", self.root)
    }
}

/// Why a request to the team library failed.
#[derive(Debug, Clone, PartialEq)]
enum NetError {
    /// No answer (offline, server down, blocked by CORS or the page's CSP).
    Unreachable,
    /// The answer was not JSON.
    NotJson(u16),
    Server(u16, String),
    SignedOut,
    Storage(String),
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetError::Unreachable => write!(f, "no answer (offline, or the server is down)"),
            NetError::NotJson(status) => write!(f, "the answer ({status}) was not CouchDB's"),
            NetError::Server(status, why) => write!(f, "the server said {status}: {why}"),
            NetError::SignedOut => write!(f, "signed out by the server"),
            NetError::Storage(why) => write!(f, "{why}"),
        }
    }
}

fn reason(answer: &Value) -> String {
    answer
        .get("reason")
        .or_else(|| answer.get("error"))
        .and_then(Value::as_str)
        .unwrap_or("no reason given")
        .to_owned()
}

fn read_answer(row: &Value) -> Pushed {
    if let Some(rev) = row.get("rev").and_then(Value::as_str) {
        if row.get("error").is_none() {
            return Pushed::Ok {
                rev: rev.to_owned(),
            };
        }
    }
    match row.get("error").and_then(Value::as_str) {
        Some("conflict") => Pushed::Conflict,
        _ => Pushed::Refused(reason(row)),
    }
}

/// One request with the session cookie; the answer's status and JSON.
async fn fetch_json(
    method: &str,
    url: &str,
    body: Option<String>,
) -> Result<(u16, Value), NetError> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_credentials(web_sys::RequestCredentials::Include);
    init.set_mode(web_sys::RequestMode::Cors);
    let headers = web_sys::Headers::new().map_err(|_| NetError::Unreachable)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = &body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| NetError::Unreachable)?;
    let window = web_sys::window().ok_or(NetError::Unreachable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| NetError::Unreachable)?
        .unchecked_into();
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(|_| NetError::NotJson(status))?)
        .await
        .map_err(|_| NetError::Unreachable)?
        .as_string()
        .unwrap_or_default();
    let value = serde_json::from_str(&text).map_err(|_| NetError::NotJson(status))?;
    Ok((status, value))
}

/// Reached at all, without reading the answer (a request CORS would block
/// still gets an opaque answer).
async fn answers_at_all(url: &str) -> bool {
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .is_ok()
}

/// Signs in; the name the server signed in. Messages for each way it fails.
async fn sign_in(db: &Database, name: &str, password: &str) -> Result<String, String> {
    if name.trim().is_empty() {
        return Err("Give your name on the team library (the CouchDB user).".into());
    }
    let csp = CspWatch::start(&db.origin);
    let body = serde_json::json!({ "name": name.trim(), "password": password }).to_string();
    let answer = fetch_json("POST", &db.session_url(), Some(body)).await;
    match answer {
        Ok((200..=299, v)) if v.get("ok").and_then(Value::as_bool) == Some(true) => {
            Ok(v.get("name").and_then(Value::as_str).unwrap_or(name.trim()).to_owned())
        }
        Ok((401, _)) => Err("The name or password is not right. Nothing was stored; try again.".into()),
        Ok(_) | Err(NetError::NotJson(_)) => Err(format!(
            "The server at {} does not answer like CouchDB. Check the address: it should be a CouchDB database, for example https://couch.example.com/postmortems.",
            db.root
        )),
        Err(_) => {
            // Give the page's policy a moment to report the block.
            sleep(Duration::from_millis(100)).await;
            if csp.blocked() {
                return Err(format!(
                    "This page's Content-Security-Policy does not allow {}: add it to connect-src (see the README, \u{201c}Team library\u{201d}).",
                    db.origin
                ));
            }
            if answers_at_all(&db.session_url()).await {
                Err(format!(
                    "The server at {} answered but does not let this page in (CORS is not set for {}). An admin adds this page's address to the server's CORS origins, with credentials allowed.",
                    db.origin,
                    page_origin()
                ))
            } else {
                Err(format!(
                    "Cannot reach the server: {} does not answer. Check the address and your network.",
                    db.origin
                ))
            }
        }
    }
}

/// The database is there and this account may read it.
async fn check_database(db: &Database) -> Result<(), String> {
    match fetch_json("GET", &format!("{}/", db.url), None).await {
        Ok((200..=299, v)) if v.get("db_name").is_some() => Ok(()),
        Ok((404, _)) => Err(format!(
            "There is no database \u{201c}{}\u{201d} on this server. An admin creates it (see the README), or check the name.",
            db.name
        )),
        Ok((401 | 403, _)) => Err(format!(
            "You are signed in, but your account is not a member of \u{201c}{}\u{201d}. An admin adds you (or your role) to the database's members.",
            db.name
        )),
        Ok(_) | Err(NetError::NotJson(_)) => Err(format!(
            "{} does not answer like a CouchDB database.",
            db.url
        )),
        Err(e) => Err(format!("Cannot reach the server: {e}.")),
    }
}

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Notes whether the page's Content-Security-Policy blocked a request to
/// `origin` while it is alive.
struct CspWatch {
    seen: Rc<Cell<bool>>,
    closure: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl CspWatch {
    fn start(origin: &str) -> CspWatch {
        let seen = Rc::new(Cell::new(false));
        let flag = seen.clone();
        let origin = origin.to_owned();
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let blocked = js_sys::Reflect::get(&ev, &"blockedURI".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            if blocked.starts_with(&origin) {
                flag.set(true);
            }
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            let _ = d.add_event_listener_with_callback(
                "securitypolicyviolation",
                closure.as_ref().unchecked_ref(),
            );
        }
        CspWatch {
            seen,
            closure: Some(closure),
        }
    }

    fn blocked(&self) -> bool {
        self.seen.get()
    }
}

impl Drop for CspWatch {
    fn drop(&mut self) {
        if let (Some(c), Some(d)) = (
            self.closure.take(),
            web_sys::window().and_then(|w| w.document()),
        ) {
            let _ = d.remove_event_listener_with_callback(
                "securitypolicyviolation",
                c.as_ref().unchecked_ref(),
            );
        }
    }
}

async fn sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                d.as_millis() as i32,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

pub fn use_team() -> Team {
    expect_context::<Team>()
}
