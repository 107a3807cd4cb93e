//! The results page: the overall and weakest-link reading, a chart of the
//! domain balances with the same numbers in a table, the answers behind
//! every number, ranked TA areas and modalities with their reasons, and the
//! answers beside the 2022 national figures. Every number comes from the
//! core's [`Report`]; this file only lays it out.

use crate::browser::{dom, format_timestamp};
use crate::i18n::{lang, t};
use crate::ui::state::{instrument, session};
use hr_assessment::benchmark::MatchScope;
use hr_assessment::case::Case;
use hr_assessment::{Class, DomainResult, Evidence, Lang, Question, Report, Stage};
use leptos::prelude::*;

/// A signed whole number with a real minus sign: "+50", "−83", "0".
pub fn signed(n: i32) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", n.unsigned_abs()),
    }
}

/// "point" or "points" ("punto", "puntos") for a count.
pub fn points_unit(n: u32) -> &'static str {
    if n == 1 {
        t("point", "punto")
    } else {
        t("points", "puntos")
    }
}

/// A balance or "none" when the domain has no known answers.
pub fn balance_text(b: Option<i32>) -> String {
    b.map(signed).unwrap_or_else(|| t("none", "sin datos").to_owned())
}

fn domain_name(id: &hr_assessment::DomainId) -> String {
    instrument()
        .domain(id)
        .map(|d| d.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn statement_text(id: &hr_assessment::ItemId) -> String {
    instrument()
        .question(id)
        .map(|q| q.text().to_owned())
        .unwrap_or_else(|| id.to_string())
}

fn class_phrase(class: Class, strength: u32) -> &'static str {
    match (class, strength) {
        (Class::Facilitator, 2) => t("strong facilitator", "facilitador fuerte"),
        (Class::Facilitator, _) => t("facilitator", "facilitador"),
        (Class::Barrier, 2) => t("strong barrier", "barrera fuerte"),
        (Class::Barrier, _) => t("barrier", "barrera"),
        (Class::Unknown, _) => t("to find out", "por averiguar"),
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let s = session();
    let report = s.report;
    let meta = move || {
        s.record.with(|r| {
            let (name, changed, version) = (&r.name, format_timestamp(&r.updated), &r.instrument_version);
            crate::tf!(
                "{name} · last changed {changed} · questionnaire version {version}",
                "{name} · último cambio: {changed} · versión del cuestionario: {version}"
            )
        })
    };
    view! {
        <a class="back-link" href="#/check">{t("Back to check your answers", "Volver a revisar sus respuestas")}</a>
        <h1 id="page-heading" tabindex="-1">{t("Your results", "Sus resultados")}</h1>
        <p class="results-meta">{meta}</p>
        // Nothing to print or download before the first answer.
        <div class="button-group no-print">
            {move || s.record.with(|r| !r.responses.is_empty()).then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| dom::print()>{t("Print or save as PDF", "Imprimir o guardar como PDF")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| s.record.with_untracked(crate::ui::library::export_csv)>
                    {t("Download spreadsheet (CSV)", "Descargar hoja de cálculo (CSV)")}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| s.record.with_untracked(crate::ui::library::export_json)>
                    {t("Download answers (JSON)", "Descargar las respuestas (JSON)")}
                </button>
            })}
            <a class="button button--secondary" href="#/method">{t("How is this calculated?", "¿Cómo se calcula?")}</a>
        </div>
        {s.modes.kiosk.then(|| view! {
            <div class="panel panel--kiosk no-print">
                <h2>{t("Finished?", "¿Terminó?")}</h2>
                <ol>
                    <li>{t("If you want to keep your results, download them now (optional): use the buttons above.", "Si quiere conservar sus resultados, descárguelos ahora (es opcional): use los botones de arriba.")}</li>
                    <li>{t("Then start over, so the next person finds nothing of yours on this device.", "Después, vuelva a empezar, para que la próxima persona no encuentre nada suyo en este dispositivo.")}</li>
                </ol>
                <button type="button" class="button button--warning" on:click=move |_| s.kiosk_reset()>{t("Delete my answers and start over for the next person", "Borrar mis respuestas y empezar de nuevo para la próxima persona")}</button>
            </div>
        })}
        {move || {
            let r = report.get();
            if r.overall.facilitators + r.overall.barriers + r.overall.unknowns == 0 {
                view! {
                    <div class="panel">
                        <p>{t("You have not answered any statements yet, so there is nothing to read.", "Todavía no ha respondido ninguna afirmación, así que aún no hay resultados.")}</p>
                        <a class="button" href="#/">{t("Start the assessment", "Comenzar la evaluación")}</a>
                    </div>
                }.into_any()
            } else {
                view! {
                    <Overall report=r.clone()/>
                    <DomainChart report=r.clone()/>
                    <DomainWorking report=r.clone()/>
                    <ClassLists report=r.clone()/>
                    <TaAreas report=r.clone()/>
                    <Modalities report=r.clone()/>
                    <Nation report=r.clone()/>
                    <ServicesAndPartners report=r/>
                    <NextSteps/>
                    <About/>
                }.into_any()
            }
        }}
    }
}

#[component]
fn Overall(report: Report) -> impl IntoView {
    let o = &report.overall;
    let total_domains = report.domains.len();
    let weakest = o.weakest.as_ref().map(domain_name).unwrap_or_default();
    let weakest_balance = o
        .weakest
        .as_ref()
        .and_then(|w| report.domain(w))
        .and_then(|d| d.balance);
    let headline = match o.stage {
        Stage::Barrier => crate::tf!(
            "{weakest} is holding your organization back.",
            "Lo que más frena a su organización: {weakest}."
        ),
        Stage::Mixed => crate::tf!(
            "Your organization is partly ready. {weakest} is the weakest domain.",
            "Su organización está preparada en parte. El dominio más débil es {weakest}."
        ),
        Stage::Facilitator => crate::tf!(
            "Your organization looks ready in every domain you assessed. {weakest} is the least strong.",
            "Su organización parece preparada en todos los dominios que evaluó. El dominio menos fuerte es {weakest}."
        ),
        Stage::NotAssessed => t(
            "Every statement you answered was “I don't know”: start by finding out.",
            "Todas sus respuestas fueron “No sé”: el primer paso es averiguar.",
        )
        .to_owned(),
    };
    let answered = o.facilitators + o.barriers + o.unknowns;
    let weakest_line = {
        let (balance, stage) = (balance_text(weakest_balance), o.stage.label_in(lang()).lower());
        crate::tf!(
            "{weakest}: balance {balance}, {stage}",
            "{weakest}: balance de {balance}, {stage}"
        )
    };
    let average_line = {
        let (average, stage, assessed) = (
            balance_text(o.average),
            o.average_stage.label_in(lang()).lower(),
            o.assessed,
        );
        crate::tf!(
            "{average} ({stage}), over {assessed} of {total_domains} domains assessed",
            "{average} ({stage}), en {assessed} de {total_domains} dominios evaluados"
        )
    };
    let answers_line = {
        let (f, b, u, statements) = (o.facilitators, o.barriers, o.unknowns, o.statements);
        let facilitators = if f == 1 {
            crate::tf!("{f} facilitator", "{f} facilitador")
        } else {
            crate::tf!("{f} facilitators", "{f} facilitadores")
        };
        let barriers = if b == 1 {
            crate::tf!("{b} barrier", "{b} barrera")
        } else {
            crate::tf!("{b} barriers", "{b} barreras")
        };
        crate::tf!(
            "{facilitators}, {barriers}, {u} “I don't know”, from {answered} of {statements} statements answered",
            "{facilitators}, {barriers}, {u} “No sé”, en {answered} de {statements} afirmaciones respondidas"
        )
    };
    view! {
        <section class="results-section" aria-labelledby="overall-title">
            <h2 id="overall-title">{t("Overall reading", "Resultado general")}</h2>
            <div class=format!("reading reading--{}", o.stage.as_str())>
                <p class="reading__headline">{headline}</p>
                {(o.stage != Stage::NotAssessed).then(|| view! {
                    <dl class="reading__figures">
                        <div><dt>{t("Weakest link", "Eslabón más débil")}</dt><dd>{weakest_line}</dd></div>
                        <div><dt>{t("Average balance", "Balance promedio")}</dt><dd>{average_line}</dd></div>
                        <div><dt>{t("Answers", "Respuestas")}</dt><dd>{answers_line}</dd></div>
                    </dl>
                })}
            </div>
            <p class="hint">
                {t("Readiness is only as strong as its weakest domain, so the overall reading follows the weakest link; the average is shown beside it. ", "La preparación es tan fuerte como su dominio más débil, por eso el resultado general sigue al eslabón más débil; el promedio aparece al lado. ")}
                {t("Balances run from −100 (every answer a strong barrier) to +100 (every answer a strong facilitator). ", "Los balances van de −100 (todas las respuestas son barreras fuertes) a +100 (todas son facilitadores fuertes). ")}
                <a href="#/method">{t("How is this calculated?", "¿Cómo se calcula?")}</a>
            </p>
        </section>
    }
}

/// Horizontal bars from the center line: right for facilitators, left for
/// barriers. The same numbers are in the table that follows.
#[component]
fn DomainChart(report: Report) -> impl IntoView {
    // Whole SVG user units throughout: the bars need no finer precision, and
    // formatting floating-point numbers would bring ~15 KB of code into the
    // program.
    const W: i32 = 360;
    const CENTER: i32 = 180;
    const ROW: i32 = 48;
    let th = &instrument().scoring;
    let height = ROW * report.domains.len() as i32 + 28;
    let description = report
        .domains
        .iter()
        .map(|d| {
            format!(
                "{}: {} ({})",
                domain_name(&d.domain),
                balance_text(d.balance),
                d.stage.label_in(lang()).lower()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // 1.75 px per balance point, rounded to the nearest pixel.
    let scale = |b: i32| (b * 7 + 2 * b.signum()) / 4;
    let x = move |b: i32| CENTER + scale(b);
    view! {
        <section class="results-section" aria-labelledby="chart-title-h">
            <h2 id="chart-title-h">{t("Each domain at a glance", "Cada dominio de un vistazo")}</h2>
            <figure class="chart">
                <svg class="chart__svg" viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby="chart-title chart-desc">
                    <title id="chart-title">{t("Balance of each domain, from −100 (all strong barriers) to +100 (all strong facilitators)", "Balance de cada dominio, de −100 (todo barreras fuertes) a +100 (todo facilitadores fuertes)")}</title>
                    <desc id="chart-desc">{description}</desc>
                    {report.domains.iter().enumerate().map(|(n, d)| {
                        let y = n as i32 * ROW;
                        let name = domain_name(&d.domain);
                        let bar = d.balance.map(|b| {
                            let (x0, w) = if b >= 0 { (CENTER, scale(b)) } else { (x(b), -scale(b)) };
                            let label_x = if b >= 0 { x0 + w + 4 } else { x0 - 4 };
                            let anchor = if b >= 0 { "start" } else { "end" };
                            view! {
                                <rect class=format!("chart__bar chart__bar--{}", d.stage.as_str()) x=x0 y=y + 22 width=w.max(2) height="16"/>
                                <text class="chart__value" x=label_x y=y + 35 text-anchor=anchor>{signed(b)}</text>
                            }
                        });
                        let label = match d.balance {
                            Some(_) => format!("{name} · {}", d.stage.label_in(lang())),
                            None => crate::tf!("{name} · not assessed", "{name} · sin evaluar"),
                        };
                        view! {
                            // The stage bands sit under each bar only, so labels stay on white.
                            <rect class="chart__band chart__band--barrier" x=x(-100) y=y + 18 width=x(th.barrier_to) - x(-100) height="24"/>
                            <rect class="chart__band chart__band--facilitator" x=x(th.facilitator_from) y=y + 18 width=x(100) - x(th.facilitator_from) height="24"/>
                            <text class="chart__label" x="0" y=y + 13>{label}</text>
                            {bar}
                        }
                    }).collect_view()}
                    <line class="chart__axis" x1=CENTER y1="16" x2=CENTER y2=height - 24/>
                    <text class="chart__tick" x=x(-100) y=height - 10 text-anchor="start">"−100"</text>
                    <text class="chart__tick" x=CENTER y=height - 10 text-anchor="middle">"0"</text>
                    <text class="chart__tick" x=x(100) y=height - 10 text-anchor="end">"+100"</text>
                </svg>
                <figcaption class="hint">
                    {
                        let (from, to) = (signed(th.facilitator_from), signed(th.barrier_to));
                        crate::tf!(
                            "Bars to the right of the center line lean towards facilitators, to the left towards barriers. The shaded edges mark the stages: {from} or more is a facilitator, {to} or less a barrier.",
                            "Las barras a la derecha de la línea central se inclinan hacia los facilitadores; las de la izquierda, hacia las barreras. Los bordes sombreados marcan las etapas: {from} o más es facilitador; {to} o menos, barrera."
                        )
                    }
                </figcaption>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("The numbers behind the chart", "Las cifras del gráfico")>
                <table class="table">
                    <caption>{t("The numbers behind the chart", "Las cifras del gráfico")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("Domain", "Dominio")}</th>
                            <th scope="col">{t("Stage", "Etapa")}</th>
                            <th scope="col" class="num">{t("Balance", "Balance")}</th>
                            <th scope="col" class="num">{t("Facilitators", "Facilitadores")}</th>
                            <th scope="col" class="num">{t("Barriers", "Barreras")}</th>
                            <th scope="col" class="num">{t("I don't know", "No sé")}</th>
                            <th scope="col" class="num">{t("Answered", "Respondidas")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {report.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{domain_name(&d.domain)}</th>
                                <td>{d.stage.label_in(lang())}</td>
                                <td class="num">{balance_text(d.balance)}</td>
                                <td class="num">{d.facilitators}</td>
                                <td class="num">{d.barriers}</td>
                                <td class="num">{d.unknowns}</td>
                                <td class="num">{
                                    let (answered, total, coverage) = (d.answered(), d.total, d.coverage);
                                    crate::tf!("{answered} of {total} ({coverage}%)", "{answered} de {total} ({coverage}%)")
                                }</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// For every domain, the answers and the arithmetic behind its balance.
#[component]
fn DomainWorking(report: Report) -> impl IntoView {
    view! {
        <section class="results-section" aria-labelledby="working-title">
            <h2 id="working-title">{t("The answers behind each domain", "Las respuestas de cada dominio")}</h2>
            {report.domains.into_iter().map(|d| view! { <DomainDetails d=d/> }).collect_view()}
        </section>
    }
}

#[component]
fn DomainDetails(d: DomainResult) -> impl IntoView {
    let name = domain_name(&d.domain);
    let known = d.known();
    let working = match d.balance {
        Some(b) => {
            let (sum, balance) = (signed(d.sum), signed(b));
            if known == 1 {
                crate::tf!(
                    "Score of the one known answer: {sum}. Balance = 100 × {sum} ÷ (2 × 1) = {balance}.",
                    "Puntaje de la única respuesta conocida: {sum}. Balance = 100 × {sum} ÷ (2 × 1) = {balance}."
                )
            } else {
                crate::tf!(
                    "Sum of the scores of the {known} known answers: {sum}. Balance = 100 × {sum} ÷ (2 × {known}) = {balance}.",
                    "Suma de los puntajes de las {known} respuestas conocidas: {sum}. Balance = 100 × {sum} ÷ (2 × {known}) = {balance}."
                )
            }
        }
        None => t(
            "No known answers yet, so no balance.",
            "Todavía no hay respuestas conocidas, así que no hay balance.",
        )
        .to_owned(),
    };
    let summary = {
        let (stage, balance) = (d.stage.label_in(lang()).lower(), balance_text(d.balance));
        crate::tf!(
            "{name}: {stage}, balance {balance}",
            "{name}: {stage}, balance: {balance}"
        )
    };
    let answers_in = crate::tf!("Answers in {name}", "Respuestas en {name}");
    view! {
        <details class="details">
            <summary>{summary}</summary>
            {if d.items.is_empty() {
                view! { <p>{t("No statements answered in this domain.", "No se respondió ninguna afirmación en este dominio.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=answers_in.clone()>
                        <table class="table">
                            <caption class="visually-hidden">{answers_in.clone()}</caption>
                            <thead><tr>
                                <th scope="col">{t("Statement", "Afirmación")}</th>
                                <th scope="col">{t("Your answer", "Su respuesta")}</th>
                                <th scope="col">{t("Reads as", "Cuenta como")}</th>
                                <th scope="col" class="num">{t("Score", "Puntaje")}</th>
                            </tr></thead>
                            <tbody>
                                {d.items.iter().map(|item| view! {
                                    <tr>
                                        <th scope="row" class="table__statement">{statement_text(&item.item)}</th>
                                        <td>{item.answer.label_in(lang())}</td>
                                        <td>{class_phrase(item.class, item.strength())}</td>
                                        <td class="num">{signed(item.score)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="working">{working}</p>
                }.into_any()
            }}
        </details>
    }
}

/// Facilitators, barriers and unknowns, each a list of statements.
#[component]
fn ClassLists(report: Report) -> impl IntoView {
    let list = move |class: Class| {
        report
            .items_of(class)
            .map(|item| {
                (
                    statement_text(&item.item),
                    item.answer.label_in(lang()),
                    class_phrase(item.class, item.strength()),
                )
            })
            .collect::<Vec<_>>()
    };
    let groups = [
        (
            t("What holds you back", "Lo que los frena"),
            "barriers",
            list(Class::Barrier),
        ),
        (
            t("What helps", "Lo que ayuda"),
            "facilitators",
            list(Class::Facilitator),
        ),
        (
            t("What you don't know yet", "Lo que aún no sabe"),
            "unknowns",
            list(Class::Unknown),
        ),
    ];
    view! {
        <section class="results-section" aria-labelledby="lists-title">
            <h2 id="lists-title">{t("Facilitators, barriers and unknowns", "Facilitadores, barreras y “No sé”")}</h2>
            <div class="class-lists">
                {groups.into_iter().map(|(title, key, items)| {
                    let count = items.len();
                    view! {
                        <div class=format!("class-list class-list--{key}")>
                            <h3>{format!("{title} ({count})")}</h3>
                            {if items.is_empty() {
                                view! { <p class="hint">{t("None.", "No hay.")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {items.into_iter().map(|(text, answer, phrase)| view! {
                                            <li>{text}" "<span class="hint">{format!("({answer}: {phrase})")}</span></li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}

fn evidence_line(e: &Evidence) -> String {
    let i = instrument();
    match e {
        Evidence::Statement {
            item,
            answer,
            class,
            strength,
            points,
        } => {
            let (text, answer, class) = (
                statement_text(item),
                answer.phrase_in(lang()),
                class_phrase(*class, *strength),
            );
            let unit = points_unit(*points);
            crate::tf!(
                "“{text}” — you answered {answer}: {class} ({points} {unit})",
                "“{text}”: respondió “{answer}”, {class} ({points} {unit})"
            )
        }
        Evidence::Plan { question, row, points } => {
            let label = match i.question(question) {
                Some(Question::Grid(g)) => g
                    .rows
                    .iter()
                    .find(|r| &r.id == row)
                    .map(|r| r.label.clone())
                    .unwrap_or_default(),
                _ => row.to_string(),
            };
            let unit = points_unit(*points);
            crate::tf!(
                "You plan: {label} ({points} {unit})",
                "Tiene previsto: {label} ({points} {unit})"
            )
        }
        Evidence::Chosen { points } => {
            let unit = points_unit(*points);
            crate::tf!(
                "You chose this area yourself ({points} {unit})",
                "Usted eligió esta área ({points} {unit})"
            )
        }
    }
}

#[component]
fn TaAreas(report: Report) -> impl IntoView {
    let i = instrument();
    view! {
        <section class="results-section" aria-labelledby="ta-title">
            <h2 id="ta-title">{t("Recommended technical assistance", "Asistencia técnica recomendada")}</h2>
            {if report.ta_areas.is_empty() {
                view! { <p>{t("None of your answers points to a need for technical assistance: no barriers and no “I don't know”.", "Ninguna de sus respuestas indica una necesidad de asistencia técnica: no hay barreras ni respuestas “No sé”.")}</p> }.into_any()
            } else {
                view! {
                    <p>{t("Ranked by the barriers and unknowns behind each area: a strong barrier counts 4 points, a barrier 2, an “I don't know” 1. Ties go to what more respondents asked for nationally.", "Ordenadas según las barreras y los “No sé” que hay detrás de cada área: una barrera fuerte cuenta 4 puntos; una barrera, 2; un “No sé”, 1. En caso de empate, va primero lo que más personas encuestadas pidieron a nivel nacional.")}</p>
                    <ol class="ta-list">
                        {report.ta_areas.iter().map(|rec| {
                            let area = i.ta_area(&rec.area);
                            let name = area.map(|a| a.name.clone()).unwrap_or_default();
                            let summary = area.map(|a| a.summary.clone()).unwrap_or_default();
                            let points = rec.points;
                            let mut facts = vec![format!("{points} {}", points_unit(points))];
                            let (barriers, unknowns) = (rec.barriers(), rec.unknowns());
                            if barriers == 1 {
                                facts.push(crate::tf!("{barriers} barrier", "{barriers} barrera"));
                            } else if barriers > 1 {
                                facts.push(crate::tf!("{barriers} barriers", "{barriers} barreras"));
                            }
                            if unknowns > 0 {
                                facts.push(crate::tf!("{unknowns} “I don't know”", "{unknowns} “No sé”"));
                            }
                            let national = match area.and_then(|a| a.national) {
                                Some(n) => {
                                    let (share, n) = (n.share, n.n);
                                    crate::tf!(
                                        "Nationally {share}% of respondents said this would help their organization most (n = {n}).",
                                        "A nivel nacional, el {share}% de las personas encuestadas dijo que esto sería lo que más ayudaría a su organización (n = {n})."
                                    )
                                }
                                None => t(
                                    "The 2022 report gives no national figure for this TA area.",
                                    "El informe de 2022 no da ninguna cifra nacional para esta área de asistencia técnica.",
                                )
                                .to_owned(),
                            };
                            let why = match rec.evidence.len() {
                                1 => t("Why: the answer behind this", "Por qué: la respuesta que lleva a esto").to_owned(),
                                count => crate::tf!("Why: the {count} answers behind this", "Por qué: las {count} respuestas que llevan a esto"),
                            };
                            view! {
                                <li class="ta-list__item">
                                    <h3 class="ta-list__name">{name}</h3>
                                    <p>{summary}</p>
                                    <p class="ta-list__facts">{facts.join(" · ")}". "{national}</p>
                                    <details class="details">
                                        <summary>{why}</summary>
                                        <ul>
                                            {rec.evidence.iter().map(|e| view! { <li>{evidence_line(e)}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {(!report.find_out.is_empty()).then(|| view! {
                <h3>{t("Find out first", "Primero, averigüe")}</h3>
                <p>{t("In these domains at least half of your answers were “I don't know”. That is worth knowing: find out before deciding what to change.", "En estos dominios, al menos la mitad de sus respuestas fueron “No sé”. Es bueno saberlo: averigüe antes de decidir qué cambiar.")}</p>
                <ul class="find-out">
                    {report.find_out.iter().map(|f| {
                        let d = i.domain(&f.domain);
                        view! {
                            <li>
                                <strong>{d.map(|d| d.name.clone()).unwrap_or_default()}</strong>
                                {let (unknowns, total) = (f.unknowns, f.total); crate::tf!(": {unknowns} of {total} statements. ", ": {unknowns} de {total} afirmaciones. ")}
                                {d.map(|d| d.find_out.clone()).unwrap_or_default()}
                                <ul>{f.items.iter().map(|item| view! { <li>{statement_text(item)}</li> }).collect_view()}</ul>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn Modalities(report: Report) -> impl IntoView {
    let i = instrument();
    view! {
        <section class="results-section" aria-labelledby="modalities-title">
            <h2 id="modalities-title">{t("Ways of receiving help that suit you", "Formas de recibir ayuda que le convienen")}</h2>
            <p>{t("Your own top three come first, adjusted for the constraints you named; then what respondents preferred nationally (n = 87).", "Primero van sus tres preferidas, ajustadas según las limitaciones que indicó; después, lo que prefirieron las personas encuestadas a nivel nacional (n = 87).")}</p>
            <ol class="modality-list">
                {report.modalities.iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! {
                        <li class:modality-list__item--chosen=m.chosen>
                            <strong>{name}</strong>
                            <br/>
                            <span class="hint">{m.reason_line_in(i, lang())}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Each survey statement beside the national answers.
#[component]
fn Nation(report: Report) -> impl IntoView {
    view! {
        <section class="results-section" aria-labelledby="nation-title">
            <h2 id="nation-title">{t("Your answers beside the nation", "Sus respuestas junto a las nacionales")}</h2>
            <p>
                {t("Twelve statements come from the 2022 national survey, answered by 90 respondents: people working at mental health and substance use treatment organizations, sometimes several from one organization. ", "Doce afirmaciones vienen de la encuesta nacional de 2022, que respondieron 90 personas que trabajan en organizaciones de tratamiento de salud mental y de uso de sustancias, a veces varias de una misma organización. ")}
                {t("The report gives n = 90 for its organizational and community figures; for the five law, policy and funding figures it gives no n, and 90 is assumed. ", "El informe da n = 90 para sus cifras sobre la organización y la comunidad; para las cinco cifras sobre leyes, políticas y financiamiento no da ninguna n, y se supone 90. ")}
                {t("Most respondents were in leadership roles, so the national figures describe leaders' views.", "La mayoría de quienes respondieron ocupaban puestos de liderazgo, así que las cifras nacionales describen la opinión de líderes.")}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("Your answers and the national answers", "Sus respuestas y las respuestas nacionales")>
                <table class="table table--nation">
                    <caption class="visually-hidden">{t("Your answers and the national answers (n = 90)", "Sus respuestas y las respuestas nacionales (n = 90)")}</caption>
                    <thead><tr>
                        <th scope="col">{t("Statement", "Afirmación")}</th>
                        <th scope="col">{t("You", "Usted")}</th>
                        <th scope="col">{t("Nationally (n = 90)", "A nivel nacional (n = 90)")}</th>
                    </tr></thead>
                    <tbody>
                        {report.statements.iter().map(|b| {
                            let you = b.answer.map(|a| a.label_in(lang()).to_owned()).unwrap_or_else(|| t("Not answered", "Sin responder").to_owned());
                            let same = b.matched.map(|m| {
                                let what = match m.scope {
                                    MatchScope::SameAnswer => t("gave the same answer", "dio la misma respuesta"),
                                    MatchScope::AgreeSide => t("agreed (strongly or somewhat)", "está de acuerdo (muy o algo)"),
                                    MatchScope::DisagreeSide => t("disagreed (strongly or somewhat)", "está en desacuerdo (muy o algo)"),
                                };
                                // Spanish needs the article before an exact share: "el 40%".
                                let prefix = match (m.qualifier.prefix_in(lang()), lang()) {
                                    ("", Lang::Es) => "el ",
                                    (prefix, _) => prefix,
                                };
                                let share = m.share;
                                let text = format!("{prefix}{share}% {what}.");
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
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ServicesAndPartners(report: Report) -> impl IntoView {
    let i = instrument();
    view! {
        <section class="results-section" aria-labelledby="services-title">
            <h2 id="services-title">{t("Services and partners beside the nation", "Servicios y aliados junto a las cifras nacionales")}</h2>
            <p class="hint">{t("A dash means the 2022 report gives no figure for that cell.", "Un guion significa que el informe de 2022 no da ninguna cifra para esa celda.")}</p>
            {report.grids.iter().map(|g| {
                let Some(Question::Grid(grid)) = i.question(&g.question) else { return ().into_any() };
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=grid.text.clone()>
                        <table class="table table--grid">
                            <caption>{grid.text.clone()}</caption>
                            <thead><tr>
                                <th scope="col">{if grid.id.as_str() == "partners" { t("Partner", "Aliado") } else { t("Service", "Servicio") }}</th>
                                <th scope="col">{t("You", "Usted")}</th>
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
            }).collect_view()}
            {report.choices.iter().map(|c| {
                let Some(q) = i.question(&c.question) else { return ().into_any() };
                let options = i.list_options(q);
                let label = |id: &hr_assessment::OptionId| options.iter().find(|(o, _)| o == id).map(|(_, l)| l.clone()).unwrap_or_default();
                let yours = if c.yours.is_empty() { t("not answered", "sin responder").to_owned() } else { c.yours.iter().map(label).collect::<Vec<_>>().join(", ").lower() };
                let nation = c.options.iter().filter_map(|(o, share)| share.map(|s| { let option = label(o).lower(); format!("{s}% {option}") })).collect::<Vec<_>>().join(", ");
                let n = c.n;
                view! {
                    <h3>{q.text().to_owned()}</h3>
                    <p>{crate::tf!("You: {yours}. Nationally: {nation} (n = {n}).", "Usted: {yours}. A nivel nacional: {nation} (n = {n}).")}</p>
                }.into_any()
            }).collect_view()}
        </section>
    }
}

/// The National Harm Reduction Technical Assistance Center (CDC and
/// SAMHSA), as the 2022 report's references give it.
const HRTAC: &str = "https://harmreductionhelp.cdc.gov";

/// What to do with the results: an action plan, a team session (with this
/// respondent's answer code), a later comparison.
#[component]
fn NextSteps() -> impl IntoView {
    let s = session();
    let code = move || {
        s.record
            .with(|r| hr_assessment::code::encode(instrument(), &r.responses))
    };
    let link = move || dom::own_address(&crate::ui::route::Route::TeamAdd(code()).href());
    let copied = RwSignal::new(false);
    view! {
        <section class="results-section no-print" aria-labelledby="next-title">
            <h2 id="next-title">{t("What next", "Próximos pasos")}</h2>
            <ul>
                <li><a href="#/plan">{t("Make an action plan", "Hacer un plan de acción")}</a>{t(" from these recommendations: who does what, by when.", " a partir de estas recomendaciones: quién hace qué y para cuándo.")}</li>
                <li><a href="#/compare">{t("Compare", "Comparar")}</a>{t(" with an earlier or later assessment of your organization.", " con una evaluación anterior o posterior de su organización.")}</li>
            </ul>
            <h3>{t("Where to ask for technical assistance", "Dónde pedir asistencia técnica")}</h3>
            <p>
                {t("The National Harm Reduction Technical Assistance Center, named in the 2022 report, offers free help to anyone providing or planning to provide harm reduction services: ", "El Centro Nacional de Asistencia Técnica en Reducción de Daños (National Harm Reduction Technical Assistance Center), mencionado en el informe de 2022, ofrece ayuda gratuita a quien presta o planea prestar servicios de reducción de daños: ")}
                <a href=HRTAC rel="noreferrer">{HRTAC}</a>
                {t(". Following the link opens their site; nothing from this app goes with it.", ". El enlace abre su sitio; nada de esta aplicación se envía con él.")}
            </p>
            <h3>{t("Your answer code for a team session", "Su código de respuestas para una sesión de equipo")}</h3>
            <p>
                {t("If a facilitator is bringing your team's results together, give them this code (or the link). ", "Si una persona facilitadora está reuniendo los resultados de su equipo, dele este código (o el enlace). ")}
                {t("It holds your answers to the statements and your role, nothing else; it is not sent anywhere unless you send it.", "Contiene sus respuestas a las afirmaciones y su rol, nada más; no se envía a ningún lugar a menos que usted lo envíe.")}
            </p>
            <p><code class="answer-code">{code}</code></p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if dom::copy_text(&link()) {
                        copied.set(true);
                    }
                }>{t("Copy the link for your facilitator", "Copiar el enlace para la persona facilitadora")}</button>
                <span role="status">{move || copied.get().then(|| t("Copied.", "Copiado."))}</span>
            </div>
        </section>
    }
}

#[component]
fn About() -> impl IntoView {
    let i = instrument();
    let source = i
        .source(&"nc-2022".into())
        .map(|s| s.citation.clone())
        .unwrap_or_default();
    view! {
        <section class="results-section" aria-labelledby="about-title">
            <h2 id="about-title">{t("About these results", "Sobre estos resultados")}</h2>
            <p>
                {t("These results are a starting point for a conversation, not a verdict. They reflect how you see your organization today; ", "Estos resultados son un punto de partida para conversar, no un veredicto. Reflejan cómo ve usted hoy a su organización; ")}
                {t("others in your organization may see it differently.", "otras personas de su organización pueden verla de otra manera.")}
            </p>
            <p>{crate::tf!(
                "National figures: {source} A convenience sample of people working at National Council member organizations (respondents, several of them sometimes from one organization); the figures describe those respondents, not every organization.",
                "Cifras nacionales: {source} Una muestra de conveniencia de personas que trabajan en organizaciones miembros del National Council (a veces varias de una misma organización); las cifras describen a quienes respondieron, no a todas las organizaciones."
            )}</p>
            <p>{t("Nothing on this page has left your browser. It is saved only on this device.", "Nada de esta página ha salido de su navegador. Se guarda solo en este dispositivo.")}</p>
        </section>
    }
}
