//! The questionnaire model of the harm reduction readiness self-assessment.
//!
//! The types of the instrument (domains, statements, choices, TA areas,
//! modalities, the national figures, the scoring thresholds), read from
//! JSON and checked ([`Instrument::from_json`], [`Instrument::problems`]),
//! translated ([`Instrument::translated`]), and written to and read from
//! the compact text tape the program carries ([`tape`]); with the typed
//! ids, [`Lang`] and the sorted-vector [`SortedMap`] and [`SortedSet`] the
//! model is made of.
//!
//! It holds no questionnaire: the core (`hr-assessment`) builds its data
//! files with this crate in its build script and ships the result. Nothing
//! here scores, reads files or touches the browser.

pub mod ids;
pub mod instrument;
pub mod lang;
pub mod sorted;
pub mod tape;
mod translation;

pub use ids::*;
pub use instrument::{Instrument, InstrumentError, Polarity, Question, Setting};
pub use lang::Lang;
pub use sorted::{SortedMap, SortedSet};
