//! Scoring: each answer a facilitator, a barrier or unknown; per domain the
//! counts, a balance from −100 to +100 and coverage; overall an average and a
//! weakest-link reading. `docs/scoring.md` explains the method for people; a
//! test checks its worked example against this code.

use crate::ids::*;
use crate::instrument::{Instrument, Polarity, Thresholds};
use crate::responses::{Responses, ScaleAnswer};
use serde::Serialize;

/// What one answer says about readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// On the side of readiness.
    Facilitator,
    /// Holding the organization back.
    Barrier,
    /// "I don't know": a finding of its own, never counted as a barrier.
    Unknown,
}

impl Class {
    /// The label in a language.
    pub fn label_in(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.label(),
            crate::Lang::Es => match self {
                Class::Facilitator => "Facilitador",
                Class::Barrier => "Barrera",
                Class::Unknown => "Por averiguar",
            },
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Class::Facilitator => "Facilitator",
            Class::Barrier => "Barrier",
            Class::Unknown => "Unknown",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Facilitator => "facilitator",
            Class::Barrier => "barrier",
            Class::Unknown => "unknown",
        }
    }
}

/// The one place answers become scores. Returns the class and the signed
/// strength: strongly = 2, somewhat = 1, positive for a facilitator,
/// negative for a barrier, 0 for "I don't know".
pub fn score_answer(answer: ScaleAnswer, polarity: Polarity) -> (Class, i32) {
    let agree_side = match answer {
        ScaleAnswer::StronglyAgree => 2,
        ScaleAnswer::SomewhatAgree => 1,
        ScaleAnswer::SomewhatDisagree => -1,
        ScaleAnswer::StronglyDisagree => -2,
        ScaleAnswer::DontKnow => return (Class::Unknown, 0),
    };
    let signed = match polarity {
        Polarity::Positive => agree_side,
        Polarity::Negative => -agree_side,
    };
    let class = if signed > 0 { Class::Facilitator } else { Class::Barrier };
    (class, signed)
}

/// One answered statement with its working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemScore {
    pub item: ItemId,
    pub domain: DomainId,
    pub answer: ScaleAnswer,
    pub polarity: Polarity,
    pub class: Class,
    /// −2..=2; 0 for unknown.
    pub score: i32,
}

impl ItemScore {
    /// 2 for a strong answer, 1 for a somewhat answer, 0 for unknown.
    pub fn strength(&self) -> u32 {
        self.score.unsigned_abs()
    }
}

/// A domain's (or the whole organization's) reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No known answers: nothing to read yet.
    NotAssessed,
    /// Balance at or below `barrier_to`.
    Barrier,
    /// Between the two thresholds.
    Mixed,
    /// Balance at or above `facilitator_from`.
    Facilitator,
}

impl Stage {
    /// The label in a language.
    pub fn label_in(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.label(),
            crate::Lang::Es => match self {
                Stage::NotAssessed => "Sin evaluar",
                Stage::Barrier => "Barrera",
                Stage::Mixed => "Mixto",
                Stage::Facilitator => "Facilitador",
            },
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::NotAssessed => "Not assessed",
            Stage::Barrier => "Barrier",
            Stage::Mixed => "Mixed",
            Stage::Facilitator => "Facilitator",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NotAssessed => "not_assessed",
            Stage::Barrier => "barrier",
            Stage::Mixed => "mixed",
            Stage::Facilitator => "facilitator",
        }
    }

    /// The stage a balance falls in under the given thresholds.
    pub fn of_balance(balance: Option<i32>, t: &Thresholds) -> Stage {
        match balance {
            None => Stage::NotAssessed,
            Some(b) if b >= t.facilitator_from => Stage::Facilitator,
            Some(b) if b <= t.barrier_to => Stage::Barrier,
            Some(_) => Stage::Mixed,
        }
    }
}

/// One domain's counts, balance, coverage and the answers behind them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DomainResult {
    pub domain: DomainId,
    /// Statements in the domain.
    pub total: u32,
    pub facilitators: u32,
    pub barriers: u32,
    pub unknowns: u32,
    /// Sum of the signed scores of the known answers.
    pub sum: i32,
    /// −100..=100 over the known answers; `None` when none is known.
    pub balance: Option<i32>,
    /// Percent of the domain's statements answered (including "I don't know").
    pub coverage: u32,
    pub stage: Stage,
    /// Most of the domain is "I don't know": find out before deciding.
    pub find_out: bool,
    /// The answered statements, in page order.
    pub items: Vec<ItemScore>,
}

impl DomainResult {
    pub fn answered(&self) -> u32 {
        self.facilitators + self.barriers + self.unknowns
    }

    pub fn known(&self) -> u32 {
        self.facilitators + self.barriers
    }
}

/// The organization-wide reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overall {
    /// Mean of the assessed domains' balances; `None` when none is assessed.
    pub average: Option<i32>,
    /// The domain holding the organization back most.
    pub weakest: Option<DomainId>,
    /// The weakest domain's stage: readiness is only as strong as its
    /// weakest link.
    pub stage: Stage,
    /// The stage the average alone would give.
    pub average_stage: Stage,
    /// Domains with at least one known answer.
    pub assessed: u32,
    /// Domains whose stage is Barrier, in page order.
    pub barrier_domains: Vec<DomainId>,
    pub facilitators: u32,
    pub barriers: u32,
    pub unknowns: u32,
    /// Statements in the instrument.
    pub statements: u32,
}

/// Scores every answered statement, in page order.
pub fn item_scores(instrument: &Instrument, responses: &Responses) -> Vec<ItemScore> {
    instrument
        .statements()
        .filter_map(|s| {
            let answer = responses.statement(&s.id)?;
            let (class, score) = score_answer(answer, s.polarity);
            Some(ItemScore {
                item: s.id.clone(),
                domain: s.domain.clone(),
                answer,
                polarity: s.polarity,
                class,
                score,
            })
        })
        .collect()
}

/// `num / den` rounded to the nearest integer, halves away from zero.
/// Integer arithmetic so results are exact and the same on every machine.
pub fn div_round(num: i64, den: i64) -> i64 {
    debug_assert!(den > 0);
    let sign = if num < 0 { -1 } else { 1 };
    (2 * num + sign * den) / (2 * den)
}

/// Balance of a sum of signed scores over `known` answers:
/// 100 × sum ÷ (2 × known), rounded.
pub fn balance(sum: i32, known: u32) -> Option<i32> {
    (known > 0).then(|| div_round(100 * i64::from(sum), 2 * i64::from(known)) as i32)
}

/// Scores every domain, in the instrument's order.
pub fn domain_results(instrument: &Instrument, responses: &Responses) -> Vec<DomainResult> {
    let scores = item_scores(instrument, responses);
    let t = &instrument.scoring;
    instrument
        .domains
        .iter()
        .map(|d| {
            let items: Vec<ItemScore> = scores.iter().filter(|s| s.domain == d.id).cloned().collect();
            let total = instrument.statements_in(&d.id).count() as u32;
            let count = |c: Class| items.iter().filter(|s| s.class == c).count() as u32;
            let (facilitators, barriers, unknowns) =
                (count(Class::Facilitator), count(Class::Barrier), count(Class::Unknown));
            let sum = items.iter().map(|s| s.score).sum();
            let balance = balance(sum, facilitators + barriers);
            let answered = facilitators + barriers + unknowns;
            let coverage = if total == 0 {
                0
            } else {
                div_round(100 * i64::from(answered), i64::from(total)) as u32
            };
            let find_out = total > 0 && 100 * unknowns >= t.find_out_from_percent * total;
            DomainResult {
                domain: d.id.clone(),
                total,
                facilitators,
                barriers,
                unknowns,
                sum,
                balance,
                coverage,
                stage: Stage::of_balance(balance, t),
                find_out,
                items,
            }
        })
        .collect()
}

/// The organization-wide reading from the domain results.
pub fn overall(instrument: &Instrument, domains: &[DomainResult]) -> Overall {
    let assessed: Vec<&DomainResult> = domains.iter().filter(|d| d.balance.is_some()).collect();
    let average = (!assessed.is_empty()).then(|| {
        let sum: i64 = assessed.iter().filter_map(|d| d.balance).map(i64::from).sum();
        div_round(sum, assessed.len() as i64) as i32
    });
    // Lowest balance; on a tie, more barriers; then page order.
    let weakest = assessed
        .iter()
        .enumerate()
        .min_by_key(|(i, d)| (d.balance, std::cmp::Reverse(d.barriers), *i))
        .map(|(_, d)| *d);
    let t = &instrument.scoring;
    Overall {
        average,
        weakest: weakest.map(|d| d.domain.clone()),
        stage: weakest.map_or(Stage::NotAssessed, |d| d.stage),
        average_stage: Stage::of_balance(average, t),
        assessed: assessed.len() as u32,
        barrier_domains: domains
            .iter()
            .filter(|d| d.stage == Stage::Barrier)
            .map(|d| d.domain.clone())
            .collect(),
        facilitators: domains.iter().map(|d| d.facilitators).sum(),
        barriers: domains.iter().map(|d| d.barriers).sum(),
        unknowns: domains.iter().map(|d| d.unknowns).sum(),
        statements: domains.iter().map(|d| d.total).sum(),
    }
}
