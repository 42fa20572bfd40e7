//! Web-framework integrations, each behind a cargo feature named after its crate.

#[cfg(feature = "axum")]
mod axum;
