//! `argmark explain CODE`: what a finding means and how to fix it.

use argmark::checks::{CATALOG, lookup};

use super::args::ExplainArgs;
use super::{Exit, output};

pub fn run(args: &ExplainArgs) -> anyhow::Result<Exit> {
    let Some(code) = &args.code else {
        let mut text = String::from("Finding codes (argmark explain CODE for more):\n");
        for c in CATALOG {
            text.push_str(&format!(
                "  {:<28} {:<10} {}\n",
                c.code,
                c.severity.as_str(),
                c.summary
            ));
        }
        return output::print(&text);
    };
    let Some(info) = lookup(code) else {
        eprintln!("argmark: unknown finding code `{code}` (run `argmark explain` to list them)");
        return Ok(Exit::Usage);
    };
    output::print(&format!(
        "{}  ({})\n\n{}\n\nWhy it matters: {}\n\nExample: {}\n",
        info.code,
        info.severity.as_str(),
        info.summary,
        info.why,
        info.example
    ))
}
