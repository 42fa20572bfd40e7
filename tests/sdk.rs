//! The SDK author's side: a received error as an SDK's own error type, from
//! an `http::Response`, with the advice on retrying.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use auth_error_catalog::{AnyReceived, Api, Failure, Kind, Retry, parse_response};

/// An SDK's error type, as the crate's users write it. A received error is
/// some 350 bytes (its members live inline), so it is boxed, as clippy's
/// `result_large_err` asks.
#[derive(Debug, thiserror::Error)]
enum SdkError {
    #[error(transparent)]
    Api(#[from] Box<AnyReceived<'static>>),
    #[error("the server answered something that is no error body: {0}")]
    Unreadable(#[from] auth_error_catalog::ParseError),
}

fn assert_error_type<T: std::error::Error + Clone + Send + Sync + 'static>() {}

#[test]
fn owned_received_errors_are_error_types_that_travel() {
    assert_error_type::<AnyReceived<'static>>();
    assert_error_type::<auth_error_catalog::auth0::Received<'static>>();
    assert_error_type::<auth_error_catalog::ParseError>();
}

/// What an SDK does with a response: the owned error, outliving the body.
fn call(status: u16, headers: &[(&str, &str)], body: &str) -> Result<(), SdkError> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = builder.body(body.as_bytes().to_vec()).expect("a response");
    Err(Box::new(parse_response(&response)?.into_owned()).into())
}

#[test]
fn an_sdk_error_keeps_the_api_the_code_and_the_advice() {
    let error = call(
        429,
        &[("retry-after", "11")],
        r#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#,
    )
    .unwrap_err();
    let SdkError::Api(received) = &error else { panic!("{error}") };
    assert_eq!(received.api(), Api::Auth0);
    assert_eq!(received.http_status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    assert_eq!(received.retry(SystemTime::now()), Retry::After(Duration::from_secs(11)));
    assert!(error.to_string().contains("too_many_requests"), "{error}");
    let source: &dyn std::error::Error = &error;
    assert!(source.to_string().contains("too_many_requests"));

    let unreadable = call(502, &[("content-type", "text/html")], "<html>Bad gateway</html>").unwrap_err();
    assert!(matches!(unreadable, SdkError::Unreadable(_)), "{unreadable}");
}

#[test]
fn every_kind_of_advice_from_a_real_response() {
    let now = UNIX_EPOCH + Duration::from_secs(784_111_777 - 90);
    let advice = |status, headers: &[(&str, &str)], body: &str| match call(status, headers, body) {
        Err(SdkError::Api(received)) => received.retry(now),
        other => panic!("{other:?}"),
    };
    // AuthOS's RATE_LIMIT_EXCEEDED with Retry-After as an HTTP-date.
    let limited =
        r#"{"error":"Too many requests","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#;
    assert_eq!(
        advice(429, &[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")], limited),
        Retry::After(Duration::from_secs(90))
    );
    // Auth0's rate-limit headers, exhausted.
    let auth0 = r#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#;
    let exhausted = [("x-ratelimit-limit", "10"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "784111777")];
    assert_eq!(advice(429, &exhausted, auth0), Retry::After(Duration::from_secs(90)));
    assert_eq!(advice(429, &[], auth0), Retry::Backoff);
    // The device flow.
    assert_eq!(
        advice(
            400,
            &[],
            r#"{"error":"authorization_pending","error_description":"User has yet to authorize device code."}"#
        ),
        Retry::Poll { increase: Duration::ZERO }
    );
    assert_eq!(
        advice(
            400,
            &[],
            r#"{"error":"slow_down","error_description":"You are polling faster than allowed. Try again in 10 seconds."}"#
        ),
        Retry::Poll { increase: Duration::from_secs(5) }
    );
    // DPoP.
    let nonce = r#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}"#;
    assert_eq!(
        advice(400, &[("DPoP-Nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v")], nonce),
        Retry::WithNonce("eyJ7S_zG.eyJH0-Z.HX4w-7v".into())
    );
    // Final, unless a gateway failed.
    let denied = r#"{"error":"access_denied","error_description":"Unauthorized"}"#;
    assert_eq!(advice(403, &[], denied), Retry::No);
    assert_eq!(advice(503, &[], denied), Retry::Backoff);
    // Registration answers errors with HTTP 200.
    assert_eq!(advice(200, &[], r#"{"stat":"error","code":510,"error":"api_limit_exceeded"}"#), Retry::Backoff);
}

#[test]
fn a_bare_401_names_its_error_in_the_challenge() {
    let response = http::Response::builder()
        .status(401)
        .header(
            "www-authenticate",
            r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
        )
        .header("content-type", "text/plain")
        .body(b"Unauthorized".to_vec())
        .unwrap();
    let error = parse_response(&response).unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::UNAUTHORIZED));
    assert_eq!(error.excerpt(), "Unauthorized");
    let challenge = auth_error_catalog::BearerChallenge::from_headers(response.headers()).expect("a challenge");
    assert_eq!(challenge.error(), Some("invalid_token"));
    assert_eq!(challenge.kind(), Some(auth_error_catalog::Kind::Unauthenticated));
    let scope = http::Response::builder()
        .status(403)
        .header("www-authenticate", r#"Bearer error="insufficient_scope", scope="admin""#)
        .body(Vec::new())
        .unwrap();
    assert!(parse_response(&scope).is_err());
    let challenge = auth_error_catalog::BearerChallenge::from_headers(scope.headers()).expect("a challenge");
    assert_eq!(challenge.kind(), Some(auth_error_catalog::Kind::PermissionDenied));
}

/// The crate's own problem+json carries the native body as extensions: a
/// client parses it back to the same API, code, values and native members,
/// for every entry of every API.
#[test]
fn every_problem_json_the_crate_renders_parses_back_to_its_native_error() {
    let options = auth_error_catalog::ResponseOptions::default();
    let mut checked = 0;
    for entry in auth_error_catalog::entries() {
        let values = entry.placeholders().iter().map(|name| (*name, format!("v-{name}")));
        let error = auth_error_catalog::AnyError::new(entry, values).expect("an error of every entry");
        let native: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&error.to_json()).unwrap();
        let response = error.to_response_with(&options.clone().format(auth_error_catalog::BodyFormat::Problem));
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        let received = parse_response(&response).unwrap_or_else(|problem| panic!("{}: {problem}", entry.variant()));
        assert_eq!(received.api(), entry.api(), "{}", entry.variant());
        assert_eq!(received.raw_code(), entry.code(), "{}", entry.variant());
        let params: Vec<(&str, String)> =
            received.params().iter().map(|(name, value)| (*name, value.to_string())).collect();
        let expected: Vec<(&str, String)> =
            entry.placeholders().iter().map(|name| (*name, format!("v-{name}"))).collect();
        if received.entry().map(|found| (found.api(), found.index())) == Some((entry.api(), entry.index())) {
            assert_eq!(params, expected, "{}", entry.variant());
        }
        // The native members are all there, with their values.
        let problem: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&received.to_json()).unwrap();
        for (name, value) in &native {
            assert_eq!(problem.get(name), Some(value), "{} {name}", entry.variant());
        }
        checked += 1;
    }
    assert!(checked >= 250, "{checked}");
}

fn response(status: u16, headers: &[(&str, &[u8])], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, http::HeaderValue::from_bytes(value).unwrap());
    }
    builder.body(body.to_vec()).unwrap()
}

#[test]
fn failures_are_error_types_that_travel() {
    assert_error_type::<Failure<'static>>();
    assert_error_type::<auth_error_catalog::Problem<'static>>();
}

/// RFC 9457 §3's example, sent by a server that is none of the four APIs.
#[test]
fn foreign_problem_details_are_kept_as_what_they_are() {
    let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let sent = response(403, &[("content-type", b"application/problem+json")], body);
    let failure = Failure::from_response(&sent);
    let Failure::Problem(problem) = &failure else { panic!("{failure:?}") };
    assert_eq!(problem.type_uri(), "https://example.com/probs/out-of-credit");
    assert_eq!(problem.detail(), Some("Your current balance is 30, but that costs 50."));
    assert_eq!(problem.status(), None);
    let extensions: Vec<_> = problem.extensions().map(|(name, value)| (name, value.get())).collect();
    assert_eq!(extensions, [("balance", "30"), ("accounts", r#"["/account/12345","/account/67890"]"#)]);
    assert_eq!(problem.to_json().as_bytes(), body);
    assert_eq!((failure.status().map(|s| s.as_u16()), failure.kind()), (Some(403), Some(Kind::PermissionDenied)));
    assert_eq!(failure.retry(SystemTime::now()), Retry::No);
    assert_eq!(failure.api(), None);
    // As plain JSON it is still a problem, by its `type` or `title`.
    let plain = response(409, &[("content-type", b"application/json")], br#"{"title":"Conflict","status":409}"#);
    assert!(matches!(Failure::from_response(&plain), Failure::Problem(_)));
    // An object with neither, sent as JSON, is no problem.
    let neither = response(400, &[("content-type", b"application/json")], br#"{"detail":"d"}"#);
    assert!(matches!(Failure::from_response(&neither), Failure::Unrecognised(_)));
    let as_problem =
        response(400, &[("content-type", b"application/problem+json; charset=utf-8")], br#"{"detail":"d"}"#);
    assert!(matches!(Failure::from_response(&as_problem), Failure::Problem(_)));
}

/// The crate's own problem+json is the API's error, not a foreign problem.
#[test]
fn the_crates_own_problem_json_is_the_apis_error() {
    let options = auth_error_catalog::ResponseOptions::default().format(auth_error_catalog::BodyFormat::Problem);
    let sent = auth_error_catalog::authos::errors::rate_limit_exceeded().to_response_with(&options.retry_after(4));
    let failure = Failure::from_response(&sent);
    assert_eq!(failure.api(), Some(Api::Authos));
    assert_eq!(failure.content_type(), Some("application/problem+json"));
    assert_eq!(failure.retry(SystemTime::now()), Retry::After(Duration::from_secs(4)));
}

/// Real servers send JSON as `text/html`, or as a vendor `+json` type: the
/// body is read whatever the type says, and the type is recorded.
#[test]
fn a_json_body_is_read_under_any_content_type_and_the_type_is_recorded() {
    let body = br#"{"error":"access_denied","error_description":"Unauthorized"}"#;
    for content_type in [
        "application/json",
        "application/json; charset=utf-8",
        "application/vnd.auth0+json",
        "text/html",
        "text/plain;charset=ISO-8859-1",
    ] {
        let sent = response(403, &[("content-type", content_type.as_bytes())], body);
        let failure = Failure::from_response(&sent);
        assert_eq!(failure.api(), Some(Api::Auth0), "{content_type}");
        assert_eq!(failure.content_type(), Some(content_type));
        assert_eq!(failure.into_owned().content_type(), Some(content_type));
    }
    let none = response(403, &[], body);
    assert_eq!(Failure::from_response(&none).content_type(), None);
    // Two content types: ambiguous, so none is recorded.
    let twice = response(403, &[("content-type", b"text/html"), ("content-type", b"application/json")], body);
    assert_eq!(Failure::from_response(&twice).content_type(), None);
}

#[test]
fn a_response_without_an_error_body_is_a_typed_failure() {
    let now = SystemTime::now();
    let plain = response(401, &[("content-type", b"text/plain")], b"Unauthorized");
    let failure = Failure::from_response(&plain);
    assert!(matches!(&failure, Failure::Unrecognised(error) if error.excerpt() == "Unauthorized"), "{failure:?}");
    assert_eq!((failure.kind(), failure.retry(now)), (Some(Kind::Unauthenticated), Retry::No));
    assert!(failure.to_string().starts_with("HTTP 401: the body is not JSON"), "{failure}");

    let html = response(502, &[("content-type", b"text/html")], b"<html><body><h1>502 Bad Gateway</h1></body></html>");
    assert_eq!(Failure::from_response(&html).retry(now), Retry::Backoff);
    let limited = response(429, &[("retry-after", b"12")], b"Too Many Requests");
    assert_eq!(Failure::from_response(&limited).retry(now), Retry::After(Duration::from_secs(12)));
    let empty = response(500, &[], b"");
    assert!(
        matches!(Failure::from_response(&empty), Failure::Unrecognised(error) if error.defect() == &auth_error_catalog::Defect::Empty)
    );

    // A challenge only counts on a 401 or 403.
    let challenge: &[u8] = br#"Bearer error="invalid_token""#;
    let bare = response(401, &[("www-authenticate", challenge)], b"");
    assert!(
        matches!(&Failure::from_response(&bare), Failure::Challenge(challenge, _) if challenge.error() == Some("invalid_token"))
    );
    assert_eq!(Failure::from_response(&bare).to_string(), r#"HTTP 401: Bearer error="invalid_token""#);
    let elsewhere = response(400, &[("www-authenticate", challenge)], b"");
    assert!(matches!(Failure::from_response(&elsewhere), Failure::Unrecognised(_)));
    // The registry decides a challenge's kind over the status; an unknown
    // error falls back on the status.
    let scope = response(401, &[("www-authenticate", br#"Bearer error="insufficient_scope""#)], b"");
    assert_eq!(Failure::from_response(&scope).kind(), Some(Kind::PermissionDenied));
    let unknown = response(403, &[("www-authenticate", br#"Bearer error="brand_new""#)], b"");
    assert_eq!(Failure::from_response(&unknown).kind(), Some(Kind::PermissionDenied));
}

/// Hostile `WWW-Authenticate` and `Retry-After` values: 8 KiB, bad quoting,
/// bytes that are not UTF-8, repeated parameters. Nothing panics, and what
/// can be read is read.
#[test]
fn hostile_headers_never_panic() {
    let long = format!("Bearer error=\"{}\"", "a".repeat(8 * 1024));
    let values: [&[u8]; 8] = [
        long.as_bytes(),
        b"Bearer error=\"unterminated",
        b"Bearer error=\"a\\\"b\", error=\"second\"",
        b"Bearer error=\"\xff\xfe\", error_description=\"caf\xc3\xa9\"",
        b"Bearer ,,,, =, error",
        b"Bearer error=invalid_token error_description=x",
        b"Bearer\terror=\"x\"",
        b"\x80\x81",
    ];
    for value in values {
        let sent = response(401, &[("www-authenticate", value), ("retry-after", value), ("content-type", value)], b"");
        let failure = Failure::from_response(&sent);
        let _ = (failure.kind(), failure.retry(SystemTime::now()), failure.to_string());
        let owned = failure.into_owned();
        let _ = owned.content_type();
    }
    let long_header = response(401, &[("www-authenticate", long.as_bytes())], b"");
    let Failure::Challenge(challenge, _) = Failure::from_response(&long_header) else { panic!("the 8 KiB challenge") };
    assert_eq!(challenge.error().map(str::len), Some(8 * 1024));
    let repeated = response(401, &[("www-authenticate", br#"Bearer error="first", error="second""#)], b"");
    let Failure::Challenge(challenge, _) = Failure::from_response(&repeated) else { panic!("a challenge") };
    assert_eq!(challenge.error(), Some("first"));
    let non_ascii = response(401, &[("www-authenticate", b"Bearer error_description=\"caf\xc3\xa9\"")], b"");
    let Failure::Challenge(challenge, _) = Failure::from_response(&non_ascii) else { panic!("a challenge") };
    assert_eq!(challenge.description(), Some("caf\u{e9}"));
}

#[test]
fn check_decides_success_by_status_and_for_registration_by_body() {
    let ok = response(200, &[], br#"{"stat":"ok","access_token":"z"}"#);
    assert!(Failure::check(&ok).is_ok());
    let no_content = response(204, &[], b"");
    assert!(Failure::check(&no_content).is_ok());
    // A 201 is no status Registration errs with: its body is not read.
    let created = response(201, &[], br#"{"stat":"error","code":210,"error":"invalid_credentials"}"#);
    assert!(Failure::check(&created).is_ok());
    let error = response(200, &[("retry-after", b"5")], br#"{"stat":"error","code":510,"error":"api_limit_exceeded"}"#);
    let failure = Failure::check(&error).unwrap_err();
    assert_eq!(failure.api(), Some(Api::Registration));
    assert_eq!(failure.retry(SystemTime::now()), Retry::After(Duration::from_secs(5)));
    let gone = response(410, &[], br#"{"error":"access_denied"}"#);
    assert_eq!(Failure::check(&gone).unwrap_err().api(), Some(Api::Auth0));
    let redirect = response(302, &[], b"");
    assert!(Failure::check(&redirect).is_err(), "a redirect that reached the caller is no success");
}
