//! The recommendations: ranked TA areas with the answers behind each, what
//! to find out first, and the ways of receiving help.

use crate::i18n::{lang, t};
use crate::ui::format::statement_text;
use crate::ui::format::{class_phrase, points_unit};
use crate::ui::state::instrument;
use hr_assessment::{Evidence, ItemId, OptionId, Report};
use leptos::prelude::*;

/// A service's or partner's label, as the questionnaire words it.
fn row_label(question: &ItemId, row: &OptionId) -> String {
    instrument()
        .grid_row(question, row)
        .map_or_else(|| row.to_string(), |r| r.label.clone())
}

fn evidence_line(e: &Evidence) -> String {
    match e {
        Evidence::Statement {
            item,
            answer,
            class,
            strength,
            points,
        } => {
            let (text, answer, class) = (
                statement_text(item),
                answer.phrase_in(lang()),
                class_phrase(*class, *strength),
            );
            let unit = points_unit(*points);
            crate::tf!(
                "“{text}” — you answered {answer}: {class} ({points} {unit})",
                "“{text}”: respondió “{answer}”, {class} ({points} {unit})"
            )
        }
        Evidence::Plan { question, row, points } => {
            let label = row_label(question, row);
            let unit = points_unit(*points);
            crate::tf!(
                "You plan: {label} ({points} {unit})",
                "Tiene previsto: {label} ({points} {unit})"
            )
        }
        Evidence::Missing { question, row, points } => {
            let label = row_label(question, row);
            let unit = points_unit(*points);
            crate::tf!(
                "A core service you neither provide nor plan: {label} ({points} {unit})",
                "Un servicio básico que no ofrece ni tiene previsto: {label} ({points} {unit})"
            )
        }
        Evidence::Chosen { points } => {
            let unit = points_unit(*points);
            crate::tf!(
                "You chose this TA area yourself ({points} {unit})",
                "Usted eligió esta área de asistencia técnica ({points} {unit})"
            )
        }
    }
}

/// The ranked TA areas, then what to find out first. An answer changes a
/// few areas' figures and perhaps the order: the areas it did not change
/// stay drawn (and move, if the order changed).
#[component]
pub(super) fn TaAreas(report: Memo<Report>) -> impl IntoView {
    let i = instrument();
    let areas = Memo::new(move |_| report.with(|r| r.ta_areas.clone()));
    let none = Memo::new(move |_| areas.with(Vec::is_empty));
    let find_out = Memo::new(move |_| report.with(|r| r.find_out.clone()));
    view! {
        <section class="results-section" aria-labelledby="ta-title">
            <h2 id="ta-title">{t!("Recommended technical assistance", "Asistencia técnica recomendada")}</h2>
            {move || if none.get() {
                view! { <p>{t!("None of your answers points to a need for technical assistance: no barriers and no “I don't know”.", "Ninguna de sus respuestas indica una necesidad de asistencia técnica: no hay barreras ni respuestas “No sé”.")}</p> }.into_any()
            } else {
                view! {
                    <p>{
                        let th = &instrument().scoring;
                        let (strong, barrier, unknown) = (th.points_strong_barrier, th.points_somewhat_barrier, th.points_unknown);
                        crate::tf!(
                            "Ranked by need: the points behind each TA area (a strong barrier {strong}, a barrier {barrier}, an “I don't know” {unknown}, a facilitator 0) as a share of the most its answers could give ({strong} for each answered statement), so a TA area does not rise just because more statements point to it. Ties go to what more respondents asked for nationally.",
                            "Ordenadas según la necesidad: los puntos detrás de cada área de asistencia técnica (una barrera fuerte {strong}; una barrera, {barrier}; un “No sé”, {unknown}; un facilitador, 0) como parte del máximo que podrían dar sus respuestas ({strong} por cada afirmación respondida), así que un área de asistencia técnica no sube solo porque más afirmaciones apuntan a ella. En caso de empate, va primero lo que más personas encuestadas pidieron a nivel nacional."
                        )
                    }</p>
                    <ol class="ta-list">
                        <For each=move || areas.get() key=|rec| rec.clone() let:rec>{{
                            let area = i.ta_area(&rec.area);
                            let name = area.map(|a| a.name.clone()).unwrap_or_default();
                            let summary = area.map(|a| a.summary.clone()).unwrap_or_default();
                            let (need, points, possible) = (rec.need, rec.points, rec.possible);
                            let mut facts = vec![crate::tf!(
                                "need {need}%: {points} of {possible} possible points",
                                "necesidad: {need}%, {points} de {possible} puntos posibles"
                            )];
                            let (barriers, unknowns) = (rec.barriers(), rec.unknowns());
                            if barriers == 1 {
                                facts.push(crate::tf!("{barriers} barrier", "{barriers} barrera"));
                            } else if barriers > 1 {
                                facts.push(crate::tf!("{barriers} barriers", "{barriers} barreras"));
                            }
                            if unknowns > 0 {
                                facts.push(crate::tf!("{unknowns} “I don't know”", "{unknowns} “No sé”"));
                            }
                            let national = match area.and_then(|a| a.national) {
                                Some(n) => {
                                    let (share, n) = (n.share, n.n);
                                    crate::tf!(
                                        "Nationally {share}% of respondents said this would help their organization most (n = {n}).",
                                        "A nivel nacional, el {share}% de las personas encuestadas dijo que esto sería lo que más ayudaría a su organización (n = {n})."
                                    )
                                }
                                None => t!(
                                    "The 2022 report gives no national figure for this TA area.",
                                    "El informe de 2022 no da ninguna cifra nacional para esta área de asistencia técnica.",
                                )
                                .to_owned(),
                            };
                            let why = match rec.evidence.len() {
                                1 => t!("Why: the answer behind this", "Por qué: la respuesta que lleva a esto").to_owned(),
                                count => crate::tf!("Why: the {count} answers behind this", "Por qué: las {count} respuestas que llevan a esto"),
                            };
                            view! {
                                <li class="ta-list__item">
                                    <h3 class="ta-list__name" id=format!("ta-{}", rec.area) tabindex="-1">{name}</h3>
                                    <p>{summary}</p>
                                    <p class="ta-list__facts">{facts.join(" · ")}". "{national}</p>
                                    <details class="details">
                                        <summary>{why}</summary>
                                        <ul>
                                            {rec.evidence.iter().map(|e| view! { <li>{evidence_line(e)}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                </li>
                            }
                        }}</For>
                    </ol>
                }.into_any()
            }}
            {move || find_out.with(|find_out| (!find_out.is_empty()).then(|| view! {
                <h3 id="find-out-title" tabindex="-1">{t!("Find out first", "Primero, averigüe")}</h3>
                <p>{t!("In these domains fewer than half of the statements have a known answer: the rest were answered “I don't know” or skipped. That is worth knowing: find out before deciding what to change.", "En estos dominios, menos de la mitad de las afirmaciones tiene una respuesta conocida: las demás se respondieron con “No sé” o quedaron sin responder. Es bueno saberlo: averigüe antes de decidir qué cambiar.")}</p>
                <ul class="find-out">
                    {find_out.iter().map(|f| {
                        let d = i.domain(&f.domain);
                        view! {
                            <li>
                                <strong>{d.map(|d| d.name.clone()).unwrap_or_default()}</strong>
                                {let (open, total) = (f.items.len(), f.total); crate::tf!(": {open} of {total} statements without a known answer. ", ": {open} de {total} afirmaciones sin respuesta conocida. ")}
                                {d.map(|d| d.find_out.clone()).unwrap_or_default()}
                                <ul>{f.items.iter().map(|item| view! { <li>{statement_text(item)}</li> }).collect_view()}</ul>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }))}
        </section>
    }
}

#[component]
pub(super) fn Modalities(report: Memo<Report>) -> impl IntoView {
    let i = instrument();
    let modalities = Memo::new(move |_| report.with(|r| r.modalities.clone()));
    view! {
        <section class="results-section" aria-labelledby="modalities-title">
            <h2 id="modalities-title">{t!("Ways of receiving help that suit you", "Formas de recibir ayuda que le convienen")}</h2>
            <p>{
                let n = i.national_facts().modalities_n.unwrap_or(0);
                crate::tf!(
                    "Your own top three come first, adjusted for the constraints you named; then what respondents preferred nationally (n = {n}).",
                    "Primero van sus tres preferidas, ajustadas según las limitaciones que indicó; después, lo que prefirieron las personas encuestadas a nivel nacional (n = {n})."
                )
            }</p>
            <ol class="modality-list">
                {move || modalities.with(|modalities| modalities.iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! {
                        <li class:modality-list__item--chosen=m.chosen>
                            <strong id=format!("way-{}", m.modality) tabindex="-1">{name}</strong>
                            <br/>
                            <span class="hint">{m.reason_line_in(i, lang())}</span>
                        </li>
                    }
                }).collect_view())}
            </ol>
        </section>
    }
}
