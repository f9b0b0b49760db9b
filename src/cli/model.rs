//! `argmark model fit|eval`: fit the role model on an annotated corpus, or
//! measure it.

use anyhow::{Context, bail};
use std::path::PathBuf;

use argmark::roles::corpus::{self, Annotated};
use argmark::roles::eval::Confusion;
use argmark::roles::fit::{self, Settings};
use argmark::roles::model::{MODEL, Model};
use argmark::roles::{Role, classify, features};

use super::{Exit, output};

#[derive(Debug, clap::Subcommand)]
pub enum ModelCommand {
    /// Fit the role weights on annotated essays and write the model file.
    Fit {
        /// Annotated corpus files (JSON Lines; see corpus/README.md).
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// Which essays to fit on: fit, held or all.
        #[arg(long, default_value = "fit")]
        split: String,
        /// Where to write the model (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value_t = Settings::default().epochs)]
        epochs: usize,
    },
    /// Choose fitting settings by k-fold cross-validation on the fit split
    /// (essays, not sentences, are folded), never looking at the held split.
    Cv {
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value_t = 5)]
        folds: usize,
    },
    /// Print per-role precision, recall, F1, macro-F1 and the confusion matrix.
    Eval {
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// Which essays to score: fit, held or all.
        #[arg(long, default_value = "held")]
        split: String,
        /// A model file to evaluate instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Only essays of this kind (history, argumentative).
        #[arg(long)]
        kind: Option<String>,
    },
}

/// Scores settings by fitting on k-1 folds of essays and predicting the
/// k-th, for every fold.
fn cross_validate(essays: &[Annotated], folds: usize, settings: Settings) -> Confusion {
    let features: Vec<Vec<[f32; features::N]>> = essays
        .iter()
        .map(|e| features::extract(&e.analysis))
        .collect();
    let mut confusion = Confusion::default();
    for k in 0..folds.max(2) {
        let mut train = Vec::new();
        for (i, e) in essays.iter().enumerate() {
            if i % folds != k {
                train.extend(features[i].iter().copied().zip(e.gold.iter().copied()));
            }
        }
        let model = fit::fit(&train, settings, String::new());
        for (_, e) in essays.iter().enumerate().filter(|(i, _)| i % folds == k) {
            let predicted: Vec<Role> = classify(&e.analysis, &model)
                .iter()
                .map(|r| r.role)
                .collect();
            confusion.add(&e.gold, &predicted);
        }
    }
    confusion
}

fn load(paths: &[PathBuf], split: &str, kind: Option<&str>) -> anyhow::Result<Vec<Annotated>> {
    if !["fit", "held", "all"].contains(&split) {
        bail!("--split must be fit, held or all, not `{split}`");
    }
    let mut out = Vec::new();
    for p in paths {
        out.extend(corpus::load(p).map_err(anyhow::Error::msg)?);
    }
    out.retain(|e| (split == "all" || e.split == split) && kind.is_none_or(|k| e.kind == k));
    if out.is_empty() {
        bail!("no essays in the {split} split");
    }
    Ok(out)
}

pub fn run(cmd: &ModelCommand) -> anyhow::Result<Exit> {
    match cmd {
        ModelCommand::Fit {
            corpus,
            split,
            output: out,
            epochs,
        } => {
            if let Some(path) = out
                && let Err(e) = super::safe_out::check(path, corpus)
            {
                eprintln!("argmark: {e}");
                return Ok(Exit::Usage);
            }
            let essays = load(corpus, split, None)?;
            let mut examples = Vec::new();
            for e in &essays {
                examples.extend(
                    features::extract(&e.analysis)
                        .into_iter()
                        .zip(e.gold.iter().copied()),
                );
            }
            let names: Vec<String> = corpus.iter().map(|p| p.display().to_string()).collect();
            let settings = Settings {
                epochs: *epochs,
                ..Settings::default()
            };
            let note = format!(
                "{} ({} split: {} essays, {} sentences; {} epochs, learning rate {}, L2 {}, balance {})",
                names.join(", "),
                split,
                essays.len(),
                examples.len(),
                settings.epochs,
                settings.learning_rate,
                settings.l2,
                settings.balance
            );
            let model = fit::fit(&examples, settings, note);
            let text = model.to_toml();
            match out {
                Some(path) => {
                    std::fs::write(path, text)
                        .with_context(|| format!("writing {}", path.display()))?;
                    eprintln!("argmark: wrote {}", path.display());
                    Ok(Exit::Ok)
                }
                None => output::print(&text),
            }
        }
        ModelCommand::Cv { corpus, folds } => {
            let essays = load(corpus, "fit", None)?;
            let mut text =
                String::from("l2      balance epochs  CV macro-F1  CV mapped macro-F1\n");
            for l2 in [0.0005f32, 0.002, 0.008] {
                for balance in [0.0f32, 0.5, 1.0] {
                    let settings = Settings {
                        l2,
                        balance,
                        ..Settings::default()
                    };
                    let c = cross_validate(&essays, *folds, settings);
                    text.push_str(&format!(
                        "{l2:<7} {balance:<7} {:<7} {:.3}        {:.3}\n",
                        settings.epochs,
                        c.macro_f1(),
                        c.mapped_macro_f1()
                    ));
                }
            }
            output::print(&text)
        }
        ModelCommand::Eval {
            corpus,
            split,
            model,
            kind,
        } => {
            let essays = load(corpus, split, kind.as_deref())?;
            let custom = match model {
                Some(p) => Some(
                    Model::parse(
                        &std::fs::read_to_string(p).with_context(|| p.display().to_string())?,
                    )
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
                ),
                None => None,
            };
            let model = custom.as_ref().unwrap_or(&MODEL);
            let mut confusion = Confusion::default();
            for e in &essays {
                let predicted: Vec<Role> = classify(&e.analysis, model)
                    .iter()
                    .map(|r| r.role)
                    .collect();
                confusion.add(&e.gold, &predicted);
                let mut at = 0;
                for p in &e.analysis.doc.paragraphs {
                    let n = p.sentences.len();
                    confusion.add_paragraph(&e.gold[at..at + n], &predicted[at..at + n]);
                    at += n;
                }
            }
            let header = format!(
                "{} essays ({} split{})\n\n",
                essays.len(),
                split,
                kind.as_ref().map(|k| format!(", {k}")).unwrap_or_default()
            );
            output::print(&(header + &confusion.report()))
        }
    }
}
