//! The schemars integration (`--features schemars_1`): `schema_for!` of each
//! API's error type is the component schema of `docs::openapi`, and every
//! body the crate renders validates against it.

use std::collections::BTreeSet;

use auth_error_catalog::{Api, Error, WireFormat, app_native, auth0, authos, docs, registration};
use schemars_1::{JsonSchema, Schema, schema_for};
use serde_json::Value;

/// Placeholder values each body is rendered with.
const VALUES: [&str; 4] = ["", "abc", "a \"quoted\" \\ value\n", "ünïcødé ✓"];

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options().should_validate_formats(true).build(schema).unwrap()
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|error| format!("{}: {error}", error.instance_path())).collect()
}

fn check<C: WireFormat>(schema: Schema, name: &str) {
    assert_eq!(Error::<C>::schema_name(), name);
    let schema = schema.to_value();
    assert_eq!(schema["title"], name);
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");

    // Beside the title and `$schema` that `schema_for!` adds, the schema is docs::openapi's.
    let mut bare = schema.clone();
    let object = bare.as_object_mut().unwrap();
    object.remove("title");
    object.remove("$schema");
    assert_eq!(bare, docs::openapi(&[C::API])["components"]["schemas"][name], "{name}");

    let validator = validator(&schema);
    let required: BTreeSet<&str> =
        schema["required"].as_array().into_iter().flatten().map(|m| m.as_str().unwrap()).collect();
    let mut count = 0;
    for &code in C::all() {
        for value in VALUES {
            let builder = code
                .entry()
                .placeholders()
                .iter()
                .fold(Error::builder(code), |builder, name| builder.with(name, value.to_owned()));
            let json = builder.build().unwrap().to_json();
            let body: Value = serde_json::from_str(&json).unwrap();
            assert_eq!(errors(&validator, &body), Vec::<String>::new(), "{name}: {json}");
            let members: BTreeSet<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
            assert!(required.is_subset(&members), "{name}: {json}: the required members are rendered");
            count += 1;
        }
    }
    assert_eq!(count, C::all().len() * VALUES.len());

    // A body with a code outside the catalog does not validate.
    let code_member = match C::API {
        Api::Auth0 => "error",
        Api::Authos => "error_code",
        _ => "code",
    };
    let Some(&first) = C::all().first() else { panic!("{name}: no codes") };
    let builder =
        first.entry().placeholders().iter().fold(Error::builder(first), |builder, name| builder.with(name, "x"));
    let mut body: Value = serde_json::from_str(&builder.build().unwrap().to_json()).unwrap();
    // A code the catalog lacks validates (a newer server may send it); a code of the wrong type does not.
    body[code_member] = if C::API == Api::Registration { 1.into() } else { "NOT_A_CODE".into() };
    assert_eq!(errors(&validator, &body), Vec::<String>::new(), "{name}: {body}");
    body[code_member] = if C::API == Api::Registration { "1".into() } else { 1.into() };
    assert!(!errors(&validator, &body).is_empty(), "{name}: {body}");
}

#[test]
fn schemas_validate_every_rendered_body() {
    check::<app_native::Code>(schema_for!(app_native::Error), "AppNativeError");
    check::<auth0::Code>(schema_for!(auth0::Error), "Auth0Error");
    check::<authos::Code>(schema_for!(authos::Error), "AuthosError");
    check::<registration::Code>(schema_for!(registration::Error), "RegistrationError");
}

/// Inside another type's schema, an error is a `$ref` to its definition.
#[test]
fn referenced_from_another_schema() {
    let mut generator = schemars_1::SchemaGenerator::default();
    let reference = generator.subschema_for::<app_native::Error>().to_value();
    assert_eq!(reference["$ref"], "#/$defs/AppNativeError");
    let other = generator.subschema_for::<auth0::Error>().to_value();
    assert_eq!(other["$ref"], "#/$defs/Auth0Error");
    let definitions = generator.definitions();
    assert_eq!(
        definitions["AppNativeError"],
        docs::openapi(&[Api::AppNative])["components"]["schemas"]["AppNativeError"]
    );
    assert_eq!(definitions.len(), 2);
}
