//! The instrument's texts in another language. A translation file (the
//! core's `data/instrument.<lang>.toml`, embedded as JSON by its `build.rs`)
//! holds only words, keyed by the English file's ids;
//! [`Instrument::translated`] puts them into a copy of the English
//! instrument. Ids, polarity, TA mappings, national figures, thresholds and
//! sources are never translated, so the scores, stages and rankings are the
//! same in every language.
//!
//! A translation is refused unless it has every text of the English file,
//! no key the English file does not have, no empty text, and the same
//! numbers in each text; [`Instrument::translation_problems`] lists every
//! problem in words.

use crate::instrument::{Instrument, InstrumentError, Question};
use crate::lang::Lang;
use serde_json::{Map, Value};

impl Instrument {
    /// A copy of this instrument with every text replaced by the
    /// translation's (JSON of a `data/instrument.<lang>.toml` file) and
    /// `language` set to the translation's. Everything else is untouched.
    /// Refused with [`InstrumentError::Invalid`] listing every problem (see
    /// [`Instrument::translation_problems`]), or [`InstrumentError::Shape`]
    /// when the text is not JSON.
    pub fn translated(&self, translation_json: &str) -> Result<Instrument, InstrumentError> {
        let value: Value = serde_json::from_str(translation_json).map_err(|e| InstrumentError::Shape(e.to_string()))?;
        let mut out = self.clone();
        let mut reader = Reader::default();
        reader.apply(&mut out, &value);
        let mut problems = reader.problems;
        if problems.is_empty() {
            // Only texts changed, so this holds; checked all the same.
            problems = out.problems();
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(InstrumentError::Invalid(problems))
        }
    }

    /// Every reason the translation cannot be used, in words, each naming
    /// the key (`domain.staff.name`, `question.role.options.peer`): a text
    /// of the English file that is missing, a key the English file does not
    /// have, a text that is empty, not text, padded with spaces or with
    /// other numbers than the English, and a wrong `language` or `version`.
    /// Empty when the translation is complete.
    pub fn translation_problems(&self, translation_json: &str) -> Vec<String> {
        match self.translated(translation_json) {
            Ok(_) => Vec::new(),
            Err(InstrumentError::Invalid(problems)) => problems,
            Err(InstrumentError::Shape(e)) => vec![format!("the translation is not readable: {e}")],
        }
    }
}

/// The top-level keys of a translation file.
const TOP: [&str; 10] = [
    "version",
    "language",
    "title",
    "domain",
    "ta_area",
    "modality",
    "constraint",
    "section",
    "question",
    "retired",
];

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The numbers written with digits in a text, in order of size, so that a
/// translation may move them but not change, add or drop one.
fn numbers(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap_or(u64::MAX))
        .collect();
    out.sort_unstable();
    out
}

/// Walks a translation beside the instrument, replacing texts and noting
/// every problem.
#[derive(Default)]
struct Reader {
    problems: Vec<String>,
}

impl Reader {
    fn problem(&mut self, text: String) {
        self.problems.push(text);
    }

    /// Reports every key of `map` that is not one of `expected`.
    fn only<'k>(&mut self, map: &Map<String, Value>, path: &str, expected: impl IntoIterator<Item = &'k str>) {
        let expected: Vec<&str> = expected.into_iter().collect();
        for key in map.keys() {
            if !expected.contains(&key.as_str()) {
                self.problem(format!("{} is not in the English instrument", join(path, key)));
            }
        }
    }

    /// The table under `key`, or a problem when it is missing or not a table.
    fn table<'v>(&mut self, map: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Map<String, Value>> {
        let here = join(path, key);
        match map.get(key) {
            None => {
                self.problem(format!("{here} is missing"));
                None
            }
            Some(Value::Object(table)) => Some(table),
            Some(_) => {
                self.problem(format!("{here} should be a table of texts"));
                None
            }
        }
    }

    /// Puts the text under `key` into `target` (which holds the English),
    /// after checking it.
    fn text(&mut self, map: &Map<String, Value>, path: &str, key: &str, target: &mut String) {
        let here = join(path, key);
        let text = match map.get(key) {
            None => return self.problem(format!("{here} is missing")),
            Some(Value::String(text)) => text,
            Some(_) => return self.problem(format!("{here} should be text")),
        };
        if text.trim().is_empty() {
            return self.problem(format!("{here} is empty"));
        }
        if text.trim() != text {
            self.problem(format!("{here} starts or ends with spaces"));
        }
        let (theirs, english) = (numbers(text), numbers(target));
        if theirs != english {
            self.problem(format!(
                "{here} has the numbers {theirs:?}, but the English has {english:?}: keep every number exactly"
            ));
        }
        target.clone_from(text);
    }

    /// One entry per id of a list (`domain`, `ta_area`, ...), each with the
    /// named texts; `fields` gives the texts of one item to fill.
    fn entries<T>(
        &mut self,
        root: &Map<String, Value>,
        group: &str,
        items: &mut [T],
        id: impl Fn(&T) -> String,
        keys: &[&str],
        mut fields: impl for<'t> FnMut(&'t mut T, &str) -> &'t mut String,
    ) {
        let Some(table) = self.table(root, "", group) else {
            return;
        };
        let ids: Vec<String> = items.iter().map(&id).collect();
        for (item, item_id) in items.iter_mut().zip(&ids) {
            let path = join(group, item_id);
            let Some(entry) = self.table(table, group, item_id) else {
                continue;
            };
            for key in keys {
                self.text(entry, &path, key, fields(item, key));
            }
            self.only(entry, &path, keys.iter().copied());
        }
        self.only(table, group, ids.iter().map(String::as_str));
    }

    /// A table of labels keyed by option, column or row id.
    fn labels<'a>(
        &mut self,
        entry: &Map<String, Value>,
        path: &str,
        key: &str,
        labels: impl Iterator<Item = (&'a str, &'a mut String)>,
    ) {
        let Some(table) = self.table(entry, path, key) else {
            return;
        };
        let here = join(path, key);
        let mut ids = Vec::new();
        for (id, label) in labels {
            self.text(table, &here, id, label);
            ids.push(id);
        }
        self.only(table, &here, ids);
    }

    fn apply(&mut self, out: &mut Instrument, value: &Value) {
        let Some(root) = value.as_object() else {
            return self.problem("the translation should be a table of texts".into());
        };
        self.only(root, "", TOP);

        match root.get("version").and_then(Value::as_str) {
            None => self.problem("version is missing: write the version of the English file this translates".into()),
            Some(v) if v != out.version => self.problem(format!(
                "version is {v}, but the English file is version {}: update the texts that changed, then the version",
                out.version
            )),
            Some(_) => {}
        }
        match root.get("language").and_then(Value::as_str) {
            None => self.problem("language is missing: write the language code, such as \"es\"".into()),
            Some(code) => match Lang::parse(code) {
                Some(lang) if lang.code() != out.language => out.language = code.to_owned(),
                Some(_) => self.problem(format!("language is {code}, the language of the English file itself")),
                None => self.problem(format!("language {code} is not a language of the app")),
            },
        }
        self.text(root, "", "title", &mut out.title);

        self.entries(
            root,
            "domain",
            &mut out.domains,
            |d| d.id.to_string(),
            &["name", "summary", "find_out"],
            |d, key| match key {
                "name" => &mut d.name,
                "summary" => &mut d.summary,
                _ => &mut d.find_out,
            },
        );
        self.entries(
            root,
            "ta_area",
            &mut out.ta_areas,
            |a| a.id.to_string(),
            &["name", "summary"],
            |a, key| if key == "name" { &mut a.name } else { &mut a.summary },
        );
        self.entries(
            root,
            "modality",
            &mut out.modalities,
            |m| m.id.to_string(),
            &["name", "summary"],
            |m, key| if key == "name" { &mut m.name } else { &mut m.summary },
        );
        self.entries(
            root,
            "constraint",
            &mut out.constraints,
            |c| c.id.to_string(),
            &["label"],
            |c, _| &mut c.label,
        );
        self.entries(
            root,
            "section",
            &mut out.sections,
            |s| s.id.to_string(),
            &["title", "intro"],
            |s, key| if key == "title" { &mut s.title } else { &mut s.intro },
        );
        self.questions(root, &mut out.questions);
        if !out.retired.is_empty() {
            self.entries(
                root,
                "retired",
                &mut out.retired,
                |r| r.id.to_string(),
                &["text", "reason"],
                |r, key| if key == "text" { &mut r.text } else { &mut r.reason },
            );
        }
    }

    fn questions(&mut self, root: &Map<String, Value>, questions: &mut [Question]) {
        let Some(table) = self.table(root, "", "question") else {
            return;
        };
        let ids: Vec<String> = questions.iter().map(|q| q.id().to_string()).collect();
        for (q, id) in questions.iter_mut().zip(&ids) {
            let path = join("question", id);
            let Some(entry) = self.table(table, "question", id) else {
                continue;
            };
            let mut keys = vec!["text"];
            let (text, hint) = match q {
                Question::Statement(s) => (&mut s.text, &mut s.hint),
                Question::SingleChoice(c) | Question::MultiChoice(c) => (&mut c.text, &mut c.hint),
                Question::Grid(g) => (&mut g.text, &mut g.hint),
                Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => (&mut l.text, &mut l.hint),
            };
            self.text(entry, &path, "text", text);
            if let Some(hint) = hint {
                keys.push("hint");
                self.text(entry, &path, "hint", hint);
            }
            match q {
                Question::Statement(s) => {
                    if let Some(national) = &mut s.national {
                        keys.push("reported");
                        self.text(entry, &path, "reported", &mut national.reported);
                        if let Some(note) = &mut national.note {
                            keys.push("note");
                            self.text(entry, &path, "note", note);
                        }
                    }
                }
                Question::SingleChoice(c) | Question::MultiChoice(c) => {
                    keys.push("options");
                    let options = c.options.iter_mut().map(|o| (o.id.as_str(), &mut o.label));
                    self.labels(entry, &path, "options", options);
                }
                Question::Grid(g) => {
                    keys.extend(["row_header", "columns", "rows"]);
                    self.text(entry, &path, "row_header", &mut g.row_header);
                    let columns = g.columns.iter_mut().map(|c| (c.id.as_str(), &mut c.label));
                    self.labels(entry, &path, "columns", columns);
                    let rows = g.rows.iter_mut().map(|r| (r.id.as_str(), &mut r.label));
                    self.labels(entry, &path, "rows", rows);
                    if g.rows.iter().any(|r| r.note.is_some()) {
                        keys.push("notes");
                        let notes = g
                            .rows
                            .iter_mut()
                            .filter_map(|r| Some((r.id.as_str(), r.note.as_mut()?)));
                        self.labels(entry, &path, "notes", notes);
                    }
                }
                // Their options are the TA areas, modalities and constraints.
                Question::TaAreas(_) | Question::Modalities(_) | Question::Constraints(_) => {}
            }
            self.only(entry, &path, keys);
        }
        self.only(table, "question", ids.iter().map(String::as_str));
    }
}
