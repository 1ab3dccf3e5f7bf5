//! Properties of the schedule over generated registries and days. Registries are generated as
//! TOML text and read by the loader, so every case is also a registry the loader accepts.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;

use proptest::prelude::*;

use super::*;
use crate::dates::{Calendar, Roll};
use crate::model::Origin;
use crate::registry;

/// Kept modest: the suite runs on two cores alongside everything else.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

fn load(text: &str) -> Registry {
    match registry::parse(text, Origin::File("generated.toml".into())) {
        Ok(reg) => reg,
        Err(e) => panic!("generated registry rejected: {e}\n{text}"),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid generated date")
}

/// Any day from 1 January of year 1 to 31 December 9999.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let first = ymd(1, 1, 1).num_days_from_ce();
    let last = ymd(9999, 12, 31).num_days_from_ce();
    (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

/// A day in the years registries are usually about.
fn near_day() -> impl Strategy<Value = NaiveDate> {
    let first = ymd(2020, 1, 1).num_days_from_ce();
    let last = ymd(2035, 12, 31).num_days_from_ce();
    (first..=last).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

fn span() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..=731u32).prop_map(|n| format!("{n}d")),
        (0..=104u32).prop_map(|n| format!("{n}w")),
        (0..=24u32).prop_map(|n| format!("{n}m")),
        (0..=2u32).prop_map(|n| format!("{n}y")),
    ]
}

fn offset() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (any::<bool>(), span())
            .prop_map(|(minus, s)| format!(" {} {s}", if minus { '-' } else { '+' })),
    ]
}

#[derive(Clone, Debug)]
struct GenCalendar {
    weekend: Vec<&'static str>,
    holidays: Vec<NaiveDate>,
    roll: &'static str,
}

fn calendar() -> impl Strategy<Value = GenCalendar> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    (
        proptest::sample::subsequence(DAYS.to_vec(), 0..=6),
        // Runs of holidays as well as single ones, so that a roll may cross several.
        proptest::collection::vec((near_day(), 1..=12i64), 0..=8),
        prop_oneof![Just("previous"), Just("next"), Just("none")],
    )
        .prop_map(|(weekend, runs, roll)| {
            let holidays = runs
                .into_iter()
                .flat_map(|(start, len)| (0..len).filter_map(move |n| dates::add_days(start, n)))
                .collect();
            GenCalendar {
                weekend,
                holidays,
                roll,
            }
        })
}

impl GenCalendar {
    fn toml(&self) -> String {
        let weekend: Vec<String> = self.weekend.iter().map(|d| format!("\"{d}\"")).collect();
        let holidays: Vec<String> = self.holidays.iter().map(|d| d.to_string()).collect();
        format!(
            "[calendar]\nweekend = [{}]\nholidays = [{}]\nroll = \"{}\"\n",
            weekend.join(", "),
            holidays.join(", "),
            self.roll
        )
    }
}

/// Two meetings, a series and a single one, in the years around the generated days.
const MEETINGS: &str = "\
[meetings.council]
typical = \"06-15..06-25\"
[meetings.council.dates]
2025 = \"2025-06-17..2025-06-27\"
2026 = [\"2026-04-28..2026-05-08\", \"2026-11-07\"]
2028 = { dates = \"2028-02-29..2028-03-03\", tentative = true }
[meetings.pp-26]
dates = \"2026-11-09..2026-11-27\"
";

/// The `every` and `due` of an obligation, as TOML lines.
fn rule() -> impl Strategy<Value = String> {
    let md = (1..=12u32, 1..=31u32).prop_filter_map("a real month-day", |(m, d)| {
        NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("{m:02}-{d:02}"))
    });
    let start_end =
        (prop_oneof![Just("start"), Just("end")], offset()).prop_map(|(w, o)| format!("{w}{o}"));
    prop_oneof![
        md.prop_map(|md| format!("every = \"year\"\ndue = \"{md}\"")),
        (1..=3u32, 1..=31u32)
            .prop_map(|(m, d)| format!("every = \"quarter\"\ndue = \"{m}-{d:02}\"")),
        (1..=31u32).prop_map(|d| format!("every = \"month\"\ndue = \"{d}\"")),
        (
            prop_oneof![Just("year"), Just("quarter"), Just("month")],
            start_end
        )
            .prop_map(|(p, at)| format!("every = \"{p}\"\ndue = \"{at}\"")),
        (
            prop_oneof![Just("year"), Just("meeting")],
            prop_oneof![Just("council"), Just("council.end")],
            offset()
        )
            .prop_map(|(p, m, o)| format!("every = \"{p}\"\ndue = \"{m}{o}\"")),
        (
            prop_oneof![
                Just("pp-26"),
                Just("council-2026-2.end"),
                Just("council-2028")
            ],
            offset()
        )
            .prop_map(|(m, o)| format!("due = \"{m}{o}\"")),
        near_day().prop_map(|d| format!("due = {d}")),
        Just(String::new()),
    ]
}

fn bounds() -> impl Strategy<Value = String> {
    (
        proptest::option::of(near_day()),
        proptest::option::of(0..=3000i64),
    )
        .prop_map(|(from, length)| {
            let mut out = String::new();
            if let Some(from) = from {
                let _ = writeln!(out, "active_from = {from}");
                if let Some(until) = length.and_then(|n| dates::add_days(from, n)) {
                    let _ = writeln!(out, "active_until = {until}");
                }
            }
            out
        })
}

/// An obligation's `owner` and `to` lines: none, one text, or English and French.
fn owner_and_recipient() -> impl Strategy<Value = (&'static str, &'static str)> {
    (
        proptest::sample::select(vec![
            "",
            "owner = \"WSIS team\"\n",
            "owner = { en = \"Secretary-General\", fr = \"Secrétaire général\" }\n",
        ]),
        proptest::sample::select(vec![
            "",
            "to = \"ITU Council\"\n",
            "to = { en = \"CSTD\", fr = \"Commission de la science\" }\n",
        ]),
    )
}

/// A registry of one to four obligations over the generated calendar.
fn registry_text() -> impl Strategy<Value = (GenCalendar, String)> {
    (
        calendar(),
        proptest::collection::vec(
            (rule(), bounds(), span(), owner_and_recipient()),
            1..=4,
        ),
    )
        .prop_map(|(cal, obligations)| {
            let mut text = format!("schema = 1\n{}{MEETINGS}", cal.toml());
            for (n, (rule, bounds, lead, (owner, to))) in obligations.into_iter().enumerate() {
                let _ = write!(
                    text,
                    "[[obligation]]\nid = \"ob-{n}\"\ntitle = \"Obligation {n}\"\nlead = \"{lead}\"\n{owner}{to}{rule}\n{bounds}"
                );
            }
            (cal, text)
        })
}

/// Records to make against a registry once it is read: for each obligation, which of its
/// occurrences around the generated days are recorded, how, and when.
#[derive(Clone, Debug)]
struct GenRecords(Vec<(usize, usize, bool, i64)>);

impl GenRecords {
    /// Completions for the chosen occurrences (by obligation and rank from 2019 on): done
    /// (`true`) or waived, on a day some way from the due date.
    fn resolve(&self, reg: &Registry) -> Completions {
        let mut out = Completions::new();
        for &(ob, rank, done, shift) in &self.0 {
            let Some(ob) = reg.obligations.get(ob % reg.obligations.len()) else {
                continue;
            };
            let occ = occurrences(reg, ob, ymd(2019, 1, 1), ymd(2037, 12, 31));
            let Some(occ) = occ.get(rank) else {
                continue;
            };
            let due = occ.due.expect("dated");
            let outcome = if done {
                Outcome::Done
            } else {
                Outcome::Waived {
                    reason: "not needed".into(),
                }
            };
            let completion = Completion {
                outcome,
                on: dates::add_days(due, shift).expect("near"),
                reference: None,
                note: None,
                by: None,
            };
            out.insert((ob.id.to_string(), occ.period.text()), completion);
        }
        out
    }
}

/// A registry, with or without `tracking_since`, and records against it.
fn judged_registry() -> impl Strategy<Value = (String, GenRecords)> {
    (
        registry_text(),
        proptest::option::of(near_day()),
        proptest::collection::vec((0..4usize, 0..60usize, any::<bool>(), -60..=60i64), 0..=24),
    )
        .prop_map(|((_, text), since, records)| {
            let text = match since {
                Some(since) => text.replacen(
                    "schema = 1\n",
                    &format!("schema = 1\ntracking_since = {since}\n"),
                    1,
                ),
                None => text,
            };
            (text, GenRecords(records))
        })
}

/// The longest run of consecutive closed days the calendar has anywhere.
fn longest_closed_run(cal: &Calendar) -> i64 {
    let weekly = if cal.weekend.iter().all(|c| !c) {
        0
    } else {
        // Each closed weekday, walked forward over the weekend it starts.
        (0..7)
            .map(|start| (0..7).take_while(|k| cal.weekend[(start + k) % 7]).count())
            .max()
            .unwrap_or(0) as i64
    };
    let mut longest = weekly;
    for &h in &cal.holidays {
        let (mut lo, mut hi) = (h, h);
        while let Some(p) = lo.pred_opt().filter(|p| cal.is_closed(*p)) {
            lo = p;
        }
        while let Some(n) = hi.succ_opt().filter(|n| cal.is_closed(*n)) {
            hi = n;
        }
        longest = longest.max((hi - lo).num_days() + 1);
    }
    longest
}

/// `--id` patterns, each with what it means spelled out, to check the glob against.
/// What an `--id` pattern means, written out.
type IdMeaning = fn(&str) -> bool;

const ID_PATTERNS: [(&str, IdMeaning); 5] = [
    ("ob-*", |id| id.starts_with("ob-")),
    ("ob-[02]", |id| id == "ob-0" || id == "ob-2"),
    ("ob-?", |id| id.len() == 4 && id.starts_with("ob-")),
    ("*1", |id| id.ends_with('1')),
    ("ob-{1,3}", |id| id == "ob-1" || id == "ob-3"),
];

/// A filter, and what it means written out independently of it: which obligation and state
/// a row must have to be kept.
fn filter_and_meaning() -> impl Strategy<Value = (crate::filter::Filter, Meaning)> {
    let needle = || {
        proptest::option::of(proptest::sample::select(vec![
            "team",
            "SECRETARY",
            "général",
            "COMMISSION",
            "council",
            "cstd",
            "",
        ]))
    };
    (
        needle(),
        needle(),
        proptest::sample::subsequence(State::ALL.to_vec(), 0..=3),
        proptest::option::of(0..ID_PATTERNS.len()),
    )
        .prop_map(|(owner, recipient, states, id)| {
            let names: Vec<String> = states.iter().map(|s| s.as_str().to_owned()).collect();
            let filter =
                crate::filter::Filter::new(owner, recipient, &names, id.map(|n| ID_PATTERNS[n].0))
                    .expect("valid filters");
            let meaning = Meaning {
                owner,
                recipient,
                states,
                id: id.map(|n| ID_PATTERNS[n].1),
            };
            (filter, meaning)
        })
}

#[derive(Clone, Debug)]
struct Meaning {
    owner: Option<&'static str>,
    recipient: Option<&'static str>,
    states: Vec<State>,
    id: Option<IdMeaning>,
}

impl Meaning {
    fn keeps(&self, ob: &Obligation, state: State) -> bool {
        let holds = |needle: Option<&str>, text: Option<&crate::model::Text>| {
            let Some(needle) = needle else { return true };
            let needle = needle.to_lowercase();
            text.is_some_and(|t| {
                std::iter::once(&*t.en)
                    .chain(t.fr.as_deref())
                    .any(|s| s.to_lowercase().contains(&needle))
            })
        };
        holds(self.owner, ob.owner())
            && holds(self.recipient, ob.to())
            && (self.states.is_empty() || self.states.contains(&state))
            && self.id.is_none_or(|matches| matches(&ob.id))
    }
}

/// What tells a row of a listing apart: obligation, period and state.
type RowKey = (String, Option<String>, State);

fn item_key(i: &Item<'_>) -> RowKey {
    (
        i.obligation().id.to_string(),
        Some(i.occurrence.period.text()),
        i.state,
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn occurrences_are_sorted_inside_the_window_and_keyed_once(
        (_, text) in registry_text(),
        from in near_day(),
        length in 0..=2000i64,
    ) {
        let reg = load(&text);
        let to = dates::add_days(from, length).expect("near days");
        for ob in &reg.obligations {
            let occ = occurrences(&reg, ob, from, to);
            let dues: Vec<NaiveDate> = occ.iter().map(|o| o.due.expect("dated")).collect();
            prop_assert!(dues.is_sorted(), "{} not sorted: {dues:?}", ob.id);
            for due in &dues {
                prop_assert!(from <= *due && *due <= to, "{} {due} outside {from}..={to}", ob.id);
                prop_assert!(ob.active_from.is_none_or(|a| a <= *due));
                prop_assert!(ob.active_until.is_none_or(|u| *due <= u));
            }
            let mut keys = HashSet::new();
            for o in &occ {
                prop_assert!(keys.insert(o.period.text()), "{}: period {} twice", ob.id, o.period);
            }
        }
    }

    #[test]
    fn a_window_shows_what_a_wider_window_shows_inside_it(
        (_, text) in registry_text(),
        from in near_day(),
        length in 0..=800i64,
        margin in 1..=800i64,
    ) {
        let reg = load(&text);
        let to = dates::add_days(from, length).expect("near days");
        let wide_from = dates::add_days(from, -margin).expect("near days");
        let wide_to = dates::add_days(to, margin).expect("near days");
        let key = |o: &Occurrence<'_>| (o.period.text(), o.due);
        for ob in &reg.obligations {
            let narrow: Vec<_> = occurrences(&reg, ob, from, to).iter().map(key).collect();
            let wide: Vec<_> = occurrences(&reg, ob, wide_from, wide_to)
                .iter()
                .filter(|o| o.due.is_some_and(|d| from <= d && d <= to))
                .map(key)
                .collect();
            prop_assert_eq!(narrow, wide, "{}", ob.id);
        }
    }

    #[test]
    fn a_rolled_date_is_open_and_moves_at_most_the_longest_closed_run(
        (generated, text) in registry_text(),
        from in near_day(),
    ) {
        let reg = load(&text);
        let cal = &reg.calendar;
        let longest = longest_closed_run(cal);
        let to = dates::add_days(from, 1500).expect("near days");
        for day in (0..60).filter_map(|n| dates::add_days(from, n * 17)) {
            let rolled = cal.roll(day).expect("near days roll");
            let moved = (rolled - day).num_days();
            match cal.roll {
                Roll::None => prop_assert_eq!(rolled, day),
                Roll::Previous => prop_assert!((-longest..=0).contains(&moved), "{day} -> {rolled}, longest run {longest}"),
                Roll::Next => prop_assert!((0..=longest).contains(&moved), "{day} -> {rolled}, longest run {longest}"),
            }
            if cal.roll != Roll::None {
                prop_assert!(!cal.is_closed(rolled), "{day} rolled to closed {rolled}");
            }
        }
        if generated.roll != "none" {
            for ob in &reg.obligations {
                for o in occurrences(&reg, ob, from, to) {
                    let due = o.due.expect("dated");
                    prop_assert!(!cal.is_closed(due), "{} {} due on closed {due}", ob.id, o.period);
                    for m in milestones(&reg, &o) {
                        prop_assert!(!cal.is_closed(m.on), "milestone on closed {}", m.on);
                    }
                }
            }
        }
    }

    #[test]
    fn a_yearly_rule_falls_once_in_each_year_it_is_active(
        cal in calendar(),
        (month, day) in (1..=12u32, 1..=31u32),
        first in 2020..=2030i32,
        years in 1..=12i32,
        (from_year, until_year) in (2018..=2045i32, 0..=15i32),
    ) {
        let day = day.min(dates::days_in_month(2000, month));
        let active_until = from_year + until_year;
        let text = format!(
            "schema = 1\n{}[[obligation]]\nid = \"y\"\ntitle = \"Y\"\nevery = \"year\"\ndue = \"{month:02}-{day:02}\"\nactive_from = {from_year}-01-01\nactive_until = {active_until}-12-31\n",
            GenCalendar { roll: "none", ..cal }.toml()
        );
        let reg = load(&text);
        let last = first + years - 1;
        let occ = occurrences(&reg, &reg.obligations[0], ymd(first, 1, 1), ymd(last, 12, 31));
        let expected: Vec<String> = (first.max(from_year)..=last.min(active_until))
            .map(|y| y.to_string())
            .collect();
        let keys: Vec<String> = occ.iter().map(|o| o.period.text()).collect();
        prop_assert_eq!(keys, expected);
        for o in &occ {
            let year: i32 = o.period.text().parse().expect("a year key");
            prop_assert_eq!(o.due, dates::clamped(year, month, day));
        }
    }

    #[test]
    fn moving_a_meeting_moves_exactly_the_deadlines_tied_to_it(
        shift in -60..=60i64,
        offsets in proptest::collection::vec((any::<bool>(), 0..=300u32, any::<bool>()), 6),
    ) {
        let sign = |minus: bool| if minus { '-' } else { '+' };
        let o = |n: usize| {
            let (minus, days, weeks) = offsets[n];
            let unit = if weeks { format!("{}w", days / 7) } else { format!("{days}d") };
            format!("{} {unit}", sign(minus))
        };
        let moved_start = dates::add_days(ymd(2027, 6, 14), shift).expect("near");
        let moved_end = dates::add_days(moved_start, 4).expect("near");
        let body = |start: NaiveDate, end: NaiveDate| format!(
            "schema = 1\n\
             [meetings.council.dates]\n2026 = \"2026-06-15..2026-06-19\"\n2027 = \"{start}..{end}\"\n2028 = \"2028-06-12..2028-06-16\"\n\
             [meetings.pp]\ndates = \"2027-10-04..2027-10-08\"\n\
             [[obligation]]\nid = \"per-meeting\"\ntitle = \"t\"\nevery = \"meeting\"\ndue = \"council {}\"\n\
             [[obligation]]\nid = \"per-year\"\ntitle = \"t\"\nevery = \"year\"\ndue = \"council.end {}\"\n\
             [[obligation]]\nid = \"one-off\"\ntitle = \"t\"\ndue = \"council-2027 {}\"\n\
             [[obligation]]\nid = \"other-meeting\"\ntitle = \"t\"\ndue = \"pp {}\"\n\
             [[obligation]]\nid = \"fixed\"\ntitle = \"t\"\nevery = \"month\"\ndue = \"{}\"\n\
             [[obligation]]\nid = \"other-year\"\ntitle = \"t\"\ndue = \"council-2026.end {}\"\n",
            o(0), o(1), o(2), o(3), 1 + offsets[4].1 % 31, o(5)
        );
        let before = load(&body(ymd(2027, 6, 14), ymd(2027, 6, 18)));
        let after = load(&body(moved_start, moved_end));
        let list = |reg: &Registry| -> Vec<(String, String, NaiveDate)> {
            // Wide enough that no deadline leaves or enters the window when the meeting moves.
            let (lo, hi) = (ymd(2024, 1, 1), ymd(2030, 12, 31));
            reg.obligations
                .iter()
                .flat_map(|ob| occurrences(reg, ob, lo, hi))
                .map(|o| (o.obligation.id.to_string(), o.period.text(), o.due.expect("dated")))
                .collect()
        };
        let (b, a) = (list(&before), list(&after));
        prop_assert_eq!(b.len(), a.len());
        for (x, y) in b.iter().zip(&a) {
            prop_assert_eq!(&x.0, &y.0);
            prop_assert_eq!(&x.1, &y.1, "the period key survives the move");
            let tied = x.1 == "council-2027" || (x.0 == "per-year" && x.1 == "2027")
                || (x.0 == "one-off");
            let expected = if tied { shift } else { 0 };
            prop_assert_eq!((y.2 - x.2).num_days(), expected, "{} {}", x.0, x.1);
        }
    }

    #[test]
    fn the_day_after_the_due_date_is_overdue_and_a_delivery_then_is_late(
        (_, text) in registry_text(),
        from in near_day(),
    ) {
        let reg = load(&text);
        let to = dates::add_days(from, 800).expect("near");
        let none = Completions::new();
        for ob in &reg.obligations {
            for occ in occurrences(&reg, ob, from, to) {
                let due = occ.due.expect("dated");
                let after = due.succ_opt().expect("near");
                prop_assert_eq!(judge(&reg, occ.clone(), &none, due).state, State::DueSoon);
                prop_assert_eq!(judge(&reg, occ.clone(), &none, after).state, State::Overdue);
                let key = (ob.id.to_string(), occ.period.text());
                let record = |on| Completions::from([(key.clone(), Completion {
                    outcome: Outcome::Done,
                    on,
                    reference: None,
                    note: None,
                    by: None,
                })]);
                prop_assert_eq!(judge(&reg, occ.clone(), &record(after), after).state, State::DoneLate);
                prop_assert_eq!(judge(&reg, occ.clone(), &record(due), after).state, State::Done);
            }
        }
    }

    #[test]
    fn every_listing_agrees_on_what_is_overdue(
        (text, completions) in judged_registry(),
        today in near_day(),
    ) {
        let reg = load(&text);
        let completions = completions.resolve(&reg);
        let c = &completions;
        let keys = |items: &mut dyn Iterator<Item = Item<'_>>| -> BTreeSet<(String, String)> {
            items
                .filter(|i| i.state == State::Overdue)
                .map(|i| (i.obligation().id.to_string(), i.occurrence.period.text()))
                .collect()
        };
        let listed = overdue(&reg, c, today);
        let of_overdue = keys(&mut listed.iter());
        let far = dates::add_days(today, 90).expect("near");
        let of_agenda = keys(&mut agenda(&reg, c, today, far).iter());
        let reminded = attention(&reg, c, today, today);
        let of_remind = keys(&mut reminded.iter().map(|(i, _)| i.clone()));
        prop_assert_eq!(&of_agenda, &of_overdue);
        prop_assert_eq!(&of_remind, &of_overdue);
        for ob in &reg.obligations {
            let story = story(&reg, ob, c, today, 3);
            let of_show = keys(&mut story.iter().map(|(i, _)| i.clone()));
            let mine: BTreeSet<_> = of_overdue.iter().filter(|k| k.0 == *ob.id).cloned().collect();
            prop_assert_eq!(&of_show, &mine, "show {}", ob.id);
        }
        // `status` shows one occurrence per obligation: the oldest overdue one, when any.
        for row in status(&reg, c, today) {
            let id = row.obligation.id.to_string();
            let oldest = listed
                .iter()
                .filter(|i| *i.obligation().id == *id)
                .min_by_key(|i| i.occurrence.due)
                .map(|i| i.occurrence.period.text());
            let current = row.current.as_ref();
            let shown = current
                .filter(|i| i.state == State::Overdue)
                .map(|i| i.occurrence.period.text());
            prop_assert_eq!(shown, oldest, "status {}", id);
        }
    }

    #[test]
    fn show_explains_every_date_with_the_steps_that_gave_it(
        (_, text) in registry_text(),
        today in near_day(),
    ) {
        let reg = load(&text);
        let none = Completions::new();
        for ob in &reg.obligations {
            let plain = occurrences(&reg, ob, ymd(2000, 1, 1), ymd(2040, 12, 31));
            for (item, dated) in story(&reg, ob, &none, today, 4) {
                let occ = &item.occurrence;
                let how = occ.how.as_ref().expect("explained");
                prop_assert_eq!(Some(how.date), occ.due, "{} {}", ob.id, occ.period);
                // The same date as listings compute without noting the steps.
                let listed = plain.iter().find(|o| o.period == occ.period);
                prop_assert!(listed.is_none_or(|o| o.due == occ.due), "{} {}", ob.id, occ.period);
                prop_assert_eq!(dated.len(), milestones(&reg, occ).len());
                for m in &dated {
                    prop_assert_eq!(m.how.as_ref().map(|h| h.date), Some(m.on));
                }
            }
        }
    }

    #[test]
    fn what_is_overdue_stays_overdue_until_recorded(
        (text, completions) in judged_registry(),
        today in near_day(),
        later in 1..=3000i64,
    ) {
        let reg = load(&text);
        let completions = completions.resolve(&reg);
        let keys = |day: NaiveDate| -> BTreeSet<(String, String)> {
            overdue(&reg, &completions, day)
                .iter()
                .map(|i| (i.obligation().id.to_string(), i.occurrence.period.text()))
                .collect()
        };
        let now = keys(today);
        let next_day = keys(today.succ_opt().expect("near"));
        prop_assert!(now.is_subset(&next_day), "gone the next day: {:?}", now.difference(&next_day).collect::<Vec<_>>());
        let much_later = keys(dates::add_days(today, later).expect("near"));
        prop_assert!(now.is_subset(&much_later), "gone {later} days on: {:?}", now.difference(&much_later).collect::<Vec<_>>());
    }

    #[test]
    fn tracking_since_decides_only_what_is_history(
        (text, completions) in judged_registry(),
        today in near_day(),
        window in 0..=400i64,
    ) {
        let reg = load(&text);
        let completions = completions.resolve(&reg);
        let until = dates::add_days(today, window).expect("near");
        let listed = agenda(&reg, &completions, today, until);
        // The agenda keeps only where each item stands and makes it again when shown: the
        // items it makes are those every occurrence judged on the day gives, open and due by
        // `until`, in agenda order.
        let shown = |i: &Item<'_>| format!("{} {} {:?} {:?} {:?} {:?} {:?}", i.obligation().id, i.occurrence.period, i.occurrence.due, i.occurrence.meeting, i.occurrence.confidence, i.state, i.days);
        let placed: Vec<String> = listed.iter().map(|i| shown(&i)).collect();
        let made: Vec<String> = items(&reg, &completions, today, until.max(today))
            .iter()
            .filter(|i| i.state.is_open() && i.occurrence.due.is_some_and(|d| d <= until))
            .map(shown)
            .collect();
        prop_assert_eq!(placed, made);
        for i in listed.iter() {
            let due = i.occurrence.due.expect("dated");
            if let Some(since) = reg.tracking_since {
                prop_assert!(i.state != State::Overdue || due >= since, "{} {} overdue before {since}", i.obligation().id, i.occurrence.period);
            }
        }
        // Whatever is open and falls due from today to `until` is listed, whether or not it
        // falls before `tracking_since`, from where the obligation starts.
        let history = History::of(&reg);
        for ob in &reg.obligations {
            let from = today.max(history.start(ob));
            for occ in occurrences(&reg, ob, from, until) {
                let key = (ob.id.to_string(), occ.period.text());
                let open = !completions.contains_key(&key);
                let shown = listed.iter().any(|i| std::ptr::eq(i.obligation(), ob) && i.occurrence.period == occ.period);
                prop_assert_eq!(open, shown, "{} {} due {:?}", ob.id, occ.period, occ.due);
            }
        }
    }

    #[test]
    fn status_on_a_day_is_the_oldest_open_occurrence_due_by_then_else_the_next(
        (text, completions) in judged_registry(),
        as_of in near_day(),
    ) {
        let reg = load(&text);
        let completions = completions.resolve(&reg);
        for row in status(&reg, &completions, as_of) {
            let ob = row.obligation;
            if matches!(ob.rule, Rule::Ongoing) {
                continue;
            }
            // Everything the obligation ever has within reach, judged on the day.
            let start = History::of(&reg).start(ob);
            let all: Vec<Item<'_>> = occurrences(&reg, ob, start, ymd(2100, 12, 31))
                .into_iter()
                .map(|o| judge(&reg, o, &completions, as_of))
                .collect();
            let open_by_then = all.iter().find(|i| i.state.is_open() && i.occurrence.due <= Some(as_of));
            let next_open = all.iter().find(|i| i.state.is_open() && i.occurrence.due > Some(as_of));
            let want = open_by_then.or(next_open).map(|i| i.occurrence.period.text());
            let got = row.current.as_ref().filter(|i| i.state.is_open()).map(|i| i.occurrence.period.text());
            // Past three years ahead the next one is not looked for.
            let reach = dates::add_days(as_of, LOOKAHEAD_DAYS).expect("near");
            let far = next_open.is_some_and(|i| i.occurrence.due > Some(reach)) && open_by_then.is_none()
                && !matches!(ob.rule, Rule::Once(_) | Rule::AtInstance { .. });
            if !far {
                prop_assert_eq!(got, want, "{} on {}", ob.id, as_of);
            }
        }
    }

    /// Every listing command filters its rows the same way: the filtered listing is the
    /// unfiltered one with exactly the rows the filters' meaning admits, in the same order.
    #[test]
    fn a_filtered_listing_is_the_unfiltered_one_restricted_to_what_the_filters_mean(
        (text, completions) in judged_registry(),
        today in near_day(),
        window in 0..=400i64,
        (filter, meaning) in filter_and_meaning(),
    ) {
        use crate::filter::Row;
        let reg = load(&text);
        let c = completions.resolve(&reg);
        let until = dates::add_days(today, window).expect("near");
        fn check<R: Row>(
            name: &str,
            filter: &crate::filter::Filter,
            meaning: &Meaning,
            all: Vec<R>,
            key: impl Fn(&R) -> RowKey,
        ) -> Result<(), TestCaseError> {
            let want: Vec<_> = all.iter().filter(|r| meaning.keeps(r.obligation(), r.state())).map(&key).collect();
            let mut got = all;
            filter.retain(&mut got);
            let got: Vec<_> = got.iter().map(&key).collect();
            prop_assert_eq!(got, want, "{} with {}", name, filter);
            Ok(())
        }
        for (name, mut listed) in [("due", agenda(&reg, &c, today, until)), ("overdue", overdue(&reg, &c, today))] {
            let want: Vec<_> = listed.iter().filter(|i| meaning.keeps(i.obligation(), i.state)).map(|i| item_key(&i)).collect();
            filter.retain_agenda(&mut listed);
            let got: Vec<_> = listed.iter().map(|i| item_key(&i)).collect();
            prop_assert_eq!(got, want, "{} with {}", name, filter);
        }
        check("remind", &filter, &meaning, attention(&reg, &c, today, until), |(i, _)| item_key(i))?;
        let standing = |s: &Standing<'_>| {
            let period = s.current.as_ref().map(|i| i.occurrence.period.text());
            (s.obligation.id.to_string(), period, s.state())
        };
        let closed = crate::record::last_closed(&reg, &c, today);
        let rows: Vec<_> = status(&reg, &c, today).into_iter().zip(closed).collect();
        check("status", &filter, &meaning, rows, |(s, _)| standing(s))?;
        check("list", &filter, &meaning, status(&reg, &c, today), standing)?;
    }
}

proptest! {
    // Far days put thousands of years of history behind a rule: a few cases are enough here.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_day_of_years_1_to_9999_evaluates_without_panic(
        (_, text) in registry_text(),
        today in any_day(),
        window in 0..=40_000i64,
        edge in prop_oneof![Just(None), Just(Some(ymd(1, 1, 1))), Just(Some(ymd(9999, 12, 31)))],
    ) {
        let reg = load(&text);
        let today = edge.unwrap_or(today);
        let until = dates::add_days(today, window).unwrap_or(today);
        let completions = Completions::new();
        let _ = agenda(&reg, &completions, today, until);
        let _ = overdue(&reg, &completions, today);
        let _ = status(&reg, &completions, today);
        let _ = attention(&reg, &completions, today, until);
        for ob in &reg.obligations {
            let _ = occurrences(&reg, ob, today, until);
            let _ = resolve_period(&reg, ob, "2026", today);
            let _ = resolve_period(&reg, ob, "council-2026-2", today);
        }
    }

    #[test]
    fn rules_at_the_edges_of_the_calendar_evaluate_without_panic(
        rule in rule(),
        lead in span(),
        roll in prop_oneof![Just("previous"), Just("next"), Just("none")],
        today in prop_oneof![Just(ymd(1, 1, 1)), Just(ymd(1, 3, 1)), Just(ymd(9999, 10, 1)), Just(ymd(9999, 12, 31)), any_day()],
    ) {
        let text = format!(
            "schema = 1\n[calendar]\nweekend = [\"sat\", \"sun\"]\nholidays = [0001-01-01, 9999-12-31]\nroll = \"{roll}\"\n{MEETINGS}\
             [meetings.first]\ndates = \"0001-01-01..0001-01-03\"\n[meetings.last]\ndates = \"9999-12-29..9999-12-31\"\n\
             [[obligation]]\nid = \"a\"\ntitle = \"A\"\nlead = \"{lead}\"\n{rule}\n\
             [[obligation]]\nid = \"b\"\ntitle = \"B\"\ndue = \"first - 2y\"\n\
             [[obligation]]\nid = \"c\"\ntitle = \"C\"\ndue = \"last.end + 2y\"\nmilestones = [{{ name = \"m\", at = \"due - 104w\" }}]\n"
        );
        let reg = load(&text);
        let completions = Completions::new();
        let far = dates::add_days(today, 36_600).unwrap_or(ymd(9999, 12, 31));
        let _ = agenda(&reg, &completions, today, far);
        let _ = status(&reg, &completions, today);
        let _ = attention(&reg, &completions, today, far);
    }

    #[test]
    fn status_is_what_scanning_every_completion_for_each_obligation_gives(
        (_, text) in registry_text(),
        as_of in near_day(),
        picks in proptest::collection::vec((0..6usize, 0..64usize, any::<bool>(), -400..400i64), 0..24),
    ) {
        let reg = load(&text);
        let from = dates::add_days(as_of, -1500).expect("near");
        let to = dates::add_days(as_of, 1500).expect("near");
        let mut completions = Completions::new();
        for (which, nth, delivered, late) in picks {
            // Indices past the registry give records for obligations it does not have.
            let (id, period, due) = match reg.obligations.get(which) {
                Some(ob) => {
                    let occs = occurrences(&reg, ob, from, to);
                    let Some(occ) = occs.get(nth % occs.len().max(1)) else { continue };
                    (ob.id.to_string(), occ.period.text(), occ.due.unwrap_or(as_of))
                }
                None => (format!("gone-{which}"), format!("{}", 2020 + nth), as_of),
            };
            let outcome = if delivered {
                Outcome::Done
            } else {
                Outcome::Waived { reason: "not needed".into() }
            };
            let on = dates::add_days(due, late).expect("near");
            completions.insert((id, period), Completion { outcome, on, reference: None, note: None, by: None });
        }
        let rows = status(&reg, &completions, as_of);
        prop_assert_eq!(rows.len(), reg.obligations.len());
        for (row, ob) in rows.iter().zip(&reg.obligations) {
            // The reference: every completion looked at for every obligation, and the
            // obligation judged by its own alone.
            let own: Completions = completions
                .iter()
                .filter(|((id, _), _)| *id == *ob.id)
                .map(|(k, c)| (k.clone(), c.clone()))
                .collect();
            prop_assert!(std::ptr::eq(row.obligation, ob));
            let alone = current(&reg, ob, &own, as_of);
            prop_assert_eq!(
                row.current.as_ref().map(|i| (i.occurrence.period.text(), i.state, i.days, i.completion.cloned())),
                alone.map(|i| (i.occurrence.period.text(), i.state, i.days, i.completion.cloned()))
            );
        }
    }
}
