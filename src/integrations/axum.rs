//! `axum` (through `axum-core`): the error types answer as responses.
//!
//! ```
//! use auth_error_catalog::app_native::{Error, errors};
//! use axum_core::response::IntoResponse;
//!
//! let response = errors::invalid_authenticator_id("abc").into_response();
//! assert_eq!(response.status(), 400);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::{AnyError, Error, ErrorResponse, WireFormat};

fn into_axum(response: http::Response<Vec<u8>>) -> Response {
    response.map(Body::from)
}

/// The native response of [`Error::to_response`].
impl<C: WireFormat> IntoResponse for Error<C> {
    fn into_response(self) -> Response {
        into_axum(self.to_response())
    }
}

/// The response its options describe: negotiated format, `Retry-After`, …
impl<C: WireFormat> IntoResponse for ErrorResponse<C> {
    fn into_response(self) -> Response {
        into_axum(self.to_response())
    }
}

/// The native response of whichever API's error it holds.
impl IntoResponse for AnyError {
    fn into_response(self) -> Response {
        into_axum(self.to_response())
    }
}
