//! Analysis and every renderer on arbitrary text, with the layout, span,
//! date and JSON invariants, and determinism.
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|text: &str| {
    let first = invariants::check_text(text);
    assert_eq!(
        first,
        invariants::check_text(text),
        "output differs between runs"
    );
});
