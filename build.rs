//! Embeds the Markdown guides: every `templates/guides/*.md` becomes an entry of `GUIDE_SOURCES`,
//! so a guide added to the folder is compiled in without touching the code.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=templates/guides");
    println!("cargo:rerun-if-changed=static/style.css");
    println!("cargo:rerun-if-changed=static/copy-link.js");
    fingerprint("static/style.css", "LADDER_STYLE_HASH");
    fingerprint("static/copy-link.js", "LADDER_SCRIPT_HASH");

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/guides");
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("templates/guides exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    entries.sort();

    let mut out =
        String::from("/// (slug, Markdown source) of every guide, sorted by file name.\n");
    out.push_str("pub(crate) static GUIDE_SOURCES: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        out.push_str(&format!(
            "    ({slug:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("guide_sources.rs");
    fs::write(dest, out).expect("write guide_sources.rs");
}

/// Exposes a short content hash of a static file as the environment variable `name`: pages link
/// to `/static/style.css?v=HASH`, so browsers may cache it for a year and still see every change.
fn fingerprint(file: &str, name: &str) {
    let bytes = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    // FNV-1a: tiny, stable across builds and platforms, and enough to tell versions apart.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    println!("cargo:rustc-env={name}={hash:016x}");
}
