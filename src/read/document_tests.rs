//! .docx and .odt extraction, on documents built here with ZipWriter.

use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::{Limits, ReadError, read_bytes};

/// A zip holding the given (path, content) entries, deflated.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, body) in entries {
        w.start_file(*path, SimpleFileOptions::default()).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
    entries.extend_from_slice(extra);
    zip(&entries)
}

fn read(name: &str, bytes: &[u8]) -> Result<super::Source, ReadError> {
    read_bytes(name.into(), bytes, Limits::default())
}

#[test]
fn docx_paragraphs_runs_tabs_and_breaks() {
    let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
        <w:r><w:t>Lenin</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> returned &amp; spoke</w:t></w:r></w:p>
        <w:p/><w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>"#;
    let s = read("e.docx", &docx(body, &[])).unwrap();
    assert_eq!(s.text, "Lenin\t returned & spoke\n\nLine one\nline two");
    assert_eq!(s.title, None);
}

#[test]
fn docx_tracked_changes_footnotes_and_title() {
    let body = r#"<w:p><w:r><w:t>The Tsar </w:t></w:r><w:del w:id="1"><w:r><w:delText>never </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>finally </w:t></w:r></w:ins><w:r><w:t>abdicated in 1917.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#;
    let notes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Figes, A People's Tragedy, p. 340.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let core = br#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>How far was Lenin responsible, 1917-24?</dc:title></cp:coreProperties>"#;
    let s = read(
        "e.docx",
        &docx(
            body,
            &[
                ("word/footnotes.xml", notes.as_bytes()),
                ("docProps/core.xml", core),
                (
                    "word/header1.xml",
                    b"<w:hdr><w:p><w:r><w:t>HEADER</w:t></w:r></w:p></w:hdr>",
                ),
            ],
        ),
    )
    .unwrap();
    assert_eq!(s.text, "The Tsar finally abdicated in 1917.");
    assert_eq!(s.footnotes, ["Figes, A People's Tragedy, p. 340."]);
    assert_eq!(
        s.title.as_deref(),
        Some("How far was Lenin responsible, 1917-24?")
    );
}

#[test]
fn docx_errors() {
    let e = read("bad.docx", b"PK\x03\x04 this is no zip").unwrap_err();
    assert_eq!(e.kind(), "corrupt");
    let e = read("enc.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 OLE").unwrap_err();
    assert_eq!(e.kind(), "encrypted");
    assert!(e.to_string().contains("encrypted document"));
    let e = read("x.docx", &docx("<w:p><w:r><w:t>open", &[])).unwrap_err();
    assert_eq!(e.kind(), "corrupt", "{e}");
    let e = read(
        "x.docx",
        &docx("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", &[]),
    )
    .unwrap_err();
    assert!(e.to_string().contains("unknown entity"), "{e}");
    let doctype = zip(&[(
        "word/document.xml",
        b"<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document/>",
    )]);
    assert!(
        read("x.docx", &doctype)
            .unwrap_err()
            .to_string()
            .contains("DOCTYPE")
    );
    let e = read("x.docx", &docx("<w:p></w:p>", &[])).unwrap_err();
    assert_eq!(e.kind(), "empty");
    let e = read("x.docx", &zip(&[("other.xml", b"<a/>")])).unwrap_err();
    assert!(e.to_string().contains("not a Word document"), "{e}");
}

#[test]
fn zip_bomb_is_refused() {
    let zeros = vec![b' '; 60 * 1024 * 1024];
    let bomb = zip(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 1024 * 1024);
    let e = read("bomb.docx", &bomb).unwrap_err();
    assert_eq!(e.kind(), "archive_too_large", "{e}");
    // Within the size limit but still far too compressible.
    let e = read_bytes(
        "bomb.docx".into(),
        &bomb,
        Limits {
            max_bytes: 100 * 1024 * 1024,
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains(":1"), "{e}");
}

fn odt(body: &str, meta: Option<&str>) -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:automatic-styles><style:style/></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
    ];
    if let Some(m) = meta {
        entries.push(("meta.xml", m.as_bytes()));
    }
    zip(&entries)
}

#[test]
fn odt_paragraphs_spaces_changes_notes_and_title() {
    let body = r#"<text:tracked-changes><text:changed-region><text:deletion><text:p>DELETED</text:p></text:deletion></text:changed-region></text:tracked-changes>
        <text:h>Stalin by 1929</text:h>
        <text:p>Stalin<text:s text:c="2"/>won<text:tab/>because<text:line-break/>he<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Service, Stalin, p. 12.</text:p></text:note-body></text:note> outmanoeuvred them.</text:p>
        <text:p><office:annotation><text:p>COMMENT</text:p></office:annotation>In 1927 Trotsky was expelled.</text:p>"#;
    let meta = r#"<office:document-meta xmlns:office="o" xmlns:dc="d"><office:meta><dc:title>Why did Stalin win?</dc:title></office:meta></office:document-meta>"#;
    let s = read("e.odt", &odt(body, Some(meta))).unwrap();
    assert_eq!(
        s.text,
        "Stalin by 1929\n\nStalin  won\tbecause\nhe outmanoeuvred them.\n\nIn 1927 Trotsky was expelled."
    );
    assert_eq!(s.footnotes, ["Service, Stalin, p. 12."]);
    assert_eq!(s.title.as_deref(), Some("Why did Stalin win?"));
}

#[test]
fn odt_encrypted_and_pdf() {
    let enc = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", b"<manifest:encryption-data/>"),
        ("content.xml", b"\x01\x02garbage"),
    ]);
    assert_eq!(read("e.odt", &enc).unwrap_err().kind(), "encrypted");
    let e = read("e.pdf", b"%PDF-1.7 ...").unwrap_err();
    assert_eq!(
        e.to_string(),
        "e.pdf: PDF is not supported: convert to .docx or .txt"
    );
}
