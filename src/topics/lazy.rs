//! Regexes compiled on first use, with a cheap literal test in front.
//!
//! A pack holds hundreds of case-insensitive Unicode patterns and compiling
//! one costs about a millisecond, while an essay touches few of them. So a
//! pattern is kept as text and compiled only when a haystack might match:
//! most patterns hold a word that must appear ("Trotsky\s+…"), and text
//! without that word, in any case, cannot match. Text holding one of the two
//! non-ASCII letters that Unicode case folding matches with ASCII ones (the
//! Kelvin sign and the long s) is always handed to the regex.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Hir, HirKind};
use std::sync::{LazyLock, OnceLock};

/// Shortest literal worth testing for.
const MIN_LITERAL: usize = 3;

/// A case-insensitive regex compiled on first use.
pub struct Lazy {
    pattern: Box<str>,
    /// Words of which at least one must be in an ASCII haystack for the
    /// pattern to match (ASCII case-insensitively); none when unknown.
    literals: Option<Box<[String]>>,
    pre: OnceLock<AhoCorasick>,
    re: OnceLock<Regex>,
    /// Its pack's index stamp and its number there, once indexed.
    number: Option<(u32, u32)>,
}

impl Lazy {
    /// A pattern known to compile; its literals are read from the pattern.
    pub fn new(pattern: impl Into<String>) -> Lazy {
        let pattern: String = pattern.into();
        let literals = required_literals(&pattern);
        Lazy::with_literals(pattern, literals)
    }

    /// A pattern known to compile, with the literals (lower case ASCII) of
    /// which one must appear for it to match.
    pub fn with_literals(pattern: impl Into<String>, literals: Option<Vec<String>>) -> Lazy {
        Lazy {
            pattern: pattern.into().into_boxed_str(),
            literals: literals.map(Vec::into_boxed_slice),
            pre: OnceLock::new(),
            re: OnceLock::new(),
            number: None,
        }
    }

    /// Records the pattern's number in a [`PatternIndex`](super::index::PatternIndex).
    pub(super) fn number(&mut self, stamp: u32, id: u32) {
        self.number = Some((stamp, id));
    }

    /// The index stamp and number, once indexed.
    pub fn number_in(&self) -> Option<(u32, u32)> {
        self.number
    }

    /// Stores an already compiled regex (a pack validated eagerly).
    pub fn compiled(self, re: Regex) -> Lazy {
        let _ = self.re.set(re);
        self
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The literals one of which must be in ASCII text for a match.
    pub fn literals(&self) -> Option<&[String]> {
        self.literals.as_deref()
    }

    /// The compiled regex.
    pub fn regex(&self) -> &Regex {
        self.re
            .get_or_init(|| build(&self.pattern).expect("pattern validated when loaded"))
    }

    /// False only when `haystack` cannot match.
    pub fn may_match(&self, haystack: &str) -> bool {
        let Some(lits) = &self.literals else {
            return true;
        };
        if has_ascii_fold(haystack) {
            return true;
        }
        self.pre
            .get_or_init(|| literal_matcher(lits.iter()))
            .is_match(haystack)
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.may_match(haystack) && self.regex().is_match(haystack)
    }
}

impl std::ops::Deref for Lazy {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex()
    }
}

impl Clone for Lazy {
    fn clone(&self) -> Lazy {
        Lazy {
            pattern: self.pattern.clone(),
            literals: self.literals.clone(),
            pre: self.pre.clone(),
            re: self.re.clone(),
            number: self.number,
        }
    }
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Lazy").field(&self.pattern).finish()
    }
}

/// How every pack pattern is compiled.
pub fn build(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).build()
}

/// An ASCII case-insensitive matcher for any of `words`.
pub fn literal_matcher<'a>(words: impl IntoIterator<Item = &'a String>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .expect("small literal set")
}

/// Something a [`Scan`](super::scan::Scan) can search with.
pub trait Matcher {
    /// False only when `haystack` cannot match.
    fn may_match(&self, _haystack: &str) -> bool {
        true
    }
    fn regex(&self) -> &Regex;
    /// The pack pattern, when it is one (and so indexed).
    fn lazy(&self) -> Option<&Lazy> {
        None
    }
}

impl Matcher for Regex {
    fn regex(&self) -> &Regex {
        self
    }
}

impl Matcher for LazyLock<Regex> {
    fn regex(&self) -> &Regex {
        self
    }
}

impl Matcher for Lazy {
    fn may_match(&self, haystack: &str) -> bool {
        Lazy::may_match(self, haystack)
    }
    fn regex(&self) -> &Regex {
        Lazy::regex(self)
    }
    fn lazy(&self) -> Option<&Lazy> {
        Some(self)
    }
}

/// Words (ASCII, lower case) of which at least one appears, in some case,
/// in every match of `pattern`; none when the pattern gives no such set.
///
/// Read from the pattern's syntax tree, parsed case-sensitively so that its
/// letters stay literals: in a concatenation every part must match, so the
/// part with the longest words speaks for it ("Terror" rather than "the" in
/// `\bthe\s+Red\s+Terror`); an alternation needs a word from each branch.
pub fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = required(&hir)?;
    out.sort();
    out.dedup();
    Some(out)
}

fn required(h: &Hir) -> Option<Vec<String>> {
    match h.kind() {
        HirKind::Literal(lit) => longest_ascii_run(&lit.0).map(|w| vec![w]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Concat(parts) => parts.iter().filter_map(required).max_by_key(|set| {
            let shortest = set.iter().map(String::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        }),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for b in branches {
                all.extend(required(b)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The longest run of printable ASCII in a literal, lower-cased, if long
/// enough to be worth looking for. (Outside ASCII a case-insensitive match
/// need not contain the literal's own bytes.)
fn longest_ascii_run(bytes: &[u8]) -> Option<String> {
    let run = bytes
        .split(|b| !(b.is_ascii_graphic() || *b == b' '))
        .max_by_key(|r| r.len())?;
    (run.len() >= MIN_LITERAL).then(|| String::from_utf8_lossy(run).to_ascii_lowercase())
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

    #[test]
    fn literals() {
        let l = |p: &str| required_literals(p);
        let v = |w: &[&str]| Some(w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(r"Trotsky\s+(?:\w+\s+){0,4}founded"), v(&["founded"]));
        assert_eq!(l(r"\bheirs?\b"), v(&["heir"]));
        assert_eq!(l(r"Kerensk\w*|\bLvov"), v(&["kerensk", "lvov"]));
        assert_eq!(l(r"\bthe\s+Red\s+Terror"), v(&["terror"]));
        assert_eq!(l(r"(?-u:\bV\.?\s*I\.?\s*Lenin\b)"), v(&["lenin"]));
        assert_eq!(l(r"(?:a|b)c"), None);
        assert_eq!(l(r"ab|Lenin"), None);
        assert_eq!(l(r"[|]Lenin"), v(&["|lenin"]));
        assert_eq!(l(r"Leni{1,2}n"), v(&["len"]));
        assert_eq!(l(r"(?x) Lenin \s+ | Stalin"), v(&["lenin", "stalin"]));
        assert_eq!(l(r"(?i)Lenin"), None);
        assert_eq!(l(r"Trotsk(?:y|ii)?"), v(&["trotsk"]));
        assert_eq!(l(r"Bronsteinł"), v(&["bronstein"]));
    }

    #[test]
    fn only_kelvin_and_long_s_fold_onto_ascii_letters() {
        let letters = build("[a-z]").unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| letters.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['\u{17F}', '\u{212A}']);
    }

    #[test]
    fn prefilter_never_hides_a_match() {
        let pats = [
            r"Trotsky\s+(?:\w+\s+){0,4}founded",
            r"\bheirs?\b",
            r"isolation\w*",
            r"Kerensk\w*|\bLvov",
        ];
        let texts = [
            "TROTSKY later founded it",
            "the heir",
            "Isolationism",
            "lvov and kerensky",
            "Trotſky founded",
            "\u{212A}erensky",
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
