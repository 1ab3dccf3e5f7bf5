//! The user's directories for `due`, asked for in one place under one name.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "due")
}

/// The registry `due` reads when none is named, and `due init` writes by default:
/// `obligations.toml` in the config directory (`~/.config/due/` on Linux).
pub fn registry_file() -> Option<PathBuf> {
    Some(project()?.config_dir().join("obligations.toml"))
}

/// The ledger used when neither the command line nor the registry names one: `ledger.toml`
/// in the data directory (`~/.local/share/due/` on Linux).
pub fn ledger_file() -> Option<PathBuf> {
    Some(project()?.data_dir().join("ledger.toml"))
}
