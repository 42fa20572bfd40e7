//! The HTML error reference: one self-contained page (inline style and
//! script, no external assets) with a searchable, filterable table of every
//! entry and a permalink per code.
//!
//! The page works without its script (every row is shown, the controls are
//! hidden). With it, the search box, the three filters and the query string
//! (`?q=token&api=authos&kind=token_expired&status=401`) narrow the rows; the
//! controls write their state back to the query string, so a filtered view is
//! a shareable link.

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

/// The row id and permalink of an entry: `app_native-ABA-60004`. Where other
/// entries of the API share the code (Auth0's `invalid_request`), the variant
/// tells them apart: `auth0-invalid_request-MissingDevice`.
fn row_id(entry: &Entry) -> String {
    let catalog = entry.api().catalog();
    let shared = catalog.entries().iter().filter(|other| other.code() == entry.code()).count() > 1;
    if shared {
        sanitize(&format!("{}-{}-{}", entry.api(), entry.code(), entry.variant()))
    } else {
        sanitize(&format!("{}-{}", entry.api(), entry.code()))
    }
}

/// The HTML reference for `apis` (every API when empty): one self-contained
/// HTML5 page with a searchable, filterable table of every entry.
///
/// Each row has a stable id, `{api}-{code}` (with the variant appended where
/// codes repeat, as in Auth0), and its code links to it, so
/// `reference.html#app_native-ABA-60004` highlights that row. The query
/// parameters `q`, `api`, `kind` and `status` set the initial search and
/// filters. All catalog text is HTML-escaped.
///
/// ```
/// use auth_error_catalog::{Api, docs};
///
/// let page = docs::html(&[Api::AppNative, Api::Auth0]);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r##"<tr id="app_native-ABA-60004""##));
/// assert!(page.contains(r##"href="#app_native-ABA-60004""##));
/// // Catalog text is escaped: Auth0's erratum mentions `<ANGLE_BRACKET>` stand-ins.
/// assert!(page.contains("&lt;ANGLE_BRACKET&gt;") && !page.contains("<ANGLE_BRACKET>"));
/// // Placeholders are shown as code; a regex's single braces stay text.
/// assert!(page.contains(r#"<code class="ph">{{reason}}</code>"#));
/// assert!(page.contains(r"^\+[0-9]{1,15}$"));
/// assert!(!page.contains("registration-210"), "only the APIs asked for");
/// ```
pub fn html(apis: &[Api]) -> String {
    let catalogs: Vec<&Catalog> = super::selected(apis).collect();
    let mut out = String::with_capacity(64 * 1024);
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
    table(&mut out, &catalogs);
    notes(&mut out, &catalogs);
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, catalogs: &[&Catalog]) {
    out.push_str("<header>\n<h1>Authentication error reference</h1>\n<p>Every error code of ");
    for (index, catalog) in catalogs.iter().enumerate() {
        let separator = match index {
            0 => "",
            _ if index + 1 == catalogs.len() => " and ",
            _ => ", ",
        };
        let api = catalog.api();
        let _ = write!(out, "{separator}<a href=\"#api-{api}\">{}</a>", escape(catalog.title()));
    }
    out.push_str(
        ", generated from the catalog embedded in auth-error-catalog. Kinds and retryability are the \
         catalog&#39;s; <span class=\"dagger\">†</span> marks an entry whose source document was wrong \
         (see its erratum). Each code links to its own row.</p>\n</header>\n",
    );
}

fn controls(out: &mut String, catalogs: &[&Catalog]) {
    let entries = || catalogs.iter().flat_map(|catalog| catalog.entries());
    // Hidden until the script has wired the controls up.
    out.push_str(concat!(
        "<form id=\"controls\" class=\"controls\" role=\"search\" hidden>\n",
        "<label>Search code, message or description",
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

fn table(out: &mut String, catalogs: &[&Catalog]) {
    out.push_str(concat!(
        "<main>\n<table id=\"errors\">\n<thead>\n<tr><th scope=\"col\">API</th><th scope=\"col\">Code</th>",
        "<th scope=\"col\">HTTP</th><th scope=\"col\">Kind</th><th scope=\"col\">Retryable</th>",
        "<th scope=\"col\">Message</th><th scope=\"col\">Description</th><th scope=\"col\">Resolution</th>",
        "<th scope=\"col\">Notes</th></tr>\n</thead>\n<tbody>\n",
    ));
    for catalog in catalogs {
        for entry in catalog.entries() {
            row(out, catalog, entry);
        }
    }
    out.push_str(concat!(
        "</tbody>\n</table>\n",
        "<p id=\"empty\" class=\"empty\" hidden>No error matches the search and filters.</p>\n</main>\n",
    ));
}

fn row(out: &mut String, catalog: &Catalog, entry: &Entry) {
    let id = row_id(entry);
    let api = entry.api();
    let status = entry.http_status().as_u16();
    let kind = entry.kind();
    let search = [Some(entry.code()), entry.name(), Some(entry.message()), Some(entry.description())];
    let search: Vec<&str> = search.into_iter().flatten().collect();
    let _ = writeln!(
        out,
        "<tr id=\"{id}\" data-api=\"{api}\" data-kind=\"{kind}\" data-status=\"{status}\" data-search=\"{}\">",
        escape(&search.join(" "))
    );
    let _ = writeln!(out, "<td><a href=\"#api-{api}\">{api}</a></td>");
    let _ = write!(
        out,
        "<td class=\"code\"><a class=\"permalink\" href=\"#{id}\" title=\"Link to this error\"><code>{}</code></a>",
        escape(entry.code())
    );
    if let Some(name) = entry.name() {
        let _ = write!(out, "<br><code>{}</code>", escape(name));
    }
    if entry.erratum().is_some() {
        out.push_str(" <span class=\"dagger\" title=\"The source document was wrong; see the erratum\">†</span>");
    }
    let _ = write!(
        out,
        "</td>\n<td class=\"num\">{status}</td>\n<td class=\"kind\">{kind}</td>\n<td>{}</td>\n<td>{}</td>\n",
        super::yes_no(entry.retryable()),
        Templated(entry.message()),
    );
    if entry.description() == entry.message() {
        out.push_str("<td class=\"same\">same as the message</td>\n");
    } else {
        let _ = writeln!(out, "<td>{}</td>", Templated(entry.description()));
    }
    let _ = write!(out, "<td>{}</td>\n<td class=\"notes\">", Templated(entry.resolution().unwrap_or("")));
    // Registration's sections are range names; show the range's title.
    let section = match catalog.ranges().iter().find(|range| range.name() == entry.section()) {
        Some(range) => range.title(),
        None => entry.section(),
    };
    let _ = write!(out, "<span class=\"section\">{}</span>", escape(section));
    if entry.is_generic() {
        out.push_str("<br><span class=\"generic\" title=\"A body of this code whose description identifies no other entry is classified here\">Generic entry of its code</span>");
    }
    let _ = write!(out, "<br><span class=\"source\">Source: {}</span>", escape(super::provenance(entry)));
    if let Some(parent) = entry.parent() {
        let _ =
            write!(out, "<br>Catch-all: <a href=\"#{}\"><code>{}</code></a>", row_id(parent), escape(parent.code()));
    }
    if let Some(erratum) = entry.erratum() {
        let _ = write!(
            out,
            concat!(
                "<details class=\"erratum\"><summary><span class=\"dagger\">†</span> Erratum</summary>",
                "<p>{}</p></details>",
            ),
            escape(erratum)
        );
    }
    out.push_str("</td>\n</tr>\n");
}

/// What each API's section of the reference says beyond its rows: source,
/// wire status, generic statuses, code ranges and errata.
fn notes(out: &mut String, catalogs: &[&Catalog]) {
    out.push_str("<section class=\"apis\">\n<h2>The APIs</h2>\n");
    for catalog in catalogs {
        let api = catalog.api();
        let _ = write!(out, "<section id=\"api-{api}\">\n<h3>{} (<code>{api}</code>)</h3>\n", escape(catalog.title()));
        let _ = writeln!(out, "<p>Source: {}</p>", escape(catalog.source()));
        if let Some(prefix) = catalog.code_prefix() {
            let _ = writeln!(out, "<p>Lookups may leave out the code prefix <code>{}</code>.</p>", escape(prefix));
        }
        if let Some(status) = catalog.wire_status() {
            let _ = writeln!(
                out,
                concat!(
                    "<p>The API itself answers every error with HTTP {}; ",
                    "the HTTP column is the status a service maps the code to.</p>",
                ),
                status.as_u16()
            );
        }
        if !catalog.generic_statuses().is_empty() {
            let statuses: Vec<String> = catalog
                .generic_statuses()
                .iter()
                .map(|status| format!("{} {}", status.as_u16(), escape(status.canonical_reason().unwrap_or(""))))
                .collect();
            let _ = writeln!(out, "<p>HTTP statuses documented without an error code: {}.</p>", statuses.join("; "));
        }
        if !catalog.ranges().is_empty() {
            out.push_str(concat!(
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
                match catch_all.as_deref().and_then(|code| catalog.entries().iter().find(|entry| entry.code() == code))
                {
                    Some(entry) => {
                        let _ = write!(out, "<a href=\"#{}\"><code>{}</code></a>", row_id(entry), escape(entry.code()));
                    }
                    None => out.push_str(catch_all.as_deref().unwrap_or("–")),
                }
                let _ = writeln!(out, "</td><td>{}</td></tr>", escape(range.title()));
            }
            out.push_str("</tbody>\n</table>\n");
        }
        let errata: Vec<(String, &str)> = catalog
            .erratum()
            .map(|erratum| ("The API".to_owned(), erratum))
            .into_iter()
            .chain(catalog.ranges().iter().filter_map(|range| {
                range.erratum().map(|erratum| (format!("Range {}–{}", range.start(), range.end()), erratum))
            }))
            .collect();
        if !errata.is_empty() {
            out.push_str("<h4>Errata</h4>\n<ul class=\"errata\">\n");
            for (what, erratum) in errata {
                let _ = writeln!(out, "<li><strong>{what}:</strong> {}</li>", escape(erratum));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

const STYLE: &str = r##":root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --accent: #0969da; --target: #fff8c5; --code: #eff2f5; --dagger: #9a6700;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --accent: #4493f8; --target: #3a2d00; --code: #212830; --dagger: #d29922;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, .apis { padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 1.2rem 0 .4rem; }
header p { margin: 0 0 1rem; color: var(--muted); max-width: 60rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: .88em; background: var(--code); padding: .05em .3em; border-radius: 4px; overflow-wrap: anywhere; }
.controls { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: flex-end;
  gap: .5rem 1rem; padding: .7rem 1.5rem; background: var(--panel); border-block: 1px solid var(--line); }
.controls[hidden] { display: none; }
.controls label { display: flex; flex-direction: column; gap: .15rem; font-size: .8rem; color: var(--muted); }
.controls input, .controls select, .controls button { font: inherit; font-size: .95rem; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .3rem .5rem; }
.controls input { width: 24rem; max-width: 80vw; }
.controls button { cursor: pointer; }
#count { margin-left: auto; font-weight: 600; padding-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; }
#errors { margin: .5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .55rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-size: .85rem; white-space: nowrap; }
tbody tr { scroll-margin-top: 6rem; }
tbody tr:hover { background: var(--panel); }
tbody tr:target { background: var(--target); box-shadow: inset 4px 0 0 var(--accent); }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code code { overflow-wrap: normal; white-space: nowrap; }
td.kind { white-space: nowrap; }
td.notes { font-size: .88rem; color: var(--muted); min-width: 12rem; }
td.same { font-size: .88rem; color: var(--muted); font-style: italic; }
.permalink { text-decoration: none; }
.permalink:hover code, .permalink:focus code { text-decoration: underline; }
code.ph { color: var(--accent); }
.dagger { color: var(--dagger); font-weight: 700; }
.erratum summary { cursor: pointer; }
.erratum p { margin: .3rem 0 0; color: var(--fg); }
.empty { text-align: center; color: var(--muted); padding: 2rem; }
.apis { padding-bottom: 2rem; }
.apis section { max-width: 70rem; }
.ranges { width: auto; margin: .5rem 0; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #000; --line: #999; --panel: #fff; --accent: #000;
    --target: #fff; --code: #fff; --dagger: #000; color-scheme: light; }
  body { font-size: 9pt; }
  .controls, .controls[hidden], .empty { display: none !important; }
  #errors tbody tr[hidden] { display: table-row !important; }
  tbody tr:target { box-shadow: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { text-decoration: none; }
  code { padding: 0; }
  header, main, .apis { padding: 0; }
}
"##;

/// Filtering: the search box, the selects and the query string all go through
/// `update`, so typing, choosing and loading `?q=…` behave the same.
const SCRIPT: &str = r##""use strict";
(function () {
  const form = document.getElementById("controls");
  const search = document.getElementById("q");
  const selects = { api: document.getElementById("api"), kind: document.getElementById("kind"),
    status: document.getElementById("status") };
  const controls = Object.assign({ q: search }, selects);
  const count = document.getElementById("count");
  const empty = document.getElementById("empty");
  const rows = Array.from(document.querySelectorAll("#errors tbody tr"));
  const haystacks = rows.map((row) => (row.dataset.search || "").toLowerCase());

  function filter() {
    const needle = search.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((row, index) => {
      const match = (needle === "" || haystacks[index].includes(needle)) &&
        Object.keys(selects).every((name) => selects[name].value === "" || row.dataset[name] === selects[name].value);
      row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = shown === rows.length ? `All ${rows.length} errors` : `${shown} of ${rows.length} errors`;
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

  function revealTarget() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const row = id && document.getElementById(id);
    if (row && row.hidden) {
      form.reset();
      for (const control of Object.values(controls)) control.value = "";
      update();
    }
  }

  // Open every erratum while printing, close them again afterwards.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = Array.from(document.querySelectorAll("details:not([open])"));
    closed.forEach((details) => { details.open = true; });
  });
  window.addEventListener("afterprint", () => {
    closed.forEach((details) => { details.open = false; });
    closed = [];
  });

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
        let ids: Vec<String> = crate::entries().map(row_id).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        let code = crate::auth0::Code::MissingDevice;
        assert_eq!(row_id(crate::ErrorCode::entry(code)), "auth0-invalid_request-MissingDevice");
    }
}
