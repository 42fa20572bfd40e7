//! `actix-web` 4: the error types are [`ResponseError`]s, so a handler
//! returns them as the `Err` of its `Result` and the client gets exactly the
//! response of [`Error::to_response`] (or, for [`ErrorResponse`], of
//! [`Error::to_response_with`] and its options): the same status, every
//! header, the same body bytes.
//!
//! actix-web 4 is built on `http` 0.2 and this crate on `http` 1, so the
//! status crosses over as its number and each header as its name and value
//! bytes; both versions accept the same ones.
//!
//! ```
//! use actix_web::{App, HttpResponse, test, web};
//! use auth_error_catalog::app_native;
//!
//! async fn authenticator(id: web::Path<String>) -> Result<HttpResponse, app_native::Error> {
//!     Err(app_native::errors::invalid_authenticator_id(id.into_inner()))
//! }
//!
//! actix_web::rt::System::new().block_on(async {
//!     let app = test::init_service(App::new().route("/authenticators/{id}", web::get().to(authenticator))).await;
//!     let request = test::TestRequest::get().uri("/authenticators/abc").to_request();
//!     let response = test::call_service(&app, request).await;
//!     assert_eq!(response.status(), 400);
//!     assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//!     assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
//!     let body = test::read_body(response).await;
//!     assert_eq!(body, app_native::errors::invalid_authenticator_id("abc").to_json());
//! });
//! ```

use actix_web::body::BoxBody;
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{HttpResponse, ResponseError};

use crate::{AnyError, Error, ErrorResponse, ResponseOptions, WireFormat};

/// An `http` 1 status as actix-web's `http` 0.2 one.
fn status_of(status: http::StatusCode) -> StatusCode {
    // Both accept exactly 100..=999, so the fallback is never taken.
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The same response for actix-web: status, every header (repeated ones
/// too, in order) and the body.
fn into_actix(response: http::Response<Vec<u8>>) -> HttpResponse {
    let status = status_of(response.status());
    let (parts, body) = response.into_parts();
    let mut converted = HttpResponse::with_body(status, body);
    let headers = converted.headers_mut();
    for (name, value) in &parts.headers {
        // Both versions accept the same header bytes: neither conversion fails.
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name.as_str().as_bytes()), HeaderValue::from_bytes(value.as_bytes()))
        {
            headers.append(name, value);
        }
    }
    converted.map_into_boxed_body()
}

/// The native response of [`Error::to_response`].
///
/// ```
/// use actix_web::ResponseError;
/// use auth_error_catalog::auth0::{Error, errors};
///
/// let error = errors::invalid_user_password();
/// let response = error.error_response();
/// assert_eq!(error.status_code(), 401);
/// assert_eq!(response.status(), 401);
/// assert_eq!(response.headers().get("www-authenticate").unwrap(), r#"Bearer error="invalid_user_password""#);
/// ```
impl<C: WireFormat> ResponseError for Error<C> {
    fn status_code(&self) -> StatusCode {
        status_of(self.response_status(&ResponseOptions::default()))
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        into_actix(self.to_response())
    }
}

/// The response its options describe: negotiated format, `Retry-After`, …
///
/// ```
/// use actix_web::ResponseError;
/// use auth_error_catalog::{BodyFormat, ResponseOptions, authos::{Error, errors}};
///
/// let options = ResponseOptions::default().format(BodyFormat::Problem).retry_after(30);
/// let response = errors::rate_limit_exceeded().with_options(options).error_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// assert_eq!(response.headers().get("retry-after").unwrap(), "30");
/// ```
impl<C: WireFormat> ResponseError for ErrorResponse<C> {
    fn status_code(&self) -> StatusCode {
        status_of(self.error.response_status(&self.options))
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        into_actix(self.to_response())
    }
}

/// The native response of whichever API's error it holds.
///
/// ```
/// use actix_web::ResponseError;
/// use auth_error_catalog::{AnyError, registration};
///
/// // Registration's own convention: HTTP 200 with `"stat":"error"`.
/// let error = AnyError::from(registration::errors::invalid_credentials());
/// assert_eq!(error.error_response().status(), 200);
/// ```
impl ResponseError for AnyError {
    fn status_code(&self) -> StatusCode {
        status_of(self.response_status(&ResponseOptions::default()))
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        into_actix(self.to_response())
    }
}
