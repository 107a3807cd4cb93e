//! Words several pages show the same way: a statement's text, a role's
//! label. Kept apart so that pages never import each other for them. (The
//! numbers are written by the core's `hr_assessment::numbers`.)

use crate::i18n::lang;
use crate::ui::state::instrument;
use hr_assessment::team;
use hr_assessment::ItemId;

/// A date and time from an ISO timestamp, in the interface language
/// ("21 November 2026, 14:05").
pub fn timestamp(iso: &str) -> String {
    crate::browser::format_timestamp(iso, lang())
}

/// Today, in the interface language ("21 November 2026").
pub fn today() -> String {
    crate::browser::today_label(lang())
}

pub fn statement_text(id: &ItemId) -> String {
    instrument()
        .question(id)
        .map(|q| q.text().to_owned())
        .unwrap_or_else(|| id.to_string())
}

pub fn role_label(id: &hr_assessment::OptionId) -> String {
    let i = instrument();
    i.question(&ItemId::new(team::ROLE_QUESTION))
        .map(|q| i.list_options(q))
        .and_then(|opts| opts.into_iter().find(|(o, _)| o == id).map(|(_, l)| l))
        .unwrap_or_else(|| id.to_string())
}

/// A short role name for table headings: the label up to its first bracket.
pub fn short_role(id: &hr_assessment::OptionId) -> String {
    let label = role_label(id);
    label.split(" (").next().unwrap_or(&label).to_owned()
}
