//! The agenda: open items, overdue first, then by due date. A long agenda keeps only where
//! each item stands (its obligation, due day, period and state) and makes the item when it is
//! shown, so that 100,000 rows take two megabytes, not a dozen.

use std::cell::RefCell;

use chrono::{Datelike, NaiveDate};

use super::{History, Item, Occurrence, PeriodKey, State, judge, occurrences_into};
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
        today: NaiveDate,
        slots: Vec<Slot>,
        /// The occurrences an item that hangs on a meeting is made again from, in one vector
        /// kept from one item to the next: its allocation was a good part of the cost of a row.
        found: RefCell<Vec<Occurrence<'r>>>,
    },
}

/// Where an item stands: enough to make it again, and to order and filter it.
#[derive(Clone, Copy)]
struct Slot {
    /// Where it stands in agenda order, and its due date (see [`Slot::order`]).
    order: u64,
    /// The obligation's index in the registry.
    ob: u32,
    period: Kept,
    state: State,
    confidence: Option<Confidence>,
}

/// An item's period, as kept: a calendar period whole, for an item that hangs on no meeting;
/// otherwise which of the obligation's occurrences due that day it is (two periods can roll to
/// one day), so that it is made again with its meeting.
#[derive(Clone, Copy)]
enum Kept {
    Once,
    Ongoing,
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    Nth(u16),
}

impl Kept {
    fn of(occ: &Occurrence<'_>, nth: u16) -> Kept {
        let part = |n: u32| u8::try_from(n).ok();
        let kept = match (&occ.meeting, &occ.period) {
            (Some(_), _) | (_, PeriodKey::Instance(_)) => None,
            (None, PeriodKey::Once) => Some(Kept::Once),
            (None, PeriodKey::Ongoing) => Some(Kept::Ongoing),
            (None, PeriodKey::Year(y)) => Some(Kept::Year(*y)),
            (None, PeriodKey::Quarter(y, q)) => part(*q).map(|q| Kept::Quarter(*y, q)),
            (None, PeriodKey::Month(y, m)) => part(*m).map(|m| Kept::Month(*y, m)),
        };
        kept.unwrap_or(Kept::Nth(nth))
    }

    /// The period, when kept whole.
    fn period(self) -> Option<PeriodKey<'static>> {
        Some(match self {
            Kept::Once => PeriodKey::Once,
            Kept::Ongoing => PeriodKey::Ongoing,
            Kept::Year(y) => PeriodKey::Year(y),
            Kept::Quarter(y, q) => PeriodKey::Quarter(y, u32::from(q)),
            Kept::Month(y, m) => PeriodKey::Month(y, u32::from(m)),
            Kept::Nth(_) => return None,
        })
    }
}

/// Where agenda order puts an item: overdue first, then by due date. Sorts that use it are
/// stable, so items due the same day keep the order they were made in.
pub(super) fn order(state: State, due: Option<NaiveDate>) -> (bool, Option<NaiveDate>) {
    (state != State::Overdue, due)
}

/// Every date chrono represents is within 2^30 days of the common era's start.
const DAY_SHIFT: i64 = 1 << 30;

impl Slot {
    /// [`order`] as one number: whether the item is overdue, its due day (days from the
    /// common era's start, shifted to be positive), then how many items were made before it,
    /// so that an unstable sort, which needs no room of its own, keeps the order items were
    /// made in, and compares one number.
    fn order(state: State, due: NaiveDate, made: usize) -> u64 {
        let day =
            u64::try_from(i64::from(due.num_days_from_ce()) + DAY_SHIFT).expect("a date in range");
        let made = u32::try_from(made).expect("fewer items than memory holds");
        (u64::from(state != State::Overdue) << 63) | (day << 32) | u64::from(made)
    }

    fn due(&self) -> NaiveDate {
        let day = i64::try_from((self.order >> 32) & 0x7fff_ffff).expect("31 bits") - DAY_SHIFT;
        i32::try_from(day)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .expect("made from a date")
    }
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
            let (confidence, period) = (occ.confidence, Kept::of(&occ, nth));
            let state = judge(reg, occ, completions, today).state;
            if state.is_open() && due <= until {
                slots.push(Slot {
                    order: Slot::order(state, due, slots.len()),
                    ob: u32::try_from(n).expect("fewer obligations than a registry file holds"),
                    period,
                    state,
                    confidence,
                });
            }
        }
    }
    slots.sort_unstable_by_key(|s| s.order);
    Agenda {
        rows: Rows::Placed {
            reg,
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

/// How many items [`warm`] reads ahead at a time.
const AHEAD: usize = 32;

/// Reads what making the slots' items will read: their obligations, then their texts. Items
/// come in date order, so their obligations lie all over memory, and making them one at a
/// time waits for memory once or twice an item; read here in a loop of independent reads,
/// they arrive together while the items before them are made.
fn warm(reg: &Registry, slots: &[Slot]) {
    let obligation = |s: &Slot| &reg.obligations[s.ob as usize];
    let mut sum = 0usize;
    // An obligation spans several cache lines: every field an item's row reads.
    for ob in slots.iter().map(obligation) {
        let fields = [
            ob.id.len(),
            ob.title.en.len(),
            ob.title.fr.as_ref().map_or(0, |fr| fr.len()),
            ob.mandate().map_or(0, |m| m.len()),
            ob.owner().map_or(0, |o| o.en.len()),
            ob.to().map_or(0, |t| t.en.len()),
            usize::from(ob.lead.unit.letter() as u8),
        ];
        sum = sum.wrapping_add(fields.iter().fold(0, |a, b| a ^ b));
    }
    // Then the texts that are the obligation's own, at both ends: a title can cross into the
    // next cache line. (Owners, recipients and mandates are shared, and read often.)
    for ob in slots.iter().map(obligation) {
        let ends = |s: &str| {
            let b = s.as_bytes();
            usize::from(b.first().copied().unwrap_or(0) ^ b.last().copied().unwrap_or(0))
        };
        let fr = ob.title.fr.as_deref().map_or(0, ends);
        sum = sum.wrapping_add(ends(&ob.id) ^ ends(&ob.title.en) ^ fr);
    }
    std::hint::black_box(sum);
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
                today,
                slots,
                found,
            } => {
                if n.is_multiple_of(AHEAD) {
                    let next = (n + AHEAD).min(slots.len());
                    if n == 0 {
                        warm(reg, &slots[..next]);
                    }
                    warm(reg, &slots[next..(next + AHEAD).min(slots.len())]);
                }
                let slot = slots[n];
                let (ob, due) = (&reg.obligations[slot.ob as usize], slot.due());
                let occurrence = match slot.period {
                    Kept::Nth(nth) => {
                        let mut found = found.borrow_mut();
                        found.clear();
                        occurrences_into(reg, ob, due, due, false, &mut found);
                        // The occurrence the slot was made from; the others are cleared next
                        // time.
                        found.swap_remove(usize::from(nth))
                    }
                    kept => Occurrence {
                        obligation: ob,
                        period: kept.period().expect("a period kept whole"),
                        due: Some(due),
                        meeting: None,
                        confidence: slot.confidence,
                        how: None,
                    },
                };
                // An open item has no completion: one would have closed it.
                Item {
                    occurrence,
                    state: slot.state,
                    days: Some((due - *today).num_days()),
                    completion: None,
                }
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
