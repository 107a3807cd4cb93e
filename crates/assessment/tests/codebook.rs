//! The codebook export (the instrument and its scoring rules as JSON), and
//! the validation of answers read from storage or from a file.

mod common;
use common::*;
use hr_assessment::codebook::Codebook;
use hr_assessment::instrument::Question;
use hr_assessment::{Instrument, Responses, Shipped};
use serde_json::{json, Value};

fn codebook() -> Value {
    let text = Codebook::new(Instrument::shipped()).to_json();
    serde_json::from_str(&text).expect("the codebook is JSON")
}

/// The entries of a list in the codebook's instrument, by id.
fn by_id<'a>(v: &'a Value, list: &str, id: &str) -> &'a Value {
    v["instrument"][list]
        .as_array()
        .unwrap_or_else(|| panic!("codebook has no {list}"))
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("codebook {list} has no {id}"))
}

#[test]
fn the_codebook_names_its_format_version_and_method() {
    let v = codebook();
    assert_eq!(v["format"], "hr-readiness-codebook");
    assert_eq!(v["instrument_version"], instrument().version.as_str());
    assert_eq!(v["instrument"]["version"], instrument().version.as_str());
    assert_eq!(v["method"], "docs/scoring.md");
}

#[test]
fn the_codebook_scale_scores_all_five_answers_under_both_polarities() {
    let v = codebook();
    let expected = json!([
        { "answer": "strongly_agree", "label": "Strongly agree",
          "positive": ["facilitator", 2], "negative": ["barrier", -2] },
        { "answer": "somewhat_agree", "label": "Somewhat agree",
          "positive": ["facilitator", 1], "negative": ["barrier", -1] },
        { "answer": "somewhat_disagree", "label": "Somewhat disagree",
          "positive": ["barrier", -1], "negative": ["facilitator", 1] },
        { "answer": "strongly_disagree", "label": "Strongly disagree",
          "positive": ["barrier", -2], "negative": ["facilitator", 2] },
        { "answer": "dont_know", "label": "I don't know",
          "positive": ["unknown", 0], "negative": ["unknown", 0] },
    ]);
    assert_eq!(v["scale"], expected);
}

#[test]
fn the_codebook_contains_every_statement_with_its_domain_polarity_and_areas() {
    let v = codebook();
    let i = instrument();
    for s in i.statements() {
        let q = by_id(&v, "questions", s.id.as_str());
        assert_eq!(q["kind"], "statement", "{}", s.id);
        assert_eq!(q["domain"], s.domain.as_str(), "{}", s.id);
        assert_eq!(q["text"], s.text.as_str(), "{}", s.id);
        let polarity = serde_json::to_value(s.polarity).unwrap();
        assert_eq!(q["polarity"], polarity, "{}", s.id);
        let ta: Vec<&str> = s.ta.iter().map(|a| a.as_str()).collect();
        assert_eq!(q["ta"], json!(ta), "{}", s.id);
        match &s.national {
            Some(n) => {
                assert_eq!(q["national"]["n"], n.n, "{}", s.id);
                assert_eq!(q["national"]["reported"], n.reported.as_str(), "{}", s.id);
            }
            None => assert!(q.get("national").is_none(), "{}", s.id),
        }
    }
    let questions = v["instrument"]["questions"].as_array().unwrap();
    assert_eq!(questions.len(), i.questions.len());
    let ids: Vec<&str> = questions.iter().map(|q| q["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = i.questions.iter().map(|q| q.id().as_str()).collect();
    assert_eq!(ids, expected, "every question, in page order");
}

#[test]
fn the_codebook_contains_every_domain_ta_area_and_modality_with_national_figures() {
    let v = codebook();
    let i = instrument();
    let domains: Vec<&str> = v["instrument"]["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = i.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(domains, expected);
    for d in &i.domains {
        assert_eq!(by_id(&v, "domains", d.id.as_str())["name"], d.name.as_str());
    }
    assert_eq!(v["instrument"]["ta_areas"].as_array().unwrap().len(), i.ta_areas.len());
    for a in &i.ta_areas {
        let e = by_id(&v, "ta_areas", a.id.as_str());
        assert_eq!(e["name"], a.name.as_str());
        match a.national {
            Some(n) => assert_eq!(e["national"], json!({ "share": n.share, "n": n.n }), "{}", a.id),
            None => assert!(e.get("national").is_none(), "{}", a.id),
        }
    }
    assert_eq!(
        v["instrument"]["modalities"].as_array().unwrap().len(),
        i.modalities.len()
    );
    for m in &i.modalities {
        let e = by_id(&v, "modalities", m.id.as_str());
        assert_eq!(e["name"], m.name.as_str());
        assert_eq!(e["for_wide_change"], m.for_wide_change, "{}", m.id);
        match m.national {
            Some(n) => assert_eq!(e["national"], json!({ "share": n.share, "n": n.n }), "{}", m.id),
            None => assert!(e.get("national").is_none(), "{}", m.id),
        }
        assert_eq!(
            e.get("discussion").and_then(Value::as_u64),
            m.discussion.map(u64::from),
            "{}",
            m.id
        );
    }
    // Spot checks against the report's figures.
    assert_eq!(
        by_id(&v, "ta_areas", "funding")["national"],
        json!({ "share": 63, "n": 87 })
    );
    assert_eq!(
        by_id(&v, "modalities", "toolkits")["national"],
        json!({ "share": 84, "n": 87 })
    );
    assert_eq!(by_id(&v, "modalities", "toolkits")["discussion"], 73);
    assert_eq!(by_id(&v, "constraints", "travel")["disfavours"], json!(["convenings"]));
}

#[test]
fn the_codebook_contains_the_scoring_thresholds() {
    let v = codebook();
    let expected = json!({
        "facilitator_from": 34,
        "barrier_to": -34,
        "known_for_stage_percent": 50,
        "points_strong_barrier": 4,
        "points_somewhat_barrier": 2,
        "points_unknown": 1,
        "points_plan": 1,
        "points_chosen_area": 2,
        "points_missing_service": 1,
        "modality_favoured": 2,
        "modality_disfavoured": -3,
        "wide_change_barrier_domains": 2,
    });
    assert_eq!(v["instrument"]["scoring"], expected);
    assert_eq!(
        v["instrument"]["scoring"],
        serde_json::to_value(&instrument().scoring).unwrap()
    );
}

#[test]
fn the_codebook_carries_the_grids_national_shares_and_n() {
    let v = codebook();
    let services = by_id(&v, "questions", "services");
    assert_eq!(services["kind"], "grid");
    assert_eq!(services["plan_column"], "planned");
    let ns: Vec<&Value> = services["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["n"])
        .collect();
    assert_eq!(ns, [&json!(101), &json!(93), &json!(101)]);
    let naloxone = services["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "naloxone")
        .unwrap();
    assert_eq!(naloxone["national"], json!({ "direct": 67, "referral": 53 }));
    let ta_now = by_id(&v, "questions", "ta-now");
    assert_eq!(ta_now["n"], 87);
    let partners = by_id(&v, "questions", "partners");
    assert!(partners["columns"].as_array().unwrap().iter().all(|c| c["n"] == 94));
    let Some(Question::Grid(g)) = instrument().question(&item("partners")) else {
        panic!("partners")
    };
    assert_eq!(partners["rows"].as_array().unwrap().len(), g.rows.len());
}

// ---------------------------------------------------------------------------
// Validation of answers
// ---------------------------------------------------------------------------

/// Answers built by a closure, for the validation table.
type Build = fn(&mut Responses);

/// The one helper: the answers must be refused, and some message must
/// contain `needle` (which names the offending id in quotes).
fn check_refused(name: &str, build: Build, needle: &str) {
    let mut r = Responses::default();
    build(&mut r);
    let errors = r.validate(instrument()).expect_err(name);
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        messages.iter().any(|m| m.contains(needle)),
        "case {name:?}: {messages:?} should mention {needle:?}"
    );
}

#[test]
fn validation_refuses_answers_that_do_not_fit_the_instrument_and_names_the_id() {
    let cases: &[(&str, Build, &str)] = &[
        (
            "an unknown statement",
            |r| r.set_statement(item("weather-is-nice"), SA),
            "\"weather-is-nice\" is not a statement of this instrument",
        ),
        (
            "a grid answered as a statement",
            |r| r.set_statement(item("services"), SA),
            "\"services\" is not a statement of this instrument",
        ),
        (
            "a choice answered as a statement",
            |r| r.set_statement(item("ta-now"), SA),
            "\"ta-now\" is not a statement of this instrument",
        ),
        (
            "an unknown choice question",
            |r| r.set_single(item("favourite-colour"), opt("blue")),
            "\"favourite-colour\" is not a question of this instrument",
        ),
        (
            "an unknown option",
            |r| r.set_single(item("ta-now"), opt("maybe")),
            "\"maybe\" is not an option of \"ta-now\"",
        ),
        (
            "an unknown option of a multiple choice",
            |r| {
                r.choices
                    .insert(item("communities"), vec![opt("urban"), opt("suburban")]);
            },
            "\"suburban\" is not an option of \"communities\"",
        ),
        (
            "an unknown TA area",
            |r| {
                r.choices.insert(item("ta-areas-wanted"), vec![opt("astrology")]);
            },
            "\"astrology\" is not an option of \"ta-areas-wanted\"",
        ),
        (
            "an unknown modality",
            |r| {
                r.choices.insert(item("modalities-top"), vec![opt("carrier-pigeon")]);
            },
            "\"carrier-pigeon\" is not an option of \"modalities-top\"",
        ),
        (
            "an unknown constraint",
            |r| {
                r.choices.insert(item("constraints"), vec![opt("weather")]);
            },
            "\"weather\" is not an option of \"constraints\"",
        ),
        (
            "an option of another question",
            |r| {
                r.choices.insert(item("org-type"), vec![opt("urban")]);
            },
            "\"urban\" is not an option of \"org-type\"",
        ),
        (
            "more options than max",
            |r| {
                let four = ["toolkits", "webinars", "convenings", "small-groups"];
                r.choices
                    .insert(item("modalities-top"), four.iter().map(|o| opt(o)).collect());
            },
            "\"modalities-top\" has 4 choices; at most 3 are allowed",
        ),
        (
            "a single choice with two options",
            |r| {
                r.choices.insert(item("ta-now"), vec![opt("yes"), opt("no")]);
            },
            "\"ta-now\" has 2 choices; only one is allowed",
        ),
        (
            "the same option twice",
            |r| {
                r.choices.insert(item("communities"), vec![opt("rural"), opt("rural")]);
            },
            "\"communities\" lists an option twice",
        ),
        (
            "a statement answered as a choice",
            |r| r.set_single(item("adequate-funding"), opt("yes")),
            "\"adequate-funding\" is not a choice question",
        ),
        (
            "a grid answered as a choice",
            |r| r.set_single(item("services"), opt("naloxone")),
            "\"services\" is not a choice question",
        ),
        (
            "an unknown grid row",
            |r| r.set_cell(item("services"), opt("teleportation"), opt("direct"), true),
            "\"teleportation\" is not a row of \"services\"",
        ),
        (
            "an unknown grid column",
            |r| r.set_cell(item("services"), opt("naloxone"), opt("yesterday"), true),
            "\"yesterday\" is not a column of \"services\"",
        ),
        (
            "a column of the other grid",
            |r| r.set_cell(item("partners"), opt("ssp"), opt("direct"), true),
            "\"direct\" is not a column of \"partners\"",
        ),
        (
            "a row of the other grid",
            |r| r.set_cell(item("partners"), opt("naloxone"), opt("now"), true),
            "\"naloxone\" is not a row of \"partners\"",
        ),
        (
            "a statement used as a grid",
            |r| r.set_cell(item("adequate-funding"), opt("naloxone"), opt("direct"), true),
            "\"adequate-funding\" is not a grid question of this instrument",
        ),
        (
            "a choice used as a grid",
            |r| r.set_cell(item("ta-now"), opt("yes"), opt("now"), true),
            "\"ta-now\" is not a grid question of this instrument",
        ),
        (
            "an unknown grid",
            |r| r.set_cell(item("pets"), opt("cat"), opt("now"), true),
            "\"pets\" is not a grid question of this instrument",
        ),
    ];
    for (name, build, needle) in cases {
        check_refused(name, *build, needle);
    }
}

#[test]
fn validation_reports_every_problem_at_once() {
    let mut r = Responses::default();
    r.set_statement(item("nowhere"), SA);
    r.set_single(item("ta-now"), opt("maybe"));
    r.set_cell(item("services"), opt("teleportation"), opt("yesterday"), true);
    let errors = r.validate(instrument()).expect_err("three problems");
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    for needle in ["\"nowhere\"", "\"maybe\"", "\"teleportation\"", "\"yesterday\""] {
        assert!(
            messages.iter().any(|m| m.contains(needle)),
            "{messages:?} mentions {needle}"
        );
    }
}

#[test]
fn validation_accepts_a_full_valid_set_of_answers_and_skipped_questions() {
    let mut r = answer_all(|_| DK);
    r.set_single(item("org-type"), opt("ccbhc"));
    r.choices.insert(
        item("communities"),
        vec![opt("rural"), opt("tribal"), opt("urban"), opt("frontier")],
    );
    r.set_single(item("role"), opt("peer"));
    r.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    r.set_cell(item("services"), opt("naloxone"), opt("referral"), true);
    r.set_cell(item("partners"), opt("ssp"), opt("planned"), true);
    r.set_single(item("ta-now"), opt("unsure"));
    r.choices.insert(
        item("ta-areas-wanted"),
        instrument().ta_areas.iter().map(|a| opt(a.id.as_str())).collect(),
    );
    r.choices.insert(
        item("modalities-top"),
        vec![opt("toolkits"), opt("webinars"), opt("convenings")],
    );
    r.choices.insert(
        item("constraints"),
        instrument().constraints.iter().map(|c| opt(c.id.as_str())).collect(),
    );
    assert_eq!(r.validate(instrument()), Ok(()));
    assert_eq!(Responses::default().validate(instrument()), Ok(()));
}

#[test]
fn answers_from_a_file_with_unknown_fields_or_answers_are_refused_when_read() {
    let cases = [
        r#"{"statements": {"adequate-funding": "strongly_agree"}, "extra": 1}"#,
        r#"{"statements": {"adequate-funding": "totally"}}"#,
        r#"{"statements": {"adequate-funding": 2}}"#,
        r#"{"choices": {"ta-now": "yes"}}"#,
        r#"{"grids": {"services": ["naloxone"]}}"#,
    ];
    for json in cases {
        assert!(serde_json::from_str::<Responses>(json).is_err(), "{json}");
    }
    let ok: Responses = serde_json::from_str(r#"{"statements": {"adequate-funding": "dont_know"}}"#).unwrap();
    assert_eq!(ok.statement(&item("adequate-funding")), Some(DK));
}
