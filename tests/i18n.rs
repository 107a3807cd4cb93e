//! Every interface text is written in English and Spanish side by side
//! (`t("…", "…")` and `tf!("…", "…")`, see `src/ui/i18n.rs`), so neither can
//! be missing. This test reads the sources and checks the pairs: no empty
//! text, and no Spanish text left identical to the English unless it is the
//! same word in both languages.

use std::fs;

/// Texts that are rightly the same in both languages.
const SAME_IN_BOTH: &[&str] = &[
    "", "CSV", "JSON", "{}", "Email", "TA", "Español", "English", "General", "No", "Balance",
];

fn pairs(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for opener in ["t(", "tf!("] {
        let mut rest = source;
        while let Some(i) = rest.find(opener) {
            // Only calls: the character before must not be part of a name.
            let before = rest[..i].chars().last();
            rest = &rest[i + opener.len()..];
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let Some((en, after)) = literal(rest) else { continue };
            let after = after.trim_start();
            let Some(after) = after.strip_prefix(',') else { continue };
            let Some((es, _)) = literal(after) else { continue };
            out.push((en, es));
        }
    }
    out
}

/// A Rust string literal at the start of `s` (after spaces), and the rest.
fn literal(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let body = s.strip_prefix('"')?;
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    text.push(n);
                }
            }
            '"' => return Some((text, &body[i + 1..])),
            c => text.push(c),
        }
    }
    None
}

#[test]
fn every_interface_text_has_a_real_spanish_version() {
    let mut count = 0;
    let mut problems = Vec::new();
    let files = ["src/ui", "src/browser"]
        .iter()
        .flat_map(|dir| fs::read_dir(dir).expect("source folder exists"))
        .map(|e| e.unwrap().path());
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("rs") || path.ends_with("i18n.rs") {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        for (en, es) in pairs(&source) {
            count += 1;
            if en.trim().is_empty() || es.trim().is_empty() {
                problems.push(format!("{}: empty text in {en:?} / {es:?}", path.display()));
            } else if en == es && !SAME_IN_BOTH.contains(&en.as_str()) {
                problems.push(format!("{}: Spanish left in English: {en:?}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(count > 0, "no translated texts found");
}
