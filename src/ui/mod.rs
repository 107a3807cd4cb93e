//! Leptos components and pages. They render state and pass events to the
//! core (`hr_assessment`) and to [`crate::browser`]; they compute no scores.

pub mod backup;
pub mod charts;
pub mod check;
pub mod compare;
pub mod components;
pub mod confirm;
pub mod consensus;
pub mod errors;
pub mod exports;
pub mod format;
pub mod kiosk;
pub mod language;
pub mod library;
pub mod messages;
pub mod on_demand;
pub mod plan;
pub mod present;
pub mod problems;
pub mod protect;
pub mod questions;
pub mod results;
pub mod route;
pub mod section;
pub mod start;
pub mod state;
pub mod static_pages;
pub mod team;
pub mod team_report;
pub mod vault;

use crate::browser::{dom, storage};
use crate::i18n;
use leptos::prelude::*;
use on_demand::{LibraryPage, ReadingPage, ReportPage, TeamPage};
use route::Route;
use state::{brief_instrument, use_assessment, use_shell, SaveState, VaultState};

/// The app's name, used in every page title.
pub const APP_NAME: &str = "Harm reduction readiness self-assessment";

/// The app's name in the interface language.
pub fn app_name() -> &'static str {
    i18n::t!(
        "Harm reduction readiness self-assessment",
        "Autoevaluación de preparación para la reducción de daños",
    )
}

/// The whole app: loads the state (its handles), follows the URL, lays out the page.
#[component]
pub fn App() -> impl IntoView {
    // What the first screen hands over, if it showed (`crate::first`).
    let mut handover = crate::first::take_handover();
    let choice = language::LanguageChoice::start();
    let lang = choice.lang;
    i18n::set_lang(lang.get_untracked());
    provide_context(choice);
    let h = state::provide(handover.as_mut().and_then(|h| h.record.take()));
    provide_context(team::TeamHome::new(h.vault.state(), h.assessment.save_state()));
    if h.shell.modes.kiosk {
        provide_context(kiosk::Kiosk::start());
    }

    // The fragment is the page: follow it, including Back and Forward.
    let route = h.shell.route;
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&dom::hash()));
    });

    // Another tab changed what is stored: follow it (storage events only
    // fire in the other tabs of the same browser).
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        // A kiosk keeps its answers in memory: other tabs' storage is not its.
        if !h.shell.modes.kiosk && key.as_deref().is_none_or(|k| k.starts_with(storage::PREFIX)) {
            h.tabs.storage_changed(key, ev.new_value());
        }
    });

    // What other tabs changed while the first screen showed, followed now.
    if !h.shell.modes.kiosk {
        for (key, new_value) in crate::first::take_changes() {
            h.tabs.storage_changed(key, new_value);
        }
    }

    // Installed as an app: ask the browser again to keep what is saved.
    let _ = window_event_listener_untyped("appinstalled", move |_| h.library.ask_to_keep());

    // Printing from the browser's menu shows the working behind every number.
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| dom::open_all_details());

    quick_exit_keys();

    // Handed over for a change of language: switched once drawn, as the
    // switch does.
    if let Some(to) = handover.as_ref().and_then(|h| h.language) {
        let assessment = use_assessment();
        dom::after_render(move || choice.choose_for(assessment, to));
    }
    let mut handed_focus = handover.map(|h| h.focus);

    // On every page change: a title that names the page, and focus on its
    // heading (or on the question a Change link points to), so keyboard and
    // screen reader users start at the top of the new page. A change of
    // language keeps the focus on the language switch, rebuilt in the new
    // language, where the user left it.
    Effect::new(move |previous: Option<hr_assessment::Lang>| {
        let r = route.get();
        let now = lang.get();
        i18n::set_lang(now);
        dom::set_title(&format!("{} – {}", page_title(&r), app_name()));
        // Drawn after the first screen: the focus goes where the first
        // screen would have put it.
        let handed = match handed_focus.take() {
            Some(crate::first::Focus::Page) => Some(now),
            Some(crate::first::Focus::Id(id)) => {
                dom::after_render(move || dom::focus_quietly(&id));
                None
            }
            Some(crate::first::Focus::Stay) | None => None,
        };
        if let Some(before) = previous.or(handed) {
            dom::after_render(move || {
                let focused = if before != now {
                    dom::focus_id(language::LANGUAGE_SWITCH)
                } else if let Route::Section { item: Some(item), .. } = &r {
                    dom::focus_first_input(&format!("q-{item}"))
                } else {
                    false
                };
                if !focused {
                    dom::focus_page_heading();
                }
            });
        }
        now
    });

    // The whole interface is rebuilt when the language changes, so every
    // text is read again in the new language; the state and its listeners
    // stay as they are.
    move || {
        i18n::set_lang(lang.get());
        view! { <Shell/> }
    }
}

/// The chrome and the current page.
#[component]
fn Shell() -> impl IntoView {
    let shell = use_shell();
    let vault = state::use_vault().state();
    let route = shell.route;
    let kiosk_waits = move || shell.modes.kiosk && !kiosk::kiosk().armed.get();
    let locked = move || vault.get() == VaultState::Locked;
    let on_results = move || shell.on_results();
    // The results page, once drawn, stays in the page while others show:
    // out of sight and out of reach (inert, hidden from assistive
    // technology, its layout kept by `content-visibility`, its heading
    // without the page heading's id), it catches up with the answers in
    // place once they pause (`results::ResultsPage`), so coming back to it
    // draws only what changed. It goes
    // when the answers lock or the kiosk waits for its set-up, so that
    // nothing of a locked record stays in the page.
    let keep_results = Memo::new(move |kept: Option<&bool>| {
        !kiosk_waits() && !locked() && (on_results() || kept.copied().unwrap_or(false))
    });
    // Arriving, for its first frame, the results page lays out and paints
    // only its sections near the screen (style/main.css,
    // `.kept-page--arriving`); the class goes after that frame is painted,
    // and the rest is laid out in the next.
    let arriving = RwSignal::new(false);
    Effect::new(move |was: Option<bool>| {
        let now = on_results();
        if now && was != Some(true) {
            arriving.set(true);
            dom::after_paint(move || _ = arriving.try_set(false));
        }
        now
    });
    view! {
        <a class="skip-link" href="#/" on:click=move |ev| {
            ev.prevent_default();
            dom::focus_id("main-content");
        }>{i18n::t!("Skip to main content", "Saltar al contenido principal")}</a>
        <Header/>
        {shell.modes.kiosk.then(|| view! { <kiosk::IdleWarning/> })}
        <div class="wrap">
            <language::LanguageNotice/>
            <StorageNotices/>
            <backup::SafariNote/>
        </div>
        <main id="main-content" class="wrap main" tabindex="-1">
            {move || if kiosk_waits() && !matches!(route.get(), Route::Privacy) {
                on_demand::show(|| on_demand::library(LibraryPage::KioskSetup), on_demand::fetch_library)
            } else if locked() && !matches!(route.get(), Route::Privacy) {
                on_demand::show(|| on_demand::library(LibraryPage::Unlock), on_demand::fetch_library)
            } else { match route.get() {
                Route::Start => view! { <start::StartPage/> }.into_any(),
                Route::Section { id, item: _, from_check } => {
                    match brief_instrument().section(&id) {
                        Some(section) => view! { <section::SectionPage section=section from_check=from_check/> }.into_any(),
                        None => view! { <static_pages::NotFound/> }.into_any(),
                    }
                }
                Route::Check => on_demand::show(|| on_demand::report(ReportPage::Check), on_demand::fetch_report),
                // Drawn below, and kept.
                Route::Results => ().into_any(),
                Route::Method => on_demand::show(|| on_demand::reading(ReadingPage::Method), on_demand::fetch_reading),
                Route::Privacy => on_demand::show(|| on_demand::reading(ReadingPage::Privacy), on_demand::fetch_reading),
                Route::Assessments => on_demand::show(|| on_demand::library(LibraryPage::Library), on_demand::fetch_library),
                Route::Protect => on_demand::show(|| on_demand::library(LibraryPage::Protect), on_demand::fetch_library),
                Route::Team => on_demand::show(|| on_demand::team(TeamPage::Team), on_demand::fetch_team),
                Route::TeamAdd(code) => on_demand::show(move || on_demand::team(TeamPage::Add(code.clone())), on_demand::fetch_team),
                Route::TeamPresent => on_demand::show(|| on_demand::team(TeamPage::Present), on_demand::fetch_team),
                Route::Consensus => on_demand::show(|| on_demand::team(TeamPage::Consensus), on_demand::fetch_team),
                Route::Compare => on_demand::show(|| on_demand::report(ReportPage::Compare), on_demand::fetch_report),
                Route::Plan => on_demand::show(|| on_demand::report(ReportPage::Plan), on_demand::fetch_report),
                Route::Resume(code) => on_demand::show(move || on_demand::library(LibraryPage::Resume(code.clone())), on_demand::fetch_library),
                Route::NotFound(_) => view! { <static_pages::NotFound/> }.into_any(),
            }}}
            {move || keep_results.get().then(|| {
                let away = move || !on_results();
                view! {
                    <div class="kept-page" class:kept-page--away=away class:kept-page--arriving=move || arriving.get() inert=away aria-hidden=move || away().then_some("true")>
                        {on_demand::show(|| on_demand::report(ReportPage::Results), on_demand::fetch_report)}
                    </div>
                }
            })}
        </main>
        <Footer/>
    }
}

/// The site header: in full normally; slim inside another site's page
/// (embed mode); with a reset for the next person in kiosk mode. Quick exit
/// is always there.
#[component]
fn Header() -> impl IntoView {
    let modes = use_shell().modes;
    let confirm_reset = RwSignal::new(false);
    view! {
        <header class="site-header" class:site-header--slim=modes.embed>
            <div class="wrap site-header__inner">
                {(!modes.embed).then(|| view! { <a class="site-header__title" href="#/">{i18n::t!("Harm reduction readiness", "Preparación para la reducción de daños")}</a> })}
                <p class="site-header__privacy">{i18n::t!("Private: nothing you enter leaves this browser", "Privado: nada de lo que escriba sale de este navegador")}</p>
                <nav class="site-header__nav" aria-label=i18n::t!("Site", "Sitio")>
                    {(!modes.kiosk).then(|| view! { <a href="#/assessments">{i18n::t!("Your assessments", "Sus evaluaciones")}</a> })}
                    {modes.kiosk.then(|| view! {
                        <button type="button" class="button button--secondary button--small" id="kiosk-reset" on:click=move |_| { confirm_reset.set(true); confirm::refocus("kiosk-reset-confirm"); }>
                            {i18n::t!("Start over for the next person", "Empezar de nuevo para la siguiente persona")}
                        </button>
                    })}
                    <language::LanguageSwitch/>
                </nav>
                // Apart from the nav, in a place of its own that does not
                // move as the nav's links come and go (the loading page has
                // it in the same place: style/main.css, "Site header").
                <div class="site-header__exit"><QuickExitButton/></div>
            </div>
        </header>
        {move || confirm_reset.get().then(|| view! {
            <div class="wrap">
                {on_demand::show_part(move || on_demand::notice(on_demand::Notice::KioskResetConfirm(confirm_reset)), on_demand::fetch_notices, Some("kiosk-reset-confirm"))}
            </div>
        })}
    }
}

#[component]
fn Footer() -> impl IntoView {
    let s = use_shell();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p class="site-footer__promise">
                    {i18n::t!("Nothing you enter leaves this browser. There is no server, no account and no tracking.", "Nada de lo que escriba sale de este navegador. No hay servidor, ni cuenta, ni rastreo.")}
                </p>
                <ul class="site-footer__links">
                    <li><a href="#/privacy">{i18n::t!("How your privacy is protected", "Cómo se protege su privacidad")}</a></li>
                    <li><a href="#/method">{i18n::t!("How is this calculated?", "¿Cómo se calcula?")}</a></li>
                    {s.modes.kiosk.then(kiosk::kiosk).map(|k| move || k.armed.get().then(|| view! { <kiosk::Leave/> }))}
                </ul>
                {(!s.modes.embed).then(|| view! {
                    <p class="site-footer__source">
                        {i18n::t!("National figures: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022).", "Cifras nacionales: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022).")}
                    </p>
                })}
            </div>
        </footer>
    }
}

/// The page's own title, for the browser tab.
pub fn page_title(route: &Route) -> String {
    let text = match route {
        Route::Start => return crate::first::markup::start_title(),
        Route::Section { id, .. } => match crate::first::markup::section_title(brief_instrument(), id) {
            Some(title) => return title,
            None => i18n::t!("Page not found", "Página no encontrada"),
        },
        Route::Check => i18n::t!("Check your answers", "Revise sus respuestas"),
        Route::Results => i18n::t!("Your results", "Sus resultados"),
        Route::Method => i18n::t!("How is this calculated?", "¿Cómo se calcula?"),
        Route::Privacy => i18n::t!("How your privacy is protected", "Cómo se protege su privacidad"),
        Route::Assessments => i18n::t!("Your saved assessments", "Sus evaluaciones guardadas"),
        Route::Protect => i18n::t!("Passphrase protection", "Protección con frase de contraseña"),
        Route::Team | Route::TeamAdd(_) => i18n::t!("Team view", "Vista de equipo"),
        Route::TeamPresent => i18n::t!(
            "The team's findings, for the room",
            "Los resultados del equipo, para la sala",
        ),
        Route::Consensus => i18n::t!("Agree on team answers", "Acordar las respuestas del equipo"),
        Route::Compare => i18n::t!("Compare two assessments", "Comparar dos evaluaciones"),
        Route::Plan => i18n::t!("Action plan", "Plan de acción"),
        Route::Resume(_) => i18n::t!("Continue your assessment", "Continuar su evaluación"),
        Route::NotFound(_) => i18n::t!("Page not found", "Página no encontrada"),
    };
    text.to_owned()
}

/// Quick exit from the keyboard: Shift pressed three times in a row,
/// within two seconds.
pub fn quick_exit_keys() {
    let presses = StoredValue::new(Vec::<f64>::new());
    let _ = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Shift" || ev.repeat() {
            presses.set_value(Vec::new());
            return;
        }
        let now = js_sys::Date::now();
        presses.update_value(|p| {
            p.retain(|t| now - t < 2000.0);
            p.push(now);
        });
        if presses.with_value(Vec::len) >= 3 {
            quick_exit();
        }
    });
}

/// The Quick exit button, at the top of every page.
#[component]
pub fn QuickExitButton() -> impl IntoView {
    view! {
        <button type="button" class="quick-exit" on:click=move |_| quick_exit()>
            {i18n::t!("Quick exit", "Salida rápida")}<span class="visually-hidden">{i18n::t!(" (leave this page at once; or press Shift three times)", " (salir de esta página al instante; o pulse Shift (Mayús) tres veces)")}</span>
        </button>
    }
}

/// Leaves for the neutral page, first deleting everything if the user asked
/// for that in their settings. That choice itself is kept (and nothing
/// else), so that every quick exit deletes, not just the first.
pub fn quick_exit() {
    if on_demand::settings().quick_exit_wipes {
        storage::wipe();
        let _ = storage::write_settings(&storage::Settings {
            quick_exit_wipes: true,
            ..storage::Settings::default()
        });
    }
    dom::quick_exit();
}

/// Notices about storage, shown on every page until dealt with: short
/// confirmations of what just happened, and the problems
/// ([`problems::StorageProblems`]: a save that failed, saved data that could
/// not be read, a change in another tab that conflicts with this one). The
/// problems' code is fetched only when there is one (`on_demand`).
#[component]
fn StorageNotices() -> impl IntoView {
    let s = use_shell();
    let save = use_assessment().save_state();
    let tabs = state::use_tabs();
    let aside = state::use_set_aside();
    let any_problem = Memo::new(move |_| {
        matches!(save.get(), SaveState::Failed(_))
            || tabs.conflict().with(Option::is_some)
            || aside.list.with(|l| !l.is_empty())
    });
    view! {
        {move || any_problem.get().then(|| on_demand::show_part(|| on_demand::notice(on_demand::Notice::StorageProblems), on_demand::fetch_notices, None))}
        {move || s.notice.get().map(|m| view! {
            <div class="notice notice--info" role="status">
                <p>{m}" "<button type="button" class="link-button" on:click=move |_| s.notice.set(None)>{i18n::t!("Dismiss", "Cerrar")}</button></p>
            </div>
        })}
    }
}

/// "Saved on this device" after each answer; announced politely when the
/// state changes, without repeating itself on every click.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let kiosk = use_shell().modes.kiosk;
    let a = use_assessment();
    let save = a.save_state();
    let message = move || match save.get() {
        // Kiosk mode keeps answers in this tab's memory only.
        SaveState::Idle | SaveState::Saved(_) if kiosk => i18n::t!(
            "Your answers are kept in this tab only, until you start over or close it.",
            "Sus respuestas se guardan solo en esta pestaña, hasta que empiece de nuevo o la cierre.",
        )
        .to_owned(),
        SaveState::Idle => {
            if a.has_answers() {
                i18n::t!(
                    "Your answers are saved on this device.",
                    "Sus respuestas están guardadas en este dispositivo.",
                )
                .to_owned()
            } else {
                i18n::t!(
                    "Answers are saved on this device as you go.",
                    "Las respuestas se guardan en este dispositivo a medida que avanza.",
                )
                .to_owned()
            }
        }
        SaveState::Saving => i18n::t!("Saving…", "Guardando…").to_owned(),
        SaveState::Saved(_) => i18n::t!("Saved on this device.", "Guardado en este dispositivo.").to_owned(),
        SaveState::Failed(_) => i18n::t!(
            "Not saved – see the message at the top of the page.",
            "No se guardó: vea el mensaje en la parte superior de la página.",
        )
        .to_owned(),
    };
    let time = move || match save.get() {
        SaveState::Saved(at) if !kiosk => {
            let when = crate::ui::format::timestamp(&at);
            // A Spanish time can end in "a.m." or "p.m.": no second period.
            let end = if when.ends_with('.') { "" } else { "." };
            crate::tf!(" Last saved {when}{end}", " Guardado por última vez: {when}{end}")
        }
        _ => String::new(),
    };
    let failed = move || matches!(save.get(), SaveState::Failed(_));
    view! {
        <p class="save-status" class:save-status--failed=failed>
            <span role="status">{message}</span>
            <span class="save-status__time">{time}</span>
        </p>
    }
}

/// Whether storage works in this browser (for wording on the start page).
pub fn storage_available() -> bool {
    storage::available()
}
