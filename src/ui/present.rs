//! Projector mode: the team's findings for a shared screen, one at a time
//! in large type, moved with the arrow keys (Page Up and Page Down too) or
//! the buttons; Escape or Leave goes back to the team view. It shows counts
//! and readings only: no respondent's label and no file name.

use crate::browser::dom;
use crate::i18n::{lang, t};
use crate::ui::charts::{SpreadChart, StatementBars};
use crate::ui::format::{balance_text, reading_headline};
use crate::ui::format::{short_role, statement_text};
use crate::ui::route::Route;
use crate::ui::state::instrument;
use crate::ui::team::team;
use crate::ui::team_report::TeamFigures;
use hr_assessment::case::Case;
use hr_assessment::numbers::{self, signed_hundredths};
use hr_assessment::team::{self, TeamReport};
use leptos::prelude::*;

/// How many items a list slide shows.
const TOP: usize = 5;

/// One screen of the presentation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slide {
    Overall,
    Domain(usize),
    Gaps,
    Ta,
    Help,
    Divided,
}

fn slides(report: &TeamReport) -> Vec<Slide> {
    let mut out = vec![Slide::Overall];
    out.extend((0..report.domains.len()).map(Slide::Domain));
    out.extend([Slide::Gaps, Slide::Ta, Slide::Help, Slide::Divided]);
    out
}

/// Marks the document while presenting, so the stylesheet can give the
/// findings the whole width and hide the footer; the header (with Quick
/// exit) stays.
fn presenting(on: bool) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let list = html.class_list();
        let _ = if on {
            list.add_1("presenting")
        } else {
            list.remove_1("presenting")
        };
    }
}

#[component]
pub fn PresentPage() -> impl IntoView {
    let tm = team();
    let at = RwSignal::new(0usize);
    let count = Memo::new(move |_| tm.report.with(|(r, _)| slides(r).len()));
    let go = move |step: isize| {
        let n = count.get_untracked() as isize;
        at.update(|k| *k = (*k as isize + step).clamp(0, (n - 1).max(0)) as usize);
    };
    let leave = move || dom::go(&Route::Team.href());
    presenting(true);
    let keys = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" => go(1),
            "ArrowLeft" | "PageUp" => go(-1),
            "Home" => at.set(0),
            "End" => at.set(count.get_untracked().saturating_sub(1)),
            "Escape" => leave(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        keys.remove();
        presenting(false);
    });
    view! {
        <div class="present">
            {move || {
                let (report, _) = tm.report.get();
                if report.members == 0 {
                    return view! {
                        <h1 id="page-heading" tabindex="-1">{t!("The team's findings", "Los resultados del equipo")}</h1>
                        <p>{t!("Add respondents in the ", "Primero agregue participantes en la ")}<a href="#/team">{t!("team view", "vista de equipo")}</a>{t!(" first.", ".")}</p>
                    }.into_any();
                }
                let list = slides(&report);
                let n = list.len();
                let k = at.get().min(n - 1);
                let figures = tm.figures.get();
                view! {
                    <div class="present__bar">
                        <p class="present__position" aria-live="polite" aria-atomic="true">{let k = k + 1; crate::tf!("Finding {k} of {n}", "Resultado {k} de {n}")}</p>
                        <div class="button-group">
                            <button type="button" class="button button--secondary" disabled=k == 0 on:click=move |_| go(-1)>{t!("Previous", "Anterior")}</button>
                            <button type="button" class="button" disabled=k + 1 == n on:click=move |_| go(1)>{t!("Next", "Siguiente")}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| leave()>{t!("Leave projector mode", "Salir del modo proyector")}</button>
                        </div>
                    </div>
                    <p class="hint present__keys">{t!("Arrow keys or Page Up and Page Down move between findings; Escape leaves.", "Las flechas o Re Pág y Av Pág pasan de un resultado a otro; Escape sale.")}</p>
                    <SlideView slide=list[k] report=report figures=figures/>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn SlideView(slide: Slide, report: TeamReport, figures: TeamFigures) -> impl IntoView {
    let i = instrument();
    let members = report.members;
    match slide {
        Slide::Overall => {
            let agreement = report.agreement.map(|a| {
                let s = report.agreement_statements;
                crate::tf!(
                    "Overall agreement: {a}% (over {s} statements).",
                    "Acuerdo general: {a}% (en {s} afirmaciones)."
                )
            });
            view! {
                <h1 id="page-heading" tabindex="-1">{t!("What the team thinks", "Lo que piensa el equipo")}</h1>
                <p class="present__big">{reading_headline(&report.organization)}</p>
                <p class="present__big">{reading_headline(&report.context)}</p>
                <p>{if members == 1 { crate::tf!("{members} respondent.", "{members} participante.") } else { crate::tf!("{members} respondents.", "{members} participantes.") }}" "{agreement}</p>
            }
            .into_any()
        }
        Slide::Domain(k) => {
            let d = report.domains[k].clone();
            let name = i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default();
            let spread = figures.spreads.get(k).cloned();
            let (stage, balance) = (d.stage.label_in(lang()), balance_text(d.balance));
            view! {
                <h1 id="page-heading" tabindex="-1">{name}</h1>
                <p class="present__big">{crate::tf!("The team as a whole: {stage} (balance {balance}).", "El equipo en conjunto: {stage} (balance {balance}).")}</p>
                {spread.map(|sp| {
                    let id = format!("present-spread-{}", sp.domain);
                    view! { <SpreadChart spread=sp pooled=d id=id/> }
                })}
            }
            .into_any()
        }
        Slide::Gaps => {
            let gaps: Vec<_> = report.statements.iter().filter(|s| !s.gaps.is_empty()).take(TOP).cloned().collect();
            view! {
                <h1 id="page-heading" tabindex="-1">{t!("Where roles see things differently", "Donde los roles ven las cosas de forma distinta")}</h1>
                {if gaps.is_empty() {
                    view! { <p class="present__big">{t!("No gaps between roles: either the roles agree, or not enough people of each role answered.", "No hay diferencias entre roles: o bien los roles coinciden, o bien no respondieron suficientes personas de cada rol.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="present__list">
                            {gaps.into_iter().map(|s| {
                                let g = s.gaps[0].clone();
                                let (higher, higher_mean) = (short_role(&g.higher), signed_hundredths(g.higher_mean));
                                let (lower, lower_mean) = (short_role(&g.lower).lower(), signed_hundredths(g.lower_mean));
                                let gap = numbers::hundredths(g.difference);
                                view! {
                                    <li>{statement_text(&s.item)}<br/><span class="present__note">{crate::tf!(
                                        "{higher} {higher_mean} on average, {lower} {lower_mean}: a gap of {gap}.",
                                        "{higher}: {higher_mean} en promedio; {lower}: {lower_mean}; una diferencia de {gap}."
                                    )}</span></li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
            .into_any()
        }
        Slide::Ta => view! {
            <h1 id="page-heading" tabindex="-1">{t!("Technical assistance the team needs most", "La asistencia técnica que el equipo más necesita")}</h1>
            {if report.ta_areas.is_empty() {
                view! { <p class="present__big">{t!("No one's answers point to a need for technical assistance.", "Ninguna respuesta del equipo indica una necesidad de asistencia técnica.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="present__list">
                        {report.ta_areas.iter().take(TOP).map(|a| {
                            let name = i.ta_area(&a.area).map(|x| x.name.clone()).unwrap_or_default();
                            let (need, m) = (a.need, a.members);
                            view! { <li>{name}<br/><span class="present__note">{crate::tf!("Need {need}%; recommended for {m} of {members} respondents.", "Necesidad: {need}%; recomendada para {m} de {members} participantes.")}</span></li> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        }
        .into_any(),
        Slide::Help => view! {
            <h1 id="page-heading" tabindex="-1">{t!("How the team would like to receive help", "Cómo le gustaría al equipo recibir ayuda")}</h1>
            {if figures.modalities.is_empty() {
                view! { <p class="present__big">{t!("No one has chosen ways of receiving help yet.", "Todavía nadie ha elegido formas de recibir ayuda.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="present__list">
                        {figures.modalities.iter().take(TOP).map(|m| {
                            let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                            let chosen = m.members;
                            view! { <li>{name}<br/><span class="present__note">{crate::tf!("In the top three of {chosen} of {members} respondents.", "Entre las tres preferidas de {chosen} de {members} participantes.")}</span></li> }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        }
        .into_any(),
        Slide::Divided => {
            let order: Vec<_> = team::disagreement_order(&report)
                .into_iter()
                .filter_map(|id| report.statement(&id).cloned())
                .filter(|s| s.agreement.is_some())
                .take(TOP)
                .collect();
            view! {
                <h1 id="page-heading" tabindex="-1">{t!("Where the team is most divided", "Donde el equipo está más dividido")}</h1>
                {if order.is_empty() {
                    view! { <p class="present__big">{t!("No statement has two known answers yet.", "Todavía ninguna afirmación tiene dos respuestas conocidas.")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="present__list">
                            {order.into_iter().map(|s| {
                                let id = format!("present-stc-{}", s.item);
                                let a = s.agreement.unwrap_or(0);
                                view! {
                                    <li>
                                        <span id=id.clone()>{statement_text(&s.item)}</span>" "<span class="present__note">{crate::tf!("(agreement {a}%)", "(acuerdo: {a}%)")}</span>
                                        <StatementBars counts=s.counts national=None labelled_by=id/>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            }
            .into_any()
        }
    }
}
