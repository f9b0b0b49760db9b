//! argmark: reads a student's essay and reports how well its argument is built.
//!
//! The pipeline, one module a stage:
//! [`read`] → [`layout`] → [`find`] → [`question`] → [`checks`] → [`report`].
//! [`analysis::analyze`] runs it end to end; [`topics`] packs add what is
//! known about the history behind a question.

pub mod analysis;
pub mod automaton;
pub mod batch;
pub mod checks;
pub mod config;
pub mod find;
pub mod finding;
pub mod layout;
pub mod normalize;
pub mod question;
pub mod read;
pub mod report;
pub mod roles;
pub mod score;
pub mod span;
pub mod suppress;
pub mod topics;
pub mod word_set;
