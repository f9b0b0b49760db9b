//! Factual checks that a topic pack makes possible: dates of known events,
//! people acting outside their lives or offices, names misspelt or confused,
//! place names used out of their period, known misconceptions, and a later
//! event presented as the cause of an earlier one.
//!
//! Precision comes first: a date is only tied to an event or a person when it
//! sits right next to it in the same sentence, and anything less certain is
//! worded as a question to check.

use std::sync::LazyLock;

use crate::analysis::{Analysis, Dated};
use crate::find::dates::Interval;
use crate::finding::{Finding, Severity};
use crate::span::Span;
use crate::topics::cues::{BACKWARD, DEATH_CUES, FORWARD, NAMING, re};
use crate::topics::lazy::Lazy;
use crate::topics::pack::{Pack, human, overlaps};
use crate::topics::scan::{Mention, Scan, Unit, gap};

pub fn check(a: &Analysis) -> Vec<Finding> {
    let Some(topic) = &a.topic else {
        return Vec::new();
    };
    let pack = &topic.pack;
    let scan = Scan::new(a);
    let mut out = Vec::new();
    out.extend(event_dates(&scan, pack));
    out.extend(person_lives(&scan, pack));
    out.extend(offices(&scan, pack));
    out.extend(spellings(&scan, pack));
    out.extend(rules(&scan, pack));
    out.extend(places(&scan, pack));
    out.extend(causes(&scan, pack));
    // One finding per code and span.
    out.sort_by_key(|f| (f.span.start, f.code));
    out.dedup_by(|x, y| x.code == y.code && x.span.overlaps(y.span));
    out
}

/// Dates that state a time and were written out (not inferred from context).
fn usable<'a>(scan: &Scan<'a>, u: Span) -> impl Iterator<Item = &'a Dated> + 'a {
    scan.stated_dates(u).filter(|d| !d.mention.inferred)
}

/// The word just before a byte offset, within `u`.
fn word_before<'s>(scan: &'s Scan, u: Span, at: usize) -> &'s str {
    let before = &scan.folded[u.start..at.max(u.start)];
    before
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Whether `word`, lower-cased, is one of `list` (of lower-case ASCII
/// words). Compared without case when `word` is ASCII: lower-casing a
/// String for each test was 190 allocations an essay. Other words are
/// lower-cased as before (the Kelvin sign lower-cases to an ASCII 'k').
fn lower_is_one_of(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

fn between<'s>(scan: &'s Scan, a: Span, b: Span) -> &'s str {
    let (s, e) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    if s >= e { "" } else { &scan.folded[s..e] }
}

/// The date a mention is most plainly tied to: next to it in the same
/// sentence, with no clause break between.
fn nearest_date<'a>(scan: &Scan<'a>, u: Span, m: Span, max_gap: usize) -> Option<&'a Dated> {
    usable(scan, u)
        .filter(|d| gap(m, d.mention.span) <= max_gap)
        .filter(|d| !between(scan, m, d.mention.span).contains([';', '(', ')']))
        .min_by_key(|d| gap(m, d.mention.span))
}

const EVENT_LEAD_INS: &[&str] = &["in", "on", "of", "during", "at", "dated"];
const NOT_THE_EVENT_TIME: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "till",
    "following",
    "by",
    "from",
    "prior",
    "since",
];

/// "The October Revolution took place in 1919."
fn event_dates(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    for u in scan.units {
        let events = scan.events(pack, u.span);
        if events.is_empty() {
            continue;
        }
        for d in usable(scan, u.span) {
            let ds = d.mention.span;
            let lead_in = lower_is_one_of(word_before(scan, u.span, ds.start), EVENT_LEAD_INS);
            let candidate = events
                .iter()
                .filter(|e| pack.events[e.index].check_dates)
                .filter(|e| {
                    let gap_text = between(scan, e.span, ds);
                    if gap_text.contains([',', ';', '(', ')', ':']) {
                        return false;
                    }
                    if e.span.end <= ds.start {
                        gap(e.span, ds) <= 40
                            && lead_in
                            && !gap_text.split_whitespace().any(|w| {
                                lower_is_one_of(w, NOT_THE_EVENT_TIME)
                                    || w.eq_ignore_ascii_case("later")
                                    || w.eq_ignore_ascii_case("anniversary")
                            })
                    } else {
                        gap(e.span, ds) <= 2
                    }
                })
                .min_by_key(|e| gap(e.span, ds));
            let Some(e) = candidate else { continue };
            let event = &pack.events[e.index];
            if event.accepts(d.mention.interval) {
                continue;
            }
            if lower_is_one_of(word_before(scan, u.span, e.span.start), NOT_THE_EVENT_TIME) {
                continue;
            }
            // Another event in the sentence may own the date.
            if events
                .iter()
                .any(|o| pack.events[o.index].accepts(d.mention.interval))
            {
                continue;
            }
            let span = e.span.cover(ds);
            out.push(Finding::new(
                "facts.event-date",
                Severity::Warning,
                span,
                format!(
                    "\"{}\": {} was {}, not {}.",
                    scan.quote(span),
                    event.name,
                    event.when,
                    scan.quote(ds)
                ),
                format!("Correct the date: {} — {}.", event.name, event.when),
            ));
        }
    }
    out
}

const NOT_THE_ACTOR: &[&str] = &[
    "of", "to", "by", "for", "about", "with", "after", "late", "under", "on", "against", "like",
    "than", "from", "without", "before", "as",
];

/// "In 1925 Lenin gave a speech."
fn person_lives(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    for u in scan.units {
        let people = scan.people(pack, u.span);
        // A finding needs a date in the sentence (`nearest_date`): asked
        // first, it spares most sentences naming a person the regex.
        if people.is_empty()
            || usable(scan, u.span).next().is_none()
            || scan.is_match(&DEATH_CUES, u.span)
        {
            continue;
        }
        for m in people.iter() {
            let p = &pack.people[m.index];
            let after = &scan.folded[m.span.end..u.span.end];
            if after.starts_with('\'') || after.starts_with("s'") {
                continue; // "Lenin's policies in 1925" are not Lenin acting
            }
            if lower_is_one_of(word_before(scan, u.span, m.span.start), NOT_THE_ACTOR) {
                continue;
            }
            let Some(d) = nearest_date(scan, u.span, m.span, 40) else {
                continue;
            };
            let when = d.mention.interval;
            let span = m.span.cover(d.mention.span);
            if let Some(died) = p.died
                && when.start > died.end
            {
                let told = p.died_text.clone().unwrap_or_else(|| human(died));
                out.push(Finding::new(
                    "facts.person-dates",
                    Severity::Warning,
                    span,
                    format!(
                        "\"{}\": {} died on {}, so cannot have acted in {}.",
                        scan.quote(span),
                        p.name,
                        told,
                        scan.quote(d.mention.span)
                    ),
                    format!("Check who did this and when: {} died on {}.", p.name, told),
                ));
            } else if let Some(born) = p.born
                && when.end < born.start
            {
                out.push(Finding::new(
                    "facts.person-dates",
                    Severity::Warning,
                    span,
                    format!(
                        "\"{}\": {} was only born in {}.",
                        scan.quote(span),
                        p.name,
                        human(born)
                    ),
                    format!(
                        "Check the date or the person: {} was born in {}.",
                        p.name,
                        human(born)
                    ),
                ));
            }
        }
    }
    out
}

static LATER_OFFICE: LazyLock<Lazy> = LazyLock::new(|| {
    re(
        r"\b(?:later|future|would\s+(?:later\s+)?(?:become|be)|went\s+on\s+to|go\s+on\s+to|eventually|subsequently|former|formerly|ex-|previously|once|until|before\s+becoming|then-)",
    )
});

/// "In October 1917 Trotsky was already War Commissar."
fn offices(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    for u in scan.units {
        let people = scan.people(pack, u.span);
        if people.is_empty()
            || !may_name_an_office(scan, pack, &people, u.span)
            || scan.is_match(&LATER_OFFICE, u.span)
        {
            continue;
        }
        let events = scan.events(pack, u.span);
        for (pi, person) in pack.people.iter().enumerate() {
            // An office belongs only to a person named in the sentence.
            if !people.iter().any(|m| m.index == pi) {
                continue;
            }
            for office in &person.offices {
                for o in scan.find(&office.pattern, u.span) {
                    // The office belongs to the nearest person named.
                    let Some(holder) = people
                        .iter()
                        .filter(|m| gap(m.span, o) <= 60)
                        .min_by_key(|m| gap(m.span, o))
                    else {
                        continue;
                    };
                    if holder.index != pi {
                        continue;
                    }
                    let (times, at, what): (Vec<Interval>, Span, String) =
                        if let Some(d) = nearest_date(scan, u.span, o, 60) {
                            (
                                vec![d.mention.interval],
                                d.mention.span,
                                scan.quote(d.mention.span),
                            )
                        } else if let Some(e) = short_event(pack, &events, o) {
                            let ev = &pack.events[e.index];
                            (
                                ev.accepted.clone(),
                                e.span,
                                format!("{} ({})", ev.name, ev.when),
                            )
                        } else {
                            continue;
                        };
                    if times.iter().any(|t| overlaps(*t, office.held)) {
                        continue;
                    }
                    let span = o.cover(holder.span).cover(at);
                    out.push(Finding::new(
                        "facts.person-dates",
                        Severity::Warning,
                        span,
                        format!(
                            "Check: \"{}\" — {} was {} only {}; not at {}.",
                            scan.quote(o.cover(holder.span)),
                            person.name,
                            office.title,
                            office.when,
                            what
                        ),
                        format!(
                            "Check who held the office then: {} was {} {}.",
                            person.name, office.title, office.when
                        ),
                    ));
                }
            }
        }
    }
    out
}

/// Whether an office of a person named in `u` may be named there too:
/// [`offices`] finds nothing without one, and this index lookup spares
/// most sentences its regex.
fn may_name_an_office(scan: &Scan, pack: &Pack, people: &[Mention], u: Span) -> bool {
    (people.iter().flat_map(|m| &pack.people[m.index].offices))
        .any(|office| scan.may_match(&office.pattern, u))
}

/// An event in the sentence that is a point in time (a few weeks at most).
fn short_event<'m>(pack: &Pack, events: &'m [Mention], near: Span) -> Option<&'m Mention> {
    events
        .iter()
        .filter(|e| {
            let ev = &pack.events[e.index];
            let (a, b) = (ev.earliest(), ev.latest());
            (b.year - a.year) * 12 + i32::from(b.month) - i32::from(a.month) <= 1
        })
        .min_by_key(|e| gap(e.span, near))
}

/// Misspelt names: the pack's list, then near misses of distinctive surnames.
fn spellings(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    let known = &pack.name_words;
    let accepted = |p: &crate::topics::pack::Person| {
        let mut v: Vec<&str> = p.accepted.iter().map(String::as_str).collect();
        v.dedup();
        v.join(", ")
    };
    // Only misspellings the essay may hold are looked for in each paragraph
    // (a pattern that cannot match the essay cannot match a part of it).
    let misspelt: Vec<_> = (pack.people.iter())
        .flat_map(|p| p.misspellings.iter().map(move |(r, _)| (p, r)))
        .filter(|(_, r)| scan.may_match_anywhere(r))
        .collect();
    let mut lower = String::new();
    for para in &scan.a.doc.paragraphs {
        let span = para.span;
        for &(p, r) in &misspelt {
            for m in scan.find(r, span) {
                out.push(Finding::new(
                    "facts.name-spelling",
                    Severity::Warning,
                    m,
                    format!("\"{}\" is a misspelling of {}.", scan.quote(m), p.name),
                    format!("Spell it as one of: {}.", accepted(p)),
                ));
            }
        }
        // Near misses: one edit from a distinctive surname.
        for (at, word) in long_capitalised(scan.slice(span)) {
            let start = span.start + at;
            lower_into(word, &mut lower);
            if known.contains(lower.as_str()) {
                continue;
            }
            for p in &pack.people {
                let Some(target) = p.fuzzy.iter().zip(&p.fuzzy_keys).find_map(|(target, f)| {
                    (f.chars().next() == lower.chars().next()
                        && lower.strip_suffix('s') != Some(f.as_str())
                        && one_edit(&lower, f))
                    .then_some(target)
                }) else {
                    continue;
                };
                let m = Span::new(start, start + word.len());
                if out.iter().any(|f: &Finding| f.span.overlaps(m)) {
                    continue;
                }
                out.push(Finding::new(
                    "facts.name-spelling",
                    Severity::Suggestion,
                    m,
                    format!(
                        "Check the spelling: \"{word}\" looks like {target} ({}).",
                        p.name
                    ),
                    format!(
                        "If you mean {}, spell it as one of: {}.",
                        p.name,
                        accepted(p)
                    ),
                ));
            }
        }
    }
    out
}

/// The words of six characters or more that start with a capital letter
/// (the only ones taken for a misspelt surname), with their byte offsets
/// in `text`.
fn long_capitalised(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ascii = text.is_ascii();
    let fast = ascii.then(|| ascii_long_capitalised(text));
    let slow = (!ascii).then(|| words(text).filter(|(_, w)| is_long_capitalised(w)));
    fast.into_iter().flatten().chain(slow.into_iter().flatten())
}

fn is_long_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 6
}

/// [`long_capitalised`] for ASCII text: looks for capitals and reads only
/// the words they start. Splitting the whole text into words ran over every
/// essay and was 2 % of it.
fn ascii_long_capitalised(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + bytes[from..].iter().position(u8::is_ascii_uppercase)?;
            let end = at
                + bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len() - at);
            // No word starts inside this run, whether or not it starts one.
            from = end;
            let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
            if starts_word && end - at >= 6 {
                return Some((at, &text[at..end]));
            }
        }
    })
}

/// The words of `text` (runs of alphanumeric characters) with their byte
/// offsets: what splitting at every other character gives, less the empty
/// pieces.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_char_where(text, at, true);
        if start == text.len() {
            return None;
        }
        let end = next_char_where(text, start, false);
        at = end;
        Some((start, &text[start..end]))
    })
}

/// The first character boundary from `from` whose character is (or is not)
/// alphanumeric, else the end of `text`.
fn next_char_where(text: &str, from: usize, alphanumeric: bool) -> usize {
    text[from..]
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric() == alphanumeric)
        .map_or(text.len(), |(i, _)| from + i)
}

/// `word.to_lowercase()`, written into a reused buffer: ASCII words (all
/// but a few) need no allocation.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Exactly one insertion, deletion, substitution or swap of neighbours.
fn one_edit(a: &str, b: &str) -> bool {
    // Asked of every long capitalised word against each surname with its
    // initial: compared as bytes when both are ASCII (a byte is then a
    // character), as collected characters only when not.
    if a.is_ascii() && b.is_ascii() {
        return one_edit_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_in(&a, &b)
}

fn one_edit_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b {
        return false;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let rest_same = |from: usize| a[from..] == b[from..];
        rest_same(p + 1) || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && rest_same(p + 2))
    } else if la > lb {
        a[p + 1..] == b[p..]
    } else {
        a[p..] == b[p + 1..]
    }
}

/// Name confusions and misconceptions: a pattern, maybe with context.
fn rules(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    let all = pack
        .people
        .iter()
        .flat_map(|p| p.confusions.iter().map(|r| ("facts.name-confusion", r)))
        .chain(
            pack.misconceptions
                .iter()
                .map(|r| ("facts.misconception", r)),
        );
    // Rules that cannot match the essay cannot match one of its units.
    let all: Vec<_> = all
        .filter(|(_, r)| scan.may_match_anywhere(&r.pattern))
        .collect();
    for u in scan.units {
        for (code, r) in &all {
            // The index answers first: most rules cannot match most units.
            if !scan.may_match(&r.pattern, u.span)
                || r.context
                    .as_ref()
                    .is_some_and(|c| !scan.is_match(c, u.span))
                || r.unless.as_ref().is_some_and(|c| scan.is_match(c, u.span))
            {
                continue;
            }
            if let Some(m) = scan.first(&r.pattern, u.span) {
                let source = r
                    .source
                    .as_ref()
                    .and_then(|id| pack.sources.iter().find(|s| &s.id == id))
                    .map(|s| format!(" (Source: {}.)", s.title))
                    .unwrap_or_default();
                out.push(Finding::new(
                    code,
                    Severity::Warning,
                    m,
                    format!("\"{}\": {}{}", scan.quote(m), r.correction, source),
                    "Correct the name or the claim; if you meant it, give the evidence for it.",
                ));
            }
        }
    }
    out
}

/// "Leningrad in 1917", "the Petrograd Soviet of 1905".
fn places(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    // Names that cannot match the essay cannot match one of its units.
    let names: Vec<&Lazy> = (pack.places.iter())
        .flat_map(|p| &p.names)
        .map(|n| &n.matcher)
        .filter(|n| scan.may_match_anywhere(n))
        .collect();
    if names.is_empty() {
        return out;
    }
    for u in scan.units {
        let named = names.iter().any(|n| scan.may_match(n, u.span));
        if !named || scan.is_match(&NAMING, u.span) {
            continue;
        }
        for place in &pack.places {
            for name in &place.names {
                for m in scan.find(&name.matcher, u.span) {
                    let Some(d) = nearest_date(scan, u.span, m, 40) else {
                        continue;
                    };
                    let when = d.mention.interval;
                    if name.periods.iter().any(|p| overlaps(*p, when)) {
                        continue;
                    }
                    let Some(right) = place.names.iter().find(|n| {
                        n.periods
                            .iter()
                            .any(|p| p.start <= when.start && when.end <= p.end)
                    }) else {
                        continue;
                    };
                    let span = m.cover(d.mention.span);
                    out.push(Finding::new(
                        "facts.place-anachronism",
                        Severity::Warning,
                        span,
                        format!(
                            "\"{}\": in {} the city was called {}, not {} ({} {}; {} {}).",
                            scan.quote(span),
                            scan.quote(d.mention.span),
                            right.name,
                            name.name,
                            right.name,
                            periods_text(&right.periods),
                            name.name,
                            periods_text(&name.periods)
                        ),
                        format!("Write {} for that date.", right.name),
                    ));
                }
            }
        }
    }
    out
}

fn periods_text(ps: &[Interval]) -> String {
    let open_start = |i: &Interval| i.start.year <= 1;
    let open_end = |i: &Interval| i.end.year >= 9999;
    ps.iter()
        .map(|p| match (open_start(p), open_end(p)) {
            (true, true) => "always".to_string(),
            (true, false) => format!(
                "until {}",
                human(Interval {
                    start: p.end,
                    end: p.end
                })
            ),
            (false, true) => format!(
                "from {}",
                human(Interval {
                    start: p.start,
                    end: p.start
                })
            ),
            (false, false) => format!(
                "from {} to {}",
                human(Interval {
                    start: p.start,
                    end: p.start
                }),
                human(Interval {
                    start: p.end,
                    end: p.end
                })
            ),
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

static PRONOUN: LazyLock<Lazy> = LazyLock::new(|| re(r"\b(?:he|she|his|her)\b"));

/// A later event presented as the cause of an earlier one.
fn causes(scan: &Scan, pack: &Pack) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ui, u) in scan.units.iter().enumerate() {
        // Only an event of the pack in the unit can be the misplaced effect.
        if scan.events(pack, u.span).is_empty() {
            continue;
        }
        for m in scan.find(&FORWARD, u.span) {
            let effect = Span::new(m.end, u.span.end);
            let mut cause = Span::new(u.span.start, m.start);
            if scan.slice(cause).trim().len() < 15 {
                match ui.checked_sub(1).map(|i| scan.units[i]) {
                    Some(prev) if prev.para == u.para => cause = prev.span,
                    _ => continue,
                }
            }
            out.extend(judge_cause(scan, pack, *u, cause, effect, m));
        }
        for m in scan.find(&BACKWARD, u.span) {
            let effect = Span::new(u.span.start, m.start);
            let cause = Span::new(m.end, u.span.end);
            out.extend(judge_cause(scan, pack, *u, cause, effect, m));
        }
    }
    out
}

enum Anchor {
    Fits,
    Later(String),
}

fn judge_cause(
    scan: &Scan,
    pack: &Pack,
    u: Unit,
    cause: Span,
    effect: Span,
    connective: Span,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for e in scan.events(pack, effect).iter() {
        let ev = &pack.events[e.index];
        let (first, last) = (ev.earliest(), ev.latest());
        if (last.year - first.year) * 12 + i32::from(last.month) - i32::from(first.month) > 2 {
            continue; // a long process has no single "before"
        }
        let mut anchors: Vec<Anchor> = Vec::new();
        for d in scan.stated_dates(cause) {
            let i = d.mention.interval;
            anchors.push(if i.start <= last {
                Anchor::Fits
            } else {
                Anchor::Later(format!("{} is later", scan.quote(d.mention.span)))
            });
        }
        for x in scan.events(pack, cause).iter() {
            let xe = &pack.events[x.index];
            if xe.id == ev.id {
                continue;
            }
            anchors.push(if xe.earliest() <= last {
                Anchor::Fits
            } else {
                Anchor::Later(format!("{} came later ({})", xe.name, xe.when))
            });
        }
        let mut people: Vec<usize> = scan.people(pack, cause).iter().map(|m| m.index).collect();
        if scan.is_match(&PRONOUN, cause)
            && let Some(p) = last_person_before(scan, pack, u.para, cause.start)
        {
            people.insert(0, p);
        }
        people.dedup();
        for pi in people {
            let p = &pack.people[pi];
            if p.absences.is_empty() {
                continue;
            }
            anchors.push(
                match p
                    .absences
                    .iter()
                    .find(|a| a.during.start <= first && last <= a.during.end)
                {
                    Some(a) => {
                        Anchor::Later(format!("{} was {} until {}", p.name, a.place, a.until_text))
                    }
                    None => Anchor::Fits,
                },
            );
        }
        if anchors.is_empty() || anchors.iter().any(|a| matches!(a, Anchor::Fits)) {
            continue;
        }
        let reasons: Vec<String> = anchors
            .into_iter()
            .filter_map(|a| match a {
                Anchor::Later(s) => Some(s),
                Anchor::Fits => None,
            })
            .collect();
        let span = connective.cover(e.span);
        out.push(Finding::new(
            "facts.cause-after-effect",
            Severity::Warning,
            span,
            format!(
                "Check the order of events: \"{}\" presents {} ({}) as a result of what is described, but {} — so it happened first.",
                scan.quote(span),
                ev.name,
                ev.when,
                reasons.join("; ")
            ),
            format!(
                "Put the events in order: {} happened {}; explain what really caused it, and start the account of the person's role after their arrival.",
                ev.name, ev.when
            ),
        ));
    }
    out
}

/// The person last named before `at` in the paragraph (for "he"/"she").
fn last_person_before(scan: &Scan, pack: &Pack, para: usize, at: usize) -> Option<usize> {
    let p = scan.a.doc.paragraphs.get(para)?;
    let span = Span::new(p.span.start, at.max(p.span.start));
    scan.people(pack, span).last().map(|m| m.index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topics::cues::CUES;
    use proptest::strategy::Strategy;

    /// Sentences of the cues' words and phrases among others, cut and
    /// typed in odd ways.
    fn sentences() -> impl Strategy<Value = String> {
        let words = proptest::sample::select(vec![
            "Lenin",
            "died",
            "DEATH",
            "dead",
            "embalmed",
            "heirs",
            "-ism",
            "Leninism",
            "later",
            "would later become",
            "would be",
            "went on to",
            "ex-",
            "then-",
            "called",
            "known as",
            "known",
            "present-day",
            "this led to",
            "it then led to",
            "resulted in",
            "as a result,",
            "as a result of",
            "because of",
            "due to",
            "caused by",
            "brought about",
            "he",
            "His",
            "she",
            "the",
            "war",
            "in",
            "1924",
            "’",
            "“",
            "—",
            ".",
            ";",
            ",",
            "\t",
        ]);
        proptest::collection::vec(words, 1..30).prop_map(|w| w.join(" "))
    }

    proptest::proptest! {
        /// The cue index only ever spares a search that would find nothing.
        #[test]
        fn cue_index_answers_as_each_cue_would(text in sentences()) {
            let a = crate::analysis::analyze(text, &crate::analysis::Options {
                question: Some("How far was Lenin responsible for the Bolshevik victory, 1917-21?".into()),
                ..Default::default()
            });
            proptest::prop_assert!(a.topic.is_some());
            let scan = Scan::new(&a);
            for cue in [&*DEATH_CUES, &*LATER_OFFICE, &*NAMING, &*FORWARD, &*BACKWARD, &*PRONOUN] {
                for u in scan.units {
                    proptest::prop_assert_eq!(
                        scan.is_match(cue, u.span),
                        cue.regex().is_match(scan.slice(u.span)),
                        "{:?} in {:?}", cue, scan.slice(u.span)
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// What lets [`person_lives`] and [`offices`] skip a sentence before
        /// their regexes: no date found near anyone where the sentence has
        /// no usable date, and no office found where none may be named.
        #[test]
        fn sentences_skipped_early_hold_no_date_or_office(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Trotsky", "Lenin", "Kerensky", "War Commissar", "Commissar of War",
                "Foreign Commissar", "chairman of Sovnarkom", "led the Provisional Government",
                "was", "in", "1917", "October 1917", "1925", "(", ";", ".", "later",
            ]), 1..30)
        ) {
            let a = crate::analysis::analyze(words.join(" "), &crate::analysis::Options {
                question: Some("How far was Lenin responsible for the Bolshevik victory, 1917-21?".into()),
                ..Default::default()
            });
            let scan = Scan::new(&a);
            let pack = &a.topic.as_ref().unwrap().pack;
            for u in scan.units {
                let people = scan.people(pack, u.span);
                if usable(&scan, u.span).next().is_none() {
                    for m in people.iter() {
                        proptest::prop_assert!(nearest_date(&scan, u.span, m.span, 60).is_none());
                    }
                }
                if !may_name_an_office(&scan, pack, &people, u.span) {
                    for o in people.iter().flat_map(|m| &pack.people[m.index].offices) {
                        proptest::prop_assert!(scan.find(&o.pattern, u.span).is_empty());
                    }
                }
            }
        }
    }

    #[test]
    fn the_cue_index_knows_the_words_of_its_cues() {
        let hits = CUES.scan("");
        for cue in [&*DEATH_CUES, &*NAMING, &*FORWARD, &*BACKWARD] {
            assert_eq!(hits.may_match(cue, Span::new(0, 0)), Some(false), "{cue:?}");
        }
        for cue in [&*LATER_OFFICE, &*PRONOUN] {
            assert!(cue.branches().is_empty(), "{cue:?} could be indexed");
            assert_eq!(hits.may_match(cue, Span::new(0, 0)), None);
        }
    }

    proptest::proptest! {
        /// The long capitalised words are those of splitting at every
        /// character that is not alphanumeric, in ASCII text (the shortcut)
        /// and in any other.
        #[test]
        fn long_capitalised_words_are_those_of_a_split(
            ascii in "[a-zA-Z0-9 ,.'-]{0,60}",
            other in "[a-zA-Z0-9éÉ ,.\u{2019}\u{212A}\u{661}\u{2163}ß-]{0,40}",
        ) {
            for text in [&ascii, &other] {
                let mut pos = 0;
                let mut plain = Vec::new();
                for word in text.split(|c: char| !c.is_alphanumeric()) {
                    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
                    if first_upper && word.chars().count() >= 6 {
                        plain.push((pos, word));
                    }
                    pos += word.len() + text[pos + word.len()..].chars().next().map_or(0, char::len_utf8);
                }
                proptest::prop_assert_eq!(long_capitalised(text).collect::<Vec<_>>(), plain);
            }
        }

        /// Lower-casing into a buffer, or comparing without case, answers
        /// as `to_lowercase` does.
        #[test]
        fn lower_case_shortcuts_are_to_lowercase(word in "[a-zA-Z\u{212A}\u{130}\u{3A3}é]{0,8}") {
            let mut lower = "stale".to_string();
            lower_into(&word, &mut lower);
            proptest::prop_assert_eq!(&lower, &word.to_lowercase());
            for list in [EVENT_LEAD_INS, NOT_THE_EVENT_TIME, NOT_THE_ACTOR, &["like", "ki"][..]] {
                proptest::prop_assert_eq!(
                    lower_is_one_of(&word, list),
                    list.contains(&word.to_lowercase().as_str())
                );
            }
        }
    }

    #[test]
    fn lower_case_lists_hold_their_words() {
        assert!(lower_is_one_of("During", EVENT_LEAD_INS));
        assert!(lower_is_one_of("LI\u{212A}E", NOT_THE_ACTOR));
        assert!(!lower_is_one_of("durin", EVENT_LEAD_INS));
    }

    #[test]
    fn edits() {
        assert!(one_edit("trotskey", "trotsky"));
        assert!(one_edit("trostky", "trotsky"));
        assert!(one_edit("kerenski", "kerensky"));
        assert!(!one_edit("trotsky", "trotsky"));
        assert!(!one_edit("stalin", "station"));
    }

    proptest::proptest! {
        /// Bytes answer as characters do (few letters, so that one edit
        /// apart is common).
        #[test]
        fn edits_of_bytes_are_edits_of_characters(a in "[abc]{0,7}", b in "[abcé]{0,7}") {
            let chars = |s: &str| s.chars().collect::<Vec<char>>();
            proptest::prop_assert_eq!(one_edit(&a, &b), one_edit_in(&chars(&a), &chars(&b)));
            proptest::prop_assert_eq!(one_edit(&b, &a), one_edit_in(&chars(&b), &chars(&a)));
        }
    }
}
