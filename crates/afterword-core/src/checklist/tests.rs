use super::*;
use crate::lint::LintConfig;
use crate::model::{
    ActionItem, ActionStatus, AlertSource, BusinessMetric, Category as IncidentCategory,
    ContributingFactor, Dismissal, IncidentKind, Link, Participant, Role, Severity, TimelineEvent,
};
use crate::template::{builtin_templates, template_by_id, FieldId};
use chrono::{TimeZone, Utc};

fn at(hh: u32, mm: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 4, hh, mm, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn event(id: &str, t: chrono::DateTime<Utc>, text: &str) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        at: Some(t),
        kind: Default::default(),
        text: text.into(),
        starred: false,
        extra: Default::default(),
    }
}

fn action(id: &str, title: &str, owner: &str, due: Option<NaiveDate>) -> ActionItem {
    ActionItem {
        id: id.into(),
        title: title.into(),
        owner: owner.into(),
        due,
        status: ActionStatus::Open,
        kind: None,
        priority: None,
        ticket: String::new(),
        needs_discussion: false,
        public: false,
        extra: Default::default(),
    }
}

/// A document with every field of every built-in template filled in, in
/// blameless wording.
fn complete() -> Postmortem {
    let mut d = Postmortem::new("pm-1".into(), at(16, 0));
    d.title = "Checkout errors after the 2.14 release".into();
    d.summary = "For 42 minutes, 12% of checkout requests failed after a configuration change. Sam rolled back the deploy at 14:05 UTC.".into();
    d.incident_date = NaiveDate::from_ymd_opt(2026, 3, 4);
    d.owner = "Priya Nair".into();
    d.participants.push(Participant {
        id: "p-1".into(),
        name: "Sam Lee".into(),
        role: Role::IncidentLead,
        extra: Default::default(),
    });
    d.reviewers.push("Kofi Mensah".into());
    d.classification.severity = Some(Severity::Sev2);
    d.classification.kind = Some(IncidentKind::Technical);
    d.classification.category = Some(IncidentCategory::Deployment);
    d.classification.alert_source = Some(AlertSource::Monitoring);
    d.classification.reported_to = "Payments".into();
    d.times.started = Some(at(13, 23));
    d.times.detected = Some(at(13, 30));
    d.times.acknowledged = Some(at(13, 32));
    d.times.mitigated = Some(at(14, 5));
    d.times.resolved = Some(at(14, 20));
    let imp = &mut d.impact;
    imp.description = "12% of checkout requests failed for 42 minutes.".into();
    imp.user_visible_minutes = Some(42);
    imp.customers_affected = Some(1800);
    imp.customers_reported = Some(12);
    imp.functional_severity = "Partial outage".into();
    imp.business_metrics.push(BusinessMetric {
        id: "bm-1".into(),
        name: "Orders lost".into(),
        value: "310".into(),
        unit: "orders".into(),
        extra: Default::default(),
    });
    imp.data_lost = "None".into();
    imp.recovery_point = Some(at(13, 20));
    imp.slo_budget_consumed_percent = Some(18.0);
    d.timeline = vec![
        event(
            "ev-1",
            at(13, 23),
            "Release 2.14 reached the checkout pool.",
        ),
        event("ev-2", at(13, 30), "Error-rate alert fired."),
        event("ev-3", at(14, 5), "Sam rolled back the deploy."),
        event("ev-4", at(14, 20), "Error rate back to normal."),
    ];
    let an = &mut d.analysis;
    an.contributing_factors = vec![
        ContributingFactor {
            id: "cf-1".into(),
            text: "The staging hostname was accepted by the production config loader.".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        },
        ContributingFactor {
            id: "cf-2".into(),
            text: "The canary stage checked latency but not error rate.".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        },
    ];
    an.trigger = "The 2.14 deploy.".into();
    an.detection = "The error-rate alert, 7 minutes after the start.".into();
    an.resolution = "Rolled back to 2.13.".into();
    an.went_well = "The rollback took 3 minutes.".into();
    an.went_wrong = "The canary did not watch errors.".into();
    an.got_lucky = "Traffic was low.".into();
    an.gaps = "No config validation.".into();
    an.lessons = "Validate hostnames at load time.".into();
    an.four_questions.intended = "Checkout keeps working.".into();
    an.four_questions.actual = "Requests failed.".into();
    an.four_questions.why = "Wrong hostname.".into();
    an.four_questions.prevention = "Validation.".into();
    d.action_items = vec![
        action(
            "ai-1",
            "Reject non-production hostnames in the config loader",
            "Sam Lee",
            NaiveDate::from_ymd_opt(2026, 4, 1),
        ),
        action(
            "ai-2",
            "Add the error rate to the canary checks",
            "Priya Nair",
            NaiveDate::from_ymd_opt(2026, 4, 15),
        ),
    ];
    d.links.push(Link {
        id: "l-1".into(),
        label: "Dashboard".into(),
        url: "https://example.com/d".into(),
        extra: Default::default(),
    });
    for t in builtin_templates() {
        for s in &t.sections {
            for f in &s.fields {
                if let FieldId::Text(k) = f {
                    d.sections
                        .insert(k.clone(), "Written down in plain, neutral words.".into());
                }
            }
        }
    }
    d
}

fn status(list: &Checklist, id: &str) -> CheckStatus {
    list.items
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id} in {list:#?}"))
        .status
}

#[test]
fn a_complete_document_is_done_under_every_template() {
    let d = complete();
    for t in builtin_templates() {
        let list = checklist(&d, &t, &LintConfig::default(), today());
        let open: Vec<_> = list
            .items
            .iter()
            .filter(|i| i.status != CheckStatus::Done)
            .collect();
        assert!(open.is_empty(), "{}: {open:#?}", t.id);
        assert_eq!(list.open_count(), 0);
        assert!(checklist_lines(&list).iter().all(|(_, done)| *done));
    }
}

#[test]
fn an_empty_document_has_open_items_under_every_template() {
    let d = Postmortem::new("pm-2".into(), at(16, 0));
    for t in builtin_templates() {
        let list = checklist(&d, &t, &LintConfig::default(), today());
        for id in [
            "summary",
            "impact.quantified",
            "timeline.coverage",
            "actions.present",
            "analysis.factors",
        ] {
            assert_eq!(status(&list, id), CheckStatus::Open, "{}: {id}", t.id);
        }
        // Nothing typed, so nothing to flag and no times out of order.
        assert_eq!(status(&list, "blameless.open"), CheckStatus::Done);
        assert_eq!(status(&list, "times.order"), CheckStatus::Done);
        for s in &t.sections {
            let want = if s.required.is_empty() {
                CheckStatus::Done
            } else {
                CheckStatus::Open
            };
            assert_eq!(
                status(&list, &format!("section.{}", s.id)),
                want,
                "{}",
                s.id
            );
        }
    }
}

#[test]
fn missing_fields_are_named_with_a_link() {
    let mut d = complete();
    d.summary.clear();
    let t = template_by_id("standard").unwrap();
    let list = checklist(&d, &t, &LintConfig::default(), today());
    let section = list
        .items
        .iter()
        .find(|i| i.id.starts_with("section.") && i.status == CheckStatus::Open)
        .expect("a section with a missing summary");
    assert!(section.detail.contains("Summary"), "{section:?}");
    assert_eq!(section.target.as_deref(), Some("summary"));
    assert_eq!(status(&list, "summary"), CheckStatus::Open);
}

#[test]
fn blameless_findings_are_counted_and_dismissals_listed_with_reasons() {
    let mut d = complete();
    d.summary = "Dana broke the deploy because she should have checked the hostname.".into();
    let t = template_by_id("minimal").unwrap();
    let list = checklist(&d, &t, &LintConfig::default(), today());
    let open = list
        .items
        .iter()
        .find(|i| i.id == "blameless.open")
        .unwrap();
    assert_eq!(open.status, CheckStatus::Open);
    assert!(open.label.contains("to review"), "{open:?}");
    assert!(open.detail.contains("Summary"));
    assert_eq!(open.target.as_deref(), Some("summary"));

    for f in crate::lint::lint_document(&d, &LintConfig::default()) {
        d.dismissals.push(Dismissal {
            fingerprint: f.finding.fingerprint().to_owned(),
            rule: f.finding.rule.clone(),
            text: f.finding.text.clone(),
            reason: "Quoted from the chat log".into(),
            at: at(16, 0),
            extra: Default::default(),
        });
    }
    let list = checklist(&d, &t, &LintConfig::default(), today());
    assert_eq!(status(&list, "blameless.open"), CheckStatus::Done);
    let kept = list
        .items
        .iter()
        .find(|i| i.id == "blameless.dismissed")
        .unwrap();
    assert!(kept.detail.contains("Quoted from the chat log"), "{kept:?}");
    let lines = checklist_lines(&list);
    assert!(lines
        .iter()
        .any(|(l, _)| l.contains("kept on purpose") && l.contains("Quoted from the chat log")));
}

#[test]
fn impact_needs_a_number() {
    let mut d = complete();
    d.impact = Default::default();
    d.impact.description = "Many users could not check out.".into();
    let t = template_by_id("minimal").unwrap();
    let list = checklist(&d, &t, &LintConfig::default(), today());
    assert_eq!(status(&list, "impact.quantified"), CheckStatus::Open);
    d.impact.description = "About 1,800 users could not check out.".into();
    let list = checklist(&d, &t, &LintConfig::default(), today());
    assert_eq!(status(&list, "impact.quantified"), CheckStatus::Done);
}

#[test]
fn the_timeline_must_cover_start_to_resolution_and_times_be_in_order() {
    let t = template_by_id("standard").unwrap();
    let cfg = LintConfig::default();
    let mut d = complete();
    d.timeline.remove(0);
    let item = |d: &Postmortem| {
        checklist(d, &t, &cfg, today())
            .items
            .into_iter()
            .find(|i| i.id == "timeline.coverage")
            .unwrap()
    };
    let gap = item(&d);
    assert_eq!(gap.status, CheckStatus::Open);
    assert!(gap.detail.contains("before the start"), "{gap:?}");

    let mut d = complete();
    d.timeline.pop();
    let gap = item(&d);
    assert!(gap.detail.contains("after the mitigation"), "{gap:?}");

    // Only mitigated: an event at the mitigation is enough.
    d.times.resolved = None;
    assert_eq!(item(&d).status, CheckStatus::Done);

    let mut d = complete();
    d.times.detected = Some(at(13, 0));
    let list = checklist(&d, &t, &cfg, today());
    assert_eq!(status(&list, "times.order"), CheckStatus::Open);
}

#[test]
fn action_items_need_an_owner_a_due_date_and_a_concrete_verb() {
    let t = template_by_id("standard").unwrap();
    let cfg = LintConfig::default();
    let mut d = complete();
    d.action_items[0].owner.clear();
    d.action_items[1].due = None;
    d.action_items.push(action(
        "ai-3",
        "Be more careful",
        "Sam Lee",
        NaiveDate::from_ymd_opt(2026, 5, 1),
    ));
    let list = checklist(&d, &t, &cfg, today());
    assert_eq!(status(&list, "actions.owner"), CheckStatus::Open);
    assert_eq!(status(&list, "actions.due"), CheckStatus::Open);
    assert_eq!(status(&list, "actions.specific"), CheckStatus::Open);
    let specific = list
        .items
        .iter()
        .find(|i| i.id == "actions.specific")
        .unwrap();
    assert_eq!(specific.detail, "Vague: Action item 3.");
    assert_eq!(specific.target.as_deref(), Some("action_items[ai-3].title"));

    let mut d = complete();
    d.action_items[0].due = NaiveDate::from_ymd_opt(2026, 3, 1);
    let list = checklist(&d, &t, &cfg, today());
    assert_eq!(status(&list, "actions.due"), CheckStatus::Warning);
}

#[test]
fn one_factor_needs_a_reason() {
    let t = template_by_id("standard").unwrap();
    let cfg = LintConfig::default();
    let mut d = complete();
    d.analysis.contributing_factors.truncate(1);
    let list = checklist(&d, &t, &cfg, today());
    assert_eq!(status(&list, "analysis.factors"), CheckStatus::Warning);
    d.analysis.single_factor_reason = "The loader was the only path for this config.".into();
    let list = checklist(&d, &t, &cfg, today());
    assert_eq!(status(&list, "analysis.factors"), CheckStatus::Done);
}
