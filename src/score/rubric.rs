//! The rubric file: criteria with weights, descriptors and parameters,
//! compiled in from `models/rubric.toml` or loaded from a teacher's own file.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The rubric compiled into the binary.
pub const BUILTIN: &str = include_str!("../../models/rubric.toml");

/// The rubric format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The criteria every rubric must define, in report order, with the
/// parameters each one reads.
pub const CRITERIA: &[(&str, &[&str])] = &[
    (
        "focus",
        &[
            "after-window",
            "outside-share",
            "off-topic",
            "before-window",
            "window-gap",
            "no-question",
        ],
    ),
    (
        "judgement",
        &["thesis", "conclusion", "sustained", "argue", "differs"],
    ),
    (
        "analysis",
        &[
            "floor",
            "ceiling",
            "narrative-paragraphs",
            "narrative-essay",
        ],
    ),
    (
        "evidence",
        &[
            "per-paragraph",
            "range-years",
            "precision",
            "unsupported",
            "window-gap",
        ],
    ),
    (
        "balance",
        &["counters-full", "base", "no-counter", "no-other-factors"],
    ),
    (
        "organisation",
        &[
            "point",
            "evidence",
            "explanation",
            "link",
            "paragraphs",
            "layout",
        ],
    ),
    ("accuracy", &["error", "slip"]),
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rubric {
    pub version: u32,
    pub name: String,
    pub max_mark: u32,
    pub note: String,
    /// Four rising cut points on a 0–1 score: levels 2, 3, 4 and 5 start there.
    pub level_cuts: [f32; 4],
    pub overall: Overall,
    #[serde(rename = "criterion")]
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Overall {
    pub offset: f32,
    pub scale: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Criterion {
    pub name: String,
    pub title: String,
    pub weight: f32,
    /// Level 1 to level 5.
    pub descriptors: [String; 5],
    #[serde(default)]
    pub params: BTreeMap<String, f32>,
}

/// Why a rubric cannot be used: names the file and the key.
#[derive(Debug, thiserror::Error)]
pub enum RubricError {
    #[error("{0}: {1}")]
    Read(String, std::io::Error),
    #[error("{0}: {1}")]
    Parse(String, String),
    #[error("{0}: {1}")]
    Invalid(String, String),
}

impl Rubric {
    /// The built-in rubric, parsed once.
    pub fn builtin_ref() -> &'static Rubric {
        static RUBRIC: std::sync::LazyLock<Rubric> = std::sync::LazyLock::new(Rubric::builtin);
        &RUBRIC
    }

    /// The built-in rubric.
    pub fn builtin() -> Rubric {
        Rubric::parse(BUILTIN, "models/rubric.toml").expect("the built-in rubric is valid")
    }

    /// Loads and validates a rubric file.
    pub fn load(path: &Path) -> Result<Rubric, RubricError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RubricError::Read(name.clone(), e))?;
        Rubric::parse(&text, &name)
    }

    /// Parses and validates rubric text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Rubric, RubricError> {
        let rubric: Rubric =
            toml::from_str(text).map_err(|e| RubricError::Parse(origin.into(), e.to_string()))?;
        rubric
            .validate()
            .map_err(|e| RubricError::Invalid(origin.into(), e))?;
        Ok(rubric)
    }

    fn validate(&self) -> Result<(), String> {
        if self.version != FORMAT_VERSION {
            return Err(format!(
                "version = {}: this argmark reads rubric version {FORMAT_VERSION}",
                self.version
            ));
        }
        if self.max_mark == 0 || self.max_mark > 1000 {
            return Err(format!("max-mark = {}: must be 1..=1000", self.max_mark));
        }
        let c = self.level_cuts;
        if !c.iter().all(|x| (0.0..=1.0).contains(x)) || c.windows(2).any(|w| w[0] >= w[1]) {
            return Err("level-cuts: four rising numbers between 0 and 1".into());
        }
        if !self.overall.scale.is_finite()
            || self.overall.scale <= 0.0
            || !self.overall.offset.is_finite()
        {
            return Err("overall: scale must be > 0 and offset a number".into());
        }
        for c in &self.criteria {
            let Some((_, known)) = CRITERIA.iter().find(|(n, _)| *n == c.name) else {
                let names: Vec<_> = CRITERIA.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "criterion `{}`: unknown (criteria are {})",
                    c.name,
                    names.join(", ")
                ));
            };
            if !(c.weight.is_finite() && c.weight >= 0.0) {
                return Err(format!("criterion `{}`: weight must be ≥ 0", c.name));
            }
            for (k, v) in &c.params {
                if !known.contains(&k.as_str()) {
                    return Err(format!(
                        "criterion `{}`: unknown parameter `{k}` (known: {})",
                        c.name,
                        known.join(", ")
                    ));
                }
                if !(v.is_finite() && *v >= 0.0) {
                    return Err(format!(
                        "criterion `{}`: parameter `{k}` must be a number ≥ 0",
                        c.name
                    ));
                }
            }
            for k in *known {
                if !c.params.contains_key(*k) {
                    return Err(format!("criterion `{}`: missing parameter `{k}`", c.name));
                }
            }
            if c.descriptors.iter().any(|d| d.trim().is_empty()) {
                return Err(format!("criterion `{}`: empty descriptor", c.name));
            }
        }
        for (name, _) in CRITERIA {
            let n = self.criteria.iter().filter(|c| c.name == *name).count();
            if n != 1 {
                return Err(format!(
                    "criterion `{name}`: must appear exactly once (found {n})"
                ));
            }
        }
        if self.criteria.iter().all(|c| c.weight == 0.0) {
            return Err("every criterion has weight 0".into());
        }
        Ok(())
    }

    pub fn criterion(&self, name: &str) -> &Criterion {
        self.criteria
            .iter()
            .find(|c| c.name == name)
            .expect("validated rubric has every criterion")
    }

    /// The level (1–5) of a 0–1 score.
    pub fn level_of(&self, score: f32) -> u8 {
        1 + self.level_cuts.iter().filter(|c| score >= **c).count() as u8
    }
}

impl Criterion {
    pub fn p(&self, key: &str) -> f32 {
        self.params.get(key).copied().unwrap_or(0.0)
    }
}

/// The level band (1–5) of a mark: five equal bands of the maximum
/// (1–5, 6–10, 11–15, 16–20, 21–25 out of 25).
pub fn band(mark: u32, max: u32) -> u8 {
    let max = max.max(1);
    let level = (u64::from(mark) * 5).div_ceil(u64::from(max));
    level.clamp(1, 5) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_valid() {
        let r = Rubric::builtin();
        assert_eq!(r.max_mark, 25);
        assert_eq!(r.criteria.len(), CRITERIA.len());
    }

    #[test]
    fn bands_follow_the_mark_scheme() {
        let levels: Vec<u8> = (0..=25).map(|m| band(m, 25)).collect();
        assert_eq!(&levels[..7], &[1, 1, 1, 1, 1, 1, 2]);
        assert_eq!(band(10, 25), 2);
        assert_eq!(band(11, 25), 3);
        assert_eq!(band(16, 25), 4);
        assert_eq!(band(21, 25), 5);
        assert_eq!(band(25, 25), 5);
        assert_eq!(band(20, 40), 3);
    }

    #[test]
    fn errors_name_the_key() {
        let bad = BUILTIN.replace("after-window = 0.12", "after-windw = 0.12");
        let e = Rubric::parse(&bad, "mine.toml").unwrap_err().to_string();
        assert!(e.contains("mine.toml") && e.contains("after-windw"), "{e}");
        let bad = BUILTIN.replace("version = 1", "version = 9");
        assert!(
            Rubric::parse(&bad, "x")
                .unwrap_err()
                .to_string()
                .contains("version")
        );
        let bad = BUILTIN.replace("max-mark = 25", "max-mark = 25\nbogus = 1");
        assert!(
            Rubric::parse(&bad, "x")
                .unwrap_err()
                .to_string()
                .contains("bogus")
        );
        let bad = BUILTIN.replace(
            "level-cuts = [0.2, 0.4, 0.6, 0.8]",
            "level-cuts = [0.2, 0.1, 0.6, 0.8]",
        );
        assert!(
            Rubric::parse(&bad, "x")
                .unwrap_err()
                .to_string()
                .contains("level-cuts")
        );
    }
}
