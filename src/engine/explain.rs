//! How a due date was reached: the steps the engine took while computing it, kept so that
//! `due show` can print one line a reader can check by hand. The steps are noted by the same
//! code that computes the date, never worked out a second time.

use std::fmt;

use chrono::{Datelike, NaiveDate};

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
    fn date(&self) -> NaiveDate {
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

/// A day with its weekday, as a reader checks a roll: `Sun 2027-05-16`.
struct Weekday(NaiveDate);

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0.weekday(), self.0)
    }
}

/// The date as printed in a step: with its weekday when it is the day that was rolled.
fn day(date: NaiveDate, rolled: Option<&Rolled>) -> String {
    match rolled {
        Some(r) if r.from == date => {
            let holiday = if r.holiday { " (holiday)" } else { "" };
            format!("{}{holiday}", Weekday(date))
        }
        _ => date.to_string(),
    }
}

/// One line: `council-2027 opens ~2027-06-15 (estimate) − 30d = Sun 2027-05-16 → previous
/// working day`. The date reached is not repeated: listings print it before the line.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rolled = self.rolled.as_ref();
        // The base's own date is the one rolled only when no offset follows it.
        let at_base = if self.offset.is_none() { rolled } else { None };
        let base_day = day(self.base.date(), at_base);
        match &self.base {
            Base::Written(_) => write!(f, "fixed date {base_day}")?,
            Base::Due(_) => write!(f, "due {base_day}")?,
            Base::DayOf {
                period,
                month,
                day: wanted,
                date,
            } => {
                let what = match period {
                    PeriodKey::Year(_) => format!("{month:02}-{wanted:02} of {period}"),
                    PeriodKey::Quarter(..) => {
                        format!("day {wanted} of month {} of {period}", (month - 1) % 3 + 1)
                    }
                    _ => format!("day {wanted} of {period}"),
                };
                if date.day() == *wanted {
                    write!(f, "{what} = {base_day}")?;
                } else {
                    write!(f, "{what} → month end {base_day}")?;
                }
            }
            Base::PeriodStart(period, _) => write!(f, "{period} starts {base_day}")?,
            Base::PeriodEnd(period, _) => write!(f, "{period} ends {base_day}")?,
            Base::Meeting {
                id,
                anchor,
                confidence,
                ..
            } => {
                let verb = match anchor {
                    Anchor::Start => "opens",
                    Anchor::End => "closes",
                };
                let note = match confidence {
                    Confidence::Confirmed => String::new(),
                    c => format!(" ({})", c.as_str()),
                };
                write!(f, "{id} {verb} {}{base_day}{note}", confidence.mark())?;
            }
        }
        if let Some((span, date)) = &self.offset {
            let (sign, span) = if span.count < 0 {
                ('−', span.negate())
            } else {
                ('+', *span)
            };
            write!(f, " {sign} {span} = {}", day(*date, rolled))?;
        }
        if let Some(r) = rolled {
            let way = match r.roll {
                Roll::Previous => "previous",
                Roll::Next | Roll::None => "next",
            };
            write!(f, " → {way} working day")?;
        }
        Ok(())
    }
}
