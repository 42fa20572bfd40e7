//! Compiles `catalog/*.toml` into the typed modules of the library.
//!
//! The logic lives in `build/` (parse → validate → generate) so that the
//! tests can compile it too. A bad catalog stops the build with one
//! `catalog/FILE.toml:LINE:COL: message` line per problem.

#[path = "build/mod.rs"]
mod catalog_compiler;

use std::path::PathBuf;
use std::process::ExitCode;

use catalog_compiler::SourceFile;

fn main() -> ExitCode {
    // Tests of the build itself point this at a folder of bad catalogs.
    println!("cargo::rerun-if-env-changed=AUTH_ERROR_CATALOG_DIR");
    let dir = std::env::var_os("AUTH_ERROR_CATALOG_DIR").map_or_else(|| PathBuf::from("catalog"), PathBuf::from);
    // A folder here makes cargo watch every file in it.
    println!("cargo::rerun-if-changed={}", dir.display());
    match catalog_compiler::read_catalog_dir(&dir).and_then(|files| compile_into_out_dir(&files)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The names an API module may not take: the crate's own modules (the
/// files and folders of `src/`) and its dependencies, which paths inside the
/// crate name the same way.
fn taken_module_names() -> Vec<String> {
    let mut taken: Vec<String> = std::fs::read_dir("src")
        .map(|listing| {
            listing
                .filter_map(|item| item.ok())
                .map(|item| item.path())
                .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap_or_default();
    if let Ok(manifest) = catalog_compiler::toml_tree::parse(&manifest) {
        for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
            if let Some(dependencies) = manifest.get(section).and_then(|value| value.value.as_table()) {
                taken.extend(dependencies.iter().map(|(name, _)| name.value.replace('-', "_")));
            }
        }
    }
    taken.extend(["std", "core", "alloc"].map(str::to_owned));
    taken
}

fn compile_into_out_dir(files: &[SourceFile]) -> Result<(), Vec<String>> {
    let taken = taken_module_names();
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    let generated = catalog_compiler::compile_beside(files, &taken)
        .map_err(|found| found.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| vec!["OUT_DIR is not set; run through cargo".to_owned()])?;
    for file in generated {
        let path = out_dir.join(&file.file_name);
        std::fs::write(&path, file.code).map_err(|error| vec![format!("{}: cannot write: {error}", path.display())])?;
    }
    Ok(())
}
