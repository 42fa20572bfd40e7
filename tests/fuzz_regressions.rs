//! The fuzz targets' checks (`tests/support/fuzz_checks.rs`), run on every
//! input a fuzzer crashed on (`tests/data/fuzz_regressions/TARGET/`) and on
//! the real bodies, so that CI replays them without libFuzzer. The fuzz
//! seeds (`fuzz/seeds/`, 4 MB, not published) are replayed by `fuzz/run smoke`.

#[path = "../build/mod.rs"]
#[allow(dead_code)]
mod catalog_compiler;

#[path = "support/fuzz_checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// The files under `dir` (recursively), sorted; none if it does not exist.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(listing) = std::fs::read_dir(&dir) else { continue };
        for item in listing {
            let path = item.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Runs `check` on every file of each folder (relative to the crate), and
/// names the file that fails.
fn replay(folders: &[&str], check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for folder in folders {
        for path in files_under(&root.join(folder)) {
            let bytes = std::fs::read(&path).expect("a readable input");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{} fails its check", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn parse_any() {
    let replayed = replay(&["tests/data/fuzz_regressions/parse_any", "tests/data/bodies"], checks::parse_any);
    assert!(replayed >= 75, "only {replayed} inputs");
}

#[test]
fn parse_each_api() {
    let replayed = replay(&["tests/data/fuzz_regressions/parse_each_api", "tests/data/bodies"], checks::parse_each_api);
    assert!(replayed >= 76, "only {replayed} inputs");
}

#[test]
fn render() {
    let replayed = replay(&["tests/data/fuzz_regressions/render"], checks::render);
    assert!(replayed >= 1, "only {replayed} inputs");
}

#[test]
fn lookup() {
    let replayed = replay(&["tests/data/fuzz_regressions/lookup"], checks::lookup);
    assert!(replayed >= 1, "only {replayed} inputs");
}

#[test]
fn validate_catalog() {
    let replayed = replay(
        &["tests/data/fuzz_regressions/validate_catalog", "catalog", "tests/bad_catalogs"],
        checks::validate_catalog,
    );
    assert!(replayed >= 70, "only {replayed} inputs");
}
