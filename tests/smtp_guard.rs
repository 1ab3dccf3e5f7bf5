//! `due remind --smtp` against hostile servers on loopback: a plain-text server that offers
//! AUTH and no STARTTLS, which must never hear a password, and servers too slow to finish,
//! which must be left within `--smtp-timeout`.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{TODAY, due_on};

#[derive(Clone, Copy)]
enum Manner {
    /// Answers every command; offers AUTH, never STARTTLS.
    Plain,
    /// Sends `220-` once a second and never finishes its greeting.
    Trickle,
    /// Greets, then never answers EHLO.
    Mute,
}

/// A server on 127.0.0.1 that writes down every line it hears.
struct Fake {
    port: u16,
    heard: Arc<Mutex<Vec<String>>>,
    connections: Arc<Mutex<usize>>,
}

impl Fake {
    fn start(manner: Manner) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (h, c) = (Arc::clone(&heard), Arc::clone(&connections));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                *c.lock().unwrap() += 1;
                let h = Arc::clone(&h);
                std::thread::spawn(move || {
                    let _ = serve(stream, manner, &h);
                });
            }
        });
        Fake {
            port,
            heard,
            connections,
        }
    }

    fn heard(&self) -> Vec<String> {
        self.heard.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

fn serve(stream: TcpStream, manner: Manner, heard: &Mutex<Vec<String>>) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    match manner {
        Manner::Trickle => loop {
            out.write_all(b"220-still there\r\n")?;
            std::thread::sleep(Duration::from_secs(1));
        },
        Manner::Plain | Manner::Mute => out.write_all(b"220 fake ESMTP\r\n")?,
    }
    let mut lines = BufReader::new(stream);
    let mut in_data = false;
    loop {
        let mut line = String::new();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end().to_owned();
        heard.lock().unwrap().push(line.clone());
        if in_data {
            if line == "." {
                in_data = false;
                out.write_all(b"250 accepted\r\n")?;
            }
            continue;
        }
        let verb = line.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match (manner, verb.as_str()) {
            (Manner::Mute, _) => continue,
            (_, "EHLO") => b"250-fake\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            (_, "AUTH") => b"235 authenticated\r\n",
            (_, "DATA") => {
                in_data = true;
                b"354 go on\r\n"
            }
            (_, "QUIT") => {
                out.write_all(b"221 bye\r\n")?;
                return Ok(());
            }
            _ => b"250 ok\r\n",
        };
        out.write_all(reply)?;
    }
}

fn remind(url: &str) -> assert_cmd::Command {
    let mut cmd = due_on("feeds.toml", TODAY);
    cmd.args(["remind", "--smtp", url, "--to", "ops@example.org"]);
    cmd
}

fn with_password(mut cmd: assert_cmd::Command) -> assert_cmd::Command {
    cmd.env("DUE_SMTP_USER", "user")
        .env("DUE_SMTP_PASSWORD", "secret");
    cmd
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_ambiguous_url_is_refused_before_any_password_goes_out() {
    let fake = Fake::start(Manner::Plain);
    let base = format!("smtp://127.0.0.1:{}", fake.port);
    for (query, says) in [
        (
            "?tls=opportunistic&tls=required",
            "`tls` is given more than once",
        ),
        (
            "?tls=required&tls=opportunistic",
            "`tls` is given more than once",
        ),
        (
            "?tls=required&tls=required",
            "`tls` is given more than once",
        ),
        ("?tls=Required", "unknown tls value `Required`"),
        ("?tls=yes", "unknown tls value `yes`"),
        ("?tls=required&starttls=no", "unknown parameter `starttls`"),
        ("?TLS=required", "unknown parameter `TLS`"),
    ] {
        let url = format!("{base}{query}");
        let out = with_password(remind(&url)).assert().code(2);
        let err = stderr(out.get_output());
        assert!(err.contains(says), "{url}: {err}");
        assert!(!err.contains("secret"), "{url}: {err}");
    }
    assert!(
        !fake
            .heard()
            .iter()
            .any(|l| l.to_ascii_uppercase().starts_with("AUTH")),
        "{:?}",
        fake.heard()
    );
    assert_eq!(fake.connections(), 0, "a refused URL is never dialled");
}

#[test]
fn opportunistic_tls_sends_no_password_when_the_server_offers_no_starttls() {
    let fake = Fake::start(Manner::Plain);
    let url = format!("smtp://127.0.0.1:{}?tls=opportunistic", fake.port);
    let out = with_password(remind(&url)).assert().code(2);
    let err = stderr(out.get_output());
    assert!(err.contains("offered no STARTTLS"), "{err}");
    assert!(
        err.contains("refusing to send DUE_SMTP_USER's password"),
        "{err}"
    );
    let heard = fake.heard();
    assert!(heard.iter().any(|l| l.starts_with("EHLO")), "{heard:?}");
    assert!(
        !heard
            .iter()
            .any(|l| l.to_ascii_uppercase().starts_with("AUTH")),
        "{heard:?}"
    );
    assert!(!heard.iter().any(|l| l.starts_with("MAIL")), "{heard:?}");
}

#[test]
fn opportunistic_tls_without_credentials_still_delivers() {
    let fake = Fake::start(Manner::Plain);
    let url = format!("smtp://127.0.0.1:{}?tls=opportunistic", fake.port);
    remind(&url).assert().code(0).stdout("");
    let heard = fake.heard();
    assert!(
        heard.contains(&"MAIL FROM:<ops@example.org>".to_owned()),
        "{heard:?}"
    );
    assert!(
        heard.iter().any(|l| l.starts_with("Subject: [due] ")),
        "{heard:?}"
    );
}

/// Runs `due` against a server that never finishes, and returns how long it took and what
/// it said.
fn abandoned(manner: Manner, timeout: &str) -> (Duration, String) {
    let fake = Fake::start(manner);
    let url = format!("smtp://127.0.0.1:{}", fake.port);
    let started = Instant::now();
    let out = remind(&url)
        .args(["--smtp-timeout", timeout])
        .timeout(Duration::from_secs(30))
        .assert()
        .code(2);
    (started.elapsed(), stderr(out.get_output()))
}

#[test]
fn a_trickling_greeting_is_abandoned_at_the_timeout() {
    let (took, err) = abandoned(Manner::Trickle, "2");
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert!(took >= Duration::from_secs(2), "took {took:?}");
    assert!(
        err.contains("gave up after 2 s (--smtp-timeout) during the connection"),
        "{err}"
    );
}

#[test]
fn a_server_that_stops_answering_is_abandoned_at_the_timeout() {
    let (took, err) = abandoned(Manner::Mute, "1");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(err.contains("gave up after 1 s"), "{err}");
}

#[test]
fn the_timeout_needs_smtp_and_a_positive_number() {
    let out = due_on("feeds.toml", TODAY)
        .args(["remind", "--smtp-timeout", "5"])
        .assert()
        .code(2);
    assert!(stderr(out.get_output()).contains("--smtp <URL>"));
    let out = remind("smtp://127.0.0.1:1")
        .args(["--smtp-timeout", "0"])
        .assert()
        .code(2);
    assert!(stderr(out.get_output()).contains("--smtp-timeout"));
}
