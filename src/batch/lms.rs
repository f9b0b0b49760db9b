//! Who wrote a submission, read from the names learning platforms give
//! downloaded files (see `shared/docs/lms-formats.md`):
//!
//! - Moodle: `Full Name_<participantid>_assignsubmission_<plugin>_<file>`,
//!   as a folder (one per student) or as a file-name prefix; blind marking
//!   writes `Participant_<id>`.
//! - Canvas: `sortablename_[LATE_]<userid>_<attachmentid>_<file>`, flat;
//!   anonymous grading writes `anon_<id>` in place of name and user id.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lms {
    Moodle,
    Canvas,
}

/// The student a submission belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Student {
    pub lms: Lms,
    /// Full name (Moodle) or sortable name (Canvas); `None` when marking
    /// is blind or anonymous.
    pub name: Option<String>,
    /// Moodle's participant id, Canvas's user id or anonymous id.
    pub id: String,
    /// Canvas marks late submissions in the name; Moodle does not.
    pub late: bool,
    /// The submitted file's own name, without the LMS prefix.
    pub file: String,
    /// Moodle's `Full Name_<participantid>` prefix, which its bulk
    /// feedback upload needs back unchanged.
    #[serde(skip)]
    pub moodle_prefix: Option<String>,
}

impl Student {
    /// How to show the student in a summary: name, else the id.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => format!("#{}", self.id),
        }
    }
}

static MOODLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.+?)_(\d+)_assignsubmission_([a-z]+)(?:_(.*))?$").expect("valid regex")
});
/// Canvas attachment ids are large; asking for four digits or more keeps
/// ordinary names like `essay_2_1_final.docx` from being read as Canvas.
static CANVAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z0-9]+)_(LATE_)?(\d+)_(\d{4,})_(.+)$").expect("valid regex")
});
static CANVAS_ANON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(LATE_)?anon_([A-Za-z0-9]+)_(LATE_)?(\d+)_(.+)$").expect("valid regex")
});

/// Identifies the student from a path inside the given folder or archive,
/// as components from the top down to the file name. The file name is
/// tried first, then the folders above it, nearest first.
pub fn identify(components: &[&str]) -> Option<Student> {
    let (file, folders) = components.split_last()?;
    if let Some(s) = moodle(file, None) {
        return Some(s);
    }
    if let Some(s) = folders.iter().rev().find_map(|f| moodle(f, Some(file))) {
        return Some(s);
    }
    canvas(file)
}

/// A Moodle name; `file` is the file's name when `part` is its folder.
fn moodle(part: &str, file: Option<&str>) -> Option<Student> {
    let c = MOODLE.captures(part)?;
    let name = &c[1];
    let rest = c.get(4).map_or("", |m| m.as_str());
    // Team submissions prefix the group: "Group A-Jane Doe"; the id still
    // identifies the submission.
    Some(Student {
        lms: Lms::Moodle,
        name: (name != "Participant").then(|| name.to_owned()),
        id: c[2].to_owned(),
        late: false,
        file: file.unwrap_or(rest).to_owned(),
        moodle_prefix: Some(format!("{name}_{}", &c[2])),
    })
}

fn canvas(file: &str) -> Option<Student> {
    if let Some(c) = CANVAS_ANON.captures(file) {
        return Some(Student {
            lms: Lms::Canvas,
            name: None,
            id: format!("anon_{}", &c[2]),
            late: c.get(1).is_some() || c.get(3).is_some(),
            file: c[5].to_owned(),
            moodle_prefix: None,
        });
    }
    let c = CANVAS.captures(file)?;
    Some(Student {
        lms: Lms::Canvas,
        name: Some(c[1].to_owned()),
        id: c[3].to_owned(),
        late: c.get(2).is_some(),
        file: c[5].to_owned(),
        moodle_prefix: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str) -> Option<Student> {
        identify(&path.split('/').collect::<Vec<_>>())
    }

    #[test]
    fn moodle_file_prefix_and_folder() {
        let s = id("Jane Doe_1234567_assignsubmission_file_essay_v2.docx").unwrap();
        assert_eq!(
            (s.lms, s.name.as_deref(), s.id.as_str(), s.file.as_str()),
            (Lms::Moodle, Some("Jane Doe"), "1234567", "essay_v2.docx")
        );
        assert_eq!(s.moodle_prefix.as_deref(), Some("Jane Doe_1234567"));
        for folder in [
            "Jane Doe_1234567_assignsubmission_file_",
            "Jane Doe_1234567_assignsubmission_file",
        ] {
            let s = id(&format!("course-essay-12/{folder}/My Essay.odt")).unwrap();
            assert_eq!(s.name.as_deref(), Some("Jane Doe"));
            assert_eq!(
                (s.id.as_str(), s.file.as_str()),
                ("1234567", "My Essay.odt")
            );
        }
    }

    #[test]
    fn moodle_blind_and_onlinetext() {
        let s = id("Participant_998_assignsubmission_file_essay.txt").unwrap();
        assert_eq!((s.name, s.id.as_str()), (None, "998"));
        let s = id("Ann Lee_55_assignsubmission_onlinetext_onlinetext.html").unwrap();
        assert_eq!((s.id.as_str(), s.file.as_str()), ("55", "onlinetext.html"));
    }

    #[test]
    fn canvas_names_late_and_anonymous() {
        let s = id("doejane_LATE_12345_678901_essay.docx").unwrap();
        assert_eq!(
            (s.lms, s.name.as_deref(), s.id.as_str(), s.late),
            (Lms::Canvas, Some("doejane"), "12345", true)
        );
        assert_eq!(s.file, "essay.docx");
        let s = id("smithjohn_222_333333_my_essay.odt").unwrap();
        assert_eq!(
            (s.id.as_str(), s.late, s.file.as_str()),
            ("222", false, "my_essay.odt")
        );
        let s = id("anon_x7Kq2_445566_essay.txt").unwrap();
        assert_eq!((s.name, s.id.as_str()), (None, "anon_x7Kq2"));
    }

    #[test]
    fn ordinary_names_are_nobody() {
        assert_eq!(id("essay.txt"), None);
        assert_eq!(id("class/essay_2_1_final.docx"), None);
        assert_eq!(id("Essays/Jane_Doe_essay.docx"), None);
    }
}
