//! The Markdown reference, reviewed as a snapshot, and its shape per API.

use auth_error_catalog::{Api, docs};

#[test]
fn the_whole_reference() {
    insta::assert_snapshot!(docs::markdown(&[]));
}

#[test]
fn each_api_keeps_its_documentation_shape() {
    let app_native = docs::markdown(&[Api::AppNative]);
    assert!(app_native.contains("| Error Code | HTTP status code | Error message | Possible cause |"));
    let auth0 = docs::markdown(&[Api::Auth0]);
    for heading in ["### /oauth/ro", "**Grant type: password**", "*HTTP 429*", "### /passwordless/start"] {
        assert!(auth0.contains(heading), "{heading}");
    }
    let authos = docs::markdown(&[Api::Authos]);
    assert!(authos.contains("### MFA") && authos.contains("| Resolution |"));
    let registration = docs::markdown(&[Api::Registration]);
    assert!(registration.contains("| 200–299 † | 200 |") && registration.contains("| Catch-all |"));
    assert!(!registration.contains("## WSO2"), "--api narrows");
}

#[test]
fn every_auth0_json_cell_is_valid_json() {
    let auth0 = docs::markdown(&[Api::Auth0]);
    let (entries, registered) = auth0.split_once("### Registered codes").expect("a table of registered codes");
    let cells: Vec<&str> =
        entries.lines().filter_map(|line| line.strip_prefix("| `")?.split_once('`').map(|(cell, _)| cell)).collect();
    let registered_rows = registered.lines().filter(|line| line.starts_with("| `")).count();
    assert_eq!(registered_rows, Api::Auth0.catalog().registered_errors().len());
    assert_eq!(cells.len(), Api::Auth0.catalog().entries().len());
    for cell in cells {
        let body: serde_json::Value =
            serde_json::from_str(&cell.replace("\\|", "|")).unwrap_or_else(|error| panic!("{cell}: {error}"));
        assert!(body["error"].is_string() && body["error_description"].is_string(), "{cell}");
    }
}
