//! Where a postmortem's action items stand, and the review workflow of the
//! document itself.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{ActionStatus, Postmortem, StatusChange, WorkflowStatus};

/// Counts of action items by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FollowUp {
    pub total: usize,
    pub open: usize,
    pub in_progress: usize,
    pub done: usize,
    pub wont_do: usize,
    /// Open or in-progress items whose due date is before `today`.
    pub overdue: usize,
}

impl FollowUp {
    /// Items still to be worked on (open or in progress).
    pub fn pending(&self) -> usize {
        self.open + self.in_progress
    }

    /// "No actions", "3 of 5 done" or "All done". Items marked "won't do"
    /// are settled and left out of the count.
    pub fn label(&self) -> String {
        if self.total == 0 {
            "No actions".into()
        } else if self.pending() == 0 {
            "All done".into()
        } else {
            format!("{} of {} done", self.done, self.total - self.wont_do)
        }
    }
}

/// Counts the document's action items as of `today`.
pub fn follow_up(doc: &Postmortem, today: NaiveDate) -> FollowUp {
    let mut f = FollowUp::default();
    for item in &doc.action_items {
        f.total += 1;
        let pending = match item.status {
            ActionStatus::Open => {
                f.open += 1;
                true
            }
            ActionStatus::InProgress => {
                f.in_progress += 1;
                true
            }
            ActionStatus::Done => {
                f.done += 1;
                false
            }
            ActionStatus::WontDo => {
                f.wont_do += 1;
                false
            }
        };
        if pending && item.due.is_some_and(|d| d < today) {
            f.overdue += 1;
        }
    }
    f
}

/// The statuses a document may move to from `current`: the next step
/// (draft → in review → reviewed → published → closed) and one step back.
pub fn allowed_next(current: WorkflowStatus) -> Vec<WorkflowStatus> {
    let order = WorkflowStatus::ALL;
    let Some(i) = order.iter().position(|s| *s == current) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(next) = order.get(i + 1) {
        out.push(*next);
    }
    if let Some(prev) = i.checked_sub(1).and_then(|p| order.get(p)) {
        out.push(*prev);
    }
    out
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkflowError {
    /// The document already has this status.
    Unchanged(WorkflowStatus),
    /// Only the next step or one step back is allowed.
    NotAllowed {
        from: WorkflowStatus,
        to: WorkflowStatus,
    },
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkflowError::Unchanged(s) => write!(f, "the postmortem is already {}", s.label()),
            WorkflowError::NotAllowed { from, to } => {
                let options: Vec<&str> = allowed_next(*from).iter().map(|s| s.label()).collect();
                write!(
                    f,
                    "cannot go from {} to {}; possible: {}",
                    from.label(),
                    to.label(),
                    options.join(" or ")
                )
            }
        }
    }
}

impl std::error::Error for WorkflowError {}

/// Moves the document to `status`, recording who did it and when in
/// `doc.workflow.history`. Nothing changes when the move is refused.
pub fn set_status(
    doc: &mut Postmortem,
    status: WorkflowStatus,
    by: &str,
    at: DateTime<Utc>,
) -> Result<(), WorkflowError> {
    let from = doc.workflow.status;
    if from == status {
        return Err(WorkflowError::Unchanged(status));
    }
    if !allowed_next(from).contains(&status) {
        return Err(WorkflowError::NotAllowed { from, to: status });
    }
    doc.workflow.status = status;
    doc.workflow.history.push(StatusChange {
        status,
        by: by.trim().to_owned(),
        at,
        extra: Default::default(),
    });
    Ok(())
}

/// What is still open in `doc` before it moves to `to`: asked before
/// publishing or closing, so nobody closes a postmortem with work pending
/// by accident. Empty for the other moves, and when nothing is open.
/// `checklist` is the document's pre-share checklist.
pub fn still_open(
    doc: &Postmortem,
    checklist: &crate::checklist::Checklist,
    to: WorkflowStatus,
    today: NaiveDate,
) -> Vec<String> {
    if !matches!(to, WorkflowStatus::Published | WorkflowStatus::Closed) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let open: Vec<&str> = checklist
        .items
        .iter()
        .filter(|i| i.status == crate::checklist::CheckStatus::Open)
        .map(|i| i.label.as_str())
        .collect();
    match open.len() {
        0 => {}
        1 => out.push(format!("1 checklist item is open: {}.", open[0])),
        n => out.push(format!(
            "{n} checklist items are open: {}.",
            open.join("; ")
        )),
    }
    let f = follow_up(doc, today);
    if f.pending() > 0 {
        let head = match f.pending() {
            1 => "1 action item is".to_owned(),
            n => format!("{n} action items are"),
        };
        let overdue = match f.overdue {
            0 => String::new(),
            n => format!(" ({n} overdue)"),
        };
        out.push(format!("{head} not done yet{overdue}."));
    }
    if doc.reviewers.iter().all(|r| r.trim().is_empty()) {
        out.push("No reviewer is named.".to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionItem;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn item(n: usize, status: ActionStatus, due: Option<NaiveDate>) -> ActionItem {
        ActionItem {
            id: format!("a{n}"),
            title: format!("Item {n}"),
            owner: "Sam".into(),
            due,
            status,
            kind: None,
            priority: None,
            ticket: String::new(),
            needs_discussion: false,
            public: false,
            extra: Default::default(),
        }
    }

    fn doc() -> Postmortem {
        Postmortem::new(
            "pm-1".into(),
            Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn counts_items_and_overdue_ones() {
        let mut d = doc();
        assert_eq!(follow_up(&d, day(20)).label(), "No actions");
        d.action_items = vec![
            item(1, ActionStatus::Done, Some(day(1))),
            item(2, ActionStatus::Open, Some(day(19))),
            item(3, ActionStatus::InProgress, Some(day(10))),
            item(4, ActionStatus::Open, Some(day(20))),
            item(5, ActionStatus::Open, None),
            item(6, ActionStatus::WontDo, Some(day(1))),
            item(7, ActionStatus::Done, None),
        ];
        let f = follow_up(&d, day(20));
        assert_eq!(
            f,
            FollowUp {
                total: 7,
                open: 3,
                in_progress: 1,
                done: 2,
                wont_do: 1,
                overdue: 2
            }
        );
        assert_eq!(f.label(), "2 of 6 done");
        for i in &mut d.action_items {
            if i.status != ActionStatus::WontDo {
                i.status = ActionStatus::Done;
            }
        }
        let f = follow_up(&d, day(20));
        assert_eq!((f.label().as_str(), f.overdue), ("All done", 0));
    }

    #[test]
    fn workflow_moves_one_step_and_records_history() {
        use WorkflowStatus::*;
        assert_eq!(allowed_next(Draft), vec![InReview]);
        assert_eq!(allowed_next(Reviewed), vec![Published, InReview]);
        assert_eq!(allowed_next(Closed), vec![Published]);
        let mut d = doc();
        let t = |h| Utc.with_ymd_and_hms(2026, 11, 21, h, 0, 0).unwrap();
        assert_eq!(
            set_status(&mut d, Published, "Ana", t(9)),
            Err(WorkflowError::NotAllowed {
                from: Draft,
                to: Published
            })
        );
        assert_eq!(
            set_status(&mut d, Published, "Ana", t(9))
                .unwrap_err()
                .to_string(),
            "cannot go from Draft to Published; possible: In review"
        );
        assert_eq!(
            set_status(&mut d, Draft, "Ana", t(9)),
            Err(WorkflowError::Unchanged(Draft))
        );
        assert!(d.workflow.history.is_empty());
        set_status(&mut d, InReview, " Ana ", t(10)).unwrap();
        set_status(&mut d, Draft, "Ben", t(11)).unwrap();
        set_status(&mut d, InReview, "Ana", t(12)).unwrap();
        set_status(&mut d, Reviewed, "Lee", t(13)).unwrap();
        assert_eq!(d.workflow.status, Reviewed);
        let h: Vec<_> = d
            .workflow
            .history
            .iter()
            .map(|c| (c.status, c.by.as_str()))
            .collect();
        assert_eq!(
            h,
            [
                (InReview, "Ana"),
                (Draft, "Ben"),
                (InReview, "Ana"),
                (Reviewed, "Lee")
            ]
        );
        assert_eq!(d.workflow.history[3].at, t(13));
    }

    #[test]
    fn closing_lists_what_is_still_open() {
        use crate::checklist::{CheckItem, CheckStatus, Checklist};
        let mut doc = Postmortem::new(
            "pm-1".into(),
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        );
        doc.action_items = vec![
            item(1, ActionStatus::Open, Some(day(2))),
            item(2, ActionStatus::InProgress, None),
            item(3, ActionStatus::Done, Some(day(2))),
        ];
        let list = Checklist {
            items: vec![
                CheckItem {
                    id: "section.impact".into(),
                    group: "Completeness",
                    label: "Impact is empty".into(),
                    status: CheckStatus::Open,
                    detail: String::new(),
                    target: None,
                },
                CheckItem {
                    id: "blameless.open".into(),
                    group: "Blameless language",
                    label: "No blameless-language findings open".into(),
                    status: CheckStatus::Done,
                    detail: String::new(),
                    target: None,
                },
            ],
        };
        let open = still_open(&doc, &list, WorkflowStatus::Closed, day(10));
        assert_eq!(
            open,
            [
                "1 checklist item is open: Impact is empty.",
                "2 action items are not done yet (1 overdue).",
                "No reviewer is named.",
            ]
        );
        assert!(
            still_open(&doc, &list, WorkflowStatus::Reviewed, day(10)).is_empty(),
            "only publishing and closing ask"
        );

        doc.reviewers = vec!["Amara Okafor".into()];
        doc.action_items.truncate(1);
        doc.action_items[0].status = ActionStatus::Done;
        let done = Checklist { items: vec![] };
        assert!(still_open(&doc, &done, WorkflowStatus::Published, day(10)).is_empty());
        doc.action_items[0].status = ActionStatus::Open;
        assert_eq!(
            still_open(&doc, &done, WorkflowStatus::Published, day(1)),
            ["1 action item is not done yet."]
        );
    }
}
