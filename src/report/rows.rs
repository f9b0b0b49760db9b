//! Row formats, one row or object per essay, with the header written once:
//! CSV for spreadsheets, Moodle's grading worksheet, Canvas's gradebook
//! import and LTI AGS score objects. Every cell a spreadsheet could read as a
//! formula is neutralised.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::batch::Student;
use crate::batch::lms::Lms;
use crate::finding::Severity;
use crate::score::{SUGGESTION, rubric::CRITERIA};

/// Who an essay belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    /// The input as named in reports.
    pub file: &'a str,
    pub student: Option<&'a Student>,
}

impl Who<'_> {
    /// The file's stem without folders or archive prefix.
    pub fn stem(&self) -> String {
        let base = self
            .file
            .rsplit(['/', '\\', '!'])
            .next()
            .unwrap_or(self.file);
        let name = self.student.map_or(base, |s| s.file.as_str());
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_string(),
            _ => name.to_string(),
        }
    }

    /// The LMS's id for the student when the file name gave one, else the stem.
    pub fn user_id(&self) -> String {
        self.student.map_or_else(|| self.stem(), |s| s.id.clone())
    }
}

/// Finding families counted in the CSV, in column order.
pub const FAMILIES: &[&str] = &[
    "question",
    "layout",
    "dates",
    "focus",
    "structure",
    "argument",
    "balance",
    "coverage",
    "facts",
];

/// Cells a spreadsheet would run as a formula get a leading `'`.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn record(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let safe: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
    w.write_record(&safe).expect("writing to memory");
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("CSV of UTF-8 is UTF-8")
}

/// The CSV header.
pub fn csv_header() -> String {
    let mut h: Vec<String> = [
        "file",
        "student",
        "student_id",
        "words",
        "level",
        "mark",
        "max",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(CRITERIA.iter().map(|(c, _)| format!("{c}_level")));
    h.extend(["errors", "warnings", "suggestions", "info"].map(String::from));
    h.extend(FAMILIES.iter().map(|f| format!("{f}_findings")));
    h.push("error".into());
    record(&h)
}

/// One essay's CSV row.
pub fn csv_row(who: Who, a: &Analysis) -> String {
    let mut row = vec![
        who.file.to_string(),
        who.student.map(Student::label).unwrap_or_default(),
        who.student.map(|s| s.id.clone()).unwrap_or_default(),
        a.doc.word_count().to_string(),
    ];
    match &a.score {
        Some(s) => {
            row.extend([s.level.to_string(), s.mark.to_string(), s.max.to_string()]);
            row.extend(s.criteria.iter().map(|c| {
                if c.assessed {
                    c.level.to_string()
                } else {
                    String::new()
                }
            }));
        }
        None => row.extend(std::iter::repeat_n(String::new(), 3 + CRITERIA.len())),
    }
    for sev in [
        Severity::Error,
        Severity::Warning,
        Severity::Suggestion,
        Severity::Info,
    ] {
        row.push(
            a.findings
                .iter()
                .filter(|f| f.severity == sev)
                .count()
                .to_string(),
        );
    }
    for fam in FAMILIES {
        let n = a
            .findings
            .iter()
            .filter(|f| f.code.split('.').next() == Some(fam))
            .count();
        row.push(n.to_string());
    }
    row.push(String::new());
    record(&row)
}

/// A CSV row for an input that could not be marked.
pub fn csv_error_row(who: Who, message: &str) -> String {
    let mut row = vec![
        who.file.to_string(),
        who.student.map(Student::label).unwrap_or_default(),
        who.student.map(|s| s.id.clone()).unwrap_or_default(),
    ];
    let width = 7 + CRITERIA.len() + 4 + FAMILIES.len();
    row.resize(width, String::new());
    row.push(message.to_string());
    record(&row)
}

/// A one-paragraph comment for a gradebook: the suggestion and what to fix first.
pub fn comment(a: &Analysis) -> String {
    let mut text = match &a.score {
        Some(s) => format!(
            "Suggested by argmark: {}/{} (Level {}), {SUGGESTION}.",
            s.mark, s.max, s.level
        ),
        None => format!("argmark: {SUGGESTION}."),
    };
    let fixes: Vec<&str> = a
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .take(3)
        .map(|f| f.suggestion.as_str())
        .collect();
    if !fixes.is_empty() {
        text.push_str(" Fix first: ");
        text.push_str(&fixes.join(" "));
    }
    text
}

/// Moodle's offline grading worksheet header.
pub fn moodle_header() -> String {
    record(
        &[
            "Identifier",
            "Full name",
            "Grade",
            "Maximum Grade",
            "Last modified (grade)",
            "Feedback comments",
        ]
        .map(String::from),
    )
}

/// One Moodle worksheet row. The identifier is `Participant <id>` with the
/// participant id from a Moodle download's file name, else the file stem.
pub fn moodle_row(who: Who, a: &Analysis, timestamp: &str) -> String {
    let s = a.score.as_ref();
    record(&[
        format!("Participant {}", who.user_id()),
        who.student
            .and_then(|s| s.name.clone())
            .unwrap_or_else(|| who.stem()),
        s.map(|s| s.mark.to_string()).unwrap_or_default(),
        s.map(|s| s.max.to_string()).unwrap_or_default(),
        timestamp.to_string(),
        comment(a),
    ])
}

/// The column Canvas imports the suggestion into.
pub const CANVAS_COLUMN: &str = "argmark suggestion";

/// Canvas's gradebook import header, then its `Points Possible` row.
pub fn canvas_header(max: u32) -> String {
    let mut h = record(
        &[
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
            CANVAS_COLUMN,
        ]
        .map(String::from),
    );
    h.push_str(&record(
        &["Points Possible", "", "", "", "", &max.to_string()].map(String::from),
    ));
    h
}

/// One Canvas row: the sortable name and Canvas user id from a Canvas
/// download's file name (anonymous ids are not user ids, so ID stays empty).
pub fn canvas_row(who: Who, a: &Analysis) -> String {
    let canvas = who.student.filter(|s| s.lms == Lms::Canvas);
    let (name, id) = match canvas {
        Some(s) => match &s.name {
            Some(n) => (n.clone(), s.id.clone()),
            None => (format!("anon_{}", s.id), String::new()),
        },
        None => (
            who.student
                .and_then(|s| s.name.clone())
                .unwrap_or_else(|| who.stem()),
            String::new(),
        ),
    };
    record(&[
        name,
        id,
        String::new(),
        String::new(),
        String::new(),
        a.score
            .as_ref()
            .map(|s| s.mark.to_string())
            .unwrap_or_default(),
    ])
}

/// An LTI AGS score (`application/vnd.ims.lis.v1.score+json`). A machine
/// suggestion is `PendingManual`: the LMS holds it for a teacher.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LtiScore {
    pub user_id: String,
    pub score_given: u32,
    pub score_maximum: u32,
    pub comment: String,
    pub timestamp: String,
    pub activity_progress: &'static str,
    pub grading_progress: &'static str,
}

/// The media type of [`LtiScore`].
pub const LTI_MEDIA_TYPE: &str = "application/vnd.ims.lis.v1.score+json";

pub fn lti_score(who: Who, a: &Analysis, timestamp: &str) -> LtiScore {
    let (given, max) = a.score.as_ref().map_or((0, 25), |s| (s.mark, s.max));
    LtiScore {
        user_id: who.user_id(),
        score_given: given,
        score_maximum: max,
        comment: comment(a),
        timestamp: timestamp.to_string(),
        activity_progress: "Submitted",
        grading_progress: "PendingManual",
    }
}

/// One LTI score as a line of JSON.
pub fn lti_line(who: Who, a: &Analysis, timestamp: &str) -> String {
    serde_json::to_string(&lti_score(who, a, timestamp)).expect("score serialises") + "\n"
}

/// An RFC 3339 timestamp with milliseconds, UTC, from seconds since 1970.
pub fn iso_timestamp(secs: i64, millis: u32) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Checks a timestamp given on the command line: RFC 3339 with a time zone.
pub fn valid_timestamp(s: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
            .expect("valid regex")
    });
    RE.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Jane"), "Jane");
    }

    #[test]
    fn timestamps() {
        assert_eq!(iso_timestamp(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_timestamp(1_700_000_000, 5), "2023-11-14T22:13:20.005Z");
        assert_eq!(iso_timestamp(951_782_400, 0), "2000-02-29T00:00:00.000Z");
        assert!(valid_timestamp("2026-05-01T09:00:00.000Z"));
        assert!(valid_timestamp("2026-05-01T09:00:00+01:00"));
        assert!(!valid_timestamp("yesterday"));
    }
}
