//! The versions of the encrypted records: which revision of each assessment
//! was saved last, and which were deleted, so that an older copy put back
//! under its own storage key is detected.
//!
//! With a passphrase set, every sealed record carries a revision number
//! (`SealedRecord::rev`) inside its AES-GCM associated data, so the number
//! cannot be changed without the record failing to open. This list, sealed
//! with the same key under a storage key of its own, says which revision is
//! the latest. When the assessments are unlocked, a record older than the
//! list says, or one that the list says was deleted, is reported and not
//! shown ([`Versions::verdict`]).
//!
//! What it cannot see: the list itself put back to an earlier state together
//! with the records (the whole storage restored from a copy). Nothing kept
//! only in the same storage can tell that apart from the real past.

use crate::record::SealedParts;
use crate::sorted::SortedMap;
use serde::{Deserialize, Serialize};

/// The list as stored: encrypted like a record, bound by
/// [`Versions::associated_data`] to its own storage key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedVersions {
    pub schema: u32,
    /// [`Versions::to_json`], encrypted.
    pub sealed: SealedParts,
}

/// At most this many entries are kept (live and deleted together): the
/// oldest deletions are forgotten first.
pub const MAX_ENTRIES: usize = 2000;

/// The latest revision of every sealed assessment, and the revision at
/// which each deleted one was deleted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Versions {
    /// Assessment id → the revision saved last.
    pub latest: SortedMap<String, u64>,
    /// Assessment id → the revision it had when it was deleted.
    #[serde(default)]
    pub deleted: SortedMap<String, u64>,
}

/// What the list says of a sealed record found in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The latest copy, or one the list has not seen yet (saved after the
    /// list was last written, by a tab that closed before writing it).
    Current,
    /// An older copy than the one saved last.
    Older { latest: u64 },
    /// An assessment deleted here, put back.
    Deleted,
}

impl Versions {
    /// The associated data the list is sealed with.
    pub fn associated_data(key: &str, schema: u32) -> String {
        format!("hr-readiness versions\nkey {key}\nschema {schema}")
    }

    pub fn from_json(json: &str) -> Option<Versions> {
        let versions: Versions = serde_json::from_str(json).ok()?;
        (versions.latest.len() + versions.deleted.len() <= MAX_ENTRIES).then_some(versions)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a map of numbers serializes")
    }

    /// What to make of a record with this id and revision.
    pub fn verdict(&self, id: &str, rev: u64) -> Verdict {
        if self.deleted.get(id).is_some_and(|&at| rev <= at) {
            return Verdict::Deleted;
        }
        match self.latest.get(id) {
            Some(&latest) if rev < latest => Verdict::Older { latest },
            _ => Verdict::Current,
        }
    }

    /// The revision for the next save of `id`: above every revision seen
    /// for it, and at least `now_ms` (the time in milliseconds), so that two
    /// tabs saving one after the other, each with its own copy of the list,
    /// still number their saves in order.
    pub fn next(&self, id: &str, now_ms: u64) -> u64 {
        let seen = self
            .latest
            .get(id)
            .copied()
            .unwrap_or(0)
            .max(self.deleted.get(id).copied().unwrap_or(0));
        seen.saturating_add(1).max(now_ms)
    }

    /// Notes a revision saved (or found, and accepted) for `id`.
    pub fn saved(&mut self, id: &str, rev: u64) {
        if self.latest.get(id).is_none_or(|&r| r < rev) {
            self.latest.insert(id.to_owned(), rev);
        }
        if self.deleted.get(id).is_some_and(|&at| at < rev) {
            self.deleted.remove(id);
        }
    }

    /// Notes that `id` was deleted: any copy of it up to now is refused.
    pub fn delete(&mut self, id: &str) {
        if let Some(rev) = self.latest.remove(id) {
            self.deleted.insert(id.to_owned(), rev);
            self.trim();
        }
    }

    /// Takes in what another copy of the list knows (another tab's): the
    /// higher revision of each id wins, and deletions stay deletions.
    pub fn merge(&mut self, other: &Versions) {
        for (id, &at) in other.deleted.iter() {
            if self.deleted.get(id).is_none_or(|&mine| mine < at) {
                self.deleted.insert(id.clone(), at);
            }
        }
        for (id, &rev) in other.latest.iter() {
            self.saved(id, rev);
        }
        let deleted: Vec<String> = self
            .latest
            .iter()
            .filter(|(id, rev)| self.deleted.get(id.as_str()).is_some_and(|at| at >= rev))
            .map(|(id, _)| id.clone())
            .collect();
        for id in deleted {
            self.latest.remove(id.as_str());
        }
        self.trim();
    }

    /// Keeps the list within [`MAX_ENTRIES`], forgetting the oldest
    /// deletions first.
    fn trim(&mut self) {
        while self.latest.len() + self.deleted.len() > MAX_ENTRIES && !self.deleted.is_empty() {
            let oldest = self
                .deleted
                .iter()
                .min_by_key(|(_, &at)| at)
                .map(|(id, _)| id.clone())
                .expect("not empty");
            self.deleted.remove(oldest.as_str());
        }
    }
}
