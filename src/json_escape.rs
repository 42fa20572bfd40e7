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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `word` is zero (exact, as a whole).
#[inline]
const fn any_zero(word: u64) -> bool {
    word.wrapping_sub(ONES) & !word & HIGHS != 0
}

/// Whether any of the eight bytes needs escaping, tested all at once.
#[inline]
const fn any_needs_escape(word: u64) -> bool {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    below_space
        || any_zero(word ^ (ONES * b'"' as u64))
        || any_zero(word ^ (ONES * b'\\' as u64))
        || any_zero(word ^ (ONES * 0xE2))
}

/// Appends `text` as the contents of a JSON string (without the quotes).
pub fn escape_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        // Skip eight plain bytes at a time: most text needs no escaping.
        if let Some(chunk) = bytes.get(index..index + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !any_needs_escape(u64::from_le_bytes(word)) {
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
