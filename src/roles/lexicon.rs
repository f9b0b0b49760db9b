//! The word lists of `models/lexicon.toml`, compiled in and matched on whole
//! words with one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::automaton::Automaton;

const LEXICON_TOML: &str = include_str!("../../models/lexicon.toml");

/// Every category, in a fixed order: connectives by function, then word lists.
pub const CATEGORIES: &[&str] = &[
    "cause",
    "result",
    "contrast",
    "concession",
    "example",
    "conclusion",
    "addition",
    "sequence",
    "judgement",
    "evaluative",
    "hedge",
    "first_person",
    "modal",
    "historian",
    "explain",
    "narrative_verbs",
    "present_eval",
    "causal_verbs",
    "other_factor",
    "link",
    "padding",
    "anecdote",
    "stance",
];

/// Number of connective categories at the start of [`CATEGORIES`].
pub const CONNECTIVES: usize = 8;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: u32,
    connectives: BTreeMap<String, Vec<String>>,
    words: BTreeMap<String, Vec<String>>,
}

/// Compiled word lists.
pub struct Lexicon {
    matcher: Automaton,
    /// For each automaton pattern, the categories it belongs to.
    categories: Vec<Vec<usize>>,
}

/// A category matched in a text, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub category: usize,
    pub start: usize,
}

pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(LEXICON_TOML).expect("models/lexicon.toml is valid"));

impl Lexicon {
    pub fn parse(toml_text: &str) -> Result<Lexicon, String> {
        let file: File = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        if file.format != 1 {
            return Err(format!(
                "lexicon format {} is not supported (expected 1)",
                file.format
            ));
        }
        let mut phrases: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (name, list) in file.connectives.iter().chain(file.words.iter()) {
            let cat = CATEGORIES
                .iter()
                .position(|c| c == name)
                .ok_or_else(|| format!("unknown lexicon list `{name}`"))?;
            for phrase in list {
                phrases
                    .entry(crate::normalize::word_key(phrase))
                    .or_default()
                    .push(cat);
            }
        }
        let (patterns, categories): (Vec<String>, Vec<Vec<usize>>) = phrases.into_iter().unzip();
        let mut builder = AhoCorasick::builder();
        builder.match_kind(MatchKind::Standard);
        Ok(Lexicon {
            // Searched once per sentence: a DFA after some seventy essays.
            matcher: Automaton::new(builder, patterns, 5_000)?,
            categories,
        })
    }

    /// Whole-word matches in `key` (already lowercase, folded, single-spaced).
    pub fn hits(&self, key: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.for_each_hit(key, |h| out.push(h));
        out
    }

    /// Hands each whole-word match in `key` to `f`, in the order of
    /// [`Lexicon::hits`]: the features only count them, and a vector per
    /// sentence cost an allocation each.
    pub fn for_each_hit(&self, key: &str, mut f: impl FnMut(Hit)) {
        let bytes = key.as_bytes();
        for m in self.matcher.get().find_overlapping_iter(key) {
            let (s, e) = (m.start(), m.end());
            let starts_word = s == 0 || !is_word_byte(bytes[s - 1]);
            let ends_word = e >= bytes.len() || !is_word_byte(bytes[e]);
            if starts_word && ends_word {
                for &category in &self.categories[m.pattern().as_usize()] {
                    f(Hit { category, start: s });
                }
            }
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80
}

/// The index of a category by name; an unknown name stops the build when
/// used in a constant (see [`cat!`]).
pub const fn category(name: &str) -> usize {
    let mut i = 0;
    while i < CATEGORIES.len() {
        if super::features::same(CATEGORIES[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("unknown lexicon category")
}

/// A category's index, worked out when compiling.
macro_rules! cat {
    ($name:literal) => {
        const { $crate::roles::lexicon::category($name) }
    };
}
pub(crate) use cat;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every whole-word occurrence of every entry, found one entry at a time.
    fn naive(key: &str) -> Vec<Hit> {
        let bytes = key.as_bytes();
        let mut out = Vec::new();
        for (p, pattern) in LEXICON.matcher.patterns().iter().enumerate() {
            for start in 0..key.len() {
                let end = start + pattern.len();
                if key.is_char_boundary(start)
                    && key[start..].starts_with(pattern.as_str())
                    && (start == 0 || !is_word_byte(bytes[start - 1]))
                    && (end == key.len() || !is_word_byte(bytes[end]))
                {
                    out.extend(
                        LEXICON.categories[p]
                            .iter()
                            .map(|&category| Hit { category, start }),
                    );
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// The automaton finds what looking for each entry finds.
        #[test]
        fn hits_are_every_whole_word_occurrence(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(LEXICON.matcher.patterns().to_vec()),
                    "[a-z'’é.,;:!?()-]{0,6}",
                ],
                0..12,
            ),
            glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", ",", ". ", "-", "'"]), 12),
        ) {
            let key: String = words.iter().zip(&glue).flat_map(|(w, g)| [w.as_str(), g]).collect();
            let order = |mut v: Vec<Hit>| {
                v.sort_by_key(|h| (h.start, h.category));
                v
            };
            proptest::prop_assert_eq!(order(LEXICON.hits(&key)), order(naive(&key)));
        }
    }

    #[test]
    fn lexicon_loads_and_matches_whole_words() {
        let hits = LEXICON.hits("however, this meant that the army grew because of conscription");
        let cats: Vec<&str> = hits.iter().map(|h| CATEGORIES[h.category]).collect();
        assert!(cats.contains(&"contrast"));
        assert!(cats.contains(&"explain"));
        assert!(cats.contains(&"cause"));
        // "so" must not match inside "soldiers".
        assert!(
            !LEXICON
                .hits("the soldiers")
                .iter()
                .any(|h| CATEGORIES[h.category] == "result")
        );
    }
}
