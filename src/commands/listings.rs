//! The listings: `due` itself (and `due ics`), `overdue`, `list` and `meetings`.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Session, listed};
use crate::engine;
use crate::exit::Exit;
use crate::i18n::{self, Msg};
use crate::views;

/// What falls due up to the window's end (`--next` or `--until`), overdue first.
pub fn due(
    cx: &mut Session,
    next: Option<&str>,
    until: Option<NaiveDate>,
    exit_code: bool,
    out: &mut dyn Write,
) -> Result<Exit> {
    let until = cx.window_end(next, until)?;
    let mut items = engine::agenda(&cx.reg, &cx.completions, cx.today, until);
    cx.filter.retain_agenda(&mut items);
    let mut listing = views::items(&items, cx.lang);
    cx.close(&mut listing, items.is_empty(), || {
        i18n::f(cx.lang, Msg::NothingDueBy, &[("date", &until)])
    });
    let window = i18n::f(
        cx.lang,
        Msg::PageDueBy,
        &[("until", &until), ("date", &cx.today)],
    );
    cx.page_subtitle = Some(window);
    cx.export_items(&items, &listing, out)?;
    Ok(listed(exit_code, !items.is_empty()))
}

pub fn overdue(cx: &mut Session, exit_code: bool, out: &mut dyn Write) -> Result<Exit> {
    let mut items = engine::overdue(&cx.reg, &cx.completions, cx.today);
    cx.filter.retain_agenda(&mut items);
    let mut listing = views::items(&items, cx.lang);
    cx.close(&mut listing, items.is_empty(), || {
        i18n::f(cx.lang, Msg::NothingOverdueOn, &[("date", &cx.today)])
    });
    cx.page_subtitle = Some(i18n::f(cx.lang, Msg::PageOverdueOn, &[("date", &cx.today)]));
    cx.export_items(&items, &listing, out)?;
    Ok(listed(exit_code, !items.is_empty()))
}

pub fn list(cx: &Session, out: &mut dyn Write) -> Result<Exit> {
    let mut rows = engine::status(&cx.reg, &cx.completions, cx.today);
    cx.filter.retain(&mut rows);
    let rows: Vec<_> = rows
        .into_iter()
        .map(|s| (s.obligation, s.next(cx.today)))
        .collect();
    let mut listing = views::obligations(&cx.reg, &rows, cx.lang);
    cx.close(&mut listing, rows.is_empty(), || cx.no_obligation());
    cx.export(&listing, out)?;
    Ok(Exit::Success)
}

pub fn meetings(cx: &Session, out: &mut dyn Write) -> Result<Exit> {
    let instances = engine::meeting_instances(&cx.reg, cx.today);
    cx.export(&views::meetings(&instances, cx.lang), out)?;
    Ok(Exit::Success)
}
