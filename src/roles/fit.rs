//! Fitting the role model: multinomial logistic regression by full-batch
//! gradient descent with L2 regularisation. Deterministic: the same corpus
//! always gives the same weights.

use super::Role;
use super::features::N;
use super::model::{Model, softmax};

/// Settings of a fit; the defaults are the ones the shipped model used.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    pub learning_rate: f32,
    /// L2 penalty on every weight but the bias.
    pub l2: f32,
    /// Weigh each example by (n / (k × n_role))^balance, so rare roles count.
    pub balance: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 4000,
            learning_rate: 0.8,
            l2: 0.002,
            balance: 0.5,
        }
    }
}

/// Fits weights to labelled feature vectors.
pub fn fit(examples: &[([f32; N], Role)], settings: Settings, fitted_on: String) -> Model {
    let k = Role::ALL.len();
    let mut counts = [0usize; 8];
    for (_, r) in examples {
        counts[*r as usize] += 1;
    }
    let n = examples.len().max(1) as f32;
    let class_weight: Vec<f32> = counts
        .iter()
        .map(|&c| {
            if c == 0 {
                0.0
            } else {
                (n / (k as f32 * c as f32)).powf(settings.balance)
            }
        })
        .collect();
    let total_weight: f32 = examples
        .iter()
        .map(|(_, r)| class_weight[*r as usize])
        .sum::<f32>()
        .max(1e-6);

    let mut w = vec![[0f32; N]; k];
    let mut grad = vec![[0f32; N]; k];
    for _ in 0..settings.epochs {
        for g in grad.iter_mut() {
            *g = [0.0; N];
        }
        for (x, r) in examples {
            let mut s = [0f32; 8];
            for (c, wc) in w.iter().enumerate() {
                s[c] = wc.iter().zip(x).map(|(a, b)| a * b).sum();
            }
            let p = softmax(s);
            let cw = class_weight[*r as usize];
            for c in 0..k {
                let err = (p[c] - if c == *r as usize { 1.0 } else { 0.0 }) * cw;
                if err != 0.0 {
                    for (g, xi) in grad[c].iter_mut().zip(x) {
                        *g += err * xi;
                    }
                }
            }
        }
        for c in 0..k {
            for i in 0..N {
                let penalty = if i == 0 { 0.0 } else { settings.l2 * w[c][i] };
                w[c][i] -= settings.learning_rate * (grad[c][i] / total_weight + penalty);
            }
        }
    }
    Model {
        fitted_on,
        weights: w,
    }
}
