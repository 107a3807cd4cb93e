//! The team view (`docs/team.md`): counts, agreement, spread, role gaps,
//! pooled domain balances, the team's TA ranking, the order consensus mode
//! walks, and the team CSV. Each behaviour is a table run through one helper;
//! every figure a generated team gives is checked against a count made here,
//! independently of the code.

mod common;
use common::*;
use hr_assessment::numbers::{hundredths as format_hundredths, percent};
use hr_assessment::team::{
    disagreement_order, merge, role_options, team_csv, team_csv_columns, team_summary_json, Member, TeamReport,
    GAP_ROLES, ROLE_GAP_MIN_MEMBERS, ROLE_GAP_THRESHOLD,
};
use hr_assessment::{assess, Class, ItemId, OptionId, Polarity, Responses, ScaleAnswer};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A member with a role (or none) and statement answers.
fn member(label: &str, role: Option<&str>, list: &[(&str, ScaleAnswer)]) -> Member {
    let mut r = answers(list);
    if let Some(role) = role {
        r.set_single(item("role"), opt(role));
    }
    Member::from_responses(label, r)
}

/// Members who each answer one statement: (role, answer or blank).
fn one_statement_team(id: &str, rows: &[(Option<&str>, Option<ScaleAnswer>)]) -> Vec<Member> {
    rows.iter()
        .enumerate()
        .map(|(k, (role, answer))| {
            let list: Vec<(&str, ScaleAnswer)> = answer.iter().map(|a| (id, *a)).collect();
            member(&format!("Respondent {}", k + 1), *role, &list)
        })
        .collect()
}

/// Round half up for non-negative numbers, written without the crate's helper.
fn independent_percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        (200 * count + total) / (2 * total)
    }
}

/// A deterministic stream of numbers (a linear congruential generator), so
/// generated teams are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// `n` generated members: each statement blank or one of the five answers,
/// each role one of the options or none.
fn generated_team(n: usize, seed: u64) -> Vec<Member> {
    let mut rng = Lcg(seed);
    let roles = role_options(instrument());
    (0..n)
        .map(|k| {
            let mut r = Responses::default();
            for s in instrument().statements() {
                let pick = rng.next(6) as usize;
                if pick < 5 {
                    r.set_statement(s.id.clone(), ScaleAnswer::ALL[pick]);
                }
            }
            let role = rng.next(roles.len() as u64 + 1) as usize;
            if role < roles.len() {
                r.set_single(item("role"), roles[role].clone());
            }
            Member::from_responses(format!("Respondent {}", k + 1), r)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Counts and percentages
// ---------------------------------------------------------------------------

#[test]
fn a_generated_team_of_23_has_exactly_the_counts_and_percentages_of_an_independent_count() {
    let team = generated_team(23, 7);
    let report = merge(instrument(), &team);
    assert_eq!(report.members, 23);
    assert_eq!(report.statements.len(), instrument().statements().count());
    for (s, got) in instrument().statements().zip(&report.statements) {
        assert_eq!(got.item, s.id);
        // [strongly agree, somewhat agree, somewhat disagree, strongly disagree, don't know, blank]
        let mut tally = [0u32; 6];
        let (mut facilitators, mut barriers) = (0u32, 0u32);
        for m in &team {
            match m.responses.statement(&s.id) {
                None => tally[5] += 1,
                Some(a) => {
                    let k = ScaleAnswer::ALL.iter().position(|x| *x == a).unwrap();
                    tally[k] += 1;
                    let agree_side = k < 2;
                    match (a, s.polarity) {
                        (ScaleAnswer::DontKnow, _) => {}
                        (_, Polarity::Positive) if agree_side => facilitators += 1,
                        (_, Polarity::Negative) if !agree_side => facilitators += 1,
                        _ => barriers += 1,
                    }
                }
            }
        }
        let c = &got.counts;
        let counted = [
            c.strongly_agree,
            c.somewhat_agree,
            c.somewhat_disagree,
            c.strongly_disagree,
            c.dont_know,
            c.unanswered,
        ];
        assert_eq!(counted, tally, "{}", s.id);
        assert_eq!(c.total(), 23, "{}", s.id);
        for (k, a) in ScaleAnswer::ALL.iter().enumerate() {
            assert_eq!(c.get(*a), tally[k]);
            assert_eq!(
                percent(c.get(*a), 23),
                independent_percent(tally[k], 23),
                "{} {a:?}",
                s.id
            );
        }
        assert_eq!((got.facilitators, got.barriers), (facilitators, barriers), "{}", s.id);
        let known = facilitators + barriers;
        let expected = (known >= 2).then(|| independent_percent(facilitators.max(barriers), known));
        assert_eq!(got.agreement, expected, "{}", s.id);
    }
    // The roles add up to the team.
    assert_eq!(report.roles.iter().map(|r| r.members).sum::<u32>(), 23);
}

#[test]
fn the_team_summary_file_says_what_it_is_and_is_refused_as_an_assessment() {
    let team = generated_team(5, 7);
    let report = merge(instrument(), &team);
    let json = team_summary_json(&report);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "hr-readiness-team-summary");
    assert_eq!(value["version"], 1);
    // The report's own fields stay at the top level, as before the marker.
    assert_eq!(value["members"], 5);
    assert_eq!(value["statements"].as_array().unwrap().len(), report.statements.len());
    assert!(
        json.trim_start()
            .starts_with("{\n  \"format\": \"hr-readiness-team-summary\""),
        "{}",
        &json[..60]
    );

    let refused = hr_assessment::file::import(&json, instrument()).unwrap_err();
    assert_eq!(refused, hr_assessment::file::ImportError::TeamSummary);
    assert!(refused.to_string().starts_with("This is a team summary"), "{refused}");
    assert!(refused
        .message(hr_assessment::Lang::Es)
        .starts_with("Este es un resumen del equipo"));
}

#[test]
fn percent_rounds_halves_up_and_gives_0_of_nothing() {
    let cases: &[(u32, u32, u32)] = &[
        (0, 0, 0),
        (3, 0, 0),
        (0, 5, 0),
        (5, 5, 100),
        (1, 2, 50),
        (1, 3, 33),
        (2, 3, 67),
        (1, 8, 13),
        (1, 200, 1),
        (1, 201, 0),
        (199, 200, 100),
        (17, 23, 74),
    ];
    for (count, total, expected) in cases {
        assert_eq!(percent(*count, *total), *expected, "{count} of {total}");
    }
}

#[test]
fn hundredths_are_written_with_two_decimals() {
    let cases: &[(i32, &str)] = &[
        (0, "0.00"),
        (5, "0.05"),
        (-5, "-0.05"),
        (100, "1.00"),
        (-33, "-0.33"),
        (150, "1.50"),
        (-200, "-2.00"),
    ];
    for (v, text) in cases {
        assert_eq!(format_hundredths(*v), *text);
    }
}

#[test]
fn a_member_role_is_read_from_the_role_question() {
    let cases: &[(&str, Option<&str>)] = &[("peer", Some("peer")), ("none", None)];
    for (case, role) in cases {
        let m = member("Respondent 1", *role, &[("champion", SA)]);
        assert_eq!(m.role, role.map(opt), "{case}");
        assert_eq!(m.label, "Respondent 1");
    }
}

// ---------------------------------------------------------------------------
// Agreement and spread
// ---------------------------------------------------------------------------

/// (case, statement, answers, agreement, majority, spread, mean).
type AgreementCase = (
    &'static str,
    &'static str,
    &'static [Option<ScaleAnswer>],
    Option<u32>,
    Option<Class>,
    Option<u32>,
    Option<i32>,
);

fn check_agreement(case: &AgreementCase) {
    let (name, id, list, agreement, majority, spread, mean) = case;
    let rows: Vec<_> = list.iter().map(|a| (None, *a)).collect();
    let report = merge(instrument(), &one_statement_team(id, &rows));
    let s = report.statement(&item(id)).expect("statement");
    assert_eq!(
        (s.agreement, s.majority, s.spread, s.mean),
        (*agreement, *majority, *spread, *mean),
        "case {name:?}"
    );
}

#[test]
fn agreement_is_the_majority_share_of_known_answers_from_50_to_100() {
    use Class::{Barrier as B, Facilitator as F};
    let cases: &[AgreementCase] = &[
        ("nobody answered", "champion", &[None, None], None, None, None, None),
        (
            "all I don't know",
            "champion",
            &[Some(DK), Some(DK), Some(DK)],
            None,
            None,
            None,
            None,
        ),
        (
            "one known answer",
            "champion",
            &[Some(SA), Some(DK), None],
            None,
            Some(F),
            None,
            Some(200),
        ),
        (
            "evenly split",
            "champion",
            &[Some(SA), Some(SD)],
            Some(50),
            None,
            Some(200),
            Some(0),
        ),
        (
            "evenly split, milder",
            "champion",
            &[Some(SWA), Some(SWD)],
            Some(50),
            None,
            Some(100),
            Some(0),
        ),
        (
            "unanimous and identical",
            "champion",
            &[Some(SWA); 4],
            Some(100),
            Some(F),
            Some(0),
            Some(100),
        ),
        // Scores 2, 1, 2: SD = √(2/9) = 0.471.
        (
            "unanimous, different strengths",
            "champion",
            &[Some(SA), Some(SWA), Some(SA)],
            Some(100),
            Some(F),
            Some(47),
            Some(167),
        ),
        // Scores 2, 2, −2: SD = √(32/9) = 1.886.
        (
            "two of three",
            "champion",
            &[Some(SA), Some(SA), Some(SD)],
            Some(67),
            Some(F),
            Some(189),
            Some(67),
        ),
        (
            "unknowns left out",
            "champion",
            &[Some(SD), Some(SD), Some(SA), Some(DK), Some(DK), None],
            Some(67),
            Some(B),
            Some(189),
            Some(-67),
        ),
        (
            "seven of eight rounds up",
            "champion",
            &[
                Some(SA),
                Some(SA),
                Some(SA),
                Some(SA),
                Some(SA),
                Some(SA),
                Some(SA),
                Some(SWD),
            ],
            Some(88),
            Some(F),
            Some(99),
            Some(163),
        ),
        (
            "agreeing with a negative statement is a barrier",
            "staff-burnout",
            &[Some(SA), Some(SWA)],
            Some(100),
            Some(B),
            Some(50),
            Some(-150),
        ),
    ];
    for case in cases {
        check_agreement(case);
    }
}

// ---------------------------------------------------------------------------
// Role gaps
// ---------------------------------------------------------------------------

/// (case, members as (role, answer) on `champion`, gaps as (higher, lower, difference)).
type GapCase = (
    &'static str,
    Vec<(Option<&'static str>, Option<ScaleAnswer>)>,
    &'static [(&'static str, &'static str, i32)],
);

/// Each case is checked twice: as given, a difference where a side has a
/// single known answer is one person's view (`single_views`), and a gap
/// needs two on each side; with every member doubled (the same means, two
/// or more on every side) each difference is a role gap.
fn check_gaps(case: &GapCase) {
    let (name, rows, expected) = case;
    let triple = |g: &hr_assessment::team::RoleGap| (g.higher.to_string(), g.lower.to_string(), g.difference);
    let single = merge(instrument(), &one_statement_team("champion", rows));
    let s = single.statement(&item("champion")).expect("champion");
    let mut both: Vec<_> = s.gaps.iter().chain(&s.single_views).map(triple).collect();
    both.sort_by_key(|(h, l, d)| (-d, h.clone(), l.clone()));
    let mut want: Vec<_> = expected
        .iter()
        .map(|(h, l, d)| (h.to_string(), l.to_string(), *d))
        .collect();
    want.sort_by_key(|(h, l, d)| (-d, h.clone(), l.clone()));
    assert_eq!(both, want, "case {name:?}, as given");
    for g in &s.gaps {
        for role in [&g.higher, &g.lower] {
            assert!(
                s.group(role).unwrap().n >= ROLE_GAP_MIN_MEMBERS,
                "case {name:?}: {role}"
            );
        }
    }
    for g in &s.single_views {
        assert!([&g.higher, &g.lower]
            .iter()
            .any(|r| s.group(r).unwrap().n < ROLE_GAP_MIN_MEMBERS));
    }
    let doubled: Vec<_> = rows.iter().chain(rows.iter()).copied().collect();
    let report = merge(instrument(), &one_statement_team("champion", &doubled));
    let s = report.statement(&item("champion")).expect("champion");
    assert!(s.single_views.is_empty(), "case {name:?}");
    let got: Vec<(&str, &str, i32)> = s
        .gaps
        .iter()
        .map(|g| (g.higher.as_str(), g.lower.as_str(), g.difference))
        .collect();
    assert_eq!(got, *expected, "case {name:?}");
    for g in &s.gaps {
        assert_eq!(g.higher_mean - g.lower_mean, g.difference, "case {name:?}");
        assert!(g.difference >= ROLE_GAP_THRESHOLD);
        let mean = |role: &OptionId| s.group(role).and_then(|x| x.mean);
        assert_eq!(mean(&g.higher), Some(g.higher_mean), "case {name:?}");
        assert_eq!(mean(&g.lower), Some(g.lower_mean), "case {name:?}");
    }
}

/// `n` copies of one (role, answer).
fn times(
    n: usize,
    role: &'static str,
    answer: ScaleAnswer,
) -> impl Iterator<Item = (Option<&'static str>, Option<ScaleAnswer>)> {
    std::iter::repeat_n((Some(role), Some(answer)), n)
}

#[test]
fn role_gaps_are_flagged_from_a_difference_of_one_point_between_leadership_staff_and_peers() {
    let l = Some("leadership");
    let st = Some("staff");
    let p = Some("peer");
    let cases: Vec<GapCase> = vec![
        (
            "just below: 1.00 against 0.01 (34 somewhat agree, 33 somewhat disagree) is 0.99",
            std::iter::once((l, Some(SWA)))
                .chain(times(34, "peer", SWA))
                .chain(times(33, "peer", SWD))
                .collect(),
            &[],
        ),
        (
            "at the threshold: 1.00 against 0.00 is 1.00",
            std::iter::once((l, Some(SWA)))
                .chain(times(33, "peer", SWA))
                .chain(times(33, "peer", SWD))
                .collect(),
            &[("leadership", "peer", 100)],
        ),
        (
            "at the threshold in thirds: 1.33 against 0.33",
            vec![
                (l, Some(SA)),
                (l, Some(SA)),
                (l, Some(SWD)),
                (st, Some(SA)),
                (st, Some(SWD)),
                (st, Some(SWD)),
            ],
            &[("leadership", "staff", 100)],
        ),
        (
            "in halves: 1.50 against 0.50 is a gap; 1.00 against either is not",
            vec![
                (l, Some(SA)),
                (l, Some(SWA)),
                (p, Some(SA)),
                (p, Some(SWD)),
                (st, Some(SWA)),
            ],
            &[("leadership", "peer", 100)],
        ),
        ("one group only", vec![(l, Some(SA)), (l, Some(SD))], &[]),
        (
            "the other group answered only I don't know",
            vec![(l, Some(SA)), (p, Some(DK)), (p, Some(DK))],
            &[],
        ),
        ("the other group left it blank", vec![(l, Some(SA)), (p, None)], &[]),
        (
            "board and other are never part of a gap",
            vec![(Some("board"), Some(SA)), (Some("other"), Some(SD)), (l, Some(SA))],
            &[],
        ),
        (
            "members without a role are in no group",
            vec![(None, Some(SD)), (l, Some(SA))],
            &[],
        ),
        (
            "the gap names the group that sees a facilitator",
            vec![(l, Some(SD)), (p, Some(SA))],
            &[("peer", "leadership", 400)],
        ),
        (
            "three groups: every pair at or over the threshold, widest first",
            vec![(l, Some(SA)), (st, Some(SWA)), (p, Some(SD))],
            &[
                ("leadership", "peer", 400),
                ("staff", "peer", 300),
                ("leadership", "staff", 100),
            ],
        ),
    ];
    for case in &cases {
        check_gaps(case);
    }
}

#[test]
fn every_role_group_is_reported_with_its_n_and_mean() {
    let rows = vec![
        (Some("leadership"), Some(SA)),
        (Some("leadership"), Some(SWD)),
        (Some("leadership"), Some(DK)),
        (Some("board"), Some(SD)),
        (Some("peer"), None),
        (None, Some(SA)),
    ];
    let report = merge(instrument(), &one_statement_team("champion", &rows));
    let s = report.statement(&item("champion")).unwrap();
    // (role, n, unknowns, mean, used for gaps)
    let got: Vec<(&str, u32, u32, Option<i32>, bool)> = s
        .groups
        .iter()
        .map(|g| (g.role.as_str(), g.n, g.unknowns, g.mean, g.for_gaps))
        .collect();
    assert_eq!(
        got,
        vec![
            ("leadership", 2, 1, Some(50), true),
            ("staff", 0, 0, None, true),
            ("peer", 0, 0, None, true),
            ("board", 1, 0, Some(-200), false),
            ("other", 0, 0, None, false),
        ]
    );
    let roles: Vec<(Option<&str>, u32)> = report
        .roles
        .iter()
        .map(|r| (r.role.as_ref().map(OptionId::as_str), r.members))
        .collect();
    assert_eq!(
        roles,
        vec![
            (Some("leadership"), 3),
            (Some("staff"), 0),
            (Some("peer"), 1),
            (Some("board"), 1),
            (Some("other"), 0),
            (None, 1),
        ]
    );
    assert_eq!(GAP_ROLES, ["leadership", "staff", "peer"]);
}

// ---------------------------------------------------------------------------
// Pooled domains
// ---------------------------------------------------------------------------

#[test]
fn a_team_of_one_reads_exactly_like_the_respondent_alone() {
    let worked = hr_assessment::example::worked_example();
    let cases: Vec<(&str, Responses)> = vec![
        ("nothing answered", Responses::default()),
        ("every kind of question", full_responses()),
        ("the worked example of the scoring method", worked),
        (
            "all strong facilitators",
            answer_all(|p| if p == Polarity::Positive { SA } else { SD }),
        ),
        ("all I don't know", answer_all(|_| DK)),
    ];
    for (case, r) in cases {
        let own = assess(instrument(), &r);
        let team = merge(instrument(), &[Member::from_responses("Respondent 1", r)]);
        for (d, t) in own.domains.iter().zip(&team.domains) {
            assert_eq!(t.domain, d.domain, "case {case:?}");
            assert_eq!(
                (
                    t.facilitators,
                    t.barriers,
                    t.unknowns,
                    t.sum,
                    t.balance,
                    t.coverage,
                    t.stage,
                    t.find_out
                ),
                (
                    d.facilitators,
                    d.barriers,
                    d.unknowns,
                    d.sum,
                    d.balance,
                    d.coverage,
                    d.stage,
                    d.find_out
                ),
                "case {case:?}, domain {}",
                d.domain
            );
            assert_eq!(t.statements, d.total);
        }
        let own_ta: Vec<(String, u32, u32)> = own.ta_areas.iter().map(|a| (a.area.to_string(), a.points, 1)).collect();
        let team_ta: Vec<(String, u32, u32)> = team
            .ta_areas
            .iter()
            .map(|a| (a.area.to_string(), a.points, a.members))
            .collect();
        assert_eq!(team_ta, own_ta, "case {case:?}: TA ranking");
    }
}

/// (case, members' answers, domain, facilitators, barriers, unknowns, blank, balance, coverage).
type PooledCase = (
    &'static str,
    Vec<Vec<(&'static str, ScaleAnswer)>>,
    &'static str,
    (u32, u32, u32, u32, Option<i32>, u32),
);

#[test]
fn domain_balances_pool_every_members_known_answers() {
    // Funding has 6 statements; abstinence-only-payers is worded negatively.
    let cases: Vec<PooledCase> = vec![
        ("no members", vec![], "funding", (0, 0, 0, 0, None, 0)),
        (
            "two members, opposite views: the balance is 0",
            vec![vec![("adequate-funding", SA)], vec![("adequate-funding", SD)]],
            "funding",
            (1, 1, 0, 10, Some(0), 17),
        ),
        (
            // Sum −2 − 1 + 2 = −1 over 3 known: 100 × −1 ÷ 6 = −16.7.
            "pooled over answers, not averaged over members",
            vec![
                vec![("adequate-funding", SD), ("reimbursement", SWD)],
                vec![("supplies-budget", SA), ("funding-beyond-one-grant", DK)],
            ],
            "funding",
            (1, 2, 1, 8, Some(-17), 33),
        ),
        (
            "negative wording counts the other way round",
            vec![
                vec![("abstinence-only-payers", SA)],
                vec![("abstinence-only-payers", SWA)],
            ],
            "funding",
            (0, 2, 0, 10, Some(-75), 17),
        ),
    ];
    for (case, members, domain, expected) in &cases {
        let team: Vec<Member> = members
            .iter()
            .enumerate()
            .map(|(k, list)| member(&format!("Respondent {}", k + 1), None, list))
            .collect();
        let report = merge(instrument(), &team);
        let d = report.domain(&hr_assessment::DomainId::new(*domain)).expect("domain");
        assert_eq!(
            (
                d.facilitators,
                d.barriers,
                d.unknowns,
                d.unanswered,
                d.balance,
                d.coverage
            ),
            *expected,
            "case {case:?}"
        );
        assert_eq!(d.answered() + d.unanswered, d.statements * d.members, "case {case:?}");
    }
}

// ---------------------------------------------------------------------------
// The team's TA ranking
// ---------------------------------------------------------------------------

#[test]
fn team_ta_points_are_each_members_own_points_added_up() {
    // (case, members' answers, expected ranking as (area, points, members))
    type TaCase = (
        &'static str,
        Vec<Vec<(&'static str, ScaleAnswer)>>,
        &'static [(&'static str, u32, u32)],
    );
    let cases: Vec<TaCase> = vec![
        ("nobody has a need", vec![vec![("adequate-funding", SA)], vec![]], &[]),
        (
            "points add up across members",
            vec![
                vec![("adequate-funding", SD)],
                vec![("reimbursement", SWD)],
                vec![("champion", SD)],
            ],
            // Ranked by need: planning 4 of 4 possible (100%) before funding
            // 6 of 8 (75%).
            &[("planning", 4, 1), ("funding", 6, 2)],
        ),
        (
            "a tie goes to national demand: funding (63%) before training (none)",
            vec![vec![("staff-support", SD)], vec![("adequate-funding", SD)]],
            &[("funding", 4, 1), ("training", 4, 1)],
        ),
        (
            "a tie without national figures keeps the instrument's order",
            vec![vec![("debriefing-hard-days", SD)], vec![("staff-training", SD)]],
            &[("training", 4, 1), ("wellbeing", 4, 1)],
        ),
        (
            "an I don't know counts 1 for each member",
            vec![
                vec![("debriefing-hard-days", DK)],
                vec![("debriefing-hard-days", DK)],
                vec![("debriefing-hard-days", SA)],
            ],
            &[("wellbeing", 2, 2)],
        ),
    ];
    for (case, members, expected) in &cases {
        let team: Vec<Member> = members
            .iter()
            .enumerate()
            .map(|(k, list)| member(&format!("Respondent {}", k + 1), None, list))
            .collect();
        let report = merge(instrument(), &team);
        let got: Vec<(&str, u32, u32)> = report
            .ta_areas
            .iter()
            .map(|a| (a.area.as_str(), a.points, a.members))
            .collect();
        assert_eq!(got, *expected, "case {case:?}");
    }
}

#[test]
fn the_team_ta_sum_matches_each_members_own_results_for_a_generated_team() {
    let team = generated_team(20, 11);
    let report = merge(instrument(), &team);
    let mut expected: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for m in &team {
        for a in assess(instrument(), &m.responses).ta_areas {
            let e = expected.entry(a.area.to_string()).or_default();
            e.0 += a.points;
            e.1 += 1;
        }
    }
    let got: BTreeMap<String, (u32, u32)> = report
        .ta_areas
        .iter()
        .map(|a| (a.area.to_string(), (a.points, a.members)))
        .collect();
    assert_eq!(got, expected);
    // Ranked: highest need first; the need is the summed points over the
    // summed possible points of every member.
    assert!(report.ta_areas.windows(2).all(|w| w[0].need >= w[1].need));
    for a in &report.ta_areas {
        let possible: u32 = team
            .iter()
            .map(|m| {
                let domains = hr_assessment::scoring::domain_results(instrument(), &m.responses);
                hr_assessment::recommend::ta_scores(instrument(), &m.responses, &domains)
                    .into_iter()
                    .find(|r| r.area == a.area)
                    .map_or(0, |r| r.possible)
            })
            .sum();
        assert_eq!(a.possible, possible, "{}", a.area);
        assert_eq!(a.need, hr_assessment::recommend::need(instrument(), a.points, possible));
    }
}

// ---------------------------------------------------------------------------
// The order consensus mode walks
// ---------------------------------------------------------------------------

#[test]
fn disagreement_order_puts_the_widest_split_first() {
    let answers_of = |list: [Option<ScaleAnswer>; 4]| list;
    // Leadership's page order: leadership-supports, principles-adopted,
    // philosophy-fit, leaders-priority, mission-strategy, champion,
    // leaders-language.
    let table: &[(&str, [Option<ScaleAnswer>; 4])] = &[
        ("champion", answers_of([Some(SA); 4])), // 100%, spread 0
        (
            "principles-adopted",
            answers_of([Some(SWA), Some(SWA), Some(SWD), Some(SWD)]),
        ), // 50%, spread 1.00
        ("leaders-language", answers_of([Some(SA), Some(DK), None, None])), // one known answer
        ("mission-strategy", answers_of([Some(SA), Some(SA), Some(SA), Some(SD)])), // 75%
        (
            "leadership-supports",
            answers_of([Some(SA), Some(SA), Some(SD), Some(SD)]),
        ), // 50%, spread 2.00
        ("leaders-priority", answers_of([Some(SA); 4])), // 100%, spread 0: page order
    ];
    let team: Vec<Member> = (0..4)
        .map(|k| {
            let list: Vec<(&str, ScaleAnswer)> = table.iter().filter_map(|(id, a)| a[k].map(|a| (*id, a))).collect();
            member(&format!("Respondent {}", k + 1), None, &list)
        })
        .collect();
    let order = disagreement_order(&merge(instrument(), &team));
    let first: Vec<&str> = order.iter().take(6).map(ItemId::as_str).collect();
    assert_eq!(
        first,
        [
            "leadership-supports",
            "principles-adopted",
            "mission-strategy",
            "leaders-priority",
            "champion",
            "leaders-language",
        ]
    );
    // Then every statement nobody answered, in page order.
    let rest: Vec<&ItemId> = order[6..].iter().collect();
    let page: Vec<&ItemId> = instrument()
        .statements()
        .map(|s| &s.id)
        .filter(|id| !table.iter().any(|(t, _)| id.as_str() == *t))
        .collect();
    assert_eq!(rest, page);
}

// ---------------------------------------------------------------------------
// 200 members
// ---------------------------------------------------------------------------

#[test]
fn merging_200_members_gives_exact_figures() {
    // Member k gives every statement answer k mod 6 (5 = blank), role k mod 5.
    let roles = role_options(instrument());
    let pattern = |k: usize| (k % 6 < 5).then(|| ScaleAnswer::ALL[k % 6]);
    let team: Vec<Member> = (0..200)
        .map(|k| {
            let mut r = Responses::default();
            if let Some(a) = pattern(k) {
                for s in instrument().statements() {
                    r.set_statement(s.id.clone(), a);
                }
            }
            r.set_single(item("role"), roles[k % 5].clone());
            Member::from_responses(format!("Respondent {}", k + 1), r)
        })
        .collect();
    let report = merge(instrument(), &team);
    // 200 = 6 × 33 + 2: answers 0 and 1 (the two agrees) are given 34 times,
    // the rest 33 times.
    for s in &report.statements {
        let c = &s.counts;
        assert_eq!(
            [
                c.strongly_agree,
                c.somewhat_agree,
                c.somewhat_disagree,
                c.strongly_disagree,
                c.dont_know,
                c.unanswered
            ],
            [34, 34, 33, 33, 33, 33],
            "{}",
            s.item
        );
        // 68 on one side, 66 on the other: 68 ÷ 134 = 50.7%.
        assert_eq!(s.agreement, Some(51));
        let (more, sum) = match s.polarity {
            Polarity::Positive => (Class::Facilitator, 3),
            Polarity::Negative => (Class::Barrier, -3),
        };
        assert_eq!((s.majority, s.sum), (Some(more), sum), "{}", s.item);
        // Leadership is members 0, 5, 10, …: answers 0, 5, 4, 3, 2, 1 in turn.
        let mut n = 0;
        let mut total = 0;
        for (k, m) in team.iter().enumerate() {
            if m.role.as_ref() == Some(&roles[0]) {
                if let Some(a) = pattern(k).filter(|a| *a != DK) {
                    n += 1;
                    total += hr_assessment::scoring::score_answer(a, s.polarity).1;
                }
            }
        }
        let leadership = s.group(&roles[0]).unwrap();
        assert_eq!((leadership.n, leadership.sum), (n, total), "{}", s.item);
    }
    for d in &report.domains {
        let (mut positive, mut negative) = (0i32, 0i32);
        for s in instrument().statements_in(&d.domain) {
            match s.polarity {
                Polarity::Positive => positive += 1,
                Polarity::Negative => negative += 1,
            }
        }
        let statements = (positive + negative) as u32;
        assert_eq!(d.sum, 3 * (positive - negative));
        assert_eq!(d.known(), 134 * statements);
        assert_eq!(d.coverage, 84, "167 of 200 answered: 83.5% rounds to 84%");
        let expected = (2 * 100 * i64::from(d.sum) + i64::from(d.sum.signum()) * 2 * i64::from(d.known()))
            / (2 * 2 * i64::from(d.known()));
        assert_eq!(d.balance, Some(expected as i32), "{}", d.domain);
    }
    // Every member with the same answers has the same TA points.
    let mut expected: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for k in 0..6 {
        let copies = if k < 2 { 34 } else { 33 };
        let mut r = Responses::default();
        if let Some(a) = pattern(k) {
            for s in instrument().statements() {
                r.set_statement(s.id.clone(), a);
            }
        }
        for a in assess(instrument(), &r).ta_areas {
            let e = expected.entry(a.area.to_string()).or_default();
            e.0 += copies * a.points;
            e.1 += copies;
        }
    }
    let got: BTreeMap<String, (u32, u32)> = report
        .ta_areas
        .iter()
        .map(|a| (a.area.to_string(), (a.points, a.members)))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(
        report.roles.iter().map(|r| r.members).collect::<Vec<_>>(),
        [40, 40, 40, 40, 40, 0]
    );
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    parse_csv(text.strip_prefix('\u{FEFF}').expect("a byte order mark"))
}

#[test]
fn the_team_csv_has_a_row_per_statement_with_counts_agreement_means_and_gaps() {
    let team = one_statement_team(
        "champion",
        &[
            (Some("leadership"), Some(SA)),
            (Some("leadership"), Some(SWA)),
            (Some("peer"), Some(SD)),
            (Some("peer"), Some(SD)),
            (Some("staff"), Some(DK)),
            (None, None),
        ],
    );
    let report = merge(instrument(), &team);
    let text = team_csv(instrument(), &report);
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "CRLF only");
    let rows = csv_rows(&text);
    let columns = team_csv_columns(instrument());
    assert_eq!(rows[0], columns);
    assert_eq!(rows.len(), instrument().statements().count() + 1);
    assert!(rows.iter().all(|r| r.len() == columns.len()));
    let row = rows.iter().find(|r| r[1] == "champion").expect("a champion row");
    let cell = |name: &str| row[columns.iter().position(|c| c == name).expect(name)].as_str();
    let expected = [
        ("domain", "Leadership"),
        ("strongly_agree", "1"),
        ("somewhat_agree", "1"),
        ("somewhat_disagree", "0"),
        ("strongly_disagree", "2"),
        ("dont_know", "1"),
        ("unanswered", "1"),
        // Two facilitators, two barriers: evenly split.
        ("agreement_percent", "50"),
        // Scores 2, 1, −2, −2: SD = √(51/16) = 1.785.
        ("spread", "1.79"),
        ("mean", "-0.25"),
        ("leadership_n", "2"),
        ("leadership_mean", "1.50"),
        ("staff_n", "0"),
        ("staff_mean", ""),
        ("peer_mean", "-2.00"),
        ("board_n", "0"),
        ("role_gap", "leadership above peer"),
        ("role_gap_difference", "3.50"),
    ];
    for (name, value) in expected {
        assert_eq!(cell(name), value, "{name}");
    }
    let blank = rows.iter().find(|r| r[1] == "leaders-language").unwrap();
    let blank_cell = |name: &str| blank[columns.iter().position(|c| c == name).unwrap()].as_str();
    assert_eq!(
        (
            blank_cell("unanswered"),
            blank_cell("agreement_percent"),
            blank_cell("role_gap")
        ),
        ("6", "", "")
    );
}

#[test]
fn team_csv_text_cells_are_guarded_and_quoted_like_the_statement_table() {
    let mut i = instrument().clone();
    let first = i.statements().next().unwrap().id.clone();
    for q in &mut i.questions {
        if let hr_assessment::Question::Statement(s) = q {
            if s.id == first {
                s.text = "=HYPERLINK(\"http://x\"), then".into();
            }
        }
    }
    let report = merge(&i, &[member("Respondent 1", None, &[(first.as_str(), SD)])]);
    let text = team_csv(&i, &report);
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\"), then\","), "{text}");
    let rows = csv_rows(&text);
    let columns = team_csv_columns(&i);
    let mean = columns.iter().position(|c| c == "mean").unwrap();
    assert_eq!(rows[1][mean], "-2.00", "a negative number stays a number");
}

#[test]
fn the_team_report_serializes_to_json() {
    let report = merge(instrument(), &generated_team(3, 5));
    let v = serde_json::to_value(&report).expect("serializes");
    assert_eq!(v["members"], 3);
    assert!(v["statements"][0]["counts"]["unanswered"].is_u64());
    assert!(v["domains"].as_array().is_some_and(|d| d.len() == 6));
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn any_member() -> impl Strategy<Value = Member> {
    let n = instrument().statements().count();
    let roles = role_options(instrument());
    (
        prop::collection::vec(prop::option::of(prop::sample::select(ScaleAnswer::ALL.to_vec())), n),
        prop::option::of(prop::sample::select(roles)),
    )
        .prop_map(|(list, role)| {
            let mut r = Responses::default();
            for (s, a) in instrument().statements().zip(list) {
                if let Some(a) = a {
                    r.set_statement(s.id.clone(), a);
                }
            }
            if let Some(role) = role {
                r.set_single(item("role"), role);
            }
            Member::from_responses("Respondent", r)
        })
}

fn check_invariants(team: &[Member], report: &TeamReport) -> Result<(), TestCaseError> {
    let size = team.len() as u32;
    prop_assert_eq!(report.members, size);
    prop_assert_eq!(report.roles.iter().map(|r| r.members).sum::<u32>(), size);
    for s in &report.statements {
        prop_assert_eq!(s.counts.total(), size);
        prop_assert_eq!(s.known() + s.counts.dont_know + s.counts.unanswered, size);
        prop_assert_eq!(s.agreement.is_some(), s.known() >= 2);
        if let Some(a) = s.agreement {
            prop_assert!((50..=100).contains(&a), "agreement {}", a);
        }
        if let Some(spread) = s.spread {
            prop_assert!(spread <= 200);
        }
        if let Some(mean) = s.mean {
            prop_assert!((-200..=200).contains(&mean));
        }
        prop_assert!(s.groups.iter().map(|g| g.n).sum::<u32>() <= s.known());
        for g in &s.gaps {
            prop_assert!(GAP_ROLES.contains(&g.higher.as_str()) && GAP_ROLES.contains(&g.lower.as_str()));
            prop_assert!(g.difference >= ROLE_GAP_THRESHOLD && g.higher_mean >= g.lower_mean);
        }
    }
    for d in &report.domains {
        if let Some(b) = d.balance {
            prop_assert!((-100..=100).contains(&b), "balance {}", b);
        }
        prop_assert_eq!(d.answered() + d.unanswered, d.statements * size);
        prop_assert!(d.coverage <= 100);
    }
    let mut order = disagreement_order(report);
    prop_assert_eq!(order.len(), report.statements.len());
    order.sort();
    let mut all: Vec<ItemId> = report.statements.iter().map(|s| s.item.clone()).collect();
    all.sort();
    prop_assert_eq!(order, all);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn any_team_keeps_every_figure_in_range(team in prop::collection::vec(any_member(), 0..12)) {
        let report = merge(instrument(), &team);
        check_invariants(&team, &report)?;
        // Merging is deterministic.
        prop_assert_eq!(&merge(instrument(), &team), &report);
    }
}
