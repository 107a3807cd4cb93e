//! `docs/scoring.md`, checked against the code. The document promises that
//! its worked example is checked by this file, so every number in the worked
//! example (tables and prose) is recomputed from
//! `hr_assessment::example::worked_example()`, and every threshold the method
//! states is compared with `Instrument::shipped().scoring` and with what the
//! code does. A second test changes each number of the document in turn and
//! expects the check to notice, so no number can drift unnoticed.

#![allow(clippy::disallowed_methods)] // checks may use Unicode case; the app may not (clippy.toml)

mod common;
use common::*;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::instrument::Question;
use hr_assessment::recommend::{statement_points, Evidence};
use hr_assessment::scoring::{balance, div_round, score_answer, ItemScore};
use hr_assessment::{assess, Class, Instrument, Polarity, Report, Responses, ScaleAnswer, Setting, Shipped, Stage};
use std::fmt::Debug;

const DOC: &str = include_str!("../../../docs/scoring.md");

// ---------------------------------------------------------------------------
// Collecting problems (no panics: the mutation test feeds broken documents)
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn eq<T: PartialEq + Debug>(&mut self, what: &str, doc: T, code: T) {
        if doc != code {
            self.0
                .push(format!("{what}: the doc says {doc:?}, the code gives {code:?}"));
        }
    }

    /// Compares a table row by row, naming each row that differs.
    fn rows(&mut self, what: &str, doc: &[Vec<String>], code: &[Vec<String>]) {
        for k in 0..doc.len().max(code.len()) {
            let (d, c) = (doc.get(k), code.get(k));
            if d != c {
                self.0.push(format!(
                    "{what}, row {}: the doc says {}, the code gives {}",
                    k + 1,
                    d.map_or("nothing".to_owned(), |r| format!("| {} |", r.join(" | "))),
                    c.map_or("nothing".to_owned(), |r| format!("| {} |", r.join(" | "))),
                ));
            }
        }
    }

    fn truth(&mut self, what: &str, ok: bool) {
        if !ok {
            self.0.push(format!("{what}: not so"));
        }
    }

    fn read<T>(&mut self, what: &str, v: Option<T>) -> Option<T> {
        if v.is_none() {
            self.0.push(format!("cannot read {what}"));
        }
        v
    }
}

// ---------------------------------------------------------------------------
// Reading the document
// ---------------------------------------------------------------------------

/// The body under the heading of `level` ("##", "###") whose title contains
/// `title`, up to the next heading of the same or a higher level.
fn block<'a>(text: &'a str, level: &str, title: &str) -> Option<&'a str> {
    let depth = level.len();
    let heading_depth = |line: &str| {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
    };
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(d) = heading_depth(line) {
            if let Some(s) = start {
                if d <= depth {
                    return Some(&text[s..offset]);
                }
            } else if d == depth && line.contains(title) {
                start = Some(offset + line.len());
            }
        }
        offset += line.len();
    }
    start.map(|s| &text[s..])
}

fn section<'a>(doc: &'a str, title: &str) -> Option<&'a str> {
    block(doc, "##", title)
}

fn subsection<'a>(text: &'a str, title: &str) -> Option<&'a str> {
    block(text, "###", title)
}

#[derive(Debug)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect()
}

/// Every markdown table in `text`, in order.
fn tables(text: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().starts_with('|') {
            current.push(cells(line));
        } else if !current.is_empty() {
            let lines = std::mem::take(&mut current);
            let is_rule = |r: &Vec<String>| r.iter().all(|c| c.chars().all(|ch| "-: ".contains(ch)));
            let skip = if lines.len() > 1 && is_rule(&lines[1]) { 2 } else { 1 };
            out.push(Table {
                header: lines[0].clone(),
                rows: lines[skip.min(lines.len())..].to_vec(),
            });
        }
    }
    out
}

/// The table in `text` with exactly this header.
fn table(text: &str, header: &[&str]) -> Option<Table> {
    tables(text).into_iter().find(|t| t.header == header)
}

/// The text with every run of whitespace made one space (lines re-joined).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The prose of a block, without its tables.
fn prose(text: &str) -> String {
    flat(
        &text
            .lines()
            .filter(|l| !l.trim().starts_with('|'))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    text.find(marker).map(|i| &text[i + marker.len()..])
}

/// The first word, without trailing punctuation.
fn token(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', ';', ':', ')', '%'])
}

/// The word just before `marker`.
fn token_before<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let i = text.find(marker)?;
    text[..i].split_whitespace().last().map(|w| w.trim_start_matches('('))
}

/// A whole number as the document writes it: "+5", "−5" (Unicode minus), "5".
fn int(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('−') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    Some(if negative { -v } else { v })
}

fn int_after(text: &str, marker: &str) -> Option<i64> {
    int(token(after(text, marker)?))
}

/// A number with at most one decimal, in tenths: "−83.3" → −833.
fn tenths(text: &str) -> Option<i64> {
    match text.split_once('.') {
        Some((whole, frac)) if frac.len() == 1 => {
            let w = int(whole)?;
            let f = i64::from(frac.chars().next()?.to_digit(10)?);
            Some(if whole.starts_with('−') {
                w * 10 - f
            } else {
                w * 10 + f
            })
        }
        Some(_) => None,
        None => int(text).map(|v| v * 10),
    }
}

/// How the document writes a signed number: "+2", "−1", "0".
fn signed(v: i64) -> String {
    match v.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{v}"),
        std::cmp::Ordering::Less => format!("−{}", -v),
        std::cmp::Ordering::Equal => "0".to_owned(),
    }
}

fn number_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let w = word.to_lowercase();
    WORDS.iter().position(|x| *x == w).map(|i| i as i64)
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// Everything in `doc` that disagrees with the code (empty when all agree).
fn doc_problems(doc: &str) -> Vec<String> {
    let mut p = Problems::default();
    let i = Instrument::shipped();
    let r = assess(i, &worked_example());
    check_headings(&mut p, doc);
    check_answers_scale(&mut p, i, doc);
    check_domain_method(&mut p, i, doc);
    check_readings_method(&mut p, i, doc);
    check_recommendation_method(&mut p, i, doc);
    check_benchmark_method(&mut p, i, doc);
    check_sources_and_versions(&mut p, i, doc);
    if let Some(example) = p.read("the worked example section", section(doc, "Worked example")) {
        check_worked_example(&mut p, i, &r, example);
    }
    p.0
}

/// Sections are numbered 1, 2, 3, ... and "(section N)" points at the one
/// that explains "find out".
fn check_headings(p: &mut Problems, doc: &str) {
    let numbers: Vec<Option<i64>> = doc
        .lines()
        .filter(|l| l.starts_with("## ") && l[3..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| int(l[3..].split('.').next().unwrap_or("")))
        .collect();
    let expected: Vec<Option<i64>> = (1..=numbers.len() as i64).map(Some).collect();
    p.eq("the numbering of the sections", numbers, expected);
    // Every "(section N)": the "find out" ones point at the section that
    // explains it, the TA ones at the section of the TA areas.
    let f = flat(doc);
    let mut rest = f.as_str();
    let mut refs = 0;
    while let Some(k) = rest.find("(section ") {
        refs += 1;
        let before = &rest[k.saturating_sub(60)..k];
        let n = int_after(&rest[k..], "(section ");
        rest = &rest[k + 1..];
        let Some(n) = p.read("a section reference", n) else {
            continue;
        };
        let heading = doc.lines().find(|l| l.starts_with(&format!("## {n}. "))).unwrap_or("");
        let body = section(doc, heading.trim_start_matches("## ")).unwrap_or("");
        let (what, mark) = if before.contains("find out") {
            ("the \"find out\" recommendation", "**Find out.**")
        } else if before.contains("TA areas") {
            ("the TA areas", "**Technical assistance (TA) areas.**")
        } else if before.contains("setting") {
            ("the settings", "| Domain | Setting |")
        } else {
            ("something named", "\u{0}")
        };
        p.truth(
            &format!("section {n} explains {what}"),
            !heading.is_empty() && body.contains(mark),
        );
    }
    p.truth("the document refers to its sections", refs > 0);
}

/// Section 1: the scale table and the count of negatively worded statements.
fn check_answers_scale(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 1", section(doc, "Each answer")) else {
        return;
    };
    let header = [
        "Answer",
        "Statement worded positively",
        "Statement worded the other way around",
    ];
    if let Some(t) = p.read("the scale table", table(sec, &header)) {
        let cell = |a: ScaleAnswer, pol: Polarity| {
            let (class, score) = score_answer(a, pol);
            format!("{}, {}", class.as_str(), signed(i64::from(score)))
        };
        let expected: Vec<Vec<String>> = ScaleAnswer::ALL
            .iter()
            .map(|a| {
                vec![
                    a.label().to_owned(),
                    cell(*a, Polarity::Positive),
                    cell(*a, Polarity::Negative),
                ]
            })
            .collect();
        p.rows("the scale table", &t.rows, &expected);
    }
    let f = flat(sec);
    let negatives = i.statements().filter(|s| s.polarity == Polarity::Negative).count() as i64;
    let said = token_before(&f, " are worded the other way around").and_then(number_word);
    p.eq("statements worded the other way around", said, Some(negatives));
}

/// Section 2: the domains, the balance formula and its range, the stages.
fn check_domain_method(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 2", section(doc, "Each domain")) else {
        return;
    };
    let f = flat(sec);
    let count = after(&f, "For each of the ").map(token).and_then(number_word);
    p.eq("the number of domains", count, Some(i.domains.len() as i64));
    let listed: Option<Vec<String>> = after(&f, " domains (")
        .and_then(|s| s.split_once(')'))
        .map(|(list, _)| list.split(", ").map(str::to_owned).collect());
    let ids: Vec<String> = i.domains.iter().map(|d| d.id.to_string()).collect();
    p.eq("the domains listed", listed, Some(ids));

    // The range, and what its ends mean.
    let range = after(&f, "**Balance**, from ");
    let lo = range.map(token).and_then(int);
    let hi = range.and_then(|s| after(s, " to ")).map(token).and_then(int);
    p.eq("the lowest balance", lo, balance(-2, 1).map(i64::from));
    p.eq("the highest balance", hi, balance(2, 1).map(i64::from));
    let top = token_before(&f, " means every known answer is a strong facilitator").and_then(int);
    let bottom = token_before(&f, " means every one is a strong barrier").and_then(int);
    p.eq("a domain of strong facilitators", top, balance(6, 3).map(i64::from));
    p.eq("a domain of strong barriers", bottom, balance(-6, 3).map(i64::from));

    // balance = A × (sum of the scores) ÷ (B × number of known answers).
    let a = int_after(&f, "balance = ");
    let b = after(&f, "balance = ").and_then(|s| int_after(s, "÷ ("));
    if let (Some(a), Some(b)) = (p.read("the balance formula", a), p.read("the formula's divisor", b)) {
        let disagree = (1..=8u32)
            .flat_map(|k| (-2 * k as i32..=2 * k as i32).map(move |s| (s, k)))
            .find(|&(s, k)| {
                b < 1 || balance(s, k).map(i64::from) != Some(div_round(a * i64::from(s), b * i64::from(k)))
            });
        p.eq("the balance formula, first disagreement", disagree, None);
    }

    let Some(t) = p.read("the stage table", table(sec, &["Stage", "Balance"])) else {
        return;
    };
    let th = &i.scoring;
    let expected = vec![
        vec![
            Stage::Facilitator.label().to_owned(),
            format!("{} or more", signed(th.facilitator_from.into())),
        ],
        vec![
            Stage::Mixed.label().to_owned(),
            format!(
                "{} to {}",
                signed((th.barrier_to + 1).into()),
                signed((th.facilitator_from - 1).into())
            ),
        ],
        vec![
            Stage::Barrier.label().to_owned(),
            format!("{} or less", signed(th.barrier_to.into())),
        ],
        vec![
            Stage::NotAssessed.label().to_owned(),
            "fewer than half of the statements with a known answer".to_owned(),
        ],
    ];
    // "at least half": the threshold in the data, and where the code changes.
    p.truth(
        "a stage needs at least half of the statements known",
        f.contains("a domain gets a stage only when at least half of its statements have a known answer")
            && th.known_for_stage_percent == 50
            && Stage::of(Some(100), 2, 4, th) == Stage::Facilitator
            && Stage::of(Some(100), 1, 3, th) == Stage::NotAssessed
            && Stage::of(Some(100), 2, 3, th) == Stage::Facilitator,
    );
    p.truth(
        "the cut-offs split the range into thirds",
        f.contains("a third of the range each")
            && (th.facilitator_from - (-100)) * 3 >= 2 * 200 - 3
            && (100 - th.barrier_to) * 3 >= 2 * 200 - 3
            && th.facilitator_from == -th.barrier_to,
    );
    p.rows("the stage table", &t.rows, &expected);
    // And the numbers the table states are where the code changes stage.
    let stage = |v: i64| Stage::of_balance(Some(v as i32), th);
    for row in &t.rows {
        let [name, range] = row.as_slice() else {
            p.0.push(format!("stage table row {row:?}"));
            continue;
        };
        if let Some(v) = range.strip_suffix(" or more").and_then(int) {
            p.truth(
                &format!("{name} starts at {v}"),
                stage(v).label() == name && stage(v - 1).label() != name,
            );
        } else if let Some(v) = range.strip_suffix(" or less").and_then(int) {
            p.truth(
                &format!("{name} ends at {v}"),
                stage(v).label() == name && stage(v + 1).label() != name,
            );
        } else if let Some((lo, hi)) = range.split_once(" to ") {
            let (lo, hi) = (int(lo).unwrap_or(i64::MIN / 2), int(hi).unwrap_or(i64::MIN / 2));
            p.truth(
                &format!("{name} runs from {lo} to {hi}"),
                stage(lo).label() == name
                    && stage(hi).label() == name
                    && stage(lo - 1).label() != name
                    && stage(hi + 1).label() != name,
            );
        } else {
            p.truth(
                &format!("{name} means too few known answers"),
                Stage::of(Some(100), 0, 1, th).label() == name,
            );
        }
    }
}

/// Section 3: the settings table, from the questionnaire.
fn check_readings_method(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 3", section(doc, "Two readings")) else {
        return;
    };
    let Some(t) = p.read("the settings table", table(sec, &["Domain", "Setting"])) else {
        return;
    };
    let expected: Vec<Vec<String>> = i
        .domains
        .iter()
        .map(|d| {
            let mut cell = d.setting.as_str().to_owned();
            let other: Vec<&str> = i
                .statements_in(&d.id)
                .filter(|s| i.setting_of(s) != d.setting)
                .map(|s| s.id.as_str())
                .collect();
            if !other.is_empty() {
                let setting = if d.setting == Setting::Organization {
                    "context"
                } else {
                    "organization"
                };
                cell.push_str(&format!("; {setting}: {}", other.join(", ")));
            }
            vec![d.name.clone(), cell]
        })
        .collect();
    p.rows("the settings table", &t.rows, &expected);
}

/// The points one answer to a positively worded statement adds to its areas.
fn points_for(i: &Instrument, answer: ScaleAnswer) -> u32 {
    let (class, score) = score_answer(answer, Polarity::Positive);
    let s = ItemScore {
        item: item("adequate-funding"),
        domain: "funding".into(),
        answer,
        polarity: Polarity::Positive,
        class,
        score,
    };
    statement_points(i, &s)
}

/// The points an area gets from some answers (0 when it is not listed).
fn area_points(report: &Report, area: &str) -> i64 {
    report
        .ta_areas
        .iter()
        .find(|t| t.area.as_str() == area)
        .map_or(0, |t| i64::from(t.points))
}

/// Section 4: points per answer, plans, chosen areas, national tie-breaks,
/// find out, and the modality points.
fn check_recommendation_method(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 4", section(doc, "Recommendations")) else {
        return;
    };
    let th = &i.scoring;
    if let Some(t) = p.read("the points table", table(sec, &["Answer", "Points"])) {
        let expected = vec![
            vec!["strong barrier".to_owned(), points_for(i, SD).to_string()],
            vec!["somewhat barrier".to_owned(), points_for(i, SWD).to_string()],
            vec!["I don't know".to_owned(), points_for(i, DK).to_string()],
            vec!["facilitator".to_owned(), points_for(i, SA).to_string()],
        ];
        p.rows("the points table", &t.rows, &expected);
        let written = vec![
            vec!["strong barrier".to_owned(), th.points_strong_barrier.to_string()],
            vec!["somewhat barrier".to_owned(), th.points_somewhat_barrier.to_string()],
            vec!["I don't know".to_owned(), th.points_unknown.to_string()],
            vec!["facilitator".to_owned(), "0".to_owned()],
        ];
        p.rows("the points table against [scoring]", &t.rows, &written);
        p.eq("a somewhat facilitator adds nothing", points_for(i, SWA), 0);
    }
    let f = flat(sec);

    // Plans and chosen areas, in the text and in what the code does.
    let plan = int_after(&f, "checked as *planned* adds ");
    let mut planned = Responses::default();
    planned.set_cell(item("services"), opt("test-strips"), opt("planned"), true);
    // The other core services provided, so that only the plan counts.
    planned.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    planned.set_cell(item("services"), opt("syringe-services"), opt("direct"), true);
    let planned = report(&planned);
    p.eq("points for a plan", plan, Some(i64::from(th.points_plan)));
    p.eq(
        "points for a plan, as scored",
        plan,
        Some(area_points(&planned, "practices")),
    );
    let Some(Question::Grid(services)) = i.question(&item("services")) else {
        p.0.push("no services grid".into());
        return;
    };
    let strips: Vec<&str> = services
        .rows
        .iter()
        .find(|r| r.id.as_str() == "test-strips")
        .map(|r| r.ta.iter().map(|a| a.as_str()).collect())
        .unwrap_or_default();
    p.truth(
        "planning fentanyl test strips points to practices and to laws and policy",
        f.contains("planning fentanyl test strips points to implementing practices and to laws and policy")
            && strips == ["practices", "law-policy"],
    );
    let chosen = int_after(&f, "picked as wanted adds ");
    let mut wanted = Responses::default();
    wanted.choices.insert(item("ta-areas-wanted"), vec![opt("wellbeing")]);
    p.eq(
        "points for a wanted area",
        chosen,
        Some(i64::from(th.points_chosen_area)),
    );
    p.eq(
        "points for a wanted area, as scored",
        chosen,
        Some(area_points(&report(&wanted), "wellbeing")),
    );

    // National demand for TA areas, the tie-breaker.
    let listed: Option<Vec<(String, Option<i64>)>> = after(&f, "wanted nationally in 2022 (")
        .and_then(|s| s.split_once(';'))
        .map(|(list, _)| {
            list.split(", ")
                .map(|e| {
                    let (id, share) = e.rsplit_once(' ').unwrap_or((e, ""));
                    (id.to_owned(), share.strip_suffix('%').and_then(int))
                })
                .collect()
        });
    let national: Vec<(String, Option<i64>)> = i
        .ta_areas
        .iter()
        .filter_map(|a| a.national.map(|n| (a.id.to_string(), Some(i64::from(n.share)))))
        .collect();
    p.eq("the national demand for TA areas", listed, Some(national));

    // Find out.
    p.truth(
        "\"fewer than half\" is known_for_stage_percent = 50",
        f.contains("When fewer than half of a domain's statements have a known answer")
            && th.known_for_stage_percent == 50,
    );

    // Missing core services.
    let missing = int_after(&f, "in a services question answered at all, adds ");
    p.eq(
        "points for a missing core service",
        missing,
        Some(i64::from(th.points_missing_service)),
    );
    let mut one_service = Responses::default();
    one_service.set_cell(item("services"), opt("counseling"), opt("direct"), true);
    let one_service = report(&one_service);
    let core_practices = match i.question(&item("services")) {
        Some(Question::Grid(g)) => g
            .core_rows
            .iter()
            .filter(|c| {
                g.rows
                    .iter()
                    .any(|r| &r.id == *c && r.ta.iter().any(|a| a.as_str() == "practices"))
            })
            .count() as i64,
        _ => 0,
    };
    p.eq(
        "points for the missing core services, as scored",
        missing.map(|m| m * core_practices),
        Some(area_points(&one_service, "practices")),
    );
    p.truth(
        "the core services named are the data's",
        f.contains("(naloxone, fentanyl test strips, syringe services: the grid's `core_rows`)")
            && matches!(i.question(&item("services")), Some(Question::Grid(g))
                if g.core_rows.iter().map(|r| r.as_str()).collect::<Vec<_>>() == ["naloxone", "test-strips", "syringe-services"]),
    );

    // Need.
    let each = int_after(&f, "points to the area could give ");
    p.eq(
        "the most an answered statement gives",
        each,
        Some(i64::from(th.points_strong_barrier)),
    );
    let floor = int_after(&f, "and the most is at least ");
    p.eq("the least most", floor, Some(i64::from(th.points_strong_barrier)));
    let hundred = int_after(&f, "need = ");
    p.eq("need = 100 ×", hundred, Some(100));
    p.eq(
        "need, as computed",
        Some(hr_assessment::recommend::need(i, 3, 8)),
        hundred.map(|h| div_round(h * 3, 8) as u32),
    );
    p.eq(
        "need with a small denominator",
        Some(hr_assessment::recommend::need(i, 1, 1)),
        floor.map(|f| div_round(100, f.max(1)) as u32),
    );

    // Modalities.
    p.truth(
        "the top three come first",
        f.contains("The respondent's own top three always come first."),
    );
    let top = after(&f, "respondent's own top ").map(token).and_then(number_word);
    let max = match i.find_question(|q| matches!(q, Question::Modalities(_))) {
        Some(Question::Modalities(m)) => m.max.map(i64::from),
        _ => None,
    };
    p.eq("the size of the top list", top, max);
    p.eq(
        "points for a constraint it suits",
        token_before(&f, " for each constraint it suits").and_then(int),
        Some(i64::from(th.modality_favoured)),
    );
    p.eq(
        "points for a constraint it fits badly",
        token_before(&f, " for each it fits badly").and_then(int),
        Some(i64::from(th.modality_disfavoured)),
    );
    let travel_against_convenings = i
        .constraint(&"travel".into())
        .is_some_and(|c| c.disfavours.iter().any(|m| m.as_str() == "convenings"));
    p.truth(
        "travel counts against convenings",
        f.contains("travel being difficult counts against in-person convenings") && travel_against_convenings,
    );
    p.eq(
        "points for wide change",
        token_before(&f, " for individualized TA and a learning collaborative").and_then(int),
        Some(i64::from(th.modality_favoured)),
    );
    let wide = after(&f, "learning collaborative when ")
        .map(token)
        .and_then(number_word);
    p.eq(
        "barrier domains for wide change",
        wide,
        Some(i64::from(th.wide_change_barrier_domains)),
    );
    let wide_modalities: Vec<&str> = i
        .modalities
        .iter()
        .filter(|m| m.for_wide_change)
        .map(|m| m.id.as_str())
        .collect();
    p.eq(
        "the modalities for wide change",
        wide_modalities,
        vec!["individual-ta", "learning-collaborative"],
    );
    let preference = after(&f, "Ties go to national preference (").and_then(|s| s.split_once(')'));
    let Some((list, _)) = p.read("the national modality shares", preference) else {
        return;
    };
    let (shares, n) = list.split_once("; ").unwrap_or((list, ""));
    let listed: Vec<(String, Option<i64>)> = shares
        .split(", ")
        .map(|e| {
            let (name, share) = e.rsplit_once(' ').unwrap_or((e, ""));
            let id = match name {
                "individualized TA" => "individual-ta".to_owned(),
                other => other.to_lowercase().replace(' ', "-"),
            };
            (id, share.strip_suffix('%').and_then(int))
        })
        .collect();
    let national: Vec<(String, Option<i64>)> = i
        .modalities
        .iter()
        .filter_map(|m| m.national.map(|n| (m.id.to_string(), Some(i64::from(n.share)))))
        .collect();
    p.eq("the national modality shares", listed, national);
    let ns: Vec<i64> = i
        .modalities
        .iter()
        .filter_map(|m| m.national.map(|n| i64::from(n.n)))
        .collect();
    let said = n.strip_prefix("n = ").and_then(int);
    p.truth(
        &format!("the modality shares are of n = {said:?}"),
        said.is_some() && ns.iter().all(|v| Some(*v) == said),
    );
}

/// Section 5: the national statements and the grids' n.
fn check_benchmark_method(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 5", section(doc, "Beside the nation")) else {
        return;
    };
    let f = flat(sec);
    let with_figures: Vec<u32> = i
        .statements()
        .filter_map(|s| s.national.as_ref().map(|n| n.n))
        .collect();
    let count = after(&f, "Each of the ").map(token).and_then(number_word);
    p.eq(
        "statements with national figures",
        count,
        Some(with_figures.len() as i64),
    );
    let n = int_after(&f, "number of respondents (n = ");
    p.truth(
        &format!("every national statement is of n = {n:?}"),
        n.is_some() && with_figures.iter().all(|v| Some(i64::from(*v)) == n),
    );
    let column_n = |grid: &str, col: &str| -> Option<i64> {
        match i.question(&item(grid)) {
            Some(Question::Grid(g)) => g
                .columns
                .iter()
                .find(|c| c.id.as_str() == col)
                .and_then(|c| c.n)
                .map(i64::from),
            _ => None,
        }
    };
    let services = after(&f, "(services: ").unwrap_or("");
    p.eq(
        "services provided n",
        int_after(services, "provided n = "),
        column_n("services", "direct"),
    );
    p.eq(
        "services referral n",
        int_after(services, "referral n = "),
        column_n("services", "referral"),
    );
    p.eq(
        "services planned n",
        int_after(services, "planned n = "),
        column_n("services", "planned"),
    );
    let partners = int_after(services, "partners n = ");
    p.eq("partners now n", partners, column_n("partners", "now"));
    p.eq("partners planned n", partners, column_n("partners", "planned"));

    // The n the report states (Figures 7 and 8) and the one assumed
    // (Figure 9): the statements whose figure carries a note.
    let national: Vec<&hr_assessment::instrument::Statement> =
        i.statements().filter(|s| s.national.is_some()).collect();
    let noted: Vec<_> = national
        .iter()
        .filter(|s| s.national.as_ref().unwrap().note.is_some())
        .collect();
    let stated: Vec<_> = national
        .iter()
        .filter(|s| s.national.as_ref().unwrap().note.is_none())
        .collect();
    p.eq(
        "the n the report states",
        int_after(&f, "The report states n = "),
        stated.first().map(|s| i64::from(s.national.as_ref().unwrap().n)),
    );
    let figure = |marker: &str| int_after(&f, marker);
    for (what, n) in [
        ("Figures ", figure("(Figures ")),
        ("and ", figure("(Figures 7 and ")),
        ("Figure ", figure("(Figure ")),
    ] {
        let Some(n) = n else {
            p.0.push(format!("cannot read the figure number after {what:?}"));
            continue;
        };
        let cited = format!("Figure {n})");
        let group = if what == "Figure " { &noted } else { &stated };
        p.truth(
            &format!("the statements of Figure {n} are the ones the doc puts there"),
            group.iter().any(|s| s.locator.contains(&cited)),
        );
    }
    p.eq(
        "statements with an assumed n",
        after(&f, "for the ").map(token).and_then(number_word),
        Some(noted.len() as i64),
    );
    p.eq(
        "the assumed n",
        int_after(&f, "its text gives no n, so "),
        noted.first().map(|s| i64::from(s.national.as_ref().unwrap().n)),
    );
    let health = i
        .statement(&item("health-agencies-support"))
        .and_then(|s| s.national.clone());
    let sum = health.map(|n| {
        [
            n.agree,
            n.disagree,
            n.strongly_agree,
            n.somewhat_agree,
            n.somewhat_disagree,
            n.strongly_disagree,
            n.dont_know,
        ]
        .iter()
        .flatten()
        .map(|v| i64::from(*v))
        .sum::<i64>()
    });
    p.eq("the health-agency figures' sum", int_after(&f, "add up to "), sum);
    let row = |grid: &str, row: &str, col: &str| -> (Option<i64>, Option<i64>) {
        match i.question(&item(grid)) {
            Some(Question::Grid(g)) => g.rows.iter().find(|r| r.id.as_str() == row).map_or((None, None), |r| {
                (
                    r.national.get(&opt(col)).map(|v| i64::from(*v)),
                    r.also.get(&opt(col)).map(|v| i64::from(*v)),
                )
            }),
            _ => (None, None),
        }
    };
    let (shown, also) = row("services", "peer-support", "referral");
    p.eq("peer support by referral, shown", int_after(&f, "by referral ("), shown);
    p.eq("peer support by referral, also", int_after(&f, "%, and "), also);
    let (shown, also) = row("partners", "mail-based-supply", "planned");
    p.eq(
        "mail-based partners planned, shown",
        int_after(&f, "planned as partners ("),
        shown,
    );
    p.eq(
        "mail-based partners planned, also",
        int_after(&f, "in the findings, "),
        also,
    );
}

/// Sections 6 and 7: the readiness research's years, and the versions.
fn check_sources_and_versions(p: &mut Problems, i: &Instrument, doc: &str) {
    let Some(sec) = p.read("section 6", section(doc, "The questionnaire")) else {
        return;
    };
    let f = flat(sec);
    for (marker, source) in [("Scaccia et al., ", "r-mc2"), ("Shea et al., ", "oric")] {
        let year = int_after(&f, marker);
        let cited = i.source(&source.into()).map(|s| s.citation.clone()).unwrap_or_default();
        p.truth(
            &format!("{source} is of the year the doc gives ({year:?})"),
            year.is_some_and(|y| cited.contains(&format!("({y})"))),
        );
    }
    let Some(sec) = p.read("section 7", section(doc, "Versions")) else {
        return;
    };
    let f = flat(sec);
    p.eq(
        "the current version",
        after(&f, "Version ").map(token),
        Some(i.version.as_str()),
    );
    let until: Vec<&str> = i.retired.iter().map(|r| r.until.as_str()).collect();
    let earlier = after(&f, "statements of version ").map(token);
    p.truth(
        &format!("every retired statement was last asked in {earlier:?}"),
        earlier.is_some_and(|e| !until.is_empty() && until.iter().all(|u| *u == e)),
    );
    p.eq(
        "statements changed or split",
        token_before(&f, " statements of version").and_then(number_word),
        Some(i.retired.len() as i64),
    );
}

fn check_worked_example(p: &mut Problems, i: &Instrument, r: &Report, example: &str) {
    let domain_name = |id: &hr_assessment::DomainId| i.domain(id).map_or_else(|| id.to_string(), |d| d.name.clone());
    let assessed: Vec<&hr_assessment::DomainResult> = r.domains.iter().filter(|d| d.balance.is_some()).collect();

    // "Nineteen statements in three domains are answered; staff, community
    // and policy are left blank."
    let intro = flat(example.split("###").next().unwrap_or(""));
    let answered = intro.split_whitespace().next().and_then(number_word);
    p.eq("statements answered", answered, Some(WORKED_EXAMPLE.len() as i64));
    let domains = after(&intro, "statements in ").map(token).and_then(number_word);
    p.eq("domains answered", domains, Some(assessed.len() as i64));
    let blank: Option<Vec<String>> = after(&intro, "are answered; ")
        .and_then(|s| s.split_once(" are left blank"))
        .map(|(list, _)| list.replace(" and ", ", ").split(", ").map(str::to_owned).collect());
    let unassessed: Vec<String> = r
        .domains
        .iter()
        .filter(|d| d.balance.is_none())
        .map(|d| d.domain.to_string())
        .collect();
    p.eq("domains left blank", blank, Some(unassessed));

    // The answers.
    let header = ["Domain", "Statement", "Answer", "Class", "Score"];
    let answers = subsection(example, "The answers").and_then(|s| table(s, &header));
    if let Some(t) = p.read("the answers table", answers) {
        let expected: Vec<Vec<String>> = WORKED_EXAMPLE
            .iter()
            .map(|(id, answer)| match r.item(&item(id)) {
                Some(s) if s.answer == *answer => vec![
                    domain_name(&s.domain),
                    id.to_string(),
                    answer.label().to_owned(),
                    s.class.label().to_owned(),
                    signed(i64::from(s.score)),
                ],
                _ => vec![format!("{id} is missing from the report")],
            })
            .collect();
        p.rows("the answers table", &t.rows, &expected);
    }

    // The domains: the table, then the working in the bullets above it.
    let Some(domains_text) = p.read("the domains subsection", subsection(example, "The domains")) else {
        return;
    };
    let header = [
        "Domain",
        "Facilitators",
        "Barriers",
        "Unknowns",
        "Sum",
        "Balance",
        "Coverage",
        "Stage",
        "Find out",
    ];
    if let Some(t) = p.read("the domains table", table(domains_text, &header)) {
        let names: Vec<&str> = t
            .rows
            .iter()
            .filter_map(|row| row.first())
            .map(String::as_str)
            .collect();
        let all: Vec<String> = r.domains.iter().map(|d| domain_name(&d.domain)).collect();
        p.eq("the domains in the table", names.len(), all.len());
        for d in &r.domains {
            let name = domain_name(&d.domain);
            let expected = vec![
                name.clone(),
                d.facilitators.to_string(),
                d.barriers.to_string(),
                d.unknowns.to_string(),
                signed(i64::from(d.sum)),
                d.balance.map_or("none".to_owned(), |b| signed(i64::from(b))),
                format!("{}%", d.coverage),
                d.stage.label().to_owned(),
                yes_no(d.find_out).to_owned(),
            ];
            let rows: Vec<Vec<String>> = t
                .rows
                .iter()
                .filter(|row| row.first() == Some(&name))
                .cloned()
                .collect();
            p.rows(&format!("the domains table, {name}"), &rows, &[expected]);
        }
    }
    check_domain_bullets(p, i, r, domains_text);

    // The organization.
    let Some(org) = p.read(
        "the organization subsection",
        subsection(example, "The organization and its context"),
    ) else {
        return;
    };
    let name_of = |d: Option<&hr_assessment::DomainId>| d.map_or("none".to_owned(), domain_name);
    if let Some(t) = p.read("the organization table", table(org, &["Reading", "Value"])) {
        let expected = strings(&[
            &[
                "Average balance",
                &r.overall.average.map_or("none".to_owned(), |a| signed(i64::from(a))),
            ],
            &["Weakest link", &name_of(r.overall.weakest.as_ref())],
            &["Overall stage", r.overall.stage.label()],
            &["Context stage", r.overall.context.stage.label()],
            &["Context weakest link", &name_of(r.overall.context.weakest.as_ref())],
        ]);
        p.rows("the organization table", &t.rows, &expected);
    }
    let header = ["Reading", "Domain", "Known", "Statements", "Sum", "Balance", "Stage"];
    if let Some(t) = p.read("the readings table", table(org, &header)) {
        let expected: Vec<Vec<String>> = [&r.overall.organization, &r.overall.context]
            .into_iter()
            .flat_map(|reading| {
                reading.parts.iter().map(|part| {
                    vec![
                        reading.setting.as_str().to_owned(),
                        domain_name(&part.domain),
                        part.known().to_string(),
                        part.total.to_string(),
                        signed(i64::from(part.sum)),
                        part.balance.map_or("none".to_owned(), |b| signed(i64::from(b))),
                        part.stage.label().to_owned(),
                    ]
                })
            })
            .collect();
        p.rows("the readings table", &t.rows, &expected);
    }
    let f = prose(org);
    let context_at = int_after(&f, "payers and the funding around it, at ");
    let context_balance = r
        .overall
        .context
        .weakest
        .as_ref()
        .and_then(|w| r.overall.context.part(w))
        .and_then(|p| p.balance)
        .map(i64::from);
    p.eq("the context's weakest balance", context_at, context_balance);
    p.truth(
        "the context is a barrier",
        f.contains("Its context is a Barrier") && r.overall.context.stage == Stage::Barrier,
    );
    let law = r.domain(&"law".into());
    p.truth(
        "law has three known answers of ten",
        f.contains("three known answers of ten") && law.is_some_and(|d| d.known() == 3 && d.total == 10),
    );
    check_organization_prose(p, r, &f, &name_of(r.overall.weakest.as_ref()));

    // The TA areas.
    let Some(ta) = p.read("the TA areas subsection", subsection(example, "The TA areas")) else {
        return;
    };
    let header = ["Rank", "TA area", "Points", "Possible", "Need"];
    if let Some(t) = p.read("the TA areas table", table(ta, &header)) {
        let expected: Vec<Vec<String>> = r
            .ta_areas
            .iter()
            .enumerate()
            .map(|(rank, a)| {
                vec![
                    (rank + 1).to_string(),
                    a.area.to_string(),
                    a.points.to_string(),
                    a.possible.to_string(),
                    format!("{}%", a.need),
                ]
            })
            .collect();
        p.rows("the TA areas table", &t.rows, &expected);
    }
    check_ta_prose(p, i, r, &prose(ta));
}

/// "- Law: sum −5 over 3 known answers: 100 × −5 ÷ 6 = −83.3, so **−83**,
/// Not enough answers. Only three of its seven statements have a known
/// answer, fewer than half, ..."
fn check_domain_bullets(p: &mut Problems, i: &Instrument, r: &Report, text: &str) {
    let mut bullets: Vec<String> = Vec::new();
    for line in text.lines().take_while(|l| !l.trim().starts_with('|')) {
        if let Some(rest) = line.strip_prefix("- ") {
            bullets.push(rest.to_owned());
        } else if line.starts_with(' ') && !line.trim().is_empty() {
            if let Some(last) = bullets.last_mut() {
                last.push(' ');
                last.push_str(line.trim());
            }
        }
    }
    let names: Vec<String> = bullets
        .iter()
        .map(|b| b.split(':').next().unwrap_or("").to_owned())
        .collect();
    let assessed: Vec<String> = r
        .domains
        .iter()
        .filter(|d| d.balance.is_some())
        .filter_map(|d| i.domain(&d.domain).map(|x| x.name.clone()))
        .collect();
    p.eq("the domains worked through", &names, &assessed);
    for (b, name) in bullets.iter().map(|b| flat(b)).zip(&names) {
        let Some(d) = r
            .domains
            .iter()
            .find(|d| i.domain(&d.domain).is_some_and(|x| &x.name == name))
        else {
            continue;
        };
        let what = |w: &str| format!("{name}: {w}");
        let sum = int_after(&b, ": sum ");
        let known = int_after(&b, " over ");
        let hundred = token_before(&b, " × ").and_then(int);
        let times = int_after(&b, " × ");
        let over = int_after(&b, " ÷ ");
        p.eq(&what("sum"), sum, Some(i64::from(d.sum)));
        p.eq(&what("known answers"), known, Some(i64::from(d.known())));
        p.eq(&what("100 ×"), hundred, Some(100));
        p.eq(&what("the sum in the division"), times, Some(i64::from(d.sum)));
        p.eq(&what("the divisor"), over, Some(2 * i64::from(d.known())));
        let result = after(&b, " = ").unwrap_or("");
        let bold = after(result, "**").and_then(|s| s.split_once("**"));
        p.eq(
            &what("balance"),
            bold.and_then(|(v, _)| int(v)),
            d.balance.map(i64::from),
        );
        let (num, den) = (100 * i64::from(d.sum), 2 * i64::from(d.known()).max(1));
        if result.starts_with("**") {
            p.truth(&what("the division is exact"), num % den == 0);
        } else {
            p.eq(
                &what("the exact quotient"),
                tenths(token(result)),
                Some(div_round(10 * num, den)),
            );
        }
        let stage_ok = bold.is_some_and(|(_, rest)| {
            rest.trim_start_matches(',')
                .trim_start()
                .starts_with(&format!("{}.", d.stage.label()))
        });
        p.truth(&what(&format!("stage {}", d.stage.label())), stage_ok);
        match b.find(" of its ") {
            Some(k) => {
                let known = b[..k].split_whitespace().last().and_then(number_word);
                let total = number_word(token(&b[k + " of its ".len()..]));
                p.eq(&what("known answers, in words"), known, Some(i64::from(d.known())));
                p.eq(&what("statements"), total, Some(i64::from(d.total)));
                p.truth(
                    &what("\"fewer than half\" means find out and no stage"),
                    b.contains("statements have a known answer, fewer than half")
                        && d.find_out
                        && d.stage == Stage::NotAssessed,
                );
            }
            None => p.eq(&what("find out"), false, d.find_out),
        }
    }
}

/// "Average of the three assessed domains: (50 − 83 − 10) ÷ 3 = −14.3, so
/// −14 (Mixed on its own). The weakest link is Law at −83, so the overall
/// stage is Barrier"
fn check_organization_prose(p: &mut Problems, r: &Report, f: &str, weakest: &str) {
    let balances: Vec<i64> = r
        .domains
        .iter()
        .filter(|d| d.stage != Stage::NotAssessed)
        .filter_map(|d| d.balance.map(i64::from))
        .collect();
    let count = after(f, "Average of the ").map(token).and_then(number_word);
    p.eq("domains averaged", count, Some(balances.len() as i64));
    let terms: Option<Vec<i64>> = after(f, "domains with a stage: (")
        .and_then(|s| s.split_once(')'))
        .and_then(|(expr, _)| {
            let mut words = expr.split_whitespace();
            let mut out = vec![int(words.next()?)?];
            while let Some(op) = words.next() {
                let v = int(words.next()?)?;
                out.push(match op {
                    "−" => -v,
                    "+" => v,
                    _ => return None,
                });
            }
            Some(out)
        });
    p.eq("the balances averaged", terms, Some(balances.clone()));
    p.eq(
        "the divisor of the average",
        int_after(f, ") ÷ "),
        Some(balances.len() as i64),
    );
    let sum: i64 = balances.iter().sum();
    let n = (balances.len() as i64).max(1);
    let exact = after(f, ") ÷ ")
        .and_then(|s| after(s, " = "))
        .map(token)
        .and_then(tenths);
    p.eq("the exact average", exact, Some(div_round(10 * sum, n)));
    let rounded = after(f, ") ÷ ").and_then(|s| int_after(s, ", so "));
    p.eq("the average", rounded, r.overall.average.map(i64::from));
    let own = after(f, ", so ")
        .and_then(|s| after(s, "("))
        .and_then(|s| s.split_once(" on its own"))
        .map(|(stage, _)| stage);
    p.eq("the average's own stage", own, Some(r.overall.average_stage.label()));
    let link = after(f, "The weakest link is ").and_then(|s| s.split_once(" at "));
    p.eq("the weakest link", link.map(|(name, _)| name), Some(weakest));
    let at = link.map(|(_, rest)| token(rest)).and_then(int);
    let weakest_balance = r
        .overall
        .weakest
        .as_ref()
        .and_then(|w| r.overall.organization.part(w))
        .and_then(|d| d.balance)
        .map(i64::from);
    p.eq("the weakest link's balance", at, weakest_balance);
    let stage = after(f, "the overall stage is ").map(token);
    p.eq("the overall stage", stage, Some(r.overall.stage.label()));
}

/// "Navigating laws and policy collects local-laws (strong barrier, 4), ...
/// and four "I don't know" answers (1 each): 16." and "Three areas tie at 1
/// point; none has a national figure, so they keep the instrument's order."
fn check_ta_prose(p: &mut Problems, i: &Instrument, r: &Report, f: &str) {
    let mut worked = 0;
    for sentence in f.split(". ").map(|s| s.trim_end_matches('.')) {
        if let Some((subject, rest)) = sentence.split_once(" collects ") {
            worked += 1;
            let area = i
                .ta_areas
                .iter()
                .find(|a| a.name == subject || a.id.as_str() == subject.to_lowercase());
            let Some(rec) = area.and_then(|a| r.ta_areas.iter().find(|t| t.area == a.id)) else {
                p.0.push(format!("\"{subject}\" is no recommended TA area"));
                continue;
            };
            let what = |w: &str| format!("{}: {w}", rec.area);
            let (list, total) = rest.rsplit_once(": ").unwrap_or((rest, ""));
            p.eq(&what("points"), int(token(total)), Some(i64::from(rec.points)));
            p.eq(
                &what("possible"),
                int_after(total, " of "),
                Some(i64::from(rec.possible)),
            );
            p.eq(&what("need"), int_after(total, "need of "), Some(i64::from(rec.need)));
            let facilitators = after(total, "(").map(token).and_then(number_word).unwrap_or(0);
            p.eq(&what("facilitators"), facilitators, i64::from(rec.facilitators));
            let statements: Vec<(&str, &Evidence)> = rec
                .evidence
                .iter()
                .filter_map(|e| match e {
                    Evidence::Statement { item, .. } => Some((item.as_str(), e)),
                    _ => None,
                })
                .collect();
            let mut listed: Vec<&str> = Vec::new();
            let mut listed_points = 0;
            let mut rest = list;
            while let Some(open) = rest.find('(') {
                let Some(close) = rest[open..].find(')').map(|c| c + open) else {
                    break;
                };
                let label = rest[..open].trim().trim_start_matches(',').trim();
                let label = label.strip_prefix("and ").unwrap_or(label);
                let desc = &rest[open + 1..close];
                rest = &rest[close + 1..];
                if let Some(count) = label.strip_suffix(" \"I don't know\" answers") {
                    let each = desc.strip_suffix(" each").and_then(int);
                    let unknown: Vec<&(&str, &Evidence)> = statements
                        .iter()
                        .filter(|(_, e)| {
                            matches!(
                                e,
                                Evidence::Statement {
                                    class: Class::Unknown,
                                    ..
                                }
                            )
                        })
                        .collect();
                    let count = number_word(count);
                    p.eq(&what("\"I don't know\" answers"), count, Some(unknown.len() as i64));
                    for (id, e) in &unknown {
                        p.eq(&what(&format!("points of {id}")), each, Some(i64::from(e.points())));
                    }
                    listed.extend(unknown.iter().map(|(id, _)| *id));
                    listed_points += count.unwrap_or(0) * each.unwrap_or(0);
                } else {
                    let (words, points) = match desc.rsplit_once(", ") {
                        Some((w, n)) => (Some(w), int(n)),
                        None => (None, int(desc)),
                    };
                    match statements.iter().find(|(id, _)| *id == label) {
                        Some((
                            _,
                            Evidence::Statement {
                                class,
                                strength,
                                points: got,
                                ..
                            },
                        )) => {
                            p.eq(&what(&format!("points of {label}")), points, Some(i64::from(*got)));
                            let reading = match (class, strength) {
                                (Class::Barrier, 2) => Some("strong barrier"),
                                (Class::Barrier, _) => Some("somewhat barrier"),
                                _ => None,
                            };
                            if words.is_some() {
                                p.eq(&what(&format!("reading of {label}")), words, reading);
                            }
                        }
                        _ => p.0.push(what(&format!("{label} is not behind it"))),
                    }
                    listed.push(label);
                    listed_points += points.unwrap_or(0);
                }
            }
            let behind: Vec<&str> = statements.iter().map(|(id, _)| *id).collect();
            p.eq(&what("the answers, strongest first"), &listed, &behind);
            p.eq(
                &what("every piece of evidence listed"),
                listed.len(),
                rec.evidence.len(),
            );
            p.eq(&what("the points add up"), Some(listed_points), int(token(total)));
        } else if let Some((count, rest)) = sentence.split_once(" areas tie at ") {
            worked += 1;
            let need = int(token(rest));
            let tied: Vec<_> = r.ta_areas.iter().filter(|t| Some(i64::from(t.need)) == need).collect();
            p.eq("areas tied", number_word(count), Some(tied.len() as i64));
            if rest.contains("none has a national figure") {
                p.truth(
                    "the tied areas have no national figure",
                    tied.iter().all(|t| t.national.is_none()),
                );
            }
            if rest.contains("keep the instrument's order") {
                let order: Vec<Option<usize>> = tied
                    .iter()
                    .map(|t| i.ta_areas.iter().position(|a| a.id == t.area))
                    .collect();
                let mut sorted = order.clone();
                sorted.sort();
                p.eq("the tied areas keep the instrument's order", order, sorted);
            }
        }
    }
    p.eq("sentences worked through in the TA areas", worked, 4);
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn the_method_document_agrees_with_the_code() {
    let problems = doc_problems(DOC);
    assert!(
        problems.is_empty(),
        "docs/scoring.md disagrees with the code:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_worked_example_is_the_documented_answers() {
    let r = worked_example();
    let listed: Vec<(&str, ScaleAnswer)> = r.statements.iter().map(|(id, a)| (id.as_str(), *a)).collect();
    let mut expected = WORKED_EXAMPLE.to_vec();
    expected.sort();
    assert_eq!(listed, expected);
    assert!(r.validate(Instrument::shipped()).is_ok());
}

/// One changed number: (offset, what was there, what it became, the
/// changed document).
type Mutation = (usize, String, String, String);

/// Every number of the document changed by one, and every sign flipped.
/// Years ("2022") are names, not results, and are left alone.
fn mutations(doc: &str) -> Vec<Mutation> {
    let mut out = Vec::new();
    let bytes = doc.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_ascii_digit() {
            let end = (k..bytes.len())
                .find(|&j| !bytes[j].is_ascii_digit())
                .unwrap_or(bytes.len());
            let run = &doc[k..end];
            if run != "2022" {
                let bumped = (run.parse::<u64>().unwrap_or(0) + 1).to_string();
                out.push((
                    k,
                    run.to_owned(),
                    bumped.clone(),
                    format!("{}{bumped}{}", &doc[..k], &doc[end..]),
                ));
            }
            k = end;
        } else {
            k += 1;
        }
    }
    // Signs and operators in front of numbers: "−5" ↔ "+5", "50 − 83" ↔ "50 + 83".
    for (k, c) in doc.char_indices() {
        let flipped = match c {
            '−' => '+',
            '+' => '−',
            _ => continue,
        };
        let next = doc[k + c.len_utf8()..].trim_start_matches(' ');
        if next.starts_with(|ch: char| ch.is_ascii_digit()) {
            let changed = format!("{}{flipped}{}", &doc[..k], &doc[k + c.len_utf8()..]);
            out.push((k, c.to_string(), flipped.to_string(), changed));
        }
    }
    out
}

#[test]
fn changing_any_number_in_the_document_is_noticed() {
    let all = mutations(DOC);
    assert!(all.len() > 150, "only {} numbers found", all.len());
    let unnoticed: Vec<String> = all
        .iter()
        .filter(|(_, _, _, doc)| doc_problems(doc).is_empty())
        .map(|(k, from, to, _)| {
            let line = DOC[..*k].lines().count();
            let start = DOC[..*k].rfind('\n').map_or(0, |s| s + 1);
            let end = DOC[*k..].find('\n').map_or(DOC.len(), |e| k + e);
            format!("line {line}: {from} → {to} in {:?}", &DOC[start..end])
        })
        .collect();
    assert!(
        unnoticed.is_empty(),
        "{} change(s) to docs/scoring.md pass unnoticed:\n  {}",
        unnoticed.len(),
        unnoticed.join("\n  ")
    );
}
