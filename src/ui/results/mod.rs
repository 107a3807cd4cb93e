//! The results page: first a summary on one screen (the organization's own
//! readiness and its context, the top TA areas and ways of receiving help,
//! each linking to its working), then the detail: the two readings' working,
//! a chart of the domain balances with the same numbers in a table, the
//! answers behind every number, ranked TA areas and modalities with their
//! reasons, and the answers beside the 2022 national figures. Every number
//! comes from the core's [`Report`]; these files only lay it out: the page,
//! its summary and what comes next here, the working in `working.rs`, the
//! recommendations in `recommend.rs`, the national figures in `nation.rs`.

use crate::browser::dom;
use crate::i18n::t;
use crate::ui::exports;
use crate::ui::format::{names, reading_headline, timestamp as format_timestamp};
use crate::ui::state::{instrument, use_assessment, use_shell};
use hr_assessment::{Reading, Report, Setting};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

mod nation;
mod recommend;
mod working;

use nation::{Nation, ServicesAndPartners};
use recommend::{Modalities, TaAreas};
pub use working::DomainChart;
use working::{ClassLists, DomainWorking, Overall};

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

/// Elements of a list whose length the answers do not change (the domains,
/// a reading's parts, the survey statements), one view each: when the
/// report changes, only the elements whose own value changed are drawn
/// again, and the rest of the page stays as it is.
pub(super) fn kept_rows<T, V>(
    report: Memo<Report>,
    len: impl Fn(&Report) -> usize + Send + Sync + 'static,
    row: impl Fn(&Report, usize) -> Option<T> + Clone + Send + Sync + 'static,
    draw: impl Fn(&T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let count = Memo::new(move |_| report.with(&len));
    move || {
        (0..count.get())
            .map(|k| {
                let (row, draw) = (row.clone(), draw.clone());
                let value = Memo::new(move |_| report.with(|r| row(r, k)));
                move || value.with(|v| v.as_ref().map(&draw))
            })
            .collect_view()
    }
}

/// How long the answers pause before a results page out of sight catches
/// up with them.
const CATCH_UP: std::time::Duration = std::time::Duration::from_millis(300);

/// Whether any statement has an answer (before that, there is nothing to
/// read).
fn any_answer(r: &Report) -> bool {
    r.overall.facilitators + r.overall.barriers + r.overall.unknowns > 0
}

/// The results page. It is drawn once and then kept (the shell keeps it in
/// the page, out of sight, while others show): each part follows the
/// report and draws again only what an answer changed.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let s = use_assessment();
    let shell = use_shell();
    let kiosk = shell.modes.kiosk;
    let on_results = move || shell.on_results();
    // Out of sight, the page catches up with the answers once they pause,
    // not at every click (which would slow answering); on show, at once;
    // and at once when another assessment opens or the answers are deleted
    // (the kiosk's next person), so nothing of the earlier answers stays in
    // the page even out of sight.
    let catch_up = RwSignal::new(0u32);
    // Answers the page has not caught up with: a timer is set.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    let catch_up_now = move || {
        cancel();
        let _ = catch_up.try_update(|n| *n = n.wrapping_add(1));
    };
    Effect::new(move |seen: Option<String>| {
        let (id, empty) = s.record.with(|r| (r.id.clone(), r.responses.is_empty()));
        if seen.is_none() {
            // Drawn just now, from these answers.
        } else if shell.on_results_untracked() || empty || seen.as_ref() != Some(&id) {
            catch_up_now();
        } else {
            cancel();
            pending.set_value(set_timeout_with_handle(catch_up_now, CATCH_UP).ok());
        }
        id
    });
    Effect::new(move |_| {
        if on_results() && pending.with_value(Option::is_some) {
            catch_up_now();
        }
    });
    // The report, computed here (not kept in the state, which is in the
    // first module): when the page catches up.
    let report = Memo::new(move |_| {
        catch_up.track();
        s.record
            .with_untracked(|r| hr_assessment::assess(instrument(), &r.responses))
    });
    let answered = Memo::new(move |_| report.with(any_answer));
    let download_failed = RwSignal::new(None::<String>);
    let has_responses = Memo::new(move |_| {
        catch_up.track();
        s.record.with_untracked(|r| !r.responses.is_empty())
    });
    let meta = move || {
        catch_up.track();
        s.record.with_untracked(|r| {
            let (name, changed, version) = (&r.name, format_timestamp(&r.updated), &r.instrument_version);
            crate::tf!(
                "{name} · last changed {changed} · questionnaire version {version}",
                "{name} · último cambio: {changed} · versión del cuestionario: {version}"
            )
        })
    };
    view! {
        <a class="back-link" href="#/check">{t!("Back to check your answers", "Volver a revisar sus respuestas")}</a>
        // Kept in the page while others show (`ui::Shell`), it is "the
        // page's heading" only while it shows.
        <h1 id=move || on_results().then_some("page-heading") tabindex="-1">{t!("Your results", "Sus resultados")}</h1>
        <p class="results-meta">{meta}</p>
        // The summary first, so that a phone shows it on the first screens.
        {move || report.with(|r| any_answer(r).then(|| summary(r)))}
        // Nothing to print or download before the first answer.
        <div class="button-group no-print">
            {move || has_responses.get().then(|| view! {
                <button type="button" class="button button--secondary" on:click=move |_| dom::print()>{t!("Print or save as PDF", "Imprimir o guardar como PDF")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| download_failed.set(exports::said(s.record.with_untracked(exports::export_csv)))>
                    {t!("Download spreadsheet (CSV)", "Descargar hoja de cálculo (CSV)")}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| download_failed.set(exports::said(s.record.with_untracked(exports::export_json)))>
                    {t!("Download answers (JSON)", "Descargar las respuestas (JSON)")}
                </button>
            })}
            <a class="button button--secondary" href="#/method">{t!("How is this calculated?", "¿Cómo se calcula?")}</a>
        </div>
        <exports::DownloadFailed failed=download_failed/>
        {move || has_responses.get().then(|| view! { <crate::ui::components::download_note::DownloadNote/> })}
        // Before any answer there is nothing to keep or delete, so the
        // kiosk's "Finished?" panel (which points at the downloads) waits.
        {move || kiosk.then(crate::ui::kiosk::kiosk).filter(|_| has_responses.get()).map(|k| view! {
            <div class="panel panel--kiosk no-print">
                <h2>{t!("Finished?", "¿Terminó?")}</h2>
                <ol>
                    <li>{t!("If you want to keep your results, download them now (optional): use the buttons above.", "Si quiere conservar sus resultados, descárguelos ahora (es opcional): use los botones de arriba.")}</li>
                    <li>{t!("Then start over, so the next person finds nothing of yours on this device.", "Después, vuelva a empezar, para que la próxima persona no encuentre nada suyo en este dispositivo.")}</li>
                </ol>
                <button type="button" class="button button--warning" on:click=move |_| k.reset()>{t!("Delete my answers and start over for the next person", "Borrar mis respuestas y empezar de nuevo para la próxima persona")}</button>
            </div>
        })}
        {move || if answered.get() {
            view! {
                <Overall report=report/>
                <DomainChart report=report/>
                <DomainWorking report=report/>
                <ClassLists report=report/>
                <TaAreas report=report/>
                <Modalities report=report/>
                <Nation report=report/>
                <ServicesAndPartners report=report/>
                <NextSteps catch_up=catch_up/>
                <About/>
            }.into_any()
        } else {
            view! {
                <div class="panel">
                    <p>{t!("You have not answered any statements yet, so there is nothing to read.", "Todavía no ha respondido ninguna afirmación, así que aún no hay resultados.")}</p>
                    <a class="button" href="#/">{t!("Start the assessment", "Comenzar la evaluación")}</a>
                </div>
            }.into_any()
        }}
    }
}

/// The summary on one screen: both readings, the top TA areas and ways of
/// receiving help, each with a way to its working. Small: drawn again whole
/// when the report changes.
fn summary(report: &Report) -> impl IntoView {
    let i = instrument();
    let o = &report.overall;
    let reading = |r: &Reading, title: &'static str| {
        view! {
            <div class=format!("reading reading--{}", r.stage.as_str())>
                <h3 class="reading__title">{title}</h3>
                <p class="reading__headline">{reading_headline(r)}</p>
                {(r.setting == Setting::Context).then(|| view! {
                    <p>{t!("What to work around, plan for or advocate about, not a verdict on your organization.", "Lo que hay que sortear, prever o sobre lo que abogar, no un veredicto sobre su organización.")}</p>
                })}
                {(!r.lacking.is_empty()).then(|| {
                    let list = names(r, &r.lacking);
                    view! { <p>{crate::tf!("Not enough answers to say: {list}.", "Respuestas insuficientes para decirlo: {list}.")}</p> }
                })}
                {see_working(format!("working-{}", r.setting.as_str()), t!("See the working", "Ver el cálculo").to_owned(), false)}
            </div>
        }
    };
    let top_ta: Vec<_> = report.ta_areas.iter().take(3).cloned().collect();
    let top_ways: Vec<_> = report.modalities.iter().take(3).cloned().collect();
    view! {
        <section class="results-section summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{t!("Summary", "Resumen")}</h2>
            {reading(&o.organization, t!("Your organization", "Su organización"))}
            {reading(&o.context, t!("Its context", "Su entorno"))}
            {(!report.find_out.is_empty()).then(|| view! {
                <p>{see_working("find-out-title".to_owned(), t!("Find out first: what to ask, and whom", "Primero, averigüe: qué preguntar y a quién").to_owned(), false)}</p>
            })}
            <h3>{t!("Technical assistance to ask for", "Asistencia técnica que puede pedir")}</h3>
            {if top_ta.is_empty() {
                view! { <p>{t!("None of your answers points to a need for technical assistance.", "Ninguna de sus respuestas indica una necesidad de asistencia técnica.")}</p> }.into_any()
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
            <h3>{t!("Ways of receiving help", "Formas de recibir ayuda")}</h3>
            <ol class="summary__list">
                {top_ways.into_iter().map(|m| {
                    let name = i.modality(&m.modality).map(|x| x.name.clone()).unwrap_or_default();
                    view! { <li>{see_working(format!("way-{}", m.modality), name, true)}</li> }
                }).collect_view()}
            </ol>
            <p class="hint">
                {t!("Not a validated instrument: a structured way to discuss readiness, built on the 2022 national survey and readiness research (R=MC², ORIC, CFIR). ", "No es un instrumento validado: es una forma estructurada de conversar sobre la preparación, basada en la encuesta nacional de 2022 y en investigaciones sobre la preparación (R=MC², ORIC, CFIR). ")}
                <a href="#/method">{t!("How is this calculated?", "¿Cómo se calcula?")}</a>
            </p>
        </section>
    }
}

/// The National Harm Reduction Technical Assistance Center (CDC and
/// SAMHSA), as the 2022 report's references give it.
const HRTAC: &str = "https://harmreductionhelp.cdc.gov";

/// What to do with the results: an action plan, a team session (with this
/// respondent's answer code), a later comparison.
#[component]
fn NextSteps(catch_up: RwSignal<u32>) -> impl IntoView {
    let s = use_assessment();
    let code = Memo::new(move |_| {
        catch_up.track();
        s.record
            .with_untracked(|r| hr_assessment::code::encode(instrument(), &r.responses))
    });
    let copied = RwSignal::new(false);
    view! {
        <section class="results-section no-print" aria-labelledby="next-title">
            <h2 id="next-title">{t!("What next", "Próximos pasos")}</h2>
            <ul>
                <li><a href="#/plan">{t!("Make an action plan", "Hacer un plan de acción")}</a>{t!(" from these recommendations: who does what, by when.", " a partir de estas recomendaciones: quién hace qué y para cuándo.")}</li>
                <li><a href="#/compare">{t!("Compare", "Comparar")}</a>{t!(" with an earlier or later assessment of your organization.", " con una evaluación anterior o posterior de su organización.")}</li>
            </ul>
            <h3>{t!("Where to ask for technical assistance", "Dónde pedir asistencia técnica")}</h3>
            <p>
                {t!("The National Harm Reduction Technical Assistance Center, named in the 2022 report, offers free help to anyone providing or planning to provide harm reduction services: ", "El Centro Nacional de Asistencia Técnica en Reducción de Daños (National Harm Reduction Technical Assistance Center), mencionado en el informe de 2022, ofrece ayuda gratuita a quien presta o planea prestar servicios de reducción de daños: ")}
                <a href=HRTAC rel="noreferrer">{HRTAC}</a>
                {t!(". Following the link opens their site; nothing from this app goes with it.", ". El enlace abre su sitio; nada de esta aplicación se envía con él.")}
            </p>
            <h3>{t!("Your answer code for a team session", "Su código de respuestas para una sesión de equipo")}</h3>
            <p>
                {t!("If a facilitator is bringing your team's results together, give them this code: they paste it into the team view, or read the QR code beside it with their device's camera. ", "Si una persona facilitadora está reuniendo los resultados de su equipo, dele este código: lo pegará en la vista de equipo, o leerá el código QR que está al lado con la cámara de su dispositivo. ")}
                {t!("It holds your answers to the statements and your role, nothing else; it is not sent anywhere unless you send it.", "Contiene sus respuestas a las afirmaciones y su rol, nada más; no se envía a ningún lugar a menos que usted lo envíe.")}
            </p>
            <div class="answer-code-pair">
                <p><code class="answer-code">{move || code.get()}</code></p>
                {move || view! { <crate::ui::components::scan::AnswerQr code=code.get()/> }}
            </div>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if code.with_untracked(|c| dom::copy_text(c)) {
                        copied.set(true);
                    }
                }>{t!("Copy your answer code", "Copiar su código de respuestas")}</button>
                <span role="status">{move || copied.get().then(|| t!("Copied.", "Copiado."))}</span>
            </div>
        </section>
    }
}

#[component]
fn About() -> impl IntoView {
    let i = instrument();
    let source = i.national_source().map(|s| s.citation.clone()).unwrap_or_default();
    view! {
        <section class="results-section" aria-labelledby="about-title">
            <h2 id="about-title">{t!("About these results", "Sobre estos resultados")}</h2>
            <p>
                {t!("This is not a validated instrument: it is a structured way to discuss readiness, built on the 2022 national survey and on readiness research (R=MC², ORIC, CFIR). ", "Este no es un instrumento validado: es una forma estructurada de conversar sobre la preparación, basada en la encuesta nacional de 2022 y en investigaciones sobre la preparación (R=MC², ORIC, CFIR). ")}
                {t!("These results are a starting point for a conversation, not a verdict. They reflect how you see your organization today; ", "Estos resultados son un punto de partida para conversar, no un veredicto. Reflejan cómo ve usted hoy a su organización; ")}
                {t!("others in your organization may see it differently.", "otras personas de su organización pueden verla de otra manera.")}
            </p>
            <p>{crate::tf!(
                "National figures: {source} A convenience sample of people working at National Council member organizations (respondents, several of them sometimes from one organization); the figures describe those respondents, not every organization.",
                "Cifras nacionales: {source} Una muestra de conveniencia de personas que trabajan en organizaciones miembros del National Council (a veces varias de una misma organización); las cifras describen a quienes respondieron, no a todas las organizaciones."
            )}</p>
            <p>{t!("Nothing on this page has left your browser. It is saved only on this device.", "Nada de esta página ha salido de su navegador. Se guarda solo en este dispositivo.")}</p>
        </section>
    }
}
