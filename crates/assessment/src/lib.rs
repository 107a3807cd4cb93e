//! The pure core of the harm reduction readiness self-assessment.
//!
//! Everything that decides what the app says lives here: the instrument
//! (embedded data), the answers, scoring, recommendations and the national
//! benchmark. No browser, UI or storage code — this crate does not depend on
//! leptos, web-sys, gloo or wasm-bindgen, so all of it is tested natively.
//!
//! ```
//! use hr_assessment::{assess, Instrument, ItemId, Responses, ScaleAnswer, Shipped, Stage};
//!
//! let instrument = Instrument::shipped();
//! let mut answers = Responses::default();
//! answers.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::StronglyDisagree);
//! answers.set_statement(ItemId::new("reimbursement"), ScaleAnswer::SomewhatDisagree);
//!
//! // Two known answers of six: not enough for a stage.
//! let report = assess(instrument, &answers);
//! let funding = report.domain(&"funding".into()).unwrap();
//! assert_eq!(funding.balance, Some(-75)); // (−2 − 1) ÷ (2 × 2) = −75%
//! assert_eq!(funding.stage, Stage::NotAssessed);
//!
//! // A third: half of the statements known.
//! answers.set_statement(ItemId::new("funding-sources-known"), ScaleAnswer::StronglyDisagree);
//! let report = assess(instrument, &answers);
//! let funding = report.domain(&"funding".into()).unwrap();
//! assert_eq!(funding.balance, Some(-83)); // (−2 − 1 − 2) ÷ (2 × 3) = −83%
//! assert_eq!(funding.stage, Stage::Barrier);
//! assert_eq!(report.ta_areas[0].area.as_str(), "funding");
//! assert_eq!(report.ta_areas[0].need, 83); // 10 of 12 possible points
//! ```

/// A text in both languages, side by side, formatted: every text the app
/// shows is written this way, here as in the interface.
///
/// ```
/// use hr_assessment::{pick, tr, Lang};
/// let n = 3;
/// assert_eq!(tr!(Lang::Es, "{n} answered", "{n} respondidas"), "3 respondidas");
/// // A fixed text is a pair too:
/// assert_eq!(pick!(Lang::En, "Saved", "Guardado"), "Saved");
/// ```
///
/// The interface's `t!(en, es)` and `tf!(en, es)` are these two with the
/// interface's language. Arguments are named inline (`{n}`), or follow the
/// pair, and then each language must use every one of them (`format!`
/// refuses an unused argument). `tests/i18n.rs` reads every pair of the
/// project: no Spanish text is empty or left in English, and both texts of
/// a pair name the same arguments.
///
/// In the build the app ships (`--cfg hr_lift`), the Spanish is not in the
/// program: it is looked up in the texts fetched when Spanish is chosen
/// ([`lifted`]), and a text not found there is given in English.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $es:literal $(, $arg:expr)* $(,)?) => {{
        #[cfg(not(hr_lift))]
        let spanish = match $lang {
            $crate::Lang::En => None,
            $crate::Lang::Es => Some(format!($es $(, $arg)*)),
        };
        #[cfg(hr_lift)]
        let spanish = match $lang {
            $crate::Lang::En => None,
            $crate::Lang::Es => {
                let (key, values) = $crate::spanish_format!($es $(, $arg)*);
                $crate::lifted::fill(key, &values)
            }
        };
        match spanish {
            Some(text) => text,
            None => format!($en $(, $arg)*),
        }
    }};
}

/// A fixed text in both languages: `pick!(lang, "Saved", "Guardado")` is a
/// `&'static str`. See [`tr!`].
#[macro_export]
macro_rules! pick {
    ($lang:expr, $en:expr, $es:literal $(,)?) => {{
        #[cfg(not(hr_lift))]
        let text: &'static str = match $lang {
            $crate::Lang::En => $en,
            $crate::Lang::Es => $es,
        };
        #[cfg(hr_lift)]
        let text: &'static str = $crate::lifted::pick($lang, $crate::spanish_key!($es), $en);
        text
    }};
}

#[doc(hidden)]
pub use hr_i18n_macros::{spanish_format, spanish_key};

pub mod backup;
pub mod base64;
pub mod benchmark;
pub mod case;
pub mod code;
pub mod codebook;
pub mod compare;
pub mod crypto_params;
pub mod dates;
pub mod example;
pub mod file;
pub mod incoming;
pub mod lifted;
pub mod numbers;
pub mod qr;
pub mod recommend;
pub mod record;
pub mod responses;
pub mod roster;
pub mod scoring;
mod shipped;
pub mod sort;
pub mod team;
pub mod team_charts;
pub mod text;
pub mod upgrade;
pub mod versions;

// The questionnaire model is its own crate (`hr-instrument`), which
// `build.rs` reads the data files with; its modules and types are the core's
// too, at the same paths.
use hr_instrument::ids;
pub use hr_instrument::{instrument, lang, sorted};

/// The shipped translations (the texts of `data/instrument.<lang>.toml`);
/// the model's [`Instrument::translated`] applies one.
///
/// ```
/// use hr_assessment::{Instrument, Lang, Shipped};
///
/// let en = Instrument::shipped();
/// let es = Instrument::shipped_in(Lang::Es);
/// assert_eq!(es.language, "es");
/// assert_eq!(es.domains[0].id, en.domains[0].id);
/// assert_eq!(es.domains[0].name, "Liderazgo");
/// ```
pub mod translation {
    pub use crate::shipped::translation_json as shipped_json;
}

pub use benchmark::{ChoiceBenchmark, GridBenchmark, NationalMatch, StatementBenchmark};
pub use ids::*;
pub use instrument::{Instrument, InstrumentError, Polarity, Question, Setting};
pub use lang::Lang;
pub use recommend::{Evidence, FindOut, ModalityReason, ModalityRecommendation, TaRecommendation};
pub use record::{Action, ActionStatus, Lock, Record, RecordError, SealedParts, SealedRecord, Stored, LOCK_CHECK};
pub use responses::{Responses, ScaleAnswer};
pub use scoring::{Class, DomainResult, ItemScore, Overall, Part, Reading, Stage};
pub use shipped::Shipped;
pub use sorted::{SortedMap, SortedSet};

use serde::Serialize;

/// Everything the results page shows, computed from the answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub instrument_version: String,
    /// Per domain, in the instrument's order, with the answers behind each.
    pub domains: Vec<DomainResult>,
    pub overall: Overall,
    /// Ranked, strongest need first.
    pub ta_areas: Vec<TaRecommendation>,
    /// Domains without enough known answers to say.
    pub find_out: Vec<FindOut>,
    /// Every modality, best fit first.
    pub modalities: Vec<ModalityRecommendation>,
    /// Survey statements beside the national figures.
    pub statements: Vec<StatementBenchmark>,
    /// Services and partners beside the national shares.
    pub grids: Vec<GridBenchmark>,
    /// Choice questions with national shares (TA received now).
    pub choices: Vec<ChoiceBenchmark>,
}

impl Report {
    pub fn domain(&self, id: &DomainId) -> Option<&DomainResult> {
        self.domains.iter().find(|d| &d.domain == id)
    }

    /// The score of one answered statement.
    pub fn item(&self, id: &ItemId) -> Option<&ItemScore> {
        self.domains.iter().flat_map(|d| &d.items).find(|s| &s.item == id)
    }

    /// All answered statements of one class, in page order.
    pub fn items_of(&self, class: Class) -> impl Iterator<Item = &ItemScore> {
        self.domains
            .iter()
            .flat_map(|d| &d.items)
            .filter(move |s| s.class == class)
    }
}

/// Scores the answers and builds every recommendation and comparison.
/// Deterministic: the same answers always give the same report.
pub fn assess(instrument: &Instrument, responses: &Responses) -> Report {
    let domains = scoring::domain_results(instrument, responses);
    let overall = scoring::overall(instrument, &domains);
    let ta_areas = recommend::ta_areas(instrument, responses, &domains);
    let find_out = recommend::find_out(instrument, &domains);
    let modalities = recommend::modalities(instrument, responses, overall.barrier_domains.len() as u32);
    Report {
        instrument_version: instrument.version.clone(),
        statements: benchmark::statements(instrument, responses),
        grids: benchmark::grids(instrument, responses),
        choices: benchmark::choices(instrument, responses),
        domains,
        overall,
        ta_areas,
        find_out,
        modalities,
    }
}
