//! The OpenAPI 3.1 components document: one JSON Schema per API's error
//! body, and one response per HTTP status holding an example of every
//! catalog entry sent with that status, rendered by the crate itself.

use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::{Api, BodyMember, Catalog, Entry, MemberValue};

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
/// assert_eq!(schema["required"], serde_json::json!(["code"])); // what every real body has
/// assert!(schema["properties"]["code"]["examples"].as_array().unwrap().contains(&"ABA-60004".into()));
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
fn by_status(catalog: &Catalog) -> BTreeMap<StatusCode, Vec<&'static Entry>> {
    let mut by_status: BTreeMap<StatusCode, Vec<&'static Entry>> = BTreeMap::new();
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

/// `app_native` → `AppNative`, `auth0` → `Auth0`.
fn pascal(api: Api) -> String {
    let mut pascal = String::new();
    for word in api.as_str().split('_') {
        let mut chars = word.chars();
        pascal.extend(chars.next().map(|first| first.to_ascii_uppercase()));
        pascal.push_str(chars.as_str());
    }
    pascal
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

/// The JSON Schema of one API's error body, from its catalog's `[[member]]`
/// and `[body]` tables.
pub(crate) fn schema(catalog: &Catalog) -> Value {
    let entries = catalog.entries();
    let mut properties = Map::new();
    for member in catalog.members() {
        let about = member.about();
        // The known codes are examples, not an enum: a client that validates
        // against a published schema must not reject a code added later.
        let (mut property, open) = match member.value() {
            MemberValue::Code => {
                (json!({ "type": "string", "examples": distinct(entries.iter().map(Entry::code)) }), true)
            }
            MemberValue::Number => {
                (json!({ "type": "integer", "examples": distinct(entries.iter().filter_map(Entry::number)) }), true)
            }
            MemberValue::Name => {
                (json!({ "type": "string", "examples": distinct(entries.iter().filter_map(Entry::name)) }), true)
            }
            MemberValue::Literal(text) => (json!({ "const": text }), false),
            _ => (json!({ "type": "string" }), false),
        };
        property["description"] = if open {
            format!("{about} The known values are the examples; a newer server may send others.").into()
        } else {
            about.into()
        };
        if let Some(format) = member.format() {
            property["format"] = format.into();
        }
        properties.insert(member.name().into(), property);
    }
    let sent_with = catalog
        .wire_status()
        .map(|status| format!(", which the API itself sends with HTTP {}", status.as_u16()))
        .unwrap_or_default();
    let note = catalog.body_note().map(|note| format!(" {note}")).unwrap_or_default();
    // Only what every real body has is required (the `[body]` table): real
    // servers omit members the crate renders (`traceId`, `error_description`).
    let shape = &catalog.shape;
    let single_code = match shape.code {
        [only] => Some(*only),
        _ => None,
    };
    let required: Vec<&str> = catalog
        .members()
        .iter()
        .map(BodyMember::name)
        .filter(|name| shape.required.contains(name) || single_code == Some(*name))
        .collect();
    let one_of_them =
        |names: &[&str]| json!({ "anyOf": names.iter().map(|name| json!({ "required": [name] })).collect::<Vec<_>>() });
    let mut groups = Vec::new();
    if single_code.is_none() && !shape.code.is_empty() {
        groups.push(one_of_them(shape.code));
    }
    if !shape.any_of.is_empty() {
        groups.push(one_of_them(shape.any_of));
    }
    let mut schema = json!({
        "description": format!("An error body of the {}{sent_with}.{note}", catalog.title()),
        "type": "object",
        "properties": properties,
        "additionalProperties": catalog.is_open(),
    });
    if !required.is_empty() {
        schema["required"] = required.into();
    }
    match groups.len() {
        0 => {}
        1 => schema["anyOf"] = groups.remove(0)["anyOf"].take(),
        _ => schema["allOf"] = groups.into(),
    }
    schema
}

/// The response of one API for one HTTP status, with an example of each of `entries`.
pub(crate) fn response(catalog: &Catalog, status: StatusCode, entries: &[&'static Entry]) -> Value {
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
/// and each field's documented example.
fn example_body(entry: &'static Entry) -> Option<Value> {
    serde_json::from_str(&super::example(entry)?.to_json()).ok()
}
