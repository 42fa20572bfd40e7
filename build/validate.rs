//! The rules a parsed catalog must keep. Each rule is its own function and
//! reports every breach it finds, not only the first.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::diagnostic::{Diagnostic, Source};
use super::kind::Kind;
use super::model::{Catalog, CodeRange, Entry, Identity, Located, MemberValue, WireCode, detect_names};
use super::template;

/// Error statuses; the API-level `wire_status` may also be a success status,
/// because Registration answers errors with HTTP 200.
const ENTRY_STATUSES: std::ops::RangeInclusive<i64> = 400..=599;
const WIRE_STATUSES: std::ops::RangeInclusive<i64> = 100..=599;

const RUST_KEYWORDS: &[&str] = &["Self"];

/// Every rule that looks at one file.
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    api_name(catalog, &mut found);
    statuses(catalog, &mut found);
    challenge(catalog, &mut found);
    code_forms(catalog, &mut found);
    duplicate_codes(catalog, &mut found);
    names_are_not_codes(catalog, &mut found);
    variants(catalog, &mut found);
    templates(catalog, &mut found);
    kinds(catalog, &mut found);
    ranges(catalog, &mut found);
    shared_codes_agree(catalog, &mut found);
    generic_entries(catalog, &mut found);
    poll_intervals(catalog, &mut found);
    entry_count(catalog, MAX_ENTRIES, &mut found);
    nonce_headers(catalog, &mut found);
    retirements(catalog, &mut found);
    registered_errors(catalog, &mut found);
    text_hygiene(catalog, &mut found);
    members(catalog, &mut found);
    body_and_detection(catalog, &mut found);
    found
}

/// A rendered body holds at most this many members, and an error at most
/// this many fields (`src/wire`'s `RenderedMembers` and `Fields`).
pub const MAX_MEMBERS: usize = 5;
pub const MAX_FIELDS: usize = 2;

/// `Error`'s own `with_…` methods, which a field's setter would repeat.
pub const TAKEN_FIELDS: &[&str] = &["description", "member", "field", "options"];

fn members(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let whole = 0..0;
    let members = &catalog.members;
    let count = |wanted: fn(&MemberValue) -> bool| members.iter().filter(|member| wanted(&member.value.value)).count();
    if members.len() > MAX_MEMBERS {
        report(found, source, &members[MAX_MEMBERS].name.span, format!("a body has at most {MAX_MEMBERS} members"));
    }
    if count(|value| *value == MemberValue::Description) != 1 {
        report(found, source, &whole, "the body needs exactly one member with value = \"description\"".to_owned());
    }
    if count(|value| matches!(value, MemberValue::Code | MemberValue::Number)) != 1 {
        let message = "the body needs exactly one member with value = \"code\" or \"number\"";
        report(found, source, &whole, message.to_owned());
    }
    let mut names = HashSet::new();
    let mut fields = HashSet::new();
    for member in members {
        if !is_plain_code(&member.name.value) {
            let message = format!(
                "member name {:?} must be non-empty, without spaces, quotes, backslashes or control characters",
                member.name.value
            );
            report(found, source, &member.name.span, message);
        } else if !names.insert(member.name.value.as_str()) {
            report(found, source, &member.name.span, format!("the body has two members `{}`", member.name.value));
        }
        let span = &member.value.span;
        match &member.value.value {
            MemberValue::Literal(text) if !is_plain_code(text) => {
                let message = format!(
                    "literal {text:?} must be non-empty, without spaces, quotes, backslashes or control characters"
                );
                report(found, source, span, message);
            }
            MemberValue::Number => {
                if let Some(entry) =
                    catalog.entries.iter().find(|entry| !matches!(entry.code.value, WireCode::Number(_)))
                {
                    let message =
                        format!("a `number` member needs integer codes; `{}` is not one", entry.code.value.text());
                    report(found, source, &entry.code.span, message);
                }
            }
            MemberValue::Name => {
                if let Some(entry) = catalog.entries.iter().find(|entry| entry.name.is_none()) {
                    let message =
                        format!("a `name` member needs a name for every entry; `{}` has none", entry.code.value.text());
                    report(found, source, &entry.code.span, message);
                }
            }
            MemberValue::Field { field, .. } => {
                let identifier = field.starts_with(|c: char| c.is_ascii_lowercase())
                    && field.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if !identifier {
                    report(
                        found,
                        source,
                        span,
                        format!("field `{field}` must be snake_case: it names the setter `with_{field}`"),
                    );
                } else if TAKEN_FIELDS.contains(&field.as_str()) {
                    report(
                        found,
                        source,
                        span,
                        format!("field `{field}` would give `Error` a second method `with_{field}`"),
                    );
                } else if !fields.insert(field.as_str()) {
                    report(found, source, span, format!("the body has two fields `{field}`"));
                } else if fields.len() > MAX_FIELDS {
                    report(found, source, span, format!("a body has at most {MAX_FIELDS} fields"));
                }
            }
            _ => {}
        }
    }
}

fn body_and_detection(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let body = &catalog.body;
    let lists = [&body.code, &body.description, &body.required, &body.any_of];
    for name in lists.into_iter().flatten() {
        if !is_plain_code(&name.value) {
            let message = format!(
                "member name {:?} must be non-empty, without spaces, quotes, backslashes or control characters",
                name.value
            );
            report(found, source, &name.span, message);
        }
    }
    if body.code.is_empty() || body.description.is_empty() {
        report(found, source, &(0..0), "[body] needs at least one `code` and one `description` member".to_owned());
    }
    if catalog.detect.is_empty() {
        report(
            found,
            source,
            &(0..0),
            "the catalog needs a [[detect]] rule, or `parse` never finds its bodies".to_owned(),
        );
    }
    for rule in &catalog.detect {
        if rule.all.is_empty() {
            report(found, source, &rule.order.span, "a [[detect]] rule needs at least one test in `all`".to_owned());
        }
    }
}

/// Rules across files: each API once, at least one, detection orders
/// unique, and no API named like a module the crate has (`taken`).
pub fn validate_set(catalogs: &[Catalog], files_read: usize, taken: &[&str]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut seen: HashMap<&str, &Catalog> = HashMap::new();
    for catalog in catalogs {
        let name = catalog.api.name.value.as_str();
        if let Some(first) = seen.insert(name, catalog) {
            found.push(
                catalog
                    .source
                    .at(&catalog.api.name.span, format!("API `{name}` is also defined by {}", first.source.path)),
            );
        }
    }
    let mut orders: HashMap<i64, &Catalog> = HashMap::new();
    for catalog in catalogs {
        for rule in &catalog.detect {
            if let Some(first) = orders.insert(rule.order.value, catalog) {
                let message = format!(
                    "detection order {} is also used by a rule of {}; orders must be unique across the catalogs",
                    rule.order.value, first.source.path
                );
                found.push(catalog.source.at(&rule.order.span, message));
            }
        }
    }
    detect_name_count(catalogs, MAX_DETECT_NAMES, &mut found);
    if files_read == 0 {
        found.push(Diagnostic {
            file: "catalog".to_owned(),
            line: 1,
            column: 1,
            message: "the catalog folder has no *.toml file: the crate needs at least one API".to_owned(),
        });
    }
    for catalog in catalogs {
        let name = &catalog.api.name;
        if taken.contains(&name.value.as_str()) {
            let message = format!(
                "API `{}` would be a module of the same name as one the crate already has (a module of src/ or a dependency)",
                name.value
            );
            found.push(catalog.source.at(&name.span, message));
        }
    }
    found
}

/// The generated detection masks are `u64`s, a bit per member name.
const MAX_DETECT_NAMES: usize = 64;

/// At most `most` distinct member names across every catalog's `[[detect]]`
/// tests, reported at the first test that reads one more.
fn detect_name_count(catalogs: &[Catalog], most: usize, found: &mut Vec<Diagnostic>) {
    let names = detect_names(catalogs.iter().flat_map(|catalog| &catalog.detect));
    let Some(extra) = names.get(most) else { return };
    for catalog in catalogs {
        let tests = catalog.detect.iter().flat_map(|rule| rule.all.iter().chain(&rule.any));
        if let Some(test) = tests.into_iter().find(|test| test.value.member() == *extra) {
            let message = format!(
                "the [[detect]] tests of all the catalogs read at most {most} member names; `{extra}` is one more"
            );
            found.push(catalog.source.at(&test.span, message));
            return;
        }
    }
}

fn report(found: &mut Vec<Diagnostic>, source: &Source, span: &Range<usize>, message: String) {
    found.push(source.at(span, message));
}

fn api_name(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let name = &catalog.api.name;
    let identifier = name.value.starts_with(|c: char| c.is_ascii_lowercase())
        && name.value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !identifier || KEYWORDS.contains(&name.value.as_str()) {
        let message = format!(
            "API name `{}` must be a snake_case Rust identifier, not a keyword: it names the module",
            name.value
        );
        report(found, &catalog.source, &name.span, message);
    } else if name.value != catalog.stem {
        let message = format!("API `{}` must be defined in catalog/{}.toml", name.value, name.value);
        report(found, &catalog.source, &name.span, message);
    }
}

fn statuses(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    for entry in &catalog.entries {
        let status = &entry.status;
        if !ENTRY_STATUSES.contains(&status.value) {
            report(
                found,
                source,
                &status.span,
                format!("HTTP status {} is not an error status (400-599)", status.value),
            );
        }
    }
    for status in &catalog.api.generic_statuses {
        if !ENTRY_STATUSES.contains(&status.value) {
            report(
                found,
                source,
                &status.span,
                format!("generic HTTP status {} is not an error status (400-599)", status.value),
            );
        }
    }
    if let Some(status) = &catalog.api.wire_status {
        if !WIRE_STATUSES.contains(&status.value) {
            report(
                found,
                source,
                &status.span,
                format!("wire HTTP status {} is not an HTTP status (100-599)", status.value),
            );
        }
    }
}

/// The challenge goes into a header as it is, with a code for `{{code}}`.
fn challenge(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let Some(challenge) = &catalog.api.challenge else { return };
    let header_safe = !challenge.value.is_empty() && challenge.value.chars().all(|c| matches!(c, ' '..='~'));
    let only_code = template::parse(&challenge.value)
        .is_ok_and(|segments| template::placeholders(&segments).iter().all(|name| *name == "code"));
    if !header_safe || !only_code {
        let message =
            "`challenge` must be a header value (visible ASCII and spaces) whose only placeholder is `{{code}}`";
        report(found, &catalog.source, &challenge.span, message.to_owned());
    }
}

/// Codes and names are written to JSON without escaping, and looked up as typed.
fn is_plain_code(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '\\')
}

fn code_forms(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let numeric = catalog.entries.first().map(|entry| matches!(entry.code.value, WireCode::Number(_)));
    for entry in &catalog.entries {
        let code = &entry.code;
        match &code.value {
            WireCode::Number(number) if u32::try_from(*number).is_err() => {
                report(found, source, &code.span, format!("code {number} is outside 0..=4294967295"));
            }
            WireCode::Text(text) if !is_plain_code(text) => {
                report(
                    found,
                    source,
                    &code.span,
                    format!(
                        "code {text:?} must be non-empty, without spaces, quotes, backslashes or control characters"
                    ),
                );
            }
            _ => {}
        }
        let is_number = matches!(code.value, WireCode::Number(_));
        if numeric.is_some_and(|numeric| numeric != is_number) {
            let expected = if numeric == Some(true) { "an integer" } else { "a string" };
            report(found, source, &code.span, format!("code must be {expected}, like the first entry's"));
        }
        if let Some(name) = entry.name.as_ref().filter(|name| !is_plain_code(&name.value)) {
            let message = format!(
                "name {:?} must be non-empty, without spaces, quotes, backslashes or control characters",
                name.value
            );
            report(found, source, &name.span, message);
        }
        if let (Some(name), WireCode::Text(_)) = (&entry.name, &code.value) {
            report(found, source, &name.span, "`name` goes only with integer codes".to_owned());
        }
    }
}

/// Reports `key` when an earlier entry already used it.
fn check_unique(
    first_use: &mut HashMap<String, usize>,
    source: &Source,
    found: &mut Vec<Diagnostic>,
    key: String,
    span: &Range<usize>,
    what: &str,
) {
    if let Some(first) = first_use.get(&key) {
        let (line, _) = source.line_column(*first);
        let shown = key.replace('\u{0}', "\", \"");
        report(found, source, span, format!("duplicate {what} `{shown}`: already used at line {line}"));
    } else {
        first_use.insert(key, span.start);
    }
}

fn duplicate_codes(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let mut first_use = HashMap::new();
    for entry in &catalog.entries {
        match catalog.api.identity {
            Identity::Code => {
                for key in catalog.code_texts(entry) {
                    check_unique(&mut first_use, source, found, key, &entry.code.span, "code");
                }
            }
            Identity::CodeAndDescription => {
                let description = entry.description();
                let pair = format!("{}\u{0}{}", entry.code.value.text(), description.value);
                check_unique(&mut first_use, source, found, pair, &description.span, "(code, description) pair");
            }
        }
    }
}

/// A name shares the lookup table with the codes, so it must not be one.
fn names_are_not_codes(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let codes: HashSet<String> = catalog.entries.iter().flat_map(|entry| catalog.code_texts(entry)).collect();
    for entry in &catalog.entries {
        if let Some(name) = entry.name.as_ref().filter(|name| codes.contains(&name.value)) {
            report(found, &catalog.source, &name.span, format!("name `{}` is also a code", name.value));
        }
    }
}

fn is_upper_camel_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Methods of `Error<C>` that a generated constructor must not shadow.
/// Keywords that `r#` cannot make identifiers of.
const NOT_RAW: &[&str] = &["self", "super", "crate"];

/// Whether `name` is a Rust keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Rust keywords, strict and reserved, which cannot name a constructor
/// argument or an API module.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

fn variants(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let mut first_use: HashMap<String, usize> = HashMap::new();
    for entry in &catalog.entries {
        let span = entry.variant_span();
        let Some(variant) = entry.variant_name() else {
            let message = format!("cannot derive a variant name from `{}`; set `variant`", entry.code.value.text());
            report(found, source, span, message);
            continue;
        };
        if !is_upper_camel_identifier(&variant) || RUST_KEYWORDS.contains(&variant.as_str()) {
            let message = format!(
                "variant `{variant}` must be an UpperCamelCase Rust identifier (ASCII letters and digits) and not a keyword"
            );
            report(found, source, span, message);
        } else if NOT_RAW.contains(&super::generate::snake_case(&variant).as_str()) {
            let message = format!(
                "variant `{variant}` would name its constructor `{}`, a keyword that cannot be a raw identifier",
                super::generate::snake_case(&variant)
            );
            report(found, source, span, message);
        } else if let Some(first) = first_use.get(&variant) {
            let (line, _) = source.line_column(*first);
            let message = format!(
                "duplicate variant `{variant}` (the entry at line {line} has it too); set `variant` explicitly"
            );
            report(found, source, span, message);
        } else {
            first_use.insert(variant, span.start);
        }
    }
}

/// Points inside a string value when its source text is the plain quoted value.
fn offset_span(source: &Source, value: &Located<String>, offset: usize) -> Range<usize> {
    let raw = source.text.get(value.span.clone()).unwrap_or_default();
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
    if inner == value.value {
        let at = value.span.start + 1 + offset;
        at..at
    } else {
        value.span.clone()
    }
}

fn templates(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    for entry in &catalog.entries {
        let description = entry.description();
        let parsed =
            |found: &mut Vec<Diagnostic>, field: &str, text: &Located<String>| match template::parse(&text.value) {
                Ok(segments) => {
                    Some(template::placeholders(&segments).into_iter().map(str::to_owned).collect::<Vec<_>>())
                }
                Err(error) => {
                    let span = offset_span(source, text, error.offset);
                    report(found, source, &span, format!("malformed placeholder in `{field}`: {}", error.message));
                    None
                }
            };
        let described = parsed(found, "description", description);
        for name in described.iter().flatten().filter(|name| KEYWORDS.contains(&name.as_str())) {
            report(
                found,
                source,
                &description.span,
                format!("placeholder `{{{{{name}}}}}` is a Rust keyword and cannot name a constructor argument"),
            );
        }
        let others = [("message", Some(&entry.message)), ("resolution", entry.resolution.as_ref())];
        for (field, text) in others {
            let Some(text) = text.filter(|text| !std::ptr::eq(*text, description)) else {
                continue;
            };
            let (Some(names), Some(described)) = (parsed(found, field, text), described.as_ref()) else {
                continue;
            };
            for name in names.iter().filter(|name| !described.contains(name)) {
                let message = format!(
                    "placeholder `{{{{{name}}}}}` in `{field}` does not appear in `description`; an entry's texts share one set of values"
                );
                report(found, source, &text.span, message);
            }
        }
    }
}

fn kinds(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let kinds = catalog.entries.iter().map(|entry| &entry.kind);
    for kind in kinds.chain(catalog.registered_errors.iter().map(|registered| &registered.kind)) {
        if Kind::from_name(&kind.value).is_none() {
            let known: Vec<&str> = Kind::ALL.iter().map(|kind| kind.as_str()).collect();
            let message = format!("unknown kind `{}`; expected one of: {}", kind.value, known.join(", "));
            report(found, &catalog.source, &kind.span, message);
        }
    }
}

fn ranges(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let ranges = &catalog.ranges;
    let codes: HashSet<&WireCode> = catalog.entries.iter().map(|entry| &entry.code.value).collect();
    for (index, range) in ranges.iter().enumerate() {
        if range.start.value > range.end.value {
            report(found, source, &range.start.span, format!("range `{}` starts after it ends", range.name.value));
        }
        for other in &ranges[..index] {
            let (a, b) = ((range.start.value, range.end.value), (other.start.value, other.end.value));
            let disjoint = a.1 < b.0 || b.1 < a.0;
            let nested = (a.0 >= b.0 && a.1 <= b.1) || (b.0 >= a.0 && b.1 <= a.1);
            if !disjoint && !nested {
                let message = format!(
                    "range `{}` ({}-{}) partially overlaps range `{}` ({}-{}); ranges may nest but not overlap",
                    range.name.value, a.0, a.1, other.name.value, b.0, b.1
                );
                report(found, source, &range.start.span, message);
            }
            if other.name.value == range.name.value {
                report(found, source, &range.name.span, format!("duplicate range name `{}`", range.name.value));
            }
        }
        if let Some(catch_all) = &range.catch_all {
            if !(range.start.value..=range.end.value).contains(&catch_all.value) {
                report(found, source, &catch_all.span, format!("catch-all {} lies outside its range", catch_all.value));
            } else if !codes.contains(&&WireCode::Number(catch_all.value)) {
                report(
                    found,
                    source,
                    &catch_all.span,
                    format!("catch-all {} is not a code of this catalog", catch_all.value),
                );
            }
        }
    }
    if ranges.is_empty() {
        return;
    }
    let mut by_name = HashMap::new();
    for range in ranges.iter().rev() {
        by_name.insert(range.name.value.as_str(), range);
    }
    for entry in &catalog.entries {
        let Some(range) = by_name.get(entry.section.value.as_str()) else {
            let message = format!(
                "section `{}` is not a declared range; expected one of: {}",
                entry.section.value,
                range_names(ranges)
            );
            report(found, source, &entry.section.span, message);
            continue;
        };
        let WireCode::Number(code) = entry.code.value else {
            continue;
        };
        if !(range.start.value..=range.end.value).contains(&code) {
            let message = format!(
                "code {code} is outside its range `{}` ({}-{})",
                range.name.value, range.start.value, range.end.value
            );
            report(found, source, &entry.code.span, message);
        }
    }
}

/// The names of `ranges` for a message, at most [`NAMES_SHOWN`] of them: a
/// file with thousands of ranges must not make each diagnostic as long.
fn range_names(ranges: &[CodeRange]) -> String {
    let mut names: Vec<&str> = ranges.iter().take(NAMES_SHOWN).map(|range| range.name.value.as_str()).collect();
    let more = format!("… ({} in all)", ranges.len());
    if ranges.len() > NAMES_SHOWN {
        names.push(&more);
    }
    names.join(", ")
}

const NAMES_SHOWN: usize = 12;

/// Entries told apart by their code alone that share a name (Registration's
/// 214 and 352) must agree, because a lookup by name finds the first.
fn shared_codes_agree(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    if catalog.api.identity != Identity::Code {
        return;
    }
    let mut first_with_code: HashMap<String, &Entry> = HashMap::new();
    let shared_texts = catalog.entries.iter().flat_map(|entry| {
        let name = entry.name.as_ref().map(|name| (name.value.clone(), entry));
        std::iter::once((entry.code.value.text(), entry)).chain(name)
    });
    for (code, entry) in shared_texts {
        let Some(first) = first_with_code.get(&code) else {
            first_with_code.insert(code, entry);
            continue;
        };
        if first.kind.value != entry.kind.value || first.retryable != entry.retryable {
            let (line, _) = catalog.source.line_column(first.span.start);
            let message = format!(
                "entries sharing code or name `{code}` must agree on `kind` and `retryable` (see the entry at line {line}): a lookup by code or name finds the first"
            );
            report(found, &catalog.source, &entry.kind.span, message);
        }
    }
}

/// Where entries share a code and differ by description, each code has one
/// generic entry: what a body of that code means when its description
/// identifies no entry. A wildcard description (`{{reason}}` alone) matches
/// any text, so it must classify as the generic entry does.
fn generic_entries(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    if catalog.api.identity != Identity::CodeAndDescription {
        for generic in catalog.entries.iter().filter_map(|entry| entry.generic.as_ref()) {
            let message = "`generic` applies only where `identity` is \"code+description\"".to_owned();
            report(found, source, &generic.span, message);
        }
        return;
    }
    let mut generic_of: HashMap<String, &Entry> = HashMap::new();
    for entry in &catalog.entries {
        let Some(flag) = entry.generic.as_ref().filter(|flag| flag.value) else { continue };
        let code = entry.code.value.text();
        if let Some(first) = generic_of.get(&code) {
            let (line, _) = source.line_column(first.span.start);
            report(found, source, &flag.span, format!("code `{code}` already has a generic entry, at line {line}"));
            continue;
        }
        generic_of.insert(code, entry);
    }
    let mut reported = HashSet::new();
    for entry in &catalog.entries {
        let code = entry.code.value.text();
        let Some(generic) = generic_of.get(&code) else {
            if reported.insert(code.clone()) {
                let message = format!(
                    "code `{code}` has no generic entry (`generic = true`): a body whose description matches no entry is classified by it"
                );
                report(found, source, &entry.code.span, message);
            }
            continue;
        };
        if entry.has_wildcard_description()
            && !entry.is_generic()
            && (generic.kind.value != entry.kind.value || generic.retryable != entry.retryable)
        {
            let (line, _) = source.line_column(generic.span.start);
            let message = format!(
                "a wildcard description matches any text, so it must agree on `kind` and `retryable` with the generic entry of `{code}` (line {line})"
            );
            report(found, source, &entry.kind.span, message);
        }
    }
}

/// The longest polling interval increase the catalog accepts, in seconds.
const MAX_POLL_INTERVAL_INCREASE: i64 = 3600;

/// A header name is an RFC 9110 token.
fn nonce_headers(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    for header in catalog.entries.iter().filter_map(|entry| entry.nonce_header.as_ref()) {
        let token = !header.value.is_empty()
            && header.value.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte));
        if !token {
            let message = format!("`nonce_header` {:?} is not an HTTP header name", header.value);
            report(found, &catalog.source, &header.span, message);
        }
    }
}

/// `retired` says when and why: `"0.3.0: replaced by ACME-7"`.
fn retirements(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    for entry in catalog.entries.iter().filter(|entry| entry.retirement().is_none()) {
        if let Some(retired) = &entry.retired {
            let message = format!(
                "`retired` is {:?}; write the version that retired the code and why: \"0.3.0: <why>\"",
                retired.value
            );
            report(found, &catalog.source, &retired.span, message);
        }
    }
}

/// The generated entries number themselves in a `u16`.
const MAX_ENTRIES: usize = u16::MAX as usize;

fn entry_count(catalog: &Catalog, most: usize, found: &mut Vec<Diagnostic>) {
    if let Some(first_extra) = catalog.entries.get(most) {
        report(found, &catalog.source, &first_extra.span, format!("a catalog has at most {most} entries"));
    }
}

fn poll_intervals(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    for increase in catalog.entries.iter().filter_map(|entry| entry.poll_interval_increase.as_ref()) {
        if !(1..=MAX_POLL_INTERVAL_INCREASE).contains(&increase.value) {
            let message = format!(
                "`poll_interval_increase` is {} seconds; it must be 1 to {MAX_POLL_INTERVAL_INCREASE}",
                increase.value
            );
            report(found, &catalog.source, &increase.span, message);
        }
    }
}

fn registered_errors(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    let source = &catalog.source;
    let mut first_use = HashMap::new();
    for registered in &catalog.registered_errors {
        let code = &registered.code;
        if !is_plain_code(&code.value) {
            let message = format!(
                "registered code {:?} must be non-empty, without spaces, quotes, backslashes or control characters",
                code.value
            );
            report(found, source, &code.span, message);
        }
        check_unique(&mut first_use, source, found, code.value.clone(), &code.span, "registered code");
    }
}

/// Seed documents carry mojibake, Markdown escapes and HTML entities; a
/// catalog text must not.
fn text_hygiene(catalog: &Catalog, found: &mut Vec<Diagnostic>) {
    const SUSPECTS: &[(&str, &str)] = &[
        ("\u{e2}\u{20ac}", "mojibake (UTF-8 read as Windows-1252)"),
        ("\u{c3}\u{a2}", "mojibake (UTF-8 read as Windows-1252)"),
        ("\u{fffd}", "a replacement character"),
        ("\\_", "a Markdown escape"),
        ("\\{", "a Markdown escape"),
        ("\\*", "a Markdown escape"),
        ("&nbsp;", "an HTML entity"),
        ("&amp;", "an HTML entity"),
        ("&#", "an HTML entity"),
    ];
    let source = &catalog.source;
    let entry_texts = catalog.entries.iter().flat_map(|entry| {
        [
            ("message", Some(&entry.message)),
            ("description", entry.description.as_ref()),
            ("resolution", entry.resolution.as_ref()),
            ("section", Some(&entry.section)),
            ("erratum", entry.erratum.as_ref()),
            ("source", entry.source.as_ref()),
        ]
    });
    let registered_texts = catalog
        .registered_errors
        .iter()
        .flat_map(|registered| [("usage", Some(&registered.usage)), ("source", Some(&registered.source))]);
    for (field, text) in entry_texts.chain(registered_texts) {
        let Some(text) = text else { continue };
        if text.value.trim().is_empty() {
            report(found, source, &text.span, format!("`{field}` is empty"));
            continue;
        }
        if text.value.trim() != text.value || text.value.chars().any(char::is_control) {
            report(
                found,
                source,
                &text.span,
                format!("`{field}` has leading or trailing white space or control characters"),
            );
        }
        if field == "erratum" {
            continue; // an erratum quotes the seed's mistakes
        }
        for (needle, what) in SUSPECTS {
            if let Some(offset) = text.value.find(needle) {
                let span = offset_span(source, text, offset);
                report(found, source, &span, format!("`{field}` contains {what}: {needle:?}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::Test;
    use super::super::parse::parse_file;
    use std::fmt::Write as _;

    const API: &str = "[api]\nname = \"authos\"\ntitle = \"T\"\nsource = \"S\"\n";
    const ENTRY: &str = "[[entry]]\ncode = \"TOKEN_EXPIRED\"\nstatus = 401\nmessage = \"JWT has expired\"\nsection = \"Authentication\"\nkind = \"token_expired\"\nretryable = false\n";

    /// AuthOS's body, appended to every snippet so that line numbers stay those of the snippet.
    const BODY: &str = include_str!("../tests/data/body/authos.toml");

    /// Every diagnostic for one file, as `file:line:col: message`.
    fn check(path: &str, text: &str) -> Vec<String> {
        check_as_given(path, &format!("{text}\n{BODY}"))
    }

    /// [`check`] without the appended body: for rules about the body itself.
    fn check_as_given(path: &str, text: &str) -> Vec<String> {
        let found = match parse_file(path, text.as_bytes()) {
            Ok(catalog) => super::validate(&catalog),
            Err(found) => found,
        };
        found.iter().map(ToString::to_string).collect()
    }

    /// An AuthOS catalog whose body is [`BODY`] with `from` replaced by `to`.
    fn with_body(from: &str, to: &str) -> Vec<String> {
        assert!(BODY.contains(from), "{from:?} is not in the body");
        check_as_given("catalog/authos.toml", &format!("{API}\n{ENTRY}\n{}", BODY.replacen(from, to, 1)))
    }

    fn authos(body: &str) -> Vec<String> {
        check("catalog/authos.toml", &format!("{API}\n{body}"))
    }

    #[track_caller]
    fn assert_one(found: &[String], expected: &str) {
        assert!(
            found.len() == 1 && found[0].contains(expected),
            "expected one diagnostic containing {expected:?}, got {found:#?}"
        );
    }

    #[test]
    fn a_clean_file_has_no_diagnostics() {
        assert_eq!(authos(ENTRY), Vec::<String>::new());
    }

    #[test]
    fn toml_syntax_errors_point_at_the_error() {
        let found = authos("[[entry]]\ncode = \"A\nstatus = 401\n");
        assert!(found[0].starts_with("catalog/authos.toml:7:"), "{found:?}");
        assert!(found[0].contains("invalid TOML"), "{found:?}");
    }

    #[test]
    fn unknown_keys() {
        let found = authos(&ENTRY.replace("retryable", "retry_able"));
        assert!(
            found.iter().any(|d| d.contains("catalog/authos.toml:12:1: unknown key `retry_able` in [[entry]]")),
            "{found:?}"
        );
        assert!(found.iter().any(|d| d.contains("missing the required key `retryable`")), "{found:?}");
        assert_one(&authos(&format!("[api2]\n{ENTRY}")), "unknown key `api2` in the file");
        let found = check("catalog/authos.toml", &format!("{}colour = \"red\"\n\n{ENTRY}", API));
        assert_one(&found, "catalog/authos.toml:5:1: unknown key `colour` in [api]");
    }

    #[test]
    fn missing_fields() {
        assert_one(
            &authos(&ENTRY.replace("status = 401\n", "")),
            "catalog/authos.toml:6:1: [[entry]] is missing the required key `status`",
        );
        assert_one(&check("catalog/authos.toml", ENTRY), "the file is missing the required key `api`");
        let found = check("catalog/authos.toml", API);
        assert_one(&found, "missing the required key `entry`");
    }

    #[test]
    fn mistyped_fields() {
        assert_one(
            &authos(&ENTRY.replace("status = 401", "status = \"401\"")),
            "catalog/authos.toml:8:10: `status` in [[entry]] must be an integer, found string",
        );
        assert_one(
            &authos(&ENTRY.replace("retryable = false", "retryable = \"no\"")),
            "`retryable` in [[entry]] must be a boolean",
        );
        assert_one(
            &authos(&ENTRY.replace("code = \"TOKEN_EXPIRED\"", "code = 1.5")),
            "`code` in [[entry]] must be a string or an integer, found float",
        );
        assert_one(
            &check("catalog/authos.toml", &format!("entry = 3\n{API}")),
            "catalog/authos.toml:1:9: `entry` in the file must be an array of tables",
        );
    }

    #[test]
    fn codes_and_names_are_plain() {
        assert_one(
            &authos(&ENTRY.replace("\"TOKEN_EXPIRED\"", "'TOKEN\"EXPIRED'")),
            "must be non-empty, without spaces, quotes",
        );
        assert_one(
            &authos(&ENTRY.replace("\"TOKEN_EXPIRED\"", "\"TOKEN EXPIRED\"")),
            "must be non-empty, without spaces, quotes",
        );
        let text = format!("{REGISTRATION}\n{}", registration_entry(200, "invalid\\\\argument", "invalid_argument"));
        let found = check("catalog/registration.toml", &text);
        assert!(found.iter().any(|d| d.contains("name \"invalid\\\\argument\" must be non-empty")), "{found:?}");
    }

    #[test]
    fn duplicate_codes() {
        let second = ENTRY.replace("TokenExpired", "Other");
        let found = authos(&format!("{ENTRY}\n{}", second.replace("[[entry]]", "[[entry]]\nvariant = \"Other\"")));
        assert_one(&found, "catalog/authos.toml:16:8: duplicate code `TOKEN_EXPIRED`: already used at line 7");
    }

    #[test]
    fn a_prefix_stripped_code_may_not_collide() {
        let api = "[api]\nname = \"app_native\"\ntitle = \"T\"\nsource = \"S\"\ncode_prefix = \"ABA-\"\n";
        let entry = |code: &str, variant: &str| {
            ENTRY.replace("\"TOKEN_EXPIRED\"", &format!("{code:?}\nvariant = \"{variant}\""))
        };
        let found =
            check("catalog/app_native.toml", &format!("{api}\n{}\n{}", entry("ABA-401", "A"), entry("401", "B")));
        assert_one(&found, "duplicate code `401`");
    }

    #[test]
    fn duplicate_pairs_when_identity_is_code_and_description() {
        let api = "[api]\nname = \"auth0\"\ntitle = \"T\"\nsource = \"S\"\nidentity = \"code+description\"\n";
        let entry = |variant: &str, description: &str| {
            ENTRY
                .replace("TOKEN_EXPIRED", "invalid_request")
                .replace("[[entry]]", &format!("[[entry]]\nvariant = \"{variant}\"\ndescription = \"{description}\""))
        };
        let generic = |variant: &str, description: &str| format!("{}generic = true\n", entry(variant, description));
        let distinct = format!("{api}\n{}\n{}", generic("A", "missing x"), entry("B", "missing y"));
        assert_eq!(check("catalog/auth0.toml", &distinct), Vec::<String>::new());
        let repeated = format!("{api}\n{}\n{}", generic("A", "missing x"), entry("B", "missing x"));
        assert_one(
            &check("catalog/auth0.toml", &repeated),
            "duplicate (code, description) pair `invalid_request\", \"missing x`",
        );
    }

    #[test]
    fn duplicate_variants() {
        let second =
            ENTRY.replace("TOKEN_EXPIRED", "JWT_ERROR").replace("[[entry]]", "[[entry]]\nvariant = \"TokenExpired\"");
        assert_one(
            &authos(&format!("{ENTRY}\n{second}")),
            "duplicate variant `TokenExpired` (the entry at line 7 has it too)",
        );
        let derived_clash = ENTRY.replace("TOKEN_EXPIRED", "token.expired");
        assert_one(&authos(&format!("{ENTRY}\n{derived_clash}")), "duplicate variant `TokenExpired`");
    }

    #[test]
    fn a_body_has_one_code_and_one_description_and_plain_members() {
        let member =
            |name: &str, value: &str| format!("\n[[member]]\nname = \"{name}\"\nvalue = \"{value}\"\nabout = \"A\"\n");
        assert_one(
            &with_body("value = \"description\"", "value = \"message\""),
            "exactly one member with value = \"description\"",
        );
        assert_one(
            &with_body("value = \"code\"", "value = \"message\""),
            "exactly one member with value = \"code\" or \"number\"",
        );
        assert_one(
            &with_body("[body]", &format!("{}[body]", member("more", "code"))),
            "exactly one member with value = \"code\"",
        );
        assert_one(
            &with_body("name = \"error\"", "name = \"error code\""),
            "member name \"error code\" must be non-empty",
        );
        assert_one(&with_body("name = \"error_code\"", "name = \"error\""), "the body has two members `error`");
        let six: String = (0..4).map(|index| member(&format!("m{index}"), "message")).collect();
        assert_one(&with_body("[body]", &format!("{six}[body]")), "a body has at most 5 members");
        // A number member needs integer codes; a name member needs names.
        assert_one(
            &with_body("value = \"code\"", "value = \"number\""),
            "a `number` member needs integer codes; `TOKEN_EXPIRED` is not one",
        );
        assert_one(
            &with_body("[body]", &format!("{}[body]", member("n", "name"))),
            "a `name` member needs a name for every entry",
        );
    }

    #[test]
    fn literals_and_fields_are_checked() {
        let literal = |text: &str| {
            format!("\n[[member]]\nname = \"stat\"\nvalue = \"literal\"\ntext = {text:?}\nabout = \"A\"\n[body]")
        };
        assert_eq!(with_body("[body]", &literal("error")), Vec::<String>::new());
        assert_one(&with_body("[body]", &literal("a\"b")), "literal \"a\\\"b\" must be non-empty");
        let field = |name: &str| {
            format!(
                "\n[[member]]\nname = \"m_{name}\"\nvalue = \"field\"\nfield = {name:?}\ndefault = \"empty\"\nexample = \"\"\nabout = \"A\"\n"
            )
        };
        assert_eq!(with_body("[body]", &format!("{}[body]", field("trace_id"))), Vec::<String>::new());
        assert_one(&with_body("[body]", &format!("{}[body]", field("TraceId"))), "field `TraceId` must be snake_case");
        assert_one(
            &with_body("[body]", &format!("{}[body]", field("member"))),
            "field `member` would give `Error` a second method `with_member`",
        );
        let two_same = format!("{}{}[body]", field("a"), field("a").replace("m_a", "m_b"));
        assert_one(&with_body("[body]", &two_same), "the body has two fields `a`");
        let three = format!("{}{}{}[body]", field("a"), field("b"), field("c"));
        assert_one(&with_body("[body]", &three), "a body has at most 2 fields");
        // Keys that belong to another kind of member, or are missing.
        assert_one(
            &with_body("value = \"description\"", "value = \"description\"\ntext = \"x\""),
            "a `description` member takes no key `text`",
        );
        assert_one(
            &with_body("[body]", "\n[[member]]\nname = \"f\"\nvalue = \"field\"\nabout = \"A\"\n[body]")
                .iter()
                .filter(|found| found.contains("needs the key `field`"))
                .cloned()
                .collect::<Vec<_>>(),
            "needs the key `field`",
        );
        assert_one(
            &with_body("value = \"code\"", "value = \"codes\""),
            "`value` in [[member]] must be one of code, number, name",
        );
    }

    #[test]
    fn detection_rules_are_checked() {
        assert_eq!(
            with_body(
                "all = [\"error_code\"]",
                "all = [\"error_code:own\", \"!stat\"]\nany = [\"x:string\", \"y:object\", \"z:code\"]"
            ),
            Vec::<String>::new()
        );
        assert_one(
            &with_body("all = [\"error_code\"]", "all = [\"error_code:maybe\"]"),
            "\"error_code:maybe\" is no detection test",
        );
        assert_one(&with_body("all = [\"error_code\"]", "all = [\"!\"]"), "\"!\" is no detection test");
        assert_one(
            &with_body("all = [\"error_code\"]", "all = []"),
            "a [[detect]] rule needs at least one test in `all`",
        );
        assert_one(
            &with_body("[[detect]]\norder = 20\nall = [\"error_code\"]\n", ""),
            "the file is missing the required key `detect`",
        );
        assert_one(
            &with_body("code = [\"error_code\"]", "code = []"),
            "[body] needs at least one `code` and one `description` member",
        );
        assert_one(&with_body("code = [\"error_code\"]", "code = [\"a b\"]"), "member name \"a b\" must be non-empty");
    }

    #[test]
    fn detection_orders_are_unique_across_the_catalogs() {
        let parsed =
            |path: &str| parse_file(path, format!("{API}\n{ENTRY}\n{BODY}").as_bytes()).expect("a clean catalog");
        let first = parsed("catalog/authos.toml");
        let mut second = parsed("catalog/other.toml");
        second.api.name.value = "other".to_owned();
        let found: Vec<String> =
            super::validate_set(&[first.clone(), second], 2, &[]).iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("detection order 20 is also used by a rule of catalog/authos.toml"), "{found:#?}");
        assert!(super::validate_set(&[first], 1, &[]).is_empty());
    }

    #[test]
    fn detection_reads_at_most_so_many_member_names() {
        let parsed =
            parse_file("catalog/authos.toml", format!("{API}\n{ENTRY}\n{BODY}").as_bytes()).expect("a clean catalog");
        let mut found = Vec::new();
        super::detect_name_count(std::slice::from_ref(&parsed), 1, &mut found);
        assert!(found.is_empty(), "{found:?}");
        let mut second = parsed.clone();
        second.detect[0].any =
            second.detect[0].all.iter().cloned().chain(second.detect[0].all.iter().cloned()).collect();
        if let Some(Test::Present(name)) = second.detect[0].any.get_mut(1).map(|test| &mut test.value) {
            *name = "other".to_owned();
        }
        super::detect_name_count(&[parsed, second], 1, &mut found);
        let found: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("at most 1 member names; `other` is one more"), "{found:?}");
        assert_eq!(super::MAX_DETECT_NAMES, 64);
    }

    #[test]
    fn constructors_live_apart_from_the_methods_of_error() {
        // Constructors are functions of `errors`, so a method's name is free.
        for variant in ["ToJson", "ToResponse", "WithMember", "Builder", "Type", "Match"] {
            let entry = ENTRY.replace("[[entry]]", &format!("[[entry]]\nvariant = \"{variant}\""));
            assert_eq!(authos(&entry), Vec::<String>::new(), "{variant}");
        }
        assert_one(
            &authos(&ENTRY.replace("[[entry]]", "[[entry]]\nvariant = \"Super\"")),
            "variant `Super` would name its constructor `super`, a keyword that cannot be a raw identifier",
        );
        let keyword = ENTRY.replace("[[entry]]", "[[entry]]\ndescription = \"Bad {{type}} given\"");
        assert_one(&authos(&keyword), "placeholder `{{type}}` is a Rust keyword");
    }

    #[test]
    fn snake_case_constructor_names() {
        use super::super::generate::snake_case;
        assert_eq!(snake_case("InvalidAuthenticatorId"), "invalid_authenticator_id");
        assert_eq!(snake_case("BadAuthParams"), "bad_auth_params");
        assert_eq!(snake_case("Mfa2Required"), "mfa_2_required");
    }

    #[test]
    fn variants_must_be_identifiers_and_not_keywords() {
        assert_one(
            &authos(&ENTRY.replace("[[entry]]", "[[entry]]\nvariant = \"token-expired\"")),
            "variant `token-expired` must be an UpperCamelCase Rust identifier",
        );
        assert_one(&authos(&ENTRY.replace("[[entry]]", "[[entry]]\nvariant = \"Self\"")), "variant `Self` must be");
        assert_one(
            &authos(&ENTRY.replace("\"TOKEN_EXPIRED\"", "\"60004\"")),
            "cannot derive a variant name from `60004`; set `variant`",
        );
    }

    #[test]
    fn statuses_outside_400_to_599() {
        assert_one(
            &authos(&ENTRY.replace("401", "200")),
            "catalog/authos.toml:8:10: HTTP status 200 is not an error status (400-599)",
        );
        assert_one(&authos(&ENTRY.replace("401", "600")), "HTTP status 600 is not an error status");
        let api = format!("{API}generic_statuses = [404, 302]\n");
        assert_one(&check("catalog/authos.toml", &format!("{api}\n{ENTRY}")), "generic HTTP status 302");
        // The documented exception: an API-level wire status such as Registration's 200.
        let api = format!("{API}wire_status = 200\n");
        assert_eq!(check("catalog/authos.toml", &format!("{api}\n{ENTRY}")), Vec::<String>::new());
        let api = format!("{API}wire_status = 99\n");
        assert_one(&check("catalog/authos.toml", &format!("{api}\n{ENTRY}")), "wire HTTP status 99");
    }

    #[test]
    fn malformed_placeholders() {
        let with = |description: &str| {
            authos(&ENTRY.replace("[[entry]]", &format!("[[entry]]\ndescription = {description:?}")))
        };
        assert_one(
            &with("Token {{token_id is bad"),
            "catalog/authos.toml:7:22: malformed placeholder in `description`: `{{` is never closed by `}}`",
        );
        assert_one(&with("Token token_id}} is bad"), "`}}` without an opening `{{`");
        assert_one(&with("Token {{}} is bad"), "placeholder `{{}}` has no name");
        assert_one(&with("Token {{Token}} is bad"), "must start with a lowercase ASCII letter");
        assert_one(&with("Token {{token id}} is bad"), "may hold only lowercase ASCII letters");
        assert_one(&with("{{a}}{{b}}"), "two placeholders with no text between them");
        assert_eq!(with("^\\+[0-9]{1,15}$ and {{x}}"), Vec::<String>::new(), "single braces are literal");
    }

    #[test]
    fn placeholders_must_agree_between_texts() {
        let entry = ENTRY
            .replace("message = \"JWT has expired\"", "message = \"JWT {{jwt_id}} has expired\"")
            .replace("[[entry]]", "[[entry]]\ndescription = \"The JWT {{token}} expired.\"");
        assert_one(&authos(&entry), "placeholder `{{jwt_id}}` in `message` does not appear in `description`");
        let resolution = ENTRY.replace(
            "[[entry]]",
            "[[entry]]\ndescription = \"The JWT {{token}} expired.\"\nresolution = \"Refresh {{token}} and {{other}}\"",
        );
        assert_one(&authos(&resolution), "placeholder `{{other}}` in `resolution`");
    }

    #[test]
    fn kinds_outside_the_taxonomy() {
        assert_one(
            &authos(&ENTRY.replace("\"token_expired\"", "\"sleepy\"")),
            "catalog/authos.toml:11:8: unknown kind `sleepy`; expected one of: invalid_request,",
        );
    }

    const REGISTRATION: &str = "[api]\nname = \"registration\"\ntitle = \"T\"\nsource = \"S\"\n\n[[range]]\nname = \"invalid_argument\"\ntitle = \"An argument is invalid\"\nstart = 200\nend = 299\ncatch_all = 200\n";

    fn registration_entry(code: u32, name: &str, section: &str) -> String {
        format!(
            "[[entry]]\ncode = {code}\nname = \"{name}\"\nstatus = 400\nmessage = \"M\"\nsection = \"{section}\"\nkind = \"invalid_request\"\nretryable = false\n"
        )
    }

    #[test]
    fn registration_codes_outside_their_range() {
        let inside = format!("{REGISTRATION}\n{}", registration_entry(200, "invalid_argument", "invalid_argument"));
        assert_eq!(check("catalog/registration.toml", &inside), Vec::<String>::new());
        let outside = format!("{inside}\n{}", registration_entry(310, "record_not_found", "invalid_argument"));
        assert_one(
            &check("catalog/registration.toml", &outside),
            "code 310 is outside its range `invalid_argument` (200-299)",
        );
        let undeclared = format!("{inside}\n{}", registration_entry(210, "invalid_credentials", "credentials"));
        assert_one(&check("catalog/registration.toml", &undeclared), "section `credentials` is not a declared range");
    }

    #[test]
    fn a_message_lists_at_most_twelve_ranges() {
        let mut text = REGISTRATION.to_owned();
        for index in 0..20 {
            let start = 300 + 10 * index;
            let _ =
                write!(text, "\n[[range]]\nname = \"r{index}\"\ntitle = \"R\"\nstart = {start}\nend = {}\n", start + 9);
        }
        let text = format!("{text}\n{}", registration_entry(200, "invalid_argument", "nowhere"));
        assert_one(
            &check("catalog/registration.toml", &text),
            "section `nowhere` is not a declared range; expected one of: invalid_argument, r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, … (21 in all)",
        );
    }

    #[test]
    fn ranges_may_nest_but_not_overlap() {
        let overlapping =
            REGISTRATION.to_owned() + "\n[[range]]\nname = \"record\"\ntitle = \"R\"\nstart = 250\nend = 399\n";
        let text = format!("{overlapping}\n{}", registration_entry(200, "invalid_argument", "invalid_argument"));
        assert_one(
            &check("catalog/registration.toml", &text),
            "range `record` (250-399) partially overlaps range `invalid_argument` (200-299)",
        );
        let nested = REGISTRATION.to_owned()
            + "\n[[range]]\nname = \"credentials\"\ntitle = \"C\"\nstart = 210\nend = 219\ncatch_all = 205\n";
        let text = format!("{nested}\n{}", registration_entry(200, "invalid_argument", "invalid_argument"));
        assert_one(&check("catalog/registration.toml", &text), "catch-all 205 lies outside its range");
    }

    #[test]
    fn a_catch_all_must_be_a_code() {
        let text = format!("{REGISTRATION}\n{}", registration_entry(201, "duplicate_argument", "invalid_argument"));
        assert_one(&check("catalog/registration.toml", &text), "catch-all 200 is not a code of this catalog");
    }

    #[test]
    fn names_may_repeat_but_must_agree() {
        let first = registration_entry(214, "password_unacceptable", "invalid_argument");
        let second = registration_entry(252, "password_unacceptable", "invalid_argument")
            .replace("[[entry]]", "[[entry]]\nvariant = \"EntityPasswordUnacceptable\"");
        let base = format!("{REGISTRATION}\n{}\n", registration_entry(200, "invalid_argument", "invalid_argument"));
        assert_eq!(check("catalog/registration.toml", &format!("{base}{first}\n{second}")), Vec::<String>::new());
        let disagreeing = second.replace("retryable = false", "retryable = true");
        assert_one(
            &check("catalog/registration.toml", &format!("{base}{first}\n{disagreeing}")),
            "entries sharing code or name `password_unacceptable` must agree",
        );
    }

    #[test]
    fn codes_share_one_type() {
        let text = format!(
            "{REGISTRATION}\n{}\n{}",
            registration_entry(200, "invalid_argument", "invalid_argument"),
            ENTRY.replace("section = \"Authentication\"", "section = \"invalid_argument\"").replace("401", "400")
        );
        let found = check("catalog/registration.toml", &text);
        assert!(found.iter().any(|d| d.contains("code must be an integer, like the first entry's")), "{found:?}");
    }

    #[test]
    fn seed_damage_is_rejected() {
        let with = |message: &str| authos(&ENTRY.replace("JWT has expired", message));
        assert_one(&with("We\u{e2}\u{20ac}\u{2122}ve sent"), "contains mojibake");
        assert_one(&with("missing error\\\\_description"), "contains a Markdown escape");
        assert_one(&with("Disabled&nbsp;connection"), "contains an HTML entity");
        assert_one(&with(" padded"), "leading or trailing white space");
        assert_one(&with(""), "`message` is empty");
    }

    #[test]
    fn the_api_name_matches_the_file_and_is_a_module_name() {
        assert_one(
            &check("catalog/auth0.toml", &format!("{API}\n{ENTRY}")),
            "API `authos` must be defined in catalog/authos.toml",
        );
        // Any API may have a catalog: its file makes it one.
        let new = API.replace("\"authos\"", "\"okta\"");
        assert_eq!(check("catalog/okta.toml", &format!("{new}\n{ENTRY}")), Vec::<String>::new());
        for bad in ["Okta", "okta-2", "2fa", "_x", "type", "self", ""] {
            let api = API.replace("\"authos\"", &format!("{bad:?}"));
            assert_one(
                &check(&format!("catalog/{bad}.toml"), &format!("{api}\n{ENTRY}")),
                "must be a snake_case Rust identifier",
            );
        }
    }

    #[test]
    fn bad_identity() {
        let api = format!("{API}identity = \"description\"\n");
        assert_one(
            &check("catalog/authos.toml", &format!("{api}\n{ENTRY}")),
            "`identity` must be \"code\" or \"code+description\"",
        );
    }

    #[test]
    fn non_utf8_and_empty_files() {
        let mut bytes = format!("{API}\n{ENTRY}").into_bytes();
        bytes.splice(30..30, [0xff, 0xfe]);
        let found = parse_file("catalog/authos.toml", &bytes).err().unwrap_or_default();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].to_string(), "catalog/authos.toml:3:9: the file is not valid UTF-8");
        let found = check("catalog/authos.toml", "");
        assert!(found.iter().all(|d| d.starts_with("catalog/authos.toml:1:1: ")), "{found:?}");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    const AUTH0: &str = "[api]\nname = \"auth0\"\ntitle = \"T\"\nsource = \"S\"\nidentity = \"code+description\"\n";

    fn auth0_entry(variant: &str, description: &str, kind: &str, generic: bool) -> String {
        let flag = if generic { "generic = true\n" } else { "" };
        format!(
            "[[entry]]\ncode = \"access_denied\"\nvariant = \"{variant}\"\nstatus = 403\nmessage = \"M\"\ndescription = \"{description}\"\nsection = \"S\"\nkind = \"{kind}\"\nretryable = false\n{flag}"
        )
    }

    #[test]
    fn every_code_has_exactly_one_generic_entry() {
        let generic = auth0_entry("AccessDenied", "{{description}}", "permission_denied", true);
        let specific = auth0_entry("UserCancelled", "User cancelled.", "permission_denied", false);
        assert_eq!(check("catalog/auth0.toml", &format!("{AUTH0}{generic}{specific}")), Vec::<String>::new());
        assert_one(
            &check("catalog/auth0.toml", &format!("{AUTH0}{specific}")),
            "code `access_denied` has no generic entry",
        );
        let second = auth0_entry("Other", "Other.", "permission_denied", true);
        assert_one(
            &check("catalog/auth0.toml", &format!("{AUTH0}{generic}{second}")),
            "code `access_denied` already has a generic entry, at line 6",
        );
    }

    #[test]
    fn generic_applies_only_where_descriptions_tell_entries_apart() {
        let flagged = ENTRY.replace("retryable = false\n", "retryable = false\ngeneric = true\n");
        assert_one(&authos(&flagged), "`generic` applies only where `identity` is \"code+description\"");
        let unflagged = ENTRY.replace("retryable = false\n", "retryable = false\ngeneric = false\n");
        assert_one(&authos(&unflagged), "`generic` applies only");
    }

    #[test]
    fn a_wildcard_classifies_as_its_generic_entry_does() {
        let generic = auth0_entry("AccessDenied", "The request was denied.", "permission_denied", true);
        let agreeing = auth0_entry("RuleDenied", "{{reason}}", "permission_denied", false);
        assert_eq!(check("catalog/auth0.toml", &format!("{AUTH0}{generic}{agreeing}")), Vec::<String>::new());
        let disagreeing = auth0_entry("RuleDenied", "{{reason}}", "rate_limited", false);
        assert_one(
            &check("catalog/auth0.toml", &format!("{AUTH0}{generic}{disagreeing}")),
            "a wildcard description matches any text, so it must agree on `kind` and `retryable` with the generic entry of `access_denied` (line 6)",
        );
        // Literal text around the placeholder: a specific entry may differ.
        let literal = auth0_entry("RuleDenied", "Rule says: {{reason}}", "rate_limited", false);
        assert_eq!(check("catalog/auth0.toml", &format!("{AUTH0}{generic}{literal}")), Vec::<String>::new());
    }

    #[test]
    fn nonce_headers_are_header_names() {
        let with = |header: &str| {
            ENTRY.replace("retryable = false\n", &format!("retryable = true\nnonce_header = {header:?}\n"))
        };
        assert_eq!(authos(&with("DPoP-Nonce")), Vec::<String>::new());
        assert_one(&authos(&with("DPoP Nonce")), "`nonce_header` \"DPoP Nonce\" is not an HTTP header name");
        assert_one(&authos(&with("")), "is not an HTTP header name");
    }

    #[test]
    fn retired_says_when_and_why() {
        let with = |retired: &str| {
            ENTRY.replace("retryable = false\n", &format!("retryable = false\nretired = {retired:?}\n"))
        };
        assert_eq!(authos(&with("0.3.0: replaced by TOKEN_REVOKED")), Vec::<String>::new());
        for bad in ["0.3.0", "soon: because", "0.3: why", "0.3.0:  ", "v0.3.0: why", "0.3.x: why", ""] {
            assert_one(&authos(&with(bad)), "write the version that retired the code and why");
        }
    }

    #[test]
    fn a_catalog_has_at_most_so_many_entries() {
        let second = ENTRY.replace("TOKEN_EXPIRED", "TOKEN_REVOKED");
        let text = format!("{API}\n{ENTRY}\n{second}\n{BODY}");
        let Ok(catalog) = parse_file("catalog/authos.toml", text.as_bytes()) else {
            panic!("a catalog of two entries")
        };
        let mut found = Vec::new();
        super::entry_count(&catalog, 2, &mut found);
        assert!(found.is_empty());
        super::entry_count(&catalog, 1, &mut found);
        let found: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(found, ["catalog/authos.toml:14:1: a catalog has at most 1 entries"]);
        assert_eq!(super::MAX_ENTRIES, 65_535);
    }

    #[test]
    fn poll_interval_increases_are_between_one_second_and_an_hour() {
        let with = |seconds: i64| {
            ENTRY.replace("retryable = false\n", &format!("retryable = true\npoll_interval_increase = {seconds}\n"))
        };
        assert_eq!(authos(&with(1)), Vec::<String>::new());
        assert_eq!(authos(&with(3600)), Vec::<String>::new());
        assert_one(&authos(&with(0)), "`poll_interval_increase` is 0 seconds; it must be 1 to 3600");
        assert_one(&authos(&with(3601)), "`poll_interval_increase` is 3601 seconds");
    }

    #[test]
    fn registered_errors_are_plain_unique_and_of_known_kinds() {
        let registered = |code: &str, kind: &str| {
            format!(
                "[[registered_error]]\ncode = \"{code}\"\nkind = \"{kind}\"\nretryable = false\nusage = \"token endpoint\"\nsource = \"RFC 8628\"\n"
            )
        };
        let good =
            format!("{ENTRY}{}{}", registered("slow_down", "pending"), registered("expired_token", "token_expired"));
        assert_eq!(authos(&good), Vec::<String>::new());
        assert_one(
            &authos(&format!("{ENTRY}{}", registered("slow down", "pending"))),
            "registered code \"slow down\" must be",
        );
        assert_one(&authos(&format!("{ENTRY}{}", registered("x", "sleepy"))), "unknown kind `sleepy`");
        let twice = format!("{ENTRY}{}{}", registered("x", "pending"), registered("x", "pending"));
        assert_one(&authos(&twice), "duplicate registered code `x`: already used at line");
    }

    #[test]
    fn a_text_too_long_for_a_span_is_reported_where_it_is() {
        use super::super::parse::MAX_TEXT;
        let with = |message: &str| {
            check("catalog/authos.toml", &format!("{API}\n{}", ENTRY.replace("JWT has expired", message)))
        };
        assert_eq!(with(&"a".repeat(MAX_TEXT)), Vec::<String>::new());
        let expected = format!(
            "catalog/authos.toml:9:11: `message` in [[entry]] takes {} bytes escaped for JSON; a catalog text takes at most {MAX_TEXT}",
            MAX_TEXT + 1
        );
        assert_eq!(with(&"a".repeat(MAX_TEXT + 1)), [expected]);
        // Its JSON form counts: a quote is two bytes there.
        assert_eq!(with(&"\\\"".repeat(MAX_TEXT / 2 + 1)).len(), 1);
    }

    #[test]
    fn a_challenge_is_a_header_value_with_at_most_the_code() {
        let with = |challenge: &str| check("catalog/authos.toml", &format!("{API}challenge = '{challenge}'\n{ENTRY}"));
        assert_eq!(with(r#"Bearer error="{{code}}""#), Vec::<String>::new());
        assert_eq!(with("Bearer"), Vec::<String>::new());
        let expected =
            "`challenge` must be a header value (visible ASCII and spaces) whose only placeholder is `{{code}}`";
        for bad in ["", "Bearer {{reason}}", "Bearer {{code", "Bearer é", "Bearer\terror"] {
            assert_one(&with(bad), expected);
        }
    }
}
