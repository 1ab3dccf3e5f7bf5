//! Writing a file so that a reader, or a crash, sees the old content or the new, never a
//! mix: write beside it, flush to disk, rename it into place, then make the rename durable.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use crate::files;

/// Replaces the file at `path` (through any symbolic link, so that the link keeps pointing
/// at it) with `bytes`. A file that existed keeps its mode and, where the user may set it,
/// its group, so that a teammate's umask does not lock the others out of a shared file. A
/// new file gets the user's usual mode, opened to the group in a group-writable folder.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = &files::resolve(path)?;
    let existing = match fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let tmp = beside(path, bytes, existing.as_ref())?;
    tmp.persist(path).map_err(|e| e.error)?;
    durable(path)
}

/// Writes the new file `path`, as [`replace`] writes a file that did not exist; fails with
/// `AlreadyExists`, writing nothing, when there is a file of that name.
pub fn create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = beside(path, bytes, None)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    durable(path)
}

/// `bytes` on disk in a temporary file in `path`'s folder, with the mode and group of the
/// file it replaces, if any.
fn beside(path: &Path, bytes: &[u8], existing: Option<&fs::Metadata>) -> io::Result<NamedTempFile> {
    let dir = files::folder(path);
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // umask applies to the default, as for any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    match existing {
        Some(meta) => keep_owner_and_mode(tmp.as_file(), meta)?,
        None if files::shared(dir) => files::share(tmp.as_file())?,
        None => {}
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// The rename is durable only once the directory entry is.
fn durable(path: &Path) -> io::Result<()> {
    File::open(files::folder(path))?.sync_all()
}

/// Gives the new copy the old file's group (when the user belongs to it; otherwise the
/// folder's rule stands) and then its mode, set explicitly so that no umask narrows it.
fn keep_owner_and_mode(file: &File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if file.metadata()?.gid() != old.gid() {
            // Refused unless the user is in that group: the copy then keeps the folder's.
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
        // After the group: changing it may clear the set-group-ID bit.
        file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))?;
    }
    #[cfg(not(unix))]
    let _ = (file, old);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn the_mode_is_kept_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(mode(&path), 0o664);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        replace(&path, b"newer").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(fs::read_to_string(&path).unwrap(), "newer");
    }

    #[test]
    fn a_new_file_in_a_group_writable_folder_is_group_writable() {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).unwrap();
        let path = dir.path().join("ledger.toml");
        replace(&path, b"new").unwrap();
        assert_eq!(mode(&path) & 0o060, 0o060);

        let private = tempfile::tempdir().unwrap();
        fs::set_permissions(private.path(), fs::Permissions::from_mode(0o700)).unwrap();
        let path = private.path().join("ledger.toml");
        replace(&path, b"new").unwrap();
        assert_eq!(mode(&path) & 0o020, 0);
    }

    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("shared")).unwrap();
        let target = dir.path().join("shared/ledger.toml");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("ledger.toml");
        symlink("shared/ledger.toml", &link).unwrap();
        replace(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }
}
