//! Property tests: every code of every API, rendered with arbitrary (and
//! deliberately hostile) placeholder values and per-API fields, parses back
//! to the same error; received bodies keep unknown members and unknown codes
//! and give back an equal JSON value; and the odd types real servers send.

use std::collections::HashSet;

use auth_error_catalog::{
    Api, Error, ErrorCode, Match, OpenFormat, ParamError, Received, ResponseOptions, WireFormat, app_native, auth0,
    authos, parse, registration,
};
use http::StatusCode;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

fn config() -> ProptestConfig {
    // No regression files: a failure is reported with its shrunk input instead.
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// Strategies

/// Fragments that break naive escaping or template matching: quotes,
/// backslashes, U+2028/9, placeholders, replacement and non-BMP characters,
/// and the literal text around the catalog's placeholders.
const PIECES: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\\u0000",
    "\u{2028}",
    "\u{2029}",
    "{{x}}",
    "{{authenticator_id}}",
    "{{reason}}",
    "{{",
    "}}",
    "{",
    "}",
    "\u{fffd}",
    "\u{feff}",
    "\u{7f}",
    "\u{e2}",
    "é",
    "€",
    "😀",
    "\u{10ffff}",
    " in tenant domain ",
    " (Code: ",
    ")",
    ".",
    " is invalid.",
    "</script>",
    "null",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_owned),
        2 => (0u8..0x20).prop_map(|byte| char::from(byte).to_string()),
        1 => (0x1_0000u32..=0x10_FFFF).prop_filter_map("a scalar value", char::from_u32).prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
        3 => "[a-zA-Z0-9 ]{1,8}",
    ]
}

/// Any string, biased to hostile text, sometimes a few KB long.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => vec(piece(), 0..16).prop_map(|pieces| pieces.concat()),
        2 => any::<String>(),
        1 => (piece(), 50usize..500).prop_map(|(piece, times)| piece.repeat(times)),
        1 => (vec(piece(), 1..6), 10usize..60).prop_map(|(pieces, times)| pieces.concat().repeat(times)),
    ]
}

/// A few hostile pieces: cheaper to generate, for nested JSON values.
fn short_text() -> impl Strategy<Value = String> {
    vec(piece(), 0..6).prop_map(|pieces| pieces.concat())
}

/// One value per placeholder: no code has more than two.
fn placeholder_values() -> impl Strategy<Value = Vec<String>> {
    vec(hostile_text(), 2)
}

/// The JSON text of an arbitrary value: null, bools, integers (also beyond
/// 64 bits), floats, strings (also with escapes serde_json would not write),
/// arrays and objects.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|flag| flag.to_string()),
        any::<i64>().prop_map(|number| number.to_string()),
        any::<u64>().prop_map(|number| number.to_string()),
        "-?[1-9][0-9]{20,40}",
        any::<f64>().prop_filter("finite", |number| number.is_finite()).prop_map(|number| number.to_string()),
        "-?(0|[1-9][0-9]{0,6})(\\.[0-9]{1,12})?([eE][+-]?[0-9]{1,2})?",
        short_text().prop_map(|text| serde_json::to_string(&text).unwrap()),
        Just(r#""\u00e9\/\ud83d\ude00\b\f\u2028""#.to_owned()),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..5).prop_map(|items| format!("[{}]", items.join(","))),
            vec((short_text(), inner), 0..5).prop_map(|members| {
                let members: Vec<String> = members
                    .iter()
                    .map(|(name, value)| format!("{}:{value}", serde_json::to_string(name).unwrap()))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// A member name: arbitrary text, or one the four wire formats use.
fn member_name() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => hostile_text(),
        1 => "[a-zA-Z_]{1,12}",
        1 => prop::sample::select(WIRE_NAMES).prop_map(str::to_owned),
    ]
}

/// The member names the four wire formats (and their variants) use.
const WIRE_NAMES: &[&str] = &[
    "code",
    "message",
    "description",
    "traceId",
    "error",
    "error_description",
    "error_code",
    "timestamp",
    "stat",
    "request_token",
    "request_id",
    "name",
    "statusCode",
    "mfa_token",
];

// ---------------------------------------------------------------------------
// What differs between the APIs, for the generic checks

trait Fixture: WireFormat {
    /// The member that holds the API's own field, if it has one.
    const FIELD: Option<&'static str>;

    /// Sets that field: trace id, timestamp or request token.
    fn with_field(error: Error<Self>, value: String) -> Error<Self>;
}

impl Fixture for app_native::Code {
    const FIELD: Option<&'static str> = Some("traceId");

    fn with_field(error: Error<Self>, value: String) -> Error<Self> {
        error.with_trace_id(value)
    }
}

impl Fixture for auth0::Code {
    const FIELD: Option<&'static str> = None;

    fn with_field(error: Error<Self>, _value: String) -> Error<Self> {
        error
    }
}

impl Fixture for authos::Code {
    const FIELD: Option<&'static str> = Some("timestamp");

    fn with_field(error: Error<Self>, value: String) -> Error<Self> {
        error.with_timestamp(value)
    }
}

impl Fixture for registration::Code {
    const FIELD: Option<&'static str> = Some("request_token");

    fn with_field(error: Error<Self>, value: String) -> Error<Self> {
        error.with_request_token(value)
    }
}

// ---------------------------------------------------------------------------
// Helpers

fn json_value(text: &str) -> Result<Value, TestCaseError> {
    serde_json::from_str(text).map_err(|error| TestCaseError::fail(format!("not JSON ({error}): {text:?}")))
}

/// `code` with `values` for its placeholders (in order) and `field` set.
fn build<C: Fixture>(code: C, values: &[String], field: &str) -> Error<C> {
    let mut builder = Error::builder(code);
    for (name, value) in code.entry().placeholders().iter().zip(values) {
        builder = builder.with(name, value.clone());
    }
    C::with_field(builder.build().expect("every placeholder has a value"), field.to_owned())
}

/// Whether splitting the description at the literal text after each
/// placeholder finds the values given. The parser splits at the first
/// occurrence of that text (the last placeholder takes the rest), so a value
/// containing the text that follows its placeholder is ambiguous.
fn captures_are_unambiguous(template: &str, values: &[(&str, &str)]) -> bool {
    values.iter().all(|(name, value)| {
        let marker = format!("{{{{{name}}}}}");
        let after = &template[template.find(&marker).expect("placeholder in template") + marker.len()..];
        let Some(next) = after.find("{{") else {
            return true;
        };
        let literal = &after[..next];
        format!("{value}{literal}").find(literal) == Some(value.len())
    })
}

/// The matches a rendered code may come back with.
fn expected_matches<C: ErrorCode>(code: C) -> &'static [Match] {
    let entry = code.entry();
    if C::API != Api::Auth0 || entry.placeholders().is_empty() {
        return &[Match::Exact];
    }
    // A filled template matches by its kind of template, or exactly when the
    // value happens to reproduce the template text itself.
    let wildcard = entry.description() == format!("{{{{{}}}}}", entry.placeholders()[0]);
    match (entry.is_generic(), wildcard) {
        (true, true) => &[Match::Exact, Match::Generic],
        (false, true) => &[Match::Exact, Match::Wildcard],
        _ => &[Match::Exact, Match::Template],
    }
}

/// Renders `code` and checks everything that should survive the trip.
fn check_round_trip<C: Fixture>(
    code: C,
    values: &[String],
    field: &str,
    buffer: &mut Vec<u8>,
) -> Result<(), TestCaseError> {
    let error = build(code, values, field);
    let entry = code.entry();
    let given: Vec<(&str, &str)> =
        entry.placeholders().iter().copied().zip(values.iter().map(String::as_str)).collect();
    prop_assert_eq!(error.values().collect::<Vec<_>>(), given.clone());

    // (1) A JSON object, whose description and field hold exactly what was given.
    let json = error.to_json();
    let rendered = json_value(&json)?;
    let object = rendered.as_object().ok_or_else(|| TestCaseError::fail("not an object"))?;
    let description = error.description();
    prop_assert!(object.values().any(|value| value.as_str() == Some(&*description)), "description lost: {}", json);
    if let Some(name) = C::FIELD {
        prop_assert_eq!(object.get(name).and_then(Value::as_str), Some(field));
    }

    // (6) write_json appends exactly to_json to a reused buffer; Serialize agrees.
    let start = buffer.len();
    error.write_json(buffer);
    prop_assert_eq!(&buffer[start..], json.as_bytes());
    buffer.drain(..start);
    prop_assert_eq!(json_value(&serde_json::to_string(&error).unwrap())?, rendered.clone());

    // (2) The same code, matched as expected.
    let received =
        Received::<C>::parse(json.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(received.code(), Some(code));
    prop_assert!(expected_matches(code).contains(&received.matched()), "{:?} for {}", received.matched(), code);
    prop_assert_eq!(received.raw_code(), code.as_str());
    prop_assert_eq!(received.description(), Some(&*description));
    prop_assert_eq!(received.http_status(), Some(code.http_status()));

    // (3) The values, or where a value holds the text after its placeholder,
    // values that fill the template to the same description.
    let params: Vec<(&str, &str)> = received.params().iter().map(|(name, value)| (*name, value.as_ref())).collect();
    if captures_are_unambiguous(entry.description(), &given) {
        prop_assert_eq!(&params, &given);
    } else {
        prop_assert_eq!(params.iter().map(|(name, _)| *name).collect::<Vec<_>>(), entry.placeholders());
        let mut again = Error::builder(code);
        for (name, value) in &params {
            again = again.with(name, (*value).to_owned());
        }
        let again = again.build().map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(again.description(), description.clone());
    }

    // (4) The body again: a rendered body's member names need no escapes, so
    // it comes back as the very same bytes (equal as a JSON value a fortiori),
    // also through Serialize and after into_owned.
    prop_assert_eq!(received.to_json(), json.clone());
    prop_assert_eq!(serde_json::to_string(&received).unwrap(), json.clone());
    let owned = received.clone().into_owned();
    prop_assert_eq!((owned.code(), owned.to_json()), (Some(code), json.clone()));

    // (5) Detection finds the API and classifies alike.
    let any = parse(json.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(any.api(), C::API);
    prop_assert_eq!(any.entry().map(|entry| entry.index()), Some(entry.index()));
    prop_assert_eq!((any.raw_code(), any.matched()), (received.raw_code(), received.matched()));
    prop_assert_eq!(any.params(), received.params());
    prop_assert_eq!(any.to_json(), json);
    Ok(())
}

fn round_trip_every_code<C: Fixture>(values: &[String], field: &str) -> Result<(), TestCaseError> {
    let mut buffer = b"left over from an earlier body".to_vec();
    for &code in C::all() {
        check_round_trip(code, values, field, &mut buffer)?;
    }
    Ok(())
}

/// The members of `body` as (name, raw JSON text).
fn members_of<C: WireFormat>(body: &[u8]) -> Vec<(String, String)> {
    let received = Received::<C>::parse(body, None).expect("a rendered body parses");
    received.members().map(|(name, raw)| (name.to_owned(), raw.get().to_owned())).collect()
}

fn object_text(members: &[(String, String)]) -> String {
    let members: Vec<String> =
        members.iter().map(|(name, value)| format!("{}:{value}", serde_json::to_string(name).unwrap())).collect();
    format!("{{{}}}", members.join(","))
}

/// Inserts `extras` into a rendered body of `code`, each at its own position
/// (names already present or repeated are dropped), and checks that every
/// member survives, in order, and the classification does not change.
fn check_extra_members<C: Fixture>(
    code: C,
    values: &[String],
    field: &str,
    extras: &[(String, String, usize)],
) -> Result<(), TestCaseError> {
    let json = build(code, values, field).to_json();
    let plain = Received::<C>::parse(json.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let mut members = members_of::<C>(json.as_bytes());
    let mut names: HashSet<String> = members.iter().map(|(name, _)| name.clone()).collect();
    for (name, value, position) in extras {
        if names.insert(name.clone()) {
            members.insert(position % (members.len() + 1), (name.clone(), value.clone()));
        }
    }
    let body = object_text(&members);
    let original = json_value(&body)?;

    let received =
        Received::<C>::parse(body.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let kept: Vec<(String, String)> =
        received.members().map(|(name, raw)| (name.to_owned(), raw.get().to_owned())).collect();
    prop_assert_eq!(&kept, &members);
    for (name, value) in &members {
        prop_assert_eq!(received.member(name).map(|raw| raw.get()), Some(value.as_str()));
    }
    prop_assert_eq!(json_value(&received.to_json())?, original.clone());
    prop_assert_eq!(json_value(&serde_json::to_string(&received).unwrap())?, original);

    prop_assert_eq!(received.code(), Some(code));
    prop_assert_eq!((received.raw_code(), received.matched()), (plain.raw_code(), plain.matched()));
    prop_assert_eq!(received.description(), plain.description());
    prop_assert_eq!(received.params(), plain.params());

    // Members that tell the APIs apart may move a body to another API;
    // without them, detection is unchanged.
    const TELLING: [&str; 6] = ["stat", "error_code", "error", "code", "message", "name"];
    if extras.iter().all(|(name, _, _)| !TELLING.contains(&name.as_str())) {
        let any = parse(body.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!((any.api(), any.raw_code()), (C::API, plain.raw_code()));
    }
    Ok(())
}

/// Renders `code` with `extras` added through `with_member` (a name the body
/// already has is refused, and nothing else is), and checks that the body,
/// its `Serialize` form and its problem+json are JSON with every member in
/// order, and that it parses back to the same code with the members kept.
fn check_rendered_members<C: Fixture + OpenFormat>(
    code: C,
    values: &[String],
    field: &str,
    extras: &[(String, String, usize)],
) -> Result<(), TestCaseError> {
    let mut error = build(code, values, field);
    let own = members_of::<C>(error.to_json().as_bytes());
    let mut taken: HashSet<String> = own.iter().map(|(name, _)| name.clone()).collect();
    taken.extend(["type", "title", "status", "detail", "instance"].map(str::to_owned));
    let mut added = Vec::new();
    for (name, text, _) in extras {
        // Numbers beyond f64 have no serde_json::Value to add them as.
        let Ok(value) = serde_json::from_str::<Value>(text) else { continue };
        match error.clone().with_member(name.clone(), value.clone()) {
            Ok(with) => {
                prop_assert!(taken.insert(name.clone()), "{name:?} was taken but accepted");
                added.push((name.clone(), value));
                error = with;
            }
            Err(ParamError::MemberTaken { name: refused, .. }) => {
                prop_assert!(taken.contains(name), "{name:?} was free but refused");
                prop_assert_eq!(&refused, name);
            }
            Err(other) => return Err(TestCaseError::fail(other.to_string())),
        }
    }
    let json = error.to_json();
    json_value(&json)?;
    let received =
        Received::<C>::parse(json.as_bytes(), None).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(received.code(), Some(code));
    let names: Vec<&str> = received.members().map(|(name, _)| name).collect();
    let expected: Vec<&str> =
        own.iter().map(|(name, _)| name.as_str()).chain(added.iter().map(|(name, _)| name.as_str())).collect();
    prop_assert_eq!(names, expected);
    for (name, value) in &added {
        let kept = received.member(name).map(|raw| json_value(raw.get())).transpose()?;
        prop_assert_eq!(kept.as_ref(), Some(value));
    }
    let extra_members: Vec<(String, Value)> = error
        .extra_members()
        .map(|(name, text)| Ok((name.to_owned(), json_value(text)?)))
        .collect::<Result<_, TestCaseError>>()?;
    prop_assert_eq!(&extra_members, &added);
    prop_assert_eq!(json_value(&serde_json::to_string(&error).unwrap())?, json_value(&json)?);
    let problem = json_value(&error.to_problem_json(&ResponseOptions::default()))?;
    for (name, value) in &added {
        prop_assert_eq!(problem.get(name), Some(value));
    }
    Ok(())
}

fn extra_members() -> impl Strategy<Value = Vec<(String, String, usize)>> {
    vec((member_name(), json_text(), any::<usize>()), 1..6)
}

/// Parses a body holding a code the catalog lacks and checks the code is
/// kept as sent, classified as `expected`, and the body round-trips.
fn check_unknown<C: WireFormat>(
    body: &str,
    status: Option<StatusCode>,
    raw_code: &str,
    expected: (Option<C>, Match),
) -> Result<(), TestCaseError> {
    let original = json_value(body)?;
    let received =
        Received::<C>::parse(body.as_bytes(), status).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(received.raw_code(), raw_code);
    prop_assert_eq!((received.code(), received.matched()), expected);
    prop_assert_eq!(received.is_known(), expected.0.is_some());
    prop_assert!(received.params().is_empty());
    prop_assert_eq!(received.http_status(), status.or(expected.0.map(ErrorCode::http_status)));
    prop_assert_eq!(json_value(&received.to_json())?, original.clone());
    prop_assert_eq!(received.to_json(), body);

    let any = parse(body.as_bytes(), status).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!((any.api(), any.raw_code(), any.matched()), (C::API, raw_code, expected.1));
    prop_assert_eq!(json_value(&any.to_json())?, original);
    Ok(())
}

/// A code as JSON: a string, or a non-negative integer.
#[derive(Clone, Debug)]
enum WireCode {
    Text(String),
    Number(u64),
}

impl WireCode {
    fn json(&self) -> String {
        match self {
            WireCode::Text(text) => serde_json::to_string(text).unwrap(),
            WireCode::Number(number) => number.to_string(),
        }
    }

    fn raw(&self) -> String {
        match self {
            WireCode::Text(text) => text.clone(),
            WireCode::Number(number) => number.to_string(),
        }
    }
}

/// Codes `C::from_wire` does not know, from `text`-like strings and numbers.
fn unknown_code<C: ErrorCode>(text: &'static str) -> impl Strategy<Value = WireCode> {
    prop_oneof![
        2 => text.prop_map(WireCode::Text),
        1 => any::<String>().prop_map(WireCode::Text),
        1 => prop_oneof![0u64..1_000, 59_990u64..66_000, any::<u64>()].prop_map(WireCode::Number),
    ]
    .prop_filter("not in the catalog", |code| C::from_wire(&code.raw()).is_none())
}

fn status() -> impl Strategy<Value = Option<StatusCode>> {
    prop_oneof![Just(None), (400u16..600).prop_map(|code| StatusCode::from_u16(code).ok())]
}

fn text_json(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_app_native_code_round_trips(values in placeholder_values(), trace_id in hostile_text()) {
        round_trip_every_code::<app_native::Code>(&values, &trace_id)?;
    }

    #[test]
    fn every_auth0_code_round_trips(values in placeholder_values()) {
        round_trip_every_code::<auth0::Code>(&values, "")?;
    }

    #[test]
    fn every_authos_code_round_trips(values in placeholder_values(), timestamp in hostile_text()) {
        round_trip_every_code::<authos::Code>(&values, &timestamp)?;
    }

    #[test]
    fn every_registration_code_round_trips(values in placeholder_values(), request_token in hostile_text()) {
        round_trip_every_code::<registration::Code>(&values, &request_token)?;
    }

    #[test]
    fn extra_members_survive_in_order(
        index in any::<prop::sample::Index>(),
        values in placeholder_values(),
        field in hostile_text(),
        extras in extra_members(),
    ) {
        check_extra_members(*index.get(&app_native::Code::ALL), &values, &field, &extras)?;
        check_extra_members(*index.get(&auth0::Code::ALL), &values, &field, &extras)?;
        check_extra_members(*index.get(&authos::Code::ALL), &values, &field, &extras)?;
        check_extra_members(*index.get(&registration::Code::ALL), &values, &field, &extras)?;
        // The same members, added by a service to the formats open to them.
        check_rendered_members(*index.get(&auth0::Code::ALL), &values, &field, &extras)?;
        check_rendered_members(*index.get(&registration::Code::ALL), &values, &field, &extras)?;
    }

    #[test]
    fn unknown_app_native_codes_are_kept(
        code in unknown_code::<app_native::Code>("(ABA|AD|ABA-6|aba)-?[0-9]{1,6}"),
        message in hostile_text(),
        description in hostile_text(),
        status in status(),
    ) {
        let body = format!(
            r#"{{"code":{},"message":{},"description":{},"traceId":"t"}}"#,
            code.json(), text_json(&message), text_json(&description),
        );
        check_unknown::<app_native::Code>(&body, status, &code.raw(), (None, Match::Unknown))?;
    }

    #[test]
    fn unknown_auth0_codes_are_kept(
        code in unknown_code::<auth0::Code>("[a-z_.A-Z]{1,24}"),
        description in prop::option::of(hostile_text()),
        status in status(),
    ) {
        let body = match &description {
            Some(description) => {
                format!(r#"{{"error":{},"error_description":{}}}"#, code.json(), text_json(description))
            }
            None => format!(r#"{{"error":{}}}"#, code.json()),
        };
        check_unknown::<auth0::Code>(&body, status, &code.raw(), (None, Match::Unknown))?;
    }

    #[test]
    fn unknown_authos_codes_are_kept(
        code in unknown_code::<authos::Code>("[A-Z_]{1,30}"),
        description in hostile_text(),
        timestamp in hostile_text(),
        status in status(),
    ) {
        let body = format!(
            r#"{{"error":{},"error_code":{},"timestamp":{}}}"#,
            text_json(&description), code.json(), text_json(&timestamp),
        );
        check_unknown::<authos::Code>(&body, status, &code.raw(), (None, Match::Unknown))?;
    }

    /// Unknown numbers (as integers or digit strings) resolve to their
    /// catch-all where there is one; other unknown strings stay unknown.
    #[test]
    fn unknown_registration_codes_resolve_or_are_kept(
        code in prop_oneof![
            unknown_code::<registration::Code>("[a-z_]{1,24}"),
            (0u64..1_000).prop_map(|number| WireCode::Text(number.to_string())),
        ]
        .prop_filter("not in the catalog", |code| registration::Code::from_wire(&code.raw()).is_none()),
        description in hostile_text(),
        status in status(),
    ) {
        let raw = code.raw();
        let canonical_number = raw.parse::<u32>().ok().filter(|number| number.to_string() == raw);
        // Non-canonical number text ("+12", "007") has its own test below.
        prop_assume!(canonical_number.is_some() || raw.parse::<u32>().is_err());
        let expected = match canonical_number.map(registration::Code::resolve) {
            Some(Some(catch_all)) => (Some(catch_all), Match::CatchAll),
            _ => (None, Match::Unknown),
        };
        let body = format!(
            r#"{{"stat":"error","code":{},"error":"new_error","error_description":{},"request_token":"abcdefghijklmnop"}}"#,
            code.json(), text_json(&description),
        );
        check_unknown::<registration::Code>(&body, status, &raw, expected)?;
    }
}

// ---------------------------------------------------------------------------
// Odd types and members real servers send

#[test]
fn registration_code_as_a_string_of_digits() {
    let body = br#"{"stat":"error","code":"210","error":"invalid_credentials","error_description":"x","request_token":"abcdefghijklmnop"}"#;
    let received = registration::Received::parse(body, Some(StatusCode::OK)).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(registration::Code::InvalidCredentials), Match::Exact));
    assert_eq!(received.raw_code(), "210");
    assert_eq!(received.member("code").map(|raw| raw.get()), Some(r#""210""#));
    assert_eq!(received.to_json().as_bytes(), body);

    let body = br#"{"stat":"error","code":"218","error":"new_thing"}"#;
    let received = registration::Received::parse(body, None).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(registration::Code::InvalidCredentials), Match::CatchAll));
    assert_eq!(received.raw_code(), "218");
}

/// `u32::from_str` accepts a leading `+`, so `"+210"` is taken for the
/// catalog's 210 and reported as an exact match, though `from_wire("+210")`
/// finds nothing and no other API accepts a sign (`"+60004"` is unknown).
#[test]
fn registration_code_with_a_plus_sign_is_not_an_exact_match() {
    assert_eq!(registration::Code::from_wire("+210"), None);
    let received = app_native::Received::parse(br#"{"code":"+60004","message":"m"}"#, None).unwrap();
    assert_eq!((received.code(), received.matched()), (None, Match::Unknown));

    let body = br#"{"stat":"error","code":"+210","error":"invalid_credentials"}"#;
    let received = registration::Received::parse(body, None).unwrap();
    assert_eq!(received.raw_code(), "+210");
    assert_ne!(received.matched(), Match::Exact, "\"+210\" is not the catalog's code \"210\"");
}

#[test]
fn app_native_code_as_an_integer() {
    let body = br#"{"code":60004,"message":"Invalid authenticatorId.","description":"Provided authenticatorId abc is invalid.","traceId":""}"#;
    let received = app_native::Received::parse(body, None).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(app_native::Code::InvalidAuthenticatorId), Match::Exact));
    assert_eq!(received.raw_code(), "60004");
    assert_eq!(received.params(), [("authenticator_id", "abc".into())]);
    assert_eq!(received.to_json().as_bytes(), body);
    let any = parse(body, None).unwrap();
    assert_eq!((any.api(), any.raw_code()), (Api::AppNative, "60004"));

    let body = br#"{"code":401,"message":"Unauthorized","description":"Client authentication failure or client attestation failure.","traceId":"t"}"#;
    let received = app_native::Received::parse(body, Some(StatusCode::UNAUTHORIZED)).unwrap();
    assert_eq!((received.code(), received.raw_code()), (Some(app_native::Code::Unauthorized), "401"));
}

#[test]
fn authos_timestamps_in_every_rfc_3339_form() {
    for timestamp in [
        "2025-01-15T10:30:00Z",
        "2025-01-15T10:30:00+00:00",
        "2025-01-15T10:30:00-05:30",
        "2025-01-15T10:30:00.123Z",
        "2025-01-15T10:30:00.123456789+00:00",
        "2025-01-15T10:30:00.5-05:30",
        "2025-01-15t10:30:00z",
    ] {
        let body = format!(r#"{{"error":"JWT has expired","error_code":"TOKEN_EXPIRED","timestamp":"{timestamp}"}}"#);
        let received = authos::Received::parse(body.as_bytes(), None).unwrap();
        assert_eq!((received.code(), received.matched()), (Some(authos::Code::TokenExpired), Match::Exact));
        assert_eq!(received.member("timestamp").map(|raw| raw.get()), Some(&*format!("\"{timestamp}\"")));
        assert_eq!(received.to_json(), body);
        assert_eq!(authos::errors::token_expired().with_timestamp(timestamp).to_json(), body);
    }
}

#[test]
fn a_missing_description() {
    let received =
        app_native::Received::parse(br#"{"code":"ABA-60004","message":"Invalid authenticatorId."}"#, None).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(app_native::Code::InvalidAuthenticatorId), Match::Exact));
    assert_eq!(received.description(), None);
    assert!(received.params().is_empty());

    // Auth0: the `error` alone names the generic entry of that string.
    let received = auth0::Received::parse(br#"{"error":"invalid_request"}"#, None).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(auth0::Code::InvalidRequest), Match::Generic));
    assert!(auth0::Code::InvalidRequest.entry().is_generic());
    assert_eq!(received.description(), None);

    // Registration: `message` stands in for `error_description`, else there is none.
    let received = registration::Received::parse(br#"{"stat":"error","code":210,"message":"Bad"}"#, None).unwrap();
    assert_eq!((received.code(), received.description()), (Some(registration::Code::InvalidCredentials), Some("Bad")));
    let received = registration::Received::parse(br#"{"stat":"error","code":210}"#, None).unwrap();
    assert_eq!((received.code(), received.description()), (Some(registration::Code::InvalidCredentials), None));

    // AuthOS: `error` is the description and a required member.
    let body = br#"{"error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#;
    let error = authos::Received::parse(body, None).unwrap_err();
    assert_eq!(error.defect(), &auth_error_catalog::Defect::WrongShape("authos"));
}

#[test]
fn request_id_instead_of_request_token() {
    let body = br#"{"stat":"error","code":210,"error":"invalid_credentials","error_description":"The supplied email address or password was incorrect.","request_id":"abcdefghijklmnop"}"#;
    let received = registration::Received::parse(body, Some(StatusCode::OK)).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(registration::Code::InvalidCredentials), Match::Exact));
    assert_eq!(received.member("request_id").map(|raw| raw.get()), Some(r#""abcdefghijklmnop""#));
    assert!(received.member("request_token").is_none());
    assert_eq!(received.to_json().as_bytes(), body);
    assert_eq!(parse(body, Some(StatusCode::OK)).unwrap().api(), Api::Registration);
}
