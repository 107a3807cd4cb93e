//! The browser layer's errors in the interface language. The browser layer
//! returns typed errors and never translates (their `Display` is English,
//! for logs); what a person reads is worded here.

use crate::browser::crypto::CryptoError;
use crate::browser::files::DownloadError;
use crate::browser::storage::{SaveError, Unreadable, SEALED_BESIDE_EN};
use crate::i18n::{lang, t};

/// An error as the person using the app reads it.
pub trait Message {
    fn message(&self) -> String;
}

impl Message for SaveError {
    fn message(&self) -> String {
        match self {
            SaveError::Full => t(
                "This browser's storage for this site is full, so your latest change was not saved. Your earlier answers are still saved. Free some space (for example, delete old assessments) or export your answers to a file.",
                "El espacio de este navegador para este sitio está lleno, así que su último cambio no se guardó. Sus respuestas anteriores siguen guardadas. Libere espacio (por ejemplo, borre evaluaciones antiguas) o exporte sus respuestas a un archivo.",
            )
            .to_owned(),
            SaveError::Unavailable => t(
                "This browser is not letting the assessment save anything (storage is switched off or blocked). Your answers will be lost when you close this page unless you export them.",
                "Este navegador no deja que la evaluación guarde nada (el almacenamiento está desactivado o bloqueado). Sus respuestas se perderán al cerrar esta página, a menos que las exporte.",
            )
            .to_owned(),
            SaveError::SealedBeside => t(
                SEALED_BESIDE_EN,
                "Este navegador guarda evaluaciones cifradas con una frase de contraseña, pero falta la configuración de esa frase, así que no se guarda nada sin cifrar junto a ellas: su último cambio no se guardó. Descargue o borre los datos cifrados (vea los mensajes de arriba) para volver a guardar, o exporte sus respuestas a un archivo.",
            )
            .to_owned(),
            SaveError::Crypto(e) => crate::tf!(
                "Your latest change could not be encrypted, so it was not saved: {e}. Your earlier answers are still saved.",
                "Su último cambio no se pudo cifrar, así que no se guardó: {e}. Sus respuestas anteriores siguen guardadas."
            ),
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
            CryptoError::Unavailable => t(
                "This browser cannot encrypt here. Encryption needs a recent browser and the page opened over https (or from this computer).",
                "Este navegador no puede cifrar aquí. Para cifrar se necesita un navegador reciente y abrir la página con https (o desde esta computadora).",
            )
            .to_owned(),
            CryptoError::WrongPassphrase => t(
                "That passphrase does not unlock this data. Nothing has been changed.",
                "Esa frase de contraseña no desbloquea estos datos. No se ha cambiado nada.",
            )
            .to_owned(),
            CryptoError::Failed(e) => crate::tf!("Encryption failed: {e}", "El cifrado falló: {e}"),
        }
    }
}

/// Why stored data could not be read; completes "We found data from an
/// earlier visit, but …".
impl Message for Unreadable {
    fn message(&self) -> String {
        match self {
            Unreadable::IdMismatch => t(
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
            DownloadError::NoPage => t("the page is closing", "la página se está cerrando"),
            DownloadError::File | DownloadError::Start => t(
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
