//! One pass over an essay for every pattern of a pack.
//!
//! Each pattern of a pack has words one of which any match must contain
//! ([`Lazy::literals`]). A single Aho-Corasick automaton over all of them
//! finds, in one pass over the folded essay, where each pattern could match;
//! afterwards asking whether a pattern may match in a sentence is a binary
//! search, and the regex runs (and is compiled) only where it might.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

use super::lazy::{Lazy, has_ascii_fold};
use crate::span::Span;

/// The literals of every pattern of one pack.
#[derive(Debug, Clone)]
pub struct PatternIndex {
    /// Tells this pack's numbering from another's.
    stamp: u32,
    /// Distinct literals, ASCII case-insensitive.
    ac: AhoCorasick,
    /// For each literal, the patterns that need it.
    owners: Vec<Vec<u32>>,
    /// For each pattern, whether it has literals (else it may match anywhere).
    filtered: Vec<bool>,
}

/// Where an essay holds each pattern's literals.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    stamp: u32,
    /// The text holds a letter that folds onto ASCII: every pattern may match.
    anywhere: bool,
    /// Literal hits `(start, end)` grouped by pattern, each group by start.
    spans: Vec<(u32, u32)>,
    /// Pattern `i`'s hits are `spans[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    filtered: Vec<bool>,
}

static STAMPS: AtomicU32 = AtomicU32::new(1);

impl Default for PatternIndex {
    /// An index of no patterns.
    fn default() -> PatternIndex {
        PatternIndex::new(std::iter::empty())
    }
}

impl PatternIndex {
    /// Numbers `patterns` (in order) and indexes their literals.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a mut Lazy>) -> PatternIndex {
        let stamp = STAMPS.fetch_add(1, Ordering::Relaxed);
        let mut by_word: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut filtered = Vec::new();
        for (i, lazy) in patterns.into_iter().enumerate() {
            let id = i as u32;
            lazy.number(stamp, id);
            filtered.push(lazy.literals().is_some());
            for w in lazy.literals().unwrap_or_default() {
                by_word.entry(w.clone()).or_default().push(id);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(by_word.keys())
            .expect("literal set");
        PatternIndex {
            stamp,
            ac,
            owners: by_word.into_values().collect(),
            filtered,
        }
    }

    /// Finds every pattern's literals in `text` (the folded essay).
    pub fn scan(&self, text: &str) -> Hits {
        let n = self.filtered.len();
        if has_ascii_fold(text) {
            return Hits {
                stamp: self.stamp,
                anywhere: true,
                offsets: vec![0; n + 1],
                filtered: self.filtered.clone(),
                ..Hits::default()
            };
        }
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            for &id in &self.owners[m.pattern().as_usize()] {
                found.push((id, m.start() as u32, m.end() as u32));
            }
        }
        found.sort_unstable();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut k = 0;
        for id in 0..=n as u32 {
            while k < found.len() && found[k].0 < id {
                k += 1;
            }
            offsets.push(k as u32);
        }
        Hits {
            stamp: self.stamp,
            anywhere: false,
            spans: found.into_iter().map(|(_, s, e)| (s, e)).collect(),
            offsets,
            filtered: self.filtered.clone(),
        }
    }
}

impl Hits {
    /// Whether `lazy` may match inside `within`; `None` when the pattern is
    /// not one of the indexed pack's (the caller tests the text itself).
    pub fn may_match(&self, lazy: &Lazy, within: Span) -> Option<bool> {
        let (stamp, id) = lazy.number_in()?;
        let id = id as usize;
        if stamp != self.stamp || id >= self.filtered.len() {
            return None;
        }
        if self.anywhere || !self.filtered[id] {
            return Some(true);
        }
        let hits = &self.spans[self.offsets[id] as usize..self.offsets[id + 1] as usize];
        let (start, end) = (within.start as u32, within.end as u32);
        let from = hits.partition_point(|h| h.0 < start);
        Some(
            hits[from..]
                .iter()
                .take_while(|h| h.0 < end)
                .any(|h| h.1 <= end),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_agree_with_each_pattern_alone() {
        let mut pats = vec![
            Lazy::new(r"\bRed\s+Army\b"),
            Lazy::new(r"\bthe\s+Red\s+Terror"),
            Lazy::new(r"(?:a|b)c"),
            Lazy::new(r"Kerensk\w*|\bLvov"),
        ];
        let index = PatternIndex::new(pats.iter_mut());
        let text = "The RED TERROR began. Lvov resigned; the red army grew. ac";
        let hits = index.scan(text);
        let units = [
            Span::new(0, 21),
            Span::new(22, 36),
            Span::new(38, 55),
            Span::new(56, 58),
        ];
        for p in &pats {
            for u in units {
                let alone = p.is_match(u.slice(text));
                let may = hits.may_match(p, u).unwrap();
                assert!(may || !alone, "{p:?} in {:?}", u.slice(text));
            }
        }
        assert_eq!(hits.may_match(&pats[0], units[0]), Some(false));
        assert_eq!(hits.may_match(&pats[1], units[0]), Some(true));
        assert_eq!(hits.may_match(&pats[2], units[0]), Some(true));
        assert_eq!(hits.may_match(&Lazy::new("Red"), units[0]), None);
        let kelvin = index.scan("the \u{212A}erensky years");
        assert_eq!(kelvin.may_match(&pats[0], Span::new(0, 5)), Some(true));
    }
}
