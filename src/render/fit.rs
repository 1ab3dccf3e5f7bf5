//! Fitting a table to a width: which columns stay, how wide each is, and how free text is
//! shortened. Identifiers, periods, dates and states are never split; free text gives way
//! first, then the columns a view ranked as least needed.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the table needs to know of a column to fit it.
#[derive(Clone, Debug)]
pub struct Spec<'a> {
    pub heading: &'a str,
    /// Free text (a title, a recipient): may be shortened with "…".
    pub free: bool,
    /// When the width runs short, columns with a rank are left out, lowest rank first.
    pub leave_out: Option<u8>,
}

/// The outcome: the columns kept (indices into the specs, in order) and, for each kept
/// column, the width its text is held to (`None`: as wide as its text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub kept: Vec<usize>,
    pub widths: Vec<Option<usize>>,
    /// Columns left out for want of room (not those empty in every row).
    pub left_out: Vec<usize>,
}

/// Characters a table of `n` columns spends on borders and padding (`│ a ┆ b │`).
pub fn overhead(n: usize) -> usize {
    1 + 3 * n
}

/// Free text narrower than this is not worth showing: the column is narrowed no further.
const FREE_MIN: usize = 12;

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The widest word of a heading: headings wrap between words, never inside one.
fn widest_word(heading: &str) -> usize {
    heading.split(' ').map(width).max().unwrap_or(0)
}

/// Lays out columns whose cells are `cells[row][column]` within `limit` characters.
pub fn layout(specs: &[Spec<'_>], cells: &[Vec<String>], limit: Option<usize>) -> Layout {
    let natural: Vec<usize> = (0..specs.len())
        .map(|c| cells.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    // Columns empty in every row say nothing.
    let mut kept: Vec<usize> = (0..specs.len()).filter(|&c| natural[c] > 0).collect();
    let full = |c: usize| natural[c].max(width(specs[c].heading));
    let least = |c: usize| {
        let floor = natural[c].max(widest_word(specs[c].heading));
        if specs[c].free {
            floor.min(FREE_MIN.max(widest_word(specs[c].heading)))
        } else {
            floor
        }
    };
    let Some(limit) = limit else {
        let widths = vec![None; kept.len()];
        return Layout {
            kept,
            widths,
            left_out: Vec::new(),
        };
    };
    let mut left_out = Vec::new();
    let need =
        |kept: &[usize]| overhead(kept.len()) + kept.iter().map(|&c| least(c)).sum::<usize>();
    while need(&kept) > limit {
        let Some(pos) = kept
            .iter()
            .enumerate()
            .filter_map(|(pos, &c)| specs[c].leave_out.map(|rank| (rank, pos)))
            .min()
            .map(|(_, pos)| pos)
        else {
            break;
        };
        left_out.push(kept.remove(pos));
    }
    // What was left out early may fit again once a wider column is gone: the more needed
    // come back first.
    for pos in (0..left_out.len()).rev() {
        let mut tried = kept.clone();
        tried.push(left_out[pos]);
        tried.sort_unstable();
        if need(&tried) <= limit {
            kept = tried;
            left_out.remove(pos);
        }
    }
    left_out.sort_unstable();
    // Room beyond every column's least, handed to the columns that want more, in turn,
    // so that the shortened ones share what there is.
    let mut room = limit.saturating_sub(need(&kept));
    let mut widths: Vec<usize> = kept.iter().map(|&c| least(c)).collect();
    loop {
        let wanting: Vec<usize> = (0..kept.len())
            .filter(|&i| widths[i] < full(kept[i]))
            .collect();
        if wanting.is_empty() || room == 0 {
            break;
        }
        let share = (room / wanting.len()).max(1);
        for i in wanting {
            let more = share.min(full(kept[i]) - widths[i]).min(room);
            widths[i] += more;
            room -= more;
        }
    }
    Layout {
        widths: kept
            .iter()
            .zip(&widths)
            .map(|(&c, &w)| (w < full(c)).then_some(w))
            .collect(),
        kept,
        left_out,
    }
}

/// `text` held to `limit` characters of width: cut with "…" when longer.
pub fn shorten(text: &str, limit: usize) -> String {
    if width(text) <= limit {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > limit {
            break;
        }
        out.push(c);
        used += w;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

/// Lines of at most `limit` characters of width, broken between words; a word longer than
/// the line is cut where it must be.
pub fn wrap(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed <= limit {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while width(rest) > limit {
            let mut cut = 0;
            let mut used = 0;
            for (at, c) in rest.char_indices() {
                let w = c.width().unwrap_or(0);
                if used + w > limit {
                    break;
                }
                used += w;
                cut = at + c.len_utf8();
            }
            let cut = cut.max(rest.chars().next().map_or(1, char::len_utf8));
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        line.push_str(rest);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(heading: &str, free: bool, leave_out: Option<u8>) -> Spec<'_> {
        Spec {
            heading,
            free,
            leave_out,
        }
    }

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn without_a_limit_every_column_with_text_keeps_its_width() {
        let specs = [spec("Id", false, None), spec("Empty", false, None)];
        let l = layout(&specs, &rows(&[&["a", ""]]), None);
        assert_eq!(l.kept, vec![0]);
        assert_eq!(l.widths, vec![None]);
    }

    #[test]
    fn free_text_gives_way_before_identifiers() {
        let specs = [
            spec("Obligation", false, None),
            spec("Title", true, None),
            spec("Due", false, None),
        ];
        let cells = rows(&[&[
            "cstd-annual-report",
            "A long title of many words",
            "2026-12-21",
        ]]);
        let l = layout(&specs, &cells, Some(50));
        assert_eq!(l.kept, vec![0, 1, 2]);
        assert_eq!(l.widths, vec![None, Some(50 - overhead(3) - 18 - 10), None]);
    }

    #[test]
    fn ranked_columns_are_left_out_when_even_short_text_does_not_fit() {
        let specs = [
            spec("Obligation", false, None),
            spec("Period", false, Some(1)),
            spec("When", false, Some(0)),
            spec("Title", true, None),
        ];
        let cells = rows(&[&["cstd-annual-report", "council-2027", "in 19d", "Title text"]]);
        let l = layout(&specs, &cells, Some(overhead(3) + 18 + 12 + 10));
        assert_eq!(l.kept, vec![0, 1, 3]);
        assert_eq!(l.left_out, vec![2]);
    }

    #[test]
    fn shortened_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(shorten("Annual report to ECOSOC", 10), "Annual re…");
        assert_eq!(shorten("Annual report", 13), "Annual report");
        assert_eq!(shorten("Rapport économique annuel", 12), "Rapport éco…");
    }

    #[test]
    fn wrapping_breaks_between_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }
}
