//! Answers from an earlier questionnaire version.
//!
//! A statement whose meaning changed between versions got a new id; the old
//! id is listed in the instrument's `retired` table (`data/instrument.toml`)
//! with the statements that replace it and why. Bringing answers up to this
//! version ([`take_retired`]) keeps every answer to a statement both
//! versions ask, and moves the answers to retired statements aside: they are
//! kept, never scored, and never carried over to the new statements, which
//! need a fresh answer ([`needs_fresh_answer`]).
//!
//! ```
//! use hr_assessment::{upgrade, Instrument, ItemId, Responses, ScaleAnswer, Shipped};
//! let instrument = Instrument::shipped();
//! let mut answers = Responses::default();
//! answers.set_statement(ItemId::new("supplies-allowed"), ScaleAnswer::StronglyAgree); // 1.0.0
//! answers.set_statement(ItemId::new("state-laws"), ScaleAnswer::SomewhatAgree); // unchanged
//! let aside = upgrade::take_retired(instrument, &mut answers);
//! assert_eq!(aside.len(), 1);
//! assert_eq!(answers.statement(&ItemId::new("state-laws")), Some(ScaleAnswer::SomewhatAgree));
//! assert_eq!(answers.statement(&ItemId::new("syringes-allowed")), None);
//! ```

use crate::ids::ItemId;
use crate::instrument::{version_key, Instrument, Retired, Statement};
use crate::lang::Lang;
use crate::responses::{Responses, ScaleAnswer};
use crate::sorted::SortedMap;

/// Moves every answer to a statement this version no longer asks out of
/// `responses` and returns them. Answers to every other statement stay as
/// they are.
pub fn take_retired(instrument: &Instrument, responses: &mut Responses) -> SortedMap<ItemId, ScaleAnswer> {
    let mut aside = SortedMap::new();
    for r in &instrument.retired {
        if let Some(answer) = responses.statements.remove(&r.id) {
            aside.insert(r.id.clone(), answer);
        }
    }
    aside
}

/// Whether `version` is older than the instrument's (and a version at all).
pub fn is_older(instrument: &Instrument, version: &str) -> bool {
    matches!((version_key(version), version_key(&instrument.version)), (Some(v), Some(now)) if v < now)
}

/// An earlier answer that was not carried over, and the statements that now
/// ask what it asked.
#[derive(Clone, Debug, PartialEq)]
pub struct FreshAnswer<'a> {
    pub retired: &'a Retired,
    /// The answer given to the earlier statement.
    pub earlier: ScaleAnswer,
    /// The statements replacing it that have no answer yet, in page order.
    pub unanswered: Vec<&'a Statement>,
}

/// For each earlier answer kept aside (`aside`, from [`take_retired`]),
/// the replacing statements still without an answer; an earlier answer
/// whose replacements are all answered is left out. In the order of the
/// instrument's `retired` table.
pub fn needs_fresh_answer<'a>(
    instrument: &'a Instrument,
    aside: &SortedMap<ItemId, ScaleAnswer>,
    responses: &Responses,
) -> Vec<FreshAnswer<'a>> {
    instrument
        .retired
        .iter()
        .filter_map(|r| {
            let earlier = *aside.get(&r.id)?;
            let unanswered: Vec<&Statement> = instrument
                .statements()
                .filter(|s| r.replaced_by.contains(&s.id) && responses.statement(&s.id).is_none())
                .collect();
            (!unanswered.is_empty()).then_some(FreshAnswer {
                retired: r,
                earlier,
                unanswered,
            })
        })
        .collect()
}

/// Respondents of several questionnaire versions merged together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedVersions {
    /// Each earlier version and how many respondents answered it, oldest first.
    pub earlier: Vec<(String, u32)>,
    /// Respondents in all.
    pub members: u32,
    /// This version's statements the oldest of those versions also asked.
    pub shared: usize,
    /// This version's statements the oldest version did not ask.
    pub new: usize,
    /// This version.
    pub version: String,
}

/// How a merge of respondents stands when some answered an earlier version
/// (`versions`: each respondent's questionnaire version; anything that is
/// not an earlier version counts as this one). `None` when all answered
/// this version.
pub fn mixed_versions(instrument: &Instrument, versions: &[&str]) -> Option<MixedVersions> {
    let mut earlier: Vec<(String, u32)> = Vec::new();
    for v in versions.iter().filter(|v| is_older(instrument, v)) {
        match earlier.iter_mut().find(|(e, _)| e == v) {
            Some((_, n)) => *n += 1,
            None => earlier.push(((*v).to_owned(), 1)),
        }
    }
    crate::sort::by(&mut earlier, |a, b| version_key(&a.0) < version_key(&b.0));
    let oldest = earlier.first()?.0.clone();
    let shared = instrument.statements().filter(|s| s.asked_in(&oldest)).count();
    Some(MixedVersions {
        members: versions.len() as u32,
        shared,
        new: instrument.statements().count() - shared,
        version: instrument.version.clone(),
        earlier,
    })
}

impl MixedVersions {
    /// The note for the team view, in a language.
    pub fn message(&self, lang: Lang) -> String {
        let older: u32 = self.earlier.iter().map(|(_, n)| n).sum();
        let list = self
            .earlier
            .iter()
            .map(|(v, n)| format!("{v} ({n})"))
            .collect::<Vec<_>>()
            .join(", ");
        let (members, shared, new, version) = (self.members, self.shared, self.new, &self.version);
        let current = members - older;
        if current == 1 {
            tr!(
                lang,
                "{older} of {members} respondents answered an earlier version of the questionnaire: {list}. Everyone's answers are merged on the {shared} statements the versions share; the {new} statements new or changed in version {version} have answers only from the {current} respondent who answered that version.",
                "{older} de {members} personas respondieron una versión anterior del cuestionario: {list}. Las respuestas de todas se combinan en las {shared} afirmaciones que las versiones comparten; las {new} afirmaciones nuevas o modificadas en la versión {version} solo tienen respuestas de la persona que respondió esa versión ({current})."
            )
        } else {
            tr!(
                lang,
                "{older} of {members} respondents answered an earlier version of the questionnaire: {list}. Everyone's answers are merged on the {shared} statements the versions share; the {new} statements new or changed in version {version} have answers only from the {current} respondents who answered that version.",
                "{older} de {members} personas respondieron una versión anterior del cuestionario: {list}. Las respuestas de todas se combinan en las {shared} afirmaciones que las versiones comparten; las {new} afirmaciones nuevas o modificadas en la versión {version} solo tienen respuestas de las personas que respondieron esa versión ({current})."
            )
        }
    }
}
