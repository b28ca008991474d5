//! Telling the page that embeds Afterword what happens: the host element
//! and the page's callbacks, and the `afterword-saved` and
//! `afterword-exported` events sent to them. A browser adapter like
//! the storage in `browser`: the app's state holds one, and the embedding
//! entry point makes it.

use std::cell::RefCell;
use std::rc::Rc;

use afterword_core::model::Postmortem;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The element the app is embedded in and the page's callbacks.
pub struct Host {
    element: web_sys::EventTarget,
    on_save: Option<Function>,
    on_export: Option<Function>,
    removal: Removal,
}

/// What the app does when the page removes it, run by the embedding entry
/// point just before the app is taken down, while it can still save.
#[derive(Clone, Default)]
pub struct Removal(Rc<RefCell<Option<RemovalStep>>>);

type RemovalStep = Box<dyn Fn()>;

impl Removal {
    pub fn set(&self, f: impl Fn() + 'static) {
        *self.0.borrow_mut() = Some(Box::new(f));
    }

    pub fn run(&self) {
        if let Some(f) = self.0.borrow_mut().take() {
            f()
        }
    }
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
            removal: Removal::default(),
        }
    }

    /// The step the app registers for its removal (see [`Removal`]).
    pub fn removal(&self) -> Removal {
        self.removal.clone()
    }

    /// `afterword-unsaved`, detail `{id, title, namespace, json}`: the page
    /// removed the editor while edits could not be stored anywhere, so the
    /// page is handed the draft to keep.
    pub fn unsaved(&self, namespace: &str, doc: &Postmortem) {
        self.announce("afterword-unsaved", &draft_detail(namespace, doc), None);
    }

    /// `afterword-saved`, detail `{id, title, namespace, json}`.
    pub fn saved(&self, namespace: &str, doc: &Postmortem) {
        self.announce(
            "afterword-saved",
            &draft_detail(namespace, doc),
            self.on_save.as_ref(),
        );
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

/// The detail of the events about a whole draft (`afterword-saved`,
/// `afterword-unsaved`): `{id, title, namespace, json}`.
fn draft_detail(namespace: &str, doc: &Postmortem) -> JsValue {
    let json = serde_json::to_string_pretty(doc).unwrap_or_default();
    detail(&[
        ("id", &doc.id),
        ("title", &doc.title),
        ("namespace", namespace),
        ("json", &json),
    ])
}

fn detail(fields: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}
