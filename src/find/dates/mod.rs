//! Temporal expressions: found, resolved to intervals, and chained so that
//! "in August" after "July 1917" means August 1917.
//!
//! The text is folded (curly quotes, dashes, odd spaces to ASCII, offsets
//! kept), cut into tokens, and a small hand-written parser tries the date
//! forms at each token with a bounded look-ahead, so the whole scan stays
//! linear in the length of the text.

mod calendar;
mod lex;
mod parse;
mod words;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::normalize::fold_keep_offsets;
use crate::span::Span;

/// A calendar day. Proleptic Gregorian; no time zone, no time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub const fn new(year: i32, month: u8, day: u8) -> Self {
        Ymd { year, month, day }
    }
    pub const fn year_start(year: i32) -> Self {
        Ymd::new(year, 1, 1)
    }
    pub const fn year_end(year: i32) -> Self {
        Ymd::new(year, 12, 31)
    }
}

impl std::fmt::Display for Ymd {
    /// ISO 8601 (`1917-10-25`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Ok(year @ 0..=9999) = u16::try_from(self.year)
            && self.month < 100
            && self.day < 100
        {
            // Every date of every JSON row: digits by hand cost a tenth of
            // padded formatting.
            let digit = |n: u16, unit: u16| b'0' + (n / unit % 10) as u8;
            let (m, d) = (u16::from(self.month), u16::from(self.day));
            let iso = [
                digit(year, 1000),
                digit(year, 100),
                digit(year, 10),
                digit(year, 1),
                b'-',
                digit(m, 10),
                digit(m, 1),
                b'-',
                digit(d, 10),
                digit(d, 1),
            ];
            return f.write_str(std::str::from_utf8(&iso).expect("ASCII digits"));
        }
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Closed interval of days, `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: Ymd,
    pub end: Ymd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Season,
    Year,
    Decade,
    Century,
}

/// One temporal expression in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Bytes of the whole expression, e.g. "the spring of 1918" or
    /// "February (or March, in the New Style calendar) … 1917".
    pub span: Span,
    pub interval: Interval,
    pub precision: Precision,
    /// The year (or more) came from earlier text, not from the expression.
    pub inferred: bool,
    /// The date only names or locates something ("as Saint Petersburg was
    /// called between 1914 and 1924"): not a claim about the period.
    pub naming_aside: bool,
}

/// Finds every date in `regions` of `text` (in order; the regions are prose
/// paragraphs and do not overlap), carrying the context for relative and
/// partial dates from one region to the next.
pub fn find_dates(text: &str, regions: &[Span]) -> Vec<DateMention> {
    let folded = fold_keep_offsets(text);
    let mut ctx = parse::Context::default();
    let mut out: Vec<DateMention> = Vec::new();
    for region in regions {
        // Regions come from other stages; a bad one is skipped, never a panic.
        let end = region.end.min(text.len());
        let start = region.start.min(end);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let toks = lex::lex(&folded, start, end);
        for hit in parse::scan(&toks, &mut ctx) {
            out.push(DateMention {
                span: Span::new(toks[hit.s].start, toks[hit.e - 1].end),
                interval: hit.interval,
                precision: hit.precision,
                inferred: hit.inferred,
                naming_aside: hit.naming_aside,
            });
        }
    }
    // Regions are meant to be in order and disjoint; if a caller breaks that,
    // keep the promise of sorted, non-overlapping output anyway.
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<DateMention> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
            kept.push(m);
        }
    }
    kept
}

/// Finds every date in the whole of `text`, as one region (for short texts
/// such as an essay question: "How far was X responsible for Y, 1919–1939?").
pub fn find_in(text: &str) -> Vec<DateMention> {
    find_dates(text, &[Span::new(0, text.len())])
}
