//! Turns engine results into listings: which fields each command shows, and how.

use crate::dates::Span;
use crate::engine::{Agenda, Item, Standing, State};
use crate::i18n::{self, Msg};
use crate::model::{
    Anchor, Confidence, InPeriod, Lang, Meeting, Milestone, MilestoneAt, Obligation, Outcome,
    Period, Registry, Rule,
};
use crate::record::LastClosed;
use crate::render::{self, Cell, Emphasis, Listing};

/// The footnotes a table of dates needs: one for each mark (`~`, `†`) it shows.
pub fn confidence_notes(
    lang: Lang,
    shown: impl Iterator<Item = Option<Confidence>>,
) -> Vec<String> {
    let mut seen: Vec<Confidence> = shown.flatten().collect();
    seen.sort();
    seen.dedup();
    seen.into_iter()
        .filter_map(|c| match c {
            Confidence::Confirmed => None,
            Confidence::Likely => Some(i18n::t(lang, Msg::LikelyNote).to_string()),
            Confidence::Estimate => Some(i18n::t(lang, Msg::TentativeNote).to_string()),
        })
        .collect()
}

/// When an occurrence falls due, as a person reads it: the date marked by how sure it is,
/// and the days to go (`due_label`, `when`).
pub fn when(item: &Item<'_>, lang: Lang) -> [Cell; 2] {
    let occ = &item.occurrence;
    [
        Cell::DueLabel {
            due: occ.due,
            confidence: occ.confidence,
        },
        Cell::DaysLabel {
            days: item.days,
            overdue: item.state == State::Overdue,
            lang,
        },
    ]
}

/// An occurrence as judged: its period, due date, days to go and state, as data and in words.
pub fn judged(item: &Item<'_>, lang: Lang) -> [Cell; 5] {
    let occ = &item.occurrence;
    [
        Cell::period(&occ.period),
        Cell::opt_date(occ.due),
        Cell::opt_int(item.days),
        Cell::fixed(item.state.as_str()),
        Cell::fixed(i18n::state(lang, item.state)),
    ]
}

pub fn emphasis(state: State) -> Emphasis {
    match state {
        State::Overdue => Emphasis::Alert,
        State::DueSoon => Emphasis::Warn,
        _ => Emphasis::None,
    }
}

/// Rows of occurrences: `due`, `overdue`, `remind`.
pub fn items<'a>(items: &'a Agenda<'_>, lang: Lang) -> Listing<'a> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("due_label", h(Msg::ColDue)),
        ("when", h(Msg::ColWhen)),
        ("id", h(Msg::ColObligation)),
        ("period", h(Msg::ColPeriod)),
        ("due", None),
        ("days", None),
        ("state", None),
        ("state_label", h(Msg::ColState)),
        ("title", h(Msg::ColTitle)),
        ("mandate", None),
        ("owner", None),
        ("to", h(Msg::ColTo)),
        ("meeting", None),
        ("tentative", None),
        ("confidence", None),
        ("lead", None),
        ("completed_on", None),
        ("ref", None),
    ]);
    l.made(items.len(), move |n, cells| {
        let item = &items.get(n);
        let ob = item.obligation();
        let occ = &item.occurrence;
        // Each cell written over its place, named as its column is above.
        let [
            due_label,
            when_label,
            id,
            period,
            due,
            days,
            state,
            state_label,
            title,
            mandate,
            owner,
            to,
            meeting,
            tentative,
            confidence,
            lead,
            completed_on,
            reference,
        ] = <&mut [Cell; 18]>::try_from(cells).expect("a cell per column");
        [*due_label, *when_label] = when(item, lang);
        *id = Cell::str(&ob.id);
        [*period, *due, *days, *state, *state_label] = judged(item, lang);
        *title = Cell::str(ob.title.pick(lang));
        *mandate = Cell::opt_str(ob.mandate.as_deref());
        *owner = Cell::opt_str(ob.owner().map(|t| t.pick(lang)));
        *to = Cell::opt_str(ob.to().map(|t| t.pick(lang)));
        *meeting = Cell::opt_text(occ.meeting.as_deref());
        *tentative = Cell::Bool(occ.tentative());
        *confidence = Cell::opt_fixed(occ.confidence.map(Confidence::as_str));
        *lead = Cell::Span(ob.lead);
        *completed_on = Cell::opt_date(item.completion.as_ref().map(|c| c.on));
        *reference = Cell::opt_text(
            item.completion
                .as_ref()
                .and_then(|c| c.reference.as_deref()),
        );
        emphasis(item.state)
    });
    l.display_only(&["due_label", "when", "state_label"]);
    l.free_text(&["title", "to"]);
    l.leave_out_first(&["to", "when", "period", "state_label"]);
    l.notes
        .extend(confidence_notes(lang, items.confidences().into_iter()));
    l
}

/// The status table: every obligation, as of a day, with the occurrence it last closed
/// (one per row, in the same order).
pub fn status(
    rows: &[Standing<'_>],
    closed: &[Option<LastClosed>],
    lang: Lang,
) -> Listing<'static> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("id", h(Msg::ColObligation)),
        ("title", h(Msg::ColTitle)),
        ("last_label", h(Msg::ColLastClosed)),
        ("last_done", h(Msg::ColClosedOn)),
        ("last_ref", h(Msg::ColReference)),
        ("due_label", h(Msg::ColNextDue)),
        ("state", None),
        ("state_label", h(Msg::ColState)),
        ("period", h(Msg::ColPeriod)),
        ("due", None),
        ("days", None),
        ("mandate", None),
        ("owner", None),
        ("to", None),
        ("meeting", None),
        ("tentative", None),
        ("confidence", None),
        ("last_period", None),
        ("last_outcome", None),
        ("last_days_late", None),
    ]);
    for (s, last) in rows.iter().zip(closed) {
        let ob = s.obligation;
        let cur = s.current.as_ref();
        let occ = cur.map(|i| &i.occurrence);
        let state = s.state();
        let c = last.as_ref().map(|l| &l.completion);
        l.push(
            vec![
                Cell::str(&ob.id),
                Cell::str(ob.title.pick(lang)),
                Cell::opt_text(
                    last.as_ref()
                        .map(|l| format!("{}, {}", l.period, l.closure.words(lang)))
                        .as_deref(),
                ),
                Cell::opt_date(c.map(|c| c.on)),
                Cell::opt_text(c.and_then(|c| c.reference.as_deref())),
                Cell::DueLabel {
                    due: occ.and_then(|o| o.due),
                    confidence: occ.and_then(|o| o.confidence),
                },
                Cell::fixed(state.as_str()),
                Cell::fixed(i18n::state(lang, state)),
                Cell::opt_period(occ.map(|o| &o.period)),
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_int(cur.and_then(|i| i.days)),
                Cell::opt_str(ob.mandate.as_deref()),
                Cell::opt_str(ob.owner().map(|t| t.pick(lang))),
                Cell::opt_str(ob.to().map(|t| t.pick(lang))),
                Cell::opt_text(occ.and_then(|o| o.meeting.as_deref())),
                Cell::Bool(occ.is_some_and(|o| o.tentative())),
                Cell::opt_fixed(occ.and_then(|o| o.confidence).map(Confidence::as_str)),
                Cell::opt_text(last.as_ref().map(|l| l.period.as_str())),
                Cell::opt_text(last.as_ref().map(|l| l.closure.as_str())),
                Cell::opt_int(last.as_ref().and_then(|l| l.closure.days_late())),
            ],
            emphasis(state),
        );
    }
    l.display_only(&["last_label", "due_label", "state_label"]);
    l.free_text(&["title", "last_label"]);
    l.leave_out_first(&["period", "last_ref", "last_done", "last_label", "title"]);
    l.notes.extend(confidence_notes(
        lang,
        rows.iter()
            .map(|s| s.current.as_ref().and_then(|i| i.occurrence.confidence)),
    ));
    l
}

/// An offset as the registry writes it after a reference: ` - 4w`, ` + 2d`, or nothing.
fn offset(s: Span) -> String {
    match s.count.cmp(&0) {
        std::cmp::Ordering::Equal => String::new(),
        std::cmp::Ordering::Less => format!(" - {}", s.negate()),
        std::cmp::Ordering::Greater => format!(" + {s}"),
    }
}

/// A meeting reference as the registry writes it: `council - 30d`, `hlpf.end + 2w`.
fn at(meeting: &str, anchor: Anchor, s: Span) -> String {
    let end = if anchor == Anchor::End { ".end" } else { "" };
    format!("{meeting}{end}{}", offset(s))
}

/// What a milestone is measured from, as the registry writes it: `due - 4w`, `cwg-wsis - 30d`.
pub fn milestone_rule_text(reg: &Registry, m: &Milestone) -> String {
    match m.at {
        MilestoneAt::Due(s) => format!("due{}", offset(s)),
        MilestoneAt::Meeting {
            meeting,
            anchor,
            offset,
        } => at(&reg.meetings[meeting].key, anchor, offset),
    }
}

/// How an obligation recurs, in words.
pub fn rule_text(reg: &Registry, ob: &Obligation, lang: Lang) -> String {
    let in_period = |period: Period, when: &InPeriod| match (period, when) {
        (Period::Year, InPeriod::Day { month, day }) => format!("{month:02}-{day:02}"),
        (Period::Quarter, InPeriod::Day { month, day }) => format!("{month}-{day:02}"),
        (Period::Month, InPeriod::Day { day, .. }) => format!("{day}"),
        (_, InPeriod::Start(s)) => format!("start{}", offset(*s)),
        (_, InPeriod::End(s)) => format!("end{}", offset(*s)),
    };
    match &ob.rule {
        Rule::Ongoing => i18n::t(lang, Msg::RuleOngoing).into(),
        Rule::Once(date) => i18n::f(lang, Msg::RuleOnce, &[("at", date)]),
        Rule::AtInstance {
            instance,
            anchor,
            offset,
            ..
        } => i18n::f(
            lang,
            Msg::RuleOnce,
            &[("at", &at(instance, *anchor, *offset))],
        ),
        Rule::Every { period, at: when } => {
            let every = match period {
                Period::Year => Msg::RuleEveryYear,
                Period::Quarter => Msg::RuleEveryQuarter,
                Period::Month => Msg::RuleEveryMonth,
            };
            i18n::f(lang, every, &[("at", &in_period(*period, when))])
        }
        Rule::AtSeries {
            meeting,
            anchor,
            offset,
            per_year,
        } => {
            let every = if *per_year {
                Msg::RuleEveryYear
            } else {
                Msg::RuleEveryMeeting
            };
            let key = &reg.meetings[*meeting].key;
            i18n::f(lang, every, &[("at", &at(key, *anchor, *offset))])
        }
    }
}

/// `due list`: obligations with their rule and next due date (see [`Standing::next`]).
pub fn obligations(
    reg: &Registry,
    rows: &[(&Obligation, Option<Item<'_>>)],
    lang: Lang,
) -> Listing<'static> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("id", h(Msg::ColObligation)),
        ("title", h(Msg::ColTitle)),
        ("mandate", h(Msg::ColMandate)),
        ("rule", None),
        ("rule_label", h(Msg::ColRule)),
        ("next_label", h(Msg::ColNextDue)),
        ("next_due", None),
        ("next_period", None),
        ("owner", None),
        ("to", None),
        ("tentative", None),
        ("confidence", None),
    ]);
    for (ob, next) in rows {
        let occ = next.as_ref().map(|i| &i.occurrence);
        l.push(
            vec![
                Cell::str(&ob.id),
                Cell::str(ob.title.pick(lang)),
                Cell::opt_str(ob.mandate.as_deref()),
                Cell::text(rule_text(reg, ob, Lang::En)),
                Cell::text(rule_text(reg, ob, lang)),
                Cell::DueLabel {
                    due: occ.and_then(|o| o.due),
                    confidence: occ.and_then(|o| o.confidence),
                },
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_period(occ.map(|o| &o.period)),
                Cell::opt_str(ob.owner().map(|t| t.pick(lang))),
                Cell::opt_str(ob.to().map(|t| t.pick(lang))),
                Cell::Bool(occ.is_some_and(|o| o.tentative())),
                Cell::opt_fixed(occ.and_then(|o| o.confidence).map(Confidence::as_str)),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["rule_label", "next_label"]);
    l.free_text(&["title", "mandate", "rule_label"]);
    l.leave_out_first(&["mandate", "rule_label"]);
    l
}

/// `due meetings`: every instance, listed or estimated.
/// What `due validate` says about a registry it read: its title, what it holds, and its
/// time zone, a line each.
pub fn summary(reg: &Registry, lang: Lang) -> String {
    let mut out = String::new();
    if !reg.title.en.is_empty() {
        let title = render::one_line(reg.title.get(lang));
        out.push_str(&i18n::f(lang, Msg::SummaryTitle, &[("title", &title)]));
        out.push('\n');
    }
    let instances: usize = reg.meetings.iter().map(|m| m.instances.len()).sum();
    let count = |n: usize, one, many| i18n::count(lang, n as i64, one, many);
    let args: [(&str, &dyn std::fmt::Display); 4] = [
        (
            "obligations",
            &count(
                reg.obligations.len(),
                Msg::CountObligation,
                Msg::CountObligations,
            ),
        ),
        (
            "meetings",
            &count(reg.meetings.len(), Msg::CountMeeting, Msg::CountMeetings),
        ),
        (
            "instances",
            &count(instances, Msg::CountInstance, Msg::CountInstances),
        ),
        ("zone", &reg.timezone.iana_name().unwrap_or("UTC")),
    ];
    out.push_str(&i18n::f(lang, Msg::SummaryCounts, &args));
    out.push('\n');
    out
}

pub fn meetings(instances: &[(&Meeting, crate::model::Instance)], lang: Lang) -> Listing<'static> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("meeting", h(Msg::ColMeeting)),
        ("id", h(Msg::ColInstance)),
        ("name", h(Msg::ColName)),
        ("start", h(Msg::ColOpens)),
        ("end", h(Msg::ColCloses)),
        ("confidence_label", h(Msg::ColDates)),
        ("confidence", None),
        ("tentative", None),
        ("source", None),
    ]);
    for (m, inst) in instances {
        l.push(
            vec![
                Cell::text(m.key.clone()),
                Cell::text(&inst.id),
                Cell::str(m.name.pick(lang)),
                Cell::Date(inst.start),
                Cell::Date(inst.end),
                Cell::fixed(i18n::t(lang, dates_msg(inst.confidence))),
                Cell::fixed(inst.confidence.as_str()),
                Cell::Bool(inst.tentative()),
                Cell::opt_str(inst.source.as_ref()),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["confidence_label"]);
    l.free_text(&["name"]);
    l.leave_out_first(&["meeting", "name"]);
    l
}

/// What the status heading says of the day it was taken from: the meeting instance that
/// opens on it, and whether its dates are only an estimate, the registry's own or one made
/// from the meeting's typical dates. A date stands for itself.
pub fn status_at(at: &crate::engine::At, lang: Lang) -> Option<String> {
    at.instance.as_ref().map(|i| {
        let key = match (i.tentative(), at.listed) {
            (false, _) => Msg::StatusAtOpens,
            (true, true) => Msg::StatusAtListedEstimate,
            (true, false) => Msg::StatusAtEstimate,
        };
        i18n::f(lang, key, &[("instance", &i.id)])
    })
}

/// How the interface says a meeting's dates are this sure.
pub fn dates_msg(confidence: Confidence) -> Msg {
    match confidence {
        Confidence::Confirmed => Msg::DatesConfirmed,
        Confidence::Likely => Msg::DatesLikely,
        Confidence::Estimate => Msg::DatesEstimate,
    }
}

/// How a recorded completion reads in one line.
pub fn completion_text(c: &crate::model::Completion, lang: Lang) -> String {
    let mut s = match &c.outcome {
        Outcome::Done => i18n::f(lang, Msg::Delivered, &[("date", &c.on)]),
        Outcome::Waived { reason } => {
            i18n::f(lang, Msg::WaivedOn, &[("date", &c.on), ("reason", reason)])
        }
    };
    if let Some(r) = &c.reference {
        s.push_str(&format!(", {r}"));
    }
    s
}
