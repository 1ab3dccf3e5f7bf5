//! The printable status handout (`due status --format html`): one page an officer hands
//! to a session's delegates. What needs the session's attention comes first, then what is
//! on track, then standing duties, then (when asked for) history; a timeline of the months
//! around the session closes it.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::dates;
use crate::engine::{self, At, Standing, State};
use crate::i18n::{self, Msg};
use crate::model::{Completions, Confidence, Lang, Registry, Rule};
use crate::record::LastClosed;
use crate::render::{self, Cell};
use crate::sections::{self, Group};
use crate::timeline::{self, DateIn, MarkKind, MeetingIn, Timeline};
use crate::views;

/// What the handout is made from: `status`'s rows, with the day they were judged on.
pub struct Handout<'a> {
    pub reg: &'a Registry,
    /// Each obligation's standing, the occurrence it last closed and its group, in the
    /// order [`sections::order`] gives.
    pub rows: &'a [Standing<'a>],
    pub closed: &'a [Option<LastClosed>],
    pub groups: &'a [Group],
    /// The day judged on, and the session it was taken from.
    pub at: &'a At,
    /// What the registry and the ledger record, to tell deadlines met from open ones.
    pub completions: &'a Completions,
    pub today: NaiveDate,
    pub lang: Lang,
    /// The status heading the table and Markdown print: the page's title.
    pub heading: &'a str,
    /// Said first among the notes: which filters chose the rows, how much history was
    /// left out.
    pub notes: Vec<String>,
}

#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    registry: &'a str,
    as_of: String,
    /// The meeting the page was prepared for, by name, with its dates.
    prepared_for: Option<String>,
    sections: Vec<Section>,
    notes: Vec<String>,
    timeline: Option<Timeline>,
    legend: Legend,
    meetings: Vec<MeetingLine>,
}

#[derive(Serialize)]
struct Section {
    key: &'static str,
    heading: String,
    /// Said instead of an empty table.
    empty: Option<String>,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    id: String,
    /// Too long for its column: it may break.
    long_id: bool,
    title: String,
    mandate: Option<String>,
    to: Option<String>,
    last: Option<Last>,
    /// The next due date as tables print it, marked when its meeting's dates are not sure.
    next_due: String,
    period: Option<String>,
    /// How far the next due date is from today (`in 5d`, `12d ago`), for an open one:
    /// the state is judged on the session's day, the page is read before it.
    when: Option<String>,
    state: &'static str,
    state_label: &'static str,
}

#[derive(Serialize)]
struct Last {
    /// `2026, on time`: the period and how it was closed.
    outcome: String,
    date: String,
    reference: Option<String>,
}

#[derive(Serialize)]
struct Legend {
    today: Option<String>,
    session: Option<String>,
}

#[derive(Serialize)]
struct MeetingLine {
    key: String,
    name: String,
    dates: String,
    confidence: &'static str,
    confidence_label: &'static str,
}

fn row(h: &Handout<'_>, s: &Standing<'_>, last: Option<&LastClosed>) -> Row {
    let lang = h.lang;
    let ob = s.obligation;
    let cur = s.current.as_ref();
    let occ = cur.map(|i| &i.occurrence);
    let state = cur.map_or(State::Untracked, |i| i.state);
    Row {
        id: ob.id.to_string(),
        long_id: render::html::breakable(&ob.id),
        title: render::one_line(ob.title.pick(lang)),
        mandate: ob.mandate().map(render::one_line),
        to: ob.to().map(|t| render::one_line(t.pick(lang))),
        last: last.map(|l| Last {
            outcome: format!("{}, {}", l.period, l.closure.words(lang)),
            date: l.completion.on.to_string(),
            reference: l.completion.reference.as_deref().map(render::one_line),
        }),
        next_due: Cell::DueLabel {
            due: occ.and_then(|o| o.due),
            confidence: occ.and_then(|o| o.confidence),
        }
        .plain(),
        period: occ
            .filter(|o| o.due.is_some())
            .map(|o| render::one_line(&o.period.text())),
        when: occ
            .and_then(|o| o.due)
            .filter(|_| state.is_open())
            .map(|due| {
                let days = (due - h.today).num_days();
                i18n::days(lang, Some(days), days < 0)
            }),
        state: state.as_str(),
        state_label: i18n::state(lang, state),
    }
}

/// The page, as HTML.
pub fn render(h: &Handout<'_>) -> String {
    let lang = h.lang;
    let at = h.at;
    let attention_by = sections::attention_by(at);
    let groups = [
        Group::Attention,
        Group::OnTrack,
        Group::Standing,
        Group::History,
    ];
    let sections: Vec<Section> = groups
        .into_iter()
        .map(|g| {
            let rows: Vec<Row> = (h.rows.iter().zip(h.closed).zip(h.groups))
                .filter(|(_, gg)| **gg == g)
                .map(|((s, last), _)| row(h, s, last.as_ref()))
                .collect();
            let heading = match g {
                Group::Attention => {
                    i18n::f(lang, Msg::SectionAttention, &[("date", &attention_by)])
                }
                Group::OnTrack => i18n::t(lang, Msg::SectionOnTrack).into(),
                Group::Standing => i18n::t(lang, Msg::SectionStanding).into(),
                Group::History => match h.reg.tracking_since {
                    Some(since) => i18n::f(lang, Msg::SectionHistory, &[("date", &since)]),
                    None => i18n::state(lang, State::Untracked).into(),
                },
            };
            let empty = (g == Group::Attention && rows.is_empty())
                .then(|| i18n::f(lang, Msg::NothingNeedsAttention, &[("date", &attention_by)]));
            Section {
                key: g.key(),
                heading,
                empty,
                rows,
            }
        })
        .filter(|s| !s.rows.is_empty() || s.empty.is_some())
        .collect();
    let mut notes = h.notes.clone();
    notes.extend(views::confidence_notes(
        lang,
        h.rows
            .iter()
            .map(|s| s.current.as_ref().and_then(|i| i.occurrence.confidence)),
    ));
    let as_of = match views::status_at(at, lang) {
        Some(what) => i18n::f(
            lang,
            Msg::HandoutAsOf,
            &[("date", &at.day), ("at", &what), ("today", &h.today)],
        ),
        None => i18n::f(
            lang,
            Msg::HandoutAsOfDay,
            &[("date", &at.day), ("today", &h.today)],
        ),
    };
    let prepared_for = at.instance.as_ref().and_then(|i| {
        let meeting = h
            .reg
            .meetings
            .iter()
            .find(|m| m.instance(&i.id).is_some())?;
        let dates = i18n::f(
            lang,
            Msg::DatesFromTo,
            &[("start", &i.start), ("end", &i.end)],
        );
        let name = render::one_line(meeting.name.pick(lang));
        Some(i18n::f(
            lang,
            Msg::HandoutFor,
            &[("name", &name), ("dates", &dates)],
        ))
    });
    let window = timeline::window(at.day, h.today);
    let meetings = meetings_in(h.reg, window, lang);
    let dates = dates_in(h, window);
    let drawn = timeline::layout(window, &meetings, &dates, h.today, at.day);
    let legend = Legend {
        today: drawn
            .today
            .as_ref()
            .map(|_| i18n::f(lang, Msg::LegendToday, &[("date", &h.today)])),
        session: drawn.session.as_ref().map(|_| session_label(at)),
    };
    let page = Page {
        title: h.heading,
        registry: h.reg.title.get(h.lang),
        as_of,
        prepared_for,
        sections,
        notes,
        legend,
        meetings: meetings
            .iter()
            .filter(|m| m.start <= window.1 && m.end >= window.0)
            .map(|m| MeetingLine {
                key: m.id.clone(),
                name: m.name.clone(),
                dates: i18n::f(
                    lang,
                    Msg::DatesFromTo,
                    &[("start", &m.start), ("end", &m.end)],
                ),
                confidence: m.confidence.as_str(),
                confidence_label: i18n::t(lang, views::dates_msg(m.confidence)),
            })
            .collect(),
        timeline: Some(drawn),
    };
    render::html::render("handout.html", lang, &page)
}

/// The session line's label: the instance and its opening day, or the day alone.
fn session_label(at: &At) -> String {
    match &at.instance {
        Some(i) => format!("{}, {}", i.id, at.day),
        None => at.day.to_string(),
    }
}

/// Every meeting instance that overlaps the window, listed or estimated, by start date.
fn meetings_in(reg: &Registry, (from, to): (NaiveDate, NaiveDate), lang: Lang) -> Vec<MeetingIn> {
    let mut out = Vec::new();
    for m in &reg.meetings {
        // An instance that overlaps the window starts at most a year before it.
        for year in from.year() - 1..=to.year() {
            for inst in m.in_year(year).iter() {
                if inst.start <= to
                    && inst.end >= from
                    && !out.iter().any(|o: &MeetingIn| o.id == inst.id)
                {
                    out.push(MeetingIn {
                        lane: m.key.clone(),
                        name: render::one_line(m.name.pick(lang)),
                        id: inst.id.clone(),
                        start: inst.start,
                        end: inst.end,
                        confidence: inst.confidence,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Every deadline and milestone of the listed obligations that falls in the window, in
/// the order the obligations are listed.
fn dates_in(h: &Handout<'_>, (from, to): (NaiveDate, NaiveDate)) -> Vec<DateIn> {
    let (reg, lang) = (h.reg, h.lang);
    let mut out = Vec::new();
    for s in h.rows {
        let ob = s.obligation;
        if matches!(ob.rule, Rule::Ongoing) {
            continue;
        }
        // Milestones fall before their deadline: look that much further ahead for them.
        let reach = ob.milestones().iter().map(|m| m.at.reach_days()).max();
        let ahead = dates::add_days(to, reach.unwrap_or(0)).unwrap_or(to);
        for occ in engine::occurrences(reg, ob, from, ahead) {
            let period = occ.period.text();
            let closed = h
                .completions
                .contains_key(&(ob.id.to_string(), period.clone()));
            if let Some(due) = occ.due.filter(|d| *d <= to) {
                out.push(DateIn {
                    obligation: ob.id.to_string(),
                    period: period.clone(),
                    on: due,
                    kind: if closed {
                        MarkKind::Closed
                    } else if occ.confidence == Some(Confidence::Estimate) {
                        MarkKind::Estimated
                    } else {
                        MarkKind::Deadline
                    },
                    label: format!(
                        "{} [{period}]: {}",
                        ob.id,
                        Cell::DueLabel {
                            due: Some(due),
                            confidence: occ.confidence,
                        }
                        .plain()
                    ),
                });
            }
            for m in engine::milestones(reg, &occ) {
                if (from..=to).contains(&m.on) {
                    out.push(DateIn {
                        obligation: ob.id.to_string(),
                        period: period.clone(),
                        on: m.on,
                        kind: MarkKind::Milestone,
                        label: format!(
                            "{} [{period}]: {}, {}",
                            ob.id,
                            render::one_line(m.milestone.name.get(lang)),
                            m.on
                        ),
                    });
                }
            }
        }
    }
    out
}
