//! The topic-pack file format (`format = 1`) as serde types. Every table
//! denies unknown keys, so a typo is an error rather than a silently ignored
//! fact. Values that need checking after parsing keep their byte span, so an
//! error can name the line.

use serde::Deserialize;
use toml::Spanned;

pub type Text = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub format: Spanned<u32>,
    pub id: Text,
    pub title: String,
    #[serde(default)]
    pub default: bool,
    pub question: QuestionSpec,
    #[serde(default)]
    pub focus: Vec<FocusSpec>,
    #[serde(default)]
    pub people: Vec<PersonSpec>,
    #[serde(default)]
    pub places: Vec<PlaceSpec>,
    #[serde(default)]
    pub events: Vec<EventSpec>,
    #[serde(default)]
    pub factors: Vec<FactorSpec>,
    #[serde(default)]
    pub misconceptions: Vec<RuleSpec>,
    #[serde(default)]
    pub sources: Vec<SourceSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSpec {
    /// Regular expressions (case-insensitive) tried against the question.
    #[serde(default)]
    pub patterns: Vec<Text>,
    /// Words or phrases; each one found in the question scores a point.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The window a question on this topic normally has ("1917..1922").
    pub window: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusSpec {
    /// A focus word as a question would write it ("contribution").
    pub term: String,
    /// Words that mean the same ("role", "impact").
    #[serde(default)]
    pub variants: Vec<String>,
    /// Things that bear on the term without naming it ("Red Army").
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    pub id: Text,
    pub name: String,
    /// Accepted names and spellings, including surnames alone.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Known misspellings (whole words).
    #[serde(default)]
    pub misspellings: Vec<String>,
    /// Surnames long and distinctive enough to look for near-misses.
    #[serde(default)]
    pub fuzzy: Vec<String>,
    pub born: Option<Text>,
    pub died: Option<Text>,
    /// How the death is told ("21 January 1924").
    pub died_text: Option<String>,
    #[serde(default)]
    pub offices: Vec<OfficeSpec>,
    #[serde(default)]
    pub absences: Vec<AbsenceSpec>,
    #[serde(default)]
    pub confusions: Vec<RuleSpec>,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeSpec {
    pub title: String,
    /// Regular expressions that name the office in an essay.
    pub patterns: Vec<Text>,
    /// The whole interval in which any source has them hold it, earliest
    /// start to latest end ("1918-03-13..1925-01-26").
    pub held: Text,
    /// How the dates are told, variants included.
    pub when: String,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AbsenceSpec {
    /// When the person was away ("1907-02..1917-05-03").
    pub during: Text,
    /// Where ("abroad: Vienna, Paris, then New York").
    pub place: String,
    /// How the return is told ("he reached Petrograd on 4/17 May 1917").
    pub until_text: String,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceSpec {
    pub id: Text,
    pub names: Vec<PlaceNameSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceNameSpec {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
    /// When the name was in use: "..1914-08-31", "1914-08-31..1924-01-26".
    pub periods: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub id: Text,
    pub name: String,
    /// Plain phrases that name the event (case-insensitive, whole words).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Regular expressions that name it.
    #[serde(default)]
    pub patterns: Vec<Text>,
    /// The date or interval (New Style where calendars differ).
    pub date: Text,
    /// The Old Style date where it differs.
    pub os: Option<Text>,
    /// Other dates that sources give.
    #[serde(default)]
    pub variants: Vec<Text>,
    /// How the date is told, e.g. "24–25 October 1917 (Old Style) = 6–7 November (New Style)".
    pub when: String,
    #[serde(default)]
    pub people: Vec<Text>,
    #[serde(default)]
    pub after: Vec<Text>,
    #[serde(default)]
    pub caused_by: Vec<Text>,
    /// Shown on the timeline and named in coverage findings.
    #[serde(default)]
    pub main: bool,
    /// A date next to the event's name is checked against it (default true);
    /// false for names that cover a long process.
    #[serde(default = "yes")]
    pub check_dates: bool,
    pub source: Option<Text>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorSpec {
    pub id: Text,
    pub name: String,
    /// Regular expressions whose presence shows the factor is discussed.
    pub cues: Vec<Text>,
}

/// A pattern with its correction: misconceptions and name confusions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: Text,
    /// Regular expression (case-insensitive) for the mistake.
    pub pattern: Text,
    /// Also required in the same sentence.
    pub context: Option<Text>,
    /// Nothing is reported when this is in the same sentence.
    pub unless: Option<Text>,
    pub correction: String,
    pub source: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    pub id: Text,
    pub title: String,
    pub url: Option<String>,
}
