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
