//! The passphrase's cryptography as the app uses it: locks (a passphrase's
//! or a kiosk exit code's), sealing and opening records bound to their
//! storage key, schema and revision, and the sealed list of record versions
//! that tells an older copy from the latest (`hr_assessment::versions`).
//! The WebCrypto calls themselves are in [`crate::browser::crypto`].

use crate::browser::crypto::{self, Sealed, VaultKey};
use crate::browser::storage;
use crate::ui::messages::VaultError;
use hr_assessment::base64;
use hr_assessment::versions::{SealedVersions, Versions};
use hr_assessment::{Instrument, Lock, Record, SealedParts, SealedRecord, LOCK_CHECK};

pub(crate) fn parts(sealed: &Sealed) -> SealedParts {
    SealedParts {
        salt: base64::encode(&sealed.salt),
        iv: base64::encode(&sealed.iv),
        data: base64::encode(&sealed.data),
    }
}

pub(crate) fn unparts(parts: &SealedParts) -> Option<Sealed> {
    Some(Sealed {
        salt: base64::decode(&parts.salt).ok()?,
        iv: base64::decode(&parts.iv).ok()?,
        data: base64::decode(&parts.data).ok()?,
    })
}

/// A new lock for a secret (a passphrase, or a kiosk's exit code): a random
/// salt, PBKDF2, and the known text sealed with the key. Returns the key too.
pub(crate) async fn new_lock(secret: &str) -> Result<(Lock, VaultKey), crypto::CryptoError> {
    let salt = crypto::random_bytes(hr_assessment::crypto_params::SALT_BYTES)?;
    let key = crypto::vault_key(secret, &salt, crypto::ITERATIONS).await?;
    let check = crypto::seal(&key, LOCK_CHECK, "").await?;
    let lock = Lock {
        schema: hr_assessment::record::SCHEMA,
        kdf: hr_assessment::crypto_params::KDF.into(),
        iterations: crypto::ITERATIONS,
        salt: base64::encode(&salt),
        check: parts(&check),
    };
    Ok((lock, key))
}

/// Tries a secret against a lock: the key, or why not (the wrong secret, a
/// damaged lock, the browser's cryptography failing).
pub(crate) async fn open_lock(lock: &Lock, secret: &str) -> Result<VaultKey, VaultError> {
    let salt = base64::decode(&lock.salt).map_err(|_| VaultError::Damaged)?;
    let key = crypto::vault_key(secret, &salt, lock.iterations)
        .await
        .map_err(VaultError::Crypto)?;
    let check = unparts(&lock.check).ok_or(VaultError::Damaged)?;
    match crypto::open(&key, &check, "").await {
        Ok(text) if text == LOCK_CHECK => Ok(key),
        Ok(_) | Err(crypto::CryptoError::WrongPassphrase) => Err(VaultError::WrongPassphrase),
        Err(e) => Err(VaultError::Crypto(e)),
    }
}

/// Seals a record as revision `rev`, bound to its storage key, the schema
/// and the revision.
pub(crate) async fn seal_record(
    key: &VaultKey,
    record: &Record,
    rev: u64,
) -> Result<SealedRecord, crypto::CryptoError> {
    let schema = hr_assessment::record::SCHEMA;
    let aad = SealedRecord::associated_data(&storage::record_key(&record.id), schema, rev);
    let sealed = crypto::seal(key, &record.to_json(), &aad).await?;
    Ok(SealedRecord {
        schema,
        id: record.id.clone(),
        sealed: parts(&sealed),
        bound: true,
        rev,
    })
}

/// Opens a stored sealed record: bound ones with their key's associated
/// data, older ones without (and then their inner id must match). `None`
/// when it does not open: a wrong key, damage, or a record moved here from
/// another key or schema.
pub(crate) async fn open_record(
    key: &VaultKey,
    s: &SealedRecord,
    instrument: &Instrument,
) -> Option<Result<Record, hr_assessment::RecordError>> {
    let aad = if s.bound {
        SealedRecord::associated_data(&storage::record_key(&s.id), s.schema, s.rev)
    } else {
        String::new()
    };
    let json = crypto::open(key, &unparts(&s.sealed)?, &aad).await.ok()?;
    match Record::from_json(&json, instrument) {
        Ok(r) if r.id != s.id => None,
        other => Some(other),
    }
}

/// The associated data of the list of versions, as stored now.
fn versions_aad() -> String {
    Versions::associated_data(storage::KEY_VERSIONS, hr_assessment::record::SCHEMA)
}

/// What storage holds as the list of versions.
pub(crate) enum StoredVersions {
    /// None stored (protection just switched on, or records sealed before
    /// revisions).
    Missing,
    /// Stored, but it does not open with this key or does not read as a
    /// list: damaged, or put there from elsewhere.
    Damaged,
    Found(Versions),
}

/// Reads and opens the stored list of versions.
pub(crate) async fn read_versions(key: &VaultKey) -> StoredVersions {
    let Some(stored) = storage::versions() else {
        return StoredVersions::Missing;
    };
    let Some(stored) = stored else {
        return StoredVersions::Damaged;
    };
    let Some(sealed) = unparts(&stored.sealed) else {
        return StoredVersions::Damaged;
    };
    match crypto::open(key, &sealed, &versions_aad()).await {
        Ok(json) => Versions::from_json(&json).map_or(StoredVersions::Damaged, StoredVersions::Found),
        Err(_) => StoredVersions::Damaged,
    }
}

/// Seals and writes the list of versions, first taking in what the stored
/// one knows (another tab's saves and deletions).
pub(crate) async fn write_versions(key: &VaultKey, versions: &Versions) -> Result<(), storage::SaveError> {
    let mut merged = versions.clone();
    if let StoredVersions::Found(theirs) = read_versions(key).await {
        merged.merge(&theirs);
    }
    let sealed = crypto::seal(key, &merged.to_json(), &versions_aad())
        .await
        .map_err(storage::SaveError::Crypto)?;
    storage::write_versions(&SealedVersions {
        schema: hr_assessment::record::SCHEMA,
        sealed: parts(&sealed),
    })
}
