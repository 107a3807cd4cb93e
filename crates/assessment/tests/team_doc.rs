//! `docs/team.md`, checked against the code: the worked example's answers
//! are read from the page, merged, and every table of results on the page is
//! compared with what the code gives; the stated threshold and code length
//! and the example answer code are compared with the code.

mod common;
use common::*;
use hr_assessment::code::{code_length, decode, encode};
use hr_assessment::numbers::hundredths as format_hundredths;
use hr_assessment::team::{
    disagreement_order, merge, Member, TeamReport, TeamStatement, ROLE_GAP_MIN_MEMBERS, ROLE_GAP_THRESHOLD,
    TEAM_AGREES_FROM,
};
use hr_assessment::{Responses, ScaleAnswer};

const DOC: &str = include_str!("../../../docs/team.md");

/// The text under a `###` heading, up to the next heading.
fn section(title: &str) -> &'static str {
    let start = DOC
        .find(&format!("### {title}\n"))
        .unwrap_or_else(|| panic!("no section {title:?}"));
    let body = &DOC[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    let end = body.find("\n#").unwrap_or(body.len());
    &body[..end]
}

/// The first markdown table in `text`: header then rows, cells trimmed,
/// the minus sign (−) written as a hyphen.
fn table(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('−', "-"))
                .collect::<Vec<String>>()
        })
        .filter(|row| !row.iter().all(|c| c.chars().all(|ch| ch == '-')))
        .collect()
}

fn dash<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or("—".to_owned(), f)
}

fn signed(v: i32) -> String {
    if v > 0 {
        format!("+{v}")
    } else {
        v.to_string()
    }
}

/// The team of the "The answers" table.
fn team() -> Vec<Member> {
    let rows = table(section("The answers"));
    let header = &rows[0];
    assert_eq!(header[..2], ["Member", "Role"]);
    rows[1..]
        .iter()
        .map(|row| {
            let mut r = Responses::default();
            r.set_single(item("role"), opt(&row[1]));
            for (id, cell) in header[2..].iter().zip(&row[2..]) {
                assert!(instrument().statement(&item(id)).is_some(), "no statement {id}");
                if cell != "—" {
                    let answer = ScaleAnswer::ALL
                        .into_iter()
                        .find(|a| a.label() == cell)
                        .unwrap_or_else(|| panic!("{cell:?} is not an answer"));
                    r.set_statement(item(id), answer);
                }
            }
            Member::from_responses(row[0].clone(), r)
        })
        .collect()
}

fn statement_row(s: &TeamStatement) -> Vec<String> {
    let c = &s.counts;
    let mean_of = |role: &str| dash(s.group(&opt(role)).and_then(|g| g.mean), format_hundredths);
    let mut row = vec![s.item.to_string()];
    row.extend(
        [
            c.strongly_agree,
            c.somewhat_agree,
            c.somewhat_disagree,
            c.strongly_disagree,
            c.dont_know,
            c.unanswered,
        ]
        .map(|n| n.to_string()),
    );
    row.push(dash(s.agreement, |a| format!("{a}%")));
    row.push(dash(s.spread, |v| format_hundredths(v as i32)));
    row.push(dash(s.mean, format_hundredths));
    row.extend(["leadership", "staff", "peer"].map(mean_of));
    for list in [&s.gaps, &s.single_views] {
        let gaps: Vec<String> = list.iter().map(|g| g.describe()).collect();
        row.push(if gaps.is_empty() { "—".into() } else { gaps.join("; ") });
    }
    row
}

fn report() -> TeamReport {
    merge(instrument(), &team())
}

#[test]
fn the_statement_table_matches_the_code() {
    let report = report();
    let rows = table(section("The statements"));
    assert_eq!(rows[0][0], "Statement");
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let leadership: Vec<&str> = instrument()
        .statements_in(&"leadership".into())
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, leadership, "one row per answered statement, in page order");
    for row in &rows[1..] {
        let s = report.statement(&item(&row[0])).unwrap();
        assert_eq!(*row, statement_row(s), "statement {}", row[0]);
    }
}

#[test]
fn the_domain_table_matches_the_code() {
    let report = report();
    let rows = table(section("The domain"));
    assert_eq!(rows[0][0], "Domain");
    assert!(rows.len() > 1);
    for row in &rows[1..] {
        let domain = instrument()
            .domains
            .iter()
            .find(|d| d.name == row[0])
            .expect("a domain name");
        let d = report.domain(&domain.id).unwrap();
        let code = vec![
            domain.name.clone(),
            d.facilitators.to_string(),
            d.barriers.to_string(),
            d.unknowns.to_string(),
            d.unanswered.to_string(),
            signed(d.sum),
            dash(d.balance, signed),
            format!("{}%", d.coverage),
            d.stage.label().to_owned(),
        ];
        assert_eq!(*row, code, "domain {}", row[0]);
    }
}

#[test]
fn the_ta_table_matches_the_code() {
    let report = report();
    let rows = table(section("The TA areas"));
    let code: Vec<Vec<String>> = report
        .ta_areas
        .iter()
        .enumerate()
        .map(|(k, a)| {
            vec![
                (k + 1).to_string(),
                a.area.to_string(),
                a.points.to_string(),
                a.possible.to_string(),
                format!("{}%", a.need),
                a.members.to_string(),
            ]
        })
        .collect();
    assert_eq!(rows[1..], code[..]);
}

#[test]
fn the_consensus_order_matches_the_code() {
    let report = report();
    let rows = table(section("The consensus order"));
    let order = disagreement_order(&report);
    assert!(rows.len() > 1);
    for (k, row) in rows[1..].iter().enumerate() {
        let s = report.statement(&order[k]).unwrap();
        let code = vec![
            (k + 1).to_string(),
            s.item.to_string(),
            dash(s.agreement, |a| format!("{a}%")),
            dash(s.spread, |v| format_hundredths(v as i32)),
        ];
        assert_eq!(*row, code, "order {}", k + 1);
    }
}

#[test]
fn the_stated_rules_and_the_example_code_match_the_code() {
    assert!(
        DOC.contains(&format!("**{} or more**", format_hundredths(ROLE_GAP_THRESHOLD))),
        "the threshold"
    );
    assert!(
        DOC.contains(&format!("**{} characters**", code_length(instrument()))),
        "the code length"
    );
    assert!(
        DOC.contains(&format!("at most **{} people**", hr_assessment::roster::MAX_MEMBERS)),
        "the team size cap"
    );
    assert_eq!(ROLE_GAP_MIN_MEMBERS, 2);
    assert!(DOC.contains("at least **two** known answers"), "the gap's minimum");
    assert!(
        DOC.contains(&format!("**{TEAM_AGREES_FROM}%**")),
        "the agreement threshold"
    );
    let report = report();
    let a = report.agreement.expect("an agreement figure");
    assert!(
        DOC.contains(&format!(
            "overall agreement is ({}) ÷ {} = **{a}%**",
            report
                .statements
                .iter()
                .filter_map(|s| s.agreement)
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            report.agreement_statements
        )),
        "the example's overall agreement"
    );
    assert_eq!(
        report.agrees(),
        Some(DOC.contains("the pooled balances can be read as the team's"))
    );
    // The example code is Respondent 4's.
    let at = DOC.find("for example `B").expect("an example code") + "for example `".len();
    let example = &DOC[at..at + DOC[at..].find('`').unwrap()];
    let r4 = team().into_iter().find(|m| m.label == "Respondent 4").unwrap();
    assert_eq!(encode(instrument(), &r4.responses), example);
    assert_eq!(decode(instrument(), example), Ok(r4.responses));
}
