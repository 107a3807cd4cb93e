//! The assessment file, written.

use super::*;

#[derive(Serialize)]
pub(super) struct PlainFile<'a> {
    format: &'static str,
    version: u32,
    exported: &'a str,
    language: &'a str,
    instrument_version: &'a str,
    assessment: AssessmentOut<'a>,
}

#[derive(Serialize)]
pub(super) struct AssessmentOut<'a> {
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
