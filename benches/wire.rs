//! Rendering and parsing wire bodies, beside the baselines the targets name:
//! a hand-written writer of pre-escaped fragments (the floor), a serde
//! derive, `serde_json::json!`, and for parsing a borrowed serde derive.
//!
//! Run: `cargo bench --bench wire`.

use std::borrow::Cow;
use std::hint::black_box;

use auth_error_catalog::{app_native, auth0};
use criterion::{Criterion, criterion_group, criterion_main};
use serde::{Deserialize, Serialize};

const AUTHENTICATOR_ID: &str = "QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM";
const TRACE_ID: &str = "3d2c1a5d-9ec2-4ce5-86b6-8d40fecf6a1e";

#[path = "support/shared.rs"]
mod support;
use support::hand_written;

#[derive(Serialize)]
struct AppNativeBody<'a> {
    code: &'a str,
    message: &'a str,
    description: String,
    #[serde(rename = "traceId")]
    trace_id: &'a str,
}

fn render(c: &mut Criterion) {
    let error = app_native::errors::invalid_authenticator_id(AUTHENTICATOR_ID).with_trace_id(TRACE_ID);
    let mut expected = Vec::new();
    hand_written(&mut expected, AUTHENTICATOR_ID, TRACE_ID);
    assert_eq!(error.to_json().as_bytes(), expected, "the baseline renders the same body");

    let mut group = c.benchmark_group("render/app_native_60004");
    let mut buffer = Vec::with_capacity(512);
    group.bench_function("crate_write_json", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&error).write_json(&mut buffer);
            black_box(buffer.len())
        })
    });
    group.bench_function("hand_written_fragments", |b| {
        b.iter(|| {
            buffer.clear();
            hand_written(&mut buffer, black_box(AUTHENTICATOR_ID), black_box(TRACE_ID));
            black_box(buffer.len())
        })
    });
    group.bench_function("serde_derive", |b| {
        b.iter(|| {
            buffer.clear();
            let body = AppNativeBody {
                code: "ABA-60004",
                message: "Invalid authenticatorId.",
                description: format!("Provided authenticatorId {} is invalid.", black_box(AUTHENTICATOR_ID)),
                trace_id: black_box(TRACE_ID),
            };
            serde_json::to_writer(&mut buffer, &body).unwrap();
            black_box(buffer.len())
        })
    });
    group.bench_function("serde_json_macro", |b| {
        b.iter(|| {
            buffer.clear();
            let body = serde_json::json!({
                "code": "ABA-60004",
                "message": "Invalid authenticatorId.",
                "description": format!("Provided authenticatorId {} is invalid.", black_box(AUTHENTICATOR_ID)),
                "traceId": black_box(TRACE_ID),
            });
            serde_json::to_writer(&mut buffer, &body).unwrap();
            black_box(buffer.len())
        })
    });
    group.finish();
}

#[derive(Deserialize)]
struct Auth0Body<'a> {
    #[serde(borrow)]
    error: Cow<'a, str>,
    #[serde(borrow)]
    error_description: Option<Cow<'a, str>>,
}

const AUTH0_BODY: &[u8] = br#"{"error":"invalid_request","error_description":"missing username parameter"}"#;

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse/auth0_small");
    group.bench_function("crate_received_parse", |b| {
        b.iter(|| auth0::Received::parse(black_box(AUTH0_BODY), None).map(|received| received.code()))
    });
    // Issue 14's budget: from_response at most 1.1× Received::parse.
    let response = http::Response::builder()
        .status(400)
        .header("content-type", "application/json; charset=utf-8")
        .header("x-ratelimit-remaining", "9")
        .body(AUTH0_BODY)
        .unwrap_or_default();
    group.bench_function("crate_from_response", |b| {
        b.iter(|| auth0::Received::from_response(black_box(&response)).map(|received| received.code()))
    });
    group.bench_function("crate_detecting_parse", |b| {
        b.iter(|| auth_error_catalog::parse(black_box(AUTH0_BODY), None).map(|received| received.is_known()))
    });
    group.bench_function("borrowed_serde_derive_then_classify", |b| {
        b.iter(|| {
            let body: Auth0Body<'_> = serde_json::from_slice(black_box(AUTH0_BODY)).unwrap();
            auth0::Code::from_pair(&body.error, body.error_description.as_deref().unwrap_or(""))
        })
    });
    group.bench_function("serde_json_value_then_classify", |b| {
        b.iter(|| {
            let body: serde_json::Value = serde_json::from_slice(black_box(AUTH0_BODY)).unwrap();
            auth0::Code::from_pair(
                body["error"].as_str().unwrap_or(""),
                body["error_description"].as_str().unwrap_or(""),
            )
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = render, parse
}
criterion_main!(benches);
