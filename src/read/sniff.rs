//! Cheap checks that tell text from things that are not text: file-format
//! magic numbers, NUL bytes and control characters.

/// What the first bytes of an input say it is, when they say anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Magic {
    /// A document whose text the user probably wanted; the name says which.
    Document(&'static str),
    /// Some other binary format (image, program, compressed data).
    Binary,
}

/// Binary formats recognised by their leading bytes. None of these can
/// start a real essay, so a match is decisive.
const BINARY_MAGIC: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",  // PNG
    b"\xff\xd8\xff",       // JPEG
    b"GIF87a",             // GIF
    b"GIF89a",             // GIF
    b"\x7fELF",            // ELF executable
    b"\x1f\x8b",           // gzip
    b"\xfd7zXZ\x00",       // xz
    b"7z\xbc\xaf\x27\x1c", // 7-Zip
    b"Rar!\x1a\x07",       // RAR
];

/// Identifies a known file format from its first bytes.
pub fn magic(bytes: &[u8]) -> Option<Magic> {
    if bytes.starts_with(b"%PDF-") {
        return Some(Magic::Document("PDF"));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some(Magic::Document("RTF"));
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Some(Magic::Document("Word 97-2003 .doc"));
    }
    if is_zip(bytes) {
        return Some(Magic::Document(zip_kind(bytes)));
    }
    let known = BINARY_MAGIC.iter().any(|m| bytes.starts_with(m));
    (known || is_bzip2(bytes)).then_some(Magic::Binary)
}

/// bzip2's "BZh" is short enough to start text, so also insist on the
/// block-size digit and the block magic (pi in BCD) that follow it.
fn is_bzip2(bytes: &[u8]) -> bool {
    bytes.len() >= 10
        && bytes.starts_with(b"BZh")
        && (b'1'..=b'9').contains(&bytes[3])
        && bytes[4..10] == *b"\x31\x41\x59\x26\x53\x59"
}

/// ZIP local-file header, or the end record of an empty archive.
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Names the kind of ZIP-based document, from the entry names near the
/// start: OpenDocument stores `mimetype` first, uncompressed; Word files
/// carry `word/` paths. Anything else is just called a ZIP archive.
fn zip_kind(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if contains(head, b"mimetypeapplication/vnd.oasis.opendocument") {
        "OpenDocument .odt"
    } else if contains(head, b"word/") {
        "Word .docx"
    } else {
        "ZIP archive, such as .docx or .odt"
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A control character that has no place in an essay. Tab, line feed,
/// carriage return and form feed are ordinary layout, so they are allowed.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')
}

/// Whether decoded text looks like binary data: any NUL (which no text
/// holds, even when it decoded cleanly from UTF-16) or too many controls.
pub fn looks_binary(text: &str) -> bool {
    text.contains('\0') || too_many_controls(text)
}

/// Whether decoded text has so many stray control characters (more than
/// one in fifty) that it is almost certainly binary data that happened to
/// decode. A few strays, as word processors sometimes leave, are tolerated.
fn too_many_controls(text: &str) -> bool {
    let (total, stray) = if text.is_ascii() {
        // Byte for char, without decoding: most essays.
        let stray = text.bytes().filter(|&b| is_stray_control(b.into()));
        (text.len(), stray.count())
    } else {
        let stray = text.chars().filter(|&c| is_stray_control(c));
        (text.chars().count(), stray.count())
    };
    stray > 0 && stray * 50 > total
}

/// Which byte of each UTF-16 code unit is zero in BOM-less UTF-16 text
/// that is mostly ASCII: `Some(true)` little-endian, `Some(false)`
/// big-endian. Windows tools sometimes write UTF-16 without a BOM; without
/// this check its NUL bytes would be rejected as binary.
pub fn bomless_utf16_is_le(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let zero_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // Mostly-ASCII text has a zero high byte in most units and (apart from
    // U+0000, which text never holds) never a zero low byte.
    match (zero_even, zero_odd) {
        (0, odd) if odd * 2 >= units => Some(true),
        (even, 0) if even * 2 >= units => Some(false),
        _ => None,
    }
}

/// Whether the text holds nothing readable: only whitespace and invisible
/// format characters (BOMs, zero-width spaces and joiners).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
            )
    })
}
