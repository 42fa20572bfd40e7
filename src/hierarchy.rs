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
pub fn catch_all(code: u32, ranges: &[RangeRule], exists: impl Fn(u32) -> bool) -> Option<u32> {
    let tens = code - code % 10;
    if tens != code && exists(tens) {
        return Some(tens);
    }
    let mut holding: Vec<&RangeRule> = ranges
        .iter()
        .filter(|range| (range.start..=range.end).contains(&code))
        .collect();
    holding.sort_by_key(|range| range.end - range.start);
    holding
        .into_iter()
        .filter_map(|range| range.catch_all)
        .find(|&candidate| candidate != code && exists(candidate))
}
