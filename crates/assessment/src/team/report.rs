//! What the team view shows: the counts, groups, gaps, statements, domains
//! and TA areas of a [`TeamReport`].

use super::{role_name, TEAM_AGREES_FROM};
use crate::ids::*;
use crate::instrument::{Instrument, Polarity};
use crate::lang::Lang;
use crate::numbers::hundredths;
use crate::responses::ScaleAnswer;
use crate::scoring::{Class, Reading, Stage};
use serde::Serialize;

/// How many members gave each answer to one statement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AnswerCounts {
    pub strongly_agree: u32,
    pub somewhat_agree: u32,
    pub somewhat_disagree: u32,
    pub strongly_disagree: u32,
    pub dont_know: u32,
    /// Members who left the statement blank.
    pub unanswered: u32,
}

impl AnswerCounts {
    /// Members who gave `answer`.
    pub fn get(&self, answer: ScaleAnswer) -> u32 {
        match answer {
            ScaleAnswer::StronglyAgree => self.strongly_agree,
            ScaleAnswer::SomewhatAgree => self.somewhat_agree,
            ScaleAnswer::SomewhatDisagree => self.somewhat_disagree,
            ScaleAnswer::StronglyDisagree => self.strongly_disagree,
            ScaleAnswer::DontKnow => self.dont_know,
        }
    }

    pub(super) fn add(&mut self, answer: Option<ScaleAnswer>) {
        let slot = match answer {
            Some(ScaleAnswer::StronglyAgree) => &mut self.strongly_agree,
            Some(ScaleAnswer::SomewhatAgree) => &mut self.somewhat_agree,
            Some(ScaleAnswer::SomewhatDisagree) => &mut self.somewhat_disagree,
            Some(ScaleAnswer::StronglyDisagree) => &mut self.strongly_disagree,
            Some(ScaleAnswer::DontKnow) => &mut self.dont_know,
            None => &mut self.unanswered,
        };
        *slot += 1;
    }

    /// Members who answered at all ("I don't know" included).
    pub fn answered(&self) -> u32 {
        ScaleAnswer::ALL.iter().map(|a| self.get(*a)).sum()
    }

    /// Every member: answered plus unanswered.
    pub fn total(&self) -> u32 {
        self.answered() + self.unanswered
    }
}

/// One role group's reading of one statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupStat {
    pub role: OptionId,
    /// Known answers (facilitator or barrier) from members of this role.
    pub n: u32,
    /// "I don't know" answers from members of this role.
    pub unknowns: u32,
    /// Sum of their signed scores.
    pub sum: i32,
    /// Mean signed score in hundredths (−200..=200); `None` when `n` is 0.
    pub mean: Option<i32>,
    /// One of [`GAP_ROLES`].
    pub for_gaps: bool,
}

/// Two role groups that see a statement differently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleGap {
    /// The group with the higher (more facilitating) mean.
    pub higher: OptionId,
    pub lower: OptionId,
    /// Hundredths, as in [`GroupStat::mean`].
    pub higher_mean: i32,
    pub lower_mean: i32,
    /// `higher_mean − lower_mean`, at least [`ROLE_GAP_THRESHOLD`].
    pub difference: i32,
}

impl RoleGap {
    /// The gap in words with the roles' short names from `instrument` (see
    /// [`role_name`]), in a language: "Leadership above Staff by 3.50",
    /// "Liderazgo por encima de Personal (diferencia de 3.50)". Pass the
    /// instrument in the same language ([`Instrument::shipped_in`]).
    pub fn describe_in(&self, instrument: &Instrument, lang: Lang) -> String {
        let (higher, lower) = (role_name(instrument, &self.higher), role_name(instrument, &self.lower));
        let difference = hundredths(self.difference);
        tr!(
            lang,
            "{higher} above {lower} by {difference}",
            "{higher} por encima de {lower} (diferencia de {difference})"
        )
    }

    /// The gap in words with role ids: "leadership above peer by 3.50".
    pub fn describe(&self) -> String {
        format!(
            "{} above {} by {}",
            self.higher,
            self.lower,
            hundredths(self.difference)
        )
    }
}

/// The team's answers to one statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeamStatement {
    pub item: ItemId,
    pub domain: DomainId,
    pub polarity: Polarity,
    pub counts: AnswerCounts,
    pub facilitators: u32,
    pub barriers: u32,
    /// Sum of the signed scores of the known answers.
    pub sum: i32,
    /// Mean signed score of the known answers, in hundredths; `None` when none is known.
    pub mean: Option<i32>,
    /// The side most known answers are on; `None` on an even split or when none is known.
    pub majority: Option<Class>,
    /// Percent of the known answers on the majority side: 50 (evenly split)
    /// to 100 (everyone on one side). `None` with fewer than 2 known answers.
    pub agreement: Option<u32>,
    /// Standard deviation of the known answers' signed scores, in hundredths
    /// (0 when everyone gave the same score, at most 200). `None` with fewer
    /// than 2 known answers.
    pub spread: Option<u32>,
    /// Every role option of the instrument, in its order.
    pub groups: Vec<GroupStat>,
    /// Role gaps, widest first (then in [`GAP_ROLES`] pair order): both
    /// sides with at least [`ROLE_GAP_MIN_MEMBERS`] known answers.
    pub gaps: Vec<RoleGap>,
    /// Differences as wide as a gap where a side has a single known answer:
    /// one person's view, not a role gap. Same order.
    pub single_views: Vec<RoleGap>,
}

impl TeamStatement {
    /// Known answers: facilitators plus barriers.
    pub fn known(&self) -> u32 {
        self.facilitators + self.barriers
    }

    pub fn group(&self, role: &OptionId) -> Option<&GroupStat> {
        self.groups.iter().find(|g| &g.role == role)
    }

    /// The widest role gap, if any.
    pub fn widest_gap(&self) -> Option<&RoleGap> {
        self.gaps.first()
    }
}

/// One domain's answers pooled over every member, read like one respondent's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeamDomain {
    pub domain: DomainId,
    /// Statements in the domain.
    pub statements: u32,
    /// Members in the team.
    pub members: u32,
    pub facilitators: u32,
    pub barriers: u32,
    pub unknowns: u32,
    pub unanswered: u32,
    /// Sum of every member's signed scores in the domain.
    pub sum: i32,
    /// 100 × sum ÷ (2 × known answers), rounded; `None` when none is known.
    pub balance: Option<i32>,
    /// Percent of the statements × members answered at all.
    pub coverage: u32,
    /// `NotAssessed` unless at least the instrument's
    /// `known_for_stage_percent` of statements × members has a known answer.
    pub stage: Stage,
    /// Too few known answers for a stage: find out.
    pub find_out: bool,
}

impl TeamDomain {
    pub fn known(&self) -> u32 {
        self.facilitators + self.barriers
    }

    pub fn answered(&self) -> u32 {
        self.facilitators + self.barriers + self.unknowns
    }
}

/// A TA area in the team's ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeamTa {
    pub area: TaAreaId,
    /// The ranking: `points` as a whole percentage of `possible`
    /// ([`recommend::need`]).
    pub need: u32,
    /// Sum of every member's points for the area.
    pub points: u32,
    /// Sum of every member's possible points ([`recommend::ta_areas`]).
    pub possible: u32,
    /// Members whose own results recommend the area.
    pub members: u32,
    /// National share wanting the area, the tie-breaker.
    pub national: Option<u8>,
}

/// How many members gave a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleCount {
    /// `None`: no role given (or one the questionnaire does not have).
    pub role: Option<OptionId>,
    pub members: u32,
}

/// Everything the team view shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeamReport {
    pub instrument_version: String,
    pub members: u32,
    /// Each role option in the instrument's order, then members without one.
    pub roles: Vec<RoleCount>,
    /// Every statement, in page order.
    pub statements: Vec<TeamStatement>,
    /// Mean of the statements' agreement (those with one), rounded: how far
    /// the pooled figures can be read as the team's. `None` when no
    /// statement has two known answers.
    pub agreement: Option<u32>,
    /// Statements with an agreement figure.
    pub agreement_statements: u32,
    /// Every domain, in the instrument's order.
    pub domains: Vec<TeamDomain>,
    /// The pooled answers about the organization itself, and about its
    /// context, read as for one respondent (statements × members).
    pub organization: Reading,
    pub context: Reading,
    /// TA areas any member's results recommend: highest need first; ties by
    /// national demand, then the instrument's order.
    pub ta_areas: Vec<TeamTa>,
}

/// The team summary as a file: the [`TeamReport`] with a `format` marker
/// ([`crate::file::TEAM_SUMMARY_FORMAT`]) and a `version` first, so that
/// importing it as an assessment says what it is.
pub fn team_summary_json(report: &TeamReport) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'static str,
        version: u32,
        #[serde(flatten)]
        report: &'a TeamReport,
    }
    serde_json::to_string_pretty(&File {
        format: crate::file::TEAM_SUMMARY_FORMAT,
        version: 1,
        report,
    })
    .unwrap_or_default()
}

impl TeamReport {
    pub fn statement(&self, id: &ItemId) -> Option<&TeamStatement> {
        self.statements.iter().find(|s| &s.item == id)
    }

    pub fn domain(&self, id: &DomainId) -> Option<&TeamDomain> {
        self.domains.iter().find(|d| &d.domain == id)
    }

    /// Whether the team agrees enough ([`TEAM_AGREES_FROM`]) for the pooled
    /// balances to be read as the team's; `None` without a figure.
    pub fn agrees(&self) -> Option<bool> {
        self.agreement.map(|a| a >= TEAM_AGREES_FROM)
    }
}
