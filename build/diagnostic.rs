//! `file:line:col: message` diagnostics.

use std::fmt::{self, Write as _};
use std::ops::Range;

/// One problem in a catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_one_line(f, &self.file)?;
        write!(f, ":{}:{}: ", self.line, self.column)?;
        write_one_line(f, &self.message)
    }
}

/// Writes `text` with control characters and Unicode line separators
/// escaped: messages quote catalog text (a TOML string may hold `\n`), and
/// a diagnostic must stay one line for editors and CI logs to read it.
fn write_one_line(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for character in text.chars() {
        if character.is_control() || matches!(character, '\u{2028}' | '\u{2029}') {
            write!(f, "{}", character.escape_default())?;
        } else {
            f.write_char(character)?;
        }
    }
    Ok(())
}

/// A file's text, to turn byte spans into lines and columns.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: String,
    pub text: String,
}

impl Source {
    /// A diagnostic at the start of `span`.
    pub fn at(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = line_column(&self.text, span.start);
        Diagnostic { file: self.path.clone(), line, column, message: message.into() }
    }
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_quoting_control_characters_stays_one_line() {
        let diagnostic = Diagnostic {
            file: "catalog/a\nb.toml".to_owned(),
            line: 11,
            column: 8,
            message: "unknown kind `tok\n_expired\r\u{7}\u{2028}é`".to_owned(),
        };
        assert_eq!(diagnostic.to_string(), r"catalog/a\nb.toml:11:8: unknown kind `tok\n_expired\r\u{7}\u{2028}é`");
    }
}
