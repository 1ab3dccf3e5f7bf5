//! Writing a file so that a reader, or a crash, sees the old content or the new, never a
//! mix: write beside it, flush to disk, rename it into place, then make the rename durable.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// Replaces `path` with `bytes`. The new file gets `mode` (Unix permission bits) when
/// given, else the user's usual mode for new files.
pub fn replace(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let tmp = beside(path, bytes, mode)?;
    tmp.persist(path).map_err(|e| e.error)?;
    durable(path)
}

/// Writes the new file `path`; fails with `AlreadyExists`, writing nothing, when there is
/// a file of that name.
pub fn create(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let tmp = beside(path, bytes, mode)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    durable(path)
}

fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `bytes` on disk in a temporary file in `path`'s folder.
fn beside(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<NamedTempFile> {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // umask applies to the default, as for any new file.
        builder.permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666)));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut tmp = builder.tempfile_in(folder(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// A rename is durable only once the directory entry is.
fn durable(path: &Path) -> io::Result<()> {
    File::open(folder(path))?.sync_all()
}
