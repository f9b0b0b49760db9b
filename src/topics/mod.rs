//! Topic packs: what argmark knows about the history behind a question —
//! people, places, events, other factors, common mistakes — as versioned TOML
//! files (`models/topics/`, format documented in its README). Three are
//! compiled in; a user can load their own with `--topic-file`.

pub mod cues;
pub mod index;
pub mod lazy;
pub mod literals;
pub mod pack;
pub mod scan;
pub mod spec;
pub mod timeline;

use std::sync::{Arc, LazyLock};

use serde::Serialize;

use lazy::Lazy;
pub use pack::{Pack, PackError};

use crate::question::Question;

/// The built-in packs, as (file name, text). The first is the default.
const BUILTIN: &[(&str, &str)] = &[
    (
        "russia-1917-1922.toml",
        include_str!("../../models/topics/russia-1917-1922.toml"),
    ),
    (
        "versailles-1919-1939.toml",
        include_str!("../../models/topics/versailles-1919-1939.toml"),
    ),
    (
        "weimar-1919-1933.toml",
        include_str!("../../models/topics/weimar-1919-1933.toml"),
    ),
];

static PACKS: LazyLock<Vec<Arc<Pack>>> = LazyLock::new(|| {
    BUILTIN
        .iter()
        .map(|(name, src)| {
            Arc::new(
                // Patterns compile on first use: the tests validate them all.
                pack::load_trusted(&format!("models/topics/{name}"), src).unwrap_or_else(|e| {
                    panic!("built-in topic pack does not load: {e}");
                }),
            )
        })
        .collect()
});

/// Every built-in pack, default first.
pub fn builtins() -> &'static [Arc<Pack>] {
    &PACKS
}

/// A built-in pack by id (or by a prefix of it: "russia").
pub fn builtin(name: &str) -> Option<Arc<Pack>> {
    let name = name.trim().to_ascii_lowercase();
    let packs = builtins();
    packs
        .iter()
        .find(|p| p.id == name)
        .or_else(|| {
            let mut hits = packs.iter().filter(|p| p.id.starts_with(&name));
            match (hits.next(), hits.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        })
        .cloned()
}

/// Loads a user's pack from a file.
pub fn load_file(path: &std::path::Path) -> Result<Pack, PackError> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| PackError {
        file: name.clone(),
        line: 0,
        key: "(file)".into(),
        message: format!("cannot read: {e}"),
    })?;
    pack::load(&name, &src)
}

/// Which pack to use.
#[derive(Debug, Clone, Default)]
pub enum TopicChoice {
    /// Choose from the question (the default).
    #[default]
    Auto,
    /// No pack: the pack's checks are skipped.
    None,
    /// A pack named with `--topic`.
    Named(Arc<Pack>),
    /// A pack loaded with `--topic-file`.
    File(Arc<Pack>),
}

/// How the pack in use was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicSource {
    Auto,
    Option,
    File,
}

/// The pack an analysis uses.
#[derive(Debug, Clone)]
pub struct TopicUse {
    pub pack: Arc<Pack>,
    pub source: TopicSource,
    /// The question gave only an end ("up to 1922"); the start came from the pack.
    pub window_start_from_pack: bool,
}

/// Chooses the pack for a question.
pub fn choose(choice: &TopicChoice, question: &Question) -> Option<TopicUse> {
    let (pack, source) = match choice {
        TopicChoice::None => return None,
        TopicChoice::Named(p) => (p.clone(), TopicSource::Option),
        TopicChoice::File(p) => (p.clone(), TopicSource::File),
        TopicChoice::Auto => (best_match(builtins(), &question.text)?, TopicSource::Auto),
    };
    Some(TopicUse {
        pack,
        source,
        window_start_from_pack: false,
    })
}

/// The pack whose question patterns and keywords best fit a question; none
/// when nothing fits. Ties go to the default pack, then to the first listed.
pub fn best_match(packs: &[Arc<Pack>], question: &str) -> Option<Arc<Pack>> {
    if question.trim().is_empty() {
        return None;
    }
    let q = crate::normalize::fold(question);
    let mut best: Option<(usize, &Arc<Pack>)> = None;
    for p in packs {
        let score = p
            .question_patterns
            .iter()
            .filter(|r| r.is_match(&q))
            .count()
            * 2
            + p.keywords.iter().filter(|r| r.is_match(&q)).count();
        if score == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((s, b)) => score > s || (score == s && p.default && !b.default),
        };
        if better {
            best = Some((score, p));
        }
    }
    best.map(|(_, p)| p.clone())
}

impl Pack {
    /// The patterns of the pack's synonyms and related terms for the focus
    /// term with this stem: a paragraph one of them matches (folded with
    /// [`crate::normalize::fold`]) bears on the term. "Red Army" bears on
    /// "Trotsky"; "role" on "contribution".
    pub fn focus_matchers<'a>(&'a self, focus_stem: &'a str) -> impl Iterator<Item = &'a Lazy> {
        self.focus
            .iter()
            .filter(move |f| f.stems.iter().any(|s| s == focus_stem))
            .filter_map(|f| f.matcher.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_pack_loads_and_validates() {
        assert_eq!(builtins().len(), 3);
        for p in builtins() {
            assert!(
                !p.events.is_empty() && !p.people.is_empty() && !p.factors.is_empty(),
                "{}",
                p.id
            );
        }
        assert!(builtins()[0].default);
        // Loaded lazily above; every pattern compiles when loaded eagerly.
        for (name, src) in BUILTIN {
            pack::load(name, src).unwrap();
        }
    }

    #[test]
    fn packs_are_chosen_from_the_question() {
        let pick = |q: &str| best_match(builtins(), q).map(|p| p.id.clone());
        assert_eq!(
            pick("Assess Trotsky's contribution to the success of the Bolsheviks up to 1922")
                .as_deref(),
            Some("russia-1917-1922")
        );
        assert_eq!(
            pick("How far was the Treaty of Versailles responsible for the outbreak of the Second World War, 1919–1939?").as_deref(),
            Some("versailles-1919-1939")
        );
        assert_eq!(
            pick("Why did the Weimar Republic collapse, 1919–1933?").as_deref(),
            Some("weimar-1919-1933")
        );
        assert_eq!(pick("Should schools ban phones?"), None);
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = pack::load(
            "x.toml",
            "format = 2\nid = \"x\"\ntitle = \"X\"\n[question]\nwindow = \"1917\"\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (1, "format"));
        let e = pack::load(
            "x.toml",
            "format = 1\nid = \"x\"\ntitle = \"X\"\n[question]\nwindow = \"1922..1917\"\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (5, "question.window"));
        assert!(e.message.contains("ends before it starts"), "{e}");
        let e = pack::load(
            "x.toml",
            "format = 1\nid = \"x\"\ntitle = \"X\"\n[question]\nwindow = \"1917\"\n[[events]]\nid = \"a\"\nname = \"A\"\ndate = \"1917\"\nwhen = \"w\"\nafter = [\"b\"]\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (11, "events[0].after[0]"));
        let e = pack::load(
            "x.toml",
            "format = 1\nid = \"x\"\ntitle = \"X\"\n[question]\nwindow = \"1917\"\npatterns = ['(']\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.key.as_str()), (6, "question.patterns[0]"));
    }

    #[test]
    fn related_terms_bear_on_the_focus() {
        let p = builtin("russia").unwrap();
        let stem = crate::layout::words::stem("trotsky");
        let bears_on = |text: &str| {
            let folded = crate::normalize::fold(text);
            p.focus_matchers(&stem).any(|m| m.is_match(&folded))
        };
        assert!(bears_on("The Red Army grew to five million men."));
        assert!(!bears_on("The weather was cold."));
    }
}
