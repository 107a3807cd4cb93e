//! Pages without questions: how the results are calculated (with the worked
//! example, computed by the core), how privacy is protected, and not found.

use crate::ui::results::{balance_text, signed};
use crate::ui::state::instrument;
use hr_assessment::codebook::Codebook;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::scoring::score_answer;
use hr_assessment::{assess, Polarity, ScaleAnswer};
use leptos::prelude::*;

#[component]
pub fn MethodPage() -> impl IntoView {
    let i = instrument();
    let t = &i.scoring;
    let example = assess(i, &worked_example());
    let example_domains: Vec<_> = example
        .domains
        .iter()
        .filter(|d| !d.items.is_empty())
        .cloned()
        .collect();
    let weakest = example
        .overall
        .weakest
        .as_ref()
        .and_then(|w| i.domain(w))
        .map(|d| d.name.clone())
        .unwrap_or_default();
    view! {
        <a class="back-link" href="#/results">"Back to your results"</a>
        <h1 id="page-heading" tabindex="-1">"How is this calculated?"</h1>
        <p class="lead">"This is the whole method. Nothing else goes into your results, and every number on the results page can be traced to the answers behind it."</p>

        <h2>"1. Each answer: facilitator, barrier or unknown"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="How each answer scores">
            <table class="table">
                <caption>"How each answer scores"</caption>
                <thead><tr>
                    <th scope="col">"Answer"</th>
                    <th scope="col">"Statement worded positively"</th>
                    <th scope="col">"Statement worded the other way round"</th>
                </tr></thead>
                <tbody>
                    {ScaleAnswer::ALL.into_iter().map(|a| {
                        let (pc, ps) = score_answer(a, Polarity::Positive);
                        let (nc, ns) = score_answer(a, Polarity::Negative);
                        view! {
                            <tr>
                                <th scope="row">{a.label()}</th>
                                <td>{format!("{}, {}", pc.label().to_lowercase(), signed(ps))}</td>
                                <td>{format!("{}, {}", nc.label().to_lowercase(), signed(ns))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>
            "A few statements are worded the other way round, and say so on screen: agreeing that “the insurers and funders we rely on pay only for abstinence-only programs” describes a barrier. "
            <strong>"“I don't know” is never a barrier."</strong>
            " It is counted and shown, and when half or more of an area is “I don't know”, the results suggest finding out first."
        </p>

        <h2>"2. Each area: balance and stage"</h2>
        <p>"For each area (leadership, staff, community, law, policy, funding), the balance runs from −100 to +100 over the answers that are not “I don't know”:"</p>
        <p class="formula">"balance = 100 × (sum of the scores) ÷ (2 × number of known answers), rounded to a whole number"</p>
        <ul>
            <li>{format!("Facilitator: {} or more", signed(t.facilitator_from))}</li>
            <li>{format!("Mixed: between {} and {}", signed(t.barrier_to + 1), signed(t.facilitator_from - 1))}</li>
            <li>{format!("Barrier: {} or less", signed(t.barrier_to))}</li>
            <li>"Not assessed: no known answers"</li>
        </ul>

        <h2>"3. The organization: the weakest link"</h2>
        <p>
            "One area near the bottom can hold the whole organization back, however strong the others are. "
            "So the overall stage is the stage of the weakest area (the lowest balance), and the average of the assessed areas is shown beside it."
        </p>

        <h2>"4. Recommendations"</h2>
        <p>
            {format!(
                "Each statement points to one or more technical assistance areas. A strong barrier adds {} points to each, a barrier {}, an “I don't know” {}. A service or partner you plan adds {}; an area you pick yourself adds {}. ",
                t.points_strong_barrier, t.points_somewhat_barrier, t.points_unknown, t.points_plan, t.points_chosen_area
            )}
            "Ties go to the area more organizations wanted nationally in 2022."
        </p>
        <p>
            {format!(
                "Ways of receiving help: your own top three always come first. Within them and among the rest: {} for each constraint a way suits and {} for each it fits badly, {} for individualized TA and a learning collaborative when {} or more areas are barriers; ties go to national preference.",
                signed(t.modality_favoured), signed(t.modality_disfavoured), signed(t.modality_favoured), t.wide_change_barrier_domains
            )}
        </p>

        <h2>"Worked example"</h2>
        <p>{format!("Someone answers {} statements in three areas and leaves the rest blank:", WORKED_EXAMPLE.len())}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="The example's answers">
            <table class="table">
                <caption>"The example's answers"</caption>
                <thead><tr>
                    <th scope="col">"Statement"</th><th scope="col">"Answer"</th><th scope="col">"Reads as"</th><th scope="col" class="num">"Score"</th>
                </tr></thead>
                <tbody>
                    {example_domains.iter().flat_map(|d| d.items.clone()).map(|item| {
                        let text = i.question(&item.item).map(|q| q.text().to_owned()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row" class="table__statement">{text}</th>
                                <td>{item.answer.label()}</td>
                                <td>{item.class.label()}</td>
                                <td class="num">{signed(item.score)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label="The example's areas">
            <table class="table">
                <caption>"The example's areas"</caption>
                <thead><tr>
                    <th scope="col">"Area"</th><th scope="col">"Working"</th><th scope="col" class="num">"Balance"</th><th scope="col">"Stage"</th>
                </tr></thead>
                <tbody>
                    {example_domains.iter().map(|d| {
                        let name = i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default();
                        let working = format!("100 × {} ÷ (2 × {})", signed(d.sum), d.known());
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{working}{d.find_out.then_some(" — half or more “I don't know”: find out")}</td>
                                <td class="num">{balance_text(d.balance)}</td>
                                <td>{d.stage.label()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>
            {format!(
                "The average of the three balances is {}; the weakest link is {weakest} at {}, so the overall stage is {}.",
                balance_text(example.overall.average),
                balance_text(example.overall.weakest.as_ref().and_then(|w| example.domain(w)).and_then(|d| d.balance)),
                example.overall.stage.label().to_lowercase()
            )}
        </p>
        <p class="hint">"The same method and example are written up in the project's docs/scoring.md; a test checks that the document, this page and the program agree."</p>

        <h2>"The codebook"</h2>
        <p>
            "For researchers and evaluators: the whole questionnaire as data — every statement with its area, wording direction, "
            "technical assistance areas and source, the national figures with their sample sizes, and the thresholds above — in one JSON file."
        </p>
        <button type="button" class="button button--secondary" on:click=move |_| {
            let json = Codebook::new(instrument()).to_json();
            let name = format!("harm-reduction-readiness-codebook-{}.json", instrument().version);
            let _ = crate::browser::files::download(&name, "application/json", &json);
        }>"Download the codebook (JSON)"</button>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <a class="back-link" href="#/">"Back to the start"</a>
        <h1 id="page-heading" tabindex="-1">"How your privacy is protected"</h1>
        <p class="lead"><strong>"Nothing you enter leaves this browser."</strong></p>
        <p>
            "Harm reduction work is criminalized or contested in many places. Answers about supplies, law enforcement or funding "
            "could expose an organization or its staff. So this assessment is built so that it cannot send your answers anywhere."
        </p>
        <h2>"What happens to your answers"</h2>
        <ul>
            <li>"They are kept in this browser's own storage on this device (called local storage), and nowhere else."</li>
            <li>"There is no server behind this page, no account, no cookies, no analytics and no advertising."</li>
            <li>"They leave this device only if you print your results or save them to a file yourself."</li>
        </ul>
        <h2>"How this is enforced"</h2>
        <ul>
            <li>
                "The page carries a Content Security Policy, a rule the browser itself enforces. It forbids loading anything from, or sending anything to, "
                "any other website: no fonts, scripts, images or connections from elsewhere, and no forms that submit."
            </li>
            <li>"The app contains no code that sends data over the network. Every automated test of the app fails if the page makes a single request to another website."</li>
            <li>"The source code is open for anyone to check."</li>
        </ul>
        <h2>"Extra protection you can choose"</h2>
        <ul>
            <li>
                <strong>"A passphrase."</strong>
                " Your saved assessments are then stored encrypted (AES-GCM-256, with a key made from your passphrase by PBKDF2 with 600,000 rounds). "
                "The key is kept only while this tab is open and unlocked; it is never stored. "
                <a href="#/protect">"Passphrase protection"</a>
            </li>
            <li>
                <strong>"Quick exit."</strong>
                " The yellow button at the top of every page, or pressing Shift three times, replaces this page with a neutral one at once — and, if you choose, deletes everything first."
            </li>
            <li><strong>"Delete everything."</strong>" On "<a href="#/assessments">"Your saved assessments"</a>" you can delete one assessment or everything this app has stored."</li>
        </ul>
        <h2>"What this does not protect against"</h2>
        <ul>
            <li>"Without a passphrase, someone who can use this device and this browser profile can open the assessment and see your answers."</li>
            <li>"A passphrase that is easy to guess. Use several unrelated words. If you forget it, the saved assessments cannot be recovered."</li>
            <li>"Someone using the browser while it is unlocked, malware on the device, or browser extensions you have installed: they can read pages you visit."</li>
            <li>"Your browsing history: quick exit cannot erase it. Use a private window if that matters."</li>
            <li>"Files you export or print are yours to keep safe; only the encrypted download is protected."</li>
        </ul>
        <p>"The full threat model is in the project's docs/privacy.md."</p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">"Page not found"</h1>
        <p>"There is no page at this address. Your answers are safe."</p>
        <p><a href="#/">"Go to the start page"</a></p>
    }
}

/// Continues with answers carried in a link (`#/resume/<code>`): they become
/// a new saved assessment, and the code leaves the address and history.
#[component]
pub fn ResumePage(code: String) -> impl IntoView {
    let s = crate::ui::state::session();
    let result = hr_assessment::code::decode(instrument(), &code);
    crate::browser::dom::replace_hash(&crate::ui::route::Route::Check.href());
    match result {
        Ok(responses) => {
            let mut record = hr_assessment::Record::new(
                instrument(),
                crate::browser::new_id(),
                format!("Assessment of {}", crate::browser::today_label()),
                crate::browser::now_iso(),
            );
            record.responses = responses;
            s.add_imported(record);
            s.notice.set(Some(
                "Your answers from the embedded page are now saved on this device.".into(),
            ));
        }
        Err(e) => s
            .notice
            .set(Some(format!("The answers in that link could not be used: {e}"))),
    }
    s.route.set(crate::ui::route::Route::Check);
    view! { <crate::ui::check::CheckPage/> }
}
