//! The APIs: one per catalog file, the enum generated from the set.

include!(concat!(env!("OUT_DIR"), "/api_enum.rs"));
include!(concat!(env!("OUT_DIR"), "/api_texts.rs"));

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
        write!(f, "unknown API `{}`; expected ", self.0)?;
        for (index, api) in Api::ALL.iter().enumerate() {
            let separator = if index == 0 {
                ""
            } else if index + 1 == Api::ALL.len() {
                " or "
            } else {
                ", "
            };
            write!(f, "{separator}{api}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownApi {}

impl core::str::FromStr for Api {
    type Err = UnknownApi;

    fn from_str(name: &str) -> Result<Api, UnknownApi> {
        Api::ALL.into_iter().find(|api| api.as_str() == name).ok_or_else(|| UnknownApi(name.to_owned()))
    }
}
