//! Constructors for the rows of a postmortem, so code that makes an event,
//! an action item or a factor names what it sets and takes the defaults for
//! the rest (a member added to a row is then added here, once).

use chrono::{DateTime, NaiveDate, Utc};

use super::*;

impl TimelineEvent {
    /// An observation, not starred.
    pub fn new(id: impl Into<Id>, at: Option<DateTime<Utc>>, text: impl Into<String>) -> Self {
        TimelineEvent {
            id: id.into(),
            at,
            kind: EventKind::default(),
            text: text.into(),
            starred: false,
            extra: Default::default(),
        }
    }

    pub fn with_kind(mut self, kind: EventKind) -> Self {
        self.kind = kind;
        self
    }

    /// Shown in the report's short timeline.
    pub fn starred(mut self) -> Self {
        self.starred = true;
        self
    }
}

impl ActionItem {
    /// An open item with no owner, date, kind, priority or ticket.
    pub fn new(id: impl Into<Id>, title: impl Into<String>) -> Self {
        ActionItem {
            id: id.into(),
            title: title.into(),
            owner: String::new(),
            due: None,
            status: ActionStatus::default(),
            kind: None,
            priority: None,
            ticket: String::new(),
            needs_discussion: false,
            public: false,
            extra: Default::default(),
        }
    }

    pub fn with_owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = owner.into();
        self
    }

    pub fn with_due(mut self, due: Option<NaiveDate>) -> Self {
        self.due = due;
        self
    }

    pub fn with_status(mut self, status: ActionStatus) -> Self {
        self.status = status;
        self
    }

    pub fn with_kind(mut self, kind: ActionKind) -> Self {
        self.kind = Some(kind);
        self
    }

    pub fn with_priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    pub fn with_ticket(mut self, ticket: impl Into<String>) -> Self {
        self.ticket = ticket.into();
        self
    }

    /// Raised in the review meeting.
    pub fn for_discussion(mut self) -> Self {
        self.needs_discussion = true;
        self
    }

    /// Listed in the customer-facing summary.
    pub fn made_public(mut self) -> Self {
        self.public = true;
        self
    }
}

impl ContributingFactor {
    /// A factor with no category and no evidence.
    pub fn new(id: impl Into<Id>, text: impl Into<String>) -> Self {
        ContributingFactor {
            id: id.into(),
            text: text.into(),
            category: None,
            evidence: Vec::new(),
            extra: Default::default(),
        }
    }

    pub fn with_category(mut self, category: Category) -> Self {
        self.category = Some(category);
        self
    }

    pub fn with_evidence(mut self, links: Vec<String>) -> Self {
        self.evidence = links;
        self
    }
}

impl Participant {
    pub fn new(id: impl Into<Id>, name: impl Into<String>, role: Role) -> Self {
        Participant {
            id: id.into(),
            name: name.into(),
            role,
            extra: Default::default(),
        }
    }
}

impl Link {
    pub fn new(id: impl Into<Id>, label: impl Into<String>, url: impl Into<String>) -> Self {
        Link {
            id: id.into(),
            label: label.into(),
            url: url.into(),
            extra: Default::default(),
        }
    }
}

impl BusinessMetric {
    pub fn new(
        id: impl Into<Id>,
        name: impl Into<String>,
        value: impl Into<String>,
        unit: impl Into<String>,
    ) -> Self {
        BusinessMetric {
            id: id.into(),
            name: name.into(),
            value: value.into(),
            unit: unit.into(),
            extra: Default::default(),
        }
    }
}
