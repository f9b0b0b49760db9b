//! Layout: the essay as title, paragraphs, sentences and words, each with a
//! byte span into the original text.

pub mod abbreviations;
pub mod paragraphs;
pub mod sentences;
mod uax;
mod word_text;
pub mod words;

use std::borrow::Cow;

use crate::span::Span;
pub use word_text::WordText;
pub use words::Word;

/// The laid-out essay.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text; every span points into it.
    pub text: String,
    /// A first line that reads as a title (short, no final stop) or a
    /// Markdown heading at the top.
    pub title: Option<Span>,
    /// Prose paragraphs in reading order. Headings and list markers are not in
    /// them.
    pub paragraphs: Vec<Paragraph>,
    /// How the paragraphs were told apart.
    pub style: paragraphs::Style,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    /// A Markdown list item: it may fairly end without a stop.
    pub list_item: bool,
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub words: Vec<Word>,
}

impl Document {
    /// Lays out `text`: paragraphs, then sentences, then words.
    pub fn new(text: String) -> Self {
        let blocks = paragraphs::split(&text);
        let mut segments = Vec::new();
        let paragraphs = blocks
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, &span)| Paragraph {
                span,
                // Sorted: a binary search keeps long Markdown lists linear.
                list_item: blocks.list_items.binary_search(&i).is_ok(),
                sentences: with_words(
                    &text,
                    sentences::split_sentences(&text, span),
                    &mut segments,
                ),
            })
            .collect();
        Document {
            title: blocks.title,
            paragraphs,
            style: blocks.style,
            text,
        }
    }

    /// Builds a document whose paragraphs and sentences are already known
    /// (an annotated corpus): no layout or splitting is guessed.
    pub fn from_parts(text: String, paragraphs: Vec<Vec<Span>>) -> Self {
        let mut segments = Vec::new();
        let paragraphs = paragraphs
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|sentences| Paragraph {
                span: sentences[0].cover(sentences[sentences.len() - 1]),
                list_item: false,
                sentences: with_words(&text, sentences, &mut segments),
            })
            .collect();
        Document {
            text,
            title: None,
            paragraphs,
            style: paragraphs::Style::BlankLines,
        }
    }

    pub fn sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.paragraphs.iter().flat_map(|p| p.sentences.iter())
    }

    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.sentences.len()).sum()
    }

    pub fn word_count(&self) -> usize {
        self.sentences().map(|s| s.words.len()).sum()
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The text of a span with runs of white space (line breaks of a
    /// hard-wrapped essay) folded to one space, for display.
    pub fn display(&self, span: Span) -> String {
        self.shown(span).into_owned()
    }

    /// [`Document::display`] borrowed from the text when it needs no
    /// folding (most sentences): the report and the role features each
    /// read every sentence's shown text, and a copy each was two
    /// allocations a sentence.
    pub fn shown(&self, span: Span) -> Cow<'_, str> {
        collapsed(self.slice(span))
    }
}

/// Sentences with their words; `segments` is a buffer shared by all of a
/// document's sentences.
fn with_words<'t>(
    text: &'t str,
    spans: Vec<Span>,
    segments: &mut Vec<(usize, &'t str)>,
) -> Vec<Sentence> {
    spans
        .into_iter()
        .map(|span| Sentence {
            span,
            words: words::words_with(text, span, segments),
        })
        .collect()
}

/// Folds every run of white space to one space and trims the ends.
pub fn collapse_space(s: &str) -> String {
    collapsed(s).into_owned()
}

/// [`collapse_space`], borrowing `s` when it is already collapsed.
pub fn collapsed(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) {
        // Most sentences: taken whole rather than rebuilt word by word.
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for part in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    Cow::Owned(out)
}

/// The non-empty runs of `s` between ASCII bytes that `is_space` accepts,
/// with their offsets. Split as bytes, without decoding chars: no byte of a
/// char outside ASCII is ASCII, so every cut lies on a char boundary.
fn ascii_split(s: &str, is_space: impl FnMut(&u8) -> bool) -> impl Iterator<Item = (usize, &str)> {
    s.as_bytes()
        .split(is_space)
        .filter(|p| !p.is_empty())
        .map(move |p| {
            let at = p.as_ptr() as usize - s.as_ptr() as usize;
            (at, &s[at..at + p.len()])
        })
}

/// No white space but single spaces between other characters.
fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    if s.is_ascii() {
        // One scan of each byte and the next without an early exit, which
        // the compiler vectorises: most text shown or matched is ASCII, and
        // a substring search for two spaces cost as much as the rest.
        let is_control_space = |b: &u8| matches!(b, b'\t'..=b'\r');
        let next = bytes.get(1..).unwrap_or_default();
        let unfolded = bytes.iter().zip(next).fold(false, |found, (a, b)| {
            found | is_control_space(a) | (*a == b' ' && *b == b' ')
        });
        return !unfolded
            && !bytes.last().is_some_and(is_control_space)
            && !s.starts_with(' ')
            && !s.ends_with(' ');
    }
    let mut after_space = true; // no space at the start
    let mut i = 0;
    // Byte by byte: decoding every char was most of the cost, and only a
    // char outside ASCII needs it.
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            i += 1;
        } else if b.is_ascii() {
            if char::from(b).is_whitespace() {
                return false;
            }
            after_space = false;
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return false;
            }
            after_space = false;
            i += c.len_utf8();
        }
    }
    !after_space || s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn collapsing_keeps_collapsed_text_as_it_is(
            s in "[ab \t\n\u{B}\u{C}\u{85}\u{A0}\u{2003}\u{3000}’é]{0,12}"
        ) {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(collapse_space(&s), words.join(" "));
        }

        #[test]
        fn collapsing_ascii_keeps_collapsed_text_as_it_is(s in "[ab \t\n\u{B}\u{C}\r\u{1F}]{0,12}") {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(collapse_space(&s), words.join(" "));
        }
    }
}
