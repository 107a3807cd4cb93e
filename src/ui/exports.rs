//! The files a person takes away: one assessment as JSON (to import again,
//! or to give a facilitator), as a spreadsheet (CSV), or protected with a
//! passphrase. The results page and the saved assessments page both offer
//! them; the core writes the files, the browser layer downloads them.

use crate::browser::{self, crypto, files};
use crate::i18n::lang;
use crate::ui::messages::Message;
use crate::ui::state::instrument;
use hr_assessment::file;
use hr_assessment::Record;
use leptos::prelude::*;

/// What a download's failure says, for [`DownloadFailed`]: `None` when it
/// went.
pub fn said(downloaded: Result<(), files::DownloadError>) -> Option<String> {
    downloaded.err().map(|e| e.message())
}

/// Offers a file for download, and says in `failed` if the browser would
/// not make it (`None` once one goes).
pub fn offer(failed: RwSignal<Option<String>>, name: &str, mime: &str, content: &str) {
    failed.set(said(files::download(name, mime, content)));
}

/// Beside the buttons that download: why the last download did not go.
#[component]
pub fn DownloadFailed(failed: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        failed
            .get()
            .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
    }
}

/// Downloads one assessment as JSON.
pub fn export_json(record: &Record) -> Result<(), files::DownloadError> {
    let json = file::export_json(record, lang().code(), &browser::now_iso());
    files::download(
        &format!("{}.json", file::file_stem(&record.name)),
        "application/json",
        &json,
    )
}

/// Downloads one assessment as a spreadsheet (CSV).
pub fn export_csv(record: &Record) -> Result<(), files::DownloadError> {
    let csv = file::export_csv_in(record, instrument(), lang());
    files::download(
        &format!("{}.csv", file::file_stem(&record.name)),
        "text/csv;charset=utf-8",
        &csv,
    )
}

/// Encrypts and downloads one assessment.
pub async fn export_encrypted(record: &Record, passphrase: &str) -> Result<(), ExportError> {
    let json = file::export_json(record, lang().code(), &browser::now_iso());
    let sealed = crypto::encrypt_file(passphrase, &json)
        .await
        .map_err(ExportError::Crypto)?;
    let envelope = file::Envelope {
        iterations: crypto::ITERATIONS,
        salt: sealed.salt,
        iv: sealed.iv,
        data: sealed.data,
    };
    files::download(
        &format!("{}.encrypted.json", file::file_stem(&record.name)),
        "application/json",
        &envelope.to_json(),
    )
    .map_err(ExportError::Download)
}

/// Why a protected file could not be made or handed over.
#[derive(Clone, Debug)]
pub enum ExportError {
    Crypto(crypto::CryptoError),
    Download(files::DownloadError),
}

impl Message for ExportError {
    fn message(&self) -> String {
        match self {
            ExportError::Crypto(e) => e.message(),
            ExportError::Download(e) => e.message(),
        }
    }
}
