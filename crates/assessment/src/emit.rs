//! Used only by `build.rs`: writes the instrument as Rust code that builds
//! it, so the program constructs the instrument directly instead of parsing
//! JSON at start-up (which took a JSON deserializer for the whole model, the
//! largest single part of the program). Every struct lists every field: a
//! field added to the model and forgotten here fails to compile.

use crate::ids::*;
use crate::instrument::*;
use std::collections::BTreeMap;
use std::fmt::Write;

pub trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for String {
    fn emit(&self, out: &mut String) {
        // A Rust string literal: Debug formatting escapes exactly as Rust reads it.
        let _ = write!(out, "String::from({:?})", self.as_str());
    }
}

macro_rules! emit_plain {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let _ = write!(out, "{:?}", self);
            }
        }
    )*};
}
emit_plain!(u8, u32, i32, bool);

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("vec![");
        for v in self {
            v.emit(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<K: Emit, V: Emit> Emit for BTreeMap<K, V> {
    fn emit(&self, out: &mut String) {
        out.push_str("BTreeMap::from([");
        for (k, v) in self {
            out.push('(');
            k.emit(out);
            out.push(',');
            v.emit(out);
            out.push_str("),");
        }
        out.push_str("])");
    }
}

macro_rules! emit_id {
    ($($t:ident),*) => {$(
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let _ = write!(out, "{}::new({:?})", stringify!($t), self.as_str());
            }
        }
    )*};
}
emit_id!(
    ItemId,
    DomainId,
    SectionId,
    TaAreaId,
    ModalityId,
    ConstraintId,
    SourceId,
    OptionId
);

macro_rules! emit_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Emit for $t {
            fn emit(&self, out: &mut String) {
                let $t { $($f),* } = self;
                out.push_str(concat!(stringify!($t), " {"));
                $(
                    out.push_str(concat!(stringify!($f), ": "));
                    $f.emit(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

emit_struct!(Instrument {
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
    questions
});
emit_struct!(Source {
    id,
    seed,
    citation,
    note
});
emit_struct!(Thresholds {
    facilitator_from,
    barrier_to,
    find_out_from_percent,
    points_strong_barrier,
    points_somewhat_barrier,
    points_unknown,
    points_plan,
    points_chosen_area,
    modality_favoured,
    modality_disfavoured,
    wide_change_barrier_domains,
});
emit_struct!(Domain {
    id,
    name,
    summary,
    find_out
});
emit_struct!(Share { share, n });
emit_struct!(TaArea {
    id,
    name,
    summary,
    national
});
emit_struct!(Modality {
    id,
    name,
    summary,
    national,
    discussion,
    for_wide_change
});
emit_struct!(Constraint {
    id,
    label,
    favours,
    disfavours
});
emit_struct!(Section {
    id,
    title,
    domain,
    intro
});
emit_struct!(NationalStatement {
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
});
emit_struct!(Statement {
    id,
    section,
    domain,
    text,
    hint,
    polarity,
    ta,
    source,
    national
});
emit_struct!(ChoiceOption { id, label, national });
emit_struct!(Choice {
    id,
    section,
    text,
    hint,
    options,
    n,
    max,
    source
});
emit_struct!(GridColumn { id, label, n });
emit_struct!(GridRow {
    id,
    label,
    national,
    ta
});
emit_struct!(Grid {
    id,
    section,
    text,
    hint,
    columns,
    rows,
    plan_column,
    source
});
emit_struct!(ListPick {
    id,
    section,
    text,
    hint,
    max,
    source
});

impl Emit for Polarity {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "Polarity::{self:?}");
    }
}

impl Emit for Qualifier {
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "Qualifier::{self:?}");
    }
}

impl Emit for Question {
    fn emit(&self, out: &mut String) {
        let (variant, inner): (&str, &dyn Emit) = match self {
            Question::Statement(q) => ("Statement", q),
            Question::SingleChoice(q) => ("SingleChoice", q),
            Question::MultiChoice(q) => ("MultiChoice", q),
            Question::Grid(q) => ("Grid", q),
            Question::TaAreas(q) => ("TaAreas", q),
            Question::Modalities(q) => ("Modalities", q),
            Question::Constraints(q) => ("Constraints", q),
        };
        let _ = write!(out, "Question::{variant}(");
        inner.emit(out);
        out.push(')');
    }
}
