//! The instrument this build ships. `build.rs` checks the data files and
//! writes each language's instrument as a compact tape of texts
//! (`src/tape.rs`), read once on first use; the same data as JSON is kept
//! for tests and tools.

use crate::instrument::Instrument;
use crate::lang::Lang;
use std::sync::OnceLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/instrument_generated.rs"));
}

/// The instrument file, as JSON (converted from TOML by `build.rs`).
const EN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instrument.json"));
/// The Spanish texts, as JSON (from `data/instrument.es.toml`).
const ES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instrument.es.json"));

/// The shipped translation file of a language, as compact JSON; `None` for
/// English, whose texts are the instrument itself.
pub fn translation_json(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Es => Some(ES_JSON),
    }
}

impl Instrument {
    /// The instrument shipped with this build (English). Checked when the
    /// program is built: a broken data file does not compile.
    pub fn shipped() -> &'static Instrument {
        static EN: OnceLock<Instrument> = OnceLock::new();
        EN.get_or_init(|| crate::tape::read(generated::ENGLISH))
    }

    /// The shipped instrument with its texts in a language. Ids, polarity,
    /// mappings, figures and thresholds are the same in every language, so
    /// scoring never depends on it.
    pub fn shipped_in(lang: Lang) -> &'static Instrument {
        static ES: OnceLock<Instrument> = OnceLock::new();
        match lang {
            Lang::En => Instrument::shipped(),
            Lang::Es => ES.get_or_init(|| crate::tape::read(generated::SPANISH)),
        }
    }

    /// The shipped instrument as compact JSON (what `build.rs` read).
    pub fn shipped_json() -> &'static str {
        EN_JSON
    }
}
