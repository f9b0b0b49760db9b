//! Tokens for the date parser: runs of ASCII digits, runs of letters, and
//! single other characters, each with its byte span and whether white space
//! separates it from the token before ("1920s" vs "1920 s").

use std::sync::LazyLock;

use regex::Regex;

/// Padding that `fold_keep_offsets` puts after a folded multi-byte char.
const PAD: u8 = 0x01;

/// Longer words can match no list the parser knows, so they keep no key.
const MAX_KEY_LEN: usize = 24;

/// Cap on stored numeric values: more digits than this are never a date.
const NUM_CAP: u32 = 1_000_000_000;

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    // `\x01` is the offset padding, never a token and never a gap.
    Regex::new(r"[0-9]+|\p{L}+|[^\s\x01]").expect("token regex is valid")
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// `val` saturates at [`NUM_CAP`]; `digits` is the exact count.
    Num {
        val: u32,
        digits: usize,
    },
    /// Lowercased word (empty when too long to matter) and whether the first
    /// letter was upper case in the text.
    Word {
        key: String,
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
    let mut toks = Vec::new();
    let mut prev_end = start;
    for m in TOKEN.find_iter(slice) {
        let s = start + m.start();
        let mut e = start + m.end();
        // A folded char is one ASCII byte plus pads; take the pads too so the
        // token ends on a char boundary of the original text.
        while e < end && bytes[e] == PAD {
            e += 1;
        }
        let gap = toks.is_empty() || bytes[prev_end..s].iter().any(|&b| b != PAD);
        let word = m.as_str();
        let first = word.chars().next().unwrap_or(' ');
        let kind = if first.is_ascii_digit() {
            let val = word.bytes().fold(0u32, |acc, b| {
                // Saturating throughout: a long digit run must not overflow.
                acc.saturating_mul(10)
                    .saturating_add(u32::from(b - b'0'))
                    .min(NUM_CAP)
            });
            Kind::Num {
                val,
                digits: word.len(),
            }
        } else if first.is_alphabetic() {
            let key = if word.len() <= MAX_KEY_LEN {
                word.to_lowercase()
            } else {
                String::new()
            };
            Kind::Word {
                key,
                cap: first.is_uppercase(),
            }
        } else {
            Kind::Punct(first)
        };
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
}
