//! The command word: what the question asks the writer to do.

use serde::Serialize;

use crate::normalize::word_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Command {
    HowFar,
    ToWhatExtent,
    Assess,
    Evaluate,
    HowImportant,
    HowSignificant,
    HowSuccessful,
    DoYouAgree,
    Explain,
    Why,
    Compare,
    Discuss,
    Analyse,
    Examine,
    Describe,
}

impl Command {
    pub fn as_str(self) -> &'static str {
        match self {
            Command::HowFar => "how far",
            Command::ToWhatExtent => "to what extent",
            Command::Assess => "assess",
            Command::Evaluate => "evaluate",
            Command::HowImportant => "how important",
            Command::HowSignificant => "how significant",
            Command::HowSuccessful => "how successful",
            Command::DoYouAgree => "do you agree",
            Command::Explain => "explain",
            Command::Why => "why",
            Command::Compare => "compare",
            Command::Discuss => "discuss",
            Command::Analyse => "analyse",
            Command::Examine => "examine",
            Command::Describe => "describe",
        }
    }

    /// Commands that ask for other factors or views to be weighed before a
    /// judgement is reached.
    pub fn weighs(self) -> bool {
        matches!(
            self,
            Command::HowFar
                | Command::ToWhatExtent
                | Command::Assess
                | Command::Evaluate
                | Command::HowImportant
                | Command::HowSignificant
                | Command::HowSuccessful
                | Command::DoYouAgree
                | Command::Discuss
        )
    }
}

/// Phrases in order: longer and more specific first.
const PHRASES: &[(&str, Command)] = &[
    ("to what extent", Command::ToWhatExtent),
    ("how far", Command::HowFar),
    ("how accurate", Command::HowFar),
    ("how valid", Command::HowFar),
    ("how important", Command::HowImportant),
    ("how significant", Command::HowSignificant),
    ("how successful", Command::HowSuccessful),
    ("how effective", Command::HowSuccessful),
    ("do you agree", Command::DoYouAgree),
    ("assess", Command::Assess),
    ("evaluate", Command::Evaluate),
    ("explain", Command::Explain),
    ("why", Command::Why),
    ("compare", Command::Compare),
    ("discuss", Command::Discuss),
    ("analyse", Command::Analyse),
    ("analyze", Command::Analyse),
    ("examine", Command::Examine),
    ("describe", Command::Describe),
];

/// Words that, in a title with no command, imply an assessment:
/// "Trotsky's contribution to…", "The importance of Lenin…".
const IMPLYING_ASSESS: &[&str] = &[
    "contribution",
    "role",
    "importance",
    "significance",
    "impact",
    "responsibility",
    "influence",
    "success",
    "failure",
    "effectiveness",
];

/// The command and whether it was only implied.
pub fn parse(question: &str) -> (Option<Command>, bool) {
    let key = word_key(question);
    let padded = format!(
        " {} ",
        key.replace(|c: char| !c.is_alphanumeric() && c != '\'', " ")
    );
    let found = PHRASES
        .iter()
        .filter_map(|&(phrase, cmd)| padded.find(&format!(" {phrase} ")).map(|at| (at, cmd)))
        .min_by_key(|&(at, _)| at);
    if let Some((_, cmd)) = found {
        return (Some(cmd), false);
    }
    let implied = IMPLYING_ASSESS
        .iter()
        .any(|w| padded.contains(&format!(" {w} ")));
    if implied {
        (Some(Command::Assess), true)
    } else {
        (None, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands() {
        assert_eq!(
            parse("To what extent was Lenin responsible?").0,
            Some(Command::ToWhatExtent)
        );
        assert_eq!(parse("How far do you agree that…").0, Some(Command::HowFar));
        assert_eq!(
            parse("Explain why the Whites lost.").0,
            Some(Command::Explain)
        );
        assert_eq!(parse("Why did Weimar collapse?").0, Some(Command::Why));
        assert_eq!(
            parse("'The war caused the revolution.' Assess the validity of this view.").0,
            Some(Command::Assess)
        );
        assert_eq!(
            parse("Trotsky's contribution to the success of the Bolsheviks"),
            (Some(Command::Assess), true)
        );
        assert_eq!(parse("My summer holiday"), (None, false));
    }
}
