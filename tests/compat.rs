//! The catalog as a contract: `docs::compat` on hand-made pairs of
//! documents (one or more for every rule), `autherr compat` (output, JSON
//! report against its schema, exit codes, unreadable documents), and the
//! self-guard: the embedded catalog against the latest released document.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use auth_error_catalog::docs::{
    self,
    compat::{self, Class, Rule},
};
use serde_json::{Value, json};

/// The current catalog document.
fn current() -> Value {
    docs::json(&[])
}

fn catalog_mut<'a>(document: &'a mut Value, api: &str) -> &'a mut Value {
    let catalogs = document["catalogs"].as_array_mut().expect("catalogs");
    catalogs.iter_mut().find(|catalog| catalog["api"] == api).expect("the API")
}

fn entry_mut<'a>(document: &'a mut Value, api: &str, variant: &str) -> &'a mut Value {
    let entries = catalog_mut(document, api)["entries"].as_array_mut().expect("entries");
    entries.iter_mut().find(|entry| entry["variant"] == variant).expect("the variant")
}

/// The (rule, variant, code) of every difference `edit` makes to the current document.
fn after(edit: impl FnOnce(&mut Value)) -> Vec<(Rule, Option<String>, Option<String>)> {
    let old = current();
    let mut new = old.clone();
    edit(&mut new);
    let report = compat::compare(&old, &new).expect("both are catalog documents");
    report
        .differences()
        .iter()
        .map(|difference| {
            (difference.rule(), difference.variant().map(str::to_owned), difference.code().map(str::to_owned))
        })
        .collect()
}

fn one(rule: Rule, variant: Option<&str>, code: Option<&str>) -> Vec<(Rule, Option<String>, Option<String>)> {
    vec![(rule, variant.map(str::to_owned), code.map(str::to_owned))]
}

#[test]
fn an_unchanged_catalog_has_no_differences() {
    let report = compat::compare(&current(), &current()).expect("documents");
    assert_eq!(report.differences(), []);
    assert!(!report.is_breaking());
    assert_eq!(report.to_string(), "0 breaking, 0 compatible, 0 cosmetic");
}

#[test]
fn a_changed_status_kind_retryability_or_polling_interval_is_breaking() {
    let cases: [(&str, Value, Rule); 4] = [
        ("http_status", json!(401), Rule::HttpStatusChanged),
        ("kind", json!("internal"), Rule::KindChanged),
        ("retryable", json!(true), Rule::RetryableChanged),
        ("poll_interval_increase", json!(10), Rule::PollIntervalChanged),
    ];
    for (field, value, rule) in cases {
        let variant = if field == "poll_interval_increase" { "SlowDown" } else { "InvalidGrantGeneric" };
        let found = after(|document| entry_mut(document, "auth0", variant)[field] = value.clone());
        assert_eq!(
            found,
            one(rule, Some(variant), Some(if variant == "SlowDown" { "slow_down" } else { "invalid_grant" }))
        );
        assert_eq!(rule.class(), Class::Breaking);
    }
    // A polling interval that appears where there was none is a change too.
    let found =
        after(|document| entry_mut(document, "auth0", "AuthorizationPending")["poll_interval_increase"] = json!(5));
    assert_eq!(found[0].0, Rule::PollIntervalChanged);
}

#[test]
fn a_removed_or_renamed_variant_or_code_is_breaking() {
    // Renamed: the old name is gone; the report guesses the new one; the new one is an addition.
    let found = after(|document| entry_mut(document, "authos", "TokenExpired")["variant"] = json!("JwtExpired"));
    assert_eq!(
        found,
        [
            (Rule::VariantRemoved, Some("TokenExpired".to_owned()), Some("TOKEN_EXPIRED".to_owned())),
            (Rule::VariantAdded, Some("JwtExpired".to_owned()), Some("TOKEN_EXPIRED".to_owned())),
        ]
    );
    let old = current();
    let mut new = old.clone();
    entry_mut(&mut new, "authos", "TokenExpired")["variant"] = json!("JwtExpired");
    let report = compat::compare(&old, &new).expect("documents");
    assert_eq!(report.differences()[0].message(), "variant removed (renamed to JwtExpired?)");
    // Removed, with the only entry of its code: the code is gone too.
    let found = after(|document| {
        let entries = catalog_mut(document, "authos")["entries"].as_array_mut().expect("entries");
        entries.retain(|entry| entry["variant"] != "TokenExpired");
    });
    assert_eq!(
        found,
        [
            (Rule::VariantRemoved, Some("TokenExpired".to_owned()), Some("TOKEN_EXPIRED".to_owned())),
            (Rule::CodeRemoved, None, Some("TOKEN_EXPIRED".to_owned())),
        ]
    );
    // A variant that sends another code.
    let found = after(|document| entry_mut(document, "authos", "TokenExpired")["code"] = json!("JWT_EXPIRED"));
    assert!(found.contains(&(Rule::CodeChanged, Some("TokenExpired".to_owned()), Some("TOKEN_EXPIRED".to_owned()))));
    assert!(found.contains(&(Rule::CodeRemoved, None, Some("TOKEN_EXPIRED".to_owned()))));
    // A whole API.
    let found = after(|document| {
        document["catalogs"].as_array_mut().expect("catalogs").remove(2);
    });
    assert_eq!(found, one(Rule::ApiRemoved, None, None));
}

#[test]
fn a_placeholder_added_removed_or_renamed_is_breaking() {
    for placeholders in [json!(["authenticator"]), json!([]), json!(["authenticator_id", "tenant"])] {
        let found = after(|document| {
            entry_mut(document, "app_native", "InvalidAuthenticatorId")["placeholders"] = placeholders.clone()
        });
        assert_eq!(
            found,
            one(Rule::PlaceholdersChanged, Some("InvalidAuthenticatorId"), Some("ABA-60004")),
            "{placeholders}"
        );
    }
    // A placeholder where there was none (the member is left out when empty).
    let found = after(|document| entry_mut(document, "authos", "TokenExpired")["placeholders"] = json!(["reason"]));
    assert_eq!(found[0].0, Rule::PlaceholdersChanged);
    let found = after(|document| entry_mut(document, "authos", "TokenExpired")["placeholders"] = json!([]));
    assert_eq!(found, [], "an empty list is no list");
}

#[test]
fn body_members_removed_anywhere_or_added_to_a_closed_format_are_breaking() {
    let found = after(|document| {
        catalog_mut(document, "app_native")["members"].as_array_mut().expect("members").pop();
    });
    assert_eq!(found, one(Rule::MemberRemoved, None, None));
    let member = json!({ "name": "tenant", "value": "literal", "text": "carbon.super", "about": "The tenant." });
    let found = after(|document| {
        catalog_mut(document, "app_native")["members"].as_array_mut().expect("members").push(member.clone())
    });
    assert_eq!(found, one(Rule::MemberAddedToClosedFormat, None, None));
    // Auth0's format is open: clients keep members they do not know.
    let found = after(|document| {
        catalog_mut(document, "auth0")["members"].as_array_mut().expect("members").push(member.clone())
    });
    assert_eq!(found, one(Rule::MemberAddedToOpenFormat, None, None));
    assert_eq!(Rule::MemberAddedToOpenFormat.class(), Class::Compatible);
    // A document written before `open` was recorded: the other document says.
    let old = current();
    let mut older = old.clone();
    catalog_mut(&mut older, "auth0").as_object_mut().expect("object").remove("open");
    let mut new = old.clone();
    catalog_mut(&mut new, "auth0")["members"].as_array_mut().expect("members").push(member);
    let report = compat::compare(&older, &new).expect("documents");
    assert_eq!(report.differences()[0].rule(), Rule::MemberAddedToOpenFormat);
}

#[test]
fn a_changed_wire_status_or_code_prefix_is_breaking() {
    let found = after(|document| catalog_mut(document, "registration")["wire_status"] = json!(400));
    assert_eq!(found, one(Rule::WireStatusChanged, None, None));
    let found = after(|document| {
        catalog_mut(document, "registration").as_object_mut().expect("object").remove("wire_status");
    });
    assert_eq!(found, one(Rule::WireStatusChanged, None, None));
    let found = after(|document| catalog_mut(document, "app_native")["code_prefix"] = json!("WSO2-"));
    assert_eq!(found, one(Rule::CodePrefixChanged, None, None));
}

#[test]
fn a_number_that_falls_under_another_catch_all_is_breaking() {
    // 350–359 (but 352, which has its own entry) fall under 340; make that range's catch-all 300.
    let old = current();
    let mut new = old.clone();
    let ranges = catalog_mut(&mut new, "registration")["ranges"].as_array_mut().expect("ranges");
    let range = ranges.iter_mut().find(|range| range["start"] == 340).expect("the 340 range");
    range["catch_all"] = json!(300);
    let report = compat::compare(&old, &new).expect("documents");
    let messages: Vec<&str> = report.differences().iter().map(compat::Difference::message).collect();
    let name = |code: &str| -> String {
        let entries = old["catalogs"][3]["entries"].as_array().expect("entries");
        entries.iter().find(|entry| entry["code"] == code).expect("entry")["variant"]
            .as_str()
            .expect("variant")
            .to_owned()
    };
    let (to, from) = (name("300"), name("340"));
    assert!(report.differences().iter().all(|difference| difference.rule() == Rule::CatchAllChanged));
    // 343–349 still have 340 as their tens; 350, 351 and 353–359 moved: two spans.
    assert_eq!(
        messages,
        [
            format!("codes 350–351 now resolve to {to} instead of {from}"),
            format!("codes 353–359 now resolve to {to} instead of {from}"),
        ]
    );
    // A number the old catalog could not resolve may gain a meaning.
    let found = after(|document| {
        let ranges = catalog_mut(document, "registration")["ranges"].as_array_mut().expect("ranges");
        ranges.iter_mut().find(|range| range["start"] == 400).expect("the 400 range")["catch_all"] = json!(402);
    });
    assert_eq!(found, []);
}

#[test]
fn an_auth0_pair_that_classifies_differently_is_breaking() {
    // "Wrong email or password." loses its exact entry and falls to the `{{reason}}` wildcard.
    let found = after(|document| {
        entry_mut(document, "auth0", "WrongEmailOrPassword")["description"] = json!("Wrong email or password!")
    });
    assert!(
        found.contains(&(
            Rule::ClassificationChanged,
            Some("WrongEmailOrPassword".to_owned()),
            Some("invalid_grant".to_owned())
        )),
        "{found:?}"
    );
    assert!(found.contains(&(
        Rule::DescriptionChanged,
        Some("WrongEmailOrPassword".to_owned()),
        Some("invalid_grant".to_owned())
    )));
    // A new generic entry takes the bodies no specific entry fills.
    let found = after(|document| {
        entry_mut(document, "auth0", "InvalidGrantGeneric").as_object_mut().expect("object").remove("generic");
        entry_mut(document, "auth0", "WrongEmailOrPassword")["generic"] = json!(true);
    });
    assert!(found.iter().any(|(rule, _, _)| *rule == Rule::ClassificationChanged), "{found:?}");
    // Rewording a description that is not the only way to tell entries apart is cosmetic.
    let found =
        after(|document| entry_mut(document, "authos", "TokenExpired")["description"] = json!("The JWT has expired"));
    assert_eq!(found, one(Rule::DescriptionChanged, Some("TokenExpired"), Some("TOKEN_EXPIRED")));
}

#[test]
fn registered_errors_are_guarded() {
    let found = after(|document| {
        let registered = catalog_mut(document, "auth0")["registered_errors"].as_array_mut().expect("registry");
        registered[0]["retryable"] = json!(!registered[0]["retryable"].as_bool().expect("bool"));
        registered.remove(1);
        registered
            .push(json!({ "code": "new_error", "kind": "internal", "retryable": false, "usage": "x", "source": "y" }));
    });
    let rules: Vec<Rule> = found.iter().map(|(rule, _, _)| *rule).collect();
    let mut sorted = rules.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [Rule::RegisteredErrorRemoved, Rule::RegisteredErrorChanged, Rule::RegisteredErrorAdded],
        "{found:?}"
    );
    assert_eq!(rules.last(), Some(&Rule::RegisteredErrorAdded), "breaking first");
    assert!(found.iter().any(|(_, _, code)| code.as_deref() == Some("new_error")));
}

#[test]
fn additions_sources_and_errata_are_compatible_and_wording_is_cosmetic() {
    let found = after(|document| {
        let entries = catalog_mut(document, "authos")["entries"].as_array_mut().expect("entries");
        let mut added = entries[0].clone();
        added["variant"] = json!("QuotaExceeded");
        added["code"] = json!("QUOTA_EXCEEDED");
        entries.push(added);
    });
    assert_eq!(found, one(Rule::VariantAdded, Some("QuotaExceeded"), Some("QUOTA_EXCEEDED")));
    let mut api = current()["catalogs"][2].clone();
    api["api"] = json!("okta");
    let found = after(|document| document["catalogs"].as_array_mut().expect("catalogs").push(api));
    assert_eq!(found, one(Rule::ApiAdded, None, None));
    for (field, rule) in [
        ("source", Rule::SourceChanged),
        ("erratum", Rule::ErratumChanged),
        ("retired", Rule::RetiredChanged),
        ("message", Rule::MessageChanged),
        ("resolution", Rule::ResolutionChanged),
    ] {
        let found = after(|document| entry_mut(document, "authos", "TokenExpired")[field] = json!("Reworded."));
        assert_eq!(found, one(rule, Some("TokenExpired"), Some("TOKEN_EXPIRED")), "{field}");
        assert_ne!(rule.class(), Class::Breaking);
    }
    let old = current();
    let mut new = old.clone();
    entry_mut(&mut new, "authos", "TokenExpired")["message"] = json!("Reworded.");
    entry_mut(&mut new, "authos", "TokenExpired")["http_status"] = json!(403);
    let report = compat::compare(&old, &new).expect("documents");
    assert_eq!(
        report.to_string(),
        "breaking    authos TokenExpired (TOKEN_EXPIRED): HTTP status 401 → 403\ncosmetic    authos TokenExpired (TOKEN_EXPIRED): message JWT has expired → Reworded.\n1 breaking, 0 compatible, 1 cosmetic"
    );
}

#[test]
fn a_document_of_the_wrong_shape_names_the_path() {
    let cases = [
        (json!([]), "(document): expected an object"),
        (json!({}), "catalogs: expected an array"),
        (
            json!({"catalogs": [{"members": [], "entries": [{"variant": "X"}]}]}),
            "catalogs[0].entries[0].message: expected a string",
        ),
        (
            json!({"catalogs": [{"members": [], "entries": [{"variant": "X", "message": "m", "kind": "k", "http_status": "400"}]}]}),
            "catalogs[0].entries[0].http_status: expected a number",
        ),
    ];
    for (document, message) in cases {
        let error = compat::compare(&document, &current()).expect_err("not a catalog document");
        assert_eq!(error.to_string(), message);
        assert!(error.is_in_old());
    }
}

// ---------------------------------------------------------------------------
// `autherr compat`.

fn autherr(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_autherr")).args(args).output().expect("run autherr")
}

fn scratch(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("compat-{}-{name}", std::process::id()));
    fs::create_dir_all(&path).expect("scratch folder");
    path
}

#[test]
fn the_command_reports_classifies_and_exits_by_the_worst_difference() {
    let folder = scratch("cli");
    let old = folder.join("old.json");
    fs::write(&old, serde_json::to_vec_pretty(&current()).expect("JSON")).expect("write");
    let output = autherr(&["compat", old.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "0 breaking, 0 compatible, 0 cosmetic\n");

    let mut changed = current();
    entry_mut(&mut changed, "authos", "TokenExpired")["http_status"] = json!(403);
    entry_mut(&mut changed, "authos", "TokenExpired")["source"] = json!("A blog post");
    let new = folder.join("new.json");
    fs::write(&new, serde_json::to_vec(&changed).expect("JSON")).expect("write");
    // NEW defaults to the embedded catalog: the changed document is older here.
    let output = autherr(&["compat", new.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .starts_with("breaking    authos TokenExpired (TOKEN_EXPIRED): HTTP status 403 → 401\n")
    );
    let output = autherr(&["compat", old.to_str().expect("UTF-8"), new.to_str().expect("UTF-8"), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    assert_eq!(
        (report["breaking"].clone(), report["compatible"].clone(), report["cosmetic"].clone()),
        (json!(1), json!(1), json!(0))
    );
    assert_eq!(report["differences"][0]["rule"], "http_status_changed");
    assert_eq!(report["differences"][1]["class"], "compatible");
    // The report is described by its schema.
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/compat.schema.json")).expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    assert!(
        validator.is_valid(&report),
        "{:?}",
        validator.iter_errors(&report).map(|e| e.to_string()).collect::<Vec<_>>()
    );
    let mut wrong = report.clone();
    wrong["differences"][0]["class"] = json!("serious");
    assert!(!validator.is_valid(&wrong));
    let _ = fs::remove_dir_all(folder);
}

#[test]
fn an_unreadable_document_is_one_line_with_its_position_and_exit_2() {
    let folder = scratch("unreadable");
    let broken = folder.join("broken.json");
    fs::write(&broken, "{\n  \"catalogs\": [\n    {,\n").expect("write");
    let shaped = folder.join("shaped.json");
    fs::write(&shaped, r#"{"catalogs": [{"api": "x", "members": [], "entries": 3}]}"#).expect("write");
    let missing = folder.join("missing.json");
    let path = |path: &Path| path.to_str().expect("UTF-8").to_owned();
    for (args, expected) in [
        (vec![path(&broken)], format!("autherr: {}:3:6: key must be a string\n", broken.display())),
        (vec![path(&shaped)], format!("autherr: {}: catalogs[0].entries: expected an array\n", shaped.display())),
        (vec![path(&missing)], format!("autherr: {}: No such file or directory (os error 2)\n", missing.display())),
    ] {
        let args: Vec<&str> = ["compat"].into_iter().chain(args.iter().map(String::as_str)).collect();
        let output = autherr(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), expected);
        assert!(output.stdout.is_empty());
    }
    let _ = fs::remove_dir_all(folder);
}

// ---------------------------------------------------------------------------
// The self-guard.

/// The released documents, `catalog/released/X.Y.Z.json`, newest last.
fn released() -> Vec<(Vec<u64>, PathBuf)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/released");
    let mut found: Vec<(Vec<u64>, PathBuf)> = fs::read_dir(&folder)
        .expect("catalog/released")
        .map(|item| item.expect("a directory entry").path())
        .filter_map(|path| {
            let version =
                path.file_stem()?.to_str()?.split('.').map(|part| part.parse().ok()).collect::<Option<Vec<u64>>>()?;
            (path.extension()? == "json").then_some((version, path))
        })
        .collect();
    found.sort();
    found
}

/// The "Unreleased → Breaking" section of a changelog.
fn unreleased_breaking(changelog: &str) -> &str {
    let unreleased = changelog.split("\n## ").find(|section| section.starts_with("Unreleased")).unwrap_or("");
    unreleased.split("\n### ").find(|section| section.starts_with("Breaking")).unwrap_or("")
}

/// Why `new` may not be released after `old` with `changelog`: every
/// breaking difference the changelog's "Unreleased → Breaking" does not name
/// (by code or variant in backticks, or the API where the difference has
/// neither), and every removal, which no changelog excuses: a code is
/// retired, never deleted.
fn refusals(old: &Value, new: &Value, changelog: &str) -> Vec<String> {
    let section = unreleased_breaking(changelog);
    let named = |name: &str| section.contains(&format!("`{name}`"));
    let report = compat::compare(old, new).expect("catalog documents");
    report
        .differences()
        .iter()
        .filter(|difference| difference.class() == Class::Breaking)
        .filter_map(|difference| {
            let removal = matches!(
                difference.rule(),
                Rule::ApiRemoved | Rule::VariantRemoved | Rule::CodeRemoved | Rule::RegisteredErrorRemoved
            );
            let listed = match (difference.code(), difference.variant()) {
                (None, None) => named(difference.api()),
                (code, variant) => code.is_some_and(named) || variant.is_some_and(named),
            };
            if removal {
                Some(format!("{difference}: retire it (`retired = \"<version>: <why>\"`), never delete it"))
            } else if !listed {
                Some(format!("{difference}: not listed under \"Unreleased → Breaking\" in CHANGELOG.md"))
            } else {
                None
            }
        })
        .collect()
}

fn changelog() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("CHANGELOG.md")).expect("CHANGELOG.md")
}

#[test]
fn the_catalog_breaks_nothing_the_changelog_does_not_list() {
    let (version, path) = released().pop().expect("a released catalog document");
    assert!(version >= vec![0, 2, 0], "{}", path.display());
    let old: Value = serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("JSON");
    let refused = refusals(&old, &current(), &changelog());
    assert!(refused.is_empty(), "against {}:\n{}", path.display(), refused.join("\n"));
}

#[test]
fn a_deliberate_breaking_edit_fails_the_guard_until_the_changelog_lists_it() {
    let old = current();
    let mut new = old.clone();
    entry_mut(&mut new, "authos", "RateLimitExceeded")["retryable"] = json!(false);
    let changelog = changelog();
    let refused = refusals(&old, &new, &changelog);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(
        refused[0].contains("authos RateLimitExceeded (RATE_LIMIT_EXCEEDED): retryable true → false"),
        "{refused:?}"
    );
    assert!(refused[0].ends_with("not listed under \"Unreleased → Breaking\" in CHANGELOG.md"));
    // Listed elsewhere is not listed.
    let elsewhere =
        changelog.replacen("### Added\n", "### Added\n\n- `RATE_LIMIT_EXCEEDED` is no longer retryable.\n", 1);
    assert_eq!(refusals(&old, &new, &elsewhere).len(), 1);
    let listed =
        changelog.replacen("### Breaking\n", "### Breaking\n\n- `RATE_LIMIT_EXCEEDED` is no longer retryable.\n", 1);
    assert_eq!(refusals(&old, &new, &listed), Vec::<String>::new());
}

#[test]
fn a_deleted_code_is_refused_even_when_listed() {
    let old = current();
    let mut new = old.clone();
    catalog_mut(&mut new, "authos")["entries"]
        .as_array_mut()
        .expect("entries")
        .retain(|entry| entry["code"] != "TOKEN_EXPIRED");
    let listed = changelog().replacen("### Breaking\n", "### Breaking\n\n- `TOKEN_EXPIRED` is gone.\n", 1);
    let refused = refusals(&old, &new, &listed);
    assert_eq!(refused.len(), 2, "the variant and the code: {refused:?}");
    assert!(refused.iter().all(|reason| reason.contains("never delete it")));
}
