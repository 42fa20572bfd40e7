//! Real error bodies copied from public documentation, issues, SDK test
//! fixtures and recordings (`tests/data/bodies/`, sources in `SOURCES.md`
//! there). `expected.txt` says, per body, what its source documents: the API,
//! the entry, how it matches, its kind and whether it is retryable. Each body
//! must be detected and classified so, and re-serialised to an equal value.

use auth_error_catalog::{AnyReceived, Api, Kind, Match, parse};
use http::StatusCode;

const EXPECTED: &str = include_str!("data/bodies/expected.txt");

/// One line of `expected.txt`.
struct Expected {
    file: String,
    status: Option<StatusCode>,
    api: Api,
    variant: Option<String>,
    matched: Match,
    kind: Option<Kind>,
    retryable: bool,
    body: Vec<u8>,
}

fn match_named(name: &str) -> Match {
    match name {
        "exact" => Match::Exact,
        "template" => Match::Template,
        "wildcard" => Match::Wildcard,
        "generic" => Match::Generic,
        "catchall" => Match::CatchAll,
        "unknown" => Match::Unknown,
        other => panic!("no match named {other:?}"),
    }
}

fn expected() -> Vec<Expected> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bodies/");
    EXPECTED
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let [file, status, api, variant, matched, kind, retryable] = columns[..] else {
                panic!("seven columns: {line:?}");
            };
            let optional = |text: &str| (text != "-").then(|| text.to_owned());
            Expected {
                file: file.to_owned(),
                status: optional(status).map(|code| StatusCode::from_u16(code.parse().unwrap()).unwrap()),
                api: api.parse().unwrap(),
                variant: optional(variant),
                matched: match_named(matched),
                kind: optional(kind).map(|kind| kind.parse().unwrap()),
                retryable: retryable == "yes",
                body: std::fs::read(format!("{dir}{file}")).unwrap_or_else(|error| panic!("{file}: {error}")),
            }
        })
        .collect()
}

fn parsed<'a>(all: &'a [Expected], name: &str) -> AnyReceived<'a> {
    let body = all.iter().find(|body| body.file.ends_with(name)).expect("body exists");
    parse(&body.body, body.status).unwrap()
}

#[test]
fn every_body_is_listed_once_and_every_listed_body_exists() {
    let all = expected();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bodies");
    let mut on_disk: Vec<String> = Vec::new();
    for api in std::fs::read_dir(dir).unwrap().flatten().filter(|item| item.path().is_dir()) {
        for file in std::fs::read_dir(api.path()).unwrap().flatten() {
            on_disk.push(format!("{}/{}", api.file_name().to_string_lossy(), file.file_name().to_string_lossy()));
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = all.iter().map(|body| body.file.clone()).collect();
    listed.sort();
    assert_eq!(listed, on_disk);
    assert!(all.len() >= 70, "{} bodies", all.len());
    let sources = include_str!("data/bodies/SOURCES.md");
    for body in &all {
        assert!(sources.contains(&format!("| {} |", body.file)), "{} has no row in SOURCES.md", body.file);
    }
}

#[test]
fn every_body_is_detected_and_classified_as_its_source_documents() {
    for expected in expected() {
        let file = &expected.file;
        let received = parse(&expected.body, expected.status).unwrap_or_else(|error| panic!("{file}: {error}"));
        assert_eq!(received.api(), expected.api, "{file}");
        assert_eq!(file.split('/').next(), Some(expected.api.as_str()), "{file}: its folder");
        assert_eq!(received.entry().map(|entry| entry.variant().to_owned()), expected.variant, "{file}");
        assert_eq!(received.is_known(), expected.variant.is_some(), "{file}");
        assert_eq!(received.matched(), expected.matched, "{file}");
        assert_eq!(received.kind(), expected.kind, "{file}");
        assert_eq!(received.retryable(), expected.retryable, "{file}");
        if let Some(status) = expected.status {
            assert_eq!(received.http_status(), Some(status), "{file}");
        }
    }
}

#[test]
fn every_body_round_trips_to_an_equal_value() {
    for expected in expected() {
        let file = &expected.file;
        let received = parse(&expected.body, expected.status).unwrap();
        let original: serde_json::Value = serde_json::from_slice(&expected.body).unwrap();
        let again: serde_json::Value = serde_json::from_str(&received.to_json()).unwrap();
        assert_eq!(again, original, "{file}");
        assert_eq!(serde_json::to_value(&received).unwrap(), original, "{file}: Serialize");
        // The API's own parser agrees with detection.
        let api_json = match expected.api {
            Api::AppNative => {
                auth_error_catalog::app_native::Received::parse(&expected.body, None).map(|r| r.to_json())
            }
            Api::Auth0 => auth_error_catalog::auth0::Received::parse(&expected.body, None).map(|r| r.to_json()),
            Api::Authos => auth_error_catalog::authos::Received::parse(&expected.body, None).map(|r| r.to_json()),
            Api::Registration => {
                auth_error_catalog::registration::Received::parse(&expected.body, None).map(|r| r.to_json())
            }
            _ => unreachable!("four APIs"),
        };
        assert_eq!(api_json.unwrap_or_else(|error| panic!("{file}: {error}")), received.to_json(), "{file}");
    }
}

#[test]
fn values_and_members_are_kept() {
    let all = expected();
    let received = parsed(&all, "aba_60007_not_enabled.json");
    // The server drops the template's final period; the value is still found.
    assert_eq!(received.params(), [("client_id", "cf64ae99-5528-40f0-949f-83d04c240671".into())]);
    let AnyReceived::Auth0(mfa) = parsed(&all, "mfa_required_with_requirements.json") else { panic!("auth0") };
    assert_eq!(mfa.member("mfa_token").map(|raw| raw.get()), Some("\"test-mfa-token\""));
    assert_eq!(
        mfa.members().map(|(name, _)| name).collect::<Vec<_>>(),
        ["error", "error_description", "mfa_token", "mfa_requirements"]
    );
    let received = parsed(&all, "slow_down_ciba_polling_too_fast.json");
    assert_eq!(received.params(), [("seconds", "10".into())]);
    assert_eq!(received.entry().and_then(|entry| entry.poll_interval_increase()).map(|d| d.as_secs()), Some(5));
    let AnyReceived::Registration(received) = parsed(&all, "password_unacceptable_352.json") else {
        panic!("registration")
    };
    assert_eq!(received.member("request_id").map(|raw| raw.get()), Some("\"8cpwu3hcqsqt5mek\""));
    let AnyReceived::Registration(received) = parsed(&all, "invalid_argument_200_argument_name.json") else {
        panic!("registration")
    };
    assert_eq!(received.raw_code(), "200");
    assert_eq!(received.member("argument_name").map(|raw| raw.get()), Some("\"/basicIpAddress\""));
}

#[test]
fn a_description_that_is_an_object_is_kept_and_classified_by_the_code() {
    let all = expected();
    let AnyReceived::Auth0(received) = parsed(&all, "signup_password_strength_error.json") else { panic!("auth0") };
    assert_eq!(received.raw_code(), "invalid_password");
    assert_eq!(received.description(), None);
    assert!(received.member("description").is_some_and(|raw| raw.get().starts_with("{\"rules\"")));
    assert_eq!(received.matched(), Match::Generic);
}

#[test]
fn the_polling_states_say_poll_again_and_the_final_ones_do_not() {
    let all = expected();
    for name in ["authorization_pending_device_code.json", "slow_down_device_polling_interval.json"] {
        let received = parsed(&all, name);
        assert_eq!((received.kind(), received.retryable()), (Some(Kind::Pending), true), "{name}");
    }
    let slow_down = parsed(&all, "slow_down_error_member_only.json");
    assert_eq!(slow_down.entry().and_then(|entry| entry.poll_interval_increase()).map(|d| d.as_secs()), Some(5));
    for name in ["expired_token_device_code.json", "access_denied_device_user_cancelled.json"] {
        assert!(!parsed(&all, name).retryable(), "{name}");
    }
}
