//! The review meeting's agenda for one postmortem: action items flagged
//! "needs discussion", timeline events the team did not understand at the
//! time, and contributing factors written as questions.

use crate::model::{EventKind, Postmortem};

/// Why an entry is on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaKind {
    /// An action item flagged "needs discussion".
    Action,
    /// A timeline event of kind "not known at the time".
    Unknown,
    /// A contributing factor that is still a question (contains "?").
    OpenFactor,
}

impl AgendaKind {
    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Action => "Action to discuss",
            AgendaKind::Unknown => "Not known at the time",
            AgendaKind::OpenFactor => "Open question",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub text: String,
}

/// The agenda entries, actions first, then open questions in document order.
pub fn meeting_agenda(doc: &Postmortem) -> Vec<AgendaItem> {
    let mut out = Vec::new();
    for a in &doc.action_items {
        if a.needs_discussion {
            let mut text = non_empty(&a.title, "Untitled action");
            if !a.owner.trim().is_empty() {
                text.push_str(&format!(" (owner: {})", a.owner.trim()));
            }
            out.push(AgendaItem {
                kind: AgendaKind::Action,
                text,
            });
        }
    }
    for e in &doc.timeline {
        if e.kind == EventKind::Unknown {
            let when =
                e.at.map(|t| format!("{} UTC: ", t.format("%Y-%m-%d %H:%M")))
                    .unwrap_or_default();
            out.push(AgendaItem {
                kind: AgendaKind::Unknown,
                text: format!("{when}{}", non_empty(&e.text, "(no description)")),
            });
        }
    }
    for f in &doc.analysis.contributing_factors {
        if f.text.contains('?') {
            out.push(AgendaItem {
                kind: AgendaKind::OpenFactor,
                text: f.text.trim().to_owned(),
            });
        }
    }
    out
}

fn non_empty(s: &str, fallback: &str) -> String {
    let t = s.trim();
    if t.is_empty() { fallback } else { t }.to_owned()
}

/// The agenda as plain text for pasting into a chat or an invitation.
pub fn agenda_text(doc: &Postmortem) -> String {
    let items = meeting_agenda(doc);
    let mut out = format!("Review meeting: {}\n", doc.display_title());
    if items.is_empty() {
        out.push_str("Nothing flagged for discussion.\n");
    }
    for (i, item) in items.iter().enumerate() {
        out.push_str(&format!(
            "{}. [{}] {}\n",
            i + 1,
            item.kind.label(),
            item.text
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, ContributingFactor, TimelineEvent};
    use chrono::{TimeZone, Utc};

    fn doc() -> Postmortem {
        let mut d = Postmortem::new(
            "pm1".into(),
            Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap(),
        );
        d.title = "Checkout errors".into();
        d
    }

    #[test]
    fn flagged_actions_and_open_questions_make_the_agenda() {
        let mut d = doc();
        d.action_items.push(ActionItem {
            id: "a1".into(),
            title: "Add a canary stage".into(),
            owner: "Sam".into(),
            due: None,
            status: Default::default(),
            kind: None,
            priority: None,
            ticket: String::new(),
            needs_discussion: true,
            public: false,
            extra: Default::default(),
        });
        let mut quiet = d.action_items[0].clone();
        quiet.id = "a2".into();
        quiet.needs_discussion = false;
        d.action_items.push(quiet);
        d.timeline.push(TimelineEvent {
            id: "e1".into(),
            at: Some(Utc.with_ymd_and_hms(2026, 11, 20, 14, 2, 0).unwrap()),
            kind: EventKind::Unknown,
            text: "Cache hit rate dropped".into(),
            starred: false,
            extra: Default::default(),
        });
        d.analysis.contributing_factors.push(ContributingFactor {
            id: "c1".into(),
            text: "Why did the retry storm start?".into(),
            category: None,
            evidence: vec![],
            extra: Default::default(),
        });
        let items = meeting_agenda(&d);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].text, "Add a canary stage (owner: Sam)");
        assert_eq!(
            items[1].text,
            "2026-11-20 14:02 UTC: Cache hit rate dropped"
        );
        assert_eq!(items[2].kind, AgendaKind::OpenFactor);
        let text = agenda_text(&d);
        assert!(text.starts_with("Review meeting: Checkout errors\n1. [Action to discuss]"));
    }

    #[test]
    fn an_empty_agenda_says_so() {
        assert!(agenda_text(&doc()).contains("Nothing flagged for discussion."));
    }
}
