//! Recommendations: TA areas ranked by need (the strength-weighted share of
//! their evidence that is a barrier or unknown), "find out" suggestions for
//! domains without enough known answers, and modalities
//! ranked by the respondent's own choices and constraints. Deterministic:
//! the same answers always give the same list in the same order.

use crate::case::Case;
use crate::ids::*;
use crate::instrument::{Instrument, Question, Share};
use crate::lang::Lang;
use crate::responses::{Responses, ScaleAnswer};
use crate::scoring::{Class, DomainResult, ItemScore};
use serde::Serialize;
use std::cmp::Reverse;

/// One reason a TA area is recommended.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evidence {
    /// A statement answered on the barrier side, or "I don't know".
    Statement {
        item: ItemId,
        answer: ScaleAnswer,
        class: Class,
        /// 2 strong, 1 somewhat, 0 unknown.
        strength: u32,
        points: u32,
    },
    /// A service or partner the organization plans.
    Plan {
        question: ItemId,
        row: OptionId,
        points: u32,
    },
    /// A core service the organization neither provides nor plans.
    Missing {
        question: ItemId,
        row: OptionId,
        points: u32,
    },
    /// The respondent chose this area themselves.
    Chosen { points: u32 },
}

impl Evidence {
    pub fn points(&self) -> u32 {
        match self {
            Evidence::Statement { points, .. }
            | Evidence::Plan { points, .. }
            | Evidence::Missing { points, .. }
            | Evidence::Chosen { points } => *points,
        }
    }
}

/// A recommended TA area with everything that led to it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TaRecommendation {
    pub area: TaAreaId,
    /// The ranking: `points` as a whole percentage of `possible` ([`need`]).
    pub need: u32,
    pub points: u32,
    /// The most points the same observations could give: a strong barrier's
    /// worth for every answered statement mapped to the area (facilitators
    /// included) and the points of every other piece of evidence.
    pub possible: u32,
    /// Answered statements mapped to the area that are facilitators.
    pub facilitators: u32,
    /// Strongest first.
    pub evidence: Vec<Evidence>,
    /// National share wanting this area (n = 87), the tie-breaker.
    pub national: Option<u8>,
}

impl TaRecommendation {
    /// Barriers behind this area.
    pub fn barriers(&self) -> usize {
        self.evidence
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Evidence::Statement {
                        class: Class::Barrier,
                        ..
                    }
                )
            })
            .count()
    }

    /// "I don't know" answers behind this area.
    pub fn unknowns(&self) -> usize {
        self.evidence
            .iter()
            .filter(|e| {
                matches!(
                    e,
                    Evidence::Statement {
                        class: Class::Unknown,
                        ..
                    }
                )
            })
            .count()
    }
}

/// A domain without enough known answers for a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindOut {
    pub domain: DomainId,
    /// "I don't know" answers.
    pub unknowns: u32,
    /// Statements not answered at all.
    pub unanswered: u32,
    pub total: u32,
    /// The statements without a known answer ("I don't know" or
    /// unanswered), in page order.
    pub items: Vec<ItemId>,
}

/// Why a modality sits where it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModalityReason {
    /// In the respondent's own top three.
    Chosen,
    /// Suits a constraint the respondent named.
    Favoured { constraint: ConstraintId },
    /// Fits badly with a constraint the respondent named.
    Disfavoured { constraint: ConstraintId },
    /// Several domains are barriers: organization-wide change calls for it.
    WideChange { barrier_domains: u32 },
}

/// A modality in the ranked list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModalityRecommendation {
    pub modality: ModalityId,
    /// Fit from constraints and the wide-change rule (being chosen is not
    /// points: chosen modalities always rank first).
    pub points: i32,
    pub chosen: bool,
    pub reasons: Vec<ModalityReason>,
    /// National share choosing it in their top three.
    pub national: Option<Share>,
}

impl ModalityRecommendation {
    /// [`ModalityRecommendation::reason_line`] in a language. Constraint
    /// labels come from `instrument`: pass the instrument in the same
    /// language ([`Instrument::shipped_in`]).
    pub fn reason_line_in(&self, instrument: &Instrument, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        for r in &self.reasons {
            parts.push(match r {
                ModalityReason::Chosen => pick!(lang, "you put it in your top three", "usted eligió esta opción entre sus tres preferidas")
                    .to_owned(),
                ModalityReason::Favoured { constraint } => {
                    let constraint = constraint_label(instrument, constraint);
                    tr!(lang, "it suits you: {constraint}", "le conviene: {constraint}")
                }
                ModalityReason::Disfavoured { constraint } => {
                    let constraint = constraint_label(instrument, constraint);
                    tr!(lang, "less suitable: {constraint}", "le conviene menos: {constraint}")
                }
                ModalityReason::WideChange { barrier_domains: 1 } => pick!(lang, "1 domain is a barrier; in the LEARN HR learning collaborative, implementation coaching helped turn training into organizational change", "1 dominio es una barrera; en el aprendizaje colaborativo LEARN HR, el acompañamiento en la implementación ayudó a convertir la capacitación en cambios en la organización")
                    .to_owned(),
                ModalityReason::WideChange { barrier_domains } => tr!(
                    lang,
                    "{barrier_domains} domains are barriers; in the LEARN HR learning collaborative, implementation coaching helped turn training into organizational change",
                    "{barrier_domains} dominios son barreras; en el aprendizaje colaborativo LEARN HR, el acompañamiento en la implementación ayudó a convertir la capacitación en cambios en la organización"
                ),
            });
        }
        if let Some(national) = self.national {
            let (share, n) = (national.share, national.n);
            parts.push(tr!(
                lang,
                "{share}% of respondents nationally chose it (n = {n})",
                "a nivel nacional, el {share}% de las personas encuestadas eligió esta opción (n = {n})"
            ));
        }
        if parts.is_empty() {
            return pick!(
                lang,
                "No answer of yours points to or away from it.",
                "Ninguna de sus respuestas indica si esta opción le conviene más o menos."
            )
            .to_owned();
        }
        let mut line = parts.join("; ").upper_first();
        line.push('.');
        line
    }

    /// One line saying why, in plain words.
    pub fn reason_line(&self, instrument: &Instrument) -> String {
        self.reason_line_in(instrument, Lang::En)
    }
}

/// The constraint's label inside a sentence: only its first letter lowered.
fn constraint_label(instrument: &Instrument, id: &ConstraintId) -> String {
    let label = instrument
        .constraint(id)
        .map_or_else(|| id.to_string(), |c| c.label.clone());
    label.lower_first()
}

/// Points a scored statement adds to each of its TA areas (0 for a
/// facilitator).
pub fn statement_points(instrument: &Instrument, score: &ItemScore) -> u32 {
    let t = &instrument.scoring;
    match (score.class, score.strength()) {
        (Class::Facilitator, _) => 0,
        (Class::Unknown, _) => t.points_unknown,
        (Class::Barrier, 2) => t.points_strong_barrier,
        (Class::Barrier, _) => t.points_somewhat_barrier,
    }
}

/// TA areas with any evidence, ranked by need ([`TaRecommendation::need`]);
/// ties by national demand (areas without a national figure after those
/// with one); then the instrument's order. An area with many mapped
/// statements gains nothing from their number: uniform answers give every
/// area the same need.
pub fn ta_areas(instrument: &Instrument, responses: &Responses, domains: &[DomainResult]) -> Vec<TaRecommendation> {
    let mut recs: Vec<(usize, TaRecommendation)> = ta_scores(instrument, responses, domains)
        .into_iter()
        .enumerate()
        .filter(|(_, r)| r.points > 0)
        .collect();
    crate::sort::by_key(&mut recs, |(order, r)| {
        (Reverse(r.need), Reverse(r.national.map_or(-1, i32::from)), *order)
    });
    recs.into_iter().map(|(_, r)| r).collect()
}

/// Every TA area's points and need, in the instrument's order, including
/// areas without evidence (0 points).
pub fn ta_scores(instrument: &Instrument, responses: &Responses, domains: &[DomainResult]) -> Vec<TaRecommendation> {
    let t = &instrument.scoring;
    let chosen_areas = instrument
        .find_question(|q| matches!(q, Question::TaAreas(_)))
        .map(|q| responses.chosen(q.id()).to_vec())
        .unwrap_or_default();

    instrument
        .ta_areas
        .iter()
        .map(|area| {
            let mut evidence = Vec::new();
            let (mut possible, mut facilitators) = (0, 0);
            for score in domains.iter().flat_map(|d| &d.items) {
                let Some(statement) = instrument.statement(&score.item) else {
                    continue;
                };
                if !statement.ta.contains(&area.id) {
                    continue;
                }
                possible += t.points_strong_barrier;
                let points = statement_points(instrument, score);
                if points == 0 {
                    facilitators += 1;
                } else {
                    evidence.push(Evidence::Statement {
                        item: score.item.clone(),
                        answer: score.answer,
                        class: score.class,
                        strength: score.strength(),
                        points,
                    });
                }
            }
            for q in &instrument.questions {
                let Question::Grid(g) = q else { continue };
                let Some(plan) = &g.plan_column else { continue };
                let ticked = g
                    .rows
                    .iter()
                    .any(|r| g.columns.iter().any(|c| responses.cell(&g.id, &r.id, &c.id)));
                for row in g.rows.iter().filter(|r| r.ta.contains(&area.id)) {
                    let planned = responses.cell(&g.id, &row.id, plan);
                    let offered = g
                        .offer_column
                        .as_ref()
                        .is_some_and(|c| responses.cell(&g.id, &row.id, c));
                    if planned {
                        evidence.push(Evidence::Plan {
                            question: g.id.clone(),
                            row: row.id.clone(),
                            points: t.points_plan,
                        });
                    } else if ticked && !offered && g.core_rows.contains(&row.id) {
                        evidence.push(Evidence::Missing {
                            question: g.id.clone(),
                            row: row.id.clone(),
                            points: t.points_missing_service,
                        });
                    }
                }
            }
            if chosen_areas.iter().any(|o| o.as_str() == area.id.as_str()) {
                evidence.push(Evidence::Chosen {
                    points: t.points_chosen_area,
                });
            }
            // Strongest first; a stable sort keeps page order among equals.
            crate::sort::by_key(&mut evidence, |e| Reverse(e.points()));
            let points: u32 = evidence.iter().map(Evidence::points).sum();
            let others: u32 = evidence
                .iter()
                .filter(|e| !matches!(e, Evidence::Statement { .. }))
                .map(Evidence::points)
                .sum();
            let possible = possible + others;
            TaRecommendation {
                area: area.id.clone(),
                need: need(instrument, points, possible),
                points,
                possible,
                facilitators,
                evidence,
                national: area.national.map(|n| n.share),
            }
        })
        .collect()
}

/// Need in percent: `points` over `possible`, where `possible` counts at
/// least one strong barrier's worth, so that one small piece of evidence
/// alone (a plan, a pick) cannot make an area 100% needed.
pub fn need(instrument: &Instrument, points: u32, possible: u32) -> u32 {
    let possible = possible.max(instrument.scoring.points_strong_barrier);
    crate::scoring::div_round(100 * i64::from(points), i64::from(possible)) as u32
}

/// Domains without enough known answers for a stage, in page order: the
/// statements still to find out are those answered "I don't know" and those
/// not answered.
pub fn find_out(instrument: &Instrument, domains: &[DomainResult]) -> Vec<FindOut> {
    domains
        .iter()
        .filter(|d| d.find_out)
        .map(|d| FindOut {
            domain: d.domain.clone(),
            unknowns: d.unknowns,
            unanswered: d.total - d.answered(),
            total: d.total,
            items: instrument
                .statements_in(&d.domain)
                .filter(|s| {
                    d.items
                        .iter()
                        .find(|i| i.item == s.id)
                        .is_none_or(|i| i.class == Class::Unknown)
                })
                .map(|s| s.id.clone())
                .collect(),
        })
        .collect()
}

/// Every modality, ranked: the respondent's own top three first; within
/// them and among the rest, by points from their constraints and from how
/// many domains are barriers; ties by national preference, then the
/// instrument's order.
pub fn modalities(instrument: &Instrument, responses: &Responses, barrier_domains: u32) -> Vec<ModalityRecommendation> {
    let t = &instrument.scoring;
    let chosen = instrument
        .find_question(|q| matches!(q, Question::Modalities(_)))
        .map(|q| responses.chosen(q.id()).to_vec())
        .unwrap_or_default();
    let constraints = instrument
        .find_question(|q| matches!(q, Question::Constraints(_)))
        .map(|q| responses.chosen(q.id()).to_vec())
        .unwrap_or_default();
    let wide_change = barrier_domains >= t.wide_change_barrier_domains;

    let mut recs: Vec<(usize, ModalityRecommendation)> = instrument
        .modalities
        .iter()
        .enumerate()
        .map(|(order, m)| {
            let mut points = 0;
            let mut reasons = Vec::new();
            let is_chosen = chosen.iter().any(|o| o.as_str() == m.id.as_str());
            if is_chosen {
                reasons.push(ModalityReason::Chosen);
            }
            for c in instrument
                .constraints
                .iter()
                .filter(|c| constraints.iter().any(|o| o.as_str() == c.id.as_str()))
            {
                if c.favours.contains(&m.id) {
                    points += t.modality_favoured;
                    reasons.push(ModalityReason::Favoured {
                        constraint: c.id.clone(),
                    });
                }
                if c.disfavours.contains(&m.id) {
                    points += t.modality_disfavoured;
                    reasons.push(ModalityReason::Disfavoured {
                        constraint: c.id.clone(),
                    });
                }
            }
            if wide_change && m.for_wide_change {
                points += t.modality_favoured;
                reasons.push(ModalityReason::WideChange { barrier_domains });
            }
            (
                order,
                ModalityRecommendation {
                    modality: m.id.clone(),
                    points,
                    chosen: is_chosen,
                    reasons,
                    national: m.national,
                },
            )
        })
        .collect();
    crate::sort::by_key(&mut recs, |(order, r)| {
        (
            Reverse(r.chosen),
            Reverse(r.points),
            Reverse(r.national.map_or(-1, |n| i32::from(n.share))),
            *order,
        )
    });
    recs.into_iter().map(|(_, r)| r).collect()
}
