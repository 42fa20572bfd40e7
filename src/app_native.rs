//! WSO2 Identity Server app-native (API-based) authentication.
//!
//! Error bodies are `{"code","message","description","traceId"}`, all strings.
//! A catalog code is sent as `"ABA-" + number` (`"ABA-60004"`), except 401,
//! which is sent as `"401"` with a `WWW-Authenticate` header. 600xx codes are
//! client errors (HTTP 400, but 60006 is 501), 650xx server errors (HTTP 500).
//!
//! ```
//! use auth_error_catalog::app_native::Code;
//!
//! let code = Code::from_wire("ABA-60004").unwrap();
//! assert_eq!(code, Code::InvalidAuthenticatorId);
//! assert_eq!(Code::from_wire("60004"), Some(code));
//! assert_eq!(Code::from_number(60004), Some(code));
//! assert_eq!(code.http_status(), http::StatusCode::BAD_REQUEST);
//! assert_eq!(code.message(), "Invalid authenticatorId.");
//! ```

include!(concat!(env!("OUT_DIR"), "/app_native.rs"));

use std::borrow::Cow;

use crate::wire::{BodyMembers, MemberValue, Shape, WireFormat, body_member};

impl WireFormat for Code {}

/// `{"code","message","description","traceId"}`; `traceId` is `""` when there is none.
impl crate::wire::private::Format for Code {
    fn members(error: &crate::Error<Self>) -> BodyMembers<'_> {
        [
            body_member("code", MemberValue::Escaped(error.code.as_str())),
            body_member("message", MemberValue::Escaped(error.code.entry().message_json())),
            body_member("description", MemberValue::Description),
            body_member("traceId", MemberValue::Text(&error.fields.trace_id)),
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

impl crate::Error<Code> {
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
