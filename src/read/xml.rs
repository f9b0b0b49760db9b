//! A small, strict walk over document XML shared by the .docx and .odt
//! readers. Strict because the input is untrusted: a DOCTYPE (the door to
//! entity expansion) or an unknown entity is an error, never expanded, and
//! unbalanced tags are an error rather than half a document.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ReadError;

/// One step of the walk. Entity and character references arrive already
/// resolved as text.
pub enum Node<'a> {
    Open(&'a BytesStart<'a>),
    Empty(&'a BytesStart<'a>),
    Close(&'a str),
    Text(&'a str),
}

/// Bytes of an XML part as text: document XML is UTF-8 (a BOM is allowed).
pub fn as_text<'b>(name: &str, part: &str, bytes: &'b [u8]) -> Result<&'b str, ReadError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| corrupt(name, part, "not UTF-8"))
}

/// Walks `xml`, calling `visit` for every element and piece of text.
pub fn walk(
    name: &str,
    part: &str,
    xml: &str,
    mut visit: impl FnMut(Node<'_>),
) -> Result<(), ReadError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(name, part, &format!("malformed XML: {e}")))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                visit(Node::Open(&e));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                visit(Node::Close(e.name().as_ref()));
            }
            Event::Empty(e) => visit(Node::Empty(&e)),
            Event::Text(t) => visit(Node::Text(&t.xml10_content())),
            Event::CData(c) => visit(Node::Text(&c)),
            Event::GeneralRef(r) => {
                let c = resolve_entity(&r)
                    .ok_or_else(|| corrupt(name, part, &format!("unknown entity &{};", &*r)))?;
                visit(Node::Text(c.encode_utf8(&mut [0; 4])));
            }
            Event::DocType(_) => {
                return Err(corrupt(name, part, "a DOCTYPE is not allowed in documents"));
            }
            Event::Eof if depth == 0 => return Ok(()),
            Event::Eof => return Err(corrupt(name, part, "the XML ends inside an element")),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
}

/// The five predefined XML entities and character references; nothing else.
fn resolve_entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The value of an attribute given by its qualified name.
pub fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// The text of the first `tag` element, trimmed; `None` when absent or blank.
/// The document title (`dc:title`) in a metadata part, if the part exists
/// and has one: .docx keeps it in `docProps/core.xml`, .odt in `meta.xml`.
pub fn dc_title(
    name: &str,
    part: &str,
    bytes: Option<Vec<u8>>,
) -> Result<Option<String>, ReadError> {
    match bytes {
        Some(bytes) => first_text(name, part, as_text(name, part, &bytes)?, "dc:title"),
        None => Ok(None),
    }
}

pub fn first_text(
    name: &str,
    part: &str,
    xml: &str,
    tag: &str,
) -> Result<Option<String>, ReadError> {
    let (mut inside, mut done, mut text) = (false, false, String::new());
    walk(name, part, xml, |node| match node {
        Node::Open(e) if !done && e.name().as_ref() == tag => inside = true,
        Node::Close(n) if inside && n == tag => (inside, done) = (false, true),
        Node::Text(t) if inside => text.push_str(t),
        _ => {}
    })?;
    let text = text.trim();
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

pub fn corrupt(name: &str, part: &str, detail: &str) -> ReadError {
    ReadError::Corrupt {
        name: name.to_owned(),
        detail: format!("{part}: {detail}"),
    }
}
