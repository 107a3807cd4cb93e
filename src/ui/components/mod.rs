//! Pieces several pages share, so that pages never import each other for
//! them.

pub mod download_note;
pub mod file_drop;
pub mod passphrase;
pub mod scan;
