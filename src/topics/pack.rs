//! A validated, compiled topic pack, and the errors that loading one can give.

use regex::RegexBuilder;
use std::collections::HashSet;

use std::sync::OnceLock;

use super::index::PatternIndex;
use super::lazy::Lazy;

use super::spec::{self, PackFile, Text};
use crate::find::dates::{Interval, Ymd};
use crate::layout::words::stem;
use crate::normalize::word_key;

/// The only format version this build reads.
pub const FORMAT: u32 = 1;

/// A pack that failed to load: which file, where, which key, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {key}: {message}")]
pub struct PackError {
    pub file: String,
    /// 1-based; 0 when the position is unknown.
    pub line: usize,
    pub key: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub default: bool,
    /// Where it was loaded from (a built-in name or a path).
    pub origin: String,
    pub question_patterns: Vec<Lazy>,
    pub keywords: Vec<Lazy>,
    pub window: Interval,
    pub focus: Vec<Focus>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    pub factors: Vec<Factor>,
    pub misconceptions: Vec<Rule>,
    pub sources: Vec<SourceRef>,
    /// Every pattern above, numbered, so that an essay is scanned once to
    /// learn where each may match; built when first needed (a run loads every
    /// built-in pack but uses one).
    index: OnceLock<PatternIndex>,
    /// The lower-case words of every accepted name of a person, event or
    /// place: never a misspelling. foldhash: the spelling check looks up
    /// every word of an essay, and SipHash cost 1.8 M instructions on c200.
    pub name_words: foldhash::HashSet<String>,
}

#[derive(Debug, Clone)]
pub struct Focus {
    pub term: String,
    /// Stems of the term and its one-word variants.
    pub stems: Vec<String>,
    /// Any variant or related phrase.
    pub matcher: Option<Lazy>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub names: Lazy,
    pub accepted: Vec<String>,
    pub misspellings: Vec<(Lazy, String)>,
    pub fuzzy: Vec<String>,
    /// `fuzzy` lower-cased, for comparing with an essay's words.
    pub fuzzy_keys: Vec<String>,
    pub born: Option<Interval>,
    pub died: Option<Interval>,
    pub died_text: Option<String>,
    pub offices: Vec<Office>,
    pub absences: Vec<Absence>,
    pub confusions: Vec<Rule>,
}

#[derive(Debug, Clone)]
pub struct Office {
    pub title: String,
    pub pattern: Lazy,
    pub held: Interval,
    pub when: String,
}

#[derive(Debug, Clone)]
pub struct Absence {
    pub during: Interval,
    pub place: String,
    pub until_text: String,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub names: Vec<PlaceName>,
}

#[derive(Debug, Clone)]
pub struct PlaceName {
    pub name: String,
    pub matcher: Lazy,
    pub periods: Vec<Interval>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub matcher: Lazy,
    /// Every date a source gives, Old and New Style.
    pub accepted: Vec<Interval>,
    /// The main (New Style) date.
    pub date: Interval,
    pub when: String,
    pub people: Vec<String>,
    pub after: Vec<String>,
    pub caused_by: Vec<String>,
    pub main: bool,
    pub check_dates: bool,
}

impl Event {
    /// The earliest day any source gives.
    pub fn earliest(&self) -> Ymd {
        self.accepted
            .iter()
            .map(|i| i.start)
            .min()
            .unwrap_or(self.date.start)
    }
    /// The latest day any source gives.
    pub fn latest(&self) -> Ymd {
        self.accepted
            .iter()
            .map(|i| i.end)
            .max()
            .unwrap_or(self.date.end)
    }
    pub fn accepts(&self, i: Interval) -> bool {
        self.accepted.iter().any(|a| overlaps(*a, i))
    }
}

#[derive(Debug, Clone)]
pub struct Factor {
    pub id: String,
    pub name: String,
    pub cues: Vec<Lazy>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub pattern: Lazy,
    pub context: Option<Lazy>,
    pub unless: Option<Lazy>,
    pub correction: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
}

pub fn overlaps(a: Interval, b: Interval) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Loads and validates a pack from TOML text; `file` names it in errors.
/// Every regular expression is compiled, so that a bad one is reported now.
pub fn load(file: &str, src: &str) -> Result<Pack, PackError> {
    load_with(file, src, true)
}

/// Loads a pack whose patterns are known to compile (a built-in one, which
/// the tests load with [`load`]): each is compiled when first needed.
pub fn load_trusted(file: &str, src: &str) -> Result<Pack, PackError> {
    load_with(file, src, false)
}

fn load_with(file: &str, src: &str, eager: bool) -> Result<Pack, PackError> {
    let ctx = Ctx { file, src, eager };
    let raw: PackFile = toml::from_str(src).map_err(|e| {
        let span = e.span();
        let key = span
            .clone()
            .and_then(|r| src.get(r))
            .map(|s| s.lines().next().unwrap_or("").trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "(file)".into());
        ctx.err_at(span.map(|r| r.start), &key, e.message().trim())
    })?;
    ctx.compile(raw)
}

struct Ctx<'a> {
    file: &'a str,
    src: &'a str,
    /// Compile (and so validate) every pattern now.
    eager: bool,
}

impl Ctx<'_> {
    fn err_at(&self, at: Option<usize>, key: &str, message: &str) -> PackError {
        let line = at.map_or(0, |b| {
            self.src[..b.min(self.src.len())].matches('\n').count() + 1
        });
        PackError {
            file: self.file.to_string(),
            line,
            key: key.to_string(),
            message: message.to_string(),
        }
    }

    fn err(&self, t: &Text, key: &str, message: impl Into<String>) -> PackError {
        self.err_at(Some(t.span().start), key, &message.into())
    }

    fn regex(&self, t: &Text, key: &str) -> Result<Lazy, PackError> {
        let lazy = Lazy::new(t.get_ref().as_str());
        if self.eager {
            self.validate(t, key)?;
            lazy.regex();
        }
        Ok(lazy)
    }

    fn validate(&self, t: &Text, key: &str) -> Result<(), PackError> {
        RegexBuilder::new(t.get_ref())
            .case_insensitive(true)
            .size_limit(1 << 22)
            .build()
            .map(drop)
            .map_err(|e| self.err(t, key, format!("not a valid regular expression: {e}")))
    }

    /// Several patterns joined as alternatives. When the whole does not
    /// compile, the first part that does not is named; `whole` gives the
    /// error when every part compiles alone.
    fn joined(
        &self,
        parts: &[String],
        checked: &[(&Text, String)],
        whole: impl FnOnce(regex::Error) -> PackError,
    ) -> Result<Lazy, PackError> {
        let pattern = parts.join("|");
        let lazy = Lazy::new(pattern.as_str());
        if !self.eager {
            return Ok(lazy);
        }
        match RegexBuilder::new(&pattern).case_insensitive(true).build() {
            Ok(_) => {
                lazy.regex();
                Ok(lazy)
            }
            Err(e) => {
                for (t, key) in checked {
                    self.validate(t, key)?;
                }
                Err(whole(e))
            }
        }
    }

    fn opt_regex(&self, t: &Option<Text>, key: &str) -> Result<Option<Lazy>, PackError> {
        t.as_ref().map(|t| self.regex(t, key)).transpose()
    }

    fn interval(&self, t: &Text, key: &str, open: bool) -> Result<Interval, PackError> {
        parse_interval(t.get_ref(), open).map_err(|m| self.err(t, key, m))
    }

    fn compile(&self, raw: PackFile) -> Result<Pack, PackError> {
        if *raw.format.get_ref() != FORMAT {
            return Err(self.err_at(
                Some(raw.format.span().start),
                "format",
                &format!(
                    "format {} is not supported; this argmark reads format {FORMAT}",
                    raw.format.get_ref()
                ),
            ));
        }
        let id = raw.id.get_ref().clone();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(self.err(&raw.id, "id", "use letters, digits and '-' only"));
        }
        let mut ids = Ids::default();
        let mut sources = Vec::new();
        for (i, s) in raw.sources.iter().enumerate() {
            let key = format!("sources[{i}].id");
            ids.add(self, &s.id, &key)?;
            sources.push(SourceRef {
                id: s.id.get_ref().clone(),
                title: s.title.clone(),
                url: s.url.clone(),
            });
        }
        let source_ids: HashSet<String> = sources.iter().map(|s| s.id.clone()).collect();
        let check_source = |t: &Option<Text>, key: &str| -> Result<Option<String>, PackError> {
            match t {
                Some(t) if !source_ids.contains(t.get_ref()) => Err(self.err(
                    t,
                    key,
                    format!("no source with id \"{}\" in [[sources]]", t.get_ref()),
                )),
                Some(t) => Ok(Some(t.get_ref().clone())),
                None => Ok(None),
            }
        };
        let rule = |r: &spec::RuleSpec, key: &str, ids: &mut Ids| -> Result<Rule, PackError> {
            ids.add(self, &r.id, &format!("{key}.id"))?;
            Ok(Rule {
                id: r.id.get_ref().clone(),
                pattern: self.regex(&r.pattern, &format!("{key}.pattern"))?,
                context: self.opt_regex(&r.context, &format!("{key}.context"))?,
                unless: self.opt_regex(&r.unless, &format!("{key}.unless"))?,
                correction: r.correction.clone(),
                source: check_source(&r.source, &format!("{key}.source"))?,
            })
        };

        let window = self.interval(&raw.question.window, "question.window", false)?;
        let question_patterns = raw
            .question
            .patterns
            .iter()
            .enumerate()
            .map(|(i, p)| self.regex(p, &format!("question.patterns[{i}]")))
            .collect::<Result<_, _>>()?;
        let keywords = raw
            .question
            .keywords
            .iter()
            .filter_map(|k| phrases(&[k]))
            .collect();

        let focus = raw
            .focus
            .iter()
            .map(|f| {
                let mut stems = vec![stem(&word_key(&f.term))];
                for v in &f.variants {
                    if !v.contains(' ') {
                        stems.push(stem(&word_key(v)));
                    }
                }
                let all: Vec<&String> = f.variants.iter().chain(&f.related).collect();
                Focus {
                    term: f.term.clone(),
                    stems,
                    matcher: phrases(&all),
                }
            })
            .collect();

        let mut people = Vec::new();
        for (i, p) in raw.people.iter().enumerate() {
            let key = format!("people[{i}]");
            ids.add(self, &p.id, &format!("{key}.id"))?;
            let mut accepted = vec![p.name.clone()];
            accepted.extend(p.variants.iter().cloned());
            let names = phrases(&accepted.iter().collect::<Vec<_>>())
                .expect("a person has at least a name");
            let misspellings = p
                .misspellings
                .iter()
                .filter_map(|m| phrases(&[m]).map(|r| (r, m.clone())))
                .collect();
            let born = p
                .born
                .as_ref()
                .map(|t| self.interval(t, &format!("{key}.born"), false))
                .transpose()?;
            let died = p
                .died
                .as_ref()
                .map(|t| self.interval(t, &format!("{key}.died"), false))
                .transpose()?;
            if let (Some(b), Some(d), Some(t)) = (born, died, &p.died)
                && d.start < b.end
            {
                return Err(self.err(t, &format!("{key}.died"), "death is before birth"));
            }
            let mut offices = Vec::new();
            for (j, o) in p.offices.iter().enumerate() {
                let okey = format!("{key}.offices[{j}]");
                let pattern = alternation(self, &o.patterns, &format!("{okey}.patterns"))?;
                check_source(&o.source, &format!("{okey}.source"))?;
                offices.push(Office {
                    title: o.title.clone(),
                    pattern,
                    held: self.interval(&o.held, &format!("{okey}.held"), true)?,
                    when: o.when.clone(),
                });
            }
            let mut absences = Vec::new();
            for (j, a) in p.absences.iter().enumerate() {
                let akey = format!("{key}.absences[{j}]");
                check_source(&a.source, &format!("{akey}.source"))?;
                absences.push(Absence {
                    during: self.interval(&a.during, &format!("{akey}.during"), false)?,
                    place: a.place.clone(),
                    until_text: a.until_text.clone(),
                });
            }
            let mut confusions = Vec::new();
            for (j, c) in p.confusions.iter().enumerate() {
                confusions.push(rule(c, &format!("{key}.confusions[{j}]"), &mut ids)?);
            }
            check_source(&p.source, &format!("{key}.source"))?;
            people.push(Person {
                id: p.id.get_ref().clone(),
                name: p.name.clone(),
                names,
                accepted,
                misspellings,
                fuzzy: p.fuzzy.clone(),
                fuzzy_keys: p.fuzzy.iter().map(|f| f.to_lowercase()).collect(),
                born,
                died,
                died_text: p.died_text.clone(),
                offices,
                absences,
                confusions,
            });
        }

        let mut places = Vec::new();
        for (i, p) in raw.places.iter().enumerate() {
            let key = format!("places[{i}]");
            ids.add(self, &p.id, &format!("{key}.id"))?;
            let mut names = Vec::new();
            for (j, n) in p.names.iter().enumerate() {
                let mut all = vec![&n.name];
                all.extend(&n.variants);
                let periods = n
                    .periods
                    .iter()
                    .enumerate()
                    .map(|(k, t)| self.interval(t, &format!("{key}.names[{j}].periods[{k}]"), true))
                    .collect::<Result<_, _>>()?;
                names.push(PlaceName {
                    name: n.name.clone(),
                    matcher: phrases(&all).expect("a name"),
                    periods,
                });
            }
            places.push(Place {
                id: p.id.get_ref().clone(),
                names,
            });
        }

        let mut events = Vec::new();
        for (i, e) in raw.events.iter().enumerate() {
            let key = format!("events[{i}]");
            ids.add(self, &e.id, &format!("{key}.id"))?;
            let date = self.interval(&e.date, &format!("{key}.date"), false)?;
            let mut accepted = vec![date];
            if let Some(os) = &e.os {
                accepted.push(self.interval(os, &format!("{key}.os"), false)?);
            }
            for (j, v) in e.variants.iter().enumerate() {
                accepted.push(self.interval(v, &format!("{key}.variants[{j}]"), false)?);
            }
            let mut parts: Vec<String> = Vec::new();
            if let Some(p) = phrases(&e.aliases.iter().chain([&e.name]).collect::<Vec<_>>()) {
                parts.push(p.as_str().to_string());
            }
            let mut checked = Vec::new();
            for (j, p) in e.patterns.iter().enumerate() {
                checked.push((p, format!("{key}.patterns[{j}]")));
                parts.push(format!("(?:{})", p.get_ref()));
            }
            let matcher = self.joined(&parts, &checked, |err| {
                self.err(&e.id, &key, err.to_string())
            })?;
            check_source(&e.source, &format!("{key}.source"))?;
            events.push(Event {
                id: e.id.get_ref().clone(),
                name: e.name.clone(),
                matcher,
                accepted,
                date,
                when: e.when.clone(),
                people: e.people.iter().map(|t| t.get_ref().clone()).collect(),
                after: e.after.iter().map(|t| t.get_ref().clone()).collect(),
                caused_by: e.caused_by.iter().map(|t| t.get_ref().clone()).collect(),
                main: e.main,
                check_dates: e.check_dates,
            });
        }
        // References between events and people resolve.
        let person_ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let event_ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        for (i, e) in raw.events.iter().enumerate() {
            for (j, p) in e.people.iter().enumerate() {
                if !person_ids.contains(p.get_ref().as_str()) {
                    return Err(self.err(
                        p,
                        &format!("events[{i}].people[{j}]"),
                        format!("no person with id \"{}\"", p.get_ref()),
                    ));
                }
            }
            for (field, list) in [("after", &e.after), ("caused_by", &e.caused_by)] {
                for (j, r) in list.iter().enumerate() {
                    if !event_ids.contains(r.get_ref().as_str()) {
                        return Err(self.err(
                            r,
                            &format!("events[{i}].{field}[{j}]"),
                            format!("no event with id \"{}\"", r.get_ref()),
                        ));
                    }
                    let (this, other) = (
                        &events[i],
                        events
                            .iter()
                            .find(|x| &x.id == r.get_ref())
                            .expect("checked"),
                    );
                    if other.earliest() > this.latest() {
                        return Err(self.err(
                            r,
                            &format!("events[{i}].{field}[{j}]"),
                            format!("\"{}\" starts after \"{}\" ends", other.id, this.id),
                        ));
                    }
                }
            }
        }

        let mut factors = Vec::new();
        for (i, f) in raw.factors.iter().enumerate() {
            let key = format!("factors[{i}]");
            ids.add(self, &f.id, &format!("{key}.id"))?;
            let cues = f
                .cues
                .iter()
                .enumerate()
                .map(|(j, c)| self.regex(c, &format!("{key}.cues[{j}]")))
                .collect::<Result<_, _>>()?;
            factors.push(Factor {
                id: f.id.get_ref().clone(),
                name: f.name.clone(),
                cues,
            });
        }
        let mut misconceptions = Vec::new();
        for (i, m) in raw.misconceptions.iter().enumerate() {
            misconceptions.push(rule(m, &format!("misconceptions[{i}]"), &mut ids)?);
        }

        let mut pack = Pack {
            id,
            title: raw.title,
            default: raw.default,
            origin: self.file.to_string(),
            question_patterns,
            keywords,
            window,
            focus,
            people,
            places,
            events,
            factors,
            misconceptions,
            sources,
            index: OnceLock::new(),
            name_words: foldhash::HashSet::default(),
        };
        pack.name_words = pack.name_words();
        Ok(pack)
    }
}

impl Pack {
    fn name_words(&self) -> foldhash::HashSet<String> {
        self.people
            .iter()
            .flat_map(|p| p.accepted.iter())
            .chain(self.events.iter().map(|e| &e.name))
            .chain(
                self.places
                    .iter()
                    .flat_map(|p| p.names.iter().map(|n| &n.name)),
            )
            .flat_map(|s| {
                s.split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The index of every pattern of the pack, which also finds the facts
    /// check's cue words (in the same pass over an essay).
    pub fn index(&self) -> &PatternIndex {
        self.index
            .get_or_init(|| PatternIndex::with_companion(self.patterns(), Some(&super::cues::CUES)))
    }

    /// Every pattern of the pack, in a fixed order.
    fn patterns(&self) -> Vec<&Lazy> {
        fn rule(r: &Rule) -> impl Iterator<Item = &Lazy> {
            std::iter::once(&r.pattern)
                .chain(r.context.as_ref())
                .chain(r.unless.as_ref())
        }
        let mut out: Vec<&Lazy> = Vec::new();
        out.extend(self.question_patterns.iter());
        out.extend(self.keywords.iter());
        out.extend(self.focus.iter().filter_map(|f| f.matcher.as_ref()));
        for p in &self.people {
            out.push(&p.names);
            out.extend(p.misspellings.iter().map(|(m, _)| m));
            out.extend(p.offices.iter().map(|o| &o.pattern));
            out.extend(p.confusions.iter().flat_map(rule));
        }
        for p in &self.places {
            out.extend(p.names.iter().map(|n| &n.matcher));
        }
        out.extend(self.events.iter().map(|e| &e.matcher));
        out.extend(self.factors.iter().flat_map(|f| f.cues.iter()));
        out.extend(self.misconceptions.iter().flat_map(rule));
        out
    }
}

/// Ids are unique across the whole pack.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    fn add(&mut self, ctx: &Ctx, t: &Text, key: &str) -> Result<(), PackError> {
        let id = t.get_ref();
        if id.is_empty() {
            return Err(ctx.err(t, key, "an id cannot be empty"));
        }
        if !self.0.insert(id.clone()) {
            return Err(ctx.err(t, key, format!("duplicate id \"{id}\"")));
        }
        Ok(())
    }
}

fn alternation(ctx: &Ctx, list: &[Text], key: &str) -> Result<Lazy, PackError> {
    let parts: Vec<String> = list
        .iter()
        .map(|t| format!("(?:{})", t.get_ref()))
        .collect();
    let checked: Vec<(&Text, String)> = list
        .iter()
        .enumerate()
        .map(|(i, t)| (t, format!("{key}[{i}]")))
        .collect();
    ctx.joined(&parts, &checked, |e| ctx.err_at(None, key, &e.to_string()))
}

/// One case-insensitive regex matching any of the plain phrases as whole
/// words, tolerant of spacing, hyphens and apostrophes. Longest first, so a
/// full name wins over a surname.
/// Compiled on first use.
pub fn phrases(list: &[&String]) -> Option<Lazy> {
    let list: Vec<&str> = list
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts: Vec<String> = list.iter().map(|p| phrase_pattern(p)).collect();
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    parts.dedup();
    Some(Lazy::new(parts.join("|")))
}

fn phrase_pattern(p: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut out = String::new();
    if word(p.chars().next()) {
        out.push_str(r"\b");
    }
    for c in crate::normalize::fold(p).chars() {
        match c {
            ' ' => out.push_str(r"\s+"),
            '-' => out.push_str(r"[-\s]?"),
            '\'' => out.push_str("'?"),
            '.' => out.push_str(r"\.?\s*"),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    if word(p.chars().last()) {
        out.push_str(r"\b");
    }
    // ASCII-only classes and case folding: compiling Unicode case folds and
    // word classes for hundreds of names cost a third of a second at every
    // start. Names are matched on folded text, where they are ASCII but for
    // a few letters (ł, ü) that are still matched, only case-sensitively.
    format!("(?-u:{out})")
}

/// "1917", "1917-10", "1917-10-25", or "A..B" of those; with `open`, either
/// end of a range may be left out ("..1914-08-31").
pub fn parse_interval(s: &str, open: bool) -> Result<Interval, String> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once("..") {
        let start = if a.trim().is_empty() && open {
            Ymd::new(1, 1, 1)
        } else {
            parse_date(a)?.start
        };
        let end = if b.trim().is_empty() && open {
            Ymd::new(9999, 12, 31)
        } else {
            parse_date(b)?.end
        };
        if end < start {
            return Err(format!("the interval \"{s}\" ends before it starts"));
        }
        return Ok(Interval { start, end });
    }
    parse_date(s)
}

fn parse_date(s: &str) -> Result<Interval, String> {
    let s = s.trim();
    let bad = || format!("\"{s}\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, or A..B");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Result<u32, String> {
        if p.len() != len || !p.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            Ok(Interval {
                start: Ymd::year_start(y),
                end: Ymd::year_end(y),
            })
        }
        [y, m] => {
            let (y, m) = (num(y, 4)? as i32, num(m, 2)? as u8);
            if !(1..=12).contains(&m) {
                return Err(bad());
            }
            Ok(Interval {
                start: Ymd::new(y, m, 1),
                end: Ymd::new(y, m, days_in_month(y, m)),
            })
        }
        [y, m, d] => {
            let (y, m, d) = (num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8);
            if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
                return Err(bad());
            }
            let day = Ymd::new(y, m, d);
            Ok(Interval {
                start: day,
                end: day,
            })
        }
        _ => Err(bad()),
    }
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "21 January 1924", "March 1918", "1917" from an interval's start.
pub fn human(i: Interval) -> String {
    let s = i.start;
    let whole_month = s.day == 1 && i.end.day == days_in_month(i.end.year, i.end.month);
    if s == i.end {
        format!("{} {} {}", s.day, MONTHS[s.month as usize - 1], s.year)
    } else if s.month == 1 && whole_month && i.end.month == 12 && i.end.year == s.year {
        s.year.to_string()
    } else if whole_month && s.month == i.end.month && s.year == i.end.year {
        format!("{} {}", MONTHS[s.month as usize - 1], s.year)
    } else if s.year == i.end.year && s.month == 1 && i.end.month == 12 {
        s.year.to_string()
    } else {
        format!("{} {}", MONTHS[s.month as usize - 1], s.year)
    }
}

pub fn month_name(m: u8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}
