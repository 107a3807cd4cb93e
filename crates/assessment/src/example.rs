//! The worked example of `docs/scoring.md` and the in-app method page. A
//! test (`tests/method_doc.rs`) runs it and writes the numbers the document
//! prints.

use crate::ids::ItemId;
use crate::responses::{Responses, ScaleAnswer};

/// The example answers: (statement id, answer), in page order. Three domains
/// are answered; the others are left blank on purpose.
pub const WORKED_EXAMPLE: &[(&str, ScaleAnswer)] = {
    use ScaleAnswer::*;
    &[
        ("leadership-supports", StronglyAgree),
        ("principles-adopted", StronglyAgree),
        ("mission-strategy", SomewhatAgree),
        ("champion", SomewhatAgree),
        ("leaders-language", DontKnow),
        ("leaders-priority", SomewhatDisagree),
        ("law-enforcement-supports", SomewhatDisagree),
        ("local-laws", StronglyDisagree),
        ("state-laws", DontKnow),
        ("syringes-allowed", DontKnow),
        ("test-strips-allowed", DontKnow),
        ("moud-rules", DontKnow),
        ("police-leave-staff-alone", DontKnow),
        ("abstinence-mandates", StronglyAgree),
        ("adequate-funding", StronglyDisagree),
        ("reimbursement", SomewhatDisagree),
        ("abstinence-only-payers", SomewhatAgree),
        ("supplies-budget", StronglyAgree),
        ("funding-beyond-one-grant", DontKnow),
        ("funding-sources-known", SomewhatAgree),
    ]
};

/// The worked example as answers.
pub fn worked_example() -> Responses {
    let mut r = Responses::default();
    for (id, answer) in WORKED_EXAMPLE {
        r.set_statement(ItemId::new(*id), *answer);
    }
    r
}
