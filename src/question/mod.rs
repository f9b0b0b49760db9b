//! The essay question: where it came from, its time window, its focus and its
//! command word. Every later check reads the essay against it.

mod command;
mod focus;
pub mod window;

use serde::Serialize;
use std::cell::RefCell;
use std::collections::VecDeque;

pub use command::Command;
pub use focus::FocusTerm;
pub use window::Window;

/// Questions [`Question::parse`] keeps for each thread.
const RECENT_QUESTIONS: usize = 4;

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
    ///
    /// A class's essays mostly share one question (given once, or as each
    /// essay's title), and reading it was a hundredth of an essay's work: the
    /// last few questions read on this thread are kept and handed out again.
    pub fn parse(text: &str, source: Source) -> Question {
        thread_local! {
            static RECENT: RefCell<VecDeque<(String, Question)>> =
                const { RefCell::new(VecDeque::new()) };
        }
        RECENT.with_borrow_mut(|recent| {
            let q = match recent.iter().find(|(t, _)| t == text) {
                Some((_, q)) => q.clone(),
                None => {
                    let q = Question::read(text);
                    if recent.len() == RECENT_QUESTIONS {
                        recent.pop_back();
                    }
                    recent.push_front((text.to_owned(), q.clone()));
                    q
                }
            };
            Question { source, ..q }
        })
    }

    /// Reads a question's wording, every time.
    fn read(text: &str) -> Question {
        let source = Source::None;
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
    fn a_question_read_again_is_the_same_question() {
        let texts = [
            "How far was Lenin responsible for the Bolshevik victory, 1917-21?",
            "Assess the causes of the February Revolution.",
            "Trotsky's contribution to the success of the Bolsheviks up to 1922",
            "Why did the Provisional Government fall in 1917?",
            "To what extent was Stalin's rise due to his own skill, 1924-29?",
            "Explain the outcome of the Russian Civil War.",
        ];
        // Around more questions than are kept, and from either source.
        for round in 0..3 {
            for (i, text) in texts.iter().enumerate() {
                let source = [Source::Option, Source::Title][(i + round) % 2];
                let fresh = Question {
                    source,
                    ..Question::read(text)
                };
                assert_eq!(Question::parse(text, source), fresh, "{text}");
            }
        }
    }

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
