//! The words a regular expression's every match must contain, read from its
//! syntax tree: what lets a pack's hundreds of patterns be tested against an
//! essay with one Aho-Corasick pass instead of hundreds of regex searches.
//!
//! The answer is a list of branches (the pattern's top-level alternatives),
//! one of which a match takes. A branch is a list of clauses, all of which
//! its matches satisfy; a clause is a list of words (ASCII, lower case), one
//! of which the match contains in some case.
//! `Trotsky\s+(?:\w+\s+){0,6}sealed\s+train` needs "trotsky" and "sealed"
//! and "train"; `Kerensk\w*|\bLvov` needs "kerensk", or "lvov".
//! The tree is only parsed (never translated), which costs little: a pack is
//! read at every start.

use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};

/// Shortest word worth looking for.
const MIN_WORD: usize = 3;

/// Most clauses kept for one pattern (the longest words first).
const MAX_CLAUSES: usize = 4;

/// A clause: any one of these words.
pub type Clause = Vec<String>;

/// The clauses of every match of one branch of a pattern.
pub type Branch = Vec<Clause>;

/// The branches of `pattern`, each with the clauses its matches satisfy;
/// empty when nothing is known (a pattern that does not parse, or a branch
/// with no word to look for).
pub fn required(pattern: &str) -> Vec<Branch> {
    let Ok(tree) = ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mut top = &tree;
    while let Ast::Group(g) = top {
        top = &g.ast;
    }
    let branches: Vec<&Ast> = match top {
        Ast::Alternation(a) => a.asts.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for b in branches {
        let mut c = clauses(b);
        if c.is_empty() {
            return Vec::new();
        }
        for words in &mut c {
            words.sort();
            words.dedup();
        }
        c.sort_by_key(|w| std::cmp::Reverse(strength(w)));
        c.dedup();
        c.truncate(MAX_CLAUSES);
        out.push(c);
    }
    out.sort();
    out.dedup();
    out
}

/// How selective a clause is: its shortest word's length, then fewer words.
fn strength(c: &Clause) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = c.iter().map(String::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(c.len()))
}

fn clauses(tree: &Ast) -> Vec<Clause> {
    match tree {
        Ast::Group(g) => clauses(&g.ast),
        Ast::Repetition(r) if at_least_once(&r.op.kind) => clauses(&r.ast),
        Ast::Concat(c) => {
            let mut out = Vec::new();
            let mut run = String::new();
            for part in &c.asts {
                match part {
                    // Printable ASCII stands for itself (in some case);
                    // anything else may match other bytes.
                    Ast::Literal(l) if l.c.is_ascii_graphic() || l.c == ' ' => run.push(l.c),
                    other => {
                        push_word(&mut out, &mut run);
                        out.extend(clauses(other));
                    }
                }
            }
            push_word(&mut out, &mut run);
            out
        }
        Ast::Alternation(a) => {
            // One word from each branch: its strongest clause.
            let mut clause = Vec::new();
            for branch in &a.asts {
                match clauses(branch).into_iter().max_by_key(strength) {
                    Some(c) => clause.extend(c),
                    None => return Vec::new(),
                }
            }
            vec![clause]
        }
        _ => Vec::new(),
    }
}

/// Words in nearly every sentence: looking for them filters nothing and
/// fills the index.
const COMMON: &[&str] = &[
    "the", "and", "for", "was", "were", "with", "that", "this", "from", "his", "her", "its", "not",
    "but", "had", "has", "have", "are", "which", "who", "they", "their", "into",
];

fn push_word(out: &mut Vec<Clause>, run: &mut String) {
    let word = run.trim().to_ascii_lowercase();
    if word.len() >= MIN_WORD && !COMMON.contains(&word.as_str()) {
        out.push(vec![run.to_ascii_lowercase()]);
    }
    run.clear();
}

fn at_least_once(kind: &RepetitionKind) -> bool {
    match kind {
        RepetitionKind::OneOrMore => true,
        RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => false,
        RepetitionKind::Range(
            RepetitionRange::Exactly(n)
            | RepetitionRange::AtLeast(n)
            | RepetitionRange::Bounded(n, _),
        ) => *n >= 1,
    }
}

/// Can a case-insensitive match of ASCII letters lie in `text` without the
/// letters' own bytes? Under Unicode simple case folding only two non-ASCII
/// characters fold onto ASCII letters: the Kelvin sign (k) and the long s.
pub fn has_ascii_fold(text: &str) -> bool {
    !text.is_ascii() && text.contains(['\u{212A}', '\u{17F}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &str) -> Vec<Vec<Vec<String>>> {
        required(p)
    }

    fn b(clauses: &[&[&str]]) -> Vec<Vec<String>> {
        clauses
            .iter()
            .map(|c| c.iter().map(|w| w.to_string()).collect())
            .collect()
    }

    #[test]
    fn clauses_from_patterns() {
        assert_eq!(
            words(r"Trotsky\s+(?:\w+\s+){0,6}sealed\s+train"),
            [b(&[&["trotsky"], &["sealed"], &["train"]])]
        );
        assert_eq!(words(r"\bheirs?\b"), [b(&[&["heir"]])]);
        assert_eq!(
            words(r"Kerensk\w*|\bLvov"),
            [b(&[&["kerensk"]]), b(&[&["lvov"]])]
        );
        assert_eq!(
            words(r"\bthe\s+Red\s+Terror"),
            [b(&[&["terror"], &["red"]])]
        );
        assert_eq!(
            words(r"(?:Red\s+(?:Army|Guards))|(?-u:\bV\.?\s*I\.?\s*Lenin\b)"),
            [b(&[&["army", "guards"], &["red"]]), b(&[&["lenin"]])]
        );
        assert!(words(r"(?:a|b)c").is_empty());
        assert!(words(r"ab|Lenin").is_empty());
        assert_eq!(words(r"[|]Lenin"), [b(&[&["lenin"]])]);
        assert_eq!(words(r"Leni{1,2}n"), [b(&[&["len"]])]);
        assert_eq!(
            words(r"(?x) Lenin \s+ | Stalin"),
            [b(&[&["lenin"]]), b(&[&["stalin"]])]
        );
        assert_eq!(words(r"Trotsk(?:y|ii)?"), [b(&[&["trotsk"]])]);
        assert_eq!(words(r"Bronsteinł"), [b(&[&["bronstein"]])]);
        assert_eq!(
            words(r"Commissar\.\s+Lenin's"),
            [b(&[&["commissar."], &["lenin's"]])]
        );
        assert!(words(r"(").is_empty());
    }

    #[test]
    fn only_kelvin_and_long_s_fold_onto_ascii_letters() {
        let letters = regex::RegexBuilder::new("[a-z]")
            .case_insensitive(true)
            .build()
            .unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| letters.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['\u{17F}', '\u{212A}']);
        assert!(has_ascii_fold("\u{212A}erensky") && !has_ascii_fold("Kérensky"));
    }
}
