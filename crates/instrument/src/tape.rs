//! The instrument as a flat "tape" of text tokens, built into the program.
//!
//! The core's `build.rs` reads the data files with this model, checks
//! them, and writes each language's instrument as one string constant: every
//! field in declaration order, one token per scalar, separated by
//! [`SEP`]. At start-up [`read`] walks that string once and rebuilds the
//! instrument. This keeps the program small: the texts are data, and one
//! short reader per type replaces both a JSON deserializer for the whole
//! model and the code that constructing every value literally would take.
//!
//! Each struct is listed once, with all its fields, in [`tape_struct!`]; it
//! destructures on writing and constructs on reading, so a field added to
//! the model and forgotten here does not compile. A test of the core
//! (`hr-assessment`) checks that the tape gives exactly the instrument the
//! data files describe.

use crate::ids::*;
use crate::instrument::*;
use crate::sorted::SortedMap;

/// Separates tokens: the ASCII unit separator, which no text may contain
/// (`build.rs` refuses such data).
pub const SEP: char = '\u{1f}';

/// Reads tokens off a tape.
pub struct Reader<'a> {
    tokens: std::str::Split<'a, char>,
}

impl<'a> Reader<'a> {
    fn token(&mut self) -> &'a str {
        self.tokens.next().expect("the built-in instrument tape ends early")
    }

    fn number(&mut self) -> i64 {
        self.token()
            .parse()
            .expect("the built-in instrument tape has a malformed number")
    }
}

/// Rebuilds a value from a tape written by [`write`].
pub fn read<T: Tape>(tape: &str) -> T {
    let mut reader = Reader {
        tokens: tape.split(SEP),
    };
    let value = T::read(&mut reader);
    assert!(
        reader.tokens.next().is_none(),
        "the built-in instrument tape has trailing tokens"
    );
    value
}

/// Writes a value as a tape (used by the core's `build.rs`).
pub fn write<T: Tape>(value: &T) -> String {
    let mut tokens = Vec::new();
    value.write(&mut tokens);
    for t in &tokens {
        assert!(
            !t.contains(SEP),
            "instrument text contains the reserved character U+001F: {t:?}"
        );
    }
    tokens.join(&SEP.to_string())
}

/// A type that can be written to and read from a tape.
pub trait Tape: Sized {
    fn write(&self, out: &mut Vec<String>);
    fn read(r: &mut Reader<'_>) -> Self;
}

impl Tape for String {
    fn write(&self, out: &mut Vec<String>) {
        out.push(self.clone());
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token().to_owned()
    }
}

macro_rules! tape_number {
    ($($t:ty),*) => {$(
        impl Tape for $t {
            fn write(&self, out: &mut Vec<String>) {
                out.push(self.to_string());
            }
            fn read(r: &mut Reader<'_>) -> Self {
                <$t>::try_from(r.number()).expect("the built-in instrument tape has a number out of range")
            }
        }
    )*};
}
tape_number!(u8, u32, i32);

impl Tape for bool {
    fn write(&self, out: &mut Vec<String>) {
        out.push(if *self { "1" } else { "0" }.to_owned());
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token() == "1"
    }
}

impl<T: Tape> Tape for Option<T> {
    fn write(&self, out: &mut Vec<String>) {
        match self {
            None => out.push("0".to_owned()),
            Some(v) => {
                out.push("1".to_owned());
                v.write(out);
            }
        }
    }
    fn read(r: &mut Reader<'_>) -> Self {
        bool::read(r).then(|| T::read(r))
    }
}

impl<T: Tape> Tape for Vec<T> {
    fn write(&self, out: &mut Vec<String>) {
        out.push(self.len().to_string());
        for v in self {
            v.write(out);
        }
    }
    fn read(r: &mut Reader<'_>) -> Self {
        let n = r.number();
        (0..n).map(|_| T::read(r)).collect()
    }
}

impl<K: Tape + Ord, V: Tape> Tape for SortedMap<K, V> {
    fn write(&self, out: &mut Vec<String>) {
        out.push(self.len().to_string());
        for (k, v) in self {
            k.write(out);
            v.write(out);
        }
    }
    fn read(r: &mut Reader<'_>) -> Self {
        // The tape holds the keys in order, so each insert goes at the end.
        let mut map = SortedMap::new();
        for _ in 0..r.number() {
            let k = K::read(r);
            map.insert(k, V::read(r));
        }
        map
    }
}

macro_rules! tape_id {
    ($($t:ident),*) => {$(
        impl Tape for $t {
            fn write(&self, out: &mut Vec<String>) {
                out.push(self.as_str().to_owned());
            }
            fn read(r: &mut Reader<'_>) -> Self {
                $t::new(r.token())
            }
        }
    )*};
}
tape_id!(
    ItemId,
    DomainId,
    SectionId,
    TaAreaId,
    ModalityId,
    ConstraintId,
    SourceId,
    OptionId
);

/// A fieldless enum, written as the index of its variant.
macro_rules! tape_enum {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Tape for $t {
            fn write(&self, out: &mut Vec<String>) {
                let all = [$($t::$v),*];
                let i = all.iter().position(|v| v == self).expect("every variant is listed");
                out.push(i.to_string());
            }
            fn read(r: &mut Reader<'_>) -> Self {
                let all = [$($t::$v),*];
                all[usize::try_from(r.number()).expect("variant index")]
            }
        }
    };
}
tape_enum!(Polarity { Positive, Negative });
tape_enum!(Setting { Organization, Context });
tape_enum!(Qualifier {
    Exact,
    MoreThan,
    Nearly,
    About
});

macro_rules! tape_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Tape for $t {
            fn write(&self, out: &mut Vec<String>) {
                let $t { $($f),* } = self;
                $( $f.write(out); )*
            }
            fn read(r: &mut Reader<'_>) -> Self {
                $t { $($f: Tape::read(r)),* }
            }
        }
    };
}

tape_struct!(Instrument {
    version,
    title,
    language,
    sources,
    scoring,
    domains,
    ta_areas,
    modalities,
    constraints,
    sections,
    questions,
    retired
});
tape_struct!(Retired {
    id,
    until,
    text,
    replaced_by,
    reason
});
tape_struct!(Source {
    id,
    seed,
    citation,
    note
});
tape_struct!(Thresholds {
    facilitator_from,
    barrier_to,
    known_for_stage_percent,
    points_strong_barrier,
    points_somewhat_barrier,
    points_unknown,
    points_plan,
    points_chosen_area,
    points_missing_service,
    modality_favoured,
    modality_disfavoured,
    wide_change_barrier_domains,
});
tape_struct!(Domain {
    id,
    name,
    summary,
    find_out,
    setting
});
tape_struct!(Share { share, n });
tape_struct!(TaArea {
    id,
    name,
    summary,
    national
});
tape_struct!(Modality {
    id,
    name,
    summary,
    national,
    discussion,
    for_wide_change
});
tape_struct!(Constraint {
    id,
    label,
    favours,
    disfavours
});
tape_struct!(Section {
    id,
    title,
    domain,
    intro
});
tape_struct!(NationalStatement {
    n,
    strongly_agree,
    somewhat_agree,
    somewhat_disagree,
    strongly_disagree,
    dont_know,
    agree,
    disagree,
    qualifier,
    reported,
    note,
});
tape_struct!(Statement {
    id,
    since,
    section,
    domain,
    text,
    hint,
    polarity,
    ta,
    source,
    locator,
    national,
    setting
});
tape_struct!(ChoiceOption { id, label, national });
tape_struct!(Choice {
    id,
    section,
    text,
    hint,
    options,
    n,
    max,
    source
});
tape_struct!(GridColumn { id, label, n });
tape_struct!(GridRow {
    id,
    label,
    national,
    also,
    note,
    ta
});
tape_struct!(Grid {
    id,
    section,
    text,
    row_header,
    hint,
    columns,
    rows,
    plan_column,
    offer_column,
    core_rows,
    source
});
tape_struct!(ListPick {
    id,
    section,
    text,
    hint,
    max,
    source
});

impl Tape for Question {
    fn write(&self, out: &mut Vec<String>) {
        match self {
            Question::Statement(q) => tagged(out, "0", q),
            Question::SingleChoice(q) => tagged(out, "1", q),
            Question::MultiChoice(q) => tagged(out, "2", q),
            Question::Grid(q) => tagged(out, "3", q),
            Question::TaAreas(q) => tagged(out, "4", q),
            Question::Modalities(q) => tagged(out, "5", q),
            Question::Constraints(q) => tagged(out, "6", q),
        }
    }
    fn read(r: &mut Reader<'_>) -> Self {
        match r.token() {
            "0" => Question::Statement(Tape::read(r)),
            "1" => Question::SingleChoice(Tape::read(r)),
            "2" => Question::MultiChoice(Tape::read(r)),
            "3" => Question::Grid(Tape::read(r)),
            "4" => Question::TaAreas(Tape::read(r)),
            "5" => Question::Modalities(Tape::read(r)),
            "6" => Question::Constraints(Tape::read(r)),
            other => panic!("the built-in instrument tape has an unknown question kind {other:?}"),
        }
    }
}

fn tagged(out: &mut Vec<String>, tag: &str, value: &impl Tape) {
    out.push(tag.to_owned());
    value.write(out);
}
