//! The linter's part of the app-wide settings (`{ns}:settings`): rules
//! switched off for every document and the team's own phrases.
//!
//! The settings object is shared with other parts of the app, so reading
//! takes whatever is usable and says what was not, and writing keeps every
//! field it does not own.

use serde_json::Value;

use super::{rules, CustomPhrase, LintConfig};

/// What the linter keeps in the app-wide settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LintSettings {
    pub disabled_rules: Vec<String>,
    pub custom_phrases: Vec<CustomPhrase>,
}

impl LintSettings {
    /// The app-wide part of a lint configuration.
    pub fn config(&self) -> LintConfig {
        LintConfig {
            participants: Vec::new(),
            disabled: self.disabled_rules.iter().cloned().collect(),
            custom_phrases: self
                .custom_phrases
                .iter()
                .filter(|p| !p.phrase.trim().is_empty())
                .cloned()
                .collect(),
        }
    }
}

/// Reads the linter settings out of the stored settings text. Anything
/// unusable is replaced by its default and described in the returned
/// problems, one plain sentence each; nothing here fails.
pub fn read_settings(raw: Option<&str>) -> (LintSettings, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = LintSettings::default();
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return (out, problems);
    };
    let obj = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => {
            problems.push(
                "The saved settings are not a settings object; the linter uses its defaults."
                    .into(),
            );
            return (out, problems);
        }
        Err(e) => {
            problems.push(format!(
                "The saved settings could not be read ({e}); the linter uses its defaults."
            ));
            return (out, problems);
        }
    };
    match obj.get("disabled_rules") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            let known: Vec<&str> = rules().iter().map(|r| r.id).collect();
            for item in items {
                match item.as_str() {
                    Some(id) if known.contains(&id) => {
                        if !out.disabled_rules.iter().any(|r| r == id) {
                            out.disabled_rules.push(id.to_owned())
                        }
                    }
                    // Ids from a newer version are kept: dropping them
                    // would switch those rules back on there.
                    Some(id) if !id.trim().is_empty() => out.disabled_rules.push(id.to_owned()),
                    _ => problems.push(format!(
                        "A switched-off rule in the settings is not a rule id ({item}); it was ignored."
                    )),
                }
            }
        }
        Some(other) => problems.push(format!(
            "The switched-off rules in the settings are not a list ({other}); every rule is on."
        )),
    }
    match obj.get("custom_phrases") {
        None | Some(Value::Null) => {}
        Some(Value::Array(_)) => {
            let (phrases, mut bad) = phrases_from_value(&obj["custom_phrases"]);
            out.custom_phrases = phrases;
            problems.append(&mut bad);
        }
        Some(other) => problems.push(format!(
            "The team phrases in the settings are not a list ({other}); none are checked."
        )),
    }
    (out, problems)
}

/// The settings text with the linter's fields replaced and every other
/// field kept as it was. Settings that are not an object are started afresh.
pub fn write_settings(raw: Option<&str>, settings: &LintSettings) -> String {
    let mut obj = raw
        .and_then(|r| serde_json::from_str::<Value>(r).ok())
        .and_then(|v| match v {
            Value::Object(o) => Some(o),
            _ => None,
        })
        .unwrap_or_default();
    obj.insert(
        "disabled_rules".into(),
        Value::from(settings.disabled_rules.clone()),
    );
    obj.insert(
        "custom_phrases".into(),
        serde_json::to_value(&settings.custom_phrases).unwrap_or(Value::Array(vec![])),
    );
    Value::Object(obj).to_string()
}

/// The team's phrases as a JSON file to share.
pub fn phrases_to_json(phrases: &[CustomPhrase]) -> String {
    serde_json::to_string_pretty(phrases).unwrap_or_else(|_| "[]".into())
}

/// Reads a shared phrases file: a JSON list of `{phrase, message,
/// suggestion}` (or an object holding `custom_phrases`). Fails with a clear
/// message when nothing usable is in it; entries without a phrase are
/// skipped and counted in the message of the `Ok` side.
pub fn phrases_from_json(raw: &str) -> Result<(Vec<CustomPhrase>, Vec<String>), String> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|e| format!("This file is not JSON ({e}). Nothing was imported."))?;
    let list = match &value {
        Value::Array(_) => &value,
        Value::Object(o) if o.get("custom_phrases").is_some_and(Value::is_array) => {
            &o["custom_phrases"]
        }
        _ => {
            return Err(
                "This file holds no list of phrases (expected [{\"phrase\": …, \"message\": …}]). Nothing was imported."
                    .into(),
            )
        }
    };
    let (phrases, problems) = phrases_from_value(list);
    if phrases.is_empty() && !problems.is_empty() {
        return Err(format!("{} Nothing was imported.", problems.join(" ")));
    }
    Ok((phrases, problems))
}

fn phrases_from_value(list: &Value) -> (Vec<CustomPhrase>, Vec<String>) {
    let mut phrases = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in list.as_array().into_iter().flatten().enumerate() {
        let text = |k: &str| item.get(k).and_then(Value::as_str).map(str::trim);
        match text("phrase") {
            Some(p) if !p.is_empty() => {
                let phrase = CustomPhrase {
                    phrase: p.to_owned(),
                    message: text("message").unwrap_or_default().to_owned(),
                    suggestion: text("suggestion")
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned),
                };
                if !phrases
                    .iter()
                    .any(|q: &CustomPhrase| q.phrase.eq_ignore_ascii_case(&phrase.phrase))
                {
                    phrases.push(phrase);
                }
            }
            _ => problems.push(format!(
                "Team phrase {} has no \"phrase\" text; it was skipped.",
                i + 1
            )),
        }
    }
    (phrases, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_settings_are_defaults_without_complaint() {
        assert_eq!(read_settings(None), (LintSettings::default(), vec![]));
        assert_eq!(read_settings(Some("")), (LintSettings::default(), vec![]));
        assert_eq!(read_settings(Some("{}")), (LintSettings::default(), vec![]));
    }

    #[test]
    fn junk_gives_defaults_and_a_message() {
        for raw in ["not json", "[1,2]", "42", "{\"disabled_rules\": 7}"] {
            let (s, problems) = read_settings(Some(raw));
            assert_eq!(s, LintSettings::default(), "{raw}");
            assert_eq!(problems.len(), 1, "{raw}: {problems:?}");
        }
        let (s, problems) = read_settings(Some(
            r#"{"disabled_rules": ["hindsight", 3, "hindsight"], "custom_phrases": [{"phrase": "rockstar", "message": "m"}, {"message": "no phrase"}, "x"]}"#,
        ));
        assert_eq!(s.disabled_rules, vec!["hindsight"]);
        assert_eq!(s.custom_phrases.len(), 1);
        assert_eq!(s.custom_phrases[0].phrase, "rockstar");
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn writing_keeps_fields_it_does_not_own() {
        let raw = r#"{"theme":"dark","disabled_rules":["judgement"],"future":{"a":1}}"#;
        let s = LintSettings {
            disabled_rules: vec!["hindsight".into()],
            custom_phrases: vec![CustomPhrase {
                phrase: "cowboy".into(),
                message: "Say what was missing.".into(),
                suggestion: None,
            }],
        };
        let written = write_settings(Some(raw), &s);
        let v: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(v["theme"], "dark");
        assert_eq!(v["future"]["a"], 1);
        assert_eq!(v["disabled_rules"], serde_json::json!(["hindsight"]));
        assert_eq!(read_settings(Some(&written)).0, s);
        // Junk is replaced by a fresh object.
        assert_eq!(read_settings(Some(&write_settings(Some("junk"), &s))).0, s);
    }

    #[test]
    fn phrases_round_trip_and_bad_files_are_refused() {
        let phrases = vec![CustomPhrase {
            phrase: "rockstar".into(),
            message: "Name the practice, not the person.".into(),
            suggestion: Some("experienced engineer".into()),
        }];
        let json = phrases_to_json(&phrases);
        assert_eq!(phrases_from_json(&json).unwrap(), (phrases.clone(), vec![]));
        let wrapped = format!("{{\"custom_phrases\": {json}}}");
        assert_eq!(phrases_from_json(&wrapped).unwrap().0, phrases);
        assert!(phrases_from_json("nope").is_err());
        assert!(phrases_from_json("{\"a\":1}").is_err());
        assert!(phrases_from_json("[{\"message\":\"x\"}]").is_err());
    }
}
