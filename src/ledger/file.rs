//! The single-file layout: one TOML file of `[[record]]` blocks, kept sorted, rewritten
//! whole under the lock and replaced atomically on every write.

use std::fs;
use std::io;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Ledger, LedgerError, RawRecord, Record};

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

/// Reads a ledger file; a missing file is an empty ledger.
pub(super) fn load(path: &Path) -> Result<Ledger, LedgerError> {
    match fs::read_to_string(path) {
        Ok(text) => Ledger::parse(&text, path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Ledger::default()),
        Err(cause) => Err(LedgerError::Read {
            path: path.display().to_string(),
            cause,
        }),
    }
}

impl Ledger {
    /// Reads the text of a single-file ledger; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Ledger, LedgerError> {
        let fail = |span, message| super::bad_text(text, path, span, message);
        let file: RawFile = toml::from_str(text)
            .map_err(|e| fail(e.span(), super::explain(e.message(), "[[record]]")))?;
        let records = file
            .record
            .into_iter()
            .map(|raw| raw.into_inner().check())
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

/// Under the lock, reads the file again, adds the record and replaces the file whole.
pub(super) fn append<E: From<LedgerError>>(
    path: &Path,
    make: impl FnOnce(&Ledger) -> Result<Record, E>,
) -> Result<(), E> {
    let dir = super::parent(path);
    let mut lock_name = path.file_name().unwrap_or_default().to_owned();
    lock_name.push(".lock");
    if !dir.is_dir() {
        return Err(super::no_folder(path, &dir).into());
    }
    let lock = super::lock(&dir.join(lock_name), path)?;

    let existing = match fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(LedgerError::write(path, e).into()),
    };
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        // Renaming over a read-only file would succeed; its mode says not to.
        let denied = io::Error::new(io::ErrorKind::PermissionDenied, "the file is read-only");
        return Err(LedgerError::write(path, denied).into());
    }
    let mut ledger = load(path)?;
    let record = make(&ledger)?;
    ledger.insert(record);

    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        // An existing ledger keeps its own mode.
        existing.as_ref().map(|m| m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = None;
    crate::atomic::replace(path, ledger.to_text().as_bytes(), mode)
        .map_err(|e| LedgerError::write(path, e))?;
    drop(lock);
    Ok(())
}
