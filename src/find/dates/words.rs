//! Word lists the date parser consults. All lowercase, folded.

/// Full month names, January first.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations (with or without a following full stop). Only trusted when
/// capitalised and followed by a day or year: "Mar" and "Jan" are words too.
pub(super) const MONTH_ABBREVS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words before a bare month name that make it a date ("in August") rather
/// than a name ("August Bebel") or a verb ("they march").
pub(super) const MONTH_TRIGGERS: [&str; 21] = [
    "in",
    "by",
    "until",
    "till",
    "from",
    "since",
    "during",
    "early",
    "late",
    "mid",
    "of",
    "on",
    "the",
    "before",
    "after",
    "throughout",
    "through",
    "that",
    "last",
    "following",
    "between",
];

/// A four-digit number followed by one of these is a count ("1500 troops"),
/// unless a temporal preposition comes before it ("in 1917 soldiers …").
pub(super) const COUNT_NOUNS: [&str; 38] = [
    "men",
    "women",
    "soldiers",
    "troops",
    "people",
    "persons",
    "dead",
    "killed",
    "casualties",
    "deaths",
    "workers",
    "peasants",
    "members",
    "delegates",
    "deputies",
    "sailors",
    "officers",
    "prisoners",
    "civilians",
    "children",
    "refugees",
    "rifles",
    "guns",
    "tanks",
    "ships",
    "aircraft",
    "planes",
    "votes",
    "seats",
    "copies",
    "strikers",
    "strikes",
    "villages",
    "factories",
    "horses",
    "families",
    "households",
    "victims",
];

/// Units: a four-digit number before one is always a quantity ("after
/// 2000 km", "by 1500 roubles"), whatever comes before.
pub(super) const UNIT_NOUNS: [&str; 18] = [
    "roubles",
    "rubles",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "tons",
    "tonnes",
    "pounds",
    "dollars",
    "francs",
    "marks",
    "acres",
    "hectares",
    "metres",
    "meters",
    "feet",
    "yards",
];

/// Prepositions after which a four-digit number is a year even when a plural
/// noun follows ("in 1917 soldiers deserted").
pub(super) const YEAR_PREPS: [&str; 8] = [
    "in", "by", "since", "until", "till", "during", "after", "before",
];

/// Words that introduce a page or item number ("p. 1917", "page 1920").
pub(super) const PAGE_WORDS: [&str; 6] = ["p", "pp", "page", "pages", "pg", "pgs"];

/// The same, but only when followed by a full stop ("No. 1917").
pub(super) const PAGE_ABBREVS: [&str; 7] = ["no", "nos", "vol", "ch", "fig", "para", "n"];

/// Words allowed glued to a year by a hyphen ("mid-1917", "pre-1914").
pub(super) const YEAR_HYPHEN_PREFIXES: [&str; 9] = [
    "mid", "pre", "post", "early", "late", "c", "ca", "anti", "circa",
];

/// Ordinal words for the centuries a year 1000–2099 can fall in.
pub(super) const CENTURY_ORDINALS: [(&str, i32); 10] = [
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

/// "the twenties" … "the nineties": decade of the context century.
pub(super) const DECADE_WORDS: [(&str, i32); 8] = [
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Small numbers written out, for "two years later".
pub(super) const NUMBER_WORDS: [(&str, i32); 12] = [
    ("a", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twelve", 12),
];

/// Verbs that make a date merely locate a name ("renamed … in 1924").
/// "named" is weaker ("named Prime Minister in 1924" is an event) and is only
/// trusted inside parentheses or after "as".
pub(super) const NAMING_WORDS: [&str; 7] = [
    "called",
    "renamed",
    "rename",
    "renaming",
    "dubbed",
    "rechristened",
    "retitled",
];

/// A set of words for a test at every token. Most words are turned away by
/// their length and first and last bytes before any hashing: a hash lookup
/// was about 70 instructions, and the parser asks at nearly every token.
/// (Not `crate::word_set::WordSet`: that holds words of up to 7 bytes, and
/// these run to "seventeenth".)
pub(super) struct TokenWords {
    /// `ends[len][first % 32]` has bit `last % 32` set for each word of
    /// that length with those ends (lengths up to [`ENDS_MAX_LEN`]).
    ends: [[u32; 32]; ENDS_MAX_LEN + 1],
    words: foldhash::HashSet<&'static str>,
}

/// Longer words skip the filter; no token key is longer.
const ENDS_MAX_LEN: usize = 16;

impl TokenWords {
    // Inlined: the call itself cost as much as the filter.
    #[inline(always)]
    pub(super) fn contains(&self, word: &str) -> bool {
        self.may_contain(word) && self.words.contains(word)
    }

    /// False only for words not in the set.
    #[inline(always)]
    fn may_contain(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last(), self.ends.get(b.len())) {
            (Some(&first), Some(&last), Some(row)) => {
                row[usize::from(first % 32)] & (1 << (last % 32)) != 0
            }
            _ => true,
        }
    }
}

impl FromIterator<&'static str> for TokenWords {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let words: foldhash::HashSet<&'static str> = iter.into_iter().collect();
        let mut ends = [[0u32; 32]; ENDS_MAX_LEN + 1];
        for w in &words {
            let b = w.as_bytes();
            if let (Some(&first), Some(&last), Some(row)) =
                (b.first(), b.last(), ends.get_mut(b.len()))
            {
                row[usize::from(first % 32)] |= 1 << (last % 32);
            }
        }
        TokenWords { ends, words }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_set() -> TokenWords {
        MONTHS
            .iter()
            .copied()
            .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
            .chain(CENTURY_ORDINALS.iter().map(|(w, _)| *w))
            .chain([
                "a",
                "the",
                "twenty",
                "spring",
                "sixteencharsword",
                "seventeencharword",
            ])
            .collect()
    }

    proptest::proptest! {
        /// The filter in front of the hash set never turns a member away:
        /// the answer is the set's on any word, listed or not.
        #[test]
        fn token_words_answer_as_their_hash_set(
            word in "[a-z]{0,18}|\\PC{0,6}|(march|may|june|a|the|twenty|sixteencharsword|seventeencharword|eleventh|twelve)[a-z]?",
        ) {
            let set = sample_set();
            proptest::prop_assert_eq!(set.contains(&word), set.words.contains(word.as_str()));
        }
    }

    #[test]
    fn token_words_hold_every_listed_word() {
        let set = sample_set();
        for w in MONTHS
            .iter()
            .chain(["a", "sixteencharsword", "seventeencharword"].iter())
        {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("and") && !set.contains("") && !set.contains("marches"));
    }
}
