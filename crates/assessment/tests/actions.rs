//! The action plan (`docs/file-format.md`, "The action plan"): the rules on
//! one action and on a plan, records saved before and after action plans
//! existed, and action plans in assessment files (format version 2) and the
//! migration from version 1.

mod common;
use common::*;
use hr_assessment::file::{export_json, import, ImportError, ShapeProblem};
use hr_assessment::record::{
    is_date, validate_actions, ActionField, ActionProblem, PlanProblem, MAX_ACTIONS, MAX_NOTES_CHARS, MAX_OWNER_CHARS,
    MAX_TITLE_CHARS,
};
use hr_assessment::{Action, ActionStatus, Record, RecordError, Responses, Shipped};
use serde_json::{json, Value};

fn action() -> Action {
    Action {
        id: "m0a1-7f3c".into(),
        area: Some("funding".into()),
        title: "Ask the county about opioid settlement funds".into(),
        owner: "Director".into(),
        due: Some("2027-06-30".into()),
        status: ActionStatus::InProgress,
        notes: "First call done.\nSend the budget next.".into(),
    }
}

fn changed(change: impl FnOnce(&mut Action)) -> Action {
    let mut a = action();
    change(&mut a);
    a
}

#[test]
fn an_action_breaks_exactly_the_rules_it_breaks() {
    use ActionField::*;
    use ActionProblem::*;
    let cases: Vec<(&str, Action, Vec<ActionProblem>)> = vec![
        ("a full action", action(), vec![]),
        ("a bare action", Action::new("a".into(), "Do it".into()), vec![]),
        (
            "a title of exactly 200 characters",
            changed(|a| a.title = "é".repeat(200)),
            vec![],
        ),
        (
            "an owner of exactly 100 characters",
            changed(|a| a.owner = "o".repeat(100)),
            vec![],
        ),
        (
            "notes of exactly 2000 characters, line breaks included",
            changed(|a| a.notes = "a\n".repeat(1000)),
            vec![],
        ),
        (
            "markup is plain text",
            changed(|a| a.title = "<script>alert(1)</script>".into()),
            vec![],
        ),
        (
            "29 February in a leap year",
            changed(|a| a.due = Some("2028-02-29".into())),
            vec![],
        ),
        ("an empty title", changed(|a| a.title = String::new()), vec![TitleEmpty]),
        (
            "a title of spaces",
            changed(|a| a.title = "   ".into()),
            vec![TitleEmpty],
        ),
        (
            "a title of 201 characters",
            changed(|a| a.title = "x".repeat(201)),
            vec![TooLong {
                field: Title,
                chars: 201,
                max: 200,
            }],
        ),
        (
            "a line break in the title",
            changed(|a| a.title = "Call\nthe county".into()),
            vec![ControlCharacter { field: Title }],
        ),
        (
            "a right-to-left override in the title",
            changed(|a| a.title = "Call \u{202E}x".into()),
            vec![ControlCharacter { field: Title }],
        ),
        (
            "an owner of 101 characters",
            changed(|a| a.owner = "o".repeat(101)),
            vec![TooLong {
                field: Owner,
                chars: 101,
                max: 100,
            }],
        ),
        (
            "a tab in the owner",
            changed(|a| a.owner = "Ann\tLee".into()),
            vec![ControlCharacter { field: Owner }],
        ),
        (
            "notes of 2001 characters",
            changed(|a| a.notes = "n".repeat(2001)),
            vec![TooLong {
                field: Notes,
                chars: 2001,
                max: 2000,
            }],
        ),
        (
            "a tab in the notes",
            changed(|a| a.notes = "a\tb".into()),
            vec![ControlCharacter { field: Notes }],
        ),
        (
            "a carriage return in the notes",
            changed(|a| a.notes = "a\r\nb".into()),
            vec![ControlCharacter { field: Notes }],
        ),
        (
            "30 February",
            changed(|a| a.due = Some("2027-02-30".into())),
            vec![NotADate],
        ),
        (
            "29 February in a common year",
            changed(|a| a.due = Some("2027-02-29".into())),
            vec![NotADate],
        ),
        (
            "a date and time",
            changed(|a| a.due = Some("2027-06-30T10:00:00Z".into())),
            vec![NotADate],
        ),
        (
            "a date in words",
            changed(|a| a.due = Some("next week".into())),
            vec![NotADate],
        ),
        (
            "an empty date",
            changed(|a| a.due = Some(String::new())),
            vec![NotADate],
        ),
        (
            "an unknown area",
            changed(|a| a.area = Some("parking".into())),
            vec![UnknownArea("parking".into())],
        ),
        ("an empty id", changed(|a| a.id = String::new()), vec![BadId]),
        ("an id with a space", changed(|a| a.id = "a 1".into()), vec![BadId]),
        (
            "an id of 65 characters",
            changed(|a| a.id = "a".repeat(65)),
            vec![BadId],
        ),
        (
            "several problems, in field order",
            changed(|a| {
                a.id = "#".into();
                a.title = " ".into();
                a.due = Some("2027-13-01".into());
                a.area = Some("x".into());
            }),
            vec![BadId, UnknownArea("x".into()), TitleEmpty, NotADate],
        ),
    ];
    for (case, a, expected) in cases {
        assert_eq!(a.problems(instrument()), expected, "case {case:?}");
    }
}

#[test]
fn every_problem_names_its_field_and_reads_as_words() {
    use ActionProblem::*;
    let cases: &[(ActionProblem, &str, &str)] = &[
        (BadId, "id", "its id must be 1 to 64 letters"),
        (DuplicateId, "id", "another action has the same id"),
        (TitleEmpty, "title", "the title is empty"),
        (
            TooLong {
                field: ActionField::Notes,
                chars: 2001,
                max: MAX_NOTES_CHARS,
            },
            "notes",
            "the notes are 2001 characters long; at most 2000 are allowed",
        ),
        (
            ControlCharacter {
                field: ActionField::Notes,
            },
            "notes",
            "line breaks are fine",
        ),
        (
            ControlCharacter {
                field: ActionField::Owner,
            },
            "owner",
            "the owner contains invisible control characters",
        ),
        (NotADate, "due", "not a real date written as YYYY-MM-DD"),
        (
            UnknownArea("parking".into()),
            "area",
            "\"parking\" is not a technical assistance area",
        ),
    ];
    for (problem, field, words) in cases {
        assert_eq!(problem.field(), *field, "{problem:?}");
        assert!(problem.to_string().contains(words), "{problem}");
    }
    assert_eq!((MAX_TITLE_CHARS, MAX_OWNER_CHARS, MAX_NOTES_CHARS), (200, 100, 2000));
}

#[test]
fn a_plan_needs_unique_ids_and_at_most_200_actions() {
    let numbered = |n: usize| -> Vec<Action> { (0..n).map(|k| Action::new(format!("a{k}"), "Do it".into())).collect() };
    let mut duplicate = numbered(3);
    duplicate[2].id = "a0".into();
    let mut broken = numbered(2);
    broken[1].title = String::new();
    type Case = (&'static str, Vec<Action>, Result<(), Vec<PlanProblem>>);
    let cases: Vec<Case> = vec![
        ("no actions", vec![], Ok(())),
        ("200 actions", numbered(MAX_ACTIONS), Ok(())),
        (
            "201 actions",
            numbered(MAX_ACTIONS + 1),
            Err(vec![PlanProblem::TooMany { found: 201, max: 200 }]),
        ),
        (
            "an id used twice",
            duplicate,
            Err(vec![PlanProblem::Action {
                index: 2,
                problem: ActionProblem::DuplicateId,
            }]),
        ),
        (
            "one broken action among good ones",
            broken,
            Err(vec![PlanProblem::Action {
                index: 1,
                problem: ActionProblem::TitleEmpty,
            }]),
        ),
    ];
    for (case, actions, expected) in cases {
        assert_eq!(validate_actions(&actions, instrument()), expected, "case {case:?}");
    }
    assert_eq!(
        PlanProblem::Action {
            index: 1,
            problem: ActionProblem::TitleEmpty
        }
        .to_string(),
        "action 2: the title is empty"
    );
}

#[test]
fn due_dates_must_exist() {
    let cases: &[(&str, bool)] = &[
        ("2027-01-31", true),
        ("2027-04-30", true),
        ("2028-02-29", true),
        ("2000-02-29", true),
        ("0001-01-01", true),
        ("2027-04-31", false),
        ("1900-02-29", false),
        ("2027-00-10", false),
        ("2027-01-00", false),
        ("0000-01-01", false),
        ("2027-1-01", false),
        ("27-01-01", false),
        ("2027/01/01", false),
        ("2027-01-01 ", false),
        ("２０２７-01-01", false),
        ("", false),
    ];
    for (text, ok) in cases {
        assert_eq!(is_date(text), *ok, "{text:?}");
    }
}

// ---------------------------------------------------------------------------
// Stored records
// ---------------------------------------------------------------------------

#[test]
fn records_saved_before_action_plans_existed_still_load() {
    // A record exactly as the app stored it before action plans existed.
    let old = r#"{"schema":1,"id":"abc","name":"Main clinic","instrument_version":"1.0.0","created":"2026-11-22T10:00:00.000Z","updated":"2026-11-22T10:00:00.000Z","responses":{"statements":{"adequate-funding":"strongly_disagree"}},"position":"funding"}"#;
    let record = Record::from_json(old, instrument()).expect("an old record loads");
    assert!(record.actions.is_empty());
    assert_eq!(record.responses.statement(&item("adequate-funding")), Some(SD));
    // Written back without actions, it is what was read, now belonging to
    // the current questionnaire (its one answer is to an unchanged statement).
    assert_eq!(record.to_json(), old.replace("\"1.0.0\"", "\"2.0.0\""));
}

#[test]
fn a_record_keeps_its_action_plan() {
    let mut r = record_with(full_responses());
    r.actions = vec![action(), Action::new("b".into(), "Second".into())];
    let json = r.to_json();
    assert!(json.contains("\"actions\":[{\"id\":\"m0a1-7f3c\",\"area\":\"funding\""));
    assert_eq!(Record::from_json(&json, instrument()), Ok(r));
}

#[test]
fn a_stored_record_with_a_broken_action_is_refused() {
    let mut r = record_with(Responses::default());
    r.actions = vec![changed(|a| a.area = Some("parking".into()))];
    let got = Record::from_json(&r.to_json(), instrument());
    match got {
        Err(e @ RecordError::Actions(_)) => assert!(e.to_string().contains("action 1: \"parking\""), "{e}"),
        other => panic!("{other:?}"),
    }
    let unknown_field = record_with(Responses::default())
        .to_json()
        .replace("\"responses\"", "\"actions\":[{\"id\":\"a\",\"title\":\"t\",\"owner\":\"\",\"status\":\"done\",\"notes\":\"\",\"colour\":1}],\"responses\"");
    assert!(matches!(
        Record::from_json(&unknown_field, instrument()),
        Err(RecordError::Shape(_))
    ));
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

fn export_with(actions: Vec<Action>) -> Value {
    let mut r = record_with(full_responses());
    r.actions = actions;
    serde_json::from_str(&export_json(&r, "en", "2026-11-22T10:06:00.000Z")).unwrap()
}

/// The export with an action plan, changed.
fn file(change: impl FnOnce(&mut Value)) -> String {
    let mut v = export_with(vec![action(), Action::new("b".into(), "Second".into())]);
    change(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn an_action_plan_survives_export_and_import() {
    let plan = vec![action(), Action::new("b".into(), "Second".into())];
    let mut r = record_with(full_responses());
    r.actions = plan.clone();
    let text = export_json(&r, "en", "2026-11-22T10:06:00.000Z");
    let imported = import(&text, instrument()).expect("imports");
    assert_eq!(imported.actions, plan);
    let back = imported.into_record(instrument(), r.id.clone());
    assert_eq!(back.actions, plan);
    // An empty plan is left out of the file.
    let empty = export_with(vec![]);
    assert!(empty["assessment"].get("actions").is_none());
    assert_eq!(empty["version"], 2);
}

#[test]
fn action_plans_breaking_a_rule_are_refused_with_a_reason() {
    let shape = |field: &str, problem: ShapeProblem| ImportError::Shape {
        field: field.into(),
        problem,
    };
    let actions_error = |problems: &[PlanProblem]| ImportError::Actions {
        problems: problems.to_vec(),
    };
    let action = |index: usize, problem: ActionProblem| PlanProblem::Action { index, problem };
    let many: Vec<Value> = (0..=MAX_ACTIONS)
        .map(|k| json!({"id": format!("a{k}"), "title": "t", "owner": "", "status": "done", "notes": ""}))
        .collect();
    let cases: Vec<(&str, String, ImportError, &str)> = vec![
        (
            "a title of 201 characters",
            file(|v| v["assessment"]["actions"][0]["title"] = json!("x".repeat(201))),
            actions_error(&[action(
                0,
                ActionProblem::TooLong {
                    field: ActionField::Title,
                    chars: 201,
                    max: 200,
                },
            )]),
            "The action plan in this file breaks its rules, so nothing was imported: action 1: the title is 201 characters long",
        ),
        (
            "an unknown area",
            file(|v| v["assessment"]["actions"][1]["area"] = json!("parking")),
            actions_error(&[action(1, ActionProblem::UnknownArea("parking".into()))]),
            "action 2: \"parking\"",
        ),
        (
            "an id used twice",
            file(|v| v["assessment"]["actions"][1]["id"] = json!("m0a1-7f3c")),
            actions_error(&[action(1, ActionProblem::DuplicateId)]),
            "same id",
        ),
        (
            "a date that does not exist",
            file(|v| v["assessment"]["actions"][0]["due"] = json!("2027-02-30")),
            actions_error(&[action(0, ActionProblem::NotADate)]),
            "not a real date",
        ),
        (
            "201 actions",
            file(|v| v["assessment"]["actions"] = Value::Array(many)),
            actions_error(&[PlanProblem::TooMany { found: 201, max: 200 }]),
            "at most 200 are allowed",
        ),
        (
            "a status that does not exist",
            file(|v| v["assessment"]["actions"][0]["status"] = json!("finished")),
            shape("assessment.actions.0.status", ShapeProblem::NotAStatus),
            "\"assessment.actions.0.status\" should be one of not_started, in_progress and done",
        ),
        (
            "an unknown field in an action",
            file(|v| v["assessment"]["actions"][0]["colour"] = json!("blue")),
            shape("assessment.actions.0.colour", ShapeProblem::Unknown),
            "is not part of an assessment file",
        ),
        (
            "an action without notes",
            file(|v| {
                v["assessment"]["actions"][1].as_object_mut().unwrap().remove("notes");
            }),
            shape("assessment.actions.1.notes", ShapeProblem::Missing),
            "is missing",
        ),
        (
            "a due date of null",
            file(|v| v["assessment"]["actions"][0]["due"] = Value::Null),
            shape("assessment.actions.0.due", ShapeProblem::NotText),
            "should be text",
        ),
        (
            "the plan is not a list",
            file(|v| v["assessment"]["actions"] = json!({"a": 1})),
            shape("assessment.actions", ShapeProblem::NotAList),
            "should be a list",
        ),
        (
            "an action that is not an object",
            file(|v| v["assessment"]["actions"][0] = json!("Call the county")),
            shape("assessment.actions.0", ShapeProblem::NotAnObject),
            "named values",
        ),
        (
            "a version-1 file cannot carry actions",
            file(|v| v["version"] = json!(1)),
            shape("assessment.actions", ShapeProblem::Unknown),
            "\"assessment.actions\" is not part of an assessment file",
        ),
    ];
    for (case, text, expected, words) in &cases {
        let got = import(text, instrument());
        assert_eq!(got.as_ref().err(), Some(expected), "case {case:?}");
        let message = expected.to_string();
        assert!(message.contains(words), "case {case:?}: {message:?} lacks {words:?}");
        assert!(
            message.ends_with('.') && message.contains("Export the assessment again"),
            "case {case:?}: {message:?}"
        );
    }
}

#[test]
fn a_version_1_file_migrates_to_version_2_with_no_actions() {
    let v1 = file(|v| {
        v["version"] = json!(1);
        v["assessment"].as_object_mut().unwrap().remove("actions");
    });
    let migrated = hr_assessment::file::migrate(serde_json::from_str(&v1).unwrap(), 1).expect("migrates");
    assert_eq!(migrated["version"], 2);
    assert!(migrated["assessment"].get("actions").is_none());
    let imported = import(&v1, instrument()).expect("imports");
    assert!(imported.actions.is_empty());
    assert_eq!(imported.responses, full_responses());
}

#[test]
fn the_action_plan_exports_as_a_clean_spreadsheet() {
    use hr_assessment::file::actions_csv;
    use hr_assessment::{Action, ActionStatus, Record};
    let i = hr_assessment::Instrument::shipped();
    let mut r = Record::new(i, "x".into(), "Plan".into(), "2026-11-22T10:00:00Z".into());
    let mut a = Action::new("a1".into(), "Ask the county about \"test strips\", in writing".into());
    a.area = Some("law-policy".into());
    a.owner = "=Director".into();
    a.due = Some("2027-01-15".into());
    a.status = ActionStatus::InProgress;
    a.notes = "line one\nline two".into();
    r.actions.push(a);
    let csv = actions_csv(&r, i);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}action,ta_area,owner,due,status,notes");
    assert!(lines[1].starts_with("\"Ask the county about \"\"test strips\"\", in writing\",Navigating laws and policy,'=Director,2027-01-15,"), "{}", lines[1]);
    assert!(csv.contains("\"line one\nline two\""));
}

#[test]
fn the_action_plan_spreadsheet_cannot_hide_a_formula_behind_a_semicolon() {
    // A spreadsheet set to ";" as the separator (the usual setting in
    // Spanish and other locales whose decimal mark is a comma) splits an
    // unquoted "x;=1+1" into "x" and a formula. Every cell holding ";" or a
    // tab is quoted, so no separator splits a cell.
    use hr_assessment::file::actions_csv;
    use hr_assessment::{Action, Record};
    let i = hr_assessment::Instrument::shipped();
    let mut r = Record::new(i, "x".into(), "Plan".into(), "2026-11-22T10:00:00Z".into());
    let mut a = Action::new("a1".into(), "x;=1+1".into());
    a.owner = "Ana\t=2+2".into();
    a.notes = "call; then -3".into();
    r.actions.push(a);
    let csv = actions_csv(&r, i);
    let row = csv.split("\r\n").nth(1).unwrap();
    assert!(row.starts_with("\"x;=1+1\",,\"Ana\t=2+2\","), "{row}");
    assert!(row.ends_with(",\"call; then -3\""), "{row}");
    // Split the way a ";"-separated spreadsheet does (outside quotes): no
    // field starts with a formula character.
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in row.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' | ',' | '\t' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    assert!(
        fields.iter().all(|f| !f.starts_with(['=', '+', '-', '@'])),
        "{fields:?}"
    );
}
