//! Realistic sample postmortems, made up from a seed.
//!
//! Used by the "Try with sample postmortems" button, by tests and by
//! benchmarks. The same `(count, seed)` always gives the same documents, on
//! every platform: the generator uses its own small random number generator
//! (SplitMix64) rather than an outside source.
//!
//! The documents vary in service, scenario, severity, category, template,
//! date (spread over a year), key times (with realistic gaps and some left
//! empty), timeline, people, action items (owners, due dates, statuses, some
//! overdue) and workflow status. Some are finished and some are drafts.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use crate::model::*;
use crate::template::BUILTIN_IDS;

/// A small, fast and well-mixed generator; not for secrets.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (returns `lo` when the range is empty).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items`; only used on the non-empty lists of this module.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let len = u64::try_from(items.len()).unwrap_or(u64::MAX);
        let i = usize::try_from(self.range(0, len.saturating_sub(1))).unwrap_or(0);
        &items[i.min(items.len().saturating_sub(1))]
    }
}

/// Days kept free at the end of the period: what is written after an
/// incident (the write-up, its reviews) still falls before the day the
/// samples are added.
const WRITE_UP_DAYS: i64 = 20;

/// The first moment samples added on `today` are spread from: the start of
/// the review's default twelve months ([`crate::review::default_range`]),
/// so every sample shows in the trends as they open.
pub fn sample_period_start(today: NaiveDate) -> DateTime<Utc> {
    let (first, _) = crate::review::default_range(today);
    Utc.from_utc_datetime(&first.and_time(chrono::NaiveTime::MIN))
}

struct Scenario {
    title: &'static str,
    kind: IncidentKind,
    category: Category,
    trigger: &'static str,
    factors: &'static [&'static str],
    impact: &'static str,
    metric: (&'static str, &'static str),
    detection: &'static str,
    resolution: &'static str,
    went_well: &'static str,
    went_wrong: &'static str,
    lucky: &'static str,
    gaps: &'static str,
    lessons: &'static str,
    actions: &'static [(&'static str, ActionKind)],
    /// Middle of the timeline, between acknowledgement and mitigation.
    steps: &'static [(&'static str, EventKind)],
}

// `{s}` in any text is replaced by the service name.
const SCENARIOS: &[Scenario] = &[
    Scenario {
        title: "{s} errors after a release",
        kind: IncidentKind::Technical,
        category: Category::Deployment,
        trigger: "A release changed the default request timeout of {s} from 30 to 3 seconds.",
        factors: &[
            "The timeout default lived in code, not in reviewed configuration.",
            "Load tests ran against a staging copy with small data sets, so slow requests never appeared.",
            "The release went to all regions at once.",
        ],
        impact: "Requests to {s} that took longer than 3 seconds failed.",
        metric: ("Failed requests", "requests"),
        detection: "The error-rate alert on {s} fired a few minutes after the release finished.",
        resolution: "The release was rolled back; the timeout change was re-applied later behind a setting.",
        went_well: "The rollback procedure was rehearsed and took minutes.",
        went_wrong: "The release dashboard did not show error rates per region.",
        lucky: "The release happened before the daily peak.",
        gaps: "No gradual rollout for {s}.",
        lessons: "Defaults that change behaviour need the same review as configuration.",
        actions: &[
            ("Roll out {s} releases region by region", ActionKind::Prevent),
            ("Add slow-request cases to the {s} load test", ActionKind::Detect),
            ("Move timeout defaults into reviewed configuration", ActionKind::Prevent),
        ],
        steps: &[
            ("Compared error start with the release log", EventKind::Observation),
            ("Decided to roll back instead of fixing forward", EventKind::Decision),
            ("Rolled back the release", EventKind::Action),
        ],
    },
    Scenario {
        title: "{s} unavailable: disk full",
        kind: IncidentKind::Technical,
        category: Category::Capacity,
        trigger: "A log file on the primary node of {s} grew until the disk was full.",
        factors: &[
            "Log rotation had been switched off during a migration and never switched back on.",
            "The disk-usage alert threshold was 98%, leaving minutes of warning.",
        ],
        impact: "{s} refused writes; reads kept working.",
        metric: ("Orders not saved", "orders"),
        detection: "Customers reported failed saves to support before any alert fired.",
        resolution: "Old logs were moved away, rotation re-enabled, and the alert threshold lowered to 80%.",
        went_well: "Support escalated with precise examples.",
        went_wrong: "Nobody on the response knew where the log settings lived.",
        lucky: "Reads were unaffected, so most customers noticed nothing.",
        gaps: "No check that temporary changes are reverted after a migration.",
        lessons: "Temporary changes need an owner and an end date.",
        actions: &[
            ("Alert on disk usage at 80% for {s}", ActionKind::Detect),
            ("Add a revert checklist to the migration template", ActionKind::Process),
            ("Document where {s} log settings live", ActionKind::Documentation),
        ],
        steps: &[
            ("Found the disk on the primary node at 100%", EventKind::Observation),
            ("Moved old log files to cold storage", EventKind::Action),
            ("Re-enabled log rotation", EventKind::Action),
        ],
    },
    Scenario {
        title: "{s} degraded by a third-party outage",
        kind: IncidentKind::Technical,
        category: Category::Dependency,
        trigger: "The external provider that {s} depends on had a regional outage.",
        factors: &[
            "{s} had no fallback provider configured.",
            "Retries without backoff multiplied the load on the provider when it came back.",
        ],
        impact: "Around a fifth of {s} requests failed or were slow.",
        metric: ("Delayed notifications", "notifications"),
        detection: "Monitoring on {s} latency alerted within minutes.",
        resolution: "Traffic was switched to the secondary provider; retries now back off.",
        went_well: "The provider's status page confirmed the cause early.",
        went_wrong: "Switching provider needed a person with access who was off shift.",
        lucky: "The outage ended before the monthly billing run.",
        gaps: "No tested switch-over to the secondary provider.",
        lessons: "A dependency without a tested fallback is a single point of failure.",
        actions: &[
            ("Make provider switch-over a one-step, tested action", ActionKind::Mitigate),
            ("Add exponential backoff to provider retries", ActionKind::Prevent),
        ],
        steps: &[
            ("Provider status page confirms a regional outage", EventKind::Observation),
            ("Posted an update on the status page", EventKind::Communication),
            ("Decided to switch to the secondary provider", EventKind::Decision),
            ("Switched traffic to the secondary provider", EventKind::Action),
        ],
    },
    Scenario {
        title: "Expired certificate broke {s}",
        kind: IncidentKind::Technical,
        category: Category::Configuration,
        trigger: "The TLS certificate of {s} expired.",
        factors: &[
            "Renewal was automated for most services, but {s} used a manually installed certificate.",
            "Expiry reminders went to a mailbox nobody reads any more.",
        ],
        impact: "Clients could not connect to {s}.",
        metric: ("Failed connections", "connections"),
        detection: "Synthetic checks failed right after midnight UTC.",
        resolution: "A new certificate was issued and installed; {s} joined automated renewal.",
        went_well: "Synthetic checks caught it within minutes.",
        went_wrong: "Finding who could issue a certificate took most of the time.",
        lucky: "Traffic is lowest at that hour.",
        gaps: "No inventory of manually managed certificates.",
        lessons: "Automation that covers most cases hides the few it does not.",
        actions: &[
            ("Move {s} to automated certificate renewal", ActionKind::Prevent),
            ("Alert 30 days before any certificate expires", ActionKind::Detect),
            ("Route expiry reminders to the team channel", ActionKind::Process),
        ],
        steps: &[
            ("Identified the expired certificate", EventKind::Observation),
            ("Issued and installed a new certificate", EventKind::Action),
        ],
    },
    Scenario {
        title: "Nightly backup of {s} silently failing",
        kind: IncidentKind::Technical,
        category: Category::BackupFailure,
        trigger: "A restore test found that {s} backups had been empty for three weeks.",
        factors: &[
            "A credentials change made the backup job write empty archives without an error code.",
            "Backup monitoring checked that a file existed, not its size or content.",
        ],
        impact: "Three weeks of {s} data had no backup; nothing was lost.",
        metric: ("Days without a usable backup", "days"),
        detection: "Found by the quarterly restore test.",
        resolution: "Credentials were fixed, a full backup taken and verified by a restore.",
        went_well: "The quarterly restore test did its job.",
        went_wrong: "Three weeks passed before anyone could tell.",
        lucky: "No data was needed from backup during those weeks.",
        gaps: "Backups are not verified automatically.",
        lessons: "A backup is only proven by a restore.",
        actions: &[
            ("Verify each {s} backup by restoring it automatically", ActionKind::Detect),
            ("Fail the backup job on empty archives", ActionKind::Prevent),
        ],
        steps: &[
            ("Restore test returns an empty database", EventKind::Observation),
            ("Fixed the backup credentials", EventKind::Action),
            ("Took and verified a full backup", EventKind::Action),
        ],
    },
    Scenario {
        title: "Unreviewed access change on {s}",
        kind: IncidentKind::Process,
        category: Category::Security,
        trigger: "An access rule for {s} was widened without the required review.",
        factors: &[
            "The review step was documented but not enforced by the tooling.",
            "An urgent request arrived late on a Friday with no reviewer available.",
        ],
        impact: "For two days, more staff than intended could read {s} reports. No misuse was found.",
        metric: ("Accounts with unintended access", "accounts"),
        detection: "The weekly access report showed an unexpected group.",
        resolution: "The rule was reverted and the access log reviewed.",
        went_well: "The access log made the review quick and complete.",
        went_wrong: "Urgent requests had no clear path that still included a review.",
        lucky: "The reports held no personal data that week.",
        gaps: "Tooling does not require a second approver.",
        lessons: "A rule that relies on memory under time pressure will be skipped.",
        actions: &[
            ("Require a second approver for {s} access changes", ActionKind::Prevent),
            ("Define an urgent-request path with an on-duty reviewer", ActionKind::Process),
        ],
        steps: &[
            ("Security reviewed the access log", EventKind::Action),
            ("Informed the data protection officer", EventKind::Communication),
            ("Reverted the access rule", EventKind::Action),
        ],
    },
    Scenario {
        title: "Launch of the {s} campaign missed its date",
        kind: IncidentKind::Management,
        category: Category::Other,
        trigger: "Final approval of the {s} campaign arrived four days after the launch date.",
        factors: &[
            "The plan had no slack between supplier delivery and approval.",
            "Two teams each believed the other was collecting sign-offs.",
            "Status meetings tracked tasks but not hand-overs.",
        ],
        impact: "The {s} campaign started a week late; one partner promotion was rebooked at extra cost.",
        metric: ("Extra cost", "EUR"),
        detection: "The gap became visible at the weekly status meeting.",
        resolution: "A new date was agreed and partners were told in one coordinated message.",
        went_well: "Partners were informed early and kept their commitments.",
        went_wrong: "Ownership of sign-offs was never written down.",
        lucky: "The print shop had a free slot the following week.",
        gaps: "Plans do not name an owner for each hand-over.",
        lessons: "Hand-overs need an owner as much as tasks do.",
        actions: &[
            ("Name an owner for every hand-over in launch plans", ActionKind::Process),
            ("Add a five-day buffer after supplier deliveries", ActionKind::Prevent),
        ],
        steps: &[
            ("Status meeting notes approval still missing", EventKind::Observation),
            ("Decided to move the launch by one week", EventKind::Decision),
            ("Emailed partners the new date", EventKind::Communication),
        ],
    },
    Scenario {
        title: "Hand-over gap left {s} tickets unanswered",
        kind: IncidentKind::Process,
        category: Category::UnplannedChange,
        trigger: "The {s} support queue moved to a new team without its routing rules.",
        factors: &[
            "The move was announced but the routing rules were in a separate tool nobody listed.",
            "The old team's inbox auto-archived unanswered tickets after 24 hours.",
        ],
        impact: "Customer tickets for {s} went unanswered for up to three days.",
        metric: ("Tickets answered late", "tickets"),
        detection: "A customer complained publicly about waiting three days.",
        resolution: "Routing rules were recreated and every archived ticket was answered.",
        went_well: "The new team cleared the backlog within a day.",
        went_wrong: "The hand-over checklist did not cover routing.",
        lucky: "Few tickets were urgent that week.",
        gaps: "No inventory of tools a queue depends on.",
        lessons: "A hand-over is complete only when the work arrives at the new place.",
        actions: &[
            ("Add routing rules to the queue hand-over checklist", ActionKind::Process),
            ("Alert when a queue gets no tickets for a working day", ActionKind::Detect),
            ("Write down every tool the {s} queue depends on", ActionKind::Documentation),
        ],
        steps: &[
            ("Found the routing rules still pointing at the old team", EventKind::Observation),
            ("Recreated the routing rules", EventKind::Action),
            ("Posted an apology and update for affected customers", EventKind::Communication),
        ],
    },
];

const SERVICES: &[&str] = &[
    "Checkout",
    "Search",
    "Login",
    "Payments",
    "Notifications",
    "Reporting",
    "Inventory",
    "Mobile app",
    "Billing",
    "Customer portal",
];

const PEOPLE: &[&str] = &[
    "Ana Silva",
    "Ben Okafor",
    "Chen Wei",
    "Dana Levi",
    "Elif Kaya",
    "Farid Haddad",
    "Grace Kim",
    "Hugo Martin",
    "Ines Moreau",
    "Jonas Berg",
    "Kai Tanaka",
    "Lena Novak",
];

const TEAMS: &[&str] = &[
    "Platform team",
    "Payments team",
    "Customer support",
    "Security office",
    "Marketing operations",
    "IT service desk",
];

/// `count` sample postmortems added on `today`, the same ones for the same
/// `seed` and day: spread over the year before it, with the action items
/// due before it and not done counted as overdue. Every scenario appears
/// once in each run of as many samples as there are scenarios, in a shuffled
/// order, so a set of samples always shows the whole range of incidents.
pub fn generate_samples(count: usize, seed: u64, today: NaiveDate) -> Vec<Postmortem> {
    let mut rng = SplitMix64::new(seed);
    let mut order: Vec<usize> = Vec::new();
    (0..count)
        .map(|n| {
            if order.is_empty() {
                order = (0..SCENARIOS.len()).collect();
                for i in (1..order.len()).rev() {
                    let j =
                        usize::try_from(rng.range(0, u64::try_from(i).unwrap_or(0))).unwrap_or(0);
                    order.swap(i, j);
                }
            }
            let sc = &SCENARIOS[order.pop().unwrap_or(0)];
            one_sample(&mut rng, sc, n, seed, today)
        })
        .collect()
}

fn fill(text: &str, service: &str) -> String {
    text.replace("{s}", service)
}

fn severity(rng: &mut SplitMix64) -> Severity {
    match rng.range(0, 99) {
        0..=7 => Severity::Sev1,
        8..=29 => Severity::Sev2,
        30..=69 => Severity::Sev3,
        70..=91 => Severity::Sev4,
        _ => Severity::Sev5,
    }
}

fn minutes(n: u64) -> Duration {
    Duration::minutes(i64::try_from(n).unwrap_or(0))
}

fn one_sample(
    rng: &mut SplitMix64,
    sc: &Scenario,
    n: usize,
    seed: u64,
    today: NaiveDate,
) -> Postmortem {
    let service = *rng.pick(SERVICES);
    let f = |t: &str| fill(t, service);

    // When: a day in the year before today, at a realistic hour (in UTC).
    let span = (today - sample_period_start(today).date_naive()).num_days() - WRITE_UP_DAYS;
    let day = rng.range(0, u64::try_from(span).unwrap_or(0));
    let started = sample_period_start(today)
        + Duration::days(i64::try_from(day).unwrap_or(0))
        + Duration::minutes(i64::try_from(rng.range(0, 24 * 60 - 1)).unwrap_or(0));
    let detect_gap = if rng.chance(15) {
        rng.range(60, 600)
    } else {
        rng.range(1, 30)
    };
    let detected = started + minutes(detect_gap);
    let acknowledged = detected + minutes(rng.range(0, 15));
    let mitigated = acknowledged + minutes(rng.range(5, 180));
    let resolved = mitigated + minutes(rng.range(0, 600));
    let mut times = KeyTimes {
        started: Some(started),
        detected: Some(detected),
        acknowledged: Some(acknowledged),
        mitigated: Some(mitigated),
        resolved: Some(resolved),
        extra: Default::default(),
    };
    if rng.chance(15) {
        times.acknowledged = None;
    }
    if rng.chance(10) {
        times.mitigated = None;
    }
    if rng.chance(8) {
        times.resolved = None;
    }

    let written = resolved + Duration::days(i64::try_from(rng.range(1, 5)).unwrap_or(1));
    let id = format!("sample-{:x}-{n}", seed & 0xffff_ffff);
    let mut doc = Postmortem::new(id, written);
    doc.template = (*rng.pick(&BUILTIN_IDS[..5])).to_owned();
    doc.title = f(sc.title);
    doc.incident_date = Some(started.date_naive());
    doc.times = times;

    // People: an owner, a lead and a few others, no one twice.
    let mut people: Vec<&str> = Vec::new();
    let wanted = usize::try_from(rng.range(2, 5)).unwrap_or(2);
    while people.len() < wanted {
        let p = *rng.pick(PEOPLE);
        if !people.contains(&p) {
            people.push(p);
        }
    }
    doc.owner = people.first().copied().unwrap_or_default().to_owned();
    let roles = [
        Role::IncidentLead,
        Role::Responder,
        Role::Scribe,
        Role::Communications,
        Role::SubjectExpert,
    ];
    doc.participants = people
        .iter()
        .enumerate()
        .map(|(i, name)| Participant {
            id: format!("p{}", i + 1),
            name: (*name).to_owned(),
            role: roles.get(i).copied().unwrap_or(Role::Stakeholder),
            extra: Default::default(),
        })
        .collect();
    if rng.chance(50) {
        doc.reviewers.push((*rng.pick(PEOPLE)).to_owned());
    }

    let sev = severity(rng);
    doc.classification = Classification {
        severity: Some(sev),
        kind: Some(sc.kind),
        category: Some(sc.category),
        alert_source: Some(*rng.pick(AlertSource::ALL)),
        reported_to: (*rng.pick(TEAMS)).to_owned(),
        extra: Default::default(),
    };

    let impact_minutes = (mitigated - started).num_minutes().max(1);
    let affected = rng.range(10, 50_000);
    doc.impact = Impact {
        description: f(sc.impact),
        user_visible_minutes: u64::try_from(impact_minutes).ok(),
        customers_affected: Some(affected),
        customers_reported: Some(affected / rng.range(20, 400)),
        functional_severity: match sev {
            Severity::Sev1 => "Complete loss of service",
            Severity::Sev2 => "Major function unavailable",
            Severity::Sev3 => "Partial degradation",
            _ => "Minor inconvenience",
        }
        .to_owned(),
        business_metrics: vec![BusinessMetric {
            id: "m1".into(),
            name: sc.metric.0.to_owned(),
            value: rng.range(3, 20_000).to_string(),
            unit: sc.metric.1.to_owned(),
            extra: Default::default(),
        }],
        data_lost: if sc.category == Category::BackupFailure || rng.chance(85) {
            "None".into()
        } else {
            "Changes made during the last few minutes before the incident".into()
        },
        recovery_point: None,
        // Quarter percents survive a JSON round trip exactly.
        slo_budget_consumed_percent: (sc.kind == IncidentKind::Technical)
            .then(|| rng.range(0, 400) as f64 / 4.0),
        extra: Default::default(),
    };

    doc.timeline = timeline(rng, sc, service, &doc.times, &people);
    doc.summary = format!(
        "{} {} Impact lasted about {} minutes for roughly {} customers. {}",
        f(sc.trigger),
        f(sc.impact),
        impact_minutes,
        affected,
        f(sc.resolution)
    );

    let draft = rng.chance(25);
    let a = &mut doc.analysis;
    a.contributing_factors = sc
        .factors
        .iter()
        .enumerate()
        .map(|(i, t)| ContributingFactor {
            id: format!("cf{}", i + 1),
            text: f(t),
            category: (i == 0).then_some(sc.category),
            evidence: Vec::new(),
            extra: Default::default(),
        })
        .collect();
    a.trigger = f(sc.trigger);
    a.detection = f(sc.detection);
    a.resolution = f(sc.resolution);
    a.went_well = f(sc.went_well);
    a.went_wrong = f(sc.went_wrong);
    if !draft {
        a.got_lucky = f(sc.lucky);
        a.gaps = f(sc.gaps);
        a.lessons = f(sc.lessons);
        a.four_questions = FourQuestions {
            intended: format!("{service} works normally for every customer."),
            actual: f(sc.impact),
            why: f(sc.factors.first().copied().unwrap_or_default()),
            prevention: f(sc.actions.first().map(|x| x.0).unwrap_or_default()),
            extra: Default::default(),
        };
    }
    doc.sections.insert("what_happened".into(), f(sc.trigger));
    doc.sections.insert(
        "why".into(),
        f(sc.factors.first().copied().unwrap_or_default()),
    );
    doc.sections.insert("extent".into(), f(sc.impact));
    doc.sections
        .insert("actions_taken".into(), f(sc.resolution));
    if !draft {
        doc.sections
            .insert("areas_involved".into(), (*rng.pick(TEAMS)).to_owned());
        doc.sections.insert(
            "closure_analysis".into(),
            "Can be closed once the listed actions are done.".into(),
        );
    }

    // Action items: due one to eight weeks after the incident; older ones
    // are more often done; some past their date are still open (overdue).
    let take = if draft { 1 } else { sc.actions.len() };
    doc.action_items = sc
        .actions
        .iter()
        .take(take)
        .enumerate()
        .map(|(i, (title, kind))| {
            let due =
                started.date_naive() + Duration::days(i64::try_from(rng.range(7, 56)).unwrap_or(7));
            let status = if due < today {
                match rng.range(0, 9) {
                    0..=5 => ActionStatus::Done,
                    6 => ActionStatus::WontDo,
                    7 => ActionStatus::InProgress,
                    _ => ActionStatus::Open,
                }
            } else {
                match rng.range(0, 3) {
                    0 => ActionStatus::Done,
                    1 => ActionStatus::InProgress,
                    _ => ActionStatus::Open,
                }
            };
            ActionItem {
                id: format!("ai{}", i + 1),
                title: f(title),
                owner: (*rng.pick(&people)).to_owned(),
                due: (!rng.chance(10)).then_some(due),
                status,
                kind: Some(*kind),
                priority: Some(*rng.pick(Priority::ALL)),
                ticket: if rng.chance(60) {
                    format!("OPS-{}", rng.range(100, 9999))
                } else {
                    String::new()
                },
                needs_discussion: rng.chance(20),
                public: false,
                extra: Default::default(),
            }
        })
        .collect();

    doc.links = vec![Link {
        id: "l1".into(),
        label: format!("{service} dashboard"),
        url: format!(
            "https://dashboards.example.com/{}",
            service.to_lowercase().replace(' ', "-")
        ),
        extra: Default::default(),
    }];
    if rng.chance(60) {
        doc.links.push(Link {
            id: "l2".into(),
            label: "Incident chat thread".into(),
            url: format!(
                "https://chat.example.com/incident-{}",
                rng.range(1000, 9999)
            ),
            extra: Default::default(),
        });
    }

    // Workflow: drafts stay drafts; the rest moved on some steps.
    let steps = if draft { 0 } else { rng.range(1, 4) };
    let mut at = written;
    for s in WorkflowStatus::ALL
        .iter()
        .skip(1)
        .take(usize::try_from(steps).unwrap_or(0))
    {
        at += Duration::hours(i64::try_from(rng.range(2, 72)).unwrap_or(2));
        doc.workflow.status = *s;
        doc.workflow.history.push(StatusChange {
            status: *s,
            by: doc.owner.clone(),
            at,
            extra: Default::default(),
        });
    }
    doc.updated_at = at;
    doc.revision = rng.range(1, 40);
    doc
}

fn timeline(
    rng: &mut SplitMix64,
    sc: &Scenario,
    service: &str,
    t: &KeyTimes,
    people: &[&str],
) -> Vec<TimelineEvent> {
    let mut out: Vec<(Option<DateTime<Utc>>, EventKind, String)> = Vec::new();
    let lead = people.first().copied().unwrap_or("The incident lead");
    if let Some(s) = t.started {
        out.push((
            Some(s),
            EventKind::Observation,
            format!("First signs of trouble on {service}"),
        ));
    }
    if let Some(d) = t.detected {
        out.push((Some(d), EventKind::Observation, fill(sc.detection, service)));
    }
    if let Some(a) = t.acknowledged {
        out.push((
            Some(a),
            EventKind::Action,
            format!("{lead} takes the incident lead role"),
        ));
    }
    // Steps spread between acknowledgement (or detection) and mitigation.
    let from = t.acknowledged.or(t.detected);
    let to = t.mitigated.or(t.resolved);
    for (i, (text, kind)) in sc.steps.iter().enumerate() {
        let at = match (from, to) {
            (Some(a), Some(b)) if b > a => {
                let span = (b - a).num_minutes().max(1);
                let share = span * i64::try_from(i + 1).unwrap_or(1)
                    / i64::try_from(sc.steps.len() + 1).unwrap_or(1);
                Some(a + Duration::minutes(share))
            }
            _ => None,
        };
        out.push((at, *kind, fill(text, service)));
    }
    if let Some(m) = t.mitigated {
        out.push((Some(m), EventKind::StatusChange, "Impact mitigated".into()));
    }
    if let Some(r) = t.resolved {
        out.push((Some(r), EventKind::StatusChange, "Incident resolved".into()));
    }
    if rng.chance(30) {
        out.push((
            None,
            EventKind::Unknown,
            "Not known at the time: whether other services were affected".into(),
        ));
    }
    out.into_iter()
        .enumerate()
        .map(|(i, (at, kind, text))| TimelineEvent {
            id: format!("ev{}", i + 1),
            at,
            kind,
            text,
            starred: rng.chance(30),
            extra: Default::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::followup::follow_up;
    use crate::ids::is_valid_id;
    use crate::metrics::{check_times, durations};
    use crate::restore::restore;
    use std::collections::BTreeSet;

    /// The day the samples of these tests are added.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    #[test]
    fn samples_fall_in_the_year_before_the_day_they_are_added() {
        for day in [(2026, 11, 20), (2031, 3, 1), (2024, 2, 29)] {
            let today = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
            let docs = generate_samples(80, 11, today);
            let (first, _) = crate::review::default_range(today);
            let mut overdue = 0;
            for d in &docs {
                let date = d.incident_date.unwrap();
                assert!(date >= first && date < today, "{date} for {today}");
                assert!(d.updated_at.date_naive() <= today, "{}", d.id);
                for h in &d.workflow.history {
                    assert!(h.at.date_naive() <= today, "{} {}", d.id, h.at);
                }
                overdue += follow_up(d, today).overdue;
            }
            assert!(overdue > 0, "some items are overdue on {today}");
            // The review's default view, the twelve months up to today,
            // shows every sample.
            let t = crate::review::trends(docs.iter(), first, today);
            assert_eq!(t.total(), docs.len(), "{today}");
        }
    }

    #[test]
    fn every_scenario_is_in_every_set_of_samples() {
        for seed in 0..200 {
            let docs = generate_samples(SCENARIOS.len() * 3, seed, today());
            for sc in SCENARIOS {
                let (before, after) = sc.title.split_once("{s}").unwrap_or((sc.title, ""));
                let n = docs
                    .iter()
                    .filter(|d| d.title.starts_with(before) && d.title.ends_with(after))
                    .count();
                assert_eq!(n, 3, "seed {seed}: {:?} appears {n} times", sc.title);
            }
        }
    }

    #[test]
    fn the_generator_is_deterministic() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        // A fixed value, so a change in the generator does not go unnoticed.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(
            generate_samples(20, 42, today()),
            generate_samples(20, 42, today())
        );
        assert_ne!(
            generate_samples(5, 1, today()),
            generate_samples(5, 2, today())
        );
        assert!(generate_samples(0, 1, today()).is_empty());
        // A longer run extends a shorter one.
        assert_eq!(
            generate_samples(3, 9, today())[..],
            generate_samples(6, 9, today())[..3]
        );
    }

    #[test]
    fn every_sample_survives_a_save_and_restore() {
        for doc in generate_samples(60, 2026, today()) {
            assert!(is_valid_id(&doc.id), "{}", doc.id);
            let raw = serde_json::to_string(&doc).unwrap();
            assert_eq!(restore(&raw).as_ref(), Ok(&doc), "{}", doc.id);
        }
    }

    #[test]
    fn samples_are_varied_and_realistic() {
        let docs = generate_samples(200, 5, today());
        let ids: BTreeSet<_> = docs.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids.len(), docs.len());
        let distinct =
            |f: &dyn Fn(&Postmortem) -> String| docs.iter().map(f).collect::<BTreeSet<_>>().len();
        assert!(distinct(&|d| format!("{:?}", d.classification.severity)) >= 4);
        assert!(distinct(&|d| format!("{:?}", d.classification.category)) >= 6);
        assert!(distinct(&|d| d.template.clone()) == 5);
        assert!(distinct(&|d| d.title.clone()) >= 40);
        assert!(
            distinct(&|d| format!(
                "{:?}",
                d.incident_date.map(|x| x.format("%Y-%m").to_string())
            )) >= 11
        );
        assert!(distinct(&|d| format!("{:?}", d.workflow.status)) >= 4);
        let mut some_missing = 0;
        let mut overdue = 0;
        for d in &docs {
            assert!(check_times(&d.times).is_empty(), "{}", d.id);
            assert!(durations(&d.times).iter().all(|m| !matches!(
                m.value,
                Err(crate::metrics::MetricProblem::Contradiction(_))
            )));
            if d.times.acknowledged.is_none()
                || d.times.mitigated.is_none()
                || d.times.resolved.is_none()
            {
                some_missing += 1;
            }
            overdue += follow_up(d, today()).overdue;
            assert!(!d.timeline.is_empty());
            assert!(d.action_items.iter().all(|a| !a.owner.is_empty()));
            assert!(crate::metrics::timeline_warnings(d).is_empty(), "{}", d.id);
        }
        assert!(some_missing > 10, "{some_missing}");
        assert!(overdue > 5, "{overdue}");
    }
}
