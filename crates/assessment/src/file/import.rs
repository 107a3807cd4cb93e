//! The assessment file, read: every field checked, every id checked
//! against the instrument, warnings for what was set aside.

use super::*;

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
        match self {
            ImportWarning::OtherVersion { file, app } => tr!(
                lang,
                "This file was made with version {file} of the questionnaire; this app has version {app}. Answers to the statements both versions ask are kept as they are.",
                "Este archivo se creó con la versión {file} del cuestionario; esta aplicación tiene la versión {app}. Las respuestas a las afirmaciones que ambas versiones hacen se conservan tal como están."
            ),
            ImportWarning::Retired { count: 1 } => pick!(lang, "One answer was given to a statement this version asks differently. It is kept but not counted: “Check your answers” shows which statement needs a fresh answer, and why.", "Una respuesta corresponde a una afirmación que esta versión pregunta de otra forma. Se conserva, pero no se cuenta: “Revise sus respuestas” muestra qué afirmación necesita una respuesta nueva y por qué.")
                .to_owned(),
            ImportWarning::Retired { count } => tr!(
                lang,
                "{count} answers were given to statements this version asks differently. They are kept but not counted: “Check your answers” shows which statements need a fresh answer, and why.",
                "{count} respuestas corresponden a afirmaciones que esta versión pregunta de otra forma. Se conservan, pero no se cuentan: “Revise sus respuestas” muestra qué afirmaciones necesitan una respuesta nueva y por qué."
            ),
            ImportWarning::OtherLanguage { file, app } => {
                let (file, app) = (language_name(file, lang), language_name(app, lang));
                tr!(
                    lang,
                    "This file was exported from the app in {file}; the questions here are shown in {app}. The answers are the same.",
                    "Este archivo se exportó desde la aplicación en {file}; aquí las preguntas se muestran en {app}. Las respuestas son las mismas."
                )
            }
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

pub(super) const TOP: [&str; 6] = [
    "format",
    "version",
    "exported",
    "language",
    "instrument_version",
    "assessment",
];
pub(super) const ASSESSMENT: [&str; 4] = ["name", "created", "updated", "responses"];
pub(super) const ASSESSMENT_OPTIONAL: [&str; 1] = ["actions"];
pub(super) const ACTION: [&str; 5] = ["id", "title", "owner", "status", "notes"];
pub(super) const ACTION_OPTIONAL: [&str; 2] = ["area", "due"];
pub(super) const RESPONSES: [&str; 3] = ["statements", "choices", "grids"];

/// Reads a file of the current version.
pub(super) fn read_current(value: &Value, instrument: &Instrument) -> Result<Imported, ImportError> {
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
pub(super) fn read_actions(value: Option<&Value>, instrument: &Instrument) -> Result<Vec<Action>, ImportError> {
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
pub(super) fn language_name(code: &str, lang: Lang) -> &str {
    match code {
        "en" => pick!(lang, "English", "inglés"),
        "es" => pick!(lang, "Spanish", "español"),
        other => other,
    }
}

/// The most answers of each kind the instrument has room for.
pub(super) struct Room {
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

pub(super) fn at_most(what: Counted, found: usize, most: usize) -> Result<(), ImportError> {
    if found > most {
        Err(ImportError::TooManyAnswers { what, found, most })
    } else {
        Ok(())
    }
}

/// The answers, in the shape `Responses` serializes to. Counts are checked
/// before anything else; empty lists and rows (which the app never writes)
/// are dropped; a column ticked twice in one row is refused.
pub(super) fn read_responses(
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
pub(super) fn strings<'a>(value: &'a Value, path: &str) -> Result<Vec<&'a str>, ImportError> {
    value
        .as_array()
        .ok_or_else(|| shape(path, ShapeProblem::NotAList))?
        .iter()
        .map(|v| v.as_str().ok_or_else(|| shape(path, ShapeProblem::NotAListOfTexts)))
        .collect()
}
