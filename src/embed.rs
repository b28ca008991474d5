//! Afterword inside another page: reads the embedding page's options, mounts
//! the app into an element it is given, and tells that page when a draft is
//! saved or exported.
//!
//! The page-facing side (the `<afterword-editor>` element, the shadow root,
//! the stylesheets) is `afterword-embed.js`, written by the build
//! (scripts/post_build.py); it calls [`mount_app`] once the styles are in.

use std::any::Any;

use afterword_core::model::Postmortem;
use afterword_core::store::DEFAULT_NAMESPACE;
use afterword_core::template::{Template, BUILTIN_IDS};
use js_sys::{Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::App;
use crate::browser::WebStore;
use crate::state::{AppOptions, Theme};

/// The element the app is embedded in and the page's callbacks.
pub struct Host {
    element: web_sys::EventTarget,
    on_save: Option<Function>,
    on_export: Option<Function>,
}

impl Host {
    pub fn new(
        element: web_sys::EventTarget,
        on_save: Option<Function>,
        on_export: Option<Function>,
    ) -> Self {
        Host {
            element,
            on_save,
            on_export,
        }
    }

    /// `afterword-saved`, detail `{id, title, namespace, json}`.
    pub fn saved(&self, namespace: &str, doc: &Postmortem) {
        let json = serde_json::to_string_pretty(doc).unwrap_or_default();
        let detail = detail(&[
            ("id", &doc.id),
            ("title", &doc.title),
            ("namespace", namespace),
            ("json", &json),
        ]);
        self.announce("afterword-saved", &detail, self.on_save.as_ref());
    }

    /// `afterword-exported`, detail `{id, namespace, format, fileName, content}`.
    pub fn exported(
        &self,
        namespace: &str,
        doc: &Postmortem,
        format: &str,
        file_name: &str,
        content: &str,
    ) {
        let detail = detail(&[
            ("id", &doc.id),
            ("namespace", namespace),
            ("format", format),
            ("fileName", file_name),
            ("content", content),
        ]);
        self.announce("afterword-exported", &detail, self.on_export.as_ref());
    }

    fn announce(&self, name: &str, detail: &JsValue, callback: Option<&Function>) {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.element.dispatch_event(&event);
        }
        // A failing callback is the page's problem; the draft stays saved.
        if let Some(f) = callback {
            if let Err(e) = f.call1(&JsValue::NULL, detail) {
                web_sys::console::error_2(
                    &JsValue::from_str("Afterword: a page callback failed"),
                    &e,
                );
            }
        }
    }
}

fn detail(fields: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}

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

/// Ids of the templates a namespace knows: the built-in ones and its own.
fn known_template(namespace: &str, id: &str) -> bool {
    if BUILTIN_IDS.contains(&id) {
        return true;
    }
    use afterword_core::store::KeyValueStore;
    let stored = WebStore::default()
        .get(&format!("{namespace}:templates"))
        .ok()
        .flatten();
    stored
        .and_then(|raw| serde_json::from_str::<Vec<serde_json::Value>>(&raw).ok())
        .is_some_and(|list| {
            list.into_iter()
                .filter_map(|v| serde_json::from_value::<Template>(v).ok())
                .any(|t| t.id == id)
        })
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
    let app = AppOptions {
        embedded: true,
        default_template,
        locked_template,
        theme,
        show_drafts: drafts_option(options)?,
        asset_base,
    };
    Ok((EmbedOptions { namespace, app }, host))
}

/// A mounted editor; `unmount()` saves the open draft and removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        // Dropping the handle disposes the app (the open draft is saved by
        // the editor's cleanup) and removes its DOM and page listeners.
        self.handle.take();
    }
}

/// Mounts the app into `container` (inside the page's shadow root).
/// Options: `namespace`, `defaultTemplate`, `lockedTemplate`, `theme`,
/// `drafts`, `onSave`, `onExport`, `assetBase`, and `host` (the element
/// events are dispatched from).
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(container: web_sys::HtmlElement, options: JsValue) -> Result<Mounted, JsValue> {
    console_error_panic_hook::set_once();
    let (checked, host) = read_options(&options)
        .map_err(|m| JsValue::from(js_sys::Error::new(&format!("Afterword: {m}."))))?;
    let EmbedOptions { namespace, app } = checked;
    let handle = leptos::mount::mount_to(container, move || {
        view! { <App namespace=namespace options=app host=host /> }
    });
    Ok(Mounted {
        handle: Some(Box::new(handle)),
    })
}
