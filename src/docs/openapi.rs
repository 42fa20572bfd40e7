//! The OpenAPI 3.1 components document: one JSON Schema per API's error
//! body, and one response per HTTP status holding an example of every
//! catalog entry sent with that status, rendered by the crate itself.

use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::{Api, Catalog, Entry, Error, WireFormat, app_native, auth0, authos, registration};

/// The `traceId` of the app-native examples: the crate's "no trace id".
const TRACE_ID: &str = "";
/// The `request_token` of the Registration examples (a real one is 16 random characters).
const REQUEST_TOKEN: &str = "abcdefghijklmnop";
/// The `timestamp` of the AuthOS examples, as in AuthOS's own sample body.
const TIMESTAMP: &str = "2025-01-15T10:30:00Z";

/// The OpenAPI 3.1.0 document for `apis` (every API when empty).
///
/// It has no `paths`: its `components` are meant to be referenced from the
/// paths of a service that sends these errors.
///
/// - `components.schemas` holds one JSON Schema (2020-12) per API error body:
///   `AppNativeError`, `Auth0Error`, `AuthosError`, `RegistrationError`, with
///   the catalog's codes as the `enum` of the code member.
/// - `components.responses` holds one response per API and HTTP status used
///   by its entries, named `<Api><status>` (`AppNative400`), whose
///   `application/json` content refers to the API's schema and has one
///   example per entry, keyed by the entry's variant: the body the crate
///   renders, with `<name>` as the value of each placeholder. Its `headers`
///   are those the crate sends: `Cache-Control`, `WWW-Authenticate` on a 401
///   and, where an entry is rate-limited or unavailable, `Retry-After`.
///
/// For Registration the status is the one a service maps the code to; the
/// Registration API itself answers HTTP 200 (see [`Catalog::wire_status`]).
///
/// ```
/// use auth_error_catalog::{Api, docs};
///
/// let document = docs::openapi(&[Api::AppNative]);
/// assert_eq!(document["openapi"], "3.1.0");
///
/// let schema = &document["components"]["schemas"]["AppNativeError"];
/// assert_eq!(schema["required"], serde_json::json!(["code", "message", "description", "traceId"]));
/// assert!(schema["properties"]["code"]["enum"].as_array().unwrap().contains(&"ABA-60004".into()));
///
/// let response = &document["components"]["responses"]["AppNative400"];
/// assert_eq!(response["description"], "Bad Request");
/// let content = &response["content"]["application/json"];
/// assert_eq!(content["schema"]["$ref"], "#/components/schemas/AppNativeError");
/// let example = &content["examples"]["InvalidAuthenticatorId"];
/// assert_eq!(example["summary"], "Invalid authenticatorId.");
/// assert_eq!(example["value"]["description"], "Provided authenticatorId <authenticator_id> is invalid.");
/// assert!(document["components"]["schemas"].get("Auth0Error").is_none());
/// ```
pub fn openapi(apis: &[Api]) -> Value {
    let mut schemas = Map::new();
    let mut responses = Map::new();
    let mut titles = Vec::new();
    for catalog in super::selected(apis) {
        let api = catalog.api();
        titles.push(catalog.title());
        schemas.insert(schema_name(api), schema(catalog));
        for (status, entries) in by_status(catalog) {
            responses.insert(format!("{}{}", pascal(api), status.as_u16()), response(catalog, status, &entries));
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Authentication error catalog",
            "version": env!("CARGO_PKG_VERSION"),
            "description": format!(
                "Error bodies and HTTP statuses of: {}. Generated from the catalog embedded in auth-error-catalog; \
                 the components are meant to be referenced from a service's own paths.",
                titles.join("; ")
            ),
        },
        "components": {
            "schemas": schemas,
            "responses": responses,
        },
    })
}

/// The entries of `catalog` by the HTTP status a service sends them with.
fn by_status(catalog: &Catalog) -> BTreeMap<StatusCode, Vec<&Entry>> {
    let mut by_status: BTreeMap<StatusCode, Vec<&Entry>> = BTreeMap::new();
    for entry in catalog.entries() {
        by_status.entry(entry.http_status()).or_default().push(entry);
    }
    by_status
}

/// One response per HTTP status used by the API's entries, as in
/// `components.responses`: for the utoipa integration.
#[cfg(feature = "utoipa")]
pub(crate) fn responses(catalog: &Catalog) -> Vec<(StatusCode, Value)> {
    by_status(catalog).into_iter().map(|(status, entries)| (status, response(catalog, status, &entries))).collect()
}

/// `AppNative`, `Auth0`, `Authos`, `Registration`.
fn pascal(api: Api) -> &'static str {
    match api {
        Api::AppNative => "AppNative",
        Api::Auth0 => "Auth0",
        Api::Authos => "Authos",
        Api::Registration => "Registration",
    }
}

pub(crate) fn schema_name(api: Api) -> String {
    format!("{}Error", pascal(api))
}

/// `items` in first-seen order, each once.
fn distinct<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// A string member.
fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

/// The JSON Schema of one API's error body.
pub(crate) fn schema(catalog: &Catalog) -> Value {
    let codes = distinct(catalog.entries().iter().map(Entry::code));
    let title = catalog.title();
    match catalog.api() {
        Api::AppNative => json!({
            "description": format!("An error body of the {title}."),
            "type": "object",
            "properties": {
                "code": {
                    "type": "string",
                    "enum": codes,
                    "description": "The error code: \"ABA-\" and a number, or \"401\".",
                },
                "message": text("The code's short message."),
                "description": text("What went wrong: the code's description with its placeholders filled in."),
                "traceId": text("The correlation id of the request; empty when there is none."),
            },
            "required": ["code", "message", "description", "traceId"],
            "additionalProperties": false,
        }),
        Api::Auth0 => json!({
            "description": format!(
                "An error body of the {title}. Real bodies may carry further members (mfa_token, \
                 mfa_requirements, validation_errors, statusCode); the sign-up endpoint answers \
                 {{\"name\",\"code\",\"description\",\"statusCode\"}} instead."
            ),
            "type": "object",
            "properties": {
                "error": {
                    "type": "string",
                    "enum": codes,
                    "description": "The error code; several errors share one and differ by error_description.",
                },
                "error_description": text("What went wrong; with error, it identifies the catalog entry."),
            },
            "required": ["error", "error_description"],
            "additionalProperties": true,
        }),
        Api::Authos => json!({
            "description": format!("An error body of the {title}."),
            "type": "object",
            "properties": {
                "error": text("The human-readable message."),
                "error_code": {
                    "type": "string",
                    "enum": codes,
                    "description": "The error code.",
                },
                "timestamp": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When the error happened (RFC 3339).",
                },
            },
            "required": ["error", "error_code", "timestamp"],
            "additionalProperties": false,
        }),
        Api::Registration => {
            let numbers = distinct(catalog.entries().iter().filter_map(Entry::number));
            let names = distinct(catalog.entries().iter().filter_map(Entry::name));
            let wire = catalog.wire_status().map_or(200, |status| status.as_u16());
            json!({
                "description": format!(
                    "An error body of the {title}, which the API itself sends with HTTP {wire}. \
                     Real bodies may carry further members (argument_name, request_id, ...)."
                ),
                "type": "object",
                "properties": {
                    "stat": { "const": "error", "description": "Always \"error\" in an error body." },
                    "code": {
                        "type": "integer",
                        "enum": numbers,
                        "description": "The numeric error code; a multiple of 10 or 100 is the catch-all of the codes below it.",
                    },
                    "error": {
                        "type": "string",
                        "enum": names,
                        "description": "The machine-readable name of the code.",
                    },
                    "error_description": text("What went wrong."),
                    "request_token": text("A 16-character token that identifies the request in the logs."),
                },
                "required": ["stat", "code", "error", "error_description", "request_token"],
                "additionalProperties": true,
            })
        }
    }
}

/// The response of one API for one HTTP status, with an example of each of `entries`.
pub(crate) fn response(catalog: &Catalog, status: StatusCode, entries: &[&Entry]) -> Value {
    let reason = status.canonical_reason().map_or_else(|| format!("HTTP {}", status.as_u16()), str::to_owned);
    let description = match catalog.wire_status() {
        Some(wire) => format!(
            "{reason}. The {} itself answers these errors with HTTP {}; {} is the status a service maps them to.",
            catalog.title(),
            wire.as_u16(),
            status.as_u16()
        ),
        None => reason,
    };
    let mut examples = Map::new();
    for entry in entries {
        if let Some(body) = example_body(entry) {
            examples.insert(entry.variant().into(), json!({ "summary": entry.message(), "value": body }));
        }
    }
    json!({
        "description": description,
        "headers": headers(catalog.api(), status, entries),
        "content": {
            "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{}", schema_name(catalog.api())) },
                "examples": examples,
            },
        },
    })
}

/// The headers the crate's responses carry with `status` for `entries`
/// (`Content-Type` is the content's media type, which OpenAPI does not let a
/// header repeat).
fn headers(api: Api, status: StatusCode, entries: &[&Entry]) -> Map<String, Value> {
    let mut headers = Map::new();
    headers.insert(
        "Cache-Control".into(),
        json!({
            "description": "Always `no-store`: an authentication error must not be cached.",
            "required": true,
            "schema": { "type": "string", "enum": ["no-store"] },
        }),
    );
    if status == StatusCode::UNAUTHORIZED {
        let challenge = api.catalog().challenge();
        let code = if challenge.contains("{{code}}") { ", with the entry's code for `{{code}}`" } else { "" };
        headers.insert(
            "WWW-Authenticate".into(),
            json!({
                "description": format!("The challenge of every 401: `{challenge}`{code}."),
                "required": true,
                "schema": { "type": "string" },
            }),
        );
    }
    if entries.iter().any(|entry| entry.kind().usually_retryable()) {
        headers.insert(
            "Retry-After".into(),
            json!({
                "description": "Seconds to wait before repeating the request, on rate-limited and unavailable \
                                errors when the service knows the delay.",
                "required": false,
                "schema": { "type": "integer", "minimum": 0 },
            }),
        );
    }
    headers
}

/// `entry`'s body as the crate renders it, with `<name>` for each placeholder
/// and the fixed per-API fields above.
fn example_body(entry: &Entry) -> Option<Value> {
    let body = match entry.api() {
        Api::AppNative => example::<app_native::Code>(entry)?.with_trace_id(TRACE_ID).to_json(),
        Api::Auth0 => example::<auth0::Code>(entry)?.to_json(),
        Api::Authos => example::<authos::Code>(entry)?.with_timestamp(TIMESTAMP).to_json(),
        Api::Registration => example::<registration::Code>(entry)?.with_request_token(REQUEST_TOKEN).to_json(),
    };
    serde_json::from_str(&body).ok()
}

/// The error of `entry`'s code, its placeholders filled with `<name>`.
fn example<C: WireFormat>(entry: &Entry) -> Option<Error<C>> {
    let code = C::all().get(entry.index()).copied().filter(|code| code.entry().variant() == entry.variant())?;
    let builder =
        entry.placeholders().iter().fold(Error::builder(code), |builder, name| builder.with(name, format!("<{name}>")));
    builder.build().ok()
}
