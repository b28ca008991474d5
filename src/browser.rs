//! Adapters for the browser APIs Afterword uses: localStorage and its
//! overflow tier in IndexedDB ([`spill`], together behind the core's
//! `KeyValueStore`), file downloads, clocks and randomness.

use afterword_core::store::{KeyValueStore, StoreError};

use crate::spill;
use chrono::{DateTime, Local, Utc};
use wasm_bindgen::{JsCast, JsValue};

/// The page's localStorage, seen through the core's store trait.
///
/// Every call looks the storage up again: it can be switched off while the
/// page runs, and in some private modes merely touching it throws.
///
/// The browser tells other tabs about a write (the `storage` event), but
/// not other editors on the same page. A store made with [`WebStore::writer`]
/// therefore announces each of its writes on the window as a
/// [`WRITE_EVENT`], whose detail is `{ key, writer }`.
#[derive(Debug, Clone, Copy, Default)]
pub struct WebStore {
    writer: u32,
}

/// The same-page notice of a write to storage.
pub const WRITE_EVENT: &str = "afterword:stored";

/// Announces a write to `key` on this page as coming from `writer`.
pub fn announce_write(key: &str, writer: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"key".into(), &key.into());
    let _ = js_sys::Reflect::set(&detail, &"writer".into(), &writer.into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(WRITE_EVENT, &init) {
        let _ = window.dispatch_event(&ev);
    }
}

impl WebStore {
    /// A store whose writes are announced as coming from `writer` (not 0).
    pub fn writer(writer: u32) -> Self {
        WebStore { writer }
    }

    /// Who this store's writes are announced as; 0 when they are not.
    pub fn writer_id(&self) -> u32 {
        self.writer
    }

    fn announce(&self, key: &str) {
        if self.writer != 0 {
            announce_write(key, self.writer);
        }
    }

    fn storage() -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(s),
            Ok(None) => Err(StoreError::Unavailable(
                "this browser has no local storage".into(),
            )),
            Err(e) => Err(map_js_error(e)),
        }
    }
}

impl KeyValueStore for WebStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if let Some(v) = spill::get(key) {
            return Ok(Some(v));
        }
        Self::storage()?.get_item(key).map_err(map_js_error)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let storage = Self::storage()?;
        if spill::holds(key) {
            if spill::put(key, Some(value)).is_err() {
                // IndexedDB refused: the entry goes back to local storage
                // if there is room there now, or the save fails and says so.
                storage.set_item(key, value).map_err(map_js_error)?;
                let _ = spill::put(key, None);
            }
        } else {
            match storage.set_item(key, value).map_err(map_js_error) {
                Ok(()) => {}
                Err(StoreError::QuotaExceeded) if spill::available() => {
                    spill_over(&storage, key, value)?
                }
                Err(e) => return Err(e),
            }
        }
        self.announce(key);
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        let storage = Self::storage()?;
        if spill::holds(key) {
            let _ = spill::put(key, None);
        }
        storage.remove_item(key).map_err(map_js_error)?;
        self.announce(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let n = storage.length().map_err(map_js_error)?;
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k != spill::MARKER && !spill::holds(k))
            .collect();
        keys.extend(spill::keys());
        Ok(keys)
    }
    fn spilled(&self, key: &str) -> bool {
        spill::holds(key)
    }
}

/// localStorage is full: `key` moves to the overflow tier. The marker that
/// tells later pages to read that tier goes in first; if even that does not
/// fit once the key's old value is gone, the write fails as it would
/// without the tier, and the old value is put back.
fn spill_over(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), StoreError> {
    let mut removed = None;
    if spill::mark(storage).is_err() {
        removed = storage.get_item(key).map_err(map_js_error)?;
        storage.remove_item(key).map_err(map_js_error)?;
        if spill::mark(storage).is_err() {
            if let Some(old) = removed {
                let _ = storage.set_item(key, &old);
            }
            return Err(StoreError::QuotaExceeded);
        }
    }
    if spill::put(key, Some(value)).is_err() {
        // IndexedDB refused on the spot: the old value goes back where it
        // was, in the marker's room if need be.
        if let Some(old) = removed {
            if storage.set_item(key, &old).is_err() && spill::keys().is_empty() {
                let _ = storage.remove_item(spill::MARKER);
                let _ = storage.set_item(key, &old);
            }
        }
        return Err(StoreError::QuotaExceeded);
    }
    // After the other tabs have been told where the entry now is.
    storage.remove_item(key).map_err(map_js_error)?;
    Ok(())
}

/// Turns a thrown DOMException into the core's plain error.
fn map_js_error(e: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let message = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => {
            StoreError::Unavailable("the browser blocks storage for this page".into())
        }
        _ => StoreError::Other(if message.is_empty() { name } else { message }),
    }
}

/// Offers `text` as a file download; nothing leaves the device.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("the download could not start ({e:?})");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("the page has no body")?;
    body.append_child(&anchor).map_err(fail)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoke later: some browsers read the URL after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Runs `f` once the page is idle (after the frames and input already
/// queued), or within a second whatever happens; a browser without idle
/// callbacks runs it shortly after.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let callback = Closure::once_into_js(f);
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            let _ = request.call2(&window, &callback, &options);
        }
        None => leptos::prelude::set_timeout(f, std::time::Duration::from_millis(30)),
    }
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Entropy for ids; not for secrets.
pub fn entropy() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// "14:02" in the reader's zone.
pub fn local_clock(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%H:%M").to_string()
}

/// "20 Nov 2026, 14:02" in the reader's zone, or just the time for today.
pub fn local_when(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Local);
    if local.date_naive() == Local::now().date_naive() {
        format!("today {}", local.format("%H:%M"))
    } else {
        local.format("%-d %b %Y, %H:%M").to_string()
    }
}

/// Sizes for people: "840 bytes", "12 KB", "3.4 MB".
pub fn human_size(units: usize) -> String {
    // localStorage counts UTF-16 units of two bytes each.
    let bytes = units * 2;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// Milliseconds on the page's monotonic clock, with sub-millisecond steps.
pub fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Leaves a measured duration on the root element (`data-NAME`), for the
/// benchmark scripts to read.
pub fn record_timing(name: &str, ms: f64) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), &format!("{ms:.2}"));
    }
}

/// Makes the IndexedDB tier ready: reads it if this site's localStorage says
/// entries were moved there, and lets other tabs' writes to it reach the app
/// as writes. Called once, before the app first reads its storage.
pub async fn prepare_storage() {
    let marked = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(spill::MARKER).ok().flatten())
        .is_some();
    spill::prepare(marked, |key| announce_write(key, spill::OTHER_TAB)).await;
}
