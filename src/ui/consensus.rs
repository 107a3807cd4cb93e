//! Consensus mode: from the team view, the statements the team disagrees on
//! most come first, and the team records one agreed answer each.

use crate::browser::{self, dom};
use crate::i18n::{lang, t};
use crate::ui::format::statement_text;
use crate::ui::messages::{Message as _, RenameError};
use crate::ui::route::Route;
use crate::ui::state::{instrument, use_library};
use crate::ui::team::team;
use hr_assessment::file;
use hr_assessment::team;
use hr_assessment::{Record, ScaleAnswer};
use leptos::prelude::*;

/// Consensus: the statements with the widest disagreement first; the team
/// records one agreed answer each, saved as a team assessment that scores
/// like any other.
#[component]
pub fn ConsensusPage() -> impl IntoView {
    let library = use_library();
    let tm = team();
    let date = crate::ui::format::today();
    let name = RwSignal::new(crate::tf!("Team consensus, {date}", "Consenso del equipo, {date}"));
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let agreed = tm.agreed.get_untracked();
        if agreed.is_empty() {
            error.set(Some(
                t!(
                    "Record at least one agreed answer first.",
                    "Primero registre al menos una respuesta acordada.",
                )
                .into(),
            ));
            return;
        }
        let title = name.get_untracked();
        // The core's rule for names, as a rename follows it.
        let title = match file::check_name(&title) {
            Ok(title) => title,
            Err(problem @ file::TextProblem::ControlCharacter) => {
                error.set(Some(RenameError::Name(problem).message()));
                return;
            }
            Err(_) => {
                let max = file::MAX_NAME_CHARS;
                error.set(Some(crate::tf!(
                    "Give the team assessment a name of 1 to {max} characters.",
                    "Dé a la evaluación del equipo un nombre de 1 a {max} caracteres."
                )));
                return;
            }
        };
        let mut record = Record::new(instrument(), browser::new_id(), title.to_owned(), browser::now_iso());
        for (item, answer) in agreed {
            record.responses.set_statement(item, answer);
        }
        library.add_imported(record);
        dom::go(&Route::Results.href());
    };
    view! {
        <a class="back-link" href="#/team">{t!("Back to the team view", "Volver a la vista de equipo")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Agree on team answers", "Acordar las respuestas del equipo")}</h1>
        {move || {
            let (report, _) = tm.report.get();
            if report.members == 0 {
                return view! { <p>{t!("Add respondents in the ", "Primero agregue participantes en la ")}<a href="#/team">{t!("team view", "vista de equipo")}</a>{t!(" first.", ".")}</p> }.into_any();
            }
            let order = team::disagreement_order(&report);
            view! {
                <p class="lead">{t!("Talk each statement through and record the answer the team agrees on. The statements where the team disagrees most come first. You can leave any blank.", "Comente cada afirmación con el equipo y registre la respuesta en la que se pongan de acuerdo. Primero aparecen las afirmaciones con más desacuerdo. Puede dejar cualquiera en blanco.")}</p>
                <p class="progress-note">{let total = order.len(); move || { let n = tm.agreed.with(|a| a.len()); crate::tf!("{n} of {total} agreed", "{n} de {total} acordadas") }}</p>
                <form class="section-form" novalidate on:submit=save>
                    {order.iter().filter_map(|id| report.statement(id).cloned()).map(|st| {
                        let id = st.item.clone();
                        let text = statement_text(&id);
                        let spread = ScaleAnswer::ALL
                            .into_iter()
                            .filter(|a| st.counts.get(*a) > 0)
                            .map(|a| format!("{} {}", st.counts.get(a), a.phrase_in(lang())))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let agreement = st.agreement.map(|a| crate::tf!(" Agreement {a}%.", " Acuerdo: {a}%.")).unwrap_or_default();
                        let hint_id = format!("consensus-{id}-hint");
                        view! {
                            <div class="question">
                                <fieldset class="fieldset" aria-describedby=hint_id.clone()>
                                    <legend class="fieldset__legend" id=format!("consensus-{id}-legend")>{text}</legend>
                                    <p class="hint" id=hint_id.clone()>{if spread.is_empty() { t!("No one has answered this yet.", "Todavía nadie ha respondido esta afirmación.").to_owned() } else { crate::tf!("The team said: {spread}.{agreement}", "El equipo respondió: {spread}.{agreement}") }}</p>
                                    <div class="scale">
                                        {ScaleAnswer::ALL.into_iter().map(|answer| {
                                            let input_id = format!("consensus-{id}--{}", answer.as_str());
                                            let label_id = format!("{input_id}-label");
                                            let named_by = format!("{label_id} consensus-{id}-legend");
                                            let item = id.clone();
                                            let item2 = id.clone();
                                            view! {
                                                <div class="scale__option">
                                                    <input type="radio" class="radio" id=input_id.clone() name=format!("consensus-{id}") aria-labelledby=named_by
                                                        prop:checked=move || tm.agreed.with(|a| a.get(&item) == Some(&answer))
                                                        on:change=move |_| tm.agreed.update(|a| { a.insert(item2.clone(), answer); })/>
                                                    <label for=input_id id=label_id>{answer.label_in(lang())}</label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                            </div>
                        }
                    }).collect_view()}
                    <div class="field">
                        <label class="label" for="consensus-name">{t!("Name for the team assessment", "Nombre de la evaluación del equipo")}</label>
                        <input class="input" type="text" id="consensus-name" maxlength=file::MAX_NAME_CHARS spellcheck="false" autocomplete="off" translate="no"
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <div class="button-group">
                        <button type="submit" class="button">{t!("Save as a team assessment and see its results", "Guardar como evaluación del equipo y ver sus resultados")}</button>
                    </div>
                </form>
            }.into_any()
        }}
    }
}
