//! The files a user exports and imports: the assessment file (JSON), its
//! passphrase-protected envelope, and the CSV table of statements.
//! `docs/file-format.md` describes them for people, and
//! `docs/assessment-file.schema.json` as a JSON Schema; tests keep both in
//! step with this code.
//!
//! Everything read here comes from a file the user picked, so nothing is
//! trusted: the size is capped before parsing, nesting is capped before
//! parsing, every field is checked, every id is checked against the
//! instrument, and every refusal is an [`ImportError`] whose message tells a
//! non-technical user what is wrong and what to do. Nothing here panics.
//!
//! ```
//! use hr_assessment::file::{export_json, import};
//! use hr_assessment::{Instrument, Record, Shipped};
//!
//! let instrument = Instrument::shipped();
//! let record = Record::new(instrument, "a1".into(), "Assessment of 22 November 2026".into(),
//!                          "2026-11-22T10:15:00.000Z".into());
//! let text = export_json(&record, "en", "2026-11-22T10:20:00.000Z");
//! let imported = import(&text, instrument).unwrap();
//! assert_eq!(imported.name, "Assessment of 22 November 2026");
//! assert_eq!(imported.responses, record.responses);
//! ```

use crate::base64;
use crate::benchmark::{national_match, MatchScope};
use crate::ids::{ItemId, OptionId, TaAreaId};
use crate::instrument::{Instrument, Question};
use crate::lang::Lang;
use crate::record::{validate_actions, Action, ActionStatus, PlanProblem, Record, MAX_ACTIONS};
use crate::responses::{ResponseError, Responses, ScaleAnswer};
use crate::scoring::score_answer;
use crate::sorted::{SortedMap, SortedSet};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

pub use crate::crypto_params::*;
pub use crate::dates::is_timestamp;
pub use crate::text::is_forbidden_control;
use crate::text::shown;

mod checks;
mod csv;
mod envelope;
mod errors;
mod export;
mod import;
mod migrate;
mod walk;

pub use self::checks::*;
pub use self::csv::*;
pub use self::envelope::*;
pub use self::errors::*;
pub use self::export::*;
pub use self::import::*;
pub use self::migrate::*;
pub(crate) use self::walk::*;

/// The `format` marker of an assessment file.
pub const FORMAT: &str = "hr-readiness-assessment";
/// The `format` marker of a passphrase-protected assessment file.
pub const ENCRYPTED_FORMAT: &str = "hr-readiness-assessment-encrypted";
/// The `format` marker of a team summary (`team::team_summary_json`): not
/// an assessment, and refused as one with [`ImportError::TeamSummary`].
pub const TEAM_SUMMARY_FORMAT: &str = "hr-readiness-team-summary";
/// The file format version this build writes. Older versions are read
/// through [`migrate`].
pub const CURRENT_VERSION: u32 = 2;
/// The envelope format version this build writes and reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// Largest assessment file accepted, in bytes (checked before parsing).
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// Largest protected file accepted, in bytes: room for the base64 of an
/// encrypted [`MAX_IMPORT_BYTES`] file and the envelope's other fields.
pub const MAX_ENVELOPE_BYTES: usize = 1_400_000;
/// Deepest nesting of arrays and objects accepted (an assessment file
/// needs 6), checked before parsing.
pub const MAX_DEPTH: usize = 16;
/// Longest assessment name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 120;
/// Longest instrument version string.
pub const MAX_VERSION_CHARS: usize = 32;
/// The interface languages a file may name.
pub const LANGUAGES: [&str; 2] = ["en", "es"];
