//! Prints the whole embedded catalog as Markdown: one table per API, then
//! the errata found in the source documents.
//!
//! Run: `cargo run --example catalog`

use std::io::{self, Write};

use auth_error_catalog::catalogs;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn main() -> io::Result<()> {
    match print_catalog() {
        // `| head` closing the pipe early is not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}

fn print_catalog() -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(out, "# Authentication error catalog\n")?;
    for catalog in catalogs() {
        writeln!(out, "## {} (`{}`)\n", catalog.title(), catalog.api())?;
        if let Some(status) = catalog.wire_status() {
            writeln!(
                out,
                "The API answers every error with HTTP {status}; the status column is the one a service maps the code to.\n"
            )?;
        }
        if !catalog.ranges().is_empty() {
            writeln!(out, "| range | catch-all | meaning |\n|---|---|---|")?;
            for range in catalog.ranges() {
                let catch_all = range.catch_all().map_or_else(|| "–".to_owned(), |code| code.to_string());
                writeln!(out, "| {}–{} | {catch_all} | {} |", range.start(), range.end(), cell(range.title()))?;
            }
            writeln!(out)?;
        }
        writeln!(
            out,
            "| code | HTTP | kind | retryable | section | message | description |\n|---|---|---|---|---|---|---|"
        )?;
        for entry in catalog.entries() {
            let code = match entry.name() {
                Some(name) => format!("`{}` `{name}`", entry.code()),
                None => format!("`{}`", entry.code()),
            };
            let marker = if entry.erratum().is_some() { " †" } else { "" };
            writeln!(
                out,
                "| {code}{marker} | {} | {} | {} | {} | {} | {} |",
                entry.http_status().as_u16(),
                entry.kind(),
                if entry.retryable() { "yes" } else { "no" },
                cell(entry.section()),
                cell(entry.message()),
                cell(entry.description()),
            )?;
        }
        writeln!(out, "\n### Errata (†)\n")?;
        if let Some(erratum) = catalog.erratum() {
            writeln!(out, "- **{}:** {}", catalog.api(), cell(erratum))?;
        }
        for range in catalog.ranges().iter().filter(|range| range.erratum().is_some()) {
            writeln!(out, "- **{}–{}:** {}", range.start(), range.end(), cell(range.erratum().unwrap_or_default()))?;
        }
        for entry in catalog.entries() {
            if let Some(erratum) = entry.erratum() {
                writeln!(out, "- **`{}`** ({}): {}", entry.code(), entry.variant(), cell(erratum))?;
            }
        }
        writeln!(out)?;
    }
    out.flush()
}
