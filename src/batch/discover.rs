//! From what the user named (files, folders, .zip archives) to the list of
//! essays to mark, each with its student. Every essay-like thing found
//! becomes exactly one item, even when it can only become an error row.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;
use zip::ZipArchive;

use super::lms::{self, Student};
use super::{Item, ItemSource, RowError, ZipInput};
use crate::read::archive::{self, ArchiveLimits, Budget};
use crate::read::{Kind, Limits, ReadError};

/// Which files inside folders and archives to take.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// When set, only paths matching one of these globs are taken.
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
}

impl Selection {
    /// Whether a path inside a folder or archive (relative to it) is taken.
    /// Globs are tried against the relative path and the bare file name, so
    /// `*bibliography*` and `Jane*/*.docx` both work.
    fn takes(&self, relative: &str) -> bool {
        let file = relative.rsplit('/').next().unwrap_or(relative);
        let hit = |g: &GlobSet| g.is_match(relative) || g.is_match(file);
        self.include.as_ref().is_none_or(hit) && !self.exclude.as_ref().is_some_and(hit)
    }
}

/// Largest .zip read into memory as a class download.
const MAX_ARCHIVE_BYTES: u64 = 1024 * 1024 * 1024;

/// Extensions of archives that are refused when found inside an archive.
const ARCHIVES: &[&str] = &["zip", "7z", "rar", "tar", "gz", "tgz"];

/// Lists the items of every input, sorted by student then path.
pub fn discover(inputs: &[PathBuf], selection: &Selection, limits: Limits) -> Vec<Item> {
    let mut items = Vec::new();
    for input in inputs {
        let name = input.display().to_string();
        if input.as_os_str() == "-" {
            items.push(Item::new(name, None, ItemSource::Stdin));
        } else if input.is_dir() {
            walk_folder(input, selection, &mut items);
        } else if extension(&name).as_deref() == Some("zip") {
            list_archive(input, selection, limits, &mut items);
        } else {
            // Named explicitly: always read, whatever its extension.
            let student = lms::identify(&[file_name(input).as_str()]);
            items.push(Item::new(name, student, ItemSource::File(input.clone())));
        }
    }
    items.sort_by(|a, b| a.sort_key.cmp(&b.sort_key).then(a.name.cmp(&b.name)));
    items
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
}

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next()?;
    Some(file.rsplit_once('.')?.1.to_ascii_lowercase())
}

/// Whether a file found in a folder or archive is an essay: a kind argmark
/// reads, and not a Word lock file (`~$essay.docx`) or a hidden file.
fn is_essay_name(file: &str) -> bool {
    !file.starts_with("~$") && !file.starts_with('.') && Kind::from_name(file).is_some()
}

fn walk_folder(root: &Path, selection: &Selection, items: &mut Vec<Item>) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Gitignore rules belong to programmers, not to a class folder; hidden
    // files (.DS_Store, macOS `._` copies) are skipped.
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .follow_links(false)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e_path(&e).unwrap_or_else(|| root.to_path_buf());
                let error = ReadError::Io {
                    name: path.display().to_string(),
                    source: e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("walk")),
                };
                items.push(Item::failed(path.display().to_string(), None, error));
                continue;
            }
        };
        let path = entry.path();
        let Some(kind) = entry.file_type() else {
            continue;
        };
        let relative = path.strip_prefix(root).unwrap_or(path);
        let rel = relative.to_string_lossy().replace('\\', "/");
        let file = file_name(path);
        if kind.is_dir() || !is_essay_name(&file) || !selection.takes(&rel) {
            continue;
        }
        let components: Vec<&str> = rel.split('/').collect();
        let student = lms::identify(&components);
        let name = path.display().to_string();
        if kind.is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) && target.is_file() => {}
                Ok(target) if target.starts_with(&canonical_root) => continue,
                Ok(_) => {
                    let error = ReadError::SymlinkOutside { name: name.clone() };
                    items.push(Item::failed(name, student, error));
                    continue;
                }
                Err(e) => {
                    let error = ReadError::from_io(name.as_str(), e);
                    items.push(Item::failed(name, student, error));
                    continue;
                }
            }
        }
        items.push(Item::new(
            name,
            student,
            ItemSource::File(path.to_path_buf()),
        ));
    }
}

fn e_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            e_path(err)
        }
        _ => None,
    }
}

/// Lists a class download's entries. The archive is read into memory once
/// and shared, so workers can read entries in parallel without re-parsing.
fn list_archive(path: &Path, selection: &Selection, limits: Limits, items: &mut Vec<Item>) {
    let name = path.display().to_string();
    let zip = match load_archive(path, &name) {
        Ok(z) => z,
        Err(e) => return items.push(Item::failed(name, None, e)),
    };
    let shared = Arc::new(ZipInput {
        zip,
        budget: Budget::new(MAX_ARCHIVE_BYTES * 4),
        limits: ArchiveLimits {
            max_entry: limits.max_bytes,
            max_total: MAX_ARCHIVE_BYTES * 4,
            max_ratio: 100,
        },
    });
    for index in 0..shared.zip.len() {
        let Ok(entry) = shared.zip.by_index_data(index) else {
            continue;
        };
        let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let item_name = format!("{name}!/{raw}");
        let rel = raw.replace('\\', "/");
        if entry.is_dir() || rel.ends_with('/') {
            continue;
        }
        let components: Vec<&str> = rel.split('/').collect();
        let file = components.last().copied().unwrap_or_default();
        // macOS adds __MACOSX/ copies of every file to zips it makes.
        if components.contains(&"__MACOSX") {
            continue;
        }
        let student = lms::identify(&components);
        // enclosed_name() accepts "/x" as "x"; an absolute or drive path
        // still says the archive was made to escape, so it is refused too.
        let absolute = rel.starts_with('/') || rel.as_bytes().get(1) == Some(&b':');
        if absolute || entry.enclosed_name().is_none() {
            let error = ReadError::UnsafeEntry {
                name: item_name.clone(),
            };
            items.push(Item::failed(item_name, student, error));
        } else if extension(file).is_some_and(|e| ARCHIVES.contains(&e.as_str())) {
            let error = ReadError::NestedArchive {
                name: item_name.clone(),
            };
            items.push(Item::failed(item_name, student, error));
        } else if is_essay_name(file) && selection.takes(&rel) {
            if entry.is_symlink() {
                let error = ReadError::SymlinkOutside {
                    name: item_name.clone(),
                };
                items.push(Item::failed(item_name, student, error));
                continue;
            }
            let source = ItemSource::ZipEntry {
                archive: shared.clone(),
                index,
            };
            items.push(Item::new(item_name, student, source));
        }
    }
}

fn load_archive(path: &Path, name: &str) -> Result<ZipArchive<Cursor<Arc<[u8]>>>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::from_io(name, e))?;
    if meta.len() > MAX_ARCHIVE_BYTES {
        return Err(ReadError::TooLarge {
            name: name.to_owned(),
            size: meta.len(),
            limit: MAX_ARCHIVE_BYTES,
        });
    }
    let bytes: Arc<[u8]> = std::fs::read(path)
        .map_err(|e| ReadError::from_io(name, e))?
        .into();
    archive::open(name, Cursor::new(bytes))
}

impl Item {
    fn new(name: String, student: Option<Student>, source: ItemSource) -> Item {
        // Several files of one student sort together, under the student.
        let sort_key = match &student {
            Some(s) => format!("{}\u{0}{}", s.label().to_lowercase(), s.id),
            None => name.clone(),
        };
        Item {
            name,
            student,
            source,
            sort_key,
        }
    }

    fn failed(name: String, student: Option<Student>, error: ReadError) -> Item {
        Item::new(name, student, ItemSource::Failed(RowError::from(&error)))
    }
}
