//! The catalog as parsed from TOML, with the span of every value so that
//! validation can point at it.

use std::ops::Range;

use super::diagnostic::Source;

/// A value and the byte span it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// How entries are told apart on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// By `code` alone.
    Code,
    /// By `code` and `description` together (Auth0's `error` + `error_description`).
    CodeAndDescription,
}

/// How the Markdown reference lays out a catalog's entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One table, the seed's own columns.
    Table,
    /// Grouped by endpoint, grant type and status.
    Endpoints,
    /// Grouped by section, with resolutions.
    Sections,
    /// The code ranges, then every code with its catch-all.
    Ranges,
}

#[derive(Clone, Debug)]
pub struct Api {
    pub name: Located<String>,
    pub title: String,
    /// The module's documentation, Markdown.
    pub about: Option<String>,
    /// How the Markdown reference lays the entries out.
    pub layout: Layout,
    pub source: String,
    pub identity: Identity,
    pub code_prefix: Option<Located<String>>,
    pub wire_status: Option<Located<i64>>,
    pub generic_statuses: Vec<Located<i64>>,
    /// The `WWW-Authenticate` challenge of a 401, a template whose one
    /// placeholder may be `{{code}}`.
    pub challenge: Option<Located<String>>,
    /// Whether a body may carry members beyond the format's own.
    pub open: bool,
    pub erratum: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CodeRange {
    pub name: Located<String>,
    pub title: String,
    pub start: Located<i64>,
    pub end: Located<i64>,
    pub catch_all: Option<Located<i64>>,
    pub erratum: Option<String>,
}

/// A wire code: text, or a JSON integer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum WireCode {
    Text(String),
    Number(i64),
}

impl WireCode {
    pub fn text(&self) -> String {
        match self {
            WireCode::Text(text) => text.clone(),
            WireCode::Number(number) => number.to_string(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub span: Range<usize>,
    pub code: Located<WireCode>,
    pub name: Option<Located<String>>,
    pub variant: Option<Located<String>>,
    pub status: Located<i64>,
    pub message: Located<String>,
    pub description: Option<Located<String>>,
    pub resolution: Option<Located<String>>,
    pub section: Located<String>,
    pub endpoint: Option<Located<String>>,
    pub grant_type: Option<Located<String>>,
    pub kind: Located<String>,
    pub retryable: bool,
    pub erratum: Option<Located<String>>,
    /// The public document the entry comes from; `None` for a seed row.
    pub source: Option<Located<String>>,
    /// The entry that stands for its code when no description identifies a
    /// more specific one (`code+description` identity only).
    pub generic: Option<Located<bool>>,
    /// Seconds to add to a polling interval (RFC 8628 §3.5 `slow_down`: 5).
    pub poll_interval_increase: Option<Located<i64>>,
    /// The response header whose value the client retries with, once (RFC 9449 §8: `DPoP-Nonce`).
    pub nonce_header: Option<Located<String>>,
    /// `"<version>: <why>"`: the release that retired the code, and why. A
    /// code is never deleted; a retired one is still looked up and parsed.
    pub retired: Option<Located<String>>,
}

impl Entry {
    /// The version and reason of a well-formed `retired`: `("0.3.0", "why")`.
    pub fn retirement(&self) -> Option<(&str, &str)> {
        let (version, why) = self.retired.as_ref()?.value.split_once(": ")?;
        let numbers: Vec<&str> = version.split('.').collect();
        let version_like = numbers.len() == 3
            && numbers.iter().all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()));
        (version_like && !why.trim().is_empty()).then_some((version, why))
    }
}

impl Entry {
    /// Whether the entry is its code's generic entry.
    pub fn is_generic(&self) -> bool {
        self.generic.as_ref().is_some_and(|generic| generic.value)
    }

    /// Whether the description is one placeholder and nothing else, so that
    /// it matches any text (`{{reason}}`).
    pub fn has_wildcard_description(&self) -> bool {
        let text = &self.description().value;
        matches!(super::template::parse(text).as_deref(), Ok([super::template::Segment::Placeholder(_)]))
    }

    /// The description template, which defaults to the message.
    pub fn description(&self) -> &Located<String> {
        self.description.as_ref().unwrap_or(&self.message)
    }

    /// The variant: the explicit one, else derived from `name` or `code`.
    pub fn variant_name(&self) -> Option<String> {
        if let Some(variant) = &self.variant {
            return Some(variant.value.clone());
        }
        let basis = match (&self.name, &self.code.value) {
            (Some(name), _) => name.value.clone(),
            (None, code) => code.text(),
        };
        derive_variant(&basis)
    }

    /// Where a variant problem should point: the explicit variant, else what it was derived from.
    pub fn variant_span(&self) -> &Range<usize> {
        match (&self.variant, &self.name) {
            (Some(variant), _) => &variant.span,
            (None, Some(name)) => &name.span,
            (None, None) => &self.code.span,
        }
    }
}

/// `TOKEN_EXPIRED` → `TokenExpired`, `bad.authParams` → `BadAuthParams`.
/// `None` when the text does not start with an ASCII letter.
pub fn derive_variant(text: &str) -> Option<String> {
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut variant = String::new();
    for part in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        let shouting = !part.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            variant.push(first.to_ascii_uppercase());
            for c in chars {
                variant.push(if shouting { c.to_ascii_lowercase() } else { c });
            }
        }
    }
    Some(variant)
}

/// An error code of a registry the API follows (the IANA OAuth Extensions
/// Error Registry), which a body may carry although the catalog has no entry
/// for it.
#[derive(Clone, Debug)]
pub struct RegisteredError {
    pub code: Located<String>,
    pub kind: Located<String>,
    pub retryable: bool,
    /// Where the registry says the code is used (`token endpoint`, `resource access error response`).
    pub usage: Located<String>,
    /// The specification that defines the code, with its section.
    pub source: Located<String>,
}

impl Catalog {
    /// The code texts a lookup finds `entry` by: its code, and the code
    /// without the API's `code_prefix` (`ABA-60004`, `60004`). Names are
    /// lookup texts too, but not keys: a name may repeat (Registration's 214
    /// and 352), and finds its first entry.
    pub fn code_texts(&self, entry: &Entry) -> Vec<String> {
        let code = entry.code.value.text();
        let prefix = self.api.code_prefix.as_ref().map(|prefix| prefix.value.as_str());
        let stripped = prefix.and_then(|prefix| code.strip_prefix(prefix)).map(str::to_owned);
        std::iter::once(code.clone()).chain(stripped).collect()
    }
}

/// What a member of a rendered body holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberValue {
    /// The entry's code, as text.
    Code,
    /// The entry's code, as a JSON integer.
    Number,
    /// The entry's `name`.
    Name,
    /// The entry's message.
    Message,
    /// The description: the filled template, or the override.
    Description,
    /// The same text in every body (`"stat":"error"`).
    Literal(String),
    /// A per-error value the caller may set (`traceId`), named `field`,
    /// which a new error starts with `default`.
    Field { field: String, default: FieldDefault, example: String },
}

/// What a field holds until the caller sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldDefault {
    /// `""`.
    Empty,
    /// The time the error was made, RFC 3339.
    Now,
    /// A random 16-character token.
    RequestToken,
}

/// One member of the API's rendered error body (`[[member]]`), in wire order.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: Located<String>,
    pub value: Located<MemberValue>,
    /// What the member means, for the JSON Schema.
    pub about: String,
    /// A JSON Schema `format` (`date-time`).
    pub format: Option<String>,
}

/// Where a received body keeps what classification needs (`[body]`).
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// The members that may hold the code, first present wins.
    pub code: Vec<Located<String>>,
    /// The members that may hold the description, first present wins.
    pub description: Vec<Located<String>>,
    /// Members all of which a body has.
    pub required: Vec<Located<String>>,
    /// Members at least one of which a body has, if any are named.
    pub any_of: Vec<Located<String>>,
    /// What the JSON Schema adds about real bodies.
    pub note: Option<String>,
}

/// One test of a detection rule on a body's member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Test {
    /// `NAME`: the member is there.
    Present(String),
    /// `!NAME`: the member is not there.
    Absent(String),
    /// `NAME:string`.
    Text(String),
    /// `NAME:object`.
    Object(String),
    /// `NAME:code`: a string or a number.
    Code(String),
    /// `NAME:own`: a code of this API: a catalog code, or `code_prefix` and digits.
    OwnCode(String),
}

impl Test {
    /// The member the test reads.
    pub fn member(&self) -> &str {
        match self {
            Test::Present(name)
            | Test::Absent(name)
            | Test::Text(name)
            | Test::Object(name)
            | Test::Code(name)
            | Test::OwnCode(name) => name,
        }
    }
}

/// One rule of body detection (`[[detect]]`): a body whose members pass
/// every test of `all` and, where `any` is not empty, one of `any`, is this
/// API's, unless a rule of lower `order` holds first.
#[derive(Clone, Debug)]
pub struct DetectRule {
    pub order: Located<i64>,
    pub all: Vec<Located<Test>>,
    pub any: Vec<Located<Test>>,
}

/// The distinct member names of `rules`' tests, in the order first read.
pub fn detect_names<'a>(rules: impl Iterator<Item = &'a DetectRule>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for test in rules.flat_map(|rule| rule.all.iter().chain(&rule.any)) {
        let name = test.value.member();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// One parsed catalog file.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub source: Source,
    /// The file name without `.toml`.
    pub stem: String,
    pub api: Api,
    pub members: Vec<Member>,
    pub body: Body,
    pub detect: Vec<DetectRule>,
    pub ranges: Vec<CodeRange>,
    pub entries: Vec<Entry>,
    pub registered_errors: Vec<RegisteredError>,
}
