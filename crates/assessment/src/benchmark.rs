//! The respondent's answers beside the 2022 national figures, with the
//! number of respondents (n) behind every figure.

use crate::case::Case;
use crate::ids::*;
use crate::instrument::{Instrument, NationalStatement, Qualifier, Question};
use crate::lang::Lang;
use crate::responses::{Responses, ScaleAnswer};
use serde::Serialize;

/// Which national figure matches the respondent's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchScope {
    /// The share giving exactly the same answer.
    SameAnswer,
    /// Only the agree side (strongly + somewhat) is published.
    AgreeSide,
    /// Only the disagree side (strongly + somewhat) is published.
    DisagreeSide,
}

/// The national share to put beside an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NationalMatch {
    pub share: u8,
    pub qualifier: Qualifier,
    pub scope: MatchScope,
}

impl NationalMatch {
    /// The share with its qualifier, as a sentence continues after it:
    /// "40%", "more than 40%"; in Spanish an exact share takes the article
    /// ("el 40%").
    pub fn share_in(&self, lang: Lang) -> String {
        let prefix = match self.qualifier {
            Qualifier::Exact => pick!(lang, "", "el "),
            other => other.prefix_in(lang),
        };
        format!("{prefix}{}%", self.share)
    }
}

/// One survey statement: your answer and the nation's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementBenchmark {
    pub item: ItemId,
    pub answer: Option<ScaleAnswer>,
    pub national: NationalStatement,
    /// The national figure for your answer, where the report gives one.
    pub matched: Option<NationalMatch>,
}

impl StatementBenchmark {
    /// [`StatementBenchmark::sentence`] in a language: "Su respuesta: muy
    /// en desacuerdo. A nivel nacional, el 40% está muy en desacuerdo
    /// (n = 90)." Where no share matches the answer, the report's own words
    /// are quoted from the benchmark, which carries them in the language of
    /// the instrument the report was made with: assess with
    /// [`Instrument::shipped_in`] the same language.
    ///
    /// [`Instrument::shipped_in`]: crate::Instrument::shipped_in
    pub fn sentence_in(&self, lang: Lang) -> String {
        let n = self.national.n;
        let you = match self.answer {
            Some(a) => {
                let answer = a.phrase_in(lang);
                tr!(lang, "You: {answer}.", "Su respuesta: {answer}.")
            }
            None => pick!(lang, "You have not answered.", "Usted no ha respondido.").to_owned(),
        };
        let nation = match (self.answer, self.matched) {
            (Some(a), Some(m)) => {
                let what = match m.scope {
                    MatchScope::SameAnswer => match a {
                        ScaleAnswer::DontKnow => pick!(lang, "did not know", "no lo sabía").to_owned(),
                        other => {
                            let answer = other.phrase_in(lang);
                            tr!(lang, "{answer}", "está {answer}")
                        }
                    },
                    MatchScope::AgreeSide => {
                        pick!(lang, "agree (strongly or somewhat)", "está de acuerdo (muy o algo)").to_owned()
                    }
                    MatchScope::DisagreeSide => pick!(
                        lang,
                        "disagree (strongly or somewhat)",
                        "está en desacuerdo (muy o algo)"
                    )
                    .to_owned(),
                };
                let share = m.share_in(lang);
                tr!(
                    lang,
                    "Nationally {share} {what} (n = {n}).",
                    "A nivel nacional, {share} {what} (n = {n})."
                )
            }
            _ => {
                let reported = self.national.reported.trim_end_matches('.');
                // In Spanish the report's words follow a colon: lower their first letter.
                let reported = match lang {
                    Lang::En => reported.to_owned(),
                    Lang::Es => reported.lower_first(),
                };
                tr!(
                    lang,
                    "Nationally: {reported} (n = {n}).",
                    "A nivel nacional: {reported} (n = {n})."
                )
            }
        };
        format!("{you} {nation}")
    }

    /// "You: strongly disagree. Nationally 40% strongly disagree (n = 90)."
    pub fn sentence(&self) -> String {
        self.sentence_in(Lang::En)
    }
}

/// The national figure matching an answer, using the most exact figure the
/// report gives.
pub fn national_match(national: &NationalStatement, answer: ScaleAnswer) -> Option<NationalMatch> {
    let exact = match answer {
        ScaleAnswer::StronglyAgree => national.strongly_agree,
        ScaleAnswer::SomewhatAgree => national.somewhat_agree,
        ScaleAnswer::SomewhatDisagree => national.somewhat_disagree,
        ScaleAnswer::StronglyDisagree => national.strongly_disagree,
        ScaleAnswer::DontKnow => national.dont_know,
    };
    if let Some(share) = exact {
        return Some(NationalMatch {
            share,
            qualifier: Qualifier::Exact,
            scope: MatchScope::SameAnswer,
        });
    }
    match answer {
        ScaleAnswer::StronglyAgree | ScaleAnswer::SomewhatAgree => national.agree.map(|share| NationalMatch {
            share,
            qualifier: national.qualifier,
            scope: MatchScope::AgreeSide,
        }),
        ScaleAnswer::SomewhatDisagree | ScaleAnswer::StronglyDisagree => national.disagree.map(|share| NationalMatch {
            share,
            qualifier: Qualifier::Exact,
            scope: MatchScope::DisagreeSide,
        }),
        ScaleAnswer::DontKnow => None,
    }
}

/// Every statement with national figures, in page order.
pub fn statements(instrument: &Instrument, responses: &Responses) -> Vec<StatementBenchmark> {
    instrument
        .statements()
        .filter_map(|s| {
            let national = s.national.clone()?;
            let answer = responses.statement(&s.id);
            let matched = answer.and_then(|a| national_match(&national, a));
            Some(StatementBenchmark {
                item: s.id.clone(),
                answer,
                national,
                matched,
            })
        })
        .collect()
}

/// One cell of a grid beside the nation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellBenchmark {
    pub column: OptionId,
    pub yours: bool,
    /// National share for this cell, where the report gives one.
    pub national: Option<u8>,
    /// Respondents behind the column's figures.
    pub n: Option<u32>,
}

/// One row (a service, a partner) beside the nation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowBenchmark {
    pub row: OptionId,
    pub cells: Vec<CellBenchmark>,
}

/// A grid question beside the nation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GridBenchmark {
    pub question: ItemId,
    pub rows: Vec<RowBenchmark>,
}

/// Services and partners beside the national shares, in page order.
pub fn grids(instrument: &Instrument, responses: &Responses) -> Vec<GridBenchmark> {
    instrument
        .questions
        .iter()
        .filter_map(|q| match q {
            Question::Grid(g) => Some(g),
            _ => None,
        })
        .map(|g| GridBenchmark {
            question: g.id.clone(),
            rows: g
                .rows
                .iter()
                .map(|r| RowBenchmark {
                    row: r.id.clone(),
                    cells: g
                        .columns
                        .iter()
                        .map(|c| CellBenchmark {
                            column: c.id.clone(),
                            yours: responses.cell(&g.id, &r.id, &c.id),
                            national: r.national.get(&c.id).copied(),
                            n: c.n,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// A choice question with national shares (whether TA is received now).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChoiceBenchmark {
    pub question: ItemId,
    pub yours: Vec<OptionId>,
    /// (option, national share) in the question's order.
    pub options: Vec<(OptionId, Option<u8>)>,
    pub n: u32,
}

/// Choice questions that carry national shares, in page order.
pub fn choices(instrument: &Instrument, responses: &Responses) -> Vec<ChoiceBenchmark> {
    instrument
        .questions
        .iter()
        .filter_map(|q| match q {
            Question::SingleChoice(c) | Question::MultiChoice(c) => Some(c),
            _ => None,
        })
        .filter_map(|c| {
            let n = c.n?;
            Some(ChoiceBenchmark {
                question: c.id.clone(),
                yours: responses.chosen(&c.id).to_vec(),
                options: c.options.iter().map(|o| (o.id.clone(), o.national)).collect(),
                n,
            })
        })
        .collect()
}
