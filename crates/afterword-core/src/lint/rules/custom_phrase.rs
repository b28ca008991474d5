//! `custom-phrase`: phrases a team added to its settings or to the document,
//! matched case-insensitively on whole words.

use super::finding;
use crate::lint::finding::{Category, Finding};
use crate::lint::markdown::Piece;
use crate::lint::registry::{Rule, RuleInfo};
use crate::lint::tokens::Doc;
use crate::lint::Cx;

pub(crate) const INFO: RuleInfo = RuleInfo {
    id: "custom-phrase",
    category: Category::Custom,
    description: "Phrases your team chose to avoid.",
};

pub(crate) struct CustomPhrases;

impl Rule for CustomPhrases {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        for custom in &cx.cfg.custom_phrases {
            let phrase = Doc::new(
                &custom.phrase,
                &[Piece::Prose {
                    start: 0,
                    end: custom.phrase.len(),
                }],
            );
            let words: Vec<&str> = (0..phrase.len()).filter_map(|i| phrase.word(i)).collect();
            if words.is_empty() || words.len() > doc.len() {
                continue;
            }
            let message = if custom.message.trim().is_empty() {
                format!("Your team chose to avoid “{}”.", custom.phrase.trim())
            } else {
                custom.message.clone()
            };
            for i in 0..=doc.len() - words.len() {
                if doc.seq(i, &words) {
                    let fix = custom.suggestion.as_deref().map(|s| doc.match_case(i, s));
                    out.push(finding(
                        doc,
                        &INFO,
                        i,
                        i + words.len() - 1,
                        message.clone(),
                        fix.into_iter().collect(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testing::{apply, cfg};
    use crate::lint::{lint_text, CustomPhrase};

    fn with(phrase: &str, suggestion: Option<&str>) -> crate::lint::LintConfig {
        let mut c = cfg();
        c.custom_phrases.push(CustomPhrase {
            phrase: phrase.into(),
            message: "We say 'incident', not 'fire'.".into(),
            suggestion: suggestion.map(Into::into),
        });
        c
    }

    #[test]
    fn team_phrases_are_found_on_whole_words() {
        let c = with("fire drill", Some("incident"));
        let text = "Another Fire drill on Friday; the fire drills continue.";
        let found: Vec<_> = lint_text(text, &c)
            .into_iter()
            .filter(|f| f.rule == "custom-phrase")
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Fire drill");
        assert_eq!(found[0].message, "We say 'incident', not 'fire'.");
        assert_eq!(
            apply(text, &found[0]).as_deref(),
            Some("Another incident on Friday; the fire drills continue.")
        );
    }

    #[test]
    fn team_phrases_can_be_switched_off() {
        let mut c = with("war room", None);
        c.disabled.insert("custom-phrase".into());
        assert!(lint_text("We opened a war room.", &c).is_empty());
    }
}
