use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};

use super::{Cell, Export, Listing};

/// An array of objects, one per row and one row per line, with every data column under its
/// key. Rows are written as they are made.
pub struct Json;

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(s) => serializer.serialize_str(s),
            Cell::Date(d) => serializer.serialize_str(&super::iso_date(*d)),
            Cell::Int(n) => serializer.serialize_i64(*n),
            Cell::Bool(b) => serializer.serialize_bool(*b),
            Cell::Null => serializer.serialize_unit(),
            Cell::DueLabel { .. } | Cell::DaysLabel(_) => serializer.collect_str(&self.plain()),
        }
    }
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
        // Each row is put together in one buffer and written at once: far fewer calls
        // through the output's dynamic writer than one per token.
        let mut line = Vec::with_capacity(1024);
        for (n, row) in listing.rows().enumerate() {
            line.clear();
            line.extend_from_slice(if n == 0 { b"[\n" } else { b",\n" });
            for (column, key) in &keys {
                line.extend_from_slice(key);
                serde_json::to_writer(&mut line, &row.cells[*column])?;
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
