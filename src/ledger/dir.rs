//! The folder layout: one small TOML file per record, written once and never changed,
//! named so that two records never share a name. Records made in different clones are
//! different files, so git merges them (merge, rebase, a forge's button) with no conflict
//! and no set-up in any clone.

use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::io;
use std::path::Path;

use super::{Ledger, LedgerError, RawRecord, Record, Unmovable, Wait};

/// What the lock taken while a record is added is named after: `.due.lock`.
const LOCK: &str = ".due";

/// Keeps what is local to one clone out of the repository.
const IGNORE: &str = "\
# Local to each clone: the lock `due` takes while it adds a record, and the temporary
# file a killed writer may leave behind.
/.due.lock
/.*.tmp
";

const HEADER: &str = "\
# A record of `due`'s ledger. Never edited: a later record supersedes it.
";

/// Reads every `*.toml` file of the folder as one record, in file-name order; other files
/// (a README, `.gitignore`, the lock) are not records. A missing folder is an empty ledger.
pub(super) fn load(dir: &Path) -> Result<Ledger, LedgerError> {
    let unreadable = |cause| LedgerError::Read {
        path: dir.display().to_string(),
        cause,
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Ledger::default()),
        Err(e) => return Err(unreadable(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(unreadable)?;
        let file_name = entry.file_name();
        let Some(stem) = file_name.to_str().and_then(|n| n.strip_suffix(".toml")) else {
            continue;
        };
        if !stem.starts_with('.') && !entry.path().is_dir() {
            names.push(stem.to_owned());
        }
    }
    names.sort_unstable();
    let records = names
        .into_iter()
        .map(|stem| read(dir, stem))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Ledger::from_records(records))
}

fn read(dir: &Path, stem: String) -> Result<Record, LedgerError> {
    let path = dir.join(format!("{stem}.toml"));
    let missing = || io::Error::new(io::ErrorKind::NotFound, "the record file went away");
    let text = super::read(&path)?.ok_or_else(|| LedgerError::Read {
        path: path.display().to_string(),
        cause: missing(),
    })?;
    let fail = |span, message| super::bad_text(&text, &path, span, message);
    let raw: RawRecord =
        toml::from_str(&text).map_err(|e| fail(e.span(), super::explain(e.message(), false)))?;
    let mut record = raw.check().map_err(|(span, m)| fail(Some(span), m))?;
    record.name = Some(stem);
    Ok(record)
}

/// Under the lock, reads the folder again and adds the record as a new file.
pub(super) fn append<E: From<LedgerError>>(
    dir: &Path,
    wait: Wait,
    make: impl FnOnce(&Ledger) -> Result<Record, E>,
) -> Result<(), E> {
    prepare(dir)?;
    let lock = super::lock(&dir.join(LOCK), dir, wait)?;
    let ledger = load(dir)?;
    let record = make(&ledger)?;
    add(dir, &ledger, record)?;
    drop(lock);
    Ok(())
}

/// Writes `records` (in recorded order) into a folder that holds none yet.
pub(super) fn fill(dir: &Path, records: Vec<Record>, wait: Wait) -> Result<usize, LedgerError> {
    prepare(dir)?;
    let _lock = super::lock(&dir.join(LOCK), dir, wait)?;
    let mut ledger = load(dir)?;
    if !ledger.records.is_empty() {
        let dir = dir.to_owned();
        return Err(LedgerError::Migrate(Unmovable::FolderHoldsRecords(dir)));
    }
    let count = records.len();
    for record in records {
        let written = add(dir, &ledger, record)?;
        ledger.insert(written);
    }
    Ok(count)
}

/// Makes the folder when it is missing, with a `.gitignore` for what is local to a clone.
/// Its own folder must exist: a mistyped path is not made silently.
pub(super) fn prepare(dir: &Path) -> Result<(), LedgerError> {
    if dir.is_dir() {
        return Ok(());
    }
    let parent = crate::files::folder(dir);
    if !parent.is_dir() {
        return Err(super::no_folder(dir, parent));
    }
    match fs::create_dir(dir) {
        Ok(()) => {}
        // Made by a writer running at the same moment, which writes the `.gitignore`.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(LedgerError::write(dir, e)),
    }
    crate::atomic::create(&dir.join(".gitignore"), IGNORE.as_bytes())
        .map_err(|e| LedgerError::write(dir, e))
}

/// Writes `record` as a new file that supersedes the occurrence's standing records, and
/// returns it as written.
fn add(dir: &Path, ledger: &Ledger, mut record: Record) -> Result<Record, LedgerError> {
    record.supersedes = ledger
        .heads(&record.id, &record.period)
        .into_iter()
        .filter_map(|r| r.name.clone())
        .collect();
    let mut text = String::from(HEADER);
    super::write_keys(&mut text, &record);
    let stamp = record.recorded_at.format("%Y%m%dT%H%M%SZ").to_string();
    let seq = ledger
        .records
        .iter()
        .filter_map(|r| r.name.as_deref()?.strip_prefix(&stamp)?.get(1..4))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .map_or(0, |n| n + 1);
    loop {
        let name = format!(
            "{stamp}-{seq:03}-{}-{}-{}",
            safe(&record.id, 60),
            safe(&record.period, 30),
            unique()
        );
        match crate::atomic::create(&dir.join(format!("{name}.toml")), text.as_bytes()) {
            Ok(()) => {
                record.name = Some(name);
                return Ok(record);
            }
            // Another suffix; with 40 random bits this is all but unreachable.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(LedgerError::write(dir, e)),
        }
    }
}

/// Text for a file name: letters, digits, `-`, `_` and `.` kept, anything else `-`, cut to
/// `max` characters, so that names are the same on every system git checks them out on.
fn safe(text: &str, max: usize) -> String {
    text.chars()
        .take(max)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Eight random lower-case letters and digits (40 bits), so that records made in two clones
/// in the same second for the same occurrence still have two names.
fn unique() -> String {
    const DIGITS: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    // Each `RandomState` is keyed from the operating system's randomness.
    let mut bits = RandomState::new().hash_one((std::process::id(), std::time::SystemTime::now()));
    (0..8)
        .map(|_| {
            let c = DIGITS[(bits % 32) as usize];
            bits /= 32;
            char::from(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::ledger::tests::{d, done, rec as record};
    use crate::ledger::{self, Action, Layout};

    fn put(dir: &Path, record: Record) {
        ledger::append(dir, Wait::in_english(Duration::from_secs(1)), |_| {
            Ok::<_, LedgerError>(record)
        })
        .unwrap();
    }

    fn put_all(dir: &Path, records: impl IntoIterator<Item = Record>) {
        for r in records {
            put(dir, r);
        }
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    /// Copies the records of `from` into `to`, as a merge of two clones does.
    fn merge(from: &Path, to: &Path) {
        for name in files(from) {
            if name.ends_with(".toml") {
                fs::copy(from.join(&name), to.join(&name)).unwrap();
            }
        }
    }

    #[test]
    fn the_layout_follows_the_path() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(Layout::of(&tmp.path().join("ledger.toml")), Layout::File);
        assert_eq!(Layout::of(&tmp.path().join("ledger")), Layout::Dir);
        assert_eq!(Layout::of(&tmp.path().join("ledger.toml/")), Layout::Dir);
        assert_eq!(Layout::of(tmp.path()), Layout::Dir);
        fs::write(tmp.path().join("old"), "").unwrap();
        assert_eq!(Layout::of(&tmp.path().join("old")), Layout::File);
    }

    #[test]
    fn history_lists_records_of_one_second_in_the_order_they_were_made() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ledger");
        let second = "2027-03-01T10:00:00Z";
        put_all(
            &dir,
            [
                record("zeta", "2027", done("2027-03-01"), second),
                record("alpha", "2027", done("2027-03-01"), second),
                record("mid", "2027", done("2027-03-01"), second),
                record("alpha", "2027", Action::Undone, second),
            ],
        );
        let ledger = Ledger::load(&dir).unwrap();
        let newest_first: Vec<(&str, bool)> = ledger
            .history(None)
            .iter()
            .map(|r| (r.id.as_str(), r.action == Action::Undone))
            .collect();
        assert_eq!(
            newest_first,
            [
                ("alpha", true),
                ("mid", false),
                ("alpha", false),
                ("zeta", false)
            ]
        );
    }

    #[test]
    fn each_record_is_a_file_that_supersedes_the_one_before() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ledger");
        put_all(
            &dir,
            [
                record("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
                record("a", "2027", Action::Undone, "2027-03-02T10:00:00Z"),
                record("b/c", "2027-Q1", done("2027-03-01"), "2027-03-02T10:00:00Z"),
            ],
        );
        let names = files(&dir);
        assert_eq!(names[..2], [".due.lock", ".gitignore"]);
        assert!(
            fs::read_to_string(dir.join(".gitignore"))
                .unwrap()
                .contains("/.due.lock")
        );
        let records: Vec<&String> = names.iter().filter(|n| n.ends_with(".toml")).collect();
        assert_eq!(records.len(), 3);
        assert!(
            records[0].starts_with("20270302T100000Z-000-a-2027-"),
            "{names:?}"
        );
        assert!(
            records[1].starts_with("20270302T100000Z-001-a-2027-"),
            "{names:?}"
        );
        assert!(
            records[2].starts_with("20270302T100000Z-002-b-c-2027-Q1-"),
            "{names:?}"
        );

        let ledger = Ledger::load(&dir).unwrap();
        let a: Vec<&Record> = ledger.records.iter().filter(|r| r.id == "a").collect();
        assert_eq!(a[1].supersedes, [a[0].name.clone().unwrap()]);
        assert!(a[0].supersedes.is_empty());
        assert!(ledger.standing("a", "2027").is_none());
        assert!(ledger.standing("b/c", "2027-Q1").is_some());
        assert!(ledger.conflicts().is_empty());
        let text = fs::read_to_string(dir.join(records[1])).unwrap();
        assert!(text.starts_with(HEADER), "{text}");
        assert!(text.contains("\naction = \"undone\"\n"), "{text}");
        assert!(
            text.contains(&format!(
                "\nsupersedes = [\"{}\"]\n",
                &records[0][..records[0].len() - 5]
            )),
            "{text}"
        );
    }

    #[test]
    fn records_made_apart_are_heads_and_disagreeing_heads_conflict() {
        let tmp = tempfile::tempdir().unwrap();
        let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
        put(
            &one,
            record("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
        );
        put(
            &two,
            record("a", "2027", done("2027-03-01"), "2027-03-02T11:00:00Z"),
        );
        put(
            &two,
            record("b", "2027", done("2027-03-01"), "2027-03-02T11:00:00Z"),
        );
        merge(&two, &one);
        let ledger = Ledger::load(&one).unwrap();
        assert_eq!(ledger.heads("a", "2027").len(), 2);
        // The same delivery recorded twice is no disagreement.
        assert!(ledger.conflicts().is_empty());

        put(
            &two,
            record(
                "c",
                "2027",
                Action::Waived {
                    on: d("2027-03-04"),
                    reason: "not needed".into(),
                },
                "2027-03-04T09:00:00Z",
            ),
        );
        put(
            &one,
            record("c", "2027", done("2027-03-03"), "2027-03-03T09:00:00Z"),
        );
        merge(&two, &one);
        let ledger = Ledger::load(&one).unwrap();
        let conflicts = ledger.conflicts();
        assert_eq!(conflicts.len(), 1);
        let actions: Vec<&str> = conflicts[0].iter().map(|r| r.action.name()).collect();
        assert_eq!(actions, ["done", "waived"]);
        // The later record stands.
        assert_eq!(
            ledger.standing("c", "2027").unwrap().action.name(),
            "waived"
        );

        // A record made after the merge supersedes both and settles it.
        put(
            &one,
            record("c", "2027", done("2027-03-03"), "2027-03-05T09:00:00Z"),
        );
        let ledger = Ledger::load(&one).unwrap();
        assert!(ledger.conflicts().is_empty());
        assert_eq!(ledger.heads("c", "2027").len(), 1);
        assert_eq!(ledger.standing("c", "2027").unwrap().action.name(), "done");
    }

    #[test]
    fn a_broken_record_is_reported_in_its_file_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("ledger");
        put(
            &dir,
            record("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
        );
        let broken = dir.join("20270303T000000Z-000-a-2027-zzzzzzzz.toml");
        fs::write(
            &broken,
            "id = \"a\"\nperiod = \"2027\"\nactoin = \"done\"\n",
        )
        .unwrap();
        fs::write(dir.join("README.md"), "not a record").unwrap();
        let before = files(&dir);
        let e = ledger::append(&dir, Wait::in_english(Duration::from_secs(1)), |_| {
            Ok::<_, LedgerError>(record(
                "a",
                "2028",
                done("2028-03-01"),
                "2028-03-02T10:00:00Z",
            ))
        })
        .unwrap_err()
        .to_string();
        let at = format!(
            "{}:3:1: unknown key `actoin` in the record (did you mean `action`?)",
            broken.display()
        );
        assert!(e.starts_with(&at), "{e}");
        assert_eq!(files(&dir), before);
    }

    #[test]
    fn migration_keeps_every_record_and_what_it_means() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("ledger.toml");
        let dir = tmp.path().join("ledger");
        put_all(
            &file,
            [
                record("a", "2027", done("2027-03-01"), "2027-03-02T10:00:00Z"),
                record("a", "2027", Action::Undone, "2027-03-02T10:00:00Z"),
                record("a", "2026", done("2026-03-01"), "2026-03-02T10:00:00Z"),
                record("a", "2026", done("2026-03-05"), "2026-03-06T10:00:00Z"),
            ],
        );
        assert_eq!(
            ledger::migrate(&file, &dir, Wait::in_english(Duration::from_secs(1))).unwrap(),
            4
        );
        let old = Ledger::load(&file).unwrap();
        let new = Ledger::load(&dir).unwrap();
        let strip = |l: &Ledger| -> Vec<Record> {
            l.records
                .iter()
                .map(|r| Record {
                    name: None,
                    supersedes: Vec::new(),
                    ..r.clone()
                })
                .collect()
        };
        assert_eq!(strip(&new), strip(&old));
        assert_eq!(
            new.overlay(&Default::default()),
            old.overlay(&Default::default())
        );
        assert!(new.conflicts().is_empty());
        let order = |l: &Ledger| -> Vec<(String, &'static str)> {
            l.history(None)
                .iter()
                .map(|r| (r.period.clone(), r.action.name()))
                .collect()
        };
        assert_eq!(order(&new), order(&old));

        let again = ledger::migrate(&file, &dir, Wait::in_english(Duration::from_secs(1)))
            .unwrap_err()
            .to_string();
        assert!(again.contains("already holds records"), "{again}");
        let wrong = ledger::migrate(
            &dir,
            &tmp.path().join("x"),
            Wait::in_english(Duration::from_secs(1)),
        )
        .unwrap_err()
        .to_string();
        assert!(wrong.contains("is not a single-file ledger"), "{wrong}");
    }
}
