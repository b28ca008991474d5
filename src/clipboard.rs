//! Writing text to the system clipboard through the asynchronous Clipboard
//! API. Browsers may refuse (no permission, page not focused, an insecure
//! origin without the API at all); the caller then shows the text for the
//! person to copy by hand.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard, or says why the browser would not.
pub async fn write_text(text: &str) -> Result<(), String> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    // Looked up by name: the API is missing outside secure contexts.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("this browser offers no clipboard access here")?;
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this browser offers no clipboard access here")?;
    let promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|e| describe(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "the clipboard did not answer".to_owned())?;
    JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    Ok(())
}

fn describe(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" => "the browser did not allow copying".to_owned(),
        _ => js_sys::Reflect::get(e, &JsValue::from_str("message"))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the browser refused to copy".to_owned()),
    }
}
