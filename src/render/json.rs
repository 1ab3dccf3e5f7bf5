use std::io::{self, Write};

use serde_json::{Map, Value};

use super::{Cell, Export, Listing};

/// An array of objects, one per row, with every column under its key.
pub struct Json;

impl Json {
    pub fn value(listing: &Listing) -> Value {
        let rows = listing
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, Value> = listing
                    .data()
                    .map(|(n, key)| (key.to_string(), to_json(&row.cells[n])))
                    .collect();
                Value::Object(object)
            })
            .collect();
        Value::Array(rows)
    }
}

pub fn to_json(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) => Value::String(s.to_string()),
        Cell::Date(d) => Value::String(d.to_string()),
        Cell::Int(n) => Value::from(*n),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Null => Value::Null,
    }
}

impl Export for Json {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &Json::value(listing))?;
        writeln!(out)
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
          {
            "id": "a\"b\nc",
            "days": -3,
            "tentative": true,
            "meeting": null
          }
        ]
        "#);
    }
}
