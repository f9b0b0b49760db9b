//! The essay question: where it came from, its time window, its focus and its
//! command word. Every later check reads the essay against it.

mod command;
mod focus;
pub mod window;

use serde::Serialize;

pub use command::Command;
pub use focus::FocusTerm;
pub use window::Window;

/// Where the question was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// `--question` (or a config file).
    Option,
    /// The essay's title line.
    Title,
    /// No question: the essay is read on its own.
    None,
}

/// A question as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub text: String,
    pub source: Source,
    pub window: Window,
    pub focus: Vec<FocusTerm>,
    pub command: Option<Command>,
    /// The command was not written but follows from the wording (a title such
    /// as "X's contribution to Y" asks for an assessment).
    pub command_implied: bool,
}

impl Question {
    /// Reads a question's wording.
    pub fn parse(text: &str, source: Source) -> Question {
        let text = crate::layout::collapse_space(text);
        let window = window::parse(&text);
        let (command, command_implied) = command::parse(&text);
        let focus = focus::parse(&text);
        Question {
            text,
            source,
            window,
            focus,
            command,
            command_implied,
        }
    }

    /// No question at all: nothing to measure against.
    pub fn none() -> Question {
        Question {
            text: String::new(),
            source: Source::None,
            window: Window::default(),
            focus: Vec::new(),
            command: None,
            command_implied: false,
        }
    }

    /// Does the question ask the writer to weigh factors against each other?
    pub fn asks_to_weigh(&self) -> bool {
        self.command.is_some_and(Command::weighs)
    }

    /// Stems of the focus terms, for matching against words.
    pub fn focus_stems(&self) -> impl Iterator<Item = &str> {
        self.focus.iter().map(|f| f.stem.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_question() {
        let q = Question::parse(
            "Trotsky's contribution to the success of the Bolsheviks up to 1922",
            Source::Option,
        );
        assert_eq!(
            q.window.end.map(|d| d.to_string()).as_deref(),
            Some("1922-12-31")
        );
        assert_eq!(q.window.start, None);
        let terms: Vec<&str> = q.focus.iter().map(|f| f.term.as_str()).collect();
        assert_eq!(terms, ["Trotsky", "contribution", "success", "Bolsheviks"]);
        assert_eq!(q.command, Some(Command::Assess));
        assert!(q.command_implied);
        assert!(q.asks_to_weigh());
    }

    #[test]
    fn explicit_command_and_range() {
        let q = Question::parse(
            "How far was the Treaty of Versailles responsible for the outbreak of the Second World War, 1919–1939?",
            Source::Option,
        );
        assert_eq!(q.command, Some(Command::HowFar));
        assert!(!q.command_implied);
        assert_eq!(q.window.to_string(), "1919-01-01 to 1939-12-31");
        let terms: Vec<&str> = q.focus.iter().map(|f| f.term.as_str()).collect();
        assert!(terms.contains(&"Versailles"), "{terms:?}");
        assert!(terms.contains(&"responsible"));
    }
}
