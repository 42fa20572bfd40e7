//! The lookup tables, renderers and parser share only immutable statics: 8
//! threads doing 100 000 mixed operations each must get exactly what one
//! thread gets doing the same work.
//!
//! Every thread runs all 100 000 operations (four tenths lookups, one tenth
//! Auth0 pair lookups, one tenth Registration catch-all resolutions, two
//! tenths renders, two tenths render-then-parse round trips) and folds every
//! result into a `u64` digest.

use std::hash::{DefaultHasher, Hash, Hasher};

use auth_error_catalog::{Error, ErrorCode, WireFormat, app_native, auth0, authos, registration};

const THREADS: usize = 8;
const OPERATIONS: usize = 100_000;

/// A placeholder value that varies with `i`, sometimes needing JSON escapes.
fn value(i: usize, name: &str) -> String {
    match i % 5 {
        0 => format!("{name}-{i}"),
        1 => format!("quote \" and backslash \\ {i}"),
        2 => format!("line\nbreak\t{i}"),
        3 => format!("ünïcødé {i} ✓"),
        _ => i.to_string(),
    }
}

fn built<C: ErrorCode + WireFormat>(i: usize) -> Error<C> {
    let all = C::all();
    let code = all[(i / 4) % all.len()];
    let mut builder = Error::builder(code);
    for name in code.entry().placeholders() {
        builder = builder.with(name, value(i, name));
    }
    builder.build().expect("every placeholder has a value")
}

/// One rendered body of any API, with its fields fixed so the output depends on `i` alone.
fn render(i: usize) -> (u16, String) {
    match i % 4 {
        0 => {
            let error = built::<app_native::Code>(i).with_trace_id(format!("trace-{i}"));
            (error.http_status().as_u16(), error.to_json())
        }
        1 => {
            let error = built::<auth0::Code>(i);
            (error.http_status().as_u16(), error.to_json())
        }
        2 => {
            let timestamp = format!("2025-01-15T10:{:02}:{:02}.123+00:00", (i / 60) % 60, i % 60);
            let error = built::<authos::Code>(i).with_timestamp(timestamp);
            (error.http_status().as_u16(), error.to_json())
        }
        _ => {
            let error = built::<registration::Code>(i).with_request_token(format!("{i:016}"));
            (200, error.to_json())
        }
    }
}

/// A wire text to look up: a known code of some API, or an unknown one.
fn wire_text(i: usize) -> String {
    let pick = |codes: Vec<&'static str>| codes[(i / 5) % codes.len()].to_owned();
    match i % 5 {
        0 => pick(app_native::Code::iter().map(|code| code.as_str()).collect()),
        1 => pick(auth0::Code::iter().map(|code| code.as_str()).collect()),
        2 => pick(authos::Code::iter().map(|code| code.as_str()).collect()),
        3 => pick(registration::Code::iter().map(|code| code.as_str()).collect()),
        _ => format!("UNKNOWN_{i}"),
    }
}

fn lookup(i: usize, hasher: &mut DefaultHasher) {
    let wire = wire_text(i);
    app_native::Code::from_wire(&wire).map(|code| code.as_str()).hash(hasher);
    auth0::Code::from_wire(&wire).map(|code| code.entry().index()).hash(hasher);
    authos::Code::from_wire(&wire).map(|code| code.http_status().as_u16()).hash(hasher);
    registration::Code::from_wire(&wire).map(|code| code.kind().as_str()).hash(hasher);
}

fn auth0_pair(i: usize, hasher: &mut DefaultHasher) {
    let all = auth0::Code::ALL;
    let code = all[i % all.len()];
    let mut description = code.description().to_owned();
    for name in code.entry().placeholders() {
        description = description.replace(&format!("{{{{{name}}}}}"), &format!("filled {i}"));
    }
    if i % 3 == 0 {
        description.push_str(" (changed)");
    }
    auth0::Code::from_pair(code.as_str(), &description).map(|found| found.entry().index()).hash(hasher);
}

fn resolve(i: usize, hasher: &mut DefaultHasher) {
    let number = ((i * 7919) % 1_100) as u32;
    registration::Code::resolve(number).map(|code| code.as_str()).hash(hasher);
}

fn parse_rendered(i: usize, hasher: &mut DefaultHasher) {
    let (status, body) = render(i);
    let status = http::StatusCode::from_u16(status).ok();
    match auth_error_catalog::parse(body.as_bytes(), status) {
        Ok(received) => {
            received.api().hash(hasher);
            received.raw_code().hash(hasher);
            received.kind().map(|kind| kind.as_str()).hash(hasher);
            received.retryable().hash(hasher);
            received.to_json().hash(hasher);
        }
        Err(error) => error.to_string().hash(hasher),
    }
}

/// The digest of thread `thread`'s 100 000 operations.
fn work(thread: usize) -> u64 {
    let mut hasher = DefaultHasher::new();
    for step in 0..OPERATIONS {
        let i = thread * OPERATIONS + step;
        step.hash(&mut hasher);
        match step % 10 {
            0..=3 => lookup(i, &mut hasher),
            4 => auth0_pair(i, &mut hasher),
            5 => resolve(i, &mut hasher),
            6 | 7 => render(i).hash(&mut hasher),
            _ => parse_rendered(i, &mut hasher),
        }
    }
    hasher.finish()
}

#[test]
fn eight_threads_agree_with_one() {
    let started = std::time::Instant::now();
    let sequential: Vec<u64> = (0..THREADS).map(work).collect();
    let parallel: Vec<u64> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS).map(|thread| scope.spawn(move || work(thread))).collect();
        handles.into_iter().map(|handle| handle.join().expect("no thread panics")).collect()
    });
    assert_eq!(parallel, sequential);
    // Different threads did different work: the digests are not all one value.
    let mut distinct = sequential.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), THREADS);
    eprintln!("{THREADS} × {OPERATIONS} operations, twice: {:?}", started.elapsed());
}

#[test]
fn every_rendered_body_parses_back_to_its_code() {
    for i in 0..400 {
        let (status, body) = render(i);
        let received = auth_error_catalog::parse(body.as_bytes(), http::StatusCode::from_u16(status).ok())
            .unwrap_or_else(|error| panic!("{body}: {error}"));
        assert!(received.is_known(), "{body}");
    }
}
