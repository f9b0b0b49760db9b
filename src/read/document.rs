//! What the .docx and .odt readers hand back: the prose, plus the parts
//! kept apart from it.

/// Text extracted from a word-processor document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Body paragraphs in order, separated by blank lines.
    pub text: String,
    /// The title from the document's properties, if set.
    pub title: Option<String>,
    /// Footnotes (and endnotes), one string each: a marker should not
    /// count them as the essay's prose, but they are not thrown away.
    pub footnotes: Vec<String>,
}

/// Collects paragraphs as the XML walk opens and closes them. A stack,
/// because paragraphs nest (a text box or a note inside a paragraph).
#[derive(Debug, Default)]
pub struct Paragraphs {
    open: Vec<String>,
    pub done: Vec<String>,
}

impl Paragraphs {
    pub fn open(&mut self) {
        self.open.push(String::new());
    }

    /// Closes the innermost paragraph; blank ones (spacing) are dropped.
    pub fn close(&mut self) {
        if let Some(p) = self.open.pop() {
            let p = p.trim_end();
            if !p.trim().is_empty() {
                self.done.push(p.to_owned());
            }
        }
    }

    /// Adds text to the innermost open paragraph (text outside any
    /// paragraph is layout noise and is dropped).
    pub fn push(&mut self, text: &str) {
        if let Some(p) = self.open.last_mut() {
            p.push_str(text);
        }
    }

    /// All finished paragraphs as one text, taking them out.
    pub fn take_joined(&mut self, sep: &str) -> String {
        std::mem::take(&mut self.done).join(sep)
    }
}

/// Skips a whole element and everything inside it.
#[derive(Debug, Default)]
pub struct Skip(usize);

impl Skip {
    pub fn active(&self) -> bool {
        self.0 > 0
    }

    /// Call on every opening tag while active, or to start skipping.
    pub fn enter(&mut self) {
        self.0 += 1;
    }

    /// Call on every closing tag while active.
    pub fn leave(&mut self) {
        self.0 -= 1;
    }

    /// While skipping, follows the nesting of `node` and says true (the
    /// node is skipped); otherwise says false.
    pub fn consumes(&mut self, node: &super::xml::Node<'_>) -> bool {
        if !self.active() {
            return false;
        }
        match node {
            super::xml::Node::Open(_) => self.enter(),
            super::xml::Node::Close(_) => self.leave(),
            _ => {}
        }
        true
    }
}
