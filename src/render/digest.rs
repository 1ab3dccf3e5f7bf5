use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Entry, one_line};
use crate::engine::State;
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
                Some(0) => "today".to_string(),
                Some(1) => "tomorrow".to_string(),
                Some(n) if n < 0 => format!("{} overdue", super::counted(-n, "day", "days")),
                Some(n) => format!("in {n} days"),
                None => String::new(),
            };
            let estimate = match occ.confidence {
                Some(Confidence::Estimate) => ", estimated date",
                Some(Confidence::Likely) => ", date likely, not confirmed",
                _ => "",
            };
            let _ = writeln!(
                out,
                "- {due} ({when}{estimate}) {} [{}]",
                one_line(&ob.id),
                one_line(&occ.period.text())
            );
            let _ = writeln!(out, "  {}", one_line(ob.title.get(lang)));
            if let Some(to) = &ob.to {
                let _ = writeln!(out, "  to: {}", one_line(to));
            }
            if let Some(mandate) = &ob.mandate {
                let _ = writeln!(out, "  mandate: {}", one_line(mandate));
            }
            for m in milestones {
                let verb = if m.on <= today { "reached" } else { "coming" };
                let _ = writeln!(
                    out,
                    "  milestone {verb} {}: {}",
                    m.on,
                    one_line(m.milestone.name.get(lang))
                );
            }
        }
    };
    section("Overdue", &overdue);
    section("Needs attention", &soon);
    out
}
