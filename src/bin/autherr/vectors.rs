//! `autherr vectors`: the conformance suite, as JSON Lines, for an SDK in
//! any language to test itself against what this crate's services send.
//!
//! Each line is one case (`schema/vectors.schema.json`):
//!
//! ```json
//! {"name": "auth0/InvalidGrantGeneric/native",
//!  "source": "catalog",
//!  "response": {"status": 403, "headers": [["content-type", "application/json"]], "body": "{…}"},
//!  "expected": {"outcome": "api", "api": "auth0", "code": "invalid_grant", "known": true,
//!               "variant": "InvalidGrantGeneric", "match": "exact", "kind": "invalid_grant",
//!               "retryable": false, "params": {}, "retry": {"advice": "no"}}}
//! ```
//!
//! `expected.outcome` is `api` (an error body of one of the APIs), `problem`
//! (another server's RFC 9457 problem details), `challenge` (a 401 or 403
//! whose error is only in `WWW-Authenticate`) or `unrecognised`. What a case
//! expects of identity (`api`, `code`, `variant`, `kind`, `retryable`,
//! `params`) comes from the catalog entry it renders, from
//! `tests/data/bodies/expected.txt` for a real body, or from the case itself
//! for the hostile ones, and the suite is not written where the crate
//! disagrees with it; `match`, `retry` and the kinds of unknown codes are
//! what the crate answers (`tests/vectors.rs` checks them through the
//! library, apart from the binary).

use std::time::SystemTime;

use auth_error_catalog::{AnyError, Api, BodyFormat, Entry, Failure, Kind, Match, ResponseOptions};
use http::Response;
use serde_json::{Map, Value, json};

use crate::real_bodies::{BODIES, EXPECTED, SOURCES};

/// The placeholder values every rendered case fills in: `{name}-of-{variant}`.
fn values(entry: &Entry) -> Vec<(&'static str, String)> {
    entry.placeholders().iter().map(|name| (*name, format!("{name}-of-{}", entry.variant()))).collect()
}

/// `Match` as the suite and `autherr parse` write it.
fn match_name(matched: Match) -> String {
    format!("{matched:?}").to_lowercase()
}

/// What the crate answers for `response`, in the suite's terms; the
/// identity members are then checked against the case's own source.
fn answer(response: &Response<Vec<u8>>) -> Map<String, Value> {
    // No case depends on the clock: `Retry-After` is given in seconds.
    let now = SystemTime::UNIX_EPOCH;
    let failure = Failure::from_response(response);
    let kind = failure.kind().map(Kind::as_str);
    let answer = match &failure {
        Failure::Api(received) => {
            let params: Map<String, Value> =
                received.params().iter().map(|(name, value)| ((*name).to_owned(), json!(value))).collect();
            json!({
                "outcome": "api",
                "api": received.api().as_str(),
                "code": received.raw_code(),
                "known": received.is_known(),
                "variant": received.entry().map(Entry::variant),
                "match": match_name(received.matched()),
                "kind": kind,
                "retryable": received.retryable(),
                "params": params,
                "retry": failure.retry(now),
            })
        }
        Failure::Problem(problem) => json!({
            "outcome": "problem",
            "type": problem.type_uri(),
            "title": problem.title(),
            "kind": kind,
            "retry": failure.retry(now),
        }),
        Failure::Challenge(challenge, _) => json!({
            "outcome": "challenge",
            "code": challenge.error(),
            "kind": kind,
            "retry": failure.retry(now),
        }),
        _ => json!({ "outcome": "unrecognised", "kind": kind, "retry": failure.retry(now) }),
    };
    match answer {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// One case: the response as sent, and what a classifier should say.
fn case(name: String, source: &str, response: &Response<Vec<u8>>, expected: Map<String, Value>) -> Value {
    let headers: Vec<[String; 2]> = response
        .headers()
        .iter()
        .map(|(name, value)| [name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned()])
        .collect();
    json!({
        "name": name,
        "source": source,
        "response": {
            "status": response.status().as_u16(),
            "headers": headers,
            "body": String::from_utf8_lossy(response.body()),
        },
        "expected": expected,
    })
}

/// A failure to build the suite: a catalog entry or real body that does not
/// come back as its source says. The crate's own tests make this unreachable.
fn disagreement(name: &str, member: &str, source: &Value, answered: &Value) -> String {
    format!("{name}: the crate answers {member} = {answered}, its source says {source}")
}

/// `answered` with each member of `identity` checked against it.
fn checked(
    name: &str,
    mut answered: Map<String, Value>,
    identity: &[(&str, Value)],
) -> Result<Map<String, Value>, String> {
    for (member, source) in identity {
        let got = answered.get(*member).cloned().unwrap_or(Value::Null);
        if got != *source {
            return Err(disagreement(name, member, source, &got));
        }
        answered.insert((*member).to_owned(), source.clone());
    }
    Ok(answered)
}

fn entry_cases(cases: &mut Vec<Value>) -> Result<(), String> {
    for entry in auth_error_catalog::entries() {
        let error = AnyError::new(entry, values(entry)).map_err(|problem| format!("{}: {problem}", entry.variant()))?;
        for (format, suffix) in [(BodyFormat::Native, "native"), (BodyFormat::Problem, "problem")] {
            let response = error.to_response_with(&ResponseOptions::default().format(format));
            let name = format!("{}/{}/{suffix}", entry.api(), entry.variant());
            let params: Map<String, Value> =
                values(entry).into_iter().map(|(name, value)| (name.to_owned(), json!(value))).collect();
            let identity = [
                ("outcome", json!("api")),
                ("api", json!(entry.api().as_str())),
                ("code", json!(entry.code())),
                ("known", json!(true)),
                ("variant", json!(entry.variant())),
                ("kind", json!(entry.kind().as_str())),
                ("retryable", json!(entry.retryable())),
                ("params", Value::Object(params)),
            ];
            let expected = checked(&name, answer(&response), &identity)?;
            cases.push(case(name, "catalog", &response, expected));
        }
    }
    Ok(())
}

/// A response with `status`, `headers` and `body`.
fn response(status: u16, headers: &[(&'static str, &str)], body: &[u8]) -> Result<Response<Vec<u8>>, String> {
    let mut builder = Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.to_vec()).map_err(|error| error.to_string())
}

const JSON: (&str, &str) = ("content-type", "application/json");

/// A hand-made case: its slug, what it is, the response, and what a
/// classifier must say of it.
type Hostile = (&'static str, &'static str, Response<Vec<u8>>, Vec<(&'static str, Value)>);

/// The cases a careless client gets wrong, each with what it must say.
fn hostile_cases(cases: &mut Vec<Value>) -> Result<(), String> {
    let registered = Api::Auth0
        .catalog()
        .registered_errors()
        .iter()
        .find(|registered| Api::Auth0.catalog().find(registered.code()).is_none())
        .map(|registered| registered.code())
        .unwrap_or("invalid_authorization_details");
    let registered_body =
        format!(r#"{{"error":"{registered}","error_description":"Registered, not in the catalog."}}"#);
    let hostile: Vec<Hostile> = vec![
        (
            "unknown-auth0-code", "an unknown Auth0 code",
            response(400, &[JSON], br#"{"error":"brand_new_error","error_description":"Something new."}"#)?,
            vec![("outcome", json!("api")), ("api", json!("auth0")), ("code", json!("brand_new_error")), ("known", json!(false)), ("variant", Value::Null)],
        ),
        (
            "registered-auth0-code", "an unknown Auth0 code of the IANA OAuth error registry",
            response(400, &[JSON], registered_body.as_bytes())?,
            vec![("outcome", json!("api")), ("api", json!("auth0")), ("code", json!(registered)), ("known", json!(false))],
        ),
        (
            "unknown-auth0-description", "a known Auth0 code with a description no entry has",
            response(403, &[JSON], br#"{"error":"invalid_grant","error_description":"A sentence no entry has."}"#)?,
            vec![("api", json!("auth0")), ("code", json!("invalid_grant")), ("variant", json!("InvalidGrant"))],
        ),
        (
            "extra-members", "extra members, nested, are kept and change nothing",
            response(
                403,
                &[JSON],
                br#"{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"t","mfa_requirements":{"challenge":[{"type":"otp"}]},"x":[1,{"y":null}]}"#,
            )?,
            vec![("api", json!("auth0")), ("code", json!("mfa_required")), ("known", json!(true)), ("variant", json!("MfaRequired"))],
        ),
        (
            "unknown-app-native-code", "an unknown app-native code",
            response(400, &[JSON], br#"{"code":"ABA-69999","message":"New.","description":"A new error.","traceId":""}"#)?,
            vec![("api", json!("app_native")), ("code", json!("ABA-69999")), ("known", json!(false))],
        ),
        (
            "unknown-authos-code", "an unknown AuthOS code",
            response(409, &[JSON], br#"{"error":"Quota exceeded","error_code":"QUOTA_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#)?,
            vec![("api", json!("authos")), ("code", json!("QUOTA_EXCEEDED")), ("known", json!(false))],
        ),
        (
            "registration-http-200", "Registration answers HTTP 200 with \"stat\":\"error\"",
            response(200, &[JSON], br#"{"stat":"error","code":210,"error":"invalid_credentials","error_description":"Invalid credentials","request_id":"abcdefgh12345678"}"#)?,
            vec![("api", json!("registration")), ("code", json!("210")), ("known", json!(true)), ("variant", json!("InvalidCredentials"))],
        ),
        (
            "registration-catch-all", "a Registration code the catalog lacks falls under its catch-all",
            response(200, &[JSON], br#"{"stat":"error","code":218,"error":"new_credentials_error","error_description":"New."}"#)?,
            vec![("api", json!("registration")), ("code", json!("218")), ("variant", json!("InvalidCredentials")), ("match", json!("catchall"))],
        ),
        (
            "registration-unknown-code", "a Registration code under no catch-all",
            response(200, &[JSON], br#"{"stat":"error","code":999,"error":"unheard_of","error_description":"New."}"#)?,
            vec![("api", json!("registration")), ("code", json!("999")), ("known", json!(false)), ("variant", Value::Null)],
        ),
        (
            "retry-after-seconds", "a rate limit with Retry-After in seconds",
            response(429, &[JSON, ("retry-after", "30")], br#"{"error":"Too many requests","error_code":"RATE_LIMIT_EXCEEDED","timestamp":"2025-01-15T10:30:00Z"}"#)?,
            vec![("api", json!("authos")), ("variant", json!("RateLimitExceeded")), ("retry", json!({ "advice": "after", "seconds": 30.0 }))],
        ),
        (
            "html-502", "an HTML page from a proxy",
            response(502, &[("content-type", "text/html")], b"<html><body><h1>502 Bad Gateway</h1></body></html>")?,
            vec![("outcome", json!("unrecognised")), ("retry", json!({ "advice": "backoff" }))],
        ),
        ("empty-500", "an empty 500", response(500, &[], b"")?, vec![("outcome", json!("unrecognised")), ("retry", json!({ "advice": "no" }))]),
        (
            "bare-401-challenge", "a bare 401 with only WWW-Authenticate",
            response(401, &[("www-authenticate", r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#)], b"")?,
            vec![("outcome", json!("challenge")), ("code", json!("invalid_token")), ("kind", json!("unauthenticated"))],
        ),
        (
            "foreign-problem-details", "another server's problem details (RFC 9457 §3)",
            response(
                403,
                &[("content-type", "application/problem+json")],
                br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30}"#,
            )?,
            vec![("outcome", json!("problem")), ("type", json!("https://example.com/probs/out-of-credit")), ("title", json!("You do not have enough credit."))],
        ),
    ];
    for (slug, what, response, identity) in hostile {
        let name = format!("hostile/{slug}");
        let expected = checked(&name, answer(&response), &identity)?;
        cases.push(case(name, &format!("hostile: {what}"), &response, expected));
    }
    Ok(())
}

/// The source column of `SOURCES.md` for `file`.
fn source_of(file: &str) -> String {
    SOURCES
        .lines()
        .find_map(|line| {
            let columns: Vec<&str> = line.split(" | ").collect();
            (columns.first().map(|first| first.trim_start_matches("| ")) == Some(file))
                .then(|| columns.get(2).copied())?
        })
        .map_or_else(|| "tests/data/bodies/SOURCES.md".to_owned(), |source| format!("{file}: {source}"))
}

fn real_body_cases(cases: &mut Vec<Value>) -> Result<(), String> {
    for line in EXPECTED.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let [file, status, api, variant, matched, kind, retryable] = columns[..] else {
            return Err(format!("expected.txt: seven columns, not {line:?}"));
        };
        let body = BODIES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, body)| *body)
            .ok_or(format!("{file} is not embedded"))?;
        // A body whose source gives no status is sent as a plain error status of its API.
        let status: u16 = match status {
            "-" => api
                .parse::<Api>()
                .ok()
                .and_then(|api| api.catalog().wire_status())
                .map_or(400, |status| status.as_u16()),
            status => status.parse().map_err(|_| format!("{file}: status {status}"))?,
        };
        let response = response(status, &[JSON], body)?;
        let optional = |text: &str| if text == "-" { Value::Null } else { json!(text) };
        let mut identity = vec![
            ("outcome", json!("api")),
            ("api", json!(api)),
            ("variant", optional(variant)),
            ("match", json!(matched)),
            ("retryable", json!(retryable == "yes")),
        ];
        // An unknown code's kind follows its status; where the source gives none, the crate's answer stands.
        if kind != "-" || columns[1] != "-" {
            identity.push(("kind", optional(kind)));
        }
        let name = format!("real/{file}");
        let expected = checked(&name, answer(&response), &identity)?;
        cases.push(case(name, &source_of(file), &response, expected));
    }
    Ok(())
}

/// Every case, one JSON object per line.
pub fn suite() -> Result<String, String> {
    let mut cases = Vec::new();
    entry_cases(&mut cases)?;
    hostile_cases(&mut cases)?;
    real_body_cases(&mut cases)?;
    let mut out = String::new();
    for case in cases {
        out.push_str(&serde_json::to_string(&case).map_err(|error| error.to_string())?);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_body_is_named_in_expected_txt_and_the_other_way_round() {
        let named: Vec<&str> = EXPECTED
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_whitespace().next())
            .collect();
        let embedded: Vec<&str> = BODIES.iter().map(|(name, _)| *name).collect();
        assert_eq!(embedded, named, "run python3 tests/data/embed_bodies.py, then cargo fmt");
    }

    #[test]
    fn sources_are_found_for_every_real_body() {
        for (file, _) in BODIES {
            let source = source_of(file);
            assert!(source.starts_with(&format!("{file}: ")), "{file}: {source}");
        }
    }

    #[test]
    fn a_case_keeps_the_response_whole() {
        let sent = response(429, &[JSON, ("retry-after", "30")], b"{}").unwrap();
        let case = case("x".into(), "y", &sent, Map::new());
        assert_eq!(case["response"]["status"], 429);
        assert_eq!(case["response"]["headers"], json!([["content-type", "application/json"], ["retry-after", "30"]]));
        assert_eq!(case["response"]["body"], "{}");
    }
}
