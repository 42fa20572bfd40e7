//! What differs between the four wire formats: the members of an error body,
//! in order, and where the parser finds the code and the description.
//! Everything else (escaping, templates, parsing, classification) is shared.

use std::borrow::Cow;

use crate::catalog::Match;
use crate::error::{Error, Fields, ParamError};
use crate::{ErrorCode, app_native, auth0, authos, registration};

/// The value of one member of a rendered body.
#[derive(Clone, Copy, Debug)]
pub enum Value<'e> {
    /// Text to escape.
    Text(&'e str),
    /// Text that needs no escaping: catalog codes and names (build.rs
    /// rejects `"`, `\\` and control characters in them), pre-escaped messages.
    Escaped(&'static str),
    Number(u32),
    /// The description: the override, else the filled template.
    Description,
}

/// One member of a rendered body.
#[derive(Clone, Copy, Debug)]
pub struct Member<'e> {
    pub(crate) name: &'static str,
    pub(crate) value: Value<'e>,
}

const fn member<'e>(name: &'static str, value: Value<'e>) -> Option<Member<'e>> {
    Some(Member { name, value })
}

/// Where a body keeps what classification needs.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// The members that may hold the code, first present wins.
    pub(crate) code: &'static [&'static str],
    /// The members that may hold the description, first present wins.
    pub(crate) description: &'static [&'static str],
    /// Members all of which a body of this API has (beside `code`).
    pub(crate) required: &'static [&'static str],
    /// Members at least one of which a body of this API has, if any are named.
    pub(crate) any_of: &'static [&'static str],
}

/// A body has at most five members.
pub type Members<'e> = [Option<Member<'e>>; 5];

/// One API's wire format. Sealed: implemented by the four `Code` types.
pub trait WireFormat: ErrorCode + private::Sealed {
    /// The members of `error`'s body, in wire order.
    #[doc(hidden)]
    fn members(error: &Error<Self>) -> Members<'_>;

    /// Fills the per-API fields a new error starts with.
    #[doc(hidden)]
    fn initialise(_fields: &mut Fields) {}

    /// Where a received body of this API keeps its code and description.
    #[doc(hidden)]
    fn shape() -> Shape;

    /// The catalog's code for a received code and description.
    #[doc(hidden)]
    fn classify(raw_code: &str, _description: Option<&str>) -> (Option<Self>, Match) {
        match Self::from_wire(raw_code) {
            Some(code) => (Some(code), Match::Exact),
            None => (None, Match::Unknown),
        }
    }
}

/// A wire format whose bodies carry members beyond its own: Auth0
/// (`mfa_token`, `statusCode`, …) and Registration (`argument_name`,
/// `invalid_fields`, …), whose real servers send them. Its errors take them
/// with [`Error::with_member`]. AppNative and AuthOS bodies have exactly
/// their own members, so their errors have no such method.
///
/// ```
/// use auth_error_catalog::{OpenFormat, auth0};
///
/// // Generic over the open formats: a service's own correlation member.
/// fn traced<C: OpenFormat>(error: auth_error_catalog::Error<C>, id: &str) -> auth_error_catalog::Error<C> {
///     error.clone().with_member("x_request_id", id).unwrap_or(error)
/// }
/// let json = traced(auth0::Error::missing_username(), "r-1").to_json();
/// assert!(json.ends_with(r#""x_request_id":"r-1"}"#));
/// ```
pub trait OpenFormat: WireFormat {}

impl OpenFormat for auth0::Code {}
impl OpenFormat for registration::Code {}

/// The members problem+json writes before the native ones.
const PROBLEM_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

impl<C: OpenFormat> Error<C> {
    /// Adds a member after the format's own, in the order added. `value` is
    /// any JSON value (`&str`, numbers, `bool`, `serde_json::json!(…)`); the
    /// name is escaped like any text. A name the body already has (its own
    /// members, or `type`, `title`, `status`, `detail` and `instance` of its
    /// problem+json form) is refused, so no body repeats a member.
    ///
    /// ```
    /// use auth_error_catalog::{ParamError, registration::Error};
    ///
    /// let error = Error::missing_argument()
    ///     .with_request_token("abcdefghijklmnop")
    ///     .with_member("argument_name", "email")?;
    /// assert_eq!(
    ///     error.to_json(),
    ///     r#"{"stat":"error","code":100,"error":"missing_argument","error_description":"A required argument wasn't supplied.","request_token":"abcdefghijklmnop","argument_name":"email"}"#
    /// );
    ///
    /// let fields = serde_json::json!({"emailAddress": ["Email address is required."]});
    /// assert!(Error::invalid_form_fields().with_member("invalid_fields", fields).is_ok());
    /// assert!(matches!(Error::invalid_form_fields().with_member("code", 1), Err(ParamError::MemberTaken { .. })));
    /// # Ok::<(), ParamError>(())
    /// ```
    pub fn with_member(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<serde_json::Value>,
    ) -> Result<Self, ParamError> {
        let name = name.into();
        let taken = C::members(&self).iter().flatten().any(|member| member.name == name)
            || PROBLEM_MEMBERS.contains(&name.as_ref())
            || self.extra.iter().any(|(extra, _)| *extra == name);
        if taken {
            return Err(ParamError::MemberTaken { code: self.code.as_str(), name: name.into_owned() });
        }
        self.extra.push((name, value.into().to_string().into_boxed_str()));
        Ok(self)
    }

    /// The members added with [`with_member`](Error::with_member), each
    /// with its JSON text.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Error;
    /// let error = Error::invalid_grant("x").with_member("mfa_token", "Fe26…")?;
    /// assert_eq!(error.extra_members().collect::<Vec<_>>(), [("mfa_token", r#""Fe26…""#)]);
    /// # Ok::<(), auth_error_catalog::ParamError>(())
    /// ```
    pub fn extra_members(&self) -> impl Iterator<Item = (&str, &str)> {
        self.extra.iter().map(|(name, value)| (name.as_ref(), value.as_ref()))
    }
}

mod private {
    pub trait Sealed {}
    impl Sealed for super::app_native::Code {}
    impl Sealed for super::auth0::Code {}
    impl Sealed for super::authos::Code {}
    impl Sealed for super::registration::Code {}
}

/// `{"code","message","description","traceId"}`; `traceId` is `""` when there is none.
impl WireFormat for app_native::Code {
    fn members(error: &Error<Self>) -> Members<'_> {
        [
            member("code", Value::Escaped(error.code.as_str())),
            member("message", Value::Escaped(error.code.entry().message_json())),
            member("description", Value::Description),
            member("traceId", Value::Text(&error.fields.trace_id)),
            None,
        ]
    }

    fn shape() -> Shape {
        // WSO2's own SDK fixtures show bodies with only `code` and `description`.
        Shape {
            code: &["code"],
            description: &["description"],
            required: &[],
            any_of: &["message", "description", "traceId"],
        }
    }
}

/// `{"error","error_description"}`.
impl WireFormat for auth0::Code {
    fn members(error: &Error<Self>) -> Members<'_> {
        [
            member("error", Value::Escaped(error.code.as_str())),
            member("error_description", Value::Description),
            None,
            None,
            None,
        ]
    }

    fn shape() -> Shape {
        // The sign-up endpoint answers {"name","code","description","statusCode"}.
        Shape {
            code: &["error", "code"],
            description: &["error_description", "description"],
            required: &[],
            any_of: &[],
        }
    }

    fn classify(error: &str, description: Option<&str>) -> (Option<Self>, Match) {
        auth0::Code::classify_pair(error, description)
    }
}

/// `{"error": <human message>, "error_code", "timestamp"}`: `error` is the text.
impl WireFormat for authos::Code {
    fn members(error: &Error<Self>) -> Members<'_> {
        [
            member("error", Value::Description),
            member("error_code", Value::Escaped(error.code.as_str())),
            member("timestamp", Value::Text(&error.fields.timestamp)),
            None,
            None,
        ]
    }

    fn initialise(fields: &mut Fields) {
        fields.timestamp = Cow::Owned(crate::time::rfc3339_now());
    }

    fn shape() -> Shape {
        Shape { code: &["error_code"], description: &["error"], required: &["error"], any_of: &[] }
    }
}

/// `{"stat":"error","code":<int>,"error","error_description","request_token"}`.
impl WireFormat for registration::Code {
    fn members(error: &Error<Self>) -> Members<'_> {
        let entry = error.code.entry();
        [
            member("stat", Value::Escaped("error")),
            member("code", Value::Number(entry.number().unwrap_or_default())),
            member("error", Value::Escaped(entry.name().unwrap_or_default())),
            member("error_description", Value::Description),
            member("request_token", Value::Text(&error.fields.request_token)),
        ]
    }

    fn initialise(fields: &mut Fields) {
        fields.request_token = Cow::Owned(crate::time::request_token());
    }

    fn shape() -> Shape {
        // `message` stands in where a server omits `error_description`.
        Shape { code: &["code"], description: &["error_description", "message"], required: &["stat"], any_of: &[] }
    }

    fn classify(raw_code: &str, _description: Option<&str>) -> (Option<Self>, Match) {
        // Only the canonical decimal form is a number: not "+210", not "0210".
        let canonical =
            raw_code.bytes().all(|byte| byte.is_ascii_digit()) && !(raw_code.len() > 1 && raw_code.starts_with('0'));
        let Some(number) = raw_code.parse::<u32>().ok().filter(|_| canonical) else {
            return match registration::Code::from_wire(raw_code) {
                Some(code) => (Some(code), Match::Exact),
                None => (None, Match::Unknown),
            };
        };
        match (registration::Code::from_number(number), registration::Code::resolve(number)) {
            (Some(code), _) => (Some(code), Match::Exact),
            (None, Some(catch_all)) => (Some(catch_all), Match::CatchAll),
            (None, None) => (None, Match::Unknown),
        }
    }
}

impl Error<app_native::Code> {
    /// Sets the `traceId` (the correlation id); `""` until set.
    ///
    /// ```
    /// use auth_error_catalog::app_native::Error;
    /// assert!(Error::unauthorized().with_trace_id("t-1").to_json().ends_with(r#""traceId":"t-1"}"#));
    /// ```
    pub fn with_trace_id(mut self, trace_id: impl Into<Cow<'static, str>>) -> Self {
        self.fields.trace_id = trace_id.into();
        self
    }
}

impl Error<authos::Code> {
    /// Sets the RFC 3339 `timestamp`; a new error carries the time it was made.
    ///
    /// ```
    /// use auth_error_catalog::authos::Error;
    /// let json = Error::rate_limit_exceeded().with_timestamp("2025-01-15T10:30:00.123+00:00").to_json();
    /// assert!(json.ends_with(r#""timestamp":"2025-01-15T10:30:00.123+00:00"}"#));
    /// ```
    pub fn with_timestamp(mut self, timestamp: impl Into<Cow<'static, str>>) -> Self {
        self.fields.timestamp = timestamp.into();
        self
    }
}

impl Error<registration::Code> {
    /// Sets the `request_token`; a new error carries a random 16-character one.
    ///
    /// ```
    /// use auth_error_catalog::registration::Error;
    /// let json = Error::invalid_credentials().with_request_token("abcdefghijklmnop").to_json();
    /// assert_eq!(
    ///     json,
    ///     r#"{"stat":"error","code":210,"error":"invalid_credentials","error_description":"The supplied email address or password was incorrect.","request_token":"abcdefghijklmnop"}"#
    /// );
    /// ```
    pub fn with_request_token(mut self, request_token: impl Into<Cow<'static, str>>) -> Self {
        self.fields.request_token = request_token.into();
        self
    }
}
