use std::io::{self, Write};

use super::{Cell, Export, Listing};

/// An array of objects, one per row and one row per line, with every data column under its
/// key. Rows are written as they are made.
pub struct Json;

/// Appends a cell as a JSON value.
fn push_cell(line: &mut Vec<u8>, cell: &Cell) {
    match cell {
        Cell::Text(s) => push_text(line, s),
        // A calendar period's key is digits, a dash and a letter: nothing to escape.
        Cell::Period(key) => match key.digits() {
            Some(digits) => quoted(line, digits.as_bytes()),
            None => key.with_text(|s| push_text(line, s)),
        },
        Cell::Date(d) => match super::iso_digits(*d) {
            Some(digits) => quoted(line, &digits),
            None => json(line, &d.to_string()),
        },
        Cell::Int(n) => line.extend_from_slice(itoa::Buffer::new().format(*n).as_bytes()),
        Cell::Span(span) => {
            line.push(b'"');
            line.extend_from_slice(itoa::Buffer::new().format(span.count).as_bytes());
            line.push(span.unit.letter() as u8);
            line.push(b'"');
        }
        Cell::Bool(b) => line.extend_from_slice(if *b { b"true" } else { b"false" }),
        Cell::Null => line.extend_from_slice(b"null"),
        Cell::DueLabel { .. } | Cell::DaysLabel { .. } => json(line, &cell.plain()),
    }
}

/// Appends text as a JSON string. Text that needs no escape (most of it) is copied as it
/// is; the rest goes through serde_json.
fn push_text(line: &mut Vec<u8>, s: &str) {
    if needs_escape(s) {
        json(line, s);
    } else {
        quoted(line, s.as_bytes());
    }
}

/// Appends text that needs no escape as a JSON string.
fn quoted(line: &mut Vec<u8>, text: &[u8]) {
    line.push(b'"');
    line.extend_from_slice(text);
    line.push(b'"');
}

/// A value through serde_json, which fails only when its writer does, and a vector does not.
fn json<T: serde::Serialize + ?Sized>(line: &mut Vec<u8>, value: &T) {
    let _ = serde_json::to_writer(line, value);
}

/// Whether JSON needs an escape for some byte of the text: quotes, backslashes, controls.
/// Looked for eight bytes at a time, in one word: most cells are too short for a vector
/// loop, and a byte at a time costs several instructions each.
fn needs_escape(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(last) = bytes.len().checked_sub(8) else {
        // Padded with spaces, which need no escape.
        let mut word = [b' '; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        return escape_in(word);
    };
    let word = |at: usize| escape_in(bytes[at..at + 8].try_into().expect("eight bytes"));
    // Whole words, then the last eight bytes, which may overlap the last whole word.
    (0..last).step_by(8).any(word) || word(last)
}

/// Whether some byte of a word needs an escape in JSON.
fn escape_in(word: [u8; 8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let w = u64::from_ne_bytes(word);
    // Sets the high bit of some byte when a byte of `w` is below `n` (at most 128).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let equal = |w: u64, b: u8| below(w ^ (ONES * u64::from(b)), 1);
    below(w, 0x20) | equal(w, b'"') | equal(w, b'\\') != 0
}

/// How many bytes of rows are handed on to the writer at a time.
const FLUSH_AT: usize = 1 << 16;

/// How long a [`Piece`] copied in one block can be.
const BLOCK: usize = 32;

/// Bytes written into every row, such as a key: when short, kept in a block of a fixed size,
/// copied whole and then cut to length. A copy of a constant size compiles to a few moves,
/// where one of any size calls `memcpy`, and a row has fifteen keys or more.
enum Piece {
    Short { block: [u8; BLOCK], len: usize },
    Long(Vec<u8>),
}

impl Piece {
    fn new(bytes: Vec<u8>) -> Piece {
        let mut block = [0; BLOCK];
        match block.get_mut(..bytes.len()) {
            Some(start) => {
                start.copy_from_slice(&bytes);
                Piece::Short {
                    block,
                    len: bytes.len(),
                }
            }
            None => Piece::Long(bytes),
        }
    }

    fn put(&self, line: &mut Vec<u8>) {
        match self {
            Piece::Short { block, len } => {
                line.extend_from_slice(block);
                line.truncate(line.len() - (BLOCK - len));
            }
            Piece::Long(bytes) => line.extend_from_slice(bytes),
        }
    }
}

impl Export for Json {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        if listing.is_empty() {
            return writeln!(out, "[]");
        }
        // The keys, quoted once: `"id":`, `,"period":`, …, each also with the `null` that
        // most optional columns write, so that it takes one copy.
        let keys: Vec<(usize, Piece, Piece)> = listing
            .data()
            .enumerate()
            .map(|(i, (n, key))| {
                let mut quoted = Vec::from(if i == 0 { "{" } else { "," });
                serde_json::to_writer(&mut quoted, key).expect("a key serialises");
                quoted.push(b':');
                let null = [&quoted[..], b"null"].concat();
                (n, Piece::new(quoted), Piece::new(null))
            })
            .collect();
        // Rows are written into one buffer, handed on whenever it holds `FLUSH_AT` bytes:
        // copied once, where a row of its own would be copied again into the writer's buffer.
        let (mut line, mut rows) = (Vec::with_capacity(2 * FLUSH_AT), listing.rows());
        let mut opening: &[u8] = b"[\n";
        while let Some(row) = rows.next_row() {
            line.extend_from_slice(opening);
            opening = b",\n";
            for (column, key, null) in &keys {
                match &row.cells[*column] {
                    Cell::Null => null.put(&mut line),
                    cell => {
                        key.put(&mut line);
                        push_cell(&mut line, cell);
                    }
                }
            }
            line.push(b'}');
            if line.len() >= FLUSH_AT {
                out.write_all(&line)?;
                line.clear();
            }
        }
        line.extend_from_slice(b"\n]\n");
        out.write_all(&line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Emphasis;

    #[test]
    fn keeps_types_and_escapes_text() {
        let mut l = Listing::new(&[
            ("id", Some("ID")),
            ("days", None),
            ("tentative", None),
            ("meeting", None),
        ]);
        l.push(
            vec![
                Cell::text("a\"b\nc"),
                Cell::Int(-3),
                Cell::Bool(true),
                Cell::Null,
            ],
            Emphasis::None,
        );
        let mut out = Vec::new();
        Json.export(&l, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        insta::assert_snapshot!(text, @r#"
        [
        {"id":"a\"b\nc","days":-3,"tentative":true,"meeting":null}
        ]
        "#);
    }

    #[test]
    fn keys_longer_than_a_block_are_written_whole() {
        let long = "a_key_longer_than_the_thirty_two_byte_block";
        let mut l = Listing::new(&[("id", None), (long, None), ("n", None)]);
        l.push(
            vec![Cell::text("x"), Cell::Null, Cell::Int(7)],
            Emphasis::None,
        );
        l.push(
            vec![Cell::text("y"), Cell::text("z"), Cell::Null],
            Emphasis::None,
        );
        let mut out = Vec::new();
        Json.export(&l, &mut out).unwrap();
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            rows,
            vec![
                serde_json::json!({"id": "x", long: null, "n": 7}),
                serde_json::json!({"id": "y", long: "z", "n": null}),
            ]
        );
    }
}
