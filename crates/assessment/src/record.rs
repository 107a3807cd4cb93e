//! A saved assessment: the answers plus what is needed to resume and to know
//! which instrument they belong to. This is what the browser stores; the
//! exported file format (a later version) wraps the same data.

pub use crate::dates::is_date;
use crate::ids::ItemId;
use crate::ids::{SectionId, TaAreaId};
use crate::instrument::Instrument;
use crate::responses::ScaleAnswer;
use crate::responses::{ResponseError, Responses};
use crate::sorted::{SortedMap, SortedSet};
use crate::text::is_forbidden_control;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The record layout this build writes. Raise it when the layout changes,
/// and add a migration from the old layout in [`Record::from_json`].
pub const SCHEMA: u32 = 1;

/// One assessment as stored in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Layout version of this record.
    pub schema: u32,
    /// Random id, unique within this browser.
    pub id: String,
    /// A name the user can recognise, e.g. "Assessment of 21 November 2026".
    pub name: String,
    /// Version of the instrument the answers were given to.
    pub instrument_version: String,
    /// ISO 8601 timestamps.
    pub created: String,
    pub updated: String,
    pub responses: Responses,
    /// The last page the respondent was on, to offer "continue".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<SectionId>,
    /// The action plan, in the order the user keeps it. Records saved before
    /// action plans existed have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Answers to statements an earlier questionnaire version asked and this
    /// one does not (`crate::upgrade`): kept, never scored; the check page
    /// asks for fresh answers to the statements that replace them.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub retired: SortedMap<ItemId, ScaleAnswer>,
}

/// Why stored data could not be read. The data itself is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON at all (truncated, or something else wrote under our key).
    NotJson(String),
    /// JSON, but not a record of any layout this build knows.
    Shape(String),
    /// Written by a newer version of the app.
    FromTheFuture { schema: u32 },
    /// A record, but its answers do not fit the instrument.
    Answers(Vec<ResponseError>),
    /// JSON without a layout version (`schema`), or with layout 0.
    NoSchema,
    /// The page to continue on is not a page of the instrument.
    UnknownPage(SectionId),
    /// The action plan breaks its rules.
    Actions(Vec<PlanProblem>),
    /// A lock with another key derivation than this app's.
    UnsupportedLock,
}

impl RecordError {
    /// What is wrong with the saved data, in a language: a phrase starting
    /// in lower case, without a full stop, as the English `Display`. Details
    /// from the JSON reader (`NotJson`, `Shape`) are technical and stay as
    /// the reader gave them.
    pub fn message(&self, lang: crate::Lang) -> String {
        let unreadable = pick!(
            lang,
            "the saved data is not an assessment this app can read",
            "los datos guardados no son una evaluación que esta aplicación pueda leer"
        );
        let first = |problems: Vec<String>| problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        match self {
            RecordError::NotJson(e) => tr!(
                lang,
                "the saved data is not readable (it may be cut short or damaged): {e}",
                "los datos guardados no se pueden leer (puede que estén incompletos o dañados): {e}"
            ),
            RecordError::Shape(e) => format!("{unreadable}: {e}"),
            RecordError::FromTheFuture { schema } => tr!(
                lang,
                "the saved data was written by a newer version of this app (layout {schema}; this version reads up to {SCHEMA})",
                "los datos guardados se escribieron con una versión más reciente de esta aplicación (estructura {schema}; esta versión lee hasta la {SCHEMA})"
            ),
            RecordError::Answers(errors) => {
                let list = first(errors.iter().map(|e| e.message(lang)).collect());
                tr!(
                    lang,
                    "the saved answers do not fit this questionnaire: {list}",
                    "las respuestas guardadas no corresponden a este cuestionario: {list}"
                )
            }
            RecordError::NoSchema => tr!(
                lang,
                "{unreadable}: it has no layout version (\"schema\")",
                "{unreadable}: no indican su versión de estructura (\"schema\")"
            ),
            RecordError::UnknownPage(p) => tr!(
                lang,
                "{unreadable}: unknown page \"{p}\"",
                "{unreadable}: la página \"{p}\" no existe"
            ),
            RecordError::Actions(problems) => {
                let list = first(problems.iter().map(|p| p.message(lang)).collect());
                tr!(
                    lang,
                    "{unreadable}: the action plan: {list}",
                    "{unreadable}: el plan de acción: {list}"
                )
            }
            RecordError::UnsupportedLock => tr!(
                lang,
                "{unreadable}: unsupported key derivation settings",
                "{unreadable}: usan una configuración de derivación de claves que esta aplicación no admite"
            ),
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

impl Record {
    /// A new, empty assessment.
    pub fn new(instrument: &Instrument, id: String, name: String, now: String) -> Record {
        Record {
            schema: SCHEMA,
            id,
            name,
            instrument_version: instrument.version.clone(),
            created: now.clone(),
            updated: now,
            responses: Responses::default(),
            position: None,
            actions: Vec::new(),
            retired: SortedMap::new(),
        }
    }

    /// Reads a stored record, checking every id against the instrument.
    pub fn from_json(json: &str, instrument: &Instrument) -> Result<Record, RecordError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| RecordError::NotJson(e.to_string()))?;
        let schema = value.get("schema").and_then(serde_json::Value::as_u64);
        match schema {
            Some(s) if s > u64::from(SCHEMA) => {
                return Err(RecordError::FromTheFuture {
                    schema: u32::try_from(s).unwrap_or(u32::MAX),
                })
            }
            Some(s) if s >= 1 => {}
            _ => return Err(RecordError::NoSchema),
        }
        let mut record: Record = serde_json::from_str(json).map_err(|e| RecordError::Shape(e.to_string()))?;
        record.upgrade(instrument);
        record.responses.validate(instrument).map_err(RecordError::Answers)?;
        if let Some(p) = &record.position {
            if instrument.section(p).is_none() {
                return Err(RecordError::UnknownPage(p.clone()));
            }
        }
        validate_actions(&record.actions, instrument).map_err(RecordError::Actions)?;
        Ok(record)
    }

    /// Brings answers given to an earlier questionnaire version up to
    /// `instrument`'s: answers to statements both versions ask stay, answers
    /// to retired statements move to [`Record::retired`], and the record
    /// then belongs to this version. Nothing is dropped.
    pub fn upgrade(&mut self, instrument: &Instrument) {
        for (id, answer) in &crate::upgrade::take_retired(instrument, &mut self.responses) {
            self.retired.insert(id.clone(), *answer);
        }
        if crate::upgrade::is_older(instrument, &self.instrument_version) {
            self.instrument_version.clone_from(&instrument.version);
        }
    }

    /// The record as JSON, as stored.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------
// The action plan
// ---------------------------------------------------------------------------

/// Longest action title, in characters (Unicode scalar values).
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest owner, in characters.
pub const MAX_OWNER_CHARS: usize = 100;
/// Longest notes, in characters (line breaks included).
pub const MAX_NOTES_CHARS: usize = 2000;
/// Longest action id, in characters.
pub const MAX_ACTION_ID_CHARS: usize = 64;
/// Most actions one assessment may hold.
pub const MAX_ACTIONS: usize = 200;

/// Where an action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [ActionStatus::NotStarted, ActionStatus::InProgress, ActionStatus::Done];

    /// The id used in files and storage (`not_started`, `in_progress`, `done`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
        }
    }

    /// The label in a language.
    pub fn label_in(self, lang: crate::Lang) -> &'static str {
        match self {
            ActionStatus::NotStarted => pick!(lang, "Not started", "Sin empezar"),
            ActionStatus::InProgress => pick!(lang, "In progress", "En curso"),
            ActionStatus::Done => pick!(lang, "Done", "Hecho"),
        }
    }

    /// The label in English.
    pub fn label(self) -> &'static str {
        self.label_in(crate::Lang::En)
    }

    /// Parses the id used in files and storage.
    pub fn parse(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One step of the action plan that follows an assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Unique within the assessment: 1–64 ASCII letters, digits, `-` or `_`.
    pub id: String,
    /// The TA area the action answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<TaAreaId>,
    /// 1–200 characters, not only spaces, no control characters.
    pub title: String,
    /// Who takes it forward: at most 100 characters, may be empty.
    pub owner: String,
    /// A calendar date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub status: ActionStatus,
    /// At most 2000 characters; line breaks allowed, other control characters not.
    pub notes: String,
}

/// A text field of an action, for messages and to put a message beside its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionField {
    Title,
    Owner,
    Notes,
}

impl ActionField {
    /// The field inside a sentence, with its article: "the title", "el título".
    fn phrase(self, lang: crate::Lang) -> &'static str {
        match self {
            ActionField::Title => pick!(lang, "the title", "el título"),
            ActionField::Owner => pick!(lang, "the owner", "el nombre del responsable"),
            ActionField::Notes => pick!(lang, "the notes", "las notas"),
        }
    }

    /// The field's name in files and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionField::Title => "title",
            ActionField::Owner => "owner",
            ActionField::Notes => "notes",
        }
    }
}

/// What is wrong with one action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionProblem {
    /// The id is empty, longer than [`MAX_ACTION_ID_CHARS`] or holds other
    /// characters than ASCII letters, digits, `-` and `_`.
    BadId,
    /// Another action has the same id.
    DuplicateId,
    /// The title is empty or only spaces.
    TitleEmpty,
    TooLong {
        field: ActionField,
        chars: usize,
        max: usize,
    },
    /// A control character (line breaks are allowed in notes only).
    ControlCharacter { field: ActionField },
    /// `due` is not a real calendar date written `YYYY-MM-DD`.
    NotADate,
    /// `area` is not a TA area of the instrument.
    UnknownArea(TaAreaId),
}

impl ActionProblem {
    /// The field the problem is about (`id`, `title`, `owner`, `due`, `notes`, `area`).
    pub fn field(&self) -> &'static str {
        match self {
            ActionProblem::BadId | ActionProblem::DuplicateId => "id",
            ActionProblem::TitleEmpty => "title",
            ActionProblem::TooLong { field, .. } | ActionProblem::ControlCharacter { field } => field.as_str(),
            ActionProblem::NotADate => "due",
            ActionProblem::UnknownArea(_) => "area",
        }
    }
}

impl ActionProblem {
    /// The problem in words, in a language: a phrase starting in lower
    /// case, as the English `Display` ("the title is empty").
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            ActionProblem::BadId => pick!(lang, "its id must be 1 to 64 letters, digits, dashes or underscores", "su identificador debe tener de 1 a 64 letras, dígitos, guiones o guiones bajos")
                .to_owned(),
            ActionProblem::DuplicateId => pick!(lang, "another action has the same id", "otra acción tiene el mismo identificador")
                .to_owned(),
            ActionProblem::TitleEmpty => pick!(lang, "the title is empty", "el título está vacío").to_owned(),
            ActionProblem::TooLong { field, chars, max } => {
                let field_name = field.phrase(lang);
                // The notes are plural in both languages.
                if *field == ActionField::Notes {
                    tr!(
                        lang,
                        "{field_name} are {chars} characters long; at most {max} are allowed",
                        "{field_name} tienen {chars} caracteres; se permiten como máximo {max}"
                    )
                } else {
                    tr!(
                        lang,
                        "{field_name} is {chars} characters long; at most {max} are allowed",
                        "{field_name} tiene {chars} caracteres; se permiten como máximo {max}"
                    )
                }
            }
            ActionProblem::ControlCharacter {
                field: ActionField::Notes,
            } => pick!(lang, "the notes contain invisible control characters (line breaks are fine, tabs and others are not)", "las notas contienen caracteres de control invisibles (se permiten saltos de línea, pero no tabulaciones ni otros)")
                .to_owned(),
            ActionProblem::ControlCharacter { field } => {
                let field_name = field.phrase(lang);
                tr!(
                    lang,
                    "{field_name} contains invisible control characters (such as line breaks or tabs)",
                    "{field_name} contiene caracteres de control invisibles (como saltos de línea o tabulaciones)"
                )
            }
            ActionProblem::NotADate => pick!(lang, "the due date is not a real date written as YYYY-MM-DD", "la fecha límite no es una fecha real escrita como AAAA-MM-DD")
                .to_owned(),
            ActionProblem::UnknownArea(a) => {
                let area = shown_id(a.as_str());
                tr!(
                    lang,
                    "\"{area}\" is not a technical assistance area of this questionnaire",
                    "\"{area}\" no es un área de asistencia técnica de este cuestionario"
                )
            }
        }
    }
}

/// An id from a file inside a message: at most 60 characters, control
/// characters as `?`.
fn shown_id(id: &str) -> String {
    id.chars()
        .take(60)
        .map(|c| if is_forbidden_control(c) { '?' } else { c })
        .collect()
}

impl fmt::Display for ActionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

/// What is wrong with an action plan as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    /// More than [`MAX_ACTIONS`] actions.
    TooMany { found: usize, max: usize },
    /// The action at `index` (0-based) breaks a rule.
    Action { index: usize, problem: ActionProblem },
}

impl PlanProblem {
    /// The problem in words, in a language, naming the action by its
    /// 1-based position: "action 2: the title is empty".
    pub fn message(&self, lang: crate::Lang) -> String {
        match self {
            PlanProblem::TooMany { found, max } => tr!(
                lang,
                "it has {found} actions; at most {max} are allowed",
                "tiene {found} acciones; se permiten como máximo {max}"
            ),
            PlanProblem::Action { index, problem } => {
                let (place, problem) = (index + 1, problem.message(lang));
                tr!(lang, "action {place}: {problem}", "acción {place}: {problem}")
            }
        }
    }
}

impl fmt::Display for PlanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

/// Checks one text field: length in characters and control characters
/// (`\n` allowed when `newlines`).
fn text_problems(out: &mut Vec<ActionProblem>, field: ActionField, text: &str, max: usize, newlines: bool) {
    let chars = text.chars().count();
    if chars > max {
        out.push(ActionProblem::TooLong { field, chars, max });
    }
    if text
        .chars()
        .any(|c| is_forbidden_control(c) && !(newlines && c == '\n'))
    {
        out.push(ActionProblem::ControlCharacter { field });
    }
}

impl Action {
    /// A new action that has not started, with nothing but a title.
    pub fn new(id: String, title: String) -> Action {
        Action {
            id,
            area: None,
            title,
            owner: String::new(),
            due: None,
            status: ActionStatus::NotStarted,
            notes: String::new(),
        }
    }

    /// Every rule this action breaks on its own, in field order (id, area,
    /// title, owner, due, notes). Empty when the action is fine. Duplicate
    /// ids are found by [`validate_actions`].
    pub fn problems(&self, instrument: &Instrument) -> Vec<ActionProblem> {
        let mut out = Vec::new();
        let id_ok = (1..=MAX_ACTION_ID_CHARS).contains(&self.id.len())
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !id_ok {
            out.push(ActionProblem::BadId);
        }
        if let Some(area) = &self.area {
            if instrument.ta_area(area).is_none() {
                out.push(ActionProblem::UnknownArea(area.clone()));
            }
        }
        if self.title.trim().is_empty() {
            out.push(ActionProblem::TitleEmpty);
        }
        text_problems(&mut out, ActionField::Title, &self.title, MAX_TITLE_CHARS, false);
        text_problems(&mut out, ActionField::Owner, &self.owner, MAX_OWNER_CHARS, false);
        if self.due.as_deref().is_some_and(|d| !is_date(d)) {
            out.push(ActionProblem::NotADate);
        }
        text_problems(&mut out, ActionField::Notes, &self.notes, MAX_NOTES_CHARS, true);
        out
    }
}

/// Checks a whole plan: at most [`MAX_ACTIONS`] actions (checked first; the
/// actions are not looked at when there are too many), each action's own
/// rules, and ids unique (every repeat after the first is reported).
pub fn validate_actions(actions: &[Action], instrument: &Instrument) -> Result<(), Vec<PlanProblem>> {
    if actions.len() > MAX_ACTIONS {
        return Err(vec![PlanProblem::TooMany {
            found: actions.len(),
            max: MAX_ACTIONS,
        }]);
    }
    let mut out = Vec::new();
    let mut seen = SortedSet::new();
    for (index, action) in actions.iter().enumerate() {
        let mut problems = action.problems(instrument);
        if !seen.insert(action.id.as_str()) {
            problems.insert(0, ActionProblem::DuplicateId);
        }
        out.extend(
            problems
                .into_iter()
                .map(|problem| PlanProblem::Action { index, problem }),
        );
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}

/// The three parts of something encrypted, each base64: the key-derivation
/// salt, the AES-GCM IV, and the ciphertext with its tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedParts {
    pub salt: String,
    pub iv: String,
    pub data: String,
}

/// An assessment stored encrypted: only its id is readable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedRecord {
    pub schema: u32,
    pub id: String,
    /// The record's JSON, encrypted.
    pub sealed: SealedParts,
    /// Sealed with [`SealedRecord::associated_data`] as AES-GCM associated
    /// data, binding it to its storage key and schema. Records sealed before
    /// that (absent, `false`) are still opened, then sealed again bound.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bound: bool,
    /// The revision of this copy (see the `versions` module), part of the
    /// associated data: a copy older than the one saved last is detected.
    /// Records sealed before revisions (absent, 0) still open.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rev: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl SealedRecord {
    /// The associated data a record stored under `key` is sealed with: a
    /// record copied to another key, sealed for another schema, or given
    /// another revision number, does not open. (The storage key is
    /// `hr-readiness:assessment:<id>`; revision 0 is a record sealed before
    /// revisions, bound to its key and schema only.)
    pub fn associated_data(key: &str, schema: u32, rev: u64) -> String {
        let mut aad = format!("hr-readiness record\nkey {key}\nschema {schema}");
        if rev > 0 {
            aad.push_str(&format!("\nrev {rev}"));
        }
        aad
    }
}

/// Present when the user protects this browser's assessments with a
/// passphrase: how to derive the key, and a known text encrypted with it to
/// tell a wrong passphrase from damaged data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub schema: u32,
    /// Always "PBKDF2-SHA256".
    pub kdf: String,
    pub iterations: u32,
    /// Base64 of the 16-byte PBKDF2 salt.
    pub salt: String,
    /// [`LOCK_CHECK`], encrypted like a record.
    pub check: SealedParts,
}

/// The text a [`Lock`]'s `check` decrypts to.
pub const LOCK_CHECK: &str = "hr-readiness vault";

/// What is stored under an assessment's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    Plain(Record),
    Sealed(SealedRecord),
}

impl Stored {
    /// Reads whatever is stored under an assessment key: a plain record
    /// (checked against the instrument) or an encrypted one.
    pub fn from_json(json: &str, instrument: &Instrument) -> Result<Stored, RecordError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| RecordError::NotJson(e.to_string()))?;
        if value.get("sealed").is_some() {
            let schema = value.get("schema").and_then(serde_json::Value::as_u64).unwrap_or(0);
            if schema > u64::from(SCHEMA) {
                return Err(RecordError::FromTheFuture {
                    schema: u32::try_from(schema).unwrap_or(u32::MAX),
                });
            }
            let sealed: SealedRecord = serde_json::from_str(json).map_err(|e| RecordError::Shape(e.to_string()))?;
            return Ok(Stored::Sealed(sealed));
        }
        Record::from_json(json, instrument).map(Stored::Plain)
    }

    pub fn id(&self) -> &str {
        match self {
            Stored::Plain(r) => &r.id,
            Stored::Sealed(s) => &s.id,
        }
    }
}

impl Lock {
    pub fn from_json(json: &str) -> Result<Lock, RecordError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| RecordError::NotJson(e.to_string()))?;
        let schema = value.get("schema").and_then(serde_json::Value::as_u64).unwrap_or(0);
        if schema > u64::from(SCHEMA) {
            return Err(RecordError::FromTheFuture {
                schema: u32::try_from(schema).unwrap_or(u32::MAX),
            });
        }
        let lock: Lock = serde_json::from_str(json).map_err(|e| RecordError::Shape(e.to_string()))?;
        if lock.kdf != crate::crypto_params::KDF
            || !(crate::crypto_params::PBKDF2_ITERATIONS..=crate::crypto_params::MAX_PBKDF2_ITERATIONS)
                .contains(&lock.iterations)
        {
            return Err(RecordError::UnsupportedLock);
        }
        Ok(lock)
    }
}
