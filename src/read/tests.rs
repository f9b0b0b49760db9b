//! Tests for reading and decoding essays.

use super::*;
use proptest::prelude::*;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

const ESSAY: &str = "The Treaty of Versailles was harsh.\nIt caused resentment.\n";

fn ok(bytes: &[u8]) -> Source {
    decode("essay.txt".into(), bytes, Limits::default()).expect("should decode")
}

fn err(bytes: &[u8]) -> ReadError {
    decode("essay.txt".into(), bytes, Limits::default()).expect_err("should be refused")
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let bom: u16 = 0xFEFF;
    std::iter::once(bom)
        .chain(text.encode_utf16())
        .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
        .collect()
}

/// A unique path under the temp dir; tests run in parallel, so each one
/// gets its own name from the process id and a counter.
fn temp_path(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("argmark-read-{}-{n}-{tag}", std::process::id()))
}

fn temp_file(tag: &str, bytes: &[u8]) -> PathBuf {
    let path = temp_path(tag);
    std::fs::write(&path, bytes).unwrap();
    path
}

// ---- decoding ----

#[test]
fn plain_utf8() {
    let s = ok(ESSAY.as_bytes());
    assert_eq!(s.text, ESSAY);
    assert_eq!(s.encoding, "UTF-8");
    assert_eq!(s.name, "essay.txt");
}

#[test]
fn utf8_bom_is_stripped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("“Quoted” — café".as_bytes());
    let s = ok(&bytes);
    assert_eq!(s.text, "“Quoted” — café");
    assert_eq!(s.encoding, "UTF-8");
}

#[test]
fn utf16le_with_bom() {
    let text = "Hitler’s “rise”\r\nwas not inevitable.";
    let s = ok(&utf16(text, true));
    assert_eq!(s.text, text);
    assert_eq!(s.encoding, "UTF-16LE");
}

#[test]
fn utf16be_with_bom() {
    let text = "Hitler’s “rise”\nwas not inevitable.";
    let s = ok(&utf16(text, false));
    assert_eq!(s.text, text);
    assert_eq!(s.encoding, "UTF-16BE");
}

#[test]
fn utf16le_without_bom_is_recognised() {
    let bytes: Vec<u8> = ESSAY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let s = ok(&bytes);
    assert_eq!(s.text, ESSAY);
    assert_eq!(s.encoding, "UTF-16LE");
}

#[test]
fn windows_1252_curly_quotes() {
    // “It wasn’t fair,” wrote the historian. — in windows-1252 bytes.
    let bytes = b"\x93It wasn\x92t fair,\x94 wrote the historian.\r\nThe end.\r\n";
    let s = ok(bytes);
    assert_eq!(
        s.text,
        "\u{201C}It wasn\u{2019}t fair,\u{201D} wrote the historian.\r\nThe end.\r\n"
    );
    assert_eq!(s.encoding, "windows-1252");
}

#[test]
fn windows_1252_single_apostrophe() {
    let s = ok(b"Britain\x92s empire");
    assert_eq!(s.text, "Britain\u{2019}s empire");
    assert_eq!(s.encoding, "windows-1252");
}

#[test]
fn latin1_accents_decode() {
    // café, naïve, déjà vu in windows-1252 / ISO-8859-1 bytes.
    let s = ok(b"The caf\xe9 was na\xefve about the d\xe9j\xe0 vu of war.");
    assert_eq!(s.text, "The café was naïve about the déjà vu of war.");
    assert_eq!(s.encoding, "windows-1252");
}

#[test]
fn few_legacy_bytes_prefer_windows_1252() {
    // chardetng alone guesses windows-1250 / ISO-8859-4 for these.
    let s = ok(b"It cost \xa35 \x96 a lot\x85");
    assert_eq!(s.text, "It cost \u{a3}5 \u{2013} a lot\u{2026}");
    assert_eq!(s.encoding, "windows-1252");
    assert_eq!(
        ok(b"na\xefve \xbd of the \xb0 degree").text,
        "na\u{ef}ve \u{bd} of the \u{b0} degree"
    );
}

#[test]
fn long_cyrillic_is_detected() {
    // "Война и мир" repeated, in windows-1251: enough evidence to guess.
    let phrase: &[u8] = b"\xc2\xee\xe9\xed\xe0 \xe8 \xec\xe8\xf0. ";
    let s = ok(&phrase.repeat(8));
    assert_eq!(s.encoding, "windows-1251");
    assert!(s.text.starts_with("Война и мир. "), "{}", s.text);
}

#[test]
fn line_ends_tabs_and_nbsp_kept() {
    let text = "One\r\ntwo\rthree\n\tfour\u{a0}five \u{2018}six\u{2019}";
    assert_eq!(ok(text.as_bytes()).text, text);
    assert_eq!(ok(&utf16(text, true)).text, text);
}

#[test]
fn a_few_stray_controls_are_tolerated() {
    // Word sometimes leaves a vertical tab for a manual line break.
    let text = format!("{ESSAY}\x0b{ESSAY}");
    assert_eq!(ok(text.as_bytes()).text, text);
}

// ---- content errors (exit 4) ----

#[test]
fn empty_input() {
    let e = err(b"");
    assert!(matches!(e, ReadError::Empty { .. }));
    assert_eq!(e.to_string(), "essay.txt: the essay is empty");
    assert_eq!(e.exit_code(), 4);
}

#[test]
fn whitespace_only_and_lone_bom_are_empty() {
    for bytes in [
        &b" \r\n\t \n"[..],
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF  \n",
        b"\xFF\xFE",
        b"\xFE\xFF\x00 ",
    ] {
        assert!(matches!(err(bytes), ReadError::Empty { .. }), "{bytes:?}");
    }
    assert!(matches!(
        err("\u{a0}\u{200b}\n".as_bytes()),
        ReadError::Empty { .. }
    ));
}

#[test]
fn nul_bytes_are_binary() {
    let e = err(b"some text\x00\x01\x02more\x00");
    assert!(matches!(e, ReadError::Binary { .. }));
    assert_eq!(e.to_string(), "essay.txt: looks like binary data, not text");
    assert_eq!(e.exit_code(), 4);
}

#[test]
fn nul_in_utf16_text_is_binary() {
    assert!(matches!(
        err(&utf16("An essay\0 with a NUL in it.", true)),
        ReadError::Binary { .. }
    ));
}

#[test]
fn many_control_characters_are_binary() {
    let bytes: Vec<u8> = (0..400u32)
        .map(|i| if i % 10 == 0 { 0x1b } else { b'a' })
        .collect();
    assert!(matches!(err(&bytes), ReadError::Binary { .. }));
}

#[test]
fn image_and_program_magic_are_binary() {
    for magic in [
        &b"\x89PNG\r\n\x1a\nrest"[..],
        b"\x7fELFrest",
        b"GIF89a text",
        b"\xff\xd8\xff\xe0",
    ] {
        assert!(matches!(err(magic), ReadError::Binary { .. }), "{magic:?}");
    }
}

#[test]
fn text_that_merely_starts_like_bzip2_is_text() {
    assert_eq!(ok(b"BZh is not a word.").encoding, "UTF-8");
}

#[test]
fn pdf_is_a_document() {
    let e = err(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    assert!(matches!(e, ReadError::Document { kind: "PDF", .. }));
    assert_eq!(
        e.to_string(),
        "essay.txt: not plain text but a document (PDF); \
         convert .docx/.odt/.pdf documents to plain text or give them to batch mode"
    );
    assert_eq!(e.exit_code(), 4);
}

#[test]
fn zip_documents_are_named() {
    let docx =
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml...word/document.xml";
    assert!(matches!(
        err(docx),
        ReadError::Document {
            kind: "Word .docx",
            ..
        }
    ));
    let mut odt = b"PK\x03\x04".to_vec();
    odt.extend_from_slice(&[0; 26]);
    odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
    assert!(matches!(
        err(&odt),
        ReadError::Document {
            kind: "OpenDocument .odt",
            ..
        }
    ));
    let e = err(b"PK\x03\x04other");
    assert!(e.to_string().contains("ZIP archive"), "{e}");
    assert!(e.to_string().contains(".docx/.odt/.pdf"), "{e}");
}

#[test]
fn too_large_in_memory() {
    let e = decode("big.txt".into(), b"0123456789", Limits { max_bytes: 9 }).unwrap_err();
    assert!(matches!(
        e,
        ReadError::TooLarge {
            size: 10,
            limit: 9,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        "big.txt: is 10 bytes, over the limit of 9 bytes (raise it with --max-bytes)"
    );
    assert_eq!(e.exit_code(), 4);
    // Exactly at the limit is fine.
    assert!(decode("ok.txt".into(), b"012345678", Limits { max_bytes: 9 }).is_ok());
}

#[test]
fn endless_stream_stops_at_limit() {
    // io::repeat never ends: only a bounded read can return.
    let e = read_from(
        STDIN_NAME.into(),
        io::repeat(b'a'),
        Limits { max_bytes: 1000 },
    )
    .unwrap_err();
    assert!(matches!(e, ReadError::TooLargeStream { limit: 1000, .. }));
    assert_eq!(
        e.to_string(),
        "<stdin>: is more than 1000 bytes, over the limit (raise it with --max-bytes)"
    );
    assert_eq!(e.exit_code(), 4);
}

#[test]
fn stream_at_limit_is_read() {
    let s = read_from(
        STDIN_NAME.into(),
        io::repeat(b'a').take(1000),
        Limits { max_bytes: 1000 },
    )
    .unwrap();
    assert_eq!(s.text.len(), 1000);
    assert_eq!(s.name, "<stdin>");
}

#[test]
fn invalid_utf16_is_an_encoding_error() {
    // BOM, then a lone high surrogate (D800) followed by "A".
    let e = err(b"\xFF\xFE\x00\xD8A\x00");
    assert!(matches!(e, ReadError::Encoding { .. }));
    assert_eq!(
        e.to_string(),
        "essay.txt: cannot be decoded as text: the bytes are not valid UTF-16LE after its byte-order mark"
    );
    assert_eq!(e.exit_code(), 4);
    // An odd number of bytes cannot be UTF-16 either.
    assert!(matches!(
        err(b"\xFE\xFF\x00A\x00"),
        ReadError::Encoding { .. }
    ));
}

#[test]
fn invalid_utf8_after_bom_is_an_encoding_error() {
    let e = err(b"\xEF\xBB\xBFcaf\xe9");
    assert!(
        e.to_string()
            .contains("not valid UTF-8 after its byte-order mark"),
        "{e}"
    );
}

// ---- files and IO errors (exit 3) ----

#[test]
fn reads_a_file() {
    let path = temp_file("ok.txt", b"\x93Quoted\x94 text.\r\n");
    let s = read_path(&path, Limits::default()).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(s.text, "“Quoted” text.\r\n");
    assert_eq!(s.encoding, "windows-1252");
    assert_eq!(s.name, path.display().to_string());
}

#[test]
fn missing_file() {
    let path = temp_path("missing.txt");
    let e = read_path(&path, Limits::default()).unwrap_err();
    assert!(matches!(e, ReadError::NotFound { .. }));
    assert_eq!(e.to_string(), format!("{}: no such file", path.display()));
    assert_eq!(e.exit_code(), 3);
}

#[test]
fn file_used_as_a_directory_is_not_found() {
    let path = temp_file("plain.txt", ESSAY.as_bytes());
    let e = read_path(&path.join("inner.txt"), Limits::default()).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(e, ReadError::NotFound { .. }), "{e:?}");
}

#[test]
fn directory() {
    let path = temp_path("dir");
    std::fs::create_dir(&path).unwrap();
    let e = read_path(&path, Limits::default()).unwrap_err();
    std::fs::remove_dir(&path).unwrap();
    assert!(matches!(e, ReadError::IsDirectory { .. }));
    assert_eq!(
        e.to_string(),
        format!(
            "{}: is a directory (give a file, or use batch mode)",
            path.display()
        )
    );
    assert_eq!(e.exit_code(), 3);
}

#[test]
fn too_large_file_is_refused_from_metadata() {
    let path = temp_file("big.txt", b"0123456789");
    let e = read_path(&path, Limits { max_bytes: 4 }).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        e,
        ReadError::TooLarge {
            size: 10,
            limit: 4,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        format!(
            "{}: is 10 bytes, over the limit of 4 bytes (raise it with --max-bytes)",
            path.display()
        )
    );
}

#[test]
fn empty_and_binary_files() {
    let empty = temp_file("empty.txt", b"");
    let binary = temp_file("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let e1 = read_path(&empty, Limits::default()).unwrap_err();
    let e2 = read_path(&binary, Limits::default()).unwrap_err();
    std::fs::remove_file(&empty).unwrap();
    std::fs::remove_file(&binary).unwrap();
    assert_eq!(
        e1.to_string(),
        format!("{}: the essay is empty", empty.display())
    );
    assert_eq!(
        e2.to_string(),
        format!("{}: looks like binary data, not text", binary.display())
    );
}

#[test]
fn permission_denied_mapping() {
    // Tests may run as root, where chmod 000 denies nothing, so the mapping
    // is tested directly.
    let e = ReadError::from_io(
        "secret.txt",
        io::Error::from(io::ErrorKind::PermissionDenied),
    );
    assert!(matches!(e, ReadError::PermissionDenied { .. }));
    assert_eq!(e.to_string(), "secret.txt: permission denied");
    assert_eq!(e.exit_code(), 3);
}

#[test]
fn io_error_mapping() {
    let cases = [
        (io::ErrorKind::NotFound, "a.txt: no such file"),
        (
            io::ErrorKind::IsADirectory,
            "a.txt: is a directory (give a file, or use batch mode)",
        ),
    ];
    for (kind, message) in cases {
        let e = ReadError::from_io("a.txt", io::Error::from(kind));
        assert_eq!(e.to_string(), message);
        assert_eq!(e.exit_code(), 3);
    }
    let e = ReadError::from_io("a.txt", io::Error::other("disk on fire"));
    assert!(matches!(e, ReadError::Io { .. }));
    assert_eq!(e.to_string(), "a.txt: could not read: disk on fire");
    assert_eq!(e.exit_code(), 3);
    assert_eq!(e.name(), "a.txt");
}

#[test]
fn looks_like_text_helper() {
    assert!(looks_like_text(ESSAY.as_bytes()));
    assert!(!looks_like_text(b"\x7fELF\x02\x01\x01\x00"));
    assert!(!looks_like_text(b"   "));
}

proptest! {
    #[test]
    fn decode_never_panics_and_ok_is_non_blank(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(s) = decode("p".into(), &bytes, Limits::default()) {
            prop_assert!(!s.text.trim().is_empty());
        }
    }

    #[test]
    fn utf8_text_round_trips(text in "\\PC*[a-z]\\PC*") {
        // Any non-blank UTF-8 text without NULs or many controls comes back as is.
        prop_assume!(!text.contains('\0') && !text.starts_with('\u{feff}'));
        if let Ok(s) = decode("p".into(), text.as_bytes(), Limits::default()) {
            prop_assert_eq!(s.text, text);
        }
    }
}
