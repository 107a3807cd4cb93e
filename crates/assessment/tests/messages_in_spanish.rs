//! Every message the core writes for people, in Spanish: the errors of
//! files, answer codes, saved data, action plans and answers, the import
//! warnings, the modality reasons, the national comparison sentences and
//! "check your answers". The English stays exactly what it was (`Display`
//! and the old functions), and each Spanish message differs from it, is
//! filled in (no `{placeholder}` left), carries no English words and gives
//! the same guidance.

mod common;
use common::*;
use hr_assessment::code::{self, CodeError};
use hr_assessment::file::{
    export_json, import, import_in, Counted, ImportError, ImportWarning, ShapeProblem, TextProblem, MAX_ENVELOPE_BYTES,
    MAX_IMPORT_BYTES,
};
use hr_assessment::recommend::{ModalityReason, ModalityRecommendation};
use hr_assessment::record::{ActionField, ActionProblem, PlanProblem};
use hr_assessment::responses::ResponseError;
use hr_assessment::{assess, Instrument, Lang, RecordError, Responses, ScaleAnswer, SectionId, Shipped, Stored};

fn spanish() -> &'static Instrument {
    Instrument::shipped_in(Lang::Es)
}

/// English words that never belong in a Spanish message.
const ENGLISH: [&str; 14] = [
    " the ", " this ", " is ", " are ", " not ", " and ", " of ", " you", "Choose", "Export", "Open", "Enter",
    " file ", "It ",
];

/// The checks every Spanish message gets: it differs from the English, has
/// no unfilled placeholder, no doubled space and no English words.
fn check_spanish(case: &str, english: &str, spanish: &str) {
    assert_ne!(spanish, english, "case {case:?}: not translated");
    assert!(
        !spanish.contains(['{', '}']),
        "case {case:?}: {spanish:?} has a placeholder left"
    );
    assert!(!spanish.contains("  "), "case {case:?}: {spanish:?}");
    assert!(!spanish.trim().is_empty(), "case {case:?}");
    for word in ENGLISH {
        assert!(!spanish.contains(word), "case {case:?}: {spanish:?} contains {word:?}");
    }
}

/// A message shown on its own: whole sentences.
fn check_sentences(case: &str, spanish: &str) {
    assert!(
        spanish.starts_with(|c: char| c.is_uppercase() || c == '¿'),
        "case {case:?}: {spanish:?}"
    );
    assert!(spanish.ends_with('.'), "case {case:?}: {spanish:?}");
}

// ---------------------------------------------------------------------------
// Import errors
// ---------------------------------------------------------------------------

fn every_import_error() -> Vec<ImportError> {
    use ImportError::*;
    let shapes = [
        ShapeProblem::NotAnObject,
        ShapeProblem::Unknown,
        ShapeProblem::Missing,
        ShapeProblem::NotText,
        ShapeProblem::NotAList,
        ShapeProblem::NotAListOfTexts,
        ShapeProblem::NotAWholeNumber,
        ShapeProblem::NotAStatus,
    ];
    let counted = [
        Counted::StatementAnswers,
        Counted::ChoiceAnswers,
        Counted::GridAnswers,
        Counted::OptionsInOneQuestion,
        Counted::RowsInOneGrid,
        Counted::BoxesInOneRow,
    ];
    let texts = [
        TextProblem::Empty,
        TextProblem::TooLong { chars: 130, max: 120 },
        TextProblem::ControlCharacter,
        TextProblem::NotAVersion,
    ];
    let unknown = |id: &str| ResponseError::NotAStatement { item: item(id) };
    let mut all = vec![
        TooLarge {
            bytes: 1_100_000,
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
        Encrypted,
        NotEncrypted,
        NoVersion,
        NewerVersion { file: 3, app: 2 },
        NotAnAnswer {
            statement: "adequate-funding".into(),
        },
        Actions {
            problems: vec![PlanProblem::Action {
                index: 0,
                problem: ActionProblem::TitleEmpty,
            }],
        },
        Actions {
            problems: (0..5)
                .map(|index| PlanProblem::Action {
                    index,
                    problem: ActionProblem::NotADate,
                })
                .collect(),
        },
        Answers {
            problems: vec![unknown("a"), unknown("b"), unknown("c"), unknown("d")],
            file_instrument: "1.0.0".into(),
            app_instrument: "1.0.0".into(),
        },
        Answers {
            problems: vec![unknown("new-in-2")],
            file_instrument: "2.0.0".into(),
            app_instrument: "1.0.0".into(),
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
        TeamSummary,
    ];
    all.extend(shapes.map(|problem| Shape {
        field: "assessment.name".into(),
        problem,
    }));
    all.extend(counted.map(|what| TooManyAnswers {
        what,
        found: 50,
        most: 40,
    }));
    for field in ["name", "instrument_version", "other"] {
        all.extend(texts.map(|problem| Text { field, problem }));
    }
    all
}

/// The variant of each import error and of its parts, by an exhaustive
/// `match` (no wildcard): a new variant does not compile until it is named
/// here, and then `the_list_of_import_errors_names_every_variant` fails
/// until `every_import_error` has one.
fn variant(e: &ImportError) -> String {
    use ImportError::*;
    let part = match e {
        TooLarge { .. } => "TooLarge",
        Empty => "Empty",
        Truncated => "Truncated",
        NotJson { .. } => "NotJson",
        TooDeep => "TooDeep",
        NotAnAssessment => "NotAnAssessment",
        TeamSummary => "TeamSummary",
        Encrypted => "Encrypted",
        NotEncrypted => "NotEncrypted",
        NoVersion => "NoVersion",
        NewerVersion { .. } => "NewerVersion",
        Shape { problem, .. } => {
            return format!(
                "Shape/{}",
                match problem {
                    ShapeProblem::NotAnObject => "NotAnObject",
                    ShapeProblem::Unknown => "Unknown",
                    ShapeProblem::Missing => "Missing",
                    ShapeProblem::NotText => "NotText",
                    ShapeProblem::NotAList => "NotAList",
                    ShapeProblem::NotAListOfTexts => "NotAListOfTexts",
                    ShapeProblem::NotAWholeNumber => "NotAWholeNumber",
                    ShapeProblem::NotAStatus => "NotAStatus",
                }
            )
        }
        TooManyAnswers { what, .. } => {
            return format!(
                "TooManyAnswers/{}",
                match what {
                    Counted::StatementAnswers => "StatementAnswers",
                    Counted::ChoiceAnswers => "ChoiceAnswers",
                    Counted::GridAnswers => "GridAnswers",
                    Counted::OptionsInOneQuestion => "OptionsInOneQuestion",
                    Counted::RowsInOneGrid => "RowsInOneGrid",
                    Counted::BoxesInOneRow => "BoxesInOneRow",
                }
            )
        }
        NotAnAnswer { .. } => "NotAnAnswer",
        Actions { .. } => "Actions",
        Answers { .. } => "Answers",
        Text { problem, .. } => {
            return format!(
                "Text/{}",
                match problem {
                    TextProblem::Empty => "Empty",
                    TextProblem::TooLong { .. } => "TooLong",
                    TextProblem::ControlCharacter => "ControlCharacter",
                    TextProblem::NotAVersion => "NotAVersion",
                }
            )
        }
        Timestamp { .. } => "Timestamp",
        Language => "Language",
        Unsupported { .. } => "Unsupported",
        WeakKey { .. } => "WeakKey",
        TooManyIterations { .. } => "TooManyIterations",
        Base64 { .. } => "Base64",
        Length { .. } => "Length",
        NoCiphertext { .. } => "NoCiphertext",
        CiphertextTooLarge { .. } => "CiphertextTooLarge",
    };
    part.to_owned()
}

/// How many arms `variant` has: the 26 variants of `ImportError`, with
/// `Shape`, `TooManyAnswers` and `Text` counted by their parts (8, 6 and 4).
/// An arm added there must be counted here, and then listed.
const VARIANTS: usize = 26 - 3 + 8 + 6 + 4;

#[test]
fn the_list_of_import_errors_names_every_variant() {
    let mut seen: Vec<String> = every_import_error().iter().map(variant).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), VARIANTS, "variants in the list: {seen:?}");
}

#[test]
fn every_import_error_has_a_spanish_message_that_says_what_to_do() {
    let actions = ["Elija", "Vuelva a exportar", "Escriba", "Ábralo", "Impórtelo", "Use "];
    for e in every_import_error() {
        let (en, es) = (e.message(Lang::En), e.message(Lang::Es));
        let case = format!("{e:?}");
        assert_eq!(en, e.to_string(), "Display is the English message");
        check_spanish(&case, &en, &es);
        check_sentences(&case, &es);
        assert!(actions.iter().any(|a| es.contains(a)), "{es:?} says nothing to do");
        assert!(es.chars().count() < 450, "{es:?} is too long");
    }
}

/// (case, error, words the Spanish must contain).
#[test]
fn spanish_import_messages_carry_the_same_facts_as_the_english() {
    let cases: Vec<(&str, ImportError, &str)> =
        vec![
        (
            "size and limit",
            ImportError::TooLarge {
                bytes: 2_000_000,
                limit: MAX_ENVELOPE_BYTES,
            },
            "pesa 2,0 MB; los archivos de evaluación protegidos pesan menos de 1,4 MB",
        ),
        (
            "megabytes with a decimal comma",
            ImportError::CiphertextTooLarge { bytes: 1_200_000 },
            "contiene 1,2 MB de datos cifrados",
        ),
        ("line and column", ImportError::NotJson { line: 3, column: 7 }, "(línea 3, carácter 7)"),
        (
            "the field and its problem",
            ImportError::Shape {
                field: "exported".into(),
                problem: ShapeProblem::Missing,
            },
            "el campo \"exported\" no está",
        ),
        (
            "how many of what",
            ImportError::TooManyAnswers {
                what: Counted::StatementAnswers,
                found: 50,
                most: 40,
            },
            "contiene 50 respuestas a afirmaciones, pero el cuestionario solo tiene espacio para 40",
        ),
        (
            "three answers and how many more",
            ImportError::Answers {
                problems: ["a", "b", "c", "d"]
                    .map(|id| ResponseError::NotAStatement { item: item(id) })
                    .to_vec(),
                file_instrument: "1.0.0".into(),
                app_instrument: "1.0.0".into(),
            },
            "\"c\" no es una afirmación de este cuestionario (y 1 más). Puede que el archivo se haya editado o dañado.",
        ),
        (
            "both questionnaire versions",
            ImportError::Answers {
                problems: vec![ResponseError::NotAStatement { item: item("x") }],
                file_instrument: "2.0.0".into(),
                app_instrument: "1.0.0".into(),
            },
            "El archivo se creó con la versión 2.0.0 del cuestionario; esta aplicación tiene la versión 1.0.0.",
        ),
        (
            "the action plan's problems",
            ImportError::Actions {
                problems: vec![PlanProblem::TooMany { found: 201, max: 200 }],
            },
            "no se importó nada: tiene 201 acciones; se permiten como máximo 200.",
        ),
        (
            "a version is feminine",
            ImportError::Text {
                field: "instrument_version",
                problem: TextProblem::Empty,
            },
            "La versión del cuestionario en este archivo está vacía.",
        ),
        (
            "a name is masculine",
            ImportError::Text {
                field: "name",
                problem: TextProblem::Empty,
            },
            "El nombre de la evaluación en este archivo está vacío.",
        ),
        (
            "the rounds required",
            ImportError::WeakKey { iterations: 1000 },
            "(1000 rondas; esta aplicación exige al menos 600000)",
        ),
    ];
    for (case, e, words) in cases {
        let es = e.message(Lang::Es);
        assert!(es.contains(words), "case {case:?}: {es:?} lacks {words:?}");
    }
}

#[test]
fn text_from_a_file_is_shown_short_and_without_control_characters_in_spanish_too() {
    let hostile = format!("a\u{1b}[31m{}", "x".repeat(5000));
    let e = ImportError::NotAnAnswer { statement: hostile };
    let es = e.message(Lang::Es);
    assert!(es.contains("a?[31mxxx") && es.contains('…') && es.len() < 450, "{es}");
}

#[test]
fn imports_give_their_warnings_in_the_language_asked_for() {
    let mut record = record_with(full_responses());
    record.instrument_version = "0.9.0".into();
    let english_file = export_json(&record, "en", "2026-11-22T10:06:00.000Z");
    let spanish_file = export_json(&record, "es", "2026-11-22T10:06:00.000Z");

    // The English function is unchanged: English words, English instrument.
    let got = import(&spanish_file, instrument()).expect("imported");
    assert_eq!(
        got.notices(instrument()),
        [
            ImportWarning::OtherVersion {
                file: "0.9.0".into(),
                app: "2.0.0".into()
            },
            ImportWarning::OtherLanguage {
                file: "es".into(),
                app: "en".into()
            },
        ]
    );
    assert_eq!(
        got.warnings,
        [
            "This file was made with version 0.9.0 of the questionnaire; this app has version 2.0.0. Answers to the statements both versions ask are kept as they are.",
            "This file was exported from the app in Spanish; the questions here are shown in English. The answers are the same.",
        ]
    );

    // In Spanish, with the Spanish instrument: an English file is the other language.
    let got = import_in(&english_file, spanish(), Lang::Es).expect("imported");
    assert_eq!(
        got.warnings,
        [
            "Este archivo se creó con la versión 0.9.0 del cuestionario; esta aplicación tiene la versión 2.0.0. Las respuestas a las afirmaciones que ambas versiones hacen se conservan tal como están.",
            "Este archivo se exportó desde la aplicación en inglés; aquí las preguntas se muestran en español. Las respuestas son las mismas.",
        ]
    );
    for w in got.notices(spanish()) {
        check_spanish("warning", &w.message(Lang::En), &w.message(Lang::Es));
        check_sentences("warning", &w.message(Lang::Es));
    }
    // A Spanish file in the Spanish app: nothing to say about the language.
    let got = import_in(&spanish_file, spanish(), Lang::Es).expect("imported");
    assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    // The answers do not depend on the language either.
    assert_eq!(got.responses, record.responses);
}

#[test]
fn a_refused_import_reads_in_spanish() {
    let e = import_in("{\"format\": \"hr-readiness-assessment\"", spanish(), Lang::Es).unwrap_err();
    assert_eq!(e, ImportError::Truncated);
    assert!(e.message(Lang::Es).starts_with("Este archivo termina antes de tiempo"));
}

// ---------------------------------------------------------------------------
// Text problems, answer codes
// ---------------------------------------------------------------------------

#[test]
fn every_text_problem_has_a_spanish_sentence() {
    let all = [
        TextProblem::Empty,
        TextProblem::TooLong { chars: 130, max: 120 },
        TextProblem::ControlCharacter,
        TextProblem::NotAVersion,
    ];
    covers_every_variant!(all, TextProblem { Empty, TooLong { .. }, ControlCharacter, NotAVersion });
    for p in all {
        let (en, es) = (p.message(Lang::En), p.message(Lang::Es));
        assert_eq!(en, p.to_string());
        check_spanish(&format!("{p:?}"), &en, &es);
        check_sentences(&format!("{p:?}"), &es);
    }
    assert_eq!(
        TextProblem::TooLong { chars: 130, max: 120 }.message(Lang::Es),
        "Este texto tiene 130 caracteres; se permiten como máximo 120."
    );
}

#[test]
fn every_answer_code_error_has_a_spanish_message_that_says_what_to_do() {
    let all = [
        CodeError::Empty,
        CodeError::NotACode,
        CodeError::NewerFormat,
        CodeError::DifferentVersion {
            code: "2".into(),
            app: "1".into(),
        },
        CodeError::BadCharacter {
            position: 5,
            character: '!',
        },
        CodeError::BadCharacter {
            position: 5,
            character: ' ',
        },
        CodeError::BadCharacter {
            position: 5,
            character: '\n',
        },
        CodeError::BadCharacter {
            position: 5,
            character: '\u{200B}',
        },
        CodeError::Incomplete { missing: 1 },
        CodeError::Incomplete { missing: 3 },
        CodeError::TooLong { extra: 1 },
        CodeError::TooLong { extra: 2 },
        CodeError::Mistyped,
        CodeError::Damaged,
        CodeError::OlderFormat,
    ];
    covers_every_variant!(
        all,
        CodeError {
            Empty,
            NotACode,
            NewerFormat,
            OlderFormat,
            DifferentVersion { .. },
            BadCharacter { .. },
            Incomplete { .. },
            TooLong { .. },
            Mistyped,
            Damaged,
        }
    );
    let actions = [
        "Escriba o pegue",
        "Vuelva a copiar",
        "Abra",
        "Pida",
        "Revise",
        "Compruebe",
    ];
    for e in all {
        let (en, es) = (e.message(Lang::En), e.message(Lang::Es));
        let case = format!("{e:?}");
        assert_eq!(en, e.to_string());
        check_spanish(&case, &en, &es);
        check_sentences(&case, &es);
        assert!(actions.iter().any(|a| es.contains(a)), "{es:?} says nothing to do");
    }
    let words: [(CodeError, &str); 5] = [
        (CodeError::Incomplete { missing: 1 }, "falta 1 carácter al final"),
        (CodeError::Incomplete { missing: 3 }, "faltan 3 caracteres al final"),
        (
            CodeError::TooLong { extra: 1 },
            "tiene 1 carácter más que un código de respuestas",
        ),
        (
            CodeError::BadCharacter {
                position: 5,
                character: ' ',
            },
            "contiene un espacio en la posición 5",
        ),
        (
            CodeError::DifferentVersion {
                code: "2".into(),
                app: "1".into(),
            },
            "(versión 2; esta aplicación tiene la versión 1)",
        ),
    ];
    for (e, w) in words {
        assert!(e.message(Lang::Es).contains(w), "{:?} lacks {w:?}", e.message(Lang::Es));
    }
    // A real refusal, made with the Spanish instrument.
    let e = code::decode(spanish(), "C1.xyz").unwrap_err();
    assert_eq!(e, CodeError::NewerFormat);
    let e = code::decode(spanish(), "A1.xyz").unwrap_err();
    assert_eq!(e, CodeError::OlderFormat);
}

// ---------------------------------------------------------------------------
// Action plans, saved data, answers
// ---------------------------------------------------------------------------

fn every_action_problem() -> Vec<ActionProblem> {
    let mut all = vec![
        ActionProblem::BadId,
        ActionProblem::DuplicateId,
        ActionProblem::TitleEmpty,
        ActionProblem::NotADate,
        ActionProblem::UnknownArea("parking".into()),
    ];
    for field in [ActionField::Title, ActionField::Owner, ActionField::Notes] {
        all.push(ActionProblem::TooLong {
            field,
            chars: 250,
            max: 200,
        });
        all.push(ActionProblem::ControlCharacter { field });
    }
    all
}

#[test]
fn every_action_and_plan_problem_has_a_spanish_phrase() {
    covers_every_variant!(
        every_action_problem(),
        ActionProblem {
            BadId,
            DuplicateId,
            TitleEmpty,
            TooLong { .. },
            ControlCharacter { .. },
            NotADate,
            UnknownArea(_),
        }
    );
    for p in every_action_problem() {
        let (en, es) = (p.message(Lang::En), p.message(Lang::Es));
        assert_eq!(en, p.to_string());
        check_spanish(&format!("{p:?}"), &en, &es);
        // A phrase to follow "acción 2: ", as in English.
        assert!(es.starts_with(|c: char| c.is_lowercase() || c == '"'), "{es:?}");
        let plan = PlanProblem::Action { index: 1, problem: p };
        assert_eq!(plan.message(Lang::Es), format!("acción 2: {es}"));
        assert_eq!(plan.message(Lang::En), plan.to_string());
    }
    let many = PlanProblem::TooMany { found: 201, max: 200 };
    check_spanish("too many", &many.to_string(), &many.message(Lang::Es));
    let agreement = [
        (
            ActionProblem::TooLong {
                field: ActionField::Notes,
                chars: 2001,
                max: 2000,
            },
            "las notas tienen 2001 caracteres; se permiten como máximo 2000",
        ),
        (
            ActionProblem::TooLong {
                field: ActionField::Title,
                chars: 201,
                max: 200,
            },
            "el título tiene 201 caracteres; se permiten como máximo 200",
        ),
        (
            ActionProblem::UnknownArea("parking".into()),
            "\"parking\" no es un área de asistencia técnica de este cuestionario",
        ),
    ];
    for (p, words) in agreement {
        assert_eq!(p.message(Lang::Es), words);
    }
}

fn every_response_error() -> Vec<ResponseError> {
    vec![
        ResponseError::NotAStatement { item: item("nope") },
        ResponseError::NotAQuestion { item: item("nope") },
        ResponseError::NotAChoice {
            item: item("adequate-funding"),
        },
        ResponseError::NotAnOption {
            item: item("org-type"),
            option: opt("purple"),
        },
        ResponseError::OptionTwice {
            item: item("communities"),
        },
        ResponseError::TooManyChoices {
            item: item("org-type"),
            chosen: 2,
            max: 1,
        },
        ResponseError::TooManyChoices {
            item: item("modalities-top"),
            chosen: 4,
            max: 3,
        },
        ResponseError::NotAGrid { item: item("role") },
        ResponseError::NotARow {
            item: item("partners"),
            row: opt("aliens"),
        },
        ResponseError::NotAColumn {
            item: item("partners"),
            column: opt("yesterday"),
        },
        ResponseError::TickedTwice {
            item: item("partners"),
            row: opt("ssp"),
        },
    ]
}

#[test]
fn every_answer_problem_has_a_spanish_phrase_naming_the_ids() {
    covers_every_variant!(
        every_response_error(),
        ResponseError {
            NotAStatement { .. },
            NotAQuestion { .. },
            NotAChoice { .. },
            NotAnOption { .. },
            OptionTwice { .. },
            TooManyChoices { .. },
            NotAGrid { .. },
            NotARow { .. },
            NotAColumn { .. },
            TickedTwice { .. },
        }
    );
    for e in every_response_error() {
        let (en, es) = (e.message(Lang::En), e.message(Lang::Es));
        assert_eq!(en, e.to_string());
        check_spanish(&format!("{e:?}"), &en, &es);
        // The same ids, in the same quotes.
        let quoted = |m: &str| m.split('"').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(quoted(&en), quoted(&es), "{es:?}");
    }
    // Validation gives data, so the same refusal reads in both languages.
    let mut r = Responses::default();
    r.set_statement(item("nowhere"), ScaleAnswer::StronglyAgree);
    let errors = r.validate(spanish()).unwrap_err();
    assert_eq!(errors, [ResponseError::NotAStatement { item: item("nowhere") }]);
    assert_eq!(
        errors[0].message(Lang::Es),
        "\"nowhere\" no es una afirmación de este cuestionario"
    );
}

#[test]
fn every_saved_data_error_has_a_spanish_phrase() {
    let all = [
        RecordError::NotJson("x".into()),
        RecordError::Shape("x".into()),
        RecordError::FromTheFuture { schema: 7 },
        RecordError::Answers(every_response_error()),
        RecordError::NoSchema,
        RecordError::UnknownPage(SectionId::new("nowhere")),
        RecordError::Actions(vec![PlanProblem::TooMany { found: 201, max: 200 }]),
        RecordError::UnsupportedLock,
    ];
    covers_every_variant!(
        all,
        RecordError {
            NotJson(_),
            Shape(_),
            FromTheFuture { .. },
            Answers(_),
            NoSchema,
            UnknownPage(_),
            Actions(_),
            UnsupportedLock,
        }
    );
    for e in all {
        let (en, es) = (e.message(Lang::En), e.message(Lang::Es));
        assert_eq!(en, e.to_string());
        check_spanish(&format!("{e:?}"), &en, &es);
        // A phrase in the style of the English: lower case, no full stop.
        assert!(
            es.starts_with("los datos guardados") || es.starts_with("las respuestas guardadas"),
            "{es:?}"
        );
        assert!(!es.ends_with('.'), "{es:?}");
    }
    // The English messages of refusals made by the readers are unchanged.
    let e = Stored::from_json("{\"schema\":7}", instrument()).unwrap_err();
    assert!(
        e.message(Lang::Es).contains("versión más reciente de esta aplicación"),
        "{e:?}"
    );
    let e = Stored::from_json("{\"hello\":\"world\"}", instrument()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the saved data is not an assessment this app can read: it has no layout version (\"schema\")"
    );
    // The reader's technical detail is passed on as it is, after Spanish words.
    let e = Stored::from_json("{", instrument()).unwrap_err();
    let RecordError::NotJson(detail) = &e else {
        panic!("{e:?}")
    };
    assert!(e.message(Lang::Es).starts_with("los datos guardados no se pueden leer"));
    assert!(e.message(Lang::Es).ends_with(detail.as_str()));
}

// ---------------------------------------------------------------------------
// Modality reasons, national sentences, "check your answers"
// ---------------------------------------------------------------------------

fn recommendation(reasons: Vec<ModalityReason>, national: Option<(u8, u32)>) -> ModalityRecommendation {
    ModalityRecommendation {
        modality: "toolkits".into(),
        points: 0,
        chosen: false,
        reasons,
        national: national.map(|(share, n)| hr_assessment::instrument::Share { share, n }),
    }
}

#[test]
fn modality_reasons_read_in_spanish_with_the_spanish_constraint_labels() {
    use ModalityReason::*;
    let cases: Vec<(&str, ModalityRecommendation, &str)> = vec![
        (
            "chosen",
            recommendation(vec![Chosen], None),
            "Usted eligió esta opción entre sus tres preferidas.",
        ),
        (
            "suits a constraint",
            recommendation(
                vec![Favoured {
                    constraint: "staff-time".into(),
                }],
                None,
            ),
            "Le conviene: el personal tiene poco tiempo para capacitación o AT.",
        ),
        (
            "fits badly with a constraint",
            recommendation(
                vec![Disfavoured {
                    constraint: "travel".into(),
                }],
                None,
            ),
            "Le conviene menos: viajar nos resulta difícil o demasiado costoso.",
        ),
        (
            "organization-wide change",
            recommendation(vec![WideChange { barrier_domains: 3 }], None),
            "3 dominios son barreras; en el aprendizaje colaborativo LEARN HR, el acompañamiento en la implementación ayudó a convertir la capacitación en cambios en la organización.",
        ),
        (
            "one barrier domain",
            recommendation(vec![WideChange { barrier_domains: 1 }], None),
            "1 dominio es una barrera; en el aprendizaje colaborativo LEARN HR, el acompañamiento en la implementación ayudó a convertir la capacitación en cambios en la organización.",
        ),
        (
            "the national share",
            recommendation(vec![Chosen], Some((84, 87))),
            "Usted eligió esta opción entre sus tres preferidas; a nivel nacional, el 84% de las personas encuestadas eligió esta opción (n = 87).",
        ),
        (
            "only the national share",
            recommendation(vec![], Some((62, 87))),
            "A nivel nacional, el 62% de las personas encuestadas eligió esta opción (n = 87).",
        ),
        (
            "nothing",
            recommendation(vec![], None),
            "Ninguna de sus respuestas indica si esta opción le conviene más o menos.",
        ),
    ];
    for (case, rec, expected) in cases {
        let es = rec.reason_line_in(spanish(), Lang::Es);
        assert_eq!(es, expected, "case {case:?}");
        let en = rec.reason_line(instrument());
        assert_eq!(rec.reason_line_in(instrument(), Lang::En), en, "case {case:?}");
        check_spanish(case, &en, &es);
    }
}

#[test]
fn every_modality_of_a_real_report_has_a_spanish_reason_line() {
    let mut r = full_responses();
    r.choices.insert(
        item("constraints"),
        vec![opt("staff-time"), opt("travel"), opt("virtual"), opt("rural")],
    );
    let r = Responses {
        statements: answer_all(|_| SD).statements,
        ..r
    };
    let report = assess(spanish(), &r);
    assert_eq!(report.modalities.len(), spanish().modalities.len());
    for m in &report.modalities {
        let es = m.reason_line_in(spanish(), Lang::Es);
        check_spanish(m.modality.as_str(), &m.reason_line(instrument()), &es);
        check_sentences(m.modality.as_str(), &es);
    }
}

#[test]
fn national_sentences_read_in_spanish() {
    use hr_assessment::ScaleAnswer::*;
    let cases: [(&str, Option<ScaleAnswer>, &str); 9] = [
        (
            "adequate-funding",
            Some(StronglyDisagree),
            "Su respuesta: muy en desacuerdo. A nivel nacional, el 40% está muy en desacuerdo (n = 90).",
        ),
        (
            "adequate-funding",
            Some(SomewhatAgree),
            "Su respuesta: algo de acuerdo. A nivel nacional, el 11% está algo de acuerdo (n = 90).",
        ),
        (
            "trust-pwud",
            Some(DontKnow),
            "Su respuesta: no sé. A nivel nacional, el 6% no lo sabía (n = 90).",
        ),
        (
            "leadership-supports",
            Some(StronglyAgree),
            "Su respuesta: muy de acuerdo. A nivel nacional, más del 90% está de acuerdo (muy o algo) (n = 90).",
        ),
        (
            "staff-knowledge",
            Some(SomewhatAgree),
            "Su respuesta: algo de acuerdo. A nivel nacional, casi el 75% está de acuerdo (muy o algo) (n = 90).",
        ),
        (
            "principles-adopted",
            Some(SomewhatAgree),
            "Su respuesta: algo de acuerdo. A nivel nacional, alrededor del 67% está de acuerdo (muy o algo) (n = 90).",
        ),
        (
            "principles-adopted",
            Some(StronglyDisagree),
            "Su respuesta: muy en desacuerdo. A nivel nacional, el 25% está en desacuerdo (muy o algo) (n = 90).",
        ),
        (
            "leadership-supports",
            Some(DontKnow),
            "Su respuesta: no sé. A nivel nacional: más del 90% está muy de acuerdo o de acuerdo (n = 90).",
        ),
        (
            "adequate-funding",
            None,
            "Usted no ha respondido. A nivel nacional: el 4% está muy de acuerdo, el 11% algo de acuerdo, el 30% algo en desacuerdo, el 40% muy en desacuerdo y el 14% no sabe (n = 90).",
        ),
    ];
    for (id, answer, expected) in cases {
        let mut r = Responses::default();
        if let Some(a) = answer {
            r.set_statement(item(id), a);
        }
        let report = assess(spanish(), &r);
        let b = report
            .statements
            .iter()
            .find(|b| b.item.as_str() == id)
            .expect("a national statement");
        assert_eq!(b.sentence_in(Lang::Es), expected, "{id} {answer:?}");
    }
}

#[test]
fn every_national_sentence_has_a_spanish_form_and_the_english_is_unchanged() {
    let answers = [None].into_iter().chain(ScaleAnswer::ALL.map(Some));
    for answer in answers {
        let mut r = Responses::default();
        if let Some(a) = answer {
            for s in instrument().statements() {
                r.set_statement(s.id.clone(), a);
            }
        }
        let (en, es) = (assess(instrument(), &r), assess(spanish(), &r));
        for (b_en, b_es) in en.statements.iter().zip(&es.statements) {
            assert_eq!(b_en.sentence_in(Lang::En), b_en.sentence());
            let case = format!("{} {answer:?}", b_en.item);
            check_spanish(&case, &b_en.sentence(), &b_es.sentence_in(Lang::Es));
            check_sentences(&case, &b_es.sentence_in(Lang::Es));
        }
    }
}

#[test]
fn check_your_answers_describes_answers_in_spanish() {
    let r = full_responses();
    let mut described = 0;
    for (q_en, q_es) in instrument().questions.iter().zip(&spanish().questions) {
        let en = r.describe(instrument(), q_en);
        assert_eq!(r.describe_in(instrument(), q_en, Lang::En), en);
        let es = r.describe_in(spanish(), q_es, Lang::Es);
        assert_eq!(en.is_some(), es.is_some(), "{}", q_en.id());
        if let (Some(en), Some(es)) = (en, es) {
            check_spanish(q_en.id().as_str(), &en, &es);
            described += 1;
        }
    }
    assert!(described >= 10, "{described}");
    let q = spanish().question(&item("leadership-supports")).expect("a statement");
    assert_eq!(r.describe_in(spanish(), q, Lang::Es).as_deref(), Some("Muy de acuerdo"));
    let q = spanish().question(&item("partners")).expect("a grid");
    assert_eq!(
        r.describe_in(spanish(), q, Lang::Es).as_deref(),
        Some("Programas de servicios de jeringas: Ahora")
    );
}
