//! Text of a Word .docx: the body's paragraphs in order from
//! `word/document.xml`; headers, footers and comments live in other parts
//! and are never read. Tracked deletions are left out, insertions kept.
//! Footnotes and endnotes come back apart from the prose; the title from
//! `docProps/core.xml`.

use std::io::Cursor;

use super::archive::{self, ArchiveLimits, Budget};
use super::document::{Extracted, Paragraphs, Skip};
use super::xml::{self, Node};
use super::{Limits, ReadError};

/// Elements whose content is not part of the final text: tracked
/// deletions and moves away, and the fallback copy of drawings that
/// repeats a text box already read in `mc:Choice`.
const SKIPPED: &[&str] = &["w:del", "w:moveFrom", "mc:Fallback", "w:instrText"];

pub fn extract(name: &str, bytes: &[u8], limits: Limits) -> Result<Extracted, ReadError> {
    let mut zip = archive::open(name, Cursor::new(bytes))?;
    let bounds = ArchiveLimits::for_document(limits.max_bytes);
    let budget = Budget::new(bounds.max_total);
    let mut part = |entry: &str| archive::read_named(name, &mut zip, entry, &bounds, &budget);
    let document = part("word/document.xml")?.ok_or_else(|| ReadError::Corrupt {
        name: name.to_owned(),
        detail: "no word/document.xml: not a Word document".into(),
    })?;
    let mut body = Paragraphs::default();
    walk_body(name, "word/document.xml", &document, &mut body, |_, _| {})?;
    let mut footnotes = Vec::new();
    for notes in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = part(notes)? {
            footnotes.extend(read_notes(name, notes, &xml)?);
        }
    }
    let title = xml::dc_title(name, "docProps/core.xml", part("docProps/core.xml")?)?;
    Ok(Extracted {
        text: body.take_joined("\n\n"),
        title,
        footnotes,
    })
}

/// Walks WordprocessingML, feeding paragraphs to `paras`; `other` sees
/// every node that is not skipped, with the paragraphs (for the notes'
/// own bookkeeping).
fn walk_body(
    name: &str,
    part: &str,
    bytes: &[u8],
    paras: &mut Paragraphs,
    mut other: impl FnMut(&Node<'_>, &mut Paragraphs),
) -> Result<(), ReadError> {
    let xml = xml::as_text(name, part, bytes)?;
    let (mut skip, mut runs, mut in_text) = (Skip::default(), 0usize, false);
    xml::walk(name, part, xml, |node| {
        if skip.consumes(&node) {
            return;
        }
        match &node {
            Node::Open(e) if SKIPPED.contains(&e.name().as_ref()) => skip.enter(),
            Node::Open(e) => match e.name().as_ref() {
                "w:p" => paras.open(),
                "w:r" => runs += 1,
                "w:t" => in_text = true,
                _ => {}
            },
            Node::Close(n) => match *n {
                "w:p" => paras.close(),
                "w:r" => runs = runs.saturating_sub(1),
                "w:t" => in_text = false,
                _ => {}
            },
            // Tabs and breaks count only inside runs: `w:tab` also
            // defines tab stops in paragraph properties.
            Node::Empty(e) if runs > 0 => match e.name().as_ref() {
                "w:tab" => paras.push("\t"),
                "w:br" | "w:cr" => paras.push("\n"),
                "w:noBreakHyphen" => paras.push("-"),
                _ => {}
            },
            Node::Text(t) if in_text => paras.push(t),
            _ => {}
        }
        other(&node, paras);
    })
}

/// Footnotes or endnotes, one string each, without Word's separator notes.
fn read_notes(name: &str, part: &str, bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let mut paras = Paragraphs::default();
    let mut notes = Vec::new();
    // Separator "notes" hold the rule line above the notes, not text; their
    // paragraphs are collected like any other and then discarded.
    let mut separator = false;
    walk_body(name, part, bytes, &mut paras, |node, paras| match node {
        Node::Open(e) if matches!(e.name().as_ref(), "w:footnote" | "w:endnote") => {
            separator = xml::attr(e, "w:type").is_some_and(|t| t != "normal");
        }
        Node::Close(n) if matches!(*n, "w:footnote" | "w:endnote") => {
            let text = paras.take_joined("\n");
            if !separator && !text.trim().is_empty() {
                notes.push(text);
            }
        }
        _ => {}
    })?;
    Ok(notes)
}
