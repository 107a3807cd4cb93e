//! Merging the members' answers into a [`TeamReport`], and the order
//! consensus mode walks the statements in.

use super::{
    role_options, AnswerCounts, GroupStat, Member, RoleCount, RoleGap, TeamDomain, TeamReport, TeamStatement, TeamTa,
    GAP_ROLES, ROLE_GAP_MIN_MEMBERS, ROLE_GAP_THRESHOLD,
};
use crate::ids::*;
use crate::instrument::Instrument;
use crate::numbers::percent;
use crate::recommend;
use crate::scoring::{self, div_round, score_answer, Class, Stage};
use std::cmp::Reverse;

/// values, their sum and the sum of their squares — exactly, in integers:
/// 100 × SD = √(10 000 × (n Σx² − (Σx)²)) ÷ n.
fn spread_hundredths(n: u32, sum: i64, squares: i64) -> u32 {
    let n = i128::from(n);
    let v = (n * i128::from(squares) - i128::from(sum) * i128::from(sum)).max(0);
    // m = ⌊2 × 100 × SD⌋, then ⌊100 × SD + ½⌋ = ⌊(m + 1) ÷ 2⌋ = ⌈m ÷ 2⌉.
    let m = ((40_000 * v / (n * n)) as u64).isqrt();
    m.div_ceil(2) as u32
}

/// Merges the members' answers. Deterministic and exact: members are taken
/// in the order given, statements in page order.
pub fn merge(instrument: &Instrument, members: &[Member]) -> TeamReport {
    let options = role_options(instrument);
    let role_of: Vec<Option<usize>> = members
        .iter()
        .map(|m| m.role.as_ref().and_then(|r| options.iter().position(|o| o == r)))
        .collect();
    let mut roles: Vec<RoleCount> = options
        .iter()
        .map(|o| RoleCount {
            role: Some(o.clone()),
            members: 0,
        })
        .collect();
    let mut no_role = 0;
    for r in &role_of {
        match r {
            Some(k) => roles[*k].members += 1,
            None => no_role += 1,
        }
    }
    roles.push(RoleCount {
        role: None,
        members: no_role,
    });

    let statements: Vec<TeamStatement> = instrument
        .statements()
        .map(|s| {
            let mut counts = AnswerCounts::default();
            let (mut facilitators, mut barriers) = (0u32, 0u32);
            let (mut sum, mut squares) = (0i64, 0i64);
            let mut groups: Vec<GroupStat> = options
                .iter()
                .map(|o| GroupStat {
                    role: o.clone(),
                    n: 0,
                    unknowns: 0,
                    sum: 0,
                    mean: None,
                    for_gaps: GAP_ROLES.contains(&o.as_str()),
                })
                .collect();
            for (m, role) in members.iter().zip(&role_of) {
                let answer = m.responses.statement(&s.id);
                counts.add(answer);
                let Some(answer) = answer else { continue };
                let (class, score) = score_answer(answer, s.polarity);
                let group = role.map(|k| &mut groups[k]);
                match class {
                    Class::Unknown => {
                        if let Some(g) = group {
                            g.unknowns += 1;
                        }
                    }
                    Class::Facilitator | Class::Barrier => {
                        if class == Class::Facilitator {
                            facilitators += 1;
                        } else {
                            barriers += 1;
                        }
                        sum += i64::from(score);
                        squares += i64::from(score * score);
                        if let Some(g) = group {
                            g.n += 1;
                            g.sum += score;
                        }
                    }
                }
            }
            for g in &mut groups {
                g.mean = (g.n > 0).then(|| div_round(100 * i64::from(g.sum), i64::from(g.n)) as i32);
            }
            let known = facilitators + barriers;
            let (gaps, single_views) = role_gaps(&groups);
            TeamStatement {
                item: s.id.clone(),
                domain: s.domain.clone(),
                polarity: s.polarity,
                counts,
                facilitators,
                barriers,
                sum: sum as i32,
                mean: (known > 0).then(|| div_round(100 * sum, i64::from(known)) as i32),
                majority: match facilitators.cmp(&barriers) {
                    std::cmp::Ordering::Greater => Some(Class::Facilitator),
                    std::cmp::Ordering::Less => Some(Class::Barrier),
                    std::cmp::Ordering::Equal => None,
                },
                agreement: (known >= 2).then(|| percent(facilitators.max(barriers), known)),
                spread: (known >= 2).then(|| spread_hundredths(known, sum, squares)),
                groups,
                gaps,
                single_views,
            }
        })
        .collect();

    let team_size = members.len() as u32;
    let t = &instrument.scoring;
    let domains = instrument
        .domains
        .iter()
        .map(|d| {
            let mine: Vec<&TeamStatement> = statements.iter().filter(|s| s.domain == d.id).collect();
            let statements_in = mine.len() as u32;
            let add = |f: fn(&TeamStatement) -> u32| mine.iter().map(|s| f(s)).sum::<u32>();
            let facilitators = add(|s| s.facilitators);
            let barriers = add(|s| s.barriers);
            let unknowns = add(|s| s.counts.dont_know);
            let unanswered = add(|s| s.counts.unanswered);
            let sum: i32 = mine.iter().map(|s| s.sum).sum();
            let cells = statements_in * team_size;
            let balance = scoring::balance(sum, facilitators + barriers);
            TeamDomain {
                domain: d.id.clone(),
                statements: statements_in,
                members: team_size,
                facilitators,
                barriers,
                unknowns,
                unanswered,
                sum,
                balance,
                coverage: percent(facilitators + barriers + unknowns, cells),
                stage: Stage::of(balance, facilitators + barriers, cells, t),
                find_out: !scoring::enough_known(facilitators + barriers, cells, t),
            }
        })
        .collect();
    let [organization, context] = scoring::readings(instrument, |st| {
        statements
            .iter()
            .find(|s| s.item == st.id)
            .map_or((0, 0, 0, 0, team_size), |s| {
                (s.facilitators, s.barriers, s.counts.dont_know, s.sum, team_size)
            })
    });
    let agreements: Vec<u32> = statements.iter().filter_map(|s| s.agreement).collect();
    let agreement_statements = agreements.len() as u32;
    let agreement = (agreement_statements > 0).then(|| {
        div_round(
            agreements.iter().map(|a| i64::from(*a)).sum(),
            i64::from(agreement_statements),
        ) as u32
    });

    TeamReport {
        instrument_version: instrument.version.clone(),
        members: team_size,
        roles,
        statements,
        agreement,
        agreement_statements,
        domains,
        organization,
        context,
        ta_areas: team_ta_areas(instrument, members),
    }
}

/// Every pair of gap groups, both with a mean, whose means differ by at
/// least [`ROLE_GAP_THRESHOLD`]; widest first, then pair order. The first
/// list has both sides with at least [`ROLE_GAP_MIN_MEMBERS`] known
/// answers; the second the rest (one person's view).
fn role_gaps(groups: &[GroupStat]) -> (Vec<RoleGap>, Vec<RoleGap>) {
    let candidates: Vec<(&GroupStat, i32)> = groups
        .iter()
        .filter(|g| g.for_gaps)
        .filter_map(|g| g.mean.map(|m| (g, m)))
        .collect();
    let mut gaps = Vec::new();
    for (k, (a, ma)) in candidates.iter().enumerate() {
        for (b, mb) in &candidates[k + 1..] {
            let difference = (ma - mb).abs();
            if difference >= ROLE_GAP_THRESHOLD {
                let ((higher, higher_mean), (lower, lower_mean)) = if ma >= mb {
                    ((a, *ma), (b, *mb))
                } else {
                    ((b, *mb), (a, *ma))
                };
                gaps.push(RoleGap {
                    higher: higher.role.clone(),
                    lower: lower.role.clone(),
                    higher_mean,
                    lower_mean,
                    difference,
                });
            }
        }
    }
    crate::sort::by_key(&mut gaps, |g| Reverse(g.difference));
    let n = |role: &OptionId| groups.iter().find(|g| &g.role == role).map_or(0, |g| g.n);
    gaps.into_iter()
        .partition(|g| n(&g.higher) >= ROLE_GAP_MIN_MEMBERS && n(&g.lower) >= ROLE_GAP_MIN_MEMBERS)
}

/// Each member's own TA ranking ([`recommend::ta_areas`]), summed per
/// area: the team's need is the summed points over the summed possible.
fn team_ta_areas(instrument: &Instrument, members: &[Member]) -> Vec<TeamTa> {
    let mut totals: Vec<(u32, u32)> = vec![(0, 0); instrument.ta_areas.len()];
    let mut possible: Vec<u32> = vec![0; instrument.ta_areas.len()];
    for m in members {
        let domains = scoring::domain_results(instrument, &m.responses);
        for (k, rec) in recommend::ta_scores(instrument, &m.responses, &domains)
            .into_iter()
            .enumerate()
        {
            totals[k].0 += rec.points;
            totals[k].1 += u32::from(rec.points > 0);
            possible[k] += rec.possible;
        }
    }
    let mut ranked: Vec<(usize, TeamTa)> = instrument
        .ta_areas
        .iter()
        .zip(totals)
        .zip(possible)
        .enumerate()
        .filter(|(_, ((_, (points, _)), _))| *points > 0)
        .map(|(order, ((area, (points, members)), possible))| {
            (
                order,
                TeamTa {
                    area: area.id.clone(),
                    need: recommend::need(instrument, points, possible),
                    points,
                    possible,
                    members,
                    national: area.national.map(|n| n.share),
                },
            )
        })
        .collect();
    crate::sort::by_key(&mut ranked, |(order, t)| {
        (Reverse(t.need), Reverse(t.national.map_or(-1, i32::from)), *order)
    });
    ranked.into_iter().map(|(_, t)| t).collect()
}

/// The order consensus mode walks the statements in: widest disagreement
/// first. Statements with an agreement figure come first, lowest agreement
/// first, then largest spread, then page order; then statements with one
/// known answer; then those with none (each in page order).
pub fn disagreement_order(report: &TeamReport) -> Vec<ItemId> {
    let mut keyed: Vec<(u8, u32, Reverse<u32>, usize, &ItemId)> = report
        .statements
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let tier = match (s.agreement, s.known()) {
                (Some(_), _) => 0,
                (None, 1) => 1,
                (None, _) => 2,
            };
            (
                tier,
                s.agreement.unwrap_or(0),
                Reverse(s.spread.unwrap_or(0)),
                k,
                &s.item,
            )
        })
        .collect();
    crate::sort::ascending(&mut keyed);
    keyed.into_iter().map(|(.., id)| id.clone()).collect()
}
