//! Documentation generated from the embedded catalog: Markdown, JSON,
//! OpenAPI and HTML. `autherr docs` writes these; they are plain functions so
//! that other tools can call them too.

pub mod compat;
mod html;
mod markdown;
pub(crate) mod openapi;

pub use html::html;
pub use markdown::markdown;
pub use openapi::openapi;

use serde_json::{Map, Value, json};

use crate::{AnyError, Api, BodyMember, Catalog, Entry, MemberValue};

/// The catalogs of `apis`, or of every API when `apis` is empty.
fn selected(apis: &[Api]) -> impl Iterator<Item = &'static Catalog> + '_ {
    Api::ALL.into_iter().filter(move |api| apis.is_empty() || apis.contains(api)).map(Api::catalog)
}

/// `yes` or `no`, as the references write a flag.
fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// Where an entry comes from, as the references show it: `seed` for a row
/// of the API's seed document ([`Catalog::source`]), else the public
/// document the entry names.
///
/// ```
/// use auth_error_catalog::{auth0::Code, docs};
/// assert_eq!(docs::provenance(Code::MissingUsername.entry()), "seed");
/// assert!(docs::provenance(Code::SlowDown.entry()).contains("RFC 8628"));
/// ```
pub fn provenance(entry: &Entry) -> &'static str {
    entry.source().unwrap_or("seed")
}

/// `entry` as the references show it: each placeholder filled with
/// `<name>`, and each body field with its documented example
/// (`[[member]]`'s `example`).
fn example(entry: &'static Entry) -> Option<AnyError> {
    let values = entry.placeholders().iter().map(|name| (name, format!("<{name}>")));
    let mut error = AnyError::new(entry, values).ok()?;
    for member in entry.api().catalog().members() {
        if let MemberValue::Field { field, example } = member.value() {
            error = error.with_field(field, example).ok()?;
        }
    }
    Some(error)
}

/// A response as an HTTP/1.1 message, the way `curl -i` prints it: the
/// status line, every header in order, a blank line and the body (bytes
/// that are not UTF-8 shown as U+FFFD). Lines end in CRLF, as on the wire.
///
/// ```
/// use auth_error_catalog::{authos::errors, docs};
///
/// let response = errors::token_expired().to_response();
/// let text = docs::response_text(&response);
/// assert!(text.starts_with("HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n"));
/// assert!(text.contains("\r\n\r\n{\"error\":"));
/// ```
pub fn response_text(response: &http::Response<Vec<u8>>) -> String {
    let status = response.status();
    let mut text = format!("HTTP/1.1 {} {}\r\n", status.as_u16(), status.canonical_reason().unwrap_or(""));
    for (name, value) in response.headers() {
        text.push_str(&format!("{name}: {}\r\n", String::from_utf8_lossy(value.as_bytes())));
    }
    text.push_str("\r\n");
    text.push_str(&String::from_utf8_lossy(response.body()));
    text
}

/// One entry as JSON: the contract of `autherr list --json` and of the
/// entries in [`json()`]. Optional members appear only where they apply.
///
/// ```
/// use auth_error_catalog::{app_native::Code, docs};
///
/// let entry = docs::entry_json(Code::InvalidAuthenticatorId.entry());
/// assert_eq!(entry["code"], "ABA-60004");
/// assert_eq!(entry["http_status"], 400);
/// assert_eq!(entry["placeholders"], serde_json::json!(["authenticator_id"]));
/// assert!(entry.get("resolution").is_none());
/// ```
pub fn entry_json(entry: &Entry) -> Value {
    let mut object = Map::new();
    object.insert("api".into(), json!(entry.api().as_str()));
    object.insert("variant".into(), json!(entry.variant()));
    object.insert("code".into(), json!(entry.code()));
    if let Some(name) = entry.name() {
        object.insert("name".into(), json!(name));
    }
    object.insert("http_status".into(), json!(entry.http_status().as_u16()));
    object.insert("message".into(), json!(entry.message()));
    object.insert("description".into(), json!(entry.description()));
    object.insert("kind".into(), json!(entry.kind().as_str()));
    object.insert("retryable".into(), json!(entry.retryable()));
    object.insert("section".into(), json!(entry.section()));
    let optional = [
        ("resolution", entry.resolution()),
        ("endpoint", entry.endpoint()),
        ("grant_type", entry.grant_type()),
        ("erratum", entry.erratum()),
        ("source", entry.source()),
        ("retired", entry.retired()),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            object.insert(key.into(), json!(value));
        }
    }
    if !entry.placeholders().is_empty() {
        object.insert("placeholders".into(), json!(entry.placeholders()));
    }
    if let Some(parent) = entry.parent() {
        object.insert("parent".into(), json!(parent.code()));
    }
    if entry.is_generic() {
        object.insert("generic".into(), json!(true));
    }
    if let Some(increase) = entry.poll_interval_increase() {
        object.insert("poll_interval_increase".into(), json!(increase.as_secs()));
    }
    Value::Object(object)
}

/// The whole catalog (or the `apis` given) as one JSON document, described
/// by `schema/catalog.schema.json`.
///
/// ```
/// use auth_error_catalog::{Api, docs};
///
/// let document = docs::json(&[Api::Registration]);
/// let catalog = &document["catalogs"][0];
/// assert_eq!(catalog["api"], "registration");
/// assert_eq!(catalog["wire_status"], 200);
/// assert!(catalog["entries"].as_array().unwrap().len() > 40);
/// ```
pub fn json(apis: &[Api]) -> Value {
    let catalogs: Vec<Value> = selected(apis).map(catalog_json).collect();
    json!({ "catalogs": catalogs })
}

/// One `[[member]]` of the API's body.
fn member_json(member: &BodyMember) -> Value {
    let mut object = Map::new();
    object.insert("name".into(), json!(member.name()));
    let value = match member.value() {
        MemberValue::Code => "code",
        MemberValue::Number => "number",
        MemberValue::Name => "name",
        MemberValue::Message => "message",
        MemberValue::Description => "description",
        MemberValue::Literal(text) => {
            object.insert("text".into(), json!(text));
            "literal"
        }
        MemberValue::Field { field, example } => {
            object.insert("field".into(), json!(field));
            object.insert("example".into(), json!(example));
            "field"
        }
    };
    object.insert("value".into(), json!(value));
    object.insert("about".into(), json!(member.about()));
    if let Some(format) = member.format() {
        object.insert("format".into(), json!(format));
    }
    Value::Object(object)
}

fn catalog_json(catalog: &Catalog) -> Value {
    let mut object = Map::new();
    object.insert("api".into(), json!(catalog.api().as_str()));
    object.insert("title".into(), json!(catalog.title()));
    object.insert("source".into(), json!(catalog.source()));
    object.insert("open".into(), json!(catalog.is_open()));
    if let Some(prefix) = catalog.code_prefix() {
        object.insert("code_prefix".into(), json!(prefix));
    }
    if let Some(status) = catalog.wire_status() {
        object.insert("wire_status".into(), json!(status.as_u16()));
    }
    let statuses: Vec<u16> = catalog.generic_statuses().iter().map(|status| status.as_u16()).collect();
    object.insert("generic_statuses".into(), json!(statuses));
    if let Some(erratum) = catalog.erratum() {
        object.insert("erratum".into(), json!(erratum));
    }
    object.insert("members".into(), json!(catalog.members().iter().map(member_json).collect::<Vec<_>>()));
    let ranges: Vec<Value> = catalog
        .ranges()
        .iter()
        .map(|range| {
            let mut object = Map::new();
            object.insert("name".into(), json!(range.name()));
            object.insert("title".into(), json!(range.title()));
            object.insert("start".into(), json!(range.start()));
            object.insert("end".into(), json!(range.end()));
            if let Some(catch_all) = range.catch_all() {
                object.insert("catch_all".into(), json!(catch_all));
            }
            if let Some(erratum) = range.erratum() {
                object.insert("erratum".into(), json!(erratum));
            }
            Value::Object(object)
        })
        .collect();
    object.insert("ranges".into(), json!(ranges));
    let entries: Vec<Value> = catalog.entries().iter().map(entry_json).collect();
    object.insert("entries".into(), json!(entries));
    if !catalog.registered_errors().is_empty() {
        let registered: Vec<Value> = catalog
            .registered_errors()
            .iter()
            .map(|registered| {
                json!({
                    "code": registered.code(),
                    "kind": registered.kind().as_str(),
                    "retryable": registered.retryable(),
                    "usage": registered.usage(),
                    "source": registered.source(),
                })
            })
            .collect();
        object.insert("registered_errors".into(), json!(registered));
    }
    Value::Object(object)
}
