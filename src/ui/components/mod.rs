//! Pieces several pages share, so that pages never import each other for
//! them.

pub mod passphrase;
