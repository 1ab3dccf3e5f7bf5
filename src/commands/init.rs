//! `due init`: a registry to start from, alone or in a team's repository.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::exit::Exit;
use crate::i18n::{self, Msg};
use crate::model::Lang;
use crate::registry;
use crate::usage::UsageError;

/// `due init --team DIR`: the registry, a ledger folder and a README in DIR.
pub fn team(dir: &Path, force: bool, lang: Lang, out: &mut dyn Write) -> Result<Exit> {
    for path in crate::team::init(dir, force)? {
        let path = path.display();
        writeln!(out, "{}", i18n::f(lang, Msg::Wrote, &[("path", &path)]))?;
    }
    writeln!(out, "{}", crate::team::next_steps(dir, lang))?;
    Ok(Exit::Success)
}

/// `due init [PATH]`: the embedded registry, written to PATH or the config directory.
pub fn file(path: Option<PathBuf>, force: bool, lang: Lang, out: &mut dyn Write) -> Result<Exit> {
    let path = match path {
        Some(p) => p,
        None => crate::dirs::registry_file()
            .context("no home directory to find the config directory in: give a PATH")?,
    };
    if path.exists() && !force {
        return Err(UsageError::Exists(path).into());
    }
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        crate::files::create_private_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    crate::atomic::replace(&path, registry::EMBEDDED.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let shown = path.display();
    writeln!(out, "{}", i18n::f(lang, Msg::Wrote, &[("path", &shown)]))?;
    writeln!(out, "{}", crate::dirs::init_hint(&path, lang))?;
    Ok(Exit::Success)
}
