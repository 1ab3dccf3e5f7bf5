//! Sending the reminder over SMTP, for hosts with no local mail transfer agent.
//!
//! The server is a URL: `smtps://host[:port]` (TLS from the start, port 465),
//! `smtp://host[:port]?tls=required` (STARTTLS or fail, port 587),
//! `smtp://host[:port]?tls=opportunistic` (STARTTLS when offered) or `smtp://host[:port]`
//! (no encryption, port 25). Credentials come from `DUE_SMTP_USER` and
//! `DUE_SMTP_PASSWORD`, never from the command line, where other users of the host can read
//! them in the process list.

use anyhow::{Context, Result, anyhow, bail};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};

pub const USER_VAR: &str = "DUE_SMTP_USER";
pub const PASSWORD_VAR: &str = "DUE_SMTP_PASSWORD";

/// Hands the message to the server, or says what the server answered.
pub fn send(url: &str, message: &Message) -> Result<()> {
    let parsed = url::Url::parse(url).with_context(|| format!("--smtp {url}: not a URL"))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        bail!(
            "--smtp: the URL carries credentials; give them in {USER_VAR} and {PASSWORD_VAR} instead"
        );
    }
    let mut builder = SmtpTransport::from_url(url).with_context(|| format!("--smtp {url}"))?;
    if let Some(credentials) = credentials()? {
        let encrypted = parsed.scheme() == "smtps"
            || parsed
                .query_pairs()
                .any(|(k, v)| k == "tls" && v == "required");
        if !encrypted {
            bail!(
                "--smtp {url}: refusing to send {USER_VAR}'s password unencrypted \
                 (use smtps:// or ?tls=required)"
            );
        }
        builder = builder.credentials(credentials);
    }
    let host = parsed.host_str().unwrap_or_default();
    builder
        .build()
        .send(message)
        // lettre's message already ends with its cause's: chaining would say it twice.
        .map_err(|e| anyhow!("sending through {host} failed: {e}"))?;
    Ok(())
}

fn credentials() -> Result<Option<Credentials>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match (var(USER_VAR), var(PASSWORD_VAR)) {
        (Some(user), Some(password)) => Ok(Some(Credentials::new(user, password))),
        (None, None) => Ok(None),
        _ => bail!("set both {USER_VAR} and {PASSWORD_VAR}, or neither"),
    }
}
