//! The CSV tables: the statements and answers, and the action plan.

use super::*;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 10] = [
    "domain",
    "statement_id",
    "statement",
    "answer",
    "class",
    "score",
    "national_n",
    "national_same_answer_percent",
    "national_figure",
    "setting",
];

/// A text cell: a leading apostrophe when a spreadsheet would read it as a
/// formula (`=`, `+`, `-`, `@`, tab, carriage return, also after leading
/// spaces), then quoting of any cell holding a separator a spreadsheet might
/// use: `,`, and also `;` (the separator where the decimal mark is a comma,
/// as in Spanish) and tab, so that no separator can split a cell and start
/// a new one with a formula, whichever one the spreadsheet splits on.
pub(crate) fn text_cell(text: &str) -> String {
    let guarded = if text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', ';', '\t', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Every statement in page order with the answer, its class and score and
/// the national figures, as a CSV table: UTF-8 with a byte order mark, CRLF
/// line endings, RFC 4180 quoting, text cells guarded against formula
/// injection. Unanswered statements have empty answer, class and score.
/// `national_same_answer_percent` is filled only when the report gives the
/// share for exactly that answer; `national_figure` holds the report's words;
/// `setting` is `organization` or `context` (docs/scoring.md).
pub fn export_csv(record: &Record, instrument: &Instrument) -> String {
    export_csv_in(record, instrument, Lang::En)
}

/// [`export_csv`] in a language: the column ids stay as they are (they are
/// data keys); answers and classes are labelled in `lang`; domain names,
/// statements and the report's words come from `instrument`, so pass the
/// instrument in the same language ([`Instrument::shipped_in`]).
pub fn export_csv_in(record: &Record, instrument: &Instrument, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for s in instrument.statements() {
        let domain = instrument
            .domain(&s.domain)
            .map_or(s.domain.as_str(), |d| d.name.as_str());
        let answer = record.responses.statement(&s.id);
        let scored = answer.map(|a| score_answer(a, s.polarity));
        let same = match (&s.national, answer) {
            (Some(n), Some(a)) => national_match(n, a).filter(|m| m.scope == MatchScope::SameAnswer),
            _ => None,
        };
        let cells = [
            text_cell(domain),
            text_cell(s.id.as_str()),
            text_cell(&s.text),
            text_cell(answer.map_or("", |a| a.label_in(lang))),
            text_cell(scored.map_or("", |(class, _)| class.label_in(lang))),
            scored.map_or(String::new(), |(_, score)| score.to_string()),
            s.national.as_ref().map_or(String::new(), |n| n.n.to_string()),
            same.map_or(String::new(), |m| m.share.to_string()),
            text_cell(s.national.as_ref().map_or("", |n| n.reported.as_str())),
            instrument.setting_of(s).as_str().to_owned(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The action plan's columns, in order.
pub const ACTION_CSV_COLUMNS: [&str; 6] = ["action", "ta_area", "owner", "due", "status", "notes"];

/// The assessment's action plan as a CSV table, with the same rules as
/// [`export_csv`] (BOM, CRLF, RFC 4180 quoting, formula guard).
pub fn actions_csv(record: &Record, instrument: &Instrument) -> String {
    actions_csv_in(record, instrument, Lang::En)
}

/// [`actions_csv`] in a language: the column ids stay as they are; statuses
/// are labelled in `lang`; TA area names come from `instrument` (pass the
/// instrument in the same language). Titles, owners and notes are the
/// user's own words, written as they are.
pub fn actions_csv_in(record: &Record, instrument: &Instrument, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&ACTION_CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for a in &record.actions {
        let area = a.area.as_ref().map_or(String::new(), |id| {
            instrument
                .ta_area(id)
                .map_or_else(|| id.to_string(), |t| t.name.clone())
        });
        let cells = [
            text_cell(&a.title),
            text_cell(&area),
            text_cell(&a.owner),
            a.due.clone().unwrap_or_default(),
            text_cell(a.status.label_in(lang)),
            text_cell(&a.notes),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
