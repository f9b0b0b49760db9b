//! Exit codes, documented in `--help` and the README.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the run worked.
    Ok,
    /// 1: findings at or above `--fail-on` were reported.
    Findings,
    /// 2: the command line was wrong (clap reports most of these itself).
    Usage,
    /// 3: an input could not be read (missing, unreadable, a directory).
    Unreadable,
    /// 4: an input was read but is not a usable essay (empty, binary, too
    /// large, undecodable).
    Unusable,
    /// 5: something went wrong inside argmark (a bug; please report it).
    Internal,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Usage => 2,
            Exit::Unreadable => 3,
            Exit::Unusable => 4,
            Exit::Internal => 5,
        }
    }

    /// The outcome for an input error with exit code 3 or 4.
    pub fn for_input_error(code: u8) -> Exit {
        if code == argmark::read::EXIT_UNREADABLE {
            Exit::Unreadable
        } else {
            Exit::Unusable
        }
    }

    /// The more serious of two outcomes (an input error outranks findings).
    pub fn worst(self, other: Exit) -> Exit {
        let rank = |e: Exit| match e {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Usage => 2,
            Exit::Unusable => 2,
            Exit::Unreadable => 3,
            Exit::Internal => 4,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}

/// The exit-code section of `--help`.
pub const HELP: &str = "\
Exit codes:
  0  the run worked (findings below --fail-on do not count)
  1  findings at or above --fail-on were reported (in batches: in any essay)
  2  usage error (unknown option, missing argument)
  3  an input could not be read (missing file, permission denied, a directory)
  4  an input is not a usable essay (empty, binary, too large, undecodable)
  5  internal error (a bug in argmark)";
