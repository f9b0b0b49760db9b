//! The .docx and .odt readers on arbitrary bytes (seeded with valid
//! documents in fuzz/corpus/docx, so libFuzzer mutates real zips).
#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    invariants::check_bytes(bytes);
});
