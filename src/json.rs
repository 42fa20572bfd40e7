//! Writing JSON text: strings escaped so that any value, however hostile,
//! stays inside its string.

use crate::template::Segment;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether byte `b` of a UTF-8 string needs escaping. U+2028 and U+2029
/// (bytes E2 80 A8/A9) are escaped too, so the output is also valid
/// JavaScript; that is checked separately, at the rare 0xE2 lead byte.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0xE2
}

/// Appends `text` as the contents of a JSON string (without the quotes).
pub(crate) fn escape_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if !needs_escape(byte) {
            continue;
        }
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0xE2 => match bytes.get(index + 1..index + 3) {
                Some([0x80, 0xA8]) => b"\\u2028",
                Some([0x80, 0xA9]) => b"\\u2029",
                _ => continue,
            },
            control => {
                out.extend_from_slice(&bytes[start..index]);
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(control >> 4)],
                    HEX[usize::from(control & 0xF)],
                ]);
                start = index + 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..index]);
        out.extend_from_slice(escape);
        // U+2028/9 are three bytes; skip the two continuation bytes.
        start = if byte == 0xE2 { index + 3 } else { index + 1 };
    }
    out.extend_from_slice(&bytes[start.min(bytes.len())..]);
}

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

/// Appends a template filled with `values` (one per placeholder, in order of
/// first appearance) as a JSON string. A value is data: `{{x}}` inside it
/// stays literal, because filling never looks at the result again.
pub(crate) fn template_into(out: &mut Vec<u8>, template: &[Segment<'_>], names: &[&str], values: &[impl AsRef<str>]) {
    out.push(b'"');
    for segment in template {
        match *segment {
            Segment::Text(text) => escape_into(out, text),
            Segment::Placeholder(name) => {
                let value = names.iter().position(|known| *known == name).and_then(|at| values.get(at));
                if let Some(value) = value {
                    escape_into(out, value.as_ref());
                }
            }
        }
    }
    out.push(b'"');
}

/// The filled template as plain text.
pub(crate) fn fill(template: &[Segment<'_>], names: &[&str], values: &[impl AsRef<str>]) -> String {
    let mut text = String::new();
    for segment in template {
        match *segment {
            Segment::Text(literal) => text.push_str(literal),
            Segment::Placeholder(name) => {
                if let Some(value) = names.iter().position(|known| *known == name).and_then(|at| values.get(at)) {
                    text.push_str(value.as_ref());
                }
            }
        }
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
