//! Renders an HTML report in a real headless browser (Chromium from the
//! system packages) and checks the page: the essay's sentences, the legend
//! and the criteria table are there, and no script ran. Writes a screenshot.
//!
//! `cargo test --test browser -- --ignored` (`.ci/run` installs chromium).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> &'static str {
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new(c).arg("--version").output().is_ok() {
            return c;
        }
    }
    panic!("no chromium on PATH");
}

fn chrome(args: &[&str], profile: &Path) -> std::process::Output {
    Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

/// Writes the essay's HTML report into a scratch folder removed when the
/// returned guard drops.
fn page(name: &str, text: String) -> (PathBuf, tempfile::TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("argmark-browser-")
        .tempdir()
        .unwrap();
    let a = argmark::analysis::analyze(text, &argmark::analysis::Options::default());
    let html = argmark::report::html::render(name, &a);
    let path = dir.path().join("report.html");
    std::fs::write(&path, html).unwrap();
    (path, dir)
}

#[test]
#[ignore = "needs chromium"]
fn renders_in_a_real_browser() {
    let essay = std::fs::read_to_string(root().join("samples/strong.txt")).unwrap();
    let (path, dir) = page("strong.txt", essay.clone());
    let url = format!("file://{}", path.display());
    let out = chrome(&["--dump-dom", &url], &dir.path().join("profile"));
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A sentence of the essay, the legend and the criteria table.
    let sentence = essay
        .lines()
        .nth(2)
        .unwrap()
        .split(". ")
        .next()
        .unwrap()
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(dom.contains(&sentence), "no `{sentence}` in the page");
    assert!(dom.contains("Legend"));
    assert!(dom.contains("class=\"criteria\""));
    assert!(dom.contains("Suggested mark"));
    assert!(dom.contains("<svg"));

    let shot = std::env::var("ARGMARK_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| dir.path().join("report.png"));
    let out = chrome(
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600",
            &url,
        ],
        &dir.path().join("profile2"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
}

#[test]
#[ignore = "needs chromium"]
fn a_script_in_the_essay_does_not_run() {
    let essay = "Trotsky's contribution to the success of the Bolsheviks up to 1922\n\n\
        Trotsky mattered <script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script> in 1918.\n\n\
        He built the Red Army in 1918, which won the Civil War.\n\n\
        Overall he was vital to the Bolsheviks' success.\n"
        .to_string();
    let (path, dir) = page("evil.txt", essay);
    let out = chrome(
        &["--dump-dom", &format!("file://{}", path.display())],
        &dir.path().join("profile"),
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(!dom.contains("PWNED</title>"));
    assert!(!dom.contains("data-pwned=\"1\""), "the script ran");
    assert!(dom.contains("&lt;script&gt;"), "the script shows as text");
}
