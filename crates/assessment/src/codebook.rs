//! The codebook: the whole instrument with its scoring rules, as JSON, for
//! researchers and for anyone checking the app's working.

use crate::instrument::{Instrument, Polarity};
use crate::responses::ScaleAnswer;
use crate::scoring::{score_answer, Class};
use serde::Serialize;

/// How one answer scores under each polarity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScaleEntry {
    pub answer: ScaleAnswer,
    pub label: &'static str,
    pub positive: (Class, i32),
    pub negative: (Class, i32),
}

/// The exported codebook.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Codebook<'a> {
    /// Always `"hr-readiness-codebook"`.
    pub format: &'static str,
    pub instrument_version: &'a str,
    /// Where the method is written up for people.
    pub method: &'static str,
    pub scale: Vec<ScaleEntry>,
    pub instrument: &'a Instrument,
}

impl<'a> Codebook<'a> {
    pub fn new(instrument: &'a Instrument) -> Self {
        Codebook {
            format: "hr-readiness-codebook",
            instrument_version: &instrument.version,
            method: "docs/scoring.md",
            scale: ScaleAnswer::ALL
                .into_iter()
                .map(|answer| ScaleEntry {
                    answer,
                    label: answer.label(),
                    positive: score_answer(answer, Polarity::Positive),
                    negative: score_answer(answer, Polarity::Negative),
                })
                .collect(),
            instrument,
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
