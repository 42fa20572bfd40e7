//! Reading the members of a JSON object as raw JSON text, in one pass over
//! its bytes: the small, flat objects that error bodies are.
//!
//! The reader accepts a subset of what serde_json accepts, and where it
//! accepts it gives the members serde_json would. Whatever it does not read
//! itself (a key with an escape, or text that is not JSON) it refuses, and the
//! caller asks serde_json, which also words the error. A nested object or
//! array is read by serde_json too, which does so without recursion.

use std::ops::Range;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::json_escape::{HIGHS, ONES, zero_bytes};

/// Calls `each` with where the name and the raw value of every member of the
/// JSON object `text` lie in it, in order, and returns whether `text` was
/// read to its end. On `false` some members may have been given already: the
/// caller drops them and reads `text` another way.
///
/// A name is given only when it has no escape, so it is its own contents
/// (between the quotes); a value is the exact JSON text of the value, as
/// `RawValue::get` gives it. Both lie on character boundaries. The flag says
/// whether the value is a string without escapes, whose contents are then
/// the text between its quotes: what the scan has seen spares the caller a
/// second look.
pub(crate) fn read_members(text: &str, mut each: impl FnMut(Range<usize>, Range<usize>, bool)) -> bool {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return false;
    }
    at = skip_space(bytes, at + 1);
    if bytes.get(at) == Some(&b'}') {
        return skip_space(bytes, at + 1) == bytes.len();
    }
    loop {
        if bytes.get(at) != Some(&b'"') {
            return false;
        }
        let Some(Scanned { end, escaped: false }) = string_end(bytes, at + 1) else {
            return false;
        };
        let name = at + 1..end;
        at = skip_space(bytes, end + 1);
        if bytes.get(at) != Some(&b':') {
            return false;
        }
        at = skip_space(bytes, at + 1);
        let Some((after_value, plain)) = value_end(text, at) else {
            return false;
        };
        each(name, at..after_value, plain);
        at = skip_space(bytes, after_value);
        match bytes.get(at) {
            Some(b',') => at = skip_space(bytes, at + 1),
            Some(b'}') => return skip_space(bytes, at + 1) == bytes.len(),
            _ => return false,
        }
    }
}

/// The first index at or after `at` that is not JSON white space (not form
/// feed, which `u8::is_ascii_whitespace` allows).
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// Where a string ends, and whether it holds an escape.
struct Scanned {
    /// The index of the closing quote.
    end: usize,
    escaped: bool,
}

/// Scans a string whose contents start at `at`: eight bytes at a time while
/// none is a quote, a backslash or a control character (which JSON does not
/// allow unescaped), then byte by byte. An escape must be one JSON has; a
/// `\u` escape need not be a valid code point, as serde_json's raw values
/// do not ask it to be either.
fn string_end(bytes: &[u8], mut at: usize) -> Option<Scanned> {
    let mut escaped = false;
    loop {
        if let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            match special_bytes(u64::from_le_bytes(*chunk)) {
                0 => {
                    at += 8;
                    continue;
                }
                // The lowest flag is exact: a borrow only runs upwards.
                special => at += special.trailing_zeros() as usize / 8,
            }
        }
        match *bytes.get(at)? {
            b'"' => return Some(Scanned { end: at, escaped }),
            b'\\' => {
                escaped = true;
                at += match *bytes.get(at + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
                    b'u' if bytes.get(at + 2..at + 6)?.iter().all(u8::is_ascii_hexdigit) => 6,
                    _ => return None,
                };
            }
            0..0x20 => return None,
            _ => at += 1,
        }
    }
}

/// The high bit of each of the eight bytes that is a quote, a backslash or
/// below a space; bits above the lowest one may be false.
#[inline]
const fn special_bytes(word: u64) -> u64 {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    below_space | zero_bytes(word ^ (ONES * b'"' as u64)) | zero_bytes(word ^ (ONES * b'\\' as u64))
}

/// The index just after the value that starts at `at`, and whether the
/// value is a string without escapes.
fn value_end(text: &str, at: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let other = |end: Option<usize>| end.map(|end| (end, false));
    match *bytes.get(at)? {
        b'"' => string_end(bytes, at + 1).map(|scanned| (scanned.end + 1, !scanned.escaped)),
        b'-' | b'0'..=b'9' => other(number_end(bytes, at)),
        b't' => other(literal_end(bytes, at, b"true")),
        b'f' => other(literal_end(bytes, at, b"false")),
        b'n' => other(literal_end(bytes, at, b"null")),
        b'{' | b'[' => {
            let mut nested = serde_json::Deserializer::from_str(text.get(at..)?);
            let raw = <&RawValue>::deserialize(&mut nested).ok()?;
            Some((at + raw.get().len(), false))
        }
        _ => None,
    }
}

fn literal_end(bytes: &[u8], at: usize, literal: &[u8]) -> Option<usize> {
    bytes.get(at..)?.starts_with(literal).then_some(at + literal.len())
}

/// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn number_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    let digits_from =
        |from: usize| from + bytes.get(from..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    at = match *bytes.get(at)? {
        b'0' => at + 1,
        b'1'..=b'9' => digits_from(at + 1),
        _ => return None,
    };
    if bytes.get(at) == Some(&b'.') {
        let end = digits_from(at + 1);
        if end == at + 1 {
            return None;
        }
        at = end;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        if let Some(b'+' | b'-') = bytes.get(at) {
            at += 1;
        }
        let end = digits_from(at);
        if end == at {
            return None;
        }
        at = end;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The members serde_json reads, names decoded and values raw.
    fn serde_members(text: &str) -> Option<Vec<(String, String)>> {
        struct Members(Vec<(String, String)>);
        impl<'de> Deserialize<'de> for Members {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visit;
                impl<'de> serde::de::Visitor<'de> for Visit {
                    type Value = Members;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Members, M::Error> {
                        let mut members = Vec::new();
                        while let Some(name) = map.next_key::<String>()? {
                            let value: &RawValue = map.next_value()?;
                            members.push((name, value.get().to_owned()));
                        }
                        Ok(Members(members))
                    }
                }
                deserializer.deserialize_map(Visit)
            }
        }
        serde_json::from_str::<Members>(text).ok().map(|Members(members)| members)
    }

    fn read(text: &str) -> Option<Vec<(String, String)>> {
        let mut members = Vec::new();
        let read = read_members(text, |name, value, plain| {
            let value = &text[value];
            // The flag is exact: a string, and no escape in it.
            assert_eq!(plain, value.starts_with('"') && !value.contains('\\'), "{value:?} in {text:?}");
            members.push((text[name].to_owned(), value.to_owned()));
        });
        read.then_some(members)
    }

    /// The reader's contract: what it reads, serde_json reads alike.
    fn agrees(text: &str) {
        if let Some(members) = read(text) {
            assert_eq!(Some(members), serde_members(text), "{text:?}");
        }
    }

    #[test]
    fn reads_the_members_of_flat_and_nested_bodies_as_serde_json_does() {
        for text in [
            r#"{"error":"invalid_request","error_description":"missing username parameter"}"#,
            " {\n\t\"a\" : 1 ,\r\"b\":-0.5e+3, \"c\":true,\"d\":false,\"e\":null,\"a\":\"dup\"} \n",
            r#"{"stat":"error","code":210,"nested":{"a":[1,{"b":"]"}],"c":{}},"list":[],"x":"\"\\\/\b\f\n\r\t\u00e9\ud800"}"#,
            "{}",
            "{ }",
            r#"{"é":"ü — 😀","long string of more than eight bytes":"0123456789abcdef0123456789"}"#,
        ] {
            assert!(read(text).is_some(), "{text:?}");
            agrees(text);
        }
    }

    #[test]
    fn refuses_what_is_not_json_or_has_an_escaped_name() {
        for text in [
            "",
            " ",
            "[]",
            "\"a\"",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":1}x",
            "{\"a\":1}}",
            "{,}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":1e}",
            "{\"a\":-}",
            "{\"a\":+1}",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12g4\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":\"\u{1}\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":\"open",
            "{\"a\":[1,}",
            "{\"a\":{\"b\":}}",
            "{\"\\u0061\":1}",
            "{\"a\":1\u{c}}",
            "{'a':1}",
            "{a:1}",
            "{\"a\" 1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":truex}",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_lowest_flag_of_a_word_is_its_first_special_byte() {
        for byte in 0..=u8::MAX {
            for position in 0..7 {
                let mut word = *b"plain-o\"";
                word[position] = byte;
                let special = byte < 0x20 || byte == b'"' || byte == b'\\';
                let first = special_bytes(u64::from_le_bytes(word)).trailing_zeros() / 8;
                assert_eq!(first as usize, if special { position } else { 7 }, "{byte:#04x} at {position}");
            }
            assert_eq!(special_bytes(u64::from_le_bytes([byte; 8])) != 0, byte < 0x20 || byte == b'"' || byte == b'\\');
        }
    }

    #[test]
    fn a_special_byte_is_found_at_every_position_of_a_word() {
        for special in ["\"", "\\n", "\u{1}"] {
            for position in 0..20 {
                let text = format!("{{\"a\":\"{}{special}{}\"}}", "x".repeat(position), "y".repeat(20 - position));
                agrees(&text);
                assert_eq!(read(&text).is_some(), special == "\\n", "{text:?}");
            }
        }
    }

    fn json_like() -> impl Strategy<Value = String> {
        let atom = prop::sample::select(vec![
            "{", "}", "[", "]", ":", ",", " ", "\n", "\"", "\\", "\\u00", "a", "é", "0", "1", "-", ".", "e", "+",
            "true", "null", "\"k\"", "\"v\"", "\u{1}", "\u{c}",
        ]);
        prop::collection::vec(atom, 0..40).prop_map(|atoms| atoms.concat())
    }

    proptest! {
        #[test]
        fn never_reads_what_serde_json_reads_otherwise(text in json_like()) {
            agrees(&text);
        }

        #[test]
        fn reads_every_object_serde_json_writes(members in prop::collection::vec(("[a-z\u{e9}\"\\\\\u{1}]{0,12}", any::<f64>(), ".{0,12}"), 0..6)) {
            let mut object = serde_json::Map::new();
            for (name, number, text) in members {
                object.insert(format!("{name}n"), serde_json::json!(number));
                object.insert(format!("{name}t"), serde_json::json!(text));
                object.insert(format!("{name}o"), serde_json::json!({ "x": [text] }));
            }
            let text = serde_json::to_string(&object).unwrap_or_default();
            let plain_names = object.keys().all(|name| !name.contains(['"', '\\']) && !name.chars().any(|c| c < ' '));
            prop_assert_eq!(read(&text).is_some(), plain_names, "{}", text);
            agrees(&text);
        }
    }
}
