use std::io::{self, Write};

use super::{Export, Listing};

/// A header of column keys, then one record per row. Text is kept on one line, so that a
/// line-oriented reader sees one row per line too.
pub struct Csv;

impl Export for Csv {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = ::csv::Writer::from_writer(out);
        let columns: Vec<(usize, &str)> = listing.data().collect();
        writer.write_record(columns.iter().map(|(_, key)| key))?;
        let mut rows = listing.rows();
        while let Some(row) = rows.next_row() {
            writer.write_record(columns.iter().map(|(n, _)| row.cells[*n].plain()))?;
        }
        writer.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Cell, Emphasis};

    #[test]
    fn separators_and_breaks_stay_inside_their_field() {
        let mut l = Listing::new(&[("id", Some("ID")), ("title", Some("Title"))]);
        l.push(
            vec![Cell::text("a,b"), Cell::text("say \"hi\"\r\nnext,row")],
            Emphasis::None,
        );
        let mut out = Vec::new();
        Csv.export(&l, &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r#"
        id,title
        "a,b","say ""hi""  next,row"
        "#);
    }
}
