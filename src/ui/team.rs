//! The facilitator's team view and consensus mode. Respondents' results come
//! in as files (picked or dropped), answer codes (pasted, or a link whose
//! fragment carries the code) or assessments saved on this device; the core
//! merges them (`hr_assessment::team`); these pages lay the result out.

use crate::browser::{self, dom, files};
use crate::i18n::{lang, t};
use crate::ui::components::file_drop::FileDrop;
use crate::ui::confirm::refocus;
use crate::ui::format::role_label;
use crate::ui::route::Route;
use crate::ui::state::{instrument, use_library, use_shell};
use crate::ui::team_report::{respondents_line, TeamFigures, TeamReportView};
use hr_assessment::file;
use hr_assessment::incoming::{self, Incoming};
use hr_assessment::roster;
use hr_assessment::team::{self, Member, TeamReport};
use hr_assessment::team_charts;
use hr_assessment::SortedMap;
use hr_assessment::{code, ItemId, Responses, ScaleAnswer};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub use hr_assessment::roster::{Respondent, Source, TeamStore};

/// The team view's state, provided as context beside the state's handles.
#[derive(Clone, Copy)]
pub struct Team {
    pub entries: RwSignal<Vec<Respondent>>,
    /// The merged report and how long merging and scoring took (ms).
    pub report: Memo<(TeamReport, f64)>,
    /// Each domain's spread and the ways of receiving help chosen.
    pub figures: Memo<TeamFigures>,
    /// Consensus mode: the agreed answer per statement.
    pub agreed: RwSignal<SortedMap<ItemId, ScaleAnswer>>,
    /// The passphrase state, from `Vault` (the team is only stored unencrypted
    /// when there is no passphrase).
    vault: RwSignal<crate::ui::state::VaultState>,
    /// The save state, from `Assessment`: a failed write shows the app's message.
    save: RwSignal<crate::ui::state::SaveState>,
}

/// Where the team view's state lives: read from storage the first time a
/// team page asks for it ([`team`], in the team pages' chunk), not at
/// start, so that neither the reading nor the merging is in the first
/// module. Until then this keeps the one rule that cannot wait: with a
/// passphrase, no team is left in storage unencrypted (the copy is kept in
/// this tab, as a team page would keep it, and written back if protection
/// is switched off).
#[derive(Clone, Copy)]
pub struct TeamHome {
    /// The app's owner: the team, once read, lives as long as the app.
    owner: StoredValue<Owner>,
    team: StoredValue<Option<Team>>,
    /// The stored team, taken out of storage while a passphrase is set and
    /// no team page has read it.
    kept: StoredValue<Option<String>>,
    vault: RwSignal<crate::ui::state::VaultState>,
    save: RwSignal<crate::ui::state::SaveState>,
}

impl TeamHome {
    pub fn new(vault: RwSignal<crate::ui::state::VaultState>, save: RwSignal<crate::ui::state::SaveState>) -> TeamHome {
        let home = TeamHome {
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            team: StoredValue::new(None),
            kept: StoredValue::new(None),
            vault,
            save,
        };
        Effect::new(move |_| {
            let protected = vault.get() != crate::ui::state::VaultState::Off;
            if home.team.with_value(Option::is_some) {
                return; // the team's own effect keeps the rule
            }
            if protected {
                if let Some(raw) = browser::storage::read_team() {
                    home.kept.set_value(Some(raw));
                    browser::storage::remove_team();
                }
            } else if let Some(raw) = home.kept.get_value() {
                match browser::storage::write_team_text(&raw) {
                    Ok(()) => home.kept.set_value(None),
                    Err(e) => save.set(crate::ui::state::SaveState::Failed(e)),
                }
            }
        });
        home
    }

    /// The team if a team page has read it.
    pub fn loaded(&self) -> Option<Team> {
        self.team.get_value()
    }

    /// Forgets the team: in memory, in storage, and the copy kept aside.
    pub fn forget(&self) {
        if let Some(team) = self.loaded() {
            team.clear();
        }
        self.kept.set_value(None);
        browser::storage::remove_team();
    }
}

impl Team {
    /// Reads the saved team (if any, and only if every respondent checks
    /// out: `TeamStore::from_json`), from storage or from the copy `home`
    /// kept aside while a passphrase is set.
    fn load(home: TeamHome) -> Team {
        let (vault, save) = (home.vault, home.save);
        let entries = home
            .kept
            .try_update_value(Option::take)
            .flatten()
            .or_else(browser::storage::read_team)
            .and_then(|raw| TeamStore::from_json(&raw, instrument()))
            .map(|t| t.members)
            .unwrap_or_default();
        let entries = RwSignal::new(entries);
        let report = Memo::new(move |_| {
            entries.with(|list| {
                let start = browser::now_ms();
                let members: Vec<Member> = list
                    .iter()
                    .map(|e| Member::from_responses(format!("Respondent {}", e.number), e.responses.clone()))
                    .collect();
                let report = team::merge(instrument(), &members);
                (report, browser::now_ms() - start)
            })
        });
        let figures = Memo::new(move |_| {
            entries.with(|list| {
                let members: Vec<Member> = list
                    .iter()
                    .map(|e| Member::from_responses(format!("Respondent {}", e.number), e.responses.clone()))
                    .collect();
                TeamFigures {
                    spreads: team_charts::domain_spreads(instrument(), &members),
                    modalities: team_charts::team_modalities(instrument(), &members),
                }
            })
        });
        let team = Team {
            entries,
            report,
            figures,
            agreed: RwSignal::new(SortedMap::new()),
            vault,
            save,
        };
        // Whenever protection is switched on (or found on), the stored copy
        // goes at once; switched off, the team is stored again.
        Effect::new(move |_| {
            vault.track();
            team.save();
        });
        team
    }

    fn save(&self) {
        // With a passphrase set, the team is kept in this tab only: it is
        // never written to storage unencrypted, and a copy stored before
        // protection was switched on is deleted.
        if self.vault.get_untracked() != crate::ui::state::VaultState::Off {
            browser::storage::remove_team();
            return;
        }
        let members = self.entries.get_untracked();
        if members.is_empty() {
            browser::storage::remove_team();
        } else {
            // A failed write leaves the previous copy, and says so as any
            // failed save does.
            if let Err(e) = browser::storage::write_team(&TeamStore { schema: 1, members }) {
                self.save.set(crate::ui::state::SaveState::Failed(e));
            }
        }
    }

    /// Adds one respondent, unless the rules of `hr_assessment::roster`
    /// refuse it (the team view is full, or the code is there already).
    pub fn add(&self, source: Source, responses: Responses) -> Result<(), String> {
        match self.add_many(vec![(source, responses)]).pop() {
            Some(Err(e)) => Err(e),
            _ => Ok(()),
        }
    }

    /// Adds several respondents at once: one merge, one render, one save.
    /// Says for each, in order, whether it was added or why not.
    pub fn add_many(&self, new: Vec<(Source, Responses)>) -> Vec<Result<(), String>> {
        self.add_versioned(new.into_iter().map(|(source, r)| (source, r, String::new())).collect())
    }

    /// Adds several respondents, each with the questionnaire version of its
    /// answers (empty: this version), unless the rules of
    /// `hr_assessment::roster` refuse it. Says for each, in order, whether
    /// it was added or why not.
    pub fn add_versioned(&self, new: Vec<(Source, Responses, String)>) -> Vec<Result<(), String>> {
        let verdicts = self.entries.with_untracked(|list| {
            let labels: Vec<String> = list.iter().map(|e| label_text(e.number)).collect();
            let present: Vec<(&str, roster::Entry<'_>)> =
                list.iter().zip(&labels).map(|(e, l)| (l.as_str(), e.entry())).collect();
            let incoming: Vec<roster::Entry<'_>> = new
                .iter()
                .map(|(s, r, _)| roster::Entry {
                    responses: r,
                    from_code: *s == Source::Code,
                })
                .collect();
            roster::admit(&present, &incoming)
        });
        let new: Vec<(Source, Responses, String)> = new
            .into_iter()
            .zip(&verdicts)
            .filter(|(_, v)| v.is_ok())
            .map(|(n, _)| n)
            .collect();
        let verdicts = verdicts.into_iter().map(|v| v.map_err(|e| e.message(lang()))).collect();
        if new.is_empty() {
            return verdicts;
        }
        let first = self.entries.with_untracked(|list| roster::next_number(list));
        self.entries.update(|list| {
            for (n, (source, responses, version)) in new.into_iter().enumerate() {
                let version = if hr_assessment::upgrade::is_older(instrument(), &version) {
                    version
                } else {
                    String::new()
                };
                list.push(Respondent {
                    number: first + n as u32,
                    source,
                    responses,
                    version,
                });
            }
        });
        self.save();
        verdicts
    }

    pub fn remove(&self, number: u32) {
        self.entries.update(|list| list.retain(|e| e.number != number));
        self.save();
    }

    pub fn clear(&self) {
        self.entries.set(Vec::new());
        self.agreed.set(SortedMap::new());
        self.save();
    }

    /// Adds a respondent from an answer code; `Err` says what is wrong.
    pub fn add_code(&self, text: &str) -> Result<(), String> {
        let responses = decode_code(text)?;
        self.add(Source::Code, responses)
    }
}

/// Reads an answer code, or a link ending in one.
fn decode_code(text: &str) -> Result<Responses, String> {
    let text = text.trim().trim_start_matches('#');
    let text = text.rsplit('/').next().unwrap_or(text);
    code::decode(instrument(), text).map_err(|e| e.message(lang()))
}

/// A respondent's label in the interface language: "Respondent 3",
/// "Participante 3".
fn label_text(n: u32) -> String {
    crate::tf!("Respondent {n}", "Participante {n}")
}

/// Where a respondent came from, in the interface language (a file name
/// stays as it is).
fn source_text(source: &Source) -> String {
    match source {
        Source::Code => t!("answer code", "código de respuestas").to_owned(),
        Source::Saved => t!("saved on this device", "guardada en este dispositivo").to_owned(),
        Source::File(name) => name.clone(),
    }
}

/// The team view's state, read the first time a team page asks for it.
pub fn team() -> Team {
    let home = expect_context::<TeamHome>();
    if let Some(team) = home.loaded() {
        return team;
    }
    let team = home.owner.with_value(|owner| owner.with(|| Team::load(home)));
    home.team.set_value(Some(team));
    team
}

/// "Added 1 respondent." / "Added 3 respondents."
fn added_message(added: usize) -> String {
    if added == 1 {
        crate::tf!("Added {added} respondent.", "Se agregó {added} participante.")
    } else {
        crate::tf!("Added {added} respondents.", "Se agregaron {added} participantes.")
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let tm = team();
    let any = Memo::new(move |_| tm.entries.with(|l| !l.is_empty()));
    view! {
        <a class="back-link" href="#/">{t!("Back to the start", "Volver al inicio")}</a>
        <h1 id="page-heading" tabindex="-1">{t!("Team view", "Vista de equipo")}</h1>
        <p class="lead">
            {t!("Bring several people's results together on this device to see where your team agrees, where it differs, ", "Reúna en este dispositivo los resultados de varias personas para ver en qué coincide su equipo, en qué difiere ")}
            {t!("and what help the team needs. Nothing is sent anywhere: each person gives you a file they exported, or their answer code.", "y qué ayuda necesita. No se envía nada a ningún lugar: cada persona le da un archivo que exportó o su código de respuestas.")}
        </p>
        {move || if any.get() {
            // Findings first: what the team thinks, then who answered, then adding more.
            view! {
                <div class="button-group no-print">
                    <a class="button" href=Route::TeamPresent.href()>{t!("Present to the room", "Presentar a la sala")}</a>
                    <button type="button" class="button button--secondary" on:click=move |_| { dom::focus_id("team-add-title"); }>{t!("Add results", "Agregar resultados")}</button>
                    <a class="button button--secondary" href="#/consensus">{t!("Agree on team answers (consensus)", "Acordar las respuestas del equipo (consenso)")}</a>
                </div>
                {move || view! { <TeamReportView report=tm.report.get().0 figures=tm.figures.get()/> }}
                <TeamSummary/>
            }.into_any()
        } else {
            view! { <p>{t!("No one has been added yet.", "Todavía no se ha agregado a nadie.")}</p> }.into_any()
        }}
        <section class="results-section no-print" aria-labelledby="team-add-title">
            <AddRespondents/>
        </section>
    }
}

#[component]
fn AddRespondents() -> impl IntoView {
    let records = use_library().records();
    let tm = team();
    let messages = RwSignal::new(Vec::<(bool, String)>::new()); // (is_error, text)
    let codes = RwSignal::new(String::new());
    let pick_saved = RwSignal::new(String::new());

    let take_files = Callback::new(move |files_in: Vec<web_sys::File>| {
        messages.set(Vec::new());
        spawn_local(async move {
            let mut accepted = Vec::new();
            let mut names = Vec::new();
            let mut out = Vec::new();
            for f in files_in {
                let name = f.name();
                if let Some(refused) = file::refuse_before_reading(f.size() as u64) {
                    let e = refused.message(lang());
                    out.push((
                        true,
                        crate::tf!("{name}: {e} It was not added.", "{name}: {e} No se agregó."),
                    ));
                    continue;
                }
                let text = match files::read_text(&f).await {
                    Ok(text) => text,
                    Err(e) => {
                        out.push((
                            true,
                            crate::tf!(
                                "{name}: the file could not be read ({e}); it was not added.",
                                "{name}: no se pudo leer el archivo ({e}); no se agregó."
                            ),
                        ));
                        continue;
                    }
                };
                match incoming::classify(&text) {
                    Incoming::Assessment => {}
                    Incoming::EncryptedAssessment => {
                        out.push((true, crate::tf!(
                            "{name}: this file is protected with a passphrase. Import it on “Your saved assessments” first, then add it from there.",
                            "{name}: este archivo está protegido con una frase de contraseña. Primero impórtelo en “Sus evaluaciones guardadas” y luego agréguelo desde ahí."
                        )));
                        continue;
                    }
                    Incoming::Backup | Incoming::EncryptedBackup => {
                        out.push((true, crate::tf!(
                            "{name}: this is a backup of several assessments. Restore it on “Your saved assessments” first, then add them from there.",
                            "{name}: es un respaldo de varias evaluaciones. Primero restáurelo en “Sus evaluaciones guardadas” y luego agréguelas desde ahí."
                        )));
                        continue;
                    }
                }
                match file::import_in(&text, instrument(), lang()) {
                    Ok(imported) => {
                        names.push(name.clone());
                        accepted.push((Source::File(name), imported.responses, imported.instrument_version));
                    }
                    Err(e) => {
                        let e = e.message(lang());
                        out.push((
                            true,
                            crate::tf!("{name}: {e} It was not added.", "{name}: {e} No se agregó."),
                        ))
                    }
                }
            }
            let mut added = 0;
            for (name, verdict) in names.into_iter().zip(tm.add_versioned(accepted)) {
                match verdict {
                    Ok(()) => added += 1,
                    Err(e) => out.push((true, format!("{name}: {e}"))),
                }
            }
            if added > 0 {
                out.insert(0, (false, added_message(added)));
            }
            messages.set(out);
        });
    });
    let add_codes = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = codes.get_untracked();
        let mut out = Vec::new();
        let mut accepted = Vec::new();
        let mut numbers = Vec::new();
        for (n, line) in text.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
            match decode_code(line) {
                Ok(responses) => {
                    accepted.push((Source::Code, responses));
                    numbers.push(n + 1);
                }
                Err(e) => {
                    let n = n + 1;
                    out.push((true, crate::tf!("Code {n}: {e}", "Código {n}: {e}")))
                }
            }
        }
        let mut added = 0;
        for (n, verdict) in numbers.into_iter().zip(tm.add_many(accepted)) {
            match verdict {
                Ok(()) => added += 1,
                Err(e) => out.push((true, crate::tf!("Code {n}: {e}", "Código {n}: {e}"))),
            }
        }
        if added > 0 {
            out.insert(0, (false, added_message(added)));
            codes.set(String::new());
        }
        if out.is_empty() {
            out.push((
                true,
                t!(
                    "Paste at least one answer code.",
                    "Pegue al menos un código de respuestas.",
                )
                .to_owned(),
            ));
        }
        messages.set(out);
    };
    let add_saved = move |_| {
        let id = pick_saved.get_untracked();
        let Some(record) = records.with_untracked(|l| l.iter().find(|r| r.id == id).cloned()) else {
            messages.set(vec![(
                true,
                t!(
                    "Choose one of your saved assessments first.",
                    "Primero elija una de sus evaluaciones guardadas.",
                )
                .to_owned(),
            )]);
            return;
        };
        let name = record.name;
        messages.set(vec![match tm.add(Source::Saved, record.responses) {
            Ok(()) => (false, crate::tf!("Added “{name}”.", "Se agregó “{name}”.")),
            Err(e) => (true, e),
        }]);
    };

    view! {
        <h2 id="team-add-title" tabindex="-1">{t!("Add results", "Agregar resultados")}</h2>
        <FileDrop id="team-files" label=t!("Choose respondents' files, or drop them here", "Elija los archivos de los participantes o suéltelos aquí") multiple=true on_files=take_files/>
        <form class="inline-form" novalidate on:submit=add_codes>
            <label class="label" for="team-codes">{t!("Answer codes, one per line", "Códigos de respuestas, uno por línea")}</label>
            <p class="hint" id="team-codes-hint">{t!("Each person finds their code at the end of their results page. A link with a code in it also works.", "Cada persona encuentra su código al final de su página de resultados. También sirve un enlace que contenga un código.")}</p>
            <textarea class="input textarea" id="team-codes" rows="3" aria-describedby="team-codes-hint" spellcheck="false" autocomplete="off"
                prop:value=move || codes.get() on:input=move |ev| codes.set(event_target_value(&ev))></textarea>
            <div class="button-group"><button type="submit" class="button button--secondary">{t!("Add codes", "Agregar códigos")}</button></div>
        </form>
        <crate::ui::components::scan::ScanCodes add=Callback::new(move |text: String| {
            tm.add_code(&text)?;
            Ok(tm.entries.with_untracked(|l| l.last().map(|e| label_text(e.number))).unwrap_or_default())
        })/>
        {move || {
            let list = records.get();
            (!list.is_empty()).then(|| view! {
                <div class="inline-form">
                    <label class="label" for="team-saved">{t!("An assessment saved on this device", "Una evaluación guardada en este dispositivo")}</label>
                    <select class="input" id="team-saved" on:change=move |ev| pick_saved.set(event_target_value(&ev))>
                        <option value="">{t!("Choose…", "Elija…")}</option>
                        {list.into_iter().map(|r| view! { <option value=r.id.clone()>{r.name.clone()}</option> }).collect_view()}
                    </select>
                    <div class="button-group"><button type="button" class="button button--secondary" on:click=add_saved>{t!("Add it", "Agregarla")}</button></div>
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
    let tm = team();
    let confirm_clear = RwSignal::new(false);
    let report = move || tm.report.get().0;
    let elapsed = move || tm.report.get().1;
    let download_failed = RwSignal::new(None::<String>);
    let download_json = move |_| {
        let json = team::team_summary_json(&report());
        crate::ui::exports::offer(download_failed, "team-summary.json", "application/json", &json);
    };
    let download_csv = move |_| {
        let csv = team::team_csv_in(instrument(), &report(), lang());
        crate::ui::exports::offer(download_failed, "team-summary.csv", "text/csv;charset=utf-8", &csv);
    };
    view! {
        <section class="results-section" aria-labelledby="team-respondents-title">
        <h2 id="team-respondents-title">{move || { let n = tm.entries.with(Vec::len); crate::tf!("Respondents ({n})", "Participantes ({n})") }}</h2>
        {move || tm.entries.with(|list| {
            let versions: Vec<&str> = list.iter().map(|e| e.version.as_str()).collect();
            hr_assessment::upgrade::mixed_versions(instrument(), &versions).map(|m| view! { <p class="panel">{m.message(lang())}</p> })
        })}
        // One line, opened into the list on request (names and file names stay
        // out of sight on a shared screen until asked for).
        <details class="details team-roster">
        <summary>{move || respondents_line(&report())}</summary>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t!("Respondents", "Participantes")>
            <table class="table">
                <caption class="visually-hidden">{t!("Respondents", "Participantes")}</caption>
                <thead><tr><th scope="col">{t!("Respondent", "Participante")}</th><th scope="col">{t!("Role", "Rol")}</th><th scope="col">{t!("Added from", "Origen")}</th><th scope="col"><span class="visually-hidden">{t!("Remove", "Quitar")}</span></th></tr></thead>
                <tbody>
                    {move || tm.entries.get().into_iter().map(|e| {
                        let role = e.responses.chosen(&ItemId::new(team::ROLE_QUESTION)).first().map(role_label).unwrap_or_else(|| t!("Not given", "Sin indicar").to_owned());
                        let (number, label) = (e.number, label_text(e.number));
                        view! {
                            <tr>
                                <th scope="row">{label.clone()}</th>
                                <td>{role}</td>
                                <td>{source_text(&e.source)}</td>
                                <td><button type="button" class="link-button" on:click=move |_| tm.remove(number)>{t!("Remove", "Quitar")}<span class="visually-hidden">{format!(" {label}")}</span></button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        </details>
        <div class="button-group no-print">
            <button type="button" class="button button--secondary" on:click=download_json>{t!("Download team summary (JSON)", "Descargar el resumen del equipo (JSON)")}</button>
            <button type="button" class="button button--secondary" on:click=download_csv>{t!("Download team summary (CSV)", "Descargar el resumen del equipo (CSV)")}</button>
            <button type="button" class="button button--secondary" on:click=move |_| dom::print()>{t!("Print", "Imprimir")}</button>
            <button type="button" class="button button--warning" id="team-clear" on:click=move |_| { confirm_clear.set(true); refocus("team-clear-confirm"); }>{t!("Remove everyone", "Quitar a todas las personas")}</button>
        </div>
        <crate::ui::exports::DownloadFailed failed=download_failed/>
        {move || confirm_clear.get().then(|| {
            let n = tm.entries.with(Vec::len);
            let question = if n == 1 {
                t!("Remove the respondent from this device?", "¿Quitar a la persona participante de este dispositivo?").to_owned()
            } else {
                crate::tf!("Remove all {n} respondents from this device?", "¿Quitar a las {n} personas participantes de este dispositivo?")
            };
            view! {
                <div class="confirm no-print" role="group" tabindex="-1" id="team-clear-confirm" aria-labelledby="team-clear-q">
                    <p id="team-clear-q"><strong>{question}</strong>{t!(" Their own files and answer codes are not affected; you can add them again.", " Sus propios archivos y códigos de respuestas no se ven afectados; puede volver a agregarlos.")}</p>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| { confirm_clear.set(false); tm.clear(); }>{t!("Yes, remove everyone", "Sí, quitar a todas las personas")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| { confirm_clear.set(false); refocus("team-clear"); }>{t!("Cancel", "Cancelar")}</button>
                    </div>
                </div>
            }
        })}
        </section>
        <p class="hint">{move || {
            let n = tm.entries.with(Vec::len);
            let ms = hr_assessment::numbers::one_decimal(elapsed(), lang());
            if n == 1 {
                crate::tf!(
                    "Scored {n} respondent in {ms} ms, in this browser.",
                    "Se puntuó {n} participante en {ms} ms, en este navegador."
                )
            } else {
                crate::tf!(
                    "Merged and scored {n} respondents in {ms} ms, in this browser.",
                    "Se combinaron y puntuaron {n} participantes en {ms} ms, en este navegador."
                )
            }
        }}</p>
    }
}

/// Adds the respondent whose code is in the address (`#/team/add/<code>`),
/// then takes the code out of the address and the history.
#[component]
pub fn TeamAddPage(code: String) -> impl IntoView {
    let tm = team();
    let result = tm.add_code(&code);
    dom::replace_hash(&Route::Team.href());
    let shell = use_shell();
    shell.route.set(Route::Team);
    match result {
        Ok(()) => shell.notice.set(Some(
            t!(
                "Added one respondent from a link.",
                "Se agregó a una persona desde un enlace.",
            )
            .into(),
        )),
        Err(e) => shell.notice.set(Some(crate::tf!(
            "That link's answer code could not be used: {e}",
            "No se pudo usar el código de respuestas de ese enlace: {e}"
        ))),
    }
    view! { <TeamPage/> }
}
