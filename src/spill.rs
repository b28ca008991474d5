//! The overflow tier of the page's storage. localStorage holds about five
//! million characters per site; a team library of thousands of postmortems
//! needs more. When localStorage refuses a write because it is full, the
//! entry moves to IndexedDB instead (whose quota is a share of the disk),
//! and stays there until it is removed. Small libraries never touch
//! IndexedDB, so their storage is exactly what it always was.
//!
//! The app reads its storage synchronously, so this tier keeps every entry
//! it holds in memory as well, read once at start (before the app mounts)
//! and written through to IndexedDB in the background, one transaction per
//! write, in order. Before the first entry moves, a marker is set in
//! localStorage ([`MARKER`]): a page that finds it reads IndexedDB before it
//! starts; a page that does not find it has nothing there to read.
//!
//! Tabs hear of each other's writes to this tier on a `BroadcastChannel`
//! (localStorage's `storage` event does not cover it), and the app handles
//! them as it handles another tab's write to localStorage.
//!
//! A write IndexedDB refuses after the fact (its own quota, a broken
//! profile) is said on the page as [`FAILED_EVENT`], and no further entry
//! moves here: the next write that does not fit in localStorage fails as it
//! would without this tier, so the person is told and keeps the draft.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const DB_NAME: &str = "afterword";
const DB_VERSION: u32 = 1;
const STORE: &str = "entries";
const CHANNEL: &str = "afterword.spill";

/// The localStorage key that says entries live in IndexedDB too. Outside
/// every namespace (a namespace's keys are `{ns}:…`, this has no colon).
pub const MARKER: &str = "afterword.spill";

/// Dispatched on the window when IndexedDB refuses a write; the detail is
/// the browser's reason.
pub const FAILED_EVENT: &str = "afterword:spill-failed";

/// The writer id another tab's writes to this tier are announced as (see
/// the storage adapter's write event): never an app's own.
pub const OTHER_TAB: u32 = u32::MAX;

#[derive(Default)]
struct Tier {
    /// Every entry this tier holds, as IndexedDB has (or will have) it.
    entries: HashMap<String, String>,
    db: Option<web_sys::IdbDatabase>,
    /// Writes made before the database was open, sent once it is.
    queued: Vec<(String, Option<String>)>,
    opening: bool,
    channel: Option<web_sys::BroadcastChannel>,
    /// Why IndexedDB cannot take more, once it has refused.
    failure: Option<String>,
}

thread_local! {
    static TIER: RefCell<Tier> = RefCell::default();
}

/// The value this tier holds for `key`, if it holds it.
pub fn get(key: &str) -> Option<String> {
    TIER.with(|t| t.borrow().entries.get(key).cloned())
}

pub fn holds(key: &str) -> bool {
    TIER.with(|t| t.borrow().entries.contains_key(key))
}

pub fn keys() -> Vec<String> {
    TIER.with(|t| t.borrow().entries.keys().cloned().collect())
}

/// Whether an entry that does not fit in localStorage can move here.
pub fn available() -> bool {
    TIER.with(|t| t.borrow().failure.is_none()) && factory().is_some()
}

/// Stores (`Some`) or removes (`None`) an entry here, and tells the other
/// tabs. Returns at once; IndexedDB is written in the background, and a
/// refusal that comes later is said as [`FAILED_EVENT`]. Once IndexedDB
/// has refused, nothing more is stored here: the error says why, and the
/// entry keeps the value it had.
pub fn put(key: &str, value: Option<&str>) -> Result<(), String> {
    if value.is_some() {
        if let Some(why) = failure() {
            return Err(why);
        }
    }
    let (db, before) = TIER.with(|t| {
        let mut t = t.borrow_mut();
        let before = match value {
            Some(v) => t.entries.insert(key.to_owned(), v.to_owned()),
            None => t.entries.remove(key),
        };
        (t.db.clone(), before)
    });
    match db {
        Some(db) => write(&db, key, value),
        None => TIER.with(|t| {
            let mut t = t.borrow_mut();
            t.queued.push((key.to_owned(), value.map(str::to_owned)));
            if !t.opening {
                t.opening = true;
                wasm_bindgen_futures::spawn_local(async {
                    match open().await {
                        Ok(db) => flush(db),
                        Err(e) => failed(&reason(&e)),
                    }
                });
            }
        }),
    }
    if value.is_some() {
        if let Some(why) = failure() {
            // Refused on the spot: the entry is what it was, and the other
            // tabs are not told of a value that was never kept.
            TIER.with(|t| {
                let mut t = t.borrow_mut();
                match before {
                    Some(old) => t.entries.insert(key.to_owned(), old),
                    None => t.entries.remove(key),
                };
            });
            return Err(why);
        }
    }
    TIER.with(|t| {
        if let Some(channel) = &t.borrow().channel {
            let _ = channel.post_message(&message(key, value));
        }
    });
    Ok(())
}

/// Why IndexedDB refused an entry, once it has.
pub fn failure() -> Option<String> {
    TIER.with(|t| t.borrow().failure.clone())
}

/// Reads what IndexedDB holds, if `marked` (localStorage holds
/// [`MARKER`]) says anything is there, and starts listening to the other
/// tabs, calling `heard` with each key they change. Called once, before the
/// app first reads its storage.
pub async fn prepare(marked: bool, heard: fn(&str)) {
    listen(heard);
    if !marked || TIER.with(|t| t.borrow().db.is_some()) {
        return;
    }
    if let Err(e) = load().await {
        // Unreadable: nothing moves here this time, so nothing held there
        // can be written over; the page says why.
        failed(&reason(&e));
    }
}

/// Sets the marker in localStorage before an entry first moves here.
pub fn mark(storage: &web_sys::Storage) -> Result<(), JsValue> {
    if storage.get_item(MARKER)?.is_some() {
        return Ok(());
    }
    storage.set_item(MARKER, "indexeddb")
}

fn factory() -> Option<web_sys::IdbFactory> {
    web_sys::window()?.indexed_db().ok().flatten()
}

async fn load() -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE)?;
    let store = tx.object_store(STORE)?;
    // Both asked before either is awaited: one snapshot of the store.
    let keys = store.get_all_keys()?;
    let values = store.get_all()?;
    let keys = settle(&keys).await?;
    let values = settle(&values).await?;
    let keys: js_sys::Array = keys.unchecked_into();
    let values: js_sys::Array = values.unchecked_into();
    TIER.with(|t| {
        let mut t = t.borrow_mut();
        for (k, v) in keys.iter().zip(values.iter()) {
            if let (Some(k), Some(v)) = (k.as_string(), v.as_string()) {
                // A write made here while this was reading is newer.
                t.entries.entry(k).or_insert(v);
            }
        }
    });
    flush(db);
    Ok(())
}

async fn open() -> Result<web_sys::IdbDatabase, JsValue> {
    let factory = factory().ok_or_else(|| JsValue::from_str("this browser has no IndexedDB"))?;
    let request = factory.open_with_u32(DB_NAME, DB_VERSION)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = settle(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    let db: web_sys::IdbDatabase = result?.dyn_into()?;
    // Another page asking for a newer version must not wait on this one.
    let close = Closure::<dyn FnMut(web_sys::Event)>::new({
        let db = db.clone();
        move |_| db.close()
    });
    db.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    Ok(db)
}

/// Sends the writes made while the database was opening, and keeps it.
fn flush(db: web_sys::IdbDatabase) {
    let queued = TIER.with(|t| {
        let mut t = t.borrow_mut();
        t.db = Some(db.clone());
        t.opening = false;
        std::mem::take(&mut t.queued)
    });
    for (key, value) in queued {
        write(&db, &key, value.as_deref());
    }
}

fn write(db: &web_sys::IdbDatabase, key: &str, value: Option<&str>) {
    let sent = (|| -> Result<(), JsValue> {
        let tx = db.transaction_with_str_and_mode(STORE, web_sys::IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(STORE)?;
        match value {
            Some(v) => store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(key))?,
            None => store.delete(&JsValue::from_str(key))?,
        };
        let aborted = Closure::<dyn FnMut(web_sys::Event)>::once(move |ev: web_sys::Event| {
            let why = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbTransaction>().ok())
                .and_then(|tx| tx.error())
                .map(|e| e.message())
                .unwrap_or_else(|| "the write was aborted".to_owned());
            failed(&why);
        });
        tx.set_onabort(Some(aborted.as_ref().unchecked_ref()));
        aborted.forget();
        Ok(())
    })();
    if let Err(e) = sent {
        failed(&reason(&e));
    }
}

/// Waits for an IndexedDB request to succeed (its result) or fail.
async fn settle(request: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let why = bad
                .error()
                .ok()
                .flatten()
                .map(|e| JsValue::from_str(&e.message()))
                .unwrap_or_else(|| JsValue::from_str("the request failed"));
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

fn failed(why: &str) {
    let first = TIER.with(|t| {
        let mut t = t.borrow_mut();
        t.opening = false;
        t.failure.replace(why.to_owned()).is_none()
    });
    if !first {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(why));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(FAILED_EVENT, &init) {
        let _ = window.dispatch_event(&ev);
    }
}

fn reason(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

fn message(key: &str, value: Option<&str>) -> JsValue {
    let m = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&m, &"key".into(), &key.into());
    let v = value.map(JsValue::from_str).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&m, &"value".into(), &v);
    m.into()
}

/// Another tab wrote to this tier: the entry is taken as it says, and the
/// write is announced on this page like a write to localStorage.
fn listen(on_heard: fn(&str)) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let heard =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let Some(key) = js_sys::Reflect::get(&data, &"key".into())
                .ok()
                .and_then(|k| k.as_string())
            else {
                return;
            };
            let value = js_sys::Reflect::get(&data, &"value".into())
                .ok()
                .and_then(|v| v.as_string());
            TIER.with(|t| {
                let mut t = t.borrow_mut();
                match value {
                    Some(v) => t.entries.insert(key.clone(), v),
                    None => t.entries.remove(&key),
                };
            });
            on_heard(&key);
        });
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    heard.forget();
    TIER.with(|t| t.borrow_mut().channel = Some(channel));
}
