//! The real student draft in ../shared/seeds: the first test of the pipeline.
//! It is read from ../shared (never copied into this repository), so these
//! tests are ignored unless asked for: `cargo test -- --ignored`.

use argmark::analysis::{Options, analyze};
use argmark::read::{Limits, decode};
use argmark::report::json::Report;
use serde_json::Value;

const DRAFT: &str = "../shared/seeds/000_71675bf1ff25ebb9.txt";

fn draft_bytes() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DRAFT);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The JSON report of some bytes, as a consumer would read it.
fn report(bytes: &[u8]) -> Value {
    let source = decode("draft".into(), bytes, Limits::default()).expect("draft decodes");
    let encoding = source.encoding;
    let a = analyze(source.text, &Options::default());
    serde_json::to_value(Report::new("draft", encoding, &a)).unwrap()
}

fn date<'a>(r: &'a Value, text: &str) -> &'a Value {
    r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no date with {text:?} in {:#}", r["dates"]))
}

fn codes(r: &Value) -> Vec<(&str, &str)> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect()
}

/// Every promise the foundation issue makes about the draft.
fn assert_draft(r: &Value) {
    assert_eq!(r["question"]["source"], "title");
    assert_eq!(r["question"]["window"]["end"], "1922-12-31");

    let paragraphs = r["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 3, "paragraphs: {:#}", r["paragraphs"]);
    let sentences: usize = paragraphs
        .iter()
        .map(|p| p["sentences"].as_array().unwrap().len())
        .sum();
    assert_eq!(sentences, 11, "sentences: {:#}", r["paragraphs"]);

    let findings = codes(r);
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    let quote = |f: &Value| -> String {
        let [s, e] = [
            f["span"][0].as_u64().unwrap() as usize,
            f["span"][1].as_u64().unwrap() as usize,
        ];
        text[s..e].iter().collect()
    };
    let missing = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "layout.missing-text");
    let missing = missing.unwrap_or_else(|| panic!("no missing-text finding: {findings:?}"));
    assert!(
        quote(missing).trim_end().ends_with("Soldiers’"),
        "{}",
        quote(missing)
    );
    assert!(
        findings.contains(&("layout.cut-off", "warning")),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|(c, _)| *c == "structure.no-thesis"),
        "{findings:?}"
    );

    let october = date(r, "October 1917");
    assert_eq!(october["start"], "1917-10-01");
    assert_eq!(october["window"], "inside");

    let late = date(r, "1925");
    assert_eq!(late["window"], "after");
    let after = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "dates.after-window")
        .unwrap();
    assert!(quote(after).contains("1925"));

    let early = date(r, "early 1917");
    assert_eq!(early["inferred"], false);
    assert!(early["start"].as_str().unwrap().starts_with("1917-01"));

    let feb = date(r, "February");
    assert!(
        feb["text"].as_str().unwrap().contains("March"),
        "one date for the aside: {feb}"
    );
    assert!(feb["start"].as_str().unwrap().starts_with("1917-0"));
    assert_eq!(feb["window"], "inside");
    let asides = r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["text"].as_str().unwrap().contains("March"))
        .count();
    assert_eq!(asides, 1, "February/March is one date");

    assert!(
        date(r, "July 1917")["start"]
            .as_str()
            .unwrap()
            .starts_with("1917-07")
    );
    let august = date(r, "August");
    assert_eq!(august["inferred"], true);
    assert!(august["start"].as_str().unwrap().starts_with("1917-08"));
    let september = date(r, "September");
    assert_eq!(september["inferred"], true);
    assert!(september["start"].as_str().unwrap().starts_with("1917-09"));

    let naming = date(r, "1914");
    assert_eq!(naming["naming_aside"], true);
    for f in r["findings"].as_array().unwrap() {
        // Findings about this date itself (not paragraph- or essay-wide ones).
        let about_it = f["span"][0] == naming["span"][0] || quote(f).trim() == naming["text"];
        if about_it
            || f["code"].as_str().unwrap().starts_with("dates.") && quote(f).contains("1914")
        {
            assert_eq!(
                f["severity"], "info",
                "the 1914–1924 aside is at most a note: {f}"
            );
        }
    }
}

#[test]
#[ignore = "needs ../shared"]
fn real_draft_as_written() {
    assert_draft(&report(&draft_bytes()));
}

#[test]
#[ignore = "needs ../shared"]
fn real_draft_with_crlf() {
    let text = String::from_utf8(draft_bytes())
        .unwrap()
        .replace('\n', "\r\n");
    assert_draft(&report(text.as_bytes()));
}

#[test]
#[ignore = "needs ../shared"]
fn real_draft_in_utf16() {
    let text = String::from_utf8(draft_bytes()).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let r = report(&bytes);
    assert_eq!(r["encoding"], "UTF-16LE");
    assert_draft(&r);
}

#[test]
#[ignore = "needs ../shared"]
fn real_draft_in_windows_1252() {
    let text = String::from_utf8(draft_bytes()).unwrap();
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy, "the draft fits in Windows-1252");
    let r = report(&bytes);
    assert_eq!(r["encoding"], "windows-1252");
    assert_draft(&r);
}

/// The argument-roles issue's promises about the draft.
#[test]
#[ignore = "needs ../shared"]
fn real_draft_narrates() {
    let r = report(&draft_bytes());
    assert!(
        r["structure"]["thesis"].is_null(),
        "no thesis: {}",
        r["structure"]
    );
    let modes: Vec<&str> = r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["mode"].as_str().unwrap())
        .collect();
    assert!(
        modes.iter().filter(|m| **m == "narrative").count() >= 2,
        "{modes:?}"
    );
    for s in r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sentences"].as_array().unwrap())
    {
        if s["text"].as_str().unwrap().contains("1925") {
            assert_ne!(
                s["role"], "evidence",
                "the 1925 sentence is not evidence: {s}"
            );
        }
    }
    let narrates = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "argument.narrative-essay");
    let narrates = narrates.expect("the essay is said to narrate");
    assert!(
        narrates["message"]
            .as_str()
            .unwrap()
            .contains("narrates rather than argues")
    );
    assert!(
        narrates["suggestion"]
            .as_str()
            .unwrap()
            .contains("open with a claim")
    );
}
