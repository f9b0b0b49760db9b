//! Paragraph boundaries in every layout students produce.
//!
//! STUB — to be implemented.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    BlankLines,
}

pub struct Blocks {
    pub title: Option<Span>,
    pub paragraphs: Vec<Span>,
    pub style: Style,
}

pub fn split(text: &str) -> Blocks {
    let t = Span::new(0, text.len()).trim(text);
    Blocks { title: None, paragraphs: if t.is_empty() { vec![] } else { vec![t] }, style: Style::BlankLines }
}
