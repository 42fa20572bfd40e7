//! Detection (`auth_error_catalog::parse`) by each API's strongest signal:
//! the rules of its rustdoc, both sides of the one ambiguous shape
//! (`{"code","description"}`), the bodies that are no error body, and
//! properties over every entry's rendered body with members that real
//! servers omit taken out.

use auth_error_catalog::{Api, Defect, ErrorCode, Match, app_native, auth0, parse};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn detected(body: &str) -> Option<Api> {
    parse(body.as_bytes(), None).ok().map(|received| received.api())
}

#[test]
fn a_code_and_a_description_are_app_native_when_the_code_is_app_natives() {
    // WSO2's SDK fixtures: no `message`, no `traceId`.
    assert_eq!(detected(r#"{"code":"ABA-60001","description":"invalid_callback"}"#), Some(Api::AppNative));
    // A catalog code without the prefix, and the plain "401".
    assert_eq!(detected(r#"{"code":"60004","description":"x"}"#), Some(Api::AppNative));
    assert_eq!(detected(r#"{"code":"401","description":"x"}"#), Some(Api::AppNative));
    // An ABA- number the catalog does not have is still app-native, and unknown.
    let received = parse(br#"{"code":"ABA-69999","description":"x"}"#, None).unwrap();
    assert_eq!((received.api(), received.matched()), (Api::AppNative, Match::Unknown));
}

#[test]
fn a_code_and_a_description_are_auth0_otherwise() {
    for body in [
        r#"{"code":"user_exists","description":"The user already exists."}"#,
        r#"{"code":"user_exists","description":"The user already exists.","statusCode":400}"#,
        r#"{"name":"BadRequestError","code":"user_exists","description":"The user already exists."}"#,
        r#"{"code":"invalid_password","description":{"rules":[]}}"#,
        r#"{"code":"invalid_password","message":"Password is too weak","description":{"rules":[]}}"#,
        r#"{"code":"invalid_password","policy":"* At least 8 characters"}"#,
        // Not app-native's: "ABA" without the dash and digits, a lower-case prefix.
        r#"{"code":"ABA60001","description":"x"}"#,
        r#"{"code":"aba-60001","description":"x"}"#,
        r#"{"code":"ABA-","description":"x"}"#,
    ] {
        assert_eq!(detected(body), Some(Api::Auth0), "{body}");
    }
    let received = parse(br#"{"code":"user_exists","description":"The user already exists."}"#, None).unwrap();
    assert_eq!(received.entry().map(|entry| entry.variant()), Some("UserExists"));
}

#[test]
fn trace_id_and_message_mean_app_native() {
    assert_eq!(detected(r#"{"code":"AD-60001","message":"Custom failure"}"#), Some(Api::AppNative));
    assert_eq!(detected(r#"{"code":"AD-60001","message":"m","description":"d"}"#), Some(Api::AppNative));
    assert_eq!(detected(r#"{"code":"AD-60001","traceId":"t"}"#), Some(Api::AppNative));
    // `traceId` wins over the sign-up members: only app-native sends it.
    assert_eq!(detected(r#"{"code":"x","description":"d","traceId":"t"}"#), Some(Api::AppNative));
    // But the sign-up members win over `message` for a code that is not app-native's.
    assert_eq!(detected(r#"{"code":"x","message":"m","statusCode":400}"#), Some(Api::Auth0));
}

#[test]
fn the_strongest_members_decide_first() {
    assert_eq!(detected(r#"{"stat":"error","code":"ABA-60001","description":"x"}"#), Some(Api::Registration));
    assert_eq!(detected(r#"{"error_code":"X","error":"e","code":"ABA-60001"}"#), Some(Api::Authos));
    assert_eq!(detected(r#"{"error":"access_denied","code":"ABA-60001","traceId":"t"}"#), Some(Api::Auth0));
}

#[test]
fn nothing_in_the_leniency_makes_a_non_error_body_an_error_body() {
    for body in [
        "{}",
        r#"{"code":null}"#,
        r#"{"code":null,"description":"x"}"#,
        r#"{"code":true,"message":"x"}"#,
        r#"{"code":["ABA-60001"],"message":"x"}"#,
        r#"{"code":{"a":1},"description":"x"}"#,
        r#"{"code":"ABA-60001"}"#,
        r#"{"code":"user_exists"}"#,
        r#"{"code":"x","description":null}"#,
        r#"{"code":"x","description":7}"#,
        r#"{"description":"x","message":"y","name":"n","statusCode":400}"#,
        r#"{"message":"Unauthorized"}"#,
    ] {
        let error = parse(body.as_bytes(), None).err().unwrap_or_else(|| panic!("{body} is an error body"));
        assert_eq!(error.defect(), &Defect::WrongShape("any of the APIs"), "{body}");
    }
    for body in ["<html><body>Bad gateway</body></html>", "", "[]", "null", "\"error\""] {
        assert!(parse(body.as_bytes(), None).is_err(), "{body:?}");
    }
}

#[test]
fn the_app_native_parser_needs_one_of_its_members_beside_the_code() {
    for body in [
        r#"{"code":"ABA-60001","message":"m"}"#,
        r#"{"code":"ABA-60001","description":"d"}"#,
        r#"{"code":"ABA-60001","traceId":"t"}"#,
    ] {
        assert!(app_native::Received::parse(body.as_bytes(), None).is_ok(), "{body}");
    }
    assert!(app_native::Received::parse(br#"{"code":"ABA-60001"}"#, None).is_err());
    assert!(app_native::Received::parse(br#"{"code":"ABA-60001","other":1}"#, None).is_err());
}

/// `json` with the members `drop` names taken out.
fn without(json: &str, drop: &[&str]) -> String {
    let mut object: Map<String, Value> = serde_json::from_str(json).unwrap();
    for name in drop {
        object.remove(*name);
    }
    Value::Object(object).to_string()
}

/// Every app-native entry rendered, with a trace id.
fn app_native_bodies() -> Vec<(app_native::Code, String)> {
    app_native::Code::ALL
        .into_iter()
        .map(|code| {
            let mut builder = auth_error_catalog::Error::builder(code);
            for name in code.entry().placeholders() {
                builder = builder.with(name, "v");
            }
            (code, builder.build().unwrap().with_trace_id("t").to_json())
        })
        .collect()
}

proptest! {
    #[test]
    fn app_native_bodies_keep_their_api_and_code_without_the_members_servers_omit(
        index in 0..app_native::Code::ALL.len(),
        keep in prop::sample::subsequence(vec!["message", "description", "traceId"], 1..=3),
    ) {
        let (code, body) = &app_native_bodies()[index];
        let drop: Vec<&str> = ["message", "description", "traceId"].into_iter().filter(|name| !keep.contains(name)).collect();
        let body = without(body, &drop);
        let received = parse(body.as_bytes(), None).map_err(|error| TestCaseError::fail(format!("{body}: {error}")))?;
        prop_assert_eq!(received.api(), Api::AppNative, "{}", body);
        prop_assert_eq!(received.entry().map(|entry| entry.index()), Some(code.entry().index()));
    }

    #[test]
    fn sign_up_bodies_are_auth0s_with_any_of_their_optional_members(
        code in "[a-z][a-z_]{0,20}",
        description in any::<String>(),
        name in prop::option::of("[A-Za-z]{1,20}"),
        status in prop::option::of(400u16..600),
        object_description in any::<bool>(),
    ) {
        prop_assume!(app_native::Code::from_wire(&code).is_none());
        let mut body = Map::new();
        if let Some(name) = &name {
            body.insert("name".into(), json!(name));
        }
        body.insert("code".into(), json!(code));
        let description = if object_description { json!({"rules": [description]}) } else { json!(description) };
        body.insert("description".into(), description);
        if let Some(status) = status {
            body.insert("statusCode".into(), json!(status));
        }
        let body = Value::Object(body).to_string();
        let received = parse(body.as_bytes(), None).map_err(|error| TestCaseError::fail(format!("{body}: {error}")))?;
        prop_assert_eq!(received.api(), Api::Auth0);
        prop_assert_eq!(received.raw_code(), code.as_str());
        let again: Value = serde_json::from_str(&received.to_json()).unwrap();
        prop_assert_eq!(again, serde_json::from_str::<Value>(&body).unwrap());
        // A known code is known whatever its description.
        prop_assert_eq!(received.is_known(), auth0::Code::from_wire(&code).is_some());
    }
}

#[test]
fn every_rendered_body_of_every_entry_is_detected_as_its_api() {
    fn check<C: ErrorCode + auth_error_catalog::WireFormat>() {
        for code in C::all() {
            let mut builder = auth_error_catalog::Error::builder(*code);
            for name in code.entry().placeholders() {
                builder = builder.with(name, "value");
            }
            let body = builder.build().unwrap().to_json();
            let received = parse(body.as_bytes(), None).unwrap();
            assert_eq!(received.api(), C::API, "{body}");
            assert_eq!(received.entry().map(|entry| entry.index()), Some(code.entry().index()), "{body}");
        }
    }
    check::<app_native::Code>();
    check::<auth0::Code>();
    check::<auth_error_catalog::authos::Code>();
    check::<auth_error_catalog::registration::Code>();
}
