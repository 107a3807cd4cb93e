//! The export and import file formats (`docs/file-format.md`): the plain
//! assessment file, its migration path, the passphrase-protected envelope,
//! the CSV table and the JSON Schema. Refusals are table-driven through one
//! helper that checks both the error and the words the user sees.

mod common;
use common::*;
use hr_assessment::base64;
use hr_assessment::codebook::Codebook;
use hr_assessment::file::{
    detect, export_csv, export_json, file_stem, import, is_timestamp, migrate, refuse_before_reading, Counted,
    Envelope, FileKind, ImportError, Imported, ShapeProblem, TextProblem, CSV_COLUMNS, CURRENT_VERSION,
    ENCRYPTED_FORMAT, FORMAT, IV_BYTES, LANGUAGES, MAX_DEPTH, MAX_ENVELOPE_BYTES, MAX_IMPORT_BYTES, MAX_NAME_CHARS,
    MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, SALT_BYTES, TAG_BYTES,
};
use hr_assessment::record::{ActionProblem, PlanProblem, MAX_NOTES_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS};
use hr_assessment::responses::ResponseError;
use hr_assessment::{Action, ActionStatus, Instrument, Record, Responses, ScaleAnswer};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SCHEMA: &str = include_str!("../../../docs/assessment-file.schema.json");
const DOC: &str = include_str!("../../../docs/file-format.md");

/// The full export with one change made to its JSON.
fn edited(change: impl FnOnce(&mut Value)) -> String {
    let mut v = full_export();
    change(&mut v);
    serde_json::to_string_pretty(&v).expect("JSON")
}

/// The full export with one field set, added or (with `None`) removed;
/// `path` like "assessment.name".
fn set(path: &str, value: Option<Value>) -> String {
    edited(|v| {
        let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
        let parent = if parent.is_empty() { v } else { pointer(v, parent) };
        let object = parent.as_object_mut().expect("an object");
        match value {
            Some(value) => object.insert(key.to_owned(), value),
            None => object.remove(key),
        };
    })
}

fn with(path: &str, value: Value) -> String {
    set(path, Some(value))
}

fn without(path: &str) -> String {
    set(path, None)
}

fn pointer<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    let p = format!("/{}", path.replace('.', "/"));
    v.pointer_mut(&p).unwrap_or_else(|| panic!("no {path} in the export"))
}

fn answers_error(problems: &[ResponseError]) -> ImportError {
    ImportError::Answers {
        problems: problems.to_vec(),
        file_instrument: instrument().version.clone(),
        app_instrument: instrument().version.clone(),
    }
}

/// Four unknown statements "a" to "d", for a message listing three and
/// counting the rest.
fn four_unknown_statements() -> Vec<ResponseError> {
    ["a", "b", "c", "d"]
        .map(|id| ResponseError::NotAStatement { item: item(id) })
        .to_vec()
}

fn shape(field: &str, problem: ShapeProblem) -> ImportError {
    ImportError::Shape {
        field: field.into(),
        problem,
    }
}

/// A refused import: (case, file text, the error, words the message must contain).
type Refusal = (&'static str, String, ImportError, &'static str);

/// The one helper for refusals: `import` gives exactly `expected`, and its
/// message contains `words`, reads as sentences and shows nothing technical.
fn check_refused(case: &str, text: &str, expected: &ImportError, words: &str) {
    let got = import(text, instrument());
    assert_eq!(got.as_ref().err(), Some(expected), "case {case:?}");
    let message = expected.to_string();
    assert!(message.contains(words), "case {case:?}: {message:?} lacks {words:?}");
    assert!(message.ends_with('.'), "case {case:?}: {message:?}");
    for jargon in ["serde", "`", "Error", "unwrap", "\\u"] {
        assert!(!message.contains(jargon), "case {case:?}: {message:?} shows {jargon:?}");
    }
}

fn run_refusals(cases: &[Refusal]) {
    for (case, text, expected, words) in cases {
        check_refused(case, text, expected, words);
    }
}

// ---------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------

/// Export, then import: the same answers, name, timestamps and versions.
fn check_round_trip(case: &str, record: &Record, language: &str) {
    let text = export_json(record, language, "2026-11-22T10:06:00.000Z");
    let got = import(&text, instrument()).unwrap_or_else(|e| panic!("case {case:?}: {e}"));
    let expected = Imported {
        name: record.name.clone(),
        created: record.created.clone(),
        updated: record.updated.clone(),
        instrument_version: record.instrument_version.clone(),
        language: language.into(),
        exported: "2026-11-22T10:06:00.000Z".into(),
        responses: record.responses.clone(),
        actions: record.actions.clone(),
        retired: hr_assessment::SortedMap::new(),
        warnings: got.warnings.clone(),
    };
    assert_eq!(got, expected, "case {case:?}");
    let back = got.into_record(instrument(), record.id.clone());
    let mut original = record.clone();
    original.position = None;
    assert_eq!(back, original, "case {case:?}: the record made from the import");
}

#[test]
fn export_then_import_gives_back_the_same_assessment() {
    let mut unicode = record_with(answer_all(|_| DK));
    unicode.name = "Évaluation — équipe «nord» 😀 <b>".into();
    let mut every_answer = record_with(Responses::default());
    for (k, s) in instrument().statements().enumerate() {
        every_answer
            .responses
            .set_statement(s.id.clone(), ScaleAnswer::ALL[k % 5]);
    }
    let mut with_plan = record_with(full_responses());
    with_plan.actions = frozen_v2_actions();
    let cases: &[(&str, Record, &str)] = &[
        ("nothing answered", record_with(Responses::default()), "en"),
        ("with an action plan", with_plan, "en"),
        ("every kind of question answered", record_with(full_responses()), "en"),
        ("every statement answered", every_answer, "en"),
        ("a name in other scripts and markup-like text", unicode, "en"),
        (
            "exported from the Spanish interface",
            record_with(full_responses()),
            "es",
        ),
    ];
    for (case, record, language) in cases {
        check_round_trip(case, record, language);
    }
}

#[test]
fn the_export_has_the_documented_fields_in_order() {
    let text = export_json(&record_with(full_responses()), "en", "2026-11-22T10:06:00.000Z");
    let keys: Vec<&str> = [
        "format",
        "version",
        "exported",
        "language",
        "instrument_version",
        "assessment",
    ]
    .into_iter()
    .collect();
    let mut last = 0;
    for key in &keys {
        let at = text.find(&format!("\"{key}\"")).unwrap_or_else(|| panic!("no {key}"));
        assert!(at >= last, "{key} out of order");
        last = at;
    }
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["version"], CURRENT_VERSION);
    assert_eq!(
        v["assessment"]["responses"],
        serde_json::to_value(full_responses()).expect("JSON")
    );
    assert!(text.contains("\n  \""), "pretty-printed");
}

#[test]
fn export_cleans_a_name_the_import_would_refuse() {
    let cases: &[(&str, &str, &str)] = &[
        ("surrounding spaces", "  Team A  ", "Team A"),
        ("a line break", "Team\nA", "TeamA"),
        ("only spaces", "   ", "Assessment"),
        ("too long", &"x".repeat(200), &"x".repeat(MAX_NAME_CHARS)),
    ];
    for (case, name, expected) in cases {
        let mut r = record_with(Responses::default());
        r.name = (*name).into();
        let got = import(&export_json(&r, "en", "2026-11-22T10:06:00Z"), instrument());
        assert_eq!(got.map(|i| i.name).as_deref(), Ok(*expected), "case {case:?}");
    }
}

// ---------------------------------------------------------------------------
// Accepted with care
// ---------------------------------------------------------------------------

/// An accepted file: (case, file text, the name read, the warnings given).
type Accepted = (&'static str, String, String, &'static [&'static str]);

#[test]
fn files_within_the_rules_are_accepted_with_the_right_warnings() {
    let script = "<script>alert(1)</script>";
    let cases: Vec<Accepted> = vec![
        (
            "markup in the name is plain text",
            with("assessment.name", json!(script)),
            script.into(),
            &[],
        ),
        (
            "a name of exactly 120 characters",
            with("assessment.name", json!("é".repeat(120))),
            "é".repeat(120),
            &[],
        ),
        (
            "a name padded with spaces is trimmed",
            with("assessment.name", json!("  Team A \t")),
            "Team A".into(),
            &[],
        ),
        (
            "another questionnaire version whose ids all still fit",
            with("instrument_version", json!("0.9.0")),
            "Assessment of 22 November 2026".into(),
            &["version 0.9.0 of the questionnaire"],
        ),
        (
            "exported from the Spanish interface",
            with("language", json!("es")),
            "Assessment of 22 November 2026".into(),
            &["exported from the app in Spanish"],
        ),
        (
            "a byte order mark before the JSON",
            format!("\u{FEFF}{}", with("language", json!("en"))),
            "Assessment of 22 November 2026".into(),
            &[],
        ),
        (
            "timestamps with an offset and without a fraction",
            edited(|v| {
                v["exported"] = json!("2026-11-22T11:06:00+01:00");
                v["assessment"]["created"] = json!("2024-02-29T23:59:59-05:30");
            }),
            "Assessment of 22 November 2026".into(),
            &[],
        ),
        (
            "no answers at all",
            with("assessment.responses", json!({})),
            "Assessment of 22 November 2026".into(),
            &[],
        ),
    ];
    for (case, text, name, warnings) in &cases {
        let got = import(text, instrument()).unwrap_or_else(|e| panic!("case {case:?}: {e}"));
        assert_eq!(&got.name, name, "case {case:?}");
        assert_eq!(got.warnings.len(), warnings.len(), "case {case:?}: {:?}", got.warnings);
        for (w, words) in got.warnings.iter().zip(*warnings) {
            assert!(w.contains(words), "case {case:?}: {w:?} lacks {words:?}");
        }
    }
}

#[test]
fn empty_lists_and_rows_are_dropped_not_kept() {
    let text = edited(|v| {
        v["assessment"]["responses"]["choices"]["constraints"] = json!([]);
        v["assessment"]["responses"]["grids"]["partners"] = json!({ "ssp": [] });
    });
    let got = import(&text, instrument()).expect("accepted");
    assert!(!got.responses.choices.contains_key(&item("constraints")));
    assert!(!got.responses.grids.contains_key(&item("partners")));
}

// ---------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------

#[test]
fn files_that_are_not_readable_json_are_refused_before_parsing() {
    let valid = with("language", json!("en"));
    let huge = format!("{valid}{}", " ".repeat(10_000_000 - valid.len()));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_inside = edited(|v| {
        let mut nested = json!("x");
        for _ in 0..MAX_DEPTH {
            nested = json!([nested]);
        }
        v["assessment"]["name"] = nested;
    });
    run_refusals(&[
        (
            "10 MB",
            huge,
            ImportError::TooLarge {
                bytes: 10_000_000,
                limit: MAX_IMPORT_BYTES,
            },
            "This file is 10.0 MB; assessment files are under 1 MB. Choose the file you exported from this app.",
        ),
        (
            "one byte over the limit",
            " ".repeat(MAX_IMPORT_BYTES + 1),
            ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
                limit: MAX_IMPORT_BYTES,
            },
            "This file is 1.1 MB",
        ),
        ("empty", String::new(), ImportError::Empty, "This file is empty."),
        ("only whitespace", " \r\n\t".into(), ImportError::Empty, "empty"),
        (
            "cut in half",
            valid[..valid.len() / 2].to_owned(),
            ImportError::Truncated,
            "ends too early",
        ),
        (
            "not JSON",
            "Name,Answer\nx,y".into(),
            ImportError::NotJson { line: 1, column: 1 },
            "line 1, character 1",
        ),
        (
            "JSON with trailing garbage",
            format!("{valid} x"),
            ImportError::NotJson {
                line: valid.lines().count(),
                column: valid.lines().last().map_or(0, str::len) + 2,
            },
            "cannot be read",
        ),
        (
            "100,000 nested arrays",
            deep,
            ImportError::TooDeep,
            "This is not an assessment file from this app",
        ),
        (
            "deep nesting inside a field",
            deep_inside,
            ImportError::TooDeep,
            "nested far deeper",
        ),
    ]);
}

#[test]
fn files_from_elsewhere_are_not_assessment_files() {
    let codebook = Codebook::new(instrument()).to_json();
    let stored = record_with(full_responses()).to_json();
    let envelope = sample_envelope().to_json();
    run_refusals(&[
        (
            "a JSON array instead of an object",
            "[1, 2, 3]".into(),
            ImportError::NotAnAssessment,
            "This is not an assessment file from this app.",
        ),
        (
            "a JSON text",
            "\"hello\"".into(),
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "the codebook",
            codebook,
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "a record as the browser stores it",
            stored,
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "another format marker",
            with("format", json!("hr-readiness-codebook")),
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "no format marker",
            without("format"),
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "a protected file",
            envelope,
            ImportError::Encrypted,
            "protected with a passphrase. Enter the passphrase",
        ),
    ]);
}

#[test]
fn versions_other_than_known_ones_are_refused_by_name() {
    run_refusals(&[
        (
            "version 99",
            with("version", json!(99)),
            ImportError::NewerVersion { file: 99, app: 2 },
            "newer version of this app (file format version 99; this version reads versions up to 2)",
        ),
        (
            "a version beyond 32 bits",
            with("version", json!(1u64 << 40)),
            ImportError::NewerVersion { file: 1 << 40, app: 2 },
            "file format version 1099511627776",
        ),
        (
            "version 0",
            with("version", json!(0)),
            ImportError::NoVersion,
            "does not say which version",
        ),
        (
            "no version",
            without("version"),
            ImportError::NoVersion,
            "does not say which version",
        ),
        (
            "version as text",
            with("version", json!("1")),
            ImportError::NoVersion,
            "which version",
        ),
        (
            "a fractional version",
            with("version", json!(1.5)),
            ImportError::NoVersion,
            "which version",
        ),
        (
            "a negative version",
            with("version", json!(-1)),
            ImportError::NoVersion,
            "which version",
        ),
    ]);
}

#[test]
fn fields_missing_unknown_or_of_the_wrong_type_are_refused_by_name() {
    let unknown_in = |path: &'static str| {
        edited(move |v| {
            let target = if path.is_empty() { v } else { pointer(v, path) };
            target["colour"] = json!("blue");
        })
    };
    run_refusals(&[
        (
            "an unknown top-level field",
            unknown_in(""),
            shape("colour", ShapeProblem::Unknown),
            "\"colour\" is not part of an assessment file",
        ),
        (
            "an unknown field in the assessment",
            unknown_in("assessment"),
            shape("assessment.colour", ShapeProblem::Unknown),
            "It may have been edited or damaged. Export the assessment again",
        ),
        (
            "an unknown field in the answers",
            unknown_in("assessment.responses"),
            shape("assessment.responses.colour", ShapeProblem::Unknown),
            "assessment.responses.colour",
        ),
        (
            "no export time",
            without("exported"),
            shape("exported", ShapeProblem::Missing),
            "\"exported\" is missing",
        ),
        (
            "no answers",
            without("assessment.responses"),
            shape("assessment.responses", ShapeProblem::Missing),
            "is missing",
        ),
        (
            "the assessment is a list",
            with("assessment", json!([])),
            shape("assessment", ShapeProblem::NotAnObject),
            "should be a group of named values",
        ),
        (
            "the name is a number",
            with("assessment.name", json!(42)),
            shape("assessment.name", ShapeProblem::NotText),
            "\"assessment.name\" should be text",
        ),
        (
            "the language is null",
            with("language", Value::Null),
            shape("language", ShapeProblem::NotText),
            "should be text",
        ),
        (
            "statements as a list",
            with("assessment.responses.statements", json!(["strongly_agree"])),
            shape("assessment.responses.statements", ShapeProblem::NotAnObject),
            "named values",
        ),
        (
            "a choice that is not a list",
            with("assessment.responses.choices.org-type", json!("ccbhc")),
            shape("assessment.responses.choices.org-type", ShapeProblem::NotAList),
            "should be a list",
        ),
        (
            "a choice list holding a number",
            with("assessment.responses.choices.org-type", json!([3])),
            shape("assessment.responses.choices.org-type", ShapeProblem::NotAListOfTexts),
            "list of texts",
        ),
        (
            "a grid row that is not a list",
            with("assessment.responses.grids.partners.ssp", json!({ "now": true })),
            shape("assessment.responses.grids.partners.ssp", ShapeProblem::NotAList),
            "should be a list",
        ),
        (
            "an answer off the scale",
            with("assessment.responses.statements.adequate-funding", json!("maybe")),
            ImportError::NotAnAnswer {
                statement: "adequate-funding".into(),
            },
            "The answer to \"adequate-funding\" in this file is not one of the five answers",
        ),
        (
            "an answer as a number",
            with("assessment.responses.statements.adequate-funding", json!(2)),
            ImportError::NotAnAnswer {
                statement: "adequate-funding".into(),
            },
            "not one of the five answers",
        ),
    ]);
}

#[test]
fn more_answers_than_questions_are_refused_before_any_id_is_checked() {
    // A file of an earlier version may also answer the statements since retired.
    let statements = instrument().statements().count() + instrument().retired.len();
    let many: serde_json::Map<String, Value> = (0..10_000)
        .map(|k| (format!("s{k}"), json!("strongly_agree")))
        .collect();
    let long_list: Vec<Value> = (0..10_000).map(|k| json!(format!("o{k}"))).collect();
    let started = std::time::Instant::now();
    run_refusals(&[
        (
            "10,000 statement entries",
            with("assessment.responses.statements", Value::Object(many)),
            ImportError::TooManyAnswers {
                what: Counted::StatementAnswers,
                found: 10_000,
                most: statements,
            },
            "This file holds 10000 statement answers, but the questionnaire has room for only",
        ),
        (
            "10,000 options chosen for one question",
            with("assessment.responses.choices.org-type", Value::Array(long_list.clone())),
            ImportError::TooManyAnswers {
                what: Counted::OptionsInOneQuestion,
                found: 10_000,
                most: most_options(),
            },
            "options chosen for one question",
        ),
        (
            "10,000 boxes checked in one row",
            with("assessment.responses.grids.partners.ssp", Value::Array(long_list)),
            ImportError::TooManyAnswers {
                what: Counted::BoxesInOneRow,
                found: 10_000,
                most: 3,
            },
            "nothing was imported",
        ),
    ]);
    assert!(
        started.elapsed().as_secs() < 2,
        "refusing large files took {:?}",
        started.elapsed()
    );
}

#[test]
fn answers_that_do_not_fit_the_questionnaire_are_refused() {
    run_refusals(&[
        (
            "an unknown statement",
            with("assessment.responses.statements.nope", json!("strongly_agree")),
            answers_error(&[ResponseError::NotAStatement { item: item("nope") }]),
            "Some answers in this file do not fit this questionnaire, so nothing was imported: \"nope\" is not a statement",
        ),
        (
            "an unknown option",
            with("assessment.responses.choices.org-type", json!(["purple"])),
            answers_error(&[ResponseError::NotAnOption {
                item: item("org-type"),
                option: opt("purple"),
            }]),
            "\"purple\" is not an option of \"org-type\"",
        ),
        (
            "four modalities where at most three are allowed",
            with(
                "assessment.responses.choices.modalities-top",
                json!(["toolkits", "webinars", "individual-ta", "convenings"]),
            ),
            answers_error(&[ResponseError::TooManyChoices {
                item: item("modalities-top"),
                chosen: 4,
                max: 3,
            }]),
            "at most 3 are allowed",
        ),
        (
            "two answers to a single choice",
            with("assessment.responses.choices.org-type", json!(["ccbhc", "other"])),
            answers_error(&[ResponseError::TooManyChoices {
                item: item("org-type"),
                chosen: 2,
                max: 1,
            }]),
            "only one is allowed",
        ),
        (
            "an option chosen twice",
            with("assessment.responses.choices.communities", json!(["rural", "rural"])),
            answers_error(&[ResponseError::OptionTwice { item: item("communities") }]),
            "lists an option twice",
        ),
        (
            "a statement answered as a choice",
            edited(|v| {
                let choices = v["assessment"]["responses"]["choices"].as_object_mut().expect("choices");
                choices.remove("role");
                choices.insert("adequate-funding".into(), json!(["yes"]));
            }),
            answers_error(&[ResponseError::NotAChoice {
                item: item("adequate-funding"),
            }]),
            "not a choice question",
        ),
        (
            "an unknown grid row",
            with("assessment.responses.grids.partners.aliens", json!(["now"])),
            answers_error(&[ResponseError::NotARow {
                item: item("partners"),
                row: opt("aliens"),
            }]),
            "is not a row",
        ),
        (
            "a box ticked twice",
            with("assessment.responses.grids.partners.ssp", json!(["now", "now"])),
            answers_error(&[ResponseError::TickedTwice {
                item: item("partners"),
                row: opt("ssp"),
            }]),
            "checks a box twice",
        ),
        (
            "an unknown id from another questionnaire version",
            edited(|v| {
                v["instrument_version"] = json!("3.0.0");
                v["assessment"]["responses"]["statements"]["new-in-3"] = json!("dont_know");
            }),
            ImportError::Answers {
                problems: vec![ResponseError::NotAStatement { item: item("new-in-3") }],
                file_instrument: "3.0.0".into(),
                app_instrument: instrument().version.clone(),
            },
            "The file was made with version 3.0.0 of the questionnaire; this app has version 2.0.0.",
        ),
    ]);
}

#[test]
fn text_fields_must_follow_their_rules() {
    let too_long = TextProblem::TooLong { chars: 121, max: 120 };
    let name = |problem| ImportError::Text { field: "name", problem };
    let version = |problem| ImportError::Text {
        field: "instrument_version",
        problem,
    };
    run_refusals(&[
        (
            "a 121-character name",
            with("assessment.name", json!("x".repeat(121))),
            name(too_long),
            "The assessment's name in this file is 121 characters long; at most 120 are allowed.",
        ),
        (
            "a 121-character name of markup",
            with(
                "assessment.name",
                json!(format!("<script>{}</script>", "a".repeat(104))),
            ),
            name(too_long),
            "121 characters long",
        ),
        (
            "an empty name",
            with("assessment.name", json!("")),
            name(TextProblem::Empty),
            "is empty",
        ),
        (
            "a name of spaces",
            with("assessment.name", json!("   ")),
            name(TextProblem::Empty),
            "name in this file is empty",
        ),
        (
            "a bell character",
            with("assessment.name", json!("Team\u{7}A")),
            name(TextProblem::ControlCharacter),
            "invisible control characters",
        ),
        (
            "a line break inside",
            with("assessment.name", json!("Team\nA")),
            name(TextProblem::ControlCharacter),
            "control characters",
        ),
        (
            "a NUL",
            with("assessment.name", json!("Team\u{0}")),
            name(TextProblem::ControlCharacter),
            "control characters",
        ),
        (
            "a C1 control",
            with("assessment.name", json!("Team\u{85}A")),
            name(TextProblem::ControlCharacter),
            "control characters",
        ),
        (
            "a right-to-left override",
            with("assessment.name", json!("Team \u{202E}A")),
            name(TextProblem::ControlCharacter),
            "control characters",
        ),
        (
            "an empty questionnaire version",
            with("instrument_version", json!("")),
            version(TextProblem::Empty),
            "The questionnaire version in this file is empty",
        ),
        (
            "a questionnaire version in words",
            with("instrument_version", json!("one")),
            version(TextProblem::NotAVersion),
            "not a version number such as 1.0.0",
        ),
        (
            "a questionnaire version with spaces",
            with("instrument_version", json!(" 1.0.0")),
            version(TextProblem::NotAVersion),
            "not a version number",
        ),
        (
            "a long questionnaire version",
            with("instrument_version", json!("1".repeat(33))),
            version(TextProblem::TooLong { chars: 33, max: 32 }),
            "33 characters long",
        ),
        (
            "French",
            with("language", json!("fr")),
            ImportError::Language,
            "it has English \"en\" and Spanish \"es\"",
        ),
        (
            "a language in capitals",
            with("language", json!("EN")),
            ImportError::Language,
            "language",
        ),
        (
            "a date that does not exist",
            with("assessment.created", json!("2026-02-30T10:00:00Z")),
            ImportError::Timestamp { field: "created" },
            "The \"created\" date in this file is not a date and time this app can read",
        ),
        (
            "a date in words",
            with("assessment.updated", json!("yesterday")),
            ImportError::Timestamp { field: "updated" },
            "\"updated\" date",
        ),
        (
            "a date without a time",
            with("exported", json!("2026-11-22")),
            ImportError::Timestamp { field: "exported" },
            "\"exported\" date",
        ),
    ]);
}

#[test]
fn timestamps_must_be_strict_iso_8601() {
    let cases: &[(&str, bool)] = &[
        ("2026-11-22T10:15:30.123Z", true),
        ("2026-11-22T10:15:30Z", true),
        ("2026-11-22T10:15:30.1Z", true),
        ("2026-11-22T10:15:30.123456789Z", true),
        ("2026-11-22T10:15:30+01:00", true),
        ("2026-11-22T10:15:30.5-05:30", true),
        ("2024-02-29T00:00:00Z", true),
        ("2000-02-29T00:00:00Z", true),
        ("0001-01-01T00:00:00Z", true),
        ("2026-11-22T23:59:59Z", true),
        ("1900-02-29T00:00:00Z", false),
        ("2023-02-29T00:00:00Z", false),
        ("2026-04-31T00:00:00Z", false),
        ("2026-13-01T00:00:00Z", false),
        ("2026-00-01T00:00:00Z", false),
        ("2026-11-00T00:00:00Z", false),
        ("2026-11-22T24:00:00Z", false),
        ("2026-11-22T10:60:00Z", false),
        ("2026-12-31T23:59:60Z", false),
        ("2026-11-22T10:15:30", false),
        ("2026-11-22t10:15:30Z", false),
        ("2026-11-22 10:15:30Z", false),
        ("2026-11-22T10:15:30z", false),
        ("2026-11-22T10:15:30.Z", false),
        ("2026-11-22T10:15:30.1234567890Z", false),
        ("2026-11-22T10:15:30+0100", false),
        ("2026-11-22T10:15:30+24:00", false),
        ("2026-11-22T10:15:30+01:60", false),
        ("2026-11-22T10:15:30Z ", false),
        (" 2026-11-22T10:15:30Z", false),
        ("2026-11-22T10:15Z", false),
        ("+275760-09-13T00:00:00.000Z", false),
        ("26-11-22T10:15:30Z", false),
        ("2026-1-22T10:15:30Z", false),
        ("２０２６-11-22T10:15:30Z", false),
        ("", false),
    ];
    for (text, ok) in cases {
        assert_eq!(is_timestamp(text), *ok, "{text:?}");
    }
}

#[test]
fn every_refusal_message_tells_the_user_what_to_do() {
    use ImportError::*;
    let all = [
        TooLarge {
            bytes: 2_000_000,
            limit: MAX_IMPORT_BYTES,
        },
        TooLarge {
            bytes: 2_000_000,
            limit: MAX_ENVELOPE_BYTES,
        },
        Empty,
        Truncated,
        NotJson { line: 3, column: 7 },
        TooDeep,
        NotAnAssessment,
        TeamSummary,
        Encrypted,
        NotEncrypted,
        NoVersion,
        NewerVersion { file: 2, app: 1 },
        shape("x", ShapeProblem::Missing),
        TooManyAnswers {
            what: Counted::StatementAnswers,
            found: 50,
            most: 40,
        },
        NotAnAnswer { statement: "x".into() },
        answers_error(&four_unknown_statements()),
        Text {
            field: "name",
            problem: TextProblem::Empty,
        },
        Timestamp { field: "created" },
        Language,
        Unsupported { field: "cipher" },
        WeakKey { iterations: 1000 },
        TooManyIterations { iterations: 1 << 30 },
        Base64 { field: "salt" },
        Length {
            field: "iv",
            expected: 12,
            found: 16,
        },
        NoCiphertext { bytes: 3 },
        CiphertextTooLarge { bytes: 1_200_000 },
        Actions {
            problems: vec![PlanProblem::Action {
                index: 0,
                problem: ActionProblem::TitleEmpty,
            }],
        },
    ];
    covers_every_variant!(
        all,
        ImportError {
            TooLarge { .. },
            Empty,
            Truncated,
            NotJson { .. },
            TooDeep,
            NotAnAssessment,
            TeamSummary,
            Encrypted,
            NotEncrypted,
            NoVersion,
            NewerVersion { .. },
            Shape { .. },
            TooManyAnswers { .. },
            NotAnAnswer { .. },
            Actions { .. },
            Answers { .. },
            Text { .. },
            Timestamp { .. },
            Language,
            Unsupported { .. },
            WeakKey { .. },
            TooManyIterations { .. },
            Base64 { .. },
            Length { .. },
            NoCiphertext { .. },
            CiphertextTooLarge { .. },
        }
    );
    let actions = ["Choose", "Export", "Enter", "Open", "Import it", "Use each"];
    for e in all {
        let m = e.to_string();
        assert!(m.starts_with(char::is_uppercase) && m.ends_with('.'), "{m:?}");
        assert!(actions.iter().any(|a| m.contains(a)), "{m:?} says nothing to do");
        assert!(m.len() < 400, "{m:?} is too long");
    }
    assert!(answers_error(&four_unknown_statements())
        .to_string()
        .contains("\"a\" is not a statement of this instrument; \"b\" is not a statement of this instrument; \"c\" is not a statement of this instrument (and 1 more)"));
    assert!(TooLarge {
        bytes: 2_000_000,
        limit: MAX_ENVELOPE_BYTES
    }
    .to_string()
    .contains("protected assessment files are under 1.4 MB"));
}

#[test]
fn text_from_the_file_is_shown_short_and_without_control_characters() {
    let hostile = format!("a\u{1b}[31m{}", "x".repeat(5000));
    let text = with(&format!("assessment.responses.statements.{hostile}"), json!("maybe"));
    let message = import(&text, instrument()).expect_err("refused").to_string();
    assert!(message.contains("a?[31mxxx"), "{message}");
    assert!(message.contains('…') && message.len() < 400, "{message}");
}

/// The most options any choice question offers.
fn most_options() -> usize {
    let i = instrument();
    i.questions
        .iter()
        .filter(|q| q.as_statement().is_none() && !matches!(q, hr_assessment::Question::Grid(_)))
        .map(|q| i.list_options(q).len())
        .max()
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------

/// A version-1 file exactly as this app first wrote it. Never change it:
/// every later version must still import it (through `migrate`).
const FROZEN_V1: &str = r#"{
  "format": "hr-readiness-assessment",
  "version": 1,
  "exported": "2026-11-22T10:06:00.000Z",
  "language": "en",
  "instrument_version": "1.0.0",
  "assessment": {
    "name": "Assessment of 22 November 2026",
    "created": "2026-11-22T09:30:00.000Z",
    "updated": "2026-11-22T10:05:12.345Z",
    "responses": {
      "statements": {
        "adequate-funding": "strongly_disagree",
        "leadership-supports": "strongly_agree"
      },
      "choices": {
        "modalities-top": ["toolkits", "webinars", "individual-ta"],
        "org-type": ["ccbhc"]
      },
      "grids": {
        "services": { "naloxone": ["direct", "referral"] }
      }
    }
  }
}"#;

/// A version-2 file exactly as this app first wrote it, with an action
/// plan. Never change it: every later version must still import it.
const FROZEN_V2: &str = r#"{
  "format": "hr-readiness-assessment",
  "version": 2,
  "exported": "2027-03-15T16:40:00.000Z",
  "language": "en",
  "instrument_version": "1.0.0",
  "assessment": {
    "name": "Spring re-assessment",
    "created": "2027-03-15T15:00:00.000Z",
    "updated": "2027-03-15T16:35:10.500Z",
    "responses": {
      "statements": {
        "adequate-funding": "somewhat_disagree",
        "champion": "dont_know"
      },
      "choices": {
        "role": ["staff"]
      }
    },
    "actions": [
      {
        "id": "m0a1-7f3c",
        "area": "funding",
        "title": "Ask the county about opioid settlement funds",
        "owner": "Director",
        "due": "2027-06-30",
        "status": "in_progress",
        "notes": "First call done.\nSend the budget next."
      },
      {
        "id": "m0a2-19be",
        "title": "Name a harm reduction champion",
        "owner": "",
        "status": "not_started",
        "notes": ""
      }
    ]
  }
}"#;

/// The one migration helper: `migrate` from `from` gives `expected`, and a
/// file of that version imports to `responses` and `actions`.
fn check_migration(from: u32, file: &str, expected: &Value, responses: &Responses, actions: &[Action]) {
    let value: Value = serde_json::from_str(file).expect("fixture is JSON");
    assert_eq!(
        &migrate(value, from).expect("migrates"),
        expected,
        "from version {from}"
    );
    let imported = import(file, instrument()).unwrap_or_else(|e| panic!("version {from}: {e}"));
    assert_eq!(&imported.responses, responses, "version {from}");
    assert_eq!(imported.actions, actions, "version {from}");
}

/// The two actions of [`FROZEN_V2`].
fn frozen_v2_actions() -> Vec<Action> {
    vec![
        Action {
            id: "m0a1-7f3c".into(),
            area: Some("funding".into()),
            title: "Ask the county about opioid settlement funds".into(),
            owner: "Director".into(),
            due: Some("2027-06-30".into()),
            status: ActionStatus::InProgress,
            notes: "First call done.\nSend the budget next.".into(),
        },
        Action::new("m0a2-19be".into(), "Name a harm reduction champion".into()),
    ]
}

#[test]
fn every_known_version_migrates_to_the_current_one() {
    let mut v1_answers = answers(&[("adequate-funding", SD), ("leadership-supports", SA)]);
    v1_answers.choices.insert(
        item("modalities-top"),
        vec![opt("toolkits"), opt("webinars"), opt("individual-ta")],
    );
    v1_answers.set_single(item("org-type"), opt("ccbhc"));
    v1_answers.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    v1_answers.set_cell(item("services"), opt("naloxone"), opt("referral"), true);
    let mut v2_answers = answers(&[("adequate-funding", SWD), ("champion", DK)]);
    v2_answers.set_single(item("role"), opt("staff"));
    // One row per version that exists: (version, a file of it, what migrate
    // gives, the answers and actions it holds). Version 1 becomes version 2
    // with no action plan; version 2 is current: unchanged.
    let mut v1_as_v2: Value = serde_json::from_str(FROZEN_V1).expect("JSON");
    v1_as_v2["version"] = json!(2);
    let v2: Value = serde_json::from_str(FROZEN_V2).expect("JSON");
    let cases: &[(u32, &str, Value, Responses, Vec<Action>)] = &[
        (1, FROZEN_V1, v1_as_v2, v1_answers, vec![]),
        (2, FROZEN_V2, v2, v2_answers, frozen_v2_actions()),
    ];
    assert_eq!(cases.len() as u32, CURRENT_VERSION, "a migration case per version");
    for (from, file, expected, responses, actions) in cases {
        check_migration(*from, file, expected, responses, actions);
    }
}

#[test]
fn migrate_refuses_version_zero_and_versions_from_the_future() {
    let v = json!({});
    assert_eq!(migrate(v.clone(), 0), Err(ImportError::NoVersion));
    assert_eq!(
        migrate(v, CURRENT_VERSION + 1),
        Err(ImportError::NewerVersion {
            file: u64::from(CURRENT_VERSION) + 1,
            app: CURRENT_VERSION
        })
    );
}

// ---------------------------------------------------------------------------
// The encrypted envelope
// ---------------------------------------------------------------------------

fn sample_envelope() -> Envelope {
    Envelope {
        iterations: PBKDF2_ITERATIONS,
        salt: (0..16).collect(),
        iv: (100..112).collect(),
        data: (0..=255).cycle().take(300).collect(),
    }
}

/// The sample envelope's JSON with one field replaced or removed.
fn envelope_with(key: &str, value: Option<Value>) -> String {
    let mut v: Value = serde_json::from_str(&sample_envelope().to_json()).expect("JSON");
    match value {
        Some(value) => v[key] = value,
        None => {
            v.as_object_mut().expect("object").remove(key);
        }
    }
    v.to_string()
}

#[test]
fn an_envelope_survives_writing_and_reading() {
    let cases = [
        ("the sample", sample_envelope()),
        (
            "the fewest iterations and the shortest data",
            Envelope {
                iterations: PBKDF2_ITERATIONS,
                data: vec![7; 16],
                ..sample_envelope()
            },
        ),
        (
            "the most iterations",
            Envelope {
                iterations: MAX_PBKDF2_ITERATIONS,
                ..sample_envelope()
            },
        ),
        (
            "an encrypted maximum-size file fits under the envelope's cap",
            Envelope {
                data: vec![0xA5; MAX_IMPORT_BYTES + TAG_BYTES],
                ..sample_envelope()
            },
        ),
    ];
    for (case, envelope) in cases {
        let text = envelope.to_json();
        assert_eq!(Envelope::parse(&text), Ok(envelope), "case {case:?}");
        assert_eq!(detect(&text), FileKind::Encrypted, "case {case:?}");
    }
    let v: Value = serde_json::from_str(&sample_envelope().to_json()).expect("JSON");
    assert_eq!(v["format"], ENCRYPTED_FORMAT);
    assert_eq!(v["cipher"], "AES-GCM-256");
    assert_eq!(v["kdf"], "PBKDF2-SHA256");
    assert_eq!(v["iterations"], 600_000);
    assert_eq!(v["salt"], "AAECAwQFBgcICQoLDA0ODw==");
    assert_eq!(PBKDF2_ITERATIONS, 600_000);
}

#[test]
fn envelopes_breaking_a_rule_are_refused() {
    let b64 = |n: usize| json!(base64::encode(&vec![1u8; n]));
    let cases: Vec<(&str, String, ImportError, &str)> = vec![
        (
            "599,999 iterations",
            envelope_with("iterations", Some(json!(599_999))),
            ImportError::WeakKey { iterations: 599_999 },
            "weak key setting (599999 rounds; this app requires at least 600000)",
        ),
        (
            "1 iteration",
            envelope_with("iterations", Some(json!(1))),
            ImportError::WeakKey { iterations: 1 },
            "weak key",
        ),
        (
            "10,000,001 iterations",
            envelope_with("iterations", Some(json!(10_000_001))),
            ImportError::TooManyIterations { iterations: 10_000_001 },
            "opening it could freeze this page",
        ),
        (
            "iterations beyond 32 bits",
            envelope_with("iterations", Some(json!(u64::MAX))),
            ImportError::TooManyIterations { iterations: u64::MAX },
            "freeze",
        ),
        (
            "iterations as text",
            envelope_with("iterations", Some(json!("600000"))),
            shape("iterations", ShapeProblem::NotAWholeNumber),
            "\"iterations\" should be a whole number",
        ),
        (
            "negative iterations",
            envelope_with("iterations", Some(json!(-600_000))),
            shape("iterations", ShapeProblem::NotAWholeNumber),
            "whole number",
        ),
        (
            "a 15-byte salt",
            envelope_with("salt", Some(b64(15))),
            ImportError::Length {
                field: "salt",
                expected: 16,
                found: 15,
            },
            "its \"salt\" is 15 bytes long but must be 16",
        ),
        (
            "a 17-byte salt",
            envelope_with("salt", Some(b64(17))),
            ImportError::Length {
                field: "salt",
                expected: 16,
                found: 17,
            },
            "must be 16",
        ),
        (
            "a 16-byte IV",
            envelope_with("iv", Some(b64(16))),
            ImportError::Length {
                field: "iv",
                expected: 12,
                found: 16,
            },
            "its \"iv\" is 16 bytes long but must be 12",
        ),
        (
            "no data",
            envelope_with("data", Some(json!(""))),
            ImportError::NoCiphertext { bytes: 0 },
            "too short to hold an assessment",
        ),
        (
            "data shorter than the tag",
            envelope_with("data", Some(b64(15))),
            ImportError::NoCiphertext { bytes: 15 },
            "15 bytes long",
        ),
        (
            "salt that is not base64",
            envelope_with("salt", Some(json!("not base64!"))),
            ImportError::Base64 { field: "salt" },
            "its \"salt\" is not valid base64 text",
        ),
        (
            "base64 with a line break",
            envelope_with("data", Some(json!("AAAAAAAAAAAAAAAAAAAAAAAA\nAAAA"))),
            ImportError::Base64 { field: "data" },
            "not valid base64",
        ),
        (
            "URL-safe base64",
            envelope_with("salt", Some(json!("AAECAwQFBgcICQoLDA0OD_=="))),
            ImportError::Base64 { field: "salt" },
            "not valid base64",
        ),
        (
            "another cipher",
            envelope_with("cipher", Some(json!("AES-CBC-256"))),
            ImportError::Unsupported { field: "cipher" },
            "a protection method (cipher) this app does not use",
        ),
        (
            "another key derivation",
            envelope_with("kdf", Some(json!("scrypt"))),
            ImportError::Unsupported { field: "kdf" },
            "(kdf)",
        ),
        (
            "an unknown field",
            envelope_with("hint", Some(json!("my dog's name"))),
            shape("hint", ShapeProblem::Unknown),
            "\"hint\" is not part of an assessment file",
        ),
        (
            "no IV",
            envelope_with("iv", None),
            shape("iv", ShapeProblem::Missing),
            "\"iv\" is missing",
        ),
        (
            "the salt as a list of numbers",
            envelope_with("salt", Some(json!([0, 1, 2]))),
            shape("salt", ShapeProblem::NotText),
            "should be text",
        ),
        (
            "envelope version 2",
            envelope_with("version", Some(json!(2))),
            ImportError::NewerVersion { file: 2, app: 1 },
            "newer version",
        ),
        (
            "no envelope version",
            envelope_with("version", None),
            ImportError::NoVersion,
            "which version",
        ),
        (
            "a plain file",
            with("language", json!("en")),
            ImportError::NotEncrypted,
            "not protected with a passphrase",
        ),
        (
            "the codebook",
            Codebook::new(instrument()).to_json(),
            ImportError::NotAnAssessment,
            "not an assessment file",
        ),
        (
            "data longer than an encrypted maximum-size file",
            envelope_with("data", Some(b64(MAX_IMPORT_BYTES + TAG_BYTES + 1))),
            ImportError::CiphertextTooLarge {
                bytes: MAX_IMPORT_BYTES + TAG_BYTES + 1,
            },
            "This protected file holds 1.1 MB of encrypted data; an assessment is under 1 MB.",
        ),
        (
            "larger than the cap",
            " ".repeat(MAX_ENVELOPE_BYTES + 1),
            ImportError::TooLarge {
                bytes: MAX_ENVELOPE_BYTES + 1,
                limit: MAX_ENVELOPE_BYTES,
            },
            "This file is 1.5 MB; protected assessment files are under 1.4 MB.",
        ),
        (
            "deeply nested",
            "[".repeat(100_000),
            ImportError::TooDeep,
            "not an assessment file",
        ),
        (
            "cut short",
            sample_envelope().to_json()[..60].to_owned(),
            ImportError::Truncated,
            "ends too early",
        ),
    ];
    for (case, text, expected, words) in &cases {
        assert_eq!(Envelope::parse(text).as_ref().err(), Some(expected), "case {case:?}");
        let message = expected.to_string();
        assert!(message.contains(words), "case {case:?}: {message:?} lacks {words:?}");
    }
}

#[test]
fn check_applies_the_envelope_rules_to_values_made_in_code() {
    let cases: &[(&str, Envelope, Option<ImportError>)] = &[
        ("the sample", sample_envelope(), None),
        (
            "weak",
            Envelope {
                iterations: PBKDF2_ITERATIONS - 1,
                ..sample_envelope()
            },
            Some(ImportError::WeakKey { iterations: 599_999 }),
        ),
        (
            "short IV",
            Envelope {
                iv: vec![0; 11],
                ..sample_envelope()
            },
            Some(ImportError::Length {
                field: "iv",
                expected: IV_BYTES,
                found: 11,
            }),
        ),
        (
            "data longer than an encrypted maximum-size file",
            Envelope {
                data: vec![0; MAX_IMPORT_BYTES + 17],
                ..sample_envelope()
            },
            Some(ImportError::CiphertextTooLarge {
                bytes: MAX_IMPORT_BYTES + 17,
            }),
        ),
        (
            "long salt",
            Envelope {
                salt: vec![0; 32],
                ..sample_envelope()
            },
            Some(ImportError::Length {
                field: "salt",
                expected: SALT_BYTES,
                found: 32,
            }),
        ),
    ];
    for (case, envelope, expected) in cases {
        assert_eq!(envelope.check().err(), *expected, "case {case:?}");
    }
}

#[test]
fn detect_tells_plain_protected_and_other_files_apart() {
    let cases: &[(&str, String, FileKind)] = &[
        ("a plain export", with("language", json!("en")), FileKind::Plain),
        ("a protected file", sample_envelope().to_json(), FileKind::Encrypted),
        ("the codebook", Codebook::new(instrument()).to_json(), FileKind::Unknown),
        ("not JSON", "hello".into(), FileKind::Unknown),
        ("empty", String::new(), FileKind::Unknown),
        ("an array", "[]".into(), FileKind::Unknown),
        ("too deep", "[".repeat(100_000), FileKind::Unknown),
    ];
    for (case, text, kind) in cases {
        assert_eq!(detect(text), *kind, "case {case:?}");
    }
}

#[test]
fn base64_matches_rfc_4648_and_refuses_anything_else() {
    let vectors: &[(&[u8], &str)] = &[
        (b"", ""),
        (b"f", "Zg=="),
        (b"fo", "Zm8="),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg=="),
        (b"fooba", "Zm9vYmE="),
        (b"foobar", "Zm9vYmFy"),
        (&[0xfb, 0xff, 0xbf], "+/+/"),
    ];
    for (bytes, text) in vectors {
        assert_eq!(base64::encode(bytes), *text);
        assert_eq!(base64::decode(text).as_deref(), Ok(*bytes), "{text:?}");
    }
    use base64::DecodeError::*;
    let refused: &[(&str, base64::DecodeError)] = &[
        ("Zg", Length(2)),
        ("Zg=", Length(3)),
        ("Zm9vYg", Length(6)),
        ("Zg==Zg==", Padding(2)),
        ("Z===", Padding(1)),
        ("====", Padding(0)),
        ("Zm=v", Padding(2)),
        ("Zh==", TrailingBits),
        ("Zm9=", TrailingBits),
        ("Zm9v\n", Length(5)),
        ("Zm 9", Character(2)),
        ("-_-_", Character(0)),
        ("Zm9é", Length(5)),
    ];
    for (text, error) in refused {
        assert_eq!(base64::decode(text), Err(*error), "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

fn csv_of(record: &Record, instrument: &Instrument) -> (String, Vec<Vec<String>>) {
    let text = export_csv(record, instrument);
    let body = text.strip_prefix('\u{FEFF}').expect("starts with a byte order mark");
    (text.clone(), parse_csv(body))
}

/// The CSV row of one statement, by column name.
fn row_of<'a>(rows: &'a [Vec<String>], id: &str) -> impl Fn(&str) -> &'a str {
    let row = rows
        .iter()
        .find(|r| r[1] == id)
        .unwrap_or_else(|| panic!("no row {id}"));
    move |column: &str| {
        let k = CSV_COLUMNS.iter().position(|c| *c == column).expect("a column");
        row[k].as_str()
    }
}

#[test]
fn csv_has_the_header_then_one_row_per_statement_in_page_order() {
    let (text, rows) = csv_of(&record_with(full_responses()), instrument());
    assert!(text.starts_with("\u{FEFF}domain,statement_id,statement,answer,class,score,national_n,national_same_answer_percent,national_figure,setting\r\n"));
    assert_eq!(rows[0], CSV_COLUMNS.to_vec());
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    let expected: Vec<&str> = instrument().statements().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(rows.len(), instrument().statements().count() + 1);
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
}

#[test]
fn csv_rows_carry_answer_class_score_and_national_figures() {
    let (_, rows) = csv_of(&record_with(full_responses()), instrument());
    // (statement, answer, class, score, n, same-answer %, national words)
    let cases: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        (
            "adequate-funding",
            "Strongly disagree",
            "Barrier",
            "-2",
            "90",
            "40",
            "4% strongly agree, 11% somewhat agree, 30% somewhat disagree, 40% strongly disagree, 14% don't know.",
        ),
        (
            "leadership-supports",
            "Strongly agree",
            "Facilitator",
            "2",
            "90",
            "",
            "More than 90% strongly agree or agree.",
        ),
        (
            "abstinence-only-payers",
            "Somewhat disagree",
            "Facilitator",
            "1",
            "",
            "",
            "",
        ),
        ("funding-beyond-one-grant", "I don't know", "Unknown", "0", "", "", ""),
        ("champion", "", "", "", "", "", ""),
        (
            "principles-adopted",
            "",
            "",
            "",
            "90",
            "",
            "Two-thirds strongly agree or agree; 25% strongly disagree or disagree.",
        ),
    ];
    for (id, answer, class, score, n, same, figure) in cases {
        let cell = row_of(&rows, id);
        let got = (
            cell("answer"),
            cell("class"),
            cell("score"),
            cell("national_n"),
            cell("national_same_answer_percent"),
            cell("national_figure"),
        );
        assert_eq!(got, (*answer, *class, *score, *n, *same, *figure), "{id}");
    }
    assert_eq!(row_of(&rows, "adequate-funding")("domain"), "Funding");
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let mut i = instrument().clone();
    let texts = ["Say \"yes\", then \"no\"", "Line one\nline two", "Plain words", "A, B"];
    let ids: Vec<_> = i.statements().take(texts.len()).map(|s| s.id.clone()).collect();
    for q in &mut i.questions {
        if let hr_assessment::Question::Statement(s) = q {
            if let Some(k) = ids.iter().position(|id| id == &s.id) {
                s.text = texts[k].into();
            }
        }
    }
    let text = export_csv(&record_with(Responses::default()), &i);
    assert!(text.contains(",\"Say \"\"yes\"\", then \"\"no\"\"\","), "{text}");
    assert!(text.contains(",\"Line one\nline two\","));
    assert!(text.contains(",Plain words,"));
    let (_, rows) = csv_of(&record_with(Responses::default()), &i);
    for (id, expected) in ids.iter().zip(texts) {
        assert_eq!(row_of(&rows, id.as_str())("statement"), expected);
    }
}

#[test]
fn csv_text_cells_cannot_become_formulas_but_numbers_stay_numbers() {
    let mut i = instrument().clone();
    let texts = [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"),
        ("-1 point", "'-1 point"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "\"'\tindented\""),
        ("\rreturn", "\"'\rreturn\""),
        ("Safe = fine", "Safe = fine"),
        // A spreadsheet splitting on ";" (Spanish and other locales whose
        // decimal mark is a comma) or on tab must not see "=1+1" as a cell.
        ("x;=1+1", "\"x;=1+1\""),
        ("x\t=1+1", "\"x\t=1+1\""),
        ("  =1+1", "'  =1+1"),
    ];
    let ids: Vec<_> = i.statements().take(texts.len()).map(|s| s.id.clone()).collect();
    for q in &mut i.questions {
        if let hr_assessment::Question::Statement(s) = q {
            if let Some(k) = ids.iter().position(|id| id == &s.id) {
                s.text = texts[k].0.into();
            }
        }
    }
    let record = record_with(answers(&[(ids[0].as_str(), SD)]));
    let text = export_csv(&record, &i);
    for (original, cell) in texts {
        assert!(
            text.contains(&format!(",{cell},")),
            "{original:?} should be written {cell:?}"
        );
    }
    let (_, rows) = csv_of(&record, &i);
    let cell = row_of(&rows, ids[0].as_str());
    assert_eq!(cell("statement"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(cell("score"), "-2", "a negative score stays a number");
}

#[test]
fn csv_is_utf8_with_a_bom_and_crlf_line_endings() {
    let text = export_csv(&record_with(full_responses()), instrument());
    assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(text.ends_with("\r\n"));
    let lf = text.matches('\n').count();
    assert_eq!(lf, text.matches("\r\n").count(), "every line ends in CRLF");
    assert_eq!(lf, instrument().statements().count() + 1);
    assert_eq!(text.matches('\u{FEFF}').count(), 1);
}

// ---------------------------------------------------------------------------
// The JSON Schema and the document, against the code
// ---------------------------------------------------------------------------

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

fn list(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Checks one object schema against one object the code writes: the same
/// properties, all of them required (unless `optional`), nothing else allowed.
fn check_object_schema(what: &str, schema: &Value, written: &Value, optional: &[&str]) {
    let written = keys(written);
    assert_eq!(keys(&schema["properties"]), written, "{what}: properties");
    let required: BTreeSet<String> = written
        .iter()
        .filter(|k| !optional.contains(&k.as_str()))
        .cloned()
        .collect();
    assert_eq!(list(&schema["required"]), required, "{what}: required");
    assert_eq!(schema["additionalProperties"], false, "{what}: unknown fields refused");
    assert_eq!(schema["type"], "object", "{what}");
}

#[test]
fn the_schema_and_the_export_agree() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let defs = &schema["$defs"];
    let refs: BTreeSet<String> = schema["oneOf"]
        .as_array()
        .expect("oneOf")
        .iter()
        .filter_map(|r| r["$ref"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        refs,
        ["#/$defs/assessmentFile", "#/$defs/encryptedFile"]
            .map(String::from)
            .into()
    );

    let mut record = record_with(full_responses());
    record.actions = frozen_v2_actions();
    let export: Value = serde_json::from_str(&export_json(&record, "en", "2026-11-22T10:06:00.000Z")).expect("JSON");
    let plain = &defs["assessmentFile"];
    check_object_schema("file", plain, &export, &[]);
    check_object_schema("assessment", &defs["assessment"], &export["assessment"], &["actions"]);
    let actions = &defs["assessment"]["properties"]["actions"];
    assert_eq!(actions["type"], "array");
    assert_eq!(actions["maxItems"], hr_assessment::record::MAX_ACTIONS);
    assert_eq!(actions["items"]["$ref"], "#/$defs/action");
    let action = &defs["action"];
    check_object_schema("action", action, &export["assessment"]["actions"][0], &["area", "due"]);
    let statuses: BTreeSet<String> = ActionStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    assert_eq!(list(&action["properties"]["status"]["enum"]), statuses);
    assert_eq!(action["properties"]["title"]["maxLength"], MAX_TITLE_CHARS);
    assert_eq!(action["properties"]["owner"]["maxLength"], MAX_OWNER_CHARS);
    assert_eq!(action["properties"]["notes"]["maxLength"], MAX_NOTES_CHARS);
    let responses = &export["assessment"]["responses"];
    check_object_schema(
        "responses",
        &defs["responses"],
        responses,
        &["statements", "choices", "grids"],
    );
    assert_eq!(plain["properties"]["format"]["const"], FORMAT);
    assert_eq!(plain["properties"]["version"]["const"], CURRENT_VERSION);
    assert_eq!(
        list(&plain["properties"]["language"]["enum"]),
        LANGUAGES.map(String::from).into()
    );
    let name = &defs["assessment"]["properties"]["name"];
    assert_eq!(name["maxLength"], MAX_NAME_CHARS);
    assert_eq!(name["minLength"], 1);
    let scale: BTreeSet<String> = ScaleAnswer::ALL.iter().map(|a| a.as_str().to_owned()).collect();
    assert_eq!(list(&defs["scaleAnswer"]["enum"]), scale);

    let envelope: Value = serde_json::from_str(&sample_envelope().to_json()).expect("JSON");
    let e = &defs["encryptedFile"];
    check_object_schema("envelope", e, &envelope, &[]);
    let p = &e["properties"];
    assert_eq!(p["format"]["const"], ENCRYPTED_FORMAT);
    assert_eq!(p["iterations"]["minimum"], PBKDF2_ITERATIONS);
    assert_eq!(p["iterations"]["maximum"], MAX_PBKDF2_ITERATIONS);
    let encoded = |n: usize| n.div_ceil(3) * 4;
    for (field, bytes) in [("salt", SALT_BYTES), ("iv", IV_BYTES)] {
        assert_eq!(p[field]["minLength"], encoded(bytes), "{field}");
        assert_eq!(p[field]["maxLength"], encoded(bytes), "{field}");
    }
    assert_eq!(p["cipher"]["const"], "AES-GCM-256");
    assert_eq!(p["kdf"]["const"], "PBKDF2-SHA256");
}

/// The fenced blocks of one language in the document, in order.
fn blocks(lang: &str) -> Vec<&'static str> {
    let fence = format!("```{lang}\n");
    DOC.split(fence.as_str())
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect()
}

#[test]
fn the_document_examples_are_files_this_code_reads() {
    let json = blocks("json");
    assert!(json.len() >= 2, "an example of each JSON file");
    let imported = import(json[0], instrument()).unwrap_or_else(|e| panic!("the plain example: {e}"));
    assert!(imported.warnings.is_empty());
    let envelope = Envelope::parse(json[1]).unwrap_or_else(|e| panic!("the envelope example: {e}"));
    assert_eq!(envelope.iterations, PBKDF2_ITERATIONS);
    let csv = blocks("csv");
    assert_eq!(csv.len(), 1, "one CSV example");
    assert_eq!(csv[0].lines().next(), Some(CSV_COLUMNS.join(",").as_str()));
    for (limit, words) in [
        (MAX_IMPORT_BYTES, "1,000,000 bytes"),
        (MAX_ENVELOPE_BYTES, "1,400,000 bytes"),
        (PBKDF2_ITERATIONS as usize, "600,000"),
        (MAX_PBKDF2_ITERATIONS as usize, "10,000,000"),
        (MAX_NAME_CHARS, "120 characters"),
        (MAX_DEPTH, "16 levels"),
    ] {
        assert!(DOC.contains(words), "the document should state {limit} as {words:?}");
    }
}

#[test]
#[allow(clippy::disallowed_methods)] // the check, not the code under test
fn export_file_names_keep_letters_of_any_script_and_nothing_unsafe() {
    for (name, stem) in [
        ("Clínica del Norte — 2026", "clínica-del-norte-2026"),
        ("ÑANDÚ Services", "ñandú-services"),
        ("  Before / after: the team's view?  ", "before-after-the-team-s-view"),
        ("Центр «Надежда»", "Центр-Надежда"),
        ("中心、評価", "中心-評価"),
        ("a\u{A0}b…c’d×e", "a-b-c-d-e"),
        ("../../etc/passwd", "etc-passwd"),
        ("<>:\"|?*", "assessment"),
        ("", "assessment"),
    ] {
        assert_eq!(file_stem(name), stem, "{name:?}");
    }
    let long = file_stem(&"ab ".repeat(50));
    assert!(long.chars().count() <= 60 && !long.ends_with('-'), "{long}");
    // Nothing a file system or a shell treats specially.
    for stem in ["x/y\\z:w*v?u\"t<s>r|q", "\u{0}\u{1F}\u{7F}"] {
        assert!(
            file_stem(stem).chars().all(|c| c.is_alphanumeric() || c == '-'),
            "{stem:?}"
        );
    }
}

#[test]
fn a_file_too_large_for_either_kind_is_refused_before_it_is_read() {
    use hr_assessment::Lang;
    // Up to the protected files' limit a file is read: its kind decides.
    assert_eq!(refuse_before_reading(0), None);
    assert_eq!(refuse_before_reading(MAX_IMPORT_BYTES as u64 + 1), None);
    assert_eq!(refuse_before_reading(MAX_ENVELOPE_BYTES as u64), None);
    // Beyond it, the words import would use for an assessment file.
    let refused = refuse_before_reading(MAX_ENVELOPE_BYTES as u64 + 1).unwrap();
    assert_eq!(
        refused,
        ImportError::TooLarge {
            bytes: MAX_ENVELOPE_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        }
    );
    let ten = refuse_before_reading(10_000_000).unwrap();
    assert_eq!(
        ten.message(Lang::En),
        "This file is 10.0 MB; assessment files are under 1 MB. Choose the file you exported from this app."
    );
    assert!(ten
        .message(Lang::Es)
        .starts_with("Este archivo pesa 10,0 MB; los archivos de evaluación pesan menos de 1 MB."));
    // Sizes beyond what a usize holds on a 32-bit target still read as a number.
    assert!(refuse_before_reading(u64::MAX).is_some());
}

/// A name a person types (renaming) is held to the rule of names in files:
/// what `check_name` accepts, an exported file's import accepts too.
#[test]
fn a_typed_name_follows_the_rule_of_names_in_files() {
    use hr_assessment::file::{check_name, clean_name, TextProblem, MAX_NAME_CHARS};
    assert_eq!(check_name("  Board retreat "), Ok("Board retreat"));
    assert_eq!(check_name(" \t "), Err(TextProblem::Empty));
    let long = "é".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(
        check_name(&long),
        Err(TextProblem::TooLong {
            chars: MAX_NAME_CHARS + 1,
            max: MAX_NAME_CHARS
        })
    );
    assert_eq!(
        check_name(&long[..long.len() - 2]).map(|n| n.chars().count()),
        Ok(MAX_NAME_CHARS)
    );
    for bad in [
        "two\nlines",
        "a\u{202e}b",
        "tab\there",
        "nul\u{0}",
        "line\u{2028}separator",
    ] {
        assert_eq!(check_name(bad), Err(TextProblem::ControlCharacter), "{bad:?}");
        // Cleaning a name makes it one the check accepts.
        assert!(check_name(&clean_name(bad)).is_ok(), "{bad:?}");
    }
}
