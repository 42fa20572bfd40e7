//! Web-framework integrations, each behind a cargo feature named after its crate.

#[cfg(feature = "actix-web")]
mod actix;
#[cfg(feature = "axum")]
mod axum;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "schemars_1")]
mod schemars;
#[cfg(feature = "utoipa")]
mod utoipa;
