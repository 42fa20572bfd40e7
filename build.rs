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

fn compile_into_out_dir(files: &[SourceFile]) -> Result<(), Vec<String>> {
    let generated =
        catalog_compiler::compile(files).map_err(|found| found.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| vec!["OUT_DIR is not set; run through cargo".to_owned()])?;
    for file in generated {
        let path = out_dir.join(&file.file_name);
        std::fs::write(&path, file.code).map_err(|error| vec![format!("{}: cannot write: {error}", path.display())])?;
    }
    Ok(())
}
