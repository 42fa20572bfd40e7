//! Retry advice for a client: what a received error lets it do, from the
//! catalog's kind and retryability, the HTTP status, and the response
//! headers that bear on it (`Retry-After`, the rate-limit headers, a DPoP
//! nonce). The advice names no policy: backoff, jitter and limits are the
//! caller's.

use std::borrow::Cow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, StatusCode};

use crate::catalog::Entry;
use crate::kind::Kind;

/// What a client can do about an error, from [`Received::retry`](crate::Received::retry).
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use auth_error_catalog::{Retry, authos::Received};
///
/// let response = http::Response::builder()
///     .status(429)
///     .header("retry-after", "7")
///     .body(r#"{"error":"Slow down","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#)
///     .unwrap();
/// let received = Received::from_response(&response).unwrap();
/// assert_eq!(received.retry(SystemTime::now()), Retry::After(Duration::from_secs(7)));
/// ```
///
/// A client acts on it with its own backoff; with tokio:
///
/// ```text
/// match received.retry(SystemTime::now()) {
///     Retry::After(delay) => tokio::time::sleep(delay).await,            // the server's delay
///     Retry::Backoff => tokio::time::sleep(backoff.next_delay()).await,  // yours
///     Retry::Poll { increase } => { interval += increase; tokio::time::sleep(interval).await }
///     Retry::WithNonce(nonce) => dpop_nonce = Some(nonce),               // once, at once
///     Retry::No | _ => return Err(received.into_owned().into()),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Retry {
    /// Repeating the request unchanged cannot succeed: fix it, authenticate
    /// again, or give up.
    No,
    /// Repeat it after this delay, which the server gave (`Retry-After`, or
    /// the reset time of an exhausted rate limit); zero when that time has
    /// passed.
    After(Duration),
    /// Repeat it after a delay of the caller's backoff policy: the error is
    /// transient and the server named no delay.
    Backoff,
    /// Poll again (the device flow, CIBA, MFA push): after the flow's
    /// interval grown by `increase` (RFC 8628 §3.5: 5 s on `slow_down`, none
    /// on `authorization_pending`).
    Poll {
        /// How much to add to the polling interval.
        increase: Duration,
    },
    /// Repeat it once, at once, with this DPoP nonce (RFC 9449 §8).
    WithNonce(String),
}

/// `{"advice":"after","seconds":7}`, `{"advice":"poll","increase_seconds":5}`,
/// `{"advice":"with_nonce","nonce":"…"}`, `{"advice":"backoff"}`, `{"advice":"no"}`:
/// for logs, and `autherr parse`.
///
/// ```
/// use std::time::Duration;
/// use auth_error_catalog::Retry;
/// assert_eq!(serde_json::to_string(&Retry::After(Duration::from_millis(7_500))).unwrap(), r#"{"advice":"after","seconds":7.5}"#);
/// assert_eq!(serde_json::to_string(&Retry::No).unwrap(), r#"{"advice":"no"}"#);
/// ```
impl serde::Serialize for Retry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Retry::No => map.serialize_entry("advice", "no")?,
            Retry::After(delay) => {
                map.serialize_entry("advice", "after")?;
                map.serialize_entry("seconds", &delay.as_secs_f64())?;
            }
            Retry::Backoff => map.serialize_entry("advice", "backoff")?,
            Retry::Poll { increase } => {
                map.serialize_entry("advice", "poll")?;
                map.serialize_entry("increase_seconds", &increase.as_secs_f64())?;
            }
            Retry::WithNonce(nonce) => {
                map.serialize_entry("advice", "with_nonce")?;
                map.serialize_entry("nonce", nonce)?;
            }
        }
        map.end()
    }
}

/// When `Retry-After` says to come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RetryAfter {
    /// Delta-seconds.
    Seconds(u64),
    /// An HTTP-date, as seconds since the Unix epoch.
    At(u64),
}

/// The response headers that bear on retrying, read once by `from_response`
/// (or [`Received::with_headers`](crate::Received::with_headers)); only a
/// DPoP nonce is copied, so reading the common headers allocates nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RetryHints {
    retry_after: Option<RetryAfter>,
    /// `x-ratelimit-remaining` (Auth0).
    remaining: Option<u64>,
    /// `x-ratelimit-reset`, Unix seconds (Auth0).
    reset: Option<u64>,
    /// The value of the entry's nonce header (`DPoP-Nonce`), if it names one.
    nonce: Option<Box<str>>,
}

/// Auth0's rate-limit headers.
const RATE_LIMIT_REMAINING: &str = "x-ratelimit-remaining";
const RATE_LIMIT_RESET: &str = "x-ratelimit-reset";

/// A header value seen while reading: none yet, one, or more than one
/// (ambiguous, so absent).
#[derive(Clone, Copy)]
enum Seen<'h> {
    None,
    Once(&'h http::HeaderValue),
    Repeated,
}

impl<'h> Seen<'h> {
    fn of(values: http::header::GetAll<'h, http::HeaderValue>) -> Self {
        let mut seen = Seen::None;
        values.iter().for_each(|value| seen.add(value));
        seen
    }

    fn add(&mut self, value: &'h http::HeaderValue) {
        *self = match self {
            Seen::None => Seen::Once(value),
            _ => Seen::Repeated,
        };
    }

    /// The value as text, if it came once and is visible ASCII.
    fn text(self) -> Option<&'h str> {
        match self {
            Seen::Once(value) => value.to_str().ok().map(str::trim),
            _ => None,
        }
    }
}

/// Decimal digits only (RFC 9110's delta-seconds has no sign or fraction:
/// `str::parse` alone would take `+5`); none at all is no number either.
fn seconds(text: &str) -> Option<u64> {
    text.bytes().all(|byte| byte.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

impl RetryHints {
    /// Reads the hints of `headers`; `nonce_header` is the entry's, if any.
    /// One pass over the headers, comparing names: cheaper than hashing
    /// each name for a lookup, on the few headers a response has.
    pub(crate) fn read(headers: &HeaderMap, nonce_header: Option<&str>) -> RetryHints {
        let (mut retry_after, mut remaining, mut reset, mut nonce) = (Seen::None, Seen::None, Seen::None, Seen::None);
        for (name, value) in headers {
            if name == RETRY_AFTER {
                retry_after.add(value);
            } else if name.as_str() == RATE_LIMIT_REMAINING {
                remaining.add(value);
            } else if name.as_str() == RATE_LIMIT_RESET {
                reset.add(value);
            } else if nonce_header.is_some_and(|wanted| name.as_str().eq_ignore_ascii_case(wanted)) {
                nonce.add(value);
            }
        }
        RetryHints {
            retry_after: retry_after.text().and_then(|value| {
                seconds(value).map(RetryAfter::Seconds).or_else(|| crate::time::http_date(value).map(RetryAfter::At))
            }),
            remaining: remaining.text().and_then(seconds),
            reset: reset.text().and_then(seconds),
            nonce: nonce.text().filter(|value| !value.is_empty()).map(Box::from),
        }
    }

    /// The delay the server asked for, as of `now`.
    fn delay(&self, kind: Option<Kind>, now: SystemTime) -> Option<Duration> {
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
        let until = |at: u64| Duration::from_secs(at.saturating_sub(now));
        match self.retry_after {
            Some(RetryAfter::Seconds(seconds)) => Some(Duration::from_secs(seconds)),
            Some(RetryAfter::At(at)) => Some(until(at)),
            // An exhausted rate limit resets at a known time.
            None if kind == Some(Kind::RateLimited) && self.remaining == Some(0) => self.reset.map(until),
            None => None,
        }
    }
}

/// The headers a received error came with: borrowed from the response
/// until the advice or the content type is asked for, and read into an owned
/// copy only when the error is made owned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum SentHeaders<'a> {
    /// The error came without headers (a body parsed alone).
    #[default]
    None,
    Borrowed(&'a HeaderMap),
    Owned(Box<OwnedHeaders>),
}

/// What an owned error keeps of its headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OwnedHeaders {
    hints: RetryHints,
    content_type: Option<Box<str>>,
}

impl<'a> SentHeaders<'a> {
    /// The hints, read now if the headers are only borrowed; `nonce_header`
    /// is the entry's.
    pub(crate) fn hints(&self, nonce_header: Option<&str>) -> Cow<'_, RetryHints> {
        match self {
            SentHeaders::None => Cow::Owned(RetryHints::default()),
            SentHeaders::Borrowed(headers) => Cow::Owned(RetryHints::read(headers, nonce_header)),
            SentHeaders::Owned(owned) => Cow::Borrowed(&owned.hints),
        }
    }

    /// `Content-Type` as sent, if it was given once and is visible ASCII.
    pub(crate) fn content_type(&self) -> Option<&str> {
        match self {
            SentHeaders::None => None,
            SentHeaders::Borrowed(headers) => Seen::of(headers.get_all(CONTENT_TYPE)).text(),
            SentHeaders::Owned(owned) => owned.content_type.as_deref(),
        }
    }

    pub(crate) fn into_owned(self, nonce_header: Option<&str>) -> SentHeaders<'static> {
        match self {
            SentHeaders::None => SentHeaders::None,
            SentHeaders::Borrowed(headers) => SentHeaders::Owned(Box::new(OwnedHeaders {
                hints: RetryHints::read(headers, nonce_header),
                content_type: Seen::of(headers.get_all(CONTENT_TYPE)).text().map(Box::from),
            })),
            SentHeaders::Owned(owned) => SentHeaders::Owned(owned),
        }
    }
}

/// A proxy's or gateway's answer: worth repeating whatever the body says.
fn transient_status(status: Option<StatusCode>) -> bool {
    matches!(status.map(|status| status.as_u16()), Some(502..=504))
}

/// The advice for an error of `entry` (if known), `kind`, `retryable`,
/// received with `status` and `hints`, as of `now`.
pub(crate) fn advise(
    entry: Option<&'static Entry>,
    kind: Option<Kind>,
    retryable: bool,
    status: Option<StatusCode>,
    hints: &RetryHints,
    now: SystemTime,
) -> Retry {
    if let Some(nonce) = &hints.nonce {
        return Retry::WithNonce(nonce.to_string());
    }
    if kind == Some(Kind::Pending) {
        let increase = entry.and_then(Entry::poll_interval_increase).unwrap_or_default();
        return Retry::Poll { increase };
    }
    if !retryable && !transient_status(status) {
        return Retry::No;
    }
    match hints.delay(kind, now) {
        Some(delay) => Retry::After(delay),
        None => Retry::Backoff,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                http::header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                http::HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = at(784_111_777 - 30);
        let seconds = RetryHints::read(&headers(&[("retry-after", "120")]), None);
        assert_eq!(
            advise(None, Some(Kind::RateLimited), true, None, &seconds, now),
            Retry::After(Duration::from_secs(120))
        );
        let date = RetryHints::read(&headers(&[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")]), None);
        assert_eq!(
            advise(None, Some(Kind::RateLimited), true, None, &date, now),
            Retry::After(Duration::from_secs(30))
        );
        // A date in the past: retry now.
        assert_eq!(
            advise(None, Some(Kind::RateLimited), true, None, &date, at(784_111_777 + 5)),
            Retry::After(Duration::ZERO)
        );
        for bad in ["-1", "+5", "1.5", "soon", "", " "] {
            let hints = RetryHints::read(&headers(&[("retry-after", bad)]), None);
            assert_eq!(advise(None, Some(Kind::RateLimited), true, None, &hints, now), Retry::Backoff, "{bad:?}");
        }
        // Two values disagree: neither is trusted.
        let twice = RetryHints::read(&headers(&[("retry-after", "1"), ("retry-after", "2")]), None);
        assert_eq!(advise(None, Some(Kind::RateLimited), true, None, &twice, now), Retry::Backoff);
    }

    #[test]
    fn an_exhausted_rate_limit_resets_at_its_reset_time() {
        let exhausted =
            RetryHints::read(&headers(&[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1000")]), None);
        assert_eq!(
            advise(None, Some(Kind::RateLimited), true, None, &exhausted, at(990)),
            Retry::After(Duration::from_secs(10))
        );
        let left = RetryHints::read(&headers(&[("x-ratelimit-remaining", "3"), ("x-ratelimit-reset", "1000")]), None);
        assert_eq!(advise(None, Some(Kind::RateLimited), true, None, &left, at(990)), Retry::Backoff);
        // The reset time says nothing about an error of another kind.
        assert_eq!(advise(None, Some(Kind::Unavailable), true, None, &exhausted, at(990)), Retry::Backoff);
    }

    #[test]
    fn final_errors_are_final_unless_a_gateway_failed() {
        let none = RetryHints::default();
        assert_eq!(
            advise(None, Some(Kind::InvalidRequest), false, Some(StatusCode::BAD_REQUEST), &none, at(0)),
            Retry::No
        );
        for status in [502, 503, 504] {
            let status = StatusCode::from_u16(status).ok();
            assert_eq!(advise(None, Some(Kind::InvalidRequest), false, status, &none, at(0)), Retry::Backoff);
        }
        assert_eq!(advise(None, Some(Kind::Internal), false, StatusCode::from_u16(500).ok(), &none, at(0)), Retry::No);
        assert_eq!(advise(None, None, false, StatusCode::from_u16(501).ok(), &none, at(0)), Retry::No);
    }

    #[test]
    fn a_nonce_header_is_read_only_where_the_entry_names_it() {
        let map = headers(&[("dpop-nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v")]);
        let with = RetryHints::read(&map, Some("DPoP-Nonce"));
        assert_eq!(
            advise(None, None, true, None, &with, at(0)),
            Retry::WithNonce("eyJ7S_zG.eyJH0-Z.HX4w-7v".to_owned())
        );
        let without = RetryHints::read(&map, None);
        assert_eq!(advise(None, None, true, None, &without, at(0)), Retry::Backoff);
        let empty = RetryHints::read(&headers(&[("dpop-nonce", "")]), Some("DPoP-Nonce"));
        assert_eq!(empty.nonce, None);
    }
}
