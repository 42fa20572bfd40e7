//! The real `autherr` binary: every subcommand, its exit codes, hostile
//! input to `parse`, a bad `--param`, and atomic `--output`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use auth_error_catalog::{Api, docs, registration};

fn autherr(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_autherr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("autherr runs");
    let mut input = child.stdin.take().expect("stdin");
    // A child that exits early closes the pipe; that is its answer, not ours to fail on.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("autherr finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(output.status.code(), Some(code), "stdout: {}\nstderr: {}", stdout(output), stderr(output));
}

#[test]
fn lookup_finds_every_form_and_lists_every_match() {
    for (typed, expected) in [
        ("60004", "app_native ABA-60004 (InvalidAuthenticatorId)"),
        ("ABA-60004", "app_native ABA-60004"),
        ("TOKEN_EXPIRED", "authos TOKEN_EXPIRED"),
        ("token_expired", "authos TOKEN_EXPIRED"),
        ("invalid_grant", "auth0 invalid_grant (InvalidGrant)"),
        ("210", "registration 210 (InvalidCredentials)"),
    ] {
        let output = autherr(&["lookup", typed], b"");
        assert_exit(&output, 0);
        assert!(stdout(&output).contains(expected), "{typed}: {}", stdout(&output));
    }
    let output = autherr(&["lookup", "invalid_credentials"], b"");
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("authos INVALID_CREDENTIALS") && text.contains("registration 210"), "{text}");
    let narrowed = autherr(&["lookup", "invalid_credentials", "--api", "registration"], b"");
    assert!(!stdout(&narrowed).contains("authos"));
    let card = stdout(&autherr(&["lookup", "401"], b""));
    for label in ["HTTP status  401 Unauthorized", "kind", "retryable", "message      Unauthorized", "erratum"] {
        assert!(card.contains(label), "{label}: {card}");
    }
}

#[test]
fn lookup_of_an_unknown_code_exits_1_with_suggestions() {
    let output = autherr(&["lookup", "TOKEN_EXPIRD"], b"");
    assert_exit(&output, 1);
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("did you mean: TOKEN_EXPIRED (authos)"), "{message}");
    assert_eq!(message.lines().count(), 1);
}

#[test]
fn list_filters_and_its_json_contract() {
    let output = autherr(&["list", "--api", "authos", "--kind", "rate_limited"], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("RATE_LIMIT_EXCEEDED") && stdout(&output).contains("1 entries"));
    let output = autherr(&["list", "--json", "--status", "429"], b"");
    assert_exit(&output, 0);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).expect("a JSON array");
    assert!(entries.len() >= 4);
    for entry in &entries {
        assert_eq!(entry["http_status"], 429);
        for key in ["api", "variant", "code", "message", "description", "kind", "retryable"] {
            assert!(entry.get(key).is_some(), "{key} in {entry}");
        }
    }
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout(&autherr(&["list", "--json"], b""))).unwrap();
    assert_eq!(all.len(), auth_error_catalog::entries().count());
    let codes: Vec<&str> = all.iter().filter_map(|entry| entry["code"].as_str()).collect();
    for code in ["ABA-60004", "401", "invalid_request", "bad.connection", "TOKEN_EXPIRED", "210"] {
        assert!(codes.contains(&code), "{code}");
    }
    assert_exit(&autherr(&["list", "--kind", "sleepy"], b""), 2);
}

#[test]
fn render_prints_the_exact_body_and_headers() {
    let output = autherr(
        &["render", "app_native", "ABA-60004", "--param", "authenticator_id=a\"b{{x}}", "--trace-id", "t"],
        b"",
    );
    assert_exit(&output, 0);
    assert_eq!(
        stdout(&output),
        "{\"code\":\"ABA-60004\",\"message\":\"Invalid authenticatorId.\",\"description\":\"Provided authenticatorId a\\\"b{{x}} is invalid.\",\"traceId\":\"t\"}\n"
    );
    let output = autherr(
        &["render", "registration", "invalid_credentials", "--request-token", "abcdefghijklmnop", "--include-headers"],
        b"",
    );
    assert_exit(&output, 0);
    let text = stdout(&output);
    let (head, body) = text.split_once("\r\n\r\n").expect("headers, then the body");
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    // Exactly the headers `to_response` sends, in its order.
    let sent = auth_error_catalog::registration::errors::invalid_credentials()
        .with_request_token("abcdefghijklmnop")
        .to_response();
    let expected: Vec<String> =
        sent.headers().iter().map(|(name, value)| format!("{name}: {}", value.to_str().unwrap())).collect();
    assert_eq!(head.split("\r\n").skip(1).collect::<Vec<_>>(), expected);
    assert_eq!(body.trim_end().as_bytes(), sent.body().as_slice());
    // A 401 carries its challenge.
    let output = autherr(&["render", "auth0", "InvalidUserPassword", "--include-headers"], b"");
    assert!(
        stdout(&output).contains("\r\nwww-authenticate: Bearer error=\"invalid_user_password\"\r\n"),
        "{}",
        stdout(&output)
    );
    let output = autherr(&["render", "authos", "TOKEN_EXPIRED", "--timestamp", "2025-01-15T10:30:00Z"], b"");
    assert_eq!(
        stdout(&output),
        "{\"error\":\"JWT has expired\",\"error_code\":\"TOKEN_EXPIRED\",\"timestamp\":\"2025-01-15T10:30:00Z\"}\n"
    );
    let output = autherr(&["render", "auth0", "MissingUsername"], b"");
    assert_eq!(
        stdout(&output),
        "{\"error\":\"invalid_request\",\"error_description\":\"missing username parameter\"}\n"
    );
}

#[test]
fn render_adds_members_to_the_open_formats_only() {
    let output = autherr(
        &[
            "render",
            "registration",
            "100",
            "--request-token",
            "abcdefghijklmnop",
            "--member",
            "argument_name=\"e\\\"mail\"",
            "--member",
            "invalid_fields={\"email\":[\"required\"]}",
        ],
        b"",
    );
    assert_exit(&output, 0);
    let expected = registration::errors::missing_argument()
        .with_request_token("abcdefghijklmnop")
        .with_member("argument_name", "e\"mail")
        .and_then(|error| error.with_member("invalid_fields", serde_json::json!({"email": ["required"]})))
        .unwrap();
    assert_eq!(stdout(&output), format!("{}\n", expected.to_json()));
    assert!(
        stdout(&output).ends_with("\"argument_name\":\"e\\\"mail\",\"invalid_fields\":{\"email\":[\"required\"]}}\n")
    );

    let output = autherr(&["render", "auth0", "MissingUsername", "--member", "statusCode=400"], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).ends_with(",\"statusCode\":400}\n"), "{}", stdout(&output));

    for (api, code, member) in [
        ("registration", "100", "code=1"),              // the body's own member
        ("registration", "100", "detail=\"x\""),        // problem+json's
        ("registration", "100", "argument_name=email"), // not JSON
        ("registration", "100", "argument_name"),       // no value
        ("registration", "100", "n=1e400"),             // beyond what it can hold
        ("app_native", "ABA-60001", "extra=1"),         // a closed format
        ("authos", "TOKEN_EXPIRED", "extra=1"),
    ] {
        let output = autherr(&["render", api, code, "--member", member], b"");
        assert_exit(&output, 2);
        assert!(stdout(&output).is_empty(), "{member}");
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
    let output = autherr(&["render", "registration", "100", "--member", "a=1", "--member", "a=2"], b"");
    assert_exit(&output, 2);
    assert_eq!(stderr(&output), "autherr: the body of `100` already has a member `a`\n");
}

#[test]
fn command_line_input_in_an_error_message_is_escaped() {
    for args in [
        &["render", "app_native", "60004", "--param", "bad\n\u{1b}[31m"][..],
        &["render", "app_native", "60004", "--param", "a\u{2028}b=x"],
        &["render", "registration", "100", "--member", "a\rb=nope"],
        &["render", "app_native", "ABA-9\u{7}"],
    ] {
        let output = autherr(args, b"");
        assert!(output.status.code() == Some(1) || output.status.code() == Some(2), "{args:?}");
        let message = stderr(&output);
        let line = message.strip_suffix('\n').expect("one line, ended");
        assert!(line.starts_with("autherr: "), "{line:?}");
        assert!(!line.contains(|c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')), "{line:?}");
    }
}

#[test]
fn a_bad_param_is_a_usage_error() {
    for params in [
        &["--param", "nope=x"][..],
        &["--param", "authenticator_id"],
        &[],
        &["--param", "authenticator_id=a", "--param", "authenticator_id=b"],
    ] {
        let mut args = vec!["render", "app_native", "60004"];
        args.extend_from_slice(params);
        let output = autherr(&args, b"");
        assert_exit(&output, 2);
        assert!(stdout(&output).is_empty());
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
    assert_exit(&autherr(&["render", "app_native", "ABA-99999"], b""), 1);
    assert_exit(&autherr(&["render", "okta", "x"], b""), 2);
}

#[test]
fn parse_reports_the_contract() {
    let body = br#"{"stat":"error","code":218,"error":"new","request_id":"abcdefghijklmnop","invalid_fields":{"email":["bad"]}}"#;
    let output = autherr(&["parse", "--status", "200"], body);
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["api"], "registration");
    assert_eq!(report["known"], true);
    assert_eq!(report["variant"], "InvalidCredentials");
    assert_eq!(report["code"], "218");
    assert_eq!(report["http_status"], 200);
    assert_eq!(report["body"], serde_json::from_slice::<serde_json::Value>(body).unwrap());
    let output = autherr(&["parse", "-"], br#"{"error":"brand_new_error","extra":1}"#);
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        (report["known"].as_bool(), &report["variant"], &report["http_status"]),
        (Some(false), &serde_json::Value::Null, &serde_json::Value::Null)
    );
    let output = autherr(
        &["parse", "--api", "app_native"],
        br#"{"code":"ABA-60004","message":"m","description":"Provided authenticatorId x is invalid."}"#,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["params"]["authenticator_id"], "x");
}

#[test]
fn parse_gives_the_retry_advice_of_the_body_and_the_headers() {
    let advice = |args: &[&str], body: &[u8]| -> serde_json::Value {
        let mut all = vec!["parse"];
        all.extend_from_slice(args);
        let output = autherr(&all, body);
        assert_exit(&output, 0);
        serde_json::from_str::<serde_json::Value>(&stdout(&output)).expect("JSON")["retry"].clone()
    };
    let limited = br#"{"error":"Slow down","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#;
    assert_eq!(
        advice(&["--status", "429", "--header", "Retry-After: 30"], limited),
        serde_json::json!({"advice": "after", "seconds": 30.0})
    );
    assert_eq!(advice(&["--status", "429"], limited), serde_json::json!({"advice": "backoff"}));
    // A date in the past: come back now.
    let past = ["--header", "retry-after:Sun, 06 Nov 1994 08:49:37 GMT"];
    assert_eq!(advice(&past, limited), serde_json::json!({"advice": "after", "seconds": 0.0}));
    assert_eq!(
        advice(&[], br#"{"error":"slow_down"}"#),
        serde_json::json!({"advice": "poll", "increase_seconds": 5.0})
    );
    assert_eq!(advice(&[], br#"{"error":"access_denied"}"#), serde_json::json!({"advice": "no"}));
    let nonce =
        br#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}"#;
    assert_eq!(
        advice(&["--header", "DPoP-Nonce: n-1"], nonce),
        serde_json::json!({"advice": "with_nonce", "nonce": "n-1"})
    );
    // The other keys stay as they were; `outcome` says which kind of answer it is.
    let output = autherr(&["parse", "--header", "x-a: 1"], br#"{"error":"access_denied"}"#);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let keys: Vec<&str> = report.as_object().expect("an object").keys().map(String::as_str).collect();
    let expected = [
        "api",
        "body",
        "code",
        "http_status",
        "kind",
        "known",
        "match",
        "outcome",
        "params",
        "retry",
        "retryable",
        "variant",
    ];
    assert_eq!(keys, expected);
    assert_eq!(report["outcome"], "api");
    for bad in ["no-colon", "bad name: x", "x: \u{7}"] {
        let output = autherr(&["parse", "--header", bad], br#"{"error":"x"}"#);
        assert_exit(&output, 2);
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
}

#[test]
fn parse_rejects_what_is_no_error_body_on_one_line() {
    let deep = "[".repeat(100_000);
    let cases: [&[u8]; 7] = [
        b"<html><body>502 Bad Gateway</body></html>",
        b"",
        b"   ",
        b"not json",
        b"[1,2]",
        br#"{"hello":"world"}"#,
        deep.as_bytes(),
    ];
    for body in cases {
        let output = autherr(&["parse", "--status", "502"], body);
        assert_exit(&output, 1);
        // Standard output still says what the response was: a 502 to back off from.
        let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("a JSON report");
        assert_eq!(report["outcome"], "unrecognised");
        assert_eq!(report["http_status"], 502);
        assert_eq!(report["retry"], serde_json::json!({"advice": "backoff"}));
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.starts_with("autherr: HTTP 502: "), "{message}");
    }
    // Another server's problem details, and a bare Bearer challenge, are answers: exit 0.
    let problem =
        br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}"#;
    let output = autherr(&["parse", "--status", "403"], problem);
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        (report["outcome"].clone(), report["title"].clone()),
        ("problem".into(), "You do not have enough credit.".into())
    );
    let output =
        autherr(&["parse", "--status", "401", "--header", r#"www-authenticate: Bearer error="invalid_token""#], b"");
    assert_exit(&output, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!((report["outcome"].clone(), report["code"].clone()), ("challenge".into(), "invalid_token".into()));
    assert_eq!(report["kind"], "unauthenticated");
    let huge = vec![b' '; (1 << 20) + 10];
    let output = autherr(&["parse"], &huge);
    assert_exit(&output, 1);
    assert!(stderr(&output).contains("larger than 1048576 bytes"));
    let output = autherr(&["parse", "--api", "authos"], br#"{"error":"invalid_request"}"#);
    assert_exit(&output, 1);
    assert!(stderr(&output).contains("not an error body of authos"));
    assert_exit(&autherr(&["parse", "--status", "999"], b"{}"), 2);
    assert_exit(&autherr(&["parse", "--no-such-flag"], b"{}"), 2);
    assert_exit(&autherr(&["parse", "/no/such/file.json"], b""), 1);
}

#[test]
fn docs_markdown_matches_the_library_and_holds_every_entry() {
    let output = autherr(&["docs", "--format", "markdown"], b"");
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert_eq!(text, docs::markdown(&[]));
    for entry in auth_error_catalog::entries() {
        let marker = if entry.erratum().is_some() { " †" } else { "" };
        let code = match (entry.api(), entry.name()) {
            (Api::Auth0, _) => format!("\"error\":\"{}\"", entry.code()),
            (_, Some(name)) => format!("`{}` `{name}`{marker}", entry.code()),
            (_, None) => format!("`{}`{marker}", entry.code()),
        };
        let line =
            text.lines().find(|line| line.contains(&code) && line.contains(&entry.message().replace('|', "\\|")));
        let line = line.unwrap_or_else(|| panic!("no row for {} {}", entry.api(), entry.code()));
        assert!(line.contains(&format!("| {} |", entry.http_status().as_u16())) || entry.api() == Api::Auth0, "{line}");
        if let Some(erratum) = entry.erratum() {
            assert!(text.contains(erratum.lines().next().unwrap_or_default()), "erratum of {}", entry.code());
        }
    }
    assert!(!text.contains("Unauthorzed |"), "the misspelling is only quoted in an erratum");
}

#[test]
fn docs_json_and_api_filter() {
    let output = autherr(&["docs", "--format", "json", "--api", "authos"], b"");
    assert_exit(&output, 0);
    let document: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(document, docs::json(&[Api::Authos]));
}

#[test]
fn docs_output_is_written_atomically() {
    let dir = std::env::temp_dir().join(format!("autherr-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("reference.md");
    std::fs::write(&target, "previous content").unwrap();
    let output = autherr(&["docs", "--output", target.to_str().unwrap()], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), docs::markdown(&[]));
    // A failed run leaves nothing behind: not in a missing folder, not over a folder.
    let missing = dir.join("missing").join("reference.md");
    assert_exit(&autherr(&["docs", "--output", missing.to_str().unwrap()], b""), 1);
    assert!(!missing.exists());
    let output = autherr(&["docs", "--output", dir.to_str().unwrap()], b"");
    assert_exit(&output, 1);
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("reference.md")], "no temporary file is left");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    assert_exit(&autherr(&[], b""), 2);
    assert_exit(&autherr(&["docs", "--format", "pdf"], b""), 2);
    assert_exit(&autherr(&["lookup"], b""), 2);
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_every_command_quietly() {
    // `autherr list | head -1`: the reader goes away after one line. Rust ignores
    // SIGPIPE, so a write then fails with EPIPE; that must not panic.
    for args in [&["list", "--json"][..], &["list"], &["lookup", "invalid_request"], &["docs", "--format", "html"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_autherr"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("autherr runs");
        let mut first = [0u8; 1];
        std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first).expect("some output");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("autherr finishes");
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(!errors.contains("panicked"), "{args:?}: {errors}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {errors}");
    }
}

#[test]
fn a_bad_value_lists_the_valid_ones_and_help_shows_them_with_examples() {
    let output = autherr(&["list", "--kind", "nope"], b"");
    assert_exit(&output, 2);
    let error = String::from_utf8_lossy(&output.stderr);
    for kind in auth_error_catalog::Kind::ALL {
        assert!(error.contains(kind.as_str()), "{kind} missing from: {error}");
    }
    let output = autherr(&["list", "--help"], b"");
    let help = stdout(&output);
    assert!(help.contains("[possible values: app_native, auth0, authos, registration]"), "{help}");
    assert!(help.contains("rate_limited"), "{help}");
    let output = autherr(&["--help"], b"");
    assert!(stdout(&output).contains("Examples:\n  autherr lookup token_expired"), "{}", stdout(&output));
}

#[test]
fn a_near_miss_suggests_the_code_in_every_subcommand() {
    // render: a misspelt code, and a code of another API.
    let output = autherr(&["render", "auth0", "invalid_user_pasword"], b"");
    assert_exit(&output, 1);
    assert!(stderr(&output).contains("did you mean: invalid_user_password (auth0)"), "{}", stderr(&output));
    let output = autherr(&["render", "auth0", "TOKEN_EXPIRED"], b"");
    assert_exit(&output, 1);
    assert!(
        stderr(&output).contains("`TOKEN_EXPIRED` is not a code of auth0; it is a code of authos"),
        "{}",
        stderr(&output)
    );
    // lookup within one API.
    let output = autherr(&["lookup", "--api", "registration", "invalid_credentails"], b"");
    assert_exit(&output, 1);
    let message = stderr(&output);
    assert!(
        message.contains("no code `invalid_credentails` in registration; did you mean: 210 (registration)?"),
        "{message}"
    );
    let output = autherr(&["lookup", "--api", "auth0", "60004"], b"");
    assert!(stderr(&output).contains("it is a code of app_native"), "{}", stderr(&output));
    // parse: the body is still an error body (exit 0, on stdout); the note goes to stderr.
    let output = autherr(&["parse", "--status", "400"], br#"{"error":"invalid_grnt","error_description":"x"}"#);
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("\"known\": false"));
    let message = stderr(&output);
    assert!(
        message
            .starts_with("autherr: note: `invalid_grnt` is not a code of auth0; did you mean: invalid_grant (auth0)")
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    // A known code gets no note, and a hostile code is escaped in it.
    let output = autherr(&["parse"], br#"{"error":"invalid_grant"}"#);
    assert_eq!(stderr(&output), "");
    let output = autherr(&["parse"], b"{\"error\":\"invalid_grant\\u001b[2J\"}");
    assert!(!stderr(&output).contains('\u{1b}'), "{:?}", stderr(&output));
    // The values of --api, --kind and the shell come from clap, with its own near misses.
    for (args, tip) in [
        (&["list", "--api", "auth"][..], "auth0"),
        (&["list", "--kind", "rate_limit"][..], "rate_limited"),
        (&["docs", "--api", "registraton"][..], "registration"),
        (&["render", "autos", "x"][..], "authos"),
        (&["completions", "bsh"][..], "bash"),
    ] {
        let output = autherr(args, b"");
        assert_exit(&output, 2);
        let message = stderr(&output);
        assert!(message.contains(&format!("a similar value exists: '{tip}'")), "{args:?}: {message}");
    }
}

#[test]
fn completions_cover_every_subcommand_and_value() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = autherr(&["completions", shell], b"");
        assert_exit(&output, 0);
        let script = stdout(&output);
        for word in ["lookup", "list", "render", "parse", "docs", "completions"] {
            assert!(script.contains(word), "{shell}: `{word}` missing");
        }
        // Where the shell completes values, the API and kind names are there.
        if ["bash", "zsh", "fish"].contains(&shell) {
            for value in ["rate_limited", "registration"] {
                assert!(script.contains(value), "{shell}: `{value}` missing");
            }
        }
    }
    assert_exit(&autherr(&["completions", "tcsh"], b""), 2);
}
