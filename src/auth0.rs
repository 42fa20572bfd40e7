//! Auth0 Authentication API.
//!
//! Error bodies are `{"error","error_description"}`. An entry's identity on the
//! wire is the pair: `invalid_request` alone stands for many entries. The HTTP
//! status on the wire is not a function of `error` (`invalid_grant` has been
//! seen with 400, 401 and 403); [`Code::http_status`] is the one the Auth0
//! documentation lists the entry under.
//!
//! ```
//! use auth_error_catalog::auth0::Code;
//!
//! let code = Code::from_pair("invalid_request", "missing username parameter");
//! assert_eq!(code, Some(Code::MissingUsername));
//! // Templates match too: `too_many_attempts` comes with any description.
//! let code = Code::from_pair("too_many_attempts", "Your account has been blocked.");
//! assert_eq!(code, Some(Code::TooManyAttempts));
//! ```

include!(concat!(env!("OUT_DIR"), "/auth0.rs"));

use crate::parse::Match;

impl Code {
    /// The entry for an `(error, error_description)` pair: an exact match
    /// first, then a description template that the text fills (such as
    /// `{{reason}}`). `None` when neither matches; [`Code::from_wire`] then
    /// gives the first entry of the `error` string, whose kind and
    /// retryability all entries of that string share.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    ///
    /// assert_eq!(Code::from_pair("invalid_request", "no such text"), None);
    /// let representative = Code::from_wire("invalid_request").unwrap();
    /// assert_eq!(representative.as_str(), "invalid_request");
    /// ```
    pub fn from_pair(error: &str, description: &str) -> Option<Code> {
        match Code::classify_pair(error, Some(description)) {
            (code, Match::Exact | Match::Template) => code,
            _ => None,
        }
    }

    /// An exact pair, else a template the description fills, else the
    /// `error` string alone.
    pub(crate) fn classify_pair(error: &str, description: Option<&str>) -> (Option<Code>, Match) {
        let Some(description) = description else {
            return Code::error_only(error);
        };
        if let Some(code) = PAIRS.get(error, description) {
            return (Some(code), Match::Exact);
        }
        let templated = Code::ALL.into_iter().find(|code| {
            let entry = code.entry();
            entry.code() == error
                && !entry.placeholders().is_empty()
                && crate::template::captures(entry.template(), description).is_some()
        });
        match templated {
            Some(code) => (Some(code), Match::Template),
            None => Code::error_only(error),
        }
    }

    fn error_only(error: &str) -> (Option<Code>, Match) {
        match Code::from_wire(error) {
            Some(code) => (Some(code), Match::ErrorOnly),
            None => (None, Match::Unknown),
        }
    }
}
