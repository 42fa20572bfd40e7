//! A minimal blocking HTTP/1.1 client over `TcpStream`, for tests that must
//! see the exact bytes a server sends: status, headers, body. Loopback only.

#![allow(dead_code)] // each test uses what it needs

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// One response as received.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    /// Header names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// The first header named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

/// A keep-alive connection.
pub struct Connection {
    address: SocketAddr,
    reader: BufReader<TcpStream>,
}

impl Connection {
    pub fn open(address: SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        stream.set_write_timeout(Some(Duration::from_secs(10)))?;
        Ok(Connection { address, reader: BufReader::new(stream) })
    }

    /// `GET path` with the extra request headers given.
    pub fn get(&mut self, path: &str, headers: &[(&str, &str)]) -> std::io::Result<Reply> {
        let mut request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: keep-alive\r\n", self.address);
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        self.reader.get_mut().write_all(request.as_bytes())?;
        self.read_reply()
    }

    fn read_reply(&mut self) -> std::io::Result<Reply> {
        let invalid = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line.split(' ').nth(1).and_then(|code| code.parse().ok()).ok_or_else(|| invalid("status line"))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let header = line.trim_end_matches(['\r', '\n']);
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').ok_or_else(|| invalid("header line"))?;
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
        let length: usize = headers
            .iter()
            .find(|(name, _)| name == "content-length")
            .and_then(|(_, value)| value.parse().ok())
            .ok_or_else(|| invalid("content-length"))?;
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body)?;
        Ok(Reply { status, headers, body })
    }
}

/// Sends `requests` GETs, cycling through `paths`, over `connections`
/// keep-alive connections at once, and asserts that each reply has the status
/// and body bytes expected for its path. Prints the rate, labelled `server`.
pub fn get_concurrently(
    server: &str,
    address: SocketAddr,
    paths: &[&'static str],
    expected: &[(u16, Vec<u8>)],
    connections: usize,
    requests: usize,
) {
    assert_eq!(paths.len(), expected.len());
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|worker| {
            let (paths, expected) = (paths.to_vec(), expected.to_vec());
            std::thread::spawn(move || {
                let mut connection = Connection::open(address).expect("connects");
                let mut sent = 0;
                for request in (worker..requests).step_by(connections) {
                    let which = request % paths.len();
                    let reply = connection.get(paths[which], &[]).expect("a reply");
                    assert_eq!(
                        (reply.status, &reply.body),
                        (expected[which].0, &expected[which].1),
                        "{}",
                        paths[which]
                    );
                    sent += 1;
                }
                sent
            })
        })
        .collect();
    let total: usize = workers.into_iter().map(|worker| worker.join().expect("no worker failed")).sum();
    let elapsed = started.elapsed();
    assert_eq!(total, requests);
    println!(
        "{server}: {total} byte-correct responses over {connections} connections in {:.3} s ({:.0} requests/s)",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
}
