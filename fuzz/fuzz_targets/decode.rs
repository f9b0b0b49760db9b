//! Plain-text decoding of arbitrary bytes: never a panic, and accepted text
//! goes through the whole pipeline.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let limits = argmark::read::Limits::default();
    if let Ok(source) = argmark::read::decode("fuzz.txt".into(), bytes, limits) {
        invariants::check_text(&source.text);
    }
});
