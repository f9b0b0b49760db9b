//! `--reports DIR`: one feedback file per student, named so the LMS's bulk
//! feedback upload takes the folder as it is. Moodle wants the downloaded
//! `Full Name_<participantid>_assignsubmission_file_` prefix back; other
//! files get `<stem>.feedback.txt`, which keeps Canvas's ids in the name.
//!
//! Files are written atomically (a temporary file in the same folder, then
//! a rename) and never over an input.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::lms::Student;

/// Writes feedback files, merging consecutive rows of one student (rows
/// arrive grouped by student) into one file.
#[derive(Debug)]
pub struct FeedbackWriter {
    dir: PathBuf,
    /// Canonical paths of the inputs, never to be written over.
    inputs: Vec<PathBuf>,
    /// The file being gathered: its name and text so far.
    pending: Option<(String, String)>,
    used: HashSet<String>,
    written: usize,
}

impl FeedbackWriter {
    /// Creates `dir` if needed. Refuses a folder that is, or is inside, an
    /// input folder: its files would be read as essays next time, and a
    /// feedback file could land on a submission.
    pub fn new(dir: &Path, inputs: &[PathBuf]) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let dir = dir.canonicalize()?;
        let inputs: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|p| p.canonicalize().ok())
            .collect();
        if let Some(folder) = inputs.iter().find(|i| i.is_dir() && dir.starts_with(i)) {
            return Err(io::Error::other(format!(
                "the reports folder {} is inside the input folder {}; choose another",
                dir.display(),
                folder.display()
            )));
        }
        Ok(FeedbackWriter {
            dir,
            inputs,
            pending: None,
            used: HashSet::new(),
            written: 0,
        })
    }

    /// Adds one row's report to its student's feedback file.
    pub fn add(
        &mut self,
        item_name: &str,
        student: Option<&Student>,
        text: &str,
    ) -> io::Result<()> {
        let target = file_name(item_name, student);
        match &mut self.pending {
            Some((name, body)) if *name == target => {
                body.push_str("\n\n");
                body.push_str(text);
            }
            _ => {
                self.flush()?;
                self.pending = Some((target, text.to_owned()));
            }
        }
        Ok(())
    }

    /// Writes the last file; returns how many files were written.
    pub fn finish(mut self) -> io::Result<usize> {
        self.flush()?;
        Ok(self.written)
    }

    fn flush(&mut self) -> io::Result<()> {
        let Some((name, body)) = self.pending.take() else {
            return Ok(());
        };
        let name = self.unique(name);
        let path = self.dir.join(&name);
        if self.inputs.contains(&path) {
            return Err(io::Error::other(format!(
                "{} is an input; not writing feedback over it",
                path.display()
            )));
        }
        write_atomically(&path, body.as_bytes())?;
        self.written += 1;
        Ok(())
    }

    /// The name, or `name-2.…` when two unrelated rows would share it.
    fn unique(&mut self, name: String) -> String {
        let mut candidate = name.clone();
        let mut n = 2;
        while !self.used.insert(candidate.clone()) {
            candidate = match name.split_once('.') {
                Some((stem, ext)) => format!("{stem}-{n}.{ext}"),
                None => format!("{name}-{n}"),
            };
            n += 1;
        }
        candidate
    }
}

/// The feedback file's name for a row.
pub fn file_name(item_name: &str, student: Option<&Student>) -> String {
    if let Some(prefix) = student.and_then(|s| s.moodle_prefix.as_deref()) {
        return safe(&format!("{prefix}_assignsubmission_file_feedback.txt"));
    }
    let file = item_name.rsplit(['/', '\\']).next().unwrap_or(item_name);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    safe(&format!("{stem}.feedback.txt"))
}

/// A name that stays in the folder and is not hidden (Moodle ignores
/// files starting with `.` or `~`).
fn safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '\0') {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim_start_matches(['.', '~']).to_owned()
}

/// Writes a temporary file next to `path`, then renames it into place, so a
/// reader never sees half a report.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = path
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{file}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::lms::identify;

    #[test]
    fn names_follow_the_lms() {
        let moodle = identify(&["Jane Doe_123_assignsubmission_file_", "essay.docx"]);
        assert_eq!(
            file_name("x/essay.docx", moodle.as_ref()),
            "Jane Doe_123_assignsubmission_file_feedback.txt"
        );
        let canvas = identify(&["doejane_LATE_1_234567_essay.docx"]);
        assert_eq!(
            file_name("dl/doejane_LATE_1_234567_essay.docx", canvas.as_ref()),
            "doejane_LATE_1_234567_essay.feedback.txt"
        );
        assert_eq!(file_name("../.hidden.txt", None), "hidden.feedback.txt");
    }
}
