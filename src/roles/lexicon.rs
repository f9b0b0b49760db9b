//! The word lists of `models/lexicon.toml`, compiled in and matched on whole
//! words, looked up by the word they open with.

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
            let (end, hash) = word_run(bytes, start);
            for &p in self.by_first_word.get(hash, &bytes[start..end]) {
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

/// The end of the run of word bytes from `start`, and the run's FNV-1a
/// hash, worked out in the same pass: the lexicon is looked up once per
/// word, and SipHash in a `HashMap` cost several times as much.
fn word_run(bytes: &[u8], start: usize) -> (usize, u64) {
    let mut hash = FNV_OFFSET;
    let mut end = start;
    while let Some(&b) = bytes.get(end).filter(|&&b| WORD_BYTES[usize::from(b)]) {
        hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        end += 1;
    }
    (end, hash)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

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

/// The patterns grouped by first word, in an open-addressing table keyed by
/// [`word_run`]'s hash.
struct FirstWords {
    /// A power of two long, at most half full: a word that opens no entry
    /// (most words) finds an empty slot at once.
    slots: Vec<Option<Slot>>,
    first_words: Vec<Box<[u8]>>,
    /// Pattern indices for each first word, shortest first.
    groups: Vec<Vec<usize>>,
}

#[derive(Clone, Copy)]
struct Slot {
    hash: u64,
    group: usize,
}

impl FirstWords {
    fn new(patterns: &[String]) -> FirstWords {
        let mut by_word: BTreeMap<&[u8], Vec<usize>> = BTreeMap::new();
        for (p, pattern) in patterns.iter().enumerate() {
            let bytes = pattern.as_bytes();
            let first = &bytes[..word_run(bytes, 0).0];
            by_word.entry(first).or_default().push(p);
        }
        let mut table = FirstWords {
            slots: vec![None; (by_word.len() * 2).next_power_of_two()],
            first_words: Vec::new(),
            groups: Vec::new(),
        };
        for (word, mut group) in by_word {
            group.sort_by_key(|&p| patterns[p].len());
            let slot = Slot {
                hash: word_run(word, 0).1,
                group: table.groups.len(),
            };
            let mut i = table.home(slot.hash);
            while table.slots[i].is_some() {
                i = table.next(i);
            }
            table.slots[i] = Some(slot);
            table.first_words.push(word.into());
            table.groups.push(group);
        }
        table
    }

    /// The patterns whose first word is `word` (of hash `hash`).
    fn get(&self, hash: u64, word: &[u8]) -> &[usize] {
        let mut i = self.home(hash);
        while let Some(slot) = self.slots[i] {
            if slot.hash == hash && *self.first_words[slot.group] == *word {
                return &self.groups[slot.group];
            }
            i = self.next(i);
        }
        &[]
    }

    fn home(&self, hash: u64) -> usize {
        // The high bits: FNV's low bits mix least.
        (hash >> 40) as usize & (self.slots.len() - 1)
    }

    fn next(&self, i: usize) -> usize {
        (i + 1) & (self.slots.len() - 1)
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
