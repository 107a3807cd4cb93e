//! The passphrase-protected envelope around an assessment file.

use super::*;

/// A passphrase-protected assessment file. The browser derives a 256-bit
/// key with PBKDF2-SHA256 (`iterations`, `salt`) from the passphrase and
/// decrypts `data` with AES-GCM (`iv`); the plaintext is the UTF-8 of a plain
/// assessment file, which then goes through [`import`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    /// [`SALT_BYTES`] random bytes.
    pub salt: Vec<u8>,
    /// [`IV_BYTES`] random bytes, never reused with the same key.
    pub iv: Vec<u8>,
    /// AES-GCM ciphertext followed by its 16-byte tag.
    pub data: Vec<u8>,
}

pub(super) const ENVELOPE_FIELDS: [&str; 8] =
    ["format", "version", "cipher", "kdf", "iterations", "salt", "iv", "data"];

#[derive(Serialize)]
pub(super) struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    cipher: &'static str,
    kdf: &'static str,
    iterations: u32,
    salt: &'a str,
    iv: &'a str,
    data: &'a str,
}

impl Envelope {
    /// The envelope as pretty-printed JSON. Call [`Envelope::check`] first
    /// if the fields did not come from [`Envelope::parse`].
    pub fn to_json(&self) -> String {
        self.to_json_marked(ENCRYPTED_FORMAT)
    }

    /// [`Envelope::to_json`] under another `format` marker (the backup's).
    pub(crate) fn to_json_marked(&self, format: &'static str) -> String {
        let (salt, iv, data) = (
            base64::encode(&self.salt),
            base64::encode(&self.iv),
            base64::encode(&self.data),
        );
        let out = EnvelopeOut {
            format,
            version: ENVELOPE_VERSION,
            cipher: CIPHER,
            kdf: KDF,
            iterations: self.iterations,
            salt: &salt,
            iv: &iv,
            data: &data,
        };
        // Plain data with string keys: serialization cannot fail.
        serde_json::to_string_pretty(&out).unwrap_or_default()
    }

    /// Reads and checks a protected file: size, nesting, syntax, the marker,
    /// the version, every field, the cipher and key derivation, then
    /// [`Envelope::check`].
    pub fn parse(text: &str) -> Result<Envelope, ImportError> {
        Envelope::parse_marked(text, [ENCRYPTED_FORMAT, FORMAT], MAX_ENVELOPE_BYTES, MAX_IMPORT_BYTES)
    }

    /// [`Envelope::parse`] for an envelope marked `markers[0]` around a
    /// plain file marked `markers[1]` (refused as
    /// [`ImportError::NotEncrypted`]), at most `limit` bytes long, whose
    /// plain text is at most `max_plain` bytes.
    pub(crate) fn parse_marked(
        text: &str,
        markers: [&str; 2],
        limit: usize,
        max_plain: usize,
    ) -> Result<Envelope, ImportError> {
        let value = parse_json(text, limit)?;
        match value.get("format").and_then(Value::as_str) {
            Some(m) if m == markers[0] => {}
            Some(m) if m == markers[1] => return Err(ImportError::NotEncrypted),
            _ => return Err(ImportError::NotAnAssessment),
        }
        match version_of(&value) {
            None | Some(0) => return Err(ImportError::NoVersion),
            Some(v) if v > u64::from(ENVELOPE_VERSION) => {
                return Err(ImportError::NewerVersion {
                    file: v,
                    app: ENVELOPE_VERSION,
                })
            }
            Some(_) => {}
        }
        let map = object(&value, "", &ENVELOPE_FIELDS, &[])?;
        if text_of(map, "", "cipher")? != CIPHER {
            return Err(ImportError::Unsupported { field: "cipher" });
        }
        if text_of(map, "", "kdf")? != KDF {
            return Err(ImportError::Unsupported { field: "kdf" });
        }
        let iterations = map["iterations"]
            .as_u64()
            .ok_or_else(|| shape("iterations", ShapeProblem::NotAWholeNumber))?;
        // Range first, so an out-of-range number gets its own message.
        if iterations < u64::from(PBKDF2_ITERATIONS) {
            return Err(ImportError::WeakKey { iterations });
        }
        if iterations > u64::from(MAX_PBKDF2_ITERATIONS) {
            return Err(ImportError::TooManyIterations { iterations });
        }
        let bytes = |field: &'static str| -> Result<Vec<u8>, ImportError> {
            let s = text_of(map, "", field)?;
            base64::decode(s).map_err(|_| ImportError::Base64 { field })
        };
        let envelope = Envelope {
            iterations: u32::try_from(iterations).unwrap_or(u32::MAX),
            salt: bytes("salt")?,
            iv: bytes("iv")?,
            data: bytes("data")?,
        };
        envelope.check_within(max_plain)?;
        Ok(envelope)
    }

    /// The rules on the values: iterations within
    /// [`PBKDF2_ITERATIONS`]..=[`MAX_PBKDF2_ITERATIONS`], a 16-byte salt, a
    /// 12-byte IV, and data at least as long as the 16-byte tag (and no
    /// longer than an encrypted maximum-size file).
    pub fn check(&self) -> Result<(), ImportError> {
        self.check_within(MAX_IMPORT_BYTES)
    }

    /// [`Envelope::check`] for plain text of at most `max_plain` bytes.
    pub(crate) fn check_within(&self, max_plain: usize) -> Result<(), ImportError> {
        if self.iterations < PBKDF2_ITERATIONS {
            return Err(ImportError::WeakKey {
                iterations: u64::from(self.iterations),
            });
        }
        if self.iterations > MAX_PBKDF2_ITERATIONS {
            return Err(ImportError::TooManyIterations {
                iterations: u64::from(self.iterations),
            });
        }
        let length = |field, expected, found| {
            if expected == found {
                Ok(())
            } else {
                Err(ImportError::Length { field, expected, found })
            }
        };
        length("salt", SALT_BYTES, self.salt.len())?;
        length("iv", IV_BYTES, self.iv.len())?;
        if self.data.len() < TAG_BYTES {
            return Err(ImportError::NoCiphertext { bytes: self.data.len() });
        }
        if self.data.len() > max_plain + TAG_BYTES {
            return Err(ImportError::CiphertextTooLarge { bytes: self.data.len() });
        }
        Ok(())
    }
}
