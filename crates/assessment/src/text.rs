//! Rules for text that every part of the core shares: which characters are
//! refused in names and versions, and how text from a file is shown inside
//! a message. Kept below the modules that use them (records, responses,
//! files), so none of those needs another.

/// Characters refused in names and versions: the C0 and C1 controls and
/// DEL (Unicode category Cc), the line and paragraph separators, and the
/// bidirectional embeddings, overrides and isolates (which can make a name
/// display as something it is not).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text from the file, safe and short enough to show inside a message:
/// control characters become `?`, and long text is cut with "…".
pub fn shown(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if is_forbidden_control(c) { '?' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}
