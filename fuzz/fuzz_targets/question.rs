//! Question parsing on arbitrary text: a well-formed window, no panic.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|text: &str| {
    invariants::check_question(text);
});
