//! Spans of a generated text table.
//
// build.rs compiles this file too (through `#[path]`, for `perfect_hash`), so
// keep it free of `crate::` paths.
//
// Why spans, not `&'static str`: the generated statics hold hundreds of
// texts, and a position-independent binary relocates every pointer among
// them at start-up (24 bytes of `.rela.dyn` each, on top of the pointer).
// Each API's texts are one string instead, and what refers to a text holds
// where it is in that string: four bytes, nothing to relocate.

use std::num::NonZeroU32;

/// How many bits of a span hold its length: texts of up to 4 095 bytes.
const LEN_BITS: u32 = 12;

/// The longest text a span holds. build.rs rejects a longer catalog text.
pub const MAX_LEN: usize = (1 << LEN_BITS) - 1;

/// The longest table a span indexes (1 MiB less two bytes: `start + 1`
/// must fit the bits beside the length). build.rs rejects a catalog whose
/// texts could come to more.
pub const MAX_TABLE: usize = (1 << (u32::BITS - LEN_BITS)) - 2;

/// `len` bytes of a text table from `start`, packed into one word: a
/// catalog's texts are short, and its table small, and a span is stored in
/// every entry and perfect-hash slot ten times over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSpan {
    /// `(start + 1) << LEN_BITS | len`: never zero, so that
    /// `Option<TextSpan>` takes no more room.
    packed: NonZeroU32,
}

/// The span of `len` bytes from `start`, for the generated statics.
pub const fn at(start: u32, len: u32) -> TextSpan {
    assert!(
        len as usize <= MAX_LEN && start as usize + len as usize <= MAX_TABLE,
        "build.rs keeps texts and tables within a span's reach"
    );
    match NonZeroU32::new((start + 1) << LEN_BITS | len) {
        Some(packed) => TextSpan { packed },
        None => panic!("start + 1 is not zero"),
    }
}

impl TextSpan {
    pub const fn len(self) -> usize {
        (self.packed.get() & MAX_LEN as u32) as usize
    }

    const fn start(self) -> usize {
        ((self.packed.get() >> LEN_BITS) - 1) as usize
    }

    /// The span's text in `texts`; build.rs puts every span on character
    /// boundaries inside its table, and were one not, it would read as empty
    /// rather than panic.
    #[inline]
    pub fn of(self, texts: &'static str) -> &'static str {
        texts.get(self.start()..self.start() + self.len()).unwrap_or_default()
    }

    /// The span's bytes in `texts` (empty if it is outside): for comparing,
    /// which needs no check of character boundaries.
    #[inline]
    pub fn bytes(self, texts: &'static str) -> &'static [u8] {
        texts.as_bytes().get(self.start()..self.start() + self.len()).unwrap_or_default()
    }

    /// [`bytes`](TextSpan::bytes) in a `const` context.
    #[inline]
    pub const fn bytes_of(self, texts: &'static str) -> &'static [u8] {
        let bytes = texts.as_bytes();
        if self.start() + self.len() > bytes.len() {
            return &[];
        }
        bytes.split_at(self.start()).1.split_at(self.len()).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_reads_its_bytes_and_nothing_outside_the_table() {
        let texts = "invalid_requestérror";
        assert_eq!(at(0, 15).of(texts), "invalid_request");
        assert_eq!(at(15, 2).of(texts), "é");
        assert_eq!(at(15, 2).bytes_of(texts), "é".as_bytes());
        assert_eq!(at(0, 0).of(texts), "");
        assert_eq!(at(16, 1).of(texts), "", "not on a character boundary");
        assert_eq!(at(16, 1).bytes_of(texts), [0xa9]);
        assert_eq!(at(16, 1).bytes(texts), [0xa9]);
        assert_eq!(at(0, 15).bytes(texts), b"invalid_request");
        assert_eq!(at(18, 5).bytes(texts), b"", "past the end");
        assert_eq!(at(18, 5).of(texts), "", "past the end");
        assert_eq!(at(18, 5).bytes_of(texts), b"");
        assert_eq!(at(17, 4).bytes_of(texts), b"rror", "up to the end");
        assert_eq!(at(17, 4).bytes(texts), b"rror", "up to the end");
        assert_eq!(at(21, 0).bytes_of(texts), b"", "at the end");
        assert_eq!(at(22, 0).bytes_of(texts), b"", "past the end");
        assert_eq!(at(3, 4).len(), 4);
        assert_eq!(std::mem::size_of::<Option<TextSpan>>(), 4);
    }

    #[test]
    fn the_longest_text_and_the_last_start_of_the_largest_table_survive_packing() {
        let longest = at(0, MAX_LEN as u32);
        assert_eq!((longest.start(), longest.len()), (0, MAX_LEN));
        let last = (MAX_TABLE - 1) as u32;
        assert_eq!((at(last, 1).start(), at(last, 1).len()), (MAX_TABLE - 1, 1));
        let end = MAX_TABLE as u32;
        assert_eq!((at(end, 0).start(), at(end, 0).len()), (MAX_TABLE, 0));
    }
}
