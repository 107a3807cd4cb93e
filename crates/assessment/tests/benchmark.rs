//! The answers beside the 2022 national figures: which figure matches an
//! answer, the sentence shown, and the grids and choices with their n.

mod common;
use common::*;
use hr_assessment::benchmark::{national_match, MatchScope};
use hr_assessment::instrument::Qualifier;
use hr_assessment::{NationalMatch, Report, Responses, ScaleAnswer, StatementBenchmark};

fn statement_benchmark<'a>(r: &'a Report, id: &str) -> &'a StatementBenchmark {
    r.statements
        .iter()
        .find(|s| s.item.as_str() == id)
        .unwrap_or_else(|| panic!("{id} has no national figures"))
}

/// (share, qualifier, scope) of the matched figure.
type Matched = Option<(u8, Qualifier, MatchScope)>;

/// The one helper: answers `id` (or leaves it unanswered) and checks the
/// matched figure and the sentence.
fn check(id: &str, answer: Option<ScaleAnswer>, matched: Matched, sentence: &str) {
    let list: Vec<(&str, ScaleAnswer)> = answer.map(|a| (id, a)).into_iter().collect();
    let r = report(&answers(&list));
    let b = statement_benchmark(&r, id);
    let case = format!("{id} answered {answer:?}");
    assert_eq!(b.answer, answer, "{case}");
    let got = b.matched.map(|m: NationalMatch| (m.share, m.qualifier, m.scope));
    assert_eq!(got, matched, "{case}");
    assert_eq!(b.sentence(), sentence, "{case}");
    // The same match straight from the figures.
    if let Some(a) = answer {
        assert_eq!(national_match(&b.national, a), b.matched, "{case}");
    }
}

#[test]
fn a_statement_with_all_five_shares_matches_the_exact_answer() {
    use MatchScope::SameAnswer;
    use Qualifier::Exact;
    let cases: &[(&str, Option<ScaleAnswer>, Matched, &str)] = &[
        (
            "adequate-funding",
            Some(SD),
            Some((40, Exact, SameAnswer)),
            "You: strongly disagree. Nationally 40% strongly disagree (n = 90).",
        ),
        (
            "adequate-funding",
            Some(SWD),
            Some((30, Exact, SameAnswer)),
            "You: somewhat disagree. Nationally 30% somewhat disagree (n = 90).",
        ),
        (
            "adequate-funding",
            Some(SWA),
            Some((11, Exact, SameAnswer)),
            "You: somewhat agree. Nationally 11% somewhat agree (n = 90).",
        ),
        (
            "adequate-funding",
            Some(SA),
            Some((4, Exact, SameAnswer)),
            "You: strongly agree. Nationally 4% strongly agree (n = 90).",
        ),
        (
            "adequate-funding",
            Some(DK),
            Some((14, Exact, SameAnswer)),
            "You: I don't know. Nationally 14% did not know (n = 90).",
        ),
        (
            "law-enforcement-supports",
            Some(SWD),
            Some((38, Exact, SameAnswer)),
            "You: somewhat disagree. Nationally 38% somewhat disagree (n = 90).",
        ),
        (
            "local-laws",
            Some(DK),
            Some((16, Exact, SameAnswer)),
            "You: I don't know. Nationally 16% did not know (n = 90).",
        ),
        (
            "state-laws",
            Some(SWA),
            Some((37, Exact, SameAnswer)),
            "You: somewhat agree. Nationally 37% somewhat agree (n = 90).",
        ),
    ];
    for (id, answer, matched, sentence) in cases {
        check(id, *answer, *matched, sentence);
    }
}

#[test]
fn an_aggregated_figure_matches_its_side_with_the_reports_qualifier() {
    use MatchScope::*;
    use Qualifier::*;
    let cases: &[(&str, Option<ScaleAnswer>, Matched, &str)] = &[
        (
            "leadership-supports",
            Some(SA),
            Some((90, MoreThan, AgreeSide)),
            "You: strongly agree. Nationally more than 90% agree (strongly or somewhat) (n = 90).",
        ),
        (
            "leadership-supports",
            Some(SWA),
            Some((90, MoreThan, AgreeSide)),
            "You: somewhat agree. Nationally more than 90% agree (strongly or somewhat) (n = 90).",
        ),
        (
            "staff-knowledge",
            Some(SA),
            Some((75, Nearly, AgreeSide)),
            "You: strongly agree. Nationally nearly 75% agree (strongly or somewhat) (n = 90).",
        ),
        (
            "staff-support",
            Some(SWA),
            Some((88, Exact, AgreeSide)),
            "You: somewhat agree. Nationally 88% agree (strongly or somewhat) (n = 90).",
        ),
        (
            "principles-adopted",
            Some(SA),
            Some((67, About, AgreeSide)),
            "You: strongly agree. Nationally about 67% agree (strongly or somewhat) (n = 90).",
        ),
        // Only the disagree total is given for principles-adopted; the
        // "about" of its agree figure does not carry over.
        (
            "principles-adopted",
            Some(SWD),
            Some((25, Exact, DisagreeSide)),
            "You: somewhat disagree. Nationally 25% disagree (strongly or somewhat) (n = 90).",
        ),
        (
            "principles-adopted",
            Some(SD),
            Some((25, Exact, DisagreeSide)),
            "You: strongly disagree. Nationally 25% disagree (strongly or somewhat) (n = 90).",
        ),
        // Agree aggregated, disagree and don't know exact.
        (
            "trust-pwud",
            Some(SA),
            Some((78, Exact, AgreeSide)),
            "You: strongly agree. Nationally 78% agree (strongly or somewhat) (n = 90).",
        ),
        (
            "trust-pwud",
            Some(SD),
            Some((2, Exact, SameAnswer)),
            "You: strongly disagree. Nationally 2% strongly disagree (n = 90).",
        ),
        (
            "trust-ssp",
            Some(DK),
            Some((14, Exact, SameAnswer)),
            "You: I don't know. Nationally 14% did not know (n = 90).",
        ),
        (
            "health-agencies-support",
            Some(SWA),
            Some((78, Exact, AgreeSide)),
            "You: somewhat agree. Nationally 78% agree (strongly or somewhat) (n = 90).",
        ),
    ];
    for (id, answer, matched, sentence) in cases {
        check(id, *answer, *matched, sentence);
    }
}

#[test]
fn without_a_matching_figure_the_sentence_falls_back_to_the_reports_words() {
    let cases: &[(&str, Option<ScaleAnswer>, Matched, &str)] = &[
        (
            "leadership-supports",
            Some(DK),
            None,
            "You: I don't know. Nationally: More than 90% strongly agree or agree (n = 90).",
        ),
        (
            "leadership-supports",
            Some(SD),
            None,
            "You: strongly disagree. Nationally: More than 90% strongly agree or agree (n = 90).",
        ),
        (
            "principles-adopted",
            Some(DK),
            None,
            "You: I don't know. Nationally: Two-thirds strongly agree or agree; \
             25% strongly disagree or disagree (n = 90).",
        ),
        (
            "staff-support",
            Some(SWD),
            None,
            "You: somewhat disagree. Nationally: 88% strongly agree or agree (n = 90).",
        ),
        (
            "leadership-supports",
            None,
            None,
            "You have not answered. Nationally: More than 90% strongly agree or agree (n = 90).",
        ),
        (
            "adequate-funding",
            None,
            None,
            "You have not answered. Nationally: 4% strongly agree, 11% somewhat agree, \
             30% somewhat disagree, 40% strongly disagree, 14% don't know (n = 90).",
        ),
    ];
    for (id, answer, matched, sentence) in cases {
        check(id, *answer, *matched, sentence);
    }
}

#[test]
fn the_twelve_national_statements_are_listed_in_page_order_and_no_others() {
    let i = instrument();
    let r = report(&Responses::default());
    let listed: Vec<&str> = r.statements.iter().map(|s| s.item.as_str()).collect();
    let expected: Vec<&str> = i
        .statements()
        .filter(|s| s.national.is_some())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(listed, expected);
    assert_eq!(listed.len(), 12);
    for s in &r.statements {
        assert_eq!(Some(&s.national), i.statement(&s.item).unwrap().national.as_ref());
        assert!(s.sentence().starts_with("You have not answered."), "{}", s.sentence());
    }
}

/// (grid, row, column) → (ticked, national share, n).
type Cell = (
    (&'static str, &'static str, &'static str),
    (bool, Option<u8>, Option<u32>),
);

fn cell(r: &Report, grid: &str, row: &str, column: &str) -> (bool, Option<u8>, Option<u32>) {
    let g = r.grids.iter().find(|g| g.question.as_str() == grid).expect("grid");
    let row = g.rows.iter().find(|x| x.row.as_str() == row).expect("row");
    let c = row.cells.iter().find(|c| c.column.as_str() == column).expect("column");
    (c.yours, c.national, c.n)
}

#[test]
fn grids_show_your_ticks_beside_the_national_shares_and_the_column_n() {
    let mut answers = Responses::default();
    for (grid, row, column) in [
        ("services", "naloxone", "direct"),
        ("services", "test-strips", "planned"),
        ("services", "wound-care", "direct"),
        ("services", "methadone", "referral"),
        ("partners", "ssp", "now"),
        ("partners", "national-ta", "planned"),
    ] {
        answers.set_cell(item(grid), opt(row), opt(column), true);
    }
    let r = report(&answers);
    let cases: &[Cell] = &[
        (("services", "naloxone", "direct"), (true, Some(67), Some(101))),
        (("services", "naloxone", "referral"), (false, Some(53), Some(93))),
        (("services", "naloxone", "planned"), (false, None, Some(101))),
        (("services", "test-strips", "planned"), (true, Some(19), Some(101))),
        (("services", "test-strips", "direct"), (false, None, Some(101))),
        (("services", "wound-care", "direct"), (true, None, Some(101))),
        (("services", "methadone", "referral"), (true, Some(48), Some(93))),
        (
            ("services", "syringe-services", "planned"),
            (false, Some(10), Some(101)),
        ),
        (("partners", "ssp", "now"), (true, Some(20), Some(94))),
        (("partners", "ssp", "planned"), (false, Some(19), Some(94))),
        (("partners", "national-ta", "planned"), (true, Some(33), Some(94))),
        (("partners", "national-ta", "now"), (false, None, Some(94))),
        (("partners", "local-public-health", "now"), (false, Some(83), Some(94))),
    ];
    for ((grid, row, column), expect) in cases {
        assert_eq!(cell(&r, grid, row, column), *expect, "{grid} {row} {column}");
    }
}

#[test]
fn grids_list_every_row_and_column_in_the_instruments_order() {
    use hr_assessment::instrument::Question;
    let i = instrument();
    let r = report(&Responses::default());
    let grids: Vec<&str> = r.grids.iter().map(|g| g.question.as_str()).collect();
    assert_eq!(grids, ["services", "partners"]);
    for g in &r.grids {
        let Some(Question::Grid(q)) = i.question(&g.question) else {
            panic!("{}", g.question)
        };
        let rows: Vec<&str> = g.rows.iter().map(|x| x.row.as_str()).collect();
        let expected: Vec<&str> = q.rows.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(rows, expected);
        for row in &g.rows {
            let cols: Vec<&str> = row.cells.iter().map(|c| c.column.as_str()).collect();
            let expected: Vec<&str> = q.columns.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(cols, expected);
            assert!(row.cells.iter().all(|c| !c.yours), "nothing ticked");
        }
    }
}

#[test]
fn the_ta_now_choice_shows_the_national_shares_with_n() {
    let cases: &[(&str, &[&str])] = &[("unanswered", &[]), ("no", &["no"]), ("not sure", &["unsure"])];
    for (name, chosen) in cases {
        let mut answers = Responses::default();
        for o in *chosen {
            answers.set_single(item("ta-now"), opt(o));
        }
        let r = report(&answers);
        assert_eq!(r.choices.len(), 1, "only ta-now carries national shares");
        let c = &r.choices[0];
        assert_eq!(c.question.as_str(), "ta-now");
        assert_eq!(c.n, 87);
        let options: Vec<(&str, Option<u8>)> = c.options.iter().map(|(o, s)| (o.as_str(), *s)).collect();
        assert_eq!(
            options,
            [("yes", Some(8)), ("no", Some(76)), ("unsure", Some(16))],
            "{name}"
        );
        let yours: Vec<&str> = c.yours.iter().map(|o| o.as_str()).collect();
        assert_eq!(yours, *chosen, "{name}");
    }
}
