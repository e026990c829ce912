//! Fingerprints the engine: `DOSSIER_ENGINE` is a hash of the core crate's
//! sources and data. An article a reader added and the page stored with an
//! older fingerprint is analysed again from its original (see `added::ENGINE`).

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut list = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(&root.join(dir), &mut list);
    }
    list.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for path in &list {
        let rel = path.strip_prefix(root).unwrap_or(path);
        eat(rel.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&[0]);
        match fs::read(path) {
            Ok(bytes) => eat(&bytes),
            Err(e) => panic!("{}: cannot read: {e}", path.display()),
        }
        eat(&[0]);
    }
    println!(
        "cargo:rustc-env=DOSSIER_ENGINE={}-{hash:016x}",
        env!("CARGO_PKG_VERSION")
    );
}
