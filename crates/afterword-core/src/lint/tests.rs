//! Behaviour of the whole linter: what Markdown structure it skips, how
//! ignore comments work, and what a finding carries.

use super::testing::cfg;
use super::*;

fn rules_found(text: &str) -> Vec<String> {
    lint_text(text, &cfg())
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn code_quotes_logs_headings_and_links_are_not_linted() {
    let text = "\
# Root cause analysis

## What went wrong: human error?

Sam ran `git blame` and `simply restart` on the host.

```
# the on-call failed to check
Dana broke the deploy
```

    Dana should have checked

> Dana broke the deploy, obviously.

2024-05-01T10:22:03Z ERROR operator error: careless retry
[WARN] user error while obviously parsing

See [the careless runbook](https://wiki.test/just-simply-careless) and <https://x.test/human-error>.
<!-- Dana broke it, obviously -->
";
    assert_eq!(
        rules_found(text),
        vec!["judgement"],
        "only the link text is prose"
    );
}

#[test]
fn the_hard_cases_from_the_brief_are_not_flagged() {
    for text in [
        "The health check failed.",
        "Disk failure on the primary at 09:12 UTC.",
        "The job should have retried per its configuration.",
        "The error rate peaked at 14% and burned the error budget.",
        "Logs are human-readable again.",
        "The JIT uses just-in-time compilation and lazy loading.",
        "The simply-typed config schema rejected the value.",
        "Sam rolled back the deploy at 14:05 UTC.",
        "Root cause analysis follows.\n",
        "Friday was busy. Monday broke records for traffic.",
    ] {
        assert_eq!(rules_found(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_setext_heading_is_not_linted() {
    assert!(rules_found("Human error\n===========\n\nThe disk filled up.\n").is_empty());
}

#[test]
fn sentences_wrap_across_lines_but_not_across_paragraphs() {
    assert_eq!(
        rules_found("Dana broke\nthe deploy."),
        vec!["person-as-cause"]
    );
    assert!(rules_found("We saw Dana\n\nbroke records").is_empty());
    assert!(rules_found("- Dana\n- broke the deploy").is_empty());
}

#[test]
fn ignore_comment_silences_the_next_line_only() {
    let text = "<!-- afterword-ignore minimizer -->\nJust restart it.\nJust restart it.\n";
    let found = lint_text(text, &cfg());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.line, 3);
}

#[test]
fn ignore_comment_without_ids_silences_every_rule() {
    let text = "<!-- afterword-ignore -->\nDana obviously broke the deploy through human error.\n";
    assert!(lint_text(text, &cfg()).is_empty());
}

#[test]
fn ignore_comment_accepts_several_ids() {
    let text =
        "<!-- afterword-ignore minimizer,human-error judgement -->\nJust a careless human error.\n";
    assert!(lint_text(text, &cfg()).is_empty());
}

#[test]
fn disable_and_enable_bracket_a_block() {
    let text = "\
<!-- afterword-disable hindsight -->
We should have waited.
Simply wait.
<!-- afterword-enable hindsight -->
We should have waited.
";
    let found = lint_text(text, &cfg());
    let got: Vec<(usize, &str)> = found
        .iter()
        .map(|f| (f.span.line, f.rule.as_str()))
        .collect();
    assert_eq!(got, vec![(3, "minimizer"), (5, "hindsight")]);
}

#[test]
fn disabled_rules_report_nothing() {
    let mut c = cfg();
    c.disabled.insert("minimizer".into());
    assert!(lint_text("Just restart it.", &c).is_empty());
}

#[test]
fn findings_carry_rule_category_span_and_rewrite() {
    let text = "Timeline\n\n- 14:02 ✅ The on-call failed to check the lag.";
    let found = lint_text(text, &cfg());
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.rule, "hindsight");
    assert_eq!(f.category, Category::Hindsight);
    assert_eq!(f.text, "failed to");
    assert_eq!(&text[f.span.offset..f.span.end], "failed to");
    assert_eq!(f.span.line, 3);
    // Columns count characters: the check mark is one.
    assert_eq!(f.span.column, 23);
    assert_eq!(f.suggestions, vec!["did not".to_string()]);
    assert!(f.message.contains("hindsight"));
}

#[test]
fn findings_are_sorted_by_offset() {
    let found = lint_text(
        "Obviously Dana broke it. It was human error. Careless.",
        &cfg(),
    );
    let offsets: Vec<usize> = found.iter().map(|f| f.span.offset).collect();
    let mut sorted = offsets.clone();
    sorted.sort();
    assert_eq!(offsets, sorted);
    assert!(found.len() >= 3);
}

#[test]
fn fingerprint_survives_edits_elsewhere_in_the_field() {
    let before = "Summary.\n\nThe on-call failed to check the lag.";
    let after = "A much longer summary with more detail.\n\nExtra line.\n\nThe on-call failed to check the lag.";
    let a = lint_text(before, &cfg());
    let b = lint_text(after, &cfg());
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_ne!(a[0].span.offset, b[0].span.offset);
    assert_eq!(a[0].fingerprint(), b[0].fingerprint());
    assert!(a[0].fingerprint().starts_with("hindsight:"));

    let other = lint_text("Sam failed to check the lag.", &cfg());
    assert_ne!(a[0].fingerprint(), other[0].fingerprint());
}

#[test]
fn findings_and_config_round_trip_through_json() {
    let mut c = cfg();
    c.custom_phrases.push(CustomPhrase {
        phrase: "war room".into(),
        message: "Say 'incident channel'.".into(),
        suggestion: Some("incident channel".into()),
    });
    c.disabled.insert("judgement".into());
    let json = serde_json::to_string(&c).expect("config serialises");
    let back: LintConfig = serde_json::from_str(&json).expect("config deserialises");
    assert_eq!(back, c);

    let found = lint_text("We opened a war room and Dana broke the deploy.", &c);
    let json = serde_json::to_value(&found).expect("findings serialise");
    let first = &json[0];
    for key in [
        "rule",
        "category",
        "offset",
        "end",
        "line",
        "column",
        "text",
        "message",
        "suggestions",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let back: Vec<Finding> = serde_json::from_value(json).expect("findings deserialise");
    assert_eq!(back, found);
    assert_eq!(back[0].fingerprint(), found[0].fingerprint());
}

#[test]
fn config_from_older_settings_fills_in_defaults() {
    let c: LintConfig =
        serde_json::from_str(r#"{"people":["Dana"],"unknown":1}"#).expect("lenient");
    assert_eq!(c.participants, vec!["Dana".to_string()]);
}

#[test]
fn registry_lists_every_rule_for_settings() {
    let ids: Vec<&str> = rules().iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [
            "person-as-cause",
            "work-as-cause",
            "sarcastic-credit",
            "human-error",
            "hindsight",
            "judgement",
            "minimizer",
            "blame-word",
            "person-root-cause",
            "vague-action",
            "punitive-action",
            "reads-as-blame",
            "custom-phrase"
        ]
    );
    assert!(rules().iter().all(|r| !r.description.is_empty()));
}

#[test]
fn action_titles_get_the_prose_rules_too() {
    let found = lint_action_title("Investigate", &cfg());
    assert_eq!(found.len(), 1);
    let found = lint_action_title("Make Dana simply be more careful", &cfg());
    let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, vec!["minimizer", "vague-action"]);
}

#[test]
fn names_come_from_the_lists_and_the_participant_list() {
    // A given name needs no list.
    assert_eq!(
        lint_text("Alex broke the deploy.", &LintConfig::default()).len(),
        1
    );
    // "Travis" is also a build service: only a participant of that name
    // makes it a person.
    let text = "Travis broke the deploy.";
    assert!(lint_text(text, &LintConfig::default()).is_empty());
    let c = LintConfig::with_participants(["Travis Kim"]);
    assert_eq!(lint_text(text, &c).len(), 1);
}

#[test]
fn an_ignore_comment_before_a_code_block_is_used_up_by_it() {
    let text = "<!-- afterword-ignore -->\n```\nx\n```\nJust restart it.\n";
    assert_eq!(rules_found(text), vec!["minimizer"]);
}
