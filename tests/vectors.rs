//! The conformance vectors (`autherr vectors`): exported by the binary,
//! validated against `schema/vectors.schema.json`, consumed here through the
//! library (so the suite cannot drift from the crate's behaviour), and run
//! through the language-neutral checker `examples/vectors_check.py`, which
//! must pass `autherr parse` and fail a classifier that answers wrongly.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use auth_error_catalog::{Failure, entries};
use serde_json::{Value, json};

fn exported() -> (PathBuf, Vec<Value>) {
    let output = Command::new(env!("CARGO_BIN_EXE_autherr")).arg("vectors").output().expect("run autherr vectors");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // The tests run in parallel, in one process: each export has its own file.
    static EXPORTS: AtomicUsize = AtomicUsize::new(0);
    let number = EXPORTS.fetch_add(1, Ordering::Relaxed);
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("vectors-{}-{number}.jsonl", std::process::id()));
    fs::write(&path, &output.stdout).expect("write the suite");
    let text = fs::read_to_string(&path).expect("read the suite back");
    let cases = text.lines().map(|line| serde_json::from_str(line).expect("one JSON object per line")).collect();
    (path, cases)
}

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn every_case_is_described_by_the_schema() {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(manifest("schema/vectors.schema.json")).expect("schema"))
            .expect("JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let (path, cases) = exported();
    for case in &cases {
        let errors: Vec<String> = validator.iter_errors(case).map(|error| error.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", case["name"]);
    }
    // The schema can fail: a wrong outcome, a missing response.
    let mut wrong = cases[0].clone();
    wrong["expected"]["outcome"] = json!("maybe");
    assert!(!validator.is_valid(&wrong));
    let mut wrong = cases[0].clone();
    wrong.as_object_mut().expect("object").remove("response");
    assert!(!validator.is_valid(&wrong));
    let _ = fs::remove_file(path);
}

#[test]
fn the_suite_covers_every_entry_the_hostile_cases_and_every_real_body() {
    let (path, cases) = exported();
    let names: Vec<&str> = cases.iter().map(|case| case["name"].as_str().expect("name")).collect();
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), names.len(), "names are unique");
    for entry in entries() {
        for form in ["native", "problem"] {
            let name = format!("{}/{}/{form}", entry.api(), entry.variant());
            assert!(names.contains(&name.as_str()), "{name}");
        }
    }
    for hostile in [
        "unknown-auth0-code",
        "registered-auth0-code",
        "unknown-auth0-description",
        "extra-members",
        "unknown-app-native-code",
        "unknown-authos-code",
        "registration-http-200",
        "registration-catch-all",
        "registration-unknown-code",
        "retry-after-seconds",
        "html-502",
        "empty-500",
        "bare-401-challenge",
        "foreign-problem-details",
    ] {
        assert!(names.contains(&format!("hostile/{hostile}").as_str()), "{hostile}");
    }
    let expected = fs::read_to_string(manifest("tests/data/bodies/expected.txt")).expect("expected.txt");
    let files: Vec<&str> = expected
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    for file in &files {
        let case = cases.iter().find(|case| case["name"] == format!("real/{file}")).unwrap_or_else(|| panic!("{file}"));
        // Byte for byte the file, and its source named.
        assert_eq!(
            case["response"]["body"].as_str().map(str::as_bytes),
            Some(&fs::read(manifest(&format!("tests/data/bodies/{file}"))).expect("body")[..])
        );
        assert!(
            case["source"]
                .as_str()
                .is_some_and(|source| source.starts_with(&format!("{file}: ")) && source.len() > file.len() + 5)
        );
    }
    assert_eq!(cases.len(), 2 * entries().count() + 14 + files.len());
    let _ = fs::remove_file(path);
}

/// The library's answer for a case, in the suite's terms, written apart
/// from the binary's.
fn library_answer(case: &Value) -> Value {
    let response = &case["response"];
    let mut builder = http::Response::builder().status(response["status"].as_u64().expect("status") as u16);
    for header in response["headers"].as_array().expect("headers") {
        builder = builder.header(header[0].as_str().expect("name"), header[1].as_str().expect("value"));
    }
    let sent = builder.body(response["body"].as_str().expect("body").as_bytes().to_vec()).expect("a response");
    let failure = Failure::from_response(&sent);
    let retry = serde_json::to_value(failure.retry(SystemTime::UNIX_EPOCH)).expect("retry");
    let kind = failure.kind().map(|kind| kind.as_str());
    match &failure {
        Failure::Api(received) => json!({
            "outcome": "api",
            "api": received.api().as_str(),
            "code": received.raw_code(),
            "known": received.is_known(),
            "variant": received.entry().map(|entry| entry.variant()),
            "match": format!("{:?}", received.matched()).to_lowercase(),
            "kind": kind,
            "retryable": received.retryable(),
            "params": received.params().iter().map(|(name, value)| ((*name).to_owned(), json!(value))).collect::<serde_json::Map<_, _>>(),
            "retry": retry,
        }),
        Failure::Problem(problem) => {
            json!({ "outcome": "problem", "type": problem.type_uri(), "title": problem.title(), "kind": kind, "retry": retry })
        }
        Failure::Challenge(challenge, _) => {
            json!({ "outcome": "challenge", "code": challenge.error(), "kind": kind, "retry": retry })
        }
        _ => json!({ "outcome": "unrecognised", "kind": kind, "retry": retry }),
    }
}

#[test]
fn the_library_answers_every_case_as_the_suite_expects() {
    let (path, cases) = exported();
    for case in &cases {
        let answer = library_answer(case);
        for (member, expected) in case["expected"].as_object().expect("expected") {
            assert_eq!(&answer[member], expected, "{}: {member}", case["name"]);
        }
    }
    let _ = fs::remove_file(path);
}

/// Runs the checker on the first `cases` cases of the suite with
/// `classifier`; gives its exit code and output.
fn checker(cases: usize, classifier: &[&str]) -> (Option<i32>, String) {
    let (path, all) = exported();
    let lines: Vec<String> = all.iter().take(cases).map(Value::to_string).collect();
    fs::write(&path, lines.join("\n") + "\n").expect("write the cases");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(&python)
        .arg(manifest("examples/vectors_check.py"))
        .arg("--vectors")
        .arg(&path)
        .arg("--")
        .args(classifier)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| {
            panic!("{python} is needed to run examples/vectors_check.py ({error}); .ci/run installs it")
        });
    let _ = fs::remove_file(path);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn the_language_neutral_checker_passes_autherr_parse() {
    let (code, output) = checker(usize::MAX, &[env!("CARGO_BIN_EXE_autherr"), "parse"]);
    assert_eq!(code, Some(0), "{output}");
    let summary = output.lines().last().expect("a summary");
    let total = exported().1.len();
    assert!(summary.starts_with(&format!("{total} cases, ")), "{summary}");
    assert!(summary.ends_with(" expected members compared, 0 failed"), "{summary}");
}

#[test]
fn the_checker_fails_a_classifier_that_answers_wrongly() {
    // A classifier that calls everything an unknown Auth0 error.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("liar-{}", std::process::id()));
    fs::create_dir_all(&folder).expect("folder");
    let liar = folder.join("liar.py");
    let mut file = fs::File::create(&liar).expect("create");
    file.write_all(b"import json, sys\nsys.stdin.read()\nprint(json.dumps({\"outcome\": \"api\", \"api\": \"auth0\", \"known\": False}))\n").expect("write");
    drop(file);
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    // Python starts slowly: a few cases are enough to see it fail.
    let (code, output) = checker(5, &[&python, liar.to_str().expect("UTF-8")]);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("FAIL app_native/Unauthorized/native (catalog)"), "{output}");
    assert!(output.contains("     variant: expected \"Unauthorized\", missing"), "{output}");
    assert!(output.ends_with("5 cases, 50 expected members compared, 5 failed\n"), "{output}");
    let _ = fs::remove_dir_all(folder);
}
