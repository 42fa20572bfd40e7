//! `schemars` 1 (feature `schemars_1`): the error types have the JSON Schema
//! (2020-12) of their API's wire body, the component schema of
//! [`docs::openapi`](crate::docs::openapi).
//!
//! ```
//! use auth_error_catalog::app_native::Error;
//!
//! let schema = schemars_1::schema_for!(Error);
//! assert_eq!(schema.get("title"), Some(&"AppNativeError".into()));
//! assert_eq!(schema.get("required"), Some(&serde_json::json!(["code"])));
//! ```

use std::borrow::Cow;

use schemars_1::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::{Error, WireFormat};

/// Named after the API: `AppNativeError`, `Auth0Error`, `AuthosError`,
/// `RegistrationError`; the schema is that of the API's error body, with the
/// catalog's codes as the `examples` of the code member (not an `enum`: a
/// code added later still validates).
///
/// ```
/// use auth_error_catalog::registration::Error;
///
/// let schema = schemars_1::schema_for!(Error).to_value();
/// assert_eq!(schema["title"], "RegistrationError");
/// assert_eq!(schema["properties"]["stat"]["const"], "error");
/// assert!(schema["properties"]["code"]["examples"].as_array().unwrap().contains(&210.into()));
/// ```
impl<C: WireFormat> JsonSchema for Error<C> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(crate::docs::openapi::schema_name(C::API))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("auth_error_catalog::{}::Error", C::API.as_str()))
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        match crate::docs::openapi::schema(C::catalog()) {
            Value::Object(object) => Schema::from(object),
            // `docs::openapi` makes every schema an object.
            _ => Schema::default(),
        }
    }
}
