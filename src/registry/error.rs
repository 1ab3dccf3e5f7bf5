//! What can be wrong with a registry. Each mistake in the text is one [`ErrorKind`], whose
//! `Display` is the catalogue's wording, so that code and tests match kinds, not prose.

use std::fmt::{self, Display, Formatter};
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{file}:{line}:{col}: {kind}")]
    Invalid {
        file: String,
        line: usize,
        col: usize,
        kind: ErrorKind,
    },
    #[error(
        "registry {0} does not exist (check the path, or write the default one there with `due init PATH`)"
    )]
    Missing(PathBuf),
    #[error("registry {0} is a directory (pass the registry file inside it)")]
    Directory(PathBuf),
    #[error(
        "registry {0} is {1} bytes, more than a registry can be (expected at most 256 MiB of TOML: is this the right file?)"
    )]
    TooLarge(PathBuf, u64),
    // The I/O error is part of the message rather than a `source`, so that it is said once.
    #[error("cannot read registry {path}: {cause} (check that the file is readable by this user)")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
}

impl RegistryError {
    /// What is wrong in the text, when the mistake is in the text.
    pub fn kind(&self) -> Option<&ErrorKind> {
        match self {
            RegistryError::Invalid { kind, .. } => Some(kind),
            _ => None,
        }
    }
}

/// A mistake in a registry's text. `key` is the key whose value is wrong, `table` names the
/// table as messages do (`[[obligation]]`, ``meeting `council` ``), and `value` is the text
/// as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NulByte,
    /// A string longer than one field may hold.
    TooLong {
        key: String,
        bytes: usize,
    },
    NotUtf8 {
        byte: u8,
    },
    /// The TOML parser's message, in the catalogue's form.
    Toml {
        message: String,
    },
    UnknownKey {
        key: String,
        table: String,
        allowed: &'static [&'static str],
    },
    MissingKey {
        table: String,
        key: &'static str,
    },
    WrongType {
        key: String,
        found: &'static str,
        expected: &'static str,
    },
    NoSchema,
    WrongSchema,
    UnknownTimeZone {
        name: String,
    },
    NotAWeekday {
        value: String,
    },
    NoWorkingDay,
    NotARoll {
        value: String,
    },
    NotALanguage {
        value: String,
    },
    BadId {
        of: IdOf,
        id: String,
        problem: IdProblem,
    },
    DuplicateObligation {
        id: String,
    },
    DuplicateInstance {
        id: String,
    },
    /// A TOML date that is not a day of the calendar, such as 2026-02-30.
    NotARealDay {
        key: String,
        value: String,
    },
    DateWithTime {
        key: String,
    },
    NotADate {
        key: String,
        value: String,
    },
    NotARange {
        key: String,
        value: String,
    },
    RangeBackwards {
        key: String,
        value: String,
    },
    RangeTooLong {
        key: String,
        value: String,
    },
    /// A duration that [`Span::parse`](crate::dates::Span::parse) refused, with its reason.
    BadSpan {
        key: String,
        reason: crate::dates::SpanError,
    },
    BadTypical {
        value: String,
    },
    NoDates {
        meeting: String,
    },
    TypicalOnSingle {
        meeting: String,
    },
    /// `confidence` or `tentative` on a series rather than on one of its years.
    ConfidenceOnSeries {
        meeting: String,
        key: &'static str,
    },
    NotAConfidence {
        value: String,
    },
    TentativeContradictsConfidence {
        tentative: bool,
        confidence: String,
    },
    /// A holiday rule that [`HolidayRule::parse`](crate::holiday::HolidayRule::parse)
    /// refused, with its reason.
    BadHolidayRule {
        reason: String,
    },
    NotAYear {
        meeting: String,
        value: String,
    },
    InstanceInWrongYear {
        meeting: String,
        start: NaiveDate,
        year: i32,
    },
    ActiveUntilBeforeFrom {
        obligation: String,
        from: NaiveDate,
        until: NaiveDate,
    },
    MilestonesWithoutDeadline {
        obligation: String,
    },
    /// A milestone's `at` that names neither `due` nor a meeting.
    NotAMilestoneReference {
        name: String,
        known: Vec<String>,
    },
    /// `REF ± SPAN` written in some other shape.
    BadOffset {
        key: &'static str,
        value: String,
    },
    EveryWithoutDue,
    NotARecurrence {
        value: String,
    },
    DueNotUnderstood {
        value: String,
        period: Recurring,
    },
    SeriesAsOneOff {
        meeting: String,
    },
    SingleMeetingRecurs {
        meeting: String,
    },
    NotACalendarDay {
        value: String,
    },
    NotADayOfYear {
        value: String,
    },
    UnknownMeeting {
        name: String,
        known: Vec<String>,
    },
}

/// Whose id breaks the rules for ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdOf {
    Meeting,
    Instance,
    Obligation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    OtherCharacters,
}

/// The periods whose `due` has a form of its own to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurring {
    Quarter,
    Month,
}

impl Display for ErrorKind {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            NulByte => write!(f, "not a text file: a NUL byte {NOT_TEXT}"),
            TooLong { key, bytes } => f.write_str(&diag::too_long_message(key, *bytes)),
            NotUtf8 { byte } => write!(
                f,
                "not a text file: byte 0x{byte:02X}, which is not UTF-8 {NOT_TEXT}"
            ),
            Toml { message } => write!(f, "invalid TOML: {message}"),
            UnknownKey {
                key,
                table,
                allowed,
            } => f.write_str(&diag::unknown_key(key, table, allowed)),
            MissingKey { table, key } => write!(f, "{table} has no `{key}` (it is required)"),
            WrongType {
                key,
                found,
                expected,
            } => write!(f, "`{key}` is {found} (expected {expected})"),
            NoSchema => write!(
                f,
                "the registry has no `schema` (expected `schema = 1` at the top)"
            ),
            WrongSchema => write!(f, "`schema` must be 1 (the only version this `due` reads)"),
            UnknownTimeZone { name } => write!(
                f,
                "`timezone`: unknown time zone `{name}` (expected an IANA name such as Europe/Zurich)"
            ),
            NotAWeekday { value } => write!(
                f,
                "`weekend`: `{value}` is not a weekday (expected mon, tue, wed, thu, fri, sat or sun)"
            ),
            NoWorkingDay => write!(
                f,
                "`weekend` closes every day of the week (expected at least one working day)"
            ),
            NotARoll { value } => write!(
                f,
                "`roll`: `{value}` is not a roll (expected previous, next or none)"
            ),
            NotALanguage { value } => write!(
                f,
                "`quote_lang`: `{value}` is not a language `due` speaks (expected en or fr)"
            ),
            BadId { of, id, problem } => {
                let of = match of {
                    IdOf::Meeting => "meeting name",
                    IdOf::Instance => "instance id",
                    IdOf::Obligation => "obligation id",
                };
                let problem = match problem {
                    IdProblem::Empty => "is empty (expected letters, digits, '-', '_' or '.')",
                    IdProblem::OtherCharacters => {
                        "holds other characters (expected only ASCII letters, digits, '-', '_' and '.')"
                    }
                };
                write!(f, "{of} `{id}` {problem}")
            }
            DuplicateObligation { id } => {
                write!(f, "duplicate obligation id `{id}` (ids must be unique)")
            }
            DuplicateInstance { id } => write!(
                f,
                "meeting instance id `{id}` is used twice (give one of them its own `id`)"
            ),
            NotARealDay { key, value } => write!(
                f,
                "`{key}`: {value} is not a date in the calendar (expected a real day)"
            ),
            DateWithTime { key } => write!(
                f,
                "`{key}` has a time of day (expected {A_DATE}, without one)"
            ),
            NotADate { key, value } => write!(
                f,
                "`{key}`: `{value}` is not {A_DATE} (YYYY-MM-DD, a real day)"
            ),
            NotARange { key, value } => write!(
                f,
                "`{key}`: `{value}` is not a date or date range (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, real days)"
            ),
            RangeBackwards { key, value } => write!(
                f,
                "`{key}`: `{value}` ends before it starts (expected the first day, `..`, then the last day)"
            ),
            RangeTooLong { key, value } => write!(
                f,
                "`{key}`: `{value}` lasts more than a year (is a year mistyped?)"
            ),
            BadSpan { key, reason } => write!(f, "`{key}`: {reason}"),
            BadTypical { value } => write!(
                f,
                "`typical`: `{value}` is not a month-day or range (expected MM-DD or MM-DD..MM-DD within one year)"
            ),
            NoDates { meeting } => write!(
                f,
                "meeting `{meeting}` has no `dates` (expected dates = \"YYYY-MM-DD..YYYY-MM-DD\", a table of years, or a `typical` estimate)"
            ),
            TypicalOnSingle { meeting } => write!(
                f,
                "meeting `{meeting}` is a single meeting, and `typical` only applies to a series (expected dates given per year to use it)"
            ),
            ConfidenceOnSeries { meeting, key } => write!(
                f,
                "meeting `{meeting}` is a series, so `{key}` belongs to single years (expected `2027 = {{ dates = \"…\", confidence = \"likely\" }}`)"
            ),
            NotAConfidence { value } => write!(
                f,
                "`confidence`: `{value}` is not a confidence (expected confirmed, likely or estimate)"
            ),
            TentativeContradictsConfidence {
                tentative,
                confidence,
            } => write!(
                f,
                "`tentative = {tentative}` contradicts `confidence = \"{confidence}\"` (expected one of them: `tentative = true` is `confidence = \"estimate\"`)"
            ),
            BadHolidayRule { reason } => write!(f, "`holiday_rules`: {reason}"),
            NotAYear { meeting, value } => write!(
                f,
                "meeting `{meeting}`: `{value}` is not a year (expected keys such as 2026)"
            ),
            InstanceInWrongYear {
                meeting,
                start,
                year,
            } => write!(
                f,
                "meeting `{meeting}`: an instance starting {start} is listed under {year} (expected it under {})",
                chrono::Datelike::year(start)
            ),
            ActiveUntilBeforeFrom {
                obligation,
                from,
                until,
            } => write!(
                f,
                "obligation `{obligation}`: `active_until` {until} is before `active_from` {from} (expected the same day or later)"
            ),
            MilestonesWithoutDeadline { obligation } => write!(
                f,
                "obligation `{obligation}` has no deadline, so its milestones have nothing to count from (expected a `due`, or no `milestones`)"
            ),
            NotAMilestoneReference { name, known } => {
                write!(
                    f,
                    "`at`: `{name}` is neither `due` nor a meeting (expected `due - 4w` or `MEETING - 30d`; "
                )?;
                meeting_hint(f, name, known)?;
                write!(f, ")")
            }
            BadOffset { key, value } => write!(
                f,
                "`{key}`: `{value}` is not understood (expected a name, then optionally + or - with spaces around it and a duration, as `council - 4w`)"
            ),
            EveryWithoutDue => write!(
                f,
                "`every` has no `due` beside it (expected a `due` saying when in each period it falls, such as `due = \"11-30\"`)"
            ),
            NotARecurrence { value } => write!(
                f,
                "`every`: `{value}` is not a recurrence (expected year, quarter, month or meeting)"
            ),
            DueNotUnderstood { value, period } => {
                let expected = match period {
                    Recurring::Quarter => {
                        "for a quarterly deadline M-DD, the month of the quarter 1-3 and a day, such as 3-31, or `end + 30d`"
                    }
                    Recurring::Month => {
                        "for a monthly deadline the day of the month, such as 15, or `end - 5d`"
                    }
                };
                write!(
                    f,
                    "`due`: `{value}` is not understood (expected {expected})"
                )
            }
            SeriesAsOneOff { meeting } => write!(
                f,
                "`due`: `{meeting}` is a series, and a one-off needs one meeting (expected an instance such as `{meeting}-2026`, or `every = \"year\"` to make it recur)"
            ),
            SingleMeetingRecurs { meeting } => write!(
                f,
                "`due`: `{meeting}` is a single meeting, so it cannot recur (expected no `every`, to make this a one-off)"
            ),
            NotACalendarDay { value } => write!(
                f,
                "`due`: `{value}` is not a date in the calendar (expected YYYY-MM-DD, a real day)"
            ),
            NotADayOfYear { value } => write!(
                f,
                "`due`: `{value}` is not a day of the year (expected MM-DD, a real day such as 11-30)"
            ),
            UnknownMeeting { name, known } => {
                write!(f, "`due`: no meeting `{name}` (")?;
                meeting_hint(f, name, known)?;
                write!(f, ")")
            }
        }
    }
}

/// The closest known meeting to a name, or the meetings there are.
fn meeting_hint(f: &mut Formatter<'_>, name: &str, known: &[String]) -> fmt::Result {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    match diag::suggest(name, &known) {
        Some(s) => write!(f, "did you mean `{s}`?"),
        None if known.is_empty() => write!(f, "no meetings are defined under [meetings]"),
        None => write!(f, "known meetings: {}", known.join(", ")),
    }
}

const NOT_TEXT: &str = "(expected UTF-8 TOML text: is this the right file?)";
pub(super) const A_DATE: &str = "a date such as 2026-11-30";
