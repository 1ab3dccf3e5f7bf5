//! `due ledger`: the ledger's upkeep.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::Session;
use crate::exit::Exit;

/// Copies a single-file ledger into a folder of one file per record.
pub fn migrate(cx: &Session, to: &Path, out: &mut dyn Write) -> Result<Exit> {
    let file = match &cx.reg.origin {
        crate::model::Origin::File(path) => Some(path.as_path()),
        crate::model::Origin::Embedded => None,
    };
    writeln!(
        out,
        "{}",
        crate::team::migrate(
            &cx.ledger,
            file,
            to,
            crate::ledger::Wait {
                timeout: cx.lock_timeout,
                lang: cx.lang,
            }
        )?
    )?;
    Ok(Exit::Success)
}
