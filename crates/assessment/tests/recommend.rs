//! Recommendations, table-driven: TA areas (points, evidence, ties), "find
//! out", and modalities (choices, constraints, wide change, ties, reasons).

#![allow(clippy::disallowed_methods)] // checks may use Unicode case; the app may not (clippy.toml)

mod common;
use common::*;
use hr_assessment::recommend::{self, Evidence, FindOut, ModalityReason};
use hr_assessment::{assess, Class, Instrument, Report, Responses, ScaleAnswer, Shipped};

/// Answers as a table row: statements, ticked grid cells (grid, row,
/// column) and chosen options (question, options in the order chosen).
#[derive(Clone, Copy, Default)]
struct Given {
    statements: &'static [(&'static str, ScaleAnswer)],
    cells: &'static [(&'static str, &'static str, &'static str)],
    choices: &'static [(&'static str, &'static [&'static str])],
}

const NOTHING: Given = Given {
    statements: &[],
    cells: &[],
    choices: &[],
};

/// Enough strong barriers for a stage (at least half of each domain's
/// statements known): leadership and law barriers.
const TWO_BARRIER_DOMAINS: &[(&str, ScaleAnswer)] = &[
    ("leadership-supports", SD),
    ("principles-adopted", SD),
    ("mission-strategy", SD),
    ("champion", SD),
    ("local-laws", SD),
    ("state-laws", SD),
    ("syringes-allowed", SD),
    ("test-strips-allowed", SD),
    ("police-leave-staff-alone", SD),
];

/// The same, and funding.
const THREE_BARRIER_DOMAINS: &[(&str, ScaleAnswer)] = &[
    ("leadership-supports", SD),
    ("principles-adopted", SD),
    ("mission-strategy", SD),
    ("champion", SD),
    ("local-laws", SD),
    ("state-laws", SD),
    ("syringes-allowed", SD),
    ("test-strips-allowed", SD),
    ("police-leave-staff-alone", SD),
    ("adequate-funding", SD),
    ("reimbursement", SD),
    ("funding-beyond-one-grant", SD),
];

fn says(statements: &'static [(&'static str, ScaleAnswer)]) -> Given {
    Given { statements, ..NOTHING }
}

impl Given {
    fn responses(&self) -> Responses {
        let mut r = answers(self.statements);
        for (grid, row, col) in self.cells {
            r.set_cell(item(grid), opt(row), opt(col), true);
        }
        for (q, options) in self.choices {
            r.choices.insert(item(q), options.iter().map(|o| opt(o)).collect());
        }
        r.validate(instrument())
            .unwrap_or_else(|e| panic!("test answers are invalid: {e:?}"));
        r
    }

    fn report(&self) -> Report {
        report(&self.responses())
    }
}

/// The ranked TA areas as (area, points).
fn ranking(r: &Report) -> Vec<(&str, u32)> {
    r.ta_areas.iter().map(|t| (t.area.as_str(), t.points)).collect()
}

/// A ranking case: name, answers, expected (area, points) in rank order.
type RankingCase = (&'static str, Given, &'static [(&'static str, u32)]);

/// The one helper for TA rankings.
fn check_ranking(name: &str, given: Given, expect: &[(&str, u32)]) {
    let r = given.report();
    assert_eq!(ranking(&r), expect, "case {name:?}");
    for t in &r.ta_areas {
        let sum: u32 = t.evidence.iter().map(Evidence::points).sum();
        assert_eq!(sum, t.points, "case {name:?}: {} points are its evidence's", t.area);
        assert_eq!(
            t.need,
            recommend::need(instrument(), t.points, t.possible),
            "case {name:?}"
        );
    }
    for w in r.ta_areas.windows(2) {
        assert!(w[0].need >= w[1].need, "case {name:?}: ranked by need");
    }
    for t in &r.ta_areas {
        let national = instrument().ta_area(&t.area).and_then(|a| a.national).map(|n| n.share);
        assert_eq!(
            t.national, national,
            "case {name:?}: {} carries its national share",
            t.area
        );
    }
}

#[test]
fn ta_area_points_come_from_barriers_unknowns_plans_and_choices() {
    let cases: &[RankingCase] = &[
        ("nothing answered recommends nothing", NOTHING, &[]),
        (
            "a strong barrier adds 4",
            says(&[("adequate-funding", SD)]),
            &[("funding", 4)],
        ),
        (
            "a somewhat barrier adds 2",
            says(&[("adequate-funding", SWD)]),
            &[("funding", 2)],
        ),
        (
            "I don't know adds 1",
            says(&[("adequate-funding", DK)]),
            &[("funding", 1)],
        ),
        (
            "a strong facilitator adds nothing",
            says(&[("adequate-funding", SA)]),
            &[],
        ),
        (
            "a somewhat facilitator adds nothing",
            says(&[("adequate-funding", SWA)]),
            &[],
        ),
        (
            "facilitators only: no area at all",
            says(&[
                ("adequate-funding", SA),
                ("abstinence-only-payers", SD),
                ("staff-burnout", SWD),
                ("champion", SWA),
            ]),
            &[],
        ),
        (
            "agreeing with a negatively worded statement is a strong barrier",
            says(&[("abstinence-only-payers", SA)]),
            &[("funding", 4), ("law-policy", 4)],
        ),
        (
            "somewhat agreeing with one is a somewhat barrier",
            says(&[("staff-burnout", SWA)]),
            &[("wellbeing", 2)],
        ),
        (
            "points add up across statements",
            says(&[
                ("adequate-funding", SD),
                ("reimbursement", SWD),
                ("funding-beyond-one-grant", DK),
            ]),
            &[("funding", 7), ("planning", 1)],
        ),
        (
            "a planned service adds 1 to each of its areas",
            Given {
                cells: &[
                    ("services", "test-strips", "planned"),
                    ("services", "naloxone", "direct"),
                    ("services", "syringe-services", "direct"),
                ],
                ..NOTHING
            },
            &[("practices", 1), ("law-policy", 1)],
        ),
        (
            "a service provided now adds nothing",
            Given {
                cells: &[
                    ("services", "test-strips", "direct"),
                    ("services", "naloxone", "direct"),
                    ("services", "syringe-services", "direct"),
                ],
                ..NOTHING
            },
            &[],
        ),
        (
            "a core service only referred is not provided: it counts as missing",
            Given {
                cells: &[
                    ("services", "test-strips", "referral"),
                    ("services", "naloxone", "direct"),
                    ("services", "syringe-services", "direct"),
                ],
                ..NOTHING
            },
            &[("practices", 1), ("law-policy", 1)],
        ),
        (
            "every core service missing, in a services question answered at all",
            Given {
                cells: &[("services", "counseling", "planned")],
                ..NOTHING
            },
            &[("practices", 3), ("law-policy", 2)],
        ),
        (
            "a planned partner adds 1",
            Given {
                cells: &[("partners", "ssp", "planned")],
                ..NOTHING
            },
            &[("partnerships", 1)],
        ),
        (
            "a current partner adds nothing",
            Given {
                cells: &[("partners", "ssp", "now")],
                ..NOTHING
            },
            &[],
        ),
        (
            "each planned row counts",
            Given {
                cells: &[
                    ("services", "naloxone", "planned"),
                    ("services", "methadone", "planned"),
                    ("services", "naloxone", "direct"),
                    ("services", "test-strips", "direct"),
                    ("services", "syringe-services", "direct"),
                    ("partners", "law-enforcement", "planned"),
                    ("partners", "deflection", "now"),
                ],
                ..NOTHING
            },
            &[("practices", 2), ("law-policy", 1)],
        ),
        (
            "an area chosen as wanted adds 2",
            Given {
                choices: &[("ta-areas-wanted", &["wellbeing"])],
                ..NOTHING
            },
            &[("wellbeing", 2)],
        ),
        (
            "a wanted area adds to the answers behind it",
            Given {
                statements: &[("police-leave-staff-alone", SWD)],
                choices: &[("ta-areas-wanted", &["wellbeing", "training"])],
                ..NOTHING
            },
            &[("wellbeing", 4), ("training", 2), ("law-policy", 2)],
        ),
        (
            "everything together",
            Given {
                statements: &[("supplies-budget", SWD), ("syringes-allowed", DK)],
                cells: &[("services", "drop-in", "planned")],
                choices: &[("ta-areas-wanted", &["practices"])],
            },
            // practices 2 + 1 + 1 (plan) + 2 (pick) + 3 missing core services
            // = 9 of 4 + 4 + 1 + 2 + 3 = 14 possible: 64%; funding 2 of 4:
            // 50%; law-policy 1 + 2 missing of 4 + 2: 50% (no national
            // figure, after funding); planning 1 (plan) of at least 4: 25%.
            &[("practices", 9), ("funding", 2), ("law-policy", 3), ("planning", 1)],
        ),
    ];
    for (name, given, expect) in cases {
        check_ranking(name, *given, expect);
    }
}

#[test]
fn ties_go_to_national_demand_then_to_the_instrument_order() {
    let cases: &[RankingCase] = &[
        // supplies-budget → funding (63%) and practices (59%).
        (
            "funding 63% before practices 59%",
            says(&[("supplies-budget", SD)]),
            &[("funding", 4), ("practices", 4)],
        ),
        // health-agencies-support lists partnerships first, funding second.
        (
            "an area with a national figure before one without, whatever the statement's order",
            says(&[("health-agencies-support", SD)]),
            &[("funding", 4), ("law-policy", 4)],
        ),
        (
            "a higher national share wins whatever the statement's order",
            says(&[("staff-capacity", SD)]),
            &[("funding", 4), ("planning", 4)],
        ),
        (
            "equal national shares (practices and stigma 59%) keep the instrument's order; none comes last",
            says(&[("community-supports", SD), ("trust-pwud", SD)]),
            &[("practices", 4), ("stigma", 4), ("lived-experience", 4)],
        ),
        // leaders-language lists org-policy before training; the instrument
        // lists training first. Neither has a national figure.
        (
            "two areas without a figure keep the instrument's order",
            says(&[("leaders-language", SD)]),
            &[("training", 4), ("org-policy", 4)],
        ),
        (
            "more need beats a higher national share",
            says(&[("adequate-funding", DK), ("police-leave-staff-alone", SWD)]),
            &[("law-policy", 2), ("wellbeing", 2), ("funding", 1)],
        ),
    ];
    for (name, given, expect) in cases {
        check_ranking(name, *given, expect);
    }
}

/// The shipped instrument with one edit to its JSON.
fn edited(edit: impl Fn(&mut serde_json::Value)) -> Instrument {
    let mut v: serde_json::Value = serde_json::from_str(Instrument::shipped_json()).unwrap();
    edit(&mut v);
    Instrument::from_json(&v.to_string()).expect("edited instrument is valid")
}

#[test]
fn an_area_without_a_national_figure_comes_after_one_with_even_when_it_comes_first_in_the_instrument() {
    // Take away funding's figure: it is first in the instrument, but now
    // practices (59%) beats it on a tie.
    let i = edited(|v| {
        v["ta_area"][0].as_object_mut().unwrap().remove("national");
    });
    assert_eq!(i.ta_areas[0].id.as_str(), "funding");
    let r = assess(&i, &answers(&[("supplies-budget", SD)]));
    assert_eq!(ranking(&r), [("practices", 4), ("funding", 4)]);
    // And a late area given a figure beats an earlier one without.
    let i = edited(|v| v["ta_area"][9]["national"] = serde_json::json!({ "share": 1, "n": 87 }));
    assert_eq!(i.ta_areas[9].id.as_str(), "org-policy");
    let r = assess(&i, &answers(&[("leaders-language", SD)]));
    assert_eq!(ranking(&r), [("org-policy", 4), ("training", 4)]);
}

fn statement(item_id: &str, answer: ScaleAnswer, class: Class, strength: u32, points: u32) -> Evidence {
    Evidence::Statement {
        item: item(item_id),
        answer,
        class,
        strength,
        points,
    }
}

#[test]
fn evidence_lists_the_answers_behind_an_area_strongest_first() {
    use Class::*;
    let cases: &[(&str, Given, &str, Vec<Evidence>)] = &[
        (
            "strongest first, page order among equals, facilitators left out",
            says(&[
                ("adequate-funding", SWD),
                ("reimbursement", SD),
                ("supplies-budget", SA),
                ("funding-beyond-one-grant", DK),
                ("funding-sources-known", SWD),
            ]),
            "funding",
            vec![
                statement("reimbursement", SD, Barrier, 2, 4),
                statement("adequate-funding", SWD, Barrier, 1, 2),
                statement("funding-sources-known", SWD, Barrier, 1, 2),
                statement("funding-beyond-one-grant", DK, Unknown, 0, 1),
            ],
        ),
        (
            "a negatively worded statement shows the answer given",
            says(&[("abstinence-only-payers", SWA), ("adequate-funding", DK)]),
            "funding",
            vec![
                statement("abstinence-only-payers", SWA, Barrier, 1, 2),
                statement("adequate-funding", DK, Unknown, 0, 1),
            ],
        ),
        (
            "plans and missing core services name the question and the row",
            Given {
                statements: &[("syringes-allowed", DK)],
                cells: &[
                    ("services", "test-strips", "planned"),
                    ("partners", "law-enforcement", "planned"),
                ],
                ..NOTHING
            },
            "law-policy",
            vec![
                statement("syringes-allowed", DK, Unknown, 0, 1),
                Evidence::Missing {
                    question: item("services"),
                    row: opt("syringe-services"),
                    points: 1,
                },
                Evidence::Plan {
                    question: item("services"),
                    row: opt("test-strips"),
                    points: 1,
                },
                Evidence::Plan {
                    question: item("partners"),
                    row: opt("law-enforcement"),
                    points: 1,
                },
            ],
        ),
        (
            "a choice sits by its points among the answers",
            Given {
                statements: &[
                    ("adequate-funding", SD),
                    ("reimbursement", SWD),
                    ("funding-beyond-one-grant", DK),
                ],
                choices: &[("ta-areas-wanted", &["funding"])],
                ..NOTHING
            },
            "funding",
            vec![
                statement("adequate-funding", SD, Barrier, 2, 4),
                statement("reimbursement", SWD, Barrier, 1, 2),
                Evidence::Chosen { points: 2 },
                statement("funding-beyond-one-grant", DK, Unknown, 0, 1),
            ],
        ),
    ];
    for (name, given, area, expect) in cases {
        let r = given.report();
        let rec = r
            .ta_areas
            .iter()
            .find(|t| t.area.as_str() == *area)
            .unwrap_or_else(|| panic!("{name}: no {area}"));
        assert_eq!(&rec.evidence, expect, "case {name:?}");
        let barriers = expect
            .iter()
            .filter(|e| matches!(e, Evidence::Statement { class: Barrier, .. }))
            .count();
        let unknowns = expect
            .iter()
            .filter(|e| matches!(e, Evidence::Statement { class: Unknown, .. }))
            .count();
        assert_eq!((rec.barriers(), rec.unknowns()), (barriers, unknowns), "case {name:?}");
    }
}

#[test]
fn statement_points_follow_the_scoring_thresholds() {
    let t = &instrument().scoring;
    let r = report(&answers(&[
        ("adequate-funding", SD),
        ("reimbursement", SWD),
        ("funding-beyond-one-grant", DK),
        ("supplies-budget", SA),
        ("funding-sources-known", SWA),
    ]));
    let points: Vec<(&str, u32)> = r
        .domain(&"funding".into())
        .unwrap()
        .items
        .iter()
        .map(|s| (s.item.as_str(), recommend::statement_points(instrument(), s)))
        .collect();
    assert_eq!(
        points,
        [
            ("adequate-funding", t.points_strong_barrier),
            ("reimbursement", t.points_somewhat_barrier),
            ("supplies-budget", 0),
            ("funding-beyond-one-grant", t.points_unknown),
            ("funding-sources-known", 0),
        ]
    );
}

// ---------------------------------------------------------------------------
// Find out
// ---------------------------------------------------------------------------

/// Find out follows the known answers: a domain gets one exactly when fewer
/// than half of its statements have a known answer, "I don't know" and
/// skipped statements alike; the other domains, fully known, get none.
#[test]
fn find_out_appears_exactly_when_fewer_than_half_are_known() {
    let i = instrument();
    let full = answer_all(|p| if p == hr_assessment::Polarity::Positive { SA } else { SD });
    assert!(report(&full).find_out.is_empty());
    let nothing = report(&Responses::default());
    let every: Vec<_> = nothing.find_out.iter().map(|f| f.domain.clone()).collect();
    let all: Vec<_> = i.domains.iter().map(|d| d.id.clone()).collect();
    assert_eq!(every, all, "nothing answered: every domain");
    for d in &i.domains {
        let list: Vec<_> = i.statements_in(&d.id).map(|s| s.id.clone()).collect();
        let n = list.len();
        for skip in [false, true] {
            for open in [n / 2, n / 2 + 1] {
                let mut r = full.clone();
                for id in list.iter().rev().take(open) {
                    if skip {
                        r.clear(id);
                    } else {
                        r.set_statement(id.clone(), DK);
                    }
                }
                let rep = report(&r);
                let expected = (2 * (n - open) < n).then(|| FindOut {
                    domain: d.id.clone(),
                    unknowns: if skip { 0 } else { open as u32 },
                    unanswered: if skip { open as u32 } else { 0 },
                    total: n as u32,
                    items: list[n - open..].to_vec(),
                });
                assert_eq!(
                    rep.find_out,
                    expected.into_iter().collect::<Vec<_>>(),
                    "{} open {open} skip {skip}",
                    d.id
                );
                for dr in &rep.domains {
                    let listed = rep.find_out.iter().any(|f| f.domain == dr.domain);
                    assert_eq!(dr.find_out, listed);
                }
            }
        }
    }
}

#[test]
fn a_domain_of_only_unknowns_asks_to_find_out_and_is_not_a_barrier() {
    let r = report(&answer_all(|_| DK));
    assert_eq!(r.find_out.len(), instrument().domains.len());
    assert_eq!(r.overall.barriers, 0);
    assert!(r.overall.barrier_domains.is_empty());
    // Every area is recommended, on unknowns alone.
    assert!(r.ta_areas.iter().all(|t| t.barriers() == 0 && t.unknowns() > 0));
}

// ---------------------------------------------------------------------------
// Modalities
// ---------------------------------------------------------------------------

type ModalityRow = (&'static str, i32, Vec<ModalityReason>);

fn favoured(c: &str) -> ModalityReason {
    ModalityReason::Favoured { constraint: c.into() }
}

fn disfavoured(c: &str) -> ModalityReason {
    ModalityReason::Disfavoured { constraint: c.into() }
}

fn wide(n: u32) -> ModalityReason {
    ModalityReason::WideChange { barrier_domains: n }
}

/// The one helper for modality rankings: the whole list, in order.
fn check_modalities(name: &str, given: Given, expect: &[ModalityRow]) {
    let r = given.report();
    let got: Vec<ModalityRow> = r
        .modalities
        .iter()
        .map(|m| {
            let id: &'static str = instrument().modality(&m.modality).map(|x| x.id.as_str()).unwrap();
            (id, m.points, m.reasons.clone())
        })
        .collect();
    assert_eq!(got, expect, "case {name:?}");
    for m in &r.modalities {
        assert_eq!(
            m.chosen,
            m.reasons.contains(&ModalityReason::Chosen),
            "case {name:?}: {}",
            m.modality
        );
        let national = instrument().modality(&m.modality).and_then(|x| x.national);
        assert_eq!(m.national, national, "case {name:?}");
    }
}

#[test]
fn modalities_rank_by_choice_constraints_and_wide_change() {
    use ModalityReason::Chosen;
    let cases: Vec<(&str, Given, Vec<ModalityRow>)> = vec![
        (
            "nothing answered: national preference",
            NOTHING,
            vec![
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("convenings", 0, vec![]),
                ("individual-ta", 0, vec![]),
                ("learning-collaborative", 0, vec![]),
            ],
        ),
        (
            "the respondent's top three come first, ties by national share",
            Given {
                choices: &[(
                    "modalities-top",
                    &["convenings", "learning-collaborative", "small-groups"],
                )],
                ..NOTHING
            },
            vec![
                ("small-groups", 0, vec![Chosen]),
                ("convenings", 0, vec![Chosen]),
                ("learning-collaborative", 0, vec![Chosen]),
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("individual-ta", 0, vec![]),
            ],
        ),
        (
            "little staff time favours quick formats and disfavours long ones",
            Given {
                choices: &[("constraints", &["staff-time"])],
                ..NOTHING
            },
            vec![
                ("toolkits", 2, vec![favoured("staff-time")]),
                ("webinars", 2, vec![favoured("staff-time")]),
                ("short-resources", 2, vec![favoured("staff-time")]),
                ("small-groups", 0, vec![]),
                ("individual-ta", 0, vec![]),
                ("convenings", -3, vec![disfavoured("staff-time")]),
                ("learning-collaborative", -3, vec![disfavoured("staff-time")]),
            ],
        ),
        (
            "constraints add up, each with its reason",
            Given {
                choices: &[("constraints", &["virtual", "travel"])],
                ..NOTHING
            },
            vec![
                ("webinars", 4, vec![favoured("travel"), favoured("virtual")]),
                ("small-groups", 2, vec![favoured("virtual")]),
                ("individual-ta", 2, vec![favoured("virtual")]),
                ("toolkits", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("learning-collaborative", 0, vec![]),
                ("convenings", -6, vec![disfavoured("travel"), disfavoured("virtual")]),
            ],
        ),
        (
            "a chosen modality keeps its reasons against",
            Given {
                choices: &[
                    ("modalities-top", &["convenings", "toolkits"]),
                    ("constraints", &["travel"]),
                ],
                ..NOTHING
            },
            vec![
                ("toolkits", 0, vec![Chosen]),
                ("convenings", -3, vec![Chosen, disfavoured("travel")]),
                ("webinars", 2, vec![favoured("travel")]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("individual-ta", 0, vec![]),
                ("learning-collaborative", 0, vec![]),
            ],
        ),
        (
            "one barrier domain is not wide change",
            says(&TWO_BARRIER_DOMAINS[..3]),
            vec![
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("convenings", 0, vec![]),
                ("individual-ta", 0, vec![]),
                ("learning-collaborative", 0, vec![]),
            ],
        ),
        (
            "two barrier domains favour coaching formats",
            says(TWO_BARRIER_DOMAINS),
            vec![
                ("individual-ta", 2, vec![wide(2)]),
                ("learning-collaborative", 2, vec![wide(2)]),
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("convenings", 0, vec![]),
            ],
        ),
        (
            "wide change counts the barrier domains",
            says(THREE_BARRIER_DOMAINS),
            vec![
                ("individual-ta", 2, vec![wide(3)]),
                ("learning-collaborative", 2, vec![wide(3)]),
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("convenings", 0, vec![]),
            ],
        ),
        (
            "mixed domains are not barriers",
            says(&[
                ("leadership-supports", SD),
                ("principles-adopted", SD),
                ("champion", SA),
                ("mission-strategy", SA),
                ("local-laws", SD),
                ("syringes-allowed", SD),
                ("state-laws", SA),
                ("police-leave-staff-alone", SA),
                ("test-strips-allowed", SWA),
            ]),
            vec![
                ("toolkits", 0, vec![]),
                ("webinars", 0, vec![]),
                ("short-resources", 0, vec![]),
                ("small-groups", 0, vec![]),
                ("convenings", 0, vec![]),
                ("individual-ta", 0, vec![]),
                ("learning-collaborative", 0, vec![]),
            ],
        ),
        (
            "everything together",
            Given {
                statements: TWO_BARRIER_DOMAINS,
                choices: &[
                    ("modalities-top", &["webinars"]),
                    ("constraints", &["staff-time", "rural"]),
                ],
                ..NOTHING
            },
            vec![
                ("webinars", 2, vec![Chosen, favoured("staff-time")]),
                ("individual-ta", 4, vec![favoured("rural"), wide(2)]),
                ("toolkits", 2, vec![favoured("staff-time")]),
                ("short-resources", 2, vec![favoured("staff-time")]),
                ("small-groups", 2, vec![favoured("rural")]),
                ("learning-collaborative", -1, vec![disfavoured("staff-time"), wide(2)]),
                ("convenings", -3, vec![disfavoured("staff-time")]),
            ],
        ),
        // The top three always come first: even a chosen modality that
        // three constraints count against (−9) stays above one that three
        // constraints favour (+6), with every reason shown.
        (
            "a chosen modality stays first even when constraints count against it",
            Given {
                choices: &[
                    ("modalities-top", &["convenings"]),
                    ("constraints", &["staff-time", "travel", "virtual"]),
                ],
                ..NOTHING
            },
            vec![
                (
                    "convenings",
                    -9,
                    vec![
                        Chosen,
                        disfavoured("staff-time"),
                        disfavoured("travel"),
                        disfavoured("virtual"),
                    ],
                ),
                (
                    "webinars",
                    6,
                    vec![favoured("staff-time"), favoured("travel"), favoured("virtual")],
                ),
                ("toolkits", 2, vec![favoured("staff-time")]),
                ("short-resources", 2, vec![favoured("staff-time")]),
                ("small-groups", 2, vec![favoured("virtual")]),
                ("individual-ta", 2, vec![favoured("virtual")]),
                ("learning-collaborative", -3, vec![disfavoured("staff-time")]),
            ],
        ),
    ];
    for (name, given, expect) in cases {
        check_modalities(name, given, &expect);
    }
}

#[test]
fn modality_ties_with_equal_national_shares_keep_the_instrument_order() {
    // Give convenings small groups' 45%: small groups comes first in the
    // instrument (and last in the alphabet), so it stays first.
    let i = edited(|v| v["modality"][4]["national"]["share"] = 45.into());
    let ids: Vec<&str> = i.modalities.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(&ids[3..5], ["small-groups", "convenings"]);
    let ranked: Vec<String> = recommend::modalities(&i, &Responses::default(), 0)
        .iter()
        .map(|m| m.modality.to_string())
        .collect();
    assert_eq!(
        ranked,
        [
            "toolkits",
            "webinars",
            "short-resources",
            "small-groups",
            "convenings",
            "individual-ta",
            "learning-collaborative"
        ]
    );
}

/// The reason line of one modality.
fn reason_line(given: Given, modality: &str) -> String {
    let r = given.report();
    let m = r
        .modalities
        .iter()
        .find(|m| m.modality.as_str() == modality)
        .expect("modality listed");
    m.reason_line(instrument())
}

#[test]
fn each_modality_carries_one_readable_reason_line() {
    let cases: &[(&str, Given, &str, &str)] = &[
        (
            "no reason: the national share alone",
            NOTHING,
            "toolkits",
            "84% of respondents nationally chose it (n = 87).",
        ),
        ("no reason and no national figure", NOTHING, "learning-collaborative", "No answer of yours points to or away from it."),
        (
            "a favouring constraint names the constraint",
            Given { choices: &[("constraints", &["travel"])], ..NOTHING },
            "webinars",
            "It suits you: travel is difficult or unaffordable for us; 62% of respondents nationally chose it (n = 87).",
        ),
        (
            "chosen, and a constraint against",
            Given { choices: &[("modalities-top", &["convenings"]), ("constraints", &["travel"])], ..NOTHING },
            "convenings",
            "You put it in your top three; less suitable: travel is difficult or unaffordable for us; \
             36% of respondents nationally chose it (n = 87).",
        ),
        (
            "wide change says how many domains",
            says(TWO_BARRIER_DOMAINS),
            "learning-collaborative",
            "2 domains are barriers; in the LEARN HR learning collaborative, implementation coaching helped turn training into organizational change.",
        ),
        (
            "several reasons in order",
            Given {
                statements: TWO_BARRIER_DOMAINS,
                choices: &[("constraints", &["rural"])],
                ..NOTHING
            },
            "individual-ta",
            "It suits you: we work in a rural area and need rural-specific information; \
             2 domains are barriers; in the LEARN HR learning collaborative, implementation coaching helped turn training into organizational change; \
             35% of respondents nationally chose it (n = 87).",
        ),
    ];
    for (name, given, modality, expect) in cases {
        let line = reason_line(*given, modality);
        assert_eq!(line, *expect, "case {name:?}");
        assert_one_sentence(&line);
    }
}

fn assert_one_sentence(line: &str) {
    assert!(line.ends_with('.'), "{line:?} ends a sentence");
    assert!(!line[..line.len() - 1].contains(". "), "{line:?} is one sentence");
    let first = line.chars().next().unwrap();
    assert!(
        first.is_uppercase() || first.is_ascii_digit(),
        "{line:?} starts a sentence"
    );
}

#[test]
fn every_reason_line_is_one_sentence_naming_the_constraint() {
    let i = instrument();
    for c in &i.constraints {
        let mut r = Responses::default();
        r.choices.insert(item("constraints"), vec![opt(c.id.as_str())]);
        let report = report(&r);
        for m in report.modalities.iter().filter(|m| !m.reasons.is_empty()) {
            let line = m.reason_line(i);
            assert_one_sentence(&line);
            assert!(
                line.to_lowercase().contains(&c.label.to_lowercase()),
                "{}: {line:?} names {:?}",
                m.modality,
                c.label
            );
        }
    }
}

#[test]
fn a_reason_line_keeps_the_constraint_label_as_written_apart_from_its_first_letter() {
    let i = instrument();
    for c in &i.constraints {
        let mut r = Responses::default();
        r.choices.insert(item("constraints"), vec![opt(c.id.as_str())]);
        let report = report(&r);
        let mut label = c.label.clone();
        label.replace_range(..1, &label[..1].to_lowercase());
        for m in report.modalities.iter().filter(|m| !m.reasons.is_empty()) {
            let line = m.reason_line(i);
            assert!(
                line.contains(&label),
                "{}: {line:?} should contain {label:?}",
                m.modality
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------

#[test]
fn the_same_answers_always_give_the_same_report_whatever_order_they_were_given_in() {
    let statements: &[(&str, ScaleAnswer)] = &[
        ("leadership-supports", SD),
        ("local-laws", SD),
        ("state-laws", DK),
        ("supplies-budget", SD),
        ("community-supports", SWD),
        ("trust-pwud", SD),
        ("leaders-language", DK),
        ("abstinence-only-payers", SA),
    ];
    let cells = [
        ("services", "test-strips", "planned"),
        ("services", "naloxone", "direct"),
        ("services", "drop-in", "planned"),
        ("partners", "ssp", "planned"),
    ];
    let forward = {
        let mut r = answers(statements);
        for (g, row, col) in cells {
            r.set_cell(item(g), opt(row), opt(col), true);
        }
        for m in ["convenings", "webinars", "toolkits"] {
            r.set_multi(item("modalities-top"), opt(m), true, Some(3)).unwrap();
        }
        for c in ["travel", "rural"] {
            r.set_multi(item("constraints"), opt(c), true, None).unwrap();
        }
        r.set_multi(item("ta-areas-wanted"), opt("wellbeing"), true, None)
            .unwrap();
        r.set_multi(item("ta-areas-wanted"), opt("stigma"), true, None).unwrap();
        r
    };
    let backward = {
        let mut r = Responses::default();
        r.set_multi(item("ta-areas-wanted"), opt("stigma"), true, None).unwrap();
        r.set_multi(item("ta-areas-wanted"), opt("wellbeing"), true, None)
            .unwrap();
        for c in ["rural", "travel"] {
            r.set_multi(item("constraints"), opt(c), true, None).unwrap();
        }
        for m in ["toolkits", "webinars", "convenings"] {
            r.set_multi(item("modalities-top"), opt(m), true, Some(3)).unwrap();
        }
        for (g, row, col) in cells.iter().rev() {
            r.set_cell(item(g), opt(row), opt(col), true);
        }
        for (id, a) in statements.iter().rev() {
            // A different answer first, then the real one.
            r.set_statement(item(id), SA);
            r.set_statement(item(id), *a);
        }
        r
    };
    let first = report(&forward);
    assert_eq!(first, report(&forward), "assessing twice");
    assert_eq!(first, report(&backward), "answers given in another order");
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&report(&backward)).unwrap()
    );
    assert!(!first.ta_areas.is_empty() && first.modalities.iter().any(|m| m.chosen));
}

#[test]
fn the_wide_change_reason_counts_one_domain_in_the_singular() {
    // The shipped threshold asks for two barrier domains; a questionnaire
    // may ask for one, and then the reason must still read right.
    let one = hr_assessment::ModalityRecommendation {
        modality: "learning-collaborative".into(),
        points: 1,
        chosen: false,
        reasons: vec![ModalityReason::WideChange { barrier_domains: 1 }],
        national: None,
    };
    let instrument = Instrument::shipped();
    assert!(one.reason_line(instrument).starts_with("1 domain is a barrier;"));
    assert!(one
        .reason_line_in(Instrument::shipped_in(hr_assessment::Lang::Es), hr_assessment::Lang::Es)
        .starts_with("1 dominio es una barrera;"));
}
