//! Whole HTTP responses without a framework: status, headers, native and
//! problem+json bodies, content negotiation, for every entry of every API.

use auth_error_catalog::{BodyFormat, Error, ResponseOptions, WireFormat, app_native, auth0, authos, registration};
use serde_json::Value;

fn every_entry<C: WireFormat>(check: &mut impl FnMut(Error<C>)) {
    for &code in C::all() {
        let mut builder = Error::builder(code);
        for name in code.entry().placeholders() {
            builder = builder.with(name, format!("<{name}> \"quoted\""));
        }
        check(builder.build().unwrap());
    }
}

fn check_responses<C: WireFormat>() {
    every_entry::<C>(&mut |error| {
        let native = error.to_response();
        let expected_status = C::API.catalog().wire_status().unwrap_or(error.http_status());
        assert_eq!(native.status(), expected_status, "{}", error.code());
        assert_eq!(native.headers()["content-type"], "application/json");
        assert_eq!(native.headers()["cache-control"], "no-store");
        assert_eq!(native.headers().contains_key("www-authenticate"), native.status() == 401, "{}", error.code());
        assert_eq!(native.body(), error.to_json().as_bytes());
        assert_eq!(error.response_status(&ResponseOptions::default()), native.status());

        let options = ResponseOptions::default().format(BodyFormat::Problem).entry_status().retry_after(7);
        let problem = error.to_response_with(&options);
        assert_eq!(problem.status(), error.http_status());
        assert_eq!(error.response_status(&options), problem.status());
        #[cfg(feature = "actix-web")]
        {
            // actix-web asks for the status without the response (for logging).
            use actix_web::ResponseError;
            assert_eq!(error.status_code().as_u16(), native.status().as_u16(), "{}", error.code());
            let responding = error.clone().with_options(options.clone());
            assert_eq!(responding.status_code().as_u16(), problem.status().as_u16(), "{}", error.code());
            assert_eq!(responding.error_response().status().as_u16(), problem.status().as_u16());
        }
        assert_eq!(problem.headers()["content-type"], "application/problem+json");
        let retry = error.code().kind().usually_retryable();
        assert_eq!(problem.headers().get("retry-after").map(|value| value.to_str().unwrap()), retry.then_some("7"));
        let body: Value = serde_json::from_slice(problem.body()).expect("problem+json is JSON");
        assert_eq!(body["type"], "about:blank");
        // With about:blank, the title is the status phrase (RFC 9457 §4.2.1).
        assert_eq!(body["title"], error.http_status().canonical_reason().unwrap());
        assert_eq!(body["status"], error.http_status().as_u16());
        assert_eq!(body["detail"], error.description().as_ref());
        // Every native member survives as an extension member, unchanged.
        let native: Value = serde_json::from_str(&error.to_json()).unwrap();
        for (name, value) in native.as_object().unwrap() {
            assert_eq!(&body[name], value, "{name} of {}", error.code());
        }
    });
}

#[test]
fn every_entry_of_every_api_makes_a_consistent_response() {
    check_responses::<app_native::Code>();
    check_responses::<auth0::Code>();
    check_responses::<authos::Code>();
    check_responses::<registration::Code>();
}

#[test]
fn registration_answers_200_by_default_and_its_mapped_status_on_request() {
    let error = registration::errors::invalid_credentials();
    assert_eq!(error.to_response().status(), 200);
    assert!(error.to_response().headers().get("www-authenticate").is_none());
    let mapped = error.to_response_with(&ResponseOptions::default().entry_status());
    assert_eq!(mapped.status(), 401);
    assert_eq!(mapped.headers()["www-authenticate"], "Bearer");
    // A problem document describes an HTTP error: the mapped status, in the
    // body and on the response (issue 15: it said 200).
    let problem = error.to_problem_json(&ResponseOptions::default());
    assert!(problem.contains(r#""status":401"#), "{problem}");
    let options = ResponseOptions::default().format(auth_error_catalog::BodyFormat::Problem);
    let response = error.to_response_with(&options);
    assert_eq!((response.status().as_u16(), response.headers()["www-authenticate"].to_str().unwrap()), (401, "Bearer"));
    assert_eq!(error.response_status(&options), 401);
    for entry in auth_error_catalog::Api::Registration.catalog().entries() {
        let error =
            auth_error_catalog::AnyError::new(entry, entry.placeholders().iter().map(|name| (*name, "v"))).unwrap();
        let response = error.to_response_with(&options);
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(response.status(), entry.http_status(), "{}", entry.code());
        assert_eq!(body["status"], entry.http_status().as_u16(), "{}", entry.code());
        assert!(response.status().is_client_error() || response.status().is_server_error(), "{}", entry.code());
    }
}

#[test]
fn a_problem_title_is_never_documentation_prose() {
    let blank = ResponseOptions::default();
    let typed = ResponseOptions::default().problem_base("https://errors.example.com/");
    let title = |json: String| serde_json::from_str::<Value>(&json).unwrap()["title"].as_str().unwrap().to_owned();
    // about:blank: the status phrase.
    assert_eq!(title(auth0::errors::invalid_user_password().to_problem_json(&blank)), "Unauthorized");
    // A type of its own: the message, where the API sends it to clients…
    assert_eq!(
        title(app_native::errors::invalid_authenticator_id("x").to_problem_json(&typed)),
        "Invalid authenticatorId."
    );
    assert_eq!(title(app_native::errors::invalid_authenticator_id("x").to_problem_json(&blank)), "Bad Request");
    // …else the status phrase, not Auth0's documentation sentence (AuthOS
    // sends its description, whose title would vary by occurrence).
    assert_eq!(title(authos::errors::token_expired().to_problem_json(&typed)), "Unauthorized");
    assert_eq!(title(auth0::errors::invalid_user_password().to_problem_json(&typed)), "Unauthorized");
    assert_eq!(title(registration::errors::invalid_credentials().to_problem_json(&typed)), "Unauthorized");
}

#[test]
fn the_challenge_names_the_oauth_error() {
    let response = auth0::errors::invalid_user_password().to_response();
    assert_eq!(response.headers()["www-authenticate"], "Bearer error=\"invalid_user_password\"");
    assert_eq!(app_native::errors::unauthorized().to_response().headers()["www-authenticate"], "Bearer");
    assert!(authos::errors::forbidden().to_response().headers().get("www-authenticate").is_none());
}

#[test]
fn problem_types_and_instances() {
    let options = ResponseOptions::default().problem_base("https://errors.example.com/").instance("/login#1");
    let body: Value = serde_json::from_str(&authos::errors::token_expired().to_problem_json(&options)).unwrap();
    assert_eq!(body["type"], "https://errors.example.com/authos/TOKEN_EXPIRED");
    assert_eq!(body["instance"], "/login#1");
    let hostile = ResponseOptions::default().problem_base("\"}\u{2028}").instance("\u{0}");
    let body: Value = serde_json::from_str(&auth0::errors::access_denied("x").to_problem_json(&hostile)).unwrap();
    assert_eq!(body["instance"], "\u{0}");
}

#[test]
fn negotiation() {
    let cases = [
        (None, BodyFormat::Native),
        (Some(""), BodyFormat::Native),
        (Some("application/json"), BodyFormat::Native),
        (Some("application/problem+json"), BodyFormat::Problem),
        (Some("application/problem+json, application/json;q=0.9"), BodyFormat::Problem),
        (Some("application/json;q=0.9, application/problem+json"), BodyFormat::Problem),
        (Some("application/json, application/problem+json"), BodyFormat::Native),
        (Some("application/problem+json;q=0"), BodyFormat::Native),
        (Some("application/*;q=0.2, application/problem+json;q=0.5"), BodyFormat::Problem),
        (Some("*/*"), BodyFormat::Native),
        (Some("text/html"), BodyFormat::Native),
        (Some("APPLICATION/PROBLEM+JSON"), BodyFormat::Problem),
        (Some(";;;,,,q=x"), BodyFormat::Native),
    ];
    for (accept, expected) in cases {
        assert_eq!(BodyFormat::negotiate(accept), expected, "{accept:?}");
    }
}
