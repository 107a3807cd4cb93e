//! A saved assessment: the answers plus what is needed to resume and to know
//! which instrument they belong to. This is what the browser stores; the
//! exported file format (a later version) wraps the same data.

use crate::ids::SectionId;
use crate::instrument::Instrument;
use crate::responses::{ResponseError, Responses};
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
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotJson(e) => write!(f, "the saved data is not readable (it may be cut short or damaged): {e}"),
            RecordError::Shape(e) => write!(f, "the saved data is not an assessment this app can read: {e}"),
            RecordError::FromTheFuture { schema } => write!(
                f,
                "the saved data was written by a newer version of this app (layout {schema}; this version reads up to {SCHEMA})"
            ),
            RecordError::Answers(errors) => {
                let first: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
                write!(f, "the saved answers do not fit this questionnaire: {}", first.join("; "))
            }
        }
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
            _ => return Err(RecordError::Shape("it has no layout version (\"schema\")".into())),
        }
        let record: Record = serde_json::from_value(value).map_err(|e| RecordError::Shape(e.to_string()))?;
        record.responses.validate(instrument).map_err(RecordError::Answers)?;
        if let Some(p) = &record.position {
            if instrument.section(p).is_none() {
                return Err(RecordError::Shape(format!("unknown page \"{p}\"")));
            }
        }
        Ok(record)
    }

    /// The record as JSON, as stored.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialization cannot fail.
        serde_json::to_string(self).unwrap_or_default()
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
            let sealed: SealedRecord = serde_json::from_value(value).map_err(|e| RecordError::Shape(e.to_string()))?;
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
        let lock: Lock = serde_json::from_value(value).map_err(|e| RecordError::Shape(e.to_string()))?;
        if lock.kdf != crate::file::KDF
            || !(crate::file::PBKDF2_ITERATIONS..=crate::file::MAX_PBKDF2_ITERATIONS).contains(&lock.iterations)
        {
            return Err(RecordError::Shape("unsupported key derivation settings".into()));
        }
        Ok(lock)
    }
}
