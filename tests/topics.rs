//! Topic packs: loading, validation errors, the facts checks on the samples,
//! `--topic none`, and the `topics` command.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn argmark() -> Command {
    Command::cargo_bin("argmark").expect("binary")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn report(path: &Path, extra: &[&str]) -> Value {
    let out = argmark()
        .arg("check")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("json report")
}

fn findings<'a>(r: &'a Value, prefix: &str) -> Vec<(&'a str, &'a str)> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with(prefix))
        .map(|f| (f["code"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect()
}

fn has(r: &Value, code: &str, needle: &str) -> bool {
    findings(r, code)
        .iter()
        .any(|(c, m)| *c == code && m.contains(needle))
}

#[test]
fn planted_errors_are_all_found() {
    let r = report(&sample("planted-errors.txt"), &[]);
    assert_eq!(r["topic"]["id"], "russia-1917-1922");
    assert_eq!(r["topic"]["source"], "auto");
    let all = findings(&r, "facts.");
    let key = [
        ("facts.event-date", "October Revolution took place in 1919"),
        ("facts.event-date", "Lenin died in 1922"),
        ("facts.event-date", "USSR was founded in 1917"),
        ("facts.person-dates", "1925 Lenin"),
        (
            "facts.person-dates",
            "Kerensky led the Provisional Government",
        ),
        ("facts.person-dates", "Trotsky was already War Commissar"),
        ("facts.name-spelling", "Trotskey"),
        ("facts.name-confusion", "Alexandra Kerensky"),
        ("facts.place-anachronism", "Leningrad in May 1917"),
        ("facts.place-anachronism", "Petrograd Soviet of 1905"),
    ];
    for (code, needle) in key {
        assert!(has(&r, code, needle), "{code} {needle} not in {all:#?}");
    }
    assert_eq!(all.len(), key.len(), "no other factual findings: {all:#?}");
}

#[test]
fn error_free_samples_have_no_factual_findings() {
    for name in ["strong.txt", "versailles.txt", "weimar.md"] {
        let r = report(&sample(name), &[]);
        assert!(!r["topic"].is_null(), "{name} has a pack");
        let facts = findings(&r, "facts.");
        assert!(facts.is_empty(), "{name}: {facts:#?}");
    }
    let r = report(&sample("versailles.txt"), &[]);
    assert_eq!(r["topic"]["id"], "versailles-1919-1939");
    let r = report(&sample("weimar.md"), &[]);
    assert_eq!(r["topic"]["id"], "weimar-1919-1933");
}

#[test]
fn strong_sample_weighs_other_factors_and_covers_the_window() {
    let r = report(&sample("strong.txt"), &[]);
    assert!(findings(&r, "balance.no-other-factors").is_empty());
    assert!(has(&r, "balance.other-factors", "Lenin's leadership"));
    assert!(
        findings(&r, "coverage.").is_empty(),
        "{:#?}",
        findings(&r, "coverage.")
    );
    assert_eq!(r["timeline"]["start_year"], 1917);
    assert_eq!(r["timeline"]["end_year"], 1922);
}

#[test]
fn topic_none_loses_only_the_pack_checks() {
    let with = report(&sample("planted-errors.txt"), &[]);
    let without = report(&sample("planted-errors.txt"), &["--topic", "none"]);
    assert!(without["topic"].is_null());
    assert!(without["timeline"].is_null());
    let pack_codes = |c: &str| {
        c.starts_with("facts.") || c.starts_with("coverage.") || c.starts_with("balance.")
    };
    let rest = |r: &Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .filter(|c| !pack_codes(c))
            .collect()
    };
    assert!(findings(&without, "facts.").is_empty());
    // The only other difference: the window's start, which the pack supplies.
    assert_eq!(with["topic"]["window_start_from_pack"], true);
    assert!(without["question"]["window"]["start"].is_null());
    let mut a = rest(&with);
    let mut b = rest(&without);
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn unrelated_question_has_no_pack() {
    let r = report(
        &sample("strong.txt"),
        &["--question", "Should schools ban mobile phones?"],
    );
    assert!(r["topic"].is_null());
    assert!(findings(&r, "facts.").is_empty());
}

#[test]
fn topic_option_and_file_are_reported() {
    let r = report(&sample("planted-errors.txt"), &["--topic", "russia"]);
    assert_eq!(r["topic"]["source"], "option");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/topics/weimar-1919-1933.toml");
    let r = report(
        &sample("weimar.md"),
        &["--topic-file", file.to_str().unwrap()],
    );
    assert_eq!(r["topic"]["source"], "file");
    argmark()
        .args(["check", "--topic", "atlantis"])
        .arg(sample("strong.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown topic pack"));
}

#[test]
fn malformed_pack_error_names_file_line_and_key() {
    let dir = tempfile::Builder::new()
        .prefix("argmark-topics-")
        .tempdir()
        .unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "format = 1\nid = \"bad\"\ntitle = \"Bad\"\n[question]\nwindow = \"1917..1922\"\n\n[[events]]\nid = \"x\"\nname = \"X\"\ndate = \"1917-13\"\nwhen = \"never\"\n",
    )
    .unwrap();
    argmark()
        .args(["topics", "--topic-file"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:10: events[0].date"));
    std::fs::write(
        &path,
        "format = 1\nid = \"bad\"\ntitle = \"Bad\"\ncolour = \"red\"\n",
    )
    .unwrap();
    argmark()
        .args(["check", "--topic-file"])
        .arg(&path)
        .arg(sample("strong.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:4: colour"));
}

#[test]
fn topics_lists_the_packs() {
    argmark()
        .arg("topics")
        .assert()
        .success()
        .stdout(predicates::str::contains("russia-1917-1922"))
        .stdout(predicates::str::contains("versailles-1919-1939"))
        .stdout(predicates::str::contains("weimar-1919-1933"));
}

#[test]
fn table_shows_topic_and_timeline() {
    argmark()
        .arg("check")
        .arg(sample("planted-errors.txt"))
        .assert()
        .stdout(predicates::str::contains("Topic"))
        .stdout(predicates::str::contains("Timeline"))
        .stdout(predicates::str::contains("russia-1917-1922"));
}

#[test]
#[ignore = "needs ../shared"]
fn real_draft_topic_findings() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_71675bf1ff25ebb9.txt");
    let r = report(&path, &[]);
    // The draft's misspelt first name, with the correction.
    assert!(has(&r, "facts.name-confusion", "first name was Alexander"));
    assert!(has(&r, "facts.name-confusion", "Tsarina"));
    assert!(has(&r, "facts.cause-after-effect", "abdication"));
    assert!(has(&r, "facts.cause-after-effect", "17 May"));
    assert!(has(&r, "coverage.window-gap", "Nothing after 1917"));
    assert!(has(&r, "coverage.window-gap", "September 1917"));
    assert!(has(&r, "balance.no-other-factors", "Lenin's leadership"));
    assert!(has(&r, "dates.after-window", "1925"));
    assert_eq!(r["timeline"]["essay_reaches"], "1917-09-01");
}
