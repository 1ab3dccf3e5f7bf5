//! Turns engine results into listings: which fields each command shows, and how.

use crate::dates::Span;
use crate::engine::{Item, Standing, State};
use crate::i18n::{self, Msg};
use crate::model::{Anchor, InPeriod, Lang, Meeting, Obligation, Outcome, Period, Registry, Rule};
use crate::record::LastClosed;
use crate::render::{self, Cell, Emphasis, Listing, Row};

pub fn emphasis(state: State) -> Emphasis {
    match state {
        State::Overdue => Emphasis::Alert,
        State::DueSoon => Emphasis::Warn,
        _ => Emphasis::None,
    }
}

/// Rows of occurrences: `due`, `overdue`, `remind`.
pub fn items<'a>(items: &'a [Item<'_>], lang: Lang) -> Listing<'a> {
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
        ("lead", None),
        ("completed_on", None),
        ("ref", None),
    ]);
    l.made(items.len(), move |n| {
        let item = &items[n];
        let ob = item.obligation();
        let occ = &item.occurrence;
        Row {
            cells: vec![
                Cell::DueLabel {
                    due: occ.due,
                    tentative: occ.tentative,
                },
                Cell::DaysLabel {
                    days: item.days,
                    overdue: item.state == State::Overdue,
                    lang,
                },
                Cell::str(&ob.id),
                Cell::text(occ.period.text()),
                Cell::opt_date(occ.due),
                Cell::opt_int(item.days),
                Cell::fixed(item.state.as_str()),
                Cell::fixed(i18n::state(lang, item.state)),
                Cell::str(ob.title.pick(lang)),
                Cell::opt_str(ob.mandate.as_ref()),
                Cell::opt_str(ob.owner.as_ref().map(|t| t.pick(lang))),
                Cell::opt_str(ob.to.as_ref().map(|t| t.pick(lang))),
                Cell::opt_text(occ.meeting.as_deref()),
                Cell::Bool(occ.tentative),
                Cell::Span(ob.lead),
                Cell::opt_date(item.completion.as_ref().map(|c| c.on)),
                Cell::opt_text(
                    item.completion
                        .as_ref()
                        .and_then(|c| c.reference.as_deref()),
                ),
            ],
            emphasis: emphasis(item.state),
        }
    });
    l.display_only(&["due_label", "when", "state_label"]);
    l.free_text(&["title", "to"]);
    l.leave_out_first(&["to", "when", "period", "state_label"]);
    if items.iter().any(|i| i.occurrence.tentative) {
        l.notes.push(i18n::t(lang, Msg::TentativeNote).into());
    }
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
        ("last_period", None),
        ("last_outcome", None),
        ("last_days_late", None),
    ]);
    for (s, last) in rows.iter().zip(closed) {
        let ob = s.obligation;
        let cur = s.current.as_ref();
        let occ = cur.map(|i| &i.occurrence);
        let state = cur.map_or(State::Untracked, |i| i.state);
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
                    tentative: occ.is_some_and(|o| o.tentative),
                },
                Cell::fixed(state.as_str()),
                Cell::fixed(i18n::state(lang, state)),
                Cell::opt_text(occ.map(|o| o.period.text()).as_deref()),
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_int(cur.and_then(|i| i.days)),
                Cell::opt_str(ob.mandate.as_ref()),
                Cell::opt_str(ob.owner.as_ref().map(|t| t.pick(lang))),
                Cell::opt_str(ob.to.as_ref().map(|t| t.pick(lang))),
                Cell::opt_text(occ.and_then(|o| o.meeting.as_deref())),
                Cell::Bool(occ.is_some_and(|o| o.tentative)),
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
    if rows
        .iter()
        .any(|s| s.current.as_ref().is_some_and(|i| i.occurrence.tentative))
    {
        l.notes.push(i18n::t(lang, Msg::TentativeNote).into());
    }
    l
}

/// How an obligation recurs, in words.
pub fn rule_text(reg: &Registry, ob: &Obligation, lang: Lang) -> String {
    let offset = |s: Span| match s.count.cmp(&0) {
        std::cmp::Ordering::Equal => String::new(),
        std::cmp::Ordering::Less => format!(" - {}", s.negate()),
        std::cmp::Ordering::Greater => format!(" + {s}"),
    };
    let at = |meeting: &str, anchor: Anchor, s: Span| {
        let end = if anchor == Anchor::End { ".end" } else { "" };
        format!("{meeting}{end}{}", offset(s))
    };
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

/// `due list`: every obligation with its rule and next due date.
pub fn obligations(reg: &Registry, next: &[Option<Item<'_>>], lang: Lang) -> Listing<'static> {
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
    ]);
    for (ob, next) in reg.obligations.iter().zip(next) {
        let occ = next.as_ref().map(|i| &i.occurrence);
        l.push(
            vec![
                Cell::str(&ob.id),
                Cell::str(ob.title.pick(lang)),
                Cell::opt_str(ob.mandate.as_ref()),
                Cell::text(rule_text(reg, ob, Lang::En)),
                Cell::text(rule_text(reg, ob, lang)),
                Cell::DueLabel {
                    due: occ.and_then(|o| o.due),
                    tentative: occ.is_some_and(|o| o.tentative),
                },
                Cell::opt_date(occ.and_then(|o| o.due)),
                Cell::opt_text(occ.map(|o| o.period.text()).as_deref()),
                Cell::opt_str(ob.owner.as_ref().map(|t| t.pick(lang))),
                Cell::opt_str(ob.to.as_ref().map(|t| t.pick(lang))),
                Cell::Bool(occ.is_some_and(|o| o.tentative)),
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
pub fn summary(reg: &Registry) -> String {
    let mut out = String::new();
    if !reg.title.is_empty() {
        out.push_str(&format!("title: {}\n", render::one_line(&reg.title)));
    }
    let instances: usize = reg.meetings.iter().map(|m| m.instances.len()).sum();
    out.push_str(&format!(
        "{}, {} ({}), time zone {}\n",
        render::counted(reg.obligations.len() as i64, "obligation", "obligations"),
        render::counted(reg.meetings.len() as i64, "meeting", "meetings"),
        render::counted(instances as i64, "dated instance", "dated instances"),
        reg.timezone
    ));
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
        ("tentative_label", h(Msg::ColDates)),
        ("tentative", None),
    ]);
    for (m, inst) in instances {
        l.push(
            vec![
                Cell::text(m.key.clone()),
                Cell::text(&inst.id),
                Cell::str(m.name.pick(lang)),
                Cell::Date(inst.start),
                Cell::Date(inst.end),
                Cell::fixed(i18n::t(
                    lang,
                    if inst.tentative {
                        Msg::DatesEstimate
                    } else {
                        Msg::DatesConfirmed
                    },
                )),
                Cell::Bool(inst.tentative),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["tentative_label"]);
    l.free_text(&["name"]);
    l.leave_out_first(&["meeting", "name"]);
    l
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
