use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{Cell, Export, Listing, Row};

/// An array of objects, one per row and one row per line, with every data column under its
/// key. Rows are written as they are made.
pub struct Json;

struct Object<'a> {
    columns: &'a [(usize, &'static str)],
    row: &'a Row,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (n, key) in self.columns {
            map.serialize_entry(key, &self.row.cells[*n])?;
        }
        map.end()
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(s) => serializer.serialize_str(s),
            Cell::Date(d) => serializer.collect_str(d),
            Cell::Int(n) => serializer.serialize_i64(*n),
            Cell::Bool(b) => serializer.serialize_bool(*b),
            Cell::Null => serializer.serialize_unit(),
            Cell::DueLabel { .. } | Cell::DaysLabel(_) => serializer.collect_str(&self.plain()),
        }
    }
}

impl Export for Json {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let columns: Vec<(usize, &'static str)> = listing.data().collect();
        if listing.is_empty() {
            return writeln!(out, "[]");
        }
        write!(out, "[")?;
        for (n, row) in listing.rows().enumerate() {
            write!(out, "{}", if n == 0 { "\n" } else { ",\n" })?;
            serde_json::to_writer(
                &mut *out,
                &Object {
                    columns: &columns,
                    row: &row,
                },
            )?;
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
