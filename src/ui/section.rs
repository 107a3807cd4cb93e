//! A question page: one section of the instrument, with its progress, its
//! questions, and Back / Continue that never lose answers (every answer is
//! saved the moment it is given).

use crate::browser::dom;
use crate::i18n::t;
use crate::ui::questions::QuestionView;
use crate::ui::route::Route;
use crate::ui::state::{brief_instrument, use_assessment};
use crate::ui::SaveStatus;
use hr_assessment::instrument::Section;
use leptos::prelude::*;

#[component]
pub fn SectionPage(section: &'static Section, from_check: bool) -> impl IntoView {
    let s = use_assessment();
    let i = brief_instrument();
    s.visit(&section.id);

    let index = i.section_index(&section.id).unwrap_or(0);
    let total = i.sections.len();
    let back = if from_check {
        Route::Check.href()
    } else if index == 0 {
        Route::Start.href()
    } else {
        Route::section(&i.sections[index - 1].id).href()
    };
    let next = if from_check || index + 1 == total {
        Route::Check.href()
    } else {
        Route::section(&i.sections[index + 1].id).href()
    };
    let submit_label = if from_check {
        t!(
            "Save and return to check your answers",
            "Guardar y volver a revisar sus respuestas",
        )
    } else if index + 1 == total {
        t!("Save and check your answers", "Guardar y revisar sus respuestas")
    } else {
        t!("Save and continue", "Guardar y continuar")
    };
    let progress = move || {
        let (answered, total) = s.record.with(|r| r.responses.progress_in(i, &section.id));
        crate::tf!(
            "{answered} of {total} answered on this page",
            "{answered} de {total} respondidas en esta página"
        )
    };
    let is_domain = section.domain.is_some();
    let on_submit = {
        let next = next.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            dom::go(&next);
        }
    };

    let n = index + 1;
    let position = crate::tf!("Section {n} of {total}", "Sección {n} de {total}");

    view! {
        <a class="back-link" href=back>{t!("Back", "Volver")}</a>
        <p class="caption">{position}</p>
        <h1 id="page-heading" tabindex="-1">{section.title.clone()}</h1>
        <p class="lead">{section.intro.clone()}</p>
        {is_domain.then(|| view! {
            <p class="hint scale-help">
                {t!(
                    "Choose the answer closest to how things are now. “I don't know” is a useful answer: it counts as something to find out, never as a barrier. You can skip any statement.",
                    "Elija la respuesta que más se acerque a cómo están las cosas ahora. “No sé” es una respuesta útil: cuenta como algo que hay que averiguar, nunca como una barrera. Puede saltarse cualquier afirmación."
                )}
            </p>
        })}
        <p class="progress-note">{progress}</p>
        <SaveStatus/>
        <form class="section-form" novalidate on:submit=on_submit>
            {i.questions_in(&section.id).map(|q| view! { <QuestionView question=q/> }).collect_view()}
            <div class="button-group">
                <button type="submit" class="button">{submit_label}</button>
                {(!from_check).then(|| view! { <a class="button button--secondary" href="#/check">{t!("Check your answers", "Revisar sus respuestas")}</a> })}
            </div>
        </form>
        <SectionNav current=section.id.as_str()/>
    }
}

/// Every section with how much of it is answered, to jump around.
#[component]
fn SectionNav(current: &'static str) -> impl IntoView {
    let s = use_assessment();
    let i = brief_instrument();
    view! {
        <nav class="section-nav" aria-labelledby="section-nav-title">
            <h2 id="section-nav-title" class="section-nav__title">{t!("All sections", "Todas las secciones")}</h2>
            <ol class="section-nav__list">
                {i.sections.iter().map(|sec| {
                    let here = sec.id.as_str() == current;
                    let count = move || {
                        let (answered, total) = s.record.with(|r| r.responses.progress_in(i, &sec.id));
                        crate::tf!("{answered} of {total} answered", "{answered} de {total} respondidas")
                    };
                    view! {
                        <li class="section-nav__item">
                            <a href=Route::section(&sec.id).href() aria-current=here.then_some("page")>{sec.title.clone()}</a>
                            <span class="section-nav__count">{count}</span>
                        </li>
                    }
                }).collect_view()}
                <li class="section-nav__item"><a href="#/check">{t!("Check your answers", "Revisar sus respuestas")}</a></li>
            </ol>
        </nav>
    }
}
