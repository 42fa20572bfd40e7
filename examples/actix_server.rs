//! A small actix-web service whose routes answer with catalog errors.
//!
//! Run: `cargo run --features actix-web --example actix_server -- 127.0.0.1:8080`
//! (or set `BIND`), then e.g. `curl -i localhost:8080/auth0/token`.

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use auth_error_catalog::{
    AnyError, BodyFormat, ErrorResponse, ResponseOptions, app_native, auth0, authos, registration,
};

const TIMESTAMP: &str = "2025-01-15T10:30:00Z";

/// Every route fails: the `Ok` side is never taken.
type Reply<E> = Result<HttpResponse, E>;

async fn authenticator(id: web::Path<String>) -> Reply<app_native::Error> {
    Err(app_native::errors::invalid_authenticator_id(id.into_inner()).with_trace_id("trace-1"))
}

async fn token() -> Reply<auth0::Error> {
    Err(auth0::errors::invalid_user_password())
}

async fn me() -> Reply<authos::Error> {
    Err(authos::errors::token_expired().with_timestamp(TIMESTAMP))
}

async fn login() -> Reply<registration::Error> {
    Err(registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop"))
}

/// Problem details when the `Accept` header prefers them.
async fn negotiated(request: HttpRequest) -> Reply<ErrorResponse<authos::Code>> {
    let accept = request.headers().get("accept").and_then(|value| value.to_str().ok());
    let options = ResponseOptions::default().format(BodyFormat::negotiate(accept));
    Err(authos::errors::forbidden().with_timestamp(TIMESTAMP).with_options(options))
}

async fn limited() -> Reply<ErrorResponse<authos::Code>> {
    let options = ResponseOptions::default().retry_after(30);
    Err(authos::errors::rate_limit_exceeded().with_timestamp(TIMESTAMP).with_options(options))
}

async fn any() -> Reply<AnyError> {
    Err(app_native::errors::unauthorized().into())
}

/// The routes; `tests/actix_http.rs` serves the same ones, and they match
/// `examples/axum_server.rs`.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .route("/app-native/authenticators/{id}", web::get().to(authenticator))
        .route("/auth0/token", web::get().to(token))
        .route("/authos/me", web::get().to(me))
        .route("/registration/login", web::get().to(login))
        .route("/negotiated", web::get().to(negotiated))
        .route("/limited", web::get().to(limited))
        .route("/any", web::get().to(any));
}

fn main() -> std::io::Result<()> {
    let address =
        std::env::args().nth(1).or_else(|| std::env::var("BIND").ok()).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    // What `#[actix_web::main]` expands to, without the `macros` feature.
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(|| App::new().configure(configure)).bind(&address)?;
        for bound in server.addrs() {
            println!("listening on http://{bound}");
        }
        server.run().await
    })
}
