//! Sending the reminder over SMTP, for hosts with no local mail transfer agent.
//!
//! The server is a URL: `smtps://host[:port]` (TLS from the start, port 465),
//! `smtp://host[:port]?tls=required` (STARTTLS or fail, port 587),
//! `smtp://host[:port]?tls=opportunistic` (STARTTLS when offered) or `smtp://host[:port]`
//! (no encryption, port 25). The URL is read once into a [`Server`], and the connection is
//! made from that alone, so what is checked is what is used. Credentials come from
//! `DUE_SMTP_USER` and `DUE_SMTP_PASSWORD`, never from the command line, where other users of
//! the host can read them in the process list, and they go out only over a connection that
//! is encrypted at the moment they would be sent.

use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use lettre::Message;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

pub const USER_VAR: &str = "DUE_SMTP_USER";
pub const PASSWORD_VAR: &str = "DUE_SMTP_PASSWORD";

/// How the connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// `smtps://`: TLS from the first byte.
    Tls,
    /// `?tls=required`: STARTTLS, or no send at all.
    StartTls,
    /// `?tls=opportunistic`: STARTTLS when the server offers it.
    Opportunistic,
    /// Plain `smtp://`: no encryption.
    None,
}

/// Everything the URL says, checked: the connection is built from this and nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    pub host: String,
    pub port: u16,
    pub security: Security,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlPart {
    Path,
    Fragment,
}

/// Why a send was refused or failed; the `Display` is the catalogue's English.
#[derive(Debug, PartialEq, Eq)]
pub enum SmtpError {
    /// Not a URL, with the reader's reason.
    NotUrl(String),
    Scheme(String),
    NoHost,
    CredentialsInUrl,
    /// A part of the URL `due` does not use.
    Extra(UrlPart),
    UnknownParameter(String),
    Repeated(String),
    TlsValue(String),
    TlsOnSmtps,
    HalfCredentials,
    PlainCredentials,
    NotEncrypted {
        host: String,
    },
    // lettre's message already ends with its cause's: chaining would say it twice.
    Failed {
        host: String,
        step: Step,
        message: String,
    },
    TimedOut {
        host: String,
        seconds: u64,
        step: Step,
    },
}

impl std::error::Error for SmtpError {}

impl Server {
    /// Reads an `--smtp` URL; anything it cannot account for is refused rather than guessed.
    pub fn parse(url: &str) -> Result<Server, SmtpError> {
        let parsed = url::Url::parse(url).map_err(|e| SmtpError::NotUrl(e.to_string()))?;
        // Checked first, so that no later message repeats a password.
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(SmtpError::CredentialsInUrl);
        }
        let wrapped = match parsed.scheme() {
            "smtps" => true,
            "smtp" => false,
            other => return Err(SmtpError::Scheme(other.to_owned())),
        };
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or(SmtpError::NoHost)?;
        if !matches!(parsed.path(), "" | "/") {
            return Err(SmtpError::Extra(UrlPart::Path));
        }
        if parsed.fragment().is_some() {
            return Err(SmtpError::Extra(UrlPart::Fragment));
        }
        let mut tls = None;
        for (key, value) in parsed.query_pairs() {
            if key != "tls" {
                return Err(SmtpError::UnknownParameter(key.into_owned()));
            }
            if tls.is_some() {
                return Err(SmtpError::Repeated(key.into_owned()));
            }
            tls = Some(value.into_owned());
        }
        let security = match (wrapped, tls.as_deref()) {
            (true, None) => Security::Tls,
            (true, Some(_)) => return Err(SmtpError::TlsOnSmtps),
            (false, None) => Security::None,
            (false, Some("required")) => Security::StartTls,
            (false, Some("opportunistic")) => Security::Opportunistic,
            (false, Some(other)) => return Err(SmtpError::TlsValue(other.to_owned())),
        };
        let port = parsed.port().unwrap_or(match security {
            Security::Tls => 465,
            Security::StartTls | Security::Opportunistic => 587,
            Security::None => 25,
        });
        // IPv6 literals come bracketed; the socket wants the bare address.
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        Ok(Server {
            host,
            port,
            security,
        })
    }
}

/// What the send was doing: said when it fails or runs out of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Connect,
    StartTls,
    Auth,
    Message,
    Quit,
}

/// Reads the credentials from the environment: both or neither.
pub fn credentials() -> Result<Option<Credentials>, SmtpError> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (var(USER_VAR), var(PASSWORD_VAR)) {
        (Some(user), Some(password)) => Ok(Some(Credentials::new(user, password))),
        (None, None) => Ok(None),
        _ => Err(SmtpError::HalfCredentials),
    }
}

/// Hands the message to the server within `timeout`, all steps together, or says which step
/// failed or ran out of time.
pub fn send(
    server: &Server,
    credentials: Option<Credentials>,
    message: &Message,
    timeout: Duration,
) -> Result<(), SmtpError> {
    if credentials.is_some() && server.security == Security::None {
        return Err(SmtpError::PlainCredentials);
    }
    let deadline = Instant::now() + timeout;
    let step = Arc::new(Mutex::new(Step::Connect));
    let (done, outcome) = mpsc::channel();
    let job = Job {
        server: server.clone(),
        credentials,
        envelope: message.envelope().clone(),
        body: message.formatted(),
        deadline,
        step: Arc::clone(&step),
    };
    // Socket timeouts bound each read, not a server that answers a byte at a time: the
    // send runs on its own thread, and is left behind when the deadline passes. The
    // process exits soon after, which closes the connection.
    std::thread::spawn(move || {
        let _ = done.send(job.run());
    });
    match outcome.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(result) => result,
        Err(_) => match *step.lock().unwrap_or_else(|e| e.into_inner()) {
            // The server accepted the message before it stalled.
            Step::Quit => Ok(()),
            step => Err(SmtpError::TimedOut {
                host: server.host.clone(),
                seconds: timeout.as_secs(),
                step,
            }),
        },
    }
}

struct Job {
    server: Server,
    credentials: Option<Credentials>,
    envelope: Envelope,
    body: Vec<u8>,
    deadline: Instant,
    step: Arc<Mutex<Step>>,
}

impl Job {
    fn run(self) -> Result<(), SmtpError> {
        let host = &self.server.host;
        let fail = |step: Step| {
            move |e: lettre::transport::smtp::Error| SmtpError::Failed {
                host: host.clone(),
                step,
                message: e.to_string(),
            }
        };
        let tls = || TlsParameters::new(host.clone()).map_err(fail(Step::Connect));
        let hello = ClientId::default();
        let wrapper = match self.server.security {
            Security::Tls => Some(tls()?),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (host.as_str(), self.server.port),
            Some(self.left()),
            &hello,
            wrapper.as_ref(),
            None,
        )
        .map_err(fail(Step::Connect))?;
        let starttls = match self.server.security {
            Security::StartTls => true,
            Security::Opportunistic => conn.can_starttls(),
            Security::Tls | Security::None => false,
        };
        if starttls {
            self.begin(&mut conn, Step::StartTls);
            conn.starttls(&tls()?, &hello)
                .map_err(fail(Step::StartTls))?;
        }
        if let Some(credentials) = &self.credentials {
            // Decided by the stream in hand: a server that withheld STARTTLS gets nothing.
            if !conn.is_encrypted() {
                conn.abort();
                return Err(SmtpError::NotEncrypted { host: host.clone() });
            }
            self.begin(&mut conn, Step::Auth);
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .map_err(fail(Step::Auth))?;
        }
        self.begin(&mut conn, Step::Message);
        conn.send(&self.envelope, &self.body)
            .map_err(fail(Step::Message))?;
        self.begin(&mut conn, Step::Quit);
        // The message is accepted; a server that drops the line at QUIT changes nothing.
        let _ = conn.quit();
        Ok(())
    }

    fn left(&self) -> Duration {
        // A zero timeout means none to the socket: keep a sliver instead.
        self.deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(1))
    }

    /// Records the step under way, and gives its reads and writes what time is left.
    fn begin(&self, conn: &mut SmtpConnection, step: Step) {
        *self.step.lock().unwrap_or_else(|e| e.into_inner()) = step;
        let _ = conn.set_timeout(Some(self.left()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> Result<Server, SmtpError> {
        Server::parse(url)
    }

    #[test]
    fn urls_name_host_port_and_security() {
        let s = parse("smtps://mail.example.org").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.security),
            ("mail.example.org", 465, Security::Tls)
        );
        let s = parse("smtp://mail.example.org?tls=required").unwrap();
        assert_eq!((s.port, s.security), (587, Security::StartTls));
        let s = parse("smtp://127.0.0.1:2525/?tls=opportunistic").unwrap();
        assert_eq!((s.port, s.security), (2525, Security::Opportunistic));
        let s = parse("smtp://[::1]").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.security),
            ("::1", 25, Security::None)
        );
    }

    #[test]
    fn ambiguous_urls_are_refused() {
        let cases: &[(&str, SmtpError)] = &[
            (
                "smtp://h?tls=opportunistic&tls=required",
                SmtpError::Repeated("tls".into()),
            ),
            (
                "smtp://h?tls=required&tls=required",
                SmtpError::Repeated("tls".into()),
            ),
            (
                "smtp://h?tls=Required",
                SmtpError::TlsValue("Required".into()),
            ),
            ("smtp://h?tls=", SmtpError::TlsValue(String::new())),
            ("smtp://h?tls=none", SmtpError::TlsValue("none".into())),
            (
                "smtp://h?tls=required&auth=plain",
                SmtpError::UnknownParameter("auth".into()),
            ),
            (
                "smtp://h?TLS=required",
                SmtpError::UnknownParameter("TLS".into()),
            ),
            ("smtps://h?tls=required", SmtpError::TlsOnSmtps),
            ("smtp://u:p@h?tls=required", SmtpError::CredentialsInUrl),
            (
                "smtp://h/relay.example.org",
                SmtpError::Extra(UrlPart::Path),
            ),
            ("smtp://h#tls=required", SmtpError::Extra(UrlPart::Fragment)),
            ("http://h", SmtpError::Scheme("http".into())),
        ];
        for (url, want) in cases {
            assert_eq!(parse(url).as_ref(), Err(want), "{url}");
        }
    }
}
