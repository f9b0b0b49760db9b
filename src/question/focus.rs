//! The question's focus: the content words and names an answer must engage
//! with, stemmed for matching.

use serde::Serialize;

use crate::layout::words::stem;
use crate::normalize::word_key;

/// One focus term: the word as written and its stem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusTerm {
    pub term: String,
    pub stem: String,
}

/// Function words, command words and window words: not focus.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "agree",
    "all",
    "also",
    "an",
    "analyse",
    "analyze",
    "and",
    "any",
    "are",
    "as",
    "assess",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "by",
    "c",
    "ca",
    "can",
    "compare",
    "could",
    "describe",
    "did",
    "discuss",
    "do",
    "does",
    "during",
    "evaluate",
    "examine",
    "explain",
    "extent",
    "far",
    "for",
    "from",
    "had",
    "has",
    "have",
    "how",
    "in",
    "into",
    "is",
    "it",
    "its",
    "main",
    "more",
    "most",
    "much",
    "of",
    "on",
    "or",
    "over",
    "period",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "this",
    "those",
    "through",
    "till",
    "to",
    "until",
    "up",
    "validity",
    "view",
    "was",
    "were",
    "what",
    "when",
    "which",
    "who",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "you",
    "your",
    "important",
    "significant",
    "accurate",
    "successful",
    "effective",
    "reason",
    "reasons",
    "mainly",
    "valid",
];

/// Focus terms in question order, without repeats.
pub fn parse(question: &str) -> Vec<FocusTerm> {
    let mut out: Vec<FocusTerm> = Vec::new();
    for raw in question.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let word = raw.trim_matches(['\'', '’']);
        let key = word_key(word);
        let key = key.strip_suffix("'s").unwrap_or(&key);
        if key.chars().count() < 3 || key.chars().all(|c| c.is_ascii_digit()) || STOP.contains(&key)
        {
            continue;
        }
        let stem = stem(key);
        if out.iter().any(|f| f.stem == stem) {
            continue;
        }
        let term = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        out.push(FocusTerm {
            term: term.to_string(),
            stem,
        });
    }
    out
}
