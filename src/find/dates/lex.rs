//! Tokens for the date parser: runs of ASCII digits, runs of letters, and
//! single other characters, each with its byte span and whether white space
//! separates it from the token before ("1920s" vs "1920 s").

use std::sync::LazyLock;

use arrayvec::ArrayString;
use regex::Regex;

/// Padding that `fold_keep_offsets` puts after a folded multi-byte char.
const PAD: u8 = 0x01;

/// A lowercased word kept inline: every word the parser compares against is
/// ASCII and shorter than this, so no word token needs a heap string.
pub(super) type Key = ArrayString<16>;

/// Cap on stored numeric values: more digits than this are never a date.
const NUM_CAP: u32 = 1_000_000_000;

/// A letter as the token grammar means it (`\p{L}`); only asked of
/// characters outside ASCII, which folded essays rarely hold.
static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\p{L}").expect("letter regex is valid"));

fn is_letter(rest: &str) -> bool {
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => LETTER.is_match(rest),
        None => false,
    }
}

/// The next token at or after `at` in `s`: a run of ASCII digits, a run of
/// letters, or one other character that is neither white space nor the
/// offset padding. Hand-rolled because a regex search per token cost as
/// much as the whole date grammar.
fn next_token(s: &str, mut at: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_digit() {
            let len = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            return Some((at, at + len));
        }
        let rest = &s[at..];
        // ASCII first: the regex behind `is_letter` is for the rare rest.
        if b.is_ascii_alphabetic() || !b.is_ascii() && is_letter(rest) {
            let mut end = at;
            loop {
                // ASCII letters a byte at a time; others by the grammar's test.
                end += bytes[end..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                match bytes.get(end) {
                    Some(b) if !b.is_ascii() && is_letter(&s[end..]) => {
                        end += s[end..].chars().next().map_or(1, char::len_utf8);
                    }
                    _ => return Some((at, end)),
                }
            }
        }
        let c = rest.chars().next()?;
        if !c.is_whitespace() && b != PAD {
            return Some((at, at + c.len_utf8()));
        }
        at += c.len_utf8();
    }
    None
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// `val` saturates at [`NUM_CAP`]; `digits` is the exact count.
    Num {
        val: u32,
        digits: usize,
    },
    /// Lowercased word (empty when too long to match any list) and whether
    /// the first letter was upper case in the text.
    Word {
        key: Key,
        cap: bool,
    },
    Punct(char),
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    /// White space (not just offset padding) lies between this token and the
    /// one before, or this is the first token of the region.
    pub gap: bool,
    pub kind: Kind,
}

/// Tokenises `folded[start..end]` (both on char boundaries); spans are
/// offsets into the full string.
pub(super) fn lex(folded: &str, start: usize, end: usize) -> Vec<Tok> {
    let bytes = folded.as_bytes();
    let slice = &folded[start..end];
    // Prose holds about one token per three bytes: reserved once rather
    // than regrown.
    let mut toks = Vec::with_capacity(slice.len() / 3);
    let mut prev_end = start;
    let mut at = 0;
    while let Some((ms, me)) = next_token(slice, at) {
        at = me;
        let s = start + ms;
        let mut e = start + me;
        // A folded char is one ASCII byte plus pads; take the pads too so the
        // token ends on a char boundary of the original text.
        while e < end && bytes[e] == PAD {
            e += 1;
        }
        let gap = toks.is_empty() || bytes[prev_end..s].iter().any(|&b| b != PAD);
        let kind = kind_of(&slice[ms..me]);
        toks.push(Tok {
            start: s,
            end: e,
            gap,
            kind,
        });
        prev_end = e;
    }
    toks
}

/// The value of a run of ASCII digits, saturating at [`NUM_CAP`].
fn number(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |acc, b| {
        // Saturating throughout: a long digit run must not overflow.
        acc.saturating_mul(10)
            .saturating_add(u32::from(b - b'0'))
            .min(NUM_CAP)
    })
}

/// What a token is, by its first byte where that is ASCII: the shortcut
/// that the tests hold to [`any_kind`].
fn kind_of(token: &str) -> Kind {
    match token.as_bytes()[0] {
        b if b.is_ascii_digit() => Kind::Num {
            val: number(token),
            digits: token.len(),
        },
        b if b.is_ascii_alphabetic() => Kind::Word {
            key: key_of(token),
            cap: b.is_ascii_uppercase(),
        },
        b if b.is_ascii() => Kind::Punct(char::from(b)),
        _ => any_kind(token),
    }
}

/// What any token is, by its first char.
fn any_kind(token: &str) -> Kind {
    let first = token.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        Kind::Num {
            val: number(token),
            digits: token.len(),
        }
    } else if first.is_alphabetic() {
        Kind::Word {
            key: Key::from(&token.to_lowercase()).unwrap_or_default(),
            cap: first.is_uppercase(),
        }
    } else {
        Kind::Punct(first)
    }
}

/// A word lowercased; an ASCII word without a table per char.
fn key_of(word: &str) -> Key {
    if word.is_ascii() {
        let mut key = Key::from(word).unwrap_or_default();
        key.make_ascii_lowercase();
        key
    } else {
        // Some letters outside ASCII lowercase into it (the Kelvin sign).
        Key::from(&word.to_lowercase()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_keep_offsets;

    #[test]
    fn folded_dash_is_one_token_on_char_boundaries() {
        let text = "1917–22’s";
        let f = fold_keep_offsets(text);
        let toks = lex(&f, 0, f.len());
        assert_eq!(toks.len(), 5);
        assert_eq!(toks[1].kind, Kind::Punct('-'));
        assert!(!toks[2].gap, "padding is not a gap");
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }

    proptest::proptest! {
        /// The hand-rolled tokeniser splits exactly as the token grammar
        /// written as a regex does, on any text.
        #[test]
        fn tokens_equal_the_grammar(text in "[0-9a-zA-Z \u{1}\t\n.,;()'’–é\u{0416}\u{2160}\u{0301}\u{00A0}]{0,40}|\\PC{0,20}") {
            let grammar = Regex::new(r"[0-9]+|\p{L}+|[^\s\x01]").unwrap();
            let want: Vec<(usize, usize)> =
                grammar.find_iter(&text).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            let mut at = 0;
            while let Some((s, e)) = next_token(&text, at) {
                got.push((s, e));
                at = e;
            }
            proptest::prop_assert_eq!(got, want);
        }

        /// The ASCII shortcut of `kind_of` says what the general reading
        /// does, for every token of any text.
        #[test]
        fn token_kinds_equal_the_general_reading(text in "[0-9a-zA-Z .,;()'’–é\u{212A}\u{0130}\u{0416}\u{2160}]{0,40}|\\PC{0,20}") {
            let mut at = 0;
            while let Some((s, e)) = next_token(&text, at) {
                proptest::prop_assert_eq!(kind_of(&text[s..e]), any_kind(&text[s..e]));
                at = e;
            }
        }
    }
}
