//! Scoring, table-driven: each row is answers in, a domain's reading out.

mod common;
use common::*;
use hr_assessment::scoring::{balance, div_round, score_answer};
use hr_assessment::{Class, DomainId, Polarity, Stage};

/// What one domain should read: facilitators, barriers, unknowns, balance,
/// coverage, stage, find out.
type Expect = (u32, u32, u32, Option<i32>, u32, Stage, bool);

/// A named case: answers given, the domain to read, what it should read.
type Case = (
    &'static str,
    &'static [(&'static str, hr_assessment::ScaleAnswer)],
    &'static str,
    Expect,
);

/// The one helper: scores `list` and compares `domain`'s reading.
fn check(name: &str, list: &[(&str, hr_assessment::ScaleAnswer)], domain: &str, expect: Expect) {
    let report = report(&answers(list));
    let d = report.domain(&DomainId::new(domain)).expect("domain exists");
    let got = (
        d.facilitators,
        d.barriers,
        d.unknowns,
        d.balance,
        d.coverage,
        d.stage,
        d.find_out,
    );
    assert_eq!(got, expect, "case {name:?}");
    // Counts always add up, and each listed item carries its working.
    assert_eq!(d.answered() as usize, d.items.len(), "case {name:?}");
}

#[test]
fn domain_readings() {
    use Stage::*;
    // Funding has 6 statements; `abstinence-only-payers` is worded negatively.
    let cases: &[Case] = &[
        (
            "nothing answered",
            &[],
            "funding",
            (0, 0, 0, None, 0, NotAssessed, false),
        ),
        (
            "one strong facilitator",
            &[("adequate-funding", SA)],
            "funding",
            (1, 0, 0, Some(100), 17, Facilitator, false),
        ),
        (
            "one strong barrier",
            &[("adequate-funding", SD)],
            "funding",
            (0, 1, 0, Some(-100), 17, Barrier, false),
        ),
        (
            "somewhat agree is half strength",
            &[("adequate-funding", SWA)],
            "funding",
            (1, 0, 0, Some(50), 17, Facilitator, false),
        ),
        (
            "negative wording flips agree",
            &[("abstinence-only-payers", SA)],
            "funding",
            (0, 1, 0, Some(-100), 17, Barrier, false),
        ),
        (
            "negative wording flips disagree",
            &[("abstinence-only-payers", SWD)],
            "funding",
            (1, 0, 0, Some(50), 17, Facilitator, false),
        ),
        (
            "don't know is not a barrier",
            &[("adequate-funding", DK)],
            "funding",
            (0, 0, 1, None, 17, NotAssessed, false),
        ),
        (
            "unknowns are left out of the balance",
            &[
                ("adequate-funding", SD),
                ("reimbursement", DK),
                ("funding-beyond-one-grant", DK),
            ],
            "funding",
            (0, 1, 2, Some(-100), 50, Barrier, false),
        ),
        (
            "half unknown triggers find out",
            &[
                ("adequate-funding", DK),
                ("reimbursement", DK),
                ("funding-beyond-one-grant", DK),
                ("supplies-budget", SA),
            ],
            "funding",
            (1, 0, 3, Some(100), 67, Facilitator, true),
        ),
        (
            "a third unknown does not",
            &[("adequate-funding", DK), ("reimbursement", DK), ("supplies-budget", SA)],
            "funding",
            (1, 0, 2, Some(100), 50, Facilitator, false),
        ),
        (
            "balanced answers are mixed",
            &[("adequate-funding", SA), ("reimbursement", SD)],
            "funding",
            (1, 1, 0, Some(0), 33, Mixed, false),
        ),
        (
            "a third rounds down to mixed",
            &[
                ("adequate-funding", SA),
                ("reimbursement", SWA),
                ("funding-beyond-one-grant", SWD),
            ],
            "funding",
            (2, 1, 0, Some(33), 50, Mixed, false),
        ),
        (
            "minus a third rounds to mixed",
            &[
                ("adequate-funding", SD),
                ("reimbursement", SWD),
                ("funding-beyond-one-grant", SWA),
            ],
            "funding",
            (1, 2, 0, Some(-33), 50, Mixed, false),
        ),
        (
            "all six answered",
            &[
                ("adequate-funding", SD),
                ("reimbursement", SWD),
                ("abstinence-only-payers", SWA),
                ("supplies-budget", SA),
                ("funding-beyond-one-grant", DK),
                ("funding-sources-known", SWA),
            ],
            "funding",
            (2, 3, 1, Some(-10), 100, Mixed, false),
        ),
        (
            "other domains are untouched",
            &[("adequate-funding", SD)],
            "leadership",
            (0, 0, 0, None, 0, NotAssessed, false),
        ),
    ];
    for (name, list, domain, expect) in cases {
        check(name, list, domain, *expect);
    }
}

#[test]
fn one_place_maps_answers_to_scores() {
    use Class::*;
    let table = [
        (SA, Polarity::Positive, (Facilitator, 2)),
        (SWA, Polarity::Positive, (Facilitator, 1)),
        (SWD, Polarity::Positive, (Barrier, -1)),
        (SD, Polarity::Positive, (Barrier, -2)),
        (DK, Polarity::Positive, (Unknown, 0)),
        (SA, Polarity::Negative, (Barrier, -2)),
        (SWA, Polarity::Negative, (Barrier, -1)),
        (SWD, Polarity::Negative, (Facilitator, 1)),
        (SD, Polarity::Negative, (Facilitator, 2)),
        (DK, Polarity::Negative, (Unknown, 0)),
    ];
    for (answer, polarity, expect) in table {
        assert_eq!(score_answer(answer, polarity), expect, "{answer:?} {polarity:?}");
    }
}

#[test]
fn stage_thresholds_are_the_written_ones() {
    let t = &instrument().scoring;
    let table = [
        (None, Stage::NotAssessed),
        (Some(-100), Stage::Barrier),
        (Some(-34), Stage::Barrier),
        (Some(-33), Stage::Mixed),
        (Some(0), Stage::Mixed),
        (Some(33), Stage::Mixed),
        (Some(34), Stage::Facilitator),
        (Some(100), Stage::Facilitator),
    ];
    for (b, stage) in table {
        assert_eq!(Stage::of_balance(b, t), stage, "balance {b:?}");
    }
}

#[test]
fn rounding_is_half_away_from_zero() {
    let table = [
        (5, 2, 3),
        (-5, 2, -3),
        (1, 3, 0),
        (2, 3, 1),
        (-2, 3, -1),
        (-500, 6, -83),
        (100, 3, 33),
        (0, 7, 0),
    ];
    for (num, den, expect) in table {
        assert_eq!(div_round(num, den), expect, "{num}/{den}");
    }
    assert_eq!(balance(0, 0), None);
    assert_eq!(balance(-5, 3), Some(-83));
}

#[test]
fn weakest_link_names_the_lowest_domain_and_sets_the_overall_stage() {
    let r = report(&answers(&[
        ("leadership-supports", SA),
        ("staff-support", SA),
        ("adequate-funding", SD),
        ("reimbursement", SWA),
    ]));
    assert_eq!(r.overall.weakest.as_ref().map(|d| d.as_str()), Some("funding"));
    // Funding: (−2 + 1) ÷ 4 = −25 → mixed; overall stage = weakest = mixed.
    assert_eq!(r.domain(&"funding".into()).unwrap().balance, Some(-25));
    assert_eq!(r.overall.stage, Stage::Mixed);
    // Average of 100, 100, −25 = 58.3 → 58.
    assert_eq!(r.overall.average, Some(58));
    assert_eq!(r.overall.average_stage, Stage::Facilitator);
    assert_eq!(r.overall.assessed, 3);
}

#[test]
fn weakest_link_ties_go_to_more_barriers_then_page_order() {
    // Leadership −100 with one barrier; law −100 with two barriers.
    let r = report(&answers(&[
        ("leadership-supports", SD),
        ("local-laws", SD),
        ("state-laws", SD),
    ]));
    assert_eq!(r.overall.weakest.as_ref().unwrap().as_str(), "law");
    // Equal balance and barriers: page order (leadership before law).
    let r = report(&answers(&[("leadership-supports", SD), ("local-laws", SD)]));
    assert_eq!(r.overall.weakest.as_ref().unwrap().as_str(), "leadership");
}

#[test]
fn nothing_answered_reads_not_assessed() {
    let r = report(&answers(&[]));
    assert_eq!(r.overall.stage, Stage::NotAssessed);
    assert_eq!(r.overall.average, None);
    assert_eq!(r.overall.weakest, None);
    assert!(r.ta_areas.is_empty());
    assert!(r.find_out.is_empty());
}

#[test]
fn facilitator_side_answers_everywhere_give_no_barriers_and_the_top_stage() {
    let r = report(&answer_all(|p| if p == Polarity::Positive { SA } else { SD }));
    assert_eq!(r.overall.barriers, 0);
    assert_eq!(r.overall.stage, Stage::Facilitator);
    assert_eq!(r.overall.average, Some(100));
    assert!(r
        .domains
        .iter()
        .all(|d| d.stage == Stage::Facilitator && d.balance == Some(100)));
    assert!(r.ta_areas.is_empty(), "no barrier, no unknown: nothing to recommend");
}

#[test]
fn strongly_agree_to_everything_still_reads_ready_but_counts_the_negatively_worded_statements() {
    let r = report(&answer_all(|_| SA));
    assert_eq!(r.overall.stage, Stage::Facilitator);
    let negatives: Vec<&str> = instrument()
        .statements()
        .filter(|s| s.polarity == Polarity::Negative)
        .map(|s| s.id.as_str())
        .collect();
    let barriers: Vec<&str> = r.items_of(Class::Barrier).map(|s| s.item.as_str()).collect();
    assert_eq!(barriers, negatives);
}

#[test]
fn strongly_disagree_to_everything_makes_every_domain_a_barrier_with_funding_recommended_in_full() {
    let r = report(&answer_all(|_| SD));
    for d in &r.domains {
        assert_eq!(d.stage, Stage::Barrier, "{}", d.domain);
    }
    assert_eq!(r.overall.stage, Stage::Barrier);
    assert_funding_in_full(&r);
}

#[test]
fn barrier_side_answers_everywhere_recommend_funding_in_full() {
    let r = report(&answer_all(|p| if p == Polarity::Positive { SD } else { SA }));
    assert_eq!(r.overall.facilitators, 0);
    assert!(r.domains.iter().all(|d| d.balance == Some(-100)));
    assert_funding_in_full(&r);
}

/// Every strong barrier pointing to funding gives it its full points (where
/// it ranks depends on how many statements point to each area).
fn assert_funding_in_full(r: &hr_assessment::Report) {
    let funding_statements = r
        .items_of(Class::Barrier)
        .filter(|score| {
            score.strength() == 2
                && instrument()
                    .statement(&score.item)
                    .is_some_and(|s| s.ta.iter().any(|a| a.as_str() == "funding"))
        })
        .count() as u32;
    assert!(funding_statements >= 5, "{funding_statements}");
    let funding = r
        .ta_areas
        .iter()
        .find(|t| t.area.as_str() == "funding")
        .expect("funding is recommended");
    assert_eq!(
        funding.points,
        funding_statements * instrument().scoring.points_strong_barrier
    );
}
