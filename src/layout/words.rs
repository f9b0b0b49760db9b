//! Words, with the lowercase key and English stem used for every match.

use foldhash::HashMap;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

use crate::normalize::word_key;
use crate::span::Span;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Lowercase, straight apostrophes.
    pub key: String,
    /// Snowball English stem of `key` (possessive 's dropped).
    pub stem: String,
}

/// Most entries a thread's stem cache holds before it starts again.
const CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    /// Stems already worked out: an essay repeats its words, a class's essays
    /// share most of them, and stemming was a tenth of an essay's analysis.
    /// foldhash: several times cheaper than SipHash on short words, and
    /// still seeded per process, so an essay cannot be written to collide.
    static STEMS: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::default());
}

/// Stems one lowercase key. Apostrophes must already be straight.
pub fn stem(key: &str) -> String {
    STEMS.with_borrow_mut(|cache| {
        if let Some(s) = cache.get(key) {
            return s.to_string();
        }
        let s = STEMMER.stem(key).into_owned();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key.into(), s.as_str().into());
        s
    })
}

/// The words (UAX #29 word segments containing a letter or digit) in `region`.
pub fn words(text: &str, region: Span) -> Vec<Word> {
    region
        .slice(text)
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| {
            let key = word_key(w);
            let stem = stem(&key);
            Word {
                span: Span::new(region.start + i, region.start + i + w.len()),
                key,
                stem,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_possessive_stems_like_straight() {
        let text = "the Bolshevik’s success";
        let w = words(text, Span::new(0, text.len()));
        assert_eq!(w.len(), 3);
        assert_eq!(w[1].stem, "bolshevik");
        assert_eq!(w[1].span.slice(text), "Bolshevik’s");
        assert_eq!(w[2].stem, "success");
    }
}
