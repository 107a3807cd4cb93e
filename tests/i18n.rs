//! Every text the app shows is written in English and Spanish side by side,
//! in one of four forms: `t!("…", "…")` and `tf!("…", "…")` in the
//! interface (`src/i18n.rs`), `pick!(lang, "…", "…")` and
//! `tr!(lang, "…", "…")` in the core (`hr_assessment::tr`). The four are
//! macros, so that the build the app ships can lift the Spanish out of the
//! program (`hr_assessment::lifted`); a pair written as a plain call
//! (`lang.pick("…", "…")`) would keep its Spanish in the first download,
//! and is refused. Neither text of
//! a pair can be missing. These tests read every source file of the app and
//! of the core and check every pair: no empty Spanish text, no Spanish text
//! left identical to the English unless it is the same word in both
//! languages, the same placeholders in both, and no text translated any
//! other way (a `match` on the language with a text in each arm). A second
//! test keeps the English, the interface's and the instrument's, in US
//! spelling.

use hr_assessment::Shipped;
use std::fs;
use std::path::{Path, PathBuf};

/// Texts that are rightly the same in both languages.
const SAME_IN_BOTH: &[&str] = &[
    "", "CSV", "JSON", "{}", "Email", "TA", "Español", "English", "General", "No", "Balance",
];

/// Every Rust source file of the app and of the core, but the two files
/// that define the pairs.
fn sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("src"), &mut out);
    walk(Path::new("crates/assessment/src"), &mut out);
    out.retain(|p| !p.ends_with("src/i18n.rs") && !p.ends_with("src/lang.rs"));
    out.sort();
    assert!(out.len() > 50, "the sources were not found: {out:?}");
    out
}

/// The pairs of a source file, in its four forms.
fn pairs(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for opener in ["t!(", "tf!(", "tr!(", "pick!("] {
        let mut rest = source;
        while let Some(i) = rest.find(opener) {
            // Only calls: the character before must not be part of a name.
            let before = rest[..i].chars().last();
            rest = &rest[i + opener.len()..];
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let mut args = rest;
            if opener == "tr!(" || opener == "pick!(" {
                // The language comes first: skip it.
                let Some(comma) = args.find(',') else { continue };
                args = &args[comma + 1..];
            }
            let Some((en, after)) = literal(args) else { continue };
            let after = after.trim_start();
            let Some(after) = after.strip_prefix(',') else { continue };
            let Some((es, _)) = literal(after) else { continue };
            out.push((en, es));
        }
    }
    out
}

/// The placeholders of a format string, sorted: `{n}`, `{}`, `{share:>3}`
/// give "n", "", "share" (`{{` is a brace, not a placeholder).
fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '{' => {
                let inside: String = chars.by_ref().take_while(|c| *c != '}').collect();
                out.push(inside.split(':').next().unwrap_or_default().to_owned());
            }
            _ => {}
        }
    }
    out.sort();
    out
}

/// A Rust string literal at the start of `s` (after spaces), and the rest.
fn literal(s: &str) -> Option<(String, &str)> {
    let s = s.trim_start();
    let body = s.strip_prefix('"')?;
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    text.push(n);
                }
            }
            '"' => return Some((text, &body[i + 1..])),
            c => text.push(c),
        }
    }
    None
}

#[test]
fn every_text_has_a_real_spanish_version_with_the_same_placeholders() {
    assert_eq!(
        placeholders("{n} of {total} ({share:>3}%) {{not}} {}"),
        ["", "n", "share", "total"]
    );
    let mut count = 0;
    let mut problems = Vec::new();
    for path in sources() {
        let source = fs::read_to_string(&path).unwrap();
        for (en, es) in pairs(&source) {
            count += 1;
            let at = path.display();
            if es.trim().is_empty() && !en.trim().is_empty() {
                problems.push(format!("{at}: empty text in {en:?} / {es:?}"));
            } else if en == es && !SAME_IN_BOTH.contains(&en.as_str()) {
                problems.push(format!("{at}: Spanish left in English: {en:?}"));
            } else if placeholders(&en) != placeholders(&es) {
                problems.push(format!("{at}: the two texts name different values: {en:?} / {es:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The app has hundreds of pairs; a parser that lost them would find few.
    assert!(count > 800, "only {count} pairs found");
}

#[test]
fn every_pair_is_written_so_that_its_spanish_can_be_lifted() {
    // `t("…", "…")` or `lang.pick("…", "…")` would still compile (`pick` is
    // a method of `Lang` for values that are not texts), but keep the
    // Spanish in the program.
    let mut problems = Vec::new();
    for path in sources() {
        let source = fs::read_to_string(&path).unwrap();
        for opener in [".pick(", "t("] {
            let mut rest = source.as_str();
            while let Some(i) = rest.find(opener) {
                let before = rest[..i].chars().last();
                rest = &rest[i + opener.len()..];
                if opener == "t("
                    && before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '!')
                {
                    continue;
                }
                if literal(rest).is_some() {
                    let line = source.len() - rest.len();
                    let n = source[..line].lines().count();
                    problems.push(format!("{}:{n}", path.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "write these pairs with t!, tf!, pick! or tr!:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_text_is_translated_any_other_way() {
    // A `match` on the language with a text in an arm is the old way: the
    // two texts drift apart (one takes three problems by hand, the other
    // calls a helper). The arm `Lang::Es => …` may still choose a value
    // that is not a text (which table, which tape).
    let text_arm = |line: &str| {
        let Some(i) = line.find("Lang::Es") else { return false };
        let after = &line[i + "Lang::Es".len()..];
        let after = after.trim_start_matches(')').trim_start();
        let Some(value) = after.strip_prefix("=>") else {
            return false;
        };
        let value = value.trim_start();
        value.starts_with('"')
            || value.starts_with("format!")
            || value.starts_with("match")
            || value.is_empty()
            || value.starts_with('{')
    };
    assert!(text_arm(
        r#"            (Empty, Lang::Es) => "Este texto está vacío.","#
    ));
    assert!(text_arm("            crate::Lang::Es => format!(\"{n} respondidas\"),"));
    assert!(text_arm("            Lang::Es => {"));
    assert!(text_arm("            crate::Lang::Es => match self {"));
    assert!(!text_arm("                    Lang::Es => reported.lower_first(),"));
    assert!(!text_arm("        Lang::Es => Some(ES_JSON),"));
    let mut problems = Vec::new();
    for path in sources() {
        let source = fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate() {
            let line_no_macro = !line.contains("$crate::Lang::Es");
            if line_no_macro && text_arm(line) || line.contains("fn spanish(") {
                problems.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "write these texts as pairs (t!, tf!, pick!, tr!):\n{}",
        problems.join("\n")
    );
}

/// British spellings, as whole lowercase words (or, ending in `*`, word
/// beginnings), that US readers would notice. The app is for US
/// organizations (the national figures describe them), so its English is US
/// English.
const BRITISH: &[&str] = &[
    "centre",
    "centred",
    "centres",
    "judgement",
    "judgements",
    "modelling",
    "modelled",
    "colour*",
    "favour*",
    "honour*",
    "behaviour*",
    "organis*",
    "recognis*",
    "prioritis*",
    "summaris*",
    "analyse",
    "analysed",
    "labelled",
    "labelling",
    "travelled",
    "travelling",
    "cancelled",
    "programme*",
    "licence",
    "catalogue",
    "defence",
    "whilst",
    "amongst",
    "learnt",
    "grey",
    // "Tick" a box is British; US forms say "check".
    "tick",
    "ticks",
    "ticked",
    "untick*",
];

/// British phrases, lowercase.
const BRITISH_PHRASES: &[&str] = &["other way round", "in future", "agree team answers"];

fn british_words(text: &str) -> Vec<String> {
    // Placeholders (`{favoured}`) are names in the code, not text anyone reads.
    let mut shown = String::new();
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            c if !in_placeholder => shown.push(c),
            _ => {}
        }
    }
    let lower = shown.to_ascii_lowercase();
    let mut found: Vec<String> = shown
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_ascii_lowercase)
        .filter(|word| {
            BRITISH.iter().any(|b| match b.strip_suffix('*') {
                Some(start) => word.starts_with(start),
                None => word == b,
            })
        })
        .collect();
    found.extend(
        BRITISH_PHRASES
            .iter()
            .filter(|p| lower.contains(*p))
            .map(|p| (*p).to_owned()),
    );
    found
}

/// Wordings that describe a national figure as a share of organizations.
/// The 2022 survey counted respondents (people working at member
/// organizations, several sometimes from one organization), so every
/// national figure is a share of respondents.
#[allow(clippy::disallowed_methods)] // a check, not the app's code
fn organizations_as_national_unit(text: &str) -> bool {
    let t = text.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '%')
        .filter(|w| !w.is_empty())
        .collect();
    let english = words.windows(2).any(|w| {
        (w[0].ends_with('%') || w[0] == "more" || w[0] == "what" || w[0] == "by") && w[1] == "organizations"
            || w[0] == "organizations"
                && [
                    "said",
                    "chose",
                    "asked",
                    "wanted",
                    "preferred",
                    "nationally",
                    "surveyed",
                ]
                .contains(&w[1])
    }) || words
        .windows(3)
        .any(|w| w[0] == "of" && w[1] == "organizations" && w[2] == "nationally")
        || (t.contains("answered by") && t.contains("organizations") && !t.contains("respondents"));
    let spanish = [
        "de las organizaciones dijo",
        "de las organizaciones eligió",
        "más organizaciones pidieron",
        "las organizaciones encuestadas",
        "prefirieron las organizaciones",
        "que respondieron 90 organizaciones",
    ]
    .iter()
    .any(|p| t.contains(p));
    english || spanish
}

#[test]
fn no_national_figure_is_a_share_of_organizations_in_either_language() {
    // The wordings the app used before, in both languages, are caught.
    for old in [
        "Nationally 63% of organizations said this would help most (n = 87).",
        "84% of organizations nationally chose it (n = 87)",
        "Ties go to what more organizations asked for nationally.",
        "Twelve statements come from the 2022 national survey, answered by 90 mental health and substance use treatment organizations. ",
        "Your answers beside those of organizations surveyed nationally in 2022.",
        "then what organizations preferred nationally (n = 87).",
        "A nivel nacional, el 63% de las organizaciones dijo que esto sería lo que más ayudaría (n = 87).",
        "a nivel nacional, el 84% de las organizaciones eligió esta opción (n = 87)",
        "Doce afirmaciones vienen de la encuesta nacional de 2022, que respondieron 90 organizaciones de tratamiento",
        "Sus respuestas junto a las de las organizaciones encuestadas a nivel nacional en 2022.",
    ] {
        assert!(organizations_as_national_unit(old), "{old}");
    }
    assert!(!organizations_as_national_unit(
        "Nationally 63% of respondents said this would help their organization most (n = 87)."
    ));

    let mut problems = Vec::new();
    for path in sources() {
        for (en, es) in pairs(&fs::read_to_string(&path).unwrap()) {
            for text in [en, es] {
                if organizations_as_national_unit(&text) {
                    problems.push(format!("{}: {text:?}", path.display()));
                }
            }
        }
    }
    // The core's sentences beside national figures, in both languages.
    use hr_assessment::{assess, ItemId, Lang, Responses};
    let mut answers = Responses::default();
    for m in ["toolkits", "webinars", "convenings"] {
        let _ = answers.set_multi(
            ItemId::new("modalities-top"),
            hr_assessment::OptionId::new(m),
            true,
            Some(3),
        );
    }
    for lang in [Lang::En, Lang::Es] {
        let instrument = hr_assessment::Instrument::shipped_in(lang);
        let report = assess(instrument, &answers);
        for m in &report.modalities {
            let line = m.reason_line_in(instrument, lang);
            if organizations_as_national_unit(&line) {
                problems.push(format!("modality reason: {line:?}"));
            }
        }
        for b in &report.statements {
            let line = b.sentence_in(lang);
            if organizations_as_national_unit(&line) {
                problems.push(format!("benchmark: {line:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every string value in a JSON document (not its keys: those are the
/// documented format).
fn string_values(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| string_values(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| string_values(v, out)),
        _ => {}
    }
}

#[test]
fn the_english_texts_use_us_spelling() {
    assert_eq!(
        british_words("Person-centred, the Centre; a colourful honour."),
        ["centred", "centre", "colourful", "honour"]
    );
    assert!(british_words("person-centered organization, center, judgment, honored, {favoured}").is_empty());

    let mut problems = Vec::new();
    for path in sources() {
        for (en, _) in pairs(&fs::read_to_string(&path).unwrap()) {
            for word in british_words(&en) {
                problems.push(format!("{}: {word:?} in {en:?}", path.display()));
            }
        }
    }
    let instrument = hr_assessment::Instrument::shipped_in(hr_assessment::Lang::En);
    let codebook = hr_assessment::codebook::Codebook::new(instrument).to_json();
    let mut texts = Vec::new();
    string_values(&serde_json::from_str(&codebook).unwrap(), &mut texts);
    assert!(texts.len() > 100, "the instrument's texts were found");
    for text in texts {
        for word in british_words(&text) {
            problems.push(format!("instrument: {word:?} in {text:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
