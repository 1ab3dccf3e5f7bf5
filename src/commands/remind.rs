//! `due remind`: what needs attention now, printed as a digest or sent as one e-mail.

use std::io::Write;
use std::time::SystemTime;

use anyhow::Result;

use super::{Session, listed};
use crate::cli::{FormatArg, RemindArgs};
use crate::engine::{self, Agenda};
use crate::exit::Exit;
use crate::render;
use crate::send;
use crate::usage::UsageError;
use crate::views;

pub fn remind(
    cx: &Session,
    args: RemindArgs,
    exit_code: bool,
    out: &mut dyn Write,
) -> Result<Exit> {
    let delivery = args.mail || args.smtp.is_some();
    if delivery && cx.format != FormatArg::Table {
        return Err(UsageError::FormatWithMail.into());
    }
    // Checked before anything else, so that a mistake shows even on a day with nothing to send.
    let smtp = match &args.smtp {
        Some(url) => Some((send::Server::parse(url)?, send::credentials()?)),
        None => None,
    };
    let until = match &args.next {
        Some(n) => cx.window_end(Some(n), None)?,
        None => cx.today,
    };
    let mut entries = engine::attention(&cx.reg, &cx.completions, cx.today, until);
    cx.filter.retain(&mut entries);
    if entries.is_empty() {
        return Ok(Exit::Success);
    }
    if delivery {
        let addressing = render::Addressing {
            // clap requires a --to with --mail and --smtp.
            from: args.from.unwrap_or_else(|| args.to[0].clone()),
            to: args.to,
            subject_prefix: args.subject_prefix,
        };
        let reminder = render::Reminder {
            registry: cx.reg.title.get(cx.lang),
            today: cx.today,
            lang: cx.lang,
            sent: SystemTime::now(),
        };
        let message = render::message(&addressing, &reminder, &entries)?;
        match smtp {
            Some((server, credentials)) => {
                let timeout = std::time::Duration::from_secs(args.smtp_timeout);
                send::send(&server, credentials, &message, timeout)?;
            }
            None => out.write_all(&message.formatted())?,
        }
    } else if cx.format == FormatArg::Table {
        write!(out, "{}", render::digest(&entries, cx.lang, cx.today))?;
    } else if cx.format == FormatArg::Ics {
        cx.feed(&entries, out)?;
    } else {
        let items: Agenda<'_> = entries.iter().map(|(i, _)| i.clone()).collect();
        cx.export(&views::items(&items, cx.lang), out)?;
    }
    Ok(listed(args.exit_code || exit_code, true))
}
