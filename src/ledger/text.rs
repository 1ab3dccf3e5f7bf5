//! The ledger in the form `due` writes it, read line by line. A general TOML parser builds a
//! tree of the whole file first, which for a ledger of 100,000 records costs seconds and
//! hundreds of MiB; this reader takes each `key = value` line as it comes. It knows only
//! that form: at the first line that strays from it (a comment after a value, a key written
//! differently, a repeated key) it gives up, and the ledger is read by the TOML parser,
//! which also words any mistake. So what it accepts, it reads exactly as TOML would.

use std::ops::Range;

use toml::Spanned;
use toml::value::Datetime;

use super::RawRecord;

/// The records of a ledger in the canonical form, with the spans the TOML parser would give
/// their values, each passed through `each` as soon as it is read (so that only one is held
/// in this form at a time); `None` when the text is not in that form.
pub(crate) fn records<T>(text: &str, mut each: impl FnMut(RawRecord) -> T) -> Option<Vec<T>> {
    let mut out = Vec::new();
    let mut block: Option<Block> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.strip_suffix('\n').unwrap_or(line);
        if body.is_empty() {
            continue;
        }
        if body.starts_with('#') {
            // TOML allows no control character but tab in a comment.
            if body.chars().any(|c| c != '\t' && is_control(c)) {
                return None;
            }
            continue;
        }
        if body == "[[record]]" {
            if let Some(done) = block.take() {
                out.push(each(done.finish()?));
            }
            block = Some(Block::default());
            continue;
        }
        let (key, value) = body.split_once(" = ")?;
        let at = start + key.len() + 3;
        let span = at..at + value.len();
        let b = block.as_mut()?;
        match key {
            "id" => set(&mut b.id, string(value, span)?)?,
            "period" => set(&mut b.period, string(value, span)?)?,
            "action" => set(&mut b.action, string(value, span)?)?,
            "on" => set(&mut b.on, datetime(value, span)?)?,
            "ref" => set(&mut b.reference, string(value, span)?)?,
            "note" => set(&mut b.note, string(value, span)?)?,
            "reason" => set(&mut b.reason, string(value, span)?)?,
            "recorded_at" => set(&mut b.recorded_at, datetime(value, span)?)?,
            "by" => set(&mut b.by, string(value, span)?)?,
            "supersedes" => set(&mut b.supersedes, strings(value, at)?)?,
            _ => return None,
        }
    }
    if let Some(done) = block {
        out.push(each(done.finish()?));
    }
    Some(out)
}

#[derive(Default)]
struct Block {
    id: Option<Spanned<String>>,
    period: Option<Spanned<String>>,
    action: Option<Spanned<String>>,
    on: Option<Spanned<Datetime>>,
    reference: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    recorded_at: Option<Spanned<Datetime>>,
    by: Option<Spanned<String>>,
    supersedes: Option<Vec<Spanned<String>>>,
}

impl Block {
    /// The record, when it has every key a record needs.
    fn finish(self) -> Option<RawRecord> {
        Some(RawRecord {
            id: self.id?,
            period: self.period?,
            action: self.action?,
            on: self.on,
            reference: self.reference,
            note: self.note,
            reason: self.reason,
            recorded_at: self.recorded_at?,
            by: self.by,
            supersedes: self.supersedes,
        })
    }
}

/// A key given twice is a TOML error, which the TOML parser is left to report.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

fn is_control(c: char) -> bool {
    c < ' ' || c == '\u{7f}'
}

/// A basic string on one line, with the escapes `due` writes.
fn string(value: &str, span: Range<usize>) -> Option<Spanned<String>> {
    match string_at(value)? {
        (text, used) if used == value.len() => Some(Spanned::new(span, text)),
        _ => None,
    }
}

/// An array of basic strings on one line, `["a", "b"]`, as `due` writes it; `at` is where
/// the value starts in the whole text.
fn strings(value: &str, at: usize) -> Option<Vec<Spanned<String>>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    let mut out = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        let (text, used) = string_at(rest)?;
        let start = at + 1 + (inner.len() - rest.len());
        out.push(Spanned::new(start..start + used, text));
        rest = &rest[used..];
        if !rest.is_empty() {
            rest = rest.strip_prefix(", ")?;
            if rest.is_empty() {
                return None;
            }
        }
    }
    Some(out)
}

/// The basic string `s` starts with, and how many bytes it takes, quotes included.
fn string_at(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 2)),
            '\\' => out.push(match chars.next()?.1 {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '"' => '"',
                '\\' => '\\',
                'u' => {
                    let mut code = 0;
                    for _ in 0..4 {
                        code = code * 16 + chars.next()?.1.to_digit(16)?;
                    }
                    char::from_u32(code)?
                }
                _ => return None,
            }),
            '\t' => out.push(c),
            c if is_control(c) => return None,
            c => out.push(c),
        }
    }
    None
}

/// A date or a date and time, as `due` writes them.
fn datetime(value: &str, span: Range<usize>) -> Option<Spanned<Datetime>> {
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b':' | b'T' | b'Z'));
    if !plain {
        return None;
    }
    Some(Spanned::new(span, value.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::ledger::{Action, Ledger, Record};

    fn toml(text: &str) -> Option<String> {
        super::super::file::toml_records(text)
            .ok()
            .map(|r| format!("{r:?}"))
    }

    /// Text with what a hand edit or a hostile file may hold: quotes, backslashes, control
    /// characters, line separators, non-ASCII.
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\t'),
                Just('\r'),
                Just('\u{1}'),
                Just('\u{7f}'),
                Just('\u{2028}'),
                Just('é'),
                Just('='),
                Just('#'),
                Just('['),
                proptest::char::range('a', 'e'),
            ],
            1..8,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    fn record() -> impl Strategy<Value = Record> {
        let day = (2020..2030i32, 1..13u32, 1..29u32)
            .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let action = prop_oneof![
            (
                day.clone(),
                proptest::option::of(text()),
                proptest::option::of(text())
            )
                .prop_map(|(on, reference, note)| Action::Done {
                    on,
                    reference,
                    note
                }),
            (day, text()).prop_map(|(on, reason)| Action::Waived { on, reason }),
            Just(Action::Undone),
        ];
        (
            text(),
            text(),
            action,
            0..2_000_000_000i64,
            proptest::option::of(text()),
            proptest::collection::vec(text(), 0..3),
        )
            .prop_map(|(id, period, action, secs, by, supersedes)| Record {
                id,
                period,
                action,
                recorded_at: chrono::DateTime::from_timestamp(secs, 0).unwrap(),
                by,
                name: None,
                supersedes,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn a_written_ledger_is_read_as_toml_reads_it(
            written in proptest::collection::vec(record(), 0..6),
        ) {
            let ledger = Ledger { records: written };
            let text = ledger.to_text();
            let fast = records(&text, |r| r).map(|r| format!("{r:?}"));
            prop_assert!(fast.is_some(), "the canonical form is not read:\n{text}");
            prop_assert_eq!(fast, toml(&text));
        }

        #[test]
        fn an_edited_ledger_is_read_as_toml_reads_it_or_left_to_toml(
            written in proptest::collection::vec(record(), 1..4),
            edits in proptest::collection::vec((any::<proptest::sample::Index>(), text(), 0..4usize), 1..4),
        ) {
            let mut text = Ledger { records: written }.to_text();
            for (at, insert, cut) in edits {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + cut).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, &insert);
            }
            if let Some(fast) = records(&text, |r| r) {
                prop_assert_eq!(Some(format!("{fast:?}")), toml(&text), "{}", text);
            }
        }
    }
}
