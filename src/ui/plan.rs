//! The action plan: turn recommendations into actions with an owner, a due
//! date, a status and notes, kept with the assessment (saved, exported and
//! printed with it). The core checks every action before it is saved.

use crate::browser::{self, dom};
use crate::i18n::{lang, t};
use crate::ui::state::{instrument, use_assessment};
use hr_assessment::{Action, ActionStatus, TaAreaId};
use leptos::prelude::*;

/// The form's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    /// Editing this action id; `None` for a new one.
    id: Option<String>,
    title: String,
    area: String,
    owner: String,
    due: String,
    status: ActionStatus,
    notes: String,
}

impl Draft {
    fn from_action(a: &Action) -> Draft {
        Draft {
            id: Some(a.id.clone()),
            title: a.title.clone(),
            area: a.area.as_ref().map(ToString::to_string).unwrap_or_default(),
            owner: a.owner.clone(),
            due: a.due.clone().unwrap_or_default(),
            status: a.status,
            notes: a.notes.clone(),
        }
    }

    fn to_action(&self) -> Action {
        let mut a = Action::new(
            self.id.clone().unwrap_or_else(browser::new_id),
            self.title.trim().to_owned(),
        );
        a.area = (!self.area.is_empty()).then(|| TaAreaId::new(self.area.clone()));
        a.owner = self.owner.trim().to_owned();
        a.due = (!self.due.is_empty()).then(|| self.due.clone());
        a.status = self.status;
        a.notes = self.notes.clone();
        a
    }
}

fn area_name(id: &Option<TaAreaId>) -> String {
    id.as_ref()
        .and_then(|a| instrument().ta_area(a))
        .map(|a| a.name.clone())
        // "General" is the same word in Spanish.
        .unwrap_or_else(|| "General".to_owned())
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let s = use_assessment();
    let i = instrument();
    let draft = RwSignal::new(None::<Draft>);
    let download_failed = RwSignal::new(None::<String>);
    // (field, message)
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    // The ranked TA areas, scored again only when the answers change (not
    // at every change of the plan, which is in the same record).
    let responses = Memo::new(move |_| s.record.with(|r| r.responses.clone()));
    let ta_areas = Memo::new(move |_| responses.with(|r| hr_assessment::assess(instrument(), r).ta_areas));

    let start = move |area: Option<TaAreaId>| {
        errors.set(Vec::new());
        draft.set(Some(Draft {
            area: area.map(|a| a.to_string()).unwrap_or_default(),
            ..Draft::default()
        }));
        dom::after_render(|| {
            dom::focus_id("action-title");
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = draft.get_untracked() else { return };
        let action = d.to_action();
        let problems = action.problems(i);
        if !problems.is_empty() {
            errors.set(
                problems
                    .iter()
                    .map(|p| (p.field().to_owned(), p.message(lang())))
                    .collect(),
            );
            dom::after_render(|| {
                dom::focus_id("action-errors");
            });
            return;
        }
        match s.save_action(action) {
            Ok(()) => {
                draft.set(None);
                errors.set(Vec::new());
            }
            Err(problems) => {
                let message = problems.iter().map(|p| p.message(lang())).collect::<Vec<_>>().join(" ");
                errors.set(vec![("title".to_owned(), message)]);
            }
        }
    };
    let error_for =
        move |field: &'static str| move || errors.with(|e| e.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()));

    view! {
        <a class="back-link" href="#/results">{t!("Back to your results", "Volver a sus resultados")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Action plan", "Plan de acción")}</h1>
        <p class="results-meta">{move || s.record.with(|r| r.name.clone())}</p>
        <p class="lead">{t!("Turn the recommendations into actions: who does what, by when. The plan is kept with this assessment, on this device.", "Convierta las recomendaciones en acciones: quién hace qué y para cuándo. El plan se guarda con esta evaluación, en este dispositivo.")}</p>
        <div class="button-group no-print">
            <button type="button" class="button" on:click=move |_| start(None)>{t!("Add an action", "Agregar una acción")}</button>
            <button type="button" class="button button--secondary" on:click=move |_| dom::print()>{t!("Print the plan", "Imprimir el plan")}</button>
            <button type="button" class="button button--secondary" on:click=move |_| {
                let csv = s.record.with_untracked(|r| hr_assessment::file::actions_csv_in(r, i, lang()));
                crate::ui::exports::offer(download_failed, "action-plan.csv", "text/csv;charset=utf-8", &csv);
            }>{t!("Download the plan (CSV)", "Descargar el plan (CSV)")}</button>
        </div>
        <crate::ui::exports::DownloadFailed failed=download_failed/>
        <crate::ui::components::download_note::DownloadNote/>

        {move || draft.get().map(|d| {
            let field = move |update: fn(&mut Draft, String)| move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                draft.update(|d| if let Some(d) = d { update(d, v) });
            };
            view! {
                <form class="inline-form action-form no-print" novalidate on:submit=save>
                    <h2>{if d.id.is_some() { t!("Change the action", "Cambiar la acción") } else { t!("New action", "Acción nueva") }}</h2>
                    {move || (!errors.with(Vec::is_empty)).then(|| view! {
                        <div class="error-summary" id="action-errors" tabindex="-1" role="alert" aria-labelledby="action-errors-title">
                            <h3 id="action-errors-title">{t!("There is a problem", "Hay un problema")}</h3>
                            <ul>{errors.get().into_iter().map(|(f, m)| {
                                let target = format!("action-{f}");
                                view! { <li><a href="#/plan" on:click=move |ev| { ev.prevent_default(); dom::focus_id(&target); }>{m}</a></li> }
                            }).collect_view()}</ul>
                        </div>
                    })}
                    <div class="field">
                        <label class="label" for="action-title">{t!("What will be done", "Qué se hará")}</label>
                        <p class="field-error">{error_for("title")}</p>
                        <input class="input input--wide" type="text" id="action-title" maxlength="200" spellcheck="false" autocomplete="off" translate="no"
                            prop:value=d.title.clone() on:input=field(|d, v| d.title = v)/>
                    </div>
                    <div class="field">
                        <label class="label" for="action-area">{t!("Technical assistance area", "Área de asistencia técnica")}</label>
                        <select class="input" id="action-area" on:change=field(|d, v| d.area = v)>
                            <option value="" selected=d.area.is_empty()>{t!("General (no particular area)", "General (ningún área en particular)")}</option>
                            {i.ta_areas.iter().map(|a| view! { <option value=a.id.to_string() selected=d.area == a.id.as_str()>{a.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="label" for="action-owner">{t!("Who takes it forward", "Quién se encarga")}</label>
                        <p class="hint" id="action-owner-hint">{t!("A role is enough, for example “Clinical director”.", "Basta con indicar un puesto, por ejemplo, “Dirección clínica”.")}</p>
                        <p class="field-error">{error_for("owner")}</p>
                        <input class="input" type="text" id="action-owner" maxlength="100" aria-describedby="action-owner-hint" spellcheck="false" autocomplete="off" translate="no"
                            prop:value=d.owner.clone() on:input=field(|d, v| d.owner = v)/>
                    </div>
                    <div class="field">
                        <label class="label" for="action-due">{t!("Due date (optional)", "Fecha límite (opcional)")}</label>
                        <p class="field-error">{error_for("due")}</p>
                        <input class="input" type="date" id="action-due" prop:value=d.due.clone() on:input=field(|d, v| d.due = v)/>
                    </div>
                    <div class="field">
                        <label class="label" for="action-status">{t!("Status", "Estado")}</label>
                        <select class="input" id="action-status" on:change=field(|d, v| d.status = ActionStatus::parse(&v).unwrap_or_default())>
                            {ActionStatus::ALL.into_iter().map(|st| view! { <option value=st.as_str() selected=d.status == st>{st.label_in(lang())}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="label" for="action-notes">{t!("Notes (optional)", "Notas (opcional)")}</label>
                        <p class="field-error">{error_for("notes")}</p>
                        <textarea class="input textarea" id="action-notes" rows="3" maxlength="2000" spellcheck="false" autocomplete="off" translate="no"
                            prop:value=d.notes.clone() on:input=field(|d, v| d.notes = v)></textarea>
                    </div>
                    <div class="button-group">
                        <button type="submit" class="button">{t!("Save the action", "Guardar la acción")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| { draft.set(None); errors.set(Vec::new()); }>{t!("Cancel", "Cancelar")}</button>
                    </div>
                </form>
            }
        })}

        <h2>{t!("Actions", "Acciones")}</h2>
        {move || {
            let actions = s.record.with(|r| r.actions.clone());
            if actions.is_empty() {
                view! { <p>{t!("No actions yet. Start from a recommendation below, or add your own.", "Todavía no hay acciones. Empiece por una de las recomendaciones de abajo o agregue las suyas.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t!("Actions", "Acciones")>
                        <table class="table">
                            <caption class="visually-hidden">{t!("The action plan", "El plan de acción")}</caption>
                            <thead><tr>
                                <th scope="col">{t!("Action", "Acción")}</th><th scope="col">{t!("TA area", "Área de asistencia técnica")}</th><th scope="col">{t!("Who", "Quién")}</th>
                                <th scope="col">{t!("Due", "Fecha límite")}</th><th scope="col">{t!("Status", "Estado")}</th><th scope="col">{t!("Notes", "Notas")}</th>
                                <th scope="col" class="no-print"><span class="visually-hidden">{t!("Change or delete", "Cambiar o borrar")}</span></th>
                            </tr></thead>
                            <tbody>
                                {actions.into_iter().map(|a| {
                                    let edit = a.clone();
                                    let id = a.id.clone();
                                    view! {
                                        <tr>
                                            <th scope="row" class="table__statement">{a.title.clone()}</th>
                                            <td>{area_name(&a.area)}</td>
                                            <td>{a.owner.clone()}</td>
                                            <td>{a.due.clone().unwrap_or_default()}</td>
                                            <td>{a.status.label_in(lang())}</td>
                                            <td class="pre-line">{a.notes.clone()}</td>
                                            <td class="no-print">
                                                <button type="button" class="link-button" on:click=move |_| { errors.set(Vec::new()); draft.set(Some(Draft::from_action(&edit))); }>
                                                    {t!("Change", "Cambiar")}<span class="visually-hidden">{format!(" {}", a.title)}</span>
                                                </button>
                                                " "
                                                <button type="button" class="link-button" on:click=move |_| s.delete_action(&id)>
                                                    {t!("Delete", "Borrar")}<span class="visually-hidden">{format!(" {}", a.title)}</span>
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}

        <h2 class="no-print">{t!("From your recommendations", "A partir de sus recomendaciones")}</h2>
        {move || {
            let areas = ta_areas.get();
            if areas.is_empty() {
                return view! {
                    <p class="no-print">
                        {t!("No recommendations yet: they come from the barriers and “I don't know” answers in ", "Todavía no hay recomendaciones: surgen de las barreras y las respuestas “No sé” de ")}
                        <a href="#/results">{t!("your results", "sus resultados")}</a>
                        {t!(". You can still add your own actions.", ". Puede agregar sus propias acciones de todos modos.")}
                    </p>
                }.into_any();
            }
            view! {
                <ul class="no-print recommendation-list">
                    {areas.into_iter().map(|rec| {
                        let name = i.ta_area(&rec.area).map(|a| a.name.clone()).unwrap_or_default();
                        let area = rec.area.clone();
                        view! {
                            <li>
                                {name.clone()}" "
                                <button type="button" class="link-button" on:click=move |_| start(Some(area.clone()))>
                                    {t!("Add an action", "Agregar una acción")}<span class="visually-hidden">{crate::tf!(" for {name}", " para {name}")}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
