//! Description templates: `{{name}}` placeholders in otherwise literal text.
//
// build.rs compiles this file too (through `#[path]`): the build validates
// templates with the very parser the library uses. Keep it free of `crate::`
// paths and dependencies.

/// One piece of a parsed template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Literal text, emitted as is. May contain single `{` and `}`.
    Text(&'a str),
    /// A `{{name}}` placeholder; the payload is `name`.
    Placeholder(&'a str),
}

/// A malformed template: what is wrong and the byte offset where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset into the template.
    pub offset: usize,
    /// What is wrong, in a sentence fragment.
    pub message: String,
}

/// Splits `template` into literal text and `{{name}}` placeholders.
///
/// A placeholder name is `[a-z][a-z0-9_]*`. `{{` without a closing `}}`, a
/// `}}` without an opening `{{`, an empty or badly named placeholder, and two
/// placeholders with nothing between them (no way to tell where one value ends)
/// are errors.
pub fn parse(template: &str) -> Result<Vec<Segment<'_>>, TemplateError> {
    let mut segments = Vec::new();
    let mut rest = template;
    let mut offset = 0;
    while !rest.is_empty() {
        let open = rest.find("{{");
        let close = rest.find("}}");
        if let Some(close) = close {
            if open.is_none_or(|open| close < open) {
                return Err(TemplateError {
                    offset: offset + close,
                    message: "`}}` without an opening `{{`".to_owned(),
                });
            }
        }
        let Some(open) = open else {
            segments.push(Segment::Text(rest));
            break;
        };
        if open > 0 {
            segments.push(Segment::Text(&rest[..open]));
        } else if matches!(segments.last(), Some(Segment::Placeholder(_))) {
            return Err(TemplateError {
                offset: offset + open,
                message: "two placeholders with no text between them".to_owned(),
            });
        }
        let after_open = &rest[open + 2..];
        let Some(len) = after_open.find("}}") else {
            return Err(TemplateError { offset: offset + open, message: "`{{` is never closed by `}}`".to_owned() });
        };
        let name = &after_open[..len];
        if let Some(problem) = name_problem(name) {
            return Err(TemplateError {
                offset: offset + open,
                message: format!("placeholder `{{{{{name}}}}}` {problem}"),
            });
        }
        segments.push(Segment::Placeholder(name));
        let consumed = open + 2 + len + 2;
        rest = &rest[consumed..];
        offset += consumed;
    }
    Ok(segments)
}

fn name_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    match chars.next() {
        None => Some("has no name"),
        Some(first) if !first.is_ascii_lowercase() => Some("must start with a lowercase ASCII letter"),
        _ if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') => {
            Some("may hold only lowercase ASCII letters, digits and `_`")
        }
        _ => None,
    }
}

/// The placeholder names of `segments`, in order of first appearance.
pub fn placeholders<'a>(segments: &[Segment<'a>]) -> Vec<&'a str> {
    let mut names: Vec<&'a str> = Vec::new();
    for segment in segments {
        if let Segment::Placeholder(name) = segment {
            if !names.contains(name) {
                names.push(name);
            }
        }
    }
    names
}

/// Matches `text` against a parsed template and returns each placeholder's
/// value, or `None` when the literal parts do not line up. A placeholder
/// takes the shortest text up to the next literal part (the last one takes
/// the rest), so a value that itself contains that literal part is split at
/// its first occurrence. A final `.` after the last placeholder may be
/// missing from `text`.
pub fn captures<'s, 't>(segments: &[Segment<'s>], text: &'t str) -> Option<Vec<(&'s str, &'t str)>> {
    let mut values = Vec::new();
    let mut rest = text;
    let mut pending: Option<&'s str> = None;
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            Segment::Placeholder(name) => pending = Some(name),
            Segment::Text(literal) => match pending.take() {
                None => rest = rest.strip_prefix(literal)?,
                Some(name) => {
                    let (value, after) = if index + 1 == segments.len() {
                        match rest.strip_suffix(literal) {
                            Some(value) => (value, ""),
                            // Servers drop a template's final period (WSO2 sends
                            // "…with id <client id>" for "…with id {{client_id}}.").
                            None if literal == "." => (rest, ""),
                            None => return None,
                        }
                    } else {
                        rest.split_once(literal)?
                    };
                    values.push((name, value));
                    rest = after;
                }
            },
        }
    }
    match pending {
        Some(name) => values.push((name, rest)),
        None if !rest.is_empty() => return None,
        None => {}
    }
    Some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capture(template: &str, text: &str) -> Option<Vec<(String, String)>> {
        let segments = parse(template).ok()?;
        captures(&segments, text).map(|found| found.into_iter().map(|(n, v)| (n.to_owned(), v.to_owned())).collect())
    }

    fn pairs(found: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
        Some(found.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect())
    }

    #[test]
    fn values_are_captured_between_literal_parts() {
        let template = "Unable to find application for clientId {{client_id}} in tenant domain {{tenant_domain}}.";
        let text = "Unable to find application for clientId app in tenant domain carbon.super.";
        assert_eq!(capture(template, text), pairs(&[("client_id", "app"), ("tenant_domain", "carbon.super")]));
        assert_eq!(capture("{{reason}}", ""), pairs(&[("reason", "")]));
        assert_eq!(capture("fixed", "fixed"), pairs(&[]));
        assert_eq!(capture("fixed", "fixed!"), None);
        assert_eq!(capture("a {{x}} b", "a 1 c"), None);
    }

    #[test]
    fn a_final_period_may_be_missing() {
        let template = "with id {{client_id}}.";
        assert_eq!(capture(template, "with id abc"), pairs(&[("client_id", "abc")]));
        assert_eq!(capture(template, "with id abc."), pairs(&[("client_id", "abc")]));
        assert_eq!(capture(template, "with id"), None);
        assert_eq!(capture("{{a}} is {{b}}!", "x is y"), None);
    }

    #[test]
    fn odd_text_never_panics() {
        let templates = ["{{a}}.", "x{{a}}y{{b}}.", "é{{a}}ü.", ".{{a}}.", "{{a}}.."];
        let texts = ["", ".", "..", "é", "xé.", "x", "xy", "x.y.", "éü", "ü.", "....."];
        for template in templates {
            for text in texts {
                let _ = capture(template, text);
            }
        }
    }
}
