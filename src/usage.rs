//! Mistakes on the command line that only the command line can make: an id `show` does not
//! know, a `--next` or `--at` it cannot read, a file `init` would overwrite. Each is a kind whose `Display` is the
//! catalogue's English; a French reader gets the French entry.

use std::fmt;

use crate::dates::SpanError;
use crate::engine::AtError;
use crate::i18n;
use crate::model::Lang;

#[derive(Debug)]
pub enum UsageError {
    /// `due show` of an id the registry does not have.
    UnknownObligation {
        id: String,
        registry: String,
        ids: Vec<String>,
    },
    Next(SpanError),
    /// `--next` reaches past the last date the calendar can hold.
    NextTooFar,
    At {
        at: String,
        error: AtError,
    },
    /// `due init` would overwrite a file without `--force`.
    Exists(std::path::PathBuf),
    LockTimeoutOnListing,
    /// An option given to a command that does not take it.
    NotTaken {
        command: String,
        option: String,
    },
    /// `--format ics` on a command that does not list occurrences.
    IcsHere,
    FormatWithMail,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&i18n::errors::usage(self, Lang::En))
    }
}

impl std::error::Error for UsageError {}
