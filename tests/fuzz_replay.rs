//! Replays the fuzz corpus and every input the fuzzers ever failed on through the same checks
//! the fuzz targets make (`fuzz/checks/`), so that a crash fixed once stays fixed without a
//! nightly toolchain.

use std::fs;
use std::path::Path;

#[path = "../fuzz/checks/ledger.rs"]
mod ledger;
#[path = "../fuzz/checks/registry.rs"]
mod registry;

fn replay(folders: &[&str], check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for folder in folders {
        for entry in fs::read_dir(root.join(folder)).expect("the folder") {
            let path = entry.expect("an entry").path();
            if path.file_name().is_some_and(|n| n == ".keep") {
                continue;
            }
            let bytes = fs::read(&path).expect("an input");
            eprintln!("replaying {}", path.display());
            check(&bytes);
            count += 1;
        }
    }
    count
}

#[test]
fn registry_inputs_replay() {
    let n = replay(
        &["fuzz/corpus/registry", "fuzz/regressions/registry"],
        registry::check,
    );
    assert!(n >= 6);
}

#[test]
fn ledger_inputs_replay() {
    let n = replay(
        &["fuzz/corpus/ledger", "fuzz/regressions/ledger"],
        ledger::check,
    );
    assert!(n >= 2);
}
