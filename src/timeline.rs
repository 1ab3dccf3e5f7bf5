//! The handout's timeline: where meetings, deadlines and milestones fall on a strip of the
//! months around a session. Geometry only, in SVG user units; the template draws it.
//!
//! Everything is told apart by shape and line pattern, never by colour alone, so that the
//! page reads the same printed in black and white.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates;
use crate::model::Confidence;

/// The drawing's width; the page scales it to the printable width.
pub const WIDTH: f64 = 640.0;
/// Months shown before and after the session (whole months, the session's included).
const MONTHS_AROUND: i32 = 3;
/// The most months the strip spans: today is left out rather than squeezing the session.
const MOST_MONTHS: i32 = 15;
/// The month and year labels above the strip.
const HEADER: f64 = 30.0;
const LANE: f64 = 15.0;
/// Between the meetings and the obligations, and below the last line.
const GAP: f64 = 8.0;
/// Room under the strip for the labels of the today and session lines.
const FOOTER: f64 = 30.0;
/// Label text: its size, and the width of a character, generously.
const LABEL_CHAR: f64 = 5.6;
const LABEL_MIN: f64 = 90.0;
const LABEL_MAX: f64 = 240.0;
/// The most characters of a lane's label that fit left of the strip.
const LABEL_CHARS: usize = ((LABEL_MAX - 10.0) / LABEL_CHAR) as usize;

/// A meeting instance to draw: a bar on its meeting's lane.
#[derive(Clone, Debug)]
pub struct MeetingIn {
    /// The lane: the meeting's key (`council`), one lane per meeting.
    pub lane: String,
    /// The lane's full name, shown on hovering.
    pub name: String,
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub confidence: Confidence,
}

/// A dated point on an obligation's line.
#[derive(Clone, Debug)]
pub struct DateIn {
    pub obligation: String,
    pub period: String,
    pub on: NaiveDate,
    pub kind: MarkKind,
    /// What it is, in words, shown on hovering.
    pub label: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    /// A deadline whose date is sure: a filled diamond.
    Deadline,
    /// A deadline that hangs on a meeting whose dates are an estimate: a hollow diamond.
    Estimated,
    /// An internal milestone: a small circle.
    Milestone,
    /// A deadline already met, delivered or waived: a small square.
    Closed,
}

impl MarkKind {
    pub fn is_deadline(self) -> bool {
        self != MarkKind::Milestone
    }
}

#[derive(Debug, Serialize)]
pub struct Month {
    pub x: f64,
    pub width: f64,
    /// The middle, where the month's name goes, and where its year goes.
    pub mid: f64,
    pub year_x: f64,
    /// The month's number, 1 to 12: the template names it in the page's language.
    pub month: u32,
    /// The year, written above the first month shown and above each January.
    pub year: Option<i32>,
}

#[derive(Debug, Serialize)]
pub struct Bar {
    pub id: String,
    pub x: f64,
    pub width: f64,
    pub start: String,
    pub end: String,
    /// `confirmed`, `likely` or `estimate`: the fill and outline the template gives it.
    pub confidence: &'static str,
    /// Where the bar's label goes, and which way it runs from there.
    pub label_x: f64,
    pub label_end: bool,
}

#[derive(Debug, Serialize)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    /// The outline of a diamond centred on the point, as an SVG path, and the corner of
    /// a square centred on it.
    pub diamond: String,
    pub square: f64,
    pub square_y: f64,
    pub kind: MarkKind,
    pub date: String,
    pub period: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct Lane {
    /// The middle of the lane.
    pub y: f64,
    /// The baseline of its label, and the top of its bars.
    pub text_y: f64,
    pub bar_y: f64,
    pub label: String,
    /// The label as printed: shortened when it would not fit left of the strip.
    pub shown: String,
    /// Shown on hovering: a meeting's full name.
    pub title: String,
    pub bars: Vec<Bar>,
    pub marks: Vec<Mark>,
}

/// A vertical line across the strip: today, or the session.
#[derive(Debug, Serialize)]
pub struct Line {
    pub x: f64,
    pub date: String,
    /// The label's start (or end), and its baseline under the strip.
    pub label_x: f64,
    pub label_y: f64,
    pub label_end: bool,
    /// Where the line stops, just above its label.
    pub end_y: f64,
}

#[derive(Debug, Serialize)]
pub struct Timeline {
    pub from: String,
    pub to: String,
    pub width: f64,
    pub height: f64,
    /// Where the strip starts and ends, right of the lane labels.
    pub left: f64,
    pub right: f64,
    /// Where the lanes' labels end, left of the strip.
    pub label_x: f64,
    /// Top and bottom of the lanes, and the lanes' height.
    pub top: f64,
    pub bottom: f64,
    pub strip_height: f64,
    /// Where month boundaries and the today and session lines start, among the labels.
    pub grid_top: f64,
    pub months: Vec<Month>,
    pub meetings: Vec<Lane>,
    pub obligations: Vec<Lane>,
    pub today: Option<Line>,
    pub session: Option<Line>,
}

/// The months the strip shows: `MONTHS_AROUND` whole months either side of the session's
/// month, stretched to take in today when that keeps it within `MOST_MONTHS`.
pub fn window(session: NaiveDate, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let first = |m: i32| {
        NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
            .expect("the first of a month")
    };
    let (mut from, mut to) = (
        month(session) - MONTHS_AROUND,
        month(session) + MONTHS_AROUND,
    );
    let now = month(today);
    if now < from && to - now < MOST_MONTHS {
        from = now;
    }
    if now > to && now - from < MOST_MONTHS {
        to = now;
    }
    let end = first(to + 1)
        .pred_opt()
        .expect("a day before the first of a month");
    (first(from), end)
}

/// Rounded to a tenth of a unit: finer than any printer resolves, and short to write.
fn u(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Half the width of a deadline's diamond, and the radius of a milestone's circle.
const DIAMOND: f64 = 4.5;
const BAR_HEIGHT: f64 = 8.0;
/// The side of a met deadline's square (the template draws it this size).
const SQUARE: f64 = 6.0;

/// The next lane down, from `y`, which moves on past it.
fn lane(y: &mut f64, label: &str, title: &str, bars: Vec<Bar>, marks: Vec<Mark>) -> Lane {
    let lane = Lane {
        y: u(*y),
        text_y: u(*y + 3.5),
        bar_y: u(*y - BAR_HEIGHT / 2.0),
        label: label.to_string(),
        shown: fitted(label),
        title: title.to_string(),
        bars,
        marks,
    };
    *y += LANE;
    lane
}

/// A label that fits left of the strip. A longer one keeps its start and its end around
/// "…": ids of one family share their start and differ at the end.
fn fitted(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= LABEL_CHARS {
        return label.to_string();
    }
    let tail = (LABEL_CHARS - 1) / 2;
    let head = LABEL_CHARS - 1 - tail;
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// Lays out the strip from `from` to `to` (both included): one lane per meeting with an
/// instance in it, then one line per obligation with a deadline or milestone in it, in
/// the order given; dates outside are left out.
pub fn layout(
    (from, to): (NaiveDate, NaiveDate),
    meetings: &[MeetingIn],
    dates: &[DateIn],
    today: NaiveDate,
    session: NaiveDate,
) -> Timeline {
    let inside = |d: NaiveDate| (from..=to).contains(&d);
    let shown: Vec<&MeetingIn> = meetings
        .iter()
        .filter(|m| m.start <= to && m.end >= from)
        .collect();
    let mut lane_names: Vec<(&str, &str)> = Vec::new();
    for m in &shown {
        if !lane_names.iter().any(|(k, _)| *k == m.lane) {
            lane_names.push((&m.lane, &m.name));
        }
    }
    let mut lines: Vec<&str> = Vec::new();
    for d in dates.iter().filter(|d| inside(d.on)) {
        if !lines.contains(&d.obligation.as_str()) {
            lines.push(&d.obligation);
        }
    }
    let longest = lane_names
        .iter()
        .map(|(k, _)| k.chars().count())
        .chain(lines.iter().map(|l| l.chars().count()))
        .max()
        .unwrap_or(0);
    let left = u((longest as f64 * LABEL_CHAR + 10.0).clamp(LABEL_MIN, LABEL_MAX));
    let right = WIDTH - 4.0;
    let days = (to - from).num_days() as f64 + 1.0;
    let scale = (right - left) / days;
    // A day's start, and its middle.
    let x_of = |d: NaiveDate| left + (d - from).num_days() as f64 * scale;
    let mid = |d: NaiveDate| u(x_of(d) + scale / 2.0);
    // Labels near the right edge run leftwards from their point.
    let runs_left = |x: f64| x > left + (right - left) * 0.8;

    let mut months = Vec::new();
    let mut day = from;
    while day <= to {
        let next = dates::add_months(day, 1).unwrap_or(to);
        let end = x_of(next.min(to.succ_opt().unwrap_or(to)));
        months.push(Month {
            x: u(x_of(day)),
            width: u(end - x_of(day)),
            mid: u((x_of(day) + end) / 2.0),
            year_x: u(x_of(day) + 2.0),
            month: day.month(),
            year: (day == from || day.month() == 1).then_some(day.year()),
        });
        day = next;
    }

    let mut y = HEADER + LANE / 2.0;
    let meeting_lanes: Vec<Lane> = lane_names
        .iter()
        .map(|(key, name)| {
            let bars = shown
                .iter()
                .filter(|m| m.lane == *key)
                .map(|m| {
                    let x = x_of(m.start.max(from));
                    let width = (x_of(m.end.min(to)) + scale - x).max(1.5);
                    let label_end = runs_left(x + width);
                    Bar {
                        id: m.id.clone(),
                        x: u(x),
                        width: u(width),
                        start: m.start.to_string(),
                        end: m.end.to_string(),
                        confidence: m.confidence.as_str(),
                        label_x: u(if label_end { x - 3.0 } else { x + width + 3.0 }),
                        label_end,
                    }
                })
                .collect();
            lane(&mut y, key, name, bars, Vec::new())
        })
        .collect();
    if !meeting_lanes.is_empty() {
        y += GAP;
    }
    let obligation_lanes: Vec<Lane> = lines
        .iter()
        .map(|id| {
            let middle = u(y);
            let marks = dates
                .iter()
                .filter(|d| d.obligation == *id && inside(d.on))
                .map(|d| {
                    let x = mid(d.on);
                    Mark {
                        x,
                        y: middle,
                        diamond: format!(
                            "M{x} {}l{DIAMOND} {DIAMOND}l-{DIAMOND} {DIAMOND}l-{DIAMOND} -{DIAMOND}z",
                            u(middle - DIAMOND)
                        ),
                        square: u(x - SQUARE / 2.0),
                        square_y: u(middle - SQUARE / 2.0),
                        kind: d.kind,
                        date: d.on.to_string(),
                        period: d.period.clone(),
                        label: d.label.clone(),
                    }
                })
                .collect();
            lane(&mut y, id, "", Vec::new(), marks)
        })
        .collect();
    let bottom = u(y - LANE / 2.0 + GAP / 2.0);
    let line = |d: NaiveDate, row: f64| {
        inside(d).then(|| {
            let x = mid(d);
            let label_end = runs_left(x);
            Line {
                x,
                date: d.to_string(),
                label_x: u(if label_end { x - 3.0 } else { x + 3.0 }),
                label_y: u(bottom + 12.0 + row * 13.0),
                label_end,
                end_y: u(bottom + 3.0 + row * 13.0),
            }
        })
    };
    Timeline {
        from: from.to_string(),
        to: to.to_string(),
        width: WIDTH,
        height: u(bottom + FOOTER),
        left,
        right,
        label_x: u(left - 5.0),
        top: HEADER,
        bottom,
        strip_height: u(bottom - HEADER),
        grid_top: HEADER - 14.0,
        months,
        meetings: meeting_lanes,
        obligations: obligation_lanes,
        // Today's label goes on the second row, so the two never overlap.
        session: line(session, 0.0),
        today: line(today, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_too_long_for_the_margin_keeps_its_start_and_end() {
        assert_eq!(fitted("cstd-annual-report"), "cstd-annual-report");
        let id = format!("family-{}-member-7", "x".repeat(60));
        let shown = fitted(&id);
        assert_eq!(shown.chars().count(), LABEL_CHARS);
        assert!(
            shown.starts_with("family-x") && shown.ends_with("x-member-7"),
            "{shown}"
        );
        assert!(shown.contains('…'));
        let t = layout(
            (day("2027-01-01"), day("2027-03-31")),
            &[],
            &[DateIn {
                obligation: id.clone(),
                period: "2027".into(),
                on: day("2027-02-01"),
                kind: MarkKind::Deadline,
                label: id.clone(),
            }],
            day("2027-01-15"),
            day("2027-02-15"),
        );
        let lane = &t.obligations[0];
        assert_eq!(
            (lane.label.as_str(), lane.shown.as_str()),
            (id.as_str(), shown.as_str())
        );
        // The label, right-aligned at the margin's end, starts inside the picture.
        assert!(t.label_x - shown.chars().count() as f64 * LABEL_CHAR >= 0.0);
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn meeting(lane: &str, id: &str, start: &str, end: &str, c: Confidence) -> MeetingIn {
        MeetingIn {
            lane: lane.into(),
            name: lane.to_uppercase(),
            id: id.into(),
            start: day(start),
            end: day(end),
            confidence: c,
        }
    }

    fn date(ob: &str, on: &str, kind: MarkKind) -> DateIn {
        DateIn {
            obligation: ob.into(),
            period: "2027".into(),
            on: day(on),
            kind,
            label: format!("{ob} {on}"),
        }
    }

    #[test]
    fn the_window_is_whole_months_around_the_session_and_takes_in_today() {
        assert_eq!(
            window(day("2027-06-15"), day("2027-06-01")),
            (day("2027-03-01"), day("2027-09-30"))
        );
        assert_eq!(
            window(day("2027-06-15"), day("2026-12-02")),
            (day("2026-12-01"), day("2027-09-30"))
        );
        // Across a year's end.
        assert_eq!(
            window(day("2027-01-10"), day("2027-01-10")),
            (day("2026-10-01"), day("2027-04-30"))
        );
        // Today two years off is not worth squeezing the session's months for.
        assert_eq!(
            window(day("2029-06-15"), day("2027-01-01")),
            (day("2029-03-01"), day("2029-09-30"))
        );
        // A handout for a past session takes in today too.
        assert_eq!(
            window(day("2027-06-15"), day("2027-12-24")),
            (day("2027-03-01"), day("2027-12-31"))
        );
    }

    #[test]
    fn one_mark_per_deadline_and_milestone_in_range_each_on_its_obligation_line() {
        let range = (day("2027-03-01"), day("2027-09-30"));
        let dates = [
            date("a", "2027-02-28", MarkKind::Deadline),
            date("a", "2027-03-01", MarkKind::Deadline),
            date("a", "2027-05-01", MarkKind::Milestone),
            date("b", "2027-06-14", MarkKind::Estimated),
            date("b", "2027-09-30", MarkKind::Deadline),
            date("b", "2027-10-01", MarkKind::Deadline),
            date("c", "2028-01-01", MarkKind::Deadline),
        ];
        let t = layout(range, &[], &dates, day("2027-06-01"), day("2027-06-15"));
        let lines: Vec<(&str, Vec<(&str, MarkKind)>)> = t
            .obligations
            .iter()
            .map(|l| {
                let marks = l.marks.iter().map(|m| (m.date.as_str(), m.kind)).collect();
                (l.label.as_str(), marks)
            })
            .collect();
        assert_eq!(
            lines,
            vec![
                (
                    "a",
                    vec![
                        ("2027-03-01", MarkKind::Deadline),
                        ("2027-05-01", MarkKind::Milestone)
                    ]
                ),
                (
                    "b",
                    vec![
                        ("2027-06-14", MarkKind::Estimated),
                        ("2027-09-30", MarkKind::Deadline)
                    ]
                ),
            ]
        );
        // Marks sit inside the strip, in date order, each on its own lane's middle.
        let xs: Vec<f64> = t
            .obligations
            .iter()
            .flat_map(|l| l.marks.iter().map(|m| m.x))
            .collect();
        assert!(xs.iter().all(|x| (t.left..=t.right).contains(x)), "{xs:?}");
        assert!(xs[0] < xs[1] && xs[2] < xs[3]);
        assert!(t.obligations[0].y < t.obligations[1].y);
    }

    #[test]
    fn meetings_get_a_lane_each_with_their_confidence_and_are_cut_to_the_window() {
        let range = (day("2027-03-01"), day("2027-09-30"));
        let meetings = [
            meeting(
                "council",
                "council-2027",
                "2027-06-15",
                "2027-06-25",
                Confidence::Estimate,
            ),
            meeting(
                "cstd",
                "cstd-2027",
                "2027-02-20",
                "2027-03-05",
                Confidence::Likely,
            ),
            meeting(
                "council",
                "council-2026",
                "2026-06-15",
                "2026-06-25",
                Confidence::Confirmed,
            ),
            meeting(
                "pp",
                "pp-26",
                "2027-11-09",
                "2027-11-27",
                Confidence::Confirmed,
            ),
        ];
        let t = layout(range, &meetings, &[], day("2027-06-01"), day("2027-06-15"));
        let lanes: Vec<(&str, Vec<(&str, &str)>)> = t
            .meetings
            .iter()
            .map(|l| {
                let bars = l
                    .bars
                    .iter()
                    .map(|b| (b.id.as_str(), b.confidence))
                    .collect();
                (l.label.as_str(), bars)
            })
            .collect();
        assert_eq!(
            lanes,
            vec![
                ("council", vec![("council-2027", "estimate")]),
                ("cstd", vec![("cstd-2027", "likely")]),
            ]
        );
        // Cut at the window's start: the bar begins where the strip does.
        let cstd = &t.meetings[1].bars[0];
        assert!((cstd.x - t.left).abs() < 0.11);
        // Eleven days wide, ten days later than the cut one's five.
        let council = &t.meetings[0].bars[0];
        assert!(council.width > cstd.width * 2.0);
    }

    #[test]
    fn today_and_the_session_are_lines_when_inside_with_labels_apart() {
        let range = (day("2027-03-01"), day("2027-09-30"));
        let t = layout(range, &[], &[], day("2027-06-01"), day("2027-06-15"));
        let (today, session) = (t.today.unwrap(), t.session.unwrap());
        assert!(today.x < session.x);
        assert_ne!(today.label_y, session.label_y);
        assert!(today.label_y < t.height && session.label_y < t.height);
        let outside = layout(range, &[], &[], day("2026-01-01"), day("2027-06-15"));
        assert!(outside.today.is_none() && outside.session.is_some());
    }

    #[test]
    fn months_tile_the_strip_and_name_the_year_where_it_starts_and_turns() {
        let range = (day("2026-11-01"), day("2027-02-28"));
        let t = layout(range, &[], &[], day("2026-12-02"), day("2027-01-10"));
        let named: Vec<(u32, Option<i32>)> = t.months.iter().map(|m| (m.month, m.year)).collect();
        assert_eq!(
            named,
            vec![(11, Some(2026)), (12, None), (1, Some(2027)), (2, None)]
        );
        let last = t.months.last().unwrap();
        assert!((t.months[0].x - t.left).abs() < 0.11);
        assert!((last.x + last.width - t.right).abs() < 0.11);
        for pair in t.months.windows(2) {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 0.11);
        }
    }
}
