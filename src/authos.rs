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
