//! The results page: the overall and weakest-link reading, a chart of the
//! domain balances with the same numbers in a table, the answers behind
//! every number, ranked TA areas and modalities with their reasons, and the
//! answers beside the 2022 national figures. Every number comes from the
//! core's [`Report`]; this file only lays it out.

use crate::browser::{dom, format_timestamp};
use crate::ui::state::{instrument, session};
use hr_assessment::benchmark::MatchScope;
use hr_assessment::{Class, DomainResult, Evidence, Question, Report, Stage};
use leptos::prelude::*;

/// A signed whole number with a real minus sign: "+50", "−83", "0".
pub fn signed(n: i32) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", n.unsigned_abs()),
    }
}

/// A balance or "none" when the domain has no known answers.
pub fn balance_text(b: Option<i32>) -> String {
    b.map(signed).unwrap_or_else(|| "none".to_owned())
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
        (Class::Facilitator, 2) => "strong facilitator",
        (Class::Facilitator, _) => "facilitator",
        (Class::Barrier, 2) => "strong barrier",
        (Class::Barrier, _) => "barrier",
        (Class::Unknown, _) => "to find out",
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let s = session();
    let report = s.report;
    let meta = move || {
        s.record.with(|r| {
            format!(
                "{} · last changed {} · questionnaire version {}",
                r.name,
                format_timestamp(&r.updated),
                r.instrument_version
            )
        })
    };
    view! {
        <a class="back-link" href="#/check">"Back to check your answers"</a>
        <h1 id="page-heading" tabindex="-1">"Your results"</h1>
        <p class="results-meta">{meta}</p>
        <div class="button-group no-print">
            <button type="button" class="button button--secondary" on:click=move |_| dom::print()>"Print or save as PDF"</button>
            <button type="button" class="button button--secondary" on:click=move |_| s.record.with_untracked(crate::ui::library::export_csv)>
                "Download spreadsheet (CSV)"
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| s.record.with_untracked(crate::ui::library::export_json)>
                "Download answers (JSON)"
            </button>
            <a class="button button--secondary" href="#/method">"How is this calculated?"</a>
        </div>
        {s.modes.kiosk.then(|| view! {
            <div class="panel panel--kiosk no-print">
                <h2>"Finished?"</h2>
                <ol>
                    <li>"If you want to keep your results, download them now (optional): use the buttons above."</li>
                    <li>"Then start over, so the next person finds nothing of yours on this device."</li>
                </ol>
                <button type="button" class="button button--warning" on:click=move |_| s.kiosk_reset()>"Delete my answers and start over for the next person"</button>
            </div>
        })}
        {move || {
            let r = report.get();
            if r.overall.facilitators + r.overall.barriers + r.overall.unknowns == 0 {
                view! {
                    <div class="panel">
                        <p>"You have not answered any statements yet, so there is nothing to read."</p>
                        <a class="button" href="#/">"Start the assessment"</a>
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
        Stage::Barrier => format!("{weakest} is holding your organization back."),
        Stage::Mixed => format!("Your organization is partly ready. {weakest} is the weakest area."),
        Stage::Facilitator => {
            format!("Your organization looks ready in every area you assessed. {weakest} is the least strong.")
        }
        Stage::NotAssessed => "Every statement you answered was “I don't know”: start by finding out.".to_owned(),
    };
    let answered = o.facilitators + o.barriers + o.unknowns;
    view! {
        <section class="results-section" aria-labelledby="overall-title">
            <h2 id="overall-title">"Overall reading"</h2>
            <div class=format!("reading reading--{}", o.stage.as_str())>
                <p class="reading__headline">{headline}</p>
                {(o.stage != Stage::NotAssessed).then(|| view! {
                    <dl class="reading__figures">
                        <div><dt>"Weakest link"</dt><dd>{format!("{weakest}: balance {}, {}", balance_text(weakest_balance), o.stage.label().to_lowercase())}</dd></div>
                        <div><dt>"Average balance"</dt><dd>{format!("{} ({}), over {} of {total_domains} areas assessed", balance_text(o.average), o.average_stage.label().to_lowercase(), o.assessed)}</dd></div>
                        <div><dt>"Answers"</dt><dd>{format!("{} facilitators, {} barriers, {} “I don't know”, from {answered} of {} statements answered", o.facilitators, o.barriers, o.unknowns, o.statements)}</dd></div>
                    </dl>
                })}
            </div>
            <p class="hint">
                "Readiness is only as strong as its weakest area, so the overall reading follows the weakest link; the average is shown beside it. "
                "Balances run from −100 (every answer a strong barrier) to +100 (every answer a strong facilitator). "
                <a href="#/method">"How is this calculated?"</a>
            </p>
        </section>
    }
}

/// Horizontal bars from the centre line: right for facilitators, left for
/// barriers. The same numbers are in the table that follows.
#[component]
fn DomainChart(report: Report) -> impl IntoView {
    const W: f64 = 360.0;
    const CENTER: f64 = 180.0;
    const SCALE: f64 = 1.75; // px per balance point
    const ROW: f64 = 48.0;
    let t = &instrument().scoring;
    let height = ROW * report.domains.len() as f64 + 28.0;
    let description = report
        .domains
        .iter()
        .map(|d| {
            format!(
                "{}: {} ({})",
                domain_name(&d.domain),
                balance_text(d.balance),
                d.stage.label().to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let x = move |b: i32| CENTER + f64::from(b) * SCALE;
    view! {
        <section class="results-section" aria-labelledby="chart-title-h">
            <h2 id="chart-title-h">"Each area at a glance"</h2>
            <figure class="chart">
                <svg class="chart__svg" viewBox=format!("0 0 {W} {height}") role="img" aria-labelledby="chart-title chart-desc">
                    <title id="chart-title">"Balance of each area, from −100 (all strong barriers) to +100 (all strong facilitators)"</title>
                    <desc id="chart-desc">{description}</desc>
                    {report.domains.iter().enumerate().map(|(n, d)| {
                        let y = n as f64 * ROW;
                        let name = domain_name(&d.domain);
                        let bar = d.balance.map(|b| {
                            let (x0, w) = if b >= 0 { (CENTER, f64::from(b) * SCALE) } else { (x(b), -f64::from(b) * SCALE) };
                            let label_x = if b >= 0 { x0 + w + 4.0 } else { x0 - 4.0 };
                            let anchor = if b >= 0 { "start" } else { "end" };
                            view! {
                                <rect class=format!("chart__bar chart__bar--{}", d.stage.as_str()) x=x0 y=y + 22.0 width=w.max(2.0) height="16"/>
                                <text class="chart__value" x=label_x y=y + 35.0 text-anchor=anchor>{signed(b)}</text>
                            }
                        });
                        let label = match d.balance {
                            Some(_) => format!("{name} · {}", d.stage.label()),
                            None => format!("{name} · not assessed"),
                        };
                        view! {
                            // The stage bands sit under each bar only, so labels stay on white.
                            <rect class="chart__band chart__band--barrier" x=x(-100) y=y + 18.0 width=x(t.barrier_to) - x(-100) height="24"/>
                            <rect class="chart__band chart__band--facilitator" x=x(t.facilitator_from) y=y + 18.0 width=x(100) - x(t.facilitator_from) height="24"/>
                            <text class="chart__label" x="0" y=y + 13.0>{label}</text>
                            {bar}
                        }
                    }).collect_view()}
                    <line class="chart__axis" x1=CENTER y1="16" x2=CENTER y2=height - 24.0/>
                    <text class="chart__tick" x=x(-100) y=height - 10.0 text-anchor="start">"−100"</text>
                    <text class="chart__tick" x=CENTER y=height - 10.0 text-anchor="middle">"0"</text>
                    <text class="chart__tick" x=x(100) y=height - 10.0 text-anchor="end">"+100"</text>
                </svg>
                <figcaption class="hint">
                    {format!("Bars to the right of the centre line lean towards facilitators, to the left towards barriers. The shaded edges mark the stages: {} or more is a facilitator, {} or less a barrier.", signed(t.facilitator_from), signed(t.barrier_to))}
                </figcaption>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label="The numbers behind the chart">
                <table class="table">
                    <caption>"The numbers behind the chart"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col">"Stage"</th>
                            <th scope="col" class="num">"Balance"</th>
                            <th scope="col" class="num">"Facilitators"</th>
                            <th scope="col" class="num">"Barriers"</th>
                            <th scope="col" class="num">"I don't know"</th>
                            <th scope="col" class="num">"Answered"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {report.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{domain_name(&d.domain)}</th>
                                <td>{d.stage.label()}</td>
                                <td class="num">{balance_text(d.balance)}</td>
                                <td class="num">{d.facilitators}</td>
                                <td class="num">{d.barriers}</td>
                                <td class="num">{d.unknowns}</td>
                                <td class="num">{format!("{} of {} ({}%)", d.answered(), d.total, d.coverage)}</td>
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
            <h2 id="working-title">"The answers behind each area"</h2>
            {report.domains.into_iter().map(|d| view! { <DomainDetails d=d/> }).collect_view()}
        </section>
    }
}

#[component]
fn DomainDetails(d: DomainResult) -> impl IntoView {
    let name = domain_name(&d.domain);
    let known = d.known();
    let working = match d.balance {
        Some(b) => format!(
            "Sum of the scores of the {known} known answers: {}. Balance = 100 × {} ÷ (2 × {known}) = {}.",
            signed(d.sum),
            signed(d.sum),
            signed(b)
        ),
        None => "No known answers yet, so no balance.".to_owned(),
    };
    let summary = format!(
        "{name}: {}, balance {}",
        d.stage.label().to_lowercase(),
        balance_text(d.balance)
    );
    view! {
        <details class="details">
            <summary>{summary}</summary>
            {if d.items.is_empty() {
                view! { <p>"No statements answered in this area."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=format!("Answers in {name}")>
                        <table class="table">
                            <caption class="visually-hidden">{format!("Answers in {name}")}</caption>
                            <thead><tr>
                                <th scope="col">"Statement"</th>
                                <th scope="col">"Your answer"</th>
                                <th scope="col">"Reads as"</th>
                                <th scope="col" class="num">"Score"</th>
                            </tr></thead>
                            <tbody>
                                {d.items.iter().map(|item| view! {
                                    <tr>
                                        <th scope="row" class="table__statement">{statement_text(&item.item)}</th>
                                        <td>{item.answer.label()}</td>
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
                    item.answer.label(),
                    class_phrase(item.class, item.strength()),
                )
            })
            .collect::<Vec<_>>()
    };
    let groups = [
        ("What holds you back", "barriers", list(Class::Barrier)),
        ("What helps", "facilitators", list(Class::Facilitator)),
        ("What you don't know yet", "unknowns", list(Class::Unknown)),
    ];
    view! {
        <section class="results-section" aria-labelledby="lists-title">
            <h2 id="lists-title">"Facilitators, barriers and unknowns"</h2>
            <div class="class-lists">
                {groups.into_iter().map(|(title, key, items)| {
                    let count = items.len();
                    view! {
                        <div class=format!("class-list class-list--{key}")>
                            <h3>{format!("{title} ({count})")}</h3>
                            {if items.is_empty() {
                                view! { <p class="hint">"None."</p> }.into_any()
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
        } => format!(
            "“{}” — you answered {}: {} ({points} {})",
            statement_text(item),
            answer.phrase(),
            class_phrase(*class, *strength),
            if *points == 1 { "point" } else { "points" }
        ),
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
            format!(
                "You plan: {label} ({points} {})",
                if *points == 1 { "point" } else { "points" }
            )
        }
        Evidence::Chosen { points } => format!("You chose this area yourself ({points} points)"),
    }
}

#[component]
fn TaAreas(report: Report) -> impl IntoView {
    let i = instrument();
    view! {
        <section class="results-section" aria-labelledby="ta-title">
            <h2 id="ta-title">"Recommended technical assistance"</h2>
            {if report.ta_areas.is_empty() {
                view! { <p>"None of your answers points to a need for technical assistance: no barriers and no “I don't know”."</p> }.into_any()
            } else {
                view! {
                    <p>"Ranked by the barriers and unknowns behind each area: a strong barrier counts 4 points, a barrier 2, an “I don't know” 1. Ties go to what more organizations asked for nationally."</p>
                    <ol class="ta-list">
                        {report.ta_areas.iter().map(|rec| {
                            let area = i.ta_area(&rec.area);
                            let name = area.map(|a| a.name.clone()).unwrap_or_default();
                            let summary = area.map(|a| a.summary.clone()).unwrap_or_default();
                            let mut facts = vec![format!("{} points", rec.points)];
                            if rec.barriers() > 0 {
                                facts.push(format!("{} {}", rec.barriers(), if rec.barriers() == 1 { "barrier" } else { "barriers" }));
                            }
                            if rec.unknowns() > 0 {
                                facts.push(format!("{} “I don't know”", rec.unknowns()));
                            }
                            let national = match area.and_then(|a| a.national) {
                                Some(n) => format!("Nationally {}% of organizations said this would help most (n = {}).", n.share, n.n),
                                None => "The 2022 report gives no national figure for this area.".to_owned(),
                            };
                            view! {
                                <li class="ta-list__item">
                                    <h3 class="ta-list__name">{name}</h3>
                                    <p>{summary}</p>
                                    <p class="ta-list__facts">{facts.join(" · ")}". "{national}</p>
                                    <details class="details">
                                        <summary>{format!("Why: the {} behind this", if rec.evidence.len() == 1 { "answer".to_owned() } else { format!("{} answers", rec.evidence.len()) })}</summary>
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
                <h3>"Find out first"</h3>
                <p>"In these areas at least half of your answers were “I don't know”. That is worth knowing: find out before deciding what to change."</p>
                <ul class="find-out">
                    {report.find_out.iter().map(|f| {
                        let d = i.domain(&f.domain);
                        view! {
                            <li>
                                <strong>{d.map(|d| d.name.clone()).unwrap_or_default()}</strong>
                                {format!(": {} of {} statements. ", f.unknowns, f.total)}
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
            <h2 id="modalities-title">"Ways of receiving help that suit you"</h2>
            <p>"Your own top three come first, adjusted for the constraints you named; then what organizations preferred nationally (n = 87)."</p>
            <ol class="modality-list">
                {report.modalities.iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! {
                        <li class:modality-list__item--chosen=m.chosen>
                            <strong>{name}</strong>
                            <br/>
                            <span class="hint">{m.reason_line(i)}</span>
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
            <h2 id="nation-title">"Your answers beside the nation"</h2>
            <p>
                "Twelve statements come from the 2022 national survey, answered by 90 mental health and substance use treatment organizations. "
                "Most respondents were in leadership roles, so the national figures describe leaders' views."
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Your answers and the national answers">
                <table class="table table--nation">
                    <caption class="visually-hidden">"Your answers and the national answers (n = 90)"</caption>
                    <thead><tr>
                        <th scope="col">"Statement"</th>
                        <th scope="col">"You"</th>
                        <th scope="col">"Nationally (n = 90)"</th>
                    </tr></thead>
                    <tbody>
                        {report.statements.iter().map(|b| {
                            let you = b.answer.map(|a| a.label().to_owned()).unwrap_or_else(|| "Not answered".to_owned());
                            let same = b.matched.map(|m| {
                                let what = match m.scope {
                                    MatchScope::SameAnswer => "gave the same answer".to_owned(),
                                    MatchScope::AgreeSide => "agreed (strongly or somewhat)".to_owned(),
                                    MatchScope::DisagreeSide => "disagreed (strongly or somewhat)".to_owned(),
                                };
                                let text = format!("{}{}% {what}.", m.qualifier.prefix(), m.share);
                                let mut chars = text.chars();
                                chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
                            });
                            view! {
                                <tr>
                                    <th scope="row" class="table__statement">{statement_text(&b.item)}</th>
                                    <td>{you}</td>
                                    <td>
                                        {same.map(|s| view! { <strong class="same-answer">{s}</strong><br/> })}
                                        <span class="hint">{b.national.reported.clone()}</span>
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
            <h2 id="services-title">"Services and partners beside the nation"</h2>
            <p class="hint">"A dash means the 2022 report gives no figure for that cell."</p>
            {report.grids.iter().map(|g| {
                let Some(Question::Grid(grid)) = i.question(&g.question) else { return ().into_any() };
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=grid.text.clone()>
                        <table class="table table--grid">
                            <caption>{grid.text.clone()}</caption>
                            <thead><tr>
                                <th scope="col">{if grid.id.as_str() == "partners" { "Partner" } else { "Service" }}</th>
                                <th scope="col">"You"</th>
                                {grid.columns.iter().map(|c| view! {
                                    <th scope="col" class="num num--wrap">{format!("{}: share nationally", c.label)}{c.n.map(|n| format!(" (n = {n})"))}</th>
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
                }.into_any()
            }).collect_view()}
            {report.choices.iter().map(|c| {
                let Some(q) = i.question(&c.question) else { return ().into_any() };
                let options = i.list_options(q);
                let label = |id: &hr_assessment::OptionId| options.iter().find(|(o, _)| o == id).map(|(_, l)| l.clone()).unwrap_or_default();
                let yours = if c.yours.is_empty() { "not answered".to_owned() } else { c.yours.iter().map(label).collect::<Vec<_>>().join(", ").to_lowercase() };
                let nation = c.options.iter().filter_map(|(o, share)| share.map(|s| format!("{s}% {}", label(o).to_lowercase()))).collect::<Vec<_>>().join(", ");
                view! {
                    <h3>{q.text().to_owned()}</h3>
                    <p>{format!("You: {yours}. Nationally: {nation} (n = {}).", c.n)}</p>
                }.into_any()
            }).collect_view()}
        </section>
    }
}

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
            <h2 id="next-title">"What next"</h2>
            <ul>
                <li><a href="#/plan">"Make an action plan"</a>" from these recommendations: who does what, by when."</li>
                <li><a href="#/compare">"Compare"</a>" with an earlier or later assessment of your organization."</li>
            </ul>
            <h3>"Your answer code for a team session"</h3>
            <p>
                "If a facilitator is bringing your team's results together, give them this code (or the link). "
                "It holds your answers to the statements and your role, nothing else; it is not sent anywhere unless you send it."
            </p>
            <p><code class="answer-code">{code}</code></p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if dom::copy_text(&link()) {
                        copied.set(true);
                    }
                }>"Copy the link for your facilitator"</button>
                <span role="status">{move || copied.get().then_some("Copied.")}</span>
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
            <h2 id="about-title">"About these results"</h2>
            <p>
                "These results are a starting point for a conversation, not a verdict. They reflect how you see your organization today; "
                "others in your organization may see it differently."
            </p>
            <p>{format!("National figures: {source} A convenience sample of National Council member organizations; the figures describe those respondents, not every organization.")}</p>
            <p>"Nothing on this page has left your browser. It is saved only on this device."</p>
        </section>
    }
}
