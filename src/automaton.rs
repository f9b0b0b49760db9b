//! An Aho-Corasick automaton that turns into a DFA once a run has used it
//! enough. A DFA searches in about two thirds of the time, but building one
//! for a pack's words costs what some eighty essays save: a run over one
//! essay keeps the cheaper automaton, a class's batch switches after its
//! first essays. Both find exactly the same matches.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Debug)]
pub struct Automaton {
    first: AhoCorasick,
    dfa: OnceLock<AhoCorasick>,
    searches: AtomicU32,
    /// Searches made before the DFA is built.
    dfa_after: u32,
    builder: AhoCorasickBuilder,
    patterns: Vec<String>,
}

impl Automaton {
    /// `builder` configured for the search (its kind is set here); the DFA
    /// is built for the search after `dfa_after` searches.
    pub fn new(
        mut builder: AhoCorasickBuilder,
        patterns: Vec<String>,
        dfa_after: u32,
    ) -> Result<Automaton, String> {
        let first = builder
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Automaton {
            first,
            dfa: OnceLock::new(),
            searches: AtomicU32::new(0),
            dfa_after,
            builder,
            patterns,
        })
    }

    /// The automaton for one more search.
    pub fn get(&self) -> &AhoCorasick {
        match self.dfa.get() {
            Some(dfa) => dfa,
            None if self.searches.fetch_add(1, Ordering::Relaxed) < self.dfa_after => &self.first,
            None => self.dfa.get_or_init(|| self.build_dfa()),
        }
    }

    fn build_dfa(&self) -> AhoCorasick {
        self.builder
            .clone()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.patterns)
            .expect("patterns that built an automaton build a DFA")
    }

    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}

impl Clone for Automaton {
    fn clone(&self) -> Automaton {
        Automaton {
            first: self.first.clone(),
            dfa: self.dfa.clone(),
            searches: AtomicU32::new(self.searches.load(Ordering::Relaxed)),
            dfa_after: self.dfa_after,
            builder: self.builder.clone(),
            patterns: self.patterns.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::MatchKind;

    fn matches(ac: &AhoCorasick, text: &str) -> Vec<(usize, usize, usize)> {
        ac.find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn the_dfa_comes_after_enough_searches_and_matches_the_same() {
        let mut builder = AhoCorasickBuilder::new();
        builder
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard);
        let words = ["red army", "army", "trotsky", "red"]
            .map(String::from)
            .to_vec();
        let a = Automaton::new(builder, words, 10).unwrap();
        let text = "Trotsky's RED ARMY; the Red Army and the army, trotsky";
        let first = matches(a.get(), text);
        assert!(a.dfa.get().is_none());
        for _ in 0..10 {
            a.get();
        }
        assert!(a.dfa.get().is_some());
        assert_eq!(matches(a.get(), text), first);
        assert_eq!(first.len(), 9);
    }
}
