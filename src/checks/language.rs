//! Is the input English prose at all? Code, a table of numbers, a list of
//! links or an essay in another language would otherwise get invented roles
//! and findings, so it gets one clear error and nothing else.
//!
//! The measures are deliberately simple so a teacher can check them by hand:
//! the share of letters among visible characters, the share of lines that
//! look like code or links, and the share of words that are common English
//! function words (about 40–50 % in English prose, near 0 in French, German
//! or Russian, and barely moved by quoted foreign names).

use crate::finding::{Finding, Severity};
use crate::layout::Document;
use crate::span::Span;
use crate::word_set::WordSet;

/// Below this share of letters the text is mostly digits or symbols.
const MIN_LETTER_SHARE: f32 = 0.6;
/// At or above this share of code-like or link lines it is not prose.
const MAX_CODE_LINE_SHARE: f32 = 0.5;
/// Below this share of English function words it is not English.
const MIN_FUNCTION_SHARE: f32 = 0.12;
/// Fewer words than this are too few to judge the language by.
const MIN_WORDS: usize = 20;

/// Words that make up a large share of any English prose, whatever the topic.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "because", "been",
    "but", "by", "could", "did", "for", "from", "had", "has", "have", "he", "her", "his", "how",
    "however", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "or", "so",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "was", "were", "what", "when", "which", "while", "who", "with", "would",
];

/// The measures behind the verdict, shown in the finding's message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    pub words: usize,
    pub letter_share: f32,
    pub code_line_share: f32,
    pub function_share: f32,
}

pub fn measure(text: &str) -> Measures {
    // Letters, words and lines in one pass over the characters: this check
    // reads the whole essay, and separate passes were 4 % of its analysis.
    let mut tally = Tally::default();
    // A word never spans a line break, so each line is counted on its own.
    for line in text.split('\n') {
        let symbols = tally.add_line(line);
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            tally.lines += 1;
            tally.code_lines += usize::from(looks_like_code(trimmed, symbols));
        }
    }
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f32 / of as f32 };
    Measures {
        words: tally.words,
        letter_share: share(tally.letters, tally.visible),
        code_line_share: share(tally.code_lines, tally.lines),
        function_share: share(tally.function, tally.words),
    }
}

/// The counts behind [`Measures`].
#[derive(Default)]
struct Tally {
    visible: usize,
    letters: usize,
    words: usize,
    function: usize,
    lines: usize,
    code_lines: usize,
}

impl Tally {
    /// Counts the visible characters, letters and words of one line and
    /// returns how many code symbols it holds. ASCII is classed by a table,
    /// and a word's ASCII letters are skipped as a run: asking `char` about
    /// every character cost about 65 instructions a byte of the essay.
    fn add_line(&mut self, line: &str) -> usize {
        let mut symbols = 0;
        let mut i = 0;
        while i < line.len() {
            let (class, width) = class_at(line, i);
            if class == Class::Letter || class == Class::Apostrophe {
                i = self.add_word(line, i);
                continue;
            }
            self.visible += usize::from(class != Class::Space);
            symbols += usize::from(class == Class::Symbol);
            i += width;
        }
        symbols
    }

    /// Counts the word (a run of letters and apostrophes) starting at
    /// `start` if it holds a letter; returns where it ends.
    fn add_word(&mut self, line: &str, start: usize) -> usize {
        let bytes = line.as_bytes();
        let (mut i, mut letters, mut apostrophes) = (start, 0, 0);
        loop {
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            letters += run;
            i += run;
            if i == bytes.len() {
                break;
            }
            match class_at(line, i) {
                (Class::Letter, width) => {
                    letters += 1;
                    i += width;
                }
                (Class::Apostrophe, width) => {
                    apostrophes += 1;
                    i += width;
                }
                _ => break,
            }
        }
        self.visible += letters + apostrophes;
        self.letters += letters;
        if letters > 0 {
            self.words += 1;
            self.function += usize::from(FUNCTION_SET.contains(&line[start..i]));
        }
        i
    }
}

/// The class and width in bytes of the character at `i`: by table for ASCII.
fn class_at(line: &str, i: usize) -> (Class, usize) {
    match line.as_bytes()[i] {
        b if b.is_ascii() => (ASCII_CLASSES[usize::from(b)], 1),
        _ => {
            let c = line[i..].chars().next().expect("a char starts here");
            (Class::of(c), c.len_utf8())
        }
    }
}

/// What a character counts as. Mutually exclusive: a code symbol is
/// visible and neither a letter nor an apostrophe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Apostrophe,
    Space,
    Symbol,
    Other,
}

impl Class {
    /// The general definition, for any character.
    fn of(c: char) -> Class {
        if c.is_alphabetic() {
            Class::Letter
        } else if c == '\'' || c == '’' {
            Class::Apostrophe
        } else if c.is_whitespace() {
            Class::Space
        } else if u8::try_from(c).is_ok_and(is_code_symbol) {
            Class::Symbol
        } else {
            Class::Other
        }
    }
}

/// [`Class::of`] for every ASCII byte, built when compiling (a test holds
/// it to the general definition).
const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphabetic() {
            Class::Letter
        } else if byte == b'\'' {
            Class::Apostrophe
        } else if matches!(byte, b'\t'..=b'\r' | b' ') {
            Class::Space
        } else if is_code_symbol(byte) {
            Class::Symbol
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// [`FUNCTION_WORDS`] as numbers: this check reads every word.
static FUNCTION_SET: WordSet<{ FUNCTION_WORDS.len() }> = WordSet::new(FUNCTION_WORDS);

/// A line of code or a bare link: a URL, a statement or brace ending, or
/// dense with the symbols programs are made of (`symbols` of them).
fn looks_like_code(line: &str, symbols: usize) -> bool {
    line.contains("://")
        || line.starts_with("www.")
        || line.ends_with(['{', '}', ';'])
        || symbols * 8 > line.chars().count()
}

/// The symbols programs are made of, as a bit set over ASCII: a test per
/// character that costs one shift (a string search per character was 3 %
/// of a whole essay's analysis).
const CODE_SYMBOLS: u128 = {
    let symbols = b"{}[]()<>=;$&|\\/_*#@";
    let mut set = 0u128;
    let mut i = 0;
    while i < symbols.len() {
        set |= 1 << symbols[i];
        i += 1;
    }
    set
};

const fn is_code_symbol(b: u8) -> bool {
    b < 128 && CODE_SYMBOLS >> b & 1 == 1
}

/// The finding for text that is not English prose, or `None` for an essay.
pub fn check(doc: &Document) -> Option<Finding> {
    let m = measure(&doc.text);
    let whole = Span::new(0, doc.text.len());
    let figures = || {
        format!(
            "{:.0} % letters, {:.0} % code or link lines, {:.0} % English function words in {} words",
            m.letter_share * 100.0,
            m.code_line_share * 100.0,
            m.function_share * 100.0,
            m.words
        )
    };
    if m.letter_share < MIN_LETTER_SHARE || m.code_line_share >= MAX_CODE_LINE_SHARE {
        return Some(Finding::new(
            "input.not-prose",
            Severity::Error,
            whole,
            format!(
                "This does not look like an essay in prose ({}): it was not analysed.",
                figures()
            ),
            "Check that the right file was submitted: argmark reads essays written in sentences, not code, tables or lists of links.",
        ));
    }
    if m.words >= MIN_WORDS && m.function_share < MIN_FUNCTION_SHARE {
        return Some(Finding::new(
            "input.not-english",
            Severity::Error,
            whole,
            format!(
                "This does not look like English ({}): it was not analysed.",
                figures()
            ),
            "argmark's checks are built for essays in English; mark this one by hand.",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> Option<&'static str> {
        check(&Document::new(text.into())).map(|f| f.code)
    }

    /// The measures as defined, each counted on its own over `char`s: the
    /// reference for the one pass over lines with the byte table.
    fn measure_as_defined(text: &str) -> Measures {
        let visible: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        let letters = visible.iter().filter(|c| c.is_alphabetic()).count();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let function = words
            .iter()
            .filter(|w| FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
            .count();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let code_lines = lines
            .iter()
            .filter(|l| looks_like_code(l, l.bytes().filter(|&b| is_code_symbol(b)).count()))
            .count();
        let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f32 / of as f32 };
        Measures {
            words: words.len(),
            letter_share: share(letters, visible.len()),
            code_line_share: share(code_lines, lines.len()),
            function_share: share(function, words.len()),
        }
    }

    #[test]
    fn ascii_table_classes_as_the_general_definition() {
        for b in 0..128u8 {
            assert_eq!(
                ASCII_CLASSES[usize::from(b)],
                Class::of(char::from(b)),
                "{b}"
            );
        }
    }

    proptest::proptest! {
        /// Counting by lines with the byte table measures what the
        /// definitions count, on any text.
        #[test]
        fn one_pass_counts_as_defined(text in "[a-zA-Z0-9 \n\r\t'’.,;:/{}()=_é\u{0416}\u{00A0}\u{2003}\u{2028}]{0,80}|\\PC{0,30}|[ -~\n]{0,80}") {
            proptest::prop_assert_eq!(measure(&text), measure_as_defined(&text));
        }
    }

    #[test]
    fn function_words_are_found_in_any_case() {
        for w in FUNCTION_WORDS {
            assert!(FUNCTION_SET.contains(w) && FUNCTION_SET.contains(&w.to_uppercase()));
        }
    }

    #[test]
    fn english_essay_quoting_russian_and_german_names_is_english() {
        let text = "Trotsky, born Лев Давидович Бронштейн, was the organiser of the rising. \
            He argued, as the Germans at Brest-Litovsk under Max Hoffmann and Richard von Kühlmann \
            learned, that the revolution would spread. Его называли «демоном революции». \
            This shows that his contribution was decisive, because without the Red Army the \
            regime would have fallen by 1919.";
        assert_eq!(code_of(text), None);
    }

    #[test]
    fn french_german_and_russian_are_not_english() {
        let fr = "La révolution d'Octobre fut dirigée par Lénine et Trotski. Les bolcheviks ont pris \
            le pouvoir à Petrograd le sept novembre, et la guerre civile a suivi jusqu'en 1921. \
            Trotski a construit l'Armée rouge, qui a gagné la guerre contre les Blancs.";
        let de = "Die Oktoberrevolution wurde von Lenin und Trotzki geführt. Die Bolschewiki \
            ergriffen im November die Macht in Petrograd, und der Bürgerkrieg dauerte bis 1921. \
            Trotzki baute die Rote Armee auf, die den Krieg gegen die Weißen gewann.";
        let ru = "Октябрьская революция была проведена Лениным и Троцким. Большевики взяли власть \
            в Петрограде в ноябре, и гражданская война продолжалась до 1921 года. Троцкий создал \
            Красную армию, которая победила белых в этой войне.";
        for text in [fr, de, ru] {
            assert_eq!(code_of(text), Some("input.not-english"), "{text}");
        }
    }

    #[test]
    fn code_numbers_and_links_are_not_prose() {
        let code = "fn main() {\n    let x = vec![1, 2, 3];\n    println!(\"{x:?}\");\n}\n";
        let table = "1917 12 34.5 66\n1918 13 35.1 70\n1919 9 30.0 71\n1920 8 29.4 75\n";
        let links = "https://example.com/a\nhttps://example.com/b\nwww.example.org/c\n";
        for text in [code, table, links] {
            assert_eq!(code_of(text), Some("input.not-prose"), "{text}");
        }
    }

    #[test]
    fn a_short_english_note_is_not_judged_by_language() {
        assert_eq!(code_of("Trotsky won."), None);
    }
}
