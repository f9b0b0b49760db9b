//! The whole pipeline for one essay: layout → finders → question → topic →
//! roles → checks.

use crate::checks;
use crate::find::dates::{self, DateMention};
use crate::find::window::{self, Relation};
use crate::finding::{self, Finding};
use crate::layout::Document;
use crate::question::{Question, Source};
use crate::roles::{self, SentenceRole, model::MODEL, structure::Structure};
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
    /// The topic scan, worked out once when first needed.
    pub scan: crate::topics::scan::ScanCache,
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
pub fn analyze(text: String, options: &Options) -> Analysis {
    analyze_document(Document::new(text), options)
}

/// Analyses an essay already laid out.
pub fn analyze_document(doc: Document, options: &Options) -> Analysis {
    let mut analysis = prepare(doc, options);
    analysis.roles = roles::classify(&analysis, &MODEL);
    analysis.structure = Structure::of(&analysis);
    let mut findings = checks::run(&analysis);
    finding::sort_by_importance(&mut findings);
    analysis.findings = findings;
    analysis
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
        scan: Default::default(),
    }
}
