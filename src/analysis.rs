//! The whole pipeline for one essay: layout → finders → question → topic →
//! roles → checks.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::checks;
use crate::find::dates::{self, DateMention};
use crate::find::window::{self, Relation};
use crate::finding::Severity;
use crate::finding::{self, Finding};
use crate::layout::Document;
use crate::question::Window;
use crate::question::{Question, Source};
use crate::roles::{self, SentenceRole, model::MODEL, structure::Structure};
use crate::score::{self, Rubric, Score};
use crate::span::Span;
use crate::topics::{self, TopicChoice, TopicUse};

/// What the caller knows besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The question given on the command line or in a config file; when
    /// absent, the essay's title is used if it has one.
    pub question: Option<String>,
    /// The topic pack: chosen from the question, named, loaded, or none.
    pub topic: TopicChoice,
    /// The title stored in a .docx/.odt's properties: used as the question
    /// when none is given, before a title line in the text.
    pub document_title: Option<String>,
    /// Replaces the question's window (from a config file).
    pub window: Option<Window>,
    /// The rubric to score with; the built-in one when `None`.
    pub rubric: Option<Arc<Rubric>>,
    /// The mark's maximum; the rubric's when `None`.
    pub max_mark: Option<u32>,
    /// Finding codes never reported (a family name like `facts` covers all
    /// its codes).
    pub disabled: Vec<String>,
    /// Severity overrides by code (or family).
    pub severity: BTreeMap<String, Severity>,
}

/// A finding silenced by a comment in the essay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub code: String,
    pub reason: String,
    /// The comment's line.
    pub span: Span,
    /// How many findings it silenced.
    pub count: usize,
}

/// Does a rule (a code, or a family like `facts`) cover a code?
pub fn covers(rule: &str, code: &str) -> bool {
    rule == code || code.split('.').next() == Some(rule)
}

/// A date found in the essay and where it falls against the window.
#[derive(Debug, Clone)]
pub struct Dated {
    pub mention: DateMention,
    pub relation: Relation,
}

/// Everything argmark knows about one essay.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub question: Question,
    /// In text order.
    pub dates: Vec<Dated>,
    /// The topic pack in use, if any.
    pub topic: Option<TopicUse>,
    /// One per sentence, in document order (empty until roles are assigned).
    pub roles: Vec<SentenceRole>,
    /// The argument's shape (paragraph modes, thesis, conclusion…).
    pub structure: Structure,
    /// Most important first.
    pub findings: Vec<Finding>,
    /// Findings silenced by comments in the essay.
    pub suppressed: Vec<Suppressed>,
    /// The suggested level and mark (once the findings are known).
    pub score: Option<Score>,
    /// Suppression comments found in the text (blanked before layout).
    pub directives: Vec<crate::suppress::Directive>,
    /// The topic scan, worked out once when first needed.
    pub scan: crate::topics::scan::ScanCache,
    /// For each paragraph, the question's focus terms it touches (indices
    /// into `question.focus`), worked out once when first needed.
    pub focus_touched: Memo<Vec<Vec<usize>>>,
}

/// A value worked out from an [`Analysis`] when first needed, and kept: the
/// parts it reads must not change afterwards.
#[derive(Clone)]
pub struct Memo<T>(std::sync::OnceLock<T>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(std::sync::OnceLock::new())
    }
}

impl<T> Memo<T> {
    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}

impl<T> std::fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

impl Analysis {
    /// The dates inside a span, in order.
    pub fn dates_in(&self, span: Span) -> impl Iterator<Item = &Dated> {
        let from = self
            .dates
            .partition_point(|d| d.mention.span.start < span.start);
        self.dates[from..]
            .iter()
            .take_while(move |d| d.mention.span.end <= span.end)
    }
}

/// Analyses one essay's text.
///
/// Suppression comments (see [`crate::suppress`]) are blanked out of the
/// text before layout and applied to the findings.
pub fn analyze(text: String, options: &Options) -> Analysis {
    let (text, directives) = crate::suppress::extract(&text);
    let mut analysis = prepare(Document::new(text), options);
    analysis.directives = directives;
    finish(&mut analysis, options);
    analysis
}

/// Analyses an essay already laid out.
pub fn analyze_document(doc: Document, options: &Options) -> Analysis {
    let mut analysis = prepare(doc, options);
    finish(&mut analysis, options);
    analysis
}

/// Completes a prepared analysis: roles, structure, findings (with the
/// options' disabled checks, severity overrides and the essay's own
/// suppressions applied) and the score.
pub fn finish(analysis: &mut Analysis, options: &Options) {
    if let Some(finding) = checks::language::check(&analysis.doc) {
        // Roles, findings and a mark for text that is not an English essay
        // would be invented: every sentence is `other` with no confidence,
        // one finding says why, and there is no score.
        analysis.roles = unassessed(analysis.doc.sentence_count());
        analysis.findings = vec![finding];
        return;
    }
    analysis.roles = roles::classify(analysis, &MODEL);
    analysis.structure = Structure::of(analysis);
    let mut findings = checks::run(analysis);
    findings.retain(|f| !options.disabled.iter().any(|d| covers(d, f.code)));
    for f in &mut findings {
        // The most specific rule wins: a code over its family.
        if let Some(s) = options
            .severity
            .get(f.code)
            .or_else(|| options.severity.get(f.code.split('.').next().unwrap_or("")))
        {
            f.severity = *s;
        }
    }
    let paragraphs: Vec<Span> = analysis.doc.paragraphs.iter().map(|p| p.span).collect();
    let mut suppressed = Vec::new();
    for d in &analysis.directives {
        let scope = crate::suppress::scope(d, &paragraphs, analysis.doc.text.len());
        let before = findings.len();
        findings.retain(|f| {
            !(covers(&d.code, f.code) && scope.start <= f.span.start && f.span.end <= scope.end)
        });
        suppressed.push(Suppressed {
            code: d.code.clone(),
            reason: d.reason.clone(),
            span: d.span,
            count: before - findings.len(),
        });
    }
    finding::sort_by_importance(&mut findings);
    analysis.findings = findings;
    analysis.suppressed = suppressed;
    let rubric = match &options.rubric {
        Some(r) => r.as_ref(),
        None => Rubric::builtin_ref(),
    };
    analysis.score = Some(score::score(analysis, rubric, options.max_mark));
}

/// Roles for text that is not an English essay: `other`, confidence 0.
fn unassessed(sentences: usize) -> Vec<SentenceRole> {
    let role = SentenceRole {
        role: roles::Role::Other,
        secondary: None,
        confidence: 0.0,
        reasons: Vec::new(),
        probabilities: [0.0; 8],
    };
    vec![role; sentences]
}

/// The question, topic and dates: what the role features and checks read.
pub fn prepare(doc: Document, options: &Options) -> Analysis {
    let mut question = match (&options.question, doc.title) {
        (Some(q), _) if !q.trim().is_empty() => Question::parse(q, Source::Option),
        _ if options.document_title.is_some() => Question::parse(
            options.document_title.as_deref().unwrap_or_default(),
            Source::Title,
        ),
        (_, Some(title)) => Question::parse(doc.slice(title), Source::Title),
        _ => Question::none(),
    };
    if let Some(w) = options.window {
        question.window = w;
    }
    // A pack completes a window that only has an end ("up to 1922"), so
    // that dates before the topic's start count as before the window.
    let mut topic = topics::choose(&options.topic, &question);
    if let Some(t) = &mut topic
        && question.window.start.is_none()
        && question
            .window
            .end
            .is_some_and(|e| e >= t.pack.window.start)
    {
        question.window.start = Some(t.pack.window.start);
        t.window_start_from_pack = true;
    }
    let regions: Vec<_> = doc.paragraphs.iter().map(|p| p.span).collect();
    let dates = dates::find_dates(&doc.text, &regions)
        .into_iter()
        .map(|mention| Dated {
            relation: window::relate(mention.interval, question.window),
            mention,
        })
        .collect();
    Analysis {
        doc,
        question,
        dates,
        topic,
        roles: Vec::new(),
        structure: Structure::default(),
        findings: Vec::new(),
        suppressed: Vec::new(),
        score: None,
        directives: Vec::new(),
        scan: Default::default(),
        focus_touched: Default::default(),
    }
}
