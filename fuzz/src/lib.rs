//! The checks behind the fuzz targets in `fuzz_targets/`.
//!
//! The checks live in the crate's `tests/support/fuzz_checks.rs`, so that the
//! published crate's `tests/fuzz_regressions.rs`, which replays every input a
//! fuzzer ever crashed on, compiles without this package.

#![forbid(unsafe_code)]

#[path = "../../build/mod.rs"]
#[allow(dead_code)]
mod catalog_compiler;

#[path = "../../tests/support/fuzz_checks.rs"]
pub mod checks;
