//! Every row of every seed document the catalog was written from is in the
//! catalog: its code, its HTTP status and its text, or, where
//! `ERRATA-draft.md` documents a mistake in the seed, the corrected text and
//! an `erratum` that quotes the mistake.
//!
//! The seeds (`tests/data/seeds/`) are parsed here, at test time, so a row
//! dropped from the catalog, or a seed mistake copied into it, fails a test.
//! The documented corrections listed below are the only expectations that are
//! not read from the seeds.

use std::collections::{BTreeMap, BTreeSet};

use auth_error_catalog::{Api, CodeRange, Entry, app_native, auth0, authos, registration};

/// WSO2 app-native error table, older: Markdown, with escaped placeholders.
const SEED_APP_NATIVE_OLD: &str = include_str!("data/seeds/000_3023d7377a238397.txt");
/// WSO2 app-native error table, newer: adds 60011-60014.
const SEED_APP_NATIVE_NEW: &str = include_str!("data/seeds/001_f0073a1bd175ab38.txt");
/// Auth0 Authentication API error tables, a JSON cell and a Description a row.
const SEED_AUTH0: &str = include_str!("data/seeds/002_95dbfac92274a5ad.txt");
/// AuthOS error reference: flattened HTML tables, one cell a line ending in " |".
const SEED_AUTHOS: &str = include_str!("data/seeds/003_3720a3f10e354a28.txt");
/// Janrain/Akamai Registration codes: a code on its own line, then "name. text".
const SEED_REGISTRATION: &str = include_str!("data/seeds/004_b042a3b54a92f808.txt");

fn seeds_of(api: Api) -> Vec<&'static str> {
    match api {
        Api::AppNative => vec![SEED_APP_NATIVE_OLD, SEED_APP_NATIVE_NEW],
        Api::Auth0 => vec![SEED_AUTH0],
        Api::Authos => vec![SEED_AUTHOS],
        Api::Registration => vec![SEED_REGISTRATION],
        other => panic!("no seed document for the {other} API"),
    }
}

// ---------------------------------------------------------------------------
// The seed mistakes ERRATA-draft.md documents
// ---------------------------------------------------------------------------

/// Misspellings and wrong words: (API, the seed's text, the catalog's text).
const TEXT_FIXES: &[(Api, &str, &str)] = &[
    (Api::AppNative, "Unauthorzed", "Unauthorized"),
    (Api::Auth0, "paramaters", "parameters"),
    (Api::Auth0, "etc)", "etc.)"),
    (Api::Registration, "ithe value", "the value"),
    (Api::Registration, "identity type", "entity type"),
];

/// Seed text the catalog replaces with wording of its own: (API, seed text).
/// Registration 360's example describes a data-type error (341), not a
/// constraint violation.
const REPLACED_TEXT: &[(Api, &str)] =
    &[(Api::Registration, "you tried to write string data to an attribute that can only hold integer data")];

/// Registration names the seed gets wrong: (code, seed name, catalog name).
/// The seed gives 352 the name of 221; Akamai sends `password_unacceptable`.
const NAME_FIXES: &[(u32, &str, &str)] = &[(352, "unknown_application", "password_unacceptable")];

/// UTF-8 read as Windows-1252, and the character it stands for.
const MOJIBAKE: &[(&str, &str)] =
    &[("â€™", "’"), ("â€˜", "‘"), ("â€œ", "“"), ("â€\u{9d}", "”"), ("â€“", "–"), ("â€”", "—")];

/// HTML character references and the text they stand for.
const HTML_ENTITIES: &[(&str, &str)] =
    &[("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")];

/// Characters the seeds escape with a backslash the Markdown way.
const MARKDOWN_ESCAPED: &[char] = &['_', '{', '}', '*', '`', '[', ']', '#'];

/// Seed text on its way to the catalog's: the text so far, and each seed
/// fragment that was a mistake, which the entry's erratum must quote.
#[derive(Debug, Default)]
struct Fixed {
    text: String,
    mistakes: Vec<String>,
}

impl Fixed {
    fn new(seed_text: &str) -> Fixed {
        Fixed { text: seed_text.to_owned(), mistakes: Vec::new() }
    }

    /// Replaces `wrong` by `right`, recording `wrong` as a mistake.
    fn fix(mut self, wrong: &str, right: &str) -> Fixed {
        if self.text.contains(wrong) {
            self.text = self.text.replace(wrong, right);
            self.mistakes.push(wrong.to_owned());
        }
        self
    }

    /// Applies the API's documented misspelling fixes.
    fn fix_typos(self, api: Api) -> Fixed {
        TEXT_FIXES.iter().filter(|(of, _, _)| *of == api).fold(self, |fixed, (_, wrong, right)| fixed.fix(wrong, right))
    }

    fn fix_mojibake(self) -> Fixed {
        MOJIBAKE.iter().fold(self, |fixed, (wrong, right)| fixed.fix(wrong, right))
    }

    fn decode_html_entities(self) -> Fixed {
        HTML_ENTITIES.iter().fold(self, |fixed, (wrong, right)| fixed.fix(wrong, right))
    }

    /// Removes Markdown backslash escapes; each escaped word is a mistake.
    fn unescape_markdown(mut self) -> Fixed {
        self.mistakes.extend(markdown_escaped_words(&self.text));
        for &c in MARKDOWN_ESCAPED {
            self.text = self.text.replace(&format!("\\{c}"), &c.to_string());
        }
        self
    }
}

fn has_markdown_escape(text: &str) -> bool {
    MARKDOWN_ESCAPED.iter().any(|c| text.contains(&format!("\\{c}")))
}

/// The words of `raw` that carry a Markdown escape (`error\_description`,
/// `\{\{client_id\}\}`), without trailing periods.
fn markdown_escaped_words(raw: &str) -> Vec<String> {
    raw.split(|c: char| c.is_whitespace() || matches!(c, '"' | ',' | ':'))
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| has_markdown_escape(word))
        .map(str::to_owned)
        .collect()
}

/// The first HTML character reference in `text` (`&nbsp;`, `&#39;`).
fn html_entity(text: &str) -> Option<&str> {
    text.match_indices('&').find_map(|(at, _)| {
        let name_len = text[at + 1..].find(';')?;
        let name = &text[at + 1..at + 1 + name_len];
        let plausible = (1..=10).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#');
        plausible.then(|| &text[at..at + name_len + 2])
    })
}

// ---------------------------------------------------------------------------
// Helpers over the catalog
// ---------------------------------------------------------------------------

/// Every text of an entry that a client may show or match on; not the
/// erratum, which quotes the seeds' mistakes on purpose.
fn entry_texts(entry: &Entry) -> Vec<&'static str> {
    [
        Some(entry.code()),
        entry.name(),
        Some(entry.message()),
        Some(entry.description()),
        entry.resolution(),
        Some(entry.section()),
        entry.endpoint(),
        entry.grant_type(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Asserts that the entry has an erratum quoting each seed mistake.
fn assert_erratum_quotes(entry: &Entry, mistakes: &[String], row: &str) {
    if mistakes.is_empty() {
        return;
    }
    let erratum = entry.erratum().unwrap_or_else(|| {
        panic!(
            "{} `{}`: the seed row {row} has the mistakes {mistakes:?}, but the entry has no erratum",
            entry.api(),
            entry.code()
        )
    });
    for mistake in mistakes {
        assert!(
            erratum.contains(mistake.as_str()),
            "{} `{}`: the erratum does not quote the seed's `{mistake}` (row {row}): {erratum}",
            entry.api(),
            entry.code()
        );
    }
}

/// The literal text of a template, its `{{name}}` placeholders removed.
fn strip_placeholders(template: &str) -> String {
    let mut text = String::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        text.push_str(&rest[..open]);
        rest = &rest[open + close + 2..];
    }
    text.push_str(rest);
    text
}

// ---------------------------------------------------------------------------
// app_native: seeds 000 and 001
// ---------------------------------------------------------------------------

/// The number of app-native codes in the union of seeds 000 and 001
/// (ERRATA-draft.md).
const APP_NATIVE_UNION: usize = 20;

#[derive(Debug)]
struct AppNativeRow {
    seed: &'static str,
    code: String,
    number: u32,
    status: u16,
    message: String,
    cause: String,
}

impl AppNativeRow {
    /// Message and cause, Markdown escapes removed, to compare rows across seeds.
    fn texts(&self) -> (String, String) {
        (Fixed::new(&self.message).unescape_markdown().text, Fixed::new(&self.cause).unescape_markdown().text)
    }
}

/// The cells of a Markdown table row, `| a | b |` or `a | b`, trimmed.
fn markdown_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split('|').map(|cell| cell.trim().to_owned()).collect()
}

/// The `|code|status|message|cause|` rows of an app-native seed.
fn app_native_rows(seed: &'static str, text: &str) -> Vec<AppNativeRow> {
    let table: Vec<Vec<String>> =
        text.lines().filter(|line| line.trim_start().starts_with('|')).map(markdown_cells).collect();
    let rows: Vec<AppNativeRow> = table
        .iter()
        .filter_map(|cells| {
            let number = cells[0].parse().ok()?;
            let [code, status, message, cause] = <[String; 4]>::try_from(cells.clone())
                .unwrap_or_else(|cells| panic!("seed {seed}: not four cells: {cells:?}"));
            Some(AppNativeRow {
                seed,
                number,
                status: status.parse().unwrap_or_else(|_| panic!("seed {seed} row {code}: status {status}")),
                code,
                message,
                cause,
            })
        })
        .collect();
    // Header and separator are the only table lines that are not rows.
    assert_eq!(rows.len() + 2, table.len(), "seed {seed}: unparsed rows");
    rows
}

/// The number the catalog files a row under: its own, unless its seed lists
/// that number twice and the other seed gives the row's text another number.
fn catalog_number(row: &AppNativeRow, seed: &[AppNativeRow], other: &[AppNativeRow]) -> u32 {
    if seed.iter().filter(|r| r.number == row.number).count() < 2 {
        return row.number;
    }
    other.iter().find(|r| r.texts() == row.texts()).map_or(row.number, |r| r.number)
}

#[test]
fn app_native_catalog_has_every_row_of_both_seeds() {
    let catalog = Api::AppNative.catalog();
    let prefix = catalog.code_prefix().unwrap_or("");
    let old = app_native_rows("000", SEED_APP_NATIVE_OLD);
    let new = app_native_rows("001", SEED_APP_NATIVE_NEW);
    assert!(!old.is_empty() && !new.is_empty());

    let mut union = BTreeSet::new();
    for (rows, other) in [(&old, &new), (&new, &old)] {
        let mut numbers = BTreeSet::new();
        for row in rows.iter() {
            let at = format!("seed {} row {}", row.seed, row.code);
            let number = catalog_number(row, rows, other);
            assert!(
                numbers.insert(number),
                "{at}: {number} is listed twice and the other seed does not tell the rows apart"
            );
            union.insert(number);

            let code = app_native::Code::from_number(number)
                .unwrap_or_else(|| panic!("{at}: no code {number} in the catalog"));
            let entry = code.entry();
            assert_eq!(entry.number(), Some(number), "{at}");
            assert_eq!(
                entry.code().strip_prefix(prefix).unwrap_or(entry.code()),
                number.to_string(),
                "{at}: wire code"
            );
            if number == row.number {
                assert_eq!(app_native::Code::from_wire(&row.code), Some(code), "{at}: from_wire");
            } else {
                // The seed's number is the mistake.
                assert_erratum_quotes(entry, std::slice::from_ref(&row.code), &at);
            }
            assert_eq!(entry.http_status().as_u16(), row.status, "{at}: status");

            let message = Fixed::new(&row.message).unescape_markdown().fix_typos(Api::AppNative);
            let description = Fixed::new(&row.cause).unescape_markdown().fix_typos(Api::AppNative);
            assert_eq!(entry.message(), message.text, "{at}: message");
            assert_eq!(entry.description(), description.text, "{at}: description");
            let mistakes = [message.mistakes, description.mistakes].concat();
            assert_erratum_quotes(entry, &mistakes, &at);
        }
    }

    assert_eq!(union.len(), APP_NATIVE_UNION, "union of seeds 000 and 001");
    let catalogued: Vec<u32> = app_native::Code::ALL
        .iter()
        .map(|code| code.entry().number().expect("app-native codes are numbered"))
        .collect();
    assert_eq!(
        catalogued.iter().copied().collect::<BTreeSet<_>>(),
        union,
        "catalog entries that no seed row gives, or seed rows the catalog lacks"
    );
    assert_eq!(catalogued.len(), union.len(), "a number catalogued twice");
}

// ---------------------------------------------------------------------------
// auth0: seed 002
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct Auth0Row {
    endpoint: String,
    grant_type: Option<String>,
    status: u16,
    json: String,
    description: String,
}

/// The error rows of seed 002, with the endpoint, grant type and status of
/// the headings above them.
fn auth0_rows(text: &str) -> Vec<Auth0Row> {
    let mut endpoint = None;
    let mut grant_type = None;
    let mut status = None;
    let mut rows = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(path) = line.strip_prefix("## Error Codes for ") {
            endpoint = Some(path.to_owned());
            grant_type = None;
            status = None;
        } else if let Some(grant) = line.strip_prefix("**Grant type: ").and_then(|rest| rest.strip_suffix("**")) {
            grant_type = Some(grant.to_owned());
            status = None;
        } else if let Some(which) = line.strip_prefix("**").and_then(|rest| rest.strip_suffix(" grant types**")) {
            grant_type = Some(which.to_lowercase());
            status = None;
        } else if let Some(code) = line.strip_prefix("*HTTP ").and_then(|rest| rest.strip_suffix('*')) {
            status = Some(code.parse().expect("an *HTTP nnn* heading"));
        } else if let Some(row) = line.strip_prefix('`') {
            let (json, description) =
                row.split_once("` | ").unwrap_or_else(|| panic!("seed 002: not a `JSON` | Description row: {line}"));
            rows.push(Auth0Row {
                endpoint: endpoint.clone().expect("a row under an endpoint heading"),
                grant_type: grant_type.clone(),
                status: status.expect("a row under an *HTTP nnn* heading"),
                json: json.to_owned(),
                description: description.to_owned(),
            });
        }
    }
    rows
}

/// The members of a one-line JSON object, read tolerantly: whitespace may
/// stand between any tokens, and a string value ends only at a quote followed
/// by `,` or `}`, so unescaped quotes inside it stay text. Keys and values are
/// returned raw, undecoded.
fn loose_json_members(cell: &str) -> Vec<(&str, &str)> {
    let mut rest = cell.trim().strip_prefix('{').unwrap_or_else(|| panic!("not a JSON object: {cell}"));
    let mut members = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.starts_with('}') {
            return members;
        }
        let after_quote = rest.strip_prefix('"').unwrap_or_else(|| panic!("no member key at `{rest}` in {cell}"));
        let key_len = after_quote.find('"').expect("a closed key");
        let key = &after_quote[..key_len];
        let value_start = after_quote[key_len + 1..]
            .trim_start()
            .strip_prefix(':')
            .map(str::trim_start)
            .and_then(|rest| rest.strip_prefix('"'))
            .unwrap_or_else(|| panic!("no string value for `{key}` in {cell}"));
        let value_len = string_end(value_start).unwrap_or_else(|| panic!("unterminated value of `{key}` in {cell}"));
        members.push((key, &value_start[..value_len]));
        rest = value_start[value_len + 1..].trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest);
    }
}

/// Where a loosely quoted string ends: the first quote that no backslash
/// escapes and that is followed by `,` or `}`.
fn string_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' if text[at + 1..].trim_start().starts_with([',', '}']) => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// Byte offsets of the quotes in a raw string value that no backslash escapes.
fn unescaped_quotes(raw: &str) -> Vec<usize> {
    let bytes = raw.as_bytes();
    let mut quotes = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => {
                quotes.push(at);
                at += 1;
            }
            _ => at += 1,
        }
    }
    quotes
}

/// Decodes the body of a JSON string. A backslash before a character JSON
/// does not escape (`\_`, a Markdown escape) yields that character.
fn decode_json_string(raw: &str) -> String {
    let mut text = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next().expect("a character after the backslash") {
            'n' => text.push('\n'),
            't' => text.push('\t'),
            'r' => text.push('\r'),
            'b' => text.push('\u{8}'),
            'f' => text.push('\u{c}'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let unit = u32::from_str_radix(&hex, 16).expect("\\u and four hex digits");
                text.push(char::from_u32(unit).expect("a BMP scalar value"));
            }
            other => text.push(other),
        }
    }
    text
}

/// What makes a JSON cell of seed 002 differ from what Auth0 sends, each as
/// the seed text an erratum should quote: Markdown-escaped words, whitespace
/// between tokens (Auth0 sends compact JSON), unescaped quotes in a value.
fn json_cell_mistakes(cell: &str, members: &[(&str, &str)]) -> Vec<String> {
    let mut mistakes = markdown_escaped_words(cell);
    let compact = format!(
        "{{{}}}",
        members.iter().map(|(key, value)| format!("\"{key}\":\"{value}\"")).collect::<Vec<_>>().join(",")
    );
    if compact != cell {
        let at = cell
            .char_indices()
            .zip(compact.chars())
            .find(|((_, ours), theirs)| ours != theirs)
            .map_or(cell.len().min(compact.len()), |((at, _), _)| at);
        let from = cell[..at].char_indices().last().map_or(0, |(i, _)| i);
        let to = cell[at..].find(':').map_or(cell.len(), |i| at + i + 1);
        mistakes.push(cell[from..to].to_owned());
    }
    for (_, value) in members {
        let quotes = unescaped_quotes(value);
        if let Some(&last) = quotes.get(1).or(quotes.first()) {
            mistakes.push(value[..=last].to_owned());
        }
    }
    mistakes
}

/// The Description column without Markdown code spans, and the spans.
fn strip_code_spans(text: &str) -> (String, Vec<String>) {
    let mut plain = String::new();
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        let span = &rest[open..open + len + 2];
        plain.push_str(&rest[..open]);
        plain.push_str(&span[1..span.len() - 1]);
        spans.push(span.to_owned());
        rest = &rest[open + len + 2..];
    }
    plain.push_str(rest);
    (plain, spans)
}

/// Seed 002's stand-ins for variable text, filled with `sample`: a whole
/// value `...`, a trailing `...` (the sentence goes on), and `<UPPER_CASE>`
/// markers. `None` when the text has no stand-in.
fn fill_stand_ins(text: &str, sample: &str) -> Option<String> {
    if text == "..." {
        return Some(sample.to_owned());
    }
    let mut filled = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let marker = rest[open + 1..].find('>').map(|len| &rest[open + 1..open + 1 + len]);
        match marker {
            Some(name) if !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_') => {
                filled.push_str(&rest[..open]);
                filled.push_str(sample);
                rest = &rest[open + name.len() + 2..];
            }
            _ => {
                filled.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    filled.push_str(rest);
    if let Some(stem) = filled.strip_suffix("...") {
        filled = format!("{stem} {sample}");
    }
    (filled != text).then_some(filled)
}

/// Texts that fill stand-ins: two, so that a template, not a literal sample,
/// must match.
const SAMPLES: [&str; 2] = ["sample", "Another, longer sample: 42."];

#[test]
fn auth0_catalog_has_every_row_of_the_seed() {
    let rows = auth0_rows(SEED_AUTH0);
    assert_eq!(rows.len(), SEED_AUTH0.lines().filter(|l| l.trim().starts_with('`')).count());
    let generic: Vec<u16> = auth0_generic_statuses(SEED_AUTH0).into_iter().map(|(status, _)| status).collect();
    let mut matched: BTreeMap<auth0::Code, &str> = BTreeMap::new();
    let mut code_spans = BTreeSet::new();

    for row in &rows {
        let at = format!("seed 002 row {}", row.json);
        let members = loose_json_members(&row.json);
        let member = |name: &str| {
            members
                .iter()
                .find(|(key, _)| decode_json_string(key) == name)
                .map(|(_, value)| *value)
                .unwrap_or_else(|| panic!("{at}: no `{name}` member"))
        };
        let error = decode_json_string(member("error"));
        let wire = Fixed::new(&decode_json_string(member("error_description"))).fix_mojibake();
        let mut mistakes = json_cell_mistakes(&row.json, &members);
        mistakes.extend(wire.mistakes.iter().cloned());

        let code = if fill_stand_ins(&wire.text, "").is_none() {
            let code = auth0::Code::from_pair(&error, &wire.text)
                .unwrap_or_else(|| panic!("{at}: from_pair({error:?}, {:?}) is None", wire.text));
            assert_eq!(code.description(), wire.text, "{at}: description");
            assert!(code.entry().placeholders().is_empty(), "{at}: placeholders");
            code
        } else {
            let found: Vec<Option<auth0::Code>> = SAMPLES
                .iter()
                .map(|sample| {
                    let filled = fill_stand_ins(&wire.text, sample).expect("a stand-in");
                    auth0::Code::from_pair(&error, &filled)
                })
                .collect();
            let code = found[0].unwrap_or_else(|| panic!("{at}: no template of `{error}` matches the filled text"));
            assert!(found.iter().all(|c| *c == Some(code)), "{at}: {found:?}");
            assert!(!code.entry().placeholders().is_empty(), "{at}: no placeholder");
            assert_eq!(
                strip_placeholders(code.description()).trim(),
                fill_stand_ins(&wire.text, "").expect("a stand-in").trim(),
                "{at}: the template's literal text is not the seed's"
            );
            code
        };

        let entry = code.entry();
        assert_eq!(entry.code(), error, "{at}: code");
        assert_eq!(auth0::Code::from_wire(&error).map(|c| c.as_str()), Some(error.as_str()), "{at}: from_wire");
        assert_eq!(entry.http_status().as_u16(), row.status, "{at}: status");
        assert!(generic.contains(&row.status), "{at}: status not listed");
        assert_eq!(entry.endpoint(), Some(row.endpoint.as_str()), "{at}: endpoint");
        assert_eq!(entry.grant_type(), row.grant_type.as_deref(), "{at}: grant type");
        assert!(entry.section().starts_with(&row.endpoint), "{at}: section");

        let (plain, spans) = strip_code_spans(&row.description);
        code_spans.extend(spans);
        let message = Fixed::new(&plain).decode_html_entities().fix_mojibake().fix_typos(Api::Auth0);
        assert_eq!(entry.message(), message.text, "{at}: message");
        mistakes.extend(message.mistakes);
        assert_erratum_quotes(entry, &mistakes, &at);

        if let Some(earlier) = matched.insert(code, &row.json) {
            panic!("{at}: the same entry {code:?} as the row {earlier}");
        }
    }

    // Code spans are formatting, not mistakes: the API-level erratum says so.
    let erratum = Api::Auth0.catalog().erratum().unwrap_or_default();
    for span in &code_spans {
        assert!(erratum.contains(span.as_str()), "[api] erratum omits {span}");
    }
    // Every entry is a seed row, or names the public document it comes from.
    let unmatched: Vec<_> = auth0::Code::ALL.iter().filter(|code| !matched.contains_key(code)).collect();
    let unsourced: Vec<_> = unmatched.iter().filter(|code| code.entry().source().is_none()).collect();
    assert!(unsourced.is_empty(), "entries no seed row gives, without a source: {unsourced:?}");
    let seed_rows_with_a_source: Vec<_> = matched.keys().filter(|code| code.entry().source().is_some()).collect();
    assert!(seed_rows_with_a_source.is_empty(), "seed rows that claim another source: {seed_rows_with_a_source:?}");
}

/// Seed 002's generic `status | reason` table, before the first heading.
fn auth0_generic_statuses(text: &str) -> Vec<(u16, String)> {
    text.lines()
        .take_while(|line| !line.starts_with("## "))
        .map(markdown_cells)
        .filter_map(|cells| match cells.as_slice() {
            [status, reason] => Some((status.parse().ok()?, reason.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn auth0_generic_statuses_are_the_seeds() {
    let seed = auth0_generic_statuses(SEED_AUTH0);
    assert!(!seed.is_empty());
    let catalog: Vec<u16> = Api::Auth0.catalog().generic_statuses().iter().map(|status| status.as_u16()).collect();
    let listed: Vec<u16> = seed.iter().map(|(status, _)| *status).collect();
    assert_eq!(catalog, listed);
    for (status, reason) in &seed {
        let status = http::StatusCode::from_u16(*status).expect("a valid status");
        assert_eq!(status.canonical_reason(), Some(reason.as_str()));
    }
}

// ---------------------------------------------------------------------------
// authos: seed 003
// ---------------------------------------------------------------------------

/// The column titles of seed 003's tables; a table's header is its leading
/// cells that are titles.
const AUTHOS_COLUMN_TITLES: &[&str] =
    &["Code", "HTTP", "Description", "Resolution", "Status", "Meaning", "Common Causes"];

#[derive(Debug)]
struct FlatTable {
    heading: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl FlatTable {
    fn column(&self, title: &str) -> Option<usize> {
        self.columns.iter().position(|column| column == title)
    }
}

/// Seed 003's tables: the line before the cells is the heading, a cell is a
/// line ending in " |" (a header's first also starts with "| ").
fn authos_tables(text: &str) -> Vec<FlatTable> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut heading = String::new();
    for line in text.lines() {
        match line.strip_suffix(" |") {
            Some(cell) => {
                let cell = cell.strip_prefix("| ").unwrap_or(cell).trim().to_owned();
                match groups.last_mut() {
                    Some((of, cells)) if *of == heading => cells.push(cell),
                    _ => groups.push((heading.clone(), vec![cell])),
                }
            }
            None => heading = line.trim().to_owned(),
        }
    }
    groups
        .into_iter()
        .map(|(heading, cells)| {
            let width = cells.iter().take_while(|cell| AUTHOS_COLUMN_TITLES.contains(&cell.as_str())).count();
            assert!(width > 0, "seed 003 table {heading:?} has no header");
            assert_eq!(
                (cells.len() - width) % width,
                0,
                "seed 003 table {heading:?}: cells do not fill {width} columns"
            );
            FlatTable {
                columns: cells[..width].to_vec(),
                rows: cells[width..].chunks(width).map(<[String]>::to_vec).collect(),
                heading,
            }
        })
        .collect()
}

#[derive(Debug)]
struct AuthosRow {
    section: String,
    code: String,
    status: u16,
    description: String,
    resolution: Option<String>,
}

/// The rows of seed 003's Error Code Index, each with its section
/// ("General", "Authentication", ...).
fn authos_rows(text: &str) -> Vec<AuthosRow> {
    let mut rows = Vec::new();
    for table in authos_tables(text) {
        if table.column("Code") != Some(0) {
            continue;
        }
        let section = table
            .heading
            .strip_suffix(" Errors")
            .unwrap_or_else(|| panic!("seed 003: index table under {:?}", table.heading));
        let status = table.column("HTTP").expect("an HTTP column");
        let description = table.column("Description").expect("a Description column");
        let resolution = table.column("Resolution");
        for cells in &table.rows {
            rows.push(AuthosRow {
                section: section.to_owned(),
                code: cells[0].clone(),
                status: cells[status].parse().expect("a numeric HTTP cell"),
                description: cells[description].clone(),
                resolution: resolution.map(|at| cells[at].clone()),
            });
        }
    }
    rows
}

/// Seed 003's Troubleshooting Guide: each “Heading” (its " Errors" dropped)
/// with its bullets, continuation lines joined with spaces.
fn authos_troubleshooting(text: &str) -> Vec<(String, Vec<String>)> {
    let mut guide: Vec<(String, Vec<String>)> = Vec::new();
    let lines = text.lines().skip_while(|line| line.trim() != "Troubleshooting Guide").skip(1);
    for line in lines.map(str::trim) {
        if let Some(quoted) = line.strip_prefix('“') {
            let (topic, _) = quoted.split_once('”').expect("a closing quote");
            guide.push((topic.to_owned(), Vec::new()));
        } else if let Some(bullet) = line.strip_prefix("- ") {
            let (_, bullets) = guide.last_mut().expect("a bullet under a heading");
            bullets.push(bullet.to_owned());
        } else if let Some(last) = guide.last_mut().and_then(|(_, b)| b.last_mut()) {
            last.push(' ');
            last.push_str(line);
        }
    }
    guide
}

#[test]
fn authos_catalog_has_every_row_of_the_seed() {
    let rows = authos_rows(SEED_AUTHOS);
    assert!(!rows.is_empty());
    let guide = authos_troubleshooting(SEED_AUTHOS);
    assert!(!guide.is_empty());

    let mut listings: BTreeMap<&str, Vec<&AuthosRow>> = BTreeMap::new();
    for row in &rows {
        listings.entry(row.code.as_str()).or_default().push(row);
    }

    for (code, listed) in &listings {
        let at = format!("seed 003 code {code}");
        let entry = authos::Code::from_wire(code).unwrap_or_else(|| panic!("{at}: not in the catalog")).entry();
        assert_eq!(entry.code(), *code, "{at}");
        let copies = Api::Authos.catalog().entries().iter().filter(|e| e.code() == *code).count();
        assert_eq!(copies, 1, "{at}: entries with this code");
        for row in listed {
            assert_eq!(entry.http_status().as_u16(), row.status, "{at} ({}): status", row.section);
        }

        // A code listed in General Errors and again in a specific section is
        // one entry, from the specific listing; its erratum quotes the other.
        let specific: Vec<&&AuthosRow> = listed.iter().filter(|r| r.section != "General").collect();
        let row = match (listed.len(), specific.as_slice()) {
            (1, _) => listed[0],
            (_, [specific]) => specific,
            _ => panic!("{at}: listed {} times: {listed:?}", listed.len()),
        };
        for other in listed.iter().filter(|other| other.section != row.section) {
            assert_erratum_quotes(entry, std::slice::from_ref(&other.description), &at);
        }

        assert_eq!(entry.section(), row.section, "{at}: section");
        assert_eq!(entry.message(), row.description, "{at}: message");
        assert_eq!(entry.description(), row.description, "{at}: description");
        match &row.resolution {
            Some(resolution) => {
                assert_eq!(entry.resolution(), Some(resolution.as_str()), "{at}: resolution");
            }
            // Without a Resolution column, a resolution may come only from
            // the Troubleshooting Guide's section on the code.
            None => {
                let topic = code.replace('_', " ");
                let bullets =
                    guide.iter().find(|(heading, _)| heading.eq_ignore_ascii_case(&topic)).map(|(_, bullets)| bullets);
                match (entry.resolution(), bullets) {
                    (None, _) => {}
                    (Some(resolution), Some(bullets)) => assert!(
                        resolution.starts_with(bullets[0].as_str()),
                        "{at}: resolution {resolution:?} is not the guide's {bullets:?}"
                    ),
                    (Some(resolution), None) => {
                        panic!("{at}: resolution {resolution:?} that the seed does not give")
                    }
                }
            }
        }
    }

    let catalogued: BTreeSet<&str> = authos::Code::ALL.iter().map(|c| c.as_str()).collect();
    let listed: BTreeSet<&str> = listings.keys().copied().collect();
    assert_eq!(catalogued, listed, "catalog codes against seed codes");
}

#[test]
fn authos_generic_statuses_are_the_seeds_error_statuses() {
    let summary = authos_tables(SEED_AUTHOS)
        .into_iter()
        .find(|table| table.column("Status") == Some(0))
        .expect("the HTTP Status Code Summary");
    let listed: Vec<u16> = summary.rows.iter().map(|cells| cells[0].parse().expect("a numeric status")).collect();
    let catalog = Api::Authos.catalog();
    let generic: Vec<u16> = catalog.generic_statuses().iter().map(|s| s.as_u16()).collect();
    let errors: Vec<u16> = listed.iter().copied().filter(|s| *s >= 400).collect();
    assert_eq!(generic, errors);

    // The success statuses the seed mixes in are a documented mistake.
    let erratum = catalog.erratum().unwrap_or_default();
    for success in listed.iter().filter(|s| **s < 400) {
        assert!(erratum.contains(&success.to_string()), "[api] erratum omits {success}");
    }
    for entry in catalog.entries() {
        assert!(
            listed.contains(&entry.http_status().as_u16()),
            "{}: status {} is not in the seed's summary",
            entry.code(),
            entry.http_status()
        );
    }
}

// ---------------------------------------------------------------------------
// registration: seed 004
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct RegistrationRow {
    code: u32,
    name: String,
    text: String,
}

/// One of seed 004's categories: `100`, `200-399`, `500+` (open, `end` None).
#[derive(Debug)]
struct SeedCategory {
    spec: String,
    start: u32,
    end: Option<u32>,
    title: String,
}

/// The line after which seed 004 lists its codes.
const REGISTRATION_CODES_FOLLOW: &str = "A code that is a multiple of";

/// Joins lines broken by the extraction with single spaces, but none before
/// punctuation ("null⏎." is "null.").
fn join_broken_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for line in lines.into_iter().map(str::trim) {
        if !text.is_empty() && !line.starts_with(['.', ',', ';', ':', ')']) {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

fn registration_rows(text: &str) -> Vec<RegistrationRow> {
    let mut blocks: Vec<(u32, Vec<&str>)> = Vec::new();
    let lines = text.lines().skip_while(|line| !line.starts_with(REGISTRATION_CODES_FOLLOW)).skip(1);
    for line in lines {
        match line.trim().parse::<u32>() {
            Ok(code) => blocks.push((code, Vec::new())),
            Err(_) => blocks.last_mut().expect("text after a code line").1.push(line),
        }
    }
    blocks
        .into_iter()
        .map(|(code, lines)| {
            let joined = join_broken_lines(lines);
            let (name, text) =
                joined.split_once(". ").unwrap_or_else(|| panic!("seed 004 code {code}: no `name. text`: {joined}"));
            RegistrationRow { code, name: name.to_owned(), text: text.to_owned() }
        })
        .collect()
}

/// Seed 004's category list: `100⏎. Missing argument.200-399⏎. An argument…`,
/// each line a title followed by the next category's bounds.
fn registration_categories(text: &str) -> Vec<SeedCategory> {
    let lines = text
        .lines()
        .skip_while(|line| !line.ends_with("grouped into the following categories:"))
        .skip(1)
        .take_while(|line| !line.starts_with(REGISTRATION_CODES_FOLLOW));
    let mut categories: Vec<SeedCategory> = Vec::new();
    for line in lines {
        let (title, spec) = match line.strip_prefix(". ") {
            Some(rest) => {
                let title_len = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+').len();
                rest.split_at(title_len)
            }
            None => ("", line.trim()),
        };
        if !title.is_empty() {
            categories.last_mut().expect("a title after bounds").title = title.trim().to_owned();
        }
        if spec.is_empty() {
            continue;
        }
        let number = |text: &str| text.parse::<u32>().expect("numeric bounds");
        let (start, end) = match (spec.split_once('-'), spec.strip_suffix('+')) {
            (Some((start, end)), _) => (number(start), Some(number(end))),
            (None, Some(start)) => (number(start), None),
            (None, None) => (number(spec), Some(number(spec))),
        };
        categories.push(SeedCategory { spec: spec.to_owned(), start, end, title: String::new() });
    }
    categories
}

/// The innermost catalog range holding `code`.
fn innermost_range(ranges: &'static [CodeRange], code: u32) -> Option<&'static CodeRange> {
    ranges.iter().filter(|range| range.contains(code)).min_by_key(|range| range.end() - range.start())
}

#[test]
fn registration_catalog_has_every_code_of_the_seed() {
    let rows = registration_rows(SEED_REGISTRATION);
    assert!(!rows.is_empty());
    let catalog = Api::Registration.catalog();
    assert_eq!(catalog.wire_status(), Some(http::StatusCode::OK));

    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for row in &rows {
        let at = format!("seed 004 code {}", row.code);
        let code = registration::Code::from_number(row.code).unwrap_or_else(|| panic!("{at}: not in the catalog"));
        let entry = code.entry();
        assert_eq!(entry.code(), row.code.to_string(), "{at}: code");
        assert_eq!(entry.number(), Some(row.code), "{at}: number");
        assert_eq!(registration::Code::from_wire(&row.code.to_string()), Some(code), "{at}: from_wire");

        let mut mistakes = Vec::new();
        let name = match NAME_FIXES.iter().find(|(of, _, _)| *of == row.code) {
            Some((_, wrong, right)) => {
                assert_eq!(row.name, *wrong, "{at}: the documented wrong name");
                mistakes.push(row.name.clone());
                *right
            }
            None => row.name.as_str(),
        };
        assert_eq!(entry.name(), Some(name), "{at}: name");
        names.entry(name.to_owned()).or_default().push(row.code);

        let description = Fixed::new(&row.text).fix_typos(Api::Registration);
        mistakes.extend(description.mistakes.iter().cloned());
        let replaced =
            REPLACED_TEXT.iter().find(|(api, wrong)| *api == Api::Registration && description.text.contains(wrong));
        match replaced {
            None => assert_eq!(entry.description(), description.text, "{at}: description"),
            Some((_, wrong)) => {
                let (before, after) = description.text.split_once(wrong).expect("contained");
                let actual = entry.description();
                assert!(
                    actual.starts_with(before) && actual.ends_with(after) && !actual.contains(wrong),
                    "{at}: description {actual:?} should replace {wrong:?} in {:?}",
                    description.text
                );
                mistakes.push((*wrong).to_owned());
            }
        }
        assert!(
            entry.description().contains(entry.message()),
            "{at}: message {:?} is not part of the description",
            entry.message()
        );
        assert_erratum_quotes(entry, &mistakes, &at);

        let range = innermost_range(catalog.ranges(), row.code).unwrap_or_else(|| panic!("{at}: in no range"));
        assert_eq!(entry.section(), range.name(), "{at}: section");
    }

    // A name the catalog gives one code finds it; the seed's wrong names do
    // not steal another code's lookup.
    for (name, codes) in &names {
        let found = registration::Code::from_wire(name).unwrap_or_else(|| panic!("name {name}: from_wire is None"));
        assert!(codes.contains(&found.entry().number().expect("numbered")), "name {name}");
        if let [code] = codes.as_slice() {
            assert_eq!(found.entry().number(), Some(*code), "name {name}");
        }
    }

    // The introduction's "error 415*" footnote mark points nowhere.
    let intro = SEED_REGISTRATION.split(REGISTRATION_CODES_FOLLOW).next().expect("an introduction");
    for (star, _) in intro.match_indices('*') {
        let digits_len = intro[..star].chars().rev().take_while(char::is_ascii_digit).count();
        let marked = &intro[star - digits_len..=star];
        if let Ok(code) = marked.trim_end_matches('*').parse::<u32>() {
            let entry =
                registration::Code::from_number(code).unwrap_or_else(|| panic!("introduction cites {marked}")).entry();
            assert_erratum_quotes(entry, &[marked.to_owned()], "introduction");
        }
    }

    let catalogued: BTreeSet<u32> =
        registration::Code::ALL.iter().map(|code| code.entry().number().expect("numbered")).collect();
    let listed: BTreeSet<u32> = rows.iter().map(|row| row.code).collect();
    assert_eq!(catalogued, listed, "catalog codes against seed codes");
    assert_eq!(registration::Code::ALL.len(), rows.len(), "a code twice");
}

#[test]
fn registration_ranges_are_the_seeds_categories() {
    let categories = registration_categories(SEED_REGISTRATION);
    assert!(categories.len() > 1, "{categories:?}");
    let ranges = Api::Registration.catalog().ranges();
    let codes: BTreeSet<u32> = registration_rows(SEED_REGISTRATION).iter().map(|row| row.code).collect();

    for category in &categories {
        let at = format!("seed 004 category {}", category.spec);
        let range = ranges
            .iter()
            .find(|range| range.start() == category.start)
            .unwrap_or_else(|| panic!("{at}: no range starts at {}", category.start));
        if category.end != Some(range.end()) {
            let erratum =
                range.erratum().unwrap_or_else(|| panic!("{at}: the range ends at {} without an erratum", range.end()));
            assert!(erratum.contains(&category.spec), "{at}: erratum {erratum:?}");
        }
        if range.title() != category.title {
            assert!(
                range.erratum().is_some(),
                "{at}: title {:?} is not the seed's {:?}",
                range.title(),
                category.title
            );
        }
    }

    for range in ranges {
        let at = format!("range {} {}-{}", range.name(), range.start(), range.end());
        assert!(categories.iter().any(|c| c.start == range.start()), "{at}: the seed has no such category");
        // A catch-all is the range's first code, where the seed lists it.
        let expected = codes.contains(&range.start()).then_some(range.start());
        assert_eq!(range.catch_all(), expected, "{at}: catch-all");
        for other in ranges {
            let disjoint = range.end() < other.start() || other.end() < range.start();
            let nested = (range.contains(other.start()) && range.contains(other.end()))
                || (other.contains(range.start()) && other.contains(range.end()));
            assert!(disjoint || nested, "{at} partially overlaps {} {}-{}", other.name(), other.start(), other.end());
        }
    }

    for code in &codes {
        assert!(ranges.iter().any(|range| range.contains(*code)), "code {code} is in no range");
    }
}

// ---------------------------------------------------------------------------
// Across the APIs
// ---------------------------------------------------------------------------

#[test]
fn no_catalog_text_carries_seed_markup() {
    let mut texts: Vec<(String, &'static str)> = Vec::new();
    let mut seed_texts: Vec<(String, &'static str)> = Vec::new();
    for api in Api::ALL {
        let catalog = api.catalog();
        for entry in catalog.entries() {
            for text in entry_texts(entry) {
                texts.push((format!("{api} `{}`", entry.code()), text));
                if entry.source().is_none() {
                    seed_texts.push((format!("{api} `{}`", entry.code()), text));
                }
            }
        }
        for range in catalog.ranges() {
            texts.push((format!("{api} range {}", range.name()), range.title()));
        }
    }
    assert!(!texts.is_empty());
    for (at, text) in texts {
        assert!(!text.contains("â€") && !text.contains('Ã'), "{at}: mojibake in {text:?}");
        assert!(!has_markdown_escape(text), "{at}: Markdown escape in {text:?}");
        assert_eq!(html_entity(text), None, "{at}: HTML entity in {text:?}");
        assert!(!text.contains('¶'), "{at}: permalink mark in {text:?}");
        assert_eq!(fill_stand_ins(text, "x"), None, "{at}: a seed stand-in (`...`, <UPPER_CASE>) in {text:?}");
    }
    // A seed row's code spans are Markdown; a documented wire text may hold a
    // backtick of its own ("Delegation chain (`act` claim) depth …").
    assert!(!seed_texts.is_empty());
    for (at, text) in seed_texts {
        assert!(!text.contains('`'), "{at}: Markdown code span in {text:?}");
    }
}

#[test]
fn documented_seed_mistakes_are_in_the_seeds_and_not_in_the_catalog() {
    let mut mistakes: Vec<(Api, &str)> = TEXT_FIXES.iter().map(|(api, wrong, _)| (*api, *wrong)).collect();
    mistakes.extend(REPLACED_TEXT.iter().copied());
    for (api, wrong) in mistakes {
        // A fix that matches no seed text is stale, and tests nothing.
        let seeds = seeds_of(api);
        assert!(
            seeds.iter().any(|seed| seed.contains(wrong)),
            "{api}: the seeds do not contain the documented mistake {wrong:?}"
        );
        for entry in api.catalog().entries() {
            for text in entry_texts(entry) {
                assert!(
                    !text.contains(wrong),
                    "{api} `{}`: the seed mistake {wrong:?} is copied into {text:?}",
                    entry.code()
                );
            }
        }
    }
    for (code, wrong, _) in NAME_FIXES {
        let entry = registration::Code::from_number(*code).expect("a documented code").entry();
        assert_ne!(entry.name(), Some(*wrong), "registration {code}: seed's wrong name");
    }
}
