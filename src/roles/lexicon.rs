//! The word lists of `models/lexicon.toml`, compiled in and matched on whole
//! words, looked up by the word they open with.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

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
    /// Every entry, keyed, in sorted order.
    patterns: Vec<String>,
    /// For each pattern, the categories it belongs to.
    categories: Vec<Vec<usize>>,
    /// Patterns by their first word (the run of word bytes they open with,
    /// empty for one opening with punctuation such as "%"), shortest first.
    by_first_word: HashMap<Box<str>, Vec<usize>, BuildHasherDefault<Fnv>>,
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
        let mut by_first_word: HashMap<Box<str>, Vec<usize>, _> = HashMap::default();
        for (p, pattern) in patterns.iter().enumerate() {
            let first = &pattern[..word_end(pattern.as_bytes(), 0)];
            by_first_word.entry(first.into()).or_default().push(p);
        }
        for group in by_first_word.values_mut() {
            group.sort_by_key(|&p| patterns[p].len());
        }
        Ok(Lexicon {
            patterns,
            categories,
            by_first_word,
        })
    }

    /// Whole-word matches in `key` (already lowercase, folded, single-spaced).
    pub fn hits(&self, key: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.for_each_hit(key, |h| out.push(h));
        out
    }

    /// Hands each whole-word match in `key` to `f`, in the order of
    /// [`Lexicon::hits`] (by start, then shortest first): the features only
    /// count them, and a vector per sentence cost an allocation each.
    ///
    /// A whole-word match starts where a word may start, and there the
    /// key's run of word bytes is the entry's first word: so each run is
    /// looked up once and only the entries it opens are compared. An
    /// overlapping Aho-Corasick search reported every match inside words
    /// too ("i" in most of them) and cost some 7,000 instructions a
    /// sentence, 4 % of an essay.
    pub fn for_each_hit(&self, key: &str, mut f: impl FnMut(Hit)) {
        let bytes = key.as_bytes();
        let mut start = 0;
        while start <= bytes.len() {
            let end = word_end(bytes, start);
            if let Some(group) = self.by_first_word.get(&key[start..end]) {
                for &p in group {
                    if is_whole_word_at(bytes, start, self.patterns[p].as_bytes()) {
                        for &category in &self.categories[p] {
                            f(Hit { category, start });
                        }
                    }
                }
            }
            // The byte at `end` (if any) is not a word byte: a word may
            // start after it, not inside the run.
            start = end + 1;
        }
    }
}

/// Does `pattern` occur in `bytes` at `start`, ending where a word ends?
/// (`start` is where a word may start.)
fn is_whole_word_at(bytes: &[u8], start: usize, pattern: &[u8]) -> bool {
    let end = start + pattern.len();
    bytes[start..].starts_with(pattern) && (end == bytes.len() || !is_word_byte(bytes[end]))
}

/// The end of the run of word bytes from `start`.
fn word_end(bytes: &[u8], start: usize) -> usize {
    start
        + bytes[start..]
            .iter()
            .take_while(|&&b| is_word_byte(b))
            .count()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80
}

/// FNV-1a: the lexicon is looked up once per word, and its words are a few
/// bytes long, for which SipHash costs several times as much.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
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
        for (p, pattern) in LEXICON.patterns.iter().enumerate() {
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
        /// Looking up each word's entries finds what looking for each entry
        /// everywhere finds, in the order of their starts.
        #[test]
        fn hits_are_every_whole_word_occurrence(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(LEXICON.patterns.clone()),
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
            let hits = LEXICON.hits(&key);
            proptest::prop_assert!(hits.windows(2).all(|w| w[0].start <= w[1].start));
            proptest::prop_assert_eq!(order(hits), order(naive(&key)));
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
