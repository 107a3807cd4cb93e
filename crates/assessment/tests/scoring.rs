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
            (0, 0, 0, None, 0, NotAssessed, true),
        ),
        (
            "one strong facilitator",
            &[("adequate-funding", SA)],
            "funding",
            (1, 0, 0, Some(100), 17, NotAssessed, true),
        ),
        (
            "one strong barrier",
            &[("adequate-funding", SD)],
            "funding",
            (0, 1, 0, Some(-100), 17, NotAssessed, true),
        ),
        (
            "somewhat agree is half strength",
            &[("adequate-funding", SWA)],
            "funding",
            (1, 0, 0, Some(50), 17, NotAssessed, true),
        ),
        (
            "negative wording flips agree",
            &[("abstinence-only-payers", SA)],
            "funding",
            (0, 1, 0, Some(-100), 17, NotAssessed, true),
        ),
        (
            "negative wording flips disagree",
            &[("abstinence-only-payers", SWD)],
            "funding",
            (1, 0, 0, Some(50), 17, NotAssessed, true),
        ),
        (
            "don't know is not a barrier",
            &[("adequate-funding", DK)],
            "funding",
            (0, 0, 1, None, 17, NotAssessed, true),
        ),
        (
            "unknowns are left out of the balance",
            &[
                ("adequate-funding", SD),
                ("reimbursement", DK),
                ("funding-beyond-one-grant", DK),
            ],
            "funding",
            (0, 1, 2, Some(-100), 50, NotAssessed, true),
        ),
        (
            "one known answer of six is not enough for a stage",
            &[
                ("adequate-funding", DK),
                ("reimbursement", DK),
                ("funding-beyond-one-grant", DK),
                ("supplies-budget", SA),
            ],
            "funding",
            (1, 0, 3, Some(100), 67, NotAssessed, true),
        ),
        (
            "skipped statements count like unknown ones",
            &[("adequate-funding", SA), ("reimbursement", SA)],
            "funding",
            (2, 0, 0, Some(100), 33, NotAssessed, true),
        ),
        (
            "three known of six is half: a stage",
            &[
                ("adequate-funding", DK),
                ("reimbursement", SA),
                ("supplies-budget", SA),
                ("funding-beyond-one-grant", SA),
            ],
            "funding",
            (3, 0, 1, Some(100), 67, Facilitator, false),
        ),
        (
            "balanced answers are mixed",
            &[
                ("adequate-funding", SA),
                ("reimbursement", SD),
                ("supplies-budget", SWA),
                ("funding-beyond-one-grant", SWD),
            ],
            "funding",
            (2, 2, 0, Some(0), 67, Mixed, false),
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
            (0, 0, 0, None, 0, NotAssessed, true),
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

/// The answer that makes a statement a facilitator (`good`) or a barrier.
fn toward(s: &hr_assessment::instrument::Statement, good: bool, strong: bool) -> hr_assessment::ScaleAnswer {
    let agree = good == (s.polarity == Polarity::Positive);
    match (agree, strong) {
        (true, true) => SA,
        (true, false) => SWA,
        (false, true) => SD,
        (false, false) => SWD,
    }
}

#[test]
fn weakest_link_names_the_lowest_domain_and_sets_the_overall_stage() {
    let i = instrument();
    let mut r = hr_assessment::Responses::default();
    // Leadership all strong facilitators; staff all somewhat facilitators but
    // one strong barrier.
    for s in i.statements_in(&"leadership".into()) {
        r.set_statement(s.id.clone(), toward(s, true, true));
    }
    for (k, s) in i.statements_in(&"staff".into()).enumerate() {
        r.set_statement(s.id.clone(), toward(s, k != 0, k == 0));
    }
    let r = report(&r);
    assert_eq!(r.overall.weakest.as_ref().map(|d| d.as_str()), Some("staff"));
    let staff = r.domain(&"staff".into()).unwrap();
    assert!(staff.balance < Some(100));
    assert_eq!(r.overall.stage, staff.stage);
    let balances: Vec<i64> = r
        .domains
        .iter()
        .filter(|d| d.stage != Stage::NotAssessed)
        .filter_map(|d| d.balance.map(i64::from))
        .collect();
    assert_eq!(balances.len(), 2);
    assert_eq!(r.overall.assessed, 2);
    assert_eq!(
        r.overall.average,
        Some(div_round(balances.iter().sum(), balances.len() as i64) as i32)
    );
}

#[test]
fn weakest_link_ties_go_to_more_barriers_then_page_order() {
    let i = instrument();
    let lead: Vec<_> = i.statements_in(&"leadership".into()).collect();
    let staff: Vec<_> = i.statements_in(&"staff".into()).collect();
    let k = lead.len().div_ceil(2).max(staff.len().div_ceil(2));
    assert!(k <= lead.len().min(staff.len()));
    let barriers = |n_lead: usize, n_staff: usize| {
        let mut r = hr_assessment::Responses::default();
        for s in lead.iter().take(n_lead).chain(staff.iter().take(n_staff)) {
            r.set_statement(s.id.clone(), toward(s, false, true));
        }
        report(&r)
    };
    // Both −100; staff with more barriers.
    let r = barriers(k, staff.len());
    assert_eq!(r.overall.weakest.as_ref().unwrap().as_str(), "staff");
    // Equal balance and barriers: page order (leadership before staff).
    let r = barriers(k, k);
    assert_eq!(r.overall.weakest.as_ref().unwrap().as_str(), "leadership");
}

#[test]
fn nothing_answered_reads_not_assessed() {
    let r = report(&answers(&[]));
    assert_eq!(r.overall.stage, Stage::NotAssessed);
    assert_eq!(r.overall.average, None);
    assert_eq!(r.overall.weakest, None);
    assert!(r.ta_areas.is_empty());
    assert_eq!(
        r.find_out.len(),
        instrument().domains.len(),
        "every domain is still to find out"
    );
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
fn strongly_disagree_to_everything_makes_every_domain_a_barrier_and_ranks_by_need() {
    let r = report(&answer_all(|_| SD));
    for d in &r.domains {
        assert_eq!(d.stage, Stage::Barrier, "{}", d.domain);
    }
    assert_eq!(r.overall.stage, Stage::Barrier);
    // The negatively worded statements read as facilitators, so the areas
    // they point to (funding among them) need less than the areas behind
    // nothing but strong barriers.
    assert_eq!(r.ta_areas[0].need, 100);
    assert!(r.ta_areas.windows(2).all(|w| w[0].need >= w[1].need));
    let funding = r.ta_areas.iter().find(|t| t.area.as_str() == "funding").unwrap();
    assert!(funding.need < 100 && funding.facilitators > 0);
    assert_funding_in_full(&r);
}

#[test]
fn barrier_side_answers_everywhere_put_funding_first() {
    let r = report(&answer_all(|p| if p == Polarity::Positive { SD } else { SA }));
    assert_eq!(r.overall.facilitators, 0);
    assert!(r.domains.iter().all(|d| d.balance == Some(-100)));
    // Every area at full need: the national demand decides, funding first (63%).
    assert!(r.ta_areas.iter().all(|t| t.need == 100));
    assert_eq!(r.ta_areas[0].area.as_str(), "funding");
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
