//! Where a heading of an outside postmortem goes: the meaning of common
//! section names (Google's SRE book example, GitLab's incident review,
//! PagerDuty's and Atlassian's templates, Afterword's own export), matched
//! case-insensitively, ignoring numbering ("3. Impact"), plurals ("Root
//! cause" / "Root causes"), punctuation and remarks in parentheses
//! ("Timeline (all times UTC)").

use serde::{Deserialize, Serialize};

/// The part of a postmortem a heading's content is read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionTarget {
    Details,
    Summary,
    Impact,
    BusinessMetrics,
    KeyTimes,
    Timeline,
    /// A heading that only groups sub-headings ("Analysis"); its own text,
    /// if any, is kept as a free-text section.
    Analysis,
    ContributingFactors,
    Trigger,
    Detection,
    Resolution,
    FourQuestions,
    Intended,
    Actual,
    Why,
    Prevention,
    WentWell,
    WentWrong,
    GotLucky,
    Gaps,
    Lessons,
    ActionItems,
    Links,
    Participants,
    /// Afterword's review checklist: worked out from the document, so not
    /// read back unless the person maps it elsewhere.
    Checklist,
    /// A free-text section of its own, under the heading's name.
    Custom,
}

impl SectionTarget {
    pub const ALL: &'static [SectionTarget] = &[
        SectionTarget::Details,
        SectionTarget::Summary,
        SectionTarget::Impact,
        SectionTarget::BusinessMetrics,
        SectionTarget::KeyTimes,
        SectionTarget::Timeline,
        SectionTarget::Analysis,
        SectionTarget::ContributingFactors,
        SectionTarget::Trigger,
        SectionTarget::Detection,
        SectionTarget::Resolution,
        SectionTarget::FourQuestions,
        SectionTarget::Intended,
        SectionTarget::Actual,
        SectionTarget::Why,
        SectionTarget::Prevention,
        SectionTarget::WentWell,
        SectionTarget::WentWrong,
        SectionTarget::GotLucky,
        SectionTarget::Gaps,
        SectionTarget::Lessons,
        SectionTarget::ActionItems,
        SectionTarget::Links,
        SectionTarget::Participants,
        SectionTarget::Checklist,
        SectionTarget::Custom,
    ];

    /// What the import preview calls the destination.
    pub fn label(self) -> &'static str {
        use SectionTarget as T;
        match self {
            T::Details => "Details (severity, date, owner…)",
            T::Summary => "Summary",
            T::Impact => "Impact",
            T::BusinessMetrics => "Impact: business metrics",
            T::KeyTimes => "Key times",
            T::Timeline => "Timeline",
            T::Analysis => "Analysis (heading only)",
            T::ContributingFactors => "Contributing factors",
            T::Trigger => "Trigger",
            T::Detection => "Detection",
            T::Resolution => "Resolution",
            T::FourQuestions => "The four questions (heading only)",
            T::Intended => "What was supposed to happen",
            T::Actual => "What actually happened",
            T::Why => "Why it happened",
            T::Prevention => "How we avoid it next time",
            T::WentWell => "What went well",
            T::WentWrong => "What went wrong",
            T::GotLucky => "Where we got lucky",
            T::Gaps => "Gaps identified",
            T::Lessons => "Lessons learned",
            T::ActionItems => "Action items",
            T::Links => "Links",
            T::Participants => "Participants",
            T::Checklist => "Review checklist (not imported)",
            T::Custom => "Its own free-text section",
        }
    }

    /// Stable name, used by the app's mapping choice.
    pub fn key(self) -> &'static str {
        use SectionTarget as T;
        match self {
            T::Details => "details",
            T::Summary => "summary",
            T::Impact => "impact",
            T::BusinessMetrics => "business_metrics",
            T::KeyTimes => "key_times",
            T::Timeline => "timeline",
            T::Analysis => "analysis",
            T::ContributingFactors => "contributing_factors",
            T::Trigger => "trigger",
            T::Detection => "detection",
            T::Resolution => "resolution",
            T::FourQuestions => "four_questions",
            T::Intended => "intended",
            T::Actual => "actual",
            T::Why => "why",
            T::Prevention => "prevention",
            T::WentWell => "went_well",
            T::WentWrong => "went_wrong",
            T::GotLucky => "got_lucky",
            T::Gaps => "gaps",
            T::Lessons => "lessons",
            T::ActionItems => "action_items",
            T::Links => "links",
            T::Participants => "participants",
            T::Checklist => "checklist",
            T::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<SectionTarget> {
        SectionTarget::ALL.iter().copied().find(|t| t.key() == key)
    }

    /// Targets that hold one block of free text.
    pub fn is_text(self) -> bool {
        use SectionTarget as T;
        matches!(
            self,
            T::Summary
                | T::Trigger
                | T::Detection
                | T::Resolution
                | T::Intended
                | T::Actual
                | T::Why
                | T::Prevention
                | T::WentWell
                | T::WentWrong
                | T::GotLucky
                | T::Gaps
                | T::Lessons
                | T::Custom
        )
    }
}

/// Exact names, after [`normalise`]. Checked before the keyword rules, so
/// Afterword's own sub-headings ("Why it happened") land where they came from.
const EXACT: &[(&str, SectionTarget)] = {
    use SectionTarget as T;
    &[
        ("detail", T::Details),
        ("incident detail", T::Details),
        ("metadata", T::Details),
        ("summary", T::Summary),
        ("executive summary", T::Summary),
        ("incident summary", T::Summary),
        ("tl dr", T::Summary),
        ("tldr", T::Summary),
        ("overview", T::Summary),
        ("impact", T::Impact),
        ("customer impact", T::Impact),
        ("user impact", T::Impact),
        ("business impact", T::Impact),
        ("business metric", T::BusinessMetrics),
        ("business figure", T::BusinessMetrics),
        ("key time", T::KeyTimes),
        ("key timestamp", T::KeyTimes),
        ("incident time", T::KeyTimes),
        ("timeline", T::Timeline),
        ("chronology", T::Timeline),
        ("analysis", T::Analysis),
        ("contributing factor", T::ContributingFactors),
        ("root cause", T::ContributingFactors),
        ("root cause analysis", T::ContributingFactors),
        ("cause", T::ContributingFactors),
        ("why", T::ContributingFactors),
        ("five why", T::ContributingFactors),
        ("5 why", T::ContributingFactors),
        ("trigger", T::Trigger),
        ("what set it off", T::Trigger),
        ("how we found out", T::Detection),
        ("how it was resolved", T::Resolution),
        ("circumstance that combined", T::ContributingFactors),
        ("detection", T::Detection),
        ("resolution", T::Resolution),
        ("mitigation", T::Resolution),
        ("recovery", T::Resolution),
        ("the four question", T::FourQuestions),
        ("four question", T::FourQuestions),
        ("what was supposed to happen", T::Intended),
        ("what actually happened", T::Actual),
        ("why it happened", T::Why),
        ("how we avoid it next time", T::Prevention),
        ("what went well", T::WentWell),
        ("what went wrong", T::WentWrong),
        ("what didn t go so well", T::WentWrong),
        ("what could be improved", T::WentWrong),
        ("what can be improved", T::WentWrong),
        ("where we got lucky", T::GotLucky),
        ("gap", T::Gaps),
        ("gap identified", T::Gaps),
        ("lesson learned", T::Lessons),
        ("lesson", T::Lessons),
        ("action item", T::ActionItems),
        ("follow up", T::ActionItems),
        ("followup", T::ActionItems),
        ("follow up task", T::ActionItems),
        ("corrective action", T::ActionItems),
        ("remediation", T::ActionItems),
        ("next step", T::ActionItems),
        ("actionable improvement", T::ActionItems),
        ("link", T::Links),
        ("reference", T::Links),
        ("supporting information", T::Links),
        ("participant", T::Participants),
        ("people", T::Participants),
        ("people involved", T::Participants),
        ("responder", T::Participants),
        ("review checklist", T::Checklist),
    ]
};

/// Keyword rules for longer headings ("Root causes and triggers",
/// "Detection & response"), in order of precedence.
const KEYWORDS: &[(&str, SectionTarget)] = {
    use SectionTarget as T;
    &[
        ("timeline", T::Timeline),
        ("chronology", T::Timeline),
        ("action item", T::ActionItems),
        ("follow up", T::ActionItems),
        ("corrective", T::ActionItems),
        ("remediation", T::ActionItems),
        ("next step", T::ActionItems),
        ("went well", T::WentWell),
        ("went wrong", T::WentWrong),
        ("go so well", T::WentWrong),
        ("improved", T::WentWrong),
        ("lucky", T::GotLucky),
        ("lesson", T::Lessons),
        ("root cause", T::ContributingFactors),
        ("contributing", T::ContributingFactors),
        ("cause", T::ContributingFactors),
        ("trigger", T::Trigger),
        ("what set it off", T::Trigger),
        ("how we found out", T::Detection),
        ("how it was resolved", T::Resolution),
        ("circumstance that combined", T::ContributingFactors),
        ("impact", T::Impact),
        ("summary", T::Summary),
        ("tl dr", T::Summary),
        ("detect", T::Detection),
        ("mitigat", T::Resolution),
        ("resolution", T::Resolution),
        ("recover", T::Resolution),
        ("participant", T::Participants),
        ("people", T::Participants),
    ]
};

/// The section a heading names, or `None` when it names none of them.
pub fn target_for_heading(heading: &str) -> Option<SectionTarget> {
    let name = normalise(heading);
    if name.is_empty() {
        return None;
    }
    if let Some((_, t)) = EXACT.iter().find(|(n, _)| *n == name) {
        return Some(*t);
    }
    let padded = format!(" {name} ");
    KEYWORDS
        .iter()
        .find(|(k, _)| padded.contains(&format!(" {k}")))
        .map(|(_, t)| *t)
}

/// Lowercase words without numbering, punctuation, parenthesised remarks
/// or plural `s`.
pub fn normalise(heading: &str) -> String {
    let mut without_remarks = String::with_capacity(heading.len());
    let mut depth = 0usize;
    for c in heading.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_remarks.push(c),
            _ => {}
        }
    }
    let spaced: String = without_remarks
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    // Leading numbering: "3", "3 2", "iv", "a" before the name.
    while words.len() > 1 {
        let w = words[0];
        let numbering = w.chars().all(|c| c.is_ascii_digit())
            || (w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
            || w == "section"
            || w == "step";
        if numbering {
            words.remove(0);
        } else {
            break;
        }
    }
    words
        .iter()
        .map(|w| singular(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn singular(word: &str) -> String {
    let keep = ["ss", "is", "us", "as"]
        .iter()
        .any(|end| word.ends_with(end));
    if word.len() >= 3 && word.ends_with('s') && !keep {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionTarget as T;

    #[test]
    fn common_layouts_map_by_meaning() {
        let cases = [
            ("Summary", T::Summary),
            ("Executive Summary", T::Summary),
            ("TL;DR", T::Summary),
            ("1. Impact", T::Impact),
            ("Customer Impact", T::Impact),
            ("Root Causes", T::ContributingFactors),
            ("Root cause", T::ContributingFactors),
            ("Contributing Factor(s)", T::ContributingFactors),
            ("Why?", T::ContributingFactors),
            ("Five Whys", T::ContributingFactors),
            ("Trigger", T::Trigger),
            ("Detection & Response", T::Detection),
            ("RESOLUTION", T::Resolution),
            ("Mitigation", T::Resolution),
            ("Recovery", T::Resolution),
            ("Timeline (all times UTC)", T::Timeline),
            ("4.2 Action Items", T::ActionItems),
            ("Follow-ups", T::ActionItems),
            ("Corrective actions", T::ActionItems),
            ("Remediation", T::ActionItems),
            ("Follow-up tasks", T::ActionItems),
            ("Lessons Learned", T::Lessons),
            ("What went well", T::WentWell),
            ("What went wrong", T::WentWrong),
            ("What didn't go so well?", T::WentWrong),
            ("Where we got lucky", T::GotLucky),
            ("Participants", T::Participants),
            ("People", T::Participants),
            ("Why it happened", T::Why),
            ("Root causes and triggers", T::ContributingFactors),
        ];
        for (heading, want) in cases {
            assert_eq!(target_for_heading(heading), Some(want), "{heading}");
        }
    }

    #[test]
    fn unrelated_headings_match_nothing() {
        for heading in [
            "Leadup",
            "Fault",
            "Messaging",
            "Background",
            "",
            "###",
            "2.",
        ] {
            assert_eq!(target_for_heading(heading), None, "{heading}");
        }
    }

    #[test]
    fn keys_round_trip() {
        for t in SectionTarget::ALL {
            assert_eq!(SectionTarget::from_key(t.key()), Some(*t));
        }
    }
}
