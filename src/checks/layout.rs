//! Text that stops mid-sentence: lost in copying, or never finished.

use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};
use crate::layout::paragraphs::ends_sentence;

pub fn check(a: &Analysis) -> Vec<Finding> {
    let doc = &a.doc;
    let count = doc.paragraphs.len();
    let mut out = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let text = doc.slice(p.span);
        let next_is_list = doc.paragraphs.get(i + 1).is_some_and(|n| n.list_item);
        if p.list_item || ends_sentence(text) || text.trim_end().ends_with(':') && next_is_list {
            continue;
        }
        let Some(last) = p.sentences.last() else {
            continue;
        };
        let tail = last_words(doc.slice(last.span), 6);
        if i + 1 == count {
            out.push(Finding::new(
                "layout.cut-off",
                Severity::Warning,
                last.span,
                format!("The essay ends mid-sentence (\"…{tail}\"): it looks cut off."),
                "Finish the sentence, then end with a conclusion that gives your overall answer to the question.",
            ));
        } else {
            out.push(Finding::new(
                "layout.missing-text",
                Severity::Warning,
                last.span,
                format!("Paragraph {} stops mid-sentence (\"…{tail}\") and the next starts afresh: text may be missing.", i + 1),
                "Check your draft for a lost line here and finish the sentence.",
            ));
        }
    }
    out
}

/// The last `n` words of a text, space-folded, for quoting in a message.
fn last_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    words[words.len().saturating_sub(n)..].join(" ")
}
