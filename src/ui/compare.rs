//! Re-assessment over time: two saved assessments of the same organization
//! side by side (`hr_assessment::compare`), such as before and after a
//! learning collaborative.

use crate::i18n::{lang, t};
use crate::ui::format::{balance_text, points_unit};
use crate::ui::state::{instrument, use_library};
use hr_assessment::compare::{compare, Comparison, TaMove};
use hr_assessment::numbers::signed;
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let records = use_library().records();
    let before = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    // Default: the oldest as "before", the newest as "after".
    records.with_untracked(|l| {
        if l.len() >= 2 {
            after.set(l[0].id.clone());
            before.set(l[l.len() - 1].id.clone());
        }
    });
    let enough = Memo::new(move |_| records.with(Vec::len) >= 2);
    let comparison = move || {
        let (b, a) = (before.get(), after.get());
        if b.is_empty() || a.is_empty() || a == b {
            return None;
        }
        records.with(|l| {
            let rb = l.iter().find(|r| r.id == b)?;
            let ra = l.iter().find(|r| r.id == a)?;
            Some((rb.name.clone(), ra.name.clone(), compare(instrument(), rb, ra)))
        })
    };
    let select = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label class="label" for=id>{label}</label>
                <select class="input" id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=move || value.get().is_empty()>{t!("Choose…", "Elija…")}</option>
                    {move || records.get().into_iter().map(|r| {
                        let rid = r.id.clone();
                        view! { <option value=r.id.clone() selected=move || value.get() == rid>{format!("{} ({})", r.name, crate::ui::format::timestamp(&r.updated))}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <a class="back-link" href="#/assessments">{t!("Back to your saved assessments", "Volver a sus evaluaciones guardadas")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Compare two assessments", "Comparar dos evaluaciones")}</h1>
        <p class="lead">{t!("See what changed between two assessments of the same organization — for example before and after a learning collaborative. Both are scored with the current questionnaire.", "Vea qué cambió entre dos evaluaciones de la misma organización, por ejemplo, antes y después de un colaborativo de aprendizaje. Ambas se puntúan con el cuestionario actual.")}</p>
        // Nothing to choose from until there are two.
        {move || if !enough.get() {
            view! {
                <p>
                    {t!("You need at least two saved assessments on this device. Take the assessment again later, or import an earlier one on ", "Necesita al menos dos evaluaciones guardadas en este dispositivo. Vuelva a hacer la evaluación más adelante, o importe una anterior en ")}
                    <a href="#/assessments">{t!("Your saved assessments", "Sus evaluaciones guardadas")}</a>
                    "."
                </p>
            }.into_any()
        } else {
            view! {
                {select("compare-before", t!("Before", "Antes"), before)}
                {select("compare-after", t!("After", "Después"), after)}
                {move || match comparison() {
                    None => view! { <p class="hint">{t!("Choose two different assessments.", "Elija dos evaluaciones distintas.")}</p> }.into_any(),
                    Some((b, a, c)) => view! { <ComparisonView before=b after=a c=c/> }.into_any(),
                }}
            }.into_any()
        }}
    }
}

fn area_name(m: &TaMove) -> String {
    instrument()
        .ta_area(&m.area)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| m.area.to_string())
}

#[component]
fn ComparisonView(before: String, after: String, c: Comparison) -> impl IntoView {
    let i = instrument();
    let caption = crate::tf!(
        "Balance of each domain: {before}, then {after}",
        "Balance de cada dominio: {before} y luego {after}"
    );
    let moved = c.statements.len();
    let (resolved, new, continuing) = (c.resolved.len(), c.new.len(), c.continuing.len());
    let stages = |b: hr_assessment::Stage, a: hr_assessment::Stage| {
        if b == a {
            a.label_in(lang()).to_owned()
        } else {
            format!("{} → {}", b.label_in(lang()), a.label_in(lang()))
        }
    };
    let (organization, context) = (
        stages(c.organization_before, c.organization_after),
        stages(c.context_before, c.context_after),
    );
    view! {
        <section class="results-section" aria-labelledby="cmp-readings">
            <h2 id="cmp-readings">{t!("The two readings", "Las dos lecturas")}</h2>
            <dl class="reading__figures">
                <div><dt>{t!("Your organization itself", "Su propia organización")}</dt><dd>{organization}</dd></div>
                <div><dt>{t!("Its context", "Su entorno")}</dt><dd>{context}</dd></div>
            </dl>
        </section>
        <section class="results-section" aria-labelledby="cmp-domains">
            <h2 id="cmp-domains">{t!("Each domain", "Cada dominio")}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t!("Each domain, before and after", "Cada dominio, antes y después")>
                <table class="table">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Domain", "Dominio")}</th>
                        <th scope="col" class="num">{t!("Before", "Antes")}</th>
                        <th scope="col" class="num">{t!("After", "Después")}</th>
                        <th scope="col" class="num">{t!("Change", "Cambio")}</th>
                        <th scope="col">{t!("Stage", "Etapa")}</th>
                    </tr></thead>
                    <tbody>
                        {c.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default()}</th>
                                <td class="num">{balance_text(d.before)}</td>
                                <td class="num">{balance_text(d.after)}</td>
                                <td class="num">{d.change.map(signed).unwrap_or_else(|| "–".into())}</td>
                                <td>{if d.stage_before == d.stage_after { d.stage_after.label_in(lang()).to_owned() } else { format!("{} → {}", d.stage_before.label_in(lang()), d.stage_after.label_in(lang())) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="results-section" aria-labelledby="cmp-statements">
            <h2 id="cmp-statements">{crate::tf!("Statements that moved ({moved})", "Afirmaciones que cambiaron ({moved})")}</h2>
            {if c.statements.is_empty() {
                view! { <p>{t!("No answer changed in a way that matters.", "Ninguna respuesta cambió de forma significativa.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="moved-list">
                        {c.statements.iter().map(|m| {
                            let text = i.question(&m.item).map(|q| q.text().to_owned()).unwrap_or_default();
                            let no_answer = t!("no answer", "sin respuesta");
                            let was = m.answer_before.map(|a| a.phrase_in(lang())).unwrap_or(no_answer);
                            let now = m.answer_after.map(|a| a.phrase_in(lang())).unwrap_or(no_answer);
                            let (score_before, score_after) = (signed(m.score_before), signed(m.score_after));
                            let detail = crate::tf!(
                                "{was} → {now} (score {score_before} → {score_after})",
                                "{was} → {now} (puntuación {score_before} → {score_after})"
                            );
                            view! {
                                <li>
                                    <strong>{format!("{}: ", m.direction.label_in(lang()))}</strong>{text}
                                    <br/><span class="hint">{detail}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="results-section" aria-labelledby="cmp-ta">
            <h2 id="cmp-ta">{t!("Technical assistance needs", "Necesidades de asistencia técnica")}</h2>
            <h3>{crate::tf!("Resolved ({resolved})", "Resueltas ({resolved})")}</h3>
            <ul>{c.resolved.iter().map(|m| {
                let points = m.points_before;
                let unit = points_unit(points);
                view! { <li>{area_name(m)}<span class="hint">{crate::tf!(" ({points} {unit} before)", " ({points} {unit} antes)")}</span></li> }
            }).collect_view()}</ul>
            <h3>{crate::tf!("New ({new})", "Nuevas ({new})")}</h3>
            <ul>{c.new.iter().map(|m| {
                let points = m.points_after;
                let unit = points_unit(points);
                view! { <li>{area_name(m)}<span class="hint">{crate::tf!(" ({points} {unit} now)", " ({points} {unit} ahora)")}</span></li> }
            }).collect_view()}</ul>
            <h3>{crate::tf!("Continuing ({continuing})", "Siguen presentes ({continuing})")}</h3>
            <ul>{c.continuing.iter().map(|m| {
                let (before, after) = (m.points_before, m.points_after);
                let unit = points_unit(after);
                let (nb, na) = (m.need_before, m.need_after);
                view! { <li>{area_name(m)}<span class="hint">{crate::tf!(" (need {nb}% → {na}%; {before} → {after} {unit})", " (necesidad: {nb}% → {na}%; {before} → {after} {unit})")}</span></li> }
            }).collect_view()}</ul>
        </section>
    }
}
