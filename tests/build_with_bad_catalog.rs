//! End to end: a real `cargo build` of this crate with a bad catalog stops
//! with the catalog's `FILE:LINE:COL: message` lines on cargo's output
//! (indented, as cargo shows a build script's output), and no panic; with a
//! good catalog the same build succeeds.
//!
//! The build reads its catalog from `AUTH_ERROR_CATALOG_DIR` (see build.rs),
//! pointed here at a temporary copy of `catalog/` with one file replaced by
//! a case of `tests/bad_catalogs/`. It uses its own target folder, so it
//! neither waits for nor disturbs the build running the tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of `catalog/` in a fresh temporary folder, removed on drop.
struct CatalogCopy(PathBuf);

impl CatalogCopy {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("auth-error-catalog-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        for item in std::fs::read_dir(manifest_dir().join("catalog")).expect("catalog/") {
            let path = item.expect("a directory entry").path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                std::fs::copy(&path, dir.join(path.file_name().expect("a file name"))).expect("a copied catalog");
            }
        }
        CatalogCopy(dir)
    }

    /// Replaces one catalog file by the bad one of `case` and gives the
    /// diagnostics the case expects.
    fn break_with(&self, case: &str) -> Vec<String> {
        let folder = manifest_dir().join("tests/bad_catalogs").join(case);
        for item in std::fs::read_dir(&folder).expect("a case folder") {
            let path = item.expect("a directory entry").path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                std::fs::copy(&path, self.0.join(path.file_name().expect("a file name"))).expect("a bad catalog");
            }
        }
        let expected = std::fs::read_to_string(folder.join("expected.txt")).expect("expected.txt");
        expected.lines().filter(|line| !line.trim().is_empty()).map(str::to_owned).collect()
    }
}

impl Drop for CatalogCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `cargo build --lib` of this crate with the catalog in `catalog_dir`.
fn cargo_build(catalog_dir: &Path) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(["build", "--lib", "--offline", "--manifest-path"])
        .arg(manifest_dir().join("Cargo.toml"))
        .env("AUTH_ERROR_CATALOG_DIR", catalog_dir)
        .env("CARGO_TARGET_DIR", manifest_dir().join("target/build-with-bad-catalog"))
        // The outer cargo's jobserver is not ours to share.
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .output()
        .expect("cargo runs")
}

fn assert_rejected(case: &str) {
    let copy = CatalogCopy::new(case);
    let expected = copy.break_with(case);
    let output = cargo_build(&copy.0);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{case}: the build succeeded:\n{stderr}");
    assert!(
        stderr.contains("failed to run custom build command for `auth-error-catalog"),
        "{case}: not stopped by the build script:\n{stderr}"
    );
    for line in &expected {
        assert!(stderr.lines().any(|shown| shown.trim() == line), "{case}: cargo did not show {line:?}:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{case}: the build script panicked:\n{stderr}");
}

#[test]
fn cargo_build_stops_at_a_bad_catalog_with_its_diagnostics_and_builds_a_good_one() {
    // In one test, one after the other: they share a target folder.
    assert_rejected("10_duplicate_code");
    assert_rejected("22_non_utf8");
    assert_rejected("01_toml_unclosed_string");

    let good = CatalogCopy::new("good");
    let output = cargo_build(&good.0);
    assert!(
        output.status.success(),
        "the real catalog, copied, does not build:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
