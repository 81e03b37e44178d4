//! Writing files the user asked for: complete or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, removed if the run is interrupted
/// (Ctrl-C during a large report), so none is left beside the target.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every pending temporary file on Ctrl-C, then exits 130. The
/// interview installs a handler of its own first, and keeps it.
fn clean_up_on_interrupt() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
            std::process::exit(130);
        });
    });
}

/// Marks a temporary file as written until it is persisted or dropped.
struct Pending(PathBuf);

impl Pending {
    fn new(path: &Path) -> Pending {
        clean_up_on_interrupt();
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.push(path.to_path_buf());
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.retain(|p| *p != self.0);
    }
}

/// Writes through a temporary file in the same directory and a rename, so the
/// target is either untouched or complete. A new file gets the mode any new
/// file gets (0666 less the umask, so 0644 under umask 022), not the private
/// mode of a temporary file; a replaced file keeps its mode.
pub fn write_atomically(path: &Path, text: &str, overwrite: bool) -> std::io::Result<()> {
    write_atomically_with(path, overwrite, |file| {
        file.write_all(text.as_bytes())?;
        Ok(Some(()))
    })
    .map(|_| ())
}

/// [`write_atomically`] for content written piece by piece: `write` fills
/// the temporary file; if it returns `Ok(None)` or an error, the temporary
/// file is removed and `path` is left as it was.
pub fn write_atomically_with<T>(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<Option<T>>,
) -> std::io::Result<Option<T>> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // Named for the tool, not for what is written (reports and man pages too).
    builder.prefix(".gtm-write-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel takes the umask off this at creation.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The temporary file's name is ours, not the user's: keep it out of
    // the message (tempfile adds "at path ...").
    let mut file = builder.tempfile_in(dir).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at path ").next().unwrap_or_default();
        std::io::Error::new(e.kind(), message.to_string())
    })?;
    let _pending = Pending::new(file.path());
    if overwrite {
        if let Ok(existing) = std::fs::metadata(path) {
            file.as_file().set_permissions(existing.permissions())?;
        }
    }
    let written = {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
        let written = write(&mut buffered)?;
        buffered.flush()?;
        written
    };
    let Some(written) = written else {
        return Ok(None);
    };
    file.as_file().sync_all()?;
    let persisted = if overwrite {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map(|_| Some(written)).map_err(|e| e.error)
}

/// Refuses to let `--force` replace what is not a regular file: a rename
/// over a symbolic link, a FIFO or a device would silently turn it into a
/// regular file. `None` when `path` is absent or a regular file.
pub fn not_regular(path: &Path) -> Option<std::io::Error> {
    let kind = std::fs::symlink_metadata(path).ok()?.file_type();
    let what = if kind.is_file() {
        return None;
    } else if kind.is_symlink() {
        "is a symbolic link"
    } else if kind.is_dir() {
        "is a directory"
    } else {
        "is not a regular file"
    };
    Some(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "{what}, and --force replaces only regular files; remove it first, or write elsewhere"
        ),
    ))
}
