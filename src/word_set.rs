//! Fixed lists of short English words ("the", "was", "became"), looked up
//! as numbers: several stages ask about every word of an essay, and a binary
//! search among packed integers costs a fraction of one among strings.

/// A set of ASCII words of at most [`WordSet::MAX_LEN`] bytes, matched
/// without regard to ASCII case. Built when compiling: a word that does not
/// fit stops the build.
pub struct WordSet<const N: usize> {
    /// Packed and sorted.
    keys: [u64; N],
}

impl<const N: usize> WordSet<N> {
    /// Longest word a set can hold: seven bytes and the length fill a `u64`.
    pub const MAX_LEN: usize = 7;

    /// `N` must be the number of words: `WordSet<{ LIST.len() }>`.
    pub const fn new(words: &[&str]) -> WordSet<N> {
        assert!(words.len() == N, "a word set's size is its number of words");
        let mut keys = [0u64; N];
        let mut i = 0;
        while i < N {
            keys[i] = match packed(words[i]) {
                Some(k) => k,
                None => panic!("a word set holds short ASCII words"),
            };
            i += 1;
        }
        // Insertion sort: const code has no slice::sort.
        let mut j = 1;
        while j < N {
            let mut k = j;
            while k > 0 && keys[k - 1] > keys[k] {
                let t = keys[k];
                keys[k] = keys[k - 1];
                keys[k - 1] = t;
                k -= 1;
            }
            j += 1;
        }
        WordSet { keys }
    }

    pub fn contains(&self, word: &str) -> bool {
        Packed::of(word).is_some_and(|k| self.has(k))
    }

    /// [`WordSet::contains`] for a word packed already.
    pub fn has(&self, word: Packed) -> bool {
        self.keys.binary_search(&word.0).is_ok()
    }
}

/// A word packed for [`WordSet::has`]: a word asked about in several sets
/// is packed once.
#[derive(Clone, Copy, Debug)]
pub struct Packed(u64);

impl Packed {
    /// `None` for a word no set can hold.
    pub fn of(word: &str) -> Option<Packed> {
        packed(word).map(Packed)
    }
}

/// A short ASCII word, lower-cased, as one number.
const fn packed(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii() {
            return None;
        }
        key = key << 8 | b[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    // The length keeps "a" apart from "\0a".
    Some(key << 4 | b.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &["the", "a", "however", "was", "at"];
    const SET: WordSet<{ WORDS.len() }> = WordSet::new(WORDS);

    #[test]
    fn members_are_found_in_any_case() {
        for w in [
            "the", "THE", "The", "a", "A", "however", "However", "was", "at",
        ] {
            assert!(SET.contains(w), "{w}");
        }
    }

    #[test]
    fn other_words_are_not() {
        for w in [
            "",
            "th",
            "thee",
            "aa",
            "\0a",
            "é",
            "howevers",
            "however's",
            "Trotsky",
            "ta",
            "wa",
        ] {
            assert!(!SET.contains(w), "{w}");
        }
    }

    proptest::proptest! {
        /// Membership is exactly a case-insensitive comparison with each word.
        #[test]
        fn contains_is_case_insensitive_equality(w in "[a-zA-Z\0é']{0,9}") {
            proptest::prop_assert_eq!(SET.contains(&w), WORDS.iter().any(|x| x.eq_ignore_ascii_case(&w)));
            proptest::prop_assert_eq!(
                Packed::of(&w).is_some_and(|k| SET.has(k)),
                WORDS.iter().any(|x| x.eq_ignore_ascii_case(&w))
            );
        }
    }
}
