//! Hostile input on both sides: bodies no API sends (or that only a broken
//! proxy sends) are rejected with the right problem, the HTTP status and a
//! short excerpt, never a panic; hostile placeholder values render as inert
//! JSON text; misuse of the dynamic builder is reported, not panicked on.

use auth_error_catalog::{
    AnyReceived, Api, Defect, Error, ErrorCode, Match, ParamError, ParseError, Received, ResponseOptions, WireFormat,
    app_native, auth0, authos, parse, registration,
};
use http::StatusCode;

const STATUS: StatusCode = StatusCode::BAD_GATEWAY;

/// The problem kinds, without their payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    Empty,
    NotJson,
    NotAnObject,
    WrongShape,
}

fn kind(problem: &Defect) -> Expect {
    match problem {
        Defect::Empty => Expect::Empty,
        Defect::NotJson(_) => Expect::NotJson,
        Defect::NotAnObject => Expect::NotAnObject,
        Defect::WrongShape(_) => Expect::WrongShape,
        other => panic!("a problem this test does not know: {other:?}"),
    }
}

/// The status is the one given, and the excerpt is the start of the body:
/// at most 120 characters, then `…` where the body goes on.
fn check_error(error: &ParseError, body: &[u8], status: Option<StatusCode>) {
    assert_eq!(error.status(), status);
    let excerpt = error.excerpt();
    let shown = excerpt.strip_suffix('…').unwrap_or(excerpt);
    assert!(shown.chars().count() <= 120, "excerpt of {} characters", shown.chars().count());
    let whole = String::from_utf8_lossy(body);
    assert!(whole.starts_with(shown), "{excerpt:?} does not start the body");
    // The ellipsis marks exactly the bodies that go on beyond the excerpt.
    assert_eq!(shown.len() < excerpt.len(), shown.len() < whole.len(), "ellipsis: {excerpt:?}");
    if let Some(status) = status {
        assert!(error.to_string().starts_with(&format!("HTTP {}: ", status.as_u16())), "{error}");
    }
}

fn rejected_as<C: WireFormat>(body: &[u8], expected: Expect) {
    let error = Received::<C>::parse(body, Some(STATUS)).expect_err(C::API.as_str());
    check_error(&error, body, Some(STATUS));
    assert_eq!(kind(error.defect()), expected, "{}: {error}", C::API);
    if expected == Expect::WrongShape {
        assert_eq!(error.defect(), &Defect::WrongShape(C::API.as_str()));
    }
}

/// Every parser rejects `body` with the `expected` problem (detection, when
/// it is the wrong shape, names the API it took the body for, if any).
fn rejected_everywhere(body: &[u8], expected: Expect) -> Defect {
    rejected_as::<app_native::Code>(body, expected);
    rejected_as::<auth0::Code>(body, expected);
    rejected_as::<authos::Code>(body, expected);
    rejected_as::<registration::Code>(body, expected);
    for status in [Some(STATUS), None] {
        let error = parse(body, status).expect_err("detection");
        check_error(&error, body, status);
        assert_eq!(kind(error.defect()), expected, "detection: {error}");
    }
    parse(body, None).unwrap_err().defect().clone()
}

/// The typed parsers of every API, and detection, on a body that is no error body at all.
fn not_any_api(body: &[u8]) {
    let problem = rejected_everywhere(body, Expect::WrongShape);
    assert_eq!(problem, Defect::WrongShape("any of the APIs"));
}

#[test]
fn empty_and_white_space_bodies() {
    rejected_everywhere(b"", Expect::Empty);
    rejected_everywhere(b" \t\r\n ", Expect::Empty);
    let error = parse(b"", Some(STATUS)).unwrap_err();
    assert_eq!((error.excerpt(), error.to_string().as_str()), ("", "HTTP 502: the body is empty: \"\""));
}

#[test]
fn a_megabyte_of_white_space() {
    let body = vec![b' '; 1 << 20];
    rejected_everywhere(&body, Expect::Empty);
    let error = parse(&body, Some(STATUS)).unwrap_err();
    assert_eq!(error.excerpt(), format!("{}…", " ".repeat(120)));

    // White space around a body is allowed by JSON.
    let mut padded = body.clone();
    padded.extend_from_slice(br#"{"error":"access_denied","error_description":"no"}"#);
    padded.extend_from_slice(&body);
    let received = parse(&padded, Some(StatusCode::FORBIDDEN)).unwrap();
    assert_eq!((received.api(), received.raw_code()), (Api::Auth0, "access_denied"));
    assert_eq!(received.to_json(), r#"{"error":"access_denied","error_description":"no"}"#);
}

#[test]
fn an_html_page_from_a_proxy() {
    let body = b"<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n\
        <center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body>\n</html>\n";
    assert!(body.len() > 120);
    rejected_everywhere(body, Expect::NotJson);
    let error = parse(body, Some(STATUS)).unwrap_err();
    assert_eq!(error.excerpt().chars().count(), 121);
    assert!(error.excerpt().starts_with("<!DOCTYPE html>\n<html>") && error.excerpt().ends_with('…'));
    assert!(error.to_string().starts_with("HTTP 502: the body is not JSON"), "{error}");
}

#[test]
fn json_that_is_not_an_object() {
    for body in [&b"null"[..], b"[]", b"\"string\"", b"123", b"-1.5e3", b"true", b"[{\"error\":\"access_denied\"}]"] {
        rejected_everywhere(body, Expect::NotAnObject);
    }
}

#[test]
fn objects_that_are_no_error_body() {
    not_any_api(b"{}");
    not_any_api(br#"{"status":"ok","data":[1,2,3]}"#);
    not_any_api(br#"{"message":"Internal server error"}"#);
}

#[test]
fn truncated_json() {
    rejected_everywhere(br#"{"error":"invalid_request","error_descr"#, Expect::NotJson);
    rejected_everywhere(b"{", Expect::NotJson);
    // Every strict prefix of every API's body: empty, or not JSON; never a panic.
    let bodies = [
        app_native::errors::application_not_found("my \"app\"", "carbon.super").with_trace_id("t\u{2028}").to_json(),
        auth0::errors::sms_provider_error("Twilio \\ failed", "21211").to_json(),
        authos::errors::token_expired().with_timestamp("2025-01-15T10:30:00Z").to_json(),
        registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop").to_json(),
    ];
    for body in &bodies {
        assert!(parse(body.as_bytes(), None).is_ok());
        for end in 0..body.len() {
            let prefix = &body.as_bytes()[..end];
            let expected = if end == 0 { Expect::Empty } else { Expect::NotJson };
            rejected_everywhere(prefix, expected);
        }
    }
}

#[test]
fn trailing_data_after_the_body() {
    rejected_everywhere(br#"{"error":"access_denied"} {"error":"access_denied"}"#, Expect::NotJson);
    rejected_everywhere(br#"{"error":"access_denied"}<html>"#, Expect::NotJson);
}

#[test]
fn invalid_utf8() {
    rejected_everywhere(b"\xff\xfe\xfd", Expect::NotJson);
    rejected_everywhere(b"{\"error\":\"access\xc3\x28denied\"}", Expect::NotJson);
    rejected_everywhere(b"{\"err\xffor\":\"access_denied\"}", Expect::NotJson);
    // The excerpt shows what it cannot decode as U+FFFD.
    let error = parse(b"{\"error\":\"\xff\"}", Some(STATUS)).unwrap_err();
    assert_eq!(error.excerpt(), "{\"error\":\"\u{fffd}\"}");
}

#[test]
fn lone_surrogate_escapes() {
    // In a member name serde_json refuses the text; in a value the code is not
    // a string, so the body is no Auth0 body.
    rejected_everywhere(br#"{"\ud800":1,"error":"access_denied"}"#, Expect::NotJson);
    let error = parse(br#"{"error":"\ud800"}"#, None).unwrap_err();
    assert_eq!(error.defect(), &Defect::WrongShape("auth0"));
}

#[test]
fn a_byte_order_mark() {
    // RFC 8259 forbids sending one; serde_json does not skip it.
    rejected_everywhere(b"\xEF\xBB\xBF", Expect::NotJson);
    rejected_everywhere(b"\xEF\xBB\xBF{\"error\":\"access_denied\"}", Expect::NotJson);
    let error = parse(b"\xEF\xBB\xBF{}", Some(STATUS)).unwrap_err();
    assert_eq!(error.excerpt(), "\u{feff}{}");
}

const DEPTH: usize = 100_000;

#[test]
fn arrays_nested_100_000_levels_deep() {
    let open = "[".repeat(DEPTH);
    let closed = format!("{open}{}", "]".repeat(DEPTH));
    // The top level is no object: rejected at the first byte.
    rejected_everywhere(open.as_bytes(), Expect::NotAnObject);
    rejected_everywhere(closed.as_bytes(), Expect::NotAnObject);
    let error = parse(closed.as_bytes(), Some(STATUS)).unwrap_err();
    assert_eq!(error.excerpt(), format!("{}…", "[".repeat(120)));
}

#[test]
fn objects_nested_100_000_levels_deep() {
    let open = r#"{"a":"#.repeat(DEPTH);
    let closed = format!("{open}1{}", "}".repeat(DEPTH));
    rejected_everywhere(open.as_bytes(), Expect::NotJson);
    // Valid JSON: an object with one member `a`, which is no error body.
    not_any_api(closed.as_bytes());
}

#[test]
fn a_member_nested_100_000_levels_deep_is_kept_as_raw_json() {
    // Member values are kept as raw text, skipped without recursion.
    let deep = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let body = format!(r#"{{"error":"access_denied","error_description":"no","deep":{deep}}}"#);
    let received = parse(body.as_bytes(), Some(StatusCode::FORBIDDEN)).unwrap();
    assert_eq!((received.api(), received.matched()), (Api::Auth0, Match::Wildcard));
    assert_eq!(received.to_json(), body);
    let AnyReceived::Auth0(received) = received else { unreachable!() };
    assert_eq!(received.member("deep").map(|raw| raw.get().len()), Some(2 * DEPTH));

    let truncated = format!(r#"{{"error":"access_denied","deep":{}"#, "[".repeat(DEPTH));
    rejected_everywhere(truncated.as_bytes(), Expect::NotJson);
}

#[test]
fn numbers_of_any_size_and_form_are_kept_as_received() {
    // RFC 8259 puts no range on numbers. serde_json's `Value` rejects 1E400;
    // the body keeps it byte for byte (a fuzz-found case, see
    // tests/data/fuzz_regressions/parse_each_api/), and an integer code too
    // big for any integer type is an unknown code, not a wrong shape.
    let body = br#"{"stat":"error","code":-123456789012345678901234567890,"error":"new","n":5E555555555}"#;
    assert!(serde_json::from_slice::<serde_json::Value>(body).is_err());
    let received = registration::Received::parse(body, Some(StatusCode::OK)).unwrap();
    assert_eq!(received.raw_code(), "-123456789012345678901234567890");
    assert_eq!((received.code(), received.matched()), (None, Match::Unknown));
    assert_eq!(received.member("n").map(|raw| raw.get()), Some("5E555555555"));
    assert_eq!(received.to_json().as_bytes(), body);
    assert_eq!(serde_json::to_string(&received).unwrap().as_bytes(), body);
    let kept = received.to_json();
    assert_eq!(registration::Received::parse(kept.as_bytes(), None).unwrap().to_json().as_bytes(), body);

    let any = parse(body, Some(StatusCode::OK)).unwrap();
    assert_eq!(
        (any.api(), any.raw_code(), any.to_json().as_bytes()),
        (Api::Registration, received.raw_code(), &body[..])
    );

    // Not an integer: the catalog matches integers only, so this is an
    // unknown code, kept as sent (not read as 210, and not a lost body).
    for code in ["2.1E2", "210.0", "-0", "1e400"] {
        let body = format!(r#"{{"stat":"error","code":{code},"error":"new"}}"#);
        let received = registration::Received::parse(body.as_bytes(), Some(StatusCode::OK)).unwrap();
        assert_eq!((received.raw_code(), received.code(), received.matched()), (code, None, Match::Unknown));
        assert_eq!(received.to_json(), body);
        let any = parse(body.as_bytes(), None).unwrap();
        assert_eq!((any.api(), any.raw_code()), (Api::Registration, code));
    }
    // A code of another JSON type is still no code.
    for code in ["true", "null", "[210]", r#"{"n":210}"#] {
        let body = format!(r#"{{"stat":"error","code":{code},"error":"new"}}"#);
        assert!(registration::Received::parse(body.as_bytes(), None).is_err(), "{body}");
    }
}

#[test]
fn error_member_that_is_an_object() {
    let body = br#"{"error":{"code":"invalid_request","message":"Missing parameter"}}"#;
    rejected_everywhere(body, Expect::WrongShape);
    assert_eq!(parse(body, None).unwrap_err().defect(), &Defect::WrongShape("auth0"));

    // AuthOS only needs `error` to be present; its description is then unknown.
    let body =
        br#"{"error":{"text":"JWT has expired"},"error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#;
    let received = authos::Received::parse(body, None).unwrap();
    assert_eq!((received.code(), received.description()), (Some(authos::Code::TokenExpired), None));
    assert_eq!(received.to_json().as_bytes(), body);
}

#[test]
fn duplicate_keys() {
    // Both members are kept as received; the last one classifies, as serde_json's
    // `Value` and JavaScript's `JSON.parse` read it.
    let body =
        br#"{"error":"access_denied","error":"invalid_request","error_description":"missing username parameter"}"#;
    let received = auth0::Received::parse(body, None).unwrap();
    assert_eq!(received.raw_code(), "invalid_request");
    assert_eq!((received.code(), received.matched()), (Some(auth0::Code::MissingUsername), Match::Exact));
    assert_eq!(received.members().filter(|(name, _)| *name == "error").count(), 2);
    assert_eq!(received.to_json().as_bytes(), body);

    let any = parse(body, None).unwrap();
    assert_eq!((any.api(), any.raw_code()), (Api::Auth0, "invalid_request"));
    assert_eq!(any.to_json().as_bytes(), body);
}

#[test]
fn a_five_megabyte_string_value() {
    let piece = "Blocked \"ü\" \u{2028}\\ ";
    let reason = piece.repeat((5 << 20) / piece.len() + 1);
    assert!(reason.len() >= 5 << 20);
    let body =
        format!(r#"{{"error":"access_denied","error_description":{}}}"#, serde_json::to_string(&reason).unwrap());
    let received = auth0::Received::parse(body.as_bytes(), Some(StatusCode::FORBIDDEN)).unwrap();
    assert_eq!((received.code(), received.matched()), (Some(auth0::Code::AccessDenied), Match::Wildcard));
    assert_eq!(received.description(), Some(reason.as_str()));
    assert_eq!(received.params(), [("reason", reason.as_str().into())]);
    assert_eq!(received.to_json(), body);
    assert_eq!(parse(body.as_bytes(), None).unwrap().to_json(), body);
    rejected_as::<app_native::Code>(body.as_bytes(), Expect::WrongShape);
    rejected_as::<authos::Code>(body.as_bytes(), Expect::WrongShape);
    rejected_as::<registration::Code>(body.as_bytes(), Expect::WrongShape);

    // The same string left open: not JSON, quoted by a short excerpt.
    let open = format!(r#"{{"error":"access_denied","error_description":"{}"#, "x".repeat(5 << 20));
    rejected_everywhere(open.as_bytes(), Expect::NotJson);
    assert_eq!(parse(open.as_bytes(), None).unwrap_err().excerpt().chars().count(), 121);
}

// ---------------------------------------------------------------------------
// Rendering hostile values

/// Every control character, quotes, backslashes, U+2028/9 and text that
/// looks like JSON, an escape or a placeholder.
fn hostile_value() -> String {
    let mut value: String = (0u8..0x20).map(char::from).collect();
    value.push_str("\"\\\"\\\\ \u{7f} \u{2028}\u{2029} {{x}} {{authenticator_id}} \\u0000 \",\"x\":\"");
    value.push_str("\u{fffd}\u{feff}😀\u{10ffff} é€ \u{e2}\u{80} </script> }");
    value
}

/// The JSON text has no raw control character, U+2028 or U+2029.
fn assert_inert(json: &str) {
    assert!(!json.chars().any(|c| c < ' ' || c == '\u{2028}' || c == '\u{2029}'), "raw character in {json:?}");
}

#[test]
fn placeholders_in_values_stay_literal() {
    let error = app_native::errors::invalid_authenticator_id("{{x}}");
    assert_eq!(error.description(), "Provided authenticatorId {{x}} is invalid.");
    assert!(error.to_json().contains(r#""description":"Provided authenticatorId {{x}} is invalid.""#));

    // A value naming its own or another placeholder is not filled again.
    let error = app_native::errors::application_not_found("{{tenant_domain}}", "{{client_id}}");
    assert_eq!(
        error.description(),
        "Unable to find application for clientId {{tenant_domain}} in tenant domain {{client_id}}."
    );
    let json = auth0::errors::sms_provider_error("{{provider_code}}", "{{provider_message}}").to_json();
    assert_eq!(
        json,
        r#"{"error":"sms_provider_error","error_description":"{{provider_code}} (Code: {{provider_message}})"}"#
    );
    let received = auth0::Received::parse(json.as_bytes(), None).unwrap();
    assert_eq!(
        received.params(),
        [("provider_message", "{{provider_code}}".into()), ("provider_code", "{{provider_message}}".into())]
    );
}

#[test]
fn hostile_values_are_escaped() {
    let value = hostile_value();
    let app_native =
        app_native::errors::application_not_found(value.clone(), value.clone()).with_trace_id(value.clone());
    let auth0 = auth0::errors::access_denied(value.clone());
    let authos = authos::errors::token_expired().with_timestamp(value.clone()).with_description(value.clone());
    let registration =
        registration::errors::invalid_credentials().with_request_token(value.clone()).with_description(value.clone());
    let bodies = [
        (app_native.to_json(), &["description", "traceId"][..]),
        (auth0.to_json(), &["error_description"][..]),
        (authos.to_json(), &["error", "timestamp"][..]),
        (registration.to_json(), &["error_description", "request_token"][..]),
    ];
    for (json, members) in &bodies {
        assert_inert(json);
        assert!(json.contains(r"\u2028") && json.contains(r"\u2029") && json.contains(r"\u0000"), "{json}");
        let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
        let object = parsed.as_object().unwrap();
        assert!(!object.contains_key("x"), "a value broke out of its string: {json}");
        for name in *members {
            let text = object[*name].as_str().unwrap();
            assert!(text.contains(&value), "{name}: {text:?}");
        }
    }
    assert_eq!(
        app_native.description(),
        format!("Unable to find application for clientId {value} in tenant domain {value}.")
    );
    let received = app_native::Received::parse(bodies[0].0.as_bytes(), None).unwrap();
    assert_eq!(received.description(), Some(&*app_native.description()));
}

#[test]
fn a_value_of_several_megabytes_renders_and_parses_back() {
    let value = hostile_value().repeat((4 << 20) / hostile_value().len());
    assert!(value.len() > 3 << 20);
    let error = app_native::errors::application_not_found(value.clone(), "carbon.super").with_trace_id(value.clone());
    let json = error.to_json();
    assert_inert(&json);
    let received = app_native::Received::parse(json.as_bytes(), None).unwrap();
    assert_eq!(received.code(), Some(app_native::Code::ApplicationNotFound));
    assert_eq!(received.params(), [("client_id", value.as_str().into()), ("tenant_domain", "carbon.super".into())]);
    assert_eq!(received.to_json(), json);
    let trace_id: String = serde_json::from_str(received.member("traceId").unwrap().get()).unwrap();
    assert_eq!(trace_id, value);
}

// ---------------------------------------------------------------------------
// The dynamic builder

#[test]
fn builder_reports_unknown_placeholders() {
    let code = app_native::Code::InvalidAuthenticatorId;
    for name in ["authenticatorId", "AUTHENTICATOR_ID", "authenticator_id ", "", "{{authenticator_id}}", "\0", "é"] {
        let error = app_native::Error::builder(code).with(name, "x").build().unwrap_err();
        assert_eq!(
            error,
            ParamError::Unknown { code: "ABA-60004", name: name.to_owned(), expected: &["authenticator_id"] }
        );
    }
    // A code without placeholders has none to set.
    let error = authos::Error::builder(authos::Code::TokenExpired).with("reason", "x").build().unwrap_err();
    assert_eq!(error, ParamError::Unknown { code: "TOKEN_EXPIRED", name: "reason".to_owned(), expected: &[] });
    assert_eq!(error.to_string(), "`TOKEN_EXPIRED` has no placeholder `reason`; its placeholders are: none");

    // A name is shown escaped: the message stays one line, with no terminal escapes.
    let name = "a\nb\r\u{1b}[31m\u{2028}";
    let error = app_native::Error::builder(code).with(name, "x").build().unwrap_err();
    let message = error.to_string();
    assert!(message.contains(r"`a\nb\r\u{1b}[31m\u{2028}`"), "{message}");
    let taken =
        registration::errors::invalid_credentials().with_member("x", 1).and_then(|error| error.with_member("x", 2));
    assert_eq!(taken.unwrap_err().to_string(), "the body of `210` already has a member `x`");
    let taken =
        registration::errors::invalid_credentials().with_member(name, 1).and_then(|error| error.with_member(name, 2));
    let message = taken.unwrap_err().to_string();
    assert!(!message.contains(['\n', '\r', '\u{1b}', '\u{2028}']), "{message:?}");
}

#[test]
fn builder_reports_missing_and_duplicate_placeholders() {
    let code = app_native::Code::ApplicationNotFound;
    let error = app_native::Error::builder(code).with("tenant_domain", "t").build().unwrap_err();
    assert_eq!(error, ParamError::Missing { code: "ABA-60005", name: "client_id" });
    let error = app_native::Error::builder(code).with("client_id", "c").build().unwrap_err();
    assert_eq!(error, ParamError::Missing { code: "ABA-60005", name: "tenant_domain" });
    let error = app_native::Error::builder(code).with("client_id", "a").with("client_id", "b").build().unwrap_err();
    assert_eq!(error, ParamError::Duplicate { code: "ABA-60005", name: "client_id" });

    // The first misuse is the one reported.
    let error = app_native::Error::builder(code).with("nope", "x").with("client_id", "a").with("client_id", "b");
    assert!(matches!(error.build(), Err(ParamError::Unknown { .. })));
    let error = app_native::Error::builder(code).with("client_id", "a").with("client_id", "b").with("nope", "x");
    assert!(matches!(error.build(), Err(ParamError::Duplicate { .. })));
}

/// Every misuse of every placeholder of every code: reported, never a panic.
fn builder_misuse<C: WireFormat>() {
    for &code in C::all() {
        let entry = code.entry();
        let names = entry.placeholders();
        let complete = names.iter().fold(Error::builder(code), |builder, name| builder.with(name, *name));
        assert!(complete.clone().build().is_ok(), "{code}");
        let error = complete.clone().with("no_such_placeholder", "x").build().unwrap_err();
        assert_eq!(
            error,
            ParamError::Unknown { code: entry.code(), name: "no_such_placeholder".into(), expected: names }
        );
        for (index, &name) in names.iter().enumerate() {
            let error = complete.clone().with(name, "again").build().unwrap_err();
            assert_eq!(error, ParamError::Duplicate { code: entry.code(), name });
            let without = names.iter().filter(|other| **other != name).fold(Error::builder(code), |b, n| b.with(n, *n));
            let error = without.build().unwrap_err();
            assert_eq!(error, ParamError::Missing { code: entry.code(), name }, "{code} without placeholder {index}");
        }
    }
}

#[test]
fn builder_misuse_is_reported_for_every_code() {
    builder_misuse::<app_native::Code>();
    builder_misuse::<auth0::Code>();
    builder_misuse::<authos::Code>();
    builder_misuse::<registration::Code>();
}

// ---------------------------------------------------------------------------
// Thread safety

const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<app_native::Error>();
    send_sync::<auth0::Error>();
    send_sync::<authos::Error>();
    send_sync::<registration::Error>();
    send_sync::<app_native::Received<'static>>();
    send_sync::<auth0::Received<'static>>();
    send_sync::<authos::Received<'static>>();
    send_sync::<registration::Received<'static>>();
    send_sync::<AnyReceived<'static>>();
    send_sync::<ParseError>();
    send_sync::<ParamError>();
};

#[test]
fn received_errors_cross_threads() {
    let body = br#"{"error":"access_denied","error_description":"no"}"#.to_vec();
    let received = auth0::Received::parse(&body, None).unwrap().into_owned();
    drop(body);
    let code = std::thread::spawn(move || received.code()).join().unwrap();
    assert_eq!(code.map(ErrorCode::kind), Some(auth_error_catalog::Kind::PermissionDenied));
}

#[test]
fn only_json_white_space_makes_a_body_empty() {
    assert_eq!(parse(b" \t\r\n", None).unwrap_err().defect(), &Defect::Empty);
    assert!(matches!(parse(b"\x0c", None).unwrap_err().defect(), Defect::NotJson(_)));
}

#[test]
fn a_registration_number_with_a_leading_zero_is_not_the_catalog_code() {
    let received = registration::Received::parse(br#"{"stat":"error","code":"0210","error":"x"}"#, None).unwrap();
    assert_eq!((received.raw_code(), received.code(), received.matched()), ("0210", None, Match::Unknown));
    let received = registration::Received::parse(br#"{"stat":"error","code":"210","error":"x"}"#, None).unwrap();
    assert_eq!(received.matched(), Match::Exact);
}

#[test]
fn hostile_extra_members_stay_inside_their_strings() {
    let name = "a\"b\\c\u{0}\u{1f}\u{2028}{{x}}</script>";
    let big = "\"{{error_description}}\u{7f}".repeat(300_000);
    let error = registration::errors::invalid_credentials()
        .with_member(name, big.as_str())
        .and_then(|error| error.with_member("{{code}}", serde_json::json!({"code": [1, "\u{0}"]})))
        .unwrap();
    for json in [error.to_json(), error.to_problem_json(&ResponseOptions::default())] {
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value[name], big.as_str());
        assert_eq!(value["{{code}}"], serde_json::json!({"code": [1, "\u{0}"]}));
        assert_eq!(value["code"], 210, "the own member is untouched");
    }
    let json = error.to_json();
    let received = registration::Received::parse(json.as_bytes(), None).unwrap();
    assert_eq!(received.code(), Some(registration::Code::InvalidCredentials));
    assert_eq!(received.to_json(), json);
}
