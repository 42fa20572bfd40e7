//! Real error bodies copied from public documentation, issues and SDK test
//! fixtures (`tests/data/bodies/`, sources in `SOURCES.md` there): each is
//! detected as its API, classified, and re-serialised to an equal JSON value.

use auth_error_catalog::{AnyReceived, Api, Match, parse};
use http::StatusCode;

const STATUSES: &str = include_str!("data/bodies/statuses.txt");

/// Every body with the HTTP status its source shows, if any.
fn bodies() -> Vec<(String, Option<StatusCode>, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bodies/");
    STATUSES
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (file, status) = line.split_once(' ').expect("`file status` lines");
            let status = status.trim().parse::<u16>().ok().map(|code| StatusCode::from_u16(code).unwrap());
            (file.to_owned(), status, std::fs::read(format!("{dir}{file}")).expect("body file"))
        })
        .collect()
}

fn body_named<'a>(bodies: &'a [(String, Option<StatusCode>, Vec<u8>)], name: &str) -> AnyReceived<'a> {
    let (_, status, body) = bodies.iter().find(|(file, _, _)| file.ends_with(name)).expect("body exists");
    parse(*status, body).unwrap()
}

#[test]
fn every_body_is_detected_and_round_trips() {
    let bodies = bodies();
    assert!(bodies.len() >= 15);
    for (file, status, body) in &bodies {
        let received = parse(*status, body).unwrap_or_else(|error| panic!("{file}: {error}"));
        let folder = file.split('/').next().unwrap();
        assert_eq!(received.api(), folder.parse::<Api>().unwrap(), "{file}");
        let original: serde_json::Value = serde_json::from_slice(body).unwrap();
        let again: serde_json::Value = serde_json::from_str(&received.to_json()).unwrap();
        assert_eq!(again, original, "{file}");
        assert_eq!(serde_json::to_value(&received).unwrap(), original, "{file}: Serialize");
        if let Some(status) = status {
            assert_eq!(received.http_status(), Some(*status), "{file}");
        }
    }
}

#[test]
fn app_native_bodies_are_classified() {
    let bodies = bodies();
    let received = body_named(&bodies, "aba_60007_not_enabled.json");
    assert_eq!(received.entry().map(|entry| entry.variant()), Some("AppNativeAuthenticationDisabled"));
    // The server drops the template's final period; the value is still found.
    assert_eq!(received.params(), [("client_id", "cf64ae99-5528-40f0-949f-83d04c240671".into())]);
    let received = body_named(&bodies, "aba_60013_retry_limit.json");
    // The live description differs from the documented one: the code decides.
    assert_eq!((received.entry().map(|entry| entry.code()), received.matched()), (Some("ABA-60013"), Match::Exact));
}

#[test]
fn auth0_bodies_are_classified() {
    let bodies = bodies();
    let variant = |name| body_named(&bodies, name).entry().map(|entry| entry.variant());
    assert_eq!(variant("invalid_grant_wrong_password.json"), Some("InvalidGrant"));
    assert_eq!(body_named(&bodies, "invalid_grant_wrong_password.json").matched(), Match::Template);
    assert_eq!(variant("passwordless_bad_connection.json"), Some("BadConnectionNotFound"));
    assert_eq!(body_named(&bodies, "passwordless_bad_connection.json").matched(), Match::Exact);
    assert_eq!(body_named(&bodies, "invalid_request_validation_errors.json").matched(), Match::ErrorOnly);
    for unknown in ["mfa_required_mfa_token.json", "invalid_scope_with_status_code.json", "signup_user_exists.json"] {
        let received = body_named(&bodies, unknown);
        assert!(!received.is_known(), "{unknown}");
        assert_eq!(received.matched(), Match::Unknown);
    }
    assert_eq!(body_named(&bodies, "signup_user_exists.json").raw_code(), "user_exists");
    let AnyReceived::Auth0(mfa) = body_named(&bodies, "mfa_required_with_requirements.json") else { panic!("auth0") };
    assert_eq!(mfa.member("mfa_token").map(|raw| raw.get()), Some("\"test-mfa-token\""));
    assert_eq!(
        mfa.members().map(|(name, _)| name).collect::<Vec<_>>(),
        ["error", "error_description", "mfa_token", "mfa_requirements"]
    );
}

#[test]
fn registration_bodies_are_classified() {
    let bodies = bodies();
    let AnyReceived::Registration(received) = body_named(&bodies, "password_unacceptable_352.json") else {
        panic!("registration")
    };
    assert_eq!(received.code().map(|code| code.as_str()), Some("352"));
    assert_eq!(received.member("request_id").map(|raw| raw.get()), Some("\"8cpwu3hcqsqt5mek\""));
    let AnyReceived::Registration(received) = body_named(&bodies, "invalid_argument_200_argument_name.json") else {
        panic!("registration")
    };
    assert_eq!(received.raw_code(), "200");
    assert_eq!(received.member("argument_name").map(|raw| raw.get()), Some("\"/basicIpAddress\""));
}
