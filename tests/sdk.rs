//! The SDK author's side: a received error as an SDK's own error type, from
//! an `http::Response`, with the advice on retrying.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use auth_error_catalog::{AnyReceived, Api, Retry, parse_response};

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
