use std::io::{self, Write};

use super::{Cell, Export, Listing};

/// An array of objects, one per row and one row per line, with every data column under its
/// key. Rows are written as they are made.
pub struct Json;

/// Appends a cell as a JSON value. Text that needs no escaping (most of it) is copied as
/// it is; the rest goes through serde_json.
fn push_cell(line: &mut Vec<u8>, cell: &Cell) {
    match cell {
        Cell::Text(s) if !needs_escape(s) => {
            line.push(b'"');
            line.extend_from_slice(s.as_bytes());
            line.push(b'"');
        }
        Cell::Text(s) => json(line, s.as_ref() as &str),
        Cell::Date(d) => match super::iso_digits(*d) {
            Some(digits) => {
                line.push(b'"');
                line.extend_from_slice(&digits);
                line.push(b'"');
            }
            None => json(line, &d.to_string()),
        },
        Cell::Int(n) => json(line, n),
        Cell::Span(span) => {
            line.push(b'"');
            json(line, &span.count);
            line.push(span.unit.letter() as u8);
            line.push(b'"');
        }
        Cell::Bool(b) => line.extend_from_slice(if *b { b"true" } else { b"false" }),
        Cell::Null => line.extend_from_slice(b"null"),
        Cell::DueLabel { .. } | Cell::DaysLabel { .. } => json(line, &cell.plain()),
    }
}

/// A value through serde_json, which fails only when its writer does, and a vector does not.
fn json<T: serde::Serialize + ?Sized>(line: &mut Vec<u8>, value: &T) {
    let _ = serde_json::to_writer(line, value);
}

/// Whether JSON needs an escape for some byte of the text: quotes, backslashes, controls.
/// Written as a fold over every byte so that it compiles to a vector loop.
fn needs_escape(s: &str) -> bool {
    s.bytes().fold(false, |seen, b| {
        seen | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

impl Export for Json {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        if listing.is_empty() {
            return writeln!(out, "[]");
        }
        // The keys, quoted once: `"id":`, `,"period":`, …
        let keys: Vec<(usize, Vec<u8>)> = listing
            .data()
            .enumerate()
            .map(|(i, (n, key))| {
                let mut quoted = Vec::from(if i == 0 { "{" } else { "," });
                serde_json::to_writer(&mut quoted, key).expect("a key serialises");
                quoted.push(b':');
                (n, quoted)
            })
            .collect();
        let mut line = Vec::new();
        for n in 0..listing.len() {
            let row = listing.row(n);
            line.clear();
            line.extend_from_slice(if n == 0 { b"[\n" } else { b",\n" });
            for (column, key) in &keys {
                line.extend_from_slice(key);
                push_cell(&mut line, &row.cells[*column]);
            }
            line.push(b'}');
            out.write_all(&line)?;
        }
        writeln!(out, "\n]")
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
}
