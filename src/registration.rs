//! Akamai Identity Cloud (formerly Janrain Capture) Registration API.
//!
//! Error bodies are `{"stat":"error","code":<int>,"error":<string>,
//! "error_description":<string>,"request_token":<16 chars>, …}`. The API
//! itself answers **HTTP 200** with `"stat":"error"`
//! ([`Catalog::wire_status`](crate::Catalog::wire_status)); each entry's
//! [`http_status`](Code::http_status) is the status a REST service built on
//! these codes would map it to (210 → 401, 510 → 429).
//!
//! A code that is a multiple of 10 or 100 is a catch-all for the codes below
//! it: [`Code::resolve`] maps an unknown code to its nearest catch-all.
//!
//! ```
//! use auth_error_catalog::registration::Code;
//!
//! assert_eq!(Code::from_wire("210"), Some(Code::InvalidCredentials));
//! assert_eq!(Code::from_wire("invalid_credentials"), Some(Code::InvalidCredentials));
//! assert_eq!(Code::resolve(218), Some(Code::InvalidCredentials));
//! assert_eq!(Code::InvalidCredentials.parent(), Some(Code::InvalidArgument));
//! ```

include!(concat!(env!("OUT_DIR"), "/registration.rs"));

use crate::catalog::Classified;

impl Code {
    /// The catch-all above this code: `210 → 200`, `200 → None`.
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// assert_eq!(Code::InvalidArgument.parent(), None);
    /// ```
    pub fn parent(self) -> Option<Code> {
        self.entry().parent().map(|parent| Code::ALL[parent.index()])
    }

    /// The code numbered `number`, or for a number the catalog does not
    /// know, its nearest catch-all: the next lower multiple of 10 if the
    /// catalog has it, else the catch-all of the innermost range holding it.
    ///
    /// ```
    /// use auth_error_catalog::registration::Code;
    /// assert_eq!(Code::resolve(210), Some(Code::InvalidCredentials));
    /// assert_eq!(Code::resolve(218), Some(Code::InvalidCredentials));
    /// assert_eq!(Code::resolve(299), Some(Code::InvalidArgument));
    /// assert_eq!(Code::resolve(9999), None);
    /// ```
    pub fn resolve(number: u32) -> Option<Code> {
        if let Some(code) = Code::from_number(number) {
            return Some(code);
        }
        let rules = CATALOG.ranges.iter().map(CodeRange::rule);
        let parent = crate::catch_all::catch_all(number, rules, |candidate| Code::from_number(candidate).is_some())?;
        Code::from_number(parent)
    }

    /// The catalog's code for a received code: a number in canonical
    /// decimal form resolves to its catch-all when the catalog lacks it.
    pub(crate) fn classify_number(raw_code: &str) -> Classified<Code> {
        // Only the canonical decimal form is a number: not "+210", not "0210".
        let canonical =
            raw_code.bytes().all(|byte| byte.is_ascii_digit()) && !(raw_code.len() > 1 && raw_code.starts_with('0'));
        let Some(number) = raw_code.parse::<u32>().ok().filter(|_| canonical) else {
            return Classified::exact(Code::from_wire(raw_code));
        };
        match (Code::from_number(number), Code::resolve(number)) {
            (Some(code), _) => Classified::Exact(code),
            (None, Some(catch_all)) => Classified::CatchAll(catch_all),
            (None, None) => Classified::Unknown,
        }
    }
}
