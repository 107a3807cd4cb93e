//! Leptos components and pages. They render state and pass events to the
//! core (`hr_assessment`) and to [`crate::browser`]; they compute no scores.

pub mod check;
pub mod compare;
pub mod library;
pub mod plan;
pub mod protect;
pub mod questions;
pub mod results;
pub mod route;
pub mod section;
pub mod start;
pub mod state;
pub mod static_pages;
pub mod team;

use crate::browser::{dom, storage};
use crate::i18n;
use leptos::prelude::*;
use route::Route;
use state::{instrument, session, SaveState, Session, VaultState};

/// The app's name, used in every page title.
pub const APP_NAME: &str = "Harm reduction readiness self-assessment";

/// The whole app: loads the session, follows the URL, lays out the page.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(i18n::initial());
    i18n::set_lang(lang.get_untracked());
    provide_context(LanguageChoice(lang));
    let session = Session::load();
    provide_context(session);
    provide_context(team::Team::load(session.vault));

    // The fragment is the page: follow it, including Back and Forward.
    let route = session.route;
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&dom::hash()));
    });

    // Another tab changed what is stored: follow it (storage events only
    // fire in the other tabs of the same browser).
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        if key.as_deref().is_none_or(|k| k.starts_with(storage::PREFIX)) {
            session.storage_changed(key, ev.new_value());
        }
    });

    // Quick exit from the keyboard: Shift pressed three times in a row,
    // within two seconds.
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

    // On every page change: a title that names the page, and focus on its
    // heading (or on the question a Change link points to), so keyboard and
    // screen reader users start at the top of the new page.
    Effect::new(move |previous: Option<()>| {
        let r = route.get();
        i18n::set_lang(lang.get());
        dom::set_title(&format!("{} – {APP_NAME}", page_title(&r)));
        if previous.is_some() {
            dom::after_render(move || {
                let focused = match &r {
                    Route::Section { item: Some(item), .. } => dom::focus_first_input(&format!("q-{item}")),
                    _ => false,
                };
                if !focused {
                    dom::focus_id("page-heading");
                }
            });
        }
    });

    // The whole interface is rebuilt when the language changes, so every
    // text is read again in the new language; the session and its listeners
    // stay as they are.
    move || {
        i18n::set_lang(lang.get());
        view! { <Shell/> }
    }
}

/// A language the user picked, shared so the switch can change it.
#[derive(Clone, Copy)]
pub struct LanguageChoice(pub RwSignal<hr_assessment::Lang>);

/// The chrome and the current page.
#[component]
fn Shell() -> impl IntoView {
    let session = session();
    let route = session.route;
    view! {
        <a class="skip-link" href="#/" on:click=move |ev| {
            ev.prevent_default();
            dom::focus_id("main-content");
        }>"Skip to main content"</a>
        <Header/>
        <div class="wrap">
            <StorageNotices/>
        </div>
        <main id="main-content" class="wrap main" tabindex="-1">
            {move || if session.vault.get() == VaultState::Locked && !matches!(route.get(), Route::Privacy) {
                view! { <protect::UnlockPage/> }.into_any()
            } else { match route.get() {
                Route::Start => view! { <start::StartPage/> }.into_any(),
                Route::Section { id, item: _, from_check } => {
                    match instrument().section(&id) {
                        Some(section) => view! { <section::SectionPage section=section from_check=from_check/> }.into_any(),
                        None => view! { <static_pages::NotFound/> }.into_any(),
                    }
                }
                Route::Check => view! { <check::CheckPage/> }.into_any(),
                Route::Results => view! { <results::ResultsPage/> }.into_any(),
                Route::Method => view! { <static_pages::MethodPage/> }.into_any(),
                Route::Privacy => view! { <static_pages::PrivacyPage/> }.into_any(),
                Route::Assessments => view! { <library::LibraryPage/> }.into_any(),
                Route::Protect => view! { <protect::ProtectPage/> }.into_any(),
                Route::Team => view! { <team::TeamPage/> }.into_any(),
                Route::TeamAdd(code) => view! { <team::TeamAddPage code=code/> }.into_any(),
                Route::Consensus => view! { <team::ConsensusPage/> }.into_any(),
                Route::Compare => view! { <compare::ComparePage/> }.into_any(),
                Route::Plan => view! { <plan::PlanPage/> }.into_any(),
                Route::Resume(code) => view! { <static_pages::ResumePage code=code/> }.into_any(),
                Route::NotFound(_) => view! { <static_pages::NotFound/> }.into_any(),
            }}}
        </main>
        <Footer/>
    }
}

/// The site header: in full normally; slim inside another site's page
/// (embed mode); with a reset for the next person in kiosk mode. Quick exit
/// is always there.
#[component]
fn Header() -> impl IntoView {
    let s = session();
    let modes = s.modes;
    let confirm_reset = RwSignal::new(false);
    view! {
        <header class="site-header" class:site-header--slim=modes.embed>
            <div class="wrap site-header__inner">
                {(!modes.embed).then(|| view! { <a class="site-header__title" href="#/">{i18n::t("Harm reduction readiness", "Preparación para la reducción de daños")}</a> })}
                <p class="site-header__privacy">{i18n::t("Private: nothing you enter leaves this browser", "Privado: nada de lo que escriba sale de este navegador")}</p>
                <nav class="site-header__nav" aria-label="Site">
                    {(!modes.kiosk).then(|| view! { <a href="#/assessments">"Your assessments"</a> })}
                    {modes.kiosk.then(|| view! {
                        <button type="button" class="button button--secondary button--small" on:click=move |_| confirm_reset.set(true)>
                            "Start over for the next person"
                        </button>
                    })}
                    <LanguageSwitch/>
                    <button type="button" class="quick-exit" on:click=move |_| quick_exit()>
                        "Quick exit"<span class="visually-hidden">" (leave this page at once; or press Shift three times)"</span>
                    </button>
                </nav>
            </div>
        </header>
        {move || confirm_reset.get().then(|| view! {
            <div class="wrap">
                <div class="confirm" role="alertdialog" aria-labelledby="kiosk-reset-q">
                    <p id="kiosk-reset-q"><strong>"Delete these answers from this device and start over for the next person?"</strong>" Download them first from the results page if you want to keep them."</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| { confirm_reset.set(false); s.kiosk_reset(); }>"Yes, start over"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                    </div>
                </div>
            </div>
        })}
    }
}

#[component]
fn Footer() -> impl IntoView {
    let s = session();
    let confirm_leave = RwSignal::new(false);
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p class="site-footer__promise">
                    "Nothing you enter leaves this browser. There is no server, no account and no tracking."
                </p>
                <ul class="site-footer__links">
                    <li><a href="#/privacy">"How your privacy is protected"</a></li>
                    <li><a href="#/method">"How is this calculated?"</a></li>
                    {s.modes.kiosk.then(|| view! {
                        <li><button type="button" class="link-button" on:click=move |_| confirm_leave.set(true)>"Facilitator: leave kiosk mode"</button></li>
                    })}
                </ul>
                {move || confirm_leave.get().then(|| view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="kiosk-leave-q">
                        <p id="kiosk-leave-q"><strong>"Leave kiosk mode?"</strong>" Answers will then be kept on this device between visits, and the list of saved assessments becomes available."</p>
                        <div class="button-group">
                            <button type="button" class="button" on:click=move |_| dom::leave_query()>"Leave kiosk mode"</button>
                            <button type="button" class="button button--secondary" on:click=move |_| confirm_leave.set(false)>"Cancel"</button>
                        </div>
                    </div>
                })}
                {(!s.modes.embed).then(|| view! {
                    <p class="site-footer__source">
                        "National figures: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022)."
                    </p>
                })}
            </div>
        </footer>
    }
}

/// Switches between English and Spanish; the choice is remembered.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let choice = expect_context::<LanguageChoice>().0;
    let other = match i18n::lang() {
        hr_assessment::Lang::En => hr_assessment::Lang::Es,
        hr_assessment::Lang::Es => hr_assessment::Lang::En,
    };
    view! {
        <button type="button" class="language-switch" lang=other.code() on:click=move |_| {
            let _ = storage::write_settings(&storage::Settings { language: Some(other.code().to_owned()), ..storage::settings() });
            choice.set(other);
        }>{other.own_name()}</button>
    }
}

/// The page's own title, for the browser tab.
pub fn page_title(route: &Route) -> String {
    let i = instrument();
    match route {
        Route::Start => "Start".to_owned(),
        Route::Section { id, .. } => match (i.section(id), i.section_index(id)) {
            (Some(s), Some(n)) => format!("{} (section {} of {})", s.title, n + 1, i.sections.len()),
            _ => "Page not found".to_owned(),
        },
        Route::Check => "Check your answers".to_owned(),
        Route::Results => "Your results".to_owned(),
        Route::Method => "How is this calculated?".to_owned(),
        Route::Privacy => "How your privacy is protected".to_owned(),
        Route::Assessments => "Your saved assessments".to_owned(),
        Route::Protect => "Passphrase protection".to_owned(),
        Route::Team | Route::TeamAdd(_) => "Team view".to_owned(),
        Route::Consensus => "Agree team answers".to_owned(),
        Route::Compare => "Compare two assessments".to_owned(),
        Route::Plan => "Action plan".to_owned(),
        Route::Resume(_) => "Continue your assessment".to_owned(),
        Route::NotFound(_) => "Page not found".to_owned(),
    }
}

/// Leaves for the neutral page, first deleting everything if the user asked
/// for that in their settings.
pub fn quick_exit() {
    if storage::settings().quick_exit_wipes {
        storage::wipe();
    }
    dom::quick_exit();
}

/// Problems with storage, shown on every page until dealt with: a save that
/// failed, saved data that could not be read (offered for download, never
/// overwritten), a change in another tab that conflicts with this one, and
/// short confirmations of what just happened.
#[component]
fn StorageNotices() -> impl IntoView {
    let s = session();
    view! {
        {move || match s.save.get() {
            SaveState::Failed(storage::SaveError::Unavailable) if s.modes.embed => Some(view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"This browser does not let embedded pages save"</h2>
                    <p>"Your answers are kept only while this page is open. To save as you go, open the assessment in its own tab: your answers to the statements so far come with you, in the link itself — nothing is sent anywhere."</p>
                    <p>
                        <a class="button" target="_blank" rel="noopener noreferrer"
                            href=move || dom::own_address(&Route::Resume(s.record.with(|r| hr_assessment::code::encode(instrument(), &r.responses))).href())>
                            "Open in its own tab"<span class="visually-hidden">" (opens a new tab)"</span>
                        </a>
                    </p>
                </div>
            }.into_any()),
            SaveState::Failed(e) => Some(view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"Not saved"</h2>
                    <p>{e.to_string()}</p>
                </div>
            }.into_any()),
            _ => None,
        }}
        {move || s.conflict.get().map(|_| view! {
            <div class="notice notice--warning" role="alert">
                <h2 class="notice__title">"This assessment was changed in another tab"</h2>
                <p>"This tab has a change that could not be saved, and another tab has saved a different version. Which do you want to keep?"</p>
                <div class="button-group">
                    <button type="button" class="button" on:click=move |_| s.resolve_conflict(true)>"Keep this tab's answers"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| s.resolve_conflict(false)>"Use the other tab's answers"</button>
                </div>
            </div>
        })}
        {move || s.unreadable.get().into_iter().map(|u| {
            let raw = u.raw.clone();
            let key = u.key.clone();
            let download = move |_| {
                let _ = crate::browser::files::download("unreadable-assessment-data.json", "application/json", &raw);
            };
            view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"Some saved data could not be read"</h2>
                    <p>{format!("We found data from an earlier visit, but {}. It has been left untouched in this browser.", u.reason)}</p>
                    <p class="hint">{format!("It is stored under the key \u{201c}{}\u{201d}.", u.key)}</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" on:click=download>"Download the unreadable data"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| s.discard_unreadable(&key)>"Delete it"</button>
                    </div>
                </div>
            }
        }).collect_view()}
        {move || s.notice.get().map(|m| view! {
            <div class="notice notice--info" role="status">
                <p>{m}" "<button type="button" class="link-button" on:click=move |_| s.notice.set(None)>"Dismiss"</button></p>
            </div>
        })}
    }
}

/// "Saved on this device" after each answer; announced politely when the
/// state changes, without repeating itself on every click.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let s = session();
    let message = move || match s.save.get() {
        SaveState::Idle => {
            if s.has_answers() {
                "Your answers are saved on this device.".to_owned()
            } else {
                "Answers are saved on this device as you go.".to_owned()
            }
        }
        SaveState::Saving => "Saving…".to_owned(),
        SaveState::Saved(_) => "Saved on this device.".to_owned(),
        SaveState::Failed(_) => "Not saved – see the message at the top of the page.".to_owned(),
    };
    let time = move || match s.save.get() {
        SaveState::Saved(at) => format!(" Last saved {}.", crate::browser::format_timestamp(&at)),
        _ => String::new(),
    };
    let failed = move || matches!(s.save.get(), SaveState::Failed(_));
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
