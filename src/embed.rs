//! Afterword inside another page: reads the embedding page's options, mounts
//! the app into an element it is given, and tells that page when a draft is
//! saved or exported.
//!
//! The page-facing side (the `<afterword-editor>` element, the shadow root,
//! the stylesheets) is `afterword-embed.js`, written by the build
//! (scripts/post_build.py); it calls [`mount_app`] once the styles are in.

use std::any::Any;

use afterword_core::store::DEFAULT_NAMESPACE;
use afterword_core::template::BUILTIN_IDS;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::browser::WebStore;
use crate::host::{Host, Removal};
use crate::state::{AppOptions, Theme};

/// What the embedding page asked for, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedOptions {
    pub namespace: String,
    pub app: AppOptions,
}

/// A namespace keeps its drafts apart only if it cannot be read as part of
/// another one's keys, so it is a plain word.
pub fn check_namespace(ns: &str) -> Result<(), String> {
    let ok = !ns.is_empty()
        && ns.len() <= 64
        && ns
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "namespace \"{ns}\" cannot be used: use 1 to 64 letters, digits, '-', '_' or '.'"
        ))
    }
}

/// Ids of the templates a namespace knows: the built-in ones and its own
/// usable ones.
fn known_template(namespace: &str, id: &str) -> bool {
    BUILTIN_IDS.contains(&id)
        || afterword_core::store::Library::new(WebStore::default(), namespace)
            .template(id)
            .is_some()
}

fn string_option(options: &JsValue, key: &str) -> Result<Option<String>, String> {
    let value = Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => Ok(Some(s.trim().to_owned())),
        None => Err(format!("option \"{key}\" must be text")),
    }
}

fn function_option(options: &JsValue, key: &str) -> Result<Option<Function>, String> {
    let value = Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| format!("option \"{key}\" must be a function"))
}

/// `drafts`: `true`/`false`, or the attribute's text (`"false"`, `"hidden"`).
fn drafts_option(options: &JsValue) -> Result<bool, String> {
    let value = Reflect::get(options, &JsValue::from_str("drafts")).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(true);
    }
    if let Some(b) = value.as_bool() {
        return Ok(b);
    }
    match value.as_string().as_deref().map(str::trim) {
        Some("" | "true" | "shown" | "show") => Ok(true),
        Some("false" | "hidden" | "hide") => Ok(false),
        _ => Err("option \"drafts\" must be true or false".into()),
    }
}

/// Reads and checks the options object; the message names what is wrong.
pub fn read_options(options: &JsValue) -> Result<(EmbedOptions, Host), String> {
    let namespace = string_option(options, "namespace")?.unwrap_or(DEFAULT_NAMESPACE.into());
    check_namespace(&namespace)?;
    let theme = match string_option(options, "theme")? {
        None => Theme::System,
        Some(t) => Theme::from_key(&t)
            .ok_or_else(|| format!("theme \"{t}\" is unknown: use light, dark or system"))?,
    };
    let default_template = string_option(options, "defaultTemplate")?;
    let locked_template = string_option(options, "lockedTemplate")?;
    for id in default_template.iter().chain(locked_template.iter()) {
        if !known_template(&namespace, id) {
            return Err(format!(
                "template \"{id}\" is unknown: use one of {} or a custom template's id",
                BUILTIN_IDS.join(", ")
            ));
        }
    }
    let mut asset_base = string_option(options, "assetBase")?.unwrap_or_default();
    if !asset_base.is_empty() && !asset_base.ends_with('/') {
        asset_base.push('/');
    }
    let host_element = Reflect::get(options, &JsValue::from_str("host"))
        .ok()
        .and_then(|h| h.dyn_into::<web_sys::EventTarget>().ok());
    let host = Host::new(
        host_element.unwrap_or_else(|| JsValue::from(web_sys::window()).unchecked_into()),
        function_option(options, "onSave")?,
        function_option(options, "onExport")?,
    );
    let team_library = string_option(options, "teamLibrary")?;
    let app = AppOptions {
        embedded: true,
        default_template,
        locked_template,
        theme,
        show_drafts: drafts_option(options)?,
        asset_base,
        team_library,
    };
    Ok((EmbedOptions { namespace, app }, host))
}

/// A mounted editor; `unmount()` saves the open draft and removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn Any>>,
    removal: Removal,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        // The open draft is saved (or kept) while the app is still whole;
        // dropping the handle then disposes the app and removes its DOM and
        // page listeners.
        if self.handle.is_some() {
            self.removal.run();
        }
        self.handle.take();
    }
}

/// Reads the storage's overflow tier (see [`crate::spill`]); the page's
/// module awaits it once, before the first [`mount_app`].
#[wasm_bindgen(js_name = prepareStorage)]
pub async fn prepare_storage() {
    crate::browser::prepare_storage().await;
}

/// Mounts the app into `container` (inside the page's shadow root).
/// Options: `namespace`, `defaultTemplate`, `lockedTemplate`, `theme`,
/// `teamLibrary`,
/// `drafts`, `onSave`, `onExport`, `assetBase`, and `host` (the element
/// events are dispatched from).
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(container: web_sys::HtmlElement, options: JsValue) -> Result<Mounted, JsValue> {
    console_error_panic_hook::set_once();
    let (checked, host) = read_options(&options)
        .map_err(|m| JsValue::from(js_sys::Error::new(&format!("Afterword: {m}."))))?;
    let EmbedOptions { namespace, app } = checked;
    let removal = host.removal();
    let handle = leptos::mount::mount_to(container, move || {
        view! { <App namespace=namespace options=app host=host /> }
    });
    Ok(Mounted {
        handle: Some(Box::new(handle)),
        removal,
    })
}
