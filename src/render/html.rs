use std::io::{self, Write};

use html_escape::encode_text;

use super::{Emphasis, Export, Listing};

/// An HTML table of the visible columns, for the e-mail's HTML part. Attributes and
/// inline styles only, because mail readers drop style sheets.
pub struct Html;

impl Export for Html {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let visible: Vec<(usize, &str)> = listing.visible().collect();
        writeln!(
            out,
            r#"<table border="1" cellpadding="4" style="border-collapse:collapse">"#
        )?;
        write!(out, "<tr>")?;
        for (_, heading) in &visible {
            write!(out, "<th>{}</th>", encode_text(heading))?;
        }
        writeln!(out, "</tr>")?;
        for row in listing.rows() {
            match row.emphasis {
                Emphasis::Alert => write!(out, r#"<tr style="color:#b00;font-weight:bold">"#)?,
                Emphasis::Warn => write!(out, r#"<tr style="color:#850">"#)?,
                Emphasis::None => write!(out, "<tr>")?,
            }
            for (n, _) in &visible {
                write!(out, "<td>{}</td>", encode_text(&row.cells[*n].plain()))?;
            }
            writeln!(out, "</tr>")?;
        }
        writeln!(out, "</table>")?;
        for note in &listing.notes {
            writeln!(out, "<p>{}</p>", encode_text(note))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Cell;

    #[test]
    fn markup_in_registry_text_is_shown_not_obeyed() {
        let mut l = Listing::new(&[("id", Some("ID")), ("title", Some("Title"))]);
        l.push(
            vec![Cell::text("x"), Cell::text("<b>Q&A</b>\r\n</table>")],
            Emphasis::Alert,
        );
        l.notes.push("a < b".into());
        let mut out = Vec::new();
        Html.export(&l, &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r#"
        <table border="1" cellpadding="4" style="border-collapse:collapse">
        <tr><th>ID</th><th>Title</th></tr>
        <tr style="color:#b00;font-weight:bold"><td>x</td><td>&lt;b&gt;Q&amp;A&lt;/b&gt;  &lt;/table&gt;</td></tr>
        </table>
        <p>a &lt; b</p>
        "#);
    }
}
