//! Text of an OpenDocument .odt: `text:p` and `text:h` from `content.xml`
//! in order. Tracked changes (`text:tracked-changes`, which holds the
//! deleted text) and comments are left out; notes, which ODF writes
//! inline, are collected apart from the prose. The title from `meta.xml`.

use std::io::Cursor;

use super::archive::{self, ArchiveLimits, Budget};
use super::document::{Extracted, Paragraphs, Skip};
use super::xml::{self, Node};
use super::{Limits, ReadError};

/// Elements whose content is not the essay's prose.
const SKIPPED: &[&str] = &[
    "text:tracked-changes",
    "office:annotation",
    "text:note-citation",
    "office:automatic-styles",
];

pub fn extract(name: &str, bytes: &[u8], limits: Limits) -> Result<Extracted, ReadError> {
    let mut zip = archive::open(name, Cursor::new(bytes))?;
    let bounds = ArchiveLimits::for_document(limits.max_bytes);
    let budget = Budget::new(bounds.max_total);
    let mut part = |entry: &str| archive::read_named(name, &mut zip, entry, &bounds, &budget);
    // ODF encryption scrambles the parts but leaves the zip readable; the
    // manifest is what says so.
    if let Some(manifest) = part("META-INF/manifest.xml")?
        && contains(&manifest, b"encryption-data")
    {
        return Err(ReadError::Encrypted {
            name: name.to_owned(),
        });
    }
    let content = part("content.xml")?.ok_or_else(|| ReadError::Corrupt {
        name: name.to_owned(),
        detail: "no content.xml: not an OpenDocument text".into(),
    })?;
    let (text, footnotes) = read_content(name, &content)?;
    let title = xml::dc_title(name, "meta.xml", part("meta.xml")?)?;
    Ok(Extracted {
        text,
        title,
        footnotes,
    })
}

fn read_content(name: &str, bytes: &[u8]) -> Result<(String, Vec<String>), ReadError> {
    let xml = xml::as_text(name, "content.xml", bytes)?;
    let mut body = Paragraphs::default();
    // While inside a note, its paragraphs go here instead of the body.
    let mut note: Option<Paragraphs> = None;
    let mut footnotes = Vec::new();
    let mut skip = Skip::default();
    xml::walk(name, "content.xml", xml, |node| {
        if skip.consumes(&node) {
            return;
        }
        let paras = note.as_mut().unwrap_or(&mut body);
        match node {
            Node::Open(e) if SKIPPED.contains(&e.name().as_ref()) => skip.enter(),
            Node::Open(e) => match e.name().as_ref() {
                "text:p" | "text:h" => paras.open(),
                "text:note" => note = Some(Paragraphs::default()),
                _ => {}
            },
            Node::Close(n) => match n {
                "text:p" | "text:h" => paras.close(),
                "text:note" => {
                    if let Some(mut p) = note.take() {
                        footnotes.push(p.take_joined("\n"));
                    }
                }
                _ => {}
            },
            Node::Empty(e) => match e.name().as_ref() {
                "text:tab" => paras.push("\t"),
                "text:line-break" => paras.push("\n"),
                "text:s" => {
                    let n = xml::attr(e, "text:c").and_then(|c| c.parse().ok());
                    // Bounded: a forged count must not allocate gigabytes.
                    paras.push(&" ".repeat(n.unwrap_or(1usize).min(1000)));
                }
                "text:p" | "text:h" => {
                    paras.open();
                    paras.close();
                }
                _ => {}
            },
            Node::Text(t) => paras.push(t),
        }
    })?;
    Ok((body.take_joined("\n\n"), footnotes))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
