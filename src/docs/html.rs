//! The HTML error reference: one self-contained page (inline style and
//! script, no external assets) with a section per API and a card per entry.
//!
//! Each API's section says what its bodies look like and how it uses HTTP
//! statuses, with a sample body. Each entry's card gives its code, status,
//! kind, retryability, message, description (placeholders highlighted),
//! resolution, provenance and erratum, and the exact response the crate
//! sends for it, with a copy button.
//!
//! The page works without its script: every entry is shown and the
//! controls are hidden. With it, the search box, the three filters and the
//! query string (`?q=token&api=authos&kind=token_expired&status=401`)
//! narrow the entries, and the controls write their state back to the query
//! string, so a filtered view is a shareable link. A permalink
//! (`#authos-TOKEN_EXPIRED`) highlights its entry and opens its example.

use std::fmt::{self, Write as _};

use crate::template::{self, Segment};
use crate::{Api, Catalog, Entry, Kind};

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
/// safe in element content and in quoted attribute values.
struct Escape<'a>(&'a str);

fn escape(text: &str) -> Escape<'_> {
    Escape(text)
}

impl fmt::Display for Escape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            let reference = match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            };
            f.write_str(reference)?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// A catalog text with its `{{name}}` placeholders shown as code. A text that
/// does not parse as a template (build.rs rejects those) is shown as is.
struct Templated<'a>(&'a str);

impl fmt::Display for Templated<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(segments) = template::parse(self.0) else {
            return write!(f, "{}", escape(self.0));
        };
        for segment in segments {
            match segment {
                Segment::Text(text) => write!(f, "{}", escape(text))?,
                Segment::Placeholder(name) => write!(f, "<code class=\"ph\">{{{{{}}}}}</code>", escape(name))?,
            }
        }
        Ok(())
    }
}

/// `text` reduced to characters that are safe in an id, a URL fragment and
/// a CSS identifier: ASCII letters, digits, `-`, `_` and `.`; anything else
/// becomes `_`.
fn sanitize(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect()
}

/// The card id and permalink of an entry: `app_native-ABA-60004`. Where other
/// entries of the API share the code (Auth0's `invalid_request`), the variant
/// tells them apart: `auth0-invalid_request-MissingDevice`.
fn entry_id(entry: &Entry) -> String {
    let catalog = entry.api().catalog();
    let shared = catalog.entries().iter().filter(|other| other.code() == entry.code()).count() > 1;
    if shared {
        sanitize(&format!("{}-{}-{}", entry.api(), entry.code(), entry.variant()))
    } else {
        sanitize(&format!("{}-{}", entry.api(), entry.code()))
    }
}

/// The HTML reference for `apis` (every API when empty): one self-contained
/// HTML5 page with a section per API and a card per entry.
///
/// Each card has a stable id, `{api}-{code}` (with the variant appended
/// where codes repeat, as in Auth0), and its code links to it, so
/// `reference.html#app_native-ABA-60004` highlights that card. The query
/// parameters `q`, `api`, `kind` and `status` set the initial search and
/// filters. All catalog text is HTML-escaped.
///
/// ```
/// use auth_error_catalog::{Api, docs};
///
/// let page = docs::html(&[Api::AppNative, Api::Auth0]);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r##"<article class="entry" id="app_native-ABA-60004""##));
/// assert!(page.contains(r##"href="#app_native-ABA-60004""##));
/// // Every card shows the exact response, headers included.
/// assert!(page.contains("HTTP/1.1 400 Bad Request\ncontent-type: application/json\n"));
/// // Catalog text is escaped: Auth0's erratum mentions `<ANGLE_BRACKET>` stand-ins.
/// assert!(page.contains("&lt;ANGLE_BRACKET&gt;") && !page.contains("<ANGLE_BRACKET>"));
/// // Placeholders are shown as code; a regex's single braces stay text.
/// assert!(page.contains(r#"<code class="ph">{{reason}}</code>"#));
/// assert!(page.contains(r"^\+[0-9]{1,15}$"));
/// assert!(!page.contains("registration-210"), "only the APIs asked for");
/// ```
pub fn html(apis: &[Api]) -> String {
    let catalogs: Vec<&Catalog> = super::selected(apis).collect();
    let mut out = String::with_capacity(256 * 1024);
    out.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"auth-error-catalog\">\n",
        "<title>Authentication error reference</title>\n<style>\n",
    ));
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, &catalogs);
    controls(&mut out, &catalogs);
    out.push_str("<main>\n");
    for catalog in &catalogs {
        api_section(&mut out, catalog);
    }
    out.push_str("<p id=\"empty\" class=\"empty\" hidden>No error matches the search and filters.</p>\n</main>\n");
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// `count` and `noun`, pluralised with an `s`.
fn counted(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

fn header(out: &mut String, catalogs: &[&Catalog]) {
    let total: usize = catalogs.iter().map(|catalog| catalog.entries().len()).sum();
    let _ = write!(
        out,
        concat!(
            "<header>\n<h1>Authentication error reference</h1>\n<p>{}, generated from the catalog embedded in ",
            "auth-error-catalog. Kinds and retryability are the catalog&#39;s; ",
            "<span class=\"dagger\">†</span> marks an entry whose source document was wrong (see its erratum). ",
            "Each code links to itself.</p>\n<nav aria-label=\"APIs\">\n<ul class=\"toc\">\n",
        ),
        counted(total, "error")
    );
    for catalog in catalogs {
        let api = catalog.api();
        let _ = writeln!(
            out,
            "<li><a href=\"#api-{api}\">{}</a> <span class=\"muted\">({})</span></li>",
            escape(catalog.title()),
            catalog.entries().len()
        );
    }
    out.push_str("</ul>\n</nav>\n</header>\n");
}

fn controls(out: &mut String, catalogs: &[&Catalog]) {
    let entries = || catalogs.iter().flat_map(|catalog| catalog.entries());
    // Hidden until the script has wired the controls up.
    out.push_str(concat!(
        "<form id=\"controls\" class=\"controls\" role=\"search\" hidden>\n",
        "<label class=\"search\">Search code, message or description",
        "<input type=\"search\" id=\"q\" name=\"q\" placeholder=\"e.g. ABA-60004, expired, rate\" ",
        "autocomplete=\"off\" spellcheck=\"false\"></label>\n",
        "<label>API<select id=\"api\" name=\"api\">\n<option value=\"\">All APIs</option>\n",
    ));
    for catalog in catalogs {
        let api = catalog.api();
        let _ = writeln!(out, "<option value=\"{api}\">{api}</option>");
    }
    out.push_str(
        "</select></label>\n<label>Kind<select id=\"kind\" name=\"kind\">\n<option value=\"\">All kinds</option>\n",
    );
    for kind in Kind::ALL.into_iter().filter(|kind| entries().any(|entry| entry.kind() == *kind)) {
        let _ = writeln!(out, "<option value=\"{kind}\">{kind}</option>");
    }
    out.push_str(concat!(
        "</select></label>\n<label>HTTP status<select id=\"status\" name=\"status\">\n",
        "<option value=\"\">All statuses</option>\n",
    ));
    let mut statuses: Vec<u16> = entries().map(|entry| entry.http_status().as_u16()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    for status in statuses {
        let _ = writeln!(out, "<option value=\"{status}\">{status}</option>");
    }
    out.push_str(concat!(
        "</select></label>\n<button type=\"reset\">Clear</button>\n",
        "<output id=\"count\" for=\"q api kind status\" aria-live=\"polite\"></output>\n</form>\n",
    ));
}

/// An API's section: its wire format, status conventions and sample body,
/// then a card per entry.
fn api_section(out: &mut String, catalog: &Catalog) {
    let api = catalog.api();
    let entries = catalog.entries();
    let _ = write!(
        out,
        concat!(
            "<section class=\"api\" id=\"api-{api}\" data-api=\"{api}\">\n",
            "<h2>{title} <code class=\"api-name\">{api}</code> ",
            "<span class=\"shown muted\" data-total=\"{total}\">{count}</span></h2>\n",
            "<div class=\"api-about\">\n<p class=\"source\">Source: {source}</p>\n",
            "<h3>Wire format</h3>\n<p>An error body is a JSON object with these members, in this order",
        ),
        api = api,
        title = escape(catalog.title()),
        total = entries.len(),
        count = counted(entries.len(), "error"),
        source = escape(catalog.source()),
    );
    out.push_str(if catalog.is_open() { "; other members may follow and are kept.</p>\n" } else { ".</p>\n" });
    out.push_str("<dl class=\"members\">\n");
    for member in catalog.members() {
        let _ = writeln!(out, "<dt><code>{}</code></dt><dd>{}</dd>", escape(member.name()), escape(member.about()));
    }
    out.push_str("</dl>\n");
    if let Some(note) = catalog.body_note() {
        let _ = writeln!(out, "<p>{}</p>", escape(note));
    }
    out.push_str("<h3>HTTP statuses</h3>\n");
    match catalog.wire_status() {
        Some(status) => {
            let _ = writeln!(
                out,
                concat!(
                    "<p>The API itself answers every error with HTTP {}. Each entry&#39;s status is the one ",
                    "a service built on these codes maps it to, and the one its problem+json form is sent with.</p>",
                ),
                status.as_u16()
            );
        }
        None => out.push_str("<p>Each entry is sent with its own HTTP status, shown on its card.</p>\n"),
    }
    if !catalog.generic_statuses().is_empty() {
        let statuses: Vec<String> = catalog
            .generic_statuses()
            .iter()
            .map(|status| format!("{} {}", status.as_u16(), escape(status.canonical_reason().unwrap_or(""))))
            .collect();
        let _ = writeln!(out, "<p>Statuses documented without an error code: {}.</p>", statuses.join("; "));
    }
    if let Some(prefix) = catalog.code_prefix() {
        let _ = writeln!(out, "<p>Lookups may leave out the code prefix <code>{}</code>.</p>", escape(prefix));
    }
    ranges(out, catalog);
    if let Some(response) = entries.first().and_then(example_response) {
        let _ = writeln!(
            out,
            "<h3>Sample body</h3>\n<pre class=\"sample\"><code>{}</code></pre>",
            escape(&String::from_utf8_lossy(response.body()))
        );
    }
    errata(out, catalog);
    out.push_str("</div>\n");
    for entry in entries {
        entry_card(out, catalog, entry);
    }
    out.push_str("</section>\n");
}

/// A Registration-style table of code ranges and their catch-alls.
fn ranges(out: &mut String, catalog: &Catalog) {
    if catalog.ranges().is_empty() {
        return;
    }
    out.push_str(concat!(
        "<h3>Code ranges</h3>\n<p>A code no entry names resolves to its range&#39;s catch-all.</p>\n",
        "<table class=\"ranges\">\n<thead>\n<tr><th scope=\"col\">Range</th>",
        "<th scope=\"col\">Catch-all</th><th scope=\"col\">Meaning</th></tr>\n</thead>\n<tbody>\n",
    ));
    for range in catalog.ranges() {
        let _ = write!(out, "<tr><td class=\"num\">{}–{}", range.start(), range.end());
        if range.erratum().is_some() {
            out.push_str(" <span class=\"dagger\">†</span>");
        }
        out.push_str("</td><td class=\"num\">");
        let catch_all = range.catch_all().map(|code| code.to_string());
        match catch_all.as_deref().and_then(|code| catalog.entries().iter().find(|entry| entry.code() == code)) {
            Some(entry) => {
                let _ = write!(out, "<a href=\"#{}\"><code>{}</code></a>", entry_id(entry), escape(entry.code()));
            }
            None => out.push_str(catch_all.as_deref().unwrap_or("–")),
        }
        let _ = writeln!(out, "</td><td>{}</td></tr>", escape(range.title()));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The errata of the API and of its ranges; an entry's own is on its card.
fn errata(out: &mut String, catalog: &Catalog) {
    let errata: Vec<(String, &str)> = catalog
        .erratum()
        .map(|erratum| ("The API".to_owned(), erratum))
        .into_iter()
        .chain(catalog.ranges().iter().filter_map(|range| {
            range.erratum().map(|erratum| (format!("Range {}–{}", range.start(), range.end()), erratum))
        }))
        .collect();
    if errata.is_empty() {
        return;
    }
    out.push_str(
        "<details class=\"errata\"><summary><span class=\"dagger\">†</span> Errata of the sources</summary>\n<ul>\n",
    );
    for (what, erratum) in errata {
        let _ = writeln!(out, "<li><strong>{what}:</strong> {}</li>", escape(erratum));
    }
    out.push_str("</ul>\n</details>\n");
}

/// The response the crate sends for `entry`, with each placeholder shown as
/// `<name>` and each field as its documented example.
fn example_response(entry: &'static Entry) -> Option<http::Response<Vec<u8>>> {
    super::example(entry).map(|error| error.to_response())
}

fn entry_card(out: &mut String, catalog: &Catalog, entry: &'static Entry) {
    let id = entry_id(entry);
    let api = entry.api();
    let status = entry.http_status();
    let kind = entry.kind();
    let search = [Some(entry.code()), entry.name(), Some(entry.message()), Some(entry.description())];
    let search: Vec<&str> = search.into_iter().flatten().collect();
    let _ = writeln!(
        out,
        "<article class=\"entry\" id=\"{id}\" data-api=\"{api}\" data-kind=\"{kind}\" data-status=\"{}\" data-search=\"{}\">",
        status.as_u16(),
        escape(&search.join(" "))
    );
    let _ = write!(
        out,
        "<div class=\"head\"><h3><a class=\"permalink\" href=\"#{id}\" title=\"Link to this error\"><code class=\"code\">{}</code></a>",
        escape(entry.code())
    );
    if let Some(name) = entry.name() {
        let _ = write!(out, " <code class=\"name\">{}</code>", escape(name));
    }
    if entry.erratum().is_some() {
        out.push_str(" <span class=\"dagger\" title=\"The source document was wrong; see the erratum\">†</span>");
    }
    if let Some(retired) = entry.retired() {
        let _ = write!(out, " <span class=\"retired\">retired {}</span>", escape(retired));
    }
    let _ = write!(
        out,
        concat!(
            "</h3>\n<ul class=\"facts\"><li class=\"status\" title=\"HTTP status\">{} {}</li>",
            "<li class=\"kind\" title=\"Kind\">{}</li><li class=\"{}\">{}</li></ul></div>\n",
            "<p class=\"message\">{}</p>\n",
        ),
        status.as_u16(),
        escape(status.canonical_reason().unwrap_or("")),
        kind,
        if entry.retryable() { "retry yes" } else { "retry no" },
        if entry.retryable() { "retryable" } else { "not retryable" },
        Templated(entry.message()),
    );
    if entry.description() != entry.message() {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", Templated(entry.description()));
    }
    if let Some(resolution) = entry.resolution() {
        let _ = writeln!(out, "<p class=\"resolution\"><strong>Resolution:</strong> {}</p>", Templated(resolution));
    }
    // Registration's sections are range names; show the range's title.
    let section = match catalog.ranges().iter().find(|range| range.name() == entry.section()) {
        Some(range) => range.title(),
        None => entry.section(),
    };
    let _ = write!(out, "<p class=\"meta\"><span class=\"section\">{}</span>", escape(section));
    if entry.is_generic() {
        out.push_str(
            " · <span class=\"generic\" title=\"A body of this code whose description identifies no other entry is \
             classified here\">generic entry of its code</span>",
        );
    }
    if let Some(parent) = entry.parent() {
        let _ =
            write!(out, " · catch-all <a href=\"#{}\"><code>{}</code></a>", entry_id(parent), escape(parent.code()));
    }
    let _ = writeln!(out, " · <span class=\"source\">Source: {}</span></p>", escape(super::provenance(entry)));
    if let Some(erratum) = entry.erratum() {
        let _ = writeln!(
            out,
            "<details class=\"erratum\"><summary><span class=\"dagger\">†</span> Erratum</summary><p>{}</p></details>",
            escape(erratum)
        );
    }
    if let Some(response) = example_response(entry) {
        let _ = writeln!(
            out,
            concat!(
                "<details class=\"example\"><summary>Example response</summary>",
                "<div class=\"copyable\"><button type=\"button\" class=\"copy\" hidden>Copy</button>",
                "<pre><code>{}</code></pre></div></details>",
            ),
            escape(&super::response_text(&response).replace("\r\n", "\n"))
        );
    }
    out.push_str("</article>\n");
}

const STYLE: &str = r##":root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --accent: #0969da; --target: #fff8c5; --code: #eff2f5; --dagger: #9a6700;
  --yes: #1a7f37; --no: #59636e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --accent: #4493f8; --target: #3a2d00; --code: #212830; --dagger: #d29922;
    --yes: #3fb950; --no: #9198a1;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main { padding: 0 1.5rem; max-width: 64rem; margin: 0 auto; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 1.2rem 0 .4rem; }
header p { margin: 0 0 .6rem; color: var(--muted); }
.toc { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; margin: 0 0 1rem; list-style: none; }
a { color: var(--accent); }
.muted { color: var(--muted); font-weight: 400; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
code { font-size: .88em; background: var(--code); padding: .05em .3em; border-radius: 4px; overflow-wrap: anywhere; }
code.ph { color: var(--accent); white-space: nowrap; overflow-wrap: normal; }
pre { margin: 0; padding: .6rem .75rem; background: var(--code); border-radius: 6px; font-size: .82rem;
  white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; font-size: inherit; }
.controls { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: flex-end;
  gap: .5rem 1rem; padding: .7rem max(1.5rem, calc((100% - 61rem) / 2)); background: var(--panel);
  border-block: 1px solid var(--line); }
.controls[hidden] { display: none; }
.controls label { display: flex; flex-direction: column; gap: .15rem; font-size: .8rem; color: var(--muted);
  min-width: 0; }
.controls label.search { flex: 1 1 16rem; }
.controls input, .controls select, .controls button { font: inherit; font-size: .95rem; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .3rem .5rem; max-width: 100%; }
.controls button { cursor: pointer; }
#count { font-weight: 600; padding-bottom: .3rem; }
section.api { margin: 1.5rem 0 2.5rem; }
section.api > h2 { font-size: 1.35rem; margin: 0 0 .6rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line);
  scroll-margin-top: 7rem; }
.api-name { font-size: .7em; vertical-align: middle; }
.shown { font-size: .8rem; white-space: nowrap; }
.api-about { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .2rem 1rem .8rem;
  margin-bottom: 1rem; }
.api-about h3 { font-size: 1rem; margin: .9rem 0 .3rem; }
.api-about p { margin: .3rem 0; }
.api-about .source { color: var(--muted); font-size: .88rem; }
.members { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: .4rem 0; }
.members dd { margin: 0; min-width: 0; }
table.ranges { border-collapse: collapse; margin: .5rem 0; }
.ranges th, .ranges td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
article.entry { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem .7rem; margin: 0 0 .75rem;
  scroll-margin-top: 7rem; }
article.entry:target { background: var(--target); box-shadow: inset 4px 0 0 var(--accent); }
.entry .head { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; }
.entry h3 { font-size: 1.05rem; margin: 0; display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: baseline; }
.entry h3 code { font-size: .95em; }
.entry .name { background: none; color: var(--muted); }
.permalink { text-decoration: none; }
.permalink:hover code, .permalink:focus code { text-decoration: underline; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem; padding: 0; margin: 0; list-style: none; font-size: .8rem; }
.facts li { border: 1px solid var(--line); border-radius: 999px; padding: 0 .55rem; white-space: nowrap; }
.facts .retry.yes { color: var(--yes); border-color: var(--yes); }
.facts .retry.no { color: var(--no); }
.message { font-weight: 600; margin: .3rem 0; }
.description, .resolution { margin: .3rem 0; }
.meta { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
.dagger { color: var(--dagger); font-weight: 700; }
.retired { font-size: .8rem; font-weight: 400; color: var(--dagger); }
details { margin-top: .4rem; }
details summary { cursor: pointer; font-size: .88rem; color: var(--accent); }
.erratum p { margin: .3rem 0 0; }
.errata ul { margin: .3rem 0; padding-left: 1.2rem; }
.copyable { position: relative; margin-top: .3rem; }
.copy { position: absolute; top: .35rem; right: .35rem; font: inherit; font-size: .75rem; cursor: pointer;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .1rem .5rem; }
.copyable pre { padding-right: 4.5rem; }
.empty { text-align: center; color: var(--muted); padding: 2rem; }
@media (max-width: 560px) {
  header, main { padding: 0 .75rem; }
  .controls { position: static; padding: .5rem .75rem; }
  article.entry, section.api > h2 { scroll-margin-top: .5rem; }
  article.entry { padding: .5rem .7rem .6rem; }
  .api-about { padding: .1rem .7rem .6rem; }
  .members { grid-template-columns: 1fr; }
  .members dd { margin-bottom: .3rem; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #000; --line: #999; --panel: #fff; --accent: #000;
    --target: #fff; --code: #fff; --dagger: #000; --yes: #000; --no: #000; color-scheme: light; }
  body { font-size: 9pt; }
  header, main { max-width: none; padding: 0; }
  .controls, .controls[hidden], .empty, .copy, nav { display: none !important; }
  section.api[hidden], article.entry[hidden] { display: block !important; }
  article.entry { break-inside: avoid; box-shadow: none !important; }
  section.api { break-before: page; }
  a { text-decoration: none; }
  code { padding: 0; }
}
"##;

/// Filtering: the search box, the selects and the query string all go
/// through `update`, so typing, choosing and loading `?q=…` behave the same.
const SCRIPT: &str = r##""use strict";
(function () {
  const form = document.getElementById("controls");
  const search = document.getElementById("q");
  const selects = { api: document.getElementById("api"), kind: document.getElementById("kind"),
    status: document.getElementById("status") };
  const controls = Object.assign({ q: search }, selects);
  const count = document.getElementById("count");
  const empty = document.getElementById("empty");
  const entries = Array.from(document.querySelectorAll("article.entry"));
  const sections = Array.from(document.querySelectorAll("section.api"));
  const haystacks = entries.map((entry) => (entry.dataset.search || "").toLowerCase());
  const plural = (n) => (n === 1 ? "1 error" : `${n} errors`);

  function filter() {
    const needle = search.value.trim().toLowerCase();
    let shown = 0;
    entries.forEach((entry, index) => {
      const match = (needle === "" || haystacks[index].includes(needle)) &&
        Object.keys(selects).every((name) => selects[name].value === "" || entry.dataset[name] === selects[name].value);
      entry.hidden = !match;
      if (match) shown += 1;
    });
    for (const section of sections) {
      const label = section.querySelector(".shown");
      const total = Number(label.dataset.total);
      const visible = section.querySelectorAll("article.entry:not([hidden])").length;
      section.hidden = visible === 0;
      label.textContent = visible === total ? plural(total) : `${visible} of ${plural(total)}`;
    }
    count.textContent = shown === entries.length ? `All ${entries.length} errors` : `${shown} of ${entries.length} errors`;
    empty.hidden = shown !== 0;
  }

  function readQuery() {
    const params = new URLSearchParams(window.location.search);
    for (const [name, control] of Object.entries(controls)) {
      const value = params.get(name);
      if (value === null) continue;
      // A select keeps "All" for a value it has no option for.
      const options = control.tagName === "SELECT" ? Array.from(control.options, (option) => option.value) : [value];
      if (options.includes(value)) control.value = value;
    }
  }

  function writeQuery() {
    const params = new URLSearchParams();
    for (const [name, control] of Object.entries(controls)) {
      if (control.value !== "") params.set(name, control.value);
    }
    const query = params.toString();
    try {
      window.history.replaceState(null, "", (query ? "?" + query : window.location.pathname) + window.location.hash);
    } catch (error) {
      // Some browsers refuse to rewrite file: URLs; filtering still works.
    }
  }

  function update() {
    filter();
    writeQuery();
  }

  // A permalink shows its entry even where the filters hid it, and opens its example.
  function revealTarget() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target || !target.matches("article.entry, section.api")) return;
    if (target.hidden || (target.closest("section.api") || target).hidden) {
      for (const control of Object.values(controls)) control.value = "";
      update();
    }
    const example = target.querySelector("details.example");
    if (example) example.open = true;
    target.scrollIntoView();
  }

  async function copy(button) {
    const text = button.parentElement.querySelector("pre").textContent;
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch (error) {
      // No clipboard permission (an insecure context, say): copy a selection instead.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      done = document.execCommand("copy");
      area.remove();
    }
    button.textContent = done ? "Copied" : "Copy failed";
    button.dataset.copied = done ? "true" : "false";
    window.setTimeout(() => { button.textContent = "Copy"; delete button.dataset.copied; }, 2000);
  }

  // Open every closed <details> while printing, close them again afterwards.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = Array.from(document.querySelectorAll("details:not([open])"));
    closed.forEach((details) => { details.open = true; });
  });
  window.addEventListener("afterprint", () => {
    closed.forEach((details) => { details.open = false; });
    closed = [];
  });

  for (const button of document.querySelectorAll("button.copy")) {
    button.hidden = false;
    button.addEventListener("click", () => copy(button));
  }
  search.addEventListener("input", update);
  Object.values(selects).forEach((select) => select.addEventListener("change", update));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => window.setTimeout(update));
  window.addEventListener("hashchange", revealTarget);
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== search && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      search.focus();
    }
  });

  readQuery();
  filter();
  form.hidden = false;
  revealTarget();
  document.documentElement.dataset.ready = "true";
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_the_five_special_characters() {
        assert_eq!(escape(r#"a & b < c > d " e ' f"#).to_string(), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
        assert_eq!(escape("<reason>").to_string(), "&lt;reason&gt;");
        assert_eq!(escape("</script>").to_string(), "&lt;/script&gt;");
        assert_eq!(escape("&amp;").to_string(), "&amp;amp;", "already escaped text is escaped again");
    }

    #[test]
    fn escape_keeps_other_text() {
        assert_eq!(escape(r"^\+[0-9]{1,15}$").to_string(), r"^\+[0-9]{1,15}$");
        assert_eq!(escape("").to_string(), "");
        assert_eq!(escape("Disabled connection — “é” †").to_string(), "Disabled connection — “é” †");
    }

    #[test]
    fn templates_show_placeholders_as_code() {
        assert_eq!(
            Templated("Bad {{authenticator_id}} <x>").to_string(),
            r#"Bad <code class="ph">{{authenticator_id}}</code> &lt;x&gt;"#
        );
        assert_eq!(Templated(r"^\+[0-9]{1,15}$").to_string(), r"^\+[0-9]{1,15}$");
        assert_eq!(Templated("broken {{ <b>").to_string(), "broken {{ &lt;b&gt;");
    }

    #[test]
    fn ids_are_sanitised_and_unique() {
        assert_eq!(sanitize("app_native-ABA-60004"), "app_native-ABA-60004");
        assert_eq!(sanitize("a b<c>\"d'é"), "a_b_c__d__");
        let ids: Vec<String> = crate::entries().map(entry_id).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        let code = crate::auth0::Code::MissingDevice;
        assert_eq!(entry_id(crate::ErrorCode::entry(code)), "auth0-invalid_request-MissingDevice");
    }
}
