//! The question's time window: "up to 1922", "1917–22", "between 1905 and
//! 1917", "before 1914", "c. 1900–1914", "in 1917"…

use regex::Regex;
use std::sync::{LazyLock, OnceLock};

use crate::find::dates::Ymd;
use crate::normalize::fold;

/// A closed window of days; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub start: Option<Ymd>,
    pub end: Option<Ymd>,
}

impl Window {
    pub fn is_open(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }
}

impl Window {
    /// A short human label in years where the window is whole years:
    /// "up to 1922", "1917–1922", "1917", "from 1945".
    pub fn label(&self) -> String {
        let whole_start = self.start.is_none_or(|s| s.month == 1 && s.day == 1);
        let whole_end = self.end.is_none_or(|e| e.month == 12 && e.day == 31);
        if !(whole_start && whole_end) {
            return self.to_string();
        }
        match (self.start, self.end) {
            (None, None) => "none".into(),
            (Some(s), Some(e)) if s.year == e.year => s.year.to_string(),
            (Some(s), Some(e)) => format!("{}–{}", s.year, e.year),
            (None, Some(e)) => format!("up to {}", e.year),
            (Some(s), None) => format!("from {}", s.year),
        }
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.start, self.end) {
            (None, None) => f.write_str("none"),
            (Some(s), None) => write!(f, "from {s}"),
            (None, Some(e)) => write!(f, "up to {e}"),
            (Some(s), Some(e)) => write!(f, "{s} to {e}"),
        }
    }
}

const YEAR: &str = r"(1[0-9]{3}|20[0-9]{2})";

/// A window pattern, compiled when first tried: most questions are decided
/// by one of the first few, and compiling all of them was a tenth of a
/// single essay's run.
struct Pattern {
    source: String,
    regex: OnceLock<Regex>,
    rule: Rule,
}

impl Pattern {
    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.source).expect("window pattern"))
    }
}

/// Patterns in order of preference; the first that matches decides.
static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let y = YEAR;
    let p = |re: String, rule| Pattern {
        source: format!("(?i){re}"),
        regex: OnceLock::new(),
        rule,
    };
    vec![
        p(
            format!(r"\bbetween\s+(?:c\.\s*)?{y}\s+and\s+{y}\b"),
            Rule::Range,
        ),
        p(
            format!(r"\bfrom\s+(?:c\.\s*)?{y}\s+(?:to|until|till)\s+{y}\b"),
            Rule::Range,
        ),
        p(
            format!(r"\b{y}\s*(?:-|to|/)\s*([0-9]{{2,4}})\b"),
            Rule::Range,
        ),
        p(
            format!(r"\b(?:up\s+to|until|till|by|to|through|as\s+far\s+as)\s+(?:c\.\s*)?{y}\b"),
            Rule::UpTo,
        ),
        p(format!(r"\bbefore\s+{y}\b"), Rule::Before),
        p(format!(r"\b(?:after|since|from)\s+{y}\b"), Rule::From),
        p(format!(r"\b{y}s\b"), Rule::Decade),
        p(format!(r"\b{y}\b"), Rule::Year),
    ]
});

#[derive(Debug, Clone, Copy)]
enum Rule {
    Range,
    UpTo,
    Before,
    From,
    Decade,
    Year,
}

/// Reads the window from a question's wording.
pub fn parse(question: &str) -> Window {
    let q = fold(question);
    for pattern in PATTERNS.iter() {
        let Some(c) = pattern.regex().captures(&q) else {
            continue;
        };
        let first: i32 = c[1].parse().unwrap_or(0);
        let window = match pattern.rule {
            Rule::Range => {
                let end = expand_short_year(first, &c[2]);
                if end < first {
                    continue; // "1917-5" is not a range
                }
                Window {
                    start: Some(Ymd::year_start(first)),
                    end: Some(Ymd::year_end(end)),
                }
            }
            Rule::UpTo => Window {
                start: None,
                end: Some(Ymd::year_end(first)),
            },
            Rule::Before => Window {
                start: None,
                end: Some(Ymd::year_end(first - 1)),
            },
            Rule::From => Window {
                start: Some(Ymd::year_start(first)),
                end: None,
            },
            Rule::Decade => Window {
                start: Some(Ymd::year_start(first)),
                end: Some(Ymd::year_end(first + 9)),
            },
            Rule::Year => Window {
                start: Some(Ymd::year_start(first)),
                end: Some(Ymd::year_end(first)),
            },
        };
        return window;
    }
    Window::default()
}

/// "1918–21" → 1921; "1905–1917" → 1917.
fn expand_short_year(start: i32, end: &str) -> i32 {
    let n: i32 = end.parse().unwrap_or(0);
    match end.len() {
        2 => {
            let century = start - start % 100;
            let full = century + n;
            if full < start { full + 100 } else { full }
        }
        4 => n,
        _ => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(q: &str) -> String {
        parse(q).to_string()
    }

    #[test]
    fn window_forms() {
        assert_eq!(
            w("Trotsky's contribution to the success of the Bolsheviks up to 1922"),
            "up to 1922-12-31"
        );
        assert_eq!(
            w("How far had Stalin secured power by 1929?"),
            "up to 1929-12-31"
        );
        assert_eq!(w("Why did war break out before 1914?"), "up to 1913-12-31");
        assert_eq!(
            w("How far did Britain change after 1945?"),
            "from 1945-01-01"
        );
        assert_eq!(
            w("Assess Lenin's leadership, 1917–1922"),
            "1917-01-01 to 1922-12-31"
        );
        assert_eq!(
            w("How far did the Bolsheviks consolidate power in the years 1917–21?"),
            "1917-01-01 to 1921-12-31"
        );
        assert_eq!(
            w("How stable was Russia between 1905 and 1917?"),
            "1905-01-01 to 1917-12-31"
        );
        assert_eq!(
            w("How far were alliances to blame for war, c. 1900–1914?"),
            "1900-01-01 to 1914-12-31"
        );
        assert_eq!(
            w("Explain the failure of appeasement from 1929 to 1939"),
            "1929-01-01 to 1939-12-31"
        );
        assert_eq!(
            w("How important was Lenin to the revolution in 1917?"),
            "1917-01-01 to 1917-12-31"
        );
        assert_eq!(
            w("Why was there unrest in the 1920s?"),
            "1920-01-01 to 1929-12-31"
        );
        assert_eq!(w("Should schools ban phones?"), "none");
    }
}
