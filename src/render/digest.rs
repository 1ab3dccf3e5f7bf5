use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Entry, one_line};
use crate::engine::State;
use crate::i18n::{Msg, count, f, t};
use crate::model::{Confidence, Lang};

/// What needs attention, as plain text a person reads in ten seconds: overdue first,
/// then by date, each line saying what, to whom, when, and under which mandate.
pub fn digest(entries: &[Entry<'_>], lang: Lang, today: NaiveDate) -> String {
    let mut out = String::new();
    let overdue: Vec<_> = entries
        .iter()
        .filter(|(i, _)| i.state == State::Overdue)
        .collect();
    let soon: Vec<_> = entries
        .iter()
        .filter(|(i, _)| i.state != State::Overdue)
        .collect();
    let mut section = |heading: &str, list: &[&Entry<'_>]| {
        if list.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{heading} ({})", list.len());
        for (item, milestones) in list {
            let ob = item.obligation();
            let occ = &item.occurrence;
            let due = occ.due.map_or_else(String::new, |d| d.to_string());
            let when = match item.days {
                Some(0) => t(lang, Msg::DaysToday).to_owned(),
                Some(1) => t(lang, Msg::Tomorrow).to_owned(),
                Some(n) if n < 0 => count(lang, -n, Msg::OverdueDay, Msg::OverdueDays),
                Some(n) => f(lang, Msg::InDays, &[("n", &n)]),
                None => String::new(),
            };
            let estimate = match occ.confidence {
                Some(Confidence::Estimate) => t(lang, Msg::EstimatedDate),
                Some(Confidence::Likely) => t(lang, Msg::LikelyDate),
                _ => "",
            };
            let _ = writeln!(
                out,
                "- {due} ({when}{estimate}) {} [{}]",
                one_line(&ob.id),
                one_line(&occ.period.text())
            );
            let _ = writeln!(out, "  {}", one_line(ob.title.get(lang)));
            if let Some(to) = ob.to().map(|t| t.get(lang)) {
                let _ = writeln!(
                    out,
                    "  {}",
                    f(lang, Msg::DigestTo, &[("to", &one_line(to))])
                );
            }
            if let Some(mandate) = ob.mandate() {
                let mandate = one_line(mandate);
                let _ = writeln!(
                    out,
                    "  {}",
                    f(lang, Msg::DigestMandate, &[("mandate", &mandate)])
                );
            }
            for m in milestones {
                let key = if m.on <= today {
                    Msg::MilestoneReached
                } else {
                    Msg::MilestoneComing
                };
                let name = one_line(m.milestone.name.get(lang));
                let line = f(lang, key, &[("date", &m.on), ("name", &name)]);
                let _ = writeln!(out, "  {line}");
            }
        }
    };
    section(t(lang, Msg::DigestOverdue), &overdue);
    section(t(lang, Msg::DigestAttention), &soon);
    out
}
