//! The axum example's routes served on 127.0.0.1:0 and asked over real
//! HTTP/1.1: status, headers and body bytes, the same as the library's own
//! `to_response`, content negotiation, and a bounded concurrent run.

#[path = "support/http_client.rs"]
mod http_client;
#[path = "../examples/axum_server.rs"]
#[allow(dead_code)] // the example's `main`
mod server;

use std::net::SocketAddr;
use std::sync::OnceLock;

use auth_error_catalog::{BodyFormat, ResponseOptions, app_native, auth0, authos, registration};
use http_client::{Connection, Reply};

/// One server for the whole test binary, on its own runtime thread.
fn address() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.set_nonblocking(true).expect("non-blocking");
        let address = listener.local_addr().expect("bound");
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                axum::serve(listener, server::router()).await.expect("serves");
            });
        });
        address
    })
}

fn get(path: &str, headers: &[(&str, &str)]) -> Reply {
    Connection::open(address()).and_then(|mut connection| connection.get(path, headers)).expect("a reply")
}

/// The reply is the library's own response, byte for byte.
#[track_caller]
fn assert_same(reply: &Reply, expected: &http::Response<Vec<u8>>) {
    assert_eq!(reply.status, expected.status().as_u16());
    for (name, value) in expected.headers() {
        assert_eq!(reply.header(name.as_str()), value.to_str().ok(), "{name}");
    }
    assert_eq!(reply.header("content-length"), Some(expected.body().len().to_string().as_str()));
    assert_eq!(reply.body, *expected.body(), "{}", String::from_utf8_lossy(&reply.body));
}

#[test]
fn one_code_of_each_api_over_http() {
    // The path segment arrives percent-decoded: a quote, escaped in the body.
    let reply = get("/app-native/authenticators/abc%22", &[]);
    assert_same(&reply, &app_native::errors::invalid_authenticator_id("abc\"").with_trace_id("trace-1").to_response());
    assert_eq!(reply.header("cache-control"), Some("no-store"));

    let reply = get("/auth0/token", &[]);
    assert_same(&reply, &auth0::errors::invalid_user_password().to_response());
    assert_eq!((reply.status, reply.header("www-authenticate")), (401, Some("Bearer error=\"invalid_user_password\"")));

    let reply = get("/authos/me", &[]);
    assert_eq!(
        reply.body,
        br#"{"error":"JWT has expired","error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#
    );
    assert_eq!(reply.status, 401);

    let reply = get("/registration/login", &[]);
    assert_same(
        &reply,
        &registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop").to_response(),
    );
    assert_eq!(reply.status, 200, "Registration's own convention");

    let reply = get("/any", &[]);
    assert_same(&reply, &app_native::errors::unauthorized().to_response());

    let reply = get("/limited", &[]);
    assert_eq!((reply.status, reply.header("retry-after")), (429, Some("30")));
}

#[test]
fn content_negotiation_over_http() {
    let error = || authos::errors::forbidden().with_timestamp("2025-01-15T10:30:00Z");
    let reply = get("/negotiated", &[("Accept", "application/problem+json")]);
    assert_same(&reply, &error().to_response_with(&ResponseOptions::default().format(BodyFormat::Problem)));
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    let problem: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!((problem["status"].as_u64(), problem["error_code"].as_str()), (Some(403), Some("FORBIDDEN")));

    let reply = get("/negotiated", &[("Accept", "application/json, application/problem+json;q=0.5")]);
    assert_same(&reply, &error().to_response());
    let reply = get("/negotiated", &[]);
    assert_eq!(reply.header("content-type"), Some("application/json"));
}

#[test]
fn two_thousand_requests_over_thirty_two_connections() {
    const CONNECTIONS: usize = 32;
    const REQUESTS: usize = 2_000;
    let paths = ["/auth0/token", "/registration/login", "/authos/me", "/app-native/authenticators/x"];
    let expected: Vec<(u16, Vec<u8>)> =
        paths.iter().map(|path| get(path, &[])).map(|reply| (reply.status, reply.body)).collect();
    http_client::get_concurrently("axum", address(), &paths, &expected, CONNECTIONS, REQUESTS);
}
