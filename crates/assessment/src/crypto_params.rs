//! The cryptography's parameters, shared by the encrypted file envelope
//! (`file::Envelope`) and the passphrase lock (`record::Lock`): what they
//! name, and the limits a file or a stored lock must keep.

/// The cipher named in the envelope.
pub const CIPHER: &str = "AES-GCM-256";
/// The key derivation named in the envelope.
pub const KDF: &str = "PBKDF2-SHA256";
/// PBKDF2-SHA256 iterations the browser uses when it protects a file, and
/// the fewest accepted when it opens one.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most iterations accepted: a hostile file could otherwise freeze the
/// tab for minutes while the key is derived.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// Salt length in bytes.
pub const SALT_BYTES: usize = 16;
/// AES-GCM initialisation vector (nonce) length in bytes.
pub const IV_BYTES: usize = 12;
/// AES-GCM authentication tag length in bytes: the ciphertext is at least this long.
pub const TAG_BYTES: usize = 16;
