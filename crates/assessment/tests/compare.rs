//! Re-assessment over time (`docs/team.md`, "Comparing two assessments"):
//! which statements moved and which way, the domain balances before and
//! after, and which TA areas were resolved, are new or continue.

mod common;
use common::*;
use hr_assessment::compare::{compare, Comparison, Direction};
use hr_assessment::{Class, DomainId, Record, ScaleAnswer, Stage};

fn records(before: &[(&str, ScaleAnswer)], after: &[(&str, ScaleAnswer)]) -> (Record, Record) {
    let mut b = record_with(answers(before));
    b.instrument_version = "1.0.0".into();
    let mut a = record_with(answers(after));
    a.updated = "2027-05-01T10:00:00.000Z".into();
    (b, a)
}

fn run(before: &[(&str, ScaleAnswer)], after: &[(&str, ScaleAnswer)]) -> Comparison {
    let (b, a) = records(before, after);
    compare(instrument(), &b, &a)
}

type Moved = (&'static str, Direction, i32);

/// (case, before, after, statements that moved in order as (id, direction, change)).
type MoveCase = (
    &'static str,
    &'static [(&'static str, ScaleAnswer)],
    &'static [(&'static str, ScaleAnswer)],
    &'static [Moved],
);

#[test]
fn statements_that_moved_are_listed_with_their_direction_biggest_change_first() {
    use Direction::*;
    let cases: &[MoveCase] = &[
        ("nothing changed", &[("champion", SA)], &[("champion", SA)], &[]),
        ("nothing answered either time", &[], &[], &[]),
        (
            "strongly disagree to somewhat agree",
            &[("adequate-funding", SD)],
            &[("adequate-funding", SWA)],
            &[("adequate-funding", Better, 3)],
        ),
        (
            "strongly agree to somewhat disagree",
            &[("champion", SA)],
            &[("champion", SWD)],
            &[("champion", Worse, -3)],
        ),
        (
            "somewhat to strongly agree",
            &[("champion", SWA)],
            &[("champion", SA)],
            &[("champion", Better, 1)],
        ),
        (
            "I don't know to strongly agree",
            &[("champion", DK)],
            &[("champion", SA)],
            &[("champion", NowKnown, 2)],
        ),
        (
            "blank to strongly disagree",
            &[],
            &[("champion", SD)],
            &[("champion", NowKnown, -2)],
        ),
        (
            "strongly agree to I don't know",
            &[("champion", SA)],
            &[("champion", DK)],
            &[("champion", NowUnknown, -2)],
        ),
        (
            "somewhat disagree to blank",
            &[("champion", SWD)],
            &[],
            &[("champion", NowUnknown, 1)],
        ),
        ("I don't know to blank is not a move", &[("champion", DK)], &[], &[]),
        ("blank to I don't know is not a move", &[], &[("champion", DK)], &[]),
        (
            "negative wording: strongly agree to strongly disagree is better",
            &[("abstinence-only-payers", SA)],
            &[("abstinence-only-payers", SD)],
            &[("abstinence-only-payers", Better, 4)],
        ),
        (
            "biggest change first, then page order",
            &[
                ("leadership-supports", SWA),
                ("champion", SD),
                ("adequate-funding", SD),
                ("staff-support", SA),
            ],
            &[
                ("leadership-supports", SA),
                ("champion", SA),
                ("adequate-funding", SA),
                ("staff-support", SWA),
            ],
            &[
                ("champion", Better, 4),
                ("adequate-funding", Better, 4),
                ("leadership-supports", Better, 1),
                ("staff-support", Worse, -1),
            ],
        ),
    ];
    for (case, before, after, expected) in cases {
        let c = run(before, after);
        let got: Vec<Moved> = c
            .statements
            .iter()
            .map(|s| {
                let id: &'static str = instrument().statement(&s.item).map(|st| st.id.as_str()).unwrap();
                (id, s.direction, s.change)
            })
            .collect();
        assert_eq!(got, *expected, "case {case:?}");
        for s in &c.statements {
            assert_eq!(s.change, s.score_after - s.score_before, "case {case:?}");
        }
    }
}

#[test]
fn a_moved_statement_carries_its_answers_and_classes() {
    let c = run(&[("adequate-funding", SD)], &[("adequate-funding", DK)]);
    let s = &c.statements[0];
    assert_eq!((s.answer_before, s.answer_after), (Some(SD), Some(DK)));
    assert_eq!(
        (s.class_before, s.class_after),
        (Some(Class::Barrier), Some(Class::Unknown))
    );
    assert_eq!((s.score_before, s.score_after), (-2, 0));
    assert_eq!(s.domain, DomainId::new("funding"));
    let c = run(&[], &[("adequate-funding", SA)]);
    assert_eq!(
        (c.statements[0].class_before, c.statements[0].class_after),
        (None, Some(Class::Facilitator))
    );
}

#[test]
fn domain_balances_are_compared_before_and_after() {
    // Funding: −100 (one strong barrier) before; +25 after (+2 and −1 over 2 known).
    let c = run(
        &[("adequate-funding", SD), ("champion", SA)],
        &[("adequate-funding", SA), ("reimbursement", SWD), ("champion", DK)],
    );
    // (domain, before, after, change, stage before, stage after). One or
    // two known answers are not enough for a stage (docs/scoring.md): the
    // balances move, the stages stay "not enough answers".
    type Row = (&'static str, Option<i32>, Option<i32>, Option<i32>, Stage, Stage);
    let expected: &[Row] = &[
        (
            "leadership",
            Some(100),
            None,
            None,
            Stage::NotAssessed,
            Stage::NotAssessed,
        ),
        ("staff", None, None, None, Stage::NotAssessed, Stage::NotAssessed),
        ("community", None, None, None, Stage::NotAssessed, Stage::NotAssessed),
        ("law", None, None, None, Stage::NotAssessed, Stage::NotAssessed),
        ("policy", None, None, None, Stage::NotAssessed, Stage::NotAssessed),
        (
            "funding",
            Some(-100),
            Some(25),
            Some(125),
            Stage::NotAssessed,
            Stage::NotAssessed,
        ),
    ];
    let got: Vec<_> = c
        .domains
        .iter()
        .map(|d| {
            (
                d.domain.as_str(),
                d.before,
                d.after,
                d.change,
                d.stage_before,
                d.stage_after,
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn ta_areas_are_resolved_new_or_continuing() {
    // Before: funding 4 + 4 = 8 (adequate-funding, reimbursement), planning 4 (champion).
    // After: funding 2 (reimbursement somewhat), training 4 (staff-support); planning gone.
    let c = run(
        &[("adequate-funding", SD), ("reimbursement", SD), ("champion", SD)],
        &[
            ("adequate-funding", SA),
            ("reimbursement", SWD),
            ("champion", SA),
            ("staff-support", SD),
        ],
    );
    let list = |l: &[hr_assessment::compare::TaMove]| -> Vec<(String, u32, u32)> {
        l.iter()
            .map(|m| (m.area.to_string(), m.points_before, m.points_after))
            .collect()
    };
    assert_eq!(list(&c.resolved), vec![("planning".to_string(), 4, 0)]);
    assert_eq!(list(&c.new), vec![("training".to_string(), 0, 4)]);
    assert_eq!(list(&c.continuing), vec![("funding".to_string(), 8, 2)]);
}

#[test]
fn ta_lists_follow_the_rankings() {
    // Before ranks funding (8) over planning (4) over wellbeing (4: no national figure).
    let c = run(
        &[
            ("adequate-funding", SD),
            ("reimbursement", SD),
            ("champion", SD),
            ("debriefing-hard-days", SD),
        ],
        &[("staff-training", SD), ("peers-employed", SWD)],
    );
    let areas =
        |l: &[hr_assessment::compare::TaMove]| -> Vec<String> { l.iter().map(|m| m.area.to_string()).collect() };
    assert_eq!(areas(&c.resolved), ["funding", "planning", "wellbeing"]);
    assert_eq!(areas(&c.new), ["training", "lived-experience"]);
    assert!(c.continuing.is_empty());
}

#[test]
fn identical_assessments_show_no_change() {
    let r = full_responses();
    let (mut b, a) = (record_with(r.clone()), record_with(r));
    b.instrument_version = "0.9.0".into();
    let c = compare(instrument(), &b, &a);
    assert!(c.statements.is_empty() && c.resolved.is_empty() && c.new.is_empty());
    assert!(c.continuing.iter().all(|m| m.points_before == m.points_after));
    assert!(c.domains.iter().all(|d| d.change.is_none_or(|v| v == 0)));
    assert_eq!(
        (c.version_before.as_str(), c.version_after.as_str()),
        ("0.9.0", "2.0.0")
    );
}
