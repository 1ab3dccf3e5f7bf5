//! `due validate`: checks the registry and the ledger, and says where they were read from.

use std::io::Write;

use anyhow::{Result, bail};

use super::Session;
use crate::engine;
use crate::exit::Exit;
use crate::holiday;
use crate::i18n::{self, Msg};
use crate::ledger::Ledger;
use crate::model::Origin;
use crate::record;
use crate::views;

pub fn validate(cx: &Session, out: &mut dyn Write) -> Result<Exit> {
    let reg = &cx.reg;
    let lang = cx.lang;
    let mut problems: Vec<String> = engine::stray_completions(reg, cx.today)
        .into_iter()
        .map(|(ob, period)| {
            i18n::f(
                lang,
                Msg::StrayCompletion,
                &[("id", &ob.id), ("period", &period)],
            )
        })
        .collect();
    let registry = match reg.origin {
        Origin::Embedded => reg.origin.named(lang),
        Origin::File(_) => format!("{} ({})", reg.origin.named(lang), cx.found.why(lang)),
    };
    writeln!(
        out,
        "{}",
        i18n::f(lang, Msg::ValidRegistry, &[("registry", &registry)])
    )?;
    let ledger = cx.ledger.described(lang);
    writeln!(
        out,
        "{}",
        i18n::f(lang, Msg::ValidLedger, &[("ledger", &ledger)])
    )?;
    let book = Ledger::load(&cx.ledger.path)?;
    for warning in record::check(reg, &book, cx.today, lang) {
        let args: [(&str, &dyn std::fmt::Display); 2] =
            [("ledger", &ledger), ("warning", &warning)];
        writeln!(out, "{}", i18n::f(lang, Msg::ValidLedgerWarning, &args))?;
    }
    let unlisted = holiday::unlisted_years(reg, reg.tracking_since.unwrap_or(cx.today));
    if !unlisted.is_empty() {
        let years: Vec<String> = unlisted.iter().map(i32::to_string).collect();
        let years = years.join(", ");
        writeln!(
            out,
            "{}",
            i18n::f(lang, Msg::ValidHolidays, &[("years", &years)])
        )?;
    }
    let conflicts = crate::team::conflicts(&cx.ledger, &book, lang);
    for conflict in &conflicts {
        writeln!(out, "{conflict}")?;
    }
    if !conflicts.is_empty() {
        let n = conflicts.len() as i64;
        problems.push(i18n::count(
            lang,
            n,
            Msg::ValidConflict,
            Msg::ValidConflicts,
        ));
    }
    write!(out, "{}", views::summary(reg, lang))?;
    if problems.is_empty() {
        writeln!(out, "{}", i18n::t(lang, Msg::ValidOk))?;
        Ok(Exit::Success)
    } else {
        bail!("{}", problems.join("; "))
    }
}
