//! One pass over an essay for every pattern of a pack.
//!
//! Each pattern of a pack has branches of clauses of words that any match
//! satisfies ([`Lazy::branches`]). A single Aho-Corasick automaton over all of them
//! finds, in one pass over the folded essay, where each pattern could match;
//! afterwards asking whether a pattern may match in a sentence is a binary
//! search, and the regex runs (and is compiled) only where it might.

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::lazy::Lazy;
use super::literals::has_ascii_fold;
use crate::automaton::Automaton;
use crate::span::Span;

/// The words of every pattern of one pack.
#[derive(Debug, Clone)]
pub struct PatternIndex {
    /// Tells this pack's numbering from another's.
    stamp: u32,
    /// Distinct words, ASCII case-insensitive; searched once an essay, so
    /// a DFA after some essays (a pack's 445 words: 111).
    ac: Automaton,
    /// For each word, the clauses (of all patterns) that list it.
    owners: Vec<Vec<u32>>,
    layout: Arc<Layout>,
    /// An index whose words [`PatternIndex::ac`] also holds (after this
    /// one's), so that one pass finds both's: the facts check's cue words
    /// took a second pass over every essay (2 % of its instructions).
    companion: Option<&'static PatternIndex>,
}

/// Which branches are a pattern's and which clauses a branch's.
#[derive(Debug, Clone, Default, PartialEq)]
struct Layout {
    /// Pattern `i`'s branches are `branches[i]..branches[i + 1]` (none: it
    /// may match anywhere).
    branches: Vec<u32>,
    /// Branch `b`'s clauses are `clauses[b]..clauses[b + 1]`.
    clauses: Vec<u32>,
    /// Whether clause `k`'s words differ in length.
    mixed: Vec<bool>,
}

/// Where an essay holds each clause's words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    stamp: u32,
    /// The text holds a letter that folds onto ASCII: every pattern may match.
    anywhere: bool,
    /// Word hits `(start, end)` grouped by clause, each group by start.
    spans: Vec<(u32, u32)>,
    /// Clause `k`'s hits are `spans[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<u32>,
    /// Whether pattern `i` may match anywhere in the essay: most of a pack's
    /// names never occur, and this answers for them without a search.
    present: Vec<bool>,
    /// The scanned text's length: a span from 0 to it is what
    /// [`Hits::present`] answered for.
    len: u32,
    /// Pattern `i`'s branches' first clauses' hits, together by start, are
    /// `firsts[first_offsets[i]..first_offsets[i + 1]]`. Any match holds
    /// one (a branch needs all its clauses), so a span holding none is
    /// answered with one binary search instead of one a branch: a name has
    /// a dozen branches, and most sentences do not name its person.
    firsts: Vec<(u32, u32)>,
    first_offsets: Vec<u32>,
    layout: Arc<Layout>,
}

static STAMPS: AtomicU32 = AtomicU32::new(1);

impl PatternIndex {
    /// Numbers `patterns` (in order) and indexes their words.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a Lazy>) -> PatternIndex {
        PatternIndex::with_companion(patterns, None)
    }

    /// [`PatternIndex::new`], searching `companion`'s words in the same
    /// pass ([`PatternIndex::scan_both`]).
    pub fn with_companion<'a>(
        patterns: impl IntoIterator<Item = &'a Lazy>,
        companion: Option<&'static PatternIndex>,
    ) -> PatternIndex {
        let stamp = STAMPS.fetch_add(1, Ordering::Relaxed);
        let mut by_word: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut layout = Layout {
            branches: vec![0],
            clauses: vec![0],
            mixed: Vec::new(),
        };
        let mut clause = 0u32;
        for (i, lazy) in patterns.into_iter().enumerate() {
            lazy.number(stamp, i as u32);
            // A branch without clauses may match anywhere, and so may its
            // pattern: indexed without branches (what [`Hits`]'s quick
            // test of first clauses relies on).
            let branches = lazy.branches();
            let branches = if branches.iter().any(Vec::is_empty) {
                &[]
            } else {
                branches
            };
            for branch in branches {
                for words in branch {
                    layout
                        .mixed
                        .push(words.iter().any(|w| w.len() != words[0].len()));
                    for w in words {
                        by_word.entry(w.clone()).or_default().push(clause);
                    }
                    clause += 1;
                }
                layout.clauses.push(clause);
            }
            layout.branches.push(layout.clauses.len() as u32 - 1);
        }
        let (mut words, owners): (Vec<String>, _) = by_word.into_iter().unzip();
        if let Some(c) = companion {
            words.extend_from_slice(c.ac.patterns());
        }
        // A DFA costs about what searches of a quarter as many essays as it
        // has words save (a pack's: some eighty to a hundred essays; the
        // facts check's few cue words: a dozen).
        let dfa_after = words.len() as u32 / 4;
        let mut builder = AhoCorasickBuilder::new();
        builder
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard);
        PatternIndex {
            stamp,
            ac: Automaton::new(builder, words, dfa_after).expect("word set"),
            owners,
            layout: Arc::new(layout),
            companion,
        }
    }

    /// Finds every clause's words in `text` (the folded essay).
    pub fn scan(&self, text: &str) -> Hits {
        self.scan_both(text).0
    }

    /// [`PatternIndex::scan`] for this index and its companion (if any),
    /// in one pass over `text`.
    pub fn scan_both(&self, text: &str) -> (Hits, Option<Hits>) {
        if has_ascii_fold(text) {
            let anywhere = |index: &PatternIndex| Hits {
                stamp: index.stamp,
                anywhere: true,
                layout: index.layout.clone(),
                ..Hits::default()
            };
            return (anywhere(self), self.companion.map(anywhere));
        }
        let mut mine = Found::new(self);
        let mut theirs = self.companion.map(Found::new);
        for m in self.ac.get().find_overlapping_iter(text) {
            let word = m.pattern().as_usize();
            let (found, word) = match (&mut theirs, word.checked_sub(self.owners.len())) {
                (Some(theirs), Some(word)) => (&mut *theirs, word),
                _ => (&mut mine, word),
            };
            found.add(word, m.start() as u32, m.end() as u32);
        }
        (mine.hits(text), theirs.map(|t| t.hits(text)))
    }
}

/// One index's word hits, as a scan finds them.
struct Found<'i> {
    index: &'i PatternIndex,
    /// `(clause, start, end)`, in order of their ends.
    found: Vec<(u32, u32, u32)>,
    /// Clause `k`'s count at `k + 1`.
    offsets: Vec<u32>,
}

impl<'i> Found<'i> {
    fn new(index: &'i PatternIndex) -> Found<'i> {
        let clauses = *index.layout.clauses.last().unwrap_or(&0);
        Found {
            index,
            found: Vec::new(),
            offsets: vec![0u32; clauses as usize + 1],
        }
    }

    /// Word `word` (of this index's) at `start..end`.
    fn add(&mut self, word: usize, start: u32, end: u32) {
        for &k in &self.index.owners[word] {
            self.found.push((k, start, end));
            self.offsets[k as usize + 1] += 1;
        }
    }

    /// The hits, grouped and sorted.
    fn hits(self, text: &str) -> Hits {
        let Found {
            index,
            found,
            mut offsets,
        } = self;
        let clauses = offsets.len() - 1;
        // Bucketed by clause with a counting sort, then each small bucket
        // sorted by start (hits arrive in order of their ends): sorting all
        // of them at once was a third of this scan. A clause whose words
        // are of one length has its hits by start already (start = end -
        // length), and sorting those buckets anyway was 1 % of a run.
        for k in 0..clauses {
            offsets[k + 1] += offsets[k];
        }
        let mut next = offsets.clone();
        let mut spans = vec![(0u32, 0u32); found.len()];
        for &(k, s, e) in &found {
            spans[next[k as usize] as usize] = (s, e);
            next[k as usize] += 1;
        }
        for k in (0..clauses).filter(|&k| index.layout.mixed[k]) {
            spans[offsets[k] as usize..offsets[k + 1] as usize].sort_unstable();
        }
        let mut hits = Hits {
            stamp: index.stamp,
            anywhere: false,
            spans,
            offsets,
            present: Vec::new(),
            len: text.len() as u32,
            firsts: Vec::new(),
            first_offsets: vec![0],
            layout: index.layout.clone(),
        };
        hits.gather_first_clauses();
        let everywhere = Span::new(0, text.len());
        hits.present = (0..index.layout.branches.len().saturating_sub(1))
            .map(|id| hits.search(id, everywhere))
            .collect();
        hits
    }
}

impl Hits {
    /// Whether `lazy` may match inside `within`; `None` when the pattern is
    /// not one of the indexed pack's (the caller tests the text itself).
    pub fn may_match(&self, lazy: &Lazy, within: Span) -> Option<bool> {
        let (stamp, id) = lazy.number_in()?;
        let (id, l) = (id as usize, &self.layout);
        if stamp != self.stamp || id + 1 >= l.branches.len() {
            return None;
        }
        if self.anywhere {
            return Some(true);
        }
        // The whole essay was searched for `present` already: the checks
        // ask about it for every pattern (3 M instructions on c200).
        let whole = within.start == 0 && within.end as u32 >= self.len;
        Some(self.present.get(id).is_none_or(|&p| p) && (whole || self.search(id, within)))
    }

    /// Fills [`Hits::firsts`] from the clauses' hits.
    fn gather_first_clauses(&mut self) {
        let l = &self.layout;
        let mut firsts = Vec::new();
        for id in 0..l.branches.len().saturating_sub(1) {
            let from = firsts.len();
            for b in l.branches[id] as usize..l.branches[id + 1] as usize {
                firsts.extend_from_slice(self.clause_hits(l.clauses[b] as usize));
            }
            firsts[from..].sort_unstable();
            self.first_offsets.push(firsts.len() as u32);
        }
        self.firsts = firsts;
    }

    /// Whether every clause of one of pattern `id`'s branches has a word
    /// inside `within` (a pattern without branches may match anywhere).
    fn search(&self, id: usize, within: Span) -> bool {
        self.first_clause_inside(id, within) && self.branch_met(id, within)
    }

    /// Whether a first clause of one of pattern `id`'s branches has a word
    /// inside `within`: what [`Hits::branch_met`] needs, and cheaper.
    fn first_clause_inside(&self, id: usize, within: Span) -> bool {
        let l = &self.layout;
        l.branches[id] == l.branches[id + 1]
            || any_inside(
                &self.firsts[self.first_offsets[id] as usize..self.first_offsets[id + 1] as usize],
                within,
            )
    }

    /// [`Hits::search`]'s answer, branch by branch.
    fn branch_met(&self, id: usize, within: Span) -> bool {
        let l = &self.layout;
        let branches = l.branches[id] as usize..l.branches[id + 1] as usize;
        if branches.is_empty() {
            return true;
        }
        let inside = |k: usize| any_inside(self.clause_hits(k), within);
        branches
            .into_iter()
            .any(|b| (l.clauses[b] as usize..l.clauses[b + 1] as usize).all(inside))
    }

    /// Clause `k`'s hits, by start.
    fn clause_hits(&self, k: usize) -> &[(u32, u32)] {
        &self.spans[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }
}

/// Whether one of `hits` (by start) lies inside `within`.
fn any_inside(hits: &[(u32, u32)], within: Span) -> bool {
    let (start, end) = (within.start as u32, within.end as u32);
    let from = hits.partition_point(|h| h.0 < start);
    hits[from..]
        .iter()
        .take_while(|h| h.0 < end)
        .any(|h| h.1 <= end)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn hits_agree_with_each_pattern_alone() {
        let pats = vec![
            Lazy::new(r"\bRed\s+Army\b"),
            Lazy::new(r"\bthe\s+Red\s+Terror"),
            Lazy::new(r"(?:a|b)c"),
            Lazy::new(r"Kerensk\w*|\bLvov"),
        ];
        let index = PatternIndex::new(pats.iter());
        let text = "The RED TERROR began. Lvov resigned; the red army grew. ac";
        let hits = index.scan(text);
        let units = [
            Span::new(0, 21),
            Span::new(22, 36),
            Span::new(38, 55),
            Span::new(56, 58),
        ];
        for p in &pats {
            for u in units {
                let alone = p.is_match(u.slice(text));
                let may = hits.may_match(p, u).unwrap();
                assert!(may || !alone, "{p:?} in {:?}", u.slice(text));
            }
        }
        assert_eq!(hits.may_match(&pats[0], units[0]), Some(false));
        assert_eq!(hits.may_match(&pats[1], units[0]), Some(true));
        assert_eq!(hits.may_match(&pats[2], units[0]), Some(true));
        assert_eq!(hits.may_match(&Lazy::new("Red"), units[0]), None);
        let kelvin = index.scan("the \u{212A}erensky years");
        assert_eq!(kelvin.may_match(&pats[0], Span::new(0, 5)), Some(true));
    }

    /// The russia pack's people and events, indexed afresh.
    fn pack_patterns() -> Vec<Lazy> {
        let pack = &crate::topics::builtins()[0];
        (pack.people.iter().map(|p| &p.names))
            .chain(pack.events.iter().map(|e| &e.matcher))
            .map(|l| Lazy::new(l.as_str()))
            .collect()
    }

    /// Text of the pack's names and their parts, cut and typed in odd ways.
    pub(in crate::topics) fn name_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let words = proptest::sample::select(vec![
            "Trotsky",
            "TROTSKY",
            "trotskyism",
            "Leon",
            "Lev",
            "Davidovich",
            "Bronstein",
            "Lenin",
            "V.",
            "I.",
            "V.I.",
            "Ilyich",
            "Kerensky",
            "Kerenskii",
            "Lvov",
            "L'vov",
            "L’vov",
            "Kamenev",
            "Red",
            "Army",
            "Terror",
            "October",
            "Revolution",
            "February",
            "Brest-Litovsk",
            "Brest",
            "Litovsk",
            "Treaty",
            "of",
            "the",
            "Civil",
            "War",
            "Kronstadt",
            "rebellion",
            "\u{212A}erensky",
            "Trotſky",
            "Kérensky",
            "—",
            "-",
            "–",
            "“",
            "”",
            "\"",
            "'",
            ".",
            ";",
            ",",
            "\n\n",
            "\t",
            "1917",
            "ł",
        ]);
        proptest::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        /// Looking at the first clauses first never changes the answer.
        #[test]
        fn first_clauses_answer_as_every_branch_would(
            text in name_soup(),
            cuts in proptest::collection::vec(0.0..=1.0f64, 2..12),
        ) {
            let pats = pack_patterns();
            let index = PatternIndex::new(pats.iter());
            let hits = index.scan(&text);
            let mut at: Vec<usize> = cuts
                .iter()
                .map(|c| (c * text.len() as f64) as usize)
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            // Also the whole text, which `present` answers.
            at.extend([0, text.len()]);
            at.sort();
            for w in at.windows(2).chain([[0, text.len()].as_slice()]) {
                let within = Span::new(w[0], w[1]);
                for p in &pats {
                    let id = p.number_in().unwrap().1 as usize;
                    let naive = hits.anywhere || hits.branch_met(id, within);
                    proptest::prop_assert_eq!(
                        hits.may_match(p, within),
                        Some(naive),
                        "{:?} in {:?}", p, within.slice(&text)
                    );
                }
            }
        }
    }

    /// `hits` without its index's stamp, to compare with another index's.
    fn unstamped(mut hits: Hits) -> Hits {
        hits.stamp = 0;
        hits
    }

    proptest::proptest! {
        /// One pass for an index and its companion finds what a pass for
        /// each finds, also for words both hold ("Lenin", "Red").
        #[test]
        fn a_companion_is_found_as_by_its_own_scan(text in name_soup()) {
            let cues = [Lazy::new(r"\bLenin\w*"), Lazy::new(r"\b(?:Red|October)\b"), Lazy::new(r"Treaty\s+of")];
            let companion: &'static PatternIndex = Box::leak(Box::new(PatternIndex::new(cues.iter())));
            let pats = pack_patterns();
            let alone = PatternIndex::new(pats.iter()).scan(&text);
            let (mine, theirs) = PatternIndex::with_companion(pats.iter(), Some(companion)).scan_both(&text);
            proptest::prop_assert_eq!(unstamped(mine), unstamped(alone));
            proptest::prop_assert_eq!(theirs, Some(companion.scan(&text)));
        }
    }

    proptest::proptest! {
        /// Only buckets of words of mixed lengths need sorting: the others
        /// come out by start as they are.
        #[test]
        fn every_clause_has_its_hits_by_start(text in name_soup()) {
            let mut pats = pack_patterns();
            // A clause of nested words: "vido" ends (and so arrives)
            // before "Davidovich" but starts after it.
            pats.push(Lazy::new(r"(?:Davidovich|vido)\b"));
            let hits = PatternIndex::new(pats.iter()).scan(&text);
            for k in 0..hits.offsets.len().saturating_sub(1) {
                proptest::prop_assert!(hits.clause_hits(k).is_sorted(), "clause {k}");
            }
        }
    }

    #[test]
    fn scans_are_the_same_once_the_index_has_its_dfa() {
        let pats = pack_patterns();
        let index = PatternIndex::new(pats.iter());
        let texts = [
            include_str!("../../samples/strong.txt"),
            include_str!("../../samples/planted-errors.txt"),
            "Trotsky's Red Army; KERENSKY fled. lenin, Lenin-ism, the Cheka",
        ];
        let first: Vec<Hits> = texts.iter().map(|t| index.scan(t)).collect();
        for _ in 0..100 {
            index.scan("Lenin");
        }
        let later: Vec<Hits> = texts.iter().map(|t| index.scan(t)).collect();
        assert_eq!(first, later);
    }
}
