//! The start page: what the assessment is for, who it is for, how long it
//! takes, the privacy promise and how it is kept; then Start (or Continue).

use crate::ui::route::Route;
use crate::ui::state::{instrument, session};
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let s = session();
    let i = instrument();
    let statements = i.statements().count();
    let first_section = &i.sections[0].id;
    let first = move || Route::section(first_section).href();
    let confirming = RwSignal::new(false);

    // Where "Continue" goes: the last page visited, else the first page.
    let continue_href = move || {
        s.record.with(|r| {
            r.position
                .as_ref()
                .map(Route::section)
                .map(|r| r.href())
                .unwrap_or_else(first)
        })
    };
    let progress = move || {
        let (answered, total) = s.record.with(|r| r.responses.progress(i));
        format!("You have answered {answered} of {total} questions so far.")
    };

    view! {
        <h1 id="page-heading" tabindex="-1">"How ready is your organization for harm reduction?"</h1>
        <p class="lead">
            "A private self-assessment for mental health and substance use treatment organizations. "
            "Find out how ready you are to offer harm reduction services, what holds you back, "
            "and what technical assistance (TA) to ask for."
        </p>

        {move || if s.has_answers() {
            view! {
                <div class="panel">
                    <h2>"Welcome back"</h2>
                    <p>{progress}" Your answers are saved on this device."</p>
                    <div class="button-group">
                        <a class="button" href=continue_href>"Continue where you left off"</a>
                        <a class="button button--secondary" href="#/check">"Check your answers"</a>
                        <a class="button button--secondary" href="#/results">"See your results"</a>
                    </div>
                    <p>
                        <button type="button" class="link-button" on:click=move |_| s.start_new()>"Start a new assessment"</button>
                        " (this one stays saved) · "
                        <a href="#/assessments">"Your saved assessments"</a>
                    </p>
                    {move || if confirming.get() {
                        view! {
                            <div class="confirm" role="group" aria-labelledby="confirm-title">
                                <p id="confirm-title"><strong>"Delete your answers from this device and start again?"</strong>" This cannot be undone."</p>
                                <div class="button-group">
                                    <button type="button" class="button button--warning" on:click=move |_| {
                                        let id = s.record.with_untracked(|r| r.id.clone());
                                        s.delete(&id);
                                        confirming.set(false);
                                    }>"Yes, delete my answers"</button>
                                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"No, keep them"</button>
                                </div>
                            </div>
                        }.into_any()
                    } else {
                        view! {
                            <p>
                                <button type="button" class="link-button" on:click=move |_| confirming.set(true)>
                                    "Delete my answers and start again"
                                </button>
                            </p>
                        }.into_any()
                    }}
                </div>
            }.into_any()
        } else {
            view! {
                <a class="button button--start" href=first()>"Start now"<span aria-hidden="true">" →"</span></a>
            }.into_any()
        }}

        <h2>"Who it is for"</h2>
        <ul>
            <li>"Leaders of mental health and substance use treatment organizations, Certified Community Behavioral Health Clinics, recovery community organizations and social service agencies."</li>
            <li>"Staff, peer workers and people with lived experience who want to see how their organization looks from where they stand."</li>
            <li>"Trainers and technical assistance providers running workshops and learning collaboratives."</li>
        </ul>

        <h2>"What you will do"</h2>
        <p>
            {format!("Read {statements} statements about your organization's leadership, staff, community, law, policy and funding, ")}
            "and answer each on the scale of the 2022 national survey: strongly agree, somewhat agree, somewhat disagree, "
            "strongly disagree, or I don't know. Then tell us which services and partners you have, and which kinds of help would suit you."
        </p>
        <p>
            <strong>"It takes about 15 to 20 minutes."</strong>
            " You can skip any question, stop at any time and come back later: your answers are saved on this device as you go."
        </p>

        <h2>"What you get"</h2>
        <ul>
            <li>"Each area read as a facilitator, a barrier or mixed, and the area holding your organization back most."</li>
            <li>"Your answers beside those of organizations surveyed nationally in 2022."</li>
            <li>"The technical assistance areas and ways of receiving help that fit your answers, each with the answers that led to it."</li>
            <li>"A page you can print and take to your team or board."</li>
        </ul>

        <h2>"Your privacy"</h2>
        <div class="panel panel--privacy">
            <p><strong>"Nothing you enter leaves this browser."</strong></p>
            <p>
                "There is no server behind this assessment, no account and no analytics. Your answers are kept only in this "
                "browser's storage on this device, and leave it only if you choose to print or save them to a file."
            </p>
            <p>
                "This is enforced, not just promised: the page carries a security policy that forbids the browser from "
                "contacting any other website, and the app has no code that sends data anywhere. "
                <a href="#/privacy">"How your privacy is protected"</a>
            </p>
            <p class="hint">"On a shared computer, delete your answers when you have finished."</p>
        </div>

        <h2>"Running a workshop?"</h2>
        <p>
            "Each participant takes the assessment on their own device. Bring their results together on yours in the "
            <a href="#/team">"team view"</a>
            ": see where leaders, staff and peers agree or differ, and agree team answers. "
            "On a shared device, add "<code>"?kiosk=1"</code>" to the address: each person ends with a reset that leaves nothing behind. "
            "To put the assessment inside your own workshop page, see the embedding guide in the project's docs/embedding.md."
        </p>

        <h2>"Where the questions come from"</h2>
        <p>
            "The statements draw on a 2022 national survey of mental health and substance use treatment organizations by the "
            "National Council for Mental Wellbeing, and on research with harm reduction workers, learning collaboratives and "
            "county overdose prevention coalitions. "
            <a href="#/method">"How is this calculated?"</a>
        </p>
    }
}
