//! Properties that hold for any answers at all, checked on random answers
//! drawn from the shipped instrument (and on random garbage for the reader).

mod common;
use common::*;
use hr_assessment::instrument::{Question, Statement};
use hr_assessment::{assess, Class, ItemId, OptionId, Polarity, Report, Responses, ScaleAnswer, Stage, TaAreaId};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

fn statements() -> Vec<&'static Statement> {
    instrument().statements().collect()
}

fn any_answer() -> impl Strategy<Value = ScaleAnswer> {
    prop::sample::select(ScaleAnswer::ALL.to_vec())
}

/// Every grid cell of the instrument: (grid, row, column).
fn grid_cells() -> Vec<(ItemId, OptionId, OptionId)> {
    instrument()
        .questions
        .iter()
        .filter_map(|q| match q {
            Question::Grid(g) => Some(g),
            _ => None,
        })
        .flat_map(|g| {
            g.rows.iter().flat_map(move |r| {
                g.columns
                    .iter()
                    .map(move |c| (g.id.clone(), r.id.clone(), c.id.clone()))
            })
        })
        .collect()
}

/// A few ticked cells.
fn grid_ticks() -> impl Strategy<Value = Vec<(ItemId, OptionId, OptionId)>> {
    let cells = grid_cells();
    prop::collection::vec(prop::bool::weighted(0.1), cells.len()).prop_map(move |bits| {
        cells
            .iter()
            .zip(bits)
            .filter(|(_, on)| *on)
            .map(|(c, _)| c.clone())
            .collect()
    })
}

/// For each choice-like question, some of its options in any order, never
/// more than its `max` (one for a single choice).
fn choice_answers() -> Vec<BoxedStrategy<(ItemId, Vec<OptionId>)>> {
    let i = instrument();
    i.questions
        .iter()
        .filter_map(|q| {
            let max = match q {
                Question::SingleChoice(_) => 1,
                Question::MultiChoice(c) => c.max.map_or(usize::MAX, usize::from),
                Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => {
                    l.max.map_or(usize::MAX, usize::from)
                }
                Question::Statement(_) | Question::Grid(_) => return None,
            };
            let options: Vec<OptionId> = i.list_options(q).into_iter().map(|(id, _)| id).collect();
            let most = options.len().min(max);
            let id = q.id().clone();
            Some(
                prop::sample::subsequence(options, 0..=most)
                    .prop_shuffle()
                    .prop_map(move |chosen| (id.clone(), chosen))
                    .boxed(),
            )
        })
        .collect()
}

/// Any answers: each statement skipped or given one of the five answers,
/// some grid cells ticked, some options chosen.
fn responses() -> impl Strategy<Value = Responses> {
    let n = statements().len();
    (
        prop::collection::vec(prop::option::of(any_answer()), n),
        grid_ticks(),
        choice_answers(),
    )
        .prop_map(|(answers, ticks, choices)| {
            let mut r = Responses::default();
            for (s, a) in statements().into_iter().zip(answers) {
                if let Some(a) = a {
                    r.set_statement(s.id.clone(), a);
                }
            }
            for (grid, row, col) in ticks {
                r.set_cell(grid, row, col, true);
            }
            for (id, chosen) in choices {
                if !chosen.is_empty() {
                    r.choices.insert(id, chosen);
                }
            }
            r
        })
}

/// The answer on one side for a polarity: `facilitator` or barrier side,
/// `strong` or somewhat.
fn side_answer(polarity: Polarity, facilitator: bool, strong: bool) -> ScaleAnswer {
    let agree = facilitator == (polarity == Polarity::Positive);
    match (agree, strong) {
        (true, true) => SA,
        (true, false) => SWA,
        (false, true) => SD,
        (false, false) => SWD,
    }
}

/// Answers all on one side (strongly or somewhat, as the polarity needs);
/// with `skips`, some statements are left blank.
fn one_side(facilitator: bool, skips: bool) -> impl Strategy<Value = Responses> {
    let n = statements().len();
    let skipped = if skips { 0.3 } else { 0.0 };
    prop::collection::vec((prop::bool::weighted(skipped), any::<bool>()), n).prop_map(move |picks| {
        let mut r = Responses::default();
        for (s, (skip, strong)) in statements().into_iter().zip(picks) {
            if !skip {
                r.set_statement(s.id.clone(), side_answer(s.polarity, facilitator, strong));
            }
        }
        r
    })
}

/// (points, need, rank) of an area; (0, 0, None) when it is not recommended.
fn standing(r: &Report, area: &TaAreaId) -> (u32, u32, Option<usize>) {
    r.ta_areas
        .iter()
        .position(|t| &t.area == area)
        .map_or((0, 0, None), |k| (r.ta_areas[k].points, r.ta_areas[k].need, Some(k)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn domain_readings_stay_in_range_and_add_up(r in responses()) {
        let report = assess(instrument(), &r);
        for d in &report.domains {
            if let Some(b) = d.balance {
                prop_assert!((-100..=100).contains(&b), "{} balance {b}", d.domain);
            }
            prop_assert_eq!(d.balance.is_none(), d.known() == 0);
            prop_assert!(d.coverage <= 100, "{} coverage {}", d.domain, d.coverage);
            prop_assert_eq!((d.facilitators + d.barriers + d.unknowns) as usize, d.items.len());
            prop_assert!(d.items.len() <= d.total as usize);
            prop_assert_eq!(d.total as usize, instrument().statements_in(&d.domain).count());
            prop_assert_eq!(d.stage, Stage::of(d.balance, d.known(), d.total, &instrument().scoring));
            // A stage only with at least half of the statements known.
            prop_assert_eq!(d.stage == Stage::NotAssessed, 2 * d.known() < d.total);
        }
        let o = &report.overall;
        if let Some(a) = o.average {
            prop_assert!((-100..=100).contains(&a));
        }
        prop_assert_eq!(o.facilitators + o.barriers + o.unknowns, r.statements.len() as u32);
        // The weakest of all domains with a stage is never above the average.
        let lowest = report.domains.iter().filter(|d| d.stage != Stage::NotAssessed).map(|d| d.stage).min();
        prop_assert!(o.average.is_none() || lowest <= Some(o.average_stage), "the weakest link is never above the average");
        // The overall stage is the organization's own weakest link.
        prop_assert_eq!(o.stage, o.organization.stage);
        for p in &o.organization.parts {
            prop_assert!(o.stage <= p.stage || p.stage == Stage::NotAssessed);
        }
    }

    #[test]
    fn i_dont_know_is_always_unknown_and_never_a_barrier(r in responses(), pick in any::<Index>()) {
        let before = assess(instrument(), &r);
        for s in before.domains.iter().flat_map(|d| &d.items) {
            prop_assert_eq!(s.answer == DK, s.class == Class::Unknown, "{}", s.item);
        }
        let statement = pick.get(&statements()).to_owned();
        let mut unsure = r.clone();
        unsure.set_statement(statement.id.clone(), DK);
        let after = assess(instrument(), &unsure);
        let (b, a) = (before.domain(&statement.domain).unwrap(), after.domain(&statement.domain).unwrap());
        prop_assert!(a.barriers <= b.barriers, "{}: barriers {} → {}", statement.id, b.barriers, a.barriers);
        prop_assert!(a.facilitators <= b.facilitators);
        prop_assert!(a.unknowns >= b.unknowns);
        prop_assert!(after.overall.barriers <= before.overall.barriers);
        prop_assert_eq!(after.item(&statement.id).map(|s| s.class), Some(Class::Unknown));
    }

    #[test]
    fn facilitator_side_answers_everywhere_read_facilitator_everywhere(r in one_side(true, false)) {
        let report = assess(instrument(), &r);
        prop_assert_eq!(report.overall.barriers, 0);
        prop_assert!(report.domains.iter().all(|d| d.stage == Stage::Facilitator));
        prop_assert_eq!(report.overall.stage, Stage::Facilitator);
        prop_assert!(report.ta_areas.is_empty());
    }

    #[test]
    fn facilitator_side_answers_with_gaps_never_read_below_facilitator(r in one_side(true, true)) {
        let report = assess(instrument(), &r);
        prop_assert_eq!(report.overall.barriers, 0);
        for d in &report.domains {
            let expected = if 2 * d.known() < d.total { Stage::NotAssessed } else { Stage::Facilitator };
            prop_assert_eq!(d.stage, expected, "{}", d.domain);
        }
        let org = &report.overall.organization;
        let expected = if org.parts.iter().all(|p| 2 * p.known() < p.total) { Stage::NotAssessed } else { Stage::Facilitator };
        prop_assert_eq!(report.overall.stage, expected);
    }

    #[test]
    fn barrier_side_answers_read_barrier_in_every_answered_domain(r in one_side(false, true)) {
        let report = assess(instrument(), &r);
        prop_assert_eq!(report.overall.facilitators, 0);
        for d in &report.domains {
            let expected = if 2 * d.known() < d.total { Stage::NotAssessed } else { Stage::Barrier };
            prop_assert_eq!(d.stage, expected, "{}", d.domain);
        }
    }

    #[test]
    fn barrier_side_answers_everywhere_read_barrier_everywhere(r in one_side(false, false)) {
        let report = assess(instrument(), &r);
        prop_assert!(report.domains.iter().all(|d| d.stage == Stage::Barrier));
        prop_assert_eq!(report.overall.stage, Stage::Barrier);
        prop_assert_eq!(report.overall.barrier_domains.len(), instrument().domains.len());
        // Every area any statement points to is recommended.
        let areas: std::collections::BTreeSet<&TaAreaId> = statements().into_iter().flat_map(|s| &s.ta).collect();
        prop_assert_eq!(report.ta_areas.len(), areas.len());
    }

    #[test]
    fn strengthening_a_barrier_never_lowers_its_ta_areas(r in responses(), pick in any::<Index>()) {
        let statement = pick.get(&statements()).to_owned();
        let strongest = side_answer(statement.polarity, false, true);
        let before = assess(instrument(), &r);
        let mut stronger = r.clone();
        stronger.set_statement(statement.id.clone(), strongest);
        let after = assess(instrument(), &stronger);
        for area in &statement.ta {
            let (points_before, need_before, _) = standing(&before, area);
            let (points_after, need_after, rank_after) = standing(&after, area);
            prop_assert!(points_after >= points_before, "{area}: {points_before} → {points_after} points");
            // The need never falls (a rank may: other areas the statement
            // points to rise too, and a tie goes to national demand).
            prop_assert!(need_after >= need_before, "{area}: need {need_before} → {need_after}");
            prop_assert!(rank_after.is_some(), "{area} is recommended after a strong barrier");
        }
        let (b, a) = (before.domain(&statement.domain).unwrap(), after.domain(&statement.domain).unwrap());
        prop_assert!(a.barriers >= b.barriers);
        prop_assert!(a.balance <= b.balance || b.balance.is_none());
    }

    #[test]
    fn assessing_is_deterministic_and_answers_survive_a_json_round_trip(r in responses()) {
        let report = assess(instrument(), &r);
        prop_assert_eq!(&report, &assess(instrument(), &r.clone()));

        // The same answers rebuilt in reverse order read the same.
        let mut rebuilt = Responses::default();
        for (id, a) in r.statements.iter().rev() {
            rebuilt.set_statement(id.clone(), *a);
        }
        for (id, chosen) in r.choices.iter().rev() {
            rebuilt.choices.insert(id.clone(), chosen.clone());
        }
        for (id, rows) in r.grids.iter().rev() {
            for (row, cols) in rows.iter().rev() {
                for col in cols.iter().rev() {
                    rebuilt.set_cell(id.clone(), row.clone(), col.clone(), true);
                }
            }
        }
        prop_assert_eq!(&rebuilt, &r);
        prop_assert_eq!(&assess(instrument(), &rebuilt), &report);

        for json in [serde_json::to_string(&r).unwrap(), serde_json::to_string_pretty(&r).unwrap()] {
            let back: Responses = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &r);
            prop_assert!(back.validate(instrument()).is_ok());
            prop_assert_eq!(&assess(instrument(), &back), &report);
        }
    }

    #[test]
    fn validation_accepts_every_answer_the_questionnaire_allows(r in responses()) {
        prop_assert_eq!(r.validate(instrument()), Ok(()));
    }
}

// ---------------------------------------------------------------------------
// Garbage in: reading and validating never panics
// ---------------------------------------------------------------------------

/// Words that make garbage look like answers: field names, every id of the
/// instrument, the answers, and a few strangers.
fn words() -> Vec<String> {
    let i = instrument();
    let mut w: Vec<String> = ["statements", "choices", "grids", "", " ", "null", "é", "\"", "\\"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    w.extend(ScaleAnswer::ALL.iter().map(|a| a.as_str().to_owned()));
    for q in &i.questions {
        w.push(q.id().to_string());
        w.extend(i.list_options(q).into_iter().map(|(id, _)| id.to_string()));
        if let Question::Grid(g) = q {
            w.extend(g.rows.iter().map(|r| r.id.to_string()));
            w.extend(g.columns.iter().map(|c| c.id.to_string()));
        }
    }
    w
}

fn word() -> BoxedStrategy<String> {
    prop_oneof![4 => prop::sample::select(words()), 1 => "[a-z_\\-]{0,12}", 1 => any::<String>()].boxed()
}

/// Any JSON value, built from the words above.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        word().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(word(), inner, 0..5).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Answer-shaped JSON with random ids and values, so that most of it reads
/// as `Responses` and reaches `validate`.
fn answer_shaped() -> impl Strategy<Value = Value> {
    let answer = prop_oneof![
        8 => prop::sample::select(ScaleAnswer::ALL.to_vec()).prop_map(|a| a.as_str().to_owned()),
        1 => word(),
    ];
    let ids: Vec<String> = statements().iter().map(|s| s.id.to_string()).collect();
    let statement_key = prop_oneof![3 => prop::sample::select(ids), 1 => word()];
    (
        prop::collection::btree_map(statement_key, answer, 0..8),
        prop::collection::btree_map(word(), prop::collection::vec(word(), 0..5), 0..4),
        prop::collection::btree_map(
            word(),
            prop::collection::btree_map(word(), prop::collection::vec(word(), 0..4), 0..4),
            0..3,
        ),
    )
        .prop_map(|(s, c, g)| serde_json::json!({ "statements": s, "choices": c, "grids": g }))
}

/// Reads, validates and (when valid) scores a text. Must never panic.
fn read_anything(text: &str) -> Result<(), TestCaseError> {
    let i = instrument();
    if let Ok(r) = serde_json::from_str::<Responses>(text) {
        let valid = r.validate(i);
        // Scoring must not panic even on answers that were not validated.
        let report = assess(i, &r);
        match valid {
            Ok(()) => {
                let scored = report.domains.iter().map(|d| d.items.len()).sum::<usize>();
                prop_assert_eq!(scored, r.statements.len(), "every valid statement answer is scored");
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|e| !e.to_string().is_empty()));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn reading_random_text_never_panics(text in any::<String>()) {
        read_anything(&text)?;
    }

    #[test]
    fn reading_json_ish_text_never_panics(text in "[\\{\\}\\[\\]\":, a-z_\\-0-9]{0,80}") {
        read_anything(&text)?;
    }

    #[test]
    fn reading_random_json_never_panics(v in json_value()) {
        read_anything(&v.to_string())?;
    }

    #[test]
    fn reading_random_maps_with_random_keys_never_panics(m in prop::collection::btree_map(word(), json_value(), 0..4)) {
        let v = Value::Object(m.into_iter().collect());
        read_anything(&v.to_string())?;
    }

    #[test]
    fn validating_answer_shaped_garbage_never_panics(v in answer_shaped()) {
        read_anything(&v.to_string())?;
    }
}

#[test]
fn answer_shaped_garbage_does_reach_validation() {
    // Guard against a strategy that never gets past serde: a plain example of
    // the shape must read, and must be refused by `validate`.
    let v = serde_json::json!({
        "statements": { "adequate-funding": "dont_know", "nowhere": "strongly_agree" },
        "choices": { "ta-now": ["yes", "no"] },
        "grids": { "services": { "naloxone": ["direct", "tomorrow"] } },
    });
    let r: Responses = serde_json::from_str(&v.to_string()).unwrap();
    let errors = r.validate(instrument()).unwrap_err();
    assert_eq!(errors.len(), 3, "{errors:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    /// The program's small stable sort orders exactly as the standard
    /// library's stable sort, equal keys included (the payload tells equal
    /// keys apart).
    #[test]
    fn the_small_sort_is_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..120)) {
        let mut ours = v.clone();
        hr_assessment::sort::by_key(&mut ours, |(k, _)| *k);
        let mut std_sorted = v.clone();
        std_sorted.sort_by_key(|(k, _)| *k);
        prop_assert_eq!(&ours, &std_sorted);

        let mut ours = v.clone();
        hr_assessment::sort::ascending(&mut ours);
        let mut std_sorted = v;
        std_sorted.sort();
        prop_assert_eq!(ours, std_sorted);
    }

    /// `Responses::is_empty` (which hides the results page's downloads) is
    /// true exactly when no question counts as answered, after any mix of
    /// answers, ticks, unticks and clears.
    #[test]
    fn responses_are_empty_exactly_when_no_question_is_answered(
        ticks in grid_ticks(),
        untick in any::<bool>(),
        answer in any_answer(),
        k in any::<Index>(),
        answer_one in any::<bool>(),
        clear in any::<bool>(),
    ) {
        let mut r = Responses::default();
        prop_assert!(r.is_empty());
        let all = statements();
        let s = all[k.index(all.len())];
        if answer_one {
            r.set_statement(s.id.clone(), answer);
        }
        for (g, row, col) in &ticks {
            r.set_cell(g.clone(), row.clone(), col.clone(), true);
        }
        if untick {
            for (g, row, col) in &ticks {
                r.set_cell(g.clone(), row.clone(), col.clone(), false);
            }
        }
        if clear {
            r.clear(&s.id);
        }
        let nothing = instrument().questions.iter().all(|q| !r.is_answered(q));
        prop_assert_eq!(r.is_empty(), nothing);
    }

    /// The sorted-vector map and set behave as `BTreeMap` and `BTreeSet` under
    /// any mix of inserts, removals and lookups, and serialize the same.
    #[test]
    fn the_sorted_map_and_set_are_the_standard_ones(ops in proptest::collection::vec((0u8..4, 0u8..24, any::<u16>()), 0..200)) {
        use std::collections::{BTreeMap, BTreeSet};
        use hr_assessment::{SortedMap, SortedSet};
        let (mut map, mut std_map) = (SortedMap::new(), BTreeMap::new());
        let (mut set, mut std_set) = (SortedSet::new(), BTreeSet::new());
        for (op, key, value) in ops {
            match op {
                0 => {
                    prop_assert_eq!(map.insert(key, value), std_map.insert(key, value));
                    prop_assert_eq!(set.insert(key), std_set.insert(key));
                }
                1 => {
                    prop_assert_eq!(map.remove(&key), std_map.remove(&key));
                    prop_assert_eq!(set.remove(&key), std_set.remove(&key));
                }
                2 => {
                    // Wrapping, as the strategy draws every u16, 65535 included.
                    let v = map.get_or_default(key);
                    *v = v.wrapping_add(1);
                    let v = std_map.entry(key).or_default();
                    *v = v.wrapping_add(1);
                }
                _ => {
                    prop_assert_eq!(map.get(&key), std_map.get(&key));
                    prop_assert_eq!(map.contains_key(&key), std_map.contains_key(&key));
                    prop_assert_eq!(set.contains(&key), std_set.contains(&key));
                }
            }
            prop_assert_eq!(map.len(), std_map.len());
            prop_assert_eq!(set.len(), std_set.len());
        }
        prop_assert!(map.iter().eq(std_map.iter()));
        prop_assert!(set.iter().eq(std_set.iter()));
        prop_assert_eq!(serde_json::to_string(&map).unwrap(), serde_json::to_string(&std_map).unwrap());
        prop_assert_eq!(serde_json::to_string(&set).unwrap(), serde_json::to_string(&std_set).unwrap());
        let back: SortedMap<u8, u16> = serde_json::from_str(&serde_json::to_string(&std_map).unwrap()).unwrap();
        prop_assert!(back == map);
    }
}
