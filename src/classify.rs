//! Classification that depends on what a catalog has, not on which API it
//! is: by code and description (`identity = "code+description"`), and by
//! number with catch-alls (`[[range]]`). The generated `Code` of a catalog
//! that needs them calls these with its own tables.

use crate::catalog::{Classified, CodeRange};
use crate::code::ErrorCode;
use crate::perfect_hash::PairMap;

/// The tables of a catalog whose entries share codes and differ by description.
pub(crate) struct PairTables<C: 'static> {
    /// Every `(code, description)` without placeholders.
    pub(crate) exact: &'static PairMap<C>,
    /// Entries whose description has literal text around its placeholders,
    /// most literal text first.
    pub(crate) templates: &'static [C],
    /// Entries whose description is one placeholder, not generic.
    pub(crate) wildcards: &'static [C],
}

/// The entry a `(code, description)` pair fills, in order: an exact
/// description, a template with literal text, a wildcard, and last the
/// code's generic entry.
pub(crate) fn classify_pair<C: ErrorCode>(
    tables: &PairTables<C>,
    code: &str,
    description: Option<&str>,
) -> Classified<C> {
    let Some(description) = description else {
        return generic(code);
    };
    if let Some(found) = tables.exact.get(code, description) {
        return Classified::Exact(found);
    }
    let fills = |candidate: &C| {
        let entry = candidate.entry();
        entry.code() == code && entry.captures(description).is_some()
    };
    if let Some(found) = tables.templates.iter().copied().find(fills) {
        return Classified::Template(found);
    }
    match tables.wildcards.iter().copied().find(fills) {
        Some(found) => Classified::Wildcard(found),
        None => generic(code),
    }
}

/// [`classify_pair`]'s entry, except that a generic entry counts only where
/// the text fills its own description.
pub(crate) fn from_pair<C: ErrorCode>(tables: &PairTables<C>, code: &str, description: &str) -> Option<C> {
    match classify_pair(tables, code, Some(description)) {
        Classified::Exact(found) | Classified::Template(found) | Classified::Wildcard(found) => Some(found),
        Classified::Generic(found) => found.entry().captures(description).is_some().then_some(found),
        Classified::CatchAll(_) | Classified::Unknown => None,
    }
}

fn generic<C: ErrorCode>(code: &str) -> Classified<C> {
    C::from_wire(code).map_or(Classified::Unknown, Classified::Generic)
}

/// The code numbered `number`, else its nearest catch-all: the next lower
/// multiple of 10 the catalog has, else the catch-all of the innermost range
/// holding it.
pub(crate) fn resolve<C: ErrorCode>(number: u32, from_number: fn(u32) -> Option<C>) -> Option<C> {
    if let Some(found) = from_number(number) {
        return Some(found);
    }
    let rules = C::catalog().ranges().iter().map(CodeRange::rule);
    let parent = crate::catch_all::catch_all(number, rules, |candidate| from_number(candidate).is_some())?;
    from_number(parent)
}

/// A received code of a catalog of numbers: the canonical decimal form of a
/// number the catalog lacks resolves to its catch-all; any other text is
/// looked up as it is (a name).
pub(crate) fn classify_number<C: ErrorCode>(raw_code: &str, from_number: fn(u32) -> Option<C>) -> Classified<C> {
    // Only the canonical decimal form is a number: not "+210", not "0210".
    let canonical =
        raw_code.bytes().all(|byte| byte.is_ascii_digit()) && !(raw_code.len() > 1 && raw_code.starts_with('0'));
    let Some(number) = raw_code.parse::<u32>().ok().filter(|_| canonical) else {
        return Classified::exact(C::from_wire(raw_code));
    };
    match (from_number(number), resolve(number, from_number)) {
        (Some(found), _) => Classified::Exact(found),
        (None, Some(catch_all)) => Classified::CatchAll(catch_all),
        (None, None) => Classified::Unknown,
    }
}
