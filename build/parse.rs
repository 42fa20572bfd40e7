//! TOML text → [`Catalog`], reporting every missing, mistyped or unknown key.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Source};
use super::model::{
    Api, Body, Catalog, CodeRange, DetectRule, Entry, FieldDefault, Identity, Layout, Located, Member, MemberValue,
    RegisteredError, Test, WireCode,
};
use super::toml_tree::{self, Spanned, Table, Value};

/// The longest text, escaped for JSON, that a generated span holds (a
/// span packs its length into 12 bits).
pub const MAX_TEXT: usize = super::text_span::MAX_LEN;

const API_KEYS: &[&str] = &[
    "name",
    "title",
    "about",
    "layout",
    "source",
    "identity",
    "code_prefix",
    "wire_status",
    "generic_statuses",
    "challenge",
    "open",
    "erratum",
];
const RANGE_KEYS: &[&str] = &["name", "title", "start", "end", "catch_all", "erratum"];
const ENTRY_KEYS: &[&str] = &[
    "code",
    "name",
    "variant",
    "status",
    "message",
    "description",
    "resolution",
    "section",
    "endpoint",
    "grant_type",
    "kind",
    "retryable",
    "erratum",
    "source",
    "generic",
    "poll_interval_increase",
    "nonce_header",
    "retired",
];
const REGISTERED_ERROR_KEYS: &[&str] = &["code", "kind", "retryable", "usage", "source"];
const MEMBER_KEYS: &[&str] = &["name", "value", "text", "field", "default", "example", "about", "format"];
const BODY_KEYS: &[&str] = &["code", "description", "required", "any_of", "note"];
const DETECT_KEYS: &[&str] = &["order", "all", "any"];
const MEMBER_VALUES: &[&str] = &["code", "number", "name", "message", "description", "literal", "field"];
const FIELD_DEFAULTS: &[&str] = &["empty", "now", "request_token"];

/// Parses one catalog file. `display_path` is what diagnostics show.
pub fn parse_file(display_path: &str, bytes: &[u8]) -> Result<Catalog, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned();
            let source = Source::new(display_path, valid);
            let end = error.valid_up_to();
            return Err(vec![source.at(&(end..end), "the file is not valid UTF-8")]);
        }
    };
    let source = Source::new(display_path, text);
    let stem = std::path::Path::new(display_path)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut diagnostics = Vec::new();
    let root = match toml_tree::parse(&source.text) {
        Ok(root) => root,
        Err(error) => {
            let message = error.message.replace('\n', " ");
            return Err(vec![source.at(&error.span, format!("invalid TOML: {message}"))]);
        }
    };
    let whole = 0..0;
    let mut reader = Reader::new(&source, &root, &whole, "the file", &mut diagnostics);
    let api_table = reader.table("api", true);
    let range_tables = reader.tables("range", false);
    let entry_tables = reader.tables("entry", true);
    let registered_tables = reader.tables("registered_error", false);
    let member_tables = reader.tables("member", true);
    let body_table = reader.table("body", true);
    let detect_tables = reader.tables("detect", true);
    reader.finish(&["api", "member", "body", "detect", "range", "entry", "registered_error"]);

    let api = api_table.and_then(|(table, span)| parse_api(&source, table, &span, &mut diagnostics));
    let ranges: Vec<CodeRange> = range_tables
        .into_iter()
        .filter_map(|(table, span)| parse_range(&source, table, &span, &mut diagnostics))
        .collect();
    let entries: Vec<Entry> = entry_tables
        .into_iter()
        .filter_map(|(table, span)| parse_entry(&source, table, &span, &mut diagnostics))
        .collect();
    let registered_errors: Vec<RegisteredError> = registered_tables
        .into_iter()
        .filter_map(|(table, span)| parse_registered_error(&source, table, &span, &mut diagnostics))
        .collect();
    let members: Vec<Member> = member_tables
        .into_iter()
        .filter_map(|(table, span)| parse_member(&source, table, &span, &mut diagnostics))
        .collect();
    let body = body_table.map(|(table, span)| parse_body(&source, table, &span, &mut diagnostics));
    let detect: Vec<DetectRule> = detect_tables
        .into_iter()
        .filter_map(|(table, span)| parse_detect(&source, table, &span, &mut diagnostics))
        .collect();
    match (api, body) {
        (Some(api), Some(body)) if diagnostics.is_empty() => {
            Ok(Catalog { source, stem, api, members, body, detect, ranges, entries, registered_errors })
        }
        _ => Err(diagnostics),
    }
}

fn parse_api(source: &Source, table: &Table, span: &Range<usize>, diagnostics: &mut Vec<Diagnostic>) -> Option<Api> {
    let mut reader = Reader::new(source, table, span, "[api]", diagnostics);
    let name = reader.string("name", true);
    let title = reader.string("title", true);
    let about = reader.string("about", false);
    let layout = reader.one_of("layout", &["table", "endpoints", "sections", "ranges"], false);
    let api_source = reader.string("source", true);
    let identity = reader.string("identity", false);
    let code_prefix = reader.string("code_prefix", false);
    let wire_status = reader.integer("wire_status", false);
    let generic_statuses = reader.integers("generic_statuses");
    let challenge = reader.string("challenge", false);
    let open = reader.boolean("open", false).unwrap_or(false);
    let erratum = reader.string("erratum", false);
    reader.finish(API_KEYS);
    let identity =
        match identity {
            None => Identity::Code,
            Some(identity) => match identity.value.as_str() {
                "code" => Identity::Code,
                "code+description" => Identity::CodeAndDescription,
                other => {
                    diagnostics.push(source.at(
                        &identity.span,
                        format!("`identity` must be \"code\" or \"code+description\", not {other:?}"),
                    ));
                    return None;
                }
            },
        };
    Some(Api {
        name: name?,
        title: title?.value,
        about: about.map(|about| about.value),
        layout: match layout.as_ref().map(|layout| layout.value.as_str()) {
            Some("endpoints") => Layout::Endpoints,
            Some("sections") => Layout::Sections,
            Some("ranges") => Layout::Ranges,
            _ => Layout::Table,
        },
        source: api_source?.value,
        identity,
        code_prefix,
        wire_status,
        generic_statuses,
        challenge,
        open,
        erratum: erratum.map(|erratum| erratum.value),
    })
}

fn parse_range(
    source: &Source,
    table: &Table,
    span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<CodeRange> {
    let mut reader = Reader::new(source, table, span, "[[range]]", diagnostics);
    let name = reader.string("name", true);
    let title = reader.string("title", true);
    let start = reader.integer("start", true);
    let end = reader.integer("end", true);
    let catch_all = reader.integer("catch_all", false);
    let erratum = reader.string("erratum", false);
    reader.finish(RANGE_KEYS);
    Some(CodeRange {
        name: name?,
        title: title?.value,
        start: start?,
        end: end?,
        catch_all,
        erratum: erratum.map(|erratum| erratum.value),
    })
}

fn parse_entry(
    source: &Source,
    table: &Table,
    span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Entry> {
    let mut reader = Reader::new(source, table, span, "[[entry]]", diagnostics);
    let code = reader.code("code");
    let name = reader.string("name", false);
    let variant = reader.string("variant", false);
    let status = reader.integer("status", true);
    let message = reader.string("message", true);
    let description = reader.string("description", false);
    let resolution = reader.string("resolution", false);
    let section = reader.string("section", true);
    let endpoint = reader.string("endpoint", false);
    let grant_type = reader.string("grant_type", false);
    let kind = reader.string("kind", true);
    let retryable = reader.boolean("retryable", true);
    let erratum = reader.string("erratum", false);
    let entry_source = reader.string("source", false);
    let generic = reader.located_boolean("generic");
    let poll_interval_increase = reader.integer("poll_interval_increase", false);
    let nonce_header = reader.string("nonce_header", false);
    let retired = reader.string("retired", false);
    reader.finish(ENTRY_KEYS);
    Some(Entry {
        span: span.clone(),
        code: code?,
        name,
        variant,
        status: status?,
        message: message?,
        description,
        resolution,
        section: section?,
        endpoint,
        grant_type,
        kind: kind?,
        retryable: retryable?,
        erratum,
        source: entry_source,
        generic,
        poll_interval_increase,
        nonce_header,
        retired,
    })
}

fn parse_member(
    source: &Source,
    table: &Table,
    span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Member> {
    let mut reader = Reader::new(source, table, span, "[[member]]", diagnostics);
    let name = reader.string("name", true);
    let value = reader.one_of("value", MEMBER_VALUES, true);
    let text = reader.string("text", false);
    let field = reader.string("field", false);
    let default = reader.one_of("default", FIELD_DEFAULTS, false);
    let example = reader.string("example", false);
    let about = reader.string("about", true);
    let format = reader.string("format", false);
    reader.finish(MEMBER_KEYS);
    let value = value?;
    let needs = |key: &str, given: bool, diagnostics: &mut Vec<Diagnostic>| {
        let wanted =
            matches!((value.value.as_str(), key), ("literal", "text") | ("field", "field" | "default" | "example"));
        if wanted && !given {
            diagnostics.push(source.at(span, format!("a `{}` member needs the key `{key}`", value.value)));
        } else if !wanted && given {
            diagnostics.push(source.at(span, format!("a `{}` member takes no key `{key}`", value.value)));
        }
        wanted == given
    };
    let keys_fit = [
        needs("text", text.is_some(), diagnostics),
        needs("field", field.is_some(), diagnostics),
        needs("default", default.is_some(), diagnostics),
        needs("example", example.is_some(), diagnostics),
    ];
    if keys_fit.contains(&false) {
        return None;
    }
    let member_value = match value.value.as_str() {
        "code" => MemberValue::Code,
        "number" => MemberValue::Number,
        "name" => MemberValue::Name,
        "message" => MemberValue::Message,
        "description" => MemberValue::Description,
        "literal" => MemberValue::Literal(text?.value),
        _ => MemberValue::Field {
            field: field?.value,
            default: match default?.value.as_str() {
                "now" => FieldDefault::Now,
                "request_token" => FieldDefault::RequestToken,
                _ => FieldDefault::Empty,
            },
            example: example?.value,
        },
    };
    Some(Member {
        name: name?,
        value: Located { value: member_value, span: value.span },
        about: about?.value,
        format: format.map(|format| format.value),
    })
}

fn parse_body(source: &Source, table: &Table, span: &Range<usize>, diagnostics: &mut Vec<Diagnostic>) -> Body {
    let mut reader = Reader::new(source, table, span, "[body]", diagnostics);
    let code = reader.strings("code", true);
    let description = reader.strings("description", true);
    let required = reader.strings("required", false);
    let any_of = reader.strings("any_of", false);
    let note = reader.string("note", false);
    reader.finish(BODY_KEYS);
    Body { code, description, required, any_of, note: note.map(|note| note.value) }
}

fn parse_detect(
    source: &Source,
    table: &Table,
    span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DetectRule> {
    let mut reader = Reader::new(source, table, span, "[[detect]]", diagnostics);
    let order = reader.integer("order", true);
    let all = reader.strings("all", true);
    let any = reader.strings("any", false);
    reader.finish(DETECT_KEYS);
    let before = diagnostics.len();
    let mut tests = |texts: Vec<Located<String>>| -> Vec<Located<Test>> {
        let mut tests = Vec::new();
        for text in texts {
            match parse_test(&text.value) {
                Some(test) => tests.push(Located { value: test, span: text.span }),
                None => diagnostics.push(source.at(
                    &text.span,
                    format!(
                        "{:?} is no detection test; write NAME, !NAME, NAME:string, NAME:object, NAME:code or NAME:own",
                        text.value
                    ),
                )),
            }
        }
        tests
    };
    let all = tests(all);
    let any = tests(any);
    (diagnostics.len() == before).then_some(DetectRule { order: order?, all, any })
}

/// `stat`, `!message`, `description:string`, `description:object`, `code:code`, `code:own`.
fn parse_test(text: &str) -> Option<Test> {
    let name_is_fine = |name: &str| !name.is_empty() && !name.contains(['!', ':', '"', '\\']);
    if let Some(name) = text.strip_prefix('!') {
        return name_is_fine(name).then(|| Test::Absent(name.to_owned()));
    }
    let (name, test) = match text.split_once(':') {
        None => (text, None),
        Some((name, test)) => (name, Some(test)),
    };
    if !name_is_fine(name) {
        return None;
    }
    let name = name.to_owned();
    match test {
        None => Some(Test::Present(name)),
        Some("string") => Some(Test::Text(name)),
        Some("object") => Some(Test::Object(name)),
        Some("code") => Some(Test::Code(name)),
        Some("own") => Some(Test::OwnCode(name)),
        Some(_) => None,
    }
}

fn parse_registered_error(
    source: &Source,
    table: &Table,
    span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<RegisteredError> {
    let mut reader = Reader::new(source, table, span, "[[registered_error]]", diagnostics);
    let code = reader.string("code", true);
    let kind = reader.string("kind", true);
    let retryable = reader.boolean("retryable", true);
    let usage = reader.string("usage", true);
    let registry_source = reader.string("source", true);
    reader.finish(REGISTERED_ERROR_KEYS);
    Some(RegisteredError { code: code?, kind: kind?, retryable: retryable?, usage: usage?, source: registry_source? })
}

/// Reads the keys of one table, reporting what is missing, mistyped or unknown.
struct Reader<'a, 'd> {
    source: &'a Source,
    table: &'a Table,
    span: &'a Range<usize>,
    what: &'static str,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl<'a, 'd> Reader<'a, 'd> {
    fn new(
        source: &'a Source,
        table: &'a Table,
        span: &'a Range<usize>,
        what: &'static str,
        diagnostics: &'d mut Vec<Diagnostic>,
    ) -> Self {
        Reader { source, table, span, what, diagnostics }
    }

    fn value(&mut self, key: &str, required: bool) -> Option<&'a Spanned<Value>> {
        let value = self.table.get(key);
        if value.is_none() && required {
            let message = format!("{} is missing the required key `{key}`", self.what);
            self.diagnostics.push(self.source.at(self.span, message));
        }
        value
    }

    fn mistyped(&mut self, key: &str, value: &Spanned<Value>, expected: &str) {
        let found = value.value.type_str();
        let message = format!("`{key}` in {} must be {expected}, found {found}", self.what);
        self.diagnostics.push(self.source.at(&value.span.clone(), message));
    }

    /// `text` at `span`, reported if its JSON form is too long for the
    /// generated text tables.
    fn text(&mut self, key: &str, text: &str, span: &Range<usize>) -> Located<String> {
        let mut escaped = Vec::new();
        super::json_escape::escape_into(&mut escaped, text);
        if escaped.len() > MAX_TEXT {
            let message = format!(
                "`{key}` in {} takes {} bytes escaped for JSON; a catalog text takes at most {MAX_TEXT}",
                self.what,
                escaped.len()
            );
            self.diagnostics.push(self.source.at(span, message));
        }
        Located { value: text.to_owned(), span: span.clone() }
    }

    fn string(&mut self, key: &str, required: bool) -> Option<Located<String>> {
        let value = self.value(key, required)?;
        match value.value.as_str() {
            Some(text) => Some(self.text(key, text, &value.span)),
            None => {
                self.mistyped(key, value, "a string");
                None
            }
        }
    }

    fn integer(&mut self, key: &str, required: bool) -> Option<Located<i64>> {
        let value = self.value(key, required)?;
        match value.value.as_integer() {
            Some(number) => Some(Located { value: number, span: value.span.clone() }),
            None => {
                self.mistyped(key, value, "an integer");
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, required: bool) -> Option<bool> {
        let value = self.value(key, required)?;
        let boolean = value.value.as_bool();
        if boolean.is_none() {
            self.mistyped(key, value, "a boolean (true or false)");
        }
        boolean
    }

    fn located_boolean(&mut self, key: &str) -> Option<Located<bool>> {
        let span = self.table.get(key)?.span.clone();
        self.boolean(key, false).map(|value| Located { value, span })
    }

    /// A string that must be one of `allowed`.
    fn one_of(&mut self, key: &str, allowed: &[&str], required: bool) -> Option<Located<String>> {
        let text = self.string(key, required)?;
        if allowed.contains(&text.value.as_str()) {
            return Some(text);
        }
        let message = format!("`{key}` in {} must be one of {}, not {:?}", self.what, allowed.join(", "), text.value);
        self.diagnostics.push(self.source.at(&text.span, message));
        None
    }

    fn strings(&mut self, key: &str, required: bool) -> Vec<Located<String>> {
        let Some(value) = self.value(key, required) else {
            return Vec::new();
        };
        let Some(array) = value.value.as_array() else {
            self.mistyped(key, value, "an array of strings");
            return Vec::new();
        };
        let mut texts = Vec::new();
        for item in array.iter() {
            match item.value.as_str() {
                Some(text) => {
                    let text = self.text(key, text, &item.span);
                    texts.push(text);
                }
                None => self.mistyped(key, item, "an array of strings"),
            }
        }
        texts
    }

    fn integers(&mut self, key: &str) -> Vec<Located<i64>> {
        let Some(value) = self.value(key, false) else {
            return Vec::new();
        };
        let Some(array) = value.value.as_array() else {
            self.mistyped(key, value, "an array of integers");
            return Vec::new();
        };
        let mut numbers = Vec::new();
        for item in array.iter() {
            match item.value.as_integer() {
                Some(number) => numbers.push(Located { value: number, span: item.span.clone() }),
                None => self.mistyped(key, item, "an array of integers"),
            }
        }
        numbers
    }

    fn code(&mut self, key: &str) -> Option<Located<WireCode>> {
        let value = self.value(key, true)?;
        let code = match &value.value {
            Value::String(text) => WireCode::Text(self.text(key, text, &value.span).value),
            other => match other.as_integer() {
                Some(number) => WireCode::Number(number),
                None => {
                    self.mistyped(key, value, "a string or an integer");
                    return None;
                }
            },
        };
        Some(Located { value: code, span: value.span.clone() })
    }

    fn table(&mut self, key: &str, required: bool) -> Option<(&'a Table, Range<usize>)> {
        let value = self.value(key, required)?;
        match value.value.as_table() {
            Some(table) => Some((table, value.span.clone())),
            None => {
                self.mistyped(key, value, &format!("a table, written [{key}]"));
                None
            }
        }
    }

    fn tables(&mut self, key: &str, required: bool) -> Vec<(&'a Table, Range<usize>)> {
        let Some(value) = self.value(key, required) else {
            return Vec::new();
        };
        let expected = format!("an array of tables, written [[{key}]]");
        let Some(array) = value.value.as_array() else {
            self.mistyped(key, value, &expected);
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in array.iter() {
            match item.value.as_table() {
                Some(table) => tables.push((table, item.span.clone())),
                None => self.mistyped(key, item, &expected),
            }
        }
        tables
    }

    /// Reports every key not in `known`.
    fn finish(self, known: &[&str]) {
        for (key, _) in self.table.iter() {
            if !known.contains(&key.value.as_ref()) {
                let message =
                    format!("unknown key `{}` in {}; expected one of: {}", key.value, self.what, known.join(", "));
                self.diagnostics.push(self.source.at(&key.span.clone(), message));
            }
        }
    }
}
