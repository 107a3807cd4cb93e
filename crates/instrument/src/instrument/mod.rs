//! The instrument as data: domains, statements, choices, TA areas,
//! modalities, constraints and the national figures, as the core's
//! `data/instrument.toml` writes them (read from JSON and checked by
//! [`Instrument::from_json`]; the core embeds them at build time).

use crate::ids::*;
use crate::sorted::{SortedMap, SortedSet};
use serde::{Deserialize, Serialize};
use std::fmt;

mod problems;

/// The whole questionnaire and everything needed to score it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Raised whenever content, mappings or thresholds change.
    pub version: String,
    pub title: String,
    /// BCP 47 language of the texts.
    pub language: String,
    #[serde(rename(deserialize = "source", serialize = "sources"))]
    pub sources: Vec<Source>,
    pub scoring: Thresholds,
    #[serde(rename(deserialize = "domain", serialize = "domains"))]
    pub domains: Vec<Domain>,
    #[serde(rename(deserialize = "ta_area", serialize = "ta_areas"))]
    pub ta_areas: Vec<TaArea>,
    #[serde(rename(deserialize = "modality", serialize = "modalities"))]
    pub modalities: Vec<Modality>,
    #[serde(rename(deserialize = "constraint", serialize = "constraints"))]
    pub constraints: Vec<Constraint>,
    #[serde(rename(deserialize = "section", serialize = "sections"))]
    pub sections: Vec<Section>,
    #[serde(rename(deserialize = "question", serialize = "questions"))]
    pub questions: Vec<Question>,
    /// Statements an earlier version asked and this one does not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Retired>,
}

/// A statement an earlier questionnaire version asked and this one does
/// not. Its id is never used again; an answer to it is kept but not scored,
/// and the statements that replace it need a fresh answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub id: ItemId,
    /// The last version that asked it.
    pub until: String,
    /// Its wording then.
    pub text: String,
    /// The statements that ask what it asked, in their new form.
    pub replaced_by: Vec<ItemId>,
    /// Why it changed, for the respondent.
    pub reason: String,
}

/// A document the content comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    /// The seed file name under `shared/seeds/`; none for published research
    /// cited for its facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    pub citation: String,
    pub note: String,
}

/// The numbers the scoring method uses, written down in the data so a
/// reviewer can see and change them. `docs/scoring.md` explains each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub facilitator_from: i32,
    pub barrier_to: i32,
    /// A domain (or a part of one) gets a stage only when at least this
    /// share (percent) of its statements have a known answer (a facilitator
    /// or a barrier). Below it the domain reads "not enough answers to say"
    /// and gets a "find out": unanswered and "I don't know" statements both
    /// count against it.
    pub known_for_stage_percent: u32,
    pub points_strong_barrier: u32,
    pub points_somewhat_barrier: u32,
    pub points_unknown: u32,
    pub points_plan: u32,
    pub points_chosen_area: u32,
    /// Points a core service the organization neither provides nor plans
    /// adds to its TA areas (`core_rows` of a grid).
    pub points_missing_service: u32,
    pub modality_favoured: i32,
    pub modality_disfavoured: i32,
    pub wide_change_barrier_domains: u32,
}

/// A readiness domain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: DomainId,
    pub name: String,
    pub summary: String,
    /// What to do when most of the domain is "I don't know".
    pub find_out: String,
    /// Whether the domain describes the organization itself or its context;
    /// a statement may say otherwise (`Statement::setting`).
    pub setting: Setting,
}

/// Where a statement's subject sits (CFIR's inner and outer setting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// The organization itself: its leaders, staff, own policies and own
    /// resources. Its readiness is the weakest link among these.
    Organization,
    /// Its context: law, community attitudes, payers and health agencies.
    /// What to work around, plan for or advocate about.
    Context,
}

impl Setting {
    pub const ALL: [Setting; 2] = [Setting::Organization, Setting::Context];

    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Organization => "organization",
            Setting::Context => "context",
        }
    }
}

/// A national figure: a share in percent of `n` respondents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub share: u8,
    pub n: u32,
}

/// A technical assistance area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaArea {
    pub id: TaAreaId,
    pub name: String,
    pub summary: String,
    /// Share of the 2022 respondents who said it would help them most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<Share>,
}

/// A way of receiving technical assistance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modality {
    pub id: ModalityId,
    pub name: String,
    pub summary: String,
    /// Share of the 2022 respondents who put it in their top three (findings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<Share>,
    /// The lower share the report's discussion section gives, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discussion: Option<u8>,
    /// Suited to organization-wide change when several domains are barriers.
    #[serde(default)]
    pub for_wide_change: bool,
}

/// Something that limits which modalities suit the respondent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constraint {
    pub id: ConstraintId,
    pub label: String,
    pub favours: Vec<ModalityId>,
    pub disfavours: Vec<ModalityId>,
}

/// One page of the questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    /// Set when the page holds one domain's statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<DomainId>,
    pub intro: String,
}

/// Whether agreeing with a statement is good or bad news for readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Agreeing describes a facilitator.
    Positive,
    /// Agreeing describes a barrier (a negatively worded statement).
    Negative,
}

/// How exactly the report states an aggregated figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// "more than 90%"
    MoreThan,
    /// "nearly 75%"
    Nearly,
    /// "two-thirds"
    About,
}

impl Qualifier {
    /// Words to put before the percentage, in a language.
    pub fn prefix_in(self, lang: crate::Lang) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::MoreThan => lang.pick("more than ", "más del "),
            Qualifier::Nearly => lang.pick("nearly ", "casi el "),
            Qualifier::About => lang.pick("about ", "alrededor del "),
        }
    }

    /// Words to put before the percentage, e.g. "more than ".
    pub fn prefix(self) -> &'static str {
        self.prefix_in(crate::Lang::En)
    }
}

/// The 2022 national answers to one statement, as published. Fields the
/// report does not give are `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalStatement {
    pub n: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strongly_agree: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub somewhat_agree: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub somewhat_disagree: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strongly_disagree: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<u8>,
    /// Strongly plus somewhat agree, where only the sum is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agree: Option<u8>,
    /// Strongly plus somewhat disagree, where only the sum is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagree: Option<u8>,
    /// Applies to the aggregated `agree` figure.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// The report's own words.
    pub reported: String,
    /// What a reader should know about the figure (an n the report does
    /// not state, shares that add up to more than 100%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Counted from the national figures: see [`Instrument::national_facts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NationalFacts {
    /// Statements with a national figure.
    pub statements: usize,
    /// The number of respondents of those figures (the largest stated).
    pub n: u32,
    /// Figures for which the report gives no n, so `n` is assumed (their
    /// note says so, in the words of [`N_NOT_GIVEN`]).
    pub n_assumed: usize,
    /// The number of respondents of the modalities' national shares.
    pub modalities_n: Option<u32>,
}

/// How a national figure's note says that the report gives no n for it.
pub const N_NOT_GIVEN: &str = "does not give the number of respondents";

/// A scored statement on the five-point scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: ItemId,
    /// The first questionnaire version that asks it (`None`: 1.0.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    pub section: SectionId,
    pub domain: DomainId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub polarity: Polarity,
    /// TA areas a barrier or an "I don't know" here points to.
    pub ta: Vec<TaAreaId>,
    pub source: SourceId,
    /// Where in the source: a section heading, figure or slide title.
    pub locator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<NationalStatement>,
    /// Only where it differs from its domain's setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
}

impl Statement {
    /// Whether a respondent of questionnaire `version` was asked this
    /// statement: the statements two versions share.
    pub fn asked_in(&self, version: &str) -> bool {
        let since = self.since.as_deref().map_or(Some((1, 0, 0)), version_key);
        match version_key(version) {
            Some(v) => since <= Some(v),
            None => true,
        }
    }
}

/// An option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: OptionId,
    pub label: String,
    /// National share choosing this option (of the question's `n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<u8>,
}

/// A single- or multiple-choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: ItemId,
    pub section: SectionId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub options: Vec<ChoiceOption>,
    /// Respondents behind the options' national shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    /// At most this many options (multiple choice only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
    pub source: SourceId,
}

/// A column of a grid question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridColumn {
    pub id: OptionId,
    pub label: String,
    /// Respondents behind this column's national shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

/// A row of a grid question (a service, a partner).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridRow {
    pub id: OptionId,
    pub label: String,
    /// National share per column id, where the report gives one.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub national: SortedMap<OptionId, u8>,
    /// A second figure the report gives for the same cell elsewhere in its
    /// text; `national` holds the one shown (the findings').
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub also: SortedMap<OptionId, u8>,
    /// What a reader should know about the row's figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// TA areas a plan for this row points to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ta: Vec<TaAreaId>,
}

/// Rows × columns of tick boxes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub id: ItemId,
    pub section: SectionId,
    pub text: String,
    /// What one row is ("Service", "Partner"): the heading of the rows'
    /// column where the grid is shown as a table.
    pub row_header: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub columns: Vec<GridColumn>,
    pub rows: Vec<GridRow>,
    /// The column that means "planned": a tick there adds plan evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_column: Option<OptionId>,
    /// The column that means "we provide it".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_column: Option<OptionId>,
    /// Core services: a row here that is neither provided nor planned (in
    /// a grid with at least one tick) is evidence for its TA areas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub core_rows: Vec<OptionId>,
    pub source: SourceId,
}

/// A choice among one of the instrument's own lists (TA areas, modalities,
/// constraints); the options are that list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPick {
    pub id: ItemId,
    pub section: SectionId,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
    pub source: SourceId,
}

/// A question of any kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Question {
    Statement(Statement),
    SingleChoice(Choice),
    MultiChoice(Choice),
    Grid(Grid),
    TaAreas(ListPick),
    Modalities(ListPick),
    Constraints(ListPick),
}

impl Question {
    pub fn id(&self) -> &ItemId {
        match self {
            Question::Statement(q) => &q.id,
            Question::SingleChoice(q) | Question::MultiChoice(q) => &q.id,
            Question::Grid(q) => &q.id,
            Question::TaAreas(q) | Question::Modalities(q) | Question::Constraints(q) => &q.id,
        }
    }

    pub fn section(&self) -> &SectionId {
        match self {
            Question::Statement(q) => &q.section,
            Question::SingleChoice(q) | Question::MultiChoice(q) => &q.section,
            Question::Grid(q) => &q.section,
            Question::TaAreas(q) | Question::Modalities(q) | Question::Constraints(q) => &q.section,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Question::Statement(q) => &q.text,
            Question::SingleChoice(q) | Question::MultiChoice(q) => &q.text,
            Question::Grid(q) => &q.text,
            Question::TaAreas(q) | Question::Modalities(q) | Question::Constraints(q) => &q.text,
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Question::Statement(q) => q.hint.as_deref(),
            Question::SingleChoice(q) | Question::MultiChoice(q) => q.hint.as_deref(),
            Question::Grid(q) => q.hint.as_deref(),
            Question::TaAreas(q) | Question::Modalities(q) | Question::Constraints(q) => q.hint.as_deref(),
        }
    }

    pub fn source(&self) -> &SourceId {
        match self {
            Question::Statement(q) => &q.source,
            Question::SingleChoice(q) | Question::MultiChoice(q) => &q.source,
            Question::Grid(q) => &q.source,
            Question::TaAreas(q) | Question::Modalities(q) | Question::Constraints(q) => &q.source,
        }
    }

    /// The statement, if this question is one.
    pub fn as_statement(&self) -> Option<&Statement> {
        match self {
            Question::Statement(s) => Some(s),
            _ => None,
        }
    }
}

/// Why an instrument file cannot be used. Each says where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstrumentError {
    /// The JSON does not fit the model (unknown field, wrong type, ...).
    Shape(String),
    /// A reference points nowhere, or an id is used twice, or a rule is broken.
    Invalid(Vec<String>),
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstrumentError::Shape(e) => write!(f, "the instrument file does not fit its model: {e}"),
            InstrumentError::Invalid(problems) => {
                write!(
                    f,
                    "the instrument file has {} problem(s): {}",
                    problems.len(),
                    problems.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for InstrumentError {}

impl Instrument {
    /// Reads and validates an instrument from JSON.
    pub fn from_json(json: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument = serde_json::from_str(json).map_err(|e| InstrumentError::Shape(e.to_string()))?;
        let problems = instrument.problems();
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(InstrumentError::Invalid(problems))
        }
    }

    /// What the questionnaire says of its national figures, for the words
    /// that introduce them (read from the data, never written into a view).
    pub fn national_facts(&self) -> NationalFacts {
        let figures: Vec<&NationalStatement> = self.statements().filter_map(|s| s.national.as_ref()).collect();
        NationalFacts {
            statements: figures.len(),
            n: figures.iter().map(|f| f.n).max().unwrap_or(0),
            n_assumed: figures
                .iter()
                .filter(|f| f.note.as_deref().is_some_and(|n| n.contains(N_NOT_GIVEN)))
                .count(),
            modalities_n: self.modalities.iter().find_map(|m| m.national.as_ref()).map(|s| s.n),
        }
    }

    /// All scored statements, in page order.
    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.questions.iter().filter_map(Question::as_statement)
    }

    /// The statements of one domain, in page order.
    pub fn statements_in(&self, domain: &DomainId) -> impl Iterator<Item = &Statement> + '_ {
        let domain = domain.clone();
        self.statements().filter(move |s| s.domain == domain)
    }

    /// The questions on one page, in order.
    pub fn questions_in(&self, section: &SectionId) -> impl Iterator<Item = &Question> + '_ {
        let section = section.clone();
        self.questions.iter().filter(move |q| q.section() == &section)
    }

    pub fn question(&self, id: &ItemId) -> Option<&Question> {
        self.questions.iter().find(|q| q.id() == id)
    }

    pub fn statement(&self, id: &ItemId) -> Option<&Statement> {
        self.question(id).and_then(Question::as_statement)
    }

    /// A row of a grid question (a service, a partner).
    pub fn grid_row(&self, question: &ItemId, row: &OptionId) -> Option<&GridRow> {
        match self.question(question)? {
            Question::Grid(g) => g.rows.iter().find(|r| &r.id == row),
            _ => None,
        }
    }

    /// A statement an earlier version asked and this one does not.
    pub fn retired(&self, id: &ItemId) -> Option<&Retired> {
        self.retired.iter().find(|r| &r.id == id)
    }

    /// A statement's setting: its own where it has one, else its domain's.
    pub fn setting_of(&self, statement: &Statement) -> Setting {
        statement
            .setting
            .or_else(|| self.domain(&statement.domain).map(|d| d.setting))
            .unwrap_or(Setting::Organization)
    }

    pub fn section(&self, id: &SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| &s.id == id)
    }

    /// 0-based position of a page.
    pub fn section_index(&self, id: &SectionId) -> Option<usize> {
        self.sections.iter().position(|s| &s.id == id)
    }

    pub fn domain(&self, id: &DomainId) -> Option<&Domain> {
        self.domains.iter().find(|d| &d.id == id)
    }

    pub fn ta_area(&self, id: &TaAreaId) -> Option<&TaArea> {
        self.ta_areas.iter().find(|a| &a.id == id)
    }

    pub fn modality(&self, id: &ModalityId) -> Option<&Modality> {
        self.modalities.iter().find(|m| &m.id == id)
    }

    pub fn constraint(&self, id: &ConstraintId) -> Option<&Constraint> {
        self.constraints.iter().find(|c| &c.id == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The source of the national figures (the 2022 report): that of the
    /// statements that carry one.
    pub fn national_source(&self) -> Option<&Source> {
        self.statements()
            .find(|s| s.national.is_some())
            .and_then(|s| self.source(&s.source))
    }

    /// The options a list-pick question offers, as (id, label) pairs.
    pub fn list_options(&self, question: &Question) -> Vec<(OptionId, String)> {
        match question {
            Question::TaAreas(_) => self
                .ta_areas
                .iter()
                .map(|a| (OptionId::new(a.id.as_str()), a.name.clone()))
                .collect(),
            Question::Modalities(_) => self
                .modalities
                .iter()
                .map(|m| (OptionId::new(m.id.as_str()), m.name.clone()))
                .collect(),
            Question::Constraints(_) => self
                .constraints
                .iter()
                .map(|c| (OptionId::new(c.id.as_str()), c.label.clone()))
                .collect(),
            Question::SingleChoice(c) | Question::MultiChoice(c) => {
                c.options.iter().map(|o| (o.id.clone(), o.label.clone())).collect()
            }
            Question::Statement(_) | Question::Grid(_) => Vec::new(),
        }
    }

    /// The first question of a kind, e.g. the modality question.
    pub fn find_question(&self, pred: impl Fn(&Question) -> bool) -> Option<&Question> {
        self.questions.iter().find(|q| pred(q))
    }
}

/// A version "major.minor.patch" as numbers, to compare versions.
pub fn version_key(version: &str) -> Option<(u32, u32, u32)> {
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    let key = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(key)
}
