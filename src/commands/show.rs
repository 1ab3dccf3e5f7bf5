//! `due show`: everything about one obligation.

use std::io::Write;

use anyhow::Result;

use super::Session;
use crate::cli::FormatArg;
use crate::engine;
use crate::exit::Exit;
use crate::render;
use crate::show;
use crate::usage::UsageError;

pub fn show(cx: &Session, id: &str, count: usize, out: &mut dyn Write) -> Result<Exit> {
    let Some(ob) = cx.reg.obligation(id) else {
        return Err(UsageError::UnknownObligation {
            id: id.to_owned(),
            registry: cx.reg.origin.named(cx.lang),
            ids: cx
                .reg
                .obligations
                .iter()
                .map(|o| o.id.to_string())
                .collect(),
        }
        .into());
    };
    let entries = engine::story(&cx.reg, ob, &cx.completions, cx.today, count);
    let listing = show::listing(&entries, cx.lang);
    if cx.format != FormatArg::Table {
        cx.export(&listing, out)?;
        return Ok(Exit::Success);
    }
    let width = cx.text_width();
    let header = show::header(&cx.reg, ob, &cx.completions, &entries, cx.lang);
    writeln!(out, "{}", render::fold(&header, width))?;
    if entries.is_empty() {
        let start = engine::History::of(&cx.reg).start(ob);
        if let Some(nothing) = show::nothing(ob, start, cx.lang) {
            writeln!(out, "{nothing}")?;
        }
    } else {
        cx.export(&listing, out)?;
        write!(
            out,
            "{}",
            render::fold(&show::dates(&entries, cx.lang), width)
        )?;
        write!(
            out,
            "{}",
            render::fold(&show::meetings(&cx.reg, &entries, cx.lang), width)
        )?;
    }
    Ok(Exit::Success)
}
