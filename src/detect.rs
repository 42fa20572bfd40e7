//! Which API sent a body: [`parse`] detects it, by the `[[detect]]` rules
//! of the catalogs, and gives an [`AnyReceived`].

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;

use crate::Match;
use crate::api::Api;
use crate::body::{DetectRule, Tests};
use crate::catalog::Catalog;
use crate::kind::Kind;
use crate::parse::{Defect, ParseError, Received, ReceivedMembers, code_member, read_object};
use crate::retry::Retry;
use crate::wire::WireFormat;

include!(concat!(env!("OUT_DIR"), "/any_received.rs"));

impl<'a> AnyReceived<'a> {
    /// Which API sent the body.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"stat":"error","code":210,"error":"invalid_credentials"}"#, None).unwrap();
    /// assert_eq!(received.api(), auth_error_catalog::Api::Registration);
    /// ```
    pub fn api(&self) -> Api {
        fn api_of<C: WireFormat>(_: &Received<'_, C>) -> Api {
            C::API
        }
        each_api!(AnyReceived, self, received => api_of(received))
    }

    /// The catalog entry of the code, where known.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"code":"ABA-60008","message":"Authentication flow time out."}"#, None).unwrap();
    /// assert_eq!(received.entry().map(|entry| entry.code()), Some("ABA-60008"));
    /// ```
    pub fn entry(&self) -> Option<&'static crate::Entry> {
        each_api!(AnyReceived, self, received => received.code().map(|code| code.entry()))
    }

    /// Whether the code was found in the catalog.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"error":"brand_new"}"#, None).unwrap();
    /// assert!(!received.is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        self.entry().is_some()
    }

    /// The code exactly as received.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"stat":"error","code":999,"error":"x"}"#, None).unwrap();
    /// assert_eq!(received.raw_code(), "999");
    /// ```
    pub fn raw_code(&self) -> &str {
        each_api!(AnyReceived, self, received => received.raw_code())
    }

    /// How the code was matched.
    ///
    /// ```
    /// use auth_error_catalog::Match;
    /// let received = auth_error_catalog::parse(br#"{"stat":"error","code":999,"error":"x"}"#, None).unwrap();
    /// assert_eq!(received.matched(), Match::Unknown);
    /// ```
    pub fn matched(&self) -> Match {
        each_api!(AnyReceived, self, received => received.matched())
    }

    /// The kind: the catalog's, else the one the HTTP status implies.
    ///
    /// ```
    /// use auth_error_catalog::Kind;
    /// let received = auth_error_catalog::parse(br#"{"error":"Token expired","error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#, None).unwrap();
    /// assert_eq!(received.kind(), Some(Kind::TokenExpired));
    /// ```
    pub fn kind(&self) -> Option<Kind> {
        each_api!(AnyReceived, self, received => received.kind())
    }

    /// Whether repeating the request later can succeed.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"error":"too_many_logins","error_description":"x"}"#, None).unwrap();
    /// assert!(received.retryable());
    /// ```
    pub fn retryable(&self) -> bool {
        each_api!(AnyReceived, self, received => received.retryable())
    }

    /// The HTTP status: the one received, else the catalog's.
    ///
    /// ```
    /// let received = auth_error_catalog::parse(br#"{"error":"brand_new"}"#, None).unwrap();
    /// assert_eq!(received.http_status(), None);
    /// ```
    pub fn http_status(&self) -> Option<StatusCode> {
        each_api!(AnyReceived, self, received => received.http_status())
    }

    /// The placeholder values the description filled.
    ///
    /// ```
    /// let body = br#"{"code":"ABA-65003","message":"Unknown authentication flow status.","description":"Unknown authentication flow status: PAUSED."}"#;
    /// let received = auth_error_catalog::parse(body, None).unwrap();
    /// assert_eq!(received.params()[0].1, "PAUSED");
    /// ```
    pub fn params(&self) -> &[(&'static str, Cow<'_, str>)] {
        each_api!(AnyReceived, self, received => received.params())
    }

    /// What the client can do about the error, as of `now` ([`Received::retry`]).
    ///
    /// ```
    /// use auth_error_catalog::Retry;
    /// let received = auth_error_catalog::parse(br#"{"error":"authorization_pending"}"#, None).unwrap();
    /// assert!(matches!(received.retry(std::time::SystemTime::now()), Retry::Poll { .. }));
    /// ```
    pub fn retry(&self, now: std::time::SystemTime) -> Retry {
        each_api!(AnyReceived, self, received => received.retry(now))
    }

    /// The same error, with the response headers that bear on retrying
    /// ([`Received::with_headers`]).
    ///
    /// ```
    /// use auth_error_catalog::Retry;
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", "2".parse().unwrap());
    /// let body = br#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#;
    /// let received = auth_error_catalog::parse(body, Some(http::StatusCode::TOO_MANY_REQUESTS)).unwrap().with_headers(&headers);
    /// assert_eq!(received.retry(std::time::SystemTime::now()), Retry::After(std::time::Duration::from_secs(2)));
    /// ```
    pub fn with_headers(self, headers: &'a http::HeaderMap) -> Self {
        each_api!(AnyReceived, self, received => AnyReceived::from(received.with_headers(headers)))
    }

    /// `Content-Type` as the response sent it ([`Received::content_type`]).
    ///
    /// ```
    /// let response = http::Response::builder().status(400).header("content-type", "text/plain").body(r#"{"error":"invalid_request"}"#).unwrap();
    /// assert_eq!(auth_error_catalog::parse_response(&response).unwrap().content_type(), Some("text/plain"));
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        each_api!(AnyReceived, self, received => received.content_type())
    }

    /// The same error, owning its data: it outlives the body, and is
    /// `Send + Sync + 'static`, so it can be an SDK's error type.
    ///
    /// ```
    /// fn sdk_error(body: Vec<u8>) -> Box<dyn std::error::Error + Send + Sync> {
    ///     Box::new(auth_error_catalog::parse(&body, None).unwrap().into_owned())
    /// }
    /// assert!(sdk_error(br#"{"error":"access_denied"}"#.to_vec()).to_string().contains("access_denied"));
    /// ```
    pub fn into_owned(self) -> AnyReceived<'static> {
        each_api!(AnyReceived, self, received => AnyReceived::from(received.into_owned()))
    }

    /// The body again: a JSON value equal to the one received.
    ///
    /// ```
    /// let body = r#"{"error":"x","statusCode":401}"#;
    /// assert_eq!(auth_error_catalog::parse(body.as_bytes(), None).unwrap().to_json(), body);
    /// ```
    pub fn to_json(&self) -> String {
        each_api!(AnyReceived, self, received => received.to_json())
    }
}

impl fmt::Display for AnyReceived<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        each_api!(AnyReceived, self, received => fmt::Display::fmt(received, f))
    }
}

impl std::error::Error for AnyReceived<'_> {}

impl serde::Serialize for AnyReceived<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        each_api!(AnyReceived, self, received => received.serialize(serializer))
    }
}

/// Parses an error body from any of the APIs, telling them apart by
/// the strongest signal each has, never by a member that real servers omit.
/// The first rule that holds decides:
///
/// 1. `stat`: Registration.
/// 2. `error_code`: AuthOS.
/// 3. `error`: Auth0.
///
/// Otherwise the body needs a `code` that is a string or a number, and then:
///
/// 4. an app-native code (`ABA-` and digits, or a code of its catalog such as
///    `"401"`) with `message`, `description` or `traceId`: app-native;
/// 5. `traceId`, which only app-native sends: app-native;
/// 6. `name`, `statusCode` or `policy`, or a `description` that is an object
///    (PasswordStrengthError): Auth0's sign-up and `/co/authenticate` shape;
/// 7. a string `description` without `message`: Auth0's sign-up shape
///    (`{"code":"user_exists","description":"The user already exists."}`);
/// 8. `message`: app-native (an authenticator's own code, such as `AD-60001`).
///
/// So `{"code","description"}` is app-native when its code is app-native's
/// and Auth0's otherwise. `{}`, `{"code":null}` and a `code` alone are no
/// error body.
///
/// ```
/// use auth_error_catalog::{Api, Kind};
///
/// let received = auth_error_catalog::parse(
///     br#"{"code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId abc is invalid.","traceId":""}"#,
///     Some(http::StatusCode::BAD_REQUEST),
/// ).unwrap();
/// assert_eq!((received.api(), received.kind()), (Api::AppNative, Some(Kind::InvalidRequest)));
/// let sign_up = auth_error_catalog::parse(br#"{"code":"user_exists","description":"The user already exists."}"#, None).unwrap();
/// assert_eq!((sign_up.api(), sign_up.kind()), (Api::Auth0, Some(Kind::Conflict)));
/// let app_native = auth_error_catalog::parse(br#"{"code":"ABA-60001","description":"invalid_callback"}"#, None).unwrap();
/// assert_eq!(app_native.api(), Api::AppNative);
/// assert!(auth_error_catalog::parse(b"[]", None).is_err());
/// assert!(auth_error_catalog::parse(br#"{"code":null}"#, None).is_err());
/// ```
pub fn parse(body: &[u8], status: Option<StatusCode>) -> Result<AnyReceived<'_>, ParseError> {
    let members = read_object(body, status)?;
    let detected = match detect(&members) {
        Some(api) => for_code_of!(api, C => Received::<C>::from_members(members, status).map(AnyReceived::from)),
        None => Err(Defect::WrongShape("any of the APIs")),
    };
    detected.map_err(|defect| ParseError::new(status, defect, body))
}

/// [`parse`]s the body of `response`, with its status and the headers that
/// bear on retrying ([`AnyReceived::retry`]). A response with no error body
/// (a bare 401, an HTML 502, an empty 500) is a [`ParseError`] with its
/// status and an excerpt; where a 401 or 403 names its error only in
/// `WWW-Authenticate`, [`BearerChallenge::from_headers`](crate::BearerChallenge::from_headers)
/// reads it.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use auth_error_catalog::{Api, Retry};
///
/// let response = http::Response::builder()
///     .status(429)
///     .header("retry-after", "3")
///     .body(r#"{"error":"Too many requests","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#)
///     .unwrap();
/// let received = auth_error_catalog::parse_response(&response).unwrap();
/// assert_eq!(received.api(), Api::Authos);
/// assert_eq!(received.retry(SystemTime::now()), Retry::After(Duration::from_secs(3)));
/// ```
pub fn parse_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<AnyReceived<'_>, ParseError> {
    parse(response.body().as_ref(), Some(response.status()))
        .map(|received| received.with_headers(response.headers()))
        .map_err(|error| error.with_headers(response.headers()))
}

/// Parses `body` as an error body of `api`, without detection: for a caller
/// that knows which API answered.
///
/// ```
/// use auth_error_catalog::{Api, parse_as};
///
/// // Detection would call this Auth0's; the caller knows better.
/// let body = br#"{"code":"X-1","description":"d"}"#;
/// assert_eq!(auth_error_catalog::parse(body, None).unwrap().api(), Api::Auth0);
/// assert_eq!(parse_as(Api::AppNative, body, None).unwrap().api(), Api::AppNative);
/// assert!(parse_as(Api::Registration, body, None).is_err());
/// ```
pub fn parse_as(api: Api, body: &[u8], status: Option<StatusCode>) -> Result<AnyReceived<'_>, ParseError> {
    for_code_of!(api, C => Received::<C>::parse(body, status).map(AnyReceived::from))
}

/// The API a body comes from: of every catalog's `[[detect]]` rules that
/// hold, the one of lowest order decides (the rules [`parse`] documents).
fn detect(members: &ReceivedMembers<'_>) -> Option<Api> {
    let survey = Survey::of(members);
    crate::apis::DETECT_RULES.iter().find(|rule| survey.holds(rule, members)).map(|rule| rule.api)
}

/// What one pass over a body's members finds about the members the
/// detection tests read: bit `i` of each mask is `DETECT_NAMES[i]`, and a
/// repeated name counts as its last member, as everywhere. Codes are read
/// only when a rule asks, which most bodies never make one do.
struct Survey {
    present: u64,
    text: u64,
    object: u64,
}

impl Survey {
    fn of(members: &ReceivedMembers<'_>) -> Self {
        let mut survey = Survey { present: 0, text: 0, object: 0 };
        for (name, value) in members.iter() {
            let Some(index) = crate::apis::DETECT_NAMES.iter().position(|known| *known == name) else {
                continue;
            };
            let bit = 1 << index;
            let flag = |mask: u64, on: bool| if on { mask | bit } else { mask & !bit };
            survey.present |= bit;
            survey.text = flag(survey.text, value.starts_with('"'));
            survey.object = flag(survey.object, value.starts_with('{'));
        }
        survey
    }

    fn holds(&self, rule: &DetectRule, members: &ReceivedMembers<'_>) -> bool {
        let code = |bit: usize| named_code(members, bit);
        let own_code = |bit: usize| named_code(members, bit).is_some_and(|code| is_own_code(rule.api.catalog(), &code));
        let all = &rule.all;
        let all_pass = all.present & !self.present == 0
            && all.absent & self.present == 0
            && all.text & !self.text == 0
            && all.object & !self.object == 0
            && bits(all.code).all(|bit| code(bit).is_some())
            && bits(all.own_code).all(own_code);
        let any = &rule.any;
        let any_passes = *any == Tests::NONE
            || any.present & self.present != 0
            || any.absent & !self.present != 0
            || any.text & self.text != 0
            || any.object & self.object != 0
            || bits(any.code).any(|bit| code(bit).is_some())
            || bits(any.own_code).any(own_code);
        all_pass && any_passes
    }
}

/// The code in the member `DETECT_NAMES[bit]`, if it holds one.
fn named_code<'a>(members: &ReceivedMembers<'a>, bit: usize) -> Option<Cow<'a, str>> {
    crate::apis::DETECT_NAMES.get(bit).and_then(|name| code_member(members, name))
}

/// The indexes of the bits set in `mask`, lowest first.
fn bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let bit = (mask != 0).then(|| mask.trailing_zeros() as usize);
        mask &= mask.wrapping_sub(1);
        bit
    })
}

/// A code of `catalog`, or its `code_prefix` and digits (`ABA-60099`).
fn is_own_code(catalog: &Catalog, code: &str) -> bool {
    let prefixed_number = catalog
        .code_prefix()
        .and_then(|prefix| code.strip_prefix(prefix))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()));
    prefixed_number || catalog.find(code).is_some()
}

#[cfg(test)]
mod tests {
    use super::bits;

    #[test]
    fn bits_gives_the_set_bits_lowest_first() {
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(bits(1 << 63).collect::<Vec<_>>(), [63]);
        assert_eq!(bits(0).count(), 0);
        assert_eq!(bits(u64::MAX).count(), 64);
    }
}
