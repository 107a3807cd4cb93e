//! The Spanish texts of the app's real build, loaded when Spanish is
//! chosen.
//!
//! In the build the app ships (`--cfg hr_lift`, set by `scripts/split.mjs`),
//! the Spanish of every text pair is not in the WebAssembly: the pair
//! macros ([`pick!`](crate::pick), [`tr!`](crate::tr)) keep a key, and the
//! build writes the texts into `es.bin` and `es-chunks.bin` (`hr-i18n-macros`
//! says how; [`Part`] says which text goes where). The app fetches the first
//! before it shows anything in Spanish, the second with the first chunk it
//! needs in Spanish, and gives each to [`install`]; until then a pair gives
//! its English text. Without `hr_lift` (every test build) nothing here is
//! called.
//!
//! Each file is `HRES`, the number of texts (4 bytes, little-endian), each
//! text's length in bytes (4 bytes each, little-endian), then the texts in
//! UTF-8, one after another. It holds no keys: a text's key is the 32-bit
//! FNV-1a hash of the text itself ([`key`], the same function the macros
//! use), so the file is read by hashing each text, and the build writes
//! them in the order of their keys, which the reader checks (a file that
//! is not this build's, or damaged, is refused whole). Random keys would
//! not compress: without them the file is 31 KB gzip rather than 39. A
//! text that stands for a formatted one has its placeholders as the byte
//! 0x01 followed by the placeholder's number as a character (`'0'` + n);
//! [`fill`] puts the values in.

use std::fmt;
use std::sync::OnceLock;

/// The first bytes of `es.bin`.
pub const MAGIC: &[u8; 4] = b"HRES";

/// The texts of `es.bin` ([`Part::Start`]) and of `es-chunks.bin`
/// ([`Part::Chunks`]).
static TABLES: [OnceLock<Vec<(u32, &'static str)>>; 2] = [OnceLock::new(), OnceLock::new()];

/// The two files of texts. The build (`scripts/split.mjs`) puts in
/// `es.bin` the texts that the first module's code names, and those of the
/// code that reads what is stored (which runs before the app starts, and
/// whose texts first-module views show); every other text is in
/// `es-chunks.bin`, for the pages and notices of the chunks, and is fetched
/// with them (`ui::on_demand`). A Spanish-speaking visitor's first screen
/// carries the first only. Both have the format above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Start = 0,
    Chunks = 1,
}

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
/// the visit as `part`. Installing a part twice keeps the first.
pub fn install(part: Part, bytes: Vec<u8>) -> Result<(), TextsError> {
    let table = &TABLES[part as usize];
    if table.get().is_some() {
        return Ok(());
    }
    let entries = parse(bytes.leak())?;
    let _ = table.set(entries);
    Ok(())
}

/// Whether this part of the texts is here.
pub fn loaded(part: Part) -> bool {
    TABLES[part as usize].get().is_some()
}

/// The key of a text: its 32-bit FNV-1a hash.
pub fn key(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in text.as_bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

fn parse(bytes: &'static [u8]) -> Result<Vec<(u32, &'static str)>, TextsError> {
    let u32_at = |at: usize| -> Result<usize, TextsError> {
        let b = bytes.get(at..at + 4).ok_or(TextsError::Malformed)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err(TextsError::Malformed);
    }
    let count = u32_at(4)?;
    let mut text_at = 8usize
        .checked_add(count.checked_mul(4).ok_or(TextsError::Malformed)?)
        .ok_or(TextsError::Malformed)?;
    if text_at > bytes.len() {
        return Err(TextsError::Malformed);
    }
    let mut out: Vec<(u32, &'static str)> = Vec::with_capacity(count);
    for i in 0..count {
        let len = u32_at(8 + 4 * i)?;
        let end = text_at.checked_add(len).ok_or(TextsError::Malformed)?;
        let text = bytes.get(text_at..end).ok_or(TextsError::Malformed)?;
        let text = std::str::from_utf8(text).map_err(|_| TextsError::Malformed)?;
        let key = key(text);
        if out.last().is_some_and(|(last, _)| *last >= key) {
            return Err(TextsError::Malformed);
        }
        out.push((key, text));
        text_at = end;
    }
    if text_at != bytes.len() {
        return Err(TextsError::Malformed);
    }
    Ok(out)
}

/// The text with this key, once the part that holds it is installed.
pub fn text(key: u32) -> Option<&'static str> {
    TABLES.iter().find_map(|table| {
        let table = table.get()?;
        let i = table.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        Some(table[i].1)
    })
}

/// The text of a pair in `lang`: `en` in English; in Spanish the text
/// with this key, or `en` while the texts are not here. One call per pair
/// (not inlined: the program has hundreds of pairs).
#[inline(never)]
pub fn pick(lang: crate::Lang, key: u32, en: &'static str) -> &'static str {
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
pub fn fill(key: u32, values: &str) -> Option<String> {
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

    /// A file of these texts, in the order of their keys.
    fn file(texts: &[&str]) -> Vec<u8> {
        let mut texts = texts.to_vec();
        texts.sort_by_key(|t| key(t));
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(texts.len() as u32).to_le_bytes());
        for t in &texts {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
        }
        for t in &texts {
            out.extend_from_slice(t.as_bytes());
        }
        out
    }

    #[test]
    fn the_key_is_fnv1a_as_the_macros_compute_it() {
        // Published FNV-1a 32 test vectors (hr-i18n-macros checks the same).
        assert_eq!(key(""), 0x811c9dc5);
        assert_eq!(key("a"), 0xe40c292c);
        assert_eq!(key("foobar"), 0xbf9cf968);
    }

    #[test]
    fn a_file_of_texts_reads_back_and_a_damaged_one_is_refused() {
        let texts = ["Guardado", "\u{1}0 de \u{1}1", "", "año"];
        let good = file(&texts);
        let parsed = parse(good.clone().leak()).unwrap();
        assert_eq!(parsed.len(), 4);
        for t in texts {
            assert!(parsed.contains(&(key(t), t)), "{t:?}");
        }
        assert_eq!(parse(Vec::new().leak()), Err(TextsError::Malformed));
        assert_eq!(parse(file(&[]).leak()), Ok(Vec::new()));
        // Cut short anywhere, or with anything after it.
        for cut in 0..good.len() {
            assert_eq!(
                parse(good[..cut].to_vec().leak()),
                Err(TextsError::Malformed),
                "cut at {cut}"
            );
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert!(parse(longer.leak()).is_err());
        // Not in the order of the keys (the last two swapped), or one text
        // twice.
        let mut unsorted = MAGIC.to_vec();
        let mut sorted: Vec<&str> = vec!["a", "b"];
        sorted.sort_by_key(|t| std::cmp::Reverse(key(t)));
        unsorted.extend_from_slice(&2u32.to_le_bytes());
        unsorted.extend_from_slice(&1u32.to_le_bytes());
        unsorted.extend_from_slice(&1u32.to_le_bytes());
        unsorted.extend_from_slice(sorted.concat().as_bytes());
        assert!(parse(unsorted.leak()).is_err());
        assert!(parse(file(&["a", "a"]).leak()).is_err());
        // A huge count or length does not overflow.
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(parse(huge.leak()).is_err());
        // Not UTF-8.
        let mut bad = file(&["ab"]);
        *bad.last_mut().unwrap() = 0xff;
        assert!(parse(bad.leak()).is_err());
    }

    #[test]
    fn a_text_is_found_in_whichever_part_holds_it_once_that_part_is_in() {
        // The one test that installs: the tables are the process's.
        let start = "Guardado en este dispositivo.";
        let later = "Sus resultados";
        assert!(!loaded(Part::Start) && !loaded(Part::Chunks));
        assert_eq!(text(key(start)), None);
        assert_eq!(install(Part::Start, b"not texts".to_vec()), Err(TextsError::Malformed));
        assert!(!loaded(Part::Start), "a refused file installs nothing");
        install(Part::Start, file(&[start])).unwrap();
        assert!(loaded(Part::Start) && !loaded(Part::Chunks));
        assert_eq!(text(key(start)), Some(start));
        assert_eq!(text(key(later)), None, "not until its part is in");
        assert_eq!(pick(crate::Lang::Es, key(later), "Your results"), "Your results");
        install(Part::Chunks, file(&[later])).unwrap();
        assert_eq!(text(key(later)), Some(later));
        assert_eq!(text(key(start)), Some(start));
        assert_eq!(pick(crate::Lang::Es, key(later), "Your results"), later);
        assert_eq!(pick(crate::Lang::En, key(later), "Your results"), "Your results");
        // Installing a part again keeps the first.
        install(Part::Chunks, file(&["otro"])).unwrap();
        assert_eq!(text(key(later)), Some(later));
        assert_eq!(text(key("otro")), None);
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
