//! What each fuzz target asserts about one input. A failed assertion (or any
//! panic) is a crash that libFuzzer reports and keeps.
//
// The fuzz crate compiles this file as `checks`, and so does the crate's
// `tests/fuzz_regressions.rs`; both roots declare `catalog_compiler` (the
// modules of build.rs) beside it, so `crate::catalog_compiler` resolves in both.

use auth_error_catalog::{
    AnyReceived, Api, Defect, Entry, Error, Match, OpenFormat, ParseError, Received, ResponseOptions, WireFormat,
    app_native, auth0, authos, registration,
};
use http::StatusCode;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::catalog_compiler::diagnostic::Diagnostic;
use crate::catalog_compiler::{generate, parse as catalog_parse, validate};

/// The statuses each body is parsed with: none, Registration's HTTP 200, and
/// error statuses of each kind.
const STATUSES: [Option<u16>; 6] = [None, Some(200), Some(400), Some(401), Some(429), Some(503)];

fn statuses() -> impl Iterator<Item = Option<StatusCode>> {
    STATUSES.into_iter().map(|status| status.and_then(|code| StatusCode::from_u16(code).ok()))
}

// ---------------------------------------------------------------------------
// Parsing

/// Everything one parse found, owned, so that two parses can be compared.
#[derive(Debug, PartialEq)]
struct Parsed {
    api: Api,
    entry: Option<usize>,
    raw_code: String,
    matched: Match,
    params: Vec<(&'static str, String)>,
    description: Option<String>,
    http_status: Option<StatusCode>,
    retryable: bool,
    members: Vec<(String, String)>,
    json: String,
}

fn parsed<C: WireFormat>(received: &Received<'_, C>) -> Parsed {
    Parsed {
        api: C::API,
        entry: received.code().map(|code| code.entry().index()),
        raw_code: received.raw_code().to_owned(),
        matched: received.matched(),
        params: received.params().iter().map(|(name, value)| (*name, value.to_string())).collect(),
        description: received.description().map(str::to_owned),
        http_status: received.http_status(),
        retryable: received.retryable(),
        members: received.members().map(|(name, raw)| (name.to_owned(), raw.get().to_owned())).collect(),
        json: received.to_json(),
    }
}

fn parsed_any(received: &AnyReceived<'_>) -> Parsed {
    let inner = match received {
        AnyReceived::AppNative(inner) => parsed(inner),
        AnyReceived::Auth0(inner) => parsed(inner),
        AnyReceived::Authos(inner) => parsed(inner),
        AnyReceived::Registration(inner) => parsed(inner),
        other => panic!("an API this crate does not know: {other:?}"),
    };
    // The untyped accessors agree with the typed error inside.
    assert_eq!(received.api(), inner.api);
    assert_eq!(received.entry().map(Entry::index), inner.entry);
    assert_eq!(received.raw_code(), inner.raw_code);
    assert_eq!(received.matched(), inner.matched);
    assert_eq!(received.http_status(), inner.http_status);
    assert_eq!(received.retryable(), inner.retryable);
    assert_eq!(received.to_json(), inner.json);
    inner
}

/// What a rejection must look like: the status it came with and a short excerpt.
fn check_rejection(error: &ParseError, status: Option<StatusCode>) {
    assert_eq!(error.status(), status);
    assert!(error.excerpt().chars().count() <= 121, "excerpt too long: {} chars", error.excerpt().chars().count());
    assert!(!error.to_string().is_empty());
}

/// The body the parse kept is JSON, equal to the body received (when
/// serde_json reads that body at all), and parses again to the same error.
fn check_round_trip<C: WireFormat>(received: &Received<'_, C>, body: &[u8], status: Option<StatusCode>) {
    let first = parsed(received);
    // RFC 8259 sets no range on numbers, so `1E400` is JSON that `Value`
    // cannot hold: validity is checked on the syntax, equality where it can be.
    serde_json::from_str::<Box<RawValue>>(&first.json).expect("to_json gives JSON");
    let serialized = serde_json::to_string(received).expect("Serialize never fails");
    match serde_json::from_str::<Value>(&first.json) {
        Ok(kept) => {
            if let Ok(original) = serde_json::from_slice::<Value>(body) {
                assert_eq!(kept, original, "to_json changed the body");
            }
            assert_eq!(serde_json::from_str::<Value>(&serialized).expect("Serialize gives JSON"), kept);
        }
        Err(_) => assert_eq!(serialized, first.json, "Serialize and to_json disagree"),
    }

    let again = Received::<C>::parse(first.json.as_bytes(), status).expect("to_json parses again");
    assert_eq!(parsed(&again), first, "parse → to_json → parse changed the error");
    assert_eq!(parsed(&received.clone().into_owned()), first, "into_owned changed the error");
    assert!(received.to_string().starts_with(C::API.as_str()));
}

/// The input as the value of every header the crate reads (where it is a
/// valid header value at all): hostile headers for the retry advice and the
/// Bearer challenge.
fn hostile_headers(bytes: &[u8], times: usize) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    if let Ok(value) = http::HeaderValue::from_bytes(bytes) {
        let names = [
            "retry-after",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
            "dpop-nonce",
            "www-authenticate",
            "content-type",
        ];
        for name in names {
            for _ in 0..times {
                headers.append(name, value.clone());
            }
        }
    }
    headers
}

/// The auto-detecting parser, under each status; and the input as every
/// header the crate reads, which never panics.
pub fn parse_any(body: &[u8]) {
    // Once, and repeated (which the crate reads as ambiguous).
    let headers = [hostile_headers(body, 1), hostile_headers(body, 2)];
    for headers in &headers {
        if let Some(challenge) = auth_error_catalog::BearerChallenge::from_headers(headers) {
            let _ = challenge.kind();
        }
    }
    for status in statuses().flatten() {
        for headers in &headers {
            check_failure(body, status, headers);
        }
    }
    for status in statuses() {
        match auth_error_catalog::parse(body, status) {
            Ok(received) => {
                for headers in &headers {
                    let _ = received.clone().with_headers(headers).retry(std::time::SystemTime::now());
                }
                let found = parsed_any(&received);
                // Detection hands over to that API's own parser, which agrees.
                let typed = match found.api {
                    Api::AppNative => Received::<app_native::Code>::parse(body, status).map(|typed| parsed(&typed)),
                    Api::Auth0 => Received::<auth0::Code>::parse(body, status).map(|typed| parsed(&typed)),
                    Api::Authos => Received::<authos::Code>::parse(body, status).map(|typed| parsed(&typed)),
                    Api::Registration => {
                        Received::<registration::Code>::parse(body, status).map(|typed| parsed(&typed))
                    }
                    other => panic!("an API this crate does not know: {other:?}"),
                };
                assert_eq!(typed.as_ref(), Ok(&found), "detection and the typed parser disagree");
                let again = auth_error_catalog::parse(found.json.as_bytes(), status).expect("to_json parses again");
                assert_eq!(parsed_any(&again), found, "parse → to_json → parse changed the error");
            }
            Err(error) => check_rejection(&error, status),
        }
    }
}

/// A whole response, as an SDK reads it: [`Failure`] never panics, its
/// owned form says the same, and foreign problem details keep their body.
///
/// [`Failure`]: auth_error_catalog::Failure
fn check_failure(body: &[u8], status: http::StatusCode, headers: &http::HeaderMap) {
    use auth_error_catalog::Failure;
    let mut response = http::Response::new(body.to_vec());
    *response.status_mut() = status;
    *response.headers_mut() = headers.clone();
    let now = std::time::SystemTime::now();
    let failure = Failure::from_response(&response);
    let (kind, retry, shown) = (failure.kind(), failure.retry(now), failure.to_string());
    assert_eq!(failure.status(), Some(status), "a failure keeps the status it came with");
    if let Failure::Problem(problem) = &failure {
        let json = problem.to_json();
        let value: serde_json::Value = serde_json::from_str(&json).expect("a problem's to_json is JSON");
        assert_eq!(value, serde_json::from_slice::<serde_json::Value>(body).expect("the body was JSON"));
    }
    let content_type = failure.content_type().map(str::to_owned);
    let owned = failure.into_owned();
    assert_eq!((owned.kind(), owned.retry(now), owned.to_string()), (kind, retry, shown));
    assert_eq!(owned.content_type().map(str::to_owned), content_type);
    let _ = Failure::check(&response);
}

fn parse_as<C: WireFormat>(body: &[u8]) {
    for status in statuses() {
        match Received::<C>::parse(body, status) {
            Ok(received) => {
                check_round_trip(&received, body, status);
                let members = received.members().map(|(name, raw)| (name.to_owned(), raw.get().to_owned())).collect();
                assert_eq!(Some(members), serde_members(body), "the crate and serde_json read the members apart");
            }
            Err(error) => {
                check_rejection(&error, status);
                let an_object = !matches!(error.defect(), Defect::Empty | Defect::NotJson(_) | Defect::NotAnObject);
                assert_eq!(an_object, serde_members(body).is_some(), "the crate and serde_json disagree: {error}");
            }
        }
    }
}

/// The members of `body` as serde_json reads them (names decoded, values
/// raw), if it is a JSON object: the oracle for the crate's own reader of
/// flat objects.
fn serde_members(body: &[u8]) -> Option<Vec<(String, String)>> {
    struct Members(Vec<(String, String)>);
    impl<'de> serde::Deserialize<'de> for Members {
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
    serde_json::from_slice::<Members>(body).ok().map(|Members(members)| members)
}

/// Each API's own parser, under each status.
pub fn parse_each_api(body: &[u8]) {
    parse_as::<app_native::Code>(body);
    parse_as::<auth0::Code>(body);
    parse_as::<authos::Code>(body);
    parse_as::<registration::Code>(body);
}

// ---------------------------------------------------------------------------
// Rendering

/// The input of [`render`], taken apart: an API, an entry, and texts
/// separated by 0xFF bytes (lossily decoded, so any bytes give values).
struct RenderInput {
    api: u8,
    entry: usize,
    /// The trace id, timestamp or request token.
    field: String,
    /// Used as a description override when the API byte's 0x80 bit is set.
    description: Option<String>,
    values: Vec<String>,
}

impl RenderInput {
    fn new(data: &[u8]) -> Option<Self> {
        let (&api, rest) = data.split_first()?;
        let (entry, rest) = rest.split_first_chunk::<2>()?;
        let mut texts = rest.split(|byte| *byte == 0xFF).map(|text| String::from_utf8_lossy(text).into_owned());
        let field = texts.next().unwrap_or_default();
        let description = if api & 0x80 != 0 { texts.next() } else { None };
        Some(RenderInput {
            api,
            entry: usize::from(u16::from_le_bytes(*entry)),
            field,
            description,
            values: texts.collect(),
        })
    }
}

/// `template` with each `{{name}}` replaced, in one pass, by its value: the
/// oracle for the rendered description (a value is never scanned again).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").expect("the catalog's templates are balanced");
        let name = &after[..end];
        out.push_str(values.iter().find(|(given, _)| *given == name).expect("a value for every placeholder").1);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

fn render_as<C: WireFormat>(input: &RenderInput, set_field: fn(Error<C>, String) -> Error<C>) {
    let code = C::all()[input.entry % C::all().len()];
    let entry = code.entry();
    let placeholders = entry.placeholders();
    let mut builder = Error::builder(code);
    for (name, value) in placeholders.iter().zip(&input.values) {
        builder = builder.with(name, value.clone());
    }
    // A value beyond the placeholders names one that does not exist.
    if let Some(name) = input.values.get(placeholders.len()) {
        if !placeholders.contains(&name.as_str()) {
            assert!(
                Error::builder(code).with(name, "x").build().is_err(),
                "an unknown placeholder {name:?} was accepted"
            );
        }
    }
    let error = match builder.build() {
        Ok(error) => error,
        Err(_) => {
            assert!(input.values.len() < placeholders.len(), "every placeholder had a value");
            return;
        }
    };
    let given: Vec<(&str, &str)> = placeholders.iter().copied().zip(input.values.iter().map(String::as_str)).collect();
    let error = set_field(error, input.field.clone());
    let filled = fill(entry.description(), &given);
    assert_eq!(error.description(), filled);

    // The body is a JSON object holding the description and the field as given.
    let json = error.to_json();
    let body: Value = serde_json::from_str(&json).expect("a rendered body is JSON");
    let object = body.as_object().expect("a rendered body is an object");
    assert!(object.values().any(|value| value.as_str() == Some(&filled)), "description lost: {json}");
    if C::API != Api::Auth0 {
        assert!(object.values().any(|value| value.as_str() == Some(&input.field)), "field lost: {json}");
    }
    let mut buffer = b"reused".to_vec();
    error.write_json(&mut buffer);
    assert_eq!(&buffer[b"reused".len()..], json.as_bytes());
    let response = error.to_response();
    assert_eq!(response.body(), json.as_bytes());
    let problem: Value =
        serde_json::from_str(&error.to_problem_json(&ResponseOptions::default())).expect("a problem body is JSON");
    assert_eq!(problem.get("detail").and_then(Value::as_str), Some(filled.as_str()));

    // It parses back to the same code, and its values fill the template to
    // the same description (a value holding the text after its placeholder
    // may split differently; see `template::captures`).
    let received = Received::<C>::parse(json.as_bytes(), None).expect("a rendered body parses");
    assert_eq!(received.raw_code(), code.as_str());
    assert_eq!(received.description(), Some(filled.as_str()));
    assert_eq!(received.to_json(), json);
    let parsed = received.code().expect("a rendered code is known");
    if parsed != code {
        // The free text of a placeholder can be the very description of
        // another entry with the same wire code ("Unknown realm x" given to
        // invalid_request's `{{description}}`): the body is that entry's, and
        // the more exact reading wins.
        assert!(!placeholders.is_empty(), "{code:?}, which has no placeholder, was read as {parsed:?}");
        assert!(
            matches!(received.matched(), Match::Exact | Match::Template),
            "{code:?} was read as {parsed:?} by a {:?} match",
            received.matched()
        );
    } else if received.matched() != Match::Exact || placeholders.is_empty() {
        let mut again = Error::builder(code);
        for (name, value) in received.params() {
            again = again.with(name, value.to_string());
        }
        assert_eq!(again.build().expect("the captured values fill the template").description(), filled);
    }

    // A description given in full replaces the template, escaped all the same.
    if let Some(description) = &input.description {
        let replaced = error.with_description(description.clone());
        let body: Value = serde_json::from_str(&replaced.to_json()).expect("a rendered body is JSON");
        let object = body.as_object().expect("a rendered body is an object");
        assert!(object.values().any(|value| value.as_str() == Some(description)), "description lost");
    }
}

/// Rendering arbitrary values (and fields, and descriptions) for any code.
/// The open formats' extra member: `value` as its own name and value,
/// unless the body already has a member of that name, which must be refused.
fn with_member_named_after<C: OpenFormat>(error: Error<C>, value: String) -> Error<C> {
    let taken = Received::<C>::parse(error.to_json().as_bytes(), None)
        .expect("a rendered body parses")
        .member(&value)
        .is_some()
        || ["type", "title", "status", "detail", "instance"].contains(&value.as_str());
    match error.clone().with_member(value.clone(), value.as_str()) {
        Ok(with) => {
            assert!(!taken, "the taken member name {value:?} was accepted");
            with
        }
        Err(_) => {
            assert!(taken, "the free member name {value:?} was refused");
            error
        }
    }
}

pub fn render(data: &[u8]) {
    let Some(input) = RenderInput::new(data) else {
        return;
    };
    match input.api % 4 {
        0 => render_as::<app_native::Code>(&input, |error, value| error.with_trace_id(value)),
        1 => render_as::<auth0::Code>(&input, with_member_named_after),
        2 => render_as::<authos::Code>(&input, |error, value| error.with_timestamp(value)),
        _ => render_as::<registration::Code>(&input, |error, value| {
            with_member_named_after(error.with_request_token(value.clone()), value)
        }),
    }
}

// ---------------------------------------------------------------------------
// Lookup

/// The texts an entry answers to: its code, the code without the API's
/// prefix, and its name.
fn texts_of(entry: &Entry, prefix: Option<&str>) -> impl Iterator<Item = &'static str> {
    let code = entry.code();
    [Some(code), prefix.and_then(|prefix| code.strip_prefix(prefix)), entry.name()].into_iter().flatten()
}

fn lookup_as<C: WireFormat>(text: &str) {
    let catalog = C::API.catalog();
    // The oracle, by a linear scan: the generic entry answering to the text
    // (Auth0, whose entries share codes), else the first.
    let answers = |entry: &&Entry| texts_of(entry, catalog.code_prefix()).any(|t| t == text);
    let generic = catalog.entries().iter().filter(|entry| entry.is_generic()).find(answers);
    let expected = generic.or_else(|| catalog.entries().iter().find(answers));
    let expected = expected.map(Entry::index);
    assert_eq!(catalog.find(text).map(Entry::index), expected, "{} lookup of {text:?}", C::API);
    assert_eq!(C::from_wire(text).map(|code| code.entry().index()), expected);
    match text.parse::<C>() {
        Ok(code) => assert_eq!(Some(code.entry().index()), expected),
        Err(error) => {
            assert_eq!(expected, None);
            assert!(error.to_string().contains(C::API.as_str()));
        }
    }
}

/// Code lookup from arbitrary text, in every form each API accepts.
pub fn lookup(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    lookup_as::<app_native::Code>(&text);
    lookup_as::<auth0::Code>(&text);
    lookup_as::<authos::Code>(&text);
    lookup_as::<registration::Code>(&text);

    // Auth0's (error, description) pairs: split at the first NUL.
    if let Some((error, description)) = text.split_once('\0') {
        let exact =
            auth0::Code::ALL.into_iter().find(|code| code.as_str() == error && code.description() == description);
        if let Some(code) = exact {
            assert_eq!(auth0::Code::from_pair(error, description), Some(code));
        }
    }

    // Registration numbers: a declared code is its own resolution; any other
    // number resolves to the next lower multiple of 10 if that is a code,
    // else to the catch-all of a range that holds it, or to nothing.
    if let Some(bytes) = data.first_chunk::<4>() {
        let number = u32::from_le_bytes(*bytes);
        match (registration::Code::from_number(number), registration::Code::resolve(number)) {
            (Some(code), resolved) => assert_eq!(resolved, Some(code)),
            (None, Some(catch_all)) => {
                let parent = catch_all.entry().number().expect("Registration codes are numbers");
                let tens = number - number % 10;
                let ranges = Api::Registration.catalog().ranges();
                let by_range = ranges.iter().any(|range| range.contains(number) && range.catch_all() == Some(parent));
                assert!(parent == tens || by_range, "{number} resolved to {parent}");
            }
            (None, None) => {
                let tens = number - number % 10;
                assert_eq!(registration::Code::from_number(tens), None, "{number} did not resolve to {tens}");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The catalog validator

/// Every diagnostic names the file, a line and a column inside the text,
/// and a message, on one line.
fn check_diagnostics(path: &str, bytes: &[u8], found: &[Diagnostic]) {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    for diagnostic in found {
        let shown = diagnostic.to_string();
        assert_eq!(diagnostic.file, path, "{shown}");
        assert!(!diagnostic.message.trim().is_empty(), "{shown}");
        assert!(!shown.contains('\n'), "{shown:?} spans lines");
        assert!(diagnostic.line >= 1 && diagnostic.line <= lines.len(), "{shown}: no such line");
        let width = lines[diagnostic.line - 1].chars().count();
        assert!(diagnostic.column >= 1 && diagnostic.column <= width + 1, "{shown}: no such column");
        assert!(shown.starts_with(&format!("{path}:{}:{}: ", diagnostic.line, diagnostic.column)));
    }
}

/// Parses, validates and (when clean) generates `bytes` as the file `path`;
/// gives the API name the file declares, if it parsed.
fn compile_as(path: &str, bytes: &[u8]) -> Option<String> {
    match catalog_parse::parse_file(path, bytes) {
        Err(found) => {
            assert!(!found.is_empty(), "a rejected file has a diagnostic");
            check_diagnostics(path, bytes, &found);
            None
        }
        Ok(catalog) => {
            let found = validate::validate(&catalog);
            check_diagnostics(path, bytes, &found);
            if found.is_empty() {
                match generate::generate(&catalog) {
                    Ok(generated) => {
                        assert!(generated.module.code.contains("pub enum Code"), "generated code without its enum")
                    }
                    Err(found) => check_diagnostics(path, bytes, std::slice::from_ref(&found)),
                }
            }
            Some(catalog.api.name.value.clone())
        }
    }
}

/// The catalog compiler of build.rs on arbitrary text: never a panic or a
/// hang, and every problem reported as `catalog/FILE.toml:LINE:COL: message`.
pub fn validate_catalog(bytes: &[u8]) {
    // Under a neutral name first; then, if the file declares one of the four
    // APIs, under that API's own file name, so that the rules past the
    // name check (and the code generator) see it too.
    let name = compile_as("catalog/fuzzed.toml", bytes);
    if let Some(api) = name.filter(|name| Api::ALL.iter().any(|api| api.as_str() == name)) {
        compile_as(&format!("catalog/{api}.toml"), bytes);
    }
}
