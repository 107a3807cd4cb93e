//! Words and numbers several pages show the same way: a signed mean, a
//! statement's text, a role's label. Kept apart so that pages never import
//! each other for them.

use crate::ui::state::instrument;
use hr_assessment::team;
use hr_assessment::ItemId;

/// A mean in hundredths with its sign, as on the results page: "+1.50", "−0.33".
pub fn signed_mean(hundredths: i32) -> String {
    let digits = team::format_hundredths(hundredths.abs());
    match hundredths {
        0 => digits,
        h if h > 0 => format!("+{digits}"),
        _ => format!("\u{2212}{digits}"),
    }
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
