//! A scripted HTTP server on 127.0.0.1 for the web tests: each request is answered by the
//! test's closure (which sees the request number, path and headers), and every request's
//! headers are kept so tests can assert what the client sent. Nothing leaves the machine.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the client sent.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(&name.to_ascii_lowercase()).map(String::as_str)
    }
}

/// A reply: status, headers, body, and an optional stall before the body's second half.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub stall: Option<Duration>,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            stall: None,
        }
    }
    pub fn text(body: &str) -> Reply {
        Reply::ok("text/plain; charset=utf-8", body)
    }
    pub fn status(status: u16) -> Reply {
        Reply { status, headers: vec![], body: Vec::new(), stall: None }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

pub struct Server {
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Starts a server answering with `handler(request number from 0, what was sent)`.
    pub fn start(handler: impl Fn(usize, &Seen) -> Reply + Send + 'static) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let base = format!("http://{}", server.server_addr().to_ip().expect("an IP address"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s, log) = (Arc::clone(&server), Arc::clone(&seen));
        let thread = std::thread::spawn(move || {
            for request in s.incoming_requests() {
                let headers = request
                    .headers()
                    .iter()
                    .map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.as_str().to_string()))
                    .collect();
                let one = Seen { path: request.url().to_string(), headers };
                let n = {
                    let mut log = log.lock().unwrap();
                    log.push(one.clone());
                    log.len() - 1
                };
                let reply = handler(n, &one);
                let headers: Vec<tiny_http::Header> = reply
                    .headers
                    .iter()
                    .map(|(k, v)| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap())
                    .collect();
                let len = reply.body.len();
                let body = Stalling { body: reply.body, at: 0, stall: reply.stall };
                let response = tiny_http::Response::new(reply.status.into(), headers, body, Some(len), None);
                let _ = request.respond(response);
            }
        });
        Server { base, seen, server, thread: Some(thread) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A body that sends its first half, then stalls (when asked to) before the rest.
struct Stalling {
    body: Vec<u8>,
    at: usize,
    stall: Option<Duration>,
}

impl Read for Stalling {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let half = self.body.len() / 2;
        if self.at == half
            && let Some(stall) = self.stall.take()
        {
            std::thread::sleep(stall);
        }
        let end = if self.at < half && self.stall.is_some() { half } else { self.body.len() };
        let n = (end - self.at).min(buf.len());
        buf[..n].copy_from_slice(&self.body[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// A live-blog page in the text form the parser reads today.
pub fn page(entries: &[(&str, &str, &str)]) -> String {
    let mut s = String::from("Direct démarré le 21 octobre 2024 à 6H30 TU\n\nLe fil du jour\n\n");
    for (clock, headline, body) in entries {
        s.push_str(&format!("{clock}\nsujet\n\n{headline}\n\n{body}\n\n"));
    }
    s
}
