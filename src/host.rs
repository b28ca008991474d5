//! Telling the page that embeds Afterword what happens: the host element
//! and the page's callbacks, and the `afterword-saved` and
//! `afterword-exported` events sent to them. A browser adapter like
//! [`crate::browser`]: the app's state holds one, the embedding entry point
//! ([`crate::embed`]) makes it.

use afterword_core::model::Postmortem;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

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
