//! The report formats of issue 5: snapshots of every format on the samples,
//! the JSON Schema, CSV formula injection, HTML escaping, suppression
//! comments, the config file, `--output` and `--fail-on` in batches.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

#[path = "support/samples.rs"]
mod samples;
use samples::SAMPLES;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn argmark() -> Command {
    let mut c = Command::cargo_bin("argmark").unwrap();
    c.current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env_remove("COLUMNS");
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = argmark().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sample_paths() -> Vec<String> {
    SAMPLES.iter().map(|s| format!("samples/{s}")).collect()
}

fn temp(name: &str) -> tempfile::TempDir {
    // Removed when the test ends, pass or fail.
    tempfile::Builder::new()
        .prefix(&format!("argmark-formats-{name}-"))
        .tempdir()
        .unwrap()
}

#[test]
fn row_formats_snapshots() {
    for format in ["csv", "moodle", "canvas", "lti"] {
        let mut args = vec!["check", "--format", format];
        let paths = sample_paths();
        args.extend(paths.iter().map(String::as_str));
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{format}: {err}");
        insta::assert_snapshot!(format!("format-{format}"), out);
    }
}

#[test]
fn row_formats_work_on_one_file() {
    let (code, out, _) = run(&["check", "-f", "csv", "samples/strong.txt"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2, "{out}");
    let (_, out, _) = run(&["check", "-f", "lti", "samples/strong.txt"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["userId"], "strong");
    assert_eq!(v["gradingProgress"], "PendingManual");
    assert_eq!(v["activityProgress"], "Submitted");
    assert_eq!(v["timestamp"], "2026-01-01T00:00:00.000Z");
    assert_eq!(v["scoreMaximum"], 25);
    assert!(v["comment"].as_str().unwrap().contains("suggestion"));
}

#[test]
fn html_snapshots() {
    for name in SAMPLES {
        let text = std::fs::read_to_string(root().join("samples").join(name)).unwrap();
        let a = argmark::analysis::analyze(text, &argmark::analysis::Options::default());
        let html = argmark::report::html::render(&format!("samples/{name}"), &a);
        assert!(!html.contains("<script"), "{name}: a script in the page");
        assert!(!html.contains("http://") || !html.contains("src=\"http"));
        insta::assert_snapshot!(format!("html-{name}"), html);
    }
}

fn schema() -> serde_json::Value {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn json_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for path in sample_paths() {
        let (code, out, err) = run(&["check", "--format", "json", &path]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
        assert_eq!(v["schema_version"], "1.2");
        assert!(v["score"]["note"].as_str().unwrap().contains("suggestion"));
        assert_eq!(v["score"]["criteria"].as_array().unwrap().len(), 7);
    }
    // A batch: every essay of the envelope is a report.
    let mut args = vec!["check", "--format", "json"];
    let paths = sample_paths();
    args.extend(paths.iter().map(String::as_str));
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let essays = v["essays"].as_array().unwrap();
    assert_eq!(essays.len(), SAMPLES.len());
    for e in essays {
        let errors: Vec<String> = validator.iter_errors(e).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", e["file"]);
    }
}

#[test]
fn csv_neutralises_formulas() {
    let tmp = temp("csv");
    let dir = tmp.path();
    let essay = std::fs::read_to_string(root().join("samples/strong.txt")).unwrap();
    for name in ["=HYPERLINK(1).txt", "+1.txt", "-2.txt", "@SUM.txt"] {
        std::fs::write(dir.join(name), &essay).unwrap();
    }
    for format in ["csv", "moodle", "canvas"] {
        let out = argmark()
            .current_dir(dir)
            .args([
                "check",
                "-f",
                format,
                "--",
                "=HYPERLINK(1).txt",
                "+1.txt",
                "-2.txt",
                "@SUM.txt",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{format}: unsafe cell {cell:?}"
                );
            }
        }
        assert!(text.contains("'=HYPERLINK(1)"), "{format}: {text}");
    }
}

#[test]
fn html_escapes_the_essay() {
    let tmp = temp("html");
    let dir = tmp.path();
    let path = dir.join("evil.txt");
    std::fs::write(
        &path,
        "Trotsky's contribution to the success of the Bolsheviks up to 1922\n\n\
         Trotsky mattered <script>alert(\"x\")</script> a great deal in 1918 \"because\" of the Red Army.\n\n\
         He built the army <img src=x onerror=alert(1)> in 1918.\n\n\
         Overall he was vital.\n",
    )
    .unwrap();
    let (code, out, err) = run(&["check", "-f", "html", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("<script"), "a script tag got through");
    assert!(!out.contains("<img"), "an img tag got through");
    assert!(out.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(out.contains("&quot;because&quot;"));
}

#[test]
fn suppression_comment_silences_and_is_reported() {
    let tmp = temp("suppress");
    let dir = tmp.path();
    let essay = std::fs::read_to_string(root().join("samples/drift.txt")).unwrap();
    let (_, before, _) = run(&["check", "-f", "json", "samples/drift.txt"]);
    let before: serde_json::Value = serde_json::from_str(&before).unwrap();
    let count = |v: &serde_json::Value| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "dates.after-window")
            .count()
    };
    assert!(count(&before) > 0, "the sample has dates after the window");
    // At the top: the whole essay.
    let (title, rest) = essay.split_once('\n').unwrap();
    let silenced = format!(
        "{title}\n<!-- argmark: ignore dates.after-window reason=\"context for Stalin\" -->\n{rest}"
    );
    let path = dir.join("drift.txt");
    std::fs::write(&path, silenced).unwrap();
    let (_, after, _) = run(&["check", "-f", "json", path.to_str().unwrap()]);
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(count(&after), 0);
    let s = &after["suppressed"][0];
    assert_eq!(s["code"], "dates.after-window");
    assert_eq!(s["reason"], "context for Stalin");
    assert_eq!(s["count"].as_u64().unwrap() as usize, count(&before));
    assert!(!after["text"].as_str().unwrap().contains("argmark:"));
    assert_eq!(
        after["stats"]["words"], before["stats"]["words"],
        "the comment is not essay text"
    );
}

#[test]
fn config_file_is_found_and_command_line_wins() {
    let tmp = temp("config");
    let dir = tmp.path();
    std::fs::copy(root().join("samples/strong.txt"), dir.join("strong.txt")).unwrap();
    std::fs::write(
        dir.join("argmark.toml"),
        "max-mark = 40\ndisable = [\"balance\"]\n[severity]\n\"dates\" = \"error\"\n",
    )
    .unwrap();
    let essay = dir.join("strong.txt");
    let (code, out, err) = run(&["check", "-f", "json", essay.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["score"]["max"], 40);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["code"].as_str().unwrap().starts_with("balance."))
    );
    let (_, out, _) = run(&[
        "check",
        "-f",
        "json",
        "--max-mark",
        "20",
        essay.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["score"]["max"], 20);
    // A bad key is a usage error that names it.
    std::fs::write(dir.join("argmark.toml"), "max-marks = 40\n").unwrap();
    let (code, _, err) = run(&["check", essay.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("max-marks"), "{err}");
}

#[test]
fn bad_rubric_is_a_usage_error() {
    let tmp = temp("rubric");
    let dir = tmp.path();
    let rubric = dir.join("r.toml");
    std::fs::write(&rubric, "version = 1\n").unwrap();
    let (code, _, err) = run(&[
        "check",
        "--rubric",
        rubric.to_str().unwrap(),
        "samples/strong.txt",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("r.toml"), "{err}");
}

#[test]
fn output_is_written_atomically_and_never_over_an_input() {
    let tmp = temp("output");
    let dir = tmp.path();
    let dest = dir.join("class.csv");
    let (code, out, err) = run(&[
        "check",
        "-f",
        "csv",
        "-o",
        dest.to_str().unwrap(),
        "samples/strong.txt",
        "samples/drift.txt",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&dest).unwrap();
    assert_eq!(written.lines().count(), 3);
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let copy = dir.join("essay.txt");
    std::fs::copy(root().join("samples/strong.txt"), &copy).unwrap();
    let (code, _, _) = run(&[
        "check",
        "-o",
        copy.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        std::fs::read_to_string(root().join("samples/strong.txt")).unwrap()
    );
}

#[test]
fn fail_on_works_in_batches() {
    let (code, _, _) = run(&[
        "check",
        "-f",
        "csv",
        "--fail-on",
        "warning",
        "samples/narrative.txt",
        "samples/strong.txt",
    ]);
    assert_eq!(code, 1);
    let (code, _, _) = run(&[
        "check",
        "-f",
        "csv",
        "--fail-on",
        "error",
        "samples/strong.txt",
        "samples/narrative.txt",
    ]);
    assert_eq!(code, 0);
}

#[test]
fn table_says_the_mark_is_a_suggestion() {
    let (_, out, _) = run(&["check", "samples/strong.txt"]);
    assert!(out.contains("Suggested mark: "), "{out}");
    assert!(out.contains("a suggestion for the teacher to confirm"));
}

#[test]
fn calibrate_reports_each_split() {
    let (code, out, err) = run(&[
        "score",
        "calibrate",
        "corpus/roles/history.jsonl",
        "corpus/roles/argumentative.jsonl",
        "--samples",
        "samples/grades.toml",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("held (never tuned on)"));
    assert!(out.contains("Spearman"));
    let _ = Path::new("x");
}
