//! Migration: a file of an earlier version, brought to the current one step
//! by step.

use super::*;

/// One migration step: a file of version `n` (as JSON) in, version `n + 1`
/// out, with `version` set to `n + 1`.
pub type Step = fn(Value) -> Result<Value, ImportError>;

/// `STEPS[n - 1]` turns version `n` into version `n + 1`. The array's length
/// is tied to [`CURRENT_VERSION`], so raising the version without adding its
/// step does not compile.
pub(super) const STEPS: [Step; CURRENT_VERSION as usize - 1] = [v1_to_v2];

/// Version 2 lets the assessment carry an action plan (`actions`, optional).
/// A version-1 file has none, so the step only sets `version` to 2 (and
/// refuses a version-1 file that claims an action plan, which version 1 never
/// had); anything else in the file is left for the checks of the current
/// version.
pub(super) fn v1_to_v2(mut value: Value) -> Result<Value, ImportError> {
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
