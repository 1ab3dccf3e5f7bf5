//! README's examples are produced by the binary: this test fails when they go stale, and
//! `UPDATE_README=1 cargo test --test readme` rewrites them.

use std::process::Command;

const MARK: &str = "<!-- example: due ";

/// The README with every example block replaced by what its command prints now.
fn regenerate(readme: &str) -> String {
    let mut out = String::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let Some(args) = line.strip_prefix(MARK).and_then(|r| r.strip_suffix(" -->")) else {
            continue;
        };
        let fence = lines.next().expect("a code block after the example mark");
        assert_eq!(fence, "```text", "example blocks are ```text fences");
        for inner in lines.by_ref() {
            if inner == "```" {
                break;
            }
        }
        // Keep a user's own registry and ledger out of the examples.
        let output = crate::common::without_settings(&mut Command::new(env!("CARGO_BIN_EXE_due")))
            .args(args.split_whitespace())
            .env("COLUMNS", "130")
            .output()
            .unwrap();
        assert!(output.status.success(), "due {args}: {output:?}");
        out.push_str(fence);
        out.push('\n');
        out.push_str(&String::from_utf8(output.stdout).unwrap());
        out.push_str("```\n");
    }
    out
}

#[test]
fn readme_examples_match_the_binary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let fresh = regenerate(&readme);
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, &fresh).unwrap();
        return;
    }
    assert!(
        fresh.contains("Status as of 2026-11-09"),
        "the status example is missing"
    );
    assert_eq!(
        readme, fresh,
        "README examples are stale: run UPDATE_README=1 cargo test --test readme"
    );
}
