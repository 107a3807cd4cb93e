//! The working: both readings domain by domain, the chart of the balances,
//! the answers behind each domain, and the lists by class.

use crate::i18n::{lang, t};
use crate::ui::format::statement_text;
use crate::ui::format::{balance_text, class_phrase, domain_name, part_name};
use crate::ui::state::instrument;
use hr_assessment::case::Case;
use hr_assessment::numbers::signed;
use hr_assessment::{Class, DomainResult, Part, Reading, Report, Stage};
use leptos::prelude::*;

/// One reading's working: each domain (or part of one) in its setting.
fn reading_table(report: Memo<Report>, reading: fn(&Report) -> &Reading, caption: &'static str) -> impl IntoView {
    let setting = report.with_untracked(|r| reading(r).setting);
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="table">
                <caption id=format!("working-{}", setting.as_str()) tabindex="-1">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!("Domain", "Dominio")}</th>
                        <th scope="col" class="num">{t!("Known answers", "Respuestas conocidas")}</th>
                        <th scope="col" class="num">{t!("Balance", "Balance")}</th>
                        <th scope="col">{t!("Stage", "Etapa")}</th>
                    </tr>
                </thead>
                <tbody>
                    {super::kept_rows(
                        report,
                        move |r| reading(r).parts.len(),
                        move |r, k| {
                            let r = reading(r);
                            r.parts.get(k).map(|p| (p.clone(), r.weakest.as_ref() == Some(&p.domain)))
                        },
                        move |(p, weakest): &(Part, bool)| {
                            let (known, total) = (p.known(), p.total);
                            view! {
                                <tr>
                                    <th scope="row">{part_name(&p.domain, setting)}{weakest.then(|| t!(" (weakest link)", " (eslabón más débil)"))}</th>
                                    <td class="num">{crate::tf!("{known} of {total}", "{known} de {total}")}</td>
                                    <td class="num">{balance_text(p.balance)}</td>
                                    <td>{p.stage.label_in(lang())}</td>
                                </tr>
                            }
                        },
                    )}
                </tbody>
            </table>
        </div>
    }
}

fn average_line(report: &Report) -> String {
    let o = &report.overall;
    let total_domains = report.domains.len();
    let (average, stage, assessed) = (
        balance_text(o.average),
        o.average_stage.label_in(lang()).lower(),
        o.assessed,
    );
    crate::tf!(
        "{average} ({stage}), over {assessed} of {total_domains} domains with enough answers",
        "{average} ({stage}), en {assessed} de {total_domains} dominios con suficientes respuestas"
    )
}

fn answers_line(report: &Report) -> String {
    let o = &report.overall;
    let answered = o.facilitators + o.barriers + o.unknowns;
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
}

#[component]
pub(super) fn Overall(report: Memo<Report>) -> impl IntoView {
    let th = &instrument().scoring;
    let (from, to) = (signed(th.facilitator_from), signed(th.barrier_to));
    view! {
        <section class="results-section" aria-labelledby="overall-title">
            <h2 id="overall-title">{t!("The two readings in detail", "Las dos lecturas en detalle")}</h2>
            {reading_table(report, |r| &r.overall.organization, t!("Your organization itself: leaders, staff, own policies and own resources", "Su propia organización: liderazgo, personal, políticas y recursos propios"))}
            {reading_table(report, |r| &r.overall.context, t!("Its context: law, community, payers and health agencies", "Su entorno: leyes, comunidad, pagadores y agencias de salud"))}
            <dl class="reading__figures">
                <div><dt>{t!("Average balance", "Balance promedio")}</dt><dd>{move || report.with(average_line)}</dd></div>
                <div><dt>{t!("Answers", "Respuestas")}</dt><dd>{move || report.with(answers_line)}</dd></div>
            </dl>
            <p class="hint">
                {t!("Readiness is only as strong as its weakest domain, so your organization's reading follows the weakest link among its own domains. Its context (law, community attitudes, payers, health agencies) is read apart: it is what to work around, plan for or advocate about. ", "La preparación es tan fuerte como su dominio más débil, por eso la lectura de su organización sigue al eslabón más débil entre sus propios dominios. Su entorno (leyes, actitudes de la comunidad, pagadores, agencias de salud) se lee aparte: es lo que hay que sortear, prever o sobre lo que abogar. ")}
                {t!("A domain gets a stage only when at least half of its statements have a known answer (not “I don't know”, not skipped). ", "Un dominio recibe una etapa solo cuando al menos la mitad de sus afirmaciones tiene una respuesta conocida (ni “No sé” ni sin responder). ")}
                {crate::tf!(
                    "Balances run from −100 (every answer a strong barrier) to +100 (every answer a strong facilitator); {from} or more is a facilitator and {to} or less a barrier, which splits the range into three nearly equal thirds. ",
                    "Los balances van de −100 (todas las respuestas son barreras fuertes) a +100 (todas son facilitadores fuertes); {from} o más es facilitador y {to} o menos, barrera, lo que divide el rango en tres tercios casi iguales. "
                )}
                <a href="#/method">{t!("How is this calculated?", "¿Cómo se calcula?")}</a>
            </p>
        </section>
    }
}

/// Horizontal bars from the center line: right for facilitators, left for
/// barriers. The same numbers are in the table that follows.
#[component]
pub fn DomainChart(report: Memo<Report>) -> impl IntoView {
    // Whole SVG user units throughout: the bars need no finer precision, and
    // formatting floating-point numbers would bring ~15 KB of code into the
    // program.
    const W: i32 = 360;
    const CENTER: i32 = 180;
    const ROW: i32 = 48;
    let th = &instrument().scoring;
    let (barrier_to, facilitator_from) = (th.barrier_to, th.facilitator_from);
    let height = ROW * report.with_untracked(|r| r.domains.len()) as i32 + 28;
    let description = move || {
        report.with(|r| {
            r.domains
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
                .join("; ")
        })
    };
    // 1.28 px per balance point, rounded to the nearest pixel: the bars span
    // x = 52 to 308, which leaves 52 units on each side for the value
    // written beyond the bar's end ("−100" and "+100" are about 36 wide at
    // the chart's 13 px and 44 at a browser's default 16 px), so every value
    // from −100 to +100 is inside the drawing area and never under its own
    // bar.
    let scale = |b: i32| (b * 32 + 12 * b.signum()) / 25;
    let x = move |b: i32| CENTER + scale(b);
    let domain_row = |r: &Report, k: usize| r.domains.get(k).map(|d| (k, d.domain.clone(), d.balance, d.stage));
    view! {
        <section class="results-section" aria-labelledby="chart-title-h">
            <h2 id="chart-title-h">{t!("Each domain at a glance", "Cada dominio de un vistazo")}</h2>
            <figure class="chart">
                <svg class="chart__svg" viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby="chart-title chart-desc">
                    <title id="chart-title">{t!("Balance of each domain, from −100 (all strong barriers) to +100 (all strong facilitators)", "Balance de cada dominio, de −100 (todo barreras fuertes) a +100 (todo facilitadores fuertes)")}</title>
                    <desc id="chart-desc">{description}</desc>
                    {super::kept_rows(report, |r| r.domains.len(), domain_row, move |(n, domain, balance, stage): &(usize, hr_assessment::DomainId, Option<i32>, Stage)| {
                        let y = *n as i32 * ROW;
                        let name = domain_name(domain);
                        let bar = balance.filter(|_| *stage != Stage::NotAssessed).map(|b| {
                            let (x0, w) = if b >= 0 { (CENTER, scale(b)) } else { (x(b), -scale(b)) };
                            let label_x = if b >= 0 { x0 + w + 4 } else { x0 - 4 };
                            let anchor = if b >= 0 { "start" } else { "end" };
                            view! {
                                <rect class=format!("chart__bar chart__bar--{}", stage.as_str()) x=x0 y=y + 22 width=w.max(2) height="16"/>
                                <text class="chart__value" x=label_x y=y + 35 text-anchor=anchor>{signed(b)}</text>
                            }
                        });
                        let label = format!("{name} · {}", stage.label_in(lang()));
                        view! {
                            // The stage bands sit under each bar only, so labels stay on white.
                            <rect class="chart__band chart__band--barrier" x=x(-100) y=y + 18 width=x(barrier_to) - x(-100) height="24"/>
                            <rect class="chart__band chart__band--facilitator" x=x(facilitator_from) y=y + 18 width=x(100) - x(facilitator_from) height="24"/>
                            <text class="chart__label" x="0" y=y + 13>{label}</text>
                            {bar}
                        }
                    })}
                    <line class="chart__axis" x1=CENTER y1="16" x2=CENTER y2=height - 24/>
                    <text class="chart__tick" x=x(-100) y=height - 10 text-anchor="start">"−100"</text>
                    <text class="chart__tick" x=CENTER y=height - 10 text-anchor="middle">"0"</text>
                    <text class="chart__tick" x=x(100) y=height - 10 text-anchor="end">"+100"</text>
                </svg>
                <figcaption class="hint">
                    {
                        let (from, to) = (signed(facilitator_from), signed(barrier_to));
                        crate::tf!(
                            "Bars to the right of the center line lean towards facilitators, to the left towards barriers. The shaded edges mark the stages: {from} or more is a facilitator, {to} or less a barrier.",
                            "Las barras a la derecha de la línea central se inclinan hacia los facilitadores; las de la izquierda, hacia las barreras. Los bordes sombreados marcan las etapas: {from} o más es facilitador; {to} o menos, barrera."
                        )
                    }
                </figcaption>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t!("The numbers behind the chart", "Las cifras del gráfico")>
                <table class="table">
                    <caption>{t!("The numbers behind the chart", "Las cifras del gráfico")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!("Domain", "Dominio")}</th>
                            <th scope="col">{t!("Stage", "Etapa")}</th>
                            <th scope="col" class="num">{t!("Balance", "Balance")}</th>
                            <th scope="col" class="num">{t!("Facilitators", "Facilitadores")}</th>
                            <th scope="col" class="num">{t!("Barriers", "Barreras")}</th>
                            <th scope="col" class="num">{t!("I don't know", "No sé")}</th>
                            <th scope="col" class="num">{t!("Answered", "Respondidas")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {super::kept_rows(report, |r| r.domains.len(), domain_result, |d: &DomainResult| view! {
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
                        })}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The `k`th domain's result.
fn domain_result(r: &Report, k: usize) -> Option<DomainResult> {
    r.domains.get(k).cloned()
}

/// For every domain, the answers and the arithmetic behind its balance.
#[component]
pub(super) fn DomainWorking(report: Memo<Report>) -> impl IntoView {
    view! {
        <section class="results-section" aria-labelledby="working-title">
            <h2 id="working-title">{t!("The answers behind each domain", "Las respuestas de cada dominio")}</h2>
            {super::kept_rows(report, |r| r.domains.len(), domain_result, |d: &DomainResult| view! { <DomainDetails d=d.clone()/> })}
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
        None => t!(
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
                view! { <p>{t!("No statements answered in this domain.", "No se respondió ninguna afirmación en este dominio.")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=answers_in.clone()>
                        <table class="table">
                            <caption class="visually-hidden">{answers_in.clone()}</caption>
                            <thead><tr>
                                <th scope="col">{t!("Statement", "Afirmación")}</th>
                                <th scope="col">{t!("Your answer", "Su respuesta")}</th>
                                <th scope="col">{t!("Reads as", "Cuenta como")}</th>
                                <th scope="col" class="num">{t!("Score", "Puntaje")}</th>
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

/// Facilitators, barriers and unknowns, each a list of statements. An
/// answer moves one statement from list to list: the others stay drawn.
#[component]
pub(super) fn ClassLists(report: Memo<Report>) -> impl IntoView {
    let group = move |title: &'static str, key: &'static str, class: Class| {
        // A statement's line follows from the statement and its answer.
        let items = Memo::new(move |_| {
            report.with(|r| {
                r.items_of(class)
                    .map(|s| (s.item.clone(), s.answer))
                    .collect::<Vec<_>>()
            })
        });
        let count = move || items.with(Vec::len);
        view! {
            <div class=format!("class-list class-list--{key}")>
                <h3>{move || { let count = count(); format!("{title} ({count})") }}</h3>
                {move || (count() == 0).then(|| view! { <p class="hint">{t!("None.", "No hay.")}</p> })}
                <ul hidden=move || count() == 0>
                    <For each=move || items.get() key=|item| item.clone() let((item, answer))>
                        {
                            let (text, answer_label) = (statement_text(&item), answer.label_in(lang()));
                            let phrase = report.with_untracked(|r| r.item(&item).map(|s| class_phrase(s.class, s.strength()))).unwrap_or_default();
                            view! { <li>{text}" "<span class="hint">{format!("({answer_label}: {phrase})")}</span></li> }
                        }
                    </For>
                </ul>
            </div>
        }
    };
    view! {
        <section class="results-section" aria-labelledby="lists-title">
            <h2 id="lists-title">{t!("Facilitators, barriers and unknowns", "Facilitadores, barreras y “No sé”")}</h2>
            <div class="class-lists">
                {group(t!("What holds you back", "Lo que los frena"), "barriers", Class::Barrier)}
                {group(t!("What helps", "Lo que ayuda"), "facilitators", Class::Facilitator)}
                {group(t!("What you don't know yet", "Lo que aún no sabe"), "unknowns", Class::Unknown)}
            </div>
        </section>
    }
}
