//! Questionnaire 2.0.0: every statement traced to its source, one question
//! per statement, TA areas mapped by meaning, the national figures labeled
//! as what they are, and nothing lost from 1.0.0 (answers to unchanged
//! statements kept; answers to changed or split statements never carried
//! to a new meaning).

#![allow(clippy::disallowed_methods)] // checks may use Unicode case; the app may not (clippy.toml)

mod common;
use common::*;
use hr_assessment::file::{self, ImportWarning};
use hr_assessment::instrument::version_key;
use hr_assessment::team::{self, Member};
use hr_assessment::upgrade::{self, mixed_versions, needs_fresh_answer, take_retired};
use hr_assessment::{Instrument, Lang, Record, Responses, Shipped, SortedMap};
use serde_json::json;
use std::path::PathBuf;

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

/// The seed documents (`shared/seeds/`), found above the repository when
/// they are there (they are not part of the repository).
fn seeds_dir() -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let candidate = dir.join("shared").join("seeds");
        if candidate.is_dir() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// Lowercase words of five letters or more, for matching a locator with its
/// seed.
fn key_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_statement_has_a_source_and_a_locator() {
    let i = instrument();
    for s in i.statements() {
        let source = i
            .source(&s.source)
            .unwrap_or_else(|| panic!("{}: unknown source", s.id));
        assert!(!s.locator.trim().is_empty(), "{}: no locator", s.id);
        if let Some(seed) = &source.seed {
            assert!(seed.ends_with(".txt"), "{}: seed {seed}", s.id);
        }
    }
    // The rule is checked on every build: a statement without a locator
    // does not compile.
    let mut broken = i.clone();
    if let Some(hr_assessment::Question::Statement(s)) =
        broken.questions.iter_mut().find(|q| q.as_statement().is_some())
    {
        s.locator = " ".into();
    }
    assert!(
        broken.problems().iter().any(|p| p.contains("no locator")),
        "{:?}",
        broken.problems()
    );
}

#[test]
fn readiness_research_is_cited_with_its_publication() {
    let i = instrument();
    for (id, needle) in [
        ("r-mc2", "Journal of Community Psychology"),
        ("oric", "Implementation Science"),
        ("cfir-2022", "Implementation Science"),
    ] {
        let s = i.source(&id.into()).unwrap_or_else(|| panic!("source {id}"));
        assert!(s.citation.contains(needle), "{id}: {}", s.citation);
        assert!(s.seed.is_none(), "{id} is published research, not a seed");
        assert!(
            i.statements().any(|st| st.source.as_str() == id),
            "no statement cites {id}"
        );
    }
    let year = |id: &str| {
        i.source(&id.into()).unwrap().citation.contains(match id {
            "r-mc2" => "(2015)",
            "oric" => "(2014)",
            _ => "(2022)",
        })
    };
    assert!(year("r-mc2") && year("oric") && year("cfir-2022"));
}

#[test]
fn no_statement_claims_a_seed_that_does_not_contain_it() {
    let i = instrument();
    let Some(dir) = seeds_dir() else {
        eprintln!("shared/seeds not found above the repository: locators checked for presence only");
        return;
    };
    let mut problems = Vec::new();
    for s in i.statements() {
        let source = i.source(&s.source).unwrap();
        let Some(seed) = &source.seed else { continue };
        let text = std::fs::read_to_string(dir.join(seed))
            .expect("seed readable")
            .to_lowercase();
        let words = key_words(&s.locator);
        let found = words.iter().filter(|w| text.contains(w.as_str())).count();
        // Most of the locator's words are in the seed (a heading and the
        // passage's own words), so the passage can be found.
        if found * 4 < words.len() * 3 {
            let missing: Vec<_> = words.iter().filter(|w| !text.contains(w.as_str())).collect();
            problems.push(format!("{} ({seed}): {missing:?} not in the seed", s.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // And the check would notice a locator pointing at nothing.
    let text = std::fs::read_to_string(dir.join("000_651d03a36aefe2b1.txt"))
        .unwrap()
        .to_lowercase();
    let words = key_words("Results: convictions and hiring of staff within the past year");
    assert!(words.iter().filter(|w| text.contains(w.as_str())).count() * 4 < words.len() * 3);
}

// ---------------------------------------------------------------------------
// The statements
// ---------------------------------------------------------------------------

#[test]
fn questionnaire_is_version_2_with_30_to_55_statements() {
    let i = instrument();
    assert_eq!(i.version, "2.0.0");
    let n = i.statements().count();
    assert!((30..=55).contains(&n), "{n} statements");
}

#[test]
fn split_statements_ask_one_thing_each() {
    let i = instrument();
    let text = |id: &str| {
        i.statement(&item(id))
            .unwrap_or_else(|| panic!("{id}"))
            .text
            .to_lowercase()
    };
    assert!(text("syringes-allowed").contains("syringes") && !text("syringes-allowed").contains("strips"));
    assert!(text("test-strips-allowed").contains("test strips") && !text("test-strips-allowed").contains("syringe"));
    assert!(
        text("hire-lived-experience").contains("lived experience")
            && !text("hire-lived-experience").contains("conviction")
    );
    assert!(text("hire-past-convictions").contains("convictions") && !text("hire-past-convictions").contains("lived"));
    assert!(
        text("police-leave-staff-alone").contains("staff")
            && !text("police-leave-staff-alone").contains("people we serve")
    );
    assert!(
        text("police-leave-participants-alone").contains("people we serve")
            && !text("police-leave-participants-alone").contains("staff")
    );
    // Worded positively: no double negative.
    let kept = text("services-kept-on-return");
    assert!(!kept.contains(" not ") && !kept.contains("n't"), "{kept}");
    // MOUD: every kind of organization can answer, and no level of government is blamed.
    let moud = text("moud-rules");
    assert!(!moud.contains("state") && moud.contains("partner"), "{moud}");
}

#[test]
fn statements_mean_something_before_harm_reduction_work_starts() {
    // The choice documented in docs/scoring.md: reworded, not a "does not
    // apply to us yet" answer.
    let i = instrument();
    for id in [
        "funding-beyond-one-grant",
        "debriefing-hard-days",
        "police-leave-staff-alone",
        "leaders-priority",
    ] {
        let t = i.statement(&item(id)).unwrap().text.to_lowercase();
        for assumption in [
            "outreach",
            "grant ended",
            "our harm reduction work",
            "has set aside",
            "current grant",
        ] {
            assert!(!t.contains(assumption), "{id} assumes the work exists: {t}");
        }
    }
    for id in ["sustainability", "debriefing", "no-harassment", "leaders-commit-time"] {
        assert!(i.statement(&item(id)).is_none(), "{id} is still asked");
        assert!(i.retired(&item(id)).is_some(), "{id} is listed as retired");
    }
}

#[test]
fn the_missing_content_is_there() {
    let i = instrument();
    for id in [
        "naloxone-on-site",
        "overdose-response-trained",
        "overdose-protocol",
        "overdose-laws-known",
        "philosophy-fit",
        "staff-commitment",
        "staff-efficacy",
        "no-id-required",
        "no-abstinence-required",
    ] {
        assert!(i.statement(&item(id)).is_some(), "{id}");
    }
    let services = match i.question(&item("services")) {
        Some(hr_assessment::Question::Grid(g)) => g,
        _ => panic!("services grid"),
    };
    for row in ["office-buprenorphine", "safer-use-supplies", "xylazine-test-strips"] {
        let r = services
            .rows
            .iter()
            .find(|r| r.id.as_str() == row)
            .unwrap_or_else(|| panic!("{row}"));
        // The 2022 survey has no figure for these rows: none is shown.
        assert!(r.national.is_empty(), "{row} has an invented figure");
    }
}

// ---------------------------------------------------------------------------
// TA areas mapped by meaning
// ---------------------------------------------------------------------------

#[test]
fn partnering_with_ssps_is_recommended_only_by_statements_about_those_partners() {
    let i = instrument();
    let partners: Vec<&str> = i
        .statements()
        .filter(|s| s.ta.iter().any(|a| a.as_str() == "partnerships"))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(partners, ["trust-ssp", "coalition"]);
    // The same for the partners a plan points to: only harm reduction organizations.
    let rows: Vec<&str> = i
        .questions
        .iter()
        .filter_map(|q| match q {
            hr_assessment::Question::Grid(g) => Some(g),
            _ => None,
        })
        .flat_map(|g| &g.rows)
        .filter(|r| r.ta.iter().any(|a| a.as_str() == "partnerships"))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        rows,
        [
            "ssp",
            "safer-use-hotlines",
            "mobile-harm-reduction",
            "mail-based-supply",
            "drug-user-unions"
        ]
    );
    let ta = |id: &str| -> Vec<&str> { i.statement(&item(id)).unwrap().ta.iter().map(|a| a.as_str()).collect() };
    assert_eq!(ta("abstinence-mandates"), ["law-policy", "stigma"]);
    assert_eq!(ta("law-enforcement-supports"), ["law-policy", "stigma"]);
    assert!(!ta("health-agencies-support").contains(&"partnerships"));
    // Low leadership support: planning and training (attitudes improve with education).
    assert_eq!(ta("leadership-supports"), ["planning", "training"]);

    // And so the recommendations: court mandates no longer recommend SSP partnerships.
    let r = report(&answers(&[("abstinence-mandates", SA)]));
    let areas: Vec<&str> = r.ta_areas.iter().map(|a| a.area.as_str()).collect();
    assert!(areas.contains(&"stigma") && areas.contains(&"law-policy"), "{areas:?}");
    assert!(!areas.contains(&"partnerships"), "{areas:?}");
    let r = report(&answers(&[("leadership-supports", SD)]));
    let areas: Vec<&str> = r.ta_areas.iter().map(|a| a.area.as_str()).collect();
    assert!(areas.contains(&"training") && areas.contains(&"planning"), "{areas:?}");
}

// ---------------------------------------------------------------------------
// National figures labeled as what they are
// ---------------------------------------------------------------------------

#[test]
fn figure_9_statements_say_their_n_is_assumed_and_the_106_percent_is_named() {
    for lang in [Lang::En, Lang::Es] {
        let i = Instrument::shipped_in(lang);
        for id in [
            "law-enforcement-supports",
            "local-laws",
            "state-laws",
            "health-agencies-support",
            "adequate-funding",
        ] {
            let n = i.statement(&item(id)).unwrap().national.as_ref().unwrap();
            assert_eq!(n.n, 90);
            let note = n.note.as_deref().unwrap_or_else(|| panic!("{id}: no note"));
            assert!(note.contains('9') && note.contains("90"), "{id}: {note}");
        }
        let health = i
            .statement(&item("health-agencies-support"))
            .unwrap()
            .national
            .as_ref()
            .unwrap();
        assert!(health.note.as_deref().unwrap().contains("106%"));
        // Figures 7 and 8 state n = 90: no note.
        for id in ["leadership-supports", "trust-pwud"] {
            assert!(
                i.statement(&item(id))
                    .unwrap()
                    .national
                    .as_ref()
                    .unwrap()
                    .note
                    .is_none(),
                "{id}"
            );
        }
        // The benchmark sentence carries... the table shows the note; the
        // figures themselves stay exact.
        assert_eq!(health.agree, Some(78));
    }
}

#[test]
fn inconsistent_report_figures_keep_both_and_show_the_findings_one() {
    let i = instrument();
    let row = |grid: &str, row: &str| -> hr_assessment::instrument::GridRow {
        match i.question(&item(grid)) {
            Some(hr_assessment::Question::Grid(g)) => g.rows.iter().find(|r| r.id.as_str() == row).unwrap().clone(),
            _ => panic!(),
        }
    };
    let peer = row("services", "peer-support");
    assert_eq!(peer.national.get(&opt("referral")), Some(&45));
    assert_eq!(peer.also.get(&opt("referral")), Some(&46));
    assert!(peer.note.as_deref().unwrap().contains("45%") && peer.note.as_deref().unwrap().contains("46%"));
    let mail = row("partners", "mail-based-supply");
    assert_eq!(mail.national.get(&opt("planned")), Some(&11));
    assert_eq!(mail.also.get(&opt("planned")), Some(&6));
    // What the results show is the findings' figure.
    let grids = hr_assessment::benchmark::grids(i, &Responses::default());
    let shown = grids
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.row.as_str() == "mail-based-supply")
        .unwrap()
        .cells
        .iter()
        .find(|c| c.column.as_str() == "planned")
        .unwrap()
        .national;
    assert_eq!(shown, Some(11));
}

// ---------------------------------------------------------------------------
// 1.0.0 → 2.0.0
// ---------------------------------------------------------------------------

/// A record saved by the app with questionnaire 1.0.0: answers to two
/// unchanged statements and to three that changed (one of them split).
fn record_1_0_0() -> String {
    json!({
        "schema": 1,
        "id": "old1",
        "name": "Spring assessment",
        "instrument_version": "1.0.0",
        "created": "2026-03-01T09:00:00.000Z",
        "updated": "2026-03-01T10:00:00.000Z",
        "responses": {
            "statements": {
                "state-laws": "somewhat_agree",
                "adequate-funding": "strongly_disagree",
                "supplies-allowed": "strongly_agree",
                "no-abstinence-discharge": "strongly_disagree",
                "sustainability": "dont_know"
            }
        }
    })
    .to_string()
}

#[test]
fn a_1_0_0_record_opens_keeping_unchanged_answers_and_setting_changed_ones_aside() {
    let i = instrument();
    let record = Record::from_json(&record_1_0_0(), i).expect("a 1.0.0 record still opens");
    assert_eq!(record.instrument_version, "2.0.0");
    assert_eq!(record.responses.statement(&item("state-laws")), Some(SWA));
    assert_eq!(record.responses.statement(&item("adequate-funding")), Some(SD));
    // Never carried to the new meaning, never scored.
    for new in [
        "syringes-allowed",
        "test-strips-allowed",
        "services-kept-on-return",
        "funding-beyond-one-grant",
    ] {
        assert_eq!(record.responses.statement(&item(new)), None, "{new}");
    }
    assert_eq!(record.retired.get(&item("supplies-allowed")), Some(&SA));
    assert_eq!(record.retired.get(&item("no-abstinence-discharge")), Some(&SD));
    assert_eq!(record.retired.len(), 3);
    let scored: usize = report(&record.responses).domains.iter().map(|d| d.items.len()).sum();
    assert_eq!(scored, 2);
    // Saved again, it reads back the same.
    assert_eq!(Record::from_json(&record.to_json(), i).unwrap(), record);
}

#[test]
fn the_check_page_lists_the_statements_needing_a_fresh_answer_and_why() {
    let i = instrument();
    let mut record = Record::from_json(&record_1_0_0(), i).unwrap();
    let fresh = needs_fresh_answer(i, &record.retired, &record.responses);
    let ids: Vec<&str> = fresh.iter().map(|f| f.retired.id.as_str()).collect();
    assert_eq!(ids, ["supplies-allowed", "no-abstinence-discharge", "sustainability"]);
    let split = &fresh[0];
    assert_eq!(split.earlier, SA);
    let new: Vec<&str> = split.unanswered.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(new, ["syringes-allowed", "test-strips-allowed"]);
    assert!(
        split.retired.reason.contains("syringes and test strips"),
        "{}",
        split.retired.reason
    );
    assert!(split.retired.text.contains("syringes and fentanyl test strips"));

    // Answering one half leaves the other; answering both clears the entry.
    record.responses.set_statement(item("syringes-allowed"), SWA);
    let fresh = needs_fresh_answer(i, &record.retired, &record.responses);
    assert_eq!(fresh[0].unanswered.len(), 1);
    record.responses.set_statement(item("test-strips-allowed"), SWD);
    let fresh = needs_fresh_answer(i, &record.retired, &record.responses);
    assert_eq!(
        fresh.iter().map(|f| f.retired.id.as_str()).collect::<Vec<_>>(),
        ["no-abstinence-discharge", "sustainability"]
    );

    // In Spanish, the same entries with Spanish texts.
    let es = Instrument::shipped_in(Lang::Es);
    let fresh = needs_fresh_answer(es, &record.retired, &record.responses);
    assert!(
        fresh[0].retired.text.starts_with("Nuestras políticas"),
        "{}",
        fresh[0].retired.text
    );
}

/// An exported file from the app with questionnaire 1.0.0.
fn file_1_0_0() -> String {
    json!({
        "format": "hr-readiness-assessment",
        "version": 2,
        "exported": "2026-03-01T10:01:00.000Z",
        "language": "en",
        "instrument_version": "1.0.0",
        "assessment": {
            "name": "Spring assessment",
            "created": "2026-03-01T09:00:00.000Z",
            "updated": "2026-03-01T10:00:00.000Z",
            "responses": {
                "statements": {
                    "leadership-supports": "strongly_agree",
                    "hiring-lived-experience": "somewhat_agree",
                    "telehealth-moud": "strongly_disagree"
                },
                "choices": { "role": ["staff"] }
            }
        }
    })
    .to_string()
}

#[test]
fn a_1_0_0_file_imports_with_its_changed_statements_set_aside_and_said_so() {
    let i = instrument();
    let imported = file::import(&file_1_0_0(), i).expect("a 1.0.0 file imports");
    assert_eq!(imported.instrument_version, "1.0.0");
    assert_eq!(imported.responses.statement(&item("leadership-supports")), Some(SA));
    assert_eq!(imported.responses.statement(&item("hire-lived-experience")), None);
    assert_eq!(imported.retired.get(&item("hiring-lived-experience")), Some(&SWA));
    assert_eq!(imported.retired.get(&item("telehealth-moud")), Some(&SD));
    assert_eq!(
        imported.notices(i),
        [
            ImportWarning::OtherVersion {
                file: "1.0.0".into(),
                app: "2.0.0".into()
            },
            ImportWarning::Retired { count: 2 },
        ]
    );
    assert!(
        imported.warnings[1].contains("Check your answers"),
        "{:?}",
        imported.warnings
    );
    let es = file::import_in(&file_1_0_0(), Instrument::shipped_in(Lang::Es), Lang::Es).unwrap();
    assert!(
        es.warnings.iter().any(|w| w.contains("Revise sus respuestas")),
        "{:?}",
        es.warnings
    );

    let record = imported.into_record(i, "new1".into());
    assert_eq!(record.instrument_version, "2.0.0");
    assert_eq!(record.retired.len(), 2);
    let fresh = needs_fresh_answer(i, &record.retired, &record.responses);
    let new: Vec<&str> = fresh
        .iter()
        .flat_map(|f| f.unanswered.iter().map(|s| s.id.as_str()))
        .collect();
    assert_eq!(new, ["moud-rules", "hire-lived-experience", "hire-past-convictions"]);
}

#[test]
fn a_2_0_0_file_has_nothing_set_aside() {
    let i = instrument();
    let text = file::export_json(
        &record_with(answers(&[("syringes-allowed", SA)])),
        "en",
        "2026-11-22T10:06:00.000Z",
    );
    let imported = file::import(&text, i).unwrap();
    assert!(imported.retired.is_empty());
    assert!(imported.notices(i).is_empty());
}

#[test]
fn take_retired_moves_only_retired_answers() {
    let i = instrument();
    let mut r = answers(&[("state-laws", SWA), ("syringes-allowed", SA)]);
    r.set_statement(item("debriefing"), DK);
    let aside = take_retired(i, &mut r);
    assert_eq!(aside.len(), 1);
    assert_eq!(r.statements.len(), 2);
    assert!(r.validate(i).is_ok());
    // Every retired statement names replacements asked since 2.0.0, and its
    // id is never reused.
    for old in &i.retired {
        assert!(i.question(&old.id).is_none());
        for n in &old.replaced_by {
            let s = i.statement(n).unwrap();
            assert!(!s.asked_in(&old.until), "{n} was asked in {}", old.until);
        }
    }
}

#[test]
fn the_team_merges_1_0_0_and_2_0_0_respondents_on_shared_statements_and_says_so() {
    let i = instrument();
    let old = file::import(&file_1_0_0(), i).unwrap();
    let new = answers(&[
        ("leadership-supports", SWD),
        ("moud-rules", SA),
        ("hire-lived-experience", SA),
    ]);
    let members = vec![
        Member::from_responses("Respondent 1", old.responses.clone()),
        Member::from_responses("Respondent 2", new),
    ];
    let merged = team::merge(i, &members);
    let st = |id: &str| merged.statement(&item(id)).unwrap();
    assert_eq!(
        st("leadership-supports").known(),
        2,
        "shared statement: both respondents"
    );
    assert_eq!(st("moud-rules").known(), 1, "new statement: only the 2.0.0 respondent");
    assert_eq!(st("hire-lived-experience").known(), 1);

    let versions = [old.instrument_version.as_str(), ""];
    let m = mixed_versions(i, &versions).expect("mixed versions are named");
    assert_eq!(m.earlier, [("1.0.0".to_owned(), 1)]);
    assert_eq!(m.shared + m.new, i.statements().count());
    assert_eq!(m.new, i.statements().filter(|s| s.since.is_some()).count());
    let en = m.message(Lang::En);
    assert!(en.starts_with("1 of 2 respondents answered an earlier version"), "{en}");
    assert!(
        en.contains(&format!("the {} statements the versions share", m.shared)),
        "{en}"
    );
    assert!(
        m.message(Lang::Es).contains("1 de 2 personas"),
        "{}",
        m.message(Lang::Es)
    );
    assert_eq!(mixed_versions(i, &["2.0.0", ""]), None);
    assert!(upgrade::is_older(i, "1.0.0") && !upgrade::is_older(i, "2.0.0") && !upgrade::is_older(i, "garbage"));
    assert!(version_key("1.0.0") < version_key("2.0.0"));
}

#[test]
fn every_retired_text_and_note_is_translated_with_the_same_numbers() {
    let en = instrument();
    let es = Instrument::shipped_in(Lang::Es);
    assert_eq!(en.retired.len(), es.retired.len());
    for (a, b) in en.retired.iter().zip(&es.retired) {
        assert_eq!(a.id, b.id);
        assert_ne!(a.text, b.text);
        assert_ne!(a.reason, b.reason);
        assert_eq!(a.replaced_by, b.replaced_by);
    }
    let _unused: SortedMap<u8, u8> = SortedMap::new();
}
