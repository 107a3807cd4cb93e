//! The pages a first visit does not need, loaded when first opened.
//!
//! Each function below is a split point (`wasm_split`, what Leptos's
//! `#[lazy]` uses, here with its `fallible` option). The pages come in four
//! groups, each a module of its own: `report` (check your answers, results,
//! plan, comparison), `library` (saved assessments, protection, unlocking,
//! resuming, the kiosk's set-up), `team` (the facilitator's pages) and
//! `reading` (method and privacy). Code two groups share goes into a shared
//! chunk. A group's code and texts are fetched the first time one of its
//! pages opens (and precached by the service worker after the
//! first visit). `scripts/split.sh` cuts the module into chunks inside
//! Trunk's build. A chunk that cannot be fetched (the connection dropped
//! mid-visit) gives a message and a "Try again" button, never a blank page;
//! the answers are already saved and nothing is lost.

use crate::browser::dom;
use crate::i18n::t;
use crate::ui::{check, compare, consensus, kiosk, library, plan, present, protect, results, static_pages, team};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// A chunk did not load.
#[derive(Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

type Page = Result<AnyView, NotLoaded>;

/// Shows the page `load` brings, "Loading…" while its chunk is fetched, and
/// a message with a retry if the fetch fails.
pub fn show<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Page> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t("Loading…", "Cargando…")}</p> }>
            {move || {
                attempt.track();
                let page = leptos::__reexports::send_wrapper::SendWrapper::new(load());
                Suspend::new(async move {
                    let view = match page.await {
                        Ok(view) => view,
                        Err(NotLoaded) => view! { <NotLoadedNotice attempt=attempt/> }.into_any(),
                    };
                    // The page arrived after the change of page had looked
                    // for its heading: give the heading the focus, as every
                    // page does, unless the user has put it somewhere.
                    dom::after_render(|| {
                        if dom::focus_is_lost() {
                            dom::focus_page_heading();
                        }
                    });
                    view
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NotLoadedNotice(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <h1 id="page-heading" tabindex="-1">{t("This page could not be loaded", "No se pudo cargar esta página")}</h1>
            <p>{t(
                "The connection seems to have dropped before this part of the app arrived. Your answers are saved on this device; nothing is lost. Check the connection, then try again.",
                "Parece que la conexión se cortó antes de que llegara esta parte de la aplicación. Sus respuestas están guardadas en este dispositivo; no se pierde nada. Revise la conexión y vuelva a intentarlo.",
            )}</p>
            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {t("Try again", "Intentar de nuevo")}
            </button>
        </div>
    }
}

macro_rules! split_page {
    ($name:ident, $chunk:ident, $view:expr) => {
        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Page {
            Ok($view.into_any())
        }
    };
}

split_page!(check_page, report, view! { <check::CheckPage/> });
split_page!(results_page, report, view! { <results::ResultsPage/> });
split_page!(method_page, reading, view! { <static_pages::MethodPage/> });
split_page!(privacy_page, reading, view! { <static_pages::PrivacyPage/> });
split_page!(library_page, library, view! { <library::LibraryPage/> });
split_page!(protect_page, library, view! { <protect::ProtectPage/> });
split_page!(unlock_page, library, view! { <protect::UnlockPage/> });
split_page!(team_page, team, view! { <team::TeamPage/> });
split_page!(present_page, team, view! { <present::PresentPage/> });
split_page!(consensus_page, team, view! { <consensus::ConsensusPage/> });
split_page!(compare_page, report, view! { <compare::ComparePage/> });
split_page!(plan_page, report, view! { <plan::PlanPage/> });
split_page!(kiosk_setup_page, library, view! { <kiosk::SetupPage/> });

#[wasm_split(team, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn team_add_page(code: String) -> Page {
    Ok(view! { <team::TeamAddPage code=code/> }.into_any())
}

#[wasm_split(library, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn resume_page(code: String) -> Page {
    Ok(view! { <static_pages::ResumePage code=code/> }.into_any())
}
