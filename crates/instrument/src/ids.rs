//! Typed identifiers. Every reference in the instrument and in saved answers
//! is one of these, so an item id can never be passed where a domain id is
//! expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string as this kind of id (no check that it exists:
            /// the instrument's validation does that).
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written in the instrument file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

id_type!(
    /// A question of the instrument (a statement, a choice, a grid...).
    ItemId
);
id_type!(
    /// A readiness domain: leadership, staff, community, law, policy, funding.
    DomainId
);
id_type!(
    /// A page of the questionnaire.
    SectionId
);
id_type!(
    /// A technical assistance area, such as securing funding.
    TaAreaId
);
id_type!(
    /// A TA modality, such as toolkits or webinars.
    ModalityId
);
id_type!(
    /// A constraint the respondent names, such as limited staff time.
    ConstraintId
);
id_type!(
    /// A source document the content comes from.
    SourceId
);
id_type!(
    /// An option of a choice question, or a row or column of a grid.
    OptionId
);
