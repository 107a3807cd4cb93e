//! Converts the human-readable instrument (TOML) into compact JSON at build
//! time, so the program embeds the data without carrying a TOML parser.
//! The typed model in `src/instrument.rs` validates it when it is loaded; this
//! script only checks that the file is well-formed TOML.

use std::{env, fs, path::PathBuf};

fn main() {
    let source = "data/instrument.toml";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let value: serde_json::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid TOML: {e}"));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("instrument.json"), value.to_string()).expect("write instrument.json");
}
