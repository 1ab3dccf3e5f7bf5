//! What must hold for any bytes read as a ledger: reading fails with a message or succeeds;
//! what reads writes back to text that reads as the same records, and overlays the
//! registry's completions. Shared by the fuzz target and by the test that replays the corpus
//! and every crash found.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use due::engine;
use due::ledger::Ledger;
use due::model::{Completions, Registry};
use due::registry;

static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| registry::load_embedded().expect("the embedded registry loads"));

pub fn check(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let path = Path::new("fuzz.ledger.toml");
    let ledger = match Ledger::parse(text, path) {
        Ok(ledger) => ledger,
        Err(err) => {
            assert!(err.to_string().starts_with("fuzz.ledger.toml:"));
            return;
        }
    };
    let written = ledger.to_text();
    let reread = Ledger::parse(&written, path)
        .unwrap_or_else(|e| panic!("the ledger's own text does not read back: {e}\n{written}"));
    assert_eq!(reread.records, ledger.records, "{written}");
    let reg = &*REGISTRY;
    let known: Completions = reg
        .obligations
        .iter()
        .flat_map(|o| o.known_completions())
        .collect();
    let completions = ledger.overlay(&known);
    let _ = ledger.history(None);
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a real day");
    let until = NaiveDate::from_ymd_opt(2027, 6, 15).expect("a real day");
    let _ = engine::agenda(reg, &completions, today, until);
    let _ = engine::status(reg, &completions, today);
}
