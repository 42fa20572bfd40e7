//! `file:line:col: message` diagnostics.

use std::fmt;
use std::ops::Range;

use super::one_line::OneLine;

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
        write!(f, "{}:{}:{}: {}", OneLine(&self.file), self.line, self.column, OneLine(&self.message))
    }
}

/// A file's text, to turn byte spans into lines and columns.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: String,
    pub text: String,
    /// The byte offset at which each line starts, so that a file with an
    /// error in each of its 20 000 entries is not rescanned for each one.
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        Source { path: path.into(), text, line_starts }
    }

    /// A diagnostic at the start of `span`.
    pub fn at(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic { file: self.path.clone(), line, column, message: message.into() }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        (line, self.text[line_start..offset].chars().count() + 1)
    }
}

pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters_from_one() {
        let source = Source::new("catalog/x.toml", "ab\né = 1\n\nlast".to_owned());
        let at = |offset| source.line_column(offset);
        assert_eq!(
            [at(0), at(2), at(3), at(5), at(6), at(10), at(11), at(15), at(99)],
            [(1, 1), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1), (4, 1), (4, 5), (4, 5)]
        );
        // Inside a character: its start.
        assert_eq!(at(4), (2, 1));
    }

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
