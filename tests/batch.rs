//! Batch marking end to end: fake Moodle and Canvas downloads (folders and
//! zips) with .docx and .odt files built here, and every kind of bad input.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn argmark() -> Command {
    let mut c = Command::cargo_bin("argmark").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

fn scratch(name: &str) -> tempfile::TempDir {
    // Removed when the test ends, pass or fail.
    tempfile::Builder::new()
        .prefix(&format!("argmark-batch-{name}-"))
        .tempdir()
        .unwrap()
}

#[path = "support/zip.rs"]
mod zipped;
use zipped::zip;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A minimal valid .docx: body paragraphs and an optional title property.
fn docx(paragraphs: &[&str], title: Option<&str>) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                esc(p)
            )
        })
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let core = format!(
        r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title></cp:coreProperties>"#,
        esc(title.unwrap_or(""))
    );
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

/// A minimal valid .odt.
fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p>{}</text:p>", esc(p)))
        .collect();
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ])
}

const QUESTION: &str = "How far was Lenin responsible for the Bolshevik victory, 1917-21?";
const ESSAY: &[&str] = &[
    "Lenin was the main reason for the Bolshevik victory, because he held the party together.",
    "In April 1917 he returned to Petrograd and published the April Theses, which won the workers.",
    "Trotsky built the Red Army in 1918, but Lenin chose him and backed him.",
    "Stalin was general secretary by 1922, which is after the period.",
    "Overall Lenin mattered most, because without him there was no October rising.",
];

fn essay_txt() -> String {
    format!("{QUESTION}\n\n{}\n", ESSAY.join("\n\n"))
}

/// 60 MB of spaces compressed into a few dozen kilobytes.
fn bomb_bytes() -> Vec<u8> {
    vec![b' '; 60 * 1024 * 1024]
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Runs a JSON batch: (exit code, parsed output).
fn run_json(args: &[&std::ffi::OsStr]) -> (i32, Value) {
    let out = argmark()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), v)
}

/// file name (last path part) → (student id or "", error kind or "ok").
fn rows(v: &Value) -> BTreeMap<String, (String, String)> {
    v["essays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            let short = file.rsplit('/').next().unwrap().to_string();
            let id = e["student"]["id"].as_str().unwrap_or("").to_string();
            let kind = e["error"]["kind"].as_str().unwrap_or("ok").to_string();
            (short, (id, kind))
        })
        .collect()
}

fn row(id: &str, kind: &str) -> (String, String) {
    (id.to_string(), kind.to_string())
}

/// The fake Moodle download, as (path, bytes) pairs.
fn moodle_files() -> Vec<(String, Vec<u8>)> {
    let good = docx(ESSAY, Some(QUESTION));
    let ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1EncryptedPackage".to_vec();
    vec![
        (
            "Jane Doe_1001_assignsubmission_file_/essay.docx".into(),
            good,
        ),
        (
            "Jane Doe_1001_assignsubmission_file_/bibliography.odt".into(),
            odt(&["Figes, O. A People's Tragedy (1996)."]),
        ),
        (
            "Ali Khan_1002_assignsubmission_file_essay.txt".into(),
            essay_txt().into_bytes(),
        ),
        (
            "Participant_1003_assignsubmission_file_essay.odt".into(),
            odt(ESSAY),
        ),
        (
            "Bob Ray_1004_assignsubmission_file_/broken.docx".into(),
            b"PK\x03\x04 cut short".to_vec(),
        ),
        ("Cy Dee_1005_assignsubmission_file_/locked.docx".into(), ole),
        (
            "Di Eve_1006_assignsubmission_file_/empty.txt".into(),
            Vec::new(),
        ),
        (
            "Ed Fox_1007_assignsubmission_file_/essay.pdf".into(),
            b"%PDF-1.7\n".to_vec(),
        ),
        (
            "Fay Gil_1008_assignsubmission_file_/bomb.docx".into(),
            zip(&[("word/document.xml", &bomb_bytes())]),
        ),
        ("notes.csv".into(), b"not an essay".to_vec()),
    ]
}

fn moodle_expected() -> BTreeMap<String, (String, String)> {
    [
        ("essay.docx", row("1001", "ok")),
        ("bibliography.odt", row("1001", "ok")),
        (
            "Ali Khan_1002_assignsubmission_file_essay.txt",
            row("1002", "ok"),
        ),
        (
            "Participant_1003_assignsubmission_file_essay.odt",
            row("1003", "ok"),
        ),
        ("broken.docx", row("1004", "corrupt")),
        ("locked.docx", row("1005", "encrypted")),
        ("empty.txt", row("1006", "empty")),
        ("essay.pdf", row("1007", "pdf")),
        ("bomb.docx", row("1008", "archive_too_large")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[test]
fn moodle_folder_download_gives_one_row_per_input() {
    let tmp = scratch("moodle");
    let dir = tmp.path();
    let dl = dir.join("dl");
    for (path, bytes) in moodle_files() {
        write(&dl.join(path), &bytes);
    }
    let outside = dir.join("secret.txt");
    write(&outside, essay_txt().as_bytes());
    std::os::unix::fs::symlink(&outside, dl.join("link.txt")).unwrap();
    let (code, v) = run_json(&[dl.as_os_str()]);
    let mut expected = moodle_expected();
    expected.insert("link.txt".into(), row("", "symlink_outside"));
    assert_eq!(rows(&v), expected);
    assert_eq!(v["essays"].as_array().unwrap().len(), expected.len());
    // The link was not read: unreadable outranks unusable.
    assert_eq!(code, 3);
    let summary = &v["summary"];
    assert_eq!(
        (summary["inputs"].as_u64(), summary["errors"].as_u64()),
        (Some(10), Some(6))
    );
    // Jane's two files stay two rows, next to each other.
    let files: Vec<&str> = v["essays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    let jane: Vec<usize> = (0..files.len())
        .filter(|&i| files[i].contains("Jane Doe"))
        .collect();
    assert_eq!(jane.len(), 2);
    assert_eq!(jane[1], jane[0] + 1);
    assert!(v["essays"][jane[0]]["student"]["name"] == "Jane Doe");
}

#[test]
fn moodle_zip_download_with_escaping_and_nested_entries() {
    let tmp = scratch("moodle-zip");
    let dir = tmp.path();
    let files = moodle_files();
    let mut entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let bomb = bomb_bytes();
    let nested = zip(&[("a.txt", b"hello")]);
    entries.push(("../escape.txt", b"Lenin won."));
    entries.push(("inner.zip", &nested));
    entries.push(("Gus Hay_1009_assignsubmission_file_/huge.txt", &bomb));
    let archive = dir.join("class-essay-42.zip");
    std::fs::write(&archive, zip(&entries)).unwrap();
    let (code, v) = run_json(&[archive.as_os_str()]);
    let mut expected = moodle_expected();
    expected.insert("escape.txt".into(), row("", "unsafe_entry"));
    expected.insert("inner.zip".into(), row("", "nested_archive"));
    expected.insert("huge.txt".into(), row("1009", "archive_too_large"));
    assert_eq!(rows(&v), expected);
    assert_eq!(code, 4);
}

#[test]
fn canvas_flat_download_and_its_zip() {
    let tmp = scratch("canvas");
    let dir = tmp.path();
    let dl = dir.join("dl");
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("doejane_LATE_2001_900001_essay.docx", docx(ESSAY, None)),
        ("smithjo_2002_900002_My_Essay.odt", odt(ESSAY)),
        ("anon_Xy12_900003_essay.txt", essay_txt().into_bytes()),
    ];
    for (p, b) in &files {
        write(&dl.join(p), b);
    }
    let expected: BTreeMap<String, (String, String)> = [
        ("doejane_LATE_2001_900001_essay.docx", row("2001", "ok")),
        ("smithjo_2002_900002_My_Essay.odt", row("2002", "ok")),
        ("anon_Xy12_900003_essay.txt", row("anon_Xy12", "ok")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let (code, v) = run_json(&[dl.as_os_str()]);
    assert_eq!((code, rows(&v)), (0, expected.clone()));
    let late: Vec<bool> = v["essays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["student"]["late"].as_bool().unwrap())
        .collect();
    assert_eq!(late.iter().filter(|l| **l).count(), 1);
    assert_eq!(v["essays"][0]["student"]["lms"], "canvas");
    let entries: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (*p, b.as_slice())).collect();
    let archive = dir.join("hist-essay submissions.zip");
    std::fs::write(&archive, zip(&entries)).unwrap();
    let (code, v) = run_json(&[archive.as_os_str()]);
    assert_eq!((code, rows(&v)), (0, expected));
}

#[test]
fn batch_json_equals_single_file_check() {
    let tmp = scratch("same");
    let dir = tmp.path();
    let docx_path = dir.join("essays/Jane Doe_1001_assignsubmission_file_/essay.docx");
    write(&docx_path, &docx(ESSAY, Some(QUESTION)));
    write(&dir.join("essays/other.txt"), essay_txt().as_bytes());
    let single = argmark()
        .arg("check")
        .arg(&docx_path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(single.status.success());
    let single: Value = serde_json::from_slice(&single.stdout).unwrap();
    // The document title became the question.
    assert_eq!(single["question"]["text"], QUESTION);
    assert_eq!(single["question"]["source"], "title");
    let (_, batch) = run_json(&[dir.join("essays").as_os_str()]);
    let row = batch["essays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["student"]["id"] == "1001")
        .unwrap();
    for key in [
        "text",
        "question",
        "layout",
        "stats",
        "paragraphs",
        "dates",
        "findings",
        "schema_version",
        "file",
    ] {
        assert_eq!(row[key], single[key], "{key}");
    }
}

#[test]
fn order_is_the_same_on_one_and_two_threads() {
    let tmp = scratch("order");
    let dir = tmp.path();
    for i in 0..40 {
        write(
            &dir.join(format!("s{i:02}/essay{i}.txt")),
            essay_txt().as_bytes(),
        );
    }
    let run = |jobs: &str| {
        argmark()
            .arg("check")
            .arg(dir)
            .args(["--format", "jsonl", "--jobs", jobs])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(String::from_utf8(one).unwrap().lines().count(), 41);
}

#[test]
fn include_and_exclude_globs() {
    let tmp = scratch("globs");
    let dir = tmp.path();
    write(&dir.join("a/essay.docx"), &docx(ESSAY, None));
    write(
        &dir.join("a/bibliography.docx"),
        &docx(&["Figes 1996."], None),
    );
    write(&dir.join("a/notes.txt"), essay_txt().as_bytes());
    let (_, v) = run_json(&[
        dir.as_os_str(),
        "--include".as_ref(),
        "*.docx".as_ref(),
        "--exclude".as_ref(),
        "*bibliography*".as_ref(),
    ]);
    let names: Vec<String> = rows(&v).into_keys().collect();
    assert_eq!(names, ["essay.docx"]);
}

#[test]
fn reports_folder_uses_moodle_feedback_names_and_spares_inputs() {
    let tmp = scratch("reports");
    let dir = tmp.path();
    let dl = dir.join("dl");
    write(
        &dl.join("Jane Doe_1001_assignsubmission_file_/essay.docx"),
        &docx(ESSAY, Some(QUESTION)),
    );
    write(
        &dl.join("Jane Doe_1001_assignsubmission_file_/extra.txt"),
        essay_txt().as_bytes(),
    );
    write(
        &dl.join("doejane_2001_900001_essay.txt"),
        essay_txt().as_bytes(),
    );
    let out = dir.join("feedback");
    argmark()
        .arg("check")
        .arg(&dl)
        .arg("--reports")
        .arg(&out)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Jane Doe_1001_assignsubmission_file_feedback.txt",
            "doejane_2001_900001_essay.feedback.txt"
        ]
    );
    let jane = std::fs::read_to_string(out.join(&names[0])).unwrap();
    assert!(
        jane.contains("essay.docx") && jane.contains("extra.txt"),
        "{jane}"
    );
    assert!(!jane.contains('\u{1b}'));
    // A reports folder inside the input folder is refused.
    argmark()
        .arg("check")
        .arg(&dl)
        .arg("--reports")
        .arg(dl.join("fb"))
        .assert()
        .code(2);
}

#[test]
fn jsonl_on_standard_input_keeps_order() {
    let mut input = String::new();
    for i in 0..300 {
        input
            .push_str(&serde_json::json!({"id": format!("e{i}"), "text": essay_txt()}).to_string());
        input.push('\n');
        if i == 150 {
            input.push_str("{broken\n");
        }
    }
    let out = argmark()
        .args(["check", "--stdin-jsonl", "--jobs", "2"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 301);
    assert_eq!(lines[0]["id"], "e0");
    assert_eq!(lines[151]["error"]["kind"], "bad_line");
    assert_eq!(lines[151]["line"], 152);
    assert_eq!(lines[300]["id"], "e299");
}
