//! The catalog as data: every API's entries, walkable by tools and docs.

use std::borrow::Cow;

use http::StatusCode;

use crate::api::Api;
use crate::body::{BodyMember, MemberValue, Shape};
use crate::json;
use crate::kind::Kind;
use crate::template::Segment;
pub(crate) use crate::text_span::{TextSpan, at};

/// Builds a status in a `static` initialiser. build.rs has validated every
/// status, and a bad one would fail compilation here, never at run time.
pub(crate) const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("build.rs lets only valid HTTP statuses through"),
    }
}

/// How a received code was matched to the catalog.
///
/// For Auth0, whose entries share an `error` string and differ by
/// description, the order is: [`Exact`](Match::Exact), then
/// [`Template`](Match::Template), then [`Wildcard`](Match::Wildcard), then
/// [`Generic`](Match::Generic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Match {
    /// The code (and for Auth0 the exact description) is in the catalog.
    Exact,
    /// The description filled one of the code's templates around its literal
    /// text (`the connection was not found for tenant {{tenant}}`); where two
    /// fill it, the one with more literal text.
    Template,
    /// Auth0: the description filled a template that is one placeholder
    /// alone (`{{reason}}`), which any text fills: the entry is known by its
    /// `error` string, not by its description.
    Wildcard,
    /// Auth0: the description identifies no entry, or there is none; the
    /// code is the `error` string's generic entry, its documented meaning.
    Generic,
    /// Registration: the number is unknown; the code is its nearest catch-all.
    CatchAll,
    /// The code is not in the catalog.
    Unknown,
}

/// A received code as classified: its entry and how it matched, or no
/// entry. An entry without a match, or a match without an entry, cannot be
/// written down. Public in a private module: the wire formats' sealed
/// internals return it, and users never see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Classified<C> {
    Exact(C),
    Template(C),
    Wildcard(C),
    Generic(C),
    CatchAll(C),
    Unknown,
}

impl<C: Copy> Classified<C> {
    /// An exact match of `code`, else nothing.
    pub(crate) fn exact(code: Option<C>) -> Self {
        code.map_or(Classified::Unknown, Classified::Exact)
    }

    pub(crate) fn code(self) -> Option<C> {
        match self {
            Classified::Exact(code)
            | Classified::Template(code)
            | Classified::Wildcard(code)
            | Classified::Generic(code)
            | Classified::CatchAll(code) => Some(code),
            Classified::Unknown => None,
        }
    }

    pub(crate) fn matched(self) -> Match {
        match self {
            Classified::Exact(_) => Match::Exact,
            Classified::Template(_) => Match::Template,
            Classified::Wildcard(_) => Match::Wildcard,
            Classified::Generic(_) => Match::Generic,
            Classified::CatchAll(_) => Match::CatchAll,
            Classified::Unknown => Match::Unknown,
        }
    }
}

/// How the Markdown reference lays out a catalog's entries (`[api] layout`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(feature = "docs"), allow(dead_code))]
pub(crate) enum Layout {
    /// One table, the seed's own columns.
    Table,
    /// Grouped by endpoint, grant type and status.
    Endpoints,
    /// Grouped by section, with resolutions.
    Sections,
    /// The code ranges, then every code with its catch-all.
    Ranges,
}

/// One API's catalog: its metadata and all of its entries.
///
/// ```
/// use auth_error_catalog::Api;
///
/// let catalog = Api::AppNative.catalog();
/// assert_eq!(catalog.code_prefix(), Some("ABA-"));
/// assert!(catalog.entries().iter().any(|entry| entry.code() == "ABA-60004"));
/// ```
#[derive(Debug)]
pub struct Catalog {
    pub(crate) api: Api,
    pub(crate) title: &'static str,
    #[cfg(feature = "docs")]
    pub(crate) source: &'static str,
    pub(crate) code_prefix: Option<&'static str>,
    pub(crate) wire_status: Option<StatusCode>,
    pub(crate) generic_statuses: &'static [StatusCode],
    pub(crate) challenge: &'static str,
    pub(crate) open: bool,
    #[cfg(feature = "docs")]
    pub(crate) erratum: Option<&'static str>,
    #[cfg_attr(not(feature = "docs"), allow(dead_code))]
    pub(crate) layout: Layout,
    pub(crate) members: &'static [BodyMember],
    #[cfg_attr(not(feature = "docs"), allow(dead_code))]
    pub(crate) shape: Shape,
    pub(crate) ranges: &'static [CodeRange],
    pub(crate) entries: &'static [Entry],
    /// Sorted by code.
    pub(crate) registered_errors: &'static [RegisteredError],
    pub(crate) lookup: fn(&str) -> Option<&'static Entry>,
}

impl Catalog {
    /// Which API this is.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Auth0.catalog().api(), Api::Auth0);
    /// ```
    pub fn api(&self) -> Api {
        self.api
    }

    /// The API's human name.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(Api::Auth0.catalog().title().contains("Auth0"));
    /// ```
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// Where the catalog's facts come from.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(!Api::Authos.catalog().source().is_empty());
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// A prefix of the wire code that lookups may leave out (`ABA-`).
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Authos.catalog().code_prefix(), None);
    /// ```
    pub fn code_prefix(&self) -> Option<&'static str> {
        self.code_prefix
    }

    /// The HTTP status the API itself answers every error with, where that is
    /// not the entry's own: the Registration API answers HTTP 200 with
    /// `"stat":"error"`, while [`Entry::http_status`] is the status a service
    /// built on it would map the error to.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Registration.catalog().wire_status(), Some(http::StatusCode::OK));
    /// assert_eq!(Api::AppNative.catalog().wire_status(), None);
    /// ```
    pub fn wire_status(&self) -> Option<StatusCode> {
        self.wire_status
    }

    /// HTTP statuses the API documents generically, without an error code.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let statuses = Api::Auth0.catalog().generic_statuses();
    /// assert!(statuses.contains(&http::StatusCode::TOO_MANY_REQUESTS));
    /// ```
    pub fn generic_statuses(&self) -> &'static [StatusCode] {
        self.generic_statuses
    }

    /// The `WWW-Authenticate` challenge a 401 of this API carries; `{{code}}`,
    /// where it appears, stands for the entry's code (RFC 6750 §3 for Auth0).
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Auth0.catalog().challenge(), r#"Bearer error="{{code}}""#);
    /// assert_eq!(Api::AppNative.catalog().challenge(), "Bearer");
    /// ```
    pub fn challenge(&self) -> &'static str {
        self.challenge
    }

    /// Whether the API's bodies carry members beyond their own, so that its
    /// errors take them ([`OpenFormat`](crate::OpenFormat), `Error::with_member`).
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(Api::Registration.catalog().is_open());
    /// assert!(!Api::AppNative.catalog().is_open());
    /// ```
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The members of a rendered body, in wire order.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let names: Vec<&str> = Api::AppNative.catalog().members().iter().map(|member| member.name()).collect();
    /// assert_eq!(names, ["code", "message", "description", "traceId"]);
    /// ```
    pub fn members(&self) -> &'static [BodyMember] {
        self.members
    }

    /// What the documentation adds about real bodies: the members they may
    /// carry beyond the format's own, or another shape some endpoint sends.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(Api::Auth0.catalog().body_note().unwrap().contains("sign-up"));
    /// assert_eq!(Api::AppNative.catalog().body_note(), None);
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn body_note(&self) -> Option<&'static str> {
        self.shape.note
    }

    /// The fields of a body, which each error sets ([`MemberValue::Field`]),
    /// in wire order: `trace_id`, `timestamp`, `request_token`.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Authos.catalog().fields().collect::<Vec<_>>(), ["timestamp"]);
    /// assert_eq!(Api::Auth0.catalog().fields().count(), 0);
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = &'static str> {
        self.members.iter().filter_map(|member| match member.value {
            MemberValue::Field { field, .. } => Some(field),
            _ => None,
        })
    }

    /// A mistake in the API-level part of the source documents, and its resolution.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// for api in Api::ALL {
    ///     if let Some(erratum) = api.catalog().erratum() {
    ///         assert!(!erratum.is_empty());
    ///     }
    /// }
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn erratum(&self) -> Option<&'static str> {
        self.erratum
    }

    /// The declared code ranges (Registration's categories), outermost first.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let ranges = Api::Registration.catalog().ranges();
    /// assert!(ranges.iter().any(|range| range.contains(210)));
    /// ```
    pub fn ranges(&self) -> &'static [CodeRange] {
        self.ranges
    }

    /// Every entry, in catalog order.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::AppNative.catalog().entries()[0].code(), "401");
    /// ```
    pub fn entries(&self) -> &'static [Entry] {
        self.entries
    }

    /// The entry a wire text names, by the same perfect-hash lookup as the
    /// API's `Code::from_wire`.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let entry = Api::Registration.catalog().find("invalid_credentials").unwrap();
    /// assert_eq!(entry.code(), "210");
    /// ```
    pub fn find(&self, wire: &str) -> Option<&'static Entry> {
        (self.lookup)(wire)
    }

    /// The codes of a registry the API follows that a body may carry
    /// although the catalog has no entry for them (for Auth0, the IANA OAuth
    /// Extensions Error Registry), sorted by code.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let registered = Api::Auth0.catalog().registered_errors();
    /// assert!(registered.iter().any(|registered| registered.code() == "invalid_authorization_details"));
    /// assert!(Api::Authos.catalog().registered_errors().is_empty());
    /// ```
    pub fn registered_errors(&self) -> &'static [RegisteredError] {
        self.registered_errors
    }

    /// The registered code `code`, where the registry has it.
    ///
    /// ```
    /// use auth_error_catalog::{Api, Kind};
    /// let registered = Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap();
    /// assert_eq!(registered.kind(), Kind::InvalidRequest);
    /// assert!(Api::Auth0.catalog().registered_error("not_registered").is_none());
    /// ```
    pub fn registered_error(&self, code: &str) -> Option<&'static RegisteredError> {
        let index = self.registered_errors.binary_search_by(|registered| registered.code.cmp(code)).ok()?;
        self.registered_errors.get(index)
    }
}

/// A code of a registry the API follows, with its standard meaning: what a
/// client can know of a code that the catalog has no entry for.
///
/// ```
/// use auth_error_catalog::Api;
/// let registered = Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap();
/// assert_eq!(registered.code(), "invalid_authorization_details");
/// assert!(!registered.retryable());
/// ```
#[derive(Debug)]
pub struct RegisteredError {
    pub(crate) code: &'static str,
    pub(crate) kind: Kind,
    pub(crate) retryable: bool,
    #[cfg(feature = "docs")]
    pub(crate) usage: &'static str,
    #[cfg(feature = "docs")]
    pub(crate) source: &'static str,
}

impl RegisteredError {
    /// The code as sent on the wire.
    ///
    /// ```
    /// let first = &auth_error_catalog::Api::Auth0.catalog().registered_errors()[0];
    /// assert!(!first.code().is_empty());
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The kind its definition implies.
    ///
    /// ```
    /// use auth_error_catalog::{Api, Kind};
    /// let registered = Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap();
    /// assert_eq!(registered.kind(), Kind::InvalidRequest);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether repeating the same request later can succeed.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(!Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap().retryable());
    /// ```
    pub fn retryable(&self) -> bool {
        self.retryable
    }

    /// Where the registry says the code is used.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let registered = Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap();
    /// assert!(!registered.usage().is_empty());
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn usage(&self) -> &'static str {
        self.usage
    }

    /// The specification that defines the code, with its section.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let registered = Api::Auth0.catalog().registered_error("invalid_authorization_details").unwrap();
    /// assert!(registered.source().contains("RFC"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn source(&self) -> &'static str {
        self.source
    }
}

/// A declared range of numeric codes.
///
/// ```
/// use auth_error_catalog::Api;
/// let range = Api::Registration.catalog().ranges().iter().find(|r| r.contains(352)).unwrap();
/// assert!(range.start() <= 352 && 352 <= range.end());
/// ```
#[derive(Debug)]
pub struct CodeRange {
    pub(crate) name: &'static str,
    pub(crate) title: &'static str,
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) catch_all: Option<u32>,
    #[cfg(feature = "docs")]
    pub(crate) erratum: Option<&'static str>,
}

impl CodeRange {
    /// The range's id, which is the `section` of the entries in it.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let range = &Api::Registration.catalog().ranges()[0];
    /// assert!(!range.name().is_empty());
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// What the source documents say the range is for.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(!Api::Registration.catalog().ranges()[0].title().is_empty());
    /// ```
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// The first code of the range.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let range = &Api::Registration.catalog().ranges()[0];
    /// assert!(range.start() <= range.end());
    /// ```
    pub fn start(&self) -> u32 {
        self.start
    }

    /// The last code of the range (inclusive).
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let range = &Api::Registration.catalog().ranges()[0];
    /// assert!(range.contains(range.end()));
    /// ```
    pub fn end(&self) -> u32 {
        self.end
    }

    /// Whether `code` lies in the range.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let range = &Api::Registration.catalog().ranges()[0];
    /// assert!(!range.contains(range.end() + 1));
    /// ```
    pub fn contains(&self, code: u32) -> bool {
        (self.start..=self.end).contains(&code)
    }

    /// The code that stands for unknown codes in this range, if any.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// let range = Api::Registration.catalog().ranges().iter().find(|r| r.contains(218)).unwrap();
    /// assert_eq!(range.catch_all(), Some(200));
    /// ```
    pub fn catch_all(&self) -> Option<u32> {
        self.catch_all
    }

    /// What the source documents got wrong about this range.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert!(Api::Registration.catalog().ranges().iter().any(|r| r.erratum().is_some()));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn erratum(&self) -> Option<&'static str> {
        self.erratum
    }

    pub(crate) fn rule(&self) -> crate::catch_all::RangeRule {
        crate::catch_all::RangeRule { start: self.start, end: self.end, catch_all: self.catch_all }
    }
}

/// One error of one API, with everything the catalog knows about it.
///
/// ```
/// use auth_error_catalog::{app_native::Code, Kind};
///
/// let entry = Code::InvalidAuthenticatorId.entry();
/// assert_eq!(entry.code(), "ABA-60004");
/// assert_eq!(entry.number(), Some(60004));
/// assert_eq!(entry.http_status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(entry.kind(), Kind::InvalidRequest);
/// assert_eq!(entry.placeholders(), ["authenticator_id"]);
/// ```
pub struct Entry {
    pub(crate) api: Api,
    pub(crate) index: u16,
    // The spans below index `api.texts()`, and those behind `docs` (the
    // texts only the references read) `api.doc_texts()`: no pointer per
    // entry, which a position-independent binary would relocate at start-up.
    pub(crate) variant: TextSpan,
    pub(crate) code: TextSpan,
    pub(crate) number: Option<u32>,
    pub(crate) name: Option<TextSpan>,
    pub(crate) status: StatusCode,
    pub(crate) message: TextSpan,
    /// `message`, escaped for a JSON string.
    pub(crate) message_json: TextSpan,
    pub(crate) description: TextSpan,
    /// `description`, escaped for a JSON string.
    pub(crate) description_json: TextSpan,
    /// Only a description with placeholders has one: otherwise the
    /// description alone says it.
    pub(crate) template: Option<&'static Template>,
    pub(crate) resolution: Option<TextSpan>,
    #[cfg(feature = "docs")]
    pub(crate) section: TextSpan,
    #[cfg(feature = "docs")]
    pub(crate) endpoint: Option<TextSpan>,
    #[cfg(feature = "docs")]
    pub(crate) grant_type: Option<TextSpan>,
    pub(crate) kind: Kind,
    pub(crate) retryable: bool,
    #[cfg(feature = "docs")]
    pub(crate) erratum: Option<TextSpan>,
    #[cfg(feature = "docs")]
    pub(crate) source: Option<TextSpan>,
    pub(crate) generic: bool,
    pub(crate) poll_interval_increase: Option<u32>,
    pub(crate) nonce_header: Option<TextSpan>,
    pub(crate) retired: Option<TextSpan>,
    /// The entry is in the same catalog: the generated statics refer to each other.
    pub(crate) parent: Option<&'static Entry>,
}

/// A description with placeholders, as segments.
#[derive(Debug)]
pub(crate) struct Template {
    pub(crate) segments: &'static [Segment<'static>],
    /// `segments` with their text escaped for a JSON string.
    pub(crate) segments_json: &'static [Segment<'static>],
    pub(crate) placeholders: &'static [&'static str],
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut debug = formatter.debug_struct("Entry");
        debug
            .field("api", &self.api)
            .field("index", &self.index)
            .field("variant", &self.variant())
            .field("code", &self.code())
            .field("number", &self.number)
            .field("name", &self.name())
            .field("status", &self.status)
            .field("message", &self.message())
            .field("description", &self.description())
            .field("placeholders", &self.placeholders())
            .field("resolution", &self.resolution())
            .field("kind", &self.kind)
            .field("retryable", &self.retryable)
            .field("generic", &self.generic)
            .field("poll_interval_increase", &self.poll_interval_increase)
            .field("nonce_header", &self.nonce_header())
            .field("retired", &self.retired())
            .field("parent", &self.parent.map(Entry::variant));
        #[cfg(feature = "docs")]
        debug
            .field("section", &self.section())
            .field("endpoint", &self.endpoint())
            .field("grant_type", &self.grant_type())
            .field("erratum", &self.erratum())
            .field("source", &self.source());
        debug.finish()
    }
}

impl Entry {
    /// The API the entry belongs to.
    ///
    /// ```
    /// use auth_error_catalog::{authos::Code, Api};
    /// assert_eq!(Code::TokenExpired.entry().api(), Api::Authos);
    /// ```
    pub fn api(&self) -> Api {
        self.api
    }

    /// The Rust variant name of the entry's `Code`.
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert_eq!(Code::TokenExpired.entry().variant(), "TokenExpired");
    /// ```
    pub fn variant(&self) -> &'static str {
        self.text(self.variant)
    }

    /// The code exactly as sent on the wire: `"ABA-60004"`, `"401"`,
    /// `"invalid_request"`, `"TOKEN_EXPIRED"`, `"210"`.
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// assert_eq!(Code::InvalidCredentials.entry().code(), "210");
    /// ```
    pub fn code(&self) -> &'static str {
        self.text(self.code)
    }

    /// The code's number, where it has one (`60004` for `ABA-60004`, `210`).
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert_eq!(Code::TokenExpired.entry().number(), None);
    /// ```
    pub fn number(&self) -> Option<u32> {
        self.number
    }

    /// The machine-readable name sent beside a numeric code (Registration's `error`).
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// assert_eq!(Code::InvalidCredentials.entry().name(), Some("invalid_credentials"));
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        self.name.map(|span| self.text(span))
    }

    /// The HTTP status a service sends this error with. For Registration see
    /// also [`Catalog::wire_status`].
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// assert_eq!(Code::InvalidCredentials.entry().http_status().as_u16(), 401);
    /// ```
    pub fn http_status(&self) -> StatusCode {
        self.status
    }

    /// The short message or title.
    ///
    /// ```
    /// use auth_error_catalog::app_native::Code;
    /// assert_eq!(Code::Unauthorized.entry().message(), "Unauthorized");
    /// ```
    pub fn message(&self) -> &'static str {
        self.text(self.message)
    }

    /// The description template, with `{{name}}` placeholders.
    ///
    /// ```
    /// use auth_error_catalog::app_native::Code;
    /// assert!(Code::InvalidAuthenticatorId.entry().description().contains("{{authenticator_id}}"));
    /// ```
    pub fn description(&self) -> &'static str {
        self.text(self.description)
    }

    /// The placeholder names of the description, in order of appearance.
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert!(Code::TokenExpired.entry().placeholders().is_empty());
    /// ```
    pub fn placeholders(&self) -> &'static [&'static str] {
        self.template.map_or(&[], |template| template.placeholders)
    }

    /// What the caller should do, where the source documents say.
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert!(Code::TokenExpired.entry().resolution().is_some());
    /// ```
    pub fn resolution(&self) -> Option<&'static str> {
        self.resolution.map(|span| self.text(span))
    }

    /// The section or category the source documents list the entry under.
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert!(!Code::TokenExpired.entry().section().is_empty());
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn section(&self) -> &'static str {
        self.section.of(self.api.doc_texts())
    }

    /// The endpoint the source documents list the entry under (Auth0).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// assert_eq!(Code::InvalidUserPassword.entry().endpoint(), Some("/oauth/ro"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn endpoint(&self) -> Option<&'static str> {
        self.endpoint.map(|span| span.of(self.api.doc_texts()))
    }

    /// The grant type the source documents list the entry under (Auth0).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// assert_eq!(Code::InvalidUserPassword.entry().grant_type(), Some("password"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn grant_type(&self) -> Option<&'static str> {
        self.grant_type.map(|span| span.of(self.api.doc_texts()))
    }

    /// The cross-API kind.
    ///
    /// ```
    /// use auth_error_catalog::{authos::Code, Kind};
    /// assert_eq!(Code::TokenExpired.entry().kind(), Kind::TokenExpired);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether repeating the same request later can succeed.
    ///
    /// ```
    /// use auth_error_catalog::authos::Code;
    /// assert!(Code::RateLimitExceeded.entry().retryable());
    /// assert!(!Code::InvalidCredentials.entry().retryable());
    /// ```
    pub fn retryable(&self) -> bool {
        self.retryable
    }

    /// What the source documents got wrong about this entry, and how the
    /// catalog resolved it.
    ///
    /// ```
    /// use auth_error_catalog::app_native::Code;
    /// assert!(Code::Unauthorized.entry().erratum().unwrap().contains("Unauthorzed"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn erratum(&self) -> Option<&'static str> {
        self.erratum.map(|span| span.of(self.api.doc_texts()))
    }

    /// The public document the entry comes from, where it is not a row of
    /// the API's seed document ([`Catalog::source`]).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// assert_eq!(Code::MissingUsername.entry().source(), None); // a seed row
    /// assert!(Code::AuthorizationPending.entry().source().unwrap().contains("RFC 8628"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn source(&self) -> Option<&'static str> {
        self.source.map(|span| span.of(self.api.doc_texts()))
    }

    /// Whether this is its code's generic entry: the code's documented
    /// meaning, which a received body of that code classifies to when its
    /// description identifies no more specific entry (Auth0).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// assert!(Code::InvalidRequest.entry().is_generic());
    /// assert!(!Code::MissingUsername.entry().is_generic());
    /// ```
    pub fn is_generic(&self) -> bool {
        self.generic
    }

    /// How much longer a client that polls must wait between requests from
    /// now on (RFC 8628 §3.5 `slow_down`: 5 seconds more).
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// use std::time::Duration;
    /// assert_eq!(Code::SlowDown.entry().poll_interval_increase(), Some(Duration::from_secs(5)));
    /// assert_eq!(Code::AuthorizationPending.entry().poll_interval_increase(), None);
    /// ```
    pub fn poll_interval_increase(&self) -> Option<std::time::Duration> {
        self.poll_interval_increase.map(|seconds| std::time::Duration::from_secs(seconds.into()))
    }

    /// The response header whose value the client repeats the request with,
    /// once: RFC 9449 §8's `DPoP-Nonce` on `use_dpop_nonce`.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    /// assert_eq!(Code::DpopNonceRequired.entry().nonce_header(), Some("DPoP-Nonce"));
    /// assert_eq!(Code::SlowDown.entry().nonce_header(), None);
    /// ```
    pub fn nonce_header(&self) -> Option<&'static str> {
        self.nonce_header.map(|span| self.text(span))
    }

    /// `"<version>: <why>"` when the code is retired: still looked up,
    /// parsed and documented, never deleted, and its constructor is
    /// `#[deprecated]`. `None` for a code in use.
    ///
    /// ```
    /// use auth_error_catalog::entries;
    /// assert!(entries().all(|entry| entry.retired().is_none()), "no code is retired yet");
    /// ```
    pub fn retired(&self) -> Option<&'static str> {
        self.retired.map(|span| self.text(span))
    }

    /// The catch-all entry above this one (Registration: `218 → 210 → 200`).
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// let parent = Code::InvalidCredentials.entry().parent().unwrap();
    /// assert_eq!(parent.code(), "200");
    /// ```
    pub fn parent(&self) -> Option<&'static Entry> {
        self.parent
    }

    /// The entry's position in its catalog, which is also its `Code`'s position in `Code::ALL`.
    ///
    /// ```
    /// use auth_error_catalog::app_native::Code;
    /// assert_eq!(Code::ALL[Code::InvalidAuthenticatorId.entry().index()], Code::InvalidAuthenticatorId);
    /// ```
    pub fn index(&self) -> usize {
        self.index.into()
    }

    /// The values `text` gives the placeholders of the description, in
    /// order, if it fills the description; a description without
    /// placeholders is filled only by itself.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Vec<(&'static str, &'t str)>> {
        match self.template {
            Some(template) => crate::template::captures(template.segments, text),
            None => (text == self.description()).then(Vec::new),
        }
    }

    /// The description with `values` in its placeholders, in the order of
    /// [`placeholders`](Entry::placeholders).
    pub(crate) fn fill(&self, values: &[impl AsRef<str>]) -> Cow<'static, str> {
        match self.template {
            Some(template) => Cow::Owned(json::fill(template.segments, template.placeholders, values)),
            None => Cow::Borrowed(self.description()),
        }
    }

    /// [`fill`](Entry::fill), written as a JSON string.
    pub(crate) fn write_filled_json(&self, out: &mut Vec<u8>, values: &[impl AsRef<str>]) {
        match self.template {
            Some(template) => json::escaped_template_into(out, template.segments_json, template.placeholders, values),
            None => {
                out.push(b'"');
                out.extend_from_slice(self.text(self.description_json).as_bytes());
                out.push(b'"');
            }
        }
    }

    pub(crate) fn message_json(&self) -> &'static str {
        self.text(self.message_json)
    }

    fn text(&self, span: TextSpan) -> &'static str {
        span.of(self.api.texts())
    }
}

impl Kind {
    /// The kind an HTTP error status implies, for codes the catalog does not know.
    ///
    /// ```
    /// use auth_error_catalog::Kind;
    /// use http::StatusCode;
    /// assert_eq!(Kind::for_status(StatusCode::TOO_MANY_REQUESTS), Kind::RateLimited);
    /// assert_eq!(Kind::for_status(StatusCode::BAD_GATEWAY), Kind::Unavailable);
    /// assert_eq!(Kind::for_status(StatusCode::OK), Kind::InvalidRequest);
    /// ```
    pub fn for_status(status: StatusCode) -> Kind {
        match status.as_u16() {
            401 => Kind::Unauthenticated,
            403 => Kind::PermissionDenied,
            404 | 410 => Kind::NotFound,
            409 | 412 => Kind::Conflict,
            429 => Kind::RateLimited,
            501 => Kind::NotImplemented,
            502..=504 => Kind::Unavailable,
            500..=599 => Kind::Internal,
            // 2xx carries errors too (Registration's 200 with "stat":"error").
            _ => Kind::InvalidRequest,
        }
    }
}
