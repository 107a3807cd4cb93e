//! The instrument as a flat "tape" of text tokens, built into the program.
//!
//! The core's `build.rs` reads the data files with this model, checks
//! them, and writes each language's instrument as string constants: every
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
//!
//! **Details.** The fields listed after `;` in [`tape_struct!`] are texts
//! that only the report and reading pages show (sources, where a statement
//! comes from, the national figures' wording, what each domain means and how
//! to find out, retired statements). [`write_apart`] puts them on a second
//! tape of their own, and [`read_brief`] reads the first tape alone, with
//! those fields empty: the pages a first visit needs (start and questions)
//! read the brief instrument, and the details' tape goes with the code that
//! reads the whole one ([`read_apart`]), in a chunk loaded later.

use crate::ids::*;
use crate::instrument::*;
use crate::sorted::SortedMap;

/// Separates tokens: the ASCII unit separator, which no text may contain
/// (`build.rs` refuses such data).
pub const SEP: char = '\u{1f}';

/// Where the details' tokens are.
enum Details<'a> {
    /// In their places on the one tape ([`write`]).
    Inline,
    /// On a tape of their own, in the same order ([`write_apart`]).
    Apart(std::str::Split<'a, char>),
    /// Not read: the brief instrument.
    Skipped,
}

/// Reads tokens off a tape.
pub struct Reader<'a> {
    tokens: std::str::Split<'a, char>,
    details: Details<'a>,
    in_detail: bool,
}

impl<'a> Reader<'a> {
    fn new(tape: &'a str, details: Details<'a>) -> Self {
        Reader {
            tokens: tape.split(SEP),
            details,
            in_detail: false,
        }
    }

    fn token(&mut self) -> &'a str {
        let tokens = match (&mut self.details, self.in_detail) {
            (Details::Apart(details), true) => details,
            _ => &mut self.tokens,
        };
        tokens.next().expect("the built-in instrument tape ends early")
    }

    fn number(&mut self) -> i64 {
        self.token()
            .parse()
            .expect("the built-in instrument tape has a malformed number")
    }

    /// A field of the details (see the module's documentation).
    fn detail<T: Tape + Default>(&mut self) -> T {
        match self.details {
            Details::Skipped => T::default(),
            Details::Inline => T::read(self),
            Details::Apart(_) => {
                self.in_detail = true;
                let value = T::read(self);
                self.in_detail = false;
                value
            }
        }
    }

    fn finish(mut self) {
        assert!(
            self.tokens.next().is_none(),
            "the built-in instrument tape has trailing tokens"
        );
        if let Details::Apart(mut details) = self.details {
            assert!(
                details.next().is_none(),
                "the built-in details' tape has trailing tokens"
            );
        }
    }
}

/// Collects the tokens [`Tape::write`] writes.
pub struct Writer {
    tokens: Vec<String>,
    details: Option<Vec<String>>,
    in_detail: bool,
}

impl Writer {
    fn new(apart: bool) -> Self {
        Writer {
            tokens: Vec::new(),
            details: apart.then(Vec::new),
            in_detail: false,
        }
    }

    /// Adds a token where it goes: to the details' tape inside a detail
    /// written apart, else to the tape.
    pub fn push(&mut self, token: String) {
        assert!(
            !token.contains(SEP),
            "instrument text contains the reserved character U+001F: {token:?}"
        );
        match (&mut self.details, self.in_detail) {
            (Some(details), true) => details.push(token),
            _ => self.tokens.push(token),
        }
    }

    fn detail(&mut self, value: &impl Tape) {
        self.in_detail = true;
        value.write(self);
        self.in_detail = false;
    }
}

fn join(tokens: &[String]) -> String {
    tokens.join(&SEP.to_string())
}

/// Rebuilds a value from a tape written by [`write`].
pub fn read<T: Tape>(tape: &str) -> T {
    let mut reader = Reader::new(tape, Details::Inline);
    let value = T::read(&mut reader);
    reader.finish();
    value
}

/// Rebuilds a value from the two tapes [`write_apart`] writes.
pub fn read_apart<T: Tape>(tape: &str, details: &str) -> T {
    let mut reader = Reader::new(tape, Details::Apart(details.split(SEP)));
    let value = T::read(&mut reader);
    reader.finish();
    value
}

/// Rebuilds a value from the first of the two tapes [`write_apart`]
/// writes, with every detail empty.
pub fn read_brief<T: Tape>(tape: &str) -> T {
    let mut reader = Reader::new(tape, Details::Skipped);
    let value = T::read(&mut reader);
    reader.finish();
    value
}

/// Writes a value as one tape (used by the core's `build.rs`).
pub fn write<T: Tape>(value: &T) -> String {
    let mut out = Writer::new(false);
    value.write(&mut out);
    join(&out.tokens)
}

/// Writes a value as two tapes, the details apart: `(tape, details)`.
pub fn write_apart<T: Tape>(value: &T) -> (String, String) {
    let mut out = Writer::new(true);
    value.write(&mut out);
    let details = out.details.unwrap_or_default();
    (join(&out.tokens), join(&details))
}

/// A type that can be written to and read from a tape.
pub trait Tape: Sized {
    fn write(&self, out: &mut Writer);
    fn read(r: &mut Reader<'_>) -> Self;
}

impl Tape for String {
    fn write(&self, out: &mut Writer) {
        out.push(self.clone());
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token().to_owned()
    }
}

macro_rules! tape_number {
    ($($t:ty),*) => {$(
        impl Tape for $t {
            fn write(&self, out: &mut Writer) {
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
    fn write(&self, out: &mut Writer) {
        out.push(if *self { "1" } else { "0" }.to_owned());
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token() == "1"
    }
}

impl<T: Tape> Tape for Option<T> {
    fn write(&self, out: &mut Writer) {
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
    fn write(&self, out: &mut Writer) {
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
    fn write(&self, out: &mut Writer) {
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
            fn write(&self, out: &mut Writer) {
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
            fn write(&self, out: &mut Writer) {
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

/// A struct, field by field in the order given; the fields after `;` are
/// details (see the module's documentation), read in the same order.
macro_rules! tape_struct {
    ($t:ident { $($f:ident),* $(,)? $(; $($d:ident),* $(,)?)? }) => {
        impl Tape for $t {
            fn write(&self, out: &mut Writer) {
                let $t { $($f,)* $($($d),*)? } = self;
                $( $f.write(out); )*
                $($( out.detail($d); )*)?
            }
            fn read(r: &mut Reader<'_>) -> Self {
                $t { $($f: Tape::read(r),)* $($($d: r.detail()),*)? }
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
    replaced_by;
    text,
    reason
});
tape_struct!(Source {
    id;
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
    setting;
    summary,
    find_out
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
    qualifier;
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
    national,
    setting;
    locator
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
    ta;
    note
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
    fn write(&self, out: &mut Writer) {
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

fn tagged(out: &mut Writer, tag: &str, value: &impl Tape) {
    out.push(tag.to_owned());
    value.write(out);
}
