//! Check your answers: every answer with a Change link that returns to the
//! question and back here, and what is still unanswered.

use crate::i18n::{lang, t};
use crate::ui::route::Route;
use crate::ui::state::{instrument, use_assessment};
use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    let s = use_assessment();
    let i = instrument();
    let last = i
        .sections
        .last()
        .map(|sec| Route::section(&sec.id).href())
        .unwrap_or_else(|| "#/".into());
    let change = |q: &hr_assessment::Question| {
        Route::Section {
            id: q.section().clone(),
            item: Some(q.id().clone()),
            from_check: true,
        }
        .href()
    };
    let summary = move || {
        let (answered, total) = s.record.with(|r| r.responses.progress(i));
        crate::tf!(
            "You have answered {answered} of {total} questions.",
            "Ha respondido {answered} de {total} preguntas."
        )
    };
    let unanswered = move || {
        s.record.with(|r| {
            r.responses
                .unanswered(i)
                .map(|q| (q.id().clone(), q.text().to_owned(), change(q), q.section().clone()))
                .collect::<Vec<_>>()
        })
    };

    // Answers given to an earlier questionnaire version whose statements have
    // changed: kept aside, never counted; each replacing statement needs a
    // fresh answer.
    let fresh = move || {
        s.record.with(|r| {
            hr_assessment::upgrade::needs_fresh_answer(i, &r.retired, &r.responses)
                .into_iter()
                .map(|f| {
                    let statements: Vec<(String, String)> = f
                        .unanswered
                        .iter()
                        .map(|st| {
                            let href = Route::Section {
                                id: st.section.clone(),
                                item: Some(st.id.clone()),
                                from_check: true,
                            }
                            .href();
                            (st.text.clone(), href)
                        })
                        .collect();
                    (f.retired.text.clone(), f.retired.reason.clone(), f.earlier, statements)
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <a class="back-link" href=last>{t!("Back", "Volver")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Check your answers", "Revise sus respuestas")}</h1>
        <p class="lead">{summary}</p>
        <p>
            {t!(
                "Unanswered questions are left out of your results; “I don't know” is counted as something to find out. You can change any answer: you will come straight back here.",
                "Las preguntas sin responder quedan fuera de sus resultados; “No sé” cuenta como algo que hay que averiguar. Puede cambiar cualquier respuesta: volverá directamente aquí."
            )}
        </p>
        {move || {
            let list = fresh();
            (!list.is_empty()).then(|| view! {
                <div class="panel panel--unanswered">
                    <h2>{t!("Statements that need a fresh answer", "Afirmaciones que necesitan una respuesta nueva")}</h2>
                    <p>{t!(
                        "These answers were given to an earlier version of the questionnaire, whose statements have changed since. The earlier answers are kept but not counted: please answer the new statements.",
                        "Estas respuestas se dieron a una versión anterior del cuestionario, cuyas afirmaciones han cambiado. Las respuestas anteriores se conservan, pero no se cuentan: responda las nuevas afirmaciones."
                    )}</p>
                    <ul class="unanswered-list">
                        {list.into_iter().map(|(text, reason, earlier, statements)| {
                            let answer = earlier.label_in(lang());
                            view! {
                                <li>
                                    <p>{crate::tf!("Earlier: “{text}” You answered: {answer}.", "Antes: “{text}” Usted respondió: {answer}.")}</p>
                                    <p class="hint">{crate::tf!("Why it changed: {reason}", "Por qué cambió: {reason}")}</p>
                                    <ul>
                                        {statements.into_iter().map(|(text, href)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        {move || {
            let list = unanswered();
            (!list.is_empty()).then(|| {
                let count = list.len();
                let heading = crate::tf!("Not answered yet ({count})", "Sin responder todavía ({count})");
                let show = if count == 1 {
                    t!("Show the unanswered question", "Mostrar la pregunta sin responder").to_owned()
                } else {
                    crate::tf!("Show the {count} unanswered questions", "Mostrar las {count} preguntas sin responder")
                };
                view! {
                    <div class="panel panel--unanswered">
                        <h2>{heading}</h2>
                        <details open=count <= 12>
                            <summary>{show}</summary>
                            <ul class="unanswered-list">
                                {list.into_iter().map(|(_, text, href, section)| {
                                    let title = i.section(&section).map(|s| s.title.clone()).unwrap_or_default();
                                    view! {
                                        <li><a href=href>{text}</a>" "<span class="hint">{format!("({title})")}</span></li>
                                    }
                                }).collect_view()}
                            </ul>
                        </details>
                    </div>
                }
            })
        }}
        {i.sections.iter().map(|sec| {
            view! {
                <section class="check-section" aria-labelledby=format!("check-{}", sec.id)>
                    <h2 id=format!("check-{}", sec.id)>{sec.title.clone()}</h2>
                    <dl class="summary-list">
                        {i.questions_in(&sec.id).map(|q| {
                            // A statement's answer in the interface language; other
                            // answers are the instrument's own labels.
                            let answer = move || {
                                s.record.with(|r| match q {
                                    hr_assessment::Question::Statement(st) => {
                                        r.responses.statement(&st.id).map(|a| a.label_in(lang()).to_owned())
                                    }
                                    _ => r.responses.describe(i, q),
                                })
                            };
                            let answered = move || answer().is_some();
                            view! {
                                <div class="summary-list__row">
                                    <dt class="summary-list__key">{q.text().to_owned()}</dt>
                                    <dd class="summary-list__value" class:summary-list__value--missing=move || !answered()>
                                        {move || answer().unwrap_or_else(|| t!("Not answered", "Sin responder").to_owned())}
                                    </dd>
                                    <dd class="summary-list__actions">
                                        <a href=change(q)>
                                            {move || if answered() { t!("Change", "Cambiar") } else { t!("Answer", "Responder") }}
                                            <span class="visually-hidden">{format!(" {}", q.text())}</span>
                                        </a>
                                    </dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                </section>
            }
        }).collect_view()}
        <div class="button-group">
            <a class="button" href="#/results">{t!("See your results", "Ver sus resultados")}</a>
        </div>
    }
}
