//! Shared helpers for the core's tests: build answers from a table, score
//! them against the shipped instrument.
#![allow(dead_code, unused_imports)]

use hr_assessment::{assess, Instrument, ItemId, OptionId, Report, Responses, ScaleAnswer, Shipped};

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

// ---------------------------------------------------------------------------
// Files (tests/file_format.rs, tests/file_fuzz.rs)
// ---------------------------------------------------------------------------

/// Answers touching every kind of question: statements (all five answers,
/// both polarities), single and multiple choices, the three list picks (the
/// modality pick at its maximum of three) and both grids.
pub fn full_responses() -> Responses {
    let mut r = answers(&[
        ("leadership-supports", SA),
        ("staff-support", SWA),
        ("adequate-funding", SD),
        ("abstinence-only-payers", SWD),
        ("funding-beyond-one-grant", DK),
    ]);
    r.set_single(item("org-type"), opt("ccbhc"));
    r.choices.insert(item("communities"), vec![opt("rural"), opt("urban")]);
    r.set_single(item("role"), opt("peer"));
    r.set_single(item("ta-now"), opt("unsure"));
    r.choices
        .insert(item("ta-areas-wanted"), vec![opt("funding"), opt("stigma")]);
    r.choices.insert(
        item("modalities-top"),
        vec![opt("toolkits"), opt("webinars"), opt("individual-ta")],
    );
    r.choices.insert(item("constraints"), vec![opt("staff-time")]);
    r.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    r.set_cell(item("services"), opt("naloxone"), opt("referral"), true);
    r.set_cell(item("services"), opt("test-strips"), opt("planned"), true);
    r.set_cell(item("partners"), opt("ssp"), opt("now"), true);
    r
}

/// A saved assessment with `responses`, as the app would hold it.
pub fn record_with(responses: Responses) -> hr_assessment::Record {
    let mut r = hr_assessment::Record::new(
        instrument(),
        "k2x9".into(),
        "Assessment of 22 November 2026".into(),
        "2026-11-22T09:30:00.000Z".into(),
    );
    r.updated = "2026-11-22T10:05:12.345Z".into();
    r.responses = responses;
    r
}

/// The export of [`full_responses`] as JSON, ready to be edited.
pub fn full_export() -> serde_json::Value {
    let text = hr_assessment::file::export_json(&record_with(full_responses()), "en", "2026-11-22T10:06:00.000Z");
    serde_json::from_str(&text).expect("an export is JSON")
}

/// Splits RFC 4180 CSV (CRLF records, quoted fields with doubled quotes)
/// into rows of cells. Panics on a stray quote, so a test cannot pass on
/// broken quoting.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',') | Some('\r')),
                        "text after a closing quote"
                    );
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(cell.is_empty(), "a quote inside an unquoted cell");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("LF without CR"),
            _ => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The number of cases a property test runs: `default`, or the
/// `PROPTEST_CASES` environment variable when set (for long runs that look
/// for rare failures: `PROPTEST_CASES=20000 cargo test -p hr-assessment`).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Checks that a list of values of an enum holds every variant. The
/// variants are named in an exhaustive `match` (no wildcard), so a new
/// variant does not compile until it is named here, and then the check
/// fails until the list has one:
///
/// ```ignore
/// covers_every_variant!(all, CodeError { Empty, NotACode, TooLong { .. } });
/// ```
#[macro_export]
macro_rules! covers_every_variant {
    ($list:expr, $ty:ident { $($variant:ident $({ $($named:tt)* })? $(( $($tuple:tt)* ))?),* $(,)? }) => {{
        let name = |e: &$ty| match e {
            $($ty::$variant $({ $($named)* })? $(( $($tuple)* ))? => stringify!($variant),)*
        };
        let mut seen: Vec<&str> = $list.iter().map(name).collect();
        seen.sort_unstable();
        seen.dedup();
        let mut every = vec![$(stringify!($variant)),*];
        every.sort_unstable();
        assert_eq!(seen, every, "the list of {} misses a variant", stringify!($ty));
    }};
}
