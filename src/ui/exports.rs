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

/// Downloads one assessment as JSON.
pub fn export_json(record: &Record) {
    let json = file::export_json(record, lang().code(), &browser::now_iso());
    let _ = files::download(
        &format!("{}.json", file::file_stem(&record.name)),
        "application/json",
        &json,
    );
}

/// Downloads one assessment as a spreadsheet (CSV).
pub fn export_csv(record: &Record) {
    let csv = file::export_csv_in(record, instrument(), lang());
    let _ = files::download(
        &format!("{}.csv", file::file_stem(&record.name)),
        "text/csv;charset=utf-8",
        &csv,
    );
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
