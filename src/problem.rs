//! RFC 9457 problem details that are not an error body of the catalog's
//! APIs: kept as what they are, with every extension member.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde_json::value::RawValue;

use crate::kind::Kind;
use crate::parse::{Defect, ParseError, ReceivedMembers, member, raw_member, read_object, string_member};
use crate::retry::{Retry, SentHeaders};

/// The members RFC 9457 §3.1 defines; every other member is an extension.
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// A problem details object (RFC 9457) from a server that is not one of
/// the catalog's APIs: `type`, `title`, `status`, `detail`, `instance` and
/// its extension members, all kept in order.
///
/// ```
/// use auth_error_catalog::Problem;
///
/// let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30}"#;
/// let problem = Problem::parse(body, Some(http::StatusCode::FORBIDDEN)).unwrap();
/// assert_eq!(problem.type_uri(), "https://example.com/probs/out-of-credit");
/// assert_eq!(problem.title(), Some("You do not have enough credit."));
/// assert_eq!(problem.status().map(|status| status.as_u16()), Some(403));
/// assert_eq!(problem.instance(), Some("/account/12345/msgs/abc"));
/// assert_eq!(problem.extensions().map(|(name, value)| (name, value.get())).collect::<Vec<_>>(), [("balance", "30")]);
/// assert_eq!(problem.to_json().as_bytes(), body);
/// ```
#[derive(Clone, Debug)]
pub struct Problem<'a> {
    members: ReceivedMembers<'a>,
    http_status: Option<StatusCode>,
    type_uri: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    status: Option<StatusCode>,
    detail: Option<Cow<'a, str>>,
    instance: Option<Cow<'a, str>>,
    headers: SentHeaders<'a>,
}

impl<'a> Problem<'a> {
    /// Parses `body`, received with HTTP `status` where known: a JSON object
    /// with at least one of the five standard members, of its type. A member
    /// of the wrong type is ignored, as RFC 9457 §3.1 asks, but kept.
    ///
    /// ```
    /// use auth_error_catalog::Problem;
    /// let problem = Problem::parse(br#"{"title":"Not found","status":"404"}"#, None).unwrap();
    /// assert_eq!((problem.type_uri(), problem.status()), ("about:blank", None));
    /// assert!(Problem::parse(br#"{"message":"no"}"#, None).is_err());
    /// ```
    pub fn parse(body: &'a [u8], status: Option<StatusCode>) -> Result<Self, ParseError> {
        let members = read_object(body, status)?;
        let status_member = member(&members, "status")
            .and_then(|raw| raw.parse::<u16>().ok())
            .and_then(|number| StatusCode::from_u16(number).ok());
        let problem = Problem {
            type_uri: string_member(&members, "type"),
            title: string_member(&members, "title"),
            status: status_member,
            detail: string_member(&members, "detail"),
            instance: string_member(&members, "instance"),
            http_status: status,
            members,
            headers: SentHeaders::None,
        };
        let standard = [&problem.type_uri, &problem.title, &problem.detail, &problem.instance];
        if problem.status.is_none() && standard.iter().all(|text| text.is_none()) {
            return Err(ParseError::new(status, Defect::WrongShape("RFC 9457 problem details"), body));
        }
        Ok(problem)
    }

    /// Parses the body of `response`, with its status and headers.
    ///
    /// ```
    /// use auth_error_catalog::Problem;
    /// let response = http::Response::builder()
    ///     .status(503)
    ///     .header("content-type", "application/problem+json")
    ///     .header("retry-after", "120")
    ///     .body(r#"{"title":"Service Unavailable","status":503}"#)
    ///     .unwrap();
    /// let problem = Problem::from_response(&response).unwrap();
    /// assert_eq!(problem.content_type(), Some("application/problem+json"));
    /// assert_eq!(problem.retry(std::time::SystemTime::now()), auth_error_catalog::Retry::After(std::time::Duration::from_secs(120)));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: &'a http::Response<B>) -> Result<Self, ParseError> {
        let mut problem = Problem::parse(response.body().as_ref(), Some(response.status()))
            .map_err(|error| error.with_headers(response.headers()))?;
        problem.headers = SentHeaders::Borrowed(response.headers());
        Ok(problem)
    }

    /// `type`: a URI naming the problem; `about:blank` when absent (RFC 9457 §3.1.1).
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"type":"urn:x:busy","status":503}"#, None).unwrap();
    /// assert_eq!(problem.type_uri(), "urn:x:busy");
    /// ```
    pub fn type_uri(&self) -> &str {
        self.type_uri.as_deref().unwrap_or("about:blank")
    }

    /// `title`: a short summary of the problem type.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"status":503}"#, None).unwrap();
    /// assert_eq!(problem.title(), None);
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// `status`: the HTTP status the server says it sent, when it is one.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"status":429}"#, None).unwrap();
    /// assert_eq!(problem.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// `detail`: this occurrence, explained.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"detail":"Balance is 30."}"#, None).unwrap();
    /// assert_eq!(problem.detail(), Some("Balance is 30."));
    /// ```
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// `instance`: a URI naming this occurrence.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"instance":"/orders/7"}"#, None).unwrap();
    /// assert_eq!(problem.instance(), Some("/orders/7"));
    /// ```
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The extension members, in order, as raw JSON.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"title":"t","errors":[{"field":"x"}]}"#, None).unwrap();
    /// assert_eq!(problem.extensions().next().map(|(name, value)| (name, value.get())), Some(("errors", r#"[{"field":"x"}]"#)));
    /// ```
    pub fn extensions(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.members.raw_values().filter(|(name, _)| !STANDARD_MEMBERS.contains(name))
    }

    /// A member by name (the last, if repeated), standard or extension.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"title":"t","code":7}"#, None).unwrap();
    /// assert_eq!(problem.member("code").map(|raw| raw.get()), Some("7"));
    /// ```
    pub fn member(&self, name: &str) -> Option<&RawValue> {
        raw_member(&self.members, name)
    }

    /// The HTTP status: the one received, else the body's `status`.
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"status":409}"#, Some(http::StatusCode::BAD_REQUEST)).unwrap();
    /// assert_eq!(problem.http_status(), Some(http::StatusCode::BAD_REQUEST));
    /// ```
    pub fn http_status(&self) -> Option<StatusCode> {
        self.http_status.or(self.status)
    }

    /// The kind the HTTP status implies.
    ///
    /// ```
    /// use auth_error_catalog::Kind;
    /// let problem = auth_error_catalog::Problem::parse(br#"{"status":429}"#, None).unwrap();
    /// assert_eq!(problem.kind(), Some(Kind::RateLimited));
    /// ```
    pub fn kind(&self) -> Option<Kind> {
        self.http_status().map(Kind::for_status)
    }

    /// What the client can do, as of `now`: from the kind the status implies
    /// and the headers (`Retry-After`).
    ///
    /// ```
    /// use auth_error_catalog::{Problem, Retry};
    /// let problem = Problem::parse(br#"{"title":"Bad Request","status":400}"#, None).unwrap();
    /// assert_eq!(problem.retry(std::time::SystemTime::now()), Retry::No);
    /// ```
    pub fn retry(&self, now: std::time::SystemTime) -> Retry {
        let kind = self.kind();
        let retryable = kind.is_some_and(Kind::usually_retryable);
        crate::retry::advise(None, kind, retryable, self.http_status(), &self.headers.hints(None), now)
    }

    /// `Content-Type` as the response sent it ([`from_response`](Problem::from_response)).
    ///
    /// ```
    /// let problem = auth_error_catalog::Problem::parse(br#"{"status":429}"#, None).unwrap();
    /// assert_eq!(problem.content_type(), None);
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        self.headers.content_type()
    }

    /// The body again: a JSON value equal to the one received.
    ///
    /// ```
    /// let body = r#"{"title":"t","x":{"y":[1,2.50]}}"#;
    /// assert_eq!(auth_error_catalog::Problem::parse(body.as_bytes(), None).unwrap().to_json(), body);
    /// ```
    pub fn to_json(&self) -> String {
        self.members.to_json()
    }

    /// The same problem, owning its data.
    ///
    /// ```
    /// let owned: auth_error_catalog::Problem<'static> = {
    ///     let body = br#"{"title":"Gone","status":410}"#.to_vec();
    ///     auth_error_catalog::Problem::parse(&body, None).unwrap().into_owned()
    /// };
    /// assert_eq!(owned.title(), Some("Gone"));
    /// ```
    pub fn into_owned(self) -> Problem<'static> {
        let owned = |text: Option<Cow<'a, str>>| text.map(|text| Cow::Owned(text.into_owned()));
        Problem {
            members: self.members.into_owned(),
            http_status: self.http_status,
            type_uri: owned(self.type_uri),
            title: owned(self.title),
            status: self.status,
            detail: owned(self.detail),
            instance: owned(self.instance),
            headers: self.headers.into_owned(None),
        }
    }
}

impl fmt::Display for Problem<'_> {
    /// `problem https://example.com/probs/out-of-credit (403): You do not have enough credit.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "problem {}", self.type_uri())?;
        if let Some(status) = self.http_status() {
            write!(f, " ({})", status.as_u16())?;
        }
        match (self.title(), self.detail()) {
            (Some(title), Some(detail)) => write!(f, ": {title}: {detail}"),
            (Some(text), None) | (None, Some(text)) => write!(f, ": {text}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for Problem<'_> {}

impl serde::Serialize for Problem<'_> {
    /// The members as received, in order.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.members.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_of_the_wrong_type_are_ignored_but_kept() {
        let body = br#"{"type":7,"title":["x"],"status":"500","detail":null,"instance":"/i"}"#;
        let problem = Problem::parse(body, None).unwrap();
        assert_eq!((problem.type_uri(), problem.title(), problem.status()), ("about:blank", None, None));
        assert_eq!((problem.detail(), problem.instance()), (None, Some("/i")));
        assert_eq!(problem.to_json().as_bytes(), body);
        assert_eq!(problem.extensions().count(), 0);
    }

    #[test]
    fn a_status_that_is_no_http_status_is_none() {
        for body in [&br#"{"status":99}"#[..], br#"{"status":1000}"#, br#"{"status":-1}"#, br#"{"status":4.5e2}"#] {
            assert!(Problem::parse(body, None).is_err(), "{}", String::from_utf8_lossy(body));
        }
        assert_eq!(Problem::parse(br#"{"status":599}"#, None).unwrap().status().map(|s| s.as_u16()), Some(599));
    }

    #[test]
    fn each_standard_member_alone_is_a_problem() {
        for body in [
            &br#"{"type":"urn:x"}"#[..],
            br#"{"title":"t"}"#,
            br#"{"status":400}"#,
            br#"{"detail":"d"}"#,
            br#"{"instance":"/i"}"#,
        ] {
            assert!(Problem::parse(body, None).is_ok(), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn display_names_what_it_has() {
        let show = |body: &[u8], status: Option<u16>| {
            Problem::parse(body, status.and_then(|s| StatusCode::from_u16(s).ok())).unwrap().to_string()
        };
        assert_eq!(show(br#"{"title":"t","detail":"d"}"#, Some(409)), "problem about:blank (409): t: d");
        assert_eq!(show(br#"{"detail":"d"}"#, None), "problem about:blank: d");
        assert_eq!(show(br#"{"type":"urn:x"}"#, None), "problem urn:x");
    }
}
