//! A small axum service whose routes answer with catalog errors.
//!
//! Run: `cargo run --features axum --example axum_server -- 127.0.0.1:8080`,
//! then e.g. `curl -i localhost:8080/auth0/token`.

use auth_error_catalog::{AnyError, BodyFormat, ResponseOptions, app_native, auth0, authos, registration};
use axum::Router;
use axum::extract::Path;
use axum::http::HeaderMap;
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
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let address = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router()).await
}
