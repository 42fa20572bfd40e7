//! Runs one hot path 100 000 times, for counting instructions with callgrind,
//! which (unlike wall-clock time on a shared VM) gives the same number every
//! run:
//!
//! ```sh
//! cargo build --release --example instruction_count
//! for path in render floor parse detect from_response derive value none; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instruction_count $path 2>&1 | grep Collected
//! done
//! ```
//!
//! Subtract `none` (start-up) and divide by 100 000 for instructions per call.
//! `render`, `parse`, `detect` (the same parse, the API found by detection)
//! and `from_response` (the same body in an `http::Response` with two
//! headers) are this crate; `floor`, `derive` and `value` are the
//! baselines of `benches/wire.rs`.

use std::borrow::Cow;
use std::hint::black_box;

use auth_error_catalog::{app_native, auth0};

#[path = "../benches/support/shared.rs"]
mod floor;

const AUTHENTICATOR_ID: &str = "QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM";
const TRACE_ID: &str = "3d2c1a5d-9ec2-4ce5-86b6-8d40fecf6a1e";
const BODY: &[u8] = br#"{"error":"invalid_request","error_description":"missing username parameter"}"#;

#[derive(serde::Deserialize)]
struct Auth0Body<'a> {
    #[serde(borrow)]
    error: Cow<'a, str>,
    #[serde(borrow)]
    error_description: Option<Cow<'a, str>>,
}

#[inline(never)]
fn parse() -> bool {
    auth0::Received::parse(black_box(BODY), None).is_ok_and(|received| received.code().is_some())
}

#[inline(never)]
fn detect() -> bool {
    auth_error_catalog::parse(black_box(BODY), None).is_ok_and(|received| received.is_known())
}

#[inline(never)]
fn from_response(response: &http::Response<&'static [u8]>) -> bool {
    auth0::Received::from_response(black_box(response)).is_ok_and(|received| received.code().is_some())
}

#[inline(never)]
fn derive() -> bool {
    serde_json::from_slice::<Auth0Body<'_>>(black_box(BODY)).is_ok_and(|body| {
        auth0::Code::from_pair(&body.error, body.error_description.as_deref().unwrap_or("")).is_some()
    })
}

#[inline(never)]
fn value() -> bool {
    serde_json::from_slice::<serde_json::Value>(black_box(BODY)).is_ok_and(|body| {
        let error = body["error"].as_str().unwrap_or("");
        auth0::Code::from_pair(error, body["error_description"].as_str().unwrap_or("")).is_some()
    })
}

#[inline(never)]
fn render(out: &mut Vec<u8>, error: &app_native::Error) {
    out.clear();
    error.write_json(out);
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let error = app_native::errors::invalid_authenticator_id(AUTHENTICATOR_ID).with_trace_id(TRACE_ID);
    let mut buffer = Vec::with_capacity(512);
    let response = http::Response::builder()
        .status(400)
        .header("content-type", "application/json; charset=utf-8")
        .header("x-ratelimit-remaining", "9")
        .body(BODY)
        .unwrap_or_default();
    let mut count = 0usize;
    for _ in 0..100_000 {
        count += usize::from(match path.as_str() {
            "parse" => parse(),
            "detect" => detect(),
            "from_response" => from_response(&response),
            "derive" => derive(),
            "value" => value(),
            "render" => {
                render(&mut buffer, &error);
                true
            }
            "floor" => {
                buffer.clear();
                floor::hand_written(&mut buffer, black_box(AUTHENTICATOR_ID), black_box(TRACE_ID));
                true
            }
            _ => false,
        });
    }
    println!("{path}: {count} calls");
}
