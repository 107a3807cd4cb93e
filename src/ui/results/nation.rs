//! The answers beside the 2022 national figures: the statements, then the
//! services and partners grids and the choices.

use crate::i18n::{lang, t};
use crate::ui::format::statement_text;
use crate::ui::state::instrument;
use hr_assessment::benchmark::MatchScope;
use hr_assessment::case::Case;
use hr_assessment::{Question, Report, StatementBenchmark};
use leptos::prelude::*;

/// Each survey statement beside the national answers.
#[component]
pub(super) fn Nation(report: Memo<Report>) -> impl IntoView {
    let hr_assessment::instrument::NationalFacts {
        statements,
        n,
        n_assumed,
        ..
    } = instrument().national_facts();
    view! {
        <section class="results-section" aria-labelledby="nation-title">
            <h2 id="nation-title">{t!("Your answers beside the nation", "Sus respuestas junto a las nacionales")}</h2>
            <p>
                {crate::tf!(
                    "{statements} statements come from the 2022 national survey, answered by {n} respondents: people working at mental health and substance use treatment organizations, sometimes several from one organization. ",
                    "{statements} afirmaciones vienen de la encuesta nacional de 2022, que respondieron {n} personas que trabajan en organizaciones de tratamiento de salud mental y de uso de sustancias, a veces varias de una misma organización. "
                )}
                {crate::tf!(
                    "The report gives n = {n} for its organizational and community figures; for the {n_assumed} law, policy and funding figures it gives no n, and {n} is assumed. ",
                    "El informe da n = {n} para sus cifras sobre la organización y la comunidad; para las {n_assumed} cifras sobre leyes, políticas y financiamiento no da ninguna n, y se supone {n}. "
                )}
                {t!("Most respondents were in leadership roles, so the national figures describe leaders' views.", "La mayoría de quienes respondieron ocupaban puestos de liderazgo, así que las cifras nacionales describen la opinión de líderes.")}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t!("Your answers and the national answers", "Sus respuestas y las respuestas nacionales")>
                <table class="table table--nation">
                    <caption class="visually-hidden">{crate::tf!("Your answers and the national answers (n = {n})", "Sus respuestas y las respuestas nacionales (n = {n})")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Statement", "Afirmación")}</th>
                        <th scope="col">{t!("You", "Usted")}</th>
                        <th scope="col">{crate::tf!("Nationally (n = {n})", "A nivel nacional (n = {n})")}</th>
                    </tr></thead>
                    <tbody>
                        {super::kept_rows(report, |r| r.statements.len(), |r, k| r.statements.get(k).cloned(), |b: &StatementBenchmark| {
                            let you = b.answer.map(|a| a.label_in(lang()).to_owned()).unwrap_or_else(|| t!("Not answered", "Sin responder").to_owned());
                            let same = b.matched.map(|m| {
                                let what = match m.scope {
                                    MatchScope::SameAnswer => t!("gave the same answer", "dio la misma respuesta"),
                                    MatchScope::AgreeSide => t!("agreed (strongly or somewhat)", "está de acuerdo (muy o algo)"),
                                    MatchScope::DisagreeSide => t!("disagreed (strongly or somewhat)", "está en desacuerdo (muy o algo)"),
                                };
                                let share = m.share_in(lang());
                                let text = format!("{share} {what}.");
                                text.upper_first()
                            });
                            view! {
                                <tr>
                                    <th scope="row" class="table__statement">{statement_text(&b.item)}</th>
                                    <td>{you}</td>
                                    <td>
                                        {same.map(|s| view! { <strong class="same-answer">{s}</strong><br/> })}
                                        <span class="hint">{b.national.reported.clone()}</span>
                                        {b.national.note.clone().map(|note| view! { <br/><span class="hint">{note}</span> })}
                                    </td>
                                </tr>
                            }
                        })}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The services and partners grids and the choices: they change only with
/// the answers to those questions.
#[component]
pub(super) fn ServicesAndPartners(report: Memo<Report>) -> impl IntoView {
    let i = instrument();
    let grids = Memo::new(move |_| report.with(|r| r.grids.clone()));
    let choices = Memo::new(move |_| report.with(|r| r.choices.clone()));
    view! {
        <section class="results-section" aria-labelledby="services-title">
            <h2 id="services-title">{t!("Services and partners beside the nation", "Servicios y aliados junto a las cifras nacionales")}</h2>
            <p class="hint">{t!("A dash means the 2022 report gives no figure for that cell.", "Un guion significa que el informe de 2022 no da ninguna cifra para esa celda.")}</p>
            {move || grids.with(|grids| grids.iter().map(|g| {
                let Some(Question::Grid(grid)) = i.question(&g.question) else { return ().into_any() };
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=grid.text.clone()>
                        <table class="table table--grid">
                            <caption>{grid.text.clone()}</caption>
                            <thead><tr>
                                <th scope="col">{grid.row_header.clone()}</th>
                                <th scope="col">{t!("You", "Usted")}</th>
                                {grid.columns.iter().map(|c| view! {
                                    <th scope="col" class="num num--wrap">{let label = &c.label; crate::tf!("{label}: share nationally", "{label}: porcentaje nacional")}{c.n.map(|n| format!(" (n = {n})"))}</th>
                                }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {g.rows.iter().zip(&grid.rows).map(|(row, def)| {
                                    let yours: Vec<String> = row.cells.iter().filter(|c| c.yours).filter_map(|c| grid.columns.iter().find(|col| col.id == c.column).map(|col| col.label.clone())).collect();
                                    view! {
                                        <tr>
                                            <th scope="row">{def.label.clone()}</th>
                                            <td>{if yours.is_empty() { "—".to_owned() } else { yours.join("; ") }}</td>
                                            {row.cells.iter().map(|c| view! {
                                                <td class="num" class:cell--yours=c.yours>{c.national.map(|v| format!("{v}%")).unwrap_or_else(|| "–".to_owned())}</td>
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {grid.rows.iter().filter_map(|r| Some((r.label.clone(), r.note.clone()?))).map(|(label, note)| view! {
                        <p class="hint">{format!("{label}: {note}")}</p>
                    }).collect_view()}
                }.into_any()
            }).collect_view())}
            {move || choices.with(|choices| choices.iter().map(|c| {
                let Some(q) = i.question(&c.question) else { return ().into_any() };
                let options = i.list_options(q);
                let label = |id: &hr_assessment::OptionId| options.iter().find(|(o, _)| o == id).map(|(_, l)| l.clone()).unwrap_or_default();
                let yours = if c.yours.is_empty() { t!("not answered", "sin responder").to_owned() } else { c.yours.iter().map(label).collect::<Vec<_>>().join(", ").lower() };
                let nation = c.options.iter().filter_map(|(o, share)| share.map(|s| { let option = label(o).lower(); format!("{s}% {option}") })).collect::<Vec<_>>().join(", ");
                let n = c.n;
                view! {
                    <h3>{q.text().to_owned()}</h3>
                    <p>{crate::tf!("You: {yours}. Nationally: {nation} (n = {n}).", "Usted: {yours}. A nivel nacional: {nation} (n = {n}).")}</p>
                }.into_any()
            }).collect_view())}
        </section>
    }
}
