//! The results page: first a summary on one screen (the organization's own
//! readiness and its context, the top TA areas and ways of receiving help,
//! each linking to its working), then the detail: the two readings' working,
//! a chart of the domain balances with the same numbers in a table, the
//! answers behind every number, ranked TA areas and modalities with their
//! reasons, and the answers beside the 2022 national figures. Every number
//! comes from the core's [`Report`]; this file only lays it out.

use crate::browser::{dom, format_timestamp};
use crate::i18n::{lang, t};
use crate::ui::format::statement_text;
use crate::ui::state::{instrument, session};
use hr_assessment::benchmark::MatchScope;
use hr_assessment::case::Case;
use hr_assessment::{Class, DomainResult, Evidence, Lang, Question, Reading, Report, Setting, Stage};
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

/// A domain's name within a reading: with the setting where the domain's
/// statements are split between the organization and its context
/// ("Funding (in your organization)", "Funding (around you)").
fn part_name(id: &hr_assessment::DomainId, setting: Setting) -> String {
    let i = instrument();
    let name = domain_name(id);
    let mut settings = i.statements_in(id).map(|s| i.setting_of(s));
    let first = settings.next();
    if settings.all(|s| Some(s) == first) {
        return name;
    }
    match setting {
        Setting::Organization => crate::tf!("{name} (in your organization)", "{name} (en su organización)"),
        Setting::Context => crate::tf!("{name} (around you)", "{name} (el entorno)"),
    }
}

fn names(reading: &Reading, ids: &[hr_assessment::DomainId]) -> String {
    ids.iter()
        .map(|d| part_name(d, reading.setting))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reading in plain words.
pub fn reading_headline(reading: &Reading) -> String {
    let weakest = reading
        .weakest
        .as_ref()
        .map(|w| part_name(w, reading.setting))
        .unwrap_or_default();
    match (reading.setting, reading.stage) {
        (Setting::Organization, Stage::Barrier) => crate::tf!(
            "{weakest} is holding your organization back.",
            "Lo que más frena a su organización: {weakest}."
        ),
        (Setting::Organization, Stage::Mixed) => crate::tf!(
            "Your organization is partly ready. {weakest} is the weakest domain.",
            "Su organización está preparada en parte. El dominio más débil es {weakest}."
        ),
        (Setting::Organization, Stage::Facilitator) => crate::tf!(
            "Your organization looks ready in every domain with enough answers. {weakest} is the least strong.",
            "Su organización parece preparada en todos los dominios con suficientes respuestas. El dominio menos fuerte es {weakest}."
        ),
        (Setting::Organization, Stage::NotAssessed) => t(
            "There are not enough answers about your organization itself to say: find out first.",
            "No hay suficientes respuestas sobre su propia organización para decirlo: primero, averigüe.",
        )
        .to_owned(),
        (Setting::Context, Stage::Barrier) => {
            let list = names(reading, &reading.barriers);
            crate::tf!(
                "Around your organization, these work against it: {list}.",
                "En el entorno de su organización, esto juega en contra: {list}."
            )
        }
        (Setting::Context, Stage::Mixed) => crate::tf!(
            "Its context is mixed. {weakest} is the least favorable: plan for it.",
            "Su entorno es mixto. Lo menos favorable es {weakest}: téngalo en cuenta al planificar."
        ),
        (Setting::Context, Stage::Facilitator) => crate::tf!(
            "Its context helps. {weakest} is the least favorable.",
            "Su entorno ayuda. Lo menos favorable es {weakest}."
        ),
        (Setting::Context, Stage::NotAssessed) => t(
            "There are not enough answers about its context (law, community, payers) to say.",
            "No hay suficientes respuestas sobre su entorno (leyes, comunidad, pagadores) para decirlo.",
        )
        .to_owned(),
    }
}

/// A button that moves to the working of a summary line (in-page: the app
/// routes on the fragment, so this is not an anchor). A `named` one (a TA
/// area, a way of receiving help) is the line itself and stays in print.
fn see_working(target: String, label: String, named: bool) -> impl IntoView {
    view! {
        <button type="button" class="link-button" class:link-button--print=named on:click=move |_| {
            dom::focus_id(&target);
        }>{label}</button>
    }
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
        // The summary first, so that a phone shows it on the first screens.
        {move || {
            let r = report.get();
            (r.overall.facilitators + r.overall.barriers + r.overall.unknowns > 0).then(|| view! { <Summary report=r/> })
        }}
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
        {move || s.record.with(|r| !r.responses.is_empty()).then(|| view! { <crate::ui::kiosk::DownloadNote/> })}
        // Before any answer there is nothing to keep or delete, so the
        // kiosk's "Finished?" panel (which points at the downloads) waits.
        {move || s.modes.kiosk.then(crate::ui::kiosk::kiosk).filter(|_| s.record.with(|r| !r.responses.is_empty())).map(|k| view! {
            <div class="panel panel--kiosk no-print">
                <h2>{t("Finished?", "¿Terminó?")}</h2>
                <ol>
                    <li>{t("If you want to keep your results, download them now (optional): use the buttons above.", "Si quiere conservar sus resultados, descárguelos ahora (es opcional): use los botones de arriba.")}</li>
                    <li>{t("Then start over, so the next person finds nothing of yours on this device.", "Después, vuelva a empezar, para que la próxima persona no encuentre nada suyo en este dispositivo.")}</li>
                </ol>
                <button type="button" class="button button--warning" on:click=move |_| k.reset()>{t("Delete my answers and start over for the next person", "Borrar mis respuestas y empezar de nuevo para la próxima persona")}</button>
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

/// The summary on one screen: both readings, the top TA areas and ways of
/// receiving help, each with a way to its working.
#[component]
fn Summary(report: Report) -> impl IntoView {
    let i = instrument();
    let o = &report.overall;
    let reading = |r: &Reading, title: &'static str| {
        view! {
            <div class=format!("reading reading--{}", r.stage.as_str())>
                <h3 class="reading__title">{title}</h3>
                <p class="reading__headline">{reading_headline(r)}</p>
                {(r.setting == Setting::Context).then(|| view! {
                    <p>{t("What to work around, plan for or advocate about, not a verdict on your organization.", "Lo que hay que sortear, prever o sobre lo que abogar, no un veredicto sobre su organización.")}</p>
                })}
                {(!r.lacking.is_empty()).then(|| {
                    let list = names(r, &r.lacking);
                    view! { <p>{crate::tf!("Not enough answers to say: {list}.", "Respuestas insuficientes para decirlo: {list}.")}</p> }
                })}
                {see_working(format!("working-{}", r.setting.as_str()), t("See the working", "Ver el cálculo").to_owned(), false)}
            </div>
        }
    };
    let top_ta: Vec<_> = report.ta_areas.iter().take(3).cloned().collect();
    let top_ways: Vec<_> = report.modalities.iter().take(3).cloned().collect();
    view! {
        <section class="results-section summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{t("Summary", "Resumen")}</h2>
            {reading(&o.organization, t("Your organization", "Su organización"))}
            {reading(&o.context, t("Its context", "Su entorno"))}
            {(!report.find_out.is_empty()).then(|| view! {
                <p>{see_working("find-out-title".to_owned(), t("Find out first: what to ask, and whom", "Primero, averigüe: qué preguntar y a quién").to_owned(), false)}</p>
            })}
            <h3>{t("Technical assistance to ask for", "Asistencia técnica que puede pedir")}</h3>
            {if top_ta.is_empty() {
                view! { <p>{t("None of your answers points to a need for technical assistance.", "Ninguna de sus respuestas indica una necesidad de asistencia técnica.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="summary__list">
                        {top_ta.into_iter().map(|rec| {
                            let name = i.ta_area(&rec.area).map(|a| a.name.clone()).unwrap_or_default();
                            let need = rec.need;
                            view! {
                                <li>
                                    {see_working(format!("ta-{}", rec.area), name, true)}
                                    {crate::tf!(" (need {need}%)", " (necesidad: {need}%)")}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <h3>{t("Ways of receiving help", "Formas de recibir ayuda")}</h3>
            <ol class="summary__list">
                {top_ways.into_iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! { <li>{see_working(format!("way-{}", m.modality), name, true)}</li> }
                }).collect_view()}
            </ol>
            <p class="hint">
                {t("Not a validated instrument: a structured way to discuss readiness, built on the 2022 national survey and readiness research (R=MC², ORIC, CFIR). ", "No es un instrumento validado: es una forma estructurada de conversar sobre la preparación, basada en la encuesta nacional de 2022 y en investigaciones sobre la preparación (R=MC², ORIC, CFIR). ")}
                <a href="#/method">{t("How is this calculated?", "¿Cómo se calcula?")}</a>
            </p>
        </section>
    }
}

/// One reading's working: each domain (or part of one) in its setting.
fn reading_table(r: &Reading, caption: &'static str) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="table">
                <caption id=format!("working-{}", r.setting.as_str()) tabindex="-1">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("Domain", "Dominio")}</th>
                        <th scope="col" class="num">{t("Known answers", "Respuestas conocidas")}</th>
                        <th scope="col" class="num">{t("Balance", "Balance")}</th>
                        <th scope="col">{t("Stage", "Etapa")}</th>
                    </tr>
                </thead>
                <tbody>
                    {r.parts.iter().map(|p| {
                        let (known, total) = (p.known(), p.total);
                        let weakest = r.weakest.as_ref() == Some(&p.domain);
                        view! {
                            <tr>
                                <th scope="row">{part_name(&p.domain, r.setting)}{weakest.then(|| t(" (weakest link)", " (eslabón más débil)"))}</th>
                                <td class="num">{crate::tf!("{known} of {total}", "{known} de {total}")}</td>
                                <td class="num">{balance_text(p.balance)}</td>
                                <td>{p.stage.label_in(lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Overall(report: Report) -> impl IntoView {
    let o = &report.overall;
    let total_domains = report.domains.len();
    let answered = o.facilitators + o.barriers + o.unknowns;
    let average_line = {
        let (average, stage, assessed) = (
            balance_text(o.average),
            o.average_stage.label_in(lang()).lower(),
            o.assessed,
        );
        crate::tf!(
            "{average} ({stage}), over {assessed} of {total_domains} domains with enough answers",
            "{average} ({stage}), en {assessed} de {total_domains} dominios con suficientes respuestas"
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
    let th = &instrument().scoring;
    let (from, to) = (signed(th.facilitator_from), signed(th.barrier_to));
    view! {
        <section class="results-section" aria-labelledby="overall-title">
            <h2 id="overall-title">{t("The two readings in detail", "Las dos lecturas en detalle")}</h2>
            {reading_table(&o.organization, t("Your organization itself: leaders, staff, own policies and own resources", "Su propia organización: liderazgo, personal, políticas y recursos propios"))}
            {reading_table(&o.context, t("Its context: law, community, payers and health agencies", "Su entorno: leyes, comunidad, pagadores y agencias de salud"))}
            <dl class="reading__figures">
                <div><dt>{t("Average balance", "Balance promedio")}</dt><dd>{average_line}</dd></div>
                <div><dt>{t("Answers", "Respuestas")}</dt><dd>{answers_line}</dd></div>
            </dl>
            <p class="hint">
                {t("Readiness is only as strong as its weakest domain, so your organization's reading follows the weakest link among its own domains. Its context (law, community attitudes, payers, health agencies) is read apart: it is what to work around, plan for or advocate about. ", "La preparación es tan fuerte como su dominio más débil, por eso la lectura de su organización sigue al eslabón más débil entre sus propios dominios. Su entorno (leyes, actitudes de la comunidad, pagadores, agencias de salud) se lee aparte: es lo que hay que sortear, prever o sobre lo que abogar. ")}
                {t("A domain gets a stage only when at least half of its statements have a known answer (not “I don't know”, not skipped). ", "Un dominio recibe una etapa solo cuando al menos la mitad de sus afirmaciones tiene una respuesta conocida (ni “No sé” ni sin responder). ")}
                {crate::tf!(
                    "Balances run from −100 (every answer a strong barrier) to +100 (every answer a strong facilitator); {from} or more is a facilitator and {to} or less a barrier, which splits the range into three nearly equal thirds. ",
                    "Los balances van de −100 (todas las respuestas son barreras fuertes) a +100 (todas son facilitadores fuertes); {from} o más es facilitador y {to} o menos, barrera, lo que divide el rango en tres tercios casi iguales. "
                )}
                <a href="#/method">{t("How is this calculated?", "¿Cómo se calcula?")}</a>
            </p>
        </section>
    }
}

/// Horizontal bars from the center line: right for facilitators, left for
/// barriers. The same numbers are in the table that follows.
#[component]
pub fn DomainChart(report: Report) -> impl IntoView {
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
    // 1.28 px per balance point, rounded to the nearest pixel: the bars span
    // x = 52 to 308, which leaves 52 units on each side for the value
    // written beyond the bar's end ("−100" and "+100" are about 36 wide at
    // the chart's 13 px and 44 at a browser's default 16 px), so every value
    // from −100 to +100 is inside the drawing area and never under its own
    // bar.
    let scale = |b: i32| (b * 32 + 12 * b.signum()) / 25;
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
                        let bar = d.balance.filter(|_| d.stage != Stage::NotAssessed).map(|b| {
                            let (x0, w) = if b >= 0 { (CENTER, scale(b)) } else { (x(b), -scale(b)) };
                            let label_x = if b >= 0 { x0 + w + 4 } else { x0 - 4 };
                            let anchor = if b >= 0 { "start" } else { "end" };
                            view! {
                                <rect class=format!("chart__bar chart__bar--{}", d.stage.as_str()) x=x0 y=y + 22 width=w.max(2) height="16"/>
                                <text class="chart__value" x=label_x y=y + 35 text-anchor=anchor>{signed(b)}</text>
                            }
                        });
                        let label = format!("{name} · {}", d.stage.label_in(lang()));
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
        Evidence::Missing { question, row, points } => {
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
                "A core service you neither provide nor plan: {label} ({points} {unit})",
                "Un servicio básico que no ofrece ni tiene previsto: {label} ({points} {unit})"
            )
        }
        Evidence::Chosen { points } => {
            let unit = points_unit(*points);
            crate::tf!(
                "You chose this TA area yourself ({points} {unit})",
                "Usted eligió esta área de asistencia técnica ({points} {unit})"
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
                    <p>{
                        let th = &instrument().scoring;
                        let (strong, barrier, unknown) = (th.points_strong_barrier, th.points_somewhat_barrier, th.points_unknown);
                        crate::tf!(
                            "Ranked by need: the points behind each TA area (a strong barrier {strong}, a barrier {barrier}, an “I don't know” {unknown}, a facilitator 0) as a share of the most its answers could give ({strong} for each answered statement), so a TA area does not rise just because more statements point to it. Ties go to what more respondents asked for nationally.",
                            "Ordenadas según la necesidad: los puntos detrás de cada área de asistencia técnica (una barrera fuerte {strong}; una barrera, {barrier}; un “No sé”, {unknown}; un facilitador, 0) como parte del máximo que podrían dar sus respuestas ({strong} por cada afirmación respondida), así que un área de asistencia técnica no sube solo porque más afirmaciones apuntan a ella. En caso de empate, va primero lo que más personas encuestadas pidieron a nivel nacional."
                        )
                    }</p>
                    <ol class="ta-list">
                        {report.ta_areas.iter().map(|rec| {
                            let area = i.ta_area(&rec.area);
                            let name = area.map(|a| a.name.clone()).unwrap_or_default();
                            let summary = area.map(|a| a.summary.clone()).unwrap_or_default();
                            let (need, points, possible) = (rec.need, rec.points, rec.possible);
                            let mut facts = vec![crate::tf!(
                                "need {need}%: {points} of {possible} possible points",
                                "necesidad: {need}%, {points} de {possible} puntos posibles"
                            )];
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
                                    <h3 class="ta-list__name" id=format!("ta-{}", rec.area) tabindex="-1">{name}</h3>
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
                <h3 id="find-out-title" tabindex="-1">{t("Find out first", "Primero, averigüe")}</h3>
                <p>{t("In these domains fewer than half of the statements have a known answer: the rest were answered “I don't know” or skipped. That is worth knowing: find out before deciding what to change.", "En estos dominios, menos de la mitad de las afirmaciones tiene una respuesta conocida: las demás se respondieron con “No sé” o quedaron sin responder. Es bueno saberlo: averigüe antes de decidir qué cambiar.")}</p>
                <ul class="find-out">
                    {report.find_out.iter().map(|f| {
                        let d = i.domain(&f.domain);
                        view! {
                            <li>
                                <strong>{d.map(|d| d.name.clone()).unwrap_or_default()}</strong>
                                {let (open, total) = (f.items.len(), f.total); crate::tf!(": {open} of {total} statements without a known answer. ", ": {open} de {total} afirmaciones sin respuesta conocida. ")}
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
            <p>{
                let n = i.national_facts().modalities_n.unwrap_or(0);
                crate::tf!(
                    "Your own top three come first, adjusted for the constraints you named; then what respondents preferred nationally (n = {n}).",
                    "Primero van sus tres preferidas, ajustadas según las limitaciones que indicó; después, lo que prefirieron las personas encuestadas a nivel nacional (n = {n})."
                )
            }</p>
            <ol class="modality-list">
                {report.modalities.iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! {
                        <li class:modality-list__item--chosen=m.chosen>
                            <strong id=format!("way-{}", m.modality) tabindex="-1">{name}</strong>
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
    let hr_assessment::instrument::NationalFacts {
        statements,
        n,
        n_assumed,
        ..
    } = instrument().national_facts();
    view! {
        <section class="results-section" aria-labelledby="nation-title">
            <h2 id="nation-title">{t("Your answers beside the nation", "Sus respuestas junto a las nacionales")}</h2>
            <p>
                {crate::tf!(
                    "{statements} statements come from the 2022 national survey, answered by {n} respondents: people working at mental health and substance use treatment organizations, sometimes several from one organization. ",
                    "{statements} afirmaciones vienen de la encuesta nacional de 2022, que respondieron {n} personas que trabajan en organizaciones de tratamiento de salud mental y de uso de sustancias, a veces varias de una misma organización. "
                )}
                {crate::tf!(
                    "The report gives n = {n} for its organizational and community figures; for the {n_assumed} law, policy and funding figures it gives no n, and {n} is assumed. ",
                    "El informe da n = {n} para sus cifras sobre la organización y la comunidad; para las {n_assumed} cifras sobre leyes, políticas y financiamiento no da ninguna n, y se supone {n}. "
                )}
                {t("Most respondents were in leadership roles, so the national figures describe leaders' views.", "La mayoría de quienes respondieron ocupaban puestos de liderazgo, así que las cifras nacionales describen la opinión de líderes.")}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t("Your answers and the national answers", "Sus respuestas y las respuestas nacionales")>
                <table class="table table--nation">
                    <caption class="visually-hidden">{crate::tf!("Your answers and the national answers (n = {n})", "Sus respuestas y las respuestas nacionales (n = {n})")}</caption>
                    <thead><tr>
                        <th scope="col">{t("Statement", "Afirmación")}</th>
                        <th scope="col">{t("You", "Usted")}</th>
                        <th scope="col">{crate::tf!("Nationally (n = {n})", "A nivel nacional (n = {n})")}</th>
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
                {t("If a facilitator is bringing your team's results together, give them this code: they paste it into the team view, or read the QR code beside it with their device's camera. ", "Si una persona facilitadora está reuniendo los resultados de su equipo, dele este código: lo pegará en la vista de equipo, o leerá el código QR que está al lado con la cámara de su dispositivo. ")}
                {t("It holds your answers to the statements and your role, nothing else; it is not sent anywhere unless you send it.", "Contiene sus respuestas a las afirmaciones y su rol, nada más; no se envía a ningún lugar a menos que usted lo envíe.")}
            </p>
            <div class="answer-code-pair">
                <p><code class="answer-code">{code}</code></p>
                {move || view! { <crate::ui::scan::AnswerQr code=code()/> }}
            </div>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if dom::copy_text(&code()) {
                        copied.set(true);
                    }
                }>{t("Copy your answer code", "Copiar su código de respuestas")}</button>
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
                {t("This is not a validated instrument: it is a structured way to discuss readiness, built on the 2022 national survey and on readiness research (R=MC², ORIC, CFIR). ", "Este no es un instrumento validado: es una forma estructurada de conversar sobre la preparación, basada en la encuesta nacional de 2022 y en investigaciones sobre la preparación (R=MC², ORIC, CFIR). ")}
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
