//! `due diff`: what a registry change does to the deadlines.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Session, listed};
use crate::cli::FormatArg;
use crate::exit::Exit;
use crate::i18n::{self, Msg};
use crate::ledger::Ledger;
use crate::render;

pub fn diff(
    cx: &Session,
    old: &Path,
    next: Option<&str>,
    until: Option<NaiveDate>,
    exit_code: bool,
    out: &mut dyn Write,
) -> Result<Exit> {
    let until = cx.window_end(next.or(Some("2y")), until)?;
    let before = crate::team::read_registry(old)?;
    let ledger = Ledger::load(&cx.ledger.path)?;
    let changes = crate::diff::diff(&before, &cx.reg, cx.today, until, &ledger);
    let mut listing = render::diff(&changes, cx.lang);
    if cx.format == FormatArg::Table {
        let args: [(&str, &dyn std::fmt::Display); 4] = [
            ("old", &before.origin.named(cx.lang)),
            ("new", &cx.reg.origin.named(cx.lang)),
            ("from", &cx.today),
            ("until", &until),
        ];
        writeln!(out, "{}", i18n::f(cx.lang, Msg::DiffHeading, &args))?;
    }
    if changes.is_empty() {
        listing
            .notes
            .push(i18n::t(cx.lang, Msg::DiffNothing).into());
    }
    cx.export(&listing, out)?;
    Ok(listed(exit_code, !changes.is_empty()))
}
