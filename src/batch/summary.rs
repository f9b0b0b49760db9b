//! The class summary: how many essays, how many could not be marked, and
//! which findings are commonest across the class, with the essays each
//! concerns. Built row by row from small facts, so no essay's text is kept.

use std::collections::BTreeMap;

use comfy_table::{Cell, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use super::{RowError, Student};
use crate::analysis::Analysis;
use crate::checks::lookup;

/// What the summary needs from one row.
#[derive(Debug, Clone)]
pub struct RowFacts {
    pub name: String,
    pub student: Option<Student>,
    pub outcome: Result<EssayFacts, RowError>,
}

#[derive(Debug, Clone)]
pub struct EssayFacts {
    pub words: usize,
    pub findings: usize,
    /// Distinct finding codes, most important first.
    pub codes: Vec<&'static str>,
}

impl EssayFacts {
    pub fn of(a: &Analysis) -> Self {
        let mut codes: Vec<&'static str> = Vec::new();
        for f in &a.findings {
            if !codes.contains(&f.code) {
                codes.push(f.code);
            }
        }
        EssayFacts {
            words: a.doc.word_count(),
            findings: a.findings.len(),
            codes,
        }
    }
}

impl RowFacts {
    /// How the row is named in lists: the student, else the file name.
    pub fn label(&self) -> String {
        match &self.student {
            Some(s) => format!("{} ({})", s.label(), s.file),
            None => self
                .name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(&self.name)
                .to_owned(),
        }
    }
}

/// The class summary, as it is built up.
#[derive(Debug, Default)]
pub struct Summary {
    rows: Vec<RowFacts>,
}

#[derive(Debug, Serialize)]
pub struct SummaryOut {
    /// Every input, marked or not.
    pub inputs: usize,
    pub essays: usize,
    pub errors: usize,
    /// Error kind → how many rows have it.
    pub error_kinds: BTreeMap<&'static str, usize>,
    pub words: Option<WordStats>,
    /// Commonest first.
    pub findings: Vec<FindingShare>,
}

#[derive(Debug, Serialize)]
pub struct WordStats {
    pub min: usize,
    pub median: usize,
    pub mean: usize,
    pub max: usize,
}

#[derive(Debug, Serialize)]
pub struct FindingShare {
    pub code: &'static str,
    pub summary: &'static str,
    /// How many essays have it, of `of`.
    pub count: usize,
    pub of: usize,
    /// The essays concerned, in row order.
    pub essays: Vec<String>,
}

impl Summary {
    pub fn add(&mut self, row: RowFacts) {
        self.rows.push(row);
    }

    pub fn to_out(&self) -> SummaryOut {
        let essays: Vec<&EssayFacts> = self
            .rows
            .iter()
            .filter_map(|r| r.outcome.as_ref().ok())
            .collect();
        let mut error_kinds = BTreeMap::new();
        for e in self.rows.iter().filter_map(|r| r.outcome.as_ref().err()) {
            *error_kinds.entry(e.kind).or_default() += 1;
        }
        let mut by_code: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        for row in &self.rows {
            if let Ok(facts) = &row.outcome {
                for code in &facts.codes {
                    by_code.entry(code).or_default().push(row.label());
                }
            }
        }
        let mut findings: Vec<FindingShare> = by_code
            .into_iter()
            .map(|(code, essays_with)| FindingShare {
                code,
                summary: lookup(code).map_or("", |c| c.summary),
                count: essays_with.len(),
                of: essays.len(),
                essays: essays_with,
            })
            .collect();
        findings.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        SummaryOut {
            inputs: self.rows.len(),
            essays: essays.len(),
            errors: self.rows.len() - essays.len(),
            error_kinds,
            words: word_stats(essays.iter().map(|e| e.words).collect()),
            findings,
        }
    }

    /// The per-input rows table followed by the class summary tables.
    pub fn render_table(&self, width: u16) -> String {
        let out = self.to_out();
        let mut text = String::from("\nClass results\n");
        let mut rows = table(width);
        rows.set_header(["File", "Student", "ID", "Late", "Words", "Findings / error"]);
        for r in &self.rows {
            let (name, id, late) = match &r.student {
                Some(s) => (s.label(), s.id.clone(), if s.late { "late" } else { "" }),
                None => (String::new(), String::new(), ""),
            };
            let (words, result) = match &r.outcome {
                Ok(f) if f.codes.is_empty() => (f.words.to_string(), "none".to_string()),
                Ok(f) => (
                    f.words.to_string(),
                    format!("{}: {}", f.findings, f.codes.join(", ")),
                ),
                Err(e) => (String::new(), format!("ERROR {}: {}", e.kind, e.message)),
            };
            rows.add_row([
                Cell::new(&r.name),
                Cell::new(name),
                Cell::new(id),
                Cell::new(late),
                Cell::new(words),
                Cell::new(result),
            ]);
        }
        text.push_str(&rows.to_string());
        text.push_str("\n\nClass summary\n");
        let mut head = table(width);
        head.add_row(["Inputs", &out.inputs.to_string()]);
        head.add_row(["Essays marked", &out.essays.to_string()]);
        let kinds: Vec<String> = out
            .error_kinds
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        let errors = if kinds.is_empty() {
            "0".into()
        } else {
            format!("{} ({})", out.errors, kinds.join(", "))
        };
        head.add_row(["Errors", &errors]);
        if let Some(w) = &out.words {
            head.add_row([
                "Words",
                &format!(
                    "min {}, median {}, mean {}, max {}",
                    w.min, w.median, w.mean, w.max
                ),
            ]);
        }
        text.push_str(&head.to_string());
        if !out.findings.is_empty() {
            text.push_str("\n\nCommonest findings\n");
            let mut f = table(width);
            f.set_header(["Essays", "Finding", "Which"]);
            for share in &out.findings {
                f.add_row([
                    format!("{} of {}", share.count, share.of),
                    format!("{} ({})", share.summary, share.code),
                    which(&share.essays),
                ]);
            }
            text.push_str(&f.to_string());
        }
        text.push('\n');
        text
    }
}

/// The essays a finding concerns, cut short for the terminal.
fn which(essays: &[String]) -> String {
    const SHOWN: usize = 6;
    let mut s = essays
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if essays.len() > SHOWN {
        s.push_str(&format!(", and {} more", essays.len() - SHOWN));
    }
    s
}

fn table(width: u16) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    t
}

fn word_stats(mut words: Vec<usize>) -> Option<WordStats> {
    if words.is_empty() {
        return None;
    }
    words.sort_unstable();
    Some(WordStats {
        min: words[0],
        median: words[words.len() / 2],
        mean: words.iter().sum::<usize>() / words.len(),
        max: words[words.len() - 1],
    })
}
