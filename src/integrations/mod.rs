//! Integrations, each behind a cargo feature named after its crate: the
//! trait impls for axum, actix-web, utoipa and schemars, and the reqwest
//! client helper. Each module's page says what its feature adds.

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
#[cfg(feature = "schemars_1")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars_1")))]
pub mod schemars;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod utoipa;
