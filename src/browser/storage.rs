//! The one module that reads and writes localStorage (through gloo-storage).
//!
//! Rules it keeps: every record carries a schema version; data that cannot be
//! read is reported and left exactly where it is, never overwritten; a failed
//! write (a full quota) is reported and the last good save stays in place.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use hr_assessment::{Instrument, Record};

/// Key prefix for everything this app stores.
pub const PREFIX: &str = "hr-readiness:";
/// Holds the id of the assessment in progress.
pub const KEY_CURRENT: &str = "hr-readiness:current";

/// Key of one saved assessment.
pub fn record_key(id: &str) -> String {
    format!("{PREFIX}assessment:{id}")
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// The assessment in progress.
    Record(Record),
    /// Something is saved under our key but cannot be read. It stays where
    /// it is; `raw` is offered to the user for download.
    Unreadable { key: String, raw: String, reason: String },
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is switched off or blocked (private mode, embedding).
    Unavailable,
    /// Anything else, with the browser's words.
    Other(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Full => f.write_str(
                "This browser's storage for this site is full, so your latest answer was not saved. Your earlier answers are still saved. Free some space (for example, delete old assessments) or export your answers to a file.",
            ),
            SaveError::Unavailable => f.write_str(
                "This browser is not letting the assessment save anything (storage is switched off or blocked). Your answers will be lost when you close this page unless you export them.",
            ),
            SaveError::Other(e) => write!(f, "Your latest answer could not be saved: {e}. Your earlier answers are still saved."),
        }
    }
}

/// Whether localStorage can be used at all. Checked before every use, since
/// gloo-storage panics when the browser refuses access (a sandboxed frame,
/// storage switched off).
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Reads the raw text under a key, if storage is usable and the key exists.
fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Loads the assessment in progress.
pub fn load_current(instrument: &Instrument) -> Loaded {
    let Some(raw_id) = read_raw(KEY_CURRENT) else {
        return Loaded::Nothing;
    };
    let id: String = match serde_json::from_str(&raw_id) {
        Ok(id) => id,
        Err(e) => {
            // The pointer will be rewritten by the next save, so keep a copy
            // of what was there first: unreadable data is never overwritten.
            let copy = format!("{PREFIX}unreadable:{}", crate::browser::now_iso());
            let _ = LocalStorage::raw().set_item(&copy, &raw_id);
            return Loaded::Unreadable {
                key: copy,
                raw: raw_id,
                reason: e.to_string(),
            };
        }
    };
    let key = record_key(&id);
    let Some(raw) = read_raw(&key) else {
        return Loaded::Nothing;
    };
    match Record::from_json(&raw, instrument) {
        Ok(record) => Loaded::Record(record),
        Err(e) => Loaded::Unreadable {
            key,
            raw,
            reason: e.to_string(),
        },
    }
}

/// Saves a record and marks it as the one in progress. On failure nothing
/// stored changes: the previous save is still there.
pub fn save(record: &Record) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(record_key(&record.id), record).map_err(to_save_error)?;
    LocalStorage::set(KEY_CURRENT, &record.id).map_err(to_save_error)
}

/// Removes one saved assessment (and the "in progress" mark if it pointed there).
pub fn delete(id: &str) {
    if !available() {
        return;
    }
    LocalStorage::delete(record_key(id));
    if read_raw(KEY_CURRENT)
        .and_then(|raw| serde_json::from_str::<String>(&raw).ok())
        .as_deref()
        == Some(id)
    {
        LocalStorage::delete(KEY_CURRENT);
    }
}

fn to_save_error(e: StorageError) -> SaveError {
    match e {
        StorageError::JsError(js) if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            SaveError::Full
        }
        StorageError::JsError(js) if js.name == "SecurityError" => SaveError::Unavailable,
        other => SaveError::Other(other.to_string()),
    }
}
