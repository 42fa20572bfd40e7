//! An SDK call that acts on the crate's retry advice, with reqwest.
//!
//! Run the axum example service, then:
//! `cargo run --features reqwest --example reqwest_retry -- http://127.0.0.1:8080/gateway`

use std::time::{Duration, SystemTime};

use auth_error_catalog::Retry;
use auth_error_catalog::reqwest::{Error, check};

// README: begin
/// Retries while the advice allows, up to a second of backoff.
pub async fn send(client: &reqwest::Client, url: &str) -> Result<reqwest::Response, Error> {
    let mut backoff = Duration::from_millis(50);
    loop {
        let error = match check(client.get(url).send().await?).await {
            Err(error) if backoff < Duration::from_secs(1) => error,
            done => return done,
        };
        let delay = match error.retry(SystemTime::now()) {
            Retry::After(delay) => delay, // the server's
            Retry::Backoff => backoff,    // yours
            _ => return Err(error),
        };
        tokio::time::sleep(delay).await;
        backoff *= 2;
    }
}
// README: end

#[tokio::main]
async fn main() {
    let url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:8080/gateway".to_owned());
    match send(&reqwest::Client::new(), &url).await {
        Ok(response) => println!("{}", response.status()),
        Err(error) => eprintln!("{error}"),
    }
}
