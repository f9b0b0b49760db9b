//! The JSON report: versioned, with stable field names that gradebooks and
//! scripts read. Spans are `[start, end)` in Unicode scalar values of `text`.
//!
//! These are serialisation-only types (as in ripgrep's `jsont.rs`): the
//! library's own types can change without changing the wire format.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::checks::{Part, part};
use crate::find::dates::Precision;
use crate::find::window::Relation;
use crate::finding::Severity;
use crate::layout::paragraphs::Style;
use crate::question::Source;
use crate::roles::structure::{Mode, ParagraphShape};
use crate::span::{CharIndex, Span};
use crate::topics::TopicSource;

/// Bumped on any change a consumer could notice; additions bump the minor.
pub const SCHEMA_VERSION: &str = "1.2";

#[derive(Debug, Serialize, JsonSchema)]
pub struct Report<'a> {
    pub schema_version: &'static str,
    pub argmark_version: &'static str,
    /// The file as named on the command line, or `<stdin>`.
    pub file: &'a str,
    pub encoding: &'a str,
    /// The decoded essay text; every span indexes it in code points.
    pub text: &'a str,
    pub question: QuestionOut<'a>,
    /// The topic pack used, or null when none was (`--topic none`, or no
    /// pack fits the question).
    pub topic: Option<TopicOut<'a>>,
    /// The essay's dates against the window and the pack's main events;
    /// null without a pack.
    pub timeline: Option<TimelineOut>,
    pub layout: LayoutOut<'a>,
    pub stats: Stats,
    pub paragraphs: Vec<ParagraphOut<'a>>,
    pub structure: StructureOut<'a>,
    pub dates: Vec<DateOut<'a>>,
    pub findings: Vec<FindingOut<'a>>,
    /// Findings silenced by `argmark: ignore` comments in the essay (added in 1.2).
    pub suppressed: Vec<SuppressedOut<'a>>,
    /// The suggested level and mark: a suggestion for the teacher to
    /// confirm, never a final mark (added in 1.2).
    pub score: Option<ScoreOut<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SuppressedOut<'a> {
    pub code: &'a str,
    pub reason: &'a str,
    /// The comment's line.
    pub span: [usize; 2],
    /// How many findings it silenced.
    pub count: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ScoreOut<'a> {
    /// Overall level, 1–5.
    pub level: u8,
    pub mark: u32,
    pub max: u32,
    pub criteria: Vec<CriterionOut<'a>>,
    /// Says that this is a suggestion for the teacher to confirm.
    pub note: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CriterionOut<'a> {
    /// focus, judgement, analysis, evidence, balance, organisation or accuracy.
    pub name: &'a str,
    pub title: &'a str,
    /// 1–5.
    pub level: u8,
    /// The rubric's descriptor of that level.
    pub descriptor: &'a str,
    /// Codes of the findings that decided it.
    pub findings: &'a [String],
    /// What else was measured, in words.
    pub reasons: &'a [String],
    /// False when argmark cannot judge it (accuracy without a topic pack);
    /// its level then follows the others and it does not count.
    pub assessed: bool,
}

impl ScoreOut<'_> {
    pub fn of(s: &crate::score::Score) -> ScoreOut<'_> {
        ScoreOut {
            level: s.level,
            mark: s.mark,
            max: s.max,
            criteria: s
                .criteria
                .iter()
                .map(|c| CriterionOut {
                    name: &c.name,
                    title: &c.title,
                    level: c.level,
                    descriptor: &c.descriptor,
                    findings: &c.findings,
                    reasons: &c.reasons,
                    assessed: c.assessed,
                })
                .collect(),
            note: note(s),
        }
    }
}

/// The note every output carries with a suggested mark.
pub fn note(s: &crate::score::Score) -> String {
    let own = s.note.trim();
    if own.to_lowercase().contains("suggestion") {
        own.to_string()
    } else {
        format!("{own} Suggested by argmark: {}.", crate::score::SUGGESTION)
            .trim()
            .to_string()
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct QuestionOut<'a> {
    pub text: &'a str,
    #[schemars(with = "String")]
    pub source: Source,
    pub window: WindowOut,
    /// Focus terms as written in the question.
    pub focus: Vec<&'a str>,
    /// Their English stems, as matched against the essay's words.
    pub focus_stems: Vec<&'a str>,
    /// "how far", "assess", "explain", … or null.
    pub command: Option<&'static str>,
    /// The command is not written but follows from the wording.
    pub command_implied: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TopicOut<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// auto (chosen from the question), option (`--topic`) or file (`--topic-file`).
    pub source: &'static str,
    /// The window's start came from the pack (the question gave only an end).
    pub window_start_from_pack: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TimelineOut {
    pub start_year: i32,
    pub end_year: i32,
    pub essay_years: Vec<i32>,
    pub events: Vec<TimelineEventOut>,
    /// The latest date inside the window that the essay reaches (ISO), or null.
    pub essay_reaches: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TimelineEventOut {
    pub name: String,
    pub year: i32,
    /// The essay names this event.
    pub mentioned: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct WindowOut {
    /// ISO date or null (open).
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LayoutOut<'a> {
    /// How paragraphs were told apart: blank-lines, double-spaced, indented,
    /// hard-wrapped, line-per-paragraph or single.
    #[schemars(with = "String")]
    pub style: Style,
    pub title: Option<TextSpan<'a>>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TextSpan<'a> {
    pub span: [usize; 2],
    // Borrowed from the essay unless its white space had to be folded (a
    // plain comment: a doc comment would enter the schema).
    pub text: Cow<'a, str>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Stats {
    pub words: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub dates: usize,
    pub dates_outside_window: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ParagraphOut<'a> {
    pub span: [usize; 2],
    /// introduction, body, conclusion, or whole (essays of one or two paragraphs).
    pub part: &'static str,
    pub sentences: Vec<SentenceOut<'a>>,
    /// Focus terms of the question that the paragraph uses.
    pub focus: Vec<&'a str>,
    /// argued, mixed or narrative.
    pub mode: &'static str,
    /// Point, evidence, explanation and link present in the paragraph.
    pub has_point: bool,
    pub has_evidence: bool,
    pub has_explanation: bool,
    pub has_link: bool,
    /// One letter a sentence: T thesis, C claim, E evidence, A analysis,
    /// X counter, L link, N narrative, · other.
    pub roles: &'a str,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SentenceOut<'a> {
    pub span: [usize; 2],
    // Borrowed from the essay unless its white space had to be folded (a
    // plain comment: a doc comment would enter the schema).
    pub text: Cow<'a, str>,
    /// thesis, claim, evidence, analysis, counter, link, narrative or other.
    pub role: &'static str,
    pub secondary_role: Option<&'static str>,
    /// The model's probability for `role`, 0–1.
    pub confidence: f32,
    /// The features that most decided the role, strongest first.
    #[schemars(with = "Vec<ReasonOut>")]
    pub reasons: ReasonsOut<'a>,
}

/// A sentence's reasons, written as [`ReasonOut`]s straight from the
/// analysis: collecting them into a vector first was an allocation a
/// sentence.
#[derive(Debug)]
pub struct ReasonsOut<'a>(pub &'a [crate::roles::Reason]);

impl Serialize for ReasonsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(ReasonOut::of))
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ReasonOut {
    pub feature: &'static str,
    pub description: &'static str,
    pub weight: f32,
}

impl ReasonOut {
    pub fn of(x: &crate::roles::Reason) -> ReasonOut {
        ReasonOut {
            feature: x.feature,
            description: x.description,
            weight: (x.weight * 1000.0).round() / 1000.0,
        }
    }
}

/// The essay's argument at a glance.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StructureOut<'a> {
    /// The sentence (text and span) that states the thesis in the introduction.
    pub thesis: Option<TextSpan<'a>>,
    pub conclusion_judgement: Option<TextSpan<'a>>,
    /// Whether the conclusion's judgement agrees with the thesis (null when
    /// either is missing).
    pub conclusion_agrees: Option<bool>,
    /// Sentences that weigh another view or factor.
    pub counter_arguments: usize,
    /// The question's command asks for other factors to be weighed.
    pub weighing_expected: bool,
    /// Share of sentences that argue (thesis, claim, analysis, counter, link).
    pub argue_share: f32,
    /// Share of sentences that recount events.
    pub narrative_share: f32,
    /// Paragraphs by mode.
    pub argued_paragraphs: usize,
    pub mixed_paragraphs: usize,
    pub narrative_paragraphs: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DateOut<'a> {
    pub text: Cow<'a, str>,
    pub span: [usize; 2],
    pub start: String,
    pub end: String,
    #[schemars(with = "String")]
    pub precision: Precision,
    /// Part of the date (usually the year) came from earlier text.
    pub inferred: bool,
    /// Only names or locates something; not a claim about the period.
    pub naming_aside: bool,
    /// inside, before, after, overlaps or unknown (no window).
    #[schemars(with = "String")]
    pub window: Relation,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct FindingOut<'a> {
    pub code: &'static str,
    #[schemars(with = "String")]
    pub severity: Severity,
    pub span: [usize; 2],
    pub message: &'a str,
    pub suggestion: &'a str,
}

impl<'a> Report<'a> {
    /// The question part alone, for `argmark question --format json`.
    pub fn question(q: &crate::question::Question) -> QuestionOut<'_> {
        QuestionOut {
            text: &q.text,
            source: q.source,
            window: WindowOut {
                start: q.window.start.map(|d| d.to_string()),
                end: q.window.end.map(|d| d.to_string()),
            },
            focus: q.focus.iter().map(|f| f.term.as_str()).collect(),
            focus_stems: q.focus.iter().map(|f| f.stem.as_str()).collect(),
            command: q.command.map(|c| c.as_str()),
            command_implied: q.command_implied,
        }
    }

    pub fn new(file: &'a str, encoding: &'a str, a: &'a Analysis) -> Report<'a> {
        let idx = CharIndex::new(&a.doc.text);
        let span = |s: Span| idx.span(s);
        let q = &a.question;
        let count = a.doc.paragraphs.len();
        Report {
            schema_version: SCHEMA_VERSION,
            argmark_version: env!("CARGO_PKG_VERSION"),
            file,
            encoding,
            text: &a.doc.text,
            question: Report::question(q),
            topic: a.topic.as_ref().map(|t| TopicOut {
                id: &t.pack.id,
                title: &t.pack.title,
                source: match t.source {
                    TopicSource::Auto => "auto",
                    TopicSource::Option => "option",
                    TopicSource::File => "file",
                },
                window_start_from_pack: t.window_start_from_pack,
            }),
            timeline: crate::topics::timeline::build(a).map(|t| TimelineOut {
                start_year: t.start_year,
                end_year: t.end_year,
                essay_years: t.essay_years,
                events: t
                    .events
                    .into_iter()
                    .map(|e| TimelineEventOut {
                        name: e.name,
                        year: e.year,
                        mentioned: e.mentioned,
                    })
                    .collect(),
                essay_reaches: t.essay_reaches,
            }),
            layout: LayoutOut {
                style: a.doc.style,
                title: a.doc.title.map(|t| TextSpan {
                    span: span(t),
                    text: a.doc.shown(t),
                }),
            },
            stats: Stats {
                words: a.doc.word_count(),
                paragraphs: count,
                sentences: a.doc.sentence_count(),
                dates: a.dates.len(),
                dates_outside_window: a.dates.iter().filter(|d| is_outside(d)).count(),
            },
            paragraphs: paragraphs(a, &idx),
            structure: structure(a, &idx),
            dates: a
                .dates
                .iter()
                .map(|d| DateOut {
                    text: a.doc.shown(d.mention.span),
                    span: span(d.mention.span),
                    start: d.mention.interval.start.to_string(),
                    end: d.mention.interval.end.to_string(),
                    precision: d.mention.precision,
                    inferred: d.mention.inferred,
                    naming_aside: d.mention.naming_aside,
                    window: d.relation,
                })
                .collect(),
            findings: a
                .findings
                .iter()
                .map(|f| FindingOut {
                    code: f.code,
                    severity: f.severity,
                    span: span(f.span),
                    message: &f.message,
                    suggestion: &f.suggestion,
                })
                .collect(),
            suppressed: a
                .suppressed
                .iter()
                .map(|x| SuppressedOut {
                    code: &x.code,
                    reason: &x.reason,
                    span: span(x.span),
                    count: x.count,
                })
                .collect(),
            score: a.score.as_ref().map(ScoreOut::of),
        }
    }
}

/// A date that places the essay outside the window (asides don't).
pub fn is_outside(d: &crate::analysis::Dated) -> bool {
    !d.mention.naming_aside && matches!(d.relation, Relation::Before | Relation::After)
}

fn paragraphs<'a>(a: &'a Analysis, idx: &CharIndex) -> Vec<ParagraphOut<'a>> {
    let count = a.doc.paragraphs.len();
    let mut roles = a.roles.iter();
    let unshaped = ParagraphShape::default();
    a.doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let shaped = a.structure.paragraphs.get(i);
            let shape = shaped.unwrap_or(&unshaped);
            ParagraphOut {
                span: idx.span(p.span),
                part: part_name(part(i, count)),
                sentences: p
                    .sentences
                    .iter()
                    .map(|s| {
                        let r = roles.next();
                        SentenceOut {
                            span: idx.span(s.span),
                            text: a.doc.shown(s.span),
                            role: r.map_or("other", |r| r.role.as_str()),
                            secondary_role: r.and_then(|r| r.secondary).map(|r| r.as_str()),
                            confidence: r.map_or(0.0, |r| (r.confidence * 1000.0).round() / 1000.0),
                            reasons: ReasonsOut(r.map_or(&[], |r| &r.reasons)),
                        }
                    })
                    .collect(),
                focus: crate::checks::touches_focus(a, p),
                mode: shape.mode.as_str(),
                has_point: shape.point,
                has_evidence: shape.evidence,
                has_explanation: shape.explanation,
                has_link: shape.link,
                // The stand-in lives only here; its strip is empty anyway.
                roles: shaped.map_or("", |s| s.strip.as_str()),
            }
        })
        .collect()
}

fn structure<'a>(a: &'a Analysis, idx: &CharIndex) -> StructureOut<'a> {
    let st = &a.structure;
    let sentence = |i: Option<usize>| {
        i.and_then(|i| a.doc.sentences().nth(i)).map(|s| TextSpan {
            span: idx.span(s.span),
            text: a.doc.shown(s.span),
        })
    };
    let count = |m: Mode| st.paragraphs.iter().filter(|p| p.mode == m).count();
    StructureOut {
        thesis: sentence(st.thesis),
        conclusion_judgement: sentence(st.conclusion_judgement),
        conclusion_agrees: st.conclusion_agrees,
        counter_arguments: st.counters,
        weighing_expected: st.weighing_expected,
        argue_share: (st.argue_share * 1000.0).round() / 1000.0,
        narrative_share: (st.narrative_share * 1000.0).round() / 1000.0,
        argued_paragraphs: count(Mode::Argued),
        mixed_paragraphs: count(Mode::Mixed),
        narrative_paragraphs: count(Mode::Narrative),
    }
}

pub fn part_name(p: Part) -> &'static str {
    match p {
        Part::Introduction => "introduction",
        Part::Body => "body",
        Part::Conclusion => "conclusion",
        Part::Whole => "whole",
    }
}

/// The report as pretty-printed JSON.
pub fn render(file: &str, encoding: &str, a: &Analysis) -> String {
    let mut s =
        serde_json::to_string_pretty(&Report::new(file, encoding, a)).expect("report serialises");
    s.push('\n');
    s
}

/// The JSON Schema of [`Report`].
pub fn schema() -> String {
    let schema = schemars::schema_for!(Report);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::Reason;

    #[test]
    fn borrowed_reasons_serialise_as_the_collected_ones() {
        let reasons = [
            Reason {
                feature: "has_date",
                description: "contains a date",
                weight: 0.123_456,
            },
            Reason {
                feature: "bias",
                description: "baseline",
                weight: -2.000_49,
            },
        ];
        for r in [&reasons[..], &reasons[..1], &[]] {
            let collected: Vec<ReasonOut> = r.iter().map(ReasonOut::of).collect();
            assert_eq!(
                serde_json::to_string_pretty(&ReasonsOut(r)).unwrap(),
                serde_json::to_string_pretty(&collected).unwrap()
            );
            assert_eq!(
                sonic_rs::to_string(&ReasonsOut(r)).unwrap(),
                sonic_rs::to_string(&collected).unwrap()
            );
        }
    }
}
