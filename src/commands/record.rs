//! The ledger's commands: `done`, `undo`, `waive` and `history`; the logic lives in
//! [`crate::record`].

use std::io::Write;

use anyhow::Result;

use super::Session;
use crate::cli::{Checks, DoneArgs, UndoArgs, WaiveArgs, Who};
use crate::exit::Exit;
use crate::i18n::{self, Msg};
use crate::record;
use crate::render;

pub fn done(cx: &Session, args: &DoneArgs, out: &mut dyn Write) -> Result<Exit> {
    let rc = context(cx, Some(&args.who), Some(&args.checks));
    let line = record::done(
        &rc,
        &args.id,
        args.period.as_deref(),
        args.on,
        args.reference.as_deref(),
        args.note.as_deref(),
    )?;
    recorded(&line, out)
}

pub fn undo(cx: &Session, args: &UndoArgs, out: &mut dyn Write) -> Result<Exit> {
    let rc = context(cx, Some(&args.who), None);
    recorded(&record::undo(&rc, &args.id, &args.period)?, out)
}

pub fn waive(cx: &Session, args: &WaiveArgs, out: &mut dyn Write) -> Result<Exit> {
    let rc = context(cx, Some(&args.who), Some(&args.checks));
    let line = record::waive(&rc, &args.id, &args.period, &args.reason)?;
    recorded(&line, out)
}

pub fn history(cx: &Session, id: Option<&str>, out: &mut dyn Write) -> Result<Exit> {
    let rc = context(cx, None, None);
    let records = record::history(&rc, id)?;
    let mut listing = record::listing(&rc, &records, cx.lang);
    if records.is_empty() {
        let path = cx.ledger.path.display();
        let note = i18n::f(cx.lang, Msg::NothingRecorded, &[("path", &path)]);
        listing.notes.push(note);
    }
    cx.export(&listing, out)?;
    Ok(Exit::Success)
}

/// What the ledger's commands are told: `--by` where they take it, and `--force` and
/// `--amend` for `done` and `waive`.
fn context<'a>(
    cx: &'a Session,
    who: Option<&'a Who>,
    checks: Option<&Checks>,
) -> record::Context<'a> {
    record::Context {
        registry: &cx.reg,
        ledger: &cx.ledger,
        today: cx.today,
        completions: &cx.completions,
        by: who.and_then(|w| w.by.as_deref()),
        force: checks.is_some_and(|c| c.force),
        amend: checks.is_some_and(|c| c.amend),
        lock_timeout: cx.lock_timeout,
        lang: cx.lang,
    }
}

/// The line a recording command answers with.
fn recorded(line: &str, out: &mut dyn Write) -> Result<Exit> {
    writeln!(out, "{}", render::one_line(line))?;
    Ok(Exit::Success)
}
