//! The checks behind the fuzz targets in `fuzz_targets/`.
//!
//! `tests/fuzz_regressions.rs` of the crate compiles `checks.rs` too (through
//! `#[path]`) and replays every input a fuzzer ever crashed on.

#![forbid(unsafe_code)]

#[path = "../../build/mod.rs"]
#[allow(dead_code)]
mod catalog_compiler;

pub mod checks;
