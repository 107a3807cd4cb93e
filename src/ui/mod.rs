//! Leptos components and pages. They render state and pass events to the
//! core (`hr_assessment`) and to [`crate::browser`]; they compute no scores.

pub mod check;
pub mod questions;
pub mod results;
pub mod route;
pub mod section;
pub mod start;
pub mod state;
pub mod static_pages;

use crate::browser::{dom, storage};
use leptos::prelude::*;
use route::Route;
use state::{instrument, session, SaveState, Session};

/// The app's name, used in every page title.
pub const APP_NAME: &str = "Harm reduction readiness self-assessment";

/// The whole app: loads the session, follows the URL, lays out the page.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::load();
    provide_context(session);

    // The fragment is the page: follow it, including Back and Forward.
    let route = session.route;
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&dom::hash()));
    });

    // On every page change: a title that names the page, and focus on its
    // heading (or on the question a Change link points to), so keyboard and
    // screen reader users start at the top of the new page.
    Effect::new(move |previous: Option<()>| {
        let r = route.get();
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

    view! {
        <a class="skip-link" href="#/" on:click=move |ev| {
            ev.prevent_default();
            dom::focus_id("main-content");
        }>"Skip to main content"</a>
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="site-header__title" href="#/">"Harm reduction readiness"</a>
                <p class="site-header__privacy">"Private: nothing you enter leaves this browser"</p>
            </div>
        </header>
        <div class="wrap">
            <StorageNotices/>
        </div>
        <main id="main-content" class="wrap main" tabindex="-1">
            {move || match route.get() {
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
                Route::NotFound(_) => view! { <static_pages::NotFound/> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p class="site-footer__promise">
                    "Nothing you enter leaves this browser. There is no server, no account and no tracking."
                </p>
                <ul class="site-footer__links">
                    <li><a href="#/privacy">"How your privacy is protected"</a></li>
                    <li><a href="#/method">"How is this calculated?"</a></li>
                </ul>
                <p class="site-footer__source">
                    "National figures: National Council for Mental Wellbeing, Harm Reduction Technical Assistance Stakeholder Analysis (2022)."
                </p>
            </div>
        </footer>
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
        Route::NotFound(_) => "Page not found".to_owned(),
    }
}

/// Problems with storage, shown on every page until dealt with: a save that
/// failed, or saved data that could not be read (offered for download, never
/// overwritten).
#[component]
fn StorageNotices() -> impl IntoView {
    let s = session();
    view! {
        {move || match s.save.get() {
            SaveState::Failed(e) => Some(view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"Not saved"</h2>
                    <p>{e.to_string()}</p>
                </div>
            }),
            _ => None,
        }}
        {move || s.unreadable.get().map(|u| {
            let raw = u.raw.clone();
            let download = move |_| {
                let _ = crate::browser::files::download("unreadable-assessment-data.json", "application/json", &raw);
            };
            view! {
                <div class="notice notice--warning" role="alert">
                    <h2 class="notice__title">"Some saved data could not be read"</h2>
                    <p>{format!("We found data from an earlier visit, but {}. It has been left untouched in this browser, and a new assessment has been started beside it.", u.reason)}</p>
                    <p>
                        <button type="button" class="button button--secondary" on:click=download>"Download the unreadable data"</button>
                        " "
                        <button type="button" class="button button--secondary" on:click=move |_| s.unreadable.set(None)>"Dismiss"</button>
                    </p>
                    <p class="hint">{format!("It is stored under the key \u{201c}{}\u{201d}.", u.key)}</p>
                </div>
            }
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
