//! Which rows `due status` shows, in what order, and under which heading: one answer for
//! the table, Markdown, CSV, JSON and the handout alike. What needs the session's attention
//! comes first (overdue on top), then what is on track or delivered, then standing duties;
//! history (what fell due before `tracking_since` with nothing recorded) only when asked for.

use chrono::NaiveDate;

use crate::engine::{At, Standing, State};
use crate::record::LastClosed;

/// The part of the status a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Open and due by the session's last day (or the day judged on).
    Attention,
    OnTrack,
    Standing,
    /// Due before `tracking_since`, with nothing recorded.
    History,
}

impl Group {
    /// The name the handout's markup gives the group.
    pub fn key(self) -> &'static str {
        match self {
            Group::Attention => "attention",
            Group::OnTrack => "on-track",
            Group::Standing => "standing",
            Group::History => "history",
        }
    }
}

/// The last day that counts as "by the session": its closing day, or the day judged on.
pub fn attention_by(at: &At) -> NaiveDate {
    at.instance.as_ref().map_or(at.day, |i| i.end.max(at.day))
}

/// A row's group. A delivery recorded for an occurrence from before `tracking_since` is
/// news for the session, not history: history is what nobody recorded.
fn group(s: &Standing<'_>, attention_by: NaiveDate) -> Group {
    let Some(item) = &s.current else {
        return Group::History;
    };
    match item.state {
        State::Ongoing => Group::Standing,
        State::Untracked => Group::History,
        state if state.is_open() && item.occurrence.due.is_some_and(|d| d <= attention_by) => {
            Group::Attention
        }
        _ => Group::OnTrack,
    }
}

/// The status rows to show and their order: each row's index in `rows` with its group,
/// by group, overdue first in a group, then by due date; registry order breaks ties.
/// History is left out unless `history` is true.
pub fn order(rows: &[Standing<'_>], at: &At, history: bool) -> Vec<(Group, usize)> {
    let by = attention_by(at);
    let mut keyed: Vec<_> = rows
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let due = s.current.as_ref().and_then(|i| i.occurrence.due);
            let overdue = s.state() == State::Overdue;
            (group(s, by), !overdue, due, n)
        })
        .filter(|(g, ..)| history || *g != Group::History)
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(g, _, _, n)| (g, n)).collect()
}

/// The status rows, with the occurrence each last closed, put in the order [`order`] gives
/// and without what it leaves out; the groups, in the same order.
pub fn arrange<'r>(
    rows: Vec<Standing<'r>>,
    closed: Vec<Option<LastClosed>>,
    at: &At,
    history: bool,
) -> (Vec<Standing<'r>>, Vec<Option<LastClosed>>, Vec<Group>) {
    let order = order(&rows, at, history);
    let mut rows: Vec<Option<Standing<'r>>> = rows.into_iter().map(Some).collect();
    let mut closed: Vec<Option<Option<LastClosed>>> = closed.into_iter().map(Some).collect();
    let mut out = (Vec::new(), Vec::new(), Vec::new());
    for (g, n) in order {
        out.0.extend(rows[n].take());
        out.1.extend(closed[n].take());
        out.2.push(g);
    }
    out
}
