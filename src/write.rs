//! Writing files the user asked for: complete or not at all.

use std::io::Write;
use std::path::Path;

/// Writes through a temporary file in the same directory and a rename, so the
/// target is either untouched or complete.
pub fn write_atomically(path: &Path, text: &str, overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".gtm-profile-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    let persisted = if overwrite {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| e.error)
}
