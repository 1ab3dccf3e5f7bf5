//! Turns engine results into listings: which fields each command shows, and how.

use chrono::NaiveDate;

use crate::engine::{Item, Standing, State};
use crate::model::{Lang, Meeting, Obligation, Outcome, Registry, Rule};
use crate::render::{Cell, Emphasis, Listing};

const TENTATIVE_NOTE: &str = "~ the date hangs on a meeting whose dates are an estimate";

fn emphasis(state: State) -> Emphasis {
    match state {
        State::Overdue => Emphasis::Alert,
        State::DueSoon => Emphasis::Warn,
        _ => Emphasis::None,
    }
}

/// The due date as a person reads it: `~` marks an estimate.
fn due_label(due: Option<NaiveDate>, tentative: bool) -> String {
    match (due, tentative) {
        (Some(d), true) => format!("~{d}"),
        (Some(d), false) => d.to_string(),
        (None, _) => "-".into(),
    }
}

fn days_label(days: Option<i64>) -> String {
    match days {
        Some(0) => "today".into(),
        Some(n) if n < 0 => format!("{}d ago", -n),
        Some(n) => format!("in {n}d"),
        None => "-".into(),
    }
}

/// Rows of occurrences: `due`, `overdue`, `remind`.
pub fn items(items: &[Item<'_>], lang: Lang) -> Listing {
    let mut l = Listing::new(&[
        ("due_label", Some("Due")),
        ("when", Some("When")),
        ("id", Some("Obligation")),
        ("period", Some("Period")),
        ("due", None),
        ("days", None),
        ("state", Some("State")),
        ("title", Some("Title")),
        ("mandate", None),
        ("owner", None),
        ("to", Some("To")),
        ("meeting", None),
        ("tentative", None),
        ("lead", None),
        ("completed_on", None),
        ("ref", None),
    ]);
    for item in items {
        let ob = item.obligation();
        let occ = &item.occurrence;
        l.push(
            vec![
                Cell::text(due_label(occ.due, occ.tentative)),
                Cell::text(days_label(item.days)),
                Cell::text(&ob.id),
                Cell::text(&occ.period),
                Cell::opt_date(occ.due),
                Cell::opt_int(item.days),
                Cell::text(item.state.as_str()),
                Cell::text(ob.title.get(lang)),
                Cell::opt_text(ob.mandate.as_deref()),
                Cell::opt_text(ob.owner.as_deref()),
                Cell::opt_text(ob.to.as_deref()),
                Cell::opt_text(occ.meeting.as_deref()),
                Cell::Bool(occ.tentative),
                Cell::text(ob.lead.to_string()),
                Cell::opt_date(item.completion.as_ref().map(|c| c.on)),
                Cell::opt_text(
                    item.completion
                        .as_ref()
                        .and_then(|c| c.reference.as_deref()),
                ),
            ],
            emphasis(item.state),
        );
    }
    l.display_only(&["due_label", "when"]);
    if items.iter().any(|i| i.occurrence.tentative) {
        l.notes.push(TENTATIVE_NOTE.into());
    }
    l
}

/// The status table: every obligation, as of a day.
pub fn status(rows: &[Standing<'_>], lang: Lang) -> Listing {
    let mut l = Listing::new(&[
        ("id", Some("Obligation")),
        ("title", Some("Title")),
        ("last_done", Some("Last delivered")),
        ("last_ref", Some("Reference")),
        ("due_label", Some("Next due")),
        ("state", Some("State")),
        ("period", Some("Period")),
        ("due", None),
        ("days", None),
        ("mandate", None),
        ("owner", None),
        ("to", None),
        ("meeting", None),
        ("tentative", None),
        ("last_period", None),
    ]);
    for s in rows {
        let ob = s.obligation;
        let cur = s.current.as_ref();
        let occ = cur.map(|i| &i.occurrence);
        let state = cur.map_or(State::Untracked, |i| i.state);
        let (last_on, last_ref, last_period) = match &s.last_done {
            Some((period, c)) => (Some(c.on), c.reference.as_deref(), Some(period.as_str())),
            None => (None, None, None),
        };
        l.push(
            vec![
                Cell::text(&ob.id),
                Cell::text(ob.title.get(lang)),
                Cell::opt_date(last_on),
                Cell::opt_text(last_ref),
                Cell::text(due_label(
                    occ.and_then(|o| o.due),
                    occ.is_some_and(|o| o.tentative),
                )),
                Cell::text(state.as_str()),
                Cell::opt_text(occ.map(|o| o.period.as_str())),
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_int(cur.and_then(|i| i.days)),
                Cell::opt_text(ob.mandate.as_deref()),
                Cell::opt_text(ob.owner.as_deref()),
                Cell::opt_text(ob.to.as_deref()),
                Cell::opt_text(occ.and_then(|o| o.meeting.as_deref())),
                Cell::Bool(occ.is_some_and(|o| o.tentative)),
                Cell::opt_text(last_period),
            ],
            emphasis(state),
        );
    }
    l.display_only(&["due_label"]);
    if rows
        .iter()
        .any(|s| s.current.as_ref().is_some_and(|i| i.occurrence.tentative))
    {
        l.notes.push(TENTATIVE_NOTE.into());
    }
    l
}

/// How an obligation recurs, in words.
pub fn rule_text(ob: &Obligation) -> String {
    let due = ob.due_text.as_deref().unwrap_or("");
    match (&ob.rule, ob.every_text.as_deref()) {
        (Rule::Ongoing, _) => "ongoing".into(),
        (_, Some(every)) => format!("every {every}: {due}"),
        (_, None) => format!("once: {due}"),
    }
}

/// `due list`: every obligation with its rule and next due date.
pub fn obligations(reg: &Registry, next: &[Option<Item<'_>>], lang: Lang) -> Listing {
    let mut l = Listing::new(&[
        ("id", Some("Obligation")),
        ("title", Some("Title")),
        ("mandate", Some("Mandate")),
        ("rule", Some("Rule")),
        ("next_label", Some("Next due")),
        ("next_due", None),
        ("next_period", None),
        ("owner", None),
        ("to", None),
        ("tentative", None),
    ]);
    for (ob, next) in reg.obligations.iter().zip(next) {
        let occ = next.as_ref().map(|i| &i.occurrence);
        l.push(
            vec![
                Cell::text(&ob.id),
                Cell::text(ob.title.get(lang)),
                Cell::opt_text(ob.mandate.as_deref()),
                Cell::text(rule_text(ob)),
                Cell::text(due_label(
                    occ.and_then(|o| o.due),
                    occ.is_some_and(|o| o.tentative),
                )),
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_text(occ.map(|o| o.period.as_str())),
                Cell::opt_text(ob.owner.as_deref()),
                Cell::opt_text(ob.to.as_deref()),
                Cell::Bool(occ.is_some_and(|o| o.tentative)),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["next_label"]);
    l
}

/// `due meetings`: every instance, listed or estimated.
pub fn meetings(instances: &[(&Meeting, crate::model::Instance)], lang: Lang) -> Listing {
    let mut l = Listing::new(&[
        ("meeting", Some("Meeting")),
        ("id", Some("Instance")),
        ("name", Some("Name")),
        ("start", Some("Opens")),
        ("end", Some("Closes")),
        ("tentative_label", Some("Dates")),
        ("tentative", None),
    ]);
    for (m, inst) in instances {
        l.push(
            vec![
                Cell::text(&m.key),
                Cell::text(&inst.id),
                Cell::text(m.name.get(lang)),
                Cell::Date(inst.start),
                Cell::Date(inst.end),
                Cell::text(if inst.tentative {
                    "estimate"
                } else {
                    "confirmed"
                }),
                Cell::Bool(inst.tentative),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["tentative_label"]);
    l
}

/// How a recorded completion reads in one line.
pub fn completion_text(c: &crate::model::Completion) -> String {
    let mut s = match &c.outcome {
        Outcome::Done => format!("delivered {}", c.on),
        Outcome::Waived { reason } => format!("waived {} ({reason})", c.on),
    };
    if let Some(r) = &c.reference {
        s.push_str(&format!(", {r}"));
    }
    s
}
