//! Sentence boundaries within a paragraph.
//!
//! The splitter works in three steps:
//!
//! 1. **Candidates.** UAX #29 sentence bounds, run over a copy of the region in
//!    which line breaks are spaces, plus the places UAX #29 misses: a stop
//!    with no space after it ("world.Today"), a stop before a number ("in
//!    1917. 1918 was"), "…" before a capital, and list items ("1) … 2) …").
//! 2. **Verdicts.** One left-to-right pass keeps or drops each candidate from
//!    the word before it (abbreviation, initial, acronym, ellipsis, closing
//!    quote) and the word after it (lowercase, number, typical opener).
//! 3. **Spans.** The kept boundaries cut the region; each piece is trimmed.
//!
//! Every look around a candidate is bounded ([`WINDOW`]), so the whole thing
//! is linear in the length of the region.

use std::borrow::Cow;

use super::abbreviations::{self, Abbrev};
use crate::span::Span;

/// How far (in bytes) a rule looks left or right of a candidate for a word.
const WINDOW: usize = 64;

/// How far a parenthesis after a quotation may run and still be read as its
/// citation: `"…" (Figes 1996, p. 12).`
const CITATION_WINDOW: usize = 160;

/// The longest run of spaces and brackets after a full stop that is handed to
/// UAX #29 as it is (see [`cap_runs_after_full_stops`]).
const RUN_CAP: usize = 32;

/// Splits the prose in `region` of `text` into sentences. Line breaks inside
/// the region are ordinary spaces (hard-wrapped essays). The result is in
/// order, does not overlap, every span is trimmed of white space, and together
/// the spans cover every non-space character of the region.
pub fn split_sentences(text: &str, region: Span) -> Vec<Span> {
    let region = clamp_region(text, region);
    let src = region.slice(text);
    let flat = flatten_line_breaks(src);
    let candidates = candidates(&flat, src);
    let cuts = choose_boundaries(&flat, &candidates);
    spans_between(text, region, &cuts)
}

// ---------------------------------------------------------------------------
// Preparing the text
// ---------------------------------------------------------------------------

/// Keeps a caller's region inside the text and on char boundaries, so that a
/// bad span can never make us panic.
fn clamp_region(text: &str, region: Span) -> Span {
    let mut end = region.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = region.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    Span::new(start.min(end), end)
}

/// `src` with every line and paragraph separator replaced by spaces of the
/// same byte length. UAX #29 always breaks after a line break, but in a
/// hard-wrapped essay a line break is just a space; keeping the byte length
/// makes offsets in the copy valid in the original. Most paragraphs have no
/// line break and are not copied.
fn flatten_line_breaks(src: &str) -> Cow<'_, str> {
    let bytes = src.as_bytes();
    if !may_hold_line_break(bytes) {
        return Cow::Borrowed(src);
    }
    let mut flat: Option<Vec<u8>> = None;
    let mut i = 0;
    // A separator starts with one of these bytes, none of which occurs inside
    // another char in UTF-8.
    while let Some(n) = bytes[i..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2))
    {
        i += n;
        let len = match bytes[i..] {
            [b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
            [0xC2, 0x85, ..] => 2,              // U+0085
            [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3, // U+2028, U+2029
            _ => 0,
        };
        if len > 0 {
            flat.get_or_insert_with(|| bytes.to_vec())[i..i + len].fill(b' ');
        }
        i += len.max(1);
    }
    match flat {
        // Only whole chars were replaced by ASCII, so this cannot fail; fall
        // back to the unchanged text rather than panic.
        Some(flat) => Cow::Owned(String::from_utf8(flat).unwrap_or_else(|_| src.to_owned())),
        None => Cow::Borrowed(src),
    }
}

/// Whether `bytes` may hold a line break: an ASCII one, or the last byte of
/// U+0085, U+2028 or U+2029 (also the last byte of some letters, such as
/// "é", which the exact search then passes over). The exact search stopped
/// at every curly quote and dash, and cost a twentieth of the splitter.
fn may_hold_line_break(bytes: &[u8]) -> bool {
    crate::normalize::any_byte(bytes, |b| {
        matches!(b, b'\n' | b'\r' | 0x0B | 0x0C | 0x85 | 0xA8 | 0xA9)
    })
}

/// The unicode-segmentation crate checks rule SB8 ("a full stop followed by
/// a lowercase word is no boundary") by scanning ahead from every space or
/// bracket after a full stop, which is quadratic on a long run of them. A copy
/// of the text puts a line break into any such run longer than [`RUN_CAP`],
/// which ends the scan; the boundary UAX then reports inside the run is judged
/// by our own rules like every other. Text without such a run is not copied.
fn cap_runs_after_full_stops(flat: &str) -> Cow<'_, str> {
    let mut capped: Option<Vec<u8>> = None;
    // A run ends at a terminator, and every full stop is one: runs never
    // overlap, so each stop's run is read on its own, in any order.
    for stop in ['.', '\u{2024}', '\u{FE52}', '\u{FF0E}'] {
        for (at, _) in flat.match_indices(stop) {
            let mut run = flat[at + stop.len_utf8()..]
                .char_indices()
                .take_while(|&(_, d)| {
                    d.is_whitespace() || (!d.is_alphanumeric() && !is_terminator(d))
                });
            if let Some((i, d)) = run.nth(RUN_CAP - 1) {
                let i = at + stop.len_utf8() + i;
                let bytes = capped.get_or_insert_with(|| flat.as_bytes().to_vec());
                // A multi-byte char becomes "\n" and spaces: still valid UTF-8.
                bytes[i] = b'\n';
                bytes[i + 1..i + d.len_utf8()].fill(b' ');
            }
        }
    }
    match capped {
        // Only whole chars were replaced by ASCII, so this cannot fail; fall
        // back to the unchanged text rather than panic.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| flat.to_owned())),
        None => Cow::Borrowed(flat),
    }
}

// ---------------------------------------------------------------------------
// Candidate boundaries
// ---------------------------------------------------------------------------

/// Where a candidate came from, which decides how it is judged. A list item
/// sorts first so that it wins when a stop proposes the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// The start of a list item ("2.", "b)", "• ").
    ListItem,
    /// After a sentence terminator.
    Stop,
}

/// A place where a sentence might start: `at` is a byte offset into the
/// region, normally on the first non-space char of the would-be sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    at: usize,
    source: Source,
}

/// All candidates, sorted, one per offset.
fn candidates(flat: &str, src: &str) -> Vec<Candidate> {
    // Sized once for about a candidate every 32 bytes (sentences average
    // over 100): growing by doubling, with the cuts and spans below, was
    // 80 reallocations an essay.
    let mut out = Vec::with_capacity(flat.len() / 32 + 4);
    uax_candidates(flat, &mut out);
    glued_stop_candidates(flat, &mut out);
    stop_before_number_candidates(flat, &mut out);
    ellipsis_char_candidates(flat, &mut out);
    list_item_candidates(flat, src, &mut out);
    out.sort_unstable();
    out.dedup_by_key(|c| c.at);
    out
}

/// UAX #29 sentence starts, moved past any white space (and footnote marks)
/// so that they sit on the first char of the next sentence.
fn uax_candidates(flat: &str, out: &mut Vec<Candidate>) {
    let uax = cap_runs_after_full_stops(flat);
    for i in super::uax::sentence_starts(&uax) {
        let mut at = skip_space(flat, ceil_boundary(flat, i));
        // UAX #29 breaks before a footnote mark after a stop ("war.¹ The",
        // "war.[1] The", even inside the brackets); the sentence ends after it.
        let token = token_after(flat, at);
        if is_footnote_mark(token) {
            at = skip_space(flat, at + token.len());
        }
        if at < flat.len() {
            out.push(Candidate {
                at,
                source: Source::Stop,
            });
        }
    }
}

/// A full stop glued to the next sentence: "world.Today", "1,000.That".
/// UAX #29 keeps "a.B" together (rule SB7, for "U.S.A"), so we propose the
/// break ourselves when a lowercase word or a number ends before the stop and
/// a capitalised word starts after it, unless the token is an address or the
/// part before the stop is an abbreviation or a single letter.
fn glued_stop_candidates(flat: &str, out: &mut Vec<Candidate>) {
    for (i, _) in flat.match_indices('.') {
        let Some(before) = flat[..i].chars().next_back() else {
            continue;
        };
        if !(before.is_lowercase() || before.is_ascii_digit()) {
            continue;
        }
        let mut after = flat[i + 1..].chars();
        let (Some(c1), Some(c2)) = (after.next(), after.next()) else {
            continue;
        };
        if !(c1.is_uppercase() && c2.is_lowercase()) {
            continue;
        }
        let (start, left) = token_before(flat, i);
        let whole = &flat[start..i + token_after(flat, i).len()];
        if looks_like_address(whole) {
            continue;
        }
        let piece_start = left
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == ','))
            .map_or(0, |(j, c)| j + c.len_utf8());
        let piece = &left[piece_start..];
        if is_single_letter(piece) || abbreviations::lookup(piece).is_some() {
            continue;
        }
        out.push(Candidate {
            at: i + 1,
            source: Source::Stop,
        });
    }
}

/// A full stop, a space and a number: "in 1917. 1918 was". UAX #29 reads on
/// through the number to a lowercase word (rule SB8) and proposes nothing.
fn stop_before_number_candidates(flat: &str, out: &mut Vec<Candidate>) {
    for (i, _) in flat.match_indices('.') {
        let after_closers = skip_closers(flat, i + 1);
        let at = skip_space(flat, after_closers);
        if at > after_closers && flat[at..].starts_with(|c: char| c.is_ascii_digit()) {
            out.push(Candidate {
                at,
                source: Source::Stop,
            });
        }
    }
}

/// "…" (one char) is no terminator for UAX #29; like "..." it may end a
/// sentence when a capitalised word follows.
fn ellipsis_char_candidates(flat: &str, out: &mut Vec<Candidate>) {
    for (i, c) in flat.match_indices('…') {
        let after_closers = skip_closers(flat, i + c.len());
        let at = skip_space(flat, after_closers);
        if at > after_closers && next_word(flat, at).first.is_some_and(char::is_uppercase) {
            out.push(Candidate {
                at,
                source: Source::Stop,
            });
        }
    }
}

/// Bullets that never occur in running prose.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '▹'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '◆'
            | '❖'
    )
}

/// Dashes and stars that are bullets only at the start of a line.
fn is_line_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '–' | '—')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    Digit,
    Lower,
    Upper,
}

/// A list marker such as "2.", "b)", "3.)": its kind, its value (letters
/// count from 1) and its closing punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker<'a> {
    kind: MarkerKind,
    value: u32,
    close: &'a str,
}

fn parse_marker(token: &str) -> Option<Marker<'_>> {
    // Two digits and ".)" at most: most tokens are longer and not scanned.
    if token.len() > 4 {
        return None;
    }
    let body_len = token.find(['.', ')'])?;
    let (body, close) = token.split_at(body_len);
    if !matches!(close, "." | ")" | ".)") {
        return None;
    }
    let b = body.as_bytes();
    let (kind, value) = match b {
        [d] if d.is_ascii_digit() => (MarkerKind::Digit, u32::from(d - b'0')),
        [d, e] if d.is_ascii_digit() && e.is_ascii_digit() => (
            MarkerKind::Digit,
            u32::from(d - b'0') * 10 + u32::from(e - b'0'),
        ),
        [l] if l.is_ascii_lowercase() => (MarkerKind::Lower, u32::from(l - b'a') + 1),
        [l] if l.is_ascii_uppercase() => (MarkerKind::Upper, u32::from(l - b'A') + 1),
        _ => return None,
    };
    Some(Marker { kind, value, close })
}

/// A token as the list-item rules read it, with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Around<'a> {
    at: usize,
    token: &'a str,
    /// The next token and its offset.
    next: Option<(usize, &'a str)>,
    /// Whether no token comes before it.
    first: bool,
    /// Whether the token before it ends with a stop or colon, closing quotes
    /// and brackets aside.
    after_stop: bool,
}

/// List items run together in one paragraph: "1. The first item 2. The
/// second item", "a) … b) …", "• 9. … • 10. …". A bullet always starts an
/// item; a numbered or lettered marker does so only as part of a sequence
/// (n then n+1, same style) whose first marker opens the region, follows a
/// stop or colon, or follows a bullet; that keeps "chapter 1. The …" and
/// "(1) the army" out.
fn list_item_candidates(flat: &str, src: &str, out: &mut Vec<Candidate>) {
    list_items_among(item_tokens(flat), src, out);
}

/// [`list_item_candidates`] over `tokens`: every token of the text, or only
/// those that may be a bullet or a marker, as a token of no other shape
/// changes nothing.
fn list_items_among<'a>(
    tokens: impl Iterator<Item = Around<'a>>,
    src: &str,
    out: &mut Vec<Candidate>,
) {
    // Per marker style: the value and item start of the last marker seen.
    let mut chains: Vec<(MarkerKind, &str, u32, usize)> = Vec::new();
    // A bullet standing alone, and where the token after it starts.
    let mut lone_bullet: Option<(usize, Option<usize>)> = None;
    for Around {
        at,
        token,
        next,
        first: opens_region,
        after_stop,
    } in tokens
    {
        let mut bulleted = lone_bullet
            .take()
            .filter(|&(_, next_at)| next_at == Some(at))
            .map(|(bullet_at, _)| bullet_at);
        let first = token.chars().next().unwrap_or(' ');
        let bullet = is_bullet(first)
            || (is_line_bullet(first)
                && token.chars().count() == 1
                && starts_line(src, at)
                && next.is_some_and(|(_, t)| !t.starts_with(char::is_lowercase)));
        let mut rest = token;
        if bullet {
            out.push(Candidate {
                at,
                source: Source::ListItem,
            });
            rest = &token[first.len_utf8()..];
            if rest.is_empty() {
                lone_bullet = Some((at, next.map(|(n, _)| n)));
                continue;
            }
            bulleted = Some(at);
        }
        let Some(marker) = parse_marker(rest) else {
            continue;
        };
        let Some((_, next)) = next else {
            continue;
        };
        let next_first = next.trim_start_matches(is_opener).chars().next();
        if bulleted.is_none() && next_first.is_some_and(char::is_lowercase) {
            continue;
        }
        let item_start = bulleted.unwrap_or(at);
        let opens = bulleted.is_some() || opens_region || after_stop;
        let slot = chains
            .iter()
            .position(|&(k, c, _, _)| k == marker.kind && c == marker.close);
        match slot {
            Some(s) if chains[s].2 + 1 == marker.value => {
                let previous = chains[s].3;
                if previous > 0 {
                    out.push(Candidate {
                        at: previous,
                        source: Source::ListItem,
                    });
                }
                out.push(Candidate {
                    at: item_start,
                    source: Source::ListItem,
                });
                chains[s] = (marker.kind, marker.close, marker.value, item_start);
            }
            _ if opens && (marker.value == 1 || bulleted.is_some()) => {
                let entry = (marker.kind, marker.close, marker.value, item_start);
                match slot {
                    Some(s) => chains[s] = entry,
                    None => chains.push(entry),
                }
            }
            _ => {}
        }
    }
}

/// The tokens of `flat` that may be a bullet or a list marker, found from
/// the bytes that can start a bullet or end a marker rather than by
/// splitting the whole text: most tokens are neither, and splitting every
/// one was a quarter of the splitter.
fn item_tokens(flat: &str) -> impl Iterator<Item = Around<'_>> {
    let bytes = flat.as_bytes();
    // Everything before `from` has been read; it is 0, or white space
    // or the end of white space.
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            // Every such byte starts a char.
            let hit = from + bytes[from..].iter().position(|&b| may_mark_item(b))?;
            let start = token_start(flat, from, hit);
            let end = token_end(flat, hit);
            // A lead byte 0xE2 may start white space: step over its char.
            from = end.max(hit + flat[hit..].chars().next().map_or(1, char::len_utf8));
            let token = &flat[start..end];
            if !token.is_empty() && may_be_item(token) {
                return Some(around(flat, start, token));
            }
        }
    })
}

/// Bytes that start a bullet ("-", "*", "+", and the lead byte of "•", "–"
/// and every other bullet outside ASCII) or end a marker ("." and ")").
fn may_mark_item(b: u8) -> bool {
    matches!(b, b'.' | b')' | b'-' | b'*' | b'+' | 0xE2)
}

/// A token that starts with a bullet or is short enough to be a marker.
fn may_be_item(token: &str) -> bool {
    token.starts_with(|c| is_bullet(c) || is_line_bullet(c))
        || (token.len() <= 4 && token.contains(['.', ')']))
}

/// The token at `at` with what the rules read around it.
fn around<'a>(flat: &'a str, at: usize, token: &'a str) -> Around<'a> {
    let previous_end = flat[..at].trim_end().len();
    let next_at = skip_space(flat, at + token.len());
    Around {
        at,
        token,
        next: (next_at < flat.len()).then(|| (next_at, &flat[next_at..token_end(flat, next_at)])),
        first: previous_end == 0,
        after_stop: flat[..previous_end]
            .trim_end_matches(is_closer)
            .ends_with(['.', ':', ';', '!', '?']),
    }
}

/// Where the token holding the char at `at` starts, reading back no further
/// than `floor`.
fn token_start(flat: &str, floor: usize, at: usize) -> usize {
    match flat[floor..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((i, c)) => floor + i + c.len_utf8(),
        None => floor,
    }
}

/// Where the token holding the char at `at` ends.
fn token_end(flat: &str, at: usize) -> usize {
    at + token_len(&flat[at..])
}

/// Whether the token at `at` is the first on its line in the original text.
fn starts_line(src: &str, at: usize) -> bool {
    let before = src[..at].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '\r'])
}

// ---------------------------------------------------------------------------
// Verdicts
// ---------------------------------------------------------------------------

/// What to do with a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    Drop,
    /// Break at this earlier offset instead ("compounds. . . . The": the
    /// sentence ends at the first dot, the next one opens with ". . .").
    MoveTo(usize),
}

/// Whether the sentence since the last kept boundary has a letter or digit
/// yet. Read incrementally, so that dropped candidates cost no rescans, and
/// no further than the first one: a sentence's first word nearly always has
/// one.
struct Progress {
    scanned: usize,
    alnum: bool,
}

impl Progress {
    fn start(at: usize) -> Self {
        Progress {
            scanned: at,
            alnum: false,
        }
    }

    fn alnum_before(&mut self, flat: &str, to: usize) -> bool {
        if !self.alnum && to > self.scanned {
            self.alnum = flat[self.scanned..to].chars().any(char::is_alphanumeric);
            self.scanned = to;
        }
        self.alnum
    }
}

/// Runs through the candidates in order and returns the offsets where
/// sentences start (excluding the region start).
fn choose_boundaries(flat: &str, candidates: &[Candidate]) -> Vec<usize> {
    let mut cuts = Vec::with_capacity(candidates.len());
    let mut last = 0;
    let mut progress = Progress::start(0);
    for &Candidate { at, source } in candidates {
        if at <= last {
            continue;
        }
        let end = flat[..at].trim_end().len();
        if end <= last {
            continue;
        }
        let sentence = &flat[last..end];
        let verdict = if !progress.alnum_before(flat, end) || is_marker_only(sentence) {
            // Nothing but punctuation or a list marker yet: not a sentence.
            Verdict::Drop
        } else {
            match source {
                Source::ListItem => Verdict::Keep,
                Source::Stop => judge_stop(flat, at, last, end),
            }
        };
        let cut = match verdict {
            Verdict::Keep => at,
            Verdict::MoveTo(p) => p,
            Verdict::Drop => continue,
        };
        if cut > last && flat.is_char_boundary(cut) {
            cuts.push(cut);
            last = cut;
            progress = Progress::start(cut);
        }
    }
    cuts
}

/// Whether a would-be sentence is only a list marker: "1.", "b)", "2.)",
/// "• 9.", "⁃10.", "•".
fn is_marker_only(sentence: &str) -> bool {
    if sentence.len() > 16 {
        return false;
    }
    let s = sentence.trim();
    let s = match s.chars().next() {
        Some(c) if is_bullet(c) || is_line_bullet(c) => s[c.len_utf8()..].trim_start(),
        _ => s,
    };
    // `parse_marker` accepts only a whole token: digits or a letter, then
    // exactly ".", ")" or ".)".
    s.is_empty() || parse_marker(s).is_some()
}

/// The word before a candidate, as far as the rules need it.
struct Left<'a> {
    /// Offset of the token in the region.
    start: usize,
    /// The token without closing quotes or brackets after its stop.
    core: &'a str,
    /// Whether closing quotes or brackets followed the stop.
    closed: bool,
}

impl<'a> Left<'a> {
    /// The token ending at `end`, but not reaching back before `last`, the
    /// start of the sentence ("Tuesday.|Mr." gives "Mr.").
    fn at(flat: &'a str, last: usize, end: usize) -> Self {
        let (mut start, _) = token_before(flat, end);
        start = start.max(last);
        let mut token = &flat[start..end];
        // "the war. [3] Then": the footnote mark stands alone; read the
        // word before it.
        if is_footnote_mark(token) {
            let before = flat[..start].trim_end().len();
            if before > last {
                start = token_before(flat, before).0.max(last);
                token = &flat[start..before];
                let core = strip_closing_matter(token);
                return Left {
                    start,
                    core,
                    closed: true,
                };
            }
        }
        let core = strip_closing_matter(token);
        Left {
            start,
            core,
            closed: core.len() < token.len(),
        }
    }

    /// The word without its final stop and without opening punctuation.
    fn word(&self) -> &'a str {
        let w = self.core.strip_suffix('.').unwrap_or(self.core);
        w.trim_start_matches(is_opener)
    }
}

/// Drops what may follow a stop and still belong to its sentence: closing
/// quotes and brackets and footnote marks ("revolution.”[12]", "war.¹").
fn strip_closing_matter(token: &str) -> &str {
    let mut t = token;
    loop {
        let before = t.len();
        if let Some(inner) = t.strip_suffix(']')
            && let Some(open) = inner.rfind('[')
            && is_footnote_mark(&t[open..])
        {
            t = &inner[..open];
        }
        t = t
            .trim_end_matches(is_closer)
            .trim_end_matches(is_superscript_digit);
        if t.len() == before {
            return t;
        }
    }
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// A footnote mark standing after a stop: "¹²", "[3]", or "3]" when UAX
/// #29 broke just after the bracket.
fn is_footnote_mark(token: &str) -> bool {
    if !token.is_empty() && token.chars().all(is_superscript_digit) {
        return true;
    }
    let t = token.strip_prefix('[').unwrap_or(token);
    let Some(number) = t.strip_suffix(']') else {
        return false;
    };
    (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}

/// The word after a candidate.
struct Next<'a> {
    /// The whole token.
    raw: &'a str,
    /// The token without opening quotes or brackets.
    token: &'a str,
    /// Its first char.
    first: Option<char>,
    /// Its leading letters ("It" of "It's", "Mr" of "Mr.").
    word: &'a str,
}

fn next_word(flat: &str, at: usize) -> Next<'_> {
    let raw = token_after(flat, at);
    let token = raw.trim_start_matches(is_opener);
    let letters = token
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(token.len());
    Next {
        raw,
        token,
        first: token.chars().next(),
        word: &token[..letters],
    }
}

/// Whether the next word typically opens a sentence ("The", "However", "Mr.").
/// An initial ("I.", "A.") is not an opener: "V. I. Lenin", "S. A. Smith".
fn opens_sentence(next: &Next) -> bool {
    let initial = next.word.chars().count() == 1 && next.token[next.word.len()..].starts_with('.');
    !initial && abbreviations::is_sentence_starter(next.word)
}

/// Judges a candidate after a terminator (or what UAX #29 took for one).
/// `end` is where the text before the candidate ends, `last` where the
/// sentence began.
fn judge_stop(flat: &str, at: usize, last: usize, end: usize) -> Verdict {
    let next = next_word(flat, at);
    let Some(first) = next.first else {
        return Verdict::Keep;
    };
    if ends_with_bracketed_ellipsis(flat, end)
        || citation_follows(flat, at)
        || is_footnote_mark(next.raw)
    {
        return Verdict::Drop;
    }
    // A lowercase word goes on with the sentence: "and co. at the party",
    // "“Why not?” and left", "Yahoo! in the office", "great.' she said".
    if first.is_lowercase() {
        return Verdict::Drop;
    }
    let left = Left::at(flat, last, end);
    let Some(stop) = left.core.chars().next_back() else {
        return Verdict::Drop;
    };
    match stop {
        '.' => {}
        '…' => {
            let pos = left.start + left.core.len() - stop.len_utf8();
            let run = DotRun {
                count: 3,
                spaced: false,
                first: pos,
            };
            return judge_ellipsis(flat, run);
        }
        // "?", "!" and the stops of other scripts.
        _ if is_terminator(stop) => return Verdict::Keep,
        // UAX #29 saw a stop we read differently, or the break came from a
        // capped run (see `cap_runs_after_full_stops`).
        _ => return Verdict::Drop,
    }
    let run = dot_run(flat, left.start + left.core.len());
    if run.count >= 2 {
        return judge_ellipsis(flat, run);
    }
    // A quotation or bracket that closes after the stop ends the sentence
    // unless a lowercase word follows (handled above).
    if left.closed {
        return Verdict::Keep;
    }
    judge_full_stop(flat, &left, &next, &flat[last..end])
}

/// A single full stop before a capitalised word, a number or a symbol, which
/// ends `sentence`.
fn judge_full_stop(flat: &str, left: &Left, next: &Next, sentence: &str) -> Verdict {
    let word = left.word();
    let keep_if = |b: bool| if b { Verdict::Keep } else { Verdict::Drop };
    if next.first.is_some_and(char::is_numeric) {
        // "No. 10", "p. 55", "c. 1900", "Oct. 1917", "U.S. 20": no boundary;
        // "in 1917. 1918 saw" is one.
        let bound = abbreviations::lookup(word).is_some()
            || is_dotted_acronym(word)
            || is_single_letter(word);
        return keep_if(!bound);
    }
    match abbreviations::lookup(word) {
        Some(Abbrev::Title | Abbrev::Linking) => return Verdict::Drop,
        // "Vol. II", "Ch. IV": a Roman numeral is a number too.
        Some(Abbrev::Numbered) => return keep_if(!is_roman_numeral(next.word)),
        Some(Abbrev::Trailing) => return keep_if(opens_sentence(next)),
        None => {}
    }
    if is_single_letter(word) && word.chars().all(char::is_uppercase) {
        // "you and I. Did you": the pronoun after a lowercase word.
        // "after World War I. Germany": the numeral of the war.
        if word == "I" {
            let previous = previous_word(flat, left.start);
            if previous.starts_with(char::is_lowercase) || previous == "War" {
                return Verdict::Keep;
            }
        }
        // An initial ("E. H. Carr") unless a sentence plainly starts
        // ("Peter I. He founded").
        return keep_if(opens_sentence(next));
    }
    if is_dotted_acronym(word) {
        // "At 5 a.m. Mr. Smith": three words are too few to be a sentence.
        if sentence.split_whitespace().nth(3).is_none() {
            return Verdict::Drop;
        }
        // "the U.S. Government" runs on; "the U.S. How about" does not.
        return keep_if(opens_sentence(next));
    }
    Verdict::Keep
}

/// Dots at the end of the text before a candidate: "...", ". . .", "....".
#[derive(Debug, Clone, Copy)]
struct DotRun {
    count: usize,
    /// Whether single spaces separate the dots.
    spaced: bool,
    /// Offset of the first dot.
    first: usize,
}

/// Reads the dots that end at `end` backwards (at most 20).
fn dot_run(flat: &str, end: usize) -> DotRun {
    let b = flat.as_bytes();
    let mut run = DotRun {
        count: 0,
        spaced: false,
        first: end,
    };
    let mut i = end;
    while run.count < 20 {
        if i >= 1 && b[i - 1] == b'.' {
            i -= 1;
        } else if run.count > 0 && i >= 2 && b[i - 1] == b' ' && b[i - 2] == b'.' {
            run.spaced = true;
            i -= 2;
        } else {
            break;
        }
        run.count += 1;
        run.first = i;
    }
    run
}

/// Whether the first dot of a run is glued to the word before it.
fn glued_to_word(flat: &str, run: DotRun) -> bool {
    flat[..run.first]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
}

/// An ellipsis before a word that is not lowercase.
fn judge_ellipsis(flat: &str, run: DotRun) -> Verdict {
    let glued = glued_to_word(flat, run);
    if run.spaced {
        match (run.count, glued) {
            // "compounds. . . . The": a stop, then an ellipsis that opens
            // the next sentence.
            (4.., true) => Verdict::MoveTo(run.first + 1),
            // "with a period . . . . Next": ellipsis plus the final stop.
            (4.., false) => Verdict::Keep,
            // ". . . I didn't mean it": an omission inside the sentence.
            _ => Verdict::Drop,
        }
    } else if run.count >= 4 || glued {
        // "that.... She left", "he hesitated... Then".
        Verdict::Keep
    } else {
        // "what I mean ... I said": a free-standing ellipsis is an omission.
        Verdict::Drop
    }
}

/// "[...]", "[…]" or "[. . .]" (an editor's omission) before the candidate.
fn ends_with_bracketed_ellipsis(flat: &str, end: usize) -> bool {
    let from = floor_boundary(flat, end.saturating_sub(16));
    let tail = flat[from..end].trim_end_matches(|c: char| is_closer(c) && c != ']');
    ["[...]", "[…]", "[. . .]"]
        .iter()
        .any(|e| tail.ends_with(e))
}

/// A short parenthesis followed by a stop or comma right after a quotation:
/// `"…stairways [...]" (Smith 55).`: the citation belongs to the sentence.
fn citation_follows(flat: &str, at: usize) -> bool {
    if !flat[at..].starts_with('(') {
        return false;
    }
    let to = floor_boundary(flat, (at + CITATION_WINDOW).min(flat.len()));
    let mut depth = 0usize;
    for (i, c) in flat[at..to].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let after = &flat[at + i + 1..];
                    return after.starts_with(['.', '!', '?', ',', ';', ':']);
                }
            }
            _ => {}
        }
    }
    false
}

/// The token before the one at `token_start`, without quotes or brackets.
fn previous_word(flat: &str, token_start: usize) -> &str {
    let end = flat[..token_start].trim_end().len();
    let (_, prev) = token_before(flat, end);
    prev.trim_start_matches(is_opener)
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// "II", "IV", "XIV": two or more Roman digits (a lone "I" is the pronoun).
fn is_roman_numeral(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b"IVXLCDM".contains(&b))
}

// ---------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------

/// Sentence terminators: ATerm and STerm of UAX #29 for the common scripts,
/// and the ellipsis.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '‽'
            | '․'
            | '﹒'
            | '﹖'
            | '﹗'
            | '。'
            | '．'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '፧'
            | '፨'
            | '᙮'
            | '᠃'
            | '᠉'
            | '⸮'
    )
}

/// Closing quotes and brackets that may follow a stop.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '〉' | '》'
    )
}

/// Opening quotes and brackets (and emphasis marks) before a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '〈'
            | '《'
            | '*'
            | '_'
    )
}

fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// "U.S", "U.S.S.R", "a.m", "Ph.D" (final stop already removed): letters in
/// groups of one or two, joined by stops, at least one group a single letter.
fn is_dotted_acronym(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    let mut single = false;
    for piece in word.split('.') {
        let n = piece.chars().count();
        if !(1..=2).contains(&n) || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        single |= n == 1;
    }
    single
}

/// E-mail addresses and URLs are never split inside.
fn looks_like_address(token: &str) -> bool {
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn skip_space(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start().len())
}

/// Skips up to four closing quotes or brackets.
fn skip_closers(s: &str, at: usize) -> usize {
    let mut i = at;
    for c in s[at..].chars().take(4) {
        if !is_closer(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The white-space-delimited token ending at `end`, looking back at most
/// [`WINDOW`] bytes; with its offset.
fn token_before(s: &str, end: usize) -> (usize, &str) {
    let lo = floor_boundary(s, end.saturating_sub(WINDOW));
    let part = &s[lo..end];
    let start = match part.char_indices().rev().find(|&(_, c)| c.is_whitespace()) {
        Some((p, c)) => lo + p + c.len_utf8(),
        None => lo,
    };
    (start, &s[start..end])
}

/// The white-space-delimited token starting at `start`, at most [`WINDOW`]
/// bytes long.
fn token_after(s: &str, start: usize) -> &str {
    let hi = floor_boundary(s, start.saturating_add(WINDOW));
    let part = &s[start..hi];
    &part[..token_len(part)]
}

/// The length of the text before the first white space in `part`. Read a
/// byte at a time up to the first byte outside ASCII, and only then char by
/// char: most tokens are ASCII, and decoding every char of the tokens around
/// each candidate cost a twentieth of the splitter.
fn token_len(part: &str) -> usize {
    let bytes = part.as_bytes();
    let ascii = bytes
        .iter()
        .position(|&b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))
        .unwrap_or(bytes.len());
    if bytes.get(ascii).is_none_or(u8::is_ascii) {
        return ascii;
    }
    ascii
        + part[ascii..]
            .find(char::is_whitespace)
            .unwrap_or(part.len() - ascii)
}

/// Cuts the region at the kept boundaries and trims every piece.
fn spans_between(text: &str, region: Span, cuts: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&region.len())) {
        if cut < start || !region.slice(text).is_char_boundary(cut) {
            continue;
        }
        let span = Span::new(region.start + start, region.start + cut).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
        start = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The sentences of a whole string, as text.
    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, Span::new(0, s.len()))
            .into_iter()
            .map(|sp| sp.slice(s))
            .collect()
    }

    fn check(s: &str, expected: &[&str]) {
        assert_eq!(split(s), expected, "input: {s:?}");
    }

    #[test]
    fn plain_stops_question_and_exclamation_marks() {
        check(
            "The Tsar abdicated in March. A provisional government followed.",
            &[
                "The Tsar abdicated in March.",
                "A provisional government followed.",
            ],
        );
        check(
            "Why did Kerensky fail? He kept fighting the war.",
            &["Why did Kerensky fail?", "He kept fighting the war."],
        );
        check(
            "It was over! Nicholas had gone.",
            &["It was over!", "Nicholas had gone."],
        );
    }

    #[test]
    fn titles_before_names_do_not_end_sentences() {
        check(
            "Gen. Kornilov marched on the capital while Dr. Zhivago watched and Mr. Lloyd George waited.",
            &[
                "Gen. Kornilov marched on the capital while Dr. Zhivago watched and Mr. Lloyd George waited.",
            ],
        );
        check(
            "Prof. Pipes and Mrs. Pankhurst met Capt. Scott, Lt. Col. Repington, Adm. Fisher, Sgt. York and Rev. Jones.",
            &[
                "Prof. Pipes and Mrs. Pankhurst met Capt. Scott, Lt. Col. Repington, Adm. Fisher, Sgt. York and Rev. Jones.",
            ],
        );
        check(
            "From the summit of Mt. Elbrus the army could see far.",
            &["From the summit of Mt. Elbrus the army could see far."],
        );
        check(
            "Ms. Kollontai argued for reform.",
            &["Ms. Kollontai argued for reform."],
        );
    }

    #[test]
    fn saint_and_street() {
        check(
            "St. Isaac's Cathedral stands on Admiralty st. near the river.",
            &["St. Isaac's Cathedral stands on Admiralty st. near the river."],
        );
        check(
            "The workers of St. Petersburg struck in 1905.",
            &["The workers of St. Petersburg struck in 1905."],
        );
    }

    #[test]
    fn references_and_examples() {
        check(
            "Some rulers, e.g. Alexander II, tried reform, i.e. Emancipation; cf. Figes and Brown v. Board on p. 55 and pp. 60-61.",
            &[
                "Some rulers, e.g. Alexander II, tried reform, i.e. Emancipation; cf. Figes and Brown v. Board on p. 55 and pp. 60-61.",
            ],
        );
        check("Please turn to p. 55.", &["Please turn to p. 55."]);
        check(
            "The city was founded c. 1703 by Peter.",
            &["The city was founded c. 1703 by Peter."],
        );
        check(
            "Figes (ed. 1996, Vol. 2, Fig. 3) covers approx. 300 pages.",
            &["Figes (ed. 1996, Vol. 2, Fig. 3) covers approx. 300 pages."],
        );
        check(
            "The cost was ca. 40 million roubles.",
            &["The cost was ca. 40 million roubles."],
        );
        check(
            "It was Germany vs. Russia in the east.",
            &["It was Germany vs. Russia in the east."],
        );
    }

    #[test]
    fn months_before_numbers() {
        check(
            "The rising of Oct. 1917 changed everything.",
            &["The rising of Oct. 1917 changed everything."],
        );
        check(
            "Between Feb. 23 and Sept. 1 the mood shifted, and by Dec. 20 the Cheka existed.",
            &["Between Feb. 23 and Sept. 1 the mood shifted, and by Dec. 20 the Cheka existed."],
        );
        check(
            "The revolution came in 1917. Then the civil war began.",
            &["The revolution came in 1917.", "Then the civil war began."],
        );
    }

    #[test]
    fn stop_before_a_number() {
        check(
            "The war began in 1914. 1917 brought revolution.",
            &["The war began in 1914.", "1917 brought revolution."],
        );
    }

    #[test]
    fn number_abbreviations() {
        check(
            "No. 10 Downing St. is where Lloyd George lived.",
            &["No. 10 Downing St. is where Lloyd George lived."],
        );
        check(
            "Russia lost No. 1 priority in the west.",
            &["Russia lost No. 1 priority in the west."],
        );
        check(
            "It lies at No. 1026.253.553. That is where the archive is.",
            &[
                "It lies at No. 1026.253.553.",
                "That is where the archive is.",
            ],
        );
        check(
            "It lies at N°. 1026.253.553. That is where the archive is.",
            &[
                "It lies at N°. 1026.253.553.",
                "That is where the archive is.",
            ],
        );
    }

    #[test]
    fn trailing_abbreviations() {
        check(
            "Let's ask Lenin and co. They should know.",
            &["Let's ask Lenin and co.", "They should know."],
        );
        check(
            "Were Lenin and co. at the congress?",
            &["Were Lenin and co. at the congress?"],
        );
        check(
            "They sold arms to Vickers, Sons & Co. at a loss.",
            &["They sold arms to Vickers, Sons & Co. at a loss."],
        );
        check(
            "They sold arms to Vickers, Sons & Co. It closed in 1927.",
            &[
                "They sold arms to Vickers, Sons & Co.",
                "It closed in 1927.",
            ],
        );
        check(
            "That is Martin Luther King Jr.'s speech.",
            &["That is Martin Luther King Jr.'s speech."],
        );
        check(
            "The speech was by Martin Luther King Jr. He gave it in 1963.",
            &[
                "The speech was by Martin Luther King Jr.",
                "He gave it in 1963.",
            ],
        );
        check(
            "Guns, boots, bread etc. were scarce.",
            &["Guns, boots, bread etc. were scarce."],
        );
        check(
            "Guns, boots, bread etc. The army lacked it all.",
            &["Guns, boots, bread etc.", "The army lacked it all."],
        );
        check(
            "Krupp Inc. and Vickers Ltd. made guns.",
            &["Krupp Inc. and Vickers Ltd. made guns."],
        );
    }

    #[test]
    fn initials() {
        check(
            "V. I. Lenin led the Bolsheviks.",
            &["V. I. Lenin led the Bolsheviks."],
        );
        check(
            "E. H. Carr wrote a history of it.",
            &["E. H. Carr wrote a history of it."],
        );
        check(
            "S. S. Kamenev commanded the Red Army.",
            &["S. S. Kamenev commanded the Red Army."],
        );
        check(
            "My teacher is Jonas E. Smith.",
            &["My teacher is Jonas E. Smith."],
        );
        check(
            "The reforms began under Peter I. He built a new capital.",
            &[
                "The reforms began under Peter I.",
                "He built a new capital.",
            ],
        );
    }

    #[test]
    fn pronoun_i_at_the_end() {
        check(
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            &[
                "We make a good team, you and I.",
                "Did you see Albert I. Jones yesterday?",
            ],
        );
    }

    #[test]
    fn dotted_acronyms() {
        check(
            "The U.S.S.R. was founded in 1922.",
            &["The U.S.S.R. was founded in 1922."],
        );
        check(
            "I visited the U.S.A. last year.",
            &["I visited the U.S.A. last year."],
        );
        check(
            "Britain joined the E.U. How did that happen?",
            &["Britain joined the E.U.", "How did that happen?"],
        );
        check(
            "Aid came from the U.S. It arrived late.",
            &["Aid came from the U.S.", "It arrived late."],
        );
        check(
            "He worked for the U.S. Government in Virginia.",
            &["He worked for the U.S. Government in Virginia."],
        );
        check(
            "He had lived in the U.S. for 20 years.",
            &["He had lived in the U.S. for 20 years."],
        );
        check(
            "The U.K. Parliament debated it.",
            &["The U.K. Parliament debated it."],
        );
    }

    #[test]
    fn times_of_day() {
        check(
            "At 5 a.m. Mr. Trotsky went to the station. He left the Smolny at 6 P.M. Mr. Lenin then went to bed.",
            &[
                "At 5 a.m. Mr. Trotsky went to the station.",
                "He left the Smolny at 6 P.M.",
                "Mr. Lenin then went to bed.",
            ],
        );
        check(
            "The shelling began at 9 p.m. and lasted all night.",
            &["The shelling began at 9 p.m. and lasted all night."],
        );
    }

    #[test]
    fn decimals_and_money() {
        check(
            "The loan was $100.00 in gold.",
            &["The loan was $100.00 in gold."],
        );
        check(
            "The loan was $100.00. It was never repaid.",
            &["The loan was $100.00.", "It was never repaid."],
        );
        check(
            "About 3.5 million soldiers died.",
            &["About 3.5 million soldiers died."],
        );
    }

    #[test]
    fn numbered_lists() {
        check("1. The war 2. The famine", &["1. The war", "2. The famine"]);
        check(
            "1. The war. 2. The famine.",
            &["1. The war.", "2. The famine."],
        );
        check("1) The war 2) The famine", &["1) The war", "2) The famine"]);
        check(
            "1) The war. 2) The famine.",
            &["1) The war.", "2) The famine."],
        );
        check(
            "1.) The war 2.) The famine",
            &["1.) The war", "2.) The famine"],
        );
        check(
            "1.) The war. 2.) The famine.",
            &["1.) The war.", "2.) The famine."],
        );
        check(
            "Causes: 1. The war 2. The famine 3. The Tsar",
            &["Causes:", "1. The war", "2. The famine", "3. The Tsar"],
        );
    }

    #[test]
    fn lettered_and_bulleted_lists() {
        check(
            "a. The war b. The famine c. The Tsar himself",
            &["a. The war", "b. The famine", "c. The Tsar himself"],
        );
        check(
            "• 9. The war • 10. The famine",
            &["• 9. The war", "• 10. The famine"],
        );
        check(
            "⁃9. The war ⁃10. The famine",
            &["⁃9. The war", "⁃10. The famine"],
        );
        check("• The war • The famine", &["• The war", "• The famine"]);
    }

    #[test]
    fn numbers_in_prose_are_not_lists() {
        check(
            "Read chapter 1. The argument is in chapter 2. It is long.",
            &[
                "Read chapter 1.",
                "The argument is in chapter 2.",
                "It is long.",
            ],
        );
        check(
            "He named (1) the army and 2) the peasants.",
            &["He named (1) the army and 2) the peasants."],
        );
    }

    #[test]
    fn ellipses_inside_sentences() {
        check(
            "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
            &[
                "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
            ],
        );
        check(
            "The Tsar… hesitated, and lost.",
            &["The Tsar… hesitated, and lost."],
        );
    }

    #[test]
    fn ellipses_ending_sentences() {
        check(
            "I never meant that.... She left the store.",
            &["I never meant that....", "She left the store."],
        );
        check(
            "He marks the end of the sentence with a period . . . . Next sentence.",
            &[
                "He marks the end of the sentence with a period . . . .",
                "Next sentence.",
            ],
        );
        check(
            "The army was somewhat weakened . . . was slow to combine its corps. . . . The practice was not abandoned. . . .",
            &[
                "The army was somewhat weakened . . . was slow to combine its corps.",
                ". . . The practice was not abandoned. . . .",
            ],
        );
        check(
            "The Tsar waited… Then the end came.",
            &["The Tsar waited…", "Then the end came."],
        );
    }

    #[test]
    fn ellipsis_at_the_end_of_a_quotation() {
        check(
            "Lenin argues that by seizing power, “the state will wither away. . . .”",
            &["Lenin argues that by seizing power, “the state will wither away. . . .”"],
        );
        check(
            "\"Lenin [...] used the analogy of a vanguard [...]\" (Service 55).",
            &["\"Lenin [...] used the analogy of a vanguard [...]\" (Service 55)."],
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_the_sentence() {
        check(
            "He said “We must act.” Then they acted.",
            &["He said “We must act.”", "Then they acted."],
        );
        check(
            "He led the army (He had served for five years.) until the end.",
            &["He led the army (He had served for five years.) until the end."],
        );
        check(
            "She turned to him, \"This is great.\" she said.",
            &["She turned to him, \"This is great.\" she said."],
        );
        check(
            "She turned to him, 'This is great.' she said.",
            &["She turned to him, 'This is great.' she said."],
        );
        check(
            "She turned to him, \"This is great.\" She held the book out.",
            &[
                "She turned to him, \"This is great.\"",
                "She held the book out.",
            ],
        );
        check(
            "Stalin wrote: \"Bread is scarce.\" (Conquest, 1990). It was true.",
            &[
                "Stalin wrote: \"Bread is scarce.\" (Conquest, 1990).",
                "It was true.",
            ],
        );
    }

    #[test]
    fn questions_and_exclamations_in_quotations() {
        check(
            "He asked “Why not?” and left.",
            &["He asked “Why not?” and left."],
        );
        check(
            "He asked “Why not?” Nobody answered.",
            &["He asked “Why not?”", "Nobody answered."],
        );
    }

    #[test]
    fn double_punctuation() {
        check(
            "Hello!! Long time no see.",
            &["Hello!!", "Long time no see."],
        );
        check("Really?! Yes.", &["Really?!", "Yes."]);
        check("Hello?? Who is there?", &["Hello??", "Who is there?"]);
        check("Hello!? Is that you?", &["Hello!?", "Is that you?"]);
    }

    #[test]
    fn exclamation_in_a_name() {
        check(
            "She works at Yahoo! in the accounting department.",
            &["She works at Yahoo! in the accounting department."],
        );
    }

    #[test]
    fn no_space_after_the_stop() {
        check(
            "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
            &[
                "Hello world.",
                "Today is Tuesday.",
                "Mr. Smith bought 1,000.",
                "That is a lot.",
            ],
        );
        check(
            "The Tsar fell.Lenin returned.",
            &["The Tsar fell.", "Lenin returned."],
        );
        check(
            "We read St.Petersburg papers.",
            &["We read St.Petersburg papers."],
        );
    }

    #[test]
    fn addresses() {
        check(
            "Her email is Jane.Doe@example.com. I sent her an email.",
            &["Her email is Jane.Doe@example.com.", "I sent her an email."],
        );
        check(
            "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
            &[
                "The site is: https://www.example.50.com/new-site/awesome_content.html.",
                "Please check it out.",
            ],
        );
        check(
            "See www.Marxists.Org for the text.",
            &["See www.Marxists.Org for the text."],
        );
    }

    #[test]
    fn no_final_stop_and_only_punctuation() {
        check(
            "the causes of the revolution",
            &["the causes of the revolution"],
        );
        check("?!... --- !!!", &["?!... --- !!!"]);
        check("", &[]);
        check("   \n\n  ", &[]);
    }

    #[test]
    fn hard_wrapped_lines_are_spaces() {
        check(
            "Leon Trotsky was a Russian\n\nrevolutionary who organised\n\nthe rising. He then led\nthe Red Army.",
            &[
                "Leon Trotsky was a Russian\n\nrevolutionary who organised\n\nthe rising.",
                "He then led\nthe Red Army.",
            ],
        );
        check(
            "It was a cold \r\nnight in the city.",
            &["It was a cold \r\nnight in the city."],
        );
    }

    #[test]
    fn region_offsets_are_into_the_whole_text() {
        let text = "Title\n\nThe Tsar fell. Lenin came.\n\nEnd.";
        let start = text.find("The").unwrap();
        let end = text.find("came.").unwrap() + 5;
        let spans = split_sentences(text, Span::new(start, end));
        let got: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["The Tsar fell.", "Lenin came."]);
    }

    #[test]
    fn footnote_marks_stay_with_their_sentence() {
        for text in [
            "The war changed Russia.[1] The Tsar fell.",
            "The war changed Russia.¹ The Tsar fell.",
            "The war changed Russia. [12] The Tsar fell.",
        ] {
            let got = split(text);
            assert_eq!(got.len(), 2, "{got:?}");
            assert_eq!(got[1], "The Tsar fell.");
        }
    }

    #[test]
    fn roman_numerals() {
        check(
            "Germany suffered after World War I. Britain did too.",
            &["Germany suffered after World War I.", "Britain did too."],
        );
        check(
            "Nicholas II. He was weak.",
            &["Nicholas II.", "He was weak."],
        );
        check(
            "Vol. II of his history is long. Ch. IV covers the war.",
            &["Vol. II of his history is long.", "Ch. IV covers the war."],
        );
    }

    #[test]
    fn era_abbreviations() {
        check(
            "Caesar invaded in 55 B.C. He came back later.",
            &["Caesar invaded in 55 B.C.", "He came back later."],
        );
        check(
            "In 55 B.C. Caesar invaded Britain.",
            &["In 55 B.C. Caesar invaded Britain."],
        );
        check(
            "Vesuvius erupted in A.D. 79 and buried Pompeii.",
            &["Vesuvius erupted in A.D. 79 and buried Pompeii."],
        );
    }

    #[test]
    fn dashes_at_line_starts() {
        check(
            "The army\n- which was exhausted - collapsed.",
            &["The army\n- which was exhausted - collapsed."],
        );
        check(
            "Causes:\n- The war\n- The famine",
            &["Causes:", "- The war", "- The famine"],
        );
    }

    #[test]
    fn citations_after_quotations() {
        check(
            "As Figes argues, \"the revolution failed.\" (Figes, 1996, p. 34). Others disagree.",
            &[
                "As Figes argues, \"the revolution failed.\" (Figes, 1996, p. 34).",
                "Others disagree.",
            ],
        );
        check(
            "He said “we must…” Then they acted.",
            &["He said “we must…”", "Then they acted."],
        );
        check(
            "\"Peace, land and bread!\" was the slogan.",
            &["\"Peace, land and bread!\" was the slogan."],
        );
    }

    #[test]
    fn runs_of_initials() {
        check(
            "A. J. P. Taylor argued this. He was wrong.",
            &["A. J. P. Taylor argued this.", "He was wrong."],
        );
    }

    #[test]
    fn bad_regions_do_not_panic() {
        let text = "Пётр I. Он правил.";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let _ = split_sentences(text, Span::new(start, end));
            }
        }
    }

    #[test]
    fn huge_inputs_finish() {
        let line = "The army marched east. It was cold and the men were tired, ".repeat(35_000);
        assert!(line.len() > 2_000_000);
        assert!(split(&line).len() > 30_000);
        let brackets = "(".repeat(50_000);
        assert_eq!(split(&brackets).len(), 1);
        let after_stop = format!("It ended.{} x", "(".repeat(50_000));
        assert!(!split(&after_stop).is_empty());
        let spaces = format!("It ended.{}x", " ".repeat(200_000));
        assert_eq!(split(&spaces).len(), 1);
        let quotes = format!("It ended.{}Then", "” ".repeat(300_000));
        assert!(!split(&quotes).is_empty());
        let dots = "a.".repeat(1_000_000);
        assert!(!split(&dots).is_empty());
        let single = "a".repeat(2_000_000);
        assert_eq!(split(&single).len(), 1);
    }

    #[test]
    fn long_runs_after_a_stop_keep_the_contract() {
        for run in ["” ", "\u{2028}", " ", ")", "\u{85}"] {
            let text = format!(
                "It ended.{}Then it began. {}and went on.",
                run.repeat(40),
                run.repeat(50)
            );
            let region = Span::new(0, text.len());
            let spans = split_sentences(&text, region);
            assert_contract(&text, region, &spans);
            assert!(!spans.is_empty() && spans.len() <= 3, "{run:?}: {spans:?}");
        }
    }

    /// The contract every output must meet.
    fn assert_contract(text: &str, region: Span, spans: &[Span]) {
        let mut prev_end = region.start;
        for &s in spans {
            assert!(
                s.start >= prev_end && s.start < s.end && s.end <= region.end,
                "{spans:?}"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert_eq!(s.trim(text), s, "untrimmed span");
            prev_end = s.end;
        }
        let covered: usize = spans
            .iter()
            .map(|s| s.slice(text).chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let total = region
            .slice(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        assert_eq!(covered, total, "non-space chars lost");
    }

    fn essayish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "The",
            "war",
            "U.S.",
            "Mr.",
            "St.",
            "etc.",
            "e.g.",
            "1.",
            "2)",
            "a.",
            "b.",
            "•",
            "...",
            ". . .",
            "…",
            "?!",
            "!",
            ".",
            "\"",
            "”",
            "“",
            "'",
            "(",
            ")",
            "[...]",
            "1917.",
            "$3.50",
            "I.",
            "Ленин.",
            "Он",
            "👍",
            "e\u{301}",
            "\u{0}",
            "\u{7}",
            "\n",
            "\n\n",
            "\r",
            "\u{2028}",
            "\u{85}",
            "\t",
            "x@y.com.",
            "https://a.b/c.",
            "Then",
            "and",
            "no.",
            "No.",
            "p.",
            "c.",
            "co.",
            "Co.",
            "Jr.",
            "A.",
            "world.Today",
        ]);
        prop::collection::vec((pieces, prop::sample::select(vec!["", " ", "  "])), 0..40)
            .prop_map(|v| v.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
    }

    proptest! {
        #[test]
        fn contract_holds_for_any_string(text in any::<String>()) {
            let region = Span::new(0, text.len());
            let spans = split_sentences(&text, region);
            assert_contract(&text, region, &spans);
        }

        #[test]
        fn contract_holds_for_essay_like_text(text in essayish(), cut in 0usize..8) {
            let start = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let region = Span::new(start, text.len());
            let spans = split_sentences(&text, region);
            assert_contract(&text, region, &spans);
        }

        #[test]
        fn contract_holds_for_mixed_scripts(text in "[a-zA-Zа-яА-Я0-9 .!?…\"“”'()\\[\\]\n\r\t\u{301}\u{1F600}\u{0}-\u{1F}]{0,200}") {
            let region = Span::new(0, text.len());
            let spans = split_sentences(&text, region);
            assert_contract(&text, region, &spans);
        }

        #[test]
        fn flattening_equals_char_by_char(
            text in "[a-c .\u{0}-\u{20}\u{7F}\u{85}\u{A0}\u{A8}\u{2028}\u{2029}é’]{0,40}"
        ) {
            prop_assert_eq!(&*flatten_line_breaks(&text), flatten_char_by_char(&text));
        }

        /// Bullets, markers, closers and white space of every kind.
        #[test]
        fn list_items_from_likely_tokens_equal_every_token(
            text in "([a-cA-C12 .)(\\-*+•–—’”\"\n\t\u{A0}\u{2003}\u{2028}:?]{0,6}|1\\. |2\\. |b\\) |• |- |\n- |\n\\+ |\n\\* |\n– ){0,16}"
        ) {
            let (mut fast, mut every) = (Vec::new(), Vec::new());
            list_item_candidates(&text, &text, &mut fast);
            list_items_among(every_token(&text).into_iter(), &text, &mut every);
            prop_assert_eq!(fast, every);
        }

        #[test]
        fn likely_tokens_are_the_tokens_of_their_shape(
            text in "[a-c12 .)(\\-*+•–’\"\n\t\u{A0}\u{2003}\u{2028}]{0,30}"
        ) {
            let likely: Vec<Around> = every_token(&text)
                .into_iter()
                .filter(|t| may_be_item(t.token))
                .collect();
            prop_assert_eq!(item_tokens(&text).collect::<Vec<_>>(), likely);
        }

        #[test]
        fn token_lengths_equal_a_search_for_white_space(
            text in "[a-c .\u{0}-\u{20}\u{7F}\u{85}\u{A0}\u{1680}\u{2003}\u{2028}\u{3000}é’]{0,20}"
        ) {
            prop_assert_eq!(token_len(&text), text.find(char::is_whitespace).unwrap_or(text.len()));
        }

        #[test]
        fn capped_runs_equal_char_by_char(
            text in "([a-c]{0,2}[.…\u{2024}\u{FE52}\u{FF0E}][ )\"\u{0}\u{A0}’]{28,36}[a.]?){0,4}"
        ) {
            prop_assert_eq!(&*cap_runs_after_full_stops(&text), cap_runs_char_by_char(&text));
        }
    }

    /// Every token of the text, split at white space, with its neighbours.
    fn every_token(flat: &str) -> Vec<Around<'_>> {
        let tokens: Vec<(usize, &str)> = flat
            .split(char::is_whitespace)
            .filter(|t| !t.is_empty())
            .map(|t| (t.as_ptr() as usize - flat.as_ptr() as usize, t))
            .collect();
        (0..tokens.len())
            .map(|n| Around {
                at: tokens[n].0,
                token: tokens[n].1,
                next: tokens.get(n + 1).copied(),
                first: n == 0,
                after_stop: n > 0
                    && tokens[n - 1]
                        .1
                        .trim_end_matches(is_closer)
                        .ends_with(['.', ':', ';', '!', '?']),
            })
            .collect()
    }

    #[test]
    fn every_bullet_starts_with_a_byte_that_may_mark_an_item() {
        for c in ('\0'..=char::MAX).filter(|&c| is_bullet(c) || is_line_bullet(c)) {
            let mut buf = [0; 4];
            assert!(may_mark_item(c.encode_utf8(&mut buf).as_bytes()[0]), "{c}");
        }
    }

    /// What [`flatten_line_breaks`] gives, char by char.
    fn flatten_char_by_char(src: &str) -> String {
        src.chars()
            .flat_map(|c| {
                let line_break = matches!(
                    c,
                    '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
                );
                let n = if line_break { c.len_utf8() } else { 1 };
                std::iter::repeat_n(if line_break { ' ' } else { c }, n)
            })
            .collect()
    }

    /// What [`cap_runs_after_full_stops`] gives, reading every char once.
    fn cap_runs_char_by_char(flat: &str) -> String {
        let mut out = String::new();
        let mut run = None;
        for c in flat.chars() {
            let in_run = c.is_whitespace() || (!c.is_alphanumeric() && !is_terminator(c));
            run = match run {
                Some(n) if in_run => Some(n + 1),
                _ if matches!(c, '.' | '\u{2024}' | '\u{FE52}' | '\u{FF0E}') => Some(0),
                _ => None,
            };
            if run == Some(RUN_CAP) {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', c.len_utf8() - 1));
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn long_runs_after_a_stop_are_capped_once() {
        let text = format!("End.{}Next.{}", " ".repeat(40), ")".repeat(31));
        let capped = cap_runs_after_full_stops(&text);
        assert_eq!(capped.matches('\n').count(), 1);
        assert_eq!(&*capped, cap_runs_char_by_char(&text));
    }
}
