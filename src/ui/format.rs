//! Words several pages show the same way: a statement's text, a role's
//! label, a balance, a domain's name within a reading, a reading's headline,
//! how an answer counts. Kept apart so that pages never import each other for them. (The
//! numbers are written by the core's `hr_assessment::numbers`.)

use crate::i18n::{lang, t};
use crate::ui::state::brief_instrument;
use hr_assessment::numbers::signed;
use hr_assessment::team;
use hr_assessment::{Class, ItemId, Reading, Setting, Stage};

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
    brief_instrument()
        .question(id)
        .map(|q| q.text().to_owned())
        .unwrap_or_else(|| id.to_string())
}

pub fn role_label(id: &hr_assessment::OptionId) -> String {
    let i = brief_instrument();
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

/// "point" or "points" ("punto", "puntos") for a count.
pub fn points_unit(n: u32) -> &'static str {
    if n == 1 {
        t!("point", "punto")
    } else {
        t!("points", "puntos")
    }
}

/// A balance or "none" when the domain has no known answers.
pub fn balance_text(b: Option<i32>) -> String {
    b.map(signed).unwrap_or_else(|| t!("none", "sin datos").to_owned())
}

pub fn domain_name(id: &hr_assessment::DomainId) -> String {
    brief_instrument()
        .domain(id)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// A domain's name within a reading: with the setting where the domain's
/// statements are split between the organization and its context
/// ("Funding (in your organization)", "Funding (outside your
/// organization)").
pub fn part_name(id: &hr_assessment::DomainId, setting: Setting) -> String {
    let i = brief_instrument();
    let name = domain_name(id);
    let mut settings = i.statements_in(id).map(|s| i.setting_of(s));
    let first = settings.next();
    if settings.all(|s| Some(s) == first) {
        return name;
    }
    match setting {
        Setting::Organization => crate::tf!("{name} (in your organization)", "{name} (en su organización)"),
        Setting::Context => crate::tf!(
            "{name} (outside your organization)",
            "{name} (fuera de su organización)"
        ),
    }
}

pub fn names(reading: &Reading, ids: &[hr_assessment::DomainId]) -> String {
    ids.iter()
        .map(|d| part_name(d, reading.setting))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reading in plain words.
pub fn reading_headline(reading: &Reading) -> String {
    let weakest = reading
        .weakest
        .as_ref()
        .map(|w| part_name(w, reading.setting))
        .unwrap_or_default();
    match (reading.setting, reading.stage) {
        (Setting::Organization, Stage::Barrier) => crate::tf!(
            "{weakest} is holding your organization back.",
            "Lo que más frena a su organización: {weakest}."
        ),
        (Setting::Organization, Stage::Mixed) => crate::tf!(
            "Your organization is partly ready. {weakest} is the weakest domain.",
            "Su organización está preparada en parte. El dominio más débil es {weakest}."
        ),
        (Setting::Organization, Stage::Facilitator) => crate::tf!(
            "Your organization looks ready in every domain with enough answers. {weakest} is the least strong.",
            "Su organización parece preparada en todos los dominios con suficientes respuestas. El dominio menos fuerte es {weakest}."
        ),
        (Setting::Organization, Stage::NotAssessed) => t!(
            "There are not enough answers about your organization itself to say: find out first.",
            "No hay suficientes respuestas sobre su propia organización para decirlo: primero, averigüe.",
        )
        .to_owned(),
        (Setting::Context, Stage::Barrier) => {
            let list = names(reading, &reading.barriers);
            crate::tf!(
                "Around your organization, these work against it: {list}.",
                "En el entorno de su organización, esto juega en contra: {list}."
            )
        }
        (Setting::Context, Stage::Mixed) => crate::tf!(
            "Its context is mixed. {weakest} is the least favorable: plan for it.",
            "Su entorno es mixto. Lo menos favorable es {weakest}: téngalo en cuenta al planificar."
        ),
        (Setting::Context, Stage::Facilitator) => crate::tf!(
            "Its context helps. {weakest} is the least favorable.",
            "Su entorno ayuda. Lo menos favorable es {weakest}."
        ),
        (Setting::Context, Stage::NotAssessed) => t!(
            "There are not enough answers about its context (law, community, payers) to say.",
            "No hay suficientes respuestas sobre su entorno (leyes, comunidad, pagadores) para decirlo.",
        )
        .to_owned(),
    }
}

/// How one answer counts, in words ("strong barrier").
pub fn class_phrase(class: Class, strength: u32) -> &'static str {
    match (class, strength) {
        (Class::Facilitator, 2) => t!("strong facilitator", "facilitador fuerte"),
        (Class::Facilitator, _) => t!("facilitator", "facilitador"),
        (Class::Barrier, 2) => t!("strong barrier", "barrera fuerte"),
        (Class::Barrier, _) => t!("barrier", "barrera"),
        (Class::Unknown, _) => t!("to find out", "por averiguar"),
    }
}
