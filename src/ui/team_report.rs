//! The team view's findings: the readings and how the team is divided in
//! each domain, where roles differ, the team's TA areas and ways of
//! receiving help, and every statement as a chart and a table. The core
//! merges and counts (`hr_assessment::team`, `team_charts`); this lays out.

use crate::i18n::{lang, t};
use crate::ui::charts::{BarsKey, SpreadChart, StatementBars};
use crate::ui::format::{short_role, statement_text};
use crate::ui::state::instrument;
use hr_assessment::case::Case;
use hr_assessment::numbers::{self, signed_hundredths};
use hr_assessment::team::{self, TeamReport};
use hr_assessment::team_charts::{self, DomainSpread, TeamModality};
use hr_assessment::ScaleAnswer;
use leptos::prelude::*;

/// What the team view counts beyond the merged report: each domain's
/// spread and the ways of receiving help the team chose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamFigures {
    pub spreads: Vec<DomainSpread>,
    pub modalities: Vec<TeamModality>,
}

/// "7 leadership, 7 staff, 7 peer worker or person with lived experience"
pub fn roles_line(report: &TeamReport) -> String {
    report
        .roles
        .iter()
        .filter(|r| r.members > 0)
        .map(|r| {
            format!(
                "{} {}",
                r.members,
                r.role
                    .as_ref()
                    .map(short_role)
                    .unwrap_or_else(|| t!("no role given", "sin rol indicado").into())
                    .lower()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "21 respondents — 7 leadership, 7 staff, 7 peer worker …."
pub fn respondents_line(report: &TeamReport) -> String {
    let members = report.members;
    let roles_line = roles_line(report);
    if members == 1 {
        crate::tf!(
            "{members} respondent — {roles_line}.",
            "{members} participante: {roles_line}."
        )
    } else {
        crate::tf!(
            "{members} respondents — {roles_line}.",
            "{members} participantes: {roles_line}."
        )
    }
}

#[component]
pub fn TeamReportView(report: TeamReport, figures: TeamFigures) -> impl IntoView {
    let i = instrument();
    let members = report.members;
    let gap_roles: Vec<hr_assessment::OptionId> = team::GAP_ROLES
        .iter()
        .map(|r| hr_assessment::OptionId::new(*r))
        .collect();
    let gaps: Vec<_> = report
        .statements
        .iter()
        .filter(|s| !s.gaps.is_empty())
        .cloned()
        .collect();
    let single: Vec<_> = report
        .statements
        .iter()
        .filter(|s| s.gaps.is_empty() && !s.single_views.is_empty())
        .cloned()
        .collect();
    let agreement_line = match (report.agreement, report.agrees()) {
        (Some(a), Some(true)) => {
            let n = report.agreement_statements;
            crate::tf!(
                "Overall agreement {a}% (the average over {n} statements with two or more known answers): the team mostly answers on the same side, so the pooled balances below can be read as the team's view.",
                "Acuerdo general: {a}% (el promedio de {n} afirmaciones con dos o más respuestas conocidas): el equipo responde mayormente del mismo lado, así que los balances combinados de abajo se pueden leer como la opinión del equipo."
            )
        }
        (Some(a), _) => {
            let (n, from) = (report.agreement_statements, team::TEAM_AGREES_FROM);
            crate::tf!(
                "Overall agreement {a}% (the average over {n} statements with two or more known answers), below {from}%: the team is divided, so the pooled balances below are a mix of views, not the team's view. Discuss the statements with the lowest agreement first.",
                "Acuerdo general: {a}% (el promedio de {n} afirmaciones con dos o más respuestas conocidas), por debajo del {from}%: el equipo está dividido, así que los balances combinados de abajo son una mezcla de opiniones, no la opinión del equipo. Conversen primero sobre las afirmaciones con menos acuerdo."
            )
        }
        _ => t!(
            "No statement has two known answers yet, so there is no agreement figure: the pooled balances below are one person's view at most.",
            "Todavía ninguna afirmación tiene dos respuestas conocidas, así que no hay cifra de acuerdo: los balances combinados de abajo son, como mucho, la opinión de una persona.",
        )
        .to_owned(),
    };
    view! {
        <section class="results-section" aria-labelledby="team-domains-title">
            <h2 id="team-domains-title">{t!("The team's reading by domain", "El resultado del equipo por dominio")}</h2>
            <p class="team-agreement"><strong>{agreement_line}</strong></p>
            <p>
                {crate::ui::format::reading_headline(&report.organization)}" "
                {crate::ui::format::reading_headline(&report.context)}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t!("The team's reading by domain", "El resultado del equipo por dominio")>
                <table class="table">
                    <caption class="visually-hidden">{t!("The team's reading by domain (all answers pooled)", "El resultado del equipo por dominio (todas las respuestas juntas)")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Domain", "Dominio")}</th><th scope="col">{t!("Stage", "Etapa")}</th><th scope="col" class="num">{t!("Balance", "Balance")}</th>
                        <th scope="col" class="num">{t!("Facilitators", "Facilitadores")}</th><th scope="col" class="num">{t!("Barriers", "Barreras")}</th><th scope="col" class="num">{t!("I don't know", "No sé")}</th><th scope="col" class="num">{t!("Answered", "Respondidas")}</th>
                    </tr></thead>
                    <tbody>
                        {report.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default()}</th>
                                <td>{d.stage.label_in(lang())}</td>
                                <td class="num">{crate::ui::format::balance_text(d.balance)}</td>
                                <td class="num">{d.facilitators}</td>
                                <td class="num">{d.barriers}</td>
                                <td class="num">{d.unknowns}</td>
                                <td class="num">{let c = d.coverage; format!("{c}%")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section class="results-section" aria-labelledby="team-spread-title">
            <h2 id="team-spread-title">{t!("How the team is divided", "Cómo se divide el equipo")}</h2>
            <p class="hint">{t!("Each bar counts the respondents whose own answers give a balance in that band, as if each had taken the assessment alone. The line marks the team's pooled balance: a split team can have a pooled balance near 0.", "Cada barra cuenta a las personas cuyas propias respuestas dan un balance en esa franja, como si cada una hubiera hecho la evaluación sola. La línea marca el balance combinado del equipo: un equipo dividido puede tener un balance combinado cercano a 0.")}</p>
            {figures.spreads.iter().zip(report.domains.iter()).map(|(sp, d)| {
                let name = i.domain(&sp.domain).map(|x| x.name.clone()).unwrap_or_default();
                let id = format!("spread-{}", sp.domain);
                view! {
                    <h3>{name}</h3>
                    <SpreadChart spread=sp.clone() pooled=d.clone() id=id/>
                }
            }).collect_view()}
        </section>

        <section class="results-section" aria-labelledby="gaps-title">
            <h2 id="gaps-title">{t!("Where roles see things differently", "Donde los roles ven las cosas de forma distinta")}</h2>
            <p class="hint">{
                let gap = numbers::hundredths(team::ROLE_GAP_THRESHOLD);
                crate::tf!(
                    "A statement is flagged when leadership, staff and peers' average answers differ by {gap} or more on the −2 to +2 scale.",
                    "Se marca una afirmación cuando las respuestas promedio de liderazgo, personal y pares difieren en {gap} o más en la escala de −2 a +2."
                )
            }</p>
            <p class="hint">{
                let min = team::ROLE_GAP_MIN_MEMBERS;
                crate::tf!(
                    "A gap needs at least {min} people with a known answer on each side; a difference where one side is a single person is shown as that person's view.",
                    "Una diferencia entre roles necesita al menos {min} personas con una respuesta conocida de cada lado; si de un lado hay una sola persona, se muestra como la opinión de esa persona."
                )
            }</p>
            {(!single.is_empty()).then(|| view! {
                <details class="details">
                    <summary>{let n = single.len(); crate::tf!("One person's view, not a role gap ({n})", "La opinión de una persona, no una diferencia entre roles ({n})")}</summary>
                    <ul>
                        {single.iter().map(|s| {
                            let g = &s.single_views[0];
                            let (higher, lower) = (short_role(&g.higher), short_role(&g.lower).lower());
                            let text = statement_text(&s.item);
                            view! { <li>{text}<br/><span class="hint">{crate::tf!("{higher} and {lower} differ, but one side is one person's view.", "{higher} y {lower} difieren, pero de un lado es la opinión de una sola persona.")}</span></li> }
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {if gaps.is_empty() {
                view! { <p>{t!("No gaps between roles: either the roles agree, or not enough people of each role answered.", "No hay diferencias entre roles: o bien los roles coinciden, o bien no respondieron suficientes personas de cada rol.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="gap-list">
                        {gaps.into_iter().map(|s| {
                            let g = s.gaps[0].clone();
                            view! {
                                <li>
                                    {statement_text(&s.item)}
                                    <br/>
                                    <span class="hint">{
                                        let (higher, higher_mean) = (short_role(&g.higher), signed_hundredths(g.higher_mean));
                                        let (lower, lower_mean) = (short_role(&g.lower).lower(), signed_hundredths(g.lower_mean));
                                        let gap = numbers::hundredths(g.difference);
                                        crate::tf!(
                                            "{higher} {higher_mean} on average, {lower} {lower_mean}: a gap of {gap}.",
                                            "{higher}: {higher_mean} en promedio; {lower}: {lower_mean}; una diferencia de {gap}."
                                        )
                                    }</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>

        <section class="results-section" aria-labelledby="team-ta-title">
            <h2 id="team-ta-title">{t!("Technical assistance for the team", "Asistencia técnica para el equipo")}</h2>
            {if report.ta_areas.is_empty() {
                view! { <p>{t!("No one's answers point to a need for technical assistance.", "Ninguna respuesta del equipo indica una necesidad de asistencia técnica.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="ta-list">
                        {report.ta_areas.iter().map(|a| view! {
                            <li class="ta-list__item">
                                <strong>{i.ta_area(&a.area).map(|x| x.name.clone()).unwrap_or_default()}</strong>
                                <br/>
                                <span class="hint">{
                                    let (need, points, possible, m) = (a.need, a.points, a.possible, a.members);
                                    crate::tf!(
                                        "Need {need}%: {points} of {possible} possible points in all; recommended for {m} of {members} respondents.",
                                        "Necesidad: {need}%, {points} de {possible} puntos posibles en total; recomendada para {m} de {members} participantes."
                                    )
                                }</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <section class="results-section" aria-labelledby="team-help-title">
            <h2 id="team-help-title">{t!("How the team would like to receive help", "Cómo le gustaría al equipo recibir ayuda")}</h2>
            {if figures.modalities.is_empty() {
                view! { <p>{t!("No one has chosen ways of receiving help yet.", "Todavía nadie ha elegido formas de recibir ayuda.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="ta-list">
                        {figures.modalities.iter().map(|m| {
                            let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                            let (chosen, p) = (m.members, numbers::percent(m.members, members));
                            let national = m.national.map(|(share, n)| crate::tf!(" Nationally, {share}% put it in their top three (n = {n}).", " A nivel nacional, el {share}% la puso entre sus tres preferidas (n = {n})."));
                            view! {
                                <li class="ta-list__item">
                                    <strong>{name}</strong><br/>
                                    <span class="hint">{crate::tf!("In the top three of {chosen} of {members} respondents ({p}%).", "Entre las tres preferidas de {chosen} de {members} participantes ({p}%).")}{national}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>

        <section class="results-section" aria-labelledby="team-statements-title">
            <h2 id="team-statements-title">{t!("Statement by statement", "Afirmación por afirmación")}</h2>
            <p class="hint">{t!("Agreement: the share of known answers on the more common side (facilitator or barrier), from 50% (evenly split) to 100%. Role columns: the average answer from −2 (strongly on the barrier side) to +2.", "Acuerdo: el porcentaje de respuestas conocidas que están del lado más común (facilitador o barrera), desde el 50% (división pareja) hasta el 100%. Columnas de roles: la respuesta promedio, de −2 (claramente del lado de las barreras) a +2.")}</p>
            <BarsKey/>
            {report.domains.iter().map(|d| {
                let name = i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default();
                view! {
                    <h3>{name}</h3>
                    <ul class="statement-charts">
                        {report.statements.iter().filter(|s| s.domain == d.domain).map(|s| {
                            let text_id = format!("stc-{}", s.item);
                            let national = i.statement(&s.item).and_then(|st| st.national.as_ref()).map(team_charts::national_bar);
                            view! {
                                <li class="statement-chart">
                                    <p class="statement-chart__text" id=text_id.clone()>{statement_text(&s.item)}</p>
                                    <StatementBars counts=s.counts national=national labelled_by=text_id/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }).collect_view()}
            <h3>{t!("The same answers in a table", "Las mismas respuestas en una tabla")}</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t!("Statement by statement", "Afirmación por afirmación")>
                <table class="table table--team">
                    <caption class="visually-hidden">{t!("Each statement: how many gave each answer, agreement, and the average by role", "Cada afirmación: cuántas personas dieron cada respuesta, el acuerdo y el promedio por rol")}</caption>
                    <thead><tr>
                        <th scope="col">{t!("Statement", "Afirmación")}</th>
                        {ScaleAnswer::ALL.into_iter().map(|a| view! { <th scope="col" class="num num--wrap">{a.label_in(lang())}</th> }).collect_view()}
                        <th scope="col" class="num">{t!("Blank", "En blanco")}</th>
                        <th scope="col" class="num">{t!("Agreement", "Acuerdo")}</th>
                        {gap_roles.iter().map(|r| view! { <th scope="col" class="num num--wrap">{short_role(r)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {report.statements.iter().map(|s| {
                            let flagged = !s.gaps.is_empty();
                            view! {
                                <tr class:row--flagged=flagged>
                                    <th scope="row" class="table__statement">{statement_text(&s.item)}{flagged.then(|| t!(" (roles differ)", " (los roles difieren)"))}</th>
                                    {ScaleAnswer::ALL.into_iter().map(|a| {
                                        let n = s.counts.get(a);
                                        let p = numbers::percent(n, members);
                                        view! { <td class="num">{format!("{n} ({p}%)")}</td> }
                                    }).collect_view()}
                                    <td class="num">{s.counts.unanswered}</td>
                                    <td class="num">{s.agreement.map(|a| format!("{a}%")).unwrap_or_else(|| "–".into())}</td>
                                    {gap_roles.iter().map(|r| {
                                        let mean = s.group(r).and_then(|g| g.mean).map(signed_hundredths).unwrap_or_else(|| "–".into());
                                        view! { <td class="num">{mean}</td> }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

    }
}
