//! One postmortem with every field filled, shared by the tests of this
//! crate, of the command line and of the app: a test that needs "a full
//! document" starts here instead of writing its own.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::model::*;

/// 2026-11-20 at `h:m` UTC, the day the full postmortem's incident happened.
pub fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0)
        .single()
        .unwrap_or_default()
}

/// A document with every field of the field table filled, one free-text
/// section, a dismissal and a rule switched off.
pub fn full_postmortem() -> Postmortem {
    let mut doc = Postmortem::new("pm-full".into(), at(18, 0));
    doc.revision = 3;
    doc.updated_at = at(19, 30);
    doc.title = "Payment API outage".into();
    doc.summary = "Card payments failed for 42 minutes after a configuration change.".into();
    doc.incident_date = NaiveDate::from_ymd_opt(2026, 11, 20);
    doc.owner = "Ana Lima".into();
    doc.participants = vec![
        Participant::new("p1", "Ana Lima", Role::IncidentLead),
        Participant::new("p2", "Bo Chen", Role::Scribe),
    ];
    doc.reviewers = vec!["Dee".into()];
    doc.classification = Classification {
        severity: Some(Severity::Sev1),
        kind: Some(IncidentKind::Technical),
        category: Some(Category::Configuration),
        alert_source: Some(AlertSource::Monitoring),
        reported_to: "Payments team".into(),
        extra: Default::default(),
    };
    doc.times = KeyTimes {
        started: Some(at(14, 0)),
        detected: Some(at(14, 7)),
        acknowledged: Some(at(14, 9)),
        mitigated: Some(at(14, 30)),
        resolved: Some(at(14, 42)),
        extra: Default::default(),
    };
    doc.impact = Impact {
        description: "Checkout showed an error page.".into(),
        user_visible_minutes: Some(42),
        customers_affected: Some(1200),
        customers_reported: Some(35),
        functional_severity: "Payments unavailable".into(),
        business_metrics: vec![BusinessMetric::new(
            "m1",
            "Failed orders",
            "3,400",
            "orders",
        )],
        data_lost: "None".into(),
        recovery_point: Some(at(13, 55)),
        slo_budget_consumed_percent: Some(37.5),
        extra: Default::default(),
    };
    doc.timeline = vec![
        TimelineEvent::new("e1", Some(at(14, 0)), "Config pushed")
            .with_kind(EventKind::StatusChange)
            .starred(),
        TimelineEvent::new("e2", Some(at(14, 7)), "Error rate alert fired"),
        TimelineEvent::new("e3", None, "Cache held the old config").with_kind(EventKind::Unknown),
    ];
    doc.analysis = Analysis {
        contributing_factors: vec![ContributingFactor::new(
            "f1",
            "The config validator did not check the payment section",
        )
        .with_category(Category::Configuration)
        .with_evidence(vec!["https://dash.example.com/d/1".into()])],
        trigger: "A routine config push".into(),
        detection: "Error-rate alert".into(),
        resolution: "Rolled back the config".into(),
        went_well: "The alert fired within minutes".into(),
        went_wrong: "The runbook was out of date".into(),
        got_lucky: "Low traffic hour".into(),
        gaps: "No canary for config".into(),
        lessons: "Validate config like code".into(),
        single_factor_reason: "Only one found so far".into(),
        four_questions: FourQuestions {
            intended: "Config applies safely".into(),
            actual: "Payments broke".into(),
            why: "Validator gap".into(),
            prevention: "Canary config".into(),
            extra: Default::default(),
        },
        extra: Default::default(),
    };
    doc.action_items = vec![ActionItem::new("a1", "Validate payment config in CI")
        .with_owner("Bo Chen")
        .with_due(NaiveDate::from_ymd_opt(2026, 12, 15))
        .with_status(ActionStatus::InProgress)
        .with_kind(ActionKind::Prevent)
        .with_priority(Priority::P1)
        .with_ticket("https://tracker.example.com/PAY-12")
        .for_discussion()
        .made_public()];
    doc.links = vec![Link::new("l1", "Dashboard", "https://dash.example.com")];
    doc.workflow = Workflow {
        status: WorkflowStatus::InReview,
        history: vec![StatusChange {
            status: WorkflowStatus::InReview,
            by: "Ana".into(),
            at: at(19, 0),
            extra: Default::default(),
        }],
        extra: Default::default(),
    };
    doc.sections
        .insert("what_happened".into(), "A long story.".into());
    doc.dismissals = vec![Dismissal {
        fingerprint: "fp1".into(),
        rule: "minimizer".into(),
        text: "just".into(),
        reason: "quoted log".into(),
        at: at(19, 10),
        extra: Default::default(),
    }];
    doc.disabled_rules = vec!["hindsight".into()];
    doc
}
