//! Stored records: what the browser keeps under each key is read back
//! exactly, checked against the instrument, and anything else is refused
//! with a reason (the app then leaves it in place and tells the user).

mod common;
use common::*;
use hr_assessment::{Lock, Record, RecordError, SealedParts, SealedRecord, Shipped, Stored};

fn record() -> Record {
    let mut r = Record::new(
        instrument(),
        "abc".into(),
        "Main clinic".into(),
        "2026-11-22T10:00:00.000Z".into(),
    );
    r.responses = answers(&[("adequate-funding", SD), ("champion", DK)]);
    r.position = Some("funding".into());
    r
}

fn sealed_parts() -> SealedParts {
    SealedParts {
        salt: "AAAAAAAAAAAAAAAAAAAAAA==".into(),
        iv: "AAAAAAAAAAAAAAAA".into(),
        data: "AAAA".into(),
    }
}

/// What a case expects: the id read back, or an error the test recognises.
type Expect = Result<&'static str, fn(&RecordError) -> bool>;

/// The one helper: reads `json` as a stored value and compares the outcome.
fn check(name: &str, json: &str, expect: Expect) {
    match (Stored::from_json(json, instrument()), expect) {
        (Ok(stored), Ok(id)) => assert_eq!(stored.id(), id, "{name}"),
        (Err(e), Err(matches)) => assert!(matches(&e), "{name}: unexpected error {e:?}"),
        (got, _) => panic!("{name}: got {got:?}"),
    }
}

#[test]
fn stored_values_are_read_back_or_refused_with_a_reason() {
    let plain = record().to_json();
    let sealed = serde_json::to_string(&SealedRecord {
        schema: 1,
        id: "xyz".into(),
        sealed: sealed_parts(),
        bound: false,
        rev: 0,
    })
    .unwrap();
    let unknown_answer = plain.replace("adequate-funding", "free-lunch");
    let cases: Vec<(&str, String, Expect)> = vec![
        ("a plain record", plain.clone(), Ok("abc")),
        ("an encrypted record", sealed.clone(), Ok("xyz")),
        (
            "cut short",
            plain[..40].to_owned(),
            Err(|e| matches!(e, RecordError::NotJson(_))),
        ),
        (
            "not ours",
            r#"{"hello":"world"}"#.to_owned(),
            Err(|e| matches!(e, RecordError::NoSchema)),
        ),
        (
            "schema 0",
            plain.replace("\"schema\":1", "\"schema\":0"),
            Err(|e| matches!(e, RecordError::NoSchema)),
        ),
        (
            "a newer layout",
            plain.replace("\"schema\":1", "\"schema\":7"),
            Err(|e| matches!(e, RecordError::FromTheFuture { schema: 7 })),
        ),
        (
            "a newer encrypted layout",
            sealed.replace("\"schema\":1", "\"schema\":7"),
            Err(|e| matches!(e, RecordError::FromTheFuture { schema: 7 })),
        ),
        (
            "an unknown statement",
            unknown_answer,
            Err(|e| matches!(e, RecordError::Answers(_))),
        ),
        (
            "an unknown field",
            plain.replace("\"schema\":1", "\"schema\":1,\"extra\":true"),
            Err(|e| matches!(e, RecordError::Shape(_))),
        ),
        (
            "an unknown page",
            plain.replace("\"position\":\"funding\"", "\"position\":\"nowhere\""),
            Err(|e| matches!(e, RecordError::UnknownPage(p) if p.as_str() == "nowhere")),
        ),
    ];
    for (name, json, expect) in cases {
        check(name, &json, expect);
    }
}

#[test]
fn a_plain_record_round_trips_exactly() {
    let r = record();
    assert_eq!(Record::from_json(&r.to_json(), instrument()), Ok(r));
}

#[test]
fn the_lock_accepts_only_the_documented_key_derivation() {
    let lock = Lock {
        schema: 1,
        kdf: "PBKDF2-SHA256".into(),
        iterations: 600_000,
        salt: "AAAAAAAAAAAAAAAAAAAAAA==".into(),
        check: sealed_parts(),
    };
    let json = serde_json::to_string(&lock).unwrap();
    assert_eq!(Lock::from_json(&json), Ok(lock));
    for (name, bad) in [
        ("weak", json.replace("600000", "1000")),
        ("freezing", json.replace("600000", "100000000")),
        ("another kdf", json.replace("PBKDF2-SHA256", "ROT13")),
        ("future", json.replace("\"schema\":1", "\"schema\":9")),
        ("damaged", json[..30].to_owned()),
    ] {
        assert!(Lock::from_json(&bad).is_err(), "{name}");
    }
}

#[test]
fn error_messages_say_what_is_wrong_in_plain_words() {
    let e = Stored::from_json("{\"schema\":7}", instrument()).unwrap_err();
    assert!(e.to_string().contains("newer version of this app"), "{e}");
    let e = Stored::from_json("{", instrument()).unwrap_err();
    assert!(e.to_string().contains("not readable"), "{e}");
}

#[test]
fn sealed_records_say_whether_they_are_bound_to_their_key_and_old_ones_still_read() {
    let legacy = r#"{"schema":1,"id":"xyz","sealed":{"salt":"AA==","iv":"AA==","data":"AA=="}}"#;
    let Ok(Stored::Sealed(s)) = Stored::from_json(legacy, hr_assessment::Instrument::shipped()) else {
        panic!("a record sealed before binding still reads");
    };
    assert!(!s.bound);
    let bound = SealedRecord { bound: true, ..s };
    let json = serde_json::to_string(&bound).unwrap();
    assert!(json.contains(r#""bound":true"#), "{json}");
    assert_eq!(
        Stored::from_json(&json, hr_assessment::Instrument::shipped()),
        Ok(Stored::Sealed(bound))
    );
    // The associated data names the key and the schema, so a record moved
    // to another key (or sealed for another schema) does not open.
    let a = SealedRecord::associated_data("hr-readiness:assessment:a", 1, 0);
    assert_ne!(a, SealedRecord::associated_data("hr-readiness:assessment:b", 1, 0));
    assert_ne!(a, SealedRecord::associated_data("hr-readiness:assessment:a", 2, 0));
    assert!(a.contains("hr-readiness:assessment:a"));
    // A revision is part of it too: a copy cannot claim another revision.
    let r5 = SealedRecord::associated_data("hr-readiness:assessment:a", 1, 5);
    assert_ne!(r5, a);
    assert_ne!(r5, SealedRecord::associated_data("hr-readiness:assessment:a", 1, 6));
    assert!(
        r5.starts_with(&a),
        "revision 0 is the binding of records sealed before revisions"
    );
}

#[test]
fn a_sealed_record_keeps_its_revision_and_one_without_reads_as_zero() {
    let json = r#"{"schema":1,"id":"xyz","sealed":{"salt":"AA==","iv":"AA==","data":"AA=="},"bound":true,"rev":1764300000123}"#;
    let Ok(Stored::Sealed(s)) = Stored::from_json(json, hr_assessment::Instrument::shipped()) else {
        panic!("a sealed record with a revision reads");
    };
    assert_eq!(s.rev, 1_764_300_000_123);
    assert!(serde_json::to_string(&s).unwrap().contains(r#""rev":1764300000123"#));
    let old = r#"{"schema":1,"id":"xyz","sealed":{"salt":"AA==","iv":"AA==","data":"AA=="},"bound":true}"#;
    let Ok(Stored::Sealed(s)) = Stored::from_json(old, hr_assessment::Instrument::shipped()) else {
        panic!("a bound record without a revision reads");
    };
    assert_eq!(s.rev, 0);
    assert!(
        !serde_json::to_string(&s).unwrap().contains("rev"),
        "revision 0 is not written"
    );
}
