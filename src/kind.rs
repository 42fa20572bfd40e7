//! The cross-API error taxonomy.
//
// build.rs compiles this file too (through `#[path]`), so that the catalog is
// validated against exactly the kinds the library knows. Keep it free of
// `crate::` paths and dependencies.

/// What kind of failure an error code stands for, the same across all four APIs.
///
/// A small closed set in the spirit of gRPC's status codes: generic code can
/// decide how to react (ask for new credentials, back off, give up) without
/// knowing any API's codes.
///
/// ```
/// use auth_error_catalog::Kind;
///
/// let kind: Kind = "rate_limited".parse().unwrap();
/// assert_eq!(kind, Kind::RateLimited);
/// assert_eq!(kind.as_str(), "rate_limited");
/// assert!(Kind::ALL.contains(&Kind::TokenExpired));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// The request is malformed, or a parameter is missing or invalid.
    InvalidRequest,
    /// The caller (client, token or session) is not authenticated.
    Unauthenticated,
    /// The user's credentials are wrong.
    InvalidCredentials,
    /// A token, code or link has expired.
    TokenExpired,
    /// Authenticated, but not allowed to do this.
    PermissionDenied,
    /// The referenced resource does not exist.
    NotFound,
    /// The resource already exists, or its state changed under the request.
    Conflict,
    /// The system is not in a state that allows the operation.
    FailedPrecondition,
    /// A second authentication factor is needed.
    MfaRequired,
    /// Too many requests or attempts; wait, then retry.
    RateLimited,
    /// Not done yet: the user has not finished an authorization that the
    /// client polls for (RFC 8628 §3.5 `authorization_pending`, `slow_down`);
    /// poll again after the interval.
    Pending,
    /// A plan or tier limit has been reached.
    QuotaExceeded,
    /// Temporarily unavailable: maintenance, overload, a dependency down.
    Unavailable,
    /// The feature or method is not supported.
    NotImplemented,
    /// An unexpected server-side error.
    Internal,
}

impl Kind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Kind::ALL.len(), 15);
    /// ```
    pub const ALL: [Kind; 15] = [
        Kind::InvalidRequest,
        Kind::Unauthenticated,
        Kind::InvalidCredentials,
        Kind::TokenExpired,
        Kind::PermissionDenied,
        Kind::NotFound,
        Kind::Conflict,
        Kind::FailedPrecondition,
        Kind::MfaRequired,
        Kind::RateLimited,
        Kind::Pending,
        Kind::QuotaExceeded,
        Kind::Unavailable,
        Kind::NotImplemented,
        Kind::Internal,
    ];

    /// The kind's snake_case name, as written in the catalog files.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Kind::MfaRequired.as_str(), "mfa_required");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::InvalidRequest => "invalid_request",
            Kind::Unauthenticated => "unauthenticated",
            Kind::InvalidCredentials => "invalid_credentials",
            Kind::TokenExpired => "token_expired",
            Kind::PermissionDenied => "permission_denied",
            Kind::NotFound => "not_found",
            Kind::Conflict => "conflict",
            Kind::FailedPrecondition => "failed_precondition",
            Kind::MfaRequired => "mfa_required",
            Kind::RateLimited => "rate_limited",
            Kind::Pending => "pending",
            Kind::QuotaExceeded => "quota_exceeded",
            Kind::Unavailable => "unavailable",
            Kind::NotImplemented => "not_implemented",
            Kind::Internal => "internal",
        }
    }

    /// Whether errors of this kind usually go away when the same request is
    /// repeated later: rate limits, unavailability and pending authorizations.
    ///
    /// ```
    /// use auth_error_catalog::Kind;
    /// assert!(Kind::RateLimited.usually_retryable());
    /// assert!(Kind::Pending.usually_retryable());
    /// assert!(!Kind::InvalidRequest.usually_retryable());
    /// ```
    pub const fn usually_retryable(self) -> bool {
        matches!(self, Kind::RateLimited | Kind::Pending | Kind::Unavailable)
    }

    /// The kind named `name` (its [`as_str`](Kind::as_str) form), if there is one.
    ///
    /// ```
    /// use auth_error_catalog::Kind;
    /// assert_eq!(Kind::from_name("not_found"), Some(Kind::NotFound));
    /// assert_eq!(Kind::from_name("NotFound"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

impl core::fmt::Display for Kind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string names no [`Kind`].
///
/// ```
/// let err = "sleepy".parse::<auth_error_catalog::Kind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown error kind `sleepy`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl core::fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "unknown error kind `{}`", self.0)
    }
}

impl std::error::Error for UnknownKind {}

impl core::str::FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(name: &str) -> Result<Kind, UnknownKind> {
        Kind::from_name(name).ok_or_else(|| UnknownKind(name.to_owned()))
    }
}
