//! The iCalendar feed (RFC 5545): one all-day event per occurrence and per milestone.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Property, Trigger};

use super::{Entry, shown};
use crate::engine::{DatedMilestone, Item};
use crate::i18n::{self, Msg};
use crate::model::{Confidence, Lang};

/// What the feed says about itself.
pub struct Feed<'a> {
    /// The calendar's name, as calendar applications show it.
    pub name: &'a str,
    pub lang: Lang,
    /// When the feed was made (DTSTAMP): the caller reads the clock, so the feed is a pure
    /// function of its arguments.
    pub stamp: DateTime<Utc>,
}

/// The feed as text, CRLF line endings and folded lines included.
pub fn ics(feed: &Feed<'_>, entries: &[Entry<'_>]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//due//due ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"));
    // Only the X-WR- form: the writer leaves RFC 7986's NAME unescaped.
    cal.append_property(("X-WR-CALNAME", shown(feed.name).as_str()));
    // Subscribed calendars refetch at this pace; deadlines do not move by the hour.
    cal.ttl(&TimeDelta::days(1));
    for (item, milestones) in entries {
        if let Some(event) = occurrence(feed, item) {
            cal.push(event);
        }
        for (n, m) in milestones.iter().enumerate() {
            cal.push(milestone(feed, item, n, m));
        }
    }
    cal.to_string()
}

/// An event that lasts the whole of `day`: DTEND is exclusive, so it is the next day.
fn all_day(feed: &Feed<'_>, uid: &str, day: NaiveDate) -> Event {
    let mut event = Event::new();
    event
        .uid(uid)
        .timestamp(feed.stamp)
        .starts(day)
        .ends(day.succ_opt().unwrap_or(day))
        // A deadline does not make anyone busy.
        .add_property("TRANSP", "TRANSPARENT");
    event
}

/// The UID names the obligation and the period, never a date, so that a moved meeting
/// updates the event already imported instead of adding a second one.
fn uid(item: &Item<'_>, part: &str) -> String {
    format!(
        "{}/{}{part}@due",
        item.obligation().id,
        item.occurrence.period
    )
}

fn occurrence(feed: &Feed<'_>, item: &Item<'_>) -> Option<Event> {
    let due = item.occurrence.due?;
    let ob = item.obligation();
    let title = shown(ob.title.get(feed.lang));
    let mut event = all_day(feed, &uid(item, ""), due);
    event
        .summary(&format!(
            "{title} [{}]",
            shown(&item.occurrence.period.text())
        ))
        .description(&description(feed, item, None))
        .status(status(item));
    let lead_days = ob
        .lead
        .negate()
        .add_to(due)
        .map_or(0, |start| (due - start).num_days());
    let mut alarm = Alarm::display(
        &i18n::f(
            feed.lang,
            Msg::IcsFallsDue,
            &[("due", &due), ("title", &title)],
        ),
        Trigger::before_start(TimeDelta::days(lead_days)),
    );
    // The writer would otherwise invent a random UID and read the clock for each alarm,
    // and give the trigger in seconds where people read days.
    alarm
        .uid(&uid(item, "/alarm"))
        .timestamp(feed.stamp)
        .append_property(Property::new("TRIGGER", format!("-P{lead_days}D")));
    event.alarm(alarm.done());
    Some(event.done())
}

fn milestone(feed: &Feed<'_>, item: &Item<'_>, n: usize, m: &DatedMilestone<'_>) -> Event {
    let title = shown(item.obligation().title.get(feed.lang));
    let name = shown(m.milestone.name.get(feed.lang));
    // Milestones are numbered in registry order: renaming one keeps its event.
    let mut event = all_day(feed, &uid(item, &format!("/milestone-{}", n + 1)), m.on);
    let sep = i18n::t(feed.lang, Msg::TitleSeparator);
    event
        .summary(&format!(
            "{name}{sep}{title} [{}]",
            shown(&item.occurrence.period.text())
        ))
        .description(&description(feed, item, Some(&name)))
        .status(status(item));
    event.done()
}

fn status(item: &Item<'_>) -> EventStatus {
    if item.occurrence.tentative() {
        EventStatus::Tentative
    } else {
        EventStatus::Confirmed
    }
}

/// One fact a line. Each piece of registry text is made one line (and cut short) first, so the only line
/// breaks are the ones put here, which the writer escapes as `\n`.
fn description(feed: &Feed<'_>, item: &Item<'_>, milestone: Option<&str>) -> String {
    let ob = item.obligation();
    let occ = &item.occurrence;
    let lang = feed.lang;
    let mut lines = Vec::new();
    if let (Some(name), Some(due)) = (milestone, occ.due) {
        lines.push(i18n::f(
            lang,
            Msg::IcsMilestone,
            &[("name", &name), ("due", &due)],
        ));
    }
    let period = shown(&occ.period.text());
    lines.push(i18n::f(
        lang,
        Msg::IcsObligation,
        &[("id", &shown(&ob.id)), ("period", &period)],
    ));
    let state = i18n::state(lang, item.state);
    lines.push(i18n::f(lang, Msg::IcsState, &[("state", &state)]));
    let facts = [
        (Msg::IcsTitle, Some(ob.title.get(lang))),
        (Msg::IcsMandate, ob.mandate()),
        (Msg::IcsTo, ob.to().map(|t| t.get(lang))),
        (Msg::IcsOwner, ob.owner().map(|t| t.get(lang))),
        (Msg::IcsMeeting, occ.meeting.as_deref()),
    ];
    for (label, value) in facts {
        if let Some(v) = value {
            lines.push(i18n::f(lang, label, &[("text", &shown(v))]));
        }
    }
    match occ.confidence {
        Some(Confidence::Estimate) => lines.push(i18n::t(lang, Msg::IcsEstimate).to_owned()),
        Some(Confidence::Likely) => lines.push(i18n::t(lang, Msg::IcsLikely).to_owned()),
        Some(Confidence::Confirmed) | None => {}
    }
    lines.join("\n")
}
