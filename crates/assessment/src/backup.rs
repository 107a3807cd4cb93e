//! One backup of everything: every saved assessment, with its action plan,
//! in one file, and restoring it beside what is already saved.
//! `docs/file-format.md` (section 6) describes the file for people and
//! `docs/backup-file.schema.json` as a JSON Schema; tests keep both in step
//! with this code.
//!
//! A backup is a list of assessment files (the single-assessment format of
//! [`crate::file`]), each with the id it had in the browser. Reading one
//! applies every check of [`crate::file::import_in`] to each assessment, on
//! top of the backup's own checks (size, nesting, JSON, marker, version,
//! fields, the number of assessments). A bad assessment among good ones is
//! reported by its place and name; the caller decides, with the user,
//! whether to restore the rest. [`plan`] then decides, against what is
//! saved, what is added and what is skipped: nothing is ever overwritten.
//!
//! ```
//! use hr_assessment::backup::{export_backup, plan, read};
//! use hr_assessment::{Instrument, Lang, Record, Shipped};
//!
//! let instrument = Instrument::shipped();
//! let record = Record::new(instrument, "a1".into(), "Before the collaborative".into(),
//!                          "2026-11-22T10:15:00.000Z".into());
//! let text = export_backup(&[record.clone()], "en", "2026-11-22T10:20:00.000Z");
//! let backup = read(&text, instrument, Lang::En).unwrap();
//! assert!(backup.rejected.is_empty());
//! // Restoring beside the same assessment adds nothing.
//! let outcome = plan(backup.good, &[record], || unreachable!());
//! assert!(outcome.add.is_empty());
//! assert_eq!(outcome.skipped, ["Before the collaborative"]);
//! ```

pub use crate::dates::timestamp_ms;
use crate::file::{
    export_json, import_in, is_timestamp, object, parse_json, text_of, version_of, Envelope, ImportError,
    ImportWarning, ShapeProblem, LANGUAGES,
};
use crate::instrument::Instrument;
use crate::lang::Lang;
use crate::record::Record;
use crate::text::shown;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The `format` marker of a backup.
pub const BACKUP_FORMAT: &str = "hr-readiness-backup";
/// The `format` marker of a passphrase-protected backup.
pub const ENCRYPTED_BACKUP_FORMAT: &str = "hr-readiness-backup-encrypted";
/// The backup format version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;
/// The most assessments one backup may hold (checked before any is read).
pub const MAX_ASSESSMENTS: usize = 500;
/// Largest backup accepted, in bytes (checked before parsing).
pub const MAX_BACKUP_BYTES: usize = 10_000_000;
/// Largest protected backup accepted, in bytes: room for the base64 of an
/// encrypted [`MAX_BACKUP_BYTES`] backup and the envelope's other fields.
pub const MAX_ENCRYPTED_BACKUP_BYTES: usize = 14_000_000;
/// Longest assessment id in a backup.
pub const MAX_ID_CHARS: usize = 64;

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'static str,
    version: u32,
    exported: &'a str,
    language: &'a str,
    assessments: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    id: &'a str,
    file: Value,
}

/// Every record as one backup of the current version, pretty-printed: each
/// assessment is the file [`export_json`] writes for it (with its action
/// plan), beside the id it has in this browser.
pub fn export_backup(records: &[Record], language: &str, exported: &str) -> String {
    let out = BackupOut {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported,
        language,
        assessments: records
            .iter()
            .map(|r| EntryOut {
                id: &r.id,
                // Our own JSON: it always parses.
                file: serde_json::from_str(&export_json(r, language, exported)).unwrap_or(Value::Null),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// The protected backup's JSON around encrypted data (made by the browser
/// from the plain backup's UTF-8, exactly as a protected assessment file).
pub fn envelope_json(envelope: &Envelope) -> String {
    envelope.to_json_marked(ENCRYPTED_BACKUP_FORMAT)
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why a backup was not read at all. Nothing is restored when any of these
/// happens. [`BackupError::message`] is written for the person who chose
/// the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Larger than `limit` bytes; not parsed at all.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// The file ends before it is complete (cut short).
    Truncated,
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    /// Not a backup of this app.
    NotABackup,
    /// `version` missing, 0 or not a whole number.
    NoVersion,
    /// Made by a newer version of the app.
    NewerVersion {
        file: u64,
        app: u32,
    },
    /// A field of the backup itself is missing, unknown or of the wrong type.
    Shape {
        field: String,
        problem: ShapeProblem,
    },
    /// `exported` is not a timestamp or `language` not one of ours.
    Field {
        field: &'static str,
    },
    /// More assessments than [`MAX_ASSESSMENTS`].
    TooMany {
        found: usize,
        max: usize,
    },
    /// The backup holds no assessment.
    NoAssessments,
    /// The protected backup's envelope is damaged or not this app's.
    Protected(ImportError),
}

/// "Choose a backup file…": what to do about the wrong file.
fn choose(lang: Lang) -> &'static str {
    pick!(lang, "Choose a backup file made with \u{201c}Back up all assessments\u{201d} in this app.", "Elija un archivo de respaldo hecho con \u{201c}Hacer un respaldo de todas las evaluaciones\u{201d} en esta aplicación.")
}

impl BackupError {
    /// What is wrong and what to do, in a language.
    pub fn message(&self, lang: Lang) -> String {
        use BackupError::*;
        let choose = choose(lang);
        match self {
            TooLarge { bytes, limit } => {
                let (size, most) = (crate::numbers::megabytes(*bytes, lang), limit / 1_000_000);
                tr!(
                    lang,
                    "This file is {size} MB; backups are under {most} MB. {choose}",
                    "Este archivo pesa {size} MB; los respaldos pesan menos de {most} MB. {choose}"
                )
            }
            Empty => tr!(lang, "This file is empty. {choose}", "Este archivo está vacío. {choose}"),
            Truncated => pick!(lang, "This backup ends too early: it was probably cut short while it was downloaded, copied or saved. Make a new backup, or use another copy of this one.", "Este respaldo termina antes de tiempo: probablemente se cortó al descargarlo, copiarlo o guardarlo. Haga un respaldo nuevo o use otra copia de este.")
                .to_owned(),
            NotJson { line, column } => tr!(
                lang,
                "This file is damaged or is not a backup: it cannot be read (line {line}, character {column}). {choose}",
                "Este archivo está dañado o no es un respaldo: no se puede leer (línea {line}, carácter {column}). {choose}"
            ),
            TooDeep | NotABackup => tr!(
                lang,
                "This is not a backup from this app. {choose}",
                "Este no es un respaldo de esta aplicación. {choose}"
            ),
            NoVersion => tr!(
                lang,
                "This backup does not say which version of the backup format it uses, so it cannot be read safely. {choose}",
                "Este respaldo no indica qué versión del formato de respaldo usa, así que no se puede leer con seguridad. {choose}"
            ),
            NewerVersion { file, app } => tr!(
                lang,
                "This backup was made by a newer version of this app (backup format version {file}; this version reads versions up to {app}). Open it in the newest version of the app.",
                "Este respaldo se creó con una versión más reciente de esta aplicación (versión {file} del formato de respaldo; esta versión lee hasta la versión {app}). Ábralo en la versión más reciente de la aplicación."
            ),
            Shape { field, problem } => {
                let (field, problem) = (shown(field, 60), problem.phrase(lang));
                tr!(
                    lang,
                    "This file does not have the layout of a backup: \"{field}\" {problem}. It may have been edited or damaged. {choose}",
                    "Este archivo no tiene la estructura de un respaldo: el campo \"{field}\" {problem}. Puede que se haya editado o dañado. {choose}"
                )
            }
            Field { field } => tr!(
                lang,
                "The \"{field}\" of this backup is not one this app writes. It may have been edited or damaged. {choose}",
                "El campo \"{field}\" de este respaldo no es uno que esta aplicación escriba. Puede que se haya editado o dañado. {choose}"
            ),
            TooMany { found, max } => tr!(
                lang,
                "This backup holds {found} assessments; this app restores at most {max} from one file. It is damaged or was not made by this app.",
                "Este respaldo contiene {found} evaluaciones; esta aplicación restaura como máximo {max} de un archivo. Está dañado o no lo creó esta aplicación."
            ),
            NoAssessments => pick!(lang, "This backup holds no assessment, so there is nothing to restore.", "Este respaldo no contiene ninguna evaluación, así que no hay nada que restaurar.")
                .to_owned(),
            Protected(e) => e.message(lang),
        }
    }

    /// The backup's words for the file-level errors [`parse_json`] and
    /// [`Envelope`] give.
    fn from_file(e: ImportError) -> BackupError {
        match e {
            ImportError::TooLarge { bytes, .. } => BackupError::TooLarge {
                bytes,
                limit: MAX_BACKUP_BYTES,
            },
            ImportError::CiphertextTooLarge { bytes } => BackupError::TooLarge {
                bytes,
                limit: MAX_BACKUP_BYTES,
            },
            ImportError::Empty => BackupError::Empty,
            ImportError::Truncated => BackupError::Truncated,
            ImportError::NotJson { line, column } => BackupError::NotJson { line, column },
            ImportError::TooDeep => BackupError::TooDeep,
            ImportError::NotAnAssessment | ImportError::NotEncrypted => BackupError::NotABackup,
            ImportError::NoVersion => BackupError::NoVersion,
            ImportError::NewerVersion { file, app } => BackupError::NewerVersion { file, app },
            ImportError::Shape { field, problem } => BackupError::Shape { field, problem },
            other => BackupError::Protected(other),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BackupError {}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Which kind of backup a text is, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupKind {
    Plain,
    Encrypted,
}

/// Tells backups apart from other files by their `format` marker, without
/// validating them. A file that is not JSON counts as a backup when it
/// starts as one (the marker first, as this app writes it), so that a
/// backup cut short is told so in a backup's words; anything else is `None`.
pub fn detect(text: &str) -> Option<BackupKind> {
    let marker = match parse_json(text, MAX_ENCRYPTED_BACKUP_BYTES) {
        Ok(value) => value.get("format").and_then(Value::as_str)?.to_owned(),
        Err(ImportError::TooLarge { .. }) => return None,
        Err(_) => {
            let start: String = text.chars().take(100).filter(|c| !c.is_whitespace()).collect();
            let start = start.strip_prefix('\u{FEFF}').unwrap_or(&start);
            let rest = start.strip_prefix("{\"format\":\"")?;
            rest.split('"').next()?.to_owned()
        }
    };
    match marker.as_str() {
        BACKUP_FORMAT => Some(BackupKind::Plain),
        ENCRYPTED_BACKUP_FORMAT => Some(BackupKind::Encrypted),
        _ => None,
    }
}

/// Reads and checks a protected backup's envelope (the same fields and
/// rules as a protected assessment file, with the backup's marker and size
/// limits). Decrypt its `data` with the passphrase, then [`read`] it.
pub fn parse_envelope(text: &str) -> Result<Envelope, BackupError> {
    Envelope::parse_marked(
        text,
        [ENCRYPTED_BACKUP_FORMAT, BACKUP_FORMAT],
        MAX_ENCRYPTED_BACKUP_BYTES,
        MAX_BACKUP_BYTES,
    )
    .map_err(BackupError::from_file)
}

/// One assessment of a backup that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restorable {
    /// The record as it will be stored, under the id it had.
    pub record: Record,
    /// Warnings from the single-assessment import (another questionnaire
    /// version), in the language given to [`read`].
    pub warnings: Vec<String>,
}

/// Why one assessment of a backup cannot be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry is not `{"id": …, "file": …}`.
    Shape { field: String, problem: ShapeProblem },
    /// The id is not 1 to 64 letters, digits, `-` or `_`.
    Id,
    /// Two entries of the backup share an id.
    SameId,
    /// The assessment file fails a check of the single-assessment import.
    File(ImportError),
}

/// One assessment of a backup that cannot be restored: its place in the
/// backup (from 1), its name when the file gives one, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub place: usize,
    pub name: Option<String>,
    pub problem: EntryProblem,
}

impl Rejected {
    /// "Assessment 2 (“Spring review”): …", in a language.
    pub fn message(&self, lang: Lang) -> String {
        let place = self.place;
        let which = match &self.name {
            Some(name) => {
                let name = shown(name, 60);
                tr!(
                    lang,
                    "Assessment {place} (\u{201c}{name}\u{201d})",
                    "Evaluación {place} (\u{201c}{name}\u{201d})"
                )
            }
            None => tr!(lang, "Assessment {place}", "Evaluación {place}"),
        };
        let why = match &self.problem {
            EntryProblem::Shape { field, problem } => {
                let (field, problem) = (shown(field, 60), problem.phrase(lang));
                tr!(
                    lang,
                    "it does not have the layout of a backed-up assessment: \"{field}\" {problem}.",
                    "no tiene la estructura de una evaluación respaldada: el campo \"{field}\" {problem}."
                )
            }
            EntryProblem::Id => pick!(
                lang,
                "its id is not one this app writes (1 to 64 letters, digits, - or _).",
                "su identificador no es uno que esta aplicación escriba (de 1 a 64 letras, dígitos, - o _)."
            )
            .to_owned(),
            EntryProblem::SameId => pick!(
                lang,
                "an earlier assessment of this backup has the same id.",
                "una evaluación anterior de este respaldo tiene el mismo identificador."
            )
            .to_owned(),
            EntryProblem::File(e) => e.message(lang),
        };
        format!("{which}: {why}")
    }
}

/// A backup that was read: the assessments that passed every check, in the
/// backup's order, and those that did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub exported: String,
    pub good: Vec<Restorable>,
    pub rejected: Vec<Rejected>,
}

const TOP: [&str; 5] = ["format", "version", "exported", "language", "assessments"];
const ENTRY: [&str; 2] = ["id", "file"];

fn is_id(s: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Reads a plain backup, checking everything in this order: size, nesting,
/// JSON syntax, the `format` marker, `version`, the backup's fields, the
/// number of assessments (before any is read), then each assessment: its
/// entry's layout, its id, and every check of the single-assessment import
/// ([`import_in`], migration of older assessment files included). A backup
/// that fails a check of its own is refused whole ([`BackupError`]); an
/// assessment that fails is listed in [`Backup::rejected`].
pub fn read(text: &str, instrument: &Instrument, lang: Lang) -> Result<Backup, BackupError> {
    let value = parse_json(text, MAX_BACKUP_BYTES).map_err(BackupError::from_file)?;
    match value.get("format").and_then(Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        _ => return Err(BackupError::NotABackup),
    }
    match version_of(&value) {
        None | Some(0) => return Err(BackupError::NoVersion),
        Some(v) if v > u64::from(BACKUP_VERSION) => {
            return Err(BackupError::NewerVersion {
                file: v,
                app: BACKUP_VERSION,
            })
        }
        Some(_) => {}
    }
    let top = object(&value, "", &TOP, &[]).map_err(BackupError::from_file)?;
    let exported = text_of(top, "", "exported").map_err(BackupError::from_file)?;
    if !is_timestamp(exported) {
        return Err(BackupError::Field { field: "exported" });
    }
    let language = text_of(top, "", "language").map_err(BackupError::from_file)?;
    if !LANGUAGES.contains(&language) {
        return Err(BackupError::Field { field: "language" });
    }
    let list = top["assessments"].as_array().ok_or(BackupError::Shape {
        field: "assessments".into(),
        problem: ShapeProblem::NotAList,
    })?;
    if list.len() > MAX_ASSESSMENTS {
        return Err(BackupError::TooMany {
            found: list.len(),
            max: MAX_ASSESSMENTS,
        });
    }
    if list.is_empty() {
        return Err(BackupError::NoAssessments);
    }
    let mut backup = Backup {
        exported: exported.to_owned(),
        good: Vec::new(),
        rejected: Vec::new(),
    };
    let mut ids: Vec<&str> = Vec::new();
    for (k, entry) in list.iter().enumerate() {
        let place = k + 1;
        let name = entry
            .pointer("/file/assessment/name")
            .and_then(Value::as_str)
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        let reject = |problem| Rejected {
            place,
            name: name.clone(),
            problem,
        };
        let path = format!("assessments.{k}");
        let map = match object(entry, &path, &ENTRY, &[]) {
            Ok(map) => map,
            Err(ImportError::Shape { field, problem }) => {
                backup.rejected.push(reject(EntryProblem::Shape { field, problem }));
                continue;
            }
            Err(e) => {
                backup.rejected.push(reject(EntryProblem::File(e)));
                continue;
            }
        };
        let id = match map["id"].as_str() {
            Some(id) if is_id(id) => id,
            Some(_) => {
                backup.rejected.push(reject(EntryProblem::Id));
                continue;
            }
            None => {
                backup.rejected.push(reject(EntryProblem::Shape {
                    field: format!("{path}.id"),
                    problem: ShapeProblem::NotText,
                }));
                continue;
            }
        };
        if ids.contains(&id) {
            backup.rejected.push(reject(EntryProblem::SameId));
            continue;
        }
        ids.push(id);
        // The assessment file goes through the single-assessment import as
        // it is: every one of its checks, in its order.
        let file_text = serde_json::to_string(&map["file"]).unwrap_or_default();
        match import_in(&file_text, instrument, lang) {
            Ok(imported) => {
                // The language a file was exported in does not matter here:
                // only another questionnaire version is worth saying.
                let warnings = imported
                    .notices(instrument)
                    .iter()
                    .filter(|w| matches!(w, ImportWarning::OtherVersion { .. }))
                    .map(|w| w.message(lang))
                    .collect();
                backup.good.push(Restorable {
                    record: imported.into_record(instrument, id.to_owned()),
                    warnings,
                });
            }
            Err(e) => backup.rejected.push(reject(EntryProblem::File(e))),
        }
    }
    Ok(backup)
}

// ---------------------------------------------------------------------------
// Restoring beside what is saved
// ---------------------------------------------------------------------------

/// Whether two records hold the same assessment: the same name, dates,
/// questionnaire version, answers and action plan. The id and the page to
/// continue on do not count (an assessment imported on its own gets a new
/// id; a backup does not carry the page).
pub fn same_assessment(a: &Record, b: &Record) -> bool {
    a.name == b.name
        && a.created == b.created
        && a.updated == b.updated
        && a.instrument_version == b.instrument_version
        && a.responses == b.responses
        && a.actions == b.actions
}

/// What restoring a backup does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The records to store, in the backup's order. Each keeps the id it
    /// had unless that id is already taken here, when it gets a new one.
    pub add: Vec<Record>,
    /// The names of the assessments not added because an identical one is
    /// already saved (or came earlier in the same backup).
    pub skipped: Vec<String>,
}

/// Decides what restoring `good` beside `existing` does: an assessment
/// identical to one already saved is skipped; any other is added, under
/// its own id when that is free and under `new_id()` otherwise, so that
/// nothing saved is ever overwritten.
pub fn plan(good: Vec<Restorable>, existing: &[Record], mut new_id: impl FnMut() -> String) -> Plan {
    let mut out = Plan::default();
    for Restorable { mut record, .. } in good {
        let known = existing
            .iter()
            .chain(out.add.iter())
            .any(|r| same_assessment(r, &record));
        if known {
            out.skipped.push(record.name);
            continue;
        }
        let taken = |id: &str| existing.iter().chain(out.add.iter()).any(|r| r.id == id);
        while taken(&record.id) {
            record.id = new_id();
        }
        out.add.push(record);
    }
    out
}

// ---------------------------------------------------------------------------
// Keeping saved data: when to offer a backup, and Safari
// ---------------------------------------------------------------------------

/// Whether the saved assessments are worth a new backup: there are some,
/// and either no backup was made in this browser (`last_backup` is `None`)
/// or one of them changed after it.
pub fn backup_due(records: &[Record], last_backup: Option<&str>) -> bool {
    let Some(last) = last_backup.and_then(timestamp_ms) else {
        return !records.is_empty();
    };
    records
        .iter()
        .any(|r| timestamp_ms(&r.updated).is_none_or(|t| t > last))
}

/// Whether a user agent string is Safari's, WebKit's own browser (on a Mac,
/// an iPhone or an iPad; WebKitGTK's browsers say "Safari" too), where data
/// a site saves is deleted after seven days of use without a visit. Other
/// browsers that say "Safari" for compatibility (Chrome, Edge, Opera,
/// Firefox and their iOS versions, Android's browsers) name themselves too.
pub fn is_safari(user_agent: &str) -> bool {
    const OTHERS: [&str; 9] = [
        "Chrome", "Chromium", "CriOS", "Edg", "EdgiOS", "Firefox", "FxiOS", "OPR", "Android",
    ];
    user_agent.contains("Safari")
        && user_agent.contains("AppleWebKit")
        && !OTHERS.iter().any(|other| user_agent.contains(other))
}
