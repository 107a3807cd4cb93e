//! Who may join the team view: the size cap and codes added twice.

mod common;
use common::*;
use hr_assessment::roster::{admit, Entry, Refusal, MAX_MEMBERS};
use hr_assessment::{Lang, Responses, Shipped};

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
    use hr_assessment::roster::{Respondent, Source, TeamStore};
    let instrument = hr_assessment::Instrument::shipped();
    let mut responses = hr_assessment::Responses::default();
    let first = instrument.statements().next().unwrap().id.clone();
    responses.set_statement(first.clone(), hr_assessment::ScaleAnswer::StronglyAgree);
    let respondent = |number, source| Respondent {
        number,
        source,
        responses: responses.clone(),
        version: String::new(),
    };
    let store = TeamStore {
        schema: 1,
        members: vec![
            respondent(1, Source::Code),
            respondent(2, Source::Saved),
            respondent(4, Source::File("maria.json".into())),
        ],
    };
    let raw = serde_json::to_string(&store).unwrap();
    assert!(raw.contains(r#""label":"Respondent 4","source":"maria.json""#), "{raw}");
    let read = TeamStore::from_json(&raw, instrument).expect("a stored team reads back");
    assert_eq!(read, store);
    assert_eq!(hr_assessment::roster::next_number(&read.members), 5);
    assert_eq!(hr_assessment::roster::next_number(&[]), 1);
    // An answer to a statement the questionnaire does not have: not readable.
    let foreign = raw.replace(first.as_str(), "no-such-statement");
    assert_eq!(TeamStore::from_json(&foreign, instrument), None);
    assert_eq!(
        TeamStore::from_json("{\"schema\":1}", instrument),
        None,
        "members are required"
    );
    assert_eq!(TeamStore::from_json("not json", instrument), None);
}

/// Team views stored before respondents had typed numbers and sources: a
/// `label` "Respondent N" in English and a source that is a file name or
/// one of two phrases. They still load, as the same respondents, and are
/// written back in the same shape.
#[test]
fn a_team_stored_in_the_old_shape_still_loads() {
    use hr_assessment::roster::{Source, TeamStore};
    let instrument = hr_assessment::Instrument::shipped();
    let first = instrument.statements().next().unwrap().id.clone();
    let old = format!(
        r#"{{"schema":1,"members":[
            {{"label":"Respondent 1","source":"answer code","responses":{{"statements":{{"{first}":"strongly_agree"}}}}}},
            {{"label":"Respondent 3","source":"saved on this device","responses":{{}}}},
            {{"label":"Respondent 7","source":"p1.json","responses":{{}},"version":"1.0.0"}}
        ]}}"#
    );
    let store = TeamStore::from_json(&old, instrument).expect("the old shape loads");
    let got: Vec<(u32, Source, &str)> = store
        .members
        .iter()
        .map(|r| (r.number, r.source.clone(), r.version.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Source::Code, ""),
            (3, Source::Saved, ""),
            (7, Source::File("p1.json".into()), "1.0.0")
        ]
    );
    assert_eq!(
        store.members[0].responses.statement(&first),
        Some(hr_assessment::ScaleAnswer::StronglyAgree)
    );
    // Written back, it keeps the shape, and reads the same.
    let again = serde_json::to_string(&store).unwrap();
    assert!(
        again.contains(r#""label":"Respondent 7","source":"p1.json""#),
        "{again}"
    );
    assert!(
        again.contains(r#""label":"Respondent 3","source":"saved on this device""#),
        "{again}"
    );
    assert_eq!(TeamStore::from_json(&again, instrument), Some(store));
    // A label that is not "Respondent N", or none at all: not a team view.
    for bad in [
        old.replace("Respondent 3", "Maria"),
        old.replace("Respondent 3", "Respondent three"),
        old.replace(r#""label":"Respondent 1","#, ""),
    ] {
        assert_eq!(TeamStore::from_json(&bad, instrument), None, "{bad}");
    }
}

/// Answers kept from a questionnaire version that asked a statement this
/// one no longer asks are set aside on loading, never counted; the
/// respondent's version becomes the last one that asked it.
#[test]
fn a_stored_team_sets_retired_answers_aside() {
    use hr_assessment::roster::TeamStore;
    let instrument = hr_assessment::Instrument::shipped();
    let retired = instrument
        .retired
        .first()
        .expect("the questionnaire lists a retired statement");
    let raw = format!(
        r#"{{"schema":1,"members":[{{"label":"Respondent 1","source":"answer code","responses":{{"statements":{{"{}":"strongly_agree"}}}}}}]}}"#,
        retired.id
    );
    let store = TeamStore::from_json(&raw, instrument).expect("it loads");
    assert_eq!(store.members[0].responses.statement(&retired.id), None);
    assert_eq!(store.members[0].version, retired.until);
}
