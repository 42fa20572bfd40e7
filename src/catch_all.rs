//! Registration's catch-all rule: a code that is a multiple of 10 or 100
//! stands for the codes below it.
//
// build.rs compiles this file too (through `#[path]`) to precompute each
// code's parent; the library uses it at run time for codes it does not know.
// Keep it free of `crate::` paths.

/// A declared code range: `start..=end`, with its catch-all code if it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeRule {
    pub start: u32,
    pub end: u32,
    pub catch_all: Option<u32>,
}

/// The nearest catch-all above `code`: the next lower multiple of 10 when the
/// catalog has it, else the catch-all of the innermost range that holds
/// `code`, widening outwards. Never `code` itself.
///
/// `218 → 210`, `210 → 200`, `352 → 340` (there is no 350), `200 → None`.
pub fn catch_all(code: u32, ranges: impl IntoIterator<Item = RangeRule>, exists: impl Fn(u32) -> bool) -> Option<u32> {
    let tens = code - code % 10;
    if tens != code && exists(tens) {
        return Some(tens);
    }
    // The narrowest range that holds `code` and has a usable catch-all.
    ranges
        .into_iter()
        .filter(|range| (range.start..=range.end).contains(&code))
        .filter_map(|range| Some((range.end - range.start, range.catch_all?)))
        .filter(|&(_, candidate)| candidate != code && exists(candidate))
        .min_by_key(|&(width, _)| width)
        .map(|(_, candidate)| candidate)
}
