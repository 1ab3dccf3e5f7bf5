//! The agenda: open items, overdue first, then by due date. A long agenda keeps only where
//! each item stands (its obligation, due day and state) and makes the item again when it is
//! shown, so that 100,000 rows take a megabyte, not a dozen.

use std::cell::RefCell;

use chrono::NaiveDate;

use super::{History, Item, Occurrence, State, judge, occurrences_into};
use crate::model::{Completions, Confidence, Obligation, Registry};

/// Items in agenda order: overdue first, then by due date, then in registry order, then by
/// period.
pub struct Agenda<'r> {
    rows: Rows<'r>,
}

enum Rows<'r> {
    /// Items made elsewhere (`remind` filters the agenda), in order.
    Made(Vec<Item<'r>>),
    Placed {
        reg: &'r Registry,
        completions: &'r Completions,
        today: NaiveDate,
        slots: Vec<Slot>,
        /// The occurrences an item is made again from, in one vector kept from one item to
        /// the next: its allocation was a good part of the cost of a row.
        found: RefCell<Vec<Occurrence<'r>>>,
    },
}

/// Where an item stands: enough to make it again, and to order and filter it.
#[derive(Clone, Copy)]
struct Slot {
    /// The obligation's index in the registry.
    ob: u32,
    due: NaiveDate,
    /// Which of the obligation's occurrences due that day (two periods can roll to one day).
    nth: u16,
    state: State,
    confidence: Option<Confidence>,
}

/// Where agenda order puts an item: overdue first, then by due date. Sorts that use it are
/// stable, so items due the same day keep the order they were made in.
pub(super) fn order(state: State, due: Option<NaiveDate>) -> (bool, Option<NaiveDate>) {
    (state != State::Overdue, due)
}

/// Open items that are overdue, or fall due between today and `until` (both included).
pub fn agenda<'r>(
    reg: &'r Registry,
    completions: &'r Completions,
    today: NaiveDate,
    until: NaiveDate,
) -> Agenda<'r> {
    let history = History::of(reg);
    let to = until.max(today);
    let (mut found, mut slots) = (Vec::new(), Vec::new());
    for (n, ob) in reg.obligations.iter().enumerate() {
        let from = history.watched_from(ob, today);
        occurrences_into(reg, ob, from, to, false, &mut found);
        // Occurrences come by due date: those due the same day are counted off.
        let mut previous = None;
        let mut nth = 0u16;
        for occ in found.drain(..) {
            let Some(due) = occ.due else { continue };
            nth = if previous == Some(due) { nth + 1 } else { 0 };
            previous = Some(due);
            let confidence = occ.confidence;
            let state = judge(reg, occ, completions, today).state;
            if state.is_open() && due <= until {
                slots.push(Slot {
                    ob: u32::try_from(n).expect("fewer obligations than a registry file holds"),
                    due,
                    nth,
                    state,
                    confidence,
                });
            }
        }
    }
    slots.sort_by_key(|s| order(s.state, Some(s.due)));
    Agenda {
        rows: Rows::Placed {
            reg,
            completions,
            today,
            slots,
            found: RefCell::default(),
        },
    }
}

/// Open items whose due day has passed.
pub fn overdue<'r>(
    reg: &'r Registry,
    completions: &'r Completions,
    today: NaiveDate,
) -> Agenda<'r> {
    let mut out = agenda(reg, completions, today, today);
    out.retain(|_, state| state == State::Overdue);
    out
}

impl<'r> Agenda<'r> {
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Made(items) => items.len(),
            Rows::Placed { slots, .. } => slots.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `n`, of [`len`](Self::len).
    pub fn get(&self, n: usize) -> Item<'r> {
        match &self.rows {
            Rows::Made(items) => items[n].clone(),
            Rows::Placed {
                reg,
                completions,
                today,
                slots,
                found,
            } => {
                let slot = slots[n];
                let ob = &reg.obligations[slot.ob as usize];
                let mut found = found.borrow_mut();
                found.clear();
                occurrences_into(reg, ob, slot.due, slot.due, false, &mut found);
                // The occurrence the slot was made from; the others are cleared next time.
                let occ = found.swap_remove(usize::from(slot.nth));
                judge(reg, occ, completions, *today)
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Item<'r>> + '_ {
        (0..self.len()).map(|n| self.get(n))
    }

    /// Keeps the items of the obligations and states `keep` admits, in their order.
    pub fn retain(&mut self, keep: impl Fn(&Obligation, State) -> bool) {
        match &mut self.rows {
            Rows::Made(items) => items.retain(|i| keep(i.obligation(), i.state)),
            Rows::Placed { reg, slots, .. } => {
                slots.retain(|s| keep(&reg.obligations[s.ob as usize], s.state));
            }
        }
    }

    /// How sure the meeting each item hangs on is, without making the items.
    pub fn confidences(&self) -> Vec<Option<Confidence>> {
        match &self.rows {
            Rows::Made(items) => items.iter().map(|i| i.occurrence.confidence).collect(),
            Rows::Placed { slots, .. } => slots.iter().map(|s| s.confidence).collect(),
        }
    }
}

impl<'r> FromIterator<Item<'r>> for Agenda<'r> {
    fn from_iter<I: IntoIterator<Item = Item<'r>>>(items: I) -> Agenda<'r> {
        Agenda {
            rows: Rows::Made(items.into_iter().collect()),
        }
    }
}
