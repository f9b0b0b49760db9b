//! Finding a pack's people, events and places in an essay, one sentence at a
//! time. Facts are only ever connected within a sentence (or a clause cut at
//! ';'), so the units here are the layout's sentences, cut again at sentence
//! ends the splitter may have missed.

use std::borrow::Cow;

use super::index::Hits;
use super::lazy::Lazy;
use super::pack::Pack;
use crate::analysis::{Analysis, Dated};
use crate::normalize::fold_keep_offsets;
use crate::span::Span;

/// A sentence (or clause) and the paragraph it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub span: Span,
    pub para: usize,
}

/// Something of the pack's found in the text: which one, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub index: usize,
}

/// An essay prepared for matching.
pub struct Scan<'a> {
    pub a: &'a Analysis,
    /// The text folded for matching; byte offsets equal the original's.
    pub folded: &'a str,
    pub units: &'a [Unit],
    /// Where the pack's events are named: a date word inside an event's
    /// name ("October" in "the October Revolution") is not a date.
    event_spans: &'a [Span],
    /// The pack's events named in each paragraph.
    para_events: &'a [Vec<Mention>],
    /// The pack's people named in each unit.
    unit_people: &'a [Vec<Mention>],
    /// Where the pack's patterns may match.
    hits: &'a Hits,
    /// Where the facts check's cue patterns may match (found in the same
    /// pass as [`Scan::hits`]; none without a pack).
    cues: &'a Hits,
    /// The topic pack's people and events whose names may occur anywhere in
    /// the essay: most of a pack's never do, and asking about each one for
    /// every sentence was a tenth of the facts checks.
    named: &'a Named,
}

/// Indices of a pack's people and events that may be named in an essay.
#[derive(Debug, Clone, Default)]
struct Named {
    people: Vec<usize>,
    events: Vec<usize>,
}

/// What [`Scan::new`] works out, once per essay: kept in the [`Analysis`]
/// (which must not change after the first scan).
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    folded: String,
    units: Vec<Unit>,
    event_spans: Vec<Span>,
    para_events: Vec<Vec<Mention>>,
    unit_people: Vec<Vec<Mention>>,
    hits: Hits,
    cue_hits: Hits,
    named: Named,
}

/// Where an [`Analysis`] keeps its [`Prepared`] scan.
pub type ScanCache = crate::analysis::Memo<std::sync::Arc<Prepared>>;

impl<'a> Scan<'a> {
    pub fn new(a: &'a Analysis) -> Scan<'a> {
        let p = a.scan.get_or_init(|| std::sync::Arc::new(prepare(a)));
        Scan {
            a,
            folded: &p.folded,
            units: &p.units,
            event_spans: &p.event_spans,
            para_events: &p.para_events,
            unit_people: &p.unit_people,
            hits: &p.hits,
            cues: &p.cue_hits,
            named: &p.named,
        }
    }

    /// The pack's events named in each paragraph, as [`Scan::events`] finds
    /// them over the paragraph's span.
    pub fn paragraph_events(&self) -> &'a [Vec<Mention>] {
        self.para_events
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.folded[span.start..span.end]
    }

    /// The essay's own words for a span, on one line.
    pub fn quote(&self, span: Span) -> String {
        self.a.doc.display(span)
    }

    /// Could `re` match inside `within`? A pattern of the pack (or of the
    /// facts check's cues) is looked up in the essay's word hits;
    /// any other tests the text.
    pub fn may_match(&self, re: &Lazy, within: Span) -> bool {
        self.hits
            .may_match(re, within)
            .or_else(|| self.cues.may_match(re, within))
            .unwrap_or_else(|| re.may_match(self.slice(within)))
    }

    /// Could `re` match anywhere in the essay? Where it cannot, it cannot
    /// match inside any part of it either ([`Scan::may_match`] only ever
    /// finds fewer words in less text).
    pub fn may_match_anywhere(&self, re: &Lazy) -> bool {
        self.may_match(re, Span::new(0, self.folded.len()))
    }

    /// Every match of `re` inside `within`, as `find_iter` over its slice
    /// finds them.
    pub fn find(&self, re: &Lazy, within: Span) -> Vec<Span> {
        let mut found = Vec::new();
        self.each_match(re, within, |span| found.push(span));
        found
    }

    /// The first of [`Scan::find`]'s matches, without looking for the rest.
    pub fn first(&self, re: &Lazy, within: Span) -> Option<Span> {
        if !self.may_match(re, within) {
            return None;
        }
        let m = re.regex().find(self.slice(within))?;
        Some(Span::new(within.start + m.start(), within.start + m.end()))
    }

    /// [`Scan::find`]'s matches, handed to `hit` one by one (no vector of
    /// them for each pattern).
    fn each_match(&self, re: &Lazy, within: Span, mut hit: impl FnMut(Span)) {
        if !self.may_match(re, within) {
            return;
        }
        // The next match lies in what is left after the last one, so it
        // needs its words there: where they are not, stop, instead of
        // running the regex on to the sentence's end (most sentences name a
        // person once).
        for m in re.regex().find_iter(self.slice(within)) {
            let span = Span::new(within.start + m.start(), within.start + m.end());
            hit(span);
            if !self.may_match(re, Span::new(span.end, within.end)) {
                break;
            }
        }
    }

    pub fn is_match(&self, re: &Lazy, within: Span) -> bool {
        self.may_match(re, within) && re.regex().is_match(self.slice(within))
    }

    /// People named in `within`; where names overlap the longer wins
    /// ("S. S. Kamenev" over "Kamenev").
    pub fn people(&self, pack: &Pack, within: Span) -> Cow<'a, [Mention]> {
        // Several checks ask for every unit: those were found once, and are
        // lent, not copied.
        let i = self.units.partition_point(|u| u.span.start < within.start);
        match (self.units.get(i), self.unit_people.get(i)) {
            (Some(u), Some(people)) if u.span == within => Cow::Borrowed(people),
            _ => Cow::Owned(self.find_people(pack, within)),
        }
    }

    fn find_people(&self, pack: &Pack, within: Span) -> Vec<Mention> {
        let named = self.candidates(pack, pack.people.len(), &self.named.people);
        self.mentions(named, |i| &pack.people[i].names, within)
    }

    /// The longest matches inside `within` of the patterns of `candidates`.
    fn mentions<'p>(
        &self,
        candidates: impl Iterator<Item = usize>,
        pattern: impl Fn(usize) -> &'p Lazy,
        within: Span,
    ) -> Vec<Mention> {
        let mut found = Vec::new();
        for index in candidates {
            self.each_match(pattern(index), within, |span| {
                found.push(Mention { span, index });
            });
        }
        longest(found)
    }

    /// Events named in `within`.
    pub fn events(&self, pack: &Pack, within: Span) -> Cow<'a, [Mention]> {
        // Inside one paragraph whose events are known, reuse them: the facts
        // checks ask for every sentence, and searching again was most of an
        // essay's cost.
        if let Some(known) = self.known_events(within) {
            return known;
        }
        Cow::Owned(self.find_events(pack, within))
    }

    fn find_events(&self, pack: &Pack, within: Span) -> Vec<Mention> {
        let named = self.candidates(pack, pack.events.len(), &self.named.events);
        self.mentions(named, |i| &pack.events[i].matcher, within)
    }

    /// Which of a pack's `all` people or events to look for: those that may
    /// be named in the essay when `pack` is its topic's, else every one.
    fn candidates<'s>(
        &'s self,
        pack: &Pack,
        all: usize,
        named: &'s [usize],
    ) -> impl Iterator<Item = usize> + 's {
        // One iterator type for both cases (no box for each call): the
        // named ones, or none of them and then every index.
        let ours = matches!(&self.a.topic, Some(t) if std::ptr::eq(&*t.pack, pack));
        let (named, rest) = if ours { (named, 0) } else { (&[][..], all) };
        named.iter().copied().chain(0..rest)
    }

    /// The paragraph scan's events inside `within`, when `within` lies in one
    /// paragraph and cuts through none of them (so a fresh search could not
    /// differ).
    fn known_events(&self, within: Span) -> Option<Cow<'a, [Mention]>> {
        let paras = &self.a.doc.paragraphs;
        let i = paras.partition_point(|p| p.span.end < within.end);
        let events = self.para_events.get(i)?;
        if !paras.get(i)?.span.contains(within) {
            return None;
        }
        if events
            .iter()
            .any(|m| m.span.overlaps(within) && !within.contains(m.span))
        {
            return None;
        }
        // Those inside are usually one run of the paragraph's: lent then.
        let inside = |m: &Mention| within.contains(m.span);
        let from = events.iter().position(inside).unwrap_or(events.len());
        let to = from + events[from..].iter().take_while(|m| inside(m)).count();
        if !events[to..].iter().any(inside) {
            return Some(Cow::Borrowed(&events[from..to]));
        }
        Some(Cow::Owned(
            events.iter().filter(|m| inside(m)).copied().collect(),
        ))
    }

    /// The dates inside a span that state a time (not naming asides).
    pub fn dates(&self, within: Span) -> Vec<&'a Dated> {
        self.stated_dates(within).collect()
    }

    /// [`Scan::dates`], one by one (the facts checks ask for each sentence,
    /// and most of them only look for the nearest).
    pub fn stated_dates(&self, within: Span) -> impl Iterator<Item = &'a Dated> + 'a {
        // Dates and event spans are in order and disjoint: binary searches
        // keep this linear overall when called for every unit.
        let event_spans = self.event_spans;
        self.a
            .dates_in(within)
            .filter(|d| !d.mention.naming_aside)
            .filter(move |d| {
                let i = event_spans.partition_point(|e| e.start <= d.mention.span.start);
                i == 0 || !event_spans[i - 1].contains(d.mention.span)
            })
    }

    /// The unit that contains a byte offset (units are in order, disjoint).
    pub fn unit_of(&self, at: usize) -> Option<usize> {
        let i = self
            .units
            .partition_point(|u| u.span.end.max(u.span.start + 1) <= at);
        self.units.get(i).filter(|u| u.span.start <= at).map(|_| i)
    }
}

fn prepare(a: &Analysis) -> Prepared {
    let folded = fold_keep_offsets(&a.doc.text);
    let mut units = Vec::new();
    for (i, p) in a.doc.paragraphs.iter().enumerate() {
        for s in &p.sentences {
            for span in split_units(&folded, s.span) {
                units.push(Unit { span, para: i });
            }
        }
    }
    let mut prepared = Prepared {
        folded,
        units,
        ..Prepared::default()
    };
    if let Some(t) = &a.topic {
        let (hits, cue_hits) = t.pack.index().scan_both(&prepared.folded);
        prepared.hits = hits;
        prepared.cue_hits = cue_hits.unwrap_or_default();
        // Filled in below, before any search that reads it.
        let unknown = Named::default();
        let mut scan = Scan {
            a,
            folded: &prepared.folded,
            units: &prepared.units,
            event_spans: &[],
            para_events: &[],
            unit_people: &[],
            hits: &prepared.hits,
            cues: &prepared.cue_hits,
            named: &unknown,
        };
        let whole = Span::new(0, a.doc.text.len());
        prepared.named = Named {
            people: (t.pack.people.iter().enumerate())
                .filter(|(_, p)| scan.may_match(&p.names, whole))
                .map(|(i, _)| i)
                .collect(),
            events: (t.pack.events.iter().enumerate())
                .filter(|(_, e)| scan.may_match(&e.matcher, whole))
                .map(|(i, _)| i)
                .collect(),
        };
        scan.named = &prepared.named;
        let para_events: Vec<Vec<Mention>> = a
            .doc
            .paragraphs
            .iter()
            .map(|p| scan.find_events(&t.pack, p.span))
            .collect();
        prepared.event_spans = para_events.iter().flatten().map(|m| m.span).collect();
        prepared.para_events = para_events;
        prepared.unit_people = prepared
            .units
            .iter()
            .map(|u| scan.find_people(&t.pack, u.span))
            .collect();
    }
    prepared
}

/// Keeps, of overlapping mentions, the longest (then the first); in order
/// of start.
fn longest(mut v: Vec<Mention>) -> Vec<Mention> {
    // Most sentences name each thing once and nothing inside another: then
    // every mention is kept, and the map below (an allocation) is not needed.
    // A stable sort: of equal spans the first found wins below.
    v.sort_by_key(|m| m.span.start);
    let apart =
        |w: &[Mention]| w[0].span.start < w[1].span.start && w[0].span.end <= w[1].span.start;
    if v.windows(2).all(apart) {
        return v;
    }
    longest_of_any(v)
}

/// [`longest`] for mentions that may overlap.
fn longest_of_any(mut v: Vec<Mention>) -> Vec<Mention> {
    v.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
    // Kept spans are disjoint, so only the neighbours by start can overlap
    // a new one: a map keeps this O(n log n) on a long paragraph.
    let mut kept: std::collections::BTreeMap<usize, Mention> = Default::default();
    for m in v {
        let before = kept.range(..=m.span.start).next_back();
        let after = kept.range(m.span.start..).next();
        if !before
            .into_iter()
            .chain(after)
            .any(|(_, k)| k.span.overlaps(m.span))
        {
            kept.insert(m.span.start, m);
        }
    }
    kept.into_values().collect()
}

/// Characters between two spans (0 when they touch or overlap).
pub fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "st", "mr", "mrs", "dr", "gen", "col", "lt", "capt", "c", "ca", "no", "vs", "etc", "prof",
    "jr", "sr", "e.g", "i.e", "cf", "fig", "vol", "pp", "p", "adm",
];

/// Cuts a sentence at '.', '!' or '?' followed by a capital (unless the word
/// before is an initial or an abbreviation) and at ';'.
pub fn split_units(folded: &str, span: Span) -> Vec<Span> {
    let text = &folded[span.start..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let cut = match c {
            ';' => Some(i + 1),
            '.' | '!' | '?' => stop_cut(text, i, c),
            _ => None,
        };
        if let Some(end) = cut {
            let s = Span::new(span.start + start, span.start + end).trim(folded);
            if !s.is_empty() {
                out.push(s);
            }
            start = end;
        }
    }
    let s = Span::new(span.start + start, span.end).trim(folded);
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Where the next unit starts after the stop `c` at byte `i`: past closing
/// quotes, brackets and white space, when a capital (or a quote) follows
/// and the stop does not end an initial or an abbreviation.
fn stop_cut(text: &str, i: usize, c: char) -> Option<usize> {
    let after = &text[i + c.len_utf8()..];
    let rest = after.trim_start_matches(['"', '\'', ')', '\u{1}']);
    let next = rest.trim_start_matches(char::is_whitespace);
    let spaced = next.len() < rest.len();
    let next_upper = next
        .chars()
        .next()
        .is_some_and(|n| n.is_uppercase() || n == '"');
    if !(spaced && next_upper) {
        return None;
    }
    if c == '.' {
        let before = &text[..i];
        let word = &before[before
            .trim_end_matches(|ch: char| ch.is_alphanumeric() || ch == '.')
            .len()..];
        let mut chars = word.chars();
        let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        if initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            return None;
        }
    }
    Some(text.len() - next.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::TestCaseError;

    fn cut(t: &str) -> Vec<&str> {
        split_units(t, Span::new(0, t.len()))
            .into_iter()
            .map(|s| s.slice(t))
            .collect()
    }

    /// Runs `test` on the scan of an essay analysed for a question of the
    /// Lenin pack.
    fn scan_lenin(
        text: String,
        test: impl FnOnce(&Analysis, &Pack, &Scan) -> Result<(), TestCaseError>,
    ) -> Result<(), TestCaseError> {
        let a = crate::analysis::analyze(
            text,
            &crate::analysis::Options {
                question: Some(
                    "How far was Lenin responsible for the Bolshevik victory, 1917-21?".into(),
                ),
                ..Default::default()
            },
        );
        let pack = &a.topic.as_ref().expect("a topic").pack;
        test(&a, pack, &Scan::new(&a))
    }

    /// Mentions of a few people over a short text: spans often overlap,
    /// touch, repeat or are empty.
    fn mention_soup() -> impl proptest::strategy::Strategy<Value = Vec<Mention>> {
        use proptest::strategy::Strategy;
        let mention = (0usize..12, 0usize..5, 0usize..3).prop_map(|(start, len, index)| Mention {
            span: Span::new(start, start + len),
            index,
        });
        proptest::collection::vec(mention, 0..7)
    }

    proptest::proptest! {
        /// Stopping where the rest cannot hold a match finds what the plain
        /// search finds, in sentences, paragraphs and the whole essay.
        #[test]
        fn find_stops_only_where_no_match_is_left(
            text in crate::topics::index::tests::name_soup(),
        ) {
            scan_lenin(text, |a, pack, scan| {
                let spans = (scan.units.iter().map(|u| u.span))
                    .chain(a.doc.paragraphs.iter().map(|p| p.span))
                    .chain([Span::new(0, scan.folded.len())]);
                let pats: Vec<&Lazy> = (pack.people.iter().map(|p| &p.names))
                    .chain(pack.events.iter().map(|e| &e.matcher))
                    .collect();
                for within in spans {
                    for re in &pats {
                        let plain: Vec<Span> = re
                            .regex()
                            .find_iter(scan.slice(within))
                            .map(|m| Span::new(within.start + m.start(), within.start + m.end()))
                            .collect();
                        proptest::prop_assert_eq!(
                            scan.first(re, within),
                            plain.first().copied(),
                            "{:?} in {:?}", re, scan.slice(within)
                        );
                        proptest::prop_assert_eq!(
                            scan.find(re, within),
                            plain,
                            "{:?} in {:?}", re, scan.slice(within)
                        );
                    }
                }
                Ok(())
            })?;
        }

        /// Mentions that do not overlap skip the map and are kept as it keeps them.
        #[test]
        fn longest_keeps_what_the_map_keeps(v in mention_soup()) {
            proptest::prop_assert_eq!(longest(v.clone()), longest_of_any(v));
        }

        /// Events lent from the paragraph's are those a copy would hold.
        #[test]
        fn known_events_are_the_paragraphs_inside(
            text in crate::topics::index::tests::name_soup(),
        ) {
            scan_lenin(text, |_, pack, scan| {
                for u in scan.units {
                    let para = &scan.paragraph_events()[u.para];
                    let events = scan.events(pack, u.span);
                    if para.iter().all(|m| !m.span.overlaps(u.span) || u.span.contains(m.span)) {
                        let inside: Vec<Mention> =
                            para.iter().filter(|m| u.span.contains(m.span)).copied().collect();
                        proptest::prop_assert_eq!(&*events, &inside[..]);
                    }
                    proptest::prop_assert_eq!(&*events, &scan.find_events(pack, u.span)[..]);
                }
                Ok(())
            })?;
        }

        /// What may match in a part of the essay may match in the whole:
        /// the facts checks pass over patterns the whole cannot match.
        #[test]
        fn may_match_in_a_part_may_match_anywhere(
            text in crate::topics::index::tests::name_soup(),
        ) {
            scan_lenin(text, |a, pack, scan| {
                let rules = (pack.people.iter().flat_map(|p| &p.confusions))
                    .chain(&pack.misconceptions)
                    .map(|r| &r.pattern);
                let pats: Vec<&Lazy> = (pack.people.iter().map(|p| &p.names))
                    .chain(pack.people.iter().flat_map(|p| p.misspellings.iter().map(|(r, _)| r)))
                    .chain(pack.places.iter().flat_map(|p| p.names.iter().map(|n| &n.matcher)))
                    .chain(rules)
                    .collect();
                let parts = (scan.units.iter().map(|u| u.span))
                    .chain(a.doc.paragraphs.iter().map(|p| p.span));
                for part in parts {
                    for re in &pats {
                        proptest::prop_assert!(
                            !scan.may_match(re, part) || scan.may_match_anywhere(re),
                            "{:?} in {:?}", re, scan.slice(part)
                        );
                    }
                }
                Ok(())
            })?;
        }
    }

    #[test]
    fn longest_prefers_the_longer_then_the_first() {
        let m = |start, end, index| Mention {
            span: Span::new(start, end),
            index,
        };
        assert_eq!(
            longest(vec![m(4, 11, 0), m(0, 11, 1), m(20, 25, 2)]),
            [m(0, 11, 1), m(20, 25, 2)]
        );
        assert_eq!(longest(vec![m(0, 5, 0), m(0, 5, 1)]), [m(0, 5, 0)]);
        assert_eq!(
            longest(vec![m(9, 12, 0), m(0, 5, 1)]),
            [m(0, 5, 1), m(9, 12, 0)]
        );
    }

    #[test]
    fn units() {
        assert_eq!(
            cut("He met S. S. Kamenev. Then St. Petersburg fell; it was 1917. ok."),
            [
                "He met S. S. Kamenev.",
                "Then St. Petersburg fell;",
                "it was 1917. ok."
            ]
        );
    }
}
