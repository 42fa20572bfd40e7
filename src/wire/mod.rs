//! The wire layer's render side: [`WireFormat`], what differs between the
//! APIs' error bodies (their members in order, where the parser finds the
//! code and the description), which each API module implements for its
//! `Code`, and [`Error`], which renders any of them. Escaping, templates,
//! parsing and classification are shared.

mod error;

use std::borrow::Cow;

use crate::ErrorCode;
use crate::catalog::Match;

pub use error::{Builder, Error, Fields, ParamError};

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

pub(crate) const fn member<'e>(name: &'static str, value: Value<'e>) -> Option<Member<'e>> {
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

/// One API's wire format: implemented by each API's `Code`, and sealed. What
/// it holds (the members of a body in order, where a parser finds the code
/// and the description) is the crate's own, in a private supertrait.
///
/// ```
/// use auth_error_catalog::{WireFormat, auth0, registration};
///
/// fn body<C: WireFormat>(error: auth_error_catalog::Error<C>) -> String {
///     error.to_json()
/// }
/// assert!(body(auth0::Error::missing_username()).starts_with(r#"{"error":"invalid_request""#));
/// assert!(body(registration::Error::invalid_credentials()).starts_with(r#"{"stat":"error","code":210"#));
/// ```
pub trait WireFormat: ErrorCode + private::Format {}

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

/// The internals of a wire format. A public trait in a private module: it
/// seals [`WireFormat`], and users can neither name nor implement it.
pub(crate) mod private {
    use super::{Error, Fields, Match, Members, Shape};

    pub trait Format: crate::ErrorCode {
        /// The members of `error`'s body, in wire order.
        fn members(error: &Error<Self>) -> Members<'_>;

        /// Fills the per-API fields a new error starts with.
        fn initialise(_fields: &mut Fields) {}

        /// Where a received body of this API keeps its code and description.
        fn shape() -> Shape;

        /// The catalog's code for a received code and description.
        fn classify(raw_code: &str, _description: Option<&str>) -> (Option<Self>, Match) {
            match Self::from_wire(raw_code) {
                Some(code) => (Some(code), Match::Exact),
                None => (None, Match::Unknown),
            }
        }
    }
}
