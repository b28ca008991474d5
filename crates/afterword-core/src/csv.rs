//! CSV fields as RFC 4180 writes them, with spreadsheet formulas defused.
//! Every CSV Afterword writes (action items from a postmortem, the review's
//! rows) goes through [`push_field`], so both files guard alike.

/// Appends one field to `out`. A field a spreadsheet would read as a
/// formula (its first character other than a space is `=`, `+`, `-`, `@`, a
/// tab or a carriage return) gets a leading `'`, so opening the file never
/// runs what someone typed. A field with a comma, a quote or a line break is
/// quoted, with its quotes doubled.
pub fn push_field(out: &mut String, text: &str) {
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    let guard = if text.trim_start_matches(' ').starts_with(risky) {
        "'"
    } else {
        ""
    };
    if text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.push('"');
        out.push_str(guard);
        for (i, part) in text.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(text);
    }
}

/// One field as [`push_field`] writes it.
pub fn field(text: &str) -> String {
    let mut out = String::new();
    push_field(&mut out, text);
    out
}

/// Appends a record: fields separated by commas, ended by CRLF.
pub fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+44 20"), "'+44 20");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("  =HYPERLINK()"), "'  =HYPERLINK()");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("=a,b"), "\"'=a,b\"");
        assert_eq!(field("a=b-c"), "a=b-c");
    }
}
