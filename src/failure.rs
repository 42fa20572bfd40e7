//! The client's view of a response that failed, whatever it carries: an
//! error body of the catalog's APIs, foreign problem details, a bare
//! `WWW-Authenticate` challenge, or nothing readable at all.

use std::fmt;
use std::time::SystemTime;

use http::{Response, StatusCode};

use crate::api::Api;
use crate::challenge::BearerChallenge;
use crate::detect::{AnyReceived, parse_as, parse_response};
use crate::kind::Kind;
use crate::parse::ParseError;
use crate::problem::Problem;
use crate::retry::Retry;

/// What a failed response said. Every response gives one, so an SDK has one
/// error type for all of them: the retry advice, kind, status and content
/// type are there whatever the server sent.
///
/// ```
/// use std::time::SystemTime;
/// use auth_error_catalog::{Failure, Kind, Retry};
///
/// let response = http::Response::builder()
///     .status(401)
///     .header("www-authenticate", r#"Bearer error="invalid_token", error_description="The access token expired""#)
///     .body(Vec::new())
///     .unwrap();
/// let failure = Failure::from_response(&response);
/// assert!(matches!(failure, Failure::Challenge(..)));
/// assert_eq!(failure.kind(), Some(Kind::Unauthenticated));
/// assert_eq!(failure.retry(SystemTime::now()), Retry::No);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
// Made once per failed response; boxing the large variant would cost an
// allocation on the common path.
#[allow(clippy::large_enum_variant)]
pub enum Failure<'a> {
    /// An error body of one of the catalog's APIs: native, or this crate's
    /// problem details (whose extension members are the native body).
    Api(AnyReceived<'a>),
    /// Problem details (RFC 9457) of another server.
    Problem(Problem<'a>),
    /// A 401 or 403 that names its error only in `WWW-Authenticate`
    /// (RFC 6750 §3), and why its body is no error body.
    Challenge(BearerChallenge, ParseError),
    /// Nothing readable as an error (an HTML 502, an empty 500, a
    /// `text/plain` "Unauthorized"): the status, content type and an excerpt.
    Unrecognised(ParseError),
}

impl<'a> Failure<'a> {
    /// Reads a response already known to have failed. In order: an error
    /// body of the APIs ([`parse_response`]); problem details, when sent as
    /// `application/problem+json` or with a `type` or `title`; a 401 or 403's
    /// `Bearer` challenge; else [`Failure::Unrecognised`].
    ///
    /// ```
    /// use auth_error_catalog::{Api, Failure};
    ///
    /// let auth0 = http::Response::builder().status(403).body(br#"{"error":"access_denied","error_description":"Unauthorized"}"#.to_vec()).unwrap();
    /// assert_eq!(Failure::from_response(&auth0).api(), Some(Api::Auth0));
    ///
    /// let proxy = http::Response::builder().status(502).header("content-type", "text/html").body(b"<html>Bad Gateway</html>".to_vec()).unwrap();
    /// let failure = Failure::from_response(&proxy);
    /// assert!(matches!(&failure, Failure::Unrecognised(err) if err.excerpt() == "<html>Bad Gateway</html>"));
    /// assert_eq!(failure.content_type(), Some("text/html"));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: &'a Response<B>) -> Failure<'a> {
        let error = match parse_response(response) {
            Ok(received) => return Failure::Api(received),
            Err(error) => error,
        };
        if let Ok(problem) = Problem::from_response(response) {
            let sent_as_problem = error.content_type().is_some_and(is_problem_media_type);
            if sent_as_problem || problem.member("type").is_some() || problem.title().is_some() {
                return Failure::Problem(problem);
            }
        }
        let challenged = matches!(response.status(), StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
        match BearerChallenge::from_headers(response.headers()) {
            Some(challenge) if challenged => Failure::Challenge(challenge, error),
            _ => Failure::Unrecognised(error),
        }
    }

    /// `Ok` for a successful response, else the [`Failure`]. Success is the
    /// status's, except for an API whose errors come with a success status
    /// (Registration's HTTP 200 with `"stat":"error"`,
    /// [`Catalog::wire_status`](crate::Catalog::wire_status)): there the body
    /// decides, so that every response of it can be checked.
    ///
    /// ```
    /// use auth_error_catalog::{Api, Failure};
    ///
    /// let ok = http::Response::builder().status(200).body(br#"{"stat":"ok","access_token":"z"}"#.to_vec()).unwrap();
    /// assert!(Failure::check(&ok).is_ok());
    /// let error = http::Response::builder().status(200).body(br#"{"stat":"error","code":210,"error":"invalid_credentials"}"#.to_vec()).unwrap();
    /// assert_eq!(Failure::check(&error).unwrap_err().api(), Some(Api::Registration));
    /// let gone = http::Response::builder().status(410).body(Vec::new()).unwrap();
    /// assert!(Failure::check(&gone).is_err());
    /// ```
    #[allow(clippy::result_large_err)] // as large as `Failure`, made once per response
    pub fn check<B: AsRef<[u8]>>(response: &'a Response<B>) -> Result<(), Failure<'a>> {
        let status = response.status();
        if !Failure::body_decides(status) {
            return Ok(());
        }
        if !status.is_success() {
            return Err(Failure::from_response(response));
        }
        let error_at_success = crate::catalogs()
            .filter(|catalog| catalog.wire_status() == Some(status))
            .find_map(|catalog| parse_as(catalog.api(), response.body().as_ref(), Some(status)).ok());
        match error_at_success {
            Some(received) => Err(Failure::Api(received.with_headers(response.headers()))),
            None => Ok(()),
        }
    }

    /// Whether [`check`](Failure::check) must read the body of a response
    /// with `status`: a failure, or a success status at which some API
    /// sends errors (Registration's HTTP 200).
    pub(crate) fn body_decides(status: StatusCode) -> bool {
        !status.is_success() || crate::catalogs().any(|catalog| catalog.wire_status() == Some(status))
    }

    /// The API whose error body it is, if any.
    ///
    /// ```
    /// let response = http::Response::builder().status(500).body("").unwrap();
    /// assert_eq!(auth_error_catalog::Failure::from_response(&response).api(), None);
    /// ```
    pub fn api(&self) -> Option<Api> {
        match self {
            Failure::Api(received) => Some(received.api()),
            _ => None,
        }
    }

    /// The HTTP status.
    ///
    /// ```
    /// let response = http::Response::builder().status(504).body("").unwrap();
    /// assert_eq!(auth_error_catalog::Failure::from_response(&response).status(), Some(http::StatusCode::GATEWAY_TIMEOUT));
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Failure::Api(received) => received.http_status(),
            Failure::Problem(problem) => problem.http_status(),
            Failure::Challenge(_, error) | Failure::Unrecognised(error) => error.status(),
        }
    }

    /// `Content-Type` as the response sent it.
    ///
    /// ```
    /// let response = http::Response::builder().status(400).header("content-type", "text/html").body(r#"{"error":"invalid_request"}"#).unwrap();
    /// assert_eq!(auth_error_catalog::Failure::from_response(&response).content_type(), Some("text/html"));
    /// ```
    pub fn content_type(&self) -> Option<&str> {
        match self {
            Failure::Api(received) => received.content_type(),
            Failure::Problem(problem) => problem.content_type(),
            Failure::Challenge(_, error) | Failure::Unrecognised(error) => error.content_type(),
        }
    }

    /// The kind: the catalog's for an error body, the registry's for a
    /// challenge's `error`, else the one the HTTP status implies.
    ///
    /// ```
    /// use auth_error_catalog::{Failure, Kind};
    /// let response = http::Response::builder().status(503).body("Service Unavailable").unwrap();
    /// assert_eq!(Failure::from_response(&response).kind(), Some(Kind::Unavailable));
    /// ```
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Failure::Api(received) => received.kind(),
            Failure::Problem(problem) => problem.kind(),
            Failure::Challenge(challenge, error) => challenge.kind().or_else(|| error.status().map(Kind::for_status)),
            Failure::Unrecognised(error) => error.status().map(Kind::for_status),
        }
    }

    /// What the client can do about it, as of `now` ([`Retry`]).
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use auth_error_catalog::{Failure, Retry};
    /// let response = http::Response::builder().status(502).header("content-type", "text/html").body("<html>Bad Gateway</html>").unwrap();
    /// assert_eq!(Failure::from_response(&response).retry(SystemTime::now()), Retry::Backoff);
    /// ```
    pub fn retry(&self, now: SystemTime) -> Retry {
        match self {
            Failure::Api(received) => received.retry(now),
            Failure::Problem(problem) => problem.retry(now),
            Failure::Challenge(challenge, error) => match challenge.registered_error() {
                Some(registered) => error.retry_as(registered.kind(), registered.retryable(), now),
                None => error.retry(now),
            },
            Failure::Unrecognised(error) => error.retry(now),
        }
    }

    /// The same failure, owning its data: `Send + Sync + 'static`.
    ///
    /// ```
    /// fn sdk_error(response: http::Response<Vec<u8>>) -> Box<dyn std::error::Error + Send + Sync> {
    ///     Box::new(auth_error_catalog::Failure::from_response(&response).into_owned())
    /// }
    /// let response = http::Response::builder().status(500).body(b"oops".to_vec()).unwrap();
    /// assert!(sdk_error(response).to_string().starts_with("HTTP 500"));
    /// ```
    pub fn into_owned(self) -> Failure<'static> {
        match self {
            Failure::Api(received) => Failure::Api(received.into_owned()),
            Failure::Problem(problem) => Failure::Problem(problem.into_owned()),
            Failure::Challenge(challenge, error) => Failure::Challenge(challenge, error),
            Failure::Unrecognised(error) => Failure::Unrecognised(error),
        }
    }
}

/// `application/problem+json`, whatever its case and parameters.
fn is_problem_media_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(crate::response::PROBLEM_JSON)
}

impl fmt::Display for Failure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Api(received) => fmt::Display::fmt(received, f),
            Failure::Problem(problem) => fmt::Display::fmt(problem, f),
            Failure::Challenge(challenge, error) => {
                if let Some(status) = error.status() {
                    write!(f, "HTTP {}: ", status.as_u16())?;
                }
                write!(f, "Bearer error={:?}", challenge.error().unwrap_or_default())?;
                match challenge.description() {
                    Some(description) => write!(f, ": {description}"),
                    None => Ok(()),
                }
            }
            Failure::Unrecognised(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for Failure<'_> {}

impl<'a> From<AnyReceived<'a>> for Failure<'a> {
    fn from(received: AnyReceived<'a>) -> Self {
        Failure::Api(received)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_problem_media_type_is_matched_by_its_essence() {
        assert!(is_problem_media_type("application/problem+json"));
        assert!(is_problem_media_type("Application/Problem+JSON ; charset=utf-8"));
        assert!(!is_problem_media_type("application/json"));
        assert!(!is_problem_media_type("application/problem+jsonx"));
        assert!(!is_problem_media_type(""));
    }

    #[test]
    fn the_body_decides_failures_and_the_success_statuses_of_an_api_that_errs_with_them() {
        assert!(Failure::body_decides(StatusCode::OK));
        assert!(Failure::body_decides(StatusCode::BAD_REQUEST));
        assert!(!Failure::body_decides(StatusCode::NO_CONTENT));
        assert!(!Failure::body_decides(StatusCode::CREATED));
    }
}
