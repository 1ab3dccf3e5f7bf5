//! The refusals and errors in the language asked for. Each error kind's `Display` is its
//! English entry here, so code and tests match kinds while the words live in the
//! catalogues; a French reader gets the French entry at the point of display.

use std::fmt::Display;

use super::{Msg, f, state, t};
use crate::dates::{SpanError, Spans};
use crate::engine::AtError;
use crate::model::Lang;
use crate::record::{Candidate, RecordError};
use crate::registry::RegistryError;
use crate::usage::UsageError;

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
    match err.downcast_ref::<RegistryError>()? {
        RegistryError::Missing(path) => Some(f(
            lang,
            Msg::ErrRegistryMissing,
            &[("path", &path.display())],
        )),
        RegistryError::Directory(path) => Some(f(
            lang,
            Msg::ErrRegistryDirectory,
            &[("path", &path.display())],
        )),
        _ => None,
    }
}

/// Why `done`, `waive` or `undo` refused to write.
pub fn record(e: &RecordError, lang: Lang) -> String {
    match e {
        RecordError::Ledger(e) => e.to_string(),
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
                Some(origin) => f(lang, Msg::ErrEditInRegistry, &[("registry", origin)]),
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
