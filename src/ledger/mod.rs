//! The completion ledger: records of what was delivered, added under a lock and written
//! atomically, never edited or removed. Two layouts share the record format and this
//! interface: a single TOML file of `[[record]]` blocks (`file`), and a folder of one file
//! per record (`dir`), which merges in git without conflicts. See `docs/ledger.md`.

mod dir;
mod file;
mod text;

use std::fmt::Write as _;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::files;
use crate::model::{Completion, Completions, Outcome, Registry};

/// What a record says happened to one occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Done {
        on: NaiveDate,
        reference: Option<String>,
        note: Option<String>,
    },
    Waived {
        on: NaiveDate,
        reason: String,
    },
    /// Withdraws what the ledger recorded before for the same occurrence.
    Undone,
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Done { .. } => "done",
            Action::Waived { .. } => "waived",
            Action::Undone => "undone",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub period: String,
    pub action: Action,
    /// When the record was written: orders the records of one occurrence.
    pub recorded_at: DateTime<Utc>,
    pub by: Option<String>,
    /// The record's name in a folder ledger (its file name without `.toml`); a record of a
    /// single-file ledger has none.
    pub name: Option<String>,
    /// The names of the records of the same occurrence that were standing when this one was
    /// written: it replaces them. Two records that replace neither each other were made
    /// apart (in two clones), which is how a disagreement is told from a correction.
    pub supersedes: Vec<String>,
}

impl Record {
    /// A record stamped with the current time, made by `by`.
    pub fn new(id: &str, period: &str, action: Action, by: &str) -> Record {
        Record {
            id: id.to_owned(),
            period: period.to_owned(),
            action,
            recorded_at: Utc::now().trunc_subsecs(0),
            by: Some(by.to_owned()),
            name: None,
            supersedes: Vec::new(),
        }
    }

    /// Whether two records say the same about their occurrence: two people recording the
    /// same delivery do not disagree.
    pub fn agrees(&self, other: &Record) -> bool {
        self.action == other.action
            || match (&self.action, &other.action) {
                (
                    Action::Done { on, reference, .. },
                    Action::Done {
                        on: on2,
                        reference: reference2,
                        ..
                    },
                ) => on == on2 && reference == reference2,
                (Action::Waived { on, .. }, Action::Waived { on: on2, .. }) => on == on2,
                _ => false,
            }
    }

    fn key(&self) -> (&str, &str, DateTime<Utc>) {
        (&self.id, &self.period, self.recorded_at)
    }

    fn completion(&self) -> Option<Completion> {
        match &self.action {
            Action::Done {
                on,
                reference,
                note,
            } => Some(Completion {
                outcome: Outcome::Done,
                on: *on,
                reference: reference.clone(),
                note: note.clone(),
                by: self.by.clone(),
            }),
            Action::Waived { on, reason } => Some(Completion {
                outcome: Outcome::Waived {
                    reason: reason.clone(),
                },
                on: *on,
                reference: None,
                note: None,
                by: self.by.clone(),
            }),
            Action::Undone => None,
        }
    }
}

/// What is wrong in a ledger's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML reader's own words.
    Toml(String),
    NotUtf8(u8),
    UnknownKey {
        key: String,
        /// In a file of records, or in a folder's one-record file.
        in_file_of_records: bool,
    },
    TooLong {
        key: &'static str,
        bytes: usize,
    },
    NotInAction {
        key: &'static str,
        action: &'static str,
    },
    MissingForAction {
        key: &'static str,
        action: &'static str,
    },
    UnknownAction(String),
    Empty(&'static str),
    NotADate(String),
    NoTimeZone(String),
    /// A time that does not read as RFC 3339, with the reader's reason.
    BadTime {
        time: String,
        why: String,
    },
}

/// Why `due ledger migrate` cannot move a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmovable {
    /// The folder already holds records.
    FolderHoldsRecords(PathBuf),
    NotASingleFile(PathBuf),
    /// The place to move to is a file, not a folder.
    ToAFile(PathBuf),
}

/// Why the ledger could not be read or written; its `Display` is the catalogue's English.
#[derive(Debug)]
pub enum LedgerError {
    Parse {
        path: String,
        line: usize,
        col: usize,
        problem: Problem,
    },
    // The I/O error is part of the message rather than a `source`, so that it is said once.
    Read {
        path: String,
        cause: io::Error,
    },
    Write {
        path: String,
        cause: io::Error,
    },
    Migrate(Unmovable),
    Lock {
        path: String,
        cause: files::LockError,
    },
    NoDataDir,
}

impl std::error::Error for LedgerError {}

impl LedgerError {
    pub fn write(path: &Path, cause: io::Error) -> LedgerError {
        LedgerError::Write {
            path: path.display().to_string(),
            cause,
        }
    }
}

/// Why the ledger is where it is; `due validate` says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `--ledger PATH` or `DUE_LEDGER`.
    Given,
    /// The registry's `ledger` key.
    Registry,
    /// The user's data directory.
    DataDir,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub source: Source,
}

impl Location {
    /// The path and why it is the ledger: `ledger.toml (named by the registry)`.
    pub fn described(&self, lang: crate::model::Lang) -> String {
        use crate::i18n::{Msg, t};
        let why = t(
            lang,
            match self.source {
                Source::Given => Msg::LedgerGiven,
                Source::Registry => Msg::LedgerNamed,
                Source::DataDir => Msg::LedgerDefault,
            },
        );
        format!("{} ({why})", self.path.display())
    }
}

/// Where the ledger lives: the path given (flag or environment), else the registry's, else
/// `ledger.toml` in the user's data directory.
pub fn locate(given: Option<&Path>, registry: &Registry) -> Result<Location, LedgerError> {
    if let Some(path) = given.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(Location {
            path: path.to_owned(),
            source: Source::Given,
        });
    }
    if let Some(path) = &registry.ledger {
        return Ok(Location {
            path: path.clone(),
            source: Source::Registry,
        });
    }
    Ok(Location {
        path: crate::dirs::ledger_file(&registry.origin).ok_or(LedgerError::NoDataDir)?,
        source: Source::DataDir,
    })
}

/// How a ledger is kept on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One TOML file of `[[record]]` blocks.
    File,
    /// A folder of one TOML file per record, which git merges without conflicts.
    Dir,
}

impl Layout {
    /// An existing folder is a folder of records, anything else that exists (a file, or
    /// something that is refused when read) a single-file ledger. A path that does not
    /// exist yet is a single file when it ends in `.toml`, else a folder (`ledger/`).
    pub fn of(path: &Path) -> Layout {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => Layout::Dir,
            Ok(_) => Layout::File,
            Err(_) => {
                let toml = path.extension().is_some_and(|e| e == "toml")
                    && !path.as_os_str().to_string_lossy().ends_with(['/', '\\']);
                if toml { Layout::File } else { Layout::Dir }
            }
        }
    }
}

/// The ledger's bytes as text, or where the first byte that is not UTF-8 sits.
fn text(bytes: Vec<u8>, path: &Path) -> Result<String, LedgerError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let (line, col) = crate::diag::line_col(before, before.len());
        LedgerError::Parse {
            path: path.display().to_string(),
            line,
            col,
            problem: Problem::NotUtf8(bytes[valid]),
        }
    })
}

/// The largest ledger read: some hundred thousand records fit in a few tens of MiB.
pub const MAX_BYTES: u64 = 64 << 20;

#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// Sorted by id, period and recording time; records of equal key keep file order (in a
    /// folder, the order of the file names).
    pub records: Vec<Record>,
}

impl Ledger {
    /// Reads a ledger in either layout; a missing file or folder is an empty ledger.
    pub fn load(path: &Path) -> Result<Ledger, LedgerError> {
        match Layout::of(path) {
            Layout::File => file::load(path),
            Layout::Dir => dir::load(path),
        }
    }

    fn from_records(mut records: Vec<Record>) -> Ledger {
        records.sort_by(|a, b| a.key().cmp(&b.key()));
        Ledger { records }
    }

    /// Every occurrence's records, in recorded order.
    fn occurrences(&self) -> impl Iterator<Item = &[Record]> {
        self.records
            .chunk_by(|a, b| a.id == b.id && a.period == b.period)
    }

    fn of(&self, id: &str, period: &str) -> &[Record] {
        let start = self
            .records
            .partition_point(|r| (r.id.as_str(), r.period.as_str()) < (id, period));
        let len = self.records[start..]
            .partition_point(|r| (r.id.as_str(), r.period.as_str()) == (id, period));
        &self.records[start..start + len]
    }

    /// The records of one occurrence that no other record replaces, oldest first. One, as
    /// a rule; more when clones recorded the same occurrence apart.
    pub fn heads(&self, id: &str, period: &str) -> Vec<&Record> {
        heads(self.of(id, period))
    }

    /// The registry's own completions with each occurrence's standing record applied. An
    /// undo withdraws what the ledger said, leaving what the registry says.
    pub fn overlay(&self, registry: &Completions) -> Completions {
        let mut out = registry.clone();
        for records in self.occurrences() {
            let Some(record) = heads(records).pop() else {
                continue;
            };
            let key = (record.id.clone(), record.period.clone());
            match record.completion() {
                Some(c) => {
                    out.insert(key, c);
                }
                None => match registry.get(&key) {
                    Some(c) => {
                        out.insert(key, c.clone());
                    }
                    None => {
                        out.remove(&key);
                    }
                },
            }
        }
        out
    }

    /// The ledger's standing done or waived record for an occurrence, unless undone since:
    /// of its heads, the one recorded last.
    pub fn standing(&self, id: &str, period: &str) -> Option<&Record> {
        self.heads(id, period)
            .pop()
            .filter(|r| r.action != Action::Undone)
    }

    /// Occurrences whose heads disagree (done in one clone, waived in another, or two
    /// dates): each with its heads, oldest first; the last is the one listings follow.
    pub fn conflicts(&self) -> Vec<Vec<&Record>> {
        self.occurrences()
            .map(heads)
            .filter(|h| h.windows(2).any(|w| !w[0].agrees(w[1])))
            .collect()
    }

    /// Every record, newest first, optionally for one obligation.
    pub fn history(&self, id: Option<&str>) -> Vec<&Record> {
        let mut out: Vec<&Record> = self
            .records
            .iter()
            .filter(|r| id.is_none_or(|id| r.id == id))
            .collect();
        // Of the records of one second, the later written goes on top: in a folder its file
        // name sorts after (`TIME-SEQ-…`); in a file, where records are kept sorted by
        // obligation and period, only those of one occurrence are in the order written, which
        // reversing first keeps through the stable sort.
        out.reverse();
        out.sort_by_key(|r| std::cmp::Reverse((r.recorded_at, r.name.as_deref())));
        out
    }

    fn insert(&mut self, record: Record) {
        let at = self.records.partition_point(|r| r.key() <= record.key());
        self.records.insert(at, record);
    }
}

/// Of one occurrence's records in recorded order, those no other replaces. A record of a
/// single-file ledger has no name and is replaced by any later one.
fn heads(records: &[Record]) -> Vec<&Record> {
    records
        .iter()
        .enumerate()
        .filter(|(at, r)| match &r.name {
            None => at + 1 == records.len(),
            Some(name) => !records.iter().any(|s| s.supersedes.contains(name)),
        })
        .map(|(_, r)| r)
        .collect()
}

/// One record's keys, one line each, so that every key is one line of a diff.
fn write_keys(out: &mut String, r: &Record) {
    line(out, "id", &quote(&r.id));
    line(out, "period", &quote(&r.period));
    line(out, "action", &quote(r.action.name()));
    match &r.action {
        Action::Done {
            on,
            reference,
            note,
        } => {
            line(out, "on", &on.to_string());
            if let Some(reference) = reference {
                line(out, "ref", &quote(reference));
            }
            if let Some(note) = note {
                line(out, "note", &quote(note));
            }
        }
        Action::Waived { on, reason } => {
            line(out, "on", &on.to_string());
            line(out, "reason", &quote(reason));
        }
        Action::Undone => {}
    }
    line(
        out,
        "recorded_at",
        &r.recorded_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    );
    if let Some(by) = &r.by {
        line(out, "by", &quote(by));
    }
    if !r.supersedes.is_empty() {
        let names: Vec<String> = r.supersedes.iter().map(|n| quote(n)).collect();
        line(out, "supersedes", &format!("[{}]", names.join(", ")));
    }
}

fn line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

/// A TOML basic string on one line, so that every key stays one line of the diff.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() && u32::from(c) < 0x80 => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Adds the record `make` draws from the ledger as it stands under the lock, so that
/// concurrent writers all land, each seeing the others' records, and a crash leaves the
/// ledger as it was or with the record whole. The lock is waited for at most
/// `wait.timeout`.
pub fn append<E: From<LedgerError>>(
    path: &Path,
    wait: Wait,
    make: impl FnOnce(&Ledger) -> Result<Record, E>,
) -> Result<(), E> {
    match Layout::of(path) {
        Layout::File => file::append(path, wait, make),
        Layout::Dir => dir::append(path, wait, make),
    }
}

/// Copies every record of the single-file ledger `from` into the folder ledger `to`, in
/// recorded order, each replacing the one before it for its occurrence, so that the folder
/// says what the file said. The file is left as it is. Returns how many records moved.
pub fn migrate(from: &Path, to: &Path, wait: Wait) -> Result<usize, LedgerError> {
    if Layout::of(from) != Layout::File {
        let from = from.to_owned();
        return Err(LedgerError::Migrate(Unmovable::NotASingleFile(from)));
    }
    if Layout::of(to) != Layout::Dir {
        return Err(LedgerError::Migrate(Unmovable::ToAFile(to.to_owned())));
    }
    let old = file::load(from)?;
    dir::fill(to, old.records, wait)
}

/// Makes a folder ledger's folder, when it is missing, as its first record would; its own
/// folder must exist.
pub fn prepare(dir: &Path) -> Result<(), LedgerError> {
    dir::prepare(dir)
}

/// A ledger file's text (a record file's, in a folder); `None` when there is no file.
fn read(path: &Path) -> Result<Option<String>, LedgerError> {
    match files::read_regular(path, MAX_BYTES) {
        Ok(bytes) => text(bytes, path).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(cause) => Err(LedgerError::Read {
            path: path.display().to_string(),
            cause,
        }),
    }
}

/// How long a writer waits for another's lock, and the language it says so in.
#[derive(Clone, Copy, Debug)]
pub struct Wait {
    pub timeout: Duration,
    pub lang: crate::model::Lang,
}

#[cfg(test)]
impl Wait {
    /// A wait that says so in English.
    pub(crate) fn in_english(timeout: Duration) -> Wait {
        Wait {
            timeout,
            lang: crate::model::Lang::En,
        }
    }
}

/// Takes the exclusive lock beside `target`, held while a record is added and released
/// when dropped, waiting at most `wait.timeout`; says so once if it has to wait.
fn lock(target: &Path, ledger: &Path, wait: Wait) -> Result<files::Lock, LedgerError> {
    files::lock(target, wait.timeout, |lock| {
        let (ledger, lock) = (ledger.display(), lock.display());
        let args: [(&str, &dyn std::fmt::Display); 3] = [
            ("ledger", &ledger),
            ("lock", &lock),
            ("seconds", &wait.timeout.as_secs()),
        ];
        eprintln!(
            "due: {}",
            crate::i18n::f(wait.lang, crate::i18n::Msg::LockWaiting, &args)
        );
    })
    .map_err(|e| LedgerError::Lock {
        path: ledger.display().to_string(),
        cause: e,
    })
}

/// The error for a folder that should hold the ledger and does not exist.
fn no_folder(path: &Path, folder: &Path) -> LedgerError {
    let missing = format!("the folder {} does not exist", folder.display());
    LedgerError::write(path, io::Error::new(io::ErrorKind::NotFound, missing))
}

/// One record as written, before it is checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    id: Spanned<String>,
    period: Spanned<String>,
    action: Spanned<String>,
    on: Option<Spanned<Datetime>>,
    #[serde(rename = "ref")]
    reference: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    recorded_at: Spanned<Datetime>,
    by: Option<Spanned<String>>,
    supersedes: Option<Vec<Spanned<String>>>,
}

type Bad = (Range<usize>, Problem);

/// The keys a record may hold, for "did you mean".
pub(crate) const RECORD_KEYS: &[&str] = &[
    "id",
    "period",
    "action",
    "on",
    "ref",
    "note",
    "reason",
    "recorded_at",
    "by",
    "supersedes",
];

/// The error for a span of a ledger's text, as FILE:LINE:COL.
fn bad_text(text: &str, path: &Path, span: Option<Range<usize>>, problem: Problem) -> LedgerError {
    let (line, col) = crate::diag::line_col(text, span.map_or(0, |s| s.start));
    LedgerError::Parse {
        path: path.display().to_string(),
        line,
        col,
        problem,
    }
}

/// Serde's word for a misspelt key as a kind of its own, which names the closest key;
/// `in_file_of_records` says where the key was (`[[record]]`, `the record`).
fn explain(message: &str, in_file_of_records: bool) -> Problem {
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    match unknown {
        Some(name) => Problem::UnknownKey {
            key: name.to_owned(),
            in_file_of_records,
        },
        None => Problem::Toml(message.trim_end().to_string()),
    }
}

impl RawRecord {
    fn check(self) -> Result<Record, Bad> {
        let texts = [
            (Some(&self.id), "id"),
            (Some(&self.period), "period"),
            (self.reference.as_ref(), "ref"),
            (self.note.as_ref(), "note"),
            (self.reason.as_ref(), "reason"),
            (self.by.as_ref(), "by"),
        ];
        let names = self
            .supersedes
            .iter()
            .flatten()
            .map(|n| (Some(n), "supersedes"));
        for (field, key) in texts.into_iter().chain(names) {
            if let Some(field) = field
                && field.get_ref().len() > crate::diag::MAX_TEXT_BYTES
            {
                let bytes = field.get_ref().len();
                return Err((field.span(), Problem::TooLong { key, bytes }));
            }
        }
        let id = nonempty(self.id, "id")?;
        let period = nonempty(self.period, "period")?;
        let recorded_at = timestamp(&self.recorded_at)?;
        let action_span = self.action.span();
        let on = self.on.as_ref().map(date).transpose()?;
        let by = self.by.map(Spanned::into_inner).filter(|b| !b.is_empty());
        let forbid = |field: &Option<Spanned<String>>, key, action| match field {
            Some(f) => Err((f.span(), Problem::NotInAction { key, action })),
            None => Ok(()),
        };
        let action = match self.action.get_ref().as_str() {
            "done" => {
                forbid(&self.reason, "reason", "done")?;
                Action::Done {
                    on: on.ok_or_else(|| (action_span.clone(), missing("on", "done")))?,
                    reference: self.reference.map(Spanned::into_inner),
                    note: self.note.map(Spanned::into_inner),
                }
            }
            "waived" => {
                forbid(&self.reference, "ref", "waived")?;
                forbid(&self.note, "note", "waived")?;
                Action::Waived {
                    on: on.ok_or_else(|| (action_span.clone(), missing("on", "waived")))?,
                    reason: self
                        .reason
                        .map(Spanned::into_inner)
                        .filter(|r| !r.trim().is_empty())
                        .ok_or_else(|| (action_span.clone(), missing("reason", "waived")))?,
                }
            }
            "undone" => {
                if let Some(on) = &self.on {
                    return Err((
                        on.span(),
                        Problem::NotInAction {
                            key: "on",
                            action: "undone",
                        },
                    ));
                }
                forbid(&self.reference, "ref", "undone")?;
                forbid(&self.note, "note", "undone")?;
                forbid(&self.reason, "reason", "undone")?;
                Action::Undone
            }
            other => {
                return Err((action_span, Problem::UnknownAction(other.to_owned())));
            }
        };
        let supersedes = self
            .supersedes
            .unwrap_or_default()
            .into_iter()
            .map(|name| nonempty(name, "supersedes"))
            .collect::<Result<_, _>>()?;
        Ok(Record {
            id,
            period,
            action,
            recorded_at,
            by,
            name: None,
            supersedes,
        })
    }
}

fn missing(key: &'static str, action: &'static str) -> Problem {
    Problem::MissingForAction { key, action }
}

fn nonempty(value: Spanned<String>, key: &'static str) -> Result<String, Bad> {
    if value.get_ref().trim().is_empty() {
        return Err((value.span(), Problem::Empty(key)));
    }
    Ok(value.into_inner())
}

fn date(value: &Spanned<Datetime>) -> Result<NaiveDate, Bad> {
    let dt = value.get_ref();
    let bad = || (value.span(), Problem::NotADate(dt.to_string()));
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

fn timestamp(value: &Spanned<Datetime>) -> Result<DateTime<Utc>, Bad> {
    let dt = value.get_ref();
    if dt.date.is_none() || dt.time.is_none() || dt.offset.is_none() {
        return Err((value.span(), Problem::NoTimeZone(dt.to_string())));
    }
    DateTime::parse_from_rfc3339(&dt.to_string())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            let (time, why) = (dt.to_string(), e.to_string());
            (value.span(), Problem::BadTime { time, why })
        })
}

#[cfg(test)]
pub(super) mod tests {
    use std::fs;

    use super::*;

    pub(super) fn d(s: &str) -> NaiveDate {
        crate::dates::parse_date(s).unwrap()
    }

    pub(super) fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    pub(super) fn rec(id: &str, period: &str, action: Action, time: &str) -> Record {
        Record {
            id: id.into(),
            period: period.into(),
            action,
            recorded_at: at(time),
            by: Some("ana".into()),
            name: None,
            supersedes: Vec::new(),
        }
    }

    pub(super) fn done(on: &str) -> Action {
        Action::Done {
            on: d(on),
            reference: Some("C26/5".into()),
            note: Some("two lines\n\"quoted\" \\ \t\u{7f}\u{1} é".into()),
        }
    }

    fn parse(text: &str) -> Result<Ledger, LedgerError> {
        Ledger::parse(text, Path::new("l.toml"))
    }

    fn put(path: &Path, record: Record) -> Result<(), LedgerError> {
        append(path, Wait::in_english(Duration::from_secs(1)), |_| {
            Ok::<_, LedgerError>(record)
        })
    }

    fn parse_error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn text_round_trips_in_sorted_order() {
        let mut ledger = Ledger::default();
        ledger.insert(rec("b", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"));
        ledger.insert(rec("a", "2027", Action::Undone, "2027-03-05T10:00:00Z"));
        ledger.insert(rec(
            "a",
            "2027",
            Action::Waived {
                on: d("2027-03-01"),
                reason: "merged into the annual report".into(),
            },
            "2027-03-01T10:00:00Z",
        ));
        let text = ledger.to_text();
        assert!(
            text.contains("note = \"two lines\\n\\\"quoted\\\" \\\\ \\t\\u007F\\u0001 é\"\n"),
            "{text}"
        );
        let back = parse(&text).unwrap();
        assert_eq!(back.records, ledger.records);
        let ids: Vec<_> = back
            .records
            .iter()
            .map(|r| (&*r.id, r.action.name()))
            .collect();
        assert_eq!(ids, [("a", "waived"), ("a", "undone"), ("b", "done")]);
        assert_eq!(back.to_text(), text);
    }

    #[test]
    fn records_of_the_same_second_keep_their_order() {
        let mut ledger = Ledger::default();
        ledger.insert(rec("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"));
        ledger.insert(rec("a", "2027", Action::Undone, "2027-03-02T10:00:00Z"));
        let back = parse(&ledger.to_text()).unwrap();
        assert_eq!(back.records[1].action, Action::Undone);
        assert!(back.standing("a", "2027").is_none());
        assert_eq!(back.history(None)[0].action, Action::Undone);
    }

    #[test]
    fn overlay_applies_records_in_order_and_undo_restores_the_registry() {
        let registry_done = Completion {
            outcome: Outcome::Done,
            on: d("2026-02-01"),
            reference: Some("from the registry".into()),
            note: None,
            by: None,
        };
        let base: Completions = [(("a".to_owned(), "2026".to_owned()), registry_done.clone())]
            .into_iter()
            .collect();
        let mut ledger = Ledger::default();
        ledger.insert(rec("a", "2026", done("2026-02-03"), "2026-03-01T00:00:00Z"));
        ledger.insert(rec("b", "2027", done("2027-02-03"), "2027-03-01T00:00:00Z"));
        let out = ledger.overlay(&base);
        assert_eq!(out[&("a".into(), "2026".into())].on, d("2026-02-03"));
        assert_eq!(out[&("b".into(), "2027".into())].on, d("2027-02-03"));

        ledger.insert(rec("a", "2026", Action::Undone, "2026-03-02T00:00:00Z"));
        ledger.insert(rec("b", "2027", Action::Undone, "2027-03-02T00:00:00Z"));
        let out = ledger.overlay(&base);
        assert_eq!(out[&("a".into(), "2026".into())], registry_done);
        assert!(!out.contains_key(&("b".into(), "2027".into())));
    }

    #[test]
    fn history_is_newest_first_and_filters() {
        let mut ledger = Ledger::default();
        ledger.insert(rec("a", "2026", done("2026-02-03"), "2026-03-01T00:00:00Z"));
        ledger.insert(rec("b", "2026", done("2026-02-03"), "2026-03-03T00:00:00Z"));
        ledger.insert(rec("a", "2027", done("2027-02-03"), "2026-03-02T00:00:00Z"));
        let all: Vec<_> = ledger
            .history(None)
            .iter()
            .map(|r| (&*r.id, &*r.period))
            .collect();
        assert_eq!(all, [("b", "2026"), ("a", "2027"), ("a", "2026")]);
        assert_eq!(ledger.history(Some("a")).len(), 2);
    }

    #[test]
    fn empty_text_is_an_empty_ledger() {
        assert!(parse("").unwrap().records.is_empty());
        assert!(parse(file::HEADER).unwrap().records.is_empty());
    }

    #[test]
    fn errors_name_line_and_column() {
        let good = "[[record]]\nid = \"a\"\nperiod = \"2027\"\naction = \"done\"\non = 2027-03-01\nrecorded_at = 2027-03-01T10:00:00Z\n";
        assert!(parse(good).is_ok());

        let e = parse_error(&good.replace("on = 2027", "colour = \"red\"\non = 2027"));
        assert!(
            e.starts_with("l.toml:5:1: unknown key `colour` in [[record]] (expected one of: id,"),
            "{e}"
        );
        let e = parse_error(&good.replace("on = 2027", "refs = \"C27/1\"\non = 2027"));
        assert!(
            e.starts_with("l.toml:5:1: unknown key `refs` in [[record]] (did you mean `ref`?)"),
            "{e}"
        );

        let e = parse_error(&good.replace("on = 2027-03-01", "on = 2027-03-01T10:00:00"));
        assert!(e.starts_with("l.toml:5:6: "), "{e}");
        assert!(e.contains("expected a bare date"), "{e}");

        let e = parse_error(&good.replace("\"done\"", "\"finished\""));
        assert!(
            e.starts_with("l.toml:4:10: unknown action `finished`"),
            "{e}"
        );

        let e = parse_error(&good.replace("on = 2027-03-01\n", ""));
        assert!(
            e.starts_with("l.toml:4:10: a `done` record needs `on`"),
            "{e}"
        );

        let e = parse_error(&good.replace("10:00:00Z", "10:00:00"));
        assert!(e.contains("no time zone"), "{e}");

        let e = parse_error(&good.replace("period = \"2027\"\n", ""));
        assert!(e.contains("missing field `period`"), "{e}");

        let e = parse_error("[[record]\n");
        assert!(e.starts_with("l.toml:1:"), "{e}");
        assert!(e.contains("the ledger was left as it is"), "{e}");

        let e = parse_error(&good.replace("action = \"done\"", "action = \"undone\""));
        assert!(e.contains("`on` does not belong"), "{e}");
    }

    #[test]
    fn append_creates_then_extends_and_refuses_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        put(
            &path,
            rec("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
        )
        .unwrap();
        put(
            &path,
            rec("a", "2026", done("2026-03-01"), "2026-03-02T10:00:00Z"),
        )
        .unwrap();
        let ledger = Ledger::load(&path).unwrap();
        let periods: Vec<_> = ledger.records.iter().map(|r| &*r.period).collect();
        assert_eq!(periods, ["2026", "2027"]);

        fs::write(&path, "[[record]]\nid = \n").unwrap();
        let e = put(
            &path,
            rec("a", "2028", done("2028-03-01"), "2028-03-02T10:00:00Z"),
        );
        assert!(
            matches!(e, Err(LedgerError::Parse { line: 2, .. })),
            "{e:?}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "[[record]]\nid = \n");
    }

    #[cfg(unix)]
    #[test]
    fn append_keeps_the_file_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        fs::write(&path, "").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        put(
            &path,
            rec("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
        )
        .unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn append_refuses_a_read_only_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        fs::write(&path, "").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let e = put(
            &path,
            rec("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
        );
        assert!(matches!(e, Err(LedgerError::Write { .. })), "{e:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "");
    }
}
