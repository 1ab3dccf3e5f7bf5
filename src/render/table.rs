use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell as TableCell, Color, ContentArrangement, Table as Grid};

use super::{Emphasis, Export, Listing};

/// A table for people: the visible columns, overdue rows in red when colour is on.
pub struct Table {
    pub color: bool,
    /// Writing to a terminal: long cells wrap to its width.
    pub terminal: bool,
    /// A width to wrap to when not writing to a terminal (from `COLUMNS`).
    pub width: Option<u16>,
}

impl Export for Table {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let visible: Vec<(usize, &str)> = listing.visible().collect();
        let mut grid = Grid::new();
        grid.load_style(UTF8_FULL_CONDENSED);
        if self.terminal {
            grid.set_content_arrangement(ContentArrangement::Dynamic);
        } else {
            grid.force_no_tty();
            if let Some(width) = self.width {
                grid.set_content_arrangement(ContentArrangement::Dynamic);
                grid.set_width(width);
            }
        }
        if self.color {
            grid.enforce_styling();
            // Asked for colour: crossterm would otherwise still drop it under NO_COLOR.
            crossterm::style::force_color_output(true);
        }
        grid.set_header(visible.iter().map(|(_, h)| TableCell::new(h)));
        for row in listing.rows() {
            grid.add_row(visible.iter().map(|(n, _)| {
                let cell = TableCell::new(row.cells[*n].shown());
                match (self.color, row.emphasis) {
                    (true, Emphasis::Alert) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
                    (true, Emphasis::Warn) => cell.fg(Color::Yellow),
                    _ => cell,
                }
            }));
        }
        if !listing.is_empty() {
            writeln!(out, "{grid}")?;
        }
        for note in &listing.notes {
            writeln!(out, "{note}")?;
        }
        Ok(())
    }
}
