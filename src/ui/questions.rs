//! One component per kind of question. Each reads its answer from the
//! open assessment and writes changes back through [`Assessment::answer`], which saves.
//!
//! [`Assessment::answer`]: crate::ui::state::Assessment::answer

use crate::i18n::{lang, t};
use crate::ui::state::{brief_instrument, use_assessment};
use hr_assessment::instrument::{Grid, ListPick, Statement};
use hr_assessment::{OptionId, Question, ScaleAnswer};
use leptos::prelude::*;

/// Renders any question.
#[component]
pub fn QuestionView(question: &'static Question) -> impl IntoView {
    match question {
        Question::Statement(s) => view! { <StatementQuestion statement=s/> }.into_any(),
        Question::SingleChoice(_) => {
            view! { <OptionsQuestion question=question options=options(question) multiple=false max=None/> }.into_any()
        }
        Question::MultiChoice(c) => {
            view! { <OptionsQuestion question=question options=options(question) multiple=true max=c.max/> }.into_any()
        }
        Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => {
            view! { <ListQuestion question=question pick=l/> }.into_any()
        }
        Question::Grid(g) => view! { <GridQuestion grid=g/> }.into_any(),
    }
}

/// A statement with the five answers as radios, none preselected, and a way
/// to clear an answer (skipping is always allowed).
#[component]
pub fn StatementQuestion(statement: &'static Statement) -> impl IntoView {
    let s = use_assessment();
    let id = &statement.id;
    let hint_id = format!("{id}-hint");
    let legend_id = format!("{id}-legend");
    let current = move || s.record.with(|r| r.responses.statement(&statement.id));
    view! {
        <div class="question" id=format!("q-{id}")>
            <fieldset class="fieldset" aria-describedby=statement.hint.as_ref().map(|_| hint_id.clone())>
                <legend class="fieldset__legend" id=legend_id.clone()>{statement.text.clone()}</legend>
                {statement.hint.clone().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <div class="scale">
                    {ScaleAnswer::ALL.into_iter().map(|answer| {
                        let input_id = format!("{id}--{}", answer.as_str());
                        let label_id = format!("{input_id}-label");
                        // The radio's name is its answer and then its
                        // statement, so it is unambiguous wherever a screen
                        // reader lists it (not only inside its group).
                        let named_by = format!("{label_id} {legend_id}");
                        view! {
                            <div class="scale__option" class:scale__option--dont-know=answer == ScaleAnswer::DontKnow>
                                <input
                                    type="radio"
                                    class="radio"
                                    id=input_id.clone()
                                    aria-labelledby=named_by
                                    name=id.to_string()
                                    value=answer.as_str()
                                    prop:checked=move || current() == Some(answer)
                                    on:change=move |_| s.answer(|r| r.set_statement(statement.id.clone(), answer))
                                />
                                <label for=input_id id=label_id>{answer.label_in(lang())}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                {move || current().map(|_| view! {
                    <button type="button" class="link-button clear-answer" on:click=move |_| s.answer(|r| r.clear(&statement.id))>
                        {t!("Clear this answer", "Borrar esta respuesta")}<span class="visually-hidden">{format!(" ({})", statement.text)}</span>
                    </button>
                })}
            </fieldset>
        </div>
    }
}

/// A choice's options, with the TA areas' and modalities' descriptions
/// as hints (the first screen draws the same: `first::markup::options_of`).
fn options(question: &'static Question) -> Vec<(OptionId, String, Option<String>)> {
    crate::first::markup::options_of(brief_instrument(), question)
}

/// A pick from the instrument's own lists (TA areas, modalities,
/// constraints), with each option's description as its hint.
#[component]
fn ListQuestion(question: &'static Question, pick: &'static ListPick) -> impl IntoView {
    view! { <OptionsQuestion question=question options=options(question) multiple=true max=pick.max/> }
}

#[component]
fn OptionsQuestion(
    question: &'static Question,
    options: Vec<(OptionId, String, Option<String>)>,
    multiple: bool,
    max: Option<u8>,
) -> impl IntoView {
    let s = use_assessment();
    let qid = question.id();
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{qid}-error");
    let hint_id = format!("{qid}-hint");
    let described = {
        let mut ids = Vec::new();
        if question.hint().is_some() {
            ids.push(hint_id.clone());
        }
        ids.push(error_id.clone());
        ids.join(" ")
    };
    view! {
        <div class="question" id=format!("q-{qid}") class:question--error=move || error.get().is_some()>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend">{question.text().to_owned()}</legend>
                {question.hint().map(|h| view! { <p class="hint" id=hint_id.clone()>{h.to_owned()}</p> })}
                <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
                <div class="options" class:options--checkboxes=multiple>
                    {options.into_iter().map(|(oid, label, hint)| {
                        let input_id = format!("{qid}--{oid}");
                        let opt_hint_id = format!("{input_id}-hint");
                        let checked = {
                            let oid = oid.clone();
                            move || s.record.with(|r| r.responses.chosen(qid).contains(&oid))
                        };
                        let on_change = {
                            let oid = oid.clone();
                            move |ev: leptos::ev::Event| {
                                let on = event_target_checked(&ev);
                                if multiple {
                                    let mut refused = None;
                                    s.answer(|r| {
                                        if let Err(e) = r.set_multi(qid.clone(), oid.clone(), on, max) {
                                            refused = Some(e.0);
                                        }
                                    });
                                    error.set(refused.map(|m| {
                                        crate::tf!(
                                            "You can choose up to {m}. Uncheck one to choose another.",
                                            "Puede elegir hasta {m} opciones. Desmarque una para elegir otra."
                                        )
                                    }));
                                    if refused.is_some() {
                                        // Undo the tick the browser made.
                                        if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                            input.set_checked(false);
                                        }
                                    }
                                } else {
                                    s.answer(|r| r.set_single(qid.clone(), oid.clone()));
                                }
                            }
                        };
                        view! {
                            <div class="option">
                                <input
                                    type=if multiple { "checkbox" } else { "radio" }
                                    class=if multiple { "checkbox" } else { "radio" }
                                    id=input_id.clone()
                                    name=qid.to_string()
                                    value=oid.to_string()
                                    aria-describedby=hint.as_ref().map(|_| opt_hint_id.clone())
                                    prop:checked=checked
                                    on:change=on_change
                                />
                                <label for=input_id>{label}</label>
                                {hint.map(|h| view! { <p class="hint option__hint" id=opt_hint_id>{h}</p> })}
                            </div>
                        }
                    }).collect_view()}
                </div>
                {move || (!multiple && s.record.with(|r| !r.responses.chosen(qid).is_empty())).then(|| view! {
                    <button type="button" class="link-button clear-answer" on:click=move |_| s.answer(|r| r.clear(qid))>
                        {t!("Clear this answer", "Borrar esta respuesta")}<span class="visually-hidden">{format!(" ({})", question.text())}</span>
                    </button>
                })}
            </fieldset>
        </div>
    }
}

/// Services or partners: one group of tick boxes per row.
#[component]
fn GridQuestion(grid: &'static Grid) -> impl IntoView {
    let s = use_assessment();
    let gid = &grid.id;
    let hint_id = format!("{gid}-hint");
    view! {
        <div class="question question--grid" id=format!("q-{gid}")>
            <h2 class="question__title">{grid.text.clone()}</h2>
            {grid.hint.clone().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <div class="grid-rows">
                {grid.rows.iter().map(|row| {
                    view! {
                        <fieldset class="fieldset grid-row">
                            <legend class="grid-row__label">{row.label.clone()}</legend>
                            <div class="grid-row__cells">
                                {grid.columns.iter().map(|col| {
                                    let input_id = format!("{gid}--{}--{}", row.id, col.id);
                                    view! {
                                        <div class="option option--inline">
                                            <input
                                                type="checkbox"
                                                class="checkbox"
                                                id=input_id.clone()
                                                prop:checked=move || s.record.with(|r| r.responses.cell(&grid.id, &row.id, &col.id))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    s.answer(|r| r.set_cell(grid.id.clone(), row.id.clone(), col.id.clone(), on));
                                                }
                                            />
                                            <label for=input_id>{col.label.clone()}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
            </div>
        </div>
    }
}
