//! Export and import pieces of the app that need no screen: the report's
//! address, the Markdown section order taken from a template, and telling
//! file kinds apart before reading them.

use afterword::components::transfer::{kind_of, section_order, wrong_kind_message, FileKind};
use afterword::state::Route;
use afterword_core::template::{five_part, incident_report, standard};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_report_has_its_own_address_under_the_draft() {
    let route = Route::Report("pm-abc_1".into());
    assert_eq!(route.to_hash(), "#/draft/pm-abc_1/report");
    assert_eq!(Route::from_hash("#/draft/pm-abc_1/report"), route);
    assert_eq!(
        Route::from_hash("#/draft/pm-abc_1"),
        Route::Draft("pm-abc_1".into())
    );
}

#[wasm_bindgen_test]
fn markdown_sections_follow_the_template() {
    assert_eq!(
        section_order(Some(&standard())),
        [
            "metadata",
            "summary",
            "impact",
            "analysis",
            "action_items",
            "lessons",
            "timeline",
            "times",
            "links"
        ]
    );
    // Free-text sections of a template keep their place among the others.
    let report = section_order(Some(&incident_report()));
    let pos = |id: &str| report.iter().position(|s| s == id).unwrap();
    assert!(pos("metadata") < pos("what_happened"));
    assert!(pos("what_happened") < pos("timeline"));
    assert!(pos("extent") < pos("analysis"));
    assert!(pos("closure_analysis") < pos("action_items"));
    let meeting = section_order(Some(&five_part()));
    assert!(
        meeting.iter().position(|s| s == "timeline") < meeting.iter().position(|s| s == "lessons")
    );
    assert!(section_order(None).is_empty());
}

#[wasm_bindgen_test]
fn only_json_files_are_read() {
    assert_eq!(kind_of("incident.JSON", ""), FileKind::Json);
    assert_eq!(kind_of("export", "application/json"), FileKind::Json);
    assert_eq!(kind_of("2026-11-20-outage.md", ""), FileKind::Markdown);
    assert_eq!(kind_of("graph.png", "image/png"), FileKind::Other);
    assert!(wrong_kind_message("a.json", "", "postmortems").is_none());
    assert!(wrong_kind_message("a.md", "", "postmortems")
        .unwrap()
        .contains("Markdown"));
    assert!(wrong_kind_message("a.txt", "text/plain", "backups")
        .unwrap()
        .contains("not a JSON file"));
}
