//! The Markdown error reference: one section per API, with tables in the
//! shape of each API's own documentation.

use std::fmt::Write as _;

use crate::catalog::Layout;
use crate::{Api, Catalog, Entry, MemberValue};

/// A table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// `ABA-60004 †` when the entry has an erratum.
fn code_cell(entry: &Entry) -> String {
    let marker = if entry.erratum().is_some() { " †" } else { "" };
    let retired = entry.retired().map(|retired| format!(" (retired {})", cell(retired))).unwrap_or_default();
    match entry.name() {
        Some(name) => format!("`{}` `{name}`{marker}{retired}", entry.code()),
        None => format!("`{}`{marker}{retired}", entry.code()),
    }
}

/// The Markdown reference for `apis` (every API when empty).
///
/// ```
/// use auth_error_catalog::{Api, docs};
///
/// let text = docs::markdown(&[Api::AppNative]);
/// assert!(text.contains("| Error Code | HTTP status code | Error message | Possible cause |"));
/// assert!(text.contains("| `ABA-60001` | 400 | Invalid authentication request. |"));
/// ```
pub fn markdown(apis: &[Api]) -> String {
    let mut out = String::from(
        "# Authentication error reference\n\nGenerated from the catalog embedded in auth-error-catalog. Kinds and retryability are the catalog's; † marks an entry whose source document was wrong (see its erratum).\n",
    );
    for catalog in super::selected(apis) {
        let _ = write!(out, "\n## {} (`{}`)\n\n", catalog.title(), catalog.api());
        if let Some(status) = catalog.wire_status() {
            let _ = writeln!(
                out,
                "The API itself answers every error with HTTP {status}; the HTTP column is the status a service maps the code to.\n"
            );
        }
        match catalog.layout {
            Layout::Table => table(&mut out, catalog),
            Layout::Endpoints => by_endpoint(&mut out, catalog),
            Layout::Sections => by_section(&mut out, catalog),
            Layout::Ranges => by_range(&mut out, catalog),
        }
        registered_errors(&mut out, catalog);
        errata(&mut out, catalog);
    }
    out
}

/// The registry's codes that have no entry, with their standard kinds.
fn registered_errors(out: &mut String, catalog: &Catalog) {
    if catalog.registered_errors().is_empty() {
        return;
    }
    out.push_str(concat!(
        "\n### Registered codes\n\n",
        "A body whose code has no entry above but is one of these gets the registry's kind and retryability, ",
        "not a guess from its HTTP status.\n\n",
        "| Code | Used at | kind | retryable | Source |\n|---|---|---|---|---|\n",
    ));
    for registered in catalog.registered_errors() {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            registered.code(),
            cell(registered.usage()),
            registered.kind(),
            super::yes_no(registered.retryable()),
            cell(registered.source())
        );
    }
}

/// The seed's own shape: Error Code | HTTP status code | Error message | Possible cause.
fn table(out: &mut String, catalog: &Catalog) {
    out.push_str("| Error Code | HTTP status code | Error message | Possible cause | kind | retryable |\n|---|---|---|---|---|---|\n");
    for entry in catalog.entries() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            code_cell(entry),
            entry.http_status().as_u16(),
            cell(entry.message()),
            cell(entry.description()),
            entry.kind(),
            super::yes_no(entry.retryable())
        );
    }
}

/// Grouped by endpoint, grant type and status, as Auth0 documents them.
fn by_endpoint(out: &mut String, catalog: &Catalog) {
    if !catalog.generic_statuses().is_empty() {
        out.push_str("| HTTP status | Description |\n|---|---|\n");
        for status in catalog.generic_statuses() {
            let _ = writeln!(out, "| {} | {} |", status.as_u16(), status.canonical_reason().unwrap_or(""));
        }
    }
    let mut group: Option<(&str, Option<&str>, u16)> = None;
    for entry in catalog.entries() {
        // Entries of no endpoint (generic meanings, rate limits) group by section.
        let key = (entry.endpoint().unwrap_or(entry.section()), entry.grant_type(), entry.http_status().as_u16());
        if group.map(|(heading, _, _)| heading) != Some(key.0) {
            let _ = write!(out, "\n### {}\n", key.0);
        }
        if group.map(|(endpoint, grant, _)| (endpoint, grant)) != Some((key.0, key.1)) {
            if let Some(grant) = entry.grant_type() {
                let _ = write!(out, "\n**Grant type: {grant}**\n");
            }
        }
        if group != Some(key) {
            let _ = write!(
                out,
                "\n*HTTP {}*\n\n| JSON | Description | kind | retryable | Source |\n|---|---|---|---|---|\n",
                key.2
            );
        }
        group = Some(key);
        // JSON-escaped: the seed's own table had an unescaped `"."` here.
        let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
        let body = format!(
            "{{{}:{},{}:{}}}",
            quoted(member_named(catalog, MemberValue::Code)),
            quoted(entry.code()),
            quoted(member_named(catalog, MemberValue::Description)),
            quoted(entry.description())
        );
        let marker = if entry.erratum().is_some() { " †" } else { "" };
        let generic = if entry.is_generic() { " (generic)" } else { "" };
        let _ = writeln!(
            out,
            "| `{}`{marker}{generic} | {} | {} | {} | {} |",
            cell(&body).replace('`', "'"),
            cell(entry.message()),
            entry.kind(),
            super::yes_no(entry.retryable()),
            cell(super::provenance(entry))
        );
    }
}

/// The name of the body member holding `value` (Auth0's `error` for the code).
fn member_named(catalog: &Catalog, value: MemberValue) -> &'static str {
    catalog.members().iter().find(|member| member.value() == value).map_or("", |member| member.name())
}

/// Grouped by section, with resolutions.
fn by_section(out: &mut String, catalog: &Catalog) {
    let mut section = None;
    for entry in catalog.entries() {
        if section != Some(entry.section()) {
            section = Some(entry.section());
            let _ = write!(
                out,
                "\n### {}\n\n| Code | HTTP | Description | Resolution | kind | retryable |\n|---|---|---|---|---|---|\n",
                entry.section()
            );
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            code_cell(entry),
            entry.http_status().as_u16(),
            cell(entry.message()),
            cell(entry.resolution().unwrap_or("")),
            entry.kind(),
            super::yes_no(entry.retryable())
        );
    }
}

/// Code ranges with their catch-alls, then every code with its parent.
fn by_range(out: &mut String, catalog: &Catalog) {
    out.push_str("| Range | Catch-all | Meaning |\n|---|---|---|\n");
    for range in catalog.ranges() {
        let catch_all = range.catch_all().map_or_else(|| "–".to_owned(), |code| code.to_string());
        let marker = if range.erratum().is_some() { " †" } else { "" };
        let _ = writeln!(out, "| {}–{}{marker} | {catch_all} | {} |", range.start(), range.end(), cell(range.title()));
    }
    out.push_str("\nA code that is a multiple of 10 or 100 is a catch-all for the codes below it.\n\n| Code | Error | HTTP | Catch-all | Description | kind | retryable |\n|---|---|---|---|---|---|---|\n");
    for entry in catalog.entries() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            code_cell(entry),
            entry.name().unwrap_or(""),
            entry.http_status().as_u16(),
            entry.parent().map_or("–", |parent| parent.code()),
            cell(entry.description()),
            entry.kind(),
            super::yes_no(entry.retryable())
        );
    }
}

fn errata(out: &mut String, catalog: &Catalog) {
    out.push_str("\n### Errata\n\n");
    if let Some(erratum) = catalog.erratum() {
        let _ = writeln!(out, "- **{}:** {}", catalog.api(), cell(erratum));
    }
    for range in catalog.ranges() {
        if let Some(erratum) = range.erratum() {
            let _ = writeln!(out, "- **{}–{}:** {}", range.start(), range.end(), cell(erratum));
        }
    }
    for entry in catalog.entries() {
        if let Some(erratum) = entry.erratum() {
            let _ = writeln!(out, "- **`{}`** ({}): {}", entry.code(), entry.variant(), cell(erratum));
        }
    }
}
