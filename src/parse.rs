//! The SDK side: a received error body, parsed into a typed error that keeps
//! everything it does not know. Which API sent a body is `detect.rs`'s.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::catalog::{Classified, Match, RegisteredError};
use crate::kind::Kind;
use crate::retry::{Retry, SentHeaders};
use crate::wire::WireFormat;

/// How much of a rejected body a [`ParseError`] quotes.
const EXCERPT_CHARS: usize = 120;

/// Why a body is not an error body of the API (or of any API).
///
/// ```
/// let err = auth_error_catalog::parse(b"<html>Bad gateway</html>", Some(http::StatusCode::BAD_GATEWAY)).unwrap_err();
/// assert_eq!(err.status(), Some(http::StatusCode::BAD_GATEWAY));
/// assert!(err.to_string().starts_with("HTTP 502: the body is not JSON"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{defect}: {excerpt:?}", status_prefix(.status))]
pub struct ParseError {
    status: Option<StatusCode>,
    defect: Defect,
    excerpt: String,
    headers: SentHeaders<'static>,
}

fn status_prefix(status: &Option<StatusCode>) -> String {
    status.map(|status| format!("HTTP {}: ", status.as_u16())).unwrap_or_default()
}

/// What is wrong with a body.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Defect {
    /// Empty, or only white space.
    #[error("the body is empty")]
    Empty,
    /// Not JSON, or not valid UTF-8. (A member nested however deeply is kept
    /// as raw text, without recursion.)
    #[error("the body is not JSON ({0})")]
    NotJson(String),
    /// JSON, but not an object.
    #[error("the body is JSON but not an object")]
    NotAnObject,
    /// An object, but not an error body of the API (or of any of the four).
    #[error("the body is not an error body of {0}")]
    WrongShape(&'static str),
    /// Longer than the bound the reader was given, in bytes (the excerpt
    /// is of what was read).
    #[error("the body exceeds the {0}-byte bound")]
    TooLarge(usize),
}

impl ParseError {
    pub(crate) fn new(status: Option<StatusCode>, defect: Defect, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_CHARS * 4)]);
        let mut excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
        if excerpt.len() < text.len() || body.len() > EXCERPT_CHARS * 4 {
            excerpt.push('…');
        }
        ParseError { status, defect, excerpt, headers: SentHeaders::None }
    }

    /// The same error, keeping what `headers` say about the response.
    pub(crate) fn with_headers(mut self, headers: &http::HeaderMap) -> Self {
        self.headers = SentHeaders::Borrowed(headers).into_owned(None);
        self
    }

    /// The HTTP status the body came with, if given.
    ///
    /// ```
    /// let err = auth_error_catalog::parse(b"", None).unwrap_err();
    /// assert_eq!(err.status(), None);
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// What is wrong.
    ///
    /// ```
    /// use auth_error_catalog::Defect;
    /// let err = auth_error_catalog::parse(b"[1, 2]", None).unwrap_err();
    /// assert_eq!(err.defect(), &Defect::NotAnObject);
    /// ```
    pub fn defect(&self) -> &Defect {
        &self.defect
    }

    /// The start of the body (at most 120 characters), for logs.
    ///
    /// ```
    /// let err = auth_error_catalog::parse(b"Service Unavailable", None).unwrap_err();
    /// assert_eq!(err.excerpt(), "Service Unavailable");
    /// ```
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }

    /// `Content-Type` as the response sent it, when the body came with its
    /// headers ([`Received::from_response`], [`parse_response`](crate::parse_response)).
    ///
    /// ```
    /// let response = http::Response::builder().status(502).header("content-type", "text/html").body("<html>Bad gateway</html>").unwrap();
    /// let err = auth_error_catalog::parse_response(&response).unwrap_err();
    /// assert_eq!(err.content_type(), Some("text/html"));
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.headers.content_type()
    }

    /// What the client can do, as of `now`, when the response had no error
    /// body: the kind its HTTP status implies, and the headers (`Retry-After`).
    /// A proxy's 502, 503 or 504 is worth repeating; an empty 500 is not.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use auth_error_catalog::Retry;
    ///
    /// let html = http::Response::builder().status(503).header("retry-after", "9").body("<html>Down</html>").unwrap();
    /// let err = auth_error_catalog::parse_response(&html).unwrap_err();
    /// assert_eq!(err.retry(SystemTime::now()), Retry::After(Duration::from_secs(9)));
    /// let empty = http::Response::builder().status(500).body("").unwrap();
    /// assert_eq!(auth_error_catalog::parse_response(&empty).unwrap_err().retry(SystemTime::now()), Retry::No);
    /// ```
    pub fn retry(&self, now: std::time::SystemTime) -> Retry {
        match self.status.map(Kind::for_status) {
            Some(kind) => self.retry_as(kind, kind.usually_retryable(), now),
            None => Retry::No,
        }
    }

    /// The advice for a response of `kind` that carried this body.
    pub(crate) fn retry_as(&self, kind: Kind, retryable: bool, now: std::time::SystemTime) -> Retry {
        crate::retry::advise(None, Some(kind), retryable, self.status, &self.headers.hints(None), now)
    }
}

/// A string that borrows from the input when it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// Where a text lies in its [`ReceivedMembers`]' text: bodies are bounded
/// to 4 GiB, so a span is 8 bytes and a member 16.
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// `range` of a text of at most `u32::MAX` bytes.
    fn of_range(range: std::ops::Range<usize>) -> Self {
        let bound = |index: usize| u32::try_from(index).unwrap_or(u32::MAX);
        Span { start: bound(range.start), end: bound(range.end) }
    }

    /// The span's text in `text` (empty if it is outside).
    fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or_default()
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The largest body [`read_object`] reads: its spans are `u32`s.
const MAX_BODY: usize = u32::MAX as usize;

/// The members of a received object, in order: each a name and its value as
/// raw JSON text, held as spans of one text. That text is the body itself
/// when its names have no escapes (so parsing copies nothing), else a buffer
/// of the decoded names and the values; an owned copy owns it. Error bodies
/// have a handful of members, so the first six live inline and a typical
/// body is parsed without allocating.
#[derive(Clone, Debug)]
pub(crate) struct ReceivedMembers<'a> {
    text: Cow<'a, str>,
    spans: Spans,
    /// Bit `i`: member `i`'s value is a string without escapes in the body
    /// itself, which is then its contents between the quotes. Only the
    /// first 64 members are marked; the others are looked at when asked for.
    plain: u64,
}

const INLINE: usize = 6;

#[derive(Clone, Debug)]
enum Spans {
    Inline(u8, [(Span, Span); INLINE]),
    Heap(Vec<(Span, Span)>),
}

impl Spans {
    fn new() -> Self {
        Spans::Inline(0, [(Span::default(), Span::default()); INLINE])
    }

    fn push(&mut self, member: (Span, Span)) {
        match self {
            Spans::Inline(len, items) if usize::from(*len) < INLINE => {
                items[usize::from(*len)] = member;
                *len += 1;
            }
            Spans::Inline(_, items) => {
                let mut heap = Vec::with_capacity(INLINE * 2);
                heap.extend_from_slice(items);
                heap.push(member);
                *self = Spans::Heap(heap);
            }
            Spans::Heap(heap) => heap.push(member),
        }
    }

    fn as_slice(&self) -> &[(Span, Span)] {
        match self {
            Spans::Inline(len, items) => &items[..usize::from(*len)],
            Spans::Heap(heap) => heap,
        }
    }
}

impl<'a> ReceivedMembers<'a> {
    /// Every member's name and raw value, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.spans.as_slice().iter().map(|(name, value)| (name.of(&self.text), value.of(&self.text)))
    }

    /// The last member named `name`, as spans of the text.
    fn find(&self, name: &str) -> Option<Span> {
        self.find_indexed(name).map(|(_, value)| value)
    }

    /// [`find`](ReceivedMembers::find), with the member's index.
    fn find_indexed(&self, name: &str) -> Option<(usize, Span)> {
        let text = self.text.as_bytes();
        let name = name.as_bytes();
        let found =
            self.spans.as_slice().iter().enumerate().rev().find(|(_, (key, _))| text.get(key.range()) == Some(name));
        found.map(|(index, (_, value))| (index, *value))
    }

    /// The contents of member `index`'s value, where it is a string without
    /// escapes in the body itself: as [`plain`](ReceivedMembers::plain)
    /// marks it, and past the members it marks, as the value shows.
    fn plain_string(&self, index: usize, value: Span) -> Option<&'a str> {
        let marked = match u32::try_from(index).ok().and_then(|index| self.plain.checked_shr(index)) {
            Some(bits) => bits & 1 == 1,
            None => self.looks_plain(value),
        };
        let text = self.borrowed_text().filter(|_| marked)?;
        let quoted = value.range();
        text.get(quoted.start + 1..quoted.end.saturating_sub(1))
    }

    /// Member `index`'s value as a string, or `None` when it is not one.
    #[inline]
    fn string_at(&self, index: usize, value: Span) -> Option<Cow<'a, str>> {
        match self.plain_string(index, value) {
            Some(contents) => Some(Cow::Borrowed(contents)),
            None => decoded_string(value.of(&self.text)).map(Cow::Owned),
        }
    }

    /// Whether a value past the marked members is a string without escapes.
    #[cold]
    fn looks_plain(&self, value: Span) -> bool {
        let raw = value.of(&self.text);
        raw.len() >= 2 && raw.starts_with('"') && !raw.contains('\\')
    }

    /// The text, where it is the body's and lives as long.
    fn borrowed_text(&self) -> Option<&'a str> {
        match self.text {
            Cow::Borrowed(text) => Some(text),
            Cow::Owned(_) => None,
        }
    }

    /// The members as `RawValue`s, for the public accessors. Every value
    /// was read as JSON, so none is left out.
    pub(crate) fn raw_values(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.iter().filter_map(|(name, value)| Some((name, raw_value(value)?)))
    }

    /// The members as a JSON object, values as received.
    pub(crate) fn to_json(&self) -> String {
        let mut out =
            Vec::with_capacity(self.iter().map(|(name, value)| name.len() + value.len() + 4).sum::<usize>() + 2);
        out.push(b'{');
        for (index, (name, value)) in self.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            crate::json::string_into(&mut out, name);
            out.push(b':');
            out.extend_from_slice(value.as_bytes());
        }
        out.push(b'}');
        String::from_utf8(out).unwrap_or_default()
    }

    pub(crate) fn into_owned(self) -> ReceivedMembers<'static> {
        // An owned text lives as long as the copy, not the body: nothing is plain in it.
        ReceivedMembers { text: Cow::Owned(self.text.into_owned()), spans: self.spans, plain: 0 }
    }
}

/// A value already read as JSON, as serde_json's `RawValue`: made when a
/// caller asks for it, so that parsing need not.
fn raw_value(value: &str) -> Option<&RawValue> {
    serde_json::from_str(value).ok()
}

/// Every member of a JSON object, in order, values kept as raw JSON: what
/// serde_json reads when [`flat_object`](crate::flat_object) refuses a body.
/// Its names may have been decoded, so they and the values are copied into
/// a text of their own.
struct Object(ReceivedMembers<'static>);

impl<'de> de::Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Object, M::Error> {
                let mut text = String::new();
                let mut spans = Spans::new();
                let mut append = |piece: &str| {
                    let start = text.len();
                    text.push_str(piece);
                    Span::of_range(start..text.len())
                };
                while let Some(Text(name)) = map.next_key()? {
                    let value: &'de RawValue = map.next_value()?;
                    spans.push((append(&name), append(value.get())));
                }
                Ok(Object(ReceivedMembers { text: Cow::Owned(text), spans, plain: 0 }))
            }
        }
        deserializer.deserialize_map(ObjectVisitor)
    }
}

pub(crate) fn read_object(body: &[u8], status: Option<StatusCode>) -> Result<ReceivedMembers<'_>, ParseError> {
    // JSON's white space: not form feed, which `u8::is_ascii_whitespace` allows.
    if body.iter().all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r')) {
        return Err(ParseError::new(status, Defect::Empty, body));
    }
    if body.len() > MAX_BODY {
        return Err(ParseError::new(status, Defect::TooLarge(MAX_BODY), body));
    }
    // Checking UTF-8 once, up front, spares the readers checking every
    // string; JSON text is UTF-8 in any case (RFC 8259 §8.1).
    let text = std::str::from_utf8(body)
        .map_err(|error| ParseError::new(status, Defect::NotJson(format!("not UTF-8: {error}")), body))?;
    let mut spans = Spans::new();
    let mut plain = 0;
    let mut index = 0_u32;
    let read = crate::flat_object::read_members(text, |name, value, is_plain| {
        spans.push((Span::of_range(name), Span::of_range(value)));
        plain |= u64::from(is_plain).checked_shl(index).unwrap_or(0);
        index = index.saturating_add(1);
    });
    if read {
        return Ok(ReceivedMembers { text: Cow::Borrowed(text), spans, plain });
    }
    match serde_json::from_str::<Object>(text) {
        Ok(Object(members)) => Ok(members),
        Err(error) if error.is_data() => Err(ParseError::new(status, Defect::NotAnObject, body)),
        Err(error) => Err(ParseError::new(status, Defect::NotJson(error.to_string()), body)),
    }
}

/// The last member named `name`, as raw JSON: with duplicate keys, the one
/// serde_json's `Value` and JavaScript's `JSON.parse` keep.
pub(crate) fn member<'m>(members: &'m ReceivedMembers<'_>, name: &str) -> Option<&'m str> {
    members.find(name).map(|value| value.of(&members.text))
}

/// The last member named `name`, as a `RawValue`.
pub(crate) fn raw_member<'m>(members: &'m ReceivedMembers<'_>, name: &str) -> Option<&'m RawValue> {
    member(members, name).and_then(raw_value)
}

/// A member's string value, or `None` when it is absent or not a string.
pub(crate) fn string_member<'a>(members: &ReceivedMembers<'a>, name: &str) -> Option<Cow<'a, str>> {
    let (index, span) = members.find_indexed(name)?;
    members.string_at(index, span)
}

/// A raw value's contents, if it is a string: only a string is worth
/// decoding, since asking serde_json to read any other value as one builds
/// an error, which allocates.
#[cold]
fn decoded_string(raw: &str) -> Option<String> {
    if !raw.starts_with('"') {
        return None;
    }
    serde_json::from_str::<Text<'_>>(raw).ok().map(|Text(text)| text.into_owned())
}

/// A code sent as a string, or as a number of any size or form (kept as its
/// JSON text, which for an integer is already the canonical decimal: JSON has
/// no leading zeros or `+`). A number that is no integer (`2.1E2`) is kept as
/// an unknown code rather than losing the body: the catalog only matches
/// integers, and RFC 8259 does not say whether `2.1E2` and `210` are equal.
pub(crate) fn code_member<'a>(members: &ReceivedMembers<'a>, name: &str) -> Option<Cow<'a, str>> {
    // One search for the member, whether it holds a string or a number.
    let (index, span) = members.find_indexed(name)?;
    if let Some(text) = members.string_at(index, span) {
        return Some(text);
    }
    let raw = span.of(&members.text);
    // A raw member is valid JSON, and only a number starts with `-` or a digit.
    if !raw.starts_with(|first: char| first == '-' || first.is_ascii_digit()) {
        return None;
    }
    // A number is its own text: borrowed from the body, copied from an owned text.
    Some(members.borrowed_text().map_or_else(|| Cow::Owned(raw.to_owned()), |text| Cow::Borrowed(span.of(text))))
}

/// An error body received from one API, typed where the catalog knows it and
/// complete where it does not: every member is kept, in order, and
/// [`to_json`](Received::to_json) gives back a JSON value equal to the body.
///
/// ```
/// use auth_error_catalog::{Match, app_native::{Code, Received}};
///
/// let body = br#"{"code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId abc is invalid.","traceId":"t1","extra":[1,2]}"#;
/// let received = Received::parse(body, None).unwrap();
/// assert_eq!(received.code(), Some(Code::InvalidAuthenticatorId));
/// assert_eq!(received.matched(), Match::Exact);
/// assert_eq!(received.params(), [("authenticator_id", "abc".into())]);
/// assert_eq!(received.member("extra").map(|raw| raw.get()), Some("[1,2]"));
/// assert_eq!(received.to_json().as_bytes(), body);
/// ```
#[derive(Clone, Debug)]
pub struct Received<'a, C> {
    members: ReceivedMembers<'a>,
    status: Option<StatusCode>,
    raw_code: Cow<'a, str>,
    description: Option<Cow<'a, str>>,
    classified: Classified<C>,
    params: Vec<(&'static str, Cow<'a, str>)>,
    headers: SentHeaders<'a>,
}

impl<'a, C: WireFormat> Received<'a, C> {
    /// Parses `body`, received with HTTP `status` where known.
    ///
    /// ```
    /// use auth_error_catalog::registration::{Code, Received};
    /// let body = br#"{"stat":"error","code":218,"error":"new_thing","request_id":"abcdefghijklmnop"}"#;
    /// let received = Received::parse(body, Some(http::StatusCode::OK)).unwrap();
    /// assert_eq!(received.code(), Some(Code::InvalidCredentials)); // 218 → its catch-all 210
    /// assert_eq!(received.raw_code(), "218");
    /// ```
    pub fn parse(body: &'a [u8], status: Option<StatusCode>) -> Result<Self, ParseError> {
        let members = read_object(body, status)?;
        Self::from_members(members, status).map_err(|defect| ParseError::new(status, defect, body))
    }

    #[inline]
    pub(crate) fn from_members(members: ReceivedMembers<'a>, status: Option<StatusCode>) -> Result<Self, Defect> {
        let shape = C::SHAPE;
        let wrong_shape = || Defect::WrongShape(C::API.as_str());
        let has = |name: &&str| member(&members, name).is_some();
        if !shape.required.iter().all(has) || !(shape.any_of.is_empty() || shape.any_of.iter().any(has)) {
            return Err(wrong_shape());
        }
        let raw_code = shape.code.iter().find_map(|name| code_member(&members, name)).ok_or_else(wrong_shape)?;
        let description = shape.description.iter().find_map(|name| string_member(&members, name));
        let classified = C::classify(&raw_code, description.as_deref());
        // A catch-all stands for another code: its template is not the body's.
        let own_entry = match classified {
            Classified::CatchAll(_) => None,
            other => other.code(),
        };
        let params = match (own_entry, description.as_deref()) {
            (Some(code), Some(text)) if !code.entry().placeholders().is_empty() => code
                .entry()
                .captures(text)
                .unwrap_or_default()
                .into_iter()
                .map(|(name, value)| (name, Cow::Owned(value.to_owned())))
                .collect(),
            _ => Vec::new(),
        };
        Ok(Received { members, status, raw_code, description, classified, params, headers: SentHeaders::None })
    }

    /// The code, where the catalog has it (for Registration also its catch-all).
    ///
    /// ```
    /// use auth_error_catalog::app_native::Received;
    /// let received = Received::parse(br#"{"code":"AD-60001","message":"Custom failure"}"#, None).unwrap();
    /// assert_eq!(received.code(), None);
    /// assert_eq!(received.raw_code(), "AD-60001");
    /// ```
    pub fn code(&self) -> Option<C> {
        self.classified.code()
    }

    /// The code exactly as received (a numeric code as its JSON text).
    ///
    /// ```
    /// use auth_error_catalog::authos::Received;
    /// let body = br#"{"error":"Slow down","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00.5+00:00"}"#;
    /// assert_eq!(Received::parse(body, None).unwrap().raw_code(), "RATE_LIMIT_EXCEEDED");
    /// ```
    pub fn raw_code(&self) -> &str {
        &self.raw_code
    }

    /// Whether the code was found in the catalog in any way.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// assert!(!Received::parse(br#"{"error":"new_error"}"#, None).unwrap().is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        self.classified.code().is_some()
    }

    /// How the code was matched.
    ///
    /// ```
    /// use auth_error_catalog::{Match, auth0::Received};
    /// let received = Received::parse(br#"{"error":"invalid_request","error_description":"something new"}"#, None).unwrap();
    /// assert_eq!(received.matched(), Match::Generic);
    /// ```
    pub fn matched(&self) -> Match {
        self.classified.matched()
    }

    /// The description as received, where there is one.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let received = Received::parse(br#"{"error":"access_denied"}"#, None).unwrap();
    /// assert_eq!(received.description(), None);
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The placeholder values the description filled, in template order.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let body = br#"{"error":"too_many_attempts","error_description":"Your account has been blocked."}"#;
    /// let received = Received::parse(body, None).unwrap();
    /// assert_eq!(received.params(), [("reason", "Your account has been blocked.".into())]);
    /// ```
    pub fn params(&self) -> &[(&'static str, Cow<'a, str>)] {
        &self.params
    }

    /// A member's raw JSON value (the last one, if the name repeats).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let received = Received::parse(br#"{"error":"mfa_required","mfa_token":"Fe26..."}"#, None).unwrap();
    /// assert_eq!(received.member("mfa_token").map(|raw| raw.get()), Some("\"Fe26...\""));
    /// ```
    pub fn member(&self, name: &str) -> Option<&RawValue> {
        raw_member(&self.members, name)
    }

    /// Every member, in the order received.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let received = Received::parse(br#"{"statusCode":400,"error":"invalid_scope"}"#, None).unwrap();
    /// let names: Vec<&str> = received.members().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["statusCode", "error"]);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members.raw_values()
    }

    /// The HTTP status: the one received, else the catalog's.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let body = br#"{"error":"invalid_grant","error_description":"Wrong email or password."}"#;
    /// assert_eq!(Received::parse(body, None).unwrap().http_status().map(|s| s.as_u16()), Some(403));
    /// assert_eq!(Received::parse(body, Some(http::StatusCode::UNAUTHORIZED)).unwrap().http_status().map(|s| s.as_u16()), Some(401));
    /// ```
    pub fn http_status(&self) -> Option<StatusCode> {
        self.status.or_else(|| self.code().map(|code| code.http_status()))
    }

    /// The kind: the catalog's; for a code the catalog does not know, the
    /// one its registry gives ([`Catalog::registered_error`]); else the one
    /// the HTTP status implies.
    ///
    /// ```
    /// use auth_error_catalog::{Kind, auth0::Received};
    /// let received = Received::parse(br#"{"error":"new_error"}"#, Some(http::StatusCode::TOO_MANY_REQUESTS)).unwrap();
    /// assert_eq!(received.kind(), Some(Kind::RateLimited));
    /// let registered = Received::parse(br#"{"error":"invalid_authorization_details"}"#, Some(http::StatusCode::BAD_REQUEST)).unwrap();
    /// assert_eq!((registered.is_known(), registered.kind()), (false, Some(Kind::InvalidRequest)));
    /// ```
    ///
    /// [`Catalog::registered_error`]: crate::Catalog::registered_error
    pub fn kind(&self) -> Option<Kind> {
        match (self.code(), self.registered_error()) {
            (Some(code), _) => Some(code.kind()),
            (None, Some(registered)) => Some(registered.kind()),
            (None, None) => self.status.map(Kind::for_status),
        }
    }

    /// Whether repeating the request later can succeed: the catalog's answer,
    /// else the registry's, else the one the kind implies.
    ///
    /// ```
    /// use auth_error_catalog::authos::Received;
    /// let body = br#"{"error":"Slow down","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#;
    /// assert!(Received::parse(body, None).unwrap().retryable());
    /// ```
    pub fn retryable(&self) -> bool {
        match (self.code(), self.registered_error()) {
            (Some(code), _) => code.retryable(),
            (None, Some(registered)) => registered.retryable(),
            (None, None) => self.kind().is_some_and(Kind::usually_retryable),
        }
    }

    /// The registry's record of the received code, where the API follows a
    /// registry that has it (Auth0: the IANA OAuth Extensions Error
    /// Registry). It tells what a code means that the catalog has no entry for.
    ///
    /// ```
    /// use auth_error_catalog::{Kind, auth0::Received};
    /// let received = Received::parse(br#"{"error":"invalid_authorization_details"}"#, None).unwrap();
    /// assert_eq!(received.registered_error().unwrap().kind(), Kind::InvalidRequest);
    /// ```
    pub fn registered_error(&self) -> Option<&'static RegisteredError> {
        C::catalog().registered_error(&self.raw_code)
    }

    /// The body again, from the members as received: a JSON value equal to it.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let body = br#"{"error":"x","nested":{"a":[1,2.50,"\u00e9"]}}"#;
    /// assert_eq!(Received::parse(body, None).unwrap().to_json(), String::from_utf8_lossy(body));
    /// ```
    pub fn to_json(&self) -> String {
        self.members.to_json()
    }

    /// The same error, owning its data.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let owned: Received<'static> = {
    ///     let body = br#"{"error":"access_denied"}"#.to_vec();
    ///     Received::parse(&body, None).unwrap().into_owned()
    /// };
    /// assert_eq!(owned.raw_code(), "access_denied");
    /// ```
    pub fn into_owned(self) -> Received<'static, C> {
        let nonce_header = self.nonce_header();
        let headers = self.headers.into_owned(nonce_header);
        Received {
            members: self.members.into_owned(),
            status: self.status,
            raw_code: Cow::Owned(self.raw_code.into_owned()),
            description: self.description.map(|text| Cow::Owned(text.into_owned())),
            classified: self.classified,
            params: self.params.into_iter().map(|(name, value)| (name, Cow::Owned(value.into_owned()))).collect(),
            headers,
        }
    }

    /// Parses the body of `response`, with its status and the headers that
    /// bear on retrying ([`retry`](Received::retry)).
    ///
    /// ```
    /// use auth_error_catalog::{Retry, auth0::{Code, Received}};
    ///
    /// let response = http::Response::builder()
    ///     .status(400)
    ///     .header("dpop-nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v")
    ///     .body(br#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}"#)
    ///     .unwrap();
    /// let received = Received::from_response(&response).unwrap();
    /// assert_eq!(received.code(), Some(Code::DpopNonceRequired));
    /// assert_eq!(received.retry(std::time::SystemTime::now()), Retry::WithNonce("eyJ7S_zG.eyJH0-Z.HX4w-7v".into()));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: &'a http::Response<B>) -> Result<Self, ParseError> {
        Self::parse(response.body().as_ref(), Some(response.status()))
            .map(|received| received.with_headers(response.headers()))
            .map_err(|error| error.with_headers(response.headers()))
    }

    /// The entry's nonce header (`DPoP-Nonce`), if it names one.
    fn nonce_header(&self) -> Option<&'static str> {
        self.code().and_then(|code| code.entry().nonce_header())
    }

    /// The same error, with the response headers that bear on retrying:
    /// `Retry-After` (seconds or an HTTP-date), `x-ratelimit-remaining` and
    /// `x-ratelimit-reset`, and the entry's nonce header.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use auth_error_catalog::{Retry, auth0::Received};
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap());
    /// let body = br#"{"error":"too_many_attempts","error_description":"Your account has been blocked."}"#;
    /// let received = Received::parse(body, None).unwrap().with_headers(&headers);
    /// let now = UNIX_EPOCH + Duration::from_secs(784_111_777 - 60);
    /// assert_eq!(received.retry(now), Retry::After(Duration::from_secs(60)));
    /// ```
    pub fn with_headers(mut self, headers: &'a http::HeaderMap) -> Self {
        // Borrowed: read only when the advice is asked for.
        self.headers = SentHeaders::Borrowed(headers);
        self
    }

    /// `Content-Type` as the response sent it, when the error came with its
    /// headers ([`from_response`](Received::from_response)). The body was
    /// read as JSON whatever it says: real servers send JSON as `text/html`.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Received;
    /// let response = http::Response::builder()
    ///     .status(403)
    ///     .header("content-type", "text/html; charset=utf-8")
    ///     .body(br#"{"error":"access_denied","error_description":"Unauthorized"}"#)
    ///     .unwrap();
    /// let received = Received::from_response(&response).unwrap();
    /// assert_eq!(received.content_type(), Some("text/html; charset=utf-8"));
    /// assert_eq!(received.into_owned().content_type(), Some("text/html; charset=utf-8"));
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.headers.content_type()
    }

    /// What the client can do about the error, as of `now` (give the time
    /// explicitly, so that tests are deterministic): [`Retry`].
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use auth_error_catalog::{Retry, auth0::Received};
    ///
    /// let now = SystemTime::now();
    /// let slow_down = Received::parse(br#"{"error":"slow_down"}"#, None).unwrap();
    /// assert_eq!(slow_down.retry(now), Retry::Poll { increase: Duration::from_secs(5) });
    /// let denied = Received::parse(br#"{"error":"access_denied"}"#, None).unwrap();
    /// assert_eq!(denied.retry(now), Retry::No);
    /// let gateway = Received::parse(br#"{"error":"access_denied"}"#, Some(http::StatusCode::BAD_GATEWAY)).unwrap();
    /// assert_eq!(gateway.retry(now), Retry::Backoff);
    /// ```
    pub fn retry(&self, now: std::time::SystemTime) -> Retry {
        let entry = self.code().map(|code| code.entry());
        let hints = self.headers.hints(self.nonce_header());
        crate::retry::advise(entry, self.kind(), self.retryable(), self.status, &hints, now)
    }
}

impl<C: WireFormat> serde::Serialize for Received<'_, C> {
    /// The members as received, in order.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.members.serialize(serializer)
    }
}

impl serde::Serialize for ReceivedMembers<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.spans.as_slice().len()))?;
        for (name, value) in self.raw_values() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<C: WireFormat> fmt::Display for Received<'_, C> {
    /// `auth0 invalid_grant: Wrong email or password.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", C::API, self.raw_code)?;
        if let Some(description) = &self.description {
            write!(f, ": {description}")?;
        }
        Ok(())
    }
}

impl<C: WireFormat> std::error::Error for Received<'_, C> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn defect(body: &[u8]) -> Defect {
        read_object(body, None).expect_err("refused").defect().clone()
    }

    /// JSON that is not an object is told from text that is not JSON.
    #[test]
    fn a_body_that_is_no_object_is_told_from_one_that_is_no_json() {
        assert_eq!(defect(b"[1,2]"), Defect::NotAnObject);
        assert_eq!(defect(b"\"text\""), Defect::NotAnObject);
        assert!(matches!(defect(br#"{"a":"#), Defect::NotJson(_)));
        assert!(matches!(defect(b"not json"), Defect::NotJson(_)));
    }

    /// Past the 64 members the bits mark, a string is looked at when asked for.
    #[test]
    fn a_string_past_the_marked_members_is_borrowed_too() {
        let mut body = String::from("{");
        for index in 0..70 {
            body.push_str(&format!("\"m{index}\":\"v{index}\","));
        }
        body.push_str(r#""escaped":"a\"b","number":-12}"#);
        let members = read_object(body.as_bytes(), None).expect("an object");
        assert!(matches!(string_member(&members, "m66"), Some(Cow::Borrowed("v66"))));
        assert!(matches!(string_member(&members, "m3"), Some(Cow::Borrowed("v3"))));
        assert_eq!(string_member(&members, "escaped"), Some(Cow::Owned("a\"b".to_owned())));
        assert_eq!(string_member(&members, "number"), None);
        assert!(matches!(code_member(&members, "number"), Some(Cow::Borrowed("-12"))));
        assert!(matches!(code_member(&members.into_owned(), "number"), Some(Cow::Owned(number)) if number == "-12"));
    }

    /// Only a string without escapes, read from the body itself, is plain.
    #[test]
    fn plain_marks_strings_without_escapes() {
        let members = read_object(br#"{"a":"x","b":"y\n","c":1,"d":"z"}"#, None).expect("an object");
        assert_eq!(members.plain, 0b1001);
        assert_eq!(string_member(&members, "a"), Some(Cow::Borrowed("x")));
        assert_eq!(string_member(&members, "b").as_deref(), Some("y\n"));
        assert!(matches!(string_member(&members, "d"), Some(Cow::Borrowed("z"))));
        assert_eq!(string_member(&members, "c"), None);
        assert_eq!(members.into_owned().plain, 0, "an owned copy outlives nothing of the body");
    }
}
