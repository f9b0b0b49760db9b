//! Argument roles: a role for every sentence, the structure of every
//! paragraph, and the shape of the essay's argument.

pub mod corpus;
pub mod eval;
pub mod features;
pub mod fit;
pub mod lexicon;
pub mod model;
pub mod structure;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{Part, part};
use features::FEATURES;
use model::Model;

/// What a sentence does in the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The essay's overall answer or judgement on the question.
    Thesis = 0,
    /// A point a paragraph argues.
    Claim = 1,
    /// Specific support: dates, names, numbers, events, quotations, a view.
    Evidence = 2,
    /// Why or how the evidence matters for the question.
    Analysis = 3,
    /// An opposing view, a limitation, or another factor.
    Counter = 4,
    /// Ties the paragraph back to the question.
    Link = 5,
    /// Recounts events without connecting them to the question.
    Narrative = 6,
    /// Anything else: padding, rhetorical questions, asides.
    Other = 7,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Thesis,
        Role::Claim,
        Role::Evidence,
        Role::Analysis,
        Role::Counter,
        Role::Link,
        Role::Narrative,
        Role::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Thesis => "thesis",
            Role::Claim => "claim",
            Role::Evidence => "evidence",
            Role::Analysis => "analysis",
            Role::Counter => "counter",
            Role::Link => "link",
            Role::Narrative => "narrative",
            Role::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// One letter for the compact paragraph strip (`C E E A L`).
    pub fn letter(self) -> char {
        match self {
            Role::Thesis => 'T',
            Role::Claim => 'C',
            Role::Evidence => 'E',
            Role::Analysis => 'A',
            Role::Counter => 'X',
            Role::Link => 'L',
            Role::Narrative => 'N',
            Role::Other => '·',
        }
    }

    /// Roles that argue rather than recount.
    pub fn argues(self) -> bool {
        matches!(
            self,
            Role::Thesis | Role::Claim | Role::Analysis | Role::Counter | Role::Link
        )
    }
}

/// One feature's part in a decision, for `--why` and the JSON `reasons`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub feature: &'static str,
    pub description: &'static str,
    /// Weight × value for the chosen role.
    pub weight: f32,
}

/// The role of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceRole {
    pub role: Role,
    pub secondary: Option<Role>,
    /// Probability of `role` under the model.
    pub confidence: f32,
    /// The features that most decided it, strongest first.
    pub reasons: Vec<Reason>,
    /// Probabilities of every role, in [`Role::ALL`] order.
    pub probabilities: [f32; 8],
}

/// A secondary role needs at least this probability.
const SECONDARY_MIN: f32 = 0.25;

/// Assigns a role to every sentence of an analysed essay, in order.
pub fn classify(a: &Analysis, model: &Model) -> Vec<SentenceRole> {
    let xs = features::extract(a);
    let scorer = model.by_feature();
    let count = a.doc.paragraphs.len();
    let parts: Vec<Part> = a
        .doc
        .paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| std::iter::repeat_n(part(i, count), p.sentences.len()))
        .collect();
    xs.iter()
        .zip(parts)
        .zip(a.doc.sentences())
        .map(|((x, where_), sentence)| {
            let mut p = scorer.probabilities(x);
            use features::f;
            // A thesis answers the whole question: it belongs in the
            // introduction or the conclusion, it judges, and it speaks of what
            // the question asks about. Anything else is not a thesis however
            // well placed.
            let judges = [
                f!("judgement"),
                f!("stance"),
                f!("has_conclusion"),
                f!("first_person"),
                f!("has_cause"),
                f!("evaluative"),
                f!("modal"),
            ]
            .iter()
            .any(|&i| x[i] > 0.0);
            let on_question = a.question.focus.is_empty() || x[f!("focus_any")] > 0.0;
            // "He became… and emerged as the most influential…" recounts,
            // whatever its adjectives, unless it is framed as a conclusion.
            let recounts = x[f!("narrative_verb")] > 0.0
                && x[f!("has_conclusion")] + x[f!("stance")] + x[f!("first_person")] == 0.0;
            if where_ == Part::Body {
                move_probability(&mut p, Role::Thesis, Role::Claim);
            } else if !judges || !on_question || recounts {
                rule_out(&mut p, Role::Thesis);
            }
            // Events wholly after the question's window cannot support an
            // answer about it: such a sentence recounts.
            let mut dates = a
                .dates_in(sentence.span)
                .filter(|d| !d.mention.naming_aside)
                .peekable();
            if dates.peek().is_some()
                && dates.all(|d| d.relation == crate::find::window::Relation::After)
            {
                move_probability(&mut p, Role::Evidence, Role::Narrative);
            }
            decide(model, x, p)
        })
        .collect()
}

/// Removes a role and spreads its probability over the others in proportion.
fn rule_out(p: &mut [f32; 8], role: Role) {
    let rest = 1.0 - p[role as usize];
    p[role as usize] = 0.0;
    if rest > 0.0 {
        for v in p.iter_mut() {
            *v /= rest;
        }
    }
}

/// Gives `from`'s probability to `to`: a role ruled out by a constraint.
fn move_probability(p: &mut [f32; 8], from: Role, to: Role) {
    p[to as usize] += p[from as usize];
    p[from as usize] = 0.0;
}

fn decide(model: &Model, x: &[f32; features::N], p: [f32; 8]) -> SentenceRole {
    // An array, not a vector: one allocation a sentence fewer.
    let mut order: [usize; 8] = std::array::from_fn(|i| i);
    order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
    let role = Role::ALL[order[0]];
    let secondary = (p[order[1]] >= SECONDARY_MIN).then(|| Role::ALL[order[1]]);
    let w = &model.weights[role as usize];
    let reasons = strongest(
        (1..features::N)
            .filter(|&i| x[i] != 0.0 && w[i] * x[i] > 0.0)
            .map(|i| Reason {
                feature: FEATURES[i].0,
                description: FEATURES[i].1,
                weight: w[i] * x[i],
            }),
    );
    SentenceRole {
        role,
        secondary,
        confidence: p[order[0]],
        reasons,
        probabilities: p,
    }
}

/// How many reasons a decision gives.
const REASONS: usize = 4;

/// Strongest first; equal weights by feature name (names are unique, so
/// the order is total).
fn stronger(a: &Reason, b: &Reason) -> std::cmp::Ordering {
    // Names compared only on a tie: comparing them every time was a string
    // comparison per reason weighed.
    b.weight
        .total_cmp(&a.weight)
        .then_with(|| a.feature.cmp(b.feature))
}

/// The [`REASONS`] strongest reasons, strongest first: what sorting them all
/// and keeping the first gives. Kept in order as they come, since most are
/// weaker than the fourth so far: collecting and sorting all of them was
/// most of deciding a sentence.
fn strongest(reasons: impl Iterator<Item = Reason>) -> Vec<Reason> {
    let mut top: Vec<Reason> = Vec::with_capacity(REASONS);
    for r in reasons {
        let at = top.partition_point(|t| stronger(t, &r).is_lt());
        if at < REASONS {
            if top.len() == REASONS {
                top.pop();
            }
            top.insert(at, r);
        }
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general way: sort all, keep the first four.
    fn strongest_by_sorting(mut reasons: Vec<Reason>) -> Vec<Reason> {
        reasons.sort_by(stronger);
        reasons.truncate(REASONS);
        reasons
    }

    proptest::proptest! {
        #[test]
        fn strongest_reasons_are_the_first_after_sorting(
            picks in proptest::collection::vec((1..features::N, 0u8..6), 0..20),
        ) {
            // Few distinct weights, so that ties are common.
            let reasons: Vec<Reason> = picks
                .iter()
                .map(|&(i, w)| Reason {
                    feature: FEATURES[i].0,
                    description: FEATURES[i].1,
                    weight: w as f32 / 4.0,
                })
                .collect();
            proptest::prop_assert_eq!(
                strongest(reasons.clone().into_iter()),
                strongest_by_sorting(reasons)
            );
        }
    }
}
