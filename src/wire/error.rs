//! The server side: a typed error value of one API, rendered to that API's
//! exact wire JSON.

use std::borrow::Cow;

use http::StatusCode;

use crate::json;
use crate::wire::{OpenFormat, RenderedMember, RenderedValue, WireFormat};

/// An error of one API, ready to send: its code, the values of the code's
/// placeholders, and the API's own fields (trace id, request token,
/// timestamp). Each API module names it: `app_native::Error`, …
///
/// Build it with a constructor generated for every code, which takes one
/// argument per placeholder (so a missing value is a compile error), or with
/// [`Error::builder`] when the code is only known at run time.
///
/// ```
/// use auth_error_catalog::app_native::{Code, Error, errors};
///
/// let error = errors::invalid_authenticator_id("abc").with_trace_id("4f1c");
/// assert_eq!(error.code(), Code::InvalidAuthenticatorId);
/// assert_eq!(
///     error.to_json(),
///     r#"{"code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId abc is invalid.","traceId":"4f1c"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error<C> {
    pub(crate) code: C,
    /// One per placeholder of the code, in the order of `Entry::placeholders`.
    pub(crate) values: Vec<Cow<'static, str>>,
    pub(crate) description: Option<Cow<'static, str>>,
    pub(crate) fields: Fields,
    /// Members beyond the format's own, each with its JSON text (see
    /// [`OpenFormat`](crate::OpenFormat)).
    pub(crate) extra: Vec<(Cow<'static, str>, Box<str>)>,
}

/// The values of an error's fields (trace id, timestamp, request token), in
/// the order of its catalog's [`fields`](crate::Catalog::fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(pub(crate) [Cow<'static, str>; 2]);

/// A misuse of the dynamic [`Builder`]: a placeholder value that is
/// unknown, missing or given twice; or an extra member whose name is taken.
///
/// ```
/// use auth_error_catalog::{ParamError, app_native::{Code, Error, errors}};
///
/// let err = Error::builder(Code::InvalidAuthenticatorId).with("authenticatorId", "abc").build().unwrap_err();
/// assert!(matches!(err, ParamError::Unknown { .. }));
/// assert_eq!(
///     err.to_string(),
///     "`ABA-60004` has no placeholder `authenticatorId`; its placeholders are: authenticator_id"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParamError {
    /// The code has no placeholder of that name.
    // A name is caller input: escaped, so the message stays on one line.
    #[error("`{code}` has no placeholder `{}`; its placeholders are: {}", .name.escape_debug(), expected_list(.expected))]
    Unknown {
        /// The wire code.
        code: &'static str,
        /// The name given.
        name: String,
        /// The code's placeholders.
        expected: &'static [&'static str],
    },
    /// A placeholder was given no value.
    #[error("`{code}` needs a value for its placeholder `{name}`")]
    Missing {
        /// The wire code.
        code: &'static str,
        /// The placeholder without a value.
        name: &'static str,
    },
    /// A placeholder was given two values.
    #[error("`{code}` was given two values for its placeholder `{name}`")]
    Duplicate {
        /// The wire code.
        code: &'static str,
        /// The placeholder given twice.
        name: &'static str,
    },
    /// The API's body has no field of that name.
    #[error("the {api} body has no field `{}`; its fields are: {}", .name.escape_debug(), expected_list(.expected))]
    UnknownField {
        /// The API.
        api: crate::Api,
        /// The name given.
        name: String,
        /// The API's fields.
        expected: Vec<&'static str>,
    },
    /// The API's body takes no members beyond its own (see
    /// [`OpenFormat`](crate::OpenFormat)).
    #[error("the {api} body has only its own members")]
    Closed {
        /// The API.
        api: crate::Api,
    },
    /// An extra member would repeat one the body, or its problem+json form,
    /// already has (see [`OpenFormat`](crate::OpenFormat)).
    #[error("the body of `{code}` already has a member `{}`", .name.escape_debug())]
    MemberTaken {
        /// The wire code.
        code: &'static str,
        /// The member name given.
        name: String,
    },
}

fn expected_list(names: &[&str]) -> String {
    if names.is_empty() { "none".to_owned() } else { names.join(", ") }
}

/// Builds an [`Error`] from placeholder names known only at run time.
/// Every misuse is reported by [`build`](Builder::build), never panicked on.
///
/// ```
/// use auth_error_catalog::app_native::{Code, Error, errors};
///
/// let error = Error::builder(Code::ApplicationNotFound)
///     .with("client_id", "my-app")
///     .with("tenant_domain", "carbon.super")
///     .build()
///     .unwrap();
/// assert_eq!(error, errors::application_not_found("my-app", "carbon.super"));
/// assert!(Error::builder(Code::ApplicationNotFound).with("client_id", "x").build().is_err());
/// ```
#[derive(Clone, Debug)]
pub struct Builder<C> {
    code: C,
    values: Vec<Option<Cow<'static, str>>>,
    misuse: Option<ParamError>,
}

impl<C: WireFormat> Builder<C> {
    /// Sets the value of placeholder `name`.
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Code, Error, errors};
    /// let built = Error::builder(Code::InvalidAuthenticatorId).with("authenticator_id", "{{x}}").build();
    /// assert_eq!(built.unwrap().description(), "Provided authenticatorId {{x}} is invalid.");
    /// ```
    pub fn with(mut self, name: &str, value: impl Into<Cow<'static, str>>) -> Self {
        if self.misuse.is_some() {
            return self;
        }
        let entry = self.code.entry();
        match entry.placeholders().iter().position(|known| *known == name) {
            None => {
                self.misuse = Some(ParamError::Unknown {
                    code: entry.code(),
                    name: name.to_owned(),
                    expected: entry.placeholders(),
                });
            }
            Some(at) if self.values[at].is_some() => {
                self.misuse = Some(ParamError::Duplicate { code: entry.code(), name: entry.placeholders()[at] });
            }
            Some(at) => self.values[at] = Some(value.into()),
        }
        self
    }

    /// The error, or the first misuse.
    ///
    /// ```
    /// use auth_error_catalog::{ParamError, authos::{Code, Error, errors}};
    /// assert!(Error::builder(Code::TokenExpired).build().is_ok());
    /// ```
    pub fn build(self) -> Result<Error<C>, ParamError> {
        if let Some(misuse) = self.misuse {
            return Err(misuse);
        }
        let entry = self.code.entry();
        let mut values = Vec::with_capacity(self.values.len());
        for (value, name) in self.values.into_iter().zip(entry.placeholders()) {
            values.push(value.ok_or(ParamError::Missing { code: entry.code(), name })?);
        }
        Ok(Error::from_parts(self.code, values))
    }
}

impl<C: WireFormat> Error<C> {
    /// Starts an error whose placeholder values are set by name.
    ///
    /// ```
    /// use auth_error_catalog::registration::{Code, Error, errors};
    /// let error = Error::builder(Code::InvalidCredentials).build().unwrap();
    /// assert_eq!(error.code(), Code::InvalidCredentials);
    /// ```
    pub fn builder(code: C) -> Builder<C> {
        Builder { code, values: vec![None; code.entry().placeholders().len()], misuse: None }
    }

    /// Used by the generated constructors: `values` has one value per placeholder.
    pub(crate) fn from_parts(code: C, values: Vec<Cow<'static, str>>) -> Self {
        let mut fields = Fields::default();
        C::initialise(&mut fields);
        Error { code, values, description: None, fields, extra: Vec::new() }
    }

    /// Sets the field named `name` (its catalog's [`fields`](crate::Catalog::fields)):
    /// for code that knows the field only at run time. Each field also has
    /// its own setter, `with_trace_id` and the like.
    ///
    /// ```
    /// use auth_error_catalog::{ParamError, authos::{Error, errors}};
    ///
    /// let error = errors::token_expired().with_field("timestamp", "2025-01-15T10:30:00Z")?;
    /// assert!(error.to_json().ends_with(r#""timestamp":"2025-01-15T10:30:00Z"}"#));
    /// assert!(matches!(errors::token_expired().with_field("traceId", "x"), Err(ParamError::UnknownField { .. })));
    /// # Ok::<(), ParamError>(())
    /// ```
    pub fn with_field(mut self, name: &str, value: impl Into<Cow<'static, str>>) -> Result<Self, ParamError> {
        let catalog = C::catalog();
        match catalog.fields().position(|field| field == name) {
            Some(index) => {
                self.fields.0[index] = value.into();
                Ok(self)
            }
            None => Err(ParamError::UnknownField {
                api: C::API,
                name: name.to_owned(),
                expected: catalog.fields().collect(),
            }),
        }
    }

    /// The value of the field named `name`, if the body has that field.
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Error, errors};
    /// assert_eq!(errors::unauthorized().with_trace_id("t-1").field("trace_id"), Some("t-1"));
    /// assert_eq!(errors::unauthorized().field("timestamp"), None);
    /// ```
    pub fn field(&self, name: &str) -> Option<&str> {
        let index = C::catalog().fields().position(|field| field == name)?;
        Some(&self.fields.0[index])
    }

    /// The error code.
    ///
    /// ```
    /// use auth_error_catalog::authos::{Code, Error, errors};
    /// assert_eq!(errors::token_expired().code(), Code::TokenExpired);
    /// ```
    pub fn code(&self) -> C {
        self.code
    }

    /// The HTTP status a service sends the error with (see the API module
    /// for Registration, whose own API answers 200).
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Error, errors};
    /// assert_eq!(errors::unauthorized().http_status(), http::StatusCode::UNAUTHORIZED);
    /// ```
    pub fn http_status(&self) -> StatusCode {
        self.code.http_status()
    }

    /// Each placeholder with its value.
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Error, errors};
    /// let error = errors::invalid_authenticator_id("abc");
    /// assert_eq!(error.values().collect::<Vec<_>>(), [("authenticator_id", "abc")]);
    /// ```
    pub fn values(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.code.entry().placeholders().iter().copied().zip(self.values.iter().map(|value| value.as_ref()))
    }

    /// Replaces the description the template would give.
    ///
    /// ```
    /// use auth_error_catalog::auth0::{Error, errors};
    /// let error = errors::invalid_grant("irrelevant").with_description("Wrong email or password.");
    /// assert_eq!(error.to_json(), r#"{"error":"invalid_grant","error_description":"Wrong email or password."}"#);
    /// ```
    pub fn with_description(mut self, description: impl Into<Cow<'static, str>>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The description as sent: the override, else the filled template.
    ///
    /// ```
    /// use auth_error_catalog::app_native::{Error, errors};
    /// assert_eq!(errors::unknown_flow_status("PAUSED").description(), "Unknown authentication flow status: PAUSED.");
    /// ```
    pub fn description(&self) -> Cow<'_, str> {
        match &self.description {
            Some(description) => Cow::Borrowed(description.as_ref()),
            None => self.code.entry().fill(&self.values),
        }
    }

    /// Appends the wire body to `out`. Nothing is allocated but `out`'s growth.
    ///
    /// ```
    /// use auth_error_catalog::auth0::{Error, errors};
    /// let mut buf = Vec::new();
    /// errors::missing_username().write_json(&mut buf);
    /// assert_eq!(buf, br#"{"error":"invalid_request","error_description":"missing username parameter"}"#);
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        C::write_members(self, out);
        // Every format writes members of its own first, hence the comma.
        for (name, value) in &self.extra {
            out.push(b',');
            json::string_into(out, name);
            out.push(b':');
            out.extend_from_slice(value.as_bytes());
        }
        out.push(b'}');
    }

    /// Writes the description as a JSON string: the override, else the
    /// filled template.
    pub(crate) fn write_description(&self, out: &mut Vec<u8>) {
        match &self.description {
            Some(description) => json::string_into(out, description),
            None => {
                self.code.entry().write_filled_json(out, &self.values);
            }
        }
    }

    /// The wire body as a string.
    ///
    /// ```
    /// use auth_error_catalog::authos::{Error, errors};
    /// let json = errors::token_expired().with_timestamp("2025-01-15T10:30:00Z").to_json();
    /// assert_eq!(json, r#"{"error":"JWT has expired","error_code":"TOKEN_EXPIRED","timestamp":"2025-01-15T10:30:00Z"}"#);
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(160);
        self.write_json(&mut out);
        // Every byte written is either valid UTF-8 input or ASCII.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl<C: WireFormat> std::fmt::Display for Error<C> {
    /// `ABA-60004: Provided authenticatorId abc is invalid.`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.description())
    }
}

impl<C: WireFormat> std::error::Error for Error<C> {}

impl<C: WireFormat> serde::Serialize for Error<C> {
    /// The same members, in the same order, as [`Error::write_json`].
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let members = C::members(self);
        let mut map = serializer.serialize_map(Some(members.iter().flatten().count() + self.extra.len()))?;
        for RenderedMember { name, value } in members.iter().flatten() {
            match value {
                RenderedValue::Text(text) => map.serialize_entry(name, text)?,
                RenderedValue::Escaped(escaped) => map.serialize_entry(name, &unescaped(escaped))?,
                RenderedValue::Number(number) => map.serialize_entry(name, number)?,
                RenderedValue::Description => map.serialize_entry(name, &self.description())?,
            }
        }
        for (name, value) in &self.extra {
            // The text was written by serde_json, so it reads back.
            let raw: &serde_json::value::RawValue = serde_json::from_str(value).map_err(serde::ser::Error::custom)?;
            map.serialize_entry(name, raw)?;
        }
        map.end()
    }
}

/// The text of a pre-escaped static string.
fn unescaped(escaped: &str) -> Cow<'_, str> {
    if escaped.contains('\\') {
        Cow::Owned(serde_json::from_str(&format!("\"{escaped}\"")).unwrap_or_default())
    } else {
        Cow::Borrowed(escaped)
    }
}

/// The members problem+json writes before the native ones.
const PROBLEM_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

impl<C: WireFormat> Error<C> {
    /// [`with_member`](Error::with_member)'s work, for any format: the
    /// any-API error checks openness at run time.
    pub(crate) fn push_member(&mut self, name: Cow<'static, str>, value: serde_json::Value) -> Result<(), ParamError> {
        let taken = C::members(self).iter().flatten().any(|member| member.name == name)
            || PROBLEM_MEMBERS.contains(&name.as_ref())
            || self.extra.iter().any(|(extra, _)| *extra == name);
        if taken {
            return Err(ParamError::MemberTaken { code: self.code.as_str(), name: name.into_owned() });
        }
        self.extra.push((name, value.to_string().into_boxed_str()));
        Ok(())
    }
}

impl<C: OpenFormat> Error<C> {
    /// Adds a member after the format's own, in the order added. `value` is
    /// any JSON value (`&str`, numbers, `bool`, `serde_json::json!(…)`); the
    /// name is escaped like any text. A name the body already has (its own
    /// members, or `type`, `title`, `status`, `detail` and `instance` of its
    /// problem+json form) is refused, so no body repeats a member.
    ///
    /// ```
    /// use auth_error_catalog::{ParamError, registration::{Error, errors}};
    ///
    /// let error = errors::missing_argument()
    ///     .with_request_token("abcdefghijklmnop")
    ///     .with_member("argument_name", "email")?;
    /// assert_eq!(
    ///     error.to_json(),
    ///     r#"{"stat":"error","code":100,"error":"missing_argument","error_description":"A required argument wasn't supplied.","request_token":"abcdefghijklmnop","argument_name":"email"}"#
    /// );
    ///
    /// let fields = serde_json::json!({"emailAddress": ["Email address is required."]});
    /// assert!(errors::invalid_form_fields().with_member("invalid_fields", fields).is_ok());
    /// assert!(matches!(errors::invalid_form_fields().with_member("code", 1), Err(ParamError::MemberTaken { .. })));
    /// # Ok::<(), ParamError>(())
    /// ```
    pub fn with_member(
        mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<serde_json::Value>,
    ) -> Result<Self, ParamError> {
        self.push_member(name.into(), value.into())?;
        Ok(self)
    }

    /// The members added with [`with_member`](Error::with_member), each
    /// with its JSON text.
    ///
    /// ```
    /// use auth_error_catalog::auth0::{Error, errors};
    /// let error = errors::invalid_grant("x").with_member("mfa_token", "Fe26…")?;
    /// assert_eq!(error.extra_members().collect::<Vec<_>>(), [("mfa_token", r#""Fe26…""#)]);
    /// # Ok::<(), auth_error_catalog::ParamError>(())
    /// ```
    pub fn extra_members(&self) -> impl Iterator<Item = (&str, &str)> {
        self.extra.iter().map(|(name, value)| (name.as_ref(), value.as_ref()))
    }
}
