//! Compiles `catalog/*.toml` into the typed modules of the library.
//!
//! The logic lives in `build/` (parse → validate → generate) so that the
//! tests can compile it too. A bad catalog stops the build with one
//! `catalog/FILE.toml:LINE:COL: message` line per problem.

#[path = "build/mod.rs"]
mod catalog_compiler;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_compiler::SourceFile;

fn main() -> ExitCode {
    // Tests of the build itself point this at a folder of bad catalogs.
    println!("cargo::rerun-if-env-changed=AUTH_ERROR_CATALOG_DIR");
    let dir = std::env::var_os("AUTH_ERROR_CATALOG_DIR").map_or_else(|| PathBuf::from("catalog"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", dir.display());
    match read_catalogs(&dir).and_then(|files| compile_into_out_dir(&files)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            ExitCode::FAILURE
        }
    }
}

fn read_catalogs(dir: &Path) -> Result<Vec<SourceFile>, Vec<String>> {
    let listing = std::fs::read_dir(dir)
        .map_err(|error| vec![format!("{}: cannot read the catalog folder: {error}", dir.display())])?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|item| item.ok().map(|item| item.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let display_path =
            format!("catalog/{}", path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default());
        let bytes =
            std::fs::read(&path).map_err(|error| vec![format!("{display_path}:1:1: cannot read the file: {error}")])?;
        files.push(SourceFile { display_path, bytes });
    }
    Ok(files)
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
