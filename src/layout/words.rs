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
    segments(region.slice(text))
        .into_iter()
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

/// The UAX #29 word segments of `s` with their offsets: exactly what the
/// crate gives, less some segments of ASCII white space only.
///
/// Every rule of UAX #29 breaks on both sides of ASCII white space and none
/// looks across it, except that an accent or format character right after
/// it joins it. So pieces between ASCII white space that start with a
/// character that cannot join are segmented alone; a piece of ASCII letters
/// and digits is one word by rules WB5 and WB8 to WB10 without asking the
/// crate (most words of an essay: the segmenter was a twentieth of its
/// analysis). Tests check both against the crate on the whole text.
fn segments(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (start, piece) in pieces(s) {
        if !piece.starts_with(cannot_join) {
            return s.split_word_bound_indices().collect();
        }
        if piece.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push((start, piece));
        } else {
            out.extend(
                piece
                    .split_word_bound_indices()
                    .map(|(i, w)| (start + i, w)),
            );
        }
    }
    out
}

/// The runs of `s` between ASCII white space, with their offsets.
fn pieces(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| c.is_ascii_whitespace())
        .filter(|p| !p.is_empty())
        .map(move |p| (p.as_ptr() as usize - s.as_ptr() as usize, p))
}

/// Characters that start a new segment after white space (not accents,
/// joiners or format characters): ASCII, Latin letters, typographic
/// punctuation.
fn cannot_join(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{2010}'..='\u{2027}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments other than ASCII white space.
    fn solid(segments: Vec<(usize, &str)>) -> Vec<(usize, &str)> {
        segments
            .into_iter()
            .filter(|(_, w)| !w.chars().all(|c| c.is_ascii_whitespace()))
            .collect()
    }

    fn by_the_crate(s: &str) -> Vec<(usize, &str)> {
        solid(s.split_word_bound_indices().collect())
    }

    #[test]
    fn every_character_that_cannot_join_starts_a_segment_as_the_crate_says() {
        for c in ('\u{80}'..='\u{2100}').filter(|&c| cannot_join(c)) {
            for text in [
                format!("ab {c}cd 12"),
                format!("x\t{c}{c} y{c}. z\u{C}{c}w"),
                format!("it's {c}3.5 {c}U.S. e.g."),
            ] {
                assert_eq!(
                    solid(segments(&text)),
                    by_the_crate(&text),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert!(!cannot_join('\u{301}') && !cannot_join('\u{AD}') && !cannot_join('\u{200D}'));
    }

    proptest::proptest! {
        #[test]
        fn segments_equal_the_crate(
            text in "[a-cA-C0-9 \\t\\n\\r\u{C}.,'’:_\\-“”é\u{301}\u{AD}\u{200D}\u{A0}\u{1F1E6}]{0,40}"
        ) {
            proptest::prop_assert_eq!(solid(segments(&text)), by_the_crate(&text));
        }
    }

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
