//! A real reqwest client against the axum example service on 127.0.0.1:0:
//! every entry of every API, native and problem+json, comes back as the
//! failure the server rendered (code, values, kind, retry advice), and the
//! header cases (`Retry-After` both ways, `DPoP-Nonce`, a bare 401, an HTML
//! 502, an empty 500, a body over the bound) are what an SDK needs.

#[path = "../examples/axum_server.rs"]
#[allow(dead_code)] // the example's `main`
mod server;

use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use auth_error_catalog::reqwest::{Check, Error, check};
use auth_error_catalog::{AnyError, Api, BodyFormat, Defect, Failure, Kind, PROBLEM_JSON, Retry};

async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let address = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, server::router()).await.expect("serves") });
    address
}

async fn failure(client: &reqwest::Client, url: String, accept: &str) -> Failure<'static> {
    let response = client.get(&url).header("accept", accept).send().await.expect("a response");
    match check(response).await {
        Err(Error::Failure(failure)) => *failure,
        Err(other) => panic!("{url}: {other}"),
        Ok(response) => panic!("{url}: a success, {}", response.status()),
    }
}

#[tokio::test]
async fn every_entry_of_every_api_comes_back_as_the_server_rendered_it() {
    let address = serve().await;
    let client = reqwest::Client::new();
    let now = SystemTime::now();
    let mut checked = 0;
    for catalog in auth_error_catalog::catalogs() {
        for entry in catalog.entries() {
            for (accept, format) in [("application/json", BodyFormat::Native), (PROBLEM_JSON, BodyFormat::Problem)] {
                let url = format!("http://{address}/errors/{}/{}", catalog.api(), entry.variant());
                let remote = failure(&client, url.clone(), accept).await;
                // The same response, built in process: what the server sent.
                let options = server::options(Some(accept));
                let sent = AnyError::new(entry, server::values(entry)).unwrap().to_response_with(&options);
                let local = Failure::from_response(&sent);
                let Failure::Api(received) = &remote else { panic!("{url} ({format:?}): {remote:?}") };
                assert_eq!(received.entry().map(|e| e.variant()), Some(entry.variant()), "{url} ({format:?})");
                let values: Vec<(&str, String)> =
                    received.params().iter().map(|(name, value)| (*name, value.to_string())).collect();
                assert_eq!(values, server::values(entry), "{url} ({format:?})");
                assert_eq!(remote.kind(), Some(entry.kind()), "{url} ({format:?})");
                assert_eq!(remote.retry(now), local.retry(now), "{url} ({format:?})");
                assert_eq!(remote.status(), Some(sent.status()), "{url} ({format:?})");
                assert_eq!(remote.content_type(), sent.headers()["content-type"].to_str().ok(), "{url}");
                checked += 1;
            }
        }
    }
    let entries: usize = auth_error_catalog::catalogs().map(|catalog| catalog.entries().len()).sum();
    assert_eq!(checked, entries * 2);
}

#[tokio::test]
async fn the_advice_over_http_for_each_header_case() {
    let address = serve().await;
    let client = reqwest::Client::new();
    let url = |path: &str| format!("http://{address}{path}");
    let now = SystemTime::now();

    // Retry-After as seconds (the crate's own `retry_after(30)`), on a rate limit.
    let limited = failure(&client, url("/errors/authos/RateLimitExceeded"), "application/json").await;
    assert_eq!((limited.api(), limited.retry(now)), (Some(Api::Authos), Retry::After(Duration::from_secs(30))));

    // Retry-After as an HTTP-date, resolved against the caller's now.
    let until = failure(&client, url("/limited-until"), "application/json").await;
    let sixty_before = UNIX_EPOCH + Duration::from_secs(784_111_777 - 60);
    assert_eq!(until.retry(sixty_before), Retry::After(Duration::from_secs(60)));

    let dpop = failure(&client, url("/dpop"), "application/json").await;
    assert_eq!(dpop.retry(now), Retry::WithNonce(server::DPOP_NONCE.to_owned()));

    // A bare 401: the error is in WWW-Authenticate only.
    let bare = failure(&client, url("/userinfo"), "application/json").await;
    let Failure::Challenge(challenge, body) = &bare else { panic!("{bare:?}") };
    assert_eq!((challenge.error(), challenge.description()), (Some("invalid_token"), Some("The access token expired")));
    assert_eq!((body.defect(), bare.kind(), bare.retry(now)), (&Defect::Empty, Some(Kind::Unauthenticated), Retry::No));

    let gateway = failure(&client, url("/gateway"), "application/json").await;
    let Failure::Unrecognised(error) = &gateway else { panic!("{gateway:?}") };
    assert!(matches!(error.defect(), Defect::NotJson(_)));
    assert_eq!(error.excerpt(), "<html><body>502 Bad Gateway</body></html>");
    assert_eq!((gateway.content_type(), gateway.retry(now)), (Some("text/html"), Retry::Backoff));

    let empty = failure(&client, url("/empty"), "application/json").await;
    assert!(matches!(&empty, Failure::Unrecognised(error) if error.defect() == &Defect::Empty));
    assert_eq!((empty.status().map(|s| s.as_u16()), empty.retry(now)), (Some(500), Retry::No));

    // Over the default 1 MiB bound; under a larger one it is an Auth0 error.
    let large = failure(&client, url("/large"), "application/json").await;
    let Failure::Unrecognised(error) = &large else { panic!("{large:?}") };
    assert_eq!(error.defect(), &Defect::TooLarge(1 << 20));
    assert!(large.to_string().contains("exceeds the 1048576-byte bound"), "{large}");
    assert!(error.excerpt().starts_with(r#"{"error":"invalid_request""#));
    let response = client.get(url("/large")).send().await.unwrap();
    match Check::default().with_body_limit(4 << 20).response(response).await {
        Err(Error::Failure(failure)) => assert_eq!(failure.api(), Some(Api::Auth0)),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_success_comes_back_whole_and_a_registration_200_is_decided_by_its_body() {
    let address = serve().await;
    let client = reqwest::Client::new();
    // Registration's errors are HTTP 200 with "stat":"error": the body decides.
    let url = format!("http://{address}/registration/login");
    let failure = failure(&client, url, "application/json").await;
    assert_eq!((failure.api(), failure.status().map(|s| s.as_u16())), (Some(Api::Registration), Some(200)));

    // A 200 that is no error is handed back, rebuilt from the bytes it read.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ok_address = listener.local_addr().unwrap();
    let app = axum::Router::new()
        .route("/ok", axum::routing::get(|| async { ([("x-kept", "yes")], r#"{"stat":"ok","access_token":"z"}"#) }));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let url = format!("http://{ok_address}/ok");
    let response = check(client.get(&url).send().await.unwrap()).await.expect("a success");
    assert_eq!((response.status().as_u16(), response.url().as_str()), (200, url.as_str()));
    assert_eq!(response.headers()["x-kept"], "yes");
    assert_eq!(response.text().await.unwrap(), r#"{"stat":"ok","access_token":"z"}"#);

    // A 404 of a route the service does not have is a failure, not a panic.
    let missing = client.get(format!("http://{ok_address}/nowhere")).send().await.unwrap();
    let error = check(missing).await.unwrap_err();
    assert_eq!(error.failure().and_then(Failure::status).map(|s| s.as_u16()), Some(404));
}

#[path = "../examples/reqwest_retry.rs"]
#[allow(dead_code)] // the example's `main`
mod retry_example;

/// The README's SDK example is the compiled one, line for line.
#[test]
fn the_readme_shows_the_compiled_retry_example() {
    let example = include_str!("../examples/reqwest_retry.rs");
    let (_, rest) = example.split_once("// README: begin\n").expect("the begin marker");
    let (snippet, _) = rest.split_once("// README: end").expect("the end marker");
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("```rust,ignore\n{snippet}```")),
        "README.md's SDK example differs from examples/reqwest_retry.rs"
    );
}

#[tokio::test]
async fn the_retry_example_retries_what_the_advice_allows_and_stops_on_the_rest() {
    let address = serve().await;
    let client = reqwest::Client::new();
    // A final error: one request, at once.
    let started = std::time::Instant::now();
    let denied = retry_example::send(&client, &format!("http://{address}/errors/auth0/AccessDeniedUnauthorized")).await;
    assert_eq!(denied.unwrap_err().failure().and_then(Failure::api), Some(Api::Auth0));
    // A gateway's 502: backed off 50 + 100 + 200 + 400 + 800 ms, then given up.
    let gateway = retry_example::send(&client, &format!("http://{address}/gateway")).await;
    assert_eq!(gateway.unwrap_err().failure().and_then(Failure::status).map(|s| s.as_u16()), Some(502));
    assert!(started.elapsed() >= Duration::from_millis(1_550), "{:?}", started.elapsed());
}
