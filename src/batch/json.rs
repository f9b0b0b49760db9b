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
fn write(value: &impl Serialize, pretty: bool, mut buf: Vec<u8>) -> String {
    let written = if pretty {
        serde_json::to_writer_pretty(&mut buf, value)
    } else {
        serde_json::to_writer(&mut buf, value)
    };
    written.expect("batch rows serialise");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}
