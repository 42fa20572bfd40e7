//! Whole HTTP responses, with no web framework: status, headers and body,
//! in the API's native format or as RFC 9457 problem details.

use std::borrow::Cow;

use http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{Response, StatusCode};

use crate::body::MemberValue;
use crate::catalog::Entry;
use crate::wire::WireFormat;
use crate::wire::{Error, ParamError};
use crate::{Api, json};

/// `application/json`.
pub const JSON: &str = "application/json";
/// `application/problem+json` (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Which body a response carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BodyFormat {
    /// The API's own error body, `application/json`.
    #[default]
    Native,
    /// RFC 9457 problem details, `application/problem+json`.
    Problem,
}

impl BodyFormat {
    /// Chooses from an `Accept` header: problem details when the client
    /// prefers `application/problem+json` (by q-value) to `application/json`,
    /// the native body otherwise, and when the header is absent or unreadable.
    ///
    /// ```
    /// use auth_error_catalog::BodyFormat;
    ///
    /// assert_eq!(BodyFormat::negotiate(Some("application/problem+json")), BodyFormat::Problem);
    /// assert_eq!(BodyFormat::negotiate(Some("application/json, application/problem+json;q=0.5")), BodyFormat::Native);
    /// assert_eq!(BodyFormat::negotiate(Some("*/*")), BodyFormat::Native);
    /// assert_eq!(BodyFormat::negotiate(None), BodyFormat::Native);
    /// ```
    pub fn negotiate(accept: Option<&str>) -> BodyFormat {
        let Some(accept) = accept else { return BodyFormat::Native };
        let quality = |wanted: &str| {
            accept
                .split(',')
                .filter_map(|range| {
                    let mut parts = range.split(';').map(str::trim);
                    let media = parts.next()?.to_ascii_lowercase();
                    let q = parts
                        .filter_map(|param| param.strip_prefix("q=").or_else(|| param.strip_prefix("Q=")))
                        .find_map(|q| q.parse::<f32>().ok())
                        .unwrap_or(1.0);
                    let matches = media == wanted
                        || media == "*/*"
                        || media.strip_suffix("/*").is_some_and(|kind| wanted.starts_with(&format!("{kind}/")));
                    // An exact type outranks a wildcard at the same q.
                    matches.then_some((q, media == wanted))
                })
                .fold(None, |best: Option<(f32, bool)>, candidate| match best {
                    Some(best) if (best.1 && !candidate.1) || best.0 >= candidate.0 && best.1 == candidate.1 => {
                        Some(best)
                    }
                    _ => Some(candidate),
                })
        };
        match (quality(PROBLEM_JSON), quality(JSON)) {
            (Some((problem, true)), Some((native, _))) if problem > native => BodyFormat::Problem,
            (Some((problem, true)), None) if problem > 0.0 => BodyFormat::Problem,
            _ => BodyFormat::Native,
        }
    }
}

/// How [`Error::to_response_with`] builds a response.
///
/// ```
/// use auth_error_catalog::{BodyFormat, ResponseOptions};
///
/// let options = ResponseOptions::default().format(BodyFormat::Problem).retry_after(30);
/// assert_eq!(options, ResponseOptions::default().retry_after(30).format(BodyFormat::Problem));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseOptions {
    format: BodyFormat,
    retry_after: Option<u64>,
    entry_status: bool,
    problem_base: Option<Cow<'static, str>>,
    instance: Option<Cow<'static, str>>,
}

impl ResponseOptions {
    /// The body format (native by default).
    ///
    /// ```
    /// use auth_error_catalog::{BodyFormat, ResponseOptions, authos::{Error, errors}};
    /// let response = errors::token_expired().to_response_with(&ResponseOptions::default().format(BodyFormat::Problem));
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// ```
    pub fn format(mut self, format: BodyFormat) -> Self {
        self.format = format;
        self
    }

    /// Seconds for `Retry-After`, sent on rate-limited and unavailable errors only.
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, authos::{Error, errors}};
    /// let options = ResponseOptions::default().retry_after(30);
    /// assert_eq!(errors::rate_limit_exceeded().to_response_with(&options).headers()["retry-after"], "30");
    /// assert!(errors::token_expired().to_response_with(&options).headers().get("retry-after").is_none());
    /// ```
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// Errors of an API that answers every error with one status
    /// ([`Catalog::wire_status`](crate::Catalog::wire_status): Registration's
    /// HTTP 200 with `"stat":"error"`) get the status their entry maps to
    /// instead (210 → 401).
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, registration::{Error, errors}};
    /// assert_eq!(errors::invalid_credentials().to_response().status(), 200);
    /// let mapped = ResponseOptions::default().entry_status();
    /// assert_eq!(errors::invalid_credentials().to_response_with(&mapped).status(), 401);
    /// ```
    pub fn entry_status(mut self) -> Self {
        self.entry_status = true;
        self
    }

    /// The base of problem `type` URIs: `{base}{api}/{code}`. Without it,
    /// `type` is `about:blank`.
    ///
    /// ```
    /// use auth_error_catalog::{BodyFormat, ResponseOptions, app_native::{Error, errors}};
    /// let options = ResponseOptions::default().problem_base("https://errors.example.com/");
    /// let body = errors::unauthorized().to_problem_json(&options);
    /// assert!(body.starts_with(r#"{"type":"https://errors.example.com/app_native/401","#));
    /// ```
    pub fn problem_base(mut self, base: impl Into<Cow<'static, str>>) -> Self {
        self.problem_base = Some(base.into());
        self
    }

    /// The problem `instance`: a URI for this occurrence.
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, auth0::{Error, errors}};
    /// let body = errors::missing_username().to_problem_json(&ResponseOptions::default().instance("/oauth/token#42"));
    /// assert!(body.contains(r#""instance":"/oauth/token#42""#));
    /// ```
    pub fn instance(mut self, instance: impl Into<Cow<'static, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }
}

impl<C: WireFormat> Error<C> {
    /// The status a response carries under `options`: the code's, except
    /// Registration's native 200, unless the mapped status is asked for or
    /// the body is problem details. Cheap: nothing is rendered (for a
    /// framework's `status_code`, or a metric).
    ///
    /// ```
    /// use auth_error_catalog::{BodyFormat, ResponseOptions, registration::{Error, errors}};
    /// let error = errors::invalid_credentials();
    /// assert_eq!(error.response_status(&ResponseOptions::default()), 200);
    /// assert_eq!(error.response_status(&ResponseOptions::default().entry_status()), 401);
    /// assert_eq!(error.response_status(&ResponseOptions::default().format(BodyFormat::Problem)), 401);
    /// ```
    pub fn response_status(&self, options: &ResponseOptions) -> StatusCode {
        match C::catalog().wire_status() {
            // A problem document describes an HTTP error: it is sent with,
            // and names, the status its entry maps to.
            Some(wire) if !options.entry_status && options.format == BodyFormat::Native => wire,
            _ => self.http_status(),
        }
    }

    /// The problem `title`: a summary of the problem type that is the same
    /// for every occurrence. With `about:blank` it is the status phrase
    /// (RFC 9457 §4.2.1); with a type of its own, the entry's message where
    /// the API sends that message to clients as a member of its own
    /// (app-native's `message`), else the status phrase: never documentation
    /// prose no client was meant to see.
    fn problem_title(&self, options: &ResponseOptions) -> &'static str {
        let status = self.http_status();
        let sends_message = C::catalog().members().iter().any(|member| member.value() == MemberValue::Message);
        match options.problem_base {
            Some(_) if sends_message => self.code.message(),
            _ => status.canonical_reason().unwrap_or("Error"),
        }
    }

    /// RFC 9457 problem details: `type`, `title` (the status phrase with
    /// `about:blank`; with a [`problem_base`](ResponseOptions::problem_base),
    /// the message where the API sends one), `status` (the entry's, also for
    /// Registration), `detail` (the description), `instance`, and every member
    /// of the native body as an extension, so nothing the native format
    /// carries is lost.
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, app_native::{Error, errors}, registration};
    /// let body = errors::invalid_authenticator_id("abc").with_trace_id("t").to_problem_json(&ResponseOptions::default());
    /// assert_eq!(
    ///     body,
    ///     r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Provided authenticatorId abc is invalid.","code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId abc is invalid.","traceId":"t"}"#
    /// );
    /// let typed = ResponseOptions::default().problem_base("https://errors.example.com/");
    /// assert!(errors::invalid_authenticator_id("abc").to_problem_json(&typed).contains(r#""title":"Invalid authenticatorId.","#));
    /// let registration = registration::errors::invalid_credentials().to_problem_json(&ResponseOptions::default());
    /// assert!(registration.starts_with(r#"{"type":"about:blank","title":"Unauthorized","status":401,"#));
    /// ```
    pub fn to_problem_json(&self, options: &ResponseOptions) -> String {
        let mut native = Vec::with_capacity(200);
        self.write_json(&mut native);
        let description = self.description();
        let problem = ProblemParts {
            api: C::API,
            code: self.code.as_str(),
            title: self.problem_title(options),
            status: self.http_status(),
            detail: &description,
        };
        problem.to_json(options, &native)
    }

    /// The whole response in the API's native format: see [`to_response_with`](Error::to_response_with).
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Error, errors};
    /// let response = errors::unauthorized().to_response();
    /// assert_eq!(response.status(), 401);
    /// assert_eq!(response.headers()["www-authenticate"], "Bearer");
    /// assert_eq!(response.headers()["cache-control"], "no-store");
    /// ```
    pub fn to_response(&self) -> Response<Vec<u8>> {
        self.to_response_with(&ResponseOptions::default())
    }

    /// The whole response: the status; `Content-Type`; `Cache-Control:
    /// no-store`, as OAuth requires of authentication errors; on a 401 a
    /// `WWW-Authenticate` challenge (RFC 6750: `Bearer`, with the OAuth
    /// `error` for Auth0); and on rate-limited and unavailable errors the
    /// `Retry-After` the options give.
    ///
    /// ```
    /// use auth_error_catalog::{BodyFormat, ResponseOptions, auth0::{Error, errors}};
    ///
    /// let options = ResponseOptions::default().format(BodyFormat::negotiate(Some("application/problem+json")));
    /// let response = errors::invalid_user_password().to_response_with(&options);
    /// assert_eq!(response.status(), 401);
    /// assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_user_password""#);
    /// assert!(response.body().starts_with(br#"{"type":"about:blank","title":"#));
    /// ```
    pub fn to_response_with(&self, options: &ResponseOptions) -> Response<Vec<u8>> {
        let status = self.response_status(options);
        let (content_type, body) = match options.format {
            BodyFormat::Native => {
                let mut body = Vec::with_capacity(200);
                self.write_json(&mut body);
                (JSON, body)
            }
            BodyFormat::Problem => (PROBLEM_JSON, self.to_problem_json(options).into_bytes()),
        };
        let retry_after = options.retry_after.filter(|_| self.code.kind().usually_retryable());
        let head =
            Head { status, content_type, challenge: C::catalog().challenge(), code: self.code.as_str(), retry_after };
        head.respond(body)
    }
}

/// What a problem document says beside the native body's members: the part
/// of [`Error::to_problem_json`] that is the same for every API.
struct ProblemParts<'a> {
    api: Api,
    code: &'static str,
    title: &'static str,
    status: StatusCode,
    detail: &'a str,
}

impl ProblemParts<'_> {
    /// The document, with `native`'s members as extensions.
    #[inline(never)]
    fn to_json(&self, options: &ResponseOptions, native: &[u8]) -> String {
        let mut out = Vec::with_capacity(320);
        out.extend_from_slice(b"{\"type\":");
        match &options.problem_base {
            Some(base) => json::string_into(&mut out, &format!("{base}{}/{}", self.api, self.code)),
            None => out.extend_from_slice(b"\"about:blank\""),
        }
        out.extend_from_slice(b",\"title\":");
        json::string_into(&mut out, self.title);
        out.extend_from_slice(b",\"status\":");
        json::number_into(&mut out, u32::from(self.status.as_u16()));
        out.extend_from_slice(b",\"detail\":");
        json::string_into(&mut out, self.detail);
        if let Some(instance) = &options.instance {
            out.extend_from_slice(b",\"instance\":");
            json::string_into(&mut out, instance);
        }
        // The native body is an object: its members follow as extensions.
        match native.get(1..).filter(|members| members.len() > 1) {
            Some(members) => {
                out.push(b',');
                out.extend_from_slice(members);
            }
            None => out.push(b'}'),
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

/// What a response's status and headers depend on: the part of
/// [`Error::to_response_with`] that is the same for every API, compiled once
/// rather than once per API.
struct Head {
    status: StatusCode,
    content_type: &'static str,
    /// `Catalog::challenge`, whose `{{code}}` stands for `code`.
    challenge: &'static str,
    code: &'static str,
    retry_after: Option<u64>,
}

impl Head {
    #[inline(never)]
    fn respond(self, body: Vec<u8>) -> Response<Vec<u8>> {
        let mut response = Response::new(body);
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type));
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            // build.rs checks the challenge is visible ASCII, and codes hold
            // no quotes, backslashes or control characters: the fallback is
            // for form.
            let challenge = self.challenge.replace("{{code}}", self.code);
            let challenge = HeaderValue::from_str(&challenge).unwrap_or_else(|_| HeaderValue::from_static("Bearer"));
            headers.insert(WWW_AUTHENTICATE, challenge);
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// An error with the options its response is built with, for handlers that
/// negotiate (the `axum` and `actix-web` integrations respond with it).
///
/// ```
/// use auth_error_catalog::{BodyFormat, ResponseOptions, authos::{Error, errors}};
///
/// let options = ResponseOptions::default().format(BodyFormat::negotiate(Some("application/problem+json")));
/// let error = errors::token_expired().with_options(options);
/// assert_eq!(error.to_response().headers()["content-type"], "application/problem+json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorResponse<C> {
    /// The error.
    pub error: Error<C>,
    /// How its response is built.
    pub options: ResponseOptions,
}

impl<C: WireFormat> ErrorResponse<C> {
    /// The whole response.
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, registration::{Error, errors}};
    /// let error = errors::invalid_credentials().with_options(ResponseOptions::default().entry_status());
    /// assert_eq!(error.to_response().status(), 401);
    /// ```
    pub fn to_response(&self) -> Response<Vec<u8>> {
        self.error.to_response_with(&self.options)
    }
}

impl<C: WireFormat> std::fmt::Display for ErrorResponse<C> {
    /// The error's own text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.error, f)
    }
}

impl<C: WireFormat> std::error::Error for ErrorResponse<C> {}

impl<C: WireFormat> Error<C> {
    /// Pairs the error with the options its response is built with.
    ///
    /// ```
    /// use auth_error_catalog::{ResponseOptions, app_native::{Error, errors}};
    /// let error = errors::unauthorized().with_options(ResponseOptions::default());
    /// assert_eq!(error.to_response().status(), 401);
    /// ```
    pub fn with_options(self, options: ResponseOptions) -> ErrorResponse<C> {
        ErrorResponse { error: self, options }
    }
}

include!(concat!(env!("OUT_DIR"), "/any_error.rs"));

impl AnyError {
    /// The error of `entry`, its placeholders set from `values` by name, as
    /// [`Error::builder`] would: for code that knows the API only at run time.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, Api};
    ///
    /// let entry = Api::AppNative.catalog().find("ABA-60004").unwrap();
    /// let error = AnyError::new(entry, [("authenticator_id", "abc")])?;
    /// assert_eq!(error.api(), Api::AppNative);
    /// assert!(error.to_json().contains("Provided authenticatorId abc is invalid."));
    /// assert!(AnyError::new(entry, [("nope", "x")]).is_err());
    /// # Ok::<(), auth_error_catalog::ParamError>(())
    /// ```
    pub fn new<N, V>(entry: &'static Entry, values: impl IntoIterator<Item = (N, V)>) -> Result<AnyError, ParamError>
    where
        N: AsRef<str>,
        V: Into<Cow<'static, str>>,
    {
        fn build<C: WireFormat, N: AsRef<str>, V: Into<Cow<'static, str>>>(
            entry: &'static Entry,
            values: impl IntoIterator<Item = (N, V)>,
        ) -> Result<Error<C>, ParamError> {
            let code = C::all()[entry.index()];
            values
                .into_iter()
                .fold(Error::builder(code), |builder, (name, value)| builder.with(name.as_ref(), value))
                .build()
        }
        for_code_of!(entry.api(), C => build::<C, N, V>(entry, values).map(AnyError::from))
    }

    /// Sets the field named `name` ([`Error::with_field`]).
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, authos};
    /// let error = AnyError::from(authos::errors::forbidden()).with_field("timestamp", "2025-01-15T10:30:00Z")?;
    /// assert!(error.to_json().ends_with(r#""timestamp":"2025-01-15T10:30:00Z"}"#));
    /// # Ok::<(), auth_error_catalog::ParamError>(())
    /// ```
    pub fn with_field(self, name: &str, value: impl Into<Cow<'static, str>>) -> Result<AnyError, ParamError> {
        each_api!(AnyError, self, error => error.with_field(name, value).map(AnyError::from))
    }

    /// Adds a member after the format's own ([`Error::with_member`]); a
    /// format that is not open ([`Catalog::is_open`](crate::Catalog::is_open))
    /// refuses it.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, ParamError, app_native, auth0};
    /// let error = AnyError::from(auth0::errors::missing_username()).with_member("mfa_token", "m")?;
    /// assert!(error.to_json().ends_with(r#""mfa_token":"m"}"#));
    /// let closed = AnyError::from(app_native::errors::unauthorized()).with_member("x", 1);
    /// assert!(matches!(closed, Err(ParamError::Closed { .. })));
    /// # Ok::<(), ParamError>(())
    /// ```
    pub fn with_member(
        self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<serde_json::Value>,
    ) -> Result<AnyError, ParamError> {
        if !self.api().catalog().is_open() {
            return Err(ParamError::Closed { api: self.api() });
        }
        let (name, value) = (name.into(), value.into());
        each_api!(AnyError, self, error => {
            let mut error = error;
            error.push_member(name, value).map(|()| AnyError::from(error))
        })
    }

    /// The catalog entry of the error's code.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, auth0};
    /// assert_eq!(AnyError::from(auth0::errors::missing_username()).entry().code(), "invalid_request");
    /// ```
    pub fn entry(&self) -> &'static Entry {
        each_api!(AnyError, self, error => error.code().entry())
    }

    /// The HTTP status of the error's code.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, authos};
    /// assert_eq!(AnyError::from(authos::errors::forbidden()).http_status(), 403);
    /// ```
    pub fn http_status(&self) -> StatusCode {
        each_api!(AnyError, self, error => error.http_status())
    }

    /// Which API the error belongs to.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, Api, registration};
    /// assert_eq!(AnyError::from(registration::errors::invalid_credentials()).api(), Api::Registration);
    /// ```
    pub fn api(&self) -> Api {
        fn api_of<C: WireFormat>(_: &Error<C>) -> Api {
            C::API
        }
        each_api!(AnyError, self, error => api_of(error))
    }

    /// The native body.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, auth0};
    /// let json = AnyError::from(auth0::errors::missing_username()).to_json();
    /// assert_eq!(json, r#"{"error":"invalid_request","error_description":"missing username parameter"}"#);
    /// ```
    pub fn to_json(&self) -> String {
        each_api!(AnyError, self, error => error.to_json())
    }

    /// The whole response in the native format.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, authos};
    /// assert_eq!(AnyError::from(authos::errors::forbidden()).to_response().status(), 403);
    /// ```
    pub fn to_response(&self) -> Response<Vec<u8>> {
        self.to_response_with(&ResponseOptions::default())
    }

    /// The whole response, built with `options`.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, BodyFormat, ResponseOptions, authos};
    /// let options = ResponseOptions::default().format(BodyFormat::Problem);
    /// let response = AnyError::from(authos::errors::forbidden()).to_response_with(&options);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// ```
    pub fn to_response_with(&self, options: &ResponseOptions) -> Response<Vec<u8>> {
        each_api!(AnyError, self, error => error.to_response_with(options))
    }

    /// The status of [`to_response_with`](AnyError::to_response_with), without
    /// building the response.
    ///
    /// ```
    /// use auth_error_catalog::{AnyError, ResponseOptions, authos, registration};
    /// let options = ResponseOptions::default();
    /// assert_eq!(AnyError::from(authos::errors::forbidden()).response_status(&options), 403);
    /// assert_eq!(AnyError::from(registration::errors::invalid_credentials()).response_status(&options), 200);
    /// ```
    pub fn response_status(&self, options: &ResponseOptions) -> StatusCode {
        each_api!(AnyError, self, error => error.response_status(options))
    }
}

impl std::fmt::Display for AnyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        each_api!(AnyError, self, error => std::fmt::Display::fmt(error, f))
    }
}

impl std::error::Error for AnyError {}
