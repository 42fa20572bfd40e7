//! Text shown on one line. Catalog diagnostics quote catalog text (a TOML
//! string may hold `\n`) and `autherr`'s error messages quote command-line
//! input; editors, CI logs and terminals read each as one line, with no
//! escape sequences of their own. `autherr` compiles this file too.

use std::fmt::{self, Write as _};

/// Shows its text with control characters and Unicode line separators
/// escaped (`\n`, `\u{1b}`, `\u{2028}`); everything else as it is.
pub struct OneLine<'a>(pub &'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for character in self.0.chars() {
            if character.is_control() || matches!(character, '\u{2028}' | '\u{2029}') {
                write!(f, "{}", character.escape_default())?;
            } else {
                f.write_char(character)?;
            }
        }
        Ok(())
    }
}
