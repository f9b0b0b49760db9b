//! Batch marking: a class's worth of essays from files, folders and LMS
//! downloads, analysed in parallel, one result row per input, in a stable
//! order, with a class summary.
//!
//! [`discover`] lists the inputs, [`read_item`] reads one, [`ordered`]
//! runs the work in parallel and hands results back in order, [`summary`]
//! adds them up, [`feedback`] writes per-student reports.

pub mod discover;
pub mod feedback;
pub mod json;
pub mod jsonl;
pub mod lms;
pub mod ordered;
pub mod summary;

use std::io::Cursor;
use std::sync::Arc;

use serde::Serialize;
use zip::ZipArchive;

use crate::read::archive::{self, ArchiveLimits, Budget};
use crate::read::{self, Limits, ReadError, Source};
pub use lms::Student;

/// One essay to mark.
#[derive(Debug)]
pub struct Item {
    /// The path as shown in reports: the file as found, or
    /// `archive.zip!/entry` for archive entries.
    pub name: String,
    pub student: Option<Student>,
    pub source: ItemSource,
    /// Student (name then id) or, without one, the path: orders the rows.
    sort_key: String,
}

/// Where an item's bytes come from.
#[derive(Debug)]
pub enum ItemSource {
    File(std::path::PathBuf),
    Stdin,
    ZipEntry {
        archive: Arc<ZipInput>,
        index: usize,
    },
    /// Known bad before reading (a link out of the folder, an entry that
    /// escapes its archive): the row is this error.
    Failed(RowError),
}

/// A class download held in memory and shared by the workers.
#[derive(Debug)]
pub struct ZipInput {
    pub zip: ZipArchive<Cursor<Arc<[u8]>>>,
    pub budget: Budget,
    pub limits: ArchiveLimits,
}

/// Why a row has no analysis, in a form that is cheap to clone and to
/// serialise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Stable snake_case kind, e.g. `encrypted`, `archive_too_large`.
    pub kind: &'static str,
    /// One line, starting with the input's name.
    pub message: String,
    /// The exit code this error calls for (3 unreadable, 4 unusable).
    #[serde(skip)]
    pub exit_code: u8,
}

impl From<&ReadError> for RowError {
    fn from(e: &ReadError) -> Self {
        RowError {
            kind: e.kind(),
            message: e.to_string(),
            exit_code: e.exit_code(),
        }
    }
}

impl From<ReadError> for RowError {
    fn from(e: ReadError) -> Self {
        RowError::from(&e)
    }
}

/// Reads one item's text, of any supported kind.
pub fn read_item(item: &Item, limits: Limits) -> Result<Source, RowError> {
    let source = match &item.source {
        ItemSource::File(path) => read::read_path(path, limits),
        ItemSource::Stdin => read::read_stdin(limits),
        ItemSource::ZipEntry { archive, index } => {
            // A clone shares the parsed directory and the bytes.
            let mut zip = archive.zip.clone();
            archive::read_entry(
                &item.name,
                &mut zip,
                *index,
                &archive.limits,
                &archive.budget,
            )
            .and_then(|bytes| read::read_bytes(item.name.clone(), &bytes, limits))
        }
        ItemSource::Failed(e) => return Err(e.clone()),
    };
    source.map_err(RowError::from)
}
