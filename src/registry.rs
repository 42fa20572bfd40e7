//! The registry of the APIs the crate was built with: each [`Api`]'s catalog.
//! It sits above the API modules, which hold the catalogs, so that the
//! layers below them (`Api`, `Catalog`, the wire formats) never name one.

use crate::api::Api;
use crate::catalog::{Catalog, Entry};

impl Api {
    /// The API's catalog.
    ///
    /// ```
    /// use auth_error_catalog::Api;
    /// assert_eq!(Api::Authos.catalog().api(), Api::Authos);
    /// ```
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Api::AppNative => &crate::app_native::CATALOG,
            Api::Auth0 => &crate::auth0::CATALOG,
            Api::Authos => &crate::authos::CATALOG,
            Api::Registration => &crate::registration::CATALOG,
        }
    }
}

/// Every API's catalog.
///
/// ```
/// let total: usize = auth_error_catalog::catalogs().map(|c| c.entries().len()).sum();
/// assert_eq!(total, auth_error_catalog::entries().count());
/// ```
pub fn catalogs() -> impl Iterator<Item = &'static Catalog> {
    Api::ALL.into_iter().map(Api::catalog)
}

/// Every entry of every API, API by API in catalog order.
///
/// ```
/// use auth_error_catalog::Kind;
/// let rate_limited = auth_error_catalog::entries().filter(|e| e.kind() == Kind::RateLimited).count();
/// assert!(rate_limited >= 3);
/// ```
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    catalogs().flat_map(Catalog::entries)
}
