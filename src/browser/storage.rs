//! The one module that reads and writes localStorage (through gloo-storage).
//!
//! Keys, all under the prefix `hr-readiness:`:
//!
//! | key | holds |
//! |---|---|
//! | `assessment:<id>` | one assessment: a plain [`Record`] or a [`SealedRecord`] |
//! | `current` | the id of the assessment last opened |
//! | `lock` | the passphrase [`Lock`], when protection is on |
//! | `settings` | small preferences ([`Settings`]) |
//! | `team` | the respondents brought into the team view (plain; not kept when a passphrase is set) |
//! | `unreadable:<key>:<time>` | a copy of data that could not be read, kept for the user |
//! | `kiosk` | kiosk mode's exit code check (a [`Lock`]): while it exists, the app stays in kiosk mode |
//!
//! In kiosk mode ([`use_memory`]) every key but `kiosk` lives in the tab's
//! memory instead of localStorage: a participant's answers never reach the
//! device's storage, vanish when the tab closes, and never mix with the
//! facilitator's own saved assessments, which stay untouched in
//! localStorage.
//!
//! Rules it keeps: every value carries a schema version; data that cannot be
//! read is reported and left exactly where it is (never overwritten); a
//! failed write leaves the previous value in place and says why.

use gloo_storage::{LocalStorage, Storage};
use hr_assessment::versions::SealedVersions;
use hr_assessment::{Instrument, Lock, Record, RecordError, SealedRecord, Stored};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// Key prefix for everything this app stores.
pub const PREFIX: &str = "hr-readiness:";
/// Prefix of the assessment keys.
pub const ASSESSMENT_PREFIX: &str = "hr-readiness:assessment:";
/// Holds the id of the assessment last opened.
pub const KEY_CURRENT: &str = "hr-readiness:current";
/// The passphrase lock, when protection is on.
pub const KEY_LOCK: &str = "hr-readiness:lock";
/// With a passphrase set: which revision of each encrypted record is the
/// latest (`hr_assessment::versions`), sealed.
pub const KEY_VERSIONS: &str = "hr-readiness:versions";
/// Preferences.
pub const KEY_SETTINGS: &str = "hr-readiness:settings";
/// The facilitator's team view: the respondents brought in.
pub const KEY_TEAM: &str = "hr-readiness:team";

/// Kiosk mode's exit code check; kept in localStorage even in kiosk mode.
pub const KEY_KIOSK: &str = "hr-readiness:kiosk";

thread_local! {
    /// Kiosk mode's store: `Some` (key, value) pairs in the tab's memory
    /// instead of localStorage.
    static MEMORY: RefCell<Option<Vec<(String, String)>>> = const { RefCell::new(None) };
}

/// Kiosk mode: from now on every key but [`KEY_KIOSK`] is kept in this
/// tab's memory only, starting empty.
pub fn use_memory() {
    MEMORY.with(|m| *m.borrow_mut() = Some(Vec::new()));
}

/// Whether storage is the tab's memory (kiosk mode).
pub fn in_memory() -> bool {
    MEMORY.with(|m| m.borrow().is_some())
}

/// Key of one saved assessment.
pub fn record_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// What one assessment key holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    Plain(Record),
    Sealed(SealedRecord),
    /// Something is there that cannot be read. It is left in place.
    Unreadable {
        raw: String,
        reason: Unreadable,
    },
}

/// Why a stored assessment cannot be read (the interface words it).
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// It is a record, but stored under another record's key.
    IdMismatch,
    /// It is not a record this app can read.
    Invalid(RecordError),
}

/// One assessment key and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub key: String,
    pub slot: Slot,
}

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is switched off or blocked (private mode, embedding).
    Unavailable,
    /// Encryption failed.
    Crypto(super::crypto::CryptoError),
    /// Encrypted assessments are stored here but their passphrase settings
    /// are missing: nothing is written unencrypted beside them.
    SealedBeside,
    /// Anything else, with the browser's words.
    Other(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Full => f.write_str(
                "This browser's storage for this site is full, so your latest change was not saved. Your earlier answers are still saved. Free some space (for example, delete old assessments) or export your answers to a file.",
            ),
            SaveError::Unavailable => f.write_str(
                "This browser is not letting the assessment save anything (storage is switched off or blocked). Your answers will be lost when you close this page unless you export them.",
            ),
            SaveError::Crypto(e) => write!(f, "Your latest change could not be encrypted, so it was not saved: {e}. Your earlier answers are still saved."),
            SaveError::SealedBeside => f.write_str(SEALED_BESIDE_EN),
            SaveError::Other(e) => write!(f, "Your latest change could not be saved: {e}. Your earlier answers are still saved."),
        }
    }
}

pub const SEALED_BESIDE_EN: &str = "This browser holds assessments encrypted with a passphrase, but that passphrase's settings are missing, so nothing is saved unencrypted beside them: your latest change was not saved. Download or delete the encrypted data (see the messages above) to save again, or export your answers to a file.";

/// Whether any assessment key holds an encrypted record (read as one: the
/// `stored` group's code, `ui::on_demand`).
pub fn holds_sealed() -> bool {
    assessment_texts().any(|raw| serde_json::from_str::<SealedRecord>(&raw).is_ok())
}

/// The text under every assessment key, in key order.
fn assessment_texts() -> impl Iterator<Item = String> {
    our_keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
        .filter_map(|k| read_raw(&k))
}

/// Whether any assessment key may hold an encrypted record, from its text
/// alone, for when the code that reads records has not been fetched (a
/// first visit): the text `"sealed":`, an encrypted record's field, which
/// no plain record this app writes contains (a quote inside a text is
/// escaped). It errs towards "yes": encrypted data that cannot be read
/// counts too, so nothing is saved unencrypted beside it.
pub fn may_hold_sealed() -> bool {
    assessment_texts().any(|raw| raw.contains("\"sealed\":"))
}

/// Whether anything of this app's is stored (in kiosk mode: in the tab's
/// memory). Nothing: there is nothing to read, and the code that reads
/// stored data is not needed.
pub fn holds_anything() -> bool {
    !our_keys().is_empty()
}

/// The revision of the encrypted record stored for `id`, if one is.
pub fn sealed_rev(id: &str) -> Option<u64> {
    let raw = read_raw(&record_key(id))?;
    serde_json::from_str::<SealedRecord>(&raw).ok().map(|s| s.rev)
}

/// The sealed list of record versions (`hr_assessment::versions`): `None`
/// when none is stored, `Some(None)` when what is stored does not read as
/// one.
pub fn versions() -> Option<Option<SealedVersions>> {
    read_raw(KEY_VERSIONS).map(|raw| serde_json::from_str(&raw).ok())
}

pub fn write_versions(versions: &SealedVersions) -> Result<(), SaveError> {
    write(KEY_VERSIONS, versions)
}

pub fn remove_versions() {
    remove(KEY_VERSIONS);
}

/// Preferences kept between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub schema: u32,
    /// Quick exit deletes everything before leaving.
    pub quick_exit_wipes: bool,
    /// The interface language chosen ("en", "es"); `None` follows the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Whether localStorage can be used at all. Checked before every use, since
/// gloo-storage panics when the browser refuses access (a sandboxed frame,
/// storage switched off).
pub fn available() -> bool {
    in_memory() || local_available()
}

fn local_available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The raw text under a key, if storage is usable and the key exists.
pub fn read_raw(key: &str) -> Option<String> {
    if key != KEY_KIOSK {
        if let Some(found) = MEMORY.with(|m| {
            m.borrow()
                .as_ref()
                .map(|list| list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
        }) {
            return found;
        }
    }
    if !local_available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Every key of ours, in key order.
fn our_keys() -> Vec<String> {
    if let Some(mut keys) = MEMORY.with(|m| {
        m.borrow()
            .as_ref()
            .map(|list| list.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>())
    }) {
        hr_assessment::sort::ascending(&mut keys);
        return keys;
    }
    if !local_available() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    hr_assessment::sort::ascending(&mut keys);
    keys
}

/// Every saved assessment, readable or not, in key order.
pub fn all(instrument: &Instrument) -> Vec<Found> {
    our_keys()
        .into_iter()
        .filter(|k| k.starts_with(ASSESSMENT_PREFIX))
        .filter_map(|key| {
            let raw = read_raw(&key)?;
            let slot = match Stored::from_json(&raw, instrument) {
                Ok(Stored::Plain(r)) if record_key(&r.id) == key => Slot::Plain(r),
                Ok(Stored::Sealed(s)) if record_key(&s.id) == key => Slot::Sealed(s),
                Ok(_) => Slot::Unreadable {
                    raw,
                    reason: Unreadable::IdMismatch,
                },
                Err(e) => Slot::Unreadable {
                    raw,
                    reason: Unreadable::Invalid(e),
                },
            };
            Some(Found { key, slot })
        })
        .collect()
}

/// Reads one assessment key.
pub fn get(id: &str, instrument: &Instrument) -> Option<Found> {
    let key = record_key(id);
    let raw = read_raw(&key)?;
    let slot = match Stored::from_json(&raw, instrument) {
        Ok(Stored::Plain(r)) => Slot::Plain(r),
        Ok(Stored::Sealed(s)) => Slot::Sealed(s),
        Err(e) => Slot::Unreadable {
            raw,
            reason: Unreadable::Invalid(e),
        },
    };
    Some(Found { key, slot })
}

/// The id of the assessment last opened. `Err` carries unreadable data.
pub fn current_id() -> Result<Option<String>, String> {
    match read_raw(KEY_CURRENT) {
        None => Ok(None),
        Some(raw) => serde_json::from_str::<String>(&raw).map(Some).map_err(|_| raw),
    }
}

/// Marks an assessment as the one last opened.
pub fn set_current(id: &str) -> Result<(), SaveError> {
    write(KEY_CURRENT, id)
}

/// Saves a plain record.
pub fn write_plain(record: &Record) -> Result<(), SaveError> {
    write(&record_key(&record.id), record)
}

/// Saves a plain record unless encrypted records are stored (`sealed`:
/// never plaintext beside them), and, when `open`, marks it as last opened.
pub fn write_plain_unless_sealed(record: &Record, sealed: bool, open: bool) -> Result<(), SaveError> {
    if sealed {
        return Err(SaveError::SealedBeside);
    }
    write_plain(record)?;
    if open {
        set_current(&record.id)?;
    }
    Ok(())
}

/// Saves an encrypted record.
pub fn write_sealed(sealed: &SealedRecord) -> Result<(), SaveError> {
    write(&record_key(&sealed.id), sealed)
}

/// The passphrase lock, if protection is on. `Err` carries unreadable data
/// and why.
pub fn lock() -> Result<Option<Lock>, (String, RecordError)> {
    match read_raw(KEY_LOCK) {
        None => Ok(None),
        Some(raw) => Lock::from_json(&raw).map(Some).map_err(|e| (raw, e)),
    }
}

pub fn write_lock(lock: &Lock) -> Result<(), SaveError> {
    write(KEY_LOCK, lock)
}

pub fn remove_lock() {
    remove(KEY_LOCK);
}

/// The settings (the default when there are none or they cannot be read).
/// Code of the chunks that read stored data: the first module reads them
/// with `ui::on_demand::settings`.
pub fn settings() -> Settings {
    read_raw(KEY_SETTINGS)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// The settings as [`write_settings`] writes them, read from their text
/// with no JSON parser: the first module's way to read them before the code
/// that reads stored data is fetched (a first visit). Exact for every value
/// this app writes (compact JSON, each field at most once; tested); text
/// written by hand may read differently than with [`settings`].
pub fn settings_from_text(raw: &str) -> Settings {
    Settings {
        schema: 0,
        quick_exit_wipes: raw.contains("\"quick_exit_wipes\":true"),
        language: ["en", "es"]
            .into_iter()
            .find(|code| raw.contains(&format!("\"language\":\"{code}\"")))
            .map(str::to_owned),
    }
}

pub fn write_settings(settings: &Settings) -> Result<(), SaveError> {
    write(
        KEY_SETTINGS,
        Settings {
            schema: 1,
            ..settings.clone()
        },
    )
}

/// What the app remembers about backups (no assessment data): when the
/// last backup was made in this browser, and whether the Safari note was
/// dismissed.
pub const KEY_BACKUP: &str = "hr-readiness:backup";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupNote {
    /// When "Back up all assessments" last made a file (ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<String>,
    /// The Safari note was read and dismissed: it is not shown again.
    pub safari_note_dismissed: bool,
}

/// The backup note (the default when there is none or it cannot be read).
pub fn backup_note() -> BackupNote {
    read_raw(KEY_BACKUP)
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn write_backup_note(note: &BackupNote) -> Result<(), SaveError> {
    write(KEY_BACKUP, note)
}

/// The team view's saved respondents, raw (the caller parses and checks them).
pub fn read_team() -> Option<String> {
    read_raw(KEY_TEAM)
}

pub fn write_team<T: Serialize>(team: &T) -> Result<(), SaveError> {
    write(KEY_TEAM, team)
}

/// Puts back a team taken out of storage as it was read (`read_team`).
pub fn write_team_text(text: &str) -> Result<(), SaveError> {
    write_raw(KEY_TEAM, text)
}

pub fn remove_team() {
    remove(KEY_TEAM);
}

/// Keeps a copy of unreadable data under a key of its own, before the
/// original key is reused. Returns the copy's key.
pub fn quarantine(key: &str, raw: &str) -> Option<String> {
    let name = key.strip_prefix(PREFIX).unwrap_or(key);
    let stamp = crate::browser::now_iso();
    // Never write over an earlier copy.
    let copy = (0..100)
        .map(|n| {
            format!(
                "{PREFIX}unreadable:{name}:{stamp}{}",
                if n == 0 { String::new() } else { format!("-{n}") }
            )
        })
        .find(|k| read_raw(k).is_none())?;
    write_raw(&copy, raw).ok().map(|_| copy)
}

/// Removes one saved assessment (and the "last opened" mark if it pointed
/// there: as [`set_current`] writes it, compared as text, so that deleting
/// needs no code that reads).
pub fn delete(id: &str) {
    remove(&record_key(id));
    if serde_json::to_string(id).is_ok_and(|marked| read_raw(KEY_CURRENT).as_deref() == Some(marked.as_str())) {
        remove(KEY_CURRENT);
    }
}

/// Removes a key of ours (used for dismissed unreadable copies too).
pub fn remove(key: &str) {
    if !key.starts_with(PREFIX) {
        return;
    }
    if key != KEY_KIOSK && in_memory() {
        MEMORY.with(|m| {
            if let Some(list) = m.borrow_mut().as_mut() {
                list.retain(|(k, _)| k != key);
            }
        });
    } else if local_available() {
        LocalStorage::delete(key);
    }
}

/// Deletes everything this app has stored in this browser (in kiosk mode:
/// everything of the participant's, in the tab's memory; the facilitator's
/// data and the kiosk's exit code stay).
pub fn wipe() {
    for key in our_keys() {
        remove(&key);
    }
}

fn write<T: Serialize>(key: &str, value: T) -> Result<(), SaveError> {
    let text = serde_json::to_string(&value).map_err(|e| SaveError::Other(e.to_string()))?;
    write_raw(key, &text)
}

fn write_raw(key: &str, value: &str) -> Result<(), SaveError> {
    if key != KEY_KIOSK && in_memory() {
        MEMORY.with(|m| {
            if let Some(list) = m.borrow_mut().as_mut() {
                match list.iter_mut().find(|(k, _)| k == key) {
                    Some(slot) => slot.1 = value.to_owned(),
                    None => list.push((key.to_owned(), value.to_owned())),
                }
            }
        });
        return Ok(());
    }
    if !local_available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        match name.as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Full,
            "SecurityError" => SaveError::Unavailable,
            _ => SaveError::Other(name),
        }
    })
}

use wasm_bindgen::JsCast;

/// Kiosk mode's exit code check, if this device is set up as a kiosk
/// (always read from localStorage). `Err` when it cannot be read.
pub fn kiosk_lock() -> Result<Option<Lock>, String> {
    match read_raw(KEY_KIOSK) {
        None => Ok(None),
        Some(raw) => Lock::from_json(&raw).map(Some).map_err(|_| raw),
    }
}

/// Sets this device up as a kiosk until the exit code is given.
pub fn write_kiosk_lock(lock: &Lock) -> Result<(), SaveError> {
    write(KEY_KIOSK, lock)
}

pub fn remove_kiosk_lock() {
    remove(KEY_KIOSK);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_from_their_text_as_this_app_writes_them() {
        for quick_exit_wipes in [false, true] {
            for language in [None, Some("en"), Some("es")] {
                let written = Settings {
                    schema: 1,
                    quick_exit_wipes,
                    language: language.map(str::to_owned),
                };
                // As `write_settings` writes them.
                let text = serde_json::to_string(&written).unwrap();
                let read = settings_from_text(&text);
                assert_eq!(read.quick_exit_wipes, written.quick_exit_wipes, "{text}");
                assert_eq!(read.language, written.language, "{text}");
                assert_eq!(serde_json::from_str::<Settings>(&text).unwrap(), written, "{text}");
            }
        }
    }

    #[test]
    fn settings_from_text_default_to_nothing_chosen() {
        for text in [
            "{}",
            "",
            "not json",
            r#"{"language":"fr"}"#,
            r#"{"quick_exit_wipes":false}"#,
        ] {
            assert_eq!(settings_from_text(text), Settings::default(), "{text}");
        }
    }
}
