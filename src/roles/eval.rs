//! Scoring predicted roles against gold labels: per-role precision, recall
//! and F1, their macro average, the confusion matrix, paragraph modes, and the
//! three-way mapping used by persuasive-essay benchmarks.

use super::Role;
use super::structure::{Mode, mode};

/// Counts of gold role (row) against predicted role (column).
#[derive(Debug, Clone, Default)]
pub struct Confusion {
    pub m: [[usize; 8]; 8],
    /// Paragraph modes: (gold, predicted).
    pub modes: Vec<(Mode, Mode)>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

impl Confusion {
    pub fn add(&mut self, gold: &[Role], predicted: &[Role]) {
        for (g, p) in gold.iter().zip(predicted) {
            self.m[*g as usize][*p as usize] += 1;
        }
    }

    pub fn add_paragraph(&mut self, gold: &[Role], predicted: &[Role]) {
        self.modes.push((mode(gold), mode(predicted)));
    }

    pub fn total(&self) -> usize {
        self.m.iter().flatten().sum()
    }

    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..8).map(|i| self.m[i][i]).sum();
        right as f64 / self.total().max(1) as f64
    }

    pub fn scores(&self, role: Role) -> Scores {
        let r = role as usize;
        let predicted: usize = (0..8).map(|g| self.m[g][r]).sum();
        let support: usize = self.m[r].iter().sum();
        let (precision, recall, f1) = f1(self.m[r][r], predicted, support);
        Scores {
            precision,
            recall,
            f1,
            support,
        }
    }

    /// Mean F1 over the roles present in the gold labels.
    pub fn macro_f1(&self) -> f64 {
        let present: Vec<f64> = Role::ALL
            .iter()
            .map(|&r| self.scores(r))
            .filter(|s| s.support > 0)
            .map(|s| s.f1)
            .collect();
        present.iter().sum::<f64>() / present.len().max(1) as f64
    }

    /// The most frequent off-diagonal cells: (gold, predicted, count).
    pub fn top_confusions(&self, n: usize) -> Vec<(Role, Role, usize)> {
        let mut cells: Vec<(Role, Role, usize)> = Vec::new();
        for g in Role::ALL {
            for p in Role::ALL {
                let c = self.m[g as usize][p as usize];
                if g != p && c > 0 {
                    cells.push((g, p, c));
                }
            }
        }
        cells.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        cells.truncate(n);
        cells
    }

    /// Share of paragraphs whose mode is right, exactly, and on the
    /// narrative-or-not question.
    pub fn mode_accuracy(&self) -> (f64, f64) {
        let n = self.modes.len().max(1) as f64;
        let exact = self.modes.iter().filter(|(g, p)| g == p).count() as f64 / n;
        let binary = self
            .modes
            .iter()
            .filter(|(g, p)| (*g == Mode::Narrative) == (*p == Mode::Narrative))
            .count() as f64
            / n;
        (exact, binary)
    }

    /// Macro-F1 after mapping to a persuasive-essay scheme: thesis → major
    /// claim; claim, counter, link → claim; evidence, analysis → premise;
    /// narrative, other → none.
    pub fn mapped_macro_f1(&self) -> f64 {
        let group = |r: usize| match Role::ALL[r] {
            Role::Thesis => 0,
            Role::Claim | Role::Counter | Role::Link => 1,
            Role::Evidence | Role::Analysis => 2,
            Role::Narrative | Role::Other => 3,
        };
        let mut m = [[0usize; 4]; 4];
        for g in 0..8 {
            for p in 0..8 {
                m[group(g)][group(p)] += self.m[g][p];
            }
        }
        let f1s: Vec<f64> = m
            .iter()
            .enumerate()
            .filter(|(_, row)| row.iter().sum::<usize>() > 0)
            .map(|(c, row)| {
                let predicted: usize = m.iter().map(|r| r[c]).sum();
                f1(row[c], predicted, row.iter().sum()).2
            })
            .collect();
        f1s.iter().sum::<f64>() / f1s.len().max(1) as f64
    }

    /// A plain-text report: per-role scores, macro-F1 and the matrix.
    pub fn report(&self) -> String {
        let mut s = format!(
            "{:<10} {:>9} {:>7} {:>7} {:>8}\n",
            "role", "precision", "recall", "F1", "support"
        );
        for r in Role::ALL {
            let x = self.scores(r);
            s.push_str(&format!(
                "{:<10} {:>9.3} {:>7.3} {:>7.3} {:>8}\n",
                r.as_str(),
                x.precision,
                x.recall,
                x.f1,
                x.support
            ));
        }
        let (exact, binary) = self.mode_accuracy();
        s.push_str(&format!(
            "\nsentences {}  accuracy {:.3}  macro-F1 {:.3}  mapped (major claim/claim/premise/none) macro-F1 {:.3}\n",
            self.total(),
            self.accuracy(),
            self.macro_f1(),
            self.mapped_macro_f1()
        ));
        s.push_str(&format!(
            "paragraphs {}  mode right {:.3}  narrative-or-not right {:.3}\n\nconfusion (rows gold, columns predicted):\n{:<10}",
            self.modes.len(),
            exact,
            binary,
            ""
        ));
        for r in Role::ALL {
            s.push_str(&format!("{:>6}", &r.as_str()[..r.as_str().len().min(5)]));
        }
        s.push('\n');
        for g in Role::ALL {
            s.push_str(&format!("{:<10}", g.as_str()));
            for p in Role::ALL {
                s.push_str(&format!("{:>6}", self.m[g as usize][p as usize]));
            }
            s.push('\n');
        }
        s.push_str("\ncommonest confusions (gold → predicted):\n");
        for (g, p, c) in self.top_confusions(3) {
            s.push_str(&format!("  {} → {}: {c}\n", g.as_str(), p.as_str()));
        }
        s
    }
}

/// Precision, recall and F1 from counts; 0 where undefined.
fn f1(true_positives: usize, predicted: usize, support: usize) -> (f64, f64, f64) {
    let tp = true_positives as f64;
    let precision = if predicted == 0 {
        0.0
    } else {
        tp / predicted as f64
    };
    let recall = if support == 0 {
        0.0
    } else {
        tp / support as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}
