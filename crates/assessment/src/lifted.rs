//! The Spanish texts of the app's real build, loaded when Spanish is
//! chosen.
//!
//! In the build the app ships (`--cfg hr_lift`, set by `scripts/split.mjs`),
//! the Spanish of every text pair is not in the WebAssembly: the pair
//! macros ([`pick!`](crate::pick), [`tr!`](crate::tr)) keep a key, and the
//! build writes the texts into `es.bin` (`hr-i18n-macros` says how). The
//! app fetches that file before it shows anything in Spanish and gives it
//! to [`install`]; until then a pair gives its English text. Without
//! `hr_lift` (every test build) nothing here is called.
//!
//! `es.bin` is `HRES`, then its entries sorted by key, each one: the key (8
//! bytes, little-endian), the length (4 bytes, little-endian), the text in
//! UTF-8. A text that stands for a formatted one has its placeholders as
//! the byte 0x01 followed by the placeholder's number as a character
//! (`'0'` + n); [`fill`] puts the values in.

use std::fmt;
use std::sync::OnceLock;

/// The first bytes of `es.bin`.
pub const MAGIC: &[u8; 4] = b"HRES";

static TABLE: OnceLock<Vec<(u64, &'static str)>> = OnceLock::new();

/// Why a file of texts was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsError {
    /// Not a file of texts, or cut short, or not sorted.
    Malformed,
}

impl fmt::Display for TextsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the file of texts is not one this app wrote")
    }
}

/// Reads a file of texts, checks all of it, and keeps it for the rest of
/// the visit. Installing twice keeps the first.
pub fn install(bytes: Vec<u8>) -> Result<(), TextsError> {
    if TABLE.get().is_some() {
        return Ok(());
    }
    let entries = parse(bytes.leak())?;
    let _ = TABLE.set(entries);
    Ok(())
}

/// Whether the texts are here.
pub fn loaded() -> bool {
    TABLE.get().is_some()
}

fn parse(bytes: &'static [u8]) -> Result<Vec<(u64, &'static str)>, TextsError> {
    let mut rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(TextsError::Malformed)?;
    let mut out: Vec<(u64, &'static str)> = Vec::new();
    while !rest.is_empty() {
        if rest.len() < 12 {
            return Err(TextsError::Malformed);
        }
        let key = u64::from_le_bytes(rest[..8].try_into().map_err(|_| TextsError::Malformed)?);
        let len = u32::from_le_bytes(rest[8..12].try_into().map_err(|_| TextsError::Malformed)?) as usize;
        let text = rest.get(12..12 + len).ok_or(TextsError::Malformed)?;
        let text = std::str::from_utf8(text).map_err(|_| TextsError::Malformed)?;
        if out.last().is_some_and(|(last, _)| *last >= key) {
            return Err(TextsError::Malformed);
        }
        out.push((key, text));
        rest = &rest[12 + len..];
    }
    Ok(out)
}

/// The text with this key, once the texts are installed.
pub fn text(key: u64) -> Option<&'static str> {
    let table = TABLE.get()?;
    let i = table.binary_search_by_key(&key, |(k, _)| *k).ok()?;
    Some(table[i].1)
}

/// The text of a pair in `lang`: `en` in English; in Spanish the text
/// with this key, or `en` while the texts are not here. One call per pair
/// (not inlined: the program has hundreds of pairs).
#[inline(never)]
pub fn pick(lang: crate::Lang, key: u64, en: &'static str) -> &'static str {
    match lang {
        crate::Lang::En => en,
        crate::Lang::Es => text(key).unwrap_or(en),
    }
}

/// The formatted text with this key: its stored form with `values` (each
/// placeholder's value, joined by 0x1F) put in. Not inlined, for the same
/// reason as [`pick`]. `None` when the texts are
/// not installed, or the key or a value is missing.
#[inline(never)]
pub fn fill(key: u64, values: &str) -> Option<String> {
    fill_in(text(key)?, values)
}

fn fill_in(stored: &str, values: &str) -> Option<String> {
    let values: Vec<&str> = if values.is_empty() {
        Vec::new()
    } else {
        values.split('\u{1f}').collect()
    };
    let mut out = String::with_capacity(stored.len() + values.iter().map(|v| v.len()).sum::<usize>());
    let mut chars = stored.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1}' {
            let n = (chars.next()? as u32).checked_sub('0' as u32)? as usize;
            out.push_str(values.get(n)?);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(entries: &[(u64, &str)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for (key, text) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        out
    }

    #[test]
    fn a_file_of_texts_reads_back_and_a_damaged_one_is_refused() {
        let good = file(&[(1, "Guardado"), (7, "\u{1}0 de \u{1}1"), (9, "")]);
        let parsed = parse(good.clone().leak()).unwrap();
        assert_eq!(parsed, [(1, "Guardado"), (7, "\u{1}0 de \u{1}1"), (9, "")]);
        assert_eq!(parse(Vec::new().leak()), Err(TextsError::Malformed));
        assert_eq!(parse(b"HRES".to_vec().leak()), Ok(Vec::new()));
        // Cut short, anywhere.
        for cut in 5..good.len() {
            if cut != 4 + 20 && cut != 4 + 20 + 20 {
                assert_eq!(
                    parse(good[..cut].to_vec().leak()),
                    Err(TextsError::Malformed),
                    "cut at {cut}"
                );
            }
        }
        // Not sorted, or a key twice.
        assert!(parse(file(&[(7, "a"), (1, "b")]).leak()).is_err());
        assert!(parse(file(&[(7, "a"), (7, "a")]).leak()).is_err());
        // Not UTF-8.
        let mut bad = file(&[(1, "ab")]);
        *bad.last_mut().unwrap() = 0xff;
        assert!(parse(bad.leak()).is_err());
    }

    #[test]
    fn values_go_into_their_places_in_any_order() {
        assert_eq!(fill_in("\u{1}1 de \u{1}0", "3\u{1f}10").unwrap(), "10 de 3");
        assert_eq!(fill_in("sin valores {llaves}", "").unwrap(), "sin valores {llaves}");
        assert_eq!(fill_in("\u{1}0", "").as_deref(), None);
        assert_eq!(fill_in("\u{1}2", "a\u{1f}b").as_deref(), None);
        assert_eq!(fill_in("\u{1}0 y \u{1}0", "x").unwrap(), "x y x");
    }
}
