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
/// its first occurrence.
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
                    let at = if index + 1 == segments.len() {
                        rest.strip_suffix(literal)?.len()
                    } else {
                        rest.find(literal)?
                    };
                    values.push((name, &rest[..at]));
                    rest = &rest[at + literal.len()..];
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
