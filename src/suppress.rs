//! In-text suppression: a line of its own that silences one finding code,
//! with a reason, and is not counted as essay text.
//!
//! ```text
//! <!-- argmark: ignore dates.after-window reason="context for Stalin" -->
//! [argmark: ignore dates.after-window — context for Stalin]
//! ```
//!
//! Before the first paragraph it covers the whole essay; otherwise the
//! paragraph that follows it. The line is blanked (replaced by spaces, so
//! every offset stays put) before layout, so it is never prose.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// One directive found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub code: String,
    pub reason: String,
    /// The directive's line.
    pub span: Span,
}

/// What every directive holds, in both forms.
const MARKER: &str = "argmark:";

static HTML: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\s*<!--\s*argmark:\s*ignore\s+([a-z][a-z0-9.\-]*)(?:\s+reason\s*=\s*"([^"]*)")?\s*-->\s*$"#,
    )
    .expect("valid regex")
});
static BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*\[argmark:\s*ignore\s+([a-z][a-z0-9.\-]*)\s*(?:(?:—|–|--|-|:)\s*([^\]]*))?\]\s*$",
    )
    .expect("valid regex")
});

/// Finds the directives and blanks their lines. Returns the new text (same
/// length in bytes) and the directives in order.
pub fn extract(text: &str) -> (String, Vec<Directive>) {
    // Both forms need the marker: most essays hold none, and the two
    // regexes ran on every line of every essay (61 `Captures` an essay).
    if !text.contains(MARKER) {
        return (text.to_owned(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let caps = if body.contains(MARKER) {
            HTML.captures(body).or_else(|| BRACKET.captures(body))
        } else {
            None
        };
        match caps {
            Some(c) => {
                found.push(Directive {
                    code: c[1].to_string(),
                    reason: c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
                    span: Span::new(at, at + body.len()),
                });
                out.extend(std::iter::repeat_n(' ', body.len()));
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
        at += line.len();
    }
    (out, found)
}

/// Where a directive applies: the whole text when nothing but white space
/// (or other directives, or a title) precedes it, else the paragraph after it.
pub fn scope(directive: &Directive, paragraphs: &[Span], text_len: usize) -> Span {
    match paragraphs
        .iter()
        .position(|p| p.start >= directive.span.end)
    {
        Some(0) => Span::new(0, text_len),
        Some(i) => paragraphs[i],
        None => Span::new(directive.span.end, directive.span.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_are_found_and_blanked() {
        let text = "Title\n\n<!-- argmark: ignore dates.after-window reason=\"context\" -->\nPara one.\n\n[argmark: ignore focus.paragraph-off-topic — aside]\nPara two.\n";
        let (out, found) = extract(text);
        assert_eq!(out.len(), text.len());
        assert!(!out.contains("argmark"));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].code, "dates.after-window");
        assert_eq!(found[0].reason, "context");
        assert_eq!(found[1].code, "focus.paragraph-off-topic");
        assert_eq!(found[1].reason, "aside");
        assert!(text[found[0].span.start..found[0].span.end].starts_with("<!--"));
    }

    #[test]
    fn prose_mentioning_argmark_is_kept() {
        let text = "He said <!-- argmark: ignore x --> inside a line.\n";
        assert_eq!(extract(text).1.len(), 0);
    }

    /// The directives a line holds, asking both regexes whatever it holds.
    fn every_line_asked(text: &str) -> Vec<(String, String)> {
        (text.split_inclusive('\n'))
            .map(|line| line.trim_end_matches(['\n', '\r']))
            .filter_map(|body| HTML.captures(body).or_else(|| BRACKET.captures(body)))
            .map(|c| {
                (
                    c[1].to_string(),
                    c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
                )
            })
            .collect()
    }

    proptest::proptest! {
        /// Testing for the marker first finds what the regexes alone find.
        #[test]
        fn the_marker_test_misses_no_directive(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<!-- argmark: ignore a.b -->", "[argmark: ignore c-d — why]", "<!--", "-->", "[", "]", "argmark:", "argmark", "Argmark:", "ignore",
                    "dates.x", "reason=\"r\"", "—", ":", " ", "\n", "\r\n", "prose",
                ]),
                0..24,
            )
        ) {
            let text = parts.concat();
            let (out, found) = extract(&text);
            let found: Vec<_> = found.into_iter().map(|d| (d.code, d.reason)).collect();
            proptest::prop_assert_eq!(found, every_line_asked(&text));
            proptest::prop_assert_eq!(out.len(), text.len());
        }
    }
}
