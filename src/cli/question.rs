//! `argmark question "…"`: how a question is read.

use argmark::question::{Question, Source};
use argmark::report::json::Report;

use super::args::{QuestionArgs, QuestionFormat as Format};
use super::{Exit, output};

pub fn run(args: &QuestionArgs) -> anyhow::Result<Exit> {
    let q = Question::parse(&args.question, Source::Option);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&Report::question(&q))? + "\n",
        Format::Table => {
            let focus: Vec<String> = q
                .focus
                .iter()
                .map(|f| format!("{} ({})", f.term, f.stem))
                .collect();
            let command = q.command.map_or("—".to_string(), |c| {
                if q.command_implied {
                    format!("{} (implied by the wording)", c.as_str())
                } else {
                    c.as_str().into()
                }
            });
            format!(
                "Question: {}\nWindow:   {}\nCommand:  {}\nFocus:    {}\nWeighs other factors: {}\n",
                q.text,
                if q.window.is_open() {
                    "none".to_string()
                } else {
                    q.window.label()
                },
                command,
                if focus.is_empty() {
                    "—".to_string()
                } else {
                    focus.join(", ")
                },
                if q.asks_to_weigh() { "yes" } else { "no" }
            )
        }
    };
    output::print(&text)
}
