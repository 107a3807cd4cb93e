//! The CSV tables in a language (`file::export_csv_in`,
//! `file::actions_csv_in`, `team::team_csv_in`): the column ids and every
//! number are the same in both languages, the words in the cells are in
//! the language asked for, and the English functions write exactly what
//! they wrote before.

mod common;
use common::*;
use hr_assessment::file::{actions_csv, actions_csv_in, export_csv, export_csv_in, ACTION_CSV_COLUMNS, CSV_COLUMNS};
use hr_assessment::team::{merge, role_name, team_csv, team_csv_columns, team_csv_in, Member, RoleGap};
use hr_assessment::{Action, ActionStatus, Class, Instrument, Lang, Record, Responses, ScaleAnswer, Shipped};

fn spanish() -> &'static Instrument {
    Instrument::shipped_in(Lang::Es)
}

/// The table without its byte order mark, as rows of cells.
fn rows(text: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with("\r\n"));
    parse_csv(text.strip_prefix('\u{FEFF}').expect("a byte order mark"))
}

/// The cells of a column, header left out.
fn column(table: &[Vec<String>], name: &str) -> Vec<String> {
    let k = table[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    table[1..].iter().map(|r| r[k].clone()).collect()
}

fn a_record() -> Record {
    let mut r = record_with(full_responses());
    r.actions = vec![
        Action {
            id: "a1".into(),
            area: Some("funding".into()),
            title: "Pedir fondos del acuerdo sobre opioides".into(),
            owner: "Dirección".into(),
            due: Some("2027-06-30".into()),
            status: ActionStatus::InProgress,
            notes: "Primera llamada hecha.".into(),
        },
        Action::new("a2".into(), "Review the intake forms".into()),
    ];
    r
}

#[test]
fn the_english_functions_write_exactly_the_english_table() {
    let record = a_record();
    assert_eq!(
        export_csv(&record, instrument()),
        export_csv_in(&record, instrument(), Lang::En)
    );
    assert_eq!(
        actions_csv(&record, instrument()),
        actions_csv_in(&record, instrument(), Lang::En)
    );
    let report = merge(instrument(), &team());
    assert_eq!(
        team_csv(instrument(), &report),
        team_csv_in(instrument(), &report, Lang::En)
    );
}

#[test]
fn the_statement_table_in_spanish_keeps_ids_and_numbers_and_translates_every_word() {
    let mut record = a_record();
    record.responses.statements = answer_all(|p| match p {
        hr_assessment::Polarity::Positive => SD,
        hr_assessment::Polarity::Negative => DK,
    })
    .statements;
    record.responses.set_statement(item("staff-support"), SWA);
    record.responses.statements.remove(&item("champion"));
    let en = rows(&export_csv_in(&record, instrument(), Lang::En));
    let es = rows(&export_csv_in(&record, spanish(), Lang::Es));
    assert_eq!(es[0], CSV_COLUMNS, "the column ids stay as they are");
    assert_eq!(es.len(), en.len());
    for name in ["statement_id", "score", "national_n", "national_same_answer_percent"] {
        assert_eq!(
            column(&es, name),
            column(&en, name),
            "{name} is the same in both languages"
        );
    }
    let statements: Vec<_> = spanish().statements().collect();
    let domain_names: Vec<String> = statements
        .iter()
        .map(|s| spanish().domain(&s.domain).unwrap().name.clone())
        .collect();
    assert_eq!(column(&es, "domain"), domain_names);
    assert_eq!(
        column(&es, "statement"),
        statements.iter().map(|s| s.text.clone()).collect::<Vec<_>>()
    );
    let reported: Vec<String> = statements
        .iter()
        .map(|s| s.national.as_ref().map_or(String::new(), |n| n.reported.clone()))
        .collect();
    assert_eq!(column(&es, "national_figure"), reported);
    for (cell, english) in column(&es, "answer").iter().zip(column(&en, "answer")) {
        let answer = ScaleAnswer::ALL.into_iter().find(|a| a.label() == english);
        assert_eq!(cell.as_str(), answer.map_or("", |a| a.label_in(Lang::Es)));
    }
    for (cell, english) in column(&es, "class").iter().zip(column(&en, "class")) {
        let class = [Class::Facilitator, Class::Barrier, Class::Unknown]
            .into_iter()
            .find(|c| c.label() == english);
        assert_eq!(cell.as_str(), class.map_or("", |c| c.label_in(Lang::Es)));
    }
    let answers = column(&es, "answer");
    for label in ["Algo de acuerdo", "Muy en desacuerdo", "No sé", ""] {
        assert!(answers.iter().any(|a| a == label), "{label:?} in {answers:?}");
    }
    // No English word is left in a cell meant for people.
    for row in &es[1..] {
        for (name, cell) in CSV_COLUMNS.iter().zip(row) {
            if ["statement_id", "score", "national_n", "national_same_answer_percent"].contains(name) {
                continue;
            }
            for english in [
                " agree",
                "disagree",
                "know",
                "Barrier",
                "Facilitator",
                "Unknown",
                "Leadership",
                " the ",
            ] {
                assert!(!cell.contains(english), "{name}: {cell:?}");
            }
        }
    }
}

#[test]
fn the_action_plan_table_in_spanish_translates_statuses_and_areas_and_keeps_the_users_words() {
    let record = a_record();
    let en = rows(&actions_csv_in(&record, instrument(), Lang::En));
    let es = rows(&actions_csv_in(&record, spanish(), Lang::Es));
    assert_eq!(es[0], ACTION_CSV_COLUMNS);
    assert_eq!(column(&es, "status"), ["En curso", "Sin empezar"]);
    assert_eq!(column(&en, "status"), ["In progress", "Not started"]);
    assert_eq!(
        column(&es, "ta_area"),
        ["Conseguir financiamiento o reembolso para la reducción de daños", ""]
    );
    for name in ["action", "owner", "due", "notes"] {
        assert_eq!(
            column(&es, name),
            column(&en, name),
            "{name}: the user's words as they are"
        );
    }
}

/// A leader, two staff and a peer who see every statement differently.
fn team() -> Vec<Member> {
    // Two of each role compared, so that gaps are role gaps, not one
    // person's view.
    [
        ("leadership", SA),
        ("leadership", SA),
        ("staff", SWA),
        ("staff", DK),
        ("peer", SD),
        ("peer", SD),
    ]
    .iter()
    .enumerate()
    .map(|(k, (role, answer))| {
        let mut r = Responses::default();
        for s in instrument().statements() {
            r.set_statement(s.id.clone(), *answer);
        }
        r.set_single(item("role"), opt(role));
        Member::from_responses(format!("Respondent {}", k + 1), r)
    })
    .collect()
}

#[test]
fn the_team_table_in_spanish_keeps_ids_and_numbers_and_names_roles_in_spanish() {
    let report = merge(spanish(), &team());
    let en = rows(&team_csv_in(instrument(), &report, Lang::En));
    let es = rows(&team_csv_in(spanish(), &report, Lang::Es));
    let columns = team_csv_columns(spanish());
    assert_eq!(columns, team_csv_columns(instrument()), "role columns carry role ids");
    assert_eq!(es[0], columns);
    assert_eq!(es.len(), en.len());
    for name in columns
        .iter()
        .filter(|c| !["domain", "statement", "role_gap"].contains(&c.as_str()))
    {
        assert_eq!(
            column(&es, name),
            column(&en, name),
            "{name} is the same in both languages"
        );
    }
    assert_eq!(
        column(&es, "statement"),
        spanish().statements().map(|s| s.text.clone()).collect::<Vec<_>>()
    );
    assert!(column(&es, "domain")
        .iter()
        .all(|d| spanish().domains.iter().any(|x| &x.name == d)));
    let gaps_es = column(&es, "role_gap");
    let gaps_en = column(&en, "role_gap");
    let k = gaps_en
        .iter()
        .position(|g| g == "leadership above peer")
        .expect("a gap");
    assert_eq!(gaps_es[k], "Liderazgo por encima de Par");
    assert!(gaps_es.iter().all(|g| !g.contains("above")));
}

#[test]
fn role_gaps_are_described_with_the_short_role_names_of_the_language() {
    let gap = RoleGap {
        higher: opt("leadership"),
        lower: opt("staff"),
        higher_mean: 200,
        lower_mean: -150,
        difference: 350,
    };
    assert_eq!(gap.describe(), "leadership above staff by 3.50", "unchanged");
    assert_eq!(
        gap.describe_in(instrument(), Lang::En),
        "Leadership above Staff by 3.50"
    );
    assert_eq!(
        gap.describe_in(spanish(), Lang::Es),
        "Liderazgo por encima de Personal (diferencia de 3.50)"
    );
    assert_eq!(role_name(spanish(), &opt("peer")), "Par");
    assert_eq!(
        role_name(instrument(), &opt("peer")),
        "Peer worker or person with lived experience"
    );
    assert_eq!(
        role_name(spanish(), &opt("nobody")),
        "nobody",
        "an unknown role keeps its id"
    );
}
