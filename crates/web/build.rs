//! Embeds the NHS.UK design system's compiled CSS, script and images in the binary.
//!
//! The files come from the `nhsuk-frontend` package, installed from the workspace's
//! `package-lock.json`. If it is not installed yet, this runs `npm ci` once, so a fresh
//! clone builds with one command.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

fn main() {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists");
    let dist = root.join("node_modules/nhsuk-frontend/dist/nhsuk");
    println!(
        "cargo:rerun-if-changed={}",
        root.join("package-lock.json").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        dist.join("nhsuk-frontend.min.css").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        manifest.join("static").display()
    );
    if !dist.join("nhsuk-frontend.min.css").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&root)
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => {
                panic!("`npm ci` failed ({s}): the NHS.UK design system could not be installed")
            }
            Err(e) => panic!("could not run npm ({e}): install Node.js and npm, then build again"),
        }
    }

    // (URL path, file, content type)
    let mut files: Vec<(String, PathBuf, &str)> = vec![
        (
            "nhsuk-frontend.min.css".into(),
            dist.join("nhsuk-frontend.min.css"),
            "text/css; charset=utf-8",
        ),
        (
            "nhsuk-frontend.min.js".into(),
            dist.join("nhsuk-frontend.min.js"),
            "text/javascript; charset=utf-8",
        ),
    ];
    let images = dist.join("assets/images");
    let mut names: Vec<_> = fs::read_dir(&images)
        .expect("nhsuk-frontend ships assets/images")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let kind = match Path::new(&name).extension().and_then(|e| e.to_str()) {
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("ico") => "image/x-icon",
            _ => continue,
        };
        files.push((format!("images/{name}"), images.join(&name), kind));
    }
    let own = manifest.join("static");
    let mut own_names: Vec<_> = fs::read_dir(&own)
        .expect("crates/web/static exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    own_names.sort();
    for name in own_names {
        let kind = match Path::new(&name).extension().and_then(|e| e.to_str()) {
            Some("css") => "text/css; charset=utf-8",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            _ => continue,
        };
        files.push((name.clone(), own.join(&name), kind));
    }

    let mut out = String::from(
        "/// Embedded static files: (path under /assets/, content type, bytes).\npub static FILES: &[(&str, &str, &[u8])] = &[\n",
    );
    for (path, file, kind) in &files {
        out.push_str(&format!(
            "    ({path:?}, {kind:?}, include_bytes!({:?})),\n",
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("assets.rs");
    fs::write(dest, out).expect("write assets.rs");
}
