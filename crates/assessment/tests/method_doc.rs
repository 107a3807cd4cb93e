//! `docs/scoring.md`, written from the code. Every table and every passage of
//! the document that states a number the code determines (the worked
//! example's tables and working, thresholds, points, counts, national
//! figures) sits in a generated block, between `<!-- generated: NAME -->`
//! and `<!-- end generated -->`, with a blank line either side of its text.
//! `method_doc/blocks.md` holds each block's wording with `{value}`s, which
//! `method_doc/generate.rs` computes from `worked_example()`,
//! `Instrument::shipped()` and the scoring functions.
//!
//! The test compares every block with the document and fails naming the
//! block and showing both; it also fails on a block the document lacks and
//! on one the generator does not know. To write the blocks into the
//! document instead (after changing the code, the data or `blocks.md`):
//!
//! ```text
//! UPDATE_DOCS=1 cargo test -p hr-assessment --test method_doc
//! ```
//!
//! The prose between the blocks is hand-written: edit it in the document.
//! What the blocks say in words (a stage starts at its threshold, a plan
//! adds its points) is checked against what the code does by ordinary
//! assertions at the end.

mod common;
#[path = "method_doc/generate.rs"]
mod generate;
use common::*;
use generate::{generated, grid, points_for, TEMPLATES};
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::numbers::div_round;
use hr_assessment::recommend::need;
use hr_assessment::scoring::{balance, score_answer};
use hr_assessment::{Instrument, Polarity, Responses, ScaleAnswer, Shipped, Stage};
use std::ops::Range;

const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/scoring.md");
const END: &str = "<!-- end generated -->";

// ---------------------------------------------------------------------------
// The blocks in a document
// ---------------------------------------------------------------------------

/// A generated block: its name and the text between its two marker lines.
pub struct Block {
    pub name: String,
    pub inner: Range<usize>,
}

/// The generated blocks of `doc`, or what is wrong with their markers.
pub fn blocks(doc: &str) -> Result<Vec<Block>, String> {
    let (mut out, mut open, mut offset) = (vec![], None::<(String, usize, usize)>, 0);
    for (k, line) in doc.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix("<!-- generated: ").and_then(|n| n.strip_suffix(" -->")) {
            if let Some((outer, ..)) = &open {
                return Err(format!("line {}: block `{name}` starts inside block `{outer}`", k + 1));
            }
            open = Some((name.to_owned(), k + 1, offset + line.len()));
        } else if t == END {
            let (name, _, start) = open.take().ok_or(format!("line {}: {END} without a block", k + 1))?;
            out.push(Block {
                name,
                inner: start..offset,
            });
        } else if t.starts_with("<!-- generated") || t.starts_with("<!-- end generated") {
            return Err(format!(
                "line {}: a marker not of the form `<!-- generated: NAME -->`",
                k + 1
            ));
        }
        offset += line.len();
    }
    match open {
        Some((name, line, _)) => Err(format!("block `{name}` (line {line}) has no {END}")),
        None => Ok(out),
    }
}

/// How a block's text sits between its markers: a blank line either side.
fn framed(text: &str) -> String {
    format!("\n{text}\n\n")
}

/// Everything in `doc` that is not as the generator writes it.
fn differences(doc: &str, generated: &[(String, String)]) -> Vec<String> {
    let found = match blocks(doc) {
        Ok(b) => b,
        Err(e) => return vec![e],
    };
    let mut out = vec![];
    for (k, b) in found.iter().enumerate() {
        let (name, inner) = (&b.name, &doc[b.inner.clone()]);
        if found[..k].iter().any(|o| o.name == b.name) {
            out.push(format!("block `{name}` appears twice"));
        }
        match generated.iter().find(|(n, _)| n == name) {
            None => out.push(format!(
                "block `{name}` is in the document but the generator does not know it"
            )),
            Some((_, text)) if inner != framed(text) => {
                let said = inner.trim_matches('\n');
                let (d, c): (Vec<&str>, Vec<&str>) = (said.lines().collect(), text.lines().collect());
                let at = match (0..d.len().max(c.len())).find(|k| d.get(*k) != c.get(*k)) {
                    Some(k) => format!("first at its line {}", k + 1),
                    None => "in the blank lines around it".to_owned(),
                };
                out.push(format!(
                    "block `{name}` differs from the code ({at}).\n--- docs/scoring.md:\n{said}\n\
                     --- the code:\n{text}\n---"
                ));
            }
            Some(_) => {}
        }
    }
    let missing = generated.iter().filter(|(n, _)| !found.iter().any(|b| &b.name == n));
    out.extend(missing.map(|(name, _)| format!("block `{name}` is missing from the document")));
    out
}

/// `doc` with the text of every block the generator knows written by it.
fn rewrite(doc: &str, generated: &[(String, String)]) -> String {
    let mut out = doc.to_owned();
    for b in blocks(doc).unwrap_or_default().iter().rev() {
        if let Some((_, text)) = generated.iter().find(|(n, _)| *n == b.name) {
            out.replace_range(b.inner.clone(), &framed(text));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn the_method_document_is_written_from_the_code() {
    let doc = std::fs::read_to_string(DOC_PATH).expect("docs/scoring.md");
    let generated = generated();
    if std::env::var("UPDATE_DOCS").is_ok_and(|v| v == "1") {
        let updated = rewrite(&doc, &generated);
        if updated != doc {
            std::fs::write(DOC_PATH, &updated).expect("write docs/scoring.md");
            eprintln!("docs/scoring.md: generated blocks rewritten");
        }
        let left = differences(&updated, &generated);
        assert!(
            left.is_empty(),
            "docs/scoring.md, after rewriting:\n{}",
            left.join("\n")
        );
        return;
    }
    let problems = differences(&doc, &generated);
    assert!(
        problems.is_empty(),
        "docs/scoring.md does not say what the code says (UPDATE_DOCS=1 cargo test -p hr-assessment --test \
         method_doc rewrites its blocks):\n\n{}",
        problems.join("\n\n")
    );
}

/// The comparison can be seen to fail: a changed number or word in any
/// block, a block taken out, one the generator does not know, a bad marker.
#[test]
fn a_changed_missing_or_unknown_block_is_caught() {
    let generated = generated();
    // The document as compiled in: another test may be rewriting the file.
    let doc = rewrite(include_str!("../../../docs/scoring.md"), &generated);
    assert_eq!(differences(&doc, &generated), Vec::<String>::new());
    let found = blocks(&doc).unwrap();
    let names = |b: &[Block]| b.iter().map(|b| b.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&found),
        names(&blocks(TEMPLATES).unwrap()),
        "every block, in order"
    );
    for b in &found {
        let inner = &doc[b.inner.clone()];
        let changed = match inner.find(|c: char| c.is_ascii_digit()) {
            Some(k) => format!(
                "{}{}{}",
                &inner[..k],
                (inner.as_bytes()[k] - b'0' + 1) % 10,
                &inner[k + 1..]
            ),
            None => inner.replacen(' ', "  ", 1),
        };
        let mut altered = doc.clone();
        altered.replace_range(b.inner.clone(), &changed);
        let problems = differences(&altered, &generated);
        assert_eq!(problems.len(), 1, "{}: {problems:?}", b.name);
        let (said, was) = (changed.trim_matches('\n'), inner.trim_matches('\n'));
        let named = problems[0].starts_with(&format!("block `{}` differs from the code (first at its line ", b.name));
        assert!(
            named && problems[0].contains(said) && problems[0].contains(was),
            "{}",
            problems[0]
        );
    }
    let first = &found[0];
    let marker = format!("<!-- generated: {} -->\n", first.name);
    let tight = doc.replacen(&format!("{marker}\n"), &marker, 1);
    assert!(differences(&tight, &generated)[0].contains("differs from the code (in the blank lines around it)"));
    let start = doc[..first.inner.start - 1].rfind('\n').map_or(0, |k| k + 1);
    let without = format!("{}{}", &doc[..start], &doc[first.inner.end + END.len() + 1..]);
    let missing = format!("block `{}` is missing from the document", first.name);
    assert_eq!(differences(&without, &generated), [missing]);
    let extra = format!("{doc}\n<!-- generated: no-such-block -->\n\nanything\n\n{END}\n");
    let unknown = "block `no-such-block` is in the document but the generator does not know it";
    assert_eq!(differences(&extra, &generated), [unknown]);
    let unclosed = format!("{doc}\n<!-- generated: no-such-block -->\n");
    assert!(differences(&unclosed, &generated)[0].contains("has no <!-- end generated -->"));
    let misspelt = doc.replacen("<!-- generated: ", "<!-- generated ", 1);
    assert!(differences(&misspelt, &generated)[0].contains("a marker not of the form"));
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

/// The points an area gets from some answers (0 when it is not listed).
fn area_points(responses: &Responses, area: &str) -> u32 {
    let r = report(responses);
    r.ta_areas
        .iter()
        .find(|t| t.area.as_str() == area)
        .map_or(0, |t| t.points)
}

/// What the blocks and the prose around them say in words, as the code does
/// it: the balance formula, where stages change, "at least half", the
/// thirds, the points of each kind of evidence, need, and the examples the
/// text gives.
#[test]
fn the_stated_rules_behave_as_stated() {
    let i = instrument();
    let th = &i.scoring;
    let strong = score_answer(SA, Polarity::Positive).1;
    for k in 1..=12u32 {
        for s in -strong * k as i32..=strong * k as i32 {
            let formula = div_round(100 * i64::from(s), i64::from(strong * k as i32));
            assert_eq!(balance(s, k).map(i64::from), Some(formula), "balance({s}, {k})");
        }
    }
    // The stage table's ranges, where the code changes stage.
    let stage = |b: i32| Stage::of_balance(Some(b), th);
    assert_eq!(
        [stage(th.facilitator_from), stage(th.facilitator_from - 1)],
        [Stage::Facilitator, Stage::Mixed]
    );
    assert_eq!(
        [stage(th.barrier_to), stage(th.barrier_to + 1)],
        [Stage::Barrier, Stage::Mixed]
    );
    // "Three bands of nearly equal width, a third of the range each."
    let band = |s: Stage| (-100..=100).filter(|b| stage(*b) == s).count();
    let bands = [band(Stage::Barrier), band(Stage::Mixed), band(Stage::Facilitator)];
    assert!(bands.iter().all(|b| b.abs_diff(201 / 3) <= 1), "{bands:?}");
    // "At least half of its statements have a known answer."
    for total in 1..=12 {
        for known in 0..=total {
            let staged = Stage::of(Some(100), known, total, th) != Stage::NotAssessed;
            assert_eq!(
                staged,
                100 * known >= th.known_for_stage_percent * total,
                "{known} of {total}"
            );
        }
    }
    // The points table, plans, wanted areas and missing core services, as
    // scored; the examples the text gives.
    let points = [
        (SD, th.points_strong_barrier),
        (SWD, th.points_somewhat_barrier),
        (DK, th.points_unknown),
    ];
    for (answer, p) in points.into_iter().chain([(SWA, 0), (SA, 0)]) {
        assert_eq!(points_for(i, answer), p, "{answer:?}");
    }
    let mut planned = Responses::default();
    planned.set_cell(item("services"), opt("test-strips"), opt("planned"), true);
    planned.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    planned.set_cell(item("services"), opt("syringe-services"), opt("direct"), true);
    assert_eq!(area_points(&planned, "practices"), th.points_plan);
    let strips = grid(i, "services")
        .rows
        .iter()
        .find(|r| r.id.as_str() == "test-strips")
        .unwrap();
    assert_eq!(
        strips.ta.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        ["practices", "law-policy"]
    );
    let core: Vec<&str> = grid(i, "services").core_rows.iter().map(|r| r.as_str()).collect();
    assert_eq!(core, ["naloxone", "test-strips", "syringe-services"]);
    let mut one_service = Responses::default();
    one_service.set_cell(item("services"), opt("counseling"), opt("direct"), true);
    assert_eq!(area_points(&one_service, "practices"), th.points_missing_service * 3);
    let mut wanted = Responses::default();
    wanted.choices.insert(item("ta-areas-wanted"), vec![opt("wellbeing")]);
    assert_eq!(area_points(&wanted, "wellbeing"), th.points_chosen_area);
    // need = 100 × points ÷ most, rounded; the most is at least a strong barrier's.
    assert_eq!(i64::from(need(i, 3, 8)), div_round(300, 8));
    assert_eq!(
        i64::from(need(i, 1, 1)),
        div_round(100, i64::from(th.points_strong_barrier))
    );
    // Travel counts against convenings; wide change favours individualized
    // TA and a learning collaborative.
    let travel = i.constraint(&"travel".into()).unwrap();
    assert!(travel.disfavours.iter().any(|m| m.as_str() == "convenings"));
    let wide = i.modalities.iter().filter(|m| m.for_wide_change).map(|m| m.id.as_str());
    assert_eq!(wide.collect::<Vec<_>>(), ["individual-ta", "learning-collaborative"]);
}
