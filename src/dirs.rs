//! Where `due` finds its files: the registry it reads and the user's directories, asked for in
//! one place under one name.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::i18n::{self, Msg};
use crate::model::{Lang, Origin};

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

/// Which registry a command reads, and why: the one named (`--registry`, `DUE_REGISTRY`),
/// else `obligations.toml` in the working directory, else the one in the config directory,
/// else the embedded one (no path).
pub fn find_registry(given: Option<PathBuf>) -> (Option<PathBuf>, Found) {
    if let Some(path) = given.filter(|p| !p.as_os_str().is_empty()) {
        return (Some(path), Found::Given);
    }
    let here = PathBuf::from(REGISTRY_NAME);
    if here.is_file() {
        return (Some(here), Found::WorkingDirectory);
    }
    match registry_file().filter(|path| path.is_file()) {
        Some(path) => (Some(path), Found::ConfigDirectory),
        None => (None, Found::Embedded),
    }
}

/// Why the registry read is the one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// `--registry` or `DUE_REGISTRY`.
    Given,
    WorkingDirectory,
    ConfigDirectory,
    Embedded,
}

impl Found {
    /// In words: `from --registry or DUE_REGISTRY`.
    pub fn why(self, lang: Lang) -> &'static str {
        i18n::t(
            lang,
            match self {
                Found::Given => Msg::FoundGiven,
                Found::WorkingDirectory => Msg::FoundHere,
                Found::ConfigDirectory => Msg::FoundConfig,
                Found::Embedded => Msg::FoundEmbedded,
            },
        )
    }
}

/// How the file `due init` wrote will be found, so that the next command reads it.
pub fn init_hint(path: &Path, lang: Lang) -> String {
    let here = PathBuf::from(REGISTRY_NAME);
    let same = |other: &Path| {
        std::fs::canonicalize(path)
            .ok()
            .is_some_and(|p| std::fs::canonicalize(other).ok() == Some(p))
    };
    if same(&here) {
        return i18n::t(lang, Msg::HintHere).to_owned();
    }
    if registry_file().is_some_and(|default| same(&default)) {
        return i18n::t(lang, Msg::HintDefault).to_owned();
    }
    let shown = path.display();
    let key = if path.file_name().is_some_and(|n| n == REGISTRY_NAME) {
        Msg::HintPassOrRunThere
    } else {
        Msg::HintPass
    };
    i18n::f(lang, key, &[("path", &shown)])
}

/// The ledger used when neither the command line nor the registry names one, in the data
/// directory (`~/.local/share/due/` on Linux): `ledger.toml` for the embedded registry, and
/// for a registry file one of its own, `ledgers/NAME-KEY.toml`, NAME the file's stem and
/// KEY drawn from its absolute path. Two registries never share a default ledger, so one's
/// records are never judged against the other's obligations.
pub fn ledger_file(registry: &Origin) -> Option<PathBuf> {
    let data = project()?.data_dir().to_owned();
    Some(match registry {
        Origin::Embedded => data.join("ledger.toml"),
        Origin::File(path) => {
            let absolute = std::fs::canonicalize(path)
                .or_else(|_| std::path::absolute(path))
                .unwrap_or_else(|_| path.clone());
            let stem = path
                .file_stem()
                .map_or("registry".into(), |s| s.to_string_lossy());
            let stem: String = stem
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || "-_.".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .take(64)
                .collect();
            data.join("ledgers").join(format!(
                "{stem}-{:016x}.toml",
                fnv1a(absolute.as_os_str().as_encoded_bytes())
            ))
        }
    })
}

/// FNV-1a, 64 bits: a file-name key that stays the same across builds and platforms (std's
/// hasher promises neither). Not a defence against anyone: it only tells paths apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_registry_file_has_its_own_default_ledger() {
        let Some(embedded) = ledger_file(&Origin::Embedded) else {
            return; // no home directory here
        };
        assert!(embedded.ends_with("ledger.toml"));
        let a = ledger_file(&Origin::File("/srv/a/obligations.toml".into())).unwrap();
        let b = ledger_file(&Origin::File("/srv/b/obligations.toml".into())).unwrap();
        assert_ne!(a, b);
        assert_ne!(a, embedded);
        let name = a.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with("obligations-") && name.ends_with(".toml"),
            "{name}"
        );
        assert_eq!(
            a,
            ledger_file(&Origin::File("/srv/a/obligations.toml".into())).unwrap()
        );
    }

    #[test]
    fn the_key_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
