//! The OpenAPI document of `docs::openapi`, checked by real validators:
//!
//! - the whole document against the official OpenAPI 3.1 schema
//!   (`tests/data/openapi-3.1-schema.json`, `$id`
//!   `https://spec.openapis.org/oas/3.1/schema/2022-10-07`, copied byte for
//!   byte from the crates.io package openapi-spec-validator-rs 0.2.4, file
//!   `resources/schemas/v3.1/schema.json`; the PyPI package
//!   openapi-spec-validator 0.9.0 ships the identical file, SHA-256
//!   e7cb616a2a10849a166c4e4a93c62c56cfea02cc00eadf287e2fb875e7124098),
//!   with the `jsonschema` crate;
//! - every component schema against the JSON Schema 2020-12 meta-schema,
//!   which that OpenAPI schema leaves unchecked ("without schema validation");
//! - every example body against its response's schema.

use std::collections::{BTreeMap, BTreeSet};

use auth_error_catalog::{Api, Error, ResponseOptions, WireFormat, app_native, auth0, authos, docs, registration};
use serde_json::{Value, json};

const OPENAPI_SCHEMA: &str = include_str!("data/openapi-3.1-schema.json");

/// Every selection the document can be made for: all APIs, then each alone.
fn documents() -> Vec<(String, Value)> {
    let mut documents = vec![("all".to_owned(), docs::openapi(&[]))];
    for api in Api::ALL {
        documents.push((api.to_string(), docs::openapi(&[api])));
    }
    documents
}

fn pascal(api: Api) -> &'static str {
    match api {
        Api::AppNative => "AppNative",
        Api::Auth0 => "Auth0",
        Api::Authos => "Authos",
        Api::Registration => "Registration",
        _ => unreachable!("a new API needs its schema name here"),
    }
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options().should_validate_formats(true).build(schema).unwrap()
}

/// The messages of every error of `instance`, with their locations.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|error| format!("{}: {error}", error.instance_path())).collect()
}

fn openapi_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(OPENAPI_SCHEMA).unwrap();
    assert_eq!(schema["$id"], "https://spec.openapis.org/oas/3.1/schema/2022-10-07");
    validator(&schema)
}

/// The component schema a response's `application/json` content refers to.
fn referenced_schema<'d>(document: &'d Value, response: &Value) -> &'d Value {
    let reference = response["content"]["application/json"]["schema"]["$ref"].as_str().unwrap();
    let name = reference.strip_prefix("#/components/schemas/").unwrap();
    let schema = &document["components"]["schemas"][name];
    assert!(schema.is_object(), "{reference} resolves to nothing");
    schema
}

#[test]
fn documents_are_valid_openapi_3_1() {
    let validator = openapi_validator();
    for (name, document) in documents() {
        assert_eq!(errors(&validator, &document), Vec::<String>::new(), "document {name}");
        assert_eq!(document["openapi"], "3.1.0");
        assert_eq!(document["info"]["version"], env!("CARGO_PKG_VERSION"));
    }
}

/// The AuthOS document, changed by `mutate`.
fn mutated(mutate: impl FnOnce(&mut Value)) -> Value {
    let mut document = docs::openapi(&[Api::Authos]);
    mutate(&mut document);
    document
}

/// The example of TOKEN_EXPIRED in `document`.
fn example(document: &mut Value) -> &mut Value {
    &mut document["components"]["responses"]["Authos401"]["content"]["application/json"]["examples"]["TokenExpired"]
}

/// The OpenAPI schema is not vacuous: it rejects broken documents.
#[test]
fn openapi_schema_rejects_broken_documents() {
    let validator = openapi_validator();
    assert!(validator.is_valid(&mutated(|_| {})));
    let cases = [
        ("version 3.0", mutated(|document| document["openapi"] = json!("3.0.3"))),
        (
            "no info.version",
            mutated(|document| {
                document["info"].as_object_mut().unwrap().remove("version");
            }),
        ),
        ("no components", json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}})),
        (
            "response without a description",
            mutated(|document| {
                document["components"]["responses"]["Authos401"].as_object_mut().unwrap().remove("description");
            }),
        ),
        ("unknown member of an example", mutated(|document| example(document)["summaryy"] = json!("typo"))),
        (
            "example with value and externalValue",
            mutated(|document| example(document)["externalValue"] = json!("https://example.com/body.json")),
        ),
        (
            "schema that is not a schema",
            mutated(|document| document["components"]["schemas"]["AuthosError"] = json!(1)),
        ),
    ];
    for (what, document) in cases {
        assert!(!validator.is_valid(&document), "{what}: accepted");
    }
}

#[test]
fn component_schemas_are_valid_json_schema_2020_12() {
    let document = docs::openapi(&[]);
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    assert_eq!(names, ["AppNativeError", "Auth0Error", "AuthosError", "RegistrationError"]);
    for (name, schema) in schemas {
        if let Err(error) = jsonschema::draft202012::meta::validate(schema) {
            panic!("{name} is not a valid 2020-12 schema: {error}");
        }
        validator(schema);
        assert_eq!(schema["type"], "object", "{name}");
        assert!(schema["description"].as_str().is_some_and(|text| !text.is_empty()), "{name}");
        for member in schema["required"].as_array().into_iter().flatten() {
            assert!(schema["properties"].get(member.as_str().unwrap()).is_some(), "{name} requires {member}");
        }
    }
    // The meta-schema check is not vacuous either.
    assert!(jsonschema::draft202012::meta::validate(&json!({"type": "object", "required": "code"})).is_err());
}

/// The schemas' shape: code enums, required members and openness.
#[test]
fn component_schemas_describe_the_wire_formats() {
    let document = docs::openapi(&[]);
    let schemas = &document["components"]["schemas"];
    let required = |name: &str| schemas[name]["required"].clone();
    // Only what every real body has (the catalogs' `[body]` tables).
    assert_eq!(required("AppNativeError"), json!(["code"]));
    assert_eq!(
        schemas["AppNativeError"]["anyOf"],
        json!([{"required": ["message"]}, {"required": ["description"]}, {"required": ["traceId"]}])
    );
    assert_eq!(required("Auth0Error"), Value::Null, "no member is in every Auth0 body");
    assert_eq!(
        schemas["Auth0Error"]["anyOf"],
        json!([{"required": ["error"]}, {"required": ["code"]}]),
        "OAuth or sign-up shape"
    );
    assert_eq!(required("AuthosError"), json!(["error", "error_code"]));
    assert_eq!(required("RegistrationError"), json!(["stat", "code"]));
    assert_eq!(schemas["AppNativeError"]["additionalProperties"], false);
    assert_eq!(schemas["AuthosError"]["additionalProperties"], false);
    assert_eq!(schemas["Auth0Error"]["additionalProperties"], true);
    assert_eq!(schemas["RegistrationError"]["additionalProperties"], true);

    let code_member =
        [(Api::AppNative, "code"), (Api::Auth0, "error"), (Api::Authos, "error_code"), (Api::Registration, "code")];
    for (api, member) in code_member {
        let schema = &schemas[format!("{}Error", pascal(api))];
        assert!(schema["description"].as_str().unwrap().contains(api.catalog().title()), "{api}");
        // Known codes are examples, never an enum: a newer server's code must validate.
        assert!(schema["properties"][member].get("enum").is_none(), "{api}");
        let listed = schema["properties"][member]["examples"].as_array().unwrap();
        let listed_set: BTreeSet<String> = listed.iter().map(|code| code.to_string()).collect();
        assert_eq!(listed_set.len(), listed.len(), "{api}: duplicate codes in the examples");
        let expected: BTreeSet<String> = api
            .catalog()
            .entries()
            .iter()
            .map(|entry| match api {
                Api::Registration => json!(entry.number().unwrap()).to_string(),
                _ => json!(entry.code()).to_string(),
            })
            .collect();
        assert_eq!(listed_set, expected, "{api}");
    }
    let names = schemas["RegistrationError"]["properties"]["error"]["examples"].as_array().unwrap();
    let expected: BTreeSet<&str> =
        Api::Registration.catalog().entries().iter().map(|entry| entry.name().unwrap()).collect();
    assert_eq!(names.iter().map(|name| name.as_str().unwrap()).collect::<BTreeSet<_>>(), expected);
    assert_eq!(schemas["RegistrationError"]["properties"]["code"]["type"], "integer");
}

#[test]
fn every_example_matches_its_schema() {
    for (name, document) in documents() {
        for (response_name, response) in document["components"]["responses"].as_object().unwrap() {
            let validator = validator(referenced_schema(&document, response));
            let examples = response["content"]["application/json"]["examples"].as_object().unwrap();
            assert!(!examples.is_empty(), "{name}: {response_name} has no example");
            for (variant, example) in examples {
                let errors = errors(&validator, &example["value"]);
                assert_eq!(errors, Vec::<String>::new(), "{name}: {response_name} example {variant}");
            }
        }
    }
}

/// The body schemas are not vacuous: they reject bodies that break them.
#[test]
fn body_schemas_reject_wrong_bodies() {
    let document = docs::openapi(&[]);
    let schema = |name: &str| validator(&document["components"]["schemas"][name]);
    let app_native = schema("AppNativeError");
    let good = json!({"code": "ABA-60004", "message": "m", "description": "d", "traceId": ""});
    assert!(app_native.is_valid(&good));
    // A code added after the schema was published validates; a code of the wrong type does not.
    let mut unknown_code = good.clone();
    unknown_code["code"] = json!("ABA-69999");
    assert!(app_native.is_valid(&unknown_code));
    let mut number_code = good.clone();
    number_code["code"] = json!(60004);
    assert!(!app_native.is_valid(&number_code));
    let mut extra = good.clone();
    extra["extra"] = json!(1);
    assert!(!app_native.is_valid(&extra), "a closed format");
    // Real servers send only code and description, or leave out traceId.
    assert!(app_native.is_valid(&json!({"code": "ABA-60004", "description": "d"})));
    assert!(!app_native.is_valid(&json!({"code": "ABA-60004"})), "a code with none of its members");
    assert!(!app_native.is_valid(&json!({"message": "m", "description": "d"})), "no code");

    let auth0 = schema("Auth0Error");
    assert!(auth0.is_valid(&json!({"error": "invalid_grant", "error_description": "d", "mfa_token": "t"})));
    assert!(auth0.is_valid(&json!({"error": "no_such_error", "error_description": "d"})));
    assert!(auth0.is_valid(&json!({"error": "access_denied"})), "no description");
    assert!(!auth0.is_valid(&json!({"error": 403, "error_description": "d"})));
    assert!(!auth0.is_valid(&json!({"error_description": "d"})), "no code at all");

    let authos = schema("AuthosError");
    assert!(
        authos.is_valid(&json!({"error": "e", "error_code": "TOKEN_EXPIRED", "timestamp": "2025-01-15T10:30:00Z"}))
    );
    assert!(!authos.is_valid(&json!({"error": "e", "error_code": "TOKEN_EXPIRED", "timestamp": "yesterday"})));
    assert!(authos.is_valid(&json!({"error": "e", "error_code": "QUOTA_EXCEEDED"})));
    assert!(!authos.is_valid(&json!({"error": "e", "error_code": ["TOKEN_EXPIRED"]})));

    let registration = schema("RegistrationError");
    let good = json!({
        "stat": "error", "code": 210, "error": "invalid_credentials",
        "error_description": "d", "request_token": "abcdefghijklmnop", "argument_name": "x",
    });
    assert!(registration.is_valid(&good));
    let mut text_code = good.clone();
    text_code["code"] = json!("210");
    assert!(!registration.is_valid(&text_code));
    let mut unknown_code = good.clone();
    unknown_code["code"] = json!(218);
    unknown_code["error"] = json!("brand_new_error");
    assert!(registration.is_valid(&unknown_code));
    let mut stat_ok = good.clone();
    stat_ok["stat"] = json!("ok");
    assert!(!registration.is_valid(&stat_ok));
}

/// Each entry's example, independently of how the library renders it: its
/// code members, and its description with `<name>` for each placeholder.
#[test]
fn every_entry_has_exactly_one_example_with_its_body() {
    for (name, document) in documents() {
        let responses = document["components"]["responses"].as_object().unwrap();
        let apis: Vec<Api> = match name.parse::<Api>() {
            Ok(api) => vec![api],
            Err(_) => Api::ALL.to_vec(),
        };
        let mut expected_responses = BTreeSet::new();
        let mut examples_seen = 0;
        for api in &apis {
            for entry in api.catalog().entries() {
                let status = entry.http_status().as_u16();
                let response_name = format!("{}{status}", pascal(*api));
                expected_responses.insert(response_name.clone());
                // Variants are unique within an API, not across APIs.
                let found: Vec<&str> = responses
                    .iter()
                    .filter(|(key, response)| {
                        key.split_at(key.len() - 3).0 == pascal(*api)
                            && response["content"]["application/json"]["examples"].get(entry.variant()).is_some()
                    })
                    .map(|(key, _)| key.as_str())
                    .collect();
                assert_eq!(found, [response_name.as_str()], "{name}: {api} {}", entry.variant());

                let example = &responses[&response_name]["content"]["application/json"]["examples"][entry.variant()];
                assert_eq!(example["summary"], entry.message(), "{api} {}", entry.variant());
                let mut description = entry.description().to_owned();
                for placeholder in entry.placeholders() {
                    description = description.replace(&format!("{{{{{placeholder}}}}}"), &format!("<{placeholder}>"));
                }
                let expected = match api {
                    Api::AppNative => json!({
                        "code": entry.code(), "message": entry.message(), "description": description, "traceId": "",
                    }),
                    Api::Auth0 => json!({"error": entry.code(), "error_description": description}),
                    Api::Authos => json!({
                        "error": description, "error_code": entry.code(), "timestamp": "2025-01-15T10:30:00Z",
                    }),
                    Api::Registration => json!({
                        "stat": "error", "code": entry.number().unwrap(), "error": entry.name().unwrap(),
                        "error_description": description, "request_token": "abcdefghijklmnop",
                    }),
                    _ => unreachable!(),
                };
                assert_eq!(example["value"], expected, "{api} {}", entry.variant());
                examples_seen += 1;
            }
        }
        let total: usize = responses
            .values()
            .map(|response| response["content"]["application/json"]["examples"].as_object().unwrap().len())
            .sum();
        assert_eq!(total, examples_seen, "{name}: examples of no entry");
        let names: BTreeSet<String> = responses.keys().cloned().collect();
        assert_eq!(names, expected_responses, "{name}: one response per status used, and no other");
    }
}

#[test]
fn responses_describe_their_status() {
    let document = docs::openapi(&[]);
    let responses = document["components"]["responses"].as_object().unwrap();
    let mut statuses: BTreeMap<&str, Vec<u16>> = BTreeMap::new();
    for (name, response) in responses {
        let (api, status) = name.split_at(name.len() - 3);
        let status: u16 = status.parse().unwrap();
        let reason = http::StatusCode::from_u16(status).unwrap().canonical_reason().unwrap();
        let description = response["description"].as_str().unwrap();
        assert!(description.starts_with(reason), "{name}: {description}");
        if api == "Registration" {
            assert!(description.contains("HTTP 200"), "{name}: {description}");
        } else {
            assert_eq!(description, reason, "{name}");
        }
        statuses.entry(api).or_default().push(status);
    }
    assert_eq!(statuses.keys().copied().collect::<Vec<_>>(), ["AppNative", "Auth0", "Authos", "Registration"]);
    assert!(statuses["AppNative"].contains(&400) && statuses["AppNative"].contains(&500));
}

/// Each response documents exactly the headers the crate sends with it (with
/// the mapped Registration status and a `Retry-After` delay, so that every
/// header can appear): each one sent is documented, each required one is
/// always sent, and each optional one is sent by at least one entry.
#[test]
fn responses_document_the_headers_sent() {
    fn check<C: WireFormat>(responses: &serde_json::Map<String, Value>) {
        let options = ResponseOptions::default().entry_status().retry_after(7);
        let mut sent: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for &code in C::all() {
            let builder =
                code.entry().placeholders().iter().fold(Error::builder(code), |builder, name| builder.with(name, "v"));
            let response = builder.build().unwrap().to_response_with(&options);
            let name = format!("{}{}", pascal(C::API), response.status().as_u16());
            let documented = responses[&name]["headers"].as_object().unwrap();
            let headers: BTreeSet<String> = response
                .headers()
                .keys()
                .map(|header| header.as_str().to_owned())
                .filter(|header| header != "content-type")
                .collect();
            for header in &headers {
                let found = documented.keys().any(|name| name.eq_ignore_ascii_case(header));
                assert!(found, "{name}: {header} of {code} is not documented");
            }
            for (header, description) in documented {
                if description["required"] == true {
                    assert!(headers.contains(&header.to_ascii_lowercase()), "{name}: {code} lacks {header}");
                }
            }
            sent.entry(name).or_default().extend(headers);
        }
        for (name, headers) in sent {
            let documented: BTreeSet<String> = responses[&name]["headers"]
                .as_object()
                .unwrap()
                .keys()
                .map(|header| header.to_ascii_lowercase())
                .collect();
            assert_eq!(headers, documented, "{name}: a documented header no entry sends");
        }
    }
    let document = docs::openapi(&[]);
    let responses = document["components"]["responses"].as_object().unwrap();
    check::<app_native::Code>(responses);
    check::<auth0::Code>(responses);
    check::<authos::Code>(responses);
    check::<registration::Code>(responses);
    let challenge = &responses["Auth0401"]["headers"]["WWW-Authenticate"]["description"];
    assert!(challenge.as_str().unwrap().contains("Bearer error="), "{challenge}");
}

#[test]
fn selection() {
    assert_eq!(docs::openapi(&[]), docs::openapi(&Api::ALL));
    let document = docs::openapi(&[Api::Registration, Api::Auth0]);
    let schemas: Vec<&String> = document["components"]["schemas"].as_object().unwrap().keys().collect();
    assert_eq!(schemas, ["Auth0Error", "RegistrationError"]);
    let responses = document["components"]["responses"].as_object().unwrap();
    assert!(responses.keys().all(|name| name.starts_with("Auth0") || name.starts_with("Registration")));
}

#[test]
fn snapshot() {
    insta::assert_snapshot!("openapi", serde_json::to_string_pretty(&docs::openapi(&[])).unwrap());
}

/// Every real body of `tests/data/bodies/` validates against its API's
/// schema: the schemas describe what servers send, not only what the crate renders.
#[test]
fn every_real_body_validates_against_its_schema() {
    let document = docs::openapi(&[]);
    let expected = include_str!("data/bodies/expected.txt");
    let mut checked = 0;
    for line in expected.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let (file, api) = (columns[0], columns[2].parse::<Api>().unwrap());
        let body: Value = serde_json::from_slice(
            &std::fs::read(format!("{}/tests/data/bodies/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        )
        .unwrap();
        let schema = &document["components"]["schemas"][format!("{}Error", pascal(api))];
        assert_eq!(errors(&validator(schema), &body), Vec::<String>::new(), "{file}");
        checked += 1;
    }
    assert!(checked > 70, "{checked}");
}
