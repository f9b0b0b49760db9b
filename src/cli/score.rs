//! `argmark score`: the rubric, and its calibration against examiners'
//! marks.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use argmark::analysis::{self, Options};
use argmark::roles::corpus;
use argmark::score::calibrate::{self, Agreement, Case};
use argmark::score::{Rubric, rubric::BUILTIN};
use clap::Subcommand;
use serde::Deserialize;

use super::{Exit, output};

/// A report's label and which cases it covers.
type Split = (&'static str, fn(&Case) -> bool);

#[derive(Debug, Subcommand)]
pub enum ScoreCommand {
    /// Print the built-in rubric (a starting point for your own --rubric file).
    Rubric,
    /// Compare the rubric's levels and marks with examiners' on graded essays:
    /// Spearman's rank correlation of marks, exact and within-one level
    /// agreement, and the confusion of levels, for each split.
    Calibrate(CalibrateArgs),
}

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// Annotated corpus files (JSON Lines with `level` and `mark`).
    #[arg(value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    /// Examiner's grades of sample essays (TOML: `[stem] level, mark`); the
    /// essays are the files with those stems beside it.
    #[arg(long, value_name = "FILE")]
    pub samples: Option<PathBuf>,
    /// Score with this rubric instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// Also search for criterion weights and a mark scale that fit the `fit`
    /// split and the samples (never the `held` split), and print them.
    #[arg(long)]
    pub fit: bool,
    /// List every essay with its examiner's and the rubric's mark.
    #[arg(long)]
    pub essays: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Grade {
    level: u8,
    mark: u32,
    #[allow(dead_code)]
    why: Option<String>,
}

pub fn run(cmd: &ScoreCommand) -> anyhow::Result<Exit> {
    match cmd {
        ScoreCommand::Rubric => output::print(BUILTIN),
        ScoreCommand::Calibrate(args) => calibrate_cmd(args),
    }
}

fn calibrate_cmd(args: &CalibrateArgs) -> anyhow::Result<Exit> {
    let rubric = match &args.rubric {
        Some(p) => match Rubric::load(p) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("argmark: {e}");
                return Ok(Exit::Usage);
            }
        },
        None => Rubric::builtin(),
    };
    let options = Options {
        rubric: Some(Arc::new(rubric.clone())),
        max_mark: Some(25),
        ..Options::default()
    };
    let mut cases = Vec::new();
    for path in &args.corpus {
        let essays = corpus::load(path).map_err(anyhow::Error::msg)?;
        for mut e in essays {
            let (Some(level), Some(mark)) = (e.level, e.mark) else {
                continue;
            };
            analysis::finish(&mut e.analysis, &options);
            let s = e.analysis.score.as_ref().expect("finish scores");
            cases.push(Case::new(&e.id, &e.split, level, mark, s));
        }
    }
    if let Some(path) = &args.samples {
        cases.extend(samples(path, &options)?);
    }
    if cases.is_empty() {
        eprintln!("argmark: no graded essays (give corpus files or --samples)");
        return Ok(Exit::Usage);
    }
    let weights: Vec<f32> = rubric.criteria_in_order().map(|c| c.weight).collect();
    let (offset, scale) = (rubric.overall.offset, rubric.overall.scale);
    let mut out = String::new();
    let tuning: Vec<&Case> = cases.iter().filter(|c| c.split != "held").collect();
    let report = |out: &mut String, weights: &[f32], offset: f32, scale: f32| {
        let splits: [Split; 5] = [
            ("fit + samples (tuned on)", |c| c.split != "held"),
            ("fit", |c| c.split == "fit"),
            ("samples", |c| c.split == "samples"),
            ("held (never tuned on)", |c| c.split == "held"),
            ("all", |_| true),
        ];
        for (label, pick) in splits {
            let these: Vec<&Case> = cases.iter().filter(|c| pick(c)).collect();
            if these.is_empty() {
                continue;
            }
            let pred: Vec<u32> = these
                .iter()
                .map(|c| calibrate::mark(c, weights, offset, scale))
                .collect();
            write_agreement(out, label, &calibrate::agreement(&these, &pred));
        }
    };
    report(&mut out, &weights, offset, scale);
    if args.essays {
        let _ = writeln!(out, "essay        split    examiner  rubric");
        for c in &cases {
            let m = calibrate::mark(c, &weights, offset, scale);
            let _ = writeln!(
                out,
                "{:<12} {:<8} L{} {:>2}    L{} {:>2}   {:?}",
                c.id,
                c.split,
                c.level,
                c.mark,
                argmark::score::band(m, 25),
                m,
                c.criteria
                    .iter()
                    .map(|(s, _)| (s * 100.0).round() as i32)
                    .collect::<Vec<_>>()
            );
        }
        out.push('\n');
    }
    if args.fit {
        let f = calibrate::fit(&tuning, &rubric);
        let _ = writeln!(
            out,
            "== fitted on fit + samples; held reported, not tuned on"
        );
        report(&mut out, &f.weights, f.offset, f.scale);
        let _ = writeln!(out, "[overall]\noffset = {}\nscale = {}", f.offset, f.scale);
        for (c, w) in rubric.criteria_in_order().zip(&f.weights) {
            let _ = writeln!(out, "{}.weight = {w}", c.name);
        }
    }
    output::print(&out)
}

fn write_agreement(out: &mut String, label: &str, a: &Agreement) {
    let _ = writeln!(
        out,
        "{label}: {} essays  Spearman {:.3}  exact {:.0}%  within one level {:.0}%  mean |mark diff| {:.1}",
        a.essays,
        a.spearman,
        a.exact * 100.0,
        a.adjacent * 100.0,
        a.mae
    );
    let _ = writeln!(out, "  examiner \\ rubric  L1 L2 L3 L4 L5");
    for (i, row) in a.confusion.iter().enumerate() {
        let _ = writeln!(
            out,
            "  L{}                {}",
            i + 1,
            row.iter()
                .map(|n| format!("{n:>2}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    out.push('\n');
}

/// The graded samples: each `[stem]` of the grades file, read from the file
/// with that stem in the same folder.
fn samples(path: &Path, options: &Options) -> anyhow::Result<Vec<Case>> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let grades: BTreeMap<String, Grade> =
        toml::from_str(&text).with_context(|| path.display().to_string())?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut cases = Vec::new();
    for (stem, g) in grades {
        let file = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.file_stem().is_some_and(|s| s == stem.as_str()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .min()
            .with_context(|| format!("{}: no essay file for `{stem}`", path.display()))?;
        let source = argmark::read::read_path(&file, argmark::read::Limits::default())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let a = analysis::analyze(source.text, options);
        let s = a.score.as_ref().expect("analyze scores");
        cases.push(Case::new(&stem, "samples", g.level, g.mark, s));
    }
    Ok(cases)
}
