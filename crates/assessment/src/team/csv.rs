//! The team's statements as a CSV table.

use super::{role_name, role_options, TeamReport};
use crate::file::text_cell;
use crate::instrument::Instrument;
use crate::lang::Lang;
use crate::numbers::hundredths;

/// instrument's role options.
pub fn team_csv_columns(instrument: &Instrument) -> Vec<String> {
    let mut columns: Vec<String> = [
        "domain",
        "statement_id",
        "statement",
        "strongly_agree",
        "somewhat_agree",
        "somewhat_disagree",
        "strongly_disagree",
        "dont_know",
        "unanswered",
        "agreement_percent",
        "spread",
        "mean",
    ]
    .map(String::from)
    .to_vec();
    for role in role_options(instrument) {
        columns.push(format!("{role}_n"));
        columns.push(format!("{role}_mean"));
    }
    columns.extend(["role_gap", "role_gap_difference"].map(String::from));
    columns
}

/// The team's statements as a CSV table, one row per statement in page
/// order after a header row (see [`team_csv_columns`]). The same rules as
/// the statement table (`file::export_csv`): UTF-8 with a byte order mark,
/// CRLF line endings, RFC 4180 quoting, text cells guarded against formula
/// injection, numbers written as plain numbers. Means and spread are
/// decimals with two places; `role_gap` names the widest gap ("leadership
/// above peer"), empty when there is none.
pub fn team_csv(instrument: &Instrument, report: &TeamReport) -> String {
    team_csv_in(instrument, report, Lang::En)
}

/// [`team_csv`] in a language: the column ids stay as they are (they are
/// data keys, and the role columns carry role ids); domain names and
/// statements come from `instrument`, so pass the instrument in the same
/// language ([`Instrument::shipped_in`]). In Spanish `role_gap` names the
/// roles by their short names ("Liderazgo por encima de Personal"); in
/// English it keeps the role ids ("leadership above staff"), as it always has.
pub fn team_csv_in(instrument: &Instrument, report: &TeamReport, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&team_csv_columns(instrument).join(","));
    out.push_str("\r\n");
    let number = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
    let decimal = |v: Option<i32>| v.map_or(String::new(), hundredths);
    for s in &report.statements {
        let domain = instrument
            .domain(&s.domain)
            .map_or(s.domain.as_str(), |d| d.name.as_str());
        let text = instrument.statement(&s.item).map_or("", |st| st.text.as_str());
        let c = &s.counts;
        let mut cells = vec![
            text_cell(domain),
            text_cell(s.item.as_str()),
            text_cell(text),
            c.strongly_agree.to_string(),
            c.somewhat_agree.to_string(),
            c.somewhat_disagree.to_string(),
            c.strongly_disagree.to_string(),
            c.dont_know.to_string(),
            c.unanswered.to_string(),
            number(s.agreement),
            decimal(s.spread.map(|v| v as i32)),
            decimal(s.mean),
        ];
        for g in &s.groups {
            cells.push(g.n.to_string());
            cells.push(decimal(g.mean));
        }
        match s.widest_gap() {
            Some(g) => {
                // The English table keeps the role ids; the Spanish one names the roles.
                let (higher, lower) = match lang {
                    Lang::En => (g.higher.to_string(), g.lower.to_string()),
                    Lang::Es => (role_name(instrument, &g.higher), role_name(instrument, &g.lower)),
                };
                let gap = tr!(lang, "{higher} above {lower}", "{higher} por encima de {lower}");
                cells.push(text_cell(&gap));
                cells.push(hundredths(g.difference));
            }
            None => cells.extend([String::new(), String::new()]),
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
