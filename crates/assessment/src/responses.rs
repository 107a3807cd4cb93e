//! A respondent's answers, and the rules for changing them.
//!
//! ```
//! use hr_assessment::{Instrument, Responses, ScaleAnswer, ItemId, Shipped};
//! let instrument = Instrument::shipped();
//! let mut r = Responses::default();
//! r.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::StronglyDisagree);
//! assert!(r.validate(instrument).is_ok());
//! ```

use crate::ids::*;
use crate::instrument::{Instrument, Question};
use crate::sorted::{SortedMap, SortedSet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The survey's five answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleAnswer {
    StronglyAgree,
    SomewhatAgree,
    SomewhatDisagree,
    StronglyDisagree,
    DontKnow,
}

impl ScaleAnswer {
    /// In the order the survey shows them.
    pub const ALL: [ScaleAnswer; 5] = [
        ScaleAnswer::StronglyAgree,
        ScaleAnswer::SomewhatAgree,
        ScaleAnswer::SomewhatDisagree,
        ScaleAnswer::StronglyDisagree,
        ScaleAnswer::DontKnow,
    ];

    /// The label shown to respondents.
    pub fn label(self) -> &'static str {
        self.label_in(crate::Lang::En)
    }

    /// The label shown to respondents, in a language.
    pub fn label_in(self, lang: crate::Lang) -> &'static str {
        match self {
            ScaleAnswer::StronglyAgree => pick!(lang, "Strongly agree", "Muy de acuerdo"),
            ScaleAnswer::SomewhatAgree => pick!(lang, "Somewhat agree", "Algo de acuerdo"),
            ScaleAnswer::SomewhatDisagree => pick!(lang, "Somewhat disagree", "Algo en desacuerdo"),
            ScaleAnswer::StronglyDisagree => pick!(lang, "Strongly disagree", "Muy en desacuerdo"),
            ScaleAnswer::DontKnow => pick!(lang, "I don't know", "No sé"),
        }
    }

    /// The label inside a sentence, in a language.
    pub fn phrase_in(self, lang: crate::Lang) -> &'static str {
        match self {
            ScaleAnswer::StronglyAgree => pick!(lang, "strongly agree", "muy de acuerdo"),
            ScaleAnswer::SomewhatAgree => pick!(lang, "somewhat agree", "algo de acuerdo"),
            ScaleAnswer::SomewhatDisagree => pick!(lang, "somewhat disagree", "algo en desacuerdo"),
            ScaleAnswer::StronglyDisagree => pick!(lang, "strongly disagree", "muy en desacuerdo"),
            ScaleAnswer::DontKnow => pick!(lang, "I don't know", "no sé"),
        }
    }

    /// The label inside a sentence: "strongly agree", "I don't know".
    pub fn phrase(self) -> &'static str {
        self.phrase_in(crate::Lang::En)
    }

    /// The id used in files and storage (`strongly_agree`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ScaleAnswer::StronglyAgree => "strongly_agree",
            ScaleAnswer::SomewhatAgree => "somewhat_agree",
            ScaleAnswer::SomewhatDisagree => "somewhat_disagree",
            ScaleAnswer::StronglyDisagree => "strongly_disagree",
            ScaleAnswer::DontKnow => "dont_know",
        }
    }

    /// Parses the id used in files and storage.
    pub fn parse(s: &str) -> Option<ScaleAnswer> {
        ScaleAnswer::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Everything a respondent has answered. Unanswered questions are simply
/// absent: skipping is allowed everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responses {
    /// Statement answers.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub statements: SortedMap<ItemId, ScaleAnswer>,
    /// Chosen options of single-choice, multiple-choice and list questions.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub choices: SortedMap<ItemId, Vec<OptionId>>,
    /// Ticked cells of grid questions: row id → column ids.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub grids: SortedMap<ItemId, SortedMap<OptionId, SortedSet<OptionId>>>,
}

/// Why a set of answers does not fit the instrument. The ids are as found,
/// unchecked. `Display` is the English [`ResponseError::message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// A statement answer for an id that is not a statement.
    NotAStatement { item: ItemId },
    /// A choice for an id that is not a question.
    NotAQuestion { item: ItemId },
    /// A choice for a statement or a grid.
    NotAChoice { item: ItemId },
    /// A chosen option the question does not offer.
    NotAnOption { item: ItemId, option: OptionId },
    /// The same option chosen twice.
    OptionTwice { item: ItemId },
    /// More options chosen than the question allows.
    TooManyChoices { item: ItemId, chosen: usize, max: u8 },
    /// Ticks for an id that is not a grid question.
    NotAGrid { item: ItemId },
    /// A ticked row the grid does not have.
    NotARow { item: ItemId, row: OptionId },
    /// A ticked column the grid does not have.
    NotAColumn { item: ItemId, column: OptionId },
    /// A file ticks the same box of a grid row twice (only a file can).
    TickedTwice { item: ItemId, row: OptionId },
}

impl ResponseError {
    /// The problem in words, in a language, naming the ids in quotes.
    pub fn message(&self, lang: crate::Lang) -> String {
        use ResponseError::*;
        match self {
            NotAStatement { item } => tr!(
                lang,
                "\"{item}\" is not a statement of this instrument",
                "\"{item}\" no es una afirmación de este cuestionario"
            ),
            NotAQuestion { item } => tr!(
                lang,
                "\"{item}\" is not a question of this instrument",
                "\"{item}\" no es una pregunta de este cuestionario"
            ),
            NotAChoice { item } => tr!(
                lang,
                "\"{item}\" is not a choice question",
                "\"{item}\" no es una pregunta de opciones"
            ),
            NotAnOption { item, option } => tr!(
                lang,
                "\"{option}\" is not an option of \"{item}\"",
                "\"{option}\" no es una opción de \"{item}\""
            ),
            OptionTwice { item } => tr!(
                lang,
                "\"{item}\" lists an option twice",
                "\"{item}\" tiene una opción repetida"
            ),
            TooManyChoices { item, chosen, max } => {
                let allowed = if *max == 1 {
                    pick!(lang, "only one is allowed", "solo se permite una").to_owned()
                } else {
                    tr!(lang, "at most {max} are allowed", "se permiten como máximo {max}")
                };
                tr!(
                    lang,
                    "\"{item}\" has {chosen} choices; {allowed}",
                    "\"{item}\" tiene {chosen} opciones elegidas; {allowed}"
                )
            }
            NotAGrid { item } => tr!(
                lang,
                "\"{item}\" is not a grid question of this instrument",
                "\"{item}\" no es una pregunta de tabla de este cuestionario"
            ),
            NotARow { item, row } => tr!(
                lang,
                "\"{row}\" is not a row of \"{item}\"",
                "\"{row}\" no es una fila de \"{item}\""
            ),
            NotAColumn { item, column } => tr!(
                lang,
                "\"{column}\" is not a column of \"{item}\"",
                "\"{column}\" no es una columna de \"{item}\""
            ),
            TickedTwice { item, row } => {
                let path = crate::text::shown(&format!("assessment.responses.grids.{item}.{row}"), 120);
                tr!(
                    lang,
                    "\"{path}\" checks a box twice",
                    "\"{path}\" marca la misma casilla dos veces"
                )
            }
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

/// Refused change: the question already has its maximum number of choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtMaximum(pub u8);

impl Responses {
    /// Nothing answered at all: no statement, choice or ticked cell.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty() && self.choices.is_empty() && self.grids.is_empty()
    }

    pub fn set_statement(&mut self, item: ItemId, answer: ScaleAnswer) {
        self.statements.insert(item, answer);
    }

    pub fn statement(&self, item: &ItemId) -> Option<ScaleAnswer> {
        self.statements.get(item).copied()
    }

    /// Sets the one answer of a single-choice question.
    pub fn set_single(&mut self, item: ItemId, option: OptionId) {
        self.choices.insert(item, vec![option]);
    }

    /// The chosen options of a choice question (empty when unanswered).
    pub fn chosen(&self, item: &ItemId) -> &[OptionId] {
        self.choices.get(item).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Ticks or unticks an option of a multiple-choice question, refusing a
    /// tick past `max`. Keeps options in the order they were chosen.
    pub fn set_multi(&mut self, item: ItemId, option: OptionId, on: bool, max: Option<u8>) -> Result<(), AtMaximum> {
        let list = self.choices.get_or_default(item.clone());
        let present = list.contains(&option);
        match (on, present) {
            (true, false) => {
                if let Some(max) = max {
                    if list.len() >= usize::from(max) {
                        if list.is_empty() {
                            self.choices.remove(&item);
                        }
                        return Err(AtMaximum(max));
                    }
                }
                list.push(option);
            }
            (false, true) => list.retain(|o| o != &option),
            _ => {}
        }
        if self.choices.get(&item).is_some_and(Vec::is_empty) {
            self.choices.remove(&item);
        }
        Ok(())
    }

    /// Ticks or unticks one grid cell.
    pub fn set_cell(&mut self, item: ItemId, row: OptionId, column: OptionId, on: bool) {
        let grid = self.grids.get_or_default(item.clone());
        let cells = grid.get_or_default(row.clone());
        if on {
            cells.insert(column);
        } else {
            cells.remove(&column);
        }
        if cells.is_empty() {
            grid.remove(&row);
        }
        if grid.is_empty() {
            self.grids.remove(&item);
        }
    }

    pub fn cell(&self, item: &ItemId, row: &OptionId, column: &OptionId) -> bool {
        self.grids
            .get(item)
            .and_then(|g| g.get(row))
            .is_some_and(|cells| cells.contains(column))
    }

    /// Removes every answer to one question.
    pub fn clear(&mut self, item: &ItemId) {
        self.statements.remove(item);
        self.choices.remove(item);
        self.grids.remove(item);
    }

    /// Whether a question has any answer.
    pub fn is_answered(&self, question: &Question) -> bool {
        let id = question.id();
        match question {
            Question::Statement(_) => self.statements.contains_key(id),
            Question::Grid(_) => self.grids.get(id).is_some_and(|g| !g.is_empty()),
            _ => self.choices.get(id).is_some_and(|c| !c.is_empty()),
        }
    }

    /// (answered, total) questions on one page.
    pub fn progress_in(&self, instrument: &Instrument, section: &SectionId) -> (usize, usize) {
        let questions: Vec<_> = instrument.questions_in(section).collect();
        let answered = questions.iter().filter(|q| self.is_answered(q)).count();
        (answered, questions.len())
    }

    /// (answered, total) over the whole instrument.
    pub fn progress(&self, instrument: &Instrument) -> (usize, usize) {
        let answered = instrument.questions.iter().filter(|q| self.is_answered(q)).count();
        (answered, instrument.questions.len())
    }

    /// The unanswered questions, in page order.
    pub fn unanswered<'a>(&'a self, instrument: &'a Instrument) -> impl Iterator<Item = &'a Question> + 'a {
        instrument.questions.iter().filter(move |q| !self.is_answered(q))
    }

    /// The answer to one question in words, for "check your answers".
    /// `None` when unanswered.
    pub fn describe(&self, instrument: &Instrument, question: &Question) -> Option<String> {
        self.describe_in(instrument, question, crate::Lang::En)
    }

    /// [`Responses::describe`] in a language: the scale's labels in `lang`,
    /// every other label from `instrument` (pass the instrument in the same
    /// language, [`Instrument::shipped_in`]).
    pub fn describe_in(&self, instrument: &Instrument, question: &Question, lang: crate::Lang) -> Option<String> {
        if !self.is_answered(question) {
            return None;
        }
        let id = question.id();
        Some(match question {
            Question::Statement(_) => self.statement(id)?.label_in(lang).to_owned(),
            Question::Grid(g) => {
                let ticked = self.grids.get(id)?;
                g.rows
                    .iter()
                    .filter_map(|r| {
                        let cells = ticked.get(&r.id)?;
                        let cols: Vec<&str> = g
                            .columns
                            .iter()
                            .filter(|c| cells.contains(&c.id))
                            .map(|c| c.label.as_str())
                            .collect();
                        Some(format!("{}: {}", r.label, cols.join(", ")))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            _ => {
                let labels = instrument.list_options(question);
                self.chosen(id)
                    .iter()
                    .filter_map(|o| labels.iter().find(|(id, _)| id == o).map(|(_, l)| l.clone()))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        })
    }

    /// Checks that every id names a question of the right kind and every
    /// option, row and column exists. Used on everything read from storage
    /// or from a file.
    pub fn validate(&self, instrument: &Instrument) -> Result<(), Vec<ResponseError>> {
        let mut errors = Vec::new();
        let mut err = |e: ResponseError| errors.push(e);
        for id in self.statements.keys() {
            if instrument.statement(id).is_none() {
                err(ResponseError::NotAStatement { item: id.clone() });
            }
        }
        for (id, chosen) in &self.choices {
            let Some(q) = instrument.question(id) else {
                err(ResponseError::NotAQuestion { item: id.clone() });
                continue;
            };
            let max = match q {
                Question::SingleChoice(_) => Some(1),
                Question::MultiChoice(c) => c.max,
                Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => l.max,
                Question::Statement(_) | Question::Grid(_) => {
                    err(ResponseError::NotAChoice { item: id.clone() });
                    continue;
                }
            };
            let options = instrument.list_options(q);
            for o in chosen {
                if !options.iter().any(|(oid, _)| oid == o) {
                    err(ResponseError::NotAnOption {
                        item: id.clone(),
                        option: o.clone(),
                    });
                }
            }
            let mut distinct = SortedSet::new();
            if chosen.iter().any(|o| !distinct.insert(o)) {
                err(ResponseError::OptionTwice { item: id.clone() });
            }
            if let Some(max) = max {
                if chosen.len() > usize::from(max) {
                    err(ResponseError::TooManyChoices {
                        item: id.clone(),
                        chosen: chosen.len(),
                        max,
                    });
                }
            }
        }
        for (id, rows) in &self.grids {
            let Some(Question::Grid(g)) = instrument.question(id) else {
                err(ResponseError::NotAGrid { item: id.clone() });
                continue;
            };
            for (row, cols) in rows {
                if !g.rows.iter().any(|r| &r.id == row) {
                    err(ResponseError::NotARow {
                        item: id.clone(),
                        row: row.clone(),
                    });
                }
                for c in cols {
                    if !g.columns.iter().any(|col| &col.id == c) {
                        err(ResponseError::NotAColumn {
                            item: id.clone(),
                            column: c.clone(),
                        });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
