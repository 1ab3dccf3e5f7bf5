//! What can be wrong with a registry. Each mistake in the text is one [`ErrorKind`], whose
//! `Display` is the catalogue's wording (`i18n`, in English), so that code and tests match
//! kinds, not prose.

use std::path::PathBuf;

use chrono::NaiveDate;

#[derive(Debug)]
pub enum RegistryError {
    Invalid {
        file: String,
        line: usize,
        col: usize,
        kind: ErrorKind,
    },
    Missing(PathBuf),
    Directory(PathBuf),
    TooLarge(PathBuf, u64),
    // The I/O error is part of the message rather than a `source`, so that it is said once.
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
}

impl std::error::Error for RegistryError {}

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
        table: Table,
        allowed: &'static [&'static str],
    },
    MissingKey {
        table: Table,
        key: &'static str,
    },
    WrongType {
        key: String,
        found: Shape,
        expected: Shape,
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
        reason: crate::holiday::RuleError,
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

/// The table a key belongs in, as messages name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Table {
    /// The top level.
    Registry,
    Calendar,
    /// A meeting, by its key.
    Meeting(String),
    /// One dated instance of a meeting.
    Instance,
    /// An `[[obligation]]` entry, before its id is known.
    Obligations,
    /// An obligation, by its id.
    Obligation(String),
    Milestone,
    /// A completion written in the registry.
    Done,
    /// A text in two languages, by its key.
    Text(String),
}

/// What a value is, or what was expected in its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    String,
    Integer,
    Float,
    Boolean,
    Date,
    Array,
    Table,
    /// A date, with an example.
    ADate,
    Duration,
    /// A text, or a table of its English and French.
    Text,
    /// A meeting's dates.
    Dates,
    TrueOrFalse,
}
