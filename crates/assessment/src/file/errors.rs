//! Why an import was refused ([`ImportError`] and its parts), and the
//! message that tells the user, in English and in Spanish.

use super::*;
use crate::numbers::{limit_megabytes, megabytes};

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
        match self {
            NotAnObject => pick!(
                lang,
                "should be a group of named values (a JSON object)",
                "debería ser un grupo de valores con nombre (un objeto JSON)"
            ),
            Unknown => pick!(
                lang,
                "is not part of an assessment file",
                "no forma parte de un archivo de evaluación"
            ),
            Missing => pick!(lang, "is missing", "no está"),
            NotText => pick!(lang, "should be text", "debería ser texto"),
            NotAList => pick!(lang, "should be a list", "debería ser una lista"),
            NotAListOfTexts => pick!(lang, "should be a list of texts", "debería ser una lista de textos"),
            NotAWholeNumber => pick!(lang, "should be a whole number", "debería ser un número entero"),
            NotAStatus => pick!(
                lang,
                "should be one of not_started, in_progress and done",
                "debería ser not_started, in_progress o done"
            ),
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
        match self {
            StatementAnswers => pick!(lang, "statement answers", "respuestas a afirmaciones"),
            ChoiceAnswers => pick!(lang, "choice answers", "respuestas a preguntas de opciones"),
            GridAnswers => pick!(lang, "grid answers", "respuestas a preguntas de tabla"),
            OptionsInOneQuestion => pick!(
                lang,
                "options chosen for one question",
                "opciones elegidas en una sola pregunta"
            ),
            RowsInOneGrid => pick!(lang, "rows checked in one grid", "filas marcadas en una sola tabla"),
            BoxesInOneRow => pick!(lang, "boxes checked in one row", "casillas marcadas en una sola fila"),
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
        match self {
            TextProblem::Empty => pick!(lang, "This text is empty.", "Este texto está vacío.").to_owned(),
            TextProblem::TooLong { chars, max } => tr!(
                lang,
                "This text is {chars} characters long; at most {max} are allowed.",
                "Este texto tiene {chars} caracteres; se permiten como máximo {max}."
            ),
            TextProblem::ControlCharacter => pick!(lang, "This text contains invisible control characters (such as line breaks or tabs), which are not allowed.", "Este texto contiene caracteres de control invisibles (como saltos de línea o tabulaciones), que no están permitidos.")
                .to_owned(),
            TextProblem::NotAVersion => pick!(lang, "This text is not a version number such as 1.0.0.", "Este texto no es un número de versión como 1.0.0.")
                .to_owned(),
        }
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
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

/// "Export the assessment again…": what to do about a damaged file.
pub(super) fn again(lang: Lang) -> &'static str {
    pick!(
        lang,
        "Export the assessment again from this app and import the new file.",
        "Vuelva a exportar la evaluación desde esta aplicación e importe el archivo nuevo."
    )
}

/// "Choose the file you exported…": what to do about the wrong file.
pub(super) fn choose(lang: Lang) -> &'static str {
    pick!(
        lang,
        "Choose the file you exported from this app.",
        "Elija el archivo que exportó desde esta aplicación."
    )
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Up to three problems joined with "; ", each shown short, and how many
/// more there are.
pub(super) fn first_three(problems: impl ExactSizeIterator<Item = String>) -> (String, usize) {
    let more = problems.len().saturating_sub(3);
    let first: Vec<String> = problems.take(3).map(|p| shown(&p, 160)).collect();
    (first.join("; "), more)
}

/// " (and 2 more)" after a list cut at three, or nothing.
fn and_more(more: usize, lang: Lang) -> String {
    if more == 0 {
        return String::new();
    }
    tr!(lang, " (and {more} more)", " (y {more} más)")
}

impl ImportError {
    /// The message for the person who chose the file, in a language: what
    /// is wrong and what to do. The English one is also `Display`.
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        let (again, choose) = (again(lang), choose(lang));
        match self {
            TooLarge { bytes, limit } => {
                let (size, most) = (megabytes(*bytes, lang), limit_megabytes(*limit, lang));
                if *limit == MAX_IMPORT_BYTES {
                    tr!(
                        lang,
                        "This file is {size} MB; assessment files are under {most} MB. {choose}",
                        "Este archivo pesa {size} MB; los archivos de evaluación pesan menos de {most} MB. {choose}"
                    )
                } else {
                    tr!(
                        lang,
                        "This file is {size} MB; protected assessment files are under {most} MB. {choose}",
                        "Este archivo pesa {size} MB; los archivos de evaluación protegidos pesan menos de {most} MB. {choose}"
                    )
                }
            }
            Empty => tr!(lang, "This file is empty. {choose}", "Este archivo está vacío. {choose}"),
            Truncated => tr!(
                lang,
                "This file ends too early: it was probably cut short while it was downloaded, copied or saved. {again}",
                "Este archivo termina antes de tiempo: probablemente se cortó al descargarlo, copiarlo o guardarlo. {again}"
            ),
            NotJson { line, column } => tr!(
                lang,
                "This file is damaged or is not an assessment file: it cannot be read (line {line}, character {column}). {choose}",
                "Este archivo está dañado o no es un archivo de evaluación: no se puede leer (línea {line}, carácter {column}). {choose}"
            ),
            TooDeep => tr!(
                lang,
                "This is not an assessment file from this app: its contents are nested far deeper than an assessment's. {choose}",
                "Este no es un archivo de evaluación de esta aplicación: su contenido tiene muchos más niveles anidados que una evaluación. {choose}"
            ),
            NotAnAssessment => tr!(
                lang,
                "This is not an assessment file from this app. {choose}",
                "Este no es un archivo de evaluación de esta aplicación. {choose}"
            ),
            TeamSummary => pick!(lang, "This is a team summary, with several people's answers merged, so it cannot be read as one assessment. Use each person's own assessment file or answer code.", "Este es un resumen del equipo, con las respuestas de varias personas combinadas, así que no se puede leer como una sola evaluación. Use el archivo de evaluación o el código de respuestas de cada persona.")
                .to_owned(),
            Encrypted => pick!(lang, "This assessment file is protected with a passphrase. Enter the passphrase that was chosen when it was exported.", "Este archivo de evaluación está protegido con una frase de contraseña. Escriba la frase de contraseña que se eligió al exportarlo.")
                .to_owned(),
            NotEncrypted => pick!(lang, "This assessment file is not protected with a passphrase, so none is needed. Import it as it is.", "Este archivo de evaluación no está protegido con una frase de contraseña, así que no hace falta ninguna. Impórtelo tal como está.")
                .to_owned(),
            NoVersion => tr!(
                lang,
                "This file does not say which version of the file format it uses, so it cannot be read safely. It may have been edited by hand. {again}",
                "Este archivo no indica qué versión del formato de archivo usa, así que no se puede leer con seguridad. Puede que se haya editado a mano. {again}"
            ),
            NewerVersion { file, app } => tr!(
                lang,
                "This file was made by a newer version of this app (file format version {file}; this version reads versions up to {app}). Open it in the newest version of the app.",
                "Este archivo se creó con una versión más reciente de esta aplicación (versión {file} del formato de archivo; esta versión lee hasta la versión {app}). Ábralo en la versión más reciente de la aplicación."
            ),
            Shape { field, problem } => {
                let (field, problem) = (shown(field, 60), problem.phrase(lang));
                tr!(
                    lang,
                    "This file does not have the layout of an assessment file: \"{field}\" {problem}. It may have been edited or damaged. {again}",
                    "Este archivo no tiene la estructura de un archivo de evaluación: el campo \"{field}\" {problem}. Puede que se haya editado o dañado. {again}"
                )
            }
            TooManyAnswers { what, found, most } => {
                let what = what.phrase(lang);
                tr!(
                    lang,
                    "This file holds {found} {what}, but the questionnaire has room for only {most}. It is damaged or was not made by this app, so nothing was imported. {choose}",
                    "Este archivo contiene {found} {what}, pero el cuestionario solo tiene espacio para {most}. Está dañado o no lo creó esta aplicación, así que no se importó nada. {choose}"
                )
            }
            NotAnAnswer { statement } => {
                let statement = shown(statement, 60);
                tr!(
                    lang,
                    "The answer to \"{statement}\" in this file is not one of the five answers (strongly agree to I don't know). It may have been edited or damaged. {again}",
                    "La respuesta a \"{statement}\" en este archivo no es una de las cinco respuestas (de muy de acuerdo a no sé). Puede que se haya editado o dañado. {again}"
                )
            }
            Actions { problems } => {
                let (first, more) = first_three(problems.iter().map(|p| p.message(lang)));
                let more = and_more(more, lang);
                tr!(
                    lang,
                    "The action plan in this file breaks its rules, so nothing was imported: {first}{more}. The file may have been edited or damaged. {again}",
                    "El plan de acción de este archivo no cumple sus reglas, así que no se importó nada: {first}{more}. Puede que el archivo se haya editado o dañado. {again}"
                )
            }
            Answers {
                problems,
                file_instrument,
                app_instrument,
            } => {
                let (first, more) = first_three(problems.iter().map(|p| p.message(lang)));
                let more = and_more(more, lang);
                let advice = if file_instrument != app_instrument {
                    let (file, app) = (
                        shown(file_instrument, MAX_VERSION_CHARS),
                        shown(app_instrument, MAX_VERSION_CHARS),
                    );
                    tr!(
                        lang,
                        "The file was made with version {file} of the questionnaire; this app has version {app}. Open it in a copy of the app with that version.",
                        "El archivo se creó con la versión {file} del cuestionario; esta aplicación tiene la versión {app}. Ábralo en una copia de la aplicación que tenga esa versión."
                    )
                } else {
                    tr!(
                        lang,
                        "The file may have been edited or damaged. {again}",
                        "Puede que el archivo se haya editado o dañado. {again}"
                    )
                };
                tr!(
                    lang,
                    "Some answers in this file do not fit this questionnaire, so nothing was imported: {first}{more}. {advice}",
                    "Algunas respuestas de este archivo no corresponden a este cuestionario, así que no se importó nada: {first}{more}. {advice}"
                )
            }
            Text { field, problem } => text_message(field, *problem, lang),
            Timestamp { field } => tr!(
                lang,
                "The \"{field}\" date in this file is not a date and time this app can read (such as 2026-11-22T10:15:00Z). The file has been edited or damaged. {again}",
                "La fecha \"{field}\" de este archivo no es una fecha y hora que esta aplicación pueda leer (como 2026-11-22T10:15:00Z). El archivo se editó o se dañó. {again}"
            ),
            Language => tr!(
                lang,
                "This file names a language this app does not have (it has English \"en\" and Spanish \"es\"). The file has been edited or damaged. {again}",
                "Este archivo indica un idioma que esta aplicación no tiene (tiene inglés, \"en\", y español, \"es\"). El archivo se editó o se dañó. {again}"
            ),
            Unsupported { field } => tr!(
                lang,
                "This protected file uses a protection method ({field}) this app does not use, so it cannot be opened here. {choose}",
                "Este archivo protegido usa un método de protección ({field}) que esta aplicación no usa, así que no se puede abrir aquí. {choose}"
            ),
            WeakKey { iterations } => tr!(
                lang,
                "This protected file was made with a weak key setting ({iterations} rounds; this app requires at least {PBKDF2_ITERATIONS}), so it will not be opened. {choose}",
                "Este archivo protegido se creó con una configuración de clave débil ({iterations} rondas; esta aplicación exige al menos {PBKDF2_ITERATIONS}), así que no se abrirá. {choose}"
            ),
            TooManyIterations { iterations } => tr!(
                lang,
                "This protected file asks for {iterations} rounds of key stretching, more than the {MAX_PBKDF2_ITERATIONS} this app allows: opening it could freeze this page. {choose}",
                "Este archivo protegido pide {iterations} rondas de refuerzo de la clave, más de las {MAX_PBKDF2_ITERATIONS} que permite esta aplicación: abrirlo podría bloquear esta página. {choose}"
            ),
            Base64 { field } => tr!(
                lang,
                "This protected file is damaged: its \"{field}\" is not valid base64 text. {again}",
                "Este archivo protegido está dañado: su campo \"{field}\" no es texto base64 válido. {again}"
            ),
            Length { field, expected, found } => tr!(
                lang,
                "This protected file is damaged: its \"{field}\" is {found} bytes long but must be {expected}. {again}",
                "Este archivo protegido está dañado: su campo \"{field}\" mide {found} bytes, pero debe medir {expected}. {again}"
            ),
            NoCiphertext { bytes } => tr!(
                lang,
                "This protected file is damaged: its encrypted contents are {bytes} bytes long, too short to hold an assessment. {again}",
                "Este archivo protegido está dañado: su contenido cifrado mide {bytes} bytes, demasiado poco para contener una evaluación. {again}"
            ),
            CiphertextTooLarge { bytes } => {
                let size = megabytes(*bytes, lang);
                tr!(
                    lang,
                    "This protected file holds {size} MB of encrypted data; an assessment is under 1 MB. {choose}",
                    "Este archivo protegido contiene {size} MB de datos cifrados; una evaluación pesa menos de 1 MB. {choose}"
                )
            }
        }
    }
}

/// A text field of the file breaks a rule: which text, what is wrong, what
/// to do. (Spanish makes "empty" agree with the text, so each is whole.)
fn text_message(field: &str, problem: TextProblem, lang: Lang) -> String {
    let again = again(lang);
    let what = match field {
        "name" => pick!(
            lang,
            "The assessment's name in this file",
            "El nombre de la evaluación en este archivo"
        ),
        "instrument_version" => pick!(
            lang,
            "The questionnaire version in this file",
            "La versión del cuestionario en este archivo"
        ),
        _ => pick!(lang, "A text in this file", "Un texto de este archivo"),
    };
    match problem {
        TextProblem::Empty => match field {
            "instrument_version" => tr!(lang, "{what} is empty. {again}", "{what} está vacía. {again}"),
            _ => tr!(lang, "{what} is empty. {again}", "{what} está vacío. {again}"),
        },
        TextProblem::TooLong { chars, max } => tr!(
            lang,
            "{what} is {chars} characters long; at most {max} are allowed. The file has been edited or damaged. {again}",
            "{what} tiene {chars} caracteres; se permiten como máximo {max}. El archivo se editó o se dañó. {again}"
        ),
        TextProblem::ControlCharacter => tr!(
            lang,
            "{what} contains invisible control characters (such as line breaks or tabs), which are not allowed. The file has been edited or damaged. {again}",
            "{what} contiene caracteres de control invisibles (como saltos de línea o tabulaciones), que no están permitidos. El archivo se editó o se dañó. {again}"
        ),
        TextProblem::NotAVersion => tr!(
            lang,
            "{what} is not a version number such as 1.0.0. The file has been edited or damaged. {again}",
            "{what} no es un número de versión como 1.0.0. El archivo se editó o se dañó. {again}"
        ),
    }
}
