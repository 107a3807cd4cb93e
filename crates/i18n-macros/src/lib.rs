//! The Spanish of a text pair, lifted out of the program.
//!
//! Every text is written as an English–Spanish pair where it is used
//! (`hr_assessment::pick!`, `tr!`; the interface's `t!`, `tf!`). In the
//! WebAssembly, the Spanish of each pair costs bytes on every first visit,
//! though most visitors read English. These macros take the Spanish literal
//! of a pair and give back a key (and, for a formatted text, its values
//! formatted one by one); the text itself goes, with its key, into a static
//! in the custom section `hr_es`, which no code reads. The build
//! (`scripts/split.mjs`) moves that section out of the module into
//! `es.bin`, fetched when Spanish is chosen, and the core's
//! `hr_assessment::lifted` looks keys up in it.
//!
//! Only the app's real build lifts: `scripts/split.mjs` compiles it with
//! `--cfg hr_lift`. Without it (every `cargo test`, native or in the
//! browser) the pair macros keep both literals and never call these, and
//! the statics are not compiled.
//!
//! One entry in the section is: the key (4 bytes, little-endian), the
//! length of the text (4 bytes, little-endian), the text (UTF-8). The key is
//! the 32-bit FNV-1a hash of the text; the build refuses two texts with one
//! key (with about 900 texts, one chance in ten thousand; change a word of
//! one). 32 bits, not 64: every pair carries its key in the code, and a
//! random number does not compress (64-bit keys made the first module
//! 0.8 KB gzip bigger).
//!
//! A formatted text is stored with each placeholder replaced by the byte
//! 0x01 and the placeholder's number (as a char, `'0'` plus the number), and
//! `{{` `}}` by the braces they stand for. Its values are formatted by one
//! `format!` of the placeholders joined by 0x1F, with the placeholders'
//! own specifications and the caller's arguments (named inline, or after
//! the text), so `{share:>3}` and `{}` mean what they mean in `format!`.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// The key of a fixed Spanish text: `spanish_key!("Guardado")` is a `u32`.
#[proc_macro]
pub fn spanish_key(input: TokenStream) -> TokenStream {
    let mut tokens = flatten(input).into_iter();
    let (text, _) = match tokens.next() {
        Some(TokenTree::Literal(lit)) => match unquote(&lit.to_string()) {
            Some(text) => (text, lit.span()),
            None => return error("spanish_key!: expects one string literal", lit.span()),
        },
        _ => return error("spanish_key!: expects one string literal", Span::call_site()),
    };
    if let Some(extra) = tokens.next() {
        return error("spanish_key!: expects one string literal only", extra.span());
    }
    keyed(&text, TokenStream::new())
}

/// A formatted Spanish text: `spanish_format!("{n} respondidas")` (with the
/// arguments `format!` would take after it) is `(u32, String)`: the key of
/// the stored text and its values, joined by 0x1F.
#[proc_macro]
pub fn spanish_format(input: TokenStream) -> TokenStream {
    let mut tokens = input.into_iter();
    let first = tokens.next().map(|t| flatten(t.into()));
    let lit = match first.as_deref() {
        Some([TokenTree::Literal(lit)]) => lit.clone(),
        _ => return error("spanish_format!: expects a string literal first", Span::call_site()),
    };
    let Some(text) = unquote(&lit.to_string()) else {
        return error("spanish_format!: expects a string literal first", lit.span());
    };
    let Some((stored, placeholders)) = template(&text) else {
        return error("spanish_format!: an unmatched brace", lit.span());
    };
    // The placeholders joined, formatted with the caller's own arguments.
    // The literal keeps the caller's span, so that `{n}` names the caller's
    // `n`.
    let mut joined = String::new();
    for (i, p) in placeholders.iter().enumerate() {
        if i > 0 {
            joined.push('\u{1f}');
        }
        joined.push('{');
        joined.push_str(p);
        joined.push('}');
    }
    let mut format_lit = Literal::string(&joined);
    format_lit.set_span(lit.span());
    let mut args = TokenStream::new();
    args.extend([TokenTree::Literal(format_lit)]);
    args.extend(tokens);
    let format_call: TokenStream = [
        TokenTree::Punct(Punct::new(':', Spacing::Joint)),
        TokenTree::Punct(Punct::new(':', Spacing::Alone)),
        TokenTree::Ident(Ident::new("std", Span::call_site())),
        TokenTree::Punct(Punct::new(':', Spacing::Joint)),
        TokenTree::Punct(Punct::new(':', Spacing::Alone)),
        TokenTree::Ident(Ident::new("format", Span::call_site())),
        TokenTree::Punct(Punct::new('!', Spacing::Alone)),
        TokenTree::Group(Group::new(Delimiter::Parenthesis, args)),
    ]
    .into_iter()
    .collect();
    keyed(&stored, format_call)
}

/// `{ <static under hr_lift> (KEY, value) }`, or `{ <static> KEY }` when `value`
/// is empty.
fn keyed(text: &str, value: TokenStream) -> TokenStream {
    let key = fnv1a(text.as_bytes());
    let mut entry = Vec::with_capacity(8 + text.len());
    entry.extend_from_slice(&key.to_le_bytes());
    entry.extend_from_slice(&(text.len() as u32).to_le_bytes());
    entry.extend_from_slice(text.as_bytes());
    let bytes = Literal::byte_string(&entry);
    let tail = if value.is_empty() {
        format!("{key}u32")
    } else {
        format!("({key}u32, __HR_VALUE__)")
    };
    let code = format!(
        "{{ #[cfg(hr_lift)] {{ #[link_section = \"hr_es\"] #[used] static ENTRY: [u8; {len}] = *{bytes}; }} {tail} }}",
        len = entry.len()
    );
    let parsed: TokenStream = code.parse().expect("generated code parses");
    if value.is_empty() {
        return parsed;
    }
    substitute(parsed, &value)
}

/// Puts `value` where the generated code says `__HR_VALUE__`.
fn substitute(tokens: TokenStream, value: &TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tt| -> Vec<TokenTree> {
            match tt {
                TokenTree::Ident(ref i) if i.to_string() == "__HR_VALUE__" => value.clone().into_iter().collect(),
                TokenTree::Group(g) => {
                    let mut new = Group::new(g.delimiter(), substitute(g.stream(), value));
                    new.set_span(g.span());
                    vec![TokenTree::Group(new)]
                }
                other => vec![other],
            }
        })
        .collect()
}

/// The input with invisible groups (a `$x:literal` passed on by
/// `macro_rules!`) opened.
fn flatten(input: TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    for tt in input {
        match tt {
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => out.extend(flatten(g.stream())),
            other => out.push(other),
        }
    }
    out
}

fn error(message: &str, span: Span) -> TokenStream {
    let mut lit = Literal::string(message);
    lit.set_span(span);
    let mut call: TokenStream = "::core::compile_error!".parse().unwrap();
    call.extend([TokenTree::Group(Group::new(
        Delimiter::Parenthesis,
        TokenTree::Literal(lit).into(),
    ))]);
    call
}

/// The 32-bit FNV-1a hash: the key of a text.
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in bytes {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// The stored form of a format string and its placeholders (the text
/// between the braces, specification included).
fn template(text: &str) -> Option<(String, Vec<String>)> {
    let mut stored = String::new();
    let mut placeholders = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                stored.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                stored.push('}');
            }
            '{' => {
                let mut inside = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        c => inside.push(c),
                    }
                }
                stored.push('\u{1}');
                stored.push(char::from_u32('0' as u32 + placeholders.len() as u32)?);
                placeholders.push(inside);
            }
            '}' => return None,
            c => stored.push(c),
        }
    }
    Some((stored, placeholders))
}

/// The value of a Rust string literal as the compiler reads it: plain or
/// raw, with every escape. `None` for anything else.
fn unquote(source: &str) -> Option<String> {
    if let Some(raw) = source.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let body = body.strip_suffix(&"#".repeat(hashes))?.strip_suffix('"')?;
        return Some(body.to_owned());
    }
    let body = source.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'x' => {
                let hex: String = [chars.next()?, chars.next()?].iter().collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
            }
            'u' => {
                if chars.next()? != '{' {
                    return None;
                }
                let mut hex = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        '_' => {}
                        c => hex.push(c),
                    }
                }
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            // A line continuation: the newline and the spaces after it go.
            '\n' | '\r' => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_read_as_the_compiler_reads_them() {
        assert_eq!(unquote(r#""a\"b\\c\n\u{e9}\x41""#).unwrap(), "a\"b\\c\né\x41");
        assert_eq!(unquote("\"one \\\n     two\"").unwrap(), "one two");
        assert_eq!(unquote(r###"r#"a "quoted" b"#"###).unwrap(), "a \"quoted\" b");
        assert_eq!(unquote("\"año\"").unwrap(), "año");
        assert!(unquote("12").is_none());
    }

    #[test]
    fn a_format_string_becomes_numbered_slots() {
        let (stored, p) = template("{n} de {total} ({share:>3} %) {{no}} {}").unwrap();
        assert_eq!(stored, "\u{1}0 de \u{1}1 (\u{1}2 %) {no} \u{1}3");
        assert_eq!(p, ["n", "total", "share:>3", ""]);
        assert!(template("a } b").is_none());
        assert!(template("a { b").is_none());
    }

    #[test]
    fn the_key_is_fnv1a() {
        // Published FNV-1a 32 test vectors.
        assert_eq!(fnv1a(b""), 0x811c9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c292c);
        assert_eq!(fnv1a(b"foobar"), 0xbf9cf968);
    }
}
