//! The catalog compiler behind build.rs: parse → validate → generate.
//!
//! build.rs and the tests in `tests/catalog_compiler.rs` both compile this
//! module tree through `#[path]`, so every rule is unit-tested on snippets.

pub mod diagnostic;
pub mod generate;
pub mod model;
pub mod one_line;
pub mod parse;
pub mod toml_tree;
pub mod validate;

#[path = "../src/catch_all.rs"]
pub mod catch_all;
#[path = "../src/json_escape.rs"]
pub mod json_escape;
#[path = "../src/kind.rs"]
#[allow(dead_code)]
pub mod kind;
#[path = "../src/perfect_hash.rs"]
#[allow(dead_code)]
pub mod perfect_hash;
#[path = "../src/template.rs"]
#[allow(dead_code)]
pub mod template;
#[path = "../src/text_span.rs"]
#[allow(dead_code)]
pub mod text_span;

use std::path::{Path, PathBuf};

use diagnostic::Diagnostic;
use model::Catalog;

/// One catalog file as read from disk.
pub struct SourceFile {
    /// The path shown in diagnostics, e.g. `catalog/auth0.toml`.
    pub display_path: String,
    pub bytes: Vec<u8>,
}

/// One generated Rust file, to be written to `OUT_DIR`.
pub struct GeneratedFile {
    pub file_name: String,
    pub code: String,
}

/// Reads the `*.toml` files of `dir`, sorted by name. Each is shown as
/// `catalog/FILE.toml`, whatever the folder: diagnostics name a file by its
/// role in the crate.
pub fn read_catalog_dir(dir: &Path) -> Result<Vec<SourceFile>, Vec<String>> {
    let listing = std::fs::read_dir(dir)
        .map_err(|error| vec![format!("{}: cannot read the catalog folder: {error}", dir.display())])?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|item| item.ok().map(|item| item.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let display_path =
            format!("catalog/{}", path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default());
        let bytes =
            std::fs::read(&path).map_err(|error| vec![format!("{display_path}:1:1: cannot read the file: {error}")])?;
        files.push(SourceFile { display_path, bytes });
    }
    Ok(files)
}

/// Parses and validates every file; generates code only when all are clean.
/// Diagnostics come back sorted by file, line and column.
// The tests' entry point; build.rs calls `compile_beside`.
#[allow(dead_code)]
pub fn compile(files: &[SourceFile]) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    compile_beside(files, &[])
}

/// [`compile`], where `taken` names the modules the crate already has (those
/// of `src/` and its dependencies), which no API may be named.
pub fn compile_beside(files: &[SourceFile], taken: &[&str]) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut catalogs: Vec<Catalog> = Vec::new();
    for file in files {
        match parse::parse_file(&file.display_path, &file.bytes) {
            Ok(catalog) => {
                diagnostics.extend(validate::validate(&catalog));
                catalogs.push(catalog);
            }
            Err(found) => diagnostics.extend(found),
        }
    }
    diagnostics.extend(validate::validate_set(&catalogs, files.len(), taken));
    if !diagnostics.is_empty() {
        diagnostic::sort(&mut diagnostics);
        return Err(diagnostics);
    }
    let mut generated = Vec::new();
    let mut tables = Vec::new();
    for catalog in &catalogs {
        match generate::generate(catalog) {
            Ok(one) => {
                generated.push(one.module);
                tables.push(one.texts);
            }
            Err(found) => diagnostics.push(found),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    generated.push(generate::api_texts(&catalogs, &tables));
    generated.push(generate::lookup_baselines(&catalogs));
    generated.extend(generate::registry(&catalogs));
    let bundle = generate::bundle(&catalogs, &generated);
    generated.push(bundle);
    Ok(generated)
}
