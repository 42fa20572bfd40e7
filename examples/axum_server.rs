//! A small axum service whose routes answer with catalog errors.
//!
//! Run: `cargo run --features axum --example axum_server -- 127.0.0.1:8080`,
//! then e.g. `curl -i localhost:8080/auth0/token` or
//! `curl -i -H 'accept: application/problem+json' localhost:8080/errors/auth0/InvalidUserPassword`.

use auth_error_catalog::{AnyError, Api, BodyFormat, Entry, ResponseOptions, app_native, auth0, authos, registration};
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const TIMESTAMP: &str = "2025-01-15T10:30:00Z";

/// The routes; `tests/axum_http.rs` serves the same ones.
pub fn router() -> Router {
    Router::new()
        .route(
            "/app-native/authenticators/{id}",
            get(|Path(id): Path<String>| async move {
                app_native::errors::invalid_authenticator_id(id).with_trace_id("trace-1")
            }),
        )
        .route("/auth0/token", get(|| async { auth0::errors::invalid_user_password() }))
        .route("/authos/me", get(|| async { authos::errors::token_expired().with_timestamp(TIMESTAMP) }))
        .route(
            "/registration/login",
            get(|| async { registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop") }),
        )
        .route(
            "/negotiated",
            get(|headers: HeaderMap| async move {
                let accept = headers.get("accept").and_then(|value| value.to_str().ok());
                let options = ResponseOptions::default().format(BodyFormat::negotiate(accept));
                authos::errors::forbidden().with_timestamp(TIMESTAMP).with_options(options)
            }),
        )
        .route(
            "/limited",
            get(|| async {
                let options = ResponseOptions::default().retry_after(30);
                authos::errors::rate_limit_exceeded().with_timestamp(TIMESTAMP).with_options(options)
            }),
        )
        .route("/any", get(|| async { AnyError::from(app_native::errors::unauthorized()) }))
        .route(
            "/errors/{api}/{variant}",
            get(|Path((api, variant)): Path<(String, String)>, headers: HeaderMap| async move {
                any_entry(&api, &variant, &headers)
            }),
        )
        .route(
            "/limited-until",
            get(|| async {
                let mut response = authos::errors::rate_limit_exceeded().with_timestamp(TIMESTAMP).into_response();
                response.headers_mut().insert("retry-after", RETRY_AT.parse().expect("an HTTP-date"));
                response
            }),
        )
        .route(
            "/dpop",
            get(|| async {
                let mut response = auth0::errors::dpop_nonce_required().into_response();
                response.headers_mut().insert("dpop-nonce", DPOP_NONCE.parse().expect("a nonce"));
                response
            }),
        )
        .route(
            "/userinfo",
            get(|| async {
                let challenge = r#"Bearer error="invalid_token", error_description="The access token expired""#;
                (StatusCode::UNAUTHORIZED, [("www-authenticate", challenge)])
            }),
        )
        .route(
            "/gateway",
            get(|| async {
                (StatusCode::BAD_GATEWAY, [("content-type", "text/html")], "<html><body>502 Bad Gateway</body></html>")
            }),
        )
        .route("/empty", get(|| async { StatusCode::INTERNAL_SERVER_ERROR }))
        .route(
            "/large",
            get(|| async {
                let body = format!(r#"{{"error":"invalid_request","error_description":"{}"}}"#, "x".repeat(LARGE));
                (StatusCode::BAD_REQUEST, [("content-type", "application/json")], body)
            }),
        )
}

/// The `Retry-After` date of `/limited-until`.
pub const RETRY_AT: &str = "Sun, 06 Nov 1994 08:49:37 GMT";
/// The `DPoP-Nonce` of `/dpop`.
pub const DPOP_NONCE: &str = "eyJ7S_zG.eyJH0-Z.HX4w-7v";
/// The description length of `/large`: past a 1 MiB bound.
pub const LARGE: usize = 1 << 21;

/// The placeholder values `/errors/{api}/{variant}` fills in.
pub fn values(entry: &Entry) -> Vec<(&'static str, String)> {
    entry.placeholders().iter().map(|name| (*name, format!("{name}-of-{}", entry.variant()))).collect()
}

/// The options `/errors/{api}/{variant}` renders with, from `Accept`.
pub fn options(accept: Option<&str>) -> ResponseOptions {
    ResponseOptions::default().format(BodyFormat::negotiate(accept)).retry_after(30)
}

/// Any entry of any API, by variant name (`/errors/auth0/InvalidUserPassword`),
/// in the format `Accept` asks for.
fn any_entry(api: &str, variant: &str, headers: &HeaderMap) -> Response {
    let entry =
        api.parse::<Api>().ok().and_then(|api| api.catalog().entries().iter().find(|entry| entry.variant() == variant));
    let Some(entry) = entry else {
        return (StatusCode::NOT_FOUND, "no such API or variant").into_response();
    };
    let accept = headers.get("accept").and_then(|value| value.to_str().ok());
    match AnyError::new(entry, values(entry)) {
        Ok(error) => error.to_response_with(&options(accept)).map(Body::from),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router()).await
}
