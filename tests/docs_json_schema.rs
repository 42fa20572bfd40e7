//! `schema/catalog.schema.json` against the documents `docs::json` makes,
//! with the `jsonschema` crate (JSON Schema 2020-12).

use std::collections::BTreeSet;

use auth_error_catalog::{Api, Kind, docs};
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../schema/catalog.schema.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).unwrap()
}

/// A validator for one of the schema's `$defs`.
fn def_validator(name: &str) -> jsonschema::Validator {
    let schema = schema();
    let wrapper = json!({
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": format!("#/$defs/{name}"),
    });
    jsonschema::draft202012::new(&wrapper).unwrap()
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|error| format!("{}: {error}", error.instance_path())).collect()
}

/// The member names of a `$defs` object schema.
fn properties(def: &str) -> BTreeSet<String> {
    schema()["$defs"][def]["properties"].as_object().unwrap().keys().cloned().collect()
}

fn required(def: &str) -> BTreeSet<String> {
    schema()["$defs"][def]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap().to_owned())
        .collect()
}

fn keys(object: &Value) -> BTreeSet<String> {
    object.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn schema_is_valid_json_schema_2020_12() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    if let Err(error) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("not a valid 2020-12 schema: {error}");
    }
    validator();
}

#[test]
fn every_document_is_valid() {
    let validator = validator();
    let mut documents = vec![("all".to_owned(), docs::json(&[]))];
    for api in Api::ALL {
        documents.push((api.to_string(), docs::json(&[api])));
    }
    documents.push(("auth0+registration".to_owned(), docs::json(&[Api::Registration, Api::Auth0])));
    for (name, document) in documents {
        assert_eq!(errors(&validator, &document), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn every_entry_json_is_valid() {
    let validator = def_validator("entry");
    for entry in auth_error_catalog::entries() {
        let json = docs::entry_json(entry);
        assert_eq!(errors(&validator, &json), Vec::<String>::new(), "{} {}", entry.api(), entry.variant());
    }
}

/// The schema lists exactly the members the generator can emit, and
/// requires only members it always emits.
#[test]
fn schema_members_match_the_generator() {
    let document = docs::json(&[]);
    let catalogs = document["catalogs"].as_array().unwrap();
    let ranges: Vec<&Value> = catalogs.iter().flat_map(|catalog| catalog["ranges"].as_array().unwrap()).collect();
    let entries: Vec<&Value> = catalogs.iter().flat_map(|catalog| catalog["entries"].as_array().unwrap()).collect();
    for (def, objects) in [("catalog", catalogs.iter().collect::<Vec<_>>()), ("range", ranges), ("entry", entries)] {
        let mut seen: BTreeSet<String> = objects.iter().flat_map(|object| keys(object)).collect();
        if def == "entry" {
            // No code is retired yet; the fifth catalog of tests/build_with_bad_catalog.rs emits one.
            assert!(auth_error_catalog::entries().all(|entry| entry.retired().is_none()));
            seen.insert("retired".to_owned());
        }
        assert_eq!(properties(def), seen, "{def}: members");
        for object in &objects {
            assert!(required(def).is_subset(&keys(object)), "{def}: {object}");
        }
    }
    let always: BTreeSet<String> = catalogs
        .iter()
        .flat_map(|catalog| catalog["entries"].as_array().unwrap())
        .map(keys)
        .reduce(|always, keys| always.intersection(&keys).cloned().collect())
        .unwrap();
    assert_eq!(required("entry"), always, "entry: the members every entry has");
}

#[test]
fn enums_match_the_library() {
    let schema = schema();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|kind| kind.as_str()).collect();
    assert_eq!(schema["$defs"]["kind"]["enum"], json!(kinds));
    let apis: Vec<&str> = Api::ALL.iter().map(|api| api.as_str()).collect();
    assert_eq!(schema["$defs"]["api"]["enum"], json!(apis));
}

/// The Registration document (it has ranges, names and parents), changed by `mutate`.
fn mutated(mutate: impl FnOnce(&mut Value)) -> Value {
    let mut document = docs::json(&[Api::Registration]);
    mutate(&mut document);
    document
}

#[test]
fn schema_rejects_mutated_documents() {
    let validator = validator();
    assert!(validator.is_valid(&mutated(|_| {})));
    let cases: Vec<(&str, Value)> = vec![
        ("unknown top-level member", mutated(|document| document["generated"] = json!(true))),
        ("no catalogs", json!({})),
        ("unknown catalog member", mutated(|document| document["catalogs"][0]["homepage"] = json!("x"))),
        ("unknown entry member", mutated(|document| document["catalogs"][0]["entries"][0]["status"] = json!(400))),
        ("unknown range member", mutated(|document| document["catalogs"][0]["ranges"][0]["size"] = json!(100))),
        ("bad kind", mutated(|document| document["catalogs"][0]["entries"][0]["kind"] = json!("sleepy"))),
        ("bad api", mutated(|document| document["catalogs"][0]["api"] = json!("okta"))),
        ("status as a string", mutated(|document| document["catalogs"][0]["entries"][0]["http_status"] = json!("400"))),
        ("status not an error", mutated(|document| document["catalogs"][0]["entries"][0]["http_status"] = json!(200))),
        ("retryable as a string", mutated(|document| document["catalogs"][0]["entries"][0]["retryable"] = json!("no"))),
        ("code as a number", mutated(|document| document["catalogs"][0]["entries"][0]["code"] = json!(100))),
        ("null optional member", mutated(|document| document["catalogs"][0]["entries"][0]["resolution"] = json!(null))),
        ("empty placeholders", mutated(|document| document["catalogs"][0]["entries"][0]["placeholders"] = json!([]))),
        ("empty message", mutated(|document| document["catalogs"][0]["entries"][0]["message"] = json!(""))),
        (
            "missing section",
            mutated(|document| {
                document["catalogs"][0]["entries"][0].as_object_mut().unwrap().remove("section");
            }),
        ),
        (
            "missing ranges",
            mutated(|document| {
                document["catalogs"][0].as_object_mut().unwrap().remove("ranges");
            }),
        ),
        (
            "generic status repeated",
            mutated(|document| document["catalogs"][0]["generic_statuses"] = json!([400, 400])),
        ),
    ];
    for (what, document) in cases {
        assert!(!validator.is_valid(&document), "{what}: accepted");
    }
}

#[test]
fn snapshot() {
    insta::assert_snapshot!("catalog_json", serde_json::to_string_pretty(&docs::json(&[])).unwrap());
}
