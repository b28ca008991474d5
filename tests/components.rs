//! Component tests in a real browser (wasm-bindgen-test in headless
//! Chromium): what the screens show for what storage holds, and that typing
//! reaches storage.

use afterword::app::App;
use afterword_core::model::Postmortem;
use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn put_draft(ns: &str, id: &str, title: &str) {
    let mut doc = Postmortem::new(id.into(), Utc::now());
    doc.title = title.into();
    storage()
        .set_item(
            &format!("{ns}:draft:{id}"),
            &serde_json::to_string(&doc).unwrap(),
        )
        .unwrap();
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn home_lists_stored_drafts_and_sets_aside_unreadable_ones() {
    let ns = "ct-home";
    put_draft(ns, "a", "Database failover drill");
    storage()
        .set_item(&format!("{ns}:draft:bad"), "{not json")
        .unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <App namespace=ns /> });
    settle().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Database failover drill"), "{text}");
    assert!(text.contains("Drafts that could not be read"), "{text}");
    assert!(text.contains("Draft bad (could not be read)"), "{text}");
    assert_eq!(
        storage()
            .get_item(&format!("{ns}:quarantine:bad"))
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    assert!(storage()
        .get_item(&format!("{ns}:draft:bad"))
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn typing_in_the_editor_reaches_storage() {
    let ns = "ct-editor";
    put_draft(ns, "e1", "");
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/draft/e1")
        .unwrap();
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <App namespace=ns /> });
    settle().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=text]")
        .unwrap()
        .expect("the title field is shown")
        .unchecked_into();
    input.set_value("Typed at once");
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;
    assert!(root.text_content().unwrap().contains("Saving…"));
    // Hiding the page saves without waiting for the autosave delay.
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    settle().await;
    let raw = storage()
        .get_item(&format!("{ns}:draft:e1"))
        .unwrap()
        .unwrap();
    let doc: Postmortem = serde_json::from_str(&raw).unwrap();
    assert_eq!(doc.title, "Typed at once");
    assert_eq!(doc.revision, 1);
    assert!(root.text_content().unwrap().contains("Saved "));
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
}

#[wasm_bindgen_test]
async fn namespaces_keep_editors_apart() {
    put_draft("ct-ns-a", "a", "Only in A");
    let root = container();
    let _mounted =
        leptos::mount::mount_to(root.clone(), move || view! { <App namespace="ct-ns-b" /> });
    settle().await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Only in A"), "{text}");
    assert!(text.contains("No postmortems yet."), "{text}");
}
