//! Untrusted archives and documents, each built by the test itself: entry
//! paths that escape in every spelling, archives of every kind nested in a
//! class zip, malformed and entity-laden XML in .odt as well as .docx, and
//! the total expansion budget of one document.

use argmark::read::{Limits, read_bytes};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;

#[path = "support/zip.rs"]
mod zipped;
use zipped::zip;

/// Runs a batch over one archive: file name (last part) → error kind or "ok".
fn batch_rows(test: &str, archive: &[u8]) -> BTreeMap<String, String> {
    let dir = tempfile::Builder::new()
        .prefix("argmark-untrusted-")
        .tempdir()
        .unwrap();
    let path = dir.path().join(format!("{test}.zip"));
    std::fs::write(&path, archive).unwrap();
    let out = Command::cargo_bin("argmark")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["essays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap().replace('\\', "/");
            let short = file.rsplit('/').next().unwrap().to_string();
            let kind = e["error"]["kind"].as_str().unwrap_or("ok").to_string();
            (short, kind)
        })
        .collect()
}

const ESSAY: &[u8] =
    b"Trotsky built the Red Army in 1918, and this shows that his contribution was decisive.";

#[test]
fn every_spelling_of_an_escaping_entry_is_refused() {
    let rows = batch_rows(
        "escaping",
        &zip(&[
            ("ok.txt", ESSAY),
            ("../up.txt", ESSAY),
            ("a/../../deep.txt", ESSAY),
            ("/abs.txt", ESSAY),
            ("..\\win.txt", ESSAY),
            ("C:\\drive.txt", ESSAY),
        ]),
    );
    assert_eq!(rows["ok.txt"], "ok");
    for name in ["up.txt", "deep.txt", "abs.txt", "win.txt", "drive.txt"] {
        assert_eq!(
            rows.get(name).map(String::as_str),
            Some("unsafe_entry"),
            "{name}: {rows:?}"
        );
    }
}

#[test]
fn archives_of_every_kind_inside_an_archive_are_refused() {
    let inner = zip(&[("a.txt", ESSAY)]);
    let rows = batch_rows(
        "nested",
        &zip(&[
            ("ok.txt", ESSAY),
            ("inner.zip", &inner),
            ("inner.7z", b"7z\xbc\xaf\x27\x1c"),
            ("inner.tar.gz", b"\x1f\x8b\x08\x00"),
            ("inner.rar", b"Rar!\x1a\x07"),
        ]),
    );
    assert_eq!(rows["ok.txt"], "ok");
    for name in ["inner.zip", "inner.7z", "inner.tar.gz", "inner.rar"] {
        assert_eq!(
            rows.get(name).map(String::as_str),
            Some("nested_archive"),
            "{name}: {rows:?}"
        );
    }
}

fn odt(content: &[u8]) -> Vec<u8> {
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
    ])
}

#[test]
fn odt_with_malformed_xml_or_entities_is_an_error_not_a_panic() {
    let cases: &[(&[u8], &str)] = &[
        (b"<office:document-content><office:body><office:text><text:p>open", "corrupt"),
        (b"<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><office:document-content/>", "corrupt"),
        (b"<office:document-content><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body></office:document-content>", "corrupt"),
        (b"\xff\xfe<\x00", "corrupt"),
    ];
    for (content, kind) in cases {
        let e = read_bytes("x.odt".into(), &odt(content), Limits::default()).unwrap_err();
        assert_eq!(e.kind(), *kind, "{e}");
        assert!(e.to_string().starts_with("x.odt: "), "{e}");
    }
}

#[test]
fn a_document_past_its_size_limit_once_expanded_is_refused() {
    // Each part is small and compresses modestly, but the body alone is past
    // a 64 KiB limit once expanded.
    let body: String = (0..20_000)
        .map(|i| format!("<w:p><w:r><w:t>w{i}</w:t></w:r></w:p>"))
        .collect();
    let doc = format!("<w:document><w:body>{body}</w:body></w:document>");
    let docx = zip(&[("word/document.xml", doc.as_bytes())]);
    let e = read_bytes(
        "big.docx".into(),
        &docx,
        Limits {
            max_bytes: 64 * 1024,
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), "archive_too_large", "{e}");
}
