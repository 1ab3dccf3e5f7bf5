//! `due status`: where every obligation stands on a day, as a table or the HTML handout.

use std::io::Write;

use anyhow::Result;

use super::Session;
use crate::cli::FormatArg;
use crate::engine;
use crate::exit::Exit;
use crate::i18n::{self, Msg};
use crate::record;
use crate::usage::UsageError;
use crate::views;

pub fn status(cx: &Session, at: Option<&str>, all: bool, out: &mut dyn Write) -> Result<Exit> {
    let at = match at {
        None => engine::At {
            day: cx.today,
            instance: None,
            listed: false,
        },
        Some(at) => engine::resolve_at(&cx.reg, at, cx.today).map_err(|error| UsageError::At {
            at: at.to_owned(),
            error,
        })?,
    };
    let as_of = at.day;
    let rows = engine::status(&cx.reg, &cx.completions, as_of);
    let closed = record::last_closed(&cx.reg, &cx.completions, as_of);
    let mut rows: Vec<_> = rows.into_iter().zip(closed).collect();
    cx.filter.retain(&mut rows);
    let (rows, closed): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    let matched = rows.len();
    let (rows, closed, groups) = crate::sections::arrange(rows, closed, &at, all);
    let mut listing = views::status(&rows, &closed, cx.lang);
    let history_note = cx
        .reg
        .tracking_since
        .filter(|_| rows.len() < matched)
        .map(|since| {
            let count = matched - rows.len();
            i18n::f(
                cx.lang,
                Msg::HistoryLeftOut,
                &[("count", &count), ("date", &since)],
            )
        });
    let what = views::status_at(&at, cx.lang).map_or(String::new(), |w| format!(" ({w})"));
    let heading = i18n::f(
        cx.lang,
        Msg::StatusHeading,
        &[
            ("date", &as_of),
            ("at", &what),
            ("title", &cx.reg.title.get(cx.lang)),
        ],
    );
    if cx.format == FormatArg::Html {
        let handout = crate::handout::Handout {
            reg: &cx.reg,
            rows: &rows,
            closed: &closed,
            groups: &groups,
            at: &at,
            completions: &cx.completions,
            today: cx.today,
            lang: cx.lang,
            heading: &heading,
            notes: (rows.is_empty().then(|| cx.no_obligation()))
                .into_iter()
                .chain(cx.filters_note())
                .chain(history_note)
                .collect(),
        };
        out.write_all(crate::handout::render(&handout).as_bytes())?;
        return Ok(Exit::Success);
    }
    listing.heading = Some(heading);
    cx.close(&mut listing, rows.is_empty(), || cx.no_obligation());
    listing.notes.extend(history_note);
    cx.export(&listing, out)?;
    Ok(Exit::Success)
}
