//! What the registry and ledger readers share to say where a mistake is and what was
//! meant: line and column of a byte offset, the closest known word, and the TOML parser's
//! messages in the catalogue's form.

use std::ops::Range;

/// The most text one field of a registry or ledger may hold: far beyond any title, note or
/// quoted clause, and small enough that no listing has to work hard over it.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// 1-based line and column (in characters) of a byte offset, in registries and ledgers.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The closest allowed key, for "did you mean".
pub fn suggest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min()
        .map(|(_, a)| a)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The TOML parser's message in the loader's form: `what is wrong (what was expected)`, and a
/// duplicate key named.
pub fn toml_message(text: &str, e: &toml::de::Error, span: Range<usize>) -> String {
    let message = e.message().trim_end();
    if message == "duplicate key" {
        let key = text.get(span).unwrap_or_default().trim();
        return format!("duplicate key `{key}` (expected each key once in a table)");
    }
    match message.split_once(", expected ") {
        Some((what, expected)) => format!("{what} (expected {expected})"),
        None => message.to_string(),
    }
}
