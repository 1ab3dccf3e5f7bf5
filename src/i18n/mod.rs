//! Every sentence, label and heading `due` shows a person, in each language it speaks: one
//! catalogue per language ([`en`], [`fr`]), both keyed by [`Msg`]. A key missing from a
//! catalogue does not compile; the tests check that each entry is written, takes the same
//! placeholders in both languages, and is translated.
//!
//! Data formats (JSON, CSV, iCalendar keys and state values) are interfaces, not text for
//! people, and stay out of the catalogues.

mod en;
pub mod errors;
mod fr;
pub mod help;

pub use errors::localize;

use std::ffi::OsString;
use std::fmt::{self, Display};

use crate::engine::State;
use crate::model::Lang;

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// A message of the catalogues.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every key, for the catalogue checks.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];
        }
    };
}

keys! {
    // Column headings.
    ColDue, ColWhen, ColObligation, ColPeriod, ColState, ColTitle, ColTo, ColLastClosed,
    ColClosedOn, ColReference, ColNextDue, ColMandate, ColRule, ColMeeting, ColInstance,
    ColName, ColOpens, ColCloses, ColDates, ColRecordedAt, ColBy, ColOutcome, ColOn,
    ColDetails, ColRecord,
    // States as people read them.
    StateOverdue, StateDueSoon, StateUpcoming, StateDone, StateDoneLate, StateWaived,
    StateOngoing, StateUntracked, StateWithdrawn,
    // Days to go, in a table cell.
    DaysToday, DaysIn, DaysAgo, DaysLate,
    // Notes under listings.
    TentativeNote, LikelyNote, NothingOverdueOn, NothingDueBy, NoObligations, NothingRecorded,
    Filters, NoneMatches,
    StatusHeading, StatusAtOpens, StatusAtEstimate, StatusAtListedEstimate, LeftOutForWidth,
    // `due meetings`.
    DatesLikely, DatesEstimate, DatesConfirmed,
    // The reminder: digest and e-mail.
    DigestOverdue, DigestAttention, Tomorrow, OverdueDay, OverdueDays, InDays, EstimatedDate,
    LikelyDate, DigestTo, DigestMandate, MilestoneReached, MilestoneComing, AsOf, SubjectComing,
    SubjectOverdue, SubjectBoth, MailMilestone, TitleSeparator,
    // `due show`: its labels, the clause, and what it says without occurrences.
    LabelId, LabelTitleEn, LabelTitleFr, LabelMandate, LabelOwner, LabelTo, LabelRule,
    LabelLead, LabelActiveFrom, LabelActiveUntil, LabelMilestone, LabelNotes, LabelRecorded,
    MilestoneDue, MilestoneAtMeeting, Clause, ClauseInEn, ClauseInFr, HowDatesAreReached, MeetingsHeading, NoOccurrenceFrom,
    NoOccurrenceOutside,
    // How `due show` words the steps that gave a date.
    HowFixedDate, HowDue, HowDayOfYear, HowDayOfQuarter, HowDayOfMonth, HowMonthEnd, HowStarts,
    HowEnds, HowOpens, HowCloses, HowEstimate, HowLikely, HowPrevious, HowNext, HowHoliday,
    DayMon, DayTue, DayWed, DayThu, DayFri, DaySat, DaySun, RecordedBy,
    // Rules in words.
    RuleOngoing, RuleOnce, RuleEveryYear, RuleEveryQuarter, RuleEveryMonth, RuleEveryMeeting,
    // Records and how they closed their occurrence.
    Delivered, WaivedOn, OnTime, LateByDay, LateByDays, Superseded, DetailRef, DetailNote,
    DetailReason,
    // Common refusals.
    ErrUnknownObligation, ErrDidYouMean, ErrListShowsIds, ErrUnknownPeriod, ErrNoneNear,
    ErrCandidate, ErrNothingOpen, ErrRegistryMissing, ErrRegistryDirectory, ErrFarPeriod,
    ErrAlreadyRecorded, ErrOrUndo, ErrOngoing, ErrFuture, ErrEmpty, ErrNotRecorded,
    ErrEditInRegistry,
    // What `done`, `waive` and `undo` say they recorded.
    VerdictDone, VerdictDoneLate, VerdictRef, VerdictWaived, Replacing, Recorded, Withdrawn,
    OpenAgain, RegistryStands, DescribeDone, DescribeWaived, HeldBy, HeldInLedger,
    HeldInRegistry,
    // Mistakes on the command line, and durations.
    ErrShowUnknown, ErrNext, ErrNextTooFar, ErrAt, ErrAtNoInstance, ErrAtUnknown,
    SpanExpectedOffset, SpanExpectedWindow, SpanEmpty, SpanNotADuration, SpanNoUnit,
    SpanTooLong, SpanLimitOffset, SpanLimitWindow,
    // The iCalendar feed's text for people (its keys stay as RFC 5545 has them).
    IcsFallsDue, IcsMilestone, IcsObligation, IcsState, IcsTitle, IcsMandate, IcsTo, IcsOwner,
    IcsMeeting, IcsEstimate, IcsLikely,
    // `due diff`.
    ColChange, ColOldDue, ColNewDue, DiffHeading, DiffNothing, DiffNone, DiffEarlier,
    DiffEarlierOne, DiffLater, DiffLaterOne, DiffGone, DiffJudged, DiffLedger, ChangeChanged,
    ChangeAdded, ChangeRemoved, ChangeMoved,
    // What can be wrong in a registry, and the shapes of values.
    RegTooLarge, RegRead, RegDidYouMean, RegOneOf, RegUnknownKey, RegTooLong, RegNoMeetings,
    RegKnownMeetings, RegNulByte, RegNotUtf8, RegToml, RegMissingKey, RegWrongType, RegNoSchema,
    RegWrongSchema, RegTimeZone, RegWeekday, RegNoWorkingDay, RegRoll, RegLanguage,
    RegOfMeeting, RegOfInstance, RegOfObligation, RegIdEmpty, RegIdCharacters,
    RegDuplicateObligation, RegDuplicateInstance, RegNotARealDay, RegDateWithTime, RegNotADate,
    RegNotARange, RegRangeBackwards, RegRangeTooLong, RegKeyReason, RegBadTypical, RegNoDates,
    RegTypicalOnSingle, RegConfidenceOnSeries, RegNotAConfidence, RegTentativeContradicts,
    RegNotAYear, RegInstanceInWrongYear, RegActiveUntilBeforeFrom,
    RegMilestonesWithoutDeadline, RegNotAMilestoneReference, RegBadOffset, RegEveryWithoutDue,
    RegNotARecurrence, RegQuarterlyDue, RegMonthlyDue, RegDueNotUnderstood, RegSeriesAsOneOff,
    RegSingleMeetingRecurs, RegNotACalendarDay, RegNotADayOfYear, RegUnknownMeeting,
    ShapeString, ShapeInteger, ShapeFloat, ShapeBoolean, ShapeDate, ShapeArray, ShapeTable,
    ShapeADate, ShapeDuration, ShapeText, ShapeDates, ShapeTrueOrFalse, TableRegistry,
    TableMeeting, TableObligation, TableInstance, TableMilestone, TableDone,
    // The ledger's errors.
    LedgerLeftAsItIs, LedgerRead, LedgerWrite, LedgerMigrate, LedgerLock, LedgerNoDataDir,
    LedgerNotUtf8, TheRecord, LockWaiting, LockBusy, LockOpen, MigrateHoldsRecords,
    MigrateNotAFile, MigrateToAFile, CopiedRecord, CopiedRecords, MigrateNext, LedgerNotInAction, LedgerMissingForAction, LedgerUnknownAction,
    LedgerEmpty, LedgerNotADate, LedgerNoTimeZone,
    ErrLockTimeoutOnListing, ErrNotTaken, ErrIcsHere, ErrFormatWithMail, ErrNotADate,
    ErrNotAnAddress, ClapUnknownArgument, ClapUnknownCommand, ClapInvalidValue,
    ClapMissingValue, ClapValidation, ClapMissing, ClapTwice, ClapConflict, ClapDidYouMean,
    ClapMore,
    // The command line's help: what clap's English says (see `help`).
    HelpUsage, HelpCommands, HelpCommandValue, HelpFilters, HelpDefault, HelpPossibleValues,
    HelpVariable, HelpRegistryInUse, HelpExitCodes, HelpExitCodesPlain,
    // Holiday rules.
    HolidayExpected, HolidayNotARule, HolidayMonthDayOffset, HolidayOrdinal, HolidayWeekday,
    HolidayMonth, HolidayOffsetUnit,
    // Sending over SMTP.
    SmtpNotUrl, SmtpScheme, SmtpNoHost, SmtpCredentialsInUrl, SmtpExtra, UrlPath, UrlFragment,
    SmtpUnknownParameter, SmtpRepeated, SmtpTlsValue, SmtpTlsOnSmtps, SmtpHalfCredentials,
    SmtpPlainCredentials, SmtpNotEncrypted, SmtpFailed, SmtpTimedOut, StepConnect,
    StepStartTls, StepAuth, StepMessage, StepQuit,
    // `due init`.
    Wrote, ErrExists, HintHere, HintDefault, HintPass, HintPassOrRunThere, TeamNextSteps,
    // Records that two clones made differently.
    Conflict, ConflictStands, ConflictSettle, ConflictRecordedAt, ConflictWaived,
    // `due validate`.
    EmbeddedRegistry,
    StrayObligation, StrayPeriod, StrayCompletion, ValidRegistry, ValidLedger,
    ValidLedgerWarning, ValidHolidays, ValidConflict, ValidConflicts, ValidOk, SummaryTitle,
    SummaryCounts, CountObligation, CountObligations, CountMeeting, CountMeetings,
    CountInstance, CountInstances, FoundGiven, FoundHere, FoundConfig, FoundEmbedded,
    LedgerGiven, LedgerNamed, LedgerDefault,
    // Filters.
    ErrUnknownState, ErrUnknownStateNear, ErrBadGlob,
    // The printable handout (`status --format html`) and its timeline.
    PageDueBy, PageOverdueOn, HandoutAsOf, HandoutAsOfDay, SectionAttention, SectionOnTrack, SectionStanding,
    SectionHistory, HistoryLeftOut, NothingNeedsAttention, ColLastDelivery, NoneRecorded, TimelineHeading,
    LegendDeadline, LegendEstimated, LegendClosed, LegendMilestone, LegendToday, LegendConfirmed,
    LegendLikely, LegendEstimate, MonthsShort, HandoutFor, DatesFromTo,
}

/// The catalogue entry for a key in a language, placeholders (`{name}`) unfilled.
pub fn t(lang: Lang, key: Msg) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Fr => fr::text(key),
    }
}

/// The entry with its placeholders filled: each `{name}` by the argument of that name.
pub fn f(lang: Lang, key: Msg, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::new();
    fill(&mut out, t(lang, key), args).expect("writing to a String cannot fail");
    out
}

fn fill(out: &mut impl fmt::Write, template: &str, args: &[(&str, &dyn Display)]) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        let close = after.find('}').expect("a placeholder is closed");
        let name = &after[..close];
        let (_, value) = args
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no value for placeholder {{{name}}}"));
        write!(out, "{value}")?;
        rest = &after[close + 1..];
    }
    out.write_str(rest)
}

/// A state as a person reads it.
pub fn state(lang: Lang, state: State) -> &'static str {
    t(
        lang,
        match state {
            State::Overdue => Msg::StateOverdue,
            State::DueSoon => Msg::StateDueSoon,
            State::Upcoming => Msg::StateUpcoming,
            State::Done => Msg::StateDone,
            State::DoneLate => Msg::StateDoneLate,
            State::Waived => Msg::StateWaived,
            State::Ongoing => Msg::StateOngoing,
            State::Untracked => Msg::StateUntracked,
        },
    )
}

/// Days to go in a table cell: `in 3d`, `today`, `2d ago`; `overdue` says the days past
/// are a delay (French says so: `en retard de 2 j`).
pub fn days(lang: Lang, days: Option<i64>, overdue: bool) -> String {
    match days {
        Some(0) => t(lang, Msg::DaysToday).to_owned(),
        Some(n) if n < 0 => {
            let key = if overdue { Msg::DaysLate } else { Msg::DaysAgo };
            f(lang, key, &[("n", &-n)])
        }
        Some(n) => f(lang, Msg::DaysIn, &[("n", &n)]),
        None => "-".to_owned(),
    }
}

/// `1 day late`, `3 days late`: the entry for one or for more, with `{n}` filled.
pub fn count(lang: Lang, n: i64, one: Msg, many: Msg) -> String {
    f(lang, if n == 1 { one } else { many }, &[("n", &n)])
}

/// The language to speak when `--lang` is not given: French when the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set (and not empty) names it, as POSIX orders them.
pub fn lang_from_env(var: impl Fn(&'static str) -> Option<OsString>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.to_string_lossy().starts_with("fr") => Lang::Fr,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests;
