//! Who may join the team view: at most [`MAX_MEMBERS`] people, however they
//! come in (files, answer codes, saved assessments), and no answer code
//! twice. `docs/team.md` ("Adding people") says the same for people.

use crate::instrument::Instrument;
use crate::responses::Responses;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// The most people the team view holds.
pub const MAX_MEMBERS: usize = 200;

/// Why one newcomer was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The team view is full.
    Full,
    /// An answer code with exactly the answers of a code already added:
    /// `Some(label)` of the person already in the team view, `None` when the
    /// same code came twice in one go.
    SameCode(Option<String>),
}

impl Refusal {
    /// What the facilitator reads.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::Full, Lang::En) => format!(
                "The team view already holds {MAX_MEMBERS} people, the most it can take, so this one was not added. Remove someone first, or start a second team view in another browser."
            ),
            (Refusal::Full, Lang::Es) => format!(
                "La vista de equipo ya tiene {MAX_MEMBERS} personas, el máximo que admite, así que esta no se agregó. Quite a alguien primero o empiece una segunda vista de equipo en otro navegador."
            ),
            (Refusal::SameCode(Some(label)), Lang::En) => format!(
                "This code is already in the team view ({label}), so it was not added again. If two people really gave exactly the same answers, ask one of them for their assessment file instead."
            ),
            (Refusal::SameCode(Some(label)), Lang::Es) => format!(
                "Este código ya está en la vista de equipo ({label}), así que no se agregó otra vez. Si dos personas dieron de verdad exactamente las mismas respuestas, pida a una de ellas su archivo de evaluación."
            ),
            (Refusal::SameCode(None), Lang::En) => "This code was pasted twice, so it was added once.".to_owned(),
            (Refusal::SameCode(None), Lang::Es) => "Este código se pegó dos veces, así que se agregó una sola vez.".to_owned(),
        }
    }
}

/// One person in (or coming into) the team view, as far as these rules care.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub responses: &'a Responses,
    /// Came in as an answer code.
    pub from_code: bool,
}

/// Decides, in order, whether each newcomer may join a team view whose
/// present members are `present` (with their labels). Newcomers accepted
/// earlier in the same call count as present.
pub fn admit(present: &[(&str, Entry<'_>)], incoming: &[Entry<'_>]) -> Vec<Result<(), Refusal>> {
    let mut size = present.len();
    let mut accepted: Vec<&Responses> = Vec::new();
    incoming
        .iter()
        .map(|new| {
            if new.from_code {
                if let Some((label, _)) = present
                    .iter()
                    .find(|(_, e)| e.from_code && e.responses == new.responses)
                {
                    return Err(Refusal::SameCode(Some((*label).to_owned())));
                }
                if accepted.contains(&new.responses) {
                    return Err(Refusal::SameCode(None));
                }
            }
            if size >= MAX_MEMBERS {
                return Err(Refusal::Full);
            }
            size += 1;
            if new.from_code {
                accepted.push(new.responses);
            }
            Ok(())
        })
        .collect()
}

/// One respondent in the team view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamEntry {
    /// "Respondent 3": respondents stay anonymous.
    pub label: String,
    /// Where it came from: a file name, "answer code", or "saved on this device".
    pub source: String,
    pub responses: Responses,
    /// The questionnaire version the answers were given to, when it is an
    /// earlier one (empty: this version).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
}

/// What is kept under the `team` storage key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamStore {
    pub schema: u32,
    pub members: Vec<TeamEntry>,
}

impl TeamStore {
    /// Reads what is stored under the `team` key, if it is a team view.
    pub fn from_json(raw: &str) -> Option<TeamStore> {
        serde_json::from_str(raw).ok()
    }

    /// Whether every respondent's answers check out against `instrument`.
    pub fn readable(&self, instrument: &Instrument) -> bool {
        self.members.iter().all(|m| m.responses.validate(instrument).is_ok())
    }
}
