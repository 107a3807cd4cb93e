//! The files a user exports and imports: the assessment file (JSON), its
//! passphrase-protected envelope, and the CSV table of statements.
//! `docs/file-format.md` describes them for people, and
//! `docs/assessment-file.schema.json` as a JSON Schema; tests keep both in
//! step with this code.
//!
//! Everything read here comes from a file the user picked, so nothing is
//! trusted: the size is capped before parsing, nesting is capped before
//! parsing, every field is checked, every id is checked against the
//! instrument, and every refusal is an [`ImportError`] whose message tells a
//! non-technical user what is wrong and what to do. Nothing here panics.
//!
//! ```
//! use hr_assessment::file::{export_json, import};
//! use hr_assessment::{Instrument, Record};
//!
//! let instrument = Instrument::shipped();
//! let record = Record::new(instrument, "a1".into(), "Assessment of 22 November 2026".into(),
//!                          "2026-11-22T10:15:00.000Z".into());
//! let text = export_json(&record, "en", "2026-11-22T10:20:00.000Z");
//! let imported = import(&text, instrument).unwrap();
//! assert_eq!(imported.name, "Assessment of 22 November 2026");
//! assert_eq!(imported.responses, record.responses);
//! ```

use crate::base64;
use crate::benchmark::{national_match, MatchScope};
use crate::ids::{ItemId, OptionId, TaAreaId};
use crate::instrument::{Instrument, Question};
use crate::lang::Lang;
use crate::record::{validate_actions, Action, ActionStatus, PlanProblem, Record, MAX_ACTIONS};
use crate::responses::{ResponseError, Responses, ScaleAnswer};
use crate::scoring::score_answer;
use crate::sorted::{SortedMap, SortedSet};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

/// The `format` marker of an assessment file.
pub const FORMAT: &str = "hr-readiness-assessment";
/// The `format` marker of a passphrase-protected assessment file.
pub const ENCRYPTED_FORMAT: &str = "hr-readiness-assessment-encrypted";
/// The `format` marker of a team summary (`team::team_summary_json`): not
/// an assessment, and refused as one with [`ImportError::TeamSummary`].
pub const TEAM_SUMMARY_FORMAT: &str = "hr-readiness-team-summary";
/// The file format version this build writes. Older versions are read
/// through [`migrate`].
pub const CURRENT_VERSION: u32 = 2;
/// The envelope format version this build writes and reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// Largest assessment file accepted, in bytes (checked before parsing).
pub const MAX_IMPORT_BYTES: usize = 1_000_000;
/// Largest protected file accepted, in bytes: room for the base64 of an
/// encrypted [`MAX_IMPORT_BYTES`] file and the envelope's other fields.
pub const MAX_ENVELOPE_BYTES: usize = 1_400_000;
/// Deepest nesting of arrays and objects accepted (an assessment file
/// needs 6), checked before parsing.
pub const MAX_DEPTH: usize = 16;
/// Longest assessment name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 120;
/// Longest instrument version string.
pub const MAX_VERSION_CHARS: usize = 32;
/// The interface languages a file may name.
pub const LANGUAGES: [&str; 2] = ["en", "es"];
/// The cipher named in the envelope.
pub const CIPHER: &str = "AES-GCM-256";
/// The key derivation named in the envelope.
pub const KDF: &str = "PBKDF2-SHA256";
/// PBKDF2-SHA256 iterations the browser uses when it protects a file, and
/// the fewest accepted when it opens one.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most iterations accepted: a hostile file could otherwise freeze the
/// tab for minutes while the key is derived.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// Salt length in bytes.
pub const SALT_BYTES: usize = 16;
/// AES-GCM initialisation vector (nonce) length in bytes.
pub const IV_BYTES: usize = 12;
/// AES-GCM authentication tag length in bytes: the ciphertext is at least this long.
pub const TAG_BYTES: usize = 16;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why a file was not imported. Nothing is imported when any check fails.
/// `Display` is written for the person who chose the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than `limit` bytes; not parsed at all.
    TooLarge { bytes: usize, limit: usize },
    /// Nothing but whitespace.
    Empty,
    /// The JSON ends before it is complete.
    Truncated,
    /// Not JSON (at this 1-based line and column).
    NotJson { line: usize, column: usize },
    /// Arrays or objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// JSON, but not a file of this app (no or another `format` marker, or
    /// not an object at all).
    NotAnAssessment,
    /// A team summary downloaded from the team view: many people's answers
    /// merged, which cannot become one assessment.
    TeamSummary,
    /// A passphrase-protected file: read it with [`Envelope::parse`], decrypt
    /// it, and import the plaintext.
    Encrypted,
    /// [`Envelope::parse`] was given a file that is not protected.
    NotEncrypted,
    /// `version` is missing, not a whole number, or 0.
    NoVersion,
    /// Written by a newer version of the app.
    NewerVersion { file: u64, app: u32 },
    /// A field is missing, unknown or of the wrong type.
    Shape { field: String, problem: ShapeProblem },
    /// More answers of a kind than the questionnaire has room for; refused
    /// before any id is looked at.
    TooManyAnswers { what: Counted, found: usize, most: usize },
    /// An answer is not on the five-point scale.
    NotAnAnswer { statement: String },
    /// The action plan breaks its rules (too many actions, a title too
    /// long, an unknown TA area, a date that does not exist...).
    Actions { problems: Vec<PlanProblem> },
    /// The answers do not fit the instrument (unknown ids, options over max...).
    Answers {
        problems: Vec<ResponseError>,
        file_instrument: String,
        app_instrument: String,
    },
    /// A text field breaks its rules.
    Text { field: &'static str, problem: TextProblem },
    /// A timestamp is not ISO 8601 as this app writes it.
    Timestamp { field: &'static str },
    /// `language` is not one of [`LANGUAGES`].
    Language,
    /// The envelope names a cipher or key derivation this app does not use.
    Unsupported { field: &'static str },
    /// Fewer than [`PBKDF2_ITERATIONS`] iterations: a weak key.
    WeakKey { iterations: u64 },
    /// More than [`MAX_PBKDF2_ITERATIONS`]: opening it could freeze the page.
    TooManyIterations { iterations: u64 },
    /// A binary field is not strict base64.
    Base64 { field: &'static str },
    /// A binary field has the wrong length.
    Length {
        field: &'static str,
        expected: usize,
        found: usize,
    },
    /// The encrypted data is shorter than an authentication tag.
    NoCiphertext { bytes: usize },
    /// The encrypted data is longer than an encrypted maximum-size file.
    CiphertextTooLarge { bytes: usize },
}

/// What is wrong with the layout of a field of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// Not a group of named values (a JSON object).
    NotAnObject,
    /// A key the file format does not have.
    Unknown,
    Missing,
    NotText,
    NotAList,
    NotAListOfTexts,
    NotAWholeNumber,
    /// An action's status is not one of the three.
    NotAStatus,
}

impl ShapeProblem {
    /// What is wrong, to follow the field's name: "is missing".
    pub fn phrase(self, lang: Lang) -> &'static str {
        use ShapeProblem::*;
        match (self, lang) {
            (NotAnObject, Lang::En) => "should be a group of named values (a JSON object)",
            (NotAnObject, Lang::Es) => "debería ser un grupo de valores con nombre (un objeto JSON)",
            (Unknown, Lang::En) => "is not part of an assessment file",
            (Unknown, Lang::Es) => "no forma parte de un archivo de evaluación",
            (Missing, Lang::En) => "is missing",
            (Missing, Lang::Es) => "no está",
            (NotText, Lang::En) => "should be text",
            (NotText, Lang::Es) => "debería ser texto",
            (NotAList, Lang::En) => "should be a list",
            (NotAList, Lang::Es) => "debería ser una lista",
            (NotAListOfTexts, Lang::En) => "should be a list of texts",
            (NotAListOfTexts, Lang::Es) => "debería ser una lista de textos",
            (NotAWholeNumber, Lang::En) => "should be a whole number",
            (NotAWholeNumber, Lang::Es) => "debería ser un número entero",
            (NotAStatus, Lang::En) => "should be one of not_started, in_progress and done",
            (NotAStatus, Lang::Es) => "debería ser not_started, in_progress o done",
        }
    }
}

impl fmt::Display for ShapeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase(Lang::En))
    }
}

/// The kinds of answers whose number is capped before a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    StatementAnswers,
    ChoiceAnswers,
    GridAnswers,
    OptionsInOneQuestion,
    RowsInOneGrid,
    BoxesInOneRow,
}

impl Counted {
    /// The words after a number: "statement answers".
    pub fn phrase(self, lang: Lang) -> &'static str {
        use Counted::*;
        match (self, lang) {
            (StatementAnswers, Lang::En) => "statement answers",
            (StatementAnswers, Lang::Es) => "respuestas a afirmaciones",
            (ChoiceAnswers, Lang::En) => "choice answers",
            (ChoiceAnswers, Lang::Es) => "respuestas a preguntas de opciones",
            (GridAnswers, Lang::En) => "grid answers",
            (GridAnswers, Lang::Es) => "respuestas a preguntas de tabla",
            (OptionsInOneQuestion, Lang::En) => "options chosen for one question",
            (OptionsInOneQuestion, Lang::Es) => "opciones elegidas en una sola pregunta",
            (RowsInOneGrid, Lang::En) => "rows checked in one grid",
            (RowsInOneGrid, Lang::Es) => "filas marcadas en una sola tabla",
            (BoxesInOneRow, Lang::En) => "boxes checked in one row",
            (BoxesInOneRow, Lang::Es) => "casillas marcadas en una sola fila",
        }
    }
}

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase(Lang::En))
    }
}

/// What is wrong with a text field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty, or only spaces.
    Empty,
    /// Longer than allowed (`chars` after trimming).
    TooLong { chars: usize, max: usize },
    /// Holds a control character (a line break, a tab, a bidirectional override...).
    ControlCharacter,
    /// Not a version such as `1.0.0`.
    NotAVersion,
}

impl TextProblem {
    /// The problem as a sentence about the text, for a message beside the
    /// field: "This text is empty."
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TextProblem::Empty, Lang::En) => "This text is empty.".to_owned(),
            (TextProblem::Empty, Lang::Es) => "Este texto está vacío.".to_owned(),
            (TextProblem::TooLong { chars, max }, Lang::En) => {
                format!("This text is {chars} characters long; at most {max} are allowed.")
            }
            (TextProblem::TooLong { chars, max }, Lang::Es) => {
                format!("Este texto tiene {chars} caracteres; se permiten como máximo {max}.")
            }
            (TextProblem::ControlCharacter, Lang::En) => {
                "This text contains invisible control characters (such as line breaks or tabs), which are not allowed."
                    .to_owned()
            }
            (TextProblem::ControlCharacter, Lang::Es) => {
                "Este texto contiene caracteres de control invisibles (como saltos de línea o tabulaciones), que no están permitidos."
                    .to_owned()
            }
            (TextProblem::NotAVersion, Lang::En) => "This text is not a version number such as 1.0.0.".to_owned(),
            (TextProblem::NotAVersion, Lang::Es) => "Este texto no es un número de versión como 1.0.0.".to_owned(),
        }
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// "1.1 MB" ("1,1 MB" in Spanish): bytes as megabytes, rounded up to a
/// tenth so that a file just over the limit never reads as equal to it.
fn megabytes(bytes: usize, lang: Lang) -> String {
    lang.tenths(bytes.div_ceil(100_000) as u64)
}

/// The limit in megabytes, without a needless ".0".
fn limit_megabytes(bytes: usize, lang: Lang) -> String {
    let tenths = bytes / 100_000;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        lang.tenths(tenths as u64)
    }
}

/// The check to make on a file's size before reading it at all: a file
/// larger than [`MAX_ENVELOPE_BYTES`] is neither an assessment file nor a
/// protected one, and is refused with the same words [`import`] would use.
/// Smaller files are read, and [`detect`], [`import`] or
/// [`Envelope::parse`] apply the limit of their kind.
pub fn refuse_before_reading(bytes: u64) -> Option<ImportError> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    (bytes > MAX_ENVELOPE_BYTES).then_some(ImportError::TooLarge {
        bytes,
        limit: MAX_IMPORT_BYTES,
    })
}

/// Text from the file, safe and short enough to show inside a message:
/// control characters become `?`, and long text is cut with "…".
pub(crate) fn shown(text: &str, max: usize) -> String {
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

const AGAIN: &str = "Export the assessment again from this app and import the new file.";
const CHOOSE: &str = "Choose the file you exported from this app.";

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        match self {
            TooLarge { bytes, limit } => {
                let kind = if *limit == MAX_IMPORT_BYTES {
                    "assessment files"
                } else {
                    "protected assessment files"
                };
                write!(
                    f,
                    "This file is {} MB; {kind} are under {} MB. {CHOOSE}",
                    megabytes(*bytes, Lang::En),
                    limit_megabytes(*limit, Lang::En)
                )
            }
            Empty => write!(f, "This file is empty. {CHOOSE}"),
            Truncated => write!(
                f,
                "This file ends too early: it was probably cut short while it was downloaded, copied or saved. {AGAIN}"
            ),
            NotJson { line, column } => write!(
                f,
                "This file is damaged or is not an assessment file: it cannot be read (line {line}, character {column}). {CHOOSE}"
            ),
            TooDeep => write!(
                f,
                "This is not an assessment file from this app: its contents are nested far deeper than an assessment's. {CHOOSE}"
            ),
            NotAnAssessment => write!(f, "This is not an assessment file from this app. {CHOOSE}"),
            TeamSummary => f.write_str(
                "This is a team summary, with several people's answers merged, so it cannot be read as one assessment. Use each person's own assessment file or answer code.",
            ),
            Encrypted => f.write_str(
                "This assessment file is protected with a passphrase. Enter the passphrase that was chosen when it was exported.",
            ),
            NotEncrypted => f.write_str(
                "This assessment file is not protected with a passphrase, so none is needed. Import it as it is.",
            ),
            NoVersion => write!(
                f,
                "This file does not say which version of the file format it uses, so it cannot be read safely. It may have been edited by hand. {AGAIN}"
            ),
            NewerVersion { file, app } => write!(
                f,
                "This file was made by a newer version of this app (file format version {file}; this version reads versions up to {app}). Open it in the newest version of the app."
            ),
            Shape { field, problem } => write!(
                f,
                "This file does not have the layout of an assessment file: \"{}\" {problem}. It may have been edited or damaged. {AGAIN}",
                shown(field, 60)
            ),
            TooManyAnswers { what, found, most } => write!(
                f,
                "This file holds {found} {what}, but the questionnaire has room for only {most}. It is damaged or was not made by this app, so nothing was imported. {CHOOSE}"
            ),
            NotAnAnswer { statement } => write!(
                f,
                "The answer to \"{}\" in this file is not one of the five answers (strongly agree to I don't know). It may have been edited or damaged. {AGAIN}",
                shown(statement, 60)
            ),
            Actions { problems } => {
                let first: Vec<String> = problems.iter().take(3).map(|p| shown(&p.to_string(), 160)).collect();
                let more = problems.len().saturating_sub(3);
                write!(
                    f,
                    "The action plan in this file breaks its rules, so nothing was imported: {}",
                    first.join("; ")
                )?;
                if more > 0 {
                    write!(f, " (and {more} more)")?;
                }
                write!(f, ". The file may have been edited or damaged. {AGAIN}")
            }
            Answers {
                problems,
                file_instrument,
                app_instrument,
            } => {
                let first: Vec<String> = problems.iter().take(3).map(|p| shown(&p.to_string(), 160)).collect();
                let more = problems.len().saturating_sub(3);
                write!(
                    f,
                    "Some answers in this file do not fit this questionnaire, so nothing was imported: {}",
                    first.join("; ")
                )?;
                if more > 0 {
                    write!(f, " (and {more} more)")?;
                }
                f.write_str(". ")?;
                if file_instrument != app_instrument {
                    write!(
                        f,
                        "The file was made with version {} of the questionnaire; this app has version {}. Open it in a copy of the app with that version.",
                        shown(file_instrument, MAX_VERSION_CHARS),
                        shown(app_instrument, MAX_VERSION_CHARS)
                    )
                } else {
                    write!(f, "The file may have been edited or damaged. {AGAIN}")
                }
            }
            Text { field, problem } => {
                let what = match *field {
                    "name" => "The assessment's name in this file",
                    "instrument_version" => "The questionnaire version in this file",
                    _ => "A text in this file",
                };
                match problem {
                    TextProblem::Empty => write!(f, "{what} is empty. {AGAIN}"),
                    TextProblem::TooLong { chars, max } => write!(
                        f,
                        "{what} is {chars} characters long; at most {max} are allowed. The file has been edited or damaged. {AGAIN}"
                    ),
                    TextProblem::ControlCharacter => write!(
                        f,
                        "{what} contains invisible control characters (such as line breaks or tabs), which are not allowed. The file has been edited or damaged. {AGAIN}"
                    ),
                    TextProblem::NotAVersion => write!(
                        f,
                        "{what} is not a version number such as 1.0.0. The file has been edited or damaged. {AGAIN}"
                    ),
                }
            }
            Timestamp { field } => write!(
                f,
                "The \"{field}\" date in this file is not a date and time this app can read (such as 2026-11-22T10:15:00Z). The file has been edited or damaged. {AGAIN}"
            ),
            Language => write!(
                f,
                "This file names a language this app does not have (it has English \"en\" and Spanish \"es\"). The file has been edited or damaged. {AGAIN}"
            ),
            Unsupported { field } => write!(
                f,
                "This protected file uses a protection method ({field}) this app does not use, so it cannot be opened here. {CHOOSE}"
            ),
            WeakKey { iterations } => write!(
                f,
                "This protected file was made with a weak key setting ({iterations} rounds; this app requires at least {PBKDF2_ITERATIONS}), so it will not be opened. {CHOOSE}"
            ),
            TooManyIterations { iterations } => write!(
                f,
                "This protected file asks for {iterations} rounds of key stretching, more than the {MAX_PBKDF2_ITERATIONS} this app allows: opening it could freeze this page. {CHOOSE}"
            ),
            Base64 { field } => write!(
                f,
                "This protected file is damaged: its \"{field}\" is not valid base64 text. {AGAIN}"
            ),
            Length { field, expected, found } => write!(
                f,
                "This protected file is damaged: its \"{field}\" is {found} bytes long but must be {expected}. {AGAIN}"
            ),
            NoCiphertext { bytes } => write!(
                f,
                "This protected file is damaged: its encrypted contents are {bytes} bytes long, too short to hold an assessment. {AGAIN}"
            ),
            CiphertextTooLarge { bytes } => write!(
                f,
                "This protected file holds {} MB of encrypted data; an assessment is under 1 MB. {CHOOSE}",
                megabytes(*bytes, Lang::En)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

const AGAIN_ES: &str = "Vuelva a exportar la evaluación desde esta aplicación e importe el archivo nuevo.";
const CHOOSE_ES: &str = "Elija el archivo que exportó desde esta aplicación.";

/// Up to three problems joined with "; ", each shown short, and how many
/// more there are.
fn first_three(problems: impl ExactSizeIterator<Item = String>) -> (String, usize) {
    let more = problems.len().saturating_sub(3);
    let first: Vec<String> = problems.take(3).map(|p| shown(&p, 160)).collect();
    (first.join("; "), more)
}

impl ImportError {
    /// The message for the person who chose the file, in a language: what
    /// is wrong and what to do. The English one is also `Display`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Es => self.spanish(),
        }
    }

    fn spanish(&self) -> String {
        use ImportError::*;
        match self {
            TooLarge { bytes, limit } => {
                let kind = if *limit == MAX_IMPORT_BYTES {
                    "los archivos de evaluación"
                } else {
                    "los archivos de evaluación protegidos"
                };
                format!(
                    "Este archivo pesa {} MB; {kind} pesan menos de {} MB. {CHOOSE_ES}",
                    megabytes(*bytes, Lang::Es),
                    limit_megabytes(*limit, Lang::Es)
                )
            }
            Empty => format!("Este archivo está vacío. {CHOOSE_ES}"),
            Truncated => format!(
                "Este archivo termina antes de tiempo: probablemente se cortó al descargarlo, copiarlo o guardarlo. {AGAIN_ES}"
            ),
            NotJson { line, column } => format!(
                "Este archivo está dañado o no es un archivo de evaluación: no se puede leer (línea {line}, carácter {column}). {CHOOSE_ES}"
            ),
            TooDeep => format!(
                "Este no es un archivo de evaluación de esta aplicación: su contenido tiene muchos más niveles anidados que una evaluación. {CHOOSE_ES}"
            ),
            NotAnAssessment => format!("Este no es un archivo de evaluación de esta aplicación. {CHOOSE_ES}"),
            TeamSummary => "Este es un resumen del equipo, con las respuestas de varias personas combinadas, así que no se puede leer como una sola evaluación. Use el archivo de evaluación o el código de respuestas de cada persona.".to_owned(),
            Encrypted => "Este archivo de evaluación está protegido con una frase de contraseña. Escriba la frase de contraseña que se eligió al exportarlo.".to_owned(),
            NotEncrypted => "Este archivo de evaluación no está protegido con una frase de contraseña, así que no hace falta ninguna. Impórtelo tal como está.".to_owned(),
            NoVersion => format!(
                "Este archivo no indica qué versión del formato de archivo usa, así que no se puede leer con seguridad. Puede que se haya editado a mano. {AGAIN_ES}"
            ),
            NewerVersion { file, app } => format!(
                "Este archivo se creó con una versión más reciente de esta aplicación (versión {file} del formato de archivo; esta versión lee hasta la versión {app}). Ábralo en la versión más reciente de la aplicación."
            ),
            Shape { field, problem } => format!(
                "Este archivo no tiene la estructura de un archivo de evaluación: el campo \"{}\" {}. Puede que se haya editado o dañado. {AGAIN_ES}",
                shown(field, 60),
                problem.phrase(Lang::Es)
            ),
            TooManyAnswers { what, found, most } => format!(
                "Este archivo contiene {found} {}, pero el cuestionario solo tiene espacio para {most}. Está dañado o no lo creó esta aplicación, así que no se importó nada. {CHOOSE_ES}",
                what.phrase(Lang::Es)
            ),
            NotAnAnswer { statement } => format!(
                "La respuesta a \"{}\" en este archivo no es una de las cinco respuestas (de muy de acuerdo a no sé). Puede que se haya editado o dañado. {AGAIN_ES}",
                shown(statement, 60)
            ),
            Actions { problems } => {
                let (first, more) = first_three(problems.iter().map(|p| p.message(Lang::Es)));
                let more = if more > 0 { format!(" (y {more} más)") } else { String::new() };
                format!(
                    "El plan de acción de este archivo no cumple sus reglas, así que no se importó nada: {first}{more}. Puede que el archivo se haya editado o dañado. {AGAIN_ES}"
                )
            }
            Answers {
                problems,
                file_instrument,
                app_instrument,
            } => {
                let (first, more) = first_three(problems.iter().map(|p| p.message(Lang::Es)));
                let more = if more > 0 { format!(" (y {more} más)") } else { String::new() };
                let advice = if file_instrument != app_instrument {
                    format!(
                        "El archivo se creó con la versión {} del cuestionario; esta aplicación tiene la versión {}. Ábralo en una copia de la aplicación que tenga esa versión.",
                        shown(file_instrument, MAX_VERSION_CHARS),
                        shown(app_instrument, MAX_VERSION_CHARS)
                    )
                } else {
                    format!("Puede que el archivo se haya editado o dañado. {AGAIN_ES}")
                };
                format!(
                    "Algunas respuestas de este archivo no corresponden a este cuestionario, así que no se importó nada: {first}{more}. {advice}"
                )
            }
            Text { field, problem } => {
                // (subject, "empty" agreeing with it)
                let (what, empty) = match *field {
                    "name" => ("El nombre de la evaluación en este archivo", "vacío"),
                    "instrument_version" => ("La versión del cuestionario en este archivo", "vacía"),
                    _ => ("Un texto de este archivo", "vacío"),
                };
                let edited = "El archivo se editó o se dañó.";
                match problem {
                    TextProblem::Empty => format!("{what} está {empty}. {AGAIN_ES}"),
                    TextProblem::TooLong { chars, max } => format!(
                        "{what} tiene {chars} caracteres; se permiten como máximo {max}. {edited} {AGAIN_ES}"
                    ),
                    TextProblem::ControlCharacter => format!(
                        "{what} contiene caracteres de control invisibles (como saltos de línea o tabulaciones), que no están permitidos. {edited} {AGAIN_ES}"
                    ),
                    TextProblem::NotAVersion => format!(
                        "{what} no es un número de versión como 1.0.0. {edited} {AGAIN_ES}"
                    ),
                }
            }
            Timestamp { field } => format!(
                "La fecha \"{field}\" de este archivo no es una fecha y hora que esta aplicación pueda leer (como 2026-11-22T10:15:00Z). El archivo se editó o se dañó. {AGAIN_ES}"
            ),
            Language => format!(
                "Este archivo indica un idioma que esta aplicación no tiene (tiene inglés, \"en\", y español, \"es\"). El archivo se editó o se dañó. {AGAIN_ES}"
            ),
            Unsupported { field } => format!(
                "Este archivo protegido usa un método de protección ({field}) que esta aplicación no usa, así que no se puede abrir aquí. {CHOOSE_ES}"
            ),
            WeakKey { iterations } => format!(
                "Este archivo protegido se creó con una configuración de clave débil ({iterations} rondas; esta aplicación exige al menos {PBKDF2_ITERATIONS}), así que no se abrirá. {CHOOSE_ES}"
            ),
            TooManyIterations { iterations } => format!(
                "Este archivo protegido pide {iterations} rondas de refuerzo de la clave, más de las {MAX_PBKDF2_ITERATIONS} que permite esta aplicación: abrirlo podría bloquear esta página. {CHOOSE_ES}"
            ),
            Base64 { field } => format!(
                "Este archivo protegido está dañado: su campo \"{field}\" no es texto base64 válido. {AGAIN_ES}"
            ),
            Length { field, expected, found } => format!(
                "Este archivo protegido está dañado: su campo \"{field}\" mide {found} bytes, pero debe medir {expected}. {AGAIN_ES}"
            ),
            NoCiphertext { bytes } => format!(
                "Este archivo protegido está dañado: su contenido cifrado mide {bytes} bytes, demasiado poco para contener una evaluación. {AGAIN_ES}"
            ),
            CiphertextTooLarge { bytes } => format!(
                "Este archivo protegido contiene {} MB de datos cifrados; una evaluación pesa menos de 1 MB. {CHOOSE_ES}",
                megabytes(*bytes, Lang::Es)
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Small strict checkers
// ---------------------------------------------------------------------------

/// Characters refused in names and versions: the C0 and C1 controls and
/// DEL (Unicode category Cc), the line and paragraph separators, and the
/// bidirectional embeddings, overrides and isolates (which can make a name
/// display as something it is not).
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks a text field: trims it, then 1..=`max` characters and no
/// forbidden control character. Returns the trimmed text.
fn check_text<'a>(field: &'static str, text: &'a str, max: usize) -> Result<&'a str, ImportError> {
    let problem = |problem| ImportError::Text { field, problem };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(problem(TextProblem::Empty));
    }
    let chars = trimmed.chars().count();
    if chars > max {
        return Err(problem(TextProblem::TooLong { chars, max }));
    }
    if trimmed.chars().any(is_forbidden_control) {
        return Err(problem(TextProblem::ControlCharacter));
    }
    Ok(trimmed)
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
fn is_version(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

/// Whether `s` is an ISO 8601 date and time as browsers write it:
/// `YYYY-MM-DDTHH:MM:SS`, optional fraction of 1–9 digits, then `Z` or an
/// offset `±HH:MM`. Every part is range-checked (months, days of the month
/// with leap years, hours, minutes, seconds 00–59); nothing else is accepted
/// (no lowercase `t`, no space, no week dates, no leap second).
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter()
            .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0, 4),
        digits(5, 2),
        digits(8, 2),
        digits(11, 2),
        digits(14, 2),
        digits(17, 2),
    ) else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        let fraction = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if !(1..=9).contains(&fraction) {
            return false;
        }
        i += 1 + fraction;
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let (Some(h), Some(m)) = (digits(i + 1, 2), digits(i + 4, 2)) else {
                return false;
            };
            at(i + 3, b':') && h <= 23 && m <= 59 && i + 6 == b.len()
        }
        _ => false,
    }
}

/// Whether arrays and objects in JSON text nest deeper than `limit`, counted
/// without parsing (brackets inside strings do not count): one linear pass,
/// no recursion, so it is safe on any input.
fn nesting_exceeds(text: &str, limit: usize) -> bool {
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

// ---------------------------------------------------------------------------
// Reading JSON objects field by field, with messages naming the field
// ---------------------------------------------------------------------------

fn shape(field: impl Into<String>, problem: ShapeProblem) -> ImportError {
    ImportError::Shape {
        field: field.into(),
        problem,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The object at `path`, with every key known and the `required` ones present.
pub(crate) fn object<'a>(
    value: &'a Value,
    path: &str,
    required: &[&str],
    optional: &[&str],
) -> Result<&'a Map<String, Value>, ImportError> {
    let map = value
        .as_object()
        .ok_or_else(|| shape(path, ShapeProblem::NotAnObject))?;
    if let Some(unknown) = map
        .keys()
        .find(|k| !required.contains(&k.as_str()) && !optional.contains(&k.as_str()))
    {
        return Err(shape(join(path, unknown), ShapeProblem::Unknown));
    }
    if let Some(missing) = required.iter().find(|k| !map.contains_key(**k)) {
        return Err(shape(join(path, missing), ShapeProblem::Missing));
    }
    Ok(map)
}

pub(crate) fn text_of<'a>(map: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a str, ImportError> {
    map.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| shape(join(path, key), ShapeProblem::NotText))
}

/// `version` as a number: `None` when missing or not a whole number.
pub(crate) fn version_of(value: &Value) -> Option<u64> {
    value.get("version").and_then(Value::as_u64)
}

fn timestamp(map: &Map<String, Value>, path: &str, key: &'static str) -> Result<String, ImportError> {
    let s = text_of(map, path, key)?;
    if is_timestamp(s) {
        Ok(s.to_owned())
    } else {
        Err(ImportError::Timestamp { field: key })
    }
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

#[derive(Serialize)]
struct PlainFile<'a> {
    format: &'static str,
    version: u32,
    exported: &'a str,
    language: &'a str,
    instrument_version: &'a str,
    assessment: AssessmentOut<'a>,
}

#[derive(Serialize)]
struct AssessmentOut<'a> {
    name: String,
    created: &'a str,
    updated: &'a str,
    responses: &'a Responses,
    #[serde(skip_serializing_if = "<[Action]>::is_empty")]
    actions: &'a [Action],
}

/// The assessment as a file of the current version ([`CURRENT_VERSION`]),
/// pretty-printed, with its action plan (left out when empty). `language` is the
/// app's interface language (`"en"` or `"es"`), `exported` the ISO 8601 UTC
/// time of the export. The name is written through [`clean_name`], so
/// every file this writes can be imported again.
pub fn export_json(record: &Record, language: &str, exported: &str) -> String {
    let file = PlainFile {
        format: FORMAT,
        version: CURRENT_VERSION,
        exported,
        language,
        instrument_version: &record.instrument_version,
        assessment: AssessmentOut {
            name: clean_name(&record.name),
            created: &record.created,
            updated: &record.updated,
            responses: &record.responses,
            actions: &record.actions,
        },
    };
    // Plain data with string keys: serialization cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------

/// One migration step: a file of version `n` (as JSON) in, version `n + 1`
/// out, with `version` set to `n + 1`.
pub type Step = fn(Value) -> Result<Value, ImportError>;

/// `STEPS[n - 1]` turns version `n` into version `n + 1`. The array's length
/// is tied to [`CURRENT_VERSION`], so raising the version without adding its
/// step does not compile.
const STEPS: [Step; CURRENT_VERSION as usize - 1] = [v1_to_v2];

/// Version 2 lets the assessment carry an action plan (`actions`, optional).
/// A version-1 file has none, so the step only sets `version` to 2 (and
/// refuses a version-1 file that claims an action plan, which version 1 never
/// had); anything else in the file is left for the checks of the current
/// version.
fn v1_to_v2(mut value: Value) -> Result<Value, ImportError> {
    if value.pointer("/assessment/actions").is_some() {
        return Err(shape("assessment.actions", ShapeProblem::Unknown));
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("version".to_owned(), Value::from(2u32));
    }
    Ok(value)
}

/// Brings a file of version `from` up to [`CURRENT_VERSION`] by running
/// every step from `from` on, in order. The current version goes through
/// the same path and comes out unchanged. Version 0 is refused as
/// [`ImportError::NoVersion`], a newer one as [`ImportError::NewerVersion`].
pub fn migrate(value: Value, from: u32) -> Result<Value, ImportError> {
    if from == 0 {
        return Err(ImportError::NoVersion);
    }
    if from > CURRENT_VERSION {
        return Err(ImportError::NewerVersion {
            file: u64::from(from),
            app: CURRENT_VERSION,
        });
    }
    let first = (from - 1) as usize;
    STEPS
        .get(first..)
        .unwrap_or_default()
        .iter()
        .try_fold(value, |v, step| step(v))
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/// An assessment read from a file, every field checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Trimmed, 1–120 characters, no control characters. Plain text: show
    /// it as text, never as markup.
    pub name: String,
    pub created: String,
    pub updated: String,
    /// The questionnaire version the answers were given to.
    pub instrument_version: String,
    /// The interface language of the app that exported it.
    pub language: String,
    pub exported: String,
    /// Every id checked against the instrument.
    pub responses: Responses,
    /// The action plan, every action checked (empty when the file has none).
    pub actions: Vec<Action>,
    /// Answers to statements an earlier questionnaire version asked and this
    /// one does not: kept aside, never scored ([`crate::upgrade`]).
    pub retired: SortedMap<ItemId, ScaleAnswer>,
    /// Things the user should know that do not stop the import, in words,
    /// in the language given to [`import_in`] (English from [`import`]);
    /// [`Imported::notices`] gives the same as data.
    pub warnings: Vec<String>,
}

/// Something the user should know about an imported file that does not stop
/// the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// Made with another version of the questionnaire, whose ids all fit.
    OtherVersion { file: String, app: String },
    /// Exported from the app in another language (codes such as `es`).
    OtherLanguage { file: String, app: String },
    /// Answers to statements this version asks differently, kept aside.
    Retired { count: usize },
}

impl ImportWarning {
    /// The warning as sentences, in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportWarning::OtherVersion { file, app }, Lang::En) => format!(
                "This file was made with version {file} of the questionnaire; this app has version {app}. Answers to the statements both versions ask are kept as they are."
            ),
            (ImportWarning::OtherVersion { file, app }, Lang::Es) => format!(
                "Este archivo se creó con la versión {file} del cuestionario; esta aplicación tiene la versión {app}. Las respuestas a las afirmaciones que ambas versiones hacen se conservan tal como están."
            ),
            (ImportWarning::Retired { count: 1 }, Lang::En) => "One answer was given to a statement this version asks differently. It is kept but not counted: “Check your answers” shows which statement needs a fresh answer, and why.".to_owned(),
            (ImportWarning::Retired { count }, Lang::En) => format!(
                "{count} answers were given to statements this version asks differently. They are kept but not counted: “Check your answers” shows which statements need a fresh answer, and why."
            ),
            (ImportWarning::Retired { count: 1 }, Lang::Es) => "Una respuesta corresponde a una afirmación que esta versión pregunta de otra forma. Se conserva, pero no se cuenta: “Revise sus respuestas” muestra qué afirmación necesita una respuesta nueva y por qué.".to_owned(),
            (ImportWarning::Retired { count }, Lang::Es) => format!(
                "{count} respuestas corresponden a afirmaciones que esta versión pregunta de otra forma. Se conservan, pero no se cuentan: “Revise sus respuestas” muestra qué afirmaciones necesitan una respuesta nueva y por qué."
            ),
            (ImportWarning::OtherLanguage { file, app }, Lang::En) => format!(
                "This file was exported from the app in {}; the questions here are shown in {}. The answers are the same.",
                language_name(file, lang),
                language_name(app, lang)
            ),
            (ImportWarning::OtherLanguage { file, app }, Lang::Es) => format!(
                "Este archivo se exportó desde la aplicación en {}; aquí las preguntas se muestran en {}. Las respuestas son las mismas.",
                language_name(file, lang),
                language_name(app, lang)
            ),
        }
    }
}

impl Imported {
    /// The warnings as data, for `instrument` (the one the file was
    /// imported with): another questionnaire version, another language.
    pub fn notices(&self, instrument: &Instrument) -> Vec<ImportWarning> {
        let mut out = Vec::new();
        if self.instrument_version != instrument.version {
            out.push(ImportWarning::OtherVersion {
                file: self.instrument_version.clone(),
                app: instrument.version.clone(),
            });
        }
        if self.language != instrument.language {
            out.push(ImportWarning::OtherLanguage {
                file: self.language.clone(),
                app: instrument.language.clone(),
            });
        }
        if !self.retired.is_empty() {
            out.push(ImportWarning::Retired {
                count: self.retired.len(),
            });
        }
        out
    }

    /// A stored record for the imported assessment, under a new `id`, with
    /// the file's name, timestamps, questionnaire version and answers.
    pub fn into_record(self, instrument: &Instrument, id: String) -> Record {
        let mut record = Record::new(instrument, id, self.name, self.created);
        record.instrument_version = self.instrument_version;
        record.updated = self.updated;
        record.responses = self.responses;
        record.actions = self.actions;
        record.retired = self.retired;
        record.upgrade(instrument);
        record
    }
}

/// Reads an assessment file, checking everything, in this order: size,
/// nesting, JSON syntax, the `format` marker (a protected file gives
/// [`ImportError::Encrypted`]), `version` (migrating older versions), the
/// fields, the number of answers, the answers' shape, the text fields,
/// every id against `instrument`, and finally the action plan.
pub fn import(text: &str, instrument: &Instrument) -> Result<Imported, ImportError> {
    import_in(text, instrument, Lang::En)
}

/// [`import`], with the warnings in `lang` (errors are data: show them with
/// [`ImportError::message`]). Pass the instrument in the same language
/// ([`Instrument::shipped_in`]): the language warning compares the file's
/// language with the instrument's.
pub fn import_in(text: &str, instrument: &Instrument, lang: Lang) -> Result<Imported, ImportError> {
    let value = parse_json(text, MAX_IMPORT_BYTES)?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(ENCRYPTED_FORMAT) => return Err(ImportError::Encrypted),
        Some(TEAM_SUMMARY_FORMAT) => return Err(ImportError::TeamSummary),
        _ => return Err(ImportError::NotAnAssessment),
    }
    let version = match version_of(&value) {
        None | Some(0) => return Err(ImportError::NoVersion),
        Some(v) => u32::try_from(v).map_err(|_| ImportError::NewerVersion {
            file: v,
            app: CURRENT_VERSION,
        })?,
    };
    let value = migrate(value, version)?;
    let mut imported = read_current(&value, instrument)?;
    imported.warnings = imported.notices(instrument).iter().map(|w| w.message(lang)).collect();
    Ok(imported)
}

const TOP: [&str; 6] = [
    "format",
    "version",
    "exported",
    "language",
    "instrument_version",
    "assessment",
];
const ASSESSMENT: [&str; 4] = ["name", "created", "updated", "responses"];
const ASSESSMENT_OPTIONAL: [&str; 1] = ["actions"];
const ACTION: [&str; 5] = ["id", "title", "owner", "status", "notes"];
const ACTION_OPTIONAL: [&str; 2] = ["area", "due"];
const RESPONSES: [&str; 3] = ["statements", "choices", "grids"];

/// Reads a file of the current version.
fn read_current(value: &Value, instrument: &Instrument) -> Result<Imported, ImportError> {
    let top = object(value, "", &TOP, &[])?;
    let assessment = object(&top["assessment"], "assessment", &ASSESSMENT, &ASSESSMENT_OPTIONAL)?;
    let responses = object(&assessment["responses"], "assessment.responses", &[], &RESPONSES)?;

    let name = check_text("name", text_of(assessment, "assessment", "name")?, MAX_NAME_CHARS)?.to_owned();
    let version_text = text_of(top, "", "instrument_version")?;
    let instrument_version = check_text("instrument_version", version_text, MAX_VERSION_CHARS)?;
    if !is_version(instrument_version) || instrument_version != version_text {
        return Err(ImportError::Text {
            field: "instrument_version",
            problem: TextProblem::NotAVersion,
        });
    }
    let language = text_of(top, "", "language")?;
    if !LANGUAGES.contains(&language) {
        return Err(ImportError::Language);
    }
    let exported = timestamp(top, "", "exported")?;
    let created = timestamp(assessment, "assessment", "created")?;
    let updated = timestamp(assessment, "assessment", "updated")?;

    let mut responses = read_responses(responses, instrument, instrument_version)?;
    let retired = crate::upgrade::take_retired(instrument, &mut responses);
    if let Err(errors) = responses.validate(instrument) {
        return Err(ImportError::Answers {
            problems: errors,
            file_instrument: instrument_version.to_owned(),
            app_instrument: instrument.version.clone(),
        });
    }

    let actions = read_actions(assessment.get("actions"), instrument)?;

    Ok(Imported {
        name,
        created,
        updated,
        instrument_version: instrument_version.to_owned(),
        language: language.to_owned(),
        exported,
        responses,
        actions,
        retired,
        warnings: Vec::new(),
    })
}

/// The action plan: a list of objects with every field of the right type,
/// then the plan's rules ([`validate_actions`]). The number of actions is
/// checked before any action is read.
fn read_actions(value: Option<&Value>, instrument: &Instrument) -> Result<Vec<Action>, ImportError> {
    const PATH: &str = "assessment.actions";
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let list = value.as_array().ok_or_else(|| shape(PATH, ShapeProblem::NotAList))?;
    if list.len() > MAX_ACTIONS {
        return Err(ImportError::Actions {
            problems: vec![PlanProblem::TooMany {
                found: list.len(),
                max: MAX_ACTIONS,
            }],
        });
    }
    let mut actions = Vec::with_capacity(list.len());
    for (k, item) in list.iter().enumerate() {
        let path = format!("{PATH}.{k}");
        let map = object(item, &path, &ACTION, &ACTION_OPTIONAL)?;
        let optional = |key: &str| -> Result<Option<String>, ImportError> {
            match map.get(key) {
                None => Ok(None),
                Some(_) => text_of(map, &path, key).map(|s| Some(s.to_owned())),
            }
        };
        let status = text_of(map, &path, "status")?;
        let status =
            ActionStatus::parse(status).ok_or_else(|| shape(join(&path, "status"), ShapeProblem::NotAStatus))?;
        actions.push(Action {
            id: text_of(map, &path, "id")?.to_owned(),
            area: optional("area")?.map(TaAreaId::new),
            title: text_of(map, &path, "title")?.to_owned(),
            owner: text_of(map, &path, "owner")?.to_owned(),
            due: optional("due")?,
            status,
            notes: text_of(map, &path, "notes")?.to_owned(),
        });
    }
    validate_actions(&actions, instrument).map_err(|problems| ImportError::Actions { problems })?;
    Ok(actions)
}

/// A language's name in a language: "Spanish", "inglés".
fn language_name(code: &str, lang: Lang) -> &str {
    match (code, lang) {
        ("en", Lang::En) => "English",
        ("es", Lang::En) => "Spanish",
        ("en", Lang::Es) => "inglés",
        ("es", Lang::Es) => "español",
        (other, _) => other,
    }
}

/// The most answers of each kind the instrument has room for.
struct Room {
    statements: usize,
    choices: usize,
    options: usize,
    grids: usize,
    rows: usize,
    columns: usize,
}

impl Room {
    fn of(instrument: &Instrument) -> Room {
        let mut room = Room {
            statements: 0,
            choices: 0,
            options: 0,
            grids: 0,
            rows: 0,
            columns: 0,
        };
        for q in &instrument.questions {
            match q {
                Question::Statement(_) => room.statements += 1,
                Question::Grid(g) => {
                    room.grids += 1;
                    room.rows = room.rows.max(g.rows.len());
                    room.columns = room.columns.max(g.columns.len());
                }
                _ => {
                    room.choices += 1;
                    room.options = room.options.max(instrument.list_options(q).len());
                }
            }
        }
        // A file of an earlier version may also answer its retired statements.
        room.statements += instrument.retired.len();
        room
    }
}

fn at_most(what: Counted, found: usize, most: usize) -> Result<(), ImportError> {
    if found > most {
        Err(ImportError::TooManyAnswers { what, found, most })
    } else {
        Ok(())
    }
}

/// The answers, in the shape `Responses` serializes to. Counts are checked
/// before anything else; empty lists and rows (which the app never writes)
/// are dropped; a column ticked twice in one row is refused.
fn read_responses(
    map: &Map<String, Value>,
    instrument: &Instrument,
    file_instrument: &str,
) -> Result<Responses, ImportError> {
    const PATH: &str = "assessment.responses";
    let room = Room::of(instrument);
    let empty = Map::new();
    let section = |key: &str| -> Result<&Map<String, Value>, ImportError> {
        match map.get(key) {
            None => Ok(&empty),
            Some(v) => v
                .as_object()
                .ok_or_else(|| shape(join(PATH, key), ShapeProblem::NotAnObject)),
        }
    };
    let (statements, choices, grids) = (section("statements")?, section("choices")?, section("grids")?);
    at_most(Counted::StatementAnswers, statements.len(), room.statements)?;
    at_most(Counted::ChoiceAnswers, choices.len(), room.choices)?;
    at_most(Counted::GridAnswers, grids.len(), room.grids)?;
    for (id, chosen) in choices {
        let list = chosen
            .as_array()
            .ok_or_else(|| shape(format!("{PATH}.choices.{id}"), ShapeProblem::NotAList))?;
        at_most(Counted::OptionsInOneQuestion, list.len(), room.options)?;
    }
    for (id, rows) in grids {
        let rows = rows
            .as_object()
            .ok_or_else(|| shape(format!("{PATH}.grids.{id}"), ShapeProblem::NotAnObject))?;
        at_most(Counted::RowsInOneGrid, rows.len(), room.rows)?;
        for (row, cells) in rows {
            let cells = cells
                .as_array()
                .ok_or_else(|| shape(format!("{PATH}.grids.{id}.{row}"), ShapeProblem::NotAList))?;
            at_most(Counted::BoxesInOneRow, cells.len(), room.columns)?;
        }
    }

    let mut out = Responses::default();
    for (id, answer) in statements {
        let answer = answer
            .as_str()
            .and_then(ScaleAnswer::parse)
            .ok_or_else(|| ImportError::NotAnAnswer { statement: id.clone() })?;
        out.statements.insert(ItemId::new(id.as_str()), answer);
    }
    for (id, chosen) in choices {
        let list = strings(chosen, &format!("{PATH}.choices.{id}"))?;
        if !list.is_empty() {
            out.choices
                .insert(ItemId::new(id.as_str()), list.into_iter().map(OptionId::new).collect());
        }
    }
    for (id, rows) in grids {
        let mut grid = SortedMap::new();
        for (row, cells) in rows.as_object().into_iter().flatten() {
            let path = format!("{PATH}.grids.{id}.{row}");
            let list = strings(cells, &path)?;
            // Inserted one by one, to notice a column ticked twice.
            let mut set = SortedSet::new();
            let twice = list.iter().any(|c| !set.insert(OptionId::new(*c)));
            if twice {
                return Err(ImportError::Answers {
                    problems: vec![ResponseError::TickedTwice {
                        item: ItemId::new(id.as_str()),
                        row: OptionId::new(row.as_str()),
                    }],
                    file_instrument: file_instrument.to_owned(),
                    app_instrument: instrument.version.clone(),
                });
            }
            if !set.is_empty() {
                grid.insert(OptionId::new(row.as_str()), set);
            }
        }
        if !grid.is_empty() {
            out.grids.insert(ItemId::new(id.as_str()), grid);
        }
    }
    Ok(out)
}

/// A list of texts.
fn strings<'a>(value: &'a Value, path: &str) -> Result<Vec<&'a str>, ImportError> {
    value
        .as_array()
        .ok_or_else(|| shape(path, ShapeProblem::NotAList))?
        .iter()
        .map(|v| v.as_str().ok_or_else(|| shape(path, ShapeProblem::NotAListOfTexts)))
        .collect()
}

// ---------------------------------------------------------------------------
// The encrypted envelope
// ---------------------------------------------------------------------------

/// A passphrase-protected assessment file. The browser derives a 256-bit
/// key with PBKDF2-SHA256 (`iterations`, `salt`) from the passphrase and
/// decrypts `data` with AES-GCM (`iv`); the plaintext is the UTF-8 of a plain
/// assessment file, which then goes through [`import`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    /// [`SALT_BYTES`] random bytes.
    pub salt: Vec<u8>,
    /// [`IV_BYTES`] random bytes, never reused with the same key.
    pub iv: Vec<u8>,
    /// AES-GCM ciphertext followed by its 16-byte tag.
    pub data: Vec<u8>,
}

const ENVELOPE_FIELDS: [&str; 8] = ["format", "version", "cipher", "kdf", "iterations", "salt", "iv", "data"];

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    cipher: &'static str,
    kdf: &'static str,
    iterations: u32,
    salt: &'a str,
    iv: &'a str,
    data: &'a str,
}

impl Envelope {
    /// The envelope as pretty-printed JSON. Call [`Envelope::check`] first
    /// if the fields did not come from [`Envelope::parse`].
    pub fn to_json(&self) -> String {
        self.to_json_marked(ENCRYPTED_FORMAT)
    }

    /// [`Envelope::to_json`] under another `format` marker (the backup's).
    pub(crate) fn to_json_marked(&self, format: &'static str) -> String {
        let (salt, iv, data) = (
            base64::encode(&self.salt),
            base64::encode(&self.iv),
            base64::encode(&self.data),
        );
        let out = EnvelopeOut {
            format,
            version: ENVELOPE_VERSION,
            cipher: CIPHER,
            kdf: KDF,
            iterations: self.iterations,
            salt: &salt,
            iv: &iv,
            data: &data,
        };
        // Plain data with string keys: serialization cannot fail.
        serde_json::to_string_pretty(&out).unwrap_or_default()
    }

    /// Reads and checks a protected file: size, nesting, syntax, the marker,
    /// the version, every field, the cipher and key derivation, then
    /// [`Envelope::check`].
    pub fn parse(text: &str) -> Result<Envelope, ImportError> {
        Envelope::parse_marked(text, [ENCRYPTED_FORMAT, FORMAT], MAX_ENVELOPE_BYTES, MAX_IMPORT_BYTES)
    }

    /// [`Envelope::parse`] for an envelope marked `markers[0]` around a
    /// plain file marked `markers[1]` (refused as
    /// [`ImportError::NotEncrypted`]), at most `limit` bytes long, whose
    /// plain text is at most `max_plain` bytes.
    pub(crate) fn parse_marked(
        text: &str,
        markers: [&str; 2],
        limit: usize,
        max_plain: usize,
    ) -> Result<Envelope, ImportError> {
        let value = parse_json(text, limit)?;
        match value.get("format").and_then(Value::as_str) {
            Some(m) if m == markers[0] => {}
            Some(m) if m == markers[1] => return Err(ImportError::NotEncrypted),
            _ => return Err(ImportError::NotAnAssessment),
        }
        match version_of(&value) {
            None | Some(0) => return Err(ImportError::NoVersion),
            Some(v) if v > u64::from(ENVELOPE_VERSION) => {
                return Err(ImportError::NewerVersion {
                    file: v,
                    app: ENVELOPE_VERSION,
                })
            }
            Some(_) => {}
        }
        let map = object(&value, "", &ENVELOPE_FIELDS, &[])?;
        if text_of(map, "", "cipher")? != CIPHER {
            return Err(ImportError::Unsupported { field: "cipher" });
        }
        if text_of(map, "", "kdf")? != KDF {
            return Err(ImportError::Unsupported { field: "kdf" });
        }
        let iterations = map["iterations"]
            .as_u64()
            .ok_or_else(|| shape("iterations", ShapeProblem::NotAWholeNumber))?;
        // Range first, so an out-of-range number gets its own message.
        if iterations < u64::from(PBKDF2_ITERATIONS) {
            return Err(ImportError::WeakKey { iterations });
        }
        if iterations > u64::from(MAX_PBKDF2_ITERATIONS) {
            return Err(ImportError::TooManyIterations { iterations });
        }
        let bytes = |field: &'static str| -> Result<Vec<u8>, ImportError> {
            let s = text_of(map, "", field)?;
            base64::decode(s).map_err(|_| ImportError::Base64 { field })
        };
        let envelope = Envelope {
            iterations: u32::try_from(iterations).unwrap_or(u32::MAX),
            salt: bytes("salt")?,
            iv: bytes("iv")?,
            data: bytes("data")?,
        };
        envelope.check_within(max_plain)?;
        Ok(envelope)
    }

    /// The rules on the values: iterations within
    /// [`PBKDF2_ITERATIONS`]..=[`MAX_PBKDF2_ITERATIONS`], a 16-byte salt, a
    /// 12-byte IV, and data at least as long as the 16-byte tag (and no
    /// longer than an encrypted maximum-size file).
    pub fn check(&self) -> Result<(), ImportError> {
        self.check_within(MAX_IMPORT_BYTES)
    }

    /// [`Envelope::check`] for plain text of at most `max_plain` bytes.
    pub(crate) fn check_within(&self, max_plain: usize) -> Result<(), ImportError> {
        if self.iterations < PBKDF2_ITERATIONS {
            return Err(ImportError::WeakKey {
                iterations: u64::from(self.iterations),
            });
        }
        if self.iterations > MAX_PBKDF2_ITERATIONS {
            return Err(ImportError::TooManyIterations {
                iterations: u64::from(self.iterations),
            });
        }
        let length = |field, expected, found| {
            if expected == found {
                Ok(())
            } else {
                Err(ImportError::Length { field, expected, found })
            }
        };
        length("salt", SALT_BYTES, self.salt.len())?;
        length("iv", IV_BYTES, self.iv.len())?;
        if self.data.len() < TAG_BYTES {
            return Err(ImportError::NoCiphertext { bytes: self.data.len() });
        }
        if self.data.len() > max_plain + TAG_BYTES {
            return Err(ImportError::CiphertextTooLarge { bytes: self.data.len() });
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 10] = [
    "domain",
    "statement_id",
    "statement",
    "answer",
    "class",
    "score",
    "national_n",
    "national_same_answer_percent",
    "national_figure",
    "setting",
];

/// A text cell: a leading apostrophe when a spreadsheet would read it as a
/// formula (`=`, `+`, `-`, `@`, tab, carriage return, also after leading
/// spaces), then quoting of any cell holding a separator a spreadsheet might
/// use: `,`, and also `;` (the separator where the decimal mark is a comma,
/// as in Spanish) and tab, so that no separator can split a cell and start
/// a new one with a formula, whichever one the spreadsheet splits on.
pub(crate) fn text_cell(text: &str) -> String {
    let guarded = if text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', ';', '\t', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Every statement in page order with the answer, its class and score and
/// the national figures, as a CSV table: UTF-8 with a byte order mark, CRLF
/// line endings, RFC 4180 quoting, text cells guarded against formula
/// injection. Unanswered statements have empty answer, class and score.
/// `national_same_answer_percent` is filled only when the report gives the
/// share for exactly that answer; `national_figure` holds the report's words;
/// `setting` is `organization` or `context` (docs/scoring.md).
pub fn export_csv(record: &Record, instrument: &Instrument) -> String {
    export_csv_in(record, instrument, Lang::En)
}

/// [`export_csv`] in a language: the column ids stay as they are (they are
/// data keys); answers and classes are labelled in `lang`; domain names,
/// statements and the report's words come from `instrument`, so pass the
/// instrument in the same language ([`Instrument::shipped_in`]).
pub fn export_csv_in(record: &Record, instrument: &Instrument, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for s in instrument.statements() {
        let domain = instrument
            .domain(&s.domain)
            .map_or(s.domain.as_str(), |d| d.name.as_str());
        let answer = record.responses.statement(&s.id);
        let scored = answer.map(|a| score_answer(a, s.polarity));
        let same = match (&s.national, answer) {
            (Some(n), Some(a)) => national_match(n, a).filter(|m| m.scope == MatchScope::SameAnswer),
            _ => None,
        };
        let cells = [
            text_cell(domain),
            text_cell(s.id.as_str()),
            text_cell(&s.text),
            text_cell(answer.map_or("", |a| a.label_in(lang))),
            text_cell(scored.map_or("", |(class, _)| class.label_in(lang))),
            scored.map_or(String::new(), |(_, score)| score.to_string()),
            s.national.as_ref().map_or(String::new(), |n| n.n.to_string()),
            same.map_or(String::new(), |m| m.share.to_string()),
            text_cell(s.national.as_ref().map_or("", |n| n.reported.as_str())),
            instrument.setting_of(s).as_str().to_owned(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The action plan's columns, in order.
pub const ACTION_CSV_COLUMNS: [&str; 6] = ["action", "ta_area", "owner", "due", "status", "notes"];

/// The assessment's action plan as a CSV table, with the same rules as
/// [`export_csv`] (BOM, CRLF, RFC 4180 quoting, formula guard).
pub fn actions_csv(record: &Record, instrument: &Instrument) -> String {
    actions_csv_in(record, instrument, Lang::En)
}

/// [`actions_csv`] in a language: the column ids stay as they are; statuses
/// are labelled in `lang`; TA area names come from `instrument` (pass the
/// instrument in the same language). Titles, owners and notes are the
/// user's own words, written as they are.
pub fn actions_csv_in(record: &Record, instrument: &Instrument, lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&ACTION_CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for a in &record.actions {
        let area = a.area.as_ref().map_or(String::new(), |id| {
            instrument
                .ta_area(id)
                .map_or_else(|| id.to_string(), |t| t.name.clone())
        });
        let cells = [
            text_cell(&a.title),
            text_cell(&area),
            text_cell(&a.owner),
            a.due.clone().unwrap_or_default(),
            text_cell(a.status.label_in(lang)),
            text_cell(&a.notes),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
