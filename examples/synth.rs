//! Synthetic registry generator.
//!
//! ```text
//! cargo run --release --example synth -- --obligations N --out DIR [--seed S]
//!     [--roll none|previous|next] [--tracking-since YYYY-MM-DD] [--plain]
//! ```
//!
//! Writes `DIR/registry.toml`, a registry in the format of `docs/registry.md`, and
//! `DIR/reminders.rem`, the same deadlines for `remind(1)`, so that both tools can be
//! asked the same question about the same data. Every `MSG` starts with the obligation id.
//!
//! Two profiles. The default, the meeting profile, leans on meetings, where remind needs
//! several reminders per obligation; `--plain` writes plain dated obligations, one reminder
//! each (a few more for monthly days 29 and 30), with no meetings at all: one-offs over
//! 2024–2028, yearly `MM-DD` (29 February included) and monthly days 1–31, each with its own
//! lead of 7 to 60 days, and no bounds or milestones.
//!
//! What the meeting profile holds: a few dozen meeting series with dated instances for every
//! year 2024–2030 (some meet twice a year, some dates are tentative, some years are left to
//! the series' `typical` dates), a handful of single meetings, and obligations of every
//! kind: one-offs (fixed or relative to one meeting instance), yearly, quarterly and
//! monthly recurrences (fixed days, including month ends and 29 February, or `start`/`end`
//! of the period with an offset), yearly and per-meeting deadlines tied to a series, and a
//! few ongoing duties. Titles are bilingual (English and French).
//!
//! How the reminders are written:
//!
//! - fixed dates (one-offs, and every deadline tied to a meeting) are dated reminders
//!   (`REM 2027-03-15 MSG …`), one per meeting instance from 2023 to 2031;
//! - a yearly `MM-DD` is `REM Nov 30`; `02-29` is `REM Mar 1 --1` (the last day of
//!   February, whatever the year);
//! - a quarterly `M-DD` is four yearly reminders, one per quarter, with the day clamped to
//!   the month's end as `docs/registry.md` says;
//! - a monthly `DD` is `REM DD` up to 28, `REM 30` plus `REM Mar 1 --1` for 30, `REM 1 --1`
//!   (every month's last day) for 31, and one reminder per month for 29 (remind's `REM 29`
//!   skips 29 February);
//! - `start ± Nd` and `end ± Nd` become a day of the month or `REM Mon 1 --N` (N days
//!   before the 1st, weekends and holidays ignored);
//! - `active_from`/`active_until` become `FROM`/`UNTIL`;
//! - with `--roll previous` or `--roll next`, the calendar's holidays become global `OMIT`
//!   lines and every reminder gets `OMIT Sat Sun BEFORE` or `OMIT Sat Sun AFTER`.
//!
//! Bounded obligations (`active_from`/`active_until`) only use days 6 to 24 and bounds on a
//! month's first or last day, so a roll never carries an occurrence across a bound.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, Duration, Months, NaiveDate};

const FIRST_YEAR: i32 = 2024;
const LAST_YEAR: i32 = 2030;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// SplitMix64: small, fast and good enough to make varied synthetic data.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo + 1) as u64;
        lo + (self.next_u64() % span) as i64
    }

    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.next_u64() % 100 < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Roll {
    None,
    Previous,
    Next,
}

impl Roll {
    fn name(self) -> &'static str {
        match self {
            Roll::None => "none",
            Roll::Previous => "previous",
            Roll::Next => "next",
        }
    }

    /// What every remind line gets so that remind rolls as the registry does.
    fn remind_clause(self) -> &'static str {
        match self {
            Roll::None => "",
            Roll::Previous => " OMIT Sat Sun BEFORE",
            Roll::Next => " OMIT Sat Sun AFTER",
        }
    }
}

struct Args {
    obligations: usize,
    out: PathBuf,
    seed: u64,
    roll: Roll,
    tracking_since: NaiveDate,
    plain: bool,
}

const USAGE: &str = "usage: synth --obligations N --out DIR [--seed S] \
[--roll none|previous|next] [--tracking-since YYYY-MM-DD] [--plain]";

fn parse_args() -> Result<Args, String> {
    let mut obligations = None;
    let mut out = None;
    let mut seed = 1;
    let mut roll = Roll::None;
    let mut tracking_since = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    let mut plain = false;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        if flag == "--plain" {
            plain = true;
            continue;
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--obligations" | "-n" => {
                obligations = Some(value.parse().map_err(|_| {
                    format!("--obligations: expected a whole number, got {value:?}")
                })?);
            }
            "--out" | "-o" => out = Some(PathBuf::from(value)),
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed: expected a whole number, got {value:?}"))?;
            }
            "--roll" => {
                roll = match value.as_str() {
                    "none" => Roll::None,
                    "previous" => Roll::Previous,
                    "next" => Roll::Next,
                    _ => {
                        return Err(format!(
                            "--roll: expected none, previous or next, got {value:?}"
                        ));
                    }
                };
            }
            "--tracking-since" => {
                tracking_since = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .map_err(|_| format!("--tracking-since: expected YYYY-MM-DD, got {value:?}"))?;
            }
            _ => return Err(format!("unknown option {flag:?}\n{USAGE}")),
        }
    }
    Ok(Args {
        obligations: obligations.ok_or_else(|| format!("--obligations is required\n{USAGE}"))?,
        out: out.ok_or_else(|| format!("--out is required\n{USAGE}"))?,
        seed,
        roll,
        tracking_since,
        plain,
    })
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let first_next = if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    };
    (first_next - Duration::days(1)).day()
}

/// A deadline's offset from its anchor, as the registry writes it (`- 30d`, `+ 2w`, `- 1m`).
#[derive(Clone, Copy)]
struct Offset {
    n: i64,
    unit: char,
}

impl Offset {
    fn apply(self, d: NaiveDate) -> NaiveDate {
        match self.unit {
            'd' => d + Duration::days(self.n),
            'w' => d + Duration::weeks(self.n),
            'm' if self.n >= 0 => d + Months::new(self.n as u32),
            'm' => d - Months::new((-self.n) as u32),
            _ => unreachable!("units are d, w and m"),
        }
    }

    fn suffix(self) -> String {
        if self.n == 0 {
            String::new()
        } else if self.n < 0 {
            format!(" - {}{}", -self.n, self.unit)
        } else {
            format!(" + {}{}", self.n, self.unit)
        }
    }

    fn random_meeting(rng: &mut Rng) -> Offset {
        match rng.range(0, 9) {
            0..=3 => Offset {
                n: -rng.range(1, 120),
                unit: 'd',
            },
            4..=5 => Offset {
                n: -rng.range(1, 16),
                unit: 'w',
            },
            6 => Offset {
                n: -rng.range(1, 4),
                unit: 'm',
            },
            7 => Offset {
                n: rng.range(1, 60),
                unit: 'd',
            },
            8 => Offset {
                n: rng.range(1, 8),
                unit: 'w',
            },
            _ => Offset {
                n: rng.range(1, 3),
                unit: 'm',
            },
        }
    }
}

struct Instance {
    id: String,
    year: i32,
    start: NaiveDate,
    end: NaiveDate,
    /// Listed under the series' `dates` (not an estimate from `typical`).
    listed: bool,
}

struct Series {
    key: &'static str,
    /// Instances in date order, years 2023 to 2031 (2023 and 2031 only from `typical`).
    instances: Vec<Instance>,
}

struct Single {
    key: &'static str,
    start: NaiveDate,
    end: NaiveDate,
}

const SERIES: [(&str, &str, &str); 36] = [
    ("council", "ITU Council", "Conseil de l'UIT"),
    (
        "cstd",
        "Commission on Science and Technology for Development",
        "Commission de la science et de la technique au service du développement",
    ),
    (
        "hlpf",
        "High-Level Political Forum on Sustainable Development",
        "Forum politique de haut niveau pour le développement durable",
    ),
    (
        "unga",
        "United Nations General Assembly",
        "Assemblée générale des Nations Unies",
    ),
    (
        "ecosoc",
        "Economic and Social Council",
        "Conseil économique et social",
    ),
    ("wsis-forum", "WSIS Forum", "Forum du SMSI"),
    (
        "igf",
        "Internet Governance Forum",
        "Forum sur la gouvernance de l'Internet",
    ),
    (
        "cwg-wsis",
        "Council Working Group on WSIS and SDGs",
        "Groupe de travail du Conseil sur le SMSI et les ODD",
    ),
    (
        "cwg-fhr",
        "Council Working Group on Financial and Human Resources",
        "Groupe de travail du Conseil sur les ressources financières et humaines",
    ),
    (
        "cwg-cop",
        "Council Working Group on Child Online Protection",
        "Groupe de travail du Conseil sur la protection en ligne des enfants",
    ),
    (
        "cwg-lang",
        "Council Working Group on Languages",
        "Groupe de travail du Conseil sur les langues",
    ),
    (
        "cwg-internet",
        "Council Working Group on Internet-related public policy issues",
        "Groupe de travail du Conseil sur les questions de politiques publiques relatives à l'Internet",
    ),
    (
        "tdag",
        "Telecommunication Development Advisory Group",
        "Groupe consultatif pour le développement des télécommunications",
    ),
    (
        "rag",
        "Radiocommunication Advisory Group",
        "Groupe consultatif des radiocommunications",
    ),
    (
        "tsag",
        "Telecommunication Standardization Advisory Group",
        "Groupe consultatif de la normalisation des télécommunications",
    ),
    (
        "rrb",
        "Radio Regulations Board",
        "Comité du Règlement des radiocommunications",
    ),
    (
        "imac",
        "Independent Management Advisory Committee",
        "Comité consultatif indépendant pour les questions de gestion",
    ),
    (
        "hrc",
        "Human Rights Council",
        "Conseil des droits de l'homme",
    ),
    (
        "unesco-exb",
        "UNESCO Executive Board",
        "Conseil exécutif de l'UNESCO",
    ),
    (
        "unctad-tdb",
        "UNCTAD Trade and Development Board",
        "Conseil du commerce et du développement de la CNUCED",
    ),
    (
        "wipo-ga",
        "WIPO General Assembly",
        "Assemblée générale de l'OMPI",
    ),
    (
        "wmo-ec",
        "WMO Executive Council",
        "Conseil exécutif de l'OMM",
    ),
    (
        "upu-cac",
        "UPU Council of Administration",
        "Conseil d'administration de l'UPU",
    ),
    (
        "wha",
        "World Health Assembly",
        "Assemblée mondiale de la santé",
    ),
    (
        "ilo-gb",
        "ILO Governing Body",
        "Conseil d'administration du BIT",
    ),
    ("fao-council", "FAO Council", "Conseil de la FAO"),
    (
        "gsr",
        "Global Symposium for Regulators",
        "Colloque mondial des régulateurs",
    ),
    (
        "rpm-afr",
        "Regional Preparatory Meeting for Africa",
        "Réunion préparatoire régionale pour l'Afrique",
    ),
    (
        "rpm-ams",
        "Regional Preparatory Meeting for the Americas",
        "Réunion préparatoire régionale pour les Amériques",
    ),
    (
        "rpm-arb",
        "Regional Preparatory Meeting for the Arab States",
        "Réunion préparatoire régionale pour les États arabes",
    ),
    (
        "rpm-asp",
        "Regional Preparatory Meeting for Asia and the Pacific",
        "Réunion préparatoire régionale pour l'Asie et le Pacifique",
    ),
    (
        "rpm-cis",
        "Regional Preparatory Meeting for the CIS",
        "Réunion préparatoire régionale pour la CEI",
    ),
    (
        "rpm-eur",
        "Regional Preparatory Meeting for Europe",
        "Réunion préparatoire régionale pour l'Europe",
    ),
    (
        "jiu",
        "Joint Inspection Unit review",
        "Examen du Corps commun d'inspection",
    ),
    (
        "ceb",
        "UN System Chief Executives Board",
        "Conseil des chefs de secrétariat des organismes des Nations Unies",
    ),
    (
        "acabq",
        "Advisory Committee on Administrative and Budgetary Questions",
        "Comité consultatif pour les questions administratives et budgétaires",
    ),
];

/// Key, English and French names, first and last day.
type SingleMeeting = (
    &'static str,
    &'static str,
    &'static str,
    (i32, u32, u32),
    (i32, u32, u32),
);

const SINGLES: [SingleMeeting; 8] = [
    (
        "wtsa-24",
        "World Telecommunication Standardization Assembly 2024",
        "Assemblée mondiale de normalisation des télécommunications 2024",
        (2024, 10, 15),
        (2024, 10, 24),
    ),
    (
        "wtdc-25",
        "World Telecommunication Development Conference 2025",
        "Conférence mondiale de développement des télécommunications 2025",
        (2025, 11, 17),
        (2025, 11, 28),
    ),
    (
        "wsis20-hlm",
        "UN General Assembly high-level meeting on WSIS+20",
        "Réunion de haut niveau de l'Assemblée générale sur le SMSI+20",
        (2025, 12, 16),
        (2025, 12, 17),
    ),
    (
        "pp-26",
        "Plenipotentiary Conference 2026",
        "Conférence de plénipotentiaires de 2026",
        (2026, 11, 9),
        (2026, 11, 27),
    ),
    (
        "wrc-27",
        "World Radiocommunication Conference 2027",
        "Conférence mondiale des radiocommunications de 2027",
        (2027, 10, 18),
        (2027, 11, 12),
    ),
    (
        "wtsa-28",
        "World Telecommunication Standardization Assembly 2028",
        "Assemblée mondiale de normalisation des télécommunications 2028",
        (2028, 10, 10),
        (2028, 10, 19),
    ),
    (
        "wtdc-29",
        "World Telecommunication Development Conference 2029",
        "Conférence mondiale de développement des télécommunications 2029",
        (2029, 11, 5),
        (2029, 11, 16),
    ),
    (
        "pp-30",
        "Plenipotentiary Conference 2030",
        "Conférence de plénipotentiaires de 2030",
        (2030, 9, 23),
        (2030, 10, 11),
    ),
];

const SUBJECTS: [(&str, &str); 20] = [
    (
        "Annual report on the WSIS action lines",
        "Rapport annuel sur les grandes orientations du SMSI",
    ),
    (
        "Input to the High-Level Political Forum",
        "Contribution au Forum politique de haut niveau",
    ),
    ("Financial statement", "État financier"),
    (
        "Progress report on implementation",
        "Rapport d'étape sur la mise en œuvre",
    ),
    (
        "Report on gender equality and mainstreaming",
        "Rapport sur l'égalité des genres et leur prise en compte",
    ),
    (
        "Budget execution summary",
        "Synthèse de l'exécution du budget",
    ),
    (
        "Contribution to the Secretary-General's report",
        "Contribution au rapport du Secrétaire général",
    ),
    (
        "Evaluation of regional initiatives",
        "Évaluation des initiatives régionales",
    ),
    (
        "Report on accessibility for persons with disabilities",
        "Rapport sur l'accessibilité pour les personnes handicapées",
    ),
    (
        "Note on cooperation within the UN system",
        "Note sur la coopération au sein du système des Nations Unies",
    ),
    ("Statement of cash flows", "Tableau des flux de trésorerie"),
    (
        "Update of the risk register",
        "Mise à jour du registre des risques",
    ),
    (
        "Report on bridging the digital divide",
        "Rapport sur la réduction de la fracture numérique",
    ),
    (
        "Summary of the open consultations",
        "Résumé des consultations ouvertes",
    ),
    (
        "Survey of Member States",
        "Enquête auprès des États Membres",
    ),
    (
        "Report on the use of the six official languages",
        "Rapport sur l'utilisation des six langues officielles",
    ),
    (
        "Strategic plan implementation review",
        "Examen de la mise en œuvre du plan stratégique",
    ),
    (
        "Report on child online protection",
        "Rapport sur la protection des enfants en ligne",
    ),
    (
        "Declaration of interests of elected officials",
        "Déclaration d'intérêts des fonctionnaires élus",
    ),
    (
        "Report on emergency telecommunications",
        "Rapport sur les télécommunications d'urgence",
    ),
];

const OWNERS: [&str; 10] = [
    "WSIS team",
    "Financial Resources Management",
    "Strategic Planning and Membership",
    "Legal Affairs Unit",
    "Human Resources Management",
    "Telecommunication Development Bureau",
    "Radiocommunication Bureau",
    "Telecommunication Standardization Bureau",
    "Bureau du Secrétaire général",
    "Conferences and Publications",
];

const MILESTONES: [(&str, &str, &str); 4] = [
    (
        "draft to the working group",
        "projet au groupe de travail",
        "due - 4w",
    ),
    ("internal review", "examen interne", "due - 2w"),
    ("translation request", "demande de traduction", "due - 6w"),
    (
        "data call to the Bureaux",
        "appel de données aux Bureaux",
        "due - 2m",
    ),
];

/// How one obligation falls due, and how remind is told the same.
enum Kind {
    OneOff(NaiveDate),
    OneOffAt {
        instance: String,
        at_end: bool,
        base: NaiveDate,
        offset: Offset,
    },
    Yearly(u32, u32),
    Quarterly(u32, u32),
    Monthly(u32),
    /// `start`/`end` of the period plus a number of days (`months`: 12, 3 or 1).
    Edge {
        months: u32,
        end: bool,
        days: i64,
    },
    /// `every = "year"` or `"meeting"` relative to a series.
    Series {
        series: usize,
        every_meeting: bool,
        at_end: bool,
        offset: Offset,
    },
    Ongoing,
}

fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn build_series(rng: &mut Rng) -> Vec<Series> {
    let mut all = Vec::with_capacity(SERIES.len());
    for (i, &(key, _, _)) in SERIES.iter().enumerate() {
        let twice = i % 6 == 0; // council, igf, tdag, hrc, ilo-gb, rpm-cis
        let base_month = if twice {
            rng.range(1, 5)
        } else {
            rng.range(1, 12)
        } as u32;
        let base_day = rng.range(1, 20) as u32;
        let len = rng.range(0, 9);
        let mut instances = Vec::new();
        for year in 2023..=2031 {
            let typical_year = !(FIRST_YEAR..=LAST_YEAR).contains(&year);
            let start = if typical_year {
                ymd(year, base_month, base_day)
            } else {
                ymd(year, base_month, base_day) + Duration::days(rng.range(-20, 20))
            };
            // A series keeps to its year: the first instance starts in it.
            let start = if start.year() != year {
                ymd(year, base_month, base_day)
            } else {
                start
            };
            instances.push(Instance {
                id: format!("{key}-{year}"),
                year,
                start,
                end: start + Duration::days(len),
                listed: !typical_year,
            });
            if twice && !typical_year {
                let s2 = ymd(
                    year,
                    base_month + 5 + rng.range(0, 1) as u32,
                    rng.range(1, 28) as u32,
                );
                let id = if rng.chance(30) {
                    format!("{key}-{year}-extra")
                } else {
                    format!("{key}-{year}-2")
                };
                instances.push(Instance {
                    id,
                    year,
                    start: s2,
                    end: s2 + Duration::days(rng.range(0, 3)),
                    listed: true,
                });
            }
        }
        all.push(Series { key, instances });
    }
    all
}

/// Writes the meetings, and drops from `series` the instances the registry does not have
/// (2023 and 2031 without `typical`, years left out of a series' `dates`).
fn write_meetings(out: &mut String, series: &mut [Series], singles: &[Single], rng: &mut Rng) {
    for (i, s) in series.iter_mut().enumerate() {
        let (_, en, fr) = SERIES[i];
        let has_typical = i % 2 == 1;
        let _ = writeln!(out, "[meetings.{}]", s.key);
        let _ = writeln!(
            out,
            "name = {{ en = {}, fr = {} }}",
            toml_str(en),
            toml_str(fr)
        );
        let (first_start, first_end) = (s.instances[0].start, s.instances[0].end);
        // The `typical` dates are those of the 2023 and 2031 instances.
        if has_typical {
            let _ = writeln!(
                out,
                "typical = \"{}..{}\"",
                first_start.format("%m-%d"),
                first_end.format("%m-%d")
            );
        }
        let _ = writeln!(out, "[meetings.{}.dates]", s.key);
        let mut keep = Vec::new();
        let mut year = 0;
        let mut entries: Vec<String> = Vec::new();
        let flush = |out: &mut String, year: i32, entries: &mut Vec<String>| {
            if entries.len() == 1 {
                let _ = writeln!(out, "{year} = {}", entries[0]);
            } else if !entries.is_empty() {
                let _ = writeln!(out, "{year} = [{}]", entries.join(", "));
            }
            entries.clear();
        };
        // Leaving a year out: only series with `typical` (so the year still has an
        // instance, a tentative one from `typical`) or one year in a few others.
        let skip_year = if rng.chance(25) {
            rng.range(FIRST_YEAR as i64, LAST_YEAR as i64) as i32
        } else {
            0
        };
        for inst in s.instances.drain(..) {
            let typical_year = !(FIRST_YEAR..=LAST_YEAR).contains(&inst.year);
            if typical_year || inst.year == skip_year {
                if has_typical && inst.id == format!("{}-{}", s.key, inst.year) {
                    // Unlisted year: the instance comes from `typical`.
                    let first_day = ymd(inst.year, first_start.month(), first_start.day());
                    keep.push(Instance {
                        start: first_day,
                        end: first_day + (first_end - first_start),
                        listed: false,
                        ..inst
                    });
                }
                continue;
            }
            if inst.year != year {
                flush(out, year, &mut entries);
                year = inst.year;
            }
            let range = if inst.start == inst.end {
                format!("\"{}\"", inst.start)
            } else {
                format!("\"{}..{}\"", inst.start, inst.end)
            };
            let default_id = if entries.is_empty() {
                format!("{}-{}", s.key, inst.year)
            } else {
                format!("{}-{}-{}", s.key, inst.year, entries.len() + 1)
            };
            let tentative = inst.year >= 2028 && rng.chance(40);
            let entry = match (inst.id != default_id, tentative) {
                (false, false) => range,
                (false, true) => format!("{{ dates = {range}, tentative = true }}"),
                (true, false) => format!("{{ id = \"{}\", dates = {range} }}", inst.id),
                (true, true) => format!(
                    "{{ id = \"{}\", dates = {range}, tentative = true }}",
                    inst.id
                ),
            };
            entries.push(entry);
            keep.push(inst);
        }
        flush(out, year, &mut entries);
        keep.sort_by_key(|i| i.start);
        s.instances = keep;
        out.push('\n');
    }
    for (i, m) in singles.iter().enumerate() {
        let (_, en, fr, _, _) = SINGLES[i];
        let _ = writeln!(out, "[meetings.{}]", m.key);
        let _ = writeln!(
            out,
            "name = {{ en = {}, fr = {} }}",
            toml_str(en),
            toml_str(fr)
        );
        let _ = writeln!(out, "dates = \"{}..{}\"\n", m.start, m.end);
    }
}

fn holidays() -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for y in 2023..=2032 {
        for (m, d) in [
            (1, 1),
            (1, 2),
            (5, 1),
            (8, 1),
            (12, 24),
            (12, 25),
            (12, 26),
            (12, 31),
        ] {
            out.push(ymd(y, m, d));
        }
    }
    out
}

/// A fixed day of a month, as remind says it: `Nov 30`, or the month's last day.
fn remind_day(month: u32, day: u32) -> String {
    if month == 2 && day >= 29 {
        "Mar 1 --1".to_string()
    } else {
        // 30-day months are the same every year.
        let day = day.min(days_in_month(2001, month));
        format!("{} {}", MONTHS[month as usize - 1], day)
    }
}

/// `start`/`end` of a period plus `days`, with the period starting in `month` (1-12), or in
/// every month when `month` is `None`.
fn remind_edge(month: Option<u32>, end: bool, days: i64) -> String {
    // The anchor is the 1st of the period's first month (`start`) or of the month after it
    // (`end` is the day before that).
    let (month, days) = if end {
        (month.map(|m| m % 12 + 1), days - 1)
    } else {
        (month, days)
    };
    let mon = month.map_or(String::new(), |m| format!("{} ", MONTHS[m as usize - 1]));
    if days >= 0 {
        format!("{mon}{}", days + 1)
    } else {
        format!("{mon}1 --{}", -days)
    }
}

struct Writer {
    toml: String,
    rem: String,
    roll: Roll,
    /// The plain profile: a lead on every obligation, no bounds and no milestones.
    plain: bool,
}

impl Writer {
    fn rem_line(&mut self, spec: &str, bounds: &str, id: &str, title: &str) {
        let _ = writeln!(
            self.rem,
            "REM {spec}{}{bounds} MSG {id} {title}",
            self.roll.remind_clause()
        );
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth: {e}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let mut rng = Rng(args.seed ^ 0x005e_ed0f_d0e5);
    let mut series = build_series(&mut rng);
    let singles: Vec<Single> = SINGLES
        .iter()
        .map(|&(key, _, _, s, e)| Single {
            key,
            start: ymd(s.0, s.1, s.2),
            end: ymd(e.0, e.1, e.2),
        })
        .collect();

    let mut w = Writer {
        toml: String::with_capacity(args.obligations * 420 + 64 * 1024),
        rem: String::with_capacity(args.obligations * 160 + 64 * 1024),
        roll: args.roll,
        plain: args.plain,
    };
    let _ = writeln!(
        w.toml,
        "# Synthetic registry: {} obligations, seed {}, roll {}.\n\
         # Written by `cargo run --example synth`; the same deadlines for remind(1) are in\n\
         # reminders.rem next to this file.\n\
         schema = 1\n\
         title = \"Registre synthétique: {} obligations (seed {})\"\n\
         timezone = \"Europe/Zurich\"\n\
         tracking_since = {}\n\
         default_lead = \"30d\"\n",
        args.obligations,
        args.seed,
        args.roll.name(),
        args.obligations,
        args.seed,
        args.tracking_since
    );
    let hol = holidays();
    let _ = writeln!(
        w.toml,
        "[calendar]\nweekend = [\"sat\", \"sun\"]\nholidays = [{}]\nroll = \"{}\"\n",
        hol.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        args.roll.name()
    );
    let _ = writeln!(
        w.rem,
        "# Synthetic reminders: {} obligations, seed {}, roll {}.\n\
         # Written by `cargo run --example synth`; the same deadlines as registry.toml.\n\
         # Every MSG starts with the obligation id.",
        args.obligations,
        args.seed,
        args.roll.name()
    );
    if args.roll != Roll::None {
        for d in &hol {
            let _ = writeln!(w.rem, "OMIT {d}");
        }
    }
    if !args.plain {
        write_meetings(&mut w.toml, &mut series, &singles, &mut rng);
    }

    // Instances a one-off may name: every listed series instance, and single meetings.
    // (An estimate from `typical` is not named: `due` does not accept it.)
    let mut named: Vec<(String, NaiveDate, NaiveDate)> = series
        .iter()
        .flat_map(|s| s.instances.iter())
        .filter(|i| i.listed)
        .map(|i| (i.id.clone(), i.start, i.end))
        .collect();
    named.extend(singles.iter().map(|m| (m.key.to_string(), m.start, m.end)));

    for n in 0..args.obligations {
        let kind = if args.plain {
            plain_kind(&mut rng)
        } else {
            meeting_kind(&mut rng, &named, &series)
        };
        write_obligation(&mut w, &mut rng, n, &kind, &series);
    }

    if let Err(e) = write_out(&args.out, &w) {
        eprintln!("synth: {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "synth: wrote {} obligations to {} ({} + {} bytes) in {:.2?}",
        args.obligations,
        args.out.display(),
        w.toml.len(),
        w.rem.len(),
        started.elapsed()
    );
    ExitCode::SUCCESS
}

/// An obligation of the meeting profile: every kind of rule, most tied to meetings.
fn meeting_kind(
    rng: &mut Rng,
    named: &[(String, NaiveDate, NaiveDate)],
    series: &[Series],
) -> Kind {
    match rng.range(0, 99) {
        0..=13 => Kind::OneOff(ymd(2024, 1, 1) + Duration::days(rng.range(0, 2556))),
        14..=19 => {
            let (id, start, end) = rng.pick(named).clone();
            let at_end = rng.chance(25);
            Kind::OneOffAt {
                instance: id,
                at_end,
                base: if at_end { end } else { start },
                offset: Offset::random_meeting(rng),
            }
        }
        20..=41 => {
            let m = rng.range(1, 12) as u32;
            let d = if rng.chance(3) && m == 2 {
                29
            } else {
                rng.range(1, days_in_month(2001, m) as i64) as u32
            };
            Kind::Yearly(m, d)
        }
        42..=53 => Kind::Quarterly(
            rng.range(1, 3) as u32,
            if rng.chance(15) {
                rng.range(29, 31)
            } else {
                rng.range(1, 28)
            } as u32,
        ),
        54..=63 => Kind::Monthly(if rng.chance(15) {
            rng.range(29, 31)
        } else {
            rng.range(1, 28)
        } as u32),
        64..=69 => Kind::Edge {
            months: *rng.pick(&[12, 3, 1]),
            end: rng.chance(60),
            days: *rng.pick(&[-21, -14, -10, -7, -1, 1, 7, 10, 14, 15, 20]),
        },
        70..=81 => Kind::Series {
            series: rng.range(0, series.len() as i64 - 1) as usize,
            every_meeting: false,
            at_end: rng.chance(20),
            offset: Offset::random_meeting(rng),
        },
        82..=96 => Kind::Series {
            series: rng.range(0, series.len() as i64 - 1) as usize,
            every_meeting: true,
            at_end: rng.chance(20),
            offset: Offset::random_meeting(rng),
        },
        _ => Kind::Ongoing,
    }
}

/// An obligation of the plain profile: a one-off in 2024–2028, a yearly day (29 February
/// among them) or a monthly day 1–31.
fn plain_kind(rng: &mut Rng) -> Kind {
    match rng.range(0, 9) {
        0..=2 => Kind::OneOff(ymd(2024, 1, 1) + Duration::days(rng.range(0, 1826))),
        3..=6 => {
            let m = rng.range(1, 12) as u32;
            let d = if m == 2 && rng.chance(10) {
                29
            } else {
                rng.range(1, days_in_month(2001, m) as i64) as u32
            };
            Kind::Yearly(m, d)
        }
        _ => Kind::Monthly(rng.range(1, 31) as u32),
    }
}

fn write_out(dir: &std::path::Path, w: &Writer) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::File::create(dir.join("registry.toml"))?.write_all(w.toml.as_bytes())?;
    std::fs::File::create(dir.join("reminders.rem"))?.write_all(w.rem.as_bytes())?;
    Ok(())
}

fn write_obligation(w: &mut Writer, rng: &mut Rng, n: usize, kind: &Kind, series: &[Series]) {
    let (sub_en, sub_fr) = *rng.pick(&SUBJECTS);
    let slug: String = sub_en
        .split_whitespace()
        .take(3)
        .map(|s| {
            s.to_ascii_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), "")
        })
        .collect::<Vec<_>>()
        .join("-");
    let id = format!("o{n:06}-{slug}");
    let title_en = format!("{sub_en} (no. {n})");
    let title_fr = format!("{sub_fr} (nº {n})");

    let t = &mut w.toml;
    let _ = writeln!(t, "[[obligation]]\nid = \"{id}\"");
    let _ = writeln!(t, "title.en = {}", toml_str(&title_en));
    let _ = writeln!(t, "title.fr = {}", toml_str(&title_fr));
    let _ = writeln!(
        t,
        "mandate = \"Res. {}, charge le Secrétaire général {}\"",
        1000 + rng.range(0, 400),
        rng.range(1, 12)
    );
    let owner: &&str = rng.pick(&OWNERS);
    let _ = writeln!(t, "owner = {}", toml_str(owner));

    // Bounds only on fixed days 6..24 (see the module comment).
    let plain = w.plain;
    let bounded_day = |d: u32| !plain && (6..=24).contains(&d);
    let mut bounds = String::new();
    let want_bounds = |t: &mut String, rng: &mut Rng, bounds: &mut String| {
        if rng.chance(15) {
            let from = ymd(rng.range(2024, 2028) as i32, rng.range(1, 12) as u32, 1);
            let until = (from + Months::new(rng.range(12, 48) as u32)) - Duration::days(1);
            let _ = writeln!(t, "active_from = {from}\nactive_until = {until}");
            *bounds = format!(" FROM {from} UNTIL {until}");
        }
    };

    let mut specs: Vec<String> = Vec::new();
    let mut dated: Vec<NaiveDate> = Vec::new();
    match *kind {
        Kind::OneOff(d) => {
            let _ = writeln!(t, "due = \"{d}\"");
            dated.push(d);
        }
        Kind::OneOffAt {
            ref instance,
            at_end,
            base,
            offset,
        } => {
            let end = if at_end { ".end" } else { "" };
            let _ = writeln!(t, "due = \"{instance}{end}{}\"", offset.suffix());
            dated.push(offset.apply(base));
        }
        Kind::Yearly(m, d) => {
            let _ = writeln!(t, "every = \"year\"\ndue = \"{m:02}-{d:02}\"");
            if bounded_day(d) {
                want_bounds(t, rng, &mut bounds);
            }
            specs.push(remind_day(m, d));
        }
        Kind::Quarterly(m, d) => {
            let _ = writeln!(t, "every = \"quarter\"\ndue = \"{m}-{d:02}\"");
            if bounded_day(d) {
                want_bounds(t, rng, &mut bounds);
            }
            for q in 0..4 {
                specs.push(remind_day(m + 3 * q, d));
            }
        }
        Kind::Monthly(d) => {
            let _ = writeln!(t, "every = \"month\"\ndue = \"{d:02}\"");
            match d {
                ..=28 => {
                    if bounded_day(d) {
                        want_bounds(t, rng, &mut bounds);
                    }
                    specs.push(d.to_string());
                }
                29 => specs.extend((1..=12).map(|m| remind_day(m, 29))),
                30 => {
                    specs.push("30".to_string());
                    specs.push("Mar 1 --1".to_string());
                }
                _ => specs.push("1 --1".to_string()),
            }
        }
        Kind::Edge { months, end, days } => {
            let every = match months {
                12 => "year",
                3 => "quarter",
                _ => "month",
            };
            let edge = if end { "end" } else { "start" };
            let sign = if days < 0 { '-' } else { '+' };
            let _ = writeln!(
                t,
                "every = \"{every}\"\ndue = \"{edge} {sign} {}d\"",
                days.abs()
            );
            match months {
                12 => specs.push(remind_edge(Some(if end { 12 } else { 1 }), end, days)),
                3 => {
                    for q in 0..4 {
                        let m = if end { 3 * q + 3 } else { 3 * q + 1 };
                        specs.push(remind_edge(Some(m), end, days));
                    }
                }
                _ => specs.push(remind_edge(None, end, days)),
            }
        }
        Kind::Series {
            series: si,
            every_meeting,
            at_end,
            offset,
        } => {
            let s = &series[si];
            let every = if every_meeting { "meeting" } else { "year" };
            let end = if at_end { ".end" } else { "" };
            let _ = writeln!(
                t,
                "every = \"{every}\"\ndue = \"{}{end}{}\"",
                s.key,
                offset.suffix()
            );
            let mut last_year = 0;
            for inst in &s.instances {
                if !every_meeting && inst.year == last_year {
                    continue; // `every = "year"` takes the year's first instance
                }
                last_year = inst.year;
                dated.push(offset.apply(if at_end { inst.end } else { inst.start }));
            }
        }
        Kind::Ongoing => {
            let _ = writeln!(t, "notes = \"standing duty, no deadline\"");
        }
    }
    if plain {
        let _ = writeln!(t, "lead = \"{}d\"", rng.range(7, 60));
    } else if rng.chance(25) {
        let _ = writeln!(
            t,
            "lead = \"{}\"",
            rng.pick(&["7d", "14d", "45d", "60d", "8w", "3m"])
        );
    }
    // Milestones count from the due date: an ongoing duty has none.
    if !plain && rng.chance(10) && !matches!(kind, Kind::Ongoing) {
        let (en, fr, at) = *rng.pick(&MILESTONES);
        let _ = writeln!(
            t,
            "milestones = [{{ name = {{ en = \"{en}\", fr = \"{fr}\" }}, at = \"{at}\" }}]"
        );
    }
    t.push('\n');

    if matches!(kind, Kind::Ongoing) {
        let _ = writeln!(w.rem, "# {id}: ongoing, no deadline");
    }
    for spec in &specs {
        w.rem_line(spec, &bounds, &id, &title_en);
    }
    for d in dated {
        w.rem_line(&d.to_string(), "", &id, &title_en);
    }
}
