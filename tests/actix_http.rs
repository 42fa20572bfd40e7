//! The actix-web example's routes served on 127.0.0.1:0 and asked over real
//! HTTP/1.1: status, headers and body bytes, the same as the library's own
//! `to_response` (as `tests/axum_http.rs` checks for axum), content
//! negotiation, keep-alive, and a bounded concurrent run.

#[path = "support/http_client.rs"]
mod http_client;
#[path = "../examples/actix_server.rs"]
#[allow(dead_code)] // the example's `main`
mod server;

use std::net::SocketAddr;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use actix_web::{App, HttpServer};
use auth_error_catalog::{AnyError, BodyFormat, ResponseOptions, app_native, auth0, authos, registration};
use http_client::{Connection, Reply};

const TIMESTAMP: &str = "2025-01-15T10:30:00Z";
const TIMEOUT: Duration = Duration::from_secs(10);

/// The example's routes on a loopback port, on a thread with its own actix
/// `System`; stopped and joined on drop.
struct Server {
    address: SocketAddr,
    handle: ServerHandle,
    finished: mpsc::Receiver<()>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    fn start() -> Server {
        let (started, bound) = mpsc::channel();
        let (done, finished) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let result = actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(|| App::new().configure(server::configure))
                    .workers(2)
                    .disable_signals()
                    .shutdown_timeout(2)
                    .bind(("127.0.0.1", 0))?;
                let address = server.addrs()[0];
                let server = server.run();
                let _ = started.send((address, server.handle()));
                server.await
            });
            let _ = done.send(());
            result
        });
        let (address, handle) = bound.recv_timeout(TIMEOUT).expect("the server starts");
        assert!(address.ip().is_loopback());
        Server { address, handle, finished, thread: Some(thread) }
    }

    fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        Connection::open(self.address).and_then(|mut connection| connection.get(path, headers)).expect("a reply")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The stop command is sent when `stop` is called; its future only waits.
        drop(self.handle.stop(true));
        let stopped = self.finished.recv_timeout(TIMEOUT).is_ok();
        if std::thread::panicking() {
            return; // a test already failed: no second panic
        }
        assert!(stopped, "the server stops within {TIMEOUT:?}");
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the server thread did not panic").expect("the server ran and stopped cleanly");
        }
    }
}

/// The reply is the library's own response, byte for byte, with only the
/// headers HTTP/1.1 framing adds (`content-length`, `date`) besides its own.
#[track_caller]
fn assert_same(reply: &Reply, expected: &http::Response<Vec<u8>>) {
    assert_eq!(reply.status, expected.status().as_u16());
    for (name, value) in expected.headers() {
        assert_eq!(reply.header(name.as_str()), value.to_str().ok(), "{name}");
    }
    assert_eq!(reply.header("content-length"), Some(expected.body().len().to_string().as_str()));
    for (name, _) in &reply.headers {
        assert!(
            expected.headers().contains_key(name.as_str()) || name == "content-length" || name == "date",
            "unexpected header {name}"
        );
    }
    assert_eq!(reply.body, *expected.body(), "{}", String::from_utf8_lossy(&reply.body));
}

#[test]
fn one_code_of_each_api_over_http() {
    let server = Server::start();

    // The path segment arrives percent-decoded: a quote, escaped in the body.
    let reply = server.get("/app-native/authenticators/abc%22", &[]);
    assert_same(&reply, &app_native::errors::invalid_authenticator_id("abc\"").with_trace_id("trace-1").to_response());
    assert_eq!(
        reply.body,
        br#"{"code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId abc\" is invalid.","traceId":"trace-1"}"#
    );
    assert_eq!((reply.status, reply.header("content-type")), (400, Some("application/json")));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("www-authenticate"), None, "only on a 401");

    let reply = server.get("/auth0/token", &[]);
    assert_same(&reply, &auth0::errors::invalid_user_password().to_response());
    assert_eq!((reply.status, reply.header("www-authenticate")), (401, Some("Bearer error=\"invalid_user_password\"")));

    let reply = server.get("/authos/me", &[]);
    assert_same(&reply, &authos::errors::token_expired().with_timestamp(TIMESTAMP).to_response());
    assert_eq!(
        reply.body,
        br#"{"error":"JWT has expired","error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#
    );
    assert_eq!((reply.status, reply.header("www-authenticate")), (401, Some("Bearer")));

    let reply = server.get("/registration/login", &[]);
    assert_same(
        &reply,
        &registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop").to_response(),
    );
    assert_eq!(reply.status, 200, "Registration's own convention");
    assert_eq!(reply.header("www-authenticate"), None);

    let reply = server.get("/any", &[]);
    assert_same(&reply, &AnyError::from(app_native::errors::unauthorized()).to_response());
    assert_same(&reply, &app_native::errors::unauthorized().to_response());

    let reply = server.get("/limited", &[]);
    let options = ResponseOptions::default().retry_after(30);
    assert_same(&reply, &authos::errors::rate_limit_exceeded().with_timestamp(TIMESTAMP).to_response_with(&options));
    assert_eq!((reply.status, reply.header("retry-after")), (429, Some("30")));
}

#[test]
fn content_negotiation_over_http() {
    let server = Server::start();
    let error = || authos::errors::forbidden().with_timestamp(TIMESTAMP);

    let reply = server.get("/negotiated", &[("Accept", "application/problem+json")]);
    assert_same(&reply, &error().to_response_with(&ResponseOptions::default().format(BodyFormat::Problem)));
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    let problem: serde_json::Value = serde_json::from_slice(&reply.body).expect("problem details are JSON");
    assert_eq!((problem["status"].as_u64(), problem["error_code"].as_str()), (Some(403), Some("FORBIDDEN")));

    let reply = server.get("/negotiated", &[("Accept", "application/json, application/problem+json;q=0.5")]);
    assert_same(&reply, &error().to_response());
    let reply = server.get("/negotiated", &[("Accept", "*/*")]);
    assert_same(&reply, &error().to_response());
    let reply = server.get("/negotiated", &[]);
    assert_same(&reply, &error().to_response());
    assert_eq!(reply.header("content-type"), Some("application/json"));
}

#[test]
fn one_keep_alive_connection_serves_every_route() {
    let server = Server::start();
    let mut connection = Connection::open(server.address).expect("connects");
    const NATIVE: &[(&str, &str)] = &[];
    const PROBLEM: &[(&str, &str)] = &[("Accept", "application/problem+json")];
    let forbidden = || authos::errors::forbidden().with_timestamp(TIMESTAMP);
    let cases = [
        ("/auth0/token", NATIVE, auth0::errors::invalid_user_password().to_response()),
        ("/negotiated", PROBLEM, forbidden().to_response_with(&ResponseOptions::default().format(BodyFormat::Problem))),
        ("/app-native/authenticators/x", NATIVE, {
            app_native::errors::invalid_authenticator_id("x").with_trace_id("trace-1").to_response()
        }),
        ("/registration/login", NATIVE, {
            registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop").to_response()
        }),
        ("/negotiated", NATIVE, forbidden().to_response()),
    ];
    for round in 0..3 {
        for (path, headers, expected) in &cases {
            let reply = connection.get(path, headers).unwrap_or_else(|error| panic!("round {round} {path}: {error}"));
            assert_same(&reply, expected);
            assert_ne!(reply.header("connection"), Some("close"), "{path}");
        }
    }
}

#[test]
fn two_thousand_requests_over_thirty_two_connections() {
    const CONNECTIONS: usize = 32;
    const REQUESTS: usize = 2_000;
    let server = Server::start();
    let address = server.address;
    let paths = ["/auth0/token", "/registration/login", "/authos/me", "/app-native/authenticators/x"];
    let expected: Vec<(u16, Vec<u8>)> = [
        auth0::errors::invalid_user_password().to_response(),
        registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop").to_response(),
        authos::errors::token_expired().with_timestamp(TIMESTAMP).to_response(),
        app_native::errors::invalid_authenticator_id("x").with_trace_id("trace-1").to_response(),
    ]
    .into_iter()
    .map(|response| (response.status().as_u16(), response.into_body()))
    .collect();
    http_client::get_concurrently("actix-web", address, &paths, &expected, CONNECTIONS, REQUESTS);
}
