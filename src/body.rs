//! Each API's error body as data, generated from its catalog's `[[member]]`,
//! `[body]` and `[[detect]]` tables: what a rendered body holds, where a
//! parser finds the code and the description, and how `parse` tells the
//! APIs apart. Render, parse, detection, the schemas and the CLI all read it.

/// One member of an API's error body, in wire order.
///
/// ```
/// use auth_error_catalog::{Api, MemberValue};
///
/// let members = Api::Registration.catalog().members();
/// assert_eq!(members[0].name(), "stat");
/// assert_eq!(members[0].value(), MemberValue::Literal("error"));
/// assert!(members.iter().any(|member| member.value() == MemberValue::Description));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BodyMember {
    pub(crate) name: &'static str,
    pub(crate) value: MemberValue,
    // What only the references read: a service carries neither.
    #[cfg(feature = "docs")]
    pub(crate) about: &'static str,
    #[cfg(feature = "docs")]
    pub(crate) format: Option<&'static str>,
}

impl BodyMember {
    /// The member's name on the wire.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Api::Authos.catalog().members()[1].name(), "error_code");
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// What it holds.
    ///
    /// ```
    /// use auth_error_catalog::{Api, MemberValue};
    /// assert_eq!(Api::Authos.catalog().members()[0].value(), MemberValue::Description);
    /// ```
    pub fn value(&self) -> MemberValue {
        self.value
    }

    /// What it means, as the JSON Schema says.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Api::Authos.catalog().members()[0].about(), "The human-readable message.");
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn about(&self) -> &'static str {
        self.about
    }

    /// Its JSON Schema `format`, if any (`date-time`).
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Api::Authos.catalog().members()[2].format(), Some("date-time"));
    /// ```
    #[cfg(feature = "docs")]
    #[cfg_attr(docsrs, doc(cfg(feature = "docs")))]
    pub fn format(&self) -> Option<&'static str> {
        self.format
    }
}

/// What a [`BodyMember`] holds.
///
/// ```
/// use auth_error_catalog::{Api, MemberValue};
///
/// let trace_id = Api::AppNative.catalog().members()[3].value();
/// assert!(matches!(trace_id, MemberValue::Field { field: "trace_id", .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MemberValue {
    /// The entry's code, as a JSON string.
    Code,
    /// The entry's code, as a JSON integer.
    Number,
    /// The entry's name (Registration's `error`).
    Name,
    /// The entry's message.
    Message,
    /// The description: the entry's template filled in, or the override.
    Description,
    /// The same text in every body (`"stat":"error"`).
    Literal(&'static str),
    /// A value of each error, which [`Error::with_field`](crate::Error::with_field)
    /// and the generated `with_<field>` setter set.
    Field {
        /// The field's name (`trace_id`).
        field: &'static str,
        /// The value the documentation shows (`2025-01-15T10:30:00Z`).
        example: &'static str,
    },
}

/// Where a received body keeps what classification needs. Public in a
/// private module: the sealed `Format` trait names it, users cannot.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// The members that may hold the code, first present wins.
    pub(crate) code: &'static [&'static str],
    /// The members that may hold the description, first present wins.
    pub(crate) description: &'static [&'static str],
    /// Members all of which a body of this API has (beside `code`).
    pub(crate) required: &'static [&'static str],
    /// Members at least one of which a body of this API has, if any are named.
    pub(crate) any_of: &'static [&'static str],
    /// What the JSON Schema adds about real bodies.
    #[cfg(feature = "docs")]
    pub(crate) note: Option<&'static str>,
}

/// One rule of body detection: a body whose members pass every test of
/// `all` and, where `any` has tests, one of `any`, is `api`'s, unless a rule
/// before it in the generated `DETECT_RULES` (of lower `order`, of any API)
/// holds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DetectRule {
    pub(crate) api: crate::api::Api,
    pub(crate) all: Tests,
    pub(crate) any: Tests,
}

/// The tests of one side of a [`DetectRule`], each kind as a bit mask over
/// the generated `DETECT_NAMES`: bit `i` tests the member `DETECT_NAMES[i]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tests {
    /// The member is there.
    pub(crate) present: u64,
    /// The member is not there.
    pub(crate) absent: u64,
    /// The member is a JSON string.
    pub(crate) text: u64,
    /// The member is a JSON object.
    pub(crate) object: u64,
    /// The member is a string or a number: a code.
    pub(crate) code: u64,
    /// The member is a code of the rule's API: one its catalog knows, or its
    /// `code_prefix` followed by digits.
    pub(crate) own_code: u64,
}

impl Tests {
    /// No test.
    pub(crate) const NONE: Tests = Tests { present: 0, absent: 0, text: 0, object: 0, code: 0, own_code: 0 };
}
