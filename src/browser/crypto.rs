//! Passphrase encryption with the browser's own WebCrypto (through web-sys).
//!
//! - At rest: the passphrase and a random 16-byte salt go through
//!   PBKDF2-SHA256 (600,000 iterations) once per unlock; the 256 bits that
//!   come out are imported at once as a non-extractable HKDF key and never
//!   kept anywhere else. Every save then derives a fresh AES-GCM-256 key from
//!   it with HKDF-SHA256 and a new random 16-byte salt, and encrypts with a
//!   new random 12-byte IV. Keys live only in this tab's memory.
//! - Files: an encrypted export derives its AES-GCM-256 key straight from the
//!   passphrase with PBKDF2-SHA256 and the file's own random salt.
//!
//! `docs/privacy.md` says what this protects against and what it does not.

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, HkdfParams, Pbkdf2Params, SubtleCrypto};

/// PBKDF2 iterations for new keys (OWASP's 2023 figure for PBKDF2-SHA256),
/// the same figure the file format requires.
pub const ITERATIONS: u32 = hr_assessment::file::PBKDF2_ITERATIONS;
/// What HKDF derives per save; changing it makes old records unreadable.
const HKDF_INFO: &[u8] = b"hr-readiness record v1";

/// Why encryption or decryption failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// This browser offers no WebCrypto here (an old browser, or a page not
    /// served over https or from this computer).
    Unavailable,
    /// The passphrase is wrong, or the data was changed or damaged.
    WrongPassphrase,
    /// Anything else the browser reported.
    Failed(String),
    /// The part of the app that encrypts (a chunk loaded on demand,
    /// `ui::on_demand`) could not be fetched.
    NotLoaded,
}

impl std::fmt::Display for CryptoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CryptoError::Unavailable => f.write_str(
                "This browser cannot encrypt here. Encryption needs a recent browser and the page opened over https (or from this computer).",
            ),
            CryptoError::WrongPassphrase => f.write_str("That passphrase does not unlock this data. Nothing has been changed."),
            CryptoError::Failed(e) => write!(f, "Encryption failed: {e}"),
            CryptoError::NotLoaded => f.write_str(
                "The part of the app that encrypts could not be loaded: the connection may have dropped. Check it, then try again.",
            ),
        }
    }
}

/// The unlocked key for data at rest: a non-extractable HKDF key.
#[derive(Clone, Debug)]
pub struct VaultKey(CryptoKey);

impl VaultKey {
    /// Whether the browser would let script read the key's bytes (never).
    pub fn is_extractable(&self) -> bool {
        self.0.extractable()
    }

    /// Whether both are the same key object (not merely equal bytes).
    pub fn is(&self, other: &VaultKey) -> bool {
        let a: &wasm_bindgen::JsValue = self.0.as_ref();
        let b: &wasm_bindgen::JsValue = other.0.as_ref();
        a == b
    }
}

/// One encrypted record: HKDF salt, IV and ciphertext (with its tag).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let window = web_sys::window().ok_or(CryptoError::Unavailable)?;
    if !window.is_secure_context() {
        return Err(CryptoError::Unavailable);
    }
    let crypto = window.crypto().map_err(|_| CryptoError::Unavailable)?;
    Ok(crypto.subtle())
}

/// `n` cryptographically random bytes.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let window = web_sys::window().ok_or(CryptoError::Unavailable)?;
    let crypto = window.crypto().map_err(|_| CryptoError::Unavailable)?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| CryptoError::Failed(describe(&e)))?;
    Ok(bytes)
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

async fn run(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|e| CryptoError::Failed(describe(&e)))?;
    JsFuture::from(promise).await.map_err(|e| {
        // AES-GCM reports a wrong key or changed data as an OperationError.
        match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
            Some(name) if name == "OperationError" => CryptoError::WrongPassphrase,
            _ => CryptoError::Failed(describe(&e)),
        }
    })
}

fn usages(list: &[&str]) -> JsValue {
    list.iter().map(|u| JsValue::from_str(u)).collect::<Array>().into()
}

fn bytes(data: &[u8]) -> Object {
    Uint8Array::from(data).into()
}

/// The passphrase as a PBKDF2 base key (non-extractable).
async fn passphrase_key(subtle: &SubtleCrypto, passphrase: &str) -> Result<CryptoKey, CryptoError> {
    let key = run(subtle.import_key_with_str(
        "raw",
        &bytes(passphrase.as_bytes()),
        "PBKDF2",
        false,
        &usages(&["deriveBits", "deriveKey"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

fn pbkdf2_params(salt: &[u8], iterations: u32) -> Pbkdf2Params {
    Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &bytes(salt))
}

/// Unlocks data at rest: PBKDF2 once, then a non-extractable HKDF key.
pub async fn vault_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<VaultKey, CryptoError> {
    let subtle = subtle()?;
    let base = passphrase_key(&subtle, passphrase).await?;
    let bits = run(subtle.derive_bits_with_object(&pbkdf2_params(salt, iterations), &base, 256)).await?;
    let hkdf =
        run(subtle.import_key_with_str("raw", bits.unchecked_ref(), "HKDF", false, &usages(&["deriveKey"]))).await?;
    Ok(VaultKey(hkdf.unchecked_into()))
}

async fn record_key(subtle: &SubtleCrypto, vault: &VaultKey, salt: &[u8]) -> Result<CryptoKey, CryptoError> {
    let params = HkdfParams::new_with_str("HKDF", "SHA-256", &bytes(HKDF_INFO), &bytes(salt));
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let key =
        run(subtle.derive_key_with_object_and_object(&params, &vault.0, &aes, false, &usages(&["encrypt", "decrypt"])))
            .await?;
    Ok(key.unchecked_into())
}

/// AES-GCM parameters: the IV, and associated data when there is any (none
/// and empty are the same to AES-GCM).
fn gcm(iv: &[u8], aad: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &bytes(iv));
    if !aad.is_empty() {
        params.set_additional_data(&bytes(aad));
    }
    params
}

async fn aes_encrypt(subtle: &SubtleCrypto, key: &CryptoKey, iv: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    aes_encrypt_with(subtle, key, iv, plain, &[]).await
}

async fn aes_encrypt_with(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    iv: &[u8],
    plain: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let params = gcm(iv, aad);
    let out = run(subtle.encrypt_with_object_and_u8_array(&params, key, plain)).await?;
    Ok(Uint8Array::new(&out).to_vec())
}

async fn aes_decrypt(subtle: &SubtleCrypto, key: &CryptoKey, iv: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    aes_decrypt_with(subtle, key, iv, data, &[]).await
}

async fn aes_decrypt_with(
    subtle: &SubtleCrypto,
    key: &CryptoKey,
    iv: &[u8],
    data: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let params = gcm(iv, aad);
    let out = run(subtle.decrypt_with_object_and_u8_array(&params, key, data)).await?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Encrypts one record's text with a fresh salt and IV, binding it to
/// `aad` (AES-GCM associated data: not secret, but the record opens only
/// with the same).
pub async fn seal(vault: &VaultKey, plain: &str, aad: &str) -> Result<Sealed, CryptoError> {
    let subtle = subtle()?;
    let salt = random_bytes(16)?;
    let iv = random_bytes(12)?;
    let key = record_key(&subtle, vault, &salt).await?;
    let data = aes_encrypt_with(&subtle, &key, &iv, plain.as_bytes(), aad.as_bytes()).await?;
    Ok(Sealed { salt, iv, data })
}

/// Decrypts one record sealed with `aad`. A wrong key, or other associated
/// data, gives [`CryptoError::WrongPassphrase`].
pub async fn open(vault: &VaultKey, sealed: &Sealed, aad: &str) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let key = record_key(&subtle, vault, &sealed.salt).await?;
    let plain = aes_decrypt_with(&subtle, &key, &sealed.iv, &sealed.data, aad.as_bytes()).await?;
    String::from_utf8(plain).map_err(|_| CryptoError::WrongPassphrase)
}

async fn file_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let base = passphrase_key(subtle, passphrase).await?;
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let key = run(subtle.derive_key_with_object_and_object(
        &pbkdf2_params(salt, iterations),
        &base,
        &aes,
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?;
    Ok(key.unchecked_into())
}

/// Encrypts a file with a passphrase: returns (salt, iv, ciphertext).
pub async fn encrypt_file(passphrase: &str, plain: &str) -> Result<Sealed, CryptoError> {
    let subtle = subtle()?;
    let salt = random_bytes(16)?;
    let iv = random_bytes(12)?;
    let key = file_key(&subtle, passphrase, &salt, ITERATIONS).await?;
    let data = aes_encrypt(&subtle, &key, &iv, plain.as_bytes()).await?;
    Ok(Sealed { salt, iv, data })
}

/// Decrypts a file made by [`encrypt_file`] (or any file with the same
/// envelope and at least as many iterations).
pub async fn decrypt_file(passphrase: &str, iterations: u32, sealed: &Sealed) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let key = file_key(&subtle, passphrase, &sealed.salt, iterations).await?;
    let plain = aes_decrypt(&subtle, &key, &sealed.iv, &sealed.data).await?;
    String::from_utf8(plain).map_err(|_| CryptoError::WrongPassphrase)
}
