use std::io::{self, Write};

use super::{Export, Listing, one_line};

/// A GitHub-flavoured Markdown table of the visible columns.
pub struct Markdown;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if matches!(c, '|' | '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']')
            || (c == '&' && starts_entity(&text[at + 1..]))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text after an `&` would make it a character reference (`&amp;`, `&#38;`),
/// which Markdown replaces by the character: such an `&` is escaped, any other left as it
/// is (`CWG-WSIS&SDG`).
fn starts_entity(rest: &str) -> bool {
    let body = rest
        .strip_prefix("#x")
        .or_else(|| rest.strip_prefix("#X"))
        .or_else(|| rest.strip_prefix('#'))
        .unwrap_or(rest);
    let name = body.chars().take_while(char::is_ascii_alphanumeric).count();
    name > 0 && body[name..].starts_with(';')
}

impl Export for Markdown {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        if let Some(heading) = &listing.heading {
            writeln!(out, "# {}\n", escape(&one_line(heading)))?;
        }
        let visible: Vec<(usize, &str)> = listing.visible().collect();
        let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        writeln!(
            out,
            "{}",
            line(visible.iter().map(|(_, h)| h.to_string()).collect())
        )?;
        writeln!(
            out,
            "{}",
            line(visible.iter().map(|_| "---".to_string()).collect())
        )?;
        let mut rows = listing.rows();
        while let Some(row) = rows.next_row() {
            let cells = visible
                .iter()
                .map(|(n, _)| escape(&row.cells[*n].plain()))
                .collect();
            writeln!(out, "{}", line(cells))?;
        }
        for note in &listing.notes {
            writeln!(out, "\n{}", escape(note))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Cell, Emphasis};

    #[test]
    fn character_references_stay_as_written() {
        assert_eq!(
            escape("R&D &amp; &#38; &#x26; &copy; CWG-WSIS&SDG &;"),
            r"R&D \&amp; \&#38; \&#x26; \&copy; CWG-WSIS&SDG &;"
        );
    }

    #[test]
    fn pipes_and_breaks_cannot_add_cells_or_rows() {
        let mut l = Listing::new(&[
            ("id", Some("ID")),
            ("secret", None),
            ("title", Some("Title")),
        ]);
        l.push(
            vec![
                Cell::text("x"),
                Cell::text("hidden"),
                Cell::text("a | b\n| c |"),
            ],
            Emphasis::None,
        );
        let mut out = Vec::new();
        Markdown.export(&l, &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r"
        | ID | Title |
        | --- | --- |
        | x | a \| b \| c \| |
        ");
    }
}
