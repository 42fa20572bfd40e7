//! Reads lines from stdin. `parse STATUS BODY` detects and parses an error
//! body; `lookup CODE` finds a code in any API; `render CODE` builds the HTTP
//! response for it. Built without `--features catalog`, the same commands do
//! the generic work the crate replaces (parse to a `serde_json::Value`, build a
//! response with `json!`), so the difference in size is the crate's.

use std::io::BufRead;

fn main() {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines().map_while(Result::ok) {
        let mut words = line.splitn(3, ' ');
        let answer = match (words.next(), words.next(), words.next()) {
            (Some("parse"), Some(status), Some(body)) => parse(status.parse().unwrap_or(400), body.as_bytes()),
            (Some("lookup"), Some(code), None) => lookup(code),
            (Some("render"), Some(code), None) => render(code),
            _ => "usage: parse STATUS BODY | lookup CODE | render CODE".to_owned(),
        };
        println!("{answer}");
    }
}

#[cfg(feature = "catalog")]
mod work {
    use auth_error_catalog::{AnyError, app_native, auth0, authos, registration};

    pub fn parse(status: u16, body: &[u8]) -> String {
        let status = http::StatusCode::from_u16(status).ok();
        match auth_error_catalog::parse(body, status) {
            Ok(received) => format!("{:?} {:?} {}", received.api(), received.kind(), received.is_known()),
            Err(error) => error.to_string(),
        }
    }

    fn find(code: &str) -> Option<AnyError> {
        fn build<C: auth_error_catalog::WireFormat>(code: C) -> Option<auth_error_catalog::Error<C>> {
            let names = code.entry().placeholders();
            names
                .iter()
                .fold(auth_error_catalog::Error::builder(code), |builder, name| builder.with(name, "x"))
                .build()
                .ok()
        }
        if let Some(code) = app_native::Code::from_wire(code) {
            return build(code).map(AnyError::from);
        }
        if let Some(code) = auth0::Code::from_wire(code) {
            return build(code).map(AnyError::from);
        }
        if let Some(code) = authos::Code::from_wire(code) {
            return build(code).map(AnyError::from);
        }
        build(registration::Code::from_wire(code)?).map(AnyError::from)
    }

    pub fn lookup(code: &str) -> String {
        find(code).map_or_else(|| "unknown".to_owned(), |error| format!("{} {}", error.api().as_str(), error.to_json()))
    }

    pub fn render(code: &str) -> String {
        match find(code) {
            Some(error) => {
                let response = error.to_response();
                format!("{} {}", response.status(), String::from_utf8_lossy(response.body()))
            }
            None => "unknown".to_owned(),
        }
    }
}

#[cfg(not(feature = "catalog"))]
mod work {
    pub fn parse(status: u16, body: &[u8]) -> String {
        match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(value) => format!("{status} {}", value.get("error").or_else(|| value.get("code")).unwrap_or(&value)),
            Err(error) => error.to_string(),
        }
    }

    pub fn lookup(code: &str) -> String {
        serde_json::json!({ "error": code, "error_description": code }).to_string()
    }

    pub fn render(code: &str) -> String {
        let body = serde_json::to_vec(&serde_json::json!({ "error": code })).unwrap_or_default();
        let response = http::Response::builder()
            .status(400)
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(body)
            .unwrap_or_default();
        format!("{} {}", response.status(), String::from_utf8_lossy(response.body()))
    }
}

use work::{lookup, parse, render};
