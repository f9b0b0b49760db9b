//! Regexes compiled on first use, with a cheap literal test in front.
//!
//! A pack holds hundreds of case-insensitive Unicode patterns and compiling
//! one costs about a millisecond, while an essay touches few of them. So a
//! pattern is kept as text and compiled only when a haystack might match:
//! most patterns start with a word that must appear ("Trotsky\s+…"), and a
//! haystack of ASCII text without that word cannot match. Non-ASCII text is
//! always handed to the regex, since Unicode case folding can match an ASCII
//! letter with a non-ASCII one (k with the Kelvin sign).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
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
}

impl Lazy {
    /// A pattern known to compile; its literals are read from the pattern.
    pub fn new(pattern: impl Into<String>) -> Lazy {
        let pattern: String = pattern.into();
        let literals = leading_literals(&pattern);
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
        }
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
        if !haystack.is_ascii() {
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
}

/// The ASCII word each top-level alternative of `pattern` starts with, in
/// lower case; none when an alternative has no such word of 3 letters or
/// more, or the pattern uses anything the reading below does not follow.
pub fn leading_literals(pattern: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for alt in top_level_alternatives(pattern)? {
        out.push(leading_word(alt)?);
    }
    out.sort();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// Splits at '|' outside groups and classes.
fn top_level_alternatives(p: &str) -> Option<Vec<&str>> {
    let b = p.as_bytes();
    let (mut depth, mut class, mut i, mut from) = (0usize, 0usize, 0, 0);
    let mut out = Vec::new();
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => {
                class += 1;
                // A ']' (after an optional '^') right after '[' is literal.
                if b.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if class > 0 => class -= 1,
            // Verbose mode: spaces and comments would need reading too.
            b'(' if class == 0 && b.get(i + 1) == Some(&b'?') => {
                let flags = p[i + 2..].split([':', ')']).next().unwrap_or("");
                if flags.contains('x') {
                    return None;
                }
                depth += 1;
            }
            b'(' if class == 0 => depth += 1,
            b')' if class == 0 => depth = depth.checked_sub(1)?,
            b'|' if class == 0 && depth == 0 => {
                out.push(&p[from..i]);
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if depth != 0 || class != 0 {
        return None;
    }
    out.push(&p[from..]);
    Some(out)
}

/// The run of ASCII letters and digits an alternative starts with (after a
/// `\b` or `^`), less a last letter made optional by `?`, `*` or `{`.
fn leading_word(alt: &str) -> Option<String> {
    let mut s = alt;
    loop {
        if let Some(rest) = s.strip_prefix(r"\b") {
            s = rest;
        } else if let Some(rest) = s.strip_prefix('^') {
            s = rest;
        } else {
            break;
        }
    }
    let end = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    let mut word = &s[..end];
    if matches!(s[end..].chars().next(), Some('?' | '*' | '{')) {
        word = &word[..word.len().saturating_sub(1)];
    }
    (word.len() >= MIN_LITERAL).then(|| word.to_ascii_lowercase())
}

/// Which of many items (each with optional literals) may match a haystack:
/// one pass of one automaton instead of one test per item.
#[derive(Debug, Clone)]
pub struct Family {
    ac: AhoCorasick,
    /// For each literal in the automaton, its item.
    owner: Vec<usize>,
    /// Items with no literals: always candidates.
    always: Vec<usize>,
    len: usize,
}

impl Family {
    pub fn new<'a>(items: impl IntoIterator<Item = Option<&'a [String]>>) -> Family {
        let (mut words, mut owner, mut always, mut len) = (Vec::new(), Vec::new(), Vec::new(), 0);
        for (i, lits) in items.into_iter().enumerate() {
            len = i + 1;
            match lits {
                Some(l) => {
                    for w in l {
                        words.push(w);
                        owner.push(i);
                    }
                }
                None => always.push(i),
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("literal set");
        Family {
            ac,
            owner,
            always,
            len,
        }
    }

    /// The items that may match `haystack`, in order.
    pub fn candidates(&self, haystack: &str) -> Vec<usize> {
        if !haystack.is_ascii() {
            return (0..self.len).collect();
        }
        let mut seen = vec![false; self.len];
        for &i in &self.always {
            seen[i] = true;
        }
        for m in self.ac.find_overlapping_iter(haystack) {
            seen[self.owner[m.pattern().as_usize()]] = true;
        }
        seen.iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        let l = |p: &str| leading_literals(p);
        assert_eq!(
            l(r"Trotsky\s+(?:\w+\s+){0,4}founded"),
            Some(vec!["trotsky".into()])
        );
        assert_eq!(l(r"\bheirs?\b"), Some(vec!["heir".into()]));
        assert_eq!(
            l(r"Kerensk\w*|\bLvov"),
            Some(vec!["kerensk".into(), "lvov".into()])
        );
        assert_eq!(l(r"(?:a|b)c"), None);
        assert_eq!(l(r"ab|Lenin"), None);
        assert_eq!(l(r"[|]Lenin"), None);
        assert_eq!(l(r"Leni{1,2}n"), Some(vec!["len".into()]));
        assert_eq!(
            l(r"Lenin[]|x]|Stalin"),
            Some(vec!["lenin".into(), "stalin".into()])
        );
        assert_eq!(
            l(r"Lenin[^]|]|Stalin"),
            Some(vec!["lenin".into(), "stalin".into()])
        );
        assert_eq!(l(r"Lenin(?x) | a"), None);
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
            "nothing here",
        ];
        for p in pats {
            let lazy = Lazy::new(p);
            let re = build(p).unwrap();
            for t in texts {
                assert_eq!(lazy.is_match(t), re.is_match(t), "{p} on {t}");
            }
        }
        let f = Family::new([
            Some(&["lenin".to_string()][..]),
            None,
            Some(&["stalin".to_string(), "koba".to_string()][..]),
        ]);
        assert_eq!(f.candidates("Koba and LENIN"), vec![0, 1, 2]);
        assert_eq!(f.candidates("nobody"), vec![1]);
        assert_eq!(f.candidates("é"), vec![0, 1, 2]);
    }
}
