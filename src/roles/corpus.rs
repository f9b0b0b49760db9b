//! Annotated essays in JSON Lines (see corpus/README.md): the data the role
//! model is fitted on and evaluated against.

use serde::Deserialize;
use std::path::Path;

use super::Role;
use crate::analysis::{Analysis, Options, prepare};
use crate::layout::Document;
use crate::span::Span;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    id: String,
    split: String,
    kind: String,
    question: String,
    level: Option<u8>,
    mark: Option<u32>,
    paragraphs: Vec<Vec<Labelled>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    s: String,
    role: String,
    secondary: Option<String>,
}

/// One annotated essay, laid out as its annotator split it.
pub struct Annotated {
    pub id: String,
    /// "fit" or "held".
    pub split: String,
    /// "history" or "argumentative".
    pub kind: String,
    /// The annotator's level (1–5) and mark out of 25.
    pub level: Option<u8>,
    pub mark: Option<u32>,
    /// Question and dates read; roles not yet assigned.
    pub analysis: Analysis,
    pub gold: Vec<Role>,
    pub gold_secondary: Vec<Option<Role>>,
}

/// Reads every essay of a JSON Lines file. Errors name the file and line.
pub fn load(path: &Path) -> Result<Vec<Annotated>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|(line, e)| format!("{}:{line}: {e}", path.display()))
}

/// Parses corpus text; an error carries its 1-based line.
pub fn parse(text: &str) -> Result<Vec<Annotated>, (usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(line).map_err(|e| (n + 1, e.to_string()))?;
        out.push(build(parsed).map_err(|e| (n + 1, e))?);
    }
    Ok(out)
}

fn build(line: Line) -> Result<Annotated, String> {
    let mut text = String::new();
    let mut spans: Vec<Vec<Span>> = Vec::new();
    let mut gold = Vec::new();
    let mut gold_secondary = Vec::new();
    for para in &line.paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut these = Vec::new();
        for (i, l) in para.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(l.s.trim());
            these.push(Span::new(start, text.len()));
            gold.push(
                Role::parse(&l.role)
                    .ok_or_else(|| format!("{}: unknown role `{}`", line.id, l.role))?,
            );
            gold_secondary.push(match &l.secondary {
                Some(s) => {
                    Some(Role::parse(s).ok_or_else(|| format!("{}: unknown role `{s}`", line.id))?)
                }
                None => None,
            });
        }
        spans.push(these);
    }
    let doc = Document::from_parts(text, spans);
    let analysis = prepare(
        doc,
        &Options {
            question: Some(line.question),
            ..Options::default()
        },
    );
    Ok(Annotated {
        id: line.id,
        split: line.split,
        kind: line.kind,
        level: line.level,
        mark: line.mark,
        analysis,
        gold,
        gold_secondary,
    })
}
