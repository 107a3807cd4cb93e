//! Who may join the team view: the size cap and codes added twice.

mod common;
use common::*;
use hr_assessment::roster::{admit, Entry, Refusal, MAX_MEMBERS};
use hr_assessment::{Lang, Responses};

fn code(r: &Responses) -> Entry<'_> {
    Entry {
        responses: r,
        from_code: true,
    }
}

fn file(r: &Responses) -> Entry<'_> {
    Entry {
        responses: r,
        from_code: false,
    }
}

#[test]
fn a_code_already_in_the_team_view_is_refused_and_named() {
    let a = answers(&[("champion", SA)]);
    let b = answers(&[("champion", SD)]);
    let present = [("Respondent 1", code(&a))];
    assert_eq!(
        admit(&present, &[code(&a), code(&b), code(&b)]),
        vec![
            Err(Refusal::SameCode(Some("Respondent 1".into()))),
            Ok(()),
            Err(Refusal::SameCode(None))
        ]
    );
    // The same answers from a file are a different person's file: accepted.
    assert_eq!(admit(&present, &[file(&a)]), vec![Ok(())]);
    let message = Refusal::SameCode(Some("Respondent 1".into())).message(Lang::En);
    assert!(message.contains("already in the team view (Respondent 1)"), "{message}");
    assert!(Refusal::SameCode(None).message(Lang::Es).contains("dos veces"));
}

#[test]
fn the_team_view_takes_at_most_its_cap_from_files_and_codes_alike() {
    let r = Responses::default();
    let labels: Vec<String> = (1..MAX_MEMBERS).map(|n| format!("Respondent {n}")).collect();
    let present: Vec<(&str, Entry<'_>)> = labels.iter().map(|l| (l.as_str(), file(&r))).collect();
    let other = answers(&[("champion", SA)]);
    assert_eq!(
        admit(&present, &[file(&r), file(&r), code(&other)]),
        vec![Ok(()), Err(Refusal::Full), Err(Refusal::Full)]
    );
    let message = Refusal::Full.message(Lang::En);
    assert!(
        message.contains(&format!("already holds {MAX_MEMBERS} people")),
        "{message}"
    );
    assert!(Refusal::Full.message(Lang::Es).contains("máximo"));
}

#[test]
fn a_stored_team_reads_back_and_is_checked_against_the_questionnaire() {
    use hr_assessment::roster::{TeamEntry, TeamStore};
    let instrument = hr_assessment::Instrument::shipped();
    let mut responses = hr_assessment::Responses::default();
    let first = instrument.statements().next().unwrap().id.clone();
    responses.set_statement(first.clone(), hr_assessment::ScaleAnswer::StronglyAgree);
    let store = TeamStore {
        schema: 1,
        members: vec![TeamEntry {
            label: "Respondent 1".into(),
            source: "answer code".into(),
            responses,
            version: String::new(),
        }],
    };
    let raw = serde_json::to_string(&store).unwrap();
    let read = TeamStore::from_json(&raw).expect("a stored team reads back");
    assert_eq!(read, store);
    assert!(read.readable(instrument));
    // An answer to a statement the questionnaire does not have: not readable.
    let foreign = raw.replace(first.as_str(), "no-such-statement");
    assert!(!TeamStore::from_json(&foreign).unwrap().readable(instrument));
    assert_eq!(TeamStore::from_json("{\"schema\":1}"), None, "members are required");
    assert_eq!(TeamStore::from_json("not json"), None);
}
