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

use crate::catalog::Classified;

impl Code {
    /// The entry whose description an `(error, error_description)` pair
    /// fills, tried in order: an exact description, a template with literal
    /// text, a wildcard (`{{reason}}` alone, which any text fills), and last
    /// the `error` string's generic entry, which takes any text where its
    /// description is `{{description}}` and only its own text where it is
    /// documented. `None` when the text fills none of them;
    /// [`Code::from_wire`] gives the generic entry whatever the text.
    ///
    /// ```
    /// use auth_error_catalog::auth0::Code;
    ///
    /// assert_eq!(Code::from_pair("invalid_grant", "Wrong email or password."), Some(Code::WrongEmailOrPassword));
    /// // A generic entry whose description is documented takes only that text.
    /// assert_eq!(Code::from_pair("mfa_required", "no such text"), None);
    /// assert_eq!(Code::from_wire("mfa_required"), Some(Code::MfaRequired));
    /// assert_eq!(Code::from_wire("invalid_request"), Some(Code::InvalidRequest));
    /// assert!(Code::InvalidRequest.entry().is_generic());
    /// ```
    pub fn from_pair(error: &str, description: &str) -> Option<Code> {
        match Code::classify_pair(error, Some(description)) {
            Classified::Exact(code) | Classified::Template(code) | Classified::Wildcard(code) => Some(code),
            // A generic entry only where the text fills its own description.
            Classified::Generic(code) => {
                crate::template::captures(code.entry().template(), description).is_some().then_some(code)
            }
            Classified::CatchAll(_) | Classified::Unknown => None,
        }
    }

    /// The pair's entry by [`from_pair`](Code::from_pair)'s order, else the
    /// `error` string's generic entry.
    pub(crate) fn classify_pair(error: &str, description: Option<&str>) -> Classified<Code> {
        let Some(description) = description else {
            return Code::generic(error);
        };
        if let Some(code) = PAIRS.get(error, description) {
            return Classified::Exact(code);
        }
        let fills = |code: &Code| {
            let entry = code.entry();
            entry.code() == error && crate::template::captures(entry.template(), description).is_some()
        };
        if let Some(code) = TEMPLATES.into_iter().find(fills) {
            return Classified::Template(code);
        }
        match WILDCARDS.into_iter().find(fills) {
            Some(code) => Classified::Wildcard(code),
            None => Code::generic(error),
        }
    }

    fn generic(error: &str) -> Classified<Code> {
        Code::from_wire(error).map_or(Classified::Unknown, Classified::Generic)
    }
}
