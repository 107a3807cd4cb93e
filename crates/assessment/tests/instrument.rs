//! The shipped instrument: it loads, every reference resolves, the content
//! meets the brief, and every national figure is the report's.

#![allow(clippy::disallowed_methods)] // checks may use Unicode case; the app may not (clippy.toml)

mod common;
use common::*;
use hr_assessment::instrument::{NationalStatement, Qualifier, Question};
use hr_assessment::{Instrument, InstrumentError, Polarity, Shipped};

#[test]
fn the_shipped_instrument_loads_and_every_reference_resolves() {
    let i = Instrument::from_json(Instrument::shipped_json()).expect("shipped instrument is valid");
    assert!(i.problems().is_empty(), "{:?}", i.problems());
    assert!(!i.version.is_empty());
}

#[test]
fn six_named_domains_with_at_least_four_statements_each_and_30_to_55_in_all() {
    let i = instrument();
    let names: Vec<&str> = i.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(names, ["leadership", "staff", "community", "law", "policy", "funding"]);
    for d in &i.domains {
        let n = i.statements_in(&d.id).count();
        assert!(n >= 4, "{} has {n} statements", d.id);
    }
    let total = i.statements().count();
    assert!((30..=55).contains(&total), "{total} statements");
}

#[test]
fn every_statement_names_its_source_and_ta_areas() {
    let i = instrument();
    for s in i.statements() {
        let source = i.source(&s.source).expect("source exists");
        // A seed document, or published research cited by its citation.
        match &source.seed {
            Some(seed) => assert!(seed.ends_with(".txt"), "{}", s.id),
            None => assert!(source.citation.contains("(20"), "{}", s.id),
        }
        assert!(!s.ta.is_empty(), "{}", s.id);
        assert!(s.text.ends_with('.'), "{} reads as a sentence", s.id);
    }
    // Negatively worded statements say so on screen.
    for s in i.statements().filter(|s| s.polarity == Polarity::Negative) {
        assert!(s.hint.as_deref().unwrap_or("").contains("other way around"), "{}", s.id);
    }
}

#[test]
fn every_section_page_is_in_the_planned_order() {
    let ids: Vec<&str> = instrument().sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "profile",
            "leadership",
            "staff",
            "community",
            "law",
            "policy",
            "funding",
            "services",
            "ta"
        ]
    );
}

#[test]
fn language_is_person_first_and_not_stigmatizing() {
    let json = Instrument::shipped_json().to_lowercase();
    // "drug user unions" is the name those organizations use for themselves.
    let json = json.replace("drug user unions", "");
    for word in [
        "addict",
        "abuser",
        "junkie",
        "drug user",
        "clean ",
        "dirty",
        "substance abuse",
    ] {
        // "addict" may appear only inside the hint that warns against it.
        let allowed = usize::from(word == "addict" || word == "abuser");
        let count = json.matches(word).count();
        assert!(count <= allowed, "\"{word}\" appears {count} times");
    }
    assert!(json.contains("people who use drugs"));
}

/// (id, n, SA, SwA, SwD, SD, DK, agree, disagree, qualifier) exactly as
/// transcribed in shared/design/national-survey-2022.md.
type Figures = (&'static str, u32, [Option<u8>; 5], Option<u8>, Option<u8>, Qualifier);

#[test]
fn the_twelve_national_statements_carry_the_reports_figures() {
    use Qualifier::*;
    let expected: [Figures; 12] = [
        ("leadership-supports", 90, [None; 5], Some(90), None, MoreThan),
        ("principles-adopted", 90, [None; 5], Some(67), Some(25), About),
        ("staff-support", 90, [None; 5], Some(88), None, Exact),
        ("staff-knowledge", 90, [None; 5], Some(75), None, Nearly),
        (
            "trust-pwud",
            90,
            [None, None, Some(14), Some(2), Some(6)],
            Some(78),
            None,
            Exact,
        ),
        (
            "trust-ssp",
            90,
            [None, None, Some(27), Some(26), Some(14)],
            Some(34),
            None,
            Exact,
        ),
        (
            "community-supports",
            90,
            [None, None, Some(32), Some(8), Some(3)],
            Some(56),
            None,
            Exact,
        ),
        (
            "health-agencies-support",
            90,
            [None, None, Some(14), Some(6), Some(8)],
            Some(78),
            None,
            Exact,
        ),
        (
            "law-enforcement-supports",
            90,
            [Some(13), Some(32), Some(38), Some(11), Some(6)],
            None,
            None,
            Exact,
        ),
        (
            "local-laws",
            90,
            [Some(10), Some(24), Some(38), Some(12), Some(16)],
            None,
            None,
            Exact,
        ),
        (
            "state-laws",
            90,
            [Some(10), Some(37), Some(28), Some(12), Some(13)],
            None,
            None,
            Exact,
        ),
        (
            "adequate-funding",
            90,
            [Some(4), Some(11), Some(30), Some(40), Some(14)],
            None,
            None,
            Exact,
        ),
    ];
    let i = instrument();
    let with_figures: Vec<&str> = i
        .statements()
        .filter(|s| s.national.is_some())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(with_figures.len(), 12);
    for (id, n, parts, agree, disagree, qualifier) in expected {
        let s = i.statement(&item(id)).unwrap_or_else(|| panic!("{id} missing"));
        let f: &NationalStatement = s.national.as_ref().unwrap_or_else(|| panic!("{id} has no figures"));
        let got = [
            f.strongly_agree,
            f.somewhat_agree,
            f.somewhat_disagree,
            f.strongly_disagree,
            f.dont_know,
        ];
        assert_eq!(
            (f.n, got, f.agree, f.disagree, f.qualifier),
            (n, parts, agree, disagree, qualifier),
            "{id}"
        );
        if got.iter().all(Option::is_some) {
            let sum: u32 = got.iter().flatten().map(|v| u32::from(*v)).sum();
            assert!((99..=101).contains(&sum), "{id} sums to {sum}");
        }
    }
}

#[test]
fn ta_areas_modalities_and_ta_now_carry_the_reports_figures() {
    let i = instrument();
    let areas: Vec<(&str, Option<u8>)> = i
        .ta_areas
        .iter()
        .map(|a| (a.id.as_str(), a.national.map(|n| n.share)))
        .collect();
    assert_eq!(
        &areas[..4],
        &[
            ("funding", Some(63)),
            ("practices", Some(59)),
            ("stigma", Some(59)),
            ("planning", Some(57))
        ]
    );
    assert!(
        areas[4..].iter().all(|(_, s)| s.is_none()),
        "only four areas have figures"
    );
    assert!(i.ta_areas.len() >= 10);
    assert!(i.ta_areas.iter().filter_map(|a| a.national).all(|n| n.n == 87));

    let modalities: Vec<(&str, Option<u8>, Option<u8>)> = i
        .modalities
        .iter()
        .map(|m| (m.id.as_str(), m.national.map(|n| n.share), m.discussion))
        .collect();
    assert_eq!(
        modalities,
        [
            ("toolkits", Some(84), Some(73)),
            ("webinars", Some(62), Some(54)),
            ("short-resources", Some(60), Some(52)),
            ("small-groups", Some(45), None),
            ("convenings", Some(36), None),
            ("individual-ta", Some(35), None),
            ("learning-collaborative", None, None),
        ]
    );
    let Some(Question::SingleChoice(ta_now)) = i.question(&item("ta-now")) else {
        panic!("ta-now")
    };
    let shares: Vec<(&str, Option<u8>)> = ta_now.options.iter().map(|o| (o.id.as_str(), o.national)).collect();
    assert_eq!(shares, [("yes", Some(8)), ("no", Some(76)), ("unsure", Some(16))]);
    assert_eq!(ta_now.n, Some(87));
}

/// (row, [(column, share)]) for one grid.
fn grid_figures(id: &str) -> Vec<(String, Vec<(String, u8)>)> {
    let Some(Question::Grid(g)) = instrument().question(&item(id)) else {
        panic!("{id}")
    };
    g.rows
        .iter()
        .filter(|r| !r.national.is_empty())
        .map(|r| {
            (
                r.id.to_string(),
                r.national.iter().map(|(c, v)| (c.to_string(), *v)).collect(),
            )
        })
        .collect()
}

fn row(id: &str, cells: &[(&str, u8)]) -> (String, Vec<(String, u8)>) {
    let mut cells: Vec<(String, u8)> = cells.iter().map(|(c, v)| (c.to_string(), *v)).collect();
    cells.sort();
    (id.to_owned(), cells)
}

#[test]
fn services_carry_the_reports_shares_and_sample_sizes() {
    let expected = vec![
        row("peer-support", &[("direct", 88), ("referral", 45)]),
        row("counseling", &[("direct", 86)]),
        row("outreach-pwud", &[("direct", 79), ("referral", 68)]),
        row("overdose-education", &[("direct", 74), ("referral", 54)]),
        row("naloxone", &[("direct", 67), ("referral", 53)]),
        row("wellness", &[("direct", 54)]),
        row("housing", &[("direct", 51)]),
        row("id-testing", &[("referral", 53)]),
        row("methadone", &[("referral", 48)]),
        row("reproductive-health", &[("referral", 46)]),
        row("syringe-services", &[("direct", 8), ("referral", 33), ("planned", 10)]),
        row("safer-injection-info", &[("referral", 32)]),
        row("outreach-sex-trade", &[("referral", 31)]),
        row("drug-checking", &[("referral", 14)]),
        row("mobile-methadone", &[("direct", 5), ("referral", 14)]),
        row("mobile-buprenorphine", &[("referral", 17), ("planned", 16)]),
        row("telehealth-methadone", &[("direct", 8)]),
        row("mail-supplies", &[("direct", 7), ("referral", 10)]),
        row("vending-machines", &[("direct", 4), ("referral", 7)]),
        row("test-strips", &[("planned", 19)]),
        row("safer-smoking", &[("planned", 15)]),
    ];
    assert_eq!(grid_figures("services"), expected);
    let Some(Question::Grid(g)) = instrument().question(&item("services")) else {
        panic!()
    };
    let ns: Vec<Option<u32>> = g.columns.iter().map(|c| c.n).collect();
    assert_eq!(ns, [Some(101), Some(93), Some(101)]);
}

#[test]
fn partners_carry_the_reports_shares_and_sample_sizes() {
    let expected = vec![
        row("local-public-health", &[("now", 83), ("planned", 31)]),
        row("recovery-community", &[("now", 81)]),
        row("recovery-housing", &[("now", 70)]),
        row("law-enforcement", &[("now", 66), ("planned", 27)]),
        row("state-public-health", &[("now", 59), ("planned", 26)]),
        row("ems", &[("now", 54)]),
        row("deflection", &[("now", 50)]),
        row("ssp", &[("now", 20), ("planned", 19)]),
        row("safer-use-hotlines", &[("now", 20)]),
        row("mobile-harm-reduction", &[("now", 18)]),
        row("mobile-oud-treatment", &[("now", 17)]),
        row("mail-based-supply", &[("now", 3), ("planned", 11)]),
        row("drug-user-unions", &[("now", 2), ("planned", 6)]),
        row("national-ta", &[("planned", 33)]),
        row("overdose-response-teams", &[("planned", 28)]),
        row("public-facilities", &[("planned", 27)]),
    ];
    assert_eq!(grid_figures("partners"), expected);
    let Some(Question::Grid(g)) = instrument().question(&item("partners")) else {
        panic!()
    };
    assert!(g.columns.iter().all(|c| c.n == Some(94)));
}

#[test]
fn profile_questions_are_all_optional_choices() {
    let i = instrument();
    let profile: Vec<&Question> = i.questions_in(&"profile".into()).collect();
    let ids: Vec<&str> = profile.iter().map(|q| q.id().as_str()).collect();
    assert_eq!(ids, ["org-type", "communities", "role"]);
    let Some(Question::SingleChoice(role)) = i.question(&item("role")) else {
        panic!()
    };
    let roles: Vec<&str> = role.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(roles, ["leadership", "staff", "peer", "board", "other"]);
    let Some(Question::Modalities(m)) = i.question(&item("modalities-top")) else {
        panic!()
    };
    assert_eq!(m.max, Some(3), "choose up to three, as the survey asked");
}

/// Edits the shipped JSON and expects the loader to refuse it.
fn refused(edit: impl Fn(&mut serde_json::Value)) -> InstrumentError {
    let mut v: serde_json::Value = serde_json::from_str(Instrument::shipped_json()).unwrap();
    edit(&mut v);
    Instrument::from_json(&v.to_string()).expect_err("edited instrument must be refused")
}

#[test]
fn unknown_fields_are_rejected_at_every_level() {
    let e = refused(|v| v["surprise"] = 1.into());
    assert!(matches!(e, InstrumentError::Shape(_)), "{e}");
    let e = refused(|v| v["question"][5]["colour"] = "red".into());
    assert!(matches!(e, InstrumentError::Shape(_)), "{e}");
    let e = refused(|v| v["question"][3]["national"]["sa"] = 3.into());
    assert!(matches!(e, InstrumentError::Shape(_)), "{e}");
    let e = refused(|v| v["question"][5]["kind"] = "essay".into());
    assert!(matches!(e, InstrumentError::Shape(_)), "{e}");
    let e = refused(|v| v["question"][5]["polarity"] = "sideways".into());
    assert!(matches!(e, InstrumentError::Shape(_)), "{e}");
}

#[test]
fn broken_references_are_reported_in_words() {
    let e = refused(|v| v["question"][5]["ta"] = serde_json::json!(["nowhere"]));
    assert!(e.to_string().contains("unknown TA area nowhere"), "{e}");
    let e = refused(|v| v["question"][5]["domain"] = "weather".into());
    assert!(e.to_string().contains("unknown domain weather"), "{e}");
    let e = refused(|v| v["question"][5]["source"] = "rumour".into());
    assert!(e.to_string().contains("unknown source rumour"), "{e}");
    let e = refused(|v| {
        let first = v["question"][3]["id"].clone();
        v["question"][4]["id"] = first;
    });
    assert!(e.to_string().contains("used twice"), "{e}");
    let e = refused(|v| v["constraint"][0]["favours"] = serde_json::json!(["carrier-pigeon"]));
    assert!(e.to_string().contains("unknown modality carrier-pigeon"), "{e}");
    let e = refused(|v| v["scoring"]["barrier_to"] = 50.into());
    assert!(e.to_string().contains("barrier_to"), "{e}");
}

#[test]
fn a_national_figure_that_does_not_add_up_is_refused() {
    let e = refused(|v| {
        let q = v["question"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|q| q["id"] == "local-laws")
            .unwrap();
        q["national"]["dont_know"] = 30.into();
    });
    assert!(e.to_string().contains("add up to 114"), "{e}");
}

#[test]
fn the_instrument_built_into_the_program_is_exactly_the_data_files() {
    // build.rs turns the data into Rust code; reading the same data as JSON
    // through the model must give the very same instrument, in both languages.
    let parsed = Instrument::from_json(Instrument::shipped_json()).unwrap();
    assert_eq!(&parsed, Instrument::shipped());
    let spanish = parsed
        .translated(hr_assessment::translation::shipped_json(hr_assessment::Lang::Es).unwrap())
        .unwrap();
    assert_eq!(&spanish, Instrument::shipped_in(hr_assessment::Lang::Es));
}

#[test]
fn the_brief_instrument_is_the_whole_one_without_the_texts_only_the_report_shows() {
    // The start and question pages read the brief instrument, so that these
    // texts stay out of the first part of the program a visit loads (and,
    // in Spanish, out of the file of texts that comes with it). This list is
    // the contract: a text missing from it would be there for nothing, and
    // a text in it that those pages show would show empty.
    fn without_details(whole: &Instrument) -> Instrument {
        let mut brief = whole.clone();
        for s in &mut brief.sources {
            s.seed = None;
            s.citation.clear();
            s.note.clear();
        }
        for r in &mut brief.retired {
            r.text.clear();
            r.reason.clear();
        }
        for d in &mut brief.domains {
            d.summary.clear();
            d.find_out.clear();
        }
        for q in &mut brief.questions {
            match q {
                Question::Statement(s) => {
                    s.locator.clear();
                    if let Some(n) = &mut s.national {
                        n.reported.clear();
                        n.note = None;
                    }
                }
                Question::Grid(g) => {
                    for row in &mut g.rows {
                        row.note = None;
                    }
                }
                _ => {}
            }
        }
        brief
    }
    for lang in [hr_assessment::Lang::En, hr_assessment::Lang::Es] {
        let whole = Instrument::shipped_in(lang);
        let brief = Instrument::shipped_brief_in(lang);
        assert_eq!(brief, &without_details(whole), "{lang:?}");
        // The details are real texts, so the brief one is not the whole one.
        assert_ne!(brief, whole, "{lang:?}");
    }
    assert_ne!(
        Instrument::shipped_brief_in(hr_assessment::Lang::Es).sections,
        Instrument::shipped_brief_in(hr_assessment::Lang::En).sections,
        "each in its language"
    );
}

#[test]
fn the_national_facts_views_show_come_from_the_data() {
    let facts = hr_assessment::Instrument::shipped().national_facts();
    // The 2022 report: twelve statement figures from 90 respondents, five of
    // them (Figure 9) without a stated n; the modality shares from 87.
    assert_eq!(facts.statements, 12);
    assert_eq!(facts.n, 90);
    assert_eq!(facts.n_assumed, 5);
    assert_eq!(facts.modalities_n, Some(87));
}

#[test]
fn a_grid_row_is_found_by_its_question_and_id_and_nothing_else_is() {
    let i = instrument();
    let Some(Question::Grid(g)) = i.question(&item("services")) else {
        panic!("services is a grid");
    };
    for row in &g.rows {
        assert_eq!(
            i.grid_row(&item("services"), &row.id).map(|r| &r.label),
            Some(&row.label)
        );
    }
    let first = &g.rows[0].id;
    assert!(i.grid_row(&item("partners"), &"no-such-row".into()).is_none());
    // A statement has no rows, even under a row's id.
    let statement = i.statements().next().unwrap().id.clone();
    assert!(i.grid_row(&statement, first).is_none());
}

#[test]
fn every_national_figure_comes_from_one_source_the_2022_report() {
    let i = instrument();
    let source = i.national_source().expect("the national figures have a source");
    assert!(source.citation.contains("2022"), "{}", source.citation);
    for s in i.statements().filter(|s| s.national.is_some()) {
        assert_eq!(s.source, source.id, "{}", s.id);
    }
    for q in &i.questions {
        if let Question::Grid(g) = q {
            if g.rows.iter().any(|r| !r.national.is_empty()) {
                assert_eq!(g.source, source.id, "{}", g.id);
            }
        }
    }
}
