//! Writing JSON text: strings escaped so that any value, however hostile,
//! stays inside its string.

use crate::template::Segment;

pub(crate) use crate::json_escape::escape_into;

/// Appends `number` in decimal.
pub(crate) fn number_into(out: &mut Vec<u8>, number: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `"text"`.
pub(crate) fn string_into(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    escape_into(out, text);
    out.push(b'"');
}

/// A piece of a filled template: its own text, or a placeholder's value.
enum Piece<'a> {
    Text(&'a str),
    Value(&'a str),
}

/// The pieces of `template` filled with `values` (one per name of `names`,
/// in order); a placeholder without a value is left out. Filling never looks
/// at its result again, so `{{x}}` inside a value stays literal.
#[inline(always)]
fn pieces<'a>(
    template: &'a [Segment<'a>],
    names: &'a [&'a str],
    values: &'a [impl AsRef<str>],
) -> impl Iterator<Item = Piece<'a>> {
    template.iter().filter_map(move |segment| match *segment {
        Segment::Text(text) => Some(Piece::Text(text)),
        Segment::Placeholder(name) => {
            // The generated tables name a placeholder with the same literal in
            // both places, so the address usually settles it without a `bcmp`.
            let at = names.iter().position(|known| std::ptr::eq(*known, name) || *known == name)?;
            values.get(at).map(|value| Piece::Value(value.as_ref()))
        }
    })
}

/// Appends a template filled with `values` (one per placeholder, in order of
/// first appearance) as a JSON string. The template's text is already
/// escaped (build.rs did it); only the values are escaped here.
pub(crate) fn escaped_template_into(
    out: &mut Vec<u8>,
    escaped_template: &[Segment<'_>],
    names: &[&str],
    values: &[impl AsRef<str>],
) {
    out.push(b'"');
    for piece in pieces(escaped_template, names, values) {
        match piece {
            Piece::Text(escaped) => out.extend_from_slice(escaped.as_bytes()),
            Piece::Value(value) => escape_into(out, value),
        }
    }
    out.push(b'"');
}

/// The filled template as plain text.
pub(crate) fn fill(template: &[Segment<'_>], names: &[&str], values: &[impl AsRef<str>]) -> String {
    let mut text = String::new();
    for Piece::Text(piece) | Piece::Value(piece) in pieces(template, names, values) {
        text.push_str(piece);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        string_into(&mut out, text);
        String::from_utf8(out).expect("escaping keeps UTF-8")
    }

    #[test]
    fn a_placeholder_is_filled_whether_or_not_its_name_is_the_same_literal() {
        let template = [Segment::Text("a "), Segment::Placeholder("who"), Segment::Text(" b")];
        // Names from elsewhere (another allocation) match by text.
        let owned = String::from("who");
        for names in [["who"], [owned.as_str()]] {
            let mut out = Vec::new();
            escaped_template_into(&mut out, &template, &names, &["x\"y"]);
            assert_eq!(out, br#""a x\"y b""#);
        }
        assert_eq!(fill(&template, &["other"], &["x"]), "a  b");
    }

    #[test]
    fn hostile_text_stays_inside_its_string() {
        for text in [
            "plain",
            "quote \" and \\ backslash",
            "\u{0}\u{1}\u{1f}\n\r\t\u{8}\u{c}",
            "line\u{2028}para\u{2029}",
            "\u{e2}\u{20ac} euro €",
            "{{x}}",
            "\u{fffd}",
            "",
            "ü\u{2028}",
        ] {
            let json = escaped(text);
            let back: String = serde_json::from_str(&json).expect("valid JSON");
            assert_eq!(back, text);
            assert!(!json.contains('\u{2028}') && !json.contains('\u{2029}'), "{json}");
            assert!(!json[1..json.len() - 1].chars().any(|c| c < ' '), "{json}");
        }
    }

    #[test]
    fn control_characters_use_short_or_unicode_escapes() {
        assert_eq!(escaped("\u{1}\n"), "\"\\u0001\\n\"");
        assert_eq!(escaped("a\u{2028}b"), "\"a\\u2028b\"");
    }
}

#[cfg(test)]
mod swar_tests {
    use super::*;

    /// Every special character at every offset around the 8-byte chunks
    /// escapes exactly as serde_json escapes it (serde_json leaves U+2028/9 raw).
    #[test]
    fn specials_at_every_offset_match_serde_json() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{2028}", "\u{2029}", "\u{e2}", "€", "é"] {
            for offset in 0..20 {
                let text = format!("{}{special}{}", "a".repeat(offset), "b".repeat(offset % 9));
                let mut out = Vec::new();
                string_into(&mut out, &text);
                let ours = String::from_utf8(out).unwrap();
                let theirs =
                    serde_json::to_string(&text).unwrap().replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029");
                assert_eq!(ours, theirs, "{text:?}");
            }
        }
    }
}
