//! The instrument this build ships. `build.rs` checks the data files and
//! writes each language's instrument as a compact tape of texts (the
//! model's `tape`), read once on first use; the same data as JSON is kept
//! for tests and tools.

use hr_instrument::{tape, Instrument, Lang};
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

/// The instrument shipped with this build, in each language: the model
/// (`hr-instrument`) has no data of its own, so these are the core's, on
/// [`Instrument`] where this trait is imported.
///
/// ```
/// use hr_assessment::{Instrument, Shipped};
///
/// let instrument = Instrument::shipped();
/// assert_eq!(instrument.domains.len(), 6);
/// assert!(instrument.statements().count() >= 30);
/// ```
pub trait Shipped {
    /// The instrument shipped with this build (English). Checked when the
    /// program is built: a broken data file does not compile.
    fn shipped() -> &'static Instrument;

    /// The shipped instrument with its texts in a language. Ids, polarity,
    /// mappings, figures and thresholds are the same in every language, so
    /// scoring never depends on it. In the build the app ships, the Spanish
    /// is there once the Spanish texts are loaded (`crate::lifted`), and
    /// this gives the English until then.
    fn shipped_in(lang: Lang) -> &'static Instrument;

    /// The instrument of [`Shipped::shipped_in`] without the texts only the
    /// report and reading pages show (sources, locators, the national
    /// figures' wording and notes, the domains' summaries and "find out",
    /// retired statements: the details of the model's `tape`), which are
    /// empty. The start and question pages read this one, so that those
    /// texts are not in the first part of the program a visit loads, nor,
    /// in Spanish, in the file of texts that comes with it (`es.bin`).
    fn shipped_brief_in(lang: Lang) -> &'static Instrument;

    /// The shipped instrument as compact JSON (what `build.rs` read).
    fn shipped_json() -> &'static str;
}

impl Shipped for Instrument {
    fn shipped() -> &'static Instrument {
        static EN: OnceLock<Instrument> = OnceLock::new();
        EN.get_or_init(|| tape::read_apart(generated::ENGLISH, generated::ENGLISH_DETAILS))
    }

    fn shipped_brief_in(lang: Lang) -> &'static Instrument {
        static EN_BRIEF: OnceLock<Instrument> = OnceLock::new();
        match lang {
            Lang::En => EN_BRIEF.get_or_init(|| tape::read_brief(generated::ENGLISH)),
            Lang::Es => spanish_brief().unwrap_or_else(|| Instrument::shipped_brief_in(Lang::En)),
        }
    }

    fn shipped_in(lang: Lang) -> &'static Instrument {
        match lang {
            Lang::En => Instrument::shipped(),
            Lang::Es => spanish_instrument().unwrap_or_else(Instrument::shipped),
        }
    }

    fn shipped_json() -> &'static str {
        EN_JSON
    }
}

/// The Spanish instrument, whole. In the build the app ships, it comes with
/// the other Spanish texts (`crate::lifted`): its tape with the first
/// module's, its details' tape with the chunks'; until both are in, `None`.
fn spanish_instrument() -> Option<&'static Instrument> {
    static ES: OnceLock<Instrument> = OnceLock::new();
    let (tape, details) = (generated::spanish()?, generated::spanish_details()?);
    Some(ES.get_or_init(|| tape::read_apart(tape, details)))
}

/// The Spanish instrument without its details, as
/// [`Shipped::shipped_brief_in`] gives it; `None` until its tape is in.
fn spanish_brief() -> Option<&'static Instrument> {
    static ES_BRIEF: OnceLock<Instrument> = OnceLock::new();
    generated::spanish().map(|tape| ES_BRIEF.get_or_init(|| tape::read_brief(tape)))
}
