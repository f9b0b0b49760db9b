//! A suggested level and mark: each rubric criterion gets a level with its
//! descriptor and the findings that decided it; the essay gets an overall
//! level and a mark. Always a suggestion for a teacher to confirm.

pub mod calibrate;
pub mod rubric;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{Part, part};
use crate::find::window::Relation;
use crate::finding::Severity;
use crate::roles::Role;
use crate::roles::structure::Mode;
pub use rubric::{Rubric, RubricError, band};

/// The wording every output carries with a suggested mark.
pub const SUGGESTION: &str = "a suggestion for the teacher to confirm";

/// The suggested level and mark of one essay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub level: u8,
    pub mark: u32,
    pub max: u32,
    /// The weighted criterion score, 0–1, before it becomes a mark.
    pub overall: f32,
    pub criteria: Vec<CriterionScore>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    pub name: String,
    pub title: String,
    pub level: u8,
    /// 0–1.
    pub score: f32,
    pub descriptor: String,
    /// Codes of the findings that lowered (or raised) it, in order.
    pub findings: Vec<String>,
    /// What else was measured, in words.
    pub reasons: Vec<String>,
    /// False when argmark cannot judge it (accuracy without a topic pack):
    /// its level then follows the others and it does not count.
    pub assessed: bool,
}

/// What the criteria read from an analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Features {
    pub words: usize,
    pub paragraphs: usize,
    pub body_paragraphs: usize,
    pub thesis: bool,
    pub conclusion: bool,
    pub conclusion_agrees: Option<bool>,
    pub argue_share: f32,
    pub narrative_body_share: f32,
    pub counters: usize,
    pub weighing_expected: bool,
    /// Evidence sentences with a date, a number or a proper name.
    pub specific_evidence: usize,
    /// Distinct years inside the window that the essay's dates touch.
    pub window_years: usize,
    pub dated_claims: usize,
    pub dated_outside: usize,
    pub has_window: bool,
    pub has_topic: bool,
    pub has_question: bool,
    /// Mean point/evidence/explanation/link of body paragraphs, each 0–1.
    pub peel: [f32; 4],
}

impl Features {
    pub fn of(a: &Analysis) -> Features {
        let count = a.doc.paragraphs.len();
        let st = &a.structure;
        let body: Vec<usize> = (0..count)
            .filter(|&i| matches!(part(i, count), Part::Body | Part::Whole))
            .collect();
        let nb = body.len().max(1) as f32;
        let shapes = |f: fn(&crate::roles::structure::ParagraphShape) -> bool| {
            body.iter()
                .filter(|&&i| st.paragraphs.get(i).is_some_and(f))
                .count() as f32
                / nb
        };
        let mut specific = 0;
        for (s, r) in a.doc.sentences().zip(&a.roles) {
            if !matches!(r.role, Role::Evidence) && r.secondary != Some(Role::Evidence) {
                continue;
            }
            let dated = a.dates_in(s.span).next().is_some();
            let number = s
                .words
                .iter()
                .any(|w| w.key.chars().any(|c| c.is_ascii_digit()));
            let named = s.words.iter().skip(1).any(|w| {
                let t = a.doc.slice(w.span);
                t.chars().next().is_some_and(char::is_uppercase) && t != "I"
            });
            if dated || number || named {
                specific += 1;
            }
        }
        let mut years = BTreeSet::new();
        let (mut dated, mut outside) = (0, 0);
        for d in &a.dates {
            if d.mention.naming_aside {
                continue;
            }
            dated += 1;
            match d.relation {
                Relation::Before | Relation::After => outside += 1,
                Relation::Inside | Relation::Overlaps => {
                    let i = d.mention.interval;
                    if i.end.year - i.start.year <= 2 {
                        years.extend(i.start.year..=i.end.year);
                    }
                }
                Relation::Unknown => {}
            }
        }
        Features {
            words: a.doc.word_count(),
            paragraphs: count,
            body_paragraphs: body.len(),
            thesis: st.thesis.is_some(),
            conclusion: st.conclusion_judgement.is_some(),
            conclusion_agrees: st.conclusion_agrees,
            argue_share: st.argue_share,
            narrative_body_share: shapes(|p| p.mode == Mode::Narrative),
            counters: st.counters,
            weighing_expected: st.weighing_expected,
            specific_evidence: specific,
            window_years: years.len(),
            dated_claims: dated,
            dated_outside: outside,
            has_window: !a.question.window.is_open(),
            has_topic: a.topic.is_some(),
            has_question: !a.question.text.trim().is_empty(),
            peel: [
                shapes(|p| p.point),
                shapes(|p| p.evidence),
                shapes(|p| p.explanation),
                shapes(|p| p.link),
            ],
        }
    }
}

/// Counts of an analysis's findings, by code.
struct Codes<'a>(&'a Analysis);

impl Codes<'_> {
    fn count(&self, code: &str) -> usize {
        self.0.findings.iter().filter(|f| f.code == code).count()
    }
    fn family(&self, family: &str, severity: Severity) -> usize {
        self.0
            .findings
            .iter()
            .filter(|f| f.code.split('.').next() == Some(family) && f.severity == severity)
            .count()
    }
}

/// A criterion's raw result before its level is read off.
struct Raw {
    score: f32,
    findings: Vec<String>,
    reasons: Vec<String>,
    assessed: bool,
}

impl Raw {
    fn new(score: f32) -> Raw {
        Raw {
            score,
            findings: Vec::new(),
            reasons: Vec::new(),
            assessed: true,
        }
    }
    /// Takes `per × n` off for `n` findings of `code`, and lists the code.
    fn penalise(&mut self, codes: &Codes, code: &str, per: f32) {
        let n = codes.count(code);
        if n > 0 {
            self.score -= per * n as f32;
            self.findings.push(code.to_string());
        }
    }
}

fn pct(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Scores an analysed essay against a rubric, out of `max` (the rubric's
/// own maximum when `None`).
pub fn score(a: &Analysis, rubric: &Rubric, max: Option<u32>) -> Score {
    let f = Features::of(a);
    score_features(a, &f, rubric, max)
}

fn score_features(a: &Analysis, f: &Features, rubric: &Rubric, max: Option<u32>) -> Score {
    let codes = Codes(a);
    let mut raws: Vec<(String, Raw)> = rubric::CRITERIA
        .iter()
        .map(|(name, _)| {
            let c = rubric.criterion(name);
            let raw = match *name {
                "focus" => focus(f, &codes, c),
                "judgement" => judgement(f, &codes, c),
                "analysis" => analysis(f, &codes, c),
                "evidence" => evidence(f, &codes, c),
                "balance" => balance(f, &codes, c),
                "organisation" => organisation(f, &codes, c),
                _ => accuracy(f, &codes, c),
            };
            (name.to_string(), raw)
        })
        .collect();
    let (mut sum, mut weights) = (0.0, 0.0);
    for (name, raw) in &mut raws {
        raw.score = raw.score.clamp(0.0, 1.0);
        if raw.assessed {
            let w = rubric.criterion(name).weight;
            sum += w * raw.score;
            weights += w;
        }
    }
    let overall = if weights > 0.0 { sum / weights } else { 0.0 };
    for (_, raw) in &mut raws {
        if !raw.assessed {
            raw.score = overall;
        }
    }
    let max = max.unwrap_or(rubric.max_mark).max(1);
    let o = rubric.overall;
    let mark = ((o.offset + o.scale * overall) * max as f32)
        .round()
        .clamp(1.0, max as f32) as u32;
    Score {
        level: band(mark, max),
        mark,
        max,
        overall: (overall * 1000.0).round() / 1000.0,
        criteria: raws
            .into_iter()
            .map(|(name, raw)| {
                let c = rubric.criterion(&name);
                let level = rubric.level_of(raw.score);
                CriterionScore {
                    title: c.title.clone(),
                    level,
                    score: (raw.score * 1000.0).round() / 1000.0,
                    descriptor: c.descriptors[usize::from(level - 1)].clone(),
                    findings: raw.findings,
                    reasons: raw.reasons,
                    assessed: raw.assessed,
                    name,
                }
            })
            .collect(),
        note: rubric.note.clone(),
    }
}

fn focus(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let mut r = Raw::new(1.0);
    r.penalise(codes, "dates.after-window", c.p("after-window"));
    r.penalise(codes, "dates.before-window", c.p("before-window"));
    r.penalise(codes, "coverage.window-gap", c.p("window-gap"));
    r.penalise(codes, "question.none", c.p("no-question"));
    let off = codes.count("focus.paragraph-off-topic");
    if off > 0 {
        r.score -= c.p("off-topic") * off as f32 / f.body_paragraphs.max(1) as f32;
        r.findings.push("focus.paragraph-off-topic".into());
    }
    if f.dated_claims > 0 && f.has_window {
        let share = f.dated_outside as f32 / f.dated_claims as f32;
        r.score -= c.p("outside-share") * share;
        r.reasons.push(format!(
            "{} of {} dates outside the window",
            f.dated_outside, f.dated_claims
        ));
    }
    r
}

fn judgement(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let mut r = Raw::new(0.0);
    if f.thesis {
        r.score += c.p("thesis");
        r.reasons.push("a thesis in the introduction".into());
    } else {
        r.reasons.push("no thesis in the introduction".into());
    }
    if f.conclusion {
        r.score += c.p("conclusion");
        r.reasons.push("a judgement in the conclusion".into());
    } else {
        r.reasons.push("no judgement in the conclusion".into());
    }
    r.score += c.p("sustained")
        * match f.conclusion_agrees {
            Some(true) => 1.0,
            None if f.thesis && f.conclusion => 0.5,
            _ => 0.0,
        };
    r.score += c.p("argue") * f.argue_share;
    r.penalise(codes, "argument.conclusion-differs", c.p("differs"));
    for code in ["structure.no-thesis", "structure.no-conclusion"] {
        if codes.count(code) > 0 {
            r.findings.push(code.into());
        }
    }
    r
}

fn analysis(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let (lo, hi) = (c.p("floor"), c.p("ceiling").max(c.p("floor") + 0.01));
    let mut r = Raw::new((f.argue_share - lo) / (hi - lo));
    r.reasons
        .push(format!("{} of sentences argue", pct(f.argue_share)));
    if f.narrative_body_share > 0.0 {
        r.score -= c.p("narrative-paragraphs") * f.narrative_body_share;
        r.reasons.push(format!(
            "{} of body paragraphs recount",
            pct(f.narrative_body_share)
        ));
    }
    if codes.count("argument.narrative-paragraph") > 0 {
        r.findings.push("argument.narrative-paragraph".into());
    }
    r.penalise(codes, "argument.narrative-essay", c.p("narrative-essay"));
    if codes.count("argument.evidence-unexplained") > 0 {
        r.findings.push("argument.evidence-unexplained".into());
    }
    r
}

fn evidence(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let need = c.p("per-paragraph").max(0.1) * f.body_paragraphs.max(1) as f32;
    let precision = (f.specific_evidence as f32 / need).min(1.0);
    let range = if f.has_window && f.dated_claims > 0 {
        (f.window_years as f32 / c.p("range-years").max(1.0)).min(1.0)
    } else {
        // Without a window, range is how many body paragraphs have evidence.
        f.peel[1]
    };
    let w = c.p("precision").min(1.0);
    let mut r = Raw::new(w * precision + (1.0 - w) * range);
    r.reasons.push(format!(
        "{} specific evidence sentences in {} body paragraphs",
        f.specific_evidence, f.body_paragraphs
    ));
    if f.has_window {
        r.reasons.push(format!(
            "dates touch {} years of the window",
            f.window_years
        ));
    }
    let unsupported = codes.count("argument.claim-without-evidence");
    if unsupported > 0 {
        r.score -= c.p("unsupported") * unsupported.min(3) as f32;
        r.findings.push("argument.claim-without-evidence".into());
    }
    r.penalise(codes, "coverage.window-gap", c.p("window-gap"));
    r
}

fn balance(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let full = c.p("counters-full").max(1.0);
    let base = if f.weighing_expected {
        0.0
    } else {
        c.p("base")
    };
    let mut r = Raw::new(base + (1.0 - base) * (f.counters as f32 / full).min(1.0));
    r.reasons.push(format!(
        "{} sentence(s) weigh another view or factor{}",
        f.counters,
        if f.weighing_expected {
            " (the question asks to weigh)"
        } else {
            ""
        }
    ));
    r.penalise(codes, "balance.no-counter", c.p("no-counter"));
    r.penalise(codes, "balance.no-other-factors", c.p("no-other-factors"));
    if codes.count("balance.other-factors") > 0 {
        r.findings.push("balance.other-factors".into());
    }
    r
}

fn organisation(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    let parts = ["point", "evidence", "explanation", "link"];
    let total: f32 = parts.iter().map(|p| c.p(p)).sum::<f32>().max(0.01);
    let peel: f32 = parts
        .iter()
        .zip(f.peel)
        .map(|(p, share)| c.p(p) * share)
        .sum::<f32>()
        / total;
    let paragraphs = (f.paragraphs as f32 / c.p("paragraphs").max(1.0)).min(1.0);
    let mut r = Raw::new(peel * paragraphs);
    r.reasons.push(format!(
        "body paragraphs: point {}, evidence {}, explanation {}, link {}",
        pct(f.peel[0]),
        pct(f.peel[1]),
        pct(f.peel[2]),
        pct(f.peel[3])
    ));
    r.reasons.push(format!("{} paragraphs", f.paragraphs));
    r.penalise(codes, "layout.cut-off", c.p("layout"));
    r.penalise(codes, "layout.missing-text", c.p("layout"));
    r
}

fn accuracy(f: &Features, codes: &Codes, c: &rubric::Criterion) -> Raw {
    if !f.has_topic {
        let mut r = Raw::new(0.0);
        r.assessed = false;
        r.reasons
            .push("no topic pack for this question: facts not checked".into());
        return r;
    }
    let errors = codes.family("facts", Severity::Warning) + codes.family("facts", Severity::Error);
    let slips = codes.family("facts", Severity::Suggestion);
    let mut r = Raw::new(1.0 - c.p("error") * errors as f32 - c.p("slip") * slips as f32);
    let mut seen: Vec<String> = codes
        .0
        .findings
        .iter()
        .filter(|x| x.code.starts_with("facts."))
        .map(|x| x.code.to_string())
        .collect();
    seen.dedup();
    let mut unique = Vec::new();
    for s in seen {
        if !unique.contains(&s) {
            unique.push(s);
        }
    }
    r.findings = unique;
    r.reasons.push(format!(
        "{errors} factual error(s), {slips} possible slip(s) against the topic pack"
    ));
    r
}
