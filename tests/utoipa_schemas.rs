//! The utoipa integration (`--features utoipa`): an OpenAPI document built
//! with utoipa from the error types' `ToSchema` and `IntoResponses`, checked
//! against what the crate renders.
//!
//! - each schema and each mapped-status response is exactly the component of
//!   `docs::openapi` (nothing lost converting to utoipa's types);
//! - every entry's body, as `Error::to_json` renders it (placeholders empty,
//!   plain, quoted, non-ASCII), validates against its API's schema, whose
//!   `required` members are exactly the rendered ones and whose code `enum`
//!   holds the rendered code;
//! - every entry has an example, in the response of the status it is sent
//!   with, equal to the body the crate renders;
//! - the whole document is valid OpenAPI 3.1.

use std::collections::{BTreeMap, BTreeSet};

use auth_error_catalog::{Api, Error, WireFormat, app_native, auth0, authos, docs, registration};
use serde_json::{Value, json};
use utoipa::openapi::{ComponentsBuilder, OpenApi, OpenApiBuilder};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

const OPENAPI_SCHEMA: &str = include_str!("data/openapi-3.1-schema.json");

/// Placeholder values each body is rendered with.
const VALUES: [&str; 4] = ["", "abc", "a \"quoted\" \\ value\n", "ünïcødé ✓"];

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options().should_validate_formats(true).build(schema).unwrap()
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|error| format!("{}: {error}", error.instance_path())).collect()
}

/// `Error<C>`'s schema and responses, added to `components` under the
/// schema's name and `<Name><status>` (statuses collide across APIs).
fn register<C: WireFormat>(components: ComponentsBuilder) -> ComponentsBuilder {
    let name = Error::<C>::name();
    let prefix = name.trim_end_matches("Error").to_owned();
    let mut components = components.schema_from::<Error<C>>();
    for (status, response) in Error::<C>::responses() {
        components = components.response(format!("{prefix}{status}"), response);
    }
    components
}

fn document() -> OpenApi {
    let components = ComponentsBuilder::new();
    let components = register::<app_native::Code>(components);
    let components = register::<auth0::Code>(components);
    let components = register::<authos::Code>(components);
    let components = register::<registration::Code>(components);
    OpenApiBuilder::new().components(Some(components.build())).build()
}

fn document_json() -> Value {
    serde_json::to_value(document()).unwrap()
}

/// Every entry of `C`'s API rendered with each of [`VALUES`] in its placeholders.
fn rendered<C: WireFormat>() -> Vec<(C, Value)> {
    let mut bodies = Vec::new();
    for &code in C::all() {
        for value in VALUES {
            let builder = code
                .entry()
                .placeholders()
                .iter()
                .fold(Error::builder(code), |builder, name| builder.with(name, value.to_owned()));
            let json = builder.build().unwrap().to_json();
            let body: Value = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{json}: {error}"));
            bodies.push((code, body));
        }
    }
    bodies
}

/// The member of a body that holds its code, and that code as rendered.
fn code_member(api: Api) -> &'static str {
    match api {
        Api::AppNative => "code",
        Api::Auth0 => "error",
        Api::Authos => "error_code",
        Api::Registration => "code",
        _ => unreachable!("a new API needs its code member here"),
    }
}

fn check_bodies<C: WireFormat>(document: &Value) {
    let name = Error::<C>::name();
    let schema = &document["components"]["schemas"][name.as_ref()];
    assert!(schema.is_object(), "{name} is not in the document");
    let validator = validator(schema);
    let properties: BTreeSet<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    let required: BTreeSet<&str> =
        schema["required"].as_array().into_iter().flatten().map(|m| m.as_str().unwrap()).collect();
    let code_member = code_member(C::API);
    let codes = schema["properties"][code_member]["examples"].as_array().unwrap();
    let bodies = rendered::<C>();
    assert_eq!(bodies.len(), C::all().len() * VALUES.len());
    for (code, body) in bodies {
        assert_eq!(errors(&validator, &body), Vec::<String>::new(), "{name}: {code:?} renders {body}");
        let members: BTreeSet<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
        assert!(required.is_subset(&members), "{name}: {code:?}: the required members are rendered");
        assert!(members.is_subset(&properties), "{name}: {code:?}: every member is described");
        assert!(codes.contains(&body[code_member]), "{name}: {code:?}: {} is in the examples", body[code_member]);
        if C::API == Api::Registration {
            assert!(schema["properties"]["error"]["examples"].as_array().unwrap().contains(&body["error"]));
        }
    }
}

#[test]
fn every_rendered_body_matches_its_schema() {
    let document = document_json();
    check_bodies::<app_native::Code>(&document);
    check_bodies::<auth0::Code>(&document);
    check_bodies::<authos::Code>(&document);
    check_bodies::<registration::Code>(&document);
}

#[test]
fn schema_names() {
    assert_eq!(app_native::Error::name(), "AppNativeError");
    assert_eq!(auth0::Error::name(), "Auth0Error");
    assert_eq!(authos::Error::name(), "AuthosError");
    assert_eq!(registration::Error::name(), "RegistrationError");
}

/// The utoipa schemas and responses are those of `docs::openapi`, unchanged.
#[test]
fn components_are_those_of_docs_openapi() {
    fn check<C: WireFormat>() {
        let reference = docs::openapi(&[C::API]);
        let name = Error::<C>::name();
        let schema = serde_json::to_value(Error::<C>::schema()).unwrap();
        let mut expected = reference["components"]["schemas"][name.as_ref()].clone();
        // utoipa 5 has no `anyOf` beside `properties`: the integration leaves the
        // "at least one of" constraint out, which only accepts more.
        let object = expected.as_object_mut().unwrap();
        object.remove("anyOf");
        object.remove("allOf");
        // utoipa 5 has no `const`: the integration writes the equivalent one-value `enum`.
        for property in expected["properties"].as_object_mut().unwrap().values_mut() {
            if let Some(value) = property.as_object_mut().unwrap().remove("const") {
                property["enum"] = json!([value]);
            }
        }
        assert_eq!(schema, expected, "{name}");
        let prefix = name.trim_end_matches("Error");
        let reference_responses = reference["components"]["responses"].as_object().unwrap();
        let responses = serde_json::to_value(Error::<C>::responses()).unwrap();
        let responses = responses.as_object().unwrap();
        let wire = C::API.catalog().wire_status().map(|status| status.as_str().to_owned());
        let expected: BTreeSet<String> = reference_responses
            .keys()
            .map(|key| key.strip_prefix(prefix).unwrap().to_owned())
            .chain(wire.clone())
            .collect();
        assert_eq!(responses.keys().cloned().collect::<BTreeSet<_>>(), expected, "{name}");
        for (status, response) in responses {
            if Some(status) == wire.as_ref() {
                continue;
            }
            let mut expected = reference_responses[&format!("{prefix}{status}")].clone();
            // utoipa 5's Header has no `required`: the rest of each header survives.
            for header in expected["headers"].as_object_mut().unwrap().values_mut() {
                header.as_object_mut().unwrap().remove("required");
            }
            assert_eq!(response, &expected, "{name} {status}");
        }
    }
    check::<app_native::Code>();
    check::<auth0::Code>();
    check::<authos::Code>();
    check::<registration::Code>();
}

/// Every entry has an example, under the status it is sent with, equal to
/// the body the crate renders (placeholders `<name>`, fixed per-API fields).
#[test]
fn every_entry_has_an_example() {
    fn example<C: WireFormat>(code: C) -> Value {
        let builder = code
            .entry()
            .placeholders()
            .iter()
            .fold(Error::builder(code), |builder, name| builder.with(name, format!("<{name}>")));
        let mut body: Value = serde_json::from_str(&builder.build().unwrap().to_json()).unwrap();
        // The document's fixed values of the per-request members.
        match C::API {
            Api::AppNative => body["traceId"] = json!(""),
            Api::Authos => body["timestamp"] = json!("2025-01-15T10:30:00Z"),
            Api::Registration => body["request_token"] = json!("abcdefghijklmnop"),
            _ => {}
        }
        body
    }
    fn check<C: WireFormat>(document: &Value) {
        let name = Error::<C>::name();
        let prefix = name.trim_end_matches("Error");
        let responses = &document["components"]["responses"];
        let mut seen = BTreeMap::new();
        for &code in C::all() {
            let entry = code.entry();
            let mut statuses = vec![entry.http_status()];
            statuses.extend(C::API.catalog().wire_status());
            for status in statuses {
                let response = &responses[format!("{prefix}{}", status.as_u16())];
                let content = &response["content"]["application/json"];
                assert_eq!(content["schema"]["$ref"], format!("#/components/schemas/{name}"));
                let found = &content["examples"][entry.variant()];
                assert_eq!(found["summary"], entry.message(), "{name} {status} {}", entry.variant());
                assert_eq!(found["value"], example(code), "{name} {status} {}", entry.variant());
                *seen.entry(status).or_insert(0) += 1;
            }
        }
        // No response holds an example of an entry sent with another status.
        for (status, count) in seen {
            let examples =
                &responses[format!("{prefix}{}", status.as_u16())]["content"]["application/json"]["examples"];
            assert_eq!(examples.as_object().unwrap().len(), count, "{name} {status}");
        }
    }
    let document = document_json();
    check::<app_native::Code>(&document);
    check::<auth0::Code>(&document);
    check::<authos::Code>(&document);
    check::<registration::Code>(&document);
}

#[test]
fn registration_documents_its_native_200() {
    let responses = registration::Error::responses();
    let native = serde_json::to_value(&responses["200"]).unwrap();
    assert!(native["description"].as_str().unwrap().contains("HTTP 200"), "{native}");
    let examples = native["content"]["application/json"]["examples"].as_object().unwrap();
    assert_eq!(examples.len(), registration::Code::ALL.len());
    assert!(!app_native::Error::responses().contains_key("200"));
}

#[test]
fn document_is_valid_openapi_3_1() {
    let schema: Value = serde_json::from_str(OPENAPI_SCHEMA).unwrap();
    let document = document_json();
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(errors(&validator(&schema), &document), Vec::<String>::new());
}
