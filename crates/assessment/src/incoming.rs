//! What a file someone brings in is: the one question the saved assessments'
//! import and the team view's "Add results" both ask before reading it.
//! Told apart by the file's `format` marker, without validating anything;
//! the import or the restore that follows does the checking.

use crate::backup::{self, BackupKind};
use crate::file::{self, FileKind};

/// The kinds of file this app reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A backup of every saved assessment ("Back up all assessments").
    Backup,
    /// The same, protected with a passphrase.
    EncryptedBackup,
    /// One assessment, protected with a passphrase.
    EncryptedAssessment,
    /// One plain assessment, or anything else: the import says which, in
    /// the words of what is wrong with it.
    Assessment,
}

impl Incoming {
    /// Whether the file needs a passphrase before it can be read.
    pub fn is_encrypted(self) -> bool {
        matches!(self, Incoming::EncryptedBackup | Incoming::EncryptedAssessment)
    }

    /// Whether the file holds a backup (several assessments).
    pub fn is_backup(self) -> bool {
        matches!(self, Incoming::Backup | Incoming::EncryptedBackup)
    }
}

/// What `text` is. A backup cut short still counts as a backup (so that it
/// is told so in a backup's words).
pub fn classify(text: &str) -> Incoming {
    match backup::detect(text) {
        Some(BackupKind::Plain) => Incoming::Backup,
        Some(BackupKind::Encrypted) => Incoming::EncryptedBackup,
        None if file::detect(text) == FileKind::Encrypted => Incoming::EncryptedAssessment,
        None => Incoming::Assessment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::Envelope;
    use crate::{Instrument, Record, Shipped};

    fn record() -> Record {
        let mut r = Record::new(
            Instrument::shipped(),
            "a1".into(),
            "Before the collaborative".into(),
            "2026-11-22T10:15:00.000Z".into(),
        );
        r.responses = crate::example::worked_example();
        r
    }

    fn envelope() -> Envelope {
        Envelope {
            iterations: crate::crypto_params::PBKDF2_ITERATIONS,
            salt: vec![1; 16],
            iv: vec![2; 12],
            data: vec![3; 40],
        }
    }

    #[test]
    fn each_kind_the_app_writes_is_told_apart() {
        let r = record();
        assert_eq!(
            classify(&file::export_json(&r, "en", "2026-11-28T10:00:00.000Z")),
            Incoming::Assessment
        );
        assert_eq!(classify(&envelope().to_json()), Incoming::EncryptedAssessment);
        assert_eq!(
            classify(&backup::export_backup(
                std::slice::from_ref(&r),
                "en",
                "2026-11-28T10:00:00.000Z"
            )),
            Incoming::Backup
        );
        assert_eq!(classify(&backup::envelope_json(&envelope())), Incoming::EncryptedBackup);
    }

    #[test]
    fn a_backup_cut_short_is_still_a_backup_and_anything_else_goes_to_the_import() {
        let full = backup::export_backup(&[record()], "en", "2026-11-28T10:00:00.000Z");
        assert_eq!(classify(&full[..full.len() / 2]), Incoming::Backup);
        for other in ["", "not json", "{}", "[1,2]", r#"{"format":"something-else"}"#] {
            assert_eq!(classify(other), Incoming::Assessment, "{other:?}");
        }
    }

    #[test]
    fn what_needs_a_passphrase_and_what_holds_several() {
        let all = [
            Incoming::Backup,
            Incoming::EncryptedBackup,
            Incoming::EncryptedAssessment,
            Incoming::Assessment,
        ];
        let encrypted: Vec<_> = all.iter().filter(|k| k.is_encrypted()).collect();
        let backups: Vec<_> = all.iter().filter(|k| k.is_backup()).collect();
        assert_eq!(encrypted, [&Incoming::EncryptedBackup, &Incoming::EncryptedAssessment]);
        assert_eq!(backups, [&Incoming::Backup, &Incoming::EncryptedBackup]);
    }
}
