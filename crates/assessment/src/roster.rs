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
        match self {
            Refusal::Full => tr!(lang, "The team view already holds {MAX_MEMBERS} people, the most it can take, so this one was not added. Remove someone first, or start a second team view in another browser.", "La vista de equipo ya tiene {MAX_MEMBERS} personas, el máximo que admite, así que esta no se agregó. Quite a alguien primero o empiece una segunda vista de equipo en otro navegador."),
            Refusal::SameCode(Some(label)) => tr!(lang, "This code is already in the team view ({label}), so it was not added again. If two people really gave exactly the same answers, ask one of them for their assessment file instead.", "Este código ya está en la vista de equipo ({label}), así que no se agregó otra vez. Si dos personas dieron de verdad exactamente las mismas respuestas, pida a una de ellas su archivo de evaluación."),
            Refusal::SameCode(None) => pick!(lang, "This code was pasted twice, so it was added once.", "Este código se pegó dos veces, así que se agregó una sola vez.").to_owned(),
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

/// Where a respondent came from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum Source {
    /// A file, by its name.
    File(String),
    /// An answer code: pasted, scanned, or in a link.
    Code,
    /// An assessment saved on this device.
    Saved,
}

/// How a [`Source`] is stored: the file's name, or one of these two
/// phrases (as stored from the start, so older team views read the same).
const STORED_CODE: &str = "answer code";
const STORED_SAVED: &str = "saved on this device";

impl From<String> for Source {
    fn from(stored: String) -> Source {
        match stored.as_str() {
            STORED_CODE => Source::Code,
            STORED_SAVED => Source::Saved,
            _ => Source::File(stored),
        }
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Source::File(name) => name,
            Source::Code => STORED_CODE,
            Source::Saved => STORED_SAVED,
        })
    }
}

/// One respondent in the team view: anonymous, known by a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// 1, 2, 3…: shown as "Respondent 3" ("Participante 3"). Stored as
    /// the `label` "Respondent 3" (in English whatever the language), as
    /// it always has been, so that team views stored earlier read the same.
    #[serde(rename = "label", with = "stored_label")]
    pub number: u32,
    pub source: Source,
    pub responses: Responses,
    /// The questionnaire version the answers were given to, when it is an
    /// earlier one (empty: this version).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
}

impl Respondent {
    /// What these rules need to know of a respondent.
    pub fn entry(&self) -> Entry<'_> {
        Entry {
            responses: &self.responses,
            from_code: self.source == Source::Code,
        }
    }
}

/// A respondent's number as stored: "Respondent 3".
mod stored_label {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(number: &u32, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("Respondent {number}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let label = String::deserialize(d)?;
        label
            .strip_prefix("Respondent ")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| D::Error::custom("a label other than \"Respondent N\""))
    }
}

/// The number for the next respondent: one more than the highest so far.
pub fn next_number(present: &[Respondent]) -> u32 {
    present.iter().map(|r| r.number).max().unwrap_or(0) + 1
}

/// What is kept under the `team` storage key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamStore {
    pub schema: u32,
    pub members: Vec<Respondent>,
}

impl TeamStore {
    /// Reads what is stored under the `team` key: `None` unless it is a
    /// team view whose every respondent checks out against `instrument`.
    /// The one check of a stored team. Answers to statements this version
    /// no longer asks are set aside first, never counted
    /// ([`crate::upgrade::take_retired`]); such a respondent's version
    /// becomes the last one that asked them, if it was not known.
    pub fn from_json(raw: &str, instrument: &Instrument) -> Option<TeamStore> {
        let mut store: TeamStore = serde_json::from_str(raw).ok()?;
        for r in &mut store.members {
            let aside = crate::upgrade::take_retired(instrument, &mut r.responses);
            let until = aside
                .keys()
                .next()
                .and_then(|id| instrument.retired(id))
                .map(|r| r.until.clone());
            if let (Some(until), true) = (until, r.version.is_empty()) {
                r.version = until;
            }
        }
        store
            .members
            .iter()
            .all(|r| r.responses.validate(instrument).is_ok())
            .then_some(store)
    }
}
