//! Bad catalog files, one per folder of `tests/bad_catalogs/`: each must be
//! rejected by the catalog compiler with exactly the diagnostics of its
//! `expected.txt`, and without panicking.
//!
//! A case folder `NN_short_name/` holds one catalog file named like a real one
//! (`authos.toml`, `auth0.toml`, …), which replaces that file among the four of
//! `catalog/`, and `expected.txt`: the expected diagnostics, one exact
//! `catalog/FILE.toml:LINE:COL: message` line each (no wildcards). The bad
//! files derive from small valid catalogs (see `AUTHOS_BASE` below), not from
//! the large real ones, so their line numbers stay stable.

#[path = "../build/mod.rs"]
#[allow(dead_code)]
mod catalog_compiler;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use catalog_compiler::{SourceFile, compile, read_catalog_dir};

/// The two-entry catalog most cases are derived from.
const AUTHOS_BASE: &str = "[api]
name = \"authos\"
title = \"AuthOS API\"
source = \"A two-entry test catalog\"

[[entry]]
code = \"TOKEN_EXPIRED\"
status = 401
message = \"JWT has expired\"
section = \"Authentication\"
kind = \"token_expired\"
retryable = false

[[entry]]
code = \"BAD_REQUEST\"
status = 400
message = \"Invalid request parameters\"
section = \"General\"
kind = \"invalid_request\"
retryable = false
";

/// [`AUTHOS_BASE`] with its body: the base of every case.
fn authos_base() -> String {
    format!("{AUTHOS_BASE}{}", include_str!("data/body/authos.toml"))
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The four real catalog files, sorted by name.
fn catalog_files() -> Vec<SourceFile> {
    read_catalog_dir(&manifest_dir().join("catalog")).expect("the catalog folder")
}

/// The real catalog files with `file_name` replaced by `bytes`.
fn with_replaced(file_name: &str, bytes: Vec<u8>) -> Vec<SourceFile> {
    let display_path = format!("catalog/{file_name}");
    let mut files = catalog_files();
    let slot = files
        .iter_mut()
        .find(|file| file.display_path == display_path)
        .unwrap_or_else(|| panic!("{file_name} does not name a real catalog file"));
    slot.bytes = bytes;
    files
}

/// Compiles `files` inside `catch_unwind`; the diagnostics as sorted strings,
/// or an empty list when the files compiled.
fn diagnostics(files: &[SourceFile], what: &str) -> Vec<String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| compile(files)));
    let Ok(result) = outcome else {
        panic!("{what}: the catalog compiler panicked");
    };
    let mut shown: Vec<String> = match result {
        Ok(_) => Vec::new(),
        Err(found) => found.iter().map(ToString::to_string).collect(),
    };
    shown.sort();
    shown
}

struct Case {
    name: String,
    file_name: String,
    bytes: Vec<u8>,
    expected: Vec<String>,
}

fn cases() -> Vec<Case> {
    let root = manifest_dir().join("tests/bad_catalogs");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/bad_catalogs")
        .map(|item| item.expect("directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|folder| {
            let name = folder.file_name().unwrap().to_string_lossy().into_owned();
            let mut catalogs: Vec<PathBuf> = std::fs::read_dir(&folder)
                .expect("case folder")
                .map(|item| item.expect("directory entry").path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
                .collect();
            assert_eq!(catalogs.len(), 1, "{name}: a case holds exactly one .toml file, found {catalogs:?}");
            let catalog = catalogs.pop().unwrap();
            let expected = std::fs::read_to_string(folder.join("expected.txt"))
                .unwrap_or_else(|error| panic!("{name}/expected.txt: {error}"));
            let mut expected: Vec<String> =
                expected.lines().filter(|line| !line.trim().is_empty()).map(str::to_owned).collect();
            expected.sort();
            assert!(!expected.is_empty(), "{name}: expected.txt lists no diagnostic");
            Case {
                name,
                file_name: catalog.file_name().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(&catalog).expect("readable case file"),
                expected,
            }
        })
        .collect()
}

#[test]
fn every_bad_catalog_is_rejected_with_exactly_its_expected_diagnostics() {
    let cases = cases();
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let found = diagnostics(&with_replaced(&case.file_name, case.bytes.clone()), &case.name);
        if found.is_empty() {
            failures.push(format!("{}: compiled without diagnostics", case.name));
        } else if found != case.expected {
            failures.push(format!(
                "{}:\n  expected:\n    {}\n  found:\n    {}",
                case.name,
                case.expected.join("\n    "),
                found.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn the_case_names_are_numbered_and_unique() {
    let cases = cases();
    let mut numbers: Vec<&str> = cases.iter().map(|case| case.name.split('_').next().unwrap()).collect();
    assert!(numbers.iter().all(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit())), "{numbers:?}");
    numbers.dedup();
    assert_eq!(numbers.len(), cases.len(), "two cases share a number");
}

#[test]
fn the_real_catalog_and_the_base_of_the_cases_compile() {
    assert_eq!(diagnostics(&catalog_files(), "real catalog"), Vec::<String>::new());
    assert_eq!(diagnostics(&with_replaced("authos.toml", authos_base().into_bytes()), "base"), Vec::<String>::new());
}

const GENERATED_ENTRIES: usize = 20_000;

/// An AuthOS catalog of [`GENERATED_ENTRIES`] entries (over 3 MB) with the
/// codes `code` gives: 4 header lines, then 9 lines an entry, then its body.
fn generated_authos(code: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(GENERATED_ENTRIES * 160);
    text.push_str("[api]\nname = \"authos\"\ntitle = \"AuthOS API\"\nsource = \"A generated test catalog\"\n");
    for index in 0..GENERATED_ENTRIES {
        let code = code(index);
        text.push_str(&format!(
            "\n[[entry]]\ncode = \"{code}\"\nvariant = \"Code{index}\"\nstatus = 400\nmessage = \"Message {index}\"\nsection = \"General\"\nkind = \"invalid_request\"\nretryable = false\n"
        ));
    }
    text.push_str(include_str!("data/body/authos.toml"));
    text
}

/// 20 000 valid entries (3 MB), then one with an out-of-range status: the
/// diagnostic names the last entry's line, and the code generator's
/// perfect-hash search gives up at once instead of trying every seed.
#[test]
fn a_huge_file_reports_the_right_line() {
    let mut text = generated_authos(|index| format!("CODE_{index}"));
    assert_eq!(
        diagnostics(&with_replaced("authos.toml", text.clone().into_bytes()), "huge valid"),
        Vec::<String>::new()
    );
    text.push_str("\n[[entry]]\ncode = \"LAST\"\n");
    let line = text.lines().count() + 1;
    text.push_str(
        "status = 600\nmessage = \"Last\"\nsection = \"General\"\nkind = \"invalid_request\"\nretryable = false\n",
    );
    assert!(text.len() > 3_000_000, "{} bytes", text.len());
    let found = diagnostics(&with_replaced("authos.toml", text.into_bytes()), "huge");
    assert_eq!(found, [format!("catalog/authos.toml:{line}:10: HTTP status 600 is not an error status (400-599)")]);
}

/// 20 000 entries that all repeat one code: 19 999 diagnostics, each naming
/// its own line and the first use's, without rescanning the 3 MB file for
/// each of them.
#[test]
fn a_huge_file_with_an_error_in_every_entry() {
    let text = generated_authos(|_| "SAME".to_owned());
    let found = diagnostics(&with_replaced("authos.toml", text.into_bytes()), "huge, every entry bad");
    assert_eq!(found.len(), GENERATED_ENTRIES - 1);
    // The header's 4 lines, then 9 lines an entry with its code on the third.
    let code_line = |index: usize| 4 + 9 * index + 3;
    let mut expected: Vec<String> = (1..GENERATED_ENTRIES)
        .map(|index| {
            let (line, first) = (code_line(index), code_line(0));
            format!("catalog/authos.toml:{line}:8: duplicate code `SAME`: already used at line {first}")
        })
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

/// A Registration catalog of 2 000 ranges and 20 000 codes compiles: range
/// checks, sections and catch-all parents go through maps, not a scan of
/// every entry for every entry.
#[test]
fn a_huge_registration_catalog_compiles() {
    const RANGES: u32 = 2_000;
    let mut text = String::from(
        "[api]\nname = \"registration\"\ntitle = \"T\"\nsource = \"A generated test catalog\"\nwire_status = 200\n",
    );
    for range in 0..RANGES {
        let start = 100_000 + 10 * range;
        text.push_str(&format!(
            "\n[[range]]\nname = \"range_{range}\"\ntitle = \"R\"\nstart = {start}\nend = {}\ncatch_all = {start}\n",
            start + 9
        ));
    }
    for range in 0..RANGES {
        for code in 100_000 + 10 * range..100_010 + 10 * range {
            text.push_str(&format!(
                "\n[[entry]]\ncode = {code}\nname = \"name_{code}\"\nstatus = 400\nmessage = \"M\"\nsection = \"range_{range}\"\nkind = \"invalid_request\"\nretryable = false\n"
            ));
        }
    }
    text.push_str(include_str!("data/body/registration.toml"));
    assert_eq!(
        diagnostics(&with_replaced("registration.toml", text.into_bytes()), "huge registration"),
        Vec::<String>::new()
    );
}
