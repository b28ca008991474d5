//! Tests of templates: built-ins, completion, switching, validation, editing.

use super::*;
use crate::model::*;
use chrono::NaiveDate;

use crate::fixture::at;
use crate::ids::is_valid_id;
use std::collections::BTreeSet;

/// The shared full document, with the free-text sections every
/// built-in template shows.
pub(crate) fn full_doc() -> Postmortem {
    let mut d = crate::fixture::full_postmortem();
    for k in [
        "what_happened",
        "extent",
        "areas_involved",
        "actions_taken",
        "closure_analysis",
        "why",
    ] {
        d.sections.insert(k.into(), format!("Text for {k}"));
    }
    d
}

#[test]
fn builtin_ids_are_stable_unique_and_found() {
    let ids: Vec<String> = builtin_templates().into_iter().map(|t| t.id).collect();
    assert_eq!(ids, BUILTIN_IDS.map(String::from).to_vec());
    for id in BUILTIN_IDS {
        assert_eq!(template_by_id(id).map(|t| t.id), Some(id.to_owned()));
    }
    assert!(template_by_id("nope").is_none());
}

#[test]
fn every_builtin_is_valid_and_fully_guided() {
    for t in builtin_templates() {
        assert!(t.builtin);
        assert_eq!(validate_template(&t), vec![], "{}", t.id);
        assert!(!t.description.is_empty(), "{}", t.id);
        for s in &t.sections {
            let here = format!("{}/{}", t.id, s.id);
            assert!(!s.help.trim().is_empty(), "{here}: help");
            assert!(!s.good_example.trim().is_empty(), "{here}: good");
            assert!(!s.bad_example.trim().is_empty(), "{here}: bad");
            assert_ne!(s.good_example, s.bad_example, "{here}");
            assert!(!s.required.is_empty(), "{here}: requires nothing");
            for r in &s.required {
                assert!(s.fields.iter().any(|f| f.covers(r)), "{here}: {r}");
            }
        }
    }
}

#[test]
fn only_the_five_part_meeting_is_strict() {
    for t in builtin_templates() {
        assert_eq!(t.strict_order, t.id == "five_part", "{}", t.id);
    }
}

#[test]
fn completion_on_empty_and_filled_documents() {
    let empty = Postmortem::new("pm-e".into(), at(9, 0));
    let full = full_doc();
    for t in builtin_templates() {
        let n = t.sections.len();
        assert_eq!(progress(&empty, &t), (0, n), "{}", t.id);
        assert_eq!(progress(&full, &t), (n, n), "{}", t.id);
        assert_eq!(first_incomplete(&full, &t), None);
        assert_eq!(first_incomplete(&empty, &t), Some(0));
    }
}

#[test]
fn a_section_is_complete_only_when_all_required_fields_are_filled() {
    let t = standard();
    let about = &t.sections[0];
    let mut d = Postmortem::new("pm-x".into(), at(9, 0));
    d.title = "  ".into();
    assert!(!section_complete(&d, about));
    d.title = "Checkout errors".into();
    d.owner = "Priya".into();
    d.incident_date = NaiveDate::from_ymd_opt(2026, 11, 20);
    assert!(!section_complete(&d, about));
    assert_eq!(missing_fields(&d, about), vec![FieldId::Severity]);
    d.classification.severity = Some(Severity::Sev3);
    assert!(section_complete(&d, about));
}

#[test]
fn optional_sections_complete_once_touched() {
    let s = Section {
        id: "x".into(),
        title: "X".into(),
        help: String::new(),
        good_example: String::new(),
        bad_example: String::new(),
        fields: vec![FieldId::Links],
        required: vec![],
    };
    let mut d = Postmortem::new("pm-x".into(), at(9, 0));
    assert!(!section_complete(&d, &s));
    d.links.push(Link {
        id: "l".into(),
        label: String::new(),
        url: "https://example.org".into(),
        extra: Default::default(),
    });
    assert!(section_complete(&d, &s));
}

#[test]
fn strict_order_opens_sections_one_after_another() {
    let t = five_part();
    let mut d = Postmortem::new("pm-x".into(), at(9, 0));
    assert!(can_open(&d, &t, 0));
    assert!(!can_open(&d, &t, 1));
    d.title = "Login failures".into();
    assert!(can_open(&d, &t, 1));
    assert!(!can_open(&d, &t, 2));
    // Filling a later part does not unlock it while an earlier one is open.
    d.analysis.went_well = "Support escalated quickly".into();
    assert!(!can_open(&d, &t, 3));
    d.timeline.push(TimelineEvent {
        id: "e".into(),
        at: None,
        kind: EventKind::Observation,
        text: "First failures".into(),
        starred: false,
        extra: Default::default(),
    });
    d.analysis.went_wrong = "Contact list out of date".into();
    assert_eq!(first_incomplete(&d, &t), Some(4));
    assert!(can_open(&d, &t, 4));
    assert!(!can_open(&d, &t, 5));
    assert!(!can_open(&d, &t, 99));
    // Non-strict templates open anything that exists.
    assert!(can_open(&d, &standard(), 7));
}

#[test]
fn switching_between_every_pair_keeps_all_content() {
    let base = full_doc();
    for from in builtin_templates() {
        for to in builtin_templates() {
            let mut d = base.clone();
            d.template = from.id.clone();
            let before = serde_json::to_value(&d).unwrap();
            let report = switch_template(&mut d, &to);
            let mut after = serde_json::to_value(&d).unwrap();
            assert_eq!(after["template"], to.id.as_str());
            after["template"] = before["template"].clone();
            assert_eq!(before, after, "{} -> {}", from.id, to.id);
            // Exactly the filled fields the target does not show are listed.
            for o in &report.outside {
                assert!(o.field.has_content(&d));
                assert!(!to.sections.iter().any(|s| s.shows(&o.field)));
                assert!(!o.label.is_empty());
            }
            let listed: BTreeSet<_> = report.outside.iter().map(|o| o.field.clone()).collect();
            for f in FieldId::FIXED.iter().filter(|f| **f != FieldId::Times) {
                let shown = to.sections.iter().any(|s| s.shows(f));
                assert_eq!(listed.contains(f), !shown, "{} {f}", to.id);
            }
            // Switching back shows the same picture as before.
            let again = switch_template(&mut d, &from);
            assert_eq!(again.outside, fields_outside(&base, &from));
        }
    }
}

#[test]
fn outside_fields_of_the_minimal_template() {
    let mut d = Postmortem::new("pm-x".into(), at(9, 0));
    d.title = "T".into();
    d.analysis.got_lucky = "Quiet day".into();
    d.times.detected = Some(at(14, 8));
    d.times.started = Some(at(14, 2));
    d.sections.insert("extent".into(), "Finance only".into());
    d.sections.insert("why".into(), "   ".into());
    let r = switch_template(&mut d, &minimal());
    let keys: Vec<String> = r.outside.iter().map(|o| o.field.key()).collect();
    assert_eq!(
        keys,
        ["times.detected", "analysis.got_lucky", "sections.extent"]
    );
    assert_eq!(r.outside[2].label, "Extent");
    assert_eq!(d.template, "minimal");
    assert!(switch_template(&mut d, &blank()).outside.len() == 4);
}

#[test]
fn management_template_avoids_systems_jargon() {
    let t = management();
    let mut texts = vec![t.name.clone(), t.description.clone()];
    for s in &t.sections {
        texts.extend([
            s.title.clone(),
            s.help.clone(),
            s.good_example.clone(),
            s.bad_example.clone(),
        ]);
        texts.extend(s.fields.iter().map(FieldId::label));
    }
    for text in &texts {
        assert_eq!(contains_jargon(text), None, "{text}");
    }
    // The check itself catches what it should.
    assert_eq!(
        contains_jargon("We rolled back the deployment"),
        Some("deploy")
    );
    assert_eq!(contains_jargon("the API timed out"), Some("api"));
    assert_eq!(contains_jargon("SLOs were missed"), Some("slo"));
    assert_eq!(contains_jargon("paged the On-Call person"), Some("on-call"));
    assert_eq!(contains_jargon("a rapid capital product launch"), None);
    // The standard template does use engineering words.
    assert!(standard()
        .sections
        .iter()
        .any(|s| contains_jargon(&s.good_example).is_some() || contains_jargon(&s.help).is_some()));
}

#[test]
fn field_keys_round_trip() {
    for f in FieldId::FIXED {
        assert_eq!(FieldId::from_key(&f.key()), *f);
        assert!(!f.label().is_empty());
    }
    assert_eq!(
        FieldId::from_key("sections.what_happened"),
        FieldId::text("what_happened")
    );
    assert_eq!(
        FieldId::from_key("sections.Bad Key"),
        FieldId::Unknown("sections.Bad Key".into())
    );
    assert_eq!(
        FieldId::from_key("impact.mood"),
        FieldId::Unknown("impact.mood".into())
    );
    assert_eq!(FieldId::text("what_happened").label(), "What happened");
}

#[test]
fn validation_names_each_problem_with_its_path() {
    let mut t = standard().customised("tpl-x".into(), "  ");
    t.sections[1].id = "about".into();
    t.sections[2]
        .fields
        .push(FieldId::Unknown("impact.mood".into()));
    t.sections[3].required.push(FieldId::Gaps);
    t.sections[4].fields.push(FieldId::Title);
    t.sections[8].fields.push(FieldId::Detected);
    let got: Vec<String> = validate_template(&t)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
            got,
            [
                "name: a template needs a name",
                "sections[1].id: \"about\" is used twice",
                "sections[2].fields[9]: unknown field \"impact.mood\"",
                "sections[3].required[2]: \"analysis.gaps\" is required but not shown in this section",
                "sections[4].fields[1]: \"title\" is already shown in section \"About the incident\" (as \"title\")",
                "sections[8].fields[2]: \"times.detected\" is already shown in this section (as \"times\")",
            ]
        );
    let mut reserved = blank().customised("standard".into(), "Mine");
    assert_eq!(validate_template(&reserved).len(), 1);
    reserved.id = "bad id".into();
    reserved.sections.clear();
    assert_eq!(validate_template(&reserved).len(), 2);
}

#[test]
fn build_a_custom_template_from_a_builtin() {
    let now = at(10, 0);
    let id = custom_template_id(now, 42);
    assert!(id.starts_with("tpl-") && is_valid_id(&id));
    assert_ne!(id, custom_template_id(now, 43));
    let mut t = standard().customised(id, " Payments team ");
    assert!(!t.builtin);
    assert_eq!(t.name, "Payments team");
    let timeline = t.section_index("timeline").unwrap();
    assert!(t.move_section(timeline, 1));
    assert_eq!(t.sections[1].id, "timeline");
    assert!(t.rename_section(1, "What happened when"));
    assert!(t.set_help(1, "Our way", "good", "bad"));
    assert!(t
        .remove_section(t.section_index("links").unwrap())
        .is_some());
    let i = t.add_text_section("Customer follow-up");
    assert_eq!(t.sections[i].id, "customer_follow_up");
    assert_eq!(
        t.sections[i].fields,
        vec![FieldId::text("customer_follow_up")]
    );
    let j = t.add_text_section("Customer follow-up!");
    assert_eq!(t.sections[j].id, "customer_follow_up_2");
    let k = t.add_section(incident_report().sections[3].clone());
    assert_eq!(t.sections[k].id, "extent");
    assert_eq!(t.sections[k].fields, vec![FieldId::text("extent")]);
    assert_eq!(t.sections[k].required, vec![FieldId::text("extent")]);
    let g = t.add_text_section("2nd opinion");
    assert_eq!(t.sections[g].id, "section_2nd_opinion");
    assert_eq!(validate_template(&t), vec![]);
    // Out-of-range edits change nothing.
    let before = t.clone();
    assert!(!t.move_section(0, 99));
    assert!(!t.rename_section(99, "x"));
    assert!(!t.set_help(99, "", "", ""));
    assert!(t.remove_section(99).is_none());
    assert_eq!(t, before);
}

#[test]
fn json_round_trip_and_tolerance() {
    let mut t = five_part().customised("tpl-abc".into(), "Our meeting");
    t.add_text_section("Open questions");
    let json = template_to_json(&t);
    assert_eq!(template_from_json(&json), Ok(t.clone()));
    // Unknown JSON fields are ignored, "builtin" cannot be claimed.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["builtin"] = true.into();
    v["colour"] = "teal".into();
    v["sections"][0]["icon"] = "star".into();
    assert_eq!(template_from_json(&v.to_string()), Ok(t));
}

#[test]
fn json_errors_say_where() {
    let json = template_to_json(&standard().customised("tpl-a".into(), "A"));
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["sections"][2]["title"] = 7.into();
    let e = template_from_json(&v.to_string()).unwrap_err();
    assert!(
        e.to_string().starts_with("sections[2].title: invalid type"),
        "{e}"
    );

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["sections"][1]["fields"][0] = "mood".into();
    let e = template_from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.to_string(), "sections[1].fields[0]: unknown field \"mood\"; sections[1].required[0]: \"summary\" is required but not shown in this section");

    assert!(matches!(
        template_from_json("{\"id\": "),
        Err(TemplateError::NotJson { .. })
    ));
    assert!(matches!(
        template_from_json("[]"),
        Err(TemplateError::Invalid { .. })
    ));
    let e = template_from_json("{\"name\":\"x\"}").unwrap_err();
    assert_eq!(e.to_string(), "missing field `id`");
    let big = " ".repeat(MAX_TEMPLATE_BYTES + 1);
    assert!(matches!(
        template_from_json(&big),
        Err(TemplateError::TooLarge { .. })
    ));
}

proptest::proptest! {
    #[test]
    fn template_import_never_panics(s in ".{0,300}") {
        let _ = template_from_json(&s);
    }
}

/// Words of running systems that readers outside engineering stumble on.
const JARGON: &[&str] = &[
    "acknowledged",
    "trigger",
    "complex systems",
    "mitigat",
    "slo",
    "error budget",
    "runbook",
    "deploy",
    "rollback",
    "roll back",
    "canary",
    "on-call",
    "dashboard",
    "logs",
    "requests",
    "alert source",
    "root cause",
    "outage",
];

fn jargon_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    JARGON
        .iter()
        .copied()
        .filter(|j| {
            if j.contains(' ') || *j == "mitigat" {
                lower.contains(j)
            } else {
                words.contains(j)
            }
        })
        .collect()
}

#[test]
fn the_management_template_speaks_plainly_down_to_its_fields() {
    let t = management();
    assert_eq!(t.words(), Words::Plain);
    let w = t.words();
    let mut shown: Vec<String> = vec![t.name.clone(), t.description.clone()];
    for s in &t.sections {
        shown.extend([
            s.title.clone(),
            s.help.clone(),
            s.good_example.clone(),
            s.bad_example.clone(),
        ]);
        for f in &s.fields {
            shown.push(f.label_in(w));
            for spec in f.specs() {
                shown.push(spec.label_in(w).to_owned());
                shown.push(spec.hint_in(w).to_owned());
                shown.extend(spec.rows().iter().map(|r| r.label.to_owned()));
            }
        }
    }
    let times = crate::fixture::full_postmortem().times;
    for m in crate::metrics::durations(&times) {
        shown.push(m.label_in(w).to_owned());
        shown.push(m.formula_in(w).to_owned());
    }
    let found: Vec<(String, Vec<&str>)> = shown
        .iter()
        .map(|s| (s.clone(), jargon_in(s)))
        .filter(|(_, j)| !j.is_empty())
        .collect();
    assert!(found.is_empty(), "{found:#?}");
    // The check has teeth: the usual words of the same fields hold jargon.
    let usual: Vec<&str> = t
        .sections
        .iter()
        .flat_map(|s| s.fields.iter())
        .flat_map(|f| f.specs())
        .flat_map(|spec| {
            jargon_in(spec.label)
                .into_iter()
                .chain(jargon_in(spec.hint))
        })
        .collect();
    assert!(
        usual.contains(&"trigger") && usual.contains(&"acknowledged"),
        "{usual:?}"
    );
    // Every plain row names a field of the table.
    for (key, label, _) in crate::field::PLAIN {
        assert!(crate::field::spec(key).is_some(), "{key}");
        assert!(!label.is_empty(), "{key}");
    }
}

#[test]
fn other_templates_keep_the_usual_words() {
    for t in builtin_templates()
        .into_iter()
        .filter(|t| t.id != "management")
    {
        assert_eq!(t.words(), Words::Usual, "{}", t.id);
    }
    let copy = management().customised("tpl-ours".into(), "Ours");
    assert_eq!(copy.words(), Words::Plain, "a copy keeps the plain words");
    let back = template_from_json(&template_to_json(&copy)).unwrap();
    assert!(back.plain_words);
    assert!(!template_to_json(&standard()).contains("plain_words"));
}
