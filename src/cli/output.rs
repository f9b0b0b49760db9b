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
        let mut probe = comfy_table::Table::new();
        if let Some(w) = probe.width() {
            return w.max(40);
        }
        let _ = &mut probe;
    }
    100
}
