//! The role model: multinomial logistic regression over the features, with
//! its weights in `models/roles.toml` (compiled in), readable per role.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::Role;
use super::features::{FEATURES, N};

const MODEL_TOML: &str = include_str!("../../models/roles.toml");

/// The format version this build reads and writes.
pub const FORMAT: u32 = 1;

/// On-disk form: `[weights.<role>] <feature> = <weight>`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: u32,
    /// How the weights were fitted (corpus, split, settings).
    fitted_on: String,
    weights: BTreeMap<String, BTreeMap<String, f64>>,
}

/// Weights for every role and feature.
#[derive(Debug, Clone)]
pub struct Model {
    pub fitted_on: String,
    /// `weights[role][feature]`, roles in [`Role::ALL`] order.
    pub weights: Vec<[f32; N]>,
}

pub static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::parse(MODEL_TOML).expect("models/roles.toml is valid"));

impl Model {
    /// Reads a model file; unknown roles or features are errors, missing
    /// weights are zero.
    pub fn parse(text: &str) -> Result<Model, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        if file.format != FORMAT {
            return Err(format!(
                "model format {} is not supported (expected {FORMAT})",
                file.format
            ));
        }
        let mut weights = vec![[0f32; N]; Role::ALL.len()];
        for (role, table) in &file.weights {
            let r =
                Role::parse(role).ok_or_else(|| format!("unknown role `{role}` in [weights]"))?;
            for (feature, w) in table {
                let f = super::features::index(feature)
                    .ok_or_else(|| format!("unknown feature `{feature}` in [weights.{role}]"))?;
                weights[r as usize][f] = *w as f32;
            }
        }
        Ok(Model {
            fitted_on: file.fitted_on,
            weights,
        })
    }

    /// Writes the model in its TOML form, weights rounded to 4 places.
    pub fn to_toml(&self) -> String {
        let mut weights = BTreeMap::new();
        for role in Role::ALL {
            let table: BTreeMap<String, f64> = FEATURES
                .iter()
                .enumerate()
                .map(|(i, (name, _))| {
                    (
                        name.to_string(),
                        (self.weights[role as usize][i] as f64 * 1e4).round() / 1e4,
                    )
                })
                .collect();
            weights.insert(role.as_str().to_string(), table);
        }
        let file = File {
            format: FORMAT,
            fitted_on: self.fitted_on.clone(),
            weights,
        };
        let header = "# Argument-role model: multinomial logistic regression.\n\
                      # score(role) = sum of weight × feature; probabilities by softmax.\n\
                      # Features are described in src/roles/features.rs (FEATURES) and\n\
                      # shown per sentence by `argmark check --why`. Refit with\n\
                      # `argmark model fit corpus/roles/*.jsonl`.\n";
        format!(
            "{header}{}",
            toml::to_string(&file).expect("model serialises")
        )
    }

    /// The weights arranged to score sentences: per role, the sum of weight
    /// times feature (the logits), and probabilities by softmax.
    pub fn by_feature(&self) -> ByFeature {
        let mut w = [[0f32; 8]; N];
        for (r, role) in self.weights.iter().enumerate() {
            for (i, v) in role.iter().enumerate() {
                w[i][r] = *v;
            }
        }
        ByFeature(w)
    }
}

/// The weights feature by feature, the eight roles side by side: a feature
/// then adds to every role's score in one vector step, where role by role
/// the sums were a tenth of classifying a sentence. Each role's sum still
/// runs over the features in order from -0.0, as summing role by role with
/// `Iterator::sum` did, so the scores are the same to the bit (the tests
/// keep that way as their reference).
pub struct ByFeature([[f32; 8]; N]);

impl ByFeature {
    /// Raw scores (logits) per role.
    pub fn scores(&self, x: &[f32; N]) -> [f32; 8] {
        let mut s = [-0.0f32; 8];
        for (w, x) in self.0.iter().zip(x) {
            for (s, w) in s.iter_mut().zip(w) {
                *s += w * x;
            }
        }
        s
    }

    /// Probabilities per role.
    pub fn probabilities(&self, x: &[f32; N]) -> [f32; 8] {
        softmax(self.scores(x))
    }
}

pub fn softmax(s: [f32; 8]) -> [f32; 8] {
    let max = s.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut e = s.map(|v| (v - max).exp());
    let sum: f32 = e.iter().sum();
    for v in &mut e {
        *v /= sum;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(s: [f32; 8]) -> [u32; 8] {
        s.map(f32::to_bits)
    }

    /// Scores as first defined: role by role, summed over the features.
    fn role_by_role(model: &Model, x: &[f32; N]) -> [f32; 8] {
        let mut s = [0f32; 8];
        for (r, w) in model.weights.iter().enumerate() {
            s[r] = w.iter().zip(x).map(|(w, x)| w * x).sum();
        }
        s
    }

    proptest::proptest! {
        /// Scoring feature by feature gives role by role's bits, for any
        /// weights and features (zeros of both signs included).
        #[test]
        fn by_feature_scores_are_the_models(
            weights in proptest::collection::vec(
                proptest::prop_oneof![-4.0f32..4.0, proptest::strategy::Just(0.0f32), proptest::strategy::Just(-0.0f32)],
                8 * N,
            ),
            x in proptest::collection::vec(
                proptest::prop_oneof![0.0f32..1.0, proptest::strategy::Just(0.0f32), proptest::strategy::Just(-0.0f32), proptest::strategy::Just(1.0f32)],
                N,
            ),
        ) {
            let model = Model {
                fitted_on: String::new(),
                weights: weights
                    .chunks(N)
                    .map(|c| <[f32; N]>::try_from(c).unwrap())
                    .collect(),
            };
            let x = <[f32; N]>::try_from(x.as_slice()).unwrap();
            proptest::prop_assert_eq!(bits(model.by_feature().scores(&x)), bits(role_by_role(&model, &x)));
        }
    }

    /// Sums of only negative zeros stay negative, as `Iterator::sum` has them.
    #[test]
    fn by_feature_keeps_the_sign_of_zero_sums() {
        let model = Model {
            fitted_on: String::new(),
            weights: vec![[-1.0; N]; 8],
        };
        let x = [0.0; N];
        assert_eq!(
            bits(model.by_feature().scores(&x)),
            bits(role_by_role(&model, &x))
        );
    }

    #[test]
    fn by_feature_probabilities_of_the_built_in_model() {
        let mut x = [0f32; N];
        for i in 0..N {
            x[i] = (i % 3) as f32 / 2.0;
            assert_eq!(
                bits(MODEL.by_feature().probabilities(&x)),
                bits(softmax(role_by_role(&MODEL, &x)))
            );
        }
    }
}
