//! Rendering into a reused buffer allocates nothing, counted by a global
//! allocator that wraps the system one. (The library itself forbids unsafe
//! code; implementing `GlobalAlloc` needs it, so it lives only here.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use auth_error_catalog::{app_native, auth0, authos, registration};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made on this thread while `work` runs.
fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn rendering_into_a_reused_buffer_allocates_nothing() {
    type Render = Box<dyn Fn(&mut Vec<u8>)>;
    let errors: Vec<Render> = vec![
        Box::new({
            let error = app_native::errors::invalid_authenticator_id("abc \"quoted\" \u{2028}").with_trace_id("trace");
            move |out| error.write_json(out)
        }),
        Box::new({
            let error = auth0::errors::sms_provider_error("provider down", "42");
            move |out| error.write_json(out)
        }),
        Box::new({
            let error = authos::errors::token_expired().with_timestamp("2025-01-15T10:30:00Z");
            move |out| error.write_json(out)
        }),
        Box::new({
            let error = registration::errors::invalid_credentials().with_request_token("abcdefghijklmnop");
            move |out| error.write_json(out)
        }),
    ];
    let mut buffer = Vec::with_capacity(4096);
    for render in &errors {
        buffer.clear();
        render(&mut buffer); // warm: the buffer has grown to fit
        let counted = allocations(|| {
            for _ in 0..100 {
                buffer.clear();
                render(&mut buffer);
            }
        });
        assert_eq!(counted, 0, "{}", String::from_utf8_lossy(&buffer));
    }
}

#[test]
fn the_counter_counts() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 64]))) >= 1);
}

#[test]
fn parsing_a_body_of_up_to_six_members_without_escapes_allocates_nothing() {
    let body = br#"{"error":"invalid_request","error_description":"missing username parameter"}"#;
    let counted = allocations(|| {
        let received = auth0::Received::parse(body, None).unwrap();
        assert_eq!(received.code(), Some(auth0::Code::MissingUsername));
    });
    // The members live inline and every string borrows from the body.
    assert_eq!(counted, 0);
    // A numeric code is borrowed too (a real Registration body, SOURCES.md).
    let registration = include_bytes!("data/bodies/registration/100_missing_argument_request_id.json");
    let counted = allocations(|| {
        let received = registration::Received::parse(registration, None).unwrap();
        assert_eq!(received.raw_code(), "100");
    });
    assert_eq!(counted, 0);
    let longer = br#"{"a":1,"b":2,"c":3,"d":4,"error":"invalid_request","e":[5]}"#;
    let received = auth0::Received::parse(longer, None).unwrap();
    assert_eq!(received.members().count(), 6);
    assert_eq!(received.to_json().as_bytes(), longer);
}

/// Reading the common headers that bear on retrying (`Retry-After` in both
/// forms, the rate-limit headers) allocates nothing beyond what parsing the
/// body does: the same count with and without them.
#[test]
fn reading_the_retry_headers_allocates_nothing() {
    let body = br#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#;
    let mut headers = http::HeaderMap::new();
    headers.insert("retry-after", http::HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"));
    headers.insert("x-ratelimit-remaining", http::HeaderValue::from_static("0"));
    headers.insert("x-ratelimit-reset", http::HeaderValue::from_static("784111777"));
    headers.insert("content-type", http::HeaderValue::from_static("application/json; charset=utf-8"));
    let now = std::time::UNIX_EPOCH;
    let parse_only = allocations(|| {
        let received = auth0::Received::parse(body, Some(http::StatusCode::TOO_MANY_REQUESTS)).unwrap();
        assert_eq!(received.retry(now), auth_error_catalog::Retry::Backoff);
    });
    let with_headers = allocations(|| {
        let received = auth0::Received::parse(body, Some(http::StatusCode::TOO_MANY_REQUESTS)).unwrap();
        let received = received.with_headers(&headers);
        assert!(matches!(received.retry(now), auth_error_catalog::Retry::After(_)));
    });
    assert_eq!(with_headers, parse_only);
}
