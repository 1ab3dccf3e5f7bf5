use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell as TableCell, Color, Table as Grid};

use super::fit::{self, Spec};
use super::{Emphasis, Export, Listing};
use crate::i18n::{self, Msg};
use crate::model::Lang;

/// A table for people: the visible columns, overdue rows in red when colour is on.
pub struct Table {
    pub color: bool,
    /// The width to fit in; `None` leaves every row whole on one line (for scripts).
    pub width: Option<usize>,
    /// The language of the note naming columns left out.
    pub lang: Lang,
}

impl Export for Table {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let lines = |text: &str| match self.width {
            Some(w) => fit::wrap(text, w),
            None => vec![text.to_string()],
        };
        if let Some(heading) = &listing.heading {
            for line in lines(heading) {
                writeln!(out, "{line}")?;
            }
        }
        let visible: Vec<usize> = listing.visible().map(|(n, _)| n).collect();
        let specs: Vec<Spec<'_>> = visible
            .iter()
            .map(|&n| {
                let col = &listing.columns[n];
                Spec {
                    heading: col.heading.unwrap_or_default(),
                    free: col.free,
                    leave_out: col.leave_out,
                }
            })
            .collect();
        let rows: Vec<(Vec<String>, Emphasis)> = listing.map_rows(|row| {
            // Free text cut short first: fitting and wrapping then stay cheap.
            let cells = visible.iter().map(|&n| row.cells[n].shown()).collect();
            (cells, row.emphasis)
        });
        let cells: Vec<Vec<String>> = rows.iter().map(|(c, _)| c.clone()).collect();
        let layout = fit::layout(&specs, &cells, self.width);
        let mut grid = Grid::new();
        grid.load_style(UTF8_FULL_CONDENSED);
        // The layout has already fitted the text: the grid draws it as it is.
        grid.force_no_tty();
        if self.color {
            grid.enforce_styling();
            // Asked for colour: crossterm would otherwise still drop it under NO_COLOR.
            crossterm::style::force_color_output(true);
        }
        let fitted = |text: &str, width: Option<usize>, wrap: bool| match width {
            Some(w) if wrap => fit::wrap(text, w).join("\n"),
            Some(w) => fit::shorten(text, w),
            None => text.to_string(),
        };
        grid.set_header(
            layout
                .kept
                .iter()
                .zip(&layout.widths)
                .map(|(&c, &w)| TableCell::new(fitted(specs[c].heading, w, true))),
        );
        for (cells, emphasis) in &rows {
            grid.add_row(layout.kept.iter().zip(&layout.widths).map(|(&c, &w)| {
                let cell = TableCell::new(fitted(&cells[c], w, false));
                match (self.color, emphasis) {
                    (true, Emphasis::Alert) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
                    (true, Emphasis::Warn) => cell.fg(Color::Yellow),
                    _ => cell,
                }
            }));
        }
        if !listing.is_empty() {
            writeln!(out, "{grid}")?;
        }
        if !layout.left_out.is_empty() {
            let names: Vec<&str> = layout.left_out.iter().map(|&c| specs[c].heading).collect();
            let note = i18n::f(
                self.lang,
                Msg::LeftOutForWidth,
                &[("columns", &names.join(", "))],
            );
            for line in lines(&note) {
                writeln!(out, "{line}")?;
            }
        }
        for note in &listing.notes {
            for line in lines(note) {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }
}
