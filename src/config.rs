//! `argmark.toml`: a class's settings, found from the essay's folder upward
//! or given with `--config`. Every key is optional; unknown keys are errors.
//!
//! ```toml
//! question = "How far was Trotsky responsible for the Bolshevik victory, 1917–22?"
//! window = "1917-1922"          # overrides the window read from the question
//! topic = "trotsky"              # a pack id, "auto" or "none"
//! topic-file = "packs/mine.toml" # or a pack file (relative to this file)
//! rubric = "rubric.toml"         # a rubric file (relative to this file)
//! max-mark = 40
//! disable = ["dates.naming-aside", "coverage"]  # codes or families
//! [severity]
//! "dates.before-window" = "warning"
//! ```
//!
//! Precedence: command line > `--config FILE` > the discovered file > defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::finding::Severity;

/// The file name looked for.
pub const FILE_NAME: &str = "argmark.toml";

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Config {
    pub question: Option<String>,
    pub window: Option<String>,
    pub topic: Option<String>,
    pub topic_file: Option<PathBuf>,
    pub rubric: Option<PathBuf>,
    pub max_mark: Option<u32>,
    pub disable: Vec<String>,
    pub severity: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

impl Config {
    /// Reads a config file; relative paths in it are made relative to its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let mut c: Config = toml::from_str(&text).map_err(|e| err(e.to_string()))?;
        c.validate().map_err(err)?;
        let dir = path.parent().unwrap_or(Path::new(""));
        for p in [&mut c.topic_file, &mut c.rubric].into_iter().flatten() {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        }
        Ok(c)
    }

    fn validate(&self) -> Result<(), String> {
        for (code, s) in &self.severity {
            parse_severity(s).map_err(|e| format!("severity.\"{code}\": {e}"))?;
            check_code(code).map_err(|e| format!("severity: {e}"))?;
        }
        for code in &self.disable {
            check_code(code).map_err(|e| format!("disable: {e}"))?;
        }
        if self.max_mark == Some(0) {
            return Err("max-mark must be at least 1".into());
        }
        if let Some(w) = &self.window {
            window(w)?;
        }
        Ok(())
    }

    /// This file's settings over `base`'s.
    pub fn over(self, base: Config) -> Config {
        let mut severity = base.severity;
        severity.extend(self.severity);
        let mut disable = base.disable;
        disable.extend(self.disable);
        Config {
            question: self.question.or(base.question),
            window: self.window.or(base.window),
            topic: self.topic.or(base.topic),
            topic_file: self.topic_file.or(base.topic_file),
            rubric: self.rubric.or(base.rubric),
            max_mark: self.max_mark.or(base.max_mark),
            disable,
            severity,
        }
    }

    /// The severity overrides, parsed (validated on load).
    pub fn severities(&self) -> BTreeMap<String, Severity> {
        self.severity
            .iter()
            .filter_map(|(k, v)| parse_severity(v).ok().map(|s| (k.clone(), s)))
            .collect()
    }
}

/// Finds `argmark.toml` in `dir` or the nearest folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

pub fn parse_severity(s: &str) -> Result<Severity, String> {
    match s {
        "info" => Ok(Severity::Info),
        "suggestion" => Ok(Severity::Suggestion),
        "warning" => Ok(Severity::Warning),
        "error" => Ok(Severity::Error),
        _ => Err(format!(
            "`{s}` is not a severity (info, suggestion, warning, error)"
        )),
    }
}

/// A known finding code or family.
fn check_code(code: &str) -> Result<(), String> {
    let known = crate::checks::CATALOG
        .iter()
        .any(|c| crate::analysis::covers(code, c.code));
    if known {
        Ok(())
    } else {
        Err(format!(
            "unknown finding code `{code}` (see `argmark explain`)"
        ))
    }
}

/// A window written as years: "1917-1922", "1917–22", "up to 1922".
pub fn window(text: &str) -> Result<crate::question::Window, String> {
    let w = crate::question::window::parse(text);
    if w.is_open() {
        Err(format!(
            "window `{text}`: write it as years, e.g. \"1917-1922\""
        ))
    } else {
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_codes_are_errors() {
        let bad: Result<Config, _> = toml::from_str("questoin = \"x\"");
        assert!(bad.unwrap_err().to_string().contains("questoin"));
        let c: Config = toml::from_str("disable = [\"dates.nope\"]").unwrap();
        assert!(c.validate().unwrap_err().contains("dates.nope"));
        let c: Config = toml::from_str("[severity]\n\"dates\" = \"loud\"").unwrap();
        assert!(c.validate().unwrap_err().contains("loud"));
    }

    #[test]
    fn layers_and_windows() {
        let base: Config = toml::from_str("max-mark = 40\nquestion = \"a\"").unwrap();
        let top: Config = toml::from_str("question = \"b\"\nwindow = \"1917-1922\"").unwrap();
        let c = top.over(base);
        assert_eq!(c.question.as_deref(), Some("b"));
        assert_eq!(c.max_mark, Some(40));
        let w = window(c.window.as_deref().unwrap()).unwrap();
        assert_eq!(w.start.unwrap().year, 1917);
        assert_eq!(w.end.unwrap().year, 1922);
        assert!(window("soon").is_err());
    }
}
