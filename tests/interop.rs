//! Peers that no one here wrote read what the crate sends, and the crate
//! reads what they send:
//!
//! - `http-api-problem` reads every entry's problem+json body, with
//!   `about:blank` and with a type base of the service's own, and finds the
//!   status the response is sent with, the title RFC 9457 §4.2.1 asks for,
//!   the description as `detail`, and the native members as extensions;
//! - `oauth2`'s `BasicErrorResponse` reads every Auth0 body the crate renders
//!   and every real OAuth-shaped Auth0 body of `tests/data/bodies/`, and the
//!   crate classifies the bodies `oauth2` writes.

use std::fs;
use std::path::Path;

use auth_error_catalog::{AnyError, Api, BodyFormat, Entry, Failure, Match, MemberValue, ResponseOptions, entries};
use http::StatusCode;
use http_api_problem::HttpApiProblem;
use oauth2::basic::{BasicErrorResponse, BasicErrorResponseType};
use serde_json::Value;

/// `entry` with every placeholder and field filled: `v-{name}`.
fn error_of(entry: &'static Entry) -> AnyError {
    let values = entry.placeholders().iter().map(|name| (*name, format!("v-{name}")));
    let mut error = AnyError::new(entry, values).expect("every entry renders");
    for member in entry.api().catalog().members() {
        if let MemberValue::Field { field, example } = member.value() {
            error = error.with_field(field, example).expect("a documented field");
        }
    }
    error
}

/// What the description reads with the values of [`error_of`].
fn filled(text: &str, entry: &Entry) -> String {
    entry
        .placeholders()
        .iter()
        .fold(text.to_owned(), |text, name| text.replace(&format!("{{{{{name}}}}}"), &format!("v-{name}")))
}

const BASE: &str = "https://errors.example.com/";

#[test]
fn http_api_problem_reads_every_problem_body_with_its_status_and_title() {
    let mut read = 0;
    for entry in entries() {
        let error = error_of(entry);
        let sends_message = entry.api().catalog().members().iter().any(|member| member.value() == MemberValue::Message);
        for base in [None, Some(BASE)] {
            let mut options = ResponseOptions::default().format(BodyFormat::Problem);
            if let Some(base) = base {
                options = options.problem_base(base);
            }
            let response = error.to_response_with(&options);
            assert_eq!(response.headers()["content-type"], "application/problem+json", "{}", entry.variant());
            let problem: HttpApiProblem = serde_json::from_slice(response.body())
                .unwrap_or_else(|error| panic!("{}: http-api-problem cannot read it: {error}", entry.variant()));
            let what = format!("{} {} (base {base:?})", entry.api(), entry.variant());
            // The status of the document is the one it is sent with, and an error.
            assert_eq!(problem.status, Some(response.status()), "{what}");
            assert_eq!(problem.status, Some(entry.http_status()), "{what}: the entry's status, Registration's too");
            assert!(response.status().is_client_error() || response.status().is_server_error(), "{what}");
            let phrase = entry.http_status().canonical_reason().map(str::to_owned);
            let (type_url, title) = match base {
                None => (Some("about:blank".to_owned()), phrase),
                Some(base) => {
                    let title = if sends_message { Some(filled(entry.message(), entry)) } else { phrase };
                    (Some(format!("{base}{}/{}", entry.api(), entry.code())), title)
                }
            };
            assert_eq!(problem.type_url, type_url, "{what}");
            assert_eq!(problem.title, title, "{what}: never documentation prose");
            assert_eq!(problem.detail, Some(filled(entry.description(), entry)), "{what}");
            // Every native member is an extension.
            let native: Value = serde_json::from_str(&error.to_json()).expect("native JSON");
            for (name, value) in native.as_object().expect("an object") {
                assert_eq!(problem.json_value(name), Some(value), "{what}: member {name}");
            }
            read += 1;
        }
    }
    assert_eq!(read, 2 * entries().count());
}

#[test]
fn the_crate_keeps_what_http_api_problem_sends() {
    let sent = HttpApiProblem::with_title_and_type(StatusCode::SERVICE_UNAVAILABLE)
        .detail("The database is being migrated.")
        .instance("/requests/42")
        .value("retry_in_seconds", &30);
    let response = http::Response::builder()
        .status(503)
        .header("content-type", "application/problem+json")
        .body(sent.json_bytes())
        .expect("a response");
    let Failure::Problem(problem) = Failure::from_response(&response) else {
        panic!("not read as problem details: {:?}", Failure::from_response(&response))
    };
    assert_eq!(problem.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(problem.title(), Some("Service Unavailable"));
    assert_eq!(problem.type_uri(), sent.type_url.as_deref().expect("with_title_and_type sets a type"));
    assert_eq!(problem.detail(), Some("The database is being migrated."));
    assert_eq!(problem.instance(), Some("/requests/42"));
    assert_eq!(problem.member("retry_in_seconds").map(|raw| raw.get()), Some("30"));
    let kept: Value = serde_json::from_str(&problem.to_json()).expect("JSON");
    assert_eq!(kept, serde_json::from_slice::<Value>(&sent.json_bytes()).expect("JSON"), "nothing lost");
}

fn oauth2_error_type(code: &str) -> BasicErrorResponseType {
    serde_json::from_value(Value::from(code)).expect("any string is a BasicErrorResponseType")
}

#[test]
fn oauth2_reads_every_auth0_body_the_crate_renders() {
    for entry in Api::Auth0.catalog().entries() {
        let error = error_of(entry);
        let body = error.to_json();
        let response: BasicErrorResponse = serde_json::from_str(&body)
            .unwrap_or_else(|problem| panic!("{}: oauth2 cannot read {body}: {problem}", entry.variant()));
        assert_eq!(response.error(), &oauth2_error_type(entry.code()), "{}", entry.variant());
        assert_eq!(response.error().as_ref(), entry.code());
        assert_eq!(response.error_description(), Some(&filled(entry.description(), entry)), "{}", entry.variant());
        assert_eq!(response.error_uri(), None);
    }
    // The RFC 6749 codes are oauth2's own variants, not extensions.
    let invalid_grant = auth_error_catalog::auth0::Code::InvalidGrant.entry();
    let response: BasicErrorResponse = serde_json::from_str(&error_of(invalid_grant).to_json()).expect("oauth2");
    assert_eq!(response.error(), &BasicErrorResponseType::InvalidGrant);
}

#[test]
fn oauth2_and_the_crate_agree_on_every_real_auth0_oauth_body() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bodies/auth0");
    let mut agreed = 0;
    for file in fs::read_dir(&folder).expect("tests/data/bodies/auth0") {
        let path = file.expect("a directory entry").path();
        let body = fs::read(&path).expect("a body");
        let json: Value = serde_json::from_slice(&body).expect("every real body is JSON");
        // The sign-up shape ({"name","code","description"}) is not an OAuth 2.0 error response.
        if !json["error"].is_string() || !json.get("error_description").is_none_or(Value::is_string) {
            continue;
        }
        let theirs: BasicErrorResponse = serde_json::from_slice(&body)
            .unwrap_or_else(|problem| panic!("{}: oauth2 cannot read it: {problem}", path.display()));
        let ours = auth_error_catalog::parse_as(Api::Auth0, &body, None)
            .unwrap_or_else(|problem| panic!("{}: {problem}", path.display()));
        assert_eq!(theirs.error().as_ref(), ours.raw_code(), "{}", path.display());
        assert_eq!(theirs.error_description().map(String::as_str), json["error_description"].as_str());
        // Unknown members (mfa_token, state, …) survive the crate's round trip; oauth2 drops them.
        let round_trip: Value = serde_json::from_str(&ours.to_json()).expect("JSON");
        assert_eq!(round_trip, json, "{}", path.display());
        agreed += 1;
    }
    assert!(agreed >= 40, "only {agreed} OAuth-shaped Auth0 bodies");
}

#[test]
fn the_crate_classifies_what_oauth2_writes() {
    let auth0 = Api::Auth0.catalog().entries();
    let plain: Vec<&Entry> = auth0.iter().filter(|entry| entry.placeholders().is_empty()).collect();
    assert!(plain.len() > 80, "{}", plain.len());
    for entry in plain {
        let sent = BasicErrorResponse::new(
            oauth2_error_type(entry.code()),
            Some(entry.description().to_owned()),
            Some("https://example.com/docs/errors".to_owned()),
        );
        let body = serde_json::to_vec(&sent).expect("oauth2 serialises");
        let received = auth_error_catalog::parse_as(Api::Auth0, &body, Some(entry.http_status()))
            .unwrap_or_else(|problem| panic!("{}: {problem}", entry.variant()));
        assert_eq!(received.raw_code(), entry.code());
        let found = received.entry().expect("a known code");
        let shared =
            auth0.iter().filter(|other| (other.code(), other.description()) == (entry.code(), entry.description()));
        if shared.count() == 1 {
            assert!(std::ptr::eq(found, entry), "{} read as {}", entry.variant(), found.variant());
            assert_eq!(received.matched(), Match::Exact, "{}", entry.variant());
        } else {
            // Entries that share a pair differ by endpoint; the body cannot tell them apart.
            assert_eq!((found.code(), found.description()), (entry.code(), entry.description()), "{}", entry.variant());
        }
        let round_trip: Value = serde_json::from_str(&received.to_json()).expect("JSON");
        assert_eq!(round_trip["error_uri"], "https://example.com/docs/errors", "oauth2's error_uri is kept");
    }
}
