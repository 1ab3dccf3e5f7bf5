//! Coverage of the embedded registry against the text of Resolution 1332.
//!
//! `tests/data/resolution-1332.fr.txt` is the French text of the resolution as revised, a
//! tracked-changes document flattened to plain text: where a deleted and an inserted phrase
//! run together, the inserted one (the second) stands ("20222026" reads 2026, "54" reads 4).
//! These tests walk the numbered clauses of the two instruction parts ("charge le Secrétaire
//! général" and "charge le Secrétaire général et les Directeurs des Bureaux") and check that
//! `obligations.toml` tracks every live clause that gives something to deliver or keep doing,
//! leaves the struck-out ones alone, and quotes the revised wording.
//!
//! The registry is read as a plain `toml::Table`, independently of the crate's own parser.

use std::collections::{BTreeMap, BTreeSet};

use toml::{Table, Value};

const SEED: &str = include_str!("data/resolution-1332.fr.txt");
const REGISTRY: &str = include_str!("../obligations.toml");

/// Flattened tracked changes and their revised reading. Applied in order to the seed before
/// quotes are compared with it.
const REVISED_READING: &[(&str, &str)] = &[
    (
        "Rév.\u{a0}Dubaï, 2018Bucarest, 2022",
        "Rév.\u{a0}Bucarest, 2022",
    ),
    ("Rév. Dubaï, 2018Bucarest, 2022", "Rév. Bucarest, 2022"),
    ("qui se tiendra en 2022,de 2026", "de 2026"),
    ("20222026", "2026"),
    ("volontaires,;", "volontaires;"),
    ("ivvii)", "vii)"),
    ("\n54\t", "\n4\t"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// "charge le Secrétaire général"
    Sg,
    /// "charge le Secrétaire général et les Directeurs des Bureaux"
    SgAndDirectors,
}

impl Part {
    const ALL: [Part; 2] = [Part::Sg, Part::SgAndDirectors];

    fn heading(self) -> &'static str {
        match self {
            Part::Sg => "charge le Secrétaire général",
            Part::SgAndDirectors => "charge le Secrétaire général et les Directeurs des Bureaux",
        }
    }

    /// How `mandate` names the part.
    fn citation(self) -> &'static str {
        match self {
            Part::Sg => "instructs the Secretary-General",
            Part::SgAndDirectors => {
                "instructs the Secretary-General and the Directors of the Bureaux"
            }
        }
    }
}

/// Clauses struck out of the revised text. The flattened text does not mark a deletion, so
/// each one is named here by its old number and opening words.
struct Struck {
    part: Part,
    old_number: u32,
    opening: &'static str,
    reason: &'static str,
}

const STRUCK: &[Struck] = &[Struck {
    part: Part::SgAndDirectors,
    old_number: 4,
    opening: "de mettre à jour le projet de feuille de route soumis au Conseil à sa session de 2018",
    reason: "deleted in the revision; the former 5 is renumbered 4 (\"54\")",
}];

/// Struck-out obligations outside the instruction parts, by a phrase of their wording. No
/// quote in the registry may contain them.
const STRUCK_ELSEWHERE: &[(&str, &str)] = &[(
    "de soumettre au Forum politique de haut niveau de l'Assemblée générale des Nations Unies de 2019 le rapport",
    "considering e), former iii): the 2019 HLPF report, deleted in the revision",
)];

/// The bullets of the registry's "Not tracked" section (its closing comment block), each as
/// one line of text: "- CLAUSE: reason" for a clause left out.
fn not_tracked_bullets() -> Vec<String> {
    let section = REGISTRY
        .split("\n# Not tracked\n")
        .nth(1)
        .expect("obligations.toml has a \"# Not tracked\" section");
    let mut bullets: Vec<String> = Vec::new();
    for line in section.lines() {
        let Some(text) = line.strip_prefix('#') else {
            break;
        };
        if let Some(item) = text.strip_prefix(" - ") {
            bullets.push(item.to_string());
        } else if let (Some(more), Some(last)) = (text.strip_prefix("   "), bullets.last_mut()) {
            last.push(' ');
            last.push_str(more.trim());
        }
    }
    bullets
}

/// The reason a bullet of the "Not tracked" section gives for leaving this clause out, if it
/// names the clause: "instructs the Secretary-General 2: reason".
fn not_tracked_reason(bullets: &[String], part: Part, number: u32) -> Option<String> {
    let name = format!("{} {number}", part.citation());
    bullets.iter().find_map(|b| {
        let rest = b.strip_prefix(&name)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (_, reason) = rest.split_once(": ")?;
        Some(reason.trim().to_string()).filter(|r| !r.is_empty())
    })
}

/// Parts of the "considérant" whose reports must be tracked: the Council's own reporting
/// duties, which the Secretary-General carries out.
const CONSIDERING_TRACKED: &[&str] = &["considering e)", "considering e) v)", "considering e) vi)"];

/// Whitespace, no-break spaces and no-break hyphens as the registry writes them.
fn normalize(s: &str) -> String {
    let s = s.replace('\u{2011}', "-");
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn revised_seed() -> String {
    let mut text = SEED.replace("\r\n", "\n");
    for (flattened, revised) in REVISED_READING {
        assert!(
            text.contains(flattened),
            "the seed no longer contains the flattened change {flattened:?}"
        );
        text = text.replace(flattened, revised);
    }
    text
}

#[derive(Debug)]
struct Clause {
    part: Part,
    number: u32,
    text: String,
}

/// The live clauses of the instruction parts, numbered as in the revised text, and the
/// struck ones found on the way.
fn instruction_clauses() -> (Vec<Clause>, Vec<&'static Struck>) {
    let lines: Vec<&str> = SEED.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut live = Vec::new();
    let mut struck_found = Vec::new();
    for part in Part::ALL {
        let start = lines
            .iter()
            .position(|l| l.trim() == part.heading())
            .unwrap_or_else(|| panic!("heading {:?} not found in the seed", part.heading()));
        let (mut old_next, mut new_next) = (1u32, 1u32);
        for line in &lines[start + 1..] {
            if line.trim().is_empty() {
                continue;
            }
            let Some((label, text)) = line.split_once('\t') else {
                break;
            };
            if label.is_empty() || !label.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            let text = normalize(text);
            if let Some(s) = STRUCK
                .iter()
                .find(|s| s.part == part && text.starts_with(s.opening))
            {
                assert_eq!(
                    (label, s.old_number),
                    (old_next.to_string().as_str(), old_next),
                    "struck clause {:?} is not where its old number says",
                    s.opening
                );
                struck_found.push(s);
                old_next += 1;
                continue;
            }
            // An unchanged number reads "N"; a renumbered one runs the old and new numbers
            // together ("54": 5 became 4).
            let expected = if old_next == new_next {
                new_next.to_string()
            } else {
                format!("{old_next}{new_next}")
            };
            assert_eq!(
                label,
                expected,
                "unexpected clause label in {:?} (old {old_next}, new {new_next}): {text:.60}",
                part.heading()
            );
            live.push(Clause {
                part,
                number: new_next,
                text,
            });
            old_next += 1;
            new_next += 1;
        }
    }
    (live, struck_found)
}

/// The text of "décide" N (its first line: the lettered items under 3 are not cited).
fn decides_clause(n: u32) -> String {
    let lines: Vec<&str> = SEED.lines().map(|l| l.trim_end_matches('\r')).collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "décide")
        .expect("\"décide\" in the seed");
    let label = n.to_string();
    lines[start + 1..]
        .iter()
        .take_while(|l| l.trim() != "charge le Secrétaire général")
        .find_map(|l| l.split_once('\t').filter(|(lab, _)| *lab == label))
        .map(|(_, text)| normalize(text))
        .unwrap_or_else(|| panic!("décide {n} not found in the seed"))
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Citation {
    Clause(Part, u32),
    Considering(String),
    /// "décide" N: what ITU itself must do, tracked where no instruction carries it.
    Decides(u32),
}

fn parse_mandate(id: &str, mandate: &str) -> Vec<Citation> {
    let rest = mandate
        .strip_prefix("Res. 1332 (rev.), ")
        .unwrap_or_else(|| {
            panic!("{id}: mandate {mandate:?} does not start with \"Res. 1332 (rev.), \"")
        });
    rest.split("; ")
        .map(|c| {
            if c.starts_with("considering ") {
                return Citation::Considering(c.to_string());
            }
            if let Some(n) = c.strip_prefix("decides ") {
                let n = n
                    .parse()
                    .unwrap_or_else(|_| panic!("{id}: bad clause number in {c:?}"));
                return Citation::Decides(n);
            }
            // The longer part name first: it starts with the shorter one.
            for part in [Part::SgAndDirectors, Part::Sg] {
                if let Some(n) = c
                    .strip_prefix(part.citation())
                    .and_then(|r| r.strip_prefix(' '))
                {
                    let n: u32 = n
                        .parse()
                        .unwrap_or_else(|_| panic!("{id}: bad clause number in {c:?}"));
                    return Citation::Clause(part, n);
                }
            }
            panic!("{id}: cannot read the citation {c:?} in mandate {mandate:?}")
        })
        .collect()
}

struct Obligation {
    id: String,
    table: Table,
    citations: Vec<Citation>,
}

impl Obligation {
    fn str(&self, key: &str) -> &str {
        self.table
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: `{key}` missing or not a string", self.id))
    }

    /// A text in one language, `en` or `fr`, of a key that gives it as `{ en, fr }`.
    fn text(&self, key: &str, lang: &str) -> &str {
        self.table
            .get(key)
            .and_then(Value::as_table)
            .and_then(|t| t.get(lang))
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: `{key}` has no `{lang}` text", self.id))
    }

    fn quote_segments(&self) -> Vec<String> {
        self.str("quote").split(" […] ").map(normalize).collect()
    }
}

fn registry() -> Table {
    toml::from_str(REGISTRY).expect("obligations.toml is valid TOML")
}

fn obligations() -> Vec<Obligation> {
    let reg = registry();
    let list = reg
        .get("obligation")
        .and_then(Value::as_array)
        .expect("obligations.toml has [[obligation]] entries");
    list.iter()
        .map(|v| {
            let table = v.as_table().expect("each obligation is a table").clone();
            let id = table
                .get("id")
                .and_then(Value::as_str)
                .expect("each obligation has an id")
                .to_string();
            let mandate = table
                .get("mandate")
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{id}: no mandate"));
            let citations = parse_mandate(&id, mandate);
            Obligation {
                id,
                table,
                citations,
            }
        })
        .collect()
}

#[test]
fn clause_walk_sees_the_revised_numbering() {
    let (live, struck) = instruction_clauses();
    let numbers = |p: Part| -> Vec<u32> {
        live.iter()
            .filter(|c| c.part == p)
            .map(|c| c.number)
            .collect()
    };
    assert_eq!(numbers(Part::Sg), (1..=15).collect::<Vec<_>>());
    assert_eq!(numbers(Part::SgAndDirectors), vec![1, 2, 3, 4]);
    let sgd4 = live
        .iter()
        .find(|c| c.part == Part::SgAndDirectors && c.number == 4)
        .unwrap();
    assert!(sgd4.text.starts_with("de poursuivre l'intégration"));
    assert_eq!(
        struck.len(),
        STRUCK.len(),
        "every struck clause listed must be found in the seed"
    );
}

#[test]
fn every_live_instruction_is_tracked_or_excused() {
    let (live, _) = instruction_clauses();
    let obligations = obligations();
    let cited: BTreeMap<(Part, u32), Vec<&str>> =
        obligations.iter().fold(BTreeMap::new(), |mut m, o| {
            for c in &o.citations {
                if let Citation::Clause(p, n) = c {
                    m.entry((*p, *n)).or_default().push(o.id.as_str());
                }
            }
            m
        });

    let bullets = not_tracked_bullets();
    let missing: Vec<String> = live
        .iter()
        .filter(|c| !cited.contains_key(&(c.part, c.number)))
        .filter(|c| not_tracked_reason(&bullets, c.part, c.number).is_none())
        .map(|c| format!("{} {}: {:.80}", c.part.citation(), c.number, c.text))
        .collect();
    assert!(
        missing.is_empty(),
        "clauses with no obligation citing them, and no reason given under \"Not tracked\":\n  {}",
        missing.join("\n  ")
    );
}

/// The check above reads the registry's own "Not tracked" section: a clause listed there with a
/// reason is excused, one listed without a reason or not listed is not.
#[test]
fn not_tracked_section_excuses_only_with_a_reason() {
    let bullets = vec![
        "instructs the Secretary-General 2: it says how other work is done".to_string(),
        "instructs the Secretary-General 10:".to_string(),
        "instructs the Secretary-General and the Directors of the Bureaux, former 4: struck"
            .to_string(),
    ];
    assert!(not_tracked_reason(&bullets, Part::Sg, 2).is_some());
    assert!(not_tracked_reason(&bullets, Part::Sg, 10).is_none());
    assert!(not_tracked_reason(&bullets, Part::Sg, 1).is_none());
    assert!(not_tracked_reason(&bullets, Part::SgAndDirectors, 4).is_none());
    // The section of the shipped registry is found and read.
    let shipped = not_tracked_bullets();
    assert!(
        shipped
            .iter()
            .any(|b| b.starts_with("instructs the Secretary-General 5, the input")),
        "{shipped:?}"
    );
}

#[test]
fn no_struck_out_instruction_is_tracked() {
    let (live, struck) = instruction_clauses();
    let live_keys: BTreeSet<(Part, u32)> = live.iter().map(|c| (c.part, c.number)).collect();
    for o in obligations() {
        for c in &o.citations {
            if let Citation::Clause(p, n) = c {
                assert!(
                    live_keys.contains(&(*p, *n)),
                    "{}: cites {} {n}, which is not a clause of the revised text",
                    o.id,
                    p.citation()
                );
            }
        }
        let quote = normalize(o.str("quote"));
        for s in &struck {
            assert!(
                !quote.contains(s.opening),
                "{}: quotes a struck clause ({})",
                o.id,
                s.reason
            );
        }
        for (phrase, reason) in STRUCK_ELSEWHERE {
            assert!(
                normalize(SEED).contains(phrase),
                "struck phrase {phrase:?} not found in the seed"
            );
            assert!(!quote.contains(phrase), "{}: quotes {reason}", o.id);
        }
    }
}

#[test]
fn considering_reports_are_tracked() {
    let cited: BTreeSet<String> = obligations()
        .iter()
        .flat_map(|o| o.citations.clone())
        .filter_map(|c| match c {
            Citation::Considering(s) => Some(s),
            Citation::Clause(..) | Citation::Decides(_) => None,
        })
        .collect();
    for want in CONSIDERING_TRACKED {
        assert!(cited.contains(*want), "no obligation cites {want:?}");
    }
    for c in &cited {
        assert!(
            CONSIDERING_TRACKED.contains(&c.as_str()),
            "{c:?} is cited but is not one of the considérant reports"
        );
    }
}

#[test]
fn quotes_are_the_revised_wording_of_the_cited_clauses() {
    let revised = normalize(&revised_seed());
    let (live, _) = instruction_clauses();
    // Clause texts in their revised reading.
    let clause_text = |p: Part, n: u32| -> String {
        let c = live
            .iter()
            .find(|c| (c.part, c.number) == (p, n))
            .expect("cited clause exists");
        let mut t = c.text.clone();
        // The renumbering entry concerns labels, not clause text.
        for (flattened, rev) in REVISED_READING.iter().filter(|(f, _)| !f.starts_with('\n')) {
            t = t.replace(&normalize(flattened), &normalize(rev));
        }
        t
    };
    let considering_e = {
        let start = revised
            .find("e) que, aux termes de la Résolution 140")
            .expect("considering e) in the seed");
        let end = revised[start..]
            .find("f) que la Résolution 102")
            .expect("considering f) in the seed");
        revised[start..start + end].to_string()
    };

    for o in obligations() {
        let segments = o.quote_segments();
        for seg in &segments {
            assert!(
                revised.contains(seg.as_str()),
                "{}: quote extract not found in the revised text: {seg:.80}",
                o.id
            );
        }
        assert_eq!(
            segments.len(),
            o.citations.len(),
            "{}: one quoted extract per cited clause",
            o.id
        );
        for (seg, c) in segments.iter().zip(&o.citations) {
            let source = match c {
                Citation::Clause(p, n) => clause_text(*p, *n),
                Citation::Considering(_) => considering_e.clone(),
                Citation::Decides(n) => decides_clause(*n),
            };
            assert!(
                source.contains(seg.as_str()),
                "{}: the extract {seg:.60} does not come from {c:?}",
                o.id
            );
        }
    }
}

#[test]
fn every_obligation_carries_its_provenance() {
    let mut ids = BTreeSet::new();
    for o in obligations() {
        assert!(ids.insert(o.id.clone()), "duplicate id {}", o.id);
        for key in ["mandate", "quote"] {
            assert!(!o.str(key).trim().is_empty(), "{}: empty `{key}`", o.id);
        }
        // Who delivers and who receives, in both languages, like the title.
        for key in ["owner", "to"] {
            for lang in ["en", "fr"] {
                let text = o.text(key, lang);
                assert!(!text.trim().is_empty(), "{}: empty `{key}.{lang}`", o.id);
            }
        }
        let title = o
            .table
            .get("title")
            .and_then(Value::as_table)
            .unwrap_or_else(|| panic!("{}: title must have `en` and `fr`", o.id));
        for lang in ["en", "fr"] {
            assert!(
                title
                    .get(lang)
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.is_empty()),
                "{}: no title.{lang}",
                o.id
            );
        }
    }
}

/// Annex c): drafts of the reports to ECOSOC (through the CSTD) and to the HLPF are reviewed
/// by CWG-WSIS&SDG.
#[test]
fn reports_to_ecosoc_and_hlpf_go_through_cwg_review() {
    for o in obligations() {
        let to = o.text("to", "en");
        if !(to.contains("CSTD") || to.contains("ECOSOC") || to.contains("HLPF")) {
            continue;
        }
        let milestones = o
            .table
            .get("milestones")
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{}: report to {to} without a CWG review milestone", o.id));
        let reviewed = milestones.iter().any(|m| {
            let name = m.get("name");
            let en = match name {
                Some(Value::String(s)) => s.as_str(),
                Some(Value::Table(t)) => t.get("en").and_then(Value::as_str).unwrap_or(""),
                _ => "",
            };
            en.contains("CWG-WSIS&SDG") && en.contains("review")
        });
        assert!(
            reviewed,
            "{}: report to {to} without a CWG review milestone",
            o.id
        );
    }
}

/// Every meeting a deadline names exists: a meeting key, a series' `SERIES-YEAR` instance
/// for a listed year, or an instance's own `id`.
#[test]
fn deadlines_name_known_meetings() {
    let reg = registry();
    let meetings = reg
        .get("meetings")
        .and_then(Value::as_table)
        .expect("[meetings]");
    let mut known = BTreeSet::new();
    for (key, m) in meetings {
        known.insert(key.clone());
        if let Some(dates) = m.get("dates").and_then(Value::as_table) {
            for (year, v) in dates {
                let instances = match v {
                    Value::Array(a) => a.clone(),
                    other => vec![other.clone()],
                };
                for (i, inst) in instances.iter().enumerate() {
                    let own = inst.get("id").and_then(Value::as_str);
                    match (own, i) {
                        (Some(id), _) => known.insert(id.to_string()),
                        (None, 0) => known.insert(format!("{key}-{year}")),
                        (None, i) => known.insert(format!("{key}-{year}-{}", i + 1)),
                    };
                }
            }
        }
    }
    for o in obligations() {
        let Some(due) = o.table.get("due").and_then(Value::as_str) else {
            continue;
        };
        let head = due.split(' ').next().unwrap();
        let head = head.strip_suffix(".end").unwrap_or(head);
        let is_date_or_period = head.chars().all(|c| c.is_ascii_digit() || c == '-')
            || head == "start"
            || head == "end";
        if !is_date_or_period {
            assert!(
                known.contains(head),
                "{}: due {due:?} names an unknown meeting {head:?}",
                o.id
            );
        }
    }
}
