//! The bundled sample essays that report tests run over.

/// Every sample, in the order the snapshots list them.
pub const SAMPLES: &[&str] = &[
    "strong.txt",
    "narrative.txt",
    "drift.txt",
    "wrapped.txt",
    "versailles.txt",
    "planted-errors.txt",
    "weimar.md",
];
