//! End to end: a real `cargo build` of this crate with a bad catalog stops
//! with the catalog's `FILE:LINE:COL: message` lines on cargo's output
//! (indented, as cargo shows a build script's output), and no panic; with a
//! good catalog the same build succeeds; and with a fifth, made-up catalog
//! beside the real four, the built `autherr` renders, parses and detects
//! that API's bodies: a catalog file is all a new API needs.
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

/// The target folder of these builds, apart from the one running the tests.
fn target_dir() -> PathBuf {
    // Under the running build's target folder (`CARGO_TARGET_DIR` or
    // `target/`), never beside the sources.
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-with-bad-catalog")
}

/// `cargo build --lib` of this crate with the catalog in `catalog_dir`.
fn cargo_build(catalog_dir: &Path) -> Output {
    cargo_build_with(catalog_dir, &["--lib"])
}

fn cargo_build_with(catalog_dir: &Path, what: &[&str]) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .arg("build")
        .args(what)
        .args(["--offline", "--manifest-path"])
        .arg(manifest_dir().join("Cargo.toml"))
        .env("AUTH_ERROR_CATALOG_DIR", catalog_dir)
        .env("CARGO_TARGET_DIR", target_dir())
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

/// Runs the `autherr` built with the fifth catalog on `args`, `stdin` as its input.
fn autherr(args: &[&str], stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(target_dir().join("debug/autherr"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("autherr runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("autherr reads");
    child.wait_with_output().expect("autherr finishes")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "autherr failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_fifth_catalog_file_is_all_a_new_api_needs() {
    let copy = CatalogCopy::new("fifth");
    std::fs::copy(manifest_dir().join("tests/data/fifth_api/acme.toml"), copy.0.join("acme.toml")).expect("acme.toml");
    let output = cargo_build_with(&copy.0, &["--features", "cli", "--bin", "autherr"]);
    assert!(output.status.success(), "five catalogs do not build:\n{}", String::from_utf8_lossy(&output.stderr));

    // Render: the members of [[member]], in order, with a placeholder and a field.
    let body =
        stdout(&autherr(&["render", "acme", "ACME-1", "--param", "token=t-1", "--field", "incident_id=inc-9"], ""));
    assert_eq!(
        body,
        "{\"acme_code\":\"ACME-1\",\"summary\":\"The token is revoked.\",\"detail\":\"Token t-1 was revoked.\",\"incident\":\"inc-9\"}\n"
    );
    let with_headers = stdout(&autherr(&["render", "acme", "SlowDown", "--include-headers"], ""));
    assert!(with_headers.starts_with("HTTP/1.1 429 Too Many Requests\r\n"), "{with_headers}");
    // Closed: no --member; and no field the body does not have.
    assert_eq!(
        autherr(&["render", "acme", "ACME-1", "--param", "token=t", "--member", "x=1"], "").status.code(),
        Some(2)
    );
    assert_eq!(autherr(&["render", "acme", "ACME-2", "--trace-id", "t"], "").status.code(), Some(2));

    // Detection by its [[detect]] rule, and classification with the catalog's kind.
    let parsed = stdout(&autherr(&["parse"], &body));
    for expected in [
        "\"api\": \"acme\"",
        "\"variant\": \"TokenRevoked\"",
        "\"match\": \"exact\"",
        "\"kind\": \"token_expired\"",
        "\"token\": \"t-1\"",
    ] {
        assert!(parsed.contains(expected), "{expected} not in {parsed}");
    }
    let unknown =
        stdout(&autherr(&["parse", "--api", "acme", "--status", "503"], r#"{"acme_code":"ACME-99","detail":"d"}"#));
    assert!(unknown.contains("\"known\": false") && unknown.contains("\"kind\": \"unavailable\""), "{unknown}");
    // The four real APIs are detected as before.
    let registration = stdout(&autherr(&["parse"], r#"{"stat":"error","code":210,"error":"invalid_credentials"}"#));
    assert!(registration.contains("\"api\": \"registration\""), "{registration}");

    // A variant named like a method of `Error` builds and renders.
    assert!(stdout(&autherr(&["render", "acme", "ToResponse"], "")).starts_with("{\"acme_code\":\"ACME-3\""));

    // Lookup, list and the reference know it.
    assert!(stdout(&autherr(&["lookup", "ACME-2"], "")).contains("Too many sign-ins."));
    let openapi = stdout(&autherr(&["docs", "--format", "openapi", "--api", "acme"], ""));
    assert!(openapi.contains("\"AcmeError\"") && openapi.contains("\"incident\""), "{openapi}");
    let markdown = stdout(&autherr(&["docs", "--api", "acme"], ""));
    assert!(markdown.contains("## Acme Sign-in API (made up for a test) (`acme`)"), "{markdown}");

    // A retired code: still looked up, parsed and documented, marked retired;
    // its constructor is deprecated, so that callers are told but still build.
    let card = stdout(&autherr(&["lookup", "ACME-5"], ""));
    assert!(card.contains("  retired      0.3.0: use ACME-1"), "{card}");
    let parsed = stdout(&autherr(&["parse"], r#"{"acme_code":"ACME-5","detail":"The legacy login is retired."}"#));
    assert!(parsed.contains("\"variant\": \"LegacyLogin\"") && parsed.contains("\"known\": true"), "{parsed}");
    assert!(markdown.contains("`ACME-5` (retired 0.3.0: use ACME-1)"), "{markdown}");
    let json = stdout(&autherr(&["docs", "--format", "json", "--api", "acme"], ""));
    assert!(json.contains("\"retired\": \"0.3.0: use ACME-1\""), "{json}");
    let html = stdout(&autherr(&["docs", "--format", "html", "--api", "acme"], ""));
    assert!(html.contains("<span class=\"retired\">retired 0.3.0: use ACME-1</span>"));
    let generated = std::fs::read_dir(target_dir().join("debug/build"))
        .expect("build folder")
        .filter_map(|item| std::fs::read_to_string(item.ok()?.path().join("out/apis.rs")).ok())
        .find(|code| code.contains("LegacyLogin"))
        .expect("the generated code of the five catalogs");
    assert!(generated.contains("#[deprecated(since = \"0.3.0\", note = \"use ACME-1\")]\n    pub fn legacy_login()"));
}
