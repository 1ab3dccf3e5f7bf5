//! A registry file turned into text: limits checked before it is read, and the first byte
//! that is not text reported where it sits.

use std::path::Path;

use super::error::{ErrorKind, RegistryError};
use super::toml::Cx;
use super::{parse, parse_static};
use crate::model::{Origin, Registry};

/// Larger than any registry people write by hand or generate: 100,000 obligations are about
/// 32 MiB.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and checks a registry file.
pub fn load_file(path: &Path) -> Result<Registry, RegistryError> {
    if path.is_dir() {
        return Err(RegistryError::Directory(path.to_path_buf()));
    }
    let meta = std::fs::metadata(path).ok();
    // Checked before reading, so that a wrong path to a huge file fails at once.
    if let Some(meta) = &meta
        && meta.len() > MAX_BYTES
    {
        return Err(RegistryError::TooLarge(path.to_path_buf(), meta.len()));
    }
    let bytes = match crate::files::read_regular_kept(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RegistryError::Missing(path.to_path_buf()));
        }
        Err(cause) => {
            return Err(RegistryError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    let origin = Origin::File(path.to_path_buf());
    // The text is kept for the rest of the run, so the registry borrows its strings from it.
    let text = check_text(bytes, &origin)?;
    parse_static(text, origin)
}

/// Checks a registry's raw bytes without keeping them, as a file's would be checked.
pub fn parse_bytes(bytes: &[u8], origin: Origin) -> Result<Registry, RegistryError> {
    parse(check_text(bytes, &origin)?, origin)
}

/// A registry must be text before it can be TOML: the first byte that is not is reported
/// where it sits, as any other mistake.
fn check_text<'b>(bytes: &'b [u8], origin: &Origin) -> Result<&'b str, RegistryError> {
    let (at, kind) = match std::str::from_utf8(bytes) {
        // Looked for with vector instructions: almost every registry has none, and the
        // standard library's search goes a word at a time.
        Ok(text) => match memchr::memchr(0, bytes) {
            None => return Ok(text),
            Some(at) => (at, ErrorKind::NulByte),
        },
        Err(e) => {
            let at = e.valid_up_to();
            (at, ErrorKind::NotUtf8 { byte: bytes[at] })
        }
    };
    let before = std::str::from_utf8(&bytes[..at]).expect("valid up to here");
    let file = origin.to_string();
    let cx = Cx::new(&file, before, None);
    Err(cx.error(at..at, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A registry long enough to be read into huge pages reads as its text does.
    #[test]
    fn a_long_registry_file_reads_as_its_text() {
        let mut text = String::from("schema = 1\ntracking_since = 2026-06-01\n");
        for n in 0..12_000 {
            text.push_str(&format!(
                "\n[[obligation]]\nid = \"report-{n:06}\"\ntitle = {{ en = \"Report on this and that #{n}\", fr = \"Rapport nº {n}\" }}\nowner = \"Office {}\"\nmandate = \"Decision {}\"\nevery = \"month\"\ndue = \"{}\"\nlead = \"{}d\"\n",
                n % 7,
                n % 300,
                1 + n % 31,
                7 + n % 50
            ));
        }
        assert!(text.len() > 2 << 20, "{} bytes", text.len());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.toml");
        std::fs::write(&path, &text).unwrap();
        let from_file = load_file(&path).unwrap();
        let from_text = parse(&text, Origin::File(path.clone())).unwrap();
        assert_eq!(
            format!("{:?}", from_file.obligations),
            format!("{:?}", from_text.obligations)
        );
        assert_eq!(from_file.obligations.len(), 12_000);
        assert_eq!(&*from_file.obligations[11_999].id, "report-011999");
    }
}
