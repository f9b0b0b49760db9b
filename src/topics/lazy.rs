//! Regexes compiled on first use, with a cheap literal test in front.
//!
//! A pack holds hundreds of case-insensitive patterns and compiling one costs
//! a tenth of a millisecond or more, while an essay touches few of them. So
//! a pattern is kept as text and compiled only when a haystack might match:
//! most patterns hold a word that must appear ("Trotsky\s+…"), and text
//! without that word, in any case, cannot match. Text holding one of the two
//! non-ASCII letters that Unicode case folding matches with ASCII ones (the
//! Kelvin sign and the long s) is always handed to the regex.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use std::sync::OnceLock;

use super::literals::{Branch, has_ascii_fold, required};

/// A case-insensitive regex compiled on first use.
#[derive(Clone)]
pub struct Lazy {
    pattern: Box<str>,
    /// The words its matches hold (see [`literals`](super::literals)), read
    /// when first needed: most of a pack's patterns are never used in a run.
    branches: OnceLock<Box<[Branch]>>,
    /// Finds the words in a haystack; for each word, its clause.
    pre: OnceLock<(AhoCorasick, Vec<Owner>)>,
    re: OnceLock<Regex>,
    /// Its pack's index stamp and its number there, once indexed.
    number: OnceLock<(u32, u32)>,
}

/// The clause a word of [`Lazy::may_match`]'s automaton belongs to, and the
/// clauses of its branch (numbered across the branches).
#[derive(Clone)]
struct Owner {
    clause: usize,
    branch: std::ops::Range<usize>,
}

impl Lazy {
    /// A pattern known to compile.
    pub fn new(pattern: impl Into<String>) -> Lazy {
        let pattern: String = pattern.into();
        Lazy {
            branches: OnceLock::new(),
            pattern: pattern.into_boxed_str(),
            pre: OnceLock::new(),
            re: OnceLock::new(),
            number: OnceLock::new(),
        }
    }

    /// Records the pattern's number in a [`PatternIndex`](super::index::PatternIndex).
    pub(super) fn number(&self, stamp: u32, id: u32) {
        let _ = self.number.set((stamp, id));
    }

    /// The index stamp and number, once indexed.
    pub fn number_in(&self) -> Option<(u32, u32)> {
        self.number.get().copied()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The branches, with the clauses of words their matches satisfy;
    /// empty when unknown.
    pub fn branches(&self) -> &[Branch] {
        self.branches
            .get_or_init(|| required(&self.pattern).into_boxed_slice())
    }

    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.re
            .get_or_init(|| build(&self.pattern).expect("pattern validated when loaded"))
    }

    /// False only when `haystack` cannot match.
    pub fn may_match(&self, haystack: &str) -> bool {
        let branches = self.branches();
        if branches.is_empty() || has_ascii_fold(haystack) {
            return true;
        }
        let clauses = || branches.iter().flatten();
        let (pre, owner) = self.pre.get_or_init(|| {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(clauses().flatten())
                .expect("small word set");
            let mut owner = Vec::new();
            let mut first = 0;
            for b in branches {
                for (i, c) in b.iter().enumerate() {
                    let clause = Owner {
                        clause: first + i,
                        branch: first..first + b.len(),
                    };
                    owner.extend(std::iter::repeat_n(clause, c.len()));
                }
                first += b.len();
            }
            (ac, owner)
        });
        let mut met = vec![false; clauses().count()];
        // Stops at the first branch whose every clause is met: most of the
        // patterns tested this way are lists of single words.
        pre.find_overlapping_iter(haystack).any(|m| {
            let o = &owner[m.pattern().as_usize()];
            met[o.clause] = true;
            met[o.branch.clone()].iter().all(|&x| x)
        })
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.may_match(haystack) && self.regex().is_match(haystack)
    }
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Lazy").field(&self.pattern).finish()
    }
}

/// How every pack pattern is compiled: case-insensitive, and, when the
/// pattern is written in ASCII, with ASCII classes and case folding (`\w`,
/// `\s`, `\b`). The essay is matched with its typographic characters folded
/// to ASCII, so this loses little, and Unicode classes cost up to a hundred
/// times more to compile: a run compiles the patterns its essay needs.
/// A pattern that could then match part of a character (`[^.]`) keeps
/// Unicode. No literal prefilter is built either (half the cost of a small
/// pattern): the pack's index has already found the words a match needs.
/// `None` when the pattern does not compile (packs are validated when loaded).
pub fn build(pattern: &str) -> Option<Regex> {
    let with = |unicode: bool| {
        meta::Builder::new()
            .syntax(
                syntax::Config::new()
                    .case_insensitive(true)
                    .unicode(unicode),
            )
            // No full DFA either: building one for each small pattern was a
            // tenth of a single essay's run, and the lazy DFA that stays
            // matches as fast once warm.
            .configure(meta::Config::new().auto_prefilter(false).dfa(false))
            .build(pattern)
            .ok()
    };
    if pattern.is_ascii()
        && let Some(re) = with(false)
    {
        return Some(re);
    }
    with(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_never_hides_a_match() {
        let pats = [
            r"Trotsky\s+(?:\w+\s+){0,4}founded",
            r"\bheirs?\b",
            r"isolation\w*",
            r"Kerensk\w*|\bLvov",
            r"Trotsky\s+(?:\w+\s+){0,6}sealed\s+train",
        ];
        let texts = [
            "TROTSKY later founded it",
            "the heir",
            "Isolationism",
            "lvov and kerensky",
            "Trotſky founded",
            "\u{212A}erensky",
            "Trotsky and the sealed train",
            "the sealed train without him",
            "nothing here",
        ];
        for p in pats {
            let lazy = Lazy::new(p);
            let re = build(p).unwrap();
            for t in texts {
                assert_eq!(lazy.is_match(t), re.is_match(t), "{p} on {t}");
            }
        }
    }
}
