//! What every file `due` reads or writes can count on, whatever its layout: only regular
//! files are read, and never past a size limit; a symbolic link is written through to its
//! target; the lock that orders writers sits beside the target, is never a link, and is
//! waited for only so long; folders `due` makes are private.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Reads a whole file that must be a regular one of at most `limit` bytes. A FIFO, a
/// device or a folder is refused at once: the file is opened without waiting for a writer
/// and judged by what was opened, so nothing can be swapped in between.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let (file, len) = open_regular(path, limit)?;
    read_all(file, len, limit)
}

/// [`read_regular`] for a file kept for the rest of the run, such as a registry, whose
/// strings are then borrowed rather than copied.
///
/// A long one is read into memory that the kernel is asked to back with huge pages, where it
/// has them. Fresh memory is otherwise given 4 KiB at a time, each page on its first touch: a
/// registry of 100,000 obligations (22 MB) took 5,300 such faults, a tenth of the run. The
/// memory is anonymous (no file is behind it) and this process's alone, as a vector's would
/// be; the advice changes how fast it is given, never what it holds.
pub fn read_regular_kept(path: &Path, limit: u64) -> io::Result<&'static [u8]> {
    let (file, len) = open_regular(path, limit)?;
    read_kept(file, len, limit)
}

/// How long a file must be before [`read_regular_kept`] asks for huge pages: one of them.
const HUGE_PAGE: usize = 2 << 20;

/// Reads a file measured at `len` bytes, kept for the rest of the run.
fn read_kept(mut file: File, len: usize, limit: u64) -> io::Result<&'static [u8]> {
    if len < HUGE_PAGE {
        return Ok(read_all(file, len, limit)?.leak());
    }
    let mut memory = memmap2::MmapMut::map_anon(len)?;
    // Only advice, and only Linux takes it: where huge pages are not to be had, the memory is
    // as any other.
    #[cfg(target_os = "linux")]
    let _ = memory.advise(memmap2::Advice::HugePage);
    let mut read = 0;
    while read < len {
        match file.read(&mut memory[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // A file that grew since it was measured is read on to its end, as `read_all` would.
    let mut more = Vec::new();
    file.take(limit + 1 - read as u64).read_to_end(&mut more)?;
    if more.is_empty() {
        let kept: &'static memmap2::MmapMut = Box::leak(Box::new(memory));
        return Ok(&kept[..read]);
    }
    let bytes = [&memory[..read], &more].concat();
    check_limit(bytes.len() as u64, limit)?;
    Ok(bytes.leak())
}

/// Opens a regular file of at most `limit` bytes, and says how long it is.
fn open_regular(path: &Path, limit: u64) -> io::Result<(File, usize)> {
    let file = open_nonblocking(path, OpenOptions::new().read(true), false)?;
    let meta = file.metadata()?;
    regular(&meta)?;
    check_limit(meta.len(), limit)?;
    let len = usize::try_from(meta.len()).map_err(|_| too_large(meta.len(), limit))?;
    Ok((file, len))
}

/// Reads a file measured at `len` bytes: one that grows while it is read is held to `limit`
/// too.
fn read_all(file: File, len: usize, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(len);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    check_limit(bytes.len() as u64, limit)?;
    Ok(bytes)
}

fn check_limit(size: u64, limit: u64) -> io::Result<()> {
    if size > limit {
        return Err(too_large(size, limit));
    }
    Ok(())
}

fn too_large(size: u64, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "the file is {} MiB, over the limit of {} MiB",
            size.div_ceil(1 << 20),
            limit >> 20
        ),
    )
}

/// Refuses what is not a regular file, naming what it is.
pub fn regular(meta: &fs::Metadata) -> io::Result<()> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                "a FIFO (named pipe)"
            } else if kind.is_socket() {
                "a socket"
            } else if kind.is_block_device() || kind.is_char_device() {
                "a device"
            } else {
                "not a file"
            }
        }
        #[cfg(not(unix))]
        "not a file"
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}, not a regular file"),
    ))
}

/// Opens without waiting: opening a FIFO for reading would wait for a writer. With
/// `nofollow`, a symbolic link is an error rather than a way elsewhere.
fn open_nonblocking(path: &Path, options: &mut OpenOptions, nofollow: bool) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let link = if nofollow { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | link);
    }
    #[cfg(not(unix))]
    let _ = nofollow;
    options.open(path)
}

/// The file a path ends at once symbolic links in its last component are followed: the
/// path itself when it is no link or does not exist. The target need not exist yet.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_owned();
    // As the kernel does, give up on a chain this long: it is most likely a loop.
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(at),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(at),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many symbolic links (a loop?)",
    ))
}

/// The folder a file sits in: `.` for a bare name.
pub fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Whether files made in `dir` are meant for its group too: the folder is group-writable,
/// as a team's shared folder is.
pub fn shared(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o020 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// Makes `dir` and any missing parents, readable by the user alone.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// An exclusive lock held until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    pub path: PathBuf,
}

/// Why the lock could not be taken; the `Display` is the catalogue's English.
#[derive(Debug)]
pub enum LockError {
    Busy { path: PathBuf, waited: Duration },
    Open { path: PathBuf, cause: io::Error },
}

impl std::error::Error for LockError {}

/// Where the lock for `target` lives: beside it, named after it with `.lock` added.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    target.with_file_name(name)
}

/// Takes the exclusive lock beside `target` (already resolved), waiting at most `timeout`.
/// `waiting` is called once, if the lock is not free at the first try.
pub fn lock(
    target: &Path,
    timeout: Duration,
    waiting: impl FnOnce(&Path),
) -> Result<Lock, LockError> {
    let path = lock_path(target);
    let open_error = |cause| LockError::Open {
        path: path.clone(),
        cause,
    };
    let file = open_lock(&path).map_err(open_error)?;
    regular(&file.metadata().map_err(open_error)?).map_err(open_error)?;
    let started = Instant::now();
    let mut waiting = Some(waiting);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file, path }),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => return Err(open_error(e)),
        }
        if let Some(say) = waiting.take() {
            say(&path);
        }
        let waited = started.elapsed();
        if waited >= timeout {
            return Err(LockError::Busy { path, waited });
        }
        std::thread::sleep(Duration::from_millis(50).min(timeout - waited));
    }
}

/// Opens (making it if need be) the lock file, never through a symbolic link, which could
/// make `due` create or truncate a file of someone else's choosing. A lock needs no write
/// permission, so a teammate's lock file that only they may write is still usable.
fn open_lock(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    let file = match open_nonblocking(path, &mut options, true) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && path.exists() => {
            open_nonblocking(path, OpenOptions::new().read(true), true)
        }
        other => other,
    };
    let file = file.map_err(|e| {
        // O_NOFOLLOW reports a link as "too many levels of symbolic links".
        let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if link {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a symbolic link, which a lock file must never be (remove it)",
            )
        } else {
            e
        }
    })?;
    if shared(folder(path)) {
        // A teammate with a private umask must not lock the others out; only the owner
        // may change the mode, and for anyone else it is already as it should be.
        let _ = share(&file);
    }
    Ok(file)
}

/// Opens a file to the group as well: read and write for the group, on top of its mode.
pub fn share(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode() & 0o7777;
        if mode & 0o060 != 0o060 {
            file.set_permissions(fs::Permissions::from_mode(mode | 0o060))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    #[test]
    fn links_are_followed_to_a_target_that_may_not_exist_yet() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("real")).unwrap();
        symlink("real/ledger.toml", d.join("first")).unwrap();
        symlink(d.join("first"), d.join("second")).unwrap();
        assert_eq!(
            resolve(&d.join("second")).unwrap(),
            d.join("real/ledger.toml")
        );
        assert_eq!(resolve(&d.join("plain")).unwrap(), d.join("plain"));
        symlink("loop", d.join("loop")).unwrap();
        assert!(resolve(&d.join("loop")).is_err());
    }

    /// A long file is read whole into its own memory, however its length changed since it was
    /// measured, and held to the limit.
    #[test]
    fn a_kept_file_is_read_whole_whatever_its_length_was_measured_at() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long");
        let text: Vec<u8> = (0..HUGE_PAGE + 12_345)
            .map(|n| b'a' + (n % 26) as u8)
            .collect();
        fs::write(&path, &text).unwrap();
        let open = || File::open(&path).unwrap();
        let limit = 1 << 30;
        assert_eq!(read_regular_kept(&path, limit).unwrap(), text);
        // Measured before it grew, or before it shrank.
        assert_eq!(read_kept(open(), HUGE_PAGE, limit).unwrap(), text);
        assert_eq!(read_kept(open(), text.len() + 99, limit).unwrap(), text);
        // A short one, as a vector.
        assert_eq!(read_kept(open(), 10, limit).unwrap(), text);
        let over = read_kept(open(), HUGE_PAGE, HUGE_PAGE as u64 + 100).unwrap_err();
        assert_eq!(over.kind(), io::ErrorKind::FileTooLarge);
        let over = read_regular_kept(&path, HUGE_PAGE as u64).unwrap_err();
        assert_eq!(over.kind(), io::ErrorKind::FileTooLarge);
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let e = read_regular(&fifo, 1 << 20).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = read_regular(dir.path(), 1 << 20).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
    }

    #[test]
    fn a_file_past_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        fs::write(&path, vec![b'a'; 3 << 20]).unwrap();
        let e = read_regular(&path, 2 << 20).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(read_regular(&path, 3 << 20).unwrap().len(), 3 << 20);
    }

    #[test]
    fn private_folders_are_0700() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        create_private_dir(&deep).unwrap();
        for d in [dir.path().join("a"), deep] {
            assert_eq!(fs::metadata(d).unwrap().permissions().mode() & 0o777, 0o700);
        }
    }

    #[test]
    fn a_link_at_the_lock_path_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("ledger.toml");
        let elsewhere = dir.path().join("elsewhere");
        symlink(&elsewhere, lock_path(&target)).unwrap();
        let e = lock(&target, Duration::from_secs(1), |_| {}).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(!elsewhere.exists());
    }

    #[test]
    fn a_held_lock_is_waited_for_once_then_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("ledger.toml");
        let held = lock(&target, Duration::from_secs(1), |_| panic!("free")).unwrap();
        let mut said = 0;
        let started = Instant::now();
        let e = lock(&target, Duration::from_millis(300), |p| {
            assert_eq!(p, held.path);
            said += 1;
        })
        .unwrap_err();
        assert!(matches!(e, LockError::Busy { .. }), "{e}");
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(said, 1);
        drop(held);
        lock(&target, Duration::from_secs(1), |_| panic!("free again")).unwrap();
    }
}
