//! Batch rows as JSON: the single-file report with the student added, or
//! the error that stopped the row.

use serde::Serialize;

use super::{RowError, Student};
use crate::analysis::Analysis;
use crate::read::Source;
use crate::report::json::Report;

#[derive(Serialize)]
struct EssayOut<'a> {
    #[serde(flatten)]
    report: Report<'a>,
    student: Option<&'a Student>,
    /// Footnotes of a .docx/.odt, kept apart from `text`.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    footnotes: &'a [String],
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    file: &'a str,
    student: Option<&'a Student>,
    error: &'a RowError,
}

/// One essay's row: the same object `check --format json` prints for it,
/// plus `student`.
pub fn essay(
    name: &str,
    student: Option<&Student>,
    source: &Source,
    a: &Analysis,
    pretty: bool,
) -> String {
    let out = EssayOut {
        report: Report::new(name, source.encoding, a),
        student,
        footnotes: &source.footnotes,
    };
    // A row is about sixteen times the essay's text (its sentences, roles
    // and reasons): sized once, not grown by doubling. Capped, so that an
    // odd huge input reserves no more than it will use.
    let capacity = (a.doc.text.len() * 16 + 4096).min(1 << 20);
    write(&out, pretty, Vec::with_capacity(capacity))
}

/// A row that could not be marked.
pub fn error(name: &str, student: Option<&Student>, e: &RowError, pretty: bool) -> String {
    to_string(
        &ErrorOut {
            file: name,
            student,
            error: e,
        },
        pretty,
    )
}

pub fn to_string(value: &impl Serialize, pretty: bool) -> String {
    write(value, pretty, Vec::new())
}

/// Serialises `value` into `buf` (whose capacity the caller may size).
/// Compact rows, what a batch writes thousands of, go through sonic-rs: its
/// SIMD string escaping writes the same bytes as serde_json (the property
/// tests and the fuzzer hold it to that for every report) and escaping was
/// the largest single cost of a JSON Lines batch. Pretty output, read by
/// people, stays with serde_json.
fn write(value: &impl Serialize, pretty: bool, mut buf: Vec<u8>) -> String {
    if pretty {
        serde_json::to_writer_pretty(&mut buf, value).expect("batch rows serialise");
    } else {
        sonic_rs::to_writer(&mut buf, value).expect("batch rows serialise");
    }
    String::from_utf8(buf).expect("JSON is written as UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample {
        text: String,
        floats: Vec<f32>,
        wide: Vec<f64>,
        maybe: Option<u32>,
        list: Vec<(i64, bool)>,
    }

    /// The compact writer gives serde_json's bytes for every character a
    /// string can hold that either escapes, and for odd numbers.
    #[test]
    fn compact_rows_are_serde_json_bytes() {
        let mut text: String = (0u8..=0x7f).map(char::from).collect();
        text.push_str("\u{80}\u{9f}\u{a0}\u{2028}\u{2029}\u{feff}“quoted” — é 😀 \\\" </script>");
        let sample = Sample {
            text,
            floats: vec![
                0.0,
                -0.0,
                0.548,
                1.0,
                1.352,
                -2.5,
                1e-7,
                3.4e38,
                100.0,
                0.001,
                f32::NAN,
                f32::INFINITY,
            ],
            wide: vec![0.1, 1e21, 1e-7, 123456789.125, f64::NEG_INFINITY],
            maybe: None,
            list: vec![(-1, true), (i64::MAX, false)],
        };
        assert_eq!(
            to_string(&sample, false),
            serde_json::to_string(&sample).unwrap()
        );
    }
}
