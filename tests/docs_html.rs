//! The HTML error reference (`docs::html`): its structure and escaping without
//! a browser, then its script in a real headless Chromium.
//!
//! The browser tests need Chromium (`apt-get install -y chromium`, or set
//! `CHROMIUM` to a Chrome or Chromium binary) and fail without it. They drive
//! it two ways:
//!
//! - one-shot `--dump-dom` runs of `page.html?q=…&api=…`, which show the rows
//!   the script hid for the filters given in the query string;
//! - a Chrome DevTools Protocol session over `--remote-debugging-pipe` (JSON
//!   messages ending in NUL on file descriptors 3 and 4), which clicks into
//!   the search box, types with real key events, checks the rows, the
//!   `:target` highlight and the print style, and saves a screenshot to
//!   `target/test-artifacts/html-reference.png`.
//!
//! Every Chromium run is killed after [`BROWSER_TIMEOUT`].

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use auth_error_catalog::{AnyError, Api, Entry, Kind, MemberValue, docs, entries};
use serde_json::{Value, json};

const BROWSER_TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------
// Expectations, computed independently of src/docs/html.rs.

/// HTML escaping, written differently from the library's.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The documented row id: `{api}-{code}`, plus `-{variant}` where the API has
/// several entries with the code; characters other than `[A-Za-z0-9._-]` become `_`.
fn expected_id(entry: &Entry) -> String {
    let shared = entry.api().catalog().entries().iter().filter(|other| other.code() == entry.code()).count() > 1;
    let raw = if shared {
        format!("{}-{}-{}", entry.api(), entry.code(), entry.variant())
    } else {
        format!("{}-{}", entry.api(), entry.code())
    };
    raw.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect()
}

/// What the search box matches: code, name, message and description, ignoring case.
fn matches_search(entry: &Entry, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    [Some(entry.code()), entry.name(), Some(entry.message()), Some(entry.description())]
        .into_iter()
        .flatten()
        .any(|text| text.to_lowercase().contains(&needle))
}

fn ids(entries: impl Iterator<Item = &'static Entry>) -> BTreeSet<String> {
    entries.map(expected_id).collect()
}

// ---------------------------------------------------------------------------
// A small tokenizer for the generated page and for Chromium's DOM dumps.

#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    /// Attribute values exactly as written (character references not decoded).
    attributes: Vec<(String, Option<String>)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_deref().unwrap_or(""))
    }

    fn has(&self, name: &str) -> bool {
        self.attributes.iter().any(|(key, _)| key == name)
    }
}

/// Every tag of `html`, skipping comments, the doctype and the raw text of
/// `<script>` and `<style>`. Panics on a `<` that starts no tag: text that
/// should have been escaped.
fn tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment.find("-->").expect("comment is closed");
            rest = &comment[end + 3..];
            continue;
        }
        if rest.starts_with('!') {
            rest = &rest[rest.find('>').expect("doctype is closed") + 1..];
            continue;
        }
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        assert!(name_len > 0, "a `<` that starts no tag (unescaped text?): {:?}", &rest[..rest.len().min(60)]);
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let key_len = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').unwrap_or(rest.len());
            assert!(key_len > 0, "tag <{name}> is not closed");
            let key = rest[..key_len].to_ascii_lowercase();
            rest = &rest[key_len..];
            let value = match rest.strip_prefix('=') {
                Some(after) => {
                    let quote = after.chars().next().expect("attribute value");
                    assert!(quote == '"' || quote == '\'', "unquoted value of {key} in <{name}>");
                    let end = after[1..].find(quote).expect("attribute value is closed");
                    rest = &after[1 + end + 1..];
                    Some(after[1..1 + end].to_owned())
                }
                None => None,
            };
            attributes.push((key, value));
        }
        if !closing && (name == "script" || name == "style") {
            let end = rest.find(&format!("</{name}>")).expect("raw text element is closed");
            rest = &rest[end..];
        }
        tags.push(Tag { name, closing, attributes });
    }
    tags
}

/// The entry cards of a page or DOM dump: (id, hidden).
fn cards(html: &str) -> Vec<(String, bool)> {
    tags(html)
        .into_iter()
        .filter(|tag| tag.name == "article" && !tag.closing)
        .map(|tag| (tag.attribute("id").expect("every card has an id").to_owned(), tag.has("hidden")))
        .collect()
}

fn visible(cards: &[(String, bool)]) -> BTreeSet<String> {
    cards.iter().filter(|(_, hidden)| !hidden).map(|(id, _)| id.clone()).collect()
}

// ---------------------------------------------------------------------------
// Structure and escaping.

/// The response the page shows for `entry`, built here from the public API:
/// `<name>` for each placeholder, each field's documented example, then the
/// status line, the headers and the body, one per line.
fn expected_example(entry: &'static Entry) -> String {
    let values = entry.placeholders().iter().map(|name| (*name, format!("<{name}>")));
    let mut error = AnyError::new(entry, values).expect("every entry renders with its placeholders");
    for member in entry.api().catalog().members() {
        if let MemberValue::Field { field, example } = member.value() {
            error = error.with_field(field, example).expect("a documented field");
        }
    }
    let response = error.to_response();
    let mut text = format!("HTTP/1.1 {}\n", response.status());
    for (name, value) in response.headers() {
        text += &format!("{name}: {}\n", value.to_str().expect("ASCII header"));
    }
    text + "\n" + std::str::from_utf8(response.body()).expect("UTF-8 body")
}

fn catalog_of(entry: &Entry) -> &'static auth_error_catalog::Catalog {
    entry.api().catalog()
}

/// The markup of the card with `id`, from its opening tag to its `</article>`.
fn card<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page.find(&format!("<article class=\"entry\" id=\"{id}\"")).unwrap_or_else(|| panic!("no card {id}"));
    let end = page[start..].find("</article>").expect("card is closed");
    &page[start..start + end]
}

/// The markup of an API's section, up to its first card.
fn about(page: &str, api: Api) -> &str {
    let start = page.find(&format!("<section class=\"api\" id=\"api-{api}\"")).expect("section");
    let end = page[start..].find("<article").expect("section has cards");
    &page[start..start + end]
}

#[test]
fn every_entry_of_every_api_has_a_card_and_a_permalink() {
    let page = docs::html(&[]);
    let cards = cards(&page);
    let ids: Vec<&str> = cards.iter().map(|(id, _)| id.as_str()).collect();
    let expected: Vec<String> = entries().map(expected_id).collect();
    assert_eq!(ids, expected, "one card per entry, in catalog order");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len(), "card ids are unique");
    assert!(cards.iter().all(|(_, hidden)| !hidden), "without the script every card shows");
    for id in &ids {
        assert!(page.contains(&format!("href=\"#{id}\"")), "no permalink to {id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "{id}");
    }
    assert!(ids.contains(&"app_native-ABA-60004"));
    assert!(ids.contains(&"auth0-invalid_request-MissingDevice"));
    assert!(ids.contains(&"registration-210"));
}

#[test]
fn only_the_apis_asked_for_are_shown() {
    let page = docs::html(&[Api::Authos, Api::Registration]);
    let shown: BTreeSet<String> = cards(&page).into_iter().map(|(id, _)| id).collect();
    let expected = ids(entries().filter(|entry| matches!(entry.api(), Api::Authos | Api::Registration)));
    assert_eq!(shown, expected);
    assert!(!page.contains("<option value=\"auth0\">"));
    assert!(!page.contains("id=\"api-auth0\""));
    assert!(page.contains("<option value=\"registration\">"));
    assert_eq!(page.matches("<section class=\"api\"").count(), 2);
}

#[test]
fn cards_carry_the_filter_data_escaped() {
    let page = docs::html(&[]);
    for entry in entries() {
        let search: Vec<&str> = [Some(entry.code()), entry.name(), Some(entry.message()), Some(entry.description())]
            .into_iter()
            .flatten()
            .collect();
        let tag = format!(
            "<article class=\"entry\" id=\"{}\" data-api=\"{}\" data-kind=\"{}\" data-status=\"{}\" data-search=\"{}\">",
            expected_id(entry),
            entry.api(),
            entry.kind(),
            entry.http_status().as_u16(),
            escaped(&search.join(" "))
        );
        assert!(page.contains(&tag), "{tag}");
    }
}

#[test]
fn every_card_gives_the_facts_and_the_exact_response() {
    let page = docs::html(&[]);
    for entry in entries() {
        let card = card(&page, &expected_id(entry));
        let status = entry.http_status();
        let facts = format!(
            "<li class=\"status\" title=\"HTTP status\">{} {}</li><li class=\"kind\" title=\"Kind\">{}</li>",
            status.as_u16(),
            status.canonical_reason().unwrap_or(""),
            entry.kind()
        );
        assert!(card.contains(&facts), "{}: {facts}", entry.variant());
        let retry = if entry.retryable() { ">retryable</li>" } else { ">not retryable</li>" };
        assert!(card.contains(retry), "{}", entry.variant());
        assert!(card.contains(&format!("<code class=\"code\">{}</code>", escaped(entry.code()))));
        assert!(card.contains(&format!("Source: {}</span>", escaped(docs::provenance(entry)))), "{}", entry.variant());
        // The example: collapsible, copyable, exactly what `to_response` sends.
        let example = format!(
            "<details class=\"example\"><summary>Example response</summary><div class=\"copyable\">\
             <button type=\"button\" class=\"copy\" hidden>Copy</button><pre><code>{}</code></pre></div></details>",
            escaped(&expected_example(entry))
        );
        assert!(card.contains(&example), "{}: {example}", entry.variant());
        match entry.resolution() {
            Some(resolution) if !resolution.contains("{{") => {
                assert!(card.contains(&format!("<strong>Resolution:</strong> {}</p>", escaped(resolution))));
            }
            Some(_) => assert!(card.contains("<strong>Resolution:</strong>")),
            None => assert!(!card.contains("Resolution"), "{}: no empty resolution", entry.variant()),
        }
        match entry.erratum() {
            Some(erratum) => assert!(card.contains(&format!("<p>{}</p></details>", escaped(erratum)))),
            None => assert!(!card.contains("Erratum")),
        }
        for placeholder in entry.placeholders() {
            assert!(card.contains(&format!("<code class=\"ph\">{{{{{placeholder}}}}}</code>")), "{placeholder}");
        }
        // Registration's sections are range names, shown by the range's title.
        let section = match catalog_of(entry).ranges().iter().find(|range| range.name() == entry.section()) {
            Some(range) => range.title(),
            None => entry.section(),
        };
        assert!(
            card.contains(&format!("<p class=\"meta\"><span class=\"section\">{}</span>", escaped(section))),
            "{}",
            entry.variant()
        );
        // A description the message already says is not repeated.
        assert_eq!(card.contains("class=\"description\""), entry.description() != entry.message());
    }
}

#[test]
fn each_api_section_gives_its_wire_format_statuses_and_a_sample_body() {
    let page = docs::html(&[]);
    for catalog in auth_error_catalog::catalogs() {
        let about = about(&page, catalog.api());
        assert!(about.contains(&format!(
            "<h2>{} <code class=\"api-name\">{}</code>",
            escaped(catalog.title()),
            catalog.api()
        )));
        for member in catalog.members() {
            assert!(about.contains(&format!("<dt><code>{}</code></dt>", member.name())), "{}", member.name());
            assert!(about.contains(&escaped(member.about())), "{}", member.name());
        }
        let first = catalog.entries().first().expect("a catalog has entries");
        let body = expected_example(first).split("\n\n").nth(1).expect("a body").to_owned();
        assert!(
            about.contains(&format!(
                "<h3>Sample body</h3>\n<pre class=\"sample\"><code>{}</code></pre>",
                escaped(&body)
            ))
        );
        assert_eq!(about.contains("other members may follow"), catalog.is_open(), "{}", catalog.api());
        match catalog.wire_status() {
            Some(status) => assert!(about.contains(&format!("answers every error with HTTP {}", status.as_u16()))),
            None => assert!(about.contains("Each entry is sent with its own HTTP status")),
        }
        for status in catalog.generic_statuses() {
            assert!(about.contains(&format!("{} {}", status.as_u16(), status.canonical_reason().unwrap_or(""))));
        }
        for range in catalog.ranges() {
            assert!(about.contains(&format!("<tr><td class=\"num\">{}–{}", range.start(), range.end())));
            // The catch-all links to its own card.
            let catch_all = range.catch_all().map(|code| code.to_string());
            let target =
                catch_all.as_deref().and_then(|code| catalog.entries().iter().find(|entry| entry.code() == code));
            if let Some(entry) = target {
                let link = format!(
                    "<a href=\"#{}\"><code>{}</code></a></td><td>{}</td></tr>",
                    expected_id(entry),
                    entry.code(),
                    escaped(range.title())
                );
                assert!(about.contains(&link), "{link}");
            }
        }
        if let Some(erratum) = catalog.erratum() {
            assert!(about.contains(&escaped(erratum)));
        }
        assert!(about.contains(&format!("data-total=\"{}\"", catalog.entries().len())));
    }
}

#[test]
fn catalog_text_is_escaped() {
    let page = docs::html(&[]);
    // Every `<` outside <script> and <style> starts one of the page's own tags.
    let known = [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "h1", "h2", "h3", "p", "a", "span", "form",
        "label", "input", "select", "option", "button", "output", "main", "section", "article", "div", "table",
        "thead", "tbody", "tr", "th", "td", "code", "pre", "br", "details", "summary", "dl", "dt", "dd", "ul", "li",
        "strong", "script",
    ];
    for tag in tags(&page) {
        assert!(known.contains(&tag.name.as_str()), "unexpected tag <{}>: unescaped catalog text?", tag.name);
    }
    assert_eq!(page.matches("<script>").count(), 1);
    assert_eq!(page.matches("</script>").count(), 1);
    // Auth0's erratum mentions <ANGLE_BRACKET> stand-ins and an &nbsp; entity.
    assert!(!page.contains("<ANGLE_BRACKET>"));
    assert!(page.contains("&lt;ANGLE_BRACKET&gt;"));
    assert!(page.contains("Disabled&amp;nbsp;connection"));
    assert!(!page.contains("<reason>"));
    assert!(page.contains("&lt;reason&gt;"), "the examples' placeholder values are escaped");
    // Placeholders are code; literal braces stay text.
    assert!(page.contains(r#"<code class="ph">{{reason}}</code>"#));
    assert!(page.contains(r"^\+[0-9]{1,15}$"));
    // Every message appears escaped (those with placeholders are split by <code>).
    for entry in entries().filter(|entry| !entry.message().contains("{{")) {
        assert!(page.contains(&escaped(entry.message())), "{}", entry.message());
    }
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let page = docs::html(&[]);
    for tag in tags(&page) {
        for (name, value) in &tag.attributes {
            let value = value.as_deref().unwrap_or("");
            if matches!(name.as_str(), "src" | "href" | "action" | "srcset" | "poster" | "data") {
                assert!(value.starts_with('#'), "<{} {name}={value:?}> points outside the page", tag.name);
            }
        }
        assert!(
            !matches!(tag.name.as_str(), "link" | "img" | "iframe" | "object" | "embed" | "base"),
            "<{}>",
            tag.name
        );
    }
    for needle in ["@import", "url(", "@font-face", "<script src", "fetch(", "XMLHttpRequest"] {
        assert!(!page.contains(needle), "{needle}");
    }
}

#[test]
fn the_page_has_the_controls_and_its_media_styles() {
    let page = docs::html(&[]);
    for control in [
        "<input type=\"search\" id=\"q\" name=\"q\"",
        "<select id=\"api\" name=\"api\">",
        "<select id=\"kind\" name=\"kind\">",
        "<select id=\"status\" name=\"status\">",
        "<output id=\"count\"",
    ] {
        assert!(page.contains(control), "{control}");
    }
    for kind in Kind::ALL.into_iter().filter(|kind| entries().any(|entry| entry.kind() == *kind)) {
        assert!(page.contains(&format!("<option value=\"{kind}\">")), "{kind}");
    }
    for status in entries().map(|entry| entry.http_status().as_u16()) {
        assert!(page.contains(&format!("<option value=\"{status}\">")), "{status}");
    }
    for media in ["@media print", "@media (prefers-color-scheme: dark)", "article.entry:target"] {
        assert!(page.contains(media), "{media}");
    }
}

#[test]
fn app_native_page_snapshot() {
    insta::assert_snapshot!("app_native_page", docs::html(&[Api::AppNative]));
}

// ---------------------------------------------------------------------------
// Chromium.

fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        let path = PathBuf::from(path);
        assert!(path.is_file(), "CHROMIUM={} is not a file", path.display());
        return path;
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
        .unwrap_or_else(|| {
            panic!("Chromium is not installed; the browser tests need it: apt-get install -y chromium, or set CHROMIUM")
        })
}

const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
];

/// A fresh directory under `target/tmp`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("docs_html-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(path.join("profile")).expect("create scratch directory");
        Scratch(path)
    }

    /// Writes the page for every API and returns its `file:` URL.
    fn page(&self) -> String {
        let path = self.0.join("page.html");
        fs::write(&path, docs::html(&[])).expect("write page");
        file_url(&path)
    }

    fn profile_flag(&self) -> String {
        format!("--user-data-dir={}", self.0.join("profile").display())
    }

    fn stderr_tail(&self) -> String {
        let text = fs::read_to_string(self.0.join("stderr")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|line| !line.contains("dbus")).collect();
        lines[lines.len().saturating_sub(15)..].join("\n")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Chromium's helper processes may still be writing the profile for a moment.
        for _ in 0..10 {
            if fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
}

fn file_url(path: &Path) -> String {
    let path = path.canonicalize().expect("absolute path");
    let mut url = String::from("file://");
    for byte in path.to_str().expect("UTF-8 path").bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Runs Chromium once with `args` and returns its stdout; kills it after [`BROWSER_TIMEOUT`].
fn run_chromium(scratch: &Scratch, args: &[&str]) -> String {
    let stdout_path = scratch.0.join("stdout");
    let mut child = Command::new(chromium())
        .args(FLAGS)
        .arg(scratch.profile_flag())
        .args(args)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).expect("stdout file"))
        .stderr(File::create(scratch.0.join("stderr")).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {}: {error}", chromium().display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for Chromium") {
            break status;
        }
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Chromium did not finish within {BROWSER_TIMEOUT:?}; killed it.\n{}", scratch.stderr_tail());
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "Chromium failed ({status}):\n{}", scratch.stderr_tail());
    fs::read_to_string(stdout_path).expect("Chromium's stdout")
}

#[test]
fn chromium_applies_the_filters_of_the_query_string() {
    let all = entries().count();
    let cases: [(&str, BTreeSet<String>); 4] = [
        // Mixed case: the search ignores case.
        ("?q=ExPiReD&api=authos", ids(entries().filter(|e| e.api() == Api::Authos && matches_search(e, "expired")))),
        (
            "?kind=rate_limited&status=429",
            ids(entries().filter(|e| e.kind() == Kind::RateLimited && e.http_status().as_u16() == 429)),
        ),
        ("?q=no-such-error-anywhere", BTreeSet::new()),
        // A filter value the page has no option for is ignored.
        ("?api=okta&q=rate", ids(entries().filter(|e| matches_search(e, "rate")))),
    ];
    let scratch = Scratch::new("query");
    let page = scratch.page();
    for (query, expected) in cases {
        assert!(expected.len() < all);
        let dom = run_chromium(&scratch, &["--virtual-time-budget=2000", "--dump-dom", &format!("{page}{query}")]);
        let cards = cards(&dom);
        assert_eq!(cards.len(), all, "{query}: every card is still in the DOM");
        assert_eq!(visible(&cards), expected, "{query}: the cards left visible");
        let count = format!(">{} of {all} errors</output>", expected.len());
        assert!(dom.contains(&count), "{query}: count {count} missing");
        let empty_hidden = dom.contains(r#"<p id="empty" class="empty" hidden"#);
        assert_eq!(empty_hidden, !expected.is_empty(), "{query}: the no-match message");
        assert!(!dom.contains(r#"<form id="controls" class="controls" role="search" hidden"#), "controls shown");
        // A section with nothing left to show is hidden with its cards.
        for api in Api::ALL {
            let shown = expected.iter().any(|id| id.starts_with(&format!("{api}-")));
            let hidden = format!(r#"<section class="api" id="api-{api}" data-api="{api}" hidden"#);
            assert_eq!(!dom.contains(&hidden), shown, "{query}: section {api}");
        }
    }
}

/// A Chrome DevTools Protocol session over `--remote-debugging-pipe`.
/// Chromium reads commands from fd 3 and writes replies and events to fd 4;
/// `sh` maps them onto the child's stdin and stdout, so std's pipes suffice.
struct Browser {
    child: Child,
    commands: ChildStdin,
    replies: Receiver<Value>,
    next_id: u64,
    session: Option<String>,
    deadline: Instant,
    scratch: Scratch,
}

impl Browser {
    fn launch(scratch: Scratch) -> Browser {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 </dev/null >&2"#)
            .arg(chromium())
            .args(FLAGS)
            .arg(scratch.profile_flag())
            .arg("--remote-debugging-pipe")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(File::create(scratch.0.join("stderr")).expect("stderr file"))
            .spawn()
            .expect("start sh");
        let commands = child.stdin.take().expect("piped stdin");
        let output = child.stdout.take().expect("piped stdout");
        let (sender, replies) = mpsc::channel();
        thread::spawn(move || {
            for message in BufReader::new(output).split(0) {
                let Ok(message) = message else { break };
                let Ok(value) = serde_json::from_slice::<Value>(&message) else { break };
                if sender.send(value).is_err() {
                    break;
                }
            }
        });
        Browser {
            child,
            commands,
            replies,
            next_id: 0,
            session: None,
            deadline: Instant::now() + BROWSER_TIMEOUT,
            scratch,
        }
    }

    fn fail(&self, message: &str) -> ! {
        panic!("{message}\nChromium's stderr:\n{}", self.scratch.stderr_tail())
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).expect("serialise command");
        bytes.push(0);
        if let Err(error) = self.commands.write_all(&bytes).and_then(|()| self.commands.flush()) {
            self.fail(&format!("{method}: cannot write to Chromium: {error}"));
        }
        loop {
            let remaining = self.deadline.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(remaining) {
                Ok(reply) if reply["id"] == id => {
                    if let Some(error) = reply.get("error") {
                        self.fail(&format!("{method} failed: {error}"));
                    }
                    return reply["result"].clone();
                }
                Ok(_event) => {}
                Err(RecvTimeoutError::Timeout) => {
                    self.fail(&format!("{method}: no answer within {BROWSER_TIMEOUT:?} of launch"))
                }
                Err(RecvTimeoutError::Disconnected) => self.fail(&format!("{method}: Chromium closed the pipe")),
            }
        }
    }

    /// Opens a tab, attaches to it and sets a 1400×900 viewport and light colours.
    fn open_tab(&mut self) {
        let target = self.call("Target.createTarget", json!({ "url": "about:blank" }));
        let session = self.call("Target.attachToTarget", json!({ "targetId": target["targetId"], "flatten": true }));
        self.session = Some(session["sessionId"].as_str().expect("sessionId").to_owned());
        self.resize(1400, 900);
        self.colours("light");
    }

    fn resize(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    /// Emulates `prefers-color-scheme: scheme`.
    fn colours(&mut self, scheme: &str) {
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    fn evaluate(&mut self, expression: &str) -> Value {
        let result = self
            .call("Runtime.evaluate", json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }));
        if let Some(exception) = result.get("exceptionDetails") {
            self.fail(&format!("{expression} threw: {exception}"));
        }
        result["result"]["value"].clone()
    }

    fn wait_until(&mut self, expression: &str) {
        while self.evaluate(expression) != json!(true) {
            if Instant::now() > self.deadline {
                self.fail(&format!("still not true: {expression}"));
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_until(r#"document.readyState === "complete" && document.documentElement.dataset.ready === "true""#);
    }

    fn click(&mut self, selector: &str) {
        let center = self.evaluate(&format!(
            "(() => {{ const r = document.querySelector({selector:?}).getBoundingClientRect(); \
             return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        ));
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": center[0], "y": center[1], "button": "left", "clickCount": 1 }),
            );
        }
    }

    /// Types `text` key by key, as a person would.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let key = c.to_string();
            self.call("Input.dispatchKeyEvent", json!({ "type": "keyDown", "key": key, "text": key }));
            self.call("Input.dispatchKeyEvent", json!({ "type": "keyUp", "key": key }));
        }
    }

    fn visible_cards(&mut self) -> BTreeSet<String> {
        let ids =
            self.evaluate(r#"Array.from(document.querySelectorAll("article.entry:not([hidden])"), (card) => card.id)"#);
        ids.as_array().expect("array").iter().map(|id| id.as_str().expect("id").to_owned()).collect()
    }

    fn text_of(&mut self, selector: &str) -> Value {
        self.evaluate(&format!("document.querySelector({selector:?}).textContent"))
    }

    /// Chooses `value` in the select `#name`, as a person would: focus, choose, `change`.
    fn choose(&mut self, name: &str, value: &str) {
        self.evaluate(&format!(
            "(() => {{ const select = document.getElementById({name:?}); select.focus(); select.value = {value:?}; \
             select.dispatchEvent(new Event(\"change\", {{ bubbles: true }})); }})()"
        ));
    }

    /// Saves a screenshot of the viewport to `target/test-artifacts/NAME` and
    /// checks it is a PNG of `width`×`height` with something drawn on it.
    fn save_screenshot(&mut self, name: &str, width: u32, height: u32) {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64_decode(shot["data"].as_str().expect("screenshot data"));
        let artifacts =
            Path::new(env!("CARGO_TARGET_TMPDIR")).parent().expect("target directory").join("test-artifacts");
        fs::create_dir_all(&artifacts).expect("create target/test-artifacts");
        let path = artifacts.join(name);
        fs::write(&path, &png).expect("write screenshot");
        let saved = fs::read(&path).expect("read screenshot back");
        assert!(saved.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: a PNG");
        let size = (&saved[16..20], &saved[20..24]);
        assert_eq!(size, (&width.to_be_bytes()[..], &height.to_be_bytes()[..]), "{name}: {width}×{height}");
        assert!(saved.len() > 20_000, "{name}: {} bytes, a blank page?", saved.len());
    }
}

impl Drop for Browser {
    /// Asks Chromium to close, so that it takes its helper processes down
    /// with it; kills it if it has not exited within five seconds.
    fn drop(&mut self) {
        let close = json!({ "id": self.next_id + 1, "method": "Browser.close" });
        if let Ok(mut bytes) = serde_json::to_vec(&close) {
            bytes.push(0);
            let _ = self.commands.write_all(&bytes).and_then(|()| self.commands.flush());
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes().filter(|byte| *byte != b'=') {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {byte:#04x}"),
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    bytes
}

#[test]
fn base64_decodes() {
    assert_eq!(base64_decode("aGVsbG8gd29ybGQ="), b"hello world");
    assert_eq!(base64_decode("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
}

#[test]
fn chromium_session_searches_filters_links_copies_and_fits_420_px() {
    let mut browser = Browser::launch(Scratch::new("session"));
    browser.open_tab();
    let page = browser.scratch.page();
    let all = ids(entries());
    let count = |shown: usize| {
        if shown == all.len() { format!("All {shown} errors") } else { format!("{shown} of {} errors", all.len()) }
    };

    // A permalink highlights its card (CSS :target), opens its example, scrolls to it and hides nothing.
    browser.navigate(&format!("{page}#authos-TOKEN_EXPIRED"));
    assert_eq!(browser.visible_cards(), all);
    assert_eq!(browser.text_of("#count"), json!(count(all.len())));
    let background = r#"getComputedStyle(document.getElementById("ID")).backgroundColor"#;
    assert_eq!(browser.evaluate(&background.replace("ID", "authos-TOKEN_EXPIRED")), json!("rgb(255, 248, 197)"));
    assert_eq!(browser.evaluate(&background.replace("ID", "app_native-ABA-60004")), json!("rgba(0, 0, 0, 0)"));
    let open = r##"document.querySelector("#ID details.example").open"##;
    assert_eq!(browser.evaluate(&open.replace("ID", "authos-TOKEN_EXPIRED")), json!(true));
    assert_eq!(browser.evaluate(&open.replace("ID", "app_native-ABA-60004")), json!(false));
    let top = browser.evaluate(r#"document.getElementById("authos-TOKEN_EXPIRED").getBoundingClientRect().top"#);
    let top = top.as_f64().expect("a number");
    assert!((0.0..900.0).contains(&top), "the linked card is in view: top {top}");
    browser.save_screenshot("html-reference-1400.png", 1400, 900);

    // Click into the search box and type, mixed case.
    browser.evaluate("window.scrollTo(0, 0)");
    browser.click("#q");
    assert_eq!(browser.evaluate("document.activeElement.id"), json!("q"));
    browser.type_text("ToKeN");
    assert_eq!(browser.evaluate(r#"document.getElementById("q").value"#), json!("ToKeN"));
    let expected = ids(entries().filter(|entry| matches_search(entry, "token")));
    assert!(expected.len() > 5 && expected.len() < all.len());
    assert_eq!(browser.visible_cards(), expected, "cards left after typing `ToKeN`");
    assert_eq!(browser.text_of("#count"), json!(count(expected.len())));
    // The controls write their state to the query string: a shareable link.
    assert_eq!(browser.evaluate("location.search"), json!("?q=ToKeN"));
    assert_eq!(browser.evaluate("location.hash"), json!("#authos-TOKEN_EXPIRED"), "the fragment is kept");

    // Each filter alone, then all three with the search.
    browser.click("button[type=reset]");
    browser.wait_until(&format!("document.getElementById(\"count\").textContent === {:?}", count(all.len())));
    let filters: [(&str, &str, BTreeSet<String>); 3] = [
        ("api", "registration", ids(entries().filter(|e| e.api() == Api::Registration))),
        ("kind", "rate_limited", ids(entries().filter(|e| e.kind() == Kind::RateLimited))),
        ("status", "403", ids(entries().filter(|e| e.http_status().as_u16() == 403))),
    ];
    for (name, value, expected) in &filters {
        assert!(!expected.is_empty() && expected.len() < all.len(), "{name}={value}");
        browser.choose(name, value);
        assert_eq!(&browser.visible_cards(), expected, "{name}={value}");
        assert_eq!(browser.text_of("#count"), json!(count(expected.len())), "{name}={value}");
        assert_eq!(browser.evaluate("location.search"), json!(format!("?{name}={value}")));
        browser.choose(name, "");
    }
    browser.choose("api", "auth0");
    browser.choose("kind", "invalid_request");
    browser.choose("status", "400");
    browser.click("#q");
    browser.type_text("connection");
    let expected = ids(entries().filter(|e| {
        e.api() == Api::Auth0
            && e.kind() == Kind::InvalidRequest
            && e.http_status().as_u16() == 400
            && matches_search(e, "connection")
    }));
    assert!(!expected.is_empty());
    assert_eq!(browser.visible_cards(), expected, "all filters at once");
    assert_eq!(browser.evaluate("location.search"), json!("?q=connection&api=auth0&kind=invalid_request&status=400"));
    // The other APIs' sections are hidden; the shown one counts what is left.
    let hidden_sections =
        browser.evaluate(r#"Array.from(document.querySelectorAll("section.api[hidden]"), (s) => s.id)"#);
    assert_eq!(hidden_sections, json!(["api-app_native", "api-authos", "api-registration"]));
    let auth0 = Api::Auth0.catalog().entries().len();
    assert_eq!(browser.text_of("#api-auth0 .shown"), json!(format!("{} of {auth0} errors", expected.len())));

    // Following a permalink to a card the filters hide clears the filters.
    browser.evaluate(r#"location.hash = "app_native-ABA-60004""#);
    browser.wait_until(&format!("document.getElementById(\"count\").textContent === {:?}", count(all.len())));
    assert_eq!(browser.evaluate(r#"document.getElementById("q").value"#), json!(""));
    assert_eq!(browser.evaluate(&background.replace("ID", "app_native-ABA-60004")), json!("rgb(255, 248, 197)"));
    assert_eq!(browser.evaluate(&open.replace("ID", "app_native-ABA-60004")), json!(true));

    // Copy: the button puts the exact example response on the clipboard.
    browser
        .call("Browser.grantPermissions", json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }));
    browser.click("#app_native-ABA-60004 button.copy");
    browser.wait_until(r##"document.querySelector("#app_native-ABA-60004 button.copy").dataset.copied === "true""##);
    assert_eq!(browser.text_of("#app_native-ABA-60004 button.copy"), json!("Copied"));
    let entry = entries().find(|entry| expected_id(entry) == "app_native-ABA-60004").expect("ABA-60004");
    assert_eq!(browser.evaluate("navigator.clipboard.readText()"), json!(expected_example(entry)));

    // `/` jumps to the search box; the Clear button brings every card back.
    browser.evaluate("document.activeElement.blur()");
    browser.type_text("/rate");
    assert_eq!(browser.evaluate(r#"document.getElementById("q").value"#), json!("rate"));
    let expected = ids(entries().filter(|entry| matches_search(entry, "rate")));
    assert_eq!(browser.visible_cards(), expected, "cards left after typing `rate`");
    browser.click("button[type=reset]");
    browser.wait_until(&format!("document.getElementById(\"count\").textContent === {:?}", count(all.len())));
    assert_eq!(browser.visible_cards(), all);

    // Dark mode follows the system's colour scheme.
    browser.colours("dark");
    assert_eq!(browser.evaluate("getComputedStyle(document.body).backgroundColor"), json!("rgb(13, 17, 23)"));
    browser.colours("light");
    assert_eq!(browser.evaluate("getComputedStyle(document.body).backgroundColor"), json!("rgb(255, 255, 255)"));

    // Print: no controls, every card even where filtered out, black on white.
    browser.choose("api", "authos");
    browser.call("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let print = browser.evaluate(
        r#"[getComputedStyle(document.getElementById("controls")).display,
            getComputedStyle(document.getElementById("app_native-ABA-60004")).display,
            document.getElementById("app_native-ABA-60004").hidden,
            getComputedStyle(document.querySelector("button.copy")).display,
            getComputedStyle(document.body).color,
            getComputedStyle(document.body).backgroundColor]"#,
    );
    assert_eq!(print, json!(["none", "block", true, "none", "rgb(0, 0, 0)", "rgb(255, 255, 255)"]));
    browser.call("Emulation.setEmulatedMedia", json!({ "media": "" }));
    browser.choose("api", "");

    // 420 px wide, every example open: nothing scrolls sideways, no placeholder breaks.
    browser.resize(420, 900);
    browser.evaluate(r#"document.querySelectorAll("details").forEach((details) => { details.open = true; })"#);
    let widths = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]");
    let past_the_edge = browser.evaluate(
        r#"Array.from(document.querySelectorAll("body *"))
             .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
             .filter((element) => !Array.from(element.children).some((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5))
             .slice(0, 5).map((element) => element.tagName + " " + element.className + ": " + element.textContent.slice(0, 80))"#,
    );
    assert!(widths[0].as_u64() <= widths[1].as_u64(), "horizontal scroll at 420 px: {widths}, from {past_the_edge}");
    assert_eq!(widths[1], json!(420));
    let broken = browser.evaluate(
        r#"Array.from(document.querySelectorAll("code.ph")).filter((code) => code.getClientRects().length !== 1)
             .map((code) => code.closest("article, section").id + " " + code.textContent)"#,
    );
    assert_eq!(broken, json!([]), "placeholders broken across lines");
    let wider = browser.evaluate(
        r#"Array.from(document.querySelectorAll("article.entry, section.api, pre"))
             .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
             .map((element) => element.id || element.closest("article, section").id)"#,
    );
    assert_eq!(wider, json!([]), "elements past the right edge at 420 px");
    browser.evaluate(r#"location.hash = "auth0-invalid_request-MissingDevice""#);
    browser.wait_until(
        r#"document.getElementById("auth0-invalid_request-MissingDevice").getBoundingClientRect().top < 900"#,
    );
    browser.save_screenshot("html-reference-420.png", 420, 900);
}

#[test]
fn chromium_without_javascript_shows_everything() {
    let mut browser = Browser::launch(Scratch::new("no-script"));
    browser.open_tab();
    browser.call("Emulation.setScriptExecutionDisabled", json!({ "value": true }));
    let page = browser.scratch.page();
    // Without the script the query string filters nothing.
    browser.call("Page.navigate", json!({ "url": format!("{page}?q=token&api=authos#authos-TOKEN_EXPIRED") }));
    let all = entries().count();
    browser.wait_until(&format!(
        r#"document.readyState === "complete" && document.querySelectorAll("article.entry").length === {all}"#
    ));
    assert_eq!(browser.evaluate("document.documentElement.dataset.ready === undefined"), json!(true), "no script ran");
    assert_eq!(browser.visible_cards(), ids(entries()), "every card shows");
    let shown =
        r#"Array.from(document.querySelectorAll("SELECTOR")).filter((e) => e.getClientRects().length > 0).length"#;
    assert_eq!(browser.evaluate(&shown.replace("SELECTOR", "article.entry")), json!(all), "every card is laid out");
    assert_eq!(browser.evaluate(&shown.replace("SELECTOR", "section.api")), json!(Api::ALL.len()));
    assert_eq!(browser.evaluate(&shown.replace("SELECTOR", "#controls, button.copy")), json!(0), "controls hidden");
    // The examples still open: <details> needs no script.
    browser.click("#authos-TOKEN_EXPIRED details.example summary");
    browser.wait_until(r##"document.querySelector("#authos-TOKEN_EXPIRED details.example").open"##);
    let entry = entries().find(|entry| expected_id(entry) == "authos-TOKEN_EXPIRED").expect("TOKEN_EXPIRED");
    assert_eq!(browser.text_of("#authos-TOKEN_EXPIRED pre"), json!(expected_example(entry)));
    // The permalink's card is highlighted by CSS alone.
    let background = r#"getComputedStyle(document.getElementById("authos-TOKEN_EXPIRED")).backgroundColor"#;
    assert_eq!(browser.evaluate(background), json!("rgb(255, 248, 197)"));
}
