//! The answer code: one respondent's statement answers and role in a short
//! text a facilitator can carry in a link's fragment (`#…`, never sent to a
//! server) or type in. `docs/team.md` describes the format.
//!
//! ```text
//! B2.ZAACAAAAAAAAAAAAAEDFAAAAAAAbrtI
//! │├┘└────────────┬────────────┘└┬─┘
//! ││              │              └ 4 check characters
//! ││              └ 27 characters, two answers each: role, then 52 statements
//! │└ major version of the questionnaire, then "."
//! └ code format
//! ```
//!
//! Each answer is 3 bits: 0 unanswered, 1 strongly agree, 2 somewhat agree,
//! 3 somewhat disagree, 4 strongly disagree, 5 I don't know. The first value
//! is the role (0 none, then the role options in order); then one value per
//! statement in the instrument's page order. Two values make one base64url
//! character (`A–Z a–z 0–9 - _`, no padding), so 52 statements and a role
//! take 27 characters, and the whole code 34. The four check characters are
//! 24 bits of a hash of the questionnaire's fingerprint and the payload: a
//! mistyped, changed or made-up code passes by chance once in about 16.7
//! million tries (format `A`, with one check character, let one in 64
//! through, and is refused with a clear message). The check is not a
//! signature: anyone who knows this format can make a valid code, so a code
//! is only as good as the person who hands it over. Decoding never panics
//! and refuses anything malformed with a message for the facilitator.
//!
//! ```
//! use hr_assessment::code::{decode, encode};
//! use hr_assessment::{Instrument, ItemId, Responses, ScaleAnswer, Shipped};
//!
//! let instrument = Instrument::shipped();
//! let mut r = Responses::default();
//! r.set_statement(ItemId::new("adequate-funding"), ScaleAnswer::StronglyDisagree);
//! let code = encode(instrument, &r);
//! assert_eq!(code.len(), 34);
//! assert_eq!(decode(instrument, &code), Ok(r));
//! ```

use crate::ids::{ItemId, OptionId};
use crate::instrument::Instrument;
use crate::responses::{Responses, ScaleAnswer};
use crate::team::{role_options, ROLE_QUESTION};
use crate::Lang;
use std::fmt;

/// The first character of every code this build writes.
pub const FORMAT: char = 'B';
/// Check characters at the end of a code.
pub const CHECK_CHARS: usize = 4;
/// Role options a code can carry (3 bits, 0 meaning none).
pub const MAX_ROLES: usize = 7;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a code was not read. `Display` is written for the facilitator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing but spaces.
    Empty,
    /// Does not start like an answer code (`A`, digits, `.`).
    NotACode,
    /// A later code format (`C…`), from a newer app.
    NewerFormat,
    /// The first format (`A…`), whose one check character was too weak.
    OlderFormat,
    /// Made with another major version of the questionnaire.
    DifferentVersion { code: String, app: String },
    /// A character outside the code's alphabet, at this 1-based position.
    BadCharacter { position: usize, character: char },
    /// Shorter than a code of this questionnaire.
    Incomplete { missing: usize },
    /// Longer than a code of this questionnaire.
    TooLong { extra: usize },
    /// The check character does not match: a typing mistake, or a code
    /// made for a differently built questionnaire.
    Mistyped,
    /// The check matches but a value is impossible (made by hand).
    Damaged,
}

/// "Copy the code again…": what to do about a damaged code.
fn again(lang: Lang) -> &'static str {
    pick!(
        lang,
        "Copy the code again from the participant's device.",
        "Vuelva a copiar el código desde el dispositivo del participante."
    )
}

/// A character as a facilitator would recognise it.
fn describe(c: char, lang: Lang) -> String {
    match c {
        ' ' => pick!(lang, "a space", "un espacio").to_owned(),
        '\n' | '\r' => pick!(lang, "a line break", "un salto de línea").to_owned(),
        c if c.is_control() || c.is_whitespace() || crate::text::is_forbidden_control(c) => {
            pick!(lang, "an invisible character", "un carácter invisible").to_owned()
        }
        c => format!("\"{c}\""),
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CodeError {}

impl CodeError {
    /// The message for the facilitator, in a language: what is wrong and
    /// what to do. The English one is also `Display`.
    pub fn message(&self, lang: Lang) -> String {
        let again = again(lang);
        match self {
            CodeError::Empty => pick!(lang, "There is no code here. Type or paste the answer code the participant's device shows.", "Aquí no hay ningún código. Escriba o pegue el código de respuestas que muestra el dispositivo del participante.")
                .to_owned(),
            CodeError::NotACode => tr!(
                lang,
                "This is not an answer code from this app: an answer code starts with B, a number and a full stop, such as B1. {again}",
                "Este no es un código de respuestas de esta aplicación: un código de respuestas empieza con B, un número y un punto, como B1. {again}"
            ),
            CodeError::NewerFormat => pick!(lang, "This code was made by a newer version of this app. Open the team view in the newest version of the app, or ask the participant to send their assessment file instead.", "Este código se creó con una versión más reciente de esta aplicación. Abra la vista de equipo en la versión más reciente de la aplicación o pida al participante que le envíe su archivo de evaluación.")
                .to_owned(),
            CodeError::OlderFormat => pick!(lang, "This code was made by an earlier version of this app, whose codes were too easy to mistype or alter without notice, so it is no longer accepted. Ask the participant to open their results page again: it now shows a longer code, which you can add.", "Este código se creó con una versión anterior de esta aplicación, cuyos códigos se podían escribir mal o alterar demasiado fácilmente sin que se notara, así que ya no se acepta. Pida al participante que vuelva a abrir su página de resultados: ahora muestra un código más largo, que usted puede agregar.")
                .to_owned(),
            CodeError::DifferentVersion { code, app } => tr!(
                lang,
                "This code was made with a different version of the questionnaire (version {code}; this app has version {app}), so its answers cannot be read here. Ask the participant to send their assessment file instead, or use the same version of the app.",
                "Este código se creó con otra versión del cuestionario (versión {code}; esta aplicación tiene la versión {app}), así que sus respuestas no se pueden leer aquí. Pida al participante que le envíe su archivo de evaluación o use la misma versión de la aplicación."
            ),
            CodeError::BadCharacter { position, character } => {
                let character = describe(*character, lang);
                tr!(
                    lang,
                    "This code contains {character} at character {position}, which is never part of an answer code. Check for typing mistakes, or copy the code again.",
                    "Este código contiene {character} en la posición {position}, y eso nunca forma parte de un código de respuestas. Revise si hay errores al escribirlo o vuelva a copiar el código."
                )
            }
            CodeError::Incomplete { missing: 1 } => tr!(
                lang,
                "This code is incomplete: 1 character is missing at the end. {again}",
                "Este código está incompleto: falta 1 carácter al final. {again}"
            ),
            CodeError::Incomplete { missing } => tr!(
                lang,
                "This code is incomplete: {missing} characters are missing at the end. {again}",
                "Este código está incompleto: faltan {missing} caracteres al final. {again}"
            ),
            CodeError::TooLong { extra: 1 } => pick!(lang, "This code is too long: 1 character is more than an answer code has. Check that only one code was copied, with nothing added.", "Este código es demasiado largo: tiene 1 carácter más que un código de respuestas. Compruebe que copió un solo código, sin nada añadido.")
                .to_owned(),
            CodeError::TooLong { extra } => tr!(
                lang,
                "This code is too long: {extra} characters are more than an answer code has. Check that only one code was copied, with nothing added.",
                "Este código es demasiado largo: tiene {extra} caracteres más que un código de respuestas. Compruebe que copió un solo código, sin nada añadido."
            ),
            CodeError::Mistyped => tr!(
                lang,
                "This code does not check out: it probably has a typing mistake (a letter in the wrong case, or two characters swapped), or it was made with a different version of the questionnaire. {again}",
                "Este código no es válido: probablemente tiene un error al escribirlo (una letra en mayúscula en lugar de minúscula o al revés, o dos caracteres intercambiados), o se creó con otra versión del cuestionario. {again}"
            ),
            CodeError::Damaged => tr!(
                lang,
                "This code is damaged: it holds answers the questionnaire does not have. {again}",
                "Este código está dañado: contiene respuestas que el cuestionario no tiene. {again}"
            ),
        }
    }
}

/// The major part of the instrument's version: its leading digits ("0" if none).
fn major(instrument: &Instrument) -> String {
    let digits: String = instrument.version.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        "0".to_owned()
    } else {
        digits
    }
}

/// A fingerprint of what the code's positions mean (major version, statement
/// ids in order, role options in order): FNV-1a, 32 bits.
fn fingerprint(instrument: &Instrument, roles: &[OptionId]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    eat(major(instrument).as_bytes());
    eat(&[0]);
    for s in instrument.statements() {
        eat(s.id.as_str().as_bytes());
        eat(b"\n");
    }
    eat(&[0]);
    for r in roles {
        eat(r.as_str().as_bytes());
        eat(b"\n");
    }
    h
}

/// The check value: 24 bits, as four base64url values, of a 64-bit hash
/// (FNV-1a, then the SplitMix64 finalizer, which spreads every input bit
/// over the whole result) of the fingerprint and the payload.
fn check(fp: u32, payload: &[u8]) -> [u8; CHECK_CHARS] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in fp.to_le_bytes().iter().chain(payload) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    [
        (h >> 58) as u8,
        (h >> 52) as u8 & 63,
        (h >> 46) as u8 & 63,
        (h >> 40) as u8 & 63,
    ]
}

fn sextet(c: u8) -> Option<u8> {
    ALPHABET.iter().position(|a| *a == c).map(|p| p as u8)
}

fn value_of(answer: Option<ScaleAnswer>) -> u8 {
    match answer {
        None => 0,
        Some(a) => ScaleAnswer::ALL.iter().position(|x| *x == a).map_or(0, |p| p as u8 + 1),
    }
}

/// Characters in the payload: role and statements, two values each.
fn payload_len(instrument: &Instrument) -> usize {
    (instrument.statements().count() + 1).div_ceil(2)
}

/// The length of every code for this instrument.
pub fn code_length(instrument: &Instrument) -> usize {
    1 + major(instrument).len() + 1 + payload_len(instrument) + CHECK_CHARS
}

/// The whole code for a payload written out in base64url characters, with
/// its check characters; `None` if a character is outside the alphabet. For
/// tests that need codes the app would not write (impossible values with a
/// valid check).
pub fn with_check(instrument: &Instrument, payload: &str) -> Option<String> {
    let values: Vec<u8> = payload.bytes().map(sextet).collect::<Option<_>>()?;
    let roles = role_options(instrument);
    let mut out = format!("{FORMAT}{}.{payload}", major(instrument));
    out.extend(
        check(fingerprint(instrument, &roles), &values)
            .iter()
            .map(|v| char::from(ALPHABET[usize::from(*v)])),
    );
    Some(out)
}

/// The answer code of one respondent's statement answers and role. Other
/// answers (profile choices other than the role, services, TA picks) are
/// not carried; neither is a role past the [`MAX_ROLES`]th option.
pub fn encode(instrument: &Instrument, responses: &Responses) -> String {
    let roles = role_options(instrument);
    let role = responses
        .chosen(&ItemId::new(ROLE_QUESTION))
        .first()
        .and_then(|r| roles.iter().position(|o| o == r))
        .filter(|k| *k < MAX_ROLES)
        .map_or(0, |k| k as u8 + 1);
    let mut values = vec![role];
    values.extend(instrument.statements().map(|s| value_of(responses.statement(&s.id))));
    if values.len() % 2 == 1 {
        values.push(0);
    }
    let payload: Vec<u8> = values.chunks(2).map(|p| (p[0] << 3) | p[1]).collect();
    let mut out = format!("{FORMAT}{}.", major(instrument));
    out.extend(payload.iter().map(|v| char::from(ALPHABET[usize::from(*v)])));
    out.extend(
        check(fingerprint(instrument, &roles), &payload)
            .iter()
            .map(|v| char::from(ALPHABET[usize::from(*v)])),
    );
    out
}

/// Reads an answer code back into answers (statements and the role only).
/// Surrounding spaces are ignored. Checks, in order: the start (`A`, the
/// major version, `.`), the characters, the length, the check character,
/// and finally every value.
pub fn decode(instrument: &Instrument, code: &str) -> Result<Responses, CodeError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    let letter = match code.chars().next() {
        Some(c) if c.is_ascii_uppercase() => c,
        _ => return Err(CodeError::NotACode),
    };
    // The first character is ASCII, so byte 1 starts the digits.
    let digits: String = code[1..].chars().take_while(char::is_ascii_digit).collect();
    let dot = 1 + digits.len();
    if digits.is_empty() || digits.len() > 9 || code.as_bytes().get(dot) != Some(&b'.') {
        return Err(CodeError::NotACode);
    }
    if letter < FORMAT {
        return Err(CodeError::OlderFormat);
    }
    if letter > FORMAT {
        return Err(CodeError::NewerFormat);
    }
    let app = major(instrument);
    if digits != app {
        return Err(CodeError::DifferentVersion { code: digits, app });
    }
    let expected = payload_len(instrument) + CHECK_CHARS;
    let mut values = Vec::with_capacity(expected);
    let mut count = 0usize;
    for (k, c) in code[dot + 1..].chars().enumerate() {
        let v = u8::try_from(c).ok().and_then(sextet).ok_or(CodeError::BadCharacter {
            position: dot + 2 + k,
            character: c,
        })?;
        if values.len() < expected {
            values.push(v);
        }
        count += 1;
    }
    if count < expected {
        return Err(CodeError::Incomplete {
            missing: expected - count,
        });
    }
    if count > expected {
        return Err(CodeError::TooLong {
            extra: count - expected,
        });
    }
    let (payload, check_chars) = values.split_at(expected - CHECK_CHARS);
    let roles = role_options(instrument);
    if check(fingerprint(instrument, &roles), payload)[..] != *check_chars {
        return Err(CodeError::Mistyped);
    }
    let slots: Vec<u8> = payload.iter().flat_map(|v| [v >> 3, v & 7]).collect();
    let statements: Vec<_> = instrument.statements().collect();
    // Slot 0 is the role, then one per statement, then a zero filler if odd.
    if slots.len() > statements.len() + 1 && slots[statements.len() + 1..].iter().any(|v| *v != 0) {
        return Err(CodeError::Damaged);
    }
    let mut out = Responses::default();
    match usize::from(slots[0]) {
        0 => {}
        k if k <= roles.len().min(MAX_ROLES) => out.set_single(ItemId::new(ROLE_QUESTION), roles[k - 1].clone()),
        _ => return Err(CodeError::Damaged),
    }
    for (s, v) in statements.iter().zip(&slots[1..]) {
        match usize::from(*v) {
            0 => {}
            k @ 1..=5 => out.set_statement(s.id.clone(), ScaleAnswer::ALL[k - 1]),
            _ => return Err(CodeError::Damaged),
        }
    }
    Ok(out)
}
