//! Features a teacher could read: where a sentence sits, which connectives and
//! words it uses, whether it carries specific facts, how it relates to the
//! question and to the introduction, and whether it recounts.
//!
//! Each feature is a number in [0, 1]. The names are the keys of the weights
//! in `models/roles.toml`; never rename one without refitting the model.

use foldhash::{HashMap, HashMapExt};

use super::lexicon::{CATEGORIES, CONNECTIVES, LEXICON, cat};
use crate::analysis::Analysis;
use crate::checks::{Part, part};
use crate::layout::Sentence;
use crate::normalize::word_key_into;
use crate::word_set::{Packed, WordSet};

/// Feature names and what each means, in the model's order.
pub const FEATURES: &[(&str, &str)] = &[
    ("bias", "baseline"),
    ("first_in_paragraph", "first sentence of its paragraph"),
    ("last_in_paragraph", "last sentence of its paragraph"),
    ("only_sentence", "the paragraph's only sentence"),
    ("in_introduction", "in the introduction"),
    ("in_body", "in a body paragraph"),
    ("in_conclusion", "in the conclusion"),
    ("in_whole", "in a one- or two-paragraph essay"),
    ("introduction_last", "last sentence of the introduction"),
    ("introduction_first", "first sentence of the introduction"),
    ("opens_cause", "opens with a cause connective"),
    ("opens_result", "opens with a result connective"),
    ("opens_contrast", "opens with a contrast connective"),
    ("opens_concession", "opens with a concession"),
    ("opens_example", "opens with an example marker"),
    ("opens_conclusion", "opens with a concluding phrase"),
    ("opens_addition", "opens with an addition connective"),
    ("opens_sequence", "opens with a time-sequence word"),
    ("has_cause", "gives a cause (because, due to…)"),
    ("has_result", "gives a result (therefore, this meant…)"),
    ("has_contrast", "contrasts (however, but…)"),
    ("has_concession", "concedes (although, admittedly…)"),
    ("has_example", "gives an example (for example, such as…)"),
    ("has_conclusion", "concludes (overall, in conclusion…)"),
    ("has_addition", "adds (furthermore, also…)"),
    ("has_sequence", "sequences events (then, later…)"),
    ("judgement", "judgement words (most, main, crucial…)"),
    ("evaluative", "evaluative words (successful, weak…)"),
    ("hedge", "hedges (arguably, perhaps…)"),
    ("first_person", "first person (I, my, this essay)"),
    ("modal", "modal verbs (must, would, could…)"),
    ("historian", "a historian, study or statistic"),
    ("explain", "explains why or how it mattered"),
    ("narrative_verb", "verbs that recount (returned, joined…)"),
    (
        "present_eval",
        "present-tense verbs of argument (shows, is…)",
    ),
    ("causal_verb", "cause-and-effect verbs (led to, enabled…)"),
    ("other_factor", "another factor or side"),
    ("link_cue", "ties back (therefore, this shows that…)"),
    ("padding", "filler phrases"),
    ("anecdote", "a personal story"),
    ("stance", "states a position"),
    ("has_date", "contains a date"),
    ("dates", "number of dates"),
    ("opens_with_date", "opens with a date"),
    ("has_number", "contains a number or figure"),
    ("names", "named people, places or events"),
    ("quotation", "contains a quotation"),
    ("focus", "share of the question's focus terms used"),
    ("focus_any", "uses a focus term of the question"),
    ("introduction_overlap", "repeats words of the introduction"),
    ("past_tense", "share of past-tense verbs"),
    ("question_mark", "asks a question"),
    ("long", "long sentence (over 25 words)"),
    ("short", "short sentence (under 8 words)"),
    ("previous_factual", "follows a sentence of specific facts"),
    ("next_explains", "followed by an explanation"),
    (
        "paragraph_dated",
        "share of its paragraph's sentences with dates",
    ),
    ("judges_focus", "judges something the question asks about"),
    ("explains_focus", "explains in the question's terms"),
    (
        "recounts",
        "recounts: story verbs with a date and no judgement",
    ),
];

pub const N: usize = FEATURES.len();

/// The index of a feature by name.
pub fn index(name: &str) -> Option<usize> {
    FEATURES.iter().position(|(n, _)| *n == name)
}

/// The index of a feature by name, for use in constants: a name that is
/// not a feature stops the build.
pub const fn ix(name: &str) -> usize {
    let mut i = 0;
    while i < N {
        if same(FEATURES[i].0, name) {
            return i;
        }
        i += 1;
    }
    panic!("no such feature")
}

/// String equality usable in constants.
pub const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A feature's index, worked out when compiling.
macro_rules! f {
    ($name:literal) => {
        const { $crate::roles::features::ix($name) }
    };
}
pub(crate) use f;

/// `opens_<connective>` and `has_<connective>` follow the connectives'
/// order in [`CATEGORIES`] (a test checks).
const OPENS: usize = f!("opens_cause");
const HAS: usize = f!("has_cause");

/// What one sentence looks like on the surface, before context.
struct Surface {
    /// Lexicon hits by category.
    counts: [u32; CATEGORIES.len()],
    /// The connective categories hit within the first words, one bit each.
    opens: u32,
    dates: usize,
    opens_with_date: bool,
    numbers: usize,
    names: usize,
    quotation: bool,
    past: usize,
    words: usize,
    question_mark: bool,
    stems: StemCounts,
}

/// Function words left out of overlap measures.
const STOP_WORDS: &[&str] = &[
    "a", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "is", "it", "its", "more", "most", "not", "of", "on",
    "or", "she", "that", "the", "their", "these", "they", "this", "those", "to", "was", "were",
    "which", "who", "with",
];

const IRREGULAR_PAST_WORDS: &[&str] = &[
    "became", "began", "brought", "built", "came", "did", "fell", "felt", "fled", "forced",
    "fought", "found", "gave", "got", "grew", "had", "held", "kept", "knew", "led", "left", "lost",
    "made", "met", "ran", "rose", "said", "saw", "sent", "sought", "spent", "struck", "thought",
    "told", "took", "was", "went", "were", "won", "wrote",
];

static STOP: WordSet<{ STOP_WORDS.len() }> = WordSet::new(STOP_WORDS);
static IRREGULAR_PAST: WordSet<{ IRREGULAR_PAST_WORDS.len() }> = WordSet::new(IRREGULAR_PAST_WORDS);

fn surface<'a>(
    a: &'a Analysis,
    s: &'a Sentence,
    stems: &mut StemCounter<'a>,
    in_introduction: bool,
    key: &mut String,
) -> Surface {
    let text = a.doc.slice(s.span);
    sentence_key(a, s, key);
    let mut counts = [0u32; CATEGORIES.len()];
    let mut opens = 0u32;
    LEXICON.for_each_hit(key, |h| {
        counts[h.category] += 1;
        if h.category < CONNECTIVES && h.start <= 2 {
            opens |= 1 << h.category;
        }
    });
    let mut dates = a.dates_in(s.span);
    let first_date = dates.next();
    let dates = first_date.map_or(0, |_| 1 + dates.count());
    let opens_with_date = first_date.is_some_and(|d| {
        let lead = a
            .doc
            .slice(crate::span::Span::new(s.span.start, d.mention.span.start));
        lead.split_whitespace().count() <= 2
    });
    let (words, stems) = word_counts(a, s, stems, in_introduction);
    Surface {
        counts,
        opens,
        dates,
        opens_with_date,
        numbers: words.numbers,
        names: words.names,
        quotation: has_quotation(text),
        past: words.past,
        words: s.words.len(),
        question_mark: text
            .trim_end()
            .trim_end_matches(['"', '\'', '’', '”', ')'])
            .ends_with('?'),
        stems,
    }
}

/// The sentence's key with its white space collapsed, written into `key`.
/// Keyed from the shown text, which is the sentence itself unless its white
/// space needs folding: collapsing the key instead allocated twice a
/// sentence (keying keeps white space white, so the order does not matter).
fn sentence_key(a: &Analysis, s: &Sentence, key: &mut String) {
    word_key_into(&a.doc.shown(s.span), key);
}

/// What a sentence's words hold, counted in one pass over them.
#[derive(Debug, Default, PartialEq)]
struct WordCounts {
    /// Words with a digit outside any date.
    numbers: usize,
    /// Capitalised words after the first ("I" aside).
    names: usize,
    /// Past-tense verbs.
    past: usize,
}

/// Counts the sentence's words and, in the same pass, its stems (stop
/// words aside): each word is packed once for both word sets, where a pass
/// each packed it twice.
fn word_counts<'a>(
    a: &Analysis,
    s: &'a Sentence,
    stems: &mut StemCounter<'a>,
    in_introduction: bool,
) -> (WordCounts, StemCounts) {
    let mut n = WordCounts::default();
    // `StemCounter::sentence` reads every stem, so every word is counted.
    let content_stems = s.words.iter().enumerate().filter_map(|(i, w)| {
        let packed = Packed::of(&w.key);
        n.add(a, s, i, packed);
        let stop = packed.is_some_and(|k| STOP.has(k));
        (!stop).then_some(w.stem.as_str())
    });
    let stems = stems.sentence(content_stems, in_introduction);
    (n, stems)
}

impl WordCounts {
    /// Counts word `i` of sentence `s`; `packed` is its key packed.
    fn add(&mut self, a: &Analysis, s: &Sentence, i: usize, packed: Option<Packed>) {
        let w = &s.words[i];
        // Rare: the dates are only looked at for a word with a digit.
        if w.key.bytes().any(|b| b.is_ascii_digit())
            && !a.dates_in(s.span).any(|d| d.mention.span.contains(w.span))
        {
            self.numbers += 1;
        }
        if i > 0
            && w.key != "i"
            && a.doc
                .slice(w.span)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            self.names += 1;
        }
        if packed.is_some_and(|k| IRREGULAR_PAST.has(k))
            || (w.key.len() > 4 && w.key.ends_with("ed"))
        {
            self.past += 1;
        }
    }
}

/// A sentence's distinct stems (stop words aside), and how many of them the
/// introduction and the question's focus use.
#[derive(Debug, Default, PartialEq)]
struct StemCounts {
    distinct: usize,
    /// Of the distinct stems, those of the introduction.
    shared: usize,
    /// Focus stems among them (a focus stem given twice counts twice).
    focus: usize,
}

/// Counts [`StemCounts`] sentence by sentence. Stems are numbered per essay
/// and each number remembers the last sentence that counted it: sorting
/// every sentence's stems as strings, a hash set of the introduction's and a
/// binary search per focus stem were a fifth of the features.
struct StemCounter<'a> {
    ids: HashMap<&'a str, u32>,
    /// Ids by where a stem's text lies (address and length): the words of
    /// one spelling share one stem text (`layout::words` caches them), so
    /// most look-ups hash an address instead of the text and compare no
    /// bytes; equal texts in two places still meet in `ids`. Every text
    /// lives for `'a`, so one place never holds two texts.
    places: HashMap<(usize, usize), u32>,
    marks: Vec<StemMark>,
    /// Sentences counted so far, which numbers the current one.
    sentence: u32,
    /// Some sentence of the introduction has a stem.
    introduction_has_stems: bool,
}

#[derive(Clone, Copy, Default)]
struct StemMark {
    /// The last sentence that counted the stem (0: none).
    last: u32,
    in_introduction: bool,
    /// How many of the question's focus stems it is.
    focus: u32,
}

impl<'a> StemCounter<'a> {
    /// `words`: how many stems the essay has at most (sizes the tables).
    fn new(focus: impl Iterator<Item = &'a str>, words: usize) -> StemCounter<'a> {
        let mut counter = StemCounter {
            ids: HashMap::with_capacity(words),
            places: HashMap::with_capacity(words),
            marks: Vec::with_capacity(words),
            sentence: 0,
            introduction_has_stems: false,
        };
        for stem in focus {
            let id = counter.id(stem);
            counter.marks[id].focus += 1;
        }
        counter
    }

    fn id(&mut self, stem: &'a str) -> usize {
        let place = (stem.as_ptr() as usize, stem.len());
        if let Some(&id) = self.places.get(&place) {
            return id as usize;
        }
        let id = self.id_of_text(stem);
        self.places.insert(place, id as u32);
        id
    }

    fn id_of_text(&mut self, stem: &'a str) -> usize {
        let next = self.marks.len() as u32;
        let id = *self.ids.entry(stem).or_insert(next);
        if id == next {
            self.marks.push(StemMark::default());
        }
        id as usize
    }

    /// Counts the next sentence's stems; those of the introduction count
    /// as shared for the sentences after it.
    fn sentence(
        &mut self,
        stems: impl Iterator<Item = &'a str>,
        in_introduction: bool,
    ) -> StemCounts {
        self.sentence += 1;
        let mut n = StemCounts::default();
        for stem in stems {
            let id = self.id(stem);
            let mark = &mut self.marks[id];
            if mark.last == self.sentence {
                continue;
            }
            mark.last = self.sentence;
            n.distinct += 1;
            n.shared += mark.in_introduction as usize;
            n.focus += mark.focus as usize;
            mark.in_introduction |= in_introduction;
        }
        self.introduction_has_stems |= in_introduction && n.distinct > 0;
        n
    }
}

/// Two or more words between quotation marks.
fn has_quotation(text: &str) -> bool {
    // Every opening mark holds one of these bytes ('“' is E2 80 9C, '«' is
    // C2 AB): most sentences have none, and a byte scan rules them out (one
    // that stopped at each byte cost 5 M instructions over 200 essays).
    crate::normalize::any_byte(text.as_bytes(), |b| matches!(b, b'"' | 0x9C | 0xAB))
        && quotation_in(text)
}

fn quotation_in(text: &str) -> bool {
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '«' => open = Some(i),
            '"' if open.is_none() => open = Some(i),
            '”' | '»' | '"' => {
                if let Some(o) = open.take()
                    && text[o..i].split_whitespace().count() >= 2
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Feature vectors for every sentence of an analysed essay, in order.
pub fn extract(a: &Analysis) -> Vec<[f32; N]> {
    let paras = &a.doc.paragraphs;
    let words = a.doc.sentences().map(|s| s.words.len()).sum();
    let mut stems = StemCounter::new(a.question.focus_stems(), words);
    // The first of three or more paragraphs is the introduction.
    let with_introduction = paras.len() >= 3;
    let mut key = String::new();
    let surfaces: Vec<Vec<Surface>> = paras
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let in_introduction = with_introduction && pi == 0;
            p.sentences
                .iter()
                .map(|s| surface(a, s, &mut stems, in_introduction, &mut key))
                .collect()
        })
        .collect();
    let introduction_has_stems = stems.introduction_has_stems;
    let focus = a.question.focus.len();
    let mut out = Vec::with_capacity(a.doc.sentence_count());
    for (pi, para) in surfaces.iter().enumerate() {
        let where_ = part(pi, paras.len());
        let dated = para.iter().filter(|s| s.dates > 0).count() as f32 / para.len().max(1) as f32;
        for (si, s) in para.iter().enumerate() {
            let mut f = [0f32; N];
            let mut set = |i: usize, v: f32| f[i] = v.clamp(0.0, 1.0);
            set(f!("bias"), 1.0);
            set(f!("first_in_paragraph"), (si == 0) as u8 as f32);
            set(f!("last_in_paragraph"), (si + 1 == para.len()) as u8 as f32);
            set(f!("only_sentence"), (para.len() == 1) as u8 as f32);
            set(
                f!("in_introduction"),
                (where_ == Part::Introduction) as u8 as f32,
            );
            set(f!("in_body"), (where_ == Part::Body) as u8 as f32);
            set(
                f!("in_conclusion"),
                (where_ == Part::Conclusion) as u8 as f32,
            );
            set(f!("in_whole"), (where_ == Part::Whole) as u8 as f32);
            set(
                f!("introduction_last"),
                (where_ == Part::Introduction && si + 1 == para.len()) as u8 as f32,
            );
            set(
                f!("introduction_first"),
                (where_ == Part::Introduction && si == 0) as u8 as f32,
            );
            for (c, n) in s.counts.iter().enumerate().take(CONNECTIVES) {
                if s.opens & (1 << c) != 0 {
                    set(OPENS + c, 1.0);
                }
                set(HAS + c, (*n > 0) as u8 as f32);
            }
            let count = |c: usize| s.counts[c] as f32;
            set(f!("judgement"), count(cat!("judgement")) / 3.0);
            set(f!("evaluative"), count(cat!("evaluative")) / 3.0);
            set(f!("hedge"), count(cat!("hedge")) / 2.0);
            set(f!("first_person"), count(cat!("first_person")));
            set(f!("modal"), count(cat!("modal")) / 2.0);
            set(f!("historian"), count(cat!("historian")));
            set(f!("explain"), count(cat!("explain")) / 2.0);
            set(f!("narrative_verb"), count(cat!("narrative_verbs")) / 2.0);
            set(f!("present_eval"), count(cat!("present_eval")) / 3.0);
            set(f!("causal_verb"), count(cat!("causal_verbs")) / 2.0);
            set(f!("other_factor"), count(cat!("other_factor")));
            set(f!("link_cue"), count(cat!("link")));
            set(f!("padding"), count(cat!("padding")) / 2.0);
            set(f!("anecdote"), count(cat!("anecdote")));
            set(f!("stance"), count(cat!("stance")));
            set(f!("has_date"), (s.dates > 0) as u8 as f32);
            set(f!("dates"), s.dates as f32 / 3.0);
            set(f!("opens_with_date"), s.opens_with_date as u8 as f32);
            set(f!("has_number"), (s.numbers > 0) as u8 as f32);
            set(f!("names"), s.names as f32 / 4.0);
            set(f!("quotation"), s.quotation as u8 as f32);
            let matched = s.stems.focus;
            if focus > 0 {
                set(f!("focus"), matched as f32 / focus as f32);
                set(f!("focus_any"), (matched > 0) as u8 as f32);
            }
            if where_ != Part::Introduction && introduction_has_stems && s.stems.distinct > 0 {
                set(
                    f!("introduction_overlap"),
                    s.stems.shared as f32 / s.stems.distinct as f32,
                );
            }
            set(
                f!("past_tense"),
                s.past as f32 / (s.words.max(1) as f32 / 6.0),
            );
            set(f!("question_mark"), s.question_mark as u8 as f32);
            set(f!("long"), (s.words > 25) as u8 as f32);
            set(f!("short"), (s.words < 8) as u8 as f32);
            if si > 0 {
                let p = &para[si - 1];
                set(
                    f!("previous_factual"),
                    (p.dates > 0 || p.numbers > 0 || p.quotation || p.names >= 2) as u8 as f32,
                );
            }
            if let Some(n) = para.get(si + 1) {
                let explains = n.counts[cat!("explain")] + n.counts[cat!("result")] > 0;
                set(f!("next_explains"), explains as u8 as f32);
            }
            set(f!("paragraph_dated"), dated);
            let judging =
                count(cat!("judgement")) + count(cat!("evaluative")) + count(cat!("stance")) > 0.0;
            let on_focus = matched > 0 || focus == 0;
            set(f!("judges_focus"), (judging && on_focus) as u8 as f32);
            set(
                f!("explains_focus"),
                ((count(cat!("explain")) + count(cat!("causal_verbs")) > 0.0) && on_focus) as u8
                    as f32,
            );
            set(
                f!("recounts"),
                (s.dates > 0 && count(cat!("narrative_verbs")) > 0.0 && !judging) as u8 as f32,
            );
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_in_every_kind_of_mark() {
        for q in [
            "said “the army was weak” then",
            "« la révolution »",
            "he wrote \"all power\" there",
        ] {
            assert!(has_quotation(q), "{q}");
        }
        assert!(!has_quotation("Trotsky’s “army”, then"));
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_only_rules_out_text_without_quotations(
            parts in proptest::collection::vec(
                // Whole quotations too, with every pairing of marks: one
                // with a single kind of byte must not be ruled out.
                proptest::prop_oneof!["[a-zé’]{1,4}", "[ “”«»\"]", "\\PC", "[“«\"][a-z ]{1,6}[”»\"]"],
                0..14,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(has_quotation(&text), quotation_in(&text));
        }
    }

    /// Stems to count; the focus picks among them too.
    const STEMS: &[&str] = &["armi", "war", "tsar", "lenin", "a", "led", "peac"];

    /// Each sentence's counts as first written: its stems sorted without
    /// repeats, the introduction's in a hash set, each focus stem searched.
    fn stem_counts_by_sorting(
        sentences: &[Vec<&str>],
        introduction: usize,
        focus: &[&str],
    ) -> Vec<StemCounts> {
        let sorted: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| {
                let mut s = s.clone();
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect();
        let intro: std::collections::HashSet<&str> =
            sorted[..introduction].iter().flatten().copied().collect();
        sorted
            .iter()
            .enumerate()
            .map(|(i, s)| StemCounts {
                distinct: s.len(),
                // Counted for the sentences after the introduction only.
                shared: if i < introduction {
                    0
                } else {
                    s.iter().filter(|t| intro.contains(*t)).count()
                },
                focus: focus.iter().filter(|f| s.binary_search(f).is_ok()).count(),
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn stem_counter_counts_what_sorting_counts(
            picks in proptest::collection::vec(proptest::collection::vec(0..2 * STEMS.len(), 0..8), 1..8),
            introduction in 0usize..3,
            focus_picks in proptest::collection::vec(0..2 * STEMS.len(), 0..4),
        ) {
            // Each text twice, in two places: the counter must not tell
            // equal stems apart by where they lie.
            let texts: Vec<String> = STEMS.iter().map(|s| s.to_string()).collect();
            let text = |&i: &usize| match texts.get(i) {
                Some(t) => t.as_str(),
                None => STEMS[i - texts.len()],
            };
            let sentences: Vec<Vec<&str>> = picks.iter().map(|s| s.iter().map(text).collect()).collect();
            let focus: Vec<&str> = focus_picks.iter().map(text).collect();
            let introduction = introduction.min(sentences.len());
            let mut counter = StemCounter::new(focus.iter().copied(), 4);
            let counted: Vec<StemCounts> = sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut n = counter.sentence(s.iter().copied(), i < introduction);
                    if i < introduction {
                        n.shared = 0;
                    }
                    n
                })
                .collect();
            proptest::prop_assert_eq!(
                counter.introduction_has_stems,
                sentences[..introduction].iter().any(|s| !s.is_empty())
            );
            proptest::prop_assert_eq!(counted, stem_counts_by_sorting(&sentences, introduction, &focus));
        }
    }

    proptest::proptest! {
        /// Keying the collapsed text equals collapsing the key, as first
        /// written: no char is white space after keying unless it was before.
        #[test]
        fn keying_the_shown_text_equals_collapsing_the_key(
            text in "[aZİ’“—é \t\n\r\u{A0}\u{2009}\u{202F}\u{3000}\u{85}]{0,16}"
        ) {
            let mut key = String::from("left over");
            word_key_into(&crate::layout::collapsed(&text), &mut key);
            proptest::prop_assert_eq!(
                key,
                crate::layout::collapse_space(&crate::normalize::word_key(&text))
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        #[test]
        fn one_pass_counts_what_two_passes_count(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The", "the", "war", "Wars", "was", "Became", "became", "in", "1917", "armies",
                    "army", "Lenin", "fought", "I", "it", "who", "led", "ended", "3rd", "seventeenth",
                    "naïve", "forced", ".", "\n\n", "!",
                ]),
                1..40,
            )
        ) {
            let a = crate::analysis::analyze(words.join(" "), &crate::analysis::Options::default());
            let words_of = a.doc.word_count();
            let (mut one, mut two) = (
                StemCounter::new(a.question.focus_stems(), words_of),
                StemCounter::new(a.question.focus_stems(), words_of),
            );
            for (k, s) in a.doc.sentences().enumerate() {
                let in_introduction = k % 2 == 0;
                // As first written: two passes, the stop words found by
                // their text (packed look-ups equal text ones: see
                // `word_set`).
                let mut n = WordCounts::default();
                for (i, w) in s.words.iter().enumerate() {
                    n.add(&a, s, i, Packed::of(&w.key));
                }
                let content = s.words.iter().filter(|w| !STOP.contains(&w.key));
                let stems = two.sentence(content.map(|w| w.stem.as_str()), in_introduction);
                proptest::prop_assert_eq!(word_counts(&a, s, &mut one, in_introduction), (n, stems));
            }
        }
    }

    #[test]
    fn connective_features_follow_the_categories() {
        for (c, name) in CATEGORIES.iter().enumerate().take(CONNECTIVES) {
            assert_eq!(FEATURES[OPENS + c].0, format!("opens_{name}"));
            assert_eq!(FEATURES[HAS + c].0, format!("has_{name}"));
        }
        assert_eq!(ix("bias"), 0);
        assert_eq!(index("recounts"), Some(N - 1));
    }
}
