//! The command line: bad inputs get one clear line and a documented exit
//! code; good inputs get a report.

use assert_cmd::Command;
use predicates::prelude::*;

fn argmark() -> Command {
    let mut c = Command::cargo_bin("argmark").unwrap();
    c.env_remove("COLUMNS").env("NO_COLOR", "1");
    c
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> tempfile::TempDir {
    // Removed when the test ends, pass or fail.
    tempfile::Builder::new()
        .prefix(&format!("argmark-cli-{name}-"))
        .tempdir()
        .unwrap()
}

const ESSAY: &str = "Lenin and the Bolsheviks up to 1922\n\n\
    Lenin was the most important reason for the success of the Bolsheviks, because he held the party together.\n\n\
    In April 1917 he returned to Petrograd and published the April Theses.\n";

#[test]
fn missing_file_is_exit_3() {
    argmark()
        .args(["check", "no/such/essay.txt"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no/such/essay.txt: no such file"));
}

#[test]
fn folder_without_essays_is_exit_3() {
    // A folder is a batch; one with no essays in it is an input error.
    let tmp = scratch("dir");
    let dir = tmp.path();
    argmark()
        .arg("check")
        .arg(dir)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no essays found"));
}

#[test]
fn empty_and_blank_files_are_exit_4() {
    let tmp = scratch("empty");
    let dir = tmp.path();
    for (name, body) in [("empty.txt", ""), ("blank.txt", "  \n\n\t \r\n")] {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        argmark().arg("check").arg(&path).assert().code(4).stderr(
            predicate::str::contains(name).and(predicate::str::contains("the essay is empty")),
        );
    }
}

#[test]
fn binary_is_exit_4() {
    let tmp = scratch("binary");
    let dir = tmp.path();
    let path = dir.join("photo.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    argmark()
        .arg("check")
        .arg(&path)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("photo.txt").and(predicate::str::contains("binary")));
}

#[test]
fn document_given_as_text_is_exit_4() {
    let tmp = scratch("docx");
    let dir = tmp.path();
    let path = dir.join("essay.docx");
    std::fs::write(&path, b"PK\x03\x04\x14\0\0\0\0\0rest-of-a-zip").unwrap();
    argmark()
        .arg("check")
        .arg(&path)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("document"));
}

#[test]
fn over_the_size_limit_is_exit_4() {
    let tmp = scratch("large");
    let dir = tmp.path();
    let path = dir.join("long.txt");
    std::fs::write(&path, ESSAY.repeat(10)).unwrap();
    argmark()
        .args(["check", "--max-bytes", "100"])
        .arg(&path)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("over the limit of 100 bytes"));
    // The same limit holds on standard input, where the size is not known up front.
    argmark()
        .args(["check", "--max-bytes", "100", "-"])
        .write_stdin(ESSAY.repeat(10))
        .assert()
        .code(4)
        .stderr(predicate::str::contains("over the limit"));
}

#[test]
fn standard_input_is_read_with_dash() {
    argmark()
        .args(["check", "-", "--format", "json"])
        .write_stdin(ESSAY)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("\"schema_version\"")
                .and(predicate::str::contains("\"source\": \"title\"")),
        );
}

#[test]
fn table_report_has_header_paragraphs_and_findings() {
    argmark()
        .args(["check", "-", "--width", "100"])
        .write_stdin(ESSAY)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Window")
                .and(predicate::str::contains("up to 1922"))
                .and(predicate::str::contains("Opens with"))
                .and(predicate::str::contains("\u{1b}[").not()),
        );
}

#[test]
fn fail_on_sets_exit_1() {
    let cut = "A Title About Lenin Up To 1922\n\nLenin was vital to the Bolsheviks because he led them.\n\nThen he";
    argmark()
        .args(["check", "-", "--fail-on", "warning"])
        .write_stdin(cut)
        .assert()
        .code(1);
    argmark()
        .args(["check", "-"])
        .write_stdin(cut)
        .assert()
        .code(0);
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let tmp = scratch("mixed");
    let dir = tmp.path();
    let good = dir.join("good.txt");
    std::fs::write(&good, ESSAY).unwrap();
    argmark()
        .arg("check")
        .arg(dir.join("missing.txt"))
        .arg(&good)
        .assert()
        .code(3)
        .stdout(predicate::str::contains("good.txt"))
        .stderr(predicate::str::contains("missing.txt: no such file"));
}

#[test]
fn explain_known_and_unknown_codes() {
    argmark()
        .args(["explain", "dates.after-window"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Why it matters"));
    argmark()
        .args(["explain", "no.such-code"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown finding code"));
    argmark()
        .arg("explain")
        .assert()
        .success()
        .stdout(predicate::str::contains("layout.cut-off"));
}

#[test]
fn question_command_reads_window_focus_and_command() {
    argmark()
        .args(["question", "To what extent was Stalin secure by 1929?"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("to what extent").and(predicate::str::contains("up to 1929")),
        );
}

#[test]
fn usage_errors_are_exit_2() {
    argmark().args(["check"]).assert().code(2);
    argmark()
        .args(["check", "--format", "nonsense", "x.txt"])
        .assert()
        .code(2);
}
