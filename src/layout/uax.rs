//! UAX #29 sentence boundaries, asked of the unicode-segmentation crate only
//! where one can be.
//!
//! Every sentence-break rule of UAX #29 that can break needs a terminator
//! (`.`, `!`, `?` and their kin) or a paragraph separator, looks back at most
//! one character before the terminator, and looks ahead at most to the first
//! letter after it. Between two ASCII lowercase letters no rule breaks, and
//! no rule's context reaches across such a pair. So the text can be cut
//! there into windows, each around one or more terminators, and the crate
//! run on the windows alone gives exactly the boundaries it gives on the
//! whole text, at a fraction of the cost: in prose most characters lie
//! between such pairs, far from a stop. (The segmenter was a tenth of an
//! essay's analysis.)
//!
//! A window of ASCII alone is read by [`ascii_starts`], the crate's rules
//! with a class per byte, and never reaches the crate.
//!
//! This holds only where we know every character that is a terminator or a
//! separator; text with any other character outside ASCII is given to the
//! crate whole.

use unicode_segmentation::UnicodeSegmentation;

/// The start of every sentence after the first, as byte offsets, exactly as
/// `split_sentence_bound_indices` reports them over the whole of `text`.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    // `is_ascii` first: it reads a machine word at a time.
    if !(text.is_ascii() || text.chars().all(|c| c.is_ascii() || is_plain(c))) {
        return whole(text);
    }
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(anchor) = bytes[at..].iter().position(|&b| is_anchor(b)) {
        let anchor = at + anchor;
        let from = junction_before(bytes, at, anchor);
        // Any later anchor before `to` has the same first junction after
        // it, and its last one before lies inside: one window serves both.
        let to = junction_after(bytes, anchor);
        let window = &text[from..to];
        if window.is_ascii() {
            ascii_starts(window.as_bytes(), |i| starts.push(from + i));
        } else {
            starts.extend(
                window
                    .split_sentence_bound_indices()
                    .skip(1)
                    .map(|(i, _)| from + i),
            );
        }
        at = to;
    }
    starts
}

/// The sentence break property of an ASCII byte (SentenceBreakProperty.txt
/// of Unicode; no ASCII char is Sep, OLetter, Extend or Format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    SContinue,
    Close,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        _ => Class::Other,
    }
}

/// What the crate remembers of the text before a char: the last four runs,
/// a run of Close or of Sp counting as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

type State = [Part; 4];

fn advance(s: State, c: Class) -> State {
    let part = match c {
        Class::Close if s[3] == Part::ClosePlus => return s,
        Class::Sp if s[3] == Part::SpPlus => return s,
        Class::Cr => Part::Cr,
        Class::Lf => Part::Lf,
        Class::ATerm => Part::ATerm,
        Class::Upper | Class::Lower => Part::UpperLower,
        Class::Close => Part::ClosePlus,
        Class::Sp => Part::SpPlus,
        Class::STerm => Part::STerm,
        Class::Numeric | Class::SContinue | Class::Other => Part::Other,
    };
    [s[1], s[2], s[3], part]
}

fn is_sa_term(p: Part) -> bool {
    matches!(p, Part::ATerm | Part::STerm)
}

/// The part before `SATerm Close* Sp*` at the end of the state, where the
/// terminator would be.
fn term_before_close_space(s: State) -> Part {
    let mut i = if s[3] == Part::SpPlus { 2 } else { 3 };
    if s[i] == Part::ClosePlus {
        i -= 1;
    }
    s[i]
}

/// Rule SB8: after `ATerm Close* Sp*`, no break before a run of chars other
/// than letters, separators and terminators that ends in a lowercase letter.
fn lowercase_ahead(s: State, ahead: &[u8]) -> bool {
    term_before_close_space(s) == Part::ATerm
        && ahead.iter().map(|&b| class(b)).find(|c| {
            matches!(
                c,
                Class::Lower | Class::Upper | Class::Cr | Class::Lf | Class::STerm | Class::ATerm
            )
        }) == Some(Class::Lower)
}

/// Rule SB11: a break after `SATerm Close* Sp* ParaSep?`.
fn ends_sentence(s: State) -> bool {
    let mut i = if matches!(s[3], Part::Cr | Part::Lf) {
        2
    } else {
        3
    };
    if s[i] == Part::SpPlus {
        i -= 1;
    }
    if s[i] == Part::ClosePlus {
        i -= 1;
    }
    is_sa_term(s[i])
}

/// Whether the crate breaks before the char of class `c` at the start of
/// `ahead`, given the state before it: rules SB3 to SB11 in the crate's
/// order, as the crate reads them.
fn breaks_before(s: State, c: Class, ahead: &[u8]) -> bool {
    let after_term = is_sa_term(term_before_close_space(s));
    let term_close = is_sa_term(s[if s[3] == Part::ClosePlus { 2 } else { 3 }]);
    match c {
        Class::Lf if s[3] == Part::Cr => false,
        _ if matches!(s[3], Part::Cr | Part::Lf) => true,
        Class::Numeric if s[3] == Part::ATerm => false,
        Class::Upper if s[2] == Part::UpperLower && s[3] == Part::ATerm => false,
        _ if lowercase_ahead(s, ahead) => false,
        Class::SContinue | Class::STerm | Class::ATerm if after_term => false,
        Class::Close | Class::Sp | Class::Cr | Class::Lf if term_close => false,
        Class::Sp | Class::Cr | Class::Lf if after_term => false,
        _ => ends_sentence(s),
    }
}

/// The crate's sentence starts after the first in ASCII `text`, read from
/// its rules with a class per byte rather than the crate's search of its
/// Unicode table for every char: the crate was a fifth of the splitter.
fn ascii_starts(text: &[u8], mut start: impl FnMut(usize)) {
    let Some((&b0, rest)) = text.split_first() else {
        return;
    };
    let mut state = advance([Part::Sot; 4], class(b0));
    for (i, &b) in rest.iter().enumerate() {
        let c = class(b);
        if breaks_before(state, c, &rest[i..]) {
            start(i + 1);
        }
        state = advance(state, c);
    }
}

/// What the crate reports over the whole text.
fn whole(text: &str) -> Vec<usize> {
    text.split_sentence_bound_indices()
        .skip(1)
        .map(|(i, _)| i)
        .collect()
}

/// A byte no boundary rule can do without: an ASCII terminator or line end.
fn is_anchor(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r')
}

/// Characters outside ASCII known to be neither terminators nor separators:
/// Latin letters and their accents, typographic punctuation (curly quotes,
/// dashes, the ellipsis), spaces and currency signs. Left out on purpose:
/// U+2024 one dot leader, U+2028 and U+2029 line and paragraph separators,
/// U+203C and U+203D, U+2047 to U+2049. A test checks every one of these
/// against the crate.
fn is_plain(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'..='\u{24F}'
            | '\u{300}'..='\u{36F}'
            | '\u{2000}'..='\u{2023}'
            | '\u{2025}'..='\u{2027}'
            | '\u{202A}'..='\u{203B}'
            | '\u{203E}'..='\u{2046}'
            | '\u{20A0}'..='\u{20C0}'
    )
}

/// The last cut point at or before `anchor - 1` and after `floor` (itself
/// a cut point, or the start): a place between two ASCII lowercase letters,
/// so the character before the anchor stays inside.
fn junction_before(bytes: &[u8], floor: usize, anchor: usize) -> usize {
    (floor.max(1)..anchor)
        .rev()
        .find(|&p| bytes[p - 1].is_ascii_lowercase() && bytes[p].is_ascii_lowercase())
        .unwrap_or(floor)
}

/// The first cut point after `anchor`, past the first letter that follows
/// it (where the rules stop looking), or the end of the text.
fn junction_after(bytes: &[u8], anchor: usize) -> usize {
    (anchor + 2..bytes.len())
        .find(|&q| bytes[q - 1].is_ascii_lowercase() && bytes[q].is_ascii_lowercase())
        .unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_give_what_the_whole_text_gives_for_every_plain_character() {
        let plain = ('\u{80}'..='\u{20CF}').filter(|&c| is_plain(c));
        for c in plain {
            for text in [
                format!("ab{c} Cd. ef{c}. Gh"),
                format!("xy.{c} Zw and{c}. then"),
                format!("end of it{c} next. {c}Upper"),
                format!("u.s{c}. a. b? C! d{c}"),
                // No ASCII terminator at all: no window unless `c` makes one.
                format!("some words{c} Then more words"),
                format!("some words{c}{c} then more words"),
            ] {
                assert_eq!(sentence_starts(&text), whole(&text), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn left_out_characters_are_terminators_or_separators() {
        for c in [
            '\u{2024}', '\u{2028}', '\u{2029}', '\u{203C}', '\u{203D}', '\u{2047}',
        ] {
            let text = format!("Some words{c} Then more");
            assert_eq!(whole(&text).len(), 1, "U+{:04X}", c as u32);
            assert_eq!(sentence_starts(&text), whole(&text), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn essays_split_the_same() {
        let text = "The war ended in 1921. Lenin said: “Enough!” (He was right.) \
                    Mr. Smith arrived at 3.30 p.m. on Oct. 5. U.S. troops left.\n\
                    Was it? yes. No…   Then, e.g. this. End";
        assert_eq!(sentence_starts(text), whole(text));
    }

    fn ascii_by_rules(text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        ascii_starts(text.as_bytes(), |i| starts.push(i));
        starts
    }

    #[test]
    fn every_ascii_pair_and_triple_breaks_as_the_crate_says() {
        let chars: Vec<char> = ('\0'..='\x7F').collect();
        for &a in &chars {
            for &b in &chars {
                let text = format!("{a}{b}");
                assert_eq!(ascii_by_rules(&text), whole(&text), "{text:?}");
                for c in ['.', 'a', 'A', ' ', '"', '\n', '1', '!', ','] {
                    let text = format!("{c}{a}{b}x");
                    assert_eq!(ascii_by_rules(&text), whole(&text), "{text:?}");
                    let text = format!("x{a}{c}{b}");
                    assert_eq!(ascii_by_rules(&text), whole(&text), "{text:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_rules_equal_the_crate(text in "[a-cA-C0-9 \t\x0B\x0C.!?,;:\\-\n\r\"'()\\[\\]{}*#\x00\x7F]{0,40}") {
            proptest::prop_assert_eq!(ascii_by_rules(&text), whole(&text));
        }

        #[test]
        fn ascii_rules_equal_the_crate_on_any_ascii(text in "[\x00-\x7F]{0,40}") {
            proptest::prop_assert_eq!(ascii_by_rules(&text), whole(&text));
        }

        #[test]
        fn windows_equal_the_whole_text(
            text in "[a-cA-C0-9 .!?\\n\\r\"')(’”“—…\u{2024}\u{2028}é\u{301}\u{3002}]{0,60}"
        ) {
            proptest::prop_assert_eq!(sentence_starts(&text), whole(&text));
        }
    }
}
