//! The exit statuses `due` promises to scripts and cron lines.

/// 0 success; 1 a non-empty listing under `--exit-code`; 2 usage errors and bad input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The command did what was asked (with `--exit-code`: and found nothing to list).
    Success = 0,
    /// With `--exit-code`: the listing was not empty, as `git diff --exit-code`.
    Listed = 1,
    /// A usage error or bad input: registry, ledger, dates, arguments.
    Error = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}
