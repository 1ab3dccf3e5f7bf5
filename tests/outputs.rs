//! The one-pass reader and the whole-document reader give the same answers.
//!
//! A valid registry's obligations are read straight from the parser's events; any other
//! layout is read as a whole document, as every registry used to be. Writing the first
//! header `[[ obligation ]]` (spaced, the same TOML) sends a registry down the second path, so
//! the outputs of the two copies are the outputs before and after the one-pass reader: they
//! must be the same bytes, for the built-in registry, the fixtures and synthetic registries of
//! both profiles (`examples/synth.rs`, with and without `--plain`).

use std::path::{Path, PathBuf};

use crate::common::{due, fixture, synth_binary};

/// What is asked of every registry: listings over a short and a long window in the
/// machine-readable formats, and the views that show every field of an obligation.
const QUESTIONS: &[&[&str]] = &[
    &["--next", "90d", "--format", "json"],
    &["--until", "2029-12-31", "--format", "csv"],
    &["list", "--format", "json"],
    &["status", "--format", "json"],
    &["meetings", "--format", "json"],
    &["remind", "--next", "200d", "--format", "json"],
];

/// The same registry with its first `[[obligation]]` header spaced, which the one-pass
/// reader leaves to the whole-document reader.
fn whole_document_copy(registry: &Path, dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(registry).expect("the registry is text");
    let at = text
        .find("[[obligation]]")
        .unwrap_or_else(|| panic!("{} has no [[obligation]]", registry.display()));
    let spaced = format!(
        "{}[[ obligation ]]{}",
        &text[..at],
        &text[at + "[[obligation]]".len()..]
    );
    let copy = dir.join(format!(
        "whole-{}",
        registry.file_name().expect("a file").to_string_lossy()
    ));
    std::fs::write(&copy, spaced).expect("the copy is written");
    copy
}

fn answers(registry: &Path, today: &str) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    QUESTIONS
        .iter()
        .map(|args| {
            let out = due()
                .arg("--registry")
                .arg(registry)
                .args(["--today", today])
                .args(*args)
                .output()
                .expect("due runs");
            let code = format!("{args:?}: exit {:?}", out.status.code());
            (code, out.stdout, out.stderr)
        })
        .collect()
}

fn same_answers(registry: &Path, today: &str) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let copy = whole_document_copy(registry, dir.path());
    let (one_pass, whole) = (answers(registry, today), answers(&copy, today));
    assert!(
        one_pass.iter().any(|(_, out, _)| out.len() > 100),
        "{}: due printed next to nothing",
        registry.display()
    );
    for (a, b) in one_pass.iter().zip(&whole) {
        assert_eq!(a.0, b.0, "{}", registry.display());
        assert!(
            a.1 == b.1,
            "{}: {} prints other bytes read in one pass than read whole",
            registry.display(),
            a.0
        );
        assert!(
            a.2 == b.2,
            "{}: {} says other things on stderr",
            registry.display(),
            a.0
        );
    }
}

#[test]
fn the_built_in_registry_and_the_fixtures() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let built_in = dir.path().join("obligations.toml");
    due().arg("init").arg(&built_in).assert().success();
    same_answers(&built_in, "2026-11-28");
    for name in [
        "feeds.toml",
        "hostile.toml",
        "quiet.toml",
        "secretariat.toml",
    ] {
        same_answers(&fixture(name), "2027-03-01");
    }
}

#[test]
fn synthetic_registries_of_both_profiles() {
    let synth = synth_binary();
    for plain in [false, true] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let out = std::process::Command::new(&synth)
            .args(["--obligations", "400", "--seed", "7", "--roll", "previous"])
            .args(plain.then_some("--plain"))
            .arg("--out")
            .arg(dir.path())
            .output()
            .expect("the generator runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        same_answers(&dir.path().join("registry.toml"), "2026-11-28");
    }
}
