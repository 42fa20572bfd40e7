//! The four APIs.

/// One of the four authentication APIs the crate catalogs.
///
/// ```
/// use auth_error_catalog::Api;
///
/// let api: Api = "registration".parse().unwrap();
/// assert_eq!(api, Api::Registration);
/// assert_eq!(api.catalog().wire_status().map(|s| s.as_u16()), Some(200));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Api {
    /// WSO2 Identity Server app-native (API-based) authentication: `ABA-60004`.
    AppNative,
    /// Auth0 Authentication API: `{"error","error_description"}`.
    Auth0,
    /// AuthOS: `SCREAMING_CASE` codes.
    Authos,
    /// Akamai Identity Cloud (Janrain Capture) Registration API: numeric codes.
    Registration,
}

impl Api {
    /// All four, in module order.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Api::ALL.len(), 4);
    /// ```
    pub const ALL: [Api; 4] = [Api::AppNative, Api::Auth0, Api::Authos, Api::Registration];

    /// The module and catalog-file name: `app_native`, `auth0`, `authos`, `registration`.
    ///
    /// ```
    /// assert_eq!(auth_error_catalog::Api::AppNative.as_str(), "app_native");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Api::AppNative => "app_native",
            Api::Auth0 => "auth0",
            Api::Authos => "authos",
            Api::Registration => "registration",
        }
    }
}

impl core::fmt::Display for Api {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string names no [`Api`].
///
/// ```
/// let err = "okta".parse::<auth_error_catalog::Api>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown API `okta`; expected app_native, auth0, authos or registration");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownApi(pub String);

impl core::fmt::Display for UnknownApi {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "unknown API `{}`; expected app_native, auth0, authos or registration", self.0)
    }
}

impl std::error::Error for UnknownApi {}

impl core::str::FromStr for Api {
    type Err = UnknownApi;

    fn from_str(name: &str) -> Result<Api, UnknownApi> {
        Api::ALL.into_iter().find(|api| api.as_str() == name).ok_or_else(|| UnknownApi(name.to_owned()))
    }
}
