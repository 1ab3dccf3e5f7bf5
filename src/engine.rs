//! The schedule engine: pure functions from a registry, its completions and a day to the
//! occurrences people ask about. No I/O and no clock: "today" is always an argument.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::dates::{self, Span, clamped};
use crate::model::{
    Anchor, Completion, Completions, Confidence, InPeriod, Instance, Meeting, Milestone,
    MilestoneAt, Obligation, Outcome, Period, Registry, Rule,
};

mod agenda;
mod explain;
mod history;

pub use self::agenda::{Agenda, agenda, overdue};
use self::explain::Trace;
pub use self::explain::{Base, Explanation, Rolled};
pub use self::history::History;

/// How far ahead "the next occurrence" is looked for.
const LOOKAHEAD_DAYS: i64 = 3 * 366;
/// Room for a working-day roll to move a date across a period boundary.
const ROLL_SLACK_DAYS: i64 = 62;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    Overdue,
    DueSoon,
    Upcoming,
    Done,
    DoneLate,
    Waived,
    Ongoing,
    /// Due before `tracking_since` with nothing recorded: history, not a debt.
    Untracked,
}

impl State {
    /// Every state, in the order listings explain them.
    pub const ALL: [State; 8] = [
        State::Overdue,
        State::DueSoon,
        State::Upcoming,
        State::Done,
        State::DoneLate,
        State::Waived,
        State::Ongoing,
        State::Untracked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::DueSoon => "due-soon",
            State::Upcoming => "upcoming",
            State::Done => "done",
            State::DoneLate => "done-late",
            State::Waived => "waived",
            State::Ongoing => "ongoing",
            State::Untracked => "untracked",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, State::Overdue | State::DueSoon | State::Upcoming)
    }
}

/// Which period an occurrence is for: `2027`, `2027-Q1`, `2027-03`, a meeting instance id,
/// `once` or `ongoing`. Kept in parts, so that a long listing formats only what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodKey<'r> {
    Once,
    Ongoing,
    Year(i32),
    /// Year and quarter, 1 to 4.
    Quarter(i32, u32),
    /// Year and month, 1 to 12.
    Month(i32, u32),
    Instance(Cow<'r, str>),
}

impl PeriodKey<'_> {
    /// The key as written in ledgers and listings.
    pub fn text(&self) -> String {
        self.with_text(str::to_owned)
    }

    /// `f` of the key as written, without allocating for a calendar period's key (see
    /// [`digits`](Self::digits)).
    pub fn with_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        match self {
            PeriodKey::Once => f("once"),
            PeriodKey::Ongoing => f("ongoing"),
            PeriodKey::Instance(id) => f(id),
            _ => match self.digits() {
                Some(digits) => f(std::str::from_utf8(digits.as_bytes()).expect("ASCII")),
                // Years of other than four digits are rare enough for the formatting machinery.
                None => f(&self.to_string()),
            },
        }
    }

    /// A calendar period's key, for a year of four digits, written on the stack: a long
    /// listing writes one per row. Other keys have none.
    pub fn digits(&self) -> Option<Digits> {
        let (year, suffix) = match self {
            PeriodKey::Year(y) => (*y, None),
            PeriodKey::Quarter(y, q) => (*y, Some((b'Q', *q))),
            PeriodKey::Month(y, m) => (*y, Some((b'0' + (*m / 10 % 10) as u8, *m))),
            PeriodKey::Once | PeriodKey::Ongoing | PeriodKey::Instance(_) => return None,
        };
        let y = u32::try_from(year)
            .ok()
            .filter(|y| (1000..=9999).contains(y))?;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let mut bytes = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            0,
            0,
        ];
        let len = match suffix {
            None => 4,
            Some((first, n)) => {
                bytes[5] = first;
                bytes[6] = digit(n);
                7
            }
        };
        Some(Digits { bytes, len })
    }

    /// The same key, owning its text.
    pub fn into_owned(self) -> PeriodKey<'static> {
        match self {
            PeriodKey::Once => PeriodKey::Once,
            PeriodKey::Ongoing => PeriodKey::Ongoing,
            PeriodKey::Year(y) => PeriodKey::Year(y),
            PeriodKey::Quarter(y, q) => PeriodKey::Quarter(y, q),
            PeriodKey::Month(y, m) => PeriodKey::Month(y, m),
            PeriodKey::Instance(id) => PeriodKey::Instance(Cow::Owned(id.into_owned())),
        }
    }

    pub fn is(&self, text: &str) -> bool {
        self.with_text(|key| key == text)
    }
}

/// A calendar period's key in ASCII: `2027`, `2027-Q1`, `2027-03`.
pub struct Digits {
    bytes: [u8; 7],
    len: usize,
}

impl Digits {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl fmt::Display for PeriodKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodKey::Once => f.write_str("once"),
            PeriodKey::Ongoing => f.write_str("ongoing"),
            PeriodKey::Year(y) => write!(f, "{y}"),
            PeriodKey::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            PeriodKey::Month(y, m) => write!(f, "{y}-{m:02}"),
            PeriodKey::Instance(id) => f.write_str(id),
        }
    }
}

/// One occurrence of an obligation: the deadline for one period.
#[derive(Clone, Debug)]
pub struct Occurrence<'r> {
    pub obligation: &'r Obligation,
    pub period: PeriodKey<'r>,
    /// After the working-day roll; `None` for an ongoing duty.
    pub due: Option<NaiveDate>,
    /// The meeting instance the deadline hangs on.
    pub meeting: Option<Cow<'r, str>>,
    /// How sure that meeting's dates are.
    pub confidence: Option<Confidence>,
    /// How the due date was reached, when asked for (`due show`).
    pub how: Option<Box<Explanation>>,
}

impl Occurrence<'_> {
    /// The date hangs on a meeting whose dates are an estimate.
    pub fn tentative(&self) -> bool {
        self.confidence == Some(Confidence::Estimate)
    }
}

/// An occurrence judged on a given day.
#[derive(Clone, Debug)]
pub struct Item<'r> {
    pub occurrence: Occurrence<'r>,
    pub state: State,
    /// Days from today to the due date, negative when overdue.
    pub days: Option<i64>,
    pub completion: Option<&'r Completion>,
}

impl<'r> Item<'r> {
    pub fn obligation(&self) -> &'r Obligation {
        self.occurrence.obligation
    }
}

/// A milestone of one occurrence, dated.
#[derive(Clone, Debug)]
pub struct DatedMilestone<'r> {
    pub milestone: &'r Milestone,
    pub on: NaiveDate,
    /// How the date was reached, when asked for (`due show`).
    pub how: Option<Box<Explanation>>,
}

/// The working-day-rolled date of each of an occurrence's milestones. A milestone hung on a
/// meeting that has no instance in the year before the due date has none.
pub fn milestones<'r>(reg: &Registry, occ: &Occurrence<'r>) -> Vec<DatedMilestone<'r>> {
    dated_milestones(reg, occ, false)
}

/// [`milestones`], each with the steps that gave its date when `explain` is set.
fn dated_milestones<'r>(
    reg: &Registry,
    occ: &Occurrence<'r>,
    explain: bool,
) -> Vec<DatedMilestone<'r>> {
    let Some(due) = occ.due else {
        return Vec::new();
    };
    let mut trace = Trace::new(explain);
    occ.obligation
        .milestones()
        .iter()
        .filter_map(|m| {
            let unrolled = match m.at {
                MilestoneAt::Due(offset) => {
                    trace.base(|| Base::Due(due));
                    trace.add(offset, due)?
                }
                MilestoneAt::Meeting {
                    meeting,
                    anchor,
                    offset,
                } => {
                    let inst = instance_before(&reg.meetings[meeting], anchor, due)?;
                    at_meeting(&inst, anchor, offset, &mut trace)?
                }
            };
            let (on, how) = trace.roll(&reg.calendar, unrolled)?;
            Some(DatedMilestone {
                milestone: m,
                on,
                how,
            })
        })
        .collect()
}

/// The meeting's last instance whose anchor day falls in the year before `day` (`day`
/// itself excluded).
fn instance_before(meeting: &Meeting, anchor: Anchor, day: NaiveDate) -> Option<Instance> {
    let from = dates::add_months(day, -12)?;
    (day.year() - 1..=day.year()).rev().find_map(|year| {
        meeting
            .in_year(year)
            .iter()
            .rev()
            .find(|i| (from..day).contains(&anchor.pick(i)))
            .cloned()
    })
}

/// The occurrences of one obligation due within `from..=to`, by due date. Ongoing duties
/// have none. The cost follows the number of periods the window spans, not its days.
pub fn occurrences<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Occurrence<'r>> {
    let mut out = Vec::new();
    occurrences_into(reg, ob, from, to, false, &mut out);
    out
}

/// [`occurrences`], appended to `out`: a long walk over the registry reuses one vector.
/// With `explain`, each occurrence keeps the steps that gave its date.
fn occurrences_into<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    from: NaiveDate,
    to: NaiveDate,
    explain: bool,
    out: &mut Vec<Occurrence<'r>>,
) {
    let from = match ob.active_from {
        Some(a) if a > from => a,
        _ => from,
    };
    let to = match ob.active_until {
        Some(u) if u < to => u,
        _ => to,
    };
    if from > to {
        return;
    }
    let first = out.len();
    let mut trace = Trace::new(explain);
    let mut push = |period: PeriodKey<'r>,
                    date: Option<NaiveDate>,
                    instance: Option<(Cow<'r, str>, Confidence)>,
                    trace: &mut Trace| {
        let Some((due, how)) = date.and_then(|d| trace.roll(&reg.calendar, d)) else {
            return;
        };
        if due >= from && due <= to {
            let confidence = instance.as_ref().map(|i| i.1);
            out.push(Occurrence {
                obligation: ob,
                period,
                due: Some(due),
                meeting: instance.map(|i| i.0),
                confidence,
                how,
            });
        }
    };
    match &ob.rule {
        Rule::Ongoing => {}
        Rule::Once(date) => {
            trace.base(|| Base::Written(*date));
            push(PeriodKey::Once, Some(*date), None, &mut trace);
        }
        Rule::AtInstance {
            meeting,
            instance,
            anchor,
            offset,
        } => {
            if let Some(inst) = reg.meetings[*meeting].instance(instance) {
                let date = at_meeting(&inst, *anchor, *offset, &mut trace);
                let id: Cow<'r, str> = Cow::Owned(inst.id);
                push(
                    PeriodKey::Instance(id.clone()),
                    date,
                    Some((id, inst.confidence)),
                    &mut trace,
                );
            }
        }
        Rule::Every { period, at } => {
            let shift = match at {
                InPeriod::Day { .. } => 0,
                InPeriod::Start(s) | InPeriod::End(s) => s.approx_days().abs(),
            };
            let slack = shift + roll_slack(&reg.calendar);
            let (lo, hi) = widened(from, to, slack);
            let mut p = PeriodIndex::of(*period, lo);
            let last = PeriodIndex::of(*period, hi);
            while p <= last {
                let date = p.due(at, &mut trace);
                push(p.key(), date, None, &mut trace);
                p = p.next();
            }
        }
        Rule::AtSeries {
            meeting,
            anchor,
            offset,
            per_year,
        } => {
            let meeting = &reg.meetings[*meeting];
            // An instance lasts under a year, so its start is within a year and the offset of
            // the due date.
            let slack = offset.approx_days().abs() + 366 + roll_slack(&reg.calendar);
            let (lo, hi) = widened(from, to, slack);
            for year in lo.year()..=hi.year() {
                let instances = meeting.in_year(year);
                let take = if *per_year { 1 } else { instances.len() };
                let mut at = |id: Cow<'r, str>, inst: &Instance| {
                    let key = if *per_year {
                        PeriodKey::Year(year)
                    } else {
                        PeriodKey::Instance(id.clone())
                    };
                    let date = at_meeting(inst, *anchor, *offset, &mut trace);
                    push(key, date, Some((id, inst.confidence)), &mut trace);
                };
                // Listed instances lend their ids; an estimate's id is made for it.
                match instances {
                    Cow::Borrowed(listed) => {
                        for inst in listed.iter().take(take) {
                            at(Cow::Borrowed(inst.id.as_str()), inst);
                        }
                    }
                    Cow::Owned(made) => {
                        for inst in made.iter().take(take) {
                            at(Cow::Owned(inst.id.clone()), inst);
                        }
                    }
                }
            }
        }
    }
    // By due date, then as the period keys read, as listings order them.
    out[first..].sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.period.text().cmp(&b.period.text()))
    });
}

/// How far a working-day roll can move a date: nothing when the calendar does not roll.
fn roll_slack(calendar: &dates::Calendar) -> i64 {
    match calendar.roll {
        dates::Roll::None => 0,
        _ => ROLL_SLACK_DAYS,
    }
}

/// `from..=to` widened by `slack` days either way, as far as dates go.
fn widened(from: NaiveDate, to: NaiveDate, slack: i64) -> (NaiveDate, NaiveDate) {
    (
        dates::add_days(from, -slack).unwrap_or(NaiveDate::MIN),
        dates::add_days(to, slack).unwrap_or(NaiveDate::MAX),
    )
}

fn at_meeting(
    inst: &Instance,
    anchor: Anchor,
    offset: Span,
    trace: &mut Trace,
) -> Option<NaiveDate> {
    let date = anchor.pick(inst);
    trace.base(|| Base::Meeting {
        id: inst.id.clone(),
        anchor,
        date,
        confidence: inst.confidence,
    });
    trace.add(offset, date)
}

/// A calendar period: a year, a quarter (0-3) or a month (0-11) of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PeriodIndex {
    year: i32,
    index: u32,
    kind: PeriodKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PeriodKind {
    Year,
    Quarter,
    Month,
}

impl PeriodIndex {
    fn of(period: Period, date: NaiveDate) -> PeriodIndex {
        let (index, kind) = match period {
            Period::Year => (0, PeriodKind::Year),
            Period::Quarter => (date.month0() / 3, PeriodKind::Quarter),
            Period::Month => (date.month0(), PeriodKind::Month),
        };
        PeriodIndex {
            year: date.year(),
            index,
            kind,
        }
    }

    fn months(self) -> u32 {
        match self.kind {
            PeriodKind::Year => 12,
            PeriodKind::Quarter => 3,
            PeriodKind::Month => 1,
        }
    }

    fn first_month(self) -> u32 {
        self.index * self.months() + 1
    }

    fn next(self) -> PeriodIndex {
        let per_year = 12 / self.months();
        if self.index + 1 == per_year {
            PeriodIndex {
                year: self.year + 1,
                index: 0,
                ..self
            }
        } else {
            PeriodIndex {
                index: self.index + 1,
                ..self
            }
        }
    }

    fn key(self) -> PeriodKey<'static> {
        match self.kind {
            PeriodKind::Year => PeriodKey::Year(self.year),
            PeriodKind::Quarter => PeriodKey::Quarter(self.year, self.index + 1),
            PeriodKind::Month => PeriodKey::Month(self.year, self.index + 1),
        }
    }

    fn start(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1)
    }

    fn end(self) -> Option<NaiveDate> {
        let last = self.first_month() + self.months() - 1;
        clamped(self.year, last, 31)
    }

    /// The unrolled due date in this period.
    fn due(self, at: &InPeriod, trace: &mut Trace) -> Option<NaiveDate> {
        match at {
            InPeriod::Day { month, day } => {
                let month = match self.kind {
                    PeriodKind::Year => *month,
                    _ => self.first_month() + month - 1,
                };
                let date = clamped(self.year, month, *day)?;
                trace.base(|| Base::DayOf {
                    period: self.key(),
                    month,
                    day: *day,
                    date,
                });
                Some(date)
            }
            InPeriod::Start(s) => {
                let start = self.start()?;
                trace.base(|| Base::PeriodStart(self.key(), start));
                trace.add(*s, start)
            }
            InPeriod::End(s) => {
                let end = self.end()?;
                trace.base(|| Base::PeriodEnd(self.key(), end));
                trace.add(*s, end)
            }
        }
    }
}

/// Judges one occurrence on `today`.
pub fn judge<'r>(
    reg: &Registry,
    occ: Occurrence<'r>,
    completions: &'r Completions,
    today: NaiveDate,
) -> Item<'r> {
    // Most occurrences have no record: skip building the key when there are none at all.
    let completion = if completions.is_empty() {
        None
    } else {
        completions.get(&(occ.obligation.id.to_string(), occ.period.text()))
    };
    let Some(due) = occ.due else {
        return Item {
            occurrence: occ,
            state: State::Ongoing,
            days: None,
            completion,
        };
    };
    let days = (due - today).num_days();
    let state = match &completion {
        Some(c) => match c.outcome {
            Outcome::Waived { .. } => State::Waived,
            Outcome::Done if c.on > due => State::DoneLate,
            Outcome::Done => State::Done,
        },
        None if days < 0 && reg.tracking_since.is_some_and(|t| due < t) => State::Untracked,
        None if days < 0 => State::Overdue,
        None => {
            let soon_from = occ.obligation.lead.negate().add_to(due).unwrap_or(due);
            if today >= soon_from {
                State::DueSoon
            } else {
                State::Upcoming
            }
        }
    };
    Item {
        occurrence: occ,
        state,
        days: Some(days),
        completion,
    }
}

/// Every occurrence of every obligation that listings look at on `today` (see
/// [`History::watched_from`]) and that falls due by `to`, judged on `today`.
pub fn items<'r>(
    reg: &'r Registry,
    completions: &'r Completions,
    today: NaiveDate,
    to: NaiveDate,
) -> Vec<Item<'r>> {
    let history = History::of(reg);
    let (mut found, mut out) = (Vec::new(), Vec::new());
    for ob in &reg.obligations {
        let from = history.watched_from(ob, today);
        occurrences_into(reg, ob, from, to, false, &mut found);
        out.extend(
            found
                .drain(..)
                .map(|occ| judge(reg, occ, completions, today)),
        );
    }
    sort_agenda(&mut out);
    out
}

/// Puts items made obligation by obligation, each obligation's by due date and period, in
/// agenda order (see [`agenda::order`]).
fn sort_agenda(items: &mut [Item<'_>]) {
    items.sort_by_cached_key(|i| agenda::order(i.state, i.occurrence.due));
}

/// One line of the status table: where an obligation stands on a day.
#[derive(Clone, Debug)]
pub struct Standing<'r> {
    pub obligation: &'r Obligation,
    /// The occurrence current on the day: the oldest open one due on or before it, else the
    /// next open one, else the next one, else the latest one.
    pub current: Option<Item<'r>>,
}

impl<'r> Standing<'r> {
    /// The state `status` shows: the current occurrence's, else untracked.
    pub fn state(&self) -> State {
        self.current.as_ref().map_or(State::Untracked, |i| i.state)
    }

    /// The occurrence worth naming in a list of obligations: the overdue one, else the next
    /// one due from `as_of` on; none for an obligation with neither.
    pub fn next(self, as_of: NaiveDate) -> Option<Item<'r>> {
        self.current
            .filter(|i| i.state == State::Overdue || i.occurrence.due.is_some_and(|d| d >= as_of))
    }
}

/// Completions the registry writes for periods its obligations do not have, as
/// `(obligation, period)`: `due validate` reports them.
pub fn stray_completions(reg: &Registry, today: NaiveDate) -> Vec<(&Obligation, &str)> {
    reg.obligations
        .iter()
        .flat_map(|ob| {
            ob.done()
                .iter()
                .map(move |(period, _)| (ob, period.as_str()))
        })
        .filter(|(ob, period)| resolve_period(reg, ob, period, today).as_deref() != Some(*period))
        .collect()
}

/// Where every obligation stands on `as_of`.
pub fn status<'r>(
    reg: &'r Registry,
    completions: &'r Completions,
    as_of: NaiveDate,
) -> Vec<Standing<'r>> {
    let history = History::of(reg);
    reg.obligations
        .iter()
        .map(|ob| standing(history, ob, completions, as_of))
        .collect()
}

/// The occurrence of one obligation current on `today`, as `status` finds it.
pub fn current<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    completions: &'r Completions,
    today: NaiveDate,
) -> Option<Item<'r>> {
    standing(History::of(reg), ob, completions, today).current
}

fn standing<'r>(
    history: History<'r>,
    ob: &'r Obligation,
    completions: &'r Completions,
    as_of: NaiveDate,
) -> Standing<'r> {
    let reg = history.registry();
    if matches!(ob.rule, Rule::Ongoing) {
        return Standing {
            obligation: ob,
            current: Some(judge(reg, ongoing(ob), completions, as_of)),
        };
    }
    let ahead = match ob.rule {
        // A one-off's only occurrence is current however far ahead it falls.
        Rule::Once(_) | Rule::AtInstance { .. } => NaiveDate::MAX,
        _ => dates::add_days(as_of, LOOKAHEAD_DAYS).unwrap_or(NaiveDate::MAX),
    };
    let judged: Vec<Item<'r>> = occurrences(reg, ob, history.start(ob), ahead)
        .into_iter()
        .map(|occ| judge(reg, occ, completions, as_of))
        .collect();
    let by_then = |i: &&Item<'r>| i.occurrence.due <= Some(as_of);
    let current = judged
        .iter()
        .find(|i| i.state.is_open() && by_then(i))
        .or_else(|| judged.iter().find(|i| i.state.is_open()))
        .or_else(|| judged.iter().find(|i| !by_then(i)))
        .or_else(|| judged.last())
        .cloned();
    Standing {
        obligation: ob,
        current,
    }
}

/// One obligation's whole story for `due show`: every occurrence from its start (see
/// [`History::start`]) to `today`, then the next `count`, each judged on `today`, with the
/// steps that gave its date and its milestones, dated the same way.
pub fn story<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    completions: &'r Completions,
    today: NaiveDate,
    count: usize,
) -> Vec<Entry<'r>> {
    let ahead = match ob.rule {
        Rule::Once(_) | Rule::AtInstance { .. } => NaiveDate::MAX,
        // Every rule falls due at least once a year, and a per-meeting one as often as the
        // meeting meets: a year more than asked for is room enough.
        _ => {
            let years = i64::try_from(count).unwrap_or(i64::MAX).saturating_add(1);
            dates::add_days(today, years.saturating_mul(366)).unwrap_or(NaiveDate::MAX)
        }
    };
    let mut found = Vec::new();
    let start = History::of(reg).start(ob);
    occurrences_into(reg, ob, start, ahead, true, &mut found);
    let coming = found.iter().position(|o| o.due >= Some(today));
    if let Some(first) = coming {
        found.truncate(first.saturating_add(count));
    }
    found
        .into_iter()
        .map(|occ| {
            let dated = dated_milestones(reg, &occ, true);
            (judge(reg, occ, completions, today), dated)
        })
        .collect()
}

/// An occurrence with its dated milestones.
pub type Entry<'r> = (Item<'r>, Vec<DatedMilestone<'r>>);

/// What `remind` reports: open items overdue, inside their lead time or due by `until`, and
/// open items with a milestone on or before `until`, each with those milestones.
pub fn attention<'r>(
    reg: &'r Registry,
    completions: &'r Completions,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<Entry<'r>> {
    let horizon = reg
        .obligations
        .iter()
        .map(|o| {
            o.lead.approx_days()
                + o.milestones()
                    .iter()
                    .map(|m| m.at.reach_days())
                    .max()
                    .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let far = dates::add_days(today, horizon).unwrap_or(today).max(until);
    agenda(reg, completions, today, far)
        .iter()
        .filter_map(|item| {
            let reached: Vec<DatedMilestone<'r>> = milestones(reg, &item.occurrence)
                .into_iter()
                .filter(|m| m.on <= until)
                .collect();
            let due = item.occurrence.due?;
            let wanted = item.state == State::Overdue
                || item.state == State::DueSoon
                || due <= until
                || !reached.is_empty();
            wanted.then_some((item, reached))
        })
        .collect()
}

/// The one occurrence of a standing duty.
fn ongoing(ob: &Obligation) -> Occurrence<'_> {
    Occurrence {
        obligation: ob,
        period: PeriodKey::Ongoing,
        due: None,
        meeting: None,
        confidence: None,
        how: None,
    }
}

/// Resolves what a user typed as a period: a key as listed, or a year naming exactly one
/// occurrence of an obligation that recurs per meeting.
pub fn resolve_period(
    reg: &Registry,
    ob: &Obligation,
    typed: &str,
    today: NaiveDate,
) -> Option<String> {
    resolve(reg, ob, typed, today).map(|o| o.period.text())
}

/// The occurrence [`resolve_period`] names.
pub fn resolve<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    typed: &str,
    today: NaiveDate,
) -> Option<Occurrence<'r>> {
    if matches!(ob.rule, Rule::Ongoing) {
        return (typed == "ongoing").then(|| ongoing(ob));
    }
    let candidates = near_key(reg, ob, typed, today)?;
    if let Some(hit) = candidates.iter().position(|o| o.period.is(typed)) {
        return candidates.into_iter().nth(hit);
    }
    if typed.len() != 4 || typed.parse::<i32>().is_err() {
        return None;
    }
    let mut in_year = candidates
        .into_iter()
        .filter(|o| o.meeting.is_some() && o.period.text().split('-').any(|part| part == typed));
    match (in_year.next(), in_year.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The occurrence with exactly this period key.
pub fn with_key<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    key: &str,
    today: NaiveDate,
) -> Option<Occurrence<'r>> {
    near_key(reg, ob, key, today)?
        .into_iter()
        .find(|o| o.period.is(key))
}

/// The occurrences among which a typed key can be: those of the two years either side of
/// the year the key names (offsets reach two years), or of ten years either side of today
/// for a key without a year.
fn near_key<'r>(
    reg: &'r Registry,
    ob: &'r Obligation,
    key: &str,
    today: NaiveDate,
) -> Option<Vec<Occurrence<'r>>> {
    // Calendar keys start with their year; meeting instance ids carry it at the end.
    let year = key
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .or_else(|| {
            key.rsplit('-')
                .find_map(|part| part.parse::<i32>().ok().filter(|y| *y > 999))
        });
    let (from, to) = match year {
        Some(y) => (
            NaiveDate::from_ymd_opt(y - 2, 1, 1)?,
            NaiveDate::from_ymd_opt(y + 2, 12, 31)?,
        ),
        None => (
            dates::add_days(today, -10 * 366)?,
            dates::add_days(today, 10 * 366)?,
        ),
    };
    Some(occurrences(reg, ob, from, to))
}

mod meetings;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

pub use meetings::{At, AtError, meeting_instances, resolve_at};
