//! Output paths that can't hurt: a file argmark writes must never be one of
//! its inputs or lie inside an input folder.

use std::path::{Path, PathBuf};

/// The absolute, symlink-free form of a path that may not exist yet.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

/// Refuses `out` when it is an input or inside an input folder.
pub fn check(out: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Some(target) = resolve(out) else {
        return Ok(()); // its folder does not exist: writing will fail clearly
    };
    for input in inputs.iter().filter_map(|i| i.canonicalize().ok()) {
        if target == input || (input.is_dir() && target.starts_with(&input)) {
            anyhow::bail!(
                "{}: is an input or inside an input folder; not writing over it",
                out.display()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_an_input_and_a_path_inside_an_input_folder() {
        let dir = std::env::temp_dir().join(format!("argmark-safe-out-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("corpus")).unwrap();
        let input = dir.join("corpus/a.jsonl");
        std::fs::write(&input, "{}").unwrap();
        let inputs = [dir.join("corpus")];
        assert!(check(&input, &inputs).is_err());
        assert!(check(&dir.join("corpus/new.toml"), &inputs).is_err());
        assert!(
            check(
                &dir.join("corpus/../corpus/a.jsonl"),
                std::slice::from_ref(&input)
            )
            .is_err()
        );
        assert!(check(&dir.join("model.toml"), &inputs).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
