//! The single-file layout: one TOML file of `[[record]]` blocks, kept sorted, rewritten
//! whole under the lock and replaced atomically on every write.

use std::fs;
use std::io;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Ledger, LedgerError, RawRecord, Record, Wait};
use crate::files;

pub(super) const HEADER: &str = "\
# Completion ledger of `due`: written by `due done`, `due waive` and `due undo`.
# One [[record]] per action, sorted by obligation, period and time; nothing is ever removed.
";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    record: Vec<Spanned<RawRecord>>,
}

/// The records as the TOML parser reads them: any ledger, at a cost for a large one.
pub(super) fn toml_records(text: &str) -> Result<Vec<RawRecord>, toml::de::Error> {
    let file: RawFile = toml::from_str(text)?;
    Ok(file.record.into_iter().map(Spanned::into_inner).collect())
}

/// Reads a ledger file; a missing file is an empty ledger.
pub(super) fn load(path: &Path) -> Result<Ledger, LedgerError> {
    match super::read(path)? {
        Some(text) => Ledger::parse(&text, path),
        None => Ok(Ledger::default()),
    }
}

impl Ledger {
    /// Reads the text of a single-file ledger; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Ledger, LedgerError> {
        let fail = |span, message| super::bad_text(text, path, span, message);
        // The form `due` writes is read line by line; any other by the TOML parser.
        let checked = match super::text::records(text, RawRecord::check) {
            Some(checked) => checked,
            None => toml_records(text)
                .map_err(|e| fail(e.span(), super::explain(e.message(), true)))?
                .into_iter()
                .map(RawRecord::check)
                .collect(),
        };
        let records = checked
            .into_iter()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|(span, message)| fail(Some(span), message))?;
        Ok(Ledger::from_records(records))
    }

    /// The file's text: a header, then one block per record in sorted order.
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEADER);
        for r in &self.records {
            out.push_str("\n[[record]]\n");
            super::write_keys(&mut out, r);
        }
        out
    }
}

/// Under the lock, reads the file again, adds the record and replaces the file whole. A
/// ledger that is a symbolic link is written through, locked beside its target.
pub(super) fn append<E: From<LedgerError>>(
    path: &Path,
    wait: Wait,
    make: impl FnOnce(&Ledger) -> Result<Record, E>,
) -> Result<(), E> {
    let write_error = |e| LedgerError::write(path, e);
    let target = files::resolve(path).map_err(write_error)?;
    let dir = files::folder(&target);
    if !dir.is_dir() {
        return Err(super::no_folder(path, dir).into());
    }
    // The lock lives in its own file because the ledger itself is replaced on every write,
    // and a lock on a replaced file would protect nothing.
    let lock = super::lock(&target, path, wait)?;

    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(write_error(e).into()),
    };
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        // Renaming over a read-only file would succeed; its mode says not to.
        let denied = io::Error::new(io::ErrorKind::PermissionDenied, "the file is read-only");
        return Err(write_error(denied).into());
    }
    let mut ledger = load(&target)?;
    let record = make(&ledger)?;
    ledger.insert(record);
    crate::atomic::replace(&target, ledger.to_text().as_bytes()).map_err(write_error)?;
    drop(lock);
    Ok(())
}
