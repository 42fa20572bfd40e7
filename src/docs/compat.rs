//! Whether one catalog can replace another without breaking the services
//! and clients that match on its codes: [`compare`] two catalog documents
//! (each the output of [`docs::json`](super::json()), as `autherr docs
//! --format json` writes it) and classify every difference.
//!
//! A change is **breaking** when a client that was right before is wrong
//! after: a code or variant removed or renamed; an HTTP status, kind,
//! retryability or polling interval changed; a placeholder added, removed or
//! renamed (also a changed constructor signature in Rust); a member added to
//! a closed body format or removed from any; a wire status or code prefix
//! changed; a number that now falls under another catch-all; a
//! `(code, description)` pair that now classifies as another entry; a
//! registered error's kind or retryability changed, or the error removed.
//! Adding codes, sources and errata, and retiring a code (it still
//! resolves), is **compatible**; rewording a message,
//! description or resolution is **cosmetic**.
//!
//! ```
//! use auth_error_catalog::docs::{self, compat};
//!
//! let released = docs::json(&[]);
//! let mut next = released.clone();
//! next["catalogs"][2]["entries"][0]["http_status"] = 418.into();
//! let report = compat::compare(&released, &next).unwrap();
//! assert!(report.is_breaking());
//! assert_eq!(report.differences()[0].rule(), compat::Rule::HttpStatusChanged);
//! assert!(compat::compare(&released, &released).unwrap().differences().is_empty());
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value, json};

use crate::catch_all::{RangeRule, catch_all};
use crate::template;

/// How much a difference matters to those who match on the codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// A client that was right before is wrong after.
    Breaking,
    /// Nothing a client relied on changed; there is more to rely on.
    Compatible,
    /// Only wording that no client matches on.
    Cosmetic,
}

impl Class {
    /// The class as the reports write it: `breaking`, `compatible` or `cosmetic`.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::docs::compat::Class::Breaking.as_str(), "breaking");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
            Class::Cosmetic => "cosmetic",
        }
    }
}

/// What changed. Each rule has one [`Class`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// An API of the old document is missing.
    ApiRemoved,
    /// A variant is missing (perhaps renamed: the message says to what).
    VariantRemoved,
    /// No entry of the API has the code any more.
    CodeRemoved,
    /// A variant sends another code.
    CodeChanged,
    /// A variant's HTTP status changed.
    HttpStatusChanged,
    /// A variant's kind changed.
    KindChanged,
    /// A variant's retryability changed.
    RetryableChanged,
    /// A variant's polling interval increase changed.
    PollIntervalChanged,
    /// A placeholder was added, removed or renamed.
    PlaceholdersChanged,
    /// A body member was removed.
    MemberRemoved,
    /// A member was added to a closed body format.
    MemberAddedToClosedFormat,
    /// The status the API itself sends errors with changed.
    WireStatusChanged,
    /// The code prefix lookups accept changed.
    CodePrefixChanged,
    /// A number now falls under another catch-all (or none).
    CatchAllChanged,
    /// A `(code, description)` pair now classifies as another entry.
    ClassificationChanged,
    /// A registered error is missing.
    RegisteredErrorRemoved,
    /// A registered error's kind or retryability changed.
    RegisteredErrorChanged,
    /// A new API.
    ApiAdded,
    /// A new variant.
    VariantAdded,
    /// A new registered error.
    RegisteredErrorAdded,
    /// A member was added to an open body format.
    MemberAddedToOpenFormat,
    /// A source was added or changed.
    SourceChanged,
    /// An erratum was added or changed.
    ErratumChanged,
    /// A code was retired (it still resolves), or its retirement changed.
    RetiredChanged,
    /// A message was reworded.
    MessageChanged,
    /// A description was reworded (what it classifies is checked apart).
    DescriptionChanged,
    /// A resolution was added, removed or reworded.
    ResolutionChanged,
}

impl Rule {
    /// The rule's class.
    ///
    /// ```
    /// use auth_error_catalog::docs::compat::{Class, Rule};
    /// assert_eq!(Rule::KindChanged.class(), Class::Breaking);
    /// assert_eq!(Rule::VariantAdded.class(), Class::Compatible);
    /// assert_eq!(Rule::MessageChanged.class(), Class::Cosmetic);
    /// ```
    pub fn class(self) -> Class {
        use Rule::*;
        match self {
            ApiRemoved
            | VariantRemoved
            | CodeRemoved
            | CodeChanged
            | HttpStatusChanged
            | KindChanged
            | RetryableChanged
            | PollIntervalChanged
            | PlaceholdersChanged
            | MemberRemoved
            | MemberAddedToClosedFormat
            | WireStatusChanged
            | CodePrefixChanged
            | CatchAllChanged
            | ClassificationChanged
            | RegisteredErrorRemoved
            | RegisteredErrorChanged => Class::Breaking,
            ApiAdded
            | VariantAdded
            | RegisteredErrorAdded
            | MemberAddedToOpenFormat
            | SourceChanged
            | ErratumChanged
            | RetiredChanged => Class::Compatible,
            MessageChanged | DescriptionChanged | ResolutionChanged => Class::Cosmetic,
        }
    }

    /// The rule's stable name in `--json` output: `http_status_changed`.
    ///
    /// ```
    /// use auth_error_catalog::docs::compat::Rule;
    /// assert_eq!(Rule::HttpStatusChanged.as_str(), "http_status_changed");
    /// ```
    pub fn as_str(self) -> &'static str {
        use Rule::*;
        match self {
            ApiRemoved => "api_removed",
            VariantRemoved => "variant_removed",
            CodeRemoved => "code_removed",
            CodeChanged => "code_changed",
            HttpStatusChanged => "http_status_changed",
            KindChanged => "kind_changed",
            RetryableChanged => "retryable_changed",
            PollIntervalChanged => "poll_interval_changed",
            PlaceholdersChanged => "placeholders_changed",
            MemberRemoved => "member_removed",
            MemberAddedToClosedFormat => "member_added_to_closed_format",
            WireStatusChanged => "wire_status_changed",
            CodePrefixChanged => "code_prefix_changed",
            CatchAllChanged => "catch_all_changed",
            ClassificationChanged => "classification_changed",
            RegisteredErrorRemoved => "registered_error_removed",
            RegisteredErrorChanged => "registered_error_changed",
            ApiAdded => "api_added",
            VariantAdded => "variant_added",
            RegisteredErrorAdded => "registered_error_added",
            MemberAddedToOpenFormat => "member_added_to_open_format",
            SourceChanged => "source_changed",
            ErratumChanged => "erratum_changed",
            RetiredChanged => "retired_changed",
            MessageChanged => "message_changed",
            DescriptionChanged => "description_changed",
            ResolutionChanged => "resolution_changed",
        }
    }
}

/// One difference between the documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    rule: Rule,
    api: String,
    variant: Option<String>,
    code: Option<String>,
    old: Value,
    new: Value,
    message: String,
}

impl Difference {
    /// What changed.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["kind"] = "internal".into();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].rule(), compat::Rule::KindChanged);
    /// ```
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The difference's class: its rule's.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["message"] = "Reworded.".into();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].class(), compat::Class::Cosmetic);
    /// ```
    pub fn class(&self) -> Class {
        self.rule.class()
    }

    /// The API it is in.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][3]["entries"][0]["retryable"] = true.into();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].api(), "registration");
    /// ```
    pub fn api(&self) -> &str {
        &self.api
    }

    /// The variant it is about, where it is about one.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][2]["entries"][0]["retryable"] = true.into();
    /// let variant = old["catalogs"][2]["entries"][0]["variant"].as_str();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].variant(), variant);
    /// ```
    pub fn variant(&self) -> Option<&str> {
        self.variant.as_deref()
    }

    /// The wire code it is about, where it is about one.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["http_status"] = 401.into();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].code(), Some("ABA-60001"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// A sentence saying what changed, with the old and new values.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["http_status"] = 401.into();
    /// assert_eq!(compat::compare(&old, &new).unwrap().differences()[0].message(), "HTTP status 400 → 401");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The difference as one object of the `--json` report
    /// (`schema/compat.schema.json`).
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["http_status"] = 401.into();
    /// let json = compat::compare(&old, &new).unwrap().differences()[0].to_json();
    /// assert_eq!(json["rule"], "http_status_changed");
    /// assert_eq!((json["old"].clone(), json["new"].clone()), (400.into(), 401.into()));
    /// ```
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("class".into(), json!(self.class().as_str()));
        object.insert("rule".into(), json!(self.rule.as_str()));
        object.insert("api".into(), json!(self.api));
        if let Some(variant) = &self.variant {
            object.insert("variant".into(), json!(variant));
        }
        if let Some(code) = &self.code {
            object.insert("code".into(), json!(code));
        }
        object.insert("old".into(), self.old.clone());
        object.insert("new".into(), self.new.clone());
        object.insert("message".into(), json!(self.message));
        Value::Object(object)
    }
}

impl fmt::Display for Difference {
    /// `breaking    auth0 InvalidGrant (invalid_grant): HTTP status 403 → 400`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<11} {}", self.class().as_str(), self.api)?;
        match (&self.variant, &self.code) {
            (Some(variant), Some(code)) => write!(f, " {variant} ({code})")?,
            (Some(variant), None) => write!(f, " {variant}")?,
            (None, Some(code)) => write!(f, " {code}")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// Every difference between two catalog documents, breaking first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    differences: Vec<Difference>,
}

impl Report {
    /// The differences: breaking, then compatible, then cosmetic, each in
    /// catalog order.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// assert!(compat::compare(&old, &old).unwrap().differences().is_empty());
    /// ```
    pub fn differences(&self) -> &[Difference] {
        &self.differences
    }

    /// Whether anything is breaking.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let mut new = old.clone();
    /// new["catalogs"][0]["entries"][1]["source"] = "A new source".into();
    /// let report = compat::compare(&old, &new).unwrap();
    /// assert!(!report.is_breaking() && report.count(compat::Class::Compatible) == 1);
    /// ```
    pub fn is_breaking(&self) -> bool {
        self.count(Class::Breaking) > 0
    }

    /// How many differences are of `class`.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// assert_eq!(compat::compare(&old, &old).unwrap().count(compat::Class::Breaking), 0);
    /// ```
    pub fn count(&self, class: Class) -> usize {
        self.differences.iter().filter(|difference| difference.class() == class).count()
    }

    /// The report as the stable `--json` document (`schema/compat.schema.json`):
    /// a count per class and every difference.
    ///
    /// ```
    /// # use auth_error_catalog::docs::{self, compat};
    /// let old = docs::json(&[]);
    /// let json = compat::compare(&old, &old).unwrap().to_json();
    /// assert_eq!(json, serde_json::json!({"breaking": 0, "compatible": 0, "cosmetic": 0, "differences": []}));
    /// ```
    pub fn to_json(&self) -> Value {
        json!({
            "breaking": self.count(Class::Breaking),
            "compatible": self.count(Class::Compatible),
            "cosmetic": self.count(Class::Cosmetic),
            "differences": self.differences.iter().map(Difference::to_json).collect::<Vec<_>>(),
        })
    }
}

impl fmt::Display for Report {
    /// One line per difference, then the counts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for difference in &self.differences {
            writeln!(f, "{difference}")?;
        }
        write!(
            f,
            "{} breaking, {} compatible, {} cosmetic",
            self.count(Class::Breaking),
            self.count(Class::Compatible),
            self.count(Class::Cosmetic)
        )
    }
}

/// A document that is JSON but not a catalog document: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    path: String,
    expected: &'static str,
    in_old: bool,
}

impl ShapeError {
    /// Whether the old document (the first given to [`compare`]) is the one
    /// that is not a catalog document.
    ///
    /// ```
    /// use auth_error_catalog::docs::{self, compat};
    /// let broken = serde_json::json!({"catalogs": 7});
    /// assert!(compat::compare(&broken, &docs::json(&[])).unwrap_err().is_in_old());
    /// assert!(!compat::compare(&docs::json(&[]), &broken).unwrap_err().is_in_old());
    /// ```
    pub fn is_in_old(&self) -> bool {
        self.in_old
    }
}

impl fmt::Display for ShapeError {
    /// `catalogs[1].entries[4].http_status: expected a number`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: expected {}", self.path, self.expected)
    }
}

impl std::error::Error for ShapeError {}

/// One catalog of a document, read into what the rules compare.
struct CatalogDocument<'a> {
    api: &'a str,
    open: Option<bool>,
    wire_status: Option<&'a Value>,
    code_prefix: Option<&'a Value>,
    members: Vec<&'a str>,
    ranges: Vec<RangeRule>,
    entries: Vec<EntryDocument<'a>>,
    registered: BTreeMap<&'a str, (&'a Value, &'a Value)>,
}

struct EntryDocument<'a> {
    object: &'a Map<String, Value>,
    variant: &'a str,
    code: &'a str,
    description: &'a str,
    generic: bool,
}

impl EntryDocument<'_> {
    fn get(&self, key: &str) -> &Value {
        self.object.get(key).unwrap_or(&Value::Null)
    }
}

/// Walks a document, naming the path of what is missing or mistyped.
struct Reader {
    path: String,
}

impl Reader {
    fn fail(&self, key: &str, expected: &'static str) -> ShapeError {
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        ShapeError { path, expected, in_old: false }
    }

    fn object<'a>(&self, value: &'a Value, key: &str) -> Result<&'a Map<String, Value>, ShapeError> {
        value.as_object().ok_or_else(|| self.fail(key, "an object"))
    }

    fn array<'a>(&self, object: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], ShapeError> {
        match object.get(key) {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(self.fail(key, "an array")),
        }
    }

    fn string<'a>(&self, object: &'a Map<String, Value>, key: &str) -> Result<&'a str, ShapeError> {
        object.get(key).and_then(Value::as_str).ok_or_else(|| self.fail(key, "a string"))
    }

    fn number(&self, object: &Map<String, Value>, key: &str) -> Result<u32, ShapeError> {
        object
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|number| u32::try_from(number).ok())
            .ok_or_else(|| self.fail(key, "a number"))
    }

    fn at(&self, key: &str, index: usize) -> Reader {
        let path =
            if self.path.is_empty() { format!("{key}[{index}]") } else { format!("{}.{key}[{index}]", self.path) };
        Reader { path }
    }
}

fn read_document(document: &Value) -> Result<Vec<CatalogDocument<'_>>, ShapeError> {
    let root = Reader { path: String::new() };
    let object = root.object(document, "(document)")?;
    let mut catalogs = Vec::new();
    for (index, catalog) in root.array(object, "catalogs")?.iter().enumerate() {
        let reader = root.at("catalogs", index);
        let object = reader.object(catalog, "")?;
        let mut members = Vec::new();
        for (index, member) in reader.array(object, "members")?.iter().enumerate() {
            let reader = reader.at("members", index);
            members.push(reader.string(reader.object(member, "")?, "name")?);
        }
        let mut ranges = Vec::new();
        for (index, range) in object.get("ranges").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let reader = reader.at("ranges", index);
            let range = reader.object(range, "")?;
            let catch_all = range.get("catch_all").and_then(Value::as_u64).and_then(|code| u32::try_from(code).ok());
            ranges.push(RangeRule {
                start: reader.number(range, "start")?,
                end: reader.number(range, "end")?,
                catch_all,
            });
        }
        let mut entries = Vec::new();
        for (index, entry) in reader.array(object, "entries")?.iter().enumerate() {
            let reader = reader.at("entries", index);
            let object = reader.object(entry, "")?;
            for key in ["message", "kind"] {
                reader.string(object, key)?;
            }
            reader.number(object, "http_status")?;
            if !object.get("retryable").is_some_and(Value::is_boolean) {
                return Err(reader.fail("retryable", "a boolean"));
            }
            entries.push(EntryDocument {
                object,
                variant: reader.string(object, "variant")?,
                code: reader.string(object, "code")?,
                description: reader.string(object, "description")?,
                generic: object.get("generic").and_then(Value::as_bool).unwrap_or(false),
            });
        }
        let mut registered = BTreeMap::new();
        for (index, error) in
            object.get("registered_errors").and_then(Value::as_array).into_iter().flatten().enumerate()
        {
            let reader = reader.at("registered_errors", index);
            let error = reader.object(error, "")?;
            let null = &Value::Null;
            registered.insert(
                reader.string(error, "code")?,
                (error.get("kind").unwrap_or(null), error.get("retryable").unwrap_or(null)),
            );
        }
        catalogs.push(CatalogDocument {
            api: reader.string(object, "api")?,
            open: object.get("open").and_then(Value::as_bool),
            wire_status: object.get("wire_status"),
            code_prefix: object.get("code_prefix"),
            members,
            ranges,
            entries,
            registered,
        });
    }
    Ok(catalogs)
}

impl<'a> CatalogDocument<'a> {
    fn variant(&self, variant: &str) -> Option<&EntryDocument<'a>> {
        self.entries.iter().find(|entry| entry.variant == variant)
    }

    fn has_code(&self, code: &str) -> bool {
        self.entries.iter().any(|entry| entry.code == code)
    }

    /// The variant a body with `code` and `description` is classified as,
    /// in the library's order (the tables of `src/classify.rs`, read from
    /// the document): the only entry of the code; an exact description; a
    /// template with literal text, most literal text first; a description
    /// that is one placeholder; the code's generic entry.
    fn classify(&self, code: &str, description: Option<&str>) -> Option<&'a str> {
        let candidates: Vec<&EntryDocument<'a>> = self.entries.iter().filter(|entry| entry.code == code).collect();
        if let [only] = candidates.as_slice() {
            return Some(only.variant);
        }
        let generic = candidates.iter().find(|entry| entry.generic).map(|entry| entry.variant);
        let Some(description) = description else { return generic };
        if let Some(exact) = candidates.iter().find(|entry| entry.description == description) {
            return Some(exact.variant);
        }
        let mut templates: Vec<(usize, &EntryDocument<'a>)> = candidates
            .iter()
            .filter(|entry| !entry.generic)
            .filter_map(|entry| {
                let segments = template::parse(entry.description).ok()?;
                let mut literal = 0;
                let mut placeholders = false;
                for segment in &segments {
                    match segment {
                        template::Segment::Text(text) => literal += text.len(),
                        template::Segment::Placeholder(_) => placeholders = true,
                    }
                }
                (placeholders && template::captures(&segments, description).is_some()).then_some((literal, *entry))
            })
            .collect();
        // Most literal text first; a wildcard (no literal text) last.
        templates.sort_by_key(|(literal, _)| std::cmp::Reverse(*literal));
        templates.first().map(|(_, found)| found.variant).or(generic)
    }

    /// The variant a received number resolves to: its own entry, else its
    /// nearest catch-all (`src/catch_all.rs`).
    fn resolve(&self, number: u32) -> Option<&'a str> {
        let entry_of = |number: u32| {
            let code = number.to_string();
            self.entries.iter().find(|entry| entry.code == code)
        };
        if let Some(found) = entry_of(number) {
            return Some(found.variant);
        }
        let parent = catch_all(number, self.ranges.iter().copied(), |candidate| entry_of(candidate).is_some())?;
        entry_of(parent).map(|entry| entry.variant)
    }
}

/// Collects differences as the rules find them.
struct Differences(Vec<Difference>);

impl Differences {
    /// `about` is the (variant, code) the difference is about, where it has them.
    fn push(
        &mut self,
        rule: Rule,
        api: &str,
        about: (Option<&str>, Option<&str>),
        old: Value,
        new: Value,
        message: String,
    ) {
        self.0.push(Difference {
            rule,
            api: api.to_owned(),
            variant: about.0.map(str::to_owned),
            code: about.1.map(str::to_owned),
            old,
            new,
            message,
        });
    }
}

/// A JSON value as a report shows it: strings bare, `none` for null.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Compares two catalog documents (each as [`docs::json`](super::json())
/// writes it) and classifies every difference. A document that is not
/// shaped as one is a [`ShapeError`] naming the path.
///
/// ```
/// use auth_error_catalog::docs::{self, compat};
///
/// let old = docs::json(&[]);
/// let mut new = old.clone();
/// new["catalogs"][0]["entries"].as_array_mut().unwrap().remove(1);
/// let report = compat::compare(&old, &new).unwrap();
/// assert_eq!(report.differences()[0].rule(), compat::Rule::VariantRemoved);
/// let error = compat::compare(&serde_json::json!({"catalogs": [{}]}), &new).unwrap_err();
/// assert_eq!(error.to_string(), "catalogs[0].members: expected an array");
/// ```
pub fn compare(old: &Value, new: &Value) -> Result<Report, ShapeError> {
    let old_catalogs = read_document(old).map_err(|error| ShapeError { in_old: true, ..error })?;
    let new_catalogs = read_document(new)?;
    let mut found = Differences(Vec::new());
    for old in &old_catalogs {
        match new_catalogs.iter().find(|new| new.api == old.api) {
            Some(new) => compare_catalogs(&mut found, old, new),
            None => found.push(
                Rule::ApiRemoved,
                old.api,
                (None, None),
                json!(old.api),
                Value::Null,
                "API removed".to_owned(),
            ),
        }
    }
    for new in new_catalogs.iter().filter(|new| !old_catalogs.iter().any(|old| old.api == new.api)) {
        found.push(Rule::ApiAdded, new.api, (None, None), Value::Null, json!(new.api), "API added".to_owned());
    }
    let mut differences = found.0;
    // Stable: within a class, the order the rules found them in.
    differences.sort_by_key(Difference::class);
    Ok(Report { differences })
}

fn compare_catalogs(found: &mut Differences, old: &CatalogDocument<'_>, new: &CatalogDocument<'_>) {
    let api = old.api;
    for (rule, old_value, new_value, what) in [
        (Rule::WireStatusChanged, old.wire_status, new.wire_status, "wire status"),
        (Rule::CodePrefixChanged, old.code_prefix, new.code_prefix, "code prefix"),
    ] {
        let (old_value, new_value) = (old_value.unwrap_or(&Value::Null), new_value.unwrap_or(&Value::Null));
        if old_value != new_value {
            let message = format!("{what} {} → {}", shown(old_value), shown(new_value));
            found.push(rule, api, (None, None), old_value.clone(), new_value.clone(), message);
        }
    }
    compare_members(found, old, new);
    for entry in &old.entries {
        let key = (Some(entry.variant), Some(entry.code));
        let Some(next) = new.variant(entry.variant) else {
            let renamed = new.entries.iter().find(|other| {
                other.code == entry.code
                    && other.description == entry.description
                    && old.variant(other.variant).is_none()
            });
            let message = match renamed {
                Some(other) => format!("variant removed (renamed to {}?)", other.variant),
                None => "variant removed".to_owned(),
            };
            found.push(Rule::VariantRemoved, api, key, json!(entry.variant), Value::Null, message);
            continue;
        };
        compare_entries(found, api, entry, next);
    }
    let old_codes: BTreeSet<&str> = old.entries.iter().map(|entry| entry.code).collect();
    for code in old_codes.iter().filter(|code| !new.has_code(code)) {
        found.push(Rule::CodeRemoved, api, (None, Some(code)), json!(code), Value::Null, "code removed".to_owned());
    }
    for entry in new.entries.iter().filter(|entry| old.variant(entry.variant).is_none()) {
        let message = if old.has_code(entry.code) { "variant added" } else { "code added" };
        found.push(
            Rule::VariantAdded,
            api,
            (Some(entry.variant), Some(entry.code)),
            Value::Null,
            json!(entry.variant),
            message.to_owned(),
        );
    }
    compare_classification(found, old, new);
    compare_catch_alls(found, old, new);
    compare_registered(found, old, new);
}

fn compare_members(found: &mut Differences, old: &CatalogDocument<'_>, new: &CatalogDocument<'_>) {
    // A document written before `open` was recorded says nothing; the other one decides.
    let open = new.open.or(old.open).unwrap_or(false);
    for member in old.members.iter().filter(|member| !new.members.contains(member)) {
        found.push(
            Rule::MemberRemoved,
            old.api,
            (None, None),
            json!(member),
            Value::Null,
            format!("body member `{member}` removed"),
        );
    }
    for member in new.members.iter().filter(|member| !old.members.contains(member)) {
        let (rule, format) =
            if open { (Rule::MemberAddedToOpenFormat, "open") } else { (Rule::MemberAddedToClosedFormat, "closed") };
        found.push(
            rule,
            old.api,
            (None, None),
            Value::Null,
            json!(member),
            format!("body member `{member}` added to the {format} format"),
        );
    }
}

fn compare_entries(found: &mut Differences, api: &str, old: &EntryDocument<'_>, new: &EntryDocument<'_>) {
    let key = (Some(old.variant), Some(old.code));
    let fields = [
        ("code", Rule::CodeChanged, "code"),
        ("http_status", Rule::HttpStatusChanged, "HTTP status"),
        ("kind", Rule::KindChanged, "kind"),
        ("retryable", Rule::RetryableChanged, "retryable"),
        ("poll_interval_increase", Rule::PollIntervalChanged, "polling interval increase"),
        ("placeholders", Rule::PlaceholdersChanged, "placeholders"),
        ("source", Rule::SourceChanged, "source"),
        ("erratum", Rule::ErratumChanged, "erratum"),
        ("retired", Rule::RetiredChanged, "retired"),
        ("message", Rule::MessageChanged, "message"),
        ("description", Rule::DescriptionChanged, "description"),
        ("resolution", Rule::ResolutionChanged, "resolution"),
    ];
    for (field, rule, what) in fields {
        let (before, after) = (old.get(field), new.get(field));
        // An absent list of placeholders is an empty one.
        let empty = |value: &Value| value.is_null() || value.as_array().is_some_and(Vec::is_empty);
        if before == after || (field == "placeholders" && empty(before) && empty(after)) {
            continue;
        }
        let message = match (before.is_null(), after.is_null()) {
            (true, false) => format!("{what} added: {}", shown(after)),
            (false, true) => format!("{what} removed (was {})", shown(before)),
            _ => format!("{what} {} → {}", shown(before), shown(after)),
        };
        found.push(rule, api, key, before.clone(), after.clone(), message);
    }
}

/// Every pair the old document classifies (each entry's description, its
/// placeholders filled) must classify as the same variant in the new one.
fn compare_classification(found: &mut Differences, old: &CatalogDocument<'_>, new: &CatalogDocument<'_>) {
    // Each entry's description (placeholders filled), and once per code a body without one.
    let mut seen = BTreeSet::new();
    let mut bodies: Vec<(&EntryDocument<'_>, Option<String>)> = Vec::new();
    for entry in &old.entries {
        if let Ok(segments) = template::parse(entry.description) {
            let text: String = segments
                .iter()
                .map(|segment| match segment {
                    template::Segment::Text(text) => *text,
                    template::Segment::Placeholder(_) => "x",
                })
                .collect();
            bodies.push((entry, Some(text)));
        }
        if seen.insert(entry.code) {
            bodies.push((entry, None));
        }
    }
    for (entry, text) in bodies {
        let (before, after) = (old.classify(entry.code, text.as_deref()), new.classify(entry.code, text.as_deref()));
        // A removed variant is reported as such; here only what still exists moves.
        if before == after || before.is_some_and(|variant| new.variant(variant).is_none()) {
            continue;
        }
        let body = match &text {
            Some(text) => format!("({}, {text:?})", entry.code),
            None => format!("{} without a description", entry.code),
        };
        let message = format!(
            "{body} now classifies as {} instead of {}",
            after.unwrap_or("nothing"),
            before.unwrap_or("nothing")
        );
        found.push(
            Rule::ClassificationChanged,
            old.api,
            (Some(entry.variant), Some(entry.code)),
            json!(before),
            json!(after),
            message,
        );
    }
}

/// Every number of the old or new ranges must resolve to the same variant;
/// runs of numbers that moved together are reported as one span.
fn compare_catch_alls(found: &mut Differences, old: &CatalogDocument<'_>, new: &CatalogDocument<'_>) {
    let bounds = old.ranges.iter().chain(&new.ranges).flat_map(|range| [range.start, range.end]);
    let (Some(low), Some(high)) = (bounds.clone().min(), bounds.max()) else { return };
    let mut span: Option<(u32, u32, Option<&str>, Option<&str>)> = None;
    let mut report = |span: Option<(u32, u32, Option<&str>, Option<&str>)>| {
        if let Some((first, last, before, after)) = span {
            let numbers = if first == last { format!("code {first}") } else { format!("codes {first}–{last}") };
            let message = format!(
                "{numbers} now resolve to {} instead of {}",
                after.unwrap_or("nothing"),
                before.unwrap_or("nothing")
            );
            found.push(Rule::CatchAllChanged, old.api, (None, None), json!(before), json!(after), message);
        }
    };
    for number in low..=high {
        let (before, after) = (old.resolve(number), new.resolve(number));
        // A number the old catalog left unresolved may gain a meaning; a removed variant is reported apart.
        let moved = before.is_some() && before != after && before.is_some_and(|variant| new.variant(variant).is_some());
        match span {
            Some((first, last, b, a)) if moved && last + 1 == number && (b, a) == (before, after) => {
                span = Some((first, number, b, a));
            }
            _ => {
                report(span.take());
                if moved {
                    span = Some((number, number, before, after));
                }
            }
        }
    }
    report(span);
}

fn compare_registered(found: &mut Differences, old: &CatalogDocument<'_>, new: &CatalogDocument<'_>) {
    for (code, before) in &old.registered {
        match new.registered.get(code) {
            None => found.push(
                Rule::RegisteredErrorRemoved,
                old.api,
                (None, Some(code)),
                json!(code),
                Value::Null,
                "registered error removed".to_owned(),
            ),
            Some(after) if after != before => {
                let message = format!(
                    "registered error kind {}, retryable {} → kind {}, retryable {}",
                    shown(before.0),
                    shown(before.1),
                    shown(after.0),
                    shown(after.1)
                );
                found.push(
                    Rule::RegisteredErrorChanged,
                    old.api,
                    (None, Some(code)),
                    json!([before.0, before.1]),
                    json!([after.0, after.1]),
                    message,
                );
            }
            Some(_) => {}
        }
    }
    for code in new.registered.keys().filter(|code| !old.registered.contains_key(*code)) {
        found.push(
            Rule::RegisteredErrorAdded,
            old.api,
            (None, Some(code)),
            Value::Null,
            json!(code),
            "registered error added".to_owned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-API document whose entries all have the code `x`.
    fn document(entries: &[(&str, &str, bool)]) -> Value {
        let entries: Vec<Value> = entries
            .iter()
            .map(|(variant, description, generic)| {
                let mut entry = json!({
                    "variant": variant, "code": "x", "description": description, "message": "m",
                    "kind": "internal", "http_status": 500, "retryable": false,
                });
                if *generic {
                    entry["generic"] = json!(true);
                }
                entry
            })
            .collect();
        json!({ "catalogs": [{ "api": "a", "members": [], "entries": entries }] })
    }

    #[test]
    fn classification_follows_the_library_order() {
        let value = document(&[
            ("Generic", "Something failed: {{reason}}", true),
            ("Wildcard", "{{reason}}", false),
            ("Short", "Rule {{name}}", false),
            ("Long", "Rule {{name}} denied the login", false),
            ("Exact", "Exactly this.", false),
        ]);
        let catalogs = read_document(&value).expect("a document");
        let catalog = &catalogs[0];
        let classify = |text: Option<&str>| catalog.classify("x", text);
        assert_eq!(classify(Some("Exactly this.")), Some("Exact"));
        // Both templates fill the text; the one with more literal text wins.
        assert_eq!(classify(Some("Rule r1 denied the login")), Some("Long"));
        assert_eq!(classify(Some("Rule r1")), Some("Short"));
        // A generic entry's template does not count as a template; the wildcard takes the text.
        assert_eq!(classify(Some("Something failed: disk")), Some("Wildcard"));
        assert_eq!(classify(Some("anything")), Some("Wildcard"));
        assert_eq!(classify(None), Some("Generic"), "no description: the generic entry");
        // A literal description that is not this text is no template.
        let plain = document(&[("A", "One text.", false), ("B", "Other text.", true)]);
        let catalogs = read_document(&plain).expect("a document");
        assert_eq!(catalogs[0].classify("x", Some("Third text.")), Some("B"));
        assert_eq!(catalogs[0].classify("y", Some("One text.")), None, "no entry has the code");
    }

    #[test]
    fn a_removed_variant_is_called_renamed_only_to_a_new_one_of_the_same_pair() {
        let old = document(&[("A", "One text.", false), ("B", "Other text.", true)]);
        let message = |new: Value| compare(&old, &new).expect("documents").differences()[0].message().to_owned();
        // B remains with the code: A was removed, not renamed to B.
        assert_eq!(message(document(&[("B", "Other text.", true)])), "variant removed");
        // C is new with the same code but another description: not a rename.
        assert_eq!(message(document(&[("C", "New text.", false), ("B", "Other text.", true)])), "variant removed");
        assert_eq!(
            message(document(&[("C", "One text.", false), ("B", "Other text.", true)])),
            "variant removed (renamed to C?)"
        );
        let report = compare(&old, &document(&[("B", "Other text.", true)])).expect("documents");
        assert_eq!(report.differences()[0].api(), "a");
    }

    #[test]
    fn a_shape_error_says_which_document() {
        let good = document(&[("A", "One text.", false)]);
        let bad = json!({ "catalogs": [{ "api": "a", "members": [], "entries": [{ "variant": 1 }] }] });
        let in_new = compare(&good, &bad).expect_err("the new document is broken");
        assert!(!in_new.is_in_old());
        assert!(compare(&bad, &good).expect_err("the old one is").is_in_old());
    }
}
