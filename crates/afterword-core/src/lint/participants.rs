//! Reading who took part from a Markdown postmortem, for `afterword lint`
//! and anything else that lints a file rather than a stored document: a
//! front-matter list (`participants: [Ana, Lee]` or one `- name` a line), a
//! "Participants" or "People" section, or a `Participants: …` line.

/// Keys and headings that introduce people.
const KEYS: &[&str] = &[
    "participants",
    "people",
    "responders",
    "attendees",
    "present",
    "incident lead",
    "incident commander",
    "owner",
    "author",
    "authors",
    "scribe",
    "reviewers",
];

/// The names of the people a Markdown postmortem lists, in order, without
/// roles ("Maria Santos (incident lead)" → "Maria Santos").
pub fn participants_in_markdown(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |raw: &str| {
        for name in split_names(raw) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    };
    let mut lines = text.lines().peekable();
    // Front matter.
    if lines.peek().is_some_and(|l| l.trim() == "---") {
        lines.next();
        let mut in_list = false;
        for line in lines.by_ref() {
            let t = line.trim();
            if t == "---" || t == "..." {
                break;
            }
            if in_list {
                if let Some(item) = t.strip_prefix("- ") {
                    push(item);
                    continue;
                }
                in_list = false;
            }
            if let Some((key, value)) = t.split_once(':') {
                if is_key(key) {
                    let v = value.trim();
                    if v.is_empty() {
                        in_list = true;
                    } else {
                        push(v.trim_start_matches('[').trim_end_matches(']'));
                    }
                }
            }
        }
    }
    let mut in_section = false;
    for line in lines {
        let t = line.trim();
        if let Some(heading) = t.strip_prefix('#') {
            in_section = is_key(heading.trim_start_matches('#'));
            continue;
        }
        if in_section {
            if let Some(item) = t
                .strip_prefix("- ")
                .or_else(|| t.strip_prefix("* "))
                .or_else(|| t.strip_prefix("+ "))
            {
                // One person a line: "Amira Haddad, Signaller, Panel 2" is a
                // name, then a role and a place.
                push(item.split([',', ';']).next().unwrap_or_default());
            } else if !t.is_empty() && !t.starts_with('|') {
                push(t);
            }
            continue;
        }
        // "Participants: Maria Santos (lead), Kenji" and "**Owner:** Ana"
        // anywhere, also several keys on one line separated by "·".
        for part in t.split(['·', '|']) {
            let part = part.trim().trim_start_matches(['-', '*', ' ']);
            if let Some((key, value)) = part.split_once(':') {
                let key = key.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
                if is_key(key) {
                    push(value.trim_start_matches(['*', '_']));
                }
            }
        }
    }
    out
}

fn is_key(s: &str) -> bool {
    let k = s.trim().trim_matches('*').trim().to_lowercase();
    KEYS.contains(&k.as_str())
}

/// "Maria Santos (incident lead), Kenji Watanabe and Aisha" → the names.
fn split_names(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in raw.split([',', ';']).flat_map(|p| p.split(" and ")) {
        let name = piece.split(['(', '—', '–']).next().unwrap_or_default();
        let name = name
            .split(" - ")
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches(|c: char| c == '"' || c == '\'' || c == '*' || c == '_');
        let words = name.split_whitespace().count();
        // "Panel 2", "Ward 4B": a numbered place, not a person.
        if name.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if (1..=4).contains(&words)
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
        {
            out.push(name.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_a_participants_line_a_section_and_front_matter() {
        let text = "---\ntitle: X\nparticipants: [Sione Taufa, Leilani Kahale]\n---\n# T\n\nParticipants: Maria Santos (incident lead), Kenji Watanabe\n\n## People\n\n- Aisha Bello — scribe\n- Omar\n- Amira Haddad, Signaller, Panel 2\n\n## Summary\n\n- Not a name list\n";
        assert_eq!(
            participants_in_markdown(text),
            [
                "Sione Taufa",
                "Leilani Kahale",
                "Maria Santos",
                "Kenji Watanabe",
                "Aisha Bello",
                "Omar",
                "Amira Haddad"
            ]
        );
    }

    #[test]
    fn yaml_lists_and_inline_keys() {
        let text = "---\npeople:\n  - Ana Lima\n  - Lee Wong\n---\nIncident lead: Tomás Herrera · Scribe: Mei Lin\n**Owner:** Olumide Adeyemi\n";
        assert_eq!(
            participants_in_markdown(text),
            [
                "Ana Lima",
                "Lee Wong",
                "Tomás Herrera",
                "Mei Lin",
                "Olumide Adeyemi"
            ]
        );
    }

    #[test]
    fn documents_without_people_give_none() {
        assert!(participants_in_markdown("# Outage\n\nThe disk filled up.\n").is_empty());
    }
}
