//! Re-assessment over time: two saved assessments of the same organization
//! side by side (`hr_assessment::compare`), such as before and after a
//! learning collaborative.

use crate::ui::results::{balance_text, signed};
use crate::ui::state::{instrument, session};
use hr_assessment::compare::{compare, Comparison, TaMove};
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let s = session();
    let before = RwSignal::new(String::new());
    let after = RwSignal::new(String::new());
    // Default: the oldest as "before", the newest as "after".
    s.library.with_untracked(|l| {
        if l.len() >= 2 {
            after.set(l[0].id.clone());
            before.set(l[l.len() - 1].id.clone());
        }
    });
    let comparison = move || {
        let (b, a) = (before.get(), after.get());
        if b.is_empty() || a.is_empty() || a == b {
            return None;
        }
        s.library.with(|l| {
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
                    <option value="" selected=move || value.get().is_empty()>"Choose…"</option>
                    {move || s.library.get().into_iter().map(|r| {
                        let rid = r.id.clone();
                        view! { <option value=r.id.clone() selected=move || value.get() == rid>{format!("{} ({})", r.name, crate::browser::format_timestamp(&r.updated))}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <a class="back-link" href="#/assessments">"Back to your saved assessments"</a>
        <h1 id="page-heading" tabindex="-1">"Compare two assessments"</h1>
        <p class="lead">"See what changed between two assessments of the same organization — for example before and after a learning collaborative. Both are scored with the current questionnaire."</p>
        {move || (s.library.with(Vec::len) < 2).then(|| view! {
            <p>"You need at least two saved assessments on this device. Take the assessment again later, or import an earlier one on "<a href="#/assessments">"Your saved assessments"</a>"."</p>
        })}
        {select("compare-before", "Before", before)}
        {select("compare-after", "After", after)}
        {move || match comparison() {
            None => view! { <p class="hint">"Choose two different assessments."</p> }.into_any(),
            Some((b, a, c)) => view! { <ComparisonView before=b after=a c=c/> }.into_any(),
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
    view! {
        <section class="results-section" aria-labelledby="cmp-domains">
            <h2 id="cmp-domains">"Each area"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Each area, before and after">
                <table class="table">
                    <caption class="visually-hidden">{format!("Balance of each area: {before}, then {after}")}</caption>
                    <thead><tr>
                        <th scope="col">"Area"</th>
                        <th scope="col" class="num">"Before"</th>
                        <th scope="col" class="num">"After"</th>
                        <th scope="col" class="num">"Change"</th>
                        <th scope="col">"Stage"</th>
                    </tr></thead>
                    <tbody>
                        {c.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default()}</th>
                                <td class="num">{balance_text(d.before)}</td>
                                <td class="num">{balance_text(d.after)}</td>
                                <td class="num">{d.change.map(signed).unwrap_or_else(|| "–".into())}</td>
                                <td>{if d.stage_before == d.stage_after { d.stage_after.label().to_owned() } else { format!("{} → {}", d.stage_before.label(), d.stage_after.label()) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="results-section" aria-labelledby="cmp-statements">
            <h2 id="cmp-statements">{format!("Statements that moved ({})", c.statements.len())}</h2>
            {if c.statements.is_empty() {
                view! { <p>"No answer changed in a way that matters."</p> }.into_any()
            } else {
                view! {
                    <ul class="moved-list">
                        {c.statements.iter().map(|m| {
                            let text = i.question(&m.item).map(|q| q.text().to_owned()).unwrap_or_default();
                            let was = m.answer_before.map(|a| a.phrase()).unwrap_or("no answer");
                            let now = m.answer_after.map(|a| a.phrase()).unwrap_or("no answer");
                            view! {
                                <li>
                                    <strong>{format!("{}: ", m.direction.label())}</strong>{text}
                                    <br/><span class="hint">{format!("{was} → {now} (score {} → {})", signed(m.score_before), signed(m.score_after))}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section class="results-section" aria-labelledby="cmp-ta">
            <h2 id="cmp-ta">"Technical assistance needs"</h2>
            <h3>{format!("Resolved ({})", c.resolved.len())}</h3>
            <ul>{c.resolved.iter().map(|m| view! { <li>{area_name(m)}<span class="hint">{format!(" ({} points before)", m.points_before)}</span></li> }).collect_view()}</ul>
            <h3>{format!("New ({})", c.new.len())}</h3>
            <ul>{c.new.iter().map(|m| view! { <li>{area_name(m)}<span class="hint">{format!(" ({} points now)", m.points_after)}</span></li> }).collect_view()}</ul>
            <h3>{format!("Continuing ({})", c.continuing.len())}</h3>
            <ul>{c.continuing.iter().map(|m| view! { <li>{area_name(m)}<span class="hint">{format!(" ({} → {} points)", m.points_before, m.points_after)}</span></li> }).collect_view()}</ul>
        </section>
    }
}
