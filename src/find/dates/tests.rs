//! Behaviour tests on history-essay sentences, plus property tests.

use super::*;

/// (text of span, interval as "start..end", precision, inferred, aside)
fn show(text: &str) -> Vec<(String, String, Precision, bool, bool)> {
    find_in(text)
        .into_iter()
        .map(|m| {
            (
                m.span.slice(text).to_string(),
                format!("{}..{}", m.interval.start, m.interval.end),
                m.precision,
                m.inferred,
                m.naming_aside,
            )
        })
        .collect()
}

fn spans(text: &str) -> Vec<String> {
    show(text).into_iter().map(|d| d.0).collect()
}

#[test]
fn smoke() {
    let d = show("In 1917 the Tsar fell.");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].0, "1917");
    assert_eq!(d[0].1, "1917-01-01..1917-12-31");
    assert_eq!(spans("25,000 men"), Vec::<String>::new());
}
