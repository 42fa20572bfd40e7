//! reqwest (feature `reqwest`): a response in, `Ok(response)` for a
//! success or the typed [`Failure`] out, with the body read under a bound.
//!
//! ```no_run
//! # async fn token(client: reqwest::Client) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
//! let response = client.post("https://tenant.auth0.com/oauth/token").send().await?;
//! let response = auth_error_catalog::reqwest::check(response).await?;
//! Ok(response.text().await?)
//! # }
//! ```

use std::time::SystemTime;

use ::reqwest::ResponseBuilderExt;

use crate::failure::Failure;
use crate::parse::{Defect, ParseError};
use crate::retry::Retry;

/// The bound on a body [`check`] reads: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;

/// [`Check`]s `response` with the default bound ([`DEFAULT_BODY_LIMIT`]).
///
/// ```no_run
/// # async fn run(client: reqwest::Client) -> Result<(), auth_error_catalog::reqwest::Error> {
/// let response = client.get("https://tenant.auth0.com/userinfo").send().await?;
/// match auth_error_catalog::reqwest::check(response).await {
///     Ok(profile) => println!("{}", profile.status()),
///     Err(error) => eprintln!("{error}"),
/// }
/// # Ok(())
/// # }
/// ```
pub async fn check(response: ::reqwest::Response) -> Result<::reqwest::Response, Error> {
    Check::default().response(response).await
}

/// How [`check`] reads a response.
///
/// ```
/// use auth_error_catalog::reqwest::{Check, DEFAULT_BODY_LIMIT};
/// assert_eq!(Check::default().body_limit(), DEFAULT_BODY_LIMIT);
/// assert_eq!(Check::default().with_body_limit(64 * 1024).body_limit(), 65_536);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    body_limit: usize,
}

impl Default for Check {
    fn default() -> Self {
        Check { body_limit: DEFAULT_BODY_LIMIT }
    }
}

impl Check {
    /// The same check, reading at most `bytes` of a body.
    ///
    /// ```
    /// let check = auth_error_catalog::reqwest::Check::default().with_body_limit(4096);
    /// assert_eq!(check.body_limit(), 4096);
    /// ```
    pub fn with_body_limit(self, bytes: usize) -> Self {
        Check { body_limit: bytes }
    }

    /// The bound on a body, in bytes.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::reqwest::Check::default().body_limit(), 1 << 20);
    /// ```
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// `Ok(response)` for a success, untouched, its body unread; else the
    /// [`Failure`] ([`Failure::from_response`]). Where an API sends errors
    /// with a success status (Registration's HTTP 200 with `"stat":"error"`),
    /// the body decides ([`Failure::check`]): it is read, and a success is
    /// given back rebuilt from the bytes, with the same status, version,
    /// headers, extensions and URL.
    ///
    /// A body over the bound is a [`Failure::Unrecognised`] whose
    /// [`Defect::TooLarge`] names the bound.
    ///
    /// ```no_run
    /// # async fn run(client: reqwest::Client) -> Result<(), auth_error_catalog::reqwest::Error> {
    /// use auth_error_catalog::reqwest::Check;
    /// let response = client.post("https://example.janraincapture.com/oauth/auth_native_traditional").send().await?;
    /// let signed_in = Check::default().with_body_limit(64 * 1024).response(response).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn response(&self, mut response: ::reqwest::Response) -> Result<::reqwest::Response, Error> {
        let status = response.status();
        if !Failure::body_decides(status) {
            return Ok(response);
        }
        let mut received = http::Response::new(Vec::new());
        *received.status_mut() = status;
        *received.version_mut() = response.version();
        *received.headers_mut() = std::mem::take(response.headers_mut());
        *received.extensions_mut() = std::mem::take(response.extensions_mut());
        // `From<http::Response>` takes the URL from an extension only
        // reqwest's builder can make.
        if let Some(url) = http::response::Builder::new().url(response.url().clone()).extensions_mut() {
            received.extensions_mut().extend(std::mem::take(url));
        }
        if let Err(too_large) = self.read_body(&mut response, received.body_mut()).await? {
            let excerpt = std::mem::take(received.body_mut());
            let error = ParseError::new(Some(status), too_large, &excerpt).with_headers(received.headers());
            return Err(Error::Failure(Box::new(Failure::Unrecognised(error))));
        }
        match Failure::check(&received) {
            Ok(()) => Ok(::reqwest::Response::from(received)),
            Err(failure) => Err(Error::Failure(Box::new(failure.into_owned()))),
        }
    }

    /// Reads the body into `body`: `Ok(Err(_))` when it exceeds the bound,
    /// with as much as the bound allows read.
    async fn read_body(
        &self,
        response: &mut ::reqwest::Response,
        body: &mut Vec<u8>,
    ) -> Result<Result<(), Defect>, ::reqwest::Error> {
        let too_large = Defect::TooLarge(self.body_limit);
        // A declared length over the bound: one chunk is read, for the excerpt.
        let declared_too_large = response.content_length().is_some_and(|length| length > self.body_limit as u64);
        while let Some(chunk) = response.chunk().await? {
            let room = self.body_limit - body.len();
            if chunk.len() > room || declared_too_large {
                body.extend_from_slice(&chunk[..room.min(chunk.len())]);
                return Ok(Err(too_large));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(if declared_too_large { Err(too_large) } else { Ok(()) })
    }
}

/// Why [`check`] gave no successful response.
///
/// ```
/// use auth_error_catalog::{Failure, reqwest::Error};
/// let response = http::Response::builder().status(500).body("").unwrap();
/// let error = Error::from(Failure::from_response(&response).into_owned());
/// assert!(error.to_string().starts_with("HTTP 500"));
/// assert_eq!(error.failure().and_then(|failure| failure.status()), Some(http::StatusCode::INTERNAL_SERVER_ERROR));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a failure.
    #[error(transparent)]
    Failure(Box<Failure<'static>>),
    /// The request could not be sent, or the body not read.
    #[error("HTTP transport: {0}")]
    Transport(#[from] ::reqwest::Error),
}

impl Error {
    /// The failure the server answered with, if it answered.
    ///
    /// ```
    /// use auth_error_catalog::{Failure, reqwest::Error};
    /// let response = http::Response::builder().status(404).body("").unwrap();
    /// assert!(Error::from(Failure::from_response(&response).into_owned()).failure().is_some());
    /// ```
    pub fn failure(&self) -> Option<&Failure<'static>> {
        match self {
            Error::Failure(failure) => Some(failure),
            Error::Transport(_) => None,
        }
    }

    /// The failure's advice ([`Failure::retry`]); a request that failed in
    /// transit (a reset connection, a timeout) is worth repeating with the
    /// caller's backoff.
    ///
    /// ```
    /// use std::time::SystemTime;
    /// use auth_error_catalog::{Failure, Retry, reqwest::Error};
    /// let response = http::Response::builder().status(503).body("").unwrap();
    /// assert_eq!(Error::from(Failure::from_response(&response).into_owned()).retry(SystemTime::now()), Retry::Backoff);
    /// ```
    pub fn retry(&self, now: SystemTime) -> Retry {
        match self {
            Error::Failure(failure) => failure.retry(now),
            Error::Transport(_) => Retry::Backoff,
        }
    }
}

impl From<Failure<'static>> for Error {
    fn from(failure: Failure<'static>) -> Self {
        Error::Failure(Box::new(failure))
    }
}
