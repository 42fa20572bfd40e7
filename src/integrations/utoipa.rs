//! `utoipa` 5: the error types describe themselves in an OpenAPI document.
//!
//! - [`PartialSchema`] and [`ToSchema`]: the JSON Schema of the API's error
//!   body, named `AppNativeError`, `Auth0Error`, `AuthosError` or
//!   `RegistrationError`: the component schema of [`docs::openapi`](crate::docs::openapi).
//! - [`IntoResponses`]: one response per HTTP status the API's errors are
//!   sent with, each referring to that schema and holding the body the crate
//!   renders for every entry as a named example (keyed by the variant).
//!
//! ```
//! use auth_error_catalog::app_native::Error;
//! use utoipa::openapi::{ComponentsBuilder, OpenApiBuilder};
//! use utoipa::{IntoResponses, ToSchema};
//!
//! let components = ComponentsBuilder::new()
//!     .schema_from::<Error>()
//!     .responses_from_iter(Error::responses())
//!     .build();
//! let document = OpenApiBuilder::new().components(Some(components)).build();
//! let json = serde_json::to_value(&document).unwrap();
//!
//! assert_eq!(Error::name(), "AppNativeError");
//! let schema = &json["components"]["schemas"]["AppNativeError"];
//! assert_eq!(schema["required"], serde_json::json!(["code"]));
//! let content = &json["components"]["responses"]["400"]["content"]["application/json"];
//! assert_eq!(content["schema"]["$ref"], "#/components/schemas/AppNativeError");
//! assert_eq!(content["examples"]["InvalidAuthenticatorId"]["value"]["code"], "ABA-60004");
//! assert!(Error::responses().contains_key("401"));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use ::utoipa::openapi::RefOr;
use ::utoipa::openapi::response::Response;
use ::utoipa::openapi::schema::Schema;
use ::utoipa::{IntoResponses, PartialSchema, ToSchema};
use serde_json::Value;

use crate::{Entry, Error, WireFormat};

/// Adapts `docs::openapi`'s schema to what utoipa 5's schema object can
/// hold, recursively through `properties`:
/// - utoipa has no `const`: `"const": x` becomes the equivalent `"enum": [x]`
///   (Registration's `stat`);
/// - utoipa refuses a schema object with no `type`; its typeless `AnyValue`,
///   read from `"type": null`, is written with no `type`.
fn adapt(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else { return };
    if let Some(value) = object.remove("const") {
        object.entry("enum").or_insert_with(|| Value::Array(vec![value]));
    }
    let typed = ["type", "$ref", "oneOf", "allOf", "anyOf", "items"];
    if !typed.iter().any(|key| object.contains_key(*key)) {
        object.insert("type".into(), Value::Null);
    }
    if object.contains_key("properties") {
        // utoipa 5's object schema has no `anyOf` or `allOf` beside its
        // properties: leave the "at least one of" constraint out, which
        // accepts more bodies, never fewer.
        object.remove("anyOf");
        object.remove("allOf");
        if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
            properties.values_mut().for_each(adapt);
        }
    }
}

/// `value` as a utoipa type. The values come from `docs::openapi`, built by
/// this crate; `tests/utoipa_schemas.rs` checks that each converts without
/// loss (but for `adapt`), so the default is never used.
fn convert<T: serde::de::DeserializeOwned + Default>(value: Value) -> T {
    serde_json::from_value(value).unwrap_or_default()
}

/// The JSON Schema of the API's error body (see [`docs::openapi`](crate::docs::openapi)).
///
/// ```
/// use auth_error_catalog::authos::Error;
/// use utoipa::PartialSchema;
///
/// let schema = serde_json::to_value(Error::schema()).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["error", "error_code"]));
/// // The known codes are examples: a code added later still validates.
/// assert!(schema["properties"]["error_code"]["examples"].as_array().unwrap().contains(&"TOKEN_EXPIRED".into()));
/// ```
impl<C: WireFormat> PartialSchema for Error<C> {
    fn schema() -> RefOr<Schema> {
        let mut schema = crate::docs::openapi::schema(C::catalog());
        adapt(&mut schema);
        convert(schema)
    }
}

/// Named after the API: `AppNativeError`, `Auth0Error`, `AuthosError`, `RegistrationError`.
///
/// ```
/// use utoipa::ToSchema;
/// assert_eq!(auth_error_catalog::registration::Error::name(), "RegistrationError");
/// ```
impl<C: WireFormat> ToSchema for Error<C> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(crate::docs::openapi::schema_name(C::API))
    }
}

/// One response per HTTP status the API's entries are sent with, keyed by
/// the status (`"400"`), with `application/json` content that refers to
/// `#/components/schemas/<Name>` (register the schema too, e.g. with
/// `ComponentsBuilder::schema_from`) and one example per entry.
///
/// The Registration API itself answers every error with HTTP 200 and
/// `"stat":"error"`, which is also what `Error::to_response` sends: its
/// responses are `"200"`, holding every entry, and one per status the codes
/// map to (210 → 401), which a service sends with
/// [`ResponseOptions::entry_status`](crate::ResponseOptions::entry_status).
///
/// ```
/// use auth_error_catalog::registration::Error;
/// use utoipa::IntoResponses;
///
/// let responses = serde_json::to_value(Error::responses()).unwrap();
/// let native = &responses["200"]["content"]["application/json"];
/// assert_eq!(native["examples"]["InvalidCredentials"]["value"]["code"], 210);
/// let mapped = &responses["401"]["content"]["application/json"];
/// assert_eq!(mapped["examples"]["InvalidCredentials"]["value"]["stat"], "error");
/// ```
impl<C: WireFormat> IntoResponses for Error<C> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let catalog = C::catalog();
        let mut responses = BTreeMap::new();
        if let Some(wire) = catalog.wire_status() {
            let entries: Vec<&'static Entry> = catalog.entries().iter().collect();
            let mut response = crate::docs::openapi::response(catalog, wire, &entries);
            let reason = wire.canonical_reason().unwrap_or("Error");
            let description = format!(
                "{reason}. The {} answers every error with HTTP {} and \"stat\":\"error\", as the error's \
                 native response does; the other statuses are those the codes map to.",
                catalog.title(),
                wire.as_u16()
            );
            if let Some(object) = response.as_object_mut() {
                object.insert("description".into(), Value::String(description));
            }
            responses.insert(wire.as_str().to_owned(), RefOr::T(convert::<Response>(response)));
        }
        for (status, response) in crate::docs::openapi::responses(catalog) {
            responses.entry(status.as_str().to_owned()).or_insert_with(|| RefOr::T(convert::<Response>(response)));
        }
        responses
    }
}
