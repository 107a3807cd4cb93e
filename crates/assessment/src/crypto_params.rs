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

/// The fewest characters a new passphrase may have (protecting the saved
/// answers, a download or a backup). Counted as Unicode characters, so
/// "contraseña" is ten, not eleven bytes' worth.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The fewest characters a kiosk's exit code may have.
pub const MIN_EXIT_CODE_CHARS: usize = 6;

/// Why a new secret (a passphrase, a kiosk's exit code), typed twice,
/// cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewSecretProblem {
    /// Fewer characters than the minimum.
    TooShort,
    /// The two typings differ.
    NotTheSame,
}

/// Checks a new secret and its confirmation: at least `min` characters,
/// and the same both times. Length is judged first, so a short secret is
/// said to be short whatever the second field holds. Nothing is trimmed: a
/// space is a character of the secret like any other.
pub fn check_new_secret(secret: &str, again: &str, min: usize) -> Result<(), NewSecretProblem> {
    if secret.chars().count() < min {
        Err(NewSecretProblem::TooShort)
    } else if secret != again {
        Err(NewSecretProblem::NotTheSame)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_needs_eight_characters_counted_as_a_person_counts_them() {
        let min = MIN_PASSPHRASE_CHARS;
        assert_eq!(check_new_secret("", "", min), Err(NewSecretProblem::TooShort));
        assert_eq!(
            check_new_secret("seven77", "seven77", min),
            Err(NewSecretProblem::TooShort)
        );
        assert_eq!(check_new_secret("eight888", "eight888", min), Ok(()));
        // Seven characters in nine bytes: still too short; eight in ten: enough.
        assert_eq!(
            check_new_secret("ñandú12", "ñandú12", min),
            Err(NewSecretProblem::TooShort)
        );
        assert_eq!(check_new_secret("ñandú123", "ñandú123", min), Ok(()));
        // Spaces count and are kept.
        assert_eq!(check_new_secret("a b c d ", "a b c d ", min), Ok(()));
        assert_eq!(
            check_new_secret("a b c d ", "a b c d", min),
            Err(NewSecretProblem::NotTheSame)
        );
    }

    #[test]
    fn a_short_secret_is_said_to_be_short_before_the_two_are_compared() {
        assert_eq!(
            check_new_secret("short", "other", MIN_EXIT_CODE_CHARS),
            Err(NewSecretProblem::TooShort)
        );
        assert_eq!(
            check_new_secret("exit-1", "exit-2", MIN_EXIT_CODE_CHARS),
            Err(NewSecretProblem::NotTheSame)
        );
        assert_eq!(check_new_secret("exit-1", "exit-1", MIN_EXIT_CODE_CHARS), Ok(()));
    }
}
