//! Reading an essay: bytes from a file or standard input, decoded to text.
//!
//! INTERFACE STUB — to be implemented.

use std::path::Path;

/// Limits that stop runaway input before any analysis starts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 10 MiB).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 10 * 1024 * 1024 }
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
}

/// Why an input could not be read. Each kind has a documented exit code.
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
        source: std::io::Error,
    },
    #[error("{name}: the essay is empty")]
    Empty { name: String },
    #[error("{name}: looks like binary data, not text")]
    Binary { name: String },
    #[error("{name}: is {size} bytes, over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge { name: String, size: u64, limit: u64 },
}

impl ReadError {
    /// Exit code for this error (see README, "Exit codes").
    pub fn exit_code(&self) -> u8 {
        match self {
            ReadError::NotFound { .. }
            | ReadError::PermissionDenied { .. }
            | ReadError::IsDirectory { .. }
            | ReadError::Io { .. } => 3,
            ReadError::Empty { .. } | ReadError::Binary { .. } | ReadError::TooLarge { .. } => 4,
        }
    }
}

/// Reads and decodes one file.
pub fn read_path(path: &Path, limits: Limits) -> Result<Source, ReadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io { name: name.clone(), source })?;
    decode(name, &bytes, limits)
}

/// Reads and decodes standard input.
pub fn read_stdin(limits: Limits) -> Result<Source, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io { name: "<stdin>".into(), source })?;
    decode("<stdin>".into(), &bytes, limits)
}

/// Decodes bytes already in memory (used for standard input, archives and tests).
pub fn decode(name: String, bytes: &[u8], limits: Limits) -> Result<Source, ReadError> {
    let _ = limits;
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(ReadError::Empty { name });
    }
    Ok(Source { name, text, encoding: "UTF-8" })
}
