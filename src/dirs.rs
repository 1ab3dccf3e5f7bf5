//! The user's directories for `due`, asked for in one place under one name.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "due")
}

/// The registry's file name: `due` reads it from the working directory first, as cargo or
/// make read theirs, so that a team's repository needs no flag.
pub const REGISTRY_NAME: &str = "obligations.toml";

/// The registry `due` reads when none is named, and `due init` writes by default:
/// `obligations.toml` in the config directory (`~/.config/due/` on Linux).
pub fn registry_file() -> Option<PathBuf> {
    Some(project()?.config_dir().join(REGISTRY_NAME))
}

/// The ledger used when neither the command line nor the registry names one: `ledger.toml`
/// in the data directory (`~/.local/share/due/` on Linux).
pub fn ledger_file() -> Option<PathBuf> {
    Some(project()?.data_dir().join("ledger.toml"))
}
