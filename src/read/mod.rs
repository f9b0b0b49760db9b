//! Reading an essay: bytes from a file or standard input, decoded to text.
//!
//! Order of checks, cheapest and most certain first: size (before reading),
//! emptiness, file-format magic numbers, NUL bytes, decoding, then the share
//! of stray control characters and blankness of the decoded text.

pub mod archive;
mod decode;
pub mod document;
mod docx;
mod error;
mod odt;
mod sniff;
mod xml;

#[cfg(test)]
mod document_tests;
#[cfg(test)]
mod tests;

use std::io::Read;
use std::path::Path;

pub use error::{EXIT_UNREADABLE, EXIT_UNUSABLE, ReadError};
pub use sniff::is_blank;

use decode::DecodeError;
use sniff::Magic;

/// Name used for standard input in messages and reports.
pub const STDIN_NAME: &str = "<stdin>";

/// Limits that stop runaway input before any analysis starts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 10 MiB).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// A decoded essay.
#[derive(Debug, Clone)]
pub struct Source {
    /// What the user called it: the path as given, or `-` / `<stdin>`.
    pub name: String,
    /// The decoded text, without a byte-order mark, otherwise exactly as
    /// written (line ends, curly quotes and all).
    pub text: String,
    /// The encoding it was read in, e.g. "UTF-8", "UTF-16LE", "windows-1252".
    pub encoding: &'static str,
    /// A .docx/.odt's title property, usable as the question.
    pub title: Option<String>,
    /// A .docx/.odt's footnotes and endnotes, kept out of `text`.
    pub footnotes: Vec<String>,
}

/// Reads and decodes one file.
///
/// The metadata is checked first so that a directory gets a clear message
/// and an oversized file is refused without reading a byte of it.
pub fn read_path(path: &Path, limits: Limits) -> Result<Source, ReadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| ReadError::from_io(name.as_str(), e))?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory { name });
    }
    if meta.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            name,
            size: meta.len(),
            limit: limits.max_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::from_io(name.as_str(), e))?;
    // Pipes and devices report a length of 0, and files can grow after the
    // check, so the read itself is bounded too.
    let bytes = read_bounded(&name, file, limits, meta.len())?;
    read_bytes(name, &bytes, limits)
}

/// The kinds of input argmark reads, told apart by extension or content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Docx,
    Odt,
    Pdf,
}

impl Kind {
    /// The kind a file name says, if it names one argmark reads.
    pub fn from_name(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" => Some(Kind::Text),
            "docx" => Some(Kind::Docx),
            "odt" => Some(Kind::Odt),
            "pdf" => Some(Kind::Pdf),
            _ => None,
        }
    }

    /// The kind the bytes say, trusting the content over a wrong extension.
    fn detect(name: &str, bytes: &[u8]) -> Kind {
        match (Kind::from_name(name), sniff::magic(bytes)) {
            (_, Some(Magic::Document("PDF"))) => Kind::Pdf,
            (_, Some(Magic::Document("Word .docx"))) => Kind::Docx,
            (_, Some(Magic::Document("OpenDocument .odt"))) => Kind::Odt,
            (Some(kind), _) => kind,
            (None, _) => Kind::Text,
        }
    }
}

/// Reads an input of any supported kind from its bytes: plain text is
/// decoded, .docx/.odt have their text extracted, PDFs are refused.
pub fn read_bytes(name: String, bytes: &[u8], limits: Limits) -> Result<Source, ReadError> {
    let kind = Kind::detect(&name, bytes);
    let extracted = match kind {
        Kind::Text => return decode(name, bytes, limits),
        Kind::Pdf => return Err(ReadError::Pdf { name }),
        // Password-protected Office files are an OLE container, not a zip.
        _ if bytes.starts_with(b"\xd0\xcf\x11\xe0") => return Err(ReadError::Encrypted { name }),
        _ if bytes.is_empty() => return Err(ReadError::Empty { name }),
        Kind::Docx => docx::extract(&name, bytes, limits)?,
        Kind::Odt => odt::extract(&name, bytes, limits)?,
    };
    if sniff::is_blank(&extracted.text) {
        return Err(ReadError::Empty { name });
    }
    Ok(Source {
        name,
        text: extracted.text,
        encoding: "UTF-8",
        title: extracted.title,
        footnotes: extracted.footnotes,
    })
}

/// Reads and decodes standard input.
pub fn read_stdin(limits: Limits) -> Result<Source, ReadError> {
    read_from(STDIN_NAME.into(), std::io::stdin().lock(), limits)
}

/// Reads and decodes any stream, reading at most one byte past the limit so
/// that an endless or huge stream never fills memory.
pub fn read_from(name: String, reader: impl Read, limits: Limits) -> Result<Source, ReadError> {
    let bytes = read_bounded(&name, reader, limits, 0)?;
    read_bytes(name, &bytes, limits)
}

/// Reads up to `limits.max_bytes + 1` bytes: the extra byte is how an
/// over-long stream is told apart from one exactly at the limit. `expected`
/// is the length the file reported, if any: room for it is made at once, or
/// a small file took ten reads as the buffer doubled.
fn read_bounded(
    name: &str,
    reader: impl Read,
    limits: Limits,
    expected: u64,
) -> Result<Vec<u8>, ReadError> {
    let room = expected.min(limits.max_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    reader
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(name, e))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ReadError::TooLargeStream {
            name: name.to_owned(),
            limit: limits.max_bytes,
        });
    }
    Ok(bytes)
}

/// Decodes bytes already in memory (used for standard input, archives and tests).
pub fn decode(name: String, bytes: &[u8], limits: Limits) -> Result<Source, ReadError> {
    let size = bytes.len() as u64;
    if size > limits.max_bytes {
        return Err(ReadError::TooLarge {
            name,
            size,
            limit: limits.max_bytes,
        });
    }
    match sniff::magic(bytes) {
        Some(Magic::Document(kind)) => return Err(ReadError::Document { name, kind }),
        Some(Magic::Binary) => return Err(ReadError::Binary { name }),
        None => {}
    }
    let decoded = match decode::decode_bytes(bytes) {
        Ok(decoded) => decoded,
        Err(DecodeError::Binary) => return Err(ReadError::Binary { name }),
        Err(DecodeError::Invalid(detail)) => return Err(ReadError::Encoding { name, detail }),
    };
    // Blankness first: a lone BOM or a file of spaces is "empty", not binary.
    if sniff::is_blank(&decoded.text) {
        return Err(ReadError::Empty { name });
    }
    if sniff::looks_binary(&decoded.text) {
        return Err(ReadError::Binary { name });
    }
    Ok(Source {
        name,
        text: decoded.text,
        encoding: decoded.encoding,
        title: None,
        footnotes: Vec::new(),
    })
}

/// Whether bytes would be accepted as an essay's text (for callers such as
/// batch mode that skip non-text files quietly rather than report them).
pub fn looks_like_text(bytes: &[u8]) -> bool {
    decode(
        String::new(),
        bytes,
        Limits {
            max_bytes: u64::MAX,
        },
    )
    .is_ok()
}
