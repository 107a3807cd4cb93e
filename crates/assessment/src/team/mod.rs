//! The team view: several people's answers merged on the facilitator's own
//! device. Per statement the counts of each answer, how far the team agrees,
//! how widely the answers spread and whether leadership, staff and peers see
//! it differently; per domain the pooled balance; and the team's TA ranking.
//! `docs/team.md` explains every figure for people, and a test checks its
//! worked example against this code.
//!
//! Everything is integer arithmetic, so the same answers give the same
//! figures on every machine, and every percentage the UI shows comes from
//! [`crate::numbers::percent`].
//!
//! ```
//! use hr_assessment::team::{merge, Member};
//! use hr_assessment::{Instrument, ItemId, OptionId, Responses, ScaleAnswer, Shipped};
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

//!
//! The model is in `report.rs`, the merging in `merge.rs` and the CSV table
//! in `csv.rs`; everything is re-exported here, as `team::…`.

use crate::ids::*;
use crate::instrument::{Instrument, Question};
use crate::responses::Responses;

mod csv;
mod merge;
mod report;

pub use csv::*;
pub use merge::*;
pub use report::*;

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
