//! The declared MSRV (`rust-version` in Cargo.toml), as far as one toolchain
//! can check it: no crate that the library or any of its features compiles
//! declares a newer `rust-version`. (The other half, std APIs newer than the
//! MSRV, is clippy's `incompatible_msrv` lint, which CI denies; language
//! features are checked by neither.)

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// `"1.85"` or `"1.85.0"` as `(1, 85, 0)`.
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|part| part.parse::<u64>().expect("a numeric rust-version"));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

#[test]
fn no_dependency_needs_a_newer_rust_than_ours() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--all-features", "--locked", "--manifest-path"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");

    let packages: BTreeMap<&str, &Value> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| (package["id"].as_str().unwrap(), package))
        .collect();
    let nodes: BTreeMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| (node["id"].as_str().unwrap(), node))
        .collect();
    let root = metadata["resolve"]["root"].as_str().unwrap();
    let ours = version(packages[root]["rust_version"].as_str().expect("Cargo.toml declares rust-version"));

    // What the library compiles: normal dependencies, transitively (build
    // scripts' and dev-dependencies' own needs are not the users').
    let mut compiled = BTreeSet::new();
    let mut pending = vec![root];
    while let Some(id) = pending.pop() {
        for dependency in nodes[id]["deps"].as_array().unwrap() {
            let normal = dependency["dep_kinds"].as_array().unwrap().iter().any(|kind| kind["kind"].is_null());
            let id = dependency["pkg"].as_str().unwrap();
            if normal && compiled.insert(id) {
                pending.push(id);
            }
        }
    }
    assert!(compiled.len() > 20, "the walk found the dependencies: {compiled:?}");
    let too_new: Vec<String> = compiled
        .iter()
        .filter_map(|id| {
            let package = packages[id];
            let needs = package["rust_version"].as_str()?;
            (version(needs) > ours).then(|| {
                format!(
                    "{} {} needs {needs}",
                    package["name"].as_str().unwrap_or("?"),
                    package["version"].as_str().unwrap_or("?")
                )
            })
        })
        .collect();
    assert_eq!(too_new, Vec::<String>::new());
}
