//! A finding is plain data: what a check saw, where, and what to do about it.

use serde::Serialize;

use crate::span::Span;

/// How much a finding matters. Ordered, so `--fail-on` can compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// A way to make a good essay better.
    Suggestion,
    /// Costs marks as it stands.
    Warning,
    /// Makes the essay wrong or unreadable in a way a marker cannot overlook.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One observation about an essay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id, `family.rule` (e.g. `dates.after-window`): scripts and
    /// configs key on it, so a code is never renamed, only retired.
    pub code: &'static str,
    pub severity: Severity,
    /// The text it concerns (a sentence, a date, a paragraph, or the whole essay).
    pub span: Span,
    /// What was seen, in the student's terms.
    pub message: String,
    /// A concrete next step.
    pub suggestion: String,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
        suggestion: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            span,
            message: message.into(),
            suggestion: suggestion.into(),
        }
    }
}

/// Most important first; then in reading order, so output is deterministic.
pub fn sort_by_importance(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.span.start.cmp(&b.span.start))
            .then(a.code.cmp(b.code))
    });
}
