//! The refusals and errors in the language asked for. Each error kind's `Display` is its
//! English entry here, so code and tests match kinds while the words live in the
//! catalogues; a French reader gets the French entry at the point of display.

use std::fmt::Display;

use super::{Msg, f, state, t};
use crate::dates::{SpanError, Spans};
use crate::engine::AtError;
use crate::filter::{self, FilterError};
use crate::holiday::RuleError;
use crate::ledger::{LedgerError, Problem, Unmovable};
use crate::model::Lang;
use crate::record::{Candidate, RecordError};
use crate::registry::{ErrorKind, IdOf, IdProblem, Recurring, RegistryError, Shape, Table};
use crate::send::{SmtpError, Step, UrlPart};
use crate::usage::UsageError;

/// Each error kind's `Display`: its English entry, so that the words live in the catalogue
/// alone.
macro_rules! in_english {
    ($($kind:ty => $words:ident),* $(,)?) => {$(
        impl Display for $kind {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$words(self, Lang::En))
            }
        }
    )*};
}

in_english! {
    RecordError => record,
    UsageError => usage,
    AtError => at,
    SpanError => span,
    RegistryError => registry,
    ErrorKind => kind,
    LedgerError => ledger,
    FilterError => filter,
    RuleError => holiday,
    SmtpError => smtp,
    crate::files::LockError => lock,
}

/// The error as the user reads it: in French when asked and the kind is one the catalogue
/// knows, else as it is.
pub fn localize(err: anyhow::Error, lang: Lang) -> anyhow::Error {
    if lang == Lang::En {
        return err;
    }
    match text(&err, lang) {
        Some(text) => anyhow::anyhow!(text),
        None => err,
    }
}

/// The catalogue's text for the error, for the kinds it covers.
pub fn text(err: &anyhow::Error, lang: Lang) -> Option<String> {
    if let Some(e) = err.downcast_ref::<RecordError>() {
        return Some(record(e, lang));
    }
    if let Some(e) = err.downcast_ref::<UsageError>() {
        return Some(usage(e, lang));
    }
    if let Some(e) = err.downcast_ref::<SmtpError>() {
        return Some(smtp(e, lang));
    }
    if let Some(e) = err.downcast_ref::<FilterError>() {
        return Some(filter(e, lang));
    }
    if let Some(e) = err.downcast_ref::<LedgerError>() {
        return Some(ledger(e, lang));
    }
    if let Some(e) = err.downcast_ref::<SpanError>() {
        return Some(span(e, lang));
    }
    Some(registry(err.downcast_ref::<RegistryError>()?, lang))
}

/// Why `done`, `waive` or `undo` refused to write.
pub fn record(e: &RecordError, lang: Lang) -> String {
    match e {
        RecordError::Ledger(e) => ledger(e, lang),
        RecordError::UnknownObligation { id, suggestion } => {
            let hint = match suggestion {
                Some(s) => f(lang, Msg::ErrDidYouMean, &[("id", s)]),
                None => t(lang, Msg::ErrListShowsIds).to_owned(),
            };
            f(
                lang,
                Msg::ErrUnknownObligation,
                &[("id", id), ("hint", &hint)],
            )
        }
        RecordError::UnknownPeriod {
            id,
            period,
            nearest,
        } => {
            let nearest = candidates(nearest, lang);
            let args: [(&str, &dyn Display); 3] =
                [("id", id), ("period", period), ("nearest", &nearest)];
            f(lang, Msg::ErrUnknownPeriod, &args)
        }
        RecordError::FarPeriod {
            id,
            period,
            due,
            today,
            nearest,
        } => {
            let nearest = candidates(nearest, lang);
            let args: [(&str, &dyn Display); 5] = [
                ("id", id),
                ("period", period),
                ("due", due),
                ("today", today),
                ("nearest", &nearest),
            ];
            f(lang, Msg::ErrFarPeriod, &args)
        }
        RecordError::AlreadyRecorded {
            id,
            period,
            standing,
        } => {
            let undo = match standing.held {
                crate::record::Held::Registry => String::new(),
                _ => f(lang, Msg::ErrOrUndo, &[("id", id), ("period", period)]),
            };
            let standing = crate::record::standing(standing, lang);
            let args: [(&str, &dyn Display); 4] = [
                ("id", id),
                ("period", period),
                ("standing", &standing),
                ("undo", &undo),
            ];
            f(lang, Msg::ErrAlreadyRecorded, &args)
        }
        RecordError::NothingOpen(id) => f(lang, Msg::ErrNothingOpen, &[("id", id)]),
        RecordError::Ongoing(id) => f(lang, Msg::ErrOngoing, &[("id", id)]),
        RecordError::Future { on, today } => {
            f(lang, Msg::ErrFuture, &[("on", on), ("today", today)])
        }
        RecordError::Empty(flag) => f(lang, Msg::ErrEmpty, &[("flag", flag)]),
        RecordError::NotRecorded {
            id,
            period,
            in_registry,
        } => {
            let hint = match in_registry {
                Some(origin) => f(
                    lang,
                    Msg::ErrEditInRegistry,
                    &[("registry", &origin.named(lang))],
                ),
                None => String::new(),
            };
            let args: [(&str, &dyn Display); 3] = [("id", id), ("period", period), ("hint", &hint)];
            f(lang, Msg::ErrNotRecorded, &args)
        }
    }
}

/// Candidates in one line: `2027 (due-soon, due 2026-12-21), 2026 (done, due 2025-12-22)`.
fn candidates(list: &[Candidate], lang: Lang) -> String {
    if list.is_empty() {
        return t(lang, Msg::ErrNoneNear).to_owned();
    }
    let one = |c: &Candidate| {
        // The state as data formats name it in English, where error messages always had it.
        let name = match lang {
            Lang::En => c.state.as_str(),
            Lang::Fr => state(lang, c.state),
        };
        let args: [(&str, &dyn Display); 3] =
            [("period", &c.period), ("state", &name), ("date", &c.due)];
        f(lang, Msg::ErrCandidate, &args)
    };
    list.iter().map(one).collect::<Vec<_>>().join(", ")
}

/// A mistake on the command line.
pub fn usage(e: &UsageError, lang: Lang) -> String {
    match e {
        UsageError::UnknownObligation { id, registry, ids } => {
            let ids = ids.join(", ");
            let args: [(&str, &dyn Display); 3] =
                [("id", id), ("registry", registry), ("ids", &ids)];
            f(lang, Msg::ErrShowUnknown, &args)
        }
        UsageError::Next(e) => f(lang, Msg::ErrNext, &[("reason", &span(e, lang))]),
        UsageError::NextTooFar => t(lang, Msg::ErrNextTooFar).to_owned(),
        UsageError::At { at, error } => {
            let reason = self::at(error, lang);
            f(lang, Msg::ErrAt, &[("at", at), ("reason", &reason)])
        }
        UsageError::Exists(path) => f(lang, Msg::ErrExists, &[("path", &path.display())]),
        UsageError::LockTimeoutOnListing => t(lang, Msg::ErrLockTimeoutOnListing).to_owned(),
        UsageError::NotTaken { command, option } => f(
            lang,
            Msg::ErrNotTaken,
            &[("command", command), ("option", option)],
        ),
        UsageError::IcsHere => t(lang, Msg::ErrIcsHere).to_owned(),
        UsageError::FormatWithMail => t(lang, Msg::ErrFormatWithMail).to_owned(),
        UsageError::NotADate(text) => f(lang, Msg::ErrNotADate, &[("text", text)]),
        UsageError::NotAnAddress { text, why } => {
            f(lang, Msg::ErrNotAnAddress, &[("text", text), ("why", why)])
        }
    }
}

/// Why `--at` names no day.
pub fn at(e: &AtError, lang: Lang) -> String {
    match e {
        AtError::NoInstance { today } => f(lang, Msg::ErrAtNoInstance, &[("today", today)]),
        AtError::Unknown { known } => f(lang, Msg::ErrAtUnknown, &[("known", &known.join(", "))]),
    }
}

/// Why a duration was refused.
pub fn span(e: &SpanError, lang: Lang) -> String {
    let expected = |spans: &Spans| match spans {
        Spans::Offsets => t(lang, Msg::SpanExpectedOffset),
        Spans::Windows => t(lang, Msg::SpanExpectedWindow),
    };
    match e {
        SpanError::Empty { spans } => f(lang, Msg::SpanEmpty, &[("expected", &expected(spans))]),
        SpanError::NotADuration { text, spans } => f(
            lang,
            Msg::SpanNotADuration,
            &[("text", text), ("expected", &expected(spans))],
        ),
        SpanError::NoUnit { text, spans } => f(
            lang,
            Msg::SpanNoUnit,
            &[("text", text), ("expected", &expected(spans))],
        ),
        SpanError::TooLong { text, spans } => {
            let limit = match spans {
                Spans::Offsets => t(lang, Msg::SpanLimitOffset),
                Spans::Windows => t(lang, Msg::SpanLimitWindow),
            };
            f(lang, Msg::SpanTooLong, &[("text", text), ("limit", &limit)])
        }
    }
}

/// Why a registry could not be read.
pub fn registry(e: &RegistryError, lang: Lang) -> String {
    match e {
        RegistryError::Invalid {
            file,
            line,
            col,
            kind: k,
        } => format!("{file}:{line}:{col}: {}", kind(k, lang)),
        RegistryError::Missing(path) => {
            f(lang, Msg::ErrRegistryMissing, &[("path", &path.display())])
        }
        RegistryError::Directory(path) => f(
            lang,
            Msg::ErrRegistryDirectory,
            &[("path", &path.display())],
        ),
        RegistryError::TooLarge(path, bytes) => f(
            lang,
            Msg::RegTooLarge,
            &[("path", &path.display()), ("bytes", bytes)],
        ),
        RegistryError::Read { path, cause } => f(
            lang,
            Msg::RegRead,
            &[("path", &path.display()), ("cause", cause)],
        ),
    }
}

/// A table of the registry as messages name it: `[calendar]`, ``meeting `council` ``.
fn place(table: &Table, lang: Lang) -> String {
    let key = match table {
        Table::Registry => Msg::TableRegistry,
        Table::Calendar => return "[calendar]".to_owned(),
        Table::Obligations => return "[[obligation]]".to_owned(),
        Table::Meeting(name) => return f(lang, Msg::TableMeeting, &[("name", name)]),
        Table::Obligation(id) => return f(lang, Msg::TableObligation, &[("id", id)]),
        Table::Text(key) => return format!("`{key}`"),
        Table::Instance => Msg::TableInstance,
        Table::Milestone => Msg::TableMilestone,
        Table::Done => Msg::TableDone,
    };
    t(lang, key).to_owned()
}

/// What a value is, or was expected to be.
fn shape(s: Shape, lang: Lang) -> String {
    let key = match s {
        Shape::String => Msg::ShapeString,
        Shape::Integer => Msg::ShapeInteger,
        Shape::Float => Msg::ShapeFloat,
        Shape::Boolean => Msg::ShapeBoolean,
        Shape::Date => Msg::ShapeDate,
        Shape::Array => Msg::ShapeArray,
        Shape::Table => Msg::ShapeTable,
        Shape::ADate => Msg::ShapeADate,
        Shape::Duration => Msg::ShapeDuration,
        Shape::Dates => Msg::ShapeDates,
        Shape::TrueOrFalse => Msg::ShapeTrueOrFalse,
        // Braces are the catalogue's placeholders: the example goes in as a value.
        Shape::Text => {
            return f(
                lang,
                Msg::ShapeText,
                &[("table", &"{ en = \"…\", fr = \"…\" }")],
            );
        }
    };
    t(lang, key).to_owned()
}

/// A key a table does not allow, named with the closest allowed one, else all of them:
/// `unknown key `titel` in [[obligation]] (did you mean `title`?)`.
pub fn unknown_key(key: &str, table: &str, allowed: &[&str], lang: Lang) -> String {
    let hint = match crate::diag::suggest(key, allowed) {
        Some(s) => f(lang, Msg::RegDidYouMean, &[("name", &s)]),
        None => f(lang, Msg::RegOneOf, &[("list", &allowed.join(", "))]),
    };
    let args: [(&str, &dyn Display); 3] = [("key", &key), ("table", &table), ("hint", &hint)];
    f(lang, Msg::RegUnknownKey, &args)
}

/// A field of more text than one field may hold.
pub fn too_long(key: &str, bytes: usize, lang: Lang) -> String {
    let args: [(&str, &dyn Display); 3] = [
        ("key", &key),
        ("kib", &bytes.div_ceil(1024)),
        ("max", &(crate::diag::MAX_TEXT_BYTES / 1024)),
    ];
    f(lang, Msg::RegTooLong, &args)
}

/// The closest known meeting to a name, or the meetings there are.
fn meeting_hint(name: &str, known: &[String], lang: Lang) -> String {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    match crate::diag::suggest(name, &known) {
        Some(s) => f(lang, Msg::RegDidYouMean, &[("name", &s)]),
        None if known.is_empty() => t(lang, Msg::RegNoMeetings).to_owned(),
        None => f(lang, Msg::RegKnownMeetings, &[("list", &known.join(", "))]),
    }
}

/// A mistake in a registry's text.
pub fn kind(k: &ErrorKind, lang: Lang) -> String {
    use ErrorKind::*;
    let m = |key| t(lang, key).to_owned();
    let one = |key, name: &str, value: &dyn Display| f(lang, key, &[(name, value)]);
    let key_value =
        |msg, key: &String, value: &String| f(lang, msg, &[("key", key), ("value", value)]);
    match k {
        NulByte => m(Msg::RegNulByte),
        TooLong { key, bytes } => too_long(key, *bytes, lang),
        NotUtf8 { byte } => one(Msg::RegNotUtf8, "byte", &format!("0x{byte:02X}")),
        Toml { message } => one(Msg::RegToml, "message", message),
        UnknownKey {
            key,
            table,
            allowed,
        } => unknown_key(key, &place(table, lang), allowed, lang),
        MissingKey { table, key } => f(
            lang,
            Msg::RegMissingKey,
            &[("table", &place(table, lang)), ("key", key)],
        ),
        WrongType {
            key,
            found,
            expected,
        } => {
            let args: [(&str, &dyn Display); 3] = [
                ("key", key),
                ("found", &shape(*found, lang)),
                ("expected", &shape(*expected, lang)),
            ];
            f(lang, Msg::RegWrongType, &args)
        }
        NoSchema => m(Msg::RegNoSchema),
        WrongSchema => m(Msg::RegWrongSchema),
        UnknownTimeZone { name } => one(Msg::RegTimeZone, "name", name),
        NotAWeekday { value } => one(Msg::RegWeekday, "value", value),
        NoWorkingDay => m(Msg::RegNoWorkingDay),
        NotARoll { value } => one(Msg::RegRoll, "value", value),
        NotALanguage { value } => one(Msg::RegLanguage, "value", value),
        BadId { of, id, problem } => {
            let of = t(
                lang,
                match of {
                    IdOf::Meeting => Msg::RegOfMeeting,
                    IdOf::Instance => Msg::RegOfInstance,
                    IdOf::Obligation => Msg::RegOfObligation,
                },
            );
            let key = match problem {
                IdProblem::Empty => Msg::RegIdEmpty,
                IdProblem::OtherCharacters => Msg::RegIdCharacters,
            };
            f(lang, key, &[("of", &of), ("id", id)])
        }
        DuplicateObligation { id } => one(Msg::RegDuplicateObligation, "id", id),
        DuplicateInstance { id } => one(Msg::RegDuplicateInstance, "id", id),
        NotARealDay { key, value } => key_value(Msg::RegNotARealDay, key, value),
        DateWithTime { key } => one(Msg::RegDateWithTime, "key", key),
        NotADate { key, value } => key_value(Msg::RegNotADate, key, value),
        NotARange { key, value } => key_value(Msg::RegNotARange, key, value),
        RangeBackwards { key, value } => key_value(Msg::RegRangeBackwards, key, value),
        RangeTooLong { key, value } => key_value(Msg::RegRangeTooLong, key, value),
        BadSpan { key, reason } => {
            let reason = span(reason, lang);
            f(
                lang,
                Msg::RegKeyReason,
                &[("key", key), ("reason", &reason)],
            )
        }
        BadTypical { value } => one(Msg::RegBadTypical, "value", value),
        NoDates { meeting } => one(Msg::RegNoDates, "meeting", meeting),
        TypicalOnSingle { meeting } => one(Msg::RegTypicalOnSingle, "meeting", meeting),
        ConfidenceOnSeries { meeting, key } => {
            let example = "2027 = { dates = \"…\", confidence = \"likely\" }";
            let args: [(&str, &dyn Display); 3] =
                [("meeting", meeting), ("key", key), ("example", &example)];
            f(lang, Msg::RegConfidenceOnSeries, &args)
        }
        NotAConfidence { value } => one(Msg::RegNotAConfidence, "value", value),
        TentativeContradictsConfidence {
            tentative,
            confidence,
        } => f(
            lang,
            Msg::RegTentativeContradicts,
            &[("tentative", tentative), ("confidence", confidence)],
        ),
        BadHolidayRule { reason } => f(
            lang,
            Msg::RegKeyReason,
            &[
                ("key", &"holiday_rules"),
                ("reason", &holiday(reason, lang)),
            ],
        ),
        NotAYear { meeting, value } => f(
            lang,
            Msg::RegNotAYear,
            &[("meeting", meeting), ("value", value)],
        ),
        InstanceInWrongYear {
            meeting,
            start,
            year,
        } => {
            let args: [(&str, &dyn Display); 4] = [
                ("meeting", meeting),
                ("start", start),
                ("year", year),
                ("right", &chrono::Datelike::year(start)),
            ];
            f(lang, Msg::RegInstanceInWrongYear, &args)
        }
        ActiveUntilBeforeFrom {
            obligation,
            from,
            until,
        } => {
            let args: [(&str, &dyn Display); 3] =
                [("obligation", obligation), ("from", from), ("until", until)];
            f(lang, Msg::RegActiveUntilBeforeFrom, &args)
        }
        MilestonesWithoutDeadline { obligation } => {
            one(Msg::RegMilestonesWithoutDeadline, "obligation", obligation)
        }
        NotAMilestoneReference { name, known } => {
            let hint = meeting_hint(name, known, lang);
            f(
                lang,
                Msg::RegNotAMilestoneReference,
                &[("name", name), ("hint", &hint)],
            )
        }
        BadOffset { key, value } => f(lang, Msg::RegBadOffset, &[("key", key), ("value", value)]),
        EveryWithoutDue => m(Msg::RegEveryWithoutDue),
        NotARecurrence { value } => one(Msg::RegNotARecurrence, "value", value),
        DueNotUnderstood { value, period } => {
            let expected = t(
                lang,
                match period {
                    Recurring::Quarter => Msg::RegQuarterlyDue,
                    Recurring::Month => Msg::RegMonthlyDue,
                },
            );
            f(
                lang,
                Msg::RegDueNotUnderstood,
                &[("value", value), ("expected", &expected)],
            )
        }
        SeriesAsOneOff { meeting } => one(Msg::RegSeriesAsOneOff, "meeting", meeting),
        SingleMeetingRecurs { meeting } => one(Msg::RegSingleMeetingRecurs, "meeting", meeting),
        NotACalendarDay { value } => one(Msg::RegNotACalendarDay, "value", value),
        NotADayOfYear { value } => one(Msg::RegNotADayOfYear, "value", value),
        UnknownMeeting { name, known } => {
            let hint = meeting_hint(name, known, lang);
            f(
                lang,
                Msg::RegUnknownMeeting,
                &[("name", name), ("hint", &hint)],
            )
        }
    }
}

/// Why the ledger could not be read or written. What the TOML reader says of a ledger's
/// text is its own English.
pub fn ledger(e: &LedgerError, lang: Lang) -> String {
    match e {
        LedgerError::Parse {
            path,
            line,
            col,
            problem: p,
        } => format!(
            "{path}:{line}:{col}: {}\n{}",
            problem(p, lang),
            t(lang, Msg::LedgerLeftAsItIs)
        ),
        LedgerError::Read { path, cause } => {
            f(lang, Msg::LedgerRead, &[("path", path), ("cause", cause)])
        }
        LedgerError::Write { path, cause } => {
            f(lang, Msg::LedgerWrite, &[("path", path), ("cause", cause)])
        }
        LedgerError::Migrate(why) => {
            let (key, path) = match why {
                Unmovable::FolderHoldsRecords(path) => (Msg::MigrateHoldsRecords, path),
                Unmovable::NotASingleFile(path) => (Msg::MigrateNotAFile, path),
                Unmovable::ToAFile(path) => (Msg::MigrateToAFile, path),
            };
            let why = f(lang, key, &[("path", &path.display())]);
            f(lang, Msg::LedgerMigrate, &[("why", &why)])
        }
        LedgerError::Lock { path, cause } => {
            let cause = lock(cause, lang);
            f(lang, Msg::LedgerLock, &[("path", path), ("cause", &cause)])
        }
        LedgerError::NoDataDir => t(lang, Msg::LedgerNoDataDir).to_owned(),
    }
}

/// A filter that cannot be read.
pub fn filter(e: &FilterError, lang: Lang) -> String {
    match e {
        FilterError::UnknownState { given, near } => {
            let states = filter::state_names();
            match near {
                Some(near) => f(
                    lang,
                    Msg::ErrUnknownStateNear,
                    &[("given", given), ("near", near), ("states", &states)],
                ),
                None => f(
                    lang,
                    Msg::ErrUnknownState,
                    &[("given", given), ("states", &states)],
                ),
            }
        }
        FilterError::BadGlob { pattern, why } => {
            f(lang, Msg::ErrBadGlob, &[("pattern", pattern), ("why", why)])
        }
    }
}

/// What is wrong in a ledger's text.
fn problem(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::Toml(message) => message.clone(),
        Problem::NotUtf8(byte) => f(
            lang,
            Msg::LedgerNotUtf8,
            &[("byte", &format!("0x{byte:02X}"))],
        ),
        Problem::UnknownKey {
            key,
            in_file_of_records,
        } => {
            let place = match in_file_of_records {
                true => "[[record]]",
                false => t(lang, Msg::TheRecord),
            };
            unknown_key(key, place, crate::ledger::RECORD_KEYS, lang)
        }
        Problem::TooLong { key, bytes } => too_long(key, *bytes, lang),
        Problem::NotInAction { key, action } => f(
            lang,
            Msg::LedgerNotInAction,
            &[("key", key), ("action", action)],
        ),
        Problem::MissingForAction { key, action } => f(
            lang,
            Msg::LedgerMissingForAction,
            &[("key", key), ("action", action)],
        ),
        Problem::UnknownAction(action) => f(lang, Msg::LedgerUnknownAction, &[("action", action)]),
        Problem::Empty(key) => f(lang, Msg::LedgerEmpty, &[("key", key)]),
        Problem::NotADate(text) => f(lang, Msg::LedgerNotADate, &[("text", text)]),
        Problem::NoTimeZone(text) => f(lang, Msg::LedgerNoTimeZone, &[("text", text)]),
        Problem::BadTime { time, why } => format!("`{time}`: {why}"),
    }
}

/// Why a holiday rule was refused.
pub fn holiday(e: &RuleError, lang: Lang) -> String {
    let expected = t(lang, Msg::HolidayExpected);
    let in_rule = |key, word: &String, text: &String| {
        let args: [(&str, &dyn Display); 3] =
            [("word", word), ("text", text), ("expected", &expected)];
        f(lang, key, &args)
    };
    match e {
        RuleError::NotARule { text } => f(
            lang,
            Msg::HolidayNotARule,
            &[("text", text), ("expected", &expected)],
        ),
        RuleError::OffsetOnMonthDay { text } => {
            f(lang, Msg::HolidayMonthDayOffset, &[("text", text)])
        }
        RuleError::NotAnOrdinal { word, text } => {
            f(lang, Msg::HolidayOrdinal, &[("word", word), ("text", text)])
        }
        RuleError::NotAWeekday { word, text } => in_rule(Msg::HolidayWeekday, word, text),
        RuleError::NotAMonth { word, text } => in_rule(Msg::HolidayMonth, word, text),
        RuleError::Offset { text, error } => f(
            lang,
            Msg::RegKeyReason,
            &[("key", text), ("reason", &span(error, lang))],
        ),
        RuleError::OffsetUnit { text } => f(lang, Msg::HolidayOffsetUnit, &[("text", text)]),
    }
}

/// Why a reminder could not be sent over SMTP.
pub fn smtp(e: &SmtpError, lang: Lang) -> String {
    use crate::send::{PASSWORD_VAR, USER_VAR};
    let vars: [(&str, &dyn Display); 2] = [("user", &USER_VAR), ("password", &PASSWORD_VAR)];
    let step = |s: &Step| {
        t(
            lang,
            match s {
                Step::Connect => Msg::StepConnect,
                Step::StartTls => Msg::StepStartTls,
                Step::Auth => Msg::StepAuth,
                Step::Message => Msg::StepMessage,
                Step::Quit => Msg::StepQuit,
            },
        )
    };
    match e {
        SmtpError::NotUrl(why) => f(lang, Msg::SmtpNotUrl, &[("why", why)]),
        SmtpError::Scheme(scheme) => f(lang, Msg::SmtpScheme, &[("scheme", scheme)]),
        SmtpError::NoHost => t(lang, Msg::SmtpNoHost).to_owned(),
        SmtpError::CredentialsInUrl => f(lang, Msg::SmtpCredentialsInUrl, &vars),
        SmtpError::Extra(part) => {
            let part = t(
                lang,
                match part {
                    UrlPart::Path => Msg::UrlPath,
                    UrlPart::Fragment => Msg::UrlFragment,
                },
            );
            f(lang, Msg::SmtpExtra, &[("part", &part)])
        }
        SmtpError::UnknownParameter(name) => f(lang, Msg::SmtpUnknownParameter, &[("name", name)]),
        SmtpError::Repeated(name) => f(lang, Msg::SmtpRepeated, &[("name", name)]),
        SmtpError::TlsValue(value) => f(lang, Msg::SmtpTlsValue, &[("value", value)]),
        SmtpError::TlsOnSmtps => t(lang, Msg::SmtpTlsOnSmtps).to_owned(),
        SmtpError::HalfCredentials => f(lang, Msg::SmtpHalfCredentials, &vars),
        SmtpError::PlainCredentials => f(lang, Msg::SmtpPlainCredentials, &vars),
        SmtpError::NotEncrypted { host } => f(
            lang,
            Msg::SmtpNotEncrypted,
            &[("host", host), ("user", &USER_VAR)],
        ),
        SmtpError::Failed {
            host,
            step: s,
            message,
        } => f(
            lang,
            Msg::SmtpFailed,
            &[("host", host), ("step", &step(s)), ("message", message)],
        ),
        SmtpError::TimedOut {
            host,
            seconds,
            step: s,
        } => f(
            lang,
            Msg::SmtpTimedOut,
            &[("host", host), ("seconds", seconds), ("step", &step(s))],
        ),
    }
}

/// Why the ledger's lock could not be taken.
pub fn lock(e: &crate::files::LockError, lang: Lang) -> String {
    use crate::files::LockError;
    match e {
        LockError::Busy { path, waited } => f(
            lang,
            Msg::LockBusy,
            &[("path", &path.display()), ("seconds", &waited.as_secs())],
        ),
        LockError::Open { path, cause } => f(
            lang,
            Msg::LockOpen,
            &[("path", &path.display()), ("cause", cause)],
        ),
    }
}
