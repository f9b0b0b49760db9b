//! The argument's shape: point–evidence–explanation–link in each body
//! paragraph, each paragraph's mode, the thesis, the conclusion's judgement,
//! counter-arguments, and the share of sentences that argue.

use serde::Serialize;

use super::Role;
use crate::analysis::Analysis;
use crate::checks::{Part, part};

/// How a paragraph works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Makes and supports points about the question.
    #[default]
    Argued,
    /// Some argument, some story.
    Mixed,
    /// Recounts events without arguing.
    Narrative,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Argued => "argued",
            Mode::Mixed => "mixed",
            Mode::Narrative => "narrative",
        }
    }
}

/// Point, evidence, explanation and link of one paragraph.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ParagraphShape {
    pub point: bool,
    pub evidence: bool,
    pub explanation: bool,
    pub link: bool,
    pub mode: Mode,
    /// One letter a sentence (`C E E A L`).
    pub strip: String,
    /// Share of sentences that recount.
    pub narrative_share: f32,
}

/// The essay's argument at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Structure {
    pub paragraphs: Vec<ParagraphShape>,
    /// Index (in document order) of the thesis sentence in the introduction.
    pub thesis: Option<usize>,
    /// Index of the conclusion's judgement.
    pub conclusion_judgement: Option<usize>,
    /// Whether the conclusion's judgement agrees with the thesis (when both exist).
    pub conclusion_agrees: Option<bool>,
    /// Sentences that weigh another view or factor.
    pub counters: usize,
    /// The question's command asks for other factors to be weighed.
    pub weighing_expected: bool,
    /// Share of sentences that argue (thesis, claim, analysis, counter, link).
    pub argue_share: f32,
    /// Share of sentences that recount.
    pub narrative_share: f32,
}

/// Mode of a paragraph from its roles.
pub fn mode(roles: &[Role]) -> Mode {
    if roles.is_empty() {
        return Mode::Argued;
    }
    let n = roles.len() as f32;
    let narrative = roles.iter().filter(|r| **r == Role::Narrative).count() as f32 / n;
    let arguing = roles
        .iter()
        .filter(|r| {
            matches!(
                r,
                Role::Claim | Role::Analysis | Role::Link | Role::Thesis | Role::Counter
            )
        })
        .count();
    let recounting = roles
        .iter()
        .filter(|r| matches!(r, Role::Narrative | Role::Evidence))
        .count();
    // No point and no explanation: whatever facts it holds, it recounts.
    if narrative >= 0.5 || arguing == 0 && recounting > 0 {
        Mode::Narrative
    } else if narrative > 0.25 || arguing as f32 / n < 0.3 {
        Mode::Mixed
    } else {
        Mode::Argued
    }
}

fn shape(roles: &[Role]) -> ParagraphShape {
    let has = |r: &[Role]| roles.iter().any(|x| r.contains(x));
    let n = roles.len().max(1) as f32;
    ParagraphShape {
        point: has(&[Role::Claim, Role::Thesis, Role::Counter]),
        evidence: has(&[Role::Evidence]),
        explanation: has(&[Role::Analysis]),
        link: has(&[Role::Link]),
        mode: mode(roles),
        strip: roles
            .iter()
            .map(|r| r.letter().to_string())
            .collect::<Vec<_>>()
            .join(" "),
        narrative_share: roles.iter().filter(|r| **r == Role::Narrative).count() as f32 / n,
    }
}

impl Structure {
    /// The structure of an analysis whose roles are assigned.
    pub fn of(a: &Analysis) -> Structure {
        let roles: Vec<Role> = a.roles.iter().map(|r| r.role).collect();
        Structure::from_roles(a, &roles)
    }

    /// The structure from given roles (gold labels in evaluation).
    pub fn from_roles(a: &Analysis, roles: &[Role]) -> Structure {
        let count = a.doc.paragraphs.len();
        let mut paragraphs = Vec::with_capacity(count);
        let mut at = 0;
        let mut thesis = None;
        let mut conclusion_judgement = None;
        for (i, p) in a.doc.paragraphs.iter().enumerate() {
            let these = &roles[at..(at + p.sentences.len()).min(roles.len())];
            paragraphs.push(shape(these));
            let first_thesis = these
                .iter()
                .position(|r| *r == Role::Thesis)
                .map(|k| at + k);
            match part(i, count) {
                Part::Introduction | Part::Whole if thesis.is_none() => thesis = first_thesis,
                Part::Conclusion => {
                    conclusion_judgement = these
                        .iter()
                        .rposition(|r| *r == Role::Thesis)
                        .map(|k| at + k);
                }
                _ => {}
            }
            at += p.sentences.len();
        }
        let n = roles.len().max(1) as f32;
        let conclusion_agrees = match (thesis, conclusion_judgement) {
            (Some(t), Some(c)) if t != c => agrees(a, t, c),
            _ => None,
        };
        Structure {
            paragraphs,
            thesis,
            conclusion_judgement,
            conclusion_agrees,
            counters: roles.iter().filter(|r| **r == Role::Counter).count(),
            weighing_expected: a.question.asks_to_weigh(),
            argue_share: roles.iter().filter(|r| r.argues()).count() as f32 / n,
            narrative_share: roles.iter().filter(|r| **r == Role::Narrative).count() as f32 / n,
        }
    }
}

/// Words that turn a judgement round.
const NEGATIONS: &[&str] = &["not", "no", "never", "hardly", "neither", "nor"];

/// Do two judgements point the same way? `None` when either is nuanced (a
/// balanced judgement with "but" or "although" cannot be compared by its
/// words alone); otherwise they differ only when one negates a judgement word
/// that the other affirms. Said only when sure: a false alarm would tell a
/// student their good conclusion contradicts itself.
fn agrees(a: &Analysis, thesis: usize, conclusion: usize) -> Option<bool> {
    let sentences: Vec<_> = a.doc.sentences().collect();
    let key = |i: usize| {
        crate::layout::collapse_space(&crate::normalize::word_key(a.doc.slice(sentences[i].span)))
    };
    let nuanced = |k: &str| {
        super::lexicon::LEXICON.hits(k).iter().any(|h| {
            let c = super::lexicon::CATEGORIES[h.category];
            c == "contrast" || c == "concession"
        })
    };
    let (t, c) = (key(thesis), key(conclusion));
    if nuanced(&t) || nuanced(&c) {
        return None;
    }
    let negated = |i: usize| {
        let words = &sentences[i].words;
        let judging = super::lexicon::category("judgement");
        words.iter().enumerate().any(|(k, w)| {
            NEGATIONS.contains(&w.key.as_str())
                && words[k + 1..(k + 4).min(words.len())].iter().any(|n| {
                    super::lexicon::LEXICON
                        .hits(&n.key)
                        .iter()
                        .any(|h| h.category == judging)
                })
        })
    };
    Some(negated(thesis) == negated(conclusion))
}
