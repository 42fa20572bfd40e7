//! `autherr lookup`: find a code in any API, whatever form it was typed in.

use std::process::ExitCode;

use auth_error_catalog::{Api, Entry};

use crate::Failure;

/// Every entry `text` names, in API order: by wire code (with or without a
/// prefix), by name, by variant, in any letter case. An Auth0 `error` string
/// names all of its entries, and a Registration name all codes that share it.
pub fn find(text: &str, api: Option<Api>) -> Vec<&'static Entry> {
    let mut found: Vec<&'static Entry> = Vec::new();
    let forms = [text.to_owned(), text.to_uppercase(), text.to_lowercase()];
    for catalog in Api::ALL.into_iter().filter(|each| api.is_none_or(|only| only == *each)).map(Api::catalog) {
        for entry in catalog.entries() {
            let by_code = forms.iter().any(|form| {
                catalog.find(form).is_some_and(|hit| {
                    hit.code() == entry.code() || hit.name().is_some_and(|name| entry.name() == Some(name))
                })
            });
            let by_variant = entry.variant().eq_ignore_ascii_case(text);
            if (by_code || by_variant) && !found.iter().any(|seen| std::ptr::eq(*seen, entry)) {
                found.push(entry);
            }
        }
    }
    found
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}

/// The closest codes, names and variants to `text`.
pub fn suggestions(text: &str, api: Option<Api>) -> Vec<String> {
    let typed = text.to_lowercase();
    let limit = (typed.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = Vec::new();
    for catalog in Api::ALL.into_iter().filter(|each| api.is_none_or(|only| only == *each)).map(Api::catalog) {
        for entry in catalog.entries() {
            // The closest of the entry's forms stands for it; shown as its code.
            let best = [Some(entry.code()), entry.name(), Some(entry.variant())]
                .into_iter()
                .flatten()
                .map(|candidate| distance(&typed, &candidate.to_lowercase()))
                .min()
                .unwrap_or(usize::MAX);
            let shown = format!("{} ({})", entry.code(), catalog.api());
            if best <= limit && !scored.iter().any(|(_, seen)| *seen == shown) {
                scored.push((best, shown));
            }
        }
    }
    scored.sort();
    scored.into_iter().take(5).map(|(_, shown)| shown).collect()
}

/// One entry as a readable card.
pub fn card(entry: &Entry) -> String {
    let status = entry.http_status();
    let mut lines = vec![
        format!("{} {} ({})", entry.api(), entry.code(), entry.variant()),
        format!("  HTTP status  {} {}", status.as_u16(), status.canonical_reason().unwrap_or("")),
    ];
    if let Some(wire) = entry.api().catalog().wire_status() {
        lines.push(format!("  sent with    HTTP {} by the API itself", wire.as_u16()));
    }
    if let Some(name) = entry.name() {
        lines.push(format!("  name         {name}"));
    }
    lines.push(format!("  kind         {}", entry.kind()));
    lines.push(format!("  retryable    {}", crate::yes_no(entry.retryable())));
    lines.push(format!("  section      {}", entry.section()));
    lines.push(format!("  message      {}", entry.message()));
    lines.push(format!("  description  {}", entry.description()));
    let optional = [
        ("resolution", entry.resolution()),
        ("endpoint", entry.endpoint()),
        ("grant type", entry.grant_type()),
        ("catch-all", entry.parent().map(Entry::code)),
        ("erratum", entry.erratum()),
        ("retired", entry.retired()),
    ];
    for (label, value) in optional {
        if let Some(value) = value {
            lines.push(format!("  {label:<12} {value}"));
        }
    }
    lines.join("\n")
}

/// What to tell someone whose `text` names no entry (of `api`, where one is
/// given): the APIs that do have the code, else the closest codes.
pub fn not_found_hint(text: &str, api: Option<Api>) -> Option<String> {
    if api.is_some() {
        let mut elsewhere: Vec<String> = find(text, None).iter().map(|entry| entry.api().to_string()).collect();
        elsewhere.dedup();
        if !elsewhere.is_empty() {
            return Some(format!("it is a code of {}", elsewhere.join(" and ")));
        }
    }
    let suggestions = suggestions(text, api);
    (!suggestions.is_empty()).then(|| format!("did you mean: {}?", suggestions.join(", ")))
}

pub fn run(text: &str, api: Option<Api>) -> Result<ExitCode, Failure> {
    let found = find(text, api);
    if found.is_empty() {
        let place = api.map_or_else(|| "the catalog".to_owned(), |api| api.to_string());
        let hint = not_found_hint(text, api).map(|hint| format!("; {hint}")).unwrap_or_default();
        return Err(Failure::no(format!("no code `{text}` in {place}{hint}")));
    }
    let cards: Vec<String> = found.into_iter().map(card).collect();
    crate::write_out(&format!("{}\n", cards.join("\n\n")))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        find(text, None).iter().map(|entry| format!("{}:{}", entry.api(), entry.code())).collect()
    }

    #[test]
    fn every_documented_form_is_found() {
        assert_eq!(codes("60004"), ["app_native:ABA-60004"]);
        assert_eq!(codes("ABA-60004"), ["app_native:ABA-60004"]);
        assert_eq!(codes("TOKEN_EXPIRED"), ["authos:TOKEN_EXPIRED"]);
        assert_eq!(codes("token_expired"), ["authos:TOKEN_EXPIRED"]);
        let invalid_grant = codes("invalid_grant");
        assert!(invalid_grant.len() > 10 && invalid_grant.iter().all(|code| code == "auth0:invalid_grant"));
        assert_eq!(codes("210"), ["registration:210"]);
        assert_eq!(codes("invalid_credentials"), ["authos:INVALID_CREDENTIALS", "registration:210"]);
        assert_eq!(codes("MissingUsername"), ["auth0:invalid_request"]);
        assert_eq!(codes("password_unacceptable"), ["registration:214", "registration:352"]);
        assert!(codes("invalid_request").len() > 5);
        assert!(codes("nothing-like-this").is_empty());
    }

    #[test]
    fn suggestions_are_close() {
        assert!(suggestions("TOKEN_EXPIRD", None).iter().any(|s| s.starts_with("TOKEN_EXPIRED")));
        assert!(suggestions("ABA-6004", None).iter().any(|s| s.starts_with("ABA-60004")));
    }
}
