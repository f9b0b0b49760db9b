//! Paragraph boundaries in every layout students produce.
//!
//! Students' files rarely mark paragraphs the way a typesetter would. We see
//! blank-line separated paragraphs; one paragraph per (long) line; hard-wrapped
//! lines with an indented first line; and word-processor exports that wrap every
//! line and put a blank line after each one, so that the only sign of a new
//! paragraph is a short line that ends a sentence, or an extra blank line.
//! [`split`] first works out which of these the file uses, then applies it.

use serde::Serialize;

use crate::span::Span;

/// How the paragraphs of a file were told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// Paragraphs separated by blank lines.
    BlankLines,
    /// Every line wrapped and followed by a blank line; paragraphs end at a
    /// short line that ends a sentence, or at two or more blank lines.
    DoubleSpaced,
    /// Hard-wrapped lines, no blank lines; new paragraphs are indented.
    Indented,
    /// Hard-wrapped lines, no blank lines; paragraphs end at a short line.
    HardWrapped,
    /// Each line is a whole paragraph.
    LinePerParagraph,
    /// A single paragraph.
    Single,
}

/// The result of [`split`]: a title (if any) and prose paragraph spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocks {
    pub title: Option<Span>,
    pub paragraphs: Vec<Span>,
    /// Indexes into `paragraphs` of the ones that are list items: they may
    /// end without a stop.
    pub list_items: Vec<usize>,
    pub style: Style,
}

/// Lines longer than this are not hard-wrapped: a writer let them run on.
const MAX_WRAPPED_WIDTH: usize = 100;
/// A line shorter than this share of the wrap width ends its paragraph when
/// it also ends a sentence.
const SHORT_LINE_SHARE: f64 = 0.75;
/// A first line longer than this is prose, not a title.
const MAX_TITLE_CHARS: usize = 160;

/// What kind of line it is, for layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    /// A Markdown heading (`# …`).
    Heading,
    /// A list item; its span starts after the marker.
    ListItem,
    /// A rule (`---`, `***`): a separator, no text.
    Rule,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// The text of the line without its marker and outer white space.
    content: Span,
    /// Width of the leading white space (a tab counts four).
    indent: usize,
    /// Length in chars, including the indent: what the writer saw.
    width: usize,
    kind: Kind,
    /// Blank lines between this line and the previous non-blank one.
    blanks_before: usize,
}

/// Splits `text` into a title and paragraphs.
pub fn split(text: &str) -> Blocks {
    let lines = non_blank_lines(text);
    if lines.is_empty() {
        return Blocks {
            title: None,
            paragraphs: Vec::new(),
            list_items: Vec::new(),
            style: Style::Single,
        };
    }
    let shape = Shape::measure(text, &lines);
    let (title, body) = if is_title(text, &lines, &shape) {
        (Some(lines[0].content), &lines[1..])
    } else {
        (None, &lines[..])
    };
    let mut paragraphs = Vec::new();
    let mut list_items = Vec::new();
    let mut current: Option<Span> = None;
    for (i, line) in body.iter().enumerate() {
        let breaks = i == 0 || breaks_before(text, &body[i - 1], line, &shape);
        if breaks && let Some(p) = current.take() {
            paragraphs.push(p);
        }
        match line.kind {
            Kind::Heading | Kind::Rule => {}
            Kind::Prose | Kind::ListItem if line.content.is_empty() => {}
            Kind::Prose | Kind::ListItem => {
                if line.kind == Kind::ListItem {
                    list_items.push(paragraphs.len());
                }
                current = Some(match current {
                    Some(p) => p.cover(line.content),
                    None => line.content,
                });
            }
        }
        // A heading or rule closes what came before and starts afresh.
        if matches!(line.kind, Kind::Heading | Kind::Rule)
            && let Some(p) = current.take()
        {
            paragraphs.push(p);
        }
    }
    paragraphs.extend(current);
    let style = shape.style(paragraphs.len());
    list_items.dedup();
    Blocks {
        title,
        paragraphs,
        list_items,
        style,
    }
}

/// Measurements of the whole file that decide how its lines are read.
struct Shape {
    /// Lines are wrapped and each is followed by a blank line.
    double_spaced: bool,
    /// Typical width of a full line (90th percentile), in chars.
    wrap_width: usize,
    /// Lines are hard-wrapped (not one long line per paragraph).
    wrapped: bool,
    /// Some, but not all, lines are indented: indentation marks paragraphs.
    indents_mark_paragraphs: bool,
    /// Any blank line separates paragraphs.
    has_blank_lines: bool,
}

impl Shape {
    fn measure(text: &str, lines: &[Line]) -> Shape {
        let mut widths: Vec<usize> = lines.iter().map(|l| l.width).collect();
        widths.sort_unstable();
        let wrap_width = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
        let wrapped = lines.len() > 1 && wrap_width <= MAX_WRAPPED_WIDTH;

        let gaps: Vec<&Line> = lines.iter().skip(1).collect();
        let single_gaps = gaps.iter().filter(|l| l.blanks_before == 1).count();
        // Lines followed by exactly one blank line that stop mid-sentence: in
        // an ordinary file each blank line follows a finished paragraph.
        let mid_sentence_before_single_gap = lines
            .windows(2)
            .filter(|w| w[1].blanks_before == 1 && !ends_sentence(w[0].content.slice(text)))
            .count();
        let double_spaced = gaps.len() >= 3
            && single_gaps * 10 >= gaps.len() * 6
            && mid_sentence_before_single_gap * 10 >= single_gaps * 4;

        let prose: Vec<&Line> = lines.iter().filter(|l| l.kind == Kind::Prose).collect();
        let indented = prose.iter().filter(|l| l.indent > 0).count();
        let indents_mark_paragraphs = indented > 0 && indented < prose.len();
        let has_blank_lines = gaps.iter().any(|l| l.blanks_before > 0);
        Shape {
            double_spaced,
            wrap_width,
            wrapped,
            indents_mark_paragraphs,
            has_blank_lines,
        }
    }

    /// Blank lines between two lines that count as a paragraph gap.
    fn gap(&self, blanks: usize) -> usize {
        if self.double_spaced {
            blanks.saturating_sub(1)
        } else {
            blanks
        }
    }

    fn style(&self, paragraphs: usize) -> Style {
        if paragraphs <= 1 {
            Style::Single
        } else if self.double_spaced {
            Style::DoubleSpaced
        } else if self.has_blank_lines {
            Style::BlankLines
        } else if !self.wrapped {
            Style::LinePerParagraph
        } else if self.indents_mark_paragraphs {
            Style::Indented
        } else {
            Style::HardWrapped
        }
    }
}

/// Does a new paragraph start at `line`, which follows `prev`?
fn breaks_before(text: &str, prev: &Line, line: &Line, shape: &Shape) -> bool {
    if shape.gap(line.blanks_before) > 0 {
        return true;
    }
    if line.kind != Kind::Prose || prev.kind != Kind::Prose {
        return true;
    }
    if shape.indents_mark_paragraphs && line.indent > prev.indent {
        return true;
    }
    let prev_text = prev.content.slice(text);
    if !ends_sentence(prev_text) {
        return false;
    }
    // A finished sentence at the end of a line that ran on (not wrapped) ends
    // the paragraph; so does one on a short line of a wrapped text.
    if !shape.wrapped || prev.width > MAX_WRAPPED_WIDTH {
        return true;
    }
    (prev.width as f64) < shape.wrap_width as f64 * SHORT_LINE_SHARE
}

/// Is the first line a title? Markdown headings are; so is a short first line
/// without a final stop that is set apart or reads like a title.
fn is_title(text: &str, lines: &[Line], shape: &Shape) -> bool {
    let (Some(first), Some(next)) = (lines.first(), lines.get(1)) else {
        return false; // a lone line is the essay, however short
    };
    match first.kind {
        Kind::Heading => return true,
        Kind::Prose => {}
        Kind::ListItem | Kind::Rule => return false,
    }
    let s = first.content.slice(text);
    if s.chars().count() > MAX_TITLE_CHARS || s.ends_with(['.', '!', ',', ';', '…']) {
        return false;
    }
    // In a double-spaced file one blank line is just spacing, so only an
    // extra one sets the title apart.
    let set_apart = shape.gap(next.blanks_before) > 0;
    let next_starts_upper = next
        .content
        .slice(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    let asks = s.ends_with('?') && next_starts_upper;
    set_apart || asks || (next_starts_upper && (title_case(s) || verbless(s)))
}

/// No finite-verb cue: "Trotsky's contribution to the success of the
/// Bolsheviks up to 1922" is a heading, where a wrapped first line of prose
/// ("Leon Trotsky was a Russian Marxist, who organised the") has a verb.
fn verbless(s: &str) -> bool {
    const FINITE: &[&str] = &[
        "is", "was", "were", "are", "am", "be", "been", "had", "has", "have", "did", "does", "do",
        "will", "would", "could", "can", "should", "may", "might", "must", "became", "led", "made",
        "took", "gave", "began", "won", "lost", "came", "went", "saw", "held", "left", "fought",
        "brought", "thought",
    ];
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() >= 2
        && !words
            .iter()
            .any(|w| FINITE.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed")))
}

/// Most longer words capitalised, as in "Trotsky's Contribution to the Success".
fn title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let upper = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 2 && upper * 4 >= long.len() * 3
}

/// Does the text end with a sentence-final stop (allowing closing quotes and
/// brackets after it)?
pub fn ends_sentence(s: &str) -> bool {
    let trimmed = s
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', ']', '»', '*', '_']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// The non-blank lines of `text`, classified, with the blank lines before each.
fn non_blank_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut blanks = 0;
    for raw in raw_lines(text) {
        let s = raw.slice(text);
        if s.trim().is_empty() {
            blanks += 1;
            continue;
        }
        let indent_bytes = s.len() - s.trim_start().len();
        let indent = s[..indent_bytes]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let width = indent + s.trim().chars().count();
        let content = Span::new(raw.start + indent_bytes, raw.end).trim(text);
        let (kind, content) = classify(text, content);
        lines.push(Line {
            content,
            indent,
            width,
            kind,
            blanks_before: blanks,
        });
        blanks = 0;
    }
    lines
}

/// Line spans without their terminators; LF, CRLF and lone CR all end a line.
fn raw_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if let Some(i) = next_line_break(bytes, start) {
            let line = Span::new(start, i);
            start = i + if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            return Some(line);
        }
        if start < bytes.len() {
            let line = Span::new(start, bytes.len());
            start = bytes.len();
            return Some(line);
        }
        None
    })
}

/// Where the first `\n` or `\r` at or after `from` lies: memchr passes
/// over whole blocks without one, where reading lines of hundreds of bytes
/// a byte at a time was most of finding the paragraphs.
fn next_line_break(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map(|n| from + n)
}

/// Recognises Markdown headings, rules and list markers.
fn classify(text: &str, content: Span) -> (Kind, Span) {
    let s = content.slice(text);
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
        let inner = Span::new(content.start + hashes, content.end).trim(text);
        let inner_s = inner.slice(text).trim_end_matches('#');
        return (
            Kind::Heading,
            Span::new(inner.start, inner.start + inner_s.len()).trim(text),
        );
    }
    if s.len() >= 3
        && (s.bytes().all(|b| b == b'-')
            || s.bytes().all(|b| b == b'*')
            || s.bytes().all(|b| b == b'_'))
    {
        return (Kind::Rule, Span::new(content.end, content.end));
    }
    if let Some(marker) = list_marker_len(s) {
        return (
            Kind::ListItem,
            Span::new(content.start + marker, content.end).trim(text),
        );
    }
    (Kind::Prose, content)
}

/// Byte length of a list marker and its space: `- `, `* `, `+ `, `• `, `1. `, `2) `.
fn list_marker_len(s: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "+ ", "• ", "– "] {
        if s.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines as first found, a byte at a time.
    fn raw_lines_byte_by_byte(text: &str) -> Vec<Span> {
        let bytes = text.as_bytes();
        let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
        while i < bytes.len() {
            if bytes[i] == b'\n' || bytes[i] == b'\r' {
                lines.push(Span::new(start, i));
                let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
                i += 1 + crlf as usize;
                start = i;
            } else {
                i += 1;
            }
        }
        if start < bytes.len() {
            lines.push(Span::new(start, bytes.len()));
        }
        lines
    }

    proptest::proptest! {
        #[test]
        fn lines_found_by_memchr_are_those_found_byte_by_byte(
            // Long runs without a break, which memchr passes over by blocks.
            parts in proptest::collection::vec(
                proptest::prop_oneof!["[a é]{0,80}", "[\r\n]{1,3}", "\r\n"],
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(raw_lines(&text).collect::<Vec<_>>(), raw_lines_byte_by_byte(&text));
        }
    }

    fn paras(text: &str) -> Vec<String> {
        split(text)
            .paragraphs
            .iter()
            .map(|p| {
                p.slice(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    fn title(text: &str) -> Option<&str> {
        split(text).title.map(|t| t.slice(text))
    }

    #[test]
    fn blank_line_paragraphs() {
        let text = "First paragraph here.\nIt goes on.\n\nSecond one.\n";
        assert_eq!(
            paras(text),
            ["First paragraph here. It goes on.", "Second one."]
        );
        assert_eq!(split(text).style, Style::BlankLines);
    }

    #[test]
    fn windows_and_old_mac_line_ends() {
        for nl in ["\r\n", "\r"] {
            let text =
                format!("Title Of The Essay{nl}{nl}One paragraph.{nl}{nl}Two paragraph.{nl}");
            assert_eq!(paras(&text), ["One paragraph.", "Two paragraph."]);
            assert_eq!(title(&text), Some("Title Of The Essay"));
        }
    }

    /// Wrapped at ~60 chars with a blank line after every line.
    const DOUBLE_SPACED: &str = "The Role Of Lenin In The Bolshevik Seizure Of Power\n\n\
        Lenin came back to Petrograd in April 1917 and at once set out\n\n\
        his April Theses, which demanded all power to the soviets and\n\n\
        an end to the war.\n\n\
        In the summer the party grew quickly among the workers of the\n\n\
        capital and the soldiers of the garrison, who had tired of the\n\n\
        war and of the Provisional Government that kept it going\n\n\n\
        By the autumn the Bolsheviks held a majority in the Petrograd\n\n\
        Soviet and Lenin pressed the Central Committee to act before the\n\n\
        Congress of Soviets met.\n";

    #[test]
    fn double_spaced_short_line_and_double_blank_end_paragraphs() {
        let b = split(DOUBLE_SPACED);
        assert_eq!(b.style, Style::DoubleSpaced);
        assert_eq!(
            title(DOUBLE_SPACED),
            Some("The Role Of Lenin In The Bolshevik Seizure Of Power")
        );
        let p = paras(DOUBLE_SPACED);
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p[0].ends_with("end to the war."));
        assert!(p[1].ends_with("kept it going"));
        assert!(p[2].starts_with("By the autumn"));
    }

    #[test]
    fn indented_first_lines() {
        let text = "    Trotsky reached Petrograd in May 1917 and soon joined\n\
            the Bolsheviks, who welcomed his gifts as a speaker.\n\
            He was elected to the Central Committee in August.\n\
            \x20   In October he led the Military Revolutionary Committee\n\
            that planned the rising.\n";
        assert_eq!(split(text).style, Style::Indented);
        assert_eq!(paras(text).len(), 2);
    }

    #[test]
    fn one_paragraph_per_long_line() {
        let long1 = "Trotsky's greatest contribution came after October, when as Commissar for War he built the Red Army from a few volunteer units into a force of millions.";
        let long2 = "Yet Lenin's authority held the party together, and without it Trotsky's plans would have counted for little, as the Brest-Litovsk debates showed.";
        let text = format!("{long1}\n{long2}\n");
        assert_eq!(split(&text).style, Style::LinePerParagraph);
        assert_eq!(paras(&text), [long1, long2]);
    }

    #[test]
    fn hard_wrapped_without_blank_lines_breaks_at_short_line() {
        let text = "The Bolsheviks won the Civil War for many reasons, of which the\n\
            Red Army was only one, though it was the most important.\n\
            Its creation was Trotsky's work.\n\
            The Whites, by contrast, were divided among themselves and held\n\
            the edges of the country rather than its industrial heart.\n";
        assert_eq!(paras(text).len(), 2, "{:#?}", paras(text));
    }

    #[test]
    fn markdown_heading_title_and_lists() {
        let text = "# Why did Weimar fail?\n\nIntro text here.\n\n## Causes\n\n- first cause, inflation\n- second cause, unemployment\n\nClosing words.\n";
        let b = split(text);
        assert_eq!(title(text), Some("Why did Weimar fail?"));
        assert_eq!(
            paras(text),
            [
                "Intro text here.",
                "first cause, inflation",
                "second cause, unemployment",
                "Closing words."
            ]
        );
        assert!(
            b.paragraphs
                .iter()
                .all(|p| !p.slice(text).starts_with(['-', '#']))
        );
    }

    #[test]
    fn question_title_without_blank_line() {
        let text = "How far was Trotsky responsible for victory?\nThe Red Army was his creation. It won the war.\n";
        assert_eq!(
            title(text),
            Some("How far was Trotsky responsible for victory?")
        );
    }

    #[test]
    fn lowercase_title_of_a_double_spaced_file() {
        let text = "Lenin’s role in the success of the Bolsheviks up to 1922\n\n\
            Lenin made the greatest contribution to the success of the\n\n\
            Bolsheviks, because his leadership held the party together at\n\n\
            every turn of the revolution and the war.\n\n\
            He returned in April 1917 and published the April Theses at\n\n\
            once, which set the party against the Provisional Government.\n";
        assert_eq!(
            title(text),
            Some("Lenin’s role in the success of the Bolsheviks up to 1922")
        );
        assert_eq!(paras(text).len(), 2);
    }

    #[test]
    fn lone_line_is_a_paragraph_not_a_title() {
        let text = "1) The first item 2) The second item";
        assert_eq!(title(text), None);
        assert_eq!(paras(text).len(), 1);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(split("").paragraphs.is_empty());
        assert!(split(" \n\n\t\r\n").paragraphs.is_empty());
    }

    #[test]
    fn first_line_of_wrapped_prose_is_not_a_title() {
        let text = "Leon Trotsky was a Russian Marxist, who organised the rising that\n\
            brought the Bolsheviks to power in October 1917. He then built\n\
            the Red Army.\n";
        assert_eq!(title(text), None);
        assert_eq!(paras(text).len(), 1);
    }
}
