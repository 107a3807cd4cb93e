//! The team view: several people's answers merged on the facilitator's own
//! device. Per statement the counts of each answer, how far the team agrees,
//! how widely the answers spread and whether leadership, staff and peers see
//! it differently; per domain the pooled balance; and the team's TA ranking.
//! `docs/team.md` explains every figure for people, and a test checks its
//! worked example against this code.
//!
//! Everything is integer arithmetic, so the same answers give the same
//! figures on every machine, and every percentage the UI shows comes from
//! [`percent`].
//!
//! ```
//! use hr_assessment::team::{merge, Member};
//! use hr_assessment::{Instrument, ItemId, OptionId, Responses, ScaleAnswer};
//!
//! let instrument = Instrument::shipped();
//! let person = |role: &str, answer: ScaleAnswer| {
//!     let mut r = Responses::default();
//!     r.set_single(ItemId::new("role"), OptionId::new(role));
//!     r.set_statement(ItemId::new("champion"), answer);
//!     r
//! };
//! let team = [
//!     Member::from_responses("Respondent 1", person("leadership", ScaleAnswer::StronglyAgree)),
//!     Member::from_responses("Respondent 2", person("peer", ScaleAnswer::SomewhatDisagree)),
//! ];
//! let report = merge(instrument, &team);
//! let champion = report.statement(&ItemId::new("champion")).unwrap();
//! assert_eq!(champion.agreement, Some(50)); // one facilitator, one barrier
//! // +2 against −1: 3.00 apart, but one person on each side is not a role gap.
//! assert!(champion.gaps.is_empty());
//! assert_eq!(champion.single_views[0].difference, 300);
//! ```

use crate::file::text_cell;
use crate::ids::*;
use crate::instrument::{Instrument, Polarity, Question};
use crate::lang::Lang;
use crate::recommend;
use crate::responses::{Responses, ScaleAnswer};
use crate::scoring::{self, div_round, score_answer, Class, Reading, Stage};
use serde::Serialize;
use std::cmp::Reverse;

/// The profile question whose answer puts a member in a role group.
pub const ROLE_QUESTION: &str = "role";
/// The role groups compared for gaps, in this order. Other roles (board,
/// other) are reported but never part of a gap.
pub const GAP_ROLES: [&str; 3] = ["leadership", "staff", "peer"];
/// Two gap groups whose mean scores, as shown (hundredths, rounded), differ
/// by at least this many hundredths on the −2..+2 scale are a role gap:
/// 100 = 1.00, the distance from "somewhat" to "strongly", or from
/// "somewhat agree" to sitting on the fence.
pub const ROLE_GAP_THRESHOLD: i32 = 100;
/// A role gap needs at least this many known answers on each side: one
/// person's answer is that person's view, not their role's.
pub const ROLE_GAP_MIN_MEMBERS: u32 = 2;
/// The team's overall agreement ([`TeamReport::agreement`]) from which the
/// pooled balances are read as the team's view: halfway between an even
/// split (50) and everyone on one side (100).
pub const TEAM_AGREES_FROM: u32 = 75;

/// One participant's answers, as brought onto the facilitator's device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// A label such as "Respondent 3": never a name unless the person chose it.
    pub label: String,
    /// Their answer to the role question, if they gave one.
    pub role: Option<OptionId>,
    pub responses: Responses,
}

impl Member {
    /// A member whose role is read from the answers (the first option chosen
    /// for [`ROLE_QUESTION`]).
    pub fn from_responses(label: impl Into<String>, responses: Responses) -> Member {
        let role = responses.chosen(&ItemId::new(ROLE_QUESTION)).first().cloned();
        Member {
            label: label.into(),
            role,
            responses,
        }
    }
}

/// `count` as a whole percentage of `total`, rounded half away from zero
/// (so 1 of 8 is 13%); 0 when `total` is 0. The one place team percentages
/// are computed.
pub fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    div_round(100 * i64::from(count), i64::from(total)) as u32
}

/// Hundredths as a decimal with two places: 150 → "1.50", −33 → "-0.33".
pub fn format_hundredths(value: i32) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    format!("{sign}{}.{:02}", v / 100, v % 100)
}

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

    fn add(&mut self, answer: Option<ScaleAnswer>) {
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
        let difference = format_hundredths(self.difference);
        match lang {
            Lang::En => format!("{higher} above {lower} by {difference}"),
            Lang::Es => format!("{higher} por encima de {lower} (diferencia de {difference})"),
        }
    }

    /// The gap in words with role ids: "leadership above peer by 3.50".
    pub fn describe(&self) -> String {
        format!(
            "{} above {} by {}",
            self.higher,
            self.lower,
            format_hundredths(self.difference)
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

/// A role's short name: its label in `instrument` up to any " (", so
/// "Leadership (director, manager, clinical or program lead)" is
/// "Leadership"; the id itself when the instrument has no such role.
pub fn role_name(instrument: &Instrument, role: &OptionId) -> String {
    let label = instrument
        .question(&ItemId::new(ROLE_QUESTION))
        .map(|q| instrument.list_options(q))
        .and_then(|options| options.into_iter().find(|(id, _)| id == role))
        .map_or_else(|| role.to_string(), |(_, label)| label);
    label.split(" (").next().unwrap_or(&label).to_owned()
}

/// The role question's option ids, in order (empty if the instrument has none).
pub fn role_options(instrument: &Instrument) -> Vec<OptionId> {
    instrument
        .question(&ItemId::new(ROLE_QUESTION))
        .filter(|q| !matches!(q, Question::Statement(_) | Question::Grid(_)))
        .map(|q| instrument.list_options(q).into_iter().map(|(id, _)| id).collect())
        .unwrap_or_default()
}

/// Standard deviation in hundredths, rounded half up, from the number of
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

/// The columns of [`team_csv`], in order: the role columns follow the
/// instrument's role options.
pub fn team_csv_columns(instrument: &Instrument) -> Vec<String> {
    let mut columns: Vec<String> = [
        "domain",
        "statement_id",
        "statement",
        "strongly_agree",
        "somewhat_agree",
        "somewhat_disagree",
        "strongly_disagree",
        "dont_know",
        "unanswered",
        "agreement_percent",
        "spread",
        "mean",
    ]
    .map(String::from)
    .to_vec();
    for role in role_options(instrument) {
        columns.push(format!("{role}_n"));
        columns.push(format!("{role}_mean"));
    }
    columns.extend(["role_gap", "role_gap_difference"].map(String::from));
    columns
}

/// The team's statements as a CSV table, one row per statement in page
/// order after a header row (see [`team_csv_columns`]). The same rules as
/// the statement table (`file::export_csv`): UTF-8 with a byte order mark,
/// CRLF line endings, RFC 4180 quoting, text cells guarded against formula
/// injection, numbers written as plain numbers. Means and spread are
/// decimals with two places; `role_gap` names the widest gap ("leadership
/// above peer"), empty when there is none.
pub fn team_csv(instrument: &Instrument, report: &TeamReport) -> String {
    team_csv_in(instrument, report, Lang::En)
}

/// [`team_csv`] in a language: the column ids stay as they are (they are
/// data keys, and the role columns carry role ids); domain names and
/// statements come from `instrument`, so pass the instrument in the same
/// language ([`Instrument::shipped_in`]). In Spanish `role_gap` names the
/// roles by their short names ("Liderazgo por encima de Personal"); in
/// English it keeps the role ids ("leadership above staff"), as it always has.
pub fn team_csv_in(instrument: &Instrument, report: &TeamReport, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&team_csv_columns(instrument).join(","));
    out.push_str("\r\n");
    let number = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
    let decimal = |v: Option<i32>| v.map_or(String::new(), format_hundredths);
    for s in &report.statements {
        let domain = instrument
            .domain(&s.domain)
            .map_or(s.domain.as_str(), |d| d.name.as_str());
        let text = instrument.statement(&s.item).map_or("", |st| st.text.as_str());
        let c = &s.counts;
        let mut cells = vec![
            text_cell(domain),
            text_cell(s.item.as_str()),
            text_cell(text),
            c.strongly_agree.to_string(),
            c.somewhat_agree.to_string(),
            c.somewhat_disagree.to_string(),
            c.strongly_disagree.to_string(),
            c.dont_know.to_string(),
            c.unanswered.to_string(),
            number(s.agreement),
            decimal(s.spread.map(|v| v as i32)),
            decimal(s.mean),
        ];
        for g in &s.groups {
            cells.push(g.n.to_string());
            cells.push(decimal(g.mean));
        }
        match s.widest_gap() {
            Some(g) => {
                let gap = match lang {
                    Lang::En => format!("{} above {}", g.higher, g.lower),
                    Lang::Es => format!(
                        "{} por encima de {}",
                        role_name(instrument, &g.higher),
                        role_name(instrument, &g.lower)
                    ),
                };
                cells.push(text_cell(&gap));
                cells.push(format_hundredths(g.difference));
            }
            None => cells.extend([String::new(), String::new()]),
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
