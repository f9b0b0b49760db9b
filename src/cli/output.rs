//! Writing to standard output: colour handled by anstream (stripped when not
//! a terminal, or when NO_COLOR is set), width fitted to the terminal.

use std::io::{IsTerminal, Write};

use super::Exit;

/// Prints text to standard output.
pub fn print(text: &str) -> anyhow::Result<Exit> {
    let mut out = anstream::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Ok)
}

/// Writes one JSON Lines row and its newline in one write: standard output
/// is line-buffered, and a row written apart from its newline was searched
/// end to end for one (1 % of a batch's instructions).
pub fn write_line(out: &mut impl Write, mut line: String) -> std::io::Result<()> {
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// The width to fit tables into: `--width`, else `COLUMNS`, else the
/// terminal's width, else 100.
pub fn width(requested: Option<u16>) -> u16 {
    if let Some(w) = requested {
        return w.max(40);
    }
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
    {
        return w.max(40);
    }
    if std::io::stdout().is_terminal() {
        // comfy-table asks the terminal for its size.
        if let Some(w) = comfy_table::Table::new().width() {
            return w.max(40);
        }
    }
    100
}

/// Where a report goes: standard output, or a file written atomically (a
/// temporary file beside it, renamed into place when the run finishes).
pub enum Sink {
    Stdout(anstream::AutoStream<std::io::Stdout>),
    /// Output that can hold no escape codes (JSON escapes them), written as
    /// it is: stripping costs as much as rendering a batch's JSON Lines.
    Plain(std::io::Stdout),
    File {
        tmp: std::path::PathBuf,
        dest: std::path::PathBuf,
        /// ANSI colour is stripped from what goes to a file (unless plain).
        out: std::io::BufWriter<std::fs::File>,
        plain: bool,
    },
}

impl Sink {
    /// Opens the output; refuses to write over an input (or into a folder
    /// being read, where the report would be read back as an essay).
    /// `plain`: the format cannot contain escape codes, so nothing is
    /// stripped.
    pub fn open(
        output: Option<&std::path::Path>,
        inputs: &[std::path::PathBuf],
        plain: bool,
    ) -> Result<Sink, String> {
        let stdout = || {
            if plain {
                Sink::Plain(std::io::stdout())
            } else {
                Sink::Stdout(anstream::stdout())
            }
        };
        let Some(dest) = output else {
            return Ok(stdout());
        };
        if dest.as_os_str() == "-" {
            return Ok(stdout());
        }
        let canon = |p: &std::path::Path| std::fs::canonicalize(p).ok();
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let target = canon(dest)
            .or_else(|| canon(dir).map(|d| d.join(dest.file_name().unwrap_or_default())));
        for input in inputs {
            let (Some(t), Some(i)) = (&target, canon(input)) else {
                continue;
            };
            if *t == i || (i.is_dir() && t.starts_with(&i) && is_essay_name(t)) {
                return Err(format!(
                    "--output {}: would overwrite or be read as an input ({})",
                    dest.display(),
                    input.display()
                ));
            }
        }
        let name = dest
            .file_name()
            .ok_or_else(|| format!("--output {}: not a file name", dest.display()))?;
        let tmp = dir.join(format!(
            ".{}.argmark-{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file =
            std::fs::File::create(&tmp).map_err(|e| format!("--output {}: {e}", dest.display()))?;
        Ok(Sink::File {
            tmp,
            dest: dest.to_path_buf(),
            out: std::io::BufWriter::new(file),
            plain,
        })
    }

    /// Flushes, and moves a file into place.
    pub fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(mut s) => s.flush(),
            Sink::Plain(mut s) => s.flush(),
            Sink::File { tmp, dest, out, .. } => {
                let mut buf = out;
                buf.flush()?;
                let file = buf.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
                drop(file);
                std::fs::rename(&tmp, &dest)
            }
        }
    }

    /// Drops a half-written file.
    pub fn abandon(self) {
        if let Sink::File { tmp, .. } = self {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

fn is_essay_name(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|e| {
        ["txt", "md", "docx", "odt", "zip"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::Plain(s) => s.write(buf),
            Sink::File {
                out, plain: true, ..
            } => out.write(buf),
            Sink::File { out, .. } => {
                out.write_all(&anstream::adapter::strip_bytes(buf).into_vec())?;
                Ok(buf.len())
            }
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::Plain(s) => s.flush(),
            Sink::File { out, .. } => out.flush(),
        }
    }
}

/// The LTI/Moodle timestamp: `--timestamp`, else SOURCE_DATE_EPOCH, else now.
pub fn timestamp(given: Option<&str>) -> Result<String, String> {
    use argmark::report::rows::{iso_timestamp, valid_timestamp};
    if let Some(t) = given {
        return if valid_timestamp(t) {
            Ok(t.to_string())
        } else {
            Err(format!(
                "--timestamp {t}: expected RFC 3339, e.g. 2026-05-01T09:00:00.000Z"
            ))
        };
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH={epoch}: not a number of seconds"))?;
        return Ok(iso_timestamp(secs, 0));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(iso_timestamp(now.as_secs() as i64, now.subsec_millis()))
}
