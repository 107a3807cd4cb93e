//! Reading JSON objects field by field, with messages naming the field.

use super::*;

pub(super) fn shape(field: impl Into<String>, problem: ShapeProblem) -> ImportError {
    ImportError::Shape {
        field: field.into(),
        problem,
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
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

pub(super) fn timestamp(map: &Map<String, Value>, path: &str, key: &'static str) -> Result<String, ImportError> {
    let s = text_of(map, path, key)?;
    if is_timestamp(s) {
        Ok(s.to_owned())
    } else {
        Err(ImportError::Timestamp { field: key })
    }
}
