//! Reading zip entries (.docx, .odt, class downloads) without trusting the
//! archive: every entry is bounded by its declared size, its actual size,
//! its compression ratio and a budget shared by the whole archive, so a zip
//! bomb costs a few kilobytes of reading and one error, never the machine.

use std::io::{Read, Seek};
use std::sync::atomic::{AtomicU64, Ordering};

use zip::ZipArchive;
use zip::result::ZipError;

use super::ReadError;

/// Below this many decompressed bytes the ratio is not checked: small XML
/// parts of a document legitimately compress very well.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// Bounds on what an archive may expand to.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveLimits {
    /// Largest decompressed entry.
    pub max_entry: u64,
    /// Largest total decompressed over all entries read from one archive.
    pub max_total: u64,
    /// Largest decompressed:compressed ratio for entries over 1 MiB.
    pub max_ratio: u64,
}

impl ArchiveLimits {
    /// Limits for the parts of one document, given the largest essay.
    pub fn for_document(max_bytes: u64) -> Self {
        ArchiveLimits {
            max_entry: max_bytes,
            max_total: 50 * 1024 * 1024,
            max_ratio: 100,
        }
    }
}

/// What is left of an archive's total budget; shared by threads reading
/// entries of the same archive.
#[derive(Debug)]
pub struct Budget(AtomicU64);

impl Budget {
    pub fn new(total: u64) -> Self {
        Budget(AtomicU64::new(total))
    }

    /// Takes `n` bytes from the budget, or says there are not enough.
    fn spend(&self, n: u64) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(n)
            })
            .is_ok()
    }
}

/// Opens a zip archive; a broken one is a corrupt document.
pub fn open<R: Read + Seek>(name: &str, reader: R) -> Result<ZipArchive<R>, ReadError> {
    ZipArchive::new(reader).map_err(|e| zip_error(name, e))
}

/// Reads one entry fully into memory, within the limits.
pub fn read_entry<R: Read + Seek>(
    name: &str,
    zip: &mut ZipArchive<R>,
    index: usize,
    limits: &ArchiveLimits,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    let too_large = |detail: String| ReadError::ArchiveTooLarge {
        name: name.to_owned(),
        detail,
    };
    // The raw view gives the header without decrypting or inflating.
    let (declared, compressed) = {
        let raw = zip.by_index_raw(index).map_err(|e| zip_error(name, e))?;
        if raw.encrypted() {
            return Err(ReadError::Encrypted {
                name: name.to_owned(),
            });
        }
        (raw.size(), raw.compressed_size())
    };
    if declared > limits.max_entry {
        return Err(too_large(format!(
            "an entry declares {declared} bytes, over the limit of {}",
            limits.max_entry
        )));
    }
    // Declared sizes can lie, so the read itself stops at the tighter of
    // the size limit and the ratio limit.
    let ratio_cap = compressed
        .max(1)
        .saturating_mul(limits.max_ratio)
        .max(RATIO_FLOOR);
    let cap = limits.max_entry.min(ratio_cap);
    let entry = zip.by_index(index).map_err(|e| zip_error(name, e))?;
    let mut bytes = Vec::with_capacity(declared.min(cap) as usize);
    entry
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Corrupt {
            name: name.to_owned(),
            detail: format!("cannot decompress: {e}"),
        })?;
    let actual = bytes.len() as u64;
    if actual > limits.max_entry {
        return Err(too_large(format!(
            "an entry decompresses past the limit of {} bytes",
            limits.max_entry
        )));
    }
    if actual > cap {
        return Err(too_large(format!(
            "an entry expands more than {}:1 (a zip bomb?)",
            limits.max_ratio
        )));
    }
    if !budget.spend(actual) {
        return Err(too_large(format!(
            "the archive decompresses past {} bytes in total",
            limits.max_total
        )));
    }
    Ok(bytes)
}

/// Reads an entry by exact name, `None` when the archive has no such entry.
pub fn read_named<R: Read + Seek>(
    name: &str,
    zip: &mut ZipArchive<R>,
    entry: &str,
    limits: &ArchiveLimits,
    budget: &Budget,
) -> Result<Option<Vec<u8>>, ReadError> {
    match zip.index_for_name(entry) {
        Some(i) => read_entry(name, zip, i, limits, budget).map(Some),
        None => Ok(None),
    }
}

/// Maps the zip crate's errors: password problems mean encryption,
/// everything else means the archive is damaged.
fn zip_error(name: &str, e: ZipError) -> ReadError {
    let name = name.to_owned();
    match e {
        ZipError::InvalidPassword => ReadError::Encrypted { name },
        ZipError::UnsupportedArchive(m) if m.to_lowercase().contains("password") => {
            ReadError::Encrypted { name }
        }
        other => ReadError::Corrupt {
            name,
            detail: format!("not a readable zip archive ({other})"),
        },
    }
}
