//! Small strict checkers: text fields, names, versions, timestamps, the
//! nesting of JSON before it is parsed, and what kind of file a text is.

use super::*;

/// Checks a text field: trims it, then 1..=`max` characters and no
/// forbidden control character. Returns the trimmed text.
pub(super) fn check_text<'a>(field: &'static str, text: &'a str, max: usize) -> Result<&'a str, ImportError> {
    text_within(text, max).map_err(|problem| ImportError::Text { field, problem })
}

/// The rule of every text field: trimmed, then 1..=`max` characters and no
/// forbidden control character. Returns the trimmed text.
pub fn text_within(text: &str, max: usize) -> Result<&str, TextProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TextProblem::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(TextProblem::TooLong { chars, max });
    }
    if trimmed.chars().any(is_forbidden_control) {
        return Err(TextProblem::ControlCharacter);
    }
    Ok(trimmed)
}

/// An assessment name a person typed (renaming), by the rule of names in
/// files: trimmed, 1..=[`MAX_NAME_CHARS`] characters, no forbidden control
/// character (line breaks, bidirectional overrides...). Returns the trimmed
/// name.
pub fn check_name(name: &str) -> Result<&str, TextProblem> {
    text_within(name, MAX_NAME_CHARS)
}

/// An assessment name as it is stored and exported: trimmed, without
/// forbidden control characters, at most [`MAX_NAME_CHARS`] characters, and
/// "Assessment" when nothing is left. Every name this returns is accepted by
/// [`import`].
pub fn clean_name(name: &str) -> String {
    let kept: String = name.chars().filter(|c| !is_forbidden_control(*c)).collect();
    let cut: String = kept.trim().chars().take(MAX_NAME_CHARS).collect();
    let cut = cut.trim_end();
    if cut.is_empty() {
        "Assessment".to_owned()
    } else {
        cut.to_owned()
    }
}

/// A file name (without extension) for an export, from an assessment's name:
/// "Clínica del Norte — 2026" → "clínica-del-norte-2026". Letters and digits
/// are kept, ASCII and Latin-1 capitals lowered; spaces, punctuation and
/// symbols become one hyphen each run; at most 60 characters; "assessment" if
/// nothing is left. Letters of other scripts are kept as they are: any
/// character beyond ASCII is kept unless it is Latin-1 punctuation or a
/// symbol (U+0080–U+00BF, ×, ÷), general punctuation (U+2000–U+206F) or CJK
/// punctuation (U+3000–U+303F), so no Unicode table is needed.
pub fn file_stem(name: &str) -> String {
    let keep = |c: char| {
        c.is_ascii_alphanumeric()
            || (!c.is_ascii()
                && !matches!(c, '\u{80}'..='\u{BF}' | '×' | '÷' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}'))
    };
    let mut stem = String::new();
    for c in name.chars() {
        if keep(c) {
            stem.push(crate::case::lower_char(c));
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.chars().take(60).collect();
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "assessment".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Whether `s` is a version such as `1.0.0` or `1.1.0-beta.2`: ASCII
/// letters, digits, `.`, `-` and `+`, starting with a digit.
pub(super) fn is_version(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

/// Whether arrays and objects in JSON text nest deeper than `limit`, counted
/// without parsing (brackets inside strings do not count): one linear pass,
/// no recursion, so it is safe on any input.
pub(super) fn nesting_exceeds(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in text.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Size, emptiness, nesting and JSON syntax: the checks every file gets
/// before anything looks at its contents. A leading byte order mark is
/// ignored.
pub(crate) fn parse_json(text: &str, limit: usize) -> Result<Value, ImportError> {
    if text.len() > limit {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if nesting_exceeds(text, MAX_DEPTH) {
        return Err(ImportError::TooDeep);
    }
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        // Unreachable while MAX_DEPTH is below serde_json's own limit (128);
        // kept so that raising MAX_DEPTH cannot turn deep files into "not JSON".
        _ if e.to_string().contains("recursion limit") => ImportError::TooDeep,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })
}

/// What kind of file a text is, from its `format` marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An assessment file: give it to [`import`].
    Plain,
    /// A protected file: give it to [`Envelope::parse`], ask for the passphrase.
    Encrypted,
    /// Anything else (including files too large or not JSON).
    Unknown,
}

/// Tells plain, protected and other files apart without validating them.
pub fn detect(text: &str) -> FileKind {
    match parse_json(text, MAX_ENVELOPE_BYTES) {
        Ok(v) => match v.get("format").and_then(Value::as_str) {
            Some(FORMAT) => FileKind::Plain,
            Some(ENCRYPTED_FORMAT) => FileKind::Encrypted,
            _ => FileKind::Unknown,
        },
        Err(_) => FileKind::Unknown,
    }
}
