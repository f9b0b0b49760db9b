//! Why an input could not be read, and the exit code each reason maps to.

use std::io;

/// Exit code when the input could not be read at all (missing, denied, IO).
pub const EXIT_UNREADABLE: u8 = 3;
/// Exit code when the input was read but is not a usable text essay.
pub const EXIT_UNUSABLE: u8 = 4;

/// Why an input could not be read. Each kind has a documented exit code.
///
/// Every message is one line and starts with the input's name, so it can be
/// printed as is after `error: ` and still say which file was at fault.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{name}: no such file")]
    NotFound { name: String },
    #[error("{name}: permission denied")]
    PermissionDenied { name: String },
    #[error("{name}: is a directory (give a file, or use batch mode)")]
    IsDirectory { name: String },
    #[error("{name}: could not read: {source}")]
    Io {
        name: String,
        #[source]
        source: io::Error,
    },
    #[error("{name}: the essay is empty")]
    Empty { name: String },
    #[error("{name}: looks like binary data, not text")]
    Binary { name: String },
    /// A word-processor or PDF document: the user most likely meant the text
    /// inside it, so the message says what to do instead.
    #[error(
        "{name}: not plain text but a document ({kind}); convert .docx/.odt/.pdf documents to plain text or give them to batch mode"
    )]
    Document { name: String, kind: &'static str },
    #[error("{name}: is {size} bytes, over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge { name: String, size: u64, limit: u64 },
    /// A stream (standard input) that went past the limit: reading stops
    /// there, so its full size is unknown.
    #[error("{name}: is more than {limit} bytes, over the limit (raise it with --max-bytes)")]
    TooLargeStream { name: String, limit: u64 },
    /// The bytes claim (by a byte-order mark) or appear to be in an encoding
    /// but are not valid in it.
    #[error("{name}: cannot be decoded as text: {detail}")]
    Encoding { name: String, detail: String },
    /// No PDF extractor is reliable enough to mark from, so PDFs are refused
    /// with the fix rather than read badly.
    #[error("{name}: PDF is not supported: convert to .docx or .txt")]
    Pdf { name: String },
    #[error("{name}: encrypted document (remove the password and submit it again)")]
    Encrypted { name: String },
    /// A .docx/.odt/.zip that is not a well-formed archive or whose XML is broken.
    #[error("{name}: corrupt document: {detail}")]
    Corrupt { name: String, detail: String },
    /// An archive entry that declares or decompresses past a limit, or
    /// compresses suspiciously well: treated as a zip bomb.
    #[error("{name}: archive expands past the limit: {detail}")]
    ArchiveTooLarge { name: String, detail: String },
    /// A zip entry named `../x` or `/x`: it would escape its folder.
    #[error("{name}: zip entry escapes its folder")]
    UnsafeEntry { name: String },
    #[error("{name}: archive inside an archive is not read (unpack it first)")]
    NestedArchive { name: String },
    /// Following the link would read a file the user did not hand over.
    #[error("{name}: symbolic link out of the folder (not followed)")]
    SymlinkOutside { name: String },
}

impl ReadError {
    /// Exit code for this error (see README, "Exit codes"): 3 when the input
    /// could not be read, 4 when it was read but cannot be used as an essay.
    pub fn exit_code(&self) -> u8 {
        match self {
            ReadError::NotFound { .. }
            | ReadError::PermissionDenied { .. }
            | ReadError::IsDirectory { .. }
            | ReadError::Io { .. }
            | ReadError::SymlinkOutside { .. } => EXIT_UNREADABLE,
            ReadError::Empty { .. }
            | ReadError::Binary { .. }
            | ReadError::Document { .. }
            | ReadError::TooLarge { .. }
            | ReadError::TooLargeStream { .. }
            | ReadError::Encoding { .. }
            | ReadError::Pdf { .. }
            | ReadError::Encrypted { .. }
            | ReadError::Corrupt { .. }
            | ReadError::ArchiveTooLarge { .. }
            | ReadError::UnsafeEntry { .. }
            | ReadError::NestedArchive { .. } => EXIT_UNUSABLE,
        }
    }

    /// Maps an IO error to the most specific variant, so that common
    /// mistakes (a typo in the path, a folder given by accident) get a plain
    /// message instead of the operating system's wording.
    pub fn from_io(name: impl Into<String>, source: io::Error) -> Self {
        let name = name.into();
        match source.kind() {
            // "essay.txt/x" fails with NotADirectory: to the user the file
            // simply is not there.
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => ReadError::NotFound { name },
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied { name },
            io::ErrorKind::IsADirectory => ReadError::IsDirectory { name },
            _ => ReadError::Io { name, source },
        }
    }

    /// The name of the input the error is about.
    pub fn name(&self) -> &str {
        match self {
            ReadError::NotFound { name }
            | ReadError::PermissionDenied { name }
            | ReadError::IsDirectory { name }
            | ReadError::Io { name, .. }
            | ReadError::Empty { name }
            | ReadError::Binary { name }
            | ReadError::Document { name, .. }
            | ReadError::TooLarge { name, .. }
            | ReadError::TooLargeStream { name, .. }
            | ReadError::Encoding { name, .. }
            | ReadError::Pdf { name }
            | ReadError::Encrypted { name }
            | ReadError::Corrupt { name, .. }
            | ReadError::ArchiveTooLarge { name, .. }
            | ReadError::UnsafeEntry { name }
            | ReadError::NestedArchive { name }
            | ReadError::SymlinkOutside { name } => name,
        }
    }

    /// A stable snake_case name for the kind of error, for JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::NotFound { .. } => "not_found",
            ReadError::PermissionDenied { .. } => "permission_denied",
            ReadError::IsDirectory { .. } => "is_directory",
            ReadError::Io { .. } => "io",
            ReadError::Empty { .. } => "empty",
            ReadError::Binary { .. } => "binary",
            ReadError::Document { .. } => "document",
            ReadError::TooLarge { .. } | ReadError::TooLargeStream { .. } => "too_large",
            ReadError::Encoding { .. } => "encoding",
            ReadError::Pdf { .. } => "pdf",
            ReadError::Encrypted { .. } => "encrypted",
            ReadError::Corrupt { .. } => "corrupt",
            ReadError::ArchiveTooLarge { .. } => "archive_too_large",
            ReadError::UnsafeEntry { .. } => "unsafe_entry",
            ReadError::NestedArchive { .. } => "nested_archive",
            ReadError::SymlinkOutside { .. } => "symlink_outside",
        }
    }
}
