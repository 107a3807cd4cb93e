//! The Spanish instrument (`data/instrument.es.toml`): every text of the
//! English file is translated, nothing else differs, the file follows the
//! English order, the language is person-first, a broken translation is
//! refused with the key named, and the scores, stages and rankings do not
//! depend on the language.

mod common;
use common::*;
use hr_assessment::code;
use hr_assessment::compare::compare;
use hr_assessment::instrument::Question;
use hr_assessment::team::{merge, Member};
use hr_assessment::translation::shipped_json;
use hr_assessment::{assess, example, Instrument, InstrumentError, Lang, Polarity, Record, Report, Responses, Shipped};
use proptest::prelude::*;
use serde_json::{json, Value};

const SPANISH_TOML: &str = include_str!("../data/instrument.es.toml");

fn spanish() -> &'static Instrument {
    Instrument::shipped_in(Lang::Es)
}

/// Every translatable text of an instrument as (key, text), keyed and
/// ordered as in a translation file: title, domains, TA areas, modalities,
/// constraints, sections, then each question's text, hint, report's words,
/// options, columns and rows.
fn texts(i: &Instrument) -> Vec<(String, String)> {
    let mut out = vec![("title".to_owned(), i.title.clone())];
    let mut add = |key: String, text: &str| out.push((key, text.to_owned()));
    for d in &i.domains {
        add(format!("domain.{}.name", d.id), &d.name);
        add(format!("domain.{}.summary", d.id), &d.summary);
        add(format!("domain.{}.find_out", d.id), &d.find_out);
    }
    for a in &i.ta_areas {
        add(format!("ta_area.{}.name", a.id), &a.name);
        add(format!("ta_area.{}.summary", a.id), &a.summary);
    }
    for m in &i.modalities {
        add(format!("modality.{}.name", m.id), &m.name);
        add(format!("modality.{}.summary", m.id), &m.summary);
    }
    for c in &i.constraints {
        add(format!("constraint.{}.label", c.id), &c.label);
    }
    for s in &i.sections {
        add(format!("section.{}.title", s.id), &s.title);
        add(format!("section.{}.intro", s.id), &s.intro);
    }
    for q in &i.questions {
        let key = format!("question.{}", q.id());
        add(format!("{key}.text"), q.text());
        if let Some(hint) = q.hint() {
            add(format!("{key}.hint"), hint);
        }
        match q {
            Question::Statement(s) => {
                if let Some(n) = &s.national {
                    add(format!("{key}.reported"), &n.reported);
                    if let Some(note) = &n.note {
                        add(format!("{key}.note"), note);
                    }
                }
            }
            Question::SingleChoice(c) | Question::MultiChoice(c) => {
                for o in &c.options {
                    add(format!("{key}.options.{}", o.id), &o.label);
                }
            }
            Question::Grid(g) => {
                add(format!("{key}.row_header"), &g.row_header);
                for c in &g.columns {
                    add(format!("{key}.columns.{}", c.id), &c.label);
                }
                for r in &g.rows {
                    add(format!("{key}.rows.{}", r.id), &r.label);
                }
                for r in &g.rows {
                    if let Some(note) = &r.note {
                        add(format!("{key}.notes.{}", r.id), note);
                    }
                }
            }
            Question::TaAreas(_) | Question::Modalities(_) | Question::Constraints(_) => {}
        }
    }
    for r in &i.retired {
        add(format!("retired.{}.text", r.id), &r.text);
        add(format!("retired.{}.reason", r.id), &r.reason);
    }
    out
}

/// The numbers written with digits in a text, in order.
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("a number"))
        .collect()
}

// ---------------------------------------------------------------------------
// The shipped translation
// ---------------------------------------------------------------------------

#[test]
fn the_shipped_spanish_translation_has_no_problems() {
    let json = shipped_json(Lang::Es).expect("Spanish is shipped");
    assert_eq!(instrument().translation_problems(json), Vec::<String>::new());
    assert!(shipped_json(Lang::En).is_none(), "English is the instrument itself");
}

#[test]
fn the_spanish_instrument_is_built_once_and_says_it_is_spanish() {
    assert!(std::ptr::eq(spanish(), Instrument::shipped_in(Lang::Es)));
    assert!(std::ptr::eq(Instrument::shipped_in(Lang::En), instrument()));
    assert_eq!(spanish().language, "es");
    assert_eq!(instrument().language, "en");
    assert_eq!(spanish().version, instrument().version);
    assert!(spanish().problems().is_empty(), "{:?}", spanish().problems());
}

/// Texts that are the same words in both languages.
const SAME_IN_BOTH: [&str; 1] = ["question.ta-now.options.no"];

#[test]
fn every_text_is_translated_and_none_is_empty() {
    let (en, es) = (texts(instrument()), texts(spanish()));
    let keys = |t: &[(String, String)]| t.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&en), keys(&es), "the same texts in both languages");
    assert!(en.len() > 200, "{} texts: the walk missed some", en.len());
    for ((key, english), (_, spanish)) in en.iter().zip(&es) {
        assert!(!spanish.trim().is_empty(), "{key} is empty");
        assert_eq!(spanish.trim(), spanish, "{key} has spaces around it");
        if !SAME_IN_BOTH.contains(&key.as_str()) {
            assert_ne!(spanish, english, "{key} is still in English");
        }
    }
    for key in SAME_IN_BOTH {
        let (_, text) = es.iter().find(|(k, _)| k == key).expect("the key exists");
        let (_, english) = en.iter().find(|(k, _)| k == key).expect("the key exists");
        assert_eq!(text, english, "{key} is listed as the same in both languages");
    }
}

#[test]
fn every_text_keeps_the_english_numbers() {
    for ((key, english), (_, spanish)) in texts(instrument()).iter().zip(&texts(spanish())) {
        let (mut a, mut b) = (numbers(english), numbers(spanish));
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{key}: {spanish:?} against {english:?}");
    }
    // The report's words keep their numbers in the same order, too.
    for (en, es) in instrument().statements().zip(spanish().statements()) {
        if let (Some(a), Some(b)) = (&en.national, &es.national) {
            assert_eq!(numbers(&a.reported), numbers(&b.reported), "{}", en.id);
        }
    }
}

/// The instrument as JSON with every translatable text (and the language)
/// blanked: what must be the same in every language.
fn without_texts(i: &Instrument) -> Value {
    fn blank(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    let text = [
                        "title",
                        "language",
                        "name",
                        "summary",
                        "find_out",
                        "intro",
                        "text",
                        "row_header",
                        "hint",
                        "label",
                        "reported",
                        "note",
                        "reason",
                    ]
                    .contains(&key.as_str());
                    if text && value.is_string() {
                        *value = json!("");
                    } else {
                        blank(value);
                    }
                }
            }
            Value::Array(list) => list.iter_mut().for_each(blank),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(i).expect("an instrument serializes");
    blank(&mut v);
    v
}

#[test]
fn ids_polarity_mappings_figures_thresholds_and_sources_are_identical_in_both_languages() {
    assert_eq!(without_texts(instrument()), without_texts(spanish()));
    // The same, spelled out for the fields scoring reads.
    assert_eq!(instrument().scoring, spanish().scoring);
    assert_eq!(instrument().sources, spanish().sources, "sources stay in English");
    for (en, es) in instrument().statements().zip(spanish().statements()) {
        assert_eq!((&en.id, &en.domain, &en.section), (&es.id, &es.domain, &es.section));
        assert_eq!(en.polarity, es.polarity, "{}", en.id);
        assert_eq!(en.ta, es.ta, "{}", en.id);
        let figures = |s: &hr_assessment::instrument::Statement| {
            s.national.as_ref().map(|n| {
                (
                    n.n,
                    [
                        n.strongly_agree,
                        n.somewhat_agree,
                        n.somewhat_disagree,
                        n.strongly_disagree,
                        n.dont_know,
                    ],
                    n.agree,
                    n.disagree,
                    n.qualifier,
                )
            })
        };
        assert_eq!(figures(en), figures(es), "{}", en.id);
    }
    for (en, es) in instrument().ta_areas.iter().zip(&spanish().ta_areas) {
        assert_eq!((&en.id, en.national), (&es.id, es.national));
    }
    for (en, es) in instrument().modalities.iter().zip(&spanish().modalities) {
        assert_eq!(
            (&en.id, en.national, en.discussion, en.for_wide_change),
            (&es.id, es.national, es.discussion, es.for_wide_change)
        );
    }
    for (en, es) in instrument().constraints.iter().zip(&spanish().constraints) {
        assert_eq!(
            (&en.id, &en.favours, &en.disfavours),
            (&es.id, &es.favours, &es.disfavours)
        );
    }
}

#[test]
fn the_spanish_file_follows_the_order_of_the_english_file() {
    // Every `key = "text"` of the TOML file, with the table it is in.
    let mut table = String::new();
    let mut keys = Vec::new();
    for line in SPANISH_TOML.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = header.to_owned();
        } else if let Some((key, _)) = line.split_once(" = ") {
            keys.push(if table.is_empty() {
                key.to_owned()
            } else {
                format!("{table}.{key}")
            });
        }
    }
    keys.retain(|k| k != "version" && k != "language");
    let english: Vec<String> = texts(instrument()).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, english);
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// Labels for people that the app never uses (lower case).
const STIGMATIZING: [&str; 13] = [
    "adicto",
    "adicta",
    "drogadict",
    "abusador",
    "usuario de drogas",
    "usuarios de drogas",
    "usuaria de drogas",
    "usuarias de drogas",
    "abuso de sustancias",
    "toxicómano",
    "yonqui",
    "limpio",
    "sucio",
];

#[test]
#[allow(clippy::disallowed_methods)] // the check, not the code under test
fn spanish_texts_are_person_first_and_not_stigmatizing() {
    for (key, text) in texts(spanish()) {
        let lower = text.to_lowercase();
        // The hint that warns against the labels quotes two of them.
        let lower = if key == "question.leaders-language.hint" {
            assert!(lower.contains("\"persona que usa drogas\""), "{text}");
            lower.replace("\"adicto\"", "").replace("\"drogadicto\"", "")
        } else {
            lower
        };
        for word in STIGMATIZING {
            assert!(!lower.contains(word), "{key}: {text:?} contains {word:?}");
        }
    }
    let drug_user_unions = spanish().question(&item("partners")).and_then(|q| match q {
        Question::Grid(g) => g
            .rows
            .iter()
            .find(|r| r.id.as_str() == "drug-user-unions")
            .map(|r| r.label.clone()),
        _ => None,
    });
    assert_eq!(
        drug_user_unions.as_deref(),
        Some("Sindicatos de personas que usan drogas")
    );
}

/// The glossary: (term, the key of a text that must use it).
const GLOSSARY: [(&str, &str); 11] = [
    ("personas que usan drogas", "domain.community.summary"),
    ("reducción de daños", "title"),
    ("asistencia técnica", "question.ta-now.text"),
    ("AT", "constraint.staff-time.label"),
    (
        "programas de servicios de jeringas (SSP, por sus siglas en inglés)",
        "question.trust-ssp.text",
    ),
    (
        "medicamentos para el trastorno por consumo de opioides (MOUD, por sus siglas en inglés)",
        "question.moud-rules.text",
    ),
    ("naloxona", "question.services.rows.naloxone"),
    ("tiras reactivas de fentanilo", "question.services.rows.test-strips"),
    ("experiencia vivida", "question.peers-employed.text"),
    ("trabajadores de apoyo entre pares", "question.peers-employed.text"),
    (
        "Clínica Certificada de Salud Conductual Comunitaria (CCBHC)",
        "question.org-type.options.ccbhc",
    ),
];

#[test]
fn spanish_texts_use_the_glossary_terms() {
    let es = texts(spanish());
    for (term, key) in GLOSSARY {
        let (_, text) = es.iter().find(|(k, _)| k == key).unwrap_or_else(|| panic!("no {key}"));
        assert!(text.contains(term), "{key}: {text:?} should use {term:?}");
    }
    // Negatively worded statements say so on screen, in Spanish too.
    for s in spanish().statements().filter(|s| s.polarity == Polarity::Negative) {
        assert!(
            s.hint.as_deref().unwrap_or("").contains("redactada al revés"),
            "{}",
            s.id
        );
    }
    for s in spanish().statements() {
        assert!(s.text.ends_with('.'), "{} reads as a sentence", s.id);
    }
}

// ---------------------------------------------------------------------------
// Broken translations are refused, naming the key
// ---------------------------------------------------------------------------

fn spanish_value() -> Value {
    serde_json::from_str(shipped_json(Lang::Es).expect("shipped")).expect("JSON")
}

/// The object at a dotted path of the translation (keys may hold dashes).
fn at<'a>(v: &'a mut Value, path: &str) -> &'a mut serde_json::Map<String, Value> {
    let mut here = v;
    for key in path.split('.').filter(|k| !k.is_empty()) {
        here = here.get_mut(key).unwrap_or_else(|| panic!("no {key} in {path}"));
    }
    here.as_object_mut().unwrap_or_else(|| panic!("{path} is not a table"))
}

type Change = fn(&mut Value);

#[test]
fn translations_with_a_missing_unknown_empty_or_changed_text_are_refused_with_the_key_named() {
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "a missing text",
            |v| drop(at(v, "domain.staff").remove("name")),
            "domain.staff.name is missing",
        ),
        (
            "an unknown key in an entry",
            |v| drop(at(v, "domain.staff").insert("colour".into(), json!("azul"))),
            "domain.staff.colour is not in the English instrument",
        ),
        (
            "an empty text",
            |v| drop(at(v, "question.champion").insert("text".into(), json!("  "))),
            "question.champion.text is empty",
        ),
        (
            "a text with spaces around it",
            |v| drop(at(v, "").insert("title".into(), json!(" Autoevaluación"))),
            "title starts or ends with spaces",
        ),
        (
            "a text that is not text",
            |v| drop(at(v, "question.champion").insert("text".into(), json!(3))),
            "question.champion.text should be text",
        ),
        (
            "a hint where the English has none",
            |v| drop(at(v, "question.champion").insert("hint".into(), json!("Una pista."))),
            "question.champion.hint is not in the English instrument",
        ),
        (
            "no hint where the English has one",
            |v| drop(at(v, "question.role").remove("hint")),
            "question.role.hint is missing",
        ),
        (
            "no report's words for a national figure",
            |v| drop(at(v, "question.adequate-funding").remove("reported")),
            "question.adequate-funding.reported is missing",
        ),
        (
            "report's words for a statement without national figures",
            |v| drop(at(v, "question.champion").insert("reported".into(), json!("El 50%."))),
            "question.champion.reported is not in the English instrument",
        ),
        (
            "a figure changed in the report's words",
            |v| {
                let q = at(v, "question.adequate-funding");
                let changed = q["reported"].as_str().unwrap().replace("El 4%", "El 5%");
                q.insert("reported".into(), json!(changed));
            },
            "question.adequate-funding.reported has the numbers [5, 11, 14, 30, 40], but the English has [4, 11, 14, 30, 40]",
        ),
        (
            "a missing option",
            |v| drop(at(v, "question.org-type.options").remove("ccbhc")),
            "question.org-type.options.ccbhc is missing",
        ),
        (
            "an unknown option",
            |v| drop(at(v, "question.org-type.options").insert("hospital".into(), json!("Hospital"))),
            "question.org-type.options.hospital is not in the English instrument",
        ),
        (
            "options that are not a table",
            |v| drop(at(v, "question.org-type").insert("options".into(), json!("Agencia"))),
            "question.org-type.options should be a table of texts",
        ),
        (
            "a missing grid column",
            |v| drop(at(v, "question.services.columns").remove("planned")),
            "question.services.columns.planned is missing",
        ),
        (
            "an unknown grid row",
            |v| drop(at(v, "question.partners.rows").insert("aliens".into(), json!("Extraterrestres"))),
            "question.partners.rows.aliens is not in the English instrument",
        ),
        (
            "options for a question whose options are a list of the instrument",
            |v| drop(at(v, "question.constraints").insert("options".into(), json!({}))),
            "question.constraints.options is not in the English instrument",
        ),
        (
            "a whole list missing",
            |v| drop(at(v, "").remove("modality")),
            "modality is missing",
        ),
        (
            "a missing entry",
            |v| drop(at(v, "ta_area").remove("wellbeing")),
            "ta_area.wellbeing is missing",
        ),
        (
            "an unknown question",
            |v| drop(at(v, "question").insert("weather".into(), json!({ "text": "¿Llueve?" }))),
            "question.weather is not in the English instrument",
        ),
        (
            "a translated source",
            |v| drop(at(v, "").insert("source".into(), json!({}))),
            "source is not in the English instrument",
        ),
        (
            "a changed id mapping",
            |v| drop(at(v, "question.champion").insert("ta".into(), json!(["funding"]))),
            "question.champion.ta is not in the English instrument",
        ),
        (
            "the English language code",
            |v| drop(at(v, "").insert("language".into(), json!("en"))),
            "language is en, the language of the English file itself",
        ),
        (
            "a language the app does not have",
            |v| drop(at(v, "").insert("language".into(), json!("fr"))),
            "language fr is not a language of the app",
        ),
        (
            "no language",
            |v| drop(at(v, "").remove("language")),
            "language is missing",
        ),
        (
            "another English version",
            |v| drop(at(v, "").insert("version".into(), json!("0.9.0"))),
            "version is 0.9.0, but the English file is version 2.0.0",
        ),
        ("no version", |v| drop(at(v, "").remove("version")), "version is missing"),
    ];
    for (case, change, words) in cases {
        let mut v = spanish_value();
        change(&mut v);
        let json = v.to_string();
        let problems = instrument().translation_problems(&json);
        assert_eq!(problems.len(), 1, "case {case:?}: {problems:?}");
        assert!(
            problems[0].contains(words),
            "case {case:?}: {problems:?} lacks {words:?}"
        );
        assert_eq!(
            instrument().translated(&json),
            Err(InstrumentError::Invalid(problems)),
            "case {case:?}"
        );
    }
}

#[test]
fn every_problem_of_a_translation_is_reported_at_once() {
    let mut v = spanish_value();
    at(&mut v, "domain.law").remove("summary");
    at(&mut v, "question.role.options").insert("intern".into(), json!("Pasante"));
    at(&mut v, "constraint.travel").insert("label".into(), json!(""));
    let problems = instrument().translation_problems(&v.to_string());
    assert_eq!(
        problems,
        [
            "domain.law.summary is missing",
            "constraint.travel.label is empty",
            "question.role.options.intern is not in the English instrument",
        ]
    );
}

#[test]
fn a_translation_that_is_not_json_or_not_a_table_is_refused() {
    assert!(matches!(
        instrument().translated("title ="),
        Err(InstrumentError::Shape(_))
    ));
    let problems = instrument().translation_problems("title =");
    assert!(
        problems.len() == 1 && problems[0].starts_with("the translation is not readable"),
        "{problems:?}"
    );
    assert_eq!(
        instrument().translation_problems("[]"),
        ["the translation should be a table of texts"]
    );
}

// ---------------------------------------------------------------------------
// Scores do not depend on the language
// ---------------------------------------------------------------------------

/// The report with the report's words (the one text a report carries)
/// taken out.
fn numbers_only(mut report: Report) -> Report {
    for s in &mut report.statements {
        s.national.reported.clear();
        s.national.note = None;
    }
    report
}

fn check_same_report(case: &str, r: &Responses) {
    let (en, es) = (assess(instrument(), r), assess(spanish(), r));
    for (a, b) in en.statements.iter().zip(&es.statements) {
        assert_ne!(
            a.national.reported, b.national.reported,
            "case {case:?}: the Spanish words"
        );
    }
    assert_eq!(numbers_only(en), numbers_only(es), "case {case:?}");
}

#[test]
fn assess_gives_the_same_scores_stages_and_rankings_in_both_languages() {
    let mut chosen = full_responses();
    chosen
        .choices
        .insert(item("constraints"), vec![opt("travel"), opt("rural")]);
    let cases: Vec<(&str, Responses)> = vec![
        ("nothing answered", Responses::default()),
        ("the worked example", example::worked_example()),
        ("every kind of question", full_responses()),
        ("every kind of question, other constraints", chosen),
        ("all strongly agree", answer_all(|_| SA)),
        ("all strongly disagree", answer_all(|_| SD)),
        ("all I don't know", answer_all(|_| DK)),
        (
            "every statement a strong barrier",
            answer_all(|p| if p == Polarity::Positive { SD } else { SA }),
        ),
        (
            "every statement a somewhat facilitator",
            answer_all(|p| if p == Polarity::Positive { SWA } else { SWD }),
        ),
    ];
    for (case, r) in &cases {
        check_same_report(case, r);
    }
}

/// Any answers: each statement skipped or answered, any constraints, TA
/// areas and top modalities, some grid plans.
fn any_responses() -> impl Strategy<Value = Responses> {
    let statements: Vec<_> = instrument().statements().map(|s| s.id.clone()).collect();
    let n = statements.len();
    let answer = prop::option::of(prop::sample::select(hr_assessment::ScaleAnswer::ALL.to_vec()));
    let ids = |list: Vec<String>| prop::sample::subsequence(list.clone(), 0..=list.len().min(3));
    let constraints = ids(instrument().constraints.iter().map(|c| c.id.to_string()).collect());
    let areas = ids(instrument().ta_areas.iter().map(|a| a.id.to_string()).collect());
    let modalities = ids(instrument().modalities.iter().map(|m| m.id.to_string()).collect());
    let plans = prop::collection::vec(any::<bool>(), 4);
    (prop::collection::vec(answer, n), constraints, areas, modalities, plans).prop_map(
        move |(answers, constraints, areas, modalities, plans)| {
            let mut r = Responses::default();
            for (id, a) in statements.iter().zip(answers) {
                if let Some(a) = a {
                    r.set_statement(id.clone(), a);
                }
            }
            let list = |v: Vec<String>| v.into_iter().map(hr_assessment::OptionId::new).collect::<Vec<_>>();
            for (q, chosen) in [
                ("constraints", constraints),
                ("ta-areas-wanted", areas),
                ("modalities-top", modalities),
            ] {
                if !chosen.is_empty() {
                    r.choices.insert(item(q), list(chosen));
                }
            }
            let cells = [
                ("services", "naloxone", "planned"),
                ("services", "test-strips", "planned"),
                ("partners", "ssp", "planned"),
                ("partners", "law-enforcement", "now"),
            ];
            for ((grid, row, column), on) in cells.into_iter().zip(plans) {
                r.set_cell(item(grid), opt(row), opt(column), on);
            }
            r
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn any_answers_give_the_same_report_numbers_in_both_languages(r in any_responses()) {
        prop_assert!(r.validate(spanish()).is_ok());
        let (en, es) = (assess(instrument(), &r), assess(spanish(), &r));
        prop_assert_eq!(numbers_only(en), numbers_only(es));
    }
}

#[test]
fn teams_comparisons_and_answer_codes_do_not_depend_on_the_language() {
    let members: Vec<Member> = [("leadership", SA), ("staff", SWD), ("peer", SD), ("board", DK)]
        .iter()
        .enumerate()
        .map(|(k, (role, answer))| {
            let mut r = answer_all(|_| *answer);
            r.set_single(item("role"), opt(role));
            Member::from_responses(format!("Respondent {}", k + 1), r)
        })
        .collect();
    assert_eq!(merge(instrument(), &members), merge(spanish(), &members));

    let mut before = Record::new(instrument(), "a".into(), "Marzo".into(), "2026-03-01T09:00:00Z".into());
    before.responses = example::worked_example();
    let mut after = before.clone();
    after.responses = full_responses();
    assert_eq!(
        compare(instrument(), &before, &after),
        compare(spanish(), &before, &after)
    );

    for m in &members {
        let code = code::encode(spanish(), &m.responses);
        assert_eq!(code, code::encode(instrument(), &m.responses), "a code made in Spanish");
        assert_eq!(code::decode(instrument(), &code), code::decode(spanish(), &code));
        assert!(code::decode(instrument(), &code).is_ok());
    }
}
