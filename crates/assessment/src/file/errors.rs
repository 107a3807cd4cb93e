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

pub(super) const AGAIN: &str = "Export the assessment again from this app and import the new file.";
pub(super) const CHOOSE: &str = "Choose the file you exported from this app.";

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

pub(super) const AGAIN_ES: &str = "Vuelva a exportar la evaluación desde esta aplicación e importe el archivo nuevo.";
pub(super) const CHOOSE_ES: &str = "Elija el archivo que exportó desde esta aplicación.";

/// Up to three problems joined with "; ", each shown short, and how many
/// more there are.
pub(super) fn first_three(problems: impl ExactSizeIterator<Item = String>) -> (String, usize) {
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
