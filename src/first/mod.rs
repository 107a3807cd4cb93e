//! The first screen, without Leptos: a first visit's start page and
//! question pages, drawn from HTML text ([`markup`]) and kept up to date by
//! a few listeners on the document. It is what a first visit downloads
//! before the first question answers a click; the full app (Leptos, every
//! other page) is a chunk of its own, fetched when first needed
//! (`crate::start_app`).
//!
//! It shows a visit with nothing of this app's stored, in a browser whose
//! storage works, outside kiosk mode, on the start page or a question
//! page, in a language whose texts are in. It saves every answer the
//! moment it is given, in the same place and form as the full app. It
//! hands over to the full app — which then draws the same page, with the
//! same answers and save status, and the focus where it was — for
//! everything else (meanwhile the page says "Loading…", or, when the full
//! app is to draw the same page again, stays out of reach):
//!
//! - another page (check your answers, results, saved assessments, method,
//!   privacy, …), or the start page once something is answered ("Welcome
//!   back");
//! - the language switch;
//! - a save that failed (the full app says why, and keeps the answers);
//! - a change another tab made to what is stored;
//! - in a Safari tab, a change of page once something is saved (the note
//!   on Safari's seven days).

pub mod markup;

use crate::browser::{self, dom, keep, storage};
use crate::i18n::lang;
use crate::ui::route::{self, is_id};
use hr_assessment::instrument::Section;
use hr_assessment::{Instrument, ItemId, Lang, OptionId, Question, Record, Responses, ScaleAnswer, SectionId, Shipped};
use markup::Saved;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The tab's title for a page the first screen draws.
fn title(page: &Page) -> String {
    let page = match page {
        Page::Section { id, .. } => markup::section_title(brief(), id).unwrap_or_default(),
        _ => markup::start_title(),
    };
    format!("{page} – {}", crate::ui::app_name())
}

/// What the first screen hands to the full app.
pub struct Handover {
    /// The open assessment, if anything was answered or saved, and how its
    /// last save went.
    pub record: Option<(Record, Result<Option<String>, storage::SaveError>)>,
    /// Where the focus goes once the full app is drawn.
    pub focus: Focus,
    /// A language to switch to, once drawn.
    pub language: Option<Lang>,
}

/// Changes other tabs made to storage (the `storage` event's key and new
/// value) while the first screen showed or the full app was fetched: the
/// full app follows them once drawn, in the order they came, as if it had
/// been there (`ui::state::TabSync`).
pub fn take_changes() -> Vec<(Option<String>, Option<String>)> {
    CHANGES.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

/// Where the focus goes after the hand-over.
pub enum Focus {
    /// To the new page, as on every change of page.
    Page,
    /// Back to the element with this id (the page is the same).
    Id(String),
    /// Where the browser leaves it.
    Stay,
}

/// The first screen's state, while it shows.
struct First {
    record: Record,
    saved: Saved,
    /// The open assessment has been written to storage.
    stored: bool,
    route: Page,
}

/// A page the first screen may draw, read from the address's fragment as
/// `ui::route::Route::parse` reads it (a test checks that they agree):
/// the full app's `Route` is not in the first module.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Start,
    /// A question page (not reached from "Check your answers"), with the
    /// question to focus, if any.
    Section {
        id: SectionId,
        item: Option<ItemId>,
    },
    /// Any other page: the full app's.
    Other,
}

impl Page {
    /// The page a fragment such as `#/section/staff?item=x` names.
    pub fn parse(fragment: &str) -> Page {
        let (path, query) = route::path_and_query(fragment);
        let param = |name: &str| route::param(query, name);
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next(), parts.next()) {
            (None, ..) => Page::Start,
            (Some("section"), Some(id), None) if is_id(id) && param("from") != Some("check") => Page::Section {
                id: SectionId::new(id),
                item: param("item").filter(|i| is_id(i)).map(ItemId::new),
            },
            _ => Page::Other,
        }
    }
}

thread_local! {
    static FIRST: RefCell<Option<First>> = const { RefCell::new(None) };
    static HANDOVER: RefCell<Option<Handover>> = const { RefCell::new(None) };
    /// The first screen's state while the full app is fetched.
    static KEPT: RefCell<Option<First>> = const { RefCell::new(None) };
    /// Other tabs' changes, for the full app ([`take_changes`]).
    static CHANGES: RefCell<Vec<(Option<String>, Option<String>)>> = const { RefCell::new(Vec::new()) };
    /// The full app is drawn.
    static APP_IN: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the full app is drawn: from now on, it follows the user.
pub fn app_drawn() {
    APP_IN.with(|a| a.set(true));
    KEPT.with(|k| k.borrow_mut().take());
}

/// In place of the app, when the code it needs could not be fetched
/// (`crate::start_app`): a message and "Try again". After a hand-over,
/// the first screen shows again around it, and its pages still work (the
/// answers are in memory and saved); at start, with something stored
/// (`stored`), a page of its own says so.
pub fn not_started(root: web_sys::HtmlElement, stored: bool) {
    let kept = KEPT.with(|k| k.borrow_mut().take());
    let after_handover = kept.is_some();
    if let Some(first) = kept {
        FIRST.with(|f| *f.borrow_mut() = Some(first));
        if let Some(main) = document().and_then(|d| d.get_element_by_id("main-content")) {
            let _ = main.remove_attribute("inert");
            let _ = main.remove_attribute("aria-busy");
            main.set_inner_html(&markup::not_started(false));
        }
    } else {
        root.set_inner_html(&format!(
            r#"<header class="site-header"><div class="wrap site-header__inner"><div class="site-header__exit">{}</div></div></header><main id="main-content" class="wrap main" tabindex="-1">{}</main>"#,
            markup::quick_exit_button(),
            markup::not_started(stored),
        ));
    }
    if let Some(button) = document().and_then(|d| d.get_element_by_id("start-again")) {
        let retry_root = root.clone();
        on(&button, "click", move |_| {
            if after_handover {
                hand_over(
                    Focus::Page,
                    HANDOVER.with(|h| h.borrow().as_ref().and_then(|h| h.language)),
                );
            } else {
                if let Some(main) = document().and_then(|d| d.get_element_by_id("main-content")) {
                    main.set_inner_html(&markup::loading());
                }
                wasm_bindgen_futures::spawn_local(crate::start_app(retry_root.clone()));
            }
        });
    }
    if !after_handover {
        if let Some(button) = document().and_then(|d| d.query_selector(".quick-exit").ok().flatten()) {
            on(&button, "click", |_| crate::ui::quick_exit());
        }
        if let Some(window) = web_sys::window() {
            quick_exit_keys(&window);
        }
    }
    if dom::focus_is_lost() {
        dom::focus_page_heading();
    }
}

fn brief() -> &'static Instrument {
    Instrument::shipped_brief_in(lang())
}

/// Whether the first screen can show this visit (see the module's notes).
/// `stored`: something of this app's is stored.
pub fn fits(stored: bool) -> bool {
    let modes = crate::ui::state::Modes::from_address();
    let wanted = crate::ui::language::wanted();
    !stored
        && storage::available()
        && !modes.kiosk
        && (wanted == Lang::En || crate::browser::texts::have_spanish())
        && shows(&Page::parse(&dom::hash()), false)
}

/// The language the switch offers.
fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    }
}

/// Whether the first screen draws this page.
fn shows(page: &Page, answered: bool) -> bool {
    match page {
        Page::Start => !answered,
        Page::Section { id, .. } => brief().section(id).is_some(),
        Page::Other => false,
    }
}

/// Draws the first screen in `root` and starts following the user.
pub fn show(root: web_sys::HtmlElement) {
    crate::i18n::set_lang(crate::ui::language::wanted());
    let record = crate::ui::state::new_record();
    let route = Page::parse(&dom::hash());
    let embed = crate::ui::state::Modes::from_address().embed;
    FIRST.with(|f| {
        *f.borrow_mut() = Some(First {
            record,
            saved: Saved::Not,
            stored: false,
            route: route.clone(),
        })
    });
    let page = page(&route);
    root.set_inner_html(&markup::frame(embed, &page));
    dom::set_title(&title(&route));
    listen();
}

/// The page for `route`, which [`shows`] says the first screen draws
/// (also noting a visit to a section, as the full app does).
fn page(route: &Page) -> String {
    let i = brief();
    match route {
        Page::Section { id, .. } => {
            let Some(section) = i.section(id) else {
                return String::new();
            };
            with(|f| {
                if f.record.position.as_ref() != Some(&section.id) {
                    f.record.position = Some(section.id.clone());
                    if f.stored || has_answers(&f.record) {
                        save(f);
                    }
                }
                markup::section_page(i, section, &f.record, &f.saved)
            })
            .unwrap_or_default()
        }
        _ => markup::start_page(i),
    }
}

fn has_answers(record: &Record) -> bool {
    record.responses != Responses::default()
}

/// Runs `f` on the first screen's state, if it still shows.
fn with<T>(f: impl FnOnce(&mut First) -> T) -> Option<T> {
    FIRST.with(|first| first.borrow_mut().as_mut().map(f))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn on(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The listeners, on the window and the document: each does nothing once
/// the full app has taken over (it has its own).
fn listen() {
    let (Some(window), Some(doc)) = (web_sys::window(), document()) else {
        return;
    };
    on(&window, "hashchange", |_| {
        if FIRST.with(|f| f.borrow().is_some()) {
            go_to(Page::parse(&dom::hash()));
        }
    });
    on(&window, "storage", |ev| {
        let Ok(ev) = ev.dyn_into::<web_sys::StorageEvent>() else {
            return;
        };
        let key = ev.key();
        if APP_IN.with(Cell::get) || !key.as_deref().is_none_or(|k| k.starts_with(storage::PREFIX)) {
            return;
        }
        CHANGES.with(|c| c.borrow_mut().push((key, ev.new_value())));
        hand_over(Focus::Id(focused_id()), None);
    });
    on(&doc, "change", |ev| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            answered(&input);
        }
    });
    on(&doc, "click", |ev| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        if FIRST.with(|f| f.borrow().is_none()) {
            // Handing over: the language switch, pressed meanwhile, is the
            // full app's to follow once drawn (pressed again, it is not).
            if !APP_IN.with(Cell::get) && el.closest(".language-switch").ok().flatten().is_some() {
                HANDOVER.with(|h| {
                    if let Some(h) = h.borrow_mut().as_mut() {
                        h.language = match h.language {
                            Some(_) => None,
                            None => Some(other(lang())),
                        };
                    }
                });
            }
            return;
        }
        if el.closest(".skip-link").ok().flatten().is_some() {
            ev.prevent_default();
            dom::focus_id("main-content");
        } else if el.closest(".quick-exit").ok().flatten().is_some() {
            crate::ui::quick_exit();
        } else if el.closest(".language-switch").ok().flatten().is_some() {
            hand_over(Focus::Stay, Some(other(lang())));
        } else if let Some(button) = el.closest(".clear-answer").ok().flatten() {
            cleared(&button);
        }
    });
    on(&doc, "submit", |ev| {
        let Some(next) = with(|f| next_page(&f.route)).flatten() else {
            return;
        };
        ev.prevent_default();
        dom::go(&next);
    });
    quick_exit_keys(&window);
}

/// Shift three times within two seconds: Quick exit, until the full app
/// (which has its own) is drawn.
fn quick_exit_keys(window: &web_sys::Window) {
    let mut presses: Vec<f64> = Vec::new();
    on(window, "keydown", move |ev| {
        if APP_IN.with(Cell::get) {
            return;
        }
        let Ok(ev) = ev.dyn_into::<web_sys::KeyboardEvent>() else {
            return;
        };
        if ev.key() != "Shift" || ev.repeat() {
            presses.clear();
            return;
        }
        let now = js_sys::Date::now();
        presses.retain(|t| now - t < 2000.0);
        presses.push(now);
        if presses.len() >= 3 {
            crate::ui::quick_exit();
        }
    });
}

/// Where a question page's "Save and continue" goes.
fn next_page(route: &Page) -> Option<String> {
    let Page::Section { id, .. } = route else { return None };
    let i = brief();
    let index = i.section_index(id)?;
    Some(match i.sections.get(index + 1) {
        Some(next) => markup::section_href(&next.id),
        None => "#/check".to_owned(),
    })
}

/// A change of page: drawn here if the first screen draws it, else handed over.
fn go_to(route: Page) {
    let Some((answered, stored)) = with(|f| (has_answers(&f.record), f.stored)) else {
        return;
    };
    let safari_note = stored && keep::safari_tab();
    if !shows(&route, answered) || safari_note {
        hand_over(Focus::Page, None);
        return;
    }
    with(|f| f.route = route.clone());
    let html = page(&route);
    if let Some(main) = document().and_then(|d| d.get_element_by_id("main-content")) {
        main.set_inner_html(&html);
    }
    dom::set_title(&title(&route));
    dom::after_render(move || {
        let focused = match &route {
            Page::Section { item: Some(item), .. } => dom::focus_first_input(&format!("q-{item}")),
            _ => false,
        };
        if !focused {
            dom::focus_page_heading();
        }
    });
}

/// The id of the element with the focus ("" if none).
fn focused_id() -> String {
    document()
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default()
}

/// An answer given by a click on a radio or tick box.
fn answered(input: &web_sys::HtmlInputElement) {
    if input.closest(".section-form").ok().flatten().is_none() {
        return;
    }
    let i = brief();
    let name = input.name();
    let on = input.checked();
    let id = input.id();
    let value = input.value();
    let Some(qid) = (if name.is_empty() {
        id.split("--").next().map(str::to_owned)
    } else {
        Some(name)
    }) else {
        return;
    };
    let Some(question) = i.question(&ItemId::new(&qid)) else {
        return;
    };
    let refused = with(|f| {
        let r = &mut f.record.responses;
        let mut refused = None;
        match question {
            Question::Statement(s) => {
                if let Some(answer) = ScaleAnswer::parse(&value) {
                    r.set_statement(s.id.clone(), answer);
                }
            }
            Question::SingleChoice(_) => r.set_single(question.id().clone(), OptionId::new(&value)),
            Question::Grid(g) => {
                let mut parts = id.splitn(3, "--").skip(1);
                if let (Some(row), Some(col)) = (parts.next(), parts.next()) {
                    r.set_cell(g.id.clone(), OptionId::new(row), OptionId::new(col), on);
                }
            }
            Question::MultiChoice(_) | Question::TaAreas(_) | Question::Modalities(_) | Question::Constraints(_) => {
                let max = match question {
                    Question::MultiChoice(c) => c.max,
                    Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => l.max,
                    _ => None,
                };
                if let Err(e) = r.set_multi(question.id().clone(), OptionId::new(&value), on, max) {
                    refused = Some(e.0);
                }
            }
        }
        refused
    });
    let Some(refused) = refused else { return };
    if let Some(m) = refused {
        // Undo the tick the browser made.
        input.set_checked(false);
        show_error(
            &qid,
            Some(crate::tf!(
                "You can choose up to {m}. Uncheck one to choose another.",
                "Puede elegir hasta {m} opciones. Desmarque una para elegir otra."
            )),
        );
        return;
    }
    if !matches!(
        question,
        Question::Statement(_) | Question::SingleChoice(_) | Question::Grid(_)
    ) {
        show_error(&qid, None);
    }
    changed(question);
}

/// A multiple choice's message ("You can choose up to 3"), or none.
fn show_error(qid: &str, message: Option<String>) {
    let Some(doc) = document() else { return };
    if let Some(p) = doc.get_element_by_id(&format!("{qid}-error")) {
        p.set_text_content(message.as_deref());
    }
    if let Some(q) = doc.get_element_by_id(&format!("q-{qid}")) {
        let _ = q.class_list().toggle_with_force("question--error", message.is_some());
    }
}

/// "Clear this answer".
fn cleared(button: &web_sys::Element) {
    let Some(container) = button.closest(".question").ok().flatten() else {
        return;
    };
    let qid = container.id().trim_start_matches("q-").to_owned();
    let Some(question) = brief().question(&ItemId::new(&qid)) else {
        return;
    };
    if with(|f| f.record.responses.clear(question.id())).is_none() {
        return;
    }
    if let Ok(inputs) = container.query_selector_all("input") {
        for n in 0..inputs.length() {
            if let Some(input) = inputs
                .item(n)
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(false);
            }
        }
    }
    changed(question);
}

/// After a change of answers: saved, and what shows it drawn again (the
/// page's and the section's counts, the question's "Clear this answer",
/// the save status).
fn changed(question: &Question) {
    let i = brief();
    let Some((note, count, clearable, status)) = with(|f| {
        f.record.updated = browser::now_iso();
        save(f);
        let section: &Section = i.section(question.section())?;
        let clearable = match question {
            Question::Statement(_) | Question::SingleChoice(_) => Some(
                !f.record.responses.chosen(question.id()).is_empty()
                    || f.record.responses.statement(question.id()).is_some(),
            ),
            _ => None,
        };
        Some((
            markup::progress_note(i, &f.record, section),
            markup::nav_count(i, &f.record, section),
            clearable,
            markup::save_status(&f.saved, has_answers(&f.record)),
        ))
    })
    .flatten() else {
        return;
    };
    let Some(doc) = document() else { return };
    let set = |selector: &str, text: &str| {
        if let Ok(Some(el)) = doc.query_selector(selector) {
            el.set_text_content(Some(text));
        }
    };
    set(".progress-note", &note);
    set(".section-nav__item a[aria-current] + .section-nav__count", &count);
    set(".save-status [role=status]", &status.0);
    set(".save-status__time", &status.1);
    if let (Some(clearable), Some(fieldset)) = (
        clearable,
        doc.get_element_by_id(&format!("q-{}", question.id()))
            .and_then(|q| q.query_selector("fieldset").ok().flatten()),
    ) {
        let button = fieldset.query_selector(".clear-answer").ok().flatten();
        match (clearable, button) {
            (true, None) => {
                let _ = fieldset.insert_adjacent_html("beforeend", &markup::clear_button(question.text()));
            }
            (false, Some(button)) => button.remove(),
            _ => {}
        }
    }
}

/// Writes the open assessment, as the full app does (`ui::state::Store`,
/// without a passphrase); a failure hands over to the full app, which
/// says so.
fn save(f: &mut First) {
    // Before the code that reads records is fetched, their text tells
    // whether any is encrypted (as in `Store::put`).
    match storage::write_plain_unless_sealed(&f.record, storage::may_hold_sealed(), true) {
        Ok(()) => {
            if !f.stored {
                // The first assessment saved: ask the browser to keep it.
                wasm_bindgen_futures::spawn_local(async {
                    let _ = keep::persist().await;
                });
            }
            f.stored = true;
            f.saved = Saved::At(browser::now_iso());
        }
        Err(e) => {
            let record = f.record.clone();
            // After this call returns: `f` is borrowed now.
            wasm_bindgen_futures::spawn_local(async move {
                hand_over_with(Some((record, Err(e))), Focus::Id(focused_id()), None);
            });
        }
    }
}

/// Hands over to the full app.
fn hand_over(focus: Focus, language: Option<Lang>) {
    let record = with(|f| {
        let saved = match &f.saved {
            Saved::At(at) => Some(at.clone()),
            Saved::Not => None,
        };
        (f.stored || has_answers(&f.record)).then(|| (f.record.clone(), Ok(saved)))
    })
    .flatten();
    hand_over_with(record, focus, language);
}

fn hand_over_with(
    record: Option<(Record, Result<Option<String>, storage::SaveError>)>,
    focus: Focus,
    language: Option<Lang>,
) {
    let Some(first) = FIRST.with(|f| f.borrow_mut().take()) else {
        return;
    };
    // Kept until the full app is drawn: if its code cannot come, the first
    // screen shows again, with a message and a retry.
    KEPT.with(|k| *k.borrow_mut() = Some(first));
    let page = matches!(focus, Focus::Page);
    HANDOVER.with(|h| {
        *h.borrow_mut() = Some(Handover {
            record,
            focus,
            language,
        })
    });
    let Some(doc) = document() else { return };
    if let Some(main) = doc.get_element_by_id("main-content") {
        if page {
            main.set_inner_html(&markup::loading());
        } else {
            // The same page, until the full app draws it again: out of
            // reach meanwhile, so that no answer is given that nothing
            // would keep.
            let _ = main.set_attribute("inert", "");
            let _ = main.set_attribute("aria-busy", "true");
        }
    }
    if let Some(root) = doc
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        wasm_bindgen_futures::spawn_local(crate::start_app(root));
    }
}

/// What the first screen handed over, taken once by the full app.
pub fn take_handover() -> Option<Handover> {
    KEPT.with(|k| k.borrow_mut().take());
    HANDOVER.with(|h| h.borrow_mut().take())
}

#[cfg(test)]
mod tests {
    use super::Page;
    use crate::ui::route::Route;

    #[test]
    fn the_first_screen_reads_an_address_as_the_full_app_does() {
        for fragment in [
            "",
            "#",
            "#/",
            "/",
            "#/section/staff",
            "#/section/staff/",
            "#/section/staff?item=debriefing",
            "#/section/staff?from=check",
            "#/section/staff?from=check&item=x",
            "#/section/staff?item=Bad!",
            "#/section/Staff",
            "#/section/",
            "#/section/a/b",
            "#/check",
            "#/results",
            "#/team/add/abc",
            "#/nowhere",
            "#//section//law",
            "#/section/law?item=&from=",
            "#/section/law?x=1&item=a-1",
        ] {
            let expected = match Route::parse(fragment) {
                Route::Start => Page::Start,
                Route::Section {
                    id,
                    item,
                    from_check: false,
                } => Page::Section { id, item },
                _ => Page::Other,
            };
            assert_eq!(Page::parse(fragment), expected, "{fragment:?}");
        }
    }
}
