//! `afterword export FILE.json --format md` writes byte for byte what the
//! app's *Download Markdown* writes for the same draft and template: the
//! app's download is `to_markdown` with `MarkdownOptions::for_template` of
//! the template the library finds for the draft (`Library::template_for`),
//! which is computed here the same way, against a library holding a custom
//! template.

use std::path::PathBuf;
use std::process::Command;

use afterword_core::export::json::to_json;
use afterword_core::export::markdown::{to_markdown, MarkdownOptions};
use afterword_core::fixture::full_postmortem;
use afterword_core::store::{Library, MemoryStore};
use afterword_core::template::{
    builtin_templates, five_part, template_to_json, FieldId, BUILTIN_IDS,
};

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("afterword-same-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn cli_markdown(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args(args)
        .output()
        .expect("the afterword binary runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_command_line_and_the_app_write_the_same_markdown() {
    // A custom template that reorders sections and adds a free-text one.
    let mut custom = five_part().customised("tpl-ours".into(), "Our meeting");
    custom.move_section(custom.sections.len() - 1, 0);
    custom.add_text_section("Open questions");
    let lib = Library::new(MemoryStore::new(), "afterword");
    lib.save_template(&custom).unwrap();
    let template_file = scratch("template-ours.json", &template_to_json(&custom));

    let mut doc = full_postmortem();
    doc.sections
        .insert("open_questions".into(), "Who owns the validator?".into());
    let mut seen = Vec::new();
    for id in BUILTIN_IDS.iter().copied().chain(["tpl-ours"]) {
        doc.template = id.to_owned();
        let app = to_markdown(
            &doc,
            &MarkdownOptions::for_template(&lib.template_for(&doc)),
        );
        let file = scratch(&format!("{id}.json"), &to_json(&doc));
        let file = file.to_string_lossy();
        let cli = if id == "tpl-ours" {
            let t = template_file.to_string_lossy();
            cli_markdown(&["export", "--format", "md", "--template", &t, &file])
        } else {
            cli_markdown(&["export", "--format", "md", &file])
        };
        assert_eq!(cli, app, "template {id}");
        seen.push(app);
    }
    // The templates do order the file differently, so the check has teeth.
    seen.dedup();
    assert!(seen.len() > 3, "only {} different files", seen.len());
    let ours = seen.last().unwrap();
    let improvements = ours.find("## Action items").unwrap();
    let timeline = ours.find("## Timeline").unwrap();
    assert!(improvements < timeline, "{ours}");
    assert!(ours.contains("## Open questions\n\nWho owns the validator?"));
    assert_eq!(builtin_templates().len(), BUILTIN_IDS.len());
    assert!(custom.sections[0].fields.contains(&FieldId::ActionItems));
}

#[test]
fn an_unusable_template_file_is_refused_with_the_reason() {
    let mut custom = five_part().customised("tpl-bad".into(), "Bad");
    custom.sections.clear();
    let t = scratch("template-bad.json", &template_to_json(&custom));
    let doc = scratch("doc-for-bad-template.json", &to_json(&full_postmortem()));
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .args([
            "export",
            "--template",
            &t.to_string_lossy(),
            &doc.to_string_lossy(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a template needs at least one section"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}
