//! Embedding tests in a real browser: the options a page passes are checked
//! with plain messages, and an embedded editor keeps its screens in memory,
//! gives new drafts the chosen template and tells the page what it saved.

use afterword::embed::{mount_app, read_options};
use afterword_core::model::{
    ActionItem, ActionStatus, ContributingFactor, EventKind, Postmortem, TimelineEvent,
};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn error_of(pairs: &[(&str, JsValue)]) -> String {
    match read_options(&options(pairs)) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
fn wrong_options_are_named_plainly() {
    assert_eq!(
        error_of(&[("namespace", "team:draft".into())]),
        "namespace \"team:draft\" cannot be used: use 1 to 64 letters, digits, '-', '_' or '.'"
    );
    assert_eq!(
        error_of(&[("theme", "sepia".into())]),
        "theme \"sepia\" is unknown: use light, dark or system"
    );
    assert!(
        error_of(&[("lockedTemplate", "nope".into())]).starts_with("template \"nope\" is unknown")
    );
    assert_eq!(
        error_of(&[("drafts", "maybe".into())]),
        "option \"drafts\" must be true or false"
    );
    assert_eq!(
        error_of(&[("onSave", "not a function".into())]),
        "option \"onSave\" must be a function"
    );
}

#[wasm_bindgen_test]
fn options_and_attributes_are_read() {
    let (read, _host) = read_options(&options(&[
        ("namespace", "team-a".into()),
        ("theme", "dark".into()),
        ("drafts", "false".into()),
        ("defaultTemplate", "five_part".into()),
        (
            "assetBase",
            "https://intranet.example/static/afterword".into(),
        ),
    ]))
    .unwrap();
    assert_eq!(read.namespace, "team-a");
    assert!(read.app.embedded);
    assert!(!read.app.show_drafts);
    assert_eq!(read.app.theme.key(), "dark");
    assert_eq!(read.app.default_template.as_deref(), Some("five_part"));
    assert_eq!(
        read.app.asset_base,
        "https://intranet.example/static/afterword/"
    );
    let (defaults, _) = read_options(&options(&[])).unwrap();
    assert_eq!(defaults.namespace, "afterword");
    assert!(defaults.app.show_drafts);
}

#[wasm_bindgen_test]
async fn an_embedded_editor_routes_in_memory_and_reports_saves() {
    let ns = "ct-embed";
    let document = leptos::prelude::document();
    let window = web_sys::window().unwrap();
    window.location().set_hash("").unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.append_child(&container).unwrap();
    let saved = js_sys::Array::new();
    let record = {
        let saved = saved.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |ev: web_sys::CustomEvent| {
            saved.push(&ev.detail());
        })
    };
    host.add_event_listener_with_callback("afterword-saved", record.as_ref().unchecked_ref())
        .unwrap();

    let mut mounted = mount_app(
        container.clone(),
        options(&[
            ("namespace", ns.into()),
            ("lockedTemplate", "minimal".into()),
            ("host", host.clone().into()),
        ]),
    )
    .unwrap();
    settle().await;
    let new_button = container
        .query_selector(".home-head .btn-primary")
        .unwrap()
        .expect("the draft list")
        .unchecked_into::<web_sys::HtmlElement>();
    new_button.click();
    settle().await;
    assert_eq!(
        window.location().hash().unwrap(),
        "",
        "the page's address is untouched"
    );
    let title = container
        .query_selector("input[type=text]")
        .unwrap()
        .expect("the editor")
        .unchecked_into::<web_sys::HtmlInputElement>();
    title.set_value("Embedded draft");
    title
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    // Unmounting saves at once.
    mounted.unmount();
    assert_eq!(container.child_element_count(), 0);

    let key = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .find(|k| k.starts_with(&format!("{ns}:draft:")))
        .expect("a stored draft");
    let stored: serde_json::Value =
        serde_json::from_str(&storage().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(stored["title"], "Embedded draft");
    assert_eq!(stored["template"], "minimal");

    let last = saved.get(saved.length() - 1);
    let field = |name: &str| {
        Reflect::get(&last, &JsValue::from_str(name))
            .unwrap()
            .as_string()
    };
    assert_eq!(field("namespace").as_deref(), Some(ns));
    assert_eq!(field("title").as_deref(), Some("Embedded draft"));
    assert!(field("json").unwrap().contains("\"Embedded draft\""));
}

/// Inside a page's shadow root, list rows (timeline events, contributing
/// factors, action items) are highlighted like every other text field, and
/// a finding in the panel takes the keyboard to its words.
#[wasm_bindgen_test]
async fn list_rows_are_highlighted_and_reached_inside_a_shadow_root() {
    let ns = "ct-embed-rows";
    let mut draft = Postmortem::new("rows1".into(), chrono::Utc::now());
    draft.title = "Deploy to the wrong cluster".into();
    draft.owner = "Dana Ortiz".into();
    draft.timeline.push(TimelineEvent {
        id: "ev1".into(),
        at: None,
        kind: EventKind::default(),
        text: "Dana should have checked the hostname".into(),
        starred: false,
        extra: Default::default(),
    });
    draft
        .analysis
        .contributing_factors
        .push(ContributingFactor {
            id: "cf1".into(),
            text: "Human error during the deploy".into(),
            category: None,
            evidence: Vec::new(),
            extra: Default::default(),
        });
    draft.action_items.push(ActionItem {
        id: "ai1".into(),
        title: "Be more careful with deploys".into(),
        owner: String::new(),
        due: None,
        status: ActionStatus::Open,
        kind: None,
        priority: None,
        ticket: String::new(),
        needs_discussion: false,
        public: false,
        extra: Default::default(),
    });
    let draft = serde_json::to_string(&draft).unwrap();
    storage()
        .set_item(&format!("{ns}:draft:rows1"), &draft)
        .unwrap();
    let document = leptos::prelude::document();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let init = options(&[("mode", "open".into())]);
    let attach: js_sys::Function = Reflect::get(&host, &"attachShadow".into())
        .unwrap()
        .unchecked_into();
    let shadow: web_sys::Node = attach.call1(&host, &init).unwrap().unchecked_into();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    shadow.append_child(&container).unwrap();

    let mut mounted = mount_app(
        container.clone(),
        options(&[("namespace", ns.into()), ("drafts", false.into())]),
    )
    .unwrap();
    settle().await;
    let find = |selector: &str| {
        container
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    };
    find(".mode-switch button:nth-child(2)")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    let marks = |row: &str| -> Vec<String> {
        let list = container
            .query_selector_all(&format!("{row} .lint-mark"))
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    let event = marks(".event-row");
    assert!(
        event.iter().any(|t| t == "should have"),
        "timeline event marks: {event:?}"
    );
    let factor = marks(".row-stack");
    assert!(
        factor.iter().any(|t| t.eq_ignore_ascii_case("human error")),
        "factor marks: {factor:?}"
    );
    let action = marks(".action-row");
    assert!(!action.is_empty(), "action item marks: {action:?}");

    // "Jump to" from the panel selects the words in the row's control.
    let jumps = container.query_selector_all(".lint-jump").unwrap();
    let jump = (0..jumps.length())
        .map(|i| jumps.item(i).unwrap())
        .find(|j| j.text_content().unwrap().contains("should have"))
        .expect("the timeline finding in the panel")
        .unchecked_into::<web_sys::HtmlElement>();
    jump.click();
    settle().await;
    let active = Reflect::get(&shadow, &"activeElement".into()).unwrap();
    let input: web_sys::HtmlInputElement = active
        .dyn_into()
        .expect("an input has the focus inside the shadow root");
    let value = input.value();
    let (start, end) = (
        input.selection_start().unwrap().unwrap() as usize,
        input.selection_end().unwrap().unwrap() as usize,
    );
    assert_eq!(&value[start..end], "should have");
    mounted.unmount();
    host.remove();
}
