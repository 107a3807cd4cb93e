//! Scoring: each answer a facilitator, a barrier or unknown; per domain the
//! counts, a balance from −100 to +100 and coverage; overall an average and a
//! weakest-link reading. `docs/scoring.md` explains the method for people; a
//! test writes its tables and numbers from this code.

use crate::ids::*;
use crate::instrument::{Instrument, Polarity, Setting, Statement, Thresholds};
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
        match self {
            Class::Facilitator => pick!(lang, "Facilitator", "Facilitador"),
            Class::Barrier => pick!(lang, "Barrier", "Barrera"),
            Class::Unknown => pick!(lang, "Unknown", "Por averiguar"),
        }
    }

    pub fn label(self) -> &'static str {
        self.label_in(crate::Lang::En)
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
    /// Not enough known answers to say (fewer than the instrument's
    /// `known_for_stage_percent` of the statements): find out first.
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
        match self {
            Stage::NotAssessed => pick!(lang, "Not enough answers", "Respuestas insuficientes"),
            Stage::Barrier => pick!(lang, "Barrier", "Barrera"),
            Stage::Mixed => pick!(lang, "Mixed", "Mixto"),
            Stage::Facilitator => pick!(lang, "Facilitator", "Facilitador"),
        }
    }

    pub fn label(self) -> &'static str {
        self.label_in(crate::Lang::En)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NotAssessed => "not_assessed",
            Stage::Barrier => "barrier",
            Stage::Mixed => "mixed",
            Stage::Facilitator => "facilitator",
        }
    }

    /// The stage of a balance over `known` answers of `total` statements:
    /// none without enough known answers ([`enough_known`]).
    pub fn of(balance: Option<i32>, known: u32, total: u32, t: &Thresholds) -> Stage {
        if enough_known(known, total, t) {
            Stage::of_balance(balance, t)
        } else {
            Stage::NotAssessed
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

/// Whether `known` answers of `total` statements are enough for a stage:
/// at least the instrument's `known_for_stage_percent` of them.
pub fn enough_known(known: u32, total: u32, t: &Thresholds) -> bool {
    total > 0 && 100 * known >= t.known_for_stage_percent * total
}

/// One domain's counts, balance, coverage and the answers behind them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DomainResult {
    pub domain: DomainId,
    /// The domain's own setting (a statement may differ; see [`Overall`]).
    pub setting: Setting,
    /// Statements in the domain.
    pub total: u32,
    pub facilitators: u32,
    pub barriers: u32,
    pub unknowns: u32,
    /// Sum of the signed scores of the known answers.
    pub sum: i32,
    /// −100..=100 over the known answers; `None` when none is known. Shown
    /// as working even when there are too few known answers for a stage.
    pub balance: Option<i32>,
    /// Percent of the domain's statements answered (including "I don't know").
    pub coverage: u32,
    /// `NotAssessed` unless enough statements have a known answer.
    pub stage: Stage,
    /// Too few known answers for a stage (unanswered and "I don't know"
    /// statements both count): find out before deciding.
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

/// One domain's statements of one setting (a whole domain, or the part of
/// a mixed one), read like a domain: counts, balance, stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    pub domain: DomainId,
    /// Statements (for a team: statements × members).
    pub total: u32,
    pub facilitators: u32,
    pub barriers: u32,
    pub unknowns: u32,
    pub sum: i32,
    pub balance: Option<i32>,
    /// `NotAssessed` without enough known answers.
    pub stage: Stage,
}

impl Part {
    pub fn known(&self) -> u32 {
        self.facilitators + self.barriers
    }
}

/// The organization's readiness, or its context: the weakest link among
/// the parts of its setting that have enough known answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reading {
    pub setting: Setting,
    /// The weakest part's stage; `NotAssessed` when no part has enough answers.
    pub stage: Stage,
    /// Lowest balance among the parts with a stage; on a tie, more
    /// barriers; then page order.
    pub weakest: Option<DomainId>,
    /// Every domain with statements of this setting, in page order.
    pub parts: Vec<Part>,
    /// Parts without enough known answers to say, in page order.
    pub lacking: Vec<DomainId>,
    /// Parts whose stage is Barrier, in page order.
    pub barriers: Vec<DomainId>,
}

impl Reading {
    /// The reading of a setting's parts.
    pub fn of_parts(setting: Setting, parts: Vec<Part>) -> Reading {
        let weakest = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.stage != Stage::NotAssessed)
            .min_by_key(|(i, p)| (p.balance, std::cmp::Reverse(p.barriers), *i))
            .map(|(_, p)| p);
        let ids = |stage: Stage| {
            parts
                .iter()
                .filter(|p| p.stage == stage)
                .map(|p| p.domain.clone())
                .collect()
        };
        Reading {
            setting,
            stage: weakest.map_or(Stage::NotAssessed, |p| p.stage),
            weakest: weakest.map(|p| p.domain.clone()),
            lacking: ids(Stage::NotAssessed),
            barriers: ids(Stage::Barrier),
            parts,
        }
    }

    pub fn part(&self, domain: &DomainId) -> Option<&Part> {
        self.parts.iter().find(|p| &p.domain == domain)
    }
}

/// The two readings, organization and context, from a tally of each
/// statement: (facilitators, barriers, unknowns, sum of signed scores,
/// cells), where cells is 1 for one respondent and the number of members
/// for a team.
pub fn readings(instrument: &Instrument, tally: impl Fn(&Statement) -> (u32, u32, u32, i32, u32)) -> [Reading; 2] {
    let t = &instrument.scoring;
    Setting::ALL.map(|setting| {
        let parts = instrument
            .domains
            .iter()
            .filter_map(|d| {
                let mut part = Part {
                    domain: d.id.clone(),
                    total: 0,
                    facilitators: 0,
                    barriers: 0,
                    unknowns: 0,
                    sum: 0,
                    balance: None,
                    stage: Stage::NotAssessed,
                };
                let mut any = false;
                for s in instrument
                    .statements_in(&d.id)
                    .filter(|s| instrument.setting_of(s) == setting)
                {
                    let (f, b, u, sum, cells) = tally(s);
                    any = true;
                    part.facilitators += f;
                    part.barriers += b;
                    part.unknowns += u;
                    part.sum += sum;
                    part.total += cells;
                }
                part.balance = balance(part.sum, part.known());
                part.stage = Stage::of(part.balance, part.known(), part.total, t);
                any.then_some(part)
            })
            .collect();
        Reading::of_parts(setting, parts)
    })
}

/// The organization-wide reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overall {
    /// Mean of the assessed domains' balances; `None` when none is assessed.
    pub average: Option<i32>,
    /// The organization's own weakest link (the same as
    /// `organization.weakest`): what holds the organization back most.
    pub weakest: Option<DomainId>,
    /// The organization's own readiness (`organization.stage`): only as
    /// strong as its weakest link. Its context is read apart.
    pub stage: Stage,
    /// The stage the average alone would give.
    pub average_stage: Stage,
    /// Domains with a stage (enough known answers).
    pub assessed: u32,
    /// Domains without enough known answers to say, in page order.
    pub lacking: Vec<DomainId>,
    /// The organization itself: leaders, staff, own policies, own resources.
    pub organization: Reading,
    /// Its context: law, community, payers, health agencies.
    pub context: Reading,
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

pub use crate::numbers::div_round;

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
            let find_out = !enough_known(facilitators + barriers, total, t);
            DomainResult {
                domain: d.id.clone(),
                setting: d.setting,
                total,
                facilitators,
                barriers,
                unknowns,
                sum,
                balance,
                coverage,
                stage: Stage::of(balance, facilitators + barriers, total, t),
                find_out,
                items,
            }
        })
        .collect()
}

/// The organization-wide reading from the domain results.
pub fn overall(instrument: &Instrument, domains: &[DomainResult]) -> Overall {
    let assessed: Vec<&DomainResult> = domains.iter().filter(|d| d.stage != Stage::NotAssessed).collect();
    let average = (!assessed.is_empty()).then(|| {
        let sum: i64 = assessed.iter().filter_map(|d| d.balance).map(i64::from).sum();
        div_round(sum, assessed.len() as i64) as i32
    });
    let item = |s: &Statement| domains.iter().flat_map(|d| &d.items).find(|i| i.item == s.id);
    let [organization, context] = readings(instrument, |s| match item(s) {
        None => (0, 0, 0, 0, 1),
        Some(i) => (
            u32::from(i.class == Class::Facilitator),
            u32::from(i.class == Class::Barrier),
            u32::from(i.class == Class::Unknown),
            i.score,
            1,
        ),
    });
    let t = &instrument.scoring;
    Overall {
        average,
        weakest: organization.weakest.clone(),
        stage: organization.stage,
        average_stage: Stage::of_balance(average, t),
        assessed: assessed.len() as u32,
        lacking: domains
            .iter()
            .filter(|d| d.stage == Stage::NotAssessed)
            .map(|d| d.domain.clone())
            .collect(),
        organization,
        context,
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
