//! The catalog compiler behind build.rs: parse → validate → generate.
//!
//! build.rs and the tests in `tests/catalog_compiler.rs` both compile this
//! module tree through `#[path]`, so every rule is unit-tested on snippets.

pub mod diagnostic;
pub mod generate;
pub mod model;
pub mod parse;
pub mod validate;

#[path = "../src/hierarchy.rs"]
pub mod hierarchy;
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

/// Parses and validates every file; generates code only when all are clean.
/// Diagnostics come back sorted by file, line and column.
pub fn compile(files: &[SourceFile]) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
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
    diagnostics.extend(validate::validate_set(&catalogs, files.len()));
    if !diagnostics.is_empty() {
        diagnostic::sort(&mut diagnostics);
        return Err(diagnostics);
    }
    let mut generated: Vec<GeneratedFile> = catalogs.iter().map(generate::generate).collect();
    generated.push(generate::lookup_baselines(&catalogs));
    Ok(generated)
}
