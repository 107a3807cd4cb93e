//! Shared helpers for the core's tests: build answers from a table, score
//! them against the shipped instrument.
#![allow(dead_code, unused_imports)]

use hr_assessment::{assess, Instrument, ItemId, OptionId, Report, Responses, ScaleAnswer};

pub use hr_assessment::ScaleAnswer::{
    DontKnow as DK, SomewhatAgree as SWA, SomewhatDisagree as SWD, StronglyAgree as SA, StronglyDisagree as SD,
};

pub fn instrument() -> &'static Instrument {
    Instrument::shipped()
}

/// Answers from (statement id, answer) pairs. Panics on an unknown id so a
/// typo in a test table cannot silently test nothing.
pub fn answers(list: &[(&str, ScaleAnswer)]) -> Responses {
    let mut r = Responses::default();
    for (id, a) in list {
        assert!(instrument().statement(&ItemId::new(*id)).is_some(), "no statement {id}");
        r.set_statement(ItemId::new(*id), *a);
    }
    r
}

pub fn report(r: &Responses) -> Report {
    assess(instrument(), r)
}

/// Every statement answered with `pick(polarity)`.
pub fn answer_all(pick: impl Fn(hr_assessment::Polarity) -> ScaleAnswer) -> Responses {
    let mut r = Responses::default();
    for s in instrument().statements() {
        r.set_statement(s.id.clone(), pick(s.polarity));
    }
    r
}

pub fn opt(s: &str) -> OptionId {
    OptionId::new(s)
}

pub fn item(s: &str) -> ItemId {
    ItemId::new(s)
}
