//! Where the essay's dates fall against the window and the pack's main
//! events: data for the JSON report and a compact strip for the terminal.

use serde::Serialize;

use super::scan::Scan;
use crate::analysis::Analysis;
use crate::find::dates::Ymd;
use crate::find::window::Relation;
use crate::question::Window;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub start_year: i32,
    pub end_year: i32,
    /// Years (inside or outside the window) that the essay's dates touch.
    pub essay_years: Vec<i32>,
    /// The pack's main events in the window.
    pub events: Vec<EventMark>,
    /// The latest date inside the window that the essay reaches, ISO.
    pub essay_reaches: Option<String>,
    #[serde(skip)]
    marks: Vec<(Ymd, Ymd)>,
    #[serde(skip)]
    outside: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventMark {
    pub name: String,
    pub year: i32,
    #[serde(skip)]
    pub month: u8,
    /// The essay names it.
    pub mentioned: bool,
}

/// The window the topic checks use: the question's, completed by the pack's.
pub fn effective_window(a: &Analysis) -> Option<Window> {
    let t = a.topic.as_ref()?;
    let w = a.question.window;
    Some(Window {
        start: w.start.or(Some(t.pack.window.start)),
        end: w.end.or(Some(t.pack.window.end)),
    })
}

/// The timeline, when a pack is in use.
pub fn build(a: &Analysis) -> Option<Timeline> {
    let t = a.topic.as_ref()?;
    let w = effective_window(a)?;
    let (start, end) = (w.start?, w.end?);
    if end.year - start.year > 60 {
        return None;
    }
    let mut essay_years: Vec<i32> = Vec::new();
    let mut marks = Vec::new();
    let mut outside = Vec::new();
    let mut reaches: Option<Ymd> = None;
    let scan = Scan::new(a);
    let body_from = if a.doc.paragraphs.len() >= 3 {
        a.doc.paragraphs[1].span.start
    } else {
        0
    };
    let all = crate::span::Span::new(0, a.doc.text.len());
    for d in scan.dates(all) {
        let i = d.mention.interval;
        if i.end.year - i.start.year <= 10 {
            essay_years.extend(i.start.year..=i.end.year);
        }
        match d.relation {
            Relation::Before | Relation::After => outside.push(i.start.year),
            _ => {
                let s = i.start.max(start);
                let e = i.end.min(end);
                if s <= e {
                    marks.push((s, e));
                    if i.end.year - i.start.year <= 1 && d.mention.span.start >= body_from {
                        reaches = reaches.max(Some(s));
                    }
                }
            }
        }
    }
    essay_years.sort_unstable();
    essay_years.dedup();
    outside.sort_unstable();
    outside.dedup();
    let named: Vec<usize> = scan
        .paragraph_events()
        .iter()
        .flatten()
        .map(|m| m.index)
        .collect();
    let events = t
        .pack
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.main && e.date.start >= start && e.date.start <= end)
        .map(|(i, e)| EventMark {
            name: e.name.clone(),
            year: e.date.start.year,
            month: e.date.start.month,
            mentioned: named.contains(&i),
        })
        .collect();
    Some(Timeline {
        start_year: start.year,
        end_year: end.year,
        essay_years,
        events,
        essay_reaches: reaches.map(|r| r.to_string()),
        marks,
        outside,
    })
}

impl Timeline {
    /// A few lines of text: years across, the essay's dates, the pack's
    /// events, then a legend. Fits `width` columns.
    pub fn strip(&self, width: usize) -> String {
        let years = (self.end_year - self.start_year + 1).max(1) as usize;
        let label = 8;
        let per_year = ((width.saturating_sub(label + 2)) / years).clamp(1, 12);
        let cols = per_year * years;
        let col = |d: Ymd| -> usize {
            let y = (d.year - self.start_year).max(0) as usize;
            (y * per_year + (usize::from(d.month.max(1)) - 1) * per_year / 12).min(cols - 1)
        };
        let mut head = vec![' '; cols];
        let step = if per_year >= 5 {
            1
        } else {
            (5 / per_year).max(1) + 1
        };
        for (k, y) in (self.start_year..=self.end_year).enumerate() {
            if k % step != 0 {
                continue;
            }
            for (j, c) in y.to_string().chars().enumerate() {
                if k * per_year + j < cols {
                    head[k * per_year + j] = c;
                }
            }
        }
        let mut essay = vec!['·'; cols];
        for &(s, e) in &self.marks {
            for c in essay.iter_mut().take(col(e) + 1).skip(col(s)) {
                *c = '█';
            }
        }
        let mut events = vec![' '; cols];
        for e in &self.events {
            let at = col(Ymd::new(e.year, e.month, 1));
            events[at] = if e.mentioned { '▲' } else { '△' };
        }
        let mut out = String::new();
        let row = |name: &str, cells: &[char]| {
            format!("{name:<label$}{}\n", cells.iter().collect::<String>())
        };
        out.push_str(&row("", &head));
        out.push_str(&row("essay", &essay));
        out.push_str(&row("events", &events));
        if let Some(r) = &self.essay_reaches {
            out.push_str(&format!(
                "{:<label$}the essay's dates reach {}",
                "",
                reach_text(r)
            ));
            if !self.outside.is_empty() {
                let o: Vec<String> = self.outside.iter().map(i32::to_string).collect();
                out.push_str(&format!("; outside the window: {}", o.join(", ")));
            }
            out.push('\n');
        }
        let mut by_year: Vec<(i32, Vec<&str>)> = Vec::new();
        for e in &self.events {
            match by_year.last_mut() {
                Some((y, names)) if *y == e.year => names.push(&e.name),
                _ => by_year.push((e.year, vec![&e.name])),
            }
        }
        for (y, names) in by_year {
            out.push_str(&format!("{:<label$}{y}: {}\n", "", names.join(", ")));
        }
        out.push_str(&format!(
            "{:<label$}█ essay's dates  ▲ event the essay names  △ event it does not\n",
            ""
        ));
        out
    }
}

fn reach_text(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, _] => {
            let m: u8 = m.parse().unwrap_or(1);
            format!("{} {y}", super::pack::month_name(m))
        }
        _ => iso.to_string(),
    }
}
