//! `due done`, `due waive`, `due undo` and `due history`: what the commands record, checked
//! against the registry and the ledger before anything is written, and what they say about
//! it; and how each record or completion closed its occurrence.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Months, NaiveDate};

use crate::dates;
use crate::engine::{self, Occurrence, State};
use crate::i18n::{self, Msg};
use crate::ledger::{self, Action, Ledger, LedgerError, Location, Record};
use crate::model::{Completion, Completions, Lang, Obligation, Outcome, Registry, Rule};
use crate::render::{Cell, Emphasis, Listing};

/// Why a command refused to write: each kind has one message (the catalogue's, in English
/// unless shown to a French reader), and the ledger is untouched.
#[derive(Debug)]
pub enum RecordError {
    Ledger(LedgerError),
    UnknownObligation {
        id: String,
        suggestion: Option<String>,
    },
    UnknownPeriod {
        id: String,
        period: String,
        nearest: Vec<Candidate>,
    },
    FarPeriod {
        id: String,
        period: String,
        due: NaiveDate,
        today: NaiveDate,
        nearest: Vec<Candidate>,
    },
    AlreadyRecorded {
        id: String,
        period: String,
        // Boxed: it is rare, and would otherwise make every result large.
        standing: Box<Standing>,
    },
    NothingOpen(String),
    Ongoing(String),
    Future {
        on: NaiveDate,
        today: NaiveDate,
    },
    /// The flag whose text is empty.
    Empty(&'static str),
    NotRecorded {
        id: String,
        period: String,
        /// The registry that writes the completion itself, if one does: it is edited
        /// there, not undone.
        in_registry: Option<crate::model::Origin>,
    },
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Said in full by the message already, as a transparent error would.
            RecordError::Ledger(e) => e.source(),
            _ => None,
        }
    }
}

impl From<LedgerError> for RecordError {
    fn from(e: LedgerError) -> RecordError {
        RecordError::Ledger(e)
    }
}

/// The completion an occurrence already has, and where it is written.
#[derive(Clone, Debug)]
pub struct Standing {
    pub completion: Completion,
    pub held: Held,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Held {
    /// A ledger record that names who made it.
    By(String),
    /// A ledger record that does not.
    Ledger,
    /// The registry's own `done`: edited there, so `due undo` cannot withdraw it.
    Registry,
}

/// A real period offered in place of a mistyped or unlikely one, with its state today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub period: String,
    pub due: NaiveDate,
    pub state: State,
}

/// What the recording commands work on, and the flags they share.
pub struct Context<'a> {
    pub registry: &'a Registry,
    pub ledger: &'a Location,
    pub today: NaiveDate,
    /// `--by`: who is recording, when not the user running `due`.
    pub by: Option<&'a str>,
    /// `--force`: record a period due more than a year ahead.
    pub force: bool,
    /// `--amend`: record a correction for an occurrence that already has a record.
    pub amend: bool,
    /// What the listings judged by when the command started, for suggestions.
    pub completions: &'a Completions,
    /// How long to wait for another writer's lock.
    pub lock_timeout: std::time::Duration,
    /// The language the commands report in.
    pub lang: Lang,
}

/// The registry's own completions with the ledger on top: what every listing judges by.
pub fn completions(registry: &Registry, ledger: &Ledger) -> Completions {
    let own: Completions = registry
        .obligations
        .iter()
        .flat_map(Obligation::known_completions)
        .collect();
    ledger.overlay(&own)
}

/// Who is recording: `--by`, else `DUE_USER`, else the login name the environment gives
/// (`USER`, `LOGNAME`), else the operating system's name for the account. Never blank, so
/// that a record made from cron or a container still says whose it is.
pub fn who(by: Option<&str>) -> Result<String, RecordError> {
    if let Some(by) = by {
        return text(Some(by), "--by")?.ok_or(RecordError::Empty("--by"));
    }
    let from_env = ["DUE_USER", "USER", "LOGNAME"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty());
    Ok(from_env
        .or_else(|| {
            whoami::username()
                .ok()
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
        })
        .unwrap_or_else(|| "unknown".to_owned()))
}

pub fn done(
    cx: &Context<'_>,
    id: &str,
    period: Option<&str>,
    on: Option<NaiveDate>,
    reference: Option<&str>,
    note: Option<&str>,
) -> Result<String, RecordError> {
    let ob = obligation(cx.registry, id)?;
    let on = on.unwrap_or(cx.today);
    if on > cx.today {
        return Err(RecordError::Future {
            on,
            today: cx.today,
        });
    }
    let by = who(cx.by)?;
    let action = Action::Done {
        on,
        reference: text(reference, "--ref")?,
        note: text(note, "--note")?,
    };
    let named = period.map(|p| occurrence(cx, ob, p)).transpose()?;
    let (occ, replaced) = write(cx, |book| {
        let occ = match &named {
            Some(occ) => occ.clone(),
            None => default_occurrence(cx, ob, book)?,
        };
        let replaced = admit(cx, &occ, book)?;
        let record = Record::new(id, &occ.period.text(), action.clone(), &by);
        Ok((record, (occ, replaced)))
    })?;
    let due = occ.due.expect("occurrences with a period have a due date");
    let lang = cx.lang;
    let mut verdict = match Closure::of(Some(due), &Outcome::Done, on) {
        late @ Closure::Late(_) => {
            let args: [(&str, &dyn fmt::Display); 3] =
                [("on", &on), ("due", &due), ("late", &late.words(lang))];
            i18n::f(lang, Msg::VerdictDoneLate, &args)
        }
        _ => i18n::f(lang, Msg::VerdictDone, &[("on", &on), ("due", &due)]),
    };
    if let Some(r) = reference {
        verdict.push_str(&i18n::f(lang, Msg::VerdictRef, &[("text", &r)]));
    }
    Ok(confirmation(
        cx,
        id,
        &occ.period.text(),
        verdict,
        replaced,
        &by,
    ))
}

/// What a recording command says it did: `ID PERIOD: what; recorded by NAME in PATH`, and
/// the record an amendment replaced.
fn confirmation(
    cx: &Context<'_>,
    id: &str,
    period: &str,
    mut what: String,
    replaced: Option<Standing>,
    by: &str,
) -> String {
    let lang = cx.lang;
    if let Some(r) = replaced {
        let r = standing(&r, lang);
        what.push_str(&i18n::f(lang, Msg::Replacing, &[("standing", &r)]));
    }
    let path = cx.ledger.path.display();
    let args: [(&str, &dyn fmt::Display); 5] = [
        ("id", &id),
        ("period", &period),
        ("what", &what),
        ("by", &by),
        ("path", &path),
    ];
    i18n::f(lang, Msg::Recorded, &args)
}

pub fn waive(
    cx: &Context<'_>,
    id: &str,
    period: &str,
    reason: &str,
) -> Result<String, RecordError> {
    let ob = obligation(cx.registry, id)?;
    let occ = occurrence(cx, ob, period)?;
    let reason = text(Some(reason), "--reason")?.ok_or(RecordError::Empty("--reason"))?;
    let by = who(cx.by)?;
    let action = Action::Waived {
        on: cx.today,
        reason,
    };
    let replaced = write(cx, |book| {
        let replaced = admit(cx, &occ, book)?;
        let record = Record::new(id, &occ.period.text(), action.clone(), &by);
        Ok((record, replaced))
    })?;
    let what = i18n::f(cx.lang, Msg::VerdictWaived, &[("on", &cx.today)]);
    Ok(confirmation(
        cx,
        id,
        &occ.period.text(),
        what,
        replaced,
        &by,
    ))
}

/// Undo works on what the ledger holds, so a record whose obligation or period has left the
/// registry can still be withdrawn.
pub fn undo(cx: &Context<'_>, id: &str, period: &str) -> Result<String, RecordError> {
    let by = who(cx.by)?;
    let book = Ledger::load(&cx.ledger.path)?;
    let key = match book.standing(id, period) {
        Some(_) => period.to_owned(),
        None => {
            let ob = cx
                .registry
                .obligation(id)
                .ok_or_else(|| unknown_obligation(cx.registry, Some(&book), id))?;
            occurrence(cx, ob, period)?.period.text()
        }
    };
    let not_recorded = || {
        let in_registry = cx
            .registry
            .obligation(id)
            .is_some_and(|ob| ob.done().iter().any(|(p, _)| *p == key));
        RecordError::NotRecorded {
            id: id.to_owned(),
            period: key.clone(),
            in_registry: in_registry.then(|| cx.registry.origin.clone()),
        }
    };
    let was = write(cx, |book| {
        // A concurrent `due undo` may have withdrawn it since.
        let was = match book.standing(id, &key).ok_or_else(not_recorded)?.action {
            Action::Waived { .. } => State::Waived,
            _ => State::Done,
        };
        Ok((Record::new(id, &key, Action::Undone, &by), was))
    })?;
    let lang = cx.lang;
    let now = completions(cx.registry, &Ledger::load(&cx.ledger.path)?);
    let left = match now.get(&(id.to_owned(), key.clone())) {
        Some(c) => i18n::f(
            lang,
            Msg::RegistryStands,
            &[("standing", &describe(c, lang))],
        ),
        None => i18n::t(lang, Msg::OpenAgain).to_owned(),
    };
    let was = i18n::state(lang, was);
    let what = i18n::f(lang, Msg::Withdrawn, &[("was", &was), ("left", &left)]);
    Ok(confirmation(cx, id, &key, what, None, &by))
}

/// The ledger's records, newest first; an id that neither the registry nor the ledger knows
/// is a mistake worth saying so.
pub fn history(cx: &Context<'_>, id: Option<&str>) -> Result<Vec<Record>, RecordError> {
    let book = Ledger::load(&cx.ledger.path)?;
    if let Some(id) = id
        && cx.registry.obligation(id).is_none()
        && !book.records.iter().any(|r| r.id == id)
    {
        return Err(unknown_obligation(cx.registry, Some(&book), id));
    }
    Ok(book.history(id).into_iter().cloned().collect())
}

/// How a record or a completion left its occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    /// Delivered on or before the due date, or on a day that cannot be judged because the
    /// registry no longer knows the occurrence.
    Done,
    /// Delivered this many days after the due date.
    Late(i64),
    Waived,
    /// An undo: what the ledger said before no longer counts.
    Withdrawn,
}

impl Closure {
    pub fn of(due: Option<NaiveDate>, outcome: &Outcome, on: NaiveDate) -> Closure {
        match (outcome, due) {
            (Outcome::Waived { .. }, _) => Closure::Waived,
            (Outcome::Done, Some(due)) if on > due => Closure::Late((on - due).num_days()),
            (Outcome::Done, _) => Closure::Done,
        }
    }

    /// The state it produced, as listings name states.
    pub fn as_str(self) -> &'static str {
        match self {
            Closure::Done => State::Done.as_str(),
            Closure::Late(_) => State::DoneLate.as_str(),
            Closure::Waived => State::Waived.as_str(),
            Closure::Withdrawn => "withdrawn",
        }
    }

    pub fn days_late(self) -> Option<i64> {
        match self {
            Closure::Late(days) => Some(days),
            _ => None,
        }
    }

    /// The state it produced, as a person reads it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Closure::Done => i18n::state(lang, State::Done),
            Closure::Late(_) => i18n::state(lang, State::DoneLate),
            Closure::Waived => i18n::state(lang, State::Waived),
            Closure::Withdrawn => i18n::t(lang, Msg::StateWithdrawn),
        }
    }

    /// In words, for a person: `on time`, `3 days late`, `waived`, `withdrawn`.
    pub fn words(self, lang: Lang) -> String {
        match self {
            Closure::Done => i18n::t(lang, Msg::OnTime).to_owned(),
            Closure::Late(days) => i18n::count(lang, days, Msg::LateByDay, Msg::LateByDays),
            Closure::Waived | Closure::Withdrawn => self.label(lang).to_owned(),
        }
    }
}

/// The due date of the occurrence a ledger key names, while the registry still has it.
fn due_of(registry: &Registry, id: &str, period: &str, today: NaiveDate) -> Option<NaiveDate> {
    let ob = registry.obligation(id)?;
    engine::with_key(registry, ob, period, today)?.due
}

/// The history as rows: JSON and CSV carry each field, the table folds them into details.
/// Each record says what it made of its occurrence, and whether a later record replaced it.
pub fn listing(cx: &Context<'_>, records: &[Record], lang: Lang) -> Listing<'static> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("recorded_at", h(Msg::ColRecordedAt)),
        ("by", h(Msg::ColBy)),
        ("id", h(Msg::ColObligation)),
        ("period", h(Msg::ColPeriod)),
        ("action", None),
        ("outcome_label", h(Msg::ColOutcome)),
        ("outcome", None),
        ("days_late", None),
        ("due", None),
        ("superseded", None),
        ("on", h(Msg::ColOn)),
        ("details", h(Msg::ColDetails)),
        ("ref", None),
        ("note", None),
        ("reason", None),
    ]);
    // Newest first: a record is superseded when a newer one for its occurrence came before.
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    for r in records {
        let superseded = !seen.insert((&r.id, &r.period));
        let due = due_of(cx.registry, &r.id, &r.period, cx.today);
        let (on, reference, note, reason, closure) = match &r.action {
            Action::Done {
                on,
                reference,
                note,
            } => (
                Some(*on),
                reference.as_deref(),
                note.as_deref(),
                None,
                Closure::of(due, &Outcome::Done, *on),
            ),
            Action::Waived { on, reason } => (
                Some(*on),
                None,
                None,
                Some(reason.as_str()),
                Closure::Waived,
            ),
            Action::Undone => (None, None, None, None, Closure::Withdrawn),
        };
        let mut label = match closure {
            Closure::Late(_) => format!("{}, {}", closure.label(lang), closure.words(lang)),
            _ => closure.label(lang).to_owned(),
        };
        if superseded {
            label.push_str(i18n::t(lang, Msg::Superseded));
        }
        let details: Vec<String> = [
            (Msg::DetailRef, reference),
            (Msg::DetailNote, note),
            (Msg::DetailReason, reason),
        ]
        .into_iter()
        .filter_map(|(key, v)| v.map(|v| i18n::f(lang, key, &[("text", &v)])))
        .collect();
        l.push(
            vec![
                Cell::text(r.recorded_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                Cell::opt_text(r.by.as_deref()),
                Cell::text(&r.id),
                Cell::text(&r.period),
                Cell::text(r.action.name()),
                Cell::text(label),
                Cell::fixed(closure.as_str()),
                Cell::opt_int(closure.days_late()),
                Cell::opt_date(due),
                Cell::Bool(superseded),
                Cell::opt_date(on),
                Cell::text(details.join("; ")),
                Cell::opt_text(reference),
                Cell::opt_text(note),
                Cell::opt_text(reason),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["outcome_label", "details"]);
    l.free_text(&["by", "outcome_label", "details"]);
    l.leave_out_first(&["by", "recorded_at", "details"]);
    l
}

/// The occurrence an obligation most recently closed (by the day it was delivered or
/// waived, then by period), with how it was closed: what `status` shows beside the next one.
#[derive(Clone, Debug)]
pub struct LastClosed {
    pub period: String,
    pub completion: Completion,
    pub closure: Closure,
}

/// [`LastClosed`] for every obligation of the registry, in registry order.
pub fn last_closed(
    registry: &Registry,
    completions: &Completions,
    today: NaiveDate,
) -> Vec<Option<LastClosed>> {
    let mut latest: HashMap<&str, (&str, &Completion)> = HashMap::new();
    for ((id, period), c) in completions {
        let newer = latest
            .get(id.as_str())
            .is_none_or(|(p, best)| (c.on, period.as_str()) > (best.on, *p));
        if newer {
            latest.insert(id, (period, c));
        }
    }
    registry
        .obligations
        .iter()
        .map(|ob| {
            let (period, c) = latest.get(&*ob.id)?;
            let due = due_of(registry, &ob.id, period, today);
            Some(LastClosed {
                period: (*period).to_owned(),
                completion: (*c).clone(),
                closure: Closure::of(due, &c.outcome, c.on),
            })
        })
        .collect()
}

/// What `due validate` says about the ledger: standing records that point nowhere. A
/// withdrawn record affects nothing, so `due undo` is how a warning is answered.
pub fn check(registry: &Registry, book: &Ledger, today: NaiveDate, lang: Lang) -> Vec<String> {
    // Looked up once per occurrence recorded: an index keeps a large ledger against a large
    // registry linear.
    let obligations: std::collections::HashMap<&str, &Obligation> = registry
        .obligations
        .iter()
        .map(|ob| (&*ob.id, ob))
        .collect();
    let mut out = Vec::new();
    // The records are sorted by occurrence, so each occurrence's standing record is the
    // last of its run; an `undone` one stands for nothing.
    for run in book
        .records
        .chunk_by(|a, b| a.id == b.id && a.period == b.period)
    {
        let r = &run[run.len() - 1];
        if r.action == Action::Undone {
            continue;
        }
        match obligations.get(&*r.id) {
            None => out.push(i18n::f(
                lang,
                Msg::StrayObligation,
                &[("id", &r.id), ("period", &r.period)],
            )),
            Some(ob) if engine::with_key(registry, ob, &r.period, today).is_none() => {
                out.push(i18n::f(
                    lang,
                    Msg::StrayPeriod,
                    &[("id", &r.id), ("period", &r.period)],
                ))
            }
            Some(_) => {}
        }
    }
    out
}

/// A completion in a few words: `done on 2026-12-02, ref X1`, `waived on …: reason`.
fn describe(c: &Completion, lang: Lang) -> String {
    match &c.outcome {
        Outcome::Done => {
            let mut text = i18n::f(lang, Msg::DescribeDone, &[("on", &c.on)]);
            if let Some(r) = &c.reference {
                text.push_str(&i18n::f(lang, Msg::VerdictRef, &[("text", r)]));
            }
            text
        }
        Outcome::Waived { reason } => i18n::f(
            lang,
            Msg::DescribeWaived,
            &[("on", &c.on), ("reason", reason)],
        ),
    }
}

/// A standing completion and where it is written: `done on …, recorded by ana`.
pub fn standing(s: &Standing, lang: Lang) -> String {
    let held = match &s.held {
        Held::By(by) => i18n::f(lang, Msg::HeldBy, &[("by", by)]),
        Held::Ledger => i18n::t(lang, Msg::HeldInLedger).to_owned(),
        Held::Registry => i18n::t(lang, Msg::HeldInRegistry).to_owned(),
    };
    describe(&s.completion, lang) + &held
}

fn text(value: Option<&str>, flag: &'static str) -> Result<Option<String>, RecordError> {
    match value.map(str::trim) {
        Some("") => Err(RecordError::Empty(flag)),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Adds the record `make` draws from the ledger. `make` runs first on the ledger as it is,
/// so that a refusal leaves no trace (not even a lock file or a folder), then again under
/// the lock, where a concurrent `due` may have recorded the same occurrence since.
fn write<T>(
    cx: &Context<'_>,
    make: impl Fn(&Ledger) -> Result<(Record, T), RecordError>,
) -> Result<T, RecordError> {
    make(&Ledger::load(&cx.ledger.path)?)?;
    if cx.ledger.source == ledger::Source::DataDir
        && let Some(dir) = cx.ledger.path.parent()
    {
        crate::files::create_private_dir(dir)
            .map_err(|e| LedgerError::write(&cx.ledger.path, e))?;
    }
    let mut made = None;
    let wait = ledger::Wait {
        timeout: cx.lock_timeout,
        lang: cx.lang,
    };
    ledger::append(&cx.ledger.path, wait, |book| {
        let (record, extra) = make(book)?;
        made = Some(extra);
        Ok::<_, RecordError>(record)
    })?;
    Ok(made.expect("the record was made before it was written"))
}

/// The checks every new `done` or `waive` passes under the lock: a period far ahead needs
/// `--force`, an occurrence already recorded needs `--amend`. Returns the completion an
/// amendment replaces.
fn admit(
    cx: &Context<'_>,
    occ: &Occurrence<'_>,
    book: &Ledger,
) -> Result<Option<Standing>, RecordError> {
    let id = occ.obligation.id.to_string();
    let period = occ.period.text();
    let due = occ.due.expect("occurrences with a period have a due date");
    if !cx.force && due > far_limit(cx.today) {
        return Err(RecordError::FarPeriod {
            nearest: nearest(cx, occ.obligation, &period),
            id,
            period,
            due,
            today: cx.today,
        });
    }
    let all = completions(cx.registry, book);
    let Some(standing) = all.get(&(id.clone(), period.clone())) else {
        return Ok(None);
    };
    let held = match book.standing(&id, &period).map(|r| &r.by) {
        Some(Some(by)) => Held::By(by.clone()),
        Some(None) => Held::Ledger,
        None => Held::Registry,
    };
    let standing = Standing {
        completion: standing.clone(),
        held,
    };
    if cx.amend {
        Ok(Some(standing))
    } else {
        Err(RecordError::AlreadyRecorded {
            id,
            period,
            standing: Box::new(standing),
        })
    }
}

/// The last due date recorded without `--force`: a year after today.
fn far_limit(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(Months::new(12))
        .unwrap_or(NaiveDate::MAX)
}

fn unknown_obligation(registry: &Registry, book: Option<&Ledger>, id: &str) -> RecordError {
    let mut known: Vec<&str> = registry.obligations.iter().map(|o| o.id.as_ref()).collect();
    if let Some(book) = book {
        known.extend(book.records.iter().map(|r| r.id.as_str()));
    }
    RecordError::UnknownObligation {
        id: id.to_owned(),
        suggestion: crate::diag::suggest(id, &known).map(str::to_owned),
    }
}

fn obligation<'r>(registry: &'r Registry, id: &str) -> Result<&'r Obligation, RecordError> {
    let ob = registry
        .obligation(id)
        .ok_or_else(|| unknown_obligation(registry, None, id))?;
    if matches!(ob.rule, Rule::Ongoing) {
        return Err(RecordError::Ongoing(id.to_owned()));
    }
    Ok(ob)
}

fn is_one_off(ob: &Obligation) -> bool {
    matches!(ob.rule, Rule::Once(_) | Rule::AtInstance { .. })
}

/// The only occurrence of a one-off obligation, whenever it falls.
fn only<'r>(cx: &Context<'r>, ob: &'r Obligation) -> Option<Occurrence<'r>> {
    engine::occurrences(cx.registry, ob, NaiveDate::MIN, NaiveDate::MAX)
        .into_iter()
        .next()
}

/// The occurrence a typed period names: a key in any case (`2026-q3`), a year for a
/// per-meeting obligation, or `once` for a one-off, whatever its key.
fn occurrence<'r>(
    cx: &Context<'r>,
    ob: &'r Obligation,
    typed: &str,
) -> Result<Occurrence<'r>, RecordError> {
    let typed = typed.trim();
    let found = if typed.eq_ignore_ascii_case("once") && is_one_off(ob) {
        only(cx, ob)
    } else {
        // Calendar keys are upper case (`Q`), meeting instances as the registry writes them.
        [
            Cow::Borrowed(typed),
            Cow::Owned(typed.to_ascii_uppercase()),
            Cow::Owned(typed.to_ascii_lowercase()),
        ]
        .iter()
        .find_map(|key| engine::resolve(cx.registry, ob, key, cx.today))
    };
    found.ok_or_else(|| RecordError::UnknownPeriod {
        id: ob.id.to_string(),
        period: typed.to_owned(),
        nearest: nearest(cx, ob, typed),
    })
}

/// Up to three real periods to offer instead of `typed`: open ones first, then those
/// spelt most like it, then those due nearest today. Periods due more than a year ahead
/// are not offered, as they would need `--force`.
fn nearest(cx: &Context<'_>, ob: &Obligation, typed: &str) -> Vec<Candidate> {
    let to = far_limit(cx.today);
    let from = if is_one_off(ob) {
        NaiveDate::MIN
    } else {
        dates::add_days(cx.today, -3 * 366).unwrap_or(cx.today)
    };
    let typed = typed.to_ascii_lowercase();
    let mut found: Vec<(bool, usize, i64, Candidate)> =
        engine::occurrences(cx.registry, ob, from, to)
            .into_iter()
            .filter(|occ| !occ.period.text().eq_ignore_ascii_case(&typed))
            .filter_map(|occ| {
                let item = engine::judge(cx.registry, occ, cx.completions, cx.today);
                let due = item.occurrence.due?;
                let period = item.occurrence.period.text();
                let spelling = crate::diag::edit_distance(&typed, &period.to_ascii_lowercase());
                let candidate = Candidate {
                    period,
                    due,
                    state: item.state,
                };
                Some((
                    !item.state.is_open(),
                    spelling,
                    (due - cx.today).num_days().abs(),
                    candidate,
                ))
            })
            .collect();
    found.sort_by_key(|f| (f.0, f.1, f.2));
    found.into_iter().take(3).map(|(.., c)| c).collect()
}

/// With no period named: the oldest open occurrence; for a one-off, its only occurrence
/// even when it is history or already recorded (which [`admit`] then judges).
fn default_occurrence<'r>(
    cx: &Context<'r>,
    ob: &'r Obligation,
    book: &Ledger,
) -> Result<Occurrence<'r>, RecordError> {
    match oldest_open(cx, ob, &completions(cx.registry, book)) {
        Err(e) if is_one_off(ob) => only(cx, ob).ok_or(e),
        found => found,
    }
}

/// The oldest overdue occurrence, else the next one to fall due.
fn oldest_open<'r>(
    cx: &Context<'r>,
    ob: &'r Obligation,
    completions: &Completions,
) -> Result<Occurrence<'r>, RecordError> {
    match engine::current(cx.registry, ob, completions, cx.today) {
        // Rebuilt so that it borrows the registry only, not the completions it was judged by.
        Some(item) if item.state.is_open() => Ok(Occurrence {
            obligation: ob,
            period: item.occurrence.period.into_owned(),
            meeting: item.occurrence.meeting.map(|m| Cow::Owned(m.into_owned())),
            ..item.occurrence
        }),
        _ => Err(RecordError::NothingOpen(ob.id.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    const REGISTRY: &str = r#"schema = 1
timezone = "UTC"

[meetings.council]
name = "Council"
dates = { 2026 = "2026-04-28..2026-05-08" }

[[obligation]]
id = "annual"
title = "Yearly return, due each 31 March"
due = "03-31"
every = "year"

[[obligation]]
id = "final"
title = "Final report to Council 2026"
due = "council-2026 - 30d"

[[obligation]]
id = "known"
title = "Delivered before the registry was written"
every = "year"
due = "02-28"
done = [{ period = "2026", on = 2026-02-20 }]
"#;

    struct Fixture {
        registry: Registry,
        ledger: Location,
        completions: Completions,
        _dir: tempfile::TempDir,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let registry = crate::registry::parse(REGISTRY, Origin::File("t.toml".into())).unwrap();
        let completions = completions(&registry, &Ledger::default());
        Fixture {
            registry,
            ledger: Location {
                path: dir.path().join("ledger.toml"),
                source: ledger::Source::Given,
            },
            completions,
            _dir: dir,
        }
    }

    fn d(s: &str) -> NaiveDate {
        dates::parse_date(s).unwrap()
    }

    fn cx<'a>(f: &'a Fixture, force: bool, amend: bool) -> Context<'a> {
        Context {
            registry: &f.registry,
            ledger: &f.ledger,
            today: d("2026-12-02"),
            by: Some("ana"),
            force,
            amend,
            completions: &f.completions,
            lock_timeout: std::time::Duration::from_secs(5),
            lang: Lang::En,
        }
    }

    fn done_err(cx: &Context<'_>, id: &str, period: Option<&str>) -> RecordError {
        done(cx, id, period, None, None, None).unwrap_err()
    }

    #[test]
    fn each_mistake_is_refused_with_its_kind() {
        let f = fixture();
        let cx = cx(&f, false, false);
        match done_err(&cx, "anual", None) {
            RecordError::UnknownObligation { suggestion, .. } => {
                assert_eq!(suggestion.as_deref(), Some("annual"));
            }
            other => panic!("{other:?}"),
        }
        match done_err(&cx, "annual", Some("2026-Q1")) {
            RecordError::UnknownPeriod { nearest, .. } => {
                // Open ones first: 2026 is overdue, 2027 upcoming.
                let keys: Vec<&str> = nearest.iter().map(|c| c.period.as_str()).collect();
                assert_eq!(keys[..2], ["2026", "2027"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            done_err(&cx, "annual", Some("2072")),
            RecordError::FarPeriod { due, .. } if due == d("2072-03-31")
        ));
        assert!(matches!(
            done_err(&cx, "known", Some("2026")),
            RecordError::AlreadyRecorded { standing, .. } if standing.held == Held::Registry
        ));
        assert!(matches!(
            undo(&cx, "annual", "2026").unwrap_err(),
            RecordError::NotRecorded { .. }
        ));
        assert!(!f.ledger.path.exists());
    }

    fn annual(f: &Fixture, period: &str, force: bool, amend: bool) -> Result<String, RecordError> {
        done(
            &cx(f, force, amend),
            "annual",
            Some(period),
            None,
            None,
            None,
        )
    }

    #[test]
    fn force_and_amend_let_the_record_through() {
        let f = fixture();
        annual(&f, "2072", true, false).unwrap();
        annual(&f, "2026", false, false).unwrap();
        assert!(matches!(
            annual(&f, "2026", false, false).unwrap_err(),
            RecordError::AlreadyRecorded { standing, .. } if matches!(standing.held, Held::By(_))
        ));
        let line = annual(&f, "2026", false, true).unwrap();
        assert!(line.contains("replacing done on 2026-12-02"), "{line}");
        assert_eq!(Ledger::load(&f.ledger.path).unwrap().records.len(), 3);
    }

    #[test]
    fn a_one_off_is_named_by_once_or_taken_by_default() {
        let f = fixture();
        let cx = cx(&f, false, false);
        let line = done(&cx, "final", None, None, None, None).unwrap();
        assert!(line.starts_with("final council-2026: done-late"), "{line}");
        assert!(matches!(
            done_err(&cx, "final", Some("ONCE")),
            RecordError::AlreadyRecorded { .. }
        ));
    }

    #[test]
    fn closure_says_how_an_occurrence_was_closed() {
        let due = Some(d("2026-03-31"));
        assert_eq!(
            Closure::of(due, &Outcome::Done, d("2026-03-31")),
            Closure::Done
        );
        let late = Closure::of(due, &Outcome::Done, d("2026-04-03"));
        assert_eq!(
            (late.as_str(), late.words(Lang::En)),
            ("done-late", "3 days late".into())
        );
        assert_eq!(
            Closure::of(None, &Outcome::Done, d("2030-01-01")),
            Closure::Done
        );
        let waived = Outcome::Waived {
            reason: "merged".into(),
        };
        assert_eq!(Closure::of(due, &waived, d("2027-01-01")), Closure::Waived);
    }

    #[test]
    fn last_closed_is_the_latest_delivery_or_waiver() {
        let f = fixture();
        let mut later = cx(&f, false, false);
        later.today = d("2027-02-01");
        waive(&later, "known", "2027", "merged").unwrap();
        let book = Ledger::load(&f.ledger.path).unwrap();
        let last = last_closed(&f.registry, &completions(&f.registry, &book), later.today);
        assert!(last[0].is_none());
        let known = last[2].as_ref().unwrap();
        assert_eq!(
            (known.period.as_str(), known.closure),
            ("2027", Closure::Waived)
        );
        assert_eq!(known.completion.on, d("2027-02-01"));
    }
}
