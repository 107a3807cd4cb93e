//! Property tests: whatever text a user picks, `import` and
//! `Envelope::parse` return (never panic), and whatever they accept meets
//! every rule. Inputs: arbitrary strings, arbitrary JSON values, and valid
//! files with fields deleted, duplicated, retyped or cut short. The case
//! counts keep this whole file to a few seconds.

mod common;
use common::*;
use hr_assessment::file::{detect, import, Envelope, FileKind, ImportError, Imported, MAX_NAME_CHARS};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

const CASES: u32 = 500;

/// The one helper: runs every reader on `text` (a panic fails the test) and
/// checks that anything accepted really follows the rules.
fn read_everything(text: &str) -> Result<Imported, ImportError> {
    let kind = detect(text);
    let envelope = Envelope::parse(text);
    if let Ok(e) = &envelope {
        assert_eq!(e.check(), Ok(()));
        assert_eq!(kind, FileKind::Encrypted);
    }
    let imported = import(text, instrument());
    if let Ok(i) = &imported {
        assert_eq!(kind, FileKind::Plain);
        assert_eq!(i.responses.validate(instrument()), Ok(()));
        assert_eq!(i.name.trim(), i.name);
        assert!((1..=MAX_NAME_CHARS).contains(&i.name.chars().count()));
        assert!(!i.name.chars().any(char::is_control));
    }
    if let Err(e) = &imported {
        // Every refusal has words for the user.
        assert!(e.to_string().ends_with('.'));
    }
    imported
}

/// A valid export of answers to every kind of question.
fn valid_export() -> Value {
    full_export()
}

/// Names that appear in the files, so random JSON reaches past the first checks.
const KEYS: &[&str] = &[
    "format",
    "version",
    "exported",
    "language",
    "instrument_version",
    "assessment",
    "name",
    "created",
    "updated",
    "responses",
    "statements",
    "choices",
    "grids",
    "cipher",
    "kdf",
    "iterations",
    "salt",
    "iv",
    "data",
    "adequate-funding",
    "org-type",
    "services",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "hr-readiness-assessment",
            "hr-readiness-assessment-encrypted",
            "strongly_agree",
            "2026-11-22T10:06:00.000Z",
            "en",
            "1.0.0",
            "AES-GCM-256",
            "PBKDF2-SHA256",
            "AAECAwQFBgcICQoLDA0ODw==",
        ])
        .prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
        (0u64..4).prop_map(Value::from),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS.to_vec()), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// Every path to a node of `v` (objects by key, arrays by position).
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let mut p = here.clone();
                p.push(k.clone());
                paths(child, p, out);
            }
        }
        Value::Array(a) => {
            for (k, child) in a.iter().enumerate() {
                let mut p = here.clone();
                p.push(k.to_string());
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).expect("path exists"),
        Value::Array(a) => &mut a[k.parse::<usize>().expect("index")],
        _ => unreachable!("paths only go through containers"),
    })
}

/// One change to a JSON tree.
#[derive(Clone, Debug)]
enum Mutation {
    /// Remove the node (from its object or array).
    Delete(Index),
    /// Copy the node next to itself (an array element twice, or an object
    /// field under a second name) or copy it over another node.
    Duplicate(Index, Index),
    /// Replace the node with a value of another type.
    Retype(Index, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        (any::<Index>(), leaf()).prop_map(|(a, v)| Mutation::Retype(a, v)),
    ]
}

fn apply(v: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    paths(v, Vec::new(), &mut all);
    match m {
        Mutation::Delete(i) => {
            let path = i.get(&all);
            if let Some((last, parent)) = path.split_last() {
                match node(v, parent) {
                    Value::Object(map) => {
                        map.remove(last);
                    }
                    Value::Array(a) => {
                        a.remove(last.parse::<usize>().expect("index"));
                    }
                    _ => {}
                }
            }
        }
        Mutation::Duplicate(a, b) => {
            let from = a.get(&all).clone();
            let copy = node(v, &from).clone();
            match from.split_last() {
                Some((last, parent)) => match node(v, parent) {
                    Value::Object(map) => {
                        map.insert(format!("{last}-copy"), copy);
                    }
                    Value::Array(list) => list.push(copy),
                    _ => {}
                },
                None => {
                    let to = b.get(&all).clone();
                    *node(v, &to) = copy;
                }
            }
        }
        Mutation::Retype(i, value) => {
            let path = i.get(&all).clone();
            *node(v, &path) = value.clone();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(CASES), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = read_everything(&text);
    }

    #[test]
    fn arbitrary_json_punctuation_never_panics(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,300}") {
        let _ = read_everything(&text);
    }

    #[test]
    fn arbitrary_bytes_read_as_text_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_values_never_panic(v in any_json()) {
        let _ = read_everything(&v.to_string());
        // The same value wrapped as an assessment or an envelope gets further in.
        let mut file = valid_export();
        file["assessment"] = v.clone();
        let _ = read_everything(&file.to_string());
        let mut file = valid_export();
        file["assessment"]["responses"] = v.clone();
        let _ = read_everything(&file.to_string());
        let envelope = json!({ "format": "hr-readiness-assessment-encrypted", "version": 1,
            "cipher": "AES-GCM-256", "kdf": "PBKDF2-SHA256", "iterations": 600000,
            "salt": v.clone(), "iv": "AAAAAAAAAAAAAAAA", "data": "AAAAAAAAAAAAAAAAAAAAAA==" });
        let _ = read_everything(&envelope.to_string());
    }

    #[test]
    fn mutated_exports_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut v = valid_export();
        for m in &mutations {
            apply(&mut v, m);
        }
        let _ = read_everything(&v.to_string());
    }

    #[test]
    fn mutated_envelopes_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let envelope = Envelope {
            iterations: 600_000,
            salt: vec![1; 16],
            iv: vec![2; 12],
            data: vec![3; 40],
        };
        let mut v: Value = serde_json::from_str(&envelope.to_json()).expect("JSON");
        for m in &mutations {
            apply(&mut v, m);
        }
        let _ = read_everything(&v.to_string());
    }

    #[test]
    fn exports_cut_short_are_refused_as_cut_short(cut in any::<Index>()) {
        let text = serde_json::to_string_pretty(&valid_export()).expect("JSON");
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let result = read_everything(&text[..at]);
        prop_assert!(
            matches!(result, Err(ImportError::Truncated | ImportError::Empty)),
            "cut at {}: {:?}", at, result
        );
    }

    #[test]
    fn valid_exports_with_a_mutated_name_never_panic(name in "\\PC{0,130}|[\\x00-\\x1f\\u{80}-\\u{9f} a<>&\"\\\\]{0,130}") {
        let mut v = valid_export();
        v["assessment"]["name"] = Value::from(name);
        let _ = read_everything(&v.to_string());
    }
}

#[test]
fn the_fuzz_inputs_start_from_a_file_that_imports() {
    assert!(read_everything(&valid_export().to_string()).is_ok());
}
