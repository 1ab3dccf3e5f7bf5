//! `due remind --smtp`: the message as a real SMTP server (aiosmtpd, on loopback)
//! receives it, and what the user sees when the server says no.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};

use common::{TODAY, due_on, have_tool};
use mail_parser::MessageParser;

/// The server, stopped when the test ends however it ends.
struct Sink {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sink {
    /// `None` when aiosmtpd is missing outside CI (the test is then skipped).
    fn start() -> Option<Sink> {
        if !have_tool(
            "python3 with aiosmtpd",
            Process::new("python3").args(["-c", "import aiosmtpd"]),
        ) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.py");
        let mut child = Process::new("python3")
            .arg(script)
            .arg(dir.path())
            .arg("60")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().expect("the sink prints its port");
        Some(Sink { child, port, dir })
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received: envelope sender, recipients, and the data as sent.
    fn received(&self) -> Vec<(String, Vec<String>, String)> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        paths.iter().map(|p| read(p)).collect()
    }
}

fn read(path: &Path) -> (String, Vec<String>, String) {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let rcpts = v["rcpt_tos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    (
        v["mail_from"].as_str().unwrap().into(),
        rcpts,
        v["data"].as_str().unwrap().into(),
    )
}

#[test]
fn the_server_receives_the_reminder() {
    let Some(sink) = Sink::start() else { return };
    due_on("feeds.toml", TODAY)
        .args(["remind", "--smtp", &sink.url()])
        .args([
            "--to",
            "Jérôme Dupont <jerome@example.org>",
            "--to",
            "ops@example.org",
        ])
        .args(["--from", "Secrétariat <secretariat@example.org>"])
        .assert()
        .code(0)
        .stdout("");
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let (from, rcpts, data) = &received[0];
    assert_eq!(from, "secretariat@example.org");
    assert_eq!(rcpts, &["jerome@example.org", "ops@example.org"]);
    let msg = MessageParser::default().parse(data.as_bytes()).unwrap();
    assert_eq!(
        msg.subject(),
        Some("[due] 1 overdue, 1 coming up: Test secretariat obligations")
    );
    assert_eq!(
        msg.from().unwrap().first().unwrap().name(),
        Some("Secrétariat")
    );
    assert_eq!(
        msg.to().unwrap().first().unwrap().name(),
        Some("Jérôme Dupont")
    );
    assert!(msg.date().is_some() && msg.message_id().is_some());
    let text = msg.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        text.starts_with("Test secretariat obligations\nAs of 2027-03-01.\n\nOverdue (1)\n- 2027-02-15 (14 days overdue) budget-note [once]\n"),
        "{text}"
    );
    assert!(
        msg.body_html(0)
            .unwrap()
            .contains(r#"<td style="white-space:nowrap">budget-note</td>"#)
    );
}

#[test]
fn nothing_to_say_sends_nothing() {
    let Some(sink) = Sink::start() else { return };
    due_on("feeds.toml", "2027-01-05")
        .args(["remind", "--smtp", &sink.url(), "--to", "ops@example.org"])
        .assert()
        .code(0)
        .stdout("");
    assert!(sink.received().is_empty());
}

#[test]
fn a_refusal_exits_non_zero_with_the_servers_answer() {
    let Some(sink) = Sink::start() else { return };
    let out = due_on("feeds.toml", TODAY)
        .args([
            "remind",
            "--smtp",
            &sink.url(),
            "--to",
            "nobody@reject.example.org",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("sending through 127.0.0.1 failed"), "{err}");
    assert!(err.contains("mailbox unavailable here"), "{err}");
    assert!(err.contains("550"), "{err}");
    assert!(sink.received().is_empty());
}

#[test]
fn credentials_never_come_from_the_command_line_nor_go_unencrypted() {
    let Some(sink) = Sink::start() else { return };
    let with_password = format!("smtp://user:secret@127.0.0.1:{}", sink.port);
    let out = due_on("feeds.toml", TODAY)
        .args([
            "remind",
            "--smtp",
            &with_password,
            "--to",
            "ops@example.org",
        ])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("give them in DUE_SMTP_USER and DUE_SMTP_PASSWORD"),
        "{err}"
    );
    assert!(!err.contains("secret"), "{err}");

    let out = due_on("feeds.toml", TODAY)
        .env("DUE_SMTP_USER", "user")
        .env("DUE_SMTP_PASSWORD", "secret")
        .args(["remind", "--smtp", &sink.url(), "--to", "ops@example.org"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("refusing to send DUE_SMTP_USER's password unencrypted"),
        "{err}"
    );

    let out = due_on("feeds.toml", TODAY)
        .env("DUE_SMTP_USER", "user")
        .args(["remind", "--smtp", &sink.url(), "--to", "ops@example.org"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("set both DUE_SMTP_USER and DUE_SMTP_PASSWORD"),
        "{err}"
    );
    assert!(sink.received().is_empty(), "nothing was sent");
}

#[test]
fn required_starttls_is_never_skipped() {
    let Some(sink) = Sink::start() else { return };
    let url = format!("{}?tls=required", sink.url());
    let out = due_on("feeds.toml", TODAY)
        .args(["remind", "--smtp", &url, "--to", "ops@example.org"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("STARTTLS is not supported on this server"),
        "{err}"
    );
    assert!(sink.received().is_empty(), "nothing went in clear");
}
