//! `autherr list`, `render`, `parse` and `docs`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use auth_error_catalog::{AnyError, AnyReceived, Api, Entry, Kind, ParseError, docs};
use http::StatusCode;
use serde::ser::{SerializeMap, Serializer};

use crate::one_line::OneLine;
use crate::{Failure, Format, write_out, yes_no};

/// Inputs larger than this are refused, not read.
const MAX_INPUT: u64 = 1 << 20;

/// The widest a source is shown in `list`'s table; `--json` has it whole.
const SOURCE_CHARS: usize = 48;

/// A source as `list` shows it: its first document (up to `; `), and where
/// that is longer than [`SOURCE_CHARS`], its repository or site and the end
/// of its path, which name it best.
fn short_source(source: &str) -> String {
    let first = source.split("; ").next().unwrap_or(source);
    let length = first.chars().count();
    if length <= SOURCE_CHARS {
        return first.to_owned();
    }
    let head: String = first.split(' ').next().unwrap_or_default().chars().take(SOURCE_CHARS / 2).collect();
    let keep = SOURCE_CHARS - head.chars().count() - 2;
    let tail: String = first.chars().skip(length - keep).collect();
    format!("{head} …{tail}")
}

pub fn list(api: Option<Api>, kind: Option<Kind>, status: Option<u16>, json: bool) -> Result<ExitCode, Failure> {
    let entries: Vec<&Entry> = auth_error_catalog::entries()
        .filter(|entry| api.is_none_or(|api| entry.api() == api))
        .filter(|entry| kind.is_none_or(|kind| entry.kind() == kind))
        .filter(|entry| status.is_none_or(|status| entry.http_status().as_u16() == status))
        .collect();
    if json {
        let array: Vec<serde_json::Value> = entries.iter().map(|entry| docs::entry_json(entry)).collect();
        let text = serde_json::to_string_pretty(&array).map_err(|error| Failure::no(error.to_string()))?;
        write_out(&format!("{text}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<[String; 7]> = entries
        .iter()
        .map(|entry| {
            [
                entry.api().to_string(),
                entry.code().to_owned(),
                entry.http_status().as_u16().to_string(),
                entry.kind().to_string(),
                yes_no(entry.retryable()).to_owned(),
                short_source(docs::provenance(entry)),
                entry.message().to_owned(),
            ]
        })
        .collect();
    let header = ["API", "CODE", "HTTP", "KIND", "RETRY", "SOURCE", "MESSAGE"].map(str::to_owned);
    let widths: Vec<usize> = (0..6)
        .map(|column| rows.iter().chain([&header]).map(|row| row[column].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in [&header].into_iter().chain(&rows) {
        for (column, width) in widths.iter().enumerate() {
            out.push_str(&format!("{:<width$}  ", row[column]));
        }
        out.push_str(&row[6]);
        out.push('\n');
    }
    out.push_str(&format!("{} entries\n", rows.len()));
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// What `render` may set beside the placeholders: the body's fields
/// (`NAME=VALUE`), and the extra members of the open formats (`NAME=JSON`).
pub struct Fields {
    pub fields: Vec<String>,
    pub members: Vec<String>,
}

/// The entry of `api` that `text` names: a wire code, a name, or a variant.
fn entry_of(api: Api, text: &str) -> Result<&'static Entry, Failure> {
    let catalog = api.catalog();
    catalog
        .find(text)
        .or_else(|| catalog.entries().iter().find(|entry| entry.variant().eq_ignore_ascii_case(text)))
        .ok_or_else(|| {
            let hint = crate::lookup::not_found_hint(text, Some(api))
                .unwrap_or_else(|| format!("try `autherr lookup {text}`"));
            Failure::no(format!("`{text}` is not a code of {api}; {hint}"))
        })
}

/// `NAME=VALUE` taken apart; without `=` it is a usage error naming `option`.
fn pair<'a>(option: &str, shape: &str, text: &'a str) -> Result<(&'a str, &'a str), Failure> {
    text.split_once('=').ok_or_else(|| Failure::usage(format!("{option} takes {shape}, not `{text}`")))
}

pub fn render(api: Api, code: &str, params: &[String], fields: Fields, headers: bool) -> Result<ExitCode, Failure> {
    let catalog = api.catalog();
    if !fields.members.is_empty() && !catalog.is_open() {
        let open: Vec<&str> = Api::ALL.into_iter().filter(|api| api.catalog().is_open()).map(Api::as_str).collect();
        let open = match open.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => "no API".to_owned(),
        };
        return Err(Failure::usage(format!("the {api} body has only its own members; --member is for {open}")));
    }
    let entry = entry_of(api, code)?;
    let values = params.iter().map(|param| pair("--param", "NAME=VALUE", param)).collect::<Result<Vec<_>, _>>()?;
    let usage = |problem: auth_error_catalog::ParamError| Failure::usage(problem.to_string());
    let values = values.into_iter().map(|(name, value)| (name, value.to_owned()));
    let mut error = AnyError::new(entry, values).map_err(usage)?;
    for member in &fields.members {
        let (name, json) = pair("--member", "NAME=JSON", member)?;
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|problem| Failure::usage(format!("--member {name}: the value is not JSON ({problem})")))?;
        error = error.with_member(name.to_owned(), value).map_err(usage)?;
    }
    for field in &fields.fields {
        let (name, value) = pair("--field", "NAME=VALUE", field)?;
        error = error.with_field(name, value.to_owned()).map_err(usage)?;
    }
    if headers {
        // Exactly what `to_response` sends: its status line, every header and the body.
        write_out(&format!("{}\n", docs::response_text(&error.to_response())))?;
        return Ok(ExitCode::SUCCESS);
    }
    let body = error.to_json();
    write_out(&format!("{body}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// A catalog document is larger than a body; this is far more than four catalogs need.
const MAX_DOCUMENT: u64 = 64 << 20;

fn read_input(input: &Path) -> Result<Vec<u8>, Failure> {
    read_bounded(input, MAX_INPUT, "an error body is far smaller")
}

fn read_bounded(input: &Path, limit: u64, why: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(input).map_err(|error| Failure::no(format!("{}: {error}", input.display())))?)
    };
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| Failure::no(format!("{}: {error}", input.display())))?;
    if bytes.len() as u64 > limit {
        return Err(Failure::no(format!("input larger than {limit} bytes; {why}")));
    }
    Ok(bytes)
}

/// A catalog document, or a one-line usage error: `FILE:LINE:COLUMN: what`
/// where the JSON is broken, `FILE: path: expected …` where its shape is.
fn read_document(path: &Path) -> Result<serde_json::Value, Failure> {
    let unreadable = |failure: Failure| Failure::usage(failure.message);
    let bytes = read_bounded(path, MAX_DOCUMENT, "a catalog document is far smaller").map_err(unreadable)?;
    serde_json::from_slice(&bytes).map_err(|error| {
        let message = error.to_string();
        let what = message.split(" at line ").next().unwrap_or(&message);
        Failure::usage(format!("{}:{}:{}: {what}", path.display(), error.line(), error.column()))
    })
}

pub fn compat(old: &Path, new: Option<&Path>, json: bool) -> Result<ExitCode, Failure> {
    let old_document = read_document(old)?;
    let new_document = match new {
        Some(path) => read_document(path)?,
        None => docs::json(&[]),
    };
    let report = docs::compat::compare(&old_document, &new_document).map_err(|error| {
        let path = match (error.is_in_old(), new) {
            (true, _) => old.display().to_string(),
            (false, Some(new)) => new.display().to_string(),
            (false, None) => "the embedded catalog".to_owned(),
        };
        Failure::usage(format!("{path}: {error}"))
    })?;
    if json {
        write_out(&pretty(&report.to_json())?)?;
    } else {
        write_out(&format!("{report}\n"))?;
    }
    Ok(if report.is_breaking() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn parsed<'a>(api: Option<Api>, status: Option<StatusCode>, body: &'a [u8]) -> Result<AnyReceived<'a>, ParseError> {
    match api {
        None => auth_error_catalog::parse(body, status),
        Some(api) => auth_error_catalog::parse_as(api, body, status),
    }
}

/// `NAME:VALUE` pairs as a header map; a bad name or value is a usage error.
fn header_map(headers: &[String]) -> Result<http::HeaderMap, Failure> {
    let mut map = http::HeaderMap::new();
    for header in headers {
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| Failure::usage(format!("--header takes NAME:VALUE, not `{header}`")))?;
        let name = http::header::HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| Failure::usage(format!("--header: `{}` is not a header name", name.trim())))?;
        let value = http::HeaderValue::from_str(value.trim())
            .map_err(|_| Failure::usage(format!("--header {name}: the value is not a header value")))?;
        map.append(name, value);
    }
    Ok(map)
}

pub fn parse(api: Option<Api>, status: Option<u16>, headers: &[String], input: &Path) -> Result<ExitCode, Failure> {
    let headers = header_map(headers)?;
    let status = status
        .map(|code| {
            StatusCode::from_u16(code)
                .ok()
                .filter(|_| (100..=599).contains(&code))
                .ok_or_else(|| Failure::usage(format!("--status {code} is not an HTTP status (100-599)")))
        })
        .transpose()?;
    let body = read_input(input)?;
    let received = match parsed(api, status, &body) {
        Ok(received) => received.with_headers(&headers),
        Err(error) => return not_an_api_body(api, status, headers, body, &error),
    };
    let reserialised = received.to_json();
    let raw = serde_json::value::RawValue::from_string(reserialised).map_err(|error| Failure::no(error.to_string()))?;
    let mut out = serde_json::Serializer::pretty(Vec::new());
    let written = (|| {
        let mut map = out.serialize_map(None)?;
        map.serialize_entry("outcome", "api")?;
        map.serialize_entry("api", received.api().as_str())?;
        map.serialize_entry("known", &received.is_known())?;
        map.serialize_entry("variant", &received.entry().map(Entry::variant))?;
        map.serialize_entry("code", received.raw_code())?;
        map.serialize_entry("match", &format!("{:?}", received.matched()).to_lowercase())?;
        map.serialize_entry("kind", &received.kind().map(Kind::as_str))?;
        map.serialize_entry("retryable", &received.retryable())?;
        map.serialize_entry("http_status", &received.http_status().map(|status| status.as_u16()))?;
        let params: serde_json::Map<String, serde_json::Value> =
            received.params().iter().map(|(name, value)| ((*name).to_owned(), value.as_ref().into())).collect();
        map.serialize_entry("params", &params)?;
        map.serialize_entry("body", &raw)?;
        map.serialize_entry("retry", &received.retry(std::time::SystemTime::now()))?;
        map.end()
    })();
    written.map_err(|error: serde_json::Error| Failure::no(error.to_string()))?;
    write_out(&format!("{}\n", String::from_utf8_lossy(&out.into_inner())))?;
    // An error body of an unknown code is still an error body (exit 0); a near miss is worth a note.
    if received.entry().is_none() {
        if let Some(hint) = crate::lookup::not_found_hint(received.raw_code(), Some(received.api())) {
            let note = format!("`{}` is not a code of {}; {hint}", received.raw_code(), received.api());
            eprintln!("autherr: note: {}", OneLine(&note));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A body that is no error body of the APIs (or of the `--api` given): what
/// the whole response says instead, as `Failure::from_response` reads it.
/// Problem details and a bare `Bearer` challenge are answers (exit 0); a
/// response with nothing readable is described on stdout and exits 1 with
/// its defect on stderr.
fn not_an_api_body(
    api: Option<Api>,
    status: Option<StatusCode>,
    headers: http::HeaderMap,
    body: Vec<u8>,
    error: &ParseError,
) -> Result<ExitCode, Failure> {
    let now = std::time::SystemTime::now();
    let mut response = http::Response::new(body);
    *response.status_mut() = status.unwrap_or(StatusCode::OK);
    *response.headers_mut() = headers;
    // Without a status, or when one API was asked for, only that API's body would do.
    let failure = match (api, status) {
        (None, Some(_)) => auth_error_catalog::Failure::from_response(&response),
        _ => auth_error_catalog::Failure::Unrecognised(error.clone()),
    };
    let kind = failure.kind().map(Kind::as_str);
    let report = match &failure {
        auth_error_catalog::Failure::Problem(problem) => serde_json::json!({
            "outcome": "problem",
            "type": problem.type_uri(),
            "title": problem.title(),
            "http_status": problem.status().map(|status| status.as_u16()),
            "detail": problem.detail(),
            "kind": kind,
            "retry": failure.retry(now),
        }),
        auth_error_catalog::Failure::Challenge(challenge, _) => serde_json::json!({
            "outcome": "challenge",
            "code": challenge.error(),
            "description": challenge.description(),
            "kind": kind,
            "http_status": failure.status().map(|status| status.as_u16()),
            "retry": failure.retry(now),
        }),
        _ => serde_json::json!({
            "outcome": "unrecognised",
            "http_status": status.map(|status| status.as_u16()),
            "content_type": failure.content_type(),
            "kind": kind,
            "retry": failure.retry(now),
        }),
    };
    write_out(&pretty(&report)?)?;
    match failure {
        auth_error_catalog::Failure::Problem(_) | auth_error_catalog::Failure::Challenge(..) => Ok(ExitCode::SUCCESS),
        _ => Err(Failure::no(error.to_string())),
    }
}

pub fn docs(format: Format, apis: &[Api], output: Option<&Path>) -> Result<ExitCode, Failure> {
    let text = match format {
        Format::Markdown => docs::markdown(apis),
        Format::Html => docs::html(apis),
        Format::Json => pretty(&docs::json(apis))?,
        Format::Openapi => pretty(&docs::openapi(apis))?,
    };
    match output {
        None => write_out(&text).map(|()| ExitCode::SUCCESS),
        Some(path) => write_atomically(path, text.as_bytes()).map(|()| ExitCode::SUCCESS),
    }
}

fn pretty(value: &serde_json::Value) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map(|text| text + "\n").map_err(|error| Failure::no(error.to_string()))
}

/// Writes a temporary file beside `path`, then renames it over `path`: a
/// failed run never leaves a truncated file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |error: std::io::Error| Failure::no(format!("{}: {error}", path.display()));
    let name = path.file_name().ok_or_else(|| Failure::usage(format!("--output {} names no file", path.display())))?;
    let temporary = path.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(error) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(error));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_source_keeps_its_first_document_and_the_end_of_a_long_path() {
        assert_eq!(short_source("seed"), "seed");
        assert_eq!(short_source("RFC 6749 §5.2; status 403 as in the docs"), "RFC 6749 §5.2");
        let long = "auth0/docs-v2 main/docs/libraries/common-auth0-library-authentication-errors.mdx";
        let short = short_source(long);
        assert_eq!(short, "auth0/docs-v2 …library-authentication-errors.mdx");
        assert_eq!(short.chars().count(), SOURCE_CHARS);
        let one_word =
            "community.auth0.com/t/generic-error-message-for-signup-api-when-password-dictionary-is-enabled/131029";
        assert_eq!(short_source(one_word).chars().count(), SOURCE_CHARS);
        assert!(short_source(one_word).ends_with("131029"));
    }
}
