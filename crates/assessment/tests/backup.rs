//! One backup of everything (`hr_assessment::backup`, `docs/file-format.md`
//! section 6): the round trip, restoring beside what is saved (never
//! overwriting, never adding twice), hostile backups, the protected
//! envelope, the JSON Schema and the document.

mod common;
use common::*;
use hr_assessment::backup::{
    detect, envelope_json, export_backup, parse_envelope, plan, read, same_assessment, Backup, BackupError, BackupKind,
    EntryProblem, Restorable, BACKUP_FORMAT, BACKUP_VERSION, ENCRYPTED_BACKUP_FORMAT, MAX_ASSESSMENTS,
    MAX_BACKUP_BYTES, MAX_ENCRYPTED_BACKUP_BYTES,
};
use hr_assessment::file::{export_json, Envelope, ImportError, ShapeProblem, CURRENT_VERSION, PBKDF2_ITERATIONS};
use hr_assessment::{Action, ActionStatus, Lang, Record};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SCHEMA: &str = include_str!("../../../docs/backup-file.schema.json");
const DOC: &str = include_str!("../../../docs/file-format.md");
const NOW: &str = "2026-11-28T09:00:00.000Z";

/// Three assessments as the app holds them: different names, answers and
/// dates, the second with an action plan.
fn three() -> Vec<Record> {
    let mut a = record_with(answers(&[("leadership-supports", SA), ("adequate-funding", SD)]));
    a.id = "18c2f0a1-3b".into();
    a.name = "Before the learning collaborative".into();
    let mut b = record_with(full_responses());
    b.id = "18c2f0a2-7e".into();
    b.name = "After the learning collaborative".into();
    b.created = "2027-03-01T15:00:00.000Z".into();
    b.updated = "2027-03-02T16:30:00.500Z".into();
    b.actions = vec![
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
    ];
    let mut c = record_with(answers(&[("staff-support", DK)]));
    c.id = "18c2f0a3-01".into();
    c.name = "Clínica del Norte — 2028".into();
    c.updated = "2028-01-05T08:00:00+02:00".into();
    vec![a, b, c]
}

fn backup_value() -> Value {
    serde_json::from_str(&export_backup(&three(), "en", NOW)).expect("a backup is JSON")
}

fn edited(change: impl FnOnce(&mut Value)) -> String {
    let mut v = backup_value();
    change(&mut v);
    serde_json::to_string_pretty(&v).expect("JSON")
}

fn read_en(text: &str) -> Result<Backup, BackupError> {
    read(text, instrument(), Lang::En)
}

fn ids(n: &mut u32) -> impl FnMut() -> String + '_ {
    move || {
        *n += 1;
        format!("new-{n}")
    }
}

#[test]
fn a_backup_restores_every_assessment_with_its_id_answers_actions_and_dates() {
    let records = three();
    let backup = read_en(&export_backup(&records, "en", NOW)).expect("the backup reads");
    assert_eq!(backup.exported, NOW);
    assert!(backup.rejected.is_empty(), "{:?}", backup.rejected);
    let restored: Vec<Record> = backup.good.iter().map(|g| g.record.clone()).collect();
    assert_eq!(restored, records, "names, ids, answers, actions and dates");
    assert!(backup.good.iter().all(|g| g.warnings.is_empty()));

    let outcome = plan(backup.good, &[], || panic!("no new id is needed"));
    assert_eq!(outcome.add, records);
    assert!(outcome.skipped.is_empty());
}

#[test]
fn a_backup_made_in_spanish_restores_in_english_without_a_warning() {
    let backup = read_en(&export_backup(&three(), "es", NOW)).expect("reads");
    assert_eq!(backup.good.len(), 3);
    assert!(backup.good.iter().all(|g| g.warnings.is_empty()));
}

#[test]
fn restoring_the_same_backup_twice_adds_nothing_the_second_time() {
    let text = export_backup(&three(), "en", NOW);
    let first = plan(read_en(&text).unwrap().good, &[], || unreachable!());
    let saved = first.add;
    let second = plan(read_en(&text).unwrap().good, &saved, || unreachable!());
    assert!(second.add.is_empty());
    assert_eq!(
        second.skipped,
        [
            "Before the learning collaborative",
            "After the learning collaborative",
            "Clínica del Norte — 2028"
        ]
    );
}

#[test]
fn an_assessment_with_a_taken_id_but_other_content_is_added_under_a_new_id_and_nothing_is_overwritten() {
    let records = three();
    // Here: the first assessment changed since the backup; the second is
    // the same assessment imported on its own earlier (another id).
    let mut changed = records[0].clone();
    changed.responses = answers(&[("leadership-supports", SD)]);
    changed.updated = "2026-12-01T10:00:00.000Z".into();
    let mut imported = records[1].clone();
    imported.id = "other-id".into();
    let saved = vec![changed.clone(), imported];
    let mut n = 0;
    let outcome = plan(
        read_en(&export_backup(&records, "en", NOW)).unwrap().good,
        &saved,
        ids(&mut n),
    );
    assert_eq!(outcome.skipped, ["After the learning collaborative"]);
    assert_eq!(outcome.add.len(), 2);
    assert_eq!(outcome.add[0].id, "new-1", "the saved one keeps its id");
    assert!(same_assessment(&outcome.add[0], &records[0]));
    assert_eq!(outcome.add[1], records[2]);
    assert!(outcome.add.iter().all(|r| r.id != changed.id));
}

#[test]
fn the_same_assessment_twice_in_one_backup_is_added_once() {
    let records = three();
    let mut twin = records[0].clone();
    twin.id = "twin".into();
    let backup = read_en(&export_backup(&[records[0].clone(), twin], "en", NOW)).unwrap();
    let outcome = plan(backup.good, &[], || unreachable!());
    assert_eq!(outcome.add.len(), 1);
    assert_eq!(outcome.skipped, [records[0].name.clone()]);
}

#[test]
fn the_page_to_continue_on_does_not_make_an_assessment_different() {
    let mut a = three().remove(0);
    let b = a.clone();
    a.position = Some(hr_assessment::SectionId::new("staff"));
    a.id = "x".into();
    assert!(same_assessment(&a, &b));
    let mut c = b.clone();
    c.name.push('!');
    assert!(!same_assessment(&c, &b));
}

/// A backup refused whole: the error and its words in both languages.
fn refused(text: &str, expected: BackupError, words: &str) {
    let e = read_en(text).expect_err("refused");
    assert_eq!(e, expected);
    assert!(e.to_string().contains(words), "{e}");
    let es = e.message(Lang::Es);
    assert!(!es.is_empty() && es != e.to_string(), "{es}");
}

#[test]
fn hostile_or_broken_backups_are_refused_whole_with_a_clear_message() {
    let text = export_backup(&three(), "en", NOW);
    refused(&text[..text.len() / 2], BackupError::Truncated, "ends too early");
    refused("", BackupError::Empty, "empty");
    refused(
        "not json",
        BackupError::NotJson { line: 1, column: 2 },
        "cannot be read",
    );
    refused(
        &export_json(&three()[0], "en", NOW),
        BackupError::NotABackup,
        "not a backup",
    );
    refused(
        &edited(|v| v["version"] = json!(BACKUP_VERSION + 1)),
        BackupError::NewerVersion {
            file: u64::from(BACKUP_VERSION + 1),
            app: BACKUP_VERSION,
        },
        "newer version",
    );
    refused(&edited(|v| v["version"] = json!(0)), BackupError::NoVersion, "version");
    refused(
        &edited(|v| v["extra"] = json!(1)),
        BackupError::Shape {
            field: "extra".into(),
            problem: ShapeProblem::Unknown,
        },
        "layout of a backup",
    );
    refused(
        &edited(|v| v["assessments"] = json!({})),
        BackupError::Shape {
            field: "assessments".into(),
            problem: ShapeProblem::NotAList,
        },
        "should be a list",
    );
    refused(
        &edited(|v| v["exported"] = json!("yesterday")),
        BackupError::Field { field: "exported" },
        "exported",
    );
    refused(
        &edited(|v| v["language"] = json!("fr")),
        BackupError::Field { field: "language" },
        "language",
    );
    refused(
        &edited(|v| v["assessments"] = json!([])),
        BackupError::NoAssessments,
        "no assessment",
    );
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    refused(&deep, BackupError::TooDeep, "not a backup");
    let big = " ".repeat(MAX_BACKUP_BYTES + 1);
    refused(
        &big,
        BackupError::TooLarge {
            bytes: MAX_BACKUP_BYTES + 1,
            limit: MAX_BACKUP_BYTES,
        },
        "backups are under 10 MB",
    );
}

#[test]
fn too_many_assessments_are_refused_before_any_is_read() {
    // The entries are not even objects: the count is checked first.
    let text = edited(|v| v["assessments"] = json!(vec![0; MAX_ASSESSMENTS + 1]));
    refused(
        &text,
        BackupError::TooMany {
            found: MAX_ASSESSMENTS + 1,
            max: MAX_ASSESSMENTS,
        },
        "at most 500",
    );
    // The limit itself is accepted.
    let records: Vec<Record> = (0..MAX_ASSESSMENTS)
        .map(|k| {
            let mut r = three().remove(2);
            r.id = format!("id-{k}");
            r
        })
        .collect();
    let backup = read_en(&export_backup(&records, "en", NOW)).expect("the limit is allowed");
    assert_eq!(backup.good.len(), MAX_ASSESSMENTS);
}

#[test]
fn each_assessment_gets_every_check_of_the_single_import_and_a_bad_one_is_named() {
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, EntryProblem, &str)> = vec![
        (
            Box::new(|e| e["file"]["assessment"]["responses"]["statements"]["leadership-supports"] = json!("yes")),
            EntryProblem::File(ImportError::NotAnAnswer {
                statement: "leadership-supports".into(),
            }),
            "not one of the five answers",
        ),
        (
            Box::new(|e| e["file"]["version"] = json!(CURRENT_VERSION + 1)),
            EntryProblem::File(ImportError::NewerVersion {
                file: u64::from(CURRENT_VERSION + 1),
                app: CURRENT_VERSION,
            }),
            "newer version",
        ),
        (
            Box::new(|e| e["file"]["assessment"]["created"] = json!("2026-02-30T10:00:00Z")),
            EntryProblem::File(ImportError::Timestamp { field: "created" }),
            "\"created\" date",
        ),
        (
            Box::new(|e| e["file"]["assessment"]["actions"][0]["status"] = json!("maybe")),
            EntryProblem::File(ImportError::Shape {
                field: "assessment.actions.0.status".into(),
                problem: ShapeProblem::NotAStatus,
            }),
            "not_started",
        ),
        (Box::new(|e| e["id"] = json!("../../x")), EntryProblem::Id, "its id"),
        (
            Box::new(|e| e["id"] = json!("18c2f0a1-3b")),
            EntryProblem::SameId,
            "same id",
        ),
        (
            Box::new(|e| e["note"] = json!("hi")),
            EntryProblem::Shape {
                field: "assessments.1.note".into(),
                problem: ShapeProblem::Unknown,
            },
            "layout of a backed-up assessment",
        ),
        (
            Box::new(|e| e["file"]["format"] = json!("hr-readiness-team-summary")),
            EntryProblem::File(ImportError::TeamSummary),
            "team summary",
        ),
    ];
    for (change, problem, words) in cases {
        let text = edited(|v| change(&mut v["assessments"][1]));
        let backup = read_en(&text).expect("the backup itself is fine");
        let names: Vec<&str> = backup.good.iter().map(|g| g.record.name.as_str()).collect();
        assert_eq!(
            names,
            ["Before the learning collaborative", "Clínica del Norte — 2028"],
            "the good ones are kept ({words})"
        );
        assert_eq!(backup.rejected.len(), 1);
        let bad = &backup.rejected[0];
        assert_eq!(bad.problem, problem);
        assert_eq!(bad.place, 2);
        assert_eq!(bad.name.as_deref(), Some("After the learning collaborative"));
        let message = bad.message(Lang::En);
        assert!(
            message.starts_with("Assessment 2 (\u{201c}After the learning collaborative\u{201d}): "),
            "{message}"
        );
        assert!(message.contains(words), "{message}");
        assert!(bad
            .message(Lang::Es)
            .starts_with("Evaluación 2 (\u{201c}After the learning collaborative\u{201d}): "));
    }
    // Without a readable name, the place alone.
    let text = edited(|v| v["assessments"][0] = json!(7));
    let bad = &read_en(&text).unwrap().rejected[0];
    assert_eq!(bad.name, None);
    assert!(
        bad.message(Lang::En).starts_with("Assessment 1: "),
        "{}",
        bad.message(Lang::En)
    );
}

#[test]
fn an_older_assessment_file_inside_a_backup_is_migrated() {
    let text = edited(|v| {
        let file = &mut v["assessments"][0]["file"];
        file["version"] = json!(1);
    });
    let backup = read_en(&text).unwrap();
    assert!(backup.rejected.is_empty());
    assert_eq!(backup.good[0].record, three()[0]);
}

#[test]
fn the_protected_backup_has_the_assessment_envelope_with_its_own_marker_and_limits() {
    let envelope = Envelope {
        iterations: PBKDF2_ITERATIONS,
        salt: (0..16).collect(),
        iv: (100..112).collect(),
        data: vec![7; 2_000_000],
    };
    let text = envelope_json(&envelope);
    assert!(text.contains(ENCRYPTED_BACKUP_FORMAT));
    assert_eq!(detect(&text), Some(BackupKind::Encrypted));
    assert_eq!(
        parse_envelope(&text),
        Ok(envelope.clone()),
        "larger than one assessment"
    );
    // Neither kind of envelope passes for the other.
    assert_eq!(
        Envelope::parse(&envelope_json(&envelope_small())),
        Err(ImportError::NotAnAssessment)
    );
    assert_eq!(
        parse_envelope(&envelope_small().to_json()),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        parse_envelope(&export_backup(&three(), "en", NOW)),
        Err(BackupError::NotABackup)
    );
    let mut huge = envelope.clone();
    huge.data = vec![7; MAX_BACKUP_BYTES + 17];
    assert!(matches!(
        parse_envelope(&envelope_json(&huge)),
        Err(BackupError::TooLarge { .. })
    ));
    let cut = &text[..text.len() - 10];
    assert_eq!(parse_envelope(cut), Err(BackupError::Truncated));
    let mut weak = envelope;
    weak.iterations = 1000;
    let e = parse_envelope(&envelope_json(&weak)).unwrap_err();
    assert_eq!(e, BackupError::Protected(ImportError::WeakKey { iterations: 1000 }));
    const { assert!(MAX_ENCRYPTED_BACKUP_BYTES > MAX_BACKUP_BYTES * 4 / 3) };
}

fn envelope_small() -> Envelope {
    Envelope {
        iterations: PBKDF2_ITERATIONS,
        salt: (0..16).collect(),
        iv: (100..112).collect(),
        data: vec![1; 40],
    }
}

#[test]
fn backups_are_told_apart_from_other_files() {
    assert_eq!(detect(&export_backup(&three(), "en", NOW)), Some(BackupKind::Plain));
    assert_eq!(detect(&export_json(&three()[0], "en", NOW)), None);
    assert_eq!(detect(&envelope_small().to_json()), None);
    assert_eq!(detect("{"), None);
    // Cut short: still told apart by how it starts, and then refused as a
    // backup cut short.
    let text = export_backup(&three(), "en", NOW);
    let cut = &text[..text.len() / 2];
    assert_eq!(detect(cut), Some(BackupKind::Plain));
    assert_eq!(read_en(cut), Err(BackupError::Truncated));
    let envelope = envelope_json(&envelope_small());
    assert_eq!(detect(&envelope[..60]), Some(BackupKind::Encrypted));
    let single = export_json(&three()[0], "en", NOW);
    assert_eq!(detect(&single[..single.len() / 2]), None);
}

// ---------------------------------------------------------------------------
// The JSON Schema and the document
// ---------------------------------------------------------------------------

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

fn list(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn check_object_schema(what: &str, schema: &Value, written: &Value) {
    let written = keys(written);
    assert_eq!(keys(&schema["properties"]), written, "{what}: properties");
    assert_eq!(list(&schema["required"]), written, "{what}: required");
    assert_eq!(schema["additionalProperties"], false, "{what}: unknown fields refused");
    assert_eq!(schema["type"], "object", "{what}");
}

#[test]
fn the_schema_and_the_backup_agree() {
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
        ["#/$defs/backup", "#/$defs/encryptedBackup"].map(String::from).into()
    );

    let written = backup_value();
    let plain = &defs["backup"];
    check_object_schema("backup", plain, &written);
    let p = &plain["properties"];
    assert_eq!(p["format"]["const"], BACKUP_FORMAT);
    assert_eq!(p["version"]["const"], BACKUP_VERSION);
    assert_eq!(p["assessments"]["maxItems"], MAX_ASSESSMENTS);
    assert_eq!(p["assessments"]["minItems"], 1);
    assert_eq!(p["assessments"]["items"]["$ref"], "#/$defs/entry");
    check_object_schema("entry", &defs["entry"], &written["assessments"][0]);
    // Each assessment is exactly the single-assessment file, by reference.
    assert_eq!(
        defs["entry"]["properties"]["file"]["$ref"],
        "assessment-file.schema.json#/$defs/assessmentFile"
    );
    assert_eq!(defs["entry"]["properties"]["id"]["pattern"], "^[A-Za-z0-9_-]{1,64}$");

    let envelope: Value = serde_json::from_str(&envelope_json(&envelope_small())).expect("JSON");
    let e = &defs["encryptedBackup"];
    check_object_schema("envelope", e, &envelope);
    assert_eq!(e["properties"]["format"]["const"], ENCRYPTED_BACKUP_FORMAT);
    // Every other field is the protected assessment file's, by reference.
    for field in keys(&envelope).iter().filter(|k| *k != "format") {
        assert_eq!(
            e["properties"][field]["$ref"],
            format!("assessment-file.schema.json#/$defs/encryptedFile/properties/{field}"),
            "{field}"
        );
    }
    let assessment_schema: Value =
        serde_json::from_str(include_str!("../../../docs/assessment-file.schema.json")).expect("JSON");
    for pointer in [
        "/$defs/timestamp",
        "/$defs/assessmentFile",
        "/$defs/encryptedFile/properties/data",
    ] {
        assert!(assessment_schema.pointer(pointer).is_some(), "{pointer} is referenced");
    }
}

/// The fenced JSON blocks of the document's backup section.
fn backup_section() -> &'static str {
    DOC.split("## 6. The backup")
        .nth(1)
        .expect("a backup section")
        .split("\n## ")
        .next()
        .unwrap()
}

#[test]
fn the_document_example_is_a_backup_this_code_reads_and_states_the_limits() {
    let section = backup_section();
    let example = section
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an example");
    let backup = read_en(example).unwrap_or_else(|e| panic!("the example: {e}"));
    assert!(backup.rejected.is_empty(), "{:?}", backup.rejected);
    assert!(!backup.good.is_empty());
    for words in [
        "500 assessments",
        "10,000,000 bytes",
        "14,000,000 bytes",
        BACKUP_FORMAT,
        ENCRYPTED_BACKUP_FORMAT,
    ] {
        assert!(section.contains(words), "the section should state {words:?}");
    }
    assert_eq!(MAX_ASSESSMENTS, 500);
    assert_eq!(MAX_BACKUP_BYTES, 10_000_000);
    assert_eq!(MAX_ENCRYPTED_BACKUP_BYTES, 14_000_000);
}

#[test]
fn restorable_keeps_its_warnings_for_another_questionnaire_version() {
    let text = edited(|v| v["assessments"][0]["file"]["instrument_version"] = json!("0.9.0"));
    let backup = read_en(&text).unwrap();
    let first: &Restorable = &backup.good[0];
    // Imported as the single-file import does: brought to this version, the
    // answers that do not carry over set aside, and a warning that says so.
    assert_eq!(first.record.instrument_version, instrument().version);
    assert!(!first.warnings.is_empty());
    assert!(first.warnings[0].contains("0.9.0"), "{:?}", first.warnings);
}

// ---------------------------------------------------------------------------
// Keeping saved data
// ---------------------------------------------------------------------------

#[test]
fn timestamps_compare_across_time_zones() {
    use hr_assessment::backup::timestamp_ms;
    assert_eq!(timestamp_ms("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(timestamp_ms("1970-01-01T00:00:01.5Z"), Some(1500));
    assert_eq!(timestamp_ms("2026-11-22T10:05:12.345Z"), Some(1_795_341_912_345));
    assert_eq!(
        timestamp_ms("2026-11-22T12:05:12.345+02:00"),
        timestamp_ms("2026-11-22T10:05:12.345Z")
    );
    assert_eq!(
        timestamp_ms("2026-11-22T05:05:12.345123-05:00"),
        timestamp_ms("2026-11-22T10:05:12.345Z")
    );
    assert_eq!(timestamp_ms("2024-02-29T00:00:00Z"), Some(1_709_164_800_000));
    assert_eq!(timestamp_ms("2026-02-30T00:00:00Z"), None);
    assert_eq!(timestamp_ms("soon"), None);
}

#[test]
fn a_backup_is_due_when_there_is_none_or_an_assessment_changed_since() {
    use hr_assessment::backup::backup_due;
    let records = three();
    assert!(!backup_due(&[], None), "nothing saved, nothing to back up");
    assert!(backup_due(&records, None), "no backup yet");
    // The newest change is 2028-01-05T06:00Z (08:00 at +02:00).
    assert!(!backup_due(&records, Some("2028-01-05T06:00:00.000Z")));
    assert!(!backup_due(&records, Some("2028-02-01T00:00:00Z")));
    assert!(backup_due(&records, Some("2028-01-05T05:59:59.999Z")));
    assert!(backup_due(&records, Some("2028-01-05T07:59:00+02:00")));
}

#[test]
fn safari_is_told_from_the_browsers_that_also_say_safari() {
    use hr_assessment::backup::is_safari;
    for agent in [
        // Safari on a Mac, an iPhone, an iPad; WebKitGTK (Epiphany).
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
    ] {
        assert!(is_safari(agent), "{agent}");
    }
    for agent in [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/120.0 Mobile/15E148 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Mobile Safari/537.36",
    ] {
        assert!(!is_safari(agent), "{agent}");
    }
}
