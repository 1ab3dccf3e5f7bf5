//! The checked registry kept on disk, keyed by the registry's content, so that a large
//! registry is parsed once per change rather than once per run.
//!
//! One file per registry path, in the user's cache directory (or `DUE_CACHE_DIR`; set it
//! empty to turn the cache off). A file that is missing, stale, damaged or written by
//! another build is ignored and replaced; the cache never changes an answer.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use crate::model::{Obligation, Origin, Registry, text_block};
use crate::parallel;

const MAGIC: &[u8; 8] = b"due-reg4";
/// The obligations are kept in runs of at least this many, and at most [`RUNS`] runs, read
/// back in turn by two threads: a smaller run is not worth a thread.
const RUN: usize = 2048;
const RUNS: usize = 16;
/// No obligation takes fewer bytes in the cache: each of its fields takes at least one, its
/// id, title and lead two.
const MIN_ENCODED: usize = 16;
/// The cache holds the model as this build lays it out: its source is part of the key.
const MODEL: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    include_str!("model.rs"),
    include_str!("dates.rs")
);
/// Below this size a registry parses about as fast as its cache file loads.
pub const MIN_SIZE: u64 = 64 * 1024;

/// From this size on, a registry is hashed on a thread of its own.
const HASH_APART: u64 = 1 << 20;

/// Which registry a cache file is for: a file (by its absolute path), or the one built in.
enum Slot<'a> {
    File(&'a Path),
    Embedded,
}

impl Slot<'_> {
    /// Where its cache lives, if caching is on.
    fn file(&self) -> Option<PathBuf> {
        let dir = match std::env::var_os("DUE_CACHE_DIR") {
            Some(dir) if dir.is_empty() => return None,
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "due")?
                .cache_dir()
                .to_path_buf(),
        };
        let name = match self {
            Slot::File(path) => {
                let absolute = std::path::absolute(path).ok()?;
                let hash = xxhash_rust::xxh3::xxh3_64(absolute.as_os_str().as_encoded_bytes());
                format!("registry-{hash:016x}.bin")
            }
            Slot::Embedded => "embedded.bin".to_string(),
        };
        Some(dir.join(name))
    }

    fn origin(&self) -> Origin {
        match self {
            Slot::File(path) => Origin::File(path.to_path_buf()),
            Slot::Embedded => Origin::Embedded,
        }
    }
}

/// Where a registry's copy is kept, and the content key the copy must carry: what a run
/// that parsed the registry needs to [`store`] it.
pub struct Place {
    file: PathBuf,
    key: [u8; 16],
}

/// The key of the built-in registry's content.
fn key_of_text(text: &str) -> [u8; 16] {
    let mut hasher = Xxh3::new();
    hasher.update(MODEL.as_bytes());
    hasher.update(text.as_bytes());
    hasher.digest128().to_le_bytes()
}

/// The key of a registry's content, read in pieces so the whole file is never held for it.
fn key_of(path: &Path) -> Option<[u8; 16]> {
    let mut hasher = Xxh3::new();
    hasher.update(MODEL.as_bytes());
    hasher.update(
        std::path::absolute(path)
            .ok()?
            .as_os_str()
            .as_encoded_bytes(),
    );
    let mut file = File::open(path).ok()?;
    // Small enough to stay in the processor's cache, and few pages to touch.
    let mut buf = [0; 1 << 16];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(_) => return None,
        }
    }
    Some(hasher.digest128().to_le_bytes())
}

/// The built-in registry as cached, if there is a good copy; else where to keep one.
pub fn load_embedded(text: &str) -> (Option<Place>, Option<Registry>) {
    let Some(file) = Slot::Embedded.file() else {
        return (None, None);
    };
    let place = Place {
        file,
        key: key_of_text(text),
    };
    let reg = load(&place, &Slot::Embedded);
    (Some(place), reg)
}

/// A registry file as cached, if there is a good copy; else where to keep one. When the
/// copy is likely current (the registry is large and the copy newer), the content key and
/// the copy's checksum are computed while the copy is decoded, on two cores, and the copy
/// kept only if both agree; otherwise the key comes first.
pub fn load_file(path: &Path, meta: &std::fs::Metadata) -> (Option<Place>, Option<Registry>) {
    let slot = Slot::File(path);
    let Some(file) = slot.file() else {
        return (None, None);
    };
    let copied = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
    let likely = meta.len() >= HASH_APART
        && matches!((copied, meta.modified().ok()), (Some(c), Some(r)) if c >= r);
    let copy = if likely { Copy::map(&file) } else { None };
    let Some(copy) = copy else {
        let Some(key) = key_of(path) else {
            return (None, None);
        };
        let place = Place { file, key };
        let reg = load(&place, &slot);
        return (Some(place), reg);
    };
    std::thread::scope(|s| {
        let checking = s.spawn(|| key_of(path).filter(|_| copy.sound()));
        // Decoding bytes not yet checked is safe: every length and range is bounded by the
        // file, and a copy that fails its checks is dropped whatever it decoded to.
        let reg = copy.decode(slot.origin());
        let (key, reg) = match checking.join() {
            Ok(Some(key)) if key == copy.key => (Some(key), reg),
            Ok(key) => (key.or_else(|| key_of(path)), None),
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (key.map(|key| Place { file, key }), reg)
    })
}

/// The copy at `place`, if it carries the place's key and is sound.
fn load(place: &Place, slot: &Slot<'_>) -> Option<Registry> {
    let copy = Copy::map(&place.file)?;
    (copy.key == place.key && copy.sound()).then(|| copy.decode(slot.origin()))?
}

/// A cache file mapped into memory, split into its parts but not yet checked. Layout:
/// magic, content key, checksum of the payload, payload. The payload holds the registry's
/// text, the registry but its obligations, the number of obligations and of runs of them,
/// and the runs; byte strings come after their length (8 bytes, little-endian), and the
/// model's strings are ranges of the text.
struct Copy {
    key: [u8; 16],
    sum: u64,
    /// The text, with its length before it: mapped for the rest of the run, since the
    /// registry borrows its strings from it.
    text: &'static [u8],
    /// The rest of the payload, unmapped once read.
    model: memmap2::Mmap,
}

const HEAD: usize = MAGIC.len() + 16 + 8;

impl Copy {
    fn map(path: &Path) -> Option<Copy> {
        let mut file = File::open(path).ok()?;
        let mut head = [0; HEAD + 8];
        file.read_exact(&mut head).ok()?;
        let (key, rest) = head.strip_prefix(MAGIC)?.split_first_chunk::<16>()?;
        let (sum, rest) = rest.split_first_chunk::<8>()?;
        let text_len = usize::try_from(u64::from_le_bytes(rest.try_into().ok()?)).ok()?;
        let text_end = (HEAD + 8).checked_add(text_len)?;
        let model_len = usize::try_from(file.metadata().ok()?.len())
            .ok()?
            .checked_sub(text_end)?;
        // SAFETY: the maps are read, never written. Cache files are only ever replaced
        // whole, by renaming a new file over the old one, so the file mapped here keeps its
        // content; only another program cutting it short in place could pull pages from
        // under a map (the run would then stop with SIGBUS, as ripgrep's searches may).
        let (text, model) = unsafe {
            let options = |at: usize, len: usize| {
                let mut o = memmap2::MmapOptions::new();
                o.offset(at as u64).len(len);
                o
            };
            (
                options(HEAD, text_end - HEAD).map(&file).ok()?,
                options(text_end, model_len).map(&file).ok()?,
            )
        };
        Some(Copy {
            key: *key,
            sum: u64::from_le_bytes(*sum),
            text: Box::leak(Box::new(text)),
            model,
        })
    }

    /// Whether the payload is as written: a damaged file must not decode into a registry
    /// whose references no longer hold.
    fn sound(&self) -> bool {
        let mut hasher = Xxh3::new();
        hasher.update(self.text);
        hasher.update(&self.model);
        hasher.digest() == self.sum
    }

    fn decode(&self, origin: Origin) -> Option<Registry> {
        let text = simdutf8::basic::from_utf8(Fields(self.text).bytes()?).ok()?;
        let body = &self.model[..];
        let mut fields = Fields(body);
        let mut reg: Registry =
            text_block::reading(text, || postcard::from_bytes(fields.bytes()?).ok())?;
        let count = usize::try_from(fields.number()?).ok()?;
        let runs: Vec<&[u8]> = (0..fields.number()?)
            .map(|_| fields.bytes())
            .collect::<Option<_>>()?;
        let read = |n: usize| {
            text_block::reading(text, || postcard::from_bytes::<Vec<Obligation>>(runs[n]))
        };
        parallel::in_turn(runs.len(), read, |run| {
            let mut run = run?;
            if reg.obligations.is_empty() {
                // The first run is kept as it was read, with room for the others. The count
                // may not have been checked yet: it is held to what the bytes could encode,
                // and room that cannot be had is left to grow as the runs come.
                let room = count
                    .min(body.len() / MIN_ENCODED)
                    .saturating_sub(run.len());
                let _ = run.try_reserve_exact(room);
                reg.obligations = run;
            } else {
                reg.obligations.append(&mut run);
            }
            Ok::<(), postcard::Error>(())
        })
        .ok()?;
        reg.origin = origin;
        Some(reg)
    }
}

/// The payload read front to back: numbers, and byte strings after their length.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn number(&mut self) -> Option<u64> {
        let (n, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*n))
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.number()?).ok()?;
        let (bytes, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        Some(bytes)
    }
}

/// Keeps a checked registry for the next run. Failing to is not an error: the next run
/// parses again.
pub fn store(place: &Place, reg: &Registry) {
    let (target, key) = (&place.file, place.key);
    let write = || -> std::io::Result<()> {
        let dir = target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        // Renamed into place but not flushed to disk as `atomic::replace` does: a copy cut
        // short by a crash fails its checksum and is made again.
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(MAGIC)?;
        tmp.write_all(&key)?;
        let (model, text) = text_block::writing(|| {
            let size = reg.obligations.len().div_ceil(RUNS).max(RUN);
            let mut parts = vec![postcard::to_stdvec(reg)?];
            for run in reg.obligations.chunks(size) {
                parts.push(postcard::to_stdvec(run)?);
            }
            Ok::<_, postcard::Error>(parts)
        });
        let model = model.map_err(std::io::Error::other)?;
        let mut payload = Vec::new();
        let number = |payload: &mut Vec<u8>, n: usize| payload.extend((n as u64).to_le_bytes());
        let field = |payload: &mut Vec<u8>, bytes: &[u8]| {
            number(payload, bytes.len());
            payload.extend_from_slice(bytes);
        };
        field(&mut payload, text.as_bytes());
        field(&mut payload, &model[0]);
        number(&mut payload, reg.obligations.len());
        number(&mut payload, model.len() - 1);
        for run in &model[1..] {
            field(&mut payload, run);
        }
        tmp.write_all(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes())?;
        tmp.write_all(&payload)?;
        tmp.persist(target)?;
        Ok(())
    };
    let _ = write();
}
