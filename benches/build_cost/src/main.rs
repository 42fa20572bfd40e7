//! A service that answers every request with an Auth0 error body.

use auth_error_catalog::auth0::errors;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let app = axum::Router::new().fallback(|| async {
        let response = errors::missing_username().to_response();
        let (parts, body) = response.into_parts();
        axum::response::Response::from_parts(parts, axum::body::Body::from(body))
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    axum::serve(listener, app).await
}
