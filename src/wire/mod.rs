//! The wire layer's render side: [`WireFormat`], what differs between the
//! APIs' error bodies (their members in order, where the parser finds the
//! code and the description), which each API module implements for its
//! `Code`, and [`Error`], which renders any of them. Escaping, templates,
//! parsing and classification are shared.

mod error;

use crate::ErrorCode;

pub use error::{Builder, Error, Fields, ParamError};

/// The value of one member of a rendered body.
#[derive(Clone, Copy, Debug)]
pub enum RenderedValue<'e> {
    /// Text to escape.
    Text(&'e str),
    /// Text that needs no escaping: catalog codes and names (build.rs
    /// rejects `"`, `\\` and control characters in them), pre-escaped messages.
    Escaped(&'static str),
    Number(u32),
    /// The description: the override, else the filled template.
    Description,
}

/// One member of a rendered body: a [`BodyMember`](crate::BodyMember) of the
/// catalog with this error's value.
#[derive(Clone, Copy, Debug)]
pub struct RenderedMember<'e> {
    pub(crate) name: &'static str,
    pub(crate) value: RenderedValue<'e>,
}

pub(crate) const fn rendered<'e>(name: &'static str, value: RenderedValue<'e>) -> Option<RenderedMember<'e>> {
    Some(RenderedMember { name, value })
}

/// A body has at most five members (build.rs checks each catalog).
pub type RenderedMembers<'e> = [Option<RenderedMember<'e>>; 5];

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
/// assert!(body(auth0::errors::missing_username()).starts_with(r#"{"error":"invalid_request""#));
/// assert!(body(registration::errors::invalid_credentials()).starts_with(r#"{"stat":"error","code":210"#));
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
/// let json = traced(auth0::errors::missing_username(), "r-1").to_json();
/// assert!(json.ends_with(r#""x_request_id":"r-1"}"#));
/// ```
pub trait OpenFormat: WireFormat {}

/// The internals of a wire format. A public trait in a private module: it
/// seals [`WireFormat`], and users can neither name nor implement it.
pub(crate) mod private {
    use super::{Error, Fields, RenderedMembers};
    use crate::catalog::Classified;

    pub trait Format: crate::ErrorCode {
        /// Where a received body of this API keeps its code and description:
        /// a constant, so that the parser's member search is unrolled.
        const SHAPE: crate::body::Shape;

        /// The members of `error`'s body, in wire order.
        fn members(error: &Error<Self>) -> RenderedMembers<'_>;

        /// Writes `{` and the members of `error`'s body: [`members`](Format::members)
        /// as generated code, with the JSON between the values as constants.
        fn write_members(error: &Error<Self>, out: &mut Vec<u8>);

        /// Fills the per-API fields a new error starts with.
        fn initialise(_fields: &mut Fields) {}

        /// The catalog's code for a received code and description.
        fn classify(raw_code: &str, _description: Option<&str>) -> Classified<Self> {
            Classified::exact(Self::from_wire(raw_code))
        }
    }
}
