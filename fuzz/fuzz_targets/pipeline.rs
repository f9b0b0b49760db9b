//! Analysis and every renderer on arbitrary text, with the layout, span,
//! date and JSON invariants. (Determinism is checked by the stable fuzzer
//! and the property tests: here a second run would halve the exec rate.)
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|text: &str| {
    invariants::check_text(text);
});
