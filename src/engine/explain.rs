//! How a due date was reached: the steps the engine took while computing it, kept as data
//! so that `due show` can word them (in the language asked for) as one line a reader can
//! check by hand. The steps are noted by the same code that computes the date, never worked
//! out a second time.

use chrono::NaiveDate;

use super::PeriodKey;
use crate::dates::{Calendar, Roll, Span};
use crate::model::{Anchor, Confidence};

/// Where a date computation starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    /// A date written in the registry.
    Written(NaiveDate),
    /// A day of a month of a calendar period: `month` is the month of the year, `day` the day
    /// asked for, which a shorter month clamps to its last day.
    DayOf {
        period: PeriodKey<'static>,
        month: u32,
        day: u32,
        date: NaiveDate,
    },
    /// The first day of a calendar period.
    PeriodStart(PeriodKey<'static>, NaiveDate),
    /// The last day of a calendar period.
    PeriodEnd(PeriodKey<'static>, NaiveDate),
    /// A meeting instance's opening or closing day.
    Meeting {
        id: String,
        anchor: Anchor,
        date: NaiveDate,
        confidence: Confidence,
    },
    /// A milestone counts from its occurrence's due date.
    Due(NaiveDate),
}

impl Base {
    /// The day the computation starts from.
    pub fn date(&self) -> NaiveDate {
        match self {
            Base::Written(d) | Base::Due(d) => *d,
            Base::DayOf { date, .. } | Base::Meeting { date, .. } => *date,
            Base::PeriodStart(_, d) | Base::PeriodEnd(_, d) => *d,
        }
    }
}

/// A date moved off a closed day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rolled {
    /// The closed day the computation reached.
    pub from: NaiveDate,
    pub roll: Roll,
    /// That day is a listed holiday (rather than a weekend day).
    pub holiday: bool,
}

/// Every step from a starting point to a due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub base: Base,
    /// The offset added to the base, and the date it gave.
    pub offset: Option<(Span, NaiveDate)>,
    pub rolled: Option<Rolled>,
    /// The date reached.
    pub date: NaiveDate,
}

/// Notes the steps of one date computation when asked to, and costs nothing otherwise.
#[derive(Debug, Default)]
pub(super) struct Trace {
    on: bool,
    base: Option<Base>,
    offset: Option<(Span, NaiveDate)>,
}

impl Trace {
    pub(super) fn new(on: bool) -> Trace {
        Trace {
            on,
            ..Trace::default()
        }
    }

    pub(super) fn base(&mut self, base: impl FnOnce() -> Base) {
        if self.on {
            self.base = Some(base());
            self.offset = None;
        }
    }

    /// Adds `span` to `date`, noting the step.
    pub(super) fn add(&mut self, span: Span, date: NaiveDate) -> Option<NaiveDate> {
        let out = span.add_to(date)?;
        if self.on && span.count != 0 {
            self.offset = Some((span, out));
        }
        Some(out)
    }

    /// Moves the date reached off closed days, and hands over the steps noted since the
    /// last base (none when not asked to note them).
    pub(super) fn roll(
        &mut self,
        calendar: &Calendar,
        date: NaiveDate,
    ) -> Option<(NaiveDate, Option<Box<Explanation>>)> {
        let rolled = calendar.roll(date)?;
        let how = self.base.take().filter(|_| self.on).map(|base| {
            Box::new(Explanation {
                base,
                offset: self.offset.take(),
                rolled: (rolled != date).then(|| Rolled {
                    from: date,
                    roll: calendar.roll,
                    holiday: calendar.is_holiday(date),
                }),
                date: rolled,
            })
        });
        Some((rolled, how))
    }
}
