//! Agreement between the rubric's suggestions and examiners' marks:
//! Spearman's rank correlation of marks, exact and within-one level
//! agreement, and the confusion of levels. Also a small search that fits the
//! rubric's criterion weights and mark scale to graded essays.

use serde::Serialize;

use super::rubric::{Rubric, band};
use super::{CriterionScore, Score};

/// One graded essay, scored.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub id: String,
    /// `fit`, `held` or `samples`.
    pub split: String,
    /// The examiner's level and mark out of 25.
    pub level: u8,
    pub mark: u32,
    /// The rubric's criterion scores (0–1) and whether each was assessed.
    pub criteria: Vec<(f32, bool)>,
}

impl Case {
    pub fn new(id: &str, split: &str, level: u8, mark: u32, score: &Score) -> Case {
        Case {
            id: id.into(),
            split: split.into(),
            level,
            mark,
            criteria: score
                .criteria
                .iter()
                .map(|c: &CriterionScore| (c.score, c.assessed))
                .collect(),
        }
    }
}

/// The rubric's mark out of 25 for a case, under given weights and scale.
pub fn mark(case: &Case, weights: &[f32], offset: f32, scale: f32) -> u32 {
    let (mut s, mut w) = (0.0, 0.0);
    for ((score, assessed), wt) in case.criteria.iter().zip(weights) {
        if *assessed {
            s += wt * score;
            w += wt;
        }
    }
    let overall = if w > 0.0 { s / w } else { 0.0 };
    ((offset + scale * overall) * 25.0).round().clamp(1.0, 25.0) as u32
}

#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub essays: usize,
    pub spearman: f64,
    /// Share of essays whose level matches exactly.
    pub exact: f64,
    /// Share within one level.
    pub adjacent: f64,
    /// Mean absolute difference of marks.
    pub mae: f64,
    /// `confusion[examiner - 1][rubric - 1]`.
    pub confusion: [[usize; 5]; 5],
}

/// Agreement of predicted marks with the examiner's.
pub fn agreement(cases: &[&Case], predicted: &[u32]) -> Agreement {
    let truth: Vec<f64> = cases.iter().map(|c| f64::from(c.mark)).collect();
    let pred: Vec<f64> = predicted.iter().map(|&m| f64::from(m)).collect();
    let mut confusion = [[0; 5]; 5];
    let (mut exact, mut adjacent, mut mae) = (0, 0, 0.0);
    for (c, &m) in cases.iter().zip(predicted) {
        let l = band(m, 25);
        confusion[usize::from(c.level.clamp(1, 5) - 1)][usize::from(l - 1)] += 1;
        if l == c.level {
            exact += 1;
        }
        if l.abs_diff(c.level) <= 1 {
            adjacent += 1;
        }
        mae += (f64::from(m) - f64::from(c.mark)).abs();
    }
    let n = cases.len().max(1) as f64;
    Agreement {
        essays: cases.len(),
        spearman: spearman(&truth, &pred),
        exact: exact as f64 / n,
        adjacent: adjacent as f64 / n,
        mae: mae / n,
        confusion,
    }
}

/// Ranks with ties given their mean rank (1-based).
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for k in &order[i..=j] {
            r[*k] = mean;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rho: Pearson correlation of the ranks (ties averaged); 0 when
/// either side is constant.
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - ma) * (y - mb);
        va += (x - ma).powi(2);
        vb += (y - mb).powi(2);
    }
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va.sqrt() * vb.sqrt())
    }
}

/// How good a fit is: rank agreement first, then levels, then marks.
fn objective(cases: &[&Case], weights: &[f32], offset: f32, scale: f32) -> f64 {
    let pred: Vec<u32> = cases
        .iter()
        .map(|c| mark(c, weights, offset, scale))
        .collect();
    let a = agreement(cases, &pred);
    a.spearman + a.adjacent + 0.5 * a.exact - a.mae / 10.0
}

/// The fitted weights, offset and scale.
#[derive(Debug, Clone, Serialize)]
pub struct Fit {
    pub weights: Vec<f32>,
    pub offset: f32,
    pub scale: f32,
}

/// Fits criterion weights and the mark's offset and scale to graded
/// essays by coordinate search over a grid, starting from the rubric's own.
pub fn fit(cases: &[&Case], rubric: &Rubric) -> Fit {
    let mut weights: Vec<f32> = rubric.criteria_in_order().map(|c| c.weight).collect();
    let mut offset = rubric.overall.offset;
    let mut scale = rubric.overall.scale;
    let mut best = objective(cases, &weights, offset, scale);
    // Every criterion keeps a say (at least 0.5): a rubric that ignored
    // judgement or balance would not be one a marker recognises.
    let weight_grid: Vec<f32> = (2..=12).map(|i| i as f32 * 0.25).collect();
    let offset_grid: Vec<f32> = (-12..=8).map(|i| i as f32 * 0.025).collect();
    let scale_grid: Vec<f32> = (14..=40).map(|i| i as f32 * 0.05).collect();
    for _round in 0..6 {
        let before = best;
        for k in 0..weights.len() {
            for &w in &weight_grid {
                let mut trial = weights.clone();
                trial[k] = w;
                if trial.iter().all(|x| *x == 0.0) {
                    continue;
                }
                let v = objective(cases, &trial, offset, scale);
                if v > best + 1e-9 {
                    best = v;
                    weights = trial;
                }
            }
        }
        for &o in &offset_grid {
            for &s in &scale_grid {
                let v = objective(cases, &weights, o, s);
                if v > best + 1e-9 {
                    best = v;
                    offset = o;
                    scale = s;
                }
            }
        }
        if best <= before + 1e-9 {
            break;
        }
    }
    Fit {
        weights,
        offset,
        scale,
    }
}

impl Rubric {
    /// The criteria in report order.
    pub fn criteria_in_order(&self) -> impl Iterator<Item = &super::rubric::Criterion> {
        super::rubric::CRITERIA
            .iter()
            .map(|(name, _)| self.criterion(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_of_ranks() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-9);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-9);
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
        // Ties take the mean rank.
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
    }
}
