//! Golden wire bodies: every entry of every API rendered with fixed values,
//! compared byte for byte with the reviewed snapshots in `tests/snapshots/`.

use auth_error_catalog::{WireFormat, app_native, auth0, authos, registration};

/// One line per entry: the variant, the HTTP status, the exact body.
fn golden<C: WireFormat>(prepare: impl Fn(auth_error_catalog::Error<C>) -> auth_error_catalog::Error<C>) -> String {
    let mut lines = String::new();
    for &code in C::all() {
        let mut builder = auth_error_catalog::Error::builder(code);
        for name in code.entry().placeholders() {
            builder = builder.with(name, format!("<{name}>"));
        }
        let error = prepare(builder.build().expect("every placeholder is given"));
        lines.push_str(&format!("{code:?} {} {}\n", error.http_status().as_u16(), error.to_json()));
    }
    lines
}

#[test]
fn app_native_bodies() {
    insta::assert_snapshot!(golden::<app_native::Code>(|error| error.with_trace_id("00000000-trace")));
}

#[test]
fn auth0_bodies() {
    insta::assert_snapshot!(golden::<auth0::Code>(|error| error));
}

#[test]
fn authos_bodies() {
    insta::assert_snapshot!(golden::<authos::Code>(|error| error.with_timestamp("2025-01-15T10:30:00Z")));
}

#[test]
fn registration_bodies() {
    insta::assert_snapshot!(golden::<registration::Code>(|error| error.with_request_token("abcdefghijklmnop")));
}

#[test]
fn the_typed_constructors_render_the_same_bodies() {
    let typed = app_native::errors::application_not_found("<client_id>", "<tenant_domain>").with_trace_id("t");
    let dynamic = app_native::Error::builder(app_native::Code::ApplicationNotFound)
        .with("tenant_domain", "<tenant_domain>")
        .with("client_id", "<client_id>")
        .build()
        .unwrap()
        .with_trace_id("t");
    assert_eq!(typed.to_json(), dynamic.to_json());
    assert_eq!(
        typed.to_json(),
        r#"{"code":"ABA-60005","message":"Unable to find application.","description":"Unable to find application for clientId <client_id> in tenant domain <tenant_domain>.","traceId":"t"}"#
    );
}

#[test]
fn a_new_error_has_the_api_defaults() {
    let body: serde_json::Value = serde_json::from_str(&app_native::errors::unauthorized().to_json()).unwrap();
    assert_eq!(body["traceId"], "");
    let body: serde_json::Value = serde_json::from_str(&registration::errors::invalid_credentials().to_json()).unwrap();
    let token = body["request_token"].as_str().unwrap();
    assert_eq!(token.len(), 16);
    let body: serde_json::Value = serde_json::from_str(&authos::errors::token_expired().to_json()).unwrap();
    let timestamp = body["timestamp"].as_str().unwrap();
    assert_eq!(timestamp.len(), "2025-01-15T10:30:00Z".len());
    assert!(timestamp.starts_with("20") && timestamp.ends_with('Z'), "{timestamp}");
}
