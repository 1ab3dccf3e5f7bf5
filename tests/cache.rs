//! A large registry is kept checked in the cache directory: the second run reads the
//! cache, and the cache never changes an answer.

use assert_cmd::Command;

/// A registry large enough to be cached: `n` yearly obligations, each due on `day`.
fn registry(n: usize, day: &str) -> String {
    let mut text = String::from("schema = 1\ntracking_since = 2026-01-01\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[obligation]]\nid = \"o{i}\"\ntitle = \"Rapport annuel sur la mise en œuvre, numéro {i}, avec un titre assez long\"\nevery = \"year\"\ndue = \"{day}\"\n"
        ));
    }
    text
}

fn csv(path: &std::path::Path, cache: &std::path::Path) -> String {
    let out = Command::cargo_bin("due")
        .unwrap()
        .env("DUE_CACHE_DIR", cache)
        .env("DUE_LEDGER", cache.join("absent-ledger.toml"))
        .args([
            "--registry",
            path.to_str().unwrap(),
            "--today",
            "2026-11-28",
        ])
        .args(["--next", "90d", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_cache_is_used_renewed_and_never_trusted_blindly() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let path = dir.path().join("registry.toml");
    std::fs::write(&path, registry(800, "12-01")).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 64 * 1024);

    let first = csv(&path, &cache);
    assert_eq!(first.lines().count(), 801);
    assert!(first.contains("o799,2026,2026-12-01,3,due-soon"), "{first}");
    let files: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
    assert_eq!(files.len(), 1, "one cache file per registry");
    let cached = files[0].as_ref().unwrap().path();
    assert_eq!(
        csv(&path, &cache),
        first,
        "the cached registry answers the same"
    );

    // A changed registry is parsed again, and its cache replaced.
    std::fs::write(&path, registry(800, "12-02")).unwrap();
    let changed = csv(&path, &cache);
    assert!(
        changed.contains("o799,2026,2026-12-02,4,due-soon"),
        "{changed}"
    );
    assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);

    // A damaged cache file is ignored, whether cut short or with a byte changed.
    let whole = std::fs::read(&cached).unwrap();
    let half = whole.len() / 2;
    std::fs::write(&cached, &whole[..half]).unwrap();
    assert_eq!(csv(&path, &cache), changed);
    let mut flipped = whole.clone();
    flipped[half] ^= 0x20;
    std::fs::write(&cached, &flipped).unwrap();
    assert_eq!(csv(&path, &cache), changed);
    assert_eq!(std::fs::read(&cached).unwrap(), whole, "and rewritten");
}

#[test]
fn an_empty_cache_dir_setting_turns_the_cache_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registry.toml");
    std::fs::write(&path, registry(800, "12-01")).unwrap();
    Command::cargo_bin("due")
        .unwrap()
        .env("DUE_CACHE_DIR", "")
        .env("HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path().join("xdg"))
        .env("DUE_LEDGER", dir.path().join("absent-ledger.toml"))
        .args(["--registry", path.to_str().unwrap(), "validate"])
        .assert()
        .success();
    assert!(!dir.path().join("xdg").exists());
}

/// From 1 MiB on, the registry's key and the copy's checksum are computed while the copy
/// is read, on faith that it is current; the copy must still be dropped when either fails.
#[test]
fn a_large_registry_is_checked_while_its_copy_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let path = dir.path().join("registry.toml");
    std::fs::write(&path, registry(10_000, "12-01")).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 1 << 20);
    let first = csv(&path, &cache);
    assert_eq!(first.lines().count(), 10_001);
    assert_eq!(csv(&path, &cache), first, "read back from the copy");
    let cached = std::fs::read_dir(&cache)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();

    // Changed, yet dated before its copy (restored from a backup, say).
    std::fs::write(&path, registry(10_000, "12-02")).unwrap();
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(946_684_800);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let changed = csv(&path, &cache);
    assert!(
        changed.contains("o9999,2026,2026-12-02,4,due-soon"),
        "{changed}"
    );

    // A copy damaged here and there, newer than the registry.
    let whole = std::fs::read(&cached).unwrap();
    for at in [200, whole.len() / 2, whole.len() * 7 / 8, whole.len() - 100] {
        let mut flipped = whole.clone();
        flipped[at] ^= 0x41;
        std::fs::write(&cached, &flipped).unwrap();
        assert_eq!(csv(&path, &cache), changed, "byte {at} changed");
        assert_eq!(std::fs::read(&cached).unwrap(), whole, "and rewritten");
    }
}
