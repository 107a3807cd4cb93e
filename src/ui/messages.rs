//! The browser layer's errors in the interface language. The browser layer
//! returns typed errors and never translates (their `Display` is English,
//! for logs); what a person reads is worded here.

use crate::browser::crypto::CryptoError;
use crate::browser::files::DownloadError;
use crate::browser::storage::{SaveError, Unreadable, SEALED_BESIDE_EN};
use crate::i18n::{lang, t};
use hr_assessment::file::TextProblem;
use hr_assessment::RecordError;

/// An error as the person using the app reads it.
pub trait Message {
    fn message(&self) -> String;
}

impl Message for SaveError {
    fn message(&self) -> String {
        match self {
            SaveError::Full => t!(
                "This browser's storage for this site is full, so your latest change was not saved. Your earlier answers are still saved. Free some space (for example, delete old assessments) or export your answers to a file.",
                "El espacio de este navegador para este sitio está lleno, así que su último cambio no se guardó. Sus respuestas anteriores siguen guardadas. Libere espacio (por ejemplo, borre evaluaciones antiguas) o exporte sus respuestas a un archivo.",
            )
            .to_owned(),
            SaveError::Unavailable => t!(
                "This browser is not letting the assessment save anything (storage is switched off or blocked). Your answers will be lost when you close this page unless you export them.",
                "Este navegador no deja que la evaluación guarde nada (el almacenamiento está desactivado o bloqueado). Sus respuestas se perderán al cerrar esta página, a menos que las exporte.",
            )
            .to_owned(),
            SaveError::SealedBeside => t!(
                SEALED_BESIDE_EN,
                "Este navegador guarda evaluaciones cifradas con una frase de contraseña, pero falta la configuración de esa frase, así que no se guarda nada sin cifrar junto a ellas: su último cambio no se guardó. Descargue o borre los datos cifrados (vea los mensajes de arriba) para volver a guardar, o exporte sus respuestas a un archivo.",
            )
            .to_owned(),
            SaveError::Crypto(e) => {
                let e = e.message();
                crate::tf!(
                    "Your latest change could not be encrypted, so it was not saved: {e}. Your earlier answers are still saved.",
                    "Su último cambio no se pudo cifrar, así que no se guardó: {e}. Sus respuestas anteriores siguen guardadas."
                )
            }
            SaveError::Other(e) => crate::tf!(
                "Your latest change could not be saved: {e}. Your earlier answers are still saved.",
                "Su último cambio no se pudo guardar: {e}. Sus respuestas anteriores siguen guardadas."
            ),
        }
    }
}

impl Message for CryptoError {
    fn message(&self) -> String {
        match self {
            CryptoError::Unavailable => t!(
                "This browser cannot encrypt here. Encryption needs a recent browser and the page opened over https (or from this computer).",
                "Este navegador no puede cifrar aquí. Para cifrar se necesita un navegador reciente y abrir la página con https (o desde esta computadora).",
            )
            .to_owned(),
            CryptoError::WrongPassphrase => t!(
                "That passphrase does not unlock this data. Nothing has been changed.",
                "Esa frase de contraseña no desbloquea estos datos. No se ha cambiado nada.",
            )
            .to_owned(),
            CryptoError::Failed(e) => crate::tf!("Encryption failed: {e}", "El cifrado falló: {e}"),
            CryptoError::NotLoaded => t!(
                "The part of the app that encrypts could not be loaded: the connection may have dropped. Check it, then try again.",
                "No se pudo cargar la parte de la aplicación que cifra: quizá se cortó la conexión. Revísela y vuelva a intentarlo.",
            )
            .to_owned(),
        }
    }
}

/// Why stored data could not be read; completes "We found data from an
/// earlier visit, but …".
impl Message for Unreadable {
    fn message(&self) -> String {
        match self {
            Unreadable::IdMismatch => t!(
                "its id does not match the key it is stored under",
                "su identificador no coincide con la clave con la que están guardados",
            )
            .to_owned(),
            Unreadable::Invalid(e) => e.message(lang()),
        }
    }
}

impl Message for DownloadError {
    fn message(&self) -> String {
        let why = match self {
            DownloadError::NoPage => t!("the page is closing", "la página se está cerrando"),
            DownloadError::File | DownloadError::Start => t!(
                "the browser would not make it (it may be short of memory)",
                "el navegador no lo creó (puede que le falte memoria)",
            ),
        };
        crate::tf!(
            "The file could not be downloaded: {why}. Nothing was changed; try again, or close other tabs first.",
            "No se pudo descargar el archivo: {why}. No se cambió nada; vuelva a intentarlo o cierre antes otras pestañas."
        )
    }
}

/// Why an assessment could not be renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameError {
    /// The name breaks the core's rule for names (`file::check_name`).
    Name(TextProblem),
    /// The assessment is no longer saved (deleted in another tab).
    Gone,
}

impl Message for RenameError {
    fn message(&self) -> String {
        match self {
            RenameError::Name(TextProblem::Empty) => t!(
                "Enter a name for this assessment.",
                "Escriba un nombre para esta evaluación.",
            )
            .to_owned(),
            RenameError::Name(TextProblem::TooLong { max, .. }) => crate::tf!(
                "Names can be at most {max} characters long.",
                "Los nombres pueden tener {max} caracteres como máximo."
            ),
            RenameError::Name(TextProblem::ControlCharacter) => t!(
                "Names cannot contain line breaks or other control characters.",
                "Los nombres no pueden contener saltos de línea ni otros caracteres de control.",
            )
            .to_owned(),
            RenameError::Name(other) => other.message(lang()),
            RenameError::Gone => t!("That assessment no longer exists.", "Esa evaluación ya no existe.").to_owned(),
        }
    }
}

/// Why passphrase protection could not be switched on, off or changed, or
/// the assessments unlocked.
#[derive(Clone, Debug, PartialEq)]
pub enum VaultError {
    /// The passphrase does not open the lock.
    WrongPassphrase,
    /// The stored passphrase settings (the lock) are damaged.
    Damaged,
    /// The browser's cryptography failed.
    Crypto(CryptoError),
    /// Writing to storage failed.
    Save(SaveError),
}

impl Message for VaultError {
    fn message(&self) -> String {
        match self {
            VaultError::WrongPassphrase => t!(
                "That passphrase does not unlock the assessments saved here. Check it and try again; nothing has been changed.",
                "Esa frase de contraseña no desbloquea las evaluaciones guardadas aquí. Revísela y vuelva a intentarlo; no se ha cambiado nada.",
            )
            .to_owned(),
            VaultError::Damaged => t!(
                "The passphrase settings are damaged.",
                "La configuración de la frase de contraseña está dañada.",
            )
            .to_owned(),
            VaultError::Crypto(e) => e.message(),
            VaultError::Save(e) => e.message(),
        }
    }
}

/// Why data found in storage was set aside unread; completes "We found
/// data from an earlier visit, but …".
#[derive(Clone, Debug, PartialEq)]
pub enum SetAsideReason {
    /// A stored assessment that does not read.
    Stored(Unreadable),
    /// Passphrase settings, or an opened assessment, that do not read.
    Record(RecordError),
    /// Encrypted, and the passphrase settings to open it are missing.
    SealedWithoutLock,
    /// The "last opened" mark is not an assessment id.
    NotAnId,
    /// The stored team view does not read.
    NotATeam,
    /// The stored preferences do not read.
    NotSettings,
    /// On unlock: an older copy than the list of versions says is the latest.
    OlderCopy,
    /// On unlock: an assessment deleted here, put back.
    PutBack,
    /// On unlock: it does not open with this passphrase.
    DoesNotOpen,
}

impl Message for SetAsideReason {
    fn message(&self) -> String {
        let text = match self {
            SetAsideReason::Stored(e) => return e.message(),
            SetAsideReason::Record(e) => return e.message(lang()),
            SetAsideReason::SealedWithoutLock => t!(
                "it is encrypted, but the passphrase settings needed to open it are missing",
                "están cifrados, pero falta la configuración de la frase de contraseña necesaria para abrirlos",
            ),
            SetAsideReason::NotAnId => t!(
                "it is not an assessment id",
                "no son el identificador de una evaluación",
            ),
            SetAsideReason::NotATeam => t!(
                "it is not a team view this app can read",
                "no son una vista de equipo que esta aplicación pueda leer",
            ),
            SetAsideReason::NotSettings => t!(
                "it is not a set of preferences this app can read",
                "no son preferencias que esta aplicación pueda leer",
            ),
            SetAsideReason::OlderCopy => t!(
                "it is an older copy of an assessment than the one last saved here, so it may have been put back from a copy: it is not shown",
                "son una copia de una evaluación más antigua que la última guardada aquí, así que puede que se hayan puesto de nuevo desde una copia: no se muestran",
            ),
            SetAsideReason::PutBack => t!(
                "it is an assessment that was deleted here and has been put back: it is not shown",
                "son una evaluación que se borró aquí y se ha vuelto a poner: no se muestran",
            ),
            SetAsideReason::DoesNotOpen => t!(
                "it does not open with this passphrase: it may be damaged, or have been moved here from another place in storage",
                "no se abren con esta frase de contraseña: puede que estén dañados o que se hayan movido aquí desde otro lugar del almacenamiento",
            ),
        };
        text.to_owned()
    }
}
