//! The facilitator's team view and consensus mode. Respondents' results come
//! in as files (picked or dropped), answer codes (pasted, or a link whose
//! fragment carries the code) or assessments saved on this device; the core
//! merges them (`hr_assessment::team`); these pages lay the result out.

use crate::browser::{self, dom, files};
use crate::ui::route::Route;
use crate::ui::state::{instrument, session};
use hr_assessment::file::{self, FileKind};
use hr_assessment::team::{self, Member, TeamReport};
use hr_assessment::{code, ItemId, Record, Responses, ScaleAnswer};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One respondent in the team view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamEntry {
    /// "Respondent 3": respondents stay anonymous.
    pub label: String,
    /// Where it came from: a file name, "answer code", or "saved on this device".
    pub source: String,
    pub responses: Responses,
}

/// What is kept under the `team` storage key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamStore {
    pub schema: u32,
    pub members: Vec<TeamEntry>,
}

/// The team view's state, provided as context beside the session.
#[derive(Clone, Copy)]
pub struct Team {
    pub entries: RwSignal<Vec<TeamEntry>>,
    /// The merged report and how long merging and scoring took (ms).
    pub report: Memo<(TeamReport, f64)>,
    /// Consensus mode: the agreed answer per statement.
    pub agreed: RwSignal<BTreeMap<ItemId, ScaleAnswer>>,
    /// The session's passphrase state (the team is only stored unencrypted
    /// when there is no passphrase).
    vault: RwSignal<crate::ui::state::VaultState>,
}

impl Team {
    /// Reads the saved team (if any, and only if every entry checks out).
    pub fn load(vault: RwSignal<crate::ui::state::VaultState>) -> Team {
        let entries = browser::storage::read_team()
            .and_then(|raw| serde_json::from_str::<TeamStore>(&raw).ok())
            .filter(|t| t.members.iter().all(|m| m.responses.validate(instrument()).is_ok()))
            .map(|t| t.members)
            .unwrap_or_default();
        let entries = RwSignal::new(entries);
        let report = Memo::new(move |_| {
            entries.with(|list| {
                let start = browser::now_ms();
                let members: Vec<Member> = list
                    .iter()
                    .map(|e| Member::from_responses(e.label.clone(), e.responses.clone()))
                    .collect();
                let report = team::merge(instrument(), &members);
                (report, browser::now_ms() - start)
            })
        });
        Team {
            entries,
            report,
            agreed: RwSignal::new(BTreeMap::new()),
            vault,
        }
    }

    fn save(&self) {
        // With a passphrase set, the team is kept in this tab only: it is
        // never written to storage unencrypted.
        if self.vault.get_untracked() != crate::ui::state::VaultState::Off {
            return;
        }
        let members = self.entries.get_untracked();
        if members.is_empty() {
            browser::storage::remove_team();
        } else {
            let _ = browser::storage::write_team(&TeamStore { schema: 1, members });
        }
    }

    fn next_number(&self) -> u32 {
        self.entries.with_untracked(|list| {
            list.iter()
                .filter_map(|e| e.label.strip_prefix("Respondent ").and_then(|n| n.parse::<u32>().ok()))
                .max()
                .unwrap_or(0)
        }) + 1
    }

    /// Adds one respondent.
    pub fn add(&self, source: String, responses: Responses) {
        self.add_many(vec![(source, responses)]);
    }

    /// Adds several respondents at once: one merge, one render, one save.
    pub fn add_many(&self, new: Vec<(String, Responses)>) {
        if new.is_empty() {
            return;
        }
        let first = self.next_number();
        self.entries.update(|list| {
            for (n, (source, responses)) in new.into_iter().enumerate() {
                list.push(TeamEntry {
                    label: format!("Respondent {}", first + n as u32),
                    source,
                    responses,
                });
            }
        });
        self.save();
    }

    pub fn remove(&self, label: &str) {
        self.entries.update(|list| list.retain(|e| e.label != label));
        self.save();
    }

    pub fn clear(&self) {
        self.entries.set(Vec::new());
        self.agreed.set(BTreeMap::new());
        self.save();
    }

    /// Adds a respondent from an answer code; `Err` says what is wrong.
    pub fn add_code(&self, text: &str) -> Result<(), String> {
        let responses = decode_code(text)?;
        self.add("answer code".to_owned(), responses);
        Ok(())
    }
}

/// Reads an answer code, or a link ending in one.
fn decode_code(text: &str) -> Result<Responses, String> {
    let text = text.trim().trim_start_matches('#');
    let text = text.rsplit('/').next().unwrap_or(text);
    code::decode(instrument(), text).map_err(|e| e.to_string())
}

pub fn team() -> Team {
    expect_context::<Team>()
}

/// A mean in hundredths with its sign, as on the results page: "+1.50", "−0.33".
fn signed_mean(hundredths: i32) -> String {
    let digits = team::format_hundredths(hundredths.abs());
    match hundredths {
        0 => digits,
        h if h > 0 => format!("+{digits}"),
        _ => format!("\u{2212}{digits}"),
    }
}

fn statement_text(id: &ItemId) -> String {
    instrument()
        .question(id)
        .map(|q| q.text().to_owned())
        .unwrap_or_else(|| id.to_string())
}

fn role_label(id: &hr_assessment::OptionId) -> String {
    let i = instrument();
    i.question(&ItemId::new(team::ROLE_QUESTION))
        .map(|q| i.list_options(q))
        .and_then(|opts| opts.into_iter().find(|(o, _)| o == id).map(|(_, l)| l))
        .unwrap_or_else(|| id.to_string())
}

/// A short role name for table headings: the label up to its first bracket.
fn short_role(id: &hr_assessment::OptionId) -> String {
    let label = role_label(id);
    label.split(" (").next().unwrap_or(&label).to_owned()
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let t = team();
    view! {
        <a class="back-link" href="#/">"Back to the start"</a>
        <h1 id="page-heading" tabindex="-1">"Team view"</h1>
        <p class="lead">
            "Bring several people's results together on this device to see where your team agrees, where it differs, "
            "and what help the team needs. Nothing is sent anywhere: each person gives you a file they exported, or their answer code."
        </p>
        <AddRespondents/>
        {move || {
            let n = t.entries.with(Vec::len);
            if n == 0 {
                view! { <p>"No one has been added yet."</p> }.into_any()
            } else {
                view! { <TeamSummary/> }.into_any()
            }
        }}
    }
}

#[component]
fn AddRespondents() -> impl IntoView {
    let s = session();
    let t = team();
    let messages = RwSignal::new(Vec::<(bool, String)>::new()); // (is_error, text)
    let codes = RwSignal::new(String::new());
    let pick_saved = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);

    let take_files = move |list: web_sys::FileList| {
        let files_in: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        messages.set(Vec::new());
        spawn_local(async move {
            let mut accepted = Vec::new();
            let mut out = Vec::new();
            for f in files_in {
                let name = f.name();
                if f.size() > file::MAX_IMPORT_BYTES as f64 {
                    out.push((
                        true,
                        format!(
                            "{name}: this file is too large to be an assessment file (over 1 MB); it was not added."
                        ),
                    ));
                    continue;
                }
                let text = match files::read_text(&f).await {
                    Ok(text) => text,
                    Err(e) => {
                        out.push((
                            true,
                            format!("{name}: the file could not be read ({e}); it was not added."),
                        ));
                        continue;
                    }
                };
                if file::detect(&text) == FileKind::Encrypted {
                    out.push((true, format!("{name}: this file is protected with a passphrase. Import it on “Your saved assessments” first, then add it from there.")));
                    continue;
                }
                match file::import(&text, instrument()) {
                    Ok(imported) => accepted.push((name, imported.responses)),
                    Err(e) => out.push((true, format!("{name}: {e} It was not added."))),
                }
            }
            let added = accepted.len();
            t.add_many(accepted);
            if added > 0 {
                out.insert(
                    0,
                    (
                        false,
                        format!(
                            "Added {added} {}.",
                            if added == 1 { "respondent" } else { "respondents" }
                        ),
                    ),
                );
            }
            messages.set(out);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            take_files(list);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            take_files(list);
        }
    };
    let add_codes = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = codes.get_untracked();
        let mut out = Vec::new();
        let mut accepted = Vec::new();
        for (n, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            match decode_code(line) {
                Ok(responses) => accepted.push(("answer code".to_owned(), responses)),
                Err(e) => out.push((true, format!("Code {}: {e}", n + 1))),
            }
        }
        let added = accepted.len();
        t.add_many(accepted);
        if added > 0 {
            out.insert(
                0,
                (
                    false,
                    format!(
                        "Added {added} {}.",
                        if added == 1 { "respondent" } else { "respondents" }
                    ),
                ),
            );
            codes.set(String::new());
        }
        if out.is_empty() {
            out.push((true, "Paste at least one answer code.".to_owned()));
        }
        messages.set(out);
    };
    let add_saved = move |_| {
        let id = pick_saved.get_untracked();
        let Some(record) = s.library.with_untracked(|l| l.iter().find(|r| r.id == id).cloned()) else {
            messages.set(vec![(true, "Choose one of your saved assessments first.".to_owned())]);
            return;
        };
        t.add("saved on this device".to_owned(), record.responses);
        messages.set(vec![(false, format!("Added “{}”.", record.name))]);
    };

    view! {
        <h2>"Add results"</h2>
        <div class="drop-zone" class:drop-zone--active=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <label class="label" for="team-files">"Choose respondents' files, or drop them here"</label>
            <input class="file-input" id="team-files" type="file" multiple accept=".json,application/json" on:change=on_pick/>
        </div>
        <form class="inline-form" novalidate on:submit=add_codes>
            <label class="label" for="team-codes">"Answer codes, one per line"</label>
            <p class="hint" id="team-codes-hint">"Each person finds their code at the end of their results page. A link with a code in it also works."</p>
            <textarea class="input textarea" id="team-codes" rows="3" aria-describedby="team-codes-hint" spellcheck="false"
                prop:value=move || codes.get() on:input=move |ev| codes.set(event_target_value(&ev))></textarea>
            <div class="button-group"><button type="submit" class="button button--secondary">"Add codes"</button></div>
        </form>
        {move || {
            let list = s.library.get();
            (!list.is_empty()).then(|| view! {
                <div class="inline-form">
                    <label class="label" for="team-saved">"An assessment saved on this device"</label>
                    <select class="input" id="team-saved" on:change=move |ev| pick_saved.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {list.into_iter().map(|r| view! { <option value=r.id.clone()>{r.name.clone()}</option> }).collect_view()}
                    </select>
                    <div class="button-group"><button type="button" class="button button--secondary" on:click=add_saved>"Add it"</button></div>
                </div>
            })
        }}
        <div aria-live="polite">
            {move || messages.get().into_iter().map(|(error, text)| {
                if error {
                    view! { <p class="field-error">{text}</p> }.into_any()
                } else {
                    view! { <p class="notice notice--success">{text}</p> }.into_any()
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn TeamSummary() -> impl IntoView {
    let t = team();
    let report = move || t.report.get().0;
    let elapsed = move || t.report.get().1;
    let download_json = move |_| {
        let json = serde_json::to_string_pretty(&report()).unwrap_or_default();
        let _ = files::download("team-summary.json", "application/json", &json);
    };
    let download_csv = move |_| {
        let csv = team::team_csv(instrument(), &report());
        let _ = files::download("team-summary.csv", "text/csv;charset=utf-8", &csv);
    };
    view! {
        <h2>{move || format!("Respondents ({})", t.entries.with(Vec::len))}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Respondents">
            <table class="table">
                <caption class="visually-hidden">"Respondents"</caption>
                <thead><tr><th scope="col">"Respondent"</th><th scope="col">"Role"</th><th scope="col">"Added from"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    {move || t.entries.get().into_iter().map(|e| {
                        let role = e.responses.chosen(&ItemId::new(team::ROLE_QUESTION)).first().map(role_label).unwrap_or_else(|| "Not given".to_owned());
                        let label = e.label.clone();
                        view! {
                            <tr>
                                <th scope="row">{e.label.clone()}</th>
                                <td>{role}</td>
                                <td>{e.source.clone()}</td>
                                <td><button type="button" class="link-button" on:click=move |_| t.remove(&label)>"Remove"<span class="visually-hidden">{format!(" {}", e.label)}</span></button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="button-group no-print">
            <a class="button" href="#/consensus">"Agree team answers (consensus)"</a>
            <button type="button" class="button button--secondary" on:click=download_json>"Download team summary (JSON)"</button>
            <button type="button" class="button button--secondary" on:click=download_csv>"Download team summary (CSV)"</button>
            <button type="button" class="button button--secondary" on:click=move |_| dom::print()>"Print"</button>
            <button type="button" class="button button--warning" on:click=move |_| t.clear()>"Remove everyone"</button>
        </div>
        {move || view! { <TeamReportView report=report()/> }}
        <p class="hint">{move || format!("Merged and scored {} respondents in {:.1} ms, in this browser.", t.entries.with(Vec::len), elapsed())}</p>
    }
}

#[component]
fn TeamReportView(report: TeamReport) -> impl IntoView {
    let i = instrument();
    let members = report.members;
    let gap_roles: Vec<hr_assessment::OptionId> = team::GAP_ROLES
        .iter()
        .map(|r| hr_assessment::OptionId::new(*r))
        .collect();
    let gaps: Vec<_> = report
        .statements
        .iter()
        .filter(|s| !s.gaps.is_empty())
        .cloned()
        .collect();
    let roles_line = report
        .roles
        .iter()
        .filter(|r| r.members > 0)
        .map(|r| {
            format!(
                "{} {}",
                r.members,
                r.role
                    .as_ref()
                    .map(short_role)
                    .unwrap_or_else(|| "no role given".into())
                    .to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p>{format!("{members} {} — {roles_line}.", if members == 1 { "respondent" } else { "respondents" })}</p>

        <section class="results-section" aria-labelledby="gaps-title">
            <h2 id="gaps-title">"Where roles see things differently"</h2>
            <p class="hint">{format!("A statement is flagged when leadership, staff and peers' average answers differ by {} or more on the −2 to +2 scale.", team::format_hundredths(team::ROLE_GAP_THRESHOLD))}</p>
            {if gaps.is_empty() {
                view! { <p>"No gaps between roles: either the roles agree, or not enough roles are represented."</p> }.into_any()
            } else {
                view! {
                    <ul class="gap-list">
                        {gaps.into_iter().map(|s| {
                            let g = s.gaps[0].clone();
                            view! {
                                <li>
                                    {statement_text(&s.item)}
                                    <br/>
                                    <span class="hint">{format!(
                                        "{} {} on average, {} {}: a gap of {}.",
                                        short_role(&g.higher), signed_mean(g.higher_mean),
                                        short_role(&g.lower).to_lowercase(), signed_mean(g.lower_mean),
                                        team::format_hundredths(g.difference)
                                    )}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>

        <section class="results-section" aria-labelledby="team-domains-title">
            <h2 id="team-domains-title">"The team's reading by area"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="The team's reading by area">
                <table class="table">
                    <caption class="visually-hidden">"The team's reading by area (all answers pooled)"</caption>
                    <thead><tr>
                        <th scope="col">"Area"</th><th scope="col">"Stage"</th><th scope="col" class="num">"Balance"</th>
                        <th scope="col" class="num">"Facilitators"</th><th scope="col" class="num">"Barriers"</th><th scope="col" class="num">"I don't know"</th><th scope="col" class="num">"Answered"</th>
                    </tr></thead>
                    <tbody>
                        {report.domains.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{i.domain(&d.domain).map(|x| x.name.clone()).unwrap_or_default()}</th>
                                <td>{d.stage.label()}</td>
                                <td class="num">{crate::ui::results::balance_text(d.balance)}</td>
                                <td class="num">{d.facilitators}</td>
                                <td class="num">{d.barriers}</td>
                                <td class="num">{d.unknowns}</td>
                                <td class="num">{format!("{}%", d.coverage)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section class="results-section" aria-labelledby="team-statements-title">
            <h2 id="team-statements-title">"Statement by statement"</h2>
            <p class="hint">"Agreement: the share of known answers on the more common side (facilitator or barrier), from 50% (evenly split) to 100%. Role columns: the average answer from −2 (strongly on the barrier side) to +2."</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Statement by statement">
                <table class="table table--team">
                    <caption class="visually-hidden">"Each statement: how many gave each answer, agreement, and the average by role"</caption>
                    <thead><tr>
                        <th scope="col">"Statement"</th>
                        {ScaleAnswer::ALL.into_iter().map(|a| view! { <th scope="col" class="num num--wrap">{a.label()}</th> }).collect_view()}
                        <th scope="col" class="num">"Blank"</th>
                        <th scope="col" class="num">"Agreement"</th>
                        {gap_roles.iter().map(|r| view! { <th scope="col" class="num num--wrap">{short_role(r)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {report.statements.iter().map(|s| {
                            let flagged = !s.gaps.is_empty();
                            view! {
                                <tr class:row--flagged=flagged>
                                    <th scope="row" class="table__statement">{statement_text(&s.item)}{flagged.then_some(" (roles differ)")}</th>
                                    {ScaleAnswer::ALL.into_iter().map(|a| {
                                        let n = s.counts.get(a);
                                        view! { <td class="num">{format!("{n} ({}%)", team::percent(n, members))}</td> }
                                    }).collect_view()}
                                    <td class="num">{s.counts.unanswered}</td>
                                    <td class="num">{s.agreement.map(|a| format!("{a}%")).unwrap_or_else(|| "–".into())}</td>
                                    {gap_roles.iter().map(|r| {
                                        let mean = s.group(r).and_then(|g| g.mean).map(signed_mean).unwrap_or_else(|| "–".into());
                                        view! { <td class="num">{mean}</td> }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section class="results-section" aria-labelledby="team-ta-title">
            <h2 id="team-ta-title">"Technical assistance for the team"</h2>
            {if report.ta_areas.is_empty() {
                view! { <p>"No one's answers point to a need for technical assistance."</p> }.into_any()
            } else {
                view! {
                    <ol class="ta-list">
                        {report.ta_areas.iter().map(|a| view! {
                            <li class="ta-list__item">
                                <strong>{i.ta_area(&a.area).map(|x| x.name.clone()).unwrap_or_default()}</strong>
                                <br/>
                                <span class="hint">{format!("{} points in all; recommended for {} of {members} respondents.", a.points, a.members)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// Adds the respondent whose code is in the address (`#/team/add/<code>`),
/// then takes the code out of the address and the history.
#[component]
pub fn TeamAddPage(code: String) -> impl IntoView {
    let t = team();
    let result = t.add_code(&code);
    dom::replace_hash(&Route::Team.href());
    session().route.set(Route::Team);
    match result {
        Ok(()) => session().notice.set(Some("Added one respondent from a link.".into())),
        Err(e) => session()
            .notice
            .set(Some(format!("That link's answer code could not be used: {e}"))),
    }
    view! { <TeamPage/> }
}

/// Consensus: the statements with the widest disagreement first; the team
/// records one agreed answer each, saved as a team assessment that scores
/// like any other.
#[component]
pub fn ConsensusPage() -> impl IntoView {
    let s = session();
    let t = team();
    let name = RwSignal::new(format!("Team consensus, {}", browser::today_label()));
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let agreed = t.agreed.get_untracked();
        if agreed.is_empty() {
            error.set(Some("Record at least one agreed answer first.".into()));
            return;
        }
        let title = name.get_untracked();
        let title = title.trim();
        if title.is_empty() || title.chars().count() > file::MAX_NAME_CHARS {
            error.set(Some("Give the team assessment a name of 1 to 120 characters.".into()));
            return;
        }
        let mut record = Record::new(instrument(), browser::new_id(), title.to_owned(), browser::now_iso());
        for (item, answer) in agreed {
            record.responses.set_statement(item, answer);
        }
        s.add_imported(record);
        dom::go(&Route::Results.href());
    };
    view! {
        <a class="back-link" href="#/team">"Back to the team view"</a>
        <h1 id="page-heading" tabindex="-1">"Agree team answers"</h1>
        {move || {
            let (report, _) = t.report.get();
            if report.members == 0 {
                return view! { <p>"Add respondents in the "<a href="#/team">"team view"</a>" first."</p> }.into_any();
            }
            let order = team::disagreement_order(&report);
            view! {
                <p class="lead">"Talk each statement through and record the answer the team agrees on. The statements where the team disagrees most come first. You can leave any blank."</p>
                <p class="progress-note">{let total = order.len(); move || format!("{} of {total} agreed", t.agreed.with(|a| a.len()))}</p>
                <form class="section-form" novalidate on:submit=save>
                    {order.iter().filter_map(|id| report.statement(id).cloned()).map(|st| {
                        let id = st.item.clone();
                        let text = statement_text(&id);
                        let spread = ScaleAnswer::ALL
                            .into_iter()
                            .filter(|a| st.counts.get(*a) > 0)
                            .map(|a| format!("{} {}", st.counts.get(a), a.phrase()))
                            .collect::<Vec<_>>()
                            .join(", ");
                        let agreement = st.agreement.map(|a| format!(" Agreement {a}%.")).unwrap_or_default();
                        let hint_id = format!("consensus-{id}-hint");
                        view! {
                            <div class="question">
                                <fieldset class="fieldset" aria-describedby=hint_id.clone()>
                                    <legend class="fieldset__legend">{text}</legend>
                                    <p class="hint" id=hint_id.clone()>{if spread.is_empty() { "No one has answered this yet.".to_owned() } else { format!("The team said: {spread}.{agreement}") }}</p>
                                    <div class="scale">
                                        {ScaleAnswer::ALL.into_iter().map(|answer| {
                                            let input_id = format!("consensus-{id}--{}", answer.as_str());
                                            let item = id.clone();
                                            let item2 = id.clone();
                                            view! {
                                                <div class="scale__option">
                                                    <input type="radio" class="radio" id=input_id.clone() name=format!("consensus-{id}")
                                                        prop:checked=move || t.agreed.with(|a| a.get(&item) == Some(&answer))
                                                        on:change=move |_| t.agreed.update(|a| { a.insert(item2.clone(), answer); })/>
                                                    <label for=input_id>{answer.label()}</label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                            </div>
                        }
                    }).collect_view()}
                    <div class="field">
                        <label class="label" for="consensus-name">"Name for the team assessment"</label>
                        <input class="input" type="text" id="consensus-name" maxlength="120"
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <div class="button-group">
                        <button type="submit" class="button">"Save as a team assessment and see its results"</button>
                    </div>
                </form>
            }.into_any()
        }}
    }
}
