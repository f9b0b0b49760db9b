//! Words, with the lowercase key and English stem used for every match.

use foldhash::HashMap;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

use super::word_text::WordText;
use crate::normalize::word_key;
use crate::span::Span;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Lowercase, straight apostrophes.
    pub key: WordText,
    /// Snowball English stem of `key` (possessive 's dropped).
    pub stem: WordText,
}

/// Most entries a thread's stem cache holds before it starts again.
const CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    /// Stems already worked out: an essay repeats its words, a class's essays
    /// share most of them, and stemming was a tenth of an essay's analysis.
    /// foldhash: several times cheaper than SipHash on short words, and
    /// still seeded per process, so an essay cannot be written to collide.
    static STEMS: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::default());

    /// Key and stem of every word as written, shared with the words that
    /// get them: one look-up per word, no copy.
    static KEYS: RefCell<HashMap<Box<str>, (WordText, WordText)>> =
        RefCell::new(HashMap::default());
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

/// The key and stem of a word as written.
fn key_and_stem(word: &str) -> (WordText, WordText) {
    KEYS.with_borrow_mut(|cache| {
        if let Some(found) = cache.get(word) {
            return found.clone();
        }
        let key = word_key(word);
        let stemmed = stem(&key);
        let found = (
            WordText::from(key.as_str()),
            WordText::from(stemmed.as_str()),
        );
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), found.clone());
        found
    })
}

/// The words (UAX #29 word segments containing a letter or digit) in `region`.
pub fn words(text: &str, region: Span) -> Vec<Word> {
    words_with(text, region, &mut Vec::new())
}

/// [`words`], segmenting into `segments` (emptied first): a document's
/// sentences share one buffer, where one each was an allocation a sentence.
pub fn words_with<'t>(
    text: &'t str,
    region: Span,
    segments: &mut Vec<(usize, &'t str)>,
) -> Vec<Word> {
    segments_into(region.slice(text), segments);
    // Sized once: most segments are words, and growing by doubling copied
    // every word several times.
    let mut out = Vec::with_capacity(segments.len());
    for &(i, w) in segments.iter() {
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        let (key, stem) = key_and_stem(w);
        out.push(Word {
            span: Span::new(region.start + i, region.start + i + w.len()),
            key,
            stem,
        });
    }
    out
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
/// analysis), and so is one with ASCII punctuation around it (see
/// [`ascii_word_in_punctuation`]). Tests check both against the crate on the
/// whole text.
fn segments_into<'t>(s: &'t str, out: &mut Vec<(usize, &'t str)>) {
    out.clear();
    // An essay's words and the marks between them average over four bytes
    // a segment: sized once, as growing by doubling cost 0.5 % of a batch.
    out.reserve(s.len() / 4 + 1);
    for (start, piece) in pieces(s) {
        if !piece.starts_with(cannot_join) {
            out.clear();
            out.extend(s.split_word_bound_indices());
            return;
        }
        if piece.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push((start, piece));
        } else if let Some(word) = ascii_word_in_punctuation(piece) {
            let lone = |i: usize| (start + i, &piece[i..=i]);
            out.extend((0..word.start).map(lone));
            out.push((start + word.start, &piece[word.clone()]));
            out.extend((word.end..piece.len()).map(lone));
        } else {
            out.extend(
                piece
                    .split_word_bound_indices()
                    .map(|(i, w)| (start + i, w)),
            );
        }
    }
}

/// Where the one run of ASCII letters and digits lies in an ASCII piece such
/// as "war.", "(1917)," or "\"Peace", when all else is ASCII punctuation
/// other than `_`. UAX #29 joins a letter or digit to punctuation only when
/// another letter or digit follows it (rules WB6, WB7, WB11, WB12) or when
/// it is `_` (WB13a, WB13b), and joins no two other ASCII punctuation marks:
/// so the run is one segment and every other byte one of its own.
fn ascii_word_in_punctuation(piece: &str) -> Option<Range<usize>> {
    let bytes = piece.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_alphanumeric)?;
    let end = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |n| start + n);
    let lone = |b: &u8| b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'_';
    (bytes[..start].iter().all(lone) && bytes[end..].iter().all(lone)).then_some(start..end)
}

/// The runs of `s` between ASCII white space, with their offsets.
fn pieces(s: &str) -> impl Iterator<Item = (usize, &str)> {
    super::ascii_split(s, u8::is_ascii_whitespace)
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

    /// The segments of `s`, into a buffer holding another text's.
    fn segments(s: &str) -> Vec<(usize, &str)> {
        let mut out = vec![(7, "left over")];
        segments_into(s, &mut out);
        out
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

        /// Words wrapped in every kind of ASCII punctuation: the shape that
        /// is segmented without the crate.
        #[test]
        fn words_in_punctuation_segment_as_the_crate_says(
            text in "([\\x00-\\x2F:-@\\[-`{-\\x7F]{0,3}[a-zA-Z0-9]{1,4}[\\x00-\\x2F:-@\\[-`{-\\x7F]{0,3}[ \\n]){1,6}"
        ) {
            proptest::prop_assert_eq!(solid(segments(&text)), by_the_crate(&text));
        }
    }

    #[test]
    fn cached_keys_and_stems_are_those_worked_out_afresh() {
        let text = "The the THE Bolshevik’s Bolshevik's successes successes";
        for _ in 0..2 {
            for w in words(text, Span::new(0, text.len())) {
                let key = word_key(w.span.slice(text));
                assert_eq!(w.stem, stem(&key));
                assert_eq!(w.key, key);
            }
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
