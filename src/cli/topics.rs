//! `argmark topics`, and turning `--topic`/`--topic-file` into a choice.

use std::sync::Arc;

use argmark::topics::{self, Pack, TopicChoice};

use std::path::Path;

use super::args::TopicsArgs;
use super::{Exit, output};

/// The pack choice a `check` command asks for; an error message for a bad
/// name or a pack file that does not load.
pub fn choice(topic: Option<&str>, file: Option<&Path>) -> Result<TopicChoice, String> {
    if let Some(path) = file {
        return topics::load_file(path)
            .map(|p| TopicChoice::File(Arc::new(p)))
            .map_err(|e| format!("topic pack: {e}"));
    }
    match topic.unwrap_or("auto").trim() {
        "" | "auto" => Ok(TopicChoice::Auto),
        "none" => Ok(TopicChoice::None),
        name => topics::builtin(name)
            .map(TopicChoice::Named)
            .ok_or_else(|| {
                let ids: Vec<&str> = topics::builtins().iter().map(|p| p.id.as_str()).collect();
                format!(
                    "unknown topic pack `{name}`; use auto, none, or one of: {}",
                    ids.join(", ")
                )
            }),
    }
}

pub fn run(args: &TopicsArgs) -> anyhow::Result<Exit> {
    let mut text = String::from("Topic packs (--topic ID, or --topic-file FILE):\n");
    let mut list: Vec<(Arc<Pack>, &str)> = topics::builtins()
        .iter()
        .map(|p| {
            (
                p.clone(),
                if p.default {
                    "built in, default"
                } else {
                    "built in"
                },
            )
        })
        .collect();
    if let Some(path) = &args.topic_file {
        match topics::load_file(path) {
            Ok(p) => list.push((Arc::new(p), "file")),
            Err(e) => {
                eprintln!("argmark: topic pack: {e}");
                return Ok(Exit::Usage);
            }
        }
    }
    for (p, kind) in list {
        text.push_str(&format!(
            "  {:<24} {}\n  {:<24} window {}–{}; {} people, {} events, {} factors, {} misconceptions ({kind})\n",
            p.id,
            p.title,
            "",
            p.window.start.year,
            p.window.end.year,
            p.people.len(),
            p.events.len(),
            p.factors.len(),
            p.misconceptions.len(),
        ));
    }
    output::print(&text)
}
