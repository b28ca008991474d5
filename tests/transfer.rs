//! Export and import pieces of the app that need no screen: the report's
//! address and telling file kinds apart before reading them. (The Markdown
//! section order a template gives is the core's, tested there.)

use afterword::components::transfer::{kind_of, wrong_kind_message, FileKind};
use afterword::state::Route;
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
