//! The date grammar over tokens. Every form is tried at a token with a
//! look-ahead of at most a few dozen tokens, so a scan is linear.
//!
//! Forms are "atoms" (one date: "25 October 1917", "the 1920s"), joined into
//! ranges ("1918–21", "between 1914 and 1924"), widened by Old/New Style
//! asides ("25 October (7 November) 1917"), and finally resolved against the
//! context year when the text left the year out ("in August").

use std::cell::Cell;

use super::lex::{Kind, Tok};
use super::words::*;
use super::{Interval, Precision, Ymd};

/// Look-ahead bounds; they keep the scan linear on hostile input.
const PAREN_MAX: usize = 20;
const YEAR_SEEK_MAX: usize = 14;
const NAMING_BACK_MAX: usize = 12;
const NAMING_FWD_MAX: usize = 10;

/// State carried from one date (and one region) to the next.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Context {
    /// The year the narrative is in, for "in August" and "a year later".
    pub year: Option<i32>,
    /// The month it is in, when the last date was that precise, for "the
    /// following spring" and "the next month".
    pub month: Option<u8>,
}

/// A found date, in token indices `[s, e)` of one region.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub s: usize,
    pub e: usize,
    pub interval: Interval,
    pub precision: Precision,
    pub inferred: bool,
    pub naming_aside: bool,
}

/// Months and days within some year: the part of a date that does not need
/// the year. A day of 0 means the whole month (first or last day). `m2 < m1`
/// wraps into the next year (winter, "October to March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Md {
    m1: u8,
    d1: u8,
    m2: u8,
    d2: u8,
}

impl Md {
    /// A Northern season's months; "fall" only where it cannot be the verb
    /// or noun ("the fall of the Tsar").
    fn season(word: &str, fall: bool) -> Option<Md> {
        let (m1, m2) = match word {
            "spring" => (3, 5),
            "summer" => (6, 8),
            "autumn" => (9, 11),
            "fall" if fall => (9, 11),
            "winter" => (12, 2),
            _ => return None,
        };
        Some(Md {
            m1,
            d1: 0,
            m2,
            d2: 0,
        })
    }

    const fn month(m: u8) -> Md {
        Md {
            m1: m,
            d1: 0,
            m2: m,
            d2: 0,
        }
    }

    const fn day(m: u8, d: u8) -> Md {
        Md {
            m1: m,
            d1: d,
            m2: m,
            d2: d,
        }
    }

    fn wraps(self) -> bool {
        self.m2 < self.m1
    }

    /// The days this covers when it starts in `year`; `None` for days that do
    /// not exist (30 February) or a backwards range (26–25 October).
    fn at(self, year: i32) -> Option<Interval> {
        let year2 = if self.wraps() { year + 1 } else { year };
        let start = if self.d1 == 0 {
            Ymd::new(year, self.m1, 1)
        } else {
            Ymd::new(year, self.m1, self.d1)
        };
        let end = if self.d2 == 0 {
            Ymd::month_end(year2, self.m2)
        } else {
            Ymd::new(year2, self.m2, self.d2)
        };
        (start.is_valid() && end.is_valid() && start <= end).then_some(Interval { start, end })
    }

    /// Both within one year: from the earlier start to the later end. Only
    /// for non-wrapping parts (an Old/New Style pair is days apart).
    fn cover(self, other: Md) -> Option<Md> {
        if self.wraps() || other.wraps() {
            return None;
        }
        let key_start = |m: Md| (m.m1, m.d1.max(1));
        let key_end = |m: Md| (m.m2, if m.d2 == 0 { 32 } else { m.d2 });
        let a = if key_start(self) <= key_start(other) {
            self
        } else {
            other
        };
        let b = if key_end(self) >= key_end(other) {
            self
        } else {
            other
        };
        Some(Md {
            m1: a.m1,
            d1: a.d1,
            m2: b.m2,
            d2: b.d2,
        })
    }
}

/// A date before resolution: either complete, or months/days that may still
/// lack their year.
#[derive(Debug, Clone, Copy)]
enum When {
    Abs(Interval),
    Part(Md, Option<i32>),
}

/// What an atom is, where the grammar treats kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ak {
    /// A plain year ("1918"): may take a two-digit range end ("–21").
    Year,
    /// A month name alone: a date only after a trigger word.
    BareMonth,
    /// A season with neither year nor article: needs a trigger too.
    BareSeason,
    /// A day number with no month, only as the left end of "25–26 October".
    BareDay(u8),
    /// A day with its month (with or without year).
    Day,
    Other,
}

/// A candidate date in token indices `[s, e)`.
#[derive(Debug, Clone, Copy)]
struct Cand {
    s: usize,
    e: usize,
    when: When,
    prec: Precision,
    kind: Ak,
    /// Context supplied part of the value (e.g. the century of "the '20s").
    inferred: bool,
}

/// Part of a period named by "early", "mid", "late", "the end of" …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Third {
    Early,
    Mid,
    Late,
}

/// Scans one region's tokens, updating the context as dates are read.
pub(super) fn scan(toks: &[Tok], ctx: &mut Context) -> Vec<Hit> {
    scan_with(toks, ctx, Some(core_counts(toks)))
}

/// [`scan`], with or without the shortcuts of [`P::core_near`],
/// [`P::may_lead_atom`] and [`P::may_lead_hit`] (the tests check that they
/// never change a result).
fn scan_with(toks: &[Tok], ctx: &mut Context, core: Option<Vec<u32>>) -> Vec<Hit> {
    let p = P {
        t: toks,
        core,
        thirds: Default::default(),
    };
    let mut out: Vec<Hit> = Vec::new();
    let mut i = 0;
    let mut last_end: Option<usize> = None;
    while i < toks.len() {
        let Some(hit) = p.hit_at(i, *ctx, last_end) else {
            i += 1;
            continue;
        };
        if !hit.naming_aside {
            update_context(ctx, &hit);
        }
        last_end = Some(hit.e);
        i = hit.e.max(i + 1);
        out.push(hit);
    }
    out
}

/// A precise date sets the narrative year; a span of many years, a decade or
/// a century does not (after "1914–24", "in August" has no clear year).
fn update_context(ctx: &mut Context, hit: &Hit) {
    let iv = hit.interval;
    if hit.precision <= Precision::Year && iv.end.year - iv.start.year <= 1 {
        ctx.year = Some(iv.end.year);
        ctx.month = (hit.precision <= Precision::Season).then_some(iv.end.month);
    }
}

struct P<'a> {
    t: &'a [Tok],
    /// `core[k]`: how many of the first `k` tokens are [`is_core`].
    core: Option<Vec<u32>>,
    /// The last [`P::third_at`] answer for an even and for an odd token: the
    /// atom forms ask it of the same one or two tokens up to five times.
    thirds: [Cell<Option<(usize, ThirdAt)>>; 2],
}

/// What [`P::third_at`] finds: the part and the token after its words.
type ThirdAt = Option<(Third, usize)>;

/// How far into a date its first core token can lie: "from the end of
/// 1917" (5), "between the early 1920s" (4); a margin on top.
const CORE_REACH: usize = 8;

/// A set of words for a cheap test per token.
type Words = std::sync::LazyLock<TokenWords>;

/// Month names and abbreviations, century ordinals, seasons and "twenty":
/// the words both a date's core and its first token can be.
fn month_century_and_season_words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .iter()
        .copied()
        .chain(MONTH_ABBREVS.iter().map(|(w, _)| *w))
        .chain(CENTURY_ORDINALS.iter().map(|(w, _)| *w))
        .chain(["spring", "summer", "autumn", "fall", "winter", "twenty"])
}

/// Tokens every date form needs near its start: a number, or a month,
/// season, decade or century word.
fn is_core(t: &Tok) -> bool {
    static WORDS: Words = Words::new(|| {
        month_century_and_season_words()
            .chain(DECADE_WORDS.iter().map(|(w, _)| *w))
            .chain(["century"])
            .collect()
    });
    match &t.kind {
        Kind::Num { .. } => true,
        Kind::Word { key, .. } => WORDS.contains(key.as_str()),
        Kind::Punct(_) => false,
    }
}

/// The words an atom form can start with: articles and the words of
/// [`P::third_at`], months, seasons and century ordinals.
static ATOM_LEAD_WORDS: Words = Words::new(|| atom_lead_words().collect());

fn atom_lead_words() -> impl Iterator<Item = &'static str> {
    month_century_and_season_words().chain([
        "the",
        "that",
        "early",
        "mid",
        "middle",
        "late",
        "beginning",
        "start",
        "outset",
        "end",
        "close",
    ])
}

/// The words any hit can start with: those of an atom, the range lead-ins
/// "from" and "between", and the counts of [`P::relative`] (its articles
/// "the" and "that" are an atom's too).
static HIT_LEAD_WORDS: Words = Words::new(|| {
    atom_lead_words()
        .chain(["from", "between"])
        .chain(NUMBER_WORDS.iter().map(|(w, _)| *w))
        .collect()
});

fn core_counts(toks: &[Tok]) -> Vec<u32> {
    let mut counts = Vec::with_capacity(toks.len() + 1);
    let mut n = 0;
    counts.push(n);
    for t in toks {
        n += u32::from(is_core(t));
        counts.push(n);
    }
    counts
}

impl P<'_> {
    // ---- token helpers -------------------------------------------------

    /// Whether a core token lies within [`CORE_REACH`] of `i`: no date
    /// starts where none does, and most tokens are skipped this way (trying
    /// every form at every token was most of the date parser's time).
    fn core_near(&self, i: usize) -> bool {
        self.core.as_ref().is_none_or(|c| {
            let end = (i + CORE_REACH).min(c.len() - 1);
            c.get(end).zip(c.get(i)).is_none_or(|(a, b)| a > b)
        })
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.t.get(i).map(|t| &t.kind) {
            Some(Kind::Word { key, .. }) => Some(key.as_str()),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|w| list.contains(&w))
    }

    fn is_cap(&self, i: usize) -> bool {
        matches!(
            self.t.get(i).map(|t| &t.kind),
            Some(Kind::Word { cap: true, .. })
        )
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i).map(|t| &t.kind) {
            Some(Kind::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.t.get(i).map(|t| &t.kind) {
            Some(Kind::Num { val, digits }) => Some((*val, *digits)),
            _ => None,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        self.num(i).is_some()
    }

    /// Token `i` exists and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.gap) && i > 0
    }

    /// The number at `i` is not glued to a word or another number after it
    /// ("21," is fine, "21st" and "21.5" are not).
    fn stands_alone(&self, i: usize) -> bool {
        if !self.glued(i + 1) {
            return true;
        }
        match &self.t[i + 1].kind {
            Kind::Punct('.' | ',' | ':' | '/' | '-') => !(self.glued(i + 2) && self.is_num(i + 2)),
            Kind::Punct(_) => true,
            _ => false,
        }
    }

    // ---- numbers ---------------------------------------------------------

    /// A four-digit year 1000–2099 at `i`, unless it is a count, a page
    /// number or part of a longer number or identifier.
    fn year_at(&self, i: usize) -> Option<i32> {
        let (v, digits) = self.num(i)?;
        if digits != 4 || !(1000..=2099).contains(&v) {
            return None;
        }
        if self.glued(i) {
            match &self.t[i - 1].kind {
                Kind::Num { .. } | Kind::Word { .. } => return None,
                Kind::Punct(c) => match c {
                    '.' | ',' | ':' | '/' if self.glued(i - 1) && self.is_num(i - 2) => {
                        return None;
                    }
                    '$' | '£' | '€' | '¥' | '#' | '§' => return None,
                    '-' if self.glued(i - 1) => match &self.t[i - 2].kind {
                        Kind::Word { key, .. } if !YEAR_HYPHEN_PREFIXES.contains(&key.as_str()) => {
                            return None;
                        }
                        // "12-1917" is a reference, but "1914-1918" a range.
                        Kind::Num { digits, .. } if *digits != 4 => return None,
                        _ => {}
                    },
                    _ => {}
                },
            }
        }
        if self.glued(i + 1) {
            match &self.t[i + 1].kind {
                Kind::Num { .. } | Kind::Word { .. } => return None,
                Kind::Punct(c) => match c {
                    '.' | ',' | ':' if self.glued(i + 2) && self.is_num(i + 2) => return None,
                    '%' => return None,
                    _ => {}
                },
            }
        }
        let after_prep = i > 0 && self.word_in(i - 1, &YEAR_PREPS);
        if self.word_in(i + 1, &UNIT_NOUNS) || self.word_in(i + 1, &COUNT_NOUNS) && !after_prep {
            return None;
        }
        if self.word_in(i + 1, &["bc", "bce"]) || self.page_before(i) {
            return None;
        }
        i32::try_from(v).ok()
    }

    /// "p. 1917", "pp. 1917–20", "page 1920", "pp. 12, 1917": the number is
    /// a page, and so is every number listed after one.
    fn page_before(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            if k == 0 {
                return false;
            }
            if self.word_in(k - 1, &PAGE_WORDS) {
                return true;
            }
            if k >= 2
                && self.is_punct(k - 1, '.')
                && (self.word_in(k - 2, &PAGE_WORDS) || self.word_in(k - 2, &PAGE_ABBREVS))
            {
                return true;
            }
            let joiner = matches!(self.punct(k - 1), Some('-' | ',' | '/'))
                || self.word_in(k - 1, &["and", "to"]);
            if joiner && k >= 2 && self.is_num(k - 2) {
                k -= 2;
            } else {
                return false;
            }
        }
        false
    }

    /// A day number 1–31 at `i`, with an optional glued ordinal ending;
    /// returns the day and the next token.
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        let (v, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&v) {
            return None;
        }
        if self.glued(i) {
            match &self.t[i - 1].kind {
                Kind::Num { .. } | Kind::Word { .. } => return None,
                Kind::Punct('.' | ',' | ':' | '/' | '$' | '£' | '#') => return None,
                _ => {}
            }
        }
        let mut j = i + 1;
        if self.glued(j) {
            match &self.t[j].kind {
                Kind::Word { key, .. } if matches!(key.as_str(), "st" | "nd" | "rd" | "th") => {
                    j += 1;
                }
                Kind::Word { .. } | Kind::Num { .. } => return None,
                Kind::Punct('.' | ',' | ':' | '/') if self.glued(j + 1) && self.is_num(j + 1) => {
                    return None;
                }
                _ => {}
            }
        }
        Some((u8::try_from(v).ok()?, j))
    }

    /// A month name at `i`: (month, next token, written in full). Abbreviations
    /// must be capitalised and may carry a full stop.
    fn month_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let w = self.word(i)?;
        if let Some(pos) = MONTHS.iter().position(|m| *m == w) {
            return Some((pos as u8 + 1, i + 1, true));
        }
        if !self.is_cap(i) {
            return None;
        }
        let &(_, m) = MONTH_ABBREVS.iter().find(|(a, _)| *a == w)?;
        let next = if self.is_punct(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((m, next, false))
    }

    /// "early", "mid", "mid-", "late", "the end of", "the beginning of" …
    fn third_at(&self, i: usize) -> ThirdAt {
        let memo = &self.thirds[i % 2];
        match memo.get() {
            Some((at, third)) if at == i => third,
            _ => {
                let third = self.find_third(i);
                memo.set(Some((i, third)));
                third
            }
        }
    }

    fn find_third(&self, i: usize) -> ThirdAt {
        let w = self.word(i)?;
        let simple = match w {
            "early" => Some(Third::Early),
            "mid" | "middle" if !self.is_word(i + 1, "of") => Some(Third::Mid),
            "late" => Some(Third::Late),
            _ => None,
        };
        if let Some(third) = simple {
            let next = if self.is_punct(i + 1, '-') && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            return Some((third, next));
        }
        let j = if w == "the" { i + 1 } else { i };
        let third = match self.word(j)? {
            "beginning" | "start" | "outset" => Third::Early,
            "middle" => Third::Mid,
            "end" | "close" => Third::Late,
            _ => return None,
        };
        self.is_word(j + 1, "of").then_some((third, j + 2))
    }

    // ---- atoms -------------------------------------------------------------

    /// The longest single date starting at `i`; of equally long ones, the
    /// form tried last. Kept as it goes: building and searching an array of
    /// every form's answer was a fifth of an atom's cost.
    fn atom(&self, i: usize, ctx: Context) -> Option<Cand> {
        if self.core.is_some() && !self.may_lead_atom(i) {
            return None;
        }
        let mut best: Option<Cand> = None;
        let mut keep = |c: Option<Cand>| {
            if let Some(c) = c
                && best.is_none_or(|b| c.e >= b.e)
            {
                best = Some(c);
            }
        };
        keep(self.century(i));
        keep(self.decade(i, ctx));
        keep(self.part_year(i));
        keep(self.season(i));
        keep(self.day_month(i));
        keep(self.month_day(i));
        keep(self.month_year(i));
        keep(self.iso(i));
        keep(self.slashed(i));
        keep(self.plain_year(i));
        best
    }

    /// Whether some atom form can start at `i`: a number, the apostrophe
    /// of "'20s", or one of [`ATOM_LEAD_WORDS`]. Part of the shortcut of
    /// [`P::core_near`]: trying every form at every word near a number was
    /// most of an atom's cost.
    fn may_lead_atom(&self, i: usize) -> bool {
        match self.t.get(i).map(|t| &t.kind) {
            Some(Kind::Num { .. } | Kind::Punct('\'')) => true,
            Some(Kind::Word { key, .. }) => ATOM_LEAD_WORDS.contains(key.as_str()),
            _ => false,
        }
    }

    /// Whether any hit can start at `i`: a number, the apostrophe of
    /// "'20s", or one of [`HIT_LEAD_WORDS`]. One set test instead of the
    /// relative forms' word comparisons and the range lead-ins at every
    /// word, which were about a quarter of the date parser's time.
    fn may_lead_hit(&self, i: usize) -> bool {
        match self.t.get(i).map(|t| &t.kind) {
            Some(Kind::Num { .. } | Kind::Punct('\'')) => true,
            Some(Kind::Word { key, .. }) => HIT_LEAD_WORDS.contains(key.as_str()),
            _ => false,
        }
    }

    fn plain_year(&self, i: usize) -> Option<Cand> {
        let y = self.year_at(i)?;
        Some(Cand {
            s: i,
            e: i + 1,
            when: When::Abs(Interval::year(y)),
            prec: Precision::Year,
            kind: Ak::Year,
            inferred: false,
        })
    }

    /// "early 1917", "mid-1917", "the end of 1917": thirds of a year.
    fn part_year(&self, i: usize) -> Option<Cand> {
        let (third, j) = self.third_at(i)?;
        let y = self.year_at(j)?;
        let (m1, m2) = match third {
            Third::Early => (1, 4),
            Third::Mid => (5, 8),
            Third::Late => (9, 12),
        };
        Some(Cand {
            s: i,
            e: j + 1,
            when: When::Abs(Interval::months(y, m1, y, m2)),
            prec: Precision::Season,
            kind: Ak::Other,
            inferred: false,
        })
    }

    /// "[the] [early] 1920s", "the 1920's", "the '20s", "the twenties".
    fn decade(&self, i: usize, ctx: Context) -> Option<Cand> {
        let has_the = self.is_word(i, "the");
        let mut j = if has_the { i + 1 } else { i };
        let third = self.third_at(j).filter(|(_, n)| *n == j + 1 || *n == j + 2);
        if let Some((_, n)) = third {
            j = n;
        }
        let third = third.map(|(t, _)| t);
        let mut inferred = false;
        let (start, e) = if let Some((v, 4)) = self.num(j) {
            if v % 10 != 0 || !(1000..=2090).contains(&v) {
                return None;
            }
            if self.glued(j) && matches!(self.t[j - 1].kind, Kind::Word { .. } | Kind::Num { .. }) {
                return None;
            }
            if self.glued(j + 1) && self.is_word(j + 1, "s") {
                (v as i32, j + 2)
            } else if self.glued(j + 1)
                && self.is_punct(j + 1, '\'')
                && self.glued(j + 2)
                && self.is_word(j + 2, "s")
                && (has_the || third.is_some())
            {
                // Without "the", "1920's" is more often a possessive year.
                (v as i32, j + 3)
            } else {
                return None;
            }
        } else if self.is_punct(j, '\'') {
            let (v, digits) = self.num(j + 1)?;
            if digits != 2 || v % 10 != 0 || !self.glued(j + 1) {
                return None;
            }
            if !(self.glued(j + 2) && self.is_word(j + 2, "s")) {
                return None;
            }
            let century = match ctx.year {
                Some(y) => {
                    inferred = true;
                    y.div_euclid(100) * 100
                }
                None => 1900,
            };
            (century + v as i32, j + 3)
        } else if has_the {
            let &(_, d) = DECADE_WORDS.iter().find(|(w, _)| self.is_word(j, w))?;
            let century = match ctx.year {
                Some(y) => {
                    inferred = true;
                    y.div_euclid(100) * 100
                }
                None => 1900,
            };
            (century + d, j + 1)
        } else {
            return None;
        };
        let (a, b) = match third {
            None => (0, 9),
            Some(Third::Early) => (0, 3),
            Some(Third::Mid) => (4, 6),
            Some(Third::Late) => (7, 9),
        };
        Some(Cand {
            s: i,
            e,
            when: When::Abs(Interval::years(start + a, start + b)),
            prec: Precision::Decade,
            kind: Ak::Other,
            inferred,
        })
    }

    /// "[the] [early] twentieth century", "the 19th-century …".
    fn century(&self, i: usize) -> Option<Cand> {
        let mut j = if self.is_word(i, "the") { i + 1 } else { i };
        let third = self.third_at(j).filter(|(_, n)| *n == j + 1 || *n == j + 2);
        if let Some((_, n)) = third {
            j = n;
        }
        let (n, after) =
            if let Some(&(_, n)) = CENTURY_ORDINALS.iter().find(|(w, _)| self.is_word(j, w)) {
                (n, j + 1)
            } else if self.is_word(j, "twenty") {
                let k = if self.is_punct(j + 1, '-') {
                    j + 2
                } else {
                    j + 1
                };
                if !self.is_word(k, "first") {
                    return None;
                }
                (21, k + 1)
            } else {
                let (v, digits) = self.num(j)?;
                if digits != 2 || !(11..=21).contains(&v) || !self.glued(j + 1) {
                    return None;
                }
                let suffix_ok = match v {
                    21 => self.is_word(j + 1, "st"),
                    _ => self.is_word(j + 1, "th"),
                };
                if !suffix_ok {
                    return None;
                }
                (v as i32, j + 2)
            };
        let k = if self.is_punct(after, '-') {
            after + 1
        } else {
            after
        };
        if !self.is_word(k, "century") {
            return None;
        }
        let first = (n - 1) * 100;
        let (a, b) = match third.map(|(t, _)| t) {
            None => (0, 99),
            Some(Third::Early) => (0, 33),
            Some(Third::Mid) => (34, 66),
            Some(Third::Late) => (67, 99),
        };
        Some(Cand {
            s: i,
            e: k + 1,
            when: When::Abs(Interval::years(first + a, first + b)),
            prec: Precision::Century,
            kind: Ak::Other,
            inferred: false,
        })
    }

    /// "[the] [early] spring [of] [1918]", "the winter of 1917–18".
    fn season(&self, i: usize) -> Option<Cand> {
        let has_the = self.word_in(i, &["the", "that"]);
        let mut j = if has_the { i + 1 } else { i };
        if let Some((_, n)) = self.third_at(j).filter(|(_, n)| *n == j + 1 || *n == j + 2) {
            j = n;
        }
        let md = Md::season(self.word(j)?, true)?;
        let is_fall = self.is_word(j, "fall");
        let mut k = j + 1;
        let has_of = self.is_word(k, "of");
        if has_of {
            k += 1;
        }
        let cand = |e, when, kind| Cand {
            s: i,
            e,
            when,
            prec: Precision::Season,
            kind,
            inferred: false,
        };
        if let Some(y) = self.year_at(k) {
            // "the winter of 1917–18" is one winter, not a range of them.
            let mut e = k + 1;
            if md.m1 == 12 && matches!(self.punct(e), Some('-' | '/')) {
                let next = self.num(e + 1).and_then(|(v, d)| match d {
                    2 => Some(y.div_euclid(100) * 100 + v as i32),
                    4 => Some(v as i32),
                    _ => None,
                });
                if next == Some(y + 1) {
                    e += 2;
                }
            }
            return Some(cand(e, When::Part(md, Some(y)), Ak::Other));
        }
        // "the fall of …" is a collapse far more often than an autumn.
        if is_fall || has_of {
            return None;
        }
        let kind = if has_the { Ak::Other } else { Ak::BareSeason };
        Some(cand(j + 1, When::Part(md, None), kind))
    }

    /// "25 October 1917", "25th of October, 1917", "4 May".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let (d, mut j) = self.day_at(i)?;
        if self.is_word(j, "of") {
            j += 1;
        }
        let (m, k, _) = self.month_at(j)?;
        let (year, e) = self.year_after(k);
        // Lower-case "may"/"march" after a number is a verb ("9 march"):
        // only trust it with a year.
        if year.is_none() && !self.is_cap(j) {
            return None;
        }
        self.day_cand(i, e, Md::day(m, d), year)
    }

    /// "October 25, 1917", "October 25–26, 1917", "October 25".
    fn month_day(&self, i: usize) -> Option<Cand> {
        let (m, j, _) = self.month_at(i)?;
        let (d, mut k) = self.day_at(j)?;
        let mut md = Md::day(m, d);
        if self.is_punct(k, '-')
            && let Some((d2, n)) = self.day_at(k + 1)
        {
            md.d2 = d2;
            k = n;
        }
        let (year, e) = self.year_after(k);
        if year.is_none() && !self.is_cap(i) {
            return None;
        }
        self.day_cand(i, e, md, year)
    }

    /// An optional ", 1917" / "1917" / "of 1917" after a day or month.
    fn year_after(&self, k: usize) -> (Option<i32>, usize) {
        let j = if self.is_punct(k, ',') || self.is_word(k, "of") {
            k + 1
        } else {
            k
        };
        match self.year_at(j) {
            Some(y) => (Some(y), j + 1),
            None => (None, k),
        }
    }

    fn day_cand(&self, s: usize, e: usize, md: Md, year: Option<i32>) -> Option<Cand> {
        // Day numbers must exist: in a leap year when the year is unknown.
        md.at(year.unwrap_or(2000))?;
        Some(Cand {
            s,
            e,
            when: When::Part(md, year),
            prec: Precision::Day,
            kind: Ak::Day,
            inferred: false,
        })
    }

    /// "October 1917", "Oct. 1917", "late October 1917", "early September",
    /// "August" (bare: the caller asks for a trigger word).
    fn month_year(&self, i: usize) -> Option<Cand> {
        let third = self.third_at(i);
        let j = third.map_or(i, |(_, n)| n);
        let (m, k, full) = self.month_at(j)?;
        let mut md = Md::month(m);
        match third.map(|(t, _)| t) {
            Some(Third::Early) => md.d2 = 10,
            Some(Third::Mid) => (md.d1, md.d2) = (11, 20),
            Some(Third::Late) => md.d1 = 21,
            None => {}
        }
        let (year, e) = self.year_after(k);
        if year.is_none() && (!full || !self.is_cap(j)) {
            return None;
        }
        let kind = if year.is_none() && third.is_none() {
            Ak::BareMonth
        } else {
            Ak::Other
        };
        Some(Cand {
            s: i,
            e,
            when: When::Part(md, year),
            prec: Precision::Month,
            kind,
            inferred: false,
        })
    }

    /// ISO "1917-10-25".
    fn iso(&self, i: usize) -> Option<Cand> {
        let y = self.year_at(i)?;
        let two = |k: usize| {
            self.num(k)
                .filter(|&(_, d)| d == 2 && self.glued(k))
                .map(|(v, _)| v)
        };
        if !(self.is_punct(i + 1, '-') && self.glued(i + 1) && self.is_punct(i + 3, '-')) {
            return None;
        }
        let m = two(i + 2)?;
        let d = two(i + 4)?;
        if !self.glued(i + 3) || !self.stands_alone(i + 4) {
            return None;
        }
        let md = Md::day(u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        self.day_cand(i, i + 5, md, Some(y))
    }

    /// British numeric "25/10/1917" (day first).
    fn slashed(&self, i: usize) -> Option<Cand> {
        // Not `day_at`: that refuses a day glued to "/" and more digits.
        let (d, digits) = self.num(i)?;
        let j = i + 1;
        if digits > 2 || !self.is_punct(j, '/') || !self.glued(j) {
            return None;
        }
        if self.glued(i) && !matches!(self.t[i - 1].kind, Kind::Punct('(' | '[' | '"' | '\'')) {
            return None;
        }
        let d = u8::try_from(d).ok()?;
        let (m, md) = self.num(j + 1)?;
        if md > 2 || !self.glued(j + 1) || !self.is_punct(j + 2, '/') || !self.glued(j + 2) {
            return None;
        }
        let (y, yd) = self.num(j + 3)?;
        if yd != 4 || !self.glued(j + 3) || !(1000..=2099).contains(&y) || !self.stands_alone(j + 3)
        {
            return None;
        }
        let md = Md::day(u8::try_from(m).ok()?, d);
        self.day_cand(i, j + 4, md, Some(y as i32))
    }

    // ---- ranges and asides ---------------------------------------------

    /// A connector between two ends of a range at `k`; returns the token after.
    fn connector(&self, k: usize, between: bool) -> Option<(usize, bool)> {
        if self.is_punct(k, '-') {
            // "--" typed for a dash.
            let n = if self.is_punct(k + 1, '-') {
                k + 2
            } else {
                k + 1
            };
            return Some((n, true));
        }
        if self.is_punct(k, '/') {
            return Some((k + 1, true));
        }
        let words: &[&str] = if between {
            &["and"]
        } else {
            &["to", "until", "till", "through"]
        };
        self.word_in(k, words).then_some((k + 1, false))
    }

    /// A date or a range of dates at `i`: "1918–21", "March–July 1917",
    /// "25–26 October 1917", "1918 to 1921" (or "1914 and 1924" after
    /// "between").
    fn range_at(&self, i: usize, ctx: Context) -> Option<Cand> {
        let left = self.left_at(i, ctx)?;
        match (self.range_tail(left, ctx, false), left.kind) {
            (Some(r), _) => Some(r),
            (None, Ak::BareDay(_)) => None,
            (None, _) => Some(left),
        }
    }

    /// The left end of a range: any atom, or a day number alone ("25–").
    fn left_at(&self, i: usize, ctx: Context) -> Option<Cand> {
        self.atom(i, ctx).or_else(|| {
            let (d, j) = self.day_at(i)?;
            Some(Cand {
                s: i,
                e: j,
                when: When::Abs(Interval::year(1)),
                prec: Precision::Day,
                kind: Ak::BareDay(d),
                inferred: false,
            })
        })
    }

    fn range_tail(&self, a: Cand, ctx: Context, between: bool) -> Option<Cand> {
        let (j, dash) = self.connector(a.e, between)?;
        // A slash joins only years ("1917/18").
        if self.is_punct(a.e, '/') && a.kind != Ak::Year {
            return None;
        }
        if a.kind == Ak::Year
            && dash
            && let Some((v, 2)) = self.num(j)
            && self.stands_alone(j)
            && let When::Abs(iv) = a.when
        {
            // "1918–21": the end shares the century, or the next one
            // ("1998–02"); a far jump is no range ("1917-10" is a month).
            let y1 = iv.start.year;
            let mut y2 = y1.div_euclid(100) * 100 + v as i32;
            if y2 <= y1 {
                y2 += 100;
            }
            if y2 - y1 <= 50 && self.month_at(j + 1).is_none() {
                return Some(Cand {
                    e: j + 1,
                    when: When::Abs(Interval::years(y1, y2)),
                    kind: Ak::Other,
                    ..a
                });
            }
        }
        if self.is_punct(a.e, '/') {
            return None;
        }
        let b = self.atom(j, ctx)?;
        let when = match (a.kind, a.when, b.when) {
            (Ak::BareDay(d), _, When::Part(mb, y)) if b.kind == Ak::Day => {
                When::Part(Md { d1: d, ..mb }, y)
            }
            (Ak::BareDay(_), _, _) => return None,
            (_, When::Part(ma, None), When::Part(mb, Some(y))) => {
                let ya = if ma.m1 > mb.m1 { y - 1 } else { y };
                When::Abs(ma.at(ya)?.cover(mb.at(y)?))
            }
            (_, When::Part(ma, Some(y)), When::Part(mb, None)) => {
                let yb = if mb.m1 < ma.m1 { y + 1 } else { y };
                When::Abs(ma.at(y)?.cover(mb.at(yb)?))
            }
            (_, When::Part(ma, None), When::Part(mb, None)) => When::Part(
                Md {
                    m1: ma.m1,
                    d1: ma.d1,
                    m2: mb.m2,
                    d2: mb.d2,
                },
                None,
            ),
            (_, When::Part(_, None), _) | (_, _, When::Part(_, None)) => return None,
            (_, wa, wb) => {
                let ia = resolved(wa)?;
                let ib = resolved(wb)?;
                // "compared 1917 to 1905" is no range.
                if ib.end < ia.start {
                    return None;
                }
                When::Abs(ia.cover(ib))
            }
        };
        let prec = if matches!(a.kind, Ak::BareDay(_)) {
            b.prec
        } else {
            a.prec.max(b.prec)
        };
        Some(Cand {
            s: a.s,
            e: b.e,
            when,
            prec,
            kind: Ak::Other,
            inferred: a.inferred || b.inferred,
        })
    }

    /// Old/New Style asides: "25 October (7 November) 1917", "February (or
    /// March, in the New Style calendar) … Revolution of 1917", "October
    /// (November by the Western calendar) 1917". One date covering both.
    fn aside(&self, c: Cand, ctx: Context) -> Option<Cand> {
        if !self.is_punct(c.e, '(') || c.prec > Precision::Month {
            return None;
        }
        let When::Part(mc, yc) = c.when else {
            return None;
        };
        let open = c.e;
        let limit = (open + PAREN_MAX).min(self.t.len());
        let mut inner: Option<Cand> = None;
        let mut close = None;
        let mut k = open + 1;
        while k < limit {
            match self.punct(k) {
                Some(')') => {
                    close = Some(k);
                    break;
                }
                Some('(') => return None,
                _ => {}
            }
            if self.word_in(k, &NAMING_WORDS) || self.is_word(k, "named") {
                return None;
            }
            if inner.is_none()
                && let Some(d) = self.range_at(k, ctx)
            {
                inner = Some(d);
                k = d.e;
                continue;
            }
            k += 1;
        }
        let (inner, close) = (inner?, close?);
        let When::Part(mi, yi) = inner.when else {
            return None;
        };
        if inner.prec > Precision::Month {
            return None;
        }
        let mut e = close + 1;
        let when = match (yc, yi) {
            (Some(y), Some(y2)) => When::Abs(mc.at(y)?.cover(mi.at(y2)?)),
            (Some(y), None) => {
                // "19 December (1 January) 1917/18" crosses a year end.
                let y2 = if mi.m1 < mc.m1 && mc.m1 >= 11 && mi.m1 <= 2 {
                    y + 1
                } else {
                    y
                };
                When::Abs(mc.at(y)?.cover(mi.at(y2)?))
            }
            (None, Some(y)) => {
                let y1 = if mc.m1 > mi.m1 && mc.m1 >= 11 && mi.m1 <= 2 {
                    y - 1
                } else {
                    y
                };
                When::Abs(mc.at(y1)?.cover(mi.at(y)?))
            }
            (None, None) => {
                let md = mc.cover(mi)?;
                match self.seek_year(close + 1) {
                    Some(at) => {
                        e = at + 1;
                        When::Part(md, self.year_at(at))
                    }
                    None => When::Part(md, None),
                }
            }
        };
        Some(Cand {
            s: c.s,
            e,
            when,
            prec: c.prec.max(inner.prec),
            kind: Ak::Other,
            inferred: c.inferred || inner.inferred,
        })
    }

    /// The year that goes with a month named a little earlier: right at `k`
    /// ("October (November) 1917") or after "of"/"in" within the clause
    /// ("February (…) phase of the Russian Revolution of 1917").
    fn seek_year(&self, k: usize) -> Option<usize> {
        if self.year_at(k).is_some() {
            return Some(k);
        }
        let limit = (k + YEAR_SEEK_MAX).min(self.t.len());
        for j in k..limit {
            if matches!(self.punct(j), Some('.' | ';' | ':' | '!' | '?' | '(' | ')')) {
                return None;
            }
            if self.month_at(j).is_some_and(|(_, _, full)| full) && self.is_cap(j) {
                return None;
            }
            if self.is_num(j) {
                let linked = j > 0 && self.word_in(j - 1, &["of", "in"]);
                return (linked && self.year_at(j).is_some()).then_some(j);
            }
        }
        None
    }

    /// "the February Revolution [of 1917]", "the February and October
    /// Revolutions of 1917", "July and August 1917": the month takes the
    /// year that follows the phrase.
    fn revolution(&self, c: Cand) -> Option<Cand> {
        let When::Part(md, None) = c.when else {
            return None;
        };
        if c.kind != Ak::BareMonth {
            return None;
        }
        let mut k = c.e;
        // Skip "and October" in a list of months.
        for _ in 0..3 {
            let joiner = self.word_in(k, &["and", "or"]) || self.is_punct(k, ',');
            if joiner && self.month_at(k + 1).is_some() {
                k += 2;
            } else {
                break;
            }
        }
        if k > c.e && !self.word_in(k, &["revolution", "revolutions"]) {
            // "in July and August 1917": the list shares the last year.
            let year = self.year_at(k)?;
            return Some(Cand {
                when: When::Part(md, Some(year)),
                kind: Ak::Other,
                ..c
            });
        }
        if !self.word_in(k, &["revolution", "revolutions"]) {
            return None;
        }
        let year = if self.word_in(k + 1, &["of", "in"]) {
            self.year_at(k + 2)
        } else {
            None
        };
        let e = if year.is_some() && k == c.e {
            k + 3
        } else {
            c.e
        };
        Some(Cand {
            e,
            when: When::Part(md, year),
            kind: Ak::Other,
            ..c
        })
    }

    /// Is the bare month (or season) at `i` used as a date? Only after a
    /// trigger word ("in August"), or in a list right after a date ("in July
    /// and August").
    fn triggered(&self, c: Cand, last_end: Option<usize>) -> bool {
        if c.s == 0 {
            return false;
        }
        let prev = c.s - 1;
        if self.word_in(prev, &MONTH_TRIGGERS) {
            // "the March on Rome" is a march; "the April Theses" and "the
            // July Days" are names (a revolution was handled before this).
            let only_article = self.is_word(prev, "the");
            let named = self.is_cap(c.e) && !self.glued(c.e) && self.month_at(c.e).is_none();
            return !(only_article && (self.word_in(c.e, &["on", "to", "of", "from"]) || named));
        }
        let list = self.word_in(prev, &["and", "or"]) || self.is_punct(prev, ',');
        list && last_end == Some(prev)
    }

    // ---- relative dates ----------------------------------------------------

    /// "the following year", "two years later", "that year", "the previous
    /// year": a year counted from the context year.
    fn relative(&self, i: usize, ctx: Context) -> Option<Cand> {
        if let Some(c) = self.next_season_or_month(i, ctx) {
            return Some(c);
        }
        let base = ctx.year?;
        let (offset, e) = self.relative_offset(i)?;
        let y = base.checked_add(offset)?;
        if !(1..=9999).contains(&y) {
            return None;
        }
        Some(Cand {
            s: i,
            e,
            when: When::Abs(Interval::year(y)),
            prec: Precision::Year,
            kind: Ak::Other,
            inferred: true,
        })
    }

    /// "the following spring", "the next month": the first such season or
    /// month after the context date.
    fn next_season_or_month(&self, i: usize, ctx: Context) -> Option<Cand> {
        let year = ctx.year?;
        if !(self.is_word(i, "the") && self.word_in(i + 1, &["following", "next"])) {
            return None;
        }
        let cand = |md: Md, y: i32, prec| {
            Some(Cand {
                s: i,
                e: i + 3,
                when: When::Abs(md.at(y)?),
                prec,
                kind: Ak::Other,
                inferred: true,
            })
        };
        if self.is_word(i + 2, "month") {
            let m = ctx.month?;
            let (y, m) = if m == 12 {
                (year + 1, 1)
            } else {
                (year, m + 1)
            };
            return cand(Md::month(m), y, Precision::Month);
        }
        let md = Md::season(self.word(i + 2)?, false)?;
        // Without a month, the context year is taken as already under way.
        let y = match ctx.month {
            Some(m) if m < md.m1 => year,
            _ => year + 1,
        };
        cand(md, y, Precision::Season)
    }

    fn relative_offset(&self, i: usize) -> Option<(i32, usize)> {
        // "3 years later": a small count in digits.
        if let Some((n, digits)) = self.num(i) {
            if digits > 2 || n == 0 || !self.stands_alone(i) {
                return None;
            }
            return self.years_later(n as i32, i + 1);
        }
        let w = self.word(i)?;
        // "… year before." but not "the year before the war".
        let ends_clause = |k: usize| {
            self.t
                .get(k)
                .is_none_or(|t| matches!(t.kind, Kind::Punct(_)))
        };
        if w == "the" {
            let w1 = self.word(i + 1)?;
            if self.is_word(i + 2, "year") {
                let off = match w1 {
                    "following" | "next" | "subsequent" | "succeeding" => 1,
                    "previous" | "preceding" | "prior" => -1,
                    "same" => 0,
                    _ => return None,
                };
                return Some((off, i + 3));
            }
            if w1 == "year" && ends_clause(i + 3) {
                return match self.word(i + 2)? {
                    "after" => Some((1, i + 3)),
                    "before" => Some((-1, i + 3)),
                    _ => None,
                };
            }
            return None;
        }
        if w == "that" {
            let k = if self.word_in(i + 1, &["same", "very"]) {
                i + 2
            } else {
                i + 1
            };
            return self.is_word(k, "year").then_some((0, k + 1));
        }
        let n = NUMBER_WORDS.iter().find(|(nw, _)| *nw == w)?.1;
        self.years_later(n, i + 1)
    }

    /// "year(s) later/earlier" at `k` after a count `n`.
    fn years_later(&self, n: i32, k: usize) -> Option<(i32, usize)> {
        let ends_clause = |k: usize| {
            self.t
                .get(k)
                .is_none_or(|t| matches!(t.kind, Kind::Punct(_)))
        };
        let unit = self.word(k)?;
        if !(unit == "year" && n == 1 || unit == "years" && n > 1) {
            return None;
        }
        let sign = match self.word(k + 1)? {
            "later" | "afterwards" | "afterward" | "on" => 1,
            "earlier" | "previously" => -1,
            "after" if ends_clause(k + 2) => 1,
            "before" if ends_clause(k + 2) => -1,
            _ => return None,
        };
        Some((sign * n, k + 2))
    }

    // ---- putting it together -----------------------------------------------

    fn hit_at(&self, i: usize, ctx: Context, last_end: Option<usize>) -> Option<Hit> {
        // Only "'20s" starts with punctuation; skip the rest cheaply.
        if self.punct(i).is_some_and(|c| c != '\'') {
            return None;
        }
        if self.core.is_some() && !self.may_lead_hit(i) {
            return None;
        }
        let c = self
            .relative(i, ctx)
            .or_else(|| self.date_at(i, ctx, last_end))?;
        let (interval, inferred) = match c.when {
            When::Abs(iv) => (iv, c.inferred),
            When::Part(md, Some(y)) => (md.at(y)?, c.inferred),
            When::Part(md, None) => (md.at(ctx.year?)?, true),
        };
        Some(Hit {
            s: c.s,
            e: c.e,
            interval,
            precision: c.prec,
            inferred,
            naming_aside: self.naming(c.s, c.e),
        })
    }

    fn date_at(&self, i: usize, ctx: Context, last_end: Option<usize>) -> Option<Cand> {
        if !self.core_near(i) {
            return None;
        }
        // "from 1918 to 1921", "between 1914 and 1924": the word belongs to
        // the range, but only if a range follows.
        for (word, between) in [("from", false), ("between", true)] {
            if self.is_word(i, word)
                && let Some(a) = self.left_at(i + 1, ctx)
                && let Some(r) = self.range_tail(a, ctx, between)
            {
                return Some(Cand { s: i, ..r });
            }
        }
        let c = self.range_at(i, ctx)?;
        if let Some(a) = self.aside(c, ctx) {
            return Some(a);
        }
        if let Some(r) = self.revolution(c) {
            return Some(r);
        }
        match c.kind {
            Ak::BareMonth | Ak::BareSeason if !self.triggered(c, last_end) => None,
            _ => Some(c),
        }
    }

    /// Does the date at `[s, e)` only name or locate something ("as the city
    /// was called between 1914 and 1924", "(renamed Leningrad in 1924)")?
    fn naming(&self, s: usize, e: usize) -> bool {
        let mut in_paren = false;
        let mut strong = false;
        let mut weak = false;
        let mut after_as = false;
        let mut k = s;
        for _ in 0..NAMING_BACK_MAX {
            if k == 0 {
                break;
            }
            k -= 1;
            match self.punct(k) {
                Some('(') => {
                    in_paren = true;
                    break;
                }
                Some('.' | ';' | '!' | '?' | ')' | ',' | ':') => break,
                _ => {}
            }
            match self.word(k) {
                // Biography is a claim about the period, not a name.
                Some("born" | "died" | "founded") => return false,
                Some("named") => weak = true,
                Some("known") if self.is_word(k + 1, "as") => strong = true,
                Some("as") => after_as = true,
                Some(w) if NAMING_WORDS.contains(&w) => strong = true,
                _ => {}
            }
        }
        if in_paren && !strong {
            // "(between 1914 and 1924 it was called Petrograd)".
            let limit = (e + NAMING_FWD_MAX).min(self.t.len());
            for j in e..limit {
                if self.is_punct(j, ')') {
                    break;
                }
                if self.word_in(j, &NAMING_WORDS) || self.is_word(j, "named") {
                    strong = true;
                    break;
                }
            }
        }
        strong || weak && (in_paren || after_as)
    }
}

fn resolved(w: When) -> Option<Interval> {
    match w {
        When::Abs(iv) => Some(iv),
        When::Part(md, Some(y)) => md.at(y),
        When::Part(_, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_keep_offsets;

    /// Words and signs the grammar reads, and some it doesn't.
    const VOCAB: &[&str] = &[
        "the",
        "early",
        "mid",
        "mid-",
        "late",
        "middle",
        "end",
        "beginning",
        "start",
        "outset",
        "close",
        "Jan",
        "sept",
        "nineteenth",
        "of",
        "from",
        "between",
        "and",
        "to",
        "until",
        "in",
        "on",
        "by",
        "that",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "twentieth",
        "twenty",
        "-",
        "first",
        "century",
        "twenties",
        "1920s",
        "'20s",
        "1917",
        "1918",
        "21",
        "25",
        "7",
        "19th",
        "October",
        "Oct.",
        "november",
        "March",
        "may",
        "(",
        ")",
        "or",
        "New",
        "Style",
        "calendar",
        "following",
        "next",
        "year",
        "years",
        "later",
        "two",
        "a",
        "decade",
        "p.",
        "pp.",
        "men",
        "called",
        "–",
        "/",
        ",",
        ".",
        "Trotsky",
        "Petrograd",
        "army",
        "won",
    ];

    type Found = (usize, usize, Interval, Precision, bool, bool);

    fn dates(text: &str, guarded: bool) -> Vec<Found> {
        let folded = fold_keep_offsets(text);
        let toks = super::super::lex::lex(&folded, 0, folded.len());
        let core = guarded.then(|| core_counts(&toks));
        let mut ctx = Context::default();
        scan_with(&toks, &mut ctx, core)
            .into_iter()
            .map(|h| {
                (
                    h.s,
                    h.e,
                    h.interval,
                    h.precision,
                    h.inferred,
                    h.naming_aside,
                )
            })
            .collect()
    }

    #[test]
    fn the_core_shortcut_keeps_the_longest_lead_ins() {
        for text in [
            "It lasted from the end of 1917 to 1921.",
            "between the early 1920s and the late 1930s",
            "from the beginning of the twentieth century to 1950",
            "between the middle of 1917 and the spring of 1918",
            "in the early twenty-first century",
            "from the early '20s to the '30s",
            "that spring of 1918, at the outset of 1919, the close of 1920",
            "from the start of the nineteenth century, Sept. 1917, mid-1918",
        ] {
            let found = dates(text, false);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(dates(text, true), found, "{text}");
        }
    }

    proptest::proptest! {
        /// Skipping tokens with no core token near, and words no atom
        /// starts with, never loses or changes a date.
        #[test]
        fn the_core_shortcut_changes_nothing(
            words in proptest::collection::vec(0..VOCAB.len(), 0..40),
            glue in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let mut text = String::new();
            for (k, &w) in words.iter().enumerate() {
                if k > 0 && !glue[k] {
                    text.push(' ');
                }
                text.push_str(VOCAB[w]);
            }
            proptest::prop_assert_eq!(dates(&text, true), dates(&text, false), "{}", text);
        }

        /// The same on open-ended text: month names in any case, ordinals,
        /// counted and relative years, "1917-21", curly quotes, dashes,
        /// non-ASCII letters and digits glued to letters, with the context
        /// carried along so that relative dates resolve.
        #[test]
        fn the_shortcuts_change_nothing_on_any_text(
            text in "((In 1917|(January|march|MAY|may|Oct|Sept|october|December|June)|[Tt]he (following|next|same|previous) (year|spring|month)\
    |(two|a|Three|ten|5) years? (later|earlier|before)|[Tt]hat (very )?year\
    |(from|between) (the )?(early |late )?(1914|1917|1920s|'20s|21|25|May) ?(and|to|-|–|/|until) \
    (the )?(1918|1924|1930s|'30s|21|26 October)\
    |[0-9]{1,4}(st|th|nd|s|’s|'s)?|[JjMmSsOoDdFfAaNn][a-z]{2,8}[.]?\
    |spring of 1918|the 1920s|nineteenth[- ]century|twenty-first\
    |[,.;()’“”–—/' -]|é|Ж|x1917|1917x)\
    ( |, |–|-|)){0,16}"
        ) {
            proptest::prop_assert_eq!(dates(&text, true), dates(&text, false), "{}", text);
        }
    }
}
