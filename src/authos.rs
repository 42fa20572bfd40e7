//! AuthOS.
//!
//! Error bodies are `{"error": <human message>, "error_code": <SCREAMING_CASE>,
//! "timestamp": <RFC 3339>}`: the reverse of OAuth's naming, `error` is the
//! human text. The HTTP status is chosen per code and never in the body.
//!
//! ```
//! use auth_error_catalog::{authos::Code, Kind};
//!
//! let code: Code = "TOKEN_EXPIRED".parse().unwrap();
//! assert_eq!(code, Code::TokenExpired);
//! assert_eq!(code.http_status().as_u16(), 401);
//! assert_eq!(code.kind(), Kind::TokenExpired);
//! ```

include!(concat!(env!("OUT_DIR"), "/authos.rs"));

use std::borrow::Cow;

use crate::wire::Fields;
use crate::wire::{BodyMembers, MemberValue, Shape, WireFormat, body_member};

impl WireFormat for Code {}

/// `{"error": <human message>, "error_code", "timestamp"}`: `error` is the text.
impl crate::wire::private::Format for Code {
    fn members(error: &crate::Error<Self>) -> BodyMembers<'_> {
        [
            body_member("error", MemberValue::Description),
            body_member("error_code", MemberValue::Escaped(error.code.as_str())),
            body_member("timestamp", MemberValue::Text(&error.fields.timestamp)),
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

impl crate::Error<Code> {
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
