//! Where an obligation's history starts. Nothing that was overdue yesterday may vanish
//! today, so no start depends on today: an open occurrence stays overdue until it is
//! recorded, or the registry changes.

use chrono::{Datelike, NaiveDate};

use super::{Trace, at_meeting};
use crate::model::{Obligation, Registry, Rule};

/// Where the occurrences of each obligation of a registry are looked for from.
#[derive(Clone, Copy, Debug)]
pub struct History<'r> {
    reg: &'r Registry,
    /// Where a recurring rule with no start of its own begins: 1 January of the earliest year
    /// the registry writes a date in.
    epoch: NaiveDate,
}

/// Where history starts for a registry that writes no date at all.
const NO_DATE_EPOCH: (i32, u32, u32) = (2000, 1, 1);

impl<'r> History<'r> {
    pub fn of(reg: &'r Registry) -> History<'r> {
        let (y, m, d) = NO_DATE_EPOCH;
        let fallback = NaiveDate::from_ymd_opt(y, m, d).expect("a real day");
        let epoch = earliest_date(reg)
            .and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1))
            .unwrap_or(fallback);
        History { reg, epoch }
    }

    pub fn registry(&self) -> &'r Registry {
        self.reg
    }

    /// The day an obligation's story starts, as `due show` tells it:
    /// - a one-off (a date or one meeting instance): its only occurrence;
    /// - a rule tied to a meeting series: the occurrence of the first dated instance;
    /// - `active_from`, when later;
    /// - a calendar rule with no `active_from` (or a series with no dated instance):
    ///   1 January of the earliest year the registry writes a date in (`tracking_since`, a
    ///   meeting, a deadline, an `active_from`/`active_until`, a holiday, a recorded
    ///   completion), else 1 January 2000.
    ///
    /// What falls due before `tracking_since` is part of the story, as history.
    pub fn start(&self, ob: &Obligation) -> NaiveDate {
        let own = match &ob.rule {
            // One date at most: the whole story is that occurrence, wherever it falls.
            Rule::Ongoing | Rule::Once(_) | Rule::AtInstance { .. } => Some(NaiveDate::MIN),
            Rule::AtSeries {
                meeting,
                anchor,
                offset,
                ..
            } => self.reg.meetings[*meeting]
                .instances
                .first()
                .and_then(|first| at_meeting(first, *anchor, *offset, &mut Trace::default()))
                .and_then(|date| self.reg.calendar.roll(date)),
            Rule::Every { .. } => None,
        };
        match (ob.active_from, own) {
            (Some(from), Some(own)) => from.max(own),
            (Some(from), None) => from,
            (None, Some(own)) => own,
            (None, None) => self.epoch,
        }
    }

    /// Where listings look for an obligation's open occurrences on `today`: its start, or
    /// `tracking_since` when later, since what falls due before it is history once its day
    /// has passed. On days before `tracking_since`, what falls due from today on is looked at
    /// as usual.
    pub fn watched_from(&self, ob: &Obligation, today: NaiveDate) -> NaiveDate {
        let start = self.start(ob);
        match self.reg.tracking_since {
            Some(since) => start.max(since.min(today)),
            None => start,
        }
    }
}

/// The earliest date the registry writes anywhere.
fn earliest_date(reg: &Registry) -> Option<NaiveDate> {
    let meetings = reg
        .meetings
        .iter()
        .filter_map(|m| m.instances.first().map(|i| i.start));
    let obligations = reg.obligations.iter().flat_map(|ob| {
        let once = match ob.rule {
            Rule::Once(date) => Some(date),
            _ => None,
        };
        [ob.active_from, ob.active_until, once]
            .into_iter()
            .flatten()
            .chain(ob.done().iter().map(|(_, c)| c.on))
    });
    meetings
        .chain(reg.tracking_since)
        .chain(reg.calendar.holidays.iter().copied())
        .chain(obligations)
        .min()
}
