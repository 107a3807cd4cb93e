//! Converts the human-readable instrument (TOML) into compact JSON at build
//! time, so the program embeds the data without carrying a TOML parser.
//! The typed model in `src/instrument.rs` validates it when it is loaded; this
//! script only checks that each file is well-formed TOML.
//!
//! `data/instrument.toml` is the instrument (in English); each
//! `data/instrument.<lang>.toml` holds the texts of one other language,
//! keyed by the English file's ids (`src/translation.rs` applies and checks it).

use std::{env, fs, path::PathBuf};

/// (TOML source, JSON written to OUT_DIR).
const FILES: [(&str, &str); 2] = [
    ("data/instrument.toml", "instrument.json"),
    ("data/instrument.es.toml", "instrument.es.json"),
];

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (source, target) in FILES {
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let value: serde_json::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
        fs::write(out.join(target), value.to_string()).unwrap_or_else(|e| panic!("write {target}: {e}"));
    }
}
