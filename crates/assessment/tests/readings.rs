//! Issue #15: readings a director can act on. Each probe below gave a
//! wrong or misleading reading under the old rules; each test here states
//! the reading the new rules give. Answer sets are built from the instrument
//! data (every statement of a domain, the statements of a setting, the rows
//! a grid marks as core), not from a list of ids, so the tests keep their
//! meaning when statements are added, split or reworded.

mod common;
use common::*;
use hr_assessment::instrument::{Question, Statement};
use hr_assessment::recommend::{self, Evidence};
use hr_assessment::team::{merge, Member, ROLE_GAP_MIN_MEMBERS, TEAM_AGREES_FROM};
use hr_assessment::{
    assess, DomainId, Instrument, ItemId, OptionId, Polarity, Responses, ScaleAnswer, Setting, Stage, TaAreaId,
};
use proptest::prelude::*;

fn domain(id: &str) -> DomainId {
    DomainId::new(id)
}

fn statements_of(d: &str) -> Vec<&'static Statement> {
    instrument().statements_in(&domain(d)).collect()
}

/// The answer that makes a statement a facilitator (`good`) or a barrier,
/// strongly or somewhat.
fn toward(s: &Statement, good: bool, strong: bool) -> ScaleAnswer {
    let agree = good == (s.polarity == Polarity::Positive);
    match (agree, strong) {
        (true, true) => ScaleAnswer::StronglyAgree,
        (true, false) => ScaleAnswer::SomewhatAgree,
        (false, true) => ScaleAnswer::StronglyDisagree,
        (false, false) => ScaleAnswer::SomewhatDisagree,
    }
}

/// Every statement a strong facilitator.
fn all_facilitators() -> Responses {
    answer_all(|p| if p == Polarity::Positive { SA } else { SD })
}

fn clear_domain(r: &mut Responses, d: &str) {
    for s in statements_of(d) {
        r.clear(&s.id);
    }
}

// ---------------------------------------------------------------------------
// Probe 1: one answer decided the verdict
// ---------------------------------------------------------------------------

/// Every domain at +100 except Staff, which has one "somewhat" barrier
/// answer (the old probe: the burnout statement, "somewhat agree"). The old
/// rules read Staff as a −50 barrier and the organization as a Barrier.
#[test]
fn one_answer_does_not_decide_the_verdict() {
    let mut r = all_facilitators();
    clear_domain(&mut r, "staff");
    let staff = statements_of("staff");
    assert!(staff.len() >= 3, "the probe needs a domain with several statements");
    // Prefer a negatively worded statement, as in the probe (burnout).
    let one = staff
        .iter()
        .find(|s| s.polarity == Polarity::Negative)
        .unwrap_or(&staff[0]);
    r.set_statement(one.id.clone(), toward(one, false, false));

    let report = report(&r);
    let d = report.domain(&domain("staff")).unwrap();
    assert_eq!(d.balance, Some(-50), "the working still shows the one answer");
    assert_eq!(
        d.stage,
        Stage::NotAssessed,
        "one known answer is not enough for a stage"
    );
    assert!(d.find_out);
    assert_eq!(report.overall.stage, Stage::Facilitator);
    assert_ne!(report.overall.weakest, Some(domain("staff")));
    assert_ne!(report.overall.organization.weakest, Some(domain("staff")));
    assert!(
        report.overall.lacking.contains(&domain("staff")),
        "the overall reading names it"
    );
    assert!(report.overall.organization.lacking.contains(&domain("staff")));
    assert!(report.find_out.iter().any(|f| f.domain == domain("staff")));
}

// ---------------------------------------------------------------------------
// Probe 2: the "find out" rule
// ---------------------------------------------------------------------------

/// Staff: one "strongly agree" and three "I don't know" (75% of the answers
/// given). The old rule counted unknowns against all statements (3 of 8),
/// read Staff as a +100 facilitator and suggested nothing to find out.
#[test]
fn dont_know_counts_toward_find_out() {
    let staff = statements_of("staff");
    let positive: Vec<_> = staff.iter().filter(|s| s.polarity == Polarity::Positive).collect();
    let mut r = Responses::default();
    r.set_statement(positive[0].id.clone(), SA);
    for s in staff.iter().filter(|s| s.id != positive[0].id).take(3) {
        r.set_statement(s.id.clone(), DK);
    }
    let report = report(&r);
    let d = report.domain(&domain("staff")).unwrap();
    assert_eq!(d.stage, Stage::NotAssessed);
    let f = report
        .find_out
        .iter()
        .find(|f| f.domain == domain("staff"))
        .expect("a find-out for Staff");
    assert_eq!(f.unknowns, 3);
    assert_eq!(f.unanswered, staff.len() as u32 - 4);
    assert_eq!(f.items.len(), staff.len() - 1, "every statement without a known answer");
    assert!(!f.items.contains(&positive[0].id));
}

/// Skipping statements no longer avoids the trigger: one known answer and
/// the rest left blank.
#[test]
fn skipped_statements_count_toward_find_out() {
    let staff = statements_of("staff");
    let mut r = Responses::default();
    r.set_statement(staff[0].id.clone(), toward(staff[0], true, true));
    let report = report(&r);
    assert!(report.domain(&domain("staff")).unwrap().find_out);
    let f = report.find_out.iter().find(|f| f.domain == domain("staff")).unwrap();
    assert_eq!(f.unknowns, 0);
    assert_eq!(f.unanswered, staff.len() as u32 - 1);
}

/// The threshold is exactly half: with `n` statements, `ceil(n / 2)` known
/// answers give a stage and one fewer does not.
#[test]
fn the_coverage_threshold_is_half_of_the_statements() {
    assert_eq!(instrument().scoring.known_for_stage_percent, 50);
    for d in &instrument().domains {
        let list: Vec<_> = instrument().statements_in(&d.id).collect();
        let needed = list.len().div_ceil(2);
        for known in [needed - 1, needed] {
            let mut r = Responses::default();
            for (k, s) in list.iter().enumerate() {
                r.set_statement(s.id.clone(), if k < known { toward(s, true, true) } else { DK });
            }
            let dr = report(&r).domain(&d.id).unwrap().clone();
            assert_eq!(
                dr.stage != Stage::NotAssessed,
                known == needed,
                "{}: {known} known",
                d.id
            );
            assert_eq!(dr.find_out, known < needed, "{}: {known} known", d.id);
        }
    }
}

// ---------------------------------------------------------------------------
// Probe 3: the TA ranking measured mapping counts, not need
// ---------------------------------------------------------------------------

/// The national order alone: share (higher first; areas without a figure
/// last), then the instrument's order.
fn national_order(areas: &[TaAreaId]) -> Vec<TaAreaId> {
    let i = instrument();
    let mut keyed: Vec<(i32, usize, TaAreaId)> = areas
        .iter()
        .map(|a| {
            let k = i.ta_areas.iter().position(|x| &x.id == a).unwrap();
            (
                -(i.ta_areas[k].national.map_or(-1, |n| i32::from(n.share))),
                k,
                a.clone(),
            )
        })
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(.., a)| a).collect()
}

/// Every answer a mild barrier: the old ranking put org-policy (the most
/// mapped statements) first and stigma (59% nationally) near the bottom.
#[test]
fn uniform_mild_barriers_rank_by_national_share() {
    let r = answer_all(|p| if p == Polarity::Positive { SWD } else { SWA });
    let ranked: Vec<TaAreaId> = report(&r).ta_areas.iter().map(|a| a.area.clone()).collect();
    let needs: Vec<u32> = report(&r).ta_areas.iter().map(|a| a.need).collect();
    assert!(needs.iter().all(|n| *n == needs[0]), "{needs:?}");
    assert_eq!(ranked, national_order(&ranked));
    let stigma = ranked.iter().position(|a| a.as_str() == "stigma").unwrap();
    let org_policy = ranked.iter().position(|a| a.as_str() == "org-policy").unwrap();
    assert!(stigma < org_policy, "stigma is wanted by more organizations nationally");
}

proptest! {
    /// Uniform answers (every answered statement read the same way: the same
    /// class and strength), on any subset of the statements, give every
    /// area with evidence the same need, so the ranking is by national share
    /// alone, however many statements map to each area.
    #[test]
    fn uniform_answers_rank_by_national_share_alone(
        k in 0usize..5,
        answered in prop::collection::vec(prop::bool::weighted(0.7), 80),
    ) {
        let i = instrument();
        let a = ScaleAnswer::ALL[k];
        let mut r = Responses::default();
        for (s, on) in i.statements().zip(answered.iter().cycle()) {
            if *on {
                // The mirror answer on a statement worded the other way round,
                // so that every statement reads the same.
                let mirrored = match (s.polarity, a) {
                    (Polarity::Positive, a) => a,
                    (Polarity::Negative, SA) => SD,
                    (Polarity::Negative, SWA) => SWD,
                    (Polarity::Negative, SWD) => SWA,
                    (Polarity::Negative, SD) => SA,
                    (Polarity::Negative, other) => other,
                };
                r.set_statement(s.id.clone(), mirrored);
            }
        }
        let report = assess(i, &r);
        let ranked: Vec<TaAreaId> = report.ta_areas.iter().map(|x| x.area.clone()).collect();
        prop_assert_eq!(ranked.clone(), national_order(&ranked));
        let needs: Vec<u32> = report.ta_areas.iter().map(|x| x.need).collect();
        prop_assert!(needs.iter().all(|n| *n == needs[0]), "{:?}", needs);
    }
}

/// For every TA area some answers put it first: strong barriers on its
/// statements, strong facilitators everywhere else, the area picked, and
/// any planned service or partner that points to it.
#[test]
fn every_area_can_come_first() {
    let i = instrument();
    for area in &i.ta_areas {
        let mut r = Responses::default();
        for s in i.statements() {
            let mine = s.ta.contains(&area.id);
            r.set_statement(s.id.clone(), toward(s, !mine, true));
        }
        for q in &i.questions {
            match q {
                Question::TaAreas(l) => {
                    r.set_multi(l.id.clone(), OptionId::new(area.id.as_str()), true, l.max)
                        .unwrap();
                }
                Question::Grid(g) => {
                    if let Some(plan) = &g.plan_column {
                        for row in g.rows.iter().filter(|row| row.ta.contains(&area.id)) {
                            r.set_cell(g.id.clone(), row.id.clone(), plan.clone(), true);
                        }
                    }
                }
                _ => {}
            }
        }
        let report = assess(i, &r);
        assert_eq!(report.ta_areas.first().map(|a| &a.area), Some(&area.id), "{}", area.id);
    }
}

// ---------------------------------------------------------------------------
// Probe 4: a missing core service counted for nothing
// ---------------------------------------------------------------------------

fn services_grid(i: &Instrument) -> &hr_assessment::instrument::Grid {
    i.questions
        .iter()
        .find_map(|q| match q {
            Question::Grid(g) if !g.core_rows.is_empty() => Some(g),
            _ => None,
        })
        .expect("a grid with core services")
}

#[test]
fn missing_core_services_are_evidence_for_practices() {
    let i = instrument();
    let g = services_grid(i);
    for core in ["naloxone", "test-strips", "syringe-services"] {
        assert!(g.core_rows.contains(&OptionId::new(core)), "{core} is a core service");
    }
    let offer = g.offer_column.clone().unwrap();
    // The grid answered (one other service provided); no core service
    // provided or planned.
    let other = g.rows.iter().find(|r| !g.core_rows.contains(&r.id)).unwrap();
    let mut r = Responses::default();
    r.set_cell(g.id.clone(), other.id.clone(), offer.clone(), true);
    let report = assess(i, &r);
    let practices = report
        .ta_areas
        .iter()
        .find(|a| a.area.as_str() == "practices")
        .expect("practices is recommended");
    let missing: Vec<&OptionId> = practices
        .evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Missing { row, .. } => Some(row),
            _ => None,
        })
        .collect();
    // In the grid's row order.
    let expected: Vec<&OptionId> = g
        .rows
        .iter()
        .filter(|row| g.core_rows.contains(&row.id) && row.ta.iter().any(|a| a.as_str() == "practices"))
        .map(|row| &row.id)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(missing, expected);
    assert_eq!(
        practices.points,
        expected.len() as u32 * i.scoring.points_missing_service
    );

    // Provided, or planned (a plan is evidence of its own), is not missing.
    let mut r2 = r.clone();
    for c in &g.core_rows {
        r2.set_cell(g.id.clone(), c.clone(), offer.clone(), true);
    }
    let none = assess(i, &r2);
    assert!(none
        .ta_areas
        .iter()
        .flat_map(|a| &a.evidence)
        .all(|e| !matches!(e, Evidence::Missing { .. })));
    let mut r3 = r.clone();
    for c in &g.core_rows {
        r3.set_cell(g.id.clone(), c.clone(), g.plan_column.clone().unwrap(), true);
    }
    let planned = assess(i, &r3);
    assert!(planned
        .ta_areas
        .iter()
        .flat_map(|a| &a.evidence)
        .all(|e| !matches!(e, Evidence::Missing { .. })));
    assert!(planned
        .ta_areas
        .iter()
        .flat_map(|a| &a.evidence)
        .any(|e| matches!(e, Evidence::Plan { .. })));
}

/// A services grid left blank says nothing: no missing-service evidence.
#[test]
fn an_unanswered_grid_is_not_evidence() {
    let report = report(&all_facilitators());
    assert!(report.ta_areas.is_empty(), "{:?}", report.ta_areas);
}

// ---------------------------------------------------------------------------
// Probe 5: the organization apart from its context
// ---------------------------------------------------------------------------

#[test]
fn settings_come_from_the_questionnaire() {
    let i = instrument();
    let setting = |d: &str| i.domain(&domain(d)).unwrap().setting;
    for d in ["leadership", "staff", "policy"] {
        assert_eq!(setting(d), Setting::Organization, "{d}");
    }
    for d in ["community", "law"] {
        assert_eq!(setting(d), Setting::Context, "{d}");
    }
    // Funding is mixed: payers and the funding available around the
    // organization are its context; its own resources are the organization.
    let funding: Vec<Setting> = statements_of("funding").iter().map(|s| i.setting_of(s)).collect();
    assert!(funding.contains(&Setting::Organization) && funding.contains(&Setting::Context));
}

/// Everything about the organization itself a strong facilitator,
/// everything about its context a strong barrier (as law and funding were
/// for most organizations nationally). The old rules read the organization
/// as a Barrier because of law.
#[test]
fn the_context_does_not_make_the_organization_a_barrier() {
    let i = instrument();
    let mut r = Responses::default();
    for s in i.statements() {
        let own = i.setting_of(s) == Setting::Organization;
        r.set_statement(s.id.clone(), toward(s, own, true));
    }
    let report = assess(i, &r);
    let o = &report.overall;
    assert_eq!(o.organization.stage, Stage::Facilitator);
    assert_eq!(o.stage, Stage::Facilitator);
    assert_eq!(o.context.stage, Stage::Barrier);
    assert!(o.context.barriers.contains(&domain("law")));
    assert!(o.context.barriers.contains(&domain("community")));
    assert!(o.organization.barriers.is_empty());
    // Funding appears in both readings, each with its own statements.
    let (own, ctx) = (
        o.organization.part(&domain("funding")).unwrap(),
        o.context.part(&domain("funding")).unwrap(),
    );
    assert_eq!(own.total + ctx.total, statements_of("funding").len() as u32);
    assert_eq!((own.balance, ctx.balance), (Some(100), Some(-100)));
}

proptest! {
    /// Whatever the answers: the organization's reading only ever names an
    /// organization part, a part has a stage only with enough known answers,
    /// and the overall stage is the organization's.
    #[test]
    fn readings_follow_their_rules(picks in prop::collection::vec(prop::option::of(0usize..5), 40..80)) {
        let i = instrument();
        let mut r = Responses::default();
        for (s, p) in i.statements().zip(picks.iter().cycle()) {
            if let Some(k) = p {
                r.set_statement(s.id.clone(), ScaleAnswer::ALL[*k]);
            }
        }
        let report = assess(i, &r);
        let o = &report.overall;
        prop_assert_eq!(o.stage, o.organization.stage);
        for reading in [&o.organization, &o.context] {
            for p in &reading.parts {
                let enough = 100 * p.known() >= i.scoring.known_for_stage_percent * p.total;
                prop_assert_eq!(p.stage != Stage::NotAssessed, enough);
                prop_assert_eq!(reading.lacking.contains(&p.domain), !enough);
            }
            if let Some(w) = &reading.weakest {
                let weakest = reading.part(w).unwrap();
                prop_assert!(weakest.stage != Stage::NotAssessed);
                prop_assert!(reading.parts.iter().filter(|p| p.stage != Stage::NotAssessed).all(|p| p.balance >= weakest.balance));
            }
        }
        for d in &report.domains {
            let enough = 100 * d.known() >= i.scoring.known_for_stage_percent * d.total;
            prop_assert_eq!(d.find_out, !enough);
            prop_assert_eq!(report.find_out.iter().any(|f| f.domain == d.domain), !enough);
        }
    }
}

// ---------------------------------------------------------------------------
// Probe 6: the team view read too much into too little
// ---------------------------------------------------------------------------

fn member(label: &str, role: &str, pick: impl Fn(&Statement) -> Option<ScaleAnswer>) -> Member {
    let mut r = Responses::default();
    r.set_single(ItemId::new("role"), OptionId::new(role));
    for s in instrument().statements() {
        if let Some(a) = pick(s) {
            r.set_statement(s.id.clone(), a);
        }
    }
    Member::from_responses(label, r)
}

#[test]
fn a_role_gap_needs_two_people_on_each_side() {
    let s = instrument().statements().next().unwrap().clone();
    let high = |st: &Statement| (st.id == s.id).then(|| toward(st, true, true));
    let low = |st: &Statement| (st.id == s.id).then(|| toward(st, false, true));
    // One leader against one peer: the old rules flagged a gap of 4.00.
    let pair = [member("1", "leadership", high), member("2", "peer", low)];
    let team = merge(instrument(), &pair);
    let st = team.statement(&s.id).unwrap();
    assert!(st.gaps.is_empty());
    assert_eq!(st.single_views.len(), 1, "said to be one person's view");
    // Two on each side: a gap.
    let four = [
        member("1", "leadership", high),
        member("2", "leadership", high),
        member("3", "peer", low),
        member("4", "peer", low),
    ];
    let team = merge(instrument(), &four);
    let st = team.statement(&s.id).unwrap();
    assert_eq!(st.gaps.len(), 1);
    assert!(st.single_views.is_empty());
    assert_eq!(ROLE_GAP_MIN_MEMBERS, 2);
    // Two against one: still one person's view on one side.
    let three = [
        member("1", "leadership", high),
        member("2", "leadership", high),
        member("3", "peer", low),
    ];
    let st = merge(instrument(), &three).statement(&s.id).unwrap().clone();
    assert!(st.gaps.is_empty());
    assert_eq!(st.single_views.len(), 1);
}

#[test]
fn the_team_view_shows_how_far_the_team_agrees() {
    let all = |good: bool| move |s: &Statement| Some(toward(s, good, true));
    let agree = [member("1", "staff", all(true)), member("2", "staff", all(true))];
    let team = merge(instrument(), &agree);
    assert_eq!(team.agreement, Some(100));
    assert_eq!(team.agrees(), Some(true));
    assert_eq!(team.agreement_statements, instrument().statements().count() as u32);

    let split = [member("1", "staff", all(true)), member("2", "staff", all(false))];
    let team = merge(instrument(), &split);
    assert_eq!(team.agreement, Some(50));
    assert_eq!(team.agrees(), Some(false));
    const { assert!(TEAM_AGREES_FROM > 50 && TEAM_AGREES_FROM < 100) };
    // Pooled: a split team reads 0 (mixed) everywhere, as one respondent would.
    assert!(team
        .domains
        .iter()
        .all(|d| d.balance == Some(0) && d.stage == Stage::Mixed));

    let alone = [member("1", "staff", all(true))];
    assert_eq!(
        merge(instrument(), &alone).agreement,
        None,
        "one person has no agreement figure"
    );
}

/// The team's pooled domains follow the coverage rule too: one member's
/// single answer in a team of three is not enough for a stage.
#[test]
fn pooled_domains_need_enough_answers() {
    let first = statements_of("staff")[0].id.clone();
    let one = move |s: &Statement| (s.id == first).then(|| toward(s, false, true));
    let none = |_: &Statement| None;
    let team = merge(
        instrument(),
        &[
            member("1", "staff", one),
            member("2", "staff", none),
            member("3", "staff", none),
        ],
    );
    let d = team.domain(&domain("staff")).unwrap();
    assert_eq!(d.balance, Some(-100));
    assert_eq!(d.stage, Stage::NotAssessed);
    assert!(d.find_out);
    assert!(team.organization.lacking.contains(&domain("staff")));
}

/// The team ranking is by need too: a member with only facilitators in an
/// area lowers the team's need for it.
#[test]
fn the_team_ranking_is_by_need() {
    let i = instrument();
    let law: Vec<ItemId> = statements_of("law").iter().map(|s| s.id.clone()).collect();
    let barrier_on_law = move |s: &Statement| Some(toward(s, !law.contains(&s.id), true));
    let team = merge(
        i,
        &[
            member("1", "staff", barrier_on_law.clone()),
            member("2", "staff", barrier_on_law),
        ],
    );
    let first = &team.ta_areas[0];
    let solo = assess(i, &{
        let mut r = Responses::default();
        for s in i.statements() {
            r.set_statement(s.id.clone(), toward(s, s.domain.as_str() != "law", true));
        }
        r
    });
    assert_eq!(first.area, solo.ta_areas[0].area);
    assert_eq!(
        first.need, solo.ta_areas[0].need,
        "two identical members need what one does"
    );
    assert_eq!(first.points, 2 * solo.ta_areas[0].points);
}

// ---------------------------------------------------------------------------
// The comparison follows the same rules
// ---------------------------------------------------------------------------

#[test]
fn the_comparison_reads_organization_and_context() {
    let i = instrument();
    let mut before = hr_assessment::Record::new(i, "a".into(), "A".into(), "2026-03-01T09:00:00Z".into());
    for s in i.statements() {
        before.responses.set_statement(s.id.clone(), toward(s, false, true));
    }
    let mut after = before.clone();
    for s in i.statements().filter(|s| i.setting_of(s) == Setting::Organization) {
        after.responses.set_statement(s.id.clone(), toward(s, true, true));
    }
    let c = hr_assessment::compare::compare(i, &before, &after);
    assert_eq!(
        (c.organization_before, c.organization_after),
        (Stage::Barrier, Stage::Facilitator)
    );
    assert_eq!((c.context_before, c.context_after), (Stage::Barrier, Stage::Barrier));
    // A domain below the coverage threshold has no stage in a comparison either.
    let mut thin = before.clone();
    for s in statements_of("staff").iter().skip(1) {
        thin.responses.clear(&s.id);
    }
    let c = hr_assessment::compare::compare(i, &before, &thin);
    let staff = c.domains.iter().find(|d| d.domain == domain("staff")).unwrap();
    assert_eq!(staff.stage_after, Stage::NotAssessed);
    // The TA moves carry the need.
    assert!(c.continuing.iter().all(|m| m.need_after > 0));
    let _ = recommend::need(i, 1, 1);
}

// ---------------------------------------------------------------------------
// Probe 7: the status of the method, and the thresholds' rationale
// ---------------------------------------------------------------------------

/// The method page, the results and docs/scoring.md say what the method is
/// (not a validated instrument; built on the 2022 survey and on R=MC², ORIC
/// and CFIR) and why the stage thresholds sit where they do, in both
/// languages where the app shows it.
#[test]
fn the_method_says_what_it_is_in_both_languages() {
    let doc = include_str!("../../../docs/scoring.md");
    let method = include_str!("../../../src/ui/static_pages.rs");
    let results = &[
        include_str!("../../../src/ui/results/mod.rs"),
        include_str!("../../../src/ui/results/working.rs"),
    ]
    .concat();
    for (name, text) in [("docs/scoring.md", doc), ("method page", method), ("results", results)] {
        for needle in ["not a validated instrument", "R=MC²", "ORIC", "CFIR", "2022"] {
            assert!(text.contains(needle), "{name} says {needle:?}");
        }
    }
    for (name, text) in [("method page", method), ("results", results)] {
        assert!(
            text.contains("no es un instrumento validado"),
            "{name} says it in Spanish"
        );
    }
    assert!(doc.contains("a third of the range each"));
    assert!(method.contains("a third of the range each") && method.contains("un tercio del rango cada una"));
    assert!(results.contains("three nearly equal thirds") && results.contains("tres tercios casi iguales"));
    // The 201 whole balances −100..=+100 fall into three bands of 67 each.
    let t = &instrument().scoring;
    let band = |stage: Stage| (-100..=100).filter(|b| Stage::of_balance(Some(*b), t) == stage).count();
    assert_eq!(
        [band(Stage::Barrier), band(Stage::Mixed), band(Stage::Facilitator)],
        [67, 67, 67]
    );
}
