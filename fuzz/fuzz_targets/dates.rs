//! The date finder on arbitrary text: spans in order on char boundaries,
//! well-formed intervals.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|text: &str| {
    invariants::check_dates(text);
});
