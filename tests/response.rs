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
        assert_eq!(body["title"], error.code().message());
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
    let problem = error.to_problem_json(&ResponseOptions::default());
    assert!(problem.contains(r#""status":200"#), "{problem}");
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
