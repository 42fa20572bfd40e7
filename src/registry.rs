//! Walks over every API the crate was built with. `Api::catalog`, which
//! names each API's module, is generated in `apis`, the layer below.

use crate::api::Api;
use crate::catalog::{Catalog, Entry};

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
