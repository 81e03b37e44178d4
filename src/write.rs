//! Writing files the user asked for: complete or not at all.

use std::io::Write;
use std::path::Path;

/// Writes through a temporary file in the same directory and a rename, so the
/// target is either untouched or complete. A new file gets the mode any new
/// file gets (0666 less the umask, so 0644 under umask 022), not the private
/// mode of a temporary file; a replaced file keeps its mode.
pub fn write_atomically(path: &Path, text: &str, overwrite: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gtm-profile-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel takes the umask off this at creation.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    if overwrite {
        if let Ok(existing) = std::fs::metadata(path) {
            file.as_file().set_permissions(existing.permissions())?;
        }
    }
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    let persisted = if overwrite {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| e.error)
}
