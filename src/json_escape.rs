//! JSON string escaping.
//
// build.rs compiles this file too (through `#[path]`), to store every static
// text of the catalog pre-escaped; the library escapes dynamic values with
// the same function. Keep it free of `crate::` paths.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether byte `b` of a UTF-8 string needs escaping. U+2028 and U+2029
/// (bytes E2 80 A8/A9) are escaped too, so the output is also valid
/// JavaScript; that is checked separately, at the rare 0xE2 lead byte.
#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0xE2
}

pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is zero (exact, as a whole:
/// nonzero if and only if some byte is zero).
#[inline]
pub(crate) const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Whether any of the eight bytes needs escaping, tested all at once. The
/// four tests are combined with `|`, not `||`: one branch per word, not four.
#[inline]
const fn any_needs_escape(word: u64) -> bool {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    (below_space
        | zero_bytes(word ^ (ONES * b'"' as u64))
        | zero_bytes(word ^ (ONES * b'\\' as u64))
        | zero_bytes(word ^ (ONES * 0xE2)))
        != 0
}

/// Appends `text` as the contents of a JSON string (without the quotes).
pub fn escape_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        // Skip eight plain bytes at a time: most text needs no escaping.
        if let Some(chunk) = bytes.split_at(index).1.first_chunk::<8>() {
            if !any_needs_escape(u64::from_le_bytes(*chunk)) {
                index += 8;
                continue;
            }
        }
        let byte = bytes[index];
        index += 1;
        if !needs_escape(byte) {
            continue;
        }
        let index = index - 1;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_test_agrees_with_the_byte_test_for_every_byte_at_every_position() {
        for byte in 0..=u8::MAX {
            for position in 0..8 {
                let mut word = *b"plain-ok";
                word[position] = byte;
                assert_eq!(any_needs_escape(u64::from_le_bytes(word)), needs_escape(byte), "{byte:#04x} at {position}");
            }
        }
    }

    #[test]
    fn words_and_bytes_escape_alike_however_the_text_is_split_into_words() {
        let plain = "abcdefghijklmnopqrstuvwxyz";
        for position in 0..plain.len() {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{e9}"] {
                let text = format!("{}{special}{}", &plain[..position], &plain[position..]);
                let mut out = Vec::new();
                escape_into(&mut out, &text);
                let json = format!("\"{}\"", String::from_utf8(out).expect("UTF-8"));
                assert_eq!(serde_json::from_str::<String>(&json).ok().as_deref(), Some(text.as_str()), "{json}");
                assert!(!json.contains('\u{2028}') && !json.chars().any(|c| c < ' '), "{json}");
            }
        }
    }
}
