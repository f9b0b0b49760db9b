//! The word lists of `models/lexicon.toml`, compiled in and matched on whole
//! words, looked up by the word they open with.

use foldhash::HashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
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
    by_first_word: FirstWords,
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
        Ok(Lexicon {
            by_first_word: FirstWords::new(&patterns),
            patterns,
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
            for &p in self.by_first_word.get(&bytes[start..end]) {
                if is_whole_word_at(bytes, start, self.patterns[p].as_bytes()) {
                    for &category in &self.categories[p] {
                        f(Hit { category, start });
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
    bytes[start..]
        .iter()
        .position(|&b| !is_word_byte(b))
        .map_or(bytes.len(), |n| start + n)
}

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] as a table: it is asked for every byte of every sentence.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'\'' || byte >= 0x80;
        b += 1;
    }
    table
};

/// The patterns grouped by first word, each group shortest first.
struct FirstWords(HashMap<Box<[u8]>, Vec<usize>>);

impl FirstWords {
    fn new(patterns: &[String]) -> FirstWords {
        let mut by_word: HashMap<Box<[u8]>, Vec<usize>> = HashMap::default();
        for (p, pattern) in patterns.iter().enumerate() {
            let bytes = pattern.as_bytes();
            let first = &bytes[..word_end(bytes, 0)];
            by_word.entry(first.into()).or_default().push(p);
        }
        for group in by_word.values_mut() {
            group.sort_by_key(|&p| (patterns[p].len(), p));
        }
        FirstWords(by_word)
    }

    /// The patterns whose first word is `word`.
    fn get(&self, word: &[u8]) -> &[usize] {
        self.0.get(word).map_or(&[], Vec::as_slice)
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

    /// Every entry is in the first-word table, whatever slot it landed in.
    #[test]
    fn every_entry_alone_is_found() {
        for (p, pattern) in LEXICON.patterns.iter().enumerate() {
            let hits = LEXICON.hits(pattern);
            for &category in &LEXICON.categories[p] {
                assert!(hits.contains(&Hit { category, start: 0 }), "{pattern}");
            }
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
