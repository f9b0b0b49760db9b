//! JSON Lines in, JSON Lines out: each input line `{"id", "text",
//! "question"?}` becomes one output line, the report with `id` and `line`
//! added, or an error object naming the line. Order is kept by the caller.

use serde::{Deserialize, Serialize};

use super::RowError;
use super::json::to_string;
use crate::analysis::{self, Options};
use crate::read::EXIT_UNUSABLE;
use crate::report::json::Report;

#[derive(Deserialize)]
struct Request {
    /// Echoed back as given (a string or a number).
    id: serde_json::Value,
    text: String,
    question: Option<String>,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: serde_json::Value,
    line: usize,
    #[serde(flatten)]
    report: Report<'a>,
}

#[derive(Serialize)]
struct Failure<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<serde_json::Value>,
    line: usize,
    error: &'a RowError,
}

/// Answers one input line (1-based `number`): the JSON output line, and
/// the error when the line could not be marked.
pub fn answer(number: usize, line: &str, defaults: &Options) -> (String, Option<RowError>) {
    let fail = |id, kind, message| failure(number, id, kind, message);
    let request: Request = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return fail(
                None,
                "bad_line",
                format!("not a JSON object with \"id\" and \"text\": {e}"),
            );
        }
    };
    if crate::read::is_blank(&request.text) {
        return fail(Some(request.id), "empty", "the essay is empty".into());
    }
    let options = Options {
        question: request.question.or_else(|| defaults.question.clone()),
        ..defaults.clone()
    };
    let analysis = analysis::analyze(request.text, &options);
    let file = match &request.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let answer = Answer {
        report: Report::new(&file, "UTF-8", &analysis),
        id: request.id,
        line: number,
    };
    (to_string(&answer, false), None)
}

/// The output line for a line that could not be marked.
pub fn failure(
    number: usize,
    id: Option<serde_json::Value>,
    kind: &'static str,
    message: String,
) -> (String, Option<RowError>) {
    let error = RowError {
        kind,
        message: format!("line {number}: {message}"),
        exit_code: EXIT_UNUSABLE,
    };
    let out = to_string(
        &Failure {
            id,
            line: number,
            error: &error,
        },
        false,
    );
    (out, Some(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bad_and_empty_lines() {
        let opts = Options::default();
        let (out, err) = answer(
            1,
            r#"{"id": "a1", "text": "Lenin led the Bolsheviks in 1917."}"#,
            &opts,
        );
        assert!(err.is_none());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            (v["id"].as_str(), v["line"].as_u64()),
            (Some("a1"), Some(1))
        );
        assert!(v["findings"].is_array());
        let (out, err) = answer(2, "not json", &opts);
        assert_eq!(err.unwrap().kind, "bad_line");
        assert!(out.contains("\"line\":2"));
        let (_, err) = answer(3, r#"{"id": 7, "text": "  "}"#, &opts);
        assert_eq!(err.unwrap().kind, "empty");
    }
}
