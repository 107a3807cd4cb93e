//! Re-assessment over time: the same organization assessed twice, side by
//! side. Both assessments are scored with the same (current) instrument, so
//! every difference comes from the answers. `docs/team.md` states the rules.
//!
//! ```
//! use hr_assessment::compare::{compare, Direction};
//! use hr_assessment::{Instrument, ItemId, Record, ScaleAnswer, Shipped};
//!
//! let instrument = Instrument::shipped();
//! let mut before = Record::new(instrument, "a".into(), "March".into(), "2026-03-01T09:00:00Z".into());
//! before.responses.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::StronglyDisagree);
//! let mut after = before.clone();
//! after.responses.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::SomewhatAgree);
//!
//! let c = compare(instrument, &before, &after);
//! assert_eq!(c.statements[0].direction, Direction::Better);
//! assert_eq!(c.statements[0].change, 3); // −2 → +1
//! assert_eq!(c.resolved[0].area.as_str(), "funding");
//! ```

use crate::ids::*;
use crate::instrument::Instrument;
use crate::recommend::{self, TaRecommendation};
use crate::record::Record;
use crate::responses::{Responses, ScaleAnswer};
use crate::scoring::{self, score_answer, Class, DomainResult, Stage};
use serde::Serialize;
use std::cmp::Reverse;

/// One domain, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DomainChange {
    pub domain: DomainId,
    pub before: Option<i32>,
    pub after: Option<i32>,
    /// `after − before`, when both have a balance.
    pub change: Option<i32>,
    pub stage_before: Stage,
    pub stage_after: Stage,
}

/// Which way a statement moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Known both times, with a higher score after.
    Better,
    /// Known both times, with a lower score after.
    Worse,
    /// "I don't know" or blank before, a facilitator or barrier after.
    NowKnown,
    /// A facilitator or barrier before, "I don't know" or blank after.
    NowUnknown,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::NowKnown => "now_known",
            Direction::NowUnknown => "now_unknown",
        }
    }

    /// The label in a language.
    pub fn label_in(self, lang: crate::Lang) -> &'static str {
        match self {
            Direction::Better => pick!(lang, "Better", "Mejor"),
            Direction::Worse => pick!(lang, "Worse", "Peor"),
            Direction::NowKnown => pick!(lang, "Now known", "Ahora se sabe"),
            Direction::NowUnknown => pick!(lang, "Now unknown", "Ahora no se sabe"),
        }
    }

    pub fn label(self) -> &'static str {
        self.label_in(crate::Lang::En)
    }
}

/// A statement whose answer changed in a way that matters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementChange {
    pub item: ItemId,
    pub domain: DomainId,
    pub answer_before: Option<ScaleAnswer>,
    pub answer_after: Option<ScaleAnswer>,
    /// `None` when unanswered.
    pub class_before: Option<Class>,
    pub class_after: Option<Class>,
    /// Signed scores, "I don't know" and blank counting 0.
    pub score_before: i32,
    pub score_after: i32,
    /// `score_after − score_before`.
    pub change: i32,
    pub direction: Direction,
}

/// A TA area in either ranking; 0 points where it is absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaMove {
    pub area: TaAreaId,
    pub points_before: u32,
    pub points_after: u32,
    /// Need in percent ([`recommend::need`]), 0 where absent.
    pub need_before: u32,
    pub need_after: u32,
}

/// Two assessments side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The questionnaire versions the two were answered with; both are
    /// scored with the current instrument.
    pub version_before: String,
    pub version_after: String,
    /// The organization's own readiness before and after (weakest link).
    pub organization_before: Stage,
    pub organization_after: Stage,
    /// Its context before and after.
    pub context_before: Stage,
    pub context_after: Stage,
    /// Every domain, in the instrument's order.
    pub domains: Vec<DomainChange>,
    /// Statements that moved: biggest |change| first, then page order.
    pub statements: Vec<StatementChange>,
    /// In the ranking before, absent after; in the order of the ranking before.
    pub resolved: Vec<TaMove>,
    /// Absent before, in the ranking after; in the order of the ranking after.
    pub new: Vec<TaMove>,
    /// In both rankings; in the order of the ranking after.
    pub continuing: Vec<TaMove>,
}

fn ta(instrument: &Instrument, responses: &Responses, domains: &[DomainResult]) -> Vec<TaRecommendation> {
    recommend::ta_areas(instrument, responses, domains)
}

fn points(list: &[TaRecommendation], area: &TaAreaId) -> Option<u32> {
    list.iter().find(|r| &r.area == area).map(|r| r.points)
}

fn need(list: &[TaRecommendation], area: &TaAreaId) -> u32 {
    list.iter().find(|r| &r.area == area).map_or(0, |r| r.need)
}

/// Compares two assessments of the same organization.
pub fn compare(instrument: &Instrument, before: &Record, after: &Record) -> Comparison {
    let (rb, ra) = (&before.responses, &after.responses);
    let (db, da) = (
        scoring::domain_results(instrument, rb),
        scoring::domain_results(instrument, ra),
    );
    let domains = db
        .iter()
        .zip(&da)
        .map(|(b, a)| DomainChange {
            domain: b.domain.clone(),
            before: b.balance,
            after: a.balance,
            change: b.balance.zip(a.balance).map(|(b, a)| a - b),
            stage_before: b.stage,
            stage_after: a.stage,
        })
        .collect();

    let mut statements: Vec<(usize, StatementChange)> = instrument
        .statements()
        .enumerate()
        .filter_map(|(k, s)| {
            let (answer_before, answer_after) = (rb.statement(&s.id), ra.statement(&s.id));
            let scored = |a: Option<ScaleAnswer>| a.map(|a| score_answer(a, s.polarity));
            let (b, a) = (scored(answer_before), scored(answer_after));
            let known = |x: Option<(Class, i32)>| x.is_some_and(|(c, _)| c != Class::Unknown);
            let score = |x: Option<(Class, i32)>| x.map_or(0, |(_, v)| v);
            let (score_before, score_after) = (score(b), score(a));
            let direction = match (known(b), known(a)) {
                (true, true) if score_after > score_before => Direction::Better,
                (true, true) if score_after < score_before => Direction::Worse,
                (false, true) => Direction::NowKnown,
                (true, false) => Direction::NowUnknown,
                // Same answer, or "I don't know" and blank swapped: nothing known moved.
                _ => return None,
            };
            Some((
                k,
                StatementChange {
                    item: s.id.clone(),
                    domain: s.domain.clone(),
                    answer_before,
                    answer_after,
                    class_before: b.map(|(c, _)| c),
                    class_after: a.map(|(c, _)| c),
                    score_before,
                    score_after,
                    change: score_after - score_before,
                    direction,
                },
            ))
        })
        .collect();
    crate::sort::by_key(&mut statements, |(k, s)| (Reverse(s.change.unsigned_abs()), *k));

    let (tb, ta_after) = (ta(instrument, rb, &db), ta(instrument, ra, &da));
    let entry = |area: &TaAreaId| TaMove {
        area: area.clone(),
        points_before: points(&tb, area).unwrap_or(0),
        points_after: points(&ta_after, area).unwrap_or(0),
        need_before: need(&tb, area),
        need_after: need(&ta_after, area),
    };
    let resolved = tb
        .iter()
        .filter(|r| points(&ta_after, &r.area).is_none())
        .map(|r| entry(&r.area))
        .collect();
    let (continuing, new) = ta_after
        .iter()
        .map(|r| entry(&r.area))
        .partition(|m: &TaMove| m.points_before > 0);

    let (ob, oa) = (scoring::overall(instrument, &db), scoring::overall(instrument, &da));
    Comparison {
        version_before: before.instrument_version.clone(),
        version_after: after.instrument_version.clone(),
        organization_before: ob.organization.stage,
        organization_after: oa.organization.stage,
        context_before: ob.context.stage,
        context_after: oa.context.stage,
        domains,
        statements: statements.into_iter().map(|(_, s)| s).collect(),
        resolved,
        new,
        continuing,
    }
}
