//! The catalog compiler that build.rs runs, compiled here to test its rules
//! (the unit tests live beside each rule in `build/`) and the whole pipeline.
//!
//! The generated code is pinned: `tests/generated/` holds each generated file
//! as rustfmt formats it, so that a change to the catalog or the generator
//! shows up in review as a diff of Rust, like hand-written code (rust-postgres
//! commits its generated `sqlstate.rs` the same way). After such a change,
//! `UPDATE_GENERATED=1 cargo test --test catalog_compiler` rewrites the
//! copies; without it, a stale copy fails.

#[path = "../build/mod.rs"]
#[allow(dead_code)]
mod catalog_compiler;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use catalog_compiler::{SourceFile, compile, read_catalog_dir};

fn catalog_files() -> Vec<SourceFile> {
    read_catalog_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/catalog"))).expect("the catalog folder")
}

#[test]
fn the_shipped_catalog_compiles_to_four_modules_their_registry_and_the_bench_baselines() {
    let generated = compile(&catalog_files())
        .unwrap_or_else(|found| panic!("{}", found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let mut names: Vec<_> = generated.iter().map(|file| file.file_name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "any_error.rs",
            "any_received.rs",
            "api_enum.rs",
            "api_texts.rs",
            "apis.rs",
            "app_native.rs",
            "auth0.rs",
            "authos.rs",
            "lookup_baselines.rs",
            "registration.rs",
            "registry.rs"
        ]
    );
}

#[test]
fn generation_is_deterministic() {
    let first = compile(&catalog_files()).ok().unwrap();
    let second = compile(&catalog_files()).ok().unwrap();
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.code, b.code, "{} differs between runs", a.file_name);
    }
}

/// The set of APIs is the set of files: one fewer compiles to one module
/// fewer, and none at all is refused.
#[test]
fn the_apis_are_the_catalog_files() {
    let files: Vec<SourceFile> =
        catalog_files().into_iter().filter(|file| !file.display_path.ends_with("auth0.toml")).collect();
    let generated = compile(&files).unwrap_or_else(|_| panic!("three catalogs compile"));
    let api_enum = &generated.iter().find(|file| file.file_name == "api_enum.rs").expect("the Api enum").code;
    assert!(api_enum.contains("pub const ALL: [Api; 3] = [Api::AppNative, Api::Authos, Api::Registration];"));
    assert!(!generated.iter().any(|file| file.file_name == "auth0.rs"));
    let found = compile(&[]).err().expect("no catalog is refused");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].to_string(),
        "catalog:1:1: the catalog folder has no *.toml file: the crate needs at least one API"
    );
}

/// An API may not be named like a module the crate has: `build.rs` passes
/// the names of `src/` and of the dependencies.
#[test]
fn an_api_named_like_a_module_of_the_crate_is_refused() {
    let found = catalog_compiler::compile_beside(&catalog_files(), &["auth0"]).err().expect("refused");
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with("catalog/auth0.toml:2:8: API `auth0` would be a module of the same name"),
        "{shown:#?}"
    );
}

#[test]
fn problems_in_several_files_are_all_reported_in_order() {
    let mut files = catalog_files();
    for file in &mut files {
        let text = String::from_utf8(file.bytes.clone()).unwrap();
        file.bytes = text.replacen("retryable = false", "retryable = 0", 1).into_bytes();
    }
    let found = compile(&files).err().unwrap();
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 4, "{shown:#?}");
    assert!(shown.iter().all(|d| d.contains("`retryable` in [[entry]] must be a boolean")), "{shown:#?}");
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(shown, sorted);
}

#[test]
fn codes_no_hash_seed_separates_fall_back_to_comparisons() {
    // Two 32-byte codes with equal hash words (see build/generate.rs), among
    // enough codes of that length to want a perfect-hash table.
    let codes = [
        "B".repeat(32),
        format!("BBBBC{}A{}", "B".repeat(11), "B".repeat(15)),
        "C".repeat(32),
        "D".repeat(32),
        "E".repeat(32),
    ];
    let mut authos = String::from("[api]\nname = \"authos\"\ntitle = \"AuthOS API\"\nsource = \"test\"\n");
    for code in &codes {
        authos.push_str(&format!(
            "\n[[entry]]\ncode = \"{code}\"\nstatus = 400\nmessage = \"Bad\"\nsection = \"General\"\nkind = \"invalid_request\"\nretryable = false\n"
        ));
    }
    authos.push_str(include_str!("data/body/authos.toml"));
    let mut files = catalog_files();
    let authos_file = files.iter_mut().find(|file| file.display_path.ends_with("authos.toml")).unwrap();
    authos_file.bytes = authos.into_bytes();
    let generated = compile(&files)
        .unwrap_or_else(|found| panic!("{}", found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let code = &generated.iter().find(|file| file.file_name == "authos.rs").unwrap().code;
    assert!(!code.contains("static WIRE"), "no table can separate the two codes");
    for wire in &codes {
        assert!(code.contains(&format!("{wire:?} => Some(Code::")), "{wire} is compared directly");
    }
}

#[test]
fn a_retired_code_keeps_its_entry_and_its_constructor_is_deprecated() {
    let mut files = catalog_files();
    let authos = files.iter_mut().find(|file| file.display_path.ends_with("authos.toml")).unwrap();
    let text = String::from_utf8(authos.bytes.clone()).unwrap();
    let retired = text.replacen(
        "code = \"TOKEN_EXPIRED\"\n",
        "code = \"TOKEN_EXPIRED\"\nretired = \"0.3.0: sessions use TOKEN_REVOKED\"\n",
        1,
    );
    assert_ne!(retired, text);
    authos.bytes = retired.into_bytes();
    let generated = compile(&files)
        .unwrap_or_else(|found| panic!("{}", found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let code = &generated.iter().find(|file| file.file_name == "authos.rs").unwrap().code;
    let texts = &generated.iter().find(|file| file.file_name == "api_texts.rs").unwrap().code;
    assert!(texts.contains("    \"0.3.0: sessions use TOKEN_REVOKED\",\n"), "the texts hold the note");
    assert_eq!(code.matches("retired: Some(at(").count(), 1, "one entry says so");
    let deprecated = "    #[deprecated(since = \"0.3.0\", note = \"sessions use TOKEN_REVOKED\")]\n    pub fn token_expired() -> super::Error {";
    assert!(code.contains(deprecated), "the constructor is deprecated");
    assert_eq!(code.matches("#[deprecated").count(), 1, "only the retired code's");
    assert!(
        code.contains("\"TOKEN_EXPIRED\" => Some(Code::TokenExpired)") || code.contains("TokenExpired,"),
        "still looked up"
    );
}

/// `code` as rustfmt formats it with the crate's `rustfmt.toml`.
fn formatted(code: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut rustfmt = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_owned()))
        .args(["--edition", "2024", "--emit", "stdout", "--config-path", root])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rustfmt runs (rustup component add rustfmt)");
    rustfmt.stdin.take().expect("stdin").write_all(code.as_bytes()).expect("rustfmt reads the code");
    let output = rustfmt.wait_with_output().expect("rustfmt finishes");
    assert!(output.status.success(), "rustfmt failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("rustfmt writes UTF-8")
}

#[test]
fn the_committed_generated_code_is_what_the_catalog_generates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = compile(&catalog_files())
        .unwrap_or_else(|found| panic!("{}", found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    let pinned = root.join("tests/generated");
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    // `apis.rs` only bundles the others.
    let generated: Vec<_> = generated.into_iter().filter(|file| file.file_name != "apis.rs").collect();
    for file in &generated {
        let path = pinned.join(&file.file_name);
        let expected = formatted(&file.code);
        if update {
            std::fs::create_dir_all(&pinned).expect("tests/generated");
            std::fs::write(&path, &expected).expect("write the copy");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(file.file_name.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated code in tests/generated: {stale:?}; run UPDATE_GENERATED=1 cargo test --test catalog_compiler and review the diff"
    );
    // No copy of a file the generator no longer writes.
    let mut names: Vec<String> = generated.iter().map(|file| file.file_name.clone()).collect();
    names.sort();
    let mut committed: Vec<String> = std::fs::read_dir(&pinned)
        .expect("tests/generated")
        .map(|item| item.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    assert_eq!(committed, names);
}

/// A field's setter is `with_<field>` on `Error`, beside `Error`'s own
/// `with_…` methods: the validator's list of taken field names must hold
/// every one of them, or a field could name a setter `rustc` refuses.
#[test]
fn the_taken_field_names_are_every_with_method_of_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut methods = Vec::new();
    for file in ["src/wire/error.rs", "src/response.rs"] {
        let text = std::fs::read_to_string(root.join(file)).expect("a source file");
        for line in text.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("pub fn with_") {
                methods.push(rest.split(['(', '<']).next().unwrap_or_default().to_owned());
            }
        }
    }
    assert!(methods.len() >= 4, "{methods:?}");
    for method in &methods {
        assert!(
            catalog_compiler::validate::TAKEN_FIELDS.contains(&method.as_str()),
            "`Error::with_{method}` is missing from TAKEN_FIELDS"
        );
    }
}
