//! The whole pipeline for one essay: layout → finders → question → checks.

use crate::checks;
use crate::find::dates::{self, DateMention};
use crate::find::window::{self, Relation};
use crate::finding::{self, Finding};
use crate::layout::Document;
use crate::question::{Question, Source};

/// What the caller knows besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The question given on the command line or in a config file; when
    /// absent, the essay's title is used if it has one.
    pub question: Option<String>,
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
    pub dates: Vec<Dated>,
    /// Most important first.
    pub findings: Vec<Finding>,
}

/// Analyses one essay's text.
pub fn analyze(text: String, options: &Options) -> Analysis {
    let doc = Document::new(text);
    let question = match (&options.question, doc.title) {
        (Some(q), _) if !q.trim().is_empty() => Question::parse(q, Source::Option),
        _ if options.document_title.is_some() => Question::parse(
            options.document_title.as_deref().unwrap_or_default(),
            Source::Title,
        ),
        (_, Some(title)) => Question::parse(doc.slice(title), Source::Title),
        _ => Question::none(),
    };
    let regions: Vec<_> = doc.paragraphs.iter().map(|p| p.span).collect();
    let dates = dates::find_dates(&doc.text, &regions)
        .into_iter()
        .map(|mention| Dated {
            relation: window::relate(mention.interval, question.window),
            mention,
        })
        .collect();
    let mut analysis = Analysis {
        doc,
        question,
        dates,
        findings: Vec::new(),
    };
    let mut findings = checks::run(&analysis);
    finding::sort_by_importance(&mut findings);
    analysis.findings = findings;
    analysis
}
