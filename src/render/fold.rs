//! Text lines folded at the terminal's width, for the parts of a view that are not a table
//! (`show`'s header, clause and explanations), so that the terminal never splits a word.

use textwrap::core::display_width;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// Folds every line wider than `width` at spaces, continuing under the line's text: a
/// `label   value` line continues under its value, an indented line under its text. A word
/// wider than a line is broken, so that no line is wider than `width`. Without a width
/// (piped, no `COLUMNS`), the text is left as it is, one line per line, for scripts.
pub fn fold(text: &str, width: Option<usize>) -> String {
    let Some(width) = width.filter(|w| *w >= 20) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let hang = " ".repeat(hanging_indent(body).min(width / 2));
        // First fit is linear in the line's length: a huge field stays cheap.
        let options = Options::new(width)
            .wrap_algorithm(WrapAlgorithm::FirstFit)
            .word_separator(WordSeparator::AsciiSpace)
            // Never at a hyphen: dates, ids and periods stay whole.
            .word_splitter(WordSplitter::NoHyphenation)
            .subsequent_indent(&hang)
            .break_words(true);
        for piece in textwrap::wrap(body, options) {
            out.push_str(piece.trim_end());
            out.push('\n');
        }
        if body.len() == line.len() {
            out.pop();
        }
    }
    out
}

/// Where a line's text starts, in columns: after its leading spaces, and after a label set
/// off by two or more spaces (`title        Annual…`, `  2027-05-14  2027  council…`).
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[lead..];
    let start = match rest.find("  ") {
        Some(gap) if display_width(&rest[..gap]) <= 24 => {
            let after = &rest[gap..];
            lead + gap + (after.len() - after.trim_start_matches(' ').len())
        }
        // `> clause…`: under the text after the mark.
        _ if rest.starts_with("> ") => lead + 2,
        _ => lead,
    };
    display_width(&line[..start])
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn long_lines_continue_under_their_text() {
        let text = "title        Annual comprehensive report to Council on activities\n  > de présenter chaque année au Conseil un rapport exhaustif\nid           x\n";
        let folded = fold(text, Some(40));
        assert_eq!(
            folded,
            "title        Annual comprehensive report\n             to Council on activities\n  > de présenter chaque année au Conseil\n    un rapport exhaustif\nid           x\n"
        );
        for line in folded.lines() {
            assert!(line.chars().count() <= 40, "{line}");
        }
    }

    #[test]
    fn without_a_width_nothing_changes_and_huge_words_are_broken() {
        let text = "a  b c\nno newline at the end";
        assert_eq!(fold(text, None), text);
        let huge = format!("title  {}", "x".repeat(1000));
        let folded = fold(&huge, Some(80));
        assert!(folded.lines().all(|l| l.chars().count() <= 80));
        assert_eq!(folded.matches('x').count(), 1000);
        assert!(!folded.ends_with('\n'));
    }
}
