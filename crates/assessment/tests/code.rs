//! The answer code (`docs/team.md`, "The answer code"): round trips, its
//! length and alphabet, and refusals with a message for the facilitator.
//! Refusals go through one helper that checks the error and its words.

mod common;
use common::*;
use hr_assessment::code::{code_length, decode, encode, with_check, CodeError, MAX_ROLES};
use hr_assessment::team::role_options;
use hr_assessment::{Instrument, Question, Responses, ScaleAnswer};
use proptest::prelude::*;

/// Only what a code carries: statement answers and the role.
fn carried(r: &Responses) -> Responses {
    let mut out = Responses {
        statements: r.statements.clone(),
        ..Responses::default()
    };
    if let Some(role) = r.chosen(&item("role")).first() {
        out.set_single(item("role"), role.clone());
    }
    out
}

fn every_statement(pick: impl Fn(usize) -> ScaleAnswer) -> Responses {
    let mut r = Responses::default();
    for (k, s) in instrument().statements().enumerate() {
        r.set_statement(s.id.clone(), pick(k));
    }
    r
}

#[test]
fn codes_round_trip_exactly() {
    let mut with_role = every_statement(|k| ScaleAnswer::ALL[k % 5]);
    with_role.set_single(item("role"), opt("peer"));
    let mut only_role = Responses::default();
    only_role.set_single(item("role"), opt("other"));
    let cases: Vec<(&str, Responses)> = vec![
        ("nothing answered", Responses::default()),
        ("every statement, every answer in turn, a peer", with_role),
        ("only a role", only_role),
        ("all I don't know", every_statement(|_| DK)),
        ("the last statement only", {
            let last = instrument().statements().last().unwrap().id.clone();
            let mut r = Responses::default();
            r.set_statement(last, SD);
            r
        }),
    ];
    for (case, r) in cases {
        let code = encode(instrument(), &r);
        assert_eq!(decode(instrument(), &code), Ok(r), "case {case:?}: {code}");
    }
    for role in role_options(instrument()) {
        let mut r = answers(&[("champion", SWA)]);
        r.set_single(item("role"), role.clone());
        assert_eq!(decode(instrument(), &encode(instrument(), &r)), Ok(r), "role {role}");
    }
}

#[test]
fn a_code_carries_statements_and_role_only() {
    let full = full_responses();
    let code = encode(instrument(), &full);
    assert_eq!(decode(instrument(), &code), Ok(carried(&full)));
}

#[test]
fn codes_are_34_url_safe_characters_for_52_statements() {
    assert_eq!(instrument().statements().count(), 52);
    assert_eq!(code_length(instrument()), 34);
    for r in [Responses::default(), full_responses(), every_statement(|_| SA)] {
        let code = encode(instrument(), &r);
        assert_eq!(code.len(), 34, "{code}");
        assert!(code.starts_with("B2."), "{code}");
        assert!(
            code.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{code} is not fragment-safe"
        );
    }
    // Every role fits in a code.
    assert!(role_options(instrument()).len() <= MAX_ROLES);
}

#[test]
fn surrounding_spaces_are_ignored() {
    let r = answers(&[("champion", SA)]);
    let code = encode(instrument(), &r);
    assert_eq!(decode(instrument(), &format!("  {code}\n")), Ok(r));
}

/// The one helper for refusals: `decode` gives exactly `expected`, and its
/// message contains `words`, reads as sentences and shows nothing technical.
fn check_refused(case: &str, code: &str, expected: &CodeError, words: &str) {
    assert_eq!(decode(instrument(), code).as_ref(), Err(expected), "case {case:?}");
    let message = expected.to_string();
    assert!(message.contains(words), "case {case:?}: {message:?} lacks {words:?}");
    assert!(
        message.starts_with(char::is_uppercase) && message.ends_with('.'),
        "case {case:?}: {message:?}"
    );
    for jargon in ["base64", "bits", "checksum", "Error", "`"] {
        assert!(!message.contains(jargon), "case {case:?}: {message:?} shows {jargon:?}");
    }
}

/// A code with the right check characters for whatever payload it holds.
fn with_valid_check(payload: &str) -> String {
    let code = with_check(instrument(), payload).expect("base64url characters");
    assert_ne!(decode(instrument(), &code), Err(CodeError::Mistyped), "{code}");
    code
}

#[test]
fn malformed_codes_are_refused_with_a_reason() {
    let good = encode(instrument(), &full_responses());
    let payload = &good[3..24];
    let swap = |code: &str, at: usize| {
        let mut b = code.as_bytes().to_vec();
        b.swap(at, at + 1);
        String::from_utf8(b).unwrap()
    };
    let replace = |code: &str, at: usize, c: char| {
        let mut s: Vec<char> = code.chars().collect();
        s[at] = c;
        s.into_iter().collect::<String>()
    };
    assert_ne!(
        good.as_bytes()[3],
        good.as_bytes()[4],
        "the swap below changes the code"
    );
    let cases: Vec<(&str, String, CodeError, &str)> = vec![
        ("empty", String::new(), CodeError::Empty, "There is no code here"),
        ("spaces", "   ".into(), CodeError::Empty, "Type or paste"),
        (
            "a word",
            "hello".into(),
            CodeError::NotACode,
            "This is not an answer code from this app",
        ),
        (
            "lower-case start",
            good.to_ascii_lowercase(),
            CodeError::NotACode,
            "starts with B",
        ),
        (
            "no version",
            format!("B.{payload}"),
            CodeError::NotACode,
            "not an answer code",
        ),
        (
            "no full stop",
            good.replacen('.', "", 1),
            CodeError::NotACode,
            "not an answer code",
        ),
        (
            "a link instead of a code",
            "https://example.org/#B1.xyz".into(),
            CodeError::NotACode,
            "not an answer code",
        ),
        (
            "a later format",
            good.replacen('B', "C", 1),
            CodeError::NewerFormat,
            "newer version of this app",
        ),
        (
            "the first format, with its weak check",
            "A1.ZAACAAAAAAAAAAAAAEDFAp".into(),
            CodeError::OlderFormat,
            "earlier version of this app",
        ),
        (
            "another questionnaire version",
            good.replacen("B2.", "B3.", 1),
            CodeError::DifferentVersion {
                code: "3".into(),
                app: "2".into(),
            },
            "This code was made with a different version of the questionnaire (version 3; this app has version 2)",
        ),
        (
            "cut short by three",
            good[..31].to_owned(),
            CodeError::Incomplete { missing: 3 },
            "This code is incomplete: 3 characters are missing",
        ),
        (
            "cut short by one",
            good[..33].to_owned(),
            CodeError::Incomplete { missing: 1 },
            "1 character is missing",
        ),
        (
            "only the start",
            "B2.".into(),
            CodeError::Incomplete { missing: 31 },
            "incomplete",
        ),
        (
            "two codes run together",
            format!("{good}{good}"),
            CodeError::BadCharacter {
                position: 37,
                character: '.',
            },
            "\".\" at character 37",
        ),
        (
            "something added",
            format!("{good}xy"),
            CodeError::TooLong { extra: 2 },
            "This code is too long: 2 characters are more",
        ),
        (
            "one character mistyped",
            replace(&good, 10, if &good[10..11] == "Q" { 'R' } else { 'Q' }),
            CodeError::Mistyped,
            "typing mistake",
        ),
        (
            "two characters swapped",
            swap(&good, 3),
            CodeError::Mistyped,
            "two characters swapped",
        ),
        (
            "a character outside the alphabet",
            replace(&good, 7, '%'),
            CodeError::BadCharacter {
                position: 8,
                character: '%',
            },
            "This code contains \"%\" at character 8",
        ),
        (
            "a space inside",
            replace(&good, 12, ' '),
            CodeError::BadCharacter {
                position: 13,
                character: ' ',
            },
            "a space at character 13",
        ),
        (
            "a line break inside",
            replace(&good, 12, '\n'),
            CodeError::BadCharacter {
                position: 13,
                character: '\n',
            },
            "a line break",
        ),
        (
            "an ellipsis from a shortened display",
            format!("{}…", &good[..20]),
            CodeError::BadCharacter {
                position: 21,
                character: '…',
            },
            "\"…\" at character 21",
        ),
        // A value of 7 in a statement's place (with a matching check character).
        (
            "an answer that does not exist",
            with_valid_check(&format!("AH{}", &"A".repeat(25))),
            CodeError::Damaged,
            "damaged",
        ),
        // Role 6 of 5 (the first character holds the role and the first statement).
        (
            "a role that does not exist",
            with_valid_check(&format!("w{}", &"A".repeat(26))),
            CodeError::Damaged,
            "damaged",
        ),
        // The filler after the 52nd statement must be 0.
        (
            "bits after the last statement",
            with_valid_check(&format!("{}B", &"A".repeat(26))),
            CodeError::Damaged,
            "damaged",
        ),
    ];
    for (case, code, expected, words) in &cases {
        check_refused(case, code, expected, words);
    }
}

#[test]
fn every_single_mistyped_character_is_caught() {
    let good = encode(instrument(), &full_responses());
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut tried = 0;
    for at in 3..good.len() {
        for c in alphabet.chars() {
            if good[at..=at].starts_with(c) {
                continue;
            }
            let typo = format!("{}{c}{}", &good[..at], &good[at + 1..]);
            assert_eq!(decode(instrument(), &typo), Err(CodeError::Mistyped), "{typo}");
            tried += 1;
        }
    }
    assert_eq!(tried, 31 * 63);
}

#[test]
fn changing_an_answer_and_guessing_one_check_character_never_passes() {
    // With format A's one check character, changing an answer and then
    // trying the 64 values of the last character always found a code that
    // passed. Now every such try fails: 27 positions × 63 values × 4 check
    // positions × 64 values.
    let good = encode(instrument(), &full_responses());
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        .chars()
        .collect();
    let mut tries = 0;
    for at in 3..30 {
        for &c in &alphabet {
            if good[at..=at].starts_with(c) {
                continue;
            }
            let mut changed: Vec<char> = good.chars().collect();
            changed[at] = c;
            for check_at in 30..34 {
                for &k in &alphabet {
                    let mut forged = changed.clone();
                    forged[check_at] = k;
                    let forged: String = forged.into_iter().collect();
                    assert_eq!(decode(instrument(), &forged), Err(CodeError::Mistyped), "{forged}");
                    tries += 1;
                }
            }
        }
    }
    assert_eq!(tries, 27 * 63 * 4 * 64);
}

#[test]
fn a_code_for_a_differently_built_questionnaire_is_refused() {
    let code = encode(instrument(), &full_responses());
    // The same major version with two statements in another order.
    let mut reordered = instrument().clone();
    let first = reordered
        .questions
        .iter()
        .position(|q| matches!(q, Question::Statement(_)))
        .unwrap();
    reordered.questions.swap(first, first + 1);
    // The same major version with one statement fewer.
    let mut shorter = instrument().clone();
    let last = shorter
        .questions
        .iter()
        .rposition(|q| matches!(q, Question::Statement(_)))
        .unwrap();
    shorter.questions.remove(last);
    let mut newer: Instrument = instrument().clone();
    newer.version = "3.0.0".into();
    let cases: Vec<(&str, Instrument, CodeError)> = vec![
        ("statements reordered", reordered, CodeError::Mistyped),
        // 51 statements and a role: 26 characters, so one is left over.
        ("a statement fewer", shorter, CodeError::TooLong { extra: 1 }),
        (
            "a newer major version",
            newer,
            CodeError::DifferentVersion {
                code: "2".into(),
                app: "3".into(),
            },
        ),
    ];
    for (case, other, expected) in cases {
        assert_eq!(decode(&other, &code), Err(expected), "case {case:?}");
    }
}

fn any_answers() -> impl Strategy<Value = Responses> {
    let n = instrument().statements().count();
    let roles = role_options(instrument());
    (
        prop::collection::vec(prop::option::of(prop::sample::select(ScaleAnswer::ALL.to_vec())), n),
        prop::option::of(prop::sample::select(roles)),
    )
        .prop_map(|(list, role)| {
            let mut r = Responses::default();
            for (s, a) in instrument().statements().zip(list) {
                if let Some(a) = a {
                    r.set_statement(s.id.clone(), a);
                }
            }
            if let Some(role) = role {
                r.set_single(item("role"), role);
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn any_answers_and_role_round_trip(r in any_answers()) {
        let code = encode(instrument(), &r);
        prop_assert_eq!(code.len(), code_length(instrument()));
        prop_assert_eq!(decode(instrument(), &code), Ok(r));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,60}") {
        let _ = decode(instrument(), &text);
    }

    #[test]
    fn arbitrary_code_shaped_text_never_panics(body in "[A-Za-z0-9_.-]{0,40}", letter in "[A-Z]", digits in "[0-9]{0,3}") {
        let text = format!("{letter}{digits}.{body}");
        if let Ok(r) = decode(instrument(), &text) {
            // Whatever is accepted is a code this app writes.
            prop_assert_eq!(encode(instrument(), &r), text);
        }
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode(instrument(), &text);
    }
}
