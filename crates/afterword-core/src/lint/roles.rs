//! People named by what they do or where they work: "the on-call", "our
//! DBA", "the new release manager", "the platform team", "QA", "Finance",
//! "ops". Also the ordinary capitalised words that are never names, so a
//! sentence that starts "Yesterday's deploy…" does not read as a person.

use super::tokens::{in_list, Doc, WordSet};

/// Nouns for people by what they do.
const ROLES: &[&str] = &[
    "keeper",
    "keepers",
    "stationmaster",
    "affineur",
    "affineurs",
    "verger",
    "registrar",
    "registrars",
    "curator",
    "curators",
    "msp",
    "msps",
    "concierge",
    "chef",
    "chefs",
    "cook",
    "cooks",
    "surveyor",
    "surveyors",
    "lecturer",
    "lecturers",
    "tutor",
    "tutors",
    "veterinarian",
    "veterinarians",
    "plumber",
    "plumbers",
    "welder",
    "welders",
    "director",
    "directors",
    "ranger",
    "rangers",
    "instructor",
    "instructors",
    "conductor",
    "conductors",
    "marshal",
    "marshals",
    "rigger",
    "riggers",
    "driller",
    "drillers",
    "brewer",
    "brewers",
    "skipper",
    "skippers",
    "deckhand",
    "deckhands",
    "croupier",
    "croupiers",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "presenter",
    "presenters",
    "moderator",
    "moderators",
    "solicitor",
    "solicitors",
    "paralegal",
    "paralegals",
    "bailiff",
    "bailiffs",
    "usher",
    "ushers",
    "harbourmaster",
    "harbormaster",
    "master",
    "locum",
    "locums",
    "stevedore",
    "stevedores",
    "editor",
    "editors",
    "room",
    "controller",
    "controllers",
    "agency",
    "agencies",
    "supplier",
    "suppliers",
    "subcontractor",
    "subcontractors",
    "integrator",
    "dispatcher",
    "dispatchers",
    "on-call",
    "oncall",
    "on-caller",
    "oncaller",
    "on-callers",
    "dba",
    "dbas",
    "qa",
    "ops",
    "devops",
    "sre",
    "sres",
    "engineer",
    "captain",
    "signaller",
    "signallers",
    "liaison",
    "pickers",
    "captains",
    "designer",
    "designers",
    "engineers",
    "developer",
    "developers",
    "dev",
    "devs",
    "programmer",
    "programmers",
    "operator",
    "operators",
    "technician",
    "technicians",
    "tech",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "sysadmin",
    "sysadmins",
    "intern",
    "interns",
    "contractor",
    "contractors",
    "consultant",
    "consultants",
    "vendor",
    "reviewer",
    "reviewers",
    "approver",
    "approvers",
    "responder",
    "responders",
    "tester",
    "testers",
    "manager",
    "managers",
    "commander",
    "team",
    "teams",
    "squad",
    "staff",
    "employee",
    "employees",
    "lead",
    "leads",
    "owner",
    "deployer",
    "author",
    "helpdesk",
    "architect",
    "architects",
    "analyst",
    "agent",
    "agents",
    "hire",
    "hires",
    "junior",
    "newbie",
    "colleague",
    "colleagues",
    "coworker",
    "teammate",
    "person",
    "people",
    "guy",
    "guys",
    "folks",
    "shift",
    "crew",
    "department",
    "dept",
    "maintainer",
    "maintainers",
    "specialist",
    "supervisor",
    "coordinator",
    "scribe",
    "human",
    "humans",
    "noc",
    "soc",
    // People by their trade, in the many places incidents happen.
    "desk",
    "analysts",
    "coordinators",
    "planner",
    "planners",
    "clerk",
    "clerks",
    "nurse",
    "nurses",
    "pharmacist",
    "pharmacists",
    "porter",
    "porters",
    "cashier",
    "cashiers",
    "receptionist",
    "receptionists",
    "supervisors",
    "officer",
    "officers",
    "purser",
    "pursers",
    "courier",
    "couriers",
    "picker",
    "keyholder",
    "caretaker",
    "janitor",
    "teacher",
    "teachers",
    "doctor",
    "doctors",
    "surgeon",
    "surgeons",
    "physician",
    "physicians",
    "paramedic",
    "paramedics",
    "midwife",
    "midwives",
    "radiographer",
    "radiographers",
    "guard",
    "guards",
    "storekeeper",
    "attendant",
    "attendants",
    "steward",
    "stewards",
    "accountant",
    "accountants",
    "bookkeeper",
    "auditor",
    "auditors",
    "underwriter",
    "underwriters",
    "teller",
    "tellers",
    "librarian",
    "electrician",
    "electricians",
    "fitter",
    "fitters",
    "mechanic",
    "mechanics",
    "inspector",
    "inspectors",
    "foreman",
    "warden",
    "wardens",
    "trainee",
    "trainees",
    "apprentice",
    "apprentices",
];

/// Roles that name a person or team without a determiner: "QA let it
/// through", "ops misconfigured production".
const BARE_ROLES: &[&str] = &[
    "qa",
    "ops",
    "devops",
    "sre",
    "sres",
    "dba",
    "dbas",
    "engineers",
    "developers",
    "devs",
    "operators",
    "admins",
    "sysadmins",
    "testers",
    "reviewers",
    "responders",
    "staff",
    "infra",
    "it",
    "humans",
    "contractors",
    "interns",
    "noc",
    "soc",
];

/// Departments named alone, capitalised: "Finance failed to send it",
/// "Networking cut off Frankfurt".
const DEPARTMENTS: &[&str] = &[
    "comms",
    "payroll",
    "operations",
    "networking",
    "network",
    "security",
    "support",
    "finance",
    "legal",
    "marketing",
    "sales",
    "hr",
    "it",
    "infra",
    "infrastructure",
    "engineering",
    "procurement",
    "facilities",
    "accounting",
    "compliance",
    "management",
    "leadership",
    "product",
    "design",
    "platform",
    "release",
];

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "their",
    "your",
    "my",
    "his",
    "her",
    "this",
    "that",
    "one",
    "another",
    "some",
    "every",
    "each",
    "any",
    "whichever",
];

/// Words that cannot sit between a determiner and a role noun.
const NOT_MODIFIERS: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "and", "or", "but", "to", "of", "by", "for",
    "with", "from", "in", "on", "at", "that", "which", "who", "it", "be", "been", "not", "did",
    "does", "do", "will", "would", "should", "could", "can",
];

/// Nouns that make "the X team" or "the X engineer" a system instead:
/// "the deploy pipeline", "the cron job".
const NOT_A_PERSON_AFTER: &[&str] = &[
    "patch",
    "patches",
    "maintenance",
    "update",
    "updates",
    "firmware",
    "window",
    "software",
    "bot",
    "bots",
    "script",
    "job",
    "tool",
    "account",
    "accounts",
    "process",
    "pipeline",
    "service",
    // "Support macros", "the finance dashboard", "the ops channel".
    "macro",
    "macros",
    "queue",
    "queues",
    "inbox",
    "mailbox",
    "portal",
    "dashboard",
    "channel",
    "tickets",
    "templates",
    "policy",
    "policies",
    "budget",
    "system",
    "systems",
    "tools",
    // "the on-call rotation had a quiet afternoon", "the QA checklist".
    "rotation",
    "rotations",
    "rota",
    "schedule",
    "schedules",
    "roster",
    "runbook",
    "runbooks",
    "handbook",
    "checklist",
    "calendar",
    "wiki",
];

/// Organisations whose people are named by role: "the vendor's engineer".
const OWNERS: &[&str] = &[
    "vendor",
    "partner",
    "customer",
    "client",
    "supplier",
    "provider",
    "carrier",
    "agency",
    "company",
    "contractor",
    "subcontractor",
    "landlord",
];

pub(crate) fn is_role_word(w: &str) -> bool {
    // Asked for nearly every word of a text.
    static ALL: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    ALL.get_or_init(|| WordSet::new(&[ROLES, DEPARTMENTS]))
        .contains(w)
}

/// Where a role mention ending at `end` starts: at its determiner, or at
/// the role itself when the role stands alone ("QA", "ops", "Finance").
pub(crate) fn role_ending_at(doc: &Doc, end: usize) -> Option<usize> {
    if machine_role(doc, end) {
        return None;
    }
    let full = doc.word(end)?;
    let word = super::people::strip_possessive(full);
    // "the deploy bot" is a system; "the DBA's script" is the DBA's work.
    if doc.is_any(end + 1, NOT_A_PERSON_AFTER) && word == full {
        return None;
    }
    let raw = doc.slice(end, end);
    if in_list(word, DEPARTMENTS)
        && !in_list(word, ROLES)
        && !in_list(word, BARE_ROLES)
        && doc.tokens[end].capitalised
    {
        // A department alone, or "the Security team" style (handled below
        // when "team" follows).
        let before = end.checked_sub(1).and_then(|p| doc.word(p));
        if before.is_none_or(|b| !in_list(b, DETERMINERS)) {
            return Some(end);
        }
        return None;
    }
    if word == "it" {
        // "IT" the department, never "it" the pronoun.
        return (raw == "IT" || raw == "IT's").then_some(end);
    }
    if !in_list(word, ROLES) && !in_list(word, BARE_ROLES) {
        return None;
    }
    let mut j = end;
    // Modifiers, then a determiner: "the new on-call engineer".
    for _ in 0..4 {
        if j == 0 {
            break;
        }
        let Some(w) = doc.word(j - 1) else { break };
        if in_list(w, DETERMINERS) {
            return Some(j - 1);
        }
        if w.ends_with("'s") {
            // "our vendor's engineer", "the customer's admin": a person who
            // belongs to someone else is still a person.
            let owner = super::people::strip_possessive(w);
            if !is_role_word(owner) && !in_list(owner, OWNERS) {
                break;
            }
            if j >= 2 && doc.word(j - 2).is_some_and(|d| in_list(d, DETERMINERS)) {
                return Some(j - 2);
            }
            return Some(j - 1);
        }
        if in_list(w, NOT_MODIFIERS) {
            break;
        }
        j -= 1;
    }
    if in_list(word, BARE_ROLES) || headline_role(doc, end) {
        return Some(end);
    }
    // "Platform team", "Infra engineers": a capitalised modifier.
    if end > 0 && doc.word(end - 1).is_some() && doc.tokens[end - 1].capitalised {
        return Some(end - 1);
    }
    None
}

/// Role nouns that software uses too: "the Postgres operator", "the
/// replication agent", "a build runner".
const MACHINE_ROLES: &[&str] = &[
    "master",
    "editor",
    "editors",
    "room",
    "dispatcher",
    "dispatchers",
    "operator",
    "operators",
    "agent",
    "agents",
    "controller",
    "worker",
    "workers",
    "runner",
    "runners",
];

/// Words before one of [`MACHINE_ROLES`] that make it software.
const MACHINE_MODIFIERS: &[&str] = &[
    "replication",
    "monitoring",
    "build",
    "backup",
    "deploy",
    "deployment",
    "sync",
    "logging",
    "metrics",
    "kubernetes",
    "k8s",
    "database",
    "ssh",
    "proxy",
    "ci",
    "sidecar",
    "cluster",
    "node",
    "relay",
    "update",
    "dns",
    "telemetry",
    "collector",
    "background",
    "queue",
    "job",
    "cron",
    "celery",
    "sidekiq",
    "gitlab",
    "github",
    "release",
    "migration",
    "storage",
    "ingest",
    "event",
    "events",
    "request",
    "message",
    "task",
    "http",
    "async",
    "thread",
    "webhook",
    "notification",
    "signal",
];

/// Role nouns that name people only after one of the words given: "the
/// harbour master" (but "master" alone is a branch or a primary), "the duty
/// editor" (but "the editor crashed"), "the control room" (but "the server
/// room").
const PEOPLE_ONLY_AFTER: &[(&str, &[&str])] = &[
    ("master", MASTERS),
    ("editor", EDITORS),
    ("editors", EDITORS),
    (
        "room",
        &[
            "control",
            "ops",
            "operations",
            "dispatch",
            "incident",
            "war",
            "situation",
        ],
    ),
];

const MASTERS: &[&str] = &[
    "harbour", "harbor", "station", "yard", "dock", "port", "quarter", "ship's", "head", "brew",
    "scrum", "toast", "house", "ring",
];

const EDITORS: &[&str] = &[
    "duty",
    "night",
    "news",
    "copy",
    "managing",
    "sub",
    "desk",
    "picture",
    "senior",
    "deputy",
    "section",
    "sports",
    "features",
    "web",
    "weekend",
    "day",
    "home",
    "foreign",
    "digital",
    "commissioning",
    "production",
];

/// Whether the role noun at `j` is software rather than a person.
fn machine_role(doc: &Doc, j: usize) -> bool {
    let base = doc.word(j).map(super::people::strip_possessive);
    if !base.is_some_and(|w| in_list(w, MACHINE_ROLES)) || j == 0 {
        return false;
    }
    if let Some((_, human)) = PEOPLE_ONLY_AFTER.iter().find(|(w, _)| base == Some(*w)) {
        return !doc.is_any(j - 1, human);
    }
    // "the controller on sector 7", "the trainee controller": a person;
    // "the pump controller", "the ingress controller": a device or a
    // program, named by what it controls.
    if matches!(base, Some("controller" | "controllers")) {
        // "the pump overshot its setpoint and the controller ignored the
        // alarm", "the controller cleared its allocations": a device.
        let near = (j.saturating_sub(12)..(j + 12).min(doc.len())).any(|k| {
            doc.is_any(
                k,
                &[
                    "its",
                    "firmware",
                    "setpoint",
                    "pump",
                    "plc",
                    "sensor",
                    "sensors",
                    "valve",
                    "hardware",
                    "rebooted",
                    "faulted",
                    "allocations",
                    "overshot",
                ],
            )
        });
        return near
            || !(doc.is_any(j - 1, DETERMINERS)
                || doc.is_any(
                    j - 1,
                    &[
                        "trainee",
                        "night",
                        "day",
                        "duty",
                        "shift",
                        "senior",
                        "junior",
                        "lead",
                        "air",
                        "traffic",
                        "tower",
                        "approach",
                        "area",
                        "sector",
                        "rail",
                        "relief",
                        "new",
                        "on-duty",
                        "both",
                        "two",
                        "other",
                        "financial",
                        "project",
                    ],
                ));
    }
    // "the cert-manager operator": a hyphenated tool name before it.
    doc.is_any(j - 1, MACHINE_MODIFIERS)
        || doc.word(j - 1).is_some_and(|w| {
            w.split_once('-').is_some_and(|(head, tail)| {
                super::systems::is_system(head)
                    || matches!(
                        tail,
                        "manager"
                            | "controller"
                            | "proxy"
                            | "server"
                            | "exporter"
                            | "scheduler"
                            | "mesh"
                            | "ingress"
                            | "sync"
                            | "db"
                            | "operator"
                    )
            })
        })
        || doc.tokens[j - 1].kind == super::tokens::Kind::Code
        || doc.tokens[j - 1].capitalised
            && !doc.tokens[j - 1].sentence_start
            && doc.word(j - 1).is_some_and(|w| !is_role_word(w))
}

/// A role written alone at the start of a line or cell, as in a table or a
/// terse timeline: "Engineer ran the wrong playbook", "On-call restarted
/// the primary", "Dev's PR deleted the VPC".
fn headline_role(doc: &Doc, start: usize) -> bool {
    let t = doc.tokens[start];
    let Some(word) = doc.word(start) else {
        return false;
    };
    let base = super::people::strip_possessive(word);
    if !(t.capitalised
        && (t.sentence_start || super::rules::person_as_cause::after_clock(doc, start)))
    {
        return false;
    }
    if in_list(base, ROLES) {
        // "Contractor forgets to re-enable the job", in a timeline's
        // present tense.
        return base != word
            || super::people::past_verb(doc, start + 1)
            || doc.is_any(
                start + 1,
                &[
                    "forgets", "ignores", "skips", "deletes", "drops", "pushes", "deploys",
                    "misses",
                ],
            );
    }
    // "Merchandising analyst uploaded the file", "Night-shift operator
    // restarted the broker": one modifier, then the role and its act.
    // "Data engineering team pushed an untested change": two.
    (1..=2).any(|m| {
        super::people::past_verb(doc, start + m + 1)
            && doc.word(start + m).is_some_and(|next| {
                in_list(next, ROLES)
                    && !machine_role(doc, start + m)
                    && (m == 1 || doc.word(start + 1).is_some_and(|w| !in_list(w, ROLES)))
                    && !super::systems::is_system(base)
                    && !in_list(word, DETERMINERS)
            })
    })
}

/// The last token of a role mention that starts at `start`: "the on-call
/// engineer", "QA", "the DBA's oversight".
pub(crate) fn role_starting_at(doc: &Doc, start: usize) -> Option<usize> {
    let word = doc.word(start)?;
    if word == "it" && !matches!(doc.slice(start, start), "IT" | "IT's") {
        // "it" the pronoun, never "IT" the department.
        return None;
    }
    let mut i = start;
    if in_list(word, DETERMINERS) {
        i += 1;
    } else if matches!(word, "human" | "humans" | "people" | "someone" | "somebody") {
        // "human operators", "someone on the team".
    } else if !(in_list(super::people::strip_possessive(word), BARE_ROLES)
        || in_list(word, DEPARTMENTS) && doc.tokens[start].capitalised
        || headline_role(doc, start))
    {
        return None;
    }
    // Up to three words: modifiers, then the role noun (possibly
    // possessive: "the on-call engineer's").
    let mut found = None;
    for j in i..(i + 4).min(doc.len()) {
        let Some(w) = doc.word(j) else { break };
        let base = super::people::strip_possessive(w);
        // "the response card beside it": the pronoun, not IT.
        if base == "it" && !matches!(doc.slice(j, j), "IT" | "IT's") {
            break;
        }
        // "the best legal solution": "legal" describes the thing unless
        // the team acts or is named as one.
        if base == "legal"
            && doc.word(j + 1).is_some_and(|next| {
                !(matches!(
                    next,
                    "team"
                        | "teams"
                        | "department"
                        | "counsel"
                        | "said"
                        | "says"
                        | "asked"
                        | "approved"
                        | "reviewed"
                        | "signed"
                        | "was"
                        | "is"
                        | "has"
                        | "had"
                        | "were"
                        | "are"
                ) || super::people::past_verb(doc, j + 1))
            })
        {
            break;
        }
        // After a determiner, a department is a team only when it is one
        // of people ("the management"): "the release", "the platform" and
        // "the network" are systems, unless "team" or a role follows.
        let thing = j > start
            && in_list(base, DEPARTMENTS)
            && !in_list(base, ROLES)
            && !matches!(base, "management" | "leadership" | "hr" | "legal" | "it");
        if thing {
            continue;
        }
        if is_role_word(base) && !(in_list(base, DEPARTMENTS) && doc.is(j + 1, "team")) {
            // "the support macros" are a thing; "the HR systems analyst" is
            // a person, named by the role at the end.
            if doc.is_any(j + 1, NOT_A_PERSON_AFTER)
                && !(j + 2..(j + 4).min(doc.len()))
                    .any(|k| doc.word(k).is_some_and(|w| in_list(w, ROLES)))
                || machine_role(doc, j)
            {
                return None;
            }
            if doc.is_any(j + 1, NOT_A_PERSON_AFTER) {
                continue;
            }
            found = Some(j);
            if w.ends_with('\'') || w.ends_with("'s") {
                if !doc.is_any(j + 1, super::people::PERSONAL_NOUNS) {
                    return None;
                }
                found = Some(j + 1);
                break;
            }
        } else if found.is_some() || in_list(w, NOT_MODIFIERS) {
            break;
        }
    }
    found
}

/// Capitalised words at the start of a sentence that are ordinary words,
/// never names.
const COMMON: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "action",
    "actions",
    "add",
    "after",
    "afterwards",
    "again",
    "against",
    "alert",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anyway",
    "api",
    "apparently",
    "are",
    "around",
    "as",
    "ask",
    "at",
    "automate",
    "back",
    "backup",
    "backups",
    "bad",
    "basically",
    "because",
    "before",
    "being",
    "below",
    "besides",
    "between",
    "big",
    "billing",
    "block",
    "both",
    "but",
    "by",
    "cache",
    "can",
    "category",
    "cause",
    "causes",
    "certainly",
    "check",
    "checkout",
    "clearly",
    "config",
    "confirm",
    "could",
    "currently",
    "customers",
    "data",
    "database",
    "date",
    "deploy",
    "despite",
    "detected",
    "detection",
    "did",
    "disk",
    "dns",
    "do",
    "document",
    "does",
    "done",
    "down",
    "duration",
    "during",
    "each",
    "earlier",
    "early",
    "either",
    "else",
    "email",
    "ensure",
    "error",
    "errors",
    "even",
    "eventually",
    "every",
    "everyone",
    "everything",
    "except",
    "few",
    "finally",
    "first",
    "fix",
    "fixes",
    "for",
    "frankly",
    "from",
    "further",
    "gap",
    "gaps",
    "given",
    "goal",
    "going",
    "good",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hindsight",
    "his",
    "honestly",
    "how",
    "however",
    "i",
    "if",
    "impact",
    "in",
    "incident",
    "including",
    "initially",
    "instead",
    "into",
    "investigate",
    "is",
    "it",
    "its",
    "just",
    "keep",
    "kind",
    "last",
    "latency",
    "later",
    "lead",
    "least",
    "less",
    "lesson",
    "lessons",
    "let",
    "like",
    "link",
    "login",
    "looking",
    "luckily",
    "mail",
    "make",
    "many",
    "may",
    "maybe",
    "meanwhile",
    "memory",
    "might",
    "migrate",
    "monitor",
    "more",
    "moreover",
    "most",
    "move",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "neither",
    "network",
    "never",
    "new",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "note",
    "notes",
    "nothing",
    "now",
    "obviously",
    "of",
    "off",
    "often",
    "old",
    "on",
    "once",
    "one",
    "only",
    "or",
    "orders",
    "other",
    "others",
    "otherwise",
    "our",
    "out",
    "outage",
    "over",
    "overall",
    "owner",
    "page",
    "participants",
    "payments",
    "per",
    "perhaps",
    "please",
    "previously",
    "queue",
    "reduce",
    "remove",
    "replace",
    "require",
    "resolution",
    "responders",
    "restore",
    "result",
    "results",
    "review",
    "rollback",
    "root",
    "rotate",
    "run",
    "sadly",
    "schedule",
    "scribe",
    "search",
    "see",
    "server",
    "servers",
    "service",
    "services",
    "set",
    "severity",
    "show",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "sorry",
    "special",
    "start",
    "status",
    "step",
    "steps",
    "still",
    "stop",
    "storage",
    "such",
    "summary",
    "surely",
    "tell",
    "test",
    "than",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "timeline",
    "to",
    "today",
    "together",
    "tomorrow",
    "tonight",
    "too",
    "track",
    "traffic",
    "trigger",
    "turn",
    "two",
    "type",
    "ultimately",
    "under",
    "unfortunately",
    "unless",
    "until",
    "up",
    "update",
    "updates",
    "upgrade",
    "uploads",
    "upon",
    "us",
    "use",
    "users",
    "usually",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "whichever",
    "while",
    "who",
    "whoever",
    "whole",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "write",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

pub(crate) fn is_common_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(&[COMMON])).contains(w)
}

#[cfg(test)]
mod tests {
    use super::role_starting_at;
    use crate::lint::markdown::Piece;
    use crate::lint::tokens::Doc;

    #[test]
    fn common_words_are_sorted_for_lookup() {
        assert!(super::COMMON.windows(2).all(|w| w[0] < w[1]));
    }

    fn role_at_start(text: &str) -> Option<String> {
        let doc = Doc::new(
            text,
            &[Piece::Prose {
                start: 0,
                end: text.len(),
            }],
        );
        role_starting_at(&doc, 0).map(|e| doc.slice(0, e).to_string())
    }

    #[test]
    fn teams_and_roles_but_not_things_named_like_departments() {
        assert_eq!(
            role_at_start("the platform team broke it").as_deref(),
            Some("the platform team")
        );
        assert_eq!(
            role_at_start("the network engineer ran it").as_deref(),
            Some("the network engineer")
        );
        assert_eq!(
            role_at_start("the management decided").as_deref(),
            Some("the management")
        );
        assert_eq!(
            role_at_start("IT locked the accounts").as_deref(),
            Some("IT")
        );
        assert_eq!(role_at_start("the new release broke export"), None);
        assert_eq!(role_at_start("the platform was down"), None);
        assert_eq!(role_at_start("it crashed"), None);
        assert_eq!(
            role_at_start("the Postgres operator failed to reconcile"),
            None
        );
        assert_eq!(
            role_at_start("the replication agent failed to resume"),
            None
        );
        assert_eq!(
            role_at_start("the night operator failed to page").as_deref(),
            Some("the night operator")
        );
        assert_eq!(
            role_at_start("the on-call rotation had a quiet afternoon"),
            None
        );
        assert_eq!(role_at_start("the QA checklist was out of date"), None);
        assert_eq!(
            role_at_start("the on-call engineer missed the page").as_deref(),
            Some("the on-call engineer")
        );
    }
}
