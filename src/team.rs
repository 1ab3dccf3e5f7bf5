//! Working as a team in git: `due init --team`, moving a single-file ledger to a folder,
//! and the conflicts between records made in different clones as `due validate` tells them.

use std::fs;
use std::path::{Path, PathBuf};

use std::io::Read as _;

use anyhow::{Context, Result};

use crate::i18n::{self, Msg};
use crate::ledger::{self, Layout, Ledger, Location, Record};
use crate::model::{Lang, Origin, Registry};
use crate::registry;
use crate::usage::UsageError;

/// The ledger's place in a team repository, relative to the registry.
const LEDGER: &str = "ledger/";

/// What the ledger folder says about itself to someone browsing the repository.
const LEDGER_README: &str = "\
# The ledger

What was delivered, as `due done`, `due waive` and `due undo` recorded it: one small file
per record, never edited or removed. Records made in different clones are different files,
so `git pull` and merge requests combine them without conflicts.

Do not edit these files: record again instead (the new record supersedes the old one). If
two clones recorded the same occurrence differently, `due validate` says so; record it
again to settle it. The format is described in `docs/ledger.md` of `due`'s sources.
";

/// The repository's README: how the team works with it.
const README: &str = "\
# Reporting obligations

`obligations.toml` is the registry of what is due; `ledger/` records what was delivered,
one file per record. Both are read by `due`.

## Working as a team

Each officer works in a clone of this repository. `due` run in the clone reads its
`obligations.toml`; `DUE_REGISTRY` makes it the registry from any directory (cron too):

```sh
git clone git@forge.example.org:secretariat/obligations.git && cd obligations
export DUE_REGISTRY=$PWD/obligations.toml   # in your shell profile
git pull --rebase                           # first take the others' records
due done council-annual-report --ref C27/12 # record a delivery: a new file in ledger/
git add ledger && git commit -m \"Council annual report delivered\"
git pull --rebase && git push
```

Records from different clones never conflict: `git pull` (merge or `--rebase`) and the
forge's merge button combine them. When two people record the same report differently
(done and waived, or two dates), both records stay, listings follow the later one, and
`due validate` names both: record the report again to settle it. Run `due validate` in CI
on every push.

A registry change is reviewed like code: `git show HEAD~1:obligations.toml | due diff -`
lists the deadlines it adds, removes or moves.

The server that mails reminders works from a clone too, and pulls first:

```cron
0 7 * * 1-5  cd /srv/obligations && git pull -q --ff-only; due --registry obligations.toml remind --mail --to wsis@example.org | ifne /usr/sbin/sendmail -t
```
";

/// Writes a team repository's files into `dir`: the shipped registry with its ledger in
/// the folder beside it, the ledger folder, and a README on working as a team. Returns what
/// it wrote.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    let registry_path = dir.join("obligations.toml");
    let readme = dir.join("README.md");
    let ledger_dir = dir.join(LEDGER);
    let ledger_readme = ledger_dir.join("README.md");
    if !force {
        for path in [&registry_path, &readme, &ledger_readme] {
            if path.exists() {
                return Err(UsageError::Exists(path.clone()).into());
            }
        }
    }
    fs_err::create_dir_all(dir)?;
    ledger::prepare(&ledger_dir)?;
    let text = with_ledger(registry::EMBEDDED, LEDGER);
    for (path, text) in [
        (&registry_path, text.as_str()),
        (&readme, README),
        (&ledger_readme, LEDGER_README),
    ] {
        crate::atomic::replace(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    // The folder's `.gitignore` is written with the folder, not over one a team keeps.
    Ok([
        registry_path,
        ledger_dir.join(".gitignore"),
        ledger_readme,
        readme,
    ]
    .into_iter()
    .filter(|p| p.exists())
    .collect())
}

/// What to do after `due init --team DIR`: `due` reads the repository's registry when run
/// in the clone, and from anywhere once `DUE_REGISTRY` names it.
pub fn next_steps(dir: &Path, lang: Lang) -> String {
    i18n::f(lang, Msg::TeamNextSteps, &[("dir", &dir.display())])
}

/// The registry's text with its top-level `ledger` key set to `place`: an existing key is
/// replaced, else the key goes after `schema`, before any table.
fn with_ledger(text: &str, place: &str) -> String {
    let line = format!(
        "ledger = \"{place}\"                # one file per record, merged by git (docs/ledger.md)"
    );
    let mut out = String::with_capacity(text.len() + line.len() + 1);
    let mut placed = false;
    let mut in_table = false;
    for l in text.lines() {
        in_table |= l.trim_start().starts_with('[');
        let key = l.split('=').next().unwrap_or("").trim();
        if !in_table && !placed && key == "ledger" {
            out.push_str(&line);
            placed = true;
        } else {
            out.push_str(l);
        }
        out.push('\n');
        if !in_table && !placed && key == "schema" {
            out.push_str(&line);
            out.push('\n');
            placed = true;
        }
    }
    if !placed {
        out.insert_str(0, &format!("{line}\n"));
    }
    out
}

/// Moves the ledger in use, a single file, to the folder `to`, and says what is left to do.
pub fn migrate(
    from: &Location,
    registry_file: Option<&Path>,
    to: &Path,
    wait: ledger::Wait,
) -> Result<String> {
    let count = ledger::migrate(&from.path, to, wait)?;
    let lang = wait.lang;
    let (old, new) = (from.path.display(), to.display());
    let args: [(&str, &dyn std::fmt::Display); 3] = [("n", &count), ("from", &old), ("to", &new)];
    let one_or_many = if count == 1 {
        Msg::CopiedRecord
    } else {
        Msg::CopiedRecords
    };
    let mut out = i18n::f(lang, one_or_many, &args);
    let key = match registry_file.and_then(|r| relative_to_registry(r, to)) {
        Some(rel) => format!("ledger = \"{rel}/\""),
        None => format!("ledger = \"{}/\"", to.display()),
    };
    out.push('\n');
    out.push_str(&i18n::f(
        lang,
        Msg::MigrateNext,
        &[("key", &key), ("from", &old)],
    ));
    Ok(out)
}

/// `to` as the registry's `ledger` key would name it, when it is in the registry's folder.
fn relative_to_registry(registry_file: &Path, to: &Path) -> Option<String> {
    let home = fs::canonicalize(registry_file).ok()?.parent()?.to_owned();
    let to = fs::canonicalize(to).ok()?;
    Some(to.strip_prefix(&home).ok()?.to_str()?.to_owned())
}

/// A registry to compare with: a file, or `-` for standard input, which is named
/// `(standard input)` in errors.
pub fn read_registry(path: &Path) -> Result<Registry> {
    if path.as_os_str() != "-" {
        return Ok(registry::load_file(path)?);
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .context("cannot read the older registry from standard input")?;
    Ok(registry::parse(
        &text,
        Origin::File(PathBuf::from("(standard input)")),
    )?)
}

/// `due validate`'s lines for the occurrences recorded differently in two places: the
/// occurrence, both records with their files, which one listings follow, and how to settle
/// it.
pub fn conflicts(location: &Location, book: &Ledger, lang: Lang) -> Vec<String> {
    book.conflicts()
        .into_iter()
        .map(|heads| {
            let first = heads[0];
            let (id, period) = (&first.id, &first.period);
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("id", id), ("period", period), ("n", &heads.len())];
            let mut text = i18n::f(lang, Msg::Conflict, &args);
            for (at, r) in heads.iter().enumerate() {
                let stands = if at + 1 == heads.len() {
                    i18n::t(lang, Msg::ConflictStands)
                } else {
                    ""
                };
                let sep = i18n::t(lang, Msg::TitleSeparator);
                text.push_str(&format!(
                    "\n  {}{sep}{}{stands}",
                    file_of(location, r),
                    summary(r, lang)
                ));
            }
            text.push_str("\n  ");
            text.push_str(&i18n::f(
                lang,
                Msg::ConflictSettle,
                &[("id", id), ("period", period)],
            ));
            text
        })
        .collect()
}

fn file_of(location: &Location, r: &Record) -> String {
    match (&r.name, Layout::of(&location.path)) {
        (Some(name), Layout::Dir) => location
            .path
            .join(format!("{name}.toml"))
            .display()
            .to_string(),
        _ => location.path.display().to_string(),
    }
}

/// One record in words: what, when, by whom.
fn summary(r: &Record, lang: Lang) -> String {
    let mut what = match &r.action {
        ledger::Action::Done { on, reference, .. } => {
            let mut what = i18n::f(lang, Msg::DescribeDone, &[("on", on)]);
            if let Some(reference) = reference {
                what.push_str(&i18n::f(lang, Msg::VerdictRef, &[("text", reference)]));
            }
            what
        }
        ledger::Action::Waived { on, reason } => {
            i18n::f(lang, Msg::ConflictWaived, &[("on", on), ("reason", reason)])
        }
        ledger::Action::Undone => i18n::t(lang, Msg::StateWithdrawn).to_owned(),
    };
    if let Some(by) = &r.by {
        what.push_str(", ");
        what.push_str(&i18n::f(lang, Msg::RecordedBy, &[("name", by)]));
    }
    let at = r.recorded_at.format("%Y-%m-%dT%H:%M:%SZ");
    what.push_str(&i18n::f(lang, Msg::ConflictRecordedAt, &[("at", &at)]));
    what
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_team_registry_names_its_ledger_folder() {
        let text = with_ledger(registry::EMBEDDED, LEDGER);
        let reg = registry::parse(
            &text,
            crate::model::Origin::File(PathBuf::from("/team/obligations.toml")),
        )
        .unwrap();
        assert_eq!(reg.ledger, Some(PathBuf::from("/team/ledger/")));
        let shipped = registry::load_embedded().unwrap();
        assert_eq!(reg.obligations.len(), shipped.obligations.len());

        let replaced = with_ledger("schema = 1\nledger = \"old.toml\"\n[x]\nledger = 1\n", "l/");
        assert!(
            replaced.starts_with("schema = 1\nledger = \"l/\""),
            "{replaced}"
        );
        assert!(replaced.ends_with("[x]\nledger = 1\n"), "{replaced}");
        assert!(with_ledger("title = \"t\"\n", "l/").starts_with("ledger = \"l/\""));
    }
}
